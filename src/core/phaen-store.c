/* phaen-store.c — opening, validating and migrating a workspace; edits, undo and redo
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "phaen-core-resources.h"
#include "phaen-store-private.h"

/* Undo keeps this many steps; older ones are forgotten. */
#define MAX_UNDO_STEPS 500

typedef struct
{
  char *label;
  gint64 first; /* undolog seq range, inclusive */
  gint64 last;
} UndoStep;

struct _PhaenStore
{
  GObject parent_instance;

  char *path;
  sqlite3 *db;
  GHashTable *statements; /* sql → sqlite3_stmt* */

  guint edit_depth;
  char *edit_label;
  gint64 edit_first_seq;
  gboolean replaying;

  GArray *undo; /* UndoStep */
  GArray *redo; /* UndoStep */
};

G_DEFINE_FINAL_TYPE (PhaenStore, phaen_store, G_TYPE_OBJECT)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Tables whose rows the user edits; triggers on them record the inverse SQL for undo. */
static const char *const undoable_tables[] = {
  "unit",      "person",         "fiscal_year",    "plan",      "plan_section",
  "activity",  "activity_month", "budget_quarter", "indicator", "criteria_version",
  "criterion", "result",         "pmqa_value",     "evidence",
};

/* Forward migrations: schema/00N-*.sql brings user_version N-1 to N. */
static const char *const migrations[] = {
  "/io/github/phaen/core/schema/001-initial.sql",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == PHAEN_STORE_SCHEMA_VERSION);

/* ------------------------------------------------------------------ helpers */

static void
undo_step_clear (gpointer data)
{
  UndoStep *step = data;

  g_clear_pointer (&step->label, g_free);
}

void
_phaen_stmt_release (PhaenStmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

sqlite3 *
_phaen_store_get_db (PhaenStore *self)
{
  return self->db;
}

static gboolean
set_sqlite_error (sqlite3 *db, int rc, const char *path, GError **error)
{
  int code = PHAEN_ERROR_FAILED;
  const char *detail = db ? sqlite3_errmsg (db) : sqlite3_errstr (rc);
  g_autofree char *base = path ? g_path_get_basename (path) : NULL;

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_IO,
                   _ ("The disk is full: the change was not saved. Everything saved before it is "
                      "kept."));
      return FALSE;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
      code = PHAEN_ERROR_IO;
      break;
    case SQLITE_CORRUPT:
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_CORRUPT,
                   _ ("“%s” is damaged and cannot be read (%s)."), base ? base : "", detail);
      return FALSE;
    case SQLITE_NOTADB:
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_NOT_WORKSPACE,
                   _ ("“%s” is not a Phaen workspace."), base ? base : "");
      return FALSE;
    case SQLITE_CONSTRAINT:
      code = PHAEN_ERROR_INVALID;
      break;
    default:
      break;
    }

  g_set_error (error, PHAEN_ERROR, code, _ ("The workspace could not be used: %s"), detail);
  return FALSE;
}

gboolean
_phaen_store_set_error (PhaenStore *self, int rc, GError **error)
{
  return set_sqlite_error (self->db, rc, self->path, error);
}

gboolean
_phaen_store_exec (PhaenStore *self, const char *sql, GError **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return _phaen_store_set_error (self, rc, error);
  return TRUE;
}

PhaenStmt *
_phaen_store_prepare (PhaenStore *self, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    return stmt;

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _phaen_store_set_error (self, rc, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, (gpointer)sql, stmt);
  return stmt;
}

gboolean
_phaen_store_step_done (PhaenStore *self, PhaenStmt *stmt, GError **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return _phaen_store_set_error (self, rc, error);
  return TRUE;
}

void
_phaen_bind_text (sqlite3_stmt *stmt, int col, const char *text)
{
  sqlite3_bind_text (stmt, col, text ? text : "", -1, SQLITE_TRANSIENT);
}

void
_phaen_bind_optional_id (sqlite3_stmt *stmt, int col, gint64 id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, col, id);
  else
    sqlite3_bind_null (stmt, col);
}

void
_phaen_bind_optional_double (sqlite3_stmt *stmt, int col, gboolean has, double value)
{
  if (has)
    sqlite3_bind_double (stmt, col, value);
  else
    sqlite3_bind_null (stmt, col);
}

char *
_phaen_new_uuid (void)
{
  return g_uuid_string_random ();
}

char *
_phaen_now_iso8601 (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/* @code may come straight from a file (the SQL function below): it is made valid UTF-8 first,
 * or g_utf8_next_char() could step over its terminating NUL. */
char *
_phaen_code_key (const char *code)
{
  GString *key = g_string_new (NULL);
  g_autofree char *valid = g_utf8_make_valid (code ? code : "", -1);

  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (key, c);
    }
  return g_string_free (key, FALSE);
}

/* sqlite3_mprintf() quoting (%Q, %q) in memory that g_free() releases. */
static char *
sql_printf (const char *format, ...)
{
  va_list args;
  char *sql;
  char *copy;

  va_start (args, format);
  sql = sqlite3_vmprintf (format, args);
  va_end (args);
  copy = g_strdup (sql);
  sqlite3_free (sql);
  return copy;
}

static void
sql_code_key (sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
  g_autofree char *key = _phaen_code_key ((const char *)sqlite3_value_text (argv[0]));

  sqlite3_result_text (ctx, key, -1, SQLITE_TRANSIENT);
}

/* ------------------------------------------------------------------ validation */

/* A big-endian integer of @size bytes in a file header, read byte by byte: the header is a
 * byte array, which a wider pointer may neither alias nor be sure to find aligned. */
static guint32
read_be (const guint8 *bytes, guint size)
{
  guint32 value = 0;

  for (guint i = 0; i < size; i++)
    value = value << 8 | bytes[i];
  return value;
}

/* TRUE when a write-ahead log with at least one frame lies beside @path. A checkpoint cut short
 * (a full disk, a crash) leaves the main file's header counting pages that only the log holds
 * yet; SQLite reads them from the log, so such a file is not truncated (SQLite file format §4). */
static gboolean
has_wal_frames (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  FILE *file = g_fopen (wal, "rb");
  guint8 header[32];
  guint32 magic;
  gboolean frames;

  if (file == NULL)
    return FALSE;
  frames = fread (header, 1, sizeof header, file) == sizeof header && fgetc (file) != EOF;
  fclose (file);
  if (!frames)
    return FALSE;
  magic = read_be (header, 4);
  return magic == 0x377f0682 || magic == 0x377f0683;
}

/* Reads the 100-byte SQLite header without opening the file for writing: an empty, foreign,
 * truncated or newer file is refused before SQLite could touch it. */
static gboolean
check_header (const char *path, GError **error)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileInputStream) in = NULL;
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GError) local_error = NULL;
  guint8 header[100];
  gsize n_read = 0;
  guint32 page_size, n_pages, app_id, user_version, change_counter, valid_for;
  goffset size;

  in = g_file_read (file, NULL, &local_error);
  if (in == NULL)
    {
      g_set_error (error, PHAEN_ERROR,
                   g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND)
                     ? PHAEN_ERROR_NOT_FOUND
                     : PHAEN_ERROR_IO,
                   _ ("“%s” could not be opened: %s"), base, local_error->message);
      return FALSE;
    }
  info = g_file_input_stream_query_info (in, G_FILE_ATTRIBUTE_STANDARD_SIZE, NULL, NULL);
  size = info ? g_file_info_get_size (info) : 0;
  if (size == 0)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_NOT_WORKSPACE,
                   _ ("“%s” is empty: it is not a Phaen workspace."), base);
      return FALSE;
    }
  if (!g_input_stream_read_all (G_INPUT_STREAM (in), header, sizeof header, &n_read, NULL,
                                &local_error))
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_IO, _ ("“%s” could not be read: %s"), base,
                   local_error->message);
      return FALSE;
    }
  if (n_read < 16 || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_NOT_WORKSPACE,
                   _ ("“%s” is not a Phaen workspace (.phaen file)."), base);
      return FALSE;
    }
  if (n_read < sizeof header)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_CORRUPT,
                   _ ("“%s” is cut short: the workspace is damaged."), base);
      return FALSE;
    }

  page_size = read_be (header + 16, 2);
  if (page_size == 1)
    page_size = 65536;
  n_pages = read_be (header + 28, 4);
  change_counter = read_be (header + 24, 4);
  user_version = read_be (header + 60, 4);
  app_id = read_be (header + 68, 4);
  valid_for = read_be (header + 92, 4);

  if (app_id != PHAEN_STORE_APPLICATION_ID)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_NOT_WORKSPACE,
                   _ ("“%s” is a database of another program, not a Phaen workspace."), base);
      return FALSE;
    }
  if (user_version > PHAEN_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_TOO_NEW,
                   _ ("“%s” was saved by a newer version of Phaen: update Phaen to open it."),
                   base);
      return FALSE;
    }
  /* The in-header size is valid when the two counters match (SQLite file format §1.3.7). */
  if (change_counter == valid_for && (goffset)page_size * n_pages > size && !has_wal_frames (path))
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_CORRUPT,
                   _ ("“%s” is cut short: the workspace is damaged."), base);
      return FALSE;
    }
  return TRUE;
}

static gboolean
quick_check (const char *path, GError **error)
{
  g_autofree char *base = g_path_get_basename (path);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        ok = g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), "ok") == 0;
    }
  if (!ok)
    {
      if (rc == SQLITE_ROW || (rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB)
        g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_CORRUPT,
                     _ ("“%s” is damaged: the workspace cannot be read safely."), base);
      else
        set_sqlite_error (db, rc, path, error);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return ok;
}

/* ------------------------------------------------------------------ schema */

/* Looked up in our own GResource rather than the global registry: in the static libphaen
 * nothing else references the generated resource object, so the linker drops it together with
 * its constructor that would have registered it. */
static gboolean
exec_resource (PhaenStore *self, const char *resource, GError **error)
{
  g_autoptr (GBytes) bytes =
    g_resource_lookup_data (phaen_core_get_resource (), resource, 0, error);
  g_autofree char *sql = NULL;

  if (bytes == NULL)
    return FALSE;
  sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  return _phaen_store_exec (self, sql, error);
}

static int
get_user_version (PhaenStore *self)
{
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return version;
}

/* Brings the file to PHAEN_STORE_SCHEMA_VERSION in one transaction. An existing workspace is
 * copied aside first, so a migration can never cost the user their data. */
static gboolean
migrate (PhaenStore *self, GError **error)
{
  int version = get_user_version (self);
  g_autofree char *pragma = NULL;

  if (version == PHAEN_STORE_SCHEMA_VERSION)
    return TRUE;

  if (version > 0)
    {
      g_autofree char *backup = g_strdup_printf ("%s.v%d.bak", self->path, version);
      g_autofree char *sql = sql_printf ("VACUUM INTO %Q", backup);

      if (!g_file_test (backup, G_FILE_TEST_EXISTS) && !_phaen_store_exec (self, sql, error))
        return FALSE;
    }

  if (!_phaen_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  for (int v = version; v < PHAEN_STORE_SCHEMA_VERSION; v++)
    if (!exec_resource (self, migrations[v], error))
      {
        _phaen_store_exec (self, "ROLLBACK", NULL);
        return FALSE;
      }
  pragma = g_strdup_printf ("PRAGMA user_version = %d", PHAEN_STORE_SCHEMA_VERSION);
  if (!_phaen_store_exec (self, pragma, error) || !_phaen_store_exec (self, "COMMIT", error))
    {
      _phaen_store_exec (self, "ROLLBACK", NULL);
      return FALSE;
    }
  return TRUE;
}

/* Temporary triggers record, for each row change, the SQL that reverses it
 * (the technique of https://www.sqlite.org/undoredo.html). */
static gboolean
install_undo_triggers (PhaenStore *self, GError **error)
{
  if (!_phaen_store_exec (
        self, "CREATE TEMP TABLE undolog (seq INTEGER PRIMARY KEY, sql TEXT NOT NULL)", error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (undoable_tables); i++)
    {
      const char *table = undoable_tables[i];
      g_autoptr (GString) names = g_string_new (NULL);
      g_autoptr (GString) values = g_string_new (NULL);
      g_autoptr (GString) sets = g_string_new (NULL);
      g_autofree char *pragma = g_strdup_printf ("PRAGMA main.table_info(%s)", table);
      g_autofree char *sql = NULL;
      sqlite3_stmt *stmt = NULL;

      if (sqlite3_prepare_v2 (self->db, pragma, -1, &stmt, NULL) != SQLITE_OK)
        return _phaen_store_set_error (self, sqlite3_errcode (self->db), error);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *col = (const char *)sqlite3_column_text (stmt, 1);

          g_string_append_printf (names, "%s%s", names->len ? "," : "", col);
          g_string_append_printf (values, "%s'||quote(old.%s)||'", values->len ? "," : "", col);
          g_string_append_printf (sets, "%s%s='||quote(old.%s)||'", sets->len ? "," : "", col, col);
        }
      sqlite3_finalize (stmt);

      sql = g_strdup_printf (
        "CREATE TEMP TRIGGER undo_%1$s_insert AFTER INSERT ON main.%1$s BEGIN "
        "  INSERT INTO undolog (sql) VALUES ('DELETE FROM %1$s WHERE id='||new.id); END;"
        "CREATE TEMP TRIGGER undo_%1$s_update AFTER UPDATE ON main.%1$s BEGIN "
        "  INSERT INTO undolog (sql) VALUES ('UPDATE %1$s SET %2$s WHERE id='||old.id); END;"
        "CREATE TEMP TRIGGER undo_%1$s_delete BEFORE DELETE ON main.%1$s BEGIN "
        "  INSERT INTO undolog (sql) VALUES ('INSERT INTO %1$s (%3$s) VALUES (%4$s)'); END;",
        table, sets->str, names->str, values->str);
      if (!_phaen_store_exec (self, sql, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
configure_connection (PhaenStore *self, GError **error)
{
  int enabled = 0;

  sqlite3_db_config (self->db, SQLITE_DBCONFIG_DEFENSIVE, 1, &enabled);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, &enabled);
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 2000);
  sqlite3_create_function (self->db, "phaen_code_key", 1,
                           SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
                           sql_code_key, NULL, NULL);

  /* WAL with FULL sync: a commit survives a crash and a power cut. */
  return _phaen_store_exec (self,
                            "PRAGMA trusted_schema = OFF;"
                            "PRAGMA foreign_keys = ON;"
                            "PRAGMA journal_mode = WAL;"
                            "PRAGMA synchronous = FULL;",
                            error);
}

static PhaenStore *
open_connection (const char *path, gboolean create, GError **error)
{
  g_autoptr (PhaenStore) self = g_object_new (PHAEN_TYPE_STORE, NULL);
  int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE | SQLITE_OPEN_EXCLUSIVE : 0);
  int rc;

  self->path = g_strdup (path);
  rc = sqlite3_open_v2 (path, &self->db, flags & ~SQLITE_OPEN_EXCLUSIVE, NULL);
  if (rc != SQLITE_OK)
    {
      _phaen_store_set_error (self, rc, error);
      return NULL;
    }
  if (!configure_connection (self, error))
    return NULL;

  if (create)
    {
      g_autofree char *pragma =
        g_strdup_printf ("PRAGMA application_id = %d", PHAEN_STORE_APPLICATION_ID);
      if (!_phaen_store_exec (self, pragma, error))
        return NULL;
    }
  if (!migrate (self, error) || !install_undo_triggers (self, error))
    return NULL;
  if (create)
    {
      g_autofree char *now = _phaen_now_iso8601 ();
      g_autofree char *sql = sql_printf (
        "INSERT INTO meta (key, value) VALUES ('created', %Q), ('generator', 'Phaen %q')", now,
        PACKAGE_VERSION);
      if (!_phaen_store_exec (self, sql, error))
        return NULL;
    }
  /* The application id and schema version must reach the main file now: a second connection
   * (an export thread) validates the file's header before SQLite reads the WAL. */
  sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_FULL, NULL, NULL);
  return g_steal_pointer (&self);
}

/* ------------------------------------------------------------------ edits and undo */

static gint64
last_undolog_seq (PhaenStore *self)
{
  sqlite3_stmt *stmt = NULL;
  gint64 seq = 0;

  if (sqlite3_prepare_v2 (self->db, "SELECT coalesce(max(seq), 0) FROM temp.undolog", -1, &stmt,
                          NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    seq = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return seq;
}

static void
forget_steps (PhaenStore *self, GArray *steps, guint n)
{
  for (guint i = 0; i < n && steps->len > 0; i++)
    {
      UndoStep *step = &g_array_index (steps, UndoStep, 0);
      g_autofree char *sql = g_strdup_printf (
        "DELETE FROM temp.undolog WHERE seq BETWEEN %" G_GINT64_FORMAT " AND %" G_GINT64_FORMAT,
        step->first, step->last);

      _phaen_store_exec (self, sql, NULL);
      g_array_remove_index (steps, 0);
    }
}

static void
push_step (GArray *steps, const char *label, gint64 first, gint64 last)
{
  UndoStep step = { g_strdup (label), first, last };

  g_array_append_val (steps, step);
}

gboolean
_phaen_store_edit_begin (PhaenStore *self, const char *label, GError **error)
{
  if (!_phaen_store_exec (self, "SAVEPOINT edit", error))
    return FALSE;
  if (self->edit_depth++ == 0)
    {
      g_free (self->edit_label);
      self->edit_label = g_strdup (label);
      self->edit_first_seq = last_undolog_seq (self) + 1;
    }
  return TRUE;
}

gboolean
_phaen_store_edit_end (PhaenStore *self, gboolean ok, GError **error)
{
  g_return_val_if_fail (self->edit_depth > 0, FALSE);

  if (!ok)
    {
      _phaen_store_exec (self, "ROLLBACK TO edit; RELEASE edit", NULL);
      self->edit_depth--;
      return FALSE;
    }
  if (self->edit_depth == 1)
    {
      gint64 last = last_undolog_seq (self);

      if (!_phaen_store_exec (self, "RELEASE edit", error))
        {
          _phaen_store_exec (self, "ROLLBACK TO edit; RELEASE edit", NULL);
          self->edit_depth--;
          return FALSE;
        }
      self->edit_depth--;
      if (last >= self->edit_first_seq && !self->replaying)
        {
          push_step (self->undo, self->edit_label, self->edit_first_seq, last);
          forget_steps (self, self->redo, self->redo->len);
          if (self->undo->len > MAX_UNDO_STEPS)
            forget_steps (self, self->undo, self->undo->len - MAX_UNDO_STEPS);
        }
      if (!self->replaying)
        g_signal_emit (self, signals[CHANGED], 0);
      return TRUE;
    }
  self->edit_depth--;
  return _phaen_store_exec (self, "RELEASE edit", error);
}

gboolean
_phaen_store_run_edit (PhaenStore *self, const char *label, PhaenStmt *stmt, GError **error)
{
  if (!_phaen_store_edit_begin (self, label, error))
    return FALSE;
  return _phaen_store_edit_end (self, _phaen_store_step_done (self, stmt, error), error);
}

/* An insert as one edit. The id is read before the edit ends: "changed" handlers run then and
 * may insert rows of their own. Returns 0 on failure. */
gint64
_phaen_store_run_insert (PhaenStore *self, const char *label, PhaenStmt *stmt, GError **error)
{
  gint64 id = 0;
  gboolean ok;

  if (!_phaen_store_edit_begin (self, label, error))
    return 0;
  ok = _phaen_store_step_done (self, stmt, error);
  if (ok)
    id = sqlite3_last_insert_rowid (self->db);
  return _phaen_store_edit_end (self, ok, error) ? id : 0;
}

/* Replays a step's inverse SQL, newest first; what the replay itself logs becomes the
 * opposite step. */
static gboolean
replay (PhaenStore *self, GArray *from, GArray *to, GError **error)
{
  UndoStep step;
  g_autoptr (GPtrArray) statements = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *select = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;
  gint64 first, last;

  g_return_val_if_fail (self->edit_depth == 0, FALSE);
  if (from->len == 0)
    return TRUE;
  step = g_array_index (from, UndoStep, from->len - 1);

  select = g_strdup_printf ("SELECT sql FROM temp.undolog WHERE seq BETWEEN %" G_GINT64_FORMAT
                            " AND %" G_GINT64_FORMAT " ORDER BY seq DESC",
                            step.first, step.last);
  if (sqlite3_prepare_v2 (self->db, select, -1, &stmt, NULL) != SQLITE_OK)
    return _phaen_store_set_error (self, sqlite3_errcode (self->db), error);
  /* The log is a temporary table of our own, not the file's: its statements are taken whole
   * (a stored file's bytes make one longer than any text field may be). */
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (statements, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  self->replaying = TRUE;
  if (!_phaen_store_edit_begin (self, step.label, error))
    {
      self->replaying = FALSE;
      return FALSE;
    }
  first = self->edit_first_seq;
  for (guint i = 0; ok && i < statements->len; i++)
    ok = _phaen_store_exec (self, g_ptr_array_index (statements, i), error);
  if (ok)
    {
      g_autofree char *forget = g_strdup_printf (
        "DELETE FROM temp.undolog WHERE seq BETWEEN %" G_GINT64_FORMAT " AND %" G_GINT64_FORMAT,
        step.first, step.last);
      ok = _phaen_store_exec (self, forget, error);
    }
  last = last_undolog_seq (self);
  ok = _phaen_store_edit_end (self, ok, ok ? error : NULL) && ok;
  self->replaying = FALSE;
  if (!ok)
    return FALSE;

  push_step (to, step.label, first, last);
  g_free (g_array_index (from, UndoStep, from->len - 1).label);
  g_array_index (from, UndoStep, from->len - 1).label = NULL;
  g_array_remove_index (from, from->len - 1);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

/* ------------------------------------------------------------------ GObject */

static void
phaen_store_finalize (GObject *object)
{
  PhaenStore *self = PHAEN_STORE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db)
    {
      /* Fold the WAL back so the .phaen file alone holds everything when it is copied. */
      sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
      sqlite3_close_v2 (self->db);
    }
  g_clear_pointer (&self->undo, g_array_unref);
  g_clear_pointer (&self->redo, g_array_unref);
  g_clear_pointer (&self->edit_label, g_free);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (phaen_store_parent_class)->finalize (object);
}

static void
phaen_store_class_init (PhaenStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = phaen_store_finalize;

  /**
   * PhaenStore::changed:
   *
   * Emitted after an edit was committed, undone or redone.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                   NULL, NULL, G_TYPE_NONE, 0);
}

static void
phaen_store_init (PhaenStore *self)
{
  self->statements =
    g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify)sqlite3_finalize);
  self->undo = g_array_new (FALSE, TRUE, sizeof (UndoStep));
  g_array_set_clear_func (self->undo, undo_step_clear);
  self->redo = g_array_new (FALSE, TRUE, sizeof (UndoStep));
  g_array_set_clear_func (self->redo, undo_step_clear);
}

/* ------------------------------------------------------------------ public API */

/**
 * phaen_store_open:
 * @path: a .phaen file
 *
 * Returns: (transfer full): the workspace, or %NULL with @error set. A file that is not a
 * workspace is left untouched.
 */
PhaenStore *
phaen_store_open (const char *path, GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  if (!check_header (path, error) || !quick_check (path, error))
    return NULL;
  return open_connection (path, FALSE, error);
}

/**
 * phaen_store_create:
 * @path: where the new workspace goes; nothing may be there yet
 *
 * Returns: (transfer full): an empty workspace
 */
PhaenStore *
phaen_store_create (const char *path, GError **error)
{
  g_autofree char *base = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      base = g_path_get_basename (path);
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_IO, _ ("“%s” already exists."), base);
      return NULL;
    }
  return open_connection (path, TRUE, error);
}

static void
open_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  GError *error = NULL;
  PhaenStore *store = phaen_store_open (task_data, &error);

  if (store)
    g_task_return_pointer (task, store, g_object_unref);
  else
    g_task_return_error (task, error);
}

void
phaen_store_open_async (const char *path,
                        GCancellable *cancellable,
                        GAsyncReadyCallback callback,
                        gpointer user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, phaen_store_open_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, open_thread);
}

/**
 * phaen_store_open_finish:
 *
 * Returns: (transfer full): the workspace; it belongs to the calling thread from now on
 */
PhaenStore *
phaen_store_open_finish (GAsyncResult *result, GError **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

const char *
phaen_store_get_path (PhaenStore *self)
{
  g_return_val_if_fail (PHAEN_IS_STORE (self), NULL);
  return self->path;
}

static gboolean
same_file (const GStatBuf *a, const char *path)
{
  GStatBuf b;

  return g_stat (path, &b) == 0 && a->st_dev == b.st_dev && a->st_ino == b.st_ino;
}

gboolean
phaen_store_is_own_file (PhaenStore *self, const char *path)
{
  static const char *const companions[] = { "", "-wal", "-shm", "-journal" };
  g_autofree char *target = NULL;
  GStatBuf target_stat;
  gboolean exists;

  g_return_val_if_fail (PHAEN_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  target = g_canonicalize_filename (path, NULL);
  exists = g_stat (path, &target_stat) == 0;
  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    {
      g_autofree char *own = g_strconcat (self->path, companions[i], NULL);
      g_autofree char *own_canonical = g_canonicalize_filename (own, NULL);

      /* By name too: a -wal that does not exist yet would be created and then misread. */
      if (g_str_equal (target, own_canonical) || (exists && same_file (&target_stat, own)))
        return TRUE;
    }
  return FALSE;
}

gboolean
phaen_store_begin (PhaenStore *self, const char *label, GError **error)
{
  g_return_val_if_fail (PHAEN_IS_STORE (self), FALSE);
  return _phaen_store_edit_begin (self, label, error);
}

gboolean
phaen_store_commit (PhaenStore *self, GError **error)
{
  g_return_val_if_fail (PHAEN_IS_STORE (self), FALSE);
  return _phaen_store_edit_end (self, TRUE, error);
}

void
phaen_store_rollback (PhaenStore *self)
{
  g_return_if_fail (PHAEN_IS_STORE (self));
  _phaen_store_edit_end (self, FALSE, NULL);
}

gboolean
phaen_store_can_undo (PhaenStore *self)
{
  g_return_val_if_fail (PHAEN_IS_STORE (self), FALSE);
  return self->undo->len > 0;
}

gboolean
phaen_store_can_redo (PhaenStore *self)
{
  g_return_val_if_fail (PHAEN_IS_STORE (self), FALSE);
  return self->redo->len > 0;
}

const char *
phaen_store_get_undo_label (PhaenStore *self)
{
  g_return_val_if_fail (PHAEN_IS_STORE (self), NULL);
  return self->undo->len ? g_array_index (self->undo, UndoStep, self->undo->len - 1).label : NULL;
}

const char *
phaen_store_get_redo_label (PhaenStore *self)
{
  g_return_val_if_fail (PHAEN_IS_STORE (self), NULL);
  return self->redo->len ? g_array_index (self->redo, UndoStep, self->redo->len - 1).label : NULL;
}

gboolean
phaen_store_undo (PhaenStore *self, GError **error)
{
  g_return_val_if_fail (PHAEN_IS_STORE (self), FALSE);
  return replay (self, self->undo, self->redo, error);
}

gboolean
phaen_store_redo (PhaenStore *self, GError **error)
{
  g_return_val_if_fail (PHAEN_IS_STORE (self), FALSE);
  return replay (self, self->redo, self->undo, error);
}

void
phaen_store_clear_history (PhaenStore *self)
{
  g_return_if_fail (PHAEN_IS_STORE (self));
  g_array_set_size (self->undo, 0);
  g_array_set_size (self->redo, 0);
  _phaen_store_exec (self, "DELETE FROM temp.undolog", NULL);
}

gboolean
phaen_store_get_stats (PhaenStore *self, PhaenStoreStats *stats, GError **error)
{
  g_autoptr (PhaenStmt) stmt = NULL;

  g_return_val_if_fail (PHAEN_IS_STORE (self), FALSE);

  stmt = _phaen_store_prepare (self,
                               "SELECT (SELECT count(*) FROM unit), (SELECT count(*) FROM person),"
                               " (SELECT count(*) FROM fiscal_year), (SELECT count(*) FROM plan),"
                               " (SELECT count(*) FROM activity),"
                               " (SELECT count(*) FROM indicator),"
                               " (SELECT count(*) FROM result), (SELECT count(*) FROM evidence)",
                               error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return _phaen_store_set_error (self, sqlite3_errcode (self->db), error);
  stats->units = sqlite3_column_int (stmt, 0);
  stats->people = sqlite3_column_int (stmt, 1);
  stats->fiscal_years = sqlite3_column_int (stmt, 2);
  stats->plans = sqlite3_column_int (stmt, 3);
  stats->activities = sqlite3_column_int (stmt, 4);
  stats->indicators = sqlite3_column_int (stmt, 5);
  stats->results = sqlite3_column_int (stmt, 6);
  stats->evidence = sqlite3_column_int (stmt, 7);
  return TRUE;
}
