/* app-send-dialog.h — the planning office sends unit copies: a fiscal year, every unit or chosen
 * ones, a folder; a progress bar and Cancel while the copies are written
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "phaen-store.h"

G_BEGIN_DECLS

#define APP_TYPE_SEND_DIALOG (app_send_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AppSendDialog, app_send_dialog, APP, SEND_DIALOG, AdwWindow)

/* The dialog for @store (the office's workspace, open for editing), modal to @parent. */
AppSendDialog *app_send_dialog_new (GtkWindow *parent, PhaenStore *store);

/* Chooses the fiscal year (its units are listed, all chosen); FALSE when there is none such. */
gboolean app_send_dialog_set_year (AppSendDialog *self, int fiscal_year);
guint app_send_dialog_get_n_units (AppSendDialog *self);
/* Ticks or unticks the unit at @index of the list. */
void app_send_dialog_set_unit_chosen (AppSendDialog *self, guint index, gboolean chosen);
void app_send_dialog_set_folder (AppSendDialog *self, const char *folder);
/* What "Send" does: writes the copies with the progress bar moving, then shows the summary in
 * the dialog. Returns how many copies were written, or -1 with the reason shown. */
int app_send_dialog_send (AppSendDialog *self);
/* The summary or error shown once sending ended. (transfer none) */
const char *app_send_dialog_get_status (AppSendDialog *self);

G_END_DECLS
