/* app-dashboard-page.h — a unit's year at a glance: weighted scores by quarter, each indicator's
 * progress against its levels and a traffic light per indicator
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "app-export.h"

#include "phaen-store.h"

G_BEGIN_DECLS

#define APP_TYPE_DASHBOARD_PAGE (app_dashboard_page_get_type ())
G_DECLARE_FINAL_TYPE (AppDashboardPage, app_dashboard_page, APP, DASHBOARD_PAGE, AdwBin)

/*
 * Actions: dashboard.export-xlsx (the quarterly summary form).
 *          dashboard.show-indicator (x): what clicking an indicator's name does.
 * Signals: "show-indicator" (gint64 indicator_id): the user clicked an indicator to open it.
 */

/* Shows the unit in @fiscal_year (BE) as the core scores it, and follows "changed" while the
 * page is on screen (a hidden page catches up when shown); @store NULL clears. */
void app_dashboard_page_set_unit (AppDashboardPage *self,
                                  PhaenStore *store,
                                  gint64 unit_id,
                                  int fiscal_year);

/* The status shown for @indicator_id (its traffic light's text), NULL when it is not listed.
 * Returns: (transfer none) (nullable) */
const char *app_dashboard_page_get_status_text (AppDashboardPage *self, gint64 indicator_id);

/* What clicking the indicator's name does. */
void app_dashboard_page_activate_indicator (AppDashboardPage *self, gint64 indicator_id);

/* How many times the page has rebuilt its scorecard: the tests check a hidden page does not. */
guint app_dashboard_page_get_n_refreshes (AppDashboardPage *self);

/* Writes every form of the unit's year to @file as one XLSX workbook. */
void app_dashboard_page_export_all (AppDashboardPage *self,
                                    GFile *file,
                                    const AppExportOptions *options);
gboolean app_dashboard_page_get_busy (AppDashboardPage *self);

G_END_DECLS
