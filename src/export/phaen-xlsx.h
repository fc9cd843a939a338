/* phaen-xlsx.h — the official forms (DOMAIN.md §5) written as XLSX workbooks
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "phaen-store.h"

G_BEGIN_DECLS

/* TH SarabunPSK 16 pt is what the offices print with (DOMAIN.md §5). */
#define PHAEN_XLSX_DEFAULT_FONT "TH SarabunPSK"
#define PHAEN_XLSX_DEFAULT_FONT_SIZE 16.0
/* The sizes a spreadsheet program accepts for a font, in points. */
#define PHAEN_XLSX_MIN_FONT_SIZE 1.0
#define PHAEN_XLSX_MAX_FONT_SIZE 409.0

/**
 * PhaenXlsxForm:
 * @PHAEN_XLSX_FORM_PLAN: แผนการปรับปรุงกระบวนการตามภารกิจ (§3a), one sheet per process plan
 * @PHAEN_XLSX_FORM_INDICATOR: the indicator form with criteria and the quarterly block (§4a),
 *   one sheet per indicator
 * @PHAEN_XLSX_FORM_SUMMARY: the unit's indicators × ไตรมาสที่ 1–4 with weighted totals and a chart
 * @PHAEN_XLSX_FORM_EFFICIENCY: the 12-item efficiency plan (§3c), one sheet per plan
 * @PHAEN_XLSX_FORM_PMQA7: the PMQA category 7 results table (§4b)
 * @PHAEN_XLSX_FORM_ALL: every form the unit has in the year, one sheet each
 */
typedef enum
{
  PHAEN_XLSX_FORM_PLAN,
  PHAEN_XLSX_FORM_INDICATOR,
  PHAEN_XLSX_FORM_SUMMARY,
  PHAEN_XLSX_FORM_EFFICIENCY,
  PHAEN_XLSX_FORM_PMQA7,
  PHAEN_XLSX_FORM_ALL,
} PhaenXlsxForm;

/**
 * PhaenXlsxOrientation:
 * @PHAEN_XLSX_ORIENTATION_AUTO: as the official form is printed: the indicator form portrait,
 *   the tables landscape
 * @PHAEN_XLSX_ORIENTATION_LANDSCAPE: every sheet A4 landscape
 * @PHAEN_XLSX_ORIENTATION_PORTRAIT: every sheet A4 portrait (the tables' columns narrow and their
 *   text wraps more)
 */
typedef enum
{
  PHAEN_XLSX_ORIENTATION_AUTO,
  PHAEN_XLSX_ORIENTATION_LANDSCAPE,
  PHAEN_XLSX_ORIENTATION_PORTRAIT,
} PhaenXlsxOrientation;

/* "auto", "landscape", "portrait"; FALSE for anything else. */
gboolean phaen_xlsx_orientation_from_string (const char *text, PhaenXlsxOrientation *orientation);

/**
 * PhaenXlsxOptions:
 * @form: which form(s) to write
 * @unit_id: the unit; 0 to use @unit, the plan's unit, or the workspace's only unit
 * @unit: the unit's abbreviation ("สตป."), when @unit_id is 0; may be %NULL
 * @fiscal_year: BE; 0 for the latest year in which the unit has plans or indicators
 * @plan_id: only this plan (plan and efficiency forms; the indicator form keeps the indicators
 *   tied to it); 0 for all
 * @indicator_code: only this indicator (indicator form), e.g. "สตป. 02"; %NULL for all
 * @thai_digits: write ๐–๙ in text and headers (phaen_digits_to_thai_prose(): addresses, Latin
 *   words and codes keep theirs) and show numbers with them through their number format, which
 *   Excel, LibreOffice and gnumeric honour while the cells stay numbers
 * @font_name: %NULL for %PHAEN_XLSX_DEFAULT_FONT
 * @font_size: 0 for %PHAEN_XLSX_DEFAULT_FONT_SIZE, else %PHAEN_XLSX_MIN_FONT_SIZE to
 *   %PHAEN_XLSX_MAX_FONT_SIZE
 * @orientation: the paper's orientation
 *
 * Every sheet prints on A4 at 100 % with the columns sized to the page, its rows as high as their
 * text, long texts continued on further rows, page breaks chosen so that table headers repeat and
 * no heading ends a page. A font larger than the page holds is fitted to the page's width.
 *
 * Strings are borrowed, not copied; fill with phaen_xlsx_options_init() first.
 */
typedef struct
{
  PhaenXlsxForm form;
  gint64 unit_id;
  const char *unit;
  int fiscal_year;
  gint64 plan_id;
  const char *indicator_code;
  gboolean thai_digits;
  const char *font_name;
  double font_size;
  PhaenXlsxOrientation orientation;
} PhaenXlsxOptions;

void phaen_xlsx_options_init (PhaenXlsxOptions *options, PhaenXlsxForm form);

/* "plan", "indicator", "summary", "efficiency", "pmqa7", "all"; FALSE for anything else. */
gboolean phaen_xlsx_form_from_string (const char *text, PhaenXlsxForm *form);
const char *phaen_xlsx_form_to_string (PhaenXlsxForm form);

/**
 * phaen_xlsx_export:
 * @store: the workspace
 * @options: what to write
 * @path: the .xlsx to write; replaced only once the whole workbook is written
 * @error: %PHAEN_ERROR_NOT_FOUND for an unknown unit, year, plan or indicator code, or when the
 *   unit has no such form in the year; %PHAEN_ERROR_INVALID when the choice is ambiguous (no
 *   unit given in a workspace of several), the font size is out of range or @path is the
 *   workspace itself (phaen_store_is_own_file()); %PHAEN_ERROR_EXPORT when libxlsxwriter fails
 *
 * Scores in the indicator form and the summary are live formulas over the result and threshold
 * cells, written with the values the scoring engine computed as their cached results. A result
 * typed as text that the engine reads as a level range ("4-5") has no number a formula can read,
 * so its score formula falls back to the engine's value while the cell holds text. A score the
 * user overrode is a plain number with a comment giving the reason, because no rule computes it;
 * its weighted score stays a formula. User text is always written as text, never as a formula.
 *
 * Returns: %TRUE when @path was written
 */
gboolean phaen_xlsx_export (PhaenStore *store,
                            const PhaenXlsxOptions *options,
                            const char *path,
                            GError **error);

/**
 * phaen_xlsx_export_async:
 * @workspace_path: the .phaen file; the export opens its own connection to it in a worker thread
 *   (SQLite connections are not shared across threads)
 * @options: copied; the caller may free its strings at once
 * @out_path: the .xlsx to write
 *
 * Runs phaen_xlsx_export() in a #GTask thread. Cancelling stops before the file is replaced.
 */
void phaen_xlsx_export_async (const char *workspace_path,
                              const PhaenXlsxOptions *options,
                              const char *out_path,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data);
gboolean phaen_xlsx_export_finish (GAsyncResult *result, GError **error);

G_END_DECLS
