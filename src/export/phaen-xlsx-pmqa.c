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
/* Beside the printed table: the score the office chose (an input) and the one the % suggests.
 * The columns between are hidden, so that on screen they stand next to the table; they are that
 * far so that gnumeric, which lays out columns up to the first row break (phaen-xlsx-layout.c),
 * leaves them off the paper: a page of this sheet holds fewer rows. */
#define COL_CHOSEN 30
#define COL_SUGGESTED (COL_CHOSEN + 1)
#define TARGET_PX 124.0
#define TARGET_WIDTH _phaen_xlsx_px_width (TARGET_PX)

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

/* What each sub-item measures, as seed 001 introduces it (its text has no 7.6). */
static const struct
{
  const char *group;
  const char *text;
} group_descriptions[] = {
  { "7.1", "เป็นการวัดความสำเร็จของการดำเนินการบรรลุเป้าหมายตามแผนปฏิบัติราชการของส่วนราชการ "
           "ซึ่งตัวชี้วัดดังกล่าวต้องมีความสัมพันธ์กับพันธกิจหลักและยุทธศาสตร์ของส่วนราชการ "
           "รวมทั้งตัววัดที่ดำเนินการตามนโยบายและแผนของรัฐบาลที่กำหนดไว้ประจำปี และตัววัดร่วม "
           "ตัววัดด้านการดำเนินการตามกฎหมาย และการบรรลุตามแผนยุทธศาสตร์ของส่วนราชการ" },
  { "7.2", "เป็นการวัดผลด้านการให้ความสำคัญกับผู้รับการบริการ ผู้มีส่วนได้ส่วนเสีย "
           "และประชาชนจากการบริการส่วนราชการในด้านต่าง ๆ ได้แก่ ความพึงพอใจ ความไม่พึงพอใจ "
           "ความผูกพัน การเติบโตของโครงการที่มุ่งเน้นประโยชน์แก่กลุ่มผู้รับบริการ "
           "การสร้างสัมพันธ์และความร่วมมือ" },
  { "7.3", "เป็นการวัดความสำเร็จของการดำเนินการด้านการบริหารบุคคล การสร้างความก้าวหน้า การเรียนรู้ "
           "การพัฒนา และการร่วมพลังของบุคลากรในการทำงานร่วมกันของทั้งภายในหน่วยงานและข้ามหน่วยงาน "
           "เพื่อให้เกิดผลงานที่ดีและส่วนราชการที่มีสมรรถนะสูง" },
  { "7.4", "เป็นการวัดความสำเร็จของการดำเนินการบรรลุเป้าหมายด้านการเป็นแบบอย่างที่ดี"
           "หรือการเป็นต้นแบบของผู้บริหารและบุคลากรของหน่วยงาน" },
  { "7.5", "เป็นการวัดความสำเร็จของการดำเนินการในด้านต่าง ๆ ที่นอกจากจะบรรลุเป้าหมายของการดำเนินการ "
           "แล้วยังส่งผลกระทบต่อการพัฒนาด้านเศรษฐกิจ สังคม สาธารณสุข และสิ่งแวดล้อม "
           "ในระดับพื้นที่และของประเทศ" },
};

static char *
group_title (const char *group)
{
  for (guint i = 0; i < G_N_ELEMENTS (group_names); i++)
    if (g_strcmp0 (group, group_names[i].group) == 0)
      return g_strdup_printf ("%s %s", group, group_names[i].name);
  return g_strdup (group);
}

static const char *
group_description (const char *group)
{
  for (guint i = 0; i < G_N_ELEMENTS (group_descriptions); i++)
    if (g_strcmp0 (group, group_descriptions[i].group) == 0)
      return group_descriptions[i].text;
  return NULL;
}

/* The decimals the target was typed with ("0.10", "95.80"): seed 001 prints the target and the
 * results with them. */
static int
typed_decimals (const char *text)
{
  g_autofree char *arabic =
    text && g_utf8_validate (text, -1, NULL) ? phaen_digits_to_arabic (text) : NULL;
  const char *point = arabic ? strchr (arabic, '.') : NULL;
  int n = 0;

  while (point != NULL && g_ascii_isdigit (point[1 + n]))
    n++;
  return MIN (n, 4);
}

/* A number cell's format with @decimals ("0.00"), and the unit after it when @unit is given. */
static lxw_format *
number_format (PhaenXlsxBook *book, GHashTable *formats, int decimals, const char *unit)
{
  g_autoptr (GString) code = g_string_new (decimals > 0 ? "0." : "General");
  g_autofree char *key = NULL;
  g_autofree char *num_format = NULL;
  lxw_format *format;

  for (int i = 0; i < decimals; i++)
    g_string_append_c (code, '0');
  if (unit != NULL && *unit != '\0')
    {
      g_string_append (code, "\" (");
      for (const char *p = unit; *p != '\0'; p++)
        if (*p != '"' && *p != '\\')
          g_string_append_c (code, *p);
      g_string_append (code, ")\"");
    }
  key = g_strdup (code->str);
  format = g_hash_table_lookup (formats, key);
  if (format != NULL)
    return format;
  num_format = _phaen_xlsx_num_format (book, code->str);

  format = workbook_add_format (book->workbook);
  format_set_font_name (format, book->options->font_name && *book->options->font_name
                                  ? book->options->font_name
                                  : PHAEN_XLSX_DEFAULT_FONT);
  format_set_font_size (format, book->options->font_size > 0 ? book->options->font_size
                                                             : PHAEN_XLSX_DEFAULT_FONT_SIZE);
  format_set_align (format, LXW_ALIGN_CENTER);
  format_set_align (format, LXW_ALIGN_VERTICAL_TOP);
  format_set_border (format, LXW_BORDER_THIN);
  format_set_num_format (format, num_format);
  g_hash_table_insert (formats, g_steal_pointer (&key), format);
  return format;
}

/* The target shows its unit as seed 001 does ("0.10 (ร้อยละ)") while staying a number the
 * % formula reads; a unit that would not fit beside it is left out (the name says it). */
static lxw_format *
target_format (PhaenXlsxBook *book, GHashTable *formats, const PhaenIndicator *indicator)
{
  int decimals = typed_decimals (indicator->target);
  g_autofree char *number = phaen_format_number (indicator->pmqa_target, decimals, 0);
  g_autofree char *shown = g_strdup_printf ("%s (%s)", number, indicator->measure_unit);

  if (indicator->measure_unit == NULL || !_phaen_xlsx_fits (book, shown, TARGET_WIDTH - 1))
    return number_format (book, formats, decimals, NULL);
  return number_format (book, formats, decimals, indicator->measure_unit);
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
indicator_row (PhaenXlsxSheet *sheet, GHashTable *formats, lxw_row_t *row, const PhaenPmqaRow *each)
{
  PhaenXlsxBook *book = sheet->book;
  PhaenXlsxFormats *f = &book->fmt;
  const PhaenIndicator *indicator = each->indicator;
  gboolean lower = indicator->direction == PHAEN_DIRECTION_LOWER_BETTER;
  const char *stars = indicator->mandatory == 2 ? " **" : indicator->mandatory == 1 ? " *" : "";
  g_autofree char *name = g_strdup_printf ("%s%s (%s)", indicator->name ? indicator->name : "",
                                           stars, lower ? "ค่าน้อยดี" : "ค่ามากดี");
  g_autofree char *target_ref = _phaen_xlsx_ref (*row, COL_TARGET);
  g_autofree char *latest_ref = _phaen_xlsx_ref (*row, COL_YEAR (PHAEN_PMQA_YEARS - 1));
  g_autofree char *percent_ref = _phaen_xlsx_ref (*row, COL_PERCENT);
  g_autofree char *chosen_ref = _phaen_xlsx_ref (*row, COL_CHOSEN);
  g_autofree char *suggested_ref = _phaen_xlsx_ref (*row, COL_SUGGESTED);
  g_autofree char *percent = NULL, *suggested = NULL, *score = NULL;
  lxw_format *values = number_format (book, formats, typed_decimals (indicator->target), NULL);
  const PhaenBand *scale;
  PhaenCriteria rules;
  guint n_bands = 0;
  gboolean has_percent = indicator->has_pmqa_target && each->has_value[PHAEN_PMQA_YEARS - 1] &&
                         indicator->pmqa_target != 0;
  PhaenXlsxRow *cells = _phaen_xlsx_row_new (sheet, *row);

  _phaen_xlsx_row_text (cells, COL_NAME, COL_NAME, name, f->text);
  if (indicator->has_pmqa_target)
    _phaen_xlsx_row_number (cells, COL_TARGET, indicator->pmqa_target,
                            target_format (book, formats, indicator));
  else
    _phaen_xlsx_row_blank (cells, COL_TARGET, COL_TARGET, f->number);
  for (int i = 0; i < PHAEN_PMQA_YEARS; i++)
    if (each->has_value[i])
      _phaen_xlsx_row_number (cells, COL_YEAR (i), each->value[i], values);
    else
      _phaen_xlsx_row_blank (cells, COL_YEAR (i), COL_YEAR (i), values);

  /* seed 001: higher is better, result ÷ target × 100 (97.4 vs 95.8 → 101.67); lower is better,
   * (2 − result ÷ target) × 100 (0.05 vs 0.10 → 150); 2 decimals. */
  percent = g_strdup_printf (lower ? "=IF(OR(%s=\"\",%s=\"\",%s=0),\"\",ROUND((2-%s/%s)*100,2))"
                                   : "=IF(OR(%s=\"\",%s=\"\",%s=0),\"\",ROUND(%s/%s*100,2))",
                             latest_ref, target_ref, target_ref, latest_ref, target_ref);
  _phaen_xlsx_row_formula (cells, COL_PERCENT, percent, has_percent, each->score.percent,
                           f->percent);
  _phaen_xlsx_row_text (cells, COL_NOTE, COL_NOTE, indicator->pmqa_note, f->text);

  /* The score printed is the one the office chose, else the one the % suggests: both stand
   * beside the table, the chosen one an input, so that a changed result or choice carries
   * through to the sub-item and category means. */
  score = g_strdup_printf ("=IF(ISNUMBER(%s),%s,%s)", chosen_ref, chosen_ref, suggested_ref);
  _phaen_xlsx_row_formula (cells, COL_SCORE, score, each->score.has_score, each->score.score,
                           f->number);
  *row += _phaen_xlsx_row_write (cells);

  if (each->score.has_score && each->score.overridden)
    _phaen_xlsx_number (sheet, *row - 1, COL_CHOSEN, each->score.score, f->number);
  else
    _phaen_xlsx_blank (sheet, *row - 1, COL_CHOSEN, f->number);
  scale = scale_of (book, indicator, &rules, &n_bands);
  suggested = _phaen_xlsx_bands_formula (scale, n_bands, percent_ref);
  _phaen_xlsx_formula (sheet, *row - 1, COL_SUGGESTED, suggested, has_percent,
                       each->score.suggested, f->number);
}

/* The width of the year columns in pixels at 16 pt: 72, or the widest result as its row prints
 * it (seed 001's decimals: "12375.00") with the cell's margins, so that no result shows ###. */
static double
year_px (PhaenXlsxBook *book, const PhaenPmqaTable *table)
{
  double scale = _phaen_xlsx_font_size (book) / PHAEN_XLSX_DEFAULT_FONT_SIZE;
  double widest = 72;

  for (guint g = 0; g < table->groups->len; g++)
    {
      const PhaenPmqaGroup *group = g_ptr_array_index (table->groups, g);

      for (guint r = 0; r < group->rows->len; r++)
        {
          const PhaenPmqaRow *each = g_ptr_array_index (group->rows, r);
          int decimals = typed_decimals (each->indicator->target);

          for (int i = 0; i < PHAEN_PMQA_YEARS; i++)
            if (each->has_value[i])
              {
                g_autofree char *shown = g_strdup_printf ("%.*f", decimals, each->value[i]);

                widest = MAX (widest, (_phaen_xlsx_text_px (book, shown, FALSE) + 12) / scale);
              }
        }
    }
  return widest;
}

static char *
mean_formula (const char *cells)
{
  /* phaen_pmqa_mean(): the plain mean of the entries that have a score, 2 decimals. */
  return g_strdup_printf ("=IF(COUNT(%s)=0,\"\",ROUND(AVERAGE(%s),2))", cells, cells);
}

/* "ตัววัดตามภารกิจหลัก/… * — ตัวชี้วัดของ…": the heading of the indicators' group and what it
 * measures, as the description of each of its indicators holds them (data/sample). */
static void
split_category (const char *description, char **heading, char **text)
{
  const char *dash = description ? strstr (description, " — ") : NULL;

  *heading = dash ? g_strndup (description, dash - description) : g_strdup (description);
  *text = dash ? g_strdup (dash + strlen (" — ")) : NULL;
}

static void
notes_sheet (PhaenXlsxBook *book, GPtrArray *notes)
{
  const double widths[] = { 240, -1 };
  PhaenXlsxSheet *sheet;
  lxw_row_t row = 2;

  sheet = _phaen_xlsx_sheet_new_fitted (book, "ข้อสังเกต หมวด 7", widths, G_N_ELEMENTS (widths),
                                        PHAEN_XLSX_ORIENTATION_LANDSCAPE);
  _phaen_xlsx_merge_text (sheet, 0, 0, 0, 1, "ข้อสังเกตต่อค่าเป้าหมาย (ไม่พิมพ์ในแบบประเมิน)",
                          book->fmt.title);
  _phaen_xlsx_text (sheet, row, 0, "ตัวชี้วัด", book->fmt.header);
  _phaen_xlsx_text (sheet, row, 1, "ข้อสังเกต", book->fmt.header);
  for (guint i = 0; i + 1 < notes->len; i += 2)
    {
      PhaenXlsxRow *each = _phaen_xlsx_row_new (sheet, ++row);

      _phaen_xlsx_row_text (each, 0, 0, g_ptr_array_index (notes, i), book->fmt.text);
      _phaen_xlsx_row_text (each, 1, 1, g_ptr_array_index (notes, i + 1), book->fmt.text);
      row += _phaen_xlsx_row_write (each) - 1;
    }
  _phaen_xlsx_sheet_finish (sheet, 2, 2, row);
  _phaen_xlsx_sheet_free (sheet);
}

gboolean
_phaen_xlsx_write_pmqa (PhaenXlsxBook *book, const PhaenPmqaTable *table, GError **error)
{
  PhaenXlsxFormats *f = &book->fmt;
  double year_width = year_px (book, table);
  const double widths[N_COLS] = { -3, TARGET_PX, year_width, year_width, year_width, 76, -2, 72 };
  g_autoptr (GHashTable) formats = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GString) means = g_string_new (NULL);
  g_autoptr (GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *subtitle = NULL;
  g_autofree char *total = NULL;
  lxw_format *mean_format = f->percent;
  PhaenXlsxSheet *sheet;
  lxw_row_t head = 3, row;

  sheet = _phaen_xlsx_sheet_new_fitted (book, "ผลลัพธ์หมวด 7", widths, N_COLS,
                                        PHAEN_XLSX_ORIENTATION_LANDSCAPE);
  sheet->beside_col = COL_CHOSEN;
  _phaen_xlsx_ok (book, worksheet_set_column (sheet->ws, COL_CHOSEN, COL_SUGGESTED, 16, NULL),
                  sheet->name);
  subtitle =
    g_strdup_printf ("หน่วยงาน : %s ประจำปีงบประมาณ พ.ศ. %d", book->unit->name, table->fiscal_year);
  _phaen_xlsx_merge_text (
    sheet, 0, 0, 0, N_COLS - 1,
    "แบบประเมินสถานะการเป็นระบบราชการ 4.0 (ตัวชี้วัดหมวด 7 การบรรลุผลลัพธ์การดำเนินการ)", f->title);
  _phaen_xlsx_merge_text (sheet, 1, 0, 1, N_COLS - 1, subtitle, f->subtitle);

  _phaen_xlsx_merge_text (sheet, head, COL_NAME, head + 1, COL_NAME, "ตัวชี้วัด", f->header);
  _phaen_xlsx_merge_text (sheet, head, COL_TARGET, head + 1, COL_TARGET, "ค่าเป้าหมายปีล่าสุด (ตัวเลข)",
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
  _phaen_xlsx_text (sheet, head + 1, COL_CHOSEN, "คะแนนที่เลือก", f->header);
  _phaen_xlsx_text (sheet, head + 1, COL_SUGGESTED, "คะแนนตามร้อยละ", f->header);

  row = head + 2;
  for (guint g = 0; g < table->groups->len; g++)
    {
      const PhaenPmqaGroup *group = g_ptr_array_index (table->groups, g);
      g_autofree char *title = group_title (group->group);
      g_autofree char *mean_ref = _phaen_xlsx_ref (row, COL_SCORE);
      const char *about = group_description (group->group);
      g_autofree char *category = NULL;
      lxw_row_t group_row = row++, first = 0, last = 0;

      _phaen_xlsx_merge_text (sheet, group_row, COL_NAME, group_row, COL_NOTE, title, f->label);
      _phaen_xlsx_keep_with_next (sheet, group_row);
      if (about != NULL)
        {
          PhaenXlsxRow *each = _phaen_xlsx_row_new (sheet, row);

          _phaen_xlsx_row_text (each, COL_NAME, COL_SCORE, about, f->text);
          row += _phaen_xlsx_row_write (each);
          _phaen_xlsx_keep_with_next (sheet, row - 1);
        }
      for (guint r = 0; r < group->rows->len; r++)
        {
          const PhaenPmqaRow *each = g_ptr_array_index (group->rows, r);
          g_autofree char *heading = NULL, *text = NULL;

          split_category (each->indicator->description, &heading, &text);
          if (heading != NULL && *heading != '\0' && g_strcmp0 (heading, category) != 0)
            {
              g_autofree char *numbered = NULL;
              PhaenXlsxRow *cells = _phaen_xlsx_row_new (sheet, row);

              g_free (category);
              category = g_strdup (heading);
              _phaen_xlsx_row_text (cells, COL_NAME, COL_SCORE, heading, f->label);
              row += _phaen_xlsx_row_write (cells);
              _phaen_xlsx_keep_with_next (sheet, row - 1);
              if (text != NULL && *text != '\0')
                {
                  cells = _phaen_xlsx_row_new (sheet, row);
                  _phaen_xlsx_row_text (cells, COL_NAME, COL_SCORE, text, f->text);
                  row += _phaen_xlsx_row_write (cells);
                  _phaen_xlsx_keep_with_next (sheet, row - 1);
                }
            }
          if (first == 0)
            first = row;
          indicator_row (sheet, formats, &row, each);
          last = row - 1;
          if (each->stretch_problem != NULL)
            {
              g_ptr_array_add (notes, g_strdup (each->indicator->name));
              g_ptr_array_add (notes, g_strdup (each->stretch_problem));
            }
        }
      {
        g_autofree char *from = _phaen_xlsx_ref (first ? first : group_row, COL_SCORE);
        g_autofree char *to = _phaen_xlsx_ref (first ? last : group_row, COL_SCORE);
        g_autofree char *range = g_strdup_printf ("%s:%s", from, to);
        g_autofree char *formula = mean_formula (range);

        _phaen_xlsx_formula (sheet, group_row, COL_SCORE, formula, group->mean.has_score,
                             group->mean.score, mean_format);
      }
      g_string_append_printf (means, "%s%s", g > 0 ? "," : "", mean_ref);
    }

  total = mean_formula (means->str);
  _phaen_xlsx_merge_text (sheet, row, COL_NAME, row, COL_NOTE, "คะแนนเฉลี่ยรวมหมวด 7",
                          f->total_label);
  _phaen_xlsx_formula (sheet, row, COL_SCORE, total, table->mean.has_score, table->mean.score,
                       mean_format);
  _phaen_xlsx_sheet_finish (sheet, head, head + 1, row);
  /* The official table only: the columns beside it are for entering a choice. */
  _phaen_xlsx_ok (
    book, worksheet_print_area (sheet->ws, 0, 0, _phaen_xlsx_sheet_row (sheet, row), COL_SCORE),
    sheet->name);
  _phaen_xlsx_sheet_free (sheet);
  /* The stretch-target check is Phaen's own advice, not part of the form: a sheet of its own. */
  if (notes->len > 0)
    notes_sheet (book, notes);
  return TRUE;
}
