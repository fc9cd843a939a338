/* test-gantt-geometry.c — where a scrolled Gantt view draws its moving and frozen parts, no
 * display
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "app-gantt-geometry.h"

#include <locale.h>

/* A 1366 × 700 view of a chart whose header rows lie from 14 to 62 and whose left columns
 * end at 500. */
static AppGanttViewport
viewport_at (double scroll_x, double scroll_y)
{
  return (AppGanttViewport){ 1366, 700, 14, 62, 500, scroll_x, scroll_y };
}

static void
assert_pane (
  const AppGanttPane *pane, double x, double y, double width, double height, double dx, double dy)
{
  g_assert_cmpfloat (pane->x, ==, x);
  g_assert_cmpfloat (pane->y, ==, y);
  g_assert_cmpfloat (pane->width, ==, width);
  g_assert_cmpfloat (pane->height, ==, height);
  g_assert_cmpfloat (pane->dx, ==, dx);
  g_assert_cmpfloat (pane->dy, ==, dy);
}

static void
test_panes_top (void)
{
  AppGanttViewport v = viewport_at (0, 0);
  AppGanttPane panes[APP_GANTT_MAX_PANES];
  double y0, y1;

  /* Nothing scrolled: one pane, the chart as it lies. */
  g_assert_cmpuint (app_gantt_viewport_panes (&v, panes), ==, 1);
  assert_pane (&panes[0], 0, 0, 1366, 700, 0, 0);
  g_assert_cmpfloat (app_gantt_viewport_header_y (&v), ==, 14);
  app_gantt_viewport_body_span (&v, &y0, &y1);
  g_assert_cmpfloat (y0, ==, 0);
  g_assert_cmpfloat (y1, ==, 700);

  /* Scrolled less than the space above the header: it still moves with the rows. */
  v.scroll_y = 10;
  g_assert_cmpuint (app_gantt_viewport_panes (&v, panes), ==, 1);
  g_assert_cmpfloat (app_gantt_viewport_header_y (&v), ==, 4);
}

static void
test_panes_scrolled_down (void)
{
  AppGanttViewport v = viewport_at (0, 90000);
  AppGanttPane panes[APP_GANTT_MAX_PANES];
  double y0, y1;

  /* The rows move under a header stuck to the top. */
  g_assert_cmpuint (app_gantt_viewport_panes (&v, panes), ==, 2);
  assert_pane (&panes[0], 0, 48, 1366, 652, 0, -90000);
  assert_pane (&panes[1], 0, 0, 1366, 48, 0, -14);
  g_assert_cmpfloat (app_gantt_viewport_header_y (&v), ==, 0);
  /* The body shows rows from under the header down to the bottom: what the engine draws. */
  app_gantt_viewport_body_span (&v, &y0, &y1);
  g_assert_cmpfloat (y0, ==, 90048);
  g_assert_cmpfloat (y1, ==, 90700);
}

static void
test_panes_scrolled_both (void)
{
  AppGanttViewport v = viewport_at (300, 5000);
  AppGanttPane panes[APP_GANTT_MAX_PANES];

  /* A view narrower than the chart: the months scroll under the names too. */
  v.width = 900;
  g_assert_cmpuint (app_gantt_viewport_panes (&v, panes), ==, 4);
  assert_pane (&panes[0], 500, 48, 400, 652, -300, -5000);
  assert_pane (&panes[1], 500, 0, 400, 48, -300, -14);
  assert_pane (&panes[2], 0, 48, 500, 652, 0, -5000);
  assert_pane (&panes[3], 0, 0, 500, 48, 0, -14);

  /* Scrolled sideways only. */
  v.scroll_y = 0;
  g_assert_cmpuint (app_gantt_viewport_panes (&v, panes), ==, 2);
  assert_pane (&panes[0], 500, 0, 400, 700, -300, 0);
  assert_pane (&panes[1], 0, 0, 500, 700, 0, 0);
}

/* Panes tile the view: every pixel is drawn once. */
static void
test_panes_tile (void)
{
  const double scrolls[][2] = { { 0, 0 }, { 0, 13 }, { 0, 15 }, { 1, 0 }, { 120, 700 } };

  for (guint i = 0; i < G_N_ELEMENTS (scrolls); i++)
    {
      AppGanttViewport v = viewport_at (scrolls[i][0], scrolls[i][1]);
      AppGanttPane panes[APP_GANTT_MAX_PANES];
      guint n = app_gantt_viewport_panes (&v, panes);
      double area = 0;

      for (guint p = 0; p < n; p++)
        area += panes[p].width * panes[p].height;
      g_assert_cmpfloat (area, ==, v.width * v.height);
    }
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gantt-view/panes/top", test_panes_top);
  g_test_add_func ("/gantt-view/panes/scrolled-down", test_panes_scrolled_down);
  g_test_add_func ("/gantt-view/panes/scrolled-both", test_panes_scrolled_both);
  g_test_add_func ("/gantt-view/panes/tile", test_panes_tile);
  return g_test_run ();
}
