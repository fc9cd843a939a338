/* fuzz-workspace.c — opening a hostile workspace file, looking at it, repairing it, editing it
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-fuzz"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz-harness.h"
#include "phaen-store.h"

static char *dir;
static char *path;
static char *wal_path;
static char *copy_path;

static void clear_dir (void);

static void
remove_dir (void)
{
  clear_dir ();
  g_rmdir (dir);
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  g_autoptr (GError) error = NULL;

  dir = g_dir_make_tmp ("phaen-fuzz-workspace-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "input.phaen", NULL);
  wal_path = g_strconcat (path, "-wal", NULL);
  copy_path = g_build_filename (dir, "repaired.phaen", NULL);
  atexit (remove_dir);
  return 0;
}

/* What opening a workspace shows first: its counts, units, years, plans and their rows.
 * Errors are fine (a damaged file); crashes and hangs are not. */
static void
read_some (PhaenStore *store)
{
  g_autoptr (GPtrArray) units = phaen_store_list_units (store, NULL);
  g_autoptr (GArray) years = phaen_store_list_fiscal_years (store, NULL);
  g_autoptr (GPtrArray) plans = phaen_store_list_plans (store, 0, 0, NULL);
  g_autoptr (GPtrArray) indicators = phaen_store_list_indicators (store, 0, 0, NULL);
  PhaenStoreStats stats;

  (void)phaen_store_get_stats (store, &stats, NULL);
  for (guint i = 0; plans != NULL && i < MIN (plans->len, 4); i++)
    {
      const PhaenPlan *plan = g_ptr_array_index (plans, i);
      g_autoptr (GPtrArray) activities = phaen_store_list_activities (store, plan->id, NULL);
      g_autoptr (GArray) quarters = phaen_store_list_budget_quarters (store, plan->id, NULL);
      g_autofree char *section = phaen_store_get_plan_section (store, plan->id, "process", NULL);
    }
  for (guint i = 0; units != NULL && i < MIN (units->len, 4); i++)
    {
      const PhaenUnit *unit = g_ptr_array_index (units, i);
      g_autoptr (GPtrArray) people = phaen_store_list_people (store, unit->id, NULL);
    }
  for (guint i = 0; indicators != NULL && i < MIN (indicators->len, 4); i++)
    {
      const PhaenIndicator *indicator = g_ptr_array_index (indicators, i);
      g_autoptr (GPtrArray) results = phaen_store_get_results (store, indicator->id, NULL);
      g_autoptr (GPtrArray) evidence = phaen_store_list_evidence (store, indicator->id, 1, NULL);
      g_autoptr (PhaenCriteriaVersion) criteria =
        phaen_store_get_criteria (store, indicator->id, NULL);

      for (guint e = 0; evidence != NULL && e < MIN (evidence->len, 2); e++)
        {
          const PhaenEvidence *item = g_ptr_array_index (evidence, e);
          g_autoptr (GBytes) data = phaen_store_get_evidence_data (store, item->id, NULL);
        }
    }
}

/* One edit and its undo on a workspace open for editing: the undo triggers see the file's rows. */
static void
edit_some (PhaenStore *store)
{
  g_autoptr (GPtrArray) plans = phaen_store_list_plans (store, 0, 0, NULL);

  if (plans == NULL || plans->len == 0)
    return;
  if (phaen_store_add_activity (store, ((PhaenPlan *)g_ptr_array_index (plans, 0))->id, 0, 0,
                                "fuzz", NULL) != 0)
    (void)phaen_store_undo (store, NULL);
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *)a, *(const char *const *)b);
}

/* The temporary folder's names, sorted, as one string. */
static char *
list_dir (void)
{
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, (char *)name);
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **)names->pdata);
}

/* Everything opening or repairing can leave: the input and its SQLite sidecars, the lock file
 * `.~lock.NAME#`, a migration's `.vN.bak`, the repaired copy and its `.part`. */
static void
clear_dir (void)
{
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *file = g_build_filename (dir, name, NULL);

      g_unlink (file);
    }
}

/* Opening to look and repairing never write the input, nor anything beside it. */
static void
assert_untouched (
  const uint8_t *data, size_t size, const uint8_t *wal, size_t wal_size, const char *expected_names)
{
  g_autofree char *contents = NULL;
  g_autofree char *names = list_dir ();
  gsize length = 0;

  g_assert_cmpstr (names, ==, expected_names);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, data, size);
  if (wal != NULL)
    {
      g_clear_pointer (&contents, g_free);
      g_assert_true (g_file_get_contents (wal_path, &contents, &length, NULL));
      g_assert_cmpmem (contents, length, wal, wal_size);
    }
}

static const uint8_t *
find_marker (const uint8_t *data, size_t size)
{
  const size_t n = sizeof FUZZ_WAL_MARKER - 1;

  for (size_t i = 0; i + n <= size; i++)
    if (data[i] == FUZZ_WAL_MARKER[0] && memcmp (data + i, FUZZ_WAL_MARKER, n) == 0)
      return data + i;
  return NULL;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenStore) store = NULL;
  g_autofree char *lock = NULL;
  const uint8_t *wal = find_marker (data, size);
  size_t wal_size = 0;
  const char *alone = "input.phaen";
  const char *repaired = "input.phaen repaired.phaen";

  /* After the marker: an older Phaen's -wal beside the workspace. */
  if (wal != NULL)
    {
      wal += sizeof FUZZ_WAL_MARKER - 1;
      wal_size = data + size - wal;
      size = wal - data - (sizeof FUZZ_WAL_MARKER - 1);
      alone = "input.phaen input.phaen-wal";
      repaired = "input.phaen input.phaen-wal repaired.phaen";
    }
  clear_dir ();
  if (!g_file_set_contents (path, (const char *)data, size, &error) ||
      (wal != NULL && !g_file_set_contents (wal_path, (const char *)wal, wal_size, &error)))
    g_error ("%s", error->message);

  store = phaen_store_open_read_only (path, &error);
  g_assert_true ((store == NULL) == (error != NULL));
  if (store != NULL)
    read_some (store);
  g_clear_object (&store);
  g_clear_error (&error);
  assert_untouched (data, size, wal, wal_size, alone);

  if (phaen_store_repair_into_copy (path, copy_path, &error))
    {
      /* A repaired copy is a clean workspace: it opens. */
      store = phaen_store_open_read_only (copy_path, &error);
      g_assert_no_error (error);
      read_some (store);
      g_clear_object (&store);
      assert_untouched (data, size, wal, wal_size, repaired);
      g_unlink (copy_path);
    }
  else
    {
      g_assert_nonnull (error);
      assert_untouched (data, size, wal, wal_size, alone);
    }
  g_clear_error (&error);

  store = phaen_store_open (path, &error);
  g_assert_true ((store == NULL) == (error != NULL));
  if (store != NULL)
    {
      read_some (store);
      edit_some (store);
    }
  g_clear_object (&store);
  /* Closing (or failing to open) gives the lock back. */
  lock = g_strconcat (dir, "/.~lock.input.phaen#", NULL);
  g_assert_false (g_file_test (lock, G_FILE_TEST_EXISTS));

  clear_dir ();
  return 0;
}
