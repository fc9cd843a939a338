/* test-util.h — what the core tests share: a workspace in a temporary folder of its own
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "phaen-store.h"

G_BEGIN_DECLS

PhaenStore *test_workspace_new (const char *file_name, char **dir);
void test_workspace_close (PhaenStore **store, char **dir);

/* A process id that was in use a moment ago and is no longer (a crashed writer's). */
int test_dead_pid (void);

/* The SHA-256 of @path's bytes. Returns: (transfer full) */
char *test_checksum_of (const char *path);
/* Compares two elements of a GPtrArray of strings (g_ptr_array_sort() passes pointers to the
 * elements, not the strings). */
int test_compare_strings (gconstpointer a, gconstpointer b);

/* The SHA-256 of every row a workspace holds (meta aside): equal digests mean no data changed,
 * even when opening to edit rewrote the session marker. Returns: (transfer full) */
char *test_workspace_digest (const char *path);

/* A file's bytes and its folder's names, to prove that something wrote nothing. */
typedef struct
{
  char *checksum;
  char *listing;
} TestSnapshot;

void test_snapshot_take (TestSnapshot *snapshot, const char *path);
/* Asserts that @path and its folder are as @snapshot saw them, and clears it. */
void test_snapshot_assert_unchanged (TestSnapshot *snapshot, const char *path);

G_END_DECLS
