/* app-collection-window.h — who has reported: every unit of a fiscal year and quarter, received
 * or not, and the missing units exported for the reminder e-mail
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "phaen-store.h"

G_BEGIN_DECLS

#define APP_TYPE_COLLECTION_WINDOW (app_collection_window_get_type ())
G_DECLARE_FINAL_TYPE (AppCollectionWindow, app_collection_window, APP, COLLECTION_WINDOW, AdwWindow)

/* The window for @store's latest fiscal year and its first quarter, transient for @parent. It
 * follows imports (PHAEN_RECORD_PACKET) and results as they change. */
AppCollectionWindow *app_collection_window_new (GtkWindow *parent, PhaenStore *store);

/* Shows @fiscal_year's @quarter (1–4); FALSE when the workspace has no such year. */
gboolean app_collection_window_set_period (AppCollectionWindow *self, int fiscal_year, int quarter);
/* The units listed, and of them those whose packet for the quarter was received. */
guint app_collection_window_get_n_units (AppCollectionWindow *self);
guint app_collection_window_get_n_received (AppCollectionWindow *self);
/* What row @index shows, cells separated by " | ". (transfer full) */
char *app_collection_window_get_row_text (AppCollectionWindow *self, guint index);
/* Writes the units not received: XLSX when @path ends in .xlsx, CSV otherwise. */
gboolean
app_collection_window_export_missing (AppCollectionWindow *self, const char *path, GError **error);

G_END_DECLS
