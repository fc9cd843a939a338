/* fuzz-make-workspace.c — the workspace harness's seed: a small workspace from a sample file
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-fuzz"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "phaen-demo.h"

/* fuzz-make-workspace OUT.phaen SAMPLE.json: made at build time, so no binary is committed. */
int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenStore) store = NULL;

  if (argc != 3)
    g_error ("usage: %s OUT.phaen SAMPLE.json", argv[0]);
  g_unlink (argv[1]);
  store = phaen_store_create (argv[1], &error);
  if (store == NULL || !phaen_demo_load_file (store, argv[2], &error))
    g_error ("%s", error->message);
  phaen_store_clear_history (store);
  return EXIT_SUCCESS;
}
