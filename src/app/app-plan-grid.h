/* app-plan-grid.h — the plan's activity × month grid, edited in place
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "app-grid-geometry.h"
#include "phaen-store.h"

G_BEGIN_DECLS

#define APP_TYPE_PLAN_GRID (app_plan_grid_get_type ())
G_DECLARE_FINAL_TYPE (AppPlanGrid, app_plan_grid, APP, PLAN_GRID, GtkWidget)

/*
 * Actions (widget actions: activate them with gtk_widget_activate_action() on the grid, or from
 * a button inside it):
 *   grid.tool            state "s": "planned" | "start" | "output" | "achieved"
 *   grid.edit            F2, Enter: edit the cell, or toggle the tool's mark in a month cell
 *   grid.add-activity    Ctrl+Enter, Insert: a new activity below the cursor
 *   grid.delete-activity Ctrl+Delete
 *   grid.move-up         Alt+Up
 *   grid.move-down       Alt+Down
 *   grid.indent          Ctrl+], or Tab on the number column
 *   grid.outdent         Ctrl+[, or Shift+Tab on the number column
 *   grid.select-all      Ctrl+A
 *   grid.paint           Space: the tool's mark over the selected months (or off them all)
 *   grid.clear           Delete: every selected cell emptied
 *   grid.fill-down       Ctrl+D;  grid.fill-right Ctrl+R
 *   grid.copy            Ctrl+C;  grid.cut Ctrl+X;  grid.paste Ctrl+V (TSV and HTML)
 *   grid.paste-below     Ctrl+Shift+V: the rows as new activities after the cursor's
 *   grid.level-strategy  Ctrl+1; grid.level-goal Ctrl+2; grid.level-project Ctrl+3;
 *   grid.level-activity  Ctrl+4: the selected rows' level (DOMAIN §3b)
 *   grid.menu            Shift+F10, Menu, right click: the row menu (level, add, indent, delete)
 * Each edit of a range is one undo step.
 *
 * Signals:
 *   "message" (const char *text): something the user should read (refused input, dropped
 *   text); the page shows it as a toast.
 *   "undoable-message" (const char *text): a destructive edit (a deleted activity); the page
 *   shows it as a toast with an Undo button.
 */

/**
 * AppPlanGridShortcut:
 * @action: the grid action the key runs, or %NULL for a key the grid handles itself
 * @keyval: (nullable): with @mods, the binding (0 for none)
 * @accelerator: (nullable): for a GtkShortcutsShortcut, %NULL for a second key of an action
 *   that is listed once
 * @title: (nullable): N_() text, translate with _()
 */
typedef struct
{
  const char *action;
  guint keyval;
  GdkModifierType mods;
  const char *accelerator;
  const char *title;
} AppPlanGridShortcut;

/* The grid's keys, as installed in class_init. Returns: (transfer none) (array length=n) */
const AppPlanGridShortcut *app_plan_grid_get_shortcuts (guint *n_shortcuts);

GtkWidget *app_plan_grid_new (void);

/* Shows @plan_id of @store and follows the store's "changed" signal; @store NULL clears. */
void app_plan_grid_set_plan (AppPlanGrid *self, PhaenStore *store, gint64 plan_id);

/* The activity under the cursor, or 0 when there is none. */
gint64 app_plan_grid_get_cursor_activity (AppPlanGrid *self);
guint app_plan_grid_get_n_rows (AppPlanGrid *self);

void app_plan_grid_set_cursor (AppPlanGrid *self, guint row, guint column);
void app_plan_grid_get_cursor (AppPlanGrid *self, guint *row, guint *column);
/* The heading of @column in the interface language. Returns: (transfer full) */
char *app_plan_grid_get_column_title (AppPlanGrid *self, guint column);
/* Extends the selection from the anchor (where the cursor was last set) to @row, @column. */
void app_plan_grid_select_to (AppPlanGrid *self, guint row, guint column);
void app_plan_grid_set_compact (AppPlanGrid *self, gboolean compact);
/* The widths the user set, by column name ("a{sd}", the grid-column-widths setting); fitting a
 * column (double click on its header's edge, Alt+Shift+↓) forgets its width. */
GVariant *app_plan_grid_get_column_widths (AppPlanGrid *self);
void app_plan_grid_set_column_widths (AppPlanGrid *self, GVariant *widths);
/* Column geometry, for tests and the screenshot check. (transfer none) */
const AppGridColumns *app_plan_grid_get_columns (AppPlanGrid *self);

/* What typing @text into a cell and pressing Enter does. Refused input (a budget that is not a
 * number, a category outside 0–5, a month or number cell) changes nothing, emits "message" and
 * returns FALSE with PHAEN_ERROR_INVALID; store errors are passed on. */
gboolean app_plan_grid_commit_text (
  AppPlanGrid *self, guint row, guint column, const char *text, GError **error);

/* What a drag over months @first_month … @last_month (either order) of @row does with the
 * current tool: sets its mark in every cell, or clears it when the first cell already has it.
 * One undo step. */
gboolean app_plan_grid_paint (
  AppPlanGrid *self, guint row, guint first_month, guint last_month, GError **error);

/* The text a cell or the footer shows (`1.1`, `14,760.00`, `-`, `●○`).
 * Returns: (transfer full) */
char *app_plan_grid_get_cell_text (AppPlanGrid *self, guint row, guint column);
char *app_plan_grid_get_footer_text (AppPlanGrid *self, guint column);
/* What a cell warns about, leading with the reason (its tooltip, and what a screen reader
 * hears after the value): a budget that the rows under it exceed. Returns: (transfer full)
 * (nullable): %NULL when the cell has nothing to warn about */
char *app_plan_grid_get_cell_warning (AppPlanGrid *self, guint row, guint column);
/* The row's level (PhaenActivityLevel), 0 outside the rows. */
int app_plan_grid_get_row_level (AppPlanGrid *self, guint row);

/* A row level's name in the interface language ("Strategy"). Returns: (transfer none) */
const char *app_plan_grid_level_name (int level);

/* The keyboard and mouse help, for a tooltip or a help popover. Returns: (transfer none) */
const char *app_plan_grid_get_help_text (void);

G_END_DECLS
