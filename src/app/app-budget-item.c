/* app-budget-item.c — one row of the budget page's table
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-budget-item"

#include "config.h"

#include "app-budget-item.h"

struct _AppBudgetItem
{
  GObject parent_instance;

  gint64 activity_id;
};

G_DEFINE_FINAL_TYPE (AppBudgetItem, app_budget_item, G_TYPE_OBJECT)

static void
app_budget_item_class_init (AppBudgetItemClass *klass)
{
}

static void
app_budget_item_init (AppBudgetItem *self)
{
}

AppBudgetItem *
app_budget_item_new (gint64 activity_id)
{
  AppBudgetItem *self = g_object_new (APP_TYPE_BUDGET_ITEM, NULL);

  self->activity_id = activity_id;
  return self;
}

gint64
app_budget_item_get_activity_id (AppBudgetItem *self)
{
  g_return_val_if_fail (APP_IS_BUDGET_ITEM (self), 0);

  return self->activity_id;
}
