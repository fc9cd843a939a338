/* app-test-util.h — what the window tests share: a display, a sample workspace of their own, the
 * main loop run until something happened, widgets found in the window
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "app-application.h"
#include "app-window.h"
#include "test-util.h"

G_BEGIN_DECLS

/* Sets up i18n, GTK, the test framework and libadwaita for a window test. FALSE, with the TAP
 * line for "skipped" printed, when there is no display: main() then returns 0. */
gboolean app_test_init (int *argc, char ***argv);

/* Runs the main loop until @done says so, for at most ten seconds. */
gboolean wait_until (gboolean (*done) (gpointer data), gpointer data);
/* Runs the main loop until nothing is pending; asserts that happens within ten seconds. */
void settle (void);

/* A copy of the sample workspace (data/sample) in a new temporary folder named after
 * @dir_template; @path is set to the workspace (transfer full).
 * Returns: (transfer full): the folder, for app_test_sample_remove(). */
char *app_test_sample_new (const char *dir_template, char **path);
/* Removes the folder with every file in it, and frees and clears both strings. */
void app_test_sample_remove (char **dir, char **path);

/* A new application, registered and not unique, and its window, not yet presented.
 * Returns: (transfer full): the window; @app is set (transfer full). */
AppWindow *app_test_window_new (AppApplication **app);
/* app_test_window_new(), at @width × @height when they are not 0, presented and settled. */
AppWindow *app_test_window_present (AppApplication **app, int width, int height);
/* Destroys the window (if any) and lets it go, then the application; clears both. */
void app_test_window_close (AppWindow **window, AppApplication **app);
/* Opens @path in @window and waits until its workspace is open. */
void app_test_open (AppWindow *window, const char *path);

/* The message dialog on top of @window, if any. (transfer none) */
AdwMessageDialog *find_dialog (AppWindow *window);
/* find_dialog() != NULL, for wait_until(). */
gboolean has_dialog (gpointer window);
/* Adds the widgets of @type under @root to @found, depth first. */
void collect_widgets (GtkWidget *root, GType type, GPtrArray *found);
/* The first widget of @type under @root (itself included), depth first, or NULL. */
gpointer find_widget (GtkWidget *root, GType type);
/* The one widget of @type in @window: asserts there is exactly one. */
gpointer find_only_widget (AppWindow *window, GType type);
/* What Enter does in an entry: its text widget activates, and the entry with it. */
void press_enter (GtkEditable *entry);
/* Renders @window as it is on screen and saves it as @name beside the test's build files.
 * (transfer full) */
GdkTexture *app_test_screenshot (GtkWidget *window, const char *name);

G_END_DECLS
