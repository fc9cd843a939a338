/* app-dashboard-row.h — one indicator on the dashboard: its weight, each quarter's result and
 * scores, its traffic light and its progress chart, bound to a scorecard item
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "phaen-result-check.h"
#include "phaen-scorecard-model.h"

G_BEGIN_DECLS

#define APP_TYPE_DASHBOARD_ROW (app_dashboard_row_get_type ())
G_DECLARE_FINAL_TYPE (AppDashboardRow, app_dashboard_row, APP, DASHBOARD_ROW, GtkWidget)

/* The name's button activates dashboard.show-indicator (x) with the indicator's id. */

GtkWidget *app_dashboard_row_new (void);

/* Shows @item (NULL clears); call again after the model's card was replaced to show new scores. */
void app_dashboard_row_set_item (AppDashboardRow *self, PhaenScorecardItem *item);
gint64 app_dashboard_row_get_indicator_id (AppDashboardRow *self);

/* The traffic light of @row's latest scored quarter in words (`เขียว (ไตรมาส 4)`); @status is
 * set to it. Returns: (transfer full) */
char *app_dashboard_row_status_text (const PhaenScorecardRow *row, PhaenStatus *status);

/* Redraws the progress chart in the current light or dark style. */
void app_dashboard_row_redraw (AppDashboardRow *self);

G_END_DECLS
