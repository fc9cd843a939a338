/* app-export.h — what the pages' exports share: where to write, and how it ended
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef enum
{
  APP_EXPORT_XLSX,
  APP_EXPORT_PDF,
} AppExportFormat;

/* Writes the export of @widget (a page) to @file. */
typedef void (*AppExportFunc) (GtkWidget *widget, GFile *file);

/* Shows @text in a toast of the toast overlay above @widget, or logs it when there is none. */
void app_toast (GtkWidget *widget, const char *text);

/* Asks, in a modal chooser over @widget's window, where to save an export in @format named @name,
 * in @folder (NULL: the chooser's choice). When the user accepts, @export (@widget, the file)
 * runs, unless @widget is gone by then. */
void app_export_choose (
  GtkWidget *widget, AppExportFormat format, const char *name, GFile *folder, AppExportFunc export);

/* Tells how an export ended: nothing when it was cancelled, else @error's message, or @done_text
 * when @error is NULL. */
void app_export_report (GtkWidget *widget, const GError *error, const char *done_text);

G_END_DECLS
