/* phaen-chart-score.c — a unit's weighted score by quarter, stacked by indicator, out of 5
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-chart"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <math.h>

#include "phaen-chart-private.h"
#include "phaen-chart-score.h"
#include "phaen-scorecard.h"
#include "phaen-thai-text.h"

static void
item_free (PhaenScoreChartItem *item)
{
  g_free (item->code);
  g_free (item->name);
  g_free (item);
}

static PhaenScoreChartItem *
item_new (const PhaenScorecardRow *row)
{
  PhaenScoreChartItem *item = g_new0 (PhaenScoreChartItem, 1);

  item->code = g_strdup (row->indicator->code);
  item->name = g_strdup (row->indicator->name);
  item->weight = row->indicator->weight;
  for (int q = 0; q < PHAEN_QUARTERS; q++)
    {
      item->has_weighted[q] = row->scores[q].has_score;
      item->weighted[q] = row->scores[q].has_score ? row->scores[q].weighted : 0;
    }
  return item;
}

static void
item_add (PhaenScoreChartItem *sum, const PhaenScoreChartItem *item)
{
  sum->weight += item->weight;
  for (int q = 0; q < PHAEN_QUARTERS; q++)
    {
      sum->has_weighted[q] |= item->has_weighted[q];
      sum->weighted[q] += item->weighted[q];
    }
}

static int
by_weight_down (gconstpointer a, gconstpointer b)
{
  const PhaenScoreChartItem *x = *(PhaenScoreChartItem *const *)a;
  const PhaenScoreChartItem *y = *(PhaenScoreChartItem *const *)b;

  return (y->weight > x->weight) - (y->weight < x->weight);
}

/* One colour per segment: beyond PHAEN_CHART_N_SERIES indicators the colours would repeat and the
 * legend grow past the chart (575 entries on a large unit's dashboard, each measured on every
 * draw). So the heaviest keep a segment each, in the unit's order, and the rest share the last
 * one, labelled with how many they are; the quarter's total is the same. */
static void
group_small (PhaenScoreChart *chart)
{
  g_autoptr (GPtrArray) sorted = NULL;
  g_autoptr (GHashTable) kept = g_hash_table_new (NULL, NULL);
  g_autoptr (GPtrArray) items = NULL;
  PhaenScoreChartItem *others;
  guint n_kept = PHAEN_CHART_N_SERIES - 1;

  if (chart->items->len <= PHAEN_CHART_N_SERIES)
    return;
  sorted = g_ptr_array_copy (chart->items, NULL, NULL);
  g_ptr_array_set_free_func (sorted, NULL);  /* the copy would free the items too */
  g_ptr_array_sort (sorted, by_weight_down); /* stable: equal weights keep the unit's order */
  for (guint i = 0; i < n_kept; i++)
    g_hash_table_add (kept, g_ptr_array_index (sorted, i));

  items = g_ptr_array_new_with_free_func ((GDestroyNotify)item_free);
  others = g_new0 (PhaenScoreChartItem, 1);
  others->name = g_strdup_printf (_ ("%u other indicators"), chart->items->len - n_kept);
  g_ptr_array_set_free_func (chart->items, NULL);
  for (guint i = 0; i < chart->items->len; i++)
    {
      PhaenScoreChartItem *item = g_ptr_array_index (chart->items, i);

      if (g_hash_table_contains (kept, item))
        g_ptr_array_add (items, item);
      else
        {
          item_add (others, item);
          item_free (item);
        }
    }
  g_ptr_array_add (items, others);
  g_ptr_array_unref (chart->items);
  chart->items = g_steal_pointer (&items);
}

PhaenScoreChart *
phaen_score_chart_new_for_card (const PhaenScorecard *card)
{
  PhaenScoreChart *chart;

  g_return_val_if_fail (card != NULL, NULL);

  chart = g_new0 (PhaenScoreChart, 1);
  chart->unit_abbr = g_strdup (card->unit->abbr);
  chart->unit_name = g_strdup (card->unit->name);
  chart->fiscal_year = card->fiscal_year;
  chart->items = g_ptr_array_new_with_free_func ((GDestroyNotify)item_free);
  for (guint i = 0; i < card->rows->len; i++)
    g_ptr_array_add (chart->items, item_new (g_ptr_array_index (card->rows, i)));
  group_small (chart);
  for (int q = 0; q < PHAEN_QUARTERS; q++)
    {
      chart->total[q] = card->total[q];
      chart->n_scored[q] = card->n_scored[q];
    }
  chart->weight_sum = card->weight_sum;
  chart->weights_ok = card->weights_ok;
  return chart;
}

PhaenScoreChart *
phaen_score_chart_new (PhaenStore *store, gint64 unit_id, int fiscal_year, GError **error)
{
  g_autoptr (PhaenScorecard) card = NULL;

  g_return_val_if_fail (PHAEN_IS_STORE (store), NULL);

  card = phaen_scorecard_build (store, unit_id, fiscal_year, error);
  return card != NULL ? phaen_score_chart_new_for_card (card) : NULL;
}

void
phaen_score_chart_free (PhaenScoreChart *chart)
{
  if (chart == NULL)
    return;
  g_free (chart->unit_abbr);
  g_free (chart->unit_name);
  g_clear_pointer (&chart->items, g_ptr_array_unref);
  g_free (chart);
}

/* ------------------------------------------------------------------ drawing */

static char *
tick_label (double value, gpointer data)
{
  return phaen_format_number (value, 2, PHAEN_NUMBER_TRIM_ZEROS);
}

static void
draw_bars (const PhaenScoreChart *chart, PhaenPlot *plot, cairo_t *cr)
{
  const PhaenChartStyle *style = plot->style;
  double bar = _phaen_plot_category_width (plot) * 0.5;
  double small = style->font_size * 0.85;
  double line = _phaen_chart_line_height (plot->context, style, style->font_size);
  double small_line = _phaen_chart_line_height (plot->context, style, small);

  for (int q = 0; q < PHAEN_QUARTERS; q++)
    {
      double x = _phaen_plot_category_x (plot, q) - bar / 2, base = 0;
      g_autofree char *total = NULL;

      for (guint i = 0; i < chart->items->len; i++)
        {
          const PhaenScoreChartItem *item = g_ptr_array_index (chart->items, i);
          const PhaenChartColor *color = &style->series[i % PHAEN_CHART_N_SERIES];
          double top, bottom;

          if (!item->has_weighted[q] || item->weighted[q] <= 0)
            continue;
          bottom = _phaen_plot_y (plot, base);
          top = _phaen_plot_y (plot, base + item->weighted[q]);
          _phaen_chart_fill_rect (cr, color, x, top, bar, bottom - top);
          /* A hairline of background keeps neighbours apart when colours repeat. */
          _phaen_chart_hline (cr, &style->background, style->line_width, x, x + bar, top);
          if (bottom - top >= small_line)
            {
              g_autofree char *value =
                phaen_format_number (item->weighted[q], 4, PHAEN_NUMBER_TRIM_ZEROS);

              if (_phaen_chart_text_width (plot->context, style, value, small, FALSE) < bar)
                _phaen_chart_label (cr, plot->context, style, value, small, FALSE,
                                    &style->background, x, (top + bottom - small_line) / 2, bar,
                                    _PHAEN_ALIGN_CENTER);
            }
          base += item->weighted[q];
        }
      total = chart->n_scored[q] > 0 ? phaen_format_score (chart->total[q], FALSE) : g_strdup ("-");
      _phaen_chart_label (cr, plot->context, style, total, style->font_size, TRUE, &style->text,
                          x - bar / 2, _phaen_plot_y (plot, base) - line, bar * 2,
                          _PHAEN_ALIGN_CENTER);
    }
}

void
phaen_score_chart_draw (const PhaenScoreChart *chart,
                        cairo_t *cr,
                        const PhaenChartStyle *style,
                        double width,
                        double height)
{
  PangoContext *context;
  g_autoptr (GArray) legend = NULL;
  g_autofree char *title = NULL, *sub = NULL, *max_label = NULL;
  g_auto (GStrv) labels = NULL;
  double dash[] = { style->font_size * 0.5, style->font_size * 0.3 };
  double top = PHAEN_SCORE_MAX, line;
  PhaenPlot plot;

  g_return_if_fail (chart != NULL && cr != NULL && style != NULL);

  context = _phaen_chart_pango_context_new ();
  legend = _phaen_legend_new ();
  for (guint i = 0; i < chart->items->len; i++)
    {
      const PhaenScoreChartItem *item = g_ptr_array_index (chart->items, i);
      g_autofree char *weight = phaen_format_number (item->weight, 2, PHAEN_NUMBER_TRIM_ZEROS);
      g_autofree char *label = g_strdup_printf (
        _ ("%s (weight %s)"), item->code && *item->code ? item->code : item->name, weight);

      _phaen_legend_add (legend, _PHAEN_LEGEND_BOX, &style->series[i % PHAEN_CHART_N_SERIES],
                         label);
    }
  _phaen_legend_add (legend, _PHAEN_LEGEND_DASH, &style->target, _ ("Full score 5"));
  for (int q = 0; q < PHAEN_QUARTERS; q++)
    top = MAX (top, chart->total[q]);

  title = g_strdup_printf (_ ("Weighted score by quarter, %s"), chart->unit_abbr);
  if (chart->weights_ok)
    sub = g_strdup_printf (_ ("%s · Fiscal year B.E. %d"), chart->unit_name, chart->fiscal_year);
  else
    {
      g_autofree char *sum = phaen_format_number (chart->weight_sum, 2, PHAEN_NUMBER_TRIM_ZEROS);

      sub = g_strdup_printf (_ ("%s · Fiscal year B.E. %d · the weights add up to %s, not 100"),
                             chart->unit_name, chart->fiscal_year, sum);
    }
  labels = _phaen_quarter_labels ();

  cairo_save (cr);
  /* Headroom over the tallest bar for its total. */
  _phaen_plot_begin (&plot, cr, context, style, width, height, title, sub, legend, 1, 0, top * 1.1,
                     tick_label, NULL);
  draw_bars (chart, &plot, cr);
  cairo_set_dash (cr, dash, 2, 0);
  _phaen_chart_hline (cr, &style->target, style->line_width * 2, plot.x, plot.x + plot.width,
                      _phaen_plot_y (&plot, PHAEN_SCORE_MAX));
  cairo_set_dash (cr, NULL, 0, 0);
  max_label = g_strdup (_ ("Full score 5"));
  line = _phaen_chart_line_height (context, style, style->font_size);
  _phaen_chart_label (cr, context, style, max_label, style->font_size, TRUE, &style->target, plot.x,
                      _phaen_plot_y (&plot, PHAEN_SCORE_MAX) - line,
                      plot.width - style->font_size * 0.3, _PHAEN_ALIGN_END);
  _phaen_plot_draw_categories (&plot, cr, (const char *const *)labels);
  cairo_restore (cr);
  g_object_unref (context);
}
