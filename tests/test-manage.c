/* test-manage.c — managing the workspace in the window: duplicating the plan of seed 000 into
 * FY 2565, renaming and deleting units with their confirmation and undo, and the import
 * dialog's preview for units and plans
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-test"

#include <glib/gstdio.h>
#include <string.h>

#include "app-import-dialog.h"
#include "app-test-util.h"
#include "phaen-plan-import.h"
#include "phaen-unit-import.h"
#include "phaen-xlsx.h"

typedef struct
{
  AppApplication *app;
  AppWindow *window;
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  fixture->dir = app_test_sample_new ("phaen-manage-XXXXXX", &fixture->path);
  fixture->window = app_test_window_new (&fixture->app);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1366, 768);
  gtk_window_present (GTK_WINDOW (fixture->window));
  app_test_open (fixture->window, fixture->path);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  app_test_window_close (&fixture->window, &fixture->app);
  app_test_sample_remove (&fixture->dir, &fixture->path);
}

static PhaenStore *
store_of (Fixture *fixture)
{
  PhaenStore *store = app_window_get_store (fixture->window);

  g_assert_nonnull (store);
  return store;
}

static gint64
unit_id (Fixture *fixture, const char *abbr)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenUnit) unit = phaen_store_find_unit (store_of (fixture), abbr, &error);

  g_assert_no_error (error);
  return unit->id;
}

static gint64
plan_of (PhaenStore *store, gint64 unit, int year)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) plans = phaen_store_list_plans (store, unit, year, &error);

  g_assert_no_error (error);
  if (plans->len == 0)
    return 0;
  g_assert_cmpuint (plans->len, ==, 1);
  return ((PhaenPlan *)g_ptr_array_index (plans, 0))->id;
}

static AdwMessageDialog *
run_action_to_dialog (Fixture *fixture, const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), action, "x", (gint64)0));
  g_assert_true (wait_until (has_dialog, fixture->window));
  return find_dialog (fixture->window);
}

/* What a click on a response button does: the response, then the dialog closes. */
static void
respond (AdwMessageDialog *dialog, const char *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  settle ();
}

static void
show_plan_of (Fixture *fixture, const char *abbr, int year)
{
  gint64 plan = plan_of (store_of (fixture), unit_id (fixture, abbr), year);

  g_assert_true (app_window_show_plan (fixture->window, plan));
  settle ();
}

/* The done-when of issue #13: the plan of seed 000 (กพร., FY 2564) duplicated into FY 2565 through
 * the window, and the copy read back from the file. */
static void
test_duplicate_plan (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenStore) reader = NULL;
  g_autoptr (GPtrArray) old_activities = NULL;
  g_autoptr (GPtrArray) new_activities = NULL;
  g_autoptr (GPtrArray) indicators = NULL;
  g_autoptr (PhaenPlan) copy = NULL;
  AdwMessageDialog *dialog;
  AppSidebarPlace place;
  GtkSpinButton *year;
  gint64 kpr = unit_id (fixture, "กพร."), old_plan, new_plan;

  show_plan_of (fixture, "กพร.", 2564);
  old_plan = plan_of (store_of (fixture), kpr, 2564);
  dialog = run_action_to_dialog (fixture, "win.duplicate-plan");
  year = find_widget (adw_message_dialog_get_extra_child (dialog), GTK_TYPE_SPIN_BUTTON);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (year), ==, 2565);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "2564"));
  respond (dialog, "duplicate");

  /* The window shows the copy. */
  new_plan = plan_of (store_of (fixture), kpr, 2565);
  g_assert_cmpint (new_plan, >, 0);
  g_assert_true (app_window_get_place (fixture->window, &place));
  g_assert_cmpint (place.plan_id, ==, new_plan);
  g_assert_cmpint (place.year, ==, 2565);

  /* What is stored, read by a second reader of the file. */
  reader = phaen_store_open_read_only (fixture->path, &error);
  g_assert_no_error (error);
  copy = phaen_store_get_plan (reader, new_plan, &error);
  g_assert_no_error (error);
  g_assert_cmpint (copy->fiscal_year, ==, 2565);
  g_assert_nonnull (strstr (copy->title, "พ.ศ. 2565"));
  old_activities = phaen_store_list_activities (reader, old_plan, &error);
  new_activities = phaen_store_list_activities (reader, new_plan, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (new_activities->len, ==, 7);
  g_assert_cmpuint (new_activities->len, ==, old_activities->len);
  for (guint i = 0; i < new_activities->len; i++)
    {
      const PhaenActivity *a = g_ptr_array_index (old_activities, i);
      const PhaenActivity *b = g_ptr_array_index (new_activities, i);

      g_assert_cmpstr (a->name, ==, b->name);
      g_assert_cmpstr (a->number, ==, b->number);
      g_assert_cmpstr (a->owner, ==, b->owner);
      g_assert_cmpint (a->level, ==, b->level);
      g_assert_cmpint (a->has_budget, ==, b->has_budget);
      g_assert_cmpmem (a->marks, sizeof a->marks, b->marks, sizeof b->marks);
    }
  indicators = phaen_store_list_indicators (reader, kpr, 2565, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (indicators->len, ==, 1);
  g_assert_cmpstr (((PhaenIndicator *)g_ptr_array_index (indicators, 0))->code, ==, "กพร.9");
  g_clear_object (&reader);

  /* What the toast's Undo button does. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  settle ();
  g_assert_cmpint (plan_of (store_of (fixture), kpr, 2565), ==, 0);
}

static void
test_rename_unit (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GPtrArray) entries = g_ptr_array_new ();
  g_autoptr (PhaenUnit) renamed = NULL;
  AdwMessageDialog *dialog;
  gint64 stp = unit_id (fixture, "สตป.");

  show_plan_of (fixture, "สตป.", 2564);
  dialog = run_action_to_dialog (fixture, "win.rename-unit");
  collect_widgets (adw_message_dialog_get_extra_child (dialog), GTK_TYPE_ENTRY, entries);
  g_assert_cmpuint (entries->len, ==, 2);
  g_assert_cmpstr (gtk_editable_get_text (g_ptr_array_index (entries, 0)), ==, "สตป.");
  gtk_editable_set_text (g_ptr_array_index (entries, 0), "สตป.ใหม่");
  respond (dialog, "rename");
  renamed = phaen_store_get_unit (store_of (fixture), stp, NULL);
  g_assert_cmpstr (renamed->abbr, ==, "สตป.ใหม่");

  /* A name another unit has is refused with a message, and nothing changes. */
  dialog = run_action_to_dialog (fixture, "win.rename-unit");
  g_ptr_array_set_size (entries, 0);
  collect_widgets (adw_message_dialog_get_extra_child (dialog), GTK_TYPE_ENTRY, entries);
  gtk_editable_set_text (g_ptr_array_index (entries, 0), "กพร.");
  respond (dialog, "rename");
  g_assert_true (wait_until (has_dialog, fixture->window));
  dialog = find_dialog (fixture->window);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "กพร."));
  respond (dialog, "close");
  g_clear_pointer (&renamed, phaen_unit_free);
  renamed = phaen_store_get_unit (store_of (fixture), stp, NULL);
  g_assert_cmpstr (renamed->abbr, ==, "สตป.ใหม่");
}

static void
test_delete_unit (Fixture *fixture, gconstpointer data)
{
  g_autofree char *what = NULL;
  PhaenStoreContents contents;
  PhaenStoreStats before, after;
  AdwMessageDialog *dialog;
  gint64 stp = unit_id (fixture, "สตป.");

  phaen_store_get_stats (store_of (fixture), &before, NULL);
  g_assert_true (phaen_store_count_unit_contents (store_of (fixture), stp, &contents, NULL));
  what = phaen_store_contents_describe (&contents);
  show_plan_of (fixture, "สตป.", 2564);
  dialog = run_action_to_dialog (fixture, "win.delete-unit");
  /* The confirmation lists what goes. */
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), what));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "delete"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  /* Cancel keeps everything. */
  respond (dialog, "cancel");
  g_assert_nonnull (phaen_store_get_unit (store_of (fixture), stp, NULL));

  dialog = run_action_to_dialog (fixture, "win.delete-unit");
  respond (dialog, "delete");
  g_assert_null (phaen_store_get_unit (store_of (fixture), stp, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  settle ();
  phaen_store_get_stats (store_of (fixture), &after, NULL);
  g_assert_cmpmem (&before, sizeof before, &after, sizeof after);
}

static void
test_delete_plan (Fixture *fixture, gconstpointer data)
{
  AdwMessageDialog *dialog;
  gint64 kpr = unit_id (fixture, "กพร.");

  show_plan_of (fixture, "กพร.", 2564);
  dialog = run_action_to_dialog (fixture, "win.delete-plan");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "7"));
  respond (dialog, "delete");
  g_assert_cmpint (plan_of (store_of (fixture), kpr, 2564), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  settle ();
  g_assert_cmpint (plan_of (store_of (fixture), kpr, 2564), >, 0);
}

/* A row's context menu names its plan: the action runs on that plan, not on the shown one. */
static void
test_targeted_action (Fixture *fixture, gconstpointer data)
{
  g_autoptr (PhaenPlan) other = NULL;
  AdwMessageDialog *dialog;
  gint64 stp_plan = plan_of (store_of (fixture), unit_id (fixture, "สตป."), 2564);

  show_plan_of (fixture, "กพร.", 2564);
  other = phaen_store_get_plan (store_of (fixture), stp_plan, NULL);
  g_assert_true (
    gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.delete-plan-of", "x", stp_plan));
  g_assert_true (wait_until (has_dialog, fixture->window));
  dialog = find_dialog (fixture->window);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), other->title));
  respond (dialog, "delete");
  g_assert_cmpint (plan_of (store_of (fixture), unit_id (fixture, "สตป."), 2564), ==, 0);
  g_assert_cmpint (plan_of (store_of (fixture), unit_id (fixture, "กพร."), 2564), >, 0);
}

static void
test_import_units (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *csv = g_build_filename (fixture->dir, "units.csv", NULL);
  g_autofree char *status = NULL;
  AppImportDialog *dialog;
  PhaenStoreStats before, after;

  g_file_set_contents (csv,
                       "ชื่อย่อ,ชื่อหน่วยงาน,ต้นสังกัด\n"
                       "สลก.,สำนักงานเลขานุการกรม,กพร.\n"
                       "กค.,กองคลัง,ไม่มีหน่วยนี้\n",
                       -1, &error);
  g_assert_no_error (error);
  phaen_store_get_stats (store_of (fixture), &before, NULL);
  dialog = app_import_dialog_present (fixture->window, APP_IMPORT_UNITS, csv, 0, 0);
  g_assert_nonnull (dialog);
  settle ();
  g_assert_cmpuint (g_list_model_get_n_items (app_import_dialog_get_rows (dialog)), ==, 2);
  status = app_import_dialog_get_cell (dialog, 1, PHAEN_UNIT_IMPORT_N_FIELDS + 1);
  g_assert_nonnull (strstr (status, "ไม่มีหน่วยนี้"));
  g_assert_true (app_import_dialog_import (dialog));
  settle ();
  phaen_store_get_stats (store_of (fixture), &after, NULL);
  g_assert_cmpint (after.units, ==, before.units + 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  settle ();
  phaen_store_get_stats (store_of (fixture), &after, NULL);
  g_assert_cmpint (after.units, ==, before.units);
  g_unlink (csv);
}

static void
test_import_plan (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *xlsx = g_build_filename (fixture->dir, "kpr.xlsx", NULL);
  g_autofree char *name = NULL;
  g_autofree char *status = NULL;
  g_autofree char *no_name = NULL;
  g_autoptr (GPtrArray) originals = NULL;
  const PhaenActivity *first;
  PhaenXlsxOptions options;
  AppImportDialog *dialog;
  AppSidebarPlace place;
  gint64 stp = unit_id (fixture, "สตป."), kpr = unit_id (fixture, "กพร.");
  g_autoptr (GPtrArray) activities = NULL;

  phaen_xlsx_options_init (&options, PHAEN_XLSX_FORM_PLAN);
  options.plan_id = plan_of (store_of (fixture), kpr, 2564);
  g_assert_true (phaen_xlsx_export (store_of (fixture), &options, xlsx, &error));
  g_assert_no_error (error);
  originals = phaen_store_list_activities (store_of (fixture), options.plan_id, &error);
  g_assert_no_error (error);
  first = g_ptr_array_index (originals, 0);

  dialog = app_import_dialog_present (fixture->window, APP_IMPORT_PLAN, xlsx, stp, 2564);
  g_assert_nonnull (dialog);
  settle ();
  g_assert_cmpuint (g_list_model_get_n_items (app_import_dialog_get_rows (dialog)), ==, 7);
  name = app_import_dialog_get_cell (dialog, 0, 1);
  status = app_import_dialog_get_cell (dialog, 0, 5);
  g_assert_nonnull (strstr (name, first->name));
  /* Reading the activity column as nothing: the row has no name, an error in its status. */
  app_import_dialog_set_column (dialog, 0, PHAEN_PLAN_COLUMN_IGNORE, 0);
  no_name = app_import_dialog_get_cell (dialog, 0, 5);
  g_assert_cmpstr (no_name, !=, status);
  app_import_dialog_set_column (dialog, 0, PHAEN_PLAN_COLUMN_NAME, 0);
  g_free (no_name);
  no_name = app_import_dialog_get_cell (dialog, 0, 5);
  g_assert_cmpstr (no_name, ==, status);
  g_assert_true (app_import_dialog_import (dialog));
  settle ();
  g_assert_true (app_window_get_place (fixture->window, &place));
  g_assert_cmpint (place.unit_id, ==, stp);
  activities = phaen_store_list_activities (store_of (fixture), place.plan_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (activities->len, ==, 7);
  g_unlink (xlsx);
}

int
main (int argc, char **argv)
{
  if (!app_test_init (&argc, &argv))
    return 0;
  g_test_add ("/manage/duplicate-plan-2565", Fixture, NULL, fixture_set_up, test_duplicate_plan,
              fixture_tear_down);
  g_test_add ("/manage/rename-unit", Fixture, NULL, fixture_set_up, test_rename_unit,
              fixture_tear_down);
  g_test_add ("/manage/delete-unit", Fixture, NULL, fixture_set_up, test_delete_unit,
              fixture_tear_down);
  g_test_add ("/manage/delete-plan", Fixture, NULL, fixture_set_up, test_delete_plan,
              fixture_tear_down);
  g_test_add ("/manage/targeted-action", Fixture, NULL, fixture_set_up, test_targeted_action,
              fixture_tear_down);
  g_test_add ("/manage/import-units", Fixture, NULL, fixture_set_up, test_import_units,
              fixture_tear_down);
  g_test_add ("/manage/import-plan", Fixture, NULL, fixture_set_up, test_import_plan,
              fixture_tear_down);
  return g_test_run ();
}
