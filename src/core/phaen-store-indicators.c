/* phaen-store-indicators.c — indicators, their criteria versions, quarterly results and evidence
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-store"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>

#include "phaen-evidence-link.h"
#include "phaen-score.h"
#include "phaen-store-private.h"
#include "phaen-thai-text.h"

#define INDICATOR_COLUMNS                                                                          \
  "id, uuid, unit_id, fiscal_year, coalesce(plan_id, 0), position, code, name, org_plan,"          \
  " strategy, dimension, goal, weight, description, condition, measure_unit, target, baseline1,"   \
  " baseline2, baseline3, data_source, owner_name, owner_phone, supporter_name, supporter_phone,"  \
  " scoring, direction, cumulative, level, leading, mandatory, pmqa_group, pmqa_target,"           \
  " pmqa_score, pmqa_note"

#define RESULT_COLUMNS                                                                             \
  "id, uuid, indicator_id, quarter, value_text, value, detail, problems, score_override,"          \
  " override_reason, updated_at"

#define CRITERIA_VERSION_COLUMNS                                                                   \
  "id, uuid, indicator_id, version, approved_on, reason, pass_percent"

#define CRITERION_COLUMNS                                                                          \
  "level, threshold, upper, lower_inclusive, upper_inclusive, score, label, description"

/* The ids of a unit's indicators of a year (?1 the unit, ?2 the year). */
#define UNIT_YEAR_INDICATORS "(SELECT id FROM indicator WHERE unit_id = ?1 AND fiscal_year = ?2)"

#define EVIDENCE_COLUMNS                                                                           \
  "evidence.id, evidence.uuid, evidence.result_id, evidence.name, evidence.mime, evidence.url,"    \
  " coalesce((SELECT length(data) FROM evidence_blob WHERE evidence_blob.id = evidence.blob_id),"  \
  " 0), evidence.added_at"

/* ------------------------------------------------------------------ rows */

/* The schema's CHECK range of a criterion's level. */
#define MAX_CRITERION_LEVEL 10

static gboolean
indicator_numbers_from_row (sqlite3_stmt *stmt, PhaenIndicator *indicator, GError **error)
{
  return _phaen_column_id (stmt, 0, FALSE, &indicator->id, error) &&
         _phaen_column_id (stmt, 2, FALSE, &indicator->unit_id, error) &&
         _phaen_column_int (stmt, 3, PHAEN_MIN_FISCAL_YEAR, PHAEN_MAX_FISCAL_YEAR,
                            &indicator->fiscal_year, error) &&
         _phaen_column_id (stmt, 4, TRUE, &indicator->plan_id, error) &&
         _phaen_column_int (stmt, 5, G_MININT, G_MAXINT, &indicator->position, error) &&
         _phaen_column_double (stmt, 12, &indicator->weight, error) &&
         _phaen_column_int (stmt, 25, PHAEN_SCORING_NUMERIC, PHAEN_SCORING_PMQA7,
                            &indicator->scoring, error) &&
         _phaen_column_int (stmt, 26, PHAEN_DIRECTION_HIGHER_BETTER, PHAEN_DIRECTION_LOWER_BETTER,
                            &indicator->direction, error) &&
         _phaen_column_int (stmt, 28, PHAEN_LEVEL_ORGANISATION, PHAEN_LEVEL_PERSON,
                            &indicator->level, error) &&
         _phaen_column_int (stmt, 30, 0, 2, &indicator->mandatory, error) &&
         _phaen_column_optional_double (stmt, 32, &indicator->has_pmqa_target,
                                        &indicator->pmqa_target, error) &&
         _phaen_column_optional_double (stmt, 33, &indicator->has_pmqa_score,
                                        &indicator->pmqa_score, error);
}

/* Columns in INDICATOR_COLUMNS order. */
static PhaenIndicator *
indicator_from_row (sqlite3_stmt *stmt, GError **error)
{
  g_autoptr (PhaenIndicator) indicator = g_new0 (PhaenIndicator, 1);

  if (!indicator_numbers_from_row (stmt, indicator, error))
    return NULL;
  indicator->uuid = _phaen_column_strdup (stmt, 1);
  indicator->code = _phaen_column_strdup (stmt, 6);
  indicator->name = _phaen_column_strdup (stmt, 7);
  indicator->org_plan = _phaen_column_strdup (stmt, 8);
  indicator->strategy = _phaen_column_strdup (stmt, 9);
  indicator->dimension = _phaen_column_strdup (stmt, 10);
  indicator->goal = _phaen_column_strdup (stmt, 11);
  indicator->description = _phaen_column_strdup (stmt, 13);
  indicator->condition = _phaen_column_strdup (stmt, 14);
  indicator->measure_unit = _phaen_column_strdup (stmt, 15);
  indicator->target = _phaen_column_strdup (stmt, 16);
  for (guint i = 0; i < G_N_ELEMENTS (indicator->baseline); i++)
    indicator->baseline[i] = _phaen_column_strdup (stmt, 17 + i);
  indicator->data_source = _phaen_column_strdup (stmt, 20);
  indicator->owner_name = _phaen_column_strdup (stmt, 21);
  indicator->owner_phone = _phaen_column_strdup (stmt, 22);
  indicator->supporter_name = _phaen_column_strdup (stmt, 23);
  indicator->supporter_phone = _phaen_column_strdup (stmt, 24);
  indicator->cumulative = sqlite3_column_int64 (stmt, 27) != 0;
  indicator->leading = sqlite3_column_int64 (stmt, 29) != 0;
  indicator->pmqa_group = _phaen_column_strdup (stmt, 31);
  indicator->pmqa_note = _phaen_column_strdup (stmt, 34);
  return g_steal_pointer (&indicator);
}

static PhaenResult *
result_from_row (sqlite3_stmt *stmt, GError **error)
{
  g_autoptr (PhaenResult) result = g_new0 (PhaenResult, 1);

  if (!_phaen_column_id (stmt, 0, FALSE, &result->id, error) ||
      !_phaen_column_id (stmt, 2, FALSE, &result->indicator_id, error) ||
      !_phaen_column_int (stmt, 3, 1, PHAEN_QUARTERS, &result->quarter, error) ||
      !_phaen_column_optional_double (stmt, 5, &result->has_value, &result->value, error) ||
      !_phaen_column_optional_double (stmt, 8, &result->has_override, &result->score_override,
                                      error))
    return NULL;
  result->uuid = _phaen_column_strdup (stmt, 1);
  result->value_text = _phaen_column_strdup (stmt, 4);
  result->detail = _phaen_column_strdup (stmt, 6);
  result->problems = _phaen_column_strdup (stmt, 7);
  result->override_reason = _phaen_column_strdup (stmt, 9);
  result->updated_at = _phaen_column_strdup (stmt, 10);
  return g_steal_pointer (&result);
}

static PhaenEvidence *
evidence_from_row (sqlite3_stmt *stmt, GError **error)
{
  g_autoptr (PhaenEvidence) evidence = g_new0 (PhaenEvidence, 1);

  if (!_phaen_column_id (stmt, 0, FALSE, &evidence->id, error) ||
      !_phaen_column_id (stmt, 2, FALSE, &evidence->result_id, error))
    return NULL;
  evidence->uuid = _phaen_column_strdup (stmt, 1);
  evidence->name = _phaen_column_strdup (stmt, 3);
  evidence->mime = _phaen_column_strdup (stmt, 4);
  evidence->url = _phaen_column_strdup (stmt, 5);
  evidence->size = sqlite3_column_int64 (stmt, 6);
  evidence->added_at = _phaen_column_strdup (stmt, 7);
  return g_steal_pointer (&evidence);
}

/* ------------------------------------------------------------------ helpers */

#define EVIDENCE_NOT_FOUND N_ ("The evidence does not exist (it may have been deleted).")
#define INDICATOR_NOT_FOUND N_ ("The indicator does not exist (it may have been deleted).")

static gboolean
check_indicator_exists (PhaenStore *self, gint64 indicator_id, GError **error)
{
  g_autoptr (PhaenStmt) stmt =
    _phaen_store_prepare (self, "SELECT 1 FROM indicator WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, indicator_id);
  return _phaen_store_step_row (self, stmt, _ (INDICATOR_NOT_FOUND), error);
}

/* FALSE with NOT_FOUND when the last statement touched no row. */
static gboolean
check_changed (PhaenStore *self, const char *message, GError **error)
{
  if (sqlite3_changes (_phaen_store_get_db (self)) > 0)
    return TRUE;
  g_set_error_literal (error, PHAEN_ERROR, PHAEN_ERROR_NOT_FOUND, message);
  return FALSE;
}

/* Makes sure the quarter has a result row, so evidence can hang on it before a value is
 * entered; returns its id, or 0 with @error set. */
static gint64
ensure_result_row (PhaenStore *self, gint64 indicator_id, int quarter, GError **error)
{
  g_autofree char *uuid = _phaen_new_uuid ();
  g_autofree char *now = _phaen_now_iso8601 ();
  int rc;

  {
    g_autoptr (PhaenStmt) insert =
      _phaen_store_prepare (self,
                            "INSERT INTO result (uuid, indicator_id, quarter, updated_at)"
                            " VALUES (?, ?, ?, ?) ON CONFLICT (indicator_id, quarter) DO NOTHING",
                            error);
    if (insert == NULL)
      return 0;
    _phaen_bind_text (insert, 1, uuid);
    sqlite3_bind_int64 (insert, 2, indicator_id);
    sqlite3_bind_int (insert, 3, quarter);
    _phaen_bind_text (insert, 4, now);
    if (!_phaen_store_step_done (self, insert, error))
      return 0;
  }
  {
    g_autoptr (PhaenStmt) select = _phaen_store_prepare (
      self, "SELECT id FROM result WHERE indicator_id = ? AND quarter = ?", error);
    if (select == NULL)
      return 0;
    sqlite3_bind_int64 (select, 1, indicator_id);
    sqlite3_bind_int (select, 2, quarter);
    rc = sqlite3_step (select);
    if (rc == SQLITE_ROW)
      return sqlite3_column_int64 (select, 0);
    _phaen_store_set_error (self, rc, error);
    return 0;
  }
}

static GPtrArray *
list_indicators_from (PhaenStore *self, PhaenStmt *stmt, GError **error)
{
  g_autoptr (GPtrArray) indicators =
    g_ptr_array_new_with_free_func ((GDestroyNotify)phaen_indicator_free);

  if (!_phaen_store_collect_rows (self, stmt, indicators, (PhaenRowFunc)indicator_from_row, error))
    return NULL;
  return g_steal_pointer (&indicators);
}

/* ------------------------------------------------------------------ indicators */

/**
 * phaen_store_add_indicator:
 * @code: รหัสตัวชี้วัด as written ("สตป. 02"); may be empty
 *
 * Appends the indicator after the unit's others of that year.
 *
 * Returns: the new indicator's id, or 0 with @error set
 */
gint64
phaen_store_add_indicator (PhaenStore *self,
                           gint64 unit_id,
                           int fiscal_year,
                           const char *code,
                           const char *name,
                           GError **error)
{
  g_autoptr (PhaenStmt) stmt = NULL;
  g_autofree char *uuid = _phaen_new_uuid ();
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (PHAEN_IS_STORE (self), 0);
  g_return_val_if_fail (unit_id > 0, 0);

  if (!_phaen_store_edit_begin (self, _ ("Add indicator"), error))
    return 0;
  stmt = _phaen_store_prepare (
    self,
    "INSERT INTO indicator (uuid, unit_id, fiscal_year, position, code, name)"
    " VALUES (?1, ?2, ?3, (SELECT coalesce(max(position) + 1, 0) FROM indicator"
    "  WHERE unit_id = ?2 AND fiscal_year = ?3), ?4, ?5)",
    error);
  ok = stmt != NULL;
  if (ok)
    {
      _phaen_bind_text (stmt, 1, uuid);
      sqlite3_bind_int64 (stmt, 2, unit_id);
      sqlite3_bind_int (stmt, 3, fiscal_year);
      _phaen_bind_text (stmt, 4, code);
      _phaen_bind_text (stmt, 5, name);
      ok = _phaen_store_step_done (self, stmt, error);
      id = sqlite3_last_insert_rowid (_phaen_store_get_db (self));
    }
  if (!_phaen_store_edit_end (self, ok, error))
    return 0;
  return id;
}

/* Writes every field but the id and uuid. */
gboolean
phaen_store_update_indicator (PhaenStore *self, const PhaenIndicator *indicator, GError **error)
{
  g_autoptr (PhaenStmt) stmt = NULL;
  int col = 1;
  gboolean ok;

  g_return_val_if_fail (PHAEN_IS_STORE (self), FALSE);
  g_return_val_if_fail (indicator != NULL, FALSE);

  if (!_phaen_store_edit_begin (self, _ ("Edit indicator"), error))
    return FALSE;
  stmt = _phaen_store_prepare (
    self,
    "UPDATE indicator SET unit_id = ?, fiscal_year = ?, plan_id = ?, position = ?, code = ?,"
    " name = ?, org_plan = ?, strategy = ?, dimension = ?, goal = ?, weight = ?,"
    " description = ?, condition = ?, measure_unit = ?, target = ?, baseline1 = ?,"
    " baseline2 = ?, baseline3 = ?, data_source = ?, owner_name = ?, owner_phone = ?,"
    " supporter_name = ?, supporter_phone = ?, scoring = ?, direction = ?, cumulative = ?,"
    " level = ?, leading = ?, mandatory = ?, pmqa_group = ?, pmqa_target = ?, pmqa_score = ?,"
    " pmqa_note = ? WHERE id = ?",
    error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, col++, indicator->unit_id);
      sqlite3_bind_int (stmt, col++, indicator->fiscal_year);
      _phaen_bind_optional_id (stmt, col++, indicator->plan_id);
      sqlite3_bind_int (stmt, col++, indicator->position);
      _phaen_bind_text (stmt, col++, indicator->code);
      _phaen_bind_text (stmt, col++, indicator->name);
      _phaen_bind_text (stmt, col++, indicator->org_plan);
      _phaen_bind_text (stmt, col++, indicator->strategy);
      _phaen_bind_text (stmt, col++, indicator->dimension);
      _phaen_bind_text (stmt, col++, indicator->goal);
      sqlite3_bind_double (stmt, col++, indicator->weight);
      _phaen_bind_text (stmt, col++, indicator->description);
      _phaen_bind_text (stmt, col++, indicator->condition);
      _phaen_bind_text (stmt, col++, indicator->measure_unit);
      _phaen_bind_text (stmt, col++, indicator->target);
      for (guint i = 0; i < G_N_ELEMENTS (indicator->baseline); i++)
        _phaen_bind_text (stmt, col++, indicator->baseline[i]);
      _phaen_bind_text (stmt, col++, indicator->data_source);
      _phaen_bind_text (stmt, col++, indicator->owner_name);
      _phaen_bind_text (stmt, col++, indicator->owner_phone);
      _phaen_bind_text (stmt, col++, indicator->supporter_name);
      _phaen_bind_text (stmt, col++, indicator->supporter_phone);
      sqlite3_bind_int (stmt, col++, indicator->scoring);
      sqlite3_bind_int (stmt, col++, indicator->direction);
      sqlite3_bind_int (stmt, col++, indicator->cumulative ? 1 : 0);
      sqlite3_bind_int (stmt, col++, indicator->level);
      sqlite3_bind_int (stmt, col++, indicator->leading ? 1 : 0);
      sqlite3_bind_int (stmt, col++, indicator->mandatory);
      if (indicator->pmqa_group && *indicator->pmqa_group)
        _phaen_bind_text (stmt, col++, indicator->pmqa_group);
      else
        sqlite3_bind_null (stmt, col++);
      _phaen_bind_optional_double (stmt, col++, indicator->has_pmqa_target, indicator->pmqa_target);
      _phaen_bind_optional_double (stmt, col++, indicator->has_pmqa_score, indicator->pmqa_score);
      _phaen_bind_text (stmt, col++, indicator->pmqa_note);
      sqlite3_bind_int64 (stmt, col++, indicator->id);
      ok =
        _phaen_store_step_done (self, stmt, error) &&
        check_changed (self, _ ("The indicator does not exist (it may have been deleted)."), error);
    }
  return _phaen_store_edit_end (self, ok, error);
}

/* Deletes the indicator with its criteria, results, PMQA values and evidence: one undo step
 * brings them all back. */
gboolean
phaen_store_delete_indicator (PhaenStore *self, gint64 indicator_id, GError **error)
{
  g_autoptr (PhaenStmt) stmt = NULL;

  g_return_val_if_fail (PHAEN_IS_STORE (self), FALSE);

  stmt = _phaen_store_prepare (self, "DELETE FROM indicator WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, indicator_id);
  return _phaen_store_run_edit_on_row (
    self, _ ("Delete indicator"), stmt,
    _ ("The indicator does not exist (it may have been deleted)."), error);
}

/**
 * phaen_store_get_indicator:
 *
 * Returns: (transfer full): the indicator, or %NULL with PHAEN_ERROR_NOT_FOUND
 */
PhaenIndicator *
phaen_store_get_indicator (PhaenStore *self, gint64 indicator_id, GError **error)
{
  g_autoptr (PhaenStmt) stmt = NULL;

  g_return_val_if_fail (PHAEN_IS_STORE (self), NULL);

  stmt =
    _phaen_store_prepare (self, "SELECT " INDICATOR_COLUMNS " FROM indicator WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, indicator_id);
  if (!_phaen_store_step_row (self, stmt, _ (INDICATOR_NOT_FOUND), error))
    return NULL;
  return indicator_from_row (stmt, error);
}

/**
 * phaen_store_find_indicator:
 * @code: the code as officers type it; spaces do not matter ("สตป.02" finds "สตป. 02")
 *
 * Returns: (transfer full): the first such indicator in list order, or %NULL with
 *   PHAEN_ERROR_NOT_FOUND
 */
PhaenIndicator *
phaen_store_find_indicator (
  PhaenStore *self, gint64 unit_id, int fiscal_year, const char *code, GError **error)
{
  g_autoptr (PhaenStmt) stmt = NULL;
  g_autofree char *key = NULL;
  int rc;

  g_return_val_if_fail (PHAEN_IS_STORE (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  key = _phaen_code_key (code);
  stmt =
    _phaen_store_prepare (self,
                          "SELECT " INDICATOR_COLUMNS " FROM indicator"
                          " WHERE unit_id = ? AND fiscal_year = ? AND phaen_code_key (code) = ?"
                          " ORDER BY position, phaen_code_key (code), id LIMIT 1",
                          error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  sqlite3_bind_int (stmt, 2, fiscal_year);
  _phaen_bind_text (stmt, 3, key);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return indicator_from_row (stmt, error);
  if (rc == SQLITE_DONE)
    g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_NOT_FOUND,
                 _ ("There is no indicator “%s” in fiscal year %d."), code, fiscal_year);
  else
    _phaen_store_set_error (self, rc, error);
  return NULL;
}

/**
 * phaen_store_list_indicators:
 * @unit_id: a unit, or 0 for every unit
 * @fiscal_year: a BE year, or 0 for every year
 *
 * Returns: (transfer full) (element-type PhaenIndicator): by position, then code
 */
GPtrArray *
phaen_store_list_indicators (PhaenStore *self, gint64 unit_id, int fiscal_year, GError **error)
{
  g_autoptr (PhaenStmt) stmt = NULL;

  g_return_val_if_fail (PHAEN_IS_STORE (self), NULL);

  /* Two statements: "?1 = 0 OR unit_id = ?1" would keep SQLite from using the index, and a
   * ministry workspace asks for one unit's indicators hundreds of times when it rescores. */
  if (unit_id != 0)
    stmt = _phaen_store_prepare (self,
                                 "SELECT " INDICATOR_COLUMNS " FROM indicator"
                                 " WHERE unit_id = ?1 AND (?2 = 0 OR fiscal_year = ?2)"
                                 " ORDER BY fiscal_year, position, phaen_code_key (code), id",
                                 error);
  else
    stmt =
      _phaen_store_prepare (self,
                            "SELECT " INDICATOR_COLUMNS " FROM indicator"
                            " WHERE (?2 = 0 OR fiscal_year = ?2)"
                            " ORDER BY fiscal_year, unit_id, position, phaen_code_key (code), id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  sqlite3_bind_int (stmt, 2, fiscal_year);
  return list_indicators_from (self, stmt, error);
}

GArray *
phaen_store_list_indicator_years (PhaenStore *self, GError **error)
{
  g_autoptr (PhaenStmt) stmt = NULL;
  g_autoptr (GArray) years = g_array_new (FALSE, FALSE, sizeof (PhaenIndicatorYear));
  int rc;

  g_return_val_if_fail (PHAEN_IS_STORE (self), NULL);

  stmt = _phaen_store_prepare (
    self,
    "SELECT unit_id, fiscal_year, count(*), sum(scoring = ?)"
    " FROM indicator GROUP BY unit_id, fiscal_year ORDER BY unit_id, fiscal_year",
    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, PHAEN_SCORING_PMQA7);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PhaenIndicatorYear year = { 0 };

      if (!_phaen_column_id (stmt, 0, FALSE, &year.unit_id, error) ||
          !_phaen_column_int (stmt, 1, PHAEN_MIN_FISCAL_YEAR, PHAEN_MAX_FISCAL_YEAR,
                              &year.fiscal_year, error))
        return NULL;
      year.n_indicators = (guint)sqlite3_column_int (stmt, 2);
      year.n_pmqa7 = (guint)sqlite3_column_int (stmt, 3);
      g_array_append_val (years, year);
    }
  if (rc != SQLITE_DONE)
    {
      _phaen_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&years);
}

/* ------------------------------------------------------------------ criteria versions */

static PhaenCriteriaVersion *
criteria_version_from_row (sqlite3_stmt *stmt, GError **error)
{
  g_autoptr (PhaenCriteriaVersion) version = phaen_criteria_version_new ();

  if (!_phaen_column_id (stmt, 0, FALSE, &version->id, error) ||
      !_phaen_column_id (stmt, 2, FALSE, &version->indicator_id, error) ||
      !_phaen_column_int (stmt, 3, 1, G_MAXINT, &version->version, error) ||
      !_phaen_column_double (stmt, 6, &version->pass_percent, error))
    return NULL;
  version->uuid = _phaen_column_strdup (stmt, 1);
  version->approved_on = _phaen_column_strdup (stmt, 4);
  version->reason = _phaen_column_strdup (stmt, 5);
  return g_steal_pointer (&version);
}

static PhaenCriterion *
criterion_from_row (sqlite3_stmt *stmt, GError **error)
{
  g_autoptr (PhaenCriterion) criterion = g_new0 (PhaenCriterion, 1);

  if (!_phaen_column_int (stmt, 0, 1, MAX_CRITERION_LEVEL, &criterion->level, error) ||
      !_phaen_column_optional_double (stmt, 1, &criterion->has_threshold, &criterion->threshold,
                                      error) ||
      !_phaen_column_optional_double (stmt, 2, &criterion->has_upper, &criterion->upper, error) ||
      !_phaen_column_double (stmt, 5, &criterion->score, error))
    return NULL;
  criterion->lower_inclusive = sqlite3_column_int64 (stmt, 3) != 0;
  criterion->upper_inclusive = sqlite3_column_int64 (stmt, 4) != 0;
  criterion->label = _phaen_column_strdup (stmt, 6);
  criterion->description = _phaen_column_strdup (stmt, 7);
  return g_steal_pointer (&criterion);
}

static gboolean
load_criteria_items (PhaenStore *self, PhaenCriteriaVersion *version, GError **error)
{
  g_autoptr (PhaenStmt) stmt = NULL;

  stmt = _phaen_store_prepare (
    self, "SELECT " CRITERION_COLUMNS " FROM criterion WHERE version_id = ? ORDER BY level", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, version->id);
  return _phaen_store_collect_rows (self, stmt, version->items, (PhaenRowFunc)criterion_from_row,
                                    error);
}

/* "2021-3-5" → "2021-03-05"; NULL when the text is not a real calendar date. Approval dates
 * are CE (ISO 8601), as the rest of the file stores them. */
static char *
normalize_date (const char *text)
{
  int y = 0, m = 0, d = 0, end = 0;

  if (sscanf (text, "%4d-%2d-%2d%n", &y, &m, &d, &end) != 3 || text[end] != '\0' ||
      !g_date_valid_dmy (d, m, y))
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
}

static gboolean
insert_criterion (PhaenStore *self,
                  gint64 version_id,
                  const PhaenCriterion *criterion,
                  GError **error)
{
  g_autoptr (PhaenStmt) stmt = NULL;
  g_autofree char *uuid = _phaen_new_uuid ();
  int rc;

  if (criterion->level < 1 || criterion->level > MAX_CRITERION_LEVEL)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                   _ ("Criteria levels run from 1 to 10, not %d."), criterion->level);
      return FALSE;
    }
  stmt = _phaen_store_prepare (self,
                               "INSERT INTO criterion (uuid, version_id, level, threshold, upper,"
                               " lower_inclusive, upper_inclusive, score, label, description)"
                               " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                               error);
  if (stmt == NULL)
    return FALSE;
  _phaen_bind_text (stmt, 1, uuid);
  sqlite3_bind_int64 (stmt, 2, version_id);
  sqlite3_bind_int (stmt, 3, criterion->level);
  _phaen_bind_optional_double (stmt, 4, criterion->has_threshold, criterion->threshold);
  _phaen_bind_optional_double (stmt, 5, criterion->has_upper, criterion->upper);
  sqlite3_bind_int (stmt, 6, criterion->lower_inclusive ? 1 : 0);
  sqlite3_bind_int (stmt, 7, criterion->upper_inclusive ? 1 : 0);
  sqlite3_bind_double (stmt, 8, criterion->score);
  _phaen_bind_text (stmt, 9, criterion->label);
  _phaen_bind_text (stmt, 10, criterion->description);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  /* Two criteria of the same level break UNIQUE (version_id, level). */
  if (rc == SQLITE_CONSTRAINT_UNIQUE)
    g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                 _ ("Level %d appears twice in the criteria."), criterion->level);
  else
    _phaen_store_set_error (self, rc, error);
  return FALSE;
}

/**
 * phaen_store_add_criteria_version:
 * @version: the new criteria; its id, uuid, indicator_id and version number are ignored
 *
 * Records the criteria as the indicator's next version (the one in force from now on) with its
 * approval date and reason; earlier versions are kept.
 *
 * Returns: the version's row id, or 0 with @error set
 */
gint64
phaen_store_add_criteria_version (PhaenStore *self,
                                  gint64 indicator_id,
                                  const PhaenCriteriaVersion *version,
                                  GError **error)
{
  g_autoptr (PhaenStmt) stmt = NULL;
  g_autofree char *uuid = _phaen_new_uuid ();
  g_autofree char *now = _phaen_now_iso8601 ();
  g_autofree char *approved_on = NULL;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (PHAEN_IS_STORE (self), 0);
  g_return_val_if_fail (version != NULL, 0);

  if (version->approved_on && *version->approved_on &&
      !(approved_on = normalize_date (version->approved_on)))
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                   _ ("“%s” is not a date in the form yyyy-mm-dd."), version->approved_on);
      return 0;
    }
  if (!_phaen_store_edit_begin (self, _ ("Change criteria"), error))
    return 0;
  ok = check_indicator_exists (self, indicator_id, error);
  if (ok)
    stmt =
      _phaen_store_prepare (self,
                            "INSERT INTO criteria_version (uuid, indicator_id, version,"
                            " approved_on, reason, pass_percent, created_at)"
                            " VALUES (?1, ?2, (SELECT coalesce(max(version), 0) + 1"
                            "  FROM criteria_version WHERE indicator_id = ?2), ?3, ?4, ?5, ?6)",
                            error);
  ok = ok && stmt != NULL;
  if (ok)
    {
      _phaen_bind_text (stmt, 1, uuid);
      sqlite3_bind_int64 (stmt, 2, indicator_id);
      if (approved_on)
        _phaen_bind_text (stmt, 3, approved_on);
      else
        sqlite3_bind_null (stmt, 3);
      _phaen_bind_text (stmt, 4, version->reason);
      sqlite3_bind_double (stmt, 5, version->pass_percent);
      _phaen_bind_text (stmt, 6, now);
      ok = _phaen_store_step_done (self, stmt, error);
      id = sqlite3_last_insert_rowid (_phaen_store_get_db (self));
    }
  for (guint i = 0; ok && version->items && i < version->items->len; i++)
    ok = insert_criterion (self, id, g_ptr_array_index (version->items, i), error);
  if (!_phaen_store_edit_end (self, ok, error))
    return 0;
  return id;
}

/**
 * phaen_store_get_criteria:
 *
 * Returns: (transfer full): the version in force (the newest) with its items, or %NULL with
 *   PHAEN_ERROR_NOT_FOUND when the indicator has no criteria yet
 */
PhaenCriteriaVersion *
phaen_store_get_criteria (PhaenStore *self, gint64 indicator_id, GError **error)
{
  g_autoptr (PhaenCriteriaVersion) version = NULL;

  g_return_val_if_fail (PHAEN_IS_STORE (self), NULL);

  {
    g_autoptr (PhaenStmt) stmt = _phaen_store_prepare (
      self,
      "SELECT " CRITERIA_VERSION_COLUMNS
      " FROM criteria_version WHERE indicator_id = ? ORDER BY version DESC LIMIT 1",
      error);
    if (stmt == NULL)
      return NULL;
    sqlite3_bind_int64 (stmt, 1, indicator_id);
    if (!_phaen_store_step_row (
          self, stmt, _ ("No scoring criteria have been entered for this indicator."), error))
      return NULL;
    version = criteria_version_from_row (stmt, error);
    if (version == NULL)
      return NULL;
  }
  if (!load_criteria_items (self, version, error))
    return NULL;
  return g_steal_pointer (&version);
}

/**
 * phaen_store_list_criteria_versions:
 *
 * Returns: (transfer full) (element-type PhaenCriteriaVersion): every version, oldest first,
 *   each with its items; empty when none was entered
 */
GPtrArray *
phaen_store_list_criteria_versions (PhaenStore *self, gint64 indicator_id, GError **error)
{
  g_autoptr (GPtrArray) versions =
    g_ptr_array_new_with_free_func ((GDestroyNotify)phaen_criteria_version_free);

  g_return_val_if_fail (PHAEN_IS_STORE (self), NULL);

  {
    g_autoptr (PhaenStmt) stmt = _phaen_store_prepare (
      self,
      "SELECT " CRITERIA_VERSION_COLUMNS " FROM criteria_version WHERE indicator_id = ?"
      " ORDER BY version",
      error);
    if (stmt == NULL)
      return NULL;
    sqlite3_bind_int64 (stmt, 1, indicator_id);
    if (!_phaen_store_collect_rows (self, stmt, versions, (PhaenRowFunc)criteria_version_from_row,
                                    error))
      return NULL;
  }
  for (guint i = 0; i < versions->len; i++)
    if (!load_criteria_items (self, g_ptr_array_index (versions, i), error))
      return NULL;
  return g_steal_pointer (&versions);
}

/* The versions, then their items by version: one state of the file for both queries. */
static GPtrArray *
list_unit_criteria_versions (PhaenStore *self, gint64 unit_id, int fiscal_year, GError **error)
{
  g_autoptr (GPtrArray) versions =
    g_ptr_array_new_with_free_func ((GDestroyNotify)phaen_criteria_version_free);
  g_autoptr (GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (PhaenStmt) stmt = NULL;
  int rc;

  {
    g_autoptr (PhaenStmt) version_stmt = _phaen_store_prepare (
      self,
      "SELECT " CRITERIA_VERSION_COLUMNS " FROM criteria_version"
      " WHERE indicator_id IN " UNIT_YEAR_INDICATORS " ORDER BY indicator_id, version",
      error);
    if (version_stmt == NULL)
      return NULL;
    sqlite3_bind_int64 (version_stmt, 1, unit_id);
    sqlite3_bind_int (version_stmt, 2, fiscal_year);
    if (!_phaen_store_collect_rows (self, version_stmt, versions,
                                    (PhaenRowFunc)criteria_version_from_row, error))
      return NULL;
  }
  for (guint i = 0; i < versions->len; i++)
    {
      PhaenCriteriaVersion *version = g_ptr_array_index (versions, i);

      g_hash_table_insert (by_id, &version->id, version);
    }

  /* CRITERION_COLUMNS, then the item's version. */
  stmt = _phaen_store_prepare (self,
                               "SELECT " CRITERION_COLUMNS ", version_id FROM criterion"
                               " WHERE version_id IN (SELECT id FROM criteria_version"
                               "  WHERE indicator_id IN " UNIT_YEAR_INDICATORS ")"
                               " ORDER BY version_id, level",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  sqlite3_bind_int (stmt, 2, fiscal_year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 version_id = sqlite3_column_int64 (stmt, 8);
      PhaenCriteriaVersion *version = g_hash_table_lookup (by_id, &version_id);
      PhaenCriterion *criterion = criterion_from_row (stmt, error);

      if (criterion == NULL)
        return NULL;
      g_assert (version != NULL);
      g_ptr_array_add (version->items, criterion);
    }
  if (rc != SQLITE_DONE)
    {
      _phaen_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&versions);
}

/**
 * phaen_store_list_unit_criteria_versions:
 * @unit_id: a unit
 * @fiscal_year: a BE year
 *
 * Every criteria version of the unit's indicators of @fiscal_year with its items, in two
 * queries, for a scorecard of thousands of indicators.
 *
 * Returns: (transfer full) (element-type PhaenCriteriaVersion): by indicator id, then oldest
 *   first as phaen_store_list_criteria_versions() gives them
 */
GPtrArray *
phaen_store_list_unit_criteria_versions (PhaenStore *self,
                                         gint64 unit_id,
                                         int fiscal_year,
                                         GError **error)
{
  GPtrArray *versions;

  g_return_val_if_fail (PHAEN_IS_STORE (self), NULL);

  phaen_store_read_begin (self);
  versions = list_unit_criteria_versions (self, unit_id, fiscal_year, error);
  phaen_store_read_end (self);
  return versions;
}

/* ------------------------------------------------------------------ results */

/**
 * phaen_store_set_result:
 * @quarter: 1..4
 * @value_text: (nullable): the result as typed ("826", "๑๘๔", "4-5", "-"); %NULL keeps what
 *   is stored
 * @detail: (nullable): รายละเอียดการดำเนินงาน; %NULL keeps what is stored
 * @problems: (nullable): ปัญหา/อุปสรรค; %NULL keeps what is stored
 *
 * Stores the quarter's result. The text is kept exactly as typed; when it reads as a number
 * (Arabic or Thai digits) that number becomes the value used for scoring, otherwise the result
 * has no value ("-" means none, never zero; "4-5" is text only).
 */
gboolean
phaen_store_set_result (PhaenStore *self,
                        gint64 indicator_id,
                        int quarter,
                        const char *value_text,
                        const char *detail,
                        const char *problems,
                        GError **error)
{
  g_autoptr (PhaenStmt) stmt = NULL;
  g_autofree char *uuid = _phaen_new_uuid ();
  g_autofree char *now = _phaen_now_iso8601 ();
  gboolean has_value = FALSE;
  double value = 0;
  gboolean ok;

  g_return_val_if_fail (PHAEN_IS_STORE (self), FALSE);
  g_return_val_if_fail (quarter >= 1 && quarter <= PHAEN_QUARTERS, FALSE);

  if (value_text && !phaen_parse_optional_number (value_text, &has_value, &value, NULL))
    has_value = FALSE;

  if (!_phaen_store_edit_begin (self, _ ("Enter result"), error))
    return FALSE;
  ok = check_indicator_exists (self, indicator_id, error);
  if (ok)
    stmt = _phaen_store_prepare (
      self,
      "INSERT INTO result (uuid, indicator_id, quarter, value_text, value, detail, problems,"
      " updated_at) VALUES (?1, ?2, ?3, coalesce(?4, ''), ?5, coalesce(?6, ''), coalesce(?7, ''),"
      " ?8) ON CONFLICT (indicator_id, quarter) DO UPDATE SET"
      " value_text = coalesce(?4, value_text), value = CASE WHEN ?4 IS NULL THEN value ELSE ?5 END,"
      " detail = coalesce(?6, detail), problems = coalesce(?7, problems), updated_at = ?8",
      error);
  ok = ok && stmt != NULL;
  if (ok)
    {
      _phaen_bind_text (stmt, 1, uuid);
      sqlite3_bind_int64 (stmt, 2, indicator_id);
      sqlite3_bind_int (stmt, 3, quarter);
      if (value_text)
        _phaen_bind_text (stmt, 4, value_text);
      _phaen_bind_optional_double (stmt, 5, has_value, value);
      if (detail)
        _phaen_bind_text (stmt, 6, detail);
      if (problems)
        _phaen_bind_text (stmt, 7, problems);
      _phaen_bind_text (stmt, 8, now);
      ok = _phaen_store_step_done (self, stmt, error);
    }
  return _phaen_store_edit_end (self, ok, error);
}

/**
 * phaen_store_set_score_override:
 * @has_override: FALSE removes the override and its reason
 * @reason: why the computed score is replaced; required when @has_override
 *
 * Replaces the computed score of a quarter, e.g. after a committee decision.
 */
gboolean
phaen_store_set_score_override (PhaenStore *self,
                                gint64 indicator_id,
                                int quarter,
                                gboolean has_override,
                                double score,
                                const char *reason,
                                GError **error)
{
  g_autoptr (PhaenStmt) stmt = NULL;
  g_autofree char *uuid = _phaen_new_uuid ();
  g_autofree char *now = _phaen_now_iso8601 ();
  g_autofree char *stripped = g_strstrip (g_strdup (reason ? reason : ""));
  gboolean ok;

  g_return_val_if_fail (PHAEN_IS_STORE (self), FALSE);
  g_return_val_if_fail (quarter >= 1 && quarter <= PHAEN_QUARTERS, FALSE);

  if (has_override && *stripped == '\0')
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                   _ ("Give a reason for replacing the computed score."));
      return FALSE;
    }
  if (has_override && !isfinite (score))
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID, _ ("The score must be a number."));
      return FALSE;
    }

  if (!_phaen_store_edit_begin (
        self, has_override ? _ ("Override score") : _ ("Remove score override"), error))
    return FALSE;
  ok = check_indicator_exists (self, indicator_id, error);
  if (ok && has_override)
    stmt = _phaen_store_prepare (
      self,
      "INSERT INTO result (uuid, indicator_id, quarter, score_override, override_reason,"
      " updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (indicator_id, quarter)"
      " DO UPDATE SET score_override = ?4, override_reason = ?5, updated_at = ?6",
      error);
  else if (ok)
    stmt = _phaen_store_prepare (self,
                                 "UPDATE result SET score_override = NULL, override_reason = '',"
                                 " updated_at = ?6 WHERE indicator_id = ?2 AND quarter = ?3"
                                 " AND score_override IS NOT NULL",
                                 error);
  ok = ok && stmt != NULL;
  if (ok)
    {
      if (has_override)
        {
          _phaen_bind_text (stmt, 1, uuid);
          sqlite3_bind_double (stmt, 4, score);
          _phaen_bind_text (stmt, 5, stripped);
        }
      sqlite3_bind_int64 (stmt, 2, indicator_id);
      sqlite3_bind_int (stmt, 3, quarter);
      _phaen_bind_text (stmt, 6, now);
      ok = _phaen_store_step_done (self, stmt, error);
    }
  return _phaen_store_edit_end (self, ok, error);
}

gint64
phaen_store_get_result_indicator (PhaenStore *self, gint64 result_id, GError **error)
{
  g_autoptr (PhaenStmt) stmt = NULL;
  gint64 indicator_id = 0;
  int rc;

  g_return_val_if_fail (PHAEN_IS_STORE (self), 0);

  stmt = _phaen_store_prepare (self, "SELECT indicator_id FROM result WHERE id = ?", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, result_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    indicator_id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    _phaen_store_set_error (self, rc, error);
  return indicator_id;
}

/* Steps @stmt (RESULT_COLUMNS by indicator, then quarter) into @results. */
static gboolean
collect_results (PhaenStore *self, PhaenStmt *stmt, GPtrArray *results, GError **error)
{
  const PhaenResult *last = NULL;
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PhaenResult *result = result_from_row (stmt, error);

      if (result == NULL)
        return FALSE;
      /* UNIQUE (indicator_id, quarter) holds unless the file's schema was rewritten. */
      if (last != NULL && last->indicator_id == result->indicator_id &&
          last->quarter == result->quarter)
        {
          _phaen_set_corrupt (error, _ ("quarter %d of an indicator has two results."),
                              result->quarter);
          phaen_result_free (result);
          return FALSE;
        }
      g_ptr_array_add (results, result);
      last = result;
    }
  if (rc != SQLITE_DONE)
    return _phaen_store_set_error (self, rc, error);
  return TRUE;
}

/**
 * phaen_store_get_results:
 *
 * Returns: (transfer full) (element-type PhaenResult): exactly 4 slots, index quarter − 1;
 *   a slot is %NULL when nothing was entered for that quarter
 */
GPtrArray *
phaen_store_get_results (PhaenStore *self, gint64 indicator_id, GError **error)
{
  g_autoptr (PhaenStmt) stmt = NULL;
  g_autoptr (GPtrArray) entered = NULL;
  g_autoptr (GPtrArray) results = NULL;

  g_return_val_if_fail (PHAEN_IS_STORE (self), NULL);

  if (!check_indicator_exists (self, indicator_id, error))
    return NULL;
  stmt = _phaen_store_prepare (self,
                               "SELECT " RESULT_COLUMNS " FROM result WHERE indicator_id = ?"
                               " ORDER BY quarter",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, indicator_id);
  entered = g_ptr_array_new_with_free_func ((GDestroyNotify)phaen_result_free);
  if (!collect_results (self, stmt, entered, error))
    return NULL;
  results = g_ptr_array_new_full (PHAEN_QUARTERS, (GDestroyNotify)phaen_result_free);
  g_ptr_array_set_size (results, PHAEN_QUARTERS);
  for (guint i = 0; i < entered->len; i++)
    {
      PhaenResult *result = g_steal_pointer (&g_ptr_array_index (entered, i));

      g_ptr_array_index (results, result->quarter - 1) = result;
    }
  return g_steal_pointer (&results);
}

/**
 * phaen_store_list_unit_results:
 * @unit_id: a unit
 * @fiscal_year: a BE year
 *
 * Every result of the unit's indicators of @fiscal_year in one query, for a scorecard of
 * thousands of indicators.
 *
 * Returns: (transfer full) (element-type PhaenResult): by indicator id, then quarter
 */
GPtrArray *
phaen_store_list_unit_results (PhaenStore *self, gint64 unit_id, int fiscal_year, GError **error)
{
  g_autoptr (PhaenStmt) stmt = NULL;
  g_autoptr (GPtrArray) results =
    g_ptr_array_new_with_free_func ((GDestroyNotify)phaen_result_free);

  g_return_val_if_fail (PHAEN_IS_STORE (self), NULL);

  stmt = _phaen_store_prepare (self,
                               "SELECT " RESULT_COLUMNS " FROM result"
                               " WHERE indicator_id IN " UNIT_YEAR_INDICATORS
                               " ORDER BY indicator_id, quarter",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  sqlite3_bind_int (stmt, 2, fiscal_year);
  if (!collect_results (self, stmt, results, error))
    return NULL;
  return g_steal_pointer (&results);
}

/* ------------------------------------------------------------------ PMQA category 7 */

/**
 * phaen_store_set_pmqa_value:
 * @year: a BE year (การดำเนินการ พ.ศ. …)
 * @has_value: FALSE removes the year's value
 */
gboolean
phaen_store_set_pmqa_value (
  PhaenStore *self, gint64 indicator_id, int year, gboolean has_value, double value, GError **error)
{
  g_autoptr (PhaenStmt) stmt = NULL;
  g_autofree char *uuid = _phaen_new_uuid ();
  gboolean ok;

  g_return_val_if_fail (PHAEN_IS_STORE (self), FALSE);

  if (year < PHAEN_MIN_FISCAL_YEAR || year > PHAEN_MAX_FISCAL_YEAR)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                   _ ("%d is not a year in the Buddhist Era (such as 2566)."), year);
      return FALSE;
    }
  if (has_value && !isfinite (value))
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID, _ ("The result must be a number."));
      return FALSE;
    }

  if (!_phaen_store_edit_begin (self, _ ("Enter PMQA result"), error))
    return FALSE;
  ok = check_indicator_exists (self, indicator_id, error);
  if (ok && has_value)
    stmt = _phaen_store_prepare (self,
                                 "INSERT INTO pmqa_value (uuid, indicator_id, year, value)"
                                 " VALUES (?1, ?2, ?3, ?4)"
                                 " ON CONFLICT (indicator_id, year) DO UPDATE SET value = ?4",
                                 error);
  else if (ok)
    stmt = _phaen_store_prepare (
      self, "DELETE FROM pmqa_value WHERE indicator_id = ?2 AND year = ?3", error);
  ok = ok && stmt != NULL;
  if (ok)
    {
      if (has_value)
        {
          _phaen_bind_text (stmt, 1, uuid);
          sqlite3_bind_double (stmt, 4, value);
        }
      sqlite3_bind_int64 (stmt, 2, indicator_id);
      sqlite3_bind_int (stmt, 3, year);
      ok = _phaen_store_step_done (self, stmt, error);
    }
  return _phaen_store_edit_end (self, ok, error);
}

/* Returns FALSE when the year has no value (or it cannot be read). */
gboolean
phaen_store_get_pmqa_value (PhaenStore *self, gint64 indicator_id, int year, double *value)
{
  g_autoptr (PhaenStmt) stmt = NULL;

  g_return_val_if_fail (PHAEN_IS_STORE (self), FALSE);

  stmt = _phaen_store_prepare (
    self, "SELECT value FROM pmqa_value WHERE indicator_id = ? AND year = ?", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, indicator_id);
  sqlite3_bind_int (stmt, 2, year);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;
  return _phaen_column_double (stmt, 0, value ? value : &(double){ 0 }, NULL);
}

/* ------------------------------------------------------------------ evidence */

gint64
_phaen_store_insert_blob (PhaenStore *self, GBytes *data, GError **error)
{
  g_autoptr (PhaenStmt) stmt =
    _phaen_store_prepare (self, "INSERT INTO evidence_blob (data) VALUES (?)", error);
  gsize size = 0;
  gconstpointer bytes = g_bytes_get_data (data, &size);

  if (stmt == NULL)
    return 0;
  /* An empty file is still a file: a zero-length blob, not NULL. */
  if (size == 0)
    sqlite3_bind_zeroblob (stmt, 1, 0);
  else
    sqlite3_bind_blob64 (stmt, 1, bytes, size, SQLITE_STATIC);
  if (!_phaen_store_step_done (self, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (_phaen_store_get_db (self));
}

static gint64
insert_evidence (PhaenStore *self,
                 gint64 indicator_id,
                 int quarter,
                 const char *label,
                 const char *name,
                 const char *mime,
                 const char *url,
                 GBytes *data,
                 GError **error)
{
  g_autofree char *uuid = _phaen_new_uuid ();
  g_autofree char *now = _phaen_now_iso8601 ();
  gint64 result_id = 0;
  gint64 blob_id = 0;
  gint64 id = 0;
  gboolean ok;

  if (!_phaen_store_edit_begin (self, label, error))
    return 0;
  ok = check_indicator_exists (self, indicator_id, error);
  if (ok)
    {
      result_id = ensure_result_row (self, indicator_id, quarter, error);
      ok = result_id > 0;
    }
  /* The bytes go aside, where undo does not copy them (schema 002). */
  if (ok && data != NULL)
    {
      blob_id = _phaen_store_insert_blob (self, data, error);
      ok = blob_id > 0;
    }
  if (ok)
    {
      g_autoptr (PhaenStmt) stmt =
        _phaen_store_prepare (self,
                              "INSERT INTO evidence (uuid, result_id, name, mime, url, blob_id,"
                              " added_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                              error);
      ok = stmt != NULL;
      if (ok)
        {
          _phaen_bind_text (stmt, 1, uuid);
          sqlite3_bind_int64 (stmt, 2, result_id);
          _phaen_bind_text (stmt, 3, name);
          if (mime)
            _phaen_bind_text (stmt, 4, mime);
          if (url)
            _phaen_bind_text (stmt, 5, url);
          _phaen_bind_optional_id (stmt, 6, blob_id);
          _phaen_bind_text (stmt, 7, now);
          ok = _phaen_store_step_done (self, stmt, error);
          id = sqlite3_last_insert_rowid (_phaen_store_get_db (self));
        }
    }
  if (!_phaen_store_edit_end (self, ok, error))
    return 0;
  return id;
}

char *
_phaen_store_check_evidence_file (
  PhaenStore *self, const char *name, const char *mime, GBytes *data, GError **error)
{
  gint64 limit = phaen_store_get_evidence_limit (self);
  gsize size = 0;
  gconstpointer bytes = g_bytes_get_data (data, &size);
  g_autofree char *type = NULL;
  char *guessed;

  if (limit > 0 && (gint64)size > limit)
    {
      g_autofree char *have = g_format_size (size);
      g_autofree char *max = g_format_size (limit);

      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                   _ ("Too large to keep as evidence (%s; the limit is %s): store it on a shared "
                      "drive and attach a link to it instead."),
                   have, max);
      return NULL;
    }
  if (mime != NULL && *mime != '\0')
    return g_strdup (mime);
  type = g_content_type_guess (name, bytes, size, NULL);
  guessed = g_content_type_get_mime_type (type);
  return guessed ? guessed : g_strdup ("application/octet-stream");
}

/**
 * phaen_store_add_evidence_file:
 * @name: the file's name as the user knows it ("รายงานผล ไตรมาส 2.pdf")
 * @mime: (nullable): its MIME type; %NULL guesses it from @name and @data
 * @data: the file's bytes, stored inside the workspace
 *
 * Attaches the file to the quarter's result, creating an empty result when none was entered.
 *
 * Returns: the evidence id, or 0 with @error set
 */
gint64
phaen_store_add_evidence_file (PhaenStore *self,
                               gint64 indicator_id,
                               int quarter,
                               const char *name,
                               const char *mime,
                               GBytes *data,
                               GError **error)
{
  g_autofree char *type = NULL;

  g_return_val_if_fail (PHAEN_IS_STORE (self), 0);
  g_return_val_if_fail (quarter >= 1 && quarter <= PHAEN_QUARTERS, 0);
  g_return_val_if_fail (name != NULL, 0);
  g_return_val_if_fail (data != NULL, 0);

  type = _phaen_store_check_evidence_file (self, name, mime, data, error);
  if (type == NULL)
    return 0;
  return insert_evidence (self, indicator_id, quarter, _ ("Attach evidence"), name, type, NULL,
                          data, error);
}

/**
 * phaen_store_add_evidence_url:
 * @title: (nullable): what the link shows; %NULL or empty uses the URL itself
 * @url: an http, https or mailto address (surrounding white space is dropped); see
 *   phaen_evidence_url_is_safe()
 *
 * Returns: the evidence id, or 0 with PHAEN_ERROR_INVALID when @url is no such address
 */
gint64
phaen_store_add_evidence_url (PhaenStore *self,
                              gint64 indicator_id,
                              int quarter,
                              const char *title,
                              const char *url,
                              GError **error)
{
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (PHAEN_IS_STORE (self), 0);
  g_return_val_if_fail (quarter >= 1 && quarter <= PHAEN_QUARTERS, 0);
  g_return_val_if_fail (url != NULL, 0);

  stripped = g_strstrip (g_strdup (url));
  if (!phaen_evidence_url_is_safe (stripped))
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                   _ ("“%s” is not a web or e-mail address: a link must start with http://, "
                      "https:// or mailto:."),
                   stripped);
      return 0;
    }
  return insert_evidence (self, indicator_id, quarter, _ ("Attach link"),
                          title && *title ? title : stripped, NULL, stripped, NULL, error);
}

/**
 * phaen_store_list_evidence:
 *
 * Returns: (transfer full) (element-type PhaenEvidence): the quarter's files and links in the
 *   order they were added; the files' bytes are not loaded (see phaen_store_get_evidence_data())
 */
GPtrArray *
phaen_store_list_evidence (PhaenStore *self, gint64 indicator_id, int quarter, GError **error)
{
  g_autoptr (PhaenStmt) stmt = NULL;
  g_autoptr (GPtrArray) evidence =
    g_ptr_array_new_with_free_func ((GDestroyNotify)phaen_evidence_free);

  g_return_val_if_fail (PHAEN_IS_STORE (self), NULL);
  g_return_val_if_fail (quarter >= 1 && quarter <= PHAEN_QUARTERS, NULL);

  stmt = _phaen_store_prepare (self,
                               "SELECT " EVIDENCE_COLUMNS " FROM evidence JOIN result"
                               " ON result.id = evidence.result_id"
                               " WHERE result.indicator_id = ? AND result.quarter = ?"
                               " ORDER BY evidence.added_at, evidence.id",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, indicator_id);
  sqlite3_bind_int (stmt, 2, quarter);
  if (!_phaen_store_collect_rows (self, stmt, evidence, (PhaenRowFunc)evidence_from_row, error))
    return NULL;
  return g_steal_pointer (&evidence);
}

/**
 * phaen_store_get_evidence_data:
 *
 * Returns: (transfer full): the stored file's bytes; %NULL with PHAEN_ERROR_NOT_FOUND when
 *   there is no such evidence, or PHAEN_ERROR_INVALID when it is a link
 */
GBytes *
phaen_store_get_evidence_data (PhaenStore *self, gint64 evidence_id, GError **error)
{
  g_autoptr (PhaenStmt) stmt = NULL;

  g_return_val_if_fail (PHAEN_IS_STORE (self), NULL);

  stmt = _phaen_store_prepare (self,
                               "SELECT evidence_blob.data, evidence.name FROM evidence"
                               " LEFT JOIN evidence_blob ON evidence_blob.id = evidence.blob_id"
                               " WHERE evidence.id = ?",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, evidence_id);
  if (!_phaen_store_step_row (self, stmt, _ (EVIDENCE_NOT_FOUND), error))
    return NULL;
  if (sqlite3_column_type (stmt, 0) == SQLITE_NULL)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                   _ ("“%s” is a link, not a stored file."),
                   (const char *)sqlite3_column_text (stmt, 1));
      return NULL;
    }
  return g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
}

gboolean
phaen_store_delete_evidence (PhaenStore *self, gint64 evidence_id, GError **error)
{
  g_autoptr (PhaenStmt) stmt = NULL;

  g_return_val_if_fail (PHAEN_IS_STORE (self), FALSE);

  stmt = _phaen_store_prepare (self, "DELETE FROM evidence WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, evidence_id);
  return _phaen_store_run_edit_on_row (self, _ ("Remove evidence"), stmt, _ (EVIDENCE_NOT_FOUND),
                                       error);
}
