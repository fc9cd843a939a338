/* app-shortcuts.c — every key binding of Phaen in one table: it installs them and lists them
 * in the shortcuts window (Ctrl+?)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-shortcuts"

#include "config.h"

#include <glib/gi18n.h>

#include "app-shortcuts.h"

/* Sections in the order the window shows them; rows keep the table's order inside them. */
static const char *const sections[] = {
  N_ ("Workspace"), N_ ("Editing"), N_ ("Help"), N_ ("Plan grid"), N_ ("Editing a cell"),
};

static const AppShortcut shortcuts[] = {
  { "app", "app.new", "<Control>n", N_ ("Workspace"), N_ ("New workspace") },
  { "app", "app.open", "<Control>o", N_ ("Workspace"), N_ ("Open a workspace") },
  { "app", "win.close-workspace", "<Control>w", N_ ("Workspace"), N_ ("Close the workspace") },
  { "app", "win.new-plan", "<Control><Shift>n", N_ ("Workspace"), N_ ("New plan") },
  { "AppWindow", "win.search-units", "<Control>f", N_ ("Workspace"), N_ ("Search units") },
  { "AppWindow", "win.send-results", "<Control><Shift>s", N_ ("Workspace"),
    N_ ("Send results (a unit copy)") },
  { "AppWindow", "win.import-packets", "<Control>i", N_ ("Workspace"), N_ ("Import results") },
  { "AppPlanPage", "plan.print", "<Control>p", N_ ("Workspace"), N_ ("Print the plan") },
  { "app", "app.quit", "<Control>q", N_ ("Workspace"), N_ ("Quit") },

  { "app", "win.undo", "<Control>z", N_ ("Editing"), N_ ("Undo") },
  { "app", "win.redo", "<Control><Shift>z <Control>y", N_ ("Editing"), N_ ("Redo") },

  { "keys", NULL, "Up Down Left Right", N_ ("Plan grid"), N_ ("Move between cells") },
  { "keys", NULL, "Tab <Shift>Tab", N_ ("Plan grid"), N_ ("Next or previous cell") },
  { "keys", NULL, "Home End", N_ ("Plan grid"), N_ ("First or last cell of the row") },
  { "keys", NULL, "<Control>Home <Control>End", N_ ("Plan grid"), N_ ("First or last row") },
  { "keys", NULL, "Page_Up Page_Down", N_ ("Plan grid"), N_ ("A screen up or down") },
  { "AppPlanGrid", "grid.edit", "F2", N_ ("Plan grid"), N_ ("Edit the cell") },
  { "keys", NULL, "Return", N_ ("Plan grid"), N_ ("Edit the cell, or mark the month") },
  { "keys", NULL, "Delete", N_ ("Plan grid"), N_ ("Clear the cell") },
  { "keys", NULL, "space", N_ ("Plan grid"), N_ ("Mark the month with the chosen tool") },
  { "AppPlanGrid", "grid.add-activity", "<Control>Return Insert", N_ ("Plan grid"),
    N_ ("Add an activity") },
  { "AppPlanGrid", "grid.add-activity", "<Control>KP_Enter", N_ ("Plan grid"), NULL },
  { "AppPlanGrid", "grid.delete-activity", "<Control>Delete", N_ ("Plan grid"),
    N_ ("Delete the activity") },
  { "AppPlanGrid", "grid.move-up", "<Alt>Up", N_ ("Plan grid"), N_ ("Move the activity up") },
  { "AppPlanGrid", "grid.move-down", "<Alt>Down", N_ ("Plan grid"), N_ ("Move the activity down") },
  { "AppPlanGrid", "grid.indent", "<Control>bracketright", N_ ("Plan grid"),
    N_ ("Indent: make it a sub-activity") },
  { "AppPlanGrid", "grid.outdent", "<Control>bracketleft", N_ ("Plan grid"), N_ ("Outdent") },
  { "AppPlanGrid", "grid.level-strategy", "<Control>1", N_ ("Plan grid"), N_ ("Level: strategy") },
  { "AppPlanGrid", "grid.level-goal", "<Control>2", N_ ("Plan grid"), N_ ("Level: goal") },
  { "AppPlanGrid", "grid.level-project", "<Control>3", N_ ("Plan grid"), N_ ("Level: project") },
  { "AppPlanGrid", "grid.level-activity", "<Control>4", N_ ("Plan grid"), N_ ("Level: activity") },
  { "AppPlanGrid", "grid.menu", "<Shift>F10 Menu", N_ ("Plan grid"),
    N_ ("The row’s menu (or a right click)") },
  { "keys", NULL, "Escape", N_ ("Plan grid"), N_ ("Stop painting months") },
  /* Installed by the grid's own key table (app-plan-grid-actions.c); listed here. */
  { "keys", NULL, "<Shift>Up <Shift>Down <Shift>Left <Shift>Right", N_ ("Plan grid"),
    N_ ("Select a range of cells (Shift+click and dragging too)") },
  { "keys", NULL, "<Control>a", N_ ("Plan grid"), N_ ("Select every cell") },
  { "keys", NULL, "<Control>c <Control>x", N_ ("Plan grid"),
    N_ ("Copy or cut the selected cells (for spreadsheets too)") },
  { "keys", NULL, "<Control>v", N_ ("Plan grid"),
    N_ ("Paste cells or rows from a spreadsheet; rows past the last add activities") },
  { "keys", NULL, "<Control><Shift>v", N_ ("Plan grid"),
    N_ ("Paste rows as new activities below the cursor’s") },
  { "keys", NULL, "<Control>d <Control>r", N_ ("Plan grid"), N_ ("Fill down or right") },
  { "keys", NULL, "<Alt><Shift>Right <Alt><Shift>Left <Alt><Shift>Down", N_ ("Plan grid"),
    N_ ("Widen, narrow or fit the column") },
  { "app", "win.sidebar-visible", "F9", N_ ("Plan grid"), N_ ("Show or hide the sidebar") },
  { "AppPlanPage", "plan.toggle-sections", "<Shift>F9", N_ ("Plan grid"),
    N_ ("Show or hide the plan's text sections") },
  { "AppPlanPage", "plan.toggle-compact", "<Control><Shift>c", N_ ("Plan grid"),
    N_ ("Compact rows") },

  { "keys", NULL, "Return Tab Up Down", N_ ("Editing a cell"), N_ ("Save and move on") },
  { "keys", NULL, "Escape", N_ ("Editing a cell"), N_ ("Cancel the edit") },

  { "app", "app.help", "F1", N_ ("Help"), N_ ("Help") },
  { "app", "app.shortcuts", "<Control>question", N_ ("Help"), N_ ("Keyboard shortcuts") },
};

/* ------------------------------------------------------------------ helpers */

static void append_escaped (GString *ui, const char *format, ...) G_GNUC_PRINTF (2, 3);

static void
append_escaped (GString *ui, const char *format, ...)
{
  va_list args;
  g_autofree char *text = NULL;

  va_start (args, format);
  text = g_markup_vprintf_escaped (format, args);
  va_end (args);
  g_string_append (ui, text);
}

/* Rows a column may have so that the groups, in order, fill two columns: one page. A section
 * of several pages gets a page switcher whose labels GTK 4.8 measures below zero (a warning). */
static guint
column_height (void)
{
  guint lines[G_N_ELEMENTS (sections)] = { 0 };
  guint height = 0;

  for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
    {
      lines[s] = 1; /* the group's title */
      for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
        lines[s] += g_str_equal (shortcuts[i].section, sections[s]) && shortcuts[i].title != NULL;
      height = MAX (height, lines[s]);
    }
  for (;; height++)
    {
      guint columns = 1, used = 0;

      for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
        {
          if (used + lines[s] > height)
            {
              columns++;
              used = 0;
            }
          used += lines[s];
        }
      if (columns <= 2)
        return height;
    }
}

/* ------------------------------------------------------------------ public API */

const AppShortcut *
app_shortcuts_get (guint *n_shortcuts)
{
  if (n_shortcuts != NULL)
    *n_shortcuts = G_N_ELEMENTS (shortcuts);
  return shortcuts;
}

void
app_shortcuts_install (GtkApplication *app)
{
  g_return_if_fail (GTK_IS_APPLICATION (app));

  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    {
      g_autoptr (GStrvBuilder) builder = NULL;
      g_auto (GStrv) accels = NULL;

      if (!g_str_equal (shortcuts[i].scope, "app") ||
          (i > 0 && g_strcmp0 (shortcuts[i - 1].action, shortcuts[i].action) == 0))
        continue;
      /* One action's rows together: gtk_application_set_accels_for_action() replaces. */
      builder = g_strv_builder_new ();
      for (guint j = i; j < G_N_ELEMENTS (shortcuts) && g_str_equal (shortcuts[j].scope, "app") &&
                        g_strcmp0 (shortcuts[j].action, shortcuts[i].action) == 0;
           j++)
        {
          g_auto (GStrv) split = g_strsplit (shortcuts[j].accels, " ", -1);

          g_strv_builder_addv (builder, (const char **)split);
        }
      accels = g_strv_builder_end (builder);
      gtk_application_set_accels_for_action (app, shortcuts[i].action, (const char *const *)accels);
    }
}

void
app_shortcuts_add_bindings (GtkWidgetClass *widget_class)
{
  const char *name = G_OBJECT_CLASS_NAME (widget_class);

  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    {
      g_auto (GStrv) accels = NULL;

      if (!g_str_equal (shortcuts[i].scope, name))
        continue;
      accels = g_strsplit (shortcuts[i].accels, " ", -1);
      for (guint j = 0; accels[j] != NULL; j++)
        {
          guint key;
          GdkModifierType mods;

          if (!gtk_accelerator_parse (accels[j], &key, &mods))
            g_error ("Bad accelerator “%s” for %s", accels[j], shortcuts[i].action);
          gtk_widget_class_add_binding_action (widget_class, key, mods, shortcuts[i].action, NULL);
        }
    }
}

char *
app_shortcuts_window_ui (void)
{
  GString *ui = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<interface>\n"
                              "<object class=\"GtkShortcutsWindow\" id=\"shortcuts\">\n"
                              "<property name=\"modal\">True</property>\n<child>\n"
                              "<object class=\"GtkShortcutsSection\">\n"
                              "<property name=\"section-name\">shortcuts</property>\n"
                              "<property name=\"max-height\">");

  g_string_append_printf (ui, "%u</property>\n", column_height ());

  for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
    {
      append_escaped (ui,
                      "<child>\n<object class=\"GtkShortcutsGroup\">\n"
                      "<property name=\"title\">%s</property>\n",
                      _ (sections[s]));
      for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
        if (g_str_equal (shortcuts[i].section, sections[s]) && shortcuts[i].title != NULL)
          append_escaped (ui,
                          "<child>\n<object class=\"GtkShortcutsShortcut\">\n"
                          "<property name=\"accelerator\">%s</property>\n"
                          "<property name=\"title\">%s</property>\n</object>\n</child>\n",
                          shortcuts[i].accels, _ (shortcuts[i].title));
      g_string_append (ui, "</object>\n</child>\n");
    }
  g_string_append (ui, "</object>\n</child>\n</object>\n</interface>\n");
  return g_string_free (ui, FALSE);
}

GtkWindow *
app_shortcuts_window_new (GtkWindow *parent)
{
  g_autofree char *ui = app_shortcuts_window_ui ();
  g_autoptr (GtkBuilder) builder = gtk_builder_new_from_string (ui, -1);
  GtkWindow *window = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts"));

  gtk_window_set_transient_for (window, parent);
  return window;
}
