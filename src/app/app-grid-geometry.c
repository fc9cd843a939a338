/* app-grid-geometry.c — where the plan grid's columns, rows, headers and cells lie (no GTK)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-grid-geometry"

#include "app-grid-geometry.h"

#include <math.h>

struct _AppGridRows
{
  GArray *offsets; /* double, n_rows + 1: offsets[i] is the top of row i, the last the total */
};

/* ------------------------------------------------------------------ columns */

gboolean
app_grid_column_is_frozen (guint column)
{
  return column == APP_PLAN_GRID_COLUMN_NUMBER || column == APP_PLAN_GRID_COLUMN_NAME;
}

int
app_grid_column_to_month (guint column)
{
  if (column < APP_PLAN_GRID_COLUMN_FIRST_MONTH || column >= APP_PLAN_GRID_COLUMN_OUTPUT)
    return -1;
  return (int)(column - APP_PLAN_GRID_COLUMN_FIRST_MONTH);
}

guint
app_grid_month_to_column (guint month)
{
  g_return_val_if_fail (month < PHAEN_MAX_MONTHS, APP_PLAN_GRID_COLUMN_FIRST_MONTH);
  return APP_PLAN_GRID_COLUMN_FIRST_MONTH + month;
}

gboolean
app_grid_column_is_present (const AppGridColumns *columns, guint column)
{
  int month = app_grid_column_to_month (column);

  if (column >= APP_PLAN_GRID_N_COLUMNS)
    return FALSE;
  /* A plan without types (every plan but the 12-item one) has no ประเภท column. */
  if (column == APP_PLAN_GRID_COLUMN_CATEGORY)
    return columns->width[column] > 0;
  return month < 0 || (guint)month < columns->n_months;
}

void
app_grid_columns_init (AppGridColumns *columns, guint n_months, const AppGridWidths *widths)
{
  double x = 0;

  g_return_if_fail (n_months <= PHAEN_MAX_MONTHS);

  columns->n_months = n_months;
  for (guint c = 0; c < APP_PLAN_GRID_N_COLUMNS; c++)
    {
      double w = 0;

      if (c == APP_PLAN_GRID_COLUMN_NUMBER)
        w = widths->number;
      else if (c == APP_PLAN_GRID_COLUMN_NAME)
        w = widths->name;
      else if (c == APP_PLAN_GRID_COLUMN_CATEGORY)
        w = widths->category;
      else if (c == APP_PLAN_GRID_COLUMN_OWNER)
        w = widths->owner;
      else if (c == APP_PLAN_GRID_COLUMN_BUDGET)
        w = widths->budget;
      else if (c == APP_PLAN_GRID_COLUMN_OUTPUT)
        w = widths->output;
      else if (app_grid_column_is_present (columns, c))
        w = widths->month;

      columns->x[c] = x;
      columns->width[c] = w;
      x += w;
      if (c == APP_PLAN_GRID_COLUMN_NAME)
        columns->frozen_width = x;
    }
  columns->total_width = x;
}

int
app_grid_columns_step (const AppGridColumns *columns, guint column, int delta)
{
  int c = (int)column;
  int dir = delta < 0 ? -1 : 1;
  int steps = ABS (delta);

  while (steps > 0)
    {
      c += dir;
      if (c < 0 || c >= APP_PLAN_GRID_N_COLUMNS)
        return -1;
      if (app_grid_column_is_present (columns, (guint)c))
        steps--;
    }
  return c;
}

double
app_grid_columns_scroll_width (const AppGridColumns *columns)
{
  return columns->total_width - columns->frozen_width;
}

/* ------------------------------------------------------------------ rows */

AppGridRows *
app_grid_rows_new (void)
{
  AppGridRows *rows = g_new0 (AppGridRows, 1);
  double zero = 0;

  rows->offsets = g_array_new (FALSE, FALSE, sizeof (double));
  g_array_append_val (rows->offsets, zero);
  return rows;
}

void
app_grid_rows_free (AppGridRows *rows)
{
  if (rows == NULL)
    return;
  g_array_unref (rows->offsets);
  g_free (rows);
}

void
app_grid_rows_set_heights (AppGridRows *rows, const double *heights, guint n_rows)
{
  double y = 0;

  g_array_set_size (rows->offsets, n_rows + 1);
  for (guint i = 0; i < n_rows; i++)
    {
      g_array_index (rows->offsets, double, i) = y;
      y += MAX (heights[i], 0);
    }
  g_array_index (rows->offsets, double, n_rows) = y;
}

void
app_grid_rows_set_height (AppGridRows *rows, guint row, double height)
{
  double delta;

  g_return_if_fail (row < app_grid_rows_get_n_rows (rows));

  delta = MAX (height, 0) - app_grid_rows_get_height (rows, row);
  for (guint i = row + 1; i < rows->offsets->len; i++)
    g_array_index (rows->offsets, double, i) += delta;
}

guint
app_grid_rows_get_n_rows (const AppGridRows *rows)
{
  return rows->offsets->len - 1;
}

double
app_grid_rows_get_y (const AppGridRows *rows, guint row)
{
  g_return_val_if_fail (row < rows->offsets->len, 0);
  return g_array_index (rows->offsets, double, row);
}

double
app_grid_rows_get_height (const AppGridRows *rows, guint row)
{
  g_return_val_if_fail (row + 1 < rows->offsets->len, 0);
  return g_array_index (rows->offsets, double, row + 1) -
         g_array_index (rows->offsets, double, row);
}

double
app_grid_rows_get_total (const AppGridRows *rows)
{
  return g_array_index (rows->offsets, double, rows->offsets->len - 1);
}

/* The last row whose top is at or above y (binary search over the prefix sums). */
static guint
row_floor (const AppGridRows *rows, double y)
{
  guint lo = 0, hi = app_grid_rows_get_n_rows (rows);

  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (rows->offsets, double, mid) <= y)
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

int
app_grid_rows_at (const AppGridRows *rows, double y)
{
  guint n = app_grid_rows_get_n_rows (rows);

  if (n == 0 || y < 0 || y >= app_grid_rows_get_total (rows))
    return -1;
  return (int)row_floor (rows, y);
}

void
app_grid_rows_visible_range (
  const AppGridRows *rows, double scroll_y, double page_height, guint *first, guint *end)
{
  guint n = app_grid_rows_get_n_rows (rows);
  double bottom = scroll_y + page_height;
  guint last;

  if (n == 0 || page_height <= 0 || scroll_y >= app_grid_rows_get_total (rows) || bottom <= 0)
    {
      *first = *end = 0;
      return;
    }
  *first = row_floor (rows, MAX (scroll_y, 0));
  last = row_floor (rows, bottom);
  /* A row starting exactly at the bottom edge is not shown. */
  if (last > *first && g_array_index (rows->offsets, double, last) >= bottom)
    last--;
  *end = last + 1;
}

double
app_grid_scroll_to_show (double start, double size, double scroll, double page)
{
  if (page <= 0)
    return start;
  if (start < scroll || size >= page)
    return start;
  if (start + size > scroll + page)
    return start + size - page;
  return scroll;
}

/* ------------------------------------------------------------------ view */

double
app_grid_view_body_height (const AppGridView *view)
{
  return MAX (view->height - view->header_height - view->footer_height, 0);
}

double
app_grid_view_footer_y (const AppGridView *view, const AppGridRows *rows)
{
  double after_rows = view->header_height + app_grid_rows_get_total (rows) - view->scroll_y;

  return MAX (view->header_height, MIN (after_rows, view->height - view->footer_height));
}

double
app_grid_view_column_x (const AppGridView *view, const AppGridColumns *columns, guint column)
{
  g_return_val_if_fail (column < APP_PLAN_GRID_N_COLUMNS, 0);

  if (app_grid_column_is_frozen (column))
    return columns->x[column];
  return columns->x[column] - view->scroll_x;
}

double
app_grid_view_row_y (const AppGridView *view, const AppGridRows *rows, guint row)
{
  return view->header_height + app_grid_rows_get_y (rows, row) - view->scroll_y;
}

static int
column_at (const AppGridColumns *columns, const AppGridView *view, double x)
{
  double cx;

  if (x < 0)
    return -1;
  if (x < columns->frozen_width)
    return x < columns->x[APP_PLAN_GRID_COLUMN_NAME] ? APP_PLAN_GRID_COLUMN_NUMBER
                                                     : APP_PLAN_GRID_COLUMN_NAME;
  cx = x + view->scroll_x;
  for (guint c = APP_PLAN_GRID_COLUMN_NAME + 1; c < APP_PLAN_GRID_N_COLUMNS; c++)
    {
      if (columns->width[c] > 0 && cx >= columns->x[c] && cx < columns->x[c] + columns->width[c])
        return (int)c;
    }
  return -1;
}

AppGridHit
app_grid_hit_test (const AppGridColumns *columns,
                   const AppGridRows *rows,
                   const AppGridView *view,
                   double x,
                   double y)
{
  AppGridHit hit = { APP_GRID_AREA_NONE, -1, -1 };
  double footer_y = app_grid_view_footer_y (view, rows);

  if (x < 0 || x >= view->width || y < 0 || y >= view->height)
    return hit;
  hit.column = column_at (columns, view, x);
  if (y < view->header_height)
    hit.area = APP_GRID_AREA_HEADER;
  else if (y < footer_y)
    {
      hit.row = app_grid_rows_at (rows, y - view->header_height + view->scroll_y);
      if (hit.row >= 0)
        hit.area = APP_GRID_AREA_BODY;
    }
  else if (y < footer_y + view->footer_height)
    hit.area = APP_GRID_AREA_FOOTER;
  if (hit.area == APP_GRID_AREA_NONE)
    hit.column = -1;
  return hit;
}

AppGridRect
app_grid_cell_rect (const AppGridColumns *columns,
                    const AppGridRows *rows,
                    const AppGridView *view,
                    guint row,
                    guint column)
{
  AppGridRect rect = { 0, 0, 0, 0 };

  g_return_val_if_fail (column < APP_PLAN_GRID_N_COLUMNS, rect);
  g_return_val_if_fail (row < app_grid_rows_get_n_rows (rows), rect);

  rect.x = app_grid_view_column_x (view, columns, column);
  rect.width = columns->width[column];
  rect.y = app_grid_view_row_y (view, rows, row);
  rect.height = app_grid_rows_get_height (rows, row);
  return rect;
}

guint
app_grid_month_at_x (const AppGridColumns *columns, const AppGridView *view, double x)
{
  double first = columns->x[APP_PLAN_GRID_COLUMN_FIRST_MONTH];
  double width = columns->width[APP_PLAN_GRID_COLUMN_FIRST_MONTH];
  double cx = MAX (x, columns->frozen_width) + view->scroll_x;
  double m;

  if (columns->n_months == 0 || width <= 0)
    return 0;
  m = floor ((cx - first) / width);
  return (guint)CLAMP (m, 0, (double)columns->n_months - 1);
}
