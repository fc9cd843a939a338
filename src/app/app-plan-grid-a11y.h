/* app-plan-grid-a11y.h — what a screen reader hears of the plan grid: its name and role, and
 * the focused cell (row, column heading, value, marks) after every cursor move
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "app-plan-grid.h"

G_BEGIN_DECLS

/* The grid's accessible label; called once from its init. */
void app_plan_grid_a11y_init (AppPlanGrid *grid);
/* Puts the cursor's cell into the grid's accessible description and its row into the row
 * relations; called from the grid's cursor-move path. */
void app_plan_grid_a11y_cursor_moved (AppPlanGrid *grid);
/* "Row 2 of 7, 1.1 Survey; ต.ค.63: planned, start ●", in the interface language.
 * Returns: (transfer full) */
char *app_plan_grid_a11y_describe_cell (AppPlanGrid *grid, guint row, guint column);

G_END_DECLS
