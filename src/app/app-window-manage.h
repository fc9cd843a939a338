/* app-window-manage.h — the window's actions that manage the workspace: rename, merge and
 * delete units, delete and duplicate plans, import units and plans
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "app-window.h"

G_BEGIN_DECLS

/* Installs win.rename-unit, win.merge-unit, win.delete-unit, win.delete-plan,
 * win.duplicate-plan, win.import-units and win.import-plan. */
void app_window_manage_class_init (GtkWidgetClass *widget_class);
/* Enables them for the open workspace and the shown page. */
void app_window_manage_update (AppWindow *self);
/* The context menu of a sidebar row at @place, on @anchor at (@x, @y) or under it when they
 * are negative: its plan's and its unit's actions. */
void app_window_manage_popup (
  AppWindow *self, GtkWidget *anchor, const AppSidebarPlace *place, double x, double y);

G_END_DECLS
