/* phaen-budget-view.c — a plan's quarterly budget: allocated, committed and disbursed per row and
 * in total, cumulative by quarter, against the cabinet's disbursement targets
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-budget-view"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "phaen-budget-view.h"
#include "phaen-calendar.h"
#include "phaen-error.h"
#include "phaen-plan-totals.h"

/* Half a satang: amounts closer than this are equal. */
#define EPSILON 0.005

/* ------------------------------------------------------------------ helpers */

static void
row_free (PhaenBudgetRow *row)
{
  g_free (row->number);
  g_free (row->name);
  g_free (row);
}

/* How many quarters of @fiscal_year have ended by @as_of: Q1 ends 31 ธ.ค., Q4 30 ก.ย. */
static int
quarters_ended (int fiscal_year, const GDate *as_of)
{
  g_autoptr (GDate) today = NULL;
  int ce = phaen_ce_from_be (fiscal_year);
  const struct
  {
    int day, month, year;
  } ends[PHAEN_QUARTERS] = {
    { 31, 12, ce - 1 },
    { 31, 3, ce },
    { 30, 6, ce },
    { 30, 9, ce },
  };
  int n = 0;

  if (as_of == NULL)
    {
      today = g_date_new ();
      g_date_set_time_t (today, time (NULL));
      as_of = today;
    }
  for (int q = 0; q < PHAEN_QUARTERS; q++)
    {
      g_autoptr (GDate) end = g_date_new_dmy (ends[q].day, ends[q].month, ends[q].year);

      if (g_date_compare (as_of, end) > 0)
        n = q + 1;
    }
  return n;
}

/* Fills in everything of @figures but @amount. */
static void
finish_figures (PhaenBudgetFigures *figures, const double targets[PHAEN_QUARTERS], int ended)
{
  for (int f = 0; f < PHAEN_BUDGET_FIELDS; f++)
    {
      double sum = 0;

      for (int q = 0; q < PHAEN_QUARTERS; q++)
        {
          sum += figures->amount[f][q];
          figures->cumulative[f][q] = sum;
        }
      figures->annual[f] = sum;
    }
  for (int q = 0; q < PHAEN_QUARTERS; q++)
    {
      const double disbursed = figures->cumulative[PHAEN_BUDGET_DISBURSED][q];
      const double allocated = figures->annual[PHAEN_BUDGET_ALLOCATED];

      if (allocated < EPSILON)
        {
          figures->disbursed_percent[q] = NAN;
          figures->target_amount[q] = NAN;
          figures->shortfall[q] = NAN;
          figures->status[q] = PHAEN_BUDGET_NOTHING_ALLOCATED;
          continue;
        }
      figures->disbursed_percent[q] = disbursed / allocated * 100;
      figures->target_amount[q] = round (allocated * targets[q]) / 100;
      figures->shortfall[q] = figures->target_amount[q] - disbursed;
      if (q >= ended)
        figures->status[q] = PHAEN_BUDGET_IN_PROGRESS;
      else
        figures->status[q] =
          figures->shortfall[q] > EPSILON ? PHAEN_BUDGET_SHORT : PHAEN_BUDGET_ON_TARGET;
    }
}

static double
field_sum (const double amounts[PHAEN_QUARTERS])
{
  return amounts[0] + amounts[1] + amounts[2] + amounts[3];
}

/* ------------------------------------------------------------------ public API */

void
phaen_budget_default_targets (double targets[PHAEN_QUARTERS])
{
  /* มติ ครม. on the overall disbursement targets of FY 2565–2566 as published by กรมบัญชีกลาง
   * (cumulative: ไตรมาส 1 ร้อยละ 30, 2 ร้อยละ 52, 3 ร้อยละ 75, 4 ร้อยละ 100); each year's own are
   * set per workspace and fiscal year. */
  static const double cabinet[PHAEN_QUARTERS] = { 30, 52, 75, 100 };

  for (int q = 0; q < PHAEN_QUARTERS; q++)
    targets[q] = cabinet[q];
}

gboolean
phaen_budget_targets_for_year (PhaenStore *store,
                               int fiscal_year,
                               double targets[PHAEN_QUARTERS],
                               gboolean *out_default,
                               GError **error)
{
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (PHAEN_IS_STORE (store), FALSE);

  if (phaen_store_get_disbursement_targets (store, fiscal_year, targets, &local_error))
    {
      if (out_default != NULL)
        *out_default = FALSE;
      return TRUE;
    }
  if (!g_error_matches (local_error, PHAEN_ERROR, PHAEN_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  phaen_budget_default_targets (targets);
  if (out_default != NULL)
    *out_default = TRUE;
  return TRUE;
}

gboolean
phaen_budget_check_targets (const double targets[PHAEN_QUARTERS], GError **error)
{
  for (int q = 0; q < PHAEN_QUARTERS; q++)
    {
      if (!isfinite (targets[q]) || targets[q] < 0 || targets[q] > 100)
        {
          g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                       _ ("A target is a percentage from 0 to 100 (quarter %d)."), q + 1);
          return FALSE;
        }
      if (q > 0 && targets[q] < targets[q - 1])
        {
          g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                       _ ("Targets are cumulative: quarter %d’s cannot be below quarter %d’s."),
                       q + 1, q);
          return FALSE;
        }
    }
  return TRUE;
}

PhaenBudgetView *
phaen_budget_view_new (PhaenStore *store, gint64 plan_id, const GDate *as_of, GError **error)
{
  g_autoptr (PhaenBudgetView) view = NULL;
  g_autoptr (PhaenPlan) plan = NULL;
  g_autoptr (GPtrArray) activities = NULL;
  g_autoptr (GArray) budgets = NULL;
  g_autoptr (GArray) plan_quarters = NULL;
  g_autofree double (*child_sum)[PHAEN_BUDGET_FIELDS][PHAEN_QUARTERS] = NULL;
  g_autofree guint8 *children_have = NULL;
  gboolean rows_entered = FALSE;
  gboolean plan_entered = FALSE;

  g_return_val_if_fail (PHAEN_IS_STORE (store), NULL);

  phaen_store_read_begin (store);
  plan = phaen_store_get_plan (store, plan_id, error);
  if (plan != NULL)
    activities = phaen_store_list_activities (store, plan_id, error);
  if (activities != NULL)
    budgets = phaen_store_list_activity_budgets (store, plan_id, error);
  if (budgets != NULL)
    plan_quarters = phaen_store_list_budget_quarters (store, plan_id, error);
  view = g_new0 (PhaenBudgetView, 1);
  view->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)row_free);
  view->index = g_hash_table_new (g_int64_hash, g_int64_equal);
  if (plan_quarters == NULL ||
      !phaen_budget_targets_for_year (store, plan->fiscal_year, view->targets,
                                      &view->targets_default, error))
    {
      phaen_store_read_end (store);
      return NULL;
    }
  phaen_store_read_end (store);

  view->plan_id = plan_id;
  view->unit_id = plan->unit_id;
  view->fiscal_year = plan->fiscal_year;
  view->title = g_strdup (plan->title);
  view->quarters_ended = quarters_ended (plan->fiscal_year, as_of);
  {
    PhaenPlanTotals totals;

    phaen_plan_totals_compute (activities, &totals);
    view->has_activity_budget = totals.has_budget;
    view->activity_budget = totals.budget;
  }

  for (guint i = 0; i < activities->len; i++)
    {
      const PhaenActivity *a = g_ptr_array_index (activities, i);
      PhaenBudgetRow *row = g_new0 (PhaenBudgetRow, 1);

      row->activity_id = a->id;
      row->parent_id = a->parent_id;
      row->depth = a->depth;
      row->number = g_strdup (a->number);
      row->name = g_strdup (a->name);
      g_ptr_array_add (view->rows, row);
      g_hash_table_insert (view->index, &row->activity_id, GUINT_TO_POINTER (i + 1));
    }
  for (guint i = 0; i < budgets->len; i++)
    {
      const PhaenActivityBudget *b = &g_array_index (budgets, PhaenActivityBudget, i);
      guint position = phaen_budget_view_find_position (view, b->activity_id);
      PhaenBudgetRow *row;

      g_assert (position != G_MAXUINT);
      row = g_ptr_array_index (view->rows, position);
      for (int f = 0; f < PHAEN_BUDGET_FIELDS; f++)
        {
          row->own[f][b->quarter - 1] = b->amount[f];
          if (b->amount[f] != 0)
            row->has_own[f] = rows_entered = view->has_quarter[b->quarter - 1] = TRUE;
        }
    }

  /* Children come after their parent: walking backwards, a row is complete when reached. */
  child_sum = g_malloc0_n (MAX (view->rows->len, 1), sizeof *child_sum);
  children_have = g_new0 (guint8, view->rows->len);
  for (guint i = view->rows->len; i > 0; i--)
    {
      PhaenBudgetRow *row = g_ptr_array_index (view->rows, i - 1);
      guint parent =
        row->parent_id != 0 ? phaen_budget_view_find_position (view, row->parent_id) : G_MAXUINT;

      for (int f = 0; f < PHAEN_BUDGET_FIELDS; f++)
        {
          gboolean from_children = (children_have[i - 1] >> f) & 1;

          row->editable[f] = row->has_own[f] || !from_children;
          row->children_exceed[f] =
            row->has_own[f] && from_children &&
            field_sum (child_sum[i - 1][f]) > field_sum (row->own[f]) + EPSILON;
          for (int q = 0; q < PHAEN_QUARTERS; q++)
            row->figures.amount[f][q] = row->has_own[f] ? row->own[f][q] : child_sum[i - 1][f][q];
          if (parent != G_MAXUINT)
            {
              for (int q = 0; q < PHAEN_QUARTERS; q++)
                child_sum[parent][f][q] += row->figures.amount[f][q];
              if (row->has_own[f] || from_children)
                children_have[parent] |= 1 << f;
            }
          else
            for (int q = 0; q < PHAEN_QUARTERS; q++)
              view->total.amount[f][q] += row->figures.amount[f][q];
        }
    }
  for (guint i = 0; i < view->rows->len; i++)
    {
      PhaenBudgetRow *row = g_ptr_array_index (view->rows, i);
      guint parent =
        row->parent_id != 0 ? phaen_budget_view_find_position (view, row->parent_id) : G_MAXUINT;

      if (parent != G_MAXUINT)
        ((PhaenBudgetRow *)g_ptr_array_index (view->rows, parent))->has_children = TRUE;
    }

  for (guint i = 0; i < plan_quarters->len; i++)
    {
      const PhaenBudgetQuarter *q = &g_array_index (plan_quarters, PhaenBudgetQuarter, i);
      const double amounts[PHAEN_BUDGET_FIELDS] = { q->allocated, q->committed, q->disbursed };

      for (int f = 0; f < PHAEN_BUDGET_FIELDS; f++)
        {
          view->plan_entries[f][q->quarter - 1] = amounts[f];
          plan_entered = plan_entered || amounts[f] != 0;
        }
      if (!rows_entered && (q->allocated != 0 || q->committed != 0 || q->disbursed != 0))
        view->has_quarter[q->quarter - 1] = TRUE;
    }
  if (!rows_entered && plan_entered)
    {
      view->from_plan = TRUE;
      memcpy (view->total.amount, view->plan_entries, sizeof view->total.amount);
    }
  else if (rows_entered && plan_entered)
    for (int f = 0; f < PHAEN_BUDGET_FIELDS; f++)
      for (int q = 0; q < PHAEN_QUARTERS; q++)
        if (fabs (view->plan_entries[f][q] - view->total.amount[f][q]) > EPSILON)
          view->plan_differs = TRUE;

  finish_figures (&view->total, view->targets, view->quarters_ended);
  for (guint i = 0; i < view->rows->len; i++)
    finish_figures (&((PhaenBudgetRow *)g_ptr_array_index (view->rows, i))->figures, view->targets,
                    view->quarters_ended);
  return g_steal_pointer (&view);
}

void
phaen_budget_view_free (PhaenBudgetView *view)
{
  if (view == NULL)
    return;
  g_clear_pointer (&view->index, g_hash_table_unref);
  g_clear_pointer (&view->rows, g_ptr_array_unref);
  g_free (view->title);
  g_free (view);
}

guint
phaen_budget_view_find_position (const PhaenBudgetView *view, gint64 activity_id)
{
  guint position;

  g_return_val_if_fail (view != NULL, G_MAXUINT);

  position = GPOINTER_TO_UINT (g_hash_table_lookup (view->index, &activity_id));
  return position > 0 ? position - 1 : G_MAXUINT;
}

const PhaenBudgetRow *
phaen_budget_view_find (const PhaenBudgetView *view, gint64 activity_id)
{
  guint position = phaen_budget_view_find_position (view, activity_id);

  return position != G_MAXUINT ? g_ptr_array_index (view->rows, position) : NULL;
}

const char *
phaen_budget_status_label (PhaenBudgetStatus status)
{
  switch (status)
    {
    case PHAEN_BUDGET_NOTHING_ALLOCATED:
      return _ ("Nothing allocated");
    case PHAEN_BUDGET_IN_PROGRESS:
      return _ ("Quarter in progress");
    case PHAEN_BUDGET_ON_TARGET:
      return _ ("On target");
    case PHAEN_BUDGET_SHORT:
      return _ ("Below target");
    default:
      g_return_val_if_reached ("");
    }
}

const char *
phaen_budget_field_label (PhaenBudgetField field)
{
  switch (field)
    {
    case PHAEN_BUDGET_ALLOCATED:
      return _ ("Allocated");
    case PHAEN_BUDGET_COMMITTED:
      return _ ("Committed");
    case PHAEN_BUDGET_DISBURSED:
      return _ ("Disbursed");
    default:
      g_return_val_if_reached ("");
    }
}
