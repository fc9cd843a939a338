/* app-gantt-view.c — the plan's Gantt chart as the chart engine draws it, redrawn on each edit
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-gantt-view"

#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "app-gantt-view.h"
#include "phaen-error.h"

/* Blank space around the chart, in pixels. */
#define MARGIN 12

struct _AppGanttView
{
  GtkWidget parent_instance;

  PhaenStore *store;
  gint64 plan_id;
  PhaenGantt *chart;
};

G_DEFINE_FINAL_TYPE (AppGanttView, app_gantt_view, GTK_TYPE_WIDGET)

/* ------------------------------------------------------------------ helpers */

static void
apply_style (AppGanttView *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  if (self->chart == NULL)
    return;
  phaen_gantt_set_style (self->chart, phaen_chart_style_get (adw_style_manager_get_dark (manager)
                                                               ? PHAEN_CHART_THEME_DARK
                                                               : PHAEN_CHART_THEME_LIGHT));
}

static void
rebuild (AppGanttView *self)
{
  g_autoptr (GError) error = NULL;

  g_clear_pointer (&self->chart, phaen_gantt_free);
  if (self->store != NULL && self->plan_id != 0)
    {
      self->chart = phaen_gantt_new (self->store, self->plan_id, &error);
      /* NOT_FOUND: the plan went away with an undo; the window moves elsewhere. */
      if (self->chart == NULL && !g_error_matches (error, PHAEN_ERROR, PHAEN_ERROR_NOT_FOUND))
        g_warning ("The Gantt chart could not be made: %s", error->message);
    }
  if (self->chart != NULL)
    phaen_gantt_set_show_title (self->chart, FALSE); /* the window's header names the plan */
  apply_style (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* ------------------------------------------------------------------ callbacks */

static void
dark_changed_cb (AppGanttView *self)
{
  apply_style (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ------------------------------------------------------------------ overrides */

static GtkSizeRequestMode
app_gantt_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
app_gantt_view_measure (GtkWidget *widget,
                        GtkOrientation orientation,
                        int for_size,
                        int *minimum,
                        int *natural,
                        int *minimum_baseline,
                        int *natural_baseline)
{
  AppGanttView *self = APP_GANTT_VIEW (widget);

  if (self->chart == NULL)
    {
      *minimum = *natural = 0;
      return;
    }
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = *natural = (int)ceil (phaen_gantt_get_min_width (self->chart)) + 2 * MARGIN;
    }
  else
    {
      double width = for_size > 0 ? for_size - 2 * MARGIN : phaen_gantt_get_min_width (self->chart);

      *minimum = *natural =
        (int)ceil (phaen_gantt_get_height_for_width (self->chart, width)) + 2 * MARGIN;
    }
}

static void
app_gantt_view_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  AppGanttView *self = APP_GANTT_VIEW (widget);
  double width = gtk_widget_get_width (widget) - 2 * MARGIN;
  double height;
  cairo_t *cr;

  if (self->chart == NULL || width <= 0)
    return;
  height = phaen_gantt_get_height_for_width (self->chart, width);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (MARGIN, MARGIN, width, height));
  cairo_translate (cr, MARGIN, MARGIN);
  phaen_gantt_draw (self->chart, cr, width);
  cairo_destroy (cr);
}

static void
app_gantt_view_dispose (GObject *object)
{
  AppGanttView *self = APP_GANTT_VIEW (object);

  app_gantt_view_set_plan (self, NULL, 0);
  G_OBJECT_CLASS (app_gantt_view_parent_class)->dispose (object);
}

static void
app_gantt_view_class_init (AppGanttViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = app_gantt_view_dispose;
  widget_class->get_request_mode = app_gantt_view_get_request_mode;
  widget_class->measure = app_gantt_view_measure;
  widget_class->snapshot = app_gantt_view_snapshot;
  gtk_widget_class_set_css_name (widget_class, "ganttview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
app_gantt_view_init (AppGanttView *self)
{
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
}

/* ------------------------------------------------------------------ public API */

GtkWidget *
app_gantt_view_new (void)
{
  return g_object_new (APP_TYPE_GANTT_VIEW, NULL);
}

void
app_gantt_view_set_plan (AppGanttView *self, PhaenStore *store, gint64 plan_id)
{
  g_return_if_fail (APP_IS_GANTT_VIEW (self));
  g_return_if_fail (store == NULL || PHAEN_IS_STORE (store));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  self->plan_id = store != NULL ? plan_id : 0;
  if (store != NULL)
    g_signal_connect_object (store, "changed", G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
  rebuild (self);
}

PhaenGantt *
app_gantt_view_get_chart (AppGanttView *self)
{
  g_return_val_if_fail (APP_IS_GANTT_VIEW (self), NULL);

  return self->chart;
}
