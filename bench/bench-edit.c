/* bench-edit.c — what one acknowledged edit costs on a ministry-sized workspace
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Phaen commits every edit durably in a kept rollback journal (see the top of phaen-store.c).
 * The floor is a bare SQLite program doing the same UPDATE on a copy of the same file in the
 * same journal mode; for comparison also DELETE (a journal made and removed per commit) and WAL
 * (the old design), all with synchronous=FULL. Prints medians and ratios; nothing is
 * asserted. */
#define G_LOG_DOMAIN "phaen-bench"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdlib.h>

#include "bench-ministry.h"

#define EDITS 200

static G_GNUC_NORETURN void
die (const char *what)
{
  g_printerr ("bench-edit: %s\n", what);
  exit (1);
}

/* Renames the largest plan's first activity EDITS times through the store. */
static double
phaen_edits (const char *path, gint64 plan)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenStore) store = phaen_store_open (path, &error);
  g_autoptr (GPtrArray) activities = NULL;
  PhaenActivity *activity;
  double samples[EDITS];

  if (store == NULL)
    die (error->message);
  activities = phaen_store_list_activities (store, plan, &error);
  if (activities == NULL || activities->len == 0)
    die ("no activities");
  activity = g_ptr_array_index (activities, 0);
  for (guint i = 0; i < EDITS; i++)
    {
      double start = bench_seconds ();

      g_free (activity->name);
      activity->name = g_strdup_printf ("กิจกรรม %u", i);
      if (!phaen_store_update_activity (store, activity, &error))
        die (error->message);
      samples[i] = bench_seconds () - start;
    }
  return bench_median (samples, EDITS) * 1e3;
}

/* The same UPDATE from a bare SQLite connection, in @journal_mode. */
static double
bare_edits (const char *path, const char *journal_mode)
{
  g_autofree char *pragmas =
    g_strdup_printf ("PRAGMA journal_mode = %s; PRAGMA synchronous = FULL;", journal_mode);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  double samples[EDITS];

  if (sqlite3_open (path, &db) != SQLITE_OK ||
      sqlite3_exec (db, pragmas, NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db,
                          "UPDATE activity SET name = ?"
                          " WHERE id = (SELECT min(id) FROM activity)",
                          -1, &stmt, NULL) != SQLITE_OK)
    die (sqlite3_errmsg (db));
  for (guint i = 0; i < EDITS; i++)
    {
      g_autofree char *name = g_strdup_printf ("กิจกรรม %u", i);
      double start = bench_seconds ();

      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        die (sqlite3_errmsg (db));
      sqlite3_reset (stmt);
      samples[i] = bench_seconds () - start;
    }
  sqlite3_finalize (stmt);
  sqlite3_exec (db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  sqlite3_close (db);
  return bench_median (samples, EDITS) * 1e3;
}

static void
copy_file (const char *from, const char *to)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (from, &contents, &length, NULL) ||
      !g_file_set_contents (to, contents, length, NULL))
    die ("copy failed");
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("phaen-bench-edit-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *bare = NULL;
  const BenchMinistrySize size = BENCH_MINISTRY_FULL;
  double phaen, floor_persist, floor_delete, floor_wal;
  gint64 plan;

  if (dir == NULL)
    die (error->message);
  path = g_build_filename (dir, "ministry.phaen", NULL);
  bare = g_build_filename (dir, "bare.phaen", NULL);
  {
    g_autoptr (PhaenStore) store = phaen_store_create (path, &error);

    if (store == NULL || (plan = bench_ministry_fill (store, &size, &error)) == 0)
      die (error->message);
  }
  copy_file (path, bare);
  bare_edits (bare, "PERSIST"); /* warms the copy's pages and journal as the store's are */

  phaen = phaen_edits (path, plan);
  floor_persist = bare_edits (bare, "PERSIST");
  floor_delete = bare_edits (bare, "DELETE");
  floor_wal = bare_edits (bare, "WAL");

  g_print ("one edit on a ministry workspace (%u units, %u activities), median of %d:\n",
           size.units, size.activities, EDITS);
  g_print ("  %-44s %8.2f ms\n", "Phaen (kept journal, FULL, undo log)", phaen);
  g_print ("  %-44s %8.2f ms  (Phaen %.1fx)\n", "bare SQLite, kept journal (PERSIST), FULL",
           floor_persist, phaen / MAX (floor_persist, 1e-6));
  g_print ("  %-44s %8.2f ms  (Phaen %.1fx)\n", "bare SQLite, journal per commit (DELETE)",
           floor_delete, phaen / MAX (floor_delete, 1e-6));
  g_print ("  %-44s %8.2f ms  (Phaen %.1fx)\n", "bare SQLite, WAL, FULL (the old design)",
           floor_wal, phaen / MAX (floor_wal, 1e-6));

  for (const char *const *name = (const char *const[]){ "ministry.phaen", "bare.phaen", NULL };
       *name; name++)
    for (const char *const *suffix = (const char *const[]){ "", "-wal", "-shm", "-journal", NULL };
         *suffix; suffix++)
      {
        g_autofree char *file = g_strconcat (dir, G_DIR_SEPARATOR_S, *name, *suffix, NULL);

        g_remove (file);
      }
  g_rmdir (dir);
  return 0;
}
