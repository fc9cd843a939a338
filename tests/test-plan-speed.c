/* test-plan-speed.c — issue #13's walk: seed 000's plan built at spreadsheet speed in the real
 * window (paste seven rows, one Shift-range and one key, fill down), every action counted, and a
 * screenshot at 1366×768 that shows every month
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-test-plan-speed"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "app-application.h"
#include "app-new-plan-dialog.h"
#include "app-plan-grid.h"
#include "app-plan-page.h"
#include "app-test-util.h"
#include "app-window.h"
#include "phaen-demo.h"

/* Seed 000's activity table as an officer's spreadsheet holds it, in the grid's column order
 * (กิจกรรม, ผู้รับผิดชอบ, งบประมาณ, ต.ค.63 … ก.ย.64, ต.ค.64, ผลผลิต): the owner typed once,
 * planned months as 1 or x, activity 4's months still to paint. What Ctrl+C in LibreOffice puts
 * on the clipboard as text. */
static const char seed_000_tsv[] =
  "ศึกษากรอบการประเมินส่วนราชการตามมาตรการปรับปรุงประสิทธิภาพในการปฏิบัติราชการ\tกพร.\t-\t1\t1"
  "\t\t\t\t\t\t\t\t\t\t\t\t\n"
  "วิเคราะห์และคัดเลือกตัวชี้วัดที่เหมาะสม\t\t-\t\t1\t1\t\t\t\t\t\t\t\t\t\t\t\n"
  "จัดทำรายละเอียดตัวชี้วัดและนำเสนอหัวหน้าส่วนราชการเห็นชอบ\t\t-\t\t\tx\tx\t\t\t\t\t\t\t\t\t\t\n"
  "ติดตามความก้าวหน้าผลการดำเนินงาน\t\t-\t\t\t\t\t\t\t\t\t\t\t\t\t\t\n"
  "จัดทำคำขอเปลี่ยนแปลงรายละเอียดตัวชี้วัด (ถ้ามี)\t\t-\t\t\t\t\t1\t1\t\t\t\t\t\t\t\t\n"
  "การติดตามประเมินผลการดำเนินงาน\t\t-\t\t\t\t\t\t1\t\t\t\t\t\t1\t\t\n"
  "การรายงานผลการดำเนินงานผ่านระบบที่สำนักงาน ก.พ.ร. กำหนด\t\t-\t\t\t\t\t\t\t1\t\t\t\t\t1\t1\t"
  "รายงานผลการดำเนินงานตามมาตรการปรับปรุงประสิทธิภาพในการปฏิบัติราชการ\n";

typedef struct
{
  char *dir;
  char *path;
  AppApplication *app;
  AppWindow *window;
  guint actions; /* what the officer did: clicks, keys, one copy in the spreadsheet */
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenStore) store = NULL;
  gint64 unit;

  f->dir = g_dir_make_tmp ("phaen-speed-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "kpr.phaen", NULL);
  store = phaen_store_create (f->path, &error);
  g_assert_no_error (error);
  unit = phaen_store_add_unit (store, "กพร.", "กลุ่มพัฒนาระบบบริหาร", 0, &error);
  g_assert_no_error (error);
  /* The new-plan dialog's work (its own test is in test-app): an empty process plan. */
  g_assert_cmpint (phaen_store_add_plan (store, unit, 2564, PHAEN_PLAN_PROCESS,
                                         "แผนการปรับปรุงกระบวนการตามภารกิจของกลุ่มพัฒนาระบบบริหาร",
                                         &error),
                   >, 0);
  g_assert_no_error (error);
  g_clear_object (&store);

  f->window = app_test_window_new (&f->app);
  /* The usual government laptop's screen. */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1366, 768);
  gtk_window_present (GTK_WINDOW (f->window));
  settle ();
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_autofree char *journal = g_strconcat (f->path, "-journal", NULL);

  app_test_window_close (&f->window, &f->app);
  g_remove (f->path);
  g_remove (journal);
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* One user action on the grid: a click is a cursor move, a Shift+click a selection, a key an
 * action. */
static void
act (Fixture *f, AppPlanGrid *grid, const char *action)
{
  f->actions++;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (grid), action, NULL));
  settle ();
}

static void
click (Fixture *f, AppPlanGrid *grid, guint row, guint column)
{
  f->actions++;
  app_plan_grid_set_cursor (grid, row, column);
}

static void
shift_click (Fixture *f, AppPlanGrid *grid, guint row, guint column)
{
  f->actions++;
  app_plan_grid_select_to (grid, row, column);
}

static gboolean
has_rows (gpointer grid)
{
  return app_plan_grid_get_n_rows (grid) >= 7;
}

static GPtrArray *
sample_activities (int *extra_months)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("phaen-sample-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "s.phaen", NULL);
  g_autofree char *json = g_build_filename (phaen_demo_sample_dir (), "kpr-2564.json", NULL);
  g_autoptr (PhaenStore) store = phaen_store_create (path, &error);
  g_autoptr (PhaenUnit) unit = NULL;
  g_autoptr (GPtrArray) plans = NULL;
  GPtrArray *activities;

  g_assert_no_error (error);
  g_assert_true (phaen_demo_load_file (store, json, &error));
  g_assert_no_error (error);
  unit = phaen_store_find_unit (store, "กพร.", &error);
  g_assert_no_error (error);
  plans = phaen_store_list_plans (store, unit->id, 2564, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plans->len, ==, 1);
  *extra_months = ((PhaenPlan *)g_ptr_array_index (plans, 0))->extra_months;
  activities =
    phaen_store_list_activities (store, ((PhaenPlan *)g_ptr_array_index (plans, 0))->id, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_remove (path);
  g_rmdir (dir);
  return activities;
}

static void
assert_same_plan (GPtrArray *stored, GPtrArray *sample)
{
  g_assert_cmpuint (stored->len, ==, sample->len);
  for (guint i = 0; i < sample->len; i++)
    {
      const PhaenActivity *a = g_ptr_array_index (stored, i);
      const PhaenActivity *b = g_ptr_array_index (sample, i);

      g_test_message ("activity %u", i + 1);
      g_assert_cmpstr (a->number, ==, b->number);
      g_assert_cmpstr (a->name, ==, b->name);
      g_assert_cmpstr (a->owner, ==, b->owner);
      g_assert_cmpstr (a->output ? a->output : "", ==, b->output ? b->output : "");
      g_assert_cmpint (a->category, ==, b->category);
      g_assert_cmpint (a->has_budget, ==, b->has_budget);
      if (a->has_budget)
        g_assert_cmpfloat_with_epsilon (a->budget, b->budget, 0.005);
      g_assert_cmpint (a->depth, ==, b->depth);
      /* A process plan's rows are activities (typed levels, DOMAIN §3b). */
      g_assert_cmpint (a->level, ==, b->level);
      g_assert_cmpint (a->level, ==, PHAEN_ACTIVITY_LEVEL_ACTIVITY);
      g_assert_cmpmem (a->marks, sizeof a->marks, b->marks, sizeof b->marks);
    }
}

static GPtrArray *
stored_activities (Fixture *f, gint64 plan_id)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *activities =
    phaen_store_list_activities (app_window_get_store (f->window), plan_id, &error);

  g_assert_no_error (error);
  return activities;
}

/* ------------------------------------------------------------------ screenshot */

/* Whether the rectangle holds text: some pixels much darker than the light theme's background. */
static guint
dark_pixels (const guchar *data, gsize stride, int x0, int y0, int x1, int y1)
{
  guint n = 0;

  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      {
        const guchar *p = data + (gsize)y * stride + (gsize)x * 4;

        n += p[0] + p[1] + p[2] < 3 * 150;
      }
  return n;
}

/* ------------------------------------------------------------------ tests */

static void
test_build_seed_000 (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  int sample_extra_months = 0;
  g_autoptr (GPtrArray) sample = sample_activities (&sample_extra_months);
  g_autoptr (GPtrArray) stored = NULL;
  g_autoptr (PhaenPlan) plan = NULL;
  GdkClipboard *clipboard;
  AppPlanPage *page;
  AppPlanGrid *grid;
  PhaenStore *store;
  gint64 plan_id;
  guint month_column0 = APP_PLAN_GRID_COLUMN_FIRST_MONTH;

  app_test_open (f->window, f->path);
  store = app_window_get_store (f->window);
  {
    g_autoptr (PhaenUnit) unit = phaen_store_find_unit (store, "กพร.", &error);
    g_autoptr (GPtrArray) plans = phaen_store_list_plans (store, unit->id, 2564, &error);

    g_assert_no_error (error);
    plan_id = ((PhaenPlan *)g_ptr_array_index (plans, 0))->id;
  }
  /* A click on the plan in the sidebar. */
  f->actions++;
  g_assert_true (app_window_show_plan (f->window, plan_id));
  settle ();
  page = app_window_get_plan_page (f->window);
  grid = APP_PLAN_GRID (app_plan_page_get_grid (page));
  g_assert_cmpuint (app_plan_grid_get_n_rows (grid), ==, 0);

  /* Activity 7 runs into the next fiscal year: one click on the months spin's +. */
  f->actions++;
  plan = phaen_store_get_plan (store, plan_id, &error);
  g_assert_no_error (error);
  plan->extra_months = 1;
  g_assert_true (phaen_store_update_plan (store, plan, &error));
  g_assert_no_error (error);
  settle ();

  /* Ctrl+C in the spreadsheet, a click in the grid, Ctrl+V: seven activities. */
  f->actions++;
  clipboard = gtk_widget_get_clipboard (GTK_WIDGET (grid));
  gdk_clipboard_set_text (clipboard, seed_000_tsv);
  gtk_widget_grab_focus (GTK_WIDGET (grid));
  f->actions++;
  act (f, grid, "grid.paste");
  g_assert_true (wait_until (has_rows, grid));
  g_assert_cmpuint (app_plan_grid_get_n_rows (grid), ==, 7);
  g_assert_cmpstr (phaen_store_get_undo_label (store), ==, _ ("Paste"));

  /* The owner down: a click on the first owner, Shift+click on the last, Ctrl+D. */
  click (f, grid, 0, APP_PLAN_GRID_COLUMN_OWNER);
  shift_click (f, grid, 6, APP_PLAN_GRID_COLUMN_OWNER);
  act (f, grid, "grid.fill-down");

  /* ม.ค.–ก.ย. of activity 4: a click on ม.ค., Shift+click on ก.ย., Space. */
  click (f, grid, 3, month_column0 + 3);
  shift_click (f, grid, 3, month_column0 + 11);
  act (f, grid, "grid.paint");

  stored = stored_activities (f, plan_id);
  assert_same_plan (stored, sample);
  {
    g_autoptr (PhaenPlan) built = phaen_store_get_plan (store, plan_id, &error);

    g_assert_no_error (error);
    g_assert_cmpint (built->extra_months, ==, sample_extra_months);
    g_assert_cmpint (built->kind, ==, PHAEN_PLAN_PROCESS);
  }
  g_test_message ("actions: %u (Excel with a template: about 65)", f->actions);
  g_assert_cmpuint (f->actions, <=, 40);

  /* Each range edit was one undo step: the paint, the fill, the paste. */
  g_assert_true (phaen_store_undo (store, &error));
  settle ();
  g_clear_pointer (&stored, g_ptr_array_unref);
  stored = stored_activities (f, plan_id);
  for (guint m = 0; m < PHAEN_MAX_MONTHS; m++)
    g_assert_cmpuint (((PhaenActivity *)g_ptr_array_index (stored, 3))->marks[m], ==, 0);
  g_assert_true (phaen_store_undo (store, &error));
  settle ();
  g_clear_pointer (&stored, g_ptr_array_unref);
  stored = stored_activities (f, plan_id);
  g_assert_cmpstr (((PhaenActivity *)g_ptr_array_index (stored, 6))->owner, ==, "");
  g_assert_cmpstr (((PhaenActivity *)g_ptr_array_index (stored, 0))->owner, ==, "กพร.");
  g_assert_true (phaen_store_undo (store, &error));
  settle ();
  g_assert_cmpuint (app_plan_grid_get_n_rows (grid), ==, 0);
}

/* At 1366×768 with the sidebar (F9) and the sections (Shift+F9) hidden, every month, the 13th
 * and a name column of 220 px or more are on screen: read from the geometry and seen in the
 * pixels of each month's header. */
static void
test_screenshot_all_months (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;
  PhaenStore *store;
  AppPlanPage *page;
  AppPlanGrid *grid;
  const AppGridColumns *columns;
  GtkAdjustment *hadjustment;
  GtkBorder border;
  graphene_point_t origin;
  gint64 plan_id;
  int width, height;
  gsize stride;

  app_test_open (f->window, f->path);
  store = app_window_get_store (f->window);
  {
    g_autoptr (PhaenUnit) unit = phaen_store_find_unit (store, "กพร.", &error);
    g_autoptr (GPtrArray) plans = phaen_store_list_plans (store, unit->id, 2564, &error);
    g_autoptr (PhaenPlan) plan = NULL;

    g_assert_no_error (error);
    plan_id = ((PhaenPlan *)g_ptr_array_index (plans, 0))->id;
    plan = phaen_store_get_plan (store, plan_id, &error);
    plan->extra_months = 1;
    g_assert_true (phaen_store_update_plan (store, plan, &error));
    g_assert_cmpint (phaen_store_add_activity (store, plan_id, 0, -1, "ศึกษากรอบการประเมิน", &error),
                     >, 0);
  }
  g_assert_true (app_window_show_plan (f->window, plan_id));
  settle ();
  page = app_window_get_plan_page (f->window);
  grid = APP_PLAN_GRID (app_plan_page_get_grid (page));

  /* F9, then Shift+F9 in the grid. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.sidebar-visible", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (grid), "plan.toggle-sections", NULL));
  settle ();
  run_for (300);
  /* Maximised on a 1366×768 screen, the window's content is 1366 px wide: without a window
   * manager (Xvfb) maximising does nothing, so the default size makes up the shadow margins. */
  {
    int w = gtk_widget_get_width (GTK_WIDGET (f->window));
    int h = gtk_widget_get_height (GTK_WIDGET (f->window));

    gtk_window_set_default_size (GTK_WINDOW (f->window), 1366 + (1366 - w), 768 + (768 - h));
    settle ();
    run_for (300);
  }
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), ==, 1366);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (f->window)), <=, 768);

  /* The cursor on the 13th month scrolls the months into view. */
  app_plan_grid_set_cursor (grid, 0, APP_PLAN_GRID_COLUMN_FIRST_MONTH + 12);
  settle ();
  run_for (200);

  columns = app_plan_grid_get_columns (grid);
  hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (grid));
  g_assert_true (gtk_scrollable_get_border (GTK_SCROLLABLE (grid), &border));
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (grid), GTK_WIDGET (f->window),
                                           &GRAPHENE_POINT_INIT (0, 0), &origin));
  g_assert_cmpfloat (columns->width[APP_PLAN_GRID_COLUMN_NAME], >=, 220);
  g_assert_cmpuint (columns->n_months, ==, 13);

  texture = app_test_screenshot (GTK_WIDGET (f->window), "plan-grid-1366x768.png");
  width = gdk_texture_get_width (texture);
  height = gdk_texture_get_height (texture);
  stride = (gsize)width * 4;
  pixels = g_malloc (stride * (gsize)height);
  gdk_texture_download (texture, pixels, stride);

  for (guint m = 0; m < 13; m++)
    {
      guint c = APP_PLAN_GRID_COLUMN_FIRST_MONTH + m;
      double x0 = columns->x[c] - gtk_adjustment_get_value (hadjustment);
      double x1 = x0 + columns->width[c];
      int wx0 = (int)(origin.x + x0), wx1 = (int)(origin.x + x1);
      int wy0 = (int)(origin.y + border.top * 2 / 3), wy1 = (int)(origin.y + border.top - 2);

      g_test_message ("month %u: x %.0f–%.0f of %d", m, x0, x1,
                      gtk_widget_get_width (GTK_WIDGET (grid)));
      /* Whole, right of the frozen number and name columns, inside the grid and the window. */
      g_assert_cmpfloat (x0, >=, columns->frozen_width);
      g_assert_cmpfloat (x1, <=, gtk_widget_get_width (GTK_WIDGET (grid)));
      g_assert_cmpint (wx1, <=, width);
      /* Its header ("ต.ค.63" … "ต.ค.64") is drawn there. */
      g_assert_cmpuint (dark_pixels (pixels, stride, wx0 + 2, wy0, wx1 - 2, wy1), >, 10);
    }
}

/* "2021" typed as the fiscal year is offered as พ.ศ. 2564; 2700 is accepted with a warning. */
static void
test_new_plan_year (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();
  g_autoptr (PhaenPlan) plan = NULL;
  AppNewPlanDialog *dialog;
  AdwEntryRow *year_row;
  PhaenStore *store;
  gint64 plan_id;

  app_test_open (f->window, f->path);
  store = app_window_get_store (f->window);
  dialog = app_new_plan_dialog_new (GTK_WINDOW (f->window), store, 0);
  collect_widgets (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, rows);
  g_assert_cmpuint (rows->len, ==, 4); /* unit, its name, the year, the title */
  year_row = g_ptr_array_index (rows, 2);
  gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (rows, 0)), "สตป.");
  gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (rows, 1)), "สำนักตรวจสอบและประเมินผล");

  gtk_editable_set_text (GTK_EDITABLE (year_row), "2021");
  g_assert_nonnull (
    strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (year_row)), "2564"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (year_row), "warning"));
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "create"));

  gtk_editable_set_text (GTK_EDITABLE (year_row), "2700");
  g_assert_nonnull (
    strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (year_row)), "2700"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (year_row), "warning"));

  gtk_editable_set_text (GTK_EDITABLE (year_row), "64");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (year_row), "error"));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "create"));

  gtk_editable_set_text (GTK_EDITABLE (year_row), "2021");
  plan_id = app_new_plan_dialog_create (dialog, &error);
  g_assert_no_error (error);
  plan = phaen_store_get_plan (store, plan_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (plan->fiscal_year, ==, 2564);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The widths given to the grid's columns are remembered (grid-column-widths) and come back when
 * a plan is shown; fitting a column forgets its width. */
static void
test_remembered_widths (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GSettings) settings = app_settings_new ();
  g_autoptr (GVariant) after = NULL;
  AppPlanGrid *grid;
  PhaenStore *store;
  gint64 plan_id;
  double width;

  g_settings_set_value (settings, "grid-column-widths",
                        g_variant_new_parsed ("{'name': 333.0, 'owner': 150.0}"));
  app_test_open (f->window, f->path);
  store = app_window_get_store (f->window);
  {
    g_autoptr (PhaenUnit) unit = phaen_store_find_unit (store, "กพร.", &error);
    g_autoptr (GPtrArray) plans = phaen_store_list_plans (store, unit->id, 2564, &error);

    g_assert_no_error (error);
    plan_id = ((PhaenPlan *)g_ptr_array_index (plans, 0))->id;
    g_assert_cmpint (phaen_store_add_activity (store, plan_id, 0, -1, "ศึกษากรอบการประเมิน", &error),
                     >, 0);
  }
  g_assert_true (app_window_show_plan (f->window, plan_id));
  settle ();
  grid = APP_PLAN_GRID (app_plan_page_get_grid (app_window_get_plan_page (f->window)));
  g_assert_cmpfloat (app_plan_grid_get_columns (grid)->width[APP_PLAN_GRID_COLUMN_NAME], ==, 333);
  g_assert_cmpfloat (app_plan_grid_get_columns (grid)->width[APP_PLAN_GRID_COLUMN_OWNER], ==, 150);

  /* Alt+Shift+→ on the budget: remembered; Alt+Shift+↓ on the name: forgotten. */
  app_plan_grid_set_cursor (grid, 0, APP_PLAN_GRID_COLUMN_BUDGET);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (grid), "grid.column-wider", NULL));
  app_plan_grid_set_cursor (grid, 0, APP_PLAN_GRID_COLUMN_NAME);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (grid), "grid.column-fit", NULL));
  settle ();
  after = g_settings_get_value (settings, "grid-column-widths");
  g_assert_true (g_variant_lookup (after, "budget", "d", &width));
  g_assert_cmpfloat (width, ==,
                     app_plan_grid_get_columns (grid)->width[APP_PLAN_GRID_COLUMN_BUDGET]);
  g_assert_true (g_variant_lookup (after, "owner", "d", &width));
  g_assert_cmpfloat (width, ==, 150);
  g_assert_false (g_variant_lookup (after, "name", "d", &width));
  g_settings_reset (settings, "grid-column-widths");
}

int
main (int argc, char **argv)
{
  if (!app_test_init (&argc, &argv))
    return 0;
  g_test_add ("/plan-speed/build-seed-000", Fixture, NULL, fixture_set_up, test_build_seed_000,
              fixture_tear_down);
  g_test_add ("/plan-speed/screenshot-1366x768", Fixture, NULL, fixture_set_up,
              test_screenshot_all_months, fixture_tear_down);
  g_test_add ("/plan-speed/new-plan-year", Fixture, NULL, fixture_set_up, test_new_plan_year,
              fixture_tear_down);
  g_test_add ("/plan-speed/remembered-widths", Fixture, NULL, fixture_set_up,
              test_remembered_widths, fixture_tear_down);
  return g_test_run ();
}
