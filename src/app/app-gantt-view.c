/* app-gantt-view.c — the plan's Gantt chart as the chart engine draws it, redrawn on each edit;
 * a scrollable view that draws only what its viewport shows, header and names frozen
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-gantt-view"

#include "config.h"

#include <glib/gi18n.h>

#include <adwaita.h>
#include <math.h>

#include "app-gantt-geometry.h"
#include "app-gantt-view.h"
#include "app-page-refresh.h"
#include "app-scrollable.h"
#include "phaen-error.h"

struct _AppGanttView
{
  GtkWidget parent_instance;

  PhaenStore *store;
  gint64 plan_id;
  PhaenGantt *chart;
  AppScrollable scroll;
  gboolean in_allocate;
  AppPageRefresh *refresh; /* rebuilds on plan edits, only while the chart is on screen */
};

G_DEFINE_FINAL_TYPE_WITH_CODE (AppGanttView,
                               app_gantt_view,
                               GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

enum
{
  PROP_0,
  /* GtkScrollable's, from app_scrollable_override_properties() */
  PROP_SCROLLABLE,
};

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
    {
      g_autofree char *text = phaen_gantt_describe (self->chart);

      phaen_gantt_set_show_title (self->chart, FALSE); /* the window's header names the plan */
      /* A picture needs words: the table it draws, for a screen reader. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      text, -1);
    }
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
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

/* The chart fills the view's width down to its minimum; below, the months scroll. */
static double
chart_width (AppGanttView *self, double width)
{
  return MAX (width, phaen_gantt_get_min_width (self->chart));
}

/* Measures the rows the viewport shows. Returns: whether the chart's height changed. */
static gboolean
measure_shown (AppGanttView *self)
{
  double y = gtk_adjustment_get_value (self->scroll.vadjustment);

  return self->chart != NULL &&
         phaen_gantt_measure_rows (self->chart, app_gantt_view_get_chart_width (self), y,
                                   y + gtk_widget_get_height (GTK_WIDGET (self)));
}

/* Rows scrolled into view are measured before they are drawn; a changed height changes the
 * scroll range, which the next allocation sets. */
static void
value_changed_cb (AppGanttView *self)
{
  if (!self->in_allocate && measure_shown (self))
    gtk_widget_queue_allocate (GTK_WIDGET (self));
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

  /* The minimum stays small: the GtkScrolledWindow scrolls the rest. */
  *minimum = *natural = 0;
  if (self->chart == NULL)
    return;
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *natural = (int)ceil (phaen_gantt_get_min_width (self->chart));
  else
    *natural = (int)ceil (phaen_gantt_get_height_for_width (
      self->chart, chart_width (self, for_size > 0 ? for_size : 0)));
}

static void
app_gantt_view_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  AppGanttView *self = APP_GANTT_VIEW (widget);
  double content_width = 0, content_height = 0, step = 1;

  self->in_allocate = TRUE;
  if (self->chart != NULL)
    {
      content_width = chart_width (self, width);
      step = phaen_gantt_get_style (self->chart)->font_size * 2;
    }
  app_scrollable_configure (self->scroll.hadjustment, content_width, width, step);
  /* Measuring the rows shown changes the height, which may move the value and show other
   * rows: go on until the rows shown are measured. */
  do
    {
      if (self->chart != NULL)
        content_height = phaen_gantt_get_height_for_width (self->chart, content_width);
      app_scrollable_configure (self->scroll.vadjustment, content_height, height, step);
    }
  while (measure_shown (self));
  self->in_allocate = FALSE;
}

static void
app_gantt_view_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  AppGanttView *self = APP_GANTT_VIEW (widget);
  AppGanttPane panes[APP_GANTT_MAX_PANES];
  double width;
  guint n;

  if (self->chart == NULL || gtk_widget_get_width (widget) <= 0)
    return;
  width = app_gantt_view_get_chart_width (self);
  n = app_gantt_view_get_viewport_panes (self, panes);
  /* Each pane is a cairo node the size of its part of the viewport, whatever the plan's
   * length: the engine draws only the rows inside the clip. */
  for (guint i = 0; i < n; i++)
    {
      cairo_t *cr;

      if (panes[i].width <= 0 || panes[i].height <= 0)
        continue;
      cr = gtk_snapshot_append_cairo (
        snapshot, &GRAPHENE_RECT_INIT (panes[i].x, panes[i].y, panes[i].width, panes[i].height));
      cairo_rectangle (cr, panes[i].x, panes[i].y, panes[i].width, panes[i].height);
      cairo_clip (cr);
      cairo_translate (cr, panes[i].dx, panes[i].dy);
      phaen_gantt_draw (self->chart, cr, width);
      cairo_destroy (cr);
    }
}

static void
app_gantt_view_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  AppGanttView *self = APP_GANTT_VIEW (object);

  if (!app_scrollable_get_property (&self->scroll, prop_id, PROP_SCROLLABLE, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
app_gantt_view_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  AppGanttView *self = APP_GANTT_VIEW (object);

  if (!app_scrollable_set_property (&self->scroll, prop_id, PROP_SCROLLABLE, value, pspec))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
refresh_cb (GtkWidget *widget)
{
  rebuild (APP_GANTT_VIEW (widget));
}

static void
app_gantt_view_dispose (GObject *object)
{
  AppGanttView *self = APP_GANTT_VIEW (object);

  app_gantt_view_set_plan (self, NULL, 0);
  g_clear_pointer (&self->refresh, app_page_refresh_free);
  app_scrollable_clear (&self->scroll);
  G_OBJECT_CLASS (app_gantt_view_parent_class)->dispose (object);
}

static void
app_gantt_view_class_init (AppGanttViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = app_gantt_view_get_property;
  object_class->set_property = app_gantt_view_set_property;
  object_class->dispose = app_gantt_view_dispose;
  widget_class->measure = app_gantt_view_measure;
  widget_class->size_allocate = app_gantt_view_size_allocate;
  widget_class->snapshot = app_gantt_view_snapshot;
  gtk_widget_class_set_css_name (widget_class, "ganttview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  app_scrollable_override_properties (object_class, PROP_SCROLLABLE);
}

static void
app_gantt_view_init (AppGanttView *self)
{
  app_scrollable_init (&self->scroll, GTK_WIDGET (self), G_CALLBACK (value_changed_cb));
  self->refresh = app_page_refresh_new (GTK_WIDGET (self), PHAEN_RECORDS_ACTIVITIES, refresh_cb);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Gantt chart of the plan"), -1);
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

  g_set_object (&self->store, store);
  self->plan_id = store != NULL ? plan_id : 0;
  /* The chart is made when it is shown: the plan page opens on the grid. */
  g_clear_pointer (&self->chart, phaen_gantt_free);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  if (self->refresh != NULL)
    {
      app_page_refresh_set_store (self->refresh, store);
      app_page_refresh_queue (self->refresh);
    }
}

PhaenGantt *
app_gantt_view_get_chart (AppGanttView *self)
{
  g_return_val_if_fail (APP_IS_GANTT_VIEW (self), NULL);

  return self->chart;
}

double
app_gantt_view_get_chart_width (AppGanttView *self)
{
  g_return_val_if_fail (APP_IS_GANTT_VIEW (self), 0);

  return self->chart ? chart_width (self, gtk_widget_get_width (GTK_WIDGET (self))) : 0;
}

guint
app_gantt_view_get_viewport_panes (AppGanttView *self, AppGanttPane panes[APP_GANTT_MAX_PANES])
{
  AppGanttViewport viewport = { 0 };

  g_return_val_if_fail (APP_IS_GANTT_VIEW (self), 0);
  g_return_val_if_fail (self->chart != NULL, 0);

  viewport.width = gtk_widget_get_width (GTK_WIDGET (self));
  viewport.height = gtk_widget_get_height (GTK_WIDGET (self));
  phaen_gantt_get_frozen (self->chart, app_gantt_view_get_chart_width (self), &viewport.header_top,
                          &viewport.header_bottom, &viewport.left_width);
  viewport.scroll_x = floor (gtk_adjustment_get_value (self->scroll.hadjustment));
  viewport.scroll_y = floor (gtk_adjustment_get_value (self->scroll.vadjustment));
  return app_gantt_viewport_panes (&viewport, panes);
}
