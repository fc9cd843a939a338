/* app-criteria-editor.h — an indicator's scoring criteria: kind, table, versions and history
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "phaen-store.h"

G_BEGIN_DECLS

#define APP_TYPE_CRITERIA_EDITOR (app_criteria_editor_get_type ())
G_DECLARE_FINAL_TYPE (AppCriteriaEditor, app_criteria_editor, APP, CRITERIA_EDITOR, AdwBin)

/* Shows the criteria in force of @indicator_id with the history of their versions and follows
 * "changed"; @store NULL clears. Changes not yet saved are dropped. */
void
app_criteria_editor_set_indicator (AppCriteriaEditor *self, PhaenStore *store, gint64 indicator_id);

/* The scoring kind (PhaenScoringKind) chosen in the editor, saved or not ("kind" property). */
int app_criteria_editor_get_kind (AppCriteriaEditor *self);

/* Whether the editor holds changes not yet saved as a version ("dirty" property). */
gboolean app_criteria_editor_get_dirty (AppCriteriaEditor *self);

/**
 * app_criteria_editor_get_cell:
 * @column: "threshold", "label", "lower", "upper", "score" or "description" of the table row
 *   @row (from 0); or "pass", "date" or "reason", @row ignored
 *
 * Returns: (transfer none) (nullable): the cell's widget: a #GtkEditable, or a #GtkTextView for
 *   "description"; %NULL when the current kind has no such cell
 */
GtkWidget *app_criteria_editor_get_cell (AppCriteriaEditor *self, const char *column, guint row);

/**
 * app_criteria_editor_save:
 *
 * What the Save button does: reads the table, has the scoring engine check it
 * (phaen_criteria_validate()), then records it as the indicator's next criteria version, with
 * the kind and direction, in one undo step. Once a version exists the approval date (a B.E.
 * date) and the reason are required.
 *
 * Returns: %TRUE when saved or when there was nothing to save; %FALSE with PHAEN_ERROR_INVALID
 *   (the message is also shown in the editor) and nothing stored
 */
gboolean app_criteria_editor_save (AppCriteriaEditor *self, GError **error);

/* Drops the changes not yet saved. */
void app_criteria_editor_revert (AppCriteriaEditor *self);

/* Rows of the history, one per version. */
guint app_criteria_editor_get_n_history_rows (AppCriteriaEditor *self);

const char *app_criteria_editor_get_target_warning (AppCriteriaEditor *self);

G_END_DECLS
