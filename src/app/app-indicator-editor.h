/* app-indicator-editor.h — every field of an indicator's form (DOMAIN.md §4a), saved as edited
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "app-criteria-editor.h"
#include "phaen-store.h"

G_BEGIN_DECLS

#define APP_TYPE_INDICATOR_EDITOR (app_indicator_editor_get_type ())
G_DECLARE_FINAL_TYPE (AppIndicatorEditor, app_indicator_editor, APP, INDICATOR_EDITOR, AdwBin)

/* Edits @indicator_id and follows "changed"; @store NULL clears. Typing not yet saved in the
 * previous indicator is saved first.
 *
 * Signals: "weight-preview" (gdouble value) while the weight is typed: the number typed, or NAN
 * when the text is not one (the stored weight stands). */
void app_indicator_editor_set_indicator (AppIndicatorEditor *self,
                                         PhaenStore *store,
                                         gint64 indicator_id);
gint64 app_indicator_editor_get_indicator_id (AppIndicatorEditor *self);

/* Saves every field that holds typing not yet saved (one undo step each). */
void app_indicator_editor_flush (AppIndicatorEditor *self);

/**
 * app_indicator_editor_get_field:
 * @key: a field: "name", "code", "org_plan", "strategy", "dimension", "goal", "weight",
 *   "mandatory", "description", "condition", "measure_unit", "target", "baseline1".."baseline3",
 *   "data_source", "cumulative", "level", "leading", "owner_name", "owner_phone",
 *   "supporter_name", "supporter_phone", "pmqa_group", "pmqa_target", "pmqa_note"
 *
 * Returns: (transfer none) (nullable): its widget: an #AdwEntryRow, a #GtkTextView (long
 *   texts), an #AdwComboRow (choices) or a #GtkSwitch
 */
GtkWidget *app_indicator_editor_get_field (AppIndicatorEditor *self, const char *key);

/**
 * app_indicator_editor_commit_field:
 *
 * Saves what the field @key holds, as pressing Enter or leaving it does: one undo step.
 * Numbers take Thai or Arabic digits.
 *
 * Returns: %TRUE when saved or unchanged; %FALSE with PHAEN_ERROR_INVALID when the text does
 *   not fit the field (the field is marked, a toast says why, nothing is stored)
 */
gboolean
app_indicator_editor_commit_field (AppIndicatorEditor *self, const char *key, GError **error);

AppCriteriaEditor *app_indicator_editor_get_criteria_editor (AppIndicatorEditor *self);

G_END_DECLS
