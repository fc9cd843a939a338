/* app-plan-grid-input.c — the plan grid's in-place editor, keys, pointer and tooltips
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-plan-grid"

#include "config.h"

#include "app-plan-grid-private.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "phaen-calendar.h"
#include "phaen-error.h"
#include "phaen-parse.h"
#include "phaen-thai-text.h"

/* ------------------------------------------------------------------ editing */

void
_app_plan_grid_close_editor (AppPlanGrid *self)
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
  if (!_app_plan_grid_commit_edit (self))
    return;
  if (columns > 0 && app_grid_columns_step (&self->columns, self->cursor_column, 1) < 0)
    _app_plan_grid_move_cursor_to (self, self->cursor_row + 1, APP_PLAN_GRID_COLUMN_NAME);
  else
    _app_plan_grid_move_cursor_by (self, rows, columns);
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
      !_app_plan_grid_commit_text (self, self->edit_row, self->edit_column, self->edit_original,
                                   TRUE, &error))
    _app_plan_grid_report_error (self, error);
  _app_plan_grid_close_editor (self);
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
void
_app_plan_grid_editor_autosave_cb (gpointer data)
{
  AppPlanGrid *self = data;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  if (self->editor == NULL || self->store == NULL)
    return;
  text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->editor)));
  if (_app_plan_grid_commit_text (self, self->edit_row, self->edit_column, text, TRUE, &error))
    self->edit_saved = TRUE;
  else if (!g_error_matches (error, PHAEN_ERROR, PHAEN_ERROR_INVALID))
    _app_plan_grid_report_error (self, error);
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
    _app_plan_grid_commit_edit (self);
}

void
_app_plan_grid_begin_edit (AppPlanGrid *self, const char *initial)
{
  const PhaenActivity *a = activity_at (self, self->cursor_row);
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  GtkEventController *key;
  GtkEventController *focus;

  if (a == NULL || !column_is_editable (self->cursor_column))
    return;
  /* A read-only workspace says so before anything is typed, not after. */
  if (!phaen_store_check_office_edit (self->store, &error))
    {
      _app_plan_grid_report_error (self, error);
      return;
    }
  _app_plan_grid_close_editor (self);
  _app_plan_grid_scroll_to_cursor (self);

  self->editor = gtk_text_new ();
  gtk_widget_add_css_class (self->editor, "cell-editor");
  gtk_widget_set_parent (self->editor, GTK_WIDGET (self));
  self->edit_id = a->id;
  self->edit_row = self->cursor_row;
  self->edit_column = self->cursor_column;
  self->edit_original = _app_plan_grid_edit_text (a, self->cursor_column);
  text = initial ? g_strdup (initial) : g_strdup (self->edit_original);
  gtk_editable_set_text (GTK_EDITABLE (self->editor), text);
  if (initial != NULL)
    app_autosave_changed (self->edit_autosave);
  g_signal_connect_object (self->editor, "changed", G_CALLBACK (editor_changed_cb), self,
                           G_CONNECT_SWAPPED);
  if (self->cursor_column == APP_PLAN_GRID_COLUMN_BUDGET)
    gtk_text_set_input_purpose (GTK_TEXT (self->editor), GTK_INPUT_PURPOSE_NUMBER);

  _app_plan_grid_editor_paste (self, GTK_TEXT (self->editor));
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

gboolean
_app_plan_grid_commit_edit (AppPlanGrid *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  if (self->editor == NULL)
    return TRUE;
  text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->editor)));
  app_autosave_cancel (self->edit_autosave);
  if (!_app_plan_grid_commit_text (self, self->edit_row, self->edit_column, text, FALSE, &error))
    {
      /* Refused input was already explained by _app_plan_grid_commit_text(); the edit stays open.
       */
      if (!g_error_matches (error, PHAEN_ERROR, PHAEN_ERROR_INVALID))
        _app_plan_grid_report_error (self, error);
      return FALSE;
    }
  _app_plan_grid_close_editor (self);
  return TRUE;
}

gboolean
_app_plan_grid_apply_text (AppPlanGrid *self,
                           PhaenActivity *a,
                           guint column,
                           const char *text,
                           gboolean *changed,
                           char **refusal)
{
  g_autofree char *clean = g_strstrip (phaen_text_normalize (text ? text : ""));
  g_autoptr (GError) error = NULL;
  gboolean has_value = FALSE;
  double value = NAN;
  char **field = NULL;

  *changed = FALSE;
  switch (column)
    {
    case APP_PLAN_GRID_COLUMN_NAME:
      field = &a->name;
      break;
    case APP_PLAN_GRID_COLUMN_OWNER:
      field = &a->owner;
      break;
    case APP_PLAN_GRID_COLUMN_OUTPUT:
      field = &a->output;
      break;
    case APP_PLAN_GRID_COLUMN_CATEGORY:
      if (!phaen_parse_optional_number (clean, &has_value, &value, NULL) ||
          (has_value && (value != floor (value) || value < 0 || value > 5)))
        {
          *refusal = g_strdup_printf (
            _ ("Not a type: the type is a number from 1 to 5, or “-” for none (typed “%s”)."),
            clean);
          return FALSE;
        }
      *changed = (has_value ? (int)value : 0) != a->category;
      a->category = has_value ? (int)value : 0;
      return TRUE;
    case APP_PLAN_GRID_COLUMN_BUDGET:
      /* "15,000 บาท", "1.5 ล้าน" as officers write them (phaen-parse.h). */
      if (!phaen_parse_amount (clean, &has_value, &value, &error))
        {
          /* Thai on purpose: the words officers type. */
          *refusal = g_strdup_printf (_ ("Not a budget: type a number such as 14,760.00, "
                                         "15,000 บาท or 1.5 ล้าน, or “-” for none (typed “%s”)."),
                                      clean);
          return FALSE;
        }
      *changed = has_value != a->has_budget || (has_value && value != a->budget);
      a->has_budget = has_value;
      a->budget = has_value ? value : 0;
      return TRUE;
    case APP_PLAN_GRID_COLUMN_NUMBER:
      *refusal = g_strdup (_ ("The number follows the activity’s place: indent, outdent or move "
                              "the activity to change it."));
      return FALSE;
    default:
      *refusal = g_strdup (_ ("Months are painted, not typed: click or drag across them, or "
                              "press Space."));
      return FALSE;
    }
  if (g_strcmp0 (*field ? *field : "", clean) == 0)
    return TRUE;
  g_free (*field);
  *field = g_steal_pointer (&clean);
  *changed = TRUE;
  return TRUE;
}

/* Writes one cell. Refusals emit "message" (unless @quiet) and leave the store as it was. A
 * block of cells typed or pasted into one cell keeps its first line and says what it dropped. */
gboolean
_app_plan_grid_commit_text (
  AppPlanGrid *self, guint row, guint column, const char *text, gboolean quiet, GError **error)
{
  const PhaenActivity *current = activity_at (self, row);
  g_autoptr (PhaenActivity) a = NULL;
  g_autofree char *refusal = NULL;
  g_autofree char *first = NULL;
  gboolean changed = FALSE;
  gsize cut;

  g_return_val_if_fail (current != NULL, FALSE);
  a = phaen_activity_copy (current);
  text = text ? text : "";
  cut = strcspn (text, "\t\r\n");
  first = g_strndup (text, cut);
  if (text[cut] != '\0' && !quiet && !phaen_text_is_blank (text + cut))
    {
      g_autofree char *dropped = g_strstrip (g_strdup (text + cut));
      g_autofree char *shown = NULL;
      g_autofree char *message = NULL;

      g_strdelimit (dropped, "\t\r\n", ' ');
      g_autofree char *head = g_utf8_substring (dropped, 0, MIN (g_utf8_strlen (dropped, -1), 40));

      shown = g_utf8_strlen (dropped, -1) > 40 ? g_strconcat (head, "…", NULL) : g_strdup (dropped);
      message = g_strdup_printf (
        _ ("A cell holds one line: kept “%s” and dropped “%s”. Paste outside the editor to fill "
           "several cells."),
        first, shown);
      _app_plan_grid_emit_message (self, message);
    }
  if (!_app_plan_grid_apply_text (self, a, column, first, &changed, &refusal))
    {
      if (!quiet)
        _app_plan_grid_emit_message (self, refusal);
      g_set_error_literal (error, PHAEN_ERROR, PHAEN_ERROR_INVALID, refusal);
      return FALSE;
    }
  if (!changed)
    return TRUE;
  return phaen_store_update_activity (self->store, a, error);
}

/* ------------------------------------------------------------------ input */

static void stop_drag (AppPlanGrid *self);

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
  if (keyval == GDK_KEY_Escape && (self->painting || self->filling))
    {
      stop_drag (self);
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
        _app_plan_grid_move_cursor_to (self, self->cursor_row + 1, APP_PLAN_GRID_COLUMN_NAME);
      else
        _app_plan_grid_move_cursor_by (self, 0, back ? -1 : 1);
      return TRUE;
    }
  if (keyval == GDK_KEY_Home || keyval == GDK_KEY_End)
    {
      gboolean home = keyval == GDK_KEY_Home;

      if (mods == GDK_CONTROL_MASK)
        _app_plan_grid_move_cursor_to (self, home ? 0 : n_rows (self) - 1, self->cursor_column);
      else if (mods == 0)
        _app_plan_grid_move_cursor_to (
          self, self->cursor_row, home ? APP_PLAN_GRID_COLUMN_NUMBER : APP_PLAN_GRID_COLUMN_OUTPUT);
      else if (mods == (GDK_CONTROL_MASK | GDK_SHIFT_MASK))
        _app_plan_grid_select_to (self, home ? 0 : n_rows (self) - 1, self->cursor_column);
      else if (mods == GDK_SHIFT_MASK)
        _app_plan_grid_select_to (self, self->cursor_row,
                                  home ? APP_PLAN_GRID_COLUMN_NAME : APP_PLAN_GRID_COLUMN_OUTPUT);
      else
        return FALSE;
      return TRUE;
    }
  if (keyval == GDK_KEY_Escape && !_app_plan_grid_selection_is_cell (self))
    {
      _app_plan_grid_move_cursor_to (self, self->cursor_row, self->cursor_column);
      return TRUE;
    }
  page_rows = (guint)MAX (1, gtk_adjustment_get_page_size (self->scroll.vadjustment) /
                               (self->line_height + 2 * pad_y (self)));
  /* Shift with a movement key stretches the selection from its anchor. */
  if (mods == GDK_SHIFT_MASK)
    switch (keyval)
      {
      case GDK_KEY_Up:
      case GDK_KEY_KP_Up:
        _app_plan_grid_extend_by (self, -1, 0);
        return TRUE;
      case GDK_KEY_Down:
      case GDK_KEY_KP_Down:
        _app_plan_grid_extend_by (self, 1, 0);
        return TRUE;
      case GDK_KEY_Left:
      case GDK_KEY_KP_Left:
        _app_plan_grid_extend_by (self, 0, -1);
        return TRUE;
      case GDK_KEY_Right:
      case GDK_KEY_KP_Right:
        _app_plan_grid_extend_by (self, 0, 1);
        return TRUE;
      case GDK_KEY_Page_Up:
        _app_plan_grid_extend_by (self, -(int)page_rows, 0);
        return TRUE;
      case GDK_KEY_Page_Down:
        _app_plan_grid_extend_by (self, (int)page_rows, 0);
        return TRUE;
      default:
        return FALSE;
      }
  if (mods != 0)
    return FALSE;

  page_rows = (guint)MAX (1, gtk_adjustment_get_page_size (self->scroll.vadjustment) /
                               (self->line_height + 2 * pad_y (self)));
  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      _app_plan_grid_move_cursor_by (self, -1, 0);
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      _app_plan_grid_move_cursor_by (self, 1, 0);
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      _app_plan_grid_move_cursor_by (self, 0, -1);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      _app_plan_grid_move_cursor_by (self, 0, 1);
      return TRUE;
    case GDK_KEY_Page_Up:
      _app_plan_grid_move_cursor_by (self, -(int)page_rows, 0);
      return TRUE;
    case GDK_KEY_Page_Down:
      _app_plan_grid_move_cursor_by (self, (int)page_rows, 0);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      gtk_widget_activate_action (GTK_WIDGET (self), "grid.edit", NULL);
      return TRUE;
    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
      gtk_widget_activate_action (GTK_WIDGET (self), "grid.clear", NULL);
      return TRUE;
    case GDK_KEY_BackSpace:
      _app_plan_grid_begin_edit (self, "");
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
  AppGridSelection sel;

  if (self->editor || n_rows (self) == 0 || text == NULL || *text == '\0')
    return;
  _app_plan_grid_get_selection (self, &sel);
  /* Space over a range that reaches the months paints them, wherever the cursor is. */
  if (app_grid_column_to_month (self->cursor_column) >= 0 ||
      (g_str_equal (text, " ") && !_app_plan_grid_selection_is_cell (self) &&
       sel.column1 >= APP_PLAN_GRID_COLUMN_FIRST_MONTH &&
       sel.column0 < APP_PLAN_GRID_COLUMN_FIRST_MONTH + self->columns.n_months))
    {
      if (g_str_equal (text, " "))
        gtk_widget_activate_action (GTK_WIDGET (self), "grid.paint", NULL);
      return;
    }
  if (self->cursor_column == APP_PLAN_GRID_COLUMN_NUMBER)
    _app_plan_grid_move_cursor_to (self, self->cursor_row, APP_PLAN_GRID_COLUMN_NAME);
  _app_plan_grid_begin_edit (self, text);
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

/* The cell under view point (x, y), clamped into the body: a drag past an edge keeps the last
 * row or column. */
static void
cell_at_clamped (AppPlanGrid *self, double x, double y, guint *row, guint *column)
{
  AppGridView view = _app_plan_grid_current_view (self);
  double footer_y = app_grid_view_footer_y (&view, self->rows);
  AppGridHit hit;
  double content_y;
  int r;

  x = CLAMP (x, 0, MAX (view.width - 1, 0));
  hit = app_grid_hit_test (&self->columns, self->rows, &view, x, view.header_height);
  content_y = CLAMP (y, view.header_height, MAX (footer_y - 1, view.header_height)) -
              view.header_height + view.scroll_y;
  r = app_grid_rows_at (self->rows,
                        CLAMP (content_y, 0, MAX (app_grid_rows_get_total (self->rows) - 1, 0)));
  *row = r >= 0 ? (guint)r : (n_rows (self) ? n_rows (self) - 1 : 0);
  *column = hit.column >= 0 ? (guint)hit.column : APP_PLAN_GRID_COLUMN_OUTPUT;
}

/* Where the pointer is now decides the painted block, the selection or the fill target. */
static void
drag_track (AppPlanGrid *self)
{
  AppGridView view = _app_plan_grid_current_view (self);
  guint row, column;

  cell_at_clamped (self, self->pointer_x, self->pointer_y, &row, &column);
  if (self->painting)
    {
      self->paint_row1 = row;
      self->paint_month1 = app_grid_month_at_x (&self->columns, &view, self->pointer_x);
    }
  else if (self->selecting)
    {
      if (column == APP_PLAN_GRID_COLUMN_NUMBER)
        column = APP_PLAN_GRID_COLUMN_NAME;
      if (row != self->cursor_row || column != self->cursor_column)
        _app_plan_grid_select_to (self, row, column);
    }
  else if (self->filling)
    {
      self->fill_row = row;
      self->fill_column = column;
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* A drag held past an edge of the body scrolls that way, faster the further out. */
static gboolean
autoscroll_cb (gpointer data)
{
  AppPlanGrid *self = data;
  AppGridView view = _app_plan_grid_current_view (self);
  double footer_y = app_grid_view_footer_y (&view, self->rows);
  double dx = 0, dy = 0;

  if (!self->painting && !self->selecting && !self->filling)
    {
      self->autoscroll_id = 0;
      return G_SOURCE_REMOVE;
    }
  if (self->pointer_x < self->columns.frozen_width && view.scroll_x > 0)
    dx = self->pointer_x - self->columns.frozen_width;
  else if (self->pointer_x > view.width)
    dx = self->pointer_x - view.width;
  if (self->pointer_y < view.header_height)
    dy = self->pointer_y - view.header_height;
  else if (self->pointer_y > footer_y)
    dy = self->pointer_y - footer_y;
  if (dx == 0 && dy == 0)
    {
      self->autoscroll_id = 0;
      return G_SOURCE_REMOVE;
    }
  if (dx != 0)
    gtk_adjustment_set_value (self->scroll.hadjustment,
                              gtk_adjustment_get_value (self->scroll.hadjustment) +
                                CLAMP (dx / 2, -40, 40) + (dx > 0 ? 4 : -4));
  if (dy != 0)
    gtk_adjustment_set_value (self->scroll.vadjustment,
                              gtk_adjustment_get_value (self->scroll.vadjustment) +
                                CLAMP (dy / 2, -40, 40) + (dy > 0 ? 4 : -4));
  drag_track (self);
  return G_SOURCE_CONTINUE;
}

static void
stop_drag (AppPlanGrid *self)
{
  gboolean resized = self->resizing;

  self->painting = FALSE;
  self->selecting = FALSE;
  self->filling = FALSE;
  self->resizing = FALSE;
  if (resized)
    _app_plan_grid_widths_changed (self);
  g_clear_handle_id (&self->autoscroll_id, g_source_remove);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The small square at the selection's bottom-right corner that fills when dragged. */
gboolean
_app_plan_grid_fill_handle_rect (AppPlanGrid *self, AppGridRect *rect)
{
  AppGridView view = _app_plan_grid_current_view (self);
  AppGridSelection sel;
  AppGridRect cell;

  if (n_rows (self) == 0 || self->editor)
    return FALSE;
  _app_plan_grid_get_selection (self, &sel);
  cell = app_grid_cell_rect (&self->columns, self->rows, &view, sel.row1, sel.column1);
  *rect = (AppGridRect){ cell.x + cell.width - 4, cell.y + cell.height - 4, 7, 7 };
  return TRUE;
}

static void
drag_begin_cb (GtkGestureDrag *gesture, double x, double y, AppPlanGrid *self)
{
  AppGridView view = _app_plan_grid_current_view (self);
  AppGridHit hit = app_grid_hit_test (&self->columns, self->rows, &view, x, y);
  GdkModifierType state =
    gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  AppGridRect handle;
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
  if (!_app_plan_grid_commit_edit (self))
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self));
  self->drag_x = self->pointer_x = x;
  self->drag_y = self->pointer_y = y;

  if (_app_plan_grid_fill_handle_rect (self, &handle) && x >= handle.x - 2 &&
      x <= handle.x + handle.width + 2 && y >= handle.y - 2 && y <= handle.y + handle.height + 2)
    {
      AppGridSelection sel;

      _app_plan_grid_get_selection (self, &sel);
      self->filling = TRUE;
      self->fill_row = sel.row1;
      self->fill_column = sel.column1;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      return;
    }
  /* A header's right edge resizes its column (the months together). */
  if (hit.area == APP_GRID_AREA_HEADER && _app_plan_grid_column_edge_at (self, x, y) >= 0)
    {
      self->resizing = TRUE;
      self->resize_column = (guint)_app_plan_grid_column_edge_at (self, x, y);
      self->resize_start_width = self->columns.width[self->resize_column];
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      return;
    }
  if (hit.area != APP_GRID_AREA_BODY || hit.column < 0)
    return;
  if (hit.column == APP_PLAN_GRID_COLUMN_NUMBER && (state & GDK_SHIFT_MASK))
    hit.column = APP_PLAN_GRID_COLUMN_NAME;

  /* Shift+click stretches the selection to the cell; dragging on stretches it further. */
  if ((state & GDK_SHIFT_MASK) && !(state & GDK_CONTROL_MASK))
    {
      _app_plan_grid_select_to (self, (guint)hit.row, (guint)hit.column);
      self->selecting = TRUE;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      return;
    }
  _app_plan_grid_move_cursor_to (self, (guint)hit.row, (guint)hit.column);
  month = app_grid_column_to_month ((guint)hit.column);
  if (month < 0)
    {
      self->selecting = hit.column != APP_PLAN_GRID_COLUMN_NUMBER;
      return;
    }

  self->painting = TRUE;
  self->paint_row0 = self->paint_row1 = (guint)hit.row;
  self->paint_month0 = self->paint_month1 = (guint)month;
  self->paint_mark = _app_plan_grid_mark_for_state (self, state);
  self->paint_erase = (activity_at (self, (guint)hit.row)->marks[month] & self->paint_mark) != 0;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
drag_update_cb (GtkGestureDrag *gesture, double dx, double dy, AppPlanGrid *self)
{
  if (self->resizing)
    {
      _app_plan_grid_set_column_width (self, self->resize_column, self->resize_start_width + dx);
      return;
    }
  if (!self->painting && !self->selecting && !self->filling)
    return;
  self->pointer_x = self->drag_x + dx;
  self->pointer_y = self->drag_y + dy;
  drag_track (self);
  if (self->autoscroll_id == 0)
    self->autoscroll_id = g_timeout_add (40, autoscroll_cb, self);
}

static void
drag_end_cb (GtkGestureDrag *gesture, double dx, double dy, AppPlanGrid *self)
{
  g_autoptr (GError) error = NULL;
  gboolean ok = TRUE;

  if (self->painting && self->paint_row0 < n_rows (self) && self->paint_row1 < n_rows (self))
    ok =
      _app_plan_grid_paint_block (self, self->paint_row0, self->paint_row1, self->paint_month0,
                                  self->paint_month1, self->paint_mark, self->paint_erase, &error);
  else if (self->filling)
    {
      AppGridSelection sel;

      _app_plan_grid_get_selection (self, &sel);
      /* Down when dragged below the selection, else right; one undo step either way. */
      if (self->fill_row > sel.row1)
        {
          _app_plan_grid_move_cursor_to (self, sel.row0, sel.column0);
          _app_plan_grid_select_to (self, self->fill_row, sel.column1);
          ok = _app_plan_grid_fill (self, TRUE, &error);
        }
      else if (self->fill_column > sel.column1)
        {
          _app_plan_grid_move_cursor_to (self, sel.row0, sel.column0);
          _app_plan_grid_select_to (self, sel.row1, self->fill_column);
          ok = _app_plan_grid_fill (self, FALSE, &error);
        }
    }
  stop_drag (self);
  if (!ok)
    _app_plan_grid_report_error (self, error);
}

static void
drag_cancel_cb (AppPlanGrid *self)
{
  stop_drag (self);
}

static void
click_pressed_cb (GtkGestureClick *gesture, int n_press, double x, double y, AppPlanGrid *self)
{
  AppGridView view = _app_plan_grid_current_view (self);
  AppGridHit hit = app_grid_hit_test (&self->columns, self->rows, &view, x, y);

  /* A double click on a header's edge fits the column to its contents. */
  if (n_press == 2 && hit.area == APP_GRID_AREA_HEADER &&
      _app_plan_grid_column_edge_at (self, x, y) >= 0)
    {
      _app_plan_grid_fit_column (self, (guint)_app_plan_grid_column_edge_at (self, x, y));
      return;
    }
  if (n_press == 2 && hit.area == APP_GRID_AREA_BODY && hit.column >= 0 &&
      column_is_editable ((guint)hit.column) && !point_in_editor (self, x, y))
    {
      _app_plan_grid_move_cursor_to (self, (guint)hit.row, (guint)hit.column);
      _app_plan_grid_begin_edit (self, NULL);
    }
}

/* The scroll helper queues the draw; an open editor moves with its cell. */
void
_app_plan_grid_adjustment_value_changed_cb (AppPlanGrid *self)
{
  if (self->in_allocate)
    return;
  /* Rows scrolled into view are measured before they are drawn; a changed height changes the
   * scroll range, which the next allocation sets. */
  if (_app_plan_grid_measure_shown (self) || self->editor)
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
  AppGridView view = _app_plan_grid_current_view (self);
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
                                  _ ("Drag to paint; Ctrl ● start, Ctrl+Shift ○ output, Alt "
                                     "achieved; Shift+click selects"));
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
      g_string_append_printf (
        s, "\n\n%s",
        _ ("Drag to paint; Ctrl ● start, Ctrl+Shift ○ output, Alt achieved; Shift+click selects"));
      text = g_string_free (s, FALSE);
    }
  else if (hit.area == APP_GRID_AREA_BODY)
    {
      int t = text_of_column ((guint)hit.column);
      const PhaenBudgetRollup *rollup = rollup_at (self, (guint)hit.row);
      const PhaenActivity *a = activity_at (self, (guint)hit.row);
      PangoLayout *layout =
        t >= 0 ? _app_plan_grid_row_layout (self, (guint)hit.row, (guint)t) : NULL;

      if (t == TEXT_BUDGET && rollup && rollup->over_budget)
        text = app_plan_grid_get_cell_warning (self, (guint)hit.row, (guint)hit.column);
      else if (t == TEXT_BUDGET && rollup && rollup->has_children_budget)
        {
          /* The roll-up the core counted (phaen_plan_budget_rollups()), beside the amount. */
          g_autofree char *sum = phaen_format_money (rollup->children_budget, FALSE);

          text = g_strdup_printf (_ ("The rows under it add up to %s."), sum);
        }
      else if (t == TEXT_NUMBER && a)
        text = g_strdup_printf (_ ("%s (Ctrl+1 … Ctrl+4 or Shift+F10 changes the level)"),
                                app_plan_grid_level_name (a->level));
      else if (layout && pango_layout_is_ellipsized (layout))
        text = g_strdup (pango_layout_get_text (layout));
    }
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* A right click moves the cursor onto the row (keeping a selection it falls in) and opens the
 * row menu there. */
static void
menu_pressed_cb (GtkGestureClick *gesture, int n_press, double x, double y, AppPlanGrid *self)
{
  AppGridView view = _app_plan_grid_current_view (self);
  AppGridHit hit = app_grid_hit_test (&self->columns, self->rows, &view, x, y);
  AppGridSelection sel;

  if (hit.area != APP_GRID_AREA_BODY || hit.row < 0 || hit.column < 0)
    return;
  _app_plan_grid_get_selection (self, &sel);
  if ((guint)hit.row < sel.row0 || (guint)hit.row > sel.row1)
    _app_plan_grid_move_cursor_to (self, (guint)hit.row, (guint)hit.column);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  _app_plan_grid_popup_menu (self, x, y);
}

static void
motion_cb (GtkEventControllerMotion *motion, double x, double y, AppPlanGrid *self)
{
  gboolean edge = self->resizing || _app_plan_grid_column_edge_at (self, x, y) >= 0;

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), edge ? "col-resize" : NULL);
}

void
_app_plan_grid_init_input (AppPlanGrid *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkEventController *key;
  GtkEventController *focus;
  GtkGesture *drag;
  GtkGesture *click;
  GtkEventController *motion;

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

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (click, "pressed", G_CALLBACK (menu_pressed_cb), self, 0);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));

  motion = gtk_event_controller_motion_new ();
  g_signal_connect_object (motion, "motion", G_CALLBACK (motion_cb), self, 0);
  gtk_widget_add_controller (widget, motion);
}
