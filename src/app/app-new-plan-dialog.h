/* app-new-plan-dialog.h — asks for the unit, fiscal year and kind of a new plan, then adds it
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "phaen-store.h"

G_BEGIN_DECLS

#define APP_TYPE_NEW_PLAN_DIALOG (app_new_plan_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AppNewPlanDialog, app_new_plan_dialog, APP, NEW_PLAN_DIALOG, AdwMessageDialog)

/* @unit_id: the unit to start from (0: none). The "create" response adds the unit when it is
 * new, the fiscal year and the plan, as one undo step, and emits "plan-created" (gint64 id).
 * The response stays disabled until the unit, a B.E. year and the title are filled in. */
AppNewPlanDialog *app_new_plan_dialog_new (GtkWindow *parent, PhaenStore *store, gint64 unit_id);

/* What pressing "create" does; FALSE with @error (nothing kept) when the store refuses. */
gint64 app_new_plan_dialog_create (AppNewPlanDialog *self, GError **error);

G_END_DECLS
