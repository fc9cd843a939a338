/* phaen-chart-progress.h — an indicator's cumulative result by quarter against its levels
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "phaen-chart-style.h"
#include "phaen-score.h"
#include "phaen-scorecard.h"
#include "phaen-store.h"

G_BEGIN_DECLS

/**
 * PhaenProgressBand:
 * @label: what the band is called: `ระดับ 3`, a band's own name, `ผ่าน`
 * @lower: lower bound, -INFINITY when open
 * @upper: upper bound, INFINITY when open
 * @level: 1..5, which of the style's level colours it takes (5 is best)
 */
typedef struct
{
  char *label;
  double lower;
  double upper;
  int level;
} PhaenProgressBand;

/**
 * PhaenProgressChart:
 * @kind: how the indicator is scored; it decides what the y axis measures
 * @bands: (element-type PhaenProgressBand): the levels as ranges of the y axis: T1..T5 for
 *   numeric criteria, the levels 1..5 for milestones, the criteria's bands, or fail/pass
 * @has_value: whether the quarter has something to plot
 * @value: what is plotted: the cumulative result (numeric, bands), the level reached
 *   (milestone) or the percentage of planned outputs achieved (pass/fail)
 * @value_text: the result as entered, %NULL when none
 * @scores: the quarter's score (has_score %FALSE when none)
 * @has_target: whether @target parsed as a number (เป้าหมายปีปัจจุบัน)
 * @problem: why the indicator cannot be scored, else %NULL
 */
typedef struct
{
  char *unit_abbr;
  int fiscal_year;
  char *code;
  char *name;
  char *measure_unit;
  double weight;
  PhaenScoringKind kind;
  PhaenDirection direction;
  GPtrArray *bands;
  gboolean has_value[PHAEN_QUARTERS];
  double value[PHAEN_QUARTERS];
  char *value_text[PHAEN_QUARTERS];
  PhaenScore scores[PHAEN_QUARTERS];
  gboolean has_target;
  double target;
  char *problem;
} PhaenProgressChart;

/**
 * phaen_progress_chart_new:
 *
 * Scores the indicator's quarters as the scorecard does (phaen-scorecard.h).
 *
 * Returns: (transfer full): the chart's data, or %NULL with PHAEN_ERROR_NOT_FOUND for an
 *   unknown indicator, or PHAEN_ERROR_INVALID for a PMQA category 7 indicator (scored by
 *   year, not by quarter)
 */
PhaenProgressChart *
phaen_progress_chart_new (PhaenStore *store, gint64 indicator_id, GError **error);

/**
 * phaen_progress_chart_new_for_row:
 * @card: the unit's scorecard, already built (a page builds one per refresh)
 * @row: one of @card's rows (never PMQA category 7: the scorecard leaves those out)
 *
 * The chart of @row, read from @card without going back to the store.
 *
 * Returns: (transfer full)
 */
PhaenProgressChart *phaen_progress_chart_new_for_row (const PhaenScorecard *card,
                                                      const PhaenScorecardRow *row);
void phaen_progress_chart_free (PhaenProgressChart *chart);

/* The lowest and highest values the y axis must show (bands, results and target). */
void phaen_progress_chart_get_range (const PhaenProgressChart *chart, double *min, double *max);

/**
 * phaen_progress_chart_draw:
 * @cr: any cairo context; the chart's top-left corner is the current origin
 *
 * Draws the level bands, the cumulative results Q1–Q4 joined by a line, the target as a
 * dashed line and each quarter's score under its label, filling @width × @height.
 */
void phaen_progress_chart_draw (const PhaenProgressChart *chart,
                                cairo_t *cr,
                                const PhaenChartStyle *style,
                                double width,
                                double height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PhaenProgressChart, phaen_progress_chart_free)

G_END_DECLS
