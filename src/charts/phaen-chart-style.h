/* phaen-chart-style.h — the one look of every chart: palette, Thai fonts, light/dark/print
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "phaen-model.h"

G_BEGIN_DECLS

/**
 * PhaenChartTheme:
 * @PHAEN_CHART_THEME_LIGHT: the screen on a light background (also PNG and SVG files)
 * @PHAEN_CHART_THEME_DARK: the screen on a dark background
 * @PHAEN_CHART_THEME_PRINT: high contrast for paper (PDF and printing): black rules and text,
 *   darker fills that survive a photocopier
 */
typedef enum
{
  PHAEN_CHART_THEME_LIGHT,
  PHAEN_CHART_THEME_DARK,
  PHAEN_CHART_THEME_PRINT,
} PhaenChartTheme;

typedef struct
{
  double red, green, blue, alpha;
} PhaenChartColor;

#define PHAEN_CHART_N_SERIES 8

/**
 * PhaenChartStyle:
 * @font_family: a Pango family list; the first installed family wins and Pango falls back
 *   glyph by glyph along the list
 * @font_size: body text in user units: 1 unit is 1 logical pixel on screen and 1 point in a
 *   PDF or on paper, so a chart has the same proportions everywhere
 * @title_size: the chart's title
 * @line_width: thin rules; strong rules (quarters, frame) are twice as wide
 * @level: the five score levels' band fills (level 1 … 5), light tints
 * @series: indicators and data series in a colour-blind-safe order (Okabe & Ito)
 *
 * All themes share their fonts and sizes, so switching the theme never moves anything.
 */
typedef struct
{
  PhaenChartTheme theme;
  const char *font_family;
  double font_size;
  double title_size;
  double line_width;
  PhaenChartColor background;
  PhaenChartColor text;
  PhaenChartColor text_muted;
  PhaenChartColor grid;
  PhaenChartColor rule;
  PhaenChartColor header_background;
  PhaenChartColor stripe;   /* every other row */
  PhaenChartColor planned;  /* planned months */
  PhaenChartColor progress; /* the reported share of the planned months */
  PhaenChartColor achieved; /* ● achieved outputs */
  PhaenChartColor marker;   /* ● start and ○ planned outputs */
  PhaenChartColor today;
  PhaenChartColor target;
  PhaenChartColor level[PHAEN_LEVELS];
  PhaenChartColor series[PHAEN_CHART_N_SERIES];
} PhaenChartStyle;

/* Returns: (transfer none): a static style */
const PhaenChartStyle *phaen_chart_style_get (PhaenChartTheme theme);

/* "light", "dark" or "print"; FALSE for anything else. */
gboolean phaen_chart_theme_from_string (const char *name, PhaenChartTheme *theme);

void phaen_chart_set_source (cairo_t *cr, const PhaenChartColor *color);

/**
 * phaen_chart_nice_step:
 * @range: the span the axis must cover (> 0)
 * @max_ticks: at most this many steps across @range
 *
 * The smallest step of 1, 2, 2.5 or 5 × 10ⁿ that covers @range in at most @max_ticks steps.
 */
double phaen_chart_nice_step (double range, guint max_ticks);

G_END_DECLS
