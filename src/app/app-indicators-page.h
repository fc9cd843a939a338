/* app-indicators-page.h — the indicators of a unit in a fiscal year: the list and the editor
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "app-export.h"

#include "app-indicator-editor.h"
#include "phaen-store.h"

G_BEGIN_DECLS

#define APP_TYPE_INDICATORS_PAGE (app_indicators_page_get_type ())
G_DECLARE_FINAL_TYPE (AppIndicatorsPage, app_indicators_page, APP, INDICATORS_PAGE, AdwBin)

/* Shows the unit's indicators of @fiscal_year (BE) and follows "changed"; @store NULL clears.
 * Actions: indicators.add, indicators.delete (asks first; undo brings it back). */
void app_indicators_page_set_unit (AppIndicatorsPage *self,
                                   PhaenStore *store,
                                   gint64 unit_id,
                                   int fiscal_year);

/* Selects @indicator_id (of the unit and year shown) and opens it in the editor. */
void app_indicators_page_show_indicator (AppIndicatorsPage *self, gint64 indicator_id);
/* The indicator in the editor, 0 when none. */
gint64 app_indicators_page_get_selected (AppIndicatorsPage *self);
AppIndicatorEditor *app_indicators_page_get_editor (AppIndicatorsPage *self); /* (transfer none) */

/* Saves typing not yet saved. */
void app_indicators_page_flush (AppIndicatorsPage *self);

/* The weight total shown (PMQA category 7 indicators carry no weight), counting a weight being
 * typed, and the banner's text. Returns: (transfer none) */
double app_indicators_page_get_weight_total (AppIndicatorsPage *self);
const char *app_indicators_page_get_weight_text (AppIndicatorsPage *self);

void app_indicators_page_export (AppIndicatorsPage *self,
                                 GFile *file,
                                 const AppExportOptions *options,
                                 gboolean only_selected);
gboolean app_indicators_page_get_busy (AppIndicatorsPage *self);

G_END_DECLS
