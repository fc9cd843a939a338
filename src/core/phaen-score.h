/* phaen-score.h — indicator scoring: thresholds, levels, bands, pass/fail, PMQA category 7
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PHAEN_N_LEVELS 5
#define PHAEN_MAX_BANDS 5
/* seed 004: ผ่าน at ≥ 80 % of the planned outputs */
#define PHAEN_PASS_PERCENT_DEFAULT 80.0

/**
 * PhaenScoringKind:
 * @PHAEN_SCORING_NUMERIC: five thresholds T1..T5, linear interpolation between them
 * @PHAEN_SCORING_MILESTONE: the score is the level reached (ระดับความสำเร็จ)
 * @PHAEN_SCORING_BANDS: value ranges such as ระดับคุณภาพ / ระดับมาตรฐาน / ระดับต้องปรับปรุง
 * @PHAEN_SCORING_PASS_FAIL: outputs achieved ÷ outputs planned × 100, ผ่าน at ≥ a percentage
 * @PHAEN_SCORING_PMQA7: PMQA 4.0 category 7, % success against the latest target → 100..500
 *
 * The values are stored in the database: never reorder them.
 */
typedef enum
{
  PHAEN_SCORING_NUMERIC,
  PHAEN_SCORING_MILESTONE,
  PHAEN_SCORING_BANDS,
  PHAEN_SCORING_PASS_FAIL,
  PHAEN_SCORING_PMQA7,
} PhaenScoringKind;

/**
 * PhaenDirection:
 * @PHAEN_DIRECTION_HIGHER_BETTER: ค่ามากดี
 * @PHAEN_DIRECTION_LOWER_BETTER: ค่าน้อยดี
 *
 * Stored in the database.
 */
typedef enum
{
  PHAEN_DIRECTION_HIGHER_BETTER = 0,
  PHAEN_DIRECTION_LOWER_BETTER = 1,
} PhaenDirection;

/**
 * PhaenBand:
 * @label: the band's name (not owned), e.g. "ระดับคุณภาพ"; may be %NULL
 * @lower: lower bound, -INFINITY when open
 * @upper: upper bound, INFINITY when open
 * @lower_inclusive: whether @lower itself belongs to the band
 * @upper_inclusive: whether @upper itself belongs to the band
 * @score: the score a value inside the band earns
 *
 * Bands are tried in order and the first that contains the value wins, so
 * overlapping bounds (seed 002 lists 826 in both ระดับคุณภาพ and ระดับมาตรฐาน)
 * resolve to the band listed first.
 */
typedef struct
{
  const char *label;
  double lower;
  double upper;
  gboolean lower_inclusive;
  gboolean upper_inclusive;
  double score;
} PhaenBand;

/**
 * PhaenCriteria:
 * @kind: how the indicator is scored
 * @direction: higher or lower is better (numeric thresholds, PMQA % success)
 * @threshold: T1..T5 of %PHAEN_SCORING_NUMERIC, in @direction's order
 * @n_bands: number of entries used in @band
 * @band: the bands of %PHAEN_SCORING_BANDS; for %PHAEN_SCORING_PMQA7 the scale
 *   from % success to score, or @n_bands 0 for phaen_pmqa_default_scale()
 * @pass_percent: %PHAEN_SCORING_PASS_FAIL passes at ≥ this percentage
 *
 * A plain value (no heap): fill it with phaen_criteria_init() and set what the
 * kind needs.
 */
typedef struct
{
  PhaenScoringKind kind;
  PhaenDirection direction;
  double threshold[PHAEN_N_LEVELS];
  guint n_bands;
  PhaenBand band[PHAEN_MAX_BANDS];
  double pass_percent;
} PhaenCriteria;

/**
 * PhaenScoreInput:
 * @text: the result as entered ("826", "๑๘๔", "4-5", "-"); used when @has_value
 *   is %FALSE; %NULL, "" and a lone "-" mean no result
 * @has_value: whether @value holds the result
 * @value: the cumulative result so far, the level reached, the outputs achieved
 *   (pass/fail) or the latest year's result (PMQA 7)
 * @has_target: whether @target is set
 * @target: the outputs planned in the round (pass/fail) or the latest target
 *   (ค่าเป้าหมายปีล่าสุด, PMQA 7); ignored by the other kinds
 * @has_override: whether the user chose the score
 * @override_score: the chosen score; it wins over the computed one
 */
typedef struct
{
  const char *text;
  gboolean has_value;
  double value;
  gboolean has_target;
  double target;
  gboolean has_override;
  double override_score;
} PhaenScoreInput;

/**
 * PhaenScore:
 * @has_score: %FALSE when there is nothing to score (missing quarter, nothing
 *   planned); the other fields are then meaningless and totals skip it
 * @score: 1..5 (numeric), the level 0..5 (milestone), the band's score, the
 *   percentage (pass/fail) or 100..500 (PMQA 7); the override when one is set
 * @weighted: phaen_score_weighted() of @score
 * @suggested: the computed score, before any override
 * @overridden: whether @score is the user's override
 * @percent: the percentage behind the score (pass/fail, PMQA 7), else 0
 * @band: index of the matching band (bands, PMQA 7 scale), else -1
 * @passed: pass/fail only: whether @percent reached the pass percentage
 */
typedef struct
{
  gboolean has_score;
  double score;
  double weighted;
  double suggested;
  gboolean overridden;
  double percent;
  int band;
  gboolean passed;
} PhaenScore;

double phaen_round_to (double value, guint decimals);
double phaen_round4 (double value);

gboolean phaen_thresholds_validate (PhaenDirection direction,
                                    const double threshold[PHAEN_N_LEVELS],
                                    GError **error);
double phaen_score_interpolate (PhaenDirection direction,
                                const double threshold[PHAEN_N_LEVELS],
                                double value);

gboolean phaen_band_contains (const PhaenBand *band, double value);
gboolean phaen_bands_validate (const PhaenBand *bands, guint n_bands, GError **error);
int phaen_bands_find (const PhaenBand *bands, guint n_bands, double value);

gboolean phaen_pass_fail_evaluate (double achieved,
                                   double planned,
                                   double pass_percent,
                                   double *percent,
                                   gboolean *passed,
                                   GError **error);

gboolean phaen_pmqa_success_percent (
  PhaenDirection direction, double result, double target, double *percent, GError **error);
/* Returns: (transfer none): a static array of *n_bands bands */
const PhaenBand *phaen_pmqa_default_scale (guint *n_bands);
gboolean
phaen_pmqa_suggest_score (const PhaenBand *scale, guint n_bands, double percent, double *score);
gboolean phaen_pmqa_check_stretch (
  PhaenDirection direction, double target, double previous_1, double previous_2, GError **error);
PhaenScore phaen_pmqa_mean (const PhaenScore *scores, guint n_scores);

gboolean phaen_scoring_kind_is_five_level (PhaenScoringKind kind);
double phaen_score_weighted (double score, double weight);
double phaen_score_total (const PhaenScore *scores, guint n_scores, guint *n_scored);
gboolean phaen_weights_check (const double *weights, guint n, double *sum, GError **error);

void phaen_criteria_init (PhaenCriteria *criteria, PhaenScoringKind kind, PhaenDirection direction);
gboolean phaen_criteria_validate (const PhaenCriteria *criteria, GError **error);
gboolean phaen_criteria_score (const PhaenCriteria *criteria,
                               const PhaenScoreInput *input,
                               double weight,
                               PhaenScore *score,
                               GError **error);

G_END_DECLS
