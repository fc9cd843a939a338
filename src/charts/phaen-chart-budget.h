/* phaen-chart-budget.h — budget allocated against disbursed, cumulative by quarter
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "phaen-chart-style.h"
#include "phaen-budget-view.h"
#include "phaen-store.h"

G_BEGIN_DECLS

/**
 * PhaenBudgetChart:
 * @title: the plan's title, or the unit's name when several plans are summed
 * @has_quarter: whether any plan reported the quarter; disbursement shows only there
 * @allocated: allocated up to and including the quarter (Σ of the quarters so far)
 * @disbursed: disbursed (เบิกจ่าย) up to and including the quarter
 * @annual: the year's allocation, Σ of the four quarters
 * @has_targets: whether the fiscal year has disbursement targets (cabinet resolution)
 * @target_percent: the cumulative disbursement target of each quarter, in % of @annual
 * @plan_budget: Σ of the activities' budgets (งบประมาณ of the plan table), whatever the
 *   quarters hold; @has_plan_budget is FALSE when no activity has one
 */
typedef struct
{
  char *title;
  char *unit_abbr;
  int fiscal_year;
  guint n_plans;
  gboolean has_quarter[PHAEN_QUARTERS];
  double allocated[PHAEN_QUARTERS];
  double committed[PHAEN_QUARTERS];
  double disbursed[PHAEN_QUARTERS];
  double annual;
  gboolean has_targets;
  double target_percent[PHAEN_QUARTERS];
  gboolean has_plan_budget;
  double plan_budget;
} PhaenBudgetChart;

/**
 * phaen_budget_chart_new:
 * @plan_id: one plan, or 0 to sum every plan of @unit_id (0: every unit) in @fiscal_year
 * @unit_id: ignored with @plan_id
 * @fiscal_year: ignored with @plan_id
 *
 * Returns: (transfer full): the quarters summed and made cumulative, or %NULL with
 *   PHAEN_ERROR_NOT_FOUND for an unknown plan or unit, or when no plan matches
 */
PhaenBudgetChart *phaen_budget_chart_new (
  PhaenStore *store, gint64 unit_id, int fiscal_year, gint64 plan_id, GError **error);
void phaen_budget_chart_free (PhaenBudgetChart *chart);

/**
 * phaen_budget_chart_new_for_view:
 * @unit_abbr: (nullable): the plan's unit, for the title
 *
 * The chart of the numbers a budget view holds: the page shows this chart beside its table.
 *
 * Returns: (transfer full)
 */
PhaenBudgetChart *phaen_budget_chart_new_for_view (const PhaenBudgetView *view,
                                                   const char *unit_abbr);

/* The disbursement target of @quarter (1..4) in baht, or NAN without targets: a share of the
 * year's allocation, or of the plan's budget while nothing is allocated by quarter. */
double phaen_budget_chart_target_amount (const PhaenBudgetChart *chart, int quarter);

/**
 * phaen_budget_chart_draw:
 * @cr: any cairo context; the chart's top-left corner is the current origin
 *
 * Pairs of bars per quarter (allocated, disbursed with its % of the year's allocation) and
 * the disbursement target as a line, filling @width × @height. Amounts of a million baht and
 * more are shown in ล้านบาท. A plan without quarterly allocations shows its activities' budget
 * and says that the quarters are not entered, rather than a year of 0.00 บาท.
 */
void phaen_budget_chart_draw (const PhaenBudgetChart *chart,
                              cairo_t *cr,
                              const PhaenChartStyle *style,
                              double width,
                              double height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PhaenBudgetChart, phaen_budget_chart_free)

G_END_DECLS
