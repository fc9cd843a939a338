/* app-plan-grid.c — the plan's activity × month grid: drawn rows, in-place editing, painting
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-plan-grid"

#include "config.h"

#include "app-plan-grid-a11y.h"
#include "app-plan-grid.h"
#include "app-shortcuts.h"
#include "app-scrollable.h"

#include "app-autosave.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "phaen-calendar.h"
#include "phaen-error.h"
#include "phaen-plan-totals.h"
#include "phaen-thai-text.h"

/* Wrapped cells grow the row up to this many lines, then ellipsize. */
#define MAX_TEXT_LINES 3
#define PAD_X 6.0
#define PAD_Y 4.0
#define HEADER_ROWS 3 /* ระยะเวลาในการดำเนินงาน / BE years / months */

/* The texts a row shows; month cells are drawn, not written. */
enum
{
  TEXT_NUMBER,
  TEXT_NAME,
  TEXT_CATEGORY,
  TEXT_OWNER,
  TEXT_BUDGET,
  TEXT_OUTPUT,
  N_TEXTS
};

static const guint text_column[N_TEXTS] = {
  APP_PLAN_GRID_COLUMN_NUMBER, APP_PLAN_GRID_COLUMN_NAME,   APP_PLAN_GRID_COLUMN_CATEGORY,
  APP_PLAN_GRID_COLUMN_OWNER,  APP_PLAN_GRID_COLUMN_BUDGET, APP_PLAN_GRID_COLUMN_OUTPUT,
};

typedef struct
{
  gint64 id;
  int depth;
  double height;
  char *text[N_TEXTS];
  PangoLayout *layout[N_TEXTS]; /* made when the row is first drawn */
} RowCache;

typedef struct
{
  guint first, end; /* months */
  char *tooltip;
  PangoLayout *layout;
  int natural_width;
} HeaderSpan;

typedef struct
{
  GdkRGBA fg, dim, line, strong_line, header_bg, view_bg, accent, planned, cursor_row, zebra,
    next_year, achieved, erase;
} Palette;

struct _AppPlanGrid
{
  GtkWidget parent_instance;

  PhaenStore *store;
  gint64 plan_id;
  PhaenPlan *plan;
  GPtrArray *activities; /* (element-type PhaenActivity) depth-first, numbered */
  GArray *row_cache;     /* RowCache, one per activity */
  AppGridRows *rows;
  AppGridColumns columns;

  /* Metrics measured from the widget's font; see ensure_metrics(). */
  gboolean metrics_valid;
  PangoFontDescription *font;
  double line_height, indent_step, header_row_height, footer_height;
  PangoLayout *measure;
  PangoLayout *title[APP_PLAN_GRID_N_COLUMNS];
  PangoLayout *footer[APP_PLAN_GRID_N_COLUMNS];
  HeaderSpan group;
  GArray *year_spans; /* HeaderSpan */

  AppScrollable scroll;
  gboolean in_allocate;
  gboolean scroll_pending; /* bring the cursor into view at the next allocation */

  guint cursor_row, cursor_column;
  gint64 cursor_id;

  PhaenPlanTotals totals; /* the footer: outputs or activities per month, the budget */

  GtkWidget *editor; /* a GtkText over the cell being edited */
  gint64 edit_id;
  guint edit_row, edit_column;
  gboolean edit_closing;
  AppAutosave *edit_autosave; /* stores what is typed in the cell a moment after a pause */
  char *edit_original;        /* the cell's stored text when the edit began, for Escape */
  gboolean edit_saved;        /* the autosave stored some of this edit's text */

  PhaenMark tool;
  gboolean painting;
  guint paint_row0, paint_row1, paint_month0, paint_month1;
  PhaenMark paint_mark;
  gboolean paint_erase;
  double drag_x, drag_y;

  GtkIMContext *im;
};

static void app_plan_grid_scrollable_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AppPlanGrid,
                               app_plan_grid,
                               GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE,
                                                      app_plan_grid_scrollable_init))

enum
{
  PROP_0,
  PROP_TOOL,
  PROP_CURSOR_ACTIVITY,
  N_PROPS,
  /* GtkScrollable's, from app_scrollable_override_properties() */
  PROP_SCROLLABLE = N_PROPS,
};

static GParamSpec *properties[N_PROPS];

enum
{
  MESSAGE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const struct
{
  const char *name;
  PhaenMark mark;
} tools[] = {
  { "planned", PHAEN_MARK_PLANNED },
  { "start", PHAEN_MARK_START },
  { "output", PHAEN_MARK_OUTPUT },
  { "achieved", PHAEN_MARK_ACHIEVED },
};

static gboolean commit_text (
  AppPlanGrid *self, guint row, guint column, const char *text, gboolean quiet, GError **error);
static gboolean commit_edit (AppPlanGrid *self);

/* ------------------------------------------------------------------ helpers */

static void
row_cache_clear (RowCache *rc)
{
  for (guint i = 0; i < N_TEXTS; i++)
    {
      g_clear_pointer (&rc->text[i], g_free);
      g_clear_object (&rc->layout[i]);
    }
}

static void
header_span_clear (HeaderSpan *span)
{
  g_clear_pointer (&span->tooltip, g_free);
  g_clear_object (&span->layout);
}

static guint
n_rows (AppPlanGrid *self)
{
  return self->activities ? self->activities->len : 0;
}

static const PhaenActivity *
activity_at (AppPlanGrid *self, guint row)
{
  return row < n_rows (self) ? g_ptr_array_index (self->activities, row) : NULL;
}

static RowCache *
row_cache_at (AppPlanGrid *self, guint row)
{
  return &g_array_index (self->row_cache, RowCache, row);
}

static int
row_of_activity (AppPlanGrid *self, gint64 id)
{
  for (guint i = 0; i < n_rows (self); i++)
    if (((const PhaenActivity *)g_ptr_array_index (self->activities, i))->id == id)
      return (int)i;
  return -1;
}

static int
text_of_column (guint column)
{
  for (guint i = 0; i < N_TEXTS; i++)
    if (text_column[i] == column)
      return (int)i;
  return -1;
}

static gboolean
text_wraps (guint text)
{
  return text == TEXT_NAME || text == TEXT_OWNER || text == TEXT_OUTPUT;
}

static gboolean
column_is_editable (guint column)
{
  return column != APP_PLAN_GRID_COLUMN_NUMBER && app_grid_column_to_month (column) < 0;
}

static const char *
tool_name (PhaenMark mark)
{
  for (guint i = 0; i < G_N_ELEMENTS (tools); i++)
    if (tools[i].mark == mark)
      return tools[i].name;
  return tools[0].name;
}

static char *
cell_text (const PhaenActivity *a, guint text)
{
  switch (text)
    {
    case TEXT_NUMBER:
      return g_strdup (a->number ? a->number : "");
    case TEXT_NAME:
      return g_strdup (a->name ? a->name : "");
    case TEXT_CATEGORY:
      return a->category > 0 ? g_strdup_printf ("%d", a->category) : g_strdup ("");
    case TEXT_OWNER:
      return g_strdup (a->owner ? a->owner : "");
    case TEXT_BUDGET:
      return phaen_format_money (a->has_budget ? a->budget : NAN, FALSE);
    case TEXT_OUTPUT:
      return g_strdup (a->output ? a->output : "");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* What the editor starts with: the budget without grouping, so it reads as typed. */
static char *
edit_text (const PhaenActivity *a, guint column)
{
  if (column == APP_PLAN_GRID_COLUMN_BUDGET)
    return a->has_budget ? phaen_format_number (a->budget, 2, PHAEN_NUMBER_TRIM_ZEROS)
                         : g_strdup ("");
  return cell_text (a, (guint)text_of_column (column));
}

static char *
marks_text (guint marks)
{
  GString *s = g_string_new (NULL);

  if (marks & PHAEN_MARK_PLANNED)
    g_string_append (s, "■");
  if (marks & PHAEN_MARK_START)
    g_string_append (s, "●");
  if ((marks & PHAEN_MARK_OUTPUT) && !(marks & PHAEN_MARK_ACHIEVED))
    g_string_append (s, "○");
  if (marks & PHAEN_MARK_ACHIEVED)
    g_string_append (s, "✔");
  return g_string_free (s, FALSE);
}

static char *
footer_text (AppPlanGrid *self, guint column)
{
  int month = app_grid_column_to_month (column);

  /* The core's one counting rule (phaen-plan-totals.h), as the Gantt and the forms count. */
  if (column == APP_PLAN_GRID_COLUMN_NAME)
    return g_strdup (self->totals.outputs ? _ ("Outputs in each month")
                                          : _ ("Activities in each month"));
  if (column == APP_PLAN_GRID_COLUMN_BUDGET)
    return phaen_format_money (self->totals.has_budget ? self->totals.budget : NAN, FALSE);
  if (month >= 0)
    {
      guint count = self->totals.months[month];

      /* seed 004 writes a month without outputs as "-" */
      return count ? g_strdup_printf ("%u", count) : g_strdup ("-");
    }
  return g_strdup ("");
}

static void
emit_message (AppPlanGrid *self, const char *text)
{
  g_signal_emit (self, signals[MESSAGE], 0, text);
}

static void
report_error (AppPlanGrid *self, const GError *error)
{
  if (error)
    emit_message (self, error->message);
}

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

static guint
plan_months (AppPlanGrid *self)
{
  if (self->plan == NULL)
    return PHAEN_FISCAL_MONTHS;
  return PHAEN_FISCAL_MONTHS + (guint)CLAMP (self->plan->extra_months, 0, PHAEN_FISCAL_MONTHS);
}

static int
plan_year (AppPlanGrid *self)
{
  return self->plan ? self->plan->fiscal_year : 2564;
}

static double
name_indent (AppPlanGrid *self, int depth)
{
  return MIN (depth * self->indent_step, self->columns.width[APP_PLAN_GRID_COLUMN_NAME] / 2);
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

static void rebuild_header (AppPlanGrid *self);
static void rebuild_rows (AppPlanGrid *self, gboolean keep);

/* Widths follow the font so Thai at any size keeps its proportions. Everything measured with
 * the old font (row heights, layouts) is made again. */
static void
ensure_metrics (AppPlanGrid *self)
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

  /* Thai stacks marks above and below the line: measure a line that has them (Thai on purpose:
   * never shown). */
  pango_layout_set_text (self->measure, "ปู่ที่นั้นญูฐ Ág", -1);
  pango_layout_get_pixel_size (self->measure, NULL, &height);
  self->line_height = height;
  self->indent_step = 2 * char_width;
  self->header_row_height = height + 2 * PAD_Y;
  self->footer_height = height + 2 * PAD_Y;

  for (guint m = 0; m < plan_months (self); m++)
    {
      g_autofree char *label = phaen_fiscal_month_label (plan_year (self), (int)m);

      month_width = MAX (month_width, text_pixel_width (self, label));
    }
  widths.number =
    MAX (text_pixel_width (self, "9.99.99"), text_pixel_width (self, C_ ("plan grid", "No."))) +
    2 * PAD_X;
  widths.name = 40 * char_width;
  widths.category = text_pixel_width (self, C_ ("plan grid", "Category")) + 2 * PAD_X;
  widths.owner = 12 * char_width;
  widths.budget = text_pixel_width (self, "999,999,999.99") + 2 * PAD_X;
  widths.month = MAX (month_width + 2 * PAD_X, 3.2 * self->line_height);
  widths.output = 20 * char_width;
  app_grid_columns_init (&self->columns, plan_months (self), &widths);
  self->metrics_valid = TRUE;
  rebuild_header (self);
  rebuild_rows (self, FALSE);
}

static double
measure_row (AppPlanGrid *self, const RowCache *rc)
{
  double height = self->line_height;

  for (guint t = 0; t < N_TEXTS; t++)
    {
      int h;

      if (!text_wraps (t) || rc->text[t][0] == '\0')
        continue;
      pango_layout_set_width (self->measure, text_width (self, t, rc->depth) * PANGO_SCALE);
      pango_layout_set_wrap (self->measure, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (self->measure, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (self->measure, -MAX_TEXT_LINES);
      pango_layout_set_text (self->measure, rc->text[t], -1);
      pango_layout_get_pixel_size (self->measure, NULL, &h);
      height = MAX (height, h);
    }
  return ceil (height + 2 * PAD_Y);
}

static PangoLayout *
row_layout (AppPlanGrid *self, guint row, guint text)
{
  RowCache *rc = row_cache_at (self, row);

  if (rc->layout[text] == NULL)
    rc->layout[text] = new_layout (self, rc->text[text], text_width (self, text, rc->depth),
                                   text_alignment (text), text_wraps (text) ? MAX_TEXT_LINES : 1);
  return rc->layout[text];
}

/* Header titles, year groups and the footer: a few dozen layouts, remade on every reload. */
static void
rebuild_header (AppPlanGrid *self)
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
      footer = footer_text (self, c);
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
      pango_layout_get_pixel_size (span.layout, &span.natural_width, NULL);
      g_array_append_val (self->year_spans, span);
    }
}

/* Builds the row cache for the current activities, keeping what did not change: layouts of
 * equal texts and the height of rows whose wrapped texts are the same. */
static void
rebuild_rows (AppPlanGrid *self, gboolean keep)
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
      RowCache rc = { a->id, a->depth, 0, { NULL }, { NULL } };
      RowCache *prev = g_hash_table_lookup (by_id, &a->id);
      gboolean same_wrapped = prev != NULL && prev->depth == rc.depth;

      for (guint t = 0; t < N_TEXTS; t++)
        {
          rc.text[t] = cell_text (a, t);
          if (prev && prev->depth == rc.depth && g_strcmp0 (prev->text[t], rc.text[t]) == 0)
            rc.layout[t] = g_steal_pointer (&prev->layout[t]);
          else if (text_wraps (t))
            same_wrapped = FALSE;
        }
      rc.height = same_wrapped ? prev->height : measure_row (self, &rc);
      heights[i] = rc.height;
      g_array_append_val (self->row_cache, rc);
    }
  app_grid_rows_set_heights (self->rows, heights, n_rows (self));
}

/* ------------------------------------------------------------------ view and cursor */

static AppGridView
current_view (AppPlanGrid *self)
{
  AppGridView view;

  view.width = gtk_widget_get_width (GTK_WIDGET (self));
  view.height = gtk_widget_get_height (GTK_WIDGET (self));
  view.header_height = HEADER_ROWS * self->header_row_height;
  view.footer_height = self->footer_height;
  view.scroll_x = floor (gtk_adjustment_get_value (self->scroll.hadjustment));
  view.scroll_y = floor (gtk_adjustment_get_value (self->scroll.vadjustment));
  return view;
}

static void
update_actions (AppPlanGrid *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  const PhaenActivity *a = activity_at (self, self->cursor_row);
  gboolean has_next_sibling = FALSE;

  if (a)
    for (guint i = self->cursor_row + 1; i < n_rows (self); i++)
      {
        int depth = activity_at (self, i)->depth;

        if (depth <= a->depth)
          {
            has_next_sibling = depth == a->depth;
            break;
          }
      }
  gtk_widget_action_set_enabled (widget, "grid.edit", a != NULL);
  gtk_widget_action_set_enabled (widget, "grid.add-activity", self->store != NULL);
  gtk_widget_action_set_enabled (widget, "grid.delete-activity", a != NULL);
  gtk_widget_action_set_enabled (widget, "grid.move-up", a && a->position > 0);
  gtk_widget_action_set_enabled (widget, "grid.move-down", has_next_sibling);
  gtk_widget_action_set_enabled (widget, "grid.indent", a && a->position > 0);
  gtk_widget_action_set_enabled (widget, "grid.outdent", a && a->depth > 0);
}

/* Runs from size_allocate, once the adjustments know the new rows. */
static void
scroll_to_cursor_now (AppPlanGrid *self)
{
  AppGridView view;
  guint column = self->cursor_column;

  self->scroll_pending = FALSE;
  if (self->cursor_row >= n_rows (self))
    return;
  view = current_view (self);
  gtk_adjustment_set_value (
    self->scroll.vadjustment,
    app_grid_scroll_to_show (app_grid_rows_get_y (self->rows, self->cursor_row),
                             app_grid_rows_get_height (self->rows, self->cursor_row), view.scroll_y,
                             app_grid_view_body_height (&view)));
  if (!app_grid_column_is_frozen (column))
    gtk_adjustment_set_value (
      self->scroll.hadjustment,
      app_grid_scroll_to_show (self->columns.x[column] - self->columns.frozen_width,
                               self->columns.width[column], view.scroll_x,
                               view.width - self->columns.frozen_width));
}

static void
scroll_to_cursor (AppPlanGrid *self)
{
  self->scroll_pending = TRUE;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
move_cursor_to (AppPlanGrid *self, guint row, guint column)
{
  gint64 id;

  if (n_rows (self) == 0)
    row = 0;
  else
    row = MIN (row, n_rows (self) - 1);
  if (!app_grid_column_is_present (&self->columns, column))
    column = APP_PLAN_GRID_COLUMN_NAME;
  id = activity_at (self, row) ? activity_at (self, row)->id : 0;
  self->cursor_row = row;
  self->cursor_column = column;
  if (id != self->cursor_id)
    {
      self->cursor_id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURSOR_ACTIVITY]);
    }
  scroll_to_cursor (self);
  update_actions (self);
  app_plan_grid_a11y_cursor_moved (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
move_cursor_by (AppPlanGrid *self, int rows, int columns)
{
  int row = (int)self->cursor_row + rows;
  int column = (int)self->cursor_column;

  if (columns != 0)
    {
      int next = app_grid_columns_step (&self->columns, self->cursor_column, columns);

      if (next < 0)
        return;
      column = next;
    }
  move_cursor_to (self, (guint)MAX (row, 0), (guint)column);
}

/* ------------------------------------------------------------------ editing */

static void
close_editor (AppPlanGrid *self)
{
  GtkWidget *editor = self->editor;

  if (editor == NULL)
    return;
  self->edit_closing = TRUE;
  if (gtk_widget_get_focus_child (GTK_WIDGET (self)) == editor)
    gtk_widget_grab_focus (GTK_WIDGET (self));
  self->editor = NULL;
  gtk_widget_unparent (editor);
  app_autosave_cancel (self->edit_autosave);
  g_clear_pointer (&self->edit_original, g_free);
  self->edit_saved = FALSE;
  self->edit_closing = FALSE;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
commit_and_move (AppPlanGrid *self, int rows, int columns)
{
  if (!commit_edit (self))
    return;
  if (columns > 0 && app_grid_columns_step (&self->columns, self->cursor_column, 1) < 0)
    move_cursor_to (self, self->cursor_row + 1, APP_PLAN_GRID_COLUMN_NAME);
  else
    move_cursor_by (self, rows, columns);
}

static void
editor_activate_cb (AppPlanGrid *self)
{
  commit_and_move (self, 1, 0);
}

/* Escape leaves the cell as it was before the edit, also when a pause already stored some of
 * the typing. */
static void
cancel_edit (AppPlanGrid *self)
{
  g_autoptr (GError) error = NULL;

  app_autosave_cancel (self->edit_autosave);
  if (self->edit_saved && self->edit_original != NULL &&
      !commit_text (self, self->edit_row, self->edit_column, self->edit_original, TRUE, &error))
    report_error (self, error);
  close_editor (self);
}

static gboolean
editor_key_pressed_cb (GtkEventControllerKey *controller,
                       guint keyval,
                       guint keycode,
                       GdkModifierType state,
                       AppPlanGrid *self)
{
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();

  switch (keyval)
    {
    case GDK_KEY_Escape:
      cancel_edit (self);
      return TRUE;
    case GDK_KEY_Tab:
    case GDK_KEY_KP_Tab:
    case GDK_KEY_ISO_Left_Tab:
      if (mods & ~GDK_SHIFT_MASK)
        return FALSE;
      commit_and_move (self, 0, (mods & GDK_SHIFT_MASK) || keyval == GDK_KEY_ISO_Left_Tab ? -1 : 1);
      return TRUE;
    case GDK_KEY_Up:
    case GDK_KEY_Down:
      if (mods)
        return FALSE;
      commit_and_move (self, keyval == GDK_KEY_Up ? -1 : 1, 0);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
      if (mods != GDK_CONTROL_MASK)
        return FALSE;
      gtk_widget_activate_action (GTK_WIDGET (self), "grid.add-activity", NULL);
      return TRUE;
    default:
      return FALSE;
    }
}

/* A pause in typing: what the cell holds is stored, the editor stays open. Half-typed input
 * that is refused (a budget of "1,") waits for Enter or leaving the cell to be explained. */
static void
editor_autosave_cb (gpointer data)
{
  AppPlanGrid *self = data;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  if (self->editor == NULL || self->store == NULL)
    return;
  text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->editor)));
  if (commit_text (self, self->edit_row, self->edit_column, text, TRUE, &error))
    self->edit_saved = TRUE;
  else if (!g_error_matches (error, PHAEN_ERROR, PHAEN_ERROR_INVALID))
    report_error (self, error);
}

static void
editor_changed_cb (AppPlanGrid *self)
{
  app_autosave_changed (self->edit_autosave);
}

static void
editor_focus_leave_cb (AppPlanGrid *self)
{
  /* Clicking elsewhere keeps what was typed, as a spreadsheet does; refused text stays open. */
  if (!self->edit_closing && self->editor)
    commit_edit (self);
}

static void
begin_edit (AppPlanGrid *self, const char *initial)
{
  const PhaenActivity *a = activity_at (self, self->cursor_row);
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  GtkEventController *key;
  GtkEventController *focus;

  if (a == NULL || !column_is_editable (self->cursor_column))
    return;
  /* A read-only workspace says so before anything is typed, not after. */
  if (!phaen_store_check_writable (self->store, &error))
    {
      report_error (self, error);
      return;
    }
  close_editor (self);
  scroll_to_cursor (self);

  self->editor = gtk_text_new ();
  gtk_widget_add_css_class (self->editor, "cell-editor");
  gtk_widget_set_parent (self->editor, GTK_WIDGET (self));
  self->edit_id = a->id;
  self->edit_row = self->cursor_row;
  self->edit_column = self->cursor_column;
  self->edit_original = edit_text (a, self->cursor_column);
  text = initial ? g_strdup (initial) : g_strdup (self->edit_original);
  gtk_editable_set_text (GTK_EDITABLE (self->editor), text);
  if (initial != NULL)
    app_autosave_changed (self->edit_autosave);
  g_signal_connect_object (self->editor, "changed", G_CALLBACK (editor_changed_cb), self,
                           G_CONNECT_SWAPPED);
  if (self->cursor_column == APP_PLAN_GRID_COLUMN_BUDGET)
    gtk_text_set_input_purpose (GTK_TEXT (self->editor), GTK_INPUT_PURPOSE_NUMBER);

  g_signal_connect_object (self->editor, "activate", G_CALLBACK (editor_activate_cb), self,
                           G_CONNECT_SWAPPED);
  key = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect_object (key, "key-pressed", G_CALLBACK (editor_key_pressed_cb), self, 0);
  gtk_widget_add_controller (self->editor, key);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (editor_focus_leave_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (self->editor, focus);

  gtk_text_grab_focus_without_selecting (GTK_TEXT (self->editor));
  gtk_editable_set_position (GTK_EDITABLE (self->editor), -1);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static gboolean
commit_edit (AppPlanGrid *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  if (self->editor == NULL)
    return TRUE;
  text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->editor)));
  app_autosave_cancel (self->edit_autosave);
  if (!commit_text (self, self->edit_row, self->edit_column, text, FALSE, &error))
    {
      /* Refused input was already explained by commit_text(); the edit stays open. */
      if (!g_error_matches (error, PHAEN_ERROR, PHAEN_ERROR_INVALID))
        report_error (self, error);
      return FALSE;
    }
  close_editor (self);
  return TRUE;
}

/* Writes one cell. Refusals emit "message" (unless @quiet) and leave the store as it was. */
static gboolean
commit_text (
  AppPlanGrid *self, guint row, guint column, const char *text, gboolean quiet, GError **error)
{
  const PhaenActivity *current = activity_at (self, row);
  g_autoptr (PhaenActivity) a = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *refusal = NULL;
  gboolean has_value = FALSE;
  double value = NAN;

  g_return_val_if_fail (current != NULL, FALSE);
  a = phaen_activity_copy (current);
  clean = g_strstrip (phaen_text_normalize (text ? text : ""));

  switch (column)
    {
    case APP_PLAN_GRID_COLUMN_NAME:
      if (g_strcmp0 (a->name ? a->name : "", clean) == 0)
        return TRUE;
      g_free (a->name);
      a->name = g_steal_pointer (&clean);
      break;
    case APP_PLAN_GRID_COLUMN_OWNER:
      if (g_strcmp0 (a->owner ? a->owner : "", clean) == 0)
        return TRUE;
      g_free (a->owner);
      a->owner = g_steal_pointer (&clean);
      break;
    case APP_PLAN_GRID_COLUMN_OUTPUT:
      if (g_strcmp0 (a->output ? a->output : "", clean) == 0)
        return TRUE;
      g_free (a->output);
      a->output = g_steal_pointer (&clean);
      break;
    case APP_PLAN_GRID_COLUMN_CATEGORY:
      if (!phaen_parse_optional_number (clean, &has_value, &value, NULL) ||
          (has_value && (value != floor (value) || value < 0 || value > 5)))
        refusal = g_strdup_printf (
          _ ("“%s” is not a type: the type is a number from 1 to 5, or “-” for none."), clean);
      else if ((has_value ? (int)value : 0) == a->category)
        return TRUE;
      else
        a->category = has_value ? (int)value : 0;
      break;
    case APP_PLAN_GRID_COLUMN_BUDGET:
      if (!phaen_parse_optional_number (clean, &has_value, &value, NULL))
        refusal = g_strdup_printf (_ ("“%s” is not a budget: type a number such as 14,760.00 "
                                      "(Thai digits work too), or “-” for none."),
                                   clean);
      else if (has_value && value < 0)
        refusal = g_strdup (_ ("A budget cannot be negative."));
      else if (has_value == a->has_budget && (!has_value || value == a->budget))
        return TRUE;
      else
        {
          a->has_budget = has_value;
          a->budget = has_value ? value : 0;
        }
      break;
    case APP_PLAN_GRID_COLUMN_NUMBER:
      refusal = g_strdup (_ ("The number follows the activity’s place: indent, outdent or move "
                             "the activity to change it."));
      break;
    default:
      refusal = g_strdup (_ ("Months are painted, not typed: click or drag across them, or "
                             "press Space."));
      break;
    }

  if (refusal)
    {
      if (!quiet)
        emit_message (self, refusal);
      g_set_error_literal (error, PHAEN_ERROR, PHAEN_ERROR_INVALID, refusal);
      return FALSE;
    }
  return phaen_store_update_activity (self->store, a, error);
}

/* ------------------------------------------------------------------ painting */

static PhaenMark
mark_for_state (AppPlanGrid *self, GdkModifierType state)
{
  if (state & GDK_CONTROL_MASK)
    return PHAEN_MARK_START;
  if (state & GDK_SHIFT_MASK)
    return PHAEN_MARK_OUTPUT;
  if (state & GDK_ALT_MASK)
    return PHAEN_MARK_ACHIEVED;
  return self->tool;
}

/* Sets or clears @mark over a block of cells as one undo step. */
static gboolean
paint_block (AppPlanGrid *self,
             guint row0,
             guint row1,
             guint month0,
             guint month1,
             PhaenMark mark,
             gboolean erase,
             GError **error)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GByteArray) old = g_byte_array_new ();
  guint first_row = MIN (row0, row1), last_row = MAX (row0, row1);
  guint first_month = MIN (month0, month1), last_month = MAX (month0, month1);

  /* Copy what is needed first: the store reloads the grid when the step is committed. */
  for (guint r = first_row; r <= last_row; r++)
    {
      const PhaenActivity *a = activity_at (self, r);

      g_array_append_val (ids, a->id);
      g_byte_array_append (old, a->marks + first_month, last_month - first_month + 1);
    }
  if (!phaen_store_begin (self->store, _ ("Paint months"), error))
    return FALSE;
  for (guint r = 0; r < ids->len; r++)
    for (guint m = first_month; m <= last_month; m++)
      {
        guint before = old->data[r * (last_month - first_month + 1) + (m - first_month)];
        guint after = erase ? before & ~mark : before | mark;

        if (after != before && !phaen_store_set_month_marks (
                                 self->store, g_array_index (ids, gint64, r), (int)m, after, error))
          {
            phaen_store_rollback (self->store);
            return FALSE;
          }
      }
  return phaen_store_commit (self->store, error);
}

static void
toggle_cursor_month (AppPlanGrid *self)
{
  g_autoptr (GError) error = NULL;
  const PhaenActivity *a = activity_at (self, self->cursor_row);
  int month = app_grid_column_to_month (self->cursor_column);

  if (a == NULL || month < 0)
    return;
  if (!paint_block (self, self->cursor_row, self->cursor_row, (guint)month, (guint)month,
                    self->tool, (a->marks[month] & self->tool) != 0, &error))
    report_error (self, error);
}

static void
clear_cursor_cell (AppPlanGrid *self)
{
  g_autoptr (GError) error = NULL;
  const PhaenActivity *a = activity_at (self, self->cursor_row);
  int month = app_grid_column_to_month (self->cursor_column);

  if (a == NULL)
    return;
  if (month >= 0)
    {
      if (a->marks[month] && !phaen_store_set_month_marks (self->store, a->id, month, 0, &error))
        report_error (self, error);
    }
  else if (column_is_editable (self->cursor_column) &&
           !commit_text (self, self->cursor_row, self->cursor_column, "", FALSE, &error) &&
           !g_error_matches (error, PHAEN_ERROR, PHAEN_ERROR_INVALID))
    report_error (self, error);
}

/* ------------------------------------------------------------------ store */

static void
reload (AppPlanGrid *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenPlan) plan = NULL;
  g_autoptr (GPtrArray) activities = NULL;
  guint old_months = plan_months (self);
  int row;

  if (self->store)
    {
      plan = phaen_store_get_plan (self->store, self->plan_id, &error);
      if (plan)
        activities = phaen_store_list_activities (self->store, self->plan_id, &error);
      if (activities == NULL)
        report_error (self, error);
    }
  g_clear_pointer (&self->plan, phaen_plan_free);
  self->plan = activities ? g_steal_pointer (&plan) : NULL;
  g_clear_pointer (&self->activities, g_ptr_array_unref);
  self->activities = activities
                       ? g_steal_pointer (&activities)
                       : g_ptr_array_new_with_free_func ((GDestroyNotify)phaen_activity_free);
  phaen_plan_totals_compute (self->activities, &self->totals);

  if (plan_months (self) != old_months)
    self->metrics_valid = FALSE;
  if (self->metrics_valid)
    {
      rebuild_header (self);
      rebuild_rows (self, TRUE);
    }
  else
    ensure_metrics (self);

  if (self->editor)
    {
      row = row_of_activity (self, self->edit_id);
      if (row < 0)
        close_editor (self);
      else
        self->edit_row = (guint)row;
    }
  row = row_of_activity (self, self->cursor_id);
  move_cursor_to (self, row >= 0 ? (guint)row : self->cursor_row, self->cursor_column);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
store_changed_cb (AppPlanGrid *self, PhaenChanges *changes)
{
  if (phaen_changes_touches (changes, PHAEN_RECORDS_ACTIVITIES))
    reload (self);
}

/* ------------------------------------------------------------------ actions */

static gboolean
prepare_structure_edit (AppPlanGrid *self)
{
  return self->store != NULL && commit_edit (self);
}

static void
add_activity_action (GtkWidget *widget, const char *name, GVariant *param)
{
  AppPlanGrid *self = APP_PLAN_GRID (widget);
  g_autoptr (GError) error = NULL;
  const PhaenActivity *a;
  gint64 id;
  int row;

  if (!prepare_structure_edit (self))
    return;
  a = activity_at (self, self->cursor_row);
  id = phaen_store_add_activity (self->store, self->plan_id, a ? a->parent_id : 0,
                                 a ? a->position + 1 : -1, "", &error);
  if (id == 0)
    {
      report_error (self, error);
      return;
    }
  row = row_of_activity (self, id);
  if (row < 0)
    return;
  move_cursor_to (self, (guint)row, APP_PLAN_GRID_COLUMN_NAME);
  if (gtk_widget_get_mapped (widget))
    begin_edit (self, NULL);
}

/* F2 or Enter: edit a text cell, toggle the tool's mark in a month cell. */
static void
edit_action (GtkWidget *widget, const char *name, GVariant *param)
{
  AppPlanGrid *self = APP_PLAN_GRID (widget);

  if (self->editor)
    return;
  if (app_grid_column_to_month (self->cursor_column) >= 0)
    toggle_cursor_month (self);
  else
    begin_edit (self, NULL);
}

static void
delete_activity_action (GtkWidget *widget, const char *name, GVariant *param)
{
  AppPlanGrid *self = APP_PLAN_GRID (widget);
  g_autoptr (GError) error = NULL;
  g_autofree char *what = NULL;
  const PhaenActivity *a;

  if (!prepare_structure_edit (self) || (a = activity_at (self, self->cursor_row)) == NULL)
    return;
  what = g_strdup_printf (_ ("Deleted activity %s “%s”."), a->number, a->name ? a->name : "");
  if (phaen_store_delete_activity (self->store, a->id, &error))
    emit_message (self, what);
  else
    report_error (self, error);
}

static void
move_activity_action (GtkWidget *widget, const char *name, GVariant *param)
{
  AppPlanGrid *self = APP_PLAN_GRID (widget);
  g_autoptr (GError) error = NULL;
  const PhaenActivity *a;
  gboolean ok;

  if (!prepare_structure_edit (self) || (a = activity_at (self, self->cursor_row)) == NULL)
    return;
  if (g_str_equal (name, "grid.move-up"))
    ok = a->position > 0 &&
         phaen_store_move_activity (self->store, a->id, a->parent_id, a->position - 1, &error);
  else if (g_str_equal (name, "grid.move-down"))
    ok = phaen_store_move_activity (self->store, a->id, a->parent_id, a->position + 1, &error);
  else if (g_str_equal (name, "grid.indent"))
    ok = phaen_store_indent_activity (self->store, a->id, &error);
  else
    ok = phaen_store_outdent_activity (self->store, a->id, &error);
  if (!ok)
    report_error (self, error);
}

/* ------------------------------------------------------------------ input */

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint keyval,
                guint keycode,
                GdkModifierType state,
                AppPlanGrid *self)
{
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();
  guint page_rows;

  if (self->editor)
    return FALSE;
  if (keyval == GDK_KEY_Escape && self->painting)
    {
      self->painting = FALSE;
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return TRUE;
    }
  if (n_rows (self) == 0)
    return FALSE;

  if (keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab || keyval == GDK_KEY_ISO_Left_Tab)
    {
      gboolean back = (mods & GDK_SHIFT_MASK) || keyval == GDK_KEY_ISO_Left_Tab;

      if (mods & ~GDK_SHIFT_MASK)
        return FALSE;
      if (self->cursor_column == APP_PLAN_GRID_COLUMN_NUMBER)
        gtk_widget_activate_action (GTK_WIDGET (self), back ? "grid.outdent" : "grid.indent", NULL);
      else if (!back && self->cursor_column == APP_PLAN_GRID_COLUMN_OUTPUT)
        move_cursor_to (self, self->cursor_row + 1, APP_PLAN_GRID_COLUMN_NAME);
      else
        move_cursor_by (self, 0, back ? -1 : 1);
      return TRUE;
    }
  if (keyval == GDK_KEY_Home || keyval == GDK_KEY_End)
    {
      gboolean home = keyval == GDK_KEY_Home;

      if (mods == GDK_CONTROL_MASK)
        move_cursor_to (self, home ? 0 : n_rows (self) - 1, self->cursor_column);
      else if (mods == 0)
        move_cursor_to (self, self->cursor_row,
                        home ? APP_PLAN_GRID_COLUMN_NUMBER : APP_PLAN_GRID_COLUMN_OUTPUT);
      else
        return FALSE;
      return TRUE;
    }
  if (mods != 0)
    return FALSE;

  page_rows = (guint)MAX (1, gtk_adjustment_get_page_size (self->scroll.vadjustment) /
                               (self->line_height + 2 * PAD_Y));
  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      move_cursor_by (self, -1, 0);
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      move_cursor_by (self, 1, 0);
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      move_cursor_by (self, 0, -1);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      move_cursor_by (self, 0, 1);
      return TRUE;
    case GDK_KEY_Page_Up:
      move_cursor_by (self, -(int)page_rows, 0);
      return TRUE;
    case GDK_KEY_Page_Down:
      move_cursor_by (self, (int)page_rows, 0);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      gtk_widget_activate_action (GTK_WIDGET (self), "grid.edit", NULL);
      return TRUE;
    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
      clear_cursor_cell (self);
      return TRUE;
    case GDK_KEY_BackSpace:
      begin_edit (self, "");
      return TRUE;
    default:
      return FALSE;
    }
}

/* Typing a character starts an edit with it; the IM context makes that work for Thai layouts
 * and input methods alike. */
static void
im_commit_cb (GtkIMContext *im, const char *text, AppPlanGrid *self)
{
  if (self->editor || n_rows (self) == 0 || text == NULL || *text == '\0')
    return;
  if (app_grid_column_to_month (self->cursor_column) >= 0)
    {
      if (g_str_equal (text, " "))
        toggle_cursor_month (self);
      return;
    }
  if (self->cursor_column == APP_PLAN_GRID_COLUMN_NUMBER)
    move_cursor_to (self, self->cursor_row, APP_PLAN_GRID_COLUMN_NAME);
  begin_edit (self, text);
}

static void
focus_notify_cb (GtkEventControllerFocus *focus, GParamSpec *pspec, AppPlanGrid *self)
{
  if (gtk_event_controller_focus_is_focus (focus))
    gtk_im_context_focus_in (self->im);
  else
    gtk_im_context_focus_out (self->im);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
point_in_editor (AppPlanGrid *self, double x, double y)
{
  graphene_rect_t bounds;

  return self->editor && gtk_widget_compute_bounds (self->editor, GTK_WIDGET (self), &bounds) &&
         graphene_rect_contains_point (&bounds, &GRAPHENE_POINT_INIT ((float)x, (float)y));
}

static void
drag_begin_cb (GtkGestureDrag *gesture, double x, double y, AppPlanGrid *self)
{
  AppGridView view = current_view (self);
  AppGridHit hit = app_grid_hit_test (&self->columns, self->rows, &view, x, y);
  int month;

  /* A press in the cell being edited belongs to the editor (the editor may not be allocated
   * yet when a double click just opened it). */
  if (point_in_editor (self, x, y) ||
      (self->editor && hit.area == APP_GRID_AREA_BODY && (guint)hit.row == self->edit_row &&
       (guint)hit.column == self->edit_column))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  if (!commit_edit (self))
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (hit.area != APP_GRID_AREA_BODY || hit.column < 0)
    return;
  move_cursor_to (self, (guint)hit.row, (guint)hit.column);
  month = app_grid_column_to_month ((guint)hit.column);
  if (month < 0)
    return;

  self->painting = TRUE;
  self->drag_x = x;
  self->drag_y = y;
  self->paint_row0 = self->paint_row1 = (guint)hit.row;
  self->paint_month0 = self->paint_month1 = (guint)month;
  self->paint_mark = mark_for_state (
    self, gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture)));
  self->paint_erase = (activity_at (self, (guint)hit.row)->marks[month] & self->paint_mark) != 0;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
drag_update_cb (GtkGestureDrag *gesture, double dx, double dy, AppPlanGrid *self)
{
  AppGridView view = current_view (self);
  double y = self->drag_y + dy - view.header_height + view.scroll_y;
  int row;

  if (!self->painting)
    return;
  row = app_grid_rows_at (self->rows, CLAMP (y, 0, app_grid_rows_get_total (self->rows) - 1));
  self->paint_row1 = row >= 0 ? (guint)row : self->paint_row0;
  self->paint_month1 = app_grid_month_at_x (&self->columns, &view, self->drag_x + dx);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
drag_end_cb (GtkGestureDrag *gesture, double dx, double dy, AppPlanGrid *self)
{
  g_autoptr (GError) error = NULL;

  if (!self->painting)
    return;
  self->painting = FALSE;
  if (self->paint_row0 < n_rows (self) && self->paint_row1 < n_rows (self) &&
      !paint_block (self, self->paint_row0, self->paint_row1, self->paint_month0,
                    self->paint_month1, self->paint_mark, self->paint_erase, &error))
    report_error (self, error);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
drag_cancel_cb (AppPlanGrid *self)
{
  self->painting = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
click_pressed_cb (GtkGestureClick *gesture, int n_press, double x, double y, AppPlanGrid *self)
{
  AppGridView view = current_view (self);
  AppGridHit hit = app_grid_hit_test (&self->columns, self->rows, &view, x, y);

  if (n_press == 2 && hit.area == APP_GRID_AREA_BODY && hit.column >= 0 &&
      column_is_editable ((guint)hit.column) && !point_in_editor (self, x, y))
    {
      move_cursor_to (self, (guint)hit.row, (guint)hit.column);
      begin_edit (self, NULL);
    }
}

/* The scroll helper queues the draw; an open editor moves with its cell. */
static void
adjustment_value_changed_cb (AppPlanGrid *self)
{
  if (self->editor && !self->in_allocate)
    gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static char *
month_tooltip (AppPlanGrid *self, guint month)
{
  GDateMonth calendar = phaen_fiscal_month_calendar_month ((int)month);
  int year = phaen_fiscal_month_calendar_year (plan_year (self), (int)month);

  if (phaen_fiscal_month_is_next_year ((int)month))
    return g_strdup_printf (_ ("%s %d (next fiscal year)"), phaen_month_full_label (calendar),
                            year);
  return g_strdup_printf ("%s %d", phaen_month_full_label (calendar), year);
}

static gboolean
query_tooltip_cb (AppPlanGrid *self, int x, int y, gboolean keyboard, GtkTooltip *tooltip)
{
  AppGridView view = current_view (self);
  AppGridHit hit;
  g_autofree char *text = NULL;
  int month;

  if (keyboard)
    {
      hit.area = APP_GRID_AREA_BODY;
      hit.row = (int)self->cursor_row;
      hit.column = (int)self->cursor_column;
      if (self->cursor_row >= n_rows (self))
        return FALSE;
    }
  else
    hit = app_grid_hit_test (&self->columns, self->rows, &view, x, y);
  if (hit.column < 0)
    return FALSE;
  month = app_grid_column_to_month ((guint)hit.column);

  if (hit.area == APP_GRID_AREA_HEADER)
    {
      if (month < 0)
        text = g_strdup (app_plan_grid_get_help_text ());
      else if (y >= 2 * self->header_row_height)
        {
          g_autofree char *when = month_tooltip (self, (guint)month);

          text = g_strdup_printf ("%s\n\n%s", when,
                                  _ ("Drag to paint; Ctrl ● start, Shift ○ output, Alt achieved"));
        }
      else if (y >= self->header_row_height)
        for (guint i = 0; i < self->year_spans->len; i++)
          {
            const HeaderSpan *span = &g_array_index (self->year_spans, HeaderSpan, i);

            if ((guint)month >= span->first && (guint)month < span->end)
              text = g_strdup (span->tooltip);
          }
    }
  else if (hit.area == APP_GRID_AREA_BODY && month >= 0)
    {
      guint marks;
      g_autofree char *when = NULL;
      GString *s;

      /* Under the pointer, a month cell's tooltip would sit on the rows painted next; in GTK 4.8
       * on X11 a drag begun on it leaves the pointer with a destroyed widget and the app crashes
       * on the next click. The month header says the same; Ctrl+F1 still shows it here. */
      if (!keyboard)
        return FALSE;
      marks = activity_at (self, (guint)hit.row)->marks[month];
      when = month_tooltip (self, (guint)month);
      s = g_string_new (when);

      if (marks & PHAEN_MARK_PLANNED)
        g_string_append_printf (s, "\n%s", _ ("Planned"));
      if (marks & PHAEN_MARK_START)
        g_string_append_printf (s, "\n● %s", _ ("Start"));
      if (marks & PHAEN_MARK_OUTPUT)
        g_string_append_printf (s, "\n○ %s", _ ("Planned output"));
      if (marks & PHAEN_MARK_ACHIEVED)
        g_string_append_printf (s, "\n● %s", _ ("Output achieved"));
      g_string_append_printf (s, "\n\n%s",
                              _ ("Drag to paint; Ctrl ● start, Shift ○ output, Alt achieved"));
      text = g_string_free (s, FALSE);
    }
  else if (hit.area == APP_GRID_AREA_BODY)
    {
      int t = text_of_column ((guint)hit.column);
      PangoLayout *layout = t >= 0 ? row_layout (self, (guint)hit.row, (guint)t) : NULL;

      if (layout && pango_layout_is_ellipsized (layout))
        text = g_strdup (pango_layout_get_text (layout));
    }
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
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
  p->dim = with_alpha (&p->fg, 0.55f);
  p->line = with_alpha (&p->fg, 0.12f);
  p->strong_line = with_alpha (&p->fg, 0.3f);
  p->header_bg = with_alpha (&p->fg, 0.06f);
  p->zebra = with_alpha (&p->fg, 0.025f);
  p->next_year = with_alpha (&p->fg, 0.05f);
  p->planned = with_alpha (&p->accent, 0.4f);
  p->cursor_row = with_alpha (&p->accent, 0.08f);
  p->erase = with_alpha (&p->fg, 0.15f);
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
  double cy = y + PAD_Y + self->line_height / 2;
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
          if (t < 0 || rc->text[t][0] == '\0')
            continue;
          draw_layout (snapshot, row_layout (self, row, (guint)t),
                       t == TEXT_NUMBER || (t == TEXT_BUDGET && !a->has_budget) ? &p->dim : &p->fg,
                       x + PAD_X + (t == TEXT_NAME ? name_indent (self, rc->depth) : 0), y + PAD_Y);
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

  if (room <= 0)
    return;
  pango_layout_set_ellipsize (span->layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_width (span->layout, span->natural_width > room ? (int)room * PANGO_SCALE : -1);
  pango_layout_get_pixel_size (span->layout, &width, NULL);
  draw_layout (snapshot, span->layout, color, vx0 + (vx1 - vx0 - width) / 2, y);
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

          draw_span_label (snapshot, &self->group, &p->fg, month_x0, x1, left, right, PAD_Y);
          fill (snapshot, &p->line, month_x0, rh - 1, x1 - month_x0, 1);
          for (guint i = 0; i < self->year_spans->len; i++)
            {
              HeaderSpan *span = &g_array_index (self->year_spans, HeaderSpan, i);
              double sx0 = month_x0 + span->first * month_w;
              double sx1 = month_x0 + span->end * month_w;

              draw_span_label (snapshot, span, &p->fg, sx0, sx1, left, right, rh + PAD_Y);
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
          draw_layout (snapshot, self->footer[c], &p->fg, x + PAD_X, footer_y + PAD_Y);
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

static void
app_plan_grid_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  AppPlanGrid *self = APP_PLAN_GRID (widget);
  AppGridView view = current_view (self);
  double footer_y = app_grid_view_footer_y (&view, self->rows);
  gboolean focused = gtk_widget_has_focus (widget) || self->editor != NULL;
  Palette p;
  guint first, end;

  ensure_metrics (self);
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

/* ------------------------------------------------------------------ size */

static void
app_plan_grid_measure (GtkWidget *widget,
                       GtkOrientation orientation,
                       int for_size,
                       int *minimum,
                       int *natural,
                       int *minimum_baseline,
                       int *natural_baseline)
{
  AppPlanGrid *self = APP_PLAN_GRID (widget);

  ensure_metrics (self);
  /* The minimum stays small: a GtkScrolledWindow scrolls the rest. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 0;
      *natural = (int)ceil (self->columns.total_width);
    }
  else
    {
      *minimum = 0;
      *natural = (int)ceil (HEADER_ROWS * self->header_row_height +
                            app_grid_rows_get_total (self->rows) + self->footer_height);
    }
}

static void
app_plan_grid_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  AppPlanGrid *self = APP_PLAN_GRID (widget);
  AppGridView view;
  double body, hpage;

  ensure_metrics (self);
  self->in_allocate = TRUE;
  view = current_view (self);
  body = app_grid_view_body_height (&view);
  hpage = MAX (width - self->columns.frozen_width, 0);
  app_scrollable_configure (self->scroll.vadjustment, app_grid_rows_get_total (self->rows), body,
                            self->line_height + 2 * PAD_Y);
  app_scrollable_configure (self->scroll.hadjustment,
                            app_grid_columns_scroll_width (&self->columns), hpage,
                            self->columns.width[APP_PLAN_GRID_COLUMN_FIRST_MONTH]);
  if (self->scroll_pending)
    scroll_to_cursor_now (self);
  self->in_allocate = FALSE;

  if (self->editor && self->edit_row < n_rows (self))
    {
      AppGridRect r;
      int min_width, min_height;

      view = current_view (self);
      r = app_grid_cell_rect (&self->columns, self->rows, &view, self->edit_row, self->edit_column);
      gtk_widget_measure (self->editor, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL,
                          NULL);
      gtk_widget_measure (self->editor, GTK_ORIENTATION_VERTICAL, -1, &min_height, NULL, NULL,
                          NULL);
      if (self->edit_column == APP_PLAN_GRID_COLUMN_NAME)
        {
          double indent = name_indent (self, row_cache_at (self, self->edit_row)->depth);

          r.x += indent;
          r.width -= indent;
        }
      gtk_widget_size_allocate (
        self->editor,
        &(GtkAllocation){ (int)(r.x + PAD_X), (int)r.y, MAX ((int)(r.width - 2 * PAD_X), min_width),
                          MAX ((int)MIN (r.height, self->line_height + 2 * PAD_Y), min_height) },
        -1);
    }
}

static void
app_plan_grid_css_changed (GtkWidget *widget, GtkCssStyleChange *change)
{
  AppPlanGrid *self = APP_PLAN_GRID (widget);
  const PangoFontDescription *font;

  GTK_WIDGET_CLASS (app_plan_grid_parent_class)->css_changed (widget, change);

  /* Only a new font moves anything; colours are read at every frame. */
  font = pango_context_get_font_description (gtk_widget_get_pango_context (widget));
  if (self->font && !pango_font_description_equal (font, self->font))
    {
      self->metrics_valid = FALSE;
      ensure_metrics (self);
      gtk_widget_queue_resize (widget);
    }
}

static void
app_plan_grid_realize (GtkWidget *widget)
{
  AppPlanGrid *self = APP_PLAN_GRID (widget);

  GTK_WIDGET_CLASS (app_plan_grid_parent_class)->realize (widget);
  gtk_im_context_set_client_widget (self->im, widget);
}

static void
app_plan_grid_unrealize (GtkWidget *widget)
{
  AppPlanGrid *self = APP_PLAN_GRID (widget);

  gtk_im_context_set_client_widget (self->im, NULL);
  GTK_WIDGET_CLASS (app_plan_grid_parent_class)->unrealize (widget);
}

/* ------------------------------------------------------------------ scrollable */

static gboolean
app_plan_grid_get_border (GtkScrollable *scrollable, GtkBorder *border)
{
  AppPlanGrid *self = APP_PLAN_GRID (scrollable);

  ensure_metrics (self);
  border->top = (gint16)(HEADER_ROWS * self->header_row_height);
  border->bottom = (gint16)self->footer_height;
  border->left = (gint16)self->columns.frozen_width;
  return TRUE;
}

static void
app_plan_grid_scrollable_init (GtkScrollableInterface *iface)
{
  iface->get_border = app_plan_grid_get_border;
}

/* ------------------------------------------------------------------ GObject */

static void
app_plan_grid_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  AppPlanGrid *self = APP_PLAN_GRID (object);

  if (app_scrollable_get_property (&self->scroll, prop_id, PROP_SCROLLABLE, value))
    return;
  switch (prop_id)
    {
    case PROP_TOOL:
      g_value_set_string (value, tool_name (self->tool));
      break;
    case PROP_CURSOR_ACTIVITY:
      g_value_set_int64 (value, self->cursor_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
app_plan_grid_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  AppPlanGrid *self = APP_PLAN_GRID (object);

  if (app_scrollable_set_property (&self->scroll, prop_id, PROP_SCROLLABLE, value, pspec))
    return;
  switch (prop_id)
    {
    case PROP_TOOL:
      for (guint i = 0; i < G_N_ELEMENTS (tools); i++)
        if (g_strcmp0 (g_value_get_string (value), tools[i].name) == 0 &&
            self->tool != tools[i].mark)
          {
            self->tool = tools[i].mark;
            g_object_notify_by_pspec (object, pspec);
          }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
app_plan_grid_dispose (GObject *object)
{
  AppPlanGrid *self = APP_PLAN_GRID (object);

  self->edit_closing = TRUE;
  g_clear_pointer (&self->editor, gtk_widget_unparent);
  g_clear_pointer (&self->edit_autosave, app_autosave_free);
  g_clear_pointer (&self->edit_original, g_free);
  if (self->store)
    g_signal_handlers_disconnect_by_func (self->store, store_changed_cb, self);
  g_clear_object (&self->store);
  app_scrollable_clear (&self->scroll);
  g_clear_object (&self->im);

  G_OBJECT_CLASS (app_plan_grid_parent_class)->dispose (object);
}

static void
app_plan_grid_finalize (GObject *object)
{
  AppPlanGrid *self = APP_PLAN_GRID (object);

  g_clear_pointer (&self->plan, phaen_plan_free);
  g_clear_pointer (&self->activities, g_ptr_array_unref);
  g_clear_pointer (&self->row_cache, g_array_unref);
  g_clear_pointer (&self->rows, app_grid_rows_free);
  g_clear_pointer (&self->font, pango_font_description_free);
  g_clear_object (&self->measure);
  for (guint c = 0; c < APP_PLAN_GRID_N_COLUMNS; c++)
    {
      g_clear_object (&self->title[c]);
      g_clear_object (&self->footer[c]);
    }
  header_span_clear (&self->group);
  g_clear_pointer (&self->year_spans, g_array_unref);

  G_OBJECT_CLASS (app_plan_grid_parent_class)->finalize (object);
}

static void
app_plan_grid_class_init (AppPlanGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = app_plan_grid_get_property;
  object_class->set_property = app_plan_grid_set_property;
  object_class->dispose = app_plan_grid_dispose;
  object_class->finalize = app_plan_grid_finalize;

  widget_class->measure = app_plan_grid_measure;
  widget_class->size_allocate = app_plan_grid_size_allocate;
  widget_class->snapshot = app_plan_grid_snapshot;
  widget_class->css_changed = app_plan_grid_css_changed;
  widget_class->realize = app_plan_grid_realize;
  widget_class->unrealize = app_plan_grid_unrealize;

  properties[PROP_TOOL] =
    g_param_spec_string ("tool", NULL, NULL, "planned",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURSOR_ACTIVITY] =
    g_param_spec_int64 ("cursor-activity", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  app_scrollable_override_properties (object_class, PROP_SCROLLABLE);

  /**
   * AppPlanGrid::message:
   * @text: what to tell the user
   *
   * Refused input or a finished structural edit, for the page to show as a toast.
   */
  signals[MESSAGE] = g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                   NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_install_property_action (widget_class, "grid.tool", "tool");
  gtk_widget_class_install_action (widget_class, "grid.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "grid.add-activity", NULL, add_activity_action);
  gtk_widget_class_install_action (widget_class, "grid.delete-activity", NULL,
                                   delete_activity_action);
  gtk_widget_class_install_action (widget_class, "grid.move-up", NULL, move_activity_action);
  gtk_widget_class_install_action (widget_class, "grid.move-down", NULL, move_activity_action);
  gtk_widget_class_install_action (widget_class, "grid.indent", NULL, move_activity_action);
  gtk_widget_class_install_action (widget_class, "grid.outdent", NULL, move_activity_action);

  /* The keys are rows of the shortcuts table (app-shortcuts.c), which lists them too. */
  app_shortcuts_add_bindings (widget_class);

  gtk_widget_class_set_css_name (widget_class, "plangrid");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
app_plan_grid_init (AppPlanGrid *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkEventController *key;
  GtkEventController *focus;
  GtkGesture *drag;
  GtkGesture *click;

  self->tool = PHAEN_MARK_PLANNED;
  self->edit_autosave = app_autosave_new (editor_autosave_cb, self);
  self->rows = app_grid_rows_new ();
  self->activities = g_ptr_array_new_with_free_func ((GDestroyNotify)phaen_activity_free);
  self->row_cache = g_array_new (FALSE, TRUE, sizeof (RowCache));
  g_array_set_clear_func (self->row_cache, (GDestroyNotify)row_cache_clear);
  self->year_spans = g_array_new (FALSE, TRUE, sizeof (HeaderSpan));
  g_array_set_clear_func (self->year_spans, (GDestroyNotify)header_span_clear);
  app_scrollable_init (&self->scroll, widget, G_CALLBACK (adjustment_value_changed_cb));

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);
  gtk_widget_add_css_class (widget, "view");
  gtk_widget_set_has_tooltip (widget, TRUE);
  g_signal_connect (widget, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);

  self->im = gtk_im_multicontext_new ();
  g_signal_connect_object (self->im, "commit", G_CALLBACK (im_commit_cb), self, 0);
  key = gtk_event_controller_key_new ();
  gtk_event_controller_key_set_im_context (GTK_EVENT_CONTROLLER_KEY (key), self->im);
  g_signal_connect_object (key, "key-pressed", G_CALLBACK (key_pressed_cb), self, 0);
  gtk_widget_add_controller (widget, key);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "notify::is-focus", G_CALLBACK (focus_notify_cb), self, 0);
  gtk_widget_add_controller (widget, focus);

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self, 0);
  g_signal_connect_object (drag, "drag-update", G_CALLBACK (drag_update_cb), self, 0);
  g_signal_connect_object (drag, "drag-end", G_CALLBACK (drag_end_cb), self, 0);
  g_signal_connect_object (drag, "cancel", G_CALLBACK (drag_cancel_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drag));

  click = gtk_gesture_click_new ();
  g_signal_connect_object (click, "pressed", G_CALLBACK (click_pressed_cb), self, 0);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));

  update_actions (self);
  app_plan_grid_a11y_init (self);
}

/* ------------------------------------------------------------------ public API */

GtkWidget *
app_plan_grid_new (void)
{
  return g_object_new (APP_TYPE_PLAN_GRID, NULL);
}

void
app_plan_grid_set_plan (AppPlanGrid *self, PhaenStore *store, gint64 plan_id)
{
  g_return_if_fail (APP_IS_PLAN_GRID (self));
  g_return_if_fail (store == NULL || PHAEN_IS_STORE (store));

  close_editor (self);
  self->painting = FALSE;
  if (self->store != store)
    {
      if (self->store)
        g_signal_handlers_disconnect_by_func (self->store, store_changed_cb, self);
      g_set_object (&self->store, store);
      if (store)
        g_signal_connect_object (store, "records-changed", G_CALLBACK (store_changed_cb), self,
                                 G_CONNECT_SWAPPED);
    }
  self->plan_id = store ? plan_id : 0;
  self->cursor_id = 0;
  self->cursor_row = 0;
  self->cursor_column = APP_PLAN_GRID_COLUMN_NAME;
  gtk_adjustment_set_value (self->scroll.vadjustment, 0);
  gtk_adjustment_set_value (self->scroll.hadjustment, 0);
  self->metrics_valid = FALSE;
  reload (self);
}

gint64
app_plan_grid_get_cursor_activity (AppPlanGrid *self)
{
  g_return_val_if_fail (APP_IS_PLAN_GRID (self), 0);
  return self->cursor_id;
}

guint
app_plan_grid_get_n_rows (AppPlanGrid *self)
{
  g_return_val_if_fail (APP_IS_PLAN_GRID (self), 0);
  return n_rows (self);
}

void
app_plan_grid_set_cursor (AppPlanGrid *self, guint row, guint column)
{
  g_return_if_fail (APP_IS_PLAN_GRID (self));
  g_return_if_fail (row < n_rows (self));
  g_return_if_fail (app_grid_column_is_present (&self->columns, column));

  if (commit_edit (self))
    move_cursor_to (self, row, column);
}

gboolean
app_plan_grid_commit_text (
  AppPlanGrid *self, guint row, guint column, const char *text, GError **error)
{
  g_return_val_if_fail (APP_IS_PLAN_GRID (self), FALSE);
  g_return_val_if_fail (row < n_rows (self), FALSE);
  g_return_val_if_fail (column < APP_PLAN_GRID_N_COLUMNS, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (!commit_text (self, row, column, text, FALSE, error))
    return FALSE;
  if (self->editor && self->edit_row == row && self->edit_column == column)
    close_editor (self);
  return TRUE;
}

gboolean
app_plan_grid_paint (
  AppPlanGrid *self, guint row, guint first_month, guint last_month, GError **error)
{
  const PhaenActivity *a;

  g_return_val_if_fail (APP_IS_PLAN_GRID (self), FALSE);
  g_return_val_if_fail (row < n_rows (self), FALSE);
  g_return_val_if_fail (first_month < self->columns.n_months, FALSE);
  g_return_val_if_fail (last_month < self->columns.n_months, FALSE);

  a = activity_at (self, row);
  return paint_block (self, row, row, first_month, last_month, self->tool,
                      (a->marks[first_month] & self->tool) != 0, error);
}

/**
 * app_plan_grid_get_cell_text:
 *
 * Returns: (transfer full): the cell's text; month cells give their marks as `■●○✔`
 */
char *
app_plan_grid_get_cell_text (AppPlanGrid *self, guint row, guint column)
{
  const PhaenActivity *a;
  int month = app_grid_column_to_month (column);
  int text = text_of_column (column);

  g_return_val_if_fail (APP_IS_PLAN_GRID (self), NULL);
  g_return_val_if_fail (row < n_rows (self), NULL);
  g_return_val_if_fail (column < APP_PLAN_GRID_N_COLUMNS, NULL);

  a = activity_at (self, row);
  if (month >= 0)
    return marks_text (a->marks[month]);
  return cell_text (a, (guint)text);
}

/**
 * app_plan_grid_get_column_title:
 *
 * Returns: (transfer full): the column's heading, in the interface language
 */
char *
app_plan_grid_get_column_title (AppPlanGrid *self, guint column)
{
  int month = app_grid_column_to_month (column);

  g_return_val_if_fail (APP_IS_PLAN_GRID (self), NULL);
  g_return_val_if_fail (column < APP_PLAN_GRID_N_COLUMNS, NULL);

  if (month >= 0)
    return phaen_fiscal_month_label (plan_year (self), month);
  switch (column)
    {
    case APP_PLAN_GRID_COLUMN_NUMBER:
      return g_strdup (C_ ("plan grid", "No."));
    case APP_PLAN_GRID_COLUMN_NAME:
      return g_strdup (self->plan && self->plan->kind == PHAEN_PLAN_EFFICIENCY
                         ? C_ ("plan grid", "Item")
                         : C_ ("plan grid", "Activity"));
    case APP_PLAN_GRID_COLUMN_CATEGORY:
      return g_strdup (C_ ("plan grid", "Category"));
    case APP_PLAN_GRID_COLUMN_OWNER:
      return g_strdup (C_ ("plan grid", "Owner"));
    case APP_PLAN_GRID_COLUMN_BUDGET:
      return g_strdup (C_ ("plan grid", "Budget (baht)"));
    case APP_PLAN_GRID_COLUMN_OUTPUT:
    default:
      return g_strdup (C_ ("plan grid", "Output"));
    }
}

void
app_plan_grid_get_cursor (AppPlanGrid *self, guint *row, guint *column)
{
  g_return_if_fail (APP_IS_PLAN_GRID (self));

  if (row != NULL)
    *row = self->cursor_row;
  if (column != NULL)
    *column = self->cursor_column;
}

/**
 * app_plan_grid_get_footer_text:
 *
 * Returns: (transfer full): outputs per month (`-` for none), the total budget, the label
 */
char *
app_plan_grid_get_footer_text (AppPlanGrid *self, guint column)
{
  g_return_val_if_fail (APP_IS_PLAN_GRID (self), NULL);
  g_return_val_if_fail (column < APP_PLAN_GRID_N_COLUMNS, NULL);
  return footer_text (self, column);
}

const char *
app_plan_grid_get_help_text (void)
{
  return _ ("Type to edit a cell, or press F2 or Enter; Enter saves, Esc cancels, Tab and "
            "Shift+Tab move across.\n"
            "Months: click or drag to paint (dragging from a painted cell erases); Space toggles. "
            "Ctrl paints ● start, Shift ○ output, Alt an achieved output.\n"
            "Ctrl+Enter or Insert adds an activity below, Ctrl+Delete deletes it, Alt+↑/↓ moves "
            "it, Ctrl+] or Tab on its number indents it, Ctrl+[ or Shift+Tab there outdents it.");
}
