/* phaen-xlsx-budget.c — a plan's quarterly budget (จัดสรร, ก่อหนี้ผูกพัน, เบิกจ่าย) against the
 * cabinet's cumulative disbursement targets: the numbers of the budget page, one sheet per plan
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-xlsx"

#include "config.h"

#include <math.h>

#include "phaen-budget-view.h"
#include "phaen-calendar.h"
#include "phaen-xlsx-private.h"

#define NAME_PX 260.0
#define AMOUNT_PX 96.0
#define PERCENT_PX 64.0
/* The rows' table: the name, three amounts per quarter, the year's allocation and disbursement
 * and the disbursed percentage. */
#define COL_QUARTER(q, f) (1 + 3 * (q) + (f))
#define COL_ANNUAL_ALLOCATED (1 + 3 * PHAEN_QUARTERS)
#define COL_ANNUAL_DISBURSED (COL_ANNUAL_ALLOCATED + 1)
#define COL_PERCENT (COL_ANNUAL_ALLOCATED + 2)
#define N_COLS (COL_PERCENT + 1)

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
  const lxw_col_t label_last = 0;

  _phaen_xlsx_text (sheet, row, 0, "รายการ", f->header);
  for (int q = 0; q < PHAEN_QUARTERS; q++)
    {
      g_autofree char *quarter = phaen_quarter_label (q + 1, sheet->book->options->thai_digits);

      _phaen_xlsx_merge_text (sheet, row, COL_QUARTER (q, 0), row, COL_QUARTER (q, 2), quarter,
                              f->header);
    }
  _phaen_xlsx_merge_text (sheet, row, COL_ANNUAL_ALLOCATED, row, COL_PERCENT, "ทั้งปี", f->header);
  row++;
  for (int line = 0; line < 9; line++)
    {
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

      _phaen_xlsx_text (sheet, row, label_last, labels[line], f->label);
      for (int q = 0; q < PHAEN_QUARTERS; q++)
        {
          lxw_col_t first = COL_QUARTER (q, 0), last = COL_QUARTER (q, 2);
          double value = NAN;
          gboolean percent = FALSE;

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
              percent = TRUE;
              break;
            case 5:
              value = view->targets[q];
              percent = TRUE;
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
            _phaen_xlsx_merge_text (sheet, row, first, row, last, status_words (t->status[q]),
                                    t->status[q] == PHAEN_BUDGET_SHORT ? f->label : f->center);
          else if (isnan (value))
            _phaen_xlsx_merge_text (sheet, row, first, row, last, "-", f->center);
          else
            {
              _phaen_xlsx_merge_blank (sheet, row, first, row, last,
                                       percent ? f->percent : f->money);
              _phaen_xlsx_number (sheet, row, first, percent ? round (value * 100) / 100 : value,
                                  percent ? f->percent : f->money);
            }
        }
      if (line <= 2)
        {
          _phaen_xlsx_merge_blank (sheet, row, COL_ANNUAL_ALLOCATED, row, COL_PERCENT, f->money);
          _phaen_xlsx_number (sheet, row, COL_ANNUAL_ALLOCATED, t->annual[line], f->money);
        }
      else
        _phaen_xlsx_merge_blank (sheet, row, COL_ANNUAL_ALLOCATED, row, COL_PERCENT, f->center);
      row++;
    }
  return row;
}

/* Every row of the plan, projects summing their activities by the page's counting rule. */
static lxw_row_t
write_rows (PhaenXlsxSheet *sheet, const PhaenBudgetView *view, lxw_row_t row)
{
  PhaenXlsxFormats *f = &sheet->book->fmt;

  _phaen_xlsx_merge_text (sheet, row, 0, row + 1, 0, "โครงการ/กิจกรรม", f->header);
  for (int q = 0; q < PHAEN_QUARTERS; q++)
    {
      g_autofree char *quarter = phaen_quarter_label (q + 1, sheet->book->options->thai_digits);

      _phaen_xlsx_merge_text (sheet, row, COL_QUARTER (q, 0), row, COL_QUARTER (q, 2), quarter,
                              f->header);
      for (int k = 0; k < PHAEN_BUDGET_FIELDS; k++)
        _phaen_xlsx_text (sheet, row + 1, COL_QUARTER (q, k), field_words[k], f->header);
    }
  _phaen_xlsx_merge_text (sheet, row, COL_ANNUAL_ALLOCATED, row, COL_PERCENT, "ทั้งปี", f->header);
  _phaen_xlsx_text (sheet, row + 1, COL_ANNUAL_ALLOCATED, "จัดสรร", f->header);
  _phaen_xlsx_text (sheet, row + 1, COL_ANNUAL_DISBURSED, "เบิกจ่าย", f->header);
  _phaen_xlsx_text (sheet, row + 1, COL_PERCENT, "ร้อยละ", f->header);
  row += 2;
  for (guint i = 0; i < view->rows->len; i++)
    {
      const PhaenBudgetRow *r = g_ptr_array_index (view->rows, i);
      g_autofree char *label = g_strdup_printf ("%*s%s %s", 2 * r->depth, "", r->number, r->name);
      PhaenXlsxRow *each = _phaen_xlsx_row_new (sheet, row);
      double percent = r->figures.disbursed_percent[PHAEN_QUARTERS - 1];

      _phaen_xlsx_row_text (each, 0, 0, label, r->has_children ? f->label : f->text);
      for (int q = 0; q < PHAEN_QUARTERS; q++)
        for (int k = 0; k < PHAEN_BUDGET_FIELDS; k++)
          _phaen_xlsx_row_number (each, COL_QUARTER (q, k), r->figures.amount[k][q], f->money);
      _phaen_xlsx_row_number (each, COL_ANNUAL_ALLOCATED, r->figures.annual[PHAEN_BUDGET_ALLOCATED],
                              f->money);
      _phaen_xlsx_row_number (each, COL_ANNUAL_DISBURSED, r->figures.annual[PHAEN_BUDGET_DISBURSED],
                              f->money);
      if (isnan (percent))
        _phaen_xlsx_row_text (each, COL_PERCENT, COL_PERCENT, "-", f->center);
      else
        _phaen_xlsx_row_number (each, COL_PERCENT, round (percent * 100) / 100, f->percent);
      row += _phaen_xlsx_row_write (each);
    }
  _phaen_xlsx_text (sheet, row, 0, "รวม", f->total_label);
  for (int q = 0; q < PHAEN_QUARTERS; q++)
    for (int k = 0; k < PHAEN_BUDGET_FIELDS; k++)
      _phaen_xlsx_number (sheet, row, COL_QUARTER (q, k), view->total.amount[k][q], f->money);
  _phaen_xlsx_number (sheet, row, COL_ANNUAL_ALLOCATED, view->total.annual[PHAEN_BUDGET_ALLOCATED],
                      f->money);
  _phaen_xlsx_number (sheet, row, COL_ANNUAL_DISBURSED, view->total.annual[PHAEN_BUDGET_DISBURSED],
                      f->money);
  write_percent (sheet, row, COL_PERCENT, view->total.disbursed_percent[PHAEN_QUARTERS - 1]);
  return row + 1;
}

gboolean
_phaen_xlsx_write_budget (PhaenXlsxBook *book, const PhaenPlan *plan, const PhaenBudgetView *view)
{
  PhaenXlsxFormats *f = &book->fmt;
  double widths[N_COLS];
  g_autofree char *title = NULL, *year = NULL, *unit_line = NULL;
  PhaenXlsxSheet *sheet;
  lxw_row_t row = 0, head;

  widths[0] = NAME_PX;
  for (lxw_col_t c = 1; c < N_COLS; c++)
    widths[c] = c == COL_PERCENT ? PERCENT_PX : AMOUNT_PX;
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
  head = row;
  row = write_rows (sheet, view, row);
  _phaen_xlsx_sheet_finish (sheet, head, head + 1);
  _phaen_xlsx_sheet_free (sheet);
  return TRUE;
}
