/* phaen-xlsx-private.h — what the form writers share: formats, sheets, safe cell writers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pango.h>
#include <xlsxwriter.h>

#include "phaen-budget-view.h"
#include "phaen-pmqa.h"
#include "phaen-scorecard.h"
#include "phaen-xlsx.h"

G_BEGIN_DECLS

/* Upper bound of the columns a form uses: 24 months and a few fixed columns. */
#define PHAEN_XLSX_MAX_COLS 32

typedef struct
{
  lxw_format *title;       /* bold, centred, larger */
  lxw_format *subtitle;    /* bold, centred */
  lxw_format *heading;     /* bold, left, no border (section lines) */
  lxw_format *para;        /* wrapped text, no border */
  lxw_format *header;      /* bold, centred, wrapped, bordered, grey */
  lxw_format *label;       /* bold, left, wrapped, bordered */
  lxw_format *text;        /* left, top, wrapped, bordered */
  lxw_format *center;      /* centred, wrapped, bordered */
  lxw_format *mark;        /* a month cell: centred, bordered */
  lxw_format *shaded;      /* a planned month: centred, bordered, filled */
  lxw_format *money;       /* #,##0.00 */
  lxw_format *number;      /* a value as typed (General), centred */
  lxw_format *number_left; /* General, left (a value beside a label) */
  lxw_format *score;       /* 0.0000 */
  lxw_format *score_bold;
  lxw_format *percent;     /* 0.00 */
  lxw_format *count;       /* 0, zero shown as "-" */
  lxw_format *total_label; /* bold, right, bordered */
  lxw_format *note;        /* italic, wrapped, no border */
  lxw_format *strategy;    /* an action plan's levels (DOMAIN §3b): bold, bordered, tinted */
  lxw_format *goal;        /* bold, bordered, lightly tinted (a project is `label`) */
  lxw_format *over_budget; /* #,##0.00 on a warning fill: the rows under it exceed it */
  lxw_format *run_bold;    /* rich-string fragments: the font, bold or plain */
  lxw_format *run;
} PhaenXlsxFormats;

typedef struct
{
  lxw_workbook *workbook;
  PhaenStore *store;
  const PhaenXlsxOptions *options;
  PhaenUnit *unit;
  int fiscal_year;
  PhaenXlsxFormats fmt;
  lxw_error status; /* the first libxlsxwriter failure, LXW_NO_ERROR while none */
  char *failed_at;  /* what was being written then */
  GPtrArray *sheet_names;
  gboolean has_sheet;
  gboolean first_portrait; /* the first sheet is portrait: gnumeric lays every sheet out so */
  PangoFontMap *font_map;  /* measures text for row heights; made on first use */
  PangoContext *pango;
  char *measure_family;    /* the font the text is measured with */
  PangoLayout *layouts[4]; /* regular, bold, title regular, title bold */
  GHashTable *measured;    /* (width, bold, size, wrap) → (text → lines) */
  GHashTable *pieces[4];   /* per layout: a text without spaces → its pieces between breaks */
  int ascii_width[4][128]; /* per layout: the advance of each ASCII character, 0 unknown */
  gboolean check_measure;  /* PHAEN_XLSX_CHECK_MEASURE: compare the pieces with Pango */
  guint n_measured, n_measure_hits, n_laid_out;
  GHashTable *format_specs; /* lxw_format* → how it was made */
  GHashTable *edge_formats; /* "format/edge" → lxw_format* */
} PhaenXlsxBook;

typedef struct _PhaenXlsxOp PhaenXlsxOp;

typedef struct
{
  PhaenXlsxBook *book;
  lxw_worksheet *ws;
  char *name;
  guint n_cols;
  /* A form whose cells beside the printed table must not print sets these: the columns printed
   * (its print area) and the first column of the cells beside (at or past the first page break's
   * row number, see gnumeric_safe_breaks() in phaen-xlsx-layout.c); 0 for the other forms. */
  guint n_printed_cols;
  lxw_col_t beside_col;
  double width[PHAEN_XLSX_MAX_COLS];
  GArray *lines; /* (element-type double) lines of text each row must show */
  GArray *keep;  /* (element-type guint8) rows that stay on the page of the next row */
  gboolean portrait;
  double page_height; /* what one page holds, in points */
  /* The cells as the form wrote them, until the pages are known (phaen-xlsx-cells.c), and where
   * each row moved to once the header rows were copied to the top of every page. */
  GArray *ops;     /* (element-type PhaenXlsxOp) */
  GArray *row_map; /* (element-type lxw_row_t) */
  gboolean written;
} PhaenXlsxSheet;

/* Which borders a part of a text continued over several rows keeps. */
typedef enum
{
  PHAEN_XLSX_EDGE_ALL,
  PHAEN_XLSX_EDGE_FIRST,  /* no bottom border */
  PHAEN_XLSX_EDGE_MIDDLE, /* neither top nor bottom */
  PHAEN_XLSX_EDGE_LAST,   /* no top border */
} PhaenXlsxEdge;

typedef struct _PhaenXlsxRow PhaenXlsxRow;

void _phaen_xlsx_formats_init (PhaenXlsxBook *book);
void _phaen_xlsx_book_clear (PhaenXlsxBook *book);
const char *_phaen_xlsx_font_name (PhaenXlsxBook *book);
double _phaen_xlsx_font_size (PhaenXlsxBook *book);
gboolean _phaen_xlsx_format_is_bold (PhaenXlsxBook *book, lxw_format *format);
/* @format with the borders of @edge (formats made by _phaen_xlsx_formats_init() only). */
lxw_format *_phaen_xlsx_format_edge (PhaenXlsxBook *book, lxw_format *format, PhaenXlsxEdge edge);
/* A number format with Thai digits when the options ask for them: "[$-D00041E]" (numerals 0D,
 * Thai, the Gregorian calendar 00, locale 041E) shows ๐–๙ in Excel, LibreOffice and gnumeric;
 * the D07 (Buddhist calendar) variant makes LibreOffice 7.4 drop the format. (transfer full) */
char *_phaen_xlsx_num_format (PhaenXlsxBook *book, const char *num_format);

/* Sheets and layout (phaen-xlsx-layout.c). Widths in pixels at 16 pt; a negative width is a share
 * of what the fixed columns leave of the page's width. @official: how the official form is
 * printed, used unless the options choose. */
PhaenXlsxSheet *_phaen_xlsx_sheet_new_fitted (PhaenXlsxBook *book,
                                              const char *name,
                                              const double *px,
                                              guint n_cols,
                                              PhaenXlsxOrientation official);
/* Widths in characters, narrowed together to an A4 landscape page when they are wider. */
PhaenXlsxSheet *
_phaen_xlsx_sheet_new (PhaenXlsxBook *book, const char *name, const double *widths, guint n_cols);
/* Sets the rows' heights, repeats the title rows on every page and chooses the page breaks. */
/* Lays the sheet out on pages: the header rows @first_title_row..@last_title_row start every
 * page up to the one with @last_table_row (the end of the table they head). */
void _phaen_xlsx_sheet_finish (PhaenXlsxSheet *sheet,
                               lxw_row_t first_title_row,
                               lxw_row_t last_title_row,
                               lxw_row_t last_table_row);
void _phaen_xlsx_sheet_finish_plain (PhaenXlsxSheet *sheet); /* no title rows */
double _phaen_xlsx_px_width (double px); /* pixels → Excel's width in characters */
void _phaen_xlsx_keep_with_next (PhaenXlsxSheet *sheet, lxw_row_t row);
void _phaen_xlsx_hide_row (PhaenXlsxSheet *sheet, lxw_row_t row); /* not printed */
double _phaen_xlsx_line_pt (PhaenXlsxBook *book);
guint _phaen_xlsx_lines_per_row (PhaenXlsxSheet *sheet);
/* The width of @text on one line, in pixels. */
int _phaen_xlsx_text_px (PhaenXlsxBook *book, const char *text, gboolean bold);
/* @text with newlines where Pango breaks it between words in a bold cell @width wide.
 * (transfer full) */
char *_phaen_xlsx_break_header (PhaenXlsxBook *book, const char *text, double width);

/* A row whose texts continue on the next rows when they need more lines than a row should hold;
 * numbers, formulas and blanks are merged down those rows. Texts are shown through
 * _phaen_xlsx_display(). _phaen_xlsx_row_write() writes and frees it and returns the rows used. */
PhaenXlsxRow *_phaen_xlsx_row_new (PhaenXlsxSheet *sheet, lxw_row_t row);
void _phaen_xlsx_row_text (
  PhaenXlsxRow *row, lxw_col_t first, lxw_col_t last, const char *text, lxw_format *format);
/* "label value", the label bold (the plans' numbered sections); no border. */
void _phaen_xlsx_row_labelled (
  PhaenXlsxRow *row, lxw_col_t first, lxw_col_t last, const char *label, const char *value);
void _phaen_xlsx_row_number (PhaenXlsxRow *row, lxw_col_t col, double value, lxw_format *format);
void _phaen_xlsx_row_blank (PhaenXlsxRow *row, lxw_col_t first, lxw_col_t last, lxw_format *format);
void _phaen_xlsx_row_formula (PhaenXlsxRow *row,
                              lxw_col_t col,
                              const char *formula,
                              gboolean has_value,
                              double value,
                              lxw_format *format);
guint _phaen_xlsx_row_write (PhaenXlsxRow *row);
void _phaen_xlsx_sheet_free (PhaenXlsxSheet *sheet);
gboolean _phaen_xlsx_ok (PhaenXlsxBook *book, lxw_error status, const char *what);
double _phaen_xlsx_span_width (PhaenXlsxSheet *sheet, lxw_col_t first, lxw_col_t last);

/* Cells. Every text passes through _phaen_xlsx_display() and is written as a string cell, so
 * "=HYPERLINK(…)" typed by a user stays text. Rows grow to show wrapped text. */
/* Cells held until the pages are known (phaen-xlsx-cells.c); the texts are (transfer full). */
void _phaen_xlsx_put_string (
  PhaenXlsxSheet *sheet, lxw_row_t row, lxw_col_t col, char *text, lxw_format *format);
void
_phaen_xlsx_put_blank (PhaenXlsxSheet *sheet, lxw_row_t row, lxw_col_t col, lxw_format *format);
void _phaen_xlsx_put_labelled (
  PhaenXlsxSheet *sheet, lxw_row_t row, lxw_col_t col, char *text, gsize label, lxw_format *format);
void _phaen_xlsx_put_merge (PhaenXlsxSheet *sheet,
                            lxw_row_t first_row,
                            lxw_col_t first_col,
                            lxw_row_t last_row,
                            lxw_col_t last_col,
                            char *text,
                            lxw_format *format);
void _phaen_xlsx_put_comment (PhaenXlsxSheet *sheet, lxw_row_t row, lxw_col_t col, char *text);
void _phaen_xlsx_cells_write (PhaenXlsxSheet *sheet,
                              lxw_row_t first_title,
                              lxw_row_t last_title,
                              const GArray *copies);
void _phaen_xlsx_cells_free (PhaenXlsxSheet *sheet);
/* Where the form's @row is in the finished sheet. */
lxw_row_t _phaen_xlsx_sheet_row (PhaenXlsxSheet *sheet, lxw_row_t row);

char *_phaen_xlsx_display (PhaenXlsxBook *book, const char *text); /* (transfer full) */
void _phaen_xlsx_text (
  PhaenXlsxSheet *sheet, lxw_row_t row, lxw_col_t col, const char *text, lxw_format *format);
void _phaen_xlsx_merge_text (PhaenXlsxSheet *sheet,
                             lxw_row_t first_row,
                             lxw_col_t first_col,
                             lxw_row_t last_row,
                             lxw_col_t last_col,
                             const char *text,
                             lxw_format *format);
void _phaen_xlsx_merge_blank (PhaenXlsxSheet *sheet,
                              lxw_row_t first_row,
                              lxw_col_t first_col,
                              lxw_row_t last_row,
                              lxw_col_t last_col,
                              lxw_format *format);
/* "label : value" in one merged row, the label bold (the plans' numbered sections); a long value
 * continues on the next rows. Returns the rows used. */
guint _phaen_xlsx_labelled (PhaenXlsxSheet *sheet,
                            lxw_row_t row,
                            lxw_col_t first_col,
                            lxw_col_t last_col,
                            const char *label,
                            const char *value);
void _phaen_xlsx_number (
  PhaenXlsxSheet *sheet, lxw_row_t row, lxw_col_t col, double value, lxw_format *format);
void _phaen_xlsx_blank (PhaenXlsxSheet *sheet, lxw_row_t row, lxw_col_t col, lxw_format *format);
void _phaen_xlsx_formula (PhaenXlsxSheet *sheet,
                          lxw_row_t row,
                          lxw_col_t col,
                          const char *formula,
                          gboolean has_value,
                          double value,
                          lxw_format *format);
void _phaen_xlsx_formula_text (PhaenXlsxSheet *sheet,
                               lxw_row_t row,
                               lxw_col_t col,
                               const char *formula,
                               const char *value,
                               lxw_format *format);
void _phaen_xlsx_comment (PhaenXlsxSheet *sheet, lxw_row_t row, lxw_col_t col, const char *text);
/* Makes @row at least @lines lines of text high. */
void _phaen_xlsx_need_lines (PhaenXlsxSheet *sheet, lxw_row_t row, double lines);
/* The lines @text takes in a cell @width characters wide (Excel's width unit), set in the
 * sheet's font at @size points. */
double _phaen_xlsx_estimate_lines (
  PhaenXlsxBook *book, const char *text, double width, gboolean bold, double size);

/* Whether @text fits on one line of a cell @width characters wide. */
gboolean _phaen_xlsx_fits (PhaenXlsxBook *book, const char *text, double width);

/* Text helpers */
char *_phaen_xlsx_ref (lxw_row_t row, lxw_col_t col);     /* "C30" (transfer full) */
char *_phaen_xlsx_ref_abs (lxw_row_t row, lxw_col_t col); /* "$C$30" (transfer full) */
char *_phaen_xlsx_num (double value);                     /* locale-free, for formulas */
const char *_phaen_xlsx_or_dash (const char *text);
/* "●" for a start month, "○" for a planned output, both when both. (transfer full) */
char *_phaen_xlsx_mark_text (guint marks);
char *_phaen_xlsx_month_header (PhaenXlsxBook *book, int month); /* (transfer full) */

/* Score formulas (seed 002 and DOMAIN.md §4b) read the value in a "reading" cell, which reads
 * the result cell as the engine reads a result: a number, or a text of Arabic or Thai digits,
 * and for milestones a range "4-5" at its upper end (phaen-score.c); "" when there is none or it
 * cannot be read. @threshold holds cell references or literals for T1..T5. NULL when the quarter
 * has no formula (no criteria, an override). */
char *_phaen_xlsx_reading_formula (const PhaenCriteria *rules, const char *result_ref);
char *_phaen_xlsx_score_formula (const PhaenIndicator *indicator,
                                 const PhaenCriteria *rules,
                                 const char *const threshold[PHAEN_N_LEVELS],
                                 const char *value_ref,
                                 const PhaenResult *result);
/* The first band holding the value wins (phaen_bands_find()); "" when none does. */
char *_phaen_xlsx_bands_formula (const PhaenBand *bands, guint n_bands, const char *value_ref);
/* Whether the indicator's criteria in force can score (formulas are written only then). */
gboolean _phaen_xlsx_row_has_rules (const PhaenScorecardRow *row);
char *_phaen_xlsx_weighted_formula (const char *score_ref, const char *weight_ref);
/* Whether the result is written as a number cell (a formula can read it). */
gboolean _phaen_xlsx_result_is_number (const PhaenResult *result);
/* Writes a quarter's result cell: a number when it is one, else the text as typed. */
void _phaen_xlsx_result (PhaenXlsxSheet *sheet,
                         lxw_row_t row,
                         lxw_col_t col,
                         const PhaenResult *result,
                         lxw_format *number_format);
/* Writes the reading cell of one quarter's result (see _phaen_xlsx_reading_formula()). */
void _phaen_xlsx_reading (PhaenXlsxSheet *sheet,
                          const PhaenScorecardRow *row,
                          int quarter,
                          lxw_row_t result_row,
                          lxw_col_t result_col,
                          lxw_row_t reading_row,
                          lxw_col_t reading_col);
/* Writes the score and weighted cells of one quarter, the score reading the reading cell. */
void _phaen_xlsx_score_cells (PhaenXlsxSheet *sheet,
                              const PhaenScorecardRow *row,
                              int quarter,
                              const char *const threshold[PHAEN_N_LEVELS],
                              lxw_row_t reading_row,
                              lxw_col_t reading_col,
                              lxw_row_t score_row,
                              lxw_col_t score_col,
                              lxw_row_t weighted_row,
                              lxw_col_t weighted_col,
                              const char *weight_ref);

/* The forms: each adds its sheets to @book. */
gboolean _phaen_xlsx_write_plan (PhaenXlsxBook *book, const PhaenPlan *plan, GError **error);
gboolean
_phaen_xlsx_write_indicator (PhaenXlsxBook *book, const PhaenScorecardRow *row, GError **error);
gboolean
_phaen_xlsx_write_summary (PhaenXlsxBook *book, const PhaenScorecard *card, GError **error);
/* The plan's quarterly budget against the disbursement targets (phaen-budget-view.h). */
gboolean
_phaen_xlsx_write_budget (PhaenXlsxBook *book, const PhaenPlan *plan, const PhaenBudgetView *view);
gboolean _phaen_xlsx_write_efficiency (PhaenXlsxBook *book, const PhaenPlan *plan, GError **error);
gboolean _phaen_xlsx_write_pmqa (PhaenXlsxBook *book, const PhaenPmqaTable *table, GError **error);

G_END_DECLS
