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
  /* Shift alone stretches the selection (Shift+click), so ○ is Ctrl+Shift. */
  if ((state & GDK_CONTROL_MASK) && (state & GDK_SHIFT_MASK))
    return PHAEN_MARK_OUTPUT;
  if (state & GDK_CONTROL_MASK)
    return PHAEN_MARK_START;
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

/* ------------------------------------------------------------------ ranges */

/* What an edit of many cells changes: copies of the activities before and after. @before is
 * NULL for an activity the edit creates. */
typedef struct
{
  PhaenActivity *before;
  PhaenActivity *after;
} RowEdit;

static void
row_edit_clear (RowEdit *edit)
{
  g_clear_pointer (&edit->before, phaen_activity_free);
  g_clear_pointer (&edit->after, phaen_activity_free);
}

GArray *
_app_plan_grid_row_edits_new (AppPlanGrid *self, guint row0, guint row1)
{
  GArray *edits = g_array_new (FALSE, TRUE, sizeof (RowEdit));

  g_array_set_clear_func (edits, (GDestroyNotify)row_edit_clear);
  for (guint r = row0; r <= row1 && r < n_rows (self); r++)
    {
      RowEdit edit = { phaen_activity_copy (activity_at (self, r)),
                       phaen_activity_copy (activity_at (self, r)) };

      g_array_append_val (edits, edit);
    }
  return edits;
}

PhaenActivity *
_app_plan_grid_row_edit_after (GArray *edits, guint index)
{
  return g_array_index (edits, RowEdit, index).after;
}

void
_app_plan_grid_row_edits_add (GArray *edits, PhaenActivity *created)
{
  RowEdit edit = { NULL, created };

  g_array_append_val (edits, edit);
}

static gboolean
fields_differ (const PhaenActivity *a, const PhaenActivity *b)
{
  return g_strcmp0 (a->name, b->name) != 0 || g_strcmp0 (a->owner, b->owner) != 0 ||
         g_strcmp0 (a->output, b->output) != 0 || a->category != b->category ||
         a->level != b->level || a->has_budget != b->has_budget ||
         (a->has_budget && a->budget != b->budget);
}

/* Writes what changed; the caller holds the transaction that makes it one undo step. */
gboolean
_app_plan_grid_row_edits_store (AppPlanGrid *self, GArray *edits, GError **error)
{
  for (guint i = 0; i < edits->len; i++)
    {
      RowEdit *edit = &g_array_index (edits, RowEdit, i);

      if ((edit->before == NULL || fields_differ (edit->before, edit->after)) &&
          !phaen_store_update_activity (self->store, edit->after, error))
        return FALSE;
      for (int m = 0; m < PHAEN_MAX_MONTHS; m++)
        if (edit->after->marks[m] != (edit->before ? edit->before->marks[m] : 0) &&
            !phaen_store_set_month_marks (self->store, edit->after->id, m, edit->after->marks[m],
                                          error))
          return FALSE;
    }
  return TRUE;
}

static gboolean
store_in_one_step (AppPlanGrid *self, GArray *edits, const char *label, GError **error)
{
  if (!phaen_store_begin (self->store, label, error))
    return FALSE;
  if (!_app_plan_grid_row_edits_store (self, edits, error))
    {
      phaen_store_rollback (self->store);
      return FALSE;
    }
  return phaen_store_commit (self->store, error);
}

/* Says how many cells refused what they were given, with the first reason. */
void
_app_plan_grid_report_refusals (AppPlanGrid *self, guint refused, const char *first_reason)
{
  g_autofree char *message = NULL;

  if (refused == 0)
    return;
  if (refused == 1)
    {
      _app_plan_grid_emit_message (self, first_reason);
      return;
    }
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u cell was left as it was: %s",
                                          "%u cells were left as they were: %s", refused),
                             refused, first_reason);
  _app_plan_grid_emit_message (self, message);
}

/* Space, or a tool picked while months are selected: the tool's mark in every selected month,
 * or off them all when they all have it already. */
gboolean
_app_plan_grid_paint_selection (AppPlanGrid *self, PhaenMark mark, GError **error)
{
  AppGridSelection sel;
  int month0, month1;
  gboolean all = TRUE;

  _app_plan_grid_get_selection (self, &sel);
  if (n_rows (self) == 0)
    return TRUE;
  month0 = app_grid_column_to_month (MAX (sel.column0, APP_PLAN_GRID_COLUMN_FIRST_MONTH));
  month1 = app_grid_column_to_month (
    MIN (sel.column1, APP_PLAN_GRID_COLUMN_FIRST_MONTH + self->columns.n_months - 1));
  if (month0 < 0 || month1 < 0 || month1 < month0)
    return TRUE;
  for (guint r = sel.row0; r <= sel.row1; r++)
    for (int m = month0; m <= month1; m++)
      all &= (activity_at (self, r)->marks[m] & mark) != 0;
  return _app_plan_grid_paint_block (self, sel.row0, sel.row1, (guint)month0, (guint)month1, mark,
                                     all, error);
}

/* Delete: every selected cell emptied, as one undo step. */
gboolean
_app_plan_grid_clear_selection (AppPlanGrid *self, GError **error)
{
  AppGridSelection sel;
  g_autoptr (GArray) edits = NULL;

  _app_plan_grid_get_selection (self, &sel);
  if (n_rows (self) == 0)
    return TRUE;
  edits = _app_plan_grid_row_edits_new (self, sel.row0, sel.row1);
  for (guint i = 0; i < edits->len; i++)
    for (guint c = sel.column0; c <= sel.column1; c++)
      {
        PhaenActivity *a = _app_plan_grid_row_edit_after (edits, i);
        g_autofree char *refusal = NULL;
        int month = app_grid_column_to_month (c);
        gboolean changed;

        if (!app_grid_column_is_present (&self->columns, c))
          continue;
        if (month >= 0)
          a->marks[month] = 0;
        else if (column_is_editable (c))
          _app_plan_grid_apply_text (self, a, c, "", &changed, &refusal);
      }
  return store_in_one_step (self, edits, _ ("Clear cells"), error);
}

/* Copies cell @from of @src into cell @to of @dst: marks between months, text between text
 * columns. FALSE with @refusal when the target refuses the text. */
static gboolean
copy_cell (AppPlanGrid *self,
           const PhaenActivity *src,
           guint from,
           PhaenActivity *dst,
           guint to,
           char **refusal)
{
  int from_month = app_grid_column_to_month (from);
  int to_month = app_grid_column_to_month (to);
  g_autofree char *text = NULL;
  gboolean changed;

  if (from_month >= 0 && to_month >= 0)
    {
      dst->marks[to_month] = src->marks[from_month];
      return TRUE;
    }
  if (from_month >= 0 || to_month >= 0 || !column_is_editable (from) || !column_is_editable (to))
    return TRUE;
  text = _app_plan_grid_edit_text (src, from);
  return _app_plan_grid_apply_text (self, dst, to, text, &changed, refusal);
}

/* Ctrl+D copies the selection's top row down it (one row selected: the row above into it);
 * Ctrl+R its left column across it (one column: the column to its left). One undo step. */
gboolean
_app_plan_grid_fill (AppPlanGrid *self, gboolean down, GError **error)
{
  AppGridSelection sel;
  g_autoptr (GArray) edits = NULL;
  g_autofree char *first_refusal = NULL;
  const PhaenActivity *source_row = NULL;
  guint refused = 0, first;

  _app_plan_grid_get_selection (self, &sel);
  if (n_rows (self) == 0)
    return TRUE;
  if (down)
    {
      if (sel.row0 == sel.row1 && sel.row0 == 0)
        return TRUE;
      source_row = activity_at (self, sel.row0 == sel.row1 ? sel.row0 - 1 : sel.row0);
      first = sel.row0 == sel.row1 ? sel.row0 : sel.row0 + 1;
      edits = _app_plan_grid_row_edits_new (self, first, sel.row1);
      for (guint i = 0; i < edits->len; i++)
        for (guint c = sel.column0; c <= sel.column1; c++)
          {
            g_autofree char *refusal = NULL;

            if (app_grid_column_is_present (&self->columns, c) &&
                !copy_cell (self, source_row, c, _app_plan_grid_row_edit_after (edits, i), c,
                            &refusal) &&
                refused++ == 0)
              first_refusal = g_steal_pointer (&refusal);
          }
    }
  else
    {
      int source = sel.column0 == sel.column1
                     ? app_grid_columns_step (&self->columns, sel.column0, -1)
                     : (int)sel.column0;

      if (source < 0)
        return TRUE;
      edits = _app_plan_grid_row_edits_new (self, sel.row0, sel.row1);
      for (guint i = 0; i < edits->len; i++)
        {
          PhaenActivity *a = _app_plan_grid_row_edit_after (edits, i);
          g_autoptr (PhaenActivity) src = phaen_activity_copy (a);

          for (guint c = sel.column0; c <= sel.column1; c++)
            {
              g_autofree char *refusal = NULL;

              if (c != (guint)source && app_grid_column_is_present (&self->columns, c) &&
                  !copy_cell (self, src, (guint)source, a, c, &refusal) && refused++ == 0)
                first_refusal = g_steal_pointer (&refusal);
            }
        }
    }
  _app_plan_grid_report_refusals (self, refused, first_refusal);
  return store_in_one_step (self, edits, down ? _ ("Fill down") : _ ("Fill right"), error);
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

static void
range_action (GtkWidget *widget, const char *name, GVariant *param)
{
  AppPlanGrid *self = APP_PLAN_GRID (widget);
  g_autoptr (GError) error = NULL;
  gboolean ok = TRUE;

  if (self->store == NULL || !_app_plan_grid_commit_edit (self))
    return;
  if (g_str_equal (name, "grid.paint"))
    ok = _app_plan_grid_paint_selection (self, self->tool, &error);
  else if (g_str_equal (name, "grid.clear"))
    ok = _app_plan_grid_clear_selection (self, &error);
  else if (g_str_equal (name, "grid.fill-down"))
    ok = _app_plan_grid_fill (self, TRUE, &error);
  else if (g_str_equal (name, "grid.fill-right"))
    ok = _app_plan_grid_fill (self, FALSE, &error);
  if (!ok)
    _app_plan_grid_report_error (self, error);
}

static void
select_all_action (GtkWidget *widget, const char *name, GVariant *param)
{
  AppPlanGrid *self = APP_PLAN_GRID (widget);

  if (n_rows (self) == 0 || !_app_plan_grid_commit_edit (self))
    return;
  _app_plan_grid_move_cursor_to (self, 0, APP_PLAN_GRID_COLUMN_NAME);
  _app_plan_grid_select_to (self, n_rows (self) - 1, APP_PLAN_GRID_COLUMN_OUTPUT);
}

/* The cursor's column, from the keyboard: 16 px wider or narrower, or fitted. */
static void
column_width_action (GtkWidget *widget, const char *name, GVariant *param)
{
  AppPlanGrid *self = APP_PLAN_GRID (widget);
  guint column = self->cursor_column;

  if (g_str_equal (name, "grid.column-fit"))
    _app_plan_grid_fit_column (self, column);
  else
    _app_plan_grid_set_column_width (self, column,
                                     self->columns.width[column] +
                                       (g_str_equal (name, "grid.column-wider") ? 16 : -16));
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
    _app_plan_grid_emit_undoable (self, what);
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

/* ------------------------------------------------------------------ levels */

static const char *const level_actions[] = {
  NULL, "grid.level-strategy", "grid.level-goal", "grid.level-project", "grid.level-activity",
};

gboolean
_app_plan_grid_set_level (AppPlanGrid *self, PhaenActivityLevel level, GError **error)
{
  AppGridSelection sel;
  g_autoptr (GArray) edits = NULL;

  g_return_val_if_fail (
    level >= PHAEN_ACTIVITY_LEVEL_STRATEGY && level <= PHAEN_ACTIVITY_LEVEL_ACTIVITY, FALSE);

  _app_plan_grid_get_selection (self, &sel);
  if (n_rows (self) == 0)
    return TRUE;
  edits = _app_plan_grid_row_edits_new (self, sel.row0, sel.row1);
  for (guint i = 0; i < edits->len; i++)
    _app_plan_grid_row_edit_after (edits, i)->level = level;
  return store_in_one_step (self, edits, _ ("Set the level"), error);
}

/* Ctrl+1 … Ctrl+4, or the row menu: every selected row becomes a strategy, a goal, a project
 * or an activity, as one undo step. */
static void
level_action (GtkWidget *widget, const char *name, GVariant *param)
{
  AppPlanGrid *self = APP_PLAN_GRID (widget);
  g_autoptr (GError) error = NULL;

  if (!prepare_structure_edit (self))
    return;
  for (int level = PHAEN_ACTIVITY_LEVEL_STRATEGY; level <= PHAEN_ACTIVITY_LEVEL_ACTIVITY; level++)
    if (g_str_equal (name, level_actions[level]) &&
        !_app_plan_grid_set_level (self, (PhaenActivityLevel)level, &error))
      _app_plan_grid_report_error (self, error);
}

/* Shift+F10, the Menu key or a right click: what can be done with the cursor's row. */
static void
menu_action (GtkWidget *widget, const char *name, GVariant *param)
{
  AppPlanGrid *self = APP_PLAN_GRID (widget);
  AppGridView view = _app_plan_grid_current_view (self);
  double x, y;

  if (n_rows (self) == 0)
    return;
  x = app_grid_view_column_x (&view, &self->columns, self->cursor_column) + PAD_X;
  y = app_grid_view_row_y (&view, self->rows, self->cursor_row) +
      app_grid_rows_get_height (self->rows, self->cursor_row);
  _app_plan_grid_popup_menu (self, x, y);
}

void
_app_plan_grid_popup_menu (AppPlanGrid *self, double x, double y)
{
  g_autoptr (GMenu) menu = g_menu_new ();
  g_autoptr (GMenu) levels = g_menu_new ();
  g_autoptr (GMenu) rows = g_menu_new ();

  if (self->store == NULL || !_app_plan_grid_commit_edit (self))
    return;
  g_menu_append (levels, _ ("Strategy"), "grid.level-strategy");
  g_menu_append (levels, _ ("Goal"), "grid.level-goal");
  g_menu_append (levels, _ ("Project"), "grid.level-project");
  g_menu_append (levels, _ ("Activity"), "grid.level-activity");
  g_menu_append_section (menu, _ ("Level"), G_MENU_MODEL (levels));
  g_menu_append (rows, _ ("Add an activity below"), "grid.add-activity");
  g_menu_append (rows, _ ("Make it a sub-activity"), "grid.indent");
  g_menu_append (rows, _ ("Outdent the activity"), "grid.outdent");
  g_menu_append (rows, _ ("Delete the activity"), "grid.delete-activity");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (rows));

  g_clear_pointer (&self->menu, gtk_widget_unparent);
  self->menu = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_widget_set_parent (self->menu, GTK_WIDGET (self));
  gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), FALSE);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu), &(GdkRectangle){ (int)x, (int)y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

/* Every key of the grid that runs an action, in one table: class_init installs them and the
 * shortcuts window lists them (app_plan_grid_get_shortcuts()). Keys handled by the key
 * controller (arrows, Shift+arrows, Tab, Home/End, Enter, Space, Delete, Escape) are described
 * by the rows with no action. */
static const AppPlanGridShortcut shortcuts[] = {
  { "grid.edit", GDK_KEY_F2, 0, "F2", N_ ("Edit the cell, or toggle the tool’s mark in a month") },
  { "grid.add-activity", GDK_KEY_Return, GDK_CONTROL_MASK, "<Control>Return",
    N_ ("Add an activity below") },
  { "grid.add-activity", GDK_KEY_KP_Enter, GDK_CONTROL_MASK, NULL, NULL },
  { "grid.add-activity", GDK_KEY_Insert, 0, "Insert", N_ ("Add an activity below") },
  { "grid.delete-activity", GDK_KEY_Delete, GDK_CONTROL_MASK, "<Control>Delete",
    N_ ("Delete the activity") },
  { "grid.move-up", GDK_KEY_Up, GDK_ALT_MASK, "<Alt>Up", N_ ("Move the activity up") },
  { "grid.move-down", GDK_KEY_Down, GDK_ALT_MASK, "<Alt>Down", N_ ("Move the activity down") },
  { "grid.indent", GDK_KEY_bracketright, GDK_CONTROL_MASK, "<Control>bracketright",
    N_ ("Make it a sub-activity") },
  { "grid.outdent", GDK_KEY_bracketleft, GDK_CONTROL_MASK, "<Control>bracketleft",
    N_ ("Outdent the activity") },
  { "grid.select-all", GDK_KEY_a, GDK_CONTROL_MASK, "<Control>a", N_ ("Select every cell") },
  { "grid.copy", GDK_KEY_c, GDK_CONTROL_MASK, "<Control>c",
    N_ ("Copy the selected cells (for spreadsheets too)") },
  { "grid.copy", GDK_KEY_Insert, GDK_CONTROL_MASK, NULL, NULL },
  { "grid.cut", GDK_KEY_x, GDK_CONTROL_MASK, "<Control>x", N_ ("Cut the selected cells") },
  { "grid.cut", GDK_KEY_Delete, GDK_SHIFT_MASK, NULL, NULL },
  { "grid.paste", GDK_KEY_v, GDK_CONTROL_MASK, "<Control>v",
    N_ ("Paste cells or rows from a spreadsheet; rows past the last add activities") },
  { "grid.paste", GDK_KEY_Insert, GDK_SHIFT_MASK, NULL, NULL },
  { "grid.paste-below", GDK_KEY_v, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "<Control><Shift>v",
    N_ ("Paste rows as new activities below the cursor’s") },
  { "grid.paste-below", GDK_KEY_V, GDK_CONTROL_MASK | GDK_SHIFT_MASK, NULL, NULL },
  { "grid.fill-down", GDK_KEY_d, GDK_CONTROL_MASK, "<Control>d",
    N_ ("Fill down: copy the top row of the selection into the rows below") },
  { "grid.fill-right", GDK_KEY_r, GDK_CONTROL_MASK, "<Control>r",
    N_ ("Fill right: copy the left column of the selection across") },
  { "grid.level-strategy", GDK_KEY_1, GDK_CONTROL_MASK, "<Control>1",
    N_ ("Level: make the selected rows strategies") },
  { "grid.level-goal", GDK_KEY_2, GDK_CONTROL_MASK, "<Control>2",
    N_ ("Level: make the selected rows goals") },
  { "grid.level-project", GDK_KEY_3, GDK_CONTROL_MASK, "<Control>3",
    N_ ("Level: make the selected rows projects") },
  { "grid.level-activity", GDK_KEY_4, GDK_CONTROL_MASK, "<Control>4",
    N_ ("Level: make the selected rows activities") },
  { "grid.menu", GDK_KEY_F10, GDK_SHIFT_MASK, "<Shift>F10",
    N_ ("The row’s menu: its level, add, indent, delete (or a right click)") },
  { "grid.menu", GDK_KEY_Menu, 0, NULL, NULL },
  { "grid.column-wider", GDK_KEY_Right, GDK_ALT_MASK | GDK_SHIFT_MASK, "<Alt><Shift>Right",
    N_ ("Widen the column (or drag its header’s edge)") },
  { "grid.column-narrower", GDK_KEY_Left, GDK_ALT_MASK | GDK_SHIFT_MASK, "<Alt><Shift>Left",
    N_ ("Narrow the column") },
  { "grid.column-fit", GDK_KEY_Down, GDK_ALT_MASK | GDK_SHIFT_MASK, "<Alt><Shift>Down",
    N_ ("Fit the column to its contents (or double-click its header’s edge)") },
  { NULL, 0, 0, "<Shift>Up <Shift>Down <Shift>Left <Shift>Right",
    N_ ("Select a range of cells (Shift+click and dragging too)") },
  { NULL, 0, 0, "space", N_ ("Paint the selected months with the tool, or clear them") },
  { NULL, 0, 0, "Delete", N_ ("Clear the selected cells") },
};

const AppPlanGridShortcut *
app_plan_grid_get_shortcuts (guint *n_shortcuts)
{
  *n_shortcuts = G_N_ELEMENTS (shortcuts);
  return shortcuts;
}

void
_app_plan_grid_class_init_actions (GtkWidgetClass *widget_class)
{
  static const struct
  {
    const char *name;
    GtkWidgetActionActivateFunc activate;
  } actions[] = {
    { "grid.edit", edit_action },
    { "grid.add-activity", add_activity_action },
    { "grid.delete-activity", delete_activity_action },
    { "grid.move-up", move_activity_action },
    { "grid.move-down", move_activity_action },
    { "grid.indent", move_activity_action },
    { "grid.outdent", move_activity_action },
    { "grid.select-all", select_all_action },
    { "grid.paint", range_action },
    { "grid.clear", range_action },
    { "grid.fill-down", range_action },
    { "grid.fill-right", range_action },
    { "grid.column-wider", column_width_action },
    { "grid.column-narrower", column_width_action },
    { "grid.column-fit", column_width_action },
    { "grid.level-strategy", level_action },
    { "grid.level-goal", level_action },
    { "grid.level-project", level_action },
    { "grid.level-activity", level_action },
    { "grid.menu", menu_action },
  };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_class_install_action (widget_class, actions[i].name, NULL, actions[i].activate);
  _app_plan_grid_class_init_clipboard (widget_class);
  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    if (shortcuts[i].action != NULL)
      gtk_widget_class_add_binding_action (widget_class, shortcuts[i].keyval, shortcuts[i].mods,
                                           shortcuts[i].action, NULL);
}
