/* phaen-validate.c — weights, criteria, required fields, the 12-item plan's group-A rule
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-validate"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "phaen-efficiency.h"
#include "phaen-scorecard.h"
#include "phaen-thai-text.h"
#include "phaen-validate.h"

/* DOMAIN §3c: at least 3 of the 12 items must be of group A (types 1–3). */
#define EFFICIENCY_MIN_GROUP_A 3

void
phaen_problem_free (PhaenProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->message);
  g_free (problem);
}

static void
add_problem (GPtrArray *problems,
             PhaenProblemKind kind,
             gint64 unit_id,
             int fiscal_year,
             gint64 indicator_id,
             gint64 plan_id,
             char *message)
{
  PhaenProblem *problem = g_new0 (PhaenProblem, 1);

  problem->kind = kind;
  problem->unit_id = unit_id;
  problem->fiscal_year = fiscal_year;
  problem->indicator_id = indicator_id;
  problem->plan_id = plan_id;
  problem->message = message;
  g_ptr_array_add (problems, problem);
}

static void
check_required_fields (const PhaenIndicator *indicator, GPtrArray *problems)
{
  struct
  {
    const char *value;
    const char *label;
  } required[] = {
    { indicator->code, N_ ("indicator code") },
    { indicator->name, N_ ("indicator name") },
    { indicator->measure_unit, N_ ("unit of measure") },
    { indicator->target, N_ ("target of the current year") },
    { indicator->owner_name, N_ ("person responsible") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    if (phaen_text_is_blank (required[i].value))
      add_problem (problems, PHAEN_PROBLEM_MISSING_FIELD, indicator->unit_id,
                   indicator->fiscal_year, indicator->id, 0,
                   g_strdup_printf (_ ("Indicator %s: the %s is missing."),
                                    phaen_text_is_blank (indicator->code) ? "?" : indicator->code,
                                    _ (required[i].label)));
}

static gboolean
check_scorecard (
  PhaenStore *store, const PhaenUnit *unit, int fiscal_year, GPtrArray *problems, GError **error)
{
  g_autoptr (PhaenScorecard) card = phaen_scorecard_build (store, unit->id, fiscal_year, error);

  if (card == NULL)
    return FALSE;
  if (card->rows->len > 0 && !card->weights_ok)
    add_problem (problems, PHAEN_PROBLEM_WEIGHTS, unit->id, fiscal_year, 0, 0,
                 g_strdup_printf (_ ("The weights of %s in fiscal year %d sum to %g, not 100."),
                                  unit->abbr, fiscal_year, card->weight_sum));
  for (guint i = 0; i < card->rows->len; i++)
    {
      PhaenScorecardRow *row = g_ptr_array_index (card->rows, i);

      if (row->problem)
        add_problem (problems, PHAEN_PROBLEM_CRITERIA, unit->id, fiscal_year, row->indicator->id, 0,
                     g_strdup (row->problem));
    }
  return TRUE;
}

static gboolean
check_efficiency_plan (PhaenStore *store,
                       const PhaenPlan *plan,
                       GPtrArray *problems,
                       GError **error)
{
  g_autoptr (GPtrArray) items = phaen_store_list_activities (store, plan->id, error);
  guint group_a;

  if (items == NULL)
    return FALSE;
  group_a = phaen_efficiency_count_group_a (items);
  if (group_a < EFFICIENCY_MIN_GROUP_A)
    add_problem (problems, PHAEN_PROBLEM_EFFICIENCY_GROUP, plan->unit_id, plan->fiscal_year, 0,
                 plan->id,
                 g_strdup_printf (_ ("Plan “%s” has %u items of group A (types 1–3); it needs at "
                                     "least %d."),
                                  plan->title, group_a, EFFICIENCY_MIN_GROUP_A));
  return TRUE;
}

/**
 * phaen_validate:
 *
 * Returns: (transfer full) (element-type PhaenProblem): the problems found, empty when none;
 *   %NULL only when the workspace could not be read
 */
GPtrArray *
phaen_validate (PhaenStore *store, gint64 unit_id, int fiscal_year, GError **error)
{
  g_autoptr (GPtrArray) problems =
    g_ptr_array_new_with_free_func ((GDestroyNotify)phaen_problem_free);
  g_autoptr (GPtrArray) units = NULL;
  g_autoptr (GArray) years = NULL;
  g_autoptr (GPtrArray) plans = NULL;

  g_return_val_if_fail (PHAEN_IS_STORE (store), NULL);

  units = phaen_store_list_units (store, error);
  years = units ? phaen_store_list_fiscal_years (store, error) : NULL;
  if (years == NULL)
    return NULL;

  for (guint u = 0; u < units->len; u++)
    {
      const PhaenUnit *unit = g_ptr_array_index (units, u);

      if (unit_id != 0 && unit->id != unit_id)
        continue;
      for (guint y = 0; y < years->len; y++)
        {
          int year = g_array_index (years, int, y);
          g_autoptr (GPtrArray) indicators = NULL;

          if (fiscal_year != 0 && year != fiscal_year)
            continue;
          indicators = phaen_store_list_indicators (store, unit->id, year, error);
          if (indicators == NULL)
            return NULL;
          for (guint i = 0; i < indicators->len; i++)
            check_required_fields (g_ptr_array_index (indicators, i), problems);
          if (indicators->len > 0 && !check_scorecard (store, unit, year, problems, error))
            return NULL;
        }
    }

  plans = phaen_store_list_plans (store, unit_id, fiscal_year, error);
  if (plans == NULL)
    return NULL;
  for (guint i = 0; i < plans->len; i++)
    {
      const PhaenPlan *plan = g_ptr_array_index (plans, i);
      /* Reading each plan's activity tree finds a damaged one before an export does. */
      g_autoptr (GPtrArray) activities = phaen_store_list_activities (store, plan->id, error);

      if (activities == NULL)
        return NULL;
      if (plan->kind == PHAEN_PLAN_EFFICIENCY &&
          !check_efficiency_plan (store, plan, problems, error))
        return NULL;
    }
  return g_steal_pointer (&problems);
}
