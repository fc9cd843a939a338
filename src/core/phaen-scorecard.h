/* phaen-scorecard.h — a unit's indicators × quarters with scores, weighted scores and totals
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "phaen-changes.h"
#include "phaen-model.h"
#include "phaen-score.h"
#include "phaen-store.h"

G_BEGIN_DECLS

typedef struct
{
  PhaenIndicator *indicator;
  GPtrArray *versions; /* (element-type PhaenCriteriaVersion) oldest first */
  /* The newest of @versions, (transfer none); NULL when the indicator has none. */
  const PhaenCriteriaVersion *criteria;
  PhaenCriteria rules; /* @criteria as the scoring engine reads it */
  /* The version in force at each quarter's end (phaen_criteria_version_in_force()), which
   * scored it: (transfer none) into @versions, NULL when the indicator has no criteria. */
  const PhaenCriteriaVersion *quarter_criteria[PHAEN_QUARTERS];
  PhaenCriteria quarter_rules[PHAEN_QUARTERS];
  PhaenResult *results[PHAEN_QUARTERS]; /* NULL where nothing was entered */
  PhaenScore scores[PHAEN_QUARTERS];
  char *problem; /* why the indicator cannot be scored (no or bad criteria), else NULL */
  /* The target (เป้าหมาย) differs from T5 of the newest criteria: a new version moved T5 and
   * the target was not changed with it (phaen_criteria_target_mismatch()). */
  gboolean target_mismatch;
  double target_value;
  double target_top;
  char *target_warning; /* the sentence to show, NULL unless @target_mismatch */
} PhaenScorecardRow;

typedef struct
{
  PhaenUnit *unit;
  int fiscal_year;
  GPtrArray *rows;              /* (element-type PhaenScorecardRow) in the unit's order */
  double total[PHAEN_QUARTERS]; /* Σ weighted scores of the quarter, 4 decimals */
  guint n_scored[PHAEN_QUARTERS];
  double weight_sum;
  gboolean weights_ok; /* weights sum to 100 */
} PhaenScorecard;

gboolean phaen_criteria_from_version (const PhaenIndicator *indicator,
                                      const PhaenCriteriaVersion *version,
                                      PhaenCriteria *rules,
                                      GError **error);
/* Whether a quarter was scored with another version than the newest one. */
gboolean phaen_scorecard_row_quarter_uses_older (const PhaenScorecardRow *row, int quarter);
/* `ฉบับที่ 2 (อนุมัติ 15 มี.ค. 64)`: the version that scored @quarter (0..3), or NULL when none.
 * Returns: (transfer full) (nullable) */
char *phaen_scorecard_row_quarter_version_label (const PhaenScorecardRow *row,
                                                 int quarter,
                                                 gboolean thai_digits);

void phaen_score_input_from_result (const PhaenIndicator *indicator,
                                    const PhaenResult *result,
                                    PhaenScoreInput *input);

/* Indicators scored by quarter (PMQA category 7 is scored by year: see phaen-pmqa.h). */
PhaenScorecard *phaen_scorecard_build (PhaenStore *store,
                                       gint64 unit_id,
                                       int fiscal_year,
                                       GError **error); /* (transfer full) */
void phaen_scorecard_free (PhaenScorecard *card);
gboolean phaen_scorecard_update (PhaenScorecard *card,
                                 PhaenStore *store,
                                 const PhaenChanges *changes,
                                 GArray **rows_changed,
                                 GError **error);

/* How many scorecards phaen_scorecard_build() has started in this process: the tests and the
 * benchmarks check that a page builds one per refresh. */
guint phaen_scorecard_get_n_built (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PhaenScorecard, phaen_scorecard_free)

G_END_DECLS
