/* phaen-calendar.h — Buddhist Era years, the Thai fiscal year, month names and BE dates
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* พ.ศ. = ค.ศ. + 543 (DOMAIN.md §2). */
#define PHAEN_BE_OFFSET 543

/* Fiscal month indexes: 0 = ต.ค. … 11 = ก.ย. of the fiscal year; 12..23 run on into the next
 * fiscal year (12 = its ต.ค.), for plans with a 13th column. */
#define PHAEN_FISCAL_MONTHS 12
#define PHAEN_FISCAL_MONTH_INDEX_MAX 23

/**
 * PhaenDateStyle:
 * @PHAEN_DATE_SHORT: `9 มี.ค. 64` — abbreviated month, two-digit BE year
 * @PHAEN_DATE_FULL: `9 มีนาคม 2564` — full month name, four-digit BE year
 */
typedef enum
{
  PHAEN_DATE_SHORT,
  PHAEN_DATE_FULL,
} PhaenDateStyle;

int phaen_be_from_ce (int ce_year);
int phaen_ce_from_be (int be_year);

/* The fiscal year (BE) that @date falls in: 1 Oct 2020 is in 2564. */
int phaen_fiscal_year_of_date (const GDate *date);

/* 1 October of BE @fiscal_year − 1 and 30 September of BE @fiscal_year.
 * Returns: (transfer full): free with g_date_free() */
GDate *phaen_fiscal_year_first_day (int fiscal_year);
GDate *phaen_fiscal_year_last_day (int fiscal_year);

/* The calendar month of a fiscal month index (0..23): 0 → G_DATE_OCTOBER, 3 → G_DATE_JANUARY. */
GDateMonth phaen_fiscal_month_calendar_month (int fiscal_index);

/* The BE calendar year of @fiscal_index within @fiscal_year: ต.ค. (0) of 2564 is in 2563,
 * ม.ค. (3) in 2564, ต.ค. of the next year (12) in 2564. */
int phaen_fiscal_month_calendar_year (int fiscal_year, int fiscal_index);

/* Quarter 1..4 of a fiscal month index. An index of 12 or more lies in the next fiscal year
 * (see phaen_fiscal_month_is_next_year()) and gets its quarter there: 12 → 1. */
int phaen_fiscal_month_quarter (int fiscal_index);
gboolean phaen_fiscal_month_is_next_year (int fiscal_index);

/* The fiscal month index (0..23) of @date counted from ต.ค. of @fiscal_year, or -1 when @date
 * is before that fiscal year or after the next one. */
int phaen_fiscal_month_index_of_date (int fiscal_year, const GDate *date);

/* `ต.ค.` and `ตุลาคม` for G_DATE_OCTOBER. Returns: (transfer none): static strings */
const char *phaen_month_short_name (GDateMonth month);
const char *phaen_month_full_name (GDateMonth month);

/* A plan column header: the month and the two-digit BE year of that month's calendar year,
 * `ต.ค.63` for (2564, 0), `ม.ค.64` for (2564, 3), `ต.ค.64` for (2564, 12); `ต.ค.๖๓` with
 * @thai_digits. Returns: (transfer full) */
char *phaen_fiscal_month_header (int fiscal_year, int fiscal_index, gboolean thai_digits);

/* `ไตรมาสที่ 1` … `ไตรมาสที่ 4`. Returns: (transfer full) */
char *phaen_quarter_label (int quarter, gboolean thai_digits);

/* The reporting round that ends with @quarter: `รอบ 3 เดือน` … `รอบ 12 เดือน`.
 * Returns: (transfer full) */
char *phaen_round_label (int quarter, gboolean thai_digits);

/* The same in the interface language (Thai unless English was chosen), for the screen; the
 * functions above give the official Thai wording of forms and exports.
 * `Oct`/`ต.ค.`, `October`/`ตุลาคม`. Returns: (transfer none) */
const char *phaen_month_short_label (GDateMonth month);
const char *phaen_month_full_label (GDateMonth month);
/* `Oct 63` / `ต.ค.63`. Returns: (transfer full) */
char *phaen_fiscal_month_label (int fiscal_year, int fiscal_index);
/* `Quarter 1` / `ไตรมาสที่ 1`. Returns: (transfer full) */
char *phaen_quarter_name (int quarter);
/* `9 Mar 64` / `9 มี.ค. 64`, `9 March 2564` / `9 มีนาคม 2564`. Returns: (transfer full) */
char *phaen_date_label (const GDate *date, PhaenDateStyle style);

/* `9 มี.ค. 64` or `9 มีนาคม 2564` (BE year), in Thai digits when asked.
 * Returns: (transfer full) */
char *phaen_date_format (const GDate *date, PhaenDateStyle style, gboolean thai_digits);

/**
 * phaen_date_format_range:
 * @start: first day
 * @end: last day, not before @start
 *
 * Says the month and year once when they are shared: `22 - 23 มี.ค. 64`,
 * `30 มี.ค. - 2 เม.ย. 64`; across years both dates are written whole,
 * `30 ธ.ค. 63 - 2 ม.ค. 64`. A one-day range is a single date.
 *
 * Returns: (transfer full)
 */
char *phaen_date_format_range (const GDate *start,
                               const GDate *end,
                               PhaenDateStyle style,
                               gboolean thai_digits);

/**
 * phaen_date_parse:
 * @text: a BE date as users type it, in Thai or Arabic digits: `๙ มี.ค. ๖๔`, `9 มี.ค. 2564`,
 *   `9 มีนาคม พ.ศ. 2564`, `9/3/2564`, `9-3-64`. Day first; the month is a number, an
 *   abbreviation (dots optional) or a full name; a two-digit year means 25xx.
 * @out_date: (out caller-allocates): set to the date on success
 * @error: PHAEN_ERROR_INVALID with a Thai message when @text is not such a date, names a day
 *   that does not exist (29 ก.พ. 2564), or has a year below 2400 (most likely a ค.ศ. year)
 */
gboolean phaen_date_parse (const char *text, GDate *out_date, GError **error);

G_END_DECLS
