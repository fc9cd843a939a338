/* phaen-chart-budget.c — budget allocated against disbursed, cumulative by quarter
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "phaen-chart-budget.h"
#include "phaen-budget-view.h"
#include "phaen-chart-private.h"
#include "phaen-error.h"
#include "phaen-thai-text.h"

#define MILLION 1e6

/* The quarters as the budget page counts them (phaen-budget-view.h). */
static void
add_view (PhaenBudgetChart *chart, const PhaenBudgetView *view, double amounts[3][PHAEN_QUARTERS])
{
  for (int q = 0; q < PHAEN_QUARTERS; q++)
    {
      chart->has_quarter[q] = chart->has_quarter[q] || view->has_quarter[q];
      for (int f = 0; f < PHAEN_BUDGET_FIELDS; f++)
        amounts[f][q] += view->total.amount[f][q];
    }
  chart->n_plans++;
}

static gboolean
add_plan (PhaenBudgetChart *chart,
          PhaenStore *store,
          gint64 plan_id,
          double amounts[3][PHAEN_QUARTERS],
          GError **error)
{
  g_autoptr (PhaenBudgetView) view = phaen_budget_view_new (store, plan_id, NULL, error);

  if (view == NULL)
    return FALSE;
  if (view->has_activity_budget)
    {
      chart->has_plan_budget = TRUE;
      chart->plan_budget += view->activity_budget;
    }
  add_view (chart, view, amounts);
  return TRUE;
}

/* Cumulative sums of @amounts. */
static void
finish_chart (PhaenBudgetChart *chart, double amounts[3][PHAEN_QUARTERS])
{
  double sums[3] = { 0 };

  for (int q = 0; q < PHAEN_QUARTERS; q++)
    {
      sums[0] += amounts[0][q];
      sums[1] += amounts[1][q];
      sums[2] += amounts[2][q];
      chart->allocated[q] = sums[0];
      chart->committed[q] = sums[1];
      chart->disbursed[q] = sums[2];
    }
  chart->annual = sums[0];
}

PhaenBudgetChart *
phaen_budget_chart_new (
  PhaenStore *store, gint64 unit_id, int fiscal_year, gint64 plan_id, GError **error)
{
  g_autoptr (PhaenBudgetChart) chart = g_new0 (PhaenBudgetChart, 1);
  double amounts[3][PHAEN_QUARTERS] = { { 0 } };

  g_return_val_if_fail (PHAEN_IS_STORE (store), NULL);

  if (plan_id != 0)
    {
      g_autoptr (PhaenPlan) plan = phaen_store_get_plan (store, plan_id, error);
      g_autoptr (PhaenUnit) unit = NULL;

      if (plan == NULL)
        return NULL;
      unit = phaen_store_get_unit (store, plan->unit_id, NULL);
      chart->title = g_strdup (plan->title);
      chart->unit_abbr = g_strdup (unit ? unit->abbr : "");
      chart->fiscal_year = plan->fiscal_year;
      if (!add_plan (chart, store, plan_id, amounts, error))
        return NULL;
    }
  else
    {
      g_autoptr (GPtrArray) plans = phaen_store_list_plans (store, unit_id, fiscal_year, error);

      if (plans == NULL)
        return NULL;
      if (plans->len == 0)
        {
          g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_NOT_FOUND,
                       _ ("No plan of fiscal year %d has a budget to chart."), fiscal_year);
          return NULL;
        }
      if (unit_id != 0)
        {
          g_autoptr (PhaenUnit) unit = phaen_store_get_unit (store, unit_id, error);

          if (unit == NULL)
            return NULL;
          chart->title = g_strdup (unit->name);
          chart->unit_abbr = g_strdup (unit->abbr);
        }
      else
        {
          chart->title = g_strdup (_ ("All units"));
          chart->unit_abbr = g_strdup ("");
        }
      chart->fiscal_year = fiscal_year;
      for (guint i = 0; i < plans->len; i++)
        if (!add_plan (chart, store, ((PhaenPlan *)g_ptr_array_index (plans, i))->id, amounts,
                       error))
          return NULL;
    }

  finish_chart (chart, amounts);
  chart->has_targets =
    phaen_budget_targets_for_year (store, chart->fiscal_year, chart->target_percent, NULL, error);
  if (!chart->has_targets)
    return NULL;
  return g_steal_pointer (&chart);
}

PhaenBudgetChart *
phaen_budget_chart_new_for_view (const PhaenBudgetView *view, const char *unit_abbr)
{
  PhaenBudgetChart *chart = g_new0 (PhaenBudgetChart, 1);
  double amounts[3][PHAEN_QUARTERS] = { { 0 } };

  g_return_val_if_fail (view != NULL, NULL);

  chart->title = g_strdup (view->title);
  chart->unit_abbr = g_strdup (unit_abbr != NULL ? unit_abbr : "");
  chart->fiscal_year = view->fiscal_year;
  chart->has_plan_budget = view->has_activity_budget;
  chart->plan_budget = view->activity_budget;
  add_view (chart, view, amounts);
  finish_chart (chart, amounts);
  chart->has_targets = TRUE;
  memcpy (chart->target_percent, view->targets, sizeof chart->target_percent);
  return chart;
}

void
phaen_budget_chart_free (PhaenBudgetChart *chart)
{
  if (chart == NULL)
    return;
  g_free (chart->title);
  g_free (chart->unit_abbr);
  g_free (chart);
}

double
phaen_budget_chart_target_amount (const PhaenBudgetChart *chart, int quarter)
{
  g_return_val_if_fail (chart != NULL, NAN);
  g_return_val_if_fail (quarter >= 1 && quarter <= PHAEN_QUARTERS, NAN);

  if (!chart->has_targets)
    return NAN;
  /* Of the year's allocation; before any is entered, of the plan's own budget. */
  return (chart->annual > 0 || !chart->has_plan_budget ? chart->annual : chart->plan_budget) *
         chart->target_percent[quarter - 1] / 100;
}

/* ------------------------------------------------------------------ drawing */

static char *
tick_label (double value, gpointer data)
{
  double scale = *(const double *)data;

  return phaen_format_number (value / scale, scale > 1 ? 2 : 0,
                              PHAEN_NUMBER_GROUPING | PHAEN_NUMBER_TRIM_ZEROS);
}

static void
draw_bars (const PhaenBudgetChart *chart, PhaenPlot *plot, cairo_t *cr)
{
  const PhaenChartStyle *style = plot->style;
  double bar = _phaen_plot_category_width (plot) * 0.3;
  double line = _phaen_chart_line_height (plot->context, style, style->font_size);
  double base = _phaen_plot_y (plot, 0);

  for (int q = 0; q < PHAEN_QUARTERS; q++)
    {
      double cx = _phaen_plot_category_x (plot, q);
      double top = _phaen_plot_y (plot, chart->allocated[q]);

      _phaen_chart_fill_rect (cr, &style->series[4], cx - bar, top, bar, base - top);
      if (!chart->has_quarter[q])
        continue;
      top = _phaen_plot_y (plot, chart->disbursed[q]);
      _phaen_chart_fill_rect (cr, &style->series[0], cx, top, bar, base - top);
      if (chart->annual > 0)
        {
          g_autofree char *percent = phaen_format_number (chart->disbursed[q] / chart->annual * 100,
                                                          2, PHAEN_NUMBER_TRIM_ZEROS);
          g_autofree char *label = g_strdup_printf ("%s%%", percent);

          _phaen_chart_label (cr, plot->context, style, label, style->font_size, TRUE, &style->text,
                              cx - bar, top - line, bar * 3, _PHAEN_ALIGN_CENTER);
        }
    }
}

static void
draw_targets (const PhaenBudgetChart *chart, PhaenPlot *plot, cairo_t *cr)
{
  const PhaenChartStyle *style = plot->style;
  double r = style->font_size * 0.3;

  if (!chart->has_targets)
    return;
  cairo_new_path (cr);
  for (int q = 0; q < PHAEN_QUARTERS; q++)
    cairo_line_to (cr, _phaen_plot_category_x (plot, q),
                   _phaen_plot_y (plot, phaen_budget_chart_target_amount (chart, q + 1)));
  phaen_chart_set_source (cr, &style->target);
  cairo_set_line_width (cr, style->line_width * 2);
  cairo_stroke (cr);
  for (int q = 0; q < PHAEN_QUARTERS; q++)
    {
      cairo_new_path (cr);
      cairo_arc (cr, _phaen_plot_category_x (plot, q),
                 _phaen_plot_y (plot, phaen_budget_chart_target_amount (chart, q + 1)), r, 0,
                 2 * G_PI);
      cairo_fill (cr);
    }
}

void
phaen_budget_chart_draw (const PhaenBudgetChart *chart,
                         cairo_t *cr,
                         const PhaenChartStyle *style,
                         double width,
                         double height)
{
  PangoContext *context;
  g_autoptr (GArray) legend = NULL;
  g_autofree char *title = NULL, *sub = NULL, *annual = NULL;
  g_auto (GStrv) labels = NULL;
  double top, scale;
  PhaenPlot plot;

  g_return_if_fail (chart != NULL && cr != NULL && style != NULL);

  context = _phaen_chart_pango_context_new ();
  legend = _phaen_legend_new ();
  _phaen_legend_add (legend, _PHAEN_LEGEND_BOX, &style->series[4],
                     _ ("Budget allocated (cumulative)"));
  _phaen_legend_add (legend, _PHAEN_LEGEND_BOX, &style->series[0], _ ("Disbursed (cumulative)"));
  if (chart->has_targets)
    _phaen_legend_add (legend, _PHAEN_LEGEND_DOT, &style->target, _ ("Disbursement target"));
  if (chart->annual <= 0 && chart->has_plan_budget)
    _phaen_legend_add (legend, _PHAEN_LEGEND_DASH, &style->series[4], _ ("Budget in the plan"));

  top = MAX (chart->annual, chart->disbursed[PHAEN_QUARTERS - 1]);
  if (chart->annual <= 0 && chart->has_plan_budget)
    top = MAX (top, chart->plan_budget);
  scale = top >= MILLION ? MILLION : 1;
  title = g_strdup_printf (_ ("Budget disbursement of %s"), chart->title);
  if (chart->annual > 0 || !chart->has_plan_budget)
    {
      g_autofree char *money = phaen_format_money (chart->annual, FALSE);

      annual = chart->annual > 0 ? g_strdup_printf (_ ("budget of the year %s baht"), money)
                                 : g_strdup (_ ("no budget recorded by quarter yet"));
    }
  else
    {
      /* Nothing allocated by quarter yet: the plan's budget, not a year of 0.00 บาท. */
      g_autofree char *money = phaen_format_money (chart->plan_budget, FALSE);

      annual = g_strdup_printf (
        _ ("budget in the plan %s baht (quarterly allocations not recorded yet)"), money);
    }
  sub = g_strdup_printf (_ ("%s%sFiscal year B.E. %d · %s · unit: %s"), chart->unit_abbr,
                         *chart->unit_abbr ? " · " : "", chart->fiscal_year, annual,
                         scale > 1 ? _ ("million baht") : _ ("baht"));
  labels = _phaen_quarter_labels ();

  cairo_save (cr);
  /* At least 0–10 on the axis: whole-number ticks never repeat (0, 0, 0, 1, 1). */
  _phaen_plot_begin (&plot, cr, context, style, width, height, title, sub, legend, 1, 0,
                     MAX (top * 1.12, 10 * scale), tick_label, &scale);
  draw_bars (chart, &plot, cr);
  draw_targets (chart, &plot, cr);
  if (chart->annual <= 0 && chart->has_plan_budget)
    {
      /* The plan's budget as a level the quarters have yet to be allocated up to. */
      double y = _phaen_plot_y (&plot, chart->plan_budget);

      cairo_save (cr);
      cairo_set_dash (cr, (double[]){ 6, 4 }, 2, 0);
      _phaen_chart_hline (cr, &style->series[4], style->line_width * 2, plot.x, plot.x + plot.width,
                          y);
      cairo_restore (cr);
    }
  _phaen_plot_draw_categories (&plot, cr, (const char *const *)labels);
  cairo_restore (cr);
  g_object_unref (context);
}
