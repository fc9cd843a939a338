/* app-plan-page.h — a plan: its grid or Gantt chart, its text sections, print and export
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "app-export.h"

#include "phaen-store.h"

G_BEGIN_DECLS

#define APP_TYPE_PLAN_PAGE (app_plan_page_get_type ())
G_DECLARE_FINAL_TYPE (AppPlanPage, app_plan_page, APP, PLAN_PAGE, AdwBin)

/*
 * Actions (widget actions of the page):
 *   plan.add-activity, plan.delete-activity, plan.move-up, plan.move-down, plan.indent,
 *   plan.outdent   forwarded to the grid's grid.* actions
 *   plan.tool      state "s": the grid's paint tool ("planned" | "start" | "output" | "achieved")
 *   plan.view      state "s": "grid" | "gantt"
 *   plan.print     Ctrl+P: GtkPrintOperation with the PDF's pages (preview from its dialog)
 *   plan.export-xlsx, plan.export-pdf   ask for a file, then export in the background
 */

/* Shows @plan_id of @store (the page follows "changed"); @store NULL clears. Pending text is
 * saved first. */
void app_plan_page_set_plan (AppPlanPage *self, PhaenStore *store, gint64 plan_id);
gint64 app_plan_page_get_plan_id (AppPlanPage *self);

/* Saves the text sections typed but not saved yet, each as its own undo step. */
void app_plan_page_flush (AppPlanPage *self);

/* Returns: (transfer none) */
GtkWidget *app_plan_page_get_grid (AppPlanPage *self);
GtkWidget *app_plan_page_get_gantt (AppPlanPage *self);
/* The editor of a text section (PHAEN_SECTION_*), NULL when the plan's kind has none.
 * Returns: (transfer none) (nullable) */
GtkTextView *app_plan_page_get_section_view (AppPlanPage *self, const char *key);

/* Writes the plan to @file in the background: the Gantt chart's printed pages when the name
 * ends in .pdf, else the official XLSX form. "busy" is TRUE until it is done; the outcome is
 * shown as a toast. */
void app_plan_page_export (AppPlanPage *self, GFile *file);
/* The print job of plan.print, set up for A4 landscape with the PDF's pages (the Gantt chart's
 * printed pages); NULL when no plan is shown. Returns: (transfer full) (nullable) */
GtkPrintOperation *app_plan_page_new_print_operation (AppPlanPage *self);

/* TRUE while an export runs. */
gboolean app_plan_page_get_busy (AppPlanPage *self);

/* Writes the plan to @file (.pdf or .xlsx) as @options say: the official document or the Gantt
 * chart, paper, orientation, Thai digits. app_plan_page_export() takes the defaults. */
void
app_plan_page_export_with_options (AppPlanPage *self, GFile *file, const AppExportOptions *options);

G_END_DECLS
