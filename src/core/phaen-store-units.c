/* phaen-store-units.c — organisation units, people and fiscal years
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "phaen-store-private.h"

#define UNIT_COLUMNS "id, uuid, abbr, name, coalesce(parent_id, 0)"

static PhaenUnit *
unit_from_row (sqlite3_stmt *stmt, GError **error)
{
  g_autoptr (PhaenUnit) unit = g_new0 (PhaenUnit, 1);

  if (!_phaen_column_id (stmt, 0, FALSE, &unit->id, error) ||
      !_phaen_column_id (stmt, 4, TRUE, &unit->parent_id, error))
    return NULL;
  unit->uuid = _phaen_column_strdup (stmt, 1);
  unit->abbr = _phaen_column_strdup (stmt, 2);
  unit->name = _phaen_column_strdup (stmt, 3);
  return g_steal_pointer (&unit);
}

gint64
phaen_store_add_unit (
  PhaenStore *self, const char *abbr, const char *name, gint64 parent_id, GError **error)
{
  g_autoptr (PhaenStmt) stmt = NULL;
  g_autofree char *uuid = _phaen_new_uuid ();

  g_return_val_if_fail (PHAEN_IS_STORE (self), 0);
  g_return_val_if_fail (abbr != NULL, 0);

  stmt = _phaen_store_prepare (
    self, "INSERT INTO unit (uuid, abbr, name, parent_id) VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  _phaen_bind_text (stmt, 1, uuid);
  _phaen_bind_text (stmt, 2, abbr);
  _phaen_bind_text (stmt, 3, name);
  _phaen_bind_optional_id (stmt, 4, parent_id);
  return _phaen_store_run_insert (self, _ ("Add unit"), stmt, error);
}

gboolean
phaen_store_update_unit (PhaenStore *self, const PhaenUnit *unit, GError **error)
{
  g_autoptr (PhaenStmt) stmt = NULL;

  g_return_val_if_fail (PHAEN_IS_STORE (self), FALSE);
  g_return_val_if_fail (unit != NULL, FALSE);

  stmt = _phaen_store_prepare (
    self, "UPDATE unit SET abbr = ?, name = ?, parent_id = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  _phaen_bind_text (stmt, 1, unit->abbr);
  _phaen_bind_text (stmt, 2, unit->name);
  _phaen_bind_optional_id (stmt, 3, unit->parent_id);
  sqlite3_bind_int64 (stmt, 4, unit->id);
  return _phaen_store_run_edit (self, _ ("Edit unit"), stmt, error);
}

gboolean
phaen_store_delete_unit (PhaenStore *self, gint64 unit_id, GError **error)
{
  g_autoptr (PhaenStmt) stmt = NULL;

  g_return_val_if_fail (PHAEN_IS_STORE (self), FALSE);

  stmt = _phaen_store_prepare (self, "DELETE FROM unit WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  return _phaen_store_run_edit (self, _ ("Delete unit"), stmt, error);
}

/**
 * phaen_store_list_units:
 *
 * Returns: (transfer full) (element-type PhaenUnit): every unit, by abbreviation
 */
GPtrArray *
phaen_store_list_units (PhaenStore *self, GError **error)
{
  g_autoptr (PhaenStmt) stmt = NULL;
  g_autoptr (GPtrArray) units = g_ptr_array_new_with_free_func ((GDestroyNotify)phaen_unit_free);

  g_return_val_if_fail (PHAEN_IS_STORE (self), NULL);

  stmt = _phaen_store_prepare (self, "SELECT " UNIT_COLUMNS " FROM unit ORDER BY abbr, id", error);
  if (stmt == NULL ||
      !_phaen_store_collect_rows (self, stmt, units, (PhaenRowFunc)unit_from_row, error))
    return NULL;
  return g_steal_pointer (&units);
}

static PhaenUnit *
get_one_unit (PhaenStore *self, const char *sql, gint64 id, const char *key, GError **error)
{
  g_autoptr (PhaenStmt) stmt = _phaen_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  if (key)
    _phaen_bind_text (stmt, 1, key);
  else
    sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return unit_from_row (stmt, error);
  if (rc == SQLITE_DONE)
    g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_NOT_FOUND, _ ("There is no unit “%s”."),
                 key ? key : "?");
  else
    _phaen_store_set_error (self, rc, error);
  return NULL;
}

/**
 * phaen_store_get_unit:
 *
 * Returns: (transfer full): the unit, or %NULL with PHAEN_ERROR_NOT_FOUND
 */
PhaenUnit *
phaen_store_get_unit (PhaenStore *self, gint64 unit_id, GError **error)
{
  g_return_val_if_fail (PHAEN_IS_STORE (self), NULL);
  return get_one_unit (self, "SELECT " UNIT_COLUMNS " FROM unit WHERE id = ?", unit_id, NULL,
                       error);
}

/**
 * phaen_store_find_unit:
 * @abbr: an abbreviation as officers type it (spaces do not matter)
 *
 * Returns: (transfer full): the unit, or %NULL with PHAEN_ERROR_NOT_FOUND
 */
PhaenUnit *
phaen_store_find_unit (PhaenStore *self, const char *abbr, GError **error)
{
  g_autofree char *key = NULL;
  PhaenUnit *unit;

  g_return_val_if_fail (PHAEN_IS_STORE (self), NULL);
  g_return_val_if_fail (abbr != NULL, NULL);

  key = _phaen_code_key (abbr);
  unit = get_one_unit (self,
                       "SELECT " UNIT_COLUMNS " FROM unit WHERE phaen_code_key (abbr) = ?1"
                       " OR rtrim (phaen_code_key (abbr), '.') = rtrim (?1, '.') ORDER BY id",
                       0, key, NULL);
  if (unit == NULL)
    g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_NOT_FOUND, _ ("There is no unit “%s”."), abbr);
  return unit;
}

gint64
phaen_store_add_person (PhaenStore *self, const PhaenPerson *person, GError **error)
{
  g_autoptr (PhaenStmt) stmt = NULL;
  g_autofree char *uuid = _phaen_new_uuid ();

  g_return_val_if_fail (PHAEN_IS_STORE (self), 0);
  g_return_val_if_fail (person != NULL && person->name != NULL, 0);

  stmt = _phaen_store_prepare (self,
                               "INSERT INTO person (uuid, unit_id, title, name, position, phone,"
                               " email) VALUES (?, ?, ?, ?, ?, ?, ?)",
                               error);
  if (stmt == NULL)
    return 0;
  _phaen_bind_text (stmt, 1, uuid);
  _phaen_bind_optional_id (stmt, 2, person->unit_id);
  _phaen_bind_text (stmt, 3, person->title);
  _phaen_bind_text (stmt, 4, person->name);
  _phaen_bind_text (stmt, 5, person->position);
  _phaen_bind_text (stmt, 6, person->phone);
  _phaen_bind_text (stmt, 7, person->email);
  return _phaen_store_run_insert (self, _ ("Add person"), stmt, error);
}

static PhaenPerson *
person_from_row (sqlite3_stmt *stmt, GError **error)
{
  g_autoptr (PhaenPerson) person = g_new0 (PhaenPerson, 1);

  if (!_phaen_column_id (stmt, 0, FALSE, &person->id, error) ||
      !_phaen_column_id (stmt, 2, TRUE, &person->unit_id, error))
    return NULL;
  person->uuid = _phaen_column_strdup (stmt, 1);
  person->title = _phaen_column_strdup (stmt, 3);
  person->name = _phaen_column_strdup (stmt, 4);
  person->position = _phaen_column_strdup (stmt, 5);
  person->phone = _phaen_column_strdup (stmt, 6);
  person->email = _phaen_column_strdup (stmt, 7);
  return g_steal_pointer (&person);
}

/**
 * phaen_store_list_people:
 * @unit_id: a unit, or 0 for everyone
 *
 * Returns: (transfer full) (element-type PhaenPerson):
 */
GPtrArray *
phaen_store_list_people (PhaenStore *self, gint64 unit_id, GError **error)
{
  g_autoptr (PhaenStmt) stmt = NULL;
  g_autoptr (GPtrArray) people = g_ptr_array_new_with_free_func ((GDestroyNotify)phaen_person_free);

  g_return_val_if_fail (PHAEN_IS_STORE (self), NULL);

  stmt =
    _phaen_store_prepare (self,
                          "SELECT id, uuid, coalesce(unit_id, 0), title, name, position, phone,"
                          " email"
                          " FROM person WHERE ?1 = 0 OR unit_id = ?1 ORDER BY name",
                          error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  if (!_phaen_store_collect_rows (self, stmt, people, (PhaenRowFunc)person_from_row, error))
    return NULL;
  return g_steal_pointer (&people);
}

static gboolean
check_fiscal_year (int fiscal_year, GError **error)
{
  if (fiscal_year >= PHAEN_MIN_FISCAL_YEAR && fiscal_year <= PHAEN_MAX_FISCAL_YEAR)
    return TRUE;
  g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
               _ ("%d is not a fiscal year in the Buddhist Era (such as 2564)."), fiscal_year);
  return FALSE;
}

/* Adding a year that exists already is not an error. */
gboolean
phaen_store_add_fiscal_year (PhaenStore *self, int fiscal_year, GError **error)
{
  g_autoptr (PhaenStmt) stmt = NULL;
  g_autofree char *uuid = _phaen_new_uuid ();

  g_return_val_if_fail (PHAEN_IS_STORE (self), FALSE);

  if (!check_fiscal_year (fiscal_year, error))
    return FALSE;
  stmt = _phaen_store_prepare (
    self, "INSERT INTO fiscal_year (uuid, year) VALUES (?, ?) ON CONFLICT (year) DO NOTHING",
    error);
  if (stmt == NULL)
    return FALSE;
  _phaen_bind_text (stmt, 1, uuid);
  sqlite3_bind_int (stmt, 2, fiscal_year);
  return _phaen_store_run_edit (self, _ ("Add fiscal year"), stmt, error);
}

/**
 * phaen_store_list_fiscal_years:
 *
 * Returns: (transfer full) (element-type int): the years, oldest first
 */
GArray *
phaen_store_list_fiscal_years (PhaenStore *self, GError **error)
{
  g_autoptr (PhaenStmt) stmt = NULL;
  g_autoptr (GArray) years = g_array_new (FALSE, FALSE, sizeof (int));
  int rc;

  g_return_val_if_fail (PHAEN_IS_STORE (self), NULL);

  stmt = _phaen_store_prepare (self,
                               "SELECT year FROM fiscal_year UNION SELECT fiscal_year FROM plan"
                               " UNION SELECT fiscal_year FROM indicator ORDER BY 1",
                               error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int year;

      if (!_phaen_column_int (stmt, 0, PHAEN_MIN_FISCAL_YEAR, PHAEN_MAX_FISCAL_YEAR, &year, error))
        return NULL;
      g_array_append_val (years, year);
    }
  if (rc != SQLITE_DONE)
    {
      _phaen_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&years);
}

gboolean
phaen_store_has_fiscal_year (PhaenStore *self, int fiscal_year, GError **error)
{
  g_autoptr (GArray) years = NULL;

  g_return_val_if_fail (PHAEN_IS_STORE (self), FALSE);

  years = phaen_store_list_fiscal_years (self, error);
  if (years == NULL)
    return FALSE;
  for (guint i = 0; i < years->len; i++)
    if (g_array_index (years, int, i) == fiscal_year)
      return TRUE;
  g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_NOT_FOUND,
               _ ("The workspace has no fiscal year %d."), fiscal_year);
  return FALSE;
}

gboolean
phaen_store_set_disbursement_targets (PhaenStore *self,
                                      int fiscal_year,
                                      const double targets[PHAEN_QUARTERS],
                                      GError **error)
{
  g_autoptr (PhaenStmt) stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (PHAEN_IS_STORE (self), FALSE);

  if (!_phaen_store_edit_begin (self, _ ("Set disbursement targets"), error))
    return FALSE;
  ok = phaen_store_add_fiscal_year (self, fiscal_year, error);
  if (ok)
    stmt = _phaen_store_prepare (self,
                                 "UPDATE fiscal_year SET target_q1 = ?, target_q2 = ?,"
                                 " target_q3 = ?, target_q4 = ? WHERE year = ?",
                                 error);
  ok = ok && stmt != NULL;
  if (ok)
    {
      for (int q = 0; q < PHAEN_QUARTERS; q++)
        sqlite3_bind_double (stmt, q + 1, targets[q]);
      sqlite3_bind_int (stmt, 5, fiscal_year);
      ok = _phaen_store_step_done (self, stmt, error);
    }
  return _phaen_store_edit_end (self, ok, error);
}

/* FALSE with NOT_FOUND when the year has no targets set. */
gboolean
phaen_store_get_disbursement_targets (PhaenStore *self,
                                      int fiscal_year,
                                      double targets[PHAEN_QUARTERS],
                                      GError **error)
{
  g_autoptr (PhaenStmt) stmt = NULL;

  g_return_val_if_fail (PHAEN_IS_STORE (self), FALSE);

  stmt = _phaen_store_prepare (self,
                               "SELECT target_q1, target_q2, target_q3, target_q4 FROM fiscal_year"
                               " WHERE year = ? AND target_q1 IS NOT NULL",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, fiscal_year);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_NOT_FOUND,
                   _ ("No disbursement targets are set for fiscal year %d."), fiscal_year);
      return FALSE;
    }
  for (int q = 0; q < PHAEN_QUARTERS; q++)
    if (!_phaen_column_double (stmt, q, &targets[q], error))
      return FALSE;
  return TRUE;
}
