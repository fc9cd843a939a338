/* phaen-score.c — indicator scoring as the official forms compute it (DOMAIN.md §4b)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-score"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "phaen-error.h"
#include "phaen-score.h"
#include "phaen-official.h"
#include "phaen-thai-text.h"

/* ---------------------------------------------------------------- helpers */

static const char *
format_number (char *buf, gsize size, double value)
{
  return g_ascii_formatd (buf, size, "%.10g", value);
}

static gboolean
is_dash (gunichar c)
{
  return c == '-' || c == 0x2013 || c == 0x2014 || c == 0x2212;
}

/* "4-5" (seed 002, second indicator, Q4) or "๔-๕": a range of levels reached,
 * scored at its upper end. */
static gboolean
parse_level_range (const char *text, double *value)
{
  const char *p = g_utf8_next_char (text);

  for (; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (is_dash (g_utf8_get_char (p)))
        {
          g_autofree char *low_text = g_strndup (text, p - text);
          const char *high_text = g_utf8_next_char (p);
          double low, high;

          if (!phaen_parse_number (low_text, &low, NULL) ||
              !phaen_parse_number (high_text, &high, NULL) || low > high)
            return FALSE;
          *value = high;
          return TRUE;
        }
    }
  return FALSE;
}

/* Reads a result typed as text (Thai or Arabic digits).  Nothing or a lone "-"
 * means no result (DOMAIN.md §2: "-" is "none", never zero). */
static gboolean
parse_result_text (
  const char *text, gboolean allow_range, gboolean *has_value, double *value, GError **error)
{
  g_autoptr (GError) local_error = NULL;

  *has_value = FALSE;
  if (text == NULL)
    return TRUE;
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                           _ ("The result is not valid UTF-8 text"));
      return FALSE;
    }

  if (phaen_parse_optional_number (text, has_value, value, &local_error))
    return TRUE;
  if (!allow_range)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  {
    g_autofree char *trimmed = g_strstrip (g_strdup (text));

    if (*trimmed != '\0' && parse_level_range (trimmed, value))
      {
        *has_value = TRUE;
        return TRUE;
      }
  }

  g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
               _ ("The result “%s” is not a level or a range of levels, such as 3 or 4-5"), text);
  return FALSE;
}

static gboolean
read_input_value (const PhaenScoreInput *input,
                  gboolean allow_range,
                  gboolean *has_value,
                  double *value,
                  GError **error)
{
  if (!input->has_value)
    return parse_result_text (input->text, allow_range, has_value, value, error);

  if (!isfinite (input->value))
    {
      g_set_error_literal (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                           _ ("The result is not a usable number"));
      return FALSE;
    }
  *has_value = TRUE;
  *value = input->value;
  return TRUE;
}

/* Fills score->has_score, score, percent, band and passed from one value. */
static gboolean
score_value (const PhaenCriteria *criteria,
             const PhaenScoreInput *input,
             double value,
             PhaenScore *score,
             GError **error)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  const PhaenBand *scale;
  guint n_scale;
  int index;

  switch (criteria->kind)
    {
    case PHAEN_SCORING_NUMERIC:
      score->score = phaen_score_interpolate (criteria->direction, criteria->threshold, value);
      break;

    case PHAEN_SCORING_MILESTONE:
      if (value < 0.0 || value > PHAEN_N_LEVELS)
        {
          g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                       _ ("The level reached (%s) must be between 0 and %d"),
                       format_number (buf, sizeof buf, value), PHAEN_N_LEVELS);
          return FALSE;
        }
      score->score = phaen_round4 (value);
      break;

    case PHAEN_SCORING_BANDS:
      index = phaen_bands_find (criteria->band, criteria->n_bands, value);
      if (index < 0)
        {
          g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                       _ ("The result %s is in no range of the scoring criteria"),
                       format_number (buf, sizeof buf, value));
          return FALSE;
        }
      score->band = index;
      score->score = criteria->band[index].score;
      break;

    case PHAEN_SCORING_PASS_FAIL:
      /* A round with nothing planned has no score: it is not a failure. */
      if (!input->has_target || input->target == 0.0)
        return TRUE;
      if (!phaen_pass_fail_evaluate (value, input->target, criteria->pass_percent, &score->percent,
                                     &score->passed, error))
        return FALSE;
      score->score = score->percent;
      break;

    case PHAEN_SCORING_PMQA7:
      if (!input->has_target)
        return TRUE;
      if (!phaen_pmqa_success_percent (criteria->direction, value, input->target, &score->percent,
                                       error))
        return FALSE;
      scale = criteria->n_bands > 0 ? criteria->band : phaen_pmqa_default_scale (NULL);
      if (criteria->n_bands > 0)
        n_scale = criteria->n_bands;
      else
        phaen_pmqa_default_scale (&n_scale);
      index = phaen_bands_find (scale, n_scale, score->percent);
      if (index < 0)
        {
          g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                       _ ("The success percentage %s is in no range of the category 7 scale"),
                       format_number (buf, sizeof buf, score->percent));
          return FALSE;
        }
      score->band = index;
      score->score = scale[index].score;
      break;

    default:
      g_assert_not_reached ();
    }

  score->has_score = TRUE;
  score->suggested = score->score;
  return TRUE;
}

/* ------------------------------------------------------------- public API */

/**
 * phaen_round_to:
 * @value: a number
 * @decimals: digits to keep after the point (at most 15)
 *
 * Rounds half away from zero, as the official tables and Excel's ROUND do.
 *
 * A double cannot hold 1.21115 exactly (it holds 1.211149999…), so rounding the
 * binary value would give 1.2111.  The value is first written with 15
 * significant digits — every decimal of up to 15 digits survives that round
 * trip — and the decimal string is rounded.  That digit string is exact for
 * what a user typed or a table shows, and the integer built from it is divided
 * by an exact power of ten, so the result is the double nearest the rounded
 * decimal.
 *
 * Returns: @value rounded; NaN and infinities unchanged
 */
double
phaen_round_to (double value, guint decimals)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char digits[16];
  const char *exponent;
  double scale = 1.0;
  gint64 kept = 0;
  int keep;

  g_return_val_if_fail (decimals <= 15, value);

  if (!isfinite (value) || value == 0.0)
    return value;

  /* "d.ddddddddddddddde±x": 15 significant digits and a decimal exponent */
  g_ascii_formatd (buf, sizeof buf, "%.14e", fabs (value));
  digits[0] = buf[0];
  memcpy (digits + 1, buf + 2, 14);
  digits[15] = '\0';
  exponent = strchr (buf, 'e');
  g_assert (exponent != NULL);

  keep = (int)g_ascii_strtoll (exponent + 1, NULL, 10) + 1 + (int)decimals;
  if (keep >= 15)
    return value;
  if (keep < 0)
    return 0.0;

  for (int i = 0; i < keep; i++)
    kept = kept * 10 + (digits[i] - '0');
  if (digits[keep] >= '5')
    kept++;
  for (guint i = 0; i < decimals; i++)
    scale *= 10.0;

  if (kept == 0)
    return 0.0;
  return value < 0.0 ? -(double)kept / scale : (double)kept / scale;
}

/**
 * phaen_round4:
 * @value: a number
 *
 * Rounds to the 4 decimals of the official score columns (seed 002:
 * 2.22666… → 2.2267), half away from zero; see phaen_round_to().
 *
 * Returns: @value rounded to 4 decimals
 */
double
phaen_round4 (double value)
{
  return phaen_round_to (value, 4);
}

/**
 * phaen_thresholds_validate:
 * @direction: higher or lower is better
 * @threshold: T1..T5
 * @error: return location for a #GError
 *
 * Checks that the thresholds are numbers ordered for @direction: never
 * decreasing when higher is better, never increasing when lower is better.
 * Equal neighbours are allowed.
 *
 * Returns: %TRUE when usable; %FALSE with %PHAEN_ERROR_INVALID and a Thai message
 */
gboolean
phaen_thresholds_validate (PhaenDirection direction,
                           const double threshold[PHAEN_N_LEVELS],
                           GError **error)
{
  char a[G_ASCII_DTOSTR_BUF_SIZE];
  char b[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_val_if_fail (threshold != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (int i = 0; i < PHAEN_N_LEVELS; i++)
    {
      if (!isfinite (threshold[i]))
        {
          g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                       _ ("The criterion of level %d is not a number"), i + 1);
          return FALSE;
        }
    }

  for (int i = 1; i < PHAEN_N_LEVELS; i++)
    {
      gboolean higher = direction == PHAEN_DIRECTION_HIGHER_BETTER;

      if (higher ? threshold[i] < threshold[i - 1] : threshold[i] > threshold[i - 1])
        {
          g_set_error (
            error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
            higher ? _ ("The criterion of level %d (%s) must not be below that of level %d (%s), "
                        "as more is better for this indicator")
                   : _ ("The criterion of level %d (%s) must not be above that of level %d (%s), "
                        "as less is better for this indicator"),
            i + 1, format_number (a, sizeof a, threshold[i]), i,
            format_number (b, sizeof b, threshold[i - 1]));
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * phaen_score_interpolate:
 * @direction: higher or lower is better
 * @threshold: T1..T5, valid for @direction (see phaen_thresholds_validate())
 * @value: the cumulative result, compared with the annual thresholds
 *
 * Seed 002, สตป. 02: score = L + (x − T_L) / (T_{L+1} − T_L) for
 * T_L ≤ x < T_{L+1}; below T1 scores 1, from T5 up scores 5.  L is the highest
 * level whose threshold @value reaches, so equal neighbouring thresholds give
 * the higher level and the divisor is never zero.  Lower-is-better negates
 * thresholds and value, which mirrors the scale.
 *
 * Returns: the score 1..5, rounded to 4 decimals
 */
double
phaen_score_interpolate (PhaenDirection direction,
                         const double threshold[PHAEN_N_LEVELS],
                         double value)
{
  double sign = direction == PHAEN_DIRECTION_LOWER_BETTER ? -1.0 : 1.0;
  double x = sign * value;
  double low, high;
  int level = 0;

  g_return_val_if_fail (threshold != NULL, NAN);
  g_return_val_if_fail (isfinite (value), NAN);

  for (int i = 0; i < PHAEN_N_LEVELS; i++)
    if (x >= sign * threshold[i])
      level = i + 1;

  if (level == 0)
    return 1.0;
  if (level == PHAEN_N_LEVELS)
    return (double)PHAEN_N_LEVELS;

  low = sign * threshold[level - 1];
  high = sign * threshold[level];
  return phaen_round4 (level + (x - low) / (high - low));
}

/**
 * phaen_band_contains:
 * @band: a band
 * @value: a result
 *
 * Returns: whether @value lies in @band, honouring its inclusive flags
 */
gboolean
phaen_band_contains (const PhaenBand *band, double value)
{
  gboolean above, below;

  g_return_val_if_fail (band != NULL, FALSE);

  if (isnan (value))
    return FALSE;
  above = band->lower_inclusive ? value >= band->lower : value > band->lower;
  below = band->upper_inclusive ? value <= band->upper : value < band->upper;
  return above && below;
}

/**
 * phaen_bands_validate:
 * @bands: (array length=n_bands): the bands
 * @n_bands: 1..%PHAEN_MAX_BANDS
 * @error: return location for a #GError
 *
 * Checks that every band can hold a value and has a score.  Overlaps are
 * allowed: phaen_bands_find() takes the first match.
 *
 * Returns: %TRUE when usable; %FALSE with %PHAEN_ERROR_INVALID and a Thai message
 */
gboolean
phaen_bands_validate (const PhaenBand *bands, guint n_bands, GError **error)
{
  char a[G_ASCII_DTOSTR_BUF_SIZE];
  char b[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_val_if_fail (bands != NULL || n_bands == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_bands == 0 || n_bands > PHAEN_MAX_BANDS)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                   _ ("Band criteria need 1 to %d bands (there are %u)"), PHAEN_MAX_BANDS, n_bands);
      return FALSE;
    }

  for (guint i = 0; i < n_bands; i++)
    {
      const PhaenBand *band = &bands[i];
      g_autofree char *name =
        band->label != NULL ? g_strdup (band->label) : g_strdup_printf (_ ("band %u"), i + 1);

      if (isnan (band->lower) || isnan (band->upper) || !isfinite (band->score))
        {
          g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                       _ ("A bound or the score of %s is not a number"), name);
          return FALSE;
        }
      if (band->lower > band->upper ||
          (band->lower == band->upper && !(band->lower_inclusive && band->upper_inclusive)))
        {
          g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                       _ ("No value can fall in %s (lower bound %s, upper bound %s)"), name,
                       format_number (a, sizeof a, band->lower),
                       format_number (b, sizeof b, band->upper));
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * phaen_bands_find:
 * @bands: (array length=n_bands): the bands, in the order the criteria list them
 * @n_bands: how many
 * @value: a result
 *
 * Returns: the index of the first band containing @value, or -1 when none does
 */
int
phaen_bands_find (const PhaenBand *bands, guint n_bands, double value)
{
  g_return_val_if_fail (bands != NULL || n_bands == 0, -1);

  for (guint i = 0; i < n_bands; i++)
    if (phaen_band_contains (&bands[i], value))
      return (int)i;
  return -1;
}

/**
 * phaen_pass_fail_evaluate:
 * @achieved: outputs achieved on plan in the round
 * @planned: outputs planned in the round, more than zero
 * @pass_percent: the pass mark (%PHAEN_PASS_PERCENT_DEFAULT in seed 004)
 * @percent: (out): achieved ÷ planned × 100, rounded to 2 decimals
 * @passed: (out) (optional): whether @percent ≥ @pass_percent
 * @error: return location for a #GError
 *
 * Seed 004 (OPDC indicator 4.2): ผลผลิตที่ดำเนินการได้ตามแผน × 100 ÷ ผลผลิตตามแผนทั้งหมด,
 * ผ่าน at ≥ 80.  The comparison uses the rounded percentage, the one the form shows.
 *
 * Returns: %FALSE with %PHAEN_ERROR_INVALID when @planned is not positive or
 *   @achieved is negative
 */
gboolean
phaen_pass_fail_evaluate (double achieved,
                          double planned,
                          double pass_percent,
                          double *percent,
                          gboolean *passed,
                          GError **error)
{
  double p;

  g_return_val_if_fail (percent != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!isfinite (achieved) || achieved < 0.0)
    {
      g_set_error_literal (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                           _ ("The number of outputs achieved must be a number not below zero"));
      return FALSE;
    }
  if (!isfinite (planned) || planned <= 0.0)
    {
      g_set_error_literal (
        error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
        _ ("No outputs are planned in this round, so no percentage can be computed"));
      return FALSE;
    }

  p = phaen_round_to (achieved * 100.0 / planned, 2);
  *percent = p;
  if (passed != NULL)
    *passed = p >= pass_percent;
  return TRUE;
}

/**
 * phaen_pmqa_success_percent:
 * @direction: higher or lower is better
 * @result: the latest year's result
 * @target: the latest target (ค่าเป้าหมายปีล่าสุด), not zero
 * @percent: (out): % ความสำเร็จ, rounded to 2 decimals
 * @error: return location for a #GError
 *
 * Seed 001, หมวด 7: higher is better: result ÷ target × 100 (97.4 vs 95.8 →
 * 101.67); lower is better: (2 − result ÷ target) × 100 (0.05 vs 0.10 → 150).
 *
 * Returns: %FALSE with %PHAEN_ERROR_INVALID when @target is zero or a value is
 *   not a number
 */
gboolean
phaen_pmqa_success_percent (
  PhaenDirection direction, double result, double target, double *percent, GError **error)
{
  double ratio;

  g_return_val_if_fail (percent != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!isfinite (target) || target == 0.0)
    {
      g_set_error_literal (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                           _ ("The target must be a number other than zero"));
      return FALSE;
    }
  if (!isfinite (result))
    {
      g_set_error_literal (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                           _ ("The result is not a number"));
      return FALSE;
    }

  ratio = result / target;
  if (direction == PHAEN_DIRECTION_LOWER_BETTER)
    *percent = phaen_round_to ((2.0 - ratio) * 100.0, 2);
  else
    *percent = phaen_round_to (ratio * 100.0, 2);
  return TRUE;
}

/**
 * phaen_pmqa_default_scale:
 * @n_bands: (out) (optional): the number of bands
 *
 * The default scale from % success to a category-7 score: > 110 → 500,
 * > 105 → 400, ≥ 100 → 300 (seed 003), ≥ 80 → 200, else 100.
 *
 * Returns: (transfer none) (array length=n_bands): static bands
 */
const PhaenBand *
phaen_pmqa_default_scale (guint *n_bands)
{
  return phaen_official_pmqa_scale (n_bands);
}

/**
 * phaen_pmqa_suggest_score:
 * @scale: (array length=n_bands) (nullable): the agency's scale, or %NULL for
 *   phaen_pmqa_default_scale()
 * @n_bands: how many bands in @scale
 * @percent: % success from phaen_pmqa_success_percent()
 * @score: (out): the suggested score; the user may override it
 *
 * Returns: %FALSE when @percent is in no band of @scale
 */
gboolean
phaen_pmqa_suggest_score (const PhaenBand *scale, guint n_bands, double percent, double *score)
{
  int index;

  g_return_val_if_fail (score != NULL, FALSE);

  if (scale == NULL)
    scale = phaen_pmqa_default_scale (&n_bands);
  index = phaen_bands_find (scale, n_bands, percent);
  if (index < 0)
    return FALSE;
  *score = scale[index].score;
  return TRUE;
}

/**
 * phaen_pmqa_check_stretch:
 * @direction: higher or lower is better
 * @target: this year's target
 * @previous_1: the result one year before
 * @previous_2: the result two years before
 * @error: return location for a #GError
 *
 * Seed 003, หมวด 7: every target must be a stretch target, better than the mean
 * of the two previous years (greater when higher is better, smaller when lower
 * is better).  Equal to the mean is not better; differences within 1e-9 of
 * the mean's size count as equal so binary noise cannot decide.
 *
 * Returns: %TRUE for a stretch target; %FALSE with %PHAEN_ERROR_INVALID and a
 *   Thai message otherwise
 */
gboolean
phaen_pmqa_check_stretch (
  PhaenDirection direction, double target, double previous_1, double previous_2, GError **error)
{
  char a[G_ASCII_DTOSTR_BUF_SIZE];
  char b[G_ASCII_DTOSTR_BUF_SIZE];
  double mean, tolerance;
  gboolean better;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!isfinite (target) || !isfinite (previous_1) || !isfinite (previous_2))
    {
      g_set_error_literal (
        error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
        _ ("Checking the challenge needs the target and the results of the 2 years before"));
      return FALSE;
    }

  mean = (previous_1 + previous_2) / 2.0;
  tolerance = 1e-9 * MAX (1.0, fabs (mean));
  if (direction == PHAEN_DIRECTION_LOWER_BETTER)
    better = target < mean - tolerance;
  else
    better = target > mean + tolerance;

  if (!better)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                   direction == PHAEN_DIRECTION_LOWER_BETTER
                     ? _ ("The target %s is not challenging: it must be below the mean of the 2 "
                          "years before (%s)")
                     : _ ("The target %s is not challenging: it must be above the mean of the 2 "
                          "years before (%s)"),
                   format_number (a, sizeof a, target), format_number (b, sizeof b, mean));
      return FALSE;
    }
  return TRUE;
}

/**
 * phaen_pmqa_mean:
 * @scores: (array length=n_scores): indicator scores of a sub-item, or the
 *   sub-item scores of category 7
 * @n_scores: how many
 *
 * Seed 001: a sub-item (7.1–7.6) scores the plain mean of its indicators and
 * category 7 the mean of its sub-items (380, 380, 460, 360, 420, 400 → 400.00).
 * Entries without a score (empty groups, unreported indicators) are skipped.
 *
 * Returns: the mean rounded to 2 decimals in @score and @suggested, @weighted
 *   0; @has_score %FALSE when no entry has a score
 */
PhaenScore
phaen_pmqa_mean (const PhaenScore *scores, guint n_scores)
{
  PhaenScore mean = { .band = -1 };
  double sum = 0.0;
  guint n = 0;

  g_return_val_if_fail (scores != NULL || n_scores == 0, mean);

  for (guint i = 0; i < n_scores; i++)
    {
      if (!scores[i].has_score)
        continue;
      sum += scores[i].score;
      n++;
    }
  if (n == 0)
    return mean;

  mean.has_score = TRUE;
  mean.score = phaen_round_to (sum / n, 2);
  mean.suggested = mean.score;
  return mean;
}

/**
 * phaen_scoring_kind_is_five_level:
 * @kind: a scoring kind
 *
 * Numeric, milestone and band scores lie on the 0..5 scale that weighted
 * totals add up (out of 5 when the weights sum to 100); pass/fail percentages
 * and PMQA 100..500 scores do not belong in such a total.
 *
 * Returns: whether @kind scores on the five-level scale
 */
gboolean
phaen_scoring_kind_is_five_level (PhaenScoringKind kind)
{
  return kind == PHAEN_SCORING_NUMERIC || kind == PHAEN_SCORING_MILESTONE ||
         kind == PHAEN_SCORING_BANDS;
}

/**
 * phaen_score_weighted:
 * @score: the score as shown, already rounded
 * @weight: the indicator's weight in percent (น้ำหนัก ร้อยละ)
 *
 * score × weight ÷ 100, rounded to 4 decimals.  The seeds' weighted columns
 * (002: 2.2267 × 30 → 0.668, 4.0372 × 30 → 1.2112; 000: 3 × 5 → 0.15) come out
 * the same from the rounded and the unrounded score; the rounded one is used
 * so a reader can check the form by hand.
 *
 * Returns: the weighted score
 */
double
phaen_score_weighted (double score, double weight)
{
  return phaen_round4 (score * weight / 100.0);
}

/**
 * phaen_score_total:
 * @scores: (array length=n_scores): the scores of a unit's indicators in one quarter
 * @n_scores: how many
 * @n_scored: (out) (optional): how many had a score
 *
 * Missing quarters contribute nothing.
 *
 * Returns: the sum of the weighted scores, rounded to 4 decimals
 */
double
phaen_score_total (const PhaenScore *scores, guint n_scores, guint *n_scored)
{
  double sum = 0.0;
  guint n = 0;

  g_return_val_if_fail (scores != NULL || n_scores == 0, 0.0);

  for (guint i = 0; i < n_scores; i++)
    {
      if (!scores[i].has_score)
        continue;
      sum += scores[i].weighted;
      n++;
    }
  if (n_scored != NULL)
    *n_scored = n;
  return phaen_round4 (sum);
}

/**
 * phaen_weights_check:
 * @weights: (array length=n): the indicators' weights in percent
 * @n: how many
 * @sum: (out) (optional): their sum
 * @error: return location for a #GError
 *
 * A unit's total is out of 5 only when its weights sum to 100 (within 1e-9).
 *
 * Returns: %TRUE when they do; %FALSE with %PHAEN_ERROR_INVALID and a Thai
 *   message when they do not or a weight is negative or not a number
 */
gboolean
phaen_weights_check (const double *weights, guint n, double *sum, GError **error)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  double total = 0.0;

  g_return_val_if_fail (weights != NULL || n == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < n; i++)
    total += weights[i];
  if (sum != NULL)
    *sum = total;

  for (guint i = 0; i < n; i++)
    {
      if (!isfinite (weights[i]) || weights[i] < 0.0)
        {
          g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                       _ ("The weight of indicator %u must be a number not below zero"), i + 1);
          return FALSE;
        }
    }
  if (fabs (total - 100.0) > 1e-9)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                   _ ("The weights of the indicators add up to %s per cent, not 100"),
                   format_number (buf, sizeof buf, total));
      return FALSE;
    }
  return TRUE;
}

/**
 * phaen_criteria_init:
 * @criteria: (out caller-allocates): the criteria to fill
 * @kind: how the indicator is scored
 * @direction: higher or lower is better
 *
 * Clears @criteria and sets the pass mark to %PHAEN_PASS_PERCENT_DEFAULT.
 */
void
phaen_criteria_init (PhaenCriteria *criteria, PhaenScoringKind kind, PhaenDirection direction)
{
  g_return_if_fail (criteria != NULL);

  memset (criteria, 0, sizeof *criteria);
  criteria->kind = kind;
  criteria->direction = direction;
  criteria->pass_percent = PHAEN_PASS_PERCENT_DEFAULT;
}

/**
 * phaen_criteria_validate:
 * @criteria: the criteria
 * @error: return location for a #GError
 *
 * Checks what @criteria's kind uses: thresholds (numeric), bands (bands, and
 * the PMQA scale when one is given), the pass mark (pass/fail).
 *
 * Returns: %TRUE when usable; %FALSE with %PHAEN_ERROR_INVALID and a Thai message
 */
gboolean
phaen_criteria_validate (const PhaenCriteria *criteria, GError **error)
{
  g_return_val_if_fail (criteria != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (criteria->direction != PHAEN_DIRECTION_HIGHER_BETTER &&
      criteria->direction != PHAEN_DIRECTION_LOWER_BETTER)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                   _ ("The direction of the indicator is not valid (%d)"),
                   (int)criteria->direction);
      return FALSE;
    }

  switch (criteria->kind)
    {
    case PHAEN_SCORING_NUMERIC:
      return phaen_thresholds_validate (criteria->direction, criteria->threshold, error);

    case PHAEN_SCORING_MILESTONE:
      return TRUE;

    case PHAEN_SCORING_BANDS:
      return phaen_bands_validate (criteria->band, criteria->n_bands, error);

    case PHAEN_SCORING_PASS_FAIL:
      if (!isfinite (criteria->pass_percent) || criteria->pass_percent <= 0.0 ||
          criteria->pass_percent > 100.0)
        {
          g_set_error_literal (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                               _ ("The pass mark must be above 0 and at most 100 per cent"));
          return FALSE;
        }
      return TRUE;

    case PHAEN_SCORING_PMQA7:
      return criteria->n_bands == 0 ||
             phaen_bands_validate (criteria->band, criteria->n_bands, error);

    default:
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID, _ ("Unknown kind of scoring %d"),
                   (int)criteria->kind);
      return FALSE;
    }
}

/**
 * phaen_criteria_score:
 * @criteria: how the indicator is scored
 * @input: one quarter's (or round's, or year's) result
 * @weight: the indicator's weight in percent
 * @score: (out caller-allocates): the score
 * @error: return location for a #GError
 *
 * Scores one result whatever the kind, so callers need not switch on it.
 * Results are cumulative: each quarter's value is compared with the annual
 * criteria on its own.  A missing result (no value, empty text, "-"), a
 * pass/fail round with nothing planned or a PMQA indicator without a target
 * gives @score->has_score %FALSE and %TRUE.  A user override wins over the
 * computed score, which stays in @score->suggested.
 *
 * Returns: %FALSE with %PHAEN_ERROR_INVALID when the criteria are unusable, the
 *   text is not a number (or a level range for milestones) or the value fits no
 *   band; @score then has no score
 */
gboolean
phaen_criteria_score (const PhaenCriteria *criteria,
                      const PhaenScoreInput *input,
                      double weight,
                      PhaenScore *score,
                      GError **error)
{
  gboolean has_value = FALSE;
  double value = 0.0;

  g_return_val_if_fail (criteria != NULL, FALSE);
  g_return_val_if_fail (input != NULL, FALSE);
  g_return_val_if_fail (score != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *score = (PhaenScore){ .band = -1 };

  if (!phaen_criteria_validate (criteria, error))
    return FALSE;
  if (!isfinite (weight) || weight < 0.0)
    {
      g_set_error_literal (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                           _ ("The weight of an indicator must be a number not below zero"));
      return FALSE;
    }
  if (input->has_override && !isfinite (input->override_score))
    {
      g_set_error_literal (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                           _ ("A chosen score must be a number"));
      return FALSE;
    }

  if (!read_input_value (input, criteria->kind == PHAEN_SCORING_MILESTONE, &has_value, &value,
                         error))
    return FALSE;
  if (has_value && !score_value (criteria, input, value, score, error))
    {
      *score = (PhaenScore){ .band = -1 };
      return FALSE;
    }

  if (input->has_override)
    {
      score->has_score = TRUE;
      score->overridden = TRUE;
      score->score = input->override_score;
    }
  if (score->has_score)
    score->weighted = phaen_score_weighted (score->score, weight);
  return TRUE;
}
