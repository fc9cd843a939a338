/* test-grid-geometry.c — the plan grid's columns, rows, scrolling and hit-testing, no display
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "app-grid-geometry.h"

#include <locale.h>

/* number 40, name 300, category 60, owner 100, budget 120, month 50, output 200 */
static const AppGridWidths widths = { 40, 300, 60, 100, 120, 50, 200 };

static void
test_columns_positions (void)
{
  AppGridColumns c;

  app_grid_columns_init (&c, 12, &widths);
  g_assert_cmpfloat (c.x[APP_PLAN_GRID_COLUMN_NUMBER], ==, 0);
  g_assert_cmpfloat (c.x[APP_PLAN_GRID_COLUMN_NAME], ==, 40);
  g_assert_cmpfloat (c.frozen_width, ==, 340);
  g_assert_cmpfloat (c.x[APP_PLAN_GRID_COLUMN_CATEGORY], ==, 340);
  g_assert_cmpfloat (c.x[APP_PLAN_GRID_COLUMN_OWNER], ==, 400);
  g_assert_cmpfloat (c.x[APP_PLAN_GRID_COLUMN_BUDGET], ==, 500);
  g_assert_cmpfloat (c.x[APP_PLAN_GRID_COLUMN_FIRST_MONTH], ==, 620);
  g_assert_cmpfloat (c.x[app_grid_month_to_column (11)], ==, 620 + 11 * 50);
  /* Months past the plan take no room: the output column follows the 12th month. */
  g_assert_cmpfloat (c.width[app_grid_month_to_column (12)], ==, 0);
  g_assert_cmpfloat (c.x[APP_PLAN_GRID_COLUMN_OUTPUT], ==, 620 + 12 * 50);
  g_assert_cmpfloat (c.total_width, ==, 620 + 12 * 50 + 200);
  g_assert_cmpfloat (app_grid_columns_scroll_width (&c), ==, c.total_width - 340);
}

static void
test_columns_extra_months (void)
{
  AppGridColumns c;

  /* A plan running two months into the next fiscal year (ต.ค., พ.ย. of the next year). */
  app_grid_columns_init (&c, 14, &widths);
  g_assert_true (app_grid_column_is_present (&c, app_grid_month_to_column (13)));
  g_assert_false (app_grid_column_is_present (&c, app_grid_month_to_column (14)));
  g_assert_cmpfloat (c.x[APP_PLAN_GRID_COLUMN_OUTPUT], ==, 620 + 14 * 50);
  g_assert_cmpint (app_grid_columns_step (&c, app_grid_month_to_column (13), 1), ==,
                   APP_PLAN_GRID_COLUMN_OUTPUT);
  g_assert_cmpint (app_grid_columns_step (&c, APP_PLAN_GRID_COLUMN_OUTPUT, -1), ==,
                   app_grid_month_to_column (13));
}

static void
test_month_columns (void)
{
  g_assert_cmpint (app_grid_column_to_month (APP_PLAN_GRID_COLUMN_FIRST_MONTH), ==, 0);
  g_assert_cmpint (app_grid_column_to_month (APP_PLAN_GRID_COLUMN_FIRST_MONTH + 23), ==, 23);
  g_assert_cmpint (app_grid_column_to_month (APP_PLAN_GRID_COLUMN_BUDGET), ==, -1);
  g_assert_cmpint (app_grid_column_to_month (APP_PLAN_GRID_COLUMN_OUTPUT), ==, -1);
  for (guint m = 0; m < PHAEN_MAX_MONTHS; m++)
    g_assert_cmpint (app_grid_column_to_month (app_grid_month_to_column (m)), ==, m);
  g_assert_true (app_grid_column_is_frozen (APP_PLAN_GRID_COLUMN_NUMBER));
  g_assert_true (app_grid_column_is_frozen (APP_PLAN_GRID_COLUMN_NAME));
  g_assert_false (app_grid_column_is_frozen (APP_PLAN_GRID_COLUMN_CATEGORY));
}

static void
test_columns_step (void)
{
  AppGridColumns c;

  app_grid_columns_init (&c, 12, &widths);
  g_assert_cmpint (app_grid_columns_step (&c, APP_PLAN_GRID_COLUMN_NUMBER, -1), ==, -1);
  g_assert_cmpint (app_grid_columns_step (&c, APP_PLAN_GRID_COLUMN_NUMBER, 1), ==,
                   APP_PLAN_GRID_COLUMN_NAME);
  g_assert_cmpint (app_grid_columns_step (&c, APP_PLAN_GRID_COLUMN_BUDGET, 1), ==,
                   APP_PLAN_GRID_COLUMN_FIRST_MONTH);
  /* The 12 absent months between ก.ย. and ผลผลิต are skipped. */
  g_assert_cmpint (app_grid_columns_step (&c, app_grid_month_to_column (11), 1), ==,
                   APP_PLAN_GRID_COLUMN_OUTPUT);
  g_assert_cmpint (app_grid_columns_step (&c, APP_PLAN_GRID_COLUMN_OUTPUT, -1), ==,
                   app_grid_month_to_column (11));
  g_assert_cmpint (app_grid_columns_step (&c, APP_PLAN_GRID_COLUMN_OUTPUT, 1), ==, -1);
  g_assert_cmpint (app_grid_columns_step (&c, APP_PLAN_GRID_COLUMN_NAME, 3), ==,
                   APP_PLAN_GRID_COLUMN_BUDGET);
}

static AppGridRows *
rows_of (const double *heights, guint n)
{
  AppGridRows *rows = app_grid_rows_new ();

  app_grid_rows_set_heights (rows, heights, n);
  return rows;
}

static void
test_rows_offsets (void)
{
  static const double heights[] = { 30, 52, 30, 74 };
  g_autoptr (AppGridRows) rows = rows_of (heights, G_N_ELEMENTS (heights));

  g_assert_cmpuint (app_grid_rows_get_n_rows (rows), ==, 4);
  g_assert_cmpfloat (app_grid_rows_get_y (rows, 0), ==, 0);
  g_assert_cmpfloat (app_grid_rows_get_y (rows, 1), ==, 30);
  g_assert_cmpfloat (app_grid_rows_get_y (rows, 3), ==, 112);
  g_assert_cmpfloat (app_grid_rows_get_y (rows, 4), ==, 186);
  g_assert_cmpfloat (app_grid_rows_get_total (rows), ==, 186);
  g_assert_cmpfloat (app_grid_rows_get_height (rows, 3), ==, 74);

  app_grid_rows_set_height (rows, 1, 30);
  g_assert_cmpfloat (app_grid_rows_get_y (rows, 2), ==, 60);
  g_assert_cmpfloat (app_grid_rows_get_total (rows), ==, 164);

  app_grid_rows_set_heights (rows, NULL, 0);
  g_assert_cmpuint (app_grid_rows_get_n_rows (rows), ==, 0);
  g_assert_cmpfloat (app_grid_rows_get_total (rows), ==, 0);
  g_assert_cmpint (app_grid_rows_at (rows, 0), ==, -1);
}

static void
test_rows_at (void)
{
  static const double heights[] = { 30, 52, 30, 74 };
  static const struct
  {
    double y;
    int row;
  } cases[] = {
    { -1, -1 }, { 0, 0 },   { 29.9, 0 },  { 30, 1 },   { 81.9, 1 },
    { 82, 2 },  { 112, 3 }, { 185.9, 3 }, { 186, -1 }, { 1000, -1 },
  };
  g_autoptr (AppGridRows) rows = rows_of (heights, G_N_ELEMENTS (heights));

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (app_grid_rows_at (rows, cases[i].y), ==, cases[i].row);
}

static void
test_rows_visible_range (void)
{
  g_autofree double *heights = g_new (double, 1000);
  g_autoptr (AppGridRows) rows = NULL;
  guint first, end;

  for (guint i = 0; i < 1000; i++)
    heights[i] = i % 10 == 9 ? 60 : 30; /* every tenth name wraps onto a second line */
  rows = rows_of (heights, 1000);
  g_assert_cmpfloat (app_grid_rows_get_total (rows), ==, 900 * 30 + 100 * 60);

  app_grid_rows_visible_range (rows, 0, 600, &first, &end);
  g_assert_cmpuint (first, ==, 0);
  /* rows 0..8 = 270, row 9 = 60 (330), 10..18 (600): row 18 ends exactly at 600 */
  g_assert_cmpuint (end, ==, 19);

  /* Half a row scrolled off the top still shows. */
  app_grid_rows_visible_range (rows, 15, 600, &first, &end);
  g_assert_cmpuint (first, ==, 0);
  g_assert_cmpuint (end, ==, 20);

  /* A page deep in the list: one screenful, whatever the total. */
  /* Fifty blocks of ten rows (330 px each) end at 16500; rows 500..518 fill the page. */
  app_grid_rows_visible_range (rows, 16500, 600, &first, &end);
  g_assert_cmpuint (first, ==, 500);
  g_assert_cmpuint (end, ==, 519);
  g_assert_cmpfloat (app_grid_rows_get_y (rows, end - 1), <, 16500 + 600);
  g_assert_cmpfloat (app_grid_rows_get_y (rows, end), >=, 16500 + 600);

  app_grid_rows_visible_range (rows, 33000, 600, &first, &end);
  g_assert_cmpuint (first, ==, 0);
  g_assert_cmpuint (end, ==, 0);
  app_grid_rows_visible_range (rows, 0, 0, &first, &end);
  g_assert_cmpuint (end, ==, 0);
}

static void
test_scroll_to_show (void)
{
  /* Already visible: no move. Above: align top. Below: align bottom. Larger: align top. */
  g_assert_cmpfloat (app_grid_scroll_to_show (100, 30, 50, 200), ==, 50);
  g_assert_cmpfloat (app_grid_scroll_to_show (20, 30, 50, 200), ==, 20);
  g_assert_cmpfloat (app_grid_scroll_to_show (300, 30, 50, 200), ==, 130);
  g_assert_cmpfloat (app_grid_scroll_to_show (300, 500, 50, 200), ==, 300);
}

static void
test_hit_test (void)
{
  static const double heights[] = { 30, 60, 30 };
  g_autoptr (AppGridRows) rows = rows_of (heights, G_N_ELEMENTS (heights));
  AppGridColumns c;
  AppGridView view = { 800, 400, 90, 30, 0, 0 };
  AppGridHit hit;

  app_grid_columns_init (&c, 12, &widths);

  hit = app_grid_hit_test (&c, rows, &view, 10, 10);
  g_assert_cmpint (hit.area, ==, APP_GRID_AREA_HEADER);
  g_assert_cmpint (hit.column, ==, APP_PLAN_GRID_COLUMN_NUMBER);
  g_assert_cmpint (hit.row, ==, -1);

  hit = app_grid_hit_test (&c, rows, &view, 100, 90 + 45);
  g_assert_cmpint (hit.area, ==, APP_GRID_AREA_BODY);
  g_assert_cmpint (hit.row, ==, 1);
  g_assert_cmpint (hit.column, ==, APP_PLAN_GRID_COLUMN_NAME);

  hit = app_grid_hit_test (&c, rows, &view, 620 + 2 * 50 + 1, 90 + 1);
  g_assert_cmpint (hit.row, ==, 0);
  g_assert_cmpint (app_grid_column_to_month (hit.column), ==, 2);

  /* Three rows end at 90 + 120 = 210: the footer follows them, then nothing. */
  g_assert_cmpfloat (app_grid_view_footer_y (&view, rows), ==, 210);
  hit = app_grid_hit_test (&c, rows, &view, 100, 215);
  g_assert_cmpint (hit.area, ==, APP_GRID_AREA_FOOTER);
  hit = app_grid_hit_test (&c, rows, &view, 100, 300);
  g_assert_cmpint (hit.area, ==, APP_GRID_AREA_NONE);
  g_assert_cmpint (hit.column, ==, -1);
  hit = app_grid_hit_test (&c, rows, &view, 900, 100);
  g_assert_cmpint (hit.area, ==, APP_GRID_AREA_NONE);

  /* Scrolled 200 px right and 40 down: frozen columns stay, months move under them. */
  view.scroll_x = 200;
  view.scroll_y = 40;
  hit = app_grid_hit_test (&c, rows, &view, 100, 95);
  g_assert_cmpint (hit.column, ==, APP_PLAN_GRID_COLUMN_NAME);
  g_assert_cmpint (hit.row, ==, 1);
  hit = app_grid_hit_test (&c, rows, &view, 345, 95);
  g_assert_cmpint (app_grid_column_to_month (hit.column), ==, -1);
  g_assert_cmpint (hit.column, ==, APP_PLAN_GRID_COLUMN_BUDGET); /* 545 lies in 500..620 */
  hit = app_grid_hit_test (&c, rows, &view, 420 + 1, 95);
  g_assert_cmpint (app_grid_column_to_month (hit.column), ==, 0);
  /* Rows scrolled up under the header are not hit through it. */
  hit = app_grid_hit_test (&c, rows, &view, 100, 60);
  g_assert_cmpint (hit.area, ==, APP_GRID_AREA_HEADER);
}

static void
test_footer_sticks (void)
{
  g_autofree double *heights = g_new (double, 100);
  g_autoptr (AppGridRows) rows = NULL;
  AppGridView view = { 800, 400, 90, 30, 0, 0 };

  for (guint i = 0; i < 100; i++)
    heights[i] = 30;
  rows = rows_of (heights, 100);
  /* More rows than fit: the footer sits at the bottom edge… */
  g_assert_cmpfloat (app_grid_view_footer_y (&view, rows), ==, 370);
  g_assert_cmpfloat (app_grid_view_body_height (&view), ==, 280);
  /* …until scrolled to the end, where it follows the last row (same place). */
  view.scroll_y = 3000 - 280;
  g_assert_cmpfloat (app_grid_view_footer_y (&view, rows), ==, 370);
}

static void
test_cell_rect (void)
{
  static const double heights[] = { 30, 60 };
  g_autoptr (AppGridRows) rows = rows_of (heights, G_N_ELEMENTS (heights));
  AppGridColumns c;
  AppGridView view = { 800, 400, 90, 30, 100, 10 };
  AppGridRect r;

  app_grid_columns_init (&c, 12, &widths);
  r = app_grid_cell_rect (&c, rows, &view, 1, app_grid_month_to_column (3));
  g_assert_cmpfloat (r.x, ==, 620 + 150 - 100);
  g_assert_cmpfloat (r.y, ==, 90 + 30 - 10);
  g_assert_cmpfloat (r.width, ==, 50);
  g_assert_cmpfloat (r.height, ==, 60);
  r = app_grid_cell_rect (&c, rows, &view, 0, APP_PLAN_GRID_COLUMN_NAME);
  g_assert_cmpfloat (r.x, ==, 40);
}

static void
test_month_at_x (void)
{
  AppGridColumns c;
  AppGridView view = { 800, 400, 90, 30, 0, 0 };

  app_grid_columns_init (&c, 12, &widths);
  g_assert_cmpuint (app_grid_month_at_x (&c, &view, 620 + 10), ==, 0);
  g_assert_cmpuint (app_grid_month_at_x (&c, &view, 620 + 4 * 50 + 49), ==, 4);
  /* Dragged left over the frozen columns or right past ก.ย.: clamped. */
  g_assert_cmpuint (app_grid_month_at_x (&c, &view, 5), ==, 0);
  g_assert_cmpuint (app_grid_month_at_x (&c, &view, 5000), ==, 11);
  view.scroll_x = 300;
  g_assert_cmpuint (app_grid_month_at_x (&c, &view, 340 + 1), ==, 0);
  g_assert_cmpuint (app_grid_month_at_x (&c, &view, 620 + 1), ==, 6);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/grid-geometry/columns/positions", test_columns_positions);
  g_test_add_func ("/grid-geometry/columns/extra-months", test_columns_extra_months);
  g_test_add_func ("/grid-geometry/columns/months", test_month_columns);
  g_test_add_func ("/grid-geometry/columns/step", test_columns_step);
  g_test_add_func ("/grid-geometry/rows/offsets", test_rows_offsets);
  g_test_add_func ("/grid-geometry/rows/at", test_rows_at);
  g_test_add_func ("/grid-geometry/rows/visible-range", test_rows_visible_range);
  g_test_add_func ("/grid-geometry/scroll-to-show", test_scroll_to_show);
  g_test_add_func ("/grid-geometry/view/hit-test", test_hit_test);
  g_test_add_func ("/grid-geometry/view/footer", test_footer_sticks);
  g_test_add_func ("/grid-geometry/view/cell-rect", test_cell_rect);
  g_test_add_func ("/grid-geometry/view/month-at-x", test_month_at_x);

  return g_test_run ();
}
