/* phaen-store-pmqa.c — PMQA 4.0 categories 1–6: claims, narratives, levels, evidence slots
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-store-pmqa"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "phaen-store-pmqa.h"
#include "phaen-store-private.h"

/* ------------------------------------------------------------------ records */

void
phaen_pmqa_assessment_info_free (PhaenPmqaAssessmentInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->edition);
  g_free (info);
}

void
phaen_pmqa_entry_free (PhaenPmqaEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->code);
  g_free (entry->narrative);
  g_free (entry->author);
  g_free (entry->status_on);
  g_free (entry->due_on);
  g_free (entry);
}

void
phaen_pmqa_attachment_free (PhaenPmqaAttachment *attachment)
{
  if (attachment == NULL)
    return;
  g_free (attachment->code);
  g_free (attachment->name);
  g_free (attachment->mime);
  g_free (attachment->added_at);
  g_free (attachment);
}

const char *
phaen_pmqa_status_to_string (PhaenPmqaStatus status)
{
  switch (status)
    {
    case PHAEN_PMQA_STATUS_CHECKED:
      return _ ("Checked");
    case PHAEN_PMQA_STATUS_APPROVED:
      return _ ("Approved");
    case PHAEN_PMQA_STATUS_DRAFT:
    default:
      return _ ("Draft");
    }
}

const char *
phaen_pmqa_level_to_string (PhaenPmqaLevel level)
{
  /* Seed 003 prints the level names in English on Thai pages. */
  switch (level)
    {
    case PHAEN_PMQA_LEVEL_BASIC:
      return "Basic";
    case PHAEN_PMQA_LEVEL_ADVANCE:
      return "Advance";
    case PHAEN_PMQA_LEVEL_SIGNIFICANCE:
      return "Significance";
    case PHAEN_PMQA_LEVEL_NONE:
    default:
      return "-";
    }
}

/* ------------------------------------------------------------------ helpers */

#define EVIDENCE_NOT_FOUND N_ ("The evidence does not exist (it may have been deleted).")

static PhaenPmqaAssessmentInfo *
assessment_info_from_row (sqlite3_stmt *stmt, GError **error)
{
  g_autoptr (PhaenPmqaAssessmentInfo) info = g_new0 (PhaenPmqaAssessmentInfo, 1);

  if (!_phaen_column_id (stmt, 0, FALSE, &info->id, error) ||
      !_phaen_column_id (stmt, 1, FALSE, &info->unit_id, error) ||
      !_phaen_column_int (stmt, 2, PHAEN_MIN_FISCAL_YEAR, PHAEN_MAX_FISCAL_YEAR, &info->fiscal_year,
                          error) ||
      !_phaen_column_int (stmt, 4, 0, 1000000, &info->narrative_limit, error))
    return NULL;
  info->edition = _phaen_column_strdup (stmt, 3);
  return g_steal_pointer (&info);
}

static PhaenPmqaEntry *
entry_from_row (sqlite3_stmt *stmt, GError **error)
{
  g_autoptr (PhaenPmqaEntry) entry = g_new0 (PhaenPmqaEntry, 1);
  int status = 0;

  if (!_phaen_column_int (stmt, 4, 0, 2, &status, error))
    return NULL;
  entry->code = _phaen_column_strdup (stmt, 0);
  entry->claimed = (guint32)(sqlite3_column_int64 (stmt, 1) & 0x3fffffff);
  entry->narrative = _phaen_column_strdup (stmt, 2);
  entry->author = _phaen_column_strdup (stmt, 3);
  entry->status = status;
  entry->status_on = _phaen_column_strdup (stmt, 5);
  entry->due_on = _phaen_column_strdup (stmt, 6);
  return g_steal_pointer (&entry);
}

static PhaenPmqaAttachment *
attachment_from_row (sqlite3_stmt *stmt, GError **error)
{
  g_autoptr (PhaenPmqaAttachment) item = g_new0 (PhaenPmqaAttachment, 1);

  if (!_phaen_column_id (stmt, 0, FALSE, &item->id, error) ||
      !_phaen_column_int (stmt, 2, 1, PHAEN_PMQA_MAX_STATEMENTS, &item->statement, error))
    return NULL;
  item->code = _phaen_column_strdup (stmt, 1);
  item->name = _phaen_column_strdup (stmt, 3);
  item->mime = _phaen_column_strdup (stmt, 4);
  item->size = sqlite3_column_int64 (stmt, 5);
  item->added_at = _phaen_column_strdup (stmt, 6);
  return g_steal_pointer (&item);
}

static gboolean
check_date (const char *date, GError **error)
{
  g_autoptr (GDateTime) parsed = NULL;
  int y, m, d;

  if (date == NULL)
    return TRUE;
  if (sscanf (date, "%4d-%2d-%2d", &y, &m, &d) == 3 && strlen (date) == 10)
    parsed = g_date_time_new_utc (y, m, d, 0, 0, 0);
  if (parsed == NULL)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID, _ ("“%s” is not a date (YYYY-MM-DD)."),
                   date);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_code (const char *code, GError **error)
{
  if (code != NULL && *code != '\0' && strlen (code) < 16 && g_utf8_validate (code, -1, NULL))
    return TRUE;
  g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID, _ ("“%s” is not a PMQA item code."),
               code ? code : "");
  return FALSE;
}

static gboolean
check_statement (int statement, GError **error)
{
  if (statement >= 1 && statement <= PHAEN_PMQA_MAX_STATEMENTS)
    return TRUE;
  g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID, _ ("Statement %d does not exist (1–%d)."),
               statement, PHAEN_PMQA_MAX_STATEMENTS);
  return FALSE;
}

/* Binds the application of @unit_id in @fiscal_year to ?1 and ?2 of @sql. */
static PhaenStmt *
prepare_for_assessment (
  PhaenStore *self, const char *sql, gint64 unit_id, int fiscal_year, GError **error)
{
  PhaenStmt *stmt = _phaen_store_prepare (self, sql, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  sqlite3_bind_int (stmt, 2, fiscal_year);
  return stmt;
}

static gint64
find_assessment (PhaenStore *self, gint64 unit_id, int fiscal_year, GError **error)
{
  g_autoptr (PhaenStmt) stmt = prepare_for_assessment (
    self, "SELECT id FROM pmqa_assessment WHERE unit_id = ? AND fiscal_year = ?", unit_id,
    fiscal_year, error);
  int rc;

  if (stmt == NULL)
    return -1;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc != SQLITE_DONE)
    {
      _phaen_store_set_error (self, rc, error);
      return -1;
    }
  return 0;
}

/* The application's id, started when there is none; inside an edit. 0 with @error set. */
static gint64
ensure_assessment (PhaenStore *self, gint64 unit_id, int fiscal_year, GError **error)
{
  g_autofree char *uuid = NULL;
  gint64 id;

  if (fiscal_year < PHAEN_MIN_FISCAL_YEAR || fiscal_year > PHAEN_MAX_FISCAL_YEAR)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                   _ ("%d is not a fiscal year (Buddhist Era)."), fiscal_year);
      return 0;
    }
  id = find_assessment (self, unit_id, fiscal_year, error);
  if (id != 0)
    return MAX (id, 0);

  {
    g_autoptr (PhaenStmt) unit =
      _phaen_store_prepare (self, "SELECT 1 FROM unit WHERE id = ?", error);

    if (unit == NULL)
      return 0;
    sqlite3_bind_int64 (unit, 1, unit_id);
    if (sqlite3_step (unit) != SQLITE_ROW)
      {
        g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_NOT_FOUND,
                     _ ("The unit does not exist (it may have been deleted)."));
        return 0;
      }
  }
  {
    g_autoptr (PhaenStmt) stmt =
      _phaen_store_prepare (self,
                            "INSERT INTO pmqa_assessment (uuid, unit_id, fiscal_year, edition,"
                            " narrative_limit) VALUES (?, ?, ?, ?, ?)",
                            error);

    if (stmt == NULL)
      return 0;
    uuid = _phaen_new_uuid ();
    _phaen_bind_text (stmt, 1, uuid);
    sqlite3_bind_int64 (stmt, 2, unit_id);
    sqlite3_bind_int (stmt, 3, fiscal_year);
    _phaen_bind_text (stmt, 4, PHAEN_PMQA_DEFAULT_EDITION);
    sqlite3_bind_int (stmt, 5, PHAEN_PMQA_DEFAULT_NARRATIVE_LIMIT);
    if (!_phaen_store_step_done (self, stmt, error))
      return 0;
  }
  return sqlite3_last_insert_rowid (_phaen_store_get_db (self));
}

/* Makes sure the row of @code exists in @table ("pmqa_sub_item", "pmqa_topic"). */
static gboolean
ensure_row (
  PhaenStore *self, const char *sql, gint64 assessment_id, const char *code, GError **error)
{
  g_autofree char *uuid = _phaen_new_uuid ();
  g_autoptr (PhaenStmt) stmt = _phaen_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  _phaen_bind_text (stmt, 1, uuid);
  sqlite3_bind_int64 (stmt, 2, assessment_id);
  _phaen_bind_text (stmt, 3, code);
  return _phaen_store_step_done (self, stmt, error);
}

#define ENSURE_SUB_ITEM                                                                            \
  "INSERT INTO pmqa_sub_item (uuid, assessment_id, code) VALUES (?, ?, ?)"                         \
  " ON CONFLICT (assessment_id, code) DO NOTHING"
#define ENSURE_TOPIC                                                                               \
  "INSERT INTO pmqa_topic (uuid, assessment_id, code) VALUES (?, ?, ?)"                            \
  " ON CONFLICT (assessment_id, code) DO NOTHING"

/* One edit of the application of @unit_id in @fiscal_year, started when there is none: @sql
 * runs with ?1 = the application's id, ?2 = @code, ?3 = @number, ?4 = @text (NULL binds
 * NULL); when @ensure_sql is given, it first makes sure the row of @code exists. */
static gboolean
edit_assessment (PhaenStore *self,
                 gint64 unit_id,
                 int fiscal_year,
                 const char *label,
                 const char *ensure_sql,
                 const char *sql,
                 const char *code,
                 gint64 number,
                 const char *text,
                 GError **error)
{
  gint64 assessment_id;
  gboolean ok;

  if (ensure_sql != NULL && !check_code (code, error))
    return FALSE;
  if (!_phaen_store_edit_begin (self, label, error))
    return FALSE;
  assessment_id = ensure_assessment (self, unit_id, fiscal_year, error);
  ok = assessment_id > 0 &&
       (ensure_sql == NULL || ensure_row (self, ensure_sql, assessment_id, code, error));
  if (ok)
    {
      g_autoptr (PhaenStmt) stmt = _phaen_store_prepare (self, sql, error);

      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, assessment_id);
          _phaen_bind_text (stmt, 2, code);
          sqlite3_bind_int64 (stmt, 3, number);
          if (sqlite3_bind_parameter_count (stmt) < 4)
            ;
          else if (text != NULL)
            _phaen_bind_text (stmt, 4, text);
          else
            sqlite3_bind_null (stmt, 4);
          ok = _phaen_store_step_done (self, stmt, error);
        }
    }
  return _phaen_store_edit_end (self, ok, error);
}

static gboolean
edit_sub_item (PhaenStore *self,
               gint64 unit_id,
               int fiscal_year,
               const char *code,
               const char *label,
               const char *sql,
               gint64 number,
               const char *text,
               GError **error)
{
  return edit_assessment (self, unit_id, fiscal_year, label, ENSURE_SUB_ITEM, sql, code, number,
                          text, error);
}

static char *
today (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* ------------------------------------------------------------------ public API */

PhaenPmqaAssessmentInfo *
phaen_store_pmqa_get_info (PhaenStore *self, gint64 unit_id, int fiscal_year, GError **error)
{
  g_autoptr (PhaenStmt) stmt = NULL;
  g_autoptr (PhaenPmqaAssessmentInfo) info = NULL;
  int rc;

  g_return_val_if_fail (PHAEN_IS_STORE (self), NULL);

  stmt = prepare_for_assessment (self,
                                 "SELECT id, unit_id, fiscal_year, edition, narrative_limit"
                                 " FROM pmqa_assessment WHERE unit_id = ? AND fiscal_year = ?",
                                 unit_id, fiscal_year, error);
  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return NULL;
  if (rc != SQLITE_ROW)
    {
      _phaen_store_set_error (self, rc, error);
      return NULL;
    }
  return assessment_info_from_row (stmt, error);
}

GPtrArray *
phaen_store_pmqa_list_assessments (PhaenStore *self, GError **error)
{
  g_autoptr (PhaenStmt) stmt = NULL;
  g_autoptr (GPtrArray) list =
    g_ptr_array_new_with_free_func ((GDestroyNotify)phaen_pmqa_assessment_info_free);

  g_return_val_if_fail (PHAEN_IS_STORE (self), NULL);

  stmt = _phaen_store_prepare (self,
                               "SELECT id, unit_id, fiscal_year, edition, narrative_limit"
                               " FROM pmqa_assessment ORDER BY unit_id, fiscal_year",
                               error);
  if (stmt == NULL ||
      !_phaen_store_collect_rows (self, stmt, list, (PhaenRowFunc)assessment_info_from_row, error))
    return NULL;
  return g_steal_pointer (&list);
}

gboolean
phaen_store_pmqa_set_edition (
  PhaenStore *self, gint64 unit_id, int fiscal_year, const char *edition, GError **error)
{
  g_return_val_if_fail (PHAEN_IS_STORE (self), FALSE);

  if (edition == NULL || *edition == '\0' || strlen (edition) > 64 ||
      !g_utf8_validate (edition, -1, NULL))
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                   _ ("An edition is named by a short identifier."));
      return FALSE;
    }
  return edit_assessment (self, unit_id, fiscal_year, _ ("Change the PMQA edition"), NULL,
                          "UPDATE pmqa_assessment SET edition = ?4 WHERE id = ?1 AND edition <> ?4",
                          NULL, 0, edition, error);
}

gboolean
phaen_store_pmqa_set_narrative_limit (
  PhaenStore *self, gint64 unit_id, int fiscal_year, int limit, GError **error)
{
  g_return_val_if_fail (PHAEN_IS_STORE (self), FALSE);

  if (limit < 0 || limit > 1000000)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                   _ ("A narrative limit is between 0 (none) and 1,000,000 characters."));
      return FALSE;
    }
  return edit_assessment (
    self, unit_id, fiscal_year, _ ("Change the narrative limit"), NULL,
    "UPDATE pmqa_assessment SET narrative_limit = ?3 WHERE id = ?1 AND narrative_limit <> ?3", NULL,
    limit, NULL, error);
}

gboolean
phaen_store_pmqa_set_claimed (PhaenStore *self,
                              gint64 unit_id,
                              int fiscal_year,
                              const char *code,
                              int statement,
                              gboolean claimed,
                              GError **error)
{
  g_return_val_if_fail (PHAEN_IS_STORE (self), FALSE);

  if (!check_statement (statement, error))
    return FALSE;
  if (claimed)
    return edit_sub_item (self, unit_id, fiscal_year, code, _ ("Claim a statement"),
                          "UPDATE pmqa_sub_item SET claimed = claimed | ?3"
                          " WHERE assessment_id = ?1 AND code = ?2 AND claimed & ?3 = 0",
                          (gint64)1 << (statement - 1), NULL, error);
  return edit_sub_item (self, unit_id, fiscal_year, code, _ ("Unclaim a statement"),
                        "UPDATE pmqa_sub_item SET claimed = claimed & ~?3"
                        " WHERE assessment_id = ?1 AND code = ?2 AND claimed & ?3 <> 0",
                        (gint64)1 << (statement - 1), NULL, error);
}

gboolean
phaen_store_pmqa_set_narrative (PhaenStore *self,
                                gint64 unit_id,
                                int fiscal_year,
                                const char *code,
                                const char *narrative,
                                GError **error)
{
  g_return_val_if_fail (PHAEN_IS_STORE (self), FALSE);
  g_return_val_if_fail (narrative != NULL, FALSE);

  if (!g_utf8_validate (narrative, -1, NULL))
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID, _ ("The text is not valid UTF-8."));
      return FALSE;
    }
  if (strlen (narrative) > PHAEN_MAX_TEXT_BYTES)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                   _ ("The narrative is too long to keep (%ld characters); shorten it first."),
                   (long)g_utf8_strlen (narrative, -1));
      return FALSE;
    }
  return edit_sub_item (self, unit_id, fiscal_year, code, _ ("Edit the narrative"),
                        "UPDATE pmqa_sub_item SET narrative = ?4"
                        " WHERE assessment_id = ?1 AND code = ?2 AND narrative IS NOT ?4",
                        0, narrative, error);
}

gboolean
phaen_store_pmqa_set_author (PhaenStore *self,
                             gint64 unit_id,
                             int fiscal_year,
                             const char *code,
                             const char *author,
                             GError **error)
{
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (PHAEN_IS_STORE (self), FALSE);
  g_return_val_if_fail (author != NULL, FALSE);

  if (!g_utf8_validate (author, -1, NULL) || strlen (author) > 1000)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                   _ ("A writer's name is at most a line of text."));
      return FALSE;
    }
  stripped = g_strstrip (g_strdup (author));
  return edit_sub_item (self, unit_id, fiscal_year, code, _ ("Change who writes"),
                        "UPDATE pmqa_sub_item SET author = ?4"
                        " WHERE assessment_id = ?1 AND code = ?2 AND author IS NOT ?4",
                        0, stripped, error);
}

gboolean
phaen_store_pmqa_set_status (PhaenStore *self,
                             gint64 unit_id,
                             int fiscal_year,
                             const char *code,
                             PhaenPmqaStatus status,
                             const char *date,
                             GError **error)
{
  g_autofree char *now = NULL;

  g_return_val_if_fail (PHAEN_IS_STORE (self), FALSE);

  if (status < PHAEN_PMQA_STATUS_DRAFT || status > PHAEN_PMQA_STATUS_APPROVED)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID, _ ("Unknown status %d."), status);
      return FALSE;
    }
  if (!check_date (date, error))
    return FALSE;
  if (date == NULL)
    date = now = today ();
  return edit_sub_item (self, unit_id, fiscal_year, code, _ ("Change the status"),
                        "UPDATE pmqa_sub_item SET status = ?3, status_on = ?4"
                        " WHERE assessment_id = ?1 AND code = ?2",
                        status, date, error);
}

gboolean
phaen_store_pmqa_set_due (PhaenStore *self,
                          gint64 unit_id,
                          int fiscal_year,
                          const char *code,
                          const char *date,
                          GError **error)
{
  g_return_val_if_fail (PHAEN_IS_STORE (self), FALSE);

  if (date != NULL && *date == '\0')
    date = NULL;
  if (!check_date (date, error))
    return FALSE;
  return edit_sub_item (self, unit_id, fiscal_year, code, _ ("Change the due date"),
                        "UPDATE pmqa_sub_item SET due_on = ?4"
                        " WHERE assessment_id = ?1 AND code = ?2 AND due_on IS NOT ?4",
                        0, date, error);
}

gboolean
phaen_store_pmqa_set_topic_level (PhaenStore *self,
                                  gint64 unit_id,
                                  int fiscal_year,
                                  const char *topic_code,
                                  PhaenPmqaLevel level,
                                  GError **error)
{
  g_return_val_if_fail (PHAEN_IS_STORE (self), FALSE);

  if (level < PHAEN_PMQA_LEVEL_NONE || level > PHAEN_PMQA_LEVEL_SIGNIFICANCE)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID, _ ("Unknown level %d."), level);
      return FALSE;
    }
  return edit_assessment (
    self, unit_id, fiscal_year, _ ("Assess a topic's level"), ENSURE_TOPIC,
    "UPDATE pmqa_topic SET level = ?3 WHERE assessment_id = ?1 AND code = ?2 AND level <> ?3",
    topic_code, level, NULL, error);
}

GPtrArray *
phaen_store_pmqa_list_entries (PhaenStore *self, gint64 unit_id, int fiscal_year, GError **error)
{
  g_autoptr (PhaenStmt) stmt = NULL;
  g_autoptr (GPtrArray) entries =
    g_ptr_array_new_with_free_func ((GDestroyNotify)phaen_pmqa_entry_free);

  g_return_val_if_fail (PHAEN_IS_STORE (self), NULL);

  stmt = prepare_for_assessment (
    self,
    "SELECT s.code, s.claimed, s.narrative, s.author, s.status, s.status_on, s.due_on"
    " FROM pmqa_sub_item s JOIN pmqa_assessment a ON a.id = s.assessment_id"
    " WHERE a.unit_id = ? AND a.fiscal_year = ? ORDER BY s.code",
    unit_id, fiscal_year, error);
  if (stmt == NULL ||
      !_phaen_store_collect_rows (self, stmt, entries, (PhaenRowFunc)entry_from_row, error))
    return NULL;
  return g_steal_pointer (&entries);
}

GHashTable *
phaen_store_pmqa_list_levels (PhaenStore *self, gint64 unit_id, int fiscal_year, GError **error)
{
  g_autoptr (PhaenStmt) stmt = NULL;
  g_autoptr (GHashTable) levels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int rc;

  g_return_val_if_fail (PHAEN_IS_STORE (self), NULL);

  stmt = prepare_for_assessment (self,
                                 "SELECT t.code, t.level FROM pmqa_topic t JOIN pmqa_assessment a"
                                 " ON a.id = t.assessment_id WHERE a.unit_id = ? AND"
                                 " a.fiscal_year = ?",
                                 unit_id, fiscal_year, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int level = 0;

      if (!_phaen_column_int (stmt, 1, 0, 3, &level, error))
        return NULL;
      g_hash_table_insert (levels, _phaen_column_strdup (stmt, 0), GINT_TO_POINTER (level));
    }
  if (rc != SQLITE_DONE)
    {
      _phaen_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&levels);
}

gint64
phaen_store_pmqa_attach (PhaenStore *self,
                         gint64 unit_id,
                         int fiscal_year,
                         const char *code,
                         int statement,
                         const char *name,
                         const char *mime,
                         GBytes *data,
                         GError **error)
{
  g_autofree char *type = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *now = NULL;
  gint64 assessment_id, blob_id = 0, id = 0;
  gboolean ok;

  g_return_val_if_fail (PHAEN_IS_STORE (self), 0);
  g_return_val_if_fail (name != NULL, 0);
  g_return_val_if_fail (data != NULL, 0);

  if (!check_code (code, error) || !check_statement (statement, error))
    return 0;
  /* OPDC's form takes a .pdf or .docx per slot (seed 001 L1958). */
  if (!g_str_has_suffix (name, ".pdf") && !g_str_has_suffix (name, ".PDF") &&
      !g_str_has_suffix (name, ".docx") && !g_str_has_suffix (name, ".DOCX"))
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                   _ ("“%s” is neither a PDF nor a Word (.docx) file: the application takes only "
                      "those."),
                   name);
      return 0;
    }
  type = _phaen_store_check_evidence_file (self, name, mime, data, error);
  if (type == NULL)
    return 0;

  if (!_phaen_store_edit_begin (self, _ ("Attach evidence"), error))
    return 0;
  assessment_id = ensure_assessment (self, unit_id, fiscal_year, error);
  ok = assessment_id > 0;
  if (ok)
    {
      g_autoptr (PhaenStmt) del = _phaen_store_prepare (
        self, "DELETE FROM pmqa_attachment WHERE assessment_id = ? AND code = ? AND statement = ?",
        error);

      ok = del != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (del, 1, assessment_id);
          _phaen_bind_text (del, 2, code);
          sqlite3_bind_int (del, 3, statement);
          ok = _phaen_store_step_done (self, del, error);
        }
    }
  if (ok)
    {
      blob_id = _phaen_store_insert_blob (self, data, error);
      ok = blob_id > 0;
    }
  if (ok)
    {
      g_autoptr (PhaenStmt) stmt =
        _phaen_store_prepare (self,
                              "INSERT INTO pmqa_attachment (uuid, assessment_id, code, statement,"
                              " name, mime, blob_id, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                              error);

      ok = stmt != NULL;
      if (ok)
        {
          uuid = _phaen_new_uuid ();
          now = _phaen_now_iso8601 ();
          _phaen_bind_text (stmt, 1, uuid);
          sqlite3_bind_int64 (stmt, 2, assessment_id);
          _phaen_bind_text (stmt, 3, code);
          sqlite3_bind_int (stmt, 4, statement);
          _phaen_bind_text (stmt, 5, name);
          _phaen_bind_text (stmt, 6, type);
          sqlite3_bind_int64 (stmt, 7, blob_id);
          _phaen_bind_text (stmt, 8, now);
          ok = _phaen_store_step_done (self, stmt, error);
          id = sqlite3_last_insert_rowid (_phaen_store_get_db (self));
        }
    }
  if (!_phaen_store_edit_end (self, ok, error))
    return 0;
  return id;
}

GPtrArray *
phaen_store_pmqa_list_attachments (PhaenStore *self,
                                   gint64 unit_id,
                                   int fiscal_year,
                                   GError **error)
{
  g_autoptr (PhaenStmt) stmt = NULL;
  g_autoptr (GPtrArray) list =
    g_ptr_array_new_with_free_func ((GDestroyNotify)phaen_pmqa_attachment_free);

  g_return_val_if_fail (PHAEN_IS_STORE (self), NULL);

  stmt = prepare_for_assessment (
    self,
    "SELECT p.id, p.code, p.statement, p.name, p.mime, length(b.data), p.added_at"
    " FROM pmqa_attachment p JOIN pmqa_assessment a ON a.id = p.assessment_id"
    " LEFT JOIN evidence_blob b ON b.id = p.blob_id"
    " WHERE a.unit_id = ? AND a.fiscal_year = ? ORDER BY p.code, p.statement",
    unit_id, fiscal_year, error);
  if (stmt == NULL ||
      !_phaen_store_collect_rows (self, stmt, list, (PhaenRowFunc)attachment_from_row, error))
    return NULL;
  return g_steal_pointer (&list);
}

GBytes *
phaen_store_pmqa_get_attachment_data (PhaenStore *self, gint64 id, GError **error)
{
  g_autoptr (PhaenStmt) stmt = NULL;

  g_return_val_if_fail (PHAEN_IS_STORE (self), NULL);

  stmt = _phaen_store_prepare (self,
                               "SELECT b.data FROM pmqa_attachment p JOIN evidence_blob b"
                               " ON b.id = p.blob_id WHERE p.id = ?",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!_phaen_store_step_row (self, stmt, _ (EVIDENCE_NOT_FOUND), error))
    return NULL;
  return g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
}

gboolean
phaen_store_pmqa_remove_attachment (PhaenStore *self, gint64 id, GError **error)
{
  g_autoptr (PhaenStmt) stmt = NULL;

  g_return_val_if_fail (PHAEN_IS_STORE (self), FALSE);

  stmt = _phaen_store_prepare (self, "DELETE FROM pmqa_attachment WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return _phaen_store_run_edit_on_row (self, _ ("Remove evidence"), stmt, _ (EVIDENCE_NOT_FOUND),
                                       error);
}
