/* phaen-chart-private.h — text, plot frame and legend shared by the chart renderers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

#include "phaen-chart-style.h"

G_BEGIN_DECLS

/* A context that lays text out the same way on every surface: 72 units per inch (so font
 * sizes are user units), unhinted metrics and unrounded glyph positions. Text is measured
 * and drawn with it whatever the cairo_t, so a PNG, a PDF and the screen break lines alike. */
PangoContext *_phaen_chart_pango_context_new (void);

/* @wrap_width < 0 lays the text out on one line. Returns: (transfer full) */
PangoLayout *_phaen_chart_layout_new (PangoContext *context,
                                      const PhaenChartStyle *style,
                                      double size,
                                      gboolean bold,
                                      const char *text,
                                      double wrap_width);
void _phaen_chart_layout_size (PangoLayout *layout, double *width, double *height);
void _phaen_chart_show_layout (
  cairo_t *cr, PangoLayout *layout, const PhaenChartColor *color, double x, double y);

typedef enum
{
  _PHAEN_ALIGN_START,
  _PHAEN_ALIGN_CENTER,
  _PHAEN_ALIGN_END,
} PhaenChartAlign;

/* One line, never wrapped, positioned in a box of @width; returns the text's width. */
double _phaen_chart_label (cairo_t *cr,
                           PangoContext *context,
                           const PhaenChartStyle *style,
                           const char *text,
                           double size,
                           gboolean bold,
                           const PhaenChartColor *color,
                           double x,
                           double y,
                           double width,
                           PhaenChartAlign align);
double _phaen_chart_text_width (PangoContext *context,
                                const PhaenChartStyle *style,
                                const char *text,
                                double size,
                                gboolean bold);
double _phaen_chart_line_height (PangoContext *context, const PhaenChartStyle *style, double size);

void _phaen_chart_fill_rect (
  cairo_t *cr, const PhaenChartColor *color, double x, double y, double width, double height);
void _phaen_chart_hline (
  cairo_t *cr, const PhaenChartColor *color, double line_width, double x0, double x1, double y);
void _phaen_chart_vline (
  cairo_t *cr, const PhaenChartColor *color, double line_width, double x, double y0, double y1);

/* ------------------------------------------------------------------ plots of four quarters */

typedef enum
{
  _PHAEN_LEGEND_BOX,
  _PHAEN_LEGEND_LINE,
  _PHAEN_LEGEND_DASH,
  _PHAEN_LEGEND_DOT,
} PhaenLegendKind;

typedef struct
{
  PhaenLegendKind kind;
  const PhaenChartColor *color;
  char *label;
} PhaenLegendItem;

typedef char *(*PhaenTickFormat) (double value, gpointer data);

/* The frame of a quarterly chart: title, y axis with a grid, the quarters along x, a legend. */
typedef struct
{
  PangoContext *context;
  const PhaenChartStyle *style;
  double x, y, width, height; /* the plot area inside the axes */
  double y_min, y_max, y_step;
  guint n_categories;
} PhaenPlot;

/**
 * _phaen_plot_begin:
 * @legend: (element-type PhaenLegendItem): items under the plot
 *
 * @category_lines: lines of text under each quarter
 *
 * Draws the background, @title and @subtitle (wrapped), the legend and the y axis with
 * labels from @format_tick, and fills @plot with the area left for the data. The axis runs
 * from @y_min to @y_max widened to whole steps.
 */
void _phaen_plot_begin (PhaenPlot *plot,
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
                        gpointer tick_data);
void _phaen_plot_draw_categories (PhaenPlot *plot, cairo_t *cr, const char *const *labels);
double _phaen_plot_y (const PhaenPlot *plot, double value);
double _phaen_plot_category_x (const PhaenPlot *plot, guint index);
double _phaen_plot_category_width (const PhaenPlot *plot);
GArray *_phaen_legend_new (void); /* (element-type PhaenLegendItem) */
void _phaen_legend_add (GArray *legend,
                        PhaenLegendKind kind,
                        const PhaenChartColor *color,
                        const char *label);

/* Quarter labels ไตรมาส 1 … 4 for the x axis. Returns: (transfer full) */
GStrv _phaen_quarter_labels (void);

G_END_DECLS
