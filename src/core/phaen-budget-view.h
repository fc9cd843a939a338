/* phaen-budget-view.h — a plan's quarterly budget: allocated, committed and disbursed per row and
 * in total, cumulative by quarter, against the cabinet's disbursement targets. One counting rule
 * for the budget page, its chart, the XLSX sheet and phaen-cli.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "phaen-store-budget.h"

G_BEGIN_DECLS

/**
 * PhaenBudgetStatus:
 * @PHAEN_BUDGET_NOTHING_ALLOCATED: no allocation for the year: no percentage to judge
 * @PHAEN_BUDGET_IN_PROGRESS: the quarter has not ended yet: shown, not judged
 * @PHAEN_BUDGET_ON_TARGET: by the quarter's end, disbursed at least the target
 * @PHAEN_BUDGET_SHORT: by the quarter's end, disbursed less than the target (flagged)
 */
typedef enum
{
  PHAEN_BUDGET_NOTHING_ALLOCATED,
  PHAEN_BUDGET_IN_PROGRESS,
  PHAEN_BUDGET_ON_TARGET,
  PHAEN_BUDGET_SHORT,
} PhaenBudgetStatus;

/**
 * PhaenBudgetFigures:
 * @amount: per field and quarter (index 0 = ไตรมาสที่ 1), in baht
 * @cumulative: per field, the quarters up to and including each one
 * @annual: per field, the four quarters
 * @disbursed_percent: cumulative disbursed ÷ the year's allocation × 100; NAN with no allocation
 * @target_amount: the quarter's cumulative target in baht; NAN with no allocation
 * @shortfall: @target_amount − cumulative disbursed, > 0 when behind; NAN with no allocation
 * @status: what the quarter says against its target
 */
typedef struct
{
  double amount[PHAEN_BUDGET_FIELDS][PHAEN_QUARTERS];
  double cumulative[PHAEN_BUDGET_FIELDS][PHAEN_QUARTERS];
  double annual[PHAEN_BUDGET_FIELDS];
  double disbursed_percent[PHAEN_QUARTERS];
  double target_amount[PHAEN_QUARTERS];
  double shortfall[PHAEN_QUARTERS];
  PhaenBudgetStatus status[PHAEN_QUARTERS];
} PhaenBudgetFigures;

/**
 * PhaenBudgetRow:
 * @own: what is entered on the row itself
 * @has_own: per field, whether any quarter of it is entered on the row
 * @has_children: whether the row is a project (a row with sub-rows)
 * @editable: per field, whether the row's cells take input: a row holds its own amounts, or
 *   shows its children's sum (then its children are where they are typed)
 * @children_exceed: per field, the children's entries add up to more than the row's own for the
 *   year (a project's activities spending more than it was given)
 * @figures: the row's amounts by the counting rule (see phaen_budget_view_new())
 */
typedef struct
{
  gint64 activity_id;
  gint64 parent_id;
  int depth;
  char *number;
  char *name;
  gboolean has_children;
  double own[PHAEN_BUDGET_FIELDS][PHAEN_QUARTERS];
  gboolean has_own[PHAEN_BUDGET_FIELDS];
  gboolean editable[PHAEN_BUDGET_FIELDS];
  gboolean children_exceed[PHAEN_BUDGET_FIELDS];
  PhaenBudgetFigures figures;
} PhaenBudgetRow;

/**
 * PhaenBudgetView:
 * @rows: (element-type PhaenBudgetRow): the plan's rows in display order
 * @total: the plan's figures
 * @from_plan: no row has amounts: @total is the plan's quarterly budget entered for the plan as
 *   a whole (phaen_store_list_budget_quarters())
 * @plan_differs: rows have amounts and the plan's whole-plan entries say otherwise (shown, never
 *   silently replaced)
 * @has_quarter: whether anything is entered for the quarter
 * @targets: the cumulative disbursement targets, % of the year's allocation
 * @targets_default: the fiscal year has no targets of its own: @targets are
 *   phaen_budget_default_targets()
 * @quarters_ended: how many quarters of the year had ended on the day the view was made
 * @has_activity_budget: whether any row has a งบประมาณ in the plan table; @activity_budget is
 *   their total as the plan's totals row counts it (phaen-plan-totals.h)
 */
typedef struct
{
  gint64 plan_id;
  gint64 unit_id;
  int fiscal_year;
  char *title;
  GPtrArray *rows;
  PhaenBudgetFigures total;
  gboolean from_plan;
  gboolean plan_differs;
  double plan_entries[PHAEN_BUDGET_FIELDS][PHAEN_QUARTERS];
  gboolean has_quarter[PHAEN_QUARTERS];
  double targets[PHAEN_QUARTERS];
  gboolean targets_default;
  int quarters_ended;
  gboolean has_activity_budget;
  double activity_budget;
  GHashTable *index; /* activity id → position in @rows + 1 */
} PhaenBudgetView;

/* The targets used where a fiscal year has none: the cabinet's overall cumulative targets. */
void phaen_budget_default_targets (double targets[PHAEN_QUARTERS]);

/**
 * phaen_budget_targets_for_year:
 * @out_default: (out) (optional): TRUE when the year has none and the defaults are given
 *
 * Returns: FALSE only on a store error
 */
gboolean phaen_budget_targets_for_year (PhaenStore *store,
                                        int fiscal_year,
                                        double targets[PHAEN_QUARTERS],
                                        gboolean *out_default,
                                        GError **error);

/**
 * phaen_budget_check_targets:
 *
 * Returns: FALSE with PHAEN_ERROR_INVALID (Thai first, reason first) unless every target is a
 *   percentage from 0 to 100 and no quarter's target is below the one before (they are
 *   cumulative)
 */
gboolean phaen_budget_check_targets (const double targets[PHAEN_QUARTERS], GError **error);

/**
 * phaen_budget_view_new:
 * @as_of: (nullable): the day that decides which quarters have ended; %NULL for today
 *
 * The counting rule: a row's amounts of one kind (allocated, committed, disbursed) are its own
 * when any quarter of that kind is entered on it — a project's allocation covers its activities —
 * and otherwise the sum of its children's. The plan's total is the sum of its top-level rows; with
 * no row entered at all it is the plan's whole-plan quarterly budget. Percentages are of the
 * year's allocation, compared with the cumulative target of each quarter that has ended.
 *
 * Returns: (transfer full): the view, or %NULL with @error (NOT_FOUND for an unknown plan)
 */
PhaenBudgetView *
phaen_budget_view_new (PhaenStore *store, gint64 plan_id, const GDate *as_of, GError **error);
void phaen_budget_view_free (PhaenBudgetView *view);

/* The row of @activity_id, or %NULL. (transfer none) */
const PhaenBudgetRow *phaen_budget_view_find (const PhaenBudgetView *view, gint64 activity_id);
/* Its position in @view->rows, or G_MAXUINT. */
guint phaen_budget_view_find_position (const PhaenBudgetView *view, gint64 activity_id);

/* The status's words: `ตามเป้าหมาย`, `ต่ำกว่าเป้าหมาย`, … (transfer none) */
const char *phaen_budget_status_label (PhaenBudgetStatus status);
/* The field's column header: `จัดสรร`, `ก่อหนี้ผูกพัน`, `เบิกจ่าย`. (transfer none) */
const char *phaen_budget_field_label (PhaenBudgetField field);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PhaenBudgetView, phaen_budget_view_free)

G_END_DECLS
