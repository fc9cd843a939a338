/* phaen-calendar.c — Buddhist Era years, the Thai fiscal year, month names and BE dates
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-calendar"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "phaen-calendar.h"
#include "phaen-official.h"
#include "phaen-error.h"
#include "phaen-thai-text.h"

#include <string.h>

/* The interface's month names; the official Thai ones are in phaen-official.c. Indexed by
 * GDateMonth; [0] is G_DATE_BAD_MONTH. */
static const char *const month_short_labels[] = {
  NULL,
  NC_ ("month", "Jan"),
  NC_ ("month", "Feb"),
  NC_ ("month", "Mar"),
  NC_ ("month", "Apr"),
  NC_ ("month", "May"),
  NC_ ("month", "Jun"),
  NC_ ("month", "Jul"),
  NC_ ("month", "Aug"),
  NC_ ("month", "Sep"),
  NC_ ("month", "Oct"),
  NC_ ("month", "Nov"),
  NC_ ("month", "Dec"),
};

static const char *const month_full_labels[] = {
  NULL,
  NC_ ("month name", "January"),
  NC_ ("month name", "February"),
  NC_ ("month name", "March"),
  NC_ ("month name", "April"),
  NC_ ("month name", "May"),
  NC_ ("month name", "June"),
  NC_ ("month name", "July"),
  NC_ ("month name", "August"),
  NC_ ("month name", "September"),
  NC_ ("month name", "October"),
  NC_ ("month name", "November"),
  NC_ ("month name", "December"),
};

/* A typed two-digit year is read as 25xx (CE 1957–2056). */
#define TWO_DIGIT_YEAR_BASE 2500
/* Below this a "BE" year is almost surely a ค.ศ. year typed by mistake (CE 1857). */
#define LOWEST_TYPED_BE_YEAR 2400

/* The first fiscal month (ต.ค.) of a fiscal year. */
#define FISCAL_YEAR_FIRST_MONTH G_DATE_OCTOBER

/* ---------------------------------------------------------------------------------------- */
/* Helpers                                                                                   */

static gboolean
fiscal_index_is_valid (int fiscal_index)
{
  return fiscal_index >= 0 && fiscal_index <= PHAEN_FISCAL_MONTH_INDEX_MAX;
}

/* GDate covers CE 1..65535; a fiscal year starts in the CE year before its own. */
static gboolean
fiscal_year_is_valid (int fiscal_year)
{
  int ce = phaen_ce_from_be (fiscal_year);

  return ce > 1 && g_date_valid_year ((GDateYear)ce);
}

static char *
maybe_thai_digits (char *text, gboolean thai_digits)
{
  char *converted;

  if (!thai_digits)
    return text;
  converted = phaen_digits_to_thai (text);
  g_free (text);
  return converted;
}

/* The date without its year: `9 มี.ค.` / `9 มีนาคม`. */
static char *
format_day_month (const GDate *date, PhaenDateStyle style)
{
  GDateMonth month = g_date_get_month (date);

  return g_strdup_printf ("%u %s", g_date_get_day (date),
                          style == PHAEN_DATE_FULL ? phaen_official_month_full (month)
                                                   : phaen_official_month_short (month));
}

static char *
format_date_arabic (const GDate *date, PhaenDateStyle style)
{
  g_autofree char *day_month = format_day_month (date, style);
  int be = phaen_be_from_ce (g_date_get_year (date));

  if (style == PHAEN_DATE_FULL)
    return g_strdup_printf ("%s %d", day_month, be);
  return g_strdup_printf ("%s %02d", day_month, be % 100);
}

/* A copy of @word without dots and spaces: "มี.ค." → "มีค". */
static char *
strip_dots (const char *word)
{
  GString *out = g_string_new (NULL);

  for (const char *p = word; *p; p++)
    if (*p != '.' && *p != ' ')
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

static GDateMonth
month_from_name (const char *word)
{
  g_autofree char *bare = strip_dots (word);

  for (int m = G_DATE_JANUARY; m <= G_DATE_DECEMBER; m++)
    {
      g_autofree char *short_bare = strip_dots (phaen_official_month_short (m));

      if (g_str_equal (bare, short_bare) || g_str_equal (bare, phaen_official_month_full (m)))
        return (GDateMonth)m;
    }
  return G_DATE_BAD_MONTH;
}

static gboolean
is_separator (char c)
{
  return c == '/' || c == '-' || c == ',' || g_ascii_isspace (c);
}

/* Splits "9มี.ค.2564" or "9/3/2564" into numbers and words; drops words made of dots only
 * ("9.3.2564") and the era mark "พ.ศ.". */
static GPtrArray *
tokenize_date (const char *text)
{
  GPtrArray *tokens = g_ptr_array_new_with_free_func (g_free);
  const char *p = text;

  while (*p)
    {
      const char *start = p;

      if (is_separator (*p))
        {
          p++;
          continue;
        }
      if (g_ascii_isdigit (*p))
        {
          while (g_ascii_isdigit (*p))
            p++;
          g_ptr_array_add (tokens, g_strndup (start, p - start));
        }
      else
        {
          g_autofree char *word = NULL;
          g_autofree char *bare = NULL;

          while (*p && !is_separator (*p) && !g_ascii_isdigit (*p))
            p++;
          word = g_strndup (start, p - start);
          bare = strip_dots (word);
          if (*bare != '\0' && !phaen_official_is_era_mark (bare))
            g_ptr_array_add (tokens, g_steal_pointer (&word));
        }
    }
  return tokens;
}

static gboolean
is_number_token (const char *token)
{
  return g_ascii_isdigit (token[0]);
}

/* ---------------------------------------------------------------------------------------- */
/* Public API                                                                                */

int
phaen_be_from_ce (int ce_year)
{
  return ce_year + PHAEN_BE_OFFSET;
}

int
phaen_ce_from_be (int be_year)
{
  return be_year - PHAEN_BE_OFFSET;
}

int
phaen_fiscal_year_of_date (const GDate *date)
{
  int ce;

  g_return_val_if_fail (date != NULL && g_date_valid (date), 0);

  ce = g_date_get_year (date);
  if (g_date_get_month (date) >= FISCAL_YEAR_FIRST_MONTH)
    ce++;
  return phaen_be_from_ce (ce);
}

GDate *
phaen_fiscal_year_first_day (int fiscal_year)
{
  g_return_val_if_fail (fiscal_year_is_valid (fiscal_year), NULL);

  return g_date_new_dmy (1, FISCAL_YEAR_FIRST_MONTH,
                         (GDateYear)(phaen_ce_from_be (fiscal_year) - 1));
}

GDate *
phaen_fiscal_year_last_day (int fiscal_year)
{
  g_return_val_if_fail (fiscal_year_is_valid (fiscal_year), NULL);

  return g_date_new_dmy (30, G_DATE_SEPTEMBER, (GDateYear)phaen_ce_from_be (fiscal_year));
}

GDateMonth
phaen_fiscal_month_calendar_month (int fiscal_index)
{
  g_return_val_if_fail (fiscal_index_is_valid (fiscal_index), G_DATE_BAD_MONTH);

  return (GDateMonth)((fiscal_index + FISCAL_YEAR_FIRST_MONTH - 1) % 12 + 1);
}

int
phaen_fiscal_month_calendar_year (int fiscal_year, int fiscal_index)
{
  int year_of_index;

  g_return_val_if_fail (fiscal_index_is_valid (fiscal_index), 0);

  year_of_index = fiscal_year + fiscal_index / PHAEN_FISCAL_MONTHS;
  if (phaen_fiscal_month_calendar_month (fiscal_index) >= FISCAL_YEAR_FIRST_MONTH)
    return year_of_index - 1;
  return year_of_index;
}

int
phaen_fiscal_month_quarter (int fiscal_index)
{
  g_return_val_if_fail (fiscal_index_is_valid (fiscal_index), 0);

  return fiscal_index % PHAEN_FISCAL_MONTHS / 3 + 1;
}

gboolean
phaen_fiscal_month_is_next_year (int fiscal_index)
{
  g_return_val_if_fail (fiscal_index_is_valid (fiscal_index), FALSE);

  return fiscal_index >= PHAEN_FISCAL_MONTHS;
}

int
phaen_fiscal_month_index_of_date (int fiscal_year, const GDate *date)
{
  int years_after;
  int month_in_year;

  g_return_val_if_fail (date != NULL && g_date_valid (date), -1);

  years_after = phaen_fiscal_year_of_date (date) - fiscal_year;
  if (years_after < 0 || years_after > 1)
    return -1;
  month_in_year = ((int)g_date_get_month (date) - FISCAL_YEAR_FIRST_MONTH + 12) % 12;
  return years_after * PHAEN_FISCAL_MONTHS + month_in_year;
}

const char *
phaen_month_short_name (GDateMonth month)
{
  g_return_val_if_fail (g_date_valid_month (month), NULL);

  return phaen_official_month_short (month);
}

const char *
phaen_month_full_name (GDateMonth month)
{
  g_return_val_if_fail (g_date_valid_month (month), NULL);

  return phaen_official_month_full (month);
}

char *
phaen_fiscal_month_header (int fiscal_year, int fiscal_index, gboolean thai_digits)
{
  g_return_val_if_fail (fiscal_index_is_valid (fiscal_index), NULL);

  return maybe_thai_digits (
    g_strdup_printf ("%s%02d",
                     phaen_official_month_short (phaen_fiscal_month_calendar_month (fiscal_index)),
                     phaen_fiscal_month_calendar_year (fiscal_year, fiscal_index) % 100),
    thai_digits);
}

char *
phaen_quarter_label (int quarter, gboolean thai_digits)
{
  g_return_val_if_fail (quarter >= 1 && quarter <= 4, NULL);

  return maybe_thai_digits (g_strdup_printf (phaen_official_quarter_format (), quarter),
                            thai_digits);
}

char *
phaen_round_label (int quarter, gboolean thai_digits)
{
  g_return_val_if_fail (quarter >= 1 && quarter <= 4, NULL);

  return maybe_thai_digits (g_strdup_printf (phaen_official_round_format (), quarter * 3),
                            thai_digits);
}

char *
phaen_date_format (const GDate *date, PhaenDateStyle style, gboolean thai_digits)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return maybe_thai_digits (format_date_arabic (date, style), thai_digits);
}

char *
phaen_date_format_range (const GDate *start,
                         const GDate *end,
                         PhaenDateStyle style,
                         gboolean thai_digits)
{
  g_autofree char *end_text = NULL;
  char *range;

  g_return_val_if_fail (start != NULL && g_date_valid (start), NULL);
  g_return_val_if_fail (end != NULL && g_date_valid (end), NULL);
  g_return_val_if_fail (g_date_compare (start, end) <= 0, NULL);

  end_text = format_date_arabic (end, style);
  if (g_date_compare (start, end) == 0)
    range = g_steal_pointer (&end_text);
  else if (g_date_get_year (start) != g_date_get_year (end))
    {
      g_autofree char *start_text = format_date_arabic (start, style);

      range = g_strdup_printf ("%s - %s", start_text, end_text);
    }
  else if (g_date_get_month (start) != g_date_get_month (end))
    {
      g_autofree char *start_text = format_day_month (start, style);

      range = g_strdup_printf ("%s - %s", start_text, end_text);
    }
  else
    range = g_strdup_printf ("%u - %s", g_date_get_day (start), end_text);

  return maybe_thai_digits (range, thai_digits);
}

gboolean
phaen_date_parse (const char *text, GDate *out_date, GError **error)
{
  g_autofree char *normalized = NULL;
  g_autofree char *arabic = NULL;
  g_autoptr (GPtrArray) tokens = NULL;
  const char *day_token;
  const char *month_token;
  const char *year_token;
  guint64 day;
  guint64 month;
  guint64 year;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_date != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  normalized = phaen_text_normalize (text);
  arabic = phaen_digits_to_arabic (g_strstrip (normalized));
  tokens = tokenize_date (arabic);

  if (tokens->len != 3 || !is_number_token (g_ptr_array_index (tokens, 0)) ||
      !is_number_token (g_ptr_array_index (tokens, 2)))
    goto not_a_date;
  day_token = g_ptr_array_index (tokens, 0);
  month_token = g_ptr_array_index (tokens, 1);
  year_token = g_ptr_array_index (tokens, 2);

  if (strlen (day_token) > 2)
    goto not_a_date;
  day = g_ascii_strtoull (day_token, NULL, 10);

  if (is_number_token (month_token))
    {
      if (strlen (month_token) > 2)
        goto not_a_date;
      month = g_ascii_strtoull (month_token, NULL, 10);
      if (!g_date_valid_month ((GDateMonth)month))
        {
          g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID, _ ("There is no month %s"),
                       month_token);
          return FALSE;
        }
    }
  else
    {
      month = month_from_name (month_token);
      if (month == G_DATE_BAD_MONTH)
        {
          g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID, _ ("Not the name of a month: “%s”"),
                       month_token);
          return FALSE;
        }
    }

  if (strlen (year_token) == 2)
    year = TWO_DIGIT_YEAR_BASE + g_ascii_strtoull (year_token, NULL, 10);
  else if (strlen (year_token) == 4)
    year = g_ascii_strtoull (year_token, NULL, 10);
  else
    goto not_a_date;
  if (year < LOWEST_TYPED_BE_YEAR)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                   _ ("The year %s is not a year of the Buddhist Era (B.E. = A.D. + 543)"),
                   year_token);
      return FALSE;
    }

  if (!g_date_valid_dmy ((GDateDay)day, (GDateMonth)month, (GDateYear)phaen_ce_from_be ((int)year)))
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID, _ ("There is no date %s %s %d"),
                   day_token, phaen_official_month_short (month), (int)year);
      return FALSE;
    }

  g_date_clear (out_date, 1);
  g_date_set_dmy (out_date, (GDateDay)day, (GDateMonth)month,
                  (GDateYear)phaen_ce_from_be ((int)year));
  return TRUE;

not_a_date:
  g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
               _ ("Not a date (for example: 9 Mar 64 or 9/3/2564): “%s”"), normalized);
  return FALSE;
}

/* ---------------------------------------------------------------------------------------- */
/* In the interface language                                                                */

const char *
phaen_month_short_label (GDateMonth month)
{
  g_return_val_if_fail (g_date_valid_month (month), NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, "month", month_short_labels[month]);
}

const char *
phaen_month_full_label (GDateMonth month)
{
  const char *label;

  g_return_val_if_fail (g_date_valid_month (month), NULL);
  label = g_dpgettext2 (GETTEXT_PACKAGE, "month name", month_full_labels[month]);
  return label;
}

char *
phaen_fiscal_month_label (int fiscal_year, int fiscal_index)
{
  g_return_val_if_fail (fiscal_index_is_valid (fiscal_index), NULL);

  /* TRANSLATORS: a month column: the month's short name and the last two digits of its BE
   * year, "Oct 63" (Thai: "ต.ค.63") */
  return g_strdup_printf (
    C_ ("month column", "%s %02d"),
    phaen_month_short_label (phaen_fiscal_month_calendar_month (fiscal_index)),
    phaen_fiscal_month_calendar_year (fiscal_year, fiscal_index) % 100);
}

char *
phaen_quarter_name (int quarter)
{
  g_return_val_if_fail (quarter >= 1 && quarter <= 4, NULL);

  return g_strdup_printf (_ ("Quarter %d"), quarter);
}

char *
phaen_date_label (const GDate *date, PhaenDateStyle style)
{
  GDateMonth month;
  int be;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  month = g_date_get_month (date);
  be = phaen_be_from_ce (g_date_get_year (date));
  if (style == PHAEN_DATE_FULL)
    /* TRANSLATORS: day, full month name, BE year: "9 March 2564" */
    return g_strdup_printf (C_ ("date", "%u %s %d"), g_date_get_day (date),
                            phaen_month_full_label (month), be);
  /* TRANSLATORS: day, short month name, two-digit BE year: "9 Mar 64" */
  return g_strdup_printf (C_ ("date", "%u %s %02d"), g_date_get_day (date),
                          phaen_month_short_label (month), be % 100);
}
