/* app-result-editor.h — one indicator's quarterly report: result, live score, text, evidence
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "phaen-store.h"

G_BEGIN_DECLS

#define APP_TYPE_RESULT_EDITOR (app_result_editor_get_type ())
G_DECLARE_FINAL_TYPE (AppResultEditor, app_result_editor, APP, RESULT_EDITOR, AdwBin)

/*
 * Actions (widget actions of the editor, used by its own buttons):
 *   editor.attach                ask for files and store them inside the workspace
 *   editor.add-link              the link typed in the link popover (a bad address is refused)
 *   editor.apply-override        the chosen score with its reason
 *   editor.remove-override       back to the computed score
 *   editor.open-evidence (x)     open a stored file (a copy in a temporary folder) or a link
 *   editor.save-evidence (x)     save a stored file elsewhere
 *   editor.remove-evidence (x)   remove it; the toast offers win.undo
 *
 * The result is saved when its entry is activated or loses focus, each text when it loses
 * focus: each save is one undo step. The score, the weighted score and the warnings follow
 * every key stroke, computed by the core on the text as typed.
 */

GtkWidget *app_result_editor_new (void);

/* Shows @quarter (1..4) of @indicator_id and follows the store's "changed" signal. Unsaved
 * typing is saved first. @store NULL clears. */
void app_result_editor_set_indicator (AppResultEditor *self,
                                      PhaenStore *store,
                                      gint64 indicator_id,
                                      int quarter);
gint64 app_result_editor_get_indicator_id (AppResultEditor *self);

/* Saves whatever was typed but not saved yet. */
void app_result_editor_flush (AppResultEditor *self);

/* Reads @file in the background and attaches it to the quarter shown when this was called.
 * A failure is shown as a toast. */
void app_result_editor_attach_file (AppResultEditor *self, GFile *file);

/* Returns: (transfer none) */
GtkEditable *app_result_editor_get_value_entry (AppResultEditor *self);
GtkLabel *app_result_editor_get_score_label (AppResultEditor *self);
GtkLabel *app_result_editor_get_weighted_label (AppResultEditor *self);
GtkTextView *app_result_editor_get_detail_view (AppResultEditor *self);
GtkTextView *app_result_editor_get_problems_view (AppResultEditor *self);
GtkEditable *app_result_editor_get_link_entry (AppResultEditor *self);
GtkEditable *app_result_editor_get_override_entry (AppResultEditor *self);
GtkEditable *app_result_editor_get_reason_entry (AppResultEditor *self);

/* The message shown under the link or the override when the store refused it, else NULL.
 * Returns: (transfer none) (nullable) */
const char *app_result_editor_get_link_error (AppResultEditor *self);
const char *app_result_editor_get_override_error (AppResultEditor *self);

/* The warnings shown for the quarter, one sentence each. Returns: (transfer full) */
GStrv app_result_editor_get_warnings (AppResultEditor *self);

G_END_DECLS
