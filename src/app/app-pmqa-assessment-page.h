/* app-pmqa-assessment-page.h — PMQA 4.0 categories 1–6: the tree of the application with its
 * coverage, a sub-item's statements, evidence and narrative, a topic's self-assessed level
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "phaen-store.h"

G_BEGIN_DECLS

#define APP_TYPE_PMQA_ASSESSMENT_PAGE (app_pmqa_assessment_page_get_type ())
G_DECLARE_FINAL_TYPE (
  AppPmqaAssessmentPage, app_pmqa_assessment_page, APP, PMQA_ASSESSMENT_PAGE, AdwBin)

/* Shows the unit's application of @fiscal_year (BE) and follows the store; @store NULL clears.
 * The page emits "show-category-7" when the tree's หมวด 7 row is activated. */
void app_pmqa_assessment_page_set_unit (AppPmqaAssessmentPage *self,
                                        PhaenStore *store,
                                        gint64 unit_id,
                                        int fiscal_year);
/* Saves the narrative or name still being typed. */
void app_pmqa_assessment_page_flush (AppPmqaAssessmentPage *self);

/* Selects a category ("1"), topic ("1.1") or sub-item ("1.1.1") in the tree, expanding what
 * leads to it, and shows it. */
gboolean app_pmqa_assessment_page_select (AppPmqaAssessmentPage *self, const char *code);
/* The code shown on the right, or NULL. (transfer none) */
const char *app_pmqa_assessment_page_get_selected (AppPmqaAssessmentPage *self);

/* Widgets of the shown sub-item (1-based statements) or topic, for tests.
 * Returns: (transfer none) (nullable) */
GtkWidget *app_pmqa_assessment_page_get_statement_check (AppPmqaAssessmentPage *self, int n);
GtkWidget *app_pmqa_assessment_page_get_evidence_label (AppPmqaAssessmentPage *self, int n);
GtkWidget *app_pmqa_assessment_page_get_evidence_warning (AppPmqaAssessmentPage *self, int n);
GtkWidget *app_pmqa_assessment_page_get_narrative_view (AppPmqaAssessmentPage *self);
GtkWidget *app_pmqa_assessment_page_get_count_label (AppPmqaAssessmentPage *self);
GtkWidget *app_pmqa_assessment_page_get_level_dropdown (AppPmqaAssessmentPage *self);
GtkWidget *app_pmqa_assessment_page_get_level_text (AppPmqaAssessmentPage *self);

/* What the evidence button's file chooser does with the chosen file: keeps it as the evidence of
 * statement @n of the shown sub-item. Reports failures in a toast. */
void app_pmqa_assessment_page_attach (AppPmqaAssessmentPage *self, int n, GFile *file);
/* What the paste button does with the clipboard's text: the repaired text, shown for approval
 * before it goes into the narrative. Returns: (transfer none) the preview dialog */
GtkWidget *app_pmqa_assessment_page_paste_preview (AppPmqaAssessmentPage *self, const char *text);

/* The exports of the header's menu; ".pdf", ".xlsx" or ".zip" by the file's name. Synchronous:
 * TRUE when written. */
gboolean app_pmqa_assessment_page_export (AppPmqaAssessmentPage *self, GFile *file, GError **error);

G_END_DECLS
