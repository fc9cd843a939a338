/* phaen-chart-plot.c — the frame of the quarterly charts: title, y axis, quarters, legend
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-chart"

#include "config.h"

#include <math.h>

#include "phaen-calendar.h"
#include "phaen-chart-private.h"

static void
legend_item_clear (PhaenLegendItem *item)
{
  g_clear_pointer (&item->label, g_free);
}

GArray *
_phaen_legend_new (void)
{
  GArray *legend = g_array_new (FALSE, TRUE, sizeof (PhaenLegendItem));

  g_array_set_clear_func (legend, (GDestroyNotify)legend_item_clear);
  return legend;
}

void
_phaen_legend_add (GArray *legend,
                   PhaenLegendKind kind,
                   const PhaenChartColor *color,
                   const char *label)
{
  PhaenLegendItem item = { kind, color, g_strdup (label) };

  g_array_append_val (legend, item);
}

GStrv
_phaen_quarter_labels (void)
{
  GStrv labels = g_new0 (char *, PHAEN_QUARTERS + 1);

  for (int q = 0; q < PHAEN_QUARTERS; q++)
    labels[q] = phaen_quarter_name (q + 1);
  return labels;
}

static void
draw_swatch (cairo_t *cr,
             const PhaenChartStyle *style,
             const PhaenLegendItem *item,
             double x,
             double y,
             double size)
{
  double mid = y + size / 2;

  switch (item->kind)
    {
    case _PHAEN_LEGEND_BOX:
      _phaen_chart_fill_rect (cr, item->color, x, y + size * 0.15, size * 1.4, size * 0.7);
      break;
    case _PHAEN_LEGEND_LINE:
    case _PHAEN_LEGEND_DASH:
      if (item->kind == _PHAEN_LEGEND_DASH)
        {
          double dash[] = { size * 0.35, size * 0.2 };
          cairo_set_dash (cr, dash, 2, 0);
        }
      _phaen_chart_hline (cr, item->color, style->line_width * 2.5, x, x + size * 1.4, mid);
      cairo_set_dash (cr, NULL, 0, 0);
      break;
    case _PHAEN_LEGEND_DOT:
      _phaen_chart_hline (cr, item->color, style->line_width * 2, x, x + size * 1.4, mid);
      phaen_chart_set_source (cr, item->color);
      cairo_arc (cr, x + size * 0.7, mid, size * 0.25, 0, 2 * G_PI);
      cairo_fill (cr);
      break;
    }
}

/* Lays the legend out in lines across @width; draws it when @cr is set. Returns its height. */
static double
legend_flow (cairo_t *cr,
             PangoContext *context,
             const PhaenChartStyle *style,
             GArray *legend,
             double x,
             double y,
             double width)
{
  double size = style->font_size;
  double line = _phaen_chart_line_height (context, style, size);
  double cx = x, cy = y;

  if (legend == NULL || legend->len == 0)
    return 0;
  for (guint i = 0; i < legend->len; i++)
    {
      const PhaenLegendItem *item = &g_array_index (legend, PhaenLegendItem, i);
      /* A label longer than the line (an indicator known only by its name) is shortened. */
      g_autoptr (PangoLayout) label =
        _phaen_chart_layout_new (context, style, size, FALSE, item->label, -1);
      double label_width, item_width;

      pango_layout_set_width (label, (int)(MAX (width - size * 2, size) * PANGO_SCALE));
      pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
      _phaen_chart_layout_size (label, &label_width, NULL);
      item_width = size * 2 + label_width;
      if (cx > x && cx + item_width > x + width)
        {
          cx = x;
          cy += line;
        }
      if (cr)
        {
          draw_swatch (cr, style, item, cx, cy + (line - size) / 2, size);
          _phaen_chart_show_layout (cr, label, &style->text, cx + size * 1.8, cy);
        }
      cx += item_width + size * 1.2;
    }
  return cy + line - y;
}

void
_phaen_plot_begin (PhaenPlot *plot,
                   cairo_t *cr,
                   PangoContext *context,
                   const PhaenChartStyle *style,
                   double width,
                   double height,
                   const char *title,
                   const char *subtitle,
                   GArray *legend,
                   guint category_lines,
                   double y_min,
                   double y_max,
                   PhaenTickFormat format_tick,
                   gpointer tick_data)
{
  double pad = style->font_size;
  double line = _phaen_chart_line_height (context, style, style->font_size);
  double top = pad, bottom, legend_height, label_width = 0, text_width;
  guint max_ticks;

  plot->context = context;
  plot->style = style;
  plot->n_categories = PHAEN_QUARTERS;

  _phaen_chart_fill_rect (cr, &style->background, 0, 0, width, height);
  text_width = MAX (width - 2 * pad, 1);
  if (title && *title)
    {
      g_autoptr (PangoLayout) layout =
        _phaen_chart_layout_new (context, style, style->title_size, TRUE, title, text_width);
      double h;

      _phaen_chart_layout_size (layout, NULL, &h);
      _phaen_chart_show_layout (cr, layout, &style->text, pad, top);
      top += h;
    }
  if (subtitle && *subtitle)
    {
      g_autoptr (PangoLayout) layout =
        _phaen_chart_layout_new (context, style, style->font_size, FALSE, subtitle, text_width);
      double h;

      _phaen_chart_layout_size (layout, NULL, &h);
      _phaen_chart_show_layout (cr, layout, &style->text_muted, pad, top);
      top += h;
    }
  top += pad;

  legend_height = legend_flow (NULL, context, style, legend, pad, 0, text_width);
  legend_flow (cr, context, style, legend, pad, height - pad - legend_height, text_width);
  bottom = height - pad - legend_height - (legend_height > 0 ? pad * 0.5 : 0) -
           category_lines * line - pad * 0.3;

  /* Room for one label every ~2.5 lines keeps the axis readable at any height. */
  max_ticks = (guint)CLAMP ((bottom - top) / (line * 2.5), 2, 10);
  if (!(y_max > y_min))
    y_max = y_min + 1;
  plot->y_step = phaen_chart_nice_step (y_max - y_min, max_ticks);
  plot->y_min = floor (y_min / plot->y_step + 1e-9) * plot->y_step;
  plot->y_max = ceil (y_max / plot->y_step - 1e-9) * plot->y_step;

  for (double v = plot->y_min; v <= plot->y_max + plot->y_step / 2; v += plot->y_step)
    {
      g_autofree char *text = format_tick (v, tick_data);
      label_width =
        MAX (label_width, _phaen_chart_text_width (context, style, text, style->font_size, FALSE));
    }

  plot->x = pad + label_width + pad * 0.5;
  plot->y = top + line / 2;
  plot->width = MAX (width - pad - plot->x, 1);
  plot->height = MAX (bottom - plot->y, 1);

  for (double v = plot->y_min; v <= plot->y_max + plot->y_step / 2; v += plot->y_step)
    {
      g_autofree char *text = format_tick (v, tick_data);
      double y = _phaen_plot_y (plot, v);

      _phaen_chart_hline (cr, &style->grid, style->line_width, plot->x, plot->x + plot->width, y);
      _phaen_chart_label (cr, context, style, text, style->font_size, FALSE, &style->text_muted,
                          pad, y - line / 2, label_width, _PHAEN_ALIGN_END);
    }
}

void
_phaen_plot_draw_categories (PhaenPlot *plot, cairo_t *cr, const char *const *labels)
{
  const PhaenChartStyle *style = plot->style;
  double bottom = plot->y + plot->height;

  _phaen_chart_hline (cr, &style->rule, style->line_width * 1.5, plot->x, plot->x + plot->width,
                      bottom);
  for (guint i = 0; i < plot->n_categories && labels[i]; i++)
    {
      g_autoptr (PangoLayout) layout =
        _phaen_chart_layout_new (plot->context, style, style->font_size, FALSE, labels[i],
                                 _phaen_plot_category_width (plot));

      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      _phaen_chart_show_layout (cr, layout, &style->text,
                                plot->x + i * _phaen_plot_category_width (plot),
                                bottom + style->font_size * 0.3);
    }
}

double
_phaen_plot_y (const PhaenPlot *plot, double value)
{
  double span = plot->y_max - plot->y_min;

  return plot->y + plot->height - (value - plot->y_min) / span * plot->height;
}

double
_phaen_plot_category_width (const PhaenPlot *plot)
{
  return plot->width / MAX (plot->n_categories, 1);
}

/* The centre of category @index. */
double
_phaen_plot_category_x (const PhaenPlot *plot, guint index)
{
  return plot->x + (index + 0.5) * _phaen_plot_category_width (plot);
}
