/* app-export.h — what the pages' exports share: where to write, and how it ended
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "phaen-chart-page.h"

G_BEGIN_DECLS

typedef enum
{
  APP_EXPORT_XLSX,
  APP_EXPORT_PDF,
} AppExportFormat;

/* Writes the export of @widget (a page) to @file. */
typedef void (*AppExportFunc) (GtkWidget *widget, GFile *file);

/**
 * AppExportOptions:
 * @paper: the sheet of a PDF
 * @orientation: its orientation
 * @thai_digits: numbers, years and page numbers in Thai digits (PDF and XLSX)
 * @gantt: a plan's PDF holds its Gantt chart instead of the official document
 */
typedef struct
{
  PhaenPaper paper;
  PhaenOrientation orientation;
  gboolean thai_digits;
  gboolean gantt;
} AppExportOptions;

/* A4 landscape, Arabic digits, the official document (DOMAIN §5). */
void app_export_options_init (AppExportOptions *options);

/* Writes the export of @widget to @file as @options say. */
typedef void (*AppExportOptionsFunc) (GtkWidget *widget,
                                      GFile *file,
                                      const AppExportOptions *options);

/**
 * app_export_choose_with_options:
 * @offer_chart: a plan: its PDF may be the Gantt chart instead of the document
 *
 * First asks, in a dialog over @widget's window, for the paper, orientation (PDF) and Thai
 * digits, then where to save (app_export_choose()); @export runs with both. The choices are
 * remembered by @widget for its next export.
 */
void app_export_choose_with_options (GtkWidget *widget,
                                     AppExportFormat format,
                                     gboolean offer_chart,
                                     const char *name,
                                     GFile *folder,
                                     AppExportOptionsFunc export);

/* The dialog app_export_choose_with_options() shows (tests answer it). Returns: (transfer none)
 * (nullable) */
AdwMessageDialog *app_export_get_options_dialog (GtkWidget *widget);

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
