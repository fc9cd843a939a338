/* test-util.c — what the core tests share: a workspace in a temporary folder of its own
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>

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
