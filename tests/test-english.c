/* test-english.c — LANG=en shows no Thai outside official document titles and the workspace's
 * own data: the real window in English on the sample workspace, every page (plan grid, Gantt
 * chart, indicators, results, dashboard, efficiency report, PMQA categories 1–6 and 7) and every
 * window and dialog the menus open (new plan, send to units, help, shortcuts, About), every
 * label, button, tooltip, title, placeholder, menu item and list item read, the grid's column
 * headings and the Gantt chart's text alternative too. A text passes when no Thai is left once
 * every value stored in the workspace and every official plan title is taken out of it.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-test-english"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "app-gantt-view.h"
#include "app-plan-grid.h"
#include "app-plan-page.h"
#include "app-test-util.h"
#include "phaen-chart-gantt.h"
#include "phaen-official.h"

typedef struct
{
  char *dir;
  char *path;
  AppApplication *app;
  AppWindow *window;
  GPtrArray *allowed;  /* data and official titles, longest first */
  GHashTable *checked; /* texts already read */
  guint n_leaks;       /* texts with Thai left over, each in a test message */
  guint n_texts;
} Fixture;

/* ------------------------------------------------------------------ what may stay Thai */

static int
longest_first (gconstpointer a, gconstpointer b)
{
  size_t la = strlen (*(const char **)a), lb = strlen (*(const char **)b);

  return la < lb ? 1 : la > lb ? -1 : 0;
}

static gboolean
has_thai (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0x0E00 && c <= 0x0E7F)
        return TRUE;
    }
  return FALSE;
}

static void
allow (Fixture *fixture, const char *text)
{
  if (text != NULL && has_thai (text))
    g_ptr_array_add (fixture->allowed, g_strdup (text));
}

/* Every text value stored in the workspace (names, titles, notes, criteria, PMQA wording) and
 * the official plan titles: the data the interface shows as it is. */
static void
collect_allowed (Fixture *fixture)
{
  sqlite3 *db;
  sqlite3_stmt *tables;

  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT name FROM sqlite_master WHERE type = 'table' AND "
                                       "name NOT LIKE 'sqlite_%'",
                                       -1, &tables, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      g_autofree char *sql =
        g_strdup_printf ("SELECT * FROM \"%s\"", sqlite3_column_text (tables, 0));
      sqlite3_stmt *rows;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &rows, NULL), ==, SQLITE_OK);
      while (sqlite3_step (rows) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (rows); c++)
          if (sqlite3_column_type (rows, c) == SQLITE_TEXT)
            {
              const char *value = (const char *)sqlite3_column_text (rows, c);
              g_auto (GStrv) lines = g_strsplit (value, "\n", -1);

              allow (fixture, value);
              /* A text shown line by line, or a line of it as a title. */
              for (guint i = 0; lines[i] != NULL; i++)
                allow (fixture, g_strstrip (lines[i]));
            }
      sqlite3_finalize (rows);
    }
  sqlite3_finalize (tables);
  sqlite3_close (db);

  /* The PMQA 4.0 criteria as published (data/pmqa): categories, topics, statements and level
   * meanings are official wording, printed as the Office of the Public Sector Development
   * Commission wrote them. */
  {
    g_autofree char *edition =
      g_test_build_filename (G_TEST_DIST, "..", "data", "pmqa", "pmqa-4.0-2567.json", NULL);
    g_autoptr (JsonParser) parser = json_parser_new ();
    g_autoptr (GError) error = NULL;
    GPtrArray *stack = g_ptr_array_new ();

    json_parser_load_from_file (parser, edition, &error);
    g_assert_no_error (error);
    g_ptr_array_add (stack, json_parser_get_root (parser));
    while (stack->len > 0)
      {
        JsonNode *node = g_ptr_array_steal_index (stack, stack->len - 1);

        if (JSON_NODE_HOLDS_OBJECT (node))
          {
            g_autoptr (GList) members = json_object_get_values (json_node_get_object (node));

            for (GList *l = members; l != NULL; l = l->next)
              g_ptr_array_add (stack, l->data);
          }
        else if (JSON_NODE_HOLDS_ARRAY (node))
          {
            g_autoptr (GList) elements = json_array_get_elements (json_node_get_array (node));

            for (GList *l = elements; l != NULL; l = l->next)
              g_ptr_array_add (stack, l->data);
          }
        else if (json_node_get_value_type (node) == G_TYPE_STRING)
          allow (fixture, json_node_get_string (node));
      }
    g_ptr_array_unref (stack);
  }
  /* Thai on purpose: the language menu offers Thai in its own name, and the option of Thai
   * digits shows what they look like. */
  allow (fixture, "ไทย");
  allow (fixture, "๐๑๒๓");
  /* Official document titles: the kinds of plan as the forms name them. */
  for (int kind = 0; kind <= 2; kind++)
    allow (fixture, phaen_official_plan_kind (kind));
  g_ptr_array_sort (fixture->allowed, longest_first);
}

/* ------------------------------------------------------------------ reading texts */

static void
check_text (Fixture *fixture, const char *where, const char *text)
{
  g_autofree char *rest = NULL;

  if (text == NULL || *text == '\0')
    return;
  fixture->n_texts++;
  if (!has_thai (text) || g_hash_table_contains (fixture->checked, text))
    return;
  g_hash_table_add (fixture->checked, g_strdup (text));
  rest = g_strdup (text);
  for (guint i = 0; i < fixture->allowed->len && has_thai (rest); i++)
    {
      const char *data = fixture->allowed->pdata[i];

      if (strstr (rest, data) != NULL)
        {
          g_auto (GStrv) parts = g_strsplit (rest, data, -1);

          g_free (rest);
          rest = g_strjoinv (" ", parts);
        }
    }
  if (has_thai (rest))
    {
      g_test_message ("Thai in the English interface: %s: “%s”", where, text);
      fixture->n_leaks++;
    }
}

static void
check_model_strings (Fixture *fixture, const char *where, GListModel *model)
{
  if (!GTK_IS_STRING_LIST (model))
    return;
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    check_text (fixture, where, gtk_string_list_get_string (GTK_STRING_LIST (model), i));
}

static void
check_menu (Fixture *fixture, const char *where, GMenuModel *menu)
{
  for (int i = 0; menu != NULL && i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *label = NULL;
      g_autoptr (GMenuLinkIter) links = g_menu_model_iterate_item_links (menu, i);

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        check_text (fixture, where, label);
      while (g_menu_link_iter_next (links))
        {
          g_autoptr (GMenuModel) link = g_menu_link_iter_get_value (links);

          check_menu (fixture, where, link);
        }
    }
}

/* Every text @root and what is under it show. */
static void
check_widget (Fixture *fixture, GtkWidget *widget)
{
  const char *type = G_OBJECT_TYPE_NAME (widget);

  check_text (fixture, type, gtk_widget_get_tooltip_text (widget));
  if (GTK_IS_LABEL (widget))
    check_text (fixture, type, gtk_label_get_text (GTK_LABEL (widget)));
  else if (GTK_IS_BUTTON (widget))
    check_text (fixture, type, gtk_button_get_label (GTK_BUTTON (widget)));
  else if (GTK_IS_MENU_BUTTON (widget))
    {
      check_text (fixture, type, gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)));
      check_menu (fixture, "menu", gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)));
    }
  else if (GTK_IS_CHECK_BUTTON (widget))
    check_text (fixture, type, gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)));
  else if (GTK_IS_WINDOW (widget))
    check_text (fixture, type, gtk_window_get_title (GTK_WINDOW (widget)));
  else if (ADW_IS_WINDOW_TITLE (widget))
    {
      check_text (fixture, type, adw_window_title_get_title (ADW_WINDOW_TITLE (widget)));
      check_text (fixture, type, adw_window_title_get_subtitle (ADW_WINDOW_TITLE (widget)));
    }
  else if (ADW_IS_STATUS_PAGE (widget))
    {
      check_text (fixture, type, adw_status_page_get_title (ADW_STATUS_PAGE (widget)));
      check_text (fixture, type, adw_status_page_get_description (ADW_STATUS_PAGE (widget)));
    }
  else if (GTK_IS_ENTRY (widget))
    check_text (fixture, type, gtk_entry_get_placeholder_text (GTK_ENTRY (widget)));
  else if (GTK_IS_TEXT (widget))
    check_text (fixture, type, gtk_text_get_placeholder_text (GTK_TEXT (widget)));
  else if (GTK_IS_DROP_DOWN (widget))
    check_model_strings (fixture, type, gtk_drop_down_get_model (GTK_DROP_DOWN (widget)));
  else if (APP_IS_PLAN_GRID (widget))
    for (guint c = 0; c < APP_PLAN_GRID_N_COLUMNS; c++)
      {
        g_autofree char *title = app_plan_grid_get_column_title (APP_PLAN_GRID (widget), c);

        check_text (fixture, "plan grid heading", title);
      }
  else if (APP_IS_GANTT_VIEW (widget) && app_gantt_view_get_chart (APP_GANTT_VIEW (widget)))
    {
      g_autofree char *text =
        phaen_gantt_describe (app_gantt_view_get_chart (APP_GANTT_VIEW (widget)));
      g_auto (GStrv) lines = g_strsplit (text, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        check_text (fixture, "Gantt chart", lines[i]);
    }
  if (ADW_IS_PREFERENCES_ROW (widget))
    check_text (fixture, type, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));
  if (ADW_IS_ACTION_ROW (widget))
    check_text (fixture, type, adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)));
  if (ADW_IS_EXPANDER_ROW (widget))
    check_text (fixture, type, adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (widget)));
  if (ADW_IS_COMBO_ROW (widget))
    check_model_strings (fixture, type, adw_combo_row_get_model (ADW_COMBO_ROW (widget)));
  if (ADW_IS_MESSAGE_DIALOG (widget))
    {
      check_text (fixture, type, adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (widget)));
      check_text (fixture, type, adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (widget)));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_widget (fixture, child);
}

/* Every toplevel of the application: the window and whatever it opened. */
static void
check_toplevels (Fixture *fixture)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

      if (gtk_widget_get_visible (toplevel))
        check_widget (fixture, toplevel);
    }
}

/* Closes every toplevel but the main window. */
static void
close_others (Fixture *fixture)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr (GtkWindow) toplevel = g_list_model_get_item (toplevels, i - 1);

      if (toplevel == GTK_WINDOW (fixture->window))
        continue;
      /* A file chooser belongs to its GtkFileChooserNative: cancelled, not destroyed. */
      if (GTK_IS_DIALOG (toplevel))
        gtk_dialog_response (GTK_DIALOG (toplevel), GTK_RESPONSE_CANCEL);
      else
        gtk_window_destroy (toplevel);
    }
  settle ();
}

/* ------------------------------------------------------------------ the walk */

static gint64
unit_id (PhaenStore *store, const char *abbr)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenUnit) unit = phaen_store_find_unit (store, abbr, &error);

  g_assert_no_error (error);
  return unit->id;
}

static gint64
first_plan (PhaenStore *store, gint64 unit)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) plans = phaen_store_list_plans (store, unit, 0, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (plans->len, >, 0);
  return ((PhaenPlan *)g_ptr_array_index (plans, 0))->id;
}

static void
open_and_check (Fixture *fixture, const char *what, const char *group, const char *action)
{
  g_autofree char *name = g_strdup_printf ("%s.%s", group, action);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), name, NULL));
  settle ();
  run_for (300);
  g_test_message ("%s", what);
  check_toplevels (fixture);
  close_others (fixture);
}

static void
test_english (void)
{
  Fixture fixture_storage = { 0 }, *fixture = &fixture_storage;
  PhaenStore *store;
  gint64 kpr, stp, plan;
  const struct
  {
    const char *page, *unit;
    int year;
  } unit_pages[] = {
    { "indicators", "กพร.", 2564 },   { "results", "กพร.", 2564 },
    { "dashboard", "กพร.", 2564 },    { "indicators", "สตป.", 2564 },
    { "results", "สตป.", 2564 },      { "dashboard", "สตป.", 2564 },
    { "pmqa", "สป.กค.", 2567 },       { "pmqa-assessment", "สป.กค.", 2567 },
    { "indicators", "สป.กค.", 2567 }, { "results", "สป.กค.", 2567 },
  };

  /* LANG=en, as a user's session sets it, and no language chosen in the app. */
  g_assert_cmpstr (gettext ("Undo"), ==, "Undo");

  fixture->allowed = g_ptr_array_new_with_free_func (g_free);
  fixture->checked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  fixture->dir = app_test_sample_new ("phaen-english-XXXXXX", &fixture->path);
  collect_allowed (fixture);
  fixture->window = app_test_window_new (&fixture->app);
  gtk_window_present (GTK_WINDOW (fixture->window));
  settle ();
  /* The welcome page, before any workspace. */
  check_toplevels (fixture);

  app_test_open (fixture->window, fixture->path);
  store = app_window_get_store (fixture->window);
  kpr = unit_id (store, "กพร.");
  stp = unit_id (store, "สตป.");

  /* The plan as a grid and as a Gantt chart (seed 000), and the nested one (seed 002). */
  for (guint u = 0; u < 2; u++)
    {
      AppPlanPage *page;

      plan = first_plan (store, u == 0 ? kpr : stp);
      g_assert_true (app_window_show_plan (fixture->window, plan));
      settle ();
      page = app_window_get_plan_page (fixture->window);
      check_toplevels (fixture);
      g_object_set (page, "view", "gantt", NULL);
      settle ();
      check_toplevels (fixture);
      g_object_set (page, "view", "grid", NULL);
      settle ();
    }
  /* Seed 004's 12-item plan and its efficiency report. */
  plan = first_plan (store, unit_id (store, "บค."));
  g_assert_true (app_window_show_plan (fixture->window, plan));
  settle ();
  check_toplevels (fixture);
  g_assert_true (app_window_show_efficiency_report (fixture->window, plan));
  settle ();
  check_toplevels (fixture);
  /* Every page of a unit: seed 000's กพร. and seed 002's สตป. in 2564, and PMQA of สป.กค.
   * (categories 1–6 and 7) in 2567. */
  for (guint i = 0; i < G_N_ELEMENTS (unit_pages); i++)
    {
      if (!app_window_show_unit_page (fixture->window, unit_pages[i].page,
                                      unit_id (store, unit_pages[i].unit), unit_pages[i].year))
        g_error ("no %s page for %s", unit_pages[i].page, unit_pages[i].unit);
      settle ();
      run_for (200);
      check_toplevels (fixture);
    }

  /* The windows and dialogs of the menus. */
  g_assert_true (app_window_show_plan (fixture->window, first_plan (store, kpr)));
  settle ();
  /* The export dialogs of the plan (a file chooser, with our title and filters). */
  {
    AppPlanPage *page = app_window_get_plan_page (fixture->window);
    const char *exports[] = { "plan.export-xlsx", "plan.export-pdf" };

    for (guint i = 0; i < G_N_ELEMENTS (exports); i++)
      {
        g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), exports[i], NULL));
        settle ();
        g_assert_cmpuint (g_list_model_get_n_items (gtk_window_get_toplevels ()), >, 1);
        check_toplevels (fixture);
        close_others (fixture);
      }
  }
  open_and_check (fixture, "new plan", "win", "new-plan");
  open_and_check (fixture, "send to units", "win", "send-to-units");
  open_and_check (fixture, "collection", "win", "show-collection");
  open_and_check (fixture, "help", "app", "help");
  open_and_check (fixture, "shortcuts", "app", "shortcuts");
  open_and_check (fixture, "about", "app", "about");

  g_test_message ("%u texts read, %u with Thai, %u allowed data strings", fixture->n_texts,
                  g_hash_table_size (fixture->checked), fixture->allowed->len);
  g_assert_cmpuint (fixture->n_texts, >, 500);
  /* Each one is named above, as a test message. */
  g_assert_cmpuint (fixture->n_leaks, ==, 0);

  close_others (fixture);
  app_test_window_close (&fixture->window, &fixture->app);
  app_test_sample_remove (&fixture->dir, &fixture->path);
  g_ptr_array_unref (fixture->allowed);
  g_hash_table_unref (fixture->checked);
}

int
main (int argc, char **argv)
{
  /* A user whose session is in English. */
  g_setenv ("LC_ALL", "en_US.UTF-8", TRUE);
  g_setenv ("LANG", "en_US.UTF-8", TRUE);
  g_unsetenv ("LANGUAGE");
  if (!app_test_init (&argc, &argv))
    return 0;

  g_test_add_func ("/english/every-page-and-dialog", test_english);
  return g_test_run ();
}
