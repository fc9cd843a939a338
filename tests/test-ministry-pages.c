/* test-ministry-pages.c — a unit of 575 indicators: the dashboard and the results page make
 * rows only for what is on screen, and a page that is not shown does no work on an edit
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-test-ministry-pages"

#include "config.h"

#include <glib/gstdio.h>

#include "app-dashboard-page.h"
#include "app-dashboard-row.h"
#include "app-indicators-page.h"
#include "app-results-page.h"
#include "app-test-util.h"
#include "bench-ministry.h"
#include "phaen-scorecard.h"

#define N_INDICATORS 575
/* Far fewer than 575: a 1366 × 768 window shows a handful of rows; the lists keep a few more. */
#define FEW_ROWS 60

typedef struct
{
  char *dir;
  char *path;
  AppApplication *app;
  AppWindow *window;
  PhaenStore *store;
  gint64 unit;
  GPtrArray *indicators;
} Fixture;

static guint
count_widgets (GtkWidget *root, GType type)
{
  g_autoptr (GPtrArray) found = g_ptr_array_new ();

  collect_widgets (root, type, found);
  return found->len;
}

/* Whether a label under @root starts with @text. */
static gboolean
shows_prefix (GtkWidget *root, const char *text)
{
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();

  collect_widgets (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_str_has_prefix (gtk_label_get_text (g_ptr_array_index (labels, i)), text))
      return TRUE;
  return FALSE;
}

static void
show (Fixture *fixture, const char *page)
{
  g_assert_true (app_window_show_unit_page (fixture->window, page, fixture->unit, 2567));
  settle ();
  run_for (300); /* laid out and painted: the lists have made the rows they show */
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  const BenchMinistrySize size = { 1, 20, N_INDICATORS, 2567 };
  g_autoptr (GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("phaen-ministry-pages-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "ministry.phaen", NULL);
  {
    g_autoptr (PhaenStore) store = phaen_store_create (fixture->path, &error);

    g_assert_no_error (error);
    g_assert_cmpint (bench_ministry_fill (store, &size, &error), >, 0); /* one transaction */
    g_assert_no_error (error);
  }
  fixture->window = app_test_window_present (&fixture->app, 1366, 768);
  app_test_open (fixture->window, fixture->path);
  fixture->store = app_window_get_store (fixture->window);
  fixture->unit = test_unit_id (fixture->store, "หน่วย.001");
  fixture->indicators = phaen_store_list_indicators (fixture->store, fixture->unit, 2567, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->indicators->len, ==, N_INDICATORS);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  fixture->store = NULL;
  g_clear_pointer (&fixture->indicators, g_ptr_array_unref);
  app_test_window_close (&fixture->window, &fixture->app);
  g_remove (fixture->path);
  g_rmdir (fixture->dir);
  g_clear_pointer (&fixture->path, g_free);
  g_clear_pointer (&fixture->dir, g_free);
}

static void
test_lazy_rows (Fixture *fixture, gconstpointer data)
{
  const PhaenIndicator *first = g_ptr_array_index (fixture->indicators, 0);
  AppDashboardPage *dashboard = find_only_widget (fixture->window, APP_TYPE_DASHBOARD_PAGE);
  AppResultsPage *results = find_only_widget (fixture->window, APP_TYPE_RESULTS_PAGE);
  guint built = phaen_scorecard_get_n_built ();
  guint dashboard_refreshes, results_refreshes;
  AppResultEditor *editor;

  /* One scorecard for the whole dashboard, its charts and its rows. */
  show (fixture, "dashboard");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (dashboard)));
  g_assert_cmpuint (phaen_scorecard_get_n_built () - built, ==, 1);
  g_assert_cmpuint (count_widgets (GTK_WIDGET (dashboard), APP_TYPE_DASHBOARD_ROW), >, 0);
  g_assert_cmpuint (count_widgets (GTK_WIDGET (dashboard), APP_TYPE_DASHBOARD_ROW), <, FEW_ROWS);
  g_assert_nonnull (app_dashboard_page_get_status_text (dashboard, first->id));

  show (fixture, "results");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (results)));
  g_assert_cmpuint (count_widgets (GTK_WIDGET (results), APP_TYPE_RESULT_EDITOR), >, 0);
  g_assert_cmpuint (count_widgets (GTK_WIDGET (results), APP_TYPE_RESULT_EDITOR), <, FEW_ROWS);
  g_assert_nonnull (app_results_page_get_editor (results, first->id));

  /* Elsewhere, an edit leaves both pages alone... */
  show (fixture, "indicators");
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (dashboard)));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (results)));
  dashboard_refreshes = app_dashboard_page_get_n_refreshes (dashboard);
  results_refreshes = app_results_page_get_n_refreshes (results);
  built = phaen_scorecard_get_n_built ();
  g_assert_true (phaen_store_set_result (fixture->store, first->id, 4, "777", NULL, NULL, NULL));
  settle ();
  g_assert_cmpuint (app_dashboard_page_get_n_refreshes (dashboard), ==, dashboard_refreshes);
  g_assert_cmpuint (app_results_page_get_n_refreshes (results), ==, results_refreshes);
  g_assert_cmpuint (phaen_scorecard_get_n_built (), ==, built);

  /* ...and each catches up, once, when shown again. */
  show (fixture, "dashboard");
  g_assert_cmpuint (app_dashboard_page_get_n_refreshes (dashboard), ==, dashboard_refreshes + 1);
  g_assert_true (shows_prefix (GTK_WIDGET (dashboard), "777"));
  show (fixture, "results");
  g_assert_cmpuint (app_results_page_get_n_refreshes (results), ==, results_refreshes + 1);
  g_assert_cmpint (app_results_page_get_quarter (results), ==, 4);
  editor = app_results_page_get_editor (results, first->id);
  g_assert_nonnull (editor);
  g_assert_cmpstr (gtk_editable_get_text (app_result_editor_get_value_entry (editor)), ==, "777");

  /* A visible page follows an edit with one refresh. */
  g_assert_true (phaen_store_set_result (fixture->store, first->id, 4, "778", NULL, NULL, NULL));
  settle ();
  g_assert_cmpuint (app_results_page_get_n_refreshes (results), ==, results_refreshes + 2);
  g_assert_cmpuint (app_dashboard_page_get_n_refreshes (dashboard), ==, dashboard_refreshes + 1);
  g_assert_cmpstr (gtk_editable_get_text (app_result_editor_get_value_entry (editor)), ==, "778");
}

int
main (int argc, char **argv)
{
  if (!app_test_init (&argc, &argv))
    return 0;

  g_test_add ("/ministry-pages/lazy-rows", Fixture, NULL, fixture_set_up, test_lazy_rows,
              fixture_tear_down);
  return g_test_run ();
}
