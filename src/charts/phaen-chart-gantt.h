/* phaen-chart-gantt.h — the plan chart: activities × fiscal months, on screen, in files, on paper
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "phaen-chart-page.h"
#include "phaen-chart-style.h"
#include "phaen-plan-totals.h"
#include "phaen-store.h"

G_BEGIN_DECLS

/* ------------------------------------------------------------------ geometry (pure) */

/**
 * PhaenGanttColumnSpec:
 * @number: width of the number column (ที่)
 * @owner: width of the owner column (ผู้รับผิดชอบ), 0 when hidden
 * @budget: width of the budget column (งบประมาณ), 0 when hidden
 * @name_min: the activity name column never gets narrower than this
 * @name_max: … nor wider than this; what is left goes to the months
 * @month_min: the narrowest month that still holds its abbreviation and two marks
 * @month_natural: the width a month gets before the name column grows past @name_min
 * @name_step: the name column's width is a whole number of steps (0: any width), so that
 *   resizing a window lays the wrapped names out again only once per step
 */
typedef struct
{
  double number;
  double owner;
  double budget;
  double name_min;
  double name_max;
  double month_min;
  double month_natural;
  double name_step;
} PhaenGanttColumnSpec;

/**
 * PhaenGanttColumns:
 * @number: width of ที่ (x = 0)
 * @name: width of กิจกรรม (x = @number)
 * @owner: width of ผู้รับผิดชอบ, 0 when hidden
 * @budget: width of งบประมาณ, 0 when hidden
 * @months_x: the left edge of the first month column
 * @month: the width of one month column
 * @width: the whole table; more than asked for when the months could not fit
 */
typedef struct
{
  double number;
  double name;
  double owner;
  double budget;
  double months_x;
  double month;
  double width;
} PhaenGanttColumns;

/**
 * phaen_gantt_columns_compute:
 * @width: the width the table may take
 * @n_months: month columns to place
 *
 * The name column takes what @n_months natural months leave, within its limits; the months
 * share the rest equally and never go below @spec's month_min (the table then overflows
 * @width, which columns->width reports).
 */
void phaen_gantt_columns_compute (const PhaenGanttColumnSpec *spec,
                                  double width,
                                  guint n_months,
                                  PhaenGanttColumns *columns);

/* The left edge of month column @month (0 = the first month shown). */
double phaen_gantt_columns_month_x (const PhaenGanttColumns *columns, guint month);

/**
 * phaen_gantt_months_per_band:
 * @n_months: the plan's month columns (12, or more when it runs into the next year)
 * @months_fit: how many month columns fit across a page
 *
 * How many months a printed page shows when they do not all fit: whole quarters where at
 * least one fits, so a page break never splits a quarter, shared out evenly over the fewest
 * pages across. At least 1.
 */
guint phaen_gantt_months_per_band (guint n_months, guint months_fit);

/**
 * phaen_gantt_rows_visible_range:
 * @tops: (array length=n_rows): each row's top, rising
 * @heights: (array length=n_rows): each row's height
 * @y0: the top of the span shown, in the same coordinates as @tops
 * @y1: its bottom
 * @first: (out): the first row the span shows, even partly
 * @end: (out): one past the last; @first == @end when it shows none
 */
void phaen_gantt_rows_visible_range (const double *tops,
                                     const double *heights,
                                     guint n_rows,
                                     double y0,
                                     double y1,
                                     guint *first,
                                     guint *end);

/* ------------------------------------------------------------------ the chart */

typedef struct _PhaenGantt PhaenGantt;

/**
 * phaen_gantt_new:
 * @plan_id: the plan to chart: its activities (in display order), unit and fiscal year
 *
 * Reads everything it needs at once; later edits in @store are not seen (make a new chart
 * on the store's "changed" signal). A chart may be made on one thread and drawn or written on
 * another (an export in a GTask), but never used from two threads at once.
 *
 * Returns: (transfer full): the chart, or %NULL with PHAEN_ERROR_NOT_FOUND for an unknown plan
 */
PhaenGantt *phaen_gantt_new (PhaenStore *store, gint64 plan_id, GError **error);
void phaen_gantt_free (PhaenGantt *self);
/* The row under the activities, counted as every view counts it (phaen-plan-totals.h).
 * Returns: (transfer none) */
const PhaenPlanTotals *phaen_gantt_get_totals (PhaenGantt *self);

/* @style: (transfer none): must outlive the chart; phaen_chart_style_get()'s always do.
 * The light style is the default. */
void phaen_gantt_set_style (PhaenGantt *self, const PhaenChartStyle *style);
const PhaenChartStyle *phaen_gantt_get_style (PhaenGantt *self);
/* The owner and budget columns show by default when any activity has an owner or a budget. */
void phaen_gantt_set_show_owner (PhaenGantt *self, gboolean show);
void phaen_gantt_set_show_budget (PhaenGantt *self, gboolean show);
/* The title block above the table on screen and in PNG/SVG (pages always have one). Default
 * TRUE; a window that shows the plan's name elsewhere turns it off. */
void phaen_gantt_set_show_title (PhaenGantt *self, gboolean show);
/* Numbers, years and page numbers in Thai digits (๑๒๓). Default FALSE. */
void phaen_gantt_set_thai_digits (PhaenGantt *self, gboolean thai_digits);
/* The day of the today line and of the printed date; %NULL (the default) is the system's
 * date. The line shows only while the day falls in the plan's months. */
void phaen_gantt_set_today (PhaenGantt *self, const GDate *today);

/* The plan's title (a print job's name). Returns: (transfer none) */
const char *phaen_gantt_get_title (PhaenGantt *self);
guint phaen_gantt_get_n_rows (PhaenGantt *self);
guint phaen_gantt_get_n_months (PhaenGantt *self);
/* The table the chart draws, as text for a screen reader: the title, then one line per
 * activity with the months of each of its marks ("1.1 Survey: planned: Oct 20–Dec 20; …"), in
 * the interface language. Returns: (transfer full) */
char *phaen_gantt_describe (PhaenGantt *self);

/* ------------------------------------------------------------------ on screen and in images */

/* The narrowest width that shows every month at its minimum. */
double phaen_gantt_get_min_width (PhaenGantt *self);
/* The height phaen_gantt_draw() takes at @width (widths below the minimum count as it). */
double phaen_gantt_get_height_for_width (PhaenGantt *self, double width);
void phaen_gantt_get_columns (PhaenGantt *self, double width, PhaenGanttColumns *columns);

/**
 * phaen_gantt_get_frozen:
 * @header_top: (out) (optional): where the two header rows begin, from the chart's top
 * @header_bottom: (out) (optional): where they end and the first activity begins
 * @left_width: (out) (optional): from the chart's left edge to the first month: the number,
 *   name, owner and budget columns
 *
 * What a scrolled view keeps in place while the rows and months move under it.
 */
void phaen_gantt_get_frozen (
  PhaenGantt *self, double width, double *header_top, double *header_bottom, double *left_width);

/**
 * phaen_gantt_measure_rows:
 * @y0: the top of a span of the chart drawn at @width, from the chart's top
 * @y1: its bottom
 *
 * On screen, the rows of a long plan are first given heights estimated from their texts'
 * lengths, so that showing a 5,000-activity chart does not lay out every name. A view calls
 * this for the span it is about to show: the rows there are measured (pages always are).
 *
 * Returns: whether a height changed, and with it the rows below and the chart's height
 */
gboolean phaen_gantt_measure_rows (PhaenGantt *self, double width, double y0, double y1);
/* Whether @row's height on screen at @width is measured rather than estimated. */
gboolean phaen_gantt_row_is_measured (PhaenGantt *self, double width, guint row);

/**
 * phaen_gantt_get_visible_rows:
 * @y0: the top of a span of the chart drawn at @width, from the chart's top
 * @y1: its bottom
 * @first: (out): the first activity row the span shows, even partly
 * @end: (out): one past the last; @first == @end when it shows none
 */
void phaen_gantt_get_visible_rows (
  PhaenGantt *self, double width, double y0, double y1, guint *first, guint *end);

/**
 * phaen_gantt_draw:
 * @cr: any cairo context; the chart's top-left corner is the current origin
 * @width: in user units
 *
 * Draws the whole chart (title block, the two header rows, every activity, the totals row
 * and the legend) over width × phaen_gantt_get_height_for_width(). Only the rows inside
 * @cr's clip are drawn, so a scrolled view of a long plan costs what its visible rows cost.
 * To zoom by z: cairo_scale (cr, z, z) and pass width / z; the chart is then
 * z × phaen_gantt_get_height_for_width (width / z) high. The layout is cached per width.
 */
void phaen_gantt_draw (PhaenGantt *self, cairo_t *cr, double width);

/**
 * phaen_gantt_get_cell_rect:
 * @row: the activity's index in display order
 * @month: the fiscal month index (0 = ต.ค.)
 * @rect: (out): where phaen_gantt_draw() at @width puts that cell
 *
 * Returns: %FALSE when @row or @month is out of range
 */
gboolean phaen_gantt_get_cell_rect (
  PhaenGantt *self, double width, guint row, guint month, cairo_rectangle_t *rect);

/* ------------------------------------------------------------------ printed pages */

/**
 * phaen_gantt_get_n_pages:
 *
 * The pages of the plan on @page: rows are split down the pages with the title block and
 * both header rows repeated on each, and when the months do not fit across they are split
 * into bands of whole quarters with the left columns repeated (all rows of the first band
 * come first). A row taller than a page goes on over the next pages, each part ending after a
 * whole line. At least 1.
 */
guint phaen_gantt_get_n_pages (PhaenGantt *self, const PhaenPageSetup *page);

/**
 * phaen_gantt_draw_page:
 * @cr: a context whose origin is the sheet's top-left corner, in points (a PDF surface, or
 *   a GtkPrintContext's cairo with the setup of #PhaenPageSetup)
 * @page_index: from 0 to phaen_gantt_get_n_pages() − 1
 *
 * Draws one page in full: title block (plan, unit, fiscal year, printed date in BE), the
 * headers, its rows, the totals row on the last page of a band, and the footer with the
 * legend and `หน้า 1/3`.
 */
void
phaen_gantt_draw_page (PhaenGantt *self, cairo_t *cr, const PhaenPageSetup *page, guint page_index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PhaenGantt, phaen_gantt_free)

G_END_DECLS
