/* phaen-chart-gantt.c — the plan chart: activities × fiscal months, on screen, in files, on paper
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-gantt"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "phaen-calendar.h"
#include "phaen-chart-gantt.h"
#include "phaen-efficiency.h"
#include "phaen-chart-private.h"
#include "phaen-plan-totals.h"
#include "phaen-error.h"
#include "phaen-thai-text.h"

/* Column headers and labels of the official plan table (DOMAIN §3a, §3c). */
#define LABEL_NUMBER C_ ("plan grid", "No.")
#define LABEL_NAME C_ ("plan grid", "Activity")
#define LABEL_OWNER C_ ("plan grid", "Owner")
#define LABEL_BUDGET _ ("Budget\n(baht)")

typedef struct
{
  const PhaenActivity *activity;
  gboolean is_parent;   /* drawn bold, as strategies, goals and projects are */
  gboolean over_budget; /* the rows under it add up to more (phaen_plan_budget_rollups()) */
  double progress;      /* share of the planned months reported done, 0..1; < 0 when unknown */
  char *budget_text;
  /* One-line sizes, known once a layout has shown the text fits on one line; < 0 until then
   * (see measure_text()). */
  double name_width, name_height;
  double owner_width, owner_height;
} GanttRow;

typedef struct
{
  double name, owner; /* the column widths @heights were measured for */
  GArray *heights;    /* (element-type double) */
  /* (element-type gboolean) which heights are measured rather than estimated; NULL when all
   * are (see phaen_gantt_measure_rows()) */
  GArray *measured;
} RowHeights;

typedef struct
{
  gboolean valid;
  double width;
  PhaenGanttColumns columns;
  RowHeights rows;
  GArray *tops; /* (element-type double) each row's top, from the first row's */
  double title_height, body_y, body_height, totals_height, legend_height, height;
} ScreenLayout;

typedef struct
{
  gboolean valid;
  PhaenPageSetup setup;
  PhaenGanttColumns columns;
  guint months_per_band, n_bands;
  RowHeights rows;
  GArray *starts; /* (element-type guint) first row of each page of a band */
  /* (element-type RowSlice) per page of a band: set when the page shows only a part of a row
   * taller than a page (its lines from @from to @to), else from = 0, to = -1 */
  GArray *slices;
  double title_height, footer_height, totals_height, available;
} PageLayout;

typedef struct
{
  double from;
  double to;
} RowSlice;

struct _PhaenGantt
{
  PhaenPlan *plan;
  PhaenUnit *unit;
  GPtrArray *activities; /* (element-type PhaenActivity) */
  GArray *rows;          /* (element-type GanttRow) */
  guint n_months;

  const PhaenChartStyle *style;
  gboolean show_owner, show_budget, show_title, thai_digits;
  gboolean has_today;
  GDate today;

  PhaenPlanTotals totals; /* the row under the activities, as every view counts it */
  char *budget_total_text;
  gboolean any_planned, any_start, any_output, any_achieved, any_progress;

  PangoContext *context; /* made on first use by the thread that uses it */
  GThread *context_thread;
  PangoLayout *measure[2]; /* regular, bold */
  double line_height, pad_x, pad_y, indent;
  double thai_char_width; /* for estimating the rows not on screen yet */
  gboolean spec_valid;
  PhaenGanttColumnSpec spec;
  ScreenLayout screen;
  PageLayout page;
};

/* The part of the table one drawing shows: a band of months and the columns it has. */
typedef struct
{
  const PhaenGanttColumns *columns;
  double x, y; /* the table's top-left corner */
  guint first_month, n_months;
} TableView;

/* ------------------------------------------------------------------ geometry (pure) */

void
phaen_gantt_columns_compute (const PhaenGanttColumnSpec *spec,
                             double width,
                             guint n_months,
                             PhaenGanttColumns *columns)
{
  double fixed, rest;

  g_return_if_fail (spec != NULL && columns != NULL);

  n_months = MAX (n_months, 1);
  fixed = spec->number + spec->owner + spec->budget;
  columns->number = spec->number;
  columns->owner = spec->owner;
  columns->budget = spec->budget;
  columns->name = width - fixed - n_months * spec->month_natural;
  if (spec->name_step > 0)
    columns->name = floor (columns->name / spec->name_step) * spec->name_step;
  columns->name = CLAMP (columns->name, spec->name_min, MAX (spec->name_min, spec->name_max));
  columns->months_x = fixed + columns->name;
  rest = width - columns->months_x;
  columns->month = MAX (rest / n_months, spec->month_min);
  columns->width = columns->months_x + n_months * columns->month;
}

double
phaen_gantt_columns_month_x (const PhaenGanttColumns *columns, guint month)
{
  g_return_val_if_fail (columns != NULL, 0);

  return columns->months_x + month * columns->month;
}

guint
phaen_gantt_months_per_band (guint n_months, guint months_fit)
{
  guint most, n_bands, n_quarters;

  if (months_fit >= n_months)
    return MAX (n_months, 1);
  if (months_fit < 3)
    return MAX (months_fit, 1);
  /* The fewest bands of whole quarters, then the quarters shared out evenly among them
   * (24 months that fit 21 at a time print as 12 + 12, not 21 + 3). */
  most = months_fit - months_fit % 3;
  n_bands = (n_months + most - 1) / most;
  n_quarters = (n_months + 2) / 3;
  return (n_quarters + n_bands - 1) / n_bands * 3;
}

void
phaen_gantt_rows_visible_range (const double *tops,
                                const double *heights,
                                guint n_rows,
                                double y0,
                                double y1,
                                guint *first,
                                guint *end)
{
  guint lo = 0, hi = n_rows;

  g_return_if_fail (n_rows == 0 || (tops != NULL && heights != NULL));
  g_return_if_fail (first != NULL && end != NULL);

  /* The first row whose bottom reaches @y0 (its bottom rule still shows there) … */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (tops[mid] + heights[mid] < y0)
        lo = mid + 1;
      else
        hi = mid;
    }
  *first = lo;
  /* … to the first that begins at or below @y1. */
  hi = n_rows;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (tops[mid] < y1)
        lo = mid + 1;
      else
        hi = mid;
    }
  *end = lo;
  g_assert (*first <= *end && *end <= n_rows);
}

/* ------------------------------------------------------------------ helpers */

static char *
digits (PhaenGantt *self, char *text)
{
  char *thai;

  if (!self->thai_digits)
    return text;
  thai = phaen_digits_to_thai (text);
  g_free (text);
  return thai;
}

static void
row_clear (GanttRow *row)
{
  g_clear_pointer (&row->budget_text, g_free);
}

static void
row_heights_clear (RowHeights *rows)
{
  g_clear_pointer (&rows->heights, g_array_unref);
  g_clear_pointer (&rows->measured, g_array_unref);
}

static void
invalidate_layouts (PhaenGantt *self)
{
  self->screen.valid = FALSE;
  self->page.valid = FALSE;
}

static void
invalidate_measures (PhaenGantt *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GanttRow *row = &g_array_index (self->rows, GanttRow, i);

      row->name_width = row->owner_width = -1;
    }
  row_heights_clear (&self->screen.rows);
  row_heights_clear (&self->page.rows);
  self->spec_valid = FALSE;
  invalidate_layouts (self);
}

/* Pango's cairo font map belongs to the thread that asks for it: a chart made on the main
 * thread and written to a file by a worker (GTask) must measure with the worker's. The numbers
 * measured before stay good, since both see the same fonts. */
static void
ensure_text (PhaenGantt *self)
{
  const PhaenChartStyle *style = self->style;

  if (self->context && self->context_thread == g_thread_self ())
    return;
  g_clear_object (&self->measure[0]);
  g_clear_object (&self->measure[1]);
  g_clear_object (&self->context);
  self->context = _phaen_chart_pango_context_new ();
  self->context_thread = g_thread_self ();
  for (int bold = 0; bold < 2; bold++)
    {
      self->measure[bold] =
        _phaen_chart_layout_new (self->context, style, style->font_size, bold, "", -1);
      pango_layout_set_wrap (self->measure[bold], PANGO_WRAP_WORD_CHAR);
    }
  self->line_height = _phaen_chart_line_height (self->context, style, style->font_size);
  {
    PangoFontMetrics *metrics = pango_context_get_metrics (
      self->context, pango_layout_get_font_description (self->measure[0]),
      pango_language_from_string ("th"));

    self->thai_char_width =
      pango_font_metrics_get_approximate_char_width (metrics) / (double)PANGO_SCALE;
    pango_font_metrics_unref (metrics);
  }
  self->pad_x = style->font_size * 0.4;
  self->pad_y = style->font_size * 0.25;
  self->indent = style->font_size;
}

/* The height of @text wrapped at @wrap (< 0: never wrapped). @one_line caches the width of the
 * text on one line once a layout has shown it fits on one (< 0 until then), and @one_height
 * that line's height: a text known to fit needs no second layout at another width, and a long
 * text is laid out once, wrapped, not first on one line to see whether it fits. */
static double
measure_text (PhaenGantt *self,
              const char *text,
              gboolean bold,
              double wrap,
              double *one_line,
              double *one_height)
{
  PangoLayout *layout = self->measure[bold ? 1 : 0];
  double width, height;

  if (*one_line >= 0 && (wrap < 0 || *one_line <= wrap))
    return *one_height;
  pango_layout_set_width (layout, wrap < 0 ? -1 : (int)(MAX (wrap, 1) * PANGO_SCALE));
  pango_layout_set_text (layout, text ? text : "", -1);
  _phaen_chart_layout_size (layout, &width, &height);
  if (pango_layout_get_line_count (layout) == 1)
    {
      *one_line = width;
      *one_height = height;
    }
  return height;
}

static double
name_wrap (PhaenGantt *self, const PhaenGanttColumns *columns, const PhaenActivity *activity)
{
  return MAX (columns->name - 2 * self->pad_x - activity->depth * self->indent,
              self->style->font_size * 3);
}

static double
measure_row (PhaenGantt *self, GanttRow *row, const PhaenGanttColumns *columns)
{
  double height = MAX (self->line_height, measure_text (self, row->activity->name, row->is_parent,
                                                        name_wrap (self, columns, row->activity),
                                                        &row->name_width, &row->name_height));

  if (columns->owner > 0 && row->activity->owner && *row->activity->owner)
    height = MAX (height,
                  measure_text (self, row->activity->owner, FALSE, columns->owner - 2 * self->pad_x,
                                &row->owner_width, &row->owner_height));
  return height + 2 * self->pad_y;
}

/* A row's height from its texts' lengths, without laying them out: for the rows of a long plan
 * that are not on screen yet. */
static double
estimate_row (PhaenGantt *self, GanttRow *row, const PhaenGanttColumns *columns)
{
  guint lines = phaen_text_estimate_lines (row->activity->name, self->thai_char_width,
                                           name_wrap (self, columns, row->activity), G_MAXUINT);

  if (columns->owner > 0 && row->activity->owner && *row->activity->owner)
    lines = MAX (lines, phaen_text_estimate_lines (row->activity->owner, self->thai_char_width,
                                                   columns->owner - 2 * self->pad_x, G_MAXUINT));
  return lines * self->line_height + 2 * self->pad_y;
}

/* A chart this short is measured whole on screen too. */
#define EAGER_ROWS 200

/* Row heights for @columns. When @lazy, the rows of a long plan get estimates that
 * phaen_gantt_measure_rows() replaces as they come on screen; pages are always measured. */
static GArray *
ensure_heights (PhaenGantt *self,
                RowHeights *cache,
                const PhaenGanttColumns *columns,
                gboolean lazy)
{
  if (cache->heights && cache->name == columns->name && cache->owner == columns->owner)
    return cache->heights;

  row_heights_clear (cache);
  cache->name = columns->name;
  cache->owner = columns->owner;
  cache->heights = g_array_sized_new (FALSE, FALSE, sizeof (double), self->rows->len);
  if (lazy && self->rows->len > EAGER_ROWS)
    {
      cache->measured = g_array_sized_new (FALSE, TRUE, sizeof (gboolean), self->rows->len);
      g_array_set_size (cache->measured, self->rows->len);
    }
  for (guint i = 0; i < self->rows->len; i++)
    {
      GanttRow *row = &g_array_index (self->rows, GanttRow, i);
      double height =
        cache->measured ? estimate_row (self, row, columns) : measure_row (self, row, columns);

      g_array_append_val (cache->heights, height);
    }
  return cache->heights;
}

/* The widest of @texts without laying out each: digits are measured once and every text is
 * costed as its widest digit, so a thousand budgets cost a dozen layouts. */
static double
max_numeric_width (PhaenGantt *self, GPtrArray *texts, gboolean bold)
{
  g_autoptr (GHashTable) shapes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* Thai on purpose: the widest of the Thai digits the chart is asked to print. */
  const char *widest_digit = self->thai_digits ? "๐" : "0";
  double widest = 0, width = 0;
  GHashTableIter iter;
  gpointer key;

  for (int d = 0; d < 10; d++)
    {
      g_autofree char *digit = g_strdup_printf ("%d", d);
      g_autofree char *shown = digits (self, g_steal_pointer (&digit));
      double w =
        _phaen_chart_text_width (self->context, self->style, shown, self->style->font_size, bold);
      if (w > widest)
        {
          widest = w;
          widest_digit = g_intern_string (shown);
        }
    }
  for (guint i = 0; i < texts->len; i++)
    {
      const char *text = g_ptr_array_index (texts, i);
      GString *shape = g_string_new (NULL);

      for (const char *p = text; *p; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (g_unichar_isdigit (c))
            g_string_append (shape, widest_digit);
          else
            g_string_append_unichar (shape, c);
        }
      g_hash_table_add (shapes, g_string_free (shape, FALSE));
    }
  g_hash_table_iter_init (&iter, shapes);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    width = MAX (width, _phaen_chart_text_width (self->context, self->style, key,
                                                 self->style->font_size, bold));
  return width;
}

static double
bar_height (PhaenGantt *self)
{
  return self->line_height * 0.62;
}

static double
header_label_width (PhaenGantt *self, const char *text)
{
  g_autoptr (PangoLayout) layout =
    _phaen_chart_layout_new (self->context, self->style, self->style->font_size, TRUE, text, -1);
  double width;

  _phaen_chart_layout_size (layout, &width, NULL);
  return width;
}

static const PhaenGanttColumnSpec *
ensure_spec (PhaenGantt *self)
{
  const PhaenChartStyle *style = self->style;
  PhaenGanttColumnSpec *spec = &self->spec;
  double size = style->font_size, widest_month = 0;

  if (self->spec_valid)
    return spec;

  {
    g_autoptr (GPtrArray) numbers = g_ptr_array_new ();

    for (guint i = 0; i < self->rows->len; i++)
      g_ptr_array_add (numbers, g_array_index (self->rows, GanttRow, i).activity->number);
    spec->number =
      MAX (header_label_width (self, LABEL_NUMBER), max_numeric_width (self, numbers, FALSE)) +
      2 * self->pad_x;
  }

  spec->owner = 0;
  if (self->show_owner)
    {
      double widest = 0;

      for (guint i = 0; i < self->rows->len; i++)
        {
          GanttRow *row = &g_array_index (self->rows, GanttRow, i);
          const char *owner = row->activity->owner;

          if (owner == NULL || *owner == '\0')
            continue;
          measure_text (self, owner, FALSE, -1, &row->owner_width, &row->owner_height);
          widest = MAX (widest, row->owner_width);
        }
      /* The header wraps (ผู้รับ / ผิดชอบ) rather than widen a column of short names. */
      spec->owner = CLAMP (widest, size * 4.5, size * 7) + 2 * self->pad_x;
    }

  spec->budget = 0;
  if (self->show_budget)
    {
      g_autoptr (GPtrArray) amounts = g_ptr_array_new ();

      for (guint i = 0; i < self->rows->len; i++)
        g_ptr_array_add (amounts, g_array_index (self->rows, GanttRow, i).budget_text);
      g_ptr_array_add (amounts, self->budget_total_text);
      spec->budget = MAX (header_label_width (self, LABEL_BUDGET),
                          MAX (max_numeric_width (self, amounts, FALSE),
                               max_numeric_width (self, amounts, TRUE))) +
                     2 * self->pad_x;
    }

  for (int m = 0; m < PHAEN_FISCAL_MONTHS; m++)
    widest_month =
      MAX (widest_month,
           _phaen_chart_text_width (self->context, style,
                                    phaen_month_short_label (phaen_fiscal_month_calendar_month (m)),
                                    size, FALSE));
  spec->name_min = size * 10;
  spec->name_max = size * 26;
  /* Two marks side by side (● start and ○ output) must fit too: 2 × 2.3 radii. */
  spec->month_min = MAX (widest_month, bar_height (self) * 0.42 * 4.6) + size * 0.3;
  /* Past their minimum the months wait for the names: a wrapped name costs a whole line. */
  spec->month_natural = spec->month_min + size * 0.2;
  /* Wrapping a thousand Thai names costs ~0.1 s: do it every font size of change, not on
   * every pixel of a window being resized. */
  spec->name_step = size;
  self->spec_valid = TRUE;
  return spec;
}

static double
header_height (PhaenGantt *self)
{
  return 2 * (self->line_height + 2 * self->pad_y);
}

static const char *
totals_label (PhaenGantt *self)
{
  return self->totals.outputs ? _ ("Outputs in each month") : _ ("Activities in each month");
}

static double
totals_label_width (const PhaenGanttColumns *columns)
{
  return columns->number + columns->name + columns->owner;
}

static double
totals_height (PhaenGantt *self, const PhaenGanttColumns *columns)
{
  g_autoptr (PangoLayout) layout =
    _phaen_chart_layout_new (self->context, self->style, self->style->font_size, TRUE,
                             totals_label (self), totals_label_width (columns) - 2 * self->pad_x);
  double height;

  _phaen_chart_layout_size (layout, NULL, &height);
  return MAX (height, self->line_height) + 2 * self->pad_y;
}

static char *
unit_line (PhaenGantt *self)
{
  g_autofree char *year = digits (self, g_strdup_printf ("%d", self->plan->fiscal_year));

  if (self->unit)
    return g_strdup_printf (_ ("Unit: %s %s    Fiscal year B.E. %s"), self->unit->abbr,
                            self->unit->name, year);
  return g_strdup_printf (_ ("Fiscal year B.E. %s"), year);
}

static char *
printed_line (PhaenGantt *self)
{
  g_autofree char *date = phaen_date_label (&self->today, PHAEN_DATE_FULL);

  return digits (self, g_strdup_printf (_ ("Printed on %s"), date));
}

/* The plan's title and its unit and year; on paper also the printed date at the right.
 * Draws when @cr is set; returns the height. */
static double
title_block (PhaenGantt *self, cairo_t *cr, double x, double y, double width, gboolean printed)
{
  const PhaenChartStyle *style = self->style;
  g_autofree char *line = unit_line (self);
  g_autofree char *date = printed ? printed_line (self) : NULL;
  g_autoptr (PangoLayout) title = _phaen_chart_layout_new (self->context, style, style->title_size,
                                                           TRUE, self->plan->title, width);
  g_autoptr (PangoLayout) sub = NULL;
  double date_width = 0, title_height, sub_height;

  if (date)
    date_width = _phaen_chart_text_width (self->context, style, date, style->font_size, FALSE) +
                 style->font_size;
  sub = _phaen_chart_layout_new (self->context, style, style->font_size, FALSE, line,
                                 width - date_width);
  _phaen_chart_layout_size (title, NULL, &title_height);
  _phaen_chart_layout_size (sub, NULL, &sub_height);
  if (cr)
    {
      _phaen_chart_show_layout (cr, title, &style->text, x, y);
      _phaen_chart_show_layout (cr, sub, &style->text_muted, x, y + title_height);
      if (date)
        _phaen_chart_label (cr, self->context, style, date, style->font_size, FALSE,
                            &style->text_muted, x, y + title_height, width, _PHAEN_ALIGN_END);
    }
  return title_height + sub_height;
}

/* ------------------------------------------------------------------ legend */

typedef enum
{
  SYMBOL_PLANNED,
  SYMBOL_PROGRESS,
  SYMBOL_START,
  SYMBOL_OUTPUT,
  SYMBOL_ACHIEVED,
  SYMBOL_TODAY,
} Symbol;

static void
draw_mark (PhaenGantt *self, cairo_t *cr, Symbol symbol, double cx, double cy, double r)
{
  const PhaenChartStyle *style = self->style;

  cairo_new_path (cr);
  cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
  switch (symbol)
    {
    case SYMBOL_START:
      phaen_chart_set_source (cr, &style->marker);
      cairo_fill (cr);
      break;
    case SYMBOL_OUTPUT:
    case SYMBOL_ACHIEVED:
      phaen_chart_set_source (cr, symbol == SYMBOL_OUTPUT ? &style->background : &style->achieved);
      cairo_fill_preserve (cr);
      phaen_chart_set_source (cr, &style->marker);
      cairo_set_line_width (cr, MAX (style->line_width, r * 0.3));
      cairo_stroke (cr);
      break;
    case SYMBOL_PLANNED:
    case SYMBOL_PROGRESS:
    case SYMBOL_TODAY:
      g_assert_not_reached ();
    }
}

static void
draw_symbol (PhaenGantt *self, cairo_t *cr, Symbol symbol, double x, double y)
{
  const PhaenChartStyle *style = self->style;
  double size = style->font_size, h = bar_height (self), cy = y + self->line_height / 2;

  switch (symbol)
    {
    case SYMBOL_PLANNED:
    case SYMBOL_PROGRESS:
      _phaen_chart_fill_rect (cr, symbol == SYMBOL_PLANNED ? &style->planned : &style->progress, x,
                              cy - h / 2, size * 1.6, h);
      break;
    case SYMBOL_TODAY:
      _phaen_chart_vline (cr, &style->today, style->line_width * 2, x + size * 0.8,
                          cy - self->line_height / 2, cy + self->line_height / 2);
      break;
    case SYMBOL_START:
    case SYMBOL_OUTPUT:
    case SYMBOL_ACHIEVED:
      draw_mark (self, cr, symbol, x + size * 0.8, cy, h * 0.42);
      break;
    }
}

static int
today_month (PhaenGantt *self)
{
  int index = phaen_fiscal_month_index_of_date (self->plan->fiscal_year, &self->today);

  return index >= 0 && (guint)index < self->n_months ? index : -1;
}

/* Only what the plan uses; lays out across @width, draws when @cr is set; returns the height. */
static double
legend (PhaenGantt *self, cairo_t *cr, double x, double y, double width)
{
  const PhaenChartStyle *style = self->style;
  struct
  {
    Symbol symbol;
    gboolean shown;
    const char *label;
  } items[] = {
    { SYMBOL_PLANNED, self->any_planned, _ ("Planned period") },
    { SYMBOL_PROGRESS, self->any_progress, _ ("Progress") },
    { SYMBOL_START, self->any_start, C_ ("gantt legend", "Start") },
    { SYMBOL_OUTPUT, self->any_output, _ ("Planned output") },
    { SYMBOL_ACHIEVED, self->any_achieved, C_ ("gantt legend", "Output achieved") },
    { SYMBOL_TODAY, today_month (self) >= 0, _ ("Today") },
  };
  double size = style->font_size, cx = x, cy = y;
  gboolean any = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      double label_width, item_width;

      if (!items[i].shown)
        continue;
      label_width = _phaen_chart_text_width (self->context, style, items[i].label, size, FALSE);
      item_width = size * 2 + label_width;
      if (cx > x && cx + item_width > x + width)
        {
          cx = x;
          cy += self->line_height;
        }
      if (cr)
        {
          draw_symbol (self, cr, items[i].symbol, cx, cy);
          _phaen_chart_label (cr, self->context, style, items[i].label, size, FALSE, &style->text,
                              cx + size * 2, cy, label_width, _PHAEN_ALIGN_START);
        }
      cx += item_width + size * 1.2;
      any = TRUE;
    }
  return any ? cy + self->line_height - y : 0;
}

/* ------------------------------------------------------------------ the table */

static double
view_width (const TableView *view)
{
  return view->columns->months_x + view->n_months * view->columns->month;
}

static double
month_x (const TableView *view, guint month)
{
  return view->x + phaen_gantt_columns_month_x (view->columns, month - view->first_month);
}

/* A centred, wrapped header label. */
static void
header_cell (PhaenGantt *self,
             cairo_t *cr,
             const char *text,
             double x,
             double y,
             double width,
             double height,
             gboolean bold)
{
  g_autoptr (PangoLayout) layout = _phaen_chart_layout_new (
    self->context, self->style, self->style->font_size, bold, text, width - 2 * self->pad_x);
  double h;

  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  _phaen_chart_layout_size (layout, NULL, &h);
  _phaen_chart_show_layout (cr, layout, &self->style->text, x + self->pad_x, y + (height - h) / 2);
}

static void
draw_header (PhaenGantt *self, cairo_t *cr, const TableView *view)
{
  const PhaenChartStyle *style = self->style;
  const PhaenGanttColumns *c = view->columns;
  double height = header_height (self), row = height / 2, x = view->x, y = view->y;
  guint end = view->first_month + view->n_months;

  _phaen_chart_fill_rect (cr, &style->header_background, x, y, view_width (view), height);
  header_cell (self, cr, LABEL_NUMBER, x, y, c->number, height, TRUE);
  header_cell (self, cr, LABEL_NAME, x + c->number, y, c->name, height, TRUE);
  if (c->owner > 0)
    header_cell (self, cr, LABEL_OWNER, x + c->number + c->name, y, c->owner, height, TRUE);
  if (c->budget > 0)
    header_cell (self, cr, LABEL_BUDGET, x + c->number + c->name + c->owner, y, c->budget, height,
                 TRUE);

  /* Row 1: the BE calendar year over its months, split where the next fiscal year begins;
   * row 2: the months. */
  for (guint m = view->first_month; m < end;)
    {
      int year = phaen_fiscal_month_calendar_year (self->plan->fiscal_year, (int)m);
      guint last = m;
      g_autofree char *label = NULL;
      double span_x = month_x (view, m), span;

      while (last + 1 < end && (last + 1) % PHAEN_FISCAL_MONTHS != 0 &&
             phaen_fiscal_month_calendar_year (self->plan->fiscal_year, (int)last + 1) == year)
        last++;
      span = (last - m + 1) * c->month;
      label = digits (self, g_strdup_printf (C_ ("plan grid", "B.E. %d"), year));
      if (_phaen_chart_text_width (self->context, style, label, style->font_size, TRUE) >
          span - self->pad_x)
        {
          g_free (label);
          label = digits (self, g_strdup_printf ("%d", year));
        }
      if (_phaen_chart_text_width (self->context, style, label, style->font_size, TRUE) >
          span - self->pad_x)
        {
          g_free (label);
          label = digits (self, g_strdup_printf ("%02d", year % 100));
        }
      _phaen_chart_label (cr, self->context, style, label, style->font_size, TRUE, &style->text,
                          span_x, y + self->pad_y, span, _PHAEN_ALIGN_CENTER);
      if (m > view->first_month)
        _phaen_chart_vline (cr, &style->rule, style->line_width, span_x, y, y + row);
      m = last + 1;
    }
  _phaen_chart_hline (cr, &style->grid, style->line_width, x + c->months_x, x + view_width (view),
                      y + row);
  for (guint m = view->first_month; m < end; m++)
    _phaen_chart_label (cr, self->context, style,
                        phaen_month_short_label (phaen_fiscal_month_calendar_month ((int)m)),
                        style->font_size, FALSE, &style->text, month_x (view, m),
                        y + row + self->pad_y, c->month, _PHAEN_ALIGN_CENTER);
}

/* Column rules over [y0, y1], month rules from @month_y0 (the header's year row has its own);
 * quarters and the fiscal-year boundary are stronger. The totals row's label spans the
 * number, name and owner columns: without @left_columns their rules are left out. */
static void
draw_verticals (PhaenGantt *self,
                cairo_t *cr,
                const TableView *view,
                double y0,
                double y1,
                double month_y0,
                gboolean left_columns)
{
  const PhaenChartStyle *style = self->style;
  const PhaenGanttColumns *c = view->columns;
  guint end = view->first_month + view->n_months;

  if (left_columns)
    _phaen_chart_vline (cr, &style->grid, style->line_width, view->x + c->number, y0, y1);
  if (left_columns && c->owner > 0)
    _phaen_chart_vline (cr, &style->grid, style->line_width, view->x + c->number + c->name, y0, y1);
  if (c->budget > 0)
    _phaen_chart_vline (cr, &style->grid, style->line_width, view->x + c->months_x - c->budget, y0,
                        y1);
  _phaen_chart_vline (cr, &style->rule, style->line_width, view->x + c->months_x, y0, y1);
  for (guint m = view->first_month + 1; m < end; m++)
    {
      gboolean quarter = m % 3 == 0;
      gboolean year = m % PHAEN_FISCAL_MONTHS == 0;

      _phaen_chart_vline (cr, quarter ? &style->rule : &style->grid,
                          style->line_width * (year      ? 2.5
                                               : quarter ? 1.5
                                                         : 1),
                          month_x (view, m), year ? y0 : month_y0, y1);
    }
}

static void
draw_bars (PhaenGantt *self,
           cairo_t *cr,
           const TableView *view,
           const GanttRow *row,
           double y,
           double height)
{
  const PhaenChartStyle *style = self->style;
  const PhaenActivity *activity = row->activity;
  double h = bar_height (self), bar_y = y + (height - h) / 2, cy = y + height / 2;
  double inset = MIN (view->columns->month * 0.1, style->font_size * 0.25);
  guint end = view->first_month + view->n_months;
  guint planned_before = 0, n_planned = 0;
  gboolean any = FALSE;

  for (guint m = 0; m < self->n_months; m++)
    if (activity->marks[m] & PHAEN_MARK_PLANNED)
      {
        n_planned++;
        planned_before += m < view->first_month;
      }

  cairo_new_path (cr);
  for (guint m = view->first_month; m < end; m++)
    {
      guint last = m;
      double x0, x1;

      if (!(activity->marks[m] & PHAEN_MARK_PLANNED))
        continue;
      while (last + 1 < end && (activity->marks[last + 1] & PHAEN_MARK_PLANNED))
        last++;
      x0 = month_x (view, m) + inset;
      x1 = month_x (view, last + 1) - inset;
      cairo_new_sub_path (cr);
      cairo_arc (cr, x0 + h / 4, bar_y + h / 4, h / 4, G_PI, 1.5 * G_PI);
      cairo_arc (cr, x1 - h / 4, bar_y + h / 4, h / 4, 1.5 * G_PI, 2 * G_PI);
      cairo_arc (cr, x1 - h / 4, bar_y + h * 3 / 4, h / 4, 0, 0.5 * G_PI);
      cairo_arc (cr, x0 + h / 4, bar_y + h * 3 / 4, h / 4, 0.5 * G_PI, G_PI);
      cairo_close_path (cr);
      any = TRUE;
      m = last;
    }
  if (any)
    {
      phaen_chart_set_source (cr, &style->planned);
      if (row->progress > 0)
        {
          /* The reported share fills the planned months in order, across bands. */
          double done = row->progress * n_planned;
          guint k = planned_before;

          cairo_fill_preserve (cr);
          cairo_save (cr);
          cairo_clip (cr);
          for (guint m = view->first_month; m < end; m++)
            if (activity->marks[m] & PHAEN_MARK_PLANNED)
              {
                double share = CLAMP (done - k, 0, 1);

                if (share > 0)
                  _phaen_chart_fill_rect (cr, &style->progress, month_x (view, m), bar_y,
                                          share * view->columns->month, h);
                k++;
              }
          cairo_restore (cr);
        }
      else
        cairo_fill (cr);
    }
  cairo_new_path (cr);

  for (guint m = view->first_month; m < end; m++)
    {
      guint marks = activity->marks[m];
      Symbol symbols[2];
      guint n = 0;
      double r = h * 0.42, cx = month_x (view, m) + view->columns->month / 2;

      if (marks & PHAEN_MARK_START)
        symbols[n++] = SYMBOL_START;
      if (marks & PHAEN_MARK_ACHIEVED)
        symbols[n++] = SYMBOL_ACHIEVED;
      else if (marks & PHAEN_MARK_OUTPUT)
        symbols[n++] = SYMBOL_OUTPUT;
      for (guint i = 0; i < n; i++)
        draw_mark (self, cr, symbols[i], cx + (n == 2 ? (i ? 1.15 : -1.15) * r : 0), cy, r);
    }
}

static void
draw_row (
  PhaenGantt *self, cairo_t *cr, const TableView *view, guint index, double y, double height)
{
  const PhaenChartStyle *style = self->style;
  const PhaenGanttColumns *c = view->columns;
  const GanttRow *row = &g_array_index (self->rows, GanttRow, index);
  const PhaenActivity *activity = row->activity;
  double x = view->x, ty = y + self->pad_y;

  /* A strategy's row is shaded as a heading, a goal's as a stripe (DOMAIN §3b); the grid, the
   * XLSX form and the plan document style the levels alike. */
  if (activity->level == PHAEN_ACTIVITY_LEVEL_STRATEGY)
    _phaen_chart_fill_rect (cr, &style->header_background, x, y, view_width (view), height);
  else if (activity->level == PHAEN_ACTIVITY_LEVEL_GOAL || index % 2 == 1)
    _phaen_chart_fill_rect (cr, &style->stripe, x, y, view_width (view), height);
  {
    g_autofree char *number = digits (self, g_strdup (activity->number));

    _phaen_chart_label (cr, self->context, style, number, style->font_size,
                        activity->level < PHAEN_ACTIVITY_LEVEL_ACTIVITY, &style->text,
                        x + self->pad_x, ty, c->number - 2 * self->pad_x, _PHAEN_ALIGN_START);
  }
  {
    g_autoptr (PangoLayout) name =
      _phaen_chart_layout_new (self->context, style, style->font_size, row->is_parent,
                               activity->name, name_wrap (self, c, activity));

    _phaen_chart_show_layout (cr, name, &style->text,
                              x + c->number + self->pad_x + activity->depth * self->indent, ty);
  }
  if (c->owner > 0 && activity->owner && *activity->owner)
    {
      g_autoptr (PangoLayout) owner = _phaen_chart_layout_new (
        self->context, style, style->font_size, FALSE, activity->owner, c->owner - 2 * self->pad_x);

      _phaen_chart_show_layout (cr, owner, &style->text, x + c->number + c->name + self->pad_x, ty);
    }
  if (c->budget > 0 && row->over_budget)
    _phaen_chart_fill_rect (cr, &style->level[0], x + c->months_x - c->budget, y, c->budget,
                            height);
  if (c->budget > 0)
    _phaen_chart_label (cr, self->context, style, row->budget_text, style->font_size, FALSE,
                        &style->text, x + c->months_x - c->budget + self->pad_x, ty,
                        c->budget - 2 * self->pad_x, _PHAEN_ALIGN_END);
  draw_bars (self, cr, view, row, y, height);
  _phaen_chart_hline (cr, &style->grid, style->line_width, x, x + view_width (view), y + height);
}

static void
draw_totals (PhaenGantt *self, cairo_t *cr, const TableView *view, double y, double height)
{
  const PhaenChartStyle *style = self->style;
  const PhaenGanttColumns *c = view->columns;
  double x = view->x, ty = y + self->pad_y;
  g_autoptr (PangoLayout) label =
    _phaen_chart_layout_new (self->context, style, style->font_size, TRUE, totals_label (self),
                             totals_label_width (c) - 2 * self->pad_x);

  _phaen_chart_fill_rect (cr, &style->header_background, x, y, view_width (view), height);
  _phaen_chart_hline (cr, &style->rule, style->line_width, x, x + view_width (view), y);
  _phaen_chart_show_layout (cr, label, &style->text, x + self->pad_x, ty);
  if (c->budget > 0)
    _phaen_chart_label (cr, self->context, style, self->budget_total_text, style->font_size, TRUE,
                        &style->text, x + c->months_x - c->budget + self->pad_x, ty,
                        c->budget - 2 * self->pad_x, _PHAEN_ALIGN_END);
  for (guint m = view->first_month; m < view->first_month + view->n_months; m++)
    if (self->totals.months[m] > 0)
      {
        g_autofree char *count = digits (self, g_strdup_printf ("%u", self->totals.months[m]));

        _phaen_chart_label (cr, self->context, style, count, style->font_size, TRUE, &style->text,
                            month_x (view, m), ty, c->month, _PHAEN_ALIGN_CENTER);
      }
}

static void
draw_today (PhaenGantt *self, cairo_t *cr, const TableView *view, double y0, double y1)
{
  int month = today_month (self);
  double share;

  if (month < 0 || (guint)month < view->first_month ||
      (guint)month >= view->first_month + view->n_months)
    return;
  share =
    (g_date_get_day (&self->today) - 1.0) /
    g_date_get_days_in_month (g_date_get_month (&self->today), g_date_get_year (&self->today));
  _phaen_chart_vline (cr, &self->style->today, self->style->line_width * 2,
                      month_x (view, (guint)month) + share * view->columns->month, y0, y1);
}

/* The header, rows [first, end) from @rows_y, the column rules and today's line down to
 * @body_bottom, the totals row there when asked, and the frame. */
static void
draw_table (PhaenGantt *self,
            cairo_t *cr,
            const TableView *view,
            GArray *heights,
            guint first,
            guint end,
            double rows_y,
            double body_bottom,
            gboolean with_totals,
            double totals_h)
{
  const PhaenChartStyle *style = self->style;
  double y = rows_y, header_bottom = view->y + header_height (self);
  double month_row = view->y + header_height (self) / 2, bottom = body_bottom;

  draw_header (self, cr, view);
  for (guint i = first; i < end; i++)
    {
      double h = g_array_index (heights, double, i);

      draw_row (self, cr, view, i, y, h);
      y += h;
    }
  draw_verticals (self, cr, view, view->y, body_bottom, month_row, TRUE);
  _phaen_chart_hline (cr, &style->rule, style->line_width * 1.5, view->x,
                      view->x + view_width (view), header_bottom);
  draw_today (self, cr, view, month_row, body_bottom);
  if (with_totals)
    {
      draw_totals (self, cr, view, body_bottom, totals_h);
      draw_verticals (self, cr, view, body_bottom, body_bottom + totals_h, body_bottom, FALSE);
      bottom += totals_h;
    }
  phaen_chart_set_source (cr, &style->rule);
  cairo_set_line_width (cr, style->line_width * 1.5);
  cairo_rectangle (cr, view->x, view->y, view_width (view), bottom - view->y);
  cairo_stroke (cr);
}

/* ------------------------------------------------------------------ screen layout */

static double
outer_pad (PhaenGantt *self)
{
  return self->style->font_size;
}

static const ScreenLayout *
ensure_screen (PhaenGantt *self, double width)
{
  ScreenLayout *layout = &self->screen;
  double pad = outer_pad (self), gap = self->style->font_size * 0.6, inner, y, sum = 0;
  GArray *heights;

  width = MAX (width, phaen_gantt_get_min_width (self));
  if (layout->valid && layout->width == width)
    return layout;

  inner = width - 2 * pad;
  phaen_gantt_columns_compute (ensure_spec (self), inner, self->n_months, &layout->columns);
  heights = ensure_heights (self, &layout->rows, &layout->columns, TRUE);
  g_clear_pointer (&layout->tops, g_array_unref);
  layout->tops = g_array_sized_new (FALSE, FALSE, sizeof (double), heights->len);
  for (guint i = 0; i < heights->len; i++)
    {
      g_array_append_val (layout->tops, sum);
      sum += g_array_index (heights, double, i);
    }

  y = pad;
  layout->title_height = 0;
  if (self->show_title)
    {
      layout->title_height = title_block (self, NULL, pad, 0, inner, FALSE);
      y += layout->title_height + gap;
    }
  layout->body_y = y + header_height (self);
  layout->body_height = sum;
  layout->totals_height = totals_height (self, &layout->columns);
  layout->legend_height = legend (self, NULL, pad, 0, inner);
  layout->height = layout->body_y + sum + layout->totals_height + gap + layout->legend_height + pad;
  layout->width = width;
  layout->valid = TRUE;
  return layout;
}

/* ------------------------------------------------------------------ page layout */

static double
page_label_width (PhaenGantt *self)
{
  g_autofree char *label = digits (self, g_strdup_printf (_ ("Page %u/%u"), 888, 888));

  return _phaen_chart_text_width (self->context, self->style, label, self->style->font_size, FALSE);
}

/* Where a row may be cut between pages: the bottom of each line of its name (or of its owner,
 * when that is taller), from the row's top. */
static GArray *
row_breaks (PhaenGantt *self, guint index, const PhaenGanttColumns *columns)
{
  const GanttRow *row = &g_array_index (self->rows, GanttRow, index);
  const PhaenActivity *activity = row->activity;
  g_autoptr (PangoLayout) name =
    _phaen_chart_layout_new (self->context, self->style, self->style->font_size, row->is_parent,
                             activity->name, name_wrap (self, columns, activity));
  g_autoptr (PangoLayout) owner = NULL;
  PangoLayout *tallest = name;
  GArray *breaks = g_array_new (FALSE, FALSE, sizeof (double));
  PangoLayoutIter *iter;

  if (columns->owner > 0 && activity->owner && *activity->owner)
    {
      owner = _phaen_chart_layout_new (self->context, self->style, self->style->font_size, FALSE,
                                       activity->owner, columns->owner - 2 * self->pad_x);
      if (pango_layout_get_line_count (owner) > pango_layout_get_line_count (name))
        tallest = owner;
    }
  iter = pango_layout_get_iter (tallest);
  do
    {
      PangoRectangle logical;
      double bottom;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      bottom = self->pad_y + (double)(logical.y + logical.height) / PANGO_SCALE;
      g_array_append_val (breaks, bottom);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  return breaks;
}

/* A row taller than a page is not cut at the footer: it goes on over as many pages as it needs,
 * each ending after a whole line. */
static void
split_tall_rows (PhaenGantt *self, PageLayout *layout, GArray *starts, GArray *heights)
{
  const RowSlice whole = { 0, -1 };

  layout->starts = g_array_new (FALSE, FALSE, sizeof (guint));
  layout->slices = g_array_new (FALSE, FALSE, sizeof (RowSlice));
  for (guint p = 0; p < starts->len; p++)
    {
      guint first = g_array_index (starts, guint, p);
      guint end = p + 1 < starts->len ? g_array_index (starts, guint, p + 1) : heights->len;
      double height = first < heights->len ? g_array_index (heights, double, first) : 0;
      g_autoptr (GArray) breaks = NULL;
      double from = 0;

      if (end != first + 1 || height <= layout->available)
        {
          g_array_append_val (layout->starts, first);
          g_array_append_val (layout->slices, whole);
          continue;
        }
      breaks = row_breaks (self, first, &layout->columns);
      while (from < height - 0.01)
        {
          RowSlice slice = { from, height };

          for (guint b = 0; b < breaks->len; b++)
            {
              double at = g_array_index (breaks, double, b);

              if (at > from + 0.01 && at - from <= layout->available)
                slice.to = at;
            }
          if (slice.to - from > layout->available)
            slice.to = MIN (from + layout->available, height); /* one line taller than a page */
          /* The last slice takes the row's bottom padding with it. */
          if (height - slice.to <= self->pad_y + 0.01)
            slice.to = height;
          g_array_append_val (layout->starts, first);
          g_array_append_val (layout->slices, slice);
          from = slice.to;
        }
    }
}

static const PageLayout *
ensure_page (PhaenGantt *self, const PhaenPageSetup *setup)
{
  PageLayout *layout = &self->page;
  const PhaenGanttColumnSpec *spec = ensure_spec (self);
  double size = self->style->font_size;
  double inner_w = MAX (setup->width - 2 * setup->margin, size);
  double inner_h = MAX (setup->height - 2 * setup->margin, size);
  GArray *heights;

  if (layout->valid && memcmp (&layout->setup, setup, sizeof *setup) == 0)
    return layout;

  phaen_gantt_columns_compute (spec, inner_w, self->n_months, &layout->columns);
  layout->months_per_band = self->n_months;
  if (layout->columns.width > inner_w + 0.01)
    {
      double room = inner_w - spec->number - spec->owner - spec->budget - spec->name_min;
      guint fit = room > 0 ? (guint)(room / spec->month_min) : 0;

      layout->months_per_band = phaen_gantt_months_per_band (self->n_months, fit);
      phaen_gantt_columns_compute (spec, inner_w, layout->months_per_band, &layout->columns);
    }
  layout->n_bands = (self->n_months + layout->months_per_band - 1) / layout->months_per_band;

  heights = ensure_heights (self, &layout->rows, &layout->columns, FALSE);
  layout->title_height = title_block (self, NULL, 0, 0, inner_w, TRUE) + size * 0.5;
  layout->footer_height =
    MAX (legend (self, NULL, 0, 0, inner_w - page_label_width (self) - size), self->line_height) +
    size * 0.5;
  layout->totals_height = totals_height (self, &layout->columns);
  layout->available = inner_h - layout->title_height - header_height (self) - layout->footer_height;
  g_clear_pointer (&layout->starts, g_array_unref);
  g_clear_pointer (&layout->slices, g_array_unref);
  {
    g_autoptr (GArray) starts =
      phaen_chart_paginate_rows ((const double *)(gpointer)heights->data, heights->len,
                                 layout->available, layout->totals_height);

    split_tall_rows (self, layout, starts, heights);
  }
  layout->setup = *setup;
  layout->valid = TRUE;
  return layout;
}

/* ------------------------------------------------------------------ construction */

static void
derive (PhaenGantt *self)
{
  g_autoptr (GArray) rollups = phaen_plan_budget_rollups (self->activities);

  for (guint i = 0; i < self->activities->len; i++)
    {
      const PhaenActivity *activity = g_ptr_array_index (self->activities, i);
      const PhaenActivity *next =
        i + 1 < self->activities->len ? g_ptr_array_index (self->activities, i + 1) : NULL;
      GanttRow row = { activity,
                       (next && next->depth > activity->depth) ||
                         activity->level < PHAEN_ACTIVITY_LEVEL_ACTIVITY,
                       g_array_index (rollups, PhaenBudgetRollup, i).over_budget,
                       -1,
                       NULL,
                       -1,
                       0,
                       -1,
                       0 };
      guint outputs = 0, achieved = 0, planned = 0;
      double percent;

      for (guint m = 0; m < self->n_months; m++)
        {
          guint marks = activity->marks[m];

          outputs += (marks & PHAEN_MARK_OUTPUT) != 0;
          /* On plan or late (phaen-efficiency.c pairs each ● with its ○). */
          achieved +=
            (marks & PHAEN_MARK_ACHIEVED) && phaen_efficiency_achieved_for (activity, m) >= 0;
          self->any_start |= (marks & PHAEN_MARK_START) != 0;
          self->any_output |= (marks & PHAEN_MARK_OUTPUT) != 0;
          self->any_achieved |= (marks & PHAEN_MARK_ACHIEVED) != 0;
          planned += (marks & PHAEN_MARK_PLANNED) != 0;
        }
      /* รายงานความก้าวหน้า as a percentage when it is one, else the outputs achieved. */
      if (activity->progress && phaen_parse_number (activity->progress, &percent, NULL))
        row.progress = CLAMP (percent / 100, 0, 1);
      else if (outputs > 0)
        row.progress = (double)achieved / outputs;
      self->any_progress |= row.progress > 0 && planned > 0;
      self->any_planned |= planned > 0;

      row.budget_text = activity->has_budget
                          ? phaen_format_money (activity->budget, self->thai_digits)
                          : g_strdup ("-");
      self->show_owner |= activity->owner && *activity->owner;
      g_array_append_val (self->rows, row);
    }
  phaen_plan_totals_compute (self->activities, &self->totals);
  self->show_budget = self->totals.has_budget;
  self->budget_total_text = self->totals.has_budget
                              ? phaen_format_money (self->totals.budget, self->thai_digits)
                              : g_strdup ("-");
}

static void
rederive (PhaenGantt *self)
{
  gboolean show_owner = self->show_owner, show_budget = self->show_budget;

  g_array_set_size (self->rows, 0);
  g_clear_pointer (&self->budget_total_text, g_free);
  self->any_planned = self->any_start = self->any_output = self->any_achieved = FALSE;
  self->any_progress = FALSE;
  derive (self);
  self->show_owner = show_owner;
  self->show_budget = show_budget;
  invalidate_measures (self);
}

PhaenGantt *
phaen_gantt_new (PhaenStore *store, gint64 plan_id, GError **error)
{
  g_autoptr (PhaenGantt) self = g_new0 (PhaenGantt, 1);
  g_autoptr (GError) local_error = NULL;
  GDateTime *now;

  g_return_val_if_fail (PHAEN_IS_STORE (store), NULL);

  self->rows = g_array_new (FALSE, TRUE, sizeof (GanttRow));
  g_array_set_clear_func (self->rows, (GDestroyNotify)row_clear);
  self->plan = phaen_store_get_plan (store, plan_id, error);
  if (self->plan == NULL)
    return NULL;
  self->unit = phaen_store_get_unit (store, self->plan->unit_id, &local_error);
  if (self->unit == NULL && !g_error_matches (local_error, PHAEN_ERROR, PHAEN_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  self->activities = phaen_store_list_activities (store, plan_id, error);
  if (self->activities == NULL)
    return NULL;
  self->n_months = PHAEN_FISCAL_MONTHS + CLAMP (self->plan->extra_months, 0, PHAEN_FISCAL_MONTHS);

  now = g_date_time_new_now_local ();
  g_date_set_dmy (&self->today, (GDateDay)g_date_time_get_day_of_month (now),
                  (GDateMonth)g_date_time_get_month (now), (GDateYear)g_date_time_get_year (now));
  g_date_time_unref (now);

  self->style = phaen_chart_style_get (PHAEN_CHART_THEME_LIGHT);
  self->show_title = TRUE;
  derive (self);
  return g_steal_pointer (&self);
}

void
phaen_gantt_free (PhaenGantt *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->plan, phaen_plan_free);
  g_clear_pointer (&self->unit, phaen_unit_free);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->activities, g_ptr_array_unref);
  g_clear_pointer (&self->budget_total_text, g_free);
  row_heights_clear (&self->screen.rows);
  row_heights_clear (&self->page.rows);
  g_clear_pointer (&self->screen.tops, g_array_unref);
  g_clear_pointer (&self->page.starts, g_array_unref);
  g_clear_pointer (&self->page.slices, g_array_unref);
  g_clear_object (&self->measure[0]);
  g_clear_object (&self->measure[1]);
  g_clear_object (&self->context);
  g_free (self);
}

/* ------------------------------------------------------------------ options */

void
phaen_gantt_set_style (PhaenGantt *self, const PhaenChartStyle *style)
{
  const PhaenChartStyle *old;

  g_return_if_fail (self != NULL && style != NULL);

  old = self->style;
  self->style = style;
  /* Colours alone move nothing; fonts change every measure. */
  if (g_strcmp0 (old->font_family, style->font_family) != 0 || old->font_size != style->font_size ||
      old->title_size != style->title_size)
    {
      g_clear_object (&self->context);
      invalidate_measures (self);
    }
}

const PhaenChartStyle *
phaen_gantt_get_style (PhaenGantt *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->style;
}

void
phaen_gantt_set_show_owner (PhaenGantt *self, gboolean show)
{
  g_return_if_fail (self != NULL);

  if (self->show_owner == !!show)
    return;
  self->show_owner = !!show;
  self->spec_valid = FALSE;
  invalidate_layouts (self);
}

void
phaen_gantt_set_show_budget (PhaenGantt *self, gboolean show)
{
  g_return_if_fail (self != NULL);

  if (self->show_budget == !!show)
    return;
  self->show_budget = !!show;
  self->spec_valid = FALSE;
  invalidate_layouts (self);
}

void
phaen_gantt_set_show_title (PhaenGantt *self, gboolean show)
{
  g_return_if_fail (self != NULL);

  self->show_title = !!show;
  self->screen.valid = FALSE;
}

void
phaen_gantt_set_thai_digits (PhaenGantt *self, gboolean thai_digits)
{
  g_return_if_fail (self != NULL);

  if (self->thai_digits == !!thai_digits)
    return;
  self->thai_digits = !!thai_digits;
  rederive (self);
}

void
phaen_gantt_set_today (PhaenGantt *self, const GDate *today)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (today == NULL || g_date_valid (today));

  if (today)
    self->today = *today;
  else
    {
      GDateTime *now = g_date_time_new_now_local ();

      g_date_set_dmy (&self->today, (GDateDay)g_date_time_get_day_of_month (now),
                      (GDateMonth)g_date_time_get_month (now),
                      (GDateYear)g_date_time_get_year (now));
      g_date_time_unref (now);
    }
  /* The legend gains or loses its today item. */
  invalidate_layouts (self);
}

const char *
phaen_gantt_get_title (PhaenGantt *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->plan->title;
}

guint
phaen_gantt_get_n_rows (PhaenGantt *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->rows->len;
}

guint
phaen_gantt_get_n_months (PhaenGantt *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_months;
}

/* ------------------------------------------------------------------ screen */

double
phaen_gantt_get_min_width (PhaenGantt *self)
{
  PhaenGanttColumns columns;

  g_return_val_if_fail (self != NULL, 0);

  ensure_text (self);

  phaen_gantt_columns_compute (ensure_spec (self), 0, self->n_months, &columns);
  return columns.width + 2 * outer_pad (self);
}

double
phaen_gantt_get_height_for_width (PhaenGantt *self, double width)
{
  g_return_val_if_fail (self != NULL, 0);

  ensure_text (self);

  return ensure_screen (self, width)->height;
}

void
phaen_gantt_get_columns (PhaenGantt *self, double width, PhaenGanttColumns *columns)
{
  g_return_if_fail (self != NULL && columns != NULL);

  ensure_text (self);

  *columns = ensure_screen (self, width)->columns;
}

gboolean
phaen_gantt_get_cell_rect (
  PhaenGantt *self, double width, guint row, guint month, cairo_rectangle_t *rect)
{
  const ScreenLayout *layout;

  g_return_val_if_fail (self != NULL && rect != NULL, FALSE);

  ensure_text (self);

  if (row >= self->rows->len || month >= self->n_months)
    return FALSE;
  layout = ensure_screen (self, width);
  rect->x = outer_pad (self) + phaen_gantt_columns_month_x (&layout->columns, month);
  rect->y = layout->body_y + g_array_index (layout->tops, double, row);
  rect->width = layout->columns.month;
  rect->height = g_array_index (layout->rows.heights, double, row);
  return TRUE;
}

void
phaen_gantt_get_frozen (
  PhaenGantt *self, double width, double *header_top, double *header_bottom, double *left_width)
{
  const ScreenLayout *layout;

  g_return_if_fail (self != NULL);

  ensure_text (self);

  layout = ensure_screen (self, width);
  if (header_top)
    *header_top = layout->body_y - header_height (self);
  if (header_bottom)
    *header_bottom = layout->body_y;
  if (left_width)
    *left_width = outer_pad (self) + layout->columns.months_x;
}

void
phaen_gantt_get_visible_rows (
  PhaenGantt *self, double width, double y0, double y1, guint *first, guint *end)
{
  const ScreenLayout *layout;

  g_return_if_fail (self != NULL && first != NULL && end != NULL);

  ensure_text (self);

  layout = ensure_screen (self, width);
  phaen_gantt_rows_visible_range ((const double *)layout->tops->data,
                                  (const double *)layout->rows.heights->data, layout->tops->len,
                                  y0 - layout->body_y, y1 - layout->body_y, first, end);
}

/* Measures @row of the screen layout if it has only an estimate. Returns: whether its height
 * changed (the rows below and the chart's height with it). */
static gboolean
measure_screen_row (PhaenGantt *self, ScreenLayout *layout, guint row)
{
  gboolean *measured = &g_array_index (layout->rows.measured, gboolean, row);
  double *height = &g_array_index (layout->rows.heights, double, row);
  double delta;

  if (*measured)
    return FALSE;
  *measured = TRUE;
  delta =
    measure_row (self, &g_array_index (self->rows, GanttRow, row), &layout->columns) - *height;
  if (delta == 0)
    return FALSE;
  *height += delta;
  for (guint i = row + 1; i < layout->tops->len; i++)
    g_array_index (layout->tops, double, i) += delta;
  layout->body_height += delta;
  layout->height += delta;
  return TRUE;
}

gboolean
phaen_gantt_measure_rows (PhaenGantt *self, double width, double y0, double y1)
{
  ScreenLayout *layout;
  gboolean changed = FALSE, again = TRUE;

  g_return_val_if_fail (self != NULL, FALSE);

  ensure_text (self);

  layout = (ScreenLayout *)ensure_screen (self, width);
  while (again && layout->rows.measured != NULL)
    {
      guint first, end;

      again = FALSE;
      phaen_gantt_rows_visible_range ((const double *)layout->tops->data,
                                      (const double *)layout->rows.heights->data, layout->tops->len,
                                      y0 - layout->body_y, y1 - layout->body_y, &first, &end);
      for (guint row = first; row < end; row++)
        again |= measure_screen_row (self, layout, row);
      changed |= again;
    }
  return changed;
}

gboolean
phaen_gantt_row_is_measured (PhaenGantt *self, double width, guint row)
{
  const ScreenLayout *layout;

  g_return_val_if_fail (self != NULL, FALSE);

  ensure_text (self);

  layout = ensure_screen (self, width);
  g_return_val_if_fail (row < self->rows->len, FALSE);
  return layout->rows.measured == NULL || g_array_index (layout->rows.measured, gboolean, row);
}

void
phaen_gantt_draw (PhaenGantt *self, cairo_t *cr, double width)
{
  const ScreenLayout *layout;
  TableView view;
  double pad, clip_x0, clip_y0, clip_x1, clip_y1;
  guint first, end;

  g_return_if_fail (self != NULL && cr != NULL);

  ensure_text (self);

  layout = ensure_screen (self, width);
  pad = outer_pad (self);
  view =
    (TableView){ &layout->columns, pad, layout->body_y - header_height (self), 0, self->n_months };

  cairo_save (cr);
  cairo_clip_extents (cr, &clip_x0, &clip_y0, &clip_x1, &clip_y1);
  _phaen_chart_fill_rect (cr, &self->style->background, 0, 0, layout->width, layout->height);
  if (self->show_title)
    title_block (self, cr, pad, pad, layout->width - 2 * pad, FALSE);

  phaen_gantt_rows_visible_range ((const double *)layout->tops->data,
                                  (const double *)layout->rows.heights->data, layout->tops->len,
                                  clip_y0 - layout->body_y, clip_y1 - layout->body_y, &first, &end);
  /* Rows outside the clip are skipped, not drawn unseen: a long plan scrolls at the cost of
   * the rows on screen. */
  draw_table (self, cr, &view, layout->rows.heights, first, end,
              layout->body_y +
                (first < self->rows->len ? g_array_index (layout->tops, double, first) : 0),
              layout->body_y + layout->body_height, TRUE, layout->totals_height);
  legend (self, cr, pad,
          layout->body_y + layout->body_height + layout->totals_height +
            self->style->font_size * 0.6,
          layout->width - 2 * pad);
  cairo_restore (cr);
}

/* ------------------------------------------------------------------ pages */

guint
phaen_gantt_get_n_pages (PhaenGantt *self, const PhaenPageSetup *page)
{
  const PageLayout *layout;

  g_return_val_if_fail (self != NULL && page != NULL, 1);

  ensure_text (self);

  layout = ensure_page (self, page);
  return layout->n_bands * layout->starts->len;
}

void
phaen_gantt_draw_page (PhaenGantt *self, cairo_t *cr, const PhaenPageSetup *page, guint page_index)
{
  const PageLayout *layout;
  const PhaenChartStyle *style;
  guint n_row_pages, band, row_page, first, end, n_pages;
  double x, y, inner_w, inner_h, body_y;
  const RowSlice *slice;
  g_autofree char *page_label = NULL;
  TableView view;

  g_return_if_fail (self != NULL && cr != NULL && page != NULL);

  ensure_text (self);

  layout = ensure_page (self, page);
  style = self->style;
  n_row_pages = layout->starts->len;
  n_pages = layout->n_bands * n_row_pages;
  g_return_if_fail (page_index < n_pages);

  band = page_index / n_row_pages;
  row_page = page_index % n_row_pages;
  first = g_array_index (layout->starts, guint, row_page);
  end = row_page + 1 < n_row_pages ? g_array_index (layout->starts, guint, row_page + 1)
                                   : self->rows->len;
  slice = &g_array_index (layout->slices, RowSlice, row_page);
  if (slice->to >= 0)
    end = first + 1;
  x = page->margin;
  y = page->margin;
  inner_w = page->width - 2 * page->margin;
  inner_h = page->height - 2 * page->margin;

  cairo_save (cr);
  _phaen_chart_fill_rect (cr, &style->background, 0, 0, page->width, page->height);
  cairo_rectangle (cr, x, y, inner_w, inner_h);
  cairo_clip (cr);
  title_block (self, cr, x, y, inner_w, TRUE);

  view =
    (TableView){ &layout->columns, x, y + layout->title_height, band * layout->months_per_band,
                 MIN (layout->months_per_band, self->n_months - band * layout->months_per_band) };
  body_y = view.y + header_height (self);
  cairo_save (cr);
  /* Nothing is drawn over the footer. */
  cairo_rectangle (cr, x, y, inner_w, inner_h - layout->footer_height);
  cairo_clip (cr);
  if (slice->to >= 0)
    {
      /* A part of a row taller than a page: its lines from slice->from, under the header. */
      double body_bottom = body_y + slice->to - slice->from;

      cairo_save (cr);
      cairo_rectangle (cr, x, body_y, inner_w, body_bottom - body_y);
      cairo_clip (cr);
      draw_row (self, cr, &view, first, body_y - slice->from,
                g_array_index (layout->rows.heights, double, first));
      cairo_restore (cr);
      draw_table (self, cr, &view, layout->rows.heights, first, first, body_y, body_bottom,
                  row_page == n_row_pages - 1, layout->totals_height);
    }
  else
    {
      double body_bottom = body_y;

      for (guint i = first; i < end; i++)
        body_bottom += g_array_index (layout->rows.heights, double, i);
      draw_table (self, cr, &view, layout->rows.heights, first, end, body_y, body_bottom,
                  row_page == n_row_pages - 1, layout->totals_height);
    }
  cairo_restore (cr);

  page_label = digits (self, g_strdup_printf (_ ("Page %u/%u"), page_index + 1, n_pages));
  legend (self, cr, x, y + inner_h - layout->footer_height + style->font_size * 0.5,
          inner_w - page_label_width (self) - style->font_size);
  _phaen_chart_label (cr, self->context, style, page_label, style->font_size, FALSE, &style->text,
                      x, y + inner_h - self->line_height, inner_w, _PHAEN_ALIGN_END);
  cairo_restore (cr);
}

const PhaenPlanTotals *
phaen_gantt_get_totals (PhaenGantt *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->totals;
}

/* ------------------------------------------------------------------ text alternative */

/* "ต.ค.63–ธ.ค.63, ก.พ.64": the months of @a carrying @mark, runs joined. */
static void
append_month_runs (PhaenGantt *self, GString *text, const PhaenActivity *a, guint mark)
{
  gboolean first = TRUE;

  for (guint m = 0; m < self->n_months; m++)
    {
      guint end = m;
      g_autofree char *from = NULL;

      if (!(a->marks[m] & mark))
        continue;
      while (end + 1 < self->n_months && (a->marks[end + 1] & mark))
        end++;
      from = phaen_fiscal_month_label (self->plan->fiscal_year, (int)m);
      g_string_append (text, first ? "" : ", ");
      g_string_append (text, from);
      if (end > m)
        {
          g_autofree char *to = phaen_fiscal_month_label (self->plan->fiscal_year, (int)end);

          g_string_append_printf (text, "–%s", to);
        }
      first = FALSE;
      m = end;
    }
}

char *
phaen_gantt_describe (PhaenGantt *self)
{
  static const struct
  {
    guint mark;
    const char *name;
  } kinds[] = {
    { PHAEN_MARK_PLANNED, N_ ("planned") },
    { PHAEN_MARK_START, N_ ("start ●") },
    { PHAEN_MARK_OUTPUT, N_ ("output ○") },
    { PHAEN_MARK_ACHIEVED, N_ ("output achieved ✔") },
  };
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);

  g_string_append_printf (text, "%s\n", self->plan->title);
  if (self->rows->len == 0)
    g_string_append (text, _ ("The plan has no activities yet: Ctrl+Enter adds one."));
  for (guint i = 0; i < self->rows->len; i++)
    {
      const PhaenActivity *a = g_array_index (self->rows, GanttRow, i).activity;
      gboolean any = FALSE;

      g_string_append_printf (text, "%s %s", a->number ? a->number : "", a->name ? a->name : "");
      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        {
          gboolean has = FALSE;

          for (guint m = 0; m < self->n_months && !has; m++)
            has = (a->marks[m] & kinds[k].mark) != 0;
          if (!has)
            continue;
          g_string_append_printf (text, "%s %s: ", any ? ";" : ":", _ (kinds[k].name));
          append_month_runs (self, text, a, kinds[k].mark);
          any = TRUE;
        }
      if (!any)
        g_string_append_printf (text, ": %s", _ ("not planned"));
      g_string_append_c (text, '\n');
      if (g_array_index (self->rows, GanttRow, i).over_budget)
        {
          g_autoptr (GArray) rollups = phaen_plan_budget_rollups (self->activities);
          g_autofree char *warning =
            phaen_budget_rollup_warning (a, &g_array_index (rollups, PhaenBudgetRollup, i));

          g_string_append_printf (text, "%s\n", warning);
        }
    }
  return g_string_free (text, FALSE);
}
