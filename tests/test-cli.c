/* test-cli.c — phaen-cli as a user runs it: demo, score, info on bad files, validate, usage,
 * damaged workspaces
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include "test-util.h"

static char *tmpdir;

static char *
demo_path (void)
{
  static char *path;

  if (path == NULL)
    {
      g_auto (Run) run = { 0 };

      path = g_build_filename (tmpdir, "d.phaen", NULL);
      run_cli (&run, "demo", path, NULL);
      g_assert_cmpint (exit_code (&run), ==, 0);
    }
  return path;
}

/* The acceptance numbers of the foundation issue (seeds 002 and 000). */
static void
test_score_text (void)
{
  g_auto (Run) stp = { 0 };
  g_auto (Run) kpr = { 0 };
  const char *stp_numbers[] = { "1.0000", "2.2267", "4.0372", "5.0000",
                                "0.3000", "0.6680", "1.2112", "1.5000" };

  run_cli (&stp, "score", demo_path (), "--fy", "2564", "--unit", "สตป.", NULL);
  g_assert_cmpint (exit_code (&stp), ==, 0);
  g_assert_nonnull (strstr (stp.out, "สตป. 02"));
  for (guint i = 0; i < G_N_ELEMENTS (stp_numbers); i++)
    g_assert_nonnull (strstr (stp.out, stp_numbers[i]));
  g_assert_null (strstr (stp.out, "กพร.9"));

  run_cli (&kpr, "score", demo_path (), "--fy", "2564", "--unit", "กพร.", NULL);
  g_assert_cmpint (exit_code (&kpr), ==, 0);
  g_assert_nonnull (strstr (kpr.out, "กพร.9"));
  g_assert_nonnull (strstr (kpr.out, "0.1500"));
  g_assert_nonnull (strstr (kpr.out, "0.2500"));
}

static void
test_score_json (void)
{
  g_auto (Run) run = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  const double expected[][2] = { { 1, 0.3 }, { 2.2267, 0.668 }, { 4.0372, 1.2112 }, { 5, 1.5 } };
  JsonArray *cards, *quarters = NULL;

  run_cli (&run, "score", demo_path (), "--fy", "2564", "--json", NULL);
  g_assert_cmpint (exit_code (&run), ==, 0);
  /* four decimals as the official tables print them */
  g_assert_nonnull (strstr (run.out, "\"score\":2.2267,\"weighted\":0.6680"));

  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  cards = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                        "scorecards");
  for (guint c = 0; c < json_array_get_length (cards); c++)
    {
      JsonArray *indicators =
        json_object_get_array_member (json_array_get_object_element (cards, c), "indicators");

      for (guint i = 0; i < json_array_get_length (indicators); i++)
        {
          JsonObject *indicator = json_array_get_object_element (indicators, i);

          if (g_str_equal (json_object_get_string_member (indicator, "code"), "สตป. 02"))
            quarters = json_object_get_array_member (indicator, "quarters");
        }
    }
  g_assert_nonnull (quarters);
  g_assert_cmpuint (json_array_get_length (quarters), ==, 4);
  for (guint q = 0; q < 4; q++)
    {
      JsonObject *quarter = json_array_get_object_element (quarters, q);

      g_assert_cmpfloat_with_epsilon (json_object_get_double_member (quarter, "score"),
                                      expected[q][0], 1e-9);
      g_assert_cmpfloat_with_epsilon (json_object_get_double_member (quarter, "weighted"),
                                      expected[q][1], 1e-9);
    }
}

/* Terminal columns of the first @n_bytes of @line: Thai marks take none. */
static guint
columns_before (const char *line, gsize n_bytes)
{
  guint width = 0;

  for (const char *p = line; p < line + n_bytes; p = g_utf8_next_char (p))
    width += !g_unichar_ismark (g_utf8_get_char (p));
  return width;
}

/* In Thai the score table stays aligned: the score of a quarter sits under its heading. */
static void
test_score_thai (void)
{
  g_auto (Run) run = { 0 };
  g_auto (GStrv) lines = NULL;
  const char *heading = NULL, *row = NULL;

  g_setenv ("LANGUAGE", "th", TRUE);
  run_cli (&run, "score", demo_path (), "--fy", "2564", "--unit", "สตป.", NULL);
  g_unsetenv ("LANGUAGE");
  g_assert_cmpint (exit_code (&run), ==, 0);
  lines = g_strsplit (run.out, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      if (heading == NULL && strstr (lines[i], "คะแนน") && strstr (lines[i], "ไตรมาส"))
        heading = lines[i];
      if (row == NULL && strstr (lines[i], "2.2267"))
        row = lines[i];
    }
  g_assert_nonnull (heading);
  g_assert_nonnull (row);
  g_assert_cmpuint (columns_before (heading, strstr (heading, "คะแนน") - heading), ==,
                    columns_before (row, strstr (row, "2.2267") - row));
}

static void
write_file (const char *path, const char *contents, gssize length)
{
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

/* A text file, an empty file and a truncated workspace: one sentence, exit 1, file untouched. */
static void
test_info_bad_files (void)
{
  g_autofree char *text = g_build_filename (tmpdir, "notes.phaen", NULL);
  g_autofree char *empty = g_build_filename (tmpdir, "empty.phaen", NULL);
  g_autofree char *cut = g_build_filename (tmpdir, "cut.phaen", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  const char *files[3];

  write_file (text, "นี่คือบันทึก ไม่ใช่แฟ้มงาน\n", -1);
  write_file (empty, "", 0);
  g_assert_true (g_file_get_contents (demo_path (), &contents, &length, NULL));
  write_file (cut, contents, length / 2);
  files[0] = text;
  files[1] = empty;
  files[2] = cut;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_auto (Run) run = { 0 };
      g_autofree char *before = test_checksum_of (files[i]);
      g_autofree char *after = NULL;
      g_autofree char *wal = g_strconcat (files[i], "-wal", NULL);

      run_cli (&run, "info", files[i], NULL);
      g_assert_cmpint (exit_code (&run), ==, 1);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_true (g_str_has_prefix (run.err, "phaen-cli: "));
      /* one sentence on one line */
      g_assert_cmpint (strchr (run.err, '\n') - run.err, ==, strlen (run.err) - 1);
      after = test_checksum_of (files[i]);
      g_assert_cmpstr (before, ==, after);
      g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
    }
}

static void
test_info_demo (void)
{
  g_auto (Run) run = { 0 };

  run_cli (&run, "info", demo_path (), NULL);
  g_assert_cmpint (exit_code (&run), ==, 0);
  g_assert_nonnull (strstr (run.out, "สตป."));
  g_assert_nonnull (strstr (run.out, "2564"));
}

static void
test_validate (void)
{
  g_auto (Run) run = { 0 };

  /* the seeds' weights do not sum to 100, and validate says so */
  run_cli (&run, "validate", demo_path (), "--unit", "สตป.", "--fy", "2564", NULL);
  g_assert_cmpint (exit_code (&run), ==, 1);
  g_assert_nonnull (strstr (run.out, "30"));
}

static void
test_usage_and_unknowns (void)
{
  g_auto (Run) none = { 0 };
  g_auto (Run) unknown = { 0 };
  g_auto (Run) extra = { 0 };
  g_auto (Run) unit = { 0 };
  g_auto (Run) year = { 0 };
  g_auto (Run) exists = { 0 };

  run_cli (&none, NULL, NULL);
  g_assert_cmpint (exit_code (&none), ==, 2);
  run_cli (&unknown, "frobnicate", NULL);
  g_assert_cmpint (exit_code (&unknown), ==, 2);
  run_cli (&extra, "info", "a", "b", NULL);
  g_assert_cmpint (exit_code (&extra), ==, 2);
  run_cli (&unit, "score", demo_path (), "--unit", "ไม่มี.", NULL);
  g_assert_cmpint (exit_code (&unit), ==, 1);
  g_assert_nonnull (strstr (unit.err, "ไม่มี."));
  run_cli (&year, "score", demo_path (), "--fy", "2599", NULL);
  g_assert_cmpint (exit_code (&year), ==, 1);
  g_assert_nonnull (strstr (year.err, "2599"));
  run_cli (&exists, "demo", demo_path (), NULL);
  g_assert_cmpint (exit_code (&exists), ==, 1);
}

/* A mistaken output path must cost nothing: the workspace is never written over, a folder is
 * never deleted, and a year the workspace lacks is an error, not "no problems". */
static void
test_refusals (void)
{
  g_autofree char *workspace = g_build_filename (tmpdir, "plan.pdf", NULL);
  g_autofree char *folder = g_build_filename (tmpdir, "folder", NULL);
  g_autofree char *workbook = g_build_filename (tmpdir, "big.xlsx", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto (Run) demo = { 0 };
  g_auto (Run) chart = { 0 };
  g_auto (Run) export = { 0 };
  g_auto (Run) info = { 0 };
  g_auto (Run) font = { 0 };
  g_auto (Run) validate = { 0 };
  g_auto (Run) force = { 0 };

  /* A workspace whose name a chart would accept as its output. */
  run_cli (&demo, "demo", workspace, NULL);
  g_assert_cmpint (exit_code (&demo), ==, 0);
  before = test_checksum_of (workspace);
  run_cli (&chart, "chart", workspace, "--kind", "gantt", "--plan", "1", "-o", workspace, NULL);
  g_assert_cmpint (exit_code (&chart), ==, 1);
  g_assert_nonnull (strstr (chart.err, "workspace"));
  run_cli (&export, "export", workspace, "--all", "--unit", "สตป.", "-o", workspace, NULL);
  g_assert_cmpint (exit_code (&export), ==, 1);
  g_assert_nonnull (strstr (export.err, "workspace"));
  after = test_checksum_of (workspace);
  g_assert_cmpstr (before, ==, after);
  run_cli (&info, "info", workspace, NULL);
  g_assert_cmpint (exit_code (&info), ==, 0);

  run_cli (&font, "export", workspace, "--all", "--unit", "สตป.", "--font-size", "nan", "-o",
           workbook, NULL);
  g_assert_cmpint (exit_code (&font), ==, 2);
  g_assert_false (g_file_test (workbook, G_FILE_TEST_EXISTS));

  run_cli (&validate, "validate", workspace, "--fy", "2599", NULL);
  g_assert_cmpint (exit_code (&validate), ==, 1);
  g_assert_nonnull (strstr (validate.err, "2599"));
  g_assert_null (strstr (validate.out, "No problems"));

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  run_cli (&force, "demo", "--force", folder, NULL);
  g_assert_cmpint (exit_code (&force), ==, 1);
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  g_rmdir (folder);
}

/* A copy of the sample changed with raw SQL, as an attacker or another program would. */
static char *
damaged_copy (const char *name, const char *sql)
{
  char *path = g_build_filename (tmpdir, name, NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  sqlite3 *db = NULL;

  g_assert_true (g_file_get_contents (demo_path (), &contents, &length, NULL));
  write_file (path, contents, length);
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  return path;
}

/* score, validate, export and chart on a damaged workspace: exit 1 with one sentence. */
static void
test_damaged (void)
{
  g_autofree char *quarter = damaged_copy (
    "quarter.phaen",
    "PRAGMA ignore_check_constraints = 1; UPDATE result SET quarter = 0 WHERE id = 1");
  g_autofree char *cycle = damaged_copy (
    "cycle.phaen", "PRAGMA foreign_keys = OFF; UPDATE activity SET parent_id = 2 WHERE id = 1;"
                   " UPDATE activity SET parent_id = 1 WHERE id = 2");
  g_autofree char *workbook = g_build_filename (tmpdir, "damaged.xlsx", NULL);
  g_autofree char *picture = g_build_filename (tmpdir, "damaged.png", NULL);
  const char *runs[][9] = {
    { "score", quarter, "--unit", "กพร.", "--fy", "2564", NULL },
    { "score", quarter, "--unit", "กพร.", "--fy", "2564", "--json", NULL },
    { "validate", quarter, NULL },
    { "export", quarter, "--all", "--unit", "กพร.", "-o", workbook, NULL },
    { "validate", cycle, NULL },
    { "export", cycle, "--all", "--unit", "กพร.", "-o", workbook, NULL },
    { "chart", cycle, "--kind", "gantt", "--plan", "1", "-o", picture, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    {
      g_auto (Run) run = { 0 };
      const char **a = runs[i];

      run_cli (&run, a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], NULL);
      g_assert_cmpint (exit_code (&run), ==, 1);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_true (g_str_has_prefix (run.err, "phaen-cli: The workspace is damaged: "));
      g_assert_cmpint (strchr (run.err, '\n') - run.err, ==, strlen (run.err) - 1);
      g_assert_false (g_file_test (workbook, G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (picture, G_FILE_TEST_EXISTS));
    }
}

/* A workspace with a trigger added is refused by every command, and `repair` copies its data
 * into a clean workspace that scores as the original did. */
static void
test_repair (void)
{
  g_autofree char *tampered = damaged_copy (
    "tampered.phaen",
    "CREATE TRIGGER evil AFTER UPDATE ON activity BEGIN UPDATE indicator SET name = 'HACKED'; END");
  g_autofree char *fixed = g_build_filename (tmpdir, "fixed.phaen", NULL);
  g_auto (Run) refused = { 0 };
  g_auto (Run) repair = { 0 };
  g_auto (Run) again = { 0 };
  g_auto (Run) score = { 0 };

  run_cli (&refused, "score", tampered, "--fy", "2564", "--unit", "สตป.", NULL);
  g_assert_cmpint (exit_code (&refused), ==, 1);
  g_assert_nonnull (strstr (refused.err, "evil"));

  run_cli (&repair, "repair", tampered, "-o", fixed, NULL);
  g_assert_cmpint (exit_code (&repair), ==, 0);
  run_cli (&score, "score", fixed, "--fy", "2564", "--unit", "สตป.", NULL);
  g_assert_cmpint (exit_code (&score), ==, 0);
  g_assert_nonnull (strstr (score.out, "2.2267"));
  g_assert_nonnull (strstr (score.out, "1.2112"));

  /* Never over an existing file. */
  run_cli (&again, "repair", tampered, "-o", fixed, NULL);
  g_assert_cmpint (exit_code (&again), ==, 1);
}

/* ------------------------------------------------------------------ hostile workspaces */

typedef struct
{
  gboolean done;
  gboolean timed_out;
  char *out;
  char *err;
  GError *error;
} Waited;

static void
communicated_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  Waited *waited = data;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result, &waited->out, &waited->err,
                                        &waited->error);
  waited->done = TRUE;
}

static gboolean
time_up_cb (gpointer data)
{
  GSubprocess *process = data;

  g_subprocess_force_exit (process);
  g_object_set_data (G_OBJECT (process), "timed-out", GINT_TO_POINTER (TRUE));
  return G_SOURCE_REMOVE;
}

/* phaen-cli @argv with a time limit: a hostile file must never make it hang. Returns its exit
 * code and one-line check done by the caller. */
static int
run_cli_limited (const char *const *args, char **out, char **err)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GError) error = NULL;
  Waited waited = { 0 };
  guint timeout;

  g_ptr_array_add (argv, (char *)g_getenv ("PHAEN_CLI"));
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (char *)args[i]);
  g_ptr_array_add (argv, NULL);
  process =
    g_subprocess_newv ((const char *const *)argv->pdata,
                       G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8_async (process, NULL, NULL, communicated_cb, &waited);
  timeout = g_timeout_add_seconds (20, time_up_cb, process);
  while (!waited.done)
    g_main_context_iteration (NULL, TRUE);
  if (g_object_get_data (G_OBJECT (process), "timed-out"))
    g_error ("phaen-cli %s %s did not finish within 20 s", args[0], args[1]);
  g_source_remove (timeout);
  g_assert_no_error (waited.error);
  *out = waited.out;
  *err = waited.err;
  g_assert_true (g_subprocess_get_if_exited (process));
  return g_subprocess_get_exit_status (process);
}

/* The sorted names in @dir, each with the checksum of its bytes (a regular file) or its kind:
 * a FIFO is never read, which would block. */
static char *
folder_fingerprint (const char *dir)
{
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) print = g_string_new (NULL);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, test_compare_strings);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *file = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      g_autofree char *sum = NULL;
      GStatBuf st;

      g_assert_cmpint (g_lstat (file, &st), ==, 0);
      sum =
        S_ISREG (st.st_mode) ? test_checksum_of (file) : g_strdup_printf ("mode %o", st.st_mode);
      g_string_append_printf (print, "%s %s %" G_GINT64_FORMAT "\n",
                              (const char *)g_ptr_array_index (names, i), sum, (gint64)st.st_size);
    }
  return g_string_free (g_steal_pointer (&print), FALSE);
}

/* The sample in a folder of its own (@name/x.phaen), changed by @sql. */
static char *
hostile_copy (const char *name, const char *sql)
{
  g_autofree char *dir = g_build_filename (tmpdir, name, NULL);
  g_autofree char *relative = g_build_filename (name, "x.phaen", NULL);

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  return damaged_copy (relative, sql);
}

/* An older Phaen's WAL workspace whose log, not its file, says schema version 99: the file and
 * its -wal copied while the writer still has them open, as a backup tool would. */
static char *
hostile_wal (const char *name)
{
  g_autofree char *source = hostile_copy ("wal-source", "");
  g_autofree char *source_wal = g_strconcat (source, "-wal", NULL);
  g_autofree char *dir = g_build_filename (tmpdir, name, NULL);
  char *path = g_build_filename (dir, "x.phaen", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (source, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0;"
                                 " PRAGMA user_version = 99",
                                 NULL, NULL, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  write_file (path, contents, length);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (source_wal, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 32);
  write_file (wal, contents, length);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  return path;
}

static void
remove_folder (const char *dir)
{
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle && (name = g_dir_read_name (handle)))
    {
      g_autofree char *file = g_build_filename (dir, name, NULL);

      g_remove (file);
    }
  g_rmdir (dir);
}

/* Every command on a hostile workspace: exit 1, one line on stderr, nothing written — not the
 * workspace, not beside it, not the output — and no hang. */
static void
test_hostile (void)
{
  g_autofree char *fifo_dir = g_build_filename (tmpdir, "fifo", NULL);
  g_autofree char *fifo = g_build_filename (fifo_dir, "x.phaen", NULL);
  g_autofree char *wal_source = g_build_filename (tmpdir, "wal-source", NULL);
  g_autoptr (GPtrArray) workspaces = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (workspaces,
                   hostile_copy ("trigger", "CREATE TRIGGER evil AFTER UPDATE ON activity BEGIN"
                                            " UPDATE indicator SET name = 'HACKED'; END"));
  g_ptr_array_add (workspaces,
                   hostile_copy ("view", "CREATE TABLE unit_data AS SELECT * FROM unit;"
                                         " DROP TABLE unit;"
                                         " CREATE VIEW unit AS SELECT * FROM unit_data"));
  g_assert_cmpint (g_mkdir (fifo_dir, 0700), ==, 0);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_ptr_array_add (workspaces, g_strdup (fifo));
  g_ptr_array_add (workspaces, hostile_wal ("wal"));
  g_ptr_array_add (workspaces,
                   hostile_copy ("quarter", "PRAGMA ignore_check_constraints = 1;"
                                            " UPDATE result SET quarter = 0 WHERE id = 1"));

  for (guint w = 0; w < workspaces->len; w++)
    {
      const char *path = g_ptr_array_index (workspaces, w);
      g_autofree char *dir = g_path_get_dirname (path);
      g_autofree char *workbook = g_build_filename (dir, "X.xlsx", NULL);
      g_autofree char *picture = g_build_filename (dir, "X.png", NULL);
      g_autofree char *before = folder_fingerprint (dir);
      const char *runs[][9] = {
        { "info", path, NULL },
        { "score", path, NULL },
        { "validate", path, NULL },
        { "export", path, "--all", "--unit", "กพร.", "-o", workbook, NULL },
        { "chart", path, "--kind", "gantt", "--plan", "1", "-o", picture, NULL },
      };

      for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
        {
          g_autofree char *out = NULL;
          g_autofree char *err = NULL;
          g_autofree char *after = NULL;
          int code = run_cli_limited (runs[i], &out, &err);

          g_test_message ("%s %s: %d %s", runs[i][0], path, code, err);
          g_assert_cmpint (code, ==, 1);
          g_assert_true (g_str_has_prefix (err, "phaen-cli: "));
          g_assert_cmpint (strchr (err, '\n') - err, ==, strlen (err) - 1);
          g_assert_false (g_file_test (workbook, G_FILE_TEST_EXISTS));
          g_assert_false (g_file_test (picture, G_FILE_TEST_EXISTS));
          after = folder_fingerprint (dir);
          g_assert_cmpstr (before, ==, after);
        }
      remove_folder (dir);
    }
  remove_folder (wal_source);
}

/* Files may not grow past 64 KiB: writes fail with EFBIG, as
 * on a full disk (and SIGXFSZ, ignored, stays ignored across exec). */
static void
limit_file_size (gpointer data)
{
  struct rlimit limit = { 65536, 65536 };

  signal (SIGXFSZ, SIG_IGN);
  setrlimit (RLIMIT_FSIZE, &limit);
}

static void
test_chart_full_disk (void)
{
  static const char previous[] = "the previous chart\n";
  g_autofree char *svg = g_build_filename (tmpdir, "full.svg", NULL);
  g_autofree char *contents = NULL;
  g_auto (Run) chart = { .setup = limit_file_size };

  g_assert_true (g_file_set_contents (svg, previous, -1, NULL));
  run_cli (&chart, "chart", demo_path (), "--kind", "gantt", "--plan", "1", "-o", svg, NULL);
  g_assert_cmpint (exit_code (&chart), ==, 1);
  g_assert_nonnull (strstr (chart.err, "the disk may be full"));
  g_assert_null (strstr (chart.out, "Chart written"));
  /* one sentence, on one line */
  g_assert_cmpint (strchr (chart.err, '\n') - chart.err, ==, strlen (chart.err) - 1);
  g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, previous);
}

/* import-units (a dry run writes nothing), import-plan of our own export, duplicate-plan. */
static void
test_import_and_duplicate (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "import.phaen", NULL);
  g_autofree char *csv = g_build_filename (tmpdir, "units.csv", NULL);
  g_autofree char *xlsx = g_build_filename (tmpdir, "kpr-plan.xlsx", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto (Run) demo = { 0 };
  g_auto (Run) dry = { 0 };
  g_auto (Run) units = { 0 };
  g_auto (Run) export = { 0 };
  g_auto (Run) plan = { 0 };
  g_auto (Run) duplicate = { 0 };
  g_auto (Run) score = { 0 };
  g_auto (Run) info = { 0 };
  g_auto (Run) usage = { 0 };

  run_cli (&demo, "demo", path, NULL);
  g_assert_cmpint (exit_code (&demo), ==, 0);
  g_assert_true (g_file_set_contents (csv,
                                      "\xEF\xBB\xBFชื่อย่อ,ชื่อหน่วยงาน,ต้นสังกัด,อีเมล\n"
                                      "สลก.,\"สำนักงานเลขานุการกรม, กรม\",กพร.,a@b.go.th\n"
                                      "กค.,กองคลัง,ไม่มี,\n",
                                      -1, NULL));

  before = test_checksum_of (path);
  run_cli (&dry, "import-units", path, csv, "--dry-run", NULL);
  g_assert_cmpint (exit_code (&dry), ==, 1);
  g_assert_nonnull (strstr (dry.err, "row 3: "));
  g_assert_nonnull (strstr (dry.out, "1 units would be added"));
  after = test_checksum_of (path);
  g_assert_cmpstr (before, ==, after);

  run_cli (&units, "import-units", path, csv, NULL);
  g_assert_cmpint (exit_code (&units), ==, 1);
  g_assert_nonnull (strstr (units.out, "1 units added"));

  run_cli (&export, "export", path, "--form", "plan", "--unit", "กพร.", "-o", xlsx, NULL);
  g_assert_cmpint (exit_code (&export), ==, 0);
  run_cli (&plan, "import-plan", path, xlsx, "--unit", "สลก.", NULL);
  g_assert_cmpint (exit_code (&plan), ==, 0);
  g_assert_nonnull (strstr (plan.out, "with 7 activities"));

  run_cli (&duplicate, "duplicate-plan", path, "--unit", "กพร.", "--fy", "2564", NULL);
  g_assert_cmpint (exit_code (&duplicate), ==, 0);
  g_assert_nonnull (strstr (duplicate.out, "พ.ศ. 2565"));
  run_cli (&score, "score", path, "--unit", "กพร.", "--fy", "2565", NULL);
  g_assert_cmpint (exit_code (&score), ==, 0);
  g_assert_nonnull (strstr (score.out, "กพร.9"));
  run_cli (&info, "info", path, NULL);
  g_assert_nonnull (strstr (info.out, "สลก."));
  g_assert_nonnull (strstr (info.out, "FY 2565"));

  run_cli (&usage, "duplicate-plan", path, NULL);
  g_assert_cmpint (exit_code (&usage), ==, 2);
  g_unlink (csv);
  g_unlink (xlsx);
  g_unlink (path);
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("phaen-cli-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/cli/score/text", test_score_text);
  g_test_add_func ("/cli/score/json", test_score_json);
  g_test_add_func ("/cli/score/thai", test_score_thai);
  g_test_add_func ("/cli/info/bad-files", test_info_bad_files);
  g_test_add_func ("/cli/info/demo", test_info_demo);
  g_test_add_func ("/cli/validate", test_validate);
  g_test_add_func ("/cli/usage", test_usage_and_unknowns);
  g_test_add_func ("/cli/refusals", test_refusals);
  g_test_add_func ("/cli/damaged", test_damaged);
  g_test_add_func ("/cli/repair", test_repair);
  g_test_add_func ("/cli/hostile", test_hostile);
  g_test_add_func ("/cli/chart/full-disk", test_chart_full_disk);
  g_test_add_func ("/cli/import-and-duplicate", test_import_and_duplicate);
  status = g_test_run ();

  {
    g_autoptr (GDir) dir = g_dir_open (tmpdir, 0, NULL);
    const char *name;

    while (dir && (name = g_dir_read_name (dir)))
      {
        g_autofree char *file = g_build_filename (tmpdir, name, NULL);
        g_remove (file);
      }
    g_rmdir (tmpdir);
  }
  return status;
}
