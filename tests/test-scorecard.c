/* test-scorecard.c — the store, the criteria and the engine together, on the seeds' numbers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <math.h>
#include <string.h>

#include "phaen-criteria-in-force.h"
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
  f->store = test_workspace_new ("t.phaen", &f->dir);
  f->unit = test_add_unit (f->store, "สตป.", "สำนักตรวจสอบและประเมินผล");
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  test_workspace_close (&f->store, &f->dir);
}

/* A criteria version of five levels at @thresholds (no thresholds: levels without numbers). */
static void
add_criteria (Fixture *f, gint64 id, const char *approved_on, const double *thresholds)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenCriteriaVersion) version = phaen_criteria_version_new ();

  version->approved_on = g_strdup (approved_on);
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
}

static gint64
add_indicator_of (Fixture *f,
                  gint64 unit,
                  int fiscal_year,
                  const char *code,
                  int scoring,
                  double weight,
                  const double *thresholds)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenIndicator) indicator = NULL;
  gint64 id = phaen_store_add_indicator (f->store, unit, fiscal_year, code, code, &error);

  g_assert_no_error (error);
  indicator = phaen_store_get_indicator (f->store, id, &error);
  g_assert_no_error (error);
  indicator->scoring = scoring;
  indicator->weight = weight;
  phaen_store_update_indicator (f->store, indicator, &error);
  g_assert_no_error (error);
  add_criteria (f, id, "2020-10-01", thresholds);
  return id;
}

static gint64
add_indicator (Fixture *f, const char *code, int scoring, double weight, const double *thresholds)
{
  return add_indicator_of (f, f->unit, 2564, code, scoring, weight, thresholds);
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

  phaen_efficiency_round (items, 2561, 1, 80, NULL, &round, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (round.planned, ==, 4);
  g_assert_cmpuint (round.achieved, ==, 4);
  g_assert_cmpfloat_with_epsilon (round.percent, 100, 1e-9);
  g_assert_true (round.passed);

  phaen_efficiency_round (items, 2561, 2, 80, NULL, &round, &error);
  g_assert_cmpuint (round.planned, ==, 10);
  g_assert_false (round.passed);

  phaen_efficiency_outputs_per_month (items, outputs);
  g_assert_cmpuint (outputs[2], ==, 1);
  g_assert_cmpuint (outputs[13], ==, 1);
  g_assert_cmpuint (outputs[0], ==, 0);
  g_assert_cmpuint (phaen_efficiency_count_group_a (items), ==, 0);

  g_assert_false (phaen_efficiency_round (items, 2561, 3, 80, NULL, &round, &error));
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID);
}

/* Seed 004's counting rule: an output achieved late, by the round's end, counts in the round;
 * achieved after the round's end it counts only in round 2; a round that has not ended is in
 * progress, never ไม่ผ่าน. */
static void
test_efficiency_late_and_in_progress (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = NULL;
  PhaenEfficiencyRound round;
  PhaenEfficiencyOutput outputs[PHAEN_MAX_MONTHS];
  GDate day;
  gint64 plan =
    phaen_store_add_plan (f->store, f->unit, 2561, PHAEN_PLAN_EFFICIENCY, "12 เรื่อง", &error);
  gint64 a, b, c;

  g_assert_no_error (error);
  a = phaen_store_add_activity (f->store, plan, 0, -1, "ก", &error);
  b = phaen_store_add_activity (f->store, plan, 0, -1, "ข", &error);
  c = phaen_store_add_activity (f->store, plan, 0, -1, "ค", &error);
  g_assert_no_error (error);
  /* ก: ○ ม.ค. (3), ● ก.พ. (4): late inside round 1. */
  phaen_store_set_month_marks (f->store, a, 3, PHAEN_MARK_OUTPUT, &error);
  phaen_store_set_month_marks (f->store, a, 4, PHAEN_MARK_ACHIEVED, &error);
  /* ข: ○ มี.ค. (5), ● พ.ค. (7): late after round 1's end. */
  phaen_store_set_month_marks (f->store, b, 5, PHAEN_MARK_OUTPUT, &error);
  phaen_store_set_month_marks (f->store, b, 7, PHAEN_MARK_ACHIEVED, &error);
  /* ค: ○ ธ.ค. (2) on plan, ○ เม.ย. (6) still due. */
  phaen_store_set_month_marks (f->store, c, 2, PHAEN_MARK_OUTPUT | PHAEN_MARK_ACHIEVED, &error);
  phaen_store_set_month_marks (f->store, c, 6, PHAEN_MARK_OUTPUT, &error);
  g_assert_no_error (error);
  items = phaen_store_list_activities (f->store, plan, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (phaen_efficiency_item_outputs (g_ptr_array_index (items, 0), outputs), ==, 1);
  g_assert_cmpint (outputs[0].planned_month, ==, 3);
  g_assert_cmpint (outputs[0].achieved_month, ==, 4);
  g_assert_cmpint (phaen_efficiency_achieved_for (g_ptr_array_index (items, 0), 4), ==, 3);
  g_assert_cmpint (phaen_efficiency_achieved_for (g_ptr_array_index (items, 0), 3), ==, -1);
  /* In ก.พ. item ข has nothing due yet; in เม.ย. its มี.ค. output is due (late). */
  g_assert_cmpint (phaen_efficiency_due_output (g_ptr_array_index (items, 1), 4), ==, -1);
  g_assert_cmpint (phaen_efficiency_due_output (g_ptr_array_index (items, 1), 6), ==, 5);
  g_assert_cmpint (phaen_efficiency_due_output (g_ptr_array_index (items, 2), 6), ==, 6);

  /* Round 1 judged after its end: ก (late, by มี.ค.) and ค's ธ.ค. count, ข does not. */
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 1, G_DATE_APRIL, 2018);
  phaen_efficiency_round (items, 2561, 1, 80, &day, &round, &error);
  g_assert_no_error (error);
  g_assert_false (round.in_progress);
  g_assert_cmpuint (round.planned, ==, 3);
  g_assert_cmpuint (round.achieved, ==, 2);
  g_assert_cmpuint (round.late, ==, 1);
  g_assert_cmpfloat_with_epsilon (round.percent, 66.67, 1e-9);
  g_assert_false (round.passed);

  /* Round 2 on that day has not ended: in progress, not ไม่ผ่าน. */
  phaen_efficiency_round (items, 2561, 2, 80, &day, &round, &error);
  g_assert_true (round.in_progress);
  g_assert_false (round.passed);
  g_assert_cmpuint (round.planned, ==, 4);
  g_assert_cmpuint (round.achieved, ==, 3);
  g_assert_cmpuint (round.late, ==, 2);

  /* 31 มี.ค. 2561 is still round 1. */
  g_date_set_dmy (&day, 31, G_DATE_MARCH, 2018);
  phaen_efficiency_round (items, 2561, 1, 80, &day, &round, &error);
  g_assert_true (round.in_progress);

  /* As of the report: it reaches พ.ค. (item ข's ●), so years later round 2 is still in
   * progress while round 1 is judged. */
  g_assert_cmpint (phaen_efficiency_last_reported_month (items), ==, 7);
  g_date_set_dmy (&day, 1, G_DATE_JANUARY, 2026);
  phaen_efficiency_as_of (2561, phaen_efficiency_last_reported_month (items), &day, &day);
  g_assert_cmpint (g_date_get_day (&day), ==, 1);
  g_assert_cmpint (g_date_get_month (&day), ==, G_DATE_JUNE);
  g_assert_cmpint (g_date_get_year (&day), ==, 2018);
  phaen_efficiency_round (items, 2561, 2, 80, &day, &round, &error);
  g_assert_true (round.in_progress);
  phaen_efficiency_round (items, 2561, 1, 80, &day, &round, &error);
  g_assert_false (round.in_progress);
  /* A report of ก.ย. ends round 2. */
  phaen_efficiency_as_of (2561, 11, NULL, &day);
  phaen_efficiency_round (items, 2561, 2, 80, &day, &round, &error);
  g_assert_false (round.in_progress);
}

/* DOMAIN §4a: each quarter is scored with the version in force at its end. Version 1 (1 ต.ค.
 * 63) has T5 = 826; version 2, approved 15 มี.ค. 2564 after an appeal, T5 = 800. Q1 ended on
 * 31 ธ.ค. 63, before the approval: 810 scores 4.9574 by version 1, not 5. */
static void
test_criteria_by_quarter (Fixture *f, gconstpointer data)
{
  const double thresholds[] = { 0, 150, 300, 450, 826 };
  const char *const results[] = { "810", "810", "810", "810" };
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenScorecard) card = NULL;
  g_autoptr (PhaenCriteriaVersion) second = phaen_criteria_version_new ();
  g_autoptr (PhaenIndicator) indicator = NULL;
  g_autofree char *label = NULL;
  gint64 id = add_indicator (f, "สตป. 02", PHAEN_SCORING_NUMERIC, 30, thresholds);
  const PhaenScorecardRow *row;

  indicator = phaen_store_get_indicator (f->store, id, &error);
  g_assert_no_error (error);
  g_free (indicator->target);
  indicator->target = g_strdup ("826");
  phaen_store_update_indicator (f->store, indicator, &error);
  g_assert_no_error (error);
  set_results (f, id, results);

  card = phaen_scorecard_build (f->store, f->unit, 2564, &error);
  g_assert_no_error (error);
  row = find_row (card, "สตป. 02");
  g_assert_false (row->target_mismatch);
  g_assert_null (row->target_warning);
  g_clear_pointer (&card, phaen_scorecard_free);
  {
    /* A target that was never T5 (a level-3 target of 300) is not flagged. */
    const double other[] = { 0, 150, 300, 450, 826 };
    gint64 level3 = add_indicator (f, "สตป. 05", PHAEN_SCORING_NUMERIC, 10, other);
    g_autoptr (PhaenIndicator) three = phaen_store_get_indicator (f->store, level3, &error);

    g_free (three->target);
    three->target = g_strdup ("300");
    phaen_store_update_indicator (f->store, three, &error);
    g_assert_no_error (error);
    card = phaen_scorecard_build (f->store, f->unit, 2564, &error);
    g_assert_false (find_row (card, "สตป. 05")->target_mismatch);
    g_clear_pointer (&card, phaen_scorecard_free);
  }

  second->approved_on = g_strdup ("2021-03-15");
  second->reason = g_strdup ("อุทธรณ์");
  for (int level = 1; level <= PHAEN_LEVELS; level++)
    {
      PhaenCriterion *item = g_new0 (PhaenCriterion, 1);
      const double t[] = { 0, 150, 300, 450, 800 };

      item->level = level;
      item->has_threshold = TRUE;
      item->threshold = t[level - 1];
      item->label = g_strdup ("");
      item->description = g_strdup ("");
      g_ptr_array_add (second->items, item);
    }
  phaen_store_add_criteria_version (f->store, id, second, &error);
  g_assert_no_error (error);

  card = phaen_scorecard_build (f->store, f->unit, 2564, &error);
  g_assert_no_error (error);
  row = find_row (card, "สตป. 02");
  g_assert_null (row->problem);
  g_assert_cmpint (row->criteria->version, ==, 2);
  g_assert_cmpint (row->quarter_criteria[0]->version, ==, 1);
  g_assert_true (phaen_scorecard_row_quarter_uses_older (row, 0));
  g_assert_cmpfloat_with_epsilon (row->scores[0].score, 4.9574, 1e-9);
  g_assert_cmpfloat_with_epsilon (row->scores[0].weighted, 1.4872, 1e-9);
  /* Q2 ends 31 มี.ค. 64, after the approval: version 2, and 810 ≥ T5 = 800. */
  for (int q = 1; q < PHAEN_QUARTERS; q++)
    {
      g_assert_cmpint (row->quarter_criteria[q]->version, ==, 2);
      g_assert_false (phaen_scorecard_row_quarter_uses_older (row, q));
      g_assert_cmpfloat_with_epsilon (row->scores[q].score, 5, 1e-9);
    }
  label = phaen_scorecard_row_quarter_version_label (row, 0, FALSE);
  g_assert_cmpstr (label, ==, "version 1 (approved 1 ต.ค. 63)");
  g_clear_pointer (&label, g_free);
  label = phaen_scorecard_row_quarter_version_label (row, 1, TRUE);
  g_assert_cmpstr (label, ==, "version ๒ (approved ๑๕ มี.ค. ๖๔)");

  /* The target 826 was left beside T5 = 800: flagged. */
  g_assert_true (row->target_mismatch);
  g_assert_cmpfloat_with_epsilon (row->target_value, 826, 1e-9);
  g_assert_cmpfloat_with_epsilon (row->target_top, 800, 1e-9);
  g_assert_nonnull (strstr (row->target_warning, "826"));
  g_assert_nonnull (strstr (row->target_warning, "800"));
}

/* The version in force: the latest approved on or before the day; undated ones from the
 * start; the first one when none was approved yet. */
static void
test_criteria_in_force_rule (void)
{
  g_autoptr (GPtrArray) versions =
    g_ptr_array_new_with_free_func ((GDestroyNotify)phaen_criteria_version_free);
  const char *const dates[] = { "2020-11-01", "2021-03-15", "2021-03-15", NULL };
  GDate day;

  for (int i = 0; i < 3; i++)
    {
      PhaenCriteriaVersion *version = phaen_criteria_version_new ();

      version->version = i + 1;
      version->approved_on = g_strdup (dates[i]);
      g_ptr_array_add (versions, version);
    }
  phaen_quarter_last_day (2564, 1, &day);
  g_assert_cmpint (g_date_get_day (&day), ==, 31);
  g_assert_cmpint (g_date_get_month (&day), ==, G_DATE_DECEMBER);
  g_assert_cmpint (g_date_get_year (&day), ==, 2020);
  g_assert_cmpint (phaen_criteria_version_in_force (versions, &day)->version, ==, 1);
  phaen_quarter_last_day (2564, 2, &day);
  g_assert_cmpint (g_date_get_day (&day), ==, 31);
  g_assert_cmpint (g_date_get_month (&day), ==, G_DATE_MARCH);
  g_assert_cmpint (phaen_criteria_version_in_force (versions, &day)->version, ==, 3);
  phaen_quarter_last_day (2564, 4, &day);
  g_assert_cmpint (g_date_get_day (&day), ==, 30);
  g_assert_cmpint (g_date_get_month (&day), ==, G_DATE_SEPTEMBER);
  g_assert_cmpint (g_date_get_year (&day), ==, 2021);

  /* Before any approval: the first version. */
  g_date_set_dmy (&day, 1, G_DATE_OCTOBER, 2020);
  g_assert_cmpint (phaen_criteria_version_in_force (versions, &day)->version, ==, 1);
  /* An undated version is in force from the start, below any dated one. */
  g_free (((PhaenCriteriaVersion *)g_ptr_array_index (versions, 0))->approved_on);
  ((PhaenCriteriaVersion *)g_ptr_array_index (versions, 0))->approved_on = NULL;
  g_assert_cmpint (phaen_criteria_version_in_force (versions, &day)->version, ==, 1);
  g_date_set_dmy (&day, 16, G_DATE_MARCH, 2021);
  g_assert_cmpint (phaen_criteria_version_in_force (versions, &day)->version, ==, 3);
}

/* The reads of a whole unit's year that build a card give what the reads of each indicator
 * give, in the order of the indicators' ids, and nothing of another unit or year. */
static void
test_unit_reads (Fixture *f, gconstpointer data)
{
  const double thresholds[] = { 0, 150, 300, 450, 826 };
  const double moved[] = { 0, 150, 300, 450, 800 };
  const char *const stp_results[] = { "0", NULL, "464", NULL };
  const char *const kpr_results[] = { "3", "4-5", NULL, "5" };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) results = NULL;
  g_autoptr (GPtrArray) versions = NULL;
  gint64 other_unit = test_add_unit (f->store, "กพร.", "กลุ่มพัฒนาระบบบริหาร");
  gint64 ids[2];
  guint r = 0, v = 0;

  ids[0] = add_indicator (f, "สตป. 02", PHAEN_SCORING_NUMERIC, 30, thresholds);
  add_criteria (f, ids[0], "2021-03-15", moved);
  set_results (f, ids[0], stp_results);
  ids[1] = add_indicator (f, "กพร.9", PHAEN_SCORING_MILESTONE, 70, NULL);
  set_results (f, ids[1], kpr_results);
  set_results (f, add_indicator_of (f, other_unit, 2564, "ก.1", PHAEN_SCORING_NUMERIC, 10, moved),
               kpr_results);
  set_results (f, add_indicator_of (f, f->unit, 2565, "ก.2", PHAEN_SCORING_NUMERIC, 10, moved),
               stp_results);

  results = phaen_store_list_unit_results (f->store, f->unit, 2564, &error);
  g_assert_no_error (error);
  versions = phaen_store_list_unit_criteria_versions (f->store, f->unit, 2564, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr (GPtrArray) one_results = phaen_store_get_results (f->store, ids[i], &error);
      g_autoptr (GPtrArray) one_versions = NULL;

      g_assert_no_error (error);
      for (int q = 0; q < PHAEN_QUARTERS; q++)
        {
          const PhaenResult *want = g_ptr_array_index (one_results, q);
          const PhaenResult *got;

          if (want == NULL)
            continue;
          g_assert_cmpuint (r, <, results->len);
          got = g_ptr_array_index (results, r++);
          g_assert_cmpint (got->id, ==, want->id);
          g_assert_cmpint (got->indicator_id, ==, ids[i]);
          g_assert_cmpint (got->quarter, ==, q + 1);
          g_assert_cmpstr (got->value_text, ==, want->value_text);
        }
      one_versions = phaen_store_list_criteria_versions (f->store, ids[i], &error);
      g_assert_no_error (error);
      for (guint k = 0; k < one_versions->len; k++)
        {
          const PhaenCriteriaVersion *want = g_ptr_array_index (one_versions, k);
          const PhaenCriteriaVersion *got;

          g_assert_cmpuint (v, <, versions->len);
          got = g_ptr_array_index (versions, v++);
          g_assert_cmpint (got->id, ==, want->id);
          g_assert_cmpint (got->indicator_id, ==, ids[i]);
          g_assert_cmpint (got->version, ==, want->version);
          g_assert_cmpstr (got->approved_on, ==, want->approved_on);
          g_assert_cmpuint (got->items->len, ==, want->items->len);
          for (guint n = 0; n < want->items->len; n++)
            {
              const PhaenCriterion *a = g_ptr_array_index (got->items, n);
              const PhaenCriterion *b = g_ptr_array_index (want->items, n);

              g_assert_cmpint (a->level, ==, b->level);
              g_assert_cmpint (a->has_threshold, ==, b->has_threshold);
              g_assert_cmpfloat (a->threshold, ==, b->threshold);
              g_assert_cmpstr (a->label, ==, b->label);
            }
        }
    }
  g_assert_cmpuint (r, ==, 5);
  g_assert_cmpuint (results->len, ==, r);
  g_assert_cmpuint (v, ==, 3);
  g_assert_cmpuint (versions->len, ==, v);
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
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/scorecard/seed-numbers", test_seed_numbers);
  ADD ("/scorecard/missing-quarter-and-override", test_missing_quarter_and_override);
  ADD ("/scorecard/update", test_update);
  ADD ("/scorecard/unit-reads", test_unit_reads);
  ADD ("/scorecard/validate", test_validate);
  ADD ("/scorecard/pmqa-category", test_pmqa_category);
  ADD ("/scorecard/efficiency-round", test_efficiency_round);
  ADD ("/scorecard/efficiency-late-and-in-progress", test_efficiency_late_and_in_progress);
  ADD ("/scorecard/criteria-by-quarter", test_criteria_by_quarter);
#undef ADD
  g_test_add_func ("/scorecard/criteria-in-force-rule", test_criteria_in_force_rule);
  return g_test_run ();
}
