/* app-budget-page.h — a plan's quarterly budget: allocated, committed and disbursed per project
 * and activity and in total, against the cabinet's cumulative disbursement targets, with the
 * budget chart
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "phaen-budget-view.h"
#include "phaen-chart-budget.h"

G_BEGIN_DECLS

#define APP_TYPE_BUDGET_PAGE (app_budget_page_get_type ())
G_DECLARE_FINAL_TYPE (AppBudgetPage, app_budget_page, APP, BUDGET_PAGE, AdwBin)

/*
 * Actions (widget actions of the page):
 *   budget.quarter           state "i": the quarter the table edits, 1..4 (property "quarter")
 *   budget.next-quarter      Alt+Page Down (and Alt+1…4: a quarter)
 *   budget.previous-quarter  Alt+Page Up
 *   budget.show-plan         Ctrl+Alt+B: back to the plan (win.show-plan)
 *
 * An amount is saved when its cell is activated (Enter) or loses focus, as one undo step; text
 * that is no amount stays in the cell, marked, with the reason under the summary. Totals, the
 * chart and every row follow the store's records-changed while the page is shown.
 */

/* Shows @plan_id of @store and follows its edits; @store NULL clears. */
void app_budget_page_set_plan (AppBudgetPage *self, PhaenStore *store, gint64 plan_id);
gint64 app_budget_page_get_plan_id (AppBudgetPage *self);

int app_budget_page_get_quarter (AppBudgetPage *self);
void app_budget_page_set_quarter (AppBudgetPage *self, int quarter);

/* Saves amounts typed but not saved yet. */
void app_budget_page_flush (AppBudgetPage *self);

/* The day that decides which quarters have ended (tests); NULL for today. */
void app_budget_page_set_today (AppBudgetPage *self, const GDate *today);

/* What the page shows: its view, its chart, a total cell's text, the last message.
 * (transfer none) (nullable) */
const PhaenBudgetView *app_budget_page_get_view (AppBudgetPage *self);
const PhaenBudgetChart *app_budget_page_get_chart (AppBudgetPage *self);
const char *app_budget_page_get_summary_text (AppBudgetPage *self, guint line, int quarter);
const char *app_budget_page_get_message (AppBudgetPage *self);
/* How many times the chart was drawn. */
guint app_budget_page_get_n_chart_draws (AppBudgetPage *self);

/* The entry of @activity_id's @field in the quarter shown, when its row is on screen.
 * (transfer none) (nullable) */
GtkEditable *
app_budget_page_get_amount_entry (AppBudgetPage *self, gint64 activity_id, PhaenBudgetField field);
/* The entry of @quarter's disbursement target. (transfer none) */
GtkEditable *app_budget_page_get_target_entry (AppBudgetPage *self, int quarter);

/* The summary's lines, for app_budget_page_get_summary_text(). */
enum
{
  APP_BUDGET_LINE_ALLOCATED,
  APP_BUDGET_LINE_COMMITTED,
  APP_BUDGET_LINE_DISBURSED,
  APP_BUDGET_LINE_CUMULATIVE,
  APP_BUDGET_LINE_PERCENT,
  APP_BUDGET_LINE_TARGET,
  APP_BUDGET_LINE_SHORTFALL,
  APP_BUDGET_LINE_STATUS,
  APP_BUDGET_N_LINES
};

G_END_DECLS
