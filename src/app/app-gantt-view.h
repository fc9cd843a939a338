/* app-gantt-view.h — the plan's Gantt chart as the chart engine draws it, redrawn on each edit;
 * a GtkScrollable for a GtkScrolledWindow, drawing only its viewport
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "app-gantt-geometry.h"
#include "phaen-chart-gantt.h"
#include "phaen-store.h"

G_BEGIN_DECLS

#define APP_TYPE_GANTT_VIEW (app_gantt_view_get_type ())
G_DECLARE_FINAL_TYPE (AppGanttView, app_gantt_view, APP, GANTT_VIEW, GtkWidget)

GtkWidget *app_gantt_view_new (void);

/* Charts @plan_id of @store and follows its "changed" signal; @store NULL clears. */
void app_gantt_view_set_plan (AppGanttView *self, PhaenStore *store, gint64 plan_id);

/* The chart on show, rebuilt after every change of the store. Returns: (transfer none) (nullable)
 */
PhaenGantt *app_gantt_view_get_chart (AppGanttView *self);

/* The width the chart is drawn at: the view's, or the chart's minimum when narrower (the
 * months then scroll). 0 without a chart. */
double app_gantt_view_get_chart_width (AppGanttView *self);
/* The panes the next frame draws, from the allocation and the adjustments (see
 * app_gantt_viewport_panes()). Needs a chart. */
guint app_gantt_view_get_viewport_panes (AppGanttView *self,
                                         AppGanttPane panes[APP_GANTT_MAX_PANES]);

G_END_DECLS
