/* test-results.c — quarterly entry, evidence, the efficiency report and the dashboard, driven
 * through the real window's widgets and actions (Xvfb in `make test`)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-test-results"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sqlite3.h>

#include "app-application.h"
#include "app-dashboard-page.h"
#include "app-efficiency-page.h"
#include "app-indicators-page.h"
#include "app-result-editor.h"
#include "app-results-page.h"
#include "app-test-util.h"
#include "app-window.h"
#include "phaen-calendar.h"
#include "phaen-result-check.h"
#include "phaen-scorecard.h"
#include "phaen-thai-text.h"

typedef struct
{
  char *dir;
  char *path; /* the sample workspace, made fresh for each test */
  AppApplication *app;
  AppWindow *window;
  PhaenStore *store; /* the window's, once open */
  gint64 stp;        /* สตป. */
  gint64 stp02;      /* its indicator สตป. 02 (seed 002) */
} Fixture;

/* ------------------------------------------------------------------ helpers */

/* Whether a visible label under @root shows @text. */
static gboolean
shows_text (GtkWidget *root, const char *text)
{
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();

  collect_widgets (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);

      if (gtk_widget_is_visible (label) && strstr (gtk_label_get_text (GTK_LABEL (label)), text))
        return TRUE;
    }
  return FALSE;
}

static gboolean
warnings_mention (AppResultEditor *editor, const char *text)
{
  g_auto (GStrv) warnings = app_result_editor_get_warnings (editor);

  for (guint i = 0; warnings[i] != NULL; i++)
    if (strstr (warnings[i], text) != NULL)
      return TRUE;
  return FALSE;
}

static PhaenResult *
stored_result (Fixture *fixture, int quarter)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) results = phaen_store_get_results (fixture->store, fixture->stp02, &error);

  g_assert_no_error (error);
  return g_steal_pointer (&g_ptr_array_index (results, quarter - 1));
}

static guint
n_evidence (Fixture *fixture, int quarter)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) evidence =
    phaen_store_list_evidence (fixture->store, fixture->stp02, quarter, &error);

  g_assert_no_error (error);
  return evidence->len;
}

static AppResultsPage *
show_results (Fixture *fixture, int quarter)
{
  AppResultsPage *page;

  g_assert_true (app_window_show_unit_page (fixture->window, "results", fixture->stp, 2564));
  settle ();
  page = find_only_widget (fixture->window, APP_TYPE_RESULTS_PAGE);
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (page)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "results.quarter", "i", quarter));
  settle ();
  g_assert_cmpint (app_results_page_get_quarter (page), ==, quarter);
  return page;
}

static void
undo (Fixture *fixture)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  settle ();
}

/* ------------------------------------------------------------------ fixture */

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenIndicator) indicator = NULL;

  fixture->dir = app_test_sample_new ("phaen-results-XXXXXX", &fixture->path);
  fixture->window = app_test_window_present (&fixture->app, 1600, 1000);

  app_test_open (fixture->window, fixture->path);
  fixture->store = app_window_get_store (fixture->window);
  fixture->stp = test_unit_id (fixture->store, "สตป.");
  indicator = phaen_store_find_indicator (fixture->store, fixture->stp, 2564, "สตป. 02", &error);
  g_assert_no_error (error);
  fixture->stp02 = indicator->id;
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  fixture->store = NULL;
  app_test_window_close (&fixture->window, &fixture->app);
  app_test_sample_remove (&fixture->dir, &fixture->path);
}

/* ------------------------------------------------------------------ tests */

/* The walk: clear สตป. 02's four quarters, enter them again as the seed has them (one
 * in Thai digits), see the seed's scores on screen while typing, and find them in the store. */
static void
test_reenter_quarters (Fixture *fixture, gconstpointer data)
{
  static const struct
  {
    const char *typed;
    const char *score;
    const char *weighted;
  } seed[] = {
    { "0", "1.0000", "0.3000" },
    { "๑๘๔", "2.2267", "0.6680" },
    { "464", "4.0372", "1.2112" },
    { "826", "5.0000", "1.5000" },
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenScorecard) card = NULL;
  AppResultsPage *page = show_results (fixture, 1);
  const PhaenScorecardRow *row = NULL;

  for (int q = 1; q <= PHAEN_QUARTERS; q++)
    {
      AppResultEditor *editor;
      GtkEditable *entry;
      g_autoptr (PhaenResult) result = NULL;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "results.quarter", "i", q));
      settle ();
      editor = app_results_page_get_editor (page, fixture->stp02);
      g_assert_nonnull (editor);
      entry = app_result_editor_get_value_entry (editor);
      gtk_editable_set_text (entry, "");
      g_assert_cmpstr (gtk_label_get_text (app_result_editor_get_score_label (editor)), ==, "-");
      press_enter (entry);
      settle ();
      g_assert_cmpstr (phaen_store_get_undo_label (fixture->store), ==, _ ("Enter result"));
      result = stored_result (fixture, q);
      g_assert_cmpstr (result->value_text, ==, "");
      g_assert_false (result->has_value);
    }
  card = phaen_scorecard_build (fixture->store, fixture->stp, 2564, &error);
  g_assert_no_error (error);
  for (int q = 0; q < PHAEN_QUARTERS; q++)
    g_assert_cmpuint (card->n_scored[q], ==, 1); /* only the milestone project is left */
  g_clear_pointer (&card, phaen_scorecard_free);

  for (int q = 1; q <= PHAEN_QUARTERS; q++)
    {
      AppResultEditor *editor;
      GtkEditable *entry;
      g_autoptr (PhaenResult) result = NULL;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "results.quarter", "i", q));
      settle ();
      editor = app_results_page_get_editor (page, fixture->stp02);
      entry = app_result_editor_get_value_entry (editor);
      g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");

      /* The score follows the typing, before anything is saved. */
      gtk_editable_set_text (entry, seed[q - 1].typed);
      g_assert_cmpstr (gtk_label_get_text (app_result_editor_get_score_label (editor)), ==,
                       seed[q - 1].score);
      g_assert_cmpstr (gtk_label_get_text (app_result_editor_get_weighted_label (editor)), ==,
                       seed[q - 1].weighted);
      g_assert_true (shows_text (GTK_WIDGET (page), seed[q - 1].score));
      result = stored_result (fixture, q);
      g_assert_cmpstr (result->value_text, ==, "");

      if (q < PHAEN_QUARTERS)
        press_enter (entry);
      else
        {
          /* The last one is saved as focus leaves the field, and so is the text typed next. */
          GtkTextView *problems = app_result_editor_get_problems_view (editor);
          GtkTextBuffer *buffer = gtk_text_view_get_buffer (problems);
          g_autoptr (PhaenResult) saved = NULL;
          GtkTextIter end;

          g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (entry)));
          settle ();
          g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (problems)));
          settle ();
          saved = stored_result (fixture, q);
          g_assert_cmpstr (saved->value_text, ==, seed[q - 1].typed);
          gtk_text_buffer_get_end_iter (buffer, &end);
          gtk_text_buffer_insert (buffer, &end, "ไม่มี", -1);
          g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (entry)));
          settle ();
          g_clear_pointer (&saved, phaen_result_free);
          saved = stored_result (fixture, q);
          g_assert_cmpstr (saved->problems, ==, "ไม่มี");
          g_assert_cmpstr (saved->value_text, ==, seed[q - 1].typed);
        }
      settle ();
      g_clear_pointer (&result, phaen_result_free);
      result = stored_result (fixture, q);
      g_assert_cmpstr (result->value_text, ==, seed[q - 1].typed); /* kept as typed */
      g_assert_true (result->has_value);
      g_assert_cmpstr (gtk_label_get_text (app_result_editor_get_score_label (editor)), ==,
                       seed[q - 1].score);
    }

  /* The same scores in the store, as the CLI and the exports read them. */
  card = phaen_scorecard_build (fixture->store, fixture->stp, 2564, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < card->rows->len; i++)
    if (((PhaenScorecardRow *)g_ptr_array_index (card->rows, i))->indicator->id == fixture->stp02)
      row = g_ptr_array_index (card->rows, i);
  g_assert_nonnull (row);
  for (int q = 0; q < PHAEN_QUARTERS; q++)
    {
      g_autofree char *score = phaen_format_score (row->scores[q].score, FALSE);
      g_autofree char *weighted = phaen_format_score (row->scores[q].weighted, FALSE);

      g_assert_true (row->scores[q].has_score);
      g_assert_cmpstr (score, ==, seed[q].score);
      g_assert_cmpstr (weighted, ==, seed[q].weighted);
    }

  /* Each field was one undo step: undo takes Q4's problems, then its result, back. */
  undo (fixture);
  {
    g_autoptr (PhaenResult) result = stored_result (fixture, 4);

    g_assert_cmpstr (result->problems, ==, "");
    g_assert_cmpstr (result->value_text, ==, "826");
  }
  undo (fixture);
  {
    g_autoptr (PhaenResult) result = stored_result (fixture, 4);

    g_assert_cmpstr (result->value_text, ==, "");
    g_assert_cmpstr (gtk_editable_get_text (app_result_editor_get_value_entry (
                       app_results_page_get_editor (page, fixture->stp02))),
                     ==, "");
  }
}

/* Warnings, not silent acceptance: a result lower than last quarter and text that is not a
 * number are flagged while typing. */
static void
test_warnings (Fixture *fixture, gconstpointer data)
{
  AppResultsPage *page = show_results (fixture, 3);
  AppResultEditor *editor = app_results_page_get_editor (page, fixture->stp02);
  GtkEditable *entry = app_result_editor_get_value_entry (editor);

  gtk_editable_set_text (entry, "150"); /* Q2 was 184: a cumulative count cannot fall */
  g_assert_true (warnings_mention (editor, "150"));
  g_assert_true (warnings_mention (editor, "184"));
  gtk_editable_set_text (entry, "ราว ๆ ห้าร้อย");
  g_assert_true (warnings_mention (editor, "ราว ๆ ห้าร้อย"));
  g_assert_cmpstr (gtk_label_get_text (app_result_editor_get_score_label (editor)), ==, "-");
  gtk_editable_set_text (entry, "464");
  g_assert_false (warnings_mention (editor, "184"));
  g_assert_cmpstr (gtk_label_get_text (app_result_editor_get_score_label (editor)), ==, "4.0372");
}

/* Tab from the result goes on to the details: the score figures between them are not stops,
 * or text typed after Tab would land in a label and be lost. */
static void
test_tab_order (Fixture *fixture, gconstpointer data)
{
  AppResultsPage *page = show_results (fixture, 1);
  AppResultEditor *editor = app_results_page_get_editor (page, fixture->stp02);
  GtkLabel *score = app_result_editor_get_score_label (editor);
  GtkLabel *weighted = app_result_editor_get_weighted_label (editor);

  /* Still selectable with the mouse, for copying. */
  g_assert_true (gtk_label_get_selectable (score));
  g_assert_false (gtk_widget_get_focusable (GTK_WIDGET (score)));
  g_assert_false (gtk_widget_get_focusable (GTK_WIDGET (weighted)));
  g_assert_true (
    gtk_widget_get_focusable (GTK_WIDGET (app_result_editor_get_detail_view (editor))));
}

static gboolean
evidence_grew (gpointer data)
{
  gpointer *args = data;

  return n_evidence (args[0], 2) == GPOINTER_TO_UINT (args[1]);
}

/* A file attached to Q2 is stored inside the workspace and listed; undo removes it. Removing a
 * listed file is undone the same way. */
static void
test_attach_undo (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "สรุปผลไตรมาส 2.txt", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GPtrArray) evidence = NULL;
  g_autoptr (GBytes) stored = NULL;
  AppResultsPage *page = show_results (fixture, 2);
  AppResultEditor *editor = app_results_page_get_editor (page, fixture->stp02);
  const PhaenEvidence *attached;
  guint before = n_evidence (fixture, 2);
  gpointer args[2] = { fixture, GUINT_TO_POINTER (before + 1) };
  const char *contents = "ตรวจติดตาม 184 หน่วย\n";

  g_autofree char *no_evidence = g_strdup_printf (_ ("Quarter %d: no evidence is attached."), 2);

  g_assert_true (warnings_mention (editor, no_evidence)); /* none for Q2 in the sample */
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  app_result_editor_attach_file (editor, file);
  g_assert_true (wait_until (evidence_grew, args));
  settle ();
  evidence = phaen_store_list_evidence (fixture->store, fixture->stp02, 2, &error);
  g_assert_no_error (error);
  attached = g_ptr_array_index (evidence, evidence->len - 1);
  g_assert_cmpstr (attached->name, ==, "สรุปผลไตรมาส 2.txt");
  stored = phaen_store_get_evidence_data (fixture->store, attached->id, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (stored, NULL), g_bytes_get_size (stored), contents,
                   strlen (contents));
  g_assert_true (shows_text (GTK_WIDGET (editor), "สรุปผลไตรมาส 2.txt"));
  g_assert_false (warnings_mention (editor, no_evidence));

  undo (fixture);
  g_assert_cmpuint (n_evidence (fixture, 2), ==, before);
  g_assert_false (shows_text (GTK_WIDGET (editor), "สรุปผลไตรมาส 2.txt"));

  /* Removing from the list, then undo. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.redo", NULL);
  settle ();
  g_assert_cmpuint (n_evidence (fixture, 2), ==, before + 1);
  g_clear_pointer (&evidence, g_ptr_array_unref);
  evidence = phaen_store_list_evidence (fixture->store, fixture->stp02, 2, &error);
  attached = g_ptr_array_index (evidence, evidence->len - 1);
  g_assert_true (
    gtk_widget_activate_action (GTK_WIDGET (editor), "editor.remove-evidence", "x", attached->id));
  settle ();
  g_assert_cmpuint (n_evidence (fixture, 2), ==, before);
  undo (fixture);
  g_assert_cmpuint (n_evidence (fixture, 2), ==, before + 1);
}

/* Typing into the detail and the result, without leaving either, is stored a moment after the
 * last key: another open of the workspace finds both, and the fields keep text and cursor. */
static void
test_autosave (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenStore) second = NULL;
  g_autoptr (GPtrArray) results = NULL;
  AppResultsPage *page = show_results (fixture, 3);
  AppResultEditor *editor = app_results_page_get_editor (page, fixture->stp02);
  GtkTextView *detail = app_result_editor_get_detail_view (editor);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (detail);
  GtkEditable *value = app_result_editor_get_value_entry (editor);
  const PhaenResult *stored;
  GtkTextIter end, cursor;
  int position = 0;

  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (detail)));
  settle ();
  gtk_text_buffer_set_text (buffer, "", -1);
  gtk_text_buffer_insert_at_cursor (buffer, "จัดอบรม 3 รุ่น ", -1);
  run_for (1500);
  second = phaen_store_open_read_only (fixture->path, &error);
  g_assert_no_error (error);
  results = phaen_store_get_results (second, fixture->stp02, &error);
  g_assert_no_error (error);
  stored = g_ptr_array_index (results, 2);
  g_assert_nonnull (stored);
  g_assert_cmpstr (stored->detail, ==, "จัดอบรม 3 รุ่น ");
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (detail)));
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  g_assert_true (gtk_text_iter_equal (&cursor, &end));
  g_clear_pointer (&results, g_ptr_array_unref);

  /* The result: stored stripped, shown as typed while the user is still in it. */
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (value)));
  settle ();
  gtk_editable_delete_text (value, 0, -1);
  gtk_editable_insert_text (value, "512 ", -1, &position);
  gtk_editable_set_position (value, position);
  run_for (1500);
  results = phaen_store_get_results (second, fixture->stp02, &error);
  g_assert_no_error (error);
  stored = g_ptr_array_index (results, 2);
  g_assert_cmpstr (stored->value_text, ==, "512");
  g_assert_cmpstr (stored->detail, ==, "จัดอบรม 3 รุ่น ");
  g_assert_cmpstr (gtk_editable_get_text (value), ==, "512 ");
  g_assert_cmpint (gtk_editable_get_position (value), ==, 4);
}

/* A link that is not a web address is refused with the store's message; a good one is kept. */
static void
test_bad_url (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  AppResultsPage *page = show_results (fixture, 3);
  AppResultEditor *editor = app_results_page_get_editor (page, fixture->stp02);
  GtkEditable *link = app_result_editor_get_link_entry (editor);
  guint before = n_evidence (fixture, 3);

  g_assert_cmpuint (phaen_store_add_evidence_url (fixture->store, fixture->stp02, 3, NULL,
                                                  "ไดรฟ์กลาง/ผลงาน", &error),
                    ==, 0);
  g_assert_nonnull (error);

  gtk_editable_set_text (link, "ไดรฟ์กลาง/ผลงาน");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-link", NULL));
  settle ();
  g_assert_cmpuint (n_evidence (fixture, 3), ==, before);
  g_assert_cmpstr (app_result_editor_get_link_error (editor), ==, error->message);

  gtk_editable_set_text (link, "https://www.opdc.go.th/content/Mjg0");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-link", NULL));
  settle ();
  g_assert_cmpuint (n_evidence (fixture, 3), ==, before + 1);
  g_assert_null (app_result_editor_get_link_error (editor));
  g_assert_true (shows_text (GTK_WIDGET (editor), "https://www.opdc.go.th/content/Mjg0"));
}

/* A stored link opens only after a dialog shows its whole address; a link of any other scheme
 * (one a workspace from elsewhere may hold) is refused without a dialog or a launch. */
static void
test_link_confirm (Fixture *fixture, gconstpointer data)
{
  const char *good = "https://www.opdc.go.th/content/Mjg0?year=2564#q3";
  g_autoptr (GError) error = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  AppResultsPage *page;
  AppResultEditor *editor;
  AdwMessageDialog *dialog;
  gint64 good_id, bad_id;

  good_id = phaen_store_add_evidence_url (fixture->store, fixture->stp02, 3, NULL, good, &error);
  g_assert_no_error (error);
  bad_id = phaen_store_add_evidence_url (fixture->store, fixture->stp02, 3, NULL,
                                         "https://example.org/replaced", &error);
  g_assert_no_error (error);
  /* What the store would refuse, written straight into the file. */
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (
    sqlite3_prepare_v2 (db, "UPDATE evidence SET url = 'phaenpoc://run?x=1' WHERE id = ?", -1,
                        &stmt, NULL),
    ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, bad_id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  page = show_results (fixture, 3);
  editor = app_results_page_get_editor (page, fixture->stp02);
  g_assert_true (shows_text (GTK_WIDGET (editor), "phaenpoc://run?x=1"));

  g_assert_true (
    gtk_widget_activate_action (GTK_WIDGET (editor), "editor.open-evidence", "x", bad_id));
  settle ();
  g_assert_null (find_dialog (fixture->window));

  g_assert_true (
    gtk_widget_activate_action (GTK_WIDGET (editor), "editor.open-evidence", "x", good_id));
  g_assert_true (wait_until (has_dialog, fixture->window));
  dialog = find_dialog (fixture->window);
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, good);
  g_assert_true (adw_message_dialog_has_response (dialog, "open"));
  /* What the Cancel button does: the response, then the dialog closes. */
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  settle ();
  g_assert_null (find_dialog (fixture->window));
}

/* A chosen score needs its reason: the store's refusal is shown, then the reason makes it. */
static void
test_override_reason (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenResult) result = NULL;
  AppResultsPage *page = show_results (fixture, 2);
  AppResultEditor *editor = app_results_page_get_editor (page, fixture->stp02);

  g_assert_false (
    phaen_store_set_score_override (fixture->store, fixture->stp02, 2, TRUE, 3, "", &error));
  gtk_editable_set_text (app_result_editor_get_override_entry (editor), "3");
  gtk_editable_set_text (app_result_editor_get_reason_entry (editor), "  ");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.apply-override", NULL));
  settle ();
  g_assert_cmpstr (app_result_editor_get_override_error (editor), ==, error->message);
  result = stored_result (fixture, 2);
  g_assert_false (result->has_override);

  gtk_editable_set_text (app_result_editor_get_reason_entry (editor), "มติคณะทำงาน ครั้งที่ 2/2564");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.apply-override", NULL));
  settle ();
  g_assert_null (app_result_editor_get_override_error (editor));
  g_clear_pointer (&result, phaen_result_free);
  result = stored_result (fixture, 2);
  g_assert_true (result->has_override);
  g_assert_cmpfloat (result->score_override, ==, 3);
  g_assert_cmpstr (gtk_label_get_text (app_result_editor_get_score_label (editor)), ==, "3.0000");
  g_assert_cmpstr (gtk_label_get_text (app_result_editor_get_weighted_label (editor)), ==,
                   "0.9000");
}

/* Seed 004: round 1 of กรมบังคับคดี's plan is 4 of 4 = 100 % ผ่าน; un-ticking one achieved output
 * makes it 75 % ไม่ผ่าน at once, and undo brings it back. */
static void
test_efficiency_round (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenUnit) unit = phaen_store_find_unit (fixture->store, "บค.", &error);
  g_autoptr (GPtrArray) plans = NULL;
  g_autoptr (GPtrArray) activities = NULL;
  g_autoptr (PhaenActivity) stored = NULL;
  g_autofree char *passed = g_strdup_printf ("100 %% · %s", _ ("Passed"));
  g_autofree char *failed = g_strdup_printf ("75 %% · %s", _ ("Not passed"));
  AppEfficiencyPage *page;
  GtkCheckButton *check;
  GtkEditable *progress;
  gint64 plan_id = 0, item_id = 0;
  int month = -1;

  g_assert_no_error (error);
  plans = phaen_store_list_plans (fixture->store, unit->id, 2561, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < plans->len; i++)
    if (((PhaenPlan *)g_ptr_array_index (plans, i))->kind == PHAEN_PLAN_EFFICIENCY)
      plan_id = ((PhaenPlan *)g_ptr_array_index (plans, i))->id;
  g_assert_cmpint (plan_id, >, 0);
  g_assert_true (app_window_show_efficiency_report (fixture->window, plan_id));
  settle ();
  page = find_only_widget (fixture->window, APP_TYPE_EFFICIENCY_PAGE);
  g_assert_cmpstr (app_efficiency_page_get_round_text (page, 1), ==, passed);
  g_assert_true (shows_text (GTK_WIDGET (page), _ ("Passed")));

  /* The first achieved output of round 1 (ต.ค.–มี.ค.). */
  activities = phaen_store_list_activities (fixture->store, plan_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < activities->len && month < 0; i++)
    {
      const PhaenActivity *item = g_ptr_array_index (activities, i);

      for (int m = 0; m < 6 && month < 0; m++)
        if ((item->marks[m] & PHAEN_MARK_OUTPUT) && (item->marks[m] & PHAEN_MARK_ACHIEVED))
          {
            month = m;
            item_id = item->id;
          }
    }
  g_assert_cmpint (month, >=, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "efficiency.month", "i", month));
  settle ();
  check = app_efficiency_page_get_achieved_check (page, item_id);
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (check)));
  g_assert_true (gtk_check_button_get_active (check));

  gtk_check_button_set_active (check, FALSE);
  settle ();
  g_assert_cmpstr (app_efficiency_page_get_round_text (page, 1), ==, failed);
  g_assert_true (shows_text (GTK_WIDGET (page), _ ("Not passed")));
  stored = phaen_store_get_activity (fixture->store, item_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->marks[month] & PHAEN_MARK_ACHIEVED, ==, 0);
  g_assert_cmpuint (stored->marks[month] & PHAEN_MARK_OUTPUT, ==, PHAEN_MARK_OUTPUT);

  undo (fixture);
  g_assert_cmpstr (app_efficiency_page_get_round_text (page, 1), ==, passed);
  g_assert_true (gtk_check_button_get_active (check));

  /* The month's progress text. */
  progress = app_efficiency_page_get_progress_entry (page, item_id);
  gtk_editable_set_text (progress, "เปิดให้บริการบนระบบ Android แล้ว");
  press_enter (progress);
  settle ();
  g_clear_pointer (&stored, phaen_activity_free);
  stored = phaen_store_get_activity (fixture->store, item_id, &error);
  g_assert_cmpstr (stored->month_progress[month], ==, "เปิดให้บริการบนระบบ Android แล้ว");
}

/* The dashboard's table: the seed's scores, a traffic light in words and the weight warning. */
static void
test_dashboard (Fixture *fixture, gconstpointer data)
{
  g_autofree char *quarter = phaen_quarter_label (4, FALSE);
  g_autofree char *status =
    g_strdup_printf ("%s (%s)", phaen_status_to_string (PHAEN_STATUS_GREEN), quarter);
  AppDashboardPage *page;

  g_assert_true (app_window_show_unit_page (fixture->window, "dashboard", fixture->stp, 2564));
  settle ();
  page = find_only_widget (fixture->window, APP_TYPE_DASHBOARD_PAGE);
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (page)));
  g_assert_cmpstr (app_dashboard_page_get_status_text (page, fixture->stp02), ==, status);
  g_assert_true (shows_text (GTK_WIDGET (page), status));
  g_assert_true (shows_text (GTK_WIDGET (page), "2.2267"));
  g_assert_true (shows_text (GTK_WIDGET (page), "4.0372"));
  g_assert_true (shows_text (GTK_WIDGET (page), "30")); /* the weights add up to 30 */

  /* A click on the indicator opens it in the editor. */
  app_dashboard_page_activate_indicator (page, fixture->stp02);
  settle ();
  {
    AppIndicatorsPage *indicators = find_only_widget (fixture->window, APP_TYPE_INDICATORS_PAGE);

    g_assert_true (gtk_widget_is_visible (GTK_WIDGET (indicators)));
    g_assert_cmpint (app_indicators_page_get_selected (indicators), ==, fixture->stp02);
  }
  g_assert_true (app_window_show_unit_page (fixture->window, "dashboard", fixture->stp, 2564));
  settle ();

  /* A new result shows at once. */
  g_assert_true (
    phaen_store_set_result (fixture->store, fixture->stp02, 4, "300", NULL, NULL, NULL));
  settle ();
  g_clear_pointer (&status, g_free);
  status = g_strdup_printf ("%s (%s)", phaen_status_to_string (PHAEN_STATUS_YELLOW), quarter);
  g_assert_cmpstr (app_dashboard_page_get_status_text (page, fixture->stp02), ==, status);
}

/* Seed 004: item 1 planned its output in ม.ค. and achieved it in ก.พ.: the ก.พ. report records
 * it (late) and round 1 still counts it; a round that has not ended is in progress. */
static void
test_efficiency_late (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenUnit) unit = phaen_store_find_unit (fixture->store, "บค.", &error);
  g_autoptr (GPtrArray) plans = NULL;
  g_autoptr (GPtrArray) activities = NULL;
  g_autofree char *passed = g_strdup_printf ("100 %% · %s", _ ("Passed"));
  g_autofree char *failed = g_strdup_printf ("75 %% · %s", _ ("Not passed"));
  AppEfficiencyPage *page;
  GtkCheckButton *check;
  gint64 plan_id = 0, item_id;
  GDate day;

  g_assert_no_error (error);
  plans = phaen_store_list_plans (fixture->store, unit->id, 2561, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < plans->len; i++)
    if (((PhaenPlan *)g_ptr_array_index (plans, i))->kind == PHAEN_PLAN_EFFICIENCY)
      plan_id = ((PhaenPlan *)g_ptr_array_index (plans, i))->id;
  activities = phaen_store_list_activities (fixture->store, plan_id, &error);
  g_assert_no_error (error);
  item_id = ((PhaenActivity *)g_ptr_array_index (activities, 0))->id;
  g_assert_true (app_window_show_efficiency_report (fixture->window, plan_id));
  settle ();
  page = find_only_widget (fixture->window, APP_TYPE_EFFICIENCY_PAGE);
  g_assert_cmpstr (app_efficiency_page_get_round_text (page, 1), ==, passed);

  /* ก.พ. (4): item 1's output of ม.ค. is recorded here, late. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "efficiency.month", "i", 4));
  settle ();
  check = app_efficiency_page_get_achieved_check (page, item_id);
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (check)));
  g_assert_true (gtk_check_button_get_active (check));
  g_assert_nonnull (strstr (gtk_check_button_get_label (check), "ม.ค.61"));
  gtk_check_button_set_active (check, FALSE);
  settle ();
  g_assert_cmpstr (app_efficiency_page_get_round_text (page, 1), ==, failed);
  /* Recorded again in มี.ค. (5), still by round 1's end. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "efficiency.month", "i", 5));
  settle ();
  check = app_efficiency_page_get_achieved_check (page, item_id);
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (check)));
  g_assert_false (gtk_check_button_get_active (check));
  gtk_check_button_set_active (check, TRUE);
  settle ();
  g_assert_cmpstr (app_efficiency_page_get_round_text (page, 1), ==, passed);
  {
    g_autoptr (PhaenActivity) stored = phaen_store_get_activity (fixture->store, item_id, &error);

    g_assert_true (stored->marks[5] & PHAEN_MARK_ACHIEVED);
    g_assert_false (stored->marks[4] & PHAEN_MARK_ACHIEVED);
  }

  /* On 15 เม.ย. 2561 round 2 has not ended: in progress, never ไม่ผ่าน. */
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 15, G_DATE_APRIL, 2018);
  app_efficiency_page_set_today (page, &day);
  g_assert_nonnull (strstr (app_efficiency_page_get_round_text (page, 2), _ ("In progress")));
  g_assert_null (strstr (app_efficiency_page_get_round_text (page, 2), _ ("Not passed")));
  g_assert_cmpstr (app_efficiency_page_get_round_text (page, 1), ==, passed);
}

static gboolean
dashboard_idle (gpointer data)
{
  return !app_dashboard_page_get_busy (data);
}

/* The dashboard writes every form of the unit's year in one workbook. */
static void
test_dashboard_all_forms (Fixture *fixture, gconstpointer data)
{
  g_autofree char *xlsx = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *workbook = NULL;
  AppExportOptions options;
  AppDashboardPage *page;
  int status = 0;

  if (g_find_program_in_path ("unzip") == NULL)
    {
      g_test_skip ("unzip reads the workbook back");
      return;
    }
  g_assert_true (app_window_show_unit_page (fixture->window, "dashboard", fixture->stp, 2564));
  settle ();
  page = find_only_widget (fixture->window, APP_TYPE_DASHBOARD_PAGE);
  xlsx = g_build_filename (g_get_tmp_dir (), "phaen-all-forms-test.xlsx", NULL);
  file = g_file_new_for_path (xlsx);
  app_export_options_init (&options);
  app_dashboard_page_export_all (page, file, &options);
  g_assert_true (app_dashboard_page_get_busy (page));
  g_assert_true (wait_until (dashboard_idle, page));
  g_spawn_sync (NULL, (char *[]){ "unzip", "-p", xlsx, "xl/workbook.xml", NULL }, NULL,
                G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &workbook, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_remove (xlsx);
  /* The process plan, the indicator forms and the summary: several sheets. */
  g_assert_nonnull (strstr (workbook, "<sheet "));
  g_assert_nonnull (strstr (strstr (workbook, "<sheet ") + 1, "<sheet "));
  g_assert_nonnull (strstr (strstr (strstr (workbook, "<sheet ") + 1, "<sheet ") + 1, "<sheet "));
}

int
main (int argc, char **argv)
{
  if (!app_test_init (&argc, &argv))
    return 0;

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/results/quarterly/reenter", test_reenter_quarters);
  ADD ("/results/quarterly/warnings", test_warnings);
  ADD ("/results/quarterly/autosave", test_autosave);
  ADD ("/results/quarterly/tab-order", test_tab_order);
  ADD ("/results/evidence/attach-undo", test_attach_undo);
  ADD ("/results/evidence/bad-url", test_bad_url);
  ADD ("/results/evidence/link-confirm", test_link_confirm);
  ADD ("/results/override/reason", test_override_reason);
  ADD ("/results/efficiency/round", test_efficiency_round);
  ADD ("/results/dashboard/table", test_dashboard);
  ADD ("/results/efficiency/late-and-in-progress", test_efficiency_late);
  ADD ("/results/dashboard/all-forms", test_dashboard_all_forms);
#undef ADD
  return g_test_run ();
}
