/* phaen-merge.c — checking result packets and applying them to the office's workspace
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-merge"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "phaen-error.h"
#include "phaen-evidence-link.h"
#include "phaen-merge.h"
#include "phaen-sync-private.h"
#include "phaen-thai-text.h"

/* A packet of more changes than this is refused before anything is read into the office. */
#define MAX_CHANGES 1000000

typedef struct
{
  char *path;
  PhaenPacket *packet; /* NULL when it could not be read */
  GError *load_error;
} Item;

typedef struct
{
  PhaenStore *office;
  sqlite3 *db;
  const PhaenMergeOptions *options;
  PhaenMergeReport *report;
  char *workspace;
  char *key;
  GHashTable *merged_seq; /* copy uuid → last seq merged in this call (a dry run's memory) */
  GArray *years;          /* the workspace's fiscal years (listing them reads every plan) */

  /* the projection of one unit and year, reused while packets of it follow each other */
  sqlite3 *proj;
  char *proj_unit;
  int proj_year;

  /* the packet being applied */
  const Item *item;
  gint64 unit_id;
  PhaenPacketOutcome *outcome;
  GHashTable *conflict_keys; /* keys reported for this packet */
} Merge;

static void
item_free (Item *item)
{
  g_free (item->path);
  phaen_packet_free (item->packet);
  g_clear_error (&item->load_error);
  g_free (item);
}

static void
outcome_free (PhaenPacketOutcome *outcome)
{
  g_free (outcome->path);
  g_free (outcome->message);
  g_free (outcome->unit_abbr);
  g_free (outcome->created_by);
  g_free (outcome->created_at);
  g_free (outcome);
}

static void
field_free (PhaenMergeField *field)
{
  g_free (field->label);
  g_free (field->office);
  g_free (field->unit);
  g_free (field);
}

static void
conflict_free (PhaenMergeConflict *conflict)
{
  g_free (conflict->key);
  g_free (conflict->packet_path);
  g_free (conflict->unit_abbr);
  g_free (conflict->subject);
  g_clear_pointer (&conflict->fields, g_ptr_array_unref);
  g_free (conflict->office_when);
  g_free (conflict->unit_who);
  g_free (conflict->unit_when);
  g_free (conflict);
}

void
phaen_merge_report_free (PhaenMergeReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->packets, g_ptr_array_unref);
  g_clear_pointer (&report->conflicts, g_ptr_array_unref);
  g_free (report);
}

/* ------------------------------------------------------------------ helpers */

static gboolean
refuse (GError **error, const char *message)
{
  g_set_error_literal (error, PHAEN_ERROR, PHAEN_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
set_damaged (GError **error)
{
  return refuse (error, _ ("The result packet is damaged or was not made by Phaen. Nothing was "
                           "changed."));
}

static gboolean
set_not_own_rows (GError **error)
{
  return refuse (error, _ ("The result packet changes rows of another unit or rows the planning "
                           "office owns. It was refused and nothing was changed."));
}

/* The value of column @col of a change: an insert's new value, a delete's old one; an update's
 * new one when it changes, else its old one (a key column always has it). */
static sqlite3_value *
change_value (sqlite3_changeset_iter *iter, int op, int col)
{
  sqlite3_value *value = NULL;

  if (op == SQLITE_INSERT)
    sqlite3changeset_new (iter, col, &value);
  else if (op == SQLITE_DELETE)
    sqlite3changeset_old (iter, col, &value);
  else
    {
      sqlite3changeset_new (iter, col, &value);
      if (value == NULL)
        sqlite3changeset_old (iter, col, &value);
    }
  return value;
}

static const char *
value_text (sqlite3_value *value)
{
  return value != NULL && sqlite3_value_type (value) == SQLITE_TEXT
           ? (const char *)sqlite3_value_text (value)
           : NULL;
}

static char *
value_display (sqlite3_value *value)
{
  if (value == NULL || sqlite3_value_type (value) == SQLITE_NULL)
    return g_strdup ("");
  return g_utf8_make_valid ((const char *)sqlite3_value_text (value), -1);
}

/* A new value fits the workspace: text valid and short enough, numbers finite, @kind says
 * which. */
typedef enum
{
  V_TEXT,     /* text or NULL */
  V_TEXT_REQ, /* non-empty text */
  V_REAL,     /* number or NULL */
  V_INT,      /* integer in [min, max] */
  V_ANY,      /* not checked (a value the office recomputes or ignores) */
} ValueKind;

static gboolean
value_ok (sqlite3_value *value, ValueKind kind, int min, int max)
{
  int type = value ? sqlite3_value_type (value) : SQLITE_NULL;

  switch (kind)
    {
    case V_TEXT:
    case V_TEXT_REQ:
      if (type == SQLITE_NULL)
        return kind == V_TEXT;
      return type == SQLITE_TEXT && sqlite3_value_bytes (value) <= PHAEN_MAX_TEXT_BYTES &&
             (kind == V_TEXT || sqlite3_value_bytes (value) > 0) &&
             g_utf8_validate ((const char *)sqlite3_value_text (value), sqlite3_value_bytes (value),
                              NULL);
    case V_REAL:
      return type == SQLITE_NULL || type == SQLITE_INTEGER ||
             (type == SQLITE_FLOAT && isfinite (sqlite3_value_double (value)));
    case V_INT:
      return type == SQLITE_INTEGER && sqlite3_value_int64 (value) >= min &&
             sqlite3_value_int64 (value) <= max;
    case V_ANY:
    default:
      return TRUE;
    }
}

typedef struct
{
  ValueKind kind;
  int min, max;
} ColumnRule;

/* In the projection's column order (phaen-sync-projection.c). */
static const ColumnRule rules_result[] = {
  { V_TEXT_REQ }, { V_INT, 1, PHAEN_QUARTERS },
  { V_TEXT_REQ }, { V_TEXT },
  { V_ANY },      { V_TEXT },
  { V_TEXT },     { V_TEXT },
};
static const ColumnRule rules_evidence[] = {
  { V_TEXT_REQ }, { V_TEXT_REQ }, { V_INT, 1, PHAEN_QUARTERS },
  { V_TEXT_REQ }, { V_TEXT },     { V_TEXT },
  { V_TEXT },     { V_ANY },      { V_TEXT_REQ },
};
static const ColumnRule rules_activity[] = { { V_TEXT_REQ }, { V_TEXT } };
static const ColumnRule rules_month[] = {
  { V_TEXT_REQ }, { V_INT, 0, PHAEN_MAX_MONTHS - 1 }, { V_TEXT_REQ }, { V_TEXT }, { V_INT, 0, 1 },
};
static const ColumnRule rules_pmqa[] = {
  { V_TEXT_REQ },
  { V_INT, PHAEN_MIN_FISCAL_YEAR, PHAEN_MAX_FISCAL_YEAR },
  { V_TEXT_REQ },
  { V_REAL },
};
static const ColumnRule *const rules[SYNC_N_TABLES] = {
  rules_result, rules_evidence, rules_activity, rules_month, rules_pmqa,
};

/* Which unit and year own the row of @table named by @uuid in the office: FALSE when the office
 * has no such row (deleted since: the change is skipped). */
static gboolean
lookup_owner (
  Merge *m, SyncTable table, const char *uuid, gint64 *unit_id, int *year, GError **error)
{
  static const char *const sql[] = {
    [SYNC_RESULT] = "SELECT unit_id, fiscal_year FROM indicator WHERE uuid = ?",
    [SYNC_PMQA_VALUE] = "SELECT unit_id, fiscal_year FROM indicator WHERE uuid = ?",
    [SYNC_EVIDENCE] = "SELECT i.unit_id, i.fiscal_year FROM evidence e"
                      " JOIN result r ON r.id = e.result_id"
                      " JOIN indicator i ON i.id = r.indicator_id WHERE e.uuid = ?",
    [SYNC_ACTIVITY] = "SELECT p.unit_id, p.fiscal_year FROM activity a"
                      " JOIN plan p ON p.id = a.plan_id WHERE a.uuid = ?",
    [SYNC_ACTIVITY_MONTH] = "SELECT p.unit_id, p.fiscal_year FROM activity a"
                            " JOIN plan p ON p.id = a.plan_id WHERE a.uuid = ?",
  };
  g_autoptr (PhaenStmt) stmt = _phaen_store_prepare (m->office, sql[table], error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  _phaen_bind_text (stmt, 1, uuid);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return FALSE;
  *unit_id = sqlite3_column_int64 (stmt, 0);
  *year = sqlite3_column_int (stmt, 1);
  return TRUE;
}

/* FALSE (with @error) when the row is another unit's or year's. */
static gboolean
check_owner (Merge *m, SyncTable table, const char *uuid, GError **error)
{
  gint64 unit_id = 0;
  int year = 0;

  if (uuid == NULL)
    return set_damaged (error);
  if (!lookup_owner (m, table, uuid, &unit_id, &year, NULL))
    return TRUE; /* the office deleted it: skipped when applied */
  if (unit_id != m->unit_id || year != m->item->packet->fiscal_year)
    return set_not_own_rows (error);
  return TRUE;
}

/* Every change: a table and shape of the projection, the unit's own row, valid values. */
static gboolean
validate_changeset (Merge *m, GError **error)
{
  const PhaenPacket *packet = m->item->packet;
  sqlite3_changeset_iter *iter = NULL;
  gsize size = g_bytes_get_size (packet->changeset);
  guint n = 0;
  int rc;

  if (size == 0)
    return TRUE;
  /* A changeset (table headers 'T'), never a patchset ('P'), which carries no old values. */
  if (size > G_MAXINT || ((const guint8 *)g_bytes_get_data (packet->changeset, NULL))[0] != 'T' ||
      !_phaen_sync_changeset_is_well_formed (packet->changeset))
    return set_damaged (error);
  rc =
    sqlite3changeset_start (&iter, (int)size, (void *)g_bytes_get_data (packet->changeset, NULL));
  if (rc != SQLITE_OK)
    return set_damaged (error);
  while ((rc = sqlite3changeset_next (iter)) == SQLITE_ROW)
    {
      const char *name = NULL;
      unsigned char *pk = NULL;
      int n_columns = 0, n_pk_columns = 0, op = 0, indirect = 0, t;
      const SyncTableInfo *info;
      gboolean ok = TRUE;

      /* Every change takes bytes: an iterator that keeps finding changes in a few bytes is
       * reading a damaged changeset. */
      if (++n > MAX_CHANGES || n > size ||
          sqlite3changeset_op (iter, &name, &n_columns, &op, &indirect) != SQLITE_OK ||
          (t = _phaen_sync_table_from_name (name)) < 0 ||
          sqlite3changeset_pk (iter, &pk, &n_pk_columns) != SQLITE_OK)
        {
          sqlite3changeset_finalize (iter);
          return set_damaged (error);
        }
      info = _phaen_sync_table_info (t);
      ok = n_columns == info->n_columns && n_pk_columns == info->n_columns;
      for (int c = 0; ok && c < n_columns; c++)
        ok = (pk[c] != 0) == (c < info->n_pk);
      /* Every new value within the workspace's rules; key columns present in every change. */
      for (int c = 0; ok && c < n_columns; c++)
        {
          sqlite3_value *value = NULL;

          if (op != SQLITE_DELETE)
            {
              sqlite3changeset_new (iter, c, &value);
              if (value != NULL || op == SQLITE_INSERT)
                ok = value_ok (value, rules[t][c].kind, rules[t][c].min, rules[t][c].max);
            }
          if (ok && c < info->n_pk)
            {
              value = change_value (iter, op, c);
              ok = value_ok (value, rules[t][c].kind, rules[t][c].min, rules[t][c].max);
            }
        }
      if (!ok)
        {
          sqlite3changeset_finalize (iter);
          return set_damaged (error);
        }

      switch (t)
        {
        case SYNC_RESULT:
        case SYNC_PMQA_VALUE:
        case SYNC_ACTIVITY_MONTH:
          ok = check_owner (m, t, value_text (change_value (iter, op, 0)), error);
          break;
        case SYNC_ACTIVITY:
          /* Units report progress on the office's activities; they add or remove none. */
          ok = op == SQLITE_UPDATE
                 ? check_owner (m, t, value_text (change_value (iter, op, 0)), error)
                 : set_not_own_rows (error);
          break;
        case SYNC_EVIDENCE:
          {
            sqlite3_value *indicator = change_value (iter, op, 1);
            gint64 unit_id = 0;
            int year = 0;

            if (op == SQLITE_INSERT)
              {
                const char *url = value_text (change_value (iter, op, 5));
                const char *sha = value_text (change_value (iter, op, 6));
                GBytes *blob = sha ? g_hash_table_lookup (packet->blobs, sha) : NULL;
                sqlite3_value *bytes = change_value (iter, op, 7);
                gint64 limit = phaen_store_get_evidence_limit (m->office);

                /* A link, or a file that travels in the packet with its size. */
                if ((url == NULL) == (sha == NULL) || (url && !phaen_evidence_url_is_safe (url)) ||
                    (sha && (blob == NULL || bytes == NULL ||
                             sqlite3_value_type (bytes) != SQLITE_INTEGER ||
                             sqlite3_value_int64 (bytes) != (gint64)g_bytes_get_size (blob))))
                  ok = set_damaged (error);
                else if (blob != NULL && limit > 0 && (gint64)g_bytes_get_size (blob) > limit)
                  ok = refuse (error, _ ("An evidence file in the result packet is larger than "
                                         "the evidence size limit. Nothing was changed."));
                else
                  ok = check_owner (m, SYNC_RESULT, value_text (indicator), error);
              }
            else
              {
                const char *uuid = value_text (change_value (iter, op, 0));
                sqlite3_value *value = NULL;

                /* Only the title, type and date of evidence may change, never what it is. */
                for (int c = 1; ok && op == SQLITE_UPDATE && c < n_columns; c++)
                  if (c != 3 && c != 4 && c != 8)
                    {
                      value = NULL;
                      sqlite3changeset_new (iter, c, &value);
                      ok = value == NULL || set_damaged (error);
                    }
                if (ok && lookup_owner (m, SYNC_EVIDENCE, uuid, &unit_id, &year, NULL))
                  ok = (unit_id == m->unit_id && year == packet->fiscal_year) ||
                       set_not_own_rows (error);
                else if (ok && op == SQLITE_DELETE)
                  ok = check_owner (m, SYNC_RESULT, value_text (indicator), error);
              }
            break;
          }
        default:
          ok = set_damaged (error);
        }
      if (!ok)
        {
          sqlite3changeset_finalize (iter);
          return FALSE;
        }
    }
  if (rc == SQLITE_DONE)
    rc = SQLITE_OK;
  {
    int finalized = iter ? sqlite3changeset_finalize (iter) : SQLITE_OK;

    if (rc == SQLITE_OK)
      rc = finalized;
  }
  return rc == SQLITE_OK || set_damaged (error);
}

/* ------------------------------------------------------------------ conflicts */

static char *
subject_of (Merge *m, SyncTable table, sqlite3_changeset_iter *iter, int op)
{
  const char *uuid = value_text (change_value (iter, op, 0));
  g_autoptr (PhaenStmt) stmt = NULL;
  g_autofree char *name = NULL;

  switch (table)
    {
    case SYNC_RESULT:
    case SYNC_PMQA_VALUE:
      stmt =
        _phaen_store_prepare (m->office, "SELECT code, name FROM indicator WHERE uuid = ?", NULL);
      break;
    case SYNC_ACTIVITY:
    case SYNC_ACTIVITY_MONTH:
      stmt = _phaen_store_prepare (m->office, "SELECT name, '' FROM activity WHERE uuid = ?", NULL);
      break;
    case SYNC_EVIDENCE:
    default:
      stmt = _phaen_store_prepare (m->office, "SELECT name, '' FROM evidence WHERE uuid = ?", NULL);
      break;
    }
  if (stmt != NULL)
    {
      _phaen_bind_text (stmt, 1, uuid);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_autofree char *first = _phaen_column_strdup (stmt, 0);
          g_autofree char *second = _phaen_column_strdup (stmt, 1);

          name = g_strdup (first && *first ? first : second ? second : "");
        }
    }
  if (name == NULL)
    name = g_strdup (uuid ? uuid : "");
  switch (table)
    {
    case SYNC_RESULT:
      return g_strdup_printf (_ ("%s · quarter %d"), name,
                              sqlite3_value_int (change_value (iter, op, 1)));
    case SYNC_ACTIVITY_MONTH:
      return g_strdup_printf (_ ("%s · month %d"), name,
                              sqlite3_value_int (change_value (iter, op, 1)) + 1);
    case SYNC_PMQA_VALUE:
      return g_strdup_printf (_ ("%s · year %d"), name,
                              sqlite3_value_int (change_value (iter, op, 1)));
    case SYNC_ACTIVITY:
    case SYNC_EVIDENCE:
    default:
      return g_steal_pointer (&name);
    }
}

static char *
conflict_key (SyncTable table, sqlite3_changeset_iter *iter, int op)
{
  const SyncTableInfo *info = _phaen_sync_table_info (table);
  GString *key = g_string_new (info->name);

  for (int c = 0; c < info->n_pk; c++)
    {
      g_autofree char *text = value_display (change_value (iter, op, c));

      g_string_append_printf (key, ":%s", text);
    }
  return g_string_free (key, FALSE);
}

static gboolean
is_empty_text (sqlite3_value *value)
{
  return value == NULL || sqlite3_value_type (value) == SQLITE_NULL ||
         (sqlite3_value_type (value) == SQLITE_TEXT && sqlite3_value_bytes (value) == 0);
}

static int
conflict_cb (void *data, int type, sqlite3_changeset_iter *iter)
{
  Merge *m = data;
  const char *name = NULL;
  int n_columns = 0, op = 0, indirect = 0, t;
  const SyncTableInfo *info;
  g_autoptr (GPtrArray) fields = NULL;
  g_autofree char *key = NULL;
  PhaenMergeChoice choice = PHAEN_MERGE_CHOICE_NONE;
  gpointer chosen = NULL;

  sqlite3changeset_op (iter, &name, &n_columns, &op, &indirect);
  t = _phaen_sync_table_from_name (name);
  if (t < 0 || (type != SQLITE_CHANGESET_DATA && type != SQLITE_CHANGESET_CONFLICT))
    {
      /* NOTFOUND: the office deleted the row (or its indicator): it owns them, so it stays
       * deleted. */
      m->outcome->skipped++;
      return SQLITE_CHANGESET_OMIT;
    }
  info = _phaen_sync_table_info (t);

  fields = g_ptr_array_new_with_free_func ((GDestroyNotify)field_free);
  for (int c = info->n_pk; c < n_columns; c++)
    {
      sqlite3_value *current = NULL, *old = NULL, *new = NULL;
      gboolean differs;

      if (info->labels[c] == NULL)
        continue;
      sqlite3changeset_conflict (iter, c, &current);
      if (op != SQLITE_INSERT)
        sqlite3changeset_old (iter, c, &old);
      if (op != SQLITE_DELETE)
        sqlite3changeset_new (iter, c, &new);
      if (op == SQLITE_INSERT)
        differs = !_phaen_sync_values_equal (current, new);
      else if (op == SQLITE_UPDATE)
        differs = new != NULL && !_phaen_sync_values_equal (current, new) && old != NULL &&
                  !_phaen_sync_values_equal (current, old);
      else
        differs = old != NULL && !_phaen_sync_values_equal (current, old);
      if (differs)
        {
          PhaenMergeField *field = g_new0 (PhaenMergeField, 1);

          field->label = g_strdup (_ (info->labels[c]));
          field->office = value_display (current);
          field->unit = op == SQLITE_DELETE ? g_strdup (_ ("(removed)")) : value_display (new);
          g_ptr_array_add (fields, field);
        }
    }

  if (fields->len == 0)
    /* Nothing of the unit's change clashes with the office's: an insert the office already
     * has is left, anything else is applied. */
    return type == SQLITE_CHANGESET_CONFLICT ? SQLITE_CHANGESET_OMIT : SQLITE_CHANGESET_REPLACE;
  if (t == SYNC_RESULT && type == SQLITE_CHANGESET_CONFLICT)
    {
      sqlite3_value *v = NULL, *d = NULL, *p = NULL;

      /* An empty result the office made only to hang evidence on is no value of its own. */
      sqlite3changeset_conflict (iter, 3, &v);
      sqlite3changeset_conflict (iter, 5, &d);
      sqlite3changeset_conflict (iter, 6, &p);
      if (is_empty_text (v) && is_empty_text (d) && is_empty_text (p))
        return SQLITE_CHANGESET_REPLACE;
    }

  key = conflict_key (t, iter, op);
  if (m->options->choices != NULL &&
      g_hash_table_lookup_extended (m->options->choices, key, NULL, &chosen))
    choice = GPOINTER_TO_INT (chosen);
  else if (m->options->policy == PHAEN_MERGE_PREFER_OFFICE)
    choice = PHAEN_MERGE_CHOICE_OFFICE;
  else if (m->options->policy == PHAEN_MERGE_PREFER_UNIT)
    choice = PHAEN_MERGE_CHOICE_UNIT;

  if (!g_hash_table_contains (m->conflict_keys, key))
    {
      PhaenMergeConflict *conflict = g_new0 (PhaenMergeConflict, 1);
      sqlite3_value *when = NULL;

      g_hash_table_add (m->conflict_keys, g_strdup (key));
      conflict->key = g_strdup (key);
      conflict->packet_path = g_strdup (m->item->path);
      conflict->unit_abbr = g_strdup (m->item->packet->unit_abbr);
      conflict->subject = subject_of (m, t, iter, op);
      conflict->fields = g_steal_pointer (&fields);
      conflict->unit_who = g_strdup (m->item->packet->created_by);
      conflict->applied = choice;
      if (t == SYNC_RESULT)
        {
          sqlite3changeset_conflict (iter, 7, &when);
          conflict->office_when = when ? value_display (when) : NULL;
          when = NULL;
          if (op != SQLITE_DELETE)
            sqlite3changeset_new (iter, 7, &when);
        }
      conflict->unit_when =
        when != NULL ? value_display (when) : g_strdup (m->item->packet->created_at);
      g_ptr_array_add (m->report->conflicts, conflict);
      if (choice == PHAEN_MERGE_CHOICE_NONE)
        m->outcome->conflicts++;
    }
  return choice == PHAEN_MERGE_CHOICE_UNIT ? SQLITE_CHANGESET_REPLACE : SQLITE_CHANGESET_OMIT;
}

/* ------------------------------------------------------------------ writing the office's rows */

static gint64
id_of (Merge *m, const char *table, const char *uuid, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s WHERE uuid = ?", table);
  /* Cached per SQL text: the table names are our own literals. */
  const char *interned = g_intern_string (sql);
  g_autoptr (PhaenStmt) stmt = _phaen_store_prepare (m->office, interned, error);

  if (stmt == NULL)
    return -1;
  _phaen_bind_text (stmt, 1, uuid);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

/* The office's id of the @table row whose uuid is column @col of the change: 0, counted as
 * skipped, when the office has no such row (deleted since the copy was made); -1 on error. */
static gint64
target_id (
  Merge *m, const char *table, sqlite3_changeset_iter *iter, int op, int col, GError **error)
{
  gint64 id = id_of (m, table, value_text (change_value (iter, op, col)), error);

  if (id == 0)
    m->outcome->skipped++;
  return id;
}

static void
bind_change (sqlite3_stmt *stmt, int index, sqlite3_changeset_iter *iter, int op, int col)
{
  sqlite3_value *value = NULL;

  if (op == SQLITE_DELETE)
    sqlite3changeset_old (iter, col, &value);
  else
    sqlite3changeset_new (iter, col, &value);
  if (value != NULL)
    sqlite3_bind_value (stmt, index, value);
  else
    sqlite3_bind_null (stmt, index);
}

static gboolean
run (Merge *m, const char *sql, PhaenStmt **out, GError **error)
{
  *out = _phaen_store_prepare (m->office, sql, error);
  return *out != NULL;
}

static gboolean
step (Merge *m, PhaenStmt *stmt, GError **error)
{
  return _phaen_store_step_done (m->office, stmt, error);
}

static gboolean
write_result (Merge *m, sqlite3_changeset_iter *iter, int op, GError **error)
{
  gint64 indicator = target_id (m, "indicator", iter, op, 0, error);
  g_autoptr (PhaenStmt) stmt = NULL;
  sqlite3_value *typed = NULL;
  gboolean has_value = FALSE;
  double value = 0;

  if (indicator <= 0)
    return indicator == 0;
  if (op == SQLITE_DELETE)
    {
      if (!run (m, "DELETE FROM result WHERE indicator_id = ?1 AND quarter = ?2", &stmt, error))
        return FALSE;
    }
  else if (op == SQLITE_INSERT)
    {
      if (!run (m,
                "INSERT INTO result (indicator_id, quarter, uuid, value_text, value, detail,"
                " problems, updated_at) VALUES (?1, ?2, ?3, coalesce (?4, ''), ?5,"
                " coalesce (?6, ''), coalesce (?7, ''), coalesce (?8, ?9))",
                &stmt, error))
        return FALSE;
      bind_change (stmt, 3, iter, op, 2);
    }
  else if (!run (m,
                 "UPDATE result SET value_text = coalesce (?4, value_text),"
                 " value = CASE WHEN ?4 IS NULL THEN value ELSE ?5 END,"
                 " detail = coalesce (?6, detail), problems = coalesce (?7, problems),"
                 " updated_at = coalesce (?8, ?9) WHERE indicator_id = ?1 AND quarter = ?2",
                 &stmt, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, indicator);
  sqlite3_bind_int (stmt, 2, sqlite3_value_int (change_value (iter, op, 1)));
  if (op != SQLITE_DELETE)
    {
      g_autofree char *now = _phaen_now_iso8601 ();

      bind_change (stmt, 4, iter, op, 3);
      /* The number is the office's reading of the text, not the packet's. */
      sqlite3changeset_new (iter, 3, &typed);
      if (value_text (typed) != NULL &&
          !phaen_parse_optional_number (value_text (typed), &has_value, &value, NULL))
        has_value = FALSE;
      if (has_value)
        sqlite3_bind_double (stmt, 5, value);
      bind_change (stmt, 6, iter, op, 5);
      bind_change (stmt, 7, iter, op, 6);
      bind_change (stmt, 8, iter, op, 7);
      _phaen_bind_text (stmt, 9, now);
    }
  m->outcome->results++;
  return step (m, stmt, error);
}

static gint64
ensure_result (Merge *m, gint64 indicator, int quarter, GError **error)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *now = _phaen_now_iso8601 ();
  g_autoptr (PhaenStmt) insert = NULL;
  g_autoptr (PhaenStmt) select = NULL;

  if (!run (m,
            "INSERT INTO result (uuid, indicator_id, quarter, updated_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (indicator_id, quarter) DO NOTHING",
            &insert, error))
    return 0;
  _phaen_bind_text (insert, 1, uuid);
  sqlite3_bind_int64 (insert, 2, indicator);
  sqlite3_bind_int (insert, 3, quarter);
  _phaen_bind_text (insert, 4, now);
  if (!step (m, insert, error) ||
      !run (m, "SELECT id FROM result WHERE indicator_id = ? AND quarter = ?", &select, error))
    return 0;
  sqlite3_bind_int64 (select, 1, indicator);
  sqlite3_bind_int (select, 2, quarter);
  return sqlite3_step (select) == SQLITE_ROW ? sqlite3_column_int64 (select, 0) : 0;
}

static gboolean
write_evidence (Merge *m, sqlite3_changeset_iter *iter, int op, GError **error)
{
  g_autoptr (PhaenStmt) stmt = NULL;

  if (op == SQLITE_DELETE)
    {
      if (!run (m, "DELETE FROM evidence WHERE uuid = ?", &stmt, error))
        return FALSE;
      bind_change (stmt, 1, iter, op, 0);
    }
  else if (op == SQLITE_UPDATE)
    {
      if (!run (m,
                "UPDATE evidence SET name = coalesce (?2, name), mime = coalesce (?3, mime),"
                " added_at = coalesce (?4, added_at) WHERE uuid = ?1",
                &stmt, error))
        return FALSE;
      bind_change (stmt, 1, iter, SQLITE_DELETE, 0);
      bind_change (stmt, 2, iter, op, 3);
      bind_change (stmt, 3, iter, op, 4);
      bind_change (stmt, 4, iter, op, 8);
    }
  else
    {
      gint64 indicator = target_id (m, "indicator", iter, op, 1, error);
      const char *sha = value_text (change_value (iter, op, 6));
      gint64 result = 0, blob = 0;

      if (indicator <= 0)
        return indicator == 0;
      result = ensure_result (m, indicator, sqlite3_value_int (change_value (iter, op, 2)), error);
      if (result == 0)
        return FALSE;
      if (sha != NULL)
        {
          GBytes *bytes = g_hash_table_lookup (m->item->packet->blobs, sha);

          g_assert (bytes != NULL); /* validate_changeset() */
          blob = _phaen_store_insert_blob (m->office, bytes, error);
          if (blob == 0)
            return FALSE;
        }
      if (!run (m,
                "INSERT INTO evidence (uuid, result_id, name, mime, url, blob_id, added_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                &stmt, error))
        return FALSE;
      bind_change (stmt, 1, iter, op, 0);
      sqlite3_bind_int64 (stmt, 2, result);
      bind_change (stmt, 3, iter, op, 3);
      bind_change (stmt, 4, iter, op, 4);
      bind_change (stmt, 5, iter, op, 5);
      _phaen_bind_optional_id (stmt, 6, blob);
      bind_change (stmt, 7, iter, op, 8);
    }
  m->outcome->evidence++;
  return step (m, stmt, error);
}

static gboolean
write_activity (Merge *m, sqlite3_changeset_iter *iter, int op, GError **error)
{
  g_autoptr (PhaenStmt) stmt = NULL;

  g_assert (op == SQLITE_UPDATE); /* validate_changeset() */
  if (!run (m, "UPDATE activity SET progress = coalesce (?2, progress) WHERE uuid = ?1", &stmt,
            error))
    return FALSE;
  bind_change (stmt, 1, iter, SQLITE_DELETE, 0);
  bind_change (stmt, 2, iter, op, 1);
  m->outcome->progress++;
  return step (m, stmt, error);
}

static gboolean
write_month (Merge *m, sqlite3_changeset_iter *iter, int op, GError **error)
{
  gint64 activity = target_id (m, "activity", iter, op, 0, error);
  g_autoptr (PhaenStmt) stmt = NULL;

  if (activity <= 0)
    return activity == 0;
  if (op == SQLITE_DELETE)
    {
      g_autoptr (PhaenStmt) clear = NULL;

      /* The office's planned marks stay; the unit's report of the month goes. */
      if (!run (m,
                "UPDATE activity_month SET marks = marks & 7, progress = ''"
                " WHERE activity_id = ?1 AND month = ?2",
                &clear, error))
        return FALSE;
      sqlite3_bind_int64 (clear, 1, activity);
      sqlite3_bind_int (clear, 2, sqlite3_value_int (change_value (iter, op, 1)));
      if (!step (m, clear, error) ||
          !run (m, "DELETE FROM activity_month WHERE activity_id = ?1 AND month = ?2 AND marks = 0",
                &stmt, error))
        return FALSE;
    }
  else if (op == SQLITE_INSERT)
    {
      if (!run (m,
                "INSERT INTO activity_month (activity_id, month, uuid, progress, marks)"
                " VALUES (?1, ?2, ?3, coalesce (?4, ''), CASE WHEN ?5 THEN 8 ELSE 0 END)"
                " ON CONFLICT (activity_id, month) DO UPDATE SET"
                " progress = excluded.progress, marks = (marks & 7) | excluded.marks",
                &stmt, error))
        return FALSE;
      bind_change (stmt, 3, iter, op, 2);
      bind_change (stmt, 4, iter, op, 3);
      bind_change (stmt, 5, iter, op, 4);
    }
  else
    {
      if (!run (m,
                "UPDATE activity_month SET progress = coalesce (?4, progress),"
                " marks = CASE WHEN ?5 IS NULL THEN marks"
                " ELSE (marks & 7) | CASE WHEN ?5 THEN 8 ELSE 0 END END"
                " WHERE activity_id = ?1 AND month = ?2",
                &stmt, error))
        return FALSE;
      bind_change (stmt, 4, iter, op, 3);
      bind_change (stmt, 5, iter, op, 4);
    }
  sqlite3_bind_int64 (stmt, 1, activity);
  sqlite3_bind_int (stmt, 2, sqlite3_value_int (change_value (iter, op, 1)));
  m->outcome->progress++;
  return step (m, stmt, error);
}

static gboolean
write_pmqa (Merge *m, sqlite3_changeset_iter *iter, int op, GError **error)
{
  gint64 indicator = target_id (m, "indicator", iter, op, 0, error);
  g_autoptr (PhaenStmt) stmt = NULL;

  if (indicator <= 0)
    return indicator == 0;
  if (op == SQLITE_DELETE)
    {
      if (!run (m, "DELETE FROM pmqa_value WHERE indicator_id = ?1 AND year = ?2", &stmt, error))
        return FALSE;
    }
  else
    {
      if (!run (m,
                "INSERT INTO pmqa_value (indicator_id, year, uuid, value) VALUES (?1, ?2, ?3, ?4)"
                " ON CONFLICT (indicator_id, year) DO UPDATE SET value = excluded.value",
                &stmt, error))
        return FALSE;
      bind_change (stmt, 3, iter, op, 2);
      if (op == SQLITE_UPDATE)
        {
          g_autofree char *uuid = g_uuid_string_random ();

          /* An update does not carry the row's uuid: it only matters if the row is new. */
          _phaen_bind_text (stmt, 3, uuid);
        }
      bind_change (stmt, 4, iter, op, 3);
    }
  sqlite3_bind_int64 (stmt, 1, indicator);
  sqlite3_bind_int (stmt, 2, sqlite3_value_int (change_value (iter, op, 1)));
  m->outcome->pmqa++;
  return step (m, stmt, error);
}

/* What applied to the projection, into the office's own tables. In a dry run only counted. */
static gboolean
write_changes (Merge *m, GBytes *changes, GError **error)
{
  sqlite3_changeset_iter *iter = NULL;
  gboolean ok = TRUE;
  int rc;

  if (g_bytes_get_size (changes) == 0)
    return TRUE;
  rc = sqlite3changeset_start (&iter, (int)g_bytes_get_size (changes),
                               (void *)g_bytes_get_data (changes, NULL));
  while (ok && rc == SQLITE_OK && sqlite3changeset_next (iter) == SQLITE_ROW)
    {
      const char *name = NULL;
      int n_columns = 0, op = 0, indirect = 0;
      SyncTable t;

      sqlite3changeset_op (iter, &name, &n_columns, &op, &indirect);
      t = _phaen_sync_table_from_name (name);
      if (m->options->dry_run)
        {
          guint *counts[] = { &m->outcome->results, &m->outcome->evidence, &m->outcome->progress,
                              &m->outcome->progress, &m->outcome->pmqa };

          (*counts[t])++;
          continue;
        }
      switch (t)
        {
        case SYNC_RESULT:
          ok = write_result (m, iter, op, error);
          break;
        case SYNC_EVIDENCE:
          ok = write_evidence (m, iter, op, error);
          break;
        case SYNC_ACTIVITY:
          ok = write_activity (m, iter, op, error);
          break;
        case SYNC_ACTIVITY_MONTH:
          ok = write_month (m, iter, op, error);
          break;
        case SYNC_PMQA_VALUE:
          ok = write_pmqa (m, iter, op, error);
          break;
        case SYNC_N_TABLES:
        default:
          g_assert_not_reached ();
        }
    }
  if (iter != NULL)
    {
      int finalized = sqlite3changeset_finalize (iter);

      if (ok && rc == SQLITE_OK && finalized != SQLITE_OK)
        ok = _phaen_sync_sqlite_error (NULL, finalized, error);
    }
  return ok;
}

static gboolean
log_packet (Merge *m, GError **error)
{
  const PhaenPacket *packet = m->item->packet;
  g_autofree char *now = _phaen_now_iso8601 ();
  g_autoptr (PhaenStmt) stmt = NULL;
  const PhaenPacketOutcome *o = m->outcome;

  if (!run (m,
            "INSERT INTO packet_log (uuid, copy_uuid, seq, unit_uuid, fiscal_year, quarter,"
            " created_by, created_at, received_at, changes, pending)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (copy_uuid, seq) DO UPDATE SET"
            " received_at = excluded.received_at, changes = changes + excluded.changes,"
            " pending = excluded.pending",
            &stmt, error))
    return FALSE;
  _phaen_bind_text (stmt, 1, packet->uuid);
  _phaen_bind_text (stmt, 2, packet->copy);
  sqlite3_bind_int64 (stmt, 3, packet->seq);
  _phaen_bind_text (stmt, 4, packet->unit);
  sqlite3_bind_int (stmt, 5, packet->fiscal_year);
  sqlite3_bind_int (stmt, 6, packet->quarter);
  _phaen_bind_text (stmt, 7, packet->created_by);
  _phaen_bind_text (stmt, 8, packet->created_at);
  _phaen_bind_text (stmt, 9, now);
  sqlite3_bind_int (stmt, 10, o->results + o->evidence + o->progress + o->pmqa);
  sqlite3_bind_int (stmt, 11, o->conflicts);
  return step (m, stmt, error);
}

/* ------------------------------------------------------------------ one packet */

/* Whether the packet was merged before; FALSE with @error when it comes out of order. */
static gboolean
check_sequence (Merge *m, gboolean *already, GError **error)
{
  const PhaenPacket *packet = m->item->packet;
  g_autoptr (PhaenStmt) stmt = NULL;
  gpointer in_run = NULL;
  guint last = 0;

  *already = FALSE;
  if (!run (m, "SELECT seq, uuid, pending FROM packet_log WHERE copy_uuid = ? ORDER BY seq DESC",
            &stmt, error))
    return FALSE;
  _phaen_bind_text (stmt, 1, packet->copy);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      guint seq = (guint)CLAMP (sqlite3_column_int64 (stmt, 0), 0, G_MAXINT32);

      last = MAX (last, seq);
      if (seq == packet->seq)
        {
          if (g_strcmp0 ((const char *)sqlite3_column_text (stmt, 1), packet->uuid) != 0)
            return refuse (error, _ ("Another result packet with the same number from this unit "
                                     "copy was imported before. Nothing was changed."));
          /* Imported with conflicts left to decide: it may come again to decide them. */
          *already = sqlite3_column_int (stmt, 2) == 0;
          return TRUE;
        }
    }
  if (g_hash_table_lookup_extended (m->merged_seq, packet->copy, NULL, &in_run))
    last = MAX (last, GPOINTER_TO_UINT (in_run));
  if (packet->seq > last + 1)
    {
      g_autofree char *message = g_strdup_printf (
        _ ("Result packet %u of this unit copy has not been imported yet: import the unit's "
           "packets in order. Nothing was changed."),
        last + 1);

      return refuse (error, message);
    }
  return TRUE;
}

static gboolean
has_year (Merge *m, int fiscal_year)
{
  if (m->years == NULL)
    m->years = phaen_store_list_fiscal_years (m->office, NULL);
  for (guint i = 0; m->years != NULL && i < m->years->len; i++)
    if (g_array_index (m->years, int, i) == fiscal_year)
      return TRUE;
  return FALSE;
}

static gboolean
check_header (Merge *m, GError **error)
{
  const PhaenPacket *packet = m->item->packet;
  g_autoptr (PhaenStmt) stmt = NULL;
  g_autofree char *secret = NULL;

  if (m->workspace == NULL || m->key == NULL || !g_str_equal (packet->workspace, m->workspace))
    return refuse (error, _ ("The result packet belongs to another workspace: its unit copy was "
                             "not made from this file. Nothing was changed."));
  if (m->options->fiscal_year != 0 && packet->fiscal_year != m->options->fiscal_year)
    {
      g_autofree char *message =
        g_strdup_printf (_ ("The result packet is for fiscal year %d, not %d. Nothing was "
                            "changed."),
                         packet->fiscal_year, m->options->fiscal_year);

      return refuse (error, message);
    }
  if (!has_year (m, packet->fiscal_year))
    {
      g_autofree char *message = g_strdup_printf (
        _ ("The result packet is for fiscal year %d, which this workspace does not have. Nothing "
           "was changed."),
        packet->fiscal_year);

      return refuse (error, message);
    }
  if (!run (m, "SELECT id FROM unit WHERE uuid = ?", &stmt, error))
    return FALSE;
  _phaen_bind_text (stmt, 1, packet->unit);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return refuse (error, _ ("The unit of the result packet is not in this workspace. Nothing "
                             "was changed."));
  m->unit_id = sqlite3_column_int64 (stmt, 0);
  secret = _phaen_sync_derive_secret (m->key, m->workspace, packet->copy, packet->unit,
                                      packet->fiscal_year);
  return phaen_packet_verify (packet, secret, error);
}

static gboolean
ensure_projection (Merge *m, GError **error)
{
  const PhaenPacket *packet = m->item->packet;

  if (m->proj != NULL && g_str_equal (m->proj_unit, packet->unit) &&
      m->proj_year == packet->fiscal_year)
    return TRUE;
  g_clear_pointer (&m->proj, sqlite3_close);
  g_clear_pointer (&m->proj_unit, g_free);
  m->proj = _phaen_sync_projection_new (NULL, error);
  if (m->proj == NULL)
    return FALSE;
  if (!_phaen_sync_projection_fill (m->proj, "main", m->db, m->unit_id, packet->fiscal_year, error))
    {
      g_clear_pointer (&m->proj, sqlite3_close);
      return FALSE;
    }
  m->proj_unit = g_strdup (packet->unit);
  m->proj_year = packet->fiscal_year;
  return TRUE;
}

/* Applies the packet to the projection (the session extension decides conflicts through
 * conflict_cb()) and returns what actually changed there. */
static GBytes *
apply_to_projection (Merge *m, GError **error)
{
  GBytes *changeset = m->item->packet->changeset;
  sqlite3_session *session = NULL;
  void *data = NULL;
  int size = 0;
  int rc = sqlite3session_create (m->proj, "main", &session);

  if (rc == SQLITE_OK)
    rc = sqlite3session_attach (session, NULL);
  if (rc == SQLITE_OK && g_bytes_get_size (changeset) > 0)
    rc = sqlite3changeset_apply_v2 (m->proj, (int)g_bytes_get_size (changeset),
                                    (void *)g_bytes_get_data (changeset, NULL), NULL, conflict_cb,
                                    m, NULL, NULL, 0);
  if (rc == SQLITE_OK)
    rc = sqlite3session_changeset (session, &size, &data);
  if (session != NULL)
    sqlite3session_delete (session);
  if (rc != SQLITE_OK)
    {
      sqlite3_free (data);
      g_clear_pointer (&m->proj, sqlite3_close);
      set_damaged (error);
      return NULL;
    }
  {
    GBytes *bytes = g_bytes_new (data, size);

    sqlite3_free (data);
    return bytes;
  }
}

static void
merge_one (Merge *m, const Item *item)
{
  PhaenPacketOutcome *outcome = g_new0 (PhaenPacketOutcome, 1);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) applied = NULL;
  gboolean already = FALSE;
  gboolean ok;
  guint first_conflict = m->report->conflicts->len;

  g_ptr_array_add (m->report->packets, outcome);
  outcome->path = g_strdup (item->path);
  m->item = item;
  m->outcome = outcome;
  g_hash_table_remove_all (m->conflict_keys);
  if (item->packet == NULL)
    {
      outcome->status = PHAEN_PACKET_REFUSED;
      outcome->message = g_strdup (item->load_error->message);
      return;
    }
  outcome->unit_abbr = g_strdup (item->packet->unit_abbr);
  outcome->fiscal_year = item->packet->fiscal_year;
  outcome->quarter = item->packet->quarter;
  outcome->seq = item->packet->seq;
  outcome->created_by = g_strdup (item->packet->created_by);
  outcome->created_at = g_strdup (item->packet->created_at);

  ok = check_header (m, &error) && check_sequence (m, &already, &error);
  if (ok && already)
    {
      outcome->status = PHAEN_PACKET_ALREADY_MERGED;
      return;
    }
  ok = ok && validate_changeset (m, &error) && ensure_projection (m, &error);
  if (ok && !m->options->dry_run)
    {
      g_autofree char *label =
        g_strdup_printf (_ ("Import results of %s"), item->packet->unit_abbr);

      ok = _phaen_store_edit_begin (m->office, label, &error);
      if (ok)
        {
          ok = (applied = apply_to_projection (m, &error)) != NULL &&
               write_changes (m, applied, &error) && log_packet (m, &error);
          ok = _phaen_store_edit_end (m->office, ok, ok ? &error : NULL) && ok;
        }
      /* The projection took changes the workspace did not: it is read again. */
      if (!ok)
        g_clear_pointer (&m->proj, sqlite3_close);
    }
  else if (ok)
    ok = (applied = apply_to_projection (m, &error)) != NULL && write_changes (m, applied, &error);

  if (!ok)
    {
      outcome->status = PHAEN_PACKET_REFUSED;
      outcome->message = g_strdup (error ? error->message : "");
      outcome->results = outcome->evidence = outcome->progress = outcome->pmqa = 0;
      outcome->skipped = outcome->conflicts = 0;
      /* Conflicts of a refused packet are moot. */
      g_ptr_array_remove_range (m->report->conflicts, first_conflict,
                                m->report->conflicts->len - first_conflict);
      return;
    }
  outcome->status = PHAEN_PACKET_MERGED;
  g_hash_table_insert (m->merged_seq, g_strdup (item->packet->copy),
                       GUINT_TO_POINTER (item->packet->seq));
}

static int
compare_items (gconstpointer a, gconstpointer b)
{
  const Item *x = *(const Item *const *)a;
  const Item *y = *(const Item *const *)b;
  int order;

  /* Unreadable files first, in the order given; then by unit, copy and number. */
  if (x->packet == NULL || y->packet == NULL)
    return (x->packet != NULL) - (y->packet != NULL);
  if ((order = strcmp (x->packet->unit, y->packet->unit)) != 0 ||
      (order = x->packet->fiscal_year - y->packet->fiscal_year) != 0 ||
      (order = strcmp (x->packet->copy, y->packet->copy)) != 0)
    return order;
  return (x->packet->seq > y->packet->seq) - (x->packet->seq < y->packet->seq);
}

/* ------------------------------------------------------------------ public API */

PhaenMergeReport *
phaen_merge_packets (PhaenStore *office,
                     const char *const *paths,
                     const PhaenMergeOptions *options,
                     GError **error)
{
  static const PhaenMergeOptions defaults = { 0 };
  g_autoptr (PhaenMergeReport) report = g_new0 (PhaenMergeReport, 1);
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify)item_free);
  Merge m = { 0 };
  gboolean ok = TRUE;

  g_return_val_if_fail (PHAEN_IS_STORE (office), NULL);
  g_return_val_if_fail (paths != NULL, NULL);

  if (options == NULL)
    options = &defaults;
  if (!options->dry_run && !phaen_store_check_writable (office, error))
    return NULL;
  if (phaen_store_is_unit_copy (office))
    {
      g_set_error_literal (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                           _ ("This is a unit copy: result packets are imported into the planning "
                              "office's workspace."));
      return NULL;
    }
  report->packets = g_ptr_array_new_with_free_func ((GDestroyNotify)outcome_free);
  report->conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify)conflict_free);

  for (guint i = 0; paths[i] != NULL; i++)
    {
      Item *item = g_new0 (Item, 1);

      item->path = g_strdup (paths[i]);
      item->packet = phaen_packet_load (paths[i], options->size_limit, &item->load_error);
      g_ptr_array_add (items, item);
    }
  /* Packets of one copy apply in order, whatever order they were chosen in. */
  g_ptr_array_sort (items, compare_items);

  m.office = office;
  m.db = _phaen_store_get_db (office);
  m.options = options;
  m.report = report;
  m.workspace = _phaen_store_get_meta (office, PHAEN_META_WORKSPACE);
  m.key = _phaen_store_get_meta (office, PHAEN_META_SYNC_KEY);
  m.merged_seq = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  m.conflict_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  _phaen_sync_register_functions (m.db);

  /* One undo step for the whole import; each packet is a savepoint of its own inside it. */
  if (!options->dry_run && !_phaen_store_edit_begin (office, _ ("Import result packets"), error))
    ok = FALSE;
  else
    {
      gboolean cancelled = FALSE;

      for (guint i = 0; i < items->len && !cancelled; i++)
        {
          cancelled = g_cancellable_set_error_if_cancelled (options->cancellable, error);
          if (cancelled)
            break;
          merge_one (&m, g_ptr_array_index (items, i));
          if (options->progress != NULL)
            options->progress (i + 1, items->len, options->user_data);
        }
      /* A cancel keeps what was merged before it. */
      if (!options->dry_run && !_phaen_store_edit_end (office, TRUE, cancelled ? NULL : error))
        ok = FALSE;
      ok = ok && !cancelled;
    }
  g_clear_pointer (&m.proj, sqlite3_close);
  g_free (m.proj_unit);
  g_free (m.workspace);
  g_free (m.key);
  g_hash_table_unref (m.merged_seq);
  g_clear_pointer (&m.years, g_array_unref);
  g_hash_table_unref (m.conflict_keys);
  if (!ok)
    return NULL;
  return g_steal_pointer (&report);
}

static int
compare_paths (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *)a, *(const char *const *)b);
}

GPtrArray *
phaen_merge_list_folder (const char *folder, GError **error)
{
  g_autoptr (GDir) dir = NULL;
  g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_return_val_if_fail (folder != NULL, NULL);

  dir = g_dir_open (folder, 0, error);
  if (dir == NULL)
    return NULL;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, PHAEN_PACKET_SUFFIX) && name[0] != '.')
      g_ptr_array_add (paths, g_build_filename (folder, name, NULL));
  g_ptr_array_sort (paths, compare_paths);
  return g_steal_pointer (&paths);
}
