/* phaen-sync-projection.c — a unit's own rows keyed by UUID, and their changesets
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Why a projection, and not the workspace's tables themselves
 * -----------------------------------------------------------
 * Every row has an INTEGER id and a UUID. The id is local to one file: two unit copies that
 * each add a result give it the same next id, and a changeset of the workspace's own tables
 * (the session extension identifies rows by their primary key) would apply the second as a
 * conflict and drop it. Id ranges per copy would not hold either: the office adds rows too,
 * and the first merged range moves the office's own next id into it.
 *
 * So rows travel by what names them everywhere: a result is (indicator uuid, quarter), a month
 * of an activity is (activity uuid, month), a PMQA value is (indicator uuid, year), evidence
 * and activities their own uuid; links are uuids too. The projection holds exactly the columns
 * a unit owns (results, their text, evidence, progress, the achieved mark) in an in-memory
 * database; the session extension computes and applies changesets of it (sqlite3session_diff,
 * sqlite3changeset_apply_v2), and the merge writes what applied into the office's tables,
 * finding ids by uuid, in one transaction. Nothing the office owns can be said by a packet:
 * the projection has no column for it. */
#define G_LOG_DOMAIN "phaen-sync"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "phaen-error.h"
#include "phaen-sync-private.h"

static const char *const result_labels[] = {
  NULL, NULL, NULL, N_ ("Result"), NULL, N_ ("Details of the work"), N_ ("Problems/obstacles"),
  NULL,
};
static const char *const evidence_labels[] = {
  NULL, NULL, NULL, N_ ("Evidence"), NULL, N_ ("Link"), NULL, NULL, NULL,
};
static const char *const activity_labels[] = { NULL, N_ ("Progress report") };
static const char *const month_labels[] = {
  NULL, NULL, NULL, N_ ("Progress of the month"), N_ ("Output achieved"),
};
static const char *const pmqa_labels[] = { NULL, NULL, NULL, N_ ("PMQA result") };

static const SyncTableInfo tables[SYNC_N_TABLES] = {
  { "result", 8, 2, result_labels },     { "evidence", 9, 1, evidence_labels },
  { "activity", 2, 1, activity_labels }, { "activity_month", 5, 2, month_labels },
  { "pmqa_value", 4, 2, pmqa_labels },
};

/* %1$s: the schema. Column order is the changeset's; keep it in step with tables[]. */
static const char create_sql[] =
  "CREATE TABLE %1$s.result (indicator TEXT NOT NULL, quarter INTEGER NOT NULL,"
  " uuid TEXT NOT NULL, value_text TEXT, value REAL, detail TEXT, problems TEXT, updated_at TEXT,"
  " PRIMARY KEY (indicator, quarter));"
  "CREATE TABLE %1$s.evidence (uuid TEXT NOT NULL PRIMARY KEY, indicator TEXT NOT NULL,"
  " quarter INTEGER NOT NULL, name TEXT, mime TEXT, url TEXT, sha256 TEXT, size INTEGER,"
  " added_at TEXT);"
  "CREATE TABLE %1$s.activity (uuid TEXT NOT NULL PRIMARY KEY, progress TEXT);"
  "CREATE TABLE %1$s.activity_month (activity TEXT NOT NULL, month INTEGER NOT NULL,"
  " uuid TEXT NOT NULL, progress TEXT, achieved INTEGER, PRIMARY KEY (activity, month));"
  "CREATE TABLE %1$s.pmqa_value (indicator TEXT NOT NULL, year INTEGER NOT NULL,"
  " uuid TEXT NOT NULL, value REAL, PRIMARY KEY (indicator, year));";

/* Reads from a workspace: ?1 the unit's id, ?2 the fiscal year. */
static const char *const fill_sql[SYNC_N_TABLES] = {
  "SELECT i.uuid, r.quarter, r.uuid, r.value_text, r.value, r.detail, r.problems, r.updated_at"
  " FROM main.result r JOIN main.indicator i ON i.id = r.indicator_id"
  " WHERE i.unit_id = ?1 AND i.fiscal_year = ?2",
  "SELECT e.uuid, i.uuid, r.quarter, e.name, e.mime, e.url, phaen_sha256 (b.data),"
  " length (b.data), e.added_at FROM main.evidence e JOIN main.result r ON r.id = e.result_id"
  " JOIN main.indicator i ON i.id = r.indicator_id"
  " LEFT JOIN main.evidence_blob b ON b.id = e.blob_id"
  " WHERE i.unit_id = ?1 AND i.fiscal_year = ?2",
  "SELECT a.uuid, a.progress FROM main.activity a JOIN main.plan p ON p.id = a.plan_id"
  " WHERE p.unit_id = ?1 AND p.fiscal_year = ?2",
  "SELECT a.uuid, m.month, m.uuid, m.progress, (m.marks & 8) <> 0 FROM main.activity_month m"
  " JOIN main.activity a ON a.id = m.activity_id JOIN main.plan p ON p.id = a.plan_id"
  " WHERE p.unit_id = ?1 AND p.fiscal_year = ?2",
  "SELECT i.uuid, v.year, v.uuid, v.value FROM main.pmqa_value v"
  " JOIN main.indicator i ON i.id = v.indicator_id WHERE i.unit_id = ?1 AND i.fiscal_year = ?2",
};

const SyncTableInfo *
_phaen_sync_table_info (SyncTable table)
{
  g_return_val_if_fail (table < SYNC_N_TABLES, NULL);
  return &tables[table];
}

int
_phaen_sync_table_from_name (const char *name)
{
  for (int i = 0; name != NULL && i < SYNC_N_TABLES; i++)
    if (g_str_equal (name, tables[i].name))
      return i;
  return -1;
}

/* Reads a varint of the changeset format (SQLite's: 7 bits a byte, high bit "more", 9 bytes at
 * most); FALSE past the end. */
static gboolean
read_varint (const guint8 *data, gsize size, gsize *at, guint64 *value)
{
  *value = 0;
  for (int i = 0; i < 9; i++)
    {
      guint8 byte;

      if (*at >= size)
        return FALSE;
      byte = data[(*at)++];
      if (i == 8)
        {
          *value = (*value << 8) | byte;
          return TRUE;
        }
      *value = (*value << 7) | (byte & 0x7f);
      if ((byte & 0x80) == 0)
        return TRUE;
    }
  return FALSE;
}

/* One record of @n_columns values: type byte, then 8 bytes of an integer or a real, a length
 * and the bytes of text or a blob, nothing for NULL or "undefined" (0, not in the change). */
static gboolean
read_record (const guint8 *data, gsize size, gsize *at, int n_columns)
{
  for (int c = 0; c < n_columns; c++)
    {
      guint64 length;

      if (*at >= size)
        return FALSE;
      switch (data[(*at)++])
        {
        case 0:
        case SQLITE_NULL:
          break;
        case SQLITE_INTEGER:
        case SQLITE_FLOAT:
          if (size - *at < 8)
            return FALSE;
          *at += 8;
          break;
        case SQLITE_TEXT:
        case SQLITE_BLOB:
          if (!read_varint (data, size, at, &length) || length > size - *at)
            return FALSE;
          *at += length;
          break;
        default:
          return FALSE;
        }
    }
  return TRUE;
}

/* The framing of a changeset from outside (https://www.sqlite.org/sessionintro.html and the
 * format comment of sqlite3session.c), walked before SQLite's reader sees it: Debian 12's
 * SQLite (3.40) loops for ever on some damaged table headers (found by fuzz-packet). Only the
 * projection's tables, with their column counts and keys, in a changeset ('T'), each record
 * complete, nothing after the last. */
gboolean
_phaen_sync_changeset_is_well_formed (GBytes *changeset)
{
  gsize size = 0;
  const guint8 *data = g_bytes_get_data (changeset, &size);
  gsize at = 0;
  int n_columns = 0;

  if (size > G_MAXINT)
    return FALSE;
  while (at < size)
    {
      guint8 op = data[at++];

      if (op == 'T')
        {
          guint64 count;
          const guint8 *end;
          int t;

          if (!read_varint (data, size, &at, &count) || count > 64 || count > size - at)
            return FALSE;
          n_columns = (int)count;
          end = memchr (data + at + n_columns, '\0', size - at - n_columns);
          if (end == NULL)
            return FALSE;
          t = _phaen_sync_table_from_name ((const char *)data + at + n_columns);
          if (t < 0 || tables[t].n_columns != n_columns)
            return FALSE;
          for (int c = 0; c < n_columns; c++)
            if ((data[at + c] != 0) != (c < tables[t].n_pk))
              return FALSE;
          at = end - data + 1;
          continue;
        }
      /* A change: its op, the indirect flag, then the old and/or the new record. */
      if (n_columns == 0 || at >= size ||
          (op != SQLITE_INSERT && op != SQLITE_DELETE && op != SQLITE_UPDATE))
        return FALSE;
      at++;
      if (op != SQLITE_INSERT && !read_record (data, size, &at, n_columns))
        return FALSE;
      if (op != SQLITE_DELETE && !read_record (data, size, &at, n_columns))
        return FALSE;
    }
  return TRUE;
}

gboolean
_phaen_sync_sqlite_error (sqlite3 *db, int rc, GError **error)
{
  g_debug ("SQLite %d: %s", rc, db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  if ((rc & 0xff) == SQLITE_NOMEM)
    g_set_error_literal (error, PHAEN_ERROR, PHAEN_ERROR_FAILED,
                         _ ("The computer ran out of memory."));
  else if ((rc & 0xff) == SQLITE_CORRUPT)
    g_set_error_literal (error, PHAEN_ERROR, PHAEN_ERROR_CORRUPT,
                         _ ("The file is not a result packet of Phaen, or it is damaged."));
  else
    g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_FAILED,
                 _ ("The unit's rows could not be compared (code %d)."), rc);
  return FALSE;
}

static void
sql_sha256 (sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
  g_autofree char *hex = NULL;

  if (sqlite3_value_type (argv[0]) == SQLITE_NULL)
    {
      sqlite3_result_null (ctx);
      return;
    }
  hex = g_compute_checksum_for_data (G_CHECKSUM_SHA256, sqlite3_value_blob (argv[0]),
                                     sqlite3_value_bytes (argv[0]));
  sqlite3_result_text (ctx, hex, -1, SQLITE_TRANSIENT);
}

void
_phaen_sync_register_functions (sqlite3 *db)
{
  sqlite3_create_function (db, "phaen_sha256", 1,
                           SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL, sql_sha256,
                           NULL, NULL);
}

gboolean
_phaen_sync_values_equal (sqlite3_value *a, sqlite3_value *b)
{
  int ta, tb;

  if (a == NULL || b == NULL)
    return a == b;
  ta = sqlite3_value_type (a);
  tb = sqlite3_value_type (b);
  if ((ta == SQLITE_INTEGER || ta == SQLITE_FLOAT) && (tb == SQLITE_INTEGER || tb == SQLITE_FLOAT))
    return sqlite3_value_double (a) == sqlite3_value_double (b);
  if (ta != tb)
    return FALSE;
  switch (ta)
    {
    case SQLITE_NULL:
      return TRUE;
    case SQLITE_TEXT:
      return sqlite3_value_bytes (a) == sqlite3_value_bytes (b) &&
             memcmp (sqlite3_value_text (a), sqlite3_value_text (b), sqlite3_value_bytes (a)) == 0;
    default:
      return sqlite3_value_bytes (a) == sqlite3_value_bytes (b) &&
             (sqlite3_value_bytes (a) == 0 ||
              memcmp (sqlite3_value_blob (a), sqlite3_value_blob (b), sqlite3_value_bytes (a)) ==
                0);
    }
}

static gboolean
exec (sqlite3 *db, const char *sql, GError **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  return rc == SQLITE_OK || _phaen_sync_sqlite_error (db, rc, error);
}

static gboolean
create_tables (sqlite3 *db, const char *schema, GError **error)
{
  g_autofree char *sql = g_strdup_printf (create_sql, schema);

  return exec (db, sql, error);
}

/**
 * _phaen_sync_projection_new:
 *
 * Returns: (transfer full): close with sqlite3_close()
 */
sqlite3 *
_phaen_sync_projection_new (const char *const *extra_schemas, GError **error)
{
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY, NULL);

  if (rc != SQLITE_OK)
    {
      _phaen_sync_sqlite_error (db, rc, error);
      sqlite3_close (db);
      return NULL;
    }
  if (!create_tables (db, "main", error))
    {
      sqlite3_close (db);
      return NULL;
    }
  for (guint i = 0; extra_schemas != NULL && extra_schemas[i] != NULL; i++)
    {
      g_autofree char *attach = g_strdup_printf ("ATTACH ':memory:' AS %s", extra_schemas[i]);

      if (!exec (db, attach, error) || !create_tables (db, extra_schemas[i], error))
        {
          sqlite3_close (db);
          return NULL;
        }
    }
  return db;
}

gboolean
_phaen_sync_projection_fill (sqlite3 *proj,
                             const char *schema,
                             sqlite3 *source,
                             gint64 unit_id,
                             int fiscal_year,
                             GError **error)
{
  /* phaen_sha256() must be registered on @source (once: registering again expires every
   * statement the connection has prepared). */
  for (int t = 0; t < SYNC_N_TABLES; t++)
    {
      g_autoptr (GString) insert = g_string_new (NULL);
      sqlite3_stmt *select = NULL;
      sqlite3_stmt *stmt = NULL;
      int rc;

      g_string_printf (insert, "INSERT INTO %s.%s VALUES (", schema, tables[t].name);
      for (int c = 0; c < tables[t].n_columns; c++)
        g_string_append (insert, c ? ", ?" : "?");
      g_string_append (insert, ")");
      rc = sqlite3_prepare_v2 (source, fill_sql[t], -1, &select, NULL);
      if (rc != SQLITE_OK)
        return _phaen_sync_sqlite_error (source, rc, error);
      rc = sqlite3_prepare_v2 (proj, insert->str, -1, &stmt, NULL);
      if (rc != SQLITE_OK)
        {
          sqlite3_finalize (select);
          return _phaen_sync_sqlite_error (proj, rc, error);
        }
      sqlite3_bind_int64 (select, 1, unit_id);
      sqlite3_bind_int (select, 2, fiscal_year);
      while ((rc = sqlite3_step (select)) == SQLITE_ROW)
        {
          for (int c = 0; c < tables[t].n_columns; c++)
            sqlite3_bind_value (stmt, c + 1, sqlite3_column_value (select, c));
          rc = sqlite3_step (stmt);
          sqlite3_reset (stmt);
          if (rc != SQLITE_DONE)
            break;
        }
      sqlite3_finalize (select);
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        return _phaen_sync_sqlite_error (proj, rc, error);
    }
  return TRUE;
}

/**
 * _phaen_sync_projection_diff:
 *
 * Returns: (transfer full): the changeset, empty when nothing differs
 */
GBytes *
_phaen_sync_projection_diff (sqlite3 *proj, const char *from_schema, GError **error)
{
  sqlite3_session *session = NULL;
  void *data = NULL;
  int size = 0;
  int rc = sqlite3session_create (proj, "main", &session);

  for (int t = 0; rc == SQLITE_OK && t < SYNC_N_TABLES; t++)
    {
      char *message = NULL;

      rc = sqlite3session_attach (session, tables[t].name);
      if (rc == SQLITE_OK)
        rc = sqlite3session_diff (session, from_schema, tables[t].name, &message);
      if (message != NULL)
        g_debug ("sqlite3session_diff: %s", message);
      sqlite3_free (message);
    }
  if (rc == SQLITE_OK)
    rc = sqlite3session_changeset (session, &size, &data);
  if (session != NULL)
    sqlite3session_delete (session);
  if (rc != SQLITE_OK)
    {
      sqlite3_free (data);
      _phaen_sync_sqlite_error (proj, rc, error);
      return NULL;
    }
  {
    GBytes *bytes = g_bytes_new (data, size);

    sqlite3_free (data);
    return bytes;
  }
}

gboolean
_phaen_sync_projection_load (sqlite3 *proj, const char *schema, GBytes *image, GError **error)
{
  sqlite3_changeset_iter *iter = NULL;
  sqlite3_stmt *stmts[SYNC_N_TABLES] = { NULL };
  gsize size = 0;
  gconstpointer data = g_bytes_get_data (image, &size);
  gsize n_changes = 0;
  int rc;

  if (size == 0)
    return TRUE;
  if (!_phaen_sync_changeset_is_well_formed (image))
    return _phaen_sync_sqlite_error (proj, SQLITE_CORRUPT, error);
  rc = sqlite3changeset_start (&iter, (int)size, (void *)data);
  while (rc == SQLITE_OK && (rc = sqlite3changeset_next (iter)) == SQLITE_ROW)
    {
      const char *name = NULL;
      int n_columns = 0, op = 0, indirect = 0, t;

      /* every change takes bytes (see validate_changeset() in phaen-merge.c) */
      if (++n_changes > size)
        {
          rc = SQLITE_CORRUPT;
          break;
        }
      rc = sqlite3changeset_op (iter, &name, &n_columns, &op, &indirect);
      t = _phaen_sync_table_from_name (name);
      if (rc != SQLITE_OK || t < 0 || op != SQLITE_INSERT || n_columns != tables[t].n_columns)
        {
          rc = SQLITE_CORRUPT;
          break;
        }
      if (stmts[t] == NULL)
        {
          g_autoptr (GString) insert = g_string_new (NULL);

          g_string_printf (insert, "INSERT INTO %s.%s VALUES (", schema, tables[t].name);
          for (int c = 0; c < n_columns; c++)
            g_string_append (insert, c ? ", ?" : "?");
          g_string_append (insert, ")");
          rc = sqlite3_prepare_v2 (proj, insert->str, -1, &stmts[t], NULL);
          if (rc != SQLITE_OK)
            break;
        }
      for (int c = 0; c < n_columns; c++)
        {
          sqlite3_value *value = NULL;

          sqlite3changeset_new (iter, c, &value);
          if (value != NULL)
            sqlite3_bind_value (stmts[t], c + 1, value);
          else
            sqlite3_bind_null (stmts[t], c + 1);
        }
      rc = sqlite3_step (stmts[t]);
      sqlite3_reset (stmts[t]);
      rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
  if (rc == SQLITE_DONE)
    rc = SQLITE_OK;
  if (iter != NULL)
    {
      int finalized = sqlite3changeset_finalize (iter);

      if (rc == SQLITE_OK)
        rc = finalized;
    }
  for (int t = 0; t < SYNC_N_TABLES; t++)
    sqlite3_finalize (stmts[t]);
  return rc == SQLITE_OK || _phaen_sync_sqlite_error (proj, rc, error);
}

char *
_phaen_sync_derive_secret (
  const char *sync_key, const char *workspace, const char *copy, const char *unit, int fiscal_year)
{
  g_autoptr (GHmac) hmac =
    g_hmac_new (G_CHECKSUM_SHA256, (const guchar *)sync_key, strlen (sync_key));
  g_autofree char *message =
    g_strdup_printf ("phaen-unit-copy\n%s\n%s\n%s\n%d", workspace, copy, unit, fiscal_year);

  g_hmac_update (hmac, (const guchar *)message, strlen (message));
  return g_strdup (g_hmac_get_string (hmac));
}
