/* app-plan-grid-a11y.c — what a screen reader hears of the plan grid: its name and role, and
 * the focused cell (row, column heading, value, marks) after every cursor move
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-grid"

#include "config.h"

#include <glib/gi18n.h>

#include "app-plan-grid-a11y.h"

/* The grid draws its cells (GTK 4.8 has no accessible objects for drawn children), so the
 * grid itself carries the focused cell: the description changes with every move, which a
 * screen reader reads out for the focused widget. */

/* ------------------------------------------------------------------ helpers */

/* The marks of a month cell, `■●○✔` as app_plan_grid_get_cell_text() gives them, in words. */
static char *
marks_in_words (const char *marks)
{
  static const struct
  {
    const char *symbol;
    const char *words;
  } names[] = {
    { "■", N_ ("planned") },
    { "●", N_ ("start ●") },
    { "○", N_ ("output ○") },
    { "✔", N_ ("output achieved ✔") },
  };
  g_autoptr (GPtrArray) found = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (strstr (marks, names[i].symbol) != NULL)
      g_ptr_array_add (found, (gpointer)_ (names[i].words));
  if (found->len == 0)
    return g_strdup (_ ("not planned"));
  g_ptr_array_add (found, NULL);
  return g_strjoinv (", ", (char **)found->pdata);
}

/* ------------------------------------------------------------------ API */

char *
app_plan_grid_a11y_describe_cell (AppPlanGrid *grid, guint row, guint column)
{
  guint n = app_plan_grid_get_n_rows (grid);
  g_autofree char *number = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *value = NULL;
  g_autofree char *shown = NULL;

  g_return_val_if_fail (APP_IS_PLAN_GRID (grid), NULL);

  if (n == 0)
    return g_strdup (_ ("The plan has no activities yet: Ctrl+Enter adds one."));
  g_return_val_if_fail (row < n, NULL);

  number = app_plan_grid_get_cell_text (grid, row, APP_PLAN_GRID_COLUMN_NUMBER);
  name = app_plan_grid_get_cell_text (grid, row, APP_PLAN_GRID_COLUMN_NAME);
  title = app_plan_grid_get_column_title (grid, column);
  value = app_plan_grid_get_cell_text (grid, row, column);
  if (app_grid_column_to_month (column) >= 0)
    shown = marks_in_words (value);
  else if (g_strcmp0 (value, "") == 0 || g_strcmp0 (value, "-") == 0)
    shown = g_strdup (_ ("empty"));
  else
    shown = g_steal_pointer (&value);
  {
    g_autofree char *warning = app_plan_grid_get_cell_warning (grid, row, column);
    int level = app_plan_grid_get_row_level (grid, row);
    g_autofree char *described = NULL;

    /* A row above the activities says its level first ("Strategy 1 …"). */
    if (level >= PHAEN_ACTIVITY_LEVEL_STRATEGY && level < PHAEN_ACTIVITY_LEVEL_ACTIVITY)
      {
        g_autofree char *typed =
          g_strdup_printf ("%s %s", app_plan_grid_level_name (level), number);

        g_free (number);
        number = g_steal_pointer (&typed);
      }
    /* TRANSLATORS: row number, number of rows, the activity's number and name; then the
     * column's heading and the cell's value */
    described =
      g_strdup_printf (_ ("Row %u of %u, %s %s; %s: %s"), row + 1, n, number, name, title, shown);
    return warning ? g_strconcat (described, ". ", warning, NULL) : g_steal_pointer (&described);
  }
}

void
app_plan_grid_a11y_init (AppPlanGrid *grid)
{
  g_return_if_fail (APP_IS_PLAN_GRID (grid));

  gtk_accessible_update_property (GTK_ACCESSIBLE (grid), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Plan grid"), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _ ("The plan has no activities yet: Ctrl+Enter adds one."), -1);
}

void
app_plan_grid_a11y_cursor_moved (AppPlanGrid *grid)
{
  guint row, column;
  guint n = app_plan_grid_get_n_rows (grid);
  g_autofree char *description = NULL;

  g_return_if_fail (APP_IS_PLAN_GRID (grid));

  app_plan_grid_get_cursor (grid, &row, &column);
  description = app_plan_grid_a11y_describe_cell (grid, MIN (row, MAX (n, 1) - 1), column);
  gtk_accessible_update_property (GTK_ACCESSIBLE (grid), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description, -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (grid), GTK_ACCESSIBLE_RELATION_ROW_COUNT, (int)n,
                                  GTK_ACCESSIBLE_RELATION_ROW_INDEX, (int)MIN (row + 1, n), -1);
}
