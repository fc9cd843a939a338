/* phaen-chart-score.h — a unit's weighted score by quarter, stacked by indicator, out of 5
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "phaen-chart-style.h"
#include "phaen-scorecard.h"
#include "phaen-store.h"

G_BEGIN_DECLS

/* The most a unit scores when its weights sum to 100 (DOMAIN §4b). */
#define PHAEN_SCORE_MAX 5.0

/**
 * PhaenScoreChartItem:
 * @has_weighted: whether the quarter was scored
 * @weighted: score × weight / 100, the indicator's share of the quarter's total
 */
typedef struct
{
  char *code;
  char *name;
  double weight;
  gboolean has_weighted[PHAEN_QUARTERS];
  double weighted[PHAEN_QUARTERS];
} PhaenScoreChartItem;

/**
 * PhaenScoreChart:
 * @items: (element-type PhaenScoreChartItem): the unit's indicators, in its order
 * @total: Σ weighted of each quarter (4 decimals)
 * @n_scored: how many indicators were scored in each quarter; 0 shows as `-`
 * @weights_ok: whether the weights sum to 100; the chart says so when they do not
 */
typedef struct
{
  char *unit_abbr;
  char *unit_name;
  int fiscal_year;
  GPtrArray *items;
  double total[PHAEN_QUARTERS];
  guint n_scored[PHAEN_QUARTERS];
  double weight_sum;
  gboolean weights_ok;
} PhaenScoreChart;

/* Returns: (transfer full): from phaen_scorecard_build(), or %NULL with its error */
PhaenScoreChart *
phaen_score_chart_new (PhaenStore *store, gint64 unit_id, int fiscal_year, GError **error);
/* Returns: (transfer full): read from @card, already built, without going back to the store */
PhaenScoreChart *phaen_score_chart_new_for_card (const PhaenScorecard *card);
void phaen_score_chart_free (PhaenScoreChart *chart);

/**
 * phaen_score_chart_draw:
 * @cr: any cairo context; the chart's top-left corner is the current origin
 *
 * One bar per quarter stacking each indicator's weighted score (labelled where it fits),
 * the total above the bar and the maximum of 5 as a line, filling @width × @height.
 */
void phaen_score_chart_draw (const PhaenScoreChart *chart,
                             cairo_t *cr,
                             const PhaenChartStyle *style,
                             double width,
                             double height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PhaenScoreChart, phaen_score_chart_free)

G_END_DECLS
