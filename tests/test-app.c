/* test-app.c — the real window driven through its actions under a display (Xvfb in `make test`)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-test-app"

#include "config.h"

#include <glib/gi18n.h>

#include "app-application.h"
#include "app-gantt-view.h"
#include "app-new-plan-dialog.h"
#include "app-plan-grid.h"
#include "app-plan-page.h"
#include "app-test-util.h"
#include "app-window.h"
#include "phaen-error.h"
#include "phaen-workspace-lock.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <unistd.h>

typedef struct
{
  char *dir;
  char *path; /* the sample workspace, made fresh for each test */
  AppApplication *app;
  AppWindow *window;
} Fixture;

/* ------------------------------------------------------------------ helpers */

static gboolean
has_no_dialog (gpointer data)
{
  return find_dialog (data) == NULL;
}

static gint64
find_plan (PhaenStore *store, const char *unit_abbr, PhaenPlanKind kind)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenUnit) unit = phaen_store_find_unit (store, unit_abbr, &error);
  g_autoptr (GPtrArray) plans = NULL;

  g_assert_no_error (error);
  plans = phaen_store_list_plans (store, unit->id, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < plans->len; i++)
    {
      const PhaenPlan *plan = g_ptr_array_index (plans, i);

      if (plan->kind == kind)
        return plan->id;
    }
  g_assert_not_reached ();
}

/* Opens the sample in the window and shows กพร.'s process plan (seed 000). */
static AppPlanPage *
show_kpr_plan (Fixture *fixture, gint64 *plan_id)
{
  app_test_open (fixture->window, fixture->path);
  *plan_id = find_plan (app_window_get_store (fixture->window), "กพร.", PHAEN_PLAN_PROCESS);
  g_assert_true (app_window_show_plan (fixture->window, *plan_id));
  settle ();
  return app_window_get_plan_page (fixture->window);
}

/* The grid row of @activity_id: the grid shows the activities in display order. */
static int
row_of (PhaenStore *store, gint64 plan_id, gint64 activity_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) activities = phaen_store_list_activities (store, plan_id, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < activities->len; i++)
    if (((PhaenActivity *)g_ptr_array_index (activities, i))->id == activity_id)
      return (int)i;
  return -1;
}

/* ------------------------------------------------------------------ fixture */

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  fixture->dir = app_test_sample_new ("phaen-app-XXXXXX", &fixture->path);
  fixture->window = app_test_window_present (&fixture->app, 0, 0);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  app_test_window_close (&fixture->window, &fixture->app);
  app_test_sample_remove (&fixture->dir, &fixture->path);
}

/* ------------------------------------------------------------------ tests */

/* The walk: open the sample, add an activity, type its name, paint three months, undo
 * once, reopen the file and read what was stored. */
static void
test_plan_edit_undo_reopen (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenStore) reopened = NULL;
  g_autoptr (PhaenActivity) stored = NULL;
  PhaenStore *store;
  AppPlanPage *page;
  AppPlanGrid *grid;
  gint64 plan_id, activity_id;
  guint n_rows;
  int row;

  page = show_kpr_plan (fixture, &plan_id);
  store = app_window_get_store (fixture->window);
  grid = APP_PLAN_GRID (app_plan_page_get_grid (page));
  g_assert_cmpint (app_plan_page_get_plan_id (page), ==, plan_id);
  n_rows = app_plan_grid_get_n_rows (grid);
  g_assert_cmpuint (n_rows, ==, 7); /* seed 000's seven activities */

  app_plan_grid_set_cursor (grid, n_rows - 1, APP_PLAN_GRID_COLUMN_NAME);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "plan.add-activity", NULL));
  settle ();
  g_assert_cmpuint (app_plan_grid_get_n_rows (grid), ==, n_rows + 1);
  activity_id = app_plan_grid_get_cursor_activity (grid);
  g_assert_cmpint (activity_id, >, 0);
  row = row_of (store, plan_id, activity_id);
  g_assert_cmpint (row, ==, (int)n_rows);

  g_assert_true (app_plan_grid_commit_text (grid, row, APP_PLAN_GRID_COLUMN_NAME,
                                            "สรุปผลการดำเนินงานเสนอผู้บริหาร", &error));
  g_assert_no_error (error);

  /* A budget that is not a number is refused and changes nothing. */
  g_assert_false (
    app_plan_grid_commit_text (grid, row, APP_PLAN_GRID_COLUMN_BUDGET, "ห้าพันบาท", &error));
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "plan.tool", "s", "planned"));
  for (guint month = 6; month <= 8; month++)
    {
      g_assert_true (app_plan_grid_paint (grid, row, month, month, &error));
      g_assert_no_error (error);
    }
  settle ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  settle ();
  g_assert_true (phaen_store_can_redo (store));

  /* The Gantt chart follows the grid once it is shown (hidden, it does no work). */
  g_object_set (page, "view", "gantt", NULL);
  settle ();
  g_assert_cmpuint (phaen_gantt_get_n_rows (
                      app_gantt_view_get_chart (APP_GANTT_VIEW (app_plan_page_get_gantt (page)))),
                    ==, n_rows + 1);

  gtk_window_close (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  settle ();

  reopened = phaen_store_open (fixture->path, &error);
  g_assert_no_error (error);
  stored = phaen_store_get_activity (reopened, activity_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->name, ==, "สรุปผลการดำเนินงานเสนอผู้บริหาร");
  g_assert_false (stored->has_budget);
  g_assert_cmpuint (stored->marks[6] & PHAEN_MARK_PLANNED, ==, PHAEN_MARK_PLANNED);
  g_assert_cmpuint (stored->marks[7] & PHAEN_MARK_PLANNED, ==, PHAEN_MARK_PLANNED);
  g_assert_cmpuint (stored->marks[8], ==, 0);
  g_assert_cmpuint (stored->marks[5], ==, 0);
}

/* A text section is saved as one undo step when focus leaves, and undone like any edit. */
static void
test_plan_section_text (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  PhaenStore *store;
  AppPlanPage *page;
  GtkTextView *view;
  GtkTextBuffer *buffer;
  GtkTextIter end;
  gint64 plan_id;

  page = show_kpr_plan (fixture, &plan_id);
  store = app_window_get_store (fixture->window);
  view = app_plan_page_get_section_view (page, PHAEN_SECTION_DIGITAL);
  g_assert_nonnull (view);
  before = phaen_store_get_plan_section (store, plan_id, PHAEN_SECTION_DIGITAL, &error);
  g_assert_no_error (error);

  buffer = gtk_text_view_get_buffer (view);
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (view)));
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, " และ LINE OpenChat", -1);
  settle ();
  /* Focus leaves the editor: the text is saved. */
  g_assert_true (gtk_widget_grab_focus (app_plan_page_get_grid (page)));
  settle ();
  after = phaen_store_get_plan_section (store, plan_id, PHAEN_SECTION_DIGITAL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (after, " และ LINE OpenChat"));
  g_assert_cmpstr (phaen_store_get_undo_label (store), ==, _ ("Edit plan text"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  settle ();
  undone = phaen_store_get_plan_section (store, plan_id, PHAEN_SECTION_DIGITAL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (undone, ==, before);
  {
    g_autofree char *shown = NULL;
    GtkTextIter start;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (shown, ==, before);
  }
}

/* Seed 000's activity 7 runs into ต.ค. of the next fiscal year: the plan page adds that month. */
static void
test_plan_next_year_months (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) spins = g_ptr_array_new ();
  g_autoptr (PhaenPlan) plan = NULL;
  g_autofree char *cell = NULL;
  PhaenStore *store;
  AppPlanPage *page;
  AppPlanGrid *grid;
  GtkSpinButton *spin;
  gint64 plan_id;
  int before;
  guint last;

  page = show_kpr_plan (fixture, &plan_id);
  store = app_window_get_store (fixture->window);
  grid = APP_PLAN_GRID (app_plan_page_get_grid (page));
  collect_widgets (GTK_WIDGET (page), GTK_TYPE_SPIN_BUTTON, spins);
  g_assert_cmpuint (spins->len, ==, 1);
  spin = g_ptr_array_index (spins, 0);
  plan = phaen_store_get_plan (store, plan_id, &error);
  g_assert_no_error (error);
  before = plan->extra_months;
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, before);

  gtk_spin_button_set_value (spin, before + 1);
  settle ();
  g_clear_pointer (&plan, phaen_plan_free);
  plan = phaen_store_get_plan (store, plan_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (plan->extra_months, ==, before + 1);
  g_assert_cmpstr (phaen_store_get_undo_label (store), ==, _ ("Edit plan"));

  /* The new month is a column of the grid that takes paint. */
  last = PHAEN_FISCAL_MONTHS + plan->extra_months - 1;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "plan.tool", "s", "planned"));
  g_assert_true (app_plan_grid_paint (grid, 6, last, last, &error));
  g_assert_no_error (error);
  settle ();
  cell = app_plan_grid_get_cell_text (grid, 6, app_grid_month_to_column (last));
  g_assert_cmpstr (cell, ==, "■");

  /* Undo takes the paint, then the month, back; the spin button follows. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  settle ();
  g_clear_pointer (&plan, phaen_plan_free);
  plan = phaen_store_get_plan (store, plan_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (plan->extra_months, ==, before);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, before);
}

static gboolean
page_idle (gpointer data)
{
  return !app_plan_page_get_busy (data);
}

/* Runs @argv and returns what it printed. Returns: (transfer full) */
static char *
run_tool (const char *const *argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

/* The line of pdfinfo's @text that starts with @key. Returns: (transfer full) */
static char *
info_line (const char *text, const char *key)
{
  const char *start = strstr (text, key);

  g_assert_nonnull (start);
  return g_strndup (start, strcspn (start, "\n"));
}

/* Export from the window writes the plan: the PDF's pages and the XLSX form, read back. */
static void
test_plan_export (Fixture *fixture, gconstpointer data)
{
  g_autofree char *pdf = g_build_filename (fixture->dir, "plan.pdf", NULL);
  g_autofree char *xlsx = g_build_filename (fixture->dir, "plan.xlsx", NULL);
  g_autofree char *printed = g_build_filename (fixture->dir, "printed.pdf", NULL);
  g_autoptr (GFile) pdf_file = g_file_new_for_path (pdf);
  g_autoptr (GFile) xlsx_file = g_file_new_for_path (xlsx);
  g_autofree char *pdf_text = NULL;
  g_autofree char *strings = NULL;
  AppPlanPage *page;
  gint64 plan_id;

  if (g_find_program_in_path ("pdftotext") == NULL || g_find_program_in_path ("unzip") == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) and unzip read the exports back");
      return;
    }
  page = show_kpr_plan (fixture, &plan_id);

  app_plan_page_export (page, pdf_file);
  g_assert_true (app_plan_page_get_busy (page));
  g_assert_true (wait_until (page_idle, page));
  pdf_text = run_tool ((const char *[]){ "pdftotext", "-layout", pdf, "-", NULL });
  /* Thai lines may wrap anywhere: look for a short word of the seed's first activity. */
  g_assert_nonnull (strstr (pdf_text, "กพร."));
  g_assert_nonnull (strstr (pdf_text, "ม.ค."));
  g_assert_nonnull (strstr (pdf_text, "พ.ศ. 2564"));
  /* The official document, not only the chart: sections, BE month headers, budget, owner. */
  g_assert_nonnull (strstr (pdf_text, "หน่วยงาน : กลุ่มพัฒนาระบบบริหาร"));
  g_assert_nonnull (strstr (pdf_text, "6. แผนการดำเนินงาน"));
  g_assert_nonnull (strstr (pdf_text, "ม.ค.64"));
  g_assert_nonnull (strstr (pdf_text, "งบประมาณ"));
  g_assert_nonnull (strstr (pdf_text, "Google Form"));

  /* The export dialog's choices: A3 portrait in Thai digits, and the Gantt chart instead. */
  {
    g_autofree char *a3 = g_build_filename (fixture->dir, "plan-a3.pdf", NULL);
    g_autofree char *chart = g_build_filename (fixture->dir, "chart.pdf", NULL);
    g_autoptr (GFile) a3_file = g_file_new_for_path (a3);
    g_autoptr (GFile) chart_file = g_file_new_for_path (chart);
    g_autofree char *a3_info = NULL;
    g_autofree char *a3_text = NULL;
    g_autofree char *chart_text = NULL;
    AppExportOptions options;

    app_export_options_init (&options);
    options.paper = PHAEN_PAPER_A3;
    options.orientation = PHAEN_ORIENTATION_PORTRAIT;
    options.thai_digits = TRUE;
    app_plan_page_export_with_options (page, a3_file, &options);
    g_assert_true (wait_until (page_idle, page));
    a3_info = run_tool ((const char *[]){ "pdfinfo", a3, NULL });
    g_assert_nonnull (strstr (a3_info, "841.89 x 1190.55 pts (A3)"));
    a3_text = run_tool ((const char *[]){ "pdftotext", "-layout", a3, "-", NULL });
    g_assert_nonnull (strstr (a3_text, "พ.ศ. ๒๕๖๔"));

    app_export_options_init (&options);
    options.gantt = TRUE;
    app_plan_page_export_with_options (page, chart_file, &options);
    g_assert_true (wait_until (page_idle, page));
    chart_text = run_tool ((const char *[]){ "pdftotext", "-layout", chart, "-", NULL });
    g_assert_null (strstr (chart_text, "6. แผนการดำเนินงาน"));
    g_assert_nonnull (strstr (chart_text, "กพร."));
  }

  /* The header bar's export asks for those choices first. */
  gtk_widget_activate_action (GTK_WIDGET (page), "plan.export-pdf", NULL);
  {
    AdwMessageDialog *dialog = app_export_get_options_dialog (GTK_WIDGET (page));

    g_assert_nonnull (dialog);
    adw_message_dialog_response (dialog, "cancel");
    g_assert_null (app_export_get_options_dialog (GTK_WIDGET (page)));
  }

  /* Printing draws the same pages: GTK's own PDF backend prints them to a file here. */
  {
    g_autoptr (GtkPrintOperation) operation = app_plan_page_new_print_operation (page);
    g_autoptr (GError) error = NULL;
    g_autofree char *printed_text = NULL;
    g_autofree char *printed_info = NULL;
    g_autofree char *pdf_info = NULL;
    g_autofree char *printed_pages = NULL;
    g_autofree char *pdf_pages = NULL;

    /* "Print to File" proposes the plan's title in the workspace's folder (a path: GTK's file
     * printer builds a file name from it), not output.pdf in the folder Phaen started in. */
    {
      GtkPrintSettings *settings = gtk_print_operation_get_print_settings (operation);
      g_autoptr (PhaenPlan) plan =
        phaen_store_get_plan (app_window_get_store (fixture->window), plan_id, NULL);

      g_assert_nonnull (settings);
      g_assert_cmpstr (gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME), ==,
                       plan->title);
      g_assert_cmpstr (gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_DIR), ==,
                       fixture->dir);
    }
    gtk_print_operation_set_export_filename (operation, printed);
    g_assert_cmpint (
      gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error), ==,
      GTK_PRINT_OPERATION_RESULT_APPLY);
    g_assert_no_error (error);
    printed_text = run_tool ((const char *[]){ "pdftotext", "-layout", printed, "-", NULL });
    g_assert_cmpstr (printed_text, ==, pdf_text);
    printed_info = run_tool ((const char *[]){ "pdfinfo", printed, NULL });
    pdf_info = run_tool ((const char *[]){ "pdfinfo", pdf, NULL });
    /* Same number of pages, both on A4 (GTK may store the landscape sheet rotated). */
    printed_pages = info_line (printed_info, "Pages:");
    pdf_pages = info_line (pdf_info, "Pages:");
    g_assert_cmpstr (printed_pages, ==, pdf_pages);
    g_assert_nonnull (strstr (printed_info, "(A4)"));
    g_assert_nonnull (strstr (pdf_info, "841.89 x 595.276 pts (A4)"));
  }

  app_plan_page_export (page, xlsx_file);
  g_assert_true (wait_until (page_idle, page));
  strings = run_tool ((const char *[]){ "unzip", "-p", xlsx, "xl/sharedStrings.xml", NULL });
  g_assert_nonnull (strstr (strings, "วิเคราะห์และคัดเลือกตัวชี้วัดที่เหมาะสม"));
}

/* A file that is not a workspace is explained in a dialog; the app goes on and opens the next. */
static void
test_open_foreign_file (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text_path = g_build_filename (fixture->dir, "notes.txt", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (text_path);
  AdwMessageDialog *dialog;

  g_file_set_contents (text_path, "นี่ไม่ใช่แฟ้มงาน\njust some notes\n", -1, &error);
  g_assert_no_error (error);

  app_window_open (fixture->window, file);
  g_assert_true (wait_until (has_dialog, fixture->window));
  dialog = find_dialog (fixture->window);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "notes.txt"));
  g_assert_null (app_window_get_store (fixture->window));
  adw_message_dialog_response (dialog, "close");
  settle ();

  app_test_open (fixture->window, fixture->path);
  g_assert_nonnull (app_window_get_store (fixture->window));
}

/* From an empty workspace: the new-plan dialog makes the unit, the year and the plan. */
static void
test_new_workspace_plan (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "new.phaen", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();
  g_autoptr (GPtrArray) plans = NULL;
  AdwMessageDialog *dialog;
  const PhaenPlan *plan;
  PhaenStore *store;

  app_window_create (fixture->window, file);
  g_assert_true (wait_until (has_dialog, fixture->window));
  dialog = find_dialog (fixture->window);
  g_assert_true (APP_IS_NEW_PLAN_DIALOG (dialog));
  store = app_window_get_store (fixture->window);
  g_assert_nonnull (store);

  collect_widgets (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, rows);
  g_assert_cmpuint (rows->len, ==, 4); /* abbreviation, name, year, title */
  gtk_editable_set_text (g_ptr_array_index (rows, 0), "กพร.");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "create"));
  /* Enter before the dialog is complete makes nothing, even after a button's press animation. */
  press_enter (g_ptr_array_index (rows, 0));
  run_for (500);
  g_assert_true (find_dialog (fixture->window) == dialog);
  gtk_editable_set_text (g_ptr_array_index (rows, 1), "กลุ่มพัฒนาระบบบริหาร");
  gtk_editable_set_text (g_ptr_array_index (rows, 2), "๒๕๖๔"); /* Thai digits are a year too */
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "create"));
  /* Enter in a field creates the plan, as the Create button does (after the button's
   * press animation). */
  press_enter (g_ptr_array_index (rows, 2));
  g_assert_true (wait_until (has_no_dialog, fixture->window));
  settle ();

  plans = phaen_store_list_plans (store, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plans->len, ==, 1);
  plan = g_ptr_array_index (plans, 0);
  g_assert_cmpint (plan->fiscal_year, ==, 2564);
  g_assert_cmpint (plan->kind, ==, PHAEN_PLAN_PROCESS);
  /* The proposed title is the official one (DOMAIN.md §3a), in Thai. */
  g_assert_cmpstr (plan->title, ==,
                   "แผนการปรับปรุงกระบวนการตามภารกิจของกลุ่มพัฒนาระบบบริหาร "
                   "ประจำปีงบประมาณ พ.ศ. 2564");
  g_assert_cmpint (app_plan_page_get_plan_id (app_window_get_plan_page (fixture->window)), ==,
                   plan->id);
  /* The whole dialog is one step: undo takes the plan, the year and the unit away. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  settle ();
  g_clear_pointer (&plans, g_ptr_array_unref);
  plans = phaen_store_list_plans (store, 0, 0, &error);
  g_assert_cmpuint (plans->len, ==, 0);
}

/* The language menu keeps the choice for the next start. */
static void
test_window_language (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GSettings) settings = app_settings_new ();
  g_autofree char *chosen = NULL;

  g_assert_true (
    gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.language", "s", "en"));
  chosen = g_settings_get_string (settings, "language");
  g_assert_cmpstr (chosen, ==, "en");
  g_settings_reset (settings, "language");
}

static gboolean
leaflet_folded (gpointer data)
{
  return adw_leaflet_get_folded (data);
}

/* A narrow window folds the sidebar into a page of its own; that page has the main menu (open,
 * close, language) too, or it would be out of reach. */
static void
test_window_narrow (Fixture *fixture, gconstpointer data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  AdwLeaflet *leaflet =
    ADW_LEAFLET (gtk_widget_get_template_child (window, APP_TYPE_WINDOW, "leaflet"));
  GtkWidget *title =
    GTK_WIDGET (gtk_widget_get_template_child (window, APP_TYPE_WINDOW, "sidebar_title"));
  g_autoptr (GPtrArray) menus = g_ptr_array_new ();
  GtkWidget *menu;

  app_test_open (fixture->window, fixture->path);
  /* The sidebar's header bar: the one with the workspace's name. */
  collect_widgets (gtk_widget_get_ancestor (title, ADW_TYPE_HEADER_BAR), GTK_TYPE_MENU_BUTTON,
                   menus);
  g_assert_cmpuint (menus->len, ==, 1);
  menu = g_ptr_array_index (menus, 0);
  g_assert_nonnull (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu)));
  g_assert_cmpint (gtk_widget_get_visible (menu), ==, adw_leaflet_get_folded (leaflet));

  gtk_window_set_default_size (GTK_WINDOW (window), 600, 800);
  g_assert_true (wait_until (leaflet_folded, leaflet));
  settle ();
  g_assert_true (gtk_widget_get_visible (menu));
}

/* Thai is the default even under the C locale the tests run in. */

/* ------------------------------------------------------------------ workspace safety */

static guint
count_activities (PhaenStore *store, gint64 plan_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) activities = phaen_store_list_activities (store, plan_id, &error);

  g_assert_no_error (error);
  return activities->len;
}

/* The observed loss: in the app's process something opens and closes the workspace through a
 * descriptor of its own (a file chooser, a thumbnailer), phaen-cli then opens it, and the
 * app's later edits went into a deleted -wal. Now the file alone holds them. */
static void
test_safety_foreign_descriptor (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *copy = g_build_filename (fixture->dir, "copy.phaen", NULL);
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *contents = NULL;
  g_autoptr (PhaenStore) copied = NULL;
  const char *argv[] = { g_getenv ("PHAEN_CLI"), "info", fixture->path, NULL };
  AppPlanPage *page;
  gint64 plan_id;
  guint before;
  gsize length;
  int status = 0;
  int fd;

  page = show_kpr_plan (fixture, &plan_id);
  before = count_activities (app_window_get_store (fixture->window), plan_id);
  fd = open (fixture->path, O_RDONLY);
  g_assert_cmpint (fd, >=, 0);
  close (fd);
  g_assert_nonnull (argv[0]);
  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "plan.add-activity", NULL));
  settle ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "plan.add-activity", NULL));
  settle ();
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  /* What a crash leaves, or an e-mailed copy: the file alone. */
  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (copy, contents, length, NULL));
  copied = phaen_store_open_read_only (copy, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_activities (copied, plan_id), ==, before + 2);
}

static gboolean
store_is_read_only (gpointer window)
{
  PhaenStore *store = app_window_get_store (window);

  return store != NULL && phaen_store_is_read_only (store);
}

static void
count_cb (guint *count)
{
  (*count)++;
}

static gboolean
counted (gpointer count)
{
  return *(guint *)count > 0;
}

/* Someone on another computer has the file: the window says who, and opens it read-only on
 * request; the other writer's edits then appear. */
static void
test_safety_locked (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = g_file_new_for_path (fixture->path);
  g_autofree char *lock = phaen_lock_path_for (fixture->path);
  g_autoptr (PhaenStore) other = NULL;
  g_autoptr (PhaenUnit) unit = NULL;
  AdwMessageDialog *dialog;
  PhaenStore *store;
  guint changes = 0;

  g_assert_true (g_file_set_contents (lock,
                                      "Phaen workspace lock\nuser=somchai\nname=สมชาย ใจดี\n"
                                      "host=desk-12\npid=4242\nsince=2026-12-01T01:00:00Z\n",
                                      -1, NULL));
  app_window_open (fixture->window, file);
  g_assert_true (wait_until (has_dialog, fixture->window));
  dialog = find_dialog (fixture->window);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "สมชาย ใจดี"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "desk-12"));
  adw_message_dialog_response (dialog, "read-only");
  g_assert_true (wait_until (store_is_read_only, fixture->window));
  store = app_window_get_store (fixture->window);

  /* The other writer (it holds the lock) renames a unit; the window shows it within a second
   * or two. */
  other = phaen_store_open_full (fixture->path, PHAEN_STORE_OPEN_IGNORE_LOCK, &error);
  g_assert_no_error (error);
  unit = phaen_store_find_unit (other, "กพร.", &error);
  g_assert_no_error (error);
  g_free (unit->name);
  unit->name = g_strdup ("กลุ่มพัฒนาระบบบริหาร (แก้จากอีกเครื่อง)");
  g_signal_connect_swapped (store, "changed", G_CALLBACK (count_cb), &changes);
  g_assert_true (phaen_store_update_unit (other, unit, &error));
  /* The window looks every second: its views hear of the other writer's edit. */
  g_assert_true (wait_until (counted, &changes));
  g_clear_pointer (&unit, phaen_unit_free);
  unit = phaen_store_find_unit (store, "กพร.", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (unit->name, ==, "กลุ่มพัฒนาระบบบริหาร (แก้จากอีกเครื่อง)");
  g_assert_false (phaen_store_can_undo (store));
}

/* A second window asked to open the same workspace brings the first forward instead: one
 * file, one undo history, so neither window can undo the other's edits. */
static void
test_safety_second_window (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GFile) file = g_file_new_for_path (fixture->path);
  g_autoptr (AppWindow) second = NULL;

  app_test_open (fixture->window, fixture->path);
  second = g_object_ref_sink (app_window_new (fixture->app));
  gtk_window_present (GTK_WINDOW (second));
  settle ();
  app_window_open (second, file);
  settle ();
  g_assert_null (app_window_get_store (second));
  g_assert_null (find_dialog (second));
  g_assert_nonnull (app_window_get_store (fixture->window));
  gtk_window_destroy (GTK_WINDOW (second));
  settle ();
}

/* A file marked read-only opens read-only, with the reason in a banner. */
static void
test_safety_read_only_file (Fixture *fixture, gconstpointer data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize length;

  g_assert_cmpint (g_chmod (fixture->path, 0444), ==, 0);
  g_assert_true (g_file_get_contents (fixture->path, &before, &length, NULL));
  app_test_open (fixture->window, fixture->path);
  g_assert_true (phaen_store_is_read_only (app_window_get_store (fixture->window)));
  g_assert_cmpint (phaen_store_get_read_only_reason (app_window_get_store (fixture->window)), ==,
                   PHAEN_STORE_READ_ONLY_FILE);
  settle ();
  g_assert_true (app_window_get_read_only_banner_visible (fixture->window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));

  /* The grid says it is read-only before anything is typed: no editor opens. */
  {
    gint64 plan_id = find_plan (app_window_get_store (fixture->window), "กพร.", PHAEN_PLAN_PROCESS);
    GtkWidget *grid;

    g_assert_true (app_window_show_plan (fixture->window, plan_id));
    settle ();
    grid = app_plan_page_get_grid (app_window_get_plan_page (fixture->window));
    app_plan_grid_set_cursor (APP_PLAN_GRID (grid), 0, APP_PLAN_GRID_COLUMN_NAME);
    g_assert_true (gtk_widget_activate_action (grid, "grid.edit", NULL));
    settle ();
    g_assert_null (find_widget (grid, GTK_TYPE_TEXT));
  }
  g_assert_true (g_file_get_contents (fixture->path, &after, &length, NULL));
  g_assert_cmpstr (before, ==, after);
  g_chmod (fixture->path, 0644);
}

static void
test_thai_by_default (void)
{
  g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, "th");
  g_assert_cmpstr (_ ("Indicators"), ==, "ตัวชี้วัด");
}

int
main (int argc, char **argv)
{
  if (!app_test_init (&argc, &argv))
    return 0;

  g_test_add_func ("/app/i18n/thai-by-default", test_thai_by_default);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/app/plan/edit-undo-reopen", test_plan_edit_undo_reopen);
  ADD ("/app/plan/section-text", test_plan_section_text);
  ADD ("/app/plan/next-year-months", test_plan_next_year_months);
  ADD ("/app/plan/export", test_plan_export);
  ADD ("/app/safety/foreign-descriptor", test_safety_foreign_descriptor);
  ADD ("/app/safety/locked", test_safety_locked);
  ADD ("/app/safety/second-window", test_safety_second_window);
  ADD ("/app/safety/read-only-file", test_safety_read_only_file);
  ADD ("/app/open/foreign-file", test_open_foreign_file);
  ADD ("/app/workspace/new-plan", test_new_workspace_plan);
  ADD ("/app/window/narrow", test_window_narrow);
  ADD ("/app/window/language", test_window_language);
#undef ADD
  return g_test_run ();
}
