/* test-quit.c — what the application does when it is told to end: SIGTERM saves what was being
 * typed and quits; the evidence copies it made go, and those of dead processes go at start
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-test-quit"

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "app-application.h"
#include "app-result-editor.h"
#include "app-results-page.h"
#include "app-test-util.h"
#include "test-util.h"
#include "app-window.h"

#define TYPED "ส่งรายงานครบทุกหน่วยแล้ว"

/* ------------------------------------------------------------------ helpers */

/* How many folders phaen-evidence-<pid>-* the temporary folder holds. */
static guint
copies_of (pid_t pid)
{
  g_autofree char *prefix = g_strdup_printf ("phaen-evidence-%ld-", (long)pid);
  g_autoptr (GDir) dir = g_dir_open (g_get_tmp_dir (), 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    n += g_str_has_prefix (name, prefix);
  return n;
}

/* ------------------------------------------------------------------ the child */

typedef struct
{
  AppApplication *app;
  int step;
  gint64 unit;
  gint64 indicator;
  gboolean signalled;
} Child;

/* Drives the running application a step per tick: open the results, open an evidence file, type
 * into the detail without leaving it, and send SIGTERM before the pause's save. */
static gboolean
child_step_cb (gpointer data)
{
  Child *child = data;
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (child->app));
  AppWindow *window = APP_IS_WINDOW (active) ? APP_WINDOW (active) : NULL;
  PhaenStore *store = window != NULL ? app_window_get_store (window) : NULL;
  AppResultsPage *page;
  AppResultEditor *editor;

  if (store == NULL)
    return G_SOURCE_CONTINUE;
  switch (child->step)
    {
    case 0:
      {
        g_autoptr (GError) error = NULL;
        g_autoptr (PhaenUnit) unit = phaen_store_find_unit (store, "สตป.", &error);
        g_autoptr (PhaenIndicator) indicator = NULL;
        g_autoptr (GBytes) bytes = g_bytes_new_static ("\0\1\2evidence\0", 12);

        g_assert_no_error (error);
        indicator = phaen_store_find_indicator (store, unit->id, 2564, "สตป. 02", &error);
        g_assert_no_error (error);
        child->unit = unit->id;
        child->indicator = indicator->id;
        g_assert_cmpint (phaen_store_add_evidence_file (store, indicator->id, 3, "หลักฐาน.bin",
                                                        "application/octet-stream", bytes, &error),
                         >, 0);
        g_assert_no_error (error);
        g_assert_true (app_window_show_unit_page (window, "results", unit->id, 2564));
        break;
      }
    case 1:
      {
        g_autoptr (GError) error = NULL;
        g_autoptr (GPtrArray) evidence = NULL;
        const PhaenEvidence *file;

        page = find_widget (GTK_WIDGET (window), APP_TYPE_RESULTS_PAGE);
        g_assert_nonnull (page);
        g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "results.quarter", "i", 3));
        editor = app_results_page_get_editor (page, child->indicator);
        g_assert_nonnull (editor);
        evidence = phaen_store_list_evidence (store, child->indicator, 3, &error);
        g_assert_no_error (error);
        file = g_ptr_array_index (evidence, evidence->len - 1);
        g_assert_null (file->url);
        g_assert_true (
          gtk_widget_activate_action (GTK_WIDGET (editor), "editor.open-evidence", "x", file->id));
        g_assert_cmpuint (copies_of (getpid ()), ==, 1);
        break;
      }
    case 2:
      {
        GtkTextView *detail;

        page = find_widget (GTK_WIDGET (window), APP_TYPE_RESULTS_PAGE);
        editor = app_results_page_get_editor (page, child->indicator);
        detail = app_result_editor_get_detail_view (editor);
        g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (detail)));
        gtk_text_buffer_set_text (gtk_text_view_get_buffer (detail), "", -1);
        gtk_text_buffer_insert_at_cursor (gtk_text_view_get_buffer (detail), TYPED, -1);
        break;
      }
    default:
      {
        g_autoptr (GPtrArray) results = phaen_store_get_results (store, child->indicator, NULL);
        const PhaenResult *q3 = g_ptr_array_index (results, 2);

        /* Not saved yet: what saves it is the signal, not the pause. */
        g_assert_true (q3 == NULL || g_strcmp0 (q3->detail, TYPED) != 0);
        child->signalled = TRUE;
        raise (SIGTERM);
        return G_SOURCE_REMOVE;
      }
    }
  child->step++;
  return G_SOURCE_CONTINUE;
}

static void
run_child (const char *path)
{
  Child child = { 0 };
  char *argv[] = { (char *)"phaen", (char *)path, NULL };
  int status;

  child.app = app_application_new ();
  g_application_set_flags (G_APPLICATION (child.app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_timeout_add (100, child_step_cb, &child);
  status = g_application_run (G_APPLICATION (child.app), 2, argv);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (child.signalled);
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (child.app)));
  /* Shutdown removed the copy of the evidence the viewer was given. */
  g_assert_cmpuint (copies_of (getpid ()), ==, 0);
  g_object_unref (child.app);
}

/* ------------------------------------------------------------------ tests */

static void
test_sigterm (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenStore) store = NULL;
  g_autoptr (PhaenUnit) unit = NULL;
  g_autoptr (PhaenIndicator) indicator = NULL;
  g_autoptr (GPtrArray) results = NULL;
  g_autofree char *stale_template = NULL;
  g_autofree char *live_template = NULL;
  g_autofree char *stale = NULL;
  g_autofree char *live = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  const PhaenResult *q3;

  if (g_test_subprocess ())
    {
      run_child (g_getenv ("PHAEN_TEST_WORKSPACE"));
      return;
    }

  dir = app_test_sample_new ("phaen-quit-XXXXXX", &path);
  g_setenv ("PHAEN_TEST_WORKSPACE", path, TRUE);
  /* Evidence copies of a process that is gone, and of one that runs (this one). */
  stale_template = g_strdup_printf ("phaen-evidence-%ld-XXXXXX", (long)test_dead_pid ());
  stale = g_dir_make_tmp (stale_template, &error);
  g_assert_no_error (error);
  live_template = g_strdup_printf ("phaen-evidence-%ld-XXXXXX", (long)getpid ());
  live = g_dir_make_tmp (live_template, &error);
  g_assert_no_error (error);

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();

  /* The start removed the dead process's copies and left the running one's. */
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (live, G_FILE_TEST_IS_DIR));
  g_rmdir (live);

  store = phaen_store_open (path, &error);
  g_assert_no_error (error);
  unit = phaen_store_find_unit (store, "สตป.", &error);
  g_assert_no_error (error);
  indicator = phaen_store_find_indicator (store, unit->id, 2564, "สตป. 02", &error);
  g_assert_no_error (error);
  results = phaen_store_get_results (store, indicator->id, &error);
  g_assert_no_error (error);
  q3 = g_ptr_array_index (results, 2);
  g_assert_nonnull (q3);
  g_assert_cmpstr (q3->detail, ==, TYPED);

  g_clear_object (&store);
  app_test_sample_remove (&dir, &path);
}

int
main (int argc, char **argv)
{
  if (!app_test_init (&argc, &argv))
    return 0;

  g_test_add_func ("/quit/sigterm-saves-and-cleans", test_sigterm);
  return g_test_run ();
}
