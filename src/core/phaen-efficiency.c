/* phaen-efficiency.c — seed 004: score = outputs achieved on plan ÷ outputs planned × 100
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-efficiency"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <time.h>

#include "phaen-calendar.h"
#include "phaen-criteria-in-force.h"
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

/* How an item's achievements are counted (seed 004, DOMAIN §3c).
 *
 * An item plans its outputs (○) in some months; the monthly report marks ● in the month an
 * output was actually achieved. The outputs are achieved in the order they were planned: the
 * item's first ● achieves its first ○, the second ● its second ○, and so on, whatever months
 * they fall in. An output achieved after its planned month is late: it keeps the month it was
 * achieved in, and the report shows it as late.
 *
 * A round (รอบที่ 1 = ต.ค.–มี.ค., รอบที่ 2 = the whole year) counts the outputs planned in its
 * months, and of those the ones achieved by the round's end, late or not. Seed 004's own round
 * 1 report: item 1 planned its output in ม.ค. and achieved it in ก.พ., items 2–4 on plan; the
 * round scores 4 of 4 = 100 %. An output achieved after the round's end counts only in a later
 * round that covers it. A round that has not ended yet is in progress: it is neither ผ่าน nor
 * ไม่ผ่าน. */
guint
phaen_efficiency_item_outputs (const PhaenActivity *item,
                               PhaenEfficiencyOutput outputs[PHAEN_MAX_MONTHS])
{
  guint n = 0, k = 0;

  g_return_val_if_fail (item != NULL && outputs != NULL, 0);

  for (int m = 0; m < PHAEN_MAX_MONTHS; m++)
    if (item->marks[m] & PHAEN_MARK_OUTPUT)
      outputs[n++] = (PhaenEfficiencyOutput){ .planned_month = m, .achieved_month = -1 };
  for (int m = 0; m < PHAEN_MAX_MONTHS && k < n; m++)
    if (item->marks[m] & PHAEN_MARK_ACHIEVED)
      outputs[k++].achieved_month = m;
  return n;
}

int
phaen_efficiency_achieved_for (const PhaenActivity *item, int month)
{
  PhaenEfficiencyOutput outputs[PHAEN_MAX_MONTHS];
  guint n;

  g_return_val_if_fail (item != NULL, -1);

  n = phaen_efficiency_item_outputs (item, outputs);
  for (guint i = 0; i < n; i++)
    if (outputs[i].achieved_month == month)
      return outputs[i].planned_month;
  return -1;
}

int
phaen_efficiency_due_output (const PhaenActivity *item, int month)
{
  PhaenEfficiencyOutput outputs[PHAEN_MAX_MONTHS];
  guint n;

  g_return_val_if_fail (item != NULL, -1);

  n = phaen_efficiency_item_outputs (item, outputs);
  for (guint i = 0; i < n; i++)
    if (outputs[i].planned_month <= month &&
        (outputs[i].achieved_month < 0 || outputs[i].achieved_month >= month))
      return outputs[i].planned_month;
  return -1;
}

int
phaen_efficiency_last_reported_month (GPtrArray *items)
{
  int last = -1;

  g_return_val_if_fail (items != NULL, -1);

  for (guint i = 0; i < items->len; i++)
    {
      const PhaenActivity *item = g_ptr_array_index (items, i);

      if (!is_item (item))
        continue;
      for (int m = PHAEN_MAX_MONTHS - 1; m > last; m--)
        if ((item->marks[m] & PHAEN_MARK_ACHIEVED) ||
            (item->month_progress[m] != NULL && item->month_progress[m][0] != '\0'))
          {
            last = m;
            break;
          }
    }
  return last;
}

void
phaen_efficiency_as_of (int fiscal_year, int month, const GDate *today, GDate *date)
{
  GDate now;

  g_return_if_fail (date != NULL);

  g_date_clear (&now, 1);
  if (today != NULL)
    now = *today;
  else
    g_date_set_time_t (&now, time (NULL));
  *date = now;
  if (month >= 0 && month < PHAEN_MAX_MONTHS)
    {
      /* A month reported is a month over: the report is as of the next month's first day. */
      g_autoptr (GDate) after = phaen_fiscal_year_first_day (fiscal_year);

      g_date_add_months (after, month + 1);
      if (g_date_compare (after, &now) < 0)
        *date = *after;
    }
}

void
phaen_efficiency_round_last_day (int fiscal_year, int round, GDate *date)
{
  g_return_if_fail (round >= 1 && round <= PHAEN_EFFICIENCY_ROUNDS);

  phaen_quarter_last_day (fiscal_year, round * 2, date);
}

/**
 * phaen_efficiency_round:
 * @items: (element-type PhaenActivity): the plan's items
 * @round: 1 (6 months) or 2 (12 months)
 * @pass_percent: ผ่าน at ≥ this; seed 004 says 80
 *
 * Counts the round as the comment above phaen_efficiency_item_outputs() says. A round with
 * nothing planned has no score (it is not 0 %).
 */
gboolean
phaen_efficiency_round (GPtrArray *items,
                        int fiscal_year,
                        int round,
                        double pass_percent,
                        const GDate *today,
                        PhaenEfficiencyRound *result,
                        GError **error)
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
  if (today != NULL)
    {
      GDate last_day;

      phaen_efficiency_round_last_day (fiscal_year, round, &last_day);
      result->in_progress = g_date_compare (today, &last_day) <= 0;
    }
  for (guint i = 0; i < items->len; i++)
    {
      const PhaenActivity *item = g_ptr_array_index (items, i);
      PhaenEfficiencyOutput outputs[PHAEN_MAX_MONTHS];
      guint n;

      if (!is_item (item))
        continue;
      n = phaen_efficiency_item_outputs (item, outputs);
      for (guint k = 0; k < n; k++)
        {
          const PhaenEfficiencyOutput *output = &outputs[k];

          if (output->planned_month >= result->months)
            continue;
          result->planned++;
          if (output->achieved_month >= 0 && output->achieved_month < result->months)
            {
              result->achieved++;
              result->late += output->achieved_month > output->planned_month;
            }
        }
    }
  result->has_score = phaen_pass_fail_evaluate (result->achieved, result->planned, pass_percent,
                                                &result->percent, &result->passed, &local_error);
  if (result->in_progress)
    result->passed = FALSE;
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
