/* phaen-xlsx-efficiency.c — the 12-item efficiency plan, OPDC indicator 4.2 (DOMAIN.md §3c)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-xlsx"

#include "config.h"

#include "phaen-efficiency.h"
#include "phaen-score.h"
#include "phaen-thai-text.h"
#include "phaen-xlsx-private.h"

#define COL_ITEM 0
#define COL_TYPE 1
#define COL_MONTH(m) (2 + (m))

static const char *const category_note =
  "หมายเหตุ: ประเภทเรื่องที่ดำเนินการ (1) การอำนวยความสะดวกแก่ประชาชน "
  "(2) การบูรณาการการทำงานระหว่างหน่วยงาน/ภาคส่วนอื่น (3) การป้องกัน/แก้ไขปัญหาด้านทุจริต "
  "(4) การเพิ่มประสิทธิภาพของส่วนราชการ (5) การประหยัดทรัพยากร";

static char *
range_ref (lxw_row_t row, lxw_col_t first_col, lxw_col_t last_col)
{
  g_autofree char *from = _phaen_xlsx_ref (row, first_col);
  g_autofree char *to = _phaen_xlsx_ref (row, last_col);

  return g_strdup_printf ("%s:%s", from, to);
}

/* Writes a formula over the merged columns first_col..last_col of @row. */
static void
merged_formula (PhaenXlsxSheet *sheet,
                lxw_row_t row,
                lxw_col_t first_col,
                lxw_col_t last_col,
                const char *formula,
                gboolean has_value,
                double value,
                lxw_format *format)
{
  _phaen_xlsx_merge_blank (sheet, row, first_col, row, last_col, format);
  _phaen_xlsx_formula (sheet, row, first_col, formula, has_value, value, format);
}

static void
round_row (PhaenXlsxSheet *sheet,
           lxw_row_t row,
           const PhaenEfficiencyRound *round,
           lxw_row_t planned_row,
           lxw_row_t achieved_row)
{
  PhaenXlsxBook *book = sheet->book;
  PhaenXlsxFormats *f = &book->fmt;
  g_autofree char *first = _phaen_xlsx_month_header (book, 0);
  g_autofree char *end = _phaen_xlsx_month_header (book, round->months - 1);
  g_autofree char *label =
    g_strdup_printf ("รอบที่ %d (%d เดือน: %s – %s)", round->round, round->months, first, end);
  g_autofree char *planned_range =
    range_ref (planned_row, COL_MONTH (0), COL_MONTH (round->months - 1));
  g_autofree char *achieved_range =
    range_ref (achieved_row, COL_MONTH (0), COL_MONTH (round->months - 1));
  g_autofree char *planned = g_strdup_printf ("=SUM(%s)", planned_range);
  g_autofree char *achieved = g_strdup_printf ("=SUM(%s)", achieved_range);
  g_autofree char *planned_ref = _phaen_xlsx_ref (row, COL_MONTH (0));
  g_autofree char *achieved_ref = _phaen_xlsx_ref (row, COL_MONTH (3));
  g_autofree char *percent_ref = _phaen_xlsx_ref (row, COL_MONTH (6));
  g_autofree char *pass = _phaen_xlsx_num (PHAEN_PASS_PERCENT_DEFAULT);
  /* seed 004: ผลผลิตที่ดำเนินการได้ตามแผน × 100 ÷ ผลผลิตตามแผนทั้งหมด; nothing planned is no
   * score, not 0 %. */
  g_autofree char *percent =
    g_strdup_printf ("=IF(%s=0,\"\",ROUND(%s*100/%s,2))", planned_ref, achieved_ref, planned_ref);
  g_autofree char *verdict = g_strdup_printf ("=IF(%s=\"\",\"\",IF(%s>=%s,\"ผ่าน\",\"ไม่ผ่าน\"))",
                                              percent_ref, percent_ref, pass);

  _phaen_xlsx_merge_text (sheet, row, COL_ITEM, row, COL_TYPE, label, f->text);
  merged_formula (sheet, row, COL_MONTH (0), COL_MONTH (2), planned, TRUE, round->planned,
                  f->count);
  merged_formula (sheet, row, COL_MONTH (3), COL_MONTH (5), achieved, TRUE, round->achieved,
                  f->count);
  merged_formula (sheet, row, COL_MONTH (6), COL_MONTH (8), percent, round->has_score,
                  round->percent, f->percent);
  _phaen_xlsx_merge_blank (sheet, row, COL_MONTH (9), row, COL_MONTH (11), f->center);
  /* A round that has not ended is neither ผ่าน nor ไม่ผ่าน (DOMAIN §3c). */
  if (round->in_progress)
    _phaen_xlsx_text (sheet, row, COL_MONTH (9), "อยู่ระหว่างดำเนินการ", f->center);
  else
    _phaen_xlsx_formula_text (sheet, row, COL_MONTH (9), verdict,
                              !round->has_score ? ""
                              : round->passed   ? "ผ่าน"
                                                : "ไม่ผ่าน",
                              f->center);
}

gboolean
_phaen_xlsx_write_efficiency (PhaenXlsxBook *book, const PhaenPlan *plan, GError **error)
{
  PhaenXlsxFormats *f = &book->fmt;
  int n_months = PHAEN_FISCAL_MONTHS + CLAMP (plan->extra_months, 0, PHAEN_FISCAL_MONTHS);
  guint n_cols = n_months + 4;
  lxw_col_t col_progress = COL_MONTH (n_months), col_output = col_progress + 1, last = n_cols - 1;
  double widths[PHAEN_XLSX_MAX_COLS] = { 42, 9.5 };
  g_autoptr (GPtrArray) activities = NULL;
  g_autoptr (GPtrArray) items = g_ptr_array_new ();
  guint outputs[PHAEN_MAX_MONTHS];
  g_autofree char *subtitle = NULL;
  g_autofree char *group_a = NULL;
  PhaenXlsxSheet *sheet;
  lxw_row_t head = 3, first, planned_row, achieved_row, row;
  GDate today;

  activities = phaen_store_list_activities (book->store, plan->id, error);
  if (activities == NULL)
    return FALSE;
  /* Sub-steps are not items of the plan (phaen-efficiency.c counts only the top level). */
  for (guint i = 0; i < activities->len; i++)
    {
      PhaenActivity *activity = g_ptr_array_index (activities, i);

      if (activity->parent_id == 0)
        g_ptr_array_add (items, activity);
    }
  phaen_efficiency_outputs_per_month (activities, outputs);

  for (int m = 0; m < n_months; m++)
    widths[COL_MONTH (m)] = 9.0;
  widths[col_progress] = 24;
  widths[col_output] = 24;
  sheet = _phaen_xlsx_sheet_new (book, "แผนเพิ่มประสิทธิภาพ 12 เรื่อง", widths, n_cols);

  subtitle = g_strdup_printf ("%s ประจำปีงบประมาณ พ.ศ. %d", book->unit->name, book->fiscal_year);
  _phaen_xlsx_merge_text (sheet, 0, 0, 0, last,
                          plan->title && *plan->title ? plan->title
                                                      : "แผนการพัฒนาประสิทธิภาพในการปฏิบัติงาน 12 เรื่อง",
                          f->title);
  _phaen_xlsx_merge_text (sheet, 1, 0, 1, last, subtitle, f->subtitle);

  _phaen_xlsx_merge_text (sheet, head, COL_ITEM, head + 1, COL_ITEM, "เรื่องที่ดำเนินการ", f->header);
  _phaen_xlsx_merge_text (sheet, head, COL_TYPE, head + 1, COL_TYPE, "ประเภท", f->header);
  _phaen_xlsx_merge_text (sheet, head, COL_MONTH (0), head, COL_MONTH (n_months - 1),
                          "ระยะเวลาดำเนินการ", f->header);
  for (int m = 0; m < n_months; m++)
    {
      g_autofree char *month = _phaen_xlsx_month_header (book, m);

      _phaen_xlsx_text (sheet, head + 1, COL_MONTH (m), month, f->header);
    }
  _phaen_xlsx_merge_text (sheet, head, col_progress, head + 1, col_progress, "รายงานความก้าวหน้า",
                          f->header);
  _phaen_xlsx_merge_text (sheet, head, col_output, head + 1, col_output, "ผลผลิต", f->header);

  first = row = head + 2;
  for (guint i = 0; i < items->len; i++)
    {
      const PhaenActivity *item = g_ptr_array_index (items, i);
      g_autofree char *label =
        g_strdup_printf ("%s. %s", item->number ? item->number : "", item->name ? item->name : "");
      g_autoptr (GString) progress = g_string_new (item->progress ? item->progress : "");
      PhaenEfficiencyOutput item_outputs[PHAEN_MAX_MONTHS];
      guint n = phaen_efficiency_item_outputs (item, item_outputs);
      /* A long item, progress report or output continues on the next rows (never cut at the
       * 409 pt a row may have); its type and months span them. */
      PhaenXlsxRow *each = _phaen_xlsx_row_new (sheet, row);

      _phaen_xlsx_row_text (each, COL_ITEM, COL_ITEM, label, f->text);
      if (item->category > 0)
        _phaen_xlsx_row_number (each, COL_TYPE, item->category, f->number);
      else
        _phaen_xlsx_row_text (each, COL_TYPE, COL_TYPE, "-", f->center);
      for (int m = 0; m < n_months; m++)
        {
          lxw_format *format = (item->marks[m] & PHAEN_MARK_PLANNED) ? f->shaded : f->mark;
          g_autofree char *mark = _phaen_xlsx_mark_text (item->marks[m]);

          if (*mark != '\0')
            _phaen_xlsx_row_text (each, COL_MONTH (m), COL_MONTH (m), mark, format);
          else
            _phaen_xlsx_row_blank (each, COL_MONTH (m), COL_MONTH (m), format);
        }

      /* A late output is shown with the month it was achieved, not lost. */
      for (guint k = 0; k < n; k++)
        if (item_outputs[k].achieved_month > item_outputs[k].planned_month)
          {
            g_autofree char *planned =
              _phaen_xlsx_month_header (book, item_outputs[k].planned_month);
            g_autofree char *achieved =
              _phaen_xlsx_month_header (book, item_outputs[k].achieved_month);

            g_string_append_printf (progress, "%sผลผลิตตามแผน %s ได้เมื่อ %s (ล่าช้า)",
                                    progress->len > 0 ? "\n" : "", planned, achieved);
          }
      _phaen_xlsx_row_text (each, col_progress, col_progress, progress->str, f->text);
      _phaen_xlsx_row_text (each, col_output, col_output, item->output, f->text);
      row += _phaen_xlsx_row_write (each);
    }
  if (items->len == 0)
    {
      _phaen_xlsx_text (sheet, row, COL_ITEM, "-", f->text);
      for (lxw_col_t c = COL_TYPE; c <= last; c++)
        _phaen_xlsx_blank (sheet, row, c, f->mark);
      row++;
    }

  /* รวมผลผลิตในแต่ละเดือน: the ○ of the month's column, so adding a ○ in the sheet counts. */
  planned_row = row++;
  achieved_row = row++;
  _phaen_xlsx_merge_text (sheet, planned_row, COL_ITEM, planned_row, COL_TYPE, "รวมผลผลิตในแต่ละเดือน",
                          f->total_label);
  _phaen_xlsx_merge_text (sheet, achieved_row, COL_ITEM, achieved_row, COL_TYPE,
                          "ผลผลิตที่ดำเนินการได้ตามแผน", f->total_label);
  for (int m = 0; m < n_months; m++)
    {
      g_autofree char *top = _phaen_xlsx_ref (first, COL_MONTH (m));
      g_autofree char *bottom = _phaen_xlsx_ref (planned_row - 1, COL_MONTH (m));
      g_autofree char *column = g_strdup_printf ("%s:%s", top, bottom);
      g_autofree char *formula = g_strdup_printf ("=COUNTIF(%s,\"*○*\")", column);
      guint achieved = 0;

      /* An achieved output counts in the month it counts for a round: its planned month, or
       * the month it was achieved when late (phaen-efficiency.c), so that a round's sum over
       * its months gives what phaen_efficiency_round() counts. */
      for (guint i = 0; i < items->len; i++)
        {
          PhaenEfficiencyOutput item_outputs[PHAEN_MAX_MONTHS];
          guint n = phaen_efficiency_item_outputs (g_ptr_array_index (items, i), item_outputs);

          for (guint k = 0; k < n; k++)
            achieved += item_outputs[k].achieved_month >= 0 &&
                        MAX (item_outputs[k].planned_month, item_outputs[k].achieved_month) == m;
        }
      _phaen_xlsx_formula (sheet, planned_row, COL_MONTH (m), formula, TRUE, outputs[m], f->count);
      _phaen_xlsx_number (sheet, achieved_row, COL_MONTH (m), achieved, f->count);
    }
  for (lxw_row_t r = planned_row; r <= achieved_row; r++)
    {
      _phaen_xlsx_blank (sheet, r, col_progress, f->mark);
      _phaen_xlsx_blank (sheet, r, col_output, f->mark);
    }

  row++;
  _phaen_xlsx_merge_text (sheet, row, 0, row, last, category_note, f->note);
  row++;
  group_a = g_strdup_printf ("เรื่องในกลุ่ม A (ประเภท 1–3) %u เรื่อง จาก %u เรื่อง (ต้องไม่น้อยกว่า 3 เรื่อง)",
                             phaen_efficiency_count_group_a (activities), items->len);
  _phaen_xlsx_merge_text (sheet, row, 0, row, last, group_a, f->note);
  row += 2;

  /* The OPDC rounds: the sums read the two footer rows, so the verdict follows any edit. */
  _phaen_xlsx_merge_text (sheet, row, COL_ITEM, row, COL_TYPE, "รอบการประเมิน", f->header);
  _phaen_xlsx_merge_text (sheet, row, COL_MONTH (0), row, COL_MONTH (2), "ผลผลิตตามแผน", f->header);
  _phaen_xlsx_merge_text (sheet, row, COL_MONTH (3), row, COL_MONTH (5), "ผลผลิตที่ดำเนินการได้ตามแผน",
                          f->header);
  _phaen_xlsx_merge_text (sheet, row, COL_MONTH (6), row, COL_MONTH (8), "ร้อยละ", f->header);
  _phaen_xlsx_merge_text (sheet, row, COL_MONTH (9), row, COL_MONTH (11),
                          "ผลการประเมิน\n(ผ่าน ร้อยละ 80 ขึ้นไป)", f->header);
  row++;
  /* As of the last month reported: a round the report has not reached the end of is in
   * progress (DOMAIN §3c). */
  phaen_efficiency_as_of (plan->fiscal_year, phaen_efficiency_last_reported_month (items), NULL,
                          &today);
  for (int r = 1; r <= PHAEN_EFFICIENCY_ROUNDS; r++, row++)
    {
      PhaenEfficiencyRound round;

      if (!phaen_efficiency_round (activities, plan->fiscal_year, r, PHAEN_PASS_PERCENT_DEFAULT,
                                   &today, &round, error))
        {
          _phaen_xlsx_sheet_free (sheet);
          return FALSE;
        }
      round_row (sheet, row, &round, planned_row, achieved_row);
    }

  _phaen_xlsx_sheet_finish (sheet, head, head + 1, achieved_row);
  _phaen_xlsx_sheet_free (sheet);
  return TRUE;
}
