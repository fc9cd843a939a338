/* phaen-xlsx-common.c — formats, text-safe cell writers and score formulas
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-xlsx"

#include "config.h"

#include <math.h>
#include <string.h>

#include "phaen-calendar.h"
#include "phaen-thai-text.h"
#include "phaen-xlsx-private.h"

/* Titles are set this many points larger than the text. */
#define TITLE_GROWTH 2
/* Thai digits for numbers (see _phaen_xlsx_num_format()). */
#define THAI_DIGITS_PREFIX "[$-D00041E]"

/* How a format was made, so that a variant with other borders can be made from it. */
typedef struct
{
  gboolean bold, italic, wrap, bordered, title;
  uint8_t align, valign;
  uint32_t bg;
  const char *num_format;
} FormatSpec;

/* ------------------------------------------------------------------ formats */

const char *
_phaen_xlsx_font_name (PhaenXlsxBook *book)
{
  const char *name = book->options->font_name;

  return name != NULL && *name != '\0' ? name : PHAEN_XLSX_DEFAULT_FONT;
}

double
_phaen_xlsx_font_size (PhaenXlsxBook *book)
{
  return book->options->font_size > 0 ? book->options->font_size : PHAEN_XLSX_DEFAULT_FONT_SIZE;
}

/* Numbers stay numbers (formulas read them) and show Thai digits through their format. Each
 * section of a format gets the prefix: LibreOffice reads it per section. */
char *
_phaen_xlsx_num_format (PhaenXlsxBook *book, const char *num_format)
{
  g_auto (GStrv) sections = NULL;
  g_autofree char *joined = NULL;

  if (!book->options->thai_digits)
    return g_strdup (num_format);
  sections = g_strsplit (num_format, ";", -1);
  for (guint i = 0; sections[i] != NULL; i++)
    {
      char *prefixed = g_strconcat (THAI_DIGITS_PREFIX, sections[i], NULL);

      g_free (sections[i]);
      sections[i] = prefixed;
    }
  joined = g_strjoinv (";", sections);
  return g_steal_pointer (&joined);
}

static lxw_format *
make_format (PhaenXlsxBook *book, const FormatSpec *spec, PhaenXlsxEdge edge)
{
  lxw_format *format = workbook_add_format (book->workbook);

  format_set_font_name (format, _phaen_xlsx_font_name (book));
  format_set_font_size (format, _phaen_xlsx_font_size (book) + (spec->title ? TITLE_GROWTH : 0));
  format_set_align (format, spec->align);
  format_set_align (format, spec->valign);
  if (spec->bold)
    format_set_bold (format);
  if (spec->italic)
    format_set_italic (format);
  if (spec->wrap)
    format_set_text_wrap (format);
  if (spec->bordered)
    {
      format_set_left (format, LXW_BORDER_THIN);
      format_set_right (format, LXW_BORDER_THIN);
      if (edge == PHAEN_XLSX_EDGE_ALL || edge == PHAEN_XLSX_EDGE_FIRST)
        format_set_top (format, LXW_BORDER_THIN);
      if (edge == PHAEN_XLSX_EDGE_ALL || edge == PHAEN_XLSX_EDGE_LAST)
        format_set_bottom (format, LXW_BORDER_THIN);
    }
  if (spec->bg != 0)
    format_set_bg_color (format, spec->bg);
  /* General is the default: no custom format unless the digits change. */
  if (spec->num_format != NULL &&
      !(g_str_equal (spec->num_format, "General") && !book->options->thai_digits))
    {
      g_autofree char *num_format = _phaen_xlsx_num_format (book, spec->num_format);

      format_set_num_format (format, num_format);
    }
  return format;
}

static lxw_format *
new_format (PhaenXlsxBook *book, FormatSpec spec)
{
  lxw_format *format = make_format (book, &spec, PHAEN_XLSX_EDGE_ALL);

  g_hash_table_insert (book->format_specs, format, g_memdup2 (&spec, sizeof spec));
  return format;
}

lxw_format *
_phaen_xlsx_format_edge (PhaenXlsxBook *book, lxw_format *format, PhaenXlsxEdge edge)
{
  const FormatSpec *spec;
  g_autofree char *key = NULL;
  lxw_format *variant;

  if (edge == PHAEN_XLSX_EDGE_ALL)
    return format;
  spec = g_hash_table_lookup (book->format_specs, format);
  if (spec == NULL || !spec->bordered)
    return format;
  key = g_strdup_printf ("%p/%d", (void *)format, edge);
  variant = g_hash_table_lookup (book->edge_formats, key);
  if (variant == NULL)
    {
      variant = make_format (book, spec, edge);
      g_hash_table_insert (book->edge_formats, g_steal_pointer (&key), variant);
    }
  return variant;
}

void
_phaen_xlsx_formats_init (PhaenXlsxBook *book)
{
  PhaenXlsxFormats *f = &book->fmt;
  const uint8_t top = LXW_ALIGN_VERTICAL_TOP, left = LXW_ALIGN_LEFT, centre = LXW_ALIGN_CENTER;

  book->format_specs = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  book->edge_formats = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  f->title = new_format (
    book,
    (FormatSpec){ .bold = TRUE, .wrap = TRUE, .title = TRUE, .align = centre, .valign = top });
  f->subtitle =
    new_format (book, (FormatSpec){ .bold = TRUE, .wrap = TRUE, .align = centre, .valign = top });
  f->heading =
    new_format (book, (FormatSpec){ .bold = TRUE, .wrap = TRUE, .align = left, .valign = top });
  f->para = new_format (book, (FormatSpec){ .wrap = TRUE, .align = left, .valign = top });
  f->note =
    new_format (book, (FormatSpec){ .italic = TRUE, .wrap = TRUE, .align = left, .valign = top });
  f->run_bold = new_format (book, (FormatSpec){ .bold = TRUE, .align = left, .valign = top });
  f->run = new_format (book, (FormatSpec){ .align = left, .valign = top });

  f->header = new_format (book, (FormatSpec){ .bold = TRUE,
                                              .wrap = TRUE,
                                              .bordered = TRUE,
                                              .align = centre,
                                              .valign = LXW_ALIGN_VERTICAL_CENTER,
                                              .bg = 0xD9D9D9 });
  f->label = new_format (
    book,
    (FormatSpec){ .bold = TRUE, .wrap = TRUE, .bordered = TRUE, .align = left, .valign = top });
  f->text =
    new_format (book, (FormatSpec){ .wrap = TRUE, .bordered = TRUE, .align = left, .valign = top });
  f->strategy = new_format (
    book,
    (FormatSpec){
      .bold = TRUE, .wrap = TRUE, .bordered = TRUE, .align = left, .valign = top, .bg = 0xD9E1F2 });
  f->goal = new_format (
    book,
    (FormatSpec){
      .bold = TRUE, .wrap = TRUE, .bordered = TRUE, .align = left, .valign = top, .bg = 0xEDF1F9 });
  f->over_budget = new_format (book, (FormatSpec){ .bold = TRUE,
                                                   .bordered = TRUE,
                                                   .align = LXW_ALIGN_RIGHT,
                                                   .valign = top,
                                                   .bg = 0xF4CCCC,
                                                   .num_format = "#,##0.00" });
  f->center = new_format (
    book, (FormatSpec){ .wrap = TRUE, .bordered = TRUE, .align = centre, .valign = top });
  f->mark = new_format (book, (FormatSpec){ .bordered = TRUE, .align = centre, .valign = top });
  f->shaded = new_format (
    book, (FormatSpec){ .bordered = TRUE, .align = centre, .valign = top, .bg = 0xA6A6A6 });
  f->total_label = new_format (
    book,
    (FormatSpec){
      .bold = TRUE, .wrap = TRUE, .bordered = TRUE, .align = LXW_ALIGN_RIGHT, .valign = top });

  f->money = new_format (
    book, (FormatSpec){
            .bordered = TRUE, .align = LXW_ALIGN_RIGHT, .valign = top, .num_format = "#,##0.00" });
  f->number = new_format (
    book,
    (FormatSpec){ .bordered = TRUE, .align = centre, .valign = top, .num_format = "General" });
  f->number_left = new_format (
    book, (FormatSpec){ .bordered = TRUE, .align = left, .valign = top, .num_format = "General" });
  f->score = new_format (
    book, (FormatSpec){ .bordered = TRUE, .align = centre, .valign = top, .num_format = "0.0000" });
  f->score_bold = new_format (
    book,
    (FormatSpec){
      .bold = TRUE, .bordered = TRUE, .align = centre, .valign = top, .num_format = "0.0000" });
  f->percent = new_format (
    book, (FormatSpec){ .bordered = TRUE, .align = centre, .valign = top, .num_format = "0.00" });
  f->count = new_format (
    book,
    (FormatSpec){ .bordered = TRUE, .align = centre, .valign = top, .num_format = "0;-0;\"-\"" });
}

void
_phaen_xlsx_book_clear (PhaenXlsxBook *book)
{
  for (guint i = 0; i < G_N_ELEMENTS (book->layouts); i++)
    g_clear_object (&book->layouts[i]);
  g_clear_pointer (&book->measured, g_hash_table_unref);
  for (guint i = 0; i < G_N_ELEMENTS (book->pieces); i++)
    g_clear_pointer (&book->pieces[i], g_hash_table_unref);
  g_clear_object (&book->pango);
  g_clear_object (&book->font_map);
  g_clear_pointer (&book->measure_family, g_free);
  g_clear_pointer (&book->format_specs, g_hash_table_unref);
  g_clear_pointer (&book->edge_formats, g_hash_table_unref);
}

gboolean
_phaen_xlsx_ok (PhaenXlsxBook *book, lxw_error status, const char *what)
{
  if (status == LXW_NO_ERROR)
    return TRUE;
  if (book->status == LXW_NO_ERROR)
    {
      book->status = status;
      book->failed_at = g_strdup (what);
    }
  return FALSE;
}

char *
_phaen_xlsx_display (PhaenXlsxBook *book, const char *text)
{
  if (text == NULL)
    return g_strdup ("");
  return book->options->thai_digits ? phaen_digits_to_thai_prose (text) : g_strdup (text);
}

const char *
_phaen_xlsx_or_dash (const char *text)
{
  if (text == NULL)
    return "-";
  while (g_ascii_isspace (*text))
    text++;
  return *text != '\0' ? text : "-";
}

char *
_phaen_xlsx_ref (lxw_row_t row, lxw_col_t col)
{
  char buf[LXW_MAX_CELL_NAME_LENGTH];

  lxw_rowcol_to_cell (buf, row, col);
  return g_strdup (buf);
}

char *
_phaen_xlsx_ref_abs (lxw_row_t row, lxw_col_t col)
{
  char buf[LXW_MAX_CELL_NAME_LENGTH];

  lxw_rowcol_to_cell_abs (buf, row, col, 1, 1);
  return g_strdup (buf);
}

char *
_phaen_xlsx_num (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.15g", value));
}

char *
_phaen_xlsx_month_header (PhaenXlsxBook *book, int month)
{
  return phaen_fiscal_month_header (book->fiscal_year, month, book->options->thai_digits);
}

/* ------------------------------------------------------------------ cells */

gboolean
_phaen_xlsx_format_is_bold (PhaenXlsxBook *book, lxw_format *format)
{
  PhaenXlsxFormats *f = &book->fmt;

  return format == f->title || format == f->subtitle || format == f->heading ||
         format == f->header || format == f->label || format == f->total_label;
}

/* Titles, headings and table headers stay on the page of what follows them. */
static gboolean
format_leads (PhaenXlsxBook *book, lxw_format *format)
{
  PhaenXlsxFormats *f = &book->fmt;

  return format == f->title || format == f->subtitle || format == f->heading || format == f->header;
}

static void
fit_text (PhaenXlsxSheet *sheet,
          lxw_row_t first_row,
          lxw_row_t last_row,
          lxw_col_t first_col,
          lxw_col_t last_col,
          const char *text,
          lxw_format *format)
{
  PhaenXlsxBook *book = sheet->book;
  double width = _phaen_xlsx_span_width (sheet, first_col, last_col);
  gboolean title = format == book->fmt.title;
  double size = _phaen_xlsx_font_size (book) + (title ? 2 : 0);
  double lines =
    _phaen_xlsx_estimate_lines (book, text, width, _phaen_xlsx_format_is_bold (book, format), size);

  if (title)
    lines *= size / _phaen_xlsx_font_size (book);
  /* A cell merged down several rows shares its lines among them. */
  lines /= (double)(last_row - first_row + 1);
  for (lxw_row_t r = first_row; r <= last_row; r++)
    {
      _phaen_xlsx_need_lines (sheet, r, lines);
      if (format_leads (book, format))
        _phaen_xlsx_keep_with_next (sheet, r);
    }
}

/* The text as the cell shows it: digits as the options ask, a header broken between words. */
static char *
shown_text (PhaenXlsxSheet *sheet,
            lxw_col_t first_col,
            lxw_col_t last_col,
            const char *text,
            lxw_format *format)
{
  g_autofree char *shown = _phaen_xlsx_display (sheet->book, text);

  if (format != sheet->book->fmt.header && format != sheet->book->fmt.label &&
      format != sheet->book->fmt.total_label)
    return g_steal_pointer (&shown);
  return _phaen_xlsx_break_header (sheet->book, shown,
                                   _phaen_xlsx_span_width (sheet, first_col, last_col));
}

void
_phaen_xlsx_text (
  PhaenXlsxSheet *sheet, lxw_row_t row, lxw_col_t col, const char *text, lxw_format *format)
{
  g_autofree char *shown = NULL;

  if (sheet->ws == NULL)
    return;
  shown = shown_text (sheet, col, col, text, format);
  fit_text (sheet, row, row, col, col, shown, format);
  /* worksheet_write_string() always makes a string cell: "=…" typed by a user never becomes a
   * formula. An empty text is a blank cell that keeps its border. */
  if (*shown == '\0')
    _phaen_xlsx_put_blank (sheet, row, col, format);
  else
    _phaen_xlsx_put_string (sheet, row, col, g_steal_pointer (&shown), format);
}

void
_phaen_xlsx_merge_text (PhaenXlsxSheet *sheet,
                        lxw_row_t first_row,
                        lxw_col_t first_col,
                        lxw_row_t last_row,
                        lxw_col_t last_col,
                        const char *text,
                        lxw_format *format)
{
  g_autofree char *shown = NULL;

  if (sheet->ws == NULL)
    return;
  if (first_row == last_row && first_col == last_col)
    {
      _phaen_xlsx_text (sheet, first_row, first_col, text, format);
      return;
    }
  shown = shown_text (sheet, first_col, last_col, text, format);
  fit_text (sheet, first_row, last_row, first_col, last_col, shown, format);
  _phaen_xlsx_put_merge (sheet, first_row, first_col, last_row, last_col, g_steal_pointer (&shown),
                         format);
}

guint
_phaen_xlsx_labelled (PhaenXlsxSheet *sheet,
                      lxw_row_t row,
                      lxw_col_t first_col,
                      lxw_col_t last_col,
                      const char *label,
                      const char *value)
{
  PhaenXlsxRow *each = _phaen_xlsx_row_new (sheet, row);

  _phaen_xlsx_row_labelled (each, first_col, last_col, label, value);
  return _phaen_xlsx_row_write (each);
}

void
_phaen_xlsx_merge_blank (PhaenXlsxSheet *sheet,
                         lxw_row_t first_row,
                         lxw_col_t first_col,
                         lxw_row_t last_row,
                         lxw_col_t last_col,
                         lxw_format *format)
{
  if (sheet->ws == NULL)
    return;
  if (first_row == last_row && first_col == last_col)
    {
      _phaen_xlsx_blank (sheet, first_row, first_col, format);
      return;
    }
  _phaen_xlsx_put_merge (sheet, first_row, first_col, last_row, last_col, g_strdup (""), format);
}

void
_phaen_xlsx_comment (PhaenXlsxSheet *sheet, lxw_row_t row, lxw_col_t col, const char *text)
{
  if (sheet->ws == NULL)
    return;
  _phaen_xlsx_put_comment (sheet, row, col, _phaen_xlsx_display (sheet->book, text));
}

/* ------------------------------------------------------------------ score formulas */

gboolean
_phaen_xlsx_result_is_number (const PhaenResult *result)
{
  return result != NULL && result->has_value && isfinite (result->value);
}

static gboolean
result_is_empty (const PhaenResult *result)
{
  return result == NULL || result->value_text == NULL ||
         *_phaen_xlsx_or_dash (result->value_text) == '-';
}

void
_phaen_xlsx_result (PhaenXlsxSheet *sheet,
                    lxw_row_t row,
                    lxw_col_t col,
                    const PhaenResult *result,
                    lxw_format *number_format)
{
  if (_phaen_xlsx_result_is_number (result))
    _phaen_xlsx_number (sheet, row, col, result->value, number_format);
  else if (result_is_empty (result))
    _phaen_xlsx_blank (sheet, row, col, number_format);
  else
    _phaen_xlsx_text (sheet, row, col, result->value_text, sheet->book->fmt.center);
}

/* Appends the texts up to NULL. The summary writes four formulas per indicator and quarter:
 * they are joined, not printed, as printf's parsing was most of their cost (issue #15). */
static G_GNUC_NULL_TERMINATED void
append_all (GString *expr, ...)
{
  va_list args;

  va_start (args, expr);
  for (const char *text = va_arg (args, const char *); text != NULL;
       text = va_arg (args, const char *))
    g_string_append (expr, text);
  va_end (args);
}

/* seed 002, สตป. 02: score = L + (x − T_L)/(T_{L+1} − T_L) for T_L ≤ x < T_{L+1}, 1 below T1,
 * 5 from T5. Testing from T5 down finds the highest level reached, as the engine does, so equal
 * neighbouring thresholds never divide by zero. Lower-is-better compares the other way; the
 * interpolation term is the same expression (both differences change sign). */
static char *
numeric_expression (PhaenDirection direction, const char *const t[PHAEN_N_LEVELS], const char *v)
{
  static const char *const levels[] = { "0", "1", "2", "3", "4", "5" };
  const char *reached = direction == PHAEN_DIRECTION_LOWER_BETTER ? "<=" : ">=";
  GString *expr = g_string_sized_new (512);

  G_STATIC_ASSERT (G_N_ELEMENTS (levels) == PHAEN_N_LEVELS + 1);
  append_all (expr, "IF(", v, reached, t[PHAEN_N_LEVELS - 1], ",", levels[PHAEN_N_LEVELS], ",",
              NULL);
  for (int level = PHAEN_N_LEVELS - 1; level >= 1; level--)
    append_all (expr, "IF(", v, reached, t[level - 1], ",", levels[level], "+(", v, "-",
                t[level - 1], ")/(", t[level], "-", t[level - 1], "),", NULL);
  g_string_append (expr, "1");
  for (int level = PHAEN_N_LEVELS; level >= 1; level--)
    g_string_append_c (expr, ')');
  return g_string_free (expr, FALSE);
}

static char *
band_condition (const PhaenBand *band, const char *v)
{
  g_autofree char *lower = _phaen_xlsx_num (band->lower);
  g_autofree char *upper = _phaen_xlsx_num (band->upper);
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;

  if (isfinite (band->lower))
    low = g_strdup_printf ("%s%s%s", v, band->lower_inclusive ? ">=" : ">", lower);
  if (isfinite (band->upper))
    high = g_strdup_printf ("%s%s%s", v, band->upper_inclusive ? "<=" : "<", upper);
  if (low && high)
    return g_strdup_printf ("AND(%s,%s)", low, high);
  if (low || high)
    return g_strdup (low ? low : high);
  return g_strdup ("TRUE");
}

/* phaen_bands_find(): the first band holding the value wins; none gives no score. */
static char *
bands_expression (const PhaenBand *bands, guint n_bands, const char *v)
{
  GString *expr = g_string_new (NULL);

  for (guint i = 0; i < n_bands; i++)
    {
      g_autofree char *condition = band_condition (&bands[i], v);
      g_autofree char *score = _phaen_xlsx_num (bands[i].score);

      g_string_append_printf (expr, "IF(%s,%s,", condition, score);
    }
  g_string_append (expr, "\"\"");
  for (guint i = 0; i < n_bands; i++)
    g_string_append_c (expr, ')');
  return g_string_free (expr, FALSE);
}

char *
_phaen_xlsx_bands_formula (const PhaenBand *bands, guint n_bands, const char *value_ref)
{
  g_autofree char *expr = bands_expression (bands, n_bands, value_ref);

  return g_strdup_printf ("=IF(%s=\"\",\"\",%s)", value_ref, expr);
}

/* The text of @ref as phaen_parse_number() reads it: trimmed, Thai digits as Arabic, every dash
 * as "-" (phaen-score.c is_dash()), no "%". What surrounds @ref is the same in every formula and
 * is built once (the summary writes one per indicator and quarter). */
static char *
normalised_text (const char *ref)
{
  static const char *const digits[] = { "๐", "๑", "๒", "๓", "๔", "๕", "๖", "๗", "๘", "๙" };
  static const char *const dashes[] = { "–", "—", "−" };
  static char *before, *after;
  static gsize built;

  if (g_once_init_enter (&built))
    {
      GString *head = g_string_new (NULL);
      GString *tail = g_string_new (")");

      for (guint i = 0; i < G_N_ELEMENTS (digits) + G_N_ELEMENTS (dashes) + 1; i++)
        g_string_append (head, "SUBSTITUTE(");
      g_string_append (head, "TRIM(");
      for (guint d = 0; d < G_N_ELEMENTS (digits); d++)
        g_string_append_printf (tail, ",\"%s\",\"%u\")", digits[d], d);
      for (guint d = 0; d < G_N_ELEMENTS (dashes); d++)
        g_string_append_printf (tail, ",\"%s\",\"-\")", dashes[d]);
      g_string_append (tail, ",\"%\",\"\")");
      before = g_string_free (head, FALSE);
      after = g_string_free (tail, FALSE);
      g_once_init_leave (&built, 1);
    }
  return g_strconcat (before, ref, after, NULL);
}

char *
_phaen_xlsx_reading_formula (const PhaenCriteria *rules, const char *result_ref)
{
  g_autofree char *t = normalised_text (result_ref);
  g_autofree char *read = NULL;

  if (rules->kind == PHAEN_SCORING_MILESTONE)
    {
      /* parse_level_range(): the first dash after the first character splits the range; both
       * ends are numbers, the lower not above the upper; the upper end is the level. */
      g_autofree char *at = g_strconcat ("FIND(\"-\",", t, ",2)", NULL);
      g_autofree char *low = g_strconcat ("VALUE(TRIM(LEFT(", t, ",", at, "-1)))", NULL);
      g_autofree char *high = g_strconcat ("VALUE(TRIM(MID(", t, ",", at, "+1,255)))", NULL);

      read = g_strconcat ("IF(ISERROR(", at, "),VALUE(", t, "),IF(", low, "<=", high, ",", high,
                          ",NA()))", NULL);
    }
  else
    read = g_strconcat ("VALUE(", t, ")", NULL);
  /* gnumeric reads VALUE("") as 0: an empty text is no result before anything is read. (Joined,
   * not printed: the summary writes one per indicator and quarter.) */
  return g_strconcat ("=IF(ISNUMBER(", result_ref, "),", result_ref, ",IF(TRIM(", result_ref,
                      ")=\"\",\"\",IFERROR(", read, ",\"\")))", NULL);
}

char *
_phaen_xlsx_score_formula (const PhaenIndicator *indicator,
                           const PhaenCriteria *rules,
                           const char *const threshold[PHAEN_N_LEVELS],
                           const char *v,
                           const PhaenResult *result)
{
  g_autofree char *expr = NULL;
  g_autofree char *target = NULL;
  double target_value;

  if (result != NULL && result->has_override)
    return NULL;

  switch (rules->kind)
    {
    case PHAEN_SCORING_NUMERIC:
      {
        g_autofree char *inner = numeric_expression (rules->direction, threshold, v);

        expr = g_strconcat ("ROUND(", inner, ",4)", NULL);
      }
      break;

    case PHAEN_SCORING_MILESTONE:
      expr = g_strdup_printf ("IF(AND(%s>=0,%s<=%d),ROUND(%s,4),\"\")", v, v, PHAEN_N_LEVELS, v);
      break;

    case PHAEN_SCORING_BANDS:
      expr = bands_expression (rules->band, rules->n_bands, v);
      break;

    case PHAEN_SCORING_PASS_FAIL:
      /* seed 004: achieved × 100 ÷ planned, the planned outputs being the target. */
      if (!phaen_parse_number (indicator->target, &target_value, NULL) || target_value == 0)
        return NULL;
      target = _phaen_xlsx_num (target_value);
      expr = g_strdup_printf ("IF(%s<0,\"\",ROUND(%s*100/%s,2))", v, v, target);
      break;

    case PHAEN_SCORING_PMQA7:
    default:
      return NULL;
    }
  return g_strconcat ("=IF(", v, "=\"\",\"\",", expr, ")", NULL);
}

/* phaen_score_weighted(): score × weight ÷ 100, 4 decimals, from the score as shown. */
char *
_phaen_xlsx_weighted_formula (const char *score_ref, const char *weight_ref)
{
  return g_strconcat ("=IF(", score_ref, "=\"\",\"\",ROUND(", score_ref, "*", weight_ref,
                      "/100,4))", NULL);
}

gboolean
_phaen_xlsx_row_has_rules (const PhaenScorecardRow *row)
{
  PhaenCriteria rules;

  return row->criteria != NULL &&
         phaen_criteria_from_version (row->indicator, row->criteria, &rules, NULL);
}

void
_phaen_xlsx_reading (PhaenXlsxSheet *sheet,
                     const PhaenScorecardRow *row,
                     int quarter,
                     lxw_row_t result_row,
                     lxw_col_t result_col,
                     lxw_row_t reading_row,
                     lxw_col_t reading_col)
{
  g_autofree char *result_ref = _phaen_xlsx_ref (result_row, result_col);
  g_autofree char *formula = NULL;
  const PhaenResult *result = row->results[quarter];
  const PhaenScore *score = &row->scores[quarter];
  gboolean has = FALSE;
  double value = 0;

  if (!_phaen_xlsx_row_has_rules (row))
    return;
  formula = _phaen_xlsx_reading_formula (&row->rules, result_ref);
  /* The cached value: what the engine read. */
  if (_phaen_xlsx_result_is_number (result))
    has = TRUE, value = result->value;
  else if (row->rules.kind == PHAEN_SCORING_MILESTONE && score->has_score)
    has = TRUE, value = score->suggested; /* the level read from "4-5" */
  _phaen_xlsx_formula (sheet, reading_row, reading_col, formula, has, value,
                       sheet->book->fmt.number);
}

void
_phaen_xlsx_score_cells (PhaenXlsxSheet *sheet,
                         const PhaenScorecardRow *row,
                         int quarter,
                         const char *const threshold[PHAEN_N_LEVELS],
                         lxw_row_t reading_row,
                         lxw_col_t reading_col,
                         lxw_row_t score_row,
                         lxw_col_t score_col,
                         lxw_row_t weighted_row,
                         lxw_col_t weighted_col,
                         const char *weight_ref)
{
  PhaenXlsxFormats *f = &sheet->book->fmt;
  const PhaenResult *result = row->results[quarter];
  const PhaenScore *score = &row->scores[quarter];
  g_autofree char *reading_ref = _phaen_xlsx_ref (reading_row, reading_col);
  g_autofree char *score_ref = _phaen_xlsx_ref (score_row, score_col);
  g_autofree char *formula = NULL;
  g_autofree char *weighted = NULL;
  gboolean has_rules = _phaen_xlsx_row_has_rules (row);

  if (has_rules && phaen_scorecard_row_quarter_uses_older (row, quarter))
    {
      /* Scored by an older version than the one in the criteria table (DOMAIN §4a): its own
       * thresholds go into the formula as numbers. */
      char *own[PHAEN_N_LEVELS] = { NULL };

      for (int l = 0; l < PHAEN_N_LEVELS; l++)
        own[l] = _phaen_xlsx_num (row->quarter_rules[quarter].threshold[l]);
      formula = _phaen_xlsx_score_formula (row->indicator, &row->quarter_rules[quarter],
                                           (const char *const *)own, reading_ref, result);
      for (int l = 0; l < PHAEN_N_LEVELS; l++)
        g_free (own[l]);
    }
  else if (has_rules)
    formula =
      _phaen_xlsx_score_formula (row->indicator, &row->rules, threshold, reading_ref, result);

  if (score->has_score && score->overridden)
    {
      const char *reason = result ? result->override_reason : NULL;
      g_autofree char *note =
        g_strdup_printf ("คะแนนที่กำหนดเอง%s%s", reason && *reason ? ": " : "", reason ? reason : "");

      _phaen_xlsx_number (sheet, score_row, score_col, score->score, f->score);
      _phaen_xlsx_comment (sheet, score_row, score_col, note);
    }
  else if (formula != NULL)
    _phaen_xlsx_formula (sheet, score_row, score_col, formula, score->has_score, score->score,
                         f->score);
  else if (score->has_score)
    _phaen_xlsx_number (sheet, score_row, score_col, score->score, f->score);
  else
    _phaen_xlsx_blank (sheet, score_row, score_col, f->score);

  weighted = _phaen_xlsx_weighted_formula (score_ref, weight_ref);
  _phaen_xlsx_formula (sheet, weighted_row, weighted_col, weighted, score->has_score,
                       score->weighted, f->score);
}
