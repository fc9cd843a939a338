/* test-sidebar.c — the window's sidebar on a ministry workspace (826 units): rows made lazily,
 * the unit search, --view KIND:UNIT, and edits that leave the rows alone
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-test"

#include <glib/gstdio.h>

#include "app-test-util.h"
#include "bench-ministry.h"

#define N_UNITS 826
/* The unit, one year heading and five pages (plan, indicators, results, dashboard, PMQA
 * categories 1–6) a unit. */
#define ROWS_PER_UNIT 7

static char *workspace_dir;
static char *workspace_path;

typedef struct
{
  AppApplication *app;
  AppWindow *window;
  guint items_changed;
} Fixture;

static gpointer
child (Fixture *fixture, const char *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (fixture->window), APP_TYPE_WINDOW, name);
}

static GtkTreeListModel *
sidebar_tree (Fixture *fixture)
{
  GtkSingleSelection *selection =
    GTK_SINGLE_SELECTION (gtk_grid_view_get_model (child (fixture, "sidebar_view")));

  return GTK_TREE_LIST_MODEL (gtk_single_selection_get_model (selection));
}

static guint
tree_rows (Fixture *fixture)
{
  return g_list_model_get_n_items (G_LIST_MODEL (sidebar_tree (fixture)));
}

static void
count_items_changed_cb (
  GListModel *model, guint position, guint removed, guint added, Fixture *fixture)
{
  fixture->items_changed++;
}

static void
fixture_set_up (Fixture *fixture, gconstpointer view)
{
  fixture->window = app_test_window_new (&fixture->app);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1366, 768);
  if (view != NULL)
    app_window_set_initial_view (fixture->window, view);
  gtk_window_present (GTK_WINDOW (fixture->window));
  app_test_open (fixture->window, workspace_path);
  g_signal_connect (sidebar_tree (fixture), "items-changed", G_CALLBACK (count_items_changed_cb),
                    fixture);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  app_test_window_close (&fixture->window, &fixture->app);
}

static const char *
shown_page (Fixture *fixture)
{
  return gtk_stack_get_visible_child_name (child (fixture, "content_stack"));
}

static const char *
shown_subtitle (Fixture *fixture)
{
  return adw_window_title_get_subtitle (child (fixture, "content_title"));
}

/* ------------------------------------------------------------------ tests */

/* Only the first unit is open, and rows exist only for what is on screen. */
static void
test_lazy_rows (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();

  g_assert_cmpuint (tree_rows (fixture), ==, N_UNITS + ROWS_PER_UNIT - 1);
  g_assert_cmpstr (shown_page (fixture), ==, "plan");
  collect_widgets (child (fixture, "sidebar_view"), GTK_TYPE_TREE_EXPANDER, rows);
  g_test_message ("%u row widgets for %u rows (%u items in all)", rows->len, tree_rows (fixture),
                  N_UNITS * ROWS_PER_UNIT);
  g_assert_cmpuint (rows->len, >, 0);
  /* GTK 4.8 keeps some 200 rows around the visible ones, whatever the size of the model. */
  g_assert_cmpuint (rows->len, <, tree_rows (fixture) / 2);
  g_assert_cmpuint (rows->len * 10, <, N_UNITS * ROWS_PER_UNIT);
}

static gboolean
one_unit_found (gpointer fixture)
{
  return tree_rows (fixture) == ROWS_PER_UNIT;
}

static gboolean
all_units_back (gpointer fixture)
{
  return tree_rows (fixture) >= N_UNITS;
}

/* Thai digits find the unit as Arabic ones do; the found unit shows its pages, and selecting one
 * shows it. Clearing the search brings every unit back, closed but the shown one. */
static void
test_search (Fixture *fixture, gconstpointer data)
{
  GtkTreeListModel *tree = sidebar_tree (fixture);
  GtkSingleSelection *selection =
    GTK_SINGLE_SELECTION (gtk_grid_view_get_model (child (fixture, "sidebar_view")));
  GtkEditable *search = child (fixture, "sidebar_search");
  guint dashboard = GTK_INVALID_LIST_POSITION;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search-units", NULL);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (gtk_editable_get_delegate (search))) ||
                 gtk_widget_is_focus (GTK_WIDGET (search)));
  gtk_editable_set_text (search, "หน่วย.๔๐๐");
  g_assert_true (wait_until (one_unit_found, fixture));

  for (guint i = 0; i < tree_rows (fixture); i++)
    {
      g_autoptr (GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (tree), i);
      g_autoptr (GObject) item = gtk_tree_list_row_get_item (row);
      g_autofree char *label = NULL;
      g_autofree char *icon = NULL;

      g_object_get (item, "label", &label, "icon-name", &icon, NULL);
      if (i == 0)
        g_assert_cmpstr (label, ==, "หน่วย.400 สำนักงานเขตตรวจราชการที่ 400");
      if (g_strcmp0 (icon, "x-office-presentation-symbolic") == 0)
        dashboard = i;
    }
  g_assert_cmpuint (dashboard, !=, GTK_INVALID_LIST_POSITION);
  gtk_single_selection_set_selected (selection, dashboard);
  settle ();
  g_assert_cmpstr (shown_page (fixture), ==, "dashboard");
  g_assert_nonnull (strstr (shown_subtitle (fixture), "หน่วย.400"));

  gtk_editable_set_text (search, "");
  g_assert_true (wait_until (all_units_back, fixture));
  g_assert_cmpuint (tree_rows (fixture), ==, N_UNITS + ROWS_PER_UNIT - 1);
  g_assert_cmpstr (shown_page (fixture), ==, "dashboard");
}

/* A section's text changes no unit, year or plan: the sidebar's rows are left alone. A new
 * plan is spliced in. */
static void
test_edit_keeps_rows (Fixture *fixture, gconstpointer data)
{
  PhaenStore *store = app_window_get_store (fixture->window);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) units = phaen_store_list_units (store, &error);
  g_autoptr (GPtrArray) plans = phaen_store_list_plans (store, 0, 0, &error);
  const PhaenPlan *plan = g_ptr_array_index (plans, 0);

  g_assert_no_error (error);
  g_assert_true (phaen_store_set_plan_section (store, plan->id, "objective", "ทดสอบ", &error));
  g_assert_no_error (error);
  settle ();
  g_assert_cmpuint (fixture->items_changed, ==, 0);

  g_assert_cmpint (phaen_store_add_plan (store, plan->unit_id, plan->fiscal_year,
                                         PHAEN_PLAN_PROCESS, "แผนใหม่", &error),
                   >, 0);
  g_assert_no_error (error);
  settle ();
  g_assert_cmpuint (fixture->items_changed, >, 0);
  g_assert_cmpuint (tree_rows (fixture), ==, N_UNITS + ROWS_PER_UNIT);
}

/* --view dashboard:UNIT opens that unit and shows its dashboard. */
static void
test_initial_view (Fixture *fixture, gconstpointer data)
{
  GtkSingleSelection *selection =
    GTK_SINGLE_SELECTION (gtk_grid_view_get_model (child (fixture, "sidebar_view")));

  g_assert_cmpstr (shown_page (fixture), ==, "dashboard");
  g_assert_nonnull (strstr (shown_subtitle (fixture), "หน่วย.700"));
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), !=, GTK_INVALID_LIST_POSITION);
  /* The first unit is not opened as well: the shown unit is the one open. */
  g_assert_cmpuint (tree_rows (fixture), ==, N_UNITS + ROWS_PER_UNIT - 1);
}

/* ------------------------------------------------------------------ main */

static void
make_workspace (void)
{
  const BenchMinistrySize size = { N_UNITS, N_UNITS, 0, 2567 };
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenStore) store = NULL;

  workspace_dir = g_dir_make_tmp ("phaen-sidebar-XXXXXX", &error);
  g_assert_no_error (error);
  workspace_path = g_build_filename (workspace_dir, "ministry.phaen", NULL);
  store = phaen_store_create (workspace_path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bench_ministry_fill (store, &size, &error), >, 0);
  g_assert_no_error (error);
}

int
main (int argc, char **argv)
{
  int status;

  if (!app_test_init (&argc, &argv))
    return 0;
  make_workspace ();
  g_test_add ("/sidebar/lazy-rows", Fixture, NULL, fixture_set_up, test_lazy_rows,
              fixture_tear_down);
  g_test_add ("/sidebar/search", Fixture, NULL, fixture_set_up, test_search, fixture_tear_down);
  g_test_add ("/sidebar/edit-keeps-rows", Fixture, NULL, fixture_set_up, test_edit_keeps_rows,
              fixture_tear_down);
  g_test_add ("/sidebar/initial-view", Fixture, "dashboard:หน่วย.700", fixture_set_up,
              test_initial_view, fixture_tear_down);
  status = g_test_run ();
  app_test_sample_remove (&workspace_dir, &workspace_path);
  return status;
}
