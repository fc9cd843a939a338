/* phaen-xlsx-private.h — what the form writers share: formats, sheets, safe cell writers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pango.h>
#include <xlsxwriter.h>

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
  PangoFontMap *font_map; /* measures text for row heights; made on first use */
  PangoContext *pango;
  char *measure_family; /* the font the text is measured with */
} PhaenXlsxBook;

typedef struct
{
  PhaenXlsxBook *book;
  lxw_worksheet *ws;
  char *name;
  guint n_cols;
  double width[PHAEN_XLSX_MAX_COLS];
  GArray *lines; /* (element-type double) lines of text each row must show */
} PhaenXlsxSheet;

void _phaen_xlsx_formats_init (PhaenXlsxBook *book);

/* Sheets and layout */
PhaenXlsxSheet *
_phaen_xlsx_sheet_new (PhaenXlsxBook *book, const char *name, const double *widths, guint n_cols);
void _phaen_xlsx_sheet_finish (PhaenXlsxSheet *sheet,
                               lxw_row_t first_title_row,
                               lxw_row_t last_title_row);
void _phaen_xlsx_sheet_free (PhaenXlsxSheet *sheet);
gboolean _phaen_xlsx_ok (PhaenXlsxBook *book, lxw_error status, const char *what);
double _phaen_xlsx_span_width (PhaenXlsxSheet *sheet, lxw_col_t first, lxw_col_t last);

/* Cells. Every text passes through _phaen_xlsx_display() and is written as a string cell, so
 * "=HYPERLINK(…)" typed by a user stays text. Rows grow to show wrapped text. */
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
/* "label : value" in one merged row, the label bold (the plans' numbered sections). */
void _phaen_xlsx_labelled (PhaenXlsxSheet *sheet,
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

/* Score formulas (seed 002 and DOMAIN.md §4b): @threshold holds cell references or literals
 * for T1..T5, @result_ref the result cell. NULL when the quarter has no formula (no criteria,
 * an override, or a text result the engine could not read). */
char *_phaen_xlsx_score_formula (const PhaenIndicator *indicator,
                                 const PhaenCriteria *rules,
                                 const char *const threshold[PHAEN_N_LEVELS],
                                 const char *result_ref,
                                 const PhaenResult *result,
                                 const PhaenScore *score);
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
/* Writes the score and weighted cells of one quarter. */
void _phaen_xlsx_score_cells (PhaenXlsxSheet *sheet,
                              const PhaenScorecardRow *row,
                              int quarter,
                              const char *const threshold[PHAEN_N_LEVELS],
                              lxw_row_t result_row,
                              lxw_col_t result_col,
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
gboolean _phaen_xlsx_write_efficiency (PhaenXlsxBook *book, const PhaenPlan *plan, GError **error);
gboolean _phaen_xlsx_write_pmqa (PhaenXlsxBook *book, const PhaenPmqaTable *table, GError **error);

G_END_DECLS
