/* phaen-efficiency.c — seed 004: score = outputs achieved on plan ÷ outputs planned × 100
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-efficiency"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "phaen-efficiency.h"
#include "phaen-error.h"
#include "phaen-score.h"

/* Only top-level items count: sub-steps of an item are not outputs of the plan. */
static gboolean
is_item (const PhaenActivity *activity)
{
  return activity->parent_id == 0;
}

/**
 * phaen_efficiency_outputs_per_month:
 * @items: (element-type PhaenActivity): the plan's items
 * @outputs: (out caller-allocates): ○ per fiscal month, the row รวมผลผลิตในแต่ละเดือน
 */
void
phaen_efficiency_outputs_per_month (GPtrArray *items, guint outputs[PHAEN_MAX_MONTHS])
{
  memset (outputs, 0, sizeof (guint) * PHAEN_MAX_MONTHS);
  for (guint i = 0; i < items->len; i++)
    {
      const PhaenActivity *item = g_ptr_array_index (items, i);

      if (!is_item (item))
        continue;
      for (int m = 0; m < PHAEN_MAX_MONTHS; m++)
        outputs[m] += (item->marks[m] & PHAEN_MARK_OUTPUT) != 0;
    }
}

/**
 * phaen_efficiency_round:
 * @items: (element-type PhaenActivity): the plan's items
 * @round: 1 (6 months) or 2 (12 months)
 * @pass_percent: ผ่าน at ≥ this; seed 004 says 80
 *
 * An output counts as achieved when its ○ month is also marked achieved. A round with nothing
 * planned has no score (it is not 0 %).
 */
gboolean
phaen_efficiency_round (
  GPtrArray *items, int round, double pass_percent, PhaenEfficiencyRound *result, GError **error)
{
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (items != NULL && result != NULL, FALSE);

  if (round < 1 || round > PHAEN_EFFICIENCY_ROUNDS)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                   _ ("An evaluation round is 1 (6 months) or 2 (12 months)."));
      return FALSE;
    }
  *result = (PhaenEfficiencyRound){ .round = round, .months = round * 6 };
  for (guint i = 0; i < items->len; i++)
    {
      const PhaenActivity *item = g_ptr_array_index (items, i);

      if (!is_item (item))
        continue;
      for (int m = 0; m < result->months; m++)
        if (item->marks[m] & PHAEN_MARK_OUTPUT)
          {
            result->planned++;
            result->achieved += (item->marks[m] & PHAEN_MARK_ACHIEVED) != 0;
          }
    }
  result->has_score = phaen_pass_fail_evaluate (result->achieved, result->planned, pass_percent,
                                                &result->percent, &result->passed, &local_error);
  return TRUE;
}

/* Group A are types (1)–(3) of DOMAIN §3c. */
guint
phaen_efficiency_count_group_a (GPtrArray *items)
{
  guint n = 0;

  for (guint i = 0; i < items->len; i++)
    {
      const PhaenActivity *item = g_ptr_array_index (items, i);
      n += is_item (item) && item->category >= 1 && item->category <= 3;
    }
  return n;
}
