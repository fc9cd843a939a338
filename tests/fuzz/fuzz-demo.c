/* fuzz-demo.c — the JSON sample loader given a hostile file
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-fuzz"

#include <glib/gstdio.h>

#include "fuzz-harness.h"
#include "phaen-demo.h"

/* One workspace for the whole run: a file that loads is undone again, so that every input
 * meets the same empty workspace. */
static char *json_path;
static PhaenStore *store;

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("phaen-fuzz-demo-XXXXXX", &error);
  g_autofree char *store_path = NULL;

  g_assert_no_error (error);
  store_path = g_build_filename (dir, "fuzz.phaen", NULL);
  json_path = g_build_filename (dir, "input.json", NULL);
  store = phaen_store_create (store_path, &error);
  g_assert_no_error (error);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  PhaenStoreStats stats;

  if (!g_file_set_contents (json_path, (const char *)data, size, &error))
    g_error ("%s", error->message);
  if (!phaen_demo_load_file (store, json_path, &error))
    g_assert_nonnull (error);
  else if (phaen_store_can_undo (store) && !phaen_store_undo (store, &error))
    g_error ("undoing a loaded file failed: %s", error->message);
  phaen_store_clear_history (store);
  g_clear_error (&error);

  if (!phaen_store_get_stats (store, &stats, &error))
    g_error ("%s", error->message);
  g_assert_cmpint (stats.units + stats.plans + stats.indicators, ==, 0);
  return 0;
}
