/* app-budget-item.h — one row of the budget page's table: which plan row it shows (the figures
 * are the page's PhaenBudgetView's, looked up when a cell is bound)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define APP_TYPE_BUDGET_ITEM (app_budget_item_get_type ())
G_DECLARE_FINAL_TYPE (AppBudgetItem, app_budget_item, APP, BUDGET_ITEM, GObject)

AppBudgetItem *app_budget_item_new (gint64 activity_id);
gint64 app_budget_item_get_activity_id (AppBudgetItem *self);

G_END_DECLS
