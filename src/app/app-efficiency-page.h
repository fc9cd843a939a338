/* app-efficiency-page.h — monthly reporting of the 12-item efficiency plan (OPDC 4.2): achieved
 * outputs, progress text and the rounds' percentage and ผ่าน/ไม่ผ่าน
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "phaen-store.h"

G_BEGIN_DECLS

#define APP_TYPE_EFFICIENCY_PAGE (app_efficiency_page_get_type ())
G_DECLARE_FINAL_TYPE (AppEfficiencyPage, app_efficiency_page, APP, EFFICIENCY_PAGE, AdwBin)

/*
 * Actions (widget actions of the page):
 *   efficiency.month   state "i": the fiscal month reported, 0 = ต.ค. (property "month")
 *
 * Ticking an item's output in the month marks it achieved (one undo step); the progress text of
 * the month is saved when its entry is activated or loses focus. The rounds follow at once.
 */

/* Shows @plan_id of @store (a PHAEN_PLAN_EFFICIENCY plan) and follows "changed"; @store NULL
 * clears. A new plan opens on the first month with an output still to achieve. */
void app_efficiency_page_set_plan (AppEfficiencyPage *self, PhaenStore *store, gint64 plan_id);

int app_efficiency_page_get_month (AppEfficiencyPage *self);
void app_efficiency_page_set_month (AppEfficiencyPage *self, int month);

/* Saves progress text typed but not saved yet. */
void app_efficiency_page_flush (AppEfficiencyPage *self);

/* The result shown for round 1 or 2: `100 % · ผ่าน`. Returns: (transfer none) */
const char *app_efficiency_page_get_round_text (AppEfficiencyPage *self, int round);

/* The widgets of @activity_id's row; the check is hidden in a month without a planned output.
 * Returns: (transfer none) (nullable) */
GtkCheckButton *app_efficiency_page_get_achieved_check (AppEfficiencyPage *self,
                                                        gint64 activity_id);
GtkEditable *app_efficiency_page_get_progress_entry (AppEfficiencyPage *self, gint64 activity_id);

void app_efficiency_page_set_today (AppEfficiencyPage *self, const GDate *today);

G_END_DECLS
