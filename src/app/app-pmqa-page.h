/* app-pmqa-page.h — PMQA 4.0 category 7: results of three years, % success, scores, means
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "phaen-store.h"

G_BEGIN_DECLS

/* Category 7's sub-items 7.1 … 7.6 (seed 001). */
#define APP_PMQA_N_GROUPS 6

/* "7.1" for 0 … "7.6" for 5. Returns: (transfer none) */
const char *app_pmqa_group_code (int index);
/* "7.1 การบรรลุผลลัพธ์ของตัวชี้วัดตามพันธกิจ"; an unknown code as it is. Returns: (transfer full) */
char *app_pmqa_group_title (const char *group);

#define APP_TYPE_PMQA_PAGE (app_pmqa_page_get_type ())
G_DECLARE_FINAL_TYPE (AppPmqaPage, app_pmqa_page, APP, PMQA_PAGE, AdwBin)

/* Shows the category-7 table of the unit's PMQA indicators in @fiscal_year (BE) and follows
 * "changed"; @store NULL clears. */
void app_pmqa_page_set_unit (AppPmqaPage *self, PhaenStore *store, gint64 unit_id, int fiscal_year);

/* Saves a cell that still holds typing. */
void app_pmqa_page_flush (AppPmqaPage *self);

/* The category mean and a sub-item's mean as shown ("400.00"; "-" when nothing is scored).
 * Returns: (transfer none) (nullable): NULL for a sub-item that is not shown */
const char *app_pmqa_page_get_mean_text (AppPmqaPage *self);
const char *app_pmqa_page_get_group_mean_text (AppPmqaPage *self, const char *group);

/* The cells of an indicator's row: the chosen score (a GtkDropDown of 100 … 500, the
 * suggestion unless the user chose), and the result of BE @year (a GtkEntry, saved on Enter
 * or when focus leaves). Returns: (transfer none) (nullable) */
GtkWidget *app_pmqa_page_get_score_chooser (AppPmqaPage *self, gint64 indicator_id);
GtkWidget *app_pmqa_page_get_value_entry (AppPmqaPage *self, gint64 indicator_id, int year);

/* Writes the PMQA category 7 form (XLSX) of the unit and year in the background. */
void app_pmqa_page_export (AppPmqaPage *self, GFile *file);
gboolean app_pmqa_page_get_busy (AppPmqaPage *self);

G_END_DECLS
