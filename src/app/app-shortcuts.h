/* app-shortcuts.h — every key binding of Phaen in one table: it installs them and lists them
 * in the shortcuts window (Ctrl+?)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct
{
  /* Who handles the keys: "app" (gtk_application_set_accels_for_action), the name of a widget
   * class (a binding of that class, installed by app_shortcuts_add_bindings() in its
   * class_init), or "keys" (handled by a key controller, listed only). */
  const char *scope;
  const char *action;  /* "app.new", "grid.edit"; NULL for "keys" */
  const char *accels;  /* gtk_accelerator_parse() syntax, several separated by spaces */
  const char *section; /* N_() group title in the shortcuts window */
  const char *title;   /* N_() what the keys do; NULL: an alternative of the row above, unlisted */
} AppShortcut;

/* (transfer none) the table, @n_shortcuts rows */
const AppShortcut *app_shortcuts_get (guint *n_shortcuts);
/* Sets the accelerators of every "app" row on @app. */
void app_shortcuts_install (GtkApplication *app);
/* Adds a binding for every row whose scope is the name of @widget_class. */
void app_shortcuts_add_bindings (GtkWidgetClass *widget_class);
/* The GtkBuilder description of the shortcuts window in the current language. (transfer full) */
char *app_shortcuts_window_ui (void);
/* A new GtkShortcutsWindow transient for @parent, in the current language; GTK owns it, as any
 * toplevel. (transfer none) */
GtkWindow *app_shortcuts_window_new (GtkWindow *parent);

G_END_DECLS
