/* test-score.c — the scoring engine against the seeds' own numbers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <math.h>
#include <string.h>

#include "phaen-error.h"
#include "phaen-score.h"

#define EPS 1e-9

/* seed 002, สตป. 02 */
static const double stp02_thresholds[PHAEN_N_LEVELS] = { 0, 150, 300, 450, 826 };

static PhaenScoreInput
value_input (double value)
{
  return (PhaenScoreInput){ .has_value = TRUE, .value = value };
}

static PhaenScoreInput
text_input (const char *text)
{
  return (PhaenScoreInput){ .text = text };
}

static void
assert_scores (const PhaenCriteria *criteria,
               const PhaenScoreInput *input,
               double weight,
               double score,
               double weighted)
{
  g_autoptr (GError) error = NULL;
  PhaenScore result;

  g_assert_true (phaen_criteria_score (criteria, input, weight, &result, &error));
  g_assert_no_error (error);
  g_assert_true (result.has_score);
  g_assert_cmpfloat_with_epsilon (result.score, score, EPS);
  g_assert_cmpfloat_with_epsilon (result.weighted, weighted, EPS);
}

static void
assert_no_score (const PhaenCriteria *criteria, const PhaenScoreInput *input)
{
  g_autoptr (GError) error = NULL;
  PhaenScore result;

  g_assert_true (phaen_criteria_score (criteria, input, 30, &result, &error));
  g_assert_no_error (error);
  g_assert_false (result.has_score);
}

static void
assert_score_fails (const PhaenCriteria *criteria, const PhaenScoreInput *input)
{
  g_autoptr (GError) error = NULL;
  PhaenScore result;

  g_assert_false (phaen_criteria_score (criteria, input, 30, &result, &error));
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_false (result.has_score);
}

/* ------------------------------------------------------------ rounding */

static void
test_round (void)
{
  static const struct
  {
    double value;
    guint decimals;
    double expected;
  } cases[] = {
    { 2.0 + 34.0 / 150.0, 4, 2.2267 }, /* seed 002 Q2 */
    { 4.0 + 14.0 / 376.0, 4, 4.0372 }, /* seed 002 Q3 */
    { 1.21115, 4, 1.2112 },            /* stored as 1.211149999… */
    { -1.21115, 4, -1.2112 },          /* away from zero */
    { 0.00005, 4, 0.0001 },
    { 0.0000499, 4, 0.0 },
    { 3.0 * 5.0 / 100.0, 4, 0.15 },       /* 0.15000000000000002 */
    { 4.0372 * 30.0 / 100.0, 4, 1.2112 }, /* 1.21116 */
    { 123456.789012345, 4, 123456.789 },
    { 97.4 / 95.8 * 100.0, 2, 101.67 }, /* seed 001 */
    { 1.005, 2, 1.01 },
    { 2.675, 2, 2.68 },
    { 826.0, 4, 826.0 },
    { 0.0, 4, 0.0 },
    { 1e20, 4, 1e20 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpfloat_with_epsilon (phaen_round_to (cases[i].value, cases[i].decimals),
                                    cases[i].expected, EPS * MAX (1.0, fabs (cases[i].expected)));

  g_assert_cmpfloat (phaen_round4 (2.0 + 34.0 / 150.0), ==, 2.2267);
  g_assert_true (isnan (phaen_round4 (NAN)));
  g_assert_true (isinf (phaen_round4 (INFINITY)));
}

/* ------------------------------------------------------- numeric kind */

static void
test_numeric_seed_002 (void)
{
  /* seed 002, สตป. 02, weight 30: the Arabic table and the Thai-digit table */
  static const struct
  {
    double value;
    const char *thai;
    double score;
    double weighted;
  } quarters[] = {
    { 0, "๐", 1, 0.3 },
    { 184, "๑๘๔", 2.2267, 0.668 },
    { 464, "๔๖๔", 4.0372, 1.2112 },
    { 826, "๘๒๖", 5, 1.5 },
  };
  PhaenCriteria criteria;

  phaen_criteria_init (&criteria, PHAEN_SCORING_NUMERIC, PHAEN_DIRECTION_HIGHER_BETTER);
  memcpy (criteria.threshold, stp02_thresholds, sizeof criteria.threshold);

  for (guint q = 0; q < G_N_ELEMENTS (quarters); q++)
    {
      PhaenScoreInput by_value = value_input (quarters[q].value);
      PhaenScoreInput by_text = text_input (quarters[q].thai);

      assert_scores (&criteria, &by_value, 30, quarters[q].score, quarters[q].weighted);
      assert_scores (&criteria, &by_text, 30, quarters[q].score, quarters[q].weighted);
      g_assert_cmpfloat_with_epsilon (phaen_score_interpolate (PHAEN_DIRECTION_HIGHER_BETTER,
                                                               stp02_thresholds, quarters[q].value),
                                      quarters[q].score, EPS);
    }
}

static void
test_numeric_edges (void)
{
  static const struct
  {
    const char *what;
    PhaenDirection direction;
    double threshold[PHAEN_N_LEVELS];
    double value;
    double expected;
  } cases[] = {
    { "below T1", PHAEN_DIRECTION_HIGHER_BETTER, { 10, 20, 30, 40, 50 }, 5, 1 },
    { "far below T1", PHAEN_DIRECTION_HIGHER_BETTER, { 10, 20, 30, 40, 50 }, -100, 1 },
    { "at T1", PHAEN_DIRECTION_HIGHER_BETTER, { 10, 20, 30, 40, 50 }, 10, 1 },
    { "between", PHAEN_DIRECTION_HIGHER_BETTER, { 10, 20, 30, 40, 50 }, 25, 2.5 },
    { "just below T5", PHAEN_DIRECTION_HIGHER_BETTER, { 10, 20, 30, 40, 50 }, 49.99, 4.999 },
    { "at T5", PHAEN_DIRECTION_HIGHER_BETTER, { 10, 20, 30, 40, 50 }, 50, 5 },
    { "above T5", PHAEN_DIRECTION_HIGHER_BETTER, { 10, 20, 30, 40, 50 }, 5000, 5 },
    { "equal T2 T3, at", PHAEN_DIRECTION_HIGHER_BETTER, { 0, 150, 150, 450, 826 }, 150, 3 },
    { "equal T2 T3, under", PHAEN_DIRECTION_HIGHER_BETTER, { 0, 150, 150, 450, 826 }, 149, 1.9933 },
    { "equal T2 T3, over", PHAEN_DIRECTION_HIGHER_BETTER, { 0, 150, 150, 450, 826 }, 160, 3.0333 },
    { "all equal, at", PHAEN_DIRECTION_HIGHER_BETTER, { 100, 100, 100, 100, 100 }, 100, 5 },
    { "all equal, under", PHAEN_DIRECTION_HIGHER_BETTER, { 100, 100, 100, 100, 100 }, 99.9, 1 },
    { "lower: above T1", PHAEN_DIRECTION_LOWER_BETTER, { 10, 8, 6, 4, 2 }, 12, 1 },
    { "lower: at T1", PHAEN_DIRECTION_LOWER_BETTER, { 10, 8, 6, 4, 2 }, 10, 1 },
    { "lower: between", PHAEN_DIRECTION_LOWER_BETTER, { 10, 8, 6, 4, 2 }, 7, 2.5 },
    { "lower: between 4-5", PHAEN_DIRECTION_LOWER_BETTER, { 10, 8, 6, 4, 2 }, 3, 4.5 },
    { "lower: at T5", PHAEN_DIRECTION_LOWER_BETTER, { 10, 8, 6, 4, 2 }, 2, 5 },
    { "lower: below T5", PHAEN_DIRECTION_LOWER_BETTER, { 10, 8, 6, 4, 2 }, 0, 5 },
    { "lower: equal T3 T4", PHAEN_DIRECTION_LOWER_BETTER, { 10, 8, 5, 5, 2 }, 5, 4 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      double got;

      g_test_message ("%s", cases[i].what);
      g_assert_true (phaen_thresholds_validate (cases[i].direction, cases[i].threshold, &error));
      g_assert_no_error (error);
      got = phaen_score_interpolate (cases[i].direction, cases[i].threshold, cases[i].value);
      g_assert_cmpfloat_with_epsilon (got, cases[i].expected, EPS);
    }
}

static void
test_numeric_mirror (void)
{
  /* lower-is-better equals higher-is-better on negated thresholds and value */
  static const double lower[PHAEN_N_LEVELS] = { 826, 450, 300, 150, 0 };
  static const double values[] = { 900, 826, 700, 464, 300, 184, 151, 150, 0, -3 };
  double negated[PHAEN_N_LEVELS];

  for (guint i = 0; i < PHAEN_N_LEVELS; i++)
    negated[i] = -lower[i];

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      double a = phaen_score_interpolate (PHAEN_DIRECTION_LOWER_BETTER, lower, values[i]);
      double b = phaen_score_interpolate (PHAEN_DIRECTION_HIGHER_BETTER, negated, -values[i]);

      g_assert_cmpfloat_with_epsilon (a, b, EPS);
      g_assert_cmpfloat (a, >=, 1.0);
      g_assert_cmpfloat (a, <=, 5.0);
    }
}

static void
test_numeric_validate (void)
{
  static const struct
  {
    PhaenDirection direction;
    double threshold[PHAEN_N_LEVELS];
    const char *mentions;
  } bad[] = {
    { PHAEN_DIRECTION_HIGHER_BETTER, { 0, 150, 100, 450, 826 }, "เกณฑ์ระดับ 3" },
    { PHAEN_DIRECTION_HIGHER_BETTER, { 826, 450, 300, 150, 0 }, "ค่ามากดี" },
    { PHAEN_DIRECTION_LOWER_BETTER, { 0, 150, 300, 450, 826 }, "ค่าน้อยดี" },
    { PHAEN_DIRECTION_HIGHER_BETTER, { 0, 150, NAN, 450, 826 }, "ไม่ใช่ตัวเลข" },
  };
  PhaenCriteria criteria;
  PhaenScoreInput input = value_input (184);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;

      g_assert_false (phaen_thresholds_validate (bad[i].direction, bad[i].threshold, &error));
      g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, bad[i].mentions));

      phaen_criteria_init (&criteria, PHAEN_SCORING_NUMERIC, bad[i].direction);
      memcpy (criteria.threshold, bad[i].threshold, sizeof criteria.threshold);
      assert_score_fails (&criteria, &input);
    }
}

/* ----------------------------------------------------- milestone kind */

static void
test_milestone_seed_000 (void)
{
  /* seed 000, กพร.9, weight 5 */
  static const struct
  {
    double level;
    double weighted;
  } quarters[] = { { 3, 0.15 }, { 5, 0.25 }, { 5, 0.25 }, { 5, 0.25 } };
  PhaenCriteria criteria;

  phaen_criteria_init (&criteria, PHAEN_SCORING_MILESTONE, PHAEN_DIRECTION_HIGHER_BETTER);
  for (guint q = 0; q < G_N_ELEMENTS (quarters); q++)
    {
      PhaenScoreInput input = value_input (quarters[q].level);

      assert_scores (&criteria, &input, 5, quarters[q].level, quarters[q].weighted);
    }
}

static void
test_milestone_text (void)
{
  static const struct
  {
    const char *text;
    double level;
  } good[] = {
    { "1", 1 },   { "2", 2 },       { "3", 3 },     { "4-5", 5 }, /* seed 002, second indicator */
    { "๔-๕", 5 }, { " ๔ – ๕ ", 5 }, { "4 - 5", 5 }, { "๓", 3 },   { "0", 0 },
  };
  static const char *const missing[] = { NULL, "", "-", " - ", "–" };
  static const char *const bad[] = { "6", "abc", "5-4", "4-", "-1", "ระดับ", "4-5-6" };
  PhaenCriteria criteria;

  phaen_criteria_init (&criteria, PHAEN_SCORING_MILESTONE, PHAEN_DIRECTION_HIGHER_BETTER);

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      PhaenScoreInput input = text_input (good[i].text);

      g_test_message ("“%s”", good[i].text);
      assert_scores (&criteria, &input, 10, good[i].level, good[i].level / 10);
    }
  for (guint i = 0; i < G_N_ELEMENTS (missing); i++)
    {
      PhaenScoreInput input = text_input (missing[i]);

      assert_no_score (&criteria, &input);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      PhaenScoreInput input = text_input (bad[i]);

      g_test_message ("“%s”", bad[i]);
      assert_score_fails (&criteria, &input);
    }
}

static void
test_numeric_rejects_range (void)
{
  PhaenCriteria criteria;
  PhaenScoreInput range = text_input ("4-5");
  PhaenScoreInput money = text_input ("๑๔,๗๖๐.๐๐");
  PhaenScoreInput dash = text_input ("-");

  phaen_criteria_init (&criteria, PHAEN_SCORING_NUMERIC, PHAEN_DIRECTION_HIGHER_BETTER);
  memcpy (criteria.threshold, stp02_thresholds, sizeof criteria.threshold);

  assert_score_fails (&criteria, &range);
  assert_scores (&criteria, &money, 30, 5, 1.5);
  assert_no_score (&criteria, &dash);
}

/* ---------------------------------------------------------- bands kind */

static void
set_seed_002_bands (PhaenCriteria *criteria)
{
  /* seed 002: ระดับคุณภาพ ครบ 826, ระดับมาตรฐาน 700 - 826, ระดับต้องปรับปรุง น้อยกว่า 700 */
  phaen_criteria_init (criteria, PHAEN_SCORING_BANDS, PHAEN_DIRECTION_HIGHER_BETTER);
  criteria->n_bands = 3;
  criteria->band[0] = (PhaenBand){ "ระดับคุณภาพ", 826, INFINITY, TRUE, FALSE, 5 };
  criteria->band[1] = (PhaenBand){ "ระดับมาตรฐาน", 700, 826, TRUE, TRUE, 3 };
  criteria->band[2] = (PhaenBand){ "ระดับต้องปรับปรุง", -INFINITY, 700, FALSE, FALSE, 1 };
}

static void
test_bands_seed_002 (void)
{
  static const struct
  {
    double value;
    int band;
    double score;
  } cases[] = {
    { 826, 0, 5 },   { 900, 0, 5 }, { 825.99, 1, 3 }, { 700, 1, 3 },
    { 699.5, 2, 1 }, { 464, 2, 1 }, { 0, 2, 1 },
  };
  PhaenCriteria criteria;
  PhaenBand swapped[2];

  set_seed_002_bands (&criteria);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      PhaenScoreInput input = value_input (cases[i].value);
      PhaenScore score;

      g_assert_true (phaen_criteria_score (&criteria, &input, 30, &score, &error));
      g_assert_no_error (error);
      g_assert_cmpint (score.band, ==, cases[i].band);
      g_assert_cmpfloat_with_epsilon (score.score, cases[i].score, EPS);
      g_assert_cmpfloat_with_epsilon (score.weighted, cases[i].score * 0.3, EPS);
    }

  /* the overlap at 826 goes to whichever band is listed first */
  swapped[0] = criteria.band[1];
  swapped[1] = criteria.band[0];
  g_assert_cmpint (phaen_bands_find (swapped, 2, 826), ==, 0);
  g_assert_cmpint (phaen_bands_find (swapped, 2, 827), ==, 1);
}

static void
test_bands_invalid (void)
{
  PhaenCriteria criteria;
  PhaenScoreInput input = value_input (500);
  g_autoptr (GError) error = NULL;

  /* a gap: no band below 700 */
  set_seed_002_bands (&criteria);
  criteria.n_bands = 2;
  assert_score_fails (&criteria, &input);

  /* a band that holds nothing */
  set_seed_002_bands (&criteria);
  criteria.band[1].lower = 826;
  criteria.band[1].lower_inclusive = FALSE;
  g_assert_false (phaen_bands_validate (criteria.band, criteria.n_bands, &error));
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "ระดับมาตรฐาน"));
  g_clear_error (&error);

  set_seed_002_bands (&criteria);
  criteria.band[2].upper = -1;
  criteria.band[2].lower = 0;
  assert_score_fails (&criteria, &input);

  set_seed_002_bands (&criteria);
  criteria.n_bands = 0;
  assert_score_fails (&criteria, &input);
}

/* ------------------------------------------------------ pass/fail kind */

static void
test_pass_fail (void)
{
  static const struct
  {
    double achieved;
    double planned;
    double pass_percent;
    double percent;
    gboolean passed;
  } cases[] = {
    { 4, 4, PHAEN_PASS_PERCENT_DEFAULT, 100, TRUE }, /* seed 004, round 1 */
    { 4, 5, PHAEN_PASS_PERCENT_DEFAULT, 80, TRUE },  /* exactly 80 passes */
    { 3, 4, PHAEN_PASS_PERCENT_DEFAULT, 75, FALSE },
    { 2, 3, PHAEN_PASS_PERCENT_DEFAULT, 66.67, FALSE },
    { 0, 2, PHAEN_PASS_PERCENT_DEFAULT, 0, FALSE },
    { 3, 4, 75, 75, TRUE },
  };
  PhaenCriteria criteria;

  phaen_criteria_init (&criteria, PHAEN_SCORING_PASS_FAIL, PHAEN_DIRECTION_HIGHER_BETTER);
  g_assert_cmpfloat (criteria.pass_percent, ==, PHAEN_PASS_PERCENT_DEFAULT);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      PhaenScoreInput input = { .has_value = TRUE,
                                .value = cases[i].achieved,
                                .has_target = TRUE,
                                .target = cases[i].planned };
      PhaenScore score;

      criteria.pass_percent = cases[i].pass_percent;
      g_assert_true (phaen_criteria_score (&criteria, &input, 0, &score, &error));
      g_assert_no_error (error);
      g_assert_true (score.has_score);
      g_assert_cmpfloat_with_epsilon (score.percent, cases[i].percent, EPS);
      g_assert_cmpfloat_with_epsilon (score.score, cases[i].percent, EPS);
      g_assert_cmpint (score.passed, ==, cases[i].passed);
    }
}

static void
test_pass_fail_nothing_planned (void)
{
  g_autoptr (GError) error = NULL;
  PhaenCriteria criteria;
  PhaenScoreInput zero = { .has_value = TRUE, .value = 0, .has_target = TRUE, .target = 0 };
  PhaenScoreInput unset = { .has_value = TRUE, .value = 2 };
  PhaenScoreInput negative = { .has_value = TRUE, .value = 2, .has_target = TRUE, .target = -1 };
  double percent = -1;

  phaen_criteria_init (&criteria, PHAEN_SCORING_PASS_FAIL, PHAEN_DIRECTION_HIGHER_BETTER);
  assert_no_score (&criteria, &zero);
  assert_no_score (&criteria, &unset);
  assert_score_fails (&criteria, &negative);

  g_assert_false (phaen_pass_fail_evaluate (3, 0, 80, &percent, NULL, &error));
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID);
  g_assert_cmpfloat (percent, ==, -1);

  criteria.pass_percent = 0;
  assert_score_fails (&criteria, &unset);
}

/* ---------------------------------------------------------- PMQA 7 kind */

typedef struct
{
  const char *sub_item;
  PhaenDirection direction;
  double target;
  double result;
  double percent;
  double score; /* as the seed's คะแนน column shows it */
  gboolean overridden;
} Pmqa7Row;

/* seed 001, หมวด 7 of สป.กค.: target, 2567 result, % ความสำเร็จ and คะแนน */
static const Pmqa7Row seed_001[] = {
  { "7.1", PHAEN_DIRECTION_LOWER_BETTER, 0.10, 0.05, 150.00, 500, FALSE },
  { "7.1", PHAEN_DIRECTION_HIGHER_BETTER, 826, 826, 100.00, 300, FALSE },
  { "7.1", PHAEN_DIRECTION_HIGHER_BETTER, 95.80, 97.4, 101.67, 300, FALSE },
  { "7.1", PHAEN_DIRECTION_HIGHER_BETTER, 98.80, 100, 101.21, 300, FALSE },
  { "7.1", PHAEN_DIRECTION_HIGHER_BETTER, 89.00, 100.00, 112.36, 500, FALSE },
  { "7.2", PHAEN_DIRECTION_HIGHER_BETTER, 82.50, 83.27, 100.93, 300, FALSE },
  { "7.2", PHAEN_DIRECTION_HIGHER_BETTER, 8500.00, 12375.00, 145.59, 500, FALSE },
  { "7.2", PHAEN_DIRECTION_HIGHER_BETTER, 93.10, 93.41, 100.33, 300, FALSE },
  { "7.2", PHAEN_DIRECTION_HIGHER_BETTER, 3, 4, 133.33, 500, FALSE },
  { "7.2", PHAEN_DIRECTION_HIGHER_BETTER, 100, 100, 100.00, 300, FALSE },
  { "7.3", PHAEN_DIRECTION_HIGHER_BETTER, 1, 3, 300.00, 500, FALSE },
  { "7.3", PHAEN_DIRECTION_HIGHER_BETTER, 20, 39, 195.00, 500, FALSE },
  { "7.3", PHAEN_DIRECTION_HIGHER_BETTER, 14, 16, 114.29, 500, FALSE },
  { "7.3", PHAEN_DIRECTION_HIGHER_BETTER, 238, 247, 103.78, 300, FALSE },
  { "7.3", PHAEN_DIRECTION_HIGHER_BETTER, 3, 4, 133.33, 500, FALSE },
  { "7.4", PHAEN_DIRECTION_HIGHER_BETTER, 2, 3, 150.00, 500, FALSE },
  { "7.4", PHAEN_DIRECTION_HIGHER_BETTER, 2, 3, 150.00, 500, FALSE },
  /* scored 100 by the agency although 111.11 % suggests 500: an override */
  { "7.4", PHAEN_DIRECTION_HIGHER_BETTER, 9, 10, 111.11, 100, TRUE },
  { "7.4", PHAEN_DIRECTION_HIGHER_BETTER, 80.00, 95, 118.75, 500, FALSE },
  { "7.4", PHAEN_DIRECTION_HIGHER_BETTER, 95.00, 89.68, 94.40, 200, FALSE },
  { "7.5", PHAEN_DIRECTION_HIGHER_BETTER, 100, 100, 100.00, 300, FALSE },
  { "7.5", PHAEN_DIRECTION_HIGHER_BETTER, 37.50, 75.00, 200.00, 500, FALSE },
  { "7.5", PHAEN_DIRECTION_HIGHER_BETTER, 100, 100, 100.00, 300, FALSE },
  { "7.5", PHAEN_DIRECTION_HIGHER_BETTER, 6, 8, 133.33, 500, FALSE },
  { "7.5", PHAEN_DIRECTION_LOWER_BETTER, 9.00, 0.5, 194.44, 500, FALSE },
  { "7.6", PHAEN_DIRECTION_HIGHER_BETTER, 2, 4, 200.00, 500, FALSE },
  { "7.6", PHAEN_DIRECTION_LOWER_BETTER, 0.10, 0.03, 170.00, 500, FALSE },
  { "7.6", PHAEN_DIRECTION_HIGHER_BETTER, 59.57, 47.76, 80.17, 200, FALSE },
  { "7.6", PHAEN_DIRECTION_HIGHER_BETTER, 100, 100, 100.00, 300, FALSE },
  { "7.6", PHAEN_DIRECTION_HIGHER_BETTER, 74.39, 100, 134.43, 500, FALSE },
};

static PhaenScore
score_pmqa_row (const Pmqa7Row *row)
{
  g_autoptr (GError) error = NULL;
  PhaenCriteria criteria;
  PhaenScoreInput input = { .has_value = TRUE,
                            .value = row->result,
                            .has_target = TRUE,
                            .target = row->target,
                            .has_override = row->overridden,
                            .override_score = row->score };
  PhaenScore score;

  phaen_criteria_init (&criteria, PHAEN_SCORING_PMQA7, row->direction);
  g_assert_true (phaen_criteria_score (&criteria, &input, 0, &score, &error));
  g_assert_no_error (error);
  return score;
}

static void
test_pmqa_seed_001 (void)
{
  static const char *const sub_items[] = { "7.1", "7.2", "7.3", "7.4", "7.5", "7.6" };
  static const double sub_item_means[] = { 380, 380, 460, 360, 420, 400 };
  PhaenScore sub_item_scores[G_N_ELEMENTS (sub_items)];
  PhaenScore category;

  for (guint s = 0; s < G_N_ELEMENTS (sub_items); s++)
    {
      PhaenScore scores[G_N_ELEMENTS (seed_001)];
      guint n = 0;

      for (guint i = 0; i < G_N_ELEMENTS (seed_001); i++)
        {
          const Pmqa7Row *row = &seed_001[i];
          PhaenScore score;

          if (g_strcmp0 (row->sub_item, sub_items[s]) != 0)
            continue;
          score = score_pmqa_row (row);
          g_test_message ("%s: %g vs %g", row->sub_item, row->result, row->target);
          g_assert_true (score.has_score);
          g_assert_cmpfloat_with_epsilon (score.percent, row->percent, EPS);
          g_assert_cmpfloat_with_epsilon (score.score, row->score, EPS);
          g_assert_cmpint (score.overridden, ==, row->overridden);
          if (row->overridden)
            g_assert_cmpfloat_with_epsilon (score.suggested, 500, EPS);
          scores[n++] = score;
        }

      sub_item_scores[s] = phaen_pmqa_mean (scores, n);
      g_assert_true (sub_item_scores[s].has_score);
      g_assert_cmpfloat_with_epsilon (sub_item_scores[s].score, sub_item_means[s], EPS);
    }

  category = phaen_pmqa_mean (sub_item_scores, G_N_ELEMENTS (sub_item_scores));
  g_assert_true (category.has_score);
  g_assert_cmpfloat_with_epsilon (category.score, 400.00, EPS);
}

static void
test_pmqa_percent (void)
{
  double percent = 0;
  g_autoptr (GError) error = NULL;

  g_assert_true (
    phaen_pmqa_success_percent (PHAEN_DIRECTION_HIGHER_BETTER, 97.4, 95.8, &percent, &error));
  g_assert_cmpfloat_with_epsilon (percent, 101.67, EPS);
  g_assert_true (
    phaen_pmqa_success_percent (PHAEN_DIRECTION_LOWER_BETTER, 0.05, 0.10, &percent, &error));
  g_assert_cmpfloat_with_epsilon (percent, 150.00, EPS);
  g_assert_no_error (error);

  g_assert_false (
    phaen_pmqa_success_percent (PHAEN_DIRECTION_HIGHER_BETTER, 5, 0, &percent, &error));
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID);
}

static void
test_pmqa_scale (void)
{
  /* seed 003: ≤ 5 % over the target 300, ≤ 10 % 400, more 500 */
  static const struct
  {
    double percent;
    double score;
  } cases[] = {
    { 300, 500 }, { 110.01, 500 }, { 110, 400 }, { 105.01, 400 }, { 105, 300 },
    { 100, 300 }, { 99.99, 200 },  { 80, 200 },  { 79.99, 100 },  { -20, 100 },
  };
  PhaenCriteria criteria;
  PhaenScoreInput input = { .has_value = TRUE, .value = 112.36, .has_target = TRUE, .target = 100 };
  PhaenScore score;
  g_autoptr (GError) error = NULL;
  guint n_bands = 0;
  const PhaenBand *scale = phaen_pmqa_default_scale (&n_bands);

  g_assert_true (phaen_bands_validate (scale, n_bands, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double suggested = 0;

      g_assert_true (phaen_pmqa_suggest_score (NULL, 0, cases[i].percent, &suggested));
      g_assert_cmpfloat_with_epsilon (suggested, cases[i].score, EPS);
    }

  /* an agency's own scale replaces the default */
  phaen_criteria_init (&criteria, PHAEN_SCORING_PMQA7, PHAEN_DIRECTION_HIGHER_BETTER);
  criteria.n_bands = 2;
  criteria.band[0] = (PhaenBand){ "บรรลุ", 100, 120, TRUE, TRUE, 300 };
  criteria.band[1] = (PhaenBand){ "ไม่บรรลุ", -INFINITY, 100, FALSE, FALSE, 100 };
  g_assert_true (phaen_criteria_score (&criteria, &input, 0, &score, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (score.score, 300, EPS);
  g_assert_cmpint (score.band, ==, 0);

  input.value = 130;
  assert_score_fails (&criteria, &input);
}

static void
test_pmqa_skip_empty (void)
{
  PhaenScore scores[] = {
    { .has_score = TRUE, .score = 500 },
    { .has_score = FALSE }, /* group 4 of 7.1 in seed 001 has no indicator */
    { .has_score = TRUE, .score = 300 },
    { .has_score = TRUE, .score = 300 },
  };
  PhaenScore none[] = { { .has_score = FALSE }, { .has_score = FALSE } };
  PhaenScore mean;
  PhaenCriteria criteria;
  PhaenScoreInput no_target = { .has_value = TRUE, .value = 5 };
  PhaenScoreInput no_result = { .has_target = TRUE, .target = 5 };

  mean = phaen_pmqa_mean (scores, G_N_ELEMENTS (scores));
  g_assert_true (mean.has_score);
  g_assert_cmpfloat_with_epsilon (mean.score, 366.67, EPS);

  g_assert_false (phaen_pmqa_mean (none, G_N_ELEMENTS (none)).has_score);
  g_assert_false (phaen_pmqa_mean (NULL, 0).has_score);

  phaen_criteria_init (&criteria, PHAEN_SCORING_PMQA7, PHAEN_DIRECTION_HIGHER_BETTER);
  assert_no_score (&criteria, &no_target);
  assert_no_score (&criteria, &no_result);
}

static void
test_pmqa_stretch (void)
{
  /* seed 001: target against the 2565 and 2566 results */
  static const struct
  {
    PhaenDirection direction;
    double target;
    double previous_1;
    double previous_2;
    gboolean stretch;
  } cases[] = {
    { PHAEN_DIRECTION_HIGHER_BETTER, 95.80, 96.2, 95, TRUE },
    { PHAEN_DIRECTION_HIGHER_BETTER, 238, 234, 241, TRUE },
    { PHAEN_DIRECTION_HIGHER_BETTER, 93.10, 93.00, 93.02, TRUE },
    { PHAEN_DIRECTION_HIGHER_BETTER, 9, 9, 10, FALSE },
    { PHAEN_DIRECTION_HIGHER_BETTER, 826, 826, 826, FALSE },
    { PHAEN_DIRECTION_LOWER_BETTER, 9.00, 0, 19.77, TRUE },
    { PHAEN_DIRECTION_LOWER_BETTER, 0.10, 0.10, 0.10, FALSE },
    { PHAEN_DIRECTION_LOWER_BETTER, 95.80, 96.2, 95, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      gboolean stretch = phaen_pmqa_check_stretch (
        cases[i].direction, cases[i].target, cases[i].previous_1, cases[i].previous_2, &error);

      g_assert_cmpint (stretch, ==, cases[i].stretch);
      if (stretch)
        g_assert_no_error (error);
      else
        g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID);
    }
}

/* ------------------------------------------------- weights and totals */

static void
test_weights (void)
{
  static const struct
  {
    double weights[4];
    guint n;
    double sum;
    gboolean ok;
  } cases[] = {
    { { 30, 30, 20, 20 }, 4, 100, TRUE },
    { { 33.3, 33.3, 33.4 }, 3, 100, TRUE },
    { { 30, 30, 20, 19.5 }, 4, 99.5, FALSE },
    { { 30, 30, 20, 25 }, 4, 105, FALSE },
    { { 0 }, 0, 0, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      double sum = -1;

      g_assert_cmpint (phaen_weights_check (cases[i].weights, cases[i].n, &sum, &error), ==,
                       cases[i].ok);
      g_assert_cmpfloat_with_epsilon (sum, cases[i].sum, EPS);
      if (cases[i].ok)
        g_assert_no_error (error);
      else
        g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID);
    }

  {
    g_autoptr (GError) error = NULL;
    const double weights[] = { 30, 30, 20, 19.5 };

    g_assert_false (phaen_weights_check (weights, G_N_ELEMENTS (weights), NULL, &error));
    g_assert_nonnull (strstr (error->message, "99.5"));
  }
  {
    g_autoptr (GError) error = NULL;
    const double weights[] = { 120, -20 };

    g_assert_false (phaen_weights_check (weights, G_N_ELEMENTS (weights), NULL, &error));
    g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID);
  }
}

static void
test_missing_quarter (void)
{
  /* seed 002's สตป. 02 with Q3 not yet reported, beside seed 000's กพร.9 */
  PhaenScoreInput stp02[4] = { value_input (0), value_input (184), text_input (NULL),
                               text_input ("826") };
  PhaenScoreInput kpr9[4] = { value_input (3), value_input (5), value_input (5), text_input ("-") };
  const double expected_totals[4] = { 0.3 + 0.15, 0.668 + 0.25, 0.25, 1.5 };
  const guint expected_scored[4] = { 2, 2, 1, 1 };
  PhaenCriteria numeric, milestone;

  phaen_criteria_init (&numeric, PHAEN_SCORING_NUMERIC, PHAEN_DIRECTION_HIGHER_BETTER);
  memcpy (numeric.threshold, stp02_thresholds, sizeof numeric.threshold);
  phaen_criteria_init (&milestone, PHAEN_SCORING_MILESTONE, PHAEN_DIRECTION_HIGHER_BETTER);

  for (guint q = 0; q < 4; q++)
    {
      g_autoptr (GError) error = NULL;
      PhaenScore unit[2];
      guint n_scored = 0;

      g_assert_true (phaen_criteria_score (&numeric, &stp02[q], 30, &unit[0], &error));
      g_assert_true (phaen_criteria_score (&milestone, &kpr9[q], 5, &unit[1], &error));
      g_assert_no_error (error);
      g_assert_cmpint (unit[0].has_score, ==, q != 2);
      g_assert_cmpint (unit[1].has_score, ==, q != 3);
      g_assert_cmpfloat_with_epsilon (phaen_score_total (unit, 2, &n_scored), expected_totals[q],
                                      EPS);
      g_assert_cmpuint (n_scored, ==, expected_scored[q]);
    }
}

static void
test_override (void)
{
  g_autoptr (GError) error = NULL;
  PhaenCriteria criteria;
  PhaenScoreInput input = {
    .has_value = TRUE, .value = 184, .has_override = TRUE, .override_score = 3
  };
  PhaenScoreInput only_override = { .has_override = TRUE, .override_score = 4 };
  PhaenScore score;

  phaen_criteria_init (&criteria, PHAEN_SCORING_NUMERIC, PHAEN_DIRECTION_HIGHER_BETTER);
  memcpy (criteria.threshold, stp02_thresholds, sizeof criteria.threshold);

  g_assert_true (phaen_criteria_score (&criteria, &input, 30, &score, &error));
  g_assert_true (score.overridden);
  g_assert_cmpfloat_with_epsilon (score.score, 3, EPS);
  g_assert_cmpfloat_with_epsilon (score.suggested, 2.2267, EPS);
  g_assert_cmpfloat_with_epsilon (score.weighted, 0.9, EPS);

  g_assert_true (phaen_criteria_score (&criteria, &only_override, 30, &score, &error));
  g_assert_no_error (error);
  g_assert_true (score.has_score);
  g_assert_cmpfloat_with_epsilon (score.weighted, 1.2, EPS);

  input.override_score = NAN;
  assert_score_fails (&criteria, &input);
}

static void
test_kind_values (void)
{
  /* stored in the database */
  g_assert_cmpint (PHAEN_SCORING_NUMERIC, ==, 0);
  g_assert_cmpint (PHAEN_SCORING_MILESTONE, ==, 1);
  g_assert_cmpint (PHAEN_SCORING_BANDS, ==, 2);
  g_assert_cmpint (PHAEN_SCORING_PASS_FAIL, ==, 3);
  g_assert_cmpint (PHAEN_SCORING_PMQA7, ==, 4);
  g_assert_cmpint (PHAEN_DIRECTION_HIGHER_BETTER, ==, 0);
  g_assert_cmpint (PHAEN_DIRECTION_LOWER_BETTER, ==, 1);

  g_assert_true (phaen_scoring_kind_is_five_level (PHAEN_SCORING_NUMERIC));
  g_assert_true (phaen_scoring_kind_is_five_level (PHAEN_SCORING_BANDS));
  g_assert_false (phaen_scoring_kind_is_five_level (PHAEN_SCORING_PASS_FAIL));
  g_assert_false (phaen_scoring_kind_is_five_level (PHAEN_SCORING_PMQA7));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/score/round", test_round);
  g_test_add_func ("/score/kind-values", test_kind_values);
  g_test_add_func ("/score/interpolate/seed-002", test_numeric_seed_002);
  g_test_add_func ("/score/interpolate/edges", test_numeric_edges);
  g_test_add_func ("/score/interpolate/mirror", test_numeric_mirror);
  g_test_add_func ("/score/interpolate/validate", test_numeric_validate);
  g_test_add_func ("/score/interpolate/text", test_numeric_rejects_range);
  g_test_add_func ("/score/milestone/seed-000", test_milestone_seed_000);
  g_test_add_func ("/score/milestone/text", test_milestone_text);
  g_test_add_func ("/score/bands/seed-002", test_bands_seed_002);
  g_test_add_func ("/score/bands/invalid", test_bands_invalid);
  g_test_add_func ("/score/pass-fail/seed-004", test_pass_fail);
  g_test_add_func ("/score/pass-fail/nothing-planned", test_pass_fail_nothing_planned);
  g_test_add_func ("/score/pmqa/seed-001", test_pmqa_seed_001);
  g_test_add_func ("/score/pmqa/percent", test_pmqa_percent);
  g_test_add_func ("/score/pmqa/scale", test_pmqa_scale);
  g_test_add_func ("/score/pmqa/skip-empty", test_pmqa_skip_empty);
  g_test_add_func ("/score/pmqa/stretch", test_pmqa_stretch);
  g_test_add_func ("/score/weights", test_weights);
  g_test_add_func ("/score/total/missing-quarter", test_missing_quarter);
  g_test_add_func ("/score/override", test_override);

  return g_test_run ();
}
