/* app-grid-geometry.h — where the plan grid's columns, rows, headers and cells lie (no GTK)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "phaen-model.h"

G_BEGIN_DECLS

/**
 * AppPlanGridColumn:
 * @APP_PLAN_GRID_COLUMN_NUMBER: hierarchy number (1, 1.1, …); not editable; Tab here indents
 * @APP_PLAN_GRID_COLUMN_NAME: กิจกรรม / เรื่องที่ดำเนินการ
 * @APP_PLAN_GRID_COLUMN_CATEGORY: ประเภท 0–5; present only when its width is above 0 (the
 *   12-item efficiency plan)
 * @APP_PLAN_GRID_COLUMN_OWNER: ผู้รับผิดชอบ
 * @APP_PLAN_GRID_COLUMN_BUDGET: งบประมาณ
 * @APP_PLAN_GRID_COLUMN_FIRST_MONTH: fiscal month m is column FIRST_MONTH + m; only the plan's
 *   12 + extra_months month columns are present, the rest of the range is skipped
 * @APP_PLAN_GRID_COLUMN_OUTPUT: ผลผลิต
 *
 * Column numbers are stable whatever the plan's length, so OUTPUT is the same for every plan.
 */
typedef enum
{
  APP_PLAN_GRID_COLUMN_NUMBER = 0,
  APP_PLAN_GRID_COLUMN_NAME,
  APP_PLAN_GRID_COLUMN_CATEGORY,
  APP_PLAN_GRID_COLUMN_OWNER,
  APP_PLAN_GRID_COLUMN_BUDGET,
  APP_PLAN_GRID_COLUMN_FIRST_MONTH,
  APP_PLAN_GRID_COLUMN_OUTPUT = APP_PLAN_GRID_COLUMN_FIRST_MONTH + PHAEN_MAX_MONTHS,
  APP_PLAN_GRID_N_COLUMNS,
} AppPlanGridColumn;

/* Widths in pixels that the widget measures from its font. */
typedef struct
{
  double number, name, category, owner, budget, month, output;
} AppGridWidths;

/* Column positions in content coordinates. The number and name columns are frozen: they stay at
 * the left edge while the others scroll under them. An absent column has width 0. */
typedef struct
{
  guint n_months;
  double x[APP_PLAN_GRID_N_COLUMNS];
  double width[APP_PLAN_GRID_N_COLUMNS];
  double frozen_width;
  double total_width;
} AppGridColumns;

void app_grid_columns_init (AppGridColumns *columns, guint n_months, const AppGridWidths *widths);
gboolean app_grid_column_is_present (const AppGridColumns *columns, guint column);
gboolean app_grid_column_is_frozen (guint column);
/* The fiscal month index of a month column, or -1 for any other column. */
int app_grid_column_to_month (guint column);
guint app_grid_month_to_column (guint month);
/* The next present column @delta steps away (negative goes left), or -1 past either end. */
int app_grid_columns_step (const AppGridColumns *columns, guint column, int delta);
/* Widths of the scrolling part: the hadjustment's upper bound. */
double app_grid_columns_scroll_width (const AppGridColumns *columns);

/* Row tops from row heights (prefix sums), in content coordinates of the body. */
typedef struct _AppGridRows AppGridRows;

AppGridRows *app_grid_rows_new (void);
void app_grid_rows_free (AppGridRows *rows);
void app_grid_rows_set_heights (AppGridRows *rows, const double *heights, guint n_rows);
void app_grid_rows_set_height (AppGridRows *rows, guint row, double height);
guint app_grid_rows_get_n_rows (const AppGridRows *rows);
/* The top of @row; @row == n_rows gives the total height. */
double app_grid_rows_get_y (const AppGridRows *rows, guint row);
double app_grid_rows_get_height (const AppGridRows *rows, guint row);
double app_grid_rows_get_total (const AppGridRows *rows);
/* The row at content y, or -1 above the first or below the last. */
int app_grid_rows_at (const AppGridRows *rows, double y);
/* Rows [*first, *end) that a page of @page_height at @scroll_y shows, even partly. */
void app_grid_rows_visible_range (
  const AppGridRows *rows, double scroll_y, double page_height, guint *first, guint *end);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AppGridRows, app_grid_rows_free)

/* The scroll value that brings [start, start + size) into a page of @page at @scroll, moving as
 * little as possible; the start wins when the span is larger than the page. */
double app_grid_scroll_to_show (double start, double size, double scroll, double page);

/* The widget's allocation and scroll offsets. The header rows stick to the top; the footer
 * follows the last row but sticks to the bottom once the rows fill the page. */
typedef struct
{
  double width, height;
  double header_height, footer_height;
  double scroll_x, scroll_y;
} AppGridView;

typedef enum
{
  APP_GRID_AREA_NONE,
  APP_GRID_AREA_HEADER,
  APP_GRID_AREA_BODY,
  APP_GRID_AREA_FOOTER,
} AppGridArea;

typedef struct
{
  AppGridArea area;
  int row;    /* in the body, else -1 */
  int column; /* -1 beyond the last column */
} AppGridHit;

typedef struct
{
  double x, y, width, height;
} AppGridRect;

double app_grid_view_body_height (const AppGridView *view);
double app_grid_view_footer_y (const AppGridView *view, const AppGridRows *rows);
/* Column left edge in view coordinates: frozen columns ignore scroll_x. */
double
app_grid_view_column_x (const AppGridView *view, const AppGridColumns *columns, guint column);
double app_grid_view_row_y (const AppGridView *view, const AppGridRows *rows, guint row);
AppGridHit app_grid_hit_test (const AppGridColumns *columns,
                              const AppGridRows *rows,
                              const AppGridView *view,
                              double x,
                              double y);
/* The cell in view coordinates, unclipped: it may lie partly under the header or the frozen
 * columns. */
AppGridRect app_grid_cell_rect (const AppGridColumns *columns,
                                const AppGridRows *rows,
                                const AppGridView *view,
                                guint row,
                                guint column);
/* The month under view x while dragging, clamped to the plan's months. */
guint app_grid_month_at_x (const AppGridColumns *columns, const AppGridView *view, double x);

G_END_DECLS
