/* app-help-window.c — the built-in help: how to plan a year and how to report each quarter
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-help"

#include "config.h"

#include "app-help-window.h"

struct _AppHelpWindow
{
  AdwWindow parent_instance;
};

G_DEFINE_FINAL_TYPE (AppHelpWindow, app_help_window, ADW_TYPE_WINDOW)

/* ------------------------------------------------------------------ class */

static void
app_help_window_class_init (AppHelpWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/phaen/Phaen/ui/app-help-window.ui");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
app_help_window_init (AppHelpWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* ------------------------------------------------------------------ public API */

GtkWindow *
app_help_window_new (GtkWindow *parent)
{
  return g_object_new (APP_TYPE_HELP_WINDOW, "transient-for", parent, NULL);
}
