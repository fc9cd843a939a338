/* test-chart-geometry.c — the charts' pure geometry: columns, month bands, page breaks, axes
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <math.h>

#include "phaen-chart-gantt.h"
#include "phaen-chart-page.h"
#include "phaen-chart-style.h"
#include "phaen-error.h"
#include "test-util.h"

/* ------------------------------------------------------------------ columns */

static const PhaenGanttColumnSpec spec = {
  .number = 30,
  .owner = 80,
  .budget = 90,
  .name_min = 150,
  .name_max = 390,
  .month_min = 34,
  .month_natural = 36,
};

static void
test_columns_wide (void)
{
  PhaenGanttColumns c;

  phaen_gantt_columns_compute (&spec, 1400, 12, &c);
  g_assert_cmpfloat (c.name, ==, spec.name_max);
  g_assert_cmpfloat (c.months_x, ==, 30 + 80 + 90 + 390);
  g_assert_cmpfloat_with_epsilon (c.month, (1400 - c.months_x) / 12, 1e-9);
  g_assert_cmpfloat_with_epsilon (c.width, 1400, 1e-9);
}

static void
test_columns_between (void)
{
  PhaenGanttColumns c;

  /* 800 − 200 fixed − 12 × 36 natural months = 168 for the name, within its limits */
  phaen_gantt_columns_compute (&spec, 800, 12, &c);
  g_assert_cmpfloat_with_epsilon (c.name, 168, 1e-9);
  g_assert_cmpfloat_with_epsilon (c.month, 36, 1e-9);
  g_assert_cmpfloat_with_epsilon (c.width, 800, 1e-9);
}

static void
test_columns_step (void)
{
  PhaenGanttColumnSpec stepped = spec;
  PhaenGanttColumns c, d;

  /* 168 rounds down to 165, a whole number of 15s; the months take the rest */
  stepped.name_step = 15;
  phaen_gantt_columns_compute (&stepped, 800, 12, &c);
  g_assert_cmpfloat_with_epsilon (c.name, 165, 1e-9);
  g_assert_cmpfloat_with_epsilon (c.width, 800, 1e-9);
  /* a few pixels more leave the name column as it was */
  phaen_gantt_columns_compute (&stepped, 810, 12, &d);
  g_assert_cmpfloat (d.name, ==, c.name);
  g_assert_cmpfloat (d.month, >, c.month);
}

static void
test_columns_narrow (void)
{
  PhaenGanttColumns c;

  /* Too narrow: the name keeps its minimum, the months theirs, and the table overflows. */
  phaen_gantt_columns_compute (&spec, 500, 12, &c);
  g_assert_cmpfloat (c.name, ==, spec.name_min);
  g_assert_cmpfloat (c.month, ==, spec.month_min);
  g_assert_cmpfloat_with_epsilon (c.width, 200 + 150 + 12 * 34, 1e-9);
  g_assert_cmpfloat (c.width, >, 500);
}

static void
test_columns_month_x (void)
{
  PhaenGanttColumns c;

  phaen_gantt_columns_compute (&spec, 1400, 13, &c);
  for (guint m = 0; m < 13; m++)
    g_assert_cmpfloat_with_epsilon (phaen_gantt_columns_month_x (&c, m), c.months_x + m * c.month,
                                    1e-9);
  g_assert_cmpfloat_with_epsilon (phaen_gantt_columns_month_x (&c, 13), c.width, 1e-9);
}

static void
test_months_per_band (void)
{
  static const struct
  {
    guint n_months, fit, expected;
  } cases[] = {
    { 12, 12, 12 }, { 12, 20, 12 }, { 13, 12, 9 }, { 24, 12, 12 }, { 24, 21, 12 },
    { 24, 10, 9 },  { 24, 5, 3 },   { 24, 2, 2 },  { 24, 0, 1 },   { 13, 13, 13 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpuint (phaen_gantt_months_per_band (cases[i].n_months, cases[i].fit), ==,
                      cases[i].expected);
}

/* ------------------------------------------------------------------ visible rows */

static void
test_rows_visible (void)
{
  /* rows 10, 20, 10, 30, 10 high: tops 0, 10, 30, 40, 70; the chart ends at 80 */
  static const double tops[] = { 0, 10, 30, 40, 70 };
  static const double heights[] = { 10, 20, 10, 30, 10 };
  static const struct
  {
    double y0, y1;
    guint first, end;
  } cases[] = {
    { 0, 80, 0, 5 },    /* all of it */
    { -50, -10, 0, 0 }, /* above the rows (the header) */
    { -50, 5, 0, 1 },   /* the header and the top of the first row */
    { 12, 28, 1, 2 },   /* inside one row */
    { 10, 30, 0, 2 },   /* the first row's bottom rule lies on the edge */
    { 31, 41, 2, 4 },   /* the end of one row and the start of the next */
    { 45, 200, 3, 5 },  /* down past the last */
    { 80, 200, 4, 5 },  /* just the last row's bottom rule */
    { 81, 200, 5, 5 },  /* below the rows (totals, legend) */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint first = 99, end = 99;

      phaen_gantt_rows_visible_range (tops, heights, G_N_ELEMENTS (tops), cases[i].y0, cases[i].y1,
                                      &first, &end);
      g_test_message ("case %u: [%g, %g)", i, cases[i].y0, cases[i].y1);
      g_assert_cmpuint (first, ==, cases[i].first);
      g_assert_cmpuint (end, ==, cases[i].end);
    }
}

/* 100,000 rows of 20: the range is found by bisection and is as long as the span. */
static void
test_rows_visible_long (void)
{
  g_autofree double *tops = g_new (double, 100000);
  g_autofree double *heights = g_new (double, 100000);
  guint first, end;

  for (guint i = 0; i < 100000; i++)
    {
      tops[i] = 20.0 * i;
      heights[i] = 20;
    }
  phaen_gantt_rows_visible_range (tops, heights, 100000, 1000000 + 5, 1000000 + 705, &first, &end);
  g_assert_cmpuint (first, ==, 50000);
  g_assert_cmpuint (end, ==, 50036);
  phaen_gantt_rows_visible_range (NULL, NULL, 0, 0, 100, &first, &end);
  g_assert_cmpuint (first, ==, 0);
  g_assert_cmpuint (end, ==, 0);
}

/* ------------------------------------------------------------------ page breaks */

static void
assert_starts (GArray *starts, const guint *expected, guint n)
{
  g_assert_cmpuint (starts->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpuint (g_array_index (starts, guint, i), ==, expected[i]);
}

static void
test_paginate_even (void)
{
  double heights[10];
  g_autoptr (GArray) starts = NULL;
  const guint expected[] = { 0, 3, 6, 9 };

  for (guint i = 0; i < G_N_ELEMENTS (heights); i++)
    heights[i] = 10;
  /* three rows a page; the totals fit after the tenth row */
  starts = phaen_chart_paginate_rows (heights, 10, 35, 10);
  assert_starts (starts, expected, G_N_ELEMENTS (expected));
}

static void
test_paginate_exact (void)
{
  const double heights[] = { 10, 10, 10, 10, 10, 10 };
  g_autoptr (GArray) starts = phaen_chart_paginate_rows (heights, 6, 30, 0);
  const guint expected[] = { 0, 3 };

  assert_starts (starts, expected, G_N_ELEMENTS (expected));
}

static void
test_paginate_tail_carries_a_row (void)
{
  const double heights[] = { 10, 10, 10, 10, 10, 10 };
  g_autoptr (GArray) starts = phaen_chart_paginate_rows (heights, 6, 30, 5);
  /* the totals do not fit under the full second page: its last row goes with them */
  const guint expected[] = { 0, 3, 5 };

  assert_starts (starts, expected, G_N_ELEMENTS (expected));
}

static void
test_paginate_tail_alone (void)
{
  const double heights[] = { 30 };
  g_autoptr (GArray) starts = phaen_chart_paginate_rows (heights, 1, 30, 5);
  const guint expected[] = { 0, 1 };

  assert_starts (starts, expected, G_N_ELEMENTS (expected));
}

static void
test_paginate_tall_row (void)
{
  const double heights[] = { 10, 50, 10, 10 };
  g_autoptr (GArray) starts = phaen_chart_paginate_rows (heights, 4, 30, 0);
  /* a row taller than a page gets one of its own and the pages go on after it */
  const guint expected[] = { 0, 1, 2 };

  assert_starts (starts, expected, G_N_ELEMENTS (expected));
}

static void
test_paginate_empty (void)
{
  g_autoptr (GArray) starts = phaen_chart_paginate_rows (NULL, 0, 30, 50);
  const guint expected[] = { 0 };

  assert_starts (starts, expected, G_N_ELEMENTS (expected));
}

static void
test_paper (void)
{
  PhaenPageSetup a4, a3;
  PhaenPaper paper;

  phaen_page_setup_init (&a4, PHAEN_PAPER_A4);
  phaen_page_setup_init (&a3, PHAEN_PAPER_A3);
  /* landscape, 297 × 210 mm and 420 × 297 mm in points */
  g_assert_cmpfloat_with_epsilon (a4.width, 841.89, 0.01);
  g_assert_cmpfloat_with_epsilon (a4.height, 595.28, 0.01);
  g_assert_cmpfloat_with_epsilon (a3.width, 1190.55, 0.01);
  g_assert_cmpfloat_with_epsilon (a3.height, a4.width, 0.01);
  g_assert_true (phaen_paper_from_string ("a3", &paper));
  g_assert_cmpint (paper, ==, PHAEN_PAPER_A3);
  g_assert_true (phaen_paper_from_string ("A4", &paper));
  g_assert_cmpint (paper, ==, PHAEN_PAPER_A4);
  g_assert_false (phaen_paper_from_string ("Letter", &paper));
}

/* ------------------------------------------------------------------ axes and style */

static void
test_nice_step (void)
{
  static const struct
  {
    double range;
    guint ticks;
    double step;
  } cases[] = {
    { 826, 5, 200 },     { 1000, 10, 100 }, { 5.5, 6, 1 }, { 1, 10, 0.1 },
    { 82090, 8, 20000 }, { 3, 4, 1 },       { 7, 3, 2.5 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpfloat_with_epsilon (phaen_chart_nice_step (cases[i].range, cases[i].ticks),
                                    cases[i].step, 1e-9);
}

static void
test_themes (void)
{
  PhaenChartTheme theme;
  const PhaenChartStyle *light = phaen_chart_style_get (PHAEN_CHART_THEME_LIGHT);
  const PhaenChartStyle *dark = phaen_chart_style_get (PHAEN_CHART_THEME_DARK);
  const PhaenChartStyle *print = phaen_chart_style_get (PHAEN_CHART_THEME_PRINT);

  g_assert_true (phaen_chart_theme_from_string ("dark", &theme));
  g_assert_cmpint (theme, ==, PHAEN_CHART_THEME_DARK);
  g_assert_false (phaen_chart_theme_from_string ("sepia", &theme));
  /* switching theme never moves anything */
  g_assert_cmpfloat (light->font_size, ==, dark->font_size);
  g_assert_cmpfloat (light->font_size, ==, print->font_size);
  g_assert_cmpstr (light->font_family, ==, print->font_family);
  g_assert_cmpfloat (dark->background.red, <, 0.2);
  /* print is high contrast: pure black text on white */
  g_assert_cmpfloat (print->text.red + print->text.green + print->text.blue, ==, 0);
}

/* ------------------------------------------------------------------ a plan laid out */

typedef struct
{
  char *dir;
  PhaenStore *store;
  gint64 plan;
} Fixture;

static gint64
add_activity (Fixture *f, const char *name, guint first, guint last)
{
  return test_add_planned_activity (f->store, f->plan, name, first, last);
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  gint64 unit;

  f->store = test_workspace_new ("t.phaen", &f->dir);
  unit = test_add_unit (f->store, "สตป.", "สำนักตรวจสอบและประเมินผล");
  f->plan =
    test_add_plan (f->store, unit, 2564, PHAEN_PLAN_PROCESS, "แผนการปรับปรุงกระบวนการตามภารกิจ");
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  test_workspace_close (&f->store, &f->dir);
}

static PhaenGantt *
gantt_new (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  PhaenGantt *gantt = phaen_gantt_new (f->store, f->plan, &error);

  g_assert_no_error (error);
  return gantt;
}

static void
test_rows_wrap (Fixture *f, gconstpointer data)
{
  g_autoptr (PhaenGantt) gantt = NULL;
  cairo_rectangle_t shorter, longer, same, next;

  add_activity (f, "ตรวจติดตามทางเอกสาร", 0, 2);
  add_activity (f,
                "ประสานหน่วยงานเพื่อขอข้อมูลผลการดำเนินงานของพื้นที่ประกอบการตรวจราชการผ่านช่องทาง"
                "ออนไลน์ เช่น Line, E-mail และติดตามผลการดำเนินงานตามแผนปฏิบัติราชการประจำปี",
                3, 11);
  add_activity (f, "ตรวจติดตามทางเอกสาร", 4, 4);
  gantt = gantt_new (f);

  g_assert_cmpuint (phaen_gantt_get_n_rows (gantt), ==, 3);
  g_assert_cmpuint (phaen_gantt_get_n_months (gantt), ==, 12);
  g_assert_true (phaen_gantt_get_cell_rect (gantt, 1000, 0, 0, &shorter));
  g_assert_true (phaen_gantt_get_cell_rect (gantt, 1000, 1, 0, &longer));
  g_assert_true (phaen_gantt_get_cell_rect (gantt, 1000, 2, 0, &same));
  g_assert_true (phaen_gantt_get_cell_rect (gantt, 1000, 2, 1, &next));
  /* the long name wraps onto more lines; equal names make equal rows */
  g_assert_cmpfloat (longer.height, >, shorter.height * 1.5);
  g_assert_cmpfloat_with_epsilon (same.height, shorter.height, 1e-9);
  /* rows stack without gaps, months sit side by side */
  g_assert_cmpfloat_with_epsilon (longer.y, shorter.y + shorter.height, 1e-9);
  g_assert_cmpfloat_with_epsilon (same.y, longer.y + longer.height, 1e-9);
  g_assert_cmpfloat_with_epsilon (next.x, same.x + same.width, 1e-9);
  g_assert_false (phaen_gantt_get_cell_rect (gantt, 1000, 3, 0, &same));
  g_assert_false (phaen_gantt_get_cell_rect (gantt, 1000, 0, 12, &same));
}

static void
test_height_for_width (Fixture *f, gconstpointer data)
{
  g_autoptr (PhaenGantt) gantt = NULL;
  double min_width, narrow, wide;
  PhaenGanttColumns at_min, below;

  for (int i = 0; i < 8; i++)
    add_activity (f, "จัดทำรายละเอียดตัวชี้วัดและนำเสนอหัวหน้าส่วนราชการเห็นชอบเพื่อประกาศใช้ในหน่วยงาน",
                  (guint)i, (guint)i + 2);
  gantt = gantt_new (f);
  min_width = phaen_gantt_get_min_width (gantt);
  narrow = phaen_gantt_get_height_for_width (gantt, min_width);
  wide = phaen_gantt_get_height_for_width (gantt, 2400);
  /* a wider name column wraps less */
  g_assert_cmpfloat (wide, <, narrow);
  /* below the minimum the chart keeps its minimum layout */
  phaen_gantt_get_columns (gantt, min_width, &at_min);
  phaen_gantt_get_columns (gantt, min_width / 2, &below);
  g_assert_cmpfloat (below.width, ==, at_min.width);
  g_assert_cmpfloat (phaen_gantt_get_height_for_width (gantt, min_width / 2), ==, narrow);
}

static void
test_columns_optional (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenGantt) plain = NULL;
  g_autoptr (PhaenGantt) full = NULL;
  g_autoptr (PhaenActivity) activity = NULL;
  PhaenGanttColumns columns;
  gint64 id = add_activity (f, "ตรวจติดตามทางเอกสาร", 0, 2);

  plain = gantt_new (f);
  phaen_gantt_get_columns (plain, 1400, &columns);
  /* no owner and no budget anywhere: no such columns */
  g_assert_cmpfloat (columns.owner, ==, 0);
  g_assert_cmpfloat (columns.budget, ==, 0);

  activity = phaen_store_get_activity (f->store, id, &error);
  g_assert_no_error (error);
  g_free (activity->owner);
  activity->owner = g_strdup ("สตป.");
  activity->has_budget = TRUE;
  activity->budget = 82090;
  phaen_store_update_activity (f->store, activity, &error);
  g_assert_no_error (error);
  full = gantt_new (f);
  phaen_gantt_get_columns (full, 1400, &columns);
  g_assert_cmpfloat (columns.owner, >, 0);
  g_assert_cmpfloat (columns.budget, >, 0);
  g_assert_cmpfloat_with_epsilon (
    columns.months_x, columns.number + columns.name + columns.owner + columns.budget, 1e-9);
  phaen_gantt_set_show_budget (full, FALSE);
  phaen_gantt_get_columns (full, 1400, &columns);
  g_assert_cmpfloat (columns.budget, ==, 0);
}

static void
test_pages (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenGantt) gantt = NULL;
  PhaenPageSetup a4, a3;
  guint n_a4, n_a3;

  phaen_store_begin (f->store, "many", &error);
  g_assert_no_error (error);
  for (int i = 0; i < 60; i++)
    {
      g_autofree char *name = g_strdup_printf ("กิจกรรมทดสอบที่ %d ติดตามผลการดำเนินงาน", i + 1);
      add_activity (f, name, (guint)i % 12, (guint)MIN (i % 12 + 2, 11));
    }
  phaen_store_commit (f->store, &error);
  g_assert_no_error (error);
  gantt = gantt_new (f);
  phaen_page_setup_init (&a4, PHAEN_PAPER_A4);
  phaen_page_setup_init (&a3, PHAEN_PAPER_A3);
  n_a4 = phaen_gantt_get_n_pages (gantt, &a4);
  n_a3 = phaen_gantt_get_n_pages (gantt, &a3);
  g_assert_cmpuint (n_a4, >=, 3);
  g_assert_cmpuint (n_a3, <, n_a4);
  g_assert_cmpuint (n_a3, >=, 1);
}

static void
test_pages_month_bands (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenGantt) gantt = NULL;
  g_autoptr (PhaenPlan) plan = NULL;
  g_autoptr (PhaenActivity) activity = NULL;
  gint64 id = add_activity (f, "ตรวจติดตามทางเอกสาร", 0, 20);
  PhaenPageSetup a4, wide;
  guint one_band;

  /* an owner and a budget leave room for fewer months than 24 */
  activity = phaen_store_get_activity (f->store, id, &error);
  g_assert_no_error (error);
  g_free (activity->owner);
  activity->owner = g_strdup ("กลุ่มพัฒนาระบบบริหาร");
  activity->has_budget = TRUE;
  activity->budget = 1250000;
  phaen_store_update_activity (f->store, activity, &error);
  g_assert_no_error (error);
  plan = phaen_store_get_plan (f->store, f->plan, &error);
  g_assert_no_error (error);
  gantt = gantt_new (f);
  phaen_page_setup_init (&a4, PHAEN_PAPER_A4);
  one_band = phaen_gantt_get_n_pages (gantt, &a4);
  g_clear_pointer (&gantt, phaen_gantt_free);

  /* 24 months do not fit across A4: two bands of whole quarters, the rows on each */
  plan->extra_months = 12;
  phaen_store_update_plan (f->store, plan, &error);
  g_assert_no_error (error);
  gantt = gantt_new (f);
  g_assert_cmpuint (phaen_gantt_get_n_months (gantt), ==, 24);
  g_assert_cmpuint (phaen_gantt_get_n_pages (gantt, &a4), ==, 2 * one_band);
  /* on a sheet wide enough they share one page */
  wide = a4;
  wide.width = 3000;
  g_assert_cmpuint (phaen_gantt_get_n_pages (gantt, &wide), ==, one_band);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/columns/wide", test_columns_wide);
  g_test_add_func ("/chart/columns/between", test_columns_between);
  g_test_add_func ("/chart/columns/step", test_columns_step);
  g_test_add_func ("/chart/columns/narrow", test_columns_narrow);
  g_test_add_func ("/chart/columns/month-x", test_columns_month_x);
  g_test_add_func ("/chart/rows/visible", test_rows_visible);
  g_test_add_func ("/chart/rows/visible-long", test_rows_visible_long);
  g_test_add_func ("/chart/columns/months-per-band", test_months_per_band);
  g_test_add_func ("/chart/paginate/even", test_paginate_even);
  g_test_add_func ("/chart/paginate/exact", test_paginate_exact);
  g_test_add_func ("/chart/paginate/tail-carries-a-row", test_paginate_tail_carries_a_row);
  g_test_add_func ("/chart/paginate/tail-alone", test_paginate_tail_alone);
  g_test_add_func ("/chart/paginate/tall-row", test_paginate_tall_row);
  g_test_add_func ("/chart/paginate/empty", test_paginate_empty);
  g_test_add_func ("/chart/paper", test_paper);
  g_test_add_func ("/chart/axis/nice-step", test_nice_step);
  g_test_add_func ("/chart/style/themes", test_themes);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/chart/gantt/rows-wrap", test_rows_wrap);
  ADD ("/chart/gantt/height-for-width", test_height_for_width);
  ADD ("/chart/gantt/optional-columns", test_columns_optional);
  ADD ("/chart/gantt/pages", test_pages);
  ADD ("/chart/gantt/pages-month-bands", test_pages_month_bands);
#undef ADD

  return g_test_run ();
}
