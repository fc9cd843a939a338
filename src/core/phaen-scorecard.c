/* phaen-scorecard.c — reads a unit's indicators and results and scores every quarter
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-scorecard"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "phaen-calendar.h"
#include "phaen-criteria-in-force.h"
#include "phaen-error.h"
#include "phaen-scorecard.h"
#include "phaen-thai-text.h"

static guint n_built; /* phaen_scorecard_get_n_built() */

/* Drops what score_row() read and computed; the indicator stays. */
static void
row_clear_scores (PhaenScorecardRow *row)
{
  row->criteria = NULL;
  g_clear_pointer (&row->versions, g_ptr_array_unref);
  g_clear_pointer (&row->target_warning, g_free);
  row->target_mismatch = FALSE;
  for (int q = 0; q < PHAEN_QUARTERS; q++)
    g_clear_pointer (&row->results[q], phaen_result_free);
  g_clear_pointer (&row->problem, g_free);
  memset (&row->rules, 0, sizeof row->rules);
  memset (row->scores, 0, sizeof row->scores);
  memset (row->quarter_criteria, 0, sizeof row->quarter_criteria);
  memset (row->quarter_rules, 0, sizeof row->quarter_rules);
}

static void
row_free (PhaenScorecardRow *row)
{
  row_clear_scores (row);
  phaen_indicator_free (row->indicator);
  g_free (row);
}

/**
 * phaen_criteria_from_version:
 * @indicator: gives the kind and direction
 * @version: the criteria in force
 * @rules: (out): what phaen_criteria_score() reads; its band labels point into @version
 *
 * Returns: %FALSE with PHAEN_ERROR_INVALID when the criteria cannot score (T1..T5 missing or out
 *   of order, bands overlapping wrongly)
 */
gboolean
phaen_criteria_from_version (const PhaenIndicator *indicator,
                             const PhaenCriteriaVersion *version,
                             PhaenCriteria *rules,
                             GError **error)
{
  g_return_val_if_fail (indicator != NULL && version != NULL && rules != NULL, FALSE);

  phaen_criteria_init (rules, indicator->scoring, indicator->direction);
  rules->pass_percent =
    version->pass_percent > 0 ? version->pass_percent : PHAEN_PASS_PERCENT_DEFAULT;

  for (guint i = 0; i < version->items->len; i++)
    {
      const PhaenCriterion *item = g_ptr_array_index (version->items, i);

      if (indicator->scoring == PHAEN_SCORING_NUMERIC)
        {
          if (item->level < 1 || item->level > PHAEN_N_LEVELS || !item->has_threshold)
            continue;
          rules->threshold[item->level - 1] = item->threshold;
        }
      else if ((indicator->scoring == PHAEN_SCORING_BANDS ||
                indicator->scoring == PHAEN_SCORING_PMQA7) &&
               rules->n_bands < PHAEN_MAX_BANDS)
        {
          PhaenBand *band = &rules->band[rules->n_bands++];

          band->label = item->label;
          band->lower = item->has_threshold ? item->threshold : -INFINITY;
          band->upper = item->has_upper ? item->upper : INFINITY;
          band->lower_inclusive = item->lower_inclusive;
          band->upper_inclusive = item->upper_inclusive;
          band->score = item->score;
        }
    }

  if (indicator->scoring == PHAEN_SCORING_NUMERIC)
    {
      guint n = 0;

      for (guint i = 0; i < version->items->len; i++)
        {
          const PhaenCriterion *item = g_ptr_array_index (version->items, i);
          n += item->level >= 1 && item->level <= PHAEN_N_LEVELS && item->has_threshold;
        }
      if (n < PHAEN_N_LEVELS)
        {
          g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                       _ ("Indicator %s needs a threshold for each of the five levels."),
                       indicator->code);
          return FALSE;
        }
    }
  return phaen_criteria_validate (rules, error);
}

/* Fills @input from a quarter's result; pass/fail takes the planned outputs from the target. */
void
phaen_score_input_from_result (const PhaenIndicator *indicator,
                               const PhaenResult *result,
                               PhaenScoreInput *input)
{
  double target;

  *input = (PhaenScoreInput){ 0 };
  if (result != NULL)
    {
      input->text = result->value_text;
      input->has_value = result->has_value;
      input->value = result->value;
      input->has_override = result->has_override;
      input->override_score = result->score_override;
    }
  if (indicator->scoring == PHAEN_SCORING_PMQA7 && indicator->has_pmqa_target)
    {
      input->has_target = TRUE;
      input->target = indicator->pmqa_target;
    }
  else if (phaen_parse_number (indicator->target, &target, NULL))
    {
      input->has_target = TRUE;
      input->target = target;
    }
}

/* One indicator's results and criteria versions (phaen_scorecard_update()). */
static gboolean
read_row (PhaenStore *store, PhaenScorecardRow *row, GError **error)
{
  g_autoptr (GPtrArray) results = phaen_store_get_results (store, row->indicator->id, error);

  if (results == NULL)
    return FALSE;
  for (int q = 0; q < PHAEN_QUARTERS; q++)
    row->results[q] = g_steal_pointer (&g_ptr_array_index (results, q));
  row->versions = phaen_store_list_criteria_versions (store, row->indicator->id, error);
  return row->versions != NULL;
}

/* Scores a row from the results and criteria versions it holds. */
static void
score_row (PhaenScorecardRow *row)
{
  g_autoptr (GError) local_error = NULL;

  if (row->versions->len == 0)
    {
      row->problem =
        g_strdup_printf (_ ("Indicator %s has no scoring criteria."), row->indicator->code);
      return;
    }
  /* Versions come oldest first: the newest is the last. */
  row->criteria = g_ptr_array_index (row->versions, row->versions->len - 1);
  if (!phaen_criteria_from_version (row->indicator, row->criteria, &row->rules, &local_error))
    {
      row->problem = g_strdup (local_error->message);
      return;
    }
  if (phaen_criteria_target_mismatch (row->indicator, row->versions, &row->target_value,
                                      &row->target_top))
    {
      g_autofree char *target = phaen_format_number (row->target_value, 4, PHAEN_NUMBER_TRIM_ZEROS);
      g_autofree char *top = phaen_format_number (row->target_top, 4, PHAEN_NUMBER_TRIM_ZEROS);

      row->target_mismatch = TRUE;
      row->target_warning = g_strdup_printf (
        _ ("Indicator %s: the target %s differs from T5 = %s of criteria version %d; change "
           "the target or the criteria."),
        row->indicator->code, target, top, row->criteria->version);
    }

  for (int q = 0; q < PHAEN_QUARTERS; q++)
    {
      PhaenScoreInput input;
      g_autoptr (GError) score_error = NULL;
      GDate last_day;

      /* DOMAIN §4a: each quarter by the version in force at its end. */
      phaen_quarter_last_day (row->indicator->fiscal_year, q + 1, &last_day);
      row->quarter_criteria[q] = phaen_criteria_version_in_force (row->versions, &last_day);
      row->scores[q] = (PhaenScore){ .has_score = FALSE, .band = -1 };
      if (!phaen_criteria_from_version (row->indicator, row->quarter_criteria[q],
                                        &row->quarter_rules[q], &score_error))
        {
          if (row->problem == NULL)
            row->problem = g_strdup_printf ("%s: %s", row->indicator->code, score_error->message);
          continue;
        }
      phaen_score_input_from_result (row->indicator, row->results[q], &input);
      if (!phaen_criteria_score (&row->quarter_rules[q], &input, row->indicator->weight,
                                 &row->scores[q], &score_error))
        {
          row->scores[q] = (PhaenScore){ .has_score = FALSE, .band = -1 };
          if (row->problem == NULL)
            row->problem = g_strdup_printf ("%s: %s", row->indicator->code, score_error->message);
        }
    }
}

/* The quarters' totals and the weights' sum, from the rows. */
static void
add_up (PhaenScorecard *card)
{
  g_autofree double *weights = g_new0 (double, MAX (card->rows->len, 1));

  for (guint i = 0; i < card->rows->len; i++)
    weights[i] = ((const PhaenScorecardRow *)g_ptr_array_index (card->rows, i))->indicator->weight;
  for (int q = 0; q < PHAEN_QUARTERS; q++)
    {
      g_autofree PhaenScore *scores = g_new0 (PhaenScore, MAX (card->rows->len, 1));

      /* Only five-level scores add up to a total out of 5 (percentages do not). */
      for (guint i = 0; i < card->rows->len; i++)
        {
          const PhaenScorecardRow *row = g_ptr_array_index (card->rows, i);

          if (phaen_scoring_kind_is_five_level (row->indicator->scoring))
            scores[i] = row->scores[q];
        }
      card->total[q] = phaen_score_total (scores, card->rows->len, &card->n_scored[q]);
    }
  card->weights_ok = phaen_weights_check (weights, card->rows->len, &card->weight_sum, NULL);
}

static PhaenScorecard *
read_card (PhaenStore *store, gint64 unit_id, int fiscal_year, GError **error)
{
  g_autoptr (PhaenScorecard) card = g_new0 (PhaenScorecard, 1);
  g_autoptr (GPtrArray) indicators = NULL;
  g_autoptr (GPtrArray) results = NULL;
  g_autoptr (GPtrArray) versions = NULL;
  g_autoptr (GHashTable) rows = g_hash_table_new (g_int64_hash, g_int64_equal); /* by id */

  card->unit = phaen_store_get_unit (store, unit_id, error);
  if (card->unit == NULL)
    return NULL;
  card->fiscal_year = fiscal_year;
  card->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)row_free);

  /* Four queries for the whole card instead of four or more per indicator. */
  if (!(indicators = phaen_store_list_indicators (store, unit_id, fiscal_year, error)) ||
      !(results = phaen_store_list_unit_results (store, unit_id, fiscal_year, error)) ||
      !(versions = phaen_store_list_unit_criteria_versions (store, unit_id, fiscal_year, error)))
    return NULL;
  for (guint i = 0; i < indicators->len; i++)
    {
      PhaenIndicator *indicator = g_ptr_array_index (indicators, i);
      PhaenScorecardRow *row;

      if (indicator->scoring == PHAEN_SCORING_PMQA7)
        continue;
      row = g_new0 (PhaenScorecardRow, 1);
      row->indicator = g_steal_pointer (&g_ptr_array_index (indicators, i));
      row->versions = g_ptr_array_new_with_free_func ((GDestroyNotify)phaen_criteria_version_free);
      g_ptr_array_add (card->rows, row);
      g_hash_table_insert (rows, &row->indicator->id, row);
    }
  for (guint i = 0; i < results->len; i++)
    {
      PhaenResult *result = g_ptr_array_index (results, i);
      PhaenScorecardRow *row = g_hash_table_lookup (rows, &result->indicator_id);

      if (row != NULL)
        row->results[result->quarter - 1] = g_steal_pointer (&g_ptr_array_index (results, i));
    }
  for (guint i = 0; i < versions->len; i++)
    {
      PhaenCriteriaVersion *version = g_ptr_array_index (versions, i);
      PhaenScorecardRow *row = g_hash_table_lookup (rows, &version->indicator_id);

      if (row != NULL)
        g_ptr_array_add (row->versions, g_steal_pointer (&g_ptr_array_index (versions, i)));
    }
  for (guint i = 0; i < card->rows->len; i++)
    score_row (g_ptr_array_index (card->rows, i));

  add_up (card);
  return g_steal_pointer (&card);
}

gboolean
phaen_scorecard_row_quarter_uses_older (const PhaenScorecardRow *row, int quarter)
{
  g_return_val_if_fail (row != NULL && quarter >= 0 && quarter < PHAEN_QUARTERS, FALSE);

  return row->criteria != NULL && row->quarter_criteria[quarter] != NULL &&
         row->quarter_criteria[quarter]->id != row->criteria->id;
}

char *
phaen_scorecard_row_quarter_version_label (const PhaenScorecardRow *row,
                                           int quarter,
                                           gboolean thai_digits)
{
  const PhaenCriteriaVersion *version;
  g_autofree char *number = NULL;
  GDate approved;

  g_return_val_if_fail (row != NULL && quarter >= 0 && quarter < PHAEN_QUARTERS, NULL);

  version = row->quarter_criteria[quarter];
  if (version == NULL)
    return NULL;
  number = g_strdup_printf ("%d", version->version);
  if (thai_digits)
    {
      g_autofree char *arabic = g_steal_pointer (&number);
      number = phaen_digits_to_thai (arabic);
    }
  if (phaen_criteria_version_approved (version, &approved))
    {
      g_autofree char *date = phaen_date_format (&approved, PHAEN_DATE_SHORT, thai_digits);

      return g_strdup_printf (_ ("version %s (approved %s)"), number, date);
    }
  return g_strdup_printf (_ ("version %s"), number);
}

/**
 * phaen_scorecard_build:
 * @unit_id: the unit
 * @fiscal_year: BE
 *
 * Returns: (transfer full): the unit's quarterly scorecard; indicators that cannot be scored
 *   carry a problem instead of failing the whole card
 */
PhaenScorecard *
phaen_scorecard_build (PhaenStore *store, gint64 unit_id, int fiscal_year, GError **error)
{
  PhaenScorecard *card;

  g_return_val_if_fail (PHAEN_IS_STORE (store), NULL);

  g_atomic_int_inc (&n_built);
  phaen_store_read_begin (store); /* the card's queries see one state of the file */
  card = read_card (store, unit_id, fiscal_year, error);
  phaen_store_read_end (store);
  return card;
}

void
phaen_scorecard_free (PhaenScorecard *card)
{
  if (card == NULL)
    return;
  g_clear_pointer (&card->unit, phaen_unit_free);
  g_clear_pointer (&card->rows, g_ptr_array_unref);
  g_free (card);
}

guint
phaen_scorecard_get_n_built (void)
{
  return (guint)g_atomic_int_get (&n_built);
}

static int
compare_positions (const guint *a, const guint *b)
{
  return (*a > *b) - (*a < *b);
}

/* The rows whose results @changes touched: a result that is still there names its indicator;
 * one that is gone was in a row's results. */
static gboolean
rows_of_results (PhaenScorecard *card,
                 PhaenStore *store,
                 const PhaenChanges *changes,
                 GHashTable *rows,
                 GError **error)
{
  g_autoptr (GArray) ids = phaen_changes_get_ids (changes, PHAEN_RECORD_RESULT);

  for (guint k = 0; k < ids->len; k++)
    {
      gint64 id = g_array_index (ids, gint64, k);
      gint64 indicator = phaen_store_get_result_indicator (store, id, error);

      if (indicator == 0 && error != NULL && *error != NULL)
        return FALSE;
      for (guint i = 0; i < card->rows->len; i++)
        {
          PhaenScorecardRow *row = g_ptr_array_index (card->rows, i);
          gboolean held = FALSE;

          for (int q = 0; q < PHAEN_QUARTERS; q++)
            held |= row->results[q] != NULL && row->results[q]->id == id;
          if (held || row->indicator->id == indicator)
            g_hash_table_add (rows, GUINT_TO_POINTER (i));
        }
    }
  return TRUE;
}

/**
 * phaen_scorecard_update:
 * @card: a card from phaen_scorecard_build()
 * @changes: what edits changed since @card was built or last updated
 * @rows_changed: (out) (optional) (transfer full) (element-type guint): the positions of the
 *   rows rescored, ascending
 *
 * Rescores the rows whose results changed and adds up the totals again: what one typed result
 * costs is one indicator's rows, not the unit's. Evidence does not change a score. Any other
 * change (an indicator, its criteria, the unit, or everything at once) can change which rows
 * there are: then nothing is touched and %FALSE is returned, and the caller builds a new card.
 *
 * Returns: %TRUE when @card is up to date; %FALSE when it must be built again (or on an error,
 *   which is set)
 */
gboolean
phaen_scorecard_update (PhaenScorecard *card,
                        PhaenStore *store,
                        const PhaenChanges *changes,
                        GArray **rows_changed,
                        GError **error)
{
  g_autoptr (GHashTable) rows = g_hash_table_new (NULL, NULL);
  g_autoptr (GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (card != NULL && PHAEN_IS_STORE (store) && changes != NULL, FALSE);

  if (rows_changed != NULL)
    *rows_changed = NULL;
  if (phaen_changes_is_everything (changes) ||
      phaen_changes_touches (changes, ~(guint)(PHAEN_RECORD_RESULT | PHAEN_RECORD_EVIDENCE)))
    return FALSE;
  if (!rows_of_results (card, store, changes, rows, error))
    return FALSE;

  g_hash_table_iter_init (&iter, rows);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint position = GPOINTER_TO_UINT (key);

      g_array_append_val (positions, position);
    }
  g_array_sort (positions, (GCompareFunc)compare_positions);
  for (guint k = 0; k < positions->len; k++)
    {
      PhaenScorecardRow *row = g_ptr_array_index (card->rows, g_array_index (positions, guint, k));
      gboolean ok;

      row_clear_scores (row);
      phaen_store_read_begin (store);
      ok = read_row (store, row, error);
      phaen_store_read_end (store);
      if (!ok)
        return FALSE;
      score_row (row);
    }
  add_up (card);
  if (rows_changed != NULL)
    *rows_changed = g_steal_pointer (&positions);
  return TRUE;
}
