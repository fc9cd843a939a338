/* test-calendar.c — Buddhist Era years, the fiscal year, month labels, BE dates
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "phaen-calendar.h"
#include "phaen-error.h"

#include <locale.h>
#include <string.h>

typedef struct
{
  guint day;
  GDateMonth month;
  guint ce_year;
} Dmy;

static GDate *
date_new (const Dmy *dmy)
{
  return g_date_new_dmy ((GDateDay)dmy->day, dmy->month, (GDateYear)dmy->ce_year);
}

static void
assert_date_is (const GDate *date, const Dmy *expected)
{
  g_assert_true (g_date_valid (date));
  g_assert_cmpuint (g_date_get_day (date), ==, expected->day);
  g_assert_cmpuint (g_date_get_month (date), ==, expected->month);
  g_assert_cmpuint (g_date_get_year (date), ==, expected->ce_year);
}

/* ---------------------------------------------------------------------------------------- */
/* Years                                                                                     */

static void
test_be_round_trip (void)
{
  static const struct
  {
    int ce;
    int be;
  } cases[] = { { 2020, 2563 }, { 2021, 2564 }, { 1957, 2500 }, { 2024, 2567 }, { 1, 544 } };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_cmpint (phaen_be_from_ce (cases[i].ce), ==, cases[i].be);
      g_assert_cmpint (phaen_ce_from_be (cases[i].be), ==, cases[i].ce);
    }
}

static void
test_fiscal_year_of_date (void)
{
  static const struct
  {
    Dmy date;
    int fiscal_year;
  } cases[] = {
    { { 1, G_DATE_OCTOBER, 2020 }, 2564 },    { { 30, G_DATE_SEPTEMBER, 2020 }, 2563 },
    { { 31, G_DATE_DECEMBER, 2020 }, 2564 },  { { 1, G_DATE_JANUARY, 2021 }, 2564 },
    { { 30, G_DATE_SEPTEMBER, 2021 }, 2564 }, { { 1, G_DATE_OCTOBER, 2021 }, 2565 },
    { { 29, G_DATE_FEBRUARY, 2020 }, 2563 },  { { 29, G_DATE_FEBRUARY, 2024 }, 2567 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GDate) date = date_new (&cases[i].date);

      g_assert_cmpint (phaen_fiscal_year_of_date (date), ==, cases[i].fiscal_year);
    }
}

static void
test_fiscal_year_bounds (void)
{
  static const struct
  {
    int fiscal_year;
    Dmy first;
    Dmy last;
    int n_days;
  } cases[] = {
    /* DOMAIN.md §2: FY 2564 = 1 Oct 2020 … 30 Sep 2021. */
    { 2564, { 1, G_DATE_OCTOBER, 2020 }, { 30, G_DATE_SEPTEMBER, 2021 }, 365 },
    /* Holds 29 Feb 2024. */
    { 2567, { 1, G_DATE_OCTOBER, 2023 }, { 30, G_DATE_SEPTEMBER, 2024 }, 366 },
    /* 2100 is not a leap year. */
    { 2643, { 1, G_DATE_OCTOBER, 2099 }, { 30, G_DATE_SEPTEMBER, 2100 }, 365 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GDate) first = phaen_fiscal_year_first_day (cases[i].fiscal_year);
      g_autoptr (GDate) last = phaen_fiscal_year_last_day (cases[i].fiscal_year);

      assert_date_is (first, &cases[i].first);
      assert_date_is (last, &cases[i].last);
      g_assert_cmpint (g_date_days_between (first, last) + 1, ==, cases[i].n_days);

      g_assert_cmpint (phaen_fiscal_year_of_date (first), ==, cases[i].fiscal_year);
      g_assert_cmpint (phaen_fiscal_year_of_date (last), ==, cases[i].fiscal_year);
      g_date_subtract_days (first, 1);
      g_date_add_days (last, 1);
      g_assert_cmpint (phaen_fiscal_year_of_date (first), ==, cases[i].fiscal_year - 1);
      g_assert_cmpint (phaen_fiscal_year_of_date (last), ==, cases[i].fiscal_year + 1);
    }
}

/* ---------------------------------------------------------------------------------------- */
/* Fiscal months                                                                             */

typedef struct
{
  int fiscal_index;
  GDateMonth month;
  int be_year_in_fy2564;
  int quarter;
  gboolean next_year;
} FiscalMonthCase;

static const FiscalMonthCase fiscal_month_cases[] = {
  { 0, G_DATE_OCTOBER, 2563, 1, FALSE },    { 1, G_DATE_NOVEMBER, 2563, 1, FALSE },
  { 2, G_DATE_DECEMBER, 2563, 1, FALSE },   { 3, G_DATE_JANUARY, 2564, 2, FALSE },
  { 5, G_DATE_MARCH, 2564, 2, FALSE },      { 6, G_DATE_APRIL, 2564, 3, FALSE },
  { 8, G_DATE_JUNE, 2564, 3, FALSE },       { 9, G_DATE_JULY, 2564, 4, FALSE },
  { 11, G_DATE_SEPTEMBER, 2564, 4, FALSE }, { 12, G_DATE_OCTOBER, 2564, 1, TRUE },
  { 14, G_DATE_DECEMBER, 2564, 1, TRUE },   { 15, G_DATE_JANUARY, 2565, 2, TRUE },
  { 23, G_DATE_SEPTEMBER, 2565, 4, TRUE },
};

static void
test_fiscal_month_calendar_month (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (fiscal_month_cases); i++)
    g_assert_cmpint (phaen_fiscal_month_calendar_month (fiscal_month_cases[i].fiscal_index), ==,
                     fiscal_month_cases[i].month);
}

static void
test_fiscal_month_calendar_year (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (fiscal_month_cases); i++)
    g_assert_cmpint (phaen_fiscal_month_calendar_year (2564, fiscal_month_cases[i].fiscal_index),
                     ==, fiscal_month_cases[i].be_year_in_fy2564);
}

static void
test_fiscal_month_quarter (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (fiscal_month_cases); i++)
    {
      int index = fiscal_month_cases[i].fiscal_index;

      g_assert_cmpint (phaen_fiscal_month_quarter (index), ==, fiscal_month_cases[i].quarter);
      g_assert_cmpint (phaen_fiscal_month_is_next_year (index), ==,
                       fiscal_month_cases[i].next_year);
    }
}

static void
test_fiscal_month_index_of_date (void)
{
  static const struct
  {
    int fiscal_year;
    Dmy date;
    int fiscal_index;
  } cases[] = {
    { 2564, { 1, G_DATE_OCTOBER, 2020 }, 0 },     { 2564, { 31, G_DATE_DECEMBER, 2020 }, 2 },
    { 2564, { 1, G_DATE_JANUARY, 2021 }, 3 },     { 2564, { 9, G_DATE_MARCH, 2021 }, 5 },
    { 2564, { 30, G_DATE_SEPTEMBER, 2021 }, 11 }, { 2564, { 1, G_DATE_OCTOBER, 2021 }, 12 },
    { 2564, { 30, G_DATE_SEPTEMBER, 2022 }, 23 }, { 2564, { 30, G_DATE_SEPTEMBER, 2020 }, -1 },
    { 2564, { 1, G_DATE_OCTOBER, 2022 }, -1 },    { 2564, { 1, G_DATE_JANUARY, 1990 }, -1 },
    { 2567, { 29, G_DATE_FEBRUARY, 2024 }, 4 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GDate) date = date_new (&cases[i].date);

      g_assert_cmpint (phaen_fiscal_month_index_of_date (cases[i].fiscal_year, date), ==,
                       cases[i].fiscal_index);
    }
}

/* Every day of two fiscal years maps to an index whose month and year are that day's. */
static void
test_fiscal_month_every_day (void)
{
  g_autoptr (GDate) day = phaen_fiscal_year_first_day (2567);
  g_autoptr (GDate) end = phaen_fiscal_year_last_day (2568);
  int days = 0;

  for (; g_date_compare (day, end) <= 0; g_date_add_days (day, 1), days++)
    {
      int index = phaen_fiscal_month_index_of_date (2567, day);

      g_assert_cmpint (index, >=, 0);
      g_assert_cmpint (index, <=, PHAEN_FISCAL_MONTH_INDEX_MAX);
      g_assert_cmpint (phaen_fiscal_month_calendar_month (index), ==, g_date_get_month (day));
      g_assert_cmpint (phaen_fiscal_month_calendar_year (2567, index), ==,
                       phaen_be_from_ce (g_date_get_year (day)));
      g_assert_cmpint (phaen_fiscal_month_is_next_year (index), ==,
                       phaen_fiscal_year_of_date (day) == 2568);
    }
  g_assert_cmpint (days, ==, 366 + 365);
}

/* ---------------------------------------------------------------------------------------- */
/* Names and labels                                                                          */

static void
test_month_names (void)
{
  static const struct
  {
    GDateMonth month;
    const char *short_name;
    const char *full_name;
  } cases[] = {
    { G_DATE_JANUARY, "ม.ค.", "มกราคม" },    { G_DATE_FEBRUARY, "ก.พ.", "กุมภาพันธ์" },
    { G_DATE_MARCH, "มี.ค.", "มีนาคม" },       { G_DATE_APRIL, "เม.ย.", "เมษายน" },
    { G_DATE_MAY, "พ.ค.", "พฤษภาคม" },       { G_DATE_JUNE, "มิ.ย.", "มิถุนายน" },
    { G_DATE_JULY, "ก.ค.", "กรกฎาคม" },      { G_DATE_AUGUST, "ส.ค.", "สิงหาคม" },
    { G_DATE_SEPTEMBER, "ก.ย.", "กันยายน" },  { G_DATE_OCTOBER, "ต.ค.", "ตุลาคม" },
    { G_DATE_NOVEMBER, "พ.ย.", "พฤศจิกายน" }, { G_DATE_DECEMBER, "ธ.ค.", "ธันวาคม" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_cmpstr (phaen_month_short_name (cases[i].month), ==, cases[i].short_name);
      g_assert_cmpstr (phaen_month_full_name (cases[i].month), ==, cases[i].full_name);
    }
}

typedef struct
{
  int fiscal_year;
  int fiscal_index;
  gboolean thai_digits;
  const char *expected;
} HeaderCase;

static const HeaderCase header_cases[] = {
  { 2564, 0, FALSE, "ต.ค.63" }, { 2564, 0, TRUE, "ต.ค.๖๓" },   { 2564, 2, FALSE, "ธ.ค.63" },
  { 2564, 3, FALSE, "ม.ค.64" }, { 2564, 11, FALSE, "ก.ย.64" }, { 2564, 12, FALSE, "ต.ค.64" },
  { 2564, 12, TRUE, "ต.ค.๖๔" }, { 2564, 15, FALSE, "ม.ค.65" }, { 2561, 0, FALSE, "ต.ค.60" },
  { 2600, 0, FALSE, "ต.ค.99" }, { 2600, 3, FALSE, "ม.ค.00" },  { 2510, 3, TRUE, "ม.ค.๑๐" },
};

static void
check_header (gconstpointer data)
{
  const HeaderCase *c = data;
  g_autofree char *header =
    phaen_fiscal_month_header (c->fiscal_year, c->fiscal_index, c->thai_digits);

  g_assert_cmpstr (header, ==, c->expected);
}

/* DOMAIN.md §2: `ต.ค.63 … ธ.ค.63 | ม.ค.64 … ก.ย.64` for FY 2564, plus a 13th column. */
static void
test_header_fy2564_row (void)
{
  static const char *const row[] = { "ต.ค.63", "พ.ย.63",  "ธ.ค.63", "ม.ค.64", "ก.พ.64",
                                     "มี.ค.64", "เม.ย.64", "พ.ค.64", "มิ.ย.64", "ก.ค.64",
                                     "ส.ค.64", "ก.ย.64",  "ต.ค.64" };

  for (int i = 0; i < (int)G_N_ELEMENTS (row); i++)
    {
      g_autofree char *header = phaen_fiscal_month_header (2564, i, FALSE);

      g_assert_cmpstr (header, ==, row[i]);
    }
}

static void
test_quarter_labels (void)
{
  static const char *const arabic[] = { "ไตรมาสที่ 1", "ไตรมาสที่ 2", "ไตรมาสที่ 3", "ไตรมาสที่ 4" };
  static const char *const thai[] = { "ไตรมาสที่ ๑", "ไตรมาสที่ ๒", "ไตรมาสที่ ๓", "ไตรมาสที่ ๔" };

  for (int q = 1; q <= 4; q++)
    {
      g_autofree char *a = phaen_quarter_label (q, FALSE);
      g_autofree char *t = phaen_quarter_label (q, TRUE);

      g_assert_cmpstr (a, ==, arabic[q - 1]);
      g_assert_cmpstr (t, ==, thai[q - 1]);
    }
}

static void
test_round_labels (void)
{
  static const char *const arabic[] = { "รอบ 3 เดือน", "รอบ 6 เดือน", "รอบ 9 เดือน", "รอบ 12 เดือน" };
  static const char *const thai[] = { "รอบ ๓ เดือน", "รอบ ๖ เดือน", "รอบ ๙ เดือน", "รอบ ๑๒ เดือน" };

  for (int q = 1; q <= 4; q++)
    {
      g_autofree char *a = phaen_round_label (q, FALSE);
      g_autofree char *t = phaen_round_label (q, TRUE);

      g_assert_cmpstr (a, ==, arabic[q - 1]);
      g_assert_cmpstr (t, ==, thai[q - 1]);
    }
}

/* ---------------------------------------------------------------------------------------- */
/* Date formatting                                                                           */

static void
test_format_date (void)
{
  static const struct
  {
    Dmy date;
    PhaenDateStyle style;
    gboolean thai_digits;
    const char *expected;
  } cases[] = {
    { { 9, G_DATE_MARCH, 2021 }, PHAEN_DATE_SHORT, FALSE, "9 มี.ค. 64" },
    { { 9, G_DATE_MARCH, 2021 }, PHAEN_DATE_SHORT, TRUE, "๙ มี.ค. ๖๔" },
    { { 9, G_DATE_MARCH, 2021 }, PHAEN_DATE_FULL, FALSE, "9 มีนาคม 2564" },
    { { 9, G_DATE_MARCH, 2021 }, PHAEN_DATE_FULL, TRUE, "๙ มีนาคม ๒๕๖๔" },
    { { 11, G_DATE_AUGUST, 2021 }, PHAEN_DATE_SHORT, TRUE, "๑๑ ส.ค. ๖๔" }, /* seed 002 */
    { { 29, G_DATE_FEBRUARY, 2024 }, PHAEN_DATE_SHORT, FALSE, "29 ก.พ. 67" },
    { { 1, G_DATE_JANUARY, 1957 }, PHAEN_DATE_SHORT, FALSE, "1 ม.ค. 00" },
    { { 31, G_DATE_DECEMBER, 2020 }, PHAEN_DATE_FULL, FALSE, "31 ธันวาคม 2563" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GDate) date = date_new (&cases[i].date);
      g_autofree char *text = phaen_date_format (date, cases[i].style, cases[i].thai_digits);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_format_range (void)
{
  static const struct
  {
    Dmy start;
    Dmy end;
    PhaenDateStyle style;
    gboolean thai_digits;
    const char *expected;
  } cases[] = {
    { { 22, G_DATE_MARCH, 2021 },
      { 23, G_DATE_MARCH, 2021 },
      PHAEN_DATE_SHORT,
      FALSE,
      "22 - 23 มี.ค. 64" },
    /* seed 002 */
    { { 22, G_DATE_MARCH, 2021 },
      { 23, G_DATE_MARCH, 2021 },
      PHAEN_DATE_SHORT,
      TRUE,
      "๒๒ - ๒๓ มี.ค. ๖๔" },
    { { 30, G_DATE_MARCH, 2021 },
      { 2, G_DATE_APRIL, 2021 },
      PHAEN_DATE_SHORT,
      FALSE,
      "30 มี.ค. - 2 เม.ย. 64" },
    { { 30, G_DATE_DECEMBER, 2020 },
      { 2, G_DATE_JANUARY, 2021 },
      PHAEN_DATE_SHORT,
      FALSE,
      "30 ธ.ค. 63 - 2 ม.ค. 64" },
    { { 9, G_DATE_MARCH, 2021 }, { 9, G_DATE_MARCH, 2021 }, PHAEN_DATE_SHORT, FALSE, "9 มี.ค. 64" },
    { { 22, G_DATE_MARCH, 2021 },
      { 23, G_DATE_MARCH, 2021 },
      PHAEN_DATE_FULL,
      FALSE,
      "22 - 23 มีนาคม 2564" },
    { { 30, G_DATE_MARCH, 2021 },
      { 2, G_DATE_APRIL, 2021 },
      PHAEN_DATE_FULL,
      FALSE,
      "30 มีนาคม - 2 เมษายน 2564" },
    { { 30, G_DATE_DECEMBER, 2020 },
      { 2, G_DATE_JANUARY, 2021 },
      PHAEN_DATE_FULL,
      TRUE,
      "๓๐ ธันวาคม ๒๕๖๓ - ๒ มกราคม ๒๕๖๔" },
    /* Same month of different years is not the same month. */
    { { 1, G_DATE_MARCH, 2020 },
      { 2, G_DATE_MARCH, 2021 },
      PHAEN_DATE_SHORT,
      FALSE,
      "1 มี.ค. 63 - 2 มี.ค. 64" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GDate) start = date_new (&cases[i].start);
      g_autoptr (GDate) end = date_new (&cases[i].end);
      g_autofree char *text =
        phaen_date_format_range (start, end, cases[i].style, cases[i].thai_digits);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

/* ---------------------------------------------------------------------------------------- */
/* Date parsing                                                                              */

static void
test_parse_valid (void)
{
  static const struct
  {
    const char *text;
    Dmy expected;
  } cases[] = {
    { "๙ มี.ค. ๖๔", { 9, G_DATE_MARCH, 2021 } },
    { "9 มี.ค. 2564", { 9, G_DATE_MARCH, 2021 } },
    { "9 มีนาคม 2564", { 9, G_DATE_MARCH, 2021 } },
    { "9 มีนาคม พ.ศ. 2564", { 9, G_DATE_MARCH, 2021 } },
    { "9/3/2564", { 9, G_DATE_MARCH, 2021 } },
    { "09/03/2564", { 9, G_DATE_MARCH, 2021 } },
    { "๙/๓/๒๕๖๔", { 9, G_DATE_MARCH, 2021 } },
    { "9-3-64", { 9, G_DATE_MARCH, 2021 } },
    { "9.3.2564", { 9, G_DATE_MARCH, 2021 } },
    { "9มี.ค.64", { 9, G_DATE_MARCH, 2021 } },
    { "  9 มีค 64 ", { 9, G_DATE_MARCH, 2021 } },
    { "9 มี.ค 64", { 9, G_DATE_MARCH, 2021 } },
    { "๒๒ มี.ค. 64", { 22, G_DATE_MARCH, 2021 } },
    { "๑ ต.ค. ๒๕๖๓", { 1, G_DATE_OCTOBER, 2020 } },
    { "31 ธันวาคม 2563", { 31, G_DATE_DECEMBER, 2020 } },
    { "29 ก.พ. 2567", { 29, G_DATE_FEBRUARY, 2024 } },
    { "30 กันยายน 2564", { 30, G_DATE_SEPTEMBER, 2021 } },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      GDate date;

      g_test_message ("parsing “%s”", cases[i].text);
      g_assert_true (phaen_date_parse (cases[i].text, &date, &error));
      g_assert_no_error (error);
      assert_date_is (&date, &cases[i].expected);
    }
}

static void
test_parse_invalid (void)
{
  static const struct
  {
    const char *text;
    const char *message;
  } cases[] = {
    { "", "ไม่ใช่วันที่" },
    { "abc", "ไม่ใช่วันที่ (ตัวอย่าง: 9 มี.ค. 64 หรือ 9/3/2564): “abc”" },
    { "9 มี.ค.", "ไม่ใช่วันที่" },
    { "9/3", "ไม่ใช่วันที่" },
    { "9/3/564", "ไม่ใช่วันที่" },
    { "9/3/25640", "ไม่ใช่วันที่" },
    { "123/3/2564", "ไม่ใช่วันที่" },
    { "22 - 23 มี.ค. 64", "ไม่ใช่วันที่" },
    { "มี.ค. 9 2564", "ไม่ใช่วันที่" },
    { "9 มีนา 2564", "ไม่ใช่ชื่อเดือน: “มีนา”" },
    { "9/13/2564", "ไม่มีเดือนที่ 13" },
    { "9/0/2564", "ไม่มีเดือนที่ 0" },
    { "29 ก.พ. 2564", "ไม่มีวันที่ 29 ก.พ. 2564" },
    { "31/4/2564", "ไม่มีวันที่ 31 เม.ย. 2564" },
    { "0/3/2564", "ไม่มีวันที่ 0 มี.ค. 2564" },
    { "9 มี.ค. 2021", "ไม่ใช่ปี พ.ศ." },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      GDate date;

      g_test_message ("parsing “%s”", cases[i].text);
      g_assert_false (phaen_date_parse (cases[i].text, &date, &error));
      g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, cases[i].message));
    }
}

/* Whatever we print, we read back: every day of FY 2567 (a leap year), in both styles and
 * both digit sets. */
static void
test_parse_round_trip (void)
{
  g_autoptr (GDate) day = phaen_fiscal_year_first_day (2567);
  g_autoptr (GDate) end = phaen_fiscal_year_last_day (2567);

  for (; g_date_compare (day, end) <= 0; g_date_add_days (day, 1))
    for (int style = PHAEN_DATE_SHORT; style <= PHAEN_DATE_FULL; style++)
      for (int thai = 0; thai <= 1; thai++)
        {
          g_autofree char *text = phaen_date_format (day, style, thai);
          g_autoptr (GError) error = NULL;
          GDate back;

          g_assert_true (phaen_date_parse (text, &back, &error));
          g_assert_no_error (error);
          g_assert_cmpint (g_date_compare (&back, day), ==, 0);
        }
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/calendar/be/round-trip", test_be_round_trip);
  g_test_add_func ("/calendar/fiscal-year/of-date", test_fiscal_year_of_date);
  g_test_add_func ("/calendar/fiscal-year/bounds", test_fiscal_year_bounds);
  g_test_add_func ("/calendar/fiscal-month/calendar-month", test_fiscal_month_calendar_month);
  g_test_add_func ("/calendar/fiscal-month/calendar-year", test_fiscal_month_calendar_year);
  g_test_add_func ("/calendar/fiscal-month/quarter", test_fiscal_month_quarter);
  g_test_add_func ("/calendar/fiscal-month/index-of-date", test_fiscal_month_index_of_date);
  g_test_add_func ("/calendar/fiscal-month/every-day", test_fiscal_month_every_day);
  g_test_add_func ("/calendar/names/months", test_month_names);
  for (gsize i = 0; i < G_N_ELEMENTS (header_cases); i++)
    {
      static const char *const fiscal_month_ids[] = { "oct", "nov", "dec", "jan", "feb", "mar",
                                                      "apr", "may", "jun", "jul", "aug", "sep" };
      const HeaderCase *c = &header_cases[i];
      g_autofree char *path = g_strdup_printf (
        "/calendar/header/%s-fy%d%s%s", fiscal_month_ids[c->fiscal_index % 12], c->fiscal_year,
        c->fiscal_index >= 12 ? "-next" : "", c->thai_digits ? "-thai" : "");

      g_test_add_data_func (path, c, check_header);
    }
  g_test_add_func ("/calendar/header/fy2564-row", test_header_fy2564_row);
  g_test_add_func ("/calendar/labels/quarter", test_quarter_labels);
  g_test_add_func ("/calendar/labels/round", test_round_labels);
  g_test_add_func ("/calendar/format/date", test_format_date);
  g_test_add_func ("/calendar/format/range", test_format_range);
  g_test_add_func ("/calendar/parse/valid", test_parse_valid);
  g_test_add_func ("/calendar/parse/invalid", test_parse_invalid);
  g_test_add_func ("/calendar/parse/round-trip", test_parse_round_trip);

  return g_test_run ();
}
