/* phaen-xlsx-common.c — formats, page set-up, text-safe cell writers and score formulas
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-xlsx"

#include "config.h"

#include <math.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "phaen-calendar.h"
#include "phaen-thai-text.h"
#include "phaen-xlsx-private.h"

/* What a spreadsheet keeps free around the text of a cell, in pixels. */
#define CELL_MARGIN_PX 8
/* Metric-compatible with TH Sarabun New (fonts-thai-tlwg). */
#define STAND_IN_FONT "Laksaman"
/* Titles are set this many points larger than the text. */
#define TITLE_GROWTH 2
/* One line of Thai in points per point of font size: LibreOffice sets Laksaman at 16 pt 25 pt
 * apart, leaving room for the marks above and below. */
#define LINE_HEIGHT_PER_PT 1.6
/* Spreadsheets break Thai between words a little differently from Pango, and a row that is too
 * short hides text: measure in a slightly narrower cell. */
#define WRAP_SLACK 0.92

/* ------------------------------------------------------------------ helpers */

static const char *
font_name (PhaenXlsxBook *book)
{
  const char *name = book->options->font_name;

  return name != NULL && *name != '\0' ? name : PHAEN_XLSX_DEFAULT_FONT;
}

static double
font_size (PhaenXlsxBook *book)
{
  return book->options->font_size > 0 ? book->options->font_size : PHAEN_XLSX_DEFAULT_FONT_SIZE;
}

/* Numbers stay numbers (formulas read them); Excel shows them in Thai digits with the D07
 * digit-substitution prefix of the Thai locale 041E. LibreOffice 7.4 ignores the prefix and
 * shows Arabic digits, while text and headers carry Thai digits themselves. */
static void
set_num_format (PhaenXlsxBook *book, lxw_format *format, const char *num_format)
{
  g_autofree char *full = NULL;

  /* General is the default: no custom format unless the digits change. */
  if (g_str_equal (num_format, "General") && !book->options->thai_digits)
    return;
  if (book->options->thai_digits)
    full = g_strconcat ("[$-D07041E]", num_format, NULL);
  format_set_num_format (format, full ? full : num_format);
}

static lxw_format *
new_format (PhaenXlsxBook *book, gboolean bordered)
{
  lxw_format *format = workbook_add_format (book->workbook);

  format_set_font_name (format, font_name (book));
  format_set_font_size (format, font_size (book));
  format_set_align (format, LXW_ALIGN_VERTICAL_TOP);
  if (bordered)
    format_set_border (format, LXW_BORDER_THIN);
  return format;
}

static lxw_format *
new_cell (PhaenXlsxBook *book, uint8_t align, gboolean wrap)
{
  lxw_format *format = new_format (book, TRUE);

  format_set_align (format, align);
  if (wrap)
    format_set_text_wrap (format);
  return format;
}

static lxw_format *
new_centred_number (PhaenXlsxBook *book, const char *num_format, gboolean bold)
{
  lxw_format *format = new_cell (book, LXW_ALIGN_CENTER, FALSE);

  set_num_format (book, format, num_format);
  if (bold)
    format_set_bold (format);
  return format;
}

void
_phaen_xlsx_formats_init (PhaenXlsxBook *book)
{
  PhaenXlsxFormats *f = &book->fmt;

  f->title = new_format (book, FALSE);
  format_set_bold (f->title);
  format_set_font_size (f->title, font_size (book) + TITLE_GROWTH);
  format_set_align (f->title, LXW_ALIGN_CENTER);
  format_set_text_wrap (f->title);

  f->subtitle = new_format (book, FALSE);
  format_set_bold (f->subtitle);
  format_set_align (f->subtitle, LXW_ALIGN_CENTER);
  format_set_text_wrap (f->subtitle);

  f->heading = new_format (book, FALSE);
  format_set_bold (f->heading);
  format_set_text_wrap (f->heading);

  f->para = new_format (book, FALSE);
  format_set_text_wrap (f->para);

  f->note = new_format (book, FALSE);
  format_set_italic (f->note);
  format_set_text_wrap (f->note);

  f->run_bold = new_format (book, FALSE);
  format_set_bold (f->run_bold);
  f->run = new_format (book, FALSE);

  f->header = new_cell (book, LXW_ALIGN_CENTER, TRUE);
  format_set_align (f->header, LXW_ALIGN_VERTICAL_CENTER);
  format_set_bold (f->header);
  format_set_bg_color (f->header, 0xD9D9D9);

  f->label = new_cell (book, LXW_ALIGN_LEFT, TRUE);
  format_set_bold (f->label);

  f->text = new_cell (book, LXW_ALIGN_LEFT, TRUE);
  f->center = new_cell (book, LXW_ALIGN_CENTER, TRUE);

  f->mark = new_cell (book, LXW_ALIGN_CENTER, FALSE);
  f->shaded = new_cell (book, LXW_ALIGN_CENTER, FALSE);
  format_set_bg_color (f->shaded, 0xA6A6A6);

  f->total_label = new_cell (book, LXW_ALIGN_RIGHT, TRUE);
  format_set_bold (f->total_label);

  f->money = new_cell (book, LXW_ALIGN_RIGHT, FALSE);
  set_num_format (book, f->money, "#,##0.00");
  f->number = new_centred_number (book, "General", FALSE);
  f->number_left = new_cell (book, LXW_ALIGN_LEFT, FALSE);
  set_num_format (book, f->number_left, "General");
  f->score = new_centred_number (book, "0.0000", FALSE);
  f->score_bold = new_centred_number (book, "0.0000", TRUE);
  f->percent = new_centred_number (book, "0.00", FALSE);
  f->count = new_centred_number (book, "0;-0;\"-\"", FALSE);
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
  return book->options->thai_digits ? phaen_digits_to_thai (text) : g_strdup (text);
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

/* ------------------------------------------------------------------ measuring */

static gboolean
font_installed (PhaenXlsxBook *book, const char *family)
{
  PangoFontDescription *wanted = pango_font_description_new ();
  g_autoptr (PangoFont) font = NULL;
  gboolean found = FALSE;

  pango_font_description_set_family (wanted, family);
  pango_font_description_set_size (wanted, 16 * PANGO_SCALE);
  font = pango_font_map_load_font (book->font_map, book->pango, wanted);
  if (font != NULL)
    {
      PangoFontDescription *got = pango_font_describe (font);

      found = g_ascii_strcasecmp (pango_font_description_get_family (got), family) == 0;
      pango_font_description_free (got);
    }
  pango_font_description_free (wanted);
  return found;
}

static void
ensure_pango (PhaenXlsxBook *book)
{
  if (book->pango != NULL)
    return;
  book->font_map = pango_cairo_font_map_new ();
  book->pango = pango_font_map_create_context (book->font_map);
  pango_cairo_context_set_resolution (book->pango, 96);
  /* Where TH SarabunPSK is not installed fontconfig substitutes another font, which Pango may
   * also scale down; measure with Laksaman then, drawn to TH Sarabun's metrics (DOMAIN.md §5). */
  book->measure_family =
    g_strdup (font_installed (book, font_name (book)) ? font_name (book) : STAND_IN_FONT);
}

static PangoLayout *
new_layout (PhaenXlsxBook *book, const char *text, gboolean bold, double size)
{
  PangoLayout *layout;
  PangoFontDescription *font;

  ensure_pango (book);
  font = pango_font_description_new ();
  pango_font_description_set_family (font, book->measure_family);
  pango_font_description_set_size (font, (int)(size * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  layout = pango_layout_new (book->pango);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

gboolean
_phaen_xlsx_fits (PhaenXlsxBook *book, const char *text, double width)
{
  g_autoptr (PangoLayout) layout = new_layout (book, text, FALSE, font_size (book));
  PangoRectangle logical;

  pango_layout_get_pixel_extents (layout, NULL, &logical);
  return logical.width <= width * 7.0 + 5.0 - CELL_MARGIN_PX;
}

/* libxlsxwriter does not autofit rows, so the lines are counted by laying the text out with
 * Pango in the cell's width: the font the sheet names, or what fontconfig stands in for it
 * (Laksaman for TH SarabunPSK), broken between Thai words by libthai as a spreadsheet breaks
 * them. Excel's width unit is the 7 px digit of the workbook's default font, plus 5 px of
 * padding per column; a little of that is the cell's margin. */
double
_phaen_xlsx_estimate_lines (
  PhaenXlsxBook *book, const char *text, double width, gboolean bold, double size)
{
  g_autoptr (PangoLayout) layout = NULL;
  int px = (int)((width * 7.0 + 5.0 - CELL_MARGIN_PX) * WRAP_SLACK);

  if (text == NULL || *text == '\0')
    return 1;
  layout = new_layout (book, text, bold, size);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, MAX (px, 10) * PANGO_SCALE);
  return pango_layout_get_line_count (layout);
}

/* ------------------------------------------------------------------ sheets */

/* Excel refuses []:*?/\ in sheet names and more than 31 characters; names are unique
 * regardless of case. */
static char *
sheet_name (PhaenXlsxBook *book, const char *wanted)
{
  g_autoptr (GString) clean = g_string_new (NULL);
  g_autofree char *name = NULL;

  for (const char *p = wanted; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (strchr ("[]:*?/\\", (int)c) != NULL && c < 0x80)
        g_string_append_c (clean, ' ');
      else
        g_string_append_unichar (clean, c);
    }
  g_strstrip (clean->str);
  while (clean->str[0] == '\'')
    g_string_erase (clean, 0, 1);
  if (clean->str[0] == '\0')
    g_string_assign (clean, "Sheet");

  for (guint n = 1;; n++)
    {
      g_autofree char *suffix = n > 1 ? g_strdup_printf (" (%u)", n) : g_strdup ("");
      glong room = LXW_SHEETNAME_MAX - g_utf8_strlen (suffix, -1);
      g_autofree char *base =
        g_utf8_substring (clean->str, 0, MIN (room, (glong)g_utf8_strlen (clean->str, -1)));
      g_autofree char *folded = NULL;
      gboolean taken = FALSE;

      g_clear_pointer (&name, g_free);
      name = g_strconcat (g_strchomp (base), suffix, NULL);
      folded = g_utf8_casefold (name, -1);
      for (guint i = 0; i < book->sheet_names->len; i++)
        taken |= g_str_equal (g_ptr_array_index (book->sheet_names, i), folded);
      if (!taken)
        {
          g_ptr_array_add (book->sheet_names, g_steal_pointer (&folded));
          return g_steal_pointer (&name);
        }
    }
}

PhaenXlsxSheet *
_phaen_xlsx_sheet_new (PhaenXlsxBook *book, const char *name, const double *widths, guint n_cols)
{
  PhaenXlsxSheet *sheet = g_new0 (PhaenXlsxSheet, 1);
  double line = font_size (book) * LINE_HEIGHT_PER_PT;

  g_assert (n_cols <= PHAEN_XLSX_MAX_COLS);

  sheet->book = book;
  sheet->name = sheet_name (book, name);
  sheet->n_cols = n_cols;
  sheet->lines = g_array_new (FALSE, TRUE, sizeof (double));
  sheet->ws = workbook_add_worksheet (book->workbook, sheet->name);
  if (sheet->ws == NULL)
    {
      _phaen_xlsx_ok (book, LXW_ERROR_MEMORY_MALLOC_FAILED, sheet->name);
      return sheet;
    }

  for (guint c = 0; c < n_cols; c++)
    {
      sheet->width[c] = widths[c];
      _phaen_xlsx_ok (book, worksheet_set_column (sheet->ws, c, c, widths[c], NULL), sheet->name);
    }

  /* DOMAIN.md §5: A4 landscape, fit to the page width, as many pages down as needed. */
  worksheet_set_landscape (sheet->ws);
  worksheet_set_paper (sheet->ws, 9);
  worksheet_fit_to_pages (sheet->ws, 1, 0);
  worksheet_set_margins (sheet->ws, 0.5, 0.5, 0.6, 0.6);
  worksheet_center_horizontally (sheet->ws);
  worksheet_set_default_row (sheet->ws, line + 2, LXW_FALSE);
  worksheet_gridlines (sheet->ws, LXW_HIDE_ALL_GRIDLINES);
  _phaen_xlsx_ok (book, worksheet_set_footer (sheet->ws, "&R&P / &N"), sheet->name);
  return sheet;
}

double
_phaen_xlsx_span_width (PhaenXlsxSheet *sheet, lxw_col_t first, lxw_col_t last)
{
  double width = 0;

  /* Each column also has 5 px of padding, a 7 px digit being one unit of width. */
  for (lxw_col_t c = first; c <= last && c < PHAEN_XLSX_MAX_COLS; c++)
    width += sheet->width[c] + (c > first ? 5.0 / 7.0 : 0);
  return width;
}

void
_phaen_xlsx_need_lines (PhaenXlsxSheet *sheet, lxw_row_t row, double lines)
{
  if (sheet->lines->len <= row)
    g_array_set_size (sheet->lines, row + 1);
  if (g_array_index (sheet->lines, double, row) < lines)
    g_array_index (sheet->lines, double, row) = lines;
}

void
_phaen_xlsx_sheet_finish (PhaenXlsxSheet *sheet,
                          lxw_row_t first_title_row,
                          lxw_row_t last_title_row)
{
  PhaenXlsxBook *book = sheet->book;
  double line = font_size (book) * LINE_HEIGHT_PER_PT;

  if (sheet->ws == NULL)
    return;
  /* libxlsxwriter does not autofit: each row gets the height its longest text was estimated to
   * need. */
  for (guint r = 0; r < sheet->lines->len; r++)
    {
      double lines = g_array_index (sheet->lines, double, r);

      if (lines > 1.0)
        _phaen_xlsx_ok (book, worksheet_set_row (sheet->ws, r, MIN (lines * line + 4, 409), NULL),
                        sheet->name);
    }
  if (last_title_row >= first_title_row)
    _phaen_xlsx_ok (book, worksheet_repeat_rows (sheet->ws, first_title_row, last_title_row),
                    sheet->name);
}

void
_phaen_xlsx_sheet_free (PhaenXlsxSheet *sheet)
{
  if (sheet == NULL)
    return;
  g_array_unref (sheet->lines);
  g_free (sheet->name);
  g_free (sheet);
}

/* ------------------------------------------------------------------ cells */

static gboolean
format_is_bold (PhaenXlsxBook *book, lxw_format *format)
{
  PhaenXlsxFormats *f = &book->fmt;

  return format == f->title || format == f->subtitle || format == f->heading ||
         format == f->header || format == f->label || format == f->total_label;
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
  double size = font_size (book) + (title ? TITLE_GROWTH : 0);
  double lines =
    _phaen_xlsx_estimate_lines (book, text, width, format_is_bold (book, format), size);

  if (title)
    lines *= size / font_size (book);
  /* A cell merged down several rows shares its lines among them. */
  lines /= (double)(last_row - first_row + 1);
  for (lxw_row_t r = first_row; r <= last_row; r++)
    _phaen_xlsx_need_lines (sheet, r, lines);
}

void
_phaen_xlsx_text (
  PhaenXlsxSheet *sheet, lxw_row_t row, lxw_col_t col, const char *text, lxw_format *format)
{
  g_autofree char *shown = _phaen_xlsx_display (sheet->book, text);

  if (sheet->ws == NULL)
    return;
  fit_text (sheet, row, row, col, col, shown, format);
  /* worksheet_write_string() always makes a string cell: "=…" typed by a user never becomes a
   * formula. An empty text is a blank cell that keeps its border. */
  if (*shown == '\0')
    _phaen_xlsx_ok (sheet->book, worksheet_write_blank (sheet->ws, row, col, format), sheet->name);
  else
    _phaen_xlsx_ok (sheet->book, worksheet_write_string (sheet->ws, row, col, shown, format),
                    sheet->name);
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
  g_autofree char *shown = _phaen_xlsx_display (sheet->book, text);

  if (sheet->ws == NULL)
    return;
  if (first_row == last_row && first_col == last_col)
    {
      _phaen_xlsx_text (sheet, first_row, first_col, text, format);
      return;
    }
  fit_text (sheet, first_row, last_row, first_col, last_col, shown, format);
  _phaen_xlsx_ok (
    sheet->book,
    worksheet_merge_range (sheet->ws, first_row, first_col, last_row, last_col, shown, format),
    sheet->name);
}

void
_phaen_xlsx_labelled (PhaenXlsxSheet *sheet,
                      lxw_row_t row,
                      lxw_col_t first_col,
                      lxw_col_t last_col,
                      const char *label,
                      const char *value)
{
  PhaenXlsxBook *book = sheet->book;
  g_autofree char *shown_label = _phaen_xlsx_display (book, label);
  g_autofree char *shown_value = _phaen_xlsx_display (book, _phaen_xlsx_or_dash (value));
  g_autofree char *whole = g_strconcat (shown_label, shown_value, NULL);
  lxw_rich_string_tuple bold = { .format = book->fmt.run_bold, .string = shown_label };
  lxw_rich_string_tuple plain = { .format = book->fmt.run, .string = shown_value };
  lxw_rich_string_tuple *fragments[] = { &bold, &plain, NULL };

  if (sheet->ws == NULL)
    return;
  fit_text (sheet, row, row, first_col, last_col, whole, book->fmt.para);
  if (last_col > first_col)
    _phaen_xlsx_ok (
      book, worksheet_merge_range (sheet->ws, row, first_col, row, last_col, "", book->fmt.para),
      sheet->name);
  /* A rich string is a string cell too: a value typed as "=…" stays text. */
  _phaen_xlsx_ok (
    book, worksheet_write_rich_string (sheet->ws, row, first_col, fragments, book->fmt.para),
    sheet->name);
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
  _phaen_xlsx_ok (
    sheet->book,
    worksheet_merge_range (sheet->ws, first_row, first_col, last_row, last_col, "", format),
    sheet->name);
}

void
_phaen_xlsx_number (
  PhaenXlsxSheet *sheet, lxw_row_t row, lxw_col_t col, double value, lxw_format *format)
{
  if (sheet->ws == NULL)
    return;
  _phaen_xlsx_ok (sheet->book, worksheet_write_number (sheet->ws, row, col, value, format),
                  sheet->name);
}

void
_phaen_xlsx_blank (PhaenXlsxSheet *sheet, lxw_row_t row, lxw_col_t col, lxw_format *format)
{
  if (sheet->ws == NULL)
    return;
  _phaen_xlsx_ok (sheet->book, worksheet_write_blank (sheet->ws, row, col, format), sheet->name);
}

/* A formula carries the value our engine computed as its cached result, so a reader that does
 * not recalculate (a viewer, a script) sees the same numbers the app shows. */
void
_phaen_xlsx_formula (PhaenXlsxSheet *sheet,
                     lxw_row_t row,
                     lxw_col_t col,
                     const char *formula,
                     gboolean has_value,
                     double value,
                     lxw_format *format)
{
  if (sheet->ws == NULL)
    return;
  if (has_value)
    _phaen_xlsx_ok (sheet->book,
                    worksheet_write_formula_num (sheet->ws, row, col, formula, format, value),
                    sheet->name);
  else
    _phaen_xlsx_ok (sheet->book,
                    worksheet_write_formula_str (sheet->ws, row, col, formula, format, ""),
                    sheet->name);
}

void
_phaen_xlsx_formula_text (PhaenXlsxSheet *sheet,
                          lxw_row_t row,
                          lxw_col_t col,
                          const char *formula,
                          const char *value,
                          lxw_format *format)
{
  if (sheet->ws == NULL)
    return;
  _phaen_xlsx_ok (
    sheet->book,
    worksheet_write_formula_str (sheet->ws, row, col, formula, format, value ? value : ""),
    sheet->name);
}

void
_phaen_xlsx_comment (PhaenXlsxSheet *sheet, lxw_row_t row, lxw_col_t col, const char *text)
{
  g_autofree char *shown = _phaen_xlsx_display (sheet->book, text);
  lxw_comment_options options = { .author = (char *)"Phaen", .width = 260, .height = 90 };

  if (sheet->ws == NULL)
    return;
  _phaen_xlsx_ok (sheet->book, worksheet_write_comment_opt (sheet->ws, row, col, shown, &options),
                  sheet->name);
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

/* seed 002, สตป. 02: score = L + (x − T_L)/(T_{L+1} − T_L) for T_L ≤ x < T_{L+1}, 1 below T1,
 * 5 from T5. Testing from T5 down finds the highest level reached, as the engine does, so equal
 * neighbouring thresholds never divide by zero. Lower-is-better compares the other way; the
 * interpolation term is the same expression (both differences change sign). */
static char *
numeric_expression (PhaenDirection direction, const char *const t[PHAEN_N_LEVELS], const char *v)
{
  const char *reached = direction == PHAEN_DIRECTION_LOWER_BETTER ? "<=" : ">=";
  GString *expr = g_string_new (NULL);

  g_string_append_printf (expr, "IF(%s%s%s,%d,", v, reached, t[PHAEN_N_LEVELS - 1], PHAEN_N_LEVELS);
  for (int level = PHAEN_N_LEVELS - 1; level >= 1; level--)
    g_string_append_printf (expr, "IF(%s%s%s,%d+(%s-%s)/(%s-%s),", v, reached, t[level - 1], level,
                            v, t[level - 1], t[level], t[level - 1]);
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

char *
_phaen_xlsx_score_formula (const PhaenIndicator *indicator,
                           const PhaenCriteria *rules,
                           const char *const threshold[PHAEN_N_LEVELS],
                           const char *result_ref,
                           const PhaenResult *result,
                           const PhaenScore *score)
{
  g_autofree char *v = NULL;
  g_autofree char *expr = NULL;
  g_autofree char *target = NULL;
  double target_value;

  if (result != NULL && result->has_override)
    return NULL;
  if (_phaen_xlsx_result_is_number (result) || result_is_empty (result))
    v = g_strdup (result_ref);
  else if (rules->kind == PHAEN_SCORING_MILESTONE && score->has_score)
    {
      /* "4-5" (seed 002) is text a formula cannot read: while the cell holds text the formula
       * uses the level the engine read from it; a number typed over it is scored as usual. */
      g_autofree char *level = _phaen_xlsx_num (score->suggested);

      v = g_strdup_printf ("IF(ISNUMBER(%s),%s,%s)", result_ref, result_ref, level);
    }
  else
    return NULL;

  switch (rules->kind)
    {
    case PHAEN_SCORING_NUMERIC:
      {
        g_autofree char *inner = numeric_expression (rules->direction, threshold, v);

        expr = g_strdup_printf ("ROUND(%s,4)", inner);
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
  return g_strdup_printf ("=IF(%s=\"\",\"\",%s)", result_ref, expr);
}

/* phaen_score_weighted(): score × weight ÷ 100, 4 decimals, from the score as shown. */
char *
_phaen_xlsx_weighted_formula (const char *score_ref, const char *weight_ref)
{
  return g_strdup_printf ("=IF(%s=\"\",\"\",ROUND(%s*%s/100,4))", score_ref, score_ref, weight_ref);
}

gboolean
_phaen_xlsx_row_has_rules (const PhaenScorecardRow *row)
{
  PhaenCriteria rules;

  return row->criteria != NULL &&
         phaen_criteria_from_version (row->indicator, row->criteria, &rules, NULL);
}

void
_phaen_xlsx_score_cells (PhaenXlsxSheet *sheet,
                         const PhaenScorecardRow *row,
                         int quarter,
                         const char *const threshold[PHAEN_N_LEVELS],
                         lxw_row_t result_row,
                         lxw_col_t result_col,
                         lxw_row_t score_row,
                         lxw_col_t score_col,
                         lxw_row_t weighted_row,
                         lxw_col_t weighted_col,
                         const char *weight_ref)
{
  PhaenXlsxFormats *f = &sheet->book->fmt;
  const PhaenResult *result = row->results[quarter];
  const PhaenScore *score = &row->scores[quarter];
  g_autofree char *result_ref = _phaen_xlsx_ref (result_row, result_col);
  g_autofree char *score_ref = _phaen_xlsx_ref (score_row, score_col);
  g_autofree char *formula = NULL;
  g_autofree char *weighted = NULL;

  if (_phaen_xlsx_row_has_rules (row) && phaen_scorecard_row_quarter_uses_older (row, quarter))
    {
      /* Scored by an older version than the one in the criteria table (DOMAIN §4a): its own
       * thresholds go into the formula as numbers. */
      char *own[PHAEN_N_LEVELS] = { NULL };

      for (int l = 0; l < PHAEN_N_LEVELS; l++)
        own[l] = _phaen_xlsx_num (row->quarter_rules[quarter].threshold[l]);
      formula = _phaen_xlsx_score_formula (row->indicator, &row->quarter_rules[quarter],
                                           (const char *const *)own, result_ref, result, score);
      for (int l = 0; l < PHAEN_N_LEVELS; l++)
        g_free (own[l]);
    }
  else if (_phaen_xlsx_row_has_rules (row))
    formula =
      _phaen_xlsx_score_formula (row->indicator, &row->rules, threshold, result_ref, result, score);

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
