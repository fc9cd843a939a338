/* app-plan-grid.c — the plan's activity × month grid: rows, cursor, store, public API
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-plan-grid"

#include "config.h"

#include "app-plan-grid-a11y.h"
#include "app-plan-grid-private.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "phaen-calendar.h"
#include "phaen-error.h"
#include "phaen-thai-text.h"

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
  PROP_COMPACT,
  PROP_COLUMN_WIDTHS,
  N_PROPS,
  /* GtkScrollable's, from app_scrollable_override_properties() */
  PROP_SCROLLABLE = N_PROPS,
};

static GParamSpec *properties[N_PROPS];

enum
{
  MESSAGE,
  UNDOABLE_MESSAGE,
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

/* ------------------------------------------------------------------ helpers */

int
_app_plan_grid_row_of_activity (AppPlanGrid *self, gint64 id)
{
  for (guint i = 0; i < n_rows (self); i++)
    if (((const PhaenActivity *)g_ptr_array_index (self->activities, i))->id == id)
      return (int)i;
  return -1;
}

static const char *
tool_name (PhaenMark mark)
{
  for (guint i = 0; i < G_N_ELEMENTS (tools); i++)
    if (tools[i].mark == mark)
      return tools[i].name;
  return tools[0].name;
}

char *
_app_plan_grid_cell_text (const PhaenActivity *a, guint text)
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
char *
_app_plan_grid_edit_text (const PhaenActivity *a, guint column)
{
  if (column == APP_PLAN_GRID_COLUMN_BUDGET)
    return a->has_budget ? phaen_format_number (a->budget, 2, PHAEN_NUMBER_TRIM_ZEROS)
                         : g_strdup ("");
  return _app_plan_grid_cell_text (a, (guint)text_of_column (column));
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

char *
_app_plan_grid_footer_text (AppPlanGrid *self, guint column)
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

/* ------------------------------------------------------------------ remembered widths */

/* Names of the columns in the grid-column-widths setting; the months share "months". */
static const char *const width_names[APP_PLAN_GRID_COLUMN_FIRST_MONTH + 1] = {
  [APP_PLAN_GRID_COLUMN_NUMBER] = "number",     [APP_PLAN_GRID_COLUMN_NAME] = "name",
  [APP_PLAN_GRID_COLUMN_CATEGORY] = "category", [APP_PLAN_GRID_COLUMN_OWNER] = "owner",
  [APP_PLAN_GRID_COLUMN_BUDGET] = "budget",     [APP_PLAN_GRID_COLUMN_FIRST_MONTH] = "months",
};

static int
width_column (const char *name)
{
  if (g_strcmp0 (name, "output") == 0)
    return APP_PLAN_GRID_COLUMN_OUTPUT;
  for (guint c = 0; c < G_N_ELEMENTS (width_names); c++)
    if (g_strcmp0 (width_names[c], name) == 0)
      return (int)c;
  return -1;
}

static const char *
width_name (guint column)
{
  if (column == APP_PLAN_GRID_COLUMN_OUTPUT)
    return "output";
  return column < G_N_ELEMENTS (width_names) ? width_names[column] : NULL;
}

/**
 * app_plan_grid_get_column_widths:
 *
 * Returns: (transfer full): the widths the user set by dragging or with Alt+Shift+←/→, by
 *   column name ("a{sd}"); a fitted column (double click, Alt+Shift+↓) is not among them
 */
GVariant *
app_plan_grid_get_column_widths (AppPlanGrid *self)
{
  GVariantBuilder builder;

  g_return_val_if_fail (APP_IS_PLAN_GRID (self), NULL);

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{sd}"));
  for (guint c = 0; c < APP_PLAN_GRID_N_COLUMNS; c++)
    if (width_name (c) && self->width_override[c] > 0 && !self->width_fitted[c])
      g_variant_builder_add (&builder, "{sd}", width_name (c), self->width_override[c]);
  return g_variant_ref_sink (g_variant_builder_end (&builder));
}

/* Widths as the setting holds them; unknown names and widths out of range are skipped. */
void
app_plan_grid_set_column_widths (AppPlanGrid *self, GVariant *widths)
{
  GVariantIter iter;
  const char *name;
  double width;

  g_return_if_fail (APP_IS_PLAN_GRID (self));

  for (guint c = 0; c < APP_PLAN_GRID_N_COLUMNS; c++)
    if (!self->width_fitted[c])
      self->width_override[c] = 0;
  if (widths != NULL && g_variant_is_of_type (widths, G_VARIANT_TYPE ("a{sd}")))
    {
      g_variant_iter_init (&iter, widths);
      while (g_variant_iter_next (&iter, "{&sd}", &name, &width))
        {
          int c = width_column (name);

          if (c >= 0 && isfinite (width) && width > 0 && width <= 1200)
            {
              self->width_override[c] = round (width);
              self->width_fitted[c] = FALSE;
            }
        }
    }
  self->metrics_valid = FALSE;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
_app_plan_grid_widths_changed (AppPlanGrid *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLUMN_WIDTHS]);
}

const char *
app_plan_grid_level_name (int level)
{
  switch (level)
    {
    case PHAEN_ACTIVITY_LEVEL_STRATEGY:
      return _ ("Strategy");
    case PHAEN_ACTIVITY_LEVEL_GOAL:
      return _ ("Goal");
    case PHAEN_ACTIVITY_LEVEL_PROJECT:
      return _ ("Project");
    default:
      return _ ("Activity");
    }
}

void
_app_plan_grid_emit_message (AppPlanGrid *self, const char *text)
{
  g_signal_emit (self, signals[MESSAGE], 0, text);
}

void
_app_plan_grid_emit_undoable (AppPlanGrid *self, const char *text)
{
  g_signal_emit (self, signals[UNDOABLE_MESSAGE], 0, text);
}

void
_app_plan_grid_report_error (AppPlanGrid *self, const GError *error)
{
  if (error)
    _app_plan_grid_emit_message (self, error->message);
}

/* ------------------------------------------------------------------ view and cursor */

AppGridView
_app_plan_grid_current_view (AppPlanGrid *self)
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

static const char *const range_actions[] = {
  "grid.select-all", "grid.paint", "grid.clear", "grid.fill-down",
  "grid.fill-right", "grid.copy",  "grid.cut",
};

static void
update_actions (AppPlanGrid *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  const PhaenActivity *a = activity_at (self, self->cursor_row);
  gboolean has_next_sibling = FALSE;
  /* In a unit's copy the office owns the activities: none are added, moved or deleted. */
  gboolean office = self->store != NULL && !phaen_store_is_unit_copy (self->store);

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
  gtk_widget_action_set_enabled (widget, "grid.add-activity", office);
  gtk_widget_action_set_enabled (widget, "grid.delete-activity", a != NULL && office);
  gtk_widget_action_set_enabled (widget, "grid.move-up", a && a->position > 0 && office);
  gtk_widget_action_set_enabled (widget, "grid.move-down", has_next_sibling && office);
  gtk_widget_action_set_enabled (widget, "grid.indent", a && a->position > 0 && office);
  gtk_widget_action_set_enabled (widget, "grid.outdent", a && a->depth > 0 && office);
  gtk_widget_action_set_enabled (widget, "grid.paste", office);
  gtk_widget_action_set_enabled (widget, "grid.paste-below", office);
  for (guint i = 0; i < G_N_ELEMENTS (range_actions); i++)
    gtk_widget_action_set_enabled (widget, range_actions[i], a != NULL);
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
  _app_plan_grid_measure_row (self, self->cursor_row);
  view = _app_plan_grid_current_view (self);
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

void
_app_plan_grid_scroll_to_cursor (AppPlanGrid *self)
{
  self->scroll_pending = TRUE;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

void
_app_plan_grid_move_cursor_to (AppPlanGrid *self, guint row, guint column)
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
  if (!self->extending)
    {
      self->anchor_row = row;
      self->anchor_column = column;
    }
  _app_plan_grid_scroll_to_cursor (self);
  update_actions (self);
  app_plan_grid_a11y_cursor_moved (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Moves the cursor and keeps the anchor: the selection is the rectangle between them. */
void
_app_plan_grid_select_to (AppPlanGrid *self, guint row, guint column)
{
  self->extending = TRUE;
  _app_plan_grid_move_cursor_to (self, row, column);
  self->extending = FALSE;
}

void
_app_plan_grid_get_selection (AppPlanGrid *self, AppGridSelection *selection)
{
  guint anchor_row = n_rows (self) ? MIN (self->anchor_row, n_rows (self) - 1) : 0;
  guint anchor_column = app_grid_column_is_present (&self->columns, self->anchor_column)
                          ? self->anchor_column
                          : self->cursor_column;

  selection->row0 = MIN (anchor_row, self->cursor_row);
  selection->row1 = MAX (anchor_row, self->cursor_row);
  selection->column0 = MIN (anchor_column, self->cursor_column);
  selection->column1 = MAX (anchor_column, self->cursor_column);
}

gboolean
_app_plan_grid_selection_is_cell (AppPlanGrid *self)
{
  AppGridSelection sel;

  _app_plan_grid_get_selection (self, &sel);
  return sel.row0 == sel.row1 && sel.column0 == sel.column1;
}

/* The cell @rows and @columns steps from the cursor (columns skip those not shown); FALSE when
 * no column lies that way. */
static gboolean
cell_from_cursor (AppPlanGrid *self, int rows, int columns, guint *row, guint *column)
{
  int next = (int)self->cursor_column;

  if (columns != 0 &&
      (next = app_grid_columns_step (&self->columns, self->cursor_column, columns)) < 0)
    return FALSE;
  *row = (guint)MAX ((int)self->cursor_row + rows, 0);
  *column = (guint)next;
  return TRUE;
}

void
_app_plan_grid_move_cursor_by (AppPlanGrid *self, int rows, int columns)
{
  guint row, column;

  if (cell_from_cursor (self, rows, columns, &row, &column))
    _app_plan_grid_move_cursor_to (self, row, column);
}

/* Shift+arrows: the cursor moves, the anchor stays. */
void
_app_plan_grid_extend_by (AppPlanGrid *self, int rows, int columns)
{
  guint row, column;

  if (cell_from_cursor (self, rows, columns, &row, &column))
    _app_plan_grid_select_to (self, row, column);
}

/* ------------------------------------------------------------------ store */

void
_app_plan_grid_reload (AppPlanGrid *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenPlan) plan = NULL;
  g_autoptr (GPtrArray) activities = NULL;
  guint old_months = plan_months (self);
  PhaenPlanKind old_kind = self->plan ? self->plan->kind : PHAEN_PLAN_PROCESS;
  int row;

  if (self->store)
    {
      plan = phaen_store_get_plan (self->store, self->plan_id, &error);
      if (plan)
        activities = phaen_store_list_activities (self->store, self->plan_id, &error);
      if (activities == NULL)
        _app_plan_grid_report_error (self, error);
    }
  g_clear_pointer (&self->plan, phaen_plan_free);
  self->plan = activities ? g_steal_pointer (&plan) : NULL;
  g_clear_pointer (&self->activities, g_ptr_array_unref);
  self->activities = activities
                       ? g_steal_pointer (&activities)
                       : g_ptr_array_new_with_free_func ((GDestroyNotify)phaen_activity_free);
  phaen_plan_totals_compute (self->activities, &self->totals);
  g_clear_pointer (&self->rollups, g_array_unref);
  self->rollups = phaen_plan_budget_rollups (self->activities);

  if (plan_months (self) != old_months ||
      (self->plan ? self->plan->kind : PHAEN_PLAN_PROCESS) != old_kind)
    self->metrics_valid = FALSE;
  if (self->metrics_valid)
    {
      _app_plan_grid_rebuild_header (self);
      _app_plan_grid_rebuild_rows (self, TRUE);
    }
  else
    _app_plan_grid_ensure_metrics (self);

  if (self->editor)
    {
      row = _app_plan_grid_row_of_activity (self, self->edit_id);
      if (row < 0)
        _app_plan_grid_close_editor (self);
      else
        self->edit_row = (guint)row;
    }
  /* An edit of a range keeps the range selected, as a spreadsheet does. */
  row = _app_plan_grid_row_of_activity (self, self->cursor_id);
  {
    /* A cursor that stays where it was leaves the view where the user scrolled it (a drag
     * painted past the edge, say). */
    gboolean was_pending = self->scroll_pending;
    guint old_row = self->cursor_row, old_column = self->cursor_column;

    self->extending = TRUE;
    _app_plan_grid_move_cursor_to (self, row >= 0 ? (guint)row : self->cursor_row,
                                   self->cursor_column);
    self->extending = FALSE;
    if (self->cursor_row == old_row && self->cursor_column == old_column)
      self->scroll_pending = was_pending;
  }
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
store_changed_cb (AppPlanGrid *self, PhaenChanges *changes)
{
  if (phaen_changes_touches (changes, PHAEN_RECORDS_ACTIVITIES))
    _app_plan_grid_reload (self);
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

  _app_plan_grid_ensure_metrics (self);
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
  gboolean to_cursor;

  _app_plan_grid_ensure_metrics (self);
  self->in_allocate = TRUE;
  view = _app_plan_grid_current_view (self);
  body = app_grid_view_body_height (&view);
  hpage = MAX (width - self->columns.frozen_width, 0);
  app_scrollable_configure (self->scroll.hadjustment,
                            app_grid_columns_scroll_width (&self->columns), hpage,
                            self->columns.width[APP_PLAN_GRID_COLUMN_FIRST_MONTH]);
  /* Measuring the rows shown changes the range and may move the rows, the cursor's too: go on
   * until the rows shown are measured. */
  to_cursor = self->scroll_pending;
  do
    {
      app_scrollable_configure (self->scroll.vadjustment, app_grid_rows_get_total (self->rows),
                                body, self->line_height + 2 * pad_y (self));
      if (to_cursor)
        scroll_to_cursor_now (self);
    }
  while (_app_plan_grid_measure_shown (self));
  self->in_allocate = FALSE;
  if (self->menu)
    gtk_popover_present (GTK_POPOVER (self->menu));

  if (self->editor && self->edit_row < n_rows (self))
    {
      AppGridRect r;
      int min_width, min_height;

      view = _app_plan_grid_current_view (self);
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
        &(GtkAllocation){
          (int)(r.x + PAD_X), (int)r.y, MAX ((int)(r.width - 2 * PAD_X), min_width),
          MAX ((int)MIN (r.height, self->line_height + 2 * pad_y (self)), min_height) },
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
      _app_plan_grid_ensure_metrics (self);
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

  _app_plan_grid_ensure_metrics (self);
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
    case PROP_COMPACT:
      g_value_set_boolean (value, self->compact);
      break;
    case PROP_COLUMN_WIDTHS:
      g_value_take_variant (value, app_plan_grid_get_column_widths (self));
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
    case PROP_COMPACT:
      app_plan_grid_set_compact (self, g_value_get_boolean (value));
      break;
    case PROP_COLUMN_WIDTHS:
      app_plan_grid_set_column_widths (self, g_value_get_variant (value));
      break;
    case PROP_TOOL:
      for (guint i = 0; i < G_N_ELEMENTS (tools); i++)
        if (g_strcmp0 (g_value_get_string (value), tools[i].name) == 0 &&
            self->tool != tools[i].mark)
          {
            g_autoptr (GError) error = NULL;

            self->tool = tools[i].mark;
            g_object_notify_by_pspec (object, pspec);
            /* A tool picked while a range of months is selected paints it at once. */
            if (self->store && !_app_plan_grid_selection_is_cell (self) && self->editor == NULL &&
                !_app_plan_grid_paint_selection (self, self->tool, &error))
              _app_plan_grid_report_error (self, error);
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
  g_clear_pointer (&self->menu, gtk_widget_unparent);
  g_clear_pointer (&self->rollups, g_array_unref);
  g_clear_pointer (&self->edit_autosave, app_autosave_free);
  g_clear_pointer (&self->edit_original, g_free);
  if (self->store)
    g_signal_handlers_disconnect_by_func (self->store, store_changed_cb, self);
  g_clear_object (&self->store);
  g_clear_handle_id (&self->autoscroll_id, g_source_remove);
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
  widget_class->snapshot = _app_plan_grid_snapshot;
  widget_class->css_changed = app_plan_grid_css_changed;
  widget_class->realize = app_plan_grid_realize;
  widget_class->unrealize = app_plan_grid_unrealize;

  properties[PROP_TOOL] =
    g_param_spec_string ("tool", NULL, NULL, "planned",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURSOR_ACTIVITY] =
    g_param_spec_int64 ("cursor-activity", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPACT] =
    g_param_spec_boolean ("compact", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The widths the user gave columns, "a{sd}" by column name (see width_names): the page binds
   * it to the grid-column-widths setting, so they come back at the next start. */
  properties[PROP_COLUMN_WIDTHS] =
    g_param_spec_variant ("column-widths", NULL, NULL, G_VARIANT_TYPE ("a{sd}"), NULL,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
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
  /**
   * AppPlanGrid::undoable-message:
   * @text: what was removed
   *
   * A destructive edit (a deleted activity), for a toast with an Undo button.
   */
  signals[UNDOABLE_MESSAGE] =
    g_signal_new ("undoable-message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_install_property_action (widget_class, "grid.tool", "tool");
  _app_plan_grid_class_init_actions (widget_class);

  gtk_widget_class_set_css_name (widget_class, "plangrid");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
app_plan_grid_init (AppPlanGrid *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  self->tool = PHAEN_MARK_PLANNED;
  self->edit_autosave = app_autosave_new (_app_plan_grid_editor_autosave_cb, self);
  self->rows = app_grid_rows_new ();
  self->activities = g_ptr_array_new_with_free_func ((GDestroyNotify)phaen_activity_free);
  self->row_cache = g_array_new (FALSE, TRUE, sizeof (RowCache));
  g_array_set_clear_func (self->row_cache, (GDestroyNotify)row_cache_clear);
  self->year_spans = g_array_new (FALSE, TRUE, sizeof (HeaderSpan));
  g_array_set_clear_func (self->year_spans, (GDestroyNotify)header_span_clear);
  app_scrollable_init (&self->scroll, widget,
                       G_CALLBACK (_app_plan_grid_adjustment_value_changed_cb));

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);
  gtk_widget_add_css_class (widget, "view");
  _app_plan_grid_init_input (self);
  app_plan_grid_a11y_init (self);

  update_actions (self);
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

  _app_plan_grid_close_editor (self);
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
  self->anchor_row = 0;
  self->anchor_column = APP_PLAN_GRID_COLUMN_NAME;
  gtk_adjustment_set_value (self->scroll.vadjustment, 0);
  gtk_adjustment_set_value (self->scroll.hadjustment, 0);
  self->metrics_valid = FALSE;
  _app_plan_grid_reload (self);
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

  if (_app_plan_grid_commit_edit (self))
    _app_plan_grid_move_cursor_to (self, row, column);
}

gboolean
app_plan_grid_commit_text (
  AppPlanGrid *self, guint row, guint column, const char *text, GError **error)
{
  g_return_val_if_fail (APP_IS_PLAN_GRID (self), FALSE);
  g_return_val_if_fail (row < n_rows (self), FALSE);
  g_return_val_if_fail (column < APP_PLAN_GRID_N_COLUMNS, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  {
    g_autoptr (GError) local_error = NULL;

    if (!phaen_store_check_office_edit (self->store, &local_error))
      {
        _app_plan_grid_report_error (self, local_error);
        g_propagate_error (error, g_steal_pointer (&local_error));
        return FALSE;
      }
  }
  if (!_app_plan_grid_commit_text (self, row, column, text, FALSE, error))
    return FALSE;
  if (self->editor && self->edit_row == row && self->edit_column == column)
    _app_plan_grid_close_editor (self);
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
  return _app_plan_grid_paint_block (self, row, row, first_month, last_month, self->tool,
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
  return _app_plan_grid_cell_text (a, (guint)text);
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
  return _app_plan_grid_footer_text (self, column);
}

char *
app_plan_grid_get_cell_warning (AppPlanGrid *self, guint row, guint column)
{
  const PhaenBudgetRollup *rollup;

  g_return_val_if_fail (APP_IS_PLAN_GRID (self), NULL);

  rollup = rollup_at (self, row);
  if (column != APP_PLAN_GRID_COLUMN_BUDGET || rollup == NULL || !rollup->over_budget)
    return NULL;
  return phaen_budget_rollup_warning (activity_at (self, row), rollup);
}

int
app_plan_grid_get_row_level (AppPlanGrid *self, guint row)
{
  g_return_val_if_fail (APP_IS_PLAN_GRID (self), 0);

  return activity_at (self, row) ? activity_at (self, row)->level : 0;
}

const char *
app_plan_grid_get_help_text (void)
{
  return _ ("Type to edit a cell, or press F2 or Enter; Enter saves, Esc cancels, Tab and "
            "Shift+Tab move across.\n"
            "Shift+arrows, Shift+click or dragging select cells; Ctrl+C, Ctrl+X and Ctrl+V copy, "
            "cut and paste them, with spreadsheets too (pasted rows past the last add "
            "activities); Ctrl+D fills down, Ctrl+R right, or drag the selection’s corner; "
            "Delete clears.\n"
            "Months: click or drag to paint (dragging from a painted cell erases); Space paints "
            "or clears the selected months, and so does picking a tool. Ctrl paints ● start, "
            "Ctrl+Shift ○ output, Alt an achieved output.\n"
            "Ctrl+Enter or Insert adds an activity below, Ctrl+Delete deletes it, Alt+↑/↓ moves "
            "it, Ctrl+] or Tab on its number indents it, Ctrl+[ or Shift+Tab there outdents it.");
}

/* The compact density: rows with less padding and narrower months, for small screens. */
void
app_plan_grid_set_compact (AppPlanGrid *self, gboolean compact)
{
  g_return_if_fail (APP_IS_PLAN_GRID (self));

  compact = !!compact;
  if (self->compact == compact)
    return;
  self->compact = compact;
  self->metrics_valid = FALSE;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPACT]);
}

void
app_plan_grid_select_to (AppPlanGrid *self, guint row, guint column)
{
  g_return_if_fail (APP_IS_PLAN_GRID (self));
  g_return_if_fail (row < n_rows (self));
  g_return_if_fail (app_grid_column_is_present (&self->columns, column));

  if (_app_plan_grid_commit_edit (self))
    _app_plan_grid_select_to (self, row, column);
}

const AppGridColumns *
app_plan_grid_get_columns (AppPlanGrid *self)
{
  g_return_val_if_fail (APP_IS_PLAN_GRID (self), NULL);
  _app_plan_grid_ensure_metrics (self);
  return &self->columns;
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
