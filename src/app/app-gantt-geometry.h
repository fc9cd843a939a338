/* app-gantt-geometry.h — what a scrolled Gantt view draws where: the moving rows, the frozen
 * header and name columns (no GTK)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * AppGanttViewport:
 * @width: the view's allocation
 * @height: likewise
 * @header_top: where the chart's two header rows begin, in chart coordinates
 * @header_bottom: where they end
 * @left_width: the chart's columns left of the months (number, name, owner, budget)
 * @scroll_x: the adjustments' values, whole pixels
 * @scroll_y: likewise
 */
typedef struct
{
  double width, height;
  double header_top, header_bottom;
  double left_width;
  double scroll_x, scroll_y;
} AppGanttViewport;

/**
 * AppGanttPane:
 * @x: the part of the view the pane covers (its clip)
 * @y: likewise
 * @width: likewise
 * @height: likewise
 * @dx: a chart point (cx, cy) shows at (cx + @dx, cy + @dy) in the view
 * @dy: likewise
 */
typedef struct
{
  double x, y, width, height;
  double dx, dy;
} AppGanttPane;

#define APP_GANTT_MAX_PANES 4

/* Where the header rows show in the view: in place, or stuck to the top once scrolled past. */
double app_gantt_viewport_header_y (const AppGanttViewport *viewport);

/**
 * app_gantt_viewport_panes:
 * @panes: (out caller-allocates) (array fixed-size=4): filled from the first
 *
 * The body (everything scrolling both ways), then, only while scrolled past them, the header
 * rows frozen at the top, the left columns frozen at the left, and their corner, in drawing
 * order. Panes never overlap, so each pixel is drawn once.
 *
 * Returns: how many panes were filled, 1 to 4
 */
guint app_gantt_viewport_panes (const AppGanttViewport *viewport,
                                AppGanttPane panes[APP_GANTT_MAX_PANES]);

/* The span of the chart, from its top, that the body pane shows rows in: below a frozen
 * header, down to the view's bottom. */
void app_gantt_viewport_body_span (const AppGanttViewport *viewport, double *y0, double *y1);

G_END_DECLS
