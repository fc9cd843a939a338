/* phaen-xlsx-layout.c — page set-up, text measuring, rows that continue, page breaks
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-xlsx"

#include "config.h"

#include <math.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "phaen-xlsx-private.h"

/* What a spreadsheet keeps free around the text of a cell, in pixels. */
#define CELL_MARGIN_PX 8
/* Metric-compatible with TH Sarabun New (fonts-thai-tlwg). */
#define STAND_IN_FONT "Laksaman"
/* One line of Thai in points per point of font size: LibreOffice 7.4 sets Laksaman at 16 pt
 * 26.5 pt apart, leaving room for the marks above and below. */
#define LINE_HEIGHT_PER_PT 1.66
/* Spreadsheets break Thai between words a little differently from Pango, and a row that is too
 * short hides text: measure in a slightly narrower cell. Pango's widths of Laksaman match
 * LibreOffice's to the pixel and LibreOffice's columns are 6 % wider than Excel's, but gnumeric
 * wraps narrower: at 0.96 it cut the last words of a labelled line that LibreOffice prints whole
 * (test-print). 0.94 is as wide as gnumeric allows. */
#define WRAP_SLACK 0.94
/* LibreOffice 7.4 reads 1,024 columns of a sheet (more only with its experimental option). */
#define SPREADSHEET_COLUMNS 1024
/* A row a spreadsheet can show is at most 409 pt high; rows are whole pixels (0.75 pt). */
#define MAX_ROW_PT 408.75

/* A4 in points, and the margins _phaen_xlsx_sheet_new() sets (0.5 in left and right, 0.6 in top
 * and bottom; the footer 0.3 in from the edge, libxlsxwriter's default). LibreOffice and
 * gnumeric print the footer inside the bottom margin. */
#define A4_SHORT_PT 595.28
#define A4_LONG_PT 841.89
#define MARGIN_LR_IN 0.5
#define MARGIN_TB_IN 0.6
#define MARGIN_HF_IN 0.3
/* Columns are filled to this share of the width: LibreOffice turns Excel's width unit into
 * 7.4 px of Carlito (Calibri's stand-in), not 7. */
#define WIDTH_FILL 0.93
/* Excel's width unit is the 7 px digit of the workbook's default font, plus 5 px of padding per
 * column; 96 px make an inch. */
#define DIGIT_PX 7.0
#define COLUMN_PAD_PX 5.0
#define PT_PER_PX 0.75

typedef struct
{
  guint n_lines;
  guint *starts; /* byte offset of each line's first character */
  int widest_px; /* the widest line */
} Measure;

/* ------------------------------------------------------------------ measuring */

static void
measure_free (Measure *measure)
{
  g_free (measure->starts);
  g_free (measure);
}

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

typedef struct
{
  guint n;
  guint *bytes; /* each piece's length */
  int *width;   /* each piece's width in Pango units */
} Pieces;

static void
pieces_free (Pieces *pieces)
{
  g_free (pieces->bytes);
  g_free (pieces->width);
  g_free (pieces);
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
    g_strdup (font_installed (book, _phaen_xlsx_font_name (book)) ? _phaen_xlsx_font_name (book)
                                                                  : STAND_IN_FONT);
  book->measured =
    g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify)g_hash_table_unref);
  for (guint i = 0; i < G_N_ELEMENTS (book->pieces); i++)
    book->pieces[i] =
      g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)pieces_free);
  book->check_measure = g_getenv ("PHAEN_XLSX_CHECK_MEASURE") != NULL;
}

static guint
variant (PhaenXlsxBook *book, gboolean bold, double size)
{
  return (bold ? 1 : 0) + (size != _phaen_xlsx_font_size (book) ? 2 : 0);
}

/* One layout per font variant, reused for every text: making a layout and loading its font is
 * most of what measuring costs. */
static PangoLayout *
layout_for (PhaenXlsxBook *book, gboolean bold, double size)
{
  guint index = variant (book, bold, size);

  ensure_pango (book);
  if (book->layouts[index] == NULL)
    {
      PangoFontDescription *font = pango_font_description_new ();

      pango_font_description_set_family (font, book->measure_family);
      pango_font_description_set_size (font, (int)(size * PANGO_SCALE));
      if (bold)
        pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
      book->layouts[index] = pango_layout_new (book->pango);
      pango_layout_set_font_description (book->layouts[index], font);
      pango_font_description_free (font);
    }
  return book->layouts[index];
}

/* Pango's own lines of @text in @width_px (-1: no wrapping). */
static Measure *
measure_with_pango (PhaenXlsxBook *book,
                    const char *text,
                    gsize label,
                    int width_px,
                    gboolean bold,
                    double size,
                    int wrap)
{
  PangoLayout *layout = layout_for (book, bold, size);
  PangoLayoutIter *iter;
  Measure *found;
  guint i = 0;

  if (label > 0)
    {
      PangoAttrList *attrs = pango_attr_list_new ();
      PangoAttribute *weight = pango_attr_weight_new (PANGO_WEIGHT_BOLD);

      weight->start_index = 0;
      weight->end_index = (guint)label;
      pango_attr_list_insert (attrs, weight);
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_wrap (layout, (PangoWrapMode)wrap);
  pango_layout_set_width (layout, width_px > 0 ? MAX (width_px, 10) * PANGO_SCALE : -1);
  found = g_new0 (Measure, 1);
  found->n_lines = pango_layout_get_line_count (layout);
  found->starts = g_new0 (guint, found->n_lines + 1);
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoRectangle logical;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      found->widest_px = MAX (found->widest_px, PANGO_PIXELS_CEIL (logical.width));
      if (i < found->n_lines)
        found->starts[i++] = pango_layout_iter_get_index (iter);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  found->starts[found->n_lines] = strlen (text);
  pango_layout_set_attributes (layout, NULL);
  book->n_laid_out++;
  return found;
}

static int
ascii_width (PhaenXlsxBook *book, guint v, PangoLayout *layout, char c)
{
  int *width = &book->ascii_width[v][(guchar)c];

  if (*width == 0)
    {
      PangoRectangle logical;

      pango_layout_set_width (layout, -1);
      pango_layout_set_text (layout, &c, 1);
      pango_layout_get_extents (layout, NULL, &logical);
      *width = MAX (logical.width, 1);
    }
  return *width;
}

/* The pieces of @chunk (@len bytes, no space or newline in it) between the places where Pango
 * (libthai for Thai) may break a line, with their widths: laid out once per distinct chunk. */
static const Pieces *
chunk_pieces (PhaenXlsxBook *book, guint v, PangoLayout *layout, const char *chunk, gsize len)
{
  char stack[256];
  g_autofree char *heap = len < sizeof stack ? NULL : g_strndup (chunk, len);
  const char *key = heap;
  const PangoLogAttr *attrs;
  PangoRectangle logical;
  Pieces *pieces;
  int n_attrs, x = 0;
  guint from = 0, i = 0;

  if (heap == NULL)
    {
      memcpy (stack, chunk, len);
      stack[len] = '\0';
      key = stack;
    }
  pieces = g_hash_table_lookup (book->pieces[v], key);
  if (pieces != NULL)
    return pieces;

  pango_layout_set_width (layout, -1);
  pango_layout_set_text (layout, key, (int)len);
  pango_layout_get_extents (layout, NULL, &logical);
  attrs = pango_layout_get_log_attrs_readonly (layout, &n_attrs);
  pieces = g_new0 (Pieces, 1);
  pieces->bytes = g_new0 (guint, n_attrs + 1);
  pieces->width = g_new0 (int, n_attrs + 1);
  for (const char *p = key; *p != '\0'; p = g_utf8_next_char (p), i++)
    if (i > 0 && (int)i < n_attrs && attrs[i].is_line_break)
      {
        PangoRectangle at;
        guint index = (guint)(p - key);

        pango_layout_index_to_pos (layout, (int)index, &at);
        pieces->bytes[pieces->n] = index - from;
        pieces->width[pieces->n++] = at.x - x;
        from = index;
        x = at.x;
      }
  pieces->bytes[pieces->n] = (guint)len - from;
  pieces->width[pieces->n++] = logical.width - x;
  g_hash_table_insert (book->pieces[v], g_strdup (key), pieces);
  book->n_laid_out++;
  return pieces;
}

typedef struct
{
  int width;      /* of the line, Pango units */
  int pending;    /* spaces before the next piece */
  gboolean empty; /* nothing on the line yet */
  int room, widest;
  GArray *starts;
} Lines;

/* Puts a piece at byte @at of @width on the line, or starts the next line with it. FALSE when
 * the piece alone is wider than a line: Pango breaks it its own way. */
static gboolean
place (Lines *lines, guint at, int width)
{
  if (!lines->empty && lines->width + lines->pending + width > lines->room)
    {
      lines->widest = MAX (lines->widest, lines->width);
      g_array_append_val (lines->starts, at);
      lines->width = lines->pending = 0;
    }
  lines->width += lines->pending + width;
  lines->pending = 0;
  lines->empty = FALSE;
  return lines->width <= lines->room;
}

/* The lines of @text as Pango wraps it, from the pieces of its words: a word is laid out once
 * however many texts it is in (issue #15: laying out each distinct text cost three quarters of
 * an export). Spaces break between words as Pango breaks them, hanging at the end of a line;
 * Latin words are added up from their letters, a little wide, and never broken. NULL when a
 * word is wider than the line, or the text has a tab or another control character. */
static Measure *
measure_by_pieces (
  PhaenXlsxBook *book, const char *text, gsize label, int width_px, gboolean bold, double size)
{
  g_autoptr (GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint));
  Lines lines = { .empty = TRUE,
                  .room = width_px > 0 ? MAX (width_px, 10) * PANGO_SCALE : G_MAXINT / 2,
                  .starts = starts };
  const char *p = text;
  Measure *found;
  guint zero = 0;

  g_array_append_val (starts, zero);
  while (*p != '\0')
    {
      const char *end = p;
      gboolean ascii = TRUE;
      /* A bold label at the start of the text (a labelled cell's rich string). */
      gboolean in_bold = bold || (gsize)(p - text) < label;
      guint v = variant (book, in_bold, size);
      PangoLayout *layout = layout_for (book, in_bold, size);

      if (*p == '\n')
        {
          guint at = (guint)(++p - text);

          lines.widest = MAX (lines.widest, lines.width);
          lines.width = lines.pending = 0;
          lines.empty = TRUE;
          g_array_append_val (starts, at);
          continue;
        }
      if (*p == ' ')
        {
          lines.pending += ascii_width (book, v, layout, ' ');
          p++;
          continue;
        }
      for (; *end != '\0' && *end != ' ' && *end != '\n'; end++)
        if ((guchar)*end < 0x20)
          return NULL;
        else if ((guchar)*end >= 0x80)
          ascii = FALSE;
      if (ascii)
        {
          int width = 0;

          for (const char *c = p; c < end; c++)
            width += ascii_width (book, v, layout, *c);
          /* Kerning may widen a Latin word a little. */
          if (!place (&lines, (guint)(p - text), width + width / 32))
            return NULL;
        }
      else
        {
          const Pieces *pieces = chunk_pieces (book, v, layout, p, (gsize)(end - p));
          guint at = (guint)(p - text);

          for (guint k = 0; k < pieces->n; at += pieces->bytes[k++])
            if (!place (&lines, at, pieces->width[k]))
              return NULL;
        }
      p = end;
    }
  lines.widest = MAX (lines.widest, lines.width);

  found = g_new0 (Measure, 1);
  found->n_lines = starts->len;
  found->starts = g_new0 (guint, found->n_lines + 1);
  memcpy (found->starts, starts->data, starts->len * sizeof (guint));
  found->starts[found->n_lines] = (guint)(p - text);
  found->widest_px = PANGO_PIXELS_CEIL (lines.widest);
  return found;
}

/* libxlsxwriter does not autofit rows, so lines are counted by laying the text out with Pango in
 * the cell's width, broken between Thai words by libthai as a spreadsheet breaks them. Each
 * distinct text is measured once per font and width: the forms repeat most of their texts. */
static const Measure *
measure_labelled (PhaenXlsxBook *book,
                  const char *text,
                  gsize label,
                  int width_px,
                  gboolean bold,
                  double size,
                  int wrap)
{
  gint64 variant_key;
  GHashTable *texts;
  Measure *found;

  ensure_pango (book);
  variant_key = ((gint64)(width_px + 1) << 32) | ((gint64)MIN (label, 0xffff) << 16) |
                ((gint64)(size * 8) << 4) | (bold ? 2 : 0) | (wrap == PANGO_WRAP_WORD ? 0 : 1);
  texts = g_hash_table_lookup (book->measured, &variant_key);
  if (texts == NULL)
    {
      texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)measure_free);
      g_hash_table_insert (book->measured, g_memdup2 (&variant_key, sizeof variant_key), texts);
    }
  found = g_hash_table_lookup (texts, text);
  if (found != NULL)
    {
      book->n_measure_hits++;
      return found;
    }

  /* Pango's WRAP_WORD and WRAP_WORD_CHAR differ only for a word wider than the line, which the
   * pieces leave to Pango. */
  found = measure_by_pieces (book, text, label, width_px, bold, size);
  if (found == NULL)
    found = measure_with_pango (book, text, label, width_px, bold, size, wrap);
  else if (book->check_measure)
    {
      Measure *pango = measure_with_pango (book, text, label, width_px, bold, size, wrap);

      if (pango->n_lines > found->n_lines)
        g_warning ("“%s” in %d px: %u lines from its words, %u from Pango", text, width_px,
                   found->n_lines, pango->n_lines);
      else if (pango->n_lines < found->n_lines)
        g_message ("“%s” in %d px: %u lines from its words, %u from Pango", text, width_px,
                   found->n_lines, pango->n_lines);
      measure_free (pango);
    }
  book->n_measured++;
  g_hash_table_insert (texts, g_strdup (text), found);
  return found;
}

static const Measure *
measure (PhaenXlsxBook *book, const char *text, int width_px, gboolean bold, double size, int wrap)
{
  return measure_labelled (book, text, 0, width_px, bold, size, wrap);
}

static int
text_px (double width)
{
  return (int)((width * DIGIT_PX + COLUMN_PAD_PX - CELL_MARGIN_PX) * WRAP_SLACK);
}

int
_phaen_xlsx_text_px (PhaenXlsxBook *book, const char *text, gboolean bold)
{
  return measure (book, text, -1, bold, _phaen_xlsx_font_size (book), PANGO_WRAP_WORD)->widest_px;
}

gboolean
_phaen_xlsx_fits (PhaenXlsxBook *book, const char *text, double width)
{
  return _phaen_xlsx_text_px (book, text, FALSE) <=
         width * DIGIT_PX + COLUMN_PAD_PX - CELL_MARGIN_PX;
}

double
_phaen_xlsx_estimate_lines (
  PhaenXlsxBook *book, const char *text, double width, gboolean bold, double size)
{
  if (text == NULL || *text == '\0')
    return 1;
  return measure (book, text, text_px (width), bold, size, PANGO_WRAP_WORD_CHAR)->n_lines;
}

/* A header broken where Pango (libthai) breaks it, with the line ends written as newlines: a
 * spreadsheet that breaks Thai on its own splits words ("คะแนนถ่วงน้ำ|หนัก"). */
char *
_phaen_xlsx_break_header (PhaenXlsxBook *book, const char *text, double width)
{
  const Measure *lines;
  /* No slack: the newlines written here decide the lines. */
  int px = (int)(width * DIGIT_PX + COLUMN_PAD_PX - CELL_MARGIN_PX);
  GString *out;

  if (text == NULL || *text == '\0')
    return g_strdup (text ? text : "");
  lines = measure (book, text, px, TRUE, _phaen_xlsx_font_size (book), PANGO_WRAP_WORD);
  /* A word wider than the cell breaks between characters anyway; better where Pango would. */
  if (lines->widest_px > px)
    lines = measure (book, text, px, TRUE, _phaen_xlsx_font_size (book), PANGO_WRAP_WORD_CHAR);
  out = g_string_new (NULL);
  for (guint i = 0; i < lines->n_lines; i++)
    {
      g_autofree char *line =
        g_strndup (text + lines->starts[i], lines->starts[i + 1] - lines->starts[i]);

      g_strstrip (line);
      if (*line == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, line);
    }
  return g_string_free (out, FALSE);
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

static gboolean
is_portrait (PhaenXlsxBook *book, PhaenXlsxOrientation official)
{
  PhaenXlsxOrientation chosen = book->options->orientation;

  return (chosen == PHAEN_XLSX_ORIENTATION_AUTO ? official : chosen) ==
         PHAEN_XLSX_ORIENTATION_PORTRAIT;
}

double
_phaen_xlsx_px_width (double px)
{
  return MAX (px - COLUMN_PAD_PX, DIGIT_PX) / DIGIT_PX;
}

/* The printable width of the page in pixels, what the forms share among their columns. */
static double
page_width_px (gboolean portrait)
{
  double paper = portrait ? A4_SHORT_PT : A4_LONG_PT;

  return (paper - 2 * 72 * MARGIN_LR_IN) / PT_PER_PX * WIDTH_FILL;
}

/* What a page holds, in points, in every office suite: each page is filled up to it (with an
 * empty row at its foot) so that gnumeric, which reads no page break from an XLSX, breaks where
 * LibreOffice and Excel break (see paginate()).
 *
 * LibreOffice and Excel hold the paper less the top and bottom margins. gnumeric (print.c,
 * compute_sheet_pages() and compute_group()) lays every sheet out on the page of the sheet it
 * prints first (the print operation's default page set-up), counts a 1 pt grid line first, and
 * on a landscape page takes the left and right margins where the header and footer margins
 * belong: 480.08 pt instead of 508.88, as measured with gnumeric 1.12.55. */
static double
page_height_pt (gboolean portrait, gboolean first_portrait)
{
  double paper = portrait ? A4_LONG_PT : A4_SHORT_PT;
  double office = paper - 2 * 72 * MARGIN_TB_IN;
  double first_paper = first_portrait ? A4_LONG_PT : A4_SHORT_PT;
  double edges = first_portrait ? MARGIN_HF_IN : MARGIN_LR_IN;
  double gnumeric = first_paper - 2 * 72 * edges - 2 * 72 * (MARGIN_TB_IN - MARGIN_HF_IN) - 1;

  /* A pixel less, in whole pixels. */
  return floor (MIN (office, gnumeric) / PT_PER_PX - 1) * PT_PER_PX;
}

PhaenXlsxSheet *
_phaen_xlsx_sheet_new_fitted (PhaenXlsxBook *book,
                              const char *name,
                              const double *px,
                              guint n_cols,
                              PhaenXlsxOrientation official)
{
  PhaenXlsxSheet *sheet = g_new0 (PhaenXlsxSheet, 1);
  gboolean portrait = is_portrait (book, official);
  double scale = _phaen_xlsx_font_size (book) / PHAEN_XLSX_DEFAULT_FONT_SIZE;
  double room = page_width_px (portrait), fixed = 0, weights = 0, total = 0;

  g_assert (n_cols <= PHAEN_XLSX_MAX_COLS);

  sheet->book = book;
  sheet->name = sheet_name (book, name);
  sheet->n_cols = n_cols;
  sheet->portrait = portrait;
  if (!book->has_sheet)
    book->first_portrait = portrait;
  book->has_sheet = TRUE;
  sheet->page_height = page_height_pt (portrait, book->first_portrait);
  sheet->lines = g_array_new (FALSE, TRUE, sizeof (double));
  sheet->keep = g_array_new (FALSE, TRUE, sizeof (guint8));
  sheet->ws = workbook_add_worksheet (book->workbook, sheet->name);
  if (sheet->ws == NULL)
    {
      _phaen_xlsx_ok (book, LXW_ERROR_MEMORY_MALLOC_FAILED, sheet->name);
      return sheet;
    }

  /* Fixed columns grow with the font; the flexible ones (negative: their share) take the rest
   * of the page (0: a hidden column), so that the form prints at 100 % on A4 (issue #15:
   * fit-to-width printed 16 pt as 11 pt). */
  for (guint c = 0; c < n_cols; c++)
    if (px[c] >= 0)
      fixed += px[c] * scale;
    else
      weights += -px[c];
  for (guint c = 0; c < n_cols; c++)
    {
      double want;

      if (px[c] == 0)
        continue; /* a hidden column: the form sets it */
      /* A flexible column is at least 80 px a share (five Thai words of 16 pt). */
      want =
        px[c] >= 0 ? px[c] * scale : MAX ((room - fixed) * -px[c] / weights, 80 * scale * -px[c]);

      sheet->width[c] = _phaen_xlsx_px_width (want);
      total += sheet->width[c] * DIGIT_PX + COLUMN_PAD_PX;
      _phaen_xlsx_ok (book, worksheet_set_column (sheet->ws, c, c, sheet->width[c], NULL),
                      sheet->name);
    }

  if (portrait)
    worksheet_set_portrait (sheet->ws);
  else
    worksheet_set_landscape (sheet->ws);
  worksheet_set_paper (sheet->ws, 9);
  /* At the font size the offices print (DOMAIN.md §5): fit-to-width only when a larger font than
   * the page holds was asked for. LibreOffice 7.4 also drops the rows after repeated header rows
   * that fall at the bottom of a page when it fits to width. */
  if (total > room / WIDTH_FILL)
    worksheet_fit_to_pages (sheet->ws, 1, 0);
  else
    worksheet_set_print_scale (sheet->ws, 100);
  worksheet_set_margins (sheet->ws, MARGIN_LR_IN, MARGIN_LR_IN, MARGIN_TB_IN, MARGIN_TB_IN);
  worksheet_center_horizontally (sheet->ws);
  worksheet_gridlines (sheet->ws, LXW_HIDE_ALL_GRIDLINES);
  _phaen_xlsx_ok (book, worksheet_set_footer (sheet->ws, "&R&P / &N"), sheet->name);
  return sheet;
}

PhaenXlsxSheet *
_phaen_xlsx_sheet_new (PhaenXlsxBook *book, const char *name, const double *widths, guint n_cols)
{
  double px[PHAEN_XLSX_MAX_COLS];
  double total = 0, room = page_width_px (is_portrait (book, PHAEN_XLSX_ORIENTATION_LANDSCAPE));
  double scale = _phaen_xlsx_font_size (book) / PHAEN_XLSX_DEFAULT_FONT_SIZE;

  g_assert (n_cols <= PHAEN_XLSX_MAX_COLS);

  /* Widths in characters, as a form once gave them: narrowed together to the page. */
  for (guint c = 0; c < n_cols; c++)
    total += (px[c] = widths[c] * DIGIT_PX + COLUMN_PAD_PX) * scale;
  for (guint c = 0; c < n_cols; c++)
    px[c] *= total > room ? room / total : 1;
  return _phaen_xlsx_sheet_new_fitted (book, name, px, n_cols, PHAEN_XLSX_ORIENTATION_LANDSCAPE);
}

double
_phaen_xlsx_span_width (PhaenXlsxSheet *sheet, lxw_col_t first, lxw_col_t last)
{
  double width = 0;

  /* Each column also has 5 px of padding, a 7 px digit being one unit of width. */
  for (lxw_col_t c = first; c <= last && c < PHAEN_XLSX_MAX_COLS; c++)
    if (sheet->width[c] > 0)
      width += sheet->width[c] + (c > first ? COLUMN_PAD_PX / DIGIT_PX : 0);
  return width;
}

static void
grow (PhaenXlsxSheet *sheet, lxw_row_t row)
{
  if (sheet->lines->len <= row)
    {
      g_array_set_size (sheet->lines, row + 1);
      g_array_set_size (sheet->keep, row + 1);
    }
}

void
_phaen_xlsx_need_lines (PhaenXlsxSheet *sheet, lxw_row_t row, double lines)
{
  grow (sheet, row);
  if (g_array_index (sheet->lines, double, row) < lines)
    g_array_index (sheet->lines, double, row) = lines;
}

#define ROW_KEEP 1
#define ROW_HIDDEN 2

void
_phaen_xlsx_keep_with_next (PhaenXlsxSheet *sheet, lxw_row_t row)
{
  grow (sheet, row);
  g_array_index (sheet->keep, guint8, row) |= ROW_KEEP;
}

void
_phaen_xlsx_hide_row (PhaenXlsxSheet *sheet, lxw_row_t row)
{
  grow (sheet, row);
  g_array_index (sheet->keep, guint8, row) |= ROW_HIDDEN;
}

double
_phaen_xlsx_line_pt (PhaenXlsxBook *book)
{
  return _phaen_xlsx_font_size (book) * LINE_HEIGHT_PER_PT;
}

static double
row_pt (PhaenXlsxSheet *sheet, lxw_row_t row)
{
  double lines;

  if (g_array_index (sheet->keep, guint8, row) & ROW_HIDDEN)
    return 0;
  lines = MAX (g_array_index (sheet->lines, double, row), 1.0);

  return MIN (ceil ((lines * _phaen_xlsx_line_pt (sheet->book) + 4) / PT_PER_PX) * PT_PER_PX,
              MAX_ROW_PT);
}

/* The lines one row of a long text may take: a text that needs more continues on the next rows
 * (_phaen_xlsx_row_write()), so no row stops at the 409 pt a spreadsheet allows and the page
 * breaks can fall between its parts. A quarter of a page: three parts fill a page under a
 * header copy of two or three rows, where parts of half a page left half of each page empty. */
guint
_phaen_xlsx_lines_per_row (PhaenXlsxSheet *sheet)
{
  double room = MIN (MAX_ROW_PT, sheet->page_height / 4) - 4;

  return MAX ((guint)(room / _phaen_xlsx_line_pt (sheet->book)), 2);
}

/* The row breaks in the order they are written, and the columns hidden so that gnumeric prints
 * the form whole.
 *
 * gnumeric (1.12.55, and its source to this day: plugins/excel/xlsx-read.c) reads <rowBreaks> as
 * column breaks: a break before row 13 cut the forms after their 12th column and printed the
 * rest on pages of their own. It drops a break that is not after the one before it
 * (gnm_page_breaks_append_break()), and it lays the columns out up to the next column break it
 * kept, past the print area too (print.c, paginate()). So the first break written is the
 * first one at a row number past the form's columns (else a row after the last one, where
 * LibreOffice has nothing left to break), and the columns from the form's last one up to it are
 * hidden: gnumeric puts them all on the form's page, where hidden columns take no room, and stops
 * there. The breaks at smaller row numbers come last, where gnumeric drops them; it paginates the
 * rows by their heights. LibreOffice and Excel break the rows where we chose, whatever the
 * order. */
static GArray *
gnumeric_safe_breaks (PhaenXlsxSheet *sheet, GArray *breaks, guint n_rows, lxw_row_t *first_listed)
{
  GArray *listed = g_array_new (TRUE, TRUE, sizeof (lxw_row_t));
  guint printed = sheet->n_printed_cols > 0 ? sheet->n_printed_cols : sheet->n_cols;
  lxw_row_t first = MAX (printed, n_rows);

  for (guint i = 0; i < breaks->len; i++)
    if (g_array_index (breaks, lxw_row_t, i) >= printed)
      {
        first = g_array_index (breaks, lxw_row_t, i);
        break;
      }
  g_array_append_val (listed, first);
  for (guint i = 0; i < breaks->len && listed->len < LXW_BREAKS_MAX; i++)
    if (g_array_index (breaks, lxw_row_t, i) > first)
      g_array_append_val (listed, g_array_index (breaks, lxw_row_t, i));
  for (guint i = 0; i < breaks->len && listed->len < LXW_BREAKS_MAX; i++)
    if (g_array_index (breaks, lxw_row_t, i) < first)
      g_array_append_val (listed, g_array_index (breaks, lxw_row_t, i));

  *first_listed = first;
  return listed;
}

typedef struct
{
  lxw_row_t start;  /* the form's row the page starts with */
  double used;      /* points of rows on it, the header copy included */
  guint n_spacers;  /* empty rows that fill it up */
  double spacer_pt; /* the height of each, whole pixels */
  gboolean titled;  /* starts with a copy of the header rows */
} Page;

/* Pages chosen from the rows' heights: a page ends before the row that would not fit, and
 * before the headings and table headers that lead to that row, so none is left alone at the
 * bottom of a page; the pages after the first that start inside the table start with a copy of
 * its header rows. */
static GArray *
paginate (PhaenXlsxSheet *sheet,
          gboolean has_titles,
          lxw_row_t first_title,
          lxw_row_t last_title,
          lxw_row_t table_end)
{
  GArray *pages = g_array_new (FALSE, TRUE, sizeof (Page));
  Page page = { 0 };
  double titles = 0;
  guint n = sheet->lines->len;

  if (has_titles)
    for (lxw_row_t r = first_title; r <= last_title && r < n; r++)
      titles += row_pt (sheet, r);

  for (guint r = 0; r < n; r++)
    {
      double h = row_pt (sheet, r);

      if (page.used + h > sheet->page_height && r > page.start)
        {
          guint b = r;
          double moved = h + titles;

          /* Headings go to the next page with the row they lead to, as long as they and the
           * row fit on one page (else the page breaks at the row). */
          while (b - 1 > page.start && (g_array_index (sheet->keep, guint8, b - 1) & ROW_KEEP))
            {
              moved += row_pt (sheet, b - 1);
              b--;
            }
          if (moved > sheet->page_height)
            b = r;
          if (pages->len + 1 >= LXW_BREAKS_MAX)
            break; /* the spreadsheet breaks the rest by itself */
          for (guint k = b; k < r; k++)
            page.used -= row_pt (sheet, k);
          g_array_append_val (pages, page);
          page = (Page){ .start = b, .titled = has_titles && b > last_title && b <= table_end };
          page.used = page.titled ? titles : 0;
          for (guint k = b; k < r; k++)
            page.used += row_pt (sheet, k);
        }
      page.used += h;
    }
  g_array_append_val (pages, page);
  return pages;
}

/* Each page but the last is filled up to the height every office suite holds: gnumeric, which
 * takes no page break from an XLSX, then breaks where LibreOffice and Excel break, before the
 * header copy. Returns the rows added before each form row (the header copies and the filling
 * rows). */
static GArray *
fill_pages (PhaenXlsxSheet *sheet, GArray *pages, guint n_titles)
{
  GArray *map = g_array_sized_new (FALSE, FALSE, sizeof (lxw_row_t), sheet->lines->len);
  lxw_row_t added = 0;
  guint p = 0;

  for (guint i = 0; i + 1 < pages->len; i++)
    {
      Page *page = &g_array_index (pages, Page, i);
      double gap = sheet->page_height - page->used;

      page->n_spacers = gap >= PT_PER_PX ? (guint)ceil (gap / MAX_ROW_PT) : 0;
      if (page->n_spacers > 0)
        page->spacer_pt = floor (gap / page->n_spacers / PT_PER_PX) * PT_PER_PX;
    }
  for (lxw_row_t r = 0; r < sheet->lines->len; r++)
    {
      while (p + 1 < pages->len && g_array_index (pages, Page, p + 1).start <= r)
        {
          const Page *next = &g_array_index (pages, Page, ++p);

          added += g_array_index (pages, Page, p - 1).n_spacers + (next->titled ? n_titles : 0);
        }
      g_array_append_val (map, (lxw_row_t){ r + added });
    }
  return map;
}

static void
set_row (PhaenXlsxSheet *sheet, lxw_row_t row, double height, gboolean hidden)
{
  lxw_row_col_options hide = { .hidden = LXW_TRUE };

  _phaen_xlsx_ok (sheet->book,
                  worksheet_set_row_opt (sheet->ws, row, hidden ? LXW_DEF_ROW_HEIGHT : height, NULL,
                                         hidden ? &hide : NULL),
                  sheet->name);
}

/* The heights of the form's rows where they moved to, of the filling rows and of the header
 * copies; the row before which each page breaks in @breaks and where each copy starts in
 * @copies. libxlsxwriter does not autofit: every row gets the height its longest text was
 * measured to need, as the pages were computed. */
static void
write_rows (PhaenXlsxSheet *sheet,
            GArray *pages,
            lxw_row_t first_title,
            guint n_titles,
            GArray *breaks,
            GArray *copies)
{
  for (guint r = 0; r < sheet->lines->len; r++)
    set_row (sheet, _phaen_xlsx_sheet_row (sheet, r), row_pt (sheet, r),
             g_array_index (sheet->keep, guint8, r) & ROW_HIDDEN);
  for (guint i = 1; i < pages->len; i++)
    {
      const Page *before = &g_array_index (pages, Page, i - 1);
      const Page *page = &g_array_index (pages, Page, i);
      lxw_row_t at = _phaen_xlsx_sheet_row (sheet, page->start) - (page->titled ? n_titles : 0);
      lxw_row_t from = at - before->n_spacers;

      for (guint k = 0; k < before->n_spacers; k++)
        set_row (sheet, from + k, before->spacer_pt, FALSE);
      g_array_append_val (breaks, at);
      if (!page->titled)
        continue;
      g_array_append_val (copies, at);
      for (guint k = 0; k < n_titles; k++)
        set_row (sheet, at + k, row_pt (sheet, first_title + k), FALSE);
    }
}

static void
finish (PhaenXlsxSheet *sheet,
        gboolean has_titles,
        lxw_row_t first_title,
        lxw_row_t last_title,
        lxw_row_t table_end)
{
  g_autoptr (GArray) pages = NULL;
  g_autoptr (GArray) breaks = g_array_new (TRUE, TRUE, sizeof (lxw_row_t));
  g_autoptr (GArray) copies = g_array_new (FALSE, FALSE, sizeof (lxw_row_t));
  guint printed = sheet->n_printed_cols > 0 ? sheet->n_printed_cols : sheet->n_cols;
  guint n_titles = has_titles ? last_title - first_title + 1 : 0;
  lxw_row_col_options hidden = { .hidden = LXW_TRUE };
  lxw_row_t first = 0;

  if (sheet->ws == NULL)
    return;
  for (lxw_row_t r = first_title; r <= last_title && has_titles; r++)
    _phaen_xlsx_keep_with_next (sheet, r);
  pages = paginate (sheet, has_titles, first_title, last_title, table_end);
  sheet->row_map = fill_pages (sheet, pages, n_titles);
  write_rows (sheet, pages, first_title, n_titles, breaks, copies);
  _phaen_xlsx_cells_write (sheet, first_title, last_title, copies);

  if (breaks->len > 0)
    {
      lxw_row_t last = _phaen_xlsx_sheet_row (sheet, sheet->lines->len);
      g_autoptr (GArray) listed = gnumeric_safe_breaks (sheet, breaks, last, &first);

      _phaen_xlsx_ok (sheet->book,
                      worksheet_set_h_pagebreaks (sheet->ws, (lxw_row_t *)(void *)listed->data),
                      sheet->name);
    }
  /* The cells beside a table (PMQA 7's choice) stay next to it on screen: every column between
   * is hidden. (Should the first break come after them, gnumeric prints them too.) */
  if (sheet->beside_col > 0)
    first = sheet->beside_col;
  if (first > printed && first <= SPREADSHEET_COLUMNS)
    _phaen_xlsx_ok (
      sheet->book,
      worksheet_set_column_opt (sheet->ws, printed, first - 1, LXW_DEF_COL_WIDTH, NULL, &hidden),
      sheet->name);
}

void
_phaen_xlsx_sheet_finish (PhaenXlsxSheet *sheet,
                          lxw_row_t first_title_row,
                          lxw_row_t last_title_row,
                          lxw_row_t last_table_row)
{
  finish (sheet, last_title_row >= first_title_row, first_title_row, last_title_row,
          last_table_row);
}

void
_phaen_xlsx_sheet_finish_plain (PhaenXlsxSheet *sheet)
{
  finish (sheet, FALSE, 0, 0, 0);
}

void
_phaen_xlsx_sheet_free (PhaenXlsxSheet *sheet)
{
  if (sheet == NULL)
    return;
  _phaen_xlsx_cells_free (sheet);
  g_array_unref (sheet->lines);
  g_array_unref (sheet->keep);
  g_free (sheet->name);
  g_free (sheet);
}

/* ------------------------------------------------------------------ rows that continue */

typedef enum
{
  CELL_TEXT,
  CELL_LABELLED,
  CELL_NUMBER,
  CELL_BLANK,
  CELL_FORMULA,
} CellKind;

typedef struct
{
  CellKind kind;
  lxw_col_t first_col, last_col;
  lxw_format *format;
  char *text;  /* as shown; for CELL_LABELLED the whole "label value" */
  gsize label; /* bytes of the bold label at the start of a CELL_LABELLED text */
  char *formula;
  gboolean has_value;
  double value;
  const Measure *lines;
  GArray *ends; /* (element-type guint) the line each part ends before */
} RowCell;

struct _PhaenXlsxRow
{
  PhaenXlsxSheet *sheet;
  lxw_row_t row;
  GArray *cells;
};

static void
row_cell_clear (RowCell *cell)
{
  g_free (cell->text);
  g_free (cell->formula);
  g_clear_pointer (&cell->ends, g_array_unref);
}

PhaenXlsxRow *
_phaen_xlsx_row_new (PhaenXlsxSheet *sheet, lxw_row_t row)
{
  PhaenXlsxRow *self = g_new0 (PhaenXlsxRow, 1);

  self->sheet = sheet;
  self->row = row;
  self->cells = g_array_new (FALSE, TRUE, sizeof (RowCell));
  g_array_set_clear_func (self->cells, (GDestroyNotify)row_cell_clear);
  return self;
}

static RowCell *
add_cell (PhaenXlsxRow *self, CellKind kind, lxw_col_t first, lxw_col_t last, lxw_format *format)
{
  RowCell cell = { .kind = kind, .first_col = first, .last_col = last, .format = format };

  g_array_append_val (self->cells, cell);
  return &g_array_index (self->cells, RowCell, self->cells->len - 1);
}

void
_phaen_xlsx_row_text (
  PhaenXlsxRow *self, lxw_col_t first, lxw_col_t last, const char *text, lxw_format *format)
{
  add_cell (self, CELL_TEXT, first, last, format)->text =
    _phaen_xlsx_display (self->sheet->book, text);
}

void
_phaen_xlsx_row_labelled (
  PhaenXlsxRow *self, lxw_col_t first, lxw_col_t last, const char *label, const char *value)
{
  PhaenXlsxBook *book = self->sheet->book;
  g_autofree char *shown_label = _phaen_xlsx_display (book, label);
  g_autofree char *shown_value = _phaen_xlsx_display (book, _phaen_xlsx_or_dash (value));
  RowCell *cell = add_cell (self, CELL_LABELLED, first, last, book->fmt.para);

  cell->text = g_strconcat (shown_label, shown_value, NULL);
  cell->label = strlen (shown_label);
}

void
_phaen_xlsx_row_number (PhaenXlsxRow *self, lxw_col_t col, double value, lxw_format *format)
{
  RowCell *cell = add_cell (self, CELL_NUMBER, col, col, format);

  cell->value = value;
}

void
_phaen_xlsx_row_blank (PhaenXlsxRow *self, lxw_col_t first, lxw_col_t last, lxw_format *format)
{
  add_cell (self, CELL_BLANK, first, last, format);
}

void
_phaen_xlsx_row_formula (PhaenXlsxRow *self,
                         lxw_col_t col,
                         const char *formula,
                         gboolean has_value,
                         double value,
                         lxw_format *format)
{
  RowCell *cell = add_cell (self, CELL_FORMULA, col, col, format);

  cell->formula = g_strdup (formula);
  cell->has_value = has_value;
  cell->value = value;
}

/* The line each part of @text ends before: at most @per_row lines a part, ending where the text
 * has a newline when one comes after the first half of them, so that the parts join again with
 * newlines (phaen-plan-import.c reads a plan back so). */
static GArray *
part_ends (const Measure *lines, const char *text, guint per_row)
{
  GArray *ends = g_array_new (FALSE, FALSE, sizeof (guint));
  guint from = 0;

  do
    {
      guint end = MIN (from + per_row, lines->n_lines);

      for (guint j = end; end < lines->n_lines && j > from + per_row / 2; j--)
        if (text[lines->starts[j] - 1] == '\n')
          {
            end = j;
            break;
          }
      g_array_append_val (ends, end);
      from = end;
    }
  while (from < lines->n_lines);
  return ends;
}

static char *
chunk_text (const RowCell *cell, guint part)
{
  guint first_line = part > 0 ? g_array_index (cell->ends, guint, part - 1) : 0;
  guint end_line = g_array_index (cell->ends, guint, part);
  const char *from = cell->text + cell->lines->starts[first_line];
  g_autofree char *text =
    g_strndup (from, cell->lines->starts[end_line] - cell->lines->starts[first_line]);

  /* The break between two rows is a line break: no newline or space is left at either end. */
  return g_strdup (g_strstrip (text));
}

static void
write_chunk (PhaenXlsxSheet *sheet,
             lxw_row_t row,
             const RowCell *cell,
             char *text,
             lxw_format *format,
             gboolean first)
{
  gboolean labelled = cell->kind == CELL_LABELLED && first;

  if (cell->last_col > cell->first_col)
    _phaen_xlsx_put_merge (sheet, row, cell->first_col, row, cell->last_col,
                           g_strdup (labelled ? "" : text), format);
  if (labelled && cell->label > 0 && cell->label < strlen (text))
    _phaen_xlsx_put_labelled (sheet, row, cell->first_col, text, cell->label, format);
  else if ((cell->last_col == cell->first_col || labelled) && *text != '\0')
    _phaen_xlsx_put_string (sheet, row, cell->first_col, text, format);
  else
    {
      if (cell->last_col == cell->first_col || labelled)
        _phaen_xlsx_put_blank (sheet, row, cell->first_col, format);
      g_free (text);
    }
}

guint
_phaen_xlsx_row_write (PhaenXlsxRow *self)
{
  PhaenXlsxSheet *sheet = self->sheet;
  PhaenXlsxBook *book = sheet->book;
  guint per_row = _phaen_xlsx_lines_per_row (sheet);
  guint n_rows = 1;

  if (sheet->ws == NULL)
    goto out;

  for (guint i = 0; i < self->cells->len; i++)
    {
      RowCell *cell = &g_array_index (self->cells, RowCell, i);
      gboolean bold = _phaen_xlsx_format_is_bold (book, cell->format);
      double width = _phaen_xlsx_span_width (sheet, cell->first_col, cell->last_col);

      if (cell->kind != CELL_TEXT && cell->kind != CELL_LABELLED)
        continue;
      if (cell->format == book->fmt.label || cell->format == book->fmt.header)
        {
          char *broken = _phaen_xlsx_break_header (book, cell->text, width);

          g_free (cell->text);
          cell->text = broken;
        }
      /* Rows are split between words only: a spreadsheet lays the parts out again. */
      cell->lines =
        measure_labelled (book, cell->text, cell->kind == CELL_LABELLED ? cell->label : 0,
                          text_px (width), bold, _phaen_xlsx_font_size (book), PANGO_WRAP_WORD);
      cell->ends = part_ends (cell->lines, cell->text, per_row);
      n_rows = MAX (n_rows, cell->ends->len);
    }

  for (guint i = 0; i < self->cells->len; i++)
    {
      const RowCell *cell = &g_array_index (self->cells, RowCell, i);

      if (cell->kind == CELL_TEXT || cell->kind == CELL_LABELLED)
        {
          guint parts = cell->ends->len;

          for (guint k = 0; k < n_rows; k++)
            {
              char *text = k < parts ? (n_rows == 1 ? g_strdup (cell->text) : chunk_text (cell, k))
                                     : g_strdup ("");
              PhaenXlsxEdge edge = n_rows == 1       ? PHAEN_XLSX_EDGE_ALL
                                   : k == 0          ? PHAEN_XLSX_EDGE_FIRST
                                   : k + 1 == n_rows ? PHAEN_XLSX_EDGE_LAST
                                                     : PHAEN_XLSX_EDGE_MIDDLE;
              guint lines = k < parts ? g_array_index (cell->ends, guint, k) -
                                          (k > 0 ? g_array_index (cell->ends, guint, k - 1) : 0)
                                      : 1;

              write_chunk (sheet, self->row + k, cell, text,
                           _phaen_xlsx_format_edge (book, cell->format, edge), k == 0);
              _phaen_xlsx_need_lines (sheet, self->row + k, lines);
            }
          continue;
        }

      /* Numbers, formulas and marks stand once, in a cell merged down the continued rows. */
      if (n_rows > 1 || cell->last_col > cell->first_col)
        _phaen_xlsx_put_merge (sheet, self->row, cell->first_col, self->row + n_rows - 1,
                               cell->last_col, g_strdup (""), cell->format);
      if (cell->kind == CELL_NUMBER)
        _phaen_xlsx_number (sheet, self->row, cell->first_col, cell->value, cell->format);
      else if (cell->kind == CELL_FORMULA)
        _phaen_xlsx_formula (sheet, self->row, cell->first_col, cell->formula, cell->has_value,
                             cell->value, cell->format);
      else if (n_rows == 1 && cell->last_col == cell->first_col)
        _phaen_xlsx_put_blank (sheet, self->row, cell->first_col, cell->format);
      _phaen_xlsx_need_lines (sheet, self->row, 1);
    }

out:
  g_array_unref (self->cells);
  g_free (self);
  return n_rows;
}
