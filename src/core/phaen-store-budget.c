/* phaen-store-budget.c — the quarterly budget of a plan's rows: allocated, committed, disbursed
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-store-budget"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "phaen-error.h"
#include "phaen-store-budget.h"
#include "phaen-store-private.h"

/* ------------------------------------------------------------------ helpers */

static const char *const columns[PHAEN_BUDGET_FIELDS] = { "allocated", "committed", "disbursed" };

static gboolean
activity_exists (PhaenStore *self, gint64 activity_id, GError **error)
{
  g_autoptr (PhaenStmt) stmt =
    _phaen_store_prepare (self, "SELECT 1 FROM activity WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, activity_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return TRUE;
  g_set_error_literal (error, PHAEN_ERROR, PHAEN_ERROR_NOT_FOUND,
                       _ ("The activity no longer exists."));
  return FALSE;
}

/* ------------------------------------------------------------------ public API */

gboolean
phaen_store_set_activity_budget (PhaenStore *self,
                                 gint64 activity_id,
                                 int quarter,
                                 PhaenBudgetField field,
                                 double amount,
                                 GError **error)
{
  g_autoptr (PhaenStmt) stmt = NULL;
  g_autofree char *uuid = _phaen_new_uuid ();
  g_autofree char *sql = NULL;

  g_return_val_if_fail (PHAEN_IS_STORE (self), FALSE);
  g_return_val_if_fail (field >= 0 && field < PHAEN_BUDGET_FIELDS, FALSE);

  if (quarter < 1 || quarter > PHAEN_QUARTERS)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                   _ ("A quarter is a number from 1 to 4."));
      return FALSE;
    }
  if (!isfinite (amount) || amount < 0)
    {
      g_set_error_literal (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                           _ ("An amount cannot be negative."));
      return FALSE;
    }
  if (amount > PHAEN_BUDGET_MAX_AMOUNT)
    {
      g_set_error_literal (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                           _ ("The amount is too large for a budget."));
      return FALSE;
    }
  if (!activity_exists (self, activity_id, error))
    return FALSE;
  /* Amounts are kept to the satang, as they are typed. */
  amount = round (amount * 100) / 100;
  sql = g_strdup_printf ("INSERT INTO activity_budget (uuid, activity_id, quarter, %1$s)"
                         " VALUES (?, ?, ?, ?) ON CONFLICT (activity_id, quarter)"
                         " DO UPDATE SET %1$s = excluded.%1$s",
                         columns[field]);
  stmt = _phaen_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  _phaen_bind_text (stmt, 1, uuid);
  sqlite3_bind_int64 (stmt, 2, activity_id);
  sqlite3_bind_int (stmt, 3, quarter);
  sqlite3_bind_double (stmt, 4, amount);
  return _phaen_store_run_edit (self, _ ("Edit quarterly budget"), stmt, error);
}

GArray *
phaen_store_list_activity_budgets (PhaenStore *self, gint64 plan_id, GError **error)
{
  g_autoptr (PhaenStmt) stmt = NULL;
  g_autoptr (GArray) budgets = g_array_new (FALSE, TRUE, sizeof (PhaenActivityBudget));
  int rc;

  g_return_val_if_fail (PHAEN_IS_STORE (self), NULL);

  stmt =
    _phaen_store_prepare (self,
                          "SELECT b.activity_id, b.quarter, b.allocated, b.committed, b.disbursed"
                          " FROM activity_budget b JOIN activity a ON a.id = b.activity_id"
                          " WHERE a.plan_id = ? ORDER BY b.activity_id, b.quarter",
                          error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PhaenActivityBudget b = { 0 };

      if (!_phaen_column_id (stmt, 0, FALSE, &b.activity_id, error) ||
          !_phaen_column_int (stmt, 1, 1, PHAEN_QUARTERS, &b.quarter, error))
        return NULL;
      for (int f = 0; f < PHAEN_BUDGET_FIELDS; f++)
        {
          int type = sqlite3_column_type (stmt, 2 + f);

          /* SQLite keeps text in a REAL column that another program wrote there. */
          if (type != SQLITE_FLOAT && type != SQLITE_INTEGER)
            {
              _phaen_set_corrupt (error, _ ("%s is not a number."), columns[f]);
              return NULL;
            }
          if (!_phaen_column_double (stmt, 2 + f, &b.amount[f], error))
            return NULL;
          if (!isfinite (b.amount[f]) || b.amount[f] < 0)
            {
              _phaen_set_corrupt (error, _ ("%s is negative."), columns[f]);
              return NULL;
            }
        }
      g_array_append_val (budgets, b);
    }
  if (rc != SQLITE_DONE)
    {
      _phaen_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&budgets);
}
