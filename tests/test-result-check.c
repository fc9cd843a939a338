/* test-result-check.c — the quarterly report's warnings and the dashboard's traffic lights
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "phaen-result-check.h"

static PhaenResult *
result (const char *text, gboolean has_value, double value)
{
  PhaenResult *r = g_new0 (PhaenResult, 1);

  r->value_text = g_strdup (text);
  r->has_value = has_value;
  r->value = value;
  return r;
}

static gboolean
has_warning (GPtrArray *warnings, PhaenWarningKind kind)
{
  for (guint i = 0; i < warnings->len; i++)
    if (((PhaenWarning *)g_ptr_array_index (warnings, i))->kind == kind)
      return TRUE;
  return FALSE;
}

static void
test_numeric (void)
{
  PhaenIndicator indicator = { .code = "สตป. 02", .cumulative = TRUE };
  PhaenCriteria rules;
  PhaenResult *results[PHAEN_QUARTERS] = { result ("184", TRUE, 184), result ("150", TRUE, 150),
                                           result ("900", TRUE, 900), result ("abc", FALSE, 0) };
  const guint evidence[PHAEN_QUARTERS] = { 1, 1, 0, 2 };
  const double thresholds[] = { 0, 150, 300, 450, 826 };
  g_autoptr (GPtrArray) q1 = NULL;
  g_autoptr (GPtrArray) q2 = NULL;
  g_autoptr (GPtrArray) q3 = NULL;
  g_autoptr (GPtrArray) q4 = NULL;

  phaen_criteria_init (&rules, PHAEN_SCORING_NUMERIC, PHAEN_DIRECTION_HIGHER_BETTER);
  memcpy (rules.threshold, thresholds, sizeof thresholds);

  q1 = phaen_result_check (&indicator, &rules, results, evidence, 1);
  g_assert_cmpuint (q1->len, ==, 0);

  q2 = phaen_result_check (&indicator, &rules, results, evidence, 2);
  g_assert_true (has_warning (q2, PHAEN_WARNING_DECREASED));
  g_assert_cmpuint (q2->len, ==, 1);
  g_assert_nonnull (strstr (((PhaenWarning *)g_ptr_array_index (q2, 0))->message, "184"));

  q3 = phaen_result_check (&indicator, &rules, results, evidence, 3);
  g_assert_true (has_warning (q3, PHAEN_WARNING_OUTSIDE_THRESHOLDS));
  g_assert_true (has_warning (q3, PHAEN_WARNING_NO_EVIDENCE));
  g_assert_false (has_warning (q3, PHAEN_WARNING_DECREASED));

  q4 = phaen_result_check (&indicator, &rules, results, evidence, 4);
  g_assert_true (has_warning (q4, PHAEN_WARNING_NOT_A_NUMBER));
  g_assert_false (has_warning (q4, PHAEN_WARNING_NO_EVIDENCE));

  for (int q = 0; q < PHAEN_QUARTERS; q++)
    phaen_result_free (results[q]);
}

static void
test_override_and_empty (void)
{
  PhaenIndicator indicator = { .code = "กพร.9", .cumulative = TRUE };
  PhaenCriteria rules;
  PhaenResult *results[PHAEN_QUARTERS] = { NULL, result ("4-5", FALSE, 0), NULL, NULL };
  g_autoptr (GPtrArray) empty = NULL;
  g_autoptr (GPtrArray) q2 = NULL;

  phaen_criteria_init (&rules, PHAEN_SCORING_MILESTONE, PHAEN_DIRECTION_HIGHER_BETTER);
  results[1]->has_override = TRUE;
  results[1]->score_override = 4;
  results[1]->override_reason = g_strdup ("  ");

  empty = phaen_result_check (&indicator, &rules, results, NULL, 1);
  g_assert_cmpuint (empty->len, ==, 0);
  q2 = phaen_result_check (&indicator, &rules, results, NULL, 2);
  g_assert_true (has_warning (q2, PHAEN_WARNING_OVERRIDE_NO_REASON));
  g_assert_true (has_warning (q2, PHAEN_WARNING_NO_EVIDENCE));
  /* a level range such as 4-5 is a valid milestone result, not "not a number" */
  g_assert_false (has_warning (q2, PHAEN_WARNING_NOT_A_NUMBER));
  phaen_result_free (results[1]);
}

static void
test_status (void)
{
  PhaenScore none = { .has_score = FALSE };
  PhaenScore low = { .has_score = TRUE, .score = 2.2267 };
  PhaenScore standard = { .has_score = TRUE, .score = 3 };
  PhaenScore high = { .has_score = TRUE, .score = 4.0372 };
  PhaenScore failed = { .has_score = TRUE, .score = 75, .passed = FALSE };

  g_assert_cmpint (phaen_score_status (PHAEN_SCORING_NUMERIC, &none), ==, PHAEN_STATUS_NONE);
  g_assert_cmpint (phaen_score_status (PHAEN_SCORING_NUMERIC, &low), ==, PHAEN_STATUS_RED);
  g_assert_cmpint (phaen_score_status (PHAEN_SCORING_MILESTONE, &standard), ==,
                   PHAEN_STATUS_YELLOW);
  g_assert_cmpint (phaen_score_status (PHAEN_SCORING_NUMERIC, &high), ==, PHAEN_STATUS_GREEN);
  g_assert_cmpint (phaen_score_status (PHAEN_SCORING_PASS_FAIL, &failed), ==, PHAEN_STATUS_RED);
  g_assert_cmpint (phaen_score_status (PHAEN_SCORING_PMQA7, &high), ==, PHAEN_STATUS_NONE);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/result-check/numeric", test_numeric);
  g_test_add_func ("/result-check/override-and-empty", test_override_and_empty);
  g_test_add_func ("/result-check/status", test_status);
  return g_test_run ();
}
