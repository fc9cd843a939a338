/* phaen-plan-totals.c — the totals row under a plan's activities (rule in the header)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-plan-totals"

#include "config.h"

#include <string.h>

#include "phaen-efficiency.h"
#include "phaen-official.h"
#include "phaen-plan-totals.h"

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
}

const char *
phaen_plan_totals_label (const PhaenPlanTotals *totals)
{
  g_return_val_if_fail (totals != NULL, NULL);
  return phaen_official_totals_label (totals->outputs);
}
