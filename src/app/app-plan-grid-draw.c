/* app-plan-grid-draw.c — the plan grid's metrics, layouts and drawing
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-plan-grid"

#include "config.h"

#include "app-plan-grid-private.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "phaen-calendar.h"
#include "phaen-error.h"
#include "phaen-thai-text.h"

typedef struct
{
  GdkRGBA fg, dim, line, strong_line, header_bg, view_bg, accent, planned, cursor_row, zebra,
    next_year, achieved, erase, warning, warning_bg;
  GdkRGBA level_bg[PHAEN_ACTIVITY_LEVELS + 1]; /* by PhaenActivityLevel */
} Palette;

/* ------------------------------------------------------------------ metrics and layouts */

static PangoLayout *
new_layout (AppPlanGrid *self, const char *text, int width, PangoAlignment align, int lines)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);

  if (width > 0)
    {
      pango_layout_set_width (layout, width * PANGO_SCALE);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_height (layout, -lines);
    }
  pango_layout_set_alignment (layout, align);
  return layout;
}

/* A level's weight: strategies and goals bold, projects semibold, activities as the font is
 * (DOMAIN §3b; the same as the Gantt chart, the XLSX form and the plan document). NULL for an
 * activity. Returns: (transfer full) (nullable) */
static PangoAttrList *
level_attributes (int level, guint text)
{
  PangoAttrList *attrs;

  if ((text != TEXT_NAME && text != TEXT_NUMBER) || level >= PHAEN_ACTIVITY_LEVEL_ACTIVITY ||
      level < PHAEN_ACTIVITY_LEVEL_STRATEGY)
    return NULL;
  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_weight_new (level == PHAEN_ACTIVITY_LEVEL_PROJECT
                                                          ? PANGO_WEIGHT_SEMIBOLD
                                                          : PANGO_WEIGHT_BOLD));
  return attrs;
}

static int
text_pixel_width (AppPlanGrid *self, const char *text)
{
  int width;

  pango_layout_set_width (self->measure, -1);
  pango_layout_set_height (self->measure, -1);
  pango_layout_set_text (self->measure, text, -1);
  pango_layout_get_pixel_size (self->measure, &width, NULL);
  return width;
}

static int
text_width (AppPlanGrid *self, guint text, int depth)
{
  double w = self->columns.width[text_column[text]] - 2 * PAD_X;

  if (text == TEXT_NAME)
    w -= name_indent (self, depth);
  return MAX ((int)w, 1);
}

static PangoAlignment
text_alignment (guint text)
{
  if (text == TEXT_BUDGET)
    return PANGO_ALIGN_RIGHT;
  if (text == TEXT_CATEGORY)
    return PANGO_ALIGN_CENTER;
  return PANGO_ALIGN_LEFT;
}

/* Widths follow the font so Thai at any size keeps its proportions. Everything measured with
 * the old font (row heights, layouts) is made again. */
void
_app_plan_grid_ensure_metrics (AppPlanGrid *self)
{
  PangoContext *context;
  PangoFontMetrics *metrics;
  AppGridWidths widths;
  double char_width;
  int height, month_width = 0;

  if (self->metrics_valid)
    return;

  g_clear_object (&self->measure);
  self->measure = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  g_clear_pointer (&self->font, pango_font_description_free);
  self->font = pango_font_description_copy (pango_context_get_font_description (context));
  metrics = pango_context_get_metrics (context, NULL, NULL);
  char_width = pango_font_metrics_get_approximate_char_width (metrics) / (double)PANGO_SCALE;
  pango_font_metrics_unref (metrics);
  metrics = pango_context_get_metrics (context, NULL, pango_language_from_string ("th"));
  self->thai_char_width =
    pango_font_metrics_get_approximate_char_width (metrics) / (double)PANGO_SCALE;
  pango_font_metrics_unref (metrics);

  /* Thai stacks marks above and below the line: measure a line that has them (Thai on purpose:
   * never shown). */
  pango_layout_set_text (self->measure, "ปู่ที่นั้นญูฐ Ág", -1);
  pango_layout_get_pixel_size (self->measure, NULL, &height);
  self->line_height = height;
  self->indent_step = 2 * char_width;
  self->header_row_height = height + 2 * pad_y (self);
  self->footer_height = height + 2 * pad_y (self);

  for (guint m = 0; m < plan_months (self); m++)
    {
      g_autofree char *label = phaen_fiscal_month_label (plan_year (self), (int)m);

      month_width = MAX (month_width, text_pixel_width (self, label));
    }
  widths.number =
    MAX (text_pixel_width (self, "9.99.99"), text_pixel_width (self, C_ ("plan grid", "No."))) +
    2 * PAD_X;
  widths.name = 40 * char_width;
  /* ประเภท belongs to the 12-item efficiency plan (DOMAIN.md §3c) only. */
  widths.category = self->plan && self->plan->kind == PHAEN_PLAN_EFFICIENCY
                      ? text_pixel_width (self, C_ ("plan grid", "Category")) + 2 * PAD_X
                      : 0;
  widths.owner = 12 * char_width;
  widths.budget = text_pixel_width (self, "9,999,999,999.99") + 2 * PAD_X;
  widths.month = MAX (month_width + 2 * PAD_X, (self->compact ? 2.6 : 3.2) * self->line_height);
  widths.output = 20 * char_width;
  {
    double *w[] = { &widths.number, &widths.name,   &widths.category,
                    &widths.owner,  &widths.budget, &widths.month };
    const guint c[] = { APP_PLAN_GRID_COLUMN_NUMBER,   APP_PLAN_GRID_COLUMN_NAME,
                        APP_PLAN_GRID_COLUMN_CATEGORY, APP_PLAN_GRID_COLUMN_OWNER,
                        APP_PLAN_GRID_COLUMN_BUDGET,   APP_PLAN_GRID_COLUMN_FIRST_MONTH };

    for (guint i = 0; i < G_N_ELEMENTS (c); i++)
      if (self->width_override[c[i]] > 0 && *w[i] > 0)
        *w[i] = self->width_override[c[i]];
    if (self->width_override[APP_PLAN_GRID_COLUMN_OUTPUT] > 0)
      widths.output = self->width_override[APP_PLAN_GRID_COLUMN_OUTPUT];
  }
  app_grid_columns_init (&self->columns, plan_months (self), &widths);
  self->metrics_valid = TRUE;
  _app_plan_grid_rebuild_header (self);
  _app_plan_grid_rebuild_rows (self, FALSE);
}

static double
measure_row (AppPlanGrid *self, const RowCache *rc)
{
  double height = self->line_height;

  for (guint t = 0; t < N_TEXTS; t++)
    {
      g_autoptr (PangoAttrList) attrs = NULL;
      int h;

      if (!text_wraps (t) || rc->text[t][0] == '\0')
        continue;
      attrs = level_attributes (rc->level, t);
      pango_layout_set_attributes (self->measure, attrs);
      pango_layout_set_width (self->measure, text_width (self, t, rc->depth) * PANGO_SCALE);
      pango_layout_set_wrap (self->measure, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (self->measure, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (self->measure, -MAX_TEXT_LINES);
      pango_layout_set_text (self->measure, rc->text[t], -1);
      pango_layout_get_pixel_size (self->measure, NULL, &h);
      pango_layout_set_attributes (self->measure, NULL);
      height = MAX (height, h);
    }
  return ceil (height + 2 * pad_y (self));
}

/* A row not shown yet is given the height its texts' lengths suggest; the exact height is
 * measured when it is first shown. Laying out every name of a 5,000-row plan took a second. */
static double
estimate_row (AppPlanGrid *self, const RowCache *rc)
{
  guint lines = 1;

  for (guint t = 0; t < N_TEXTS; t++)
    if (text_wraps (t) && rc->text[t][0] != '\0')
      lines =
        MAX (lines, phaen_text_estimate_lines (rc->text[t], self->thai_char_width,
                                               text_width (self, t, rc->depth), MAX_TEXT_LINES));
  return ceil (lines * self->line_height + 2 * pad_y (self));
}

/* Measures @row if it has only an estimate. Returns: whether its height changed. */
gboolean
_app_plan_grid_measure_row (AppPlanGrid *self, guint row)
{
  RowCache *rc;
  double height;

  if (row >= self->row_cache->len || (rc = row_cache_at (self, row))->measured)
    return FALSE;
  rc->measured = TRUE;
  height = measure_row (self, rc);
  if (height == rc->height)
    return FALSE;
  rc->height = height;
  app_grid_rows_set_height (self->rows, row, height);
  return TRUE;
}

/* Measures the rows the current scroll position shows, and those that come into view as the
 * measured rows shrink. Returns: whether any height changed (the scroll range with it). */
gboolean
_app_plan_grid_measure_shown (AppPlanGrid *self)
{
  AppGridView view = _app_plan_grid_current_view (self);
  gboolean changed = FALSE, again = TRUE;

  while (again)
    {
      guint first, end;

      again = FALSE;
      app_grid_rows_visible_range (self->rows, view.scroll_y, app_grid_view_body_height (&view),
                                   &first, &end);
      for (guint row = first; row < end; row++)
        again |= _app_plan_grid_measure_row (self, row);
      changed |= again;
    }
  return changed;
}

PangoLayout *
_app_plan_grid_row_layout (AppPlanGrid *self, guint row, guint text)
{
  RowCache *rc = row_cache_at (self, row);

  if (rc->layout[text] == NULL)
    {
      g_autoptr (PangoAttrList) attrs = level_attributes (rc->level, text);

      rc->layout[text] = new_layout (self, rc->text[text], text_width (self, text, rc->depth),
                                     text_alignment (text), text_wraps (text) ? MAX_TEXT_LINES : 1);
      pango_layout_set_attributes (rc->layout[text], attrs);
    }
  return rc->layout[text];
}

/* Header titles, year groups and the footer: a few dozen layouts, remade on every
 * _app_plan_grid_reload. */
void
_app_plan_grid_rebuild_header (AppPlanGrid *self)
{
  int fiscal_year = plan_year (self);
  HeaderSpan span = { 0 };

  for (guint c = 0; c < APP_PLAN_GRID_N_COLUMNS; c++)
    {
      g_autofree char *title = NULL;
      g_autofree char *footer = NULL;
      int width = (int)(self->columns.width[c] - 2 * PAD_X);
      int month = app_grid_column_to_month (c);

      g_clear_object (&self->title[c]);
      g_clear_object (&self->footer[c]);
      if (!app_grid_column_is_present (&self->columns, c))
        continue;
      title = app_plan_grid_get_column_title (self, c);
      self->title[c] =
        new_layout (self, title, MAX (width, 1), PANGO_ALIGN_CENTER, month >= 0 ? 1 : 2);
      footer = _app_plan_grid_footer_text (self, c);
      self->footer[c] = new_layout (self, footer, MAX (width, 1),
                                    c == APP_PLAN_GRID_COLUMN_NAME     ? PANGO_ALIGN_LEFT
                                    : c == APP_PLAN_GRID_COLUMN_BUDGET ? PANGO_ALIGN_RIGHT
                                                                       : PANGO_ALIGN_CENTER,
                                    1);
    }

  header_span_clear (&self->group);
  self->group.first = 0;
  self->group.end = plan_months (self);
  self->group.layout = new_layout (self, _ ("Period of operation"), 0, PANGO_ALIGN_LEFT, 1);
  pango_layout_get_pixel_size (self->group.layout, &self->group.natural_width, NULL);

  g_array_set_size (self->year_spans, 0);
  for (guint m = 0; m < plan_months (self); m++)
    {
      int year = phaen_fiscal_month_calendar_year (fiscal_year, (int)m);
      gboolean next = phaen_fiscal_month_is_next_year ((int)m);
      g_autofree char *label = NULL;

      if (m > 0 && year == phaen_fiscal_month_calendar_year (fiscal_year, (int)m - 1) &&
          next == phaen_fiscal_month_is_next_year ((int)m - 1))
        {
          g_array_index (self->year_spans, HeaderSpan, self->year_spans->len - 1).end = m + 1;
          continue;
        }
      span.first = m;
      span.end = m + 1;
      if (next)
        {
          label = g_strdup_printf (_ ("FY %d"), fiscal_year + 1);
          span.tooltip = g_strdup_printf (_ ("Next fiscal year (B.E. %d)"), fiscal_year + 1);
        }
      else
        {
          label = g_strdup_printf (C_ ("plan grid", "B.E. %d"), year);
          span.tooltip = g_strdup_printf (_ ("Fiscal year %d"), fiscal_year);
        }
      span.layout = new_layout (self, label, 0, PANGO_ALIGN_LEFT, 1);
      {
        /* One or two months cannot hold the whole year: the two digits the months write. */
        g_autofree char *short_label =
          next ? g_strdup_printf (_ ("FY %02d"), (fiscal_year + 1) % 100)
               : g_strdup_printf (C_ ("plan grid", "B.E.%02d"), year % 100);

        span.short_layout = new_layout (self, short_label, 0, PANGO_ALIGN_LEFT, 1);
      }
      pango_layout_get_pixel_size (span.layout, &span.natural_width, NULL);
      g_array_append_val (self->year_spans, span);
    }
}

/* A plan this short is measured whole, so its scroll range never changes under the user. */
#define EAGER_ROWS 200

/* Builds the row cache for the current activities, keeping what did not change: layouts of
 * equal texts and the height of rows whose wrapped texts are the same. */
void
_app_plan_grid_rebuild_rows (AppPlanGrid *self, gboolean keep)
{
  g_autoptr (GArray) old = self->row_cache;
  g_autoptr (GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree double *heights = g_new0 (double, n_rows (self) + 1);

  self->row_cache = g_array_sized_new (FALSE, TRUE, sizeof (RowCache), n_rows (self));
  g_array_set_clear_func (self->row_cache, (GDestroyNotify)row_cache_clear);
  if (keep && old)
    for (guint i = 0; i < old->len; i++)
      g_hash_table_insert (by_id, &g_array_index (old, RowCache, i).id,
                           &g_array_index (old, RowCache, i));

  for (guint i = 0; i < n_rows (self); i++)
    {
      const PhaenActivity *a = activity_at (self, i);
      RowCache rc = { a->id, a->depth, a->level, 0, FALSE, { NULL }, { NULL } };
      RowCache *prev = g_hash_table_lookup (by_id, &a->id);
      gboolean same_shape = prev != NULL && prev->depth == rc.depth && prev->level == rc.level;
      gboolean same_wrapped = same_shape;

      for (guint t = 0; t < N_TEXTS; t++)
        {
          rc.text[t] = _app_plan_grid_cell_text (a, t);
          if (same_shape && g_strcmp0 (prev->text[t], rc.text[t]) == 0)
            rc.layout[t] = g_steal_pointer (&prev->layout[t]);
          else if (text_wraps (t))
            same_wrapped = FALSE;
        }
      if (same_wrapped)
        {
          rc.height = prev->height;
          rc.measured = prev->measured;
        }
      else if (n_rows (self) <= EAGER_ROWS)
        {
          rc.height = measure_row (self, &rc);
          rc.measured = TRUE;
        }
      else
        rc.height = estimate_row (self, &rc);
      heights[i] = rc.height;
      g_array_append_val (self->row_cache, rc);
    }
  app_grid_rows_set_heights (self->rows, heights, n_rows (self));
}

/* ------------------------------------------------------------------ drawing */

static GdkRGBA
with_alpha (const GdkRGBA *color, float alpha)
{
  GdkRGBA c = *color;

  c.alpha *= alpha;
  return c;
}

static void
lookup_color (GtkStyleContext *context, const char *name, const char *fallback, GdkRGBA *out)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_style_context_lookup_color (context, name, out))
    gdk_rgba_parse (out, fallback);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

/* Colours come from the theme (libadwaita's named colours, this widget's text colour), so the
 * grid follows dark mode and high contrast. */
static void
get_palette (AppPlanGrid *self, Palette *p)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  gtk_style_context_get_color (context, &p->fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  lookup_color (context, "accent_bg_color", "#3584e4", &p->accent);
  lookup_color (context, "success_color", "#26a269", &p->achieved);
  lookup_color (context, "view_bg_color", "#ffffff", &p->view_bg);
  lookup_color (context, "error_color", "#c01c28", &p->warning);
  p->dim = with_alpha (&p->fg, 0.55f);
  p->line = with_alpha (&p->fg, 0.12f);
  p->strong_line = with_alpha (&p->fg, 0.3f);
  p->header_bg = with_alpha (&p->fg, 0.06f);
  p->zebra = with_alpha (&p->fg, 0.025f);
  p->next_year = with_alpha (&p->fg, 0.05f);
  p->planned = with_alpha (&p->accent, 0.4f);
  p->cursor_row = with_alpha (&p->accent, 0.08f);
  p->erase = with_alpha (&p->fg, 0.15f);
  p->warning_bg = with_alpha (&p->warning, 0.16f);
  /* Levels from the top down: a strategy's row is tinted most, an activity's not at all. */
  p->level_bg[0] = p->level_bg[PHAEN_ACTIVITY_LEVEL_ACTIVITY] = with_alpha (&p->fg, 0.0f);
  p->level_bg[PHAEN_ACTIVITY_LEVEL_STRATEGY] = with_alpha (&p->accent, 0.18f);
  p->level_bg[PHAEN_ACTIVITY_LEVEL_GOAL] = with_alpha (&p->accent, 0.1f);
  p->level_bg[PHAEN_ACTIVITY_LEVEL_PROJECT] = with_alpha (&p->fg, 0.045f);
}

static void
fill (GtkSnapshot *snapshot, const GdkRGBA *color, double x, double y, double w, double h)
{
  if (w > 0 && h > 0)
    gtk_snapshot_append_color (snapshot, color,
                               &GRAPHENE_RECT_INIT ((float)x, (float)y, (float)w, (float)h));
}

static void
draw_layout (GtkSnapshot *snapshot, PangoLayout *layout, const GdkRGBA *color, double x, double y)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((float)x, (float)y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
draw_frame (
  GtkSnapshot *snapshot, const GdkRGBA *color, double width, double x, double y, double w, double h)
{
  GskRoundedRect rect;
  const float widths[4] = { (float)width, (float)width, (float)width, (float)width };
  const GdkRGBA colors[4] = { *color, *color, *color, *color };

  gsk_rounded_rect_init_from_rect (&rect,
                                   &GRAPHENE_RECT_INIT ((float)x, (float)y, (float)w, (float)h), 0);
  gtk_snapshot_append_border (snapshot, &rect, widths, colors);
}

static void
draw_dot (
  GtkSnapshot *snapshot, const GdkRGBA *color, gboolean filled, double cx, double cy, double r)
{
  GskRoundedRect circle;
  graphene_rect_t bounds =
    GRAPHENE_RECT_INIT ((float)(cx - r), (float)(cy - r), (float)(2 * r), (float)(2 * r));

  gsk_rounded_rect_init_from_rect (&circle, &bounds, (float)r);
  if (filled)
    {
      gtk_snapshot_push_rounded_clip (snapshot, &circle);
      gtk_snapshot_append_color (snapshot, color, &bounds);
      gtk_snapshot_pop (snapshot);
    }
  else
    {
      const float widths[4] = { 1.5f, 1.5f, 1.5f, 1.5f };
      const GdkRGBA colors[4] = { *color, *color, *color, *color };

      gtk_snapshot_append_border (snapshot, &circle, widths, colors);
    }
}

static void
draw_month_cell (AppPlanGrid *self,
                 GtkSnapshot *snapshot,
                 const Palette *p,
                 guint marks,
                 guint month,
                 double x,
                 double y,
                 double w,
                 double h)
{
  double r = self->line_height * 0.28;
  double cy = y + pad_y (self) + self->line_height / 2;
  int symbols =
    ((marks & PHAEN_MARK_START) != 0) + ((marks & (PHAEN_MARK_OUTPUT | PHAEN_MARK_ACHIEVED)) != 0);
  double cx = x + w / 2 - (symbols - 1) * r * 1.3;

  if (phaen_fiscal_month_is_next_year ((int)month))
    fill (snapshot, &p->next_year, x, y, w, h);
  if (marks & PHAEN_MARK_PLANNED)
    fill (snapshot, &p->planned, x, y, w, h);
  if (marks & PHAEN_MARK_START)
    {
      draw_dot (snapshot, &p->fg, TRUE, cx, cy, r);
      cx += r * 2.6;
    }
  if (marks & PHAEN_MARK_ACHIEVED)
    draw_dot (snapshot, &p->achieved, TRUE, cx, cy, r);
  else if (marks & PHAEN_MARK_OUTPUT)
    draw_dot (snapshot, &p->fg, FALSE, cx, cy, r);
}

static gboolean
column_visible (double x, double w, double left, double right)
{
  return w > 0 && x + w > left && x < right;
}

/* One part of the body (the frozen columns or the scrolling ones) for the visible rows. */
static void
draw_body_part (AppPlanGrid *self,
                GtkSnapshot *snapshot,
                const Palette *p,
                const AppGridView *view,
                guint first,
                guint end,
                gboolean frozen,
                double body_bottom)
{
  double left = frozen ? 0 : self->columns.frozen_width;
  double right = frozen ? self->columns.frozen_width : view->width;

  gtk_snapshot_push_clip (
    snapshot, &GRAPHENE_RECT_INIT ((float)left, (float)view->header_height, (float)(right - left),
                                   (float)(body_bottom - view->header_height)));
  for (guint row = first; row < end; row++)
    {
      const PhaenActivity *a = activity_at (self, row);
      const RowCache *rc = row_cache_at (self, row);
      double y = app_grid_view_row_y (view, self->rows, row);
      double h = app_grid_rows_get_height (self->rows, row);

      const PhaenBudgetRollup *rollup = rollup_at (self, row);

      if (rc->level >= PHAEN_ACTIVITY_LEVEL_STRATEGY && rc->level < PHAEN_ACTIVITY_LEVEL_ACTIVITY)
        fill (snapshot, &p->level_bg[rc->level], left, y, right - left, h);
      if (row == self->cursor_row)
        fill (snapshot, &p->cursor_row, left, y, right - left, h);
      else if (row % 2)
        fill (snapshot, &p->zebra, left, y, right - left, h);

      for (guint c = 0; c < APP_PLAN_GRID_N_COLUMNS; c++)
        {
          double x = app_grid_view_column_x (view, &self->columns, c);
          double w = self->columns.width[c];
          int month = app_grid_column_to_month (c);
          int t;

          if (app_grid_column_is_frozen (c) != frozen || !column_visible (x, w, left, right))
            continue;
          if (month >= 0)
            {
              draw_month_cell (self, snapshot, p, a->marks[month], (guint)month, x, y, w, h);
              continue;
            }
          if (self->editor && row == self->edit_row && c == self->edit_column)
            {
              fill (snapshot, &p->view_bg, x, y, w, h);
              continue;
            }
          t = text_of_column (c);
          /* Rows under it add up to more than its budget: the cell says so (and its tooltip
           * why, phaen_budget_rollup_warning()). */
          if (t == TEXT_BUDGET && rollup && rollup->over_budget)
            {
              fill (snapshot, &p->warning_bg, x, y, w - 1, h - 1);
              fill (snapshot, &p->warning, x, y, 3, h - 1);
            }
          if (t < 0 || rc->text[t][0] == '\0')
            continue;
          draw_layout (snapshot, _app_plan_grid_row_layout (self, row, (guint)t),
                       t == TEXT_BUDGET && rollup && rollup->over_budget          ? &p->warning
                       : t == TEXT_NUMBER || (t == TEXT_BUDGET && !a->has_budget) ? &p->dim
                                                                                  : &p->fg,
                       x + PAD_X + (t == TEXT_NAME ? name_indent (self, rc->depth) : 0),
                       y + pad_y (self));
        }
      fill (snapshot, &p->line, left, y + h - 1, right - left, 1);
    }

  for (guint c = 0; c < APP_PLAN_GRID_N_COLUMNS; c++)
    {
      double x = app_grid_view_column_x (view, &self->columns, c);
      double w = self->columns.width[c];

      if (app_grid_column_is_frozen (c) == frozen && column_visible (x, w, left, right))
        fill (snapshot, &p->line, x + w - 1, view->header_height, 1,
              body_bottom - view->header_height);
    }
  gtk_snapshot_pop (snapshot);
}

static void
draw_span_label (GtkSnapshot *snapshot,
                 HeaderSpan *span,
                 const GdkRGBA *color,
                 double x0,
                 double x1,
                 double left,
                 double right,
                 double y)
{
  /* Centre the label on the part of the span that is on screen, so it stays readable while the
   * months scroll. */
  double vx0 = MAX (x0, left), vx1 = MIN (x1, right);
  double room = vx1 - vx0 - 2 * PAD_X;
  int width;

  PangoLayout *layout = span->layout;

  if (room <= 0)
    return;
  if (span->natural_width > room && span->short_layout)
    {
      layout = span->short_layout;
      pango_layout_set_width (layout, -1);
      pango_layout_get_pixel_size (layout, &width, NULL);
      if (width > room)
        layout = span->layout;
    }
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_width (layout, span->natural_width > room ? (int)room * PANGO_SCALE : -1);
  pango_layout_get_pixel_size (layout, &width, NULL);
  draw_layout (snapshot, layout, color, vx0 + (vx1 - vx0 - width) / 2, y);
}

static void
draw_header (AppPlanGrid *self, GtkSnapshot *snapshot, const Palette *p, const AppGridView *view)
{
  double rh = self->header_row_height;
  double month_x0 = app_grid_view_column_x (view, &self->columns, APP_PLAN_GRID_COLUMN_FIRST_MONTH);
  double month_w = self->columns.width[APP_PLAN_GRID_COLUMN_FIRST_MONTH];
  double frozen = self->columns.frozen_width;

  fill (snapshot, &p->view_bg, 0, 0, view->width, view->header_height);
  fill (snapshot, &p->header_bg, 0, 0, view->width, view->header_height);

  for (int pass = 0; pass < 2; pass++)
    {
      gboolean frozen_pass = pass == 1;
      double left = frozen_pass ? 0 : frozen;
      double right = frozen_pass ? frozen : view->width;

      gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT ((float)left, 0, (float)(right - left),
                                                             (float)view->header_height));
      if (frozen_pass)
        {
          fill (snapshot, &p->view_bg, 0, 0, frozen, view->header_height);
          fill (snapshot, &p->header_bg, 0, 0, frozen, view->header_height);
        }
      else
        {
          double x1 = month_x0 + self->columns.n_months * month_w;

          draw_span_label (snapshot, &self->group, &p->fg, month_x0, x1, left, right, pad_y (self));
          fill (snapshot, &p->line, month_x0, rh - 1, x1 - month_x0, 1);
          for (guint i = 0; i < self->year_spans->len; i++)
            {
              HeaderSpan *span = &g_array_index (self->year_spans, HeaderSpan, i);
              double sx0 = month_x0 + span->first * month_w;
              double sx1 = month_x0 + span->end * month_w;

              draw_span_label (snapshot, span, &p->fg, sx0, sx1, left, right, rh + pad_y (self));
              fill (snapshot, &p->line, sx1 - 1, rh, 1, rh);
            }
          fill (snapshot, &p->line, month_x0, 2 * rh - 1, x1 - month_x0, 1);
        }
      for (guint c = 0; c < APP_PLAN_GRID_N_COLUMNS; c++)
        {
          double x = app_grid_view_column_x (view, &self->columns, c);
          double w = self->columns.width[c];
          int month = app_grid_column_to_month (c);
          double y = month >= 0 ? 2 * rh : 0;
          double h = view->header_height - y;
          int th;

          if (app_grid_column_is_frozen (c) != frozen_pass || self->title[c] == NULL ||
              !column_visible (x, w, left, right))
            continue;
          if (month >= 0 && phaen_fiscal_month_is_next_year (month))
            fill (snapshot, &p->next_year, x, y, w, h);
          pango_layout_get_pixel_size (self->title[c], NULL, &th);
          draw_layout (snapshot, self->title[c], &p->fg, x + PAD_X, y + (h - th) / 2);
          fill (snapshot, &p->line, x + w - 1,
                month >= 0 && c != APP_PLAN_GRID_COLUMN_FIRST_MONTH + self->columns.n_months - 1
                  ? y
                  : 0,
                1, month >= 0 ? h : view->header_height);
        }
      gtk_snapshot_pop (snapshot);
    }
  fill (snapshot, &p->strong_line, 0, view->header_height - 1, view->width, 1);
}

static void
draw_footer (AppPlanGrid *self,
             GtkSnapshot *snapshot,
             const Palette *p,
             const AppGridView *view,
             double footer_y)
{
  double frozen = self->columns.frozen_width;

  fill (snapshot, &p->view_bg, 0, footer_y, view->width, view->footer_height);
  fill (snapshot, &p->header_bg, 0, footer_y, view->width, view->footer_height);
  for (int pass = 0; pass < 2; pass++)
    {
      gboolean frozen_pass = pass == 1;
      double left = frozen_pass ? 0 : frozen;
      double right = frozen_pass ? frozen : view->width;

      gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT ((float)left, (float)footer_y,
                                                             (float)(right - left),
                                                             (float)view->footer_height));
      for (guint c = 0; c < APP_PLAN_GRID_N_COLUMNS; c++)
        {
          double x = app_grid_view_column_x (view, &self->columns, c);
          double w = self->columns.width[c];

          if (app_grid_column_is_frozen (c) != frozen_pass || self->footer[c] == NULL ||
              !column_visible (x, w, left, right))
            continue;
          draw_layout (snapshot, self->footer[c], &p->fg, x + PAD_X, footer_y + pad_y (self));
          fill (snapshot, &p->line, x + w - 1, footer_y, 1, view->footer_height);
        }
      gtk_snapshot_pop (snapshot);
    }
  fill (snapshot, &p->strong_line, 0, footer_y, view->width, 1);
}

/* The clip of the part a cell belongs to, so a cell scrolled under the frozen columns or the
 * header stays hidden. */
static void
push_cell_clip (AppPlanGrid *self,
                GtkSnapshot *snapshot,
                const AppGridView *view,
                guint column,
                double body_bottom)
{
  double left = app_grid_column_is_frozen (column) ? 0 : self->columns.frozen_width;
  double right = app_grid_column_is_frozen (column) ? self->columns.frozen_width : view->width;

  gtk_snapshot_push_clip (
    snapshot, &GRAPHENE_RECT_INIT ((float)left, (float)view->header_height, (float)(right - left),
                                   (float)(body_bottom - view->header_height)));
}

/* The selected rectangle (when more than the cursor's cell) and the fill handle. */
static void
draw_selection (AppPlanGrid *self,
                GtkSnapshot *snapshot,
                const Palette *p,
                const AppGridView *view,
                double footer_y,
                gboolean focused)
{
  AppGridSelection sel;
  AppGridRect a, b, handle;
  GdkRGBA tint = with_alpha (&p->accent, 0.16f);
  double left;

  _app_plan_grid_get_selection (self, &sel);
  a = app_grid_cell_rect (&self->columns, self->rows, view, sel.row0, sel.column0);
  b = app_grid_cell_rect (&self->columns, self->rows, view, sel.row1, sel.column1);
  /* A selection that starts in the frozen columns spans the seam; one in the scrolling
   * columns hides under the frozen ones. */
  left = app_grid_column_is_frozen (sel.column0) ? 0 : self->columns.frozen_width;
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT ((float)left, (float)view->header_height,
                                                         (float)(view->width - left),
                                                         (float)(footer_y - view->header_height)));
  if (!_app_plan_grid_selection_is_cell (self))
    {
      fill (snapshot, &tint, a.x, a.y, b.x + b.width - a.x, b.y + b.height - a.y);
      draw_frame (snapshot, focused ? &p->accent : &p->strong_line, 1, a.x, a.y,
                  b.x + b.width - a.x, b.y + b.height - a.y);
    }
  if (focused && _app_plan_grid_fill_handle_rect (self, &handle))
    {
      fill (snapshot, &p->view_bg, handle.x - 1, handle.y - 1, handle.width + 2, handle.height + 2);
      fill (snapshot, &p->accent, handle.x, handle.y, handle.width, handle.height);
    }
  if (self->filling)
    {
      AppGridRect target =
        app_grid_cell_rect (&self->columns, self->rows, view, self->fill_row, self->fill_column);
      double x1 = MAX (b.x + b.width, target.x + target.width);
      double y1 = MAX (b.y + b.height, target.y + target.height);

      /* Only down or right, as the fill will be. */
      if (self->fill_row > sel.row1)
        x1 = b.x + b.width;
      else
        y1 = b.y + b.height;
      draw_frame (snapshot, &p->accent, 1, a.x, a.y, x1 - a.x, y1 - a.y);
    }
  gtk_snapshot_pop (snapshot);
}

void
_app_plan_grid_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  AppPlanGrid *self = APP_PLAN_GRID (widget);
  AppGridView view = _app_plan_grid_current_view (self);
  double footer_y = app_grid_view_footer_y (&view, self->rows);
  gboolean focused = gtk_widget_has_focus (widget) || self->editor != NULL;
  Palette p;
  guint first, end;

  _app_plan_grid_ensure_metrics (self);
  get_palette (self, &p);
  app_grid_rows_visible_range (self->rows, view.scroll_y, footer_y - view.header_height, &first,
                               &end);

  draw_body_part (self, snapshot, &p, &view, first, end, FALSE, footer_y);
  draw_body_part (self, snapshot, &p, &view, first, end, TRUE, footer_y);

  if (self->painting)
    {
      guint r0 = MIN (self->paint_row0, self->paint_row1);
      guint r1 = MAX (self->paint_row0, self->paint_row1);
      guint m0 = MIN (self->paint_month0, self->paint_month1);
      guint m1 = MAX (self->paint_month0, self->paint_month1);
      AppGridRect a =
        app_grid_cell_rect (&self->columns, self->rows, &view, r0, app_grid_month_to_column (m0));
      AppGridRect b =
        app_grid_cell_rect (&self->columns, self->rows, &view, r1, app_grid_month_to_column (m1));

      push_cell_clip (self, snapshot, &view, APP_PLAN_GRID_COLUMN_FIRST_MONTH, footer_y);
      fill (snapshot, self->paint_erase ? &p.erase : &p.planned, a.x, a.y, b.x + b.width - a.x,
            b.y + b.height - a.y);
      draw_frame (snapshot, &p.accent, 1, a.x, a.y, b.x + b.width - a.x, b.y + b.height - a.y);
      gtk_snapshot_pop (snapshot);
    }

  if (self->cursor_row < n_rows (self) && !self->painting)
    draw_selection (self, snapshot, &p, &view, footer_y, focused);

  if (self->cursor_row < n_rows (self))
    {
      AppGridRect r = app_grid_cell_rect (&self->columns, self->rows, &view, self->cursor_row,
                                          self->cursor_column);

      push_cell_clip (self, snapshot, &view, self->cursor_column, footer_y);
      draw_frame (snapshot, focused ? &p.accent : &p.strong_line, 2, r.x, r.y, r.width, r.height);
      gtk_snapshot_pop (snapshot);
    }

  if (self->editor)
    {
      push_cell_clip (self, snapshot, &view, self->edit_column, footer_y);
      gtk_widget_snapshot_child (widget, self->editor, snapshot);
      gtk_snapshot_pop (snapshot);
    }

  /* A shadow on the frozen columns' edge shows there is more underneath. */
  if (view.scroll_x > 0)
    {
      GdkRGBA shade = with_alpha (&p.fg, 0.12f);
      GdkRGBA clear = with_alpha (&p.fg, 0);
      double x = self->columns.frozen_width;

      gtk_snapshot_append_linear_gradient (
        snapshot,
        &GRAPHENE_RECT_INIT ((float)x, (float)view.header_height, 6,
                             (float)(footer_y - view.header_height)),
        &GRAPHENE_POINT_INIT ((float)x, 0), &GRAPHENE_POINT_INIT ((float)x + 6, 0),
        (GskColorStop[]){ { 0, shade }, { 1, clear } }, 2);
      fill (snapshot, &p.strong_line, x - 1, view.header_height, 1, footer_y - view.header_height);
    }

  draw_header (self, snapshot, &p, &view);
  draw_footer (self, snapshot, &p, &view, footer_y);
}

/* ------------------------------------------------------------------ column widths */

int
_app_plan_grid_column_edge_at (AppPlanGrid *self, double x, double y)
{
  AppGridView view = _app_plan_grid_current_view (self);

  if (y < 0 || y >= view.header_height)
    return -1;
  for (guint c = 0; c < APP_PLAN_GRID_N_COLUMNS; c++)
    {
      double right;

      if (!app_grid_column_is_present (&self->columns, c))
        continue;
      right = app_grid_view_column_x (&view, &self->columns, c) + self->columns.width[c];
      /* A scrolled column under the frozen ones has no edge to grab. */
      if (!app_grid_column_is_frozen (c) && right < self->columns.frozen_width)
        continue;
      if (fabs (x - right) <= 4)
        return app_grid_column_to_month (c) >= 0 ? APP_PLAN_GRID_COLUMN_FIRST_MONTH : (int)c;
    }
  return -1;
}

void
_app_plan_grid_set_column_width (AppPlanGrid *self, guint column, double width)
{
  if (app_grid_column_to_month (column) >= 0)
    column = APP_PLAN_GRID_COLUMN_FIRST_MONTH;
  g_return_if_fail (column < APP_PLAN_GRID_N_COLUMNS);
  self->width_override[column] = width > 0 ? CLAMP (round (width), 3 * PAD_X, 1200) : 0;
  self->width_fitted[column] = FALSE;
  self->metrics_valid = FALSE;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  /* A drag stores its width once, when it ends (stop_drag()). */
  if (!self->resizing)
    _app_plan_grid_widths_changed (self);
}

/* The widest text of the column on one line (a long name up to 480 px, then it wraps), and its
 * title; months go back to the width their headers need. */
void
_app_plan_grid_fit_column (AppPlanGrid *self, guint column)
{
  int t = text_of_column (column);
  double width = 0;

  _app_plan_grid_ensure_metrics (self);
  if (t < 0)
    {
      _app_plan_grid_set_column_width (self, column, 0);
      return;
    }
  if (self->title[column])
    {
      int title_width;

      pango_layout_get_pixel_size (self->title[column], &title_width, NULL);
      width = title_width;
    }
  for (guint r = 0; r < n_rows (self); r++)
    {
      const RowCache *rc = row_cache_at (self, r);
      double w = text_pixel_width (self, rc->text[t]);

      if (t == TEXT_NAME)
        w += MIN (rc->depth * self->indent_step, 480);
      width = MAX (width, w);
    }
  if (t == TEXT_BUDGET)
    width = MAX (width, text_pixel_width (self, "-"));
  _app_plan_grid_set_column_width (self, column, MIN (width, 480) + 2 * PAD_X + 2);
  /* Fitted to today's contents: not a width to remember (the setting forgets it). */
  self->width_fitted[app_grid_column_to_month (column) >= 0 ? APP_PLAN_GRID_COLUMN_FIRST_MONTH
                                                            : column] = TRUE;
  _app_plan_grid_widths_changed (self);
}