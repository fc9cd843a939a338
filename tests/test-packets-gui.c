/* test-packets-gui.c — unit copies and result packets in the window: a unit head's copy shows its
 * unit only, refuses the office's plans and sends a packet; the office imports packets, reviews a
 * conflict and undoes an import in one step
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-test-packets-gui"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "app-packet-import.h"
#include "app-plan-grid.h"
#include "app-plan-page.h"
#include "app-result-editor.h"
#include "app-results-page.h"
#include "app-test-util.h"
#include "app-window.h"
#include "phaen-error.h"
#include "phaen-merge.h"
#include "phaen-packet.h"
#include "phaen-scorecard.h"
#include "phaen-unit-copy.h"

#define YEAR 2564

typedef struct
{
  char *dir;
  char *office; /* the sample workspace, the planning office's */
  char *stp;    /* สตป.'s unit copy of 2564 */
  char *kpr;    /* กพร.'s */
  AppApplication *app;
  AppWindow *window;
} Fixture;

/* ------------------------------------------------------------------ helpers */

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenStore) office = NULL;
  g_autoptr (GPtrArray) written = NULL;

  fixture->dir = app_test_sample_new ("phaen-packets-gui-XXXXXX", &fixture->office);
  office = phaen_store_open (fixture->office, &error);
  g_assert_no_error (error);
  written = phaen_unit_copies_write (office, YEAR, NULL, fixture->dir, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (written->len, >=, 2);
  fixture->stp = g_build_filename (fixture->dir, "สตป-2564.phaen", NULL);
  fixture->kpr = g_build_filename (fixture->dir, "กพร-2564.phaen", NULL);
  g_assert_true (g_file_test (fixture->stp, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (fixture->kpr, G_FILE_TEST_IS_REGULAR));
  g_clear_object (&office);

  fixture->window = app_test_window_new (&fixture->app);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1366, 768);
  gtk_window_present (GTK_WINDOW (fixture->window));
  settle ();
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  app_test_window_close (&fixture->window, &fixture->app);
  g_clear_pointer (&fixture->stp, g_free);
  g_clear_pointer (&fixture->kpr, g_free);
  app_test_sample_remove (&fixture->dir, &fixture->office);
}

static PhaenIndicator *
first_indicator (PhaenStore *store, const char *abbr)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenUnit) unit = phaen_store_find_unit (store, abbr, &error);
  g_autoptr (GPtrArray) indicators = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (unit);
  indicators = phaen_store_list_indicators (store, unit->id, YEAR, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (indicators->len, >, 0);
  return phaen_indicator_copy (g_ptr_array_index (indicators, 0));
}

/* The value of @indicator_id's @quarter, "" when none. (transfer full) */
static char *
result_value (PhaenStore *store, gint64 indicator_id, int quarter)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) results = phaen_store_get_results (store, indicator_id, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < results->len; i++)
    {
      const PhaenResult *result = g_ptr_array_index (results, i);

      if (result->quarter == quarter)
        return g_strdup (result->value_text != NULL ? result->value_text : "");
    }
  return g_strdup ("");
}

/* In the unit copy at @copy, sets @quarter of the unit's first indicator to @value and writes
 * a packet; returns its path. (transfer full) */
static char *
report_in_copy (
  Fixture *fixture, const char *copy, const char *abbr, int quarter, const char *value)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenStore) store = phaen_store_open (copy, &error);
  g_autoptr (PhaenIndicator) indicator = NULL;
  g_autofree char *name = NULL;
  char *path;

  g_assert_no_error (error);
  indicator = first_indicator (store, abbr);
  g_assert_true (
    phaen_store_set_result (store, indicator->id, quarter, value, "ส่งจากหน่วยงาน", NULL, &error));
  g_assert_no_error (error);
  name = phaen_unit_copy_packet_name (store, quarter, &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, name, NULL);
  g_assert_true (phaen_unit_copy_pack (store, quarter, "หัวหน้าหน่วย", path, NULL, &error));
  g_assert_no_error (error);
  return path;
}

/* The units at the top level of the window's sidebar. */
static guint
sidebar_units (AppWindow *window)
{
  g_autoptr (GPtrArray) views = g_ptr_array_new ();

  collect_widgets (GTK_WIDGET (window), GTK_TYPE_GRID_VIEW, views);
  for (guint i = 0; i < views->len; i++)
    {
      GtkGridView *view = g_ptr_array_index (views, i);
      GListModel *model = G_LIST_MODEL (gtk_grid_view_get_model (view));
      guint units = 0;

      /* The sidebar is the tree of units; other lists are flat. */
      g_autoptr (GObject) first = model != NULL ? g_list_model_get_item (model, 0) : NULL;

      if (!gtk_widget_has_css_class (GTK_WIDGET (view), "navigation-sidebar") ||
          !GTK_IS_TREE_LIST_ROW (first))
        continue;
      for (guint r = 0; r < g_list_model_get_n_items (model); r++)
        {
          g_autoptr (GtkTreeListRow) row = g_list_model_get_item (model, r);

          units += gtk_tree_list_row_get_depth (row) == 0;
        }
      return units;
    }
  g_assert_not_reached ();
}

static const char *
dialog_body (AppWindow *window)
{
  AdwMessageDialog *dialog = find_dialog (window);

  g_assert_nonnull (dialog);
  return adw_message_dialog_get_body (dialog);
}

static void
close_dialog (AppWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (find_dialog (window)));
  settle ();
}

static void
assert_same_scores (PhaenStore *a, PhaenStore *b, const char *abbr)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenUnit) unit_a = phaen_store_find_unit (a, abbr, &error);
  g_autoptr (PhaenUnit) unit_b = phaen_store_find_unit (b, abbr, &error);
  g_autoptr (PhaenScorecard) card_a = phaen_scorecard_build (a, unit_a->id, YEAR, &error);
  g_autoptr (PhaenScorecard) card_b = NULL;

  g_assert_no_error (error);
  card_b = phaen_scorecard_build (b, unit_b->id, YEAR, &error);
  g_assert_no_error (error);
  for (int q = 0; q < PHAEN_QUARTERS; q++)
    {
      g_assert_cmpfloat_with_epsilon (card_a->total[q], card_b->total[q], 1e-9);
      g_assert_cmpuint (card_a->n_scored[q], ==, card_b->n_scored[q]);
    }
}

/* With PHAEN_TEST_SHOTS=DIR, a picture of the screen as DIR/@name.png, to look at. */
static void
shoot (const char *name)
{
  const char *dir = g_getenv ("PHAEN_TEST_SHOTS");
  g_autofree char *path = NULL;
  g_autofree char *command = NULL;

  if (dir == NULL)
    return;
  run_for (1500);
  path = g_build_filename (dir, name, NULL);
  command = g_strdup_printf ("import -window root %s.png", path);
  g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
}

/* ------------------------------------------------------------------ tests */

/* The unit head's side: the banner, one unit, the office's plan refused, a result typed and
 * saved, the packet written. */
static void
test_unit_copy (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenIndicator) indicator = NULL;
  g_autoptr (PhaenUnit) unit = NULL;
  g_autoptr (GPtrArray) plans = NULL;
  g_autoptr (PhaenPacket) packet = NULL;
  g_autofree char *packet_path = g_build_filename (fixture->dir, "sent.phaenpkt", NULL);
  g_autofree char *stored = NULL;
  g_autofree char *banner = NULL;
  PhaenStore *store;
  AppResultsPage *results;
  AppResultEditor *editor;

  app_test_open (fixture->window, fixture->stp);
  store = app_window_get_store (fixture->window);
  g_assert_true (phaen_store_is_unit_copy (store));
  g_assert_true (app_window_get_unit_copy_banner_visible (fixture->window));
  g_assert_nonnull (strstr (app_window_get_unit_copy_text (fixture->window), "สตป."));
  g_assert_nonnull (strstr (app_window_get_unit_copy_text (fixture->window), "2564"));
  g_assert_cmpuint (sidebar_units (fixture->window), ==, 1);
  shoot ("unit-copy");
  banner = g_strdup (app_window_get_unit_copy_text (fixture->window));

  unit = phaen_store_find_unit (store, "สตป.", &error);
  g_assert_no_error (error);
  /* The office's plans: the grid refuses before anything is stored. */
  plans = phaen_store_list_plans (store, unit->id, YEAR, &error);
  g_assert_no_error (error);
  if (plans->len > 0)
    {
      const PhaenPlan *plan = g_ptr_array_index (plans, 0);
      AppPlanGrid *grid;

      g_assert_true (app_window_show_plan (fixture->window, plan->id));
      settle ();
      grid = APP_PLAN_GRID (app_plan_page_get_grid (app_window_get_plan_page (fixture->window)));
      if (app_plan_grid_get_n_rows (grid) > 0)
        {
          g_autofree char *before =
            app_plan_grid_get_cell_text (grid, 0, APP_PLAN_GRID_COLUMN_NAME);
          g_autofree char *after = NULL;

          g_assert_false (app_plan_grid_commit_text (grid, 0, APP_PLAN_GRID_COLUMN_NAME,
                                                     "กิจกรรมที่หน่วยงานแก้เอง", &error));
          g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_READ_ONLY);
          g_clear_error (&error);
          after = app_plan_grid_get_cell_text (grid, 0, APP_PLAN_GRID_COLUMN_NAME);
          g_assert_cmpstr (before, ==, after);
        }
    }
  /* No new plan in a unit copy: the action is off, no dialog comes. */
  {
    GList *before = gtk_window_list_toplevels ();
    GList *after;

    gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-plan", NULL);
    settle ();
    after = gtk_window_list_toplevels ();
    g_assert_cmpuint (g_list_length (after), ==, g_list_length (before));
    g_list_free (before);
    g_list_free (after);
  }

  /* The unit's results: typed in the quarterly entry and saved. */
  indicator = first_indicator (store, "สตป.");
  g_assert_true (app_window_show_unit_page (fixture->window, "results", unit->id, YEAR));
  settle ();
  results = find_only_widget (fixture->window, APP_TYPE_RESULTS_PAGE);
  app_results_page_set_quarter (results, 3);
  settle ();
  editor = app_results_page_get_editor (results, indicator->id);
  if (editor == NULL)
    {
      settle ();
      editor = app_results_page_get_editor (results, indicator->id);
    }
  g_assert_nonnull (editor);
  gtk_editable_set_text (app_result_editor_get_value_entry (editor), "4321");
  press_enter (app_result_editor_get_value_entry (editor));
  settle ();
  stored = result_value (store, indicator->id, 3);
  g_assert_cmpstr (stored, ==, "4321");
  /* The banner counts what the next packet carries. */
  g_assert_cmpstr (app_window_get_unit_copy_text (fixture->window), !=, banner);
  shoot ("unit-copy-results");

  /* ส่งผลการดำเนินงาน writes the packet the office can read. */
  g_assert_true (app_window_send_results (fixture->window, packet_path, &error));
  g_assert_no_error (error);
  packet = phaen_packet_load (packet_path, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (packet);
  settle ();
  {
    /* The office takes it: the typed value arrives. */
    g_autoptr (PhaenStore) office = NULL;
    g_autoptr (PhaenMergeReport) report = NULL;
    g_autoptr (PhaenIndicator) office_indicator = NULL;
    g_autofree char *merged = NULL;
    const char *paths[] = { packet_path, NULL };

    app_test_window_close (&fixture->window, &fixture->app);
    settle ();
    office = phaen_store_open (fixture->office, &error);
    g_assert_no_error (error);
    report = phaen_merge_packets (office, paths, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (((PhaenPacketOutcome *)g_ptr_array_index (report->packets, 0))->status, ==,
                     PHAEN_PACKET_MERGED);
    office_indicator = first_indicator (office, "สตป.");
    merged = result_value (office, office_indicator->id, 3);
    g_assert_cmpstr (merged, ==, "4321");
  }
}

/* The office's side: two units' packets at once, the same again, undo as one step. */
static void
test_import (Fixture *fixture, gconstpointer data)
{
  g_autofree char *stp_packet = report_in_copy (fixture, fixture->stp, "สตป.", 2, "91");
  g_autofree char *kpr_packet = report_in_copy (fixture, fixture->kpr, "กพร.", 2, "87");
  g_autofree char *stp_name = g_path_get_basename (stp_packet);
  g_autofree char *kpr_name = g_path_get_basename (kpr_packet);
  g_autofree char *again = NULL;
  g_autofree char *before = NULL;
  const char *paths[] = { stp_packet, kpr_packet, NULL };
  g_autoptr (PhaenIndicator) stp = NULL;
  g_autoptr (PhaenIndicator) kpr = NULL;
  g_autoptr (GError) error = NULL;
  AppCollectionWindow *collection;
  PhaenStore *store;

  app_test_open (fixture->window, fixture->office);
  store = app_window_get_store (fixture->window);
  g_assert_false (app_window_get_unit_copy_banner_visible (fixture->window));
  g_assert_cmpuint (sidebar_units (fixture->window), >, 1);
  stp = first_indicator (store, "สตป.");
  kpr = first_indicator (store, "กพร.");
  before = result_value (store, stp->id, 2);

  /* Who has reported: nobody yet, and the reminder list names both units. */
  collection = app_window_show_collection (fixture->window);
  g_assert_nonnull (collection);
  g_assert_true (app_collection_window_set_period (collection, YEAR, 2));
  g_assert_cmpuint (app_collection_window_get_n_units (collection), >=, 2);
  g_assert_cmpuint (app_collection_window_get_n_received (collection), ==, 0);
  {
    g_autofree char *csv = g_build_filename (fixture->dir, "missing.csv", NULL);
    g_autofree char *contents = NULL;

    g_assert_true (app_collection_window_export_missing (collection, csv, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, "สตป."));
    g_assert_nonnull (strstr (contents, "กพร."));
  }
  {
    g_autofree char *xlsx = g_build_filename (fixture->dir, "missing.xlsx", NULL);
    g_autofree char *contents = NULL;
    gsize length = 0;

    g_assert_true (app_collection_window_export_missing (collection, xlsx, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (xlsx, &contents, &length, NULL));
    g_assert_cmpuint (length, >, 4);
    g_assert_cmpmem (contents, 2, "PK", 2); /* a zip: the workbook */
  }

  g_assert_null (app_window_import_packets (fixture->window, paths));
  g_assert_true (wait_until (has_dialog, fixture->window));
  g_assert_nonnull (strstr (dialog_body (fixture->window), stp_name));
  g_assert_nonnull (strstr (dialog_body (fixture->window), kpr_name));
  shoot ("import-outcome");
  /* The collection follows the import: both received, by whom. */
  g_assert_cmpuint (app_collection_window_get_n_received (collection), ==, 2);
  {
    gboolean found = FALSE;

    for (guint i = 0; i < app_collection_window_get_n_units (collection); i++)
      {
        g_autofree char *row = app_collection_window_get_row_text (collection, i);

        found = found || (strstr (row, "สตป.") != NULL && strstr (row, "หัวหน้าหน่วย") != NULL);
      }
    g_assert_true (found);
  }
  {
    g_autofree char *merged = result_value (store, stp->id, 2);
    g_autofree char *merged_kpr = result_value (store, kpr->id, 2);

    g_assert_cmpstr (merged, ==, "91");
    g_assert_cmpstr (merged_kpr, ==, "87");
  }
  /* The office scores both units as their own copies do. */
  {
    g_autoptr (PhaenStore) stp_copy = phaen_store_open_read_only (fixture->stp, &error);
    g_autoptr (PhaenStore) kpr_copy = phaen_store_open_read_only (fixture->kpr, &error);

    g_assert_no_error (error);
    assert_same_scores (store, stp_copy, "สตป.");
    assert_same_scores (store, kpr_copy, "กพร.");
  }
  close_dialog (fixture->window);
  gtk_window_present (GTK_WINDOW (collection));
  shoot ("collection");
  gtk_window_destroy (GTK_WINDOW (collection));
  settle ();

  /* The same packets again: already merged, nothing changed. */
  g_assert_null (app_window_import_packets (fixture->window, paths));
  g_assert_true (wait_until (has_dialog, fixture->window));
  again = g_strdup_printf (_ ("%s: already merged, nothing changed"), stp_name);
  g_assert_nonnull (strstr (dialog_body (fixture->window), again));
  close_dialog (fixture->window);

  /* One undo takes the whole import back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  settle ();
  {
    g_autofree char *undone = result_value (store, stp->id, 2);
    g_autofree char *undone_kpr = result_value (store, kpr->id, 2);

    g_assert_cmpstr (undone, ==, before);
    g_assert_cmpstr (undone_kpr, !=, "87");
  }

  /* A packet for another workspace is refused, with the reason, and nothing applied. */
  {
    g_autofree char *other_dir = g_dir_make_tmp ("phaen-other-XXXXXX", &error);
    g_autofree char *other = NULL;
    g_autofree char *other_sample = NULL;
    g_autofree char *foreign = NULL;
    g_autofree char *foreign_name = NULL;
    g_autofree char *after = NULL;
    const char *foreign_paths[2] = { NULL, NULL };

    g_assert_no_error (error);
    other_sample = app_test_sample_new ("phaen-other-office-XXXXXX", &other);
    {
      g_autoptr (PhaenStore) other_office = phaen_store_open (other, &error);
      g_autoptr (GPtrArray) written = NULL;

      g_assert_no_error (error);
      written =
        phaen_unit_copies_write (other_office, YEAR, NULL, other_dir, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
    }
    {
      g_autofree char *copy = g_build_filename (other_dir, "สตป-2564.phaen", NULL);
      Fixture other_fixture = { .dir = other_dir };

      foreign = report_in_copy (&other_fixture, copy, "สตป.", 1, "5");
    }
    foreign_name = g_path_get_basename (foreign);
    foreign_paths[0] = foreign;
    g_assert_null (app_window_import_packets (fixture->window, foreign_paths));
    g_assert_true (wait_until (has_dialog, fixture->window));
    g_assert_nonnull (strstr (dialog_body (fixture->window), foreign_name));
    g_assert_null (strstr (dialog_body (fixture->window), _ ("already merged")));
    shoot ("import-refused");
    close_dialog (fixture->window);
    after = result_value (store, stp->id, 1);
    g_assert_cmpstr (after, !=, "5");
    app_test_sample_remove (&other_sample, &other);
    {
      char *none = NULL;

      app_test_sample_remove (&other_dir, &none);
    }
  }
}

/* Both sides changed the same result: the review shows both values, the officer's pick is
 * stored. */
static void
test_conflict (Fixture *fixture, gconstpointer data)
{
  g_autofree char *packet = report_in_copy (fixture, fixture->stp, "สตป.", 2, "185");
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenIndicator) indicator = NULL;
  g_autofree char *text = NULL;
  g_autofree char *stored = NULL;
  const char *paths[] = { packet, NULL };
  AppPacketReview *review;
  PhaenStore *store;

  app_test_open (fixture->window, fixture->office);
  store = app_window_get_store (fixture->window);
  indicator = first_indicator (store, "สตป.");
  /* The office types its own figure meanwhile. */
  g_assert_true (phaen_store_set_result (store, indicator->id, 2, "200", NULL, NULL, &error));
  g_assert_no_error (error);
  settle ();

  review = app_window_import_packets (fixture->window, paths);
  if (review == NULL && find_dialog (fixture->window) != NULL)
    g_test_message ("no review: %s", dialog_body (fixture->window));
  g_assert_nonnull (review);
  settle ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (review)));
  g_assert_cmpuint (app_packet_review_get_n_conflicts (review), ==, 1);
  shoot ("review");
  text = app_packet_review_get_conflict_text (review, 0);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "200"));
  g_assert_nonnull (strstr (text, "185"));
  g_assert_nonnull (strstr (text, "หัวหน้าหน่วย"));
  g_assert_cmpint (app_packet_review_get_choice (review, 0), ==, PHAEN_MERGE_CHOICE_NONE);
  /* A dry run so far: the office's value stands. */
  stored = result_value (store, indicator->id, 2);
  g_assert_cmpstr (stored, ==, "200");
  g_clear_pointer (&stored, g_free);

  app_packet_review_set_choice (review, 0, PHAEN_MERGE_CHOICE_UNIT);
  g_assert_cmpint (app_packet_review_get_choice (review, 0), ==, PHAEN_MERGE_CHOICE_UNIT);
  app_packet_review_apply (review);
  g_assert_true (wait_until (has_dialog, fixture->window));
  settle ();
  stored = result_value (store, indicator->id, 2);
  g_assert_cmpstr (stored, ==, "185");
  close_dialog (fixture->window);
}

/* Send to units: the year's units listed, chosen ones written with the progress bar, a summary. */
static void
test_send (Fixture *fixture, gconstpointer data)
{
  g_autofree char *folder = g_build_filename (fixture->dir, "sent", NULL);
  g_autofree char *first = NULL;
  g_autoptr (GDir) dir = NULL;
  AppSendDialog *dialog;
  const char *name;
  guint files = 0;

  app_test_open (fixture->window, fixture->office);
  dialog = app_window_show_send_dialog (fixture->window);
  g_assert_nonnull (dialog);
  g_assert_true (app_send_dialog_set_year (dialog, YEAR));
  g_assert_cmpuint (app_send_dialog_get_n_units (dialog), ==, 2);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  app_send_dialog_set_folder (dialog, folder);
  app_send_dialog_set_unit_chosen (dialog, 1, FALSE);
  g_assert_cmpint (app_send_dialog_send (dialog), ==, 1);
  g_assert_nonnull (strstr (app_send_dialog_get_status (dialog), "2564"));
  shoot ("send");
  dir = g_dir_open (folder, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autoptr (GError) error = NULL;
      g_autoptr (PhaenStore) copy = NULL;

      if (!g_str_has_suffix (name, ".phaen"))
        continue;
      files++;
      copy = phaen_store_open_read_only (path, &error);
      g_assert_no_error (error);
      g_assert_true (phaen_store_is_unit_copy (copy));
      first = g_strdup (name);
      g_unlink (path);
    }
  g_assert_cmpuint (files, ==, 1);
  g_assert_true (g_str_has_suffix (first, "-2564.phaen"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  settle ();
  {
    g_autoptr (GDir) rest = g_dir_open (folder, 0, NULL);

    while ((name = g_dir_read_name (rest)) != NULL)
      {
        g_autofree char *path = g_build_filename (folder, name, NULL);

        g_unlink (path);
      }
  }
  g_rmdir (folder);
}

int
main (int argc, char **argv)
{
  if (!app_test_init (&argc, &argv))
    return 0;

  g_test_add ("/packets-gui/unit-copy", Fixture, NULL, fixture_set_up, test_unit_copy,
              fixture_tear_down);
  g_test_add ("/packets-gui/import", Fixture, NULL, fixture_set_up, test_import, fixture_tear_down);
  g_test_add ("/packets-gui/conflict", Fixture, NULL, fixture_set_up, test_conflict,
              fixture_tear_down);
  g_test_add ("/packets-gui/send", Fixture, NULL, fixture_set_up, test_send, fixture_tear_down);
  return g_test_run ();
}
