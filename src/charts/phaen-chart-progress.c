/* phaen-chart-progress.c — an indicator's cumulative result by quarter against its levels
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "phaen-chart-private.h"
#include "phaen-chart-progress.h"
#include "phaen-error.h"
#include "phaen-scorecard.h"
#include "phaen-thai-text.h"

static void
band_free (PhaenProgressBand *band)
{
  g_free (band->label);
  g_free (band);
}

static void
add_band (PhaenProgressChart *chart, char *label, double lower, double upper, int level)
{
  PhaenProgressBand *band = g_new0 (PhaenProgressBand, 1);

  band->label = label;
  band->lower = lower;
  band->upper = upper;
  band->level = CLAMP (level, 1, PHAEN_LEVELS);
  g_ptr_array_add (chart->bands, band);
}

static char *
format_value (double value)
{
  return phaen_format_number (value, 2, PHAEN_NUMBER_GROUPING | PHAEN_NUMBER_TRIM_ZEROS);
}

/* The levels as ranges of the y axis, by how the indicator is scored (DOMAIN §4b). */
static void
build_bands (PhaenProgressChart *chart, const PhaenCriteria *rules)
{
  switch (chart->kind)
    {
    case PHAEN_SCORING_NUMERIC:
      /* x < T1 scores 1 like T1 itself; x ≥ T5 scores 5. Lower-is-better thresholds fall. */
      for (int l = 0; l < PHAEN_N_LEVELS; l++)
        {
          g_autofree char *t = format_value (rules->threshold[l]);
          double from = l == 0 ? -INFINITY : rules->threshold[l];
          double to = l == PHAEN_N_LEVELS - 1 ? INFINITY : rules->threshold[l + 1];

          if (chart->direction == PHAEN_DIRECTION_LOWER_BETTER)
            add_band (chart, g_strdup_printf (_ ("Level %d (%s)"), l + 1, t),
                      l == PHAEN_N_LEVELS - 1 ? -INFINITY : rules->threshold[l + 1],
                      l == 0 ? INFINITY : rules->threshold[l], l + 1);
          else
            add_band (chart, g_strdup_printf (_ ("Level %d (%s)"), l + 1, t), from, to, l + 1);
        }
      break;
    case PHAEN_SCORING_MILESTONE:
      /* The level reached is plotted at its number, in the middle of its band. */
      for (int l = 1; l <= PHAEN_N_LEVELS; l++)
        add_band (chart, g_strdup_printf (_ ("Level %d"), l), l - 0.5, l + 0.5, l);
      break;
    case PHAEN_SCORING_BANDS:
      {
        double low = INFINITY, high = -INFINITY;

        for (guint i = 0; i < rules->n_bands; i++)
          {
            low = MIN (low, rules->band[i].score);
            high = MAX (high, rules->band[i].score);
          }
        /* The best-scoring band takes the level-5 colour, the worst level 1. */
        for (guint i = 0; i < rules->n_bands; i++)
          {
            const PhaenBand *band = &rules->band[i];
            int level = high > low ? 1 + (int)lround ((band->score - low) / (high - low) * 4) : 5;

            add_band (chart, g_strdup (band->label ? band->label : ""), band->lower, band->upper,
                      level);
          }
        break;
      }
    case PHAEN_SCORING_PASS_FAIL:
      {
        g_autofree char *pass = format_value (rules->pass_percent);

        add_band (chart, g_strdup (_ ("Not passed")), -INFINITY, rules->pass_percent, 1);
        add_band (chart, g_strdup_printf (_ ("Passed (≥ %s%%)"), pass), rules->pass_percent,
                  INFINITY, 5);
        break;
      }
    case PHAEN_SCORING_PMQA7:
      g_assert_not_reached ();
    }
}

PhaenProgressChart *
phaen_progress_chart_new_for_row (const PhaenScorecard *card, const PhaenScorecardRow *row)
{
  const PhaenIndicator *indicator;
  PhaenProgressChart *chart;

  g_return_val_if_fail (card != NULL && row != NULL, NULL);
  g_return_val_if_fail (row->indicator->scoring != PHAEN_SCORING_PMQA7, NULL);

  indicator = row->indicator;
  chart = g_new0 (PhaenProgressChart, 1);
  chart->bands = g_ptr_array_new_with_free_func ((GDestroyNotify)band_free);
  chart->unit_abbr = g_strdup (card->unit->abbr);
  chart->fiscal_year = indicator->fiscal_year;
  chart->code = g_strdup (indicator->code);
  chart->name = g_strdup (indicator->name);
  chart->measure_unit = g_strdup (indicator->measure_unit);
  chart->weight = indicator->weight;
  chart->kind = indicator->scoring;
  chart->direction = indicator->direction;
  chart->problem = g_strdup (row->problem);
  if (row->criteria != NULL && row->problem == NULL)
    build_bands (chart, &row->rules);

  for (int q = 0; q < PHAEN_QUARTERS; q++)
    {
      const PhaenResult *result = row->results[q];
      const PhaenScore *score = &row->scores[q];

      chart->scores[q] = *score;
      if (result && result->value_text && *result->value_text)
        chart->value_text[q] = g_strdup (result->value_text);
      if (chart->kind == PHAEN_SCORING_PASS_FAIL)
        {
          chart->has_value[q] = score->has_score;
          chart->value[q] = score->percent;
        }
      else if (result && result->has_value)
        {
          chart->has_value[q] = TRUE;
          chart->value[q] = result->value;
        }
      else if (chart->kind == PHAEN_SCORING_MILESTONE && score->has_score)
        {
          chart->has_value[q] = TRUE;
          chart->value[q] = score->score;
        }
    }
  /* Pass/fail plots percentages; its target (the outputs planned) is no line there. */
  if (chart->kind != PHAEN_SCORING_PASS_FAIL)
    chart->has_target = phaen_parse_number (indicator->target, &chart->target, NULL);
  return chart;
}

PhaenProgressChart *
phaen_progress_chart_new (PhaenStore *store, gint64 indicator_id, GError **error)
{
  g_autoptr (PhaenIndicator) indicator = NULL;
  g_autoptr (PhaenScorecard) card = NULL;

  g_return_val_if_fail (PHAEN_IS_STORE (store), NULL);

  indicator = phaen_store_get_indicator (store, indicator_id, error);
  if (indicator == NULL)
    return NULL;
  if (indicator->scoring == PHAEN_SCORING_PMQA7)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                   _ ("Indicator %s belongs to PMQA category 7, which is scored by year, not by "
                      "quarter."),
                   indicator->code);
      return NULL;
    }
  card = phaen_scorecard_build (store, indicator->unit_id, indicator->fiscal_year, error);
  if (card == NULL)
    return NULL;
  for (guint i = 0; i < card->rows->len; i++)
    {
      const PhaenScorecardRow *row = g_ptr_array_index (card->rows, i);

      if (row->indicator->id == indicator_id)
        return phaen_progress_chart_new_for_row (card, row);
    }
  g_assert_not_reached ();
}

void
phaen_progress_chart_free (PhaenProgressChart *chart)
{
  if (chart == NULL)
    return;
  g_free (chart->unit_abbr);
  g_free (chart->code);
  g_free (chart->name);
  g_free (chart->measure_unit);
  g_clear_pointer (&chart->bands, g_ptr_array_unref);
  for (int q = 0; q < PHAEN_QUARTERS; q++)
    g_free (chart->value_text[q]);
  g_free (chart->problem);
  g_free (chart);
}

void
phaen_progress_chart_get_range (const PhaenProgressChart *chart, double *min, double *max)
{
  double lo = INFINITY, hi = -INFINITY, span;

  g_return_if_fail (chart != NULL && min != NULL && max != NULL);

  for (guint i = 0; i < chart->bands->len; i++)
    {
      const PhaenProgressBand *band = g_ptr_array_index (chart->bands, i);

      if (isfinite (band->lower))
        lo = MIN (lo, band->lower), hi = MAX (hi, band->lower);
      if (isfinite (band->upper))
        lo = MIN (lo, band->upper), hi = MAX (hi, band->upper);
    }
  for (int q = 0; q < PHAEN_QUARTERS; q++)
    if (chart->has_value[q])
      lo = MIN (lo, chart->value[q]), hi = MAX (hi, chart->value[q]);
  if (chart->has_target)
    lo = MIN (lo, chart->target), hi = MAX (hi, chart->target);
  if (chart->kind == PHAEN_SCORING_PASS_FAIL)
    lo = MIN (lo, 0), hi = MAX (hi, 100);
  if (!isfinite (lo))
    lo = 0, hi = 1;

  span = hi > lo ? hi - lo : MAX (fabs (hi), 1);
  /* Open bands (above T5, below T1 when lower is better) need room to be seen. */
  if (chart->kind == PHAEN_SCORING_NUMERIC || chart->kind == PHAEN_SCORING_BANDS)
    {
      if (chart->direction == PHAEN_DIRECTION_LOWER_BETTER)
        lo -= span * 0.12;
      else
        hi += span * 0.12;
    }
  /* Counts and percentages read best from zero. */
  if (lo > 0 && lo < span * 0.5)
    lo = 0;
  *min = lo;
  *max = hi;
}

/* ------------------------------------------------------------------ drawing */

static char *
tick_label (double value, gpointer data)
{
  return format_value (value);
}

static char *
subtitle (const PhaenProgressChart *chart)
{
  GString *text = g_string_new (NULL);
  g_autofree char *weight = phaen_format_number (chart->weight, 2, PHAEN_NUMBER_TRIM_ZEROS);

  g_string_append_printf (text, _ ("%s · Fiscal year B.E. %d · weight %s per cent"),
                          chart->unit_abbr, chart->fiscal_year, weight);
  if (chart->measure_unit && *chart->measure_unit)
    g_string_append_printf (text, _ (" · unit of measure: %s"), chart->measure_unit);
  if (chart->kind == PHAEN_SCORING_NUMERIC)
    g_string_append (text, chart->direction == PHAEN_DIRECTION_LOWER_BETTER
                             ? _ (" · less is better")
                             : _ (" · more is better"));
  if (chart->problem)
    g_string_append_printf (text, "\n%s", chart->problem);
  return g_string_free (text, FALSE);
}

static void
draw_bands (const PhaenProgressChart *chart, PhaenPlot *plot, cairo_t *cr)
{
  const PhaenChartStyle *style = plot->style;
  double line = _phaen_chart_line_height (plot->context, style, style->font_size * 0.9);

  cairo_save (cr);
  cairo_rectangle (cr, plot->x, plot->y, plot->width, plot->height);
  cairo_clip (cr);
  for (guint i = 0; i < chart->bands->len; i++)
    {
      const PhaenProgressBand *band = g_ptr_array_index (chart->bands, i);
      double top = _phaen_plot_y (plot, MIN (band->upper, plot->y_max));
      double bottom = _phaen_plot_y (plot, MAX (band->lower, plot->y_min));

      if (bottom <= top)
        continue;
      _phaen_chart_fill_rect (cr, &style->level[band->level - 1], plot->x, top, plot->width,
                              bottom - top);
      if (isfinite (band->lower) && band->lower > plot->y_min)
        _phaen_chart_hline (cr, &style->text_muted, style->line_width * 0.75, plot->x,
                            plot->x + plot->width, bottom);
      if (bottom - top >= line)
        _phaen_chart_label (cr, plot->context, style, band->label, style->font_size * 0.9, FALSE,
                            &style->text_muted, plot->x, bottom - line,
                            plot->width - style->font_size * 0.3, _PHAEN_ALIGN_END);
    }
  cairo_restore (cr);
}

static void
draw_target (const PhaenProgressChart *chart, PhaenPlot *plot, cairo_t *cr)
{
  const PhaenChartStyle *style = plot->style;
  double dash[] = { style->font_size * 0.5, style->font_size * 0.3 };
  g_autofree char *value = NULL, *label = NULL;
  double y, line;

  if (!chart->has_target)
    return;
  y = _phaen_plot_y (plot, chart->target);
  cairo_set_dash (cr, dash, 2, 0);
  _phaen_chart_hline (cr, &style->target, style->line_width * 2, plot->x, plot->x + plot->width, y);
  cairo_set_dash (cr, NULL, 0, 0);
  value = format_value (chart->target);
  label = g_strdup_printf (_ ("Target %s"), value);
  line = _phaen_chart_line_height (plot->context, style, style->font_size);
  _phaen_chart_label (cr, plot->context, style, label, style->font_size, TRUE, &style->target,
                      plot->x + style->font_size * 0.3, y - line, plot->width, _PHAEN_ALIGN_START);
}

static void
draw_results (const PhaenProgressChart *chart, PhaenPlot *plot, cairo_t *cr)
{
  const PhaenChartStyle *style = plot->style;
  const PhaenChartColor *color = &style->series[0];
  double r = style->font_size * 0.35;
  double line = _phaen_chart_line_height (plot->context, style, style->font_size);
  gboolean pen_down = FALSE;

  cairo_new_path (cr);
  for (int q = 0; q < PHAEN_QUARTERS; q++)
    {
      double x = _phaen_plot_category_x (plot, q), y;

      if (!chart->has_value[q])
        {
          pen_down = FALSE;
          continue;
        }
      y = _phaen_plot_y (plot, chart->value[q]);
      if (pen_down)
        cairo_line_to (cr, x, y);
      else
        cairo_move_to (cr, x, y);
      pen_down = TRUE;
    }
  phaen_chart_set_source (cr, color);
  cairo_set_line_width (cr, style->line_width * 2.5);
  cairo_stroke (cr);

  for (int q = 0; q < PHAEN_QUARTERS; q++)
    {
      double x = _phaen_plot_category_x (plot, q), y;
      g_autofree char *label = NULL;

      if (!chart->has_value[q])
        continue;
      y = _phaen_plot_y (plot, chart->value[q]);
      cairo_new_path (cr);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      phaen_chart_set_source (cr, color);
      cairo_fill_preserve (cr);
      phaen_chart_set_source (cr, &style->background);
      cairo_set_line_width (cr, style->line_width * 1.5);
      cairo_stroke (cr);

      if (chart->kind == PHAEN_SCORING_PASS_FAIL)
        {
          g_autofree char *percent = format_value (chart->value[q]);
          label = g_strdup_printf ("%s%%", percent);
        }
      else
        label =
          chart->value_text[q] ? g_strdup (chart->value_text[q]) : format_value (chart->value[q]);
      _phaen_chart_label (cr, plot->context, style, label, style->font_size, TRUE, &style->text,
                          x - _phaen_plot_category_width (plot) / 2, y - r - line,
                          _phaen_plot_category_width (plot), _PHAEN_ALIGN_CENTER);
    }
}

void
phaen_progress_chart_draw (const PhaenProgressChart *chart,
                           cairo_t *cr,
                           const PhaenChartStyle *style,
                           double width,
                           double height)
{
  PangoContext *context;
  g_autoptr (GArray) legend = NULL;
  g_autofree char *title = NULL, *sub = NULL;
  g_auto (GStrv) labels = NULL;
  PhaenPlot plot;
  double lo, hi;

  g_return_if_fail (chart != NULL && cr != NULL && style != NULL);

  context = _phaen_chart_pango_context_new ();
  legend = _phaen_legend_new ();
  _phaen_legend_add (legend, _PHAEN_LEGEND_DOT, &style->series[0],
                     chart->kind == PHAEN_SCORING_PASS_FAIL   ? _ ("Outputs achieved, per cent")
                     : chart->kind == PHAEN_SCORING_MILESTONE ? _ ("Level reached")
                                                              : _ ("Cumulative result"));
  if (chart->has_target)
    _phaen_legend_add (legend, _PHAEN_LEGEND_DASH, &style->target, _ ("Target"));

  title = g_strdup_printf ("%s %s", chart->code, chart->name);
  sub = subtitle (chart);
  labels = _phaen_quarter_labels ();
  for (int q = 0; q < PHAEN_QUARTERS; q++)
    {
      g_autofree char *score = chart->scores[q].has_score
                                 ? phaen_format_score (chart->scores[q].score, FALSE)
                                 : g_strdup ("-");
      char *label = g_strdup_printf (_ ("%s\nscore %s"), labels[q], score);

      g_free (labels[q]);
      labels[q] = label;
    }

  phaen_progress_chart_get_range (chart, &lo, &hi);
  cairo_save (cr);
  _phaen_plot_begin (&plot, cr, context, style, width, height, title, sub, legend, 2, lo, hi,
                     tick_label, NULL);
  draw_bands (chart, &plot, cr);
  draw_target (chart, &plot, cr);
  draw_results (chart, &plot, cr);
  _phaen_plot_draw_categories (&plot, cr, (const char *const *)labels);
  cairo_restore (cr);
  g_object_unref (context);
}
