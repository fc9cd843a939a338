/* phaen-xlsx-plan.c — แผนการปรับปรุงกระบวนการตามภารกิจ (DOMAIN.md §3a, seeds 000 and 002)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-xlsx"

#include "config.h"

#include <string.h>

#include "phaen-plan-totals.h"
#include "phaen-thai-text.h"
#include "phaen-xlsx-private.h"

/* Column widths in pixels at 16 pt: a month holds "ต." "ค." "63" on three lines (thirteen
 * months of "ต.ค.63" on one line leave no room on A4 landscape), the budget the largest amount
 * a plan holds (999,999,999.99), the activity the rest of the page. */
#define MONTH_PX 34.0
#define OWNER_PX 100.0
#define LARGEST_BUDGET "999,999,999.99"

/* ● start, ○ planned output (DOMAIN.md §3c); a cell may carry both. */
char *
_phaen_xlsx_mark_text (guint marks)
{
  return g_strconcat ((marks & PHAEN_MARK_START) ? "●" : "", (marks & PHAEN_MARK_OUTPUT) ? "○" : "",
                      NULL);
}

static char *
section (PhaenXlsxBook *book, const PhaenPlan *plan, const char *key, GError **error)
{
  return phaen_store_get_plan_section (book->store, plan->id, key, error);
}

/* The owner when every activity shares one, so the column is one cell merged down (seed 000). */
static const char *
shared_owner (GPtrArray *activities)
{
  const char *owner = NULL;

  for (guint i = 0; i < activities->len; i++)
    {
      const PhaenActivity *activity = g_ptr_array_index (activities, i);
      const char *each = _phaen_xlsx_or_dash (activity->owner);

      if (owner == NULL)
        owner = each;
      else if (!g_str_equal (owner, each))
        return NULL;
    }
  return activities->len > 1 && owner != NULL && !g_str_equal (owner, "-") ? owner : NULL;
}

/* "1.1. name" for an activity; a strategy, goal or project carries its level's heading,
 * "ยุทธศาสตร์ที่ 1 name" (phaen_activity_heading(); the plan import reads both back). */
static char *
activity_label (const PhaenActivity *activity)
{
  g_autofree char *indent = g_strnfill (activity->depth * 4, ' ');

  if (activity->level >= PHAEN_ACTIVITY_LEVEL_STRATEGY &&
      activity->level < PHAEN_ACTIVITY_LEVEL_ACTIVITY)
    {
      g_autofree char *heading = phaen_activity_heading (activity);

      return g_strdup_printf ("%s%s %s", indent, heading, activity->name ? activity->name : "");
    }
  return g_strdup_printf ("%s%s. %s", indent, activity->number ? activity->number : "",
                          activity->name ? activity->name : "");
}

/* Each level its own style, as the grid, the Gantt chart and the plan document show it. */
static lxw_format *
label_format (PhaenXlsxFormats *f, const PhaenActivity *activity)
{
  switch (activity->level)
    {
    case PHAEN_ACTIVITY_LEVEL_STRATEGY:
      return f->strategy;
    case PHAEN_ACTIVITY_LEVEL_GOAL:
      return f->goal;
    case PHAEN_ACTIVITY_LEVEL_PROJECT:
      return f->label;
    default:
      return f->text;
    }
}

#define YEAR_WORDS "ประจำปีงบประมาณ"

static void
split_title (const PhaenPlan *plan, PhaenXlsxBook *book, char **title, char **year)
{
  const char *text = plan->title ? plan->title : "";
  const char *cut = strstr (text, YEAR_WORDS);
  g_autofree char *own = NULL;

  if (*text == '\0' || cut == text)
    own = g_strdup_printf ("แผนการปรับปรุงกระบวนการตามภารกิจของ%s", book->unit->name);
  else
    own = g_strndup (text, cut ? (gsize)(cut - text) : strlen (text));
  *title = g_strstrip (g_steal_pointer (&own));
  *year =
    cut ? g_strstrip (g_strdup (cut)) : g_strdup_printf (YEAR_WORDS " พ.ศ. %d", book->fiscal_year);
}

/* The row under the activities, counted as the grid, the Gantt chart and the CLI count it. */
static void
write_totals (PhaenXlsxSheet *sheet,
              PhaenXlsxFormats *f,
              lxw_row_t row,
              int n_months,
              const PhaenPlanTotals *totals)
{
  _phaen_xlsx_text (sheet, row, 0, phaen_plan_totals_label (totals), f->total_label);
  for (int m = 0; m < n_months; m++)
    _phaen_xlsx_number (sheet, row, 1 + m, totals->months[m], f->count);
  if (totals->has_budget)
    _phaen_xlsx_number (sheet, row, n_months + 1, totals->budget, f->money);
  else
    _phaen_xlsx_text (sheet, row, n_months + 1, "-", f->center);
  _phaen_xlsx_blank (sheet, row, n_months + 2, f->mark);
}

gboolean
_phaen_xlsx_write_plan (PhaenXlsxBook *book, const PhaenPlan *plan, GError **error)
{
  PhaenXlsxFormats *f = &book->fmt;
  int n_months = PHAEN_FISCAL_MONTHS + CLAMP (plan->extra_months, 0, PHAEN_FISCAL_MONTHS);
  guint n_cols = n_months + 3;
  lxw_col_t col_budget = n_months + 1, col_owner = n_months + 2, last = n_cols - 1;
  lxw_col_t half = (lxw_col_t)(n_months / 2);
  double widths[PHAEN_XLSX_MAX_COLS];
  g_autoptr (GPtrArray) activities = NULL;
  g_autoptr (GArray) rollups = NULL;
  PhaenPlanTotals totals;
  g_autofree char *process = NULL, *customers = NULL, *stakeholders = NULL, *indicator = NULL,
                  *criteria = NULL, *digital = NULL, *steps = NULL, *expected = NULL,
                  *strategy = NULL, *goal = NULL;
  gboolean action = plan->kind == PHAEN_PLAN_ACTION;
  g_autofree char *title = NULL, *year = NULL, *unit_line = NULL;
  PhaenXlsxSheet *sheet;
  const char *owner;
  lxw_row_t row = 0, head, table_end;

  activities = phaen_store_list_activities (book->store, plan->id, error);
  if (activities == NULL || !(process = section (book, plan, PHAEN_SECTION_PROCESS, error)) ||
      !(customers = section (book, plan, PHAEN_SECTION_CUSTOMERS, error)) ||
      !(stakeholders = section (book, plan, PHAEN_SECTION_STAKEHOLDERS, error)) ||
      !(indicator = section (book, plan, PHAEN_SECTION_INDICATOR, error)) ||
      !(criteria = section (book, plan, PHAEN_SECTION_CRITERIA, error)) ||
      !(digital = section (book, plan, PHAEN_SECTION_DIGITAL, error)) ||
      !(steps = section (book, plan, PHAEN_SECTION_STEPS, error)) ||
      !(expected = section (book, plan, PHAEN_SECTION_EXPECTED, error)) ||
      !(strategy = section (book, plan, PHAEN_SECTION_STRATEGY, error)) ||
      !(goal = section (book, plan, PHAEN_SECTION_GOAL, error)))
    return FALSE;
  phaen_plan_totals_compute (activities, &totals);
  rollups = phaen_plan_budget_rollups (activities);

  widths[0] = -1;
  for (int m = 0; m < n_months; m++)
    widths[1 + m] = n_months > PHAEN_FISCAL_MONTHS + 1 ? MONTH_PX * 0.8 : MONTH_PX;
  {
    g_autofree char *largest = _phaen_xlsx_display (book, LARGEST_BUDGET);

    widths[col_budget] = (_phaen_xlsx_text_px (book, largest, FALSE) + 14) *
                         PHAEN_XLSX_DEFAULT_FONT_SIZE / _phaen_xlsx_font_size (book);
  }
  widths[col_owner] = OWNER_PX;
  sheet = _phaen_xlsx_sheet_new_fitted (book, action ? "แผนปฏิบัติราชการ" : "แผนปรับปรุงกระบวนการ",
                                        widths, n_cols, PHAEN_XLSX_ORIENTATION_LANDSCAPE);

  /* Title lines as seed 000 prints them, from the plan's own title (ชื่อแผน) as the PDF and the
   * Gantt show it: "… ประจำปีงบประมาณ พ.ศ. 2564" goes on a second line. */
  split_title (plan, book, &title, &year);
  if (action && (plan->title == NULL || *plan->title == '\0'))
    {
      g_free (title);
      title = g_strdup_printf ("แผนปฏิบัติราชการของ%s", book->unit->name);
    }
  unit_line = g_strdup_printf ("หน่วยงาน : %s", book->unit->name);
  _phaen_xlsx_merge_text (sheet, row, 0, row, last, title, f->title);
  row++;
  _phaen_xlsx_merge_text (sheet, row, 0, row, last, year, f->title);
  row += 2;
  _phaen_xlsx_merge_text (sheet, row, 0, row, last, unit_line, f->heading);
  row += 2;

  if (action)
    {
      /* §3b: an action plan hangs from its strategy and goal, as the plan document prints it. */
      if (!phaen_text_is_blank (strategy))
        row += _phaen_xlsx_labelled (sheet, row, 0, last, "ประเด็นยุทธศาสตร์ : ", strategy);
      if (!phaen_text_is_blank (goal))
        row += _phaen_xlsx_labelled (sheet, row, 0, last, "เป้าประสงค์ : ", goal);
    }
  else
    {
      row += _phaen_xlsx_labelled (sheet, row, 0, last,
                                   "1. ชื่อกระบวนการปรับปรุงประสิทธิภาพในการปฏิบัติงาน : ", process);
      row++;
      _phaen_xlsx_merge_text (sheet, row, 0, row, last, "2. ข้อกำหนดที่สำคัญ", f->heading);
      row++;
      _phaen_xlsx_merge_text (sheet, row, 0, row, half, "ผู้รับบริการ", f->header);
      _phaen_xlsx_merge_text (sheet, row, half + 1, row, last, "ผู้มีส่วนได้ส่วนเสีย", f->header);
      row++;
      {
        PhaenXlsxRow *needs = _phaen_xlsx_row_new (sheet, row);

        _phaen_xlsx_row_text (needs, 0, half, _phaen_xlsx_or_dash (customers), f->text);
        _phaen_xlsx_row_text (needs, half + 1, last, _phaen_xlsx_or_dash (stakeholders), f->text);
        row += _phaen_xlsx_row_write (needs);
      }
      row++;
      row += _phaen_xlsx_labelled (sheet, row, 0, last, "3. ตัวชี้วัด : ", indicator);
      row += _phaen_xlsx_labelled (sheet, row, 0, last,
                                   "รายละเอียดการวัดผล/เกณฑ์การวัดผลการดำเนินการ : ", criteria);
      row++;
      row += _phaen_xlsx_labelled (sheet, row, 0, last,
                                   "4. แนวทางการนำเทคโนโลยีดิจิทัลมาใช้ในการจัดการกระบวนการ : ", digital);
      row++;
      _phaen_xlsx_merge_text (sheet, row, 0, row, last,
                              "5. วิธีการลดขั้นตอนในการปฏิบัติงาน :", f->heading);
      row++;
      {
        PhaenXlsxRow *each = _phaen_xlsx_row_new (sheet, row);

        _phaen_xlsx_row_text (each, 0, last, _phaen_xlsx_or_dash (steps), f->para);
        row += _phaen_xlsx_row_write (each);
      }
      row++;
    }
  _phaen_xlsx_merge_text (sheet, row, 0, row, last, action ? "แผนการดำเนินงาน" : "6. แผนการดำเนินงาน",
                          f->heading);
  row++;
  head = row;
  _phaen_xlsx_merge_text (sheet, head, 0, head + 1, 0, action ? "โครงการ/กิจกรรม" : "กิจกรรม",
                          f->header);
  _phaen_xlsx_merge_text (sheet, head, 1, head, n_months, "ระยะเวลาในการดำเนินงาน", f->header);
  for (int m = 0; m < n_months; m++)
    {
      g_autofree char *month = _phaen_xlsx_month_header (book, m);

      _phaen_xlsx_text (sheet, head + 1, 1 + m, month, f->header);
    }
  _phaen_xlsx_merge_text (sheet, head, col_budget, head + 1, col_budget, "งบประมาณ", f->header);
  _phaen_xlsx_merge_text (sheet, head, col_owner, head + 1, col_owner, "ผู้รับผิดชอบ", f->header);
  row = head + 2;

  owner = shared_owner (activities);
  if (activities->len == 0)
    {
      _phaen_xlsx_text (sheet, row, 0, "-", f->text);
      for (lxw_col_t c = 1; c <= last; c++)
        _phaen_xlsx_blank (sheet, row, c, f->mark);
      row++;
    }
  for (guint i = 0; i < activities->len; i++)
    {
      const PhaenActivity *activity = g_ptr_array_index (activities, i);
      g_autofree char *label = activity_label (activity);
      PhaenXlsxRow *each = _phaen_xlsx_row_new (sheet, row);

      /* A long activity continues on the next rows; its months and budget span them. */
      _phaen_xlsx_row_text (each, 0, 0, label, label_format (f, activity));
      for (int m = 0; m < n_months; m++)
        {
          guint marks = activity->marks[m];

          if (marks & (PHAEN_MARK_START | PHAEN_MARK_OUTPUT))
            {
              g_autofree char *text = _phaen_xlsx_mark_text (marks);

              _phaen_xlsx_row_text (each, 1 + m, 1 + m, text,
                                    (marks & PHAEN_MARK_PLANNED) ? f->shaded : f->mark);
            }
          else
            _phaen_xlsx_row_blank (each, 1 + m, 1 + m,
                                   (marks & PHAEN_MARK_PLANNED) ? f->shaded : f->mark);
        }
      if (activity->has_budget)
        _phaen_xlsx_row_number (
          each, col_budget, activity->budget,
          g_array_index (rollups, PhaenBudgetRollup, i).over_budget ? f->over_budget : f->money);
      else
        _phaen_xlsx_row_text (each, col_budget, col_budget, "-", f->center);
      if (owner == NULL)
        _phaen_xlsx_row_text (each, col_owner, col_owner, _phaen_xlsx_or_dash (activity->owner),
                              f->center);
      row += _phaen_xlsx_row_write (each);
    }
  if (owner != NULL)
    _phaen_xlsx_merge_text (sheet, head + 2, col_owner, row - 1, col_owner, owner, f->center);
  table_end = row;
  write_totals (sheet, f, row++, n_months, &totals);
  /* Why an amount is flagged, under the table as the other notes are. */
  for (guint i = 0; i < activities->len; i++)
    if (g_array_index (rollups, PhaenBudgetRollup, i).over_budget)
      {
        g_autofree char *note = phaen_budget_rollup_note (
          g_ptr_array_index (activities, i), &g_array_index (rollups, PhaenBudgetRollup, i));
        g_autofree char *line = g_strconcat ("หมายเหตุ: ", note, NULL);

        _phaen_xlsx_merge_text (sheet, row, 0, row, last, line, f->note);
        row++;
      }

  if (n_months > PHAEN_FISCAL_MONTHS)
    {
      g_autofree char *first_next = _phaen_xlsx_month_header (book, PHAEN_FISCAL_MONTHS);
      g_autofree char *last_next = _phaen_xlsx_month_header (book, n_months - 1);
      g_autofree char *note =
        n_months == PHAEN_FISCAL_MONTHS + 1
          ? g_strdup_printf ("หมายเหตุ: %s อยู่ในปีงบประมาณถัดไป", first_next)
          : g_strdup_printf ("หมายเหตุ: %s – %s อยู่ในปีงบประมาณถัดไป", first_next, last_next);

      _phaen_xlsx_merge_text (sheet, row, 0, row, last, note, f->note);
      row++;
    }
  row++;
  if (!action)
    _phaen_xlsx_labelled (sheet, row, 0, last, "7. ผลที่คาดว่าจะได้รับ : ", expected);

  _phaen_xlsx_sheet_finish (sheet, head, head + 1, table_end);
  _phaen_xlsx_sheet_free (sheet);
  return TRUE;
}
