/* test-scorecard.c — the store, the criteria and the engine together, on the seeds' numbers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <math.h>

#include "phaen-efficiency.h"
#include "phaen-error.h"
#include "phaen-pmqa.h"
#include "phaen-scorecard.h"
#include "phaen-validate.h"
#include "test-util.h"

typedef struct
{
  char *dir;
  PhaenStore *store;
  gint64 unit;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->store = test_workspace_new ("t.phaen", &f->dir);
  f->unit = phaen_store_add_unit (f->store, "สตป.", "สำนักตรวจสอบและประเมินผล", 0, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  test_workspace_close (&f->store, &f->dir);
}

static gint64
add_indicator (Fixture *f, const char *code, int scoring, double weight, const double *thresholds)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenIndicator) indicator = NULL;
  g_autoptr (PhaenCriteriaVersion) version = phaen_criteria_version_new ();
  gint64 id = phaen_store_add_indicator (f->store, f->unit, 2564, code, code, &error);

  g_assert_no_error (error);
  indicator = phaen_store_get_indicator (f->store, id, &error);
  g_assert_no_error (error);
  indicator->scoring = scoring;
  indicator->weight = weight;
  phaen_store_update_indicator (f->store, indicator, &error);
  g_assert_no_error (error);

  version->approved_on = g_strdup ("2020-10-01");
  for (int level = 1; level <= PHAEN_LEVELS; level++)
    {
      PhaenCriterion *item = g_new0 (PhaenCriterion, 1);

      item->level = level;
      item->has_threshold = thresholds != NULL;
      item->threshold = thresholds ? thresholds[level - 1] : 0;
      item->label = g_strdup_printf ("%d", level);
      item->description = g_strdup ("");
      g_ptr_array_add (version->items, item);
    }
  phaen_store_add_criteria_version (f->store, id, version, &error);
  g_assert_no_error (error);
  return id;
}

static void
set_results (Fixture *f, gint64 id, const char *const results[PHAEN_QUARTERS])
{
  for (int q = 0; q < PHAEN_QUARTERS; q++)
    {
      g_autoptr (GError) error = NULL;

      if (results[q] == NULL)
        continue;
      phaen_store_set_result (f->store, id, q + 1, results[q], "", "", &error);
      g_assert_no_error (error);
    }
}

static const PhaenScorecardRow *
find_row (const PhaenScorecard *card, const char *code)
{
  for (guint i = 0; i < card->rows->len; i++)
    {
      const PhaenScorecardRow *row = g_ptr_array_index (card->rows, i);
      if (g_str_equal (row->indicator->code, code))
        return row;
    }
  g_assert_not_reached ();
}

/* Seed 002: สตป. 02, thresholds 0/150/300/450/826, weight 30. Seed 000: กพร.9, levels. */
static void
test_seed_numbers (Fixture *f, gconstpointer data)
{
  const double thresholds[] = { 0, 150, 300, 450, 826 };
  const char *const stp_results[] = { "0", "๑๘๔", "464", "826" };
  const char *const kpr_results[] = { "3", "5", "5", "4-5" };
  const double scores[] = { 1, 2.2267, 4.0372, 5 };
  const double weighted[] = { 0.3, 0.668, 1.2112, 1.5 };
  const double kpr_weighted[] = { 0.15, 0.25, 0.25, 0.25 };
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenScorecard) card = NULL;
  const PhaenScorecardRow *row;

  set_results (f, add_indicator (f, "สตป. 02", PHAEN_SCORING_NUMERIC, 30, thresholds), stp_results);
  set_results (f, add_indicator (f, "กพร.9", PHAEN_SCORING_MILESTONE, 5, NULL), kpr_results);

  card = phaen_scorecard_build (f->store, f->unit, 2564, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (card->rows->len, ==, 2);

  row = find_row (card, "สตป. 02");
  g_assert_null (row->problem);
  for (int q = 0; q < PHAEN_QUARTERS; q++)
    {
      g_assert_true (row->scores[q].has_score);
      g_assert_cmpfloat_with_epsilon (row->scores[q].score, scores[q], 1e-9);
      g_assert_cmpfloat_with_epsilon (row->scores[q].weighted, weighted[q], 1e-9);
    }
  row = find_row (card, "กพร.9");
  for (int q = 0; q < PHAEN_QUARTERS; q++)
    g_assert_cmpfloat_with_epsilon (row->scores[q].weighted, kpr_weighted[q], 1e-9);

  g_assert_cmpfloat_with_epsilon (card->total[1], 0.668 + 0.25, 1e-9);
  g_assert_cmpfloat_with_epsilon (card->weight_sum, 35, 1e-9);
  g_assert_false (card->weights_ok);
}

static void
test_missing_quarter_and_override (Fixture *f, gconstpointer data)
{
  const double thresholds[] = { 0, 150, 300, 450, 826 };
  const char *const results[] = { "0", NULL, "abc", "826" };
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenScorecard) card = NULL;
  gint64 id = add_indicator (f, "A", PHAEN_SCORING_NUMERIC, 100, thresholds);
  const PhaenScorecardRow *row;

  set_results (f, id, results);
  phaen_store_set_score_override (f->store, id, 4, TRUE, 4.5, "อุทธรณ์ผ่าน", &error);
  g_assert_no_error (error);

  card = phaen_scorecard_build (f->store, f->unit, 2564, &error);
  g_assert_no_error (error);
  row = find_row (card, "A");
  g_assert_false (row->scores[1].has_score);
  g_assert_false (row->scores[2].has_score);
  g_assert_true (row->scores[3].overridden);
  g_assert_cmpfloat_with_epsilon (row->scores[3].score, 4.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (row->scores[3].suggested, 5, 1e-9);
  g_assert_cmpuint (card->n_scored[1], ==, 0);
  g_assert_cmpfloat_with_epsilon (card->total[1], 0, 1e-9);
  g_assert_true (card->weights_ok);
}

static void
test_validate (Fixture *f, gconstpointer data)
{
  const double out_of_order[] = { 0, 300, 150, 450, 826 };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  gboolean weights = FALSE, criteria = FALSE, missing = FALSE;

  add_indicator (f, "B", PHAEN_SCORING_NUMERIC, 60, out_of_order);
  problems = phaen_validate (f->store, 0, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    {
      const PhaenProblem *problem = g_ptr_array_index (problems, i);

      weights |= problem->kind == PHAEN_PROBLEM_WEIGHTS;
      criteria |= problem->kind == PHAEN_PROBLEM_CRITERIA;
      missing |= problem->kind == PHAEN_PROBLEM_MISSING_FIELD;
    }
  g_assert_true (weights);
  g_assert_true (criteria);
  g_assert_true (missing);
}

/* Seed 001: sub-items 380, 380, 460, 360, 420, 400 → category 7 = 400.00 */
static void
test_pmqa_category (Fixture *f, gconstpointer data)
{
  const struct
  {
    const char *group;
    double score[2];
  } rows[] = {
    { "7.1", { 300, 460 } }, { "7.2", { 380, 380 } }, { "7.3", { 420, 500 } },
    { "7.4", { 360, 360 } }, { "7.5", { 340, 500 } }, { "7.6", { 400, 400 } },
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenPmqaTable) table = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    for (int j = 0; j < 2; j++)
      {
        g_autofree char *code = g_strdup_printf ("%s-%d", rows[i].group, j);
        gint64 id = phaen_store_add_indicator (f->store, f->unit, 2567, code, code, &error);
        g_autoptr (PhaenIndicator) indicator = phaen_store_get_indicator (f->store, id, &error);

        indicator->scoring = PHAEN_SCORING_PMQA7;
        indicator->pmqa_group = g_strdup (rows[i].group);
        indicator->has_pmqa_target = TRUE;
        indicator->pmqa_target = 95.8;
        indicator->has_pmqa_score = TRUE;
        indicator->pmqa_score = rows[i].score[j];
        phaen_store_update_indicator (f->store, indicator, &error);
        g_assert_no_error (error);
        phaen_store_set_pmqa_value (f->store, id, 2567, TRUE, 97.4, &error);
        g_assert_no_error (error);
      }

  table = phaen_pmqa_table_build (f->store, f->unit, 2567, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (table->groups->len, ==, 6);
  g_assert_cmpfloat_with_epsilon (
    ((PhaenPmqaGroup *)g_ptr_array_index (table->groups, 0))->mean.score, 380, 1e-9);
  g_assert_true (table->mean.has_score);
  g_assert_cmpfloat_with_epsilon (table->mean.score, 400, 1e-9);
  /* 97.4 against 95.8 → 101.67 % */
  g_assert_cmpfloat_with_epsilon (
    ((PhaenPmqaRow *)g_ptr_array_index (
       ((PhaenPmqaGroup *)g_ptr_array_index (table->groups, 0))->rows, 0))
      ->score.percent,
    101.67, 1e-9);
}

/* Seed 004, round 1: 4 outputs planned by March, 4 achieved → 100 %, ผ่าน. */
static void
test_efficiency_round (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = NULL;
  PhaenEfficiencyRound round;
  guint outputs[PHAEN_MAX_MONTHS];
  gint64 plan =
    phaen_store_add_plan (f->store, f->unit, 2561, PHAEN_PLAN_EFFICIENCY, "12 เรื่อง", &error);

  g_assert_no_error (error);
  for (int i = 0; i < 12; i++)
    {
      gint64 item = phaen_store_add_activity (f->store, plan, 0, -1, "เรื่อง", &error);

      g_assert_no_error (error);
      phaen_store_set_month_marks (f->store, item, i, PHAEN_MARK_START, &error);
      /* items 0..3 deliver in months 2..5 (round 1) and are achieved */
      phaen_store_set_month_marks (f->store, item, i + 2,
                                   PHAEN_MARK_OUTPUT | (i < 4 ? PHAEN_MARK_ACHIEVED : 0), &error);
      g_assert_no_error (error);
    }
  items = phaen_store_list_activities (f->store, plan, &error);
  g_assert_no_error (error);

  phaen_efficiency_round (items, 1, 80, &round, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (round.planned, ==, 4);
  g_assert_cmpuint (round.achieved, ==, 4);
  g_assert_cmpfloat_with_epsilon (round.percent, 100, 1e-9);
  g_assert_true (round.passed);

  phaen_efficiency_round (items, 2, 80, &round, &error);
  g_assert_cmpuint (round.planned, ==, 10);
  g_assert_false (round.passed);

  phaen_efficiency_outputs_per_month (items, outputs);
  g_assert_cmpuint (outputs[2], ==, 1);
  g_assert_cmpuint (outputs[13], ==, 1);
  g_assert_cmpuint (outputs[0], ==, 0);
  g_assert_cmpuint (phaen_efficiency_count_group_a (items), ==, 0);

  g_assert_false (phaen_efficiency_round (items, 3, 80, &round, &error));
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID);
}

static void
collect_changes_cb (PhaenStore *store, PhaenChanges *changes, PhaenChanges *all)
{
  phaen_changes_merge (all, changes);
}

/* Every row and total of @card equals a card built afresh. */
static void
assert_same_as_built (Fixture *f, const PhaenScorecard *card)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenScorecard) fresh = phaen_scorecard_build (f->store, f->unit, 2564, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (card->rows->len, ==, fresh->rows->len);
  for (guint i = 0; i < card->rows->len; i++)
    {
      const PhaenScorecardRow *a = g_ptr_array_index (card->rows, i);
      const PhaenScorecardRow *b = g_ptr_array_index (fresh->rows, i);

      g_assert_cmpint (a->indicator->id, ==, b->indicator->id);
      g_assert_cmpstr (a->problem, ==, b->problem);
      for (int q = 0; q < PHAEN_QUARTERS; q++)
        {
          g_assert_cmpint (a->results[q] != NULL, ==, b->results[q] != NULL);
          if (a->results[q] != NULL)
            g_assert_cmpstr (a->results[q]->value_text, ==, b->results[q]->value_text);
          g_assert_cmpint (a->scores[q].has_score, ==, b->scores[q].has_score);
          g_assert_cmpfloat (a->scores[q].score, ==, b->scores[q].score);
          g_assert_cmpfloat (a->scores[q].weighted, ==, b->scores[q].weighted);
        }
    }
  for (int q = 0; q < PHAEN_QUARTERS; q++)
    {
      g_assert_cmpfloat (card->total[q], ==, fresh->total[q]);
      g_assert_cmpuint (card->n_scored[q], ==, fresh->n_scored[q]);
    }
  g_assert_cmpfloat (card->weight_sum, ==, fresh->weight_sum);
}

/* A typed result rescores its own row only, and the card equals a fresh one after edits, undo
 * (which deletes a result row) and redo; an indicator's edit asks for a new card instead. */
static void
test_update (Fixture *f, gconstpointer data)
{
  const double thresholds[] = { 0, 150, 300, 450, 826 };
  const char *const stp_results[] = { "0", "184", NULL, NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenScorecard) card = NULL;
  g_autoptr (PhaenIndicator) indicator = NULL;
  gint64 stp, kpr;
  guint built;

  stp = add_indicator (f, "สตป. 02", PHAEN_SCORING_NUMERIC, 30, thresholds);
  set_results (f, stp, stp_results);
  kpr = add_indicator (f, "กพร.9", PHAEN_SCORING_MILESTONE, 70, NULL);
  card = phaen_scorecard_build (f->store, f->unit, 2564, &error);
  g_assert_no_error (error);
  built = phaen_scorecard_get_n_built ();

  for (guint step = 0; step < 5; step++)
    {
      g_autoptr (PhaenChanges) all = phaen_changes_new ();
      g_autoptr (GArray) rows = NULL;
      gulong id =
        g_signal_connect (f->store, "records-changed", G_CALLBACK (collect_changes_cb), all);

      switch (step)
        {
        case 0: /* a new result: an inserted row */
          phaen_store_set_result (f->store, stp, 3, "464", "", "", &error);
          break;
        case 1: /* a changed one, in the other row */
          phaen_store_set_result (f->store, kpr, 1, "3", "", "", &error);
          break;
        case 2: /* undo deletes the result inserted in step 1 */
          phaen_store_undo (f->store, &error);
          break;
        case 3:
          phaen_store_redo (f->store, &error);
          break;
        case 4: /* two edits coalesced into one refresh */
          phaen_store_set_result (f->store, stp, 4, "826", "", "", &error);
          g_assert_no_error (error);
          phaen_store_set_result (f->store, kpr, 2, "5", "", "", &error);
          break;
        }
      g_assert_no_error (error);
      g_signal_handler_disconnect (f->store, id);

      g_assert_true (phaen_scorecard_update (card, f->store, all, &rows, &error));
      g_assert_no_error (error);
      g_assert_nonnull (rows);
      /* Only the edited indicator's row (the card's order: สตป. 02, then กพร.9). */
      g_assert_cmpuint (rows->len, ==, step == 4 ? 2 : 1);
      if (step != 4)
        g_assert_cmpuint (g_array_index (rows, guint, 0), ==, step == 0 ? 0 : 1);
      assert_same_as_built (f, card);
    }
  /* Q4: สตป. 02 reached 826 (5 × 30 % = 1.5); กพร.9 has no Q4 result. */
  g_assert_cmpfloat_with_epsilon (card->total[3], 1.5, 1e-9);
  g_assert_cmpuint (phaen_scorecard_get_n_built (), ==, built + 5); /* the checks' own builds */

  /* A weight changes what the rows add up to: the card is built again. */
  {
    g_autoptr (PhaenChanges) all = phaen_changes_new ();
    gulong id =
      g_signal_connect (f->store, "records-changed", G_CALLBACK (collect_changes_cb), all);

    indicator = phaen_store_get_indicator (f->store, kpr, &error);
    g_assert_no_error (error);
    indicator->weight = 60;
    phaen_store_update_indicator (f->store, indicator, &error);
    g_assert_no_error (error);
    g_signal_handler_disconnect (f->store, id);
    g_assert_false (phaen_scorecard_update (card, f->store, all, NULL, &error));
    g_assert_no_error (error);
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/scorecard/seed-numbers", Fixture, NULL, fixture_setup, test_seed_numbers,
              fixture_teardown);
  g_test_add ("/scorecard/missing-quarter-and-override", Fixture, NULL, fixture_setup,
              test_missing_quarter_and_override, fixture_teardown);
  g_test_add ("/scorecard/update", Fixture, NULL, fixture_setup, test_update, fixture_teardown);
  g_test_add ("/scorecard/validate", Fixture, NULL, fixture_setup, test_validate, fixture_teardown);
  g_test_add ("/scorecard/pmqa-category", Fixture, NULL, fixture_setup, test_pmqa_category,
              fixture_teardown);
  g_test_add ("/scorecard/efficiency-round", Fixture, NULL, fixture_setup, test_efficiency_round,
              fixture_teardown);
  return g_test_run ();
}
