/* test-indicator-editor.c — the indicator editor, criteria versions and the PMQA category 7 page
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-test-indicator-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "app-application.h"
#include "app-autosave.h"
#include "app-criteria-editor.h"
#include "app-indicator-editor.h"
#include "app-indicators-page.h"
#include "app-pmqa-page.h"
#include "app-test-util.h"
#include "app-window.h"
#include "phaen-error.h"
#include "phaen-pmqa.h"
#include "phaen-score.h"
#include "phaen-thai-text.h"

typedef struct
{
  char *dir;
  char *path; /* the sample workspace, made fresh for each test */
  AppApplication *app;
  AppWindow *window;
  PhaenStore *store; /* the window's */
} Fixture;

/* ------------------------------------------------------------------ helpers */

static PhaenIndicator *
stored_indicator (Fixture *fixture, gint64 indicator_id)
{
  g_autoptr (GError) error = NULL;
  PhaenIndicator *indicator = phaen_store_get_indicator (fixture->store, indicator_id, &error);

  g_assert_no_error (error);
  return indicator;
}

static void
activate_action (Fixture *fixture, const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), action, NULL));
  settle ();
}

/* What pressing Enter in an entry row does. */
static void
type_and_enter (GtkWidget *row, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "entry-activated");
  settle ();
}

static double
sum_of_weights (Fixture *fixture, gint64 unit, int year)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) indicators =
    phaen_store_list_indicators (fixture->store, unit, year, &error);
  double sum = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < indicators->len; i++)
    {
      const PhaenIndicator *indicator = g_ptr_array_index (indicators, i);

      if (indicator->scoring != PHAEN_SCORING_PMQA7)
        sum += indicator->weight;
    }
  return sum;
}

static GPtrArray *
criteria_versions (Fixture *fixture, gint64 indicator_id)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *versions = phaen_store_list_criteria_versions (fixture->store, indicator_id, &error);

  g_assert_no_error (error);
  return versions;
}

static double
threshold_of (const PhaenCriteriaVersion *version, int level)
{
  for (guint i = 0; i < version->items->len; i++)
    {
      const PhaenCriterion *item = g_ptr_array_index (version->items, i);

      if (item->level == level)
        {
          g_assert_true (item->has_threshold);
          return item->threshold;
        }
    }
  g_assert_not_reached ();
}

/* Opens สตป. 02 (seed 002) in the editor through the window. */
static AppIndicatorsPage *
open_stp02 (Fixture *fixture, gint64 *out_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenIndicator) indicator = phaen_store_find_indicator (
    fixture->store, test_unit_id (fixture->store, "สตป."), 2564, "สตป. 02", &error);
  AppIndicatorsPage *page;

  g_assert_no_error (error);
  app_window_show_indicator (fixture->window, indicator->id);
  settle ();
  page = APP_INDICATORS_PAGE (find_widget (GTK_WIDGET (fixture->window), APP_TYPE_INDICATORS_PAGE));
  g_assert_cmpint (app_indicators_page_get_selected (page), ==, indicator->id);
  g_assert_cmpint (app_indicator_editor_get_indicator_id (app_indicators_page_get_editor (page)),
                   ==, indicator->id);
  *out_id = indicator->id;
  return page;
}

/* ------------------------------------------------------------------ fixture */

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  fixture->dir = app_test_sample_new ("phaen-indicator-editor-XXXXXX", &fixture->path);
  fixture->window = app_test_window_new (&fixture->app);
  gtk_window_present (GTK_WINDOW (fixture->window));
  app_test_open (fixture->window, fixture->path);
  fixture->store = app_window_get_store (fixture->window);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  AdwMessageDialog *dialog = find_dialog (fixture->window);

  if (dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  app_test_window_close (&fixture->window, &fixture->app);
  app_test_sample_remove (&fixture->dir, &fixture->path);
}

/* ------------------------------------------------------------------ tests */

/* Typing into a field, without leaving it, is stored a moment after the last key: another open
 * of the workspace finds it, the field keeps its text and cursor, and one undo takes the pause
 * back. */
static void
test_field_autosave (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenIndicator) before = NULL;
  g_autoptr (PhaenIndicator) reread = NULL;
  g_autoptr (PhaenIndicator) undone = NULL;
  g_autoptr (PhaenStore) second = NULL;
  g_autofree char *owner = NULL;
  g_autofree char *shown = NULL;
  AppIndicatorsPage *page;
  AppIndicatorEditor *editor;
  GtkWidget *row;
  gint64 id;
  int position;

  page = open_stp02 (fixture, &id);
  editor = app_indicators_page_get_editor (page);
  before = stored_indicator (fixture, id);
  row = app_indicator_editor_get_field (editor, "owner_name");
  g_assert_true (gtk_widget_grab_focus (row));
  settle ();
  position = (int)g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (row)), -1);
  gtk_editable_set_position (GTK_EDITABLE (row), position);
  gtk_editable_insert_text (GTK_EDITABLE (row), " (สำรอง) ", -1, &position);
  gtk_editable_set_position (GTK_EDITABLE (row), position);
  shown = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));

  run_for (1500);
  owner = g_strdup_printf ("%s (สำรอง)", before->owner_name != NULL ? before->owner_name : "");
  second = phaen_store_open_read_only (fixture->path, &error);
  g_assert_no_error (error);
  reread = phaen_store_get_indicator (second, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_strstrip (reread->owner_name), ==, g_strstrip (owner));
  /* Still typing: the trailing space and the cursor stay where the user left them. */
  g_assert_true (app_autosave_is_typing (row));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, shown);
  g_assert_cmpint (gtk_editable_get_position (GTK_EDITABLE (row)), ==, position);

  activate_action (fixture, "win.undo");
  undone = stored_indicator (fixture, id);
  g_assert_cmpstr (undone->owner_name, ==, before->owner_name);
}

/* The weight takes Thai digits, the total follows, and undo brings 30 back. */
static void
test_weight_thai_digits_undo (Fixture *fixture, gconstpointer data)
{
  g_autoptr (PhaenIndicator) before = NULL;
  g_autoptr (PhaenIndicator) after = NULL;
  g_autoptr (PhaenIndicator) undone = NULL;
  g_autofree char *total_35 = NULL;
  AppIndicatorsPage *page;
  AppIndicatorEditor *editor;
  GtkWidget *weight;
  gint64 id, stp;
  double others;

  page = open_stp02 (fixture, &id);
  editor = app_indicators_page_get_editor (page);
  stp = test_unit_id (fixture->store, "สตป.");
  before = stored_indicator (fixture, id);
  g_assert_cmpfloat (before->weight, ==, 30); /* seed 002 */
  others = sum_of_weights (fixture, stp, 2564) - before->weight;
  g_assert_cmpfloat (app_indicators_page_get_weight_total (page), ==, others + 30);

  weight = app_indicator_editor_get_field (editor, "weight");
  g_assert_true (ADW_IS_ENTRY_ROW (weight));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (weight)), ==, "30");

  /* While typing, the banner counts the typed weight; nothing is stored yet. */
  gtk_editable_set_text (GTK_EDITABLE (weight), "๓๕");
  settle ();
  g_assert_cmpfloat (app_indicators_page_get_weight_total (page), ==, others + 35);
  g_assert_cmpfloat (sum_of_weights (fixture, stp, 2564), ==, others + 30);

  g_signal_emit_by_name (weight, "entry-activated");
  settle ();
  after = stored_indicator (fixture, id);
  g_assert_cmpfloat (after->weight, ==, 35);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (weight)), ==, "35");
  g_assert_cmpfloat (app_indicators_page_get_weight_total (page), ==, others + 35);
  total_35 = phaen_format_number (others + 35, 2, PHAEN_NUMBER_TRIM_ZEROS);
  g_assert_nonnull (strstr (app_indicators_page_get_weight_text (page), total_35));
  g_assert_cmpstr (phaen_store_get_undo_label (fixture->store), ==, _ ("Edit indicator"));

  activate_action (fixture, "win.undo");
  undone = stored_indicator (fixture, id);
  g_assert_cmpfloat (undone->weight, ==, 30);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (weight)), ==, "30");
  g_assert_cmpfloat (app_indicators_page_get_weight_total (page), ==, others + 30);
}

/* A weight that is not a number is refused: the row is marked and nothing changes. */
static void
test_bad_input_changes_nothing (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenIndicator) stored = NULL;
  AppIndicatorEditor *editor;
  GtkWidget *weight;
  gint64 id;
  gboolean could_undo;

  editor = app_indicators_page_get_editor (open_stp02 (fixture, &id));
  weight = app_indicator_editor_get_field (editor, "weight");
  could_undo = phaen_store_can_undo (fixture->store);

  gtk_editable_set_text (GTK_EDITABLE (weight), "สามสิบห้า");
  g_assert_false (app_indicator_editor_commit_field (editor, "weight", &error));
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID);
  g_assert_true (gtk_widget_has_css_class (weight, "error"));
  stored = stored_indicator (fixture, id);
  g_assert_cmpfloat (stored->weight, ==, 30);
  g_assert_cmpint (phaen_store_can_undo (fixture->store), ==, could_undo);

  /* Text fields are saved the same way, one undo step each. */
  type_and_enter (app_indicator_editor_get_field (editor, "owner_phone"), "0 2126 5800 ต่อ 2412");
  g_clear_pointer (&stored, phaen_indicator_free);
  stored = stored_indicator (fixture, id);
  g_assert_cmpstr (stored->owner_phone, ==, "0 2126 5800 ต่อ 2412");
}

/* Thresholds out of order are refused with the engine's message; the store is unchanged. */
static void
test_thresholds_out_of_order (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) expected = NULL;
  g_autoptr (GPtrArray) versions = NULL;
  const double out_of_order[PHAEN_N_LEVELS] = { 0, 150, 900, 450, 826 };
  AppCriteriaEditor *criteria;
  GtkWidget *t3;
  gint64 id;

  criteria = app_indicator_editor_get_criteria_editor (
    app_indicators_page_get_editor (open_stp02 (fixture, &id)));
  g_assert_false (app_criteria_editor_get_dirty (criteria));
  t3 = app_criteria_editor_get_cell (criteria, "threshold", 2);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (t3)), ==, "300");

  gtk_editable_set_text (GTK_EDITABLE (t3), "900");
  settle ();
  g_assert_true (app_criteria_editor_get_dirty (criteria));
  g_assert_false (app_criteria_editor_save (criteria, &error));
  g_assert_false (
    phaen_thresholds_validate (PHAEN_DIRECTION_HIGHER_BETTER, out_of_order, &expected));
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, expected->message);

  versions = criteria_versions (fixture, id);
  g_assert_cmpuint (versions->len, ==, 1);
  g_assert_cmpfloat (threshold_of (g_ptr_array_index (versions, 0), 3), ==, 300);

  app_criteria_editor_revert (criteria);
  g_assert_false (app_criteria_editor_get_dirty (criteria));
  t3 = app_criteria_editor_get_cell (criteria, "threshold", 2);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (t3)), ==, "300");
}

/* A mid-year change after an appeal: a second version with its BE approval date and reason; the
 * history shows both; undo takes the new version away. */
static void
test_criteria_new_version (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) versions = NULL;
  const char *reason = "ปรับเกณฑ์ระดับ 5 ตามผลการพิจารณาอุทธรณ์";
  const PhaenCriteriaVersion *second;
  AppCriteriaEditor *criteria;
  gint64 id;

  criteria = app_indicator_editor_get_criteria_editor (
    app_indicators_page_get_editor (open_stp02 (fixture, &id)));
  g_assert_cmpuint (app_criteria_editor_get_n_history_rows (criteria), ==, 1);

  gtk_editable_set_text (GTK_EDITABLE (app_criteria_editor_get_cell (criteria, "threshold", 4)),
                         "๘๐๐");
  settle ();
  /* Once a version exists, the date and the reason are required. */
  g_assert_false (app_criteria_editor_save (criteria, &error));
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID);
  g_clear_error (&error);
  gtk_editable_set_text (GTK_EDITABLE (app_criteria_editor_get_cell (criteria, "date", 0)),
                         "15 มี.ค. ๒๕๖๔");
  g_assert_false (app_criteria_editor_save (criteria, &error));
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&versions, g_ptr_array_unref);
  versions = criteria_versions (fixture, id);
  g_assert_cmpuint (versions->len, ==, 1);

  gtk_editable_set_text (GTK_EDITABLE (app_criteria_editor_get_cell (criteria, "reason", 0)),
                         reason);
  g_assert_true (app_criteria_editor_save (criteria, &error));
  g_assert_no_error (error);
  settle ();

  g_clear_pointer (&versions, g_ptr_array_unref);
  versions = criteria_versions (fixture, id);
  g_assert_cmpuint (versions->len, ==, 2);
  second = g_ptr_array_index (versions, 1);
  g_assert_cmpint (second->version, ==, 2);
  g_assert_cmpstr (second->approved_on, ==, "2021-03-15"); /* 15 มี.ค. 2564 */
  g_assert_cmpstr (second->reason, ==, reason);
  g_assert_cmpfloat (threshold_of (second, 5), ==, 800);
  g_assert_cmpfloat (threshold_of (second, 1), ==, 0);
  g_assert_cmpfloat (threshold_of (g_ptr_array_index (versions, 0), 5), ==, 826);
  g_assert_cmpuint (app_criteria_editor_get_n_history_rows (criteria), ==, 2);
  /* The target still says 826 beside T5 = 800: the form says so. */
  g_assert_nonnull (app_criteria_editor_get_target_warning (criteria));
  g_assert_nonnull (strstr (app_criteria_editor_get_target_warning (criteria), "826"));
  g_assert_nonnull (strstr (app_criteria_editor_get_target_warning (criteria), "800"));
  g_assert_false (app_criteria_editor_get_dirty (criteria));
  g_assert_cmpstr (phaen_store_get_undo_label (fixture->store), ==, _ ("Change criteria"));

  activate_action (fixture, "win.undo");
  g_clear_pointer (&versions, g_ptr_array_unref);
  versions = criteria_versions (fixture, id);
  g_assert_cmpuint (versions->len, ==, 1);
  g_assert_cmpuint (app_criteria_editor_get_n_history_rows (criteria), ==, 1);
  g_assert_null (app_criteria_editor_get_target_warning (criteria));
  g_assert_cmpstr (
    gtk_editable_get_text (GTK_EDITABLE (app_criteria_editor_get_cell (criteria, "threshold", 4))),
    ==, "826");
}

/* Changing the kind and direction is part of the new version: one step. */
static void
test_criteria_kind_change (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenIndicator) indicator = NULL;
  g_autoptr (GPtrArray) versions = NULL;
  AdwComboRow *kind_row = NULL;
  AppCriteriaEditor *criteria;
  GtkWidget *pass;
  gint64 id;

  criteria = app_indicator_editor_get_criteria_editor (
    app_indicators_page_get_editor (open_stp02 (fixture, &id)));
  kind_row = ADW_COMBO_ROW (find_widget (GTK_WIDGET (criteria), ADW_TYPE_COMBO_ROW));
  adw_combo_row_set_selected (kind_row, PHAEN_SCORING_PASS_FAIL);
  settle ();
  g_assert_cmpint (app_criteria_editor_get_kind (criteria), ==, PHAEN_SCORING_PASS_FAIL);
  g_assert_true (app_criteria_editor_get_dirty (criteria));
  pass = app_criteria_editor_get_cell (criteria, "pass", 0);
  gtk_editable_set_text (GTK_EDITABLE (pass), "๑๒๐");
  g_assert_false (app_criteria_editor_save (criteria, &error));
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID);
  g_clear_error (&error);
  gtk_editable_set_text (GTK_EDITABLE (pass), "75");
  gtk_editable_set_text (GTK_EDITABLE (app_criteria_editor_get_cell (criteria, "date", 0)),
                         "1/4/2564");
  gtk_editable_set_text (GTK_EDITABLE (app_criteria_editor_get_cell (criteria, "reason", 0)),
                         "เปลี่ยนเป็นเกณฑ์ผ่าน/ไม่ผ่าน");
  g_assert_true (app_criteria_editor_save (criteria, &error));
  g_assert_no_error (error);
  settle ();

  indicator = stored_indicator (fixture, id);
  g_assert_cmpint (indicator->scoring, ==, PHAEN_SCORING_PASS_FAIL);
  versions = criteria_versions (fixture, id);
  g_assert_cmpuint (versions->len, ==, 2);
  g_assert_cmpfloat (((PhaenCriteriaVersion *)g_ptr_array_index (versions, 1))->pass_percent, ==,
                     75);

  activate_action (fixture, "win.undo");
  g_clear_pointer (&indicator, phaen_indicator_free);
  indicator = stored_indicator (fixture, id);
  g_assert_cmpint (indicator->scoring, ==, PHAEN_SCORING_NUMERIC);
  g_assert_cmpint (app_criteria_editor_get_kind (criteria), ==, PHAEN_SCORING_NUMERIC);
}

/* Add an indicator, delete it after the confirmation, undo brings it back. */
static void
test_add_delete_undo (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenIndicator) added = NULL;
  g_autoptr (PhaenIndicator) back = NULL;
  g_autoptr (PhaenIndicator) kept = NULL;
  AppIndicatorsPage *page;
  AdwMessageDialog *dialog;
  gint64 id, added_id;

  page = open_stp02 (fixture, &id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "indicators.add", NULL));
  settle ();
  added_id = app_indicators_page_get_selected (page);
  g_assert_cmpint (added_id, !=, id);
  added = stored_indicator (fixture, added_id);
  g_assert_cmpstr (added->name, ==, _ ("New indicator"));
  type_and_enter (app_indicator_editor_get_field (app_indicators_page_get_editor (page), "code"),
                  "สตป. 03");
  g_clear_pointer (&added, phaen_indicator_free);
  added = stored_indicator (fixture, added_id);
  g_assert_cmpstr (added->code, ==, "สตป. 03");

  app_indicators_page_show_indicator (page, id);
  settle ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "indicators.delete", NULL));
  g_assert_true (wait_until (has_dialog, fixture->window));
  dialog = find_dialog (fixture->window);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "สตป. 02"));
  /* Cancel keeps it. */
  adw_message_dialog_response (dialog, "cancel");
  settle ();
  kept = phaen_store_get_indicator (fixture->store, id, NULL);
  g_assert_nonnull (kept);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "indicators.delete", NULL));
  g_assert_true (wait_until (has_dialog, fixture->window));
  adw_message_dialog_response (find_dialog (fixture->window), "delete");
  settle ();
  g_assert_null (phaen_store_get_indicator (fixture->store, id, &error));
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_NOT_FOUND);
  g_assert_cmpint (app_indicators_page_get_selected (page), !=, id);

  activate_action (fixture, "win.undo");
  back = stored_indicator (fixture, id);
  g_assert_cmpstr (back->code, ==, "สตป. 02");
  g_assert_cmpfloat (back->weight, ==, 30);
  {
    g_autoptr (GPtrArray) versions = criteria_versions (fixture, id);

    g_assert_cmpuint (versions->len, ==, 1);
  }
  app_indicators_page_show_indicator (page, id);
  settle ();
  g_assert_cmpint (app_indicators_page_get_selected (page), ==, id);
}

static AppPmqaPage *
open_pmqa (Fixture *fixture, gint64 unit, int year)
{
  g_assert_true (app_window_show_unit_page (fixture->window, "pmqa", unit, year));
  settle ();
  return APP_PMQA_PAGE (find_widget (GTK_WIDGET (fixture->window), APP_TYPE_PMQA_PAGE));
}

static char *
engine_group_mean (Fixture *fixture, gint64 unit, const char *group_name, char **category)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenPmqaTable) table = phaen_pmqa_table_build (fixture->store, unit, 2567, &error);

  g_assert_no_error (error);
  *category = phaen_format_number (table->mean.score, 2, PHAEN_NUMBER_PLAIN);
  for (guint g = 0; g < table->groups->len; g++)
    {
      const PhaenPmqaGroup *group = g_ptr_array_index (table->groups, g);

      if (g_str_equal (group->group, group_name))
        return phaen_format_number (group->mean.score, 2, PHAEN_NUMBER_PLAIN);
    }
  g_assert_not_reached ();
}

/* Seed 001: sub-items 380, 380, 460, 360, 420, 400 → category 7 = 400.00; a chosen score moves
 * its sub-item's mean and the category's. */
static void
test_pmqa_means_and_choice (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenIndicator) indicator = NULL;
  g_autoptr (PhaenIndicator) chosen = NULL;
  g_autofree char *group_mean = NULL;
  g_autofree char *category_mean = NULL;
  gint64 unit = test_unit_id (fixture->store, "สป.กค.");
  AppPmqaPage *page;
  GtkWidget *chooser;

  /* Only unit/years with PMQA indicators have the page. */
  g_assert_false (app_window_show_unit_page (fixture->window, "pmqa",
                                             test_unit_id (fixture->store, "สตป."), 2564));

  page = open_pmqa (fixture, unit, 2567);
  g_assert_cmpstr (app_pmqa_page_get_mean_text (page), ==, "400.00");
  g_assert_cmpstr (app_pmqa_page_get_group_mean_text (page, "7.1"), ==, "380.00");
  g_assert_cmpstr (app_pmqa_page_get_group_mean_text (page, "7.3"), ==, "460.00");

  indicator = phaen_store_find_indicator (fixture->store, unit, 2567, "7.1-1", &error);
  g_assert_no_error (error);
  chooser = app_pmqa_page_get_score_chooser (page, indicator->id);
  g_assert_true (GTK_IS_DROP_DOWN (chooser));
  /* The seed gave 500; choose 100 instead. */
  g_assert_cmpstr (
    gtk_string_object_get_string (gtk_drop_down_get_selected_item (GTK_DROP_DOWN (chooser))), ==,
    "500");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (chooser), 0);
  settle ();

  chosen = stored_indicator (fixture, indicator->id);
  g_assert_true (chosen->has_pmqa_score);
  g_assert_cmpfloat (chosen->pmqa_score, ==, 100);
  group_mean = engine_group_mean (fixture, unit, "7.1", &category_mean);
  g_assert_cmpstr (group_mean, !=, "380.00");
  g_assert_cmpstr (app_pmqa_page_get_group_mean_text (page, "7.1"), ==, group_mean);
  g_assert_cmpstr (app_pmqa_page_get_mean_text (page), ==, category_mean);

  activate_action (fixture, "win.undo");
  g_assert_cmpstr (app_pmqa_page_get_group_mean_text (page, "7.1"), ==, "380.00");
  g_assert_cmpstr (app_pmqa_page_get_mean_text (page), ==, "400.00");
}

/* A year's result takes Thai digits; a bad one is refused. */
static void
test_pmqa_value_entry (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenIndicator) indicator = NULL;
  gint64 unit = test_unit_id (fixture->store, "สป.กค.");
  AppPmqaPage *page = open_pmqa (fixture, unit, 2567);
  GtkWidget *entry;
  double value = 0;

  indicator = phaen_store_find_indicator (fixture->store, unit, 2567, "7.1-3", &error);
  g_assert_no_error (error);
  entry = app_pmqa_page_get_value_entry (page, indicator->id, 2567);
  g_assert_true (GTK_IS_ENTRY (entry));

  gtk_editable_set_text (GTK_EDITABLE (entry), "๙๘.๕");
  g_signal_emit_by_name (entry, "activate");
  settle ();
  g_assert_true (phaen_store_get_pmqa_value (fixture->store, indicator->id, 2567, &value));
  g_assert_cmpfloat (value, ==, 98.5);

  gtk_editable_set_text (GTK_EDITABLE (entry), "เก้าสิบ");
  g_signal_emit_by_name (entry, "activate");
  settle ();
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  g_assert_true (phaen_store_get_pmqa_value (fixture->store, indicator->id, 2567, &value));
  g_assert_cmpfloat (value, ==, 98.5);
}

static gboolean
pmqa_idle (gpointer data)
{
  return !app_pmqa_page_get_busy (data);
}

/* The page's export writes the category 7 form, read back from the workbook. */
static void
test_pmqa_export (Fixture *fixture, gconstpointer data)
{
  g_autofree char *xlsx = g_build_filename (fixture->dir, "pmqa7.xlsx", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (xlsx);
  g_autoptr (GError) error = NULL;
  g_autofree char *strings = NULL;
  int status = 0;
  AppPmqaPage *page;

  if (g_find_program_in_path ("unzip") == NULL)
    {
      g_test_skip ("unzip reads the workbook back");
      return;
    }
  page = open_pmqa (fixture, test_unit_id (fixture->store, "สป.กค."), 2567);
  app_pmqa_page_export (page, file);
  g_assert_true (app_pmqa_page_get_busy (page));
  g_assert_true (wait_until (pmqa_idle, page));
  g_spawn_sync (NULL, (char *[]){ "unzip", "-p", xlsx, "xl/sharedStrings.xml", NULL }, NULL,
                G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &strings, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (strings, "GFMIS"));
  /* The year header is broken between "พ.ศ." and the year where its column is narrow. */
  g_assert_true (strstr (strings, "พ.ศ.2565") != NULL || strstr (strings, "พ.ศ.\n2565") != NULL);
}

static gboolean
indicators_idle (gpointer data)
{
  return !app_indicators_page_get_busy (data);
}

/* The indicators page writes the indicator form: the one shown (in Thai digits, with the
 * criteria version that scored each quarter), or every indicator of the unit's year. */
static void
test_export_forms (Fixture *fixture, gconstpointer data)
{
  g_autofree char *one = g_build_filename (fixture->dir, "one.xlsx", NULL);
  g_autofree char *all = g_build_filename (fixture->dir, "all.xlsx", NULL);
  g_autoptr (GFile) one_file = g_file_new_for_path (one);
  g_autoptr (GFile) all_file = g_file_new_for_path (all);
  g_autoptr (GError) error = NULL;
  g_autofree char *strings = NULL;
  g_autofree char *one_book = NULL;
  g_autofree char *all_book = NULL;
  AppExportOptions options;
  AppIndicatorsPage *page;
  gint64 id;
  guint n_one = 0, n_all = 0;

  if (g_find_program_in_path ("unzip") == NULL)
    {
      g_test_skip ("unzip reads the workbook back");
      return;
    }
  page = open_stp02 (fixture, &id);
  app_export_options_init (&options);
  options.thai_digits = TRUE;
  app_indicators_page_export (page, one_file, &options, TRUE);
  g_assert_true (app_indicators_page_get_busy (page));
  g_assert_true (wait_until (indicators_idle, page));
  app_export_options_init (&options);
  app_indicators_page_export (page, all_file, &options, FALSE);
  g_assert_true (wait_until (indicators_idle, page));

  g_spawn_sync (NULL, (char *[]){ "unzip", "-p", one, "xl/sharedStrings.xml", NULL }, NULL,
                G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &strings, NULL, NULL,
                &error);
  g_assert_no_error (error);
  /* the label may break at a word: เกณฑ์ที่ใช้คิด / คะแนน */
  g_assert_nonnull (strstr (strings, "เกณฑ์ที่ใช้คิด"));
  g_assert_nonnull (strstr (strings, "ฉบับที่ ๑"));
  g_spawn_sync (NULL, (char *[]){ "unzip", "-p", one, "xl/workbook.xml", NULL }, NULL,
                G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &one_book, NULL, NULL,
                &error);
  g_spawn_sync (NULL, (char *[]){ "unzip", "-p", all, "xl/workbook.xml", NULL }, NULL,
                G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &all_book, NULL, NULL,
                &error);
  g_assert_no_error (error);
  for (const char *p = one_book; (p = strstr (p, "<sheet ")); p++)
    n_one++;
  for (const char *p = all_book; (p = strstr (p, "<sheet ")); p++)
    n_all++;
  g_assert_cmpuint (n_one, ==, 1);
  g_assert_cmpuint (n_all, >, 1);
}

int
main (int argc, char **argv)
{
  if (!app_test_init (&argc, &argv))
    return 0;

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/indicator-editor/weight/thai-digits-undo", test_weight_thai_digits_undo);
  ADD ("/indicator-editor/field/bad-input", test_bad_input_changes_nothing);
  ADD ("/indicator-editor/field/autosave", test_field_autosave);
  ADD ("/indicator-editor/criteria/out-of-order", test_thresholds_out_of_order);
  ADD ("/indicator-editor/criteria/new-version", test_criteria_new_version);
  ADD ("/indicator-editor/criteria/kind-change", test_criteria_kind_change);
  ADD ("/indicator-editor/indicator/add-delete-undo", test_add_delete_undo);
  ADD ("/indicator-editor/pmqa/means-and-choice", test_pmqa_means_and_choice);
  ADD ("/indicator-editor/pmqa/value-entry", test_pmqa_value_entry);
  ADD ("/indicator-editor/pmqa/export", test_pmqa_export);
  ADD ("/indicator-editor/export/forms", test_export_forms);
#undef ADD
  return g_test_run ();
}
