/* phaen-plan-totals.c — the totals row under a plan's activities (rule in the header)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-plan-totals"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "phaen-efficiency.h"
#include "phaen-official.h"
#include "phaen-plan-totals.h"
#include "phaen-thai-text.h"

static gboolean
has_children (GPtrArray *activities, guint i)
{
  const PhaenActivity *activity = g_ptr_array_index (activities, i);
  const PhaenActivity *next =
    i + 1 < activities->len ? g_ptr_array_index (activities, i + 1) : NULL;

  return next != NULL && next->depth > activity->depth;
}

static gboolean
any_output (GPtrArray *activities)
{
  for (guint i = 0; i < activities->len; i++)
    for (int m = 0; m < PHAEN_MAX_MONTHS; m++)
      if (((PhaenActivity *)g_ptr_array_index (activities, i))->marks[m] & PHAEN_MARK_OUTPUT)
        return TRUE;
  return FALSE;
}

static void
count_scheduled (GPtrArray *activities, guint months[PHAEN_MAX_MONTHS])
{
  for (guint i = 0; i < activities->len; i++)
    {
      const PhaenActivity *activity = g_ptr_array_index (activities, i);

      if (has_children (activities, i))
        continue;
      for (int m = 0; m < PHAEN_MAX_MONTHS; m++)
        months[m] += (activity->marks[m] & PHAEN_MARK_PLANNED) != 0;
    }
}

static void
sum_budget (GPtrArray *activities, PhaenPlanTotals *totals)
{
  int budgeted_depth = -1; /* depth of the nearest budgeted ancestor on the current path */

  for (guint i = 0; i < activities->len; i++)
    {
      const PhaenActivity *activity = g_ptr_array_index (activities, i);

      if (budgeted_depth >= 0 && activity->depth <= budgeted_depth)
        budgeted_depth = -1;
      if (budgeted_depth < 0 && activity->has_budget)
        {
          totals->budget += activity->budget;
          budgeted_depth = activity->depth;
        }
      totals->has_budget |= activity->has_budget;
    }
}

/* Amounts are baht with satang: a sum above its parent by less than half a satang is the
 * rounding of the amounts typed, not an overrun. */
#define BUDGET_EPSILON 0.005

GArray *
phaen_plan_budget_rollups (GPtrArray *activities)
{
  /* Walked from the last row up: the rows directly under a row at depth d come after it, at
   * depth d + 1, so when the walk reaches it they are summed in sum[d + 1]. */
  double sum[PHAEN_MAX_ACTIVITY_DEPTH + 1] = { 0 };
  gboolean any[PHAEN_MAX_ACTIVITY_DEPTH + 1] = { FALSE };
  GArray *rollups;

  g_return_val_if_fail (activities != NULL, NULL);

  rollups = g_array_sized_new (FALSE, TRUE, sizeof (PhaenBudgetRollup), activities->len);
  g_array_set_size (rollups, activities->len);
  for (guint i = activities->len; i-- > 0;)
    {
      const PhaenActivity *activity = g_ptr_array_index (activities, i);
      PhaenBudgetRollup *r = &g_array_index (rollups, PhaenBudgetRollup, i);
      int d = CLAMP (activity->depth, 0, PHAEN_MAX_ACTIVITY_DEPTH - 1);

      r->has_children = has_children (activities, i);
      r->has_children_budget = any[d + 1];
      r->children_budget = sum[d + 1];
      r->over_budget = activity->has_budget && r->has_children_budget &&
                       r->children_budget > activity->budget + BUDGET_EPSILON;
      sum[d + 1] = 0;
      any[d + 1] = FALSE;
      if (activity->has_budget)
        {
          sum[d] += activity->budget;
          any[d] = TRUE;
        }
      else if (r->has_children_budget)
        {
          sum[d] += r->children_budget;
          any[d] = TRUE;
        }
    }
  return rollups;
}

char *
phaen_budget_rollup_warning (const PhaenActivity *activity, const PhaenBudgetRollup *rollup)
{
  g_autofree char *heading = NULL;
  g_autofree char *children = NULL, *budget = NULL, *excess = NULL;

  g_return_val_if_fail (activity != NULL && rollup != NULL, NULL);

  heading = phaen_activity_heading (activity);
  children = phaen_format_number (rollup->children_budget, 2, PHAEN_NUMBER_GROUPING);
  budget = phaen_format_number (activity->budget, 2, PHAEN_NUMBER_GROUPING);
  excess =
    phaen_format_number (rollup->children_budget - activity->budget, 2, PHAEN_NUMBER_GROUPING);
  /* TRANSLATORS: %1$s is a row's number ("1.1" or "โครงการที่ 1.1"), then amounts in baht. */
  return g_strdup_printf (
    _ ("Over budget: the rows under %1$s add up to %2$s, %3$s more than its %4$s."), heading,
    children, excess, budget);
}

char *
phaen_budget_rollup_note (const PhaenActivity *activity, const PhaenBudgetRollup *rollup)
{
  g_autofree char *heading = NULL;
  g_autofree char *children = NULL, *budget = NULL, *excess = NULL;

  g_return_val_if_fail (activity != NULL && rollup != NULL, NULL);

  heading = phaen_activity_heading (activity);
  children = phaen_format_number (rollup->children_budget, 2, PHAEN_NUMBER_GROUPING);
  budget = phaen_format_number (activity->budget, 2, PHAEN_NUMBER_GROUPING);
  excess =
    phaen_format_number (rollup->children_budget - activity->budget, 2, PHAEN_NUMBER_GROUPING);
  return phaen_official_over_budget_note (heading, children, budget, excess);
}

void
phaen_plan_totals_compute (GPtrArray *activities, PhaenPlanTotals *totals)
{
  g_return_if_fail (activities != NULL && totals != NULL);

  memset (totals, 0, sizeof *totals);
  totals->outputs = any_output (activities);
  if (totals->outputs)
    phaen_efficiency_outputs_per_month (activities, totals->months);
  else
    count_scheduled (activities, totals->months);
  sum_budget (activities, totals);
  {
    g_autoptr (GArray) rollups = phaen_plan_budget_rollups (activities);

    for (guint i = 0; i < rollups->len; i++)
      totals->over_budget += g_array_index (rollups, PhaenBudgetRollup, i).over_budget;
  }
}

const char *
phaen_plan_totals_label (const PhaenPlanTotals *totals)
{
  g_return_val_if_fail (totals != NULL, NULL);
  return phaen_official_totals_label (totals->outputs);
}
