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
  PhaenCriteriaVersion *criteria;       /* in force; NULL when the indicator has none */
  PhaenCriteria rules;                  /* @criteria as the scoring engine reads it */
  PhaenResult *results[PHAEN_QUARTERS]; /* NULL where nothing was entered */
  PhaenScore scores[PHAEN_QUARTERS];
  char *problem; /* why the indicator cannot be scored (no or bad criteria), else NULL */
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
