/* app-plan-grid-actions.c — the plan grid's painting and its widget actions
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

/* ------------------------------------------------------------------ painting */

PhaenMark
_app_plan_grid_mark_for_state (AppPlanGrid *self, GdkModifierType state)
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
gboolean
_app_plan_grid_paint_block (AppPlanGrid *self,
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

void
_app_plan_grid_toggle_cursor_month (AppPlanGrid *self)
{
  g_autoptr (GError) error = NULL;
  const PhaenActivity *a = activity_at (self, self->cursor_row);
  int month = app_grid_column_to_month (self->cursor_column);

  if (a == NULL || month < 0)
    return;
  if (!_app_plan_grid_paint_block (self, self->cursor_row, self->cursor_row, (guint)month,
                                   (guint)month, self->tool, (a->marks[month] & self->tool) != 0,
                                   &error))
    _app_plan_grid_report_error (self, error);
}

void
_app_plan_grid_clear_cursor_cell (AppPlanGrid *self)
{
  g_autoptr (GError) error = NULL;
  const PhaenActivity *a = activity_at (self, self->cursor_row);
  int month = app_grid_column_to_month (self->cursor_column);

  if (a == NULL)
    return;
  if (month >= 0)
    {
      if (a->marks[month] && !phaen_store_set_month_marks (self->store, a->id, month, 0, &error))
        _app_plan_grid_report_error (self, error);
    }
  else if (column_is_editable (self->cursor_column) &&
           !_app_plan_grid_commit_text (self, self->cursor_row, self->cursor_column, "", FALSE,
                                        &error) &&
           !g_error_matches (error, PHAEN_ERROR, PHAEN_ERROR_INVALID))
    _app_plan_grid_report_error (self, error);
}

/* ------------------------------------------------------------------ actions */

static gboolean
prepare_structure_edit (AppPlanGrid *self)
{
  return self->store != NULL && _app_plan_grid_commit_edit (self);
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
      _app_plan_grid_report_error (self, error);
      return;
    }
  row = _app_plan_grid_row_of_activity (self, id);
  if (row < 0)
    return;
  _app_plan_grid_move_cursor_to (self, (guint)row, APP_PLAN_GRID_COLUMN_NAME);
  if (gtk_widget_get_mapped (widget))
    _app_plan_grid_begin_edit (self, NULL);
}

/* F2 or Enter: edit a text cell, toggle the tool's mark in a month cell. */
static void
edit_action (GtkWidget *widget, const char *name, GVariant *param)
{
  AppPlanGrid *self = APP_PLAN_GRID (widget);

  if (self->editor)
    return;
  if (app_grid_column_to_month (self->cursor_column) >= 0)
    _app_plan_grid_toggle_cursor_month (self);
  else
    _app_plan_grid_begin_edit (self, NULL);
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
    _app_plan_grid_emit_message (self, what);
  else
    _app_plan_grid_report_error (self, error);
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
    _app_plan_grid_report_error (self, error);
}

void
_app_plan_grid_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "grid.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "grid.add-activity", NULL, add_activity_action);
  gtk_widget_class_install_action (widget_class, "grid.delete-activity", NULL,
                                   delete_activity_action);
  gtk_widget_class_install_action (widget_class, "grid.move-up", NULL, move_activity_action);
  gtk_widget_class_install_action (widget_class, "grid.move-down", NULL, move_activity_action);
  gtk_widget_class_install_action (widget_class, "grid.indent", NULL, move_activity_action);
  gtk_widget_class_install_action (widget_class, "grid.outdent", NULL, move_activity_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "grid.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "grid.add-activity", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "grid.add-activity", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Insert, 0, "grid.add-activity", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_CONTROL_MASK,
                                       "grid.delete-activity", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "grid.move-up",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "grid.move-down",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_bracketright, GDK_CONTROL_MASK,
                                       "grid.indent", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_bracketleft, GDK_CONTROL_MASK,
                                       "grid.outdent", NULL);
}
