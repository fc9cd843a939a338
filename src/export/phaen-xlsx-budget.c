/* phaen-xlsx-budget.c — a plan's quarterly budget (จัดสรร, ก่อหนี้ผูกพัน, เบิกจ่าย) against the
 * cabinet's cumulative disbursement targets: the numbers of the budget page, one sheet per plan
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-xlsx"

#include "config.h"

#include <math.h>

#include "phaen-budget-view.h"
#include "phaen-calendar.h"
#include "phaen-xlsx-private.h"

/* The amount the columns are sized for, as the plan form sizes its budget column (wider ones
 * print as #### until the column is widened: eight columns must fit the page at 16 pt). */
#define LARGEST_AMOUNT "99,999,999.99"
#define PERCENT_PX 84.0
#define NAME_PX 230.0
/* Eight columns print on A4 landscape at the form's 16 pt: the name, then three amounts of two
 * quarters (the rows' table comes in two blocks, ไตรมาสที่ 1–2 and 3–4) and the cumulative
 * percentage; the summary uses the name column for its labels, then one column a quarter. */
#define COL_NAME 0
#define COL_BLOCK(half, f) (1 + 3 * (half) + (f)) /* half 0/1 of a block, amount f */
#define COL_PERCENT 7
#define COL_SUMMARY(q) (1 + (q)) /* q = 4: the year */
#define N_COLS 8

static const char *const field_words[PHAEN_BUDGET_FIELDS] = { "จัดสรร", "ก่อหนี้ผูกพัน", "เบิกจ่าย" };

static const char *
status_words (PhaenBudgetStatus status)
{
  switch (status)
    {
    case PHAEN_BUDGET_ON_TARGET:
      return "ตามเป้าหมาย";
    case PHAEN_BUDGET_SHORT:
      return "ต่ำกว่าเป้าหมาย";
    case PHAEN_BUDGET_IN_PROGRESS:
      return "ยังไม่สิ้นไตรมาส";
    case PHAEN_BUDGET_NOTHING_ALLOCATED:
    default:
      return "-";
    }
}

/* A percentage, or "-" without an allocation. */
static void
write_percent (PhaenXlsxSheet *sheet, lxw_row_t row, lxw_col_t col, double value)
{
  if (isnan (value))
    _phaen_xlsx_text (sheet, row, col, "-", sheet->book->fmt.center);
  else
    _phaen_xlsx_number (sheet, row, col, round (value * 100) / 100, sheet->book->fmt.percent);
}

/* The plan's quarters: one line per figure, one column per quarter and the year. */
static lxw_row_t
write_summary (PhaenXlsxSheet *sheet, const PhaenBudgetView *view, lxw_row_t row)
{
  PhaenXlsxFormats *f = &sheet->book->fmt;
  const PhaenBudgetFigures *t = &view->total;
  static const char *const labels[] = {
    "จัดสรร (บาท)",
    "ก่อหนี้ผูกพัน (บาท)",
    "เบิกจ่าย (บาท)",
    "เบิกจ่ายสะสม (บาท)",
    "ร้อยละการเบิกจ่ายสะสม",
    "เป้าหมายการเบิกจ่ายสะสม ตามมติคณะรัฐมนตรี (ร้อยละ)",
    "เป้าหมายการเบิกจ่ายสะสม (บาท)",
    "ต่ำกว่าเป้าหมาย (บาท)",
    "ผลเทียบเป้าหมาย",
  };

  _phaen_xlsx_text (sheet, row, COL_NAME, "รายการ", f->header);
  for (int q = 0; q < PHAEN_QUARTERS; q++)
    {
      g_autofree char *quarter = phaen_quarter_label (q + 1, sheet->book->options->thai_digits);

      _phaen_xlsx_text (sheet, row, COL_SUMMARY (q), quarter, f->header);
    }
  _phaen_xlsx_text (sheet, row, COL_SUMMARY (PHAEN_QUARTERS), "ทั้งปี", f->header);
  _phaen_xlsx_keep_with_next (sheet, row);
  row++;
  for (guint line = 0; line < G_N_ELEMENTS (labels); line++)
    {
      _phaen_xlsx_text (sheet, row, COL_NAME, labels[line], f->label);
      for (int q = 0; q < PHAEN_QUARTERS; q++)
        {
          double value = NAN;
          gboolean percent = line == 4 || line == 5;

          switch (line)
            {
            case 0:
            case 1:
            case 2:
              value = t->amount[line][q];
              break;
            case 3:
              value = t->cumulative[PHAEN_BUDGET_DISBURSED][q];
              break;
            case 4:
              value = t->disbursed_percent[q];
              break;
            case 5:
              value = view->targets[q];
              break;
            case 6:
              value = t->target_amount[q];
              break;
            case 7:
              value = isnan (t->shortfall[q]) ? NAN : MAX (t->shortfall[q], 0);
              break;
            default:
              break;
            }
          if (line == 8)
            _phaen_xlsx_text (sheet, row, COL_SUMMARY (q), status_words (t->status[q]),
                              t->status[q] == PHAEN_BUDGET_SHORT ? f->label : f->center);
          else if (percent)
            write_percent (sheet, row, COL_SUMMARY (q), value);
          else if (isnan (value))
            _phaen_xlsx_text (sheet, row, COL_SUMMARY (q), "-", f->center);
          else
            _phaen_xlsx_number (sheet, row, COL_SUMMARY (q), value, f->money);
        }
      if (line <= 2)
        _phaen_xlsx_number (sheet, row, COL_SUMMARY (PHAEN_QUARTERS), t->annual[line], f->money);
      else
        _phaen_xlsx_blank (sheet, row, COL_SUMMARY (PHAEN_QUARTERS), f->center);
      row++;
    }
  return row;
}

/* One block of the rows' table: every row of the plan with two quarters' amounts (projects sum
 * their activities by the page's counting rule), the cumulative percentage at the second
 * quarter's end, and the plan's total. */
static lxw_row_t
write_block (PhaenXlsxSheet *sheet, const PhaenBudgetView *view, int first_quarter, lxw_row_t row)
{
  PhaenXlsxFormats *f = &sheet->book->fmt;
  const int last_quarter = first_quarter + 1;
  g_autofree char *percent_head =
    g_strdup_printf ("ร้อยละเบิกจ่ายสะสม ณ สิ้นไตรมาสที่ %d", last_quarter + 1);

  _phaen_xlsx_merge_text (sheet, row, COL_NAME, row + 1, COL_NAME, "โครงการ/กิจกรรม", f->header);
  for (int half = 0; half < 2; half++)
    {
      g_autofree char *quarter =
        phaen_quarter_label (first_quarter + half + 1, sheet->book->options->thai_digits);

      _phaen_xlsx_merge_text (sheet, row, COL_BLOCK (half, 0), row, COL_BLOCK (half, 2), quarter,
                              f->header);
      for (int k = 0; k < PHAEN_BUDGET_FIELDS; k++)
        _phaen_xlsx_text (sheet, row + 1, COL_BLOCK (half, k), field_words[k], f->header);
    }
  _phaen_xlsx_merge_text (sheet, row, COL_PERCENT, row + 1, COL_PERCENT, percent_head, f->header);
  _phaen_xlsx_keep_with_next (sheet, row);
  _phaen_xlsx_keep_with_next (sheet, row + 1);
  row += 2;
  for (guint i = 0; i < view->rows->len; i++)
    {
      const PhaenBudgetRow *r = g_ptr_array_index (view->rows, i);
      g_autofree char *label = g_strdup_printf ("%*s%s %s", 2 * r->depth, "", r->number, r->name);
      PhaenXlsxRow *each = _phaen_xlsx_row_new (sheet, row);
      double percent = r->figures.disbursed_percent[last_quarter];

      _phaen_xlsx_row_text (each, COL_NAME, COL_NAME, label, r->has_children ? f->label : f->text);
      for (int half = 0; half < 2; half++)
        for (int k = 0; k < PHAEN_BUDGET_FIELDS; k++)
          _phaen_xlsx_row_number (each, COL_BLOCK (half, k),
                                  r->figures.amount[k][first_quarter + half], f->money);
      if (isnan (percent))
        _phaen_xlsx_row_text (each, COL_PERCENT, COL_PERCENT, "-", f->center);
      else
        _phaen_xlsx_row_number (each, COL_PERCENT, round (percent * 100) / 100, f->percent);
      row += _phaen_xlsx_row_write (each);
    }
  _phaen_xlsx_text (sheet, row, COL_NAME, "รวม", f->total_label);
  for (int half = 0; half < 2; half++)
    for (int k = 0; k < PHAEN_BUDGET_FIELDS; k++)
      _phaen_xlsx_number (sheet, row, COL_BLOCK (half, k),
                          view->total.amount[k][first_quarter + half], f->money);
  write_percent (sheet, row, COL_PERCENT, view->total.disbursed_percent[last_quarter]);
  return row + 1;
}

gboolean
_phaen_xlsx_write_budget (PhaenXlsxBook *book, const PhaenPlan *plan, const PhaenBudgetView *view)
{
  PhaenXlsxFormats *f = &book->fmt;
  double widths[N_COLS];
  g_autofree char *title = NULL, *year = NULL, *unit_line = NULL;
  PhaenXlsxSheet *sheet;
  lxw_row_t row = 0;

  {
    g_autofree char *largest = _phaen_xlsx_display (book, LARGEST_AMOUNT);
    double amount_px = (_phaen_xlsx_text_px (book, largest, FALSE) + 14) *
                       PHAEN_XLSX_DEFAULT_FONT_SIZE / _phaen_xlsx_font_size (book);

    widths[COL_NAME] = NAME_PX;
    for (lxw_col_t c = 1; c < N_COLS; c++)
      widths[c] = c == COL_PERCENT ? PERCENT_PX : amount_px;
  }
  sheet = _phaen_xlsx_sheet_new_fitted (book, "งบประมาณรายไตรมาส", widths, N_COLS,
                                        PHAEN_XLSX_ORIENTATION_LANDSCAPE);
  title = g_strdup_printf ("ผลการใช้จ่ายงบประมาณรายไตรมาส %s", plan->title);
  year = g_strdup_printf ("ประจำปีงบประมาณ พ.ศ. %d", plan->fiscal_year);
  unit_line = g_strdup_printf ("หน่วยงาน : %s", book->unit->name);
  _phaen_xlsx_merge_text (sheet, row, 0, row, N_COLS - 1, title, f->title);
  row++;
  _phaen_xlsx_merge_text (sheet, row, 0, row, N_COLS - 1, year, f->title);
  row += 2;
  _phaen_xlsx_merge_text (sheet, row, 0, row, N_COLS - 1, unit_line, f->heading);
  row += 2;
  row = write_summary (sheet, view, row);
  if (view->targets_default)
    {
      _phaen_xlsx_merge_text (sheet, row, 0, row, N_COLS - 1,
                              "หมายเหตุ: ปีงบประมาณนี้ยังไม่ได้กำหนดเป้าหมายการเบิกจ่าย"
                              " ใช้ค่าเริ่มต้น (ร้อยละ 30 / 52 / 75 / 100)",
                              f->note);
      row++;
    }
  if (view->from_plan)
    {
      _phaen_xlsx_merge_text (sheet, row, 0, row, N_COLS - 1,
                              "หมายเหตุ: ยอดรวมมาจากงบประมาณรายไตรมาสของทั้งแผน"
                              " (ยังไม่ได้กรอกรายโครงการ/กิจกรรม)",
                              f->note);
      row++;
    }
  else if (view->plan_differs)
    {
      _phaen_xlsx_merge_text (
        sheet, row, 0, row, N_COLS - 1,
        "หมายเหตุ: ยอดรวมของโครงการ/กิจกรรมไม่ตรงกับงบประมาณรายไตรมาสที่กรอกไว้สำหรับทั้งแผน", f->note);
      row++;
    }
  row++;
  row = write_block (sheet, view, 0, row);
  row++;
  write_block (sheet, view, 2, row);
  /* Two blocks with headers of their own: no title rows repeated on every page. */
  _phaen_xlsx_sheet_finish_plain (sheet);
  _phaen_xlsx_sheet_free (sheet);
  return TRUE;
}
