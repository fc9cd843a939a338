/* fuzz-workspace.c — opening a hostile workspace file and reading what it holds
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-fuzz"

#include <glib/gstdio.h>

#include "fuzz-harness.h"
#include "phaen-store.h"

static char *path;

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("phaen-fuzz-workspace-XXXXXX", &error);

  g_assert_no_error (error);
  path = g_build_filename (dir, "input.phaen", NULL);
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
}

static void
remove_files (void)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);

      g_unlink (name);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenStore) store = NULL;

  remove_files ();
  if (!g_file_set_contents (path, (const char *)data, size, &error))
    g_error ("%s", error->message);
  store = phaen_store_open (path, &error);
  if (store == NULL)
    g_assert_nonnull (error);
  else
    read_some (store);
  g_clear_object (&store);
  remove_files ();
  return 0;
}
