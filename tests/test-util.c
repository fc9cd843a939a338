/* test-util.c — what the core tests share: a workspace in a temporary folder of its own
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
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
