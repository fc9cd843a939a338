/* phaen-store-budget.h — the quarterly budget of a plan's rows: allocated, committed, disbursed
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "phaen-store.h"

G_BEGIN_DECLS

/* The three amounts reported each quarter (DOMAIN.md §3b). */
typedef enum
{
  PHAEN_BUDGET_ALLOCATED = 0, /* จัดสรร */
  PHAEN_BUDGET_COMMITTED = 1, /* ก่อหนี้ผูกพัน */
  PHAEN_BUDGET_DISBURSED = 2, /* เบิกจ่าย */
} PhaenBudgetField;

#define PHAEN_BUDGET_FIELDS 3
/* The largest amount a cell takes (the schema's CHECK): a quadrillion baht. */
#define PHAEN_BUDGET_MAX_AMOUNT 1e15

/* What one row of a plan holds for one quarter: its own amounts, not its children's. */
typedef struct
{
  gint64 activity_id;
  int quarter; /* 1..4 */
  double amount[PHAEN_BUDGET_FIELDS];
} PhaenActivityBudget;

/**
 * phaen_store_set_activity_budget:
 * @quarter: 1..4
 * @amount: baht, 0 or more (0 clears)
 *
 * Sets one amount of one row's quarter as one undoable edit, saved when made.
 *
 * Returns: FALSE with PHAEN_ERROR_INVALID (in the user's language, reason first) for a negative
 *   or non-finite amount or a quarter out of range, PHAEN_ERROR_NOT_FOUND for an unknown row
 */
gboolean phaen_store_set_activity_budget (PhaenStore *self,
                                          gint64 activity_id,
                                          int quarter,
                                          PhaenBudgetField field,
                                          double amount,
                                          GError **error);

/**
 * phaen_store_list_activity_budgets:
 *
 * Returns: (transfer full) (element-type PhaenActivityBudget): every amount entered on the rows
 *   of @plan_id, by row id then quarter
 */
GArray *phaen_store_list_activity_budgets (PhaenStore *self, gint64 plan_id, GError **error);

G_END_DECLS
