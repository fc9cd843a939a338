/* fuzz-make-workspace.c — the workspace harness's seed: a workspace as small as one can be
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-fuzz"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdlib.h>

#include "fuzz-harness.h"
#include "phaen-store.h"

/* One unit, one plan with a few activities, one indicator with results and one evidence file:
 * every table the open path reads has a row, and the file stays a few kilobytes, so that
 * libFuzzer's mutations land in rows and schema rather than in empty pages. */
static void
fill (PhaenStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) pdf = g_bytes_new_static ("%PDF-1.4\n%%EOF\n", 15);
  PhaenBudgetQuarter quarter = { 0, 1, 100000, 20000, 10000 };
  gint64 unit, plan, parent, child, indicator;

  unit = phaen_store_add_unit (store, "สตป.", "สำนักตรวจสอบและประเมินผล", 0, &error);
  g_assert_no_error (error);
  g_assert_true (phaen_store_add_fiscal_year (store, 2567, &error));
  plan = phaen_store_add_plan (store, unit, 2567, PHAEN_PLAN_PROCESS, "แผนทดสอบ", &error);
  g_assert_no_error (error);
  g_assert_true (phaen_store_set_plan_section (store, plan, "process", "การตรวจติดตาม", &error));
  parent = phaen_store_add_activity (store, plan, 0, -1, "ตรวจติดตาม", &error);
  child = phaen_store_add_activity (store, plan, parent, -1, "จัดทำรายงาน", &error);
  phaen_store_add_activity (store, plan, 0, -1, "สรุปผล", &error);
  g_assert_no_error (error);
  g_assert_true (phaen_store_set_month_marks (
    store, child, 1, PHAEN_MARK_PLANNED | PHAEN_MARK_START | PHAEN_MARK_OUTPUT, &error));
  g_assert_true (phaen_store_set_month_progress (store, child, 1, "ร้อยละ ๕๐", &error));
  quarter.plan_id = plan;
  g_assert_true (phaen_store_set_budget_quarter (store, &quarter, &error));
  indicator = phaen_store_add_indicator (store, unit, 2567, "สตป.01", "ร้อยละของรายงาน", &error);
  g_assert_no_error (error);
  g_assert_true (phaen_store_set_result (store, indicator, 1, "๘๐", "ครบ", "", &error));
  g_assert_true (phaen_store_set_result (store, indicator, 2, "95.5", "", "ล่าช้า", &error));
  phaen_store_add_evidence_file (store, indicator, 1, "รายงาน.pdf", "application/pdf", pdf, &error);
  g_assert_no_error (error);
  phaen_store_clear_history (store);
}

/* 512-byte pages: the same rows in a fraction of the bytes. */
static void
shrink (const char *path)
{
  sqlite3 *db = NULL;

  if (sqlite3_open (path, &db) != SQLITE_OK ||
      sqlite3_exec (db, "PRAGMA page_size = 512; VACUUM", NULL, NULL, NULL) != SQLITE_OK)
    g_error ("%s: %s", path, sqlite3_errmsg (db));
  sqlite3_close (db);
}

/* An older Phaen's workspace with an edit still in its -wal, as one input: the file, the
 * marker fuzz-workspace.c splits at, the log. */
static void
write_with_wal (const char *path, const char *out)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *file_bytes = NULL;
  g_autofree char *wal_bytes = NULL;
  g_autoptr (GByteArray) joined = g_byte_array_new ();
  g_autoptr (GError) error = NULL;
  gsize file_len, wal_len;
  sqlite3 *db = NULL;

  if (sqlite3_open (path, &db) != SQLITE_OK ||
      sqlite3_exec (db,
                    "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0;"
                    "UPDATE activity SET name = 'ในบันทึก' WHERE id = 1",
                    NULL, NULL, NULL) != SQLITE_OK)
    g_error ("%s: %s", path, sqlite3_errmsg (db));
  if (!g_file_get_contents (path, &file_bytes, &file_len, &error) ||
      !g_file_get_contents (wal, &wal_bytes, &wal_len, &error))
    g_error ("%s", error->message);
  sqlite3_close (db);
  g_byte_array_append (joined, (const guint8 *)file_bytes, file_len);
  g_byte_array_append (joined, (const guint8 *)FUZZ_WAL_MARKER, sizeof FUZZ_WAL_MARKER - 1);
  g_byte_array_append (joined, (const guint8 *)wal_bytes, wal_len);
  if (!g_file_set_contents (out, (const char *)joined->data, joined->len, &error))
    g_error ("%s", error->message);
}

/* fuzz-make-workspace OUT.phaen OUT-WAL.phaen: made at build time, so no binary is committed. */
int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenStore) store = NULL;
  g_autofree char *scratch = NULL;

  if (argc != 3)
    g_error ("usage: %s OUT.phaen OUT-WAL.phaen", argv[0]);
  g_unlink (argv[1]);
  store = phaen_store_create (argv[1], &error);
  if (store == NULL)
    g_error ("%s", error->message);
  fill (store);
  g_clear_object (&store);
  shrink (argv[1]);

  scratch = g_strconcat (argv[2], ".tmp", NULL);
  g_unlink (scratch);
  {
    g_autoptr (GFile) from = g_file_new_for_path (argv[1]);
    g_autoptr (GFile) to = g_file_new_for_path (scratch);

    if (!g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error))
      g_error ("%s", error->message);
  }
  write_with_wal (scratch, argv[2]);
  g_unlink (scratch);
  {
    g_autofree char *wal = g_strconcat (scratch, "-wal", NULL);
    g_autofree char *shm = g_strconcat (scratch, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
  }
  return EXIT_SUCCESS;
}
