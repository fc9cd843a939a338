/* app-window.h — the main window: welcome page, sidebar of units and years, undo and redo
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "app-application.h"
#include "app-budget-page.h"
#include "app-collection-window.h"
#include "app-packet-import.h"
#include "app-send-dialog.h"
#include "app-plan-page.h"
#include "app-sidebar-item.h"
#include "phaen-store.h"

G_BEGIN_DECLS

#define APP_TYPE_WINDOW (app_window_get_type ())
G_DECLARE_FINAL_TYPE (AppWindow, app_window, APP, WINDOW, AdwApplicationWindow)

AppWindow *app_window_new (AppApplication *application);

/* Opens @file in the background; the "store" property changes when it is open. A file that is
 * not a workspace, or a damaged one, is explained in a dialog and the window stays as it was. */
void app_window_open (AppWindow *self, GFile *file);
/* Makes a new, empty workspace at @file, replacing a file there (the chooser asked first). */
void app_window_create (AppWindow *self, GFile *file);
/* Ask for a file with GtkFileChooserNative, then open or create it. */
void app_window_choose_open (AppWindow *self);
void app_window_choose_new (AppWindow *self);

/* What to show once a workspace opens: "grid" or "gantt" (the first plan), "indicators",
 * "results" or "dashboard" (of the first unit and year that have them), "efficiency" (the
 * monthly report of the first 12-item efficiency plan); "VIEW:UNIT" (such as "dashboard:สตป.")
 * takes the first of that unit's. */
void app_window_set_initial_view (AppWindow *self, const char *view);

/* The open workspace, NULL on the welcome page. Returns: (transfer none) (nullable) */
PhaenStore *app_window_get_store (AppWindow *self);

/* Selects the plan in the sidebar and shows it; FALSE when the workspace has no such plan. */
gboolean app_window_show_plan (AppWindow *self, gint64 plan_id);
AppPlanPage *app_window_get_plan_page (AppWindow *self); /* (transfer none) */

/* Selects a page of the unit's @fiscal_year in the sidebar: "indicators", "results" (quarterly
 * entry), "dashboard" or "pmqa" (PMQA category 7); FALSE when the sidebar has no such page. */
gboolean
app_window_show_unit_page (AppWindow *self, const char *page, gint64 unit_id, int fiscal_year);
/* Opens the indicator in the editor of its unit's year ("indicators" in the sidebar). */
void app_window_show_indicator (AppWindow *self, gint64 indicator_id);
/* Selects the monthly report of the 12-item efficiency plan @plan_id; FALSE when there is none. */
gboolean app_window_show_efficiency_report (AppWindow *self, gint64 plan_id);
/* Shows the quarterly budget page of @plan_id (win.show-budget). */
gboolean app_window_show_budget (AppWindow *self, gint64 plan_id);
AppBudgetPage *app_window_get_budget_page (AppWindow *self); /* (transfer none) */

/* The same window made again — in the language now chosen — on the same workspace and page;
 * @self is destroyed. Returns: (transfer none): the new window */
AppWindow *app_window_rebuild (AppWindow *self);

void app_window_show_error (AppWindow *self, const char *heading, const char *body);
void app_window_toast (AppWindow *self, const char *text);
/* A toast with an Undo button (win.undo), after an edit that removed or added much. */
void app_window_toast_undo (AppWindow *self, const char *text);
/* Where the shown page is (its unit, year, plan); FALSE when none is shown. */
gboolean app_window_get_place (AppWindow *self, AppSidebarPlace *place);
/* TRUE while the banner saying why the workspace is read-only is shown. */
gboolean app_window_get_read_only_banner_visible (AppWindow *self);

/* TRUE while the open workspace is a unit's copy and the banner saying so is shown. */
gboolean app_window_get_unit_copy_banner_visible (AppWindow *self);
const char *app_window_get_unit_copy_text (AppWindow *self); /* (transfer none) */
/* What "Send Results" does once a file is chosen: writes the unit copy's result packet to @path
 * and says in a toast what it holds. */
gboolean app_window_send_results (AppWindow *self, const char *path, GError **error);
/* What "Import Results…" and dropping packets do with the chosen files: see app_packet_import().
 * Returns: (transfer none) (nullable): the review window when conflicts need a decision */
AppPacketReview *app_window_import_packets (AppWindow *self, const char *const *paths);
/* "Results Received": who has reported, per fiscal year and quarter (the office only).
 * Returns: (transfer none) (nullable) */
AppCollectionWindow *app_window_show_collection (AppWindow *self);
/* "Send to Units…": unit copies of a fiscal year for every unit or chosen ones (the office,
 * open for editing, only). Returns: (transfer none) (nullable) */
AppSendDialog *app_window_show_send_dialog (AppWindow *self);

G_END_DECLS
