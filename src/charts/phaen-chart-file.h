/* phaen-chart-file.h — charts written to PNG, PDF (with pages) or SVG, chosen by extension
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "phaen-chart-budget.h"
#include "phaen-chart-gantt.h"
#include "phaen-chart-page.h"
#include "phaen-chart-progress.h"
#include "phaen-chart-score.h"

G_BEGIN_DECLS

typedef enum
{
  PHAEN_CHART_FORMAT_PNG,
  PHAEN_CHART_FORMAT_PDF,
  PHAEN_CHART_FORMAT_SVG,
} PhaenChartFormat;

/* Sizes a file may ask for, in pixels (PNG, SVG) or points (PDF pages). */
#define PHAEN_CHART_MIN_SIZE 200
#define PHAEN_CHART_MAX_SIZE 16000
/* A PNG cannot be taller than this (cairo's image surfaces). */
#define PHAEN_CHART_MAX_PNG_SIZE 32767

#define PHAEN_CHART_DEFAULT_WIDTH 960
#define PHAEN_CHART_DEFAULT_HEIGHT 600
#define PHAEN_GANTT_DEFAULT_WIDTH 1400

/**
 * PhaenChartFileOptions:
 * @style: (nullable): %NULL takes the print style for a PDF and the light style otherwise
 * @paper: the sheet of a PDF
 * @width: 0 for the default; a PNG's or SVG's width in pixels, or with @height a PDF's own
 *   sheet in points instead of @paper
 * @height: 0 for the default; a Gantt chart's PNG or SVG is as high as its rows and refuses
 *   a height
 */
typedef struct
{
  const PhaenChartStyle *style;
  PhaenPaper paper;
  double width;
  double height;
} PhaenChartFileOptions;

void phaen_chart_file_options_init (PhaenChartFileOptions *options);

/* .png, .pdf or .svg (any case); PHAEN_ERROR_INVALID names the extensions otherwise. */
gboolean phaen_chart_format_from_path (const char *path, PhaenChartFormat *format, GError **error);

/**
 * phaen_gantt_write_file:
 *
 * A PDF holds the printed pages (phaen_gantt_draw_page()); a PNG or SVG the whole chart at
 * the width asked for (PHAEN_GANTT_DEFAULT_WIDTH by default), as on screen.
 *
 * Returns: %FALSE with PHAEN_ERROR_INVALID for an unknown extension or a size out of range,
 *   or PHAEN_ERROR_IO when the file cannot be written
 */
gboolean phaen_gantt_write_file (PhaenGantt *gantt,
                                 const char *path,
                                 const PhaenChartFileOptions *options,
                                 GError **error);

/* One image of width × height (default 960 × 600), or one PDF page. Errors as above. */
gboolean phaen_progress_chart_write_file (const PhaenProgressChart *chart,
                                          const char *path,
                                          const PhaenChartFileOptions *options,
                                          GError **error);
gboolean phaen_score_chart_write_file (const PhaenScoreChart *chart,
                                       const char *path,
                                       const PhaenChartFileOptions *options,
                                       GError **error);
gboolean phaen_budget_chart_write_file (const PhaenBudgetChart *chart,
                                        const char *path,
                                        const PhaenChartFileOptions *options,
                                        GError **error);

G_END_DECLS
