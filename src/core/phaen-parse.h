/* phaen-parse.h — amounts, years and month marks as planning officers type or paste them
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * phaen_parse_amount:
 * @text: an amount as typed: `15,000`, `15,000 บาท`, `15,000.-`, `1.5 ล้าน`, `2 แสนบาท`,
 *   `๑๕,๐๐๐`; empty or a lone dash means none
 * @out_has_value: (out) (optional): FALSE for none
 * @out_value: (out) (optional): baht, rounded to satang; NAN for none
 * @error: PHAEN_ERROR_INVALID with a Thai message that starts with the reason
 *
 * The multipliers ล้าน (million), แสน, หมื่น and พัน scale the number before them; a trailing
 * บาท, บ. or `.-` is the currency. Negative amounts are refused.
 */
gboolean
phaen_parse_amount (const char *text, gboolean *out_has_value, double *out_value, GError **error);

/**
 * PhaenYearNote:
 * @PHAEN_YEAR_AS_TYPED: a Buddhist-era year in the usual range
 * @PHAEN_YEAR_FROM_CE: a Christian-era year (1900–2199) was typed; the result is its พ.ศ.
 * @PHAEN_YEAR_UNUSUAL: a พ.ศ. year far from today (more than 10 years away): accepted, warn
 */
typedef enum
{
  PHAEN_YEAR_AS_TYPED,
  PHAEN_YEAR_FROM_CE,
  PHAEN_YEAR_UNUSUAL,
} PhaenYearNote;

/**
 * phaen_parse_fiscal_year:
 * @text: `2564`, `๒๕๖๔`, `พ.ศ. 2564`, `ปีงบประมาณ 2564` or a Christian-era `2021`
 * @today_be: the current Buddhist-era year, for what "unusual" means
 * @out_year: (out): the Buddhist-era year
 * @out_note: (out) (optional): how it was read
 *
 * Returns: FALSE with PHAEN_ERROR_INVALID (reason first) for text that is no year at all, or a
 *   year before พ.ศ. 2400 or after 2800.
 */
gboolean phaen_parse_fiscal_year (
  const char *text, int today_be, int *out_year, PhaenYearNote *out_note, GError **error);

/**
 * phaen_parse_month_marks:
 * @text: a month cell as spreadsheets hold it: `1`, `x`, `✓`, `■` (planned), `●` (start),
 *   `○` (planned output), `✔` (achieved), several of them, or nothing
 * @shaded: the cell had a background colour (an HTML clipboard's shading means planned)
 * @out_marks: (out): PhaenMark bits
 *
 * Returns: FALSE with PHAEN_ERROR_INVALID when @text holds anything else.
 */
gboolean
phaen_parse_month_marks (const char *text, gboolean shaded, guint *out_marks, GError **error);

/* What a month cell holds as text: `■●○✔`, the inverse of phaen_parse_month_marks().
 * Returns: (transfer full) */
char *phaen_month_marks_to_text (guint marks);

G_END_DECLS
