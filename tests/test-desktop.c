/* test-desktop.c — Phaen as a desktop citizen, in the real window under a display: the shortcuts
 * table (installed and listed), help, About, the language switched without a restart, and what
 * the accessibility tree says of the plan grid, the Gantt chart and the icon-only buttons
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-test-desktop"

#include "config.h"

#include <glib/gi18n.h>

#include "app-application.h"
#include "app-gantt-view.h"
#include "app-help-window.h"
#include "app-plan-grid-a11y.h"
#include "app-plan-grid.h"
#include "app-plan-page.h"
#include "app-shortcuts.h"
#include "app-test-util.h"
#include "app-window.h"
#include "phaen-xlsx.h"

typedef struct
{
  char *dir;
  char *path;
  AppApplication *app;
  AppWindow *window;
} Fixture;

/* ------------------------------------------------------------------ helpers */

static gint64
first_plan (PhaenStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenUnit) unit = phaen_store_find_unit (store, "กพร.", &error);
  g_autoptr (GPtrArray) plans = NULL;

  g_assert_no_error (error);
  plans = phaen_store_list_plans (store, unit->id, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plans->len, >, 0);
  return ((PhaenPlan *)g_ptr_array_index (plans, 0))->id;
}

static AppPlanPage *
show_plan (Fixture *fixture, gint64 *plan_id)
{
  app_test_open (fixture->window, fixture->path);
  *plan_id = first_plan (app_window_get_store (fixture->window));
  g_assert_true (app_window_show_plan (fixture->window, *plan_id));
  settle ();
  return app_window_get_plan_page (fixture->window);
}

/* The toplevel of @type, if one is shown. (transfer none) */
static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type) &&
          gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return toplevel;
    }
  return NULL;
}

/* Whether @accels has @accel, however GTK spells the modifiers. */
static gboolean
strv_has (char **accels, const char *accel)
{
  guint key, other_key;
  GdkModifierType mods, other_mods;

  g_assert_true (gtk_accelerator_parse (accel, &key, &mods));
  for (guint i = 0; accels != NULL && accels[i] != NULL; i++)
    if (gtk_accelerator_parse (accels[i], &other_key, &other_mods) && other_key == key &&
        other_mods == mods)
      return TRUE;
  return FALSE;
}

/* Whether @widget's class shortcuts bind @accel (gtk_accelerator_parse syntax) to @action. */
static gboolean
has_binding (GtkWidget *widget, const char *accel, const char *action)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autofree char *wanted_action = g_strdup_printf ("action(%s)", action);
  guint key;
  GdkModifierType mods;

  g_assert_true (gtk_accelerator_parse (accel, &key, &mods));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr (GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autoptr (GtkShortcutTrigger) wanted = gtk_keyval_trigger_new (key, mods);
          g_autofree char *shortcut_action =
            gtk_shortcut_action_to_string (gtk_shortcut_get_action (shortcut));

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted) &&
              g_str_equal (shortcut_action, wanted_action))
            return TRUE;
        }
    }
  return FALSE;
}

static void
assert_property (GtkWidget *widget, GtkAccessibleProperty property, const char *expected)
{
  GValue value = G_VALUE_INIT;
  g_autofree char *failure = NULL;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, expected);
  failure = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), property, expected);
  if (failure != NULL)
    g_error ("%s: accessible property %d is “%s”, not “%s”", G_OBJECT_TYPE_NAME (widget), property,
             failure, expected);
  g_value_unset (&value);
}

/* ------------------------------------------------------------------ fixture */

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  fixture->dir = app_test_sample_new ("phaen-desktop-XXXXXX", &fixture->path);
  fixture->window = app_test_window_present (&fixture->app, 0, 0);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  /* Help, shortcuts and About windows the test opened go too. */
  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr (GtkWindow) toplevel = g_list_model_get_item (toplevels, i - 1);

      if (toplevel != GTK_WINDOW (fixture->window))
        gtk_window_destroy (toplevel);
    }
  app_test_window_close (&fixture->window, &fixture->app);
  app_test_sample_remove (&fixture->dir, &fixture->path);
}

/* ------------------------------------------------------------------ shortcuts */

/* Every row of the table is installed where it says: application accelerators, or bindings of
 * the widget class named in the row; and the shortcuts window lists every titled row. */
static void
test_shortcuts_table (Fixture *fixture, gconstpointer data)
{
  guint n;
  const AppShortcut *shortcuts = app_shortcuts_get (&n);
  gint64 plan_id;
  AppPlanPage *page = show_plan (fixture, &plan_id);
  GtkWidget *grid = app_plan_page_get_grid (page);
  guint listed = 0, installed = 0;

  for (guint i = 0; i < n; i++)
    {
      g_auto (GStrv) accels = g_strsplit (shortcuts[i].accels, " ", -1);
      g_auto (GStrv) set = NULL;
      GtkWidget *widget = NULL;

      if (shortcuts[i].title != NULL)
        listed++;
      if (g_str_equal (shortcuts[i].scope, "keys"))
        continue;
      if (g_str_equal (shortcuts[i].scope, "app"))
        set = gtk_application_get_accels_for_action (GTK_APPLICATION (fixture->app),
                                                     shortcuts[i].action);
      else if (g_str_equal (shortcuts[i].scope, "AppPlanGrid"))
        widget = grid;
      else if (g_str_equal (shortcuts[i].scope, "AppPlanPage"))
        widget = GTK_WIDGET (page);
      else if (g_str_equal (shortcuts[i].scope, "AppWindow"))
        widget = GTK_WIDGET (fixture->window);
      else if (g_str_equal (shortcuts[i].scope, "AppBudgetPage"))
        widget = GTK_WIDGET (app_window_get_budget_page (fixture->window));
      else
        g_error ("A shortcut for %s has an unknown scope %s", shortcuts[i].action,
                 shortcuts[i].scope);
      for (guint j = 0; accels[j] != NULL; j++)
        {
          if (widget == NULL && !strv_has (set, accels[j]))
            g_error ("%s is not an accelerator of %s", accels[j], shortcuts[i].action);
          else if (widget != NULL && !has_binding (widget, accels[j], shortcuts[i].action))
            g_error ("%s is not bound to %s on %s", accels[j], shortcuts[i].action,
                     shortcuts[i].scope);
          installed++;
        }
    }
  g_assert_cmpuint (installed, >=, 20);

  /* The window lists the rows, translated (Thai first). */
  {
    g_autofree char *ui = app_shortcuts_window_ui ();
    g_autoptr (GtkBuilder) builder = gtk_builder_new_from_string (ui, -1);
    GtkWidget *window = GTK_WIDGET (gtk_builder_get_object (builder, "shortcuts"));
    g_autoptr (GPtrArray) found = g_ptr_array_new ();
    g_autofree char *first_title = NULL;

    g_assert_true (GTK_IS_SHORTCUTS_WINDOW (window));
    /* The section's own rows; the window's search page holds copies. */
    collect_widgets (find_widget (window, GTK_TYPE_SHORTCUTS_SECTION), GTK_TYPE_SHORTCUTS_SHORTCUT,
                     found);
    g_assert_cmpuint (found->len, ==, listed);
    /* Each listed row is a row of the table, in Thai. */
    for (guint k = 0; k < found->len; k++)
      {
        g_autofree char *title = NULL;
        gboolean in_table = FALSE;

        g_object_get (found->pdata[k], "title", &title, NULL);
        for (guint i = 0; i < n && !in_table; i++)
          in_table = shortcuts[i].title != NULL && g_str_equal (title, _ (shortcuts[i].title));
        g_assert_true (in_table);
        if (g_str_equal (title, "สร้างแฟ้มงานใหม่"))
          first_title = g_strdup (title);
      }
    g_assert_nonnull (first_title);
    gtk_window_destroy (GTK_WINDOW (window));
  }

  /* Ctrl+? and F1 are bound; the actions open their windows. */
  {
    g_auto (GStrv) help =
      gtk_application_get_accels_for_action (GTK_APPLICATION (fixture->app), "app.help");
    g_auto (GStrv) keys =
      gtk_application_get_accels_for_action (GTK_APPLICATION (fixture->app), "app.shortcuts");

    g_assert_true (strv_has (help, "F1"));
    g_assert_true (strv_has (keys, "<Control>question"));
  }
  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "shortcuts", NULL);
  settle ();
  g_assert_nonnull (find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW));
}

/* F1's help, and About with the app's own icon, its website and licence. */
static void
test_help_and_about (Fixture *fixture, gconstpointer data)
{
  GtkWindow *help;
  GtkWindow *about;
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();
  g_autofree char *icon = NULL;
  g_autofree char *website = NULL;
  GtkLicense license;
  gboolean planning = FALSE, reporting = FALSE;

  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "help", NULL);
  settle ();
  help = find_toplevel (APP_TYPE_HELP_WINDOW);
  g_assert_nonnull (help);
  collect_widgets (GTK_WIDGET (help), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      const char *text = gtk_label_get_text (labels->pdata[i]);

      planning = planning || g_str_equal (text, "การจัดทำแผนประจำปีงบประมาณ");
      reporting = reporting || g_str_equal (text, "การรายงานผลรายไตรมาส");
    }
  g_assert_true (planning && reporting);

  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "about", NULL);
  settle ();
  about = find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  g_object_get (about, "application-icon", &icon, "website", &website, "license-type", &license,
                NULL);
  g_assert_cmpstr (icon, ==, APP_ID);
  g_assert_cmpstr (website, ==, "https://github.com/phaen/phaen");
  g_assert_cmpint (license, ==, GTK_LICENSE_GPL_3_0);
  /* The icon is found by name, installed or not (the resources carry it). */
  g_assert_true (gtk_icon_theme_has_icon (
    gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (about))), APP_ID));
  g_assert_cmpstr (gtk_window_get_default_icon_name (), ==, APP_ID);
}

/* ------------------------------------------------------------------ language */

static gboolean
window_replaced (gpointer data)
{
  Fixture *fixture = data;
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (fixture->app));

  return APP_IS_WINDOW (active) && active != GTK_WINDOW (fixture->window);
}

/* The window now in the application, in place of the fixture's: the fixture owns it from here. */
static void
take_new_window (Fixture *fixture)
{
  g_assert_true (wait_until (window_replaced, fixture));
  g_clear_object (&fixture->window);
  fixture->window =
    g_object_ref (APP_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (fixture->app))));
  settle ();
}

static char *
shown_column_title (Fixture *fixture)
{
  AppPlanPage *page = app_window_get_plan_page (fixture->window);

  return app_plan_grid_get_column_title (APP_PLAN_GRID (app_plan_page_get_grid (page)),
                                         APP_PLAN_GRID_COLUMN_NAME);
}

/* English from the menu at once, on the same workspace and plan, and back to Thai. */
static void
test_language_switch (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GSettings) settings = app_settings_new ();
  gint64 plan_id;
  PhaenStore *store;
  g_autofree char *thai = NULL;
  g_autofree char *english = NULL;
  g_autofree char *again = NULL;
  g_autofree char *undo_label = NULL;

  show_plan (fixture, &plan_id);
  store = app_window_get_store (fixture->window);
  thai = shown_column_title (fixture);
  g_assert_cmpstr (thai, ==, "กิจกรรม");

  g_assert_true (
    gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.language", "s", "en"));
  take_new_window (fixture);
  g_assert_true (app_window_get_store (fixture->window) == store);
  g_assert_cmpint (app_plan_page_get_plan_id (app_window_get_plan_page (fixture->window)), ==,
                   plan_id);
  english = shown_column_title (fixture);
  g_assert_cmpstr (english, ==, "Activity");
  g_assert_cmpstr (gettext ("Undo"), ==, "Undo");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (gtk_widget_get_template_child (
                     GTK_WIDGET (fixture->window), APP_TYPE_WINDOW, "undo_button"))),
                   ==, "Undo");

  /* An official form exported from the English interface keeps its Thai wording. */
  {
    PhaenXlsxOptions options;
    g_autoptr (GError) error = NULL;
    g_autofree char *xlsx = g_build_filename (fixture->dir, "plan.xlsx", NULL);
    g_autofree char *strings = NULL;
    const char *argv[] = { "unzip", "-p", xlsx, "xl/sharedStrings.xml", NULL };

    phaen_xlsx_options_init (&options, PHAEN_XLSX_FORM_PLAN);
    options.plan_id = plan_id;
    g_assert_true (phaen_xlsx_export (store, &options, xlsx, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                 &strings, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_nonnull (strstr (strings, "แผนการปรับปรุงกระบวนการตามภารกิจของ"));
    g_assert_nonnull (strstr (strings, "ประจำปีงบประมาณ พ.ศ. 2564"));
    g_assert_null (strstr (strings, "Fiscal year"));
  }

  g_settings_set_string (settings, "language", "th");
  take_new_window (fixture);
  again = shown_column_title (fixture);
  g_assert_cmpstr (again, ==, "กิจกรรม");
  undo_label = g_strdup (gettext ("Undo"));
  g_assert_cmpstr (undo_label, ==, "เลิกทำ");
  g_settings_reset (settings, "language");
}

/* LANG=en shows English until the user chooses; a choice wins over the system. */
static void
test_language_system (void)
{
  g_autoptr (GSettings) settings = app_settings_new ();
  g_autofree char *c_utf8 = NULL;
  g_autofree char *english = NULL;
  g_autofree char *chosen = NULL;

  g_settings_reset (settings, "language");
  c_utf8 = app_settings_get_language (settings); /* LC_ALL=C.UTF-8: Thai first */
  g_assert_cmpstr (c_utf8, ==, "th");
  g_setenv ("LC_ALL", "en_US.UTF-8", TRUE);
  english = app_settings_get_language (settings);
  g_assert_cmpstr (english, ==, "en");
  g_settings_set_string (settings, "language", "th");
  chosen = app_settings_get_language (settings);
  g_assert_cmpstr (chosen, ==, "th");
  g_settings_reset (settings, "language");
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
}

/* ------------------------------------------------------------------ accessibility */

/* The grid is a labelled grid, and every cursor move puts the focused cell — row, column
 * heading, value, marks — into its accessible description. */
static void
test_a11y_grid (Fixture *fixture, gconstpointer data)
{
  gint64 plan_id;
  AppPlanPage *page = show_plan (fixture, &plan_id);
  GtkWidget *grid = app_plan_page_get_grid (page);
  guint n = app_plan_grid_get_n_rows (APP_PLAN_GRID (grid));
  g_autofree char *name_cell = NULL;
  g_autofree char *month_cell = NULL;
  g_autofree char *name = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *failure = NULL;
  guint marked_month = APP_PLAN_GRID_N_COLUMNS;

  g_assert_cmpuint (n, >, 1);
  failure = gtk_test_accessible_has_role (GTK_ACCESSIBLE (grid), GTK_ACCESSIBLE_ROLE_GRID)
              ? NULL
              : g_strdup ("role");
  g_assert_null (failure);
  assert_property (grid, GTK_ACCESSIBLE_PROPERTY_LABEL, "ตารางแผน");

  app_plan_grid_set_cursor (APP_PLAN_GRID (grid), 1, APP_PLAN_GRID_COLUMN_NAME);
  name = app_plan_grid_get_cell_text (APP_PLAN_GRID (grid), 1, APP_PLAN_GRID_COLUMN_NAME);
  name_cell = app_plan_grid_a11y_describe_cell (APP_PLAN_GRID (grid), 1, APP_PLAN_GRID_COLUMN_NAME);
  g_assert_nonnull (strstr (name_cell, "แถวที่ 2 จาก"));
  g_assert_nonnull (strstr (name_cell, "กิจกรรม: "));
  g_assert_nonnull (strstr (name_cell, name));
  assert_property (grid, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, name_cell);

  /* A month the row has marks in: the heading and the marks in words. */
  for (guint c = APP_PLAN_GRID_COLUMN_FIRST_MONTH; c < APP_PLAN_GRID_COLUMN_OUTPUT; c++)
    {
      g_autofree char *marks = app_plan_grid_get_cell_text (APP_PLAN_GRID (grid), 0, c);

      if (strstr (marks, "■") != NULL)
        {
          marked_month = c;
          break;
        }
    }
  g_assert_cmpuint (marked_month, <, APP_PLAN_GRID_COLUMN_OUTPUT);
  /* The cursor moves with the keyboard, as a user moves it. */
  app_plan_grid_set_cursor (APP_PLAN_GRID (grid), 1, marked_month);
  gtk_widget_grab_focus (grid);
  app_plan_grid_set_cursor (APP_PLAN_GRID (grid), 0, marked_month);
  month_cell = app_plan_grid_a11y_describe_cell (APP_PLAN_GRID (grid), 0, marked_month);
  {
    g_autofree char *heading = app_plan_grid_get_column_title (APP_PLAN_GRID (grid), marked_month);
    g_autofree char *heading_part = g_strdup_printf ("; %s: ", heading);

    g_assert_nonnull (strstr (month_cell, heading_part));
  }
  g_assert_nonnull (strstr (month_cell, "วางแผนไว้"));
  assert_property (grid, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, month_cell);
  g_assert_cmpstr (name_cell, !=, month_cell);
}

/* The Gantt chart's text alternative is the table it draws. */
static void
test_a11y_gantt (Fixture *fixture, gconstpointer data)
{
  gint64 plan_id;
  AppPlanPage *page = show_plan (fixture, &plan_id);
  GtkWidget *gantt = app_plan_page_get_gantt (page);
  GtkWidget *grid = app_plan_page_get_grid (page);
  g_autofree char *text = NULL;
  g_autofree char *name =
    app_plan_grid_get_cell_text (APP_PLAN_GRID (grid), 0, APP_PLAN_GRID_COLUMN_NAME);

  g_object_set (page, "view", "gantt", NULL);
  settle ();
  g_assert_nonnull (app_gantt_view_get_chart (APP_GANTT_VIEW (gantt)));
  text = phaen_gantt_describe (app_gantt_view_get_chart (APP_GANTT_VIEW (gantt)));
  g_assert_nonnull (strstr (text, name));
  g_assert_nonnull (strstr (text, "วางแผนไว้: "));
  assert_property (gantt, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text);
  assert_property (gantt, GTK_ACCESSIBLE_PROPERTY_LABEL, "แผนภูมิแกนต์ของแผน");
}

/* Every button that shows only an icon has an accessible label, on every page of the window. */
static void
test_a11y_icon_buttons (Fixture *fixture, gconstpointer data)
{
  gint64 plan_id;
  AppPlanPage *page = show_plan (fixture, &plan_id);
  g_autoptr (GPtrArray) buttons = g_ptr_array_new ();
  guint icon_only = 0;

  g_assert_nonnull (page);
  collect_widgets (GTK_WIDGET (fixture->window), GTK_TYPE_BUTTON, buttons);
  collect_widgets (GTK_WIDGET (fixture->window), GTK_TYPE_MENU_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = buttons->pdata[i];
      GtkWidget *child = GTK_IS_BUTTON (button) ? gtk_button_get_child (GTK_BUTTON (button)) : NULL;
      gboolean inside_menu_button = GTK_IS_MENU_BUTTON (gtk_widget_get_parent (button));

      if (GTK_IS_MENU_BUTTON (button))
        {
          if (gtk_menu_button_get_label (GTK_MENU_BUTTON (button)) != NULL ||
              gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (button)) == NULL)
            continue;
        }
      else if (inside_menu_button || !GTK_IS_IMAGE (child))
        continue;
      /* GTK's own: the window's buttons label themselves; a spin button's +/− are not
       * focusable, the spin button is the control a screen reader reads. */
      if (gtk_widget_get_ancestor (button, GTK_TYPE_WINDOW_CONTROLS) != NULL ||
          GTK_IS_SPIN_BUTTON (gtk_widget_get_parent (button)))
        continue;
      /* libadwaita 1.2's own: an entry row's apply button (tooltip “Apply”, shown while the
       * text is edited) is not ours to label. */
      if (gtk_widget_get_ancestor (button, ADW_TYPE_ENTRY_ROW) != NULL)
        continue;
      icon_only++;
      if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (button),
                                             GTK_ACCESSIBLE_PROPERTY_LABEL))
        g_error ("An icon-only %s (%s, in a %s) has no accessible label",
                 G_OBJECT_TYPE_NAME (button), gtk_widget_get_tooltip_text (button),
                 G_OBJECT_TYPE_NAME (gtk_widget_get_parent (button)));
    }
  g_assert_cmpuint (icon_only, >=, 12);
}

/* ------------------------------------------------------------------ main */

int
main (int argc, char **argv)
{
  if (!app_test_init (&argc, &argv))
    return 0;

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/desktop/shortcuts/table", test_shortcuts_table);
  ADD ("/desktop/help-and-about", test_help_and_about);
  ADD ("/desktop/language/switch", test_language_switch);
  g_test_add_func ("/desktop/language/system", test_language_system);
  ADD ("/desktop/a11y/grid", test_a11y_grid);
  ADD ("/desktop/a11y/gantt", test_a11y_gantt);
  ADD ("/desktop/a11y/icon-buttons", test_a11y_icon_buttons);
#undef ADD
  return g_test_run ();
}
