/* phaen-xlsx-pmqa.c — PMQA 4.0 category 7: % success, scores, sub-item and category means
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-xlsx"

#include "config.h"

#include <string.h>

#include "phaen-thai-text.h"
#include "phaen-xlsx-private.h"

#define COL_NAME 0
#define COL_TARGET 1
#define COL_YEAR(i) (2 + (i))
#define COL_PERCENT (2 + PHAEN_PMQA_YEARS)
#define COL_NOTE (COL_PERCENT + 1)
#define COL_SCORE (COL_NOTE + 1)
#define N_COLS (COL_SCORE + 1)
#define TARGET_WIDTH 17

/* Sub-item names as seed 001 prints them. */
static const struct
{
  const char *group;
  const char *name;
} group_names[] = {
  { "7.1", "การบรรลุผลลัพธ์ของตัวชี้วัดตามพันธกิจ" },
  { "7.2", "การบรรลุผลลัพธ์ตามตัวชี้วัดด้านผู้รับบริการ และประชาชน" },
  { "7.3", "การบรรลุผลลัพธ์ตามตัวชี้วัดด้านการพัฒนาบุคลากร" },
  { "7.4", "การบรรลุผลลัพธ์ตามตัวชี้วัดด้านการเป็นต้นแบบ" },
  { "7.5", "การบรรลุผลลัพธ์ตามตัวชี้วัดด้านผลกระทบต่อเศรษฐกิจ สังคม สาธารณสุข และสิ่งแวดล้อม" },
  { "7.6", "การบรรลุผลลัพธ์ด้านประสิทธิผลการจัดการกระบวนการ" },
};

static char *
group_title (const char *group)
{
  for (guint i = 0; i < G_N_ELEMENTS (group_names); i++)
    if (g_strcmp0 (group, group_names[i].group) == 0)
      return g_strdup_printf ("%s %s", group, group_names[i].name);
  return g_strdup (group);
}

/* The target shows its unit as seed 001 does ("0.10 (ร้อยละ)") while staying a number the
 * % formula reads. Formats are cached per unit. */
static lxw_format *
target_format (PhaenXlsxBook *book, GHashTable *formats, double target, const char *unit)
{
  g_autoptr (GString) num_format = g_string_new (book->options->thai_digits ? "[$-D07041E]" : "");
  g_autofree char *number = phaen_format_number (target, 4, PHAEN_NUMBER_TRIM_ZEROS);
  g_autofree char *shown = g_strdup_printf ("%s (%s)", number, unit ? unit : "");
  lxw_format *format;

  /* A unit that would not fit beside the number (with room to spare: a number that does not fit
   * shows ###) is left out; the indicator's name says it. */
  if (unit == NULL || *unit == '\0' || !_phaen_xlsx_fits (book, shown, TARGET_WIDTH - 1))
    return book->fmt.number;
  format = g_hash_table_lookup (formats, unit);
  if (format != NULL)
    return format;

  g_string_append (num_format, "General\" (");
  for (const char *p = unit; *p != '\0'; p++)
    if (*p != '"' && *p != '\\')
      g_string_append_c (num_format, *p);
  g_string_append (num_format, ")\"");

  format = workbook_add_format (book->workbook);
  format_set_font_name (format, book->options->font_name && *book->options->font_name
                                  ? book->options->font_name
                                  : PHAEN_XLSX_DEFAULT_FONT);
  format_set_font_size (format, book->options->font_size > 0 ? book->options->font_size
                                                             : PHAEN_XLSX_DEFAULT_FONT_SIZE);
  format_set_align (format, LXW_ALIGN_CENTER);
  format_set_align (format, LXW_ALIGN_VERTICAL_TOP);
  format_set_border (format, LXW_BORDER_THIN);
  format_set_num_format (format, num_format->str);
  g_hash_table_insert (formats, g_strdup (unit), format);
  return format;
}

/* The scale from % success to score: the indicator's own, else phaen_pmqa_default_scale(). */
static const PhaenBand *
scale_of (PhaenXlsxBook *book,
          const PhaenIndicator *indicator,
          PhaenCriteria *rules,
          guint *n_bands)
{
  g_autoptr (PhaenCriteriaVersion) version =
    phaen_store_get_criteria (book->store, indicator->id, NULL);

  if (version != NULL && phaen_criteria_from_version (indicator, version, rules, NULL) &&
      rules->n_bands > 0)
    {
      /* The labels point into @version, which is freed here; the formula needs no labels. */
      for (guint i = 0; i < rules->n_bands; i++)
        rules->band[i].label = NULL;
      *n_bands = rules->n_bands;
      return rules->band;
    }
  return phaen_pmqa_default_scale (n_bands);
}

static void
indicator_row (PhaenXlsxSheet *sheet, GHashTable *formats, lxw_row_t row, const PhaenPmqaRow *each)
{
  PhaenXlsxBook *book = sheet->book;
  PhaenXlsxFormats *f = &book->fmt;
  const PhaenIndicator *indicator = each->indicator;
  gboolean lower = indicator->direction == PHAEN_DIRECTION_LOWER_BETTER;
  const char *stars = indicator->mandatory == 2 ? " **" : indicator->mandatory == 1 ? " *" : "";
  g_autofree char *name = g_strdup_printf ("%s%s (%s)", indicator->name ? indicator->name : "",
                                           stars, lower ? "ค่าน้อยดี" : "ค่ามากดี");
  g_autofree char *target_ref = _phaen_xlsx_ref (row, COL_TARGET);
  g_autofree char *latest_ref = _phaen_xlsx_ref (row, COL_YEAR (PHAEN_PMQA_YEARS - 1));
  g_autofree char *percent_ref = _phaen_xlsx_ref (row, COL_PERCENT);
  g_autofree char *percent = NULL;
  g_autofree char *score = NULL;
  const PhaenBand *scale;
  PhaenCriteria rules;
  guint n_bands = 0;
  gboolean has_percent = indicator->has_pmqa_target && each->has_value[PHAEN_PMQA_YEARS - 1] &&
                         indicator->pmqa_target != 0;

  _phaen_xlsx_text (sheet, row, COL_NAME, name, f->text);
  if (indicator->has_pmqa_target)
    _phaen_xlsx_number (
      sheet, row, COL_TARGET, indicator->pmqa_target,
      target_format (book, formats, indicator->pmqa_target, indicator->measure_unit));
  else
    _phaen_xlsx_blank (sheet, row, COL_TARGET, f->number);
  for (int i = 0; i < PHAEN_PMQA_YEARS; i++)
    if (each->has_value[i])
      _phaen_xlsx_number (sheet, row, COL_YEAR (i), each->value[i], f->number);
    else
      _phaen_xlsx_blank (sheet, row, COL_YEAR (i), f->number);

  /* seed 001: higher is better, result ÷ target × 100 (97.4 vs 95.8 → 101.67); lower is better,
   * (2 − result ÷ target) × 100 (0.05 vs 0.10 → 150); 2 decimals. */
  percent = g_strdup_printf (lower ? "=IF(OR(%s=\"\",%s=\"\",%s=0),\"\",ROUND((2-%s/%s)*100,2))"
                                   : "=IF(OR(%s=\"\",%s=\"\",%s=0),\"\",ROUND(%s/%s*100,2))",
                             latest_ref, target_ref, target_ref, latest_ref, target_ref);
  _phaen_xlsx_formula (sheet, row, COL_PERCENT, percent, has_percent, each->score.percent,
                       f->percent);
  _phaen_xlsx_text (sheet, row, COL_NOTE, indicator->pmqa_note, f->text);

  if (each->score.has_score && each->score.overridden)
    {
      g_autofree char *note =
        has_percent ? g_strdup_printf ("คะแนนที่เลือกเอง (คะแนนที่แนะนำตามร้อยละความสำเร็จ %.0f)",
                                       each->score.suggested)
                    : g_strdup ("คะแนนที่เลือกเอง");

      _phaen_xlsx_number (sheet, row, COL_SCORE, each->score.score, f->number);
      _phaen_xlsx_comment (sheet, row, COL_SCORE, note);
      return;
    }
  scale = scale_of (book, indicator, &rules, &n_bands);
  score = _phaen_xlsx_bands_formula (scale, n_bands, percent_ref);
  _phaen_xlsx_formula (sheet, row, COL_SCORE, score, each->score.has_score, each->score.score,
                       f->number);
}

static char *
mean_formula (const char *cells)
{
  /* phaen_pmqa_mean(): the plain mean of the entries that have a score, 2 decimals. */
  return g_strdup_printf ("=IF(COUNT(%s)=0,\"\",ROUND(AVERAGE(%s),2))", cells, cells);
}

gboolean
_phaen_xlsx_write_pmqa (PhaenXlsxBook *book, const PhaenPmqaTable *table, GError **error)
{
  PhaenXlsxFormats *f = &book->fmt;
  const double widths[N_COLS] = { 46, TARGET_WIDTH, 12, 12, 12, 11, 30, 10 };
  g_autoptr (GHashTable) formats = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GString) means = g_string_new (NULL);
  g_autoptr (GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *subtitle = NULL;
  g_autofree char *total = NULL;
  lxw_format *mean_format = f->percent;
  PhaenXlsxSheet *sheet;
  lxw_row_t head = 3, row;

  sheet = _phaen_xlsx_sheet_new (book, "ผลลัพธ์หมวด 7", widths, N_COLS);
  subtitle =
    g_strdup_printf ("หน่วยงาน : %s ประจำปีงบประมาณ พ.ศ. %d", book->unit->name, table->fiscal_year);
  _phaen_xlsx_merge_text (
    sheet, 0, 0, 0, N_COLS - 1,
    "แบบประเมินสถานะการเป็นระบบราชการ 4.0 (ตัวชี้วัดหมวด 7 การบรรลุผลลัพธ์การดำเนินการ)", f->title);
  _phaen_xlsx_merge_text (sheet, 1, 0, 1, N_COLS - 1, subtitle, f->subtitle);

  _phaen_xlsx_merge_text (sheet, head, COL_NAME, head + 1, COL_NAME, "ตัวชี้วัด", f->header);
  _phaen_xlsx_merge_text (sheet, head, COL_TARGET, head + 1, COL_TARGET, "ค่าเป้าหมายปีล่าสุด\n(ตัวเลข)",
                          f->header);
  _phaen_xlsx_merge_text (sheet, head, COL_YEAR (0), head, COL_YEAR (PHAEN_PMQA_YEARS - 1),
                          "การดำเนินการ", f->header);
  for (int i = 0; i < PHAEN_PMQA_YEARS; i++)
    {
      g_autofree char *year =
        g_strdup_printf ("พ.ศ.%d", table->fiscal_year - (PHAEN_PMQA_YEARS - 1) + i);

      _phaen_xlsx_text (sheet, head + 1, COL_YEAR (i), year, f->header);
    }
  _phaen_xlsx_merge_text (sheet, head, COL_PERCENT, head + 1, COL_PERCENT, "% ความสำเร็จ",
                          f->header);
  _phaen_xlsx_merge_text (sheet, head, COL_NOTE, head + 1, COL_NOTE, "หมายเหตุ", f->header);
  _phaen_xlsx_merge_text (sheet, head, COL_SCORE, head + 1, COL_SCORE, "คะแนน", f->header);

  row = head + 2;
  for (guint g = 0; g < table->groups->len; g++)
    {
      const PhaenPmqaGroup *group = g_ptr_array_index (table->groups, g);
      g_autofree char *title = group_title (group->group);
      g_autofree char *mean_ref = _phaen_xlsx_ref (row, COL_SCORE);
      g_autofree char *first = _phaen_xlsx_ref (row + 1, COL_SCORE);
      g_autofree char *last = _phaen_xlsx_ref (row + MAX (group->rows->len, 1), COL_SCORE);
      g_autofree char *range = g_strdup_printf ("%s:%s", first, last);
      g_autofree char *formula = mean_formula (range);
      lxw_row_t group_row = row++;

      _phaen_xlsx_merge_text (sheet, group_row, COL_NAME, group_row, COL_NOTE, title, f->label);
      _phaen_xlsx_formula (sheet, group_row, COL_SCORE, formula, group->mean.has_score,
                           group->mean.score, mean_format);
      g_string_append_printf (means, "%s%s", g > 0 ? "," : "", mean_ref);

      for (guint r = 0; r < group->rows->len; r++, row++)
        {
          const PhaenPmqaRow *each = g_ptr_array_index (group->rows, r);

          indicator_row (sheet, formats, row, each);
          if (each->stretch_problem != NULL)
            g_ptr_array_add (notes, g_strdup_printf ("หมายเหตุ %s: %s", each->indicator->name,
                                                     each->stretch_problem));
        }
    }

  total = mean_formula (means->str);
  _phaen_xlsx_merge_text (sheet, row, COL_NAME, row, COL_NOTE, "คะแนนเฉลี่ยรวมหมวด 7",
                          f->total_label);
  _phaen_xlsx_formula (sheet, row, COL_SCORE, total, table->mean.has_score, table->mean.score,
                       mean_format);
  row += 2;
  for (guint i = 0; i < notes->len; i++, row++)
    _phaen_xlsx_merge_text (sheet, row, 0, row, N_COLS - 1, g_ptr_array_index (notes, i), f->note);

  _phaen_xlsx_sheet_finish (sheet, head, head + 1);
  _phaen_xlsx_sheet_free (sheet);
  return TRUE;
}
