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
 */
typedef struct
{
  gboolean outputs;
  guint months[PHAEN_MAX_MONTHS];
  gboolean has_budget;
  double budget;
} PhaenPlanTotals;

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

/* The row's official label: `รวมผลผลิตในแต่ละเดือน` or `รวมกิจกรรมในแต่ละเดือน`. */
const char *phaen_plan_totals_label (const PhaenPlanTotals *totals);

G_END_DECLS
