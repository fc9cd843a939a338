/* app-gantt-geometry.c — what a scrolled Gantt view draws where (no GTK)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-gantt-geometry"

#include "config.h"

#include "app-gantt-geometry.h"

static gboolean
header_frozen (const AppGanttViewport *viewport)
{
  return viewport->scroll_y > viewport->header_top;
}

static gboolean
left_frozen (const AppGanttViewport *viewport)
{
  return viewport->scroll_x > 0 && viewport->left_width < viewport->width;
}

double
app_gantt_viewport_header_y (const AppGanttViewport *viewport)
{
  g_return_val_if_fail (viewport != NULL, 0);

  return MAX (viewport->header_top - viewport->scroll_y, 0);
}

guint
app_gantt_viewport_panes (const AppGanttViewport *viewport, AppGanttPane panes[APP_GANTT_MAX_PANES])
{
  double header_h, top, left;
  guint n = 0;

  g_return_val_if_fail (viewport != NULL && panes != NULL, 0);

  header_h = viewport->header_bottom - viewport->header_top;
  top = header_frozen (viewport) ? header_h : 0;
  left = left_frozen (viewport) ? viewport->left_width : 0;

  panes[n++] = (AppGanttPane){ left,
                               top,
                               MAX (viewport->width - left, 0),
                               MAX (viewport->height - top, 0),
                               -viewport->scroll_x,
                               -viewport->scroll_y };
  if (top > 0)
    panes[n++] = (AppGanttPane){ left,
                                 0,
                                 MAX (viewport->width - left, 0),
                                 MIN (top, viewport->height),
                                 -viewport->scroll_x,
                                 -viewport->header_top };
  if (left > 0)
    panes[n++] =
      (AppGanttPane){ 0, top, left, MAX (viewport->height - top, 0), 0, -viewport->scroll_y };
  if (top > 0 && left > 0)
    panes[n++] =
      (AppGanttPane){ 0, 0, left, MIN (top, viewport->height), 0, -viewport->header_top };
  g_assert (n <= APP_GANTT_MAX_PANES);
  return n;
}

void
app_gantt_viewport_body_span (const AppGanttViewport *viewport, double *y0, double *y1)
{
  g_return_if_fail (viewport != NULL && y0 != NULL && y1 != NULL);

  *y0 = viewport->scroll_y +
        (header_frozen (viewport) ? viewport->header_bottom - viewport->header_top : 0);
  *y1 = viewport->scroll_y + viewport->height;
}
