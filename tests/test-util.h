/* test-util.h — what the core tests share: a workspace in a temporary folder of its own
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "phaen-store.h"

G_BEGIN_DECLS

PhaenStore *test_workspace_new (const char *file_name, char **dir);
void test_workspace_close (PhaenStore **store, char **dir);

/* Adds a top-level unit; asserts it was added. Returns: its id */
gint64 test_add_unit (PhaenStore *store, const char *abbr, const char *name);
/* Adds a plan of @unit; asserts it was added. Returns: its id */
gint64 test_add_plan (
  PhaenStore *store, gint64 unit, int fiscal_year, PhaenPlanKind kind, const char *title);
/* Adds the activity @name under @parent (0: the top level) at the end; asserts it was added.
 * Returns: its id */
gint64 test_add_activity (PhaenStore *store, gint64 plan, gint64 parent, const char *name);
/* A top-level activity planned (■) in months @first to @last; none when @last is past the
 * longest plan. Returns: its id */
gint64 test_add_planned_activity (
  PhaenStore *store, gint64 plan, const char *name, guint first, guint last);
/* The id of the unit @abbr; asserts there is one. */
gint64 test_unit_id (PhaenStore *store, const char *abbr);

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

/* Runs the main loop for @ms milliseconds, whatever happens (a debounced save, say). */
void run_for (guint ms);

/* What one run of phaen-cli ($PHAEN_CLI) printed and how it ended. */
typedef struct
{
  GSpawnChildSetupFunc setup; /* set before run_cli() to change the child's limits */
  int status;
  char *out;
  char *err;
} Run;

void run_clear (Run *run);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs phaen-cli with @args (its arguments, without the program) and waits for it. */
void run_cli_argv (Run *run, GPtrArray *args);
/* The same, with the arguments listed up to a NULL. */
void run_cli (Run *run, const char *first, ...) G_GNUC_NULL_TERMINATED;
/* The run's exit code: 0 for success. */
int exit_code (const Run *run);

G_END_DECLS
