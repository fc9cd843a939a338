/* app-scrollable.c — the GtkScrollable plumbing the custom views share
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-scrollable"

#include "config.h"

#include "app-scrollable.h"

/* ------------------------------------------------------------------ helpers */

static void
value_changed_cb (AppScrollable *self)
{
  if (self->value_changed)
    ((void (*) (GtkWidget *))self->value_changed) (self->widget);
  gtk_widget_queue_draw (self->widget);
}

static void
drop_adjustment (AppScrollable *self, GtkAdjustment **slot)
{
  if (*slot == NULL)
    return;
  g_signal_handlers_disconnect_by_func (*slot, value_changed_cb, self);
  g_clear_object (slot);
}

static void
set_adjustment (AppScrollable *self, GtkAdjustment **slot, GtkAdjustment *adjustment)
{
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  if (*slot == adjustment)
    return;
  drop_adjustment (self, slot);
  *slot = g_object_ref_sink (adjustment);
  g_signal_connect_swapped (adjustment, "value-changed", G_CALLBACK (value_changed_cb), self);
  gtk_widget_queue_allocate (self->widget);
}

static void
set_policy (AppScrollable *self, GtkScrollablePolicy *slot, const GValue *value, GParamSpec *pspec)
{
  GtkScrollablePolicy policy = g_value_get_enum (value);

  if (*slot == policy)
    return;
  *slot = policy;
  gtk_widget_queue_resize (self->widget);
  g_object_notify_by_pspec (G_OBJECT (self->widget), pspec);
}

/* ------------------------------------------------------------------ public API */

void
app_scrollable_override_properties (GObjectClass *klass, guint first)
{
  g_object_class_override_property (klass, first + APP_SCROLLABLE_PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (klass, first + APP_SCROLLABLE_PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (klass, first + APP_SCROLLABLE_PROP_HSCROLL_POLICY,
                                    "hscroll-policy");
  g_object_class_override_property (klass, first + APP_SCROLLABLE_PROP_VSCROLL_POLICY,
                                    "vscroll-policy");
}

void
app_scrollable_init (AppScrollable *self, GtkWidget *widget, GCallback value_changed)
{
  g_return_if_fail (GTK_IS_SCROLLABLE (widget));

  self->widget = widget;
  self->value_changed = value_changed;
  set_adjustment (self, &self->hadjustment, NULL);
  set_adjustment (self, &self->vadjustment, NULL);
}

void
app_scrollable_clear (AppScrollable *self)
{
  drop_adjustment (self, &self->hadjustment);
  drop_adjustment (self, &self->vadjustment);
}

gboolean
app_scrollable_get_property (AppScrollable *self, guint prop_id, guint first, GValue *value)
{
  switch (prop_id - first)
    {
    case APP_SCROLLABLE_PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      return TRUE;
    case APP_SCROLLABLE_PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      return TRUE;
    case APP_SCROLLABLE_PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      return TRUE;
    case APP_SCROLLABLE_PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      return TRUE;
    default:
      return FALSE;
    }
}

gboolean
app_scrollable_set_property (
  AppScrollable *self, guint prop_id, guint first, const GValue *value, GParamSpec *pspec)
{
  switch (prop_id - first)
    {
    case APP_SCROLLABLE_PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      return TRUE;
    case APP_SCROLLABLE_PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      return TRUE;
    case APP_SCROLLABLE_PROP_HSCROLL_POLICY:
      set_policy (self, &self->hscroll_policy, value, pspec);
      return TRUE;
    case APP_SCROLLABLE_PROP_VSCROLL_POLICY:
      set_policy (self, &self->vscroll_policy, value, pspec);
      return TRUE;
    default:
      return FALSE;
    }
}

void
app_scrollable_configure (GtkAdjustment *adjustment, double upper, double page, double step)
{
  g_return_if_fail (GTK_IS_ADJUSTMENT (adjustment));

  upper = MAX (upper, 0);
  page = MAX (page, 0);
  gtk_adjustment_configure (adjustment,
                            CLAMP (gtk_adjustment_get_value (adjustment), 0, MAX (upper - page, 0)),
                            0, upper, step, page * 0.9, page);
}
