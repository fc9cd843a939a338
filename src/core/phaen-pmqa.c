/* phaen-pmqa.c — seed 001: % success per indicator, sub-item means, the category mean
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-pmqa"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "phaen-error.h"
#include "phaen-pmqa.h"
#include "phaen-scorecard.h"

static void
row_free (PhaenPmqaRow *row)
{
  phaen_indicator_free (row->indicator);
  g_free (row->stretch_problem);
  g_free (row);
}

static void
group_free (PhaenPmqaGroup *group)
{
  g_free (group->group);
  g_ptr_array_unref (group->rows);
  g_free (group);
}

static PhaenPmqaGroup *
find_group (GPtrArray *groups, const char *name)
{
  PhaenPmqaGroup *group;

  for (guint i = 0; i < groups->len; i++)
    {
      group = g_ptr_array_index (groups, i);
      if (g_strcmp0 (group->group, name) == 0)
        return group;
    }
  group = g_new0 (PhaenPmqaGroup, 1);
  group->group = g_strdup (name);
  group->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)row_free);
  g_ptr_array_add (groups, group);
  return group;
}

static int
compare_groups (gconstpointer a, gconstpointer b)
{
  const PhaenPmqaGroup *ga = *(PhaenPmqaGroup **)a;
  const PhaenPmqaGroup *gb = *(PhaenPmqaGroup **)b;

  return g_strcmp0 (ga->group, gb->group);
}

static gboolean
score_row (PhaenStore *store, PhaenPmqaRow *row, int fiscal_year, GError **error)
{
  const PhaenIndicator *indicator = row->indicator;
  g_autoptr (PhaenCriteriaVersion) version = NULL;
  g_autoptr (GError) local_error = NULL;
  PhaenCriteria rules;
  PhaenScoreInput input = { 0 };

  for (int i = 0; i < PHAEN_PMQA_YEARS; i++)
    {
      row->year[i] = fiscal_year - (PHAEN_PMQA_YEARS - 1) + i;
      row->has_value[i] =
        phaen_store_get_pmqa_value (store, indicator->id, row->year[i], &row->value[i]);
    }

  /* Criteria are optional here: without a scale of its own the indicator uses the default. */
  version = phaen_store_get_criteria (store, indicator->id, NULL);
  if (version == NULL || !phaen_criteria_from_version (indicator, version, &rules, NULL))
    phaen_criteria_init (&rules, PHAEN_SCORING_PMQA7, indicator->direction);

  input.has_value = row->has_value[PHAEN_PMQA_YEARS - 1];
  input.value = row->value[PHAEN_PMQA_YEARS - 1];
  input.has_target = indicator->has_pmqa_target;
  input.target = indicator->pmqa_target;
  input.has_override = indicator->has_pmqa_score;
  input.override_score = indicator->pmqa_score;
  if (!phaen_criteria_score (&rules, &input, 0, &row->score, &local_error))
    row->score = (PhaenScore){ .has_score = FALSE, .band = -1 };

  if (indicator->has_pmqa_target && row->has_value[0] && row->has_value[1])
    {
      g_autoptr (GError) stretch_error = NULL;

      if (!phaen_pmqa_check_stretch (indicator->direction, indicator->pmqa_target, row->value[1],
                                     row->value[0], &stretch_error))
        row->stretch_problem = g_strdup (stretch_error->message);
    }
  return TRUE;
}

/**
 * phaen_pmqa_table_build:
 *
 * Returns: (transfer full): the category-7 table of the unit's PMQA indicators
 */
PhaenPmqaTable *
phaen_pmqa_table_build (PhaenStore *store, gint64 unit_id, int fiscal_year, GError **error)
{
  g_autoptr (PhaenPmqaTable) table = g_new0 (PhaenPmqaTable, 1);
  g_autoptr (GPtrArray) indicators = NULL;
  g_autoptr (GArray) means = g_array_new (FALSE, TRUE, sizeof (PhaenScore));

  g_return_val_if_fail (PHAEN_IS_STORE (store), NULL);

  table->fiscal_year = fiscal_year;
  table->groups = g_ptr_array_new_with_free_func ((GDestroyNotify)group_free);
  indicators = phaen_store_list_indicators (store, unit_id, fiscal_year, error);
  if (indicators == NULL)
    return NULL;

  for (guint i = 0; i < indicators->len; i++)
    {
      const PhaenIndicator *indicator = g_ptr_array_index (indicators, i);
      PhaenPmqaRow *row;

      if (indicator->scoring != PHAEN_SCORING_PMQA7)
        continue;
      row = g_new0 (PhaenPmqaRow, 1);
      row->indicator = phaen_indicator_copy (indicator);
      g_ptr_array_add (
        find_group (table->groups, indicator->pmqa_group ? indicator->pmqa_group : "7")->rows, row);
      if (!score_row (store, row, fiscal_year, error))
        return NULL;
    }
  g_ptr_array_sort (table->groups, compare_groups);

  /* seed 001: a sub-item scores the plain mean of its indicators; category 7 the mean of the
   * sub-items, skipping empty ones. */
  for (guint g = 0; g < table->groups->len; g++)
    {
      PhaenPmqaGroup *group = g_ptr_array_index (table->groups, g);
      g_autofree PhaenScore *scores = g_new0 (PhaenScore, MAX (group->rows->len, 1));

      for (guint r = 0; r < group->rows->len; r++)
        scores[r] = ((PhaenPmqaRow *)g_ptr_array_index (group->rows, r))->score;
      group->mean = phaen_pmqa_mean (scores, group->rows->len);
      g_array_append_val (means, group->mean);
    }
  table->mean = phaen_pmqa_mean ((const PhaenScore *)(void *)means->data, means->len);
  return g_steal_pointer (&table);
}

void
phaen_pmqa_table_free (PhaenPmqaTable *table)
{
  if (table == NULL)
    return;
  g_clear_pointer (&table->groups, g_ptr_array_unref);
  g_free (table);
}
