/* phaen-unit-copy.c — one workspace per unit for a fiscal year, and its result packets
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-unit-copy"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "phaen-atomic-file.h"
#include "phaen-error.h"
#include "phaen-sync-private.h"
#include "phaen-unit-copy.h"

typedef struct
{
  gint64 id;
  char *uuid;
  char *abbr;
} UnitRef;

static void
unit_ref_free (UnitRef *unit)
{
  g_free (unit->uuid);
  g_free (unit->abbr);
  g_free (unit);
}

/* ------------------------------------------------------------------ helpers */

static gboolean
db_exec (sqlite3 *db, const char *sql, GError **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  return rc == SQLITE_OK || _phaen_sync_sqlite_error (db, rc, error);
}

static char *
random_key (void)
{
  GString *key = g_string_new (NULL);

  for (int i = 0; i < 8; i++)
    g_string_append_printf (key, "%08x", g_random_int ());
  return g_string_free (key, FALSE);
}

/* The office's identity and key, made the first time copies are sent. */
static gboolean
ensure_office_identity (PhaenStore *office, char **workspace, char **key, GError **error)
{
  *workspace = _phaen_store_get_meta (office, PHAEN_META_WORKSPACE);
  *key = _phaen_store_get_meta (office, PHAEN_META_SYNC_KEY);
  if (*workspace == NULL)
    {
      *workspace = g_uuid_string_random ();
      if (!_phaen_store_set_meta (office, PHAEN_META_WORKSPACE, *workspace, error))
        return FALSE;
    }
  if (*key == NULL)
    {
      /* GLib's random numbers are not meant for keys: the kernel's are. */
      g_autoptr (GFile) urandom = g_file_new_for_path ("/dev/urandom");
      g_autoptr (GFileInputStream) in = g_file_read (urandom, NULL, NULL);
      guint8 bytes[32];
      gsize n = 0;

      if (in != NULL &&
          g_input_stream_read_all (G_INPUT_STREAM (in), bytes, sizeof bytes, &n, NULL, NULL) &&
          n == sizeof bytes)
        {
          GString *hex = g_string_new (NULL);

          for (guint i = 0; i < sizeof bytes; i++)
            g_string_append_printf (hex, "%02x", bytes[i]);
          *key = g_string_free (hex, FALSE);
        }
      else
        *key = random_key ();
      if (!_phaen_store_set_meta (office, PHAEN_META_SYNC_KEY, *key, error))
        return FALSE;
    }
  return TRUE;
}

static GPtrArray *
list_units (PhaenStore *office, int fiscal_year, GArray *unit_ids, GError **error)
{
  g_autoptr (GPtrArray) units = g_ptr_array_new_with_free_func ((GDestroyNotify)unit_ref_free);
  sqlite3 *db = _phaen_store_get_db (office);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (unit_ids == NULL)
    rc = sqlite3_prepare_v2 (db,
                             "SELECT id, uuid, abbr FROM main.unit WHERE id IN"
                             " (SELECT unit_id FROM main.indicator WHERE fiscal_year = ?1"
                             "  UNION SELECT unit_id FROM main.plan WHERE fiscal_year = ?1)"
                             " ORDER BY abbr, id",
                             -1, &stmt, NULL);
  else
    rc = sqlite3_prepare_v2 (db, "SELECT id, uuid, abbr FROM main.unit WHERE id = ?2", -1, &stmt,
                             NULL);
  if (rc != SQLITE_OK)
    {
      _phaen_sync_sqlite_error (db, rc, error);
      return NULL;
    }
  sqlite3_bind_int (stmt, 1, fiscal_year);
  for (guint i = 0; i < (unit_ids ? unit_ids->len : 1); i++)
    {
      if (unit_ids != NULL)
        {
          sqlite3_reset (stmt);
          sqlite3_bind_int64 (stmt, 2, g_array_index (unit_ids, gint64, i));
        }
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          UnitRef *unit = g_new0 (UnitRef, 1);

          unit->id = sqlite3_column_int64 (stmt, 0);
          unit->uuid = _phaen_column_strdup (stmt, 1);
          unit->abbr = _phaen_column_strdup (stmt, 2);
          g_ptr_array_add (units, unit);
        }
      if (rc != SQLITE_DONE)
        {
          sqlite3_finalize (stmt);
          _phaen_sync_sqlite_error (db, rc, error);
          return NULL;
        }
      if (unit_ids != NULL &&
          (units->len == 0 || ((UnitRef *)g_ptr_array_index (units, units->len - 1))->id !=
                                g_array_index (unit_ids, gint64, i)))
        {
          sqlite3_finalize (stmt);
          g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_NOT_FOUND,
                       _ ("The unit does not exist (it may have been deleted)."));
          return NULL;
        }
    }
  sqlite3_finalize (stmt);
  return g_steal_pointer (&units);
}

/* The unit's rows of the year, copied from the attached "office" with their ids. */
static const char copy_rows_sql[] =
  "INSERT INTO main.unit SELECT * FROM office.unit WHERE id = :unit;"
  "UPDATE main.unit SET parent_id = NULL;"
  "INSERT INTO main.person SELECT * FROM office.person WHERE unit_id = :unit;"
  "INSERT INTO main.fiscal_year SELECT * FROM office.fiscal_year WHERE year = :year;"
  "INSERT INTO main.plan SELECT * FROM office.plan WHERE unit_id = :unit"
  " AND fiscal_year = :year;"
  "INSERT INTO main.plan_section SELECT * FROM office.plan_section"
  " WHERE plan_id IN (SELECT id FROM main.plan);"
  "INSERT INTO main.activity SELECT * FROM office.activity"
  " WHERE plan_id IN (SELECT id FROM main.plan);"
  "INSERT INTO main.activity_month SELECT * FROM office.activity_month"
  " WHERE activity_id IN (SELECT id FROM main.activity);"
  "INSERT INTO main.budget_quarter SELECT * FROM office.budget_quarter"
  " WHERE plan_id IN (SELECT id FROM main.plan);"
  "INSERT INTO main.activity_budget SELECT * FROM office.activity_budget"
  " WHERE activity_id IN (SELECT id FROM main.activity);"
  "INSERT INTO main.indicator SELECT * FROM office.indicator WHERE unit_id = :unit"
  " AND fiscal_year = :year;"
  "UPDATE main.indicator SET plan_id = NULL WHERE plan_id NOT IN (SELECT id FROM main.plan);"
  "INSERT INTO main.criteria_version SELECT * FROM office.criteria_version"
  " WHERE indicator_id IN (SELECT id FROM main.indicator);"
  "INSERT INTO main.criterion SELECT * FROM office.criterion"
  " WHERE version_id IN (SELECT id FROM main.criteria_version);"
  "INSERT INTO main.result SELECT * FROM office.result"
  " WHERE indicator_id IN (SELECT id FROM main.indicator);"
  "INSERT INTO main.pmqa_value SELECT * FROM office.pmqa_value"
  " WHERE indicator_id IN (SELECT id FROM main.indicator);"
  "INSERT INTO main.evidence SELECT * FROM office.evidence"
  " WHERE result_id IN (SELECT id FROM main.result);"
  "INSERT INTO main.evidence_blob SELECT * FROM office.evidence_blob"
  " WHERE id IN (SELECT blob_id FROM main.evidence);";

static gboolean
run_with_bindings (sqlite3 *db, const char *sql, gint64 unit_id, int fiscal_year, GError **error)
{
  const char *tail = sql;

  while (tail != NULL && *tail != '\0')
    {
      sqlite3_stmt *stmt = NULL;
      int rc = sqlite3_prepare_v2 (db, tail, -1, &stmt, &tail);
      int index;

      if (rc != SQLITE_OK)
        return _phaen_sync_sqlite_error (db, rc, error);
      if (stmt == NULL)
        break;
      if ((index = sqlite3_bind_parameter_index (stmt, ":unit")) > 0)
        sqlite3_bind_int64 (stmt, index, unit_id);
      if ((index = sqlite3_bind_parameter_index (stmt, ":year")) > 0)
        sqlite3_bind_int (stmt, index, fiscal_year);
      rc = sqlite3_step (stmt);
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        return _phaen_sync_sqlite_error (db, rc, error);
    }
  return TRUE;
}

static gboolean
insert_meta (sqlite3 *db, const char *key, const char *value, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, "INSERT OR REPLACE INTO main.meta (key, value) VALUES (?, ?)",
                               -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
  sqlite3_finalize (stmt);
  return rc == SQLITE_OK || _phaen_sync_sqlite_error (db, rc, error);
}

static gboolean
insert_image (sqlite3 *db, GBytes *image, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (
    db, "INSERT OR REPLACE INTO main.sync_image (name, data) VALUES ('" PHAEN_SYNC_IMAGE "', ?)",
    -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      if (g_bytes_get_size (image) == 0)
        sqlite3_bind_zeroblob (stmt, 1, 0);
      else
        sqlite3_bind_blob64 (stmt, 1, g_bytes_get_data (image, NULL), g_bytes_get_size (image),
                             SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
  sqlite3_finalize (stmt);
  return rc == SQLITE_OK || _phaen_sync_sqlite_error (db, rc, error);
}

/* The image of a workspace's unit rows: a changeset inserting all of them. */
static GBytes *
make_image (sqlite3 *source, gint64 unit_id, int fiscal_year, GError **error)
{
  static const char *const schemas[] = { "empty", NULL };
  sqlite3 *proj = _phaen_sync_projection_new (schemas, error);
  GBytes *image = NULL;

  if (proj == NULL)
    return NULL;
  _phaen_sync_register_functions (source);
  if (_phaen_sync_projection_fill (proj, "main", source, unit_id, fiscal_year, error))
    image = _phaen_sync_projection_diff (proj, "empty", error);
  sqlite3_close (proj);
  return image;
}

typedef struct
{
  const char *office_path;
  const char *workspace;
  const char *key;
  int fiscal_year;
  const char *now;
} SendContext;

static gboolean
write_copy (const SendContext *ctx, const UnitRef *unit, const char *path, GError **error)
{
  g_autoptr (PhaenAtomicFile) file = phaen_atomic_file_new (path, error);
  g_autofree char *copy_uuid = g_uuid_string_random ();
  g_autofree char *own_uuid = g_uuid_string_random ();
  g_autofree char *secret = NULL;
  g_autofree char *year = g_strdup_printf ("%d", ctx->fiscal_year);
  g_autofree char *uri = NULL;
  g_autofree char *attach = NULL;
  g_autoptr (GBytes) image = NULL;
  sqlite3 *db = NULL;
  gboolean ok;
  int rc;

  if (file == NULL)
    return FALSE;
  secret =
    _phaen_sync_derive_secret (ctx->key, ctx->workspace, copy_uuid, unit->uuid, ctx->fiscal_year);
  rc = sqlite3_open_v2 (phaen_atomic_file_get_temp_path (file), &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      _phaen_sync_sqlite_error (db, rc, error);
      sqlite3_close (db);
      return FALSE;
    }
  {
    g_autofree char *escaped = g_uri_escape_string (ctx->office_path, "/", FALSE);

    uri = g_strdup_printf ("file:%s?mode=ro", escaped);
    attach = sqlite3_mprintf ("ATTACH %Q AS office", uri);
  }
  sqlite3_extended_result_codes (db, 1);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_busy_timeout (db, 5000);
  /* The file is renamed into place only after an fsync (phaen_atomic_file_commit()): no
   * journal is needed while it is built. */
  ok = db_exec (db, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;", error) &&
       _phaen_store_create_schema (db, error) && db_exec (db, attach, error) &&
       db_exec (db, "BEGIN", error) &&
       run_with_bindings (db, copy_rows_sql, unit->id, ctx->fiscal_year, error) &&
       insert_meta (db, "created", ctx->now, error) &&
       insert_meta (db, "generator", "Phaen " PACKAGE_VERSION, error) &&
       insert_meta (db, "session", "closed", error) &&
       insert_meta (db, PHAEN_META_WORKSPACE, own_uuid, error) &&
       insert_meta (db, PHAEN_META_COPY, copy_uuid, error) &&
       insert_meta (db, PHAEN_META_COPY_WORKSPACE, ctx->workspace, error) &&
       insert_meta (db, PHAEN_META_COPY_UNIT, unit->uuid, error) &&
       insert_meta (db, PHAEN_META_COPY_YEAR, year, error) &&
       insert_meta (db, PHAEN_META_COPY_SECRET, secret, error) &&
       insert_meta (db, PHAEN_META_COPY_PACKETS, "0", error) &&
       insert_meta (db, PHAEN_META_COPY_MADE, ctx->now, error) &&
       (image = make_image (db, unit->id, ctx->fiscal_year, error)) != NULL &&
       insert_image (db, image, error) && db_exec (db, "COMMIT", error) &&
       db_exec (db, "DETACH office", error);
  sqlite3_free (attach);
  attach = NULL;
  if (sqlite3_close (db) != SQLITE_OK && ok)
    ok = _phaen_sync_sqlite_error (NULL, SQLITE_IOERR, error);
  return ok && phaen_atomic_file_commit (file, error);
}

static char *
meta_or_fail (PhaenStore *store, const char *key, GError **error)
{
  char *value = _phaen_store_get_meta (store, key);

  if (value == NULL)
    g_set_error_literal (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                         _ ("This workspace is not a unit copy: results are sent from the copy "
                            "the planning office made for the unit."));
  return value;
}

/* ------------------------------------------------------------------ public API */

char *
phaen_unit_copy_file_stem (const char *abbr)
{
  g_autofree char *valid = g_utf8_make_valid (abbr ? abbr : "", -1);
  GString *stem = g_string_new (NULL);

  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) || strchr ("/\\:*?\"<>|", (int)(c < 128 ? c : 'x')) != NULL)
        continue;
      g_string_append_unichar (stem, g_unichar_isspace (c) ? '_' : c);
    }
  while (stem->len > 0 && (stem->str[stem->len - 1] == '.' || stem->str[stem->len - 1] == '_'))
    g_string_truncate (stem, stem->len - 1);
  while (stem->len > 0 && stem->str[0] == '.')
    g_string_erase (stem, 0, 1);
  if (stem->len == 0)
    g_string_append (stem, "unit");
  return g_string_free (stem, FALSE);
}

GPtrArray *
phaen_unit_copies_write (PhaenStore *office,
                         int fiscal_year,
                         GArray *unit_ids,
                         const char *folder,
                         PhaenSyncProgress progress,
                         gpointer user_data,
                         GCancellable *cancellable,
                         GError **error)
{
  g_autoptr (GPtrArray) units = NULL;
  g_autoptr (GPtrArray) written = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *workspace = NULL;
  g_autofree char *key = NULL;
  g_autofree char *now = _phaen_now_iso8601 ();
  SendContext ctx;

  g_return_val_if_fail (PHAEN_IS_STORE (office), NULL);
  g_return_val_if_fail (folder != NULL, NULL);

  if (phaen_store_is_unit_copy (office))
    {
      g_set_error_literal (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                           _ ("This is a unit copy: only the planning office's workspace sends "
                              "copies to units."));
      return NULL;
    }
  if (!phaen_store_check_writable (office, error) ||
      !phaen_store_has_fiscal_year (office, fiscal_year, error) ||
      !ensure_office_identity (office, &workspace, &key, error) ||
      !(units = list_units (office, fiscal_year, unit_ids, error)))
    return NULL;
  if (g_mkdir_with_parents (folder, 0777) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_IO, _ ("The folder “%s” could not be made: %s"),
                   folder, g_strerror (saved_errno));
      return NULL;
    }

  ctx.office_path = phaen_store_get_path (office);
  ctx.workspace = workspace;
  ctx.key = key;
  ctx.fiscal_year = fiscal_year;
  ctx.now = now;
  for (guint i = 0; i < units->len; i++)
    {
      const UnitRef *unit = g_ptr_array_index (units, i);
      g_autofree char *stem = phaen_unit_copy_file_stem (unit->abbr);
      g_autofree char *name = NULL;
      g_autofree char *path = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      /* Two units whose names become the same file name get their ids added. */
      name = g_strdup_printf ("%s-%d.phaen", stem, fiscal_year);
      if (g_hash_table_contains (names, name))
        {
          g_free (name);
          name = g_strdup_printf ("%s-%" G_GINT64_FORMAT "-%d.phaen", stem, unit->id, fiscal_year);
        }
      g_hash_table_add (names, g_strdup (name));
      path = g_build_filename (folder, name, NULL);
      if (phaen_store_is_own_file (office, path))
        {
          g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_IO,
                       _ ("“%s” is the open workspace itself: choose another folder."), name);
          return NULL;
        }
      if (!write_copy (&ctx, unit, path, error))
        return NULL;
      g_ptr_array_add (written, g_steal_pointer (&path));
      if (progress != NULL)
        progress (i + 1, units->len, user_data);
    }
  return g_steal_pointer (&written);
}

void
phaen_unit_copy_info_free (PhaenUnitCopyInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->copy_uuid);
  g_free (info->workspace_uuid);
  g_free (info->unit_uuid);
  g_free (info->unit_abbr);
  g_free (info->unit_name);
  g_free (info->made_at);
  g_free (info);
}

/**
 * phaen_unit_copy_get_info:
 *
 * Returns: (transfer full): what @store says about the copy
 */
PhaenUnitCopyInfo *
phaen_unit_copy_get_info (PhaenStore *store, GError **error)
{
  g_autoptr (PhaenUnitCopyInfo) info = g_new0 (PhaenUnitCopyInfo, 1);
  g_autofree char *year = NULL;
  g_autofree char *packets = NULL;
  g_autofree char *secret = NULL;
  g_autoptr (PhaenStmt) stmt = NULL;

  g_return_val_if_fail (PHAEN_IS_STORE (store), NULL);

  if (!(info->copy_uuid = meta_or_fail (store, PHAEN_META_COPY, error)) ||
      !(info->workspace_uuid = meta_or_fail (store, PHAEN_META_COPY_WORKSPACE, error)) ||
      !(info->unit_uuid = meta_or_fail (store, PHAEN_META_COPY_UNIT, error)) ||
      !(year = meta_or_fail (store, PHAEN_META_COPY_YEAR, error)) ||
      !(secret = meta_or_fail (store, PHAEN_META_COPY_SECRET, error)))
    return NULL;
  packets = _phaen_store_get_meta (store, PHAEN_META_COPY_PACKETS);
  info->made_at = _phaen_store_get_meta (store, PHAEN_META_COPY_MADE);
  info->fiscal_year = (int)g_ascii_strtoll (year, NULL, 10);
  info->packets = packets ? (guint)CLAMP (g_ascii_strtoll (packets, NULL, 10), 0, G_MAXINT32) : 0;
  if (info->fiscal_year < PHAEN_MIN_FISCAL_YEAR || info->fiscal_year > PHAEN_MAX_FISCAL_YEAR)
    {
      _phaen_set_corrupt (error, _ ("the unit copy's fiscal year is not valid."));
      return NULL;
    }
  stmt = _phaen_store_prepare (store, "SELECT id, abbr, name FROM unit WHERE uuid = ?", error);
  if (stmt == NULL)
    return NULL;
  _phaen_bind_text (stmt, 1, info->unit_uuid);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _phaen_set_corrupt (error, _ ("the unit copy does not hold its unit."));
      return NULL;
    }
  info->unit_id = sqlite3_column_int64 (stmt, 0);
  info->unit_abbr = _phaen_column_strdup (stmt, 1);
  info->unit_name = _phaen_column_strdup (stmt, 2);
  return g_steal_pointer (&info);
}

/* The packet's changeset since the copy's image, the new image and what it holds. */
typedef struct
{
  GBytes *changeset;
  GBytes *image;
  GPtrArray *blob_shas; /* evidence files to carry: their SHA-256 and evidence uuid, in pairs */
  PhaenPackSummary summary;
  int max_quarter;
} Pending;

static void
pending_clear (Pending *pending)
{
  g_clear_pointer (&pending->changeset, g_bytes_unref);
  g_clear_pointer (&pending->image, g_bytes_unref);
  g_clear_pointer (&pending->blob_shas, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Pending, pending_clear)

static GBytes *
read_image (PhaenStore *copy, GError **error)
{
  g_autoptr (PhaenStmt) stmt = _phaen_store_prepare (
    copy, "SELECT data FROM sync_image WHERE name = '" PHAEN_SYNC_IMAGE "'", error);

  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_type (stmt, 0) != SQLITE_BLOB)
    {
      _phaen_set_corrupt (error, _ ("the unit copy has lost what it last sent."));
      return NULL;
    }
  return g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
}

static void
count_change (Pending *pending, sqlite3_changeset_iter *iter)
{
  const char *name = NULL;
  int n_columns = 0, op = 0, indirect = 0;
  sqlite3_value *value = NULL;

  sqlite3changeset_op (iter, &name, &n_columns, &op, &indirect);
  switch (_phaen_sync_table_from_name (name))
    {
    case SYNC_RESULT:
      pending->summary.results++;
      /* The quarter is part of the key: in the new row of an insert, in the old otherwise. */
      if (op == SQLITE_INSERT)
        sqlite3changeset_new (iter, 1, &value);
      else
        sqlite3changeset_old (iter, 1, &value);
      if (value != NULL)
        pending->max_quarter = MAX (pending->max_quarter, sqlite3_value_int (value));
      break;
    case SYNC_EVIDENCE:
      pending->summary.evidence++;
      if (op == SQLITE_INSERT)
        {
          sqlite3changeset_new (iter, 2, &value);
          if (value != NULL)
            pending->max_quarter = MAX (pending->max_quarter, sqlite3_value_int (value));
          value = NULL;
          sqlite3changeset_new (iter, 6, &value);
          if (value != NULL && sqlite3_value_type (value) == SQLITE_TEXT)
            {
              sqlite3_value *uuid = NULL;

              sqlite3changeset_new (iter, 0, &uuid);
              g_ptr_array_add (pending->blob_shas,
                               g_strdup ((const char *)sqlite3_value_text (value)));
              g_ptr_array_add (pending->blob_shas,
                               g_strdup ((const char *)sqlite3_value_text (uuid)));
            }
        }
      break;
    case SYNC_ACTIVITY:
    case SYNC_ACTIVITY_MONTH:
      pending->summary.progress++;
      break;
    case SYNC_PMQA_VALUE:
      pending->summary.pmqa++;
      break;
    default:
      break;
    }
}

static gboolean
compute_pending (PhaenStore *copy, const PhaenUnitCopyInfo *info, Pending *pending, GError **error)
{
  static const char *const schemas[] = { "base", "empty", NULL };
  g_autoptr (GBytes) image = read_image (copy, error);
  sqlite3 *proj = NULL;
  sqlite3_changeset_iter *iter = NULL;
  gboolean ok;
  int rc;

  if (image == NULL || !(proj = _phaen_sync_projection_new (schemas, error)))
    return FALSE;
  _phaen_sync_register_functions (_phaen_store_get_db (copy));
  ok = _phaen_sync_projection_fill (proj, "main", _phaen_store_get_db (copy), info->unit_id,
                                    info->fiscal_year, error) &&
       _phaen_sync_projection_load (proj, "base", image, error) &&
       (pending->changeset = _phaen_sync_projection_diff (proj, "base", error)) != NULL &&
       (pending->image = _phaen_sync_projection_diff (proj, "empty", error)) != NULL;
  sqlite3_close (proj);
  if (!ok)
    return FALSE;

  pending->blob_shas = g_ptr_array_new_with_free_func (g_free);
  if (g_bytes_get_size (pending->changeset) == 0)
    return TRUE;
  rc = sqlite3changeset_start (&iter, (int)g_bytes_get_size (pending->changeset),
                               (void *)g_bytes_get_data (pending->changeset, NULL));
  while (rc == SQLITE_OK && sqlite3changeset_next (iter) == SQLITE_ROW)
    count_change (pending, iter);
  if (iter != NULL)
    rc = sqlite3changeset_finalize (iter);
  return rc == SQLITE_OK || _phaen_sync_sqlite_error (NULL, rc, error);
}

static int
latest_result_quarter (PhaenStore *copy, const PhaenUnitCopyInfo *info)
{
  g_autoptr (PhaenStmt) stmt = _phaen_store_prepare (
    copy,
    "SELECT max (r.quarter) FROM result r JOIN indicator i ON i.id = r.indicator_id"
    " WHERE i.unit_id = ? AND i.fiscal_year = ? AND r.value_text <> ''",
    NULL);

  if (stmt == NULL)
    return 1;
  sqlite3_bind_int64 (stmt, 1, info->unit_id);
  sqlite3_bind_int (stmt, 2, info->fiscal_year);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 1;
  return CLAMP (sqlite3_column_int (stmt, 0), 1, PHAEN_QUARTERS);
}

gboolean
phaen_unit_copy_count_changes (PhaenStore *copy, PhaenPackSummary *summary, GError **error)
{
  g_autoptr (PhaenUnitCopyInfo) info = NULL;
  g_auto (Pending) pending = { 0 };

  g_return_val_if_fail (PHAEN_IS_STORE (copy), FALSE);
  g_return_val_if_fail (summary != NULL, FALSE);

  info = phaen_unit_copy_get_info (copy, error);
  if (info == NULL || !compute_pending (copy, info, &pending, error))
    return FALSE;
  *summary = pending.summary;
  summary->files = pending.blob_shas->len / 2;
  summary->quarter =
    pending.max_quarter > 0 ? pending.max_quarter : latest_result_quarter (copy, info);
  summary->seq = info->packets + 1;
  return TRUE;
}

char *
phaen_unit_copy_packet_name (PhaenStore *copy, int quarter, GError **error)
{
  g_autoptr (PhaenUnitCopyInfo) info = NULL;
  g_autofree char *stem = NULL;

  g_return_val_if_fail (PHAEN_IS_STORE (copy), NULL);

  info = phaen_unit_copy_get_info (copy, error);
  if (info == NULL)
    return NULL;
  if (quarter < 1 || quarter > PHAEN_QUARTERS)
    quarter = latest_result_quarter (copy, info);
  stem = phaen_unit_copy_file_stem (info->unit_abbr);
  return g_strdup_printf ("%s-%d-q%d-%u" PHAEN_PACKET_SUFFIX, stem, info->fiscal_year, quarter,
                          info->packets + 1);
}

static gboolean
load_blob (PhaenStore *copy, const char *sha, const char *uuid, GHashTable *blobs, GError **error)
{
  g_autoptr (PhaenStmt) stmt = NULL;
  g_autofree char *actual = NULL;

  if (g_hash_table_contains (blobs, sha))
    return TRUE;
  stmt = _phaen_store_prepare (copy,
                               "SELECT b.data FROM evidence e JOIN evidence_blob b"
                               " ON b.id = e.blob_id WHERE e.uuid = ?",
                               error);
  if (stmt == NULL)
    return FALSE;
  _phaen_bind_text (stmt, 1, uuid);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return _phaen_set_corrupt (error, _ ("an evidence file of the unit copy is missing."));
  actual = g_compute_checksum_for_data (G_CHECKSUM_SHA256, sqlite3_column_blob (stmt, 0),
                                        sqlite3_column_bytes (stmt, 0));
  if (!g_str_equal (actual, sha))
    return _phaen_set_corrupt (error, _ ("an evidence file of the unit copy is missing."));
  g_hash_table_insert (blobs, g_strdup (sha),
                       g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0)));
  return TRUE;
}

static gboolean
write_bytes (const char *path, GBytes *bytes, GError **error)
{
  g_autoptr (PhaenAtomicFile) file = phaen_atomic_file_new (path, error);

  return file != NULL &&
         phaen_atomic_file_write (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes)) &&
         phaen_atomic_file_commit (file, error);
}

gboolean
phaen_unit_copy_pack (PhaenStore *copy,
                      int quarter,
                      const char *created_by,
                      const char *path,
                      PhaenPackSummary *summary,
                      GError **error)
{
  g_autoptr (PhaenUnitCopyInfo) info = NULL;
  g_autoptr (PhaenPacket) packet = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *seq = NULL;
  g_auto (Pending) pending = { 0 };
  sqlite3 *db;
  gboolean ok;

  g_return_val_if_fail (PHAEN_IS_STORE (copy), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (quarter >= 0 && quarter <= PHAEN_QUARTERS, FALSE);

  if (!phaen_store_check_writable (copy, error) ||
      !(info = phaen_unit_copy_get_info (copy, error)) ||
      !(secret = meta_or_fail (copy, PHAEN_META_COPY_SECRET, error)) ||
      !compute_pending (copy, info, &pending, error))
    return FALSE;
  if (phaen_store_is_own_file (copy, path))
    {
      g_set_error_literal (error, PHAEN_ERROR, PHAEN_ERROR_IO,
                           _ ("The packet cannot replace the workspace itself: choose another "
                              "file name."));
      return FALSE;
    }

  packet = _phaen_packet_new ();
  packet->uuid = g_uuid_string_random ();
  packet->workspace = g_strdup (info->workspace_uuid);
  packet->copy = g_strdup (info->copy_uuid);
  packet->seq = info->packets + 1;
  packet->unit = g_strdup (info->unit_uuid);
  packet->unit_abbr = g_strdup (info->unit_abbr);
  packet->fiscal_year = info->fiscal_year;
  packet->quarter = quarter > 0               ? quarter
                    : pending.max_quarter > 0 ? pending.max_quarter
                                              : latest_result_quarter (copy, info);
  packet->schema = PHAEN_STORE_SCHEMA_VERSION;
  packet->created_by = g_strdup (created_by && *created_by ? created_by : g_get_real_name ());
  if (g_str_equal (packet->created_by, "Unknown"))
    {
      g_free (packet->created_by);
      packet->created_by = g_strdup (g_get_user_name ());
    }
  packet->created_at = _phaen_now_iso8601 ();
  packet->changeset = g_bytes_ref (pending.changeset);
  for (guint i = 0; i + 1 < pending.blob_shas->len; i += 2)
    if (!load_blob (copy, g_ptr_array_index (pending.blob_shas, i),
                    g_ptr_array_index (pending.blob_shas, i + 1), packet->blobs, error))
      return FALSE;
  bytes = _phaen_packet_serialize (packet, secret);

  /* The copy remembers its rows as sent only if the file is written: the image and the
   * packet's number change in a transaction that commits after the file is in place. */
  db = _phaen_store_get_db (copy);
  seq = g_strdup_printf ("%u", packet->seq);
  ok = _phaen_store_exec (copy, "BEGIN IMMEDIATE", error);
  if (!ok)
    return FALSE;
  ok = insert_image (db, pending.image, error) &&
       _phaen_store_set_meta (copy, PHAEN_META_COPY_PACKETS, seq, error) &&
       write_bytes (path, bytes, error) && _phaen_store_exec (copy, "COMMIT", error);
  if (!ok)
    {
      _phaen_store_exec (copy, "ROLLBACK", NULL);
      return FALSE;
    }
  if (summary != NULL)
    {
      *summary = pending.summary;
      summary->files = g_hash_table_size (packet->blobs);
      summary->bytes = g_bytes_get_size (bytes);
      summary->quarter = packet->quarter;
      summary->seq = packet->seq;
    }
  return TRUE;
}
