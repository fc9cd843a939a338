/* phaen-plan-totals.h — the totals row under a plan's activities: one counting rule for the grid,
 * the Gantt chart, the XLSX form and the CLI
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "phaen-model.h"

G_BEGIN_DECLS

/**
 * PhaenPlanTotals:
 * @outputs: %TRUE when the months count outputs (รวมผลผลิตในแต่ละเดือน), %FALSE when they
 *   count scheduled activities (รวมกิจกรรมในแต่ละเดือน)
 * @months: per fiscal month, the count (see phaen_plan_totals_compute())
 * @has_budget: whether any activity has a budget
 * @budget: the plan's total budget
 * @over_budget: how many rows have less budget than the rows under them add up to
 */
typedef struct
{
  gboolean outputs;
  guint months[PHAEN_MAX_MONTHS];
  gboolean has_budget;
  double budget;
  guint over_budget;
} PhaenPlanTotals;

/**
 * PhaenBudgetRollup:
 * @has_children: the row has rows under it
 * @has_children_budget: some row under it carries an amount
 * @children_budget: what the rows directly under it add up to — each row its own amount, or,
 *   when it has none, what the rows under that one add up to
 * @over_budget: the row has an amount and @children_budget exceeds it (550,000 of activities
 *   under a project of 500,000, issue #13)
 */
typedef struct
{
  gboolean has_children;
  gboolean has_children_budget;
  double children_budget;
  gboolean over_budget;
} PhaenBudgetRollup;

/*
 * The counting rule, for every view of a plan:
 * - A plan with ○ marks counts outputs: per month, the top-level items with a ○ there (seed 004:
 *   the plan's outputs are its items; an item's sub-steps are not outputs of the plan).
 * - Otherwise it counts activities: per month, the activities scheduled (■) in it that have no
 *   sub-activities — a parent's bar only spans its children's, so counting it too would count
 *   the same work twice.
 * - The budget: an activity's amount counts only when no ancestor has one, since a budgeted
 *   project's activities spend the project's money, not money on top of it.
 * @activities (element-type PhaenActivity) are in display order with their depth, as
 * phaen_store_list_activities() returns them.
 */
void phaen_plan_totals_compute (GPtrArray *activities, PhaenPlanTotals *totals);

/* The roll-up of every row of @activities (in the order and with the depths of
 * phaen_store_list_activities()): one #PhaenBudgetRollup per activity, same index.
 * Returns: (transfer full) (element-type PhaenBudgetRollup) */
GArray *phaen_plan_budget_rollups (GPtrArray *activities);

/* Why @activity's amount is flagged, leading with the reason ("Over budget: the rows under
 * 1.1 add up to 550,000.00, 50,000.00 more than its 500,000.00"), in the interface language.
 * Returns: (transfer full) */
char *phaen_budget_rollup_warning (const PhaenActivity *activity, const PhaenBudgetRollup *rollup);

/* The same in the official wording of the printed plan (phaen_official_over_budget_note()),
 * for the XLSX form and the plan document. Returns: (transfer full) */
char *phaen_budget_rollup_note (const PhaenActivity *activity, const PhaenBudgetRollup *rollup);

/* The row's official label: `รวมผลผลิตในแต่ละเดือน` or `รวมกิจกรรมในแต่ละเดือน`. */
const char *phaen_plan_totals_label (const PhaenPlanTotals *totals);

G_END_DECLS
