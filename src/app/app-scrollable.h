/* app-scrollable.h — the GtkScrollable plumbing the custom views share: adjustments that
 * redraw the view, the four overridden properties, an adjustment fitted to content and page
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/**
 * AppScrollable:
 * @hadjustment: (owned): never %NULL once app_scrollable_init() ran
 * @vadjustment: (owned): likewise
 *
 * Lives in the widget's instance struct; the widget owns it.
 */
typedef struct
{
  GtkWidget *widget;
  GCallback value_changed;
  GtkAdjustment *hadjustment, *vadjustment;
  GtkScrollablePolicy hscroll_policy, vscroll_policy;
} AppScrollable;

/* The property ids app_scrollable_override_properties() installs, from @first on. */
enum
{
  APP_SCROLLABLE_PROP_HADJUSTMENT,
  APP_SCROLLABLE_PROP_VADJUSTMENT,
  APP_SCROLLABLE_PROP_HSCROLL_POLICY,
  APP_SCROLLABLE_PROP_VSCROLL_POLICY,
  APP_SCROLLABLE_N_PROPS,
};

/* Overrides GtkScrollable's four properties as ids @first … @first + 3. */
void app_scrollable_override_properties (GObjectClass *klass, guint first);

/* @value_changed runs with @widget as its only argument when either adjustment moves; each
 * move also queues a draw. Sets empty adjustments until a GtkScrolledWindow gives its own. */
void app_scrollable_init (AppScrollable *self, GtkWidget *widget, GCallback value_changed);
/* Disconnects and drops both adjustments (from dispose). */
void app_scrollable_clear (AppScrollable *self);

/* Handle @prop_id when it is one of the four (@first as given to
 * app_scrollable_override_properties()); FALSE for any other. */
gboolean
app_scrollable_get_property (AppScrollable *self, guint prop_id, guint first, GValue *value);
gboolean app_scrollable_set_property (
  AppScrollable *self, guint prop_id, guint first, const GValue *value, GParamSpec *pspec);

/* Fits @adjustment to content @upper long seen through a page of @page, keeping its value
 * where it can: the value is clamped to [0, upper − page]. */
void app_scrollable_configure (GtkAdjustment *adjustment, double upper, double page, double step);

G_END_DECLS
