/* test-util.c — what the core tests share: a workspace in a temporary folder of its own
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test-util.h"

/**
 * test_workspace_new:
 * @file_name: the workspace's name inside the folder
 * @dir: (out) (transfer full): a new temporary folder holding it
 *
 * Returns: (transfer full): a new, empty workspace, for test_workspace_close()
 */
PhaenStore *
test_workspace_new (const char *file_name, char **dir)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  PhaenStore *store;

  *dir = g_dir_make_tmp ("phaen-test-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (*dir, file_name, NULL);
  store = phaen_store_create (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

/* Closes the workspace, then removes its folder with every file in it: the workspace with its
 * -wal and -shm, and whatever a test wrote beside it. Clears both pointers. */
void
test_workspace_close (PhaenStore **store, char **dir)
{
  g_autoptr (GDir) folder = NULL;
  const char *name;

  g_clear_object (store);
  folder = g_dir_open (*dir, 0, NULL);
  g_assert_nonnull (folder);
  while ((name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = g_build_filename (*dir, name, NULL);

      g_assert_cmpint (g_remove (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (*dir), ==, 0);
  g_clear_pointer (dir, g_free);
}

int
test_dead_pid (void)
{
  pid_t pid = fork ();
  int status;

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    _exit (0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  return pid;
}

char *
test_checksum_of (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, length);
}

int
test_compare_strings (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(char *const *)a, *(char *const *)b);
}

/* The names in @path's folder, sorted, as one string. */
static char *
listing_of (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr (GDir) folder = g_dir_open (dir, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (folder);
  while ((name = g_dir_read_name (folder)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, test_compare_strings);
  g_ptr_array_add (names, NULL);
  return g_strjoinv ("|", (char **)names->pdata);
}

void
test_snapshot_take (TestSnapshot *snapshot, const char *path)
{
  snapshot->checksum = test_checksum_of (path);
  snapshot->listing = listing_of (path);
}

void
test_snapshot_assert_unchanged (TestSnapshot *snapshot, const char *path)
{
  g_autofree char *checksum = test_checksum_of (path);
  g_autofree char *listing = listing_of (path);

  g_assert_cmpstr (checksum, ==, snapshot->checksum);
  g_assert_cmpstr (listing, ==, snapshot->listing);
  g_clear_pointer (&snapshot->checksum, g_free);
  g_clear_pointer (&snapshot->listing, g_free);
}

/* Every row of every table but meta (whose session marker changes whenever a workspace is
 * opened to edit), in rowid order, through a read-only connection. */
char *
test_workspace_digest (const char *path)
{
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr (GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *uri = g_strdup_printf ("file:%s?mode=ro", path);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT name FROM sqlite_schema WHERE type = 'table'"
                                       " AND name NOT LIKE 'sqlite_%' AND name <> 'meta'"
                                       " ORDER BY name",
                                       -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  for (guint i = 0; i < tables->len; i++)
    {
      g_autofree char *sql =
        g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY rowid", (char *)tables->pdata[i]);

      g_checksum_update (sum, (const guchar *)tables->pdata[i], -1);
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (stmt); c++)
          {
            const void *bytes = sqlite3_column_blob (stmt, c);
            int size = sqlite3_column_bytes (stmt, c);
            guchar type = (guchar)sqlite3_column_type (stmt, c);

            g_checksum_update (sum, &type, 1);
            if (bytes != NULL)
              g_checksum_update (sum, bytes, size);
          }
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
  return g_strdup (g_checksum_get_string (sum));
}

gint64
test_add_unit (PhaenStore *store, const char *abbr, const char *name)
{
  g_autoptr (GError) error = NULL;
  gint64 id = phaen_store_add_unit (store, abbr, name, 0, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

gint64
test_add_plan (
  PhaenStore *store, gint64 unit, int fiscal_year, PhaenPlanKind kind, const char *title)
{
  g_autoptr (GError) error = NULL;
  gint64 id = phaen_store_add_plan (store, unit, fiscal_year, kind, title, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

gint64
test_add_activity (PhaenStore *store, gint64 plan, gint64 parent, const char *name)
{
  g_autoptr (GError) error = NULL;
  gint64 id = phaen_store_add_activity (store, plan, parent, -1, name, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

gint64
test_add_planned_activity (
  PhaenStore *store, gint64 plan, const char *name, guint first, guint last)
{
  gint64 id = test_add_activity (store, plan, 0, name);

  for (guint m = first; m <= last && last < PHAEN_MAX_MONTHS; m++)
    {
      g_autoptr (GError) error = NULL;

      phaen_store_set_month_marks (store, id, (int)m, PHAEN_MARK_PLANNED, &error);
      g_assert_no_error (error);
    }
  return id;
}

gint64
test_unit_id (PhaenStore *store, const char *abbr)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenUnit) unit = phaen_store_find_unit (store, abbr, &error);

  g_assert_no_error (error);
  return unit->id;
}

void
run_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + (gint64)ms * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (2000);
}

/* ------------------------------------------------------------------ running phaen-cli */

void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

void
run_cli_argv (Run *run, GPtrArray *args)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  const char *cli = g_getenv ("PHAEN_CLI");

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *)cli);
  for (guint i = 0; i < args->len; i++)
    g_ptr_array_add (argv, g_ptr_array_index (args, i));
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_DEFAULT, run->setup, NULL, &run->out,
                &run->err, &run->status, &error);
  g_assert_no_error (error);
}

void
run_cli (Run *run, const char *first, ...)
{
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first);
  for (const char *arg = first; arg; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *)arg);
  va_end (ap);
  run_cli_argv (run, args);
}

int
exit_code (const Run *run)
{
  return g_spawn_check_wait_status (run->status, NULL) ? 0 : WEXITSTATUS (run->status);
}
