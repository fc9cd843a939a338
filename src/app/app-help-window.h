/* app-help-window.h — the built-in help: how to plan a year and how to report each quarter
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define APP_TYPE_HELP_WINDOW (app_help_window_get_type ())
G_DECLARE_FINAL_TYPE (AppHelpWindow, app_help_window, APP, HELP_WINDOW, AdwWindow)

/* A help window in the current language, transient for @parent (nullable). (transfer none) */
GtkWindow *app_help_window_new (GtkWindow *parent);

G_END_DECLS
