/* phaen-store.c — opening, validating and migrating a workspace; edits, undo and redo
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How a workspace keeps every acknowledged edit
 * ---------------------------------------------
 * An edit is acknowledged when its call returns; by then it is in the .phaen file itself.
 *
 * - Rollback journal (journal_mode=PERSIST), synchronous=FULL. Between edits the .phaen file
 *   alone is complete: a copy, an e-mail attachment or a backup taken while the app is open
 *   holds every edit, and no -wal/-shm sidecar exists that another program could checkpoint
 *   and delete while we keep writing into it. The old WAL design lost every later edit once
 *   anything in the process closed a second descriptor of the file (POSIX locks belong to the
 *   process and inode, so any close() drops them all) and another process then opened the
 *   file, checkpointed and unlinked the -wal. A rollback journal holds SQLite's locks only for
 *   the milliseconds of a commit, and every new transaction re-reads the file's change counter,
 *   so a descriptor closed behind SQLite's back costs nothing between edits. It also works on
 *   SMB/NFS shares, where WAL's shared memory does not.
 * - Phaen itself never opens the workspace through a second descriptor: the header is read
 *   through SQLite's own file handle (check_header()), and in-process readers (the export
 *   thread) open SQLite connections, whose descriptors SQLite shares per inode.
 * - One writer at a time: a lock file beside the workspace (phaen-workspace-lock.c) names who
 *   has it open, where and since when; others open it read-only. A reader notices another
 *   writer's commits through PRAGMA data_version (phaen_store_check_outside_change()), and undo
 *   history is forgotten then, so undo can never revert someone else's edit.
 * - Opening to look (PHAEN_STORE_OPEN_READ_ONLY) writes nothing at all: no lock, no journal,
 *   no migration.
 *
 * Cost: bench/bench-edit measures one edit on the ministry workspace against a bare SQLite
 * program. Creating and deleting (or truncating) the journal for every commit, as DELETE and
 * TRUNCATE do, costs a file-system metadata commit each time (~19 ms on ext4 here); PERSIST
 * keeps the journal file and only zeroes its header after a commit — as safe against a crash
 * or a power cut, and a commit is then a few data syncs (~1 ms). The kept -journal is never
 * needed to read the .phaen file (a zeroed header is not a hot journal), and closing the
 * workspace switches back to DELETE, which removes it. */
#define G_LOG_DOMAIN "phaen-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "phaen-core-resources.h"
#include "phaen-store-private.h"
#include "phaen-workspace-lock.h"

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

  char *path; /* resolved: no links */
  sqlite3 *db;
  GHashTable *statements; /* sql → sqlite3_stmt* */
  PhaenStoreReadOnly read_only;
  char *lock_token;      /* NULL unless this store holds the lock file */
  gint64 data_version;   /* PRAGMA data_version after our last look */
  gint64 evidence_limit; /* bytes; 0: no limit */
  gboolean opened;       /* validated and set up: a refused file is closed untouched */
  gboolean after_crash;  /* the lock of a writer that is gone was taken over */
  gboolean unit_copy;    /* meta "unit-copy" is set: the office's records are read-only */
  PhaenChanges *pending; /* rows changed since "records-changed" was last emitted */

  guint read_depth; /* phaen_store_read_begin() */
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
  RECORDS_CHANGED,
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
row_changed_cb (void *data, int op, const char *db, const char *table, sqlite3_int64 rowid);

/* Forward migrations: schema/00N-*.sql brings user_version N-1 to N. */
static const char *const migrations[] = {
  "/io/github/phaen/core/schema/001-initial.sql",
  "/io/github/phaen/core/schema/002-evidence-aside.sql",
  "/io/github/phaen/core/schema/003-unit-copies.sql",
  "/io/github/phaen/core/schema/004-person-email.sql",
  "/io/github/phaen/core/schema/005-pmqa-assessment.sql",
  "/io/github/phaen/core/schema/006-activity-levels.sql",
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

/* SQLite's own messages are English and technical: the user reads why in their language, and
 * the original goes to the debug log. */
static const char *
sqlite_reason (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return _ ("another program is using the workspace right now; try again in a moment");
    case SQLITE_READONLY:
      return _ ("the workspace cannot be written");
    case SQLITE_PERM:
    case SQLITE_AUTH:
      return _ ("permission was refused");
    case SQLITE_CANTOPEN:
      return _ ("the file or its folder cannot be opened");
    case SQLITE_IOERR:
      return _ ("the disk reported an error while reading or writing");
    case SQLITE_NOMEM:
      return _ ("the computer ran out of memory");
    case SQLITE_TOOBIG:
      return _ ("a value is too large");
    case SQLITE_CONSTRAINT:
      return _ ("the change breaks a rule of the workspace (a duplicate or a missing link)");
    case SQLITE_MISMATCH:
    case SQLITE_RANGE:
    case SQLITE_ERROR:
    default:
      return _ ("an internal error");
    }
}

/* What the guard triggers of a unit copy raise: never shown, mapped to the message below. */
#define OFFICE_OWNED_MESSAGE "phaen:office-owned"

static gboolean
set_office_owned_error (GError **error)
{
  g_set_error_literal (error, PHAEN_ERROR, PHAEN_ERROR_READ_ONLY,
                       _ ("The change was not saved: this is a unit copy. Plans, indicators, "
                          "criteria and weights belong to the planning office and cannot be "
                          "changed here; results, progress and evidence can."));
  return FALSE;
}

static gboolean
set_sqlite_error (sqlite3 *db, int rc, const char *path, GError **error)
{
  int code = PHAEN_ERROR_FAILED;
  g_autofree char *base = path ? g_path_get_basename (path) : NULL;

  g_debug ("SQLite %d: %s", rc, db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
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
                   _ ("“%s” is damaged and cannot be read."), base ? base : "");
      return FALSE;
    case SQLITE_NOTADB:
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_NOT_WORKSPACE,
                   _ ("“%s” is not a Phaen workspace."), base ? base : "");
      return FALSE;
    case SQLITE_CONSTRAINT:
      /* The guard of a unit copy (install_unit_copy_guard()) refused the edit. */
      if (rc == SQLITE_CONSTRAINT_TRIGGER && db != NULL &&
          g_strcmp0 (sqlite3_errmsg (db), OFFICE_OWNED_MESSAGE) == 0)
        return set_office_owned_error (error);
      code = PHAEN_ERROR_INVALID;
      break;
    default:
      break;
    }

  g_set_error (error, PHAEN_ERROR, code, _ ("The workspace could not be used: %s (code %d)."),
               sqlite_reason (rc), rc);
  return FALSE;
}

static gboolean
set_too_new_error (const char *path, GError **error)
{
  g_autofree char *base = g_path_get_basename (path);

  g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_TOO_NEW,
               _ ("“%s” was saved by a newer version of Phaen: update Phaen to open it."), base);
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

/* A fresh UUID for rows copied with INSERT … SELECT (duplicating a plan). */
static void
sql_new_uuid (sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
  g_autofree char *uuid = _phaen_new_uuid ();

  sqlite3_result_text (ctx, uuid, -1, SQLITE_TRANSIENT);
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

/* TRUE when a write-ahead log with at least one frame lies beside @path (a workspace of an
 * older Phaen, which used WAL). A checkpoint cut short leaves the main file's header counting
 * pages that only the log holds yet, so such a file is not truncated (SQLite file format §4).
 * The log is another inode: reading it cannot drop SQLite's locks on the workspace. */
static gboolean
has_wal_frames (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  FILE *file = NULL;
  guint8 header[32];
  guint32 magic;
  gboolean frames;
  GStatBuf st;

  /* A FIFO named like a log would block fopen() until someone writes it. */
  if (g_stat (wal, &st) != 0 || !S_ISREG (st.st_mode) || (file = g_fopen (wal, "rb")) == NULL)
    return FALSE;
  frames = fread (header, 1, sizeof header, file) == sizeof header && fgetc (file) != EOF;
  fclose (file);
  if (!frames)
    return FALSE;
  magic = read_be (header, 4);
  return magic == 0x377f0682 || magic == 0x377f0683;
}

/* Whether anything lies at @path's -wal: SQLite then reads the file in WAL mode, whatever its
 * header says, and creates a -shm beside it, even for a reader. */
static gboolean
has_wal_file (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf st;

  return g_lstat (wal, &st) == 0;
}

/* Resolves links and refuses anything but an existing regular file: a FIFO would hang every
 * reader, a device or a folder is no workspace. */
static char *
resolve_workspace_path (const char *path, GStatBuf *st, GError **error)
{
  g_autofree char *base = g_path_get_basename (path);
  char *resolved = realpath (path, NULL);
  int saved_errno = errno;

  if (resolved == NULL)
    {
      g_set_error (error, PHAEN_ERROR,
                   saved_errno == ENOENT ? PHAEN_ERROR_NOT_FOUND : PHAEN_ERROR_IO,
                   _ ("“%s” could not be opened: %s"), base, g_strerror (saved_errno));
      return NULL;
    }
  if (g_stat (resolved, st) != 0 || !S_ISREG (st->st_mode))
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_NOT_WORKSPACE,
                   _ ("“%s” is not a file: only a workspace file (.phaen) can be opened."), base);
      free (resolved);
      return NULL;
    }
  {
    char *copy = g_strdup (resolved);

    free (resolved);
    return copy;
  }
}

/* Why a workspace that was asked for editing can only be read. Write bits are read from the
 * mode too, not only access(): an officer who marked a file read-only means it even as root. */
static PhaenStoreReadOnly
read_only_reason (const char *path, const GStatBuf *st)
{
  g_autofree char *dir = g_path_get_dirname (path);
  struct statvfs vfs;
  GStatBuf dir_st;

  if (statvfs (path, &vfs) == 0 && (vfs.f_flag & ST_RDONLY))
    return PHAEN_STORE_READ_ONLY_MEDIUM;
  if ((st->st_mode & 0222) == 0 || access (path, W_OK) != 0)
    return PHAEN_STORE_READ_ONLY_FILE;
  if (g_stat (dir, &dir_st) != 0 || (dir_st.st_mode & 0222) == 0 || access (dir, W_OK) != 0)
    return PHAEN_STORE_READ_ONLY_FOLDER;
  return PHAEN_STORE_WRITABLE;
}

/* Checks the 100-byte SQLite header before SQLite interprets anything: an empty, foreign,
 * truncated or newer file is refused untouched. It is read through the connection's own file
 * handle: a descriptor of our own, once closed, would drop SQLite's POSIX locks on the file
 * (they belong to the process and the inode, and any close() releases them all). */
static gboolean
check_header (sqlite3 *db, const char *path, GError **error)
{
  g_autofree char *base = g_path_get_basename (path);
  sqlite3_file *file = NULL;
  guint8 header[100] = { 0 };
  guint32 page_size, n_pages, app_id, user_version, change_counter, valid_for;
  sqlite3_int64 size = 0;
  int rc;

  if (sqlite3_file_control (db, "main", SQLITE_FCNTL_FILE_POINTER, &file) != SQLITE_OK ||
      file == NULL || file->pMethods == NULL ||
      file->pMethods->xFileSize (file, &size) != SQLITE_OK)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_IO, _ ("“%s” could not be read."), base);
      return FALSE;
    }
  if (size == 0)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_NOT_WORKSPACE,
                   _ ("“%s” is empty: it is not a Phaen workspace."), base);
      return FALSE;
    }
  rc = file->pMethods->xRead (file, header, sizeof header, 0);
  if (rc != SQLITE_OK && rc != SQLITE_IOERR_SHORT_READ)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_IO, _ ("“%s” could not be read."), base);
      return FALSE;
    }
  if (memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_NOT_WORKSPACE,
                   _ ("“%s” is not a Phaen workspace (.phaen file)."), base);
      return FALSE;
    }
  if (size < (sqlite3_int64)sizeof header)
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
    return set_too_new_error (path, error);
  /* The in-header size is valid when the two counters match (SQLite file format §1.3.7). */
  if (change_counter == valid_for && (sqlite3_int64)page_size * n_pages > size &&
      !has_wal_frames (path))
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_CORRUPT,
                   _ ("“%s” is cut short: the workspace is damaged."), base);
      return FALSE;
    }
  return TRUE;
}

static gboolean
quick_check (PhaenStore *self, GError **error)
{
  g_autofree char *base = g_path_get_basename (self->path);
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        ok = g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), "ok") == 0;
    }
  sqlite3_finalize (stmt);
  if (!ok)
    {
      if (rc == SQLITE_ROW || (rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB)
        g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_CORRUPT,
                     _ ("“%s” is damaged: the workspace cannot be read safely."), base);
      else
        _phaen_store_set_error (self, rc, error);
    }
  return ok;
}

/* ------------------------------------------------------------------ schema */

/* Looked up in our own GResource rather than the global registry: in the static libphaen
 * nothing else references the generated resource object, so the linker drops it together with
 * its constructor that would have registered it. */
static gboolean
exec_resource (sqlite3 *db, const char *resource, GError **error)
{
  g_autoptr (GBytes) bytes =
    g_resource_lookup_data (phaen_core_get_resource (), resource, 0, error);
  g_autofree char *sql = NULL;
  int rc;

  if (bytes == NULL)
    return FALSE;
  sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  rc = sqlite3_exec (db, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return set_sqlite_error (db, rc, NULL, error);
  return TRUE;
}

/* Runs the migrations that bring a schema from @from to @to. */
static gboolean
apply_migrations (sqlite3 *db, int from, int to, GError **error)
{
  for (int v = from; v < to; v++)
    if (!exec_resource (db, migrations[v], error))
      return FALSE;
  return TRUE;
}

/* The first column of the first row of @sql, or @fallback when there is none. */
static gint64
query_int64 (sqlite3 *db, const char *sql, gint64 fallback)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = fallback;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* The first column of the first row of @sql as text, or %NULL. Returns: (transfer full) */
static char *
query_text (sqlite3 *db, const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    text = _phaen_column_strdup (stmt, 0);
  sqlite3_finalize (stmt);
  return text;
}

static int
get_user_version (sqlite3 *db)
{
  return (int)query_int64 (db, "PRAGMA user_version", -1);
}

static const char *
column_or_empty (sqlite3_stmt *stmt, int column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  return text ? text : "";
}

/* Every object of @schema ("main", "src") as "type name on table: sql" lines, sorted. @path
 * names the file in an error ("“x.phaen” is damaged"). */
static GPtrArray *
list_schema (sqlite3 *db, const char *schema, const char *path, GError **error)
{
  g_autofree char *sql = sql_printf (
    "SELECT type, name, tbl_name, sql FROM %w.sqlite_schema ORDER BY type, name", schema);
  g_autoptr (GPtrArray) objects = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      set_sqlite_error (db, rc, path, error);
      return NULL;
    }
  /* An automatic index has no SQL: printed as "", not through printf's NULL. */
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (objects, g_strdup_printf ("%s “%s” on “%s”: %s", column_or_empty (stmt, 0),
                                               column_or_empty (stmt, 1), column_or_empty (stmt, 2),
                                               column_or_empty (stmt, 3)));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (db, rc, path, error);
      return NULL;
    }
  return g_steal_pointer (&objects);
}

/* The schema Phaen writes at @version, built in memory from the same migration scripts. */
static GPtrArray *
expected_schema (int version, GError **error)
{
  sqlite3 *db = NULL;
  GPtrArray *objects = NULL;

  if (sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY, NULL) ==
        SQLITE_OK &&
      apply_migrations (db, 0, version, error))
    objects = list_schema (db, "main", NULL, error);
  sqlite3_close (db);
  return objects;
}

static gboolean
has_object (GPtrArray *objects, const char *object)
{
  return g_ptr_array_find_with_equal_func (objects, object, g_str_equal, NULL);
}

/* The object to name in the message: first one the file has and Phaen does not write (what was
 * added or changed), else one it lacks. Walking the two sorted lists side by side would name
 * an innocent neighbour as soon as one object is missing. */
static const char *
first_difference (GPtrArray *found, GPtrArray *expected)
{
  for (guint i = 0; i < found->len; i++)
    if (!has_object (expected, g_ptr_array_index (found, i)))
      return g_ptr_array_index (found, i);
  for (guint i = 0; i < expected->len; i++)
    if (!has_object (found, g_ptr_array_index (expected, i)))
      return g_ptr_array_index (expected, i);
  for (guint i = 0; i < MAX (found->len, expected->len); i++)
    {
      const char *a = i < found->len ? g_ptr_array_index (found, i) : NULL;
      const char *b = i < expected->len ? g_ptr_array_index (expected, i) : NULL;

      if (g_strcmp0 (a, b) != 0)
        return a ? a : b;
    }
  return NULL;
}

/* @text from the file as part of a one-line message: valid UTF-8, each run of line breaks,
 * tabs and other control characters one space, at most @max_chars characters. */
static char *
one_line (const char *text, glong max_chars)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *line = g_string_sized_new (strlen (valid));
  gboolean space = FALSE;
  glong n = 0;

  for (const char *p = valid; *p != '\0' && n < max_chars; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_iscntrl (c))
        {
          space = TRUE;
          continue;
        }
      if (space && line->len > 0)
        {
          g_string_append_c (line, ' ');
          n++;
        }
      space = FALSE;
      g_string_append_unichar (line, c);
      n++;
    }
  return g_string_free (line, FALSE);
}

/* The file's tables, columns, indexes, triggers and views must be exactly those that Phaen
 * writes at the file's version: a trigger added to a workspace would run attacker SQL on the
 * user's next edit (trusted_schema=OFF only blocks unsafe functions, not DML), and a view or a
 * table of another shape could shadow what Phaen reads. */
static gboolean
verify_schema (sqlite3 *db, const char *path, int version, GError **error)
{
  g_autoptr (GPtrArray) found = list_schema (db, "main", path, error);
  g_autoptr (GPtrArray) expected = NULL;
  g_autofree char *base = NULL;
  g_autofree char *detail = NULL;
  const char *difference;

  if (found == NULL)
    return FALSE;
  if (version == 0 && found->len == 0)
    return TRUE; /* a new file that was never given its tables */
  expected = expected_schema (version, error);
  if (expected == NULL)
    return FALSE;
  difference = first_difference (found, expected);
  if (difference == NULL)
    return TRUE;

  base = g_path_get_basename (path);
  detail = one_line (difference, 160);
  g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_SCHEMA,
               _ ("“%s” was changed by another program: its structure is not one Phaen writes "
                  "(%s). It was not opened and nothing in it ran; it can be repaired into a "
                  "clean copy."),
               base, detail);
  return FALSE;
}

/* Brings the database to PHAEN_STORE_SCHEMA_VERSION in one transaction. With @keep_backup, an
 * existing workspace is copied aside first, so a migration can never cost the user their
 * data. */
static gboolean
migrate (PhaenStore *self, int version, gboolean keep_backup, GError **error)
{
  g_autofree char *pragma = NULL;

  if (version == PHAEN_STORE_SCHEMA_VERSION)
    return TRUE;

  if (keep_backup && version > 0)
    {
      g_autofree char *backup = g_strdup_printf ("%s.v%d.bak", self->path, version);
      g_autofree char *sql = sql_printf ("VACUUM INTO %Q", backup);

      if (!g_file_test (backup, G_FILE_TEST_EXISTS) && !_phaen_store_exec (self, sql, error))
        return FALSE;
    }

  if (!_phaen_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  pragma = g_strdup_printf ("PRAGMA user_version = %d", PHAEN_STORE_SCHEMA_VERSION);
  if (!apply_migrations (self->db, version, PHAEN_STORE_SCHEMA_VERSION, error) ||
      !_phaen_store_exec (self, pragma, error) || !_phaen_store_exec (self, "COMMIT", error))
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

  /* The tables users edit (one per PhaenRecordKind); triggers on them record the inverse SQL. */
  for (PhaenRecordKind kind = 1; kind & PHAEN_RECORD_ALL; kind <<= 1)
    {
      const char *table = phaen_record_kind_to_table (kind);
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

/* A unit copy (src/sync/phaen-unit-copy.c) lets its unit enter results, progress and
 * evidence, and nothing the planning office owns: temporary triggers, like undo's, refuse any
 * change of the office's tables and of the office's columns of shared ones, whatever code path
 * makes it. They compare values (IS NOT), so undo replaying a whole row is let through as long
 * as the office's columns keep their values. */
static gboolean
install_unit_copy_guard (PhaenStore *self, GError **error)
{
  static const char *const office_tables[] = {
    "unit",           "person",    "fiscal_year",      "plan",      "plan_section",
    "budget_quarter", "indicator", "criteria_version", "criterion",
  };
  static const char *const activity_columns[] = {
    "id",   "uuid",     "plan_id", "parent_id", "position",
    "name", "category", "owner",   "budget",    "output",
  };
  g_autoptr (GString) sql = g_string_new (NULL);
  g_autoptr (GString) changed = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (office_tables); i++)
    for (guint op = 0; op < 3; op++)
      g_string_append_printf (sql,
                              "CREATE TEMP TRIGGER guard_%1$s_%2$s BEFORE %2$s ON main.%1$s BEGIN"
                              " SELECT RAISE (ABORT, '" OFFICE_OWNED_MESSAGE "'); END;",
                              office_tables[i],
                              (const char *[]){ "INSERT", "UPDATE", "DELETE" }[op]);
  for (guint i = 0; i < G_N_ELEMENTS (activity_columns); i++)
    g_string_append_printf (changed, "%sold.%s IS NOT new.%s", i ? " OR " : "", activity_columns[i],
                            activity_columns[i]);
  g_string_append_printf (
    sql,
    "CREATE TEMP TRIGGER guard_activity_INSERT BEFORE INSERT ON main.activity BEGIN"
    " SELECT RAISE (ABORT, '" OFFICE_OWNED_MESSAGE "'); END;"
    "CREATE TEMP TRIGGER guard_activity_DELETE BEFORE DELETE ON main.activity BEGIN"
    " SELECT RAISE (ABORT, '" OFFICE_OWNED_MESSAGE "'); END;"
    "CREATE TEMP TRIGGER guard_activity_UPDATE BEFORE UPDATE ON main.activity WHEN %s BEGIN"
    " SELECT RAISE (ABORT, '" OFFICE_OWNED_MESSAGE "'); END;"
    /* Month marks: planned, start and output (bits 0-2) are the office's plan; achieved
     * (bit 3) and the month's progress text are the unit's report. */
    "CREATE TEMP TRIGGER guard_activity_month_INSERT BEFORE INSERT ON main.activity_month"
    /* An upsert fires the insert trigger even when the row exists and it updates. */
    " WHEN new.marks & 7 <> 0 AND NOT EXISTS (SELECT 1 FROM main.activity_month"
    "  WHERE activity_id = new.activity_id AND month = new.month)"
    " BEGIN SELECT RAISE (ABORT, '" OFFICE_OWNED_MESSAGE "'); END;"
    "CREATE TEMP TRIGGER guard_activity_month_UPDATE BEFORE UPDATE ON main.activity_month"
    " WHEN old.activity_id IS NOT new.activity_id OR old.month IS NOT new.month"
    " OR old.marks & 7 IS NOT new.marks & 7"
    " BEGIN SELECT RAISE (ABORT, '" OFFICE_OWNED_MESSAGE "'); END;"
    "CREATE TEMP TRIGGER guard_activity_month_DELETE BEFORE DELETE ON main.activity_month"
    " WHEN old.marks & 7 <> 0 BEGIN SELECT RAISE (ABORT, '" OFFICE_OWNED_MESSAGE "'); END;"
    /* A score override is the office's (a committee's) decision. */
    "CREATE TEMP TRIGGER guard_result_INSERT BEFORE INSERT ON main.result"
    " WHEN new.score_override IS NOT NULL OR new.override_reason <> ''"
    " BEGIN SELECT RAISE (ABORT, '" OFFICE_OWNED_MESSAGE "'); END;"
    "CREATE TEMP TRIGGER guard_result_UPDATE BEFORE UPDATE ON main.result"
    " WHEN old.score_override IS NOT new.score_override"
    " OR old.override_reason IS NOT new.override_reason"
    " OR old.indicator_id IS NOT new.indicator_id OR old.quarter IS NOT new.quarter"
    " BEGIN SELECT RAISE (ABORT, '" OFFICE_OWNED_MESSAGE "'); END;",
    changed->str);
  return _phaen_store_exec (self, sql->str, error);
}

/* ------------------------------------------------------------------ connection */

static void
configure_connection (sqlite3 *db)
{
  int enabled = 0;

  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, &enabled);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, &enabled);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 1, &enabled);
  /* A refused file is closed as it was found: no checkpoint of an older Phaen's -wal into it.
   * (Switching an accepted one to a rollback journal folds the log in.) */
  sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, &enabled);
  sqlite3_extended_result_codes (db, 1);
  sqlite3_busy_timeout (db, 5000);
  sqlite3_create_function (db, "phaen_code_key", 1,
                           SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
                           sql_code_key, NULL, NULL);
  sqlite3_create_function (db, "phaen_new_uuid", 0, SQLITE_UTF8 | SQLITE_DIRECTONLY, NULL,
                           sql_new_uuid, NULL, NULL);
  sqlite3_exec (db, "PRAGMA trusted_schema = OFF", NULL, NULL, NULL);
}

/* A rollback journal with FULL sync (see the top of this file): a commit survives a crash and a
 * power cut, and the .phaen file alone holds every commit. The kept journal is cut back to
 * 1 MiB after a large transaction. A page cache of 32 MiB holds a ministry workspace (26 MB):
 * with SQLite's 2 MiB, a large step (a merge of packets, an import) spilled its pages to the
 * file, syncing the journal each time, and every scorecard read the file again. */
static gboolean
configure_for_editing (PhaenStore *self, GError **error)
{
  return _phaen_store_exec (self,
                            "PRAGMA foreign_keys = ON;"
                            "PRAGMA journal_mode = PERSIST;"
                            "PRAGMA journal_size_limit = 1048576;"
                            "PRAGMA synchronous = FULL;"
                            "PRAGMA cache_size = -32768;",
                            error);
}

static gint64
read_data_version (PhaenStore *self)
{
  return query_int64 (self->db, "PRAGMA data_version", -1);
}

static char *
read_only_uri (const char *path, gboolean immutable)
{
  g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);

  return g_strdup_printf ("file:%s?mode=ro%s", escaped, immutable ? "&immutable=1" : "");
}

static gboolean
copy_file (const char *from, const char *to)
{
  g_autoptr (GFile) source = g_file_new_for_path (from);
  g_autoptr (GFile) target = g_file_new_for_path (to);

  return g_file_copy (source, target, G_FILE_COPY_NONE, NULL, NULL, NULL, NULL);
}

static void
remove_snapshot (const char *dir, const char *copy)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (copy, suffixes[i], NULL);

      g_unlink (name);
    }
  g_rmdir (dir);
}

/* A -wal beside a workspace (an older Phaen has it open, or stopped before folding its log in,
 * or anyone put a file of that name there): reading in place would make SQLite create a -shm
 * beside it, so the file and its log are copied into a private folder and the log is folded
 * into the copy there (a log that is not one is dropped there). Returns
 * the copy's path, in *@dir, or %NULL with an SQLite code in *@rc. */
static char *
make_snapshot (const char *path, char **dir, int *rc)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *copy = NULL;
  g_autofree char *copy_wal = NULL;
  sqlite3 *db = NULL;

  *dir = g_dir_make_tmp ("phaen-snapshot-XXXXXX", NULL);
  if (*dir == NULL)
    {
      *rc = SQLITE_CANTOPEN;
      return NULL;
    }
  copy = g_build_filename (*dir, "snapshot.phaen", NULL);
  copy_wal = g_strconcat (copy, "-wal", NULL);
  if (!copy_file (path, copy) || !copy_file (wal, copy_wal))
    *rc = SQLITE_CANTOPEN;
  else if ((*rc = sqlite3_open_v2 (copy, &db, SQLITE_OPEN_READWRITE, NULL)) == SQLITE_OK)
    {
      configure_connection (db);
      /* Leaving WAL mode checkpoints the log into the copy (nothing of the file runs). */
      *rc = sqlite3_exec (db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
    }
  if (db != NULL && sqlite3_close (db) != SQLITE_OK && *rc == SQLITE_OK)
    *rc = SQLITE_IOERR;
  if (*rc != SQLITE_OK)
    {
      remove_snapshot (*dir, copy);
      g_clear_pointer (dir, g_free);
      return NULL;
    }
  return g_steal_pointer (&copy);
}

/* Opens the snapshot of @path (make_snapshot()) as immutable: SQLite never reopens it, so its
 * folder can go at once and nothing is left behind. */
static int
open_snapshot (const char *path, sqlite3 **db)
{
  g_autofree char *dir = NULL;
  g_autofree char *uri = NULL;
  int rc = SQLITE_OK;
  g_autofree char *copy = make_snapshot (path, &dir, &rc);

  if (copy == NULL)
    return rc;
  uri = read_only_uri (copy, TRUE);
  rc = sqlite3_open_v2 (uri, db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  remove_snapshot (dir, copy);
  return rc;
}

/* Opens @path to read. Whenever a -wal lies beside it, a snapshot is read (make_snapshot()).
 * Otherwise a workspace of an older Phaen in WAL mode (the header's read version, byte 19, is 2:
 * SQLite looks at that byte alone), where even a reader creates a -shm file, is read as
 * immutable: nobody is writing it, and nothing is created. The header is read through SQLite,
 * without a transaction, so deciding creates nothing either. */
static int
open_reader (const char *path, sqlite3 **db, gboolean *immutable)
{
  g_autofree char *uri = read_only_uri (path, FALSE);
  sqlite3_file *file = NULL;
  guint8 version[2] = { 0 };
  int rc;

  if (immutable != NULL)
    *immutable = FALSE;
  if (has_wal_file (path))
    return open_snapshot (path, db);
  rc = sqlite3_open_v2 (uri, db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);

  if (rc != SQLITE_OK ||
      sqlite3_file_control (*db, "main", SQLITE_FCNTL_FILE_POINTER, &file) != SQLITE_OK ||
      file == NULL || file->pMethods == NULL ||
      file->pMethods->xRead (file, version, sizeof version, 18) != SQLITE_OK || version[1] != 2)
    return rc;

  g_clear_pointer (db, sqlite3_close);
  g_clear_pointer (&uri, g_free);
  uri = read_only_uri (path, TRUE);
  if (immutable != NULL)
    *immutable = TRUE;
  return sqlite3_open_v2 (uri, db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
}

/* meta "session" is "open" while a writer has the workspace and "closed" once it closed it
 * cleanly: the full integrity check at open runs only when that is not so (a crash, a copy
 * taken while open, a file from an older Phaen) or a crashed writer's lock was taken over. It
 * reads every page, which at ministry scale costs more than the rest of opening. */
static gboolean
closed_cleanly (PhaenStore *self)
{
  g_autofree char *session = query_text (self->db, "SELECT value FROM meta WHERE key = 'session'");

  return g_strcmp0 (session, "closed") == 0;
}

static gboolean
has_meta (PhaenStore *self, const char *key)
{
  g_autofree char *value = _phaen_store_get_meta (self, key);

  return value != NULL;
}

static gboolean
mark_session (PhaenStore *self, const char *state, GError **error)
{
  g_autofree char *sql =
    sql_printf ("INSERT OR REPLACE INTO meta (key, value) VALUES ('session', %Q)", state);

  return _phaen_store_exec (self, sql, error);
}

/* Evidence bytes that no evidence row uses: their file was deleted and, now that no undo
 * history exists (a store opening or closing), can never come back. */
static void
purge_unused_blobs (PhaenStore *self)
{
  _phaen_store_exec (self,
                     "DELETE FROM evidence_blob WHERE id NOT IN"
                     " (SELECT blob_id FROM evidence WHERE blob_id IS NOT NULL)"
                     " AND id NOT IN (SELECT blob_id FROM pmqa_attachment)",
                     NULL);
}

/* An older workspace opened only to look: copied into memory and brought up to date there, so
 * that the file is never written and the rest of Phaen reads the current schema. */
static gboolean
migrate_in_memory (PhaenStore *self, int version, GError **error)
{
  sqlite3 *memory = NULL;
  sqlite3_backup *backup;
  int rc = sqlite3_open_v2 (":memory:", &memory, SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY, NULL);

  if (rc != SQLITE_OK)
    {
      sqlite3_close (memory);
      return _phaen_store_set_error (self, rc, error);
    }
  backup = sqlite3_backup_init (memory, "main", self->db, "main");
  rc = backup ? sqlite3_backup_step (backup, -1) : sqlite3_errcode (memory);
  sqlite3_backup_finish (backup);
  sqlite3_close (self->db);
  self->db = memory;
  configure_connection (self->db);
  if (rc != SQLITE_DONE)
    return _phaen_store_set_error (self, rc, error);
  return _phaen_store_exec (self, "PRAGMA foreign_keys = OFF", error) &&
         migrate (self, version, FALSE, error);
}

/* Opens @path (resolved, a regular file) with the lock already taken when writable. */
static gboolean
open_existing (PhaenStore *self, GError **error)
{
  int version;
  int rc;

  if (self->read_only != PHAEN_STORE_WRITABLE)
    rc = open_reader (self->path, &self->db, NULL);
  else
    rc = sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    return _phaen_store_set_error (self, rc, error);
  configure_connection (self->db);
  if (!check_header (self->db, self->path, error))
    return FALSE;

  /* The header's version may be stale when an older Phaen's -wal holds a newer one. */
  version = get_user_version (self->db);
  if (version < 0)
    return _phaen_store_set_error (self, sqlite3_errcode (self->db), error);
  if (version > PHAEN_STORE_SCHEMA_VERSION)
    return set_too_new_error (self->path, error);
  if (!verify_schema (self->db, self->path, version, error))
    return FALSE;

  if (self->read_only != PHAEN_STORE_WRITABLE)
    {
      self->data_version = read_data_version (self);
      if (version != PHAEN_STORE_SCHEMA_VERSION && !migrate_in_memory (self, version, error))
        return FALSE;
      self->unit_copy = has_meta (self, "unit-copy");
      return TRUE;
    }
  if (!configure_for_editing (self, error) ||
      ((self->after_crash || !closed_cleanly (self)) && !quick_check (self, error)) ||
      !migrate (self, version, TRUE, error) || !install_undo_triggers (self, error))
    return FALSE;
  self->unit_copy = has_meta (self, "unit-copy");
  if (self->unit_copy && !install_unit_copy_guard (self, error))
    return FALSE;
  /* Advisory: on a full disk the workspace still opens, and nothing can be written anyway. */
  mark_session (self, "open", NULL);
  sqlite3_update_hook (self->db, row_changed_cb, self);
  purge_unused_blobs (self);
  self->data_version = read_data_version (self);
  return TRUE;
}

static gboolean
create_new (PhaenStore *self, GError **error)
{
  g_autofree char *now = _phaen_now_iso8601 ();
  g_autofree char *pragma =
    g_strdup_printf ("PRAGMA application_id = %d", PHAEN_STORE_APPLICATION_ID);
  g_autofree char *meta =
    sql_printf ("INSERT INTO meta (key, value) VALUES ('created', %Q), ('generator', 'Phaen %q')",
                now, PACKAGE_VERSION);
  int rc =
    sqlite3_open_v2 (self->path, &self->db,
                     SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_EXCLUSIVE, NULL);

  if (rc != SQLITE_OK)
    return _phaen_store_set_error (self, rc, error);
  configure_connection (self->db);
  if (!configure_for_editing (self, error) || !_phaen_store_exec (self, pragma, error) ||
      !migrate (self, 0, FALSE, error) || !install_undo_triggers (self, error) ||
      !_phaen_store_exec (self, meta, error) || !mark_session (self, "open", error))
    return FALSE;
  sqlite3_update_hook (self->db, row_changed_cb, self);
  self->data_version = read_data_version (self);
  return TRUE;
}

/* ------------------------------------------------------------------ edits and undo */

/* SQLite tells which rows of which table each statement changed, the undo replay and the
 * triggers' cascades included: what "records-changed" reports. */
static void
row_changed_cb (void *data, int op, const char *db, const char *table, sqlite3_int64 rowid)
{
  PhaenStore *self = data;
  PhaenRecordKind kind;

  if (strcmp (db, "main") != 0)
    return;
  kind = phaen_record_kind_from_table (table);
  if (kind != 0)
    phaen_changes_add (self->pending, kind, rowid);
}

/* "records-changed" with what changed since the last time, then "changed". */
static void
emit_changes (PhaenStore *self)
{
  g_autoptr (PhaenChanges) changes = g_steal_pointer (&self->pending);

  self->pending = phaen_changes_new ();
  g_signal_emit (self, signals[RECORDS_CHANGED], 0, changes);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
forget_changes (PhaenStore *self)
{
  g_clear_pointer (&self->pending, phaen_changes_unref);
  self->pending = phaen_changes_new ();
}

/* Forgets undo and redo when another connection committed since our last look. */
static gboolean
forget_history_if_changed_outside (PhaenStore *self)
{
  gint64 version = read_data_version (self);

  if (version < 0 || version == self->data_version)
    return FALSE;
  self->data_version = version;
  phaen_store_clear_history (self);
  return TRUE;
}

static gboolean
set_read_only_error (PhaenStore *self, GError **error)
{
  const char *why;

  switch (self->read_only)
    {
    case PHAEN_STORE_READ_ONLY_FILE:
      why = _ ("the file is marked read-only");
      break;
    case PHAEN_STORE_READ_ONLY_FOLDER:
      why = _ ("its folder cannot be written");
      break;
    case PHAEN_STORE_READ_ONLY_MEDIUM:
      why = _ ("it is on a read-only disk");
      break;
    case PHAEN_STORE_READ_ONLY_REQUESTED:
    case PHAEN_STORE_WRITABLE:
    default:
      why = _ ("it was opened only for reading");
      break;
    }
  g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_READ_ONLY,
               _ ("The change was not saved: this workspace is open read-only (%s)."), why);
  return FALSE;
}

static gint64
last_undolog_seq (PhaenStore *self)
{
  return query_int64 (self->db, "SELECT coalesce(max(seq), 0) FROM temp.undolog", 0);
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
  /* Inside a read block, RELEASE edit would not commit: the edit would wait for the block. */
  g_return_val_if_fail (self->read_depth == 0, FALSE);
  if (self->read_only != PHAEN_STORE_WRITABLE)
    return set_read_only_error (self, error);
  /* Steps recorded before another writer's commit could revert it: they go. */
  if (self->edit_depth == 0 && !self->replaying)
    forget_history_if_changed_outside (self);
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
      if (--self->edit_depth == 0)
        forget_changes (self);
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
        emit_changes (self);
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

/* Like _phaen_store_run_edit(), for a statement on one row (a delete by id): when it touches no
 * row, nothing is recorded and the answer is NOT_FOUND with @not_found. */
gboolean
_phaen_store_run_edit_on_row (
  PhaenStore *self, const char *label, PhaenStmt *stmt, const char *not_found, GError **error)
{
  gboolean ok;

  if (!_phaen_store_edit_begin (self, label, error))
    return FALSE;
  ok = _phaen_store_step_done (self, stmt, error);
  if (ok && sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, PHAEN_ERROR, PHAEN_ERROR_NOT_FOUND, not_found);
      ok = FALSE;
    }
  return _phaen_store_edit_end (self, ok, error);
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
  if (forget_history_if_changed_outside (self))
    {
      g_set_error_literal (error, PHAEN_ERROR, PHAEN_ERROR_FAILED,
                           _ ("The workspace was changed by another program or person, so undo "
                              "and redo were cleared: they could have reverted the other edits."));
      phaen_changes_add_everything (self->pending);
      emit_changes (self);
      return FALSE;
    }
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
  emit_changes (self);
  return TRUE;
}

/* ------------------------------------------------------------------ GObject */

static void
phaen_store_finalize (GObject *object)
{
  PhaenStore *self = PHAEN_STORE (object);

  if (self->opened && self->read_only == PHAEN_STORE_WRITABLE)
    {
      purge_unused_blobs (self);
      mark_session (self, "closed", NULL);
      /* Removes the kept journal: a closed workspace is one file. */
      _phaen_store_exec (self, "PRAGMA journal_mode = DELETE", NULL);
    }
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->db, sqlite3_close_v2);
  phaen_lock_release (self->path, self->lock_token);
  g_clear_pointer (&self->lock_token, g_free);
  g_clear_pointer (&self->pending, phaen_changes_unref);
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
  /**
   * PhaenStore::records-changed:
   * @changes: (transfer none): which kinds of record changed, and which ids
   *
   * Emitted after an edit was committed, undone or redone, just before "changed", with what
   * it changed; after another writer's commit, with everything.
   */
  signals[RECORDS_CHANGED] =
    g_signal_new ("records-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, PHAEN_TYPE_CHANGES | G_SIGNAL_TYPE_STATIC_SCOPE);

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
  self->evidence_limit = PHAEN_STORE_DEFAULT_EVIDENCE_LIMIT;
  self->pending = phaen_changes_new ();
}

/* ------------------------------------------------------------------ public API */

/**
 * phaen_store_open_full:
 * @path: a .phaen file
 * @flags: how to open it
 *
 * Returns: (transfer full): the workspace, or %NULL with @error set. A file that is refused is
 * left untouched.
 */
PhaenStore *
phaen_store_open_full (const char *path, PhaenStoreOpenFlags flags, GError **error)
{
  g_autoptr (PhaenStore) self = NULL;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (PHAEN_TYPE_STORE, NULL);
  self->path = resolve_workspace_path (path, &st, error);
  if (self->path == NULL)
    return NULL;
  self->read_only = (flags & PHAEN_STORE_OPEN_READ_ONLY) ? PHAEN_STORE_READ_ONLY_REQUESTED
                                                         : read_only_reason (self->path, &st);
  if (self->read_only == PHAEN_STORE_WRITABLE)
    {
      self->lock_token = phaen_lock_acquire (
        self->path, (flags & PHAEN_STORE_OPEN_IGNORE_LOCK) != 0, &self->after_crash, error);
      if (self->lock_token == NULL)
        return NULL;
    }
  if (!open_existing (self, error))
    return NULL;
  self->opened = TRUE;
  return g_steal_pointer (&self);
}

PhaenStore *
phaen_store_open (const char *path, GError **error)
{
  return phaen_store_open_full (path, PHAEN_STORE_OPEN_DEFAULT, error);
}

PhaenStore *
phaen_store_open_read_only (const char *path, GError **error)
{
  return phaen_store_open_full (path, PHAEN_STORE_OPEN_READ_ONLY, error);
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
  g_autoptr (PhaenStore) self = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *real_dir = NULL;
  g_autofree char *base = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  base = g_path_get_basename (path);
  if (g_file_test (path, G_FILE_TEST_EXISTS) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_IO, _ ("“%s” already exists."), base);
      return NULL;
    }
  dir = g_path_get_dirname (path);
  real_dir = realpath (dir, NULL);
  if (real_dir == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_IO, _ ("“%s” could not be made: %s"), base,
                   g_strerror (saved_errno));
      return NULL;
    }
  self = g_object_new (PHAEN_TYPE_STORE, NULL);
  self->path = g_build_filename (real_dir, base, NULL);
  self->lock_token = phaen_lock_acquire (self->path, FALSE, NULL, error);
  if (self->lock_token == NULL)
    return NULL;
  if (!create_new (self, error))
    {
      g_clear_pointer (&self->db, sqlite3_close_v2);
      g_unlink (self->path);
      return NULL;
    }
  self->opened = TRUE;
  return g_steal_pointer (&self);
}

typedef struct
{
  char *path;
  PhaenStoreOpenFlags flags;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_free (data->path);
  g_free (data);
}

static void
open_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  OpenData *data = task_data;
  GError *error = NULL;
  PhaenStore *store = phaen_store_open_full (data->path, data->flags, &error);

  if (store)
    g_task_return_pointer (task, store, g_object_unref);
  else
    g_task_return_error (task, error);
}

void
phaen_store_open_async (const char *path,
                        PhaenStoreOpenFlags flags,
                        GCancellable *cancellable,
                        GAsyncReadyCallback callback,
                        gpointer user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  OpenData *data = g_new0 (OpenData, 1);

  data->path = g_strdup (path);
  data->flags = flags;
  g_task_set_source_tag (task, phaen_store_open_async);
  g_task_set_task_data (task, data, (GDestroyNotify)open_data_free);
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

void
phaen_store_set_evidence_limit (PhaenStore *self, gint64 bytes)
{
  g_return_if_fail (PHAEN_IS_STORE (self));
  self->evidence_limit = MAX (bytes, 0);
}

gint64
phaen_store_get_evidence_limit (PhaenStore *self)
{
  g_return_val_if_fail (PHAEN_IS_STORE (self), 0);
  return self->evidence_limit;
}

gboolean
phaen_store_check_writable (PhaenStore *self, GError **error)
{
  g_return_val_if_fail (PHAEN_IS_STORE (self), FALSE);
  return self->read_only == PHAEN_STORE_WRITABLE || set_read_only_error (self, error);
}

gboolean
phaen_store_is_unit_copy (PhaenStore *self)
{
  g_return_val_if_fail (PHAEN_IS_STORE (self), FALSE);
  return self->unit_copy;
}

gboolean
phaen_store_check_office_edit (PhaenStore *self, GError **error)
{
  g_return_val_if_fail (PHAEN_IS_STORE (self), FALSE);
  if (!phaen_store_check_writable (self, error))
    return FALSE;
  return !self->unit_copy || set_office_owned_error (error);
}

char *
_phaen_store_get_meta (PhaenStore *self, const char *key)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  if (sqlite3_prepare_v2 (self->db, "SELECT value FROM main.meta WHERE key = ?", -1, &stmt, NULL) ==
      SQLITE_OK)
    {
      _phaen_bind_text (stmt, 1, key);
      if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) == SQLITE_TEXT)
        value =
          g_strndup ((const char *)sqlite3_column_text (stmt, 0), sqlite3_column_bytes (stmt, 0));
    }
  sqlite3_finalize (stmt);
  return value;
}

gboolean
_phaen_store_set_meta (PhaenStore *self, const char *key, const char *value, GError **error)
{
  g_autoptr (PhaenStmt) stmt = NULL;

  if (self->read_only != PHAEN_STORE_WRITABLE)
    return set_read_only_error (self, error);
  stmt = _phaen_store_prepare (self, "INSERT OR REPLACE INTO main.meta (key, value) VALUES (?, ?)",
                               error);
  if (stmt == NULL)
    return FALSE;
  _phaen_bind_text (stmt, 1, key);
  _phaen_bind_text (stmt, 2, value);
  return _phaen_store_step_done (self, stmt, error);
}

gboolean
phaen_store_is_read_only (PhaenStore *self)
{
  g_return_val_if_fail (PHAEN_IS_STORE (self), TRUE);
  return self->read_only != PHAEN_STORE_WRITABLE;
}

PhaenStoreReadOnly
phaen_store_get_read_only_reason (PhaenStore *self)
{
  g_return_val_if_fail (PHAEN_IS_STORE (self), PHAEN_STORE_READ_ONLY_REQUESTED);
  return self->read_only;
}

char *
phaen_store_get_journal_mode (PhaenStore *self)
{
  g_return_val_if_fail (PHAEN_IS_STORE (self), NULL);
  return query_text (self->db, "PRAGMA main.journal_mode");
}

gboolean
phaen_store_check_outside_change (PhaenStore *self)
{
  g_return_val_if_fail (PHAEN_IS_STORE (self), FALSE);

  if (self->edit_depth > 0 || !forget_history_if_changed_outside (self))
    return FALSE;
  phaen_changes_add_everything (self->pending);
  emit_changes (self);
  return TRUE;
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
  g_autofree char *lock_path = NULL;
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
  lock_path = phaen_lock_path_for (self->path);
  return g_str_equal (target, lock_path);
}

gboolean
phaen_store_begin (PhaenStore *self, const char *label, GError **error)
{
  g_return_val_if_fail (PHAEN_IS_STORE (self), FALSE);
  return _phaen_store_edit_begin (self, label, error);
}

/**
 * phaen_store_read_begin:
 *
 * Starts a block of reads that belong together, such as the thousands of small queries of a
 * ministry unit's scorecard: SQLite then takes its shared lock and checks the file once for the
 * block instead of once per query (a scorecard of 575 indicators read ~2,300 times). The reads
 * see one state of the file. Blocks nest; end each with phaen_store_read_end(). No edit may
 * start inside a block.
 */
void
phaen_store_read_begin (PhaenStore *self)
{
  g_return_if_fail (PHAEN_IS_STORE (self));

  if (self->read_depth++ == 0 && !_phaen_store_exec (self, "SAVEPOINT read", NULL))
    g_debug ("no read block: %s", sqlite3_errmsg (self->db));
}

void
phaen_store_read_end (PhaenStore *self)
{
  g_return_if_fail (PHAEN_IS_STORE (self));
  g_return_if_fail (self->read_depth > 0);

  if (--self->read_depth == 0)
    _phaen_store_exec (self, "RELEASE read", NULL);
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
  if (self->read_only == PHAEN_STORE_WRITABLE)
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

/* The tables of the current schema in @db (an empty database of another connection: a unit
 * copy being written), its application id and version set. */
gboolean
_phaen_store_create_schema (sqlite3 *db, GError **error)
{
  g_autofree char *pragma =
    g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d",
                     PHAEN_STORE_APPLICATION_ID, PHAEN_STORE_SCHEMA_VERSION);
  int rc;

  if (!apply_migrations (db, 0, PHAEN_STORE_SCHEMA_VERSION, error))
    return FALSE;
  rc = sqlite3_exec (db, pragma, NULL, NULL, NULL);
  return rc == SQLITE_OK || set_sqlite_error (db, rc, NULL, error);
}

/* ------------------------------------------------------------------ repair */

static GPtrArray *
list_columns (sqlite3 *db, const char *schema, const char *table)
{
  g_autofree char *sql = sql_printf ("SELECT name FROM pragma_table_info(%Q, %Q)", table, schema);
  GPtrArray *columns = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK)
    while (sqlite3_step (stmt) == SQLITE_ROW)
      g_ptr_array_add (columns, _phaen_column_strdup (stmt, 0));
  sqlite3_finalize (stmt);
  return columns;
}

static gboolean
has_string (GPtrArray *strings, const char *s)
{
  return g_ptr_array_find_with_equal_func (strings, s, g_str_equal, NULL);
}

/* Copies the rows of Phaen's own tables from "src" into "main", column by column: only real
 * tables of the source are read (a view is not data Phaen wrote), and a row that breaks a
 * rule of the clean schema (a CHECK, NOT NULL or UNIQUE) is left behind. */
static gboolean
copy_tables (sqlite3 *db, GError **error)
{
  static const char list_sql[] = "SELECT name FROM main.sqlite_schema WHERE type = 'table' AND "
                                 "name NOT LIKE 'sqlite_%' ORDER BY rowid";
  g_autoptr (GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, list_sql, -1, &stmt, NULL) != SQLITE_OK)
    return set_sqlite_error (db, sqlite3_errcode (db), NULL, error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, _phaen_column_strdup (stmt, 0));
  sqlite3_finalize (stmt);

  for (guint i = 0; i < tables->len; i++)
    {
      const char *table = g_ptr_array_index (tables, i);
      g_autoptr (GPtrArray) ours = list_columns (db, "main", table);
      g_autoptr (GPtrArray) theirs = list_columns (db, "src", table);
      g_autoptr (GString) columns = g_string_new (NULL);
      g_autofree char *is_table =
        sql_printf ("SELECT 1 FROM src.sqlite_schema WHERE type = 'table' AND name = %Q", table);
      g_autofree char *sql = NULL;
      gboolean real = FALSE;
      int rc;

      if (sqlite3_prepare_v2 (db, is_table, -1, &stmt, NULL) == SQLITE_OK)
        real = sqlite3_step (stmt) == SQLITE_ROW;
      sqlite3_finalize (stmt);
      for (guint c = 0; real && c < ours->len; c++)
        if (has_string (theirs, g_ptr_array_index (ours, c)))
          g_string_append_printf (columns, "%s\"%s\"", columns->len ? "," : "",
                                  (const char *)g_ptr_array_index (ours, c));
      if (!real || columns->len == 0)
        continue;
      sql = sql_printf ("INSERT OR IGNORE INTO main.\"%w\" (%s) SELECT %s FROM src.\"%w\"", table,
                        columns->str, columns->str, table);
      rc = sqlite3_exec (db, sql, NULL, NULL, NULL);
      if (rc != SQLITE_OK)
        return set_sqlite_error (db, rc, NULL, error);
    }
  return TRUE;
}

/* Deletes rows whose links point nowhere, repeatedly: a deleted parent orphans its children. */
static gboolean
drop_orphans (sqlite3 *db, GError **error)
{
  for (int round = 0; round < 64; round++)
    {
      g_autoptr (GPtrArray) deletes = g_ptr_array_new_with_free_func (g_free);
      sqlite3_stmt *stmt = NULL;

      if (sqlite3_prepare_v2 (db, "PRAGMA main.foreign_key_check", -1, &stmt, NULL) != SQLITE_OK)
        return set_sqlite_error (db, sqlite3_errcode (db), NULL, error);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (deletes, sql_printf ("DELETE FROM main.\"%w\" WHERE rowid = %lld",
                                              (const char *)sqlite3_column_text (stmt, 0),
                                              (long long)sqlite3_column_int64 (stmt, 1)));
      sqlite3_finalize (stmt);
      if (deletes->len == 0)
        return TRUE;
      for (guint i = 0; i < deletes->len; i++)
        sqlite3_exec (db, g_ptr_array_index (deletes, i), NULL, NULL, NULL);
    }
  return TRUE;
}

/* Checks that @path is a workspace (header, version) through a read-only connection. */
static gboolean
check_repairable (const char *path, gboolean *immutable, GError **error)
{
  sqlite3 *db = NULL;
  gboolean ok;
  int rc = open_reader (path, &db, immutable);

  ok = rc == SQLITE_OK ? check_header (db, path, error) : set_sqlite_error (db, rc, path, error);
  if (ok && get_user_version (db) > PHAEN_STORE_SCHEMA_VERSION)
    ok = set_too_new_error (path, error);
  sqlite3_close (db);
  return ok;
}

static gboolean
build_repaired (const char *source, const char *target, gboolean immutable, GError **error)
{
  g_autofree char *uri = read_only_uri (source, immutable);
  g_autofree char *header =
    g_strdup_printf ("PRAGMA application_id = %d;"
                     "PRAGMA user_version = %d;"
                     "PRAGMA foreign_keys = OFF;",
                     PHAEN_STORE_APPLICATION_ID, PHAEN_STORE_SCHEMA_VERSION);
  g_autofree char *attach = sql_printf ("ATTACH %Q AS src", uri);
  sqlite3 *db = NULL;
  gboolean ok;
  int rc = sqlite3_open_v2 (target, &db,
                            SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_URI, NULL);

  if (rc != SQLITE_OK)
    {
      set_sqlite_error (db, rc, target, error);
      sqlite3_close (db);
      return FALSE;
    }
  configure_connection (db);
  ok = (rc = sqlite3_exec (db, header, NULL, NULL, NULL)) == SQLITE_OK &&
       apply_migrations (db, 0, PHAEN_STORE_SCHEMA_VERSION, error) &&
       (rc = sqlite3_exec (db, attach, NULL, NULL, NULL)) == SQLITE_OK &&
       (rc = sqlite3_exec (db, "BEGIN", NULL, NULL, NULL)) == SQLITE_OK &&
       copy_tables (db, error) &&
       (rc = sqlite3_exec (db, "COMMIT; DETACH src", NULL, NULL, NULL)) == SQLITE_OK &&
       drop_orphans (db, error);
  if (!ok && rc != SQLITE_OK)
    set_sqlite_error (db, rc, target, error);
  if (sqlite3_close (db) != SQLITE_OK && ok)
    ok = set_sqlite_error (NULL, SQLITE_IOERR, target, error);
  return ok;
}

gboolean
phaen_store_repair_into_copy (const char *path, const char *copy_path, GError **error)
{
  g_autofree char *source = NULL;
  g_autofree char *base = NULL;
  g_autofree char *part = NULL;
  g_autofree char *snapshot = NULL;
  g_autofree char *snapshot_dir = NULL;
  gboolean immutable = FALSE;
  gboolean built;
  GStatBuf st;

  g_return_val_if_fail (path != NULL && copy_path != NULL, FALSE);

  source = resolve_workspace_path (path, &st, error);
  if (source == NULL || !check_repairable (source, &immutable, error))
    return FALSE;
  base = g_path_get_basename (copy_path);
  if (g_file_test (copy_path, G_FILE_TEST_EXISTS) ||
      g_file_test (copy_path, G_FILE_TEST_IS_SYMLINK))
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_IO, _ ("“%s” already exists."), base);
      return FALSE;
    }
  /* Read from a snapshot when a log lies beside it: see make_snapshot(). */
  if (has_wal_file (source))
    {
      int rc = SQLITE_OK;

      snapshot = make_snapshot (source, &snapshot_dir, &rc);
      if (snapshot == NULL)
        return set_sqlite_error (NULL, rc, source, error);
    }
  /* Built under another name and renamed when complete: no half copy is ever left. */
  part = g_strconcat (copy_path, ".part", NULL);
  g_unlink (part);
  /* Read as open_reader() reads it: an older Phaen's WAL file nobody writes as immutable, so
   * that attaching it creates no -shm beside it. */
  built = build_repaired (snapshot ? snapshot : source, part, immutable && !snapshot, error);
  if (snapshot != NULL)
    remove_snapshot (snapshot_dir, snapshot);
  if (!built)
    {
      g_unlink (part);
      return FALSE;
    }
  if (g_rename (part, copy_path) != 0)
    {
      int saved_errno = errno;

      g_unlink (part);
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_IO, _ ("“%s” could not be made: %s"), base,
                   g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}
