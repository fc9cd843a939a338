/* test-workspace-safety.c — no acknowledged edit is lost, whatever else touches the file
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The crash harness: a child process edits the workspace through the store and acknowledges
 * each edit on a pipe once the call has returned; the parent kills it with SIGKILL at a random
 * moment and then finds every acknowledged edit in the file. PHAEN_CRASH_ROUNDS sets the
 * number of rounds (20 here; bench/ runs 200). */
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "phaen-error.h"
#include "phaen-workspace-lock.h"
#include "test-util.h"

typedef struct
{
  PhaenStore *store;
  char *dir;
  char *path;
  gint64 unit;
  gint64 plan;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->store = test_workspace_new ("งาน.phaen", &f->dir);
  f->path = g_strdup (phaen_store_get_path (f->store));
  f->unit = phaen_store_add_unit (f->store, "กพร.", "กลุ่มพัฒนาระบบบริหาร", 0, &error);
  g_assert_no_error (error);
  f->plan = phaen_store_add_plan (f->store, f->unit, 2564, PHAEN_PLAN_PROCESS, "แผนทดสอบ", &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_chmod (f->dir, 0755);
  g_chmod (f->path, 0644);
  test_workspace_close (&f->store, &f->dir);
  g_free (f->path);
}

/* ------------------------------------------------------------------ helpers */

static void
copy_file (const char *from, const char *to)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (from, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (to, contents, length, NULL));
}

static void
exec_raw (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static char *
integrity_of (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    result = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return result;
}

/* meta "session": "open" while a writer has the file, "closed" after a clean close; opening
 * runs the full integrity check unless it says "closed". */
static char *
session_of (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *state = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (
    sqlite3_prepare_v2 (db, "SELECT value FROM meta WHERE key = 'session'", -1, &stmt, NULL), ==,
    SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    state = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return state;
}

static gboolean
has_activity (PhaenStore *store, gint64 plan, const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) activities = phaen_store_list_activities (store, plan, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < activities->len; i++)
    if (g_str_equal (((PhaenActivity *)g_ptr_array_index (activities, i))->name, name))
      return TRUE;
  return FALSE;
}

/* What another process does when it opens the workspace to look: phaen-cli info when the
 * test knows where it is, else a read-only store in a process of its own. */
static void
second_process_reads (const char *path)
{
  const char *cli = g_getenv ("PHAEN_CLI");
  int status = 0;
  pid_t pid;

  if (cli != NULL)
    {
      const char *argv[] = { cli, "info", path, NULL };

      g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL,
                                   NULL, NULL, NULL, &status, NULL));
      return;
    }
  pid = fork ();
  if (pid == 0)
    {
      PhaenStore *reader = phaen_store_open_read_only (path, NULL);

      if (reader != NULL)
        phaen_store_list_units (reader, NULL);
      _exit (0);
    }
  waitpid (pid, &status, 0);
}

/* What GTK's file chooser, a thumbnailer or an old export did inside the app's process: open
 * and close the workspace through a descriptor of its own. */
static void
foreign_descriptor (const char *path)
{
  int fd = open (path, O_RDONLY);
  char byte;

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (read (fd, &byte, 1), ==, 1);
  close (fd);
}

static void
ack (int fd, char kind, int n)
{
  g_autofree char *line = g_strdup_printf ("%c %d\n", kind, n);
  gssize length = strlen (line);

  if (write (fd, line, length) != length)
    _exit (3);
}

/* The child: random edits through the store, each acknowledged once its call returned. With
 * @foreign, first the in-process foreign descriptor and a second process reading the file. */
G_GNUC_NORETURN static void
edit_until_killed (const char *path, gint64 plan, int ack_fd, guint32 seed, gboolean foreign)
{
  g_autoptr (GError) error = NULL;
  PhaenStore *store = NULL;
  GRand *rand = g_rand_new_with_seed (seed);

  /* A forked child inherits GLib's random state, and with it the parent's next UUIDs. */
  g_random_set_seed (seed ^ (guint32)getpid ());
  store = phaen_store_open (path, &error);

  if (store == NULL)
    {
      g_printerr ("child: %s\n", error->message);
      _exit (2);
    }
  if (foreign)
    {
      foreign_descriptor (path);
      second_process_reads (path);
    }
  /* Open: the parent's clock starts now, so that a slow open (a sanitizer build, a loaded
   * machine) cannot use up the whole round before the first edit. */
  ack (ack_fd, 'O', 0);
  for (int i = 0;; i++)
    {
      g_autofree char *text = g_strdup_printf ("รายการ %u-%d", seed, i);
      g_autofree char *abbr = g_strdup_printf ("U%u-%d", seed, i);
      gboolean ok = FALSE;
      char kind = "UAS"[g_rand_int_range (rand, 0, 3)];

      if (kind == 'U')
        ok = phaen_store_add_unit (store, abbr, text, 0, &error) > 0;
      else if (kind == 'A')
        ok = phaen_store_add_activity (store, plan, 0, -1, text, &error) > 0;
      else
        ok = phaen_store_set_plan_section (store, plan, "background", text, &error);
      if (!ok)
        {
          g_printerr ("child: %s\n", error->message);
          _exit (2);
        }
      ack (ack_fd, kind, i);
    }
}

typedef struct
{
  GArray *units;      /* int */
  GArray *activities; /* int */
  int last_section;   /* -1: none */
  int last;           /* the last acknowledged edit */
} Acks;

/* Reads the child's first line, "O 0", byte by byte: nothing after it is consumed. */
static void
wait_until_open (int fd)
{
  char c = 0;
  gboolean first = TRUE;

  while (read (fd, &c, 1) == 1 && c != '\n')
    {
      if (first)
        g_assert_cmpint (c, ==, 'O');
      first = FALSE;
    }
  g_assert_cmpint (c, ==, '\n');
}

static void
read_acks (int fd, Acks *acks)
{
  g_autoptr (GIOChannel) channel = g_io_channel_unix_new (fd);
  char *line = NULL;

  acks->last_section = -1;
  acks->last = -1;
  while (g_io_channel_read_line (channel, &line, NULL, NULL, NULL) == G_IO_STATUS_NORMAL)
    {
      int n = atoi (line + 2);

      if (line[0] == 'U')
        g_array_append_val (acks->units, n);
      else if (line[0] == 'A')
        g_array_append_val (acks->activities, n);
      else
        acks->last_section = n;
      acks->last = n;
      g_free (line);
    }
}

/* Every acknowledged edit is in the file; the one in flight when the kill came may be too. */
static void
check_acks (const char *path, gint64 plan, guint32 seed, const Acks *acks)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *integrity = integrity_of (path);
  g_autoptr (PhaenStore) store = NULL;
  g_autofree char *section = NULL;

  g_assert_cmpstr (integrity, ==, "ok");
  {
    g_autofree char *session = session_of (path);

    /* A writer that got as far as editing was killed with the file open: the next open checks
     * the whole file. */
    if (acks->last >= 0)
      g_assert_cmpstr (session, ==, "open");
  }
  /* The killed writer's lock is left behind; its process is gone, so it is taken over. */
  store = phaen_store_open (path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < acks->units->len; i++)
    {
      g_autofree char *abbr = g_strdup_printf ("U%u-%d", seed, g_array_index (acks->units, int, i));
      g_autoptr (PhaenUnit) unit = phaen_store_find_unit (store, abbr, &error);

      g_assert_no_error (error);
      g_assert_nonnull (unit);
    }
  for (guint i = 0; i < acks->activities->len; i++)
    {
      g_autofree char *name =
        g_strdup_printf ("รายการ %u-%d", seed, g_array_index (acks->activities, int, i));

      g_assert_true (has_activity (store, plan, name));
    }
  section = phaen_store_get_plan_section (store, plan, "background", &error);
  g_assert_no_error (error);
  if (acks->last_section >= 0)
    {
      g_autofree char *acked = g_strdup_printf ("รายการ %u-%d", seed, acks->last_section);
      g_autofree char *in_flight = g_strdup_printf ("รายการ %u-%d", seed, acks->last + 1);

      if (!g_str_equal (section, acked) && !g_str_equal (section, in_flight))
        g_error ("section is “%s”, acknowledged “%s”", section, acked);
    }
}

/* One round: a child edits; SIGKILL after @delay_ms; every acknowledged edit is found. Returns
 * how many edits the child acknowledged. */
static guint
crash_round (const char *path, gint64 plan, guint32 seed, guint delay_ms, gboolean foreign)
{
  Acks acks = { g_array_new (FALSE, FALSE, sizeof (int)),
                g_array_new (FALSE, FALSE, sizeof (int)) };
  int fds[2];
  int status = 0;
  guint n;
  pid_t pid;

  g_assert_cmpint (pipe (fds), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      close (fds[0]);
      edit_until_killed (path, plan, fds[1], seed, foreign);
    }
  close (fds[1]);
  wait_until_open (fds[0]);
  g_usleep (delay_ms * 1000);
  kill (pid, SIGKILL);
  read_acks (fds[0], &acks);
  close (fds[0]);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);
  check_acks (path, plan, seed, &acks);
  n = acks.units->len + acks.activities->len + (acks.last_section >= 0 ? 1 : 0);
  g_array_unref (acks.units);
  g_array_unref (acks.activities);
  return n;
}

static int
crash_rounds (void)
{
  const char *env = g_getenv ("PHAEN_CRASH_ROUNDS");

  return env ? MAX (1, atoi (env)) : 20;
}

/* ------------------------------------------------------------------ tests */

static void
test_crash_harness (Fixture *f, gconstpointer data)
{
  gboolean foreign = GPOINTER_TO_INT (data);
  GRand *rand = g_rand_new_with_seed (20261207);
  int rounds = crash_rounds ();
  guint edits = 0;

  g_clear_object (&f->store);
  for (int round = 0; round < rounds; round++)
    edits +=
      crash_round (f->path, f->plan, g_rand_int (rand), g_rand_int_range (rand, 30, 250), foreign);
  g_test_message ("%d rounds, %u acknowledged edits, none lost", rounds, edits);
  g_assert_cmpuint (edits, >, 0);
  g_rand_free (rand);
}

/* A clean close says so in the file; the next open then skips the full integrity check. */
static void
test_session_marker (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *open = session_of (f->path);
  g_autofree char *closed = NULL;

  g_assert_cmpstr (open, ==, "open");
  g_clear_object (&f->store);
  closed = session_of (f->path);
  g_assert_cmpstr (closed, ==, "closed");
  f->store = phaen_store_open (f->path, &error);
  g_assert_no_error (error);
}

/* The file alone holds every edit while the store is open: no sidecar to copy along. */
static void
test_copy_while_open (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *copy = g_build_filename (f->dir, "copy.phaen", NULL);
  g_autofree char *mode = phaen_store_get_journal_mode (f->store);
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autoptr (PhaenStore) copied = NULL;

  g_assert_cmpstr (mode, ==, "persist");
  phaen_store_add_activity (f->store, f->plan, 0, -1, "ส่งอีเมล", &error);
  g_assert_no_error (error);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  copy_file (f->path, copy);
  copied = phaen_store_open_read_only (copy, &error);
  g_assert_no_error (error);
  g_assert_true (has_activity (copied, f->plan, "ส่งอีเมล"));
}

/* The observed loss, step by step, in one process: foreign close, a second process opens the
 * file, then more edits; a copy of the file alone has them all. */
static void
test_foreign_descriptor (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *copy = g_build_filename (f->dir, "after.phaen", NULL);
  g_autoptr (PhaenStore) copied = NULL;

  foreign_descriptor (f->path);
  second_process_reads (f->path);
  phaen_store_add_activity (f->store, f->plan, 0, -1, "หลังปิด 1", &error);
  g_assert_no_error (error);
  phaen_store_add_activity (f->store, f->plan, 0, -1, "หลังปิด 2", &error);
  g_assert_no_error (error);
  second_process_reads (f->path);

  copy_file (f->path, copy);
  copied = phaen_store_open_read_only (copy, &error);
  g_assert_no_error (error);
  g_assert_true (has_activity (copied, f->plan, "หลังปิด 1"));
  g_assert_true (has_activity (copied, f->plan, "หลังปิด 2"));
}

/* A second writer is told who has the file; it can still look. */
static void
test_second_writer (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenStore) second = phaen_store_open (f->path, &error);
  g_autoptr (PhaenStore) viewer = NULL;
  g_autoptr (PhaenLockOwner) owner = phaen_lock_read_owner (f->path);
  g_autofree char *lock = phaen_lock_path_for (f->path);

  g_assert_null (second);
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, g_get_user_name ()));
  g_assert_nonnull (strstr (error->message, g_get_host_name ()));
  g_assert_nonnull (owner);
  g_assert_cmpint (owner->pid, ==, getpid ());
  g_assert_nonnull (owner->since);
  g_clear_error (&error);

  viewer = phaen_store_open_read_only (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (phaen_store_is_read_only (viewer));
  g_assert_cmpint (phaen_store_add_unit (viewer, "X", "x", 0, &error), ==, 0);
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* The viewer sees the writer's edit. */
  g_assert_false (phaen_store_check_outside_change (viewer));
  phaen_store_add_unit (f->store, "สตป.", "สำนักตรวจสอบและประเมินผล", 0, &error);
  g_assert_no_error (error);
  g_assert_true (phaen_store_check_outside_change (viewer));
  g_assert_false (phaen_store_check_outside_change (viewer));
  {
    g_autoptr (PhaenUnit) unit = phaen_store_find_unit (viewer, "สตป.", &error);

    g_assert_no_error (error);
    g_assert_nonnull (unit);
  }

  /* Closing releases the lock: then a second writer may open. */
  g_assert_true (g_file_test (lock, G_FILE_TEST_EXISTS));
  g_clear_object (&f->store);
  g_assert_false (g_file_test (lock, G_FILE_TEST_EXISTS));
  second = phaen_store_open (f->path, &error);
  g_assert_no_error (error);
  f->store = g_steal_pointer (&second);
}

/* A lock from a process of this computer that no longer runs is taken over; one from another
 * computer is not, unless the user says so. */
static void
test_stale_and_foreign_locks (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *lock = phaen_lock_path_for (f->path);
  g_autofree char *dead = NULL;
  g_autoptr (PhaenStore) store = NULL;

  g_clear_object (&f->store);
  dead = g_strdup_printf ("Phaen workspace lock\nuser=somchai\nname=สมชาย\nhost=%s\npid=%d\n"
                          "since=2026-12-01T01:00:00Z\n",
                          g_get_host_name (), test_dead_pid ());
  g_assert_true (g_file_set_contents (lock, dead, -1, NULL));
  store = phaen_store_open (f->path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  g_assert_true (g_file_set_contents (lock,
                                      "Phaen workspace lock\nuser=somchai\nname=สมชาย ใจดี\n"
                                      "host=desk-12\npid=4242\nsince=2026-12-01T01:00:00Z\n",
                                      -1, NULL));
  store = phaen_store_open (f->path, &error);
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "สมชาย ใจดี (somchai)"));
  g_assert_nonnull (strstr (error->message, "desk-12"));
  g_assert_nonnull (strstr (error->message, "1 ธ.ค. 69 08:00"));
  g_clear_error (&error);
  store = phaen_store_open_full (f->path, PHAEN_STORE_OPEN_IGNORE_LOCK, &error);
  g_assert_no_error (error);
  f->store = g_steal_pointer (&store);
}

/* Undo in one writer never reverts an edit that another writer made since. */
static void
test_undo_keeps_other_writers_edits (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenStore) other = NULL;
  g_autoptr (PhaenUnit) unit = phaen_store_get_unit (f->store, f->unit, &error);
  g_autoptr (PhaenUnit) mine = NULL;
  g_autoptr (PhaenUnit) after = NULL;

  g_assert_no_error (error);
  g_free (unit->name);
  unit->name = g_strdup ("ชื่อของฉัน");
  g_assert_true (phaen_store_update_unit (f->store, unit, &error));
  g_assert_true (phaen_store_can_undo (f->store));

  /* "Open anyway" on another desk: a second writer changes the same row. */
  other = phaen_store_open_full (f->path, PHAEN_STORE_OPEN_IGNORE_LOCK, &error);
  g_assert_no_error (error);
  mine = phaen_store_get_unit (other, f->unit, &error);
  g_free (mine->name);
  mine->name = g_strdup ("ชื่อของอีกคน");
  g_assert_true (phaen_store_update_unit (other, mine, &error));

  g_assert_false (phaen_store_undo (f->store, &error));
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_false (phaen_store_can_undo (f->store));
  after = phaen_store_get_unit (f->store, f->unit, &error);
  g_assert_cmpstr (after->name, ==, "ชื่อของอีกคน");
}

/* A file marked read-only, or in a folder that cannot be written, opens read-only and is
 * never written: not even a lock or a journal appears beside it. */
static void
test_read_only_file (Fixture *f, gconstpointer data)
{
  gboolean folder = GPOINTER_TO_INT (data);
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenStore) store = NULL;
  TestSnapshot before;

  g_clear_object (&f->store);
  if (folder)
    g_assert_cmpint (g_chmod (f->dir, 0555), ==, 0);
  else
    g_assert_cmpint (g_chmod (f->path, 0444), ==, 0);
  test_snapshot_take (&before, f->path);

  store = phaen_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (phaen_store_is_read_only (store));
  g_assert_cmpint (phaen_store_get_read_only_reason (store), ==,
                   folder ? PHAEN_STORE_READ_ONLY_FOLDER : PHAEN_STORE_READ_ONLY_FILE);
  g_assert_cmpint (phaen_store_add_unit (store, "X", "x", 0, &error), ==, 0);
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_READ_ONLY);
  /* In Thai (test-i18n.c): "its folder cannot be written" / "the file is marked read-only". */
  g_assert_nonnull (
    strstr (error->message, folder ? "เขียนลงโฟลเดอร์ของแฟ้มไม่ได้" : "แฟ้มถูกตั้งเป็นอ่านอย่างเดียว"));
  g_clear_error (&error);
  {
    g_autoptr (PhaenPlan) plan = phaen_store_get_plan (store, f->plan, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (plan->title, ==, "แผนทดสอบ");
  }
  g_clear_object (&store);

  test_snapshot_assert_unchanged (&before, f->path);
  g_chmod (f->dir, 0755);
  g_chmod (f->path, 0644);
  f->store = phaen_store_open (f->path, &error);
  g_assert_no_error (error);
}

/* Sets byte 18 of the header, the version SQLite needs to write the file. */
static void
set_write_version (const char *path, guint8 version)
{
  FILE *file = g_fopen (path, "r+b");

  g_assert_nonnull (file);
  g_assert_cmpint (fseek (file, 18, SEEK_SET), ==, 0);
  g_assert_cmpint (fputc (version, file), ==, version);
  g_assert_cmpint (fclose (file), ==, 0);
}

/* Opening to look and repairing write nothing, also for an older workspace in WAL mode, for
 * one whose header says WAL only in the byte SQLite reads it from (the read version, 19: data 2
 * sets the write version, 18, back to 1), and for one with a stray -wal beside it (data 3). */
static void
test_reading_never_writes (Fixture *f, gconstpointer data)
{
  gboolean wal = GPOINTER_TO_INT (data) != 0;
  g_autofree char *repair_dir = g_dir_make_tmp ("phaen-repair-XXXXXX", NULL);
  g_autofree char *repaired = g_build_filename (repair_dir, "repaired.phaen", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenStore) store = NULL;
  g_autoptr (GPtrArray) units = NULL;
  TestSnapshot before;

  g_clear_object (&f->store);
  if (wal)
    exec_raw (f->path, "PRAGMA journal_mode = WAL");
  if (GPOINTER_TO_INT (data) == 2)
    set_write_version (f->path, 1);
  if (GPOINTER_TO_INT (data) == 3)
    {
      /* Any -wal makes SQLite read in WAL mode, whatever the header says. */
      g_autofree char *wal_name = g_strconcat (f->path, "-wal", NULL);

      g_assert_true (g_file_set_contents (
        wal_name, "not a log, but long enough for a log's header of 32 bytes and more", -1, NULL));
    }
  test_snapshot_take (&before, f->path);
  store = phaen_store_open_read_only (f->path, &error);
  g_assert_no_error (error);
  units = phaen_store_list_units (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (units->len, ==, 1);
  g_clear_object (&store);
  g_assert_true (phaen_store_repair_into_copy (f->path, repaired, &error));
  g_assert_no_error (error);
  g_unlink (repaired);
  g_rmdir (repair_dir);
  test_snapshot_assert_unchanged (&before, f->path);

  /* Opening it to edit turns an old WAL workspace into one that keeps everything in itself. */
  f->store = phaen_store_open (f->path, &error);
  g_assert_no_error (error);
  {
    g_autofree char *mode = phaen_store_get_journal_mode (f->store);

    g_assert_cmpstr (mode, ==, "persist");
  }
}

/* Only regular files: a FIFO would hang every reader. */
static void
test_not_a_regular_file (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *fifo = g_build_filename (f->dir, "x.phaen", NULL);
  g_autofree char *link = g_build_filename (f->dir, "link.phaen", NULL);
  g_autoptr (PhaenStore) store = NULL;

  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  store = phaen_store_open_read_only (fifo, &error);
  g_assert_null (store);
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_NOT_WORKSPACE);
  g_clear_error (&error);
  store = phaen_store_open (f->dir, &error);
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_NOT_WORKSPACE);
  g_clear_error (&error);

  /* A link is followed to its file, and the lock goes beside the file. */
  g_clear_object (&f->store);
  g_assert_cmpint (symlink (f->path, link), ==, 0);
  store = phaen_store_open (link, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (phaen_store_get_path (store), ==, f->path);
  f->store = g_steal_pointer (&store);
}

/* ------------------------------------------------------------------ schema */

static const char *const tampering[] = {
  "CREATE TRIGGER evil AFTER UPDATE ON activity BEGIN UPDATE indicator SET name = 'HACKED'; END",
  "CREATE TABLE undolog (seq INTEGER PRIMARY KEY, sql TEXT)",
  "DROP TABLE evidence; CREATE VIEW evidence AS SELECT 1 AS id",
  "CREATE INDEX extra ON activity (name)",
  "CREATE VIEW v AS SELECT * FROM unit",
  "CREATE TRIGGER evil2\n  AFTER INSERT ON unit\nBEGIN\n  DELETE FROM plan;\nEND",
};

/* What the refusal must name: the object added, not a neighbour in the sorted list. */
static const char *const tampering_names[] = {
  "“evil”",  "“undolog”", "“evidence”",
  "“extra”", "“v”",       "“evil2” on “unit”: CREATE TRIGGER evil2 AFTER",
};

static void
test_tampered_schema (Fixture *f, gconstpointer data)
{
  G_STATIC_ASSERT (G_N_ELEMENTS (tampering) == G_N_ELEMENTS (tampering_names));

  for (guint i = 0; i < G_N_ELEMENTS (tampering); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("t%u.phaen", i);
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_autofree char *fixed_name = g_strdup_printf ("t%u-fixed.phaen", i);
      g_autofree char *fixed = g_build_filename (f->dir, fixed_name, NULL);
      g_autoptr (PhaenStore) store = NULL;
      TestSnapshot before;

      copy_file (f->path, path);
      exec_raw (path, tampering[i]);
      test_snapshot_take (&before, path);

      store = phaen_store_open (path, &error);
      g_assert_null (store);
      g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_SCHEMA);
      /* One line however the SQL was laid out (phaen-cli prints it as one sentence). */
      g_assert_nonnull (strstr (error->message, tampering_names[i]));
      g_assert_null (strchr (error->message, '\n'));
      g_clear_error (&error);
      store = phaen_store_open_read_only (path, &error);
      g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_SCHEMA);
      g_clear_error (&error);
      test_snapshot_assert_unchanged (&before, path);

      /* Repaired into a copy: Phaen's data, none of the additions. */
      g_assert_true (phaen_store_repair_into_copy (path, fixed, &error));
      g_assert_no_error (error);
      store = phaen_store_open (fixed, &error);
      g_assert_no_error (error);
      {
        g_autoptr (PhaenPlan) plan = phaen_store_get_plan (store, f->plan, &error);

        g_assert_no_error (error);
        g_assert_cmpstr (plan->title, ==, "แผนทดสอบ");
      }
      g_assert_false (phaen_store_repair_into_copy (path, fixed, &error));
      g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_IO);
    }
}

/* A newer schema version waiting in an old-style -wal is refused, and nothing is written. */
static void
test_newer_version_in_wal (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *copy = g_build_filename (f->dir, "newer.phaen", NULL);
  g_autofree char *copy_wal = g_strconcat (copy, "-wal", NULL);
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autoptr (PhaenStore) store = NULL;
  TestSnapshot before, after;
  sqlite3 *db = NULL;

  g_clear_object (&f->store);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0;"
                                 "PRAGMA user_version = 99",
                                 NULL, NULL, NULL),
                   ==, SQLITE_OK);
  /* Copied while the log still holds the new version. */
  copy_file (f->path, copy);
  copy_file (wal, copy_wal);
  {
    g_autofree char *restore = g_strdup_printf (
      "PRAGMA user_version = %d; PRAGMA journal_mode = DELETE", PHAEN_STORE_SCHEMA_VERSION);

    sqlite3_exec (db, restore, NULL, NULL, NULL);
  }
  sqlite3_close (db);

  test_snapshot_take (&before, copy);
  store = phaen_store_open (copy, &error);
  g_assert_null (store);
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_TOO_NEW);
  g_clear_error (&error);
  /* The file itself; reading the old log needs a -shm beside it. */
  test_snapshot_take (&after, copy);
  g_assert_cmpstr (before.checksum, ==, after.checksum);
  g_free (before.checksum);
  g_free (before.listing);
  g_free (after.checksum);
  g_free (after.listing);
  f->store = phaen_store_open (f->path, &error);
  g_assert_no_error (error);
}

/* An older Phaen's workspace whose last edits are still in its -wal (it has the file open, or
 * stopped before folding the log in): opening to look and repairing read a snapshot, so the
 * log's edits are seen and not even a -shm appears beside the file. */
static void
test_reading_wal_frames (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *sub = g_build_filename (f->dir, "old", NULL);
  g_autofree char *copy = g_build_filename (sub, "old.phaen", NULL);
  g_autofree char *copy_wal = g_strconcat (copy, "-wal", NULL);
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *repaired = g_build_filename (f->dir, "repaired.phaen", NULL);
  TestSnapshot before;
  sqlite3 *db = NULL;

  g_clear_object (&f->store);
  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0;"
                                 "UPDATE unit SET name = 'จากบันทึก'",
                                 NULL, NULL, NULL),
                   ==, SQLITE_OK);
  copy_file (f->path, copy);
  copy_file (wal, copy_wal);
  sqlite3_exec (db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  sqlite3_close (db);
  for (int round = 0; round < 2; round++)
    {
      const char *path = round == 0 ? copy : repaired;
      g_autoptr (PhaenStore) store = NULL;
      g_autoptr (GPtrArray) units = NULL;

      test_snapshot_take (&before, copy);
      if (round == 1)
        {
          g_assert_true (phaen_store_repair_into_copy (copy, repaired, &error));
          g_assert_no_error (error);
        }
      store = phaen_store_open_read_only (path, &error);
      g_assert_no_error (error);
      units = phaen_store_list_units (store, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (units->len, ==, 1);
      g_assert_cmpstr (((PhaenUnit *)g_ptr_array_index (units, 0))->name, ==, "จากบันทึก");
      g_clear_object (&store);
      if (round == 1)
        g_unlink (repaired); /* the copy asked for: not a write beside the original */
      test_snapshot_assert_unchanged (&before, copy);
    }
  g_unlink (copy);
  g_unlink (copy_wal);
  g_rmdir (sub);
  f->store = phaen_store_open (f->path, &error);
  g_assert_no_error (error);
}

/* ------------------------------------------------------------------ evidence and migration */

static gint64
add_indicator_with_evidence (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = g_bytes_new_static ("หลักฐาน", strlen ("หลักฐาน"));
  gint64 indicator;

  g_assert_true (phaen_store_add_fiscal_year (f->store, 2564, &error));
  indicator = phaen_store_add_indicator (f->store, f->unit, 2564, "กพร. 1", "ร้อยละ", &error);
  g_assert_no_error (error);
  g_assert_cmpint (
    phaen_store_add_evidence_file (f->store, indicator, 2, "รายงาน.pdf", NULL, bytes, &error), >,
    0);
  g_assert_no_error (error);
  g_assert_cmpint (
    phaen_store_add_evidence_url (f->store, indicator, 2, "แบบฟอร์ม", "https://forms.gle/x", &error),
    >, 0);
  g_assert_no_error (error);
  return indicator;
}

/* The evidence table exactly as schema 001 wrote it. */
static char *
schema_001_evidence (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "..", "src", "core",
                                            "schema", "001-initial.sql", NULL);
  g_autofree char *sql = NULL;
  const char *start, *end;

  g_assert_true (g_file_get_contents (path, &sql, NULL, NULL));
  start = strstr (sql, "CREATE TABLE evidence (");
  g_assert_nonnull (start);
  end = strstr (start, ");");
  return g_strndup (start, end + 2 - start);
}

/* Turns a current workspace back into what Phaen 0.1 (schema 001) wrote. */
static void
downgrade_to_001 (const char *path)
{
  g_autofree char *create = schema_001_evidence ();
  g_autofree char *sql = g_strdup_printf (
    "PRAGMA foreign_keys = OFF; BEGIN;"
    "ALTER TABLE activity DROP COLUMN level;" /* schema 006 */
    /* schema 004 added a person's e-mail */
    "ALTER TABLE person DROP COLUMN email;"
    "CREATE TEMP TABLE e AS SELECT evidence.*, evidence_blob.data AS data FROM evidence"
    "  LEFT JOIN evidence_blob ON evidence_blob.id = evidence.blob_id;"
    "DROP TABLE pmqa_attachment; DROP TABLE pmqa_topic; DROP TABLE pmqa_sub_item;"
    "DROP TABLE pmqa_assessment;" /* schema 005 */
    "DROP TABLE evidence; DROP TABLE evidence_blob; %s"
    /* what schema 003 added (unit copies and packets) */
    "DROP TABLE packet_log; DROP TABLE sync_image;"
    "CREATE INDEX evidence_result ON evidence (result_id);"
    "INSERT INTO evidence (id, uuid, result_id, name, mime, url, data, added_at)"
    "  SELECT id, uuid, result_id, name, mime, url, data, added_at FROM temp.e;"
    "PRAGMA user_version = 1; COMMIT;",
    create);

  exec_raw (path, sql);
}

static void
check_evidence (PhaenStore *store, gint64 indicator)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = phaen_store_list_evidence (store, indicator, 2, &error);
  g_autoptr (GBytes) data = NULL;
  const PhaenEvidence *file;

  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 2);
  file = g_ptr_array_index (items, 0);
  g_assert_cmpstr (file->name, ==, "รายงาน.pdf");
  g_assert_cmpint (file->size, ==, strlen ("หลักฐาน"));
  data = phaen_store_get_evidence_data (store, file->id, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (data, NULL), g_bytes_get_size (data), "หลักฐาน",
                   strlen ("หลักฐาน"));
  g_assert_cmpstr (((PhaenEvidence *)g_ptr_array_index (items, 1))->url, ==, "https://forms.gle/x");
}

/* A workspace of schema 001: looked at, it is brought up to date in memory and the file stays
 * as it is; opened to edit, it is copied aside, then migrated. */
static void
test_migrate_001 (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenStore) store = NULL;
  g_autofree char *backup = g_strconcat (f->path, ".v1.bak", NULL);
  gint64 indicator = add_indicator_with_evidence (f);
  TestSnapshot before;

  g_clear_object (&f->store);
  downgrade_to_001 (f->path);
  test_snapshot_take (&before, f->path);

  store = phaen_store_open_read_only (f->path, &error);
  g_assert_no_error (error);
  check_evidence (store, indicator);
  g_clear_object (&store);
  test_snapshot_assert_unchanged (&before, f->path);

  /* Opened to edit: the copy aside holds the old workspace's data. */
  f->store = phaen_store_open (f->path, &error);
  g_assert_no_error (error);
  check_evidence (f->store, indicator);
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  store = phaen_store_open_read_only (backup, &error);
  g_assert_no_error (error);
  check_evidence (store, indicator);
}

static gint64
count_rows (const char *path, const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static glong
max_rss_kb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

/* A large evidence file: refused above the limit with the sizes in the message; below it,
 * deleting it does not copy its bytes into the undo log, undo brings it back whole, and its
 * bytes go once no undo can need them. */
static void
test_large_evidence (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  const gsize size = 64 * 1024 * 1024;
  guint8 *bytes = g_malloc (size);
  g_autoptr (GBytes) blob = NULL;
  g_autoptr (GBytes) back = NULL;
  gint64 indicator, id;
  glong rss;

  for (gsize i = 0; i < size; i++)
    bytes[i] = (guint8)(i * 2654435761u >> 24);
  blob = g_bytes_new_take (bytes, size);
  g_assert_true (phaen_store_add_fiscal_year (f->store, 2564, &error));
  indicator = phaen_store_add_indicator (f->store, f->unit, 2564, "กพร. 2", "วิดีโอ", &error);
  g_assert_no_error (error);

  g_assert_cmpint (
    phaen_store_add_evidence_file (f->store, indicator, 1, "วิดีโอ.mp4", NULL, blob, &error), ==, 0);
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "67.1"));
  g_assert_nonnull (strstr (error->message, "50.0"));
  g_clear_error (&error);

  phaen_store_set_evidence_limit (f->store, 0);
  id = phaen_store_add_evidence_file (f->store, indicator, 1, "วิดีโอ.mp4", NULL, blob, &error);
  g_assert_no_error (error);
  rss = max_rss_kb ();
  g_assert_true (phaen_store_delete_evidence (f->store, id, &error));
  g_assert_no_error (error);
  /* Quoting the bytes into the undo log took twice their size and more. */
  g_assert_cmpint (max_rss_kb () - rss, <, 32 * 1024);

  g_assert_true (phaen_store_undo (f->store, &error));
  back = phaen_store_get_evidence_data (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (back, blob));
  g_assert_true (phaen_store_redo (f->store, &error));
  g_assert_cmpint (count_rows (f->path, "evidence_blob"), ==, 1);
  g_clear_object (&f->store);
  g_assert_cmpint (count_rows (f->path, "evidence_blob"), ==, 0);
  f->store = phaen_store_open (f->path, &error);
  g_assert_no_error (error);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, data, func)                                                                      \
  g_test_add (path, Fixture, data, fixture_setup, func, fixture_teardown)
  ADD ("/safety/crash/random-edits", GINT_TO_POINTER (FALSE), test_crash_harness);
  ADD ("/safety/crash/foreign-descriptor", GINT_TO_POINTER (TRUE), test_crash_harness);
  ADD ("/safety/copy-while-open", NULL, test_copy_while_open);
  ADD ("/safety/session-marker", NULL, test_session_marker);
  ADD ("/safety/foreign-descriptor", NULL, test_foreign_descriptor);
  ADD ("/safety/lock/second-writer", NULL, test_second_writer);
  ADD ("/safety/lock/stale-and-foreign", NULL, test_stale_and_foreign_locks);
  ADD ("/safety/undo/other-writer", NULL, test_undo_keeps_other_writers_edits);
  ADD ("/safety/read-only/file", GINT_TO_POINTER (FALSE), test_read_only_file);
  ADD ("/safety/read-only/folder", GINT_TO_POINTER (TRUE), test_read_only_file);
  ADD ("/safety/read-only/never-writes", GINT_TO_POINTER (FALSE), test_reading_never_writes);
  ADD ("/safety/read-only/never-writes-wal", GINT_TO_POINTER (1), test_reading_never_writes);
  ADD ("/safety/read-only/never-writes-wal-read-version", GINT_TO_POINTER (2),
       test_reading_never_writes);
  ADD ("/safety/read-only/never-writes-stray-wal", GINT_TO_POINTER (3), test_reading_never_writes);
  ADD ("/safety/read-only/wal-frames", NULL, test_reading_wal_frames);
  ADD ("/safety/regular-files-only", NULL, test_not_a_regular_file);
  ADD ("/safety/schema/tampered", NULL, test_tampered_schema);
  ADD ("/safety/schema/newer-in-wal", NULL, test_newer_version_in_wal);
  ADD ("/safety/schema/migrate-001", NULL, test_migrate_001);
  ADD ("/safety/evidence/large", NULL, test_large_evidence);
#undef ADD

  return g_test_run ();
}
