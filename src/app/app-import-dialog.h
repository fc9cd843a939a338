/* app-import-dialog.h — the preview of an import of units or of a plan, with each row's error
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "app-window.h"
#include "phaen-table.h"

G_BEGIN_DECLS

typedef enum
{
  APP_IMPORT_UNITS,
  APP_IMPORT_PLAN,
} AppImportKind;

#define APP_TYPE_IMPORT_DIALOG (app_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AppImportDialog, app_import_dialog, APP, IMPORT_DIALOG, AdwWindow)

/* Reads @path and shows what would be imported; a file that cannot be read is explained in
 * an error dialog instead. A plan goes to @unit_id, in the file's fiscal year or else @year.
 * Returns: (transfer none) (nullable): the dialog, owned by GTK while shown */
AppImportDialog *app_import_dialog_present (
  AppWindow *window, AppImportKind kind, const char *path, gint64 unit_id, int year);
/* The same for a table already read (phaen_table_read_file_async()); takes @table. @name is
 * the file's name for the title. */
AppImportDialog *app_import_dialog_present_table (AppWindow *window,
                                                  AppImportKind kind,
                                                  PhaenTable *table,
                                                  const char *name,
                                                  gint64 unit_id,
                                                  int year);
/* Imports as the Import button does; FALSE when nothing could be imported. */
gboolean app_import_dialog_import (AppImportDialog *self);
/* Maps column @column of a plan's table to @role (and @month); the preview follows. */
void app_import_dialog_set_column (AppImportDialog *self, guint column, int role, int month);
/* The preview's rows. (transfer none) */
GListModel *app_import_dialog_get_rows (AppImportDialog *self);
/* A cell of the preview as shown. Returns: (transfer full) */
char *app_import_dialog_get_cell (AppImportDialog *self, guint row, guint column);

G_END_DECLS
