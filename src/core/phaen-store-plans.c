/* phaen-store-plans.c — plans, their text sections, activities with month marks, budgets
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-store"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "phaen-calendar.h"
#include "phaen-store-private.h"

#define PLAN_COLUMNS "id, uuid, unit_id, fiscal_year, kind, title, extra_months"
#define ACTIVITY_COLUMNS                                                                           \
  "id, uuid, plan_id, coalesce(parent_id, 0), position, name, category, owner, budget, output, "   \
  "progress, level"

/* ------------------------------------------------------------------ plans */

static PhaenPlan *
plan_from_row (sqlite3_stmt *stmt, GError **error)
{
  g_autoptr (PhaenPlan) plan = g_new0 (PhaenPlan, 1);
  int kind;

  if (!_phaen_column_id (stmt, 0, FALSE, &plan->id, error) ||
      !_phaen_column_id (stmt, 2, FALSE, &plan->unit_id, error) ||
      !_phaen_column_int (stmt, 3, PHAEN_MIN_FISCAL_YEAR, PHAEN_MAX_FISCAL_YEAR, &plan->fiscal_year,
                          error) ||
      !_phaen_column_int (stmt, 4, PHAEN_PLAN_PROCESS, PHAEN_PLAN_EFFICIENCY, &kind, error) ||
      !_phaen_column_int (stmt, 6, 0, PHAEN_FISCAL_MONTHS, &plan->extra_months, error))
    return NULL;
  plan->kind = kind;
  plan->uuid = _phaen_column_strdup (stmt, 1);
  plan->title = _phaen_column_strdup (stmt, 5);
  return g_steal_pointer (&plan);
}

static gboolean
check_plan (const PhaenPlan *plan, GError **error)
{
  if (plan->fiscal_year < PHAEN_MIN_FISCAL_YEAR || plan->fiscal_year > PHAEN_MAX_FISCAL_YEAR)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                   _ ("%d is not a fiscal year in the Buddhist Era (such as 2564)."),
                   plan->fiscal_year);
      return FALSE;
    }
  if (plan->extra_months < 0 || plan->extra_months > 12)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                   _ ("A plan can run at most 12 months into the next fiscal year."));
      return FALSE;
    }
  return TRUE;
}

gint64
phaen_store_add_plan (PhaenStore *self,
                      gint64 unit_id,
                      int fiscal_year,
                      PhaenPlanKind kind,
                      const char *title,
                      GError **error)
{
  g_autoptr (PhaenStmt) stmt = NULL;
  g_autofree char *uuid = _phaen_new_uuid ();
  PhaenPlan check = { .fiscal_year = fiscal_year };
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (PHAEN_IS_STORE (self), 0);
  g_return_val_if_fail (kind <= PHAEN_PLAN_EFFICIENCY, 0);

  if (!check_plan (&check, error) || !_phaen_store_edit_begin (self, _ ("Add plan"), error))
    return 0;
  ok = phaen_store_add_fiscal_year (self, fiscal_year, error);
  if (ok)
    stmt = _phaen_store_prepare (self,
                                 "INSERT INTO plan (uuid, unit_id, fiscal_year, kind, title)"
                                 " VALUES (?, ?, ?, ?, ?)",
                                 error);
  ok = ok && stmt != NULL;
  if (ok)
    {
      _phaen_bind_text (stmt, 1, uuid);
      sqlite3_bind_int64 (stmt, 2, unit_id);
      sqlite3_bind_int (stmt, 3, fiscal_year);
      sqlite3_bind_int (stmt, 4, kind);
      _phaen_bind_text (stmt, 5, title);
      ok = _phaen_store_step_done (self, stmt, error);
      id = sqlite3_last_insert_rowid (_phaen_store_get_db (self));
    }
  /* The id was read before the edit ends: "changed" handlers may insert rows of their own. */
  return _phaen_store_edit_end (self, ok, error) ? id : 0;
}

gboolean
phaen_store_update_plan (PhaenStore *self, const PhaenPlan *plan, GError **error)
{
  g_autoptr (PhaenStmt) stmt = NULL;

  g_return_val_if_fail (PHAEN_IS_STORE (self), FALSE);
  g_return_val_if_fail (plan != NULL, FALSE);

  if (!check_plan (plan, error))
    return FALSE;
  stmt = _phaen_store_prepare (self,
                               "UPDATE plan SET unit_id = ?, fiscal_year = ?, kind = ?, title = ?,"
                               " extra_months = ? WHERE id = ?",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plan->unit_id);
  sqlite3_bind_int (stmt, 2, plan->fiscal_year);
  sqlite3_bind_int (stmt, 3, plan->kind);
  _phaen_bind_text (stmt, 4, plan->title);
  sqlite3_bind_int (stmt, 5, plan->extra_months);
  sqlite3_bind_int64 (stmt, 6, plan->id);
  return _phaen_store_run_edit (self, _ ("Edit plan"), stmt, error);
}

gboolean
phaen_store_delete_plan (PhaenStore *self, gint64 plan_id, GError **error)
{
  g_autoptr (PhaenStmt) stmt = NULL;

  g_return_val_if_fail (PHAEN_IS_STORE (self), FALSE);

  stmt = _phaen_store_prepare (self, "DELETE FROM plan WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  return _phaen_store_run_edit (self, _ ("Delete plan"), stmt, error);
}

/**
 * phaen_store_get_plan:
 *
 * Returns: (transfer full): the plan, or %NULL with PHAEN_ERROR_NOT_FOUND
 */
PhaenPlan *
phaen_store_get_plan (PhaenStore *self, gint64 plan_id, GError **error)
{
  g_autoptr (PhaenStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (PHAEN_IS_STORE (self), NULL);

  stmt = _phaen_store_prepare (self, "SELECT " PLAN_COLUMNS " FROM plan WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return plan_from_row (stmt, error);
  if (rc == SQLITE_DONE)
    g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_NOT_FOUND,
                 _ ("There is no plan number %" PRId64 "."), plan_id);
  else
    _phaen_store_set_error (self, rc, error);
  return NULL;
}

/**
 * phaen_store_list_plans:
 * @unit_id: a unit, or 0 for all
 * @fiscal_year: a year (BE), or 0 for all
 *
 * Returns: (transfer full) (element-type PhaenPlan):
 */
GPtrArray *
phaen_store_list_plans (PhaenStore *self, gint64 unit_id, int fiscal_year, GError **error)
{
  g_autoptr (PhaenStmt) stmt = NULL;
  g_autoptr (GPtrArray) plans = g_ptr_array_new_with_free_func ((GDestroyNotify)phaen_plan_free);
  int rc;

  g_return_val_if_fail (PHAEN_IS_STORE (self), NULL);

  stmt = _phaen_store_prepare (self,
                               "SELECT " PLAN_COLUMNS " FROM plan"
                               " WHERE (?1 = 0 OR unit_id = ?1) AND (?2 = 0 OR fiscal_year = ?2)"
                               " ORDER BY fiscal_year, kind, id",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  sqlite3_bind_int (stmt, 2, fiscal_year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PhaenPlan *plan = plan_from_row (stmt, error);

      if (plan == NULL)
        return NULL;
      g_ptr_array_add (plans, plan);
    }
  if (rc != SQLITE_DONE)
    {
      _phaen_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&plans);
}

gboolean
phaen_store_set_plan_section (
  PhaenStore *self, gint64 plan_id, const char *key, const char *text, GError **error)
{
  g_autoptr (PhaenStmt) stmt = NULL;
  g_autofree char *uuid = _phaen_new_uuid ();

  g_return_val_if_fail (PHAEN_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  stmt =
    _phaen_store_prepare (self,
                          "INSERT INTO plan_section (uuid, plan_id, key, body) VALUES (?, ?, ?, ?)"
                          " ON CONFLICT (plan_id, key) DO UPDATE SET body = excluded.body"
                          " WHERE body IS NOT excluded.body",
                          error);
  if (stmt == NULL)
    return FALSE;
  _phaen_bind_text (stmt, 1, uuid);
  sqlite3_bind_int64 (stmt, 2, plan_id);
  _phaen_bind_text (stmt, 3, key);
  _phaen_bind_text (stmt, 4, text);
  return _phaen_store_run_edit (self, _ ("Edit plan text"), stmt, error);
}

/**
 * phaen_store_get_plan_section:
 *
 * Returns: (transfer full): the text, "" when the section was never written
 */
char *
phaen_store_get_plan_section (PhaenStore *self, gint64 plan_id, const char *key, GError **error)
{
  g_autoptr (PhaenStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (PHAEN_IS_STORE (self), NULL);

  stmt = _phaen_store_prepare (self, "SELECT body FROM plan_section WHERE plan_id = ? AND key = ?",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  _phaen_bind_text (stmt, 2, key);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return _phaen_column_strdup (stmt, 0);
  if (rc != SQLITE_DONE)
    {
      _phaen_store_set_error (self, rc, error);
      return NULL;
    }
  return g_strdup ("");
}

/* ------------------------------------------------------------------ activities */

static PhaenActivity *
activity_from_row (sqlite3_stmt *stmt, GError **error)
{
  g_autoptr (PhaenActivity) activity = g_new0 (PhaenActivity, 1);

  if (!_phaen_column_id (stmt, 0, FALSE, &activity->id, error) ||
      !_phaen_column_id (stmt, 2, FALSE, &activity->plan_id, error) ||
      !_phaen_column_id (stmt, 3, TRUE, &activity->parent_id, error) ||
      !_phaen_column_int (stmt, 4, G_MININT, G_MAXINT, &activity->position, error) ||
      !_phaen_column_int (stmt, 6, 0, PHAEN_ACTIVITY_CATEGORIES, &activity->category, error) ||
      !_phaen_column_int (stmt, 11, PHAEN_ACTIVITY_LEVEL_STRATEGY, PHAEN_ACTIVITY_LEVEL_ACTIVITY,
                          &activity->level, error) ||
      !_phaen_column_optional_double (stmt, 8, &activity->has_budget, &activity->budget, error))
    return NULL;
  activity->uuid = _phaen_column_strdup (stmt, 1);
  activity->name = _phaen_column_strdup (stmt, 5);
  activity->owner = _phaen_column_strdup (stmt, 7);
  activity->output = _phaen_column_strdup (stmt, 9);
  activity->progress = _phaen_column_strdup (stmt, 10);
  return g_steal_pointer (&activity);
}

/* Rows of (activity_id, month, marks, progress) onto @activity, or onto the activity of
 * @by_id that each row names. */
static gboolean
read_months (
  PhaenStore *self, sqlite3_stmt *stmt, PhaenActivity *activity, GHashTable *by_id, GError **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      PhaenActivity *target = by_id ? g_hash_table_lookup (by_id, &id) : activity;
      int month, marks;

      if (!_phaen_column_int (stmt, 1, 0, PHAEN_FISCAL_MONTH_INDEX_MAX, &month, error) ||
          !_phaen_column_int (stmt, 2, 0, PHAEN_MARK_ALL, &marks, error))
        return FALSE;
      if (target == NULL)
        continue;
      target->marks[month] = marks;
      g_free (target->month_progress[month]);
      target->month_progress[month] = _phaen_column_strdup (stmt, 3);
      if (target->month_progress[month] && *target->month_progress[month] == '\0')
        g_clear_pointer (&target->month_progress[month], g_free);
    }
  return rc == SQLITE_DONE || _phaen_store_set_error (self, rc, error);
}

/* Numbers the children of @parent_id depth-first into @out. The depth bound keeps a crafted
 * file's chain of 100,000 activities from costing a number string per level per row. */
static gboolean
number_children (GHashTable *children,
                 gint64 parent_id,
                 const char *prefix,
                 int depth,
                 GPtrArray *out,
                 GError **error)
{
  GPtrArray *list = g_hash_table_lookup (children, &parent_id);

  if (list == NULL)
    return TRUE;
  if (depth >= PHAEN_MAX_ACTIVITY_DEPTH)
    return _phaen_set_corrupt (error, _ ("activities are nested more than %d levels deep."),
                               PHAEN_MAX_ACTIVITY_DEPTH);
  for (guint i = 0; i < list->len; i++)
    {
      PhaenActivity *activity = g_ptr_array_index (list, i);

      activity->depth = depth;
      activity->number =
        prefix ? g_strdup_printf ("%s.%u", prefix, i + 1) : g_strdup_printf ("%u", i + 1);
      g_ptr_array_add (out, activity);
      if (!number_children (children, activity->id, activity->number, depth + 1, out, error))
        return FALSE;
    }
  return TRUE;
}

/* How much of a name an error message quotes. */
#define SHOWN_NAME_MAX 60

/* Every activity must hang, through its parents, from the top level of its plan: one that
 * does not sits under itself, in a cycle, or under a missing activity, and no number it
 * could be given would be the one its author meant, so the plan is refused. */
static gboolean
check_all_numbered (GPtrArray *rows, GError **error)
{
  for (guint i = 0; i < rows->len; i++)
    {
      PhaenActivity *activity = g_ptr_array_index (rows, i);

      if (activity->number == NULL)
        {
          g_autofree char *shown = g_utf8_substring (
            activity->name, 0, MIN (g_utf8_strlen (activity->name, -1), SHOWN_NAME_MAX));

          return _phaen_set_corrupt (
            error, _ ("activity “%s” hangs under itself or under an activity that is missing."),
            shown);
        }
    }
  return TRUE;
}

static GPtrArray *
read_activity_rows (PhaenStore *self, gint64 plan_id, GError **error)
{
  g_autoptr (PhaenStmt) stmt = NULL;
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)phaen_activity_free);
  int rc;

  stmt = _phaen_store_prepare (self,
                               "SELECT " ACTIVITY_COLUMNS " FROM activity WHERE plan_id = ?"
                               " ORDER BY parent_id, position, id",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PhaenActivity *activity = activity_from_row (stmt, error);

      if (activity == NULL)
        return NULL;
      g_ptr_array_add (rows, activity);
    }
  if (rc != SQLITE_DONE)
    {
      _phaen_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/**
 * phaen_store_list_activities:
 *
 * The one place that builds a plan's tree: every view walks the list it returns, in order,
 * by `depth` (at most PHAEN_MAX_ACTIVITY_DEPTH − 1), and never follows parent ids itself.
 *
 * Returns: (transfer full) (element-type PhaenActivity): the plan's activities depth-first,
 *   numbered 1, 1.1, 1.2, 2 …; %NULL with PHAEN_ERROR_CORRUPT when a value is out of range,
 *   an activity's parents do not lead to the top level, or they nest too deep
 */
GPtrArray *
phaen_store_list_activities (PhaenStore *self, gint64 plan_id, GError **error)
{
  g_autoptr (PhaenStmt) months = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GHashTable) children =
    g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify)g_ptr_array_unref);
  g_autoptr (GPtrArray) out = NULL;

  g_return_val_if_fail (PHAEN_IS_STORE (self), NULL);

  rows = read_activity_rows (self, plan_id, error);
  if (rows == NULL)
    return NULL;
  for (guint i = 0; i < rows->len; i++)
    {
      PhaenActivity *activity = g_ptr_array_index (rows, i);
      GPtrArray *siblings = g_hash_table_lookup (children, &activity->parent_id);

      if (siblings == NULL)
        {
          siblings = g_ptr_array_new ();
          g_hash_table_insert (children, &activity->parent_id, siblings);
        }
      g_ptr_array_add (siblings, activity);
      g_hash_table_insert (by_id, &activity->id, activity);
    }

  months = _phaen_store_prepare (self,
                                 "SELECT m.activity_id, m.month, m.marks, m.progress"
                                 " FROM activity_month m JOIN activity a ON a.id = m.activity_id"
                                 " WHERE a.plan_id = ?",
                                 error);
  if (months == NULL)
    return NULL;
  sqlite3_bind_int64 (months, 1, plan_id);
  if (!read_months (self, months, NULL, by_id, error))
    return NULL;

  out = g_ptr_array_new_full (rows->len, NULL);
  if (!number_children (children, 0, NULL, 0, out, error) || !check_all_numbered (rows, error))
    return NULL;
  /* Every row is in @out now: hand their ownership over. */
  g_ptr_array_set_free_func (rows, NULL);
  g_ptr_array_set_free_func (out, (GDestroyNotify)phaen_activity_free);
  return g_steal_pointer (&out);
}

/**
 * phaen_store_get_activity:
 *
 * Returns: (transfer full): the activity with its months (number and depth are not filled)
 */
PhaenActivity *
phaen_store_get_activity (PhaenStore *self, gint64 activity_id, GError **error)
{
  g_autoptr (PhaenStmt) stmt = NULL;
  g_autoptr (PhaenStmt) months = NULL;
  g_autoptr (PhaenActivity) activity = NULL;
  int rc;

  g_return_val_if_fail (PHAEN_IS_STORE (self), NULL);

  stmt =
    _phaen_store_prepare (self, "SELECT " ACTIVITY_COLUMNS " FROM activity WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, activity_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_NOT_FOUND,
                     _ ("There is no activity number %" PRId64 "."), activity_id);
      else
        _phaen_store_set_error (self, rc, error);
      return NULL;
    }
  activity = activity_from_row (stmt, error);
  if (activity == NULL)
    return NULL;

  months = _phaen_store_prepare (
    self, "SELECT activity_id, month, marks, progress FROM activity_month WHERE activity_id = ?",
    error);
  if (months == NULL)
    return NULL;
  sqlite3_bind_int64 (months, 1, activity_id);
  if (!read_months (self, months, activity, NULL, error))
    return NULL;
  return g_steal_pointer (&activity);
}

static int
count_children (PhaenStore *self, gint64 plan_id, gint64 parent_id)
{
  g_autoptr (PhaenStmt) stmt = _phaen_store_prepare (
    self, "SELECT count(*) FROM activity WHERE plan_id = ? AND coalesce(parent_id, 0) = ?", NULL);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  sqlite3_bind_int64 (stmt, 2, parent_id);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int (stmt, 0) : 0;
}

/* Refuses to hang @activity_id (0 for a new one) under @parent_id when its deepest descendant
 * would then nest deeper than a file may (PHAEN_MAX_ACTIVITY_DEPTH), so that the app never
 * writes a plan that it would refuse to read back. Both walks stop at the limit. */
static gboolean
check_nesting (PhaenStore *self, gint64 parent_id, gint64 activity_id, GError **error)
{
  g_autoptr (PhaenStmt) stmt = _phaen_store_prepare (
    self,
    "WITH RECURSIVE"
    " up (id, n) AS (SELECT ?1, 0 UNION ALL SELECT a.parent_id, up.n + 1 FROM activity a"
    " JOIN up ON a.id = up.id WHERE up.n <= ?3),"
    " down (id, n) AS (SELECT ?2, 0 UNION ALL SELECT a.id, down.n + 1 FROM activity a"
    " JOIN down ON a.parent_id = down.id WHERE down.n <= ?3)"
    " SELECT (SELECT max (n) FROM up) + (SELECT max (n) FROM down)",
    error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, parent_id);
  sqlite3_bind_int64 (stmt, 2, activity_id);
  sqlite3_bind_int (stmt, 3, PHAEN_MAX_ACTIVITY_DEPTH);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return _phaen_store_set_error (self, rc, error);
  if (sqlite3_column_int (stmt, 0) < PHAEN_MAX_ACTIVITY_DEPTH)
    return TRUE;
  g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
               _ ("Activities can be nested at most %d levels deep."), PHAEN_MAX_ACTIVITY_DEPTH);
  return FALSE;
}

/* Shifts the positions of parent's children at or after @from by @delta. */
static gboolean
shift_siblings (
  PhaenStore *self, gint64 plan_id, gint64 parent_id, int from, int delta, GError **error)
{
  g_autoptr (PhaenStmt) stmt = _phaen_store_prepare (
    self,
    "UPDATE activity SET position = position + ? WHERE plan_id = ? AND coalesce(parent_id, 0) = ?"
    " AND position >= ?",
    error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, delta);
  sqlite3_bind_int64 (stmt, 2, plan_id);
  sqlite3_bind_int64 (stmt, 3, parent_id);
  sqlite3_bind_int (stmt, 4, from);
  return _phaen_store_step_done (self, stmt, error);
}

gint64
phaen_store_add_activity (PhaenStore *self,
                          gint64 plan_id,
                          gint64 parent_id,
                          int position,
                          const char *name,
                          GError **error)
{
  g_autoptr (PhaenStmt) stmt = NULL;
  g_autofree char *uuid = _phaen_new_uuid ();
  int n;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (PHAEN_IS_STORE (self), 0);

  if (!check_nesting (self, parent_id, 0, error) ||
      !_phaen_store_edit_begin (self, _ ("Add activity"), error))
    return 0;
  n = count_children (self, plan_id, parent_id);
  if (position < 0 || position > n)
    position = n;
  ok = shift_siblings (self, plan_id, parent_id, position, 1, error);
  /* A new row is one level below its parent; at the top, an action plan starts with its
   * strategies and the other plans with their activities (DOMAIN §3b). */
  if (ok)
    stmt = _phaen_store_prepare (
      self,
      "INSERT INTO activity (uuid, plan_id, parent_id, position, name, level)"
      " VALUES (?1, ?2, ?3, ?4, ?5, coalesce ((SELECT min (level + 1, 4) FROM activity"
      " WHERE id = ?3), (SELECT CASE kind WHEN 1 THEN 1 ELSE 4 END FROM plan WHERE id = ?2), 4))",
      error);
  ok = ok && stmt != NULL;
  if (ok)
    {
      _phaen_bind_text (stmt, 1, uuid);
      sqlite3_bind_int64 (stmt, 2, plan_id);
      _phaen_bind_optional_id (stmt, 3, parent_id);
      sqlite3_bind_int (stmt, 4, position);
      _phaen_bind_text (stmt, 5, name);
      ok = _phaen_store_step_done (self, stmt, error);
      id = sqlite3_last_insert_rowid (_phaen_store_get_db (self));
    }
  /* The id was read before the edit ends: "changed" handlers may insert rows of their own. */
  return _phaen_store_edit_end (self, ok, error) ? id : 0;
}

gboolean
phaen_store_update_activity (PhaenStore *self, const PhaenActivity *activity, GError **error)
{
  g_autoptr (PhaenStmt) stmt = NULL;

  g_return_val_if_fail (PHAEN_IS_STORE (self), FALSE);
  g_return_val_if_fail (activity != NULL, FALSE);

  if (activity->category < 0 || activity->category > PHAEN_ACTIVITY_CATEGORIES)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                   _ ("The type of an item is a number from 1 to 5."));
      return FALSE;
    }
  if (activity->level < PHAEN_ACTIVITY_LEVEL_STRATEGY ||
      activity->level > PHAEN_ACTIVITY_LEVEL_ACTIVITY)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                   _ ("The level of a row is a number from 1 (strategy) to 4 (activity)."));
      return FALSE;
    }
  stmt = _phaen_store_prepare (self,
                               "UPDATE activity SET name = ?, category = ?, owner = ?, budget = ?,"
                               " output = ?, progress = ?, level = ? WHERE id = ?",
                               error);
  if (stmt == NULL)
    return FALSE;
  _phaen_bind_text (stmt, 1, activity->name);
  sqlite3_bind_int (stmt, 2, activity->category);
  _phaen_bind_text (stmt, 3, activity->owner);
  _phaen_bind_optional_double (stmt, 4, activity->has_budget, activity->budget);
  _phaen_bind_text (stmt, 5, activity->output);
  _phaen_bind_text (stmt, 6, activity->progress);
  sqlite3_bind_int (stmt, 7, activity->level);
  sqlite3_bind_int64 (stmt, 8, activity->id);
  return _phaen_store_run_edit (self, _ ("Edit activity"), stmt, error);
}

/* A month's marks and its progress note share one activity_month row: @sql upserts one of
 * them, with the uuid, activity and month bound here to ?1–?3 and the value left for ?4. */
static PhaenStmt *
prepare_month (PhaenStore *self, const char *sql, gint64 activity_id, int month, GError **error)
{
  g_autofree char *uuid = NULL;
  PhaenStmt *stmt;

  if (month < 0 || month >= PHAEN_MAX_MONTHS)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID, _ ("Month %d is outside the plan."),
                   month);
      return NULL;
    }
  stmt = _phaen_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  uuid = _phaen_new_uuid ();
  _phaen_bind_text (stmt, 1, uuid);
  sqlite3_bind_int64 (stmt, 2, activity_id);
  sqlite3_bind_int (stmt, 3, month);
  return stmt;
}

gboolean
phaen_store_set_month_marks (
  PhaenStore *self, gint64 activity_id, int month, guint marks, GError **error)
{
  g_autoptr (PhaenStmt) stmt = NULL;

  g_return_val_if_fail (PHAEN_IS_STORE (self), FALSE);

  stmt = prepare_month (
    self,
    "INSERT INTO activity_month (uuid, activity_id, month, marks) VALUES (?, ?, ?, ?)"
    " ON CONFLICT (activity_id, month) DO UPDATE SET marks = excluded.marks"
    " WHERE marks <> excluded.marks",
    activity_id, month, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 4, marks & PHAEN_MARK_ALL);
  return _phaen_store_run_edit (self, _ ("Paint months"), stmt, error);
}

gboolean
phaen_store_set_month_progress (
  PhaenStore *self, gint64 activity_id, int month, const char *text, GError **error)
{
  g_autoptr (PhaenStmt) stmt = NULL;

  g_return_val_if_fail (PHAEN_IS_STORE (self), FALSE);

  stmt = prepare_month (
    self,
    "INSERT INTO activity_month (uuid, activity_id, month, progress) VALUES (?, ?, ?, ?)"
    " ON CONFLICT (activity_id, month) DO UPDATE SET progress = excluded.progress"
    " WHERE progress IS NOT excluded.progress",
    activity_id, month, error);
  if (stmt == NULL)
    return FALSE;
  _phaen_bind_text (stmt, 4, text);
  return _phaen_store_run_edit (self, _ ("Report progress"), stmt, error);
}

gboolean
phaen_store_delete_activity (PhaenStore *self, gint64 activity_id, GError **error)
{
  g_autoptr (PhaenActivity) activity = NULL;
  g_autoptr (PhaenStmt) stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (PHAEN_IS_STORE (self), FALSE);

  activity = phaen_store_get_activity (self, activity_id, error);
  if (activity == NULL)
    return FALSE;
  if (!_phaen_store_edit_begin (self, _ ("Delete activity"), error))
    return FALSE;
  stmt = _phaen_store_prepare (self, "DELETE FROM activity WHERE id = ?", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, activity_id);
      ok = _phaen_store_step_done (self, stmt, error);
    }
  ok = ok && shift_siblings (self, activity->plan_id, activity->parent_id, activity->position + 1,
                             -1, error);
  return _phaen_store_edit_end (self, ok, error);
}

static gboolean
is_descendant (PhaenStore *self, gint64 ancestor_id, gint64 id)
{
  g_autoptr (PhaenStmt) stmt =
    _phaen_store_prepare (self,
                          "WITH RECURSIVE up (id) AS (SELECT parent_id FROM activity WHERE id = ?1"
                          " UNION SELECT a.parent_id FROM activity a JOIN up ON a.id = up.id)"
                          " SELECT count(*) FROM up WHERE id = ?2",
                          NULL);

  if (stmt == NULL)
    return TRUE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, ancestor_id);
  return sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) > 0;
}

gboolean
phaen_store_move_activity (
  PhaenStore *self, gint64 activity_id, gint64 new_parent_id, int position, GError **error)
{
  g_autoptr (PhaenActivity) activity = NULL;
  g_autoptr (PhaenStmt) stmt = NULL;
  int n;
  gboolean ok;

  g_return_val_if_fail (PHAEN_IS_STORE (self), FALSE);

  activity = phaen_store_get_activity (self, activity_id, error);
  if (activity == NULL)
    return FALSE;
  if (new_parent_id == activity_id ||
      (new_parent_id > 0 && is_descendant (self, activity_id, new_parent_id)))
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                   _ ("An activity cannot be moved under itself."));
      return FALSE;
    }
  if (!check_nesting (self, new_parent_id, activity_id, error) ||
      !_phaen_store_edit_begin (self, _ ("Move activity"), error))
    return FALSE;

  /* Take it out of its old place, then open a gap at the new one. */
  ok = shift_siblings (self, activity->plan_id, activity->parent_id, activity->position + 1, -1,
                       error);
  n = count_children (self, activity->plan_id, new_parent_id);
  if (new_parent_id == activity->parent_id)
    n--;
  if (position < 0 || position > n)
    position = n;
  if (ok)
    {
      /* Park it out of the sibling range first so the shift does not move it. */
      stmt = _phaen_store_prepare (self, "UPDATE activity SET position = -1 WHERE id = ?", error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, activity_id);
          ok = _phaen_store_step_done (self, stmt, error);
        }
    }
  ok = ok && shift_siblings (self, activity->plan_id, new_parent_id, position, 1, error);
  if (ok)
    {
      g_autoptr (PhaenStmt) place = _phaen_store_prepare (
        self, "UPDATE activity SET parent_id = ?, position = ? WHERE id = ?", error);
      ok = place != NULL;
      if (ok)
        {
          _phaen_bind_optional_id (place, 1, new_parent_id);
          sqlite3_bind_int (place, 2, position);
          sqlite3_bind_int64 (place, 3, activity_id);
          ok = _phaen_store_step_done (self, place, error);
        }
    }
  return _phaen_store_edit_end (self, ok, error);
}

static gint64
sibling_before (PhaenStore *self, const PhaenActivity *activity)
{
  g_autoptr (PhaenStmt) stmt = _phaen_store_prepare (
    self,
    "SELECT id FROM activity WHERE plan_id = ? AND coalesce(parent_id, 0) = ? AND position = ?",
    NULL);

  if (stmt == NULL || activity->position == 0)
    return 0;
  sqlite3_bind_int64 (stmt, 1, activity->plan_id);
  sqlite3_bind_int64 (stmt, 2, activity->parent_id);
  sqlite3_bind_int (stmt, 3, activity->position - 1);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

/* Makes the activity the last child of the sibling above it (1.2 → 1.1.1). */
gboolean
phaen_store_indent_activity (PhaenStore *self, gint64 activity_id, GError **error)
{
  g_autoptr (PhaenActivity) activity = phaen_store_get_activity (self, activity_id, error);
  gint64 new_parent;

  if (activity == NULL)
    return FALSE;
  new_parent = sibling_before (self, activity);
  if (new_parent == 0)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                   _ ("The first activity of a level cannot be indented."));
      return FALSE;
    }
  return phaen_store_move_activity (self, activity_id, new_parent, -1, error);
}

/* Places the activity right after its parent, one level up. */
gboolean
phaen_store_outdent_activity (PhaenStore *self, gint64 activity_id, GError **error)
{
  g_autoptr (PhaenActivity) activity = phaen_store_get_activity (self, activity_id, error);
  g_autoptr (PhaenActivity) parent = NULL;

  if (activity == NULL)
    return FALSE;
  if (activity->parent_id == 0)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                   _ ("The activity is already at the top level."));
      return FALSE;
    }
  parent = phaen_store_get_activity (self, activity->parent_id, error);
  if (parent == NULL)
    return FALSE;
  return phaen_store_move_activity (self, activity_id, parent->parent_id, parent->position + 1,
                                    error);
}

/* ------------------------------------------------------------------ budget */

gboolean
phaen_store_set_budget_quarter (PhaenStore *self, const PhaenBudgetQuarter *q, GError **error)
{
  g_autoptr (PhaenStmt) stmt = NULL;
  g_autofree char *uuid = _phaen_new_uuid ();

  g_return_val_if_fail (PHAEN_IS_STORE (self), FALSE);
  g_return_val_if_fail (q != NULL, FALSE);

  if (q->quarter < 1 || q->quarter > 4)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                   _ ("A quarter is a number from 1 to 4."));
      return FALSE;
    }
  stmt = _phaen_store_prepare (
    self,
    "INSERT INTO budget_quarter (uuid, plan_id, quarter, allocated, committed, disbursed)"
    " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (plan_id, quarter) DO UPDATE SET"
    " allocated = excluded.allocated, committed = excluded.committed,"
    " disbursed = excluded.disbursed",
    error);
  if (stmt == NULL)
    return FALSE;
  _phaen_bind_text (stmt, 1, uuid);
  sqlite3_bind_int64 (stmt, 2, q->plan_id);
  sqlite3_bind_int (stmt, 3, q->quarter);
  sqlite3_bind_double (stmt, 4, q->allocated);
  sqlite3_bind_double (stmt, 5, q->committed);
  sqlite3_bind_double (stmt, 6, q->disbursed);
  return _phaen_store_run_edit (self, _ ("Edit budget"), stmt, error);
}

/**
 * phaen_store_list_budget_quarters:
 *
 * Returns: (transfer full) (element-type PhaenBudgetQuarter): the quarters entered, in order
 */
GArray *
phaen_store_list_budget_quarters (PhaenStore *self, gint64 plan_id, GError **error)
{
  g_autoptr (PhaenStmt) stmt = NULL;
  g_autoptr (GArray) quarters = g_array_new (FALSE, TRUE, sizeof (PhaenBudgetQuarter));
  int rc;

  g_return_val_if_fail (PHAEN_IS_STORE (self), NULL);

  stmt = _phaen_store_prepare (self,
                               "SELECT quarter, allocated, committed, disbursed FROM budget_quarter"
                               " WHERE plan_id = ? ORDER BY quarter",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PhaenBudgetQuarter q = { .plan_id = plan_id };

      if (!_phaen_column_int (stmt, 0, 1, PHAEN_QUARTERS, &q.quarter, error) ||
          !_phaen_column_double (stmt, 1, &q.allocated, error) ||
          !_phaen_column_double (stmt, 2, &q.committed, error) ||
          !_phaen_column_double (stmt, 3, &q.disbursed, error))
        return NULL;
      g_array_append_val (quarters, q);
    }
  if (rc != SQLITE_DONE)
    {
      _phaen_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&quarters);
}
