/* app-results-page.h — quarterly result entry for a unit head: the unit's indicators, one quarter
 * at a time, with live scores, evidence and warnings
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "app-result-editor.h"
#include "phaen-store.h"

G_BEGIN_DECLS

#define APP_TYPE_RESULTS_PAGE (app_results_page_get_type ())
G_DECLARE_FINAL_TYPE (AppResultsPage, app_results_page, APP, RESULTS_PAGE, AdwBin)

/*
 * Actions (widget actions of the page):
 *   results.quarter   state "i": the quarter reported, 1..4 (property "quarter")
 */

/* Shows the indicators of the unit in @fiscal_year (BE) that are scored by quarter (PMQA
 * category 7 is reported by year on its own page), and follows "changed" while it is on screen
 * (a hidden page catches up when shown); @store NULL clears. The list makes editors only for the
 * indicators on screen and hands them on as it scrolls.
 * A new unit or year opens on its latest reported quarter. */
void app_results_page_set_unit (AppResultsPage *self,
                                PhaenStore *store,
                                gint64 unit_id,
                                int fiscal_year);

int app_results_page_get_quarter (AppResultsPage *self);
void app_results_page_set_quarter (AppResultsPage *self, int quarter);

/* Saves what was typed but not saved yet, each field as its own undo step. */
void app_results_page_flush (AppResultsPage *self);

/* The editor of @indicator_id, NULL when the page does not show it; an indicator scrolled out of
 * view is scrolled to, and has its editor once the list is laid out.
 * Returns: (transfer none) (nullable) */
AppResultEditor *app_results_page_get_editor (AppResultsPage *self, gint64 indicator_id);

/* How many times the page has rebuilt its scorecard: the tests check a hidden page does not. */
guint app_results_page_get_n_refreshes (AppResultsPage *self);

G_END_DECLS
