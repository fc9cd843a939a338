/* phaen-store-manage.c — managing a workspace: renaming, merging and deleting units, what a
 * deletion takes with it, and the yearly roll-over of a plan into the next fiscal year
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "phaen-calendar.h"
#include "phaen-store-private.h"
#include "phaen-thai-text.h"

/* ------------------------------------------------------------------ helpers */

static gboolean
count_rows (PhaenStore *self, const char *sql, gint64 id, int *count, GError **error)
{
  g_autoptr (PhaenStmt) stmt = _phaen_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return _phaen_store_set_error (self, rc, error);
  *count = sqlite3_column_int (stmt, 0);
  return TRUE;
}

static gboolean
run_with_ids (PhaenStore *self, const char *sql, gint64 a, gint64 b, GError **error)
{
  g_autoptr (PhaenStmt) stmt = _phaen_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  return _phaen_store_step_done (self, stmt, error);
}

static gboolean
check_abbr (const char *abbr, GError **error)
{
  g_autofree char *key = _phaen_code_key (abbr);

  if (*key == '\0')
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID, _ ("A unit needs an abbreviation."));
      return FALSE;
    }
  if (strlen (abbr) > PHAEN_MAX_TEXT_BYTES)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID, _ ("The abbreviation is too long."));
      return FALSE;
    }
  return TRUE;
}

/* The abbreviation is taken by a unit other than @unit_id (the sidebar and every lookup by
 * abbreviation would then be ambiguous). */
static gboolean
check_abbr_free (PhaenStore *self, const char *abbr, gint64 unit_id, GError **error)
{
  g_autoptr (PhaenUnit) other = phaen_store_find_unit (self, abbr, NULL);

  if (other != NULL && other->id != unit_id)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                   _ ("Another unit is already called “%s”."), other->abbr);
      return FALSE;
    }
  return TRUE;
}

/* @title with every spelling of @from (Arabic or Thai digits) made @to in the same digits. */
static char *
replace_year (const char *title, int from, int to)
{
  g_autofree char *from_arabic = g_strdup_printf ("%d", from);
  g_autofree char *to_arabic = g_strdup_printf ("%d", to);
  g_autofree char *from_thai = phaen_digits_to_thai (from_arabic);
  g_autofree char *to_thai = phaen_digits_to_thai (to_arabic);
  g_auto (GStrv) arabic = g_strsplit (title ? title : "", from_arabic, -1);
  g_autofree char *joined = g_strjoinv (to_arabic, arabic);
  g_auto (GStrv) thai = g_strsplit (joined, from_thai, -1);

  return g_strjoinv (to_thai, thai);
}

/* ------------------------------------------------------------------ what goes */

/**
 * phaen_store_count_unit_contents:
 *
 * What deleting the unit takes with it: its plans with their activities, its indicators with
 * their results and evidence. Its people and sub-units stay (without a unit / at the top).
 */
gboolean
phaen_store_count_unit_contents (PhaenStore *self,
                                 gint64 unit_id,
                                 PhaenStoreContents *contents,
                                 GError **error)
{
  g_return_val_if_fail (PHAEN_IS_STORE (self), FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);

  *contents = (PhaenStoreContents){ 0 };
  return count_rows (self, "SELECT count(*) FROM plan WHERE unit_id = ?", unit_id, &contents->plans,
                     error) &&
         count_rows (self,
                     "SELECT count(*) FROM activity WHERE plan_id IN"
                     " (SELECT id FROM plan WHERE unit_id = ?)",
                     unit_id, &contents->activities, error) &&
         count_rows (self, "SELECT count(*) FROM indicator WHERE unit_id = ?", unit_id,
                     &contents->indicators, error) &&
         count_rows (self,
                     "SELECT count(*) FROM result WHERE indicator_id IN"
                     " (SELECT id FROM indicator WHERE unit_id = ?)"
                     " AND (value_text <> '' OR detail <> '' OR problems <> '')",
                     unit_id, &contents->results, error) &&
         count_rows (self,
                     "SELECT count(*) FROM evidence WHERE result_id IN (SELECT r.id FROM result r"
                     " JOIN indicator i ON i.id = r.indicator_id WHERE i.unit_id = ?)",
                     unit_id, &contents->evidence, error) &&
         count_rows (self, "SELECT count(*) FROM person WHERE unit_id = ?", unit_id,
                     &contents->people, error) &&
         count_rows (self, "SELECT count(*) FROM unit WHERE parent_id = ?", unit_id,
                     &contents->child_units, error);
}

/**
 * phaen_store_count_plan_contents:
 *
 * What deleting the plan takes with it: its activities. Its indicators stay with the unit and
 * year (no longer tied to the plan); they are counted in @contents->indicators.
 */
gboolean
phaen_store_count_plan_contents (PhaenStore *self,
                                 gint64 plan_id,
                                 PhaenStoreContents *contents,
                                 GError **error)
{
  g_return_val_if_fail (PHAEN_IS_STORE (self), FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);

  *contents = (PhaenStoreContents){ .plans = 1 };
  return count_rows (self, "SELECT count(*) FROM activity WHERE plan_id = ?", plan_id,
                     &contents->activities, error) &&
         count_rows (self, "SELECT count(*) FROM indicator WHERE plan_id = ?", plan_id,
                     &contents->indicators, error);
}

/**
 * phaen_store_contents_describe:
 *
 * "3 แผน, 42 กิจกรรม, 12 ตัวชี้วัด, 20 ผลรายไตรมาส": the counts that are not zero, for a
 * confirmation. Returns: (transfer full): the text, "" when everything is zero
 */
char *
phaen_store_contents_describe (const PhaenStoreContents *contents)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (contents != NULL, NULL);

  if (contents->plans > 0)
    g_ptr_array_add (
      parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d plan", "%d plans", contents->plans),
                              contents->plans));
  if (contents->activities > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d activity",
                                                          "%d activities", contents->activities),
                                             contents->activities));
  if (contents->indicators > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d indicator",
                                                          "%d indicators", contents->indicators),
                                             contents->indicators));
  if (contents->results > 0)
    g_ptr_array_add (parts,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d quarterly result",
                                                   "%d quarterly results", contents->results),
                                      contents->results));
  if (contents->evidence > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d evidence item",
                                                          "%d evidence items", contents->evidence),
                                             contents->evidence));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (", ", (char **)parts->pdata);
}

/* ------------------------------------------------------------------ units */

/**
 * phaen_store_rename_unit:
 * @abbr: the new abbreviation (not empty, not another unit's)
 * @name: the new full name
 *
 * One undo step. Plans, indicators and people keep pointing at the unit.
 */
gboolean
phaen_store_rename_unit (
  PhaenStore *self, gint64 unit_id, const char *abbr, const char *name, GError **error)
{
  g_autoptr (PhaenUnit) unit = NULL;
  g_autofree char *clean_abbr = NULL;
  g_autofree char *clean_name = NULL;

  g_return_val_if_fail (PHAEN_IS_STORE (self), FALSE);
  g_return_val_if_fail (abbr != NULL, FALSE);

  clean_abbr = g_strstrip (g_strdup (abbr));
  clean_name = g_strstrip (g_strdup (name ? name : ""));
  if (!check_abbr (clean_abbr, error) || strlen (clean_name) > PHAEN_MAX_TEXT_BYTES)
    {
      if (error && *error == NULL)
        g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID, _ ("The name is too long."));
      return FALSE;
    }
  unit = phaen_store_get_unit (self, unit_id, error);
  if (unit == NULL || !check_abbr_free (self, clean_abbr, unit_id, error))
    return FALSE;
  g_free (unit->abbr);
  unit->abbr = g_steal_pointer (&clean_abbr);
  g_free (unit->name);
  unit->name = g_steal_pointer (&clean_name);
  if (!_phaen_store_edit_begin (self, _ ("Rename unit"), error))
    return FALSE;
  return _phaen_store_edit_end (self, phaen_store_update_unit (self, unit, error), error);
}

/**
 * phaen_store_merge_units:
 * @from_id: the unit that goes
 * @into_id: the unit that receives its plans, indicators, people and sub-units
 *
 * One undo step: everything of @from_id moves to @into_id, then @from_id is deleted.
 */
gboolean
phaen_store_merge_units (PhaenStore *self, gint64 from_id, gint64 into_id, GError **error)
{
  g_autoptr (PhaenUnit) from = NULL;
  g_autoptr (PhaenUnit) into = NULL;
  static const char *const moves[] = {
    "UPDATE plan SET unit_id = ?2 WHERE unit_id = ?1",
    "UPDATE indicator SET unit_id = ?2 WHERE unit_id = ?1",
    "UPDATE person SET unit_id = ?2 WHERE unit_id = ?1",
    "UPDATE unit SET parent_id = ?2 WHERE parent_id = ?1 AND id <> ?2",
    /* The receiving unit under the one that goes would hang from nothing. */
    "UPDATE unit SET parent_id = (SELECT parent_id FROM unit WHERE id = ?1)"
    " WHERE id = ?2 AND parent_id = ?1",
    "DELETE FROM unit WHERE id = ?1",
  };
  gboolean ok = TRUE;

  g_return_val_if_fail (PHAEN_IS_STORE (self), FALSE);

  if (from_id == into_id)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                   _ ("A unit cannot be merged into itself."));
      return FALSE;
    }
  from = phaen_store_get_unit (self, from_id, error);
  if (from == NULL)
    return FALSE;
  into = phaen_store_get_unit (self, into_id, error);
  if (into == NULL)
    return FALSE;
  if (!_phaen_store_edit_begin (self, _ ("Merge units"), error))
    return FALSE;
  for (guint i = 0; ok && i < G_N_ELEMENTS (moves); i++)
    ok = run_with_ids (self, moves[i], from_id, into_id, error);
  return _phaen_store_edit_end (self, ok, error);
}

/* ------------------------------------------------------------------ the yearly roll-over */

static gboolean
copy_activities (
  PhaenStore *self, gint64 from_plan, gint64 to_plan, GHashTable *ids, GError **error)
{
  g_autoptr (GPtrArray) activities = phaen_store_list_activities (self, from_plan, error);

  if (activities == NULL)
    return FALSE;
  /* Listed depth-first: a parent is always copied before its children. */
  for (guint i = 0; i < activities->len; i++)
    {
      const PhaenActivity *activity = g_ptr_array_index (activities, i);
      gint64 parent = activity->parent_id
                        ? GPOINTER_TO_SIZE (g_hash_table_lookup (ids, &activity->parent_id))
                        : 0;
      g_autoptr (PhaenStmt) stmt = NULL;
      gint64 *key;
      gint64 id;

      stmt = _phaen_store_prepare (
        self,
        "INSERT INTO activity (uuid, plan_id, parent_id, position, name, category, owner,"
        " budget, output, progress, level) SELECT phaen_new_uuid (), ?1, ?2, position, name,"
        " category, owner, budget, output, '', level FROM activity WHERE id = ?3",
        error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, to_plan);
      _phaen_bind_optional_id (stmt, 2, parent);
      sqlite3_bind_int64 (stmt, 3, activity->id);
      if (!_phaen_store_step_done (self, stmt, error))
        return FALSE;
      id = sqlite3_last_insert_rowid (_phaen_store_get_db (self));
      key = g_new (gint64, 1);
      *key = activity->id;
      g_hash_table_insert (ids, key, GSIZE_TO_POINTER ((gsize)id));
      /* The plan's marks come along, in the same months of the new year; what was achieved
       * and reported month by month is last year's result and stays behind. */
      if (!run_with_ids (self,
                         "INSERT INTO activity_month (uuid, activity_id, month, marks, progress)"
                         " SELECT phaen_new_uuid (), ?2, month, marks & 7, '' FROM activity_month"
                         " WHERE activity_id = ?1 AND (marks & 7) <> 0",
                         activity->id, id, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
copy_indicators (
  PhaenStore *self, const PhaenPlan *plan, gint64 to_plan, int fiscal_year, GError **error)
{
  g_autoptr (PhaenStmt) list = NULL;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *reason = g_strdup_printf (_ ("Copied from fiscal year %d"), plan->fiscal_year);
  int rc;

  list = _phaen_store_prepare (
    self, "SELECT id FROM indicator WHERE plan_id = ? ORDER BY position, id", error);
  if (list == NULL)
    return FALSE;
  sqlite3_bind_int64 (list, 1, plan->id);
  while ((rc = sqlite3_step (list)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (list, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    return _phaen_store_set_error (self, rc, error);

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 old_id = g_array_index (ids, gint64, i);
      g_autoptr (PhaenStmt) stmt = NULL;
      g_autoptr (PhaenCriteriaVersion) criteria = NULL;
      g_autoptr (GError) local = NULL;
      gint64 new_id;

      stmt = _phaen_store_prepare (
        self,
        "INSERT INTO indicator (uuid, unit_id, fiscal_year, plan_id, position, code, name,"
        " org_plan, strategy, dimension, goal, weight, description, condition, measure_unit,"
        " target, baseline1, baseline2, baseline3, data_source, owner_name, owner_phone,"
        " supporter_name, supporter_phone, scoring, direction, cumulative, level, leading,"
        " mandatory, pmqa_group, pmqa_target, pmqa_score, pmqa_note)"
        " SELECT phaen_new_uuid (), unit_id, ?1, ?2, position, code, name, org_plan, strategy,"
        " dimension, goal, weight, description, condition, measure_unit, target, baseline1,"
        " baseline2, baseline3, data_source, owner_name, owner_phone, supporter_name,"
        " supporter_phone, scoring, direction, cumulative, level, leading, mandatory,"
        " pmqa_group, pmqa_target, NULL, '' FROM indicator WHERE id = ?3",
        error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int (stmt, 1, fiscal_year);
      sqlite3_bind_int64 (stmt, 2, to_plan);
      sqlite3_bind_int64 (stmt, 3, old_id);
      if (!_phaen_store_step_done (self, stmt, error))
        return FALSE;
      new_id = sqlite3_last_insert_rowid (_phaen_store_get_db (self));

      /* The criteria in force at the end of the year become version 1 of the new year, not
       * yet approved: a new year's criteria are voted again. */
      criteria = phaen_store_get_criteria (self, old_id, &local);
      if (criteria == NULL)
        {
          if (g_error_matches (local, PHAEN_ERROR, PHAEN_ERROR_NOT_FOUND))
            continue;
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      g_clear_pointer (&criteria->approved_on, g_free);
      g_free (criteria->reason);
      criteria->reason = g_strdup (reason);
      if (phaen_store_add_criteria_version (self, new_id, criteria, error) == 0)
        return FALSE;
    }
  return TRUE;
}

/**
 * phaen_store_duplicate_plan:
 * @fiscal_year: the year of the copy (BE), usually the plan's next one
 *
 * The yearly roll-over, as one undo step: a copy of the plan in @fiscal_year with its text
 * sections, its activities and their planned months (month N of the old year becomes month N
 * of the new one: ต.ค.63 → ต.ค.64), its allocated budget by quarter, and its indicators with the
 * criteria in force. Results, achieved marks, progress reports, committed and disbursed money
 * stay with the old year. The year in the title follows ("… พ.ศ. 2564" → "… พ.ศ. 2565").
 *
 * Returns: the new plan's id, or 0 with @error set
 */
gint64
phaen_store_duplicate_plan (PhaenStore *self, gint64 plan_id, int fiscal_year, GError **error)
{
  g_autoptr (PhaenPlan) plan = NULL;
  g_autoptr (GHashTable) ids = NULL;
  g_autofree char *title = NULL;
  gint64 new_id = 0;
  gboolean ok;

  g_return_val_if_fail (PHAEN_IS_STORE (self), 0);

  plan = phaen_store_get_plan (self, plan_id, error);
  if (plan == NULL)
    return 0;
  title = replace_year (plan->title, plan->fiscal_year, fiscal_year);
  if (!_phaen_store_edit_begin (self, _ ("Duplicate plan"), error))
    return 0;
  new_id = phaen_store_add_plan (self, plan->unit_id, fiscal_year, plan->kind, title, error);
  ok = new_id != 0;
  if (ok)
    ok = run_with_ids (self,
                       "UPDATE plan SET extra_months = (SELECT extra_months FROM plan"
                       " WHERE id = ?1) WHERE id = ?2",
                       plan_id, new_id, error) &&
         run_with_ids (self,
                       "INSERT INTO plan_section (uuid, plan_id, key, body)"
                       " SELECT phaen_new_uuid (), ?2, key, body FROM plan_section"
                       " WHERE plan_id = ?1",
                       plan_id, new_id, error) &&
         run_with_ids (self,
                       "INSERT INTO budget_quarter (uuid, plan_id, quarter, allocated)"
                       " SELECT phaen_new_uuid (), ?2, quarter, allocated FROM budget_quarter"
                       " WHERE plan_id = ?1",
                       plan_id, new_id, error);
  if (ok)
    {
      ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      ok = copy_activities (self, plan_id, new_id, ids, error) &&
           copy_indicators (self, plan, new_id, fiscal_year, error);
    }
  return _phaen_store_edit_end (self, ok, error) ? new_id : 0;
}
