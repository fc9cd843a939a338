/* app-window.c — the main window: welcome page, sidebar of units and years, undo and redo
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-window"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdlib.h>

#include "app-collection-window.h"
#include "app-dashboard-page.h"
#include "app-efficiency-page.h"
#include "app-indicators-page.h"
#include "app-new-plan-dialog.h"
#include "app-packet-import.h"
#include "app-plan-page.h"
#include "app-pmqa-assessment-page.h"
#include "app-pmqa-page.h"
#include "app-results-page.h"
#include "app-send-dialog.h"
#include "app-shortcuts.h"
#include "app-sidebar-item.h"
#include "app-window-manage.h"
#include "app-window.h"
#include "phaen-error.h"
#include "phaen-packet.h"
#include "phaen-score.h"
#include "phaen-unit-copy.h"

struct _AppWindow
{
  AdwApplicationWindow parent_instance;

  AdwToastOverlay *toast_overlay;
  GtkStack *main_stack;
  GtkWidget *recent_group;
  GtkListBox *recent_list;
  AdwLeaflet *leaflet;
  GtkWidget *sidebar;
  GtkWidget *sidebar_toggle;
  GtkSearchEntry *sidebar_search;
  GtkGridView *sidebar_view;
  AdwWindowTitle *sidebar_title;
  AdwWindowTitle *content_title;
  GtkStack *content_stack;
  GtkWidget *undo_button;
  GtkWidget *redo_button;
  GtkRevealer *read_only_banner;
  GtkLabel *read_only_label;
  GtkRevealer *unit_copy_banner;
  GtkLabel *unit_copy_label;
  AppPlanPage *plan_page;
  AppIndicatorsPage *indicators_page;
  AppResultsPage *results_page;
  AppDashboardPage *dashboard_page;
  AppEfficiencyPage *efficiency_page;
  AppPmqaPage *pmqa_page;
  AppPmqaAssessmentPage *pmqa_assessment_page;

  GSettings *settings;
  PhaenStore *store;
  GCancellable *cancellable;
  GListStore *units;            /* (element-type AppSidebarItem) every unit, with its pages */
  GtkCustomFilter *unit_filter; /* the units the search finds */
  GtkTreeListModel *sidebar_tree;
  GtkSingleSelection *sidebar_selection;
  char *search_key; /* app_sidebar_search_key() of the search entry's text */
  AppSidebarPlace shown;
  gboolean has_shown;
  gboolean updating_sidebar; /* selection changes come from the window, not the user */
  char *initial_view;
  guint outside_change_source;  /* looks for other writers' edits every second */
  PhaenUnitCopyInfo *unit_copy; /* (nullable) the open workspace is this unit's copy */
};

/* How often the window looks whether another program or person wrote the workspace. */
#define OUTSIDE_CHANGE_INTERVAL_S 1

G_DEFINE_FINAL_TYPE (AppWindow, app_window, ADW_TYPE_APPLICATION_WINDOW)

enum
{
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void set_store (AppWindow *self, PhaenStore *store);

/* ------------------------------------------------------------------ sidebar */

/* The item of a row of the sidebar's tree, which the tree keeps alive. (transfer none) */
static AppSidebarItem *
row_item (GtkTreeListRow *row)
{
  g_autoptr (AppSidebarItem) item = row != NULL ? gtk_tree_list_row_get_item (row) : NULL;

  return item;
}

static AppSidebarItem *
model_item (GListModel *model, guint position)
{
  g_autoptr (AppSidebarItem) item = g_list_model_get_item (model, position);

  return item;
}

static AppSidebarItem *
selected_item (AppWindow *self)
{
  return row_item (gtk_single_selection_get_selected_item (self->sidebar_selection));
}

/* Zeros in @pattern match anything: {PLAN, 0, 0, id} finds a plan wherever it is. */
static gboolean
place_fits (const AppSidebarPlace *place, const AppSidebarPlace *pattern)
{
  return place->kind == pattern->kind &&
         (pattern->unit_id == 0 || place->unit_id == pattern->unit_id) &&
         (pattern->year == 0 || place->year == pattern->year) &&
         (pattern->plan_id == 0 || place->plan_id == pattern->plan_id);
}

/* The first page fitting @pattern (any page when NULL), in every unit, found or not. */
static gboolean
find_place (AppWindow *self, const AppSidebarPlace *pattern, AppSidebarPlace *found)
{
  GListModel *units = G_LIST_MODEL (self->units);

  for (guint u = 0; u < g_list_model_get_n_items (units); u++)
    {
      GListModel *children = app_sidebar_item_get_children (model_item (units, u));

      for (guint i = 0; i < g_list_model_get_n_items (children); i++)
        {
          AppSidebarItem *item = model_item (children, i);

          if (app_sidebar_item_is_page (item) &&
              (pattern == NULL || place_fits (app_sidebar_item_get_place (item), pattern)))
            {
              *found = *app_sidebar_item_get_place (item);
              return TRUE;
            }
        }
    }
  return FALSE;
}

static void
apply_search (AppWindow *self, const char *text)
{
  g_autofree char *key = app_sidebar_search_key (text);
  GListModel *shown = gtk_tree_list_model_get_model (self->sidebar_tree);

  if (g_strcmp0 (key, self->search_key) == 0)
    return;
  g_free (self->search_key);
  self->search_key = g_steal_pointer (&key);
  gtk_filter_changed (GTK_FILTER (self->unit_filter), GTK_FILTER_CHANGE_DIFFERENT);
  /* Found units show their pages; with no search, only the shown unit is open. */
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr (GtkTreeListRow) row = gtk_tree_list_model_get_child_row (self->sidebar_tree, i);
      gint64 unit_id = app_sidebar_item_get_place (row_item (row))->unit_id;

      gtk_tree_list_row_set_expanded (row, *self->search_key != '\0' ||
                                             (self->has_shown && unit_id == self->shown.unit_id));
    }
}

/* The row of the unit, after clearing a search that hides it. (transfer full) */
static GtkTreeListRow *
unit_row (AppWindow *self, gint64 unit_id)
{
  GListModel *shown = gtk_tree_list_model_get_model (self->sidebar_tree);

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    if (app_sidebar_item_get_place (model_item (shown, i))->unit_id == unit_id)
      return gtk_tree_list_model_get_child_row (self->sidebar_tree, i);
  if (*gtk_editable_get_text (GTK_EDITABLE (self->sidebar_search)) == '\0')
    return NULL;
  gtk_editable_set_text (GTK_EDITABLE (self->sidebar_search), "");
  apply_search (self, "");
  return unit_row (self, unit_id);
}

/* The position of @place in the sidebar's tree, opening its unit when @expand says so. */
static gboolean
place_position (AppWindow *self, const AppSidebarPlace *place, gboolean expand, guint *position)
{
  g_autoptr (GtkTreeListRow) unit = unit_row (self, place->unit_id);
  GListModel *children = unit != NULL ? app_sidebar_item_get_children (row_item (unit)) : NULL;

  if (unit == NULL || (!expand && !gtk_tree_list_row_get_expanded (unit)))
    return FALSE;
  for (guint i = 0; children != NULL && i < g_list_model_get_n_items (children); i++)
    if (app_sidebar_place_equal (app_sidebar_item_get_place (model_item (children, i)), place))
      {
        gtk_tree_list_row_set_expanded (unit, TRUE);
        *position = gtk_tree_list_row_get_position (unit) + 1 + i;
        return TRUE;
      }
  return FALSE;
}

/* Opens the unit of @place, selects the row of @place and scrolls to it. */
static gboolean
select_place (AppWindow *self, const AppSidebarPlace *place)
{
  guint position;

  if (!place_position (self, place, TRUE, &position))
    return FALSE;
  gtk_single_selection_set_selected (self->sidebar_selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->sidebar_view), "list.scroll-to-item", "u",
                              position);
  return TRUE;
}

/* Units and years are headings: the selection goes back to the page shown. GTK 4.8 cannot bind
 * GtkListItem:selectable in the row template (its expression watch on the list item itself is
 * released twice when the row goes). */
static void
keep_page_selected (AppWindow *self)
{
  guint position = GTK_INVALID_LIST_POSITION;

  if (self->has_shown && !place_position (self, &self->shown, FALSE, &position))
    position = GTK_INVALID_LIST_POSITION;
  self->updating_sidebar = TRUE;
  gtk_single_selection_set_selected (self->sidebar_selection, position);
  self->updating_sidebar = FALSE;
}

static void
show_item (AppWindow *self, AppSidebarItem *item)
{
  const AppSidebarPlace *place = item != NULL ? app_sidebar_item_get_place (item) : NULL;

  self->has_shown = place != NULL;
  if (place == NULL)
    {
      app_window_manage_update (self);
      app_plan_page_set_plan (self->plan_page, NULL, 0);
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      adw_window_title_set_title (self->content_title, "");
      adw_window_title_set_subtitle (self->content_title, "");
      return;
    }

  self->shown = *place;
  app_window_manage_update (self);
  adw_window_title_set_title (self->content_title, app_sidebar_item_get_label (item));
  adw_window_title_set_subtitle (self->content_title, app_sidebar_item_get_subtitle (item));
  /* Hidden unless shown: the content stack measures every visible page on each layout, and
   * the assessment's tree and wrapped texts are not cheap to measure. */
  gtk_widget_set_visible (GTK_WIDGET (self->pmqa_assessment_page),
                          place->kind == APP_SIDEBAR_PMQA_ASSESSMENT);
  switch (place->kind)
    {
    case APP_SIDEBAR_PLAN:
      app_plan_page_set_plan (self->plan_page, self->store, place->plan_id);
      gtk_stack_set_visible_child_name (self->content_stack, "plan");
      break;
    case APP_SIDEBAR_INDICATORS:
      app_indicators_page_set_unit (self->indicators_page, self->store, place->unit_id,
                                    place->year);
      gtk_stack_set_visible_child_name (self->content_stack, "indicators");
      break;
    case APP_SIDEBAR_RESULTS:
      app_results_page_set_unit (self->results_page, self->store, place->unit_id, place->year);
      gtk_stack_set_visible_child_name (self->content_stack, "results");
      break;
    case APP_SIDEBAR_DASHBOARD:
      app_dashboard_page_set_unit (self->dashboard_page, self->store, place->unit_id, place->year);
      gtk_stack_set_visible_child_name (self->content_stack, "dashboard");
      break;
    case APP_SIDEBAR_EFFICIENCY:
      app_efficiency_page_set_plan (self->efficiency_page, self->store, place->plan_id);
      gtk_stack_set_visible_child_name (self->content_stack, "efficiency");
      break;
    case APP_SIDEBAR_PMQA:
      app_pmqa_page_set_unit (self->pmqa_page, self->store, place->unit_id, place->year);
      gtk_stack_set_visible_child_name (self->content_stack, "pmqa");
      break;
    case APP_SIDEBAR_PMQA_ASSESSMENT:
      app_pmqa_assessment_page_set_unit (self->pmqa_assessment_page, self->store, place->unit_id,
                                         place->year);
      gtk_stack_set_visible_child_name (self->content_stack, "pmqa-assessment");
      break;
    case APP_SIDEBAR_UNIT:
    case APP_SIDEBAR_YEAR:
    default:
      break;
    }
}

/* Brings the rows up to date with the store, keeping the shown place. An edit that changes no
 * unit, year or plan changes no row. */
static void
refresh_sidebar (AppWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListStore) units = NULL;
  AppSidebarPlace place = self->shown;
  gboolean found = self->has_shown;
  gboolean changed;

  if (self->store == NULL)
    return;
  units = app_sidebar_items_build (self->store, &error);
  if (units == NULL)
    {
      app_window_toast (self, error->message);
      return;
    }
  /* A unit copy shows its own unit only (a parent unit may come with it). */
  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (units)); self->unit_copy != NULL && i > 0;
       i--)
    if (app_sidebar_item_get_place (model_item (G_LIST_MODEL (units), i - 1))->unit_id !=
        self->unit_copy->unit_id)
      g_list_store_remove (units, i - 1);
  self->updating_sidebar = TRUE;
  changed = app_sidebar_items_update (self->units, G_LIST_MODEL (units));
  if (changed)
    {
      found = (found && select_place (self, &place)) ||
              (find_place (self, NULL, &place) && select_place (self, &place));
      if (!found)
        gtk_single_selection_set_selected (self->sidebar_selection, GTK_INVALID_LIST_POSITION);
    }
  self->updating_sidebar = FALSE;
  if (changed)
    show_item (self, found ? selected_item (self) : NULL);
}

/* Selects the first page fitting @pattern and shows the content pane of a folded window. */
static gboolean
select_and_navigate (AppWindow *self, const AppSidebarPlace *pattern)
{
  AppSidebarPlace place;

  if (!find_place (self, pattern, &place))
    return FALSE;
  /* Going elsewhere, the window closes the unit it opened; a search keeps what it found. */
  if (self->has_shown && self->shown.unit_id != place.unit_id && *self->search_key == '\0')
    {
      g_autoptr (GtkTreeListRow) unit = unit_row (self, self->shown.unit_id);

      if (unit != NULL)
        gtk_tree_list_row_set_expanded (unit, FALSE);
    }
  if (!select_place (self, &place))
    return FALSE;
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  return TRUE;
}

/* ------------------------------------------------------------------ other helpers */

static void
update_undo_state (AppWindow *self)
{
  gboolean can_undo = self->store != NULL && phaen_store_can_undo (self->store);
  gboolean can_redo = self->store != NULL && phaen_store_can_redo (self->store);
  const char *undo_label = can_undo ? phaen_store_get_undo_label (self->store) : NULL;
  const char *redo_label = can_redo ? phaen_store_get_redo_label (self->store) : NULL;
  g_autofree char *undo_tip =
    undo_label != NULL ? g_strdup_printf (_ ("Undo “%s”"), undo_label) : g_strdup (_ ("Undo"));
  g_autofree char *redo_tip =
    redo_label != NULL ? g_strdup_printf (_ ("Redo “%s”"), redo_label) : g_strdup (_ ("Redo"));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", can_undo);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", can_redo);
  gtk_widget_set_tooltip_text (self->undo_button, undo_tip);
  gtk_widget_set_tooltip_text (self->redo_button, redo_tip);
}

static char *
display_path (const char *path)
{
  const char *home = g_get_home_dir ();
  g_autofree char *dir = g_path_get_dirname (path);

  if (home != NULL && g_str_has_prefix (dir, home))
    return g_strconcat ("~", dir + strlen (home), NULL);
  return g_steal_pointer (&dir);
}

static void
refresh_recent (AppWindow *self)
{
  g_auto (GStrv) recent = g_settings_get_strv (self->settings, "recent-files");
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);
  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_autofree char *name = NULL;
      g_autofree char *where = NULL;
      GtkWidget *row;

      if (!g_file_test (recent[i], G_FILE_TEST_IS_REGULAR))
        continue;
      name = g_path_get_basename (recent[i]);
      where = display_path (recent[i]);
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), where);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "path", g_strdup (recent[i]), g_free);
      gtk_list_box_append (self->recent_list, row);
      shown++;
    }
  gtk_widget_set_visible (self->recent_group, shown > 0);
}

static void
flush_edits (AppWindow *self)
{
  app_plan_page_flush (self->plan_page);
  app_indicators_page_flush (self->indicators_page);
  app_pmqa_page_flush (self->pmqa_page);
  app_pmqa_assessment_page_flush (self->pmqa_assessment_page);
  app_results_page_flush (self->results_page);
  app_efficiency_page_flush (self->efficiency_page);
}

static const char *
read_only_text (PhaenStore *store)
{
  switch (phaen_store_get_read_only_reason (store))
    {
    case PHAEN_STORE_READ_ONLY_FILE:
      return _ ("Read-only: the file is marked read-only. Changes cannot be saved.");
    case PHAEN_STORE_READ_ONLY_FOLDER:
      return _ ("Read-only: the folder of this workspace cannot be written. Changes cannot be "
                "saved.");
    case PHAEN_STORE_READ_ONLY_MEDIUM:
      return _ ("Read-only: the workspace is on a read-only disk. Changes cannot be saved.");
    case PHAEN_STORE_READ_ONLY_REQUESTED:
      return _ ("Read-only: someone else has this workspace open for editing. Their changes "
                "appear here as they save them.");
    case PHAEN_STORE_WRITABLE:
    default:
      return NULL;
    }
}

static void
update_read_only_banner (AppWindow *self)
{
  const char *text = self->store != NULL ? read_only_text (self->store) : NULL;

  gtk_label_set_text (self->read_only_label, text ? text : "");
  gtk_revealer_set_reveal_child (self->read_only_banner, text != NULL);
}

static gboolean
outside_change_cb (gpointer data)
{
  AppWindow *self = data;

  if (self->store != NULL && phaen_store_check_outside_change (self->store))
    app_window_toast (self, _ ("The workspace was changed elsewhere: the latest data is shown."));
  return G_SOURCE_CONTINUE;
}

/* The sidebar lists units, years, plans and the pages that a unit's indicators call for. */
static void
sidebar_records_changed_cb (AppWindow *self, PhaenChanges *changes)
{
  if (phaen_changes_touches (changes, PHAEN_RECORD_UNIT | PHAEN_RECORD_FISCAL_YEAR |
                                        PHAEN_RECORD_PLAN | PHAEN_RECORD_INDICATOR))
    refresh_sidebar (self);
}

/* A unit copy says whose it is, for which year, and what the next packet would carry. */
static void
update_unit_copy_banner (AppWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  PhaenPackSummary pending = { 0 };
  guint changes;

  if (self->unit_copy == NULL)
    {
      gtk_revealer_set_reveal_child (self->unit_copy_banner, FALSE);
      return;
    }
  if (!phaen_unit_copy_count_changes (self->store, &pending, &error))
    text = g_strdup_printf (_ ("Copy of unit %s (%s), fiscal year %d."), self->unit_copy->unit_abbr,
                            self->unit_copy->unit_name, self->unit_copy->fiscal_year);
  else if ((changes = pending.results + pending.evidence + pending.progress + pending.pmqa) == 0)
    text = g_strdup_printf (_ ("Copy of unit %s (%s), fiscal year %d. Enter results, details, "
                               "problems and evidence, then send them to the planning office."),
                            self->unit_copy->unit_abbr, self->unit_copy->unit_name,
                            self->unit_copy->fiscal_year);
  else
    text = g_strdup_printf (_ ("Copy of unit %s (%s), fiscal year %d. Not sent yet: %u results, "
                               "%u evidence items, %u progress entries, %u PMQA values."),
                            self->unit_copy->unit_abbr, self->unit_copy->unit_name,
                            self->unit_copy->fiscal_year, pending.results, pending.evidence,
                            pending.progress, pending.pmqa);
  gtk_label_set_text (self->unit_copy_label, text);
  gtk_revealer_set_reveal_child (self->unit_copy_banner, TRUE);
}

static void
set_store (AppWindow *self, PhaenStore *store)
{
  if (self->store == store)
    return;

  if (self->store != NULL)
    {
      flush_edits (self);
      g_signal_handlers_disconnect_by_data (self->store, self);
    }
  /* The pages let go of the old workspace before it closes. */
  app_plan_page_set_plan (self->plan_page, NULL, 0);
  app_indicators_page_set_unit (self->indicators_page, NULL, 0, 0);
  app_results_page_set_unit (self->results_page, NULL, 0, 0);
  app_dashboard_page_set_unit (self->dashboard_page, NULL, 0, 0);
  app_efficiency_page_set_plan (self->efficiency_page, NULL, 0);
  app_pmqa_page_set_unit (self->pmqa_page, NULL, 0, 0);
  app_pmqa_assessment_page_set_unit (self->pmqa_assessment_page, NULL, 0, 0);
  self->has_shown = FALSE;
  gtk_editable_set_text (GTK_EDITABLE (self->sidebar_search), "");
  apply_search (self, "");
  g_list_store_remove_all (self->units);
  g_set_object (&self->store, store);
  g_clear_pointer (&self->unit_copy, phaen_unit_copy_info_free);
  if (store != NULL && phaen_store_is_unit_copy (store))
    {
      g_autoptr (GError) error = NULL;

      self->unit_copy = phaen_unit_copy_get_info (store, &error);
      if (self->unit_copy == NULL)
        g_warning ("unit copy without its identity: %s", error->message);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-plan",
                                 store != NULL && self->unit_copy == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.send-results",
                                 self->unit_copy != NULL && !phaen_store_is_read_only (store));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-packets",
                                 store != NULL && self->unit_copy == NULL &&
                                   !phaen_store_is_read_only (store));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-packet-folder",
                                 store != NULL && self->unit_copy == NULL &&
                                   !phaen_store_is_read_only (store));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-collection",
                                 store != NULL && self->unit_copy == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.send-to-units",
                                 store != NULL && self->unit_copy == NULL &&
                                   !phaen_store_is_read_only (store));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.close-workspace", store != NULL);
  if (store != NULL)
    {
      g_autofree char *name = g_path_get_basename (phaen_store_get_path (store));

      phaen_store_set_evidence_limit (
        store, (gint64)g_settings_get_uint (self->settings, "evidence-size-limit") * 1000 * 1000);
      g_signal_connect_object (store, "records-changed", G_CALLBACK (sidebar_records_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed", G_CALLBACK (update_undo_state), self,
                               G_CONNECT_SWAPPED);
      if (self->unit_copy != NULL)
        g_signal_connect_object (store, "changed", G_CALLBACK (update_unit_copy_banner), self,
                                 G_CONNECT_SWAPPED);
      adw_window_title_set_title (self->sidebar_title, name);
      if (self->unit_copy != NULL)
        {
          g_autofree char *subtitle =
            g_strdup_printf (_ ("Copy of %s, fiscal year %d"), self->unit_copy->unit_abbr,
                             self->unit_copy->fiscal_year);

          adw_window_title_set_subtitle (self->sidebar_title, subtitle);
        }
      else
        adw_window_title_set_subtitle (self->sidebar_title, phaen_store_is_read_only (store)
                                                              ? _ ("Read-only")
                                                              : _ ("Saved as you edit"));
      if (self->outside_change_source == 0)
        self->outside_change_source =
          g_timeout_add_seconds (OUTSIDE_CHANGE_INTERVAL_S, outside_change_cb, self);
      gtk_window_set_title (GTK_WINDOW (self), name);
      refresh_sidebar (self);
      gtk_stack_set_visible_child_name (self->main_stack, "workspace");
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _ ("Phaen"));
      g_clear_handle_id (&self->outside_change_source, g_source_remove);
      refresh_recent (self);
      gtk_stack_set_visible_child_name (self->main_stack, "welcome");
    }
  update_undo_state (self);
  update_read_only_banner (self);
  update_unit_copy_banner (self);
  app_window_manage_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

static void
apply_initial_view (AppWindow *self)
{
  g_autofree char *view = g_steal_pointer (&self->initial_view);
  g_autofree char *kind = NULL;
  const char *unit_abbr;
  AppSidebarPlace pattern = { 0 };
  gboolean plan_view;

  if (view == NULL || self->store == NULL)
    return;
  /* "dashboard:สตป." shows that unit's page rather than the first unit's. */
  unit_abbr = strchr (view, ':');
  kind = g_strndup (view, unit_abbr != NULL ? (gsize)(unit_abbr - view) : strlen (view));
  if (unit_abbr != NULL)
    {
      g_autoptr (PhaenUnit) unit = phaen_store_find_unit (self->store, unit_abbr + 1, NULL);

      pattern.unit_id = unit != NULL ? unit->id : 0;
    }
  plan_view = g_str_equal (kind, "grid") || g_str_equal (kind, "gantt");
  pattern.kind = plan_view                               ? APP_SIDEBAR_PLAN
                 : g_str_equal (kind, "indicators")      ? APP_SIDEBAR_INDICATORS
                 : g_str_equal (kind, "dashboard")       ? APP_SIDEBAR_DASHBOARD
                 : g_str_equal (kind, "efficiency")      ? APP_SIDEBAR_EFFICIENCY
                 : g_str_equal (kind, "pmqa")            ? APP_SIDEBAR_PMQA
                 : g_str_equal (kind, "pmqa-assessment") ? APP_SIDEBAR_PMQA_ASSESSMENT
                                                         : APP_SIDEBAR_RESULTS;
  if (select_and_navigate (self, &pattern) && plan_view)
    g_object_set (self->plan_page, "view", kind, NULL);
}

static void
note_opened (AppWindow *self, PhaenStore *store)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (APP_IS_APPLICATION (app))
    app_application_note_opened (APP_APPLICATION (app), phaen_store_get_path (store));
}

static void
show_new_plan_dialog (AppWindow *self)
{
  AppNewPlanDialog *dialog;

  g_return_if_fail (self->store != NULL);

  dialog = app_new_plan_dialog_new (GTK_WINDOW (self), self->store,
                                    self->has_shown ? self->shown.unit_id : 0);
  g_signal_connect_object (dialog, "plan-created", G_CALLBACK (app_window_show_plan), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
update_sidebar_visible (AppWindow *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);
  gboolean visible = folded || g_settings_get_boolean (self->settings, "sidebar-visible");
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  gboolean had_focus = focus != NULL && gtk_widget_is_ancestor (focus, self->sidebar);

  gtk_widget_set_visible (self->sidebar_toggle, !folded);
  gtk_widget_set_visible (self->sidebar, visible);
  /* F9 pressed in the sidebar: the keyboard goes on in the page, the plan's grid first. */
  if (!visible && had_focus)
    {
      if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "plan") == 0)
        gtk_widget_grab_focus (app_plan_page_get_grid (self->plan_page));
      else
        gtk_widget_child_focus (GTK_WIDGET (self->content_stack), GTK_DIR_TAB_FORWARD);
    }
}

/* ------------------------------------------------------------------ callbacks */

static void
recent_row_activated_cb (GtkListBox *list, GtkListBoxRow *row, AppWindow *self)
{
  g_autoptr (GFile) file = g_file_new_for_path (g_object_get_data (G_OBJECT (row), "path"));

  app_window_open (self, file);
}

static GListModel *
unit_children_cb (gpointer item, gpointer data)
{
  GListModel *children = app_sidebar_item_get_children (item);

  return children != NULL ? g_object_ref (children) : NULL;
}

static gboolean
unit_found_cb (gpointer item, gpointer data)
{
  AppWindow *self = data;

  return app_sidebar_item_matches (item, self->search_key);
}

static void
sidebar_selection_cb (AppWindow *self)
{
  AppSidebarItem *item = selected_item (self);

  if (self->updating_sidebar || item == NULL ||
      (self->has_shown &&
       app_sidebar_place_equal (&self->shown, app_sidebar_item_get_place (item))))
    return;
  if (!app_sidebar_item_is_page (item))
    {
      keep_page_selected (self);
      return;
    }
  flush_edits (self);
  show_item (self, item);
}

/* A unit opens and closes with one click on its row, not only on its arrow; a page shows the
 * content pane of a folded window, as Enter does. */
static void
sidebar_row_pressed_cb (
  GtkListItem *list_item, int n_press, double x, double y, GtkGesture *gesture)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);

  if (row == NULL)
    return;
  if (gtk_tree_list_row_is_expandable (row))
    {
      gtk_gesture_set_state (gesture, GTK_EVENT_SEQUENCE_CLAIMED);
      gtk_tree_list_row_set_expanded (row, !gtk_tree_list_row_get_expanded (row));
    }
  else if (n_press == 1)
    gtk_widget_activate_action (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture)),
                                "list.activate-item", "u", gtk_list_item_get_position (list_item));
}

/* A right click on a row: what can be done with its unit and plan. */
static void
sidebar_row_menu_cb (GtkListItem *list_item, int n_press, double x, double y, GtkGesture *gesture)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *anchor = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  GtkRoot *root = gtk_widget_get_root (anchor);
  AppSidebarItem *item = row_item (row);

  if (item == NULL || !APP_IS_WINDOW (root))
    return;
  gtk_gesture_set_state (gesture, GTK_EVENT_SEQUENCE_CLAIMED);
  app_window_manage_popup (APP_WINDOW (root), anchor, app_sidebar_item_get_place (item), x, y);
}

/* Shift+F10 or the Menu key in the sidebar: the context menu of the row that has the focus. */
static gboolean
sidebar_menu_key_cb (GtkWidget *view, GVariant *args, gpointer data)
{
  AppWindow *self = APP_WINDOW (gtk_widget_get_root (view));
  GtkWidget *focus = gtk_widget_get_focus_child (view);
  GtkWidget *expander = NULL;
  GtkTreeListRow *row;
  AppSidebarItem *item;

  for (GtkWidget *w = focus; w != NULL && expander == NULL; w = gtk_widget_get_first_child (w))
    if (GTK_IS_TREE_EXPANDER (w))
      expander = w;
  if (expander == NULL ||
      (row = gtk_tree_expander_get_list_row (GTK_TREE_EXPANDER (expander))) == NULL ||
      (item = row_item (row)) == NULL)
    return FALSE;
  app_window_manage_popup (self, expander, app_sidebar_item_get_place (item), -1, -1);
  return TRUE;
}

static void
sidebar_activate_cb (AppWindow *self, guint position)
{
  g_autoptr (GtkTreeListRow) row =
    g_list_model_get_item (G_LIST_MODEL (self->sidebar_tree), position);

  if (row != NULL && gtk_tree_list_row_is_expandable (row))
    gtk_tree_list_row_set_expanded (row, !gtk_tree_list_row_get_expanded (row));
  else if (row != NULL)
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
sidebar_search_changed_cb (AppWindow *self)
{
  apply_search (self, gtk_editable_get_text (GTK_EDITABLE (self->sidebar_search)));
}

static void
sidebar_stop_search_cb (AppWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->sidebar_search), "");
}

static void
search_units_action (GtkWidget *widget, const char *name, GVariant *param)
{
  AppWindow *self = APP_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->sidebar_search));
}

/* The assessment tree's หมวด 7 row: the category-7 page of the same unit and year. */
static void
show_category7_cb (AppPmqaAssessmentPage *page, gint64 unit_id, int fiscal_year, AppWindow *self)
{
  if (!app_window_show_unit_page (self, "pmqa", unit_id, fiscal_year))
    app_window_toast (self, _ ("This unit has no category 7 indicators in this year: choose "
                               "“PMQA category 7” as the scoring of an indicator to start it."));
}

static void
back_clicked_cb (AppWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void open_with_flags (AppWindow *self, const char *path, PhaenStoreOpenFlags flags);
static void reopen_for_editing_cb (AppWindow *self);

/* Shows a question about the workspace at @path: @suggested is the default, "cancel" what
 * closing means; @response_cb (dialog, response, self) finds the path under "path". */
static void
present_workspace_question (AppWindow *self,
                            AdwMessageDialog *dialog,
                            const char *suggested,
                            const char *path,
                            GCallback response_cb)
{
  adw_message_dialog_set_response_appearance (dialog, suggested, ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, suggested);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "path", g_strdup (path), g_free);
  g_signal_connect_object (dialog, "response", response_cb, self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
locked_response_cb (AdwMessageDialog *dialog, const char *response, AppWindow *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "path");

  if (g_str_equal (response, "read-only"))
    open_with_flags (self, path, PHAEN_STORE_OPEN_READ_ONLY);
  else if (g_str_equal (response, "edit-anyway"))
    open_with_flags (self, path, PHAEN_STORE_OPEN_IGNORE_LOCK);
}

/* Someone else has the file: look at it read-only, or — when the user knows that computer no
 * longer has it open (it crashed) — edit it anyway. */
static void
show_locked_dialog (AppWindow *self, const char *path, const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (
    GTK_WINDOW (self), _ ("Someone Else Is Editing This Workspace"), message);
  AdwMessageDialog *message_dialog = ADW_MESSAGE_DIALOG (dialog);

  adw_message_dialog_add_responses (message_dialog, "cancel", _ ("_Cancel"), "edit-anyway",
                                    _ ("_Edit Anyway"), "read-only", _ ("Open _Read-Only"), NULL);
  adw_message_dialog_set_response_appearance (message_dialog, "edit-anyway",
                                              ADW_RESPONSE_DESTRUCTIVE);
  present_workspace_question (self, message_dialog, "read-only", path,
                              G_CALLBACK (locked_response_cb));
}

/* "งาน.phaen" → "งาน (ซ่อมแล้ว).phaen", numbered when that exists too. */
static char *
repaired_copy_path (const char *path)
{
  g_autofree char *stem =
    g_str_has_suffix (path, ".phaen") ? g_strndup (path, strlen (path) - 6) : g_strdup (path);

  for (int n = 1; n < 100; n++)
    {
      g_autofree char *suffix =
        n == 1 ? g_strdup (_ ("repaired")) : g_strdup_printf ("%s %d", _ ("repaired"), n);
      g_autofree char *candidate = g_strdup_printf ("%s (%s).phaen", stem, suffix);

      if (!g_file_test (candidate, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&candidate);
    }
  return NULL;
}

static void
repair_response_cb (AdwMessageDialog *dialog, const char *response, AppWindow *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "path");
  g_autofree char *copy = NULL;
  g_autoptr (GError) error = NULL;

  if (!g_str_equal (response, "repair"))
    return;
  copy = repaired_copy_path (path);
  if (copy == NULL || !phaen_store_repair_into_copy (path, copy, &error))
    {
      app_window_show_error (self, _ ("The workspace could not be repaired"),
                             error ? error->message : _ ("Too many repaired copies already."));
      return;
    }
  open_with_flags (self, copy, PHAEN_STORE_OPEN_DEFAULT);
}

/* A workspace whose structure was changed is never opened; its data can be copied into a
 * clean one beside it, leaving the original as it is. */
static void
show_repair_dialog (AppWindow *self, const char *path, const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (
    GTK_WINDOW (self), _ ("This Workspace Was Changed Outside Phaen"), message);
  AdwMessageDialog *message_dialog = ADW_MESSAGE_DIALOG (dialog);

  adw_message_dialog_add_responses (message_dialog, "cancel", _ ("_Cancel"), "repair",
                                    _ ("_Repair Into a Copy"), NULL);
  present_workspace_question (self, message_dialog, "repair", path,
                              G_CALLBACK (repair_response_cb));
}

typedef struct
{
  AppWindow *self;
  char *path;
} OpenRequest;

static void
open_request_free (OpenRequest *request)
{
  g_object_unref (request->self);
  g_free (request->path);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OpenRequest, open_request_free)

static void
open_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (OpenRequest) request = user_data;
  AppWindow *self = request->self;
  const char *path = request->path;
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenStore) store = phaen_store_open_finish (result, &error);

  if (store == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      if (g_error_matches (error, PHAEN_ERROR, PHAEN_ERROR_LOCKED))
        show_locked_dialog (self, path, error->message);
      else if (g_error_matches (error, PHAEN_ERROR, PHAEN_ERROR_SCHEMA))
        show_repair_dialog (self, path, error->message);
      else
        app_window_show_error (self, _ ("The file could not be opened"), error->message);
      return;
    }
  set_store (self, store);
  note_opened (self, store);
  apply_initial_view (self);
}

static void
chooser_open_response_cb (GtkNativeDialog *chooser, int response, AppWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      app_window_open (self, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
chooser_new_response_cb (GtkNativeDialog *chooser, int response, AppWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      /* A name without the extension still makes a workspace that the open dialog lists. */
      if (path != NULL && !g_str_has_suffix (path, ".phaen"))
        {
          g_autofree char *with_ext = g_strconcat (path, ".phaen", NULL);

          g_clear_object (&file);
          file = g_file_new_for_path (with_ext);
        }
      app_window_create (self, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static GtkFileFilter *
workspace_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _ ("Phaen workspaces"));
  gtk_file_filter_add_pattern (filter, "*.phaen");
  return filter;
}

/* ------------------------------------------------------------------ actions */

static void
undo_action (GtkWidget *widget, const char *name, GVariant *param)
{
  AppWindow *self = APP_WINDOW (widget);
  g_autoptr (GError) error = NULL;

  if (self->store == NULL)
    return;
  flush_edits (self);
  if (!phaen_store_undo (self->store, &error))
    app_window_toast (self, error->message);
}

static void
redo_action (GtkWidget *widget, const char *name, GVariant *param)
{
  AppWindow *self = APP_WINDOW (widget);
  g_autoptr (GError) error = NULL;

  if (self->store == NULL)
    return;
  flush_edits (self);
  if (!phaen_store_redo (self->store, &error))
    app_window_toast (self, error->message);
}

static void
new_plan_action (GtkWidget *widget, const char *name, GVariant *param)
{
  show_new_plan_dialog (APP_WINDOW (widget));
}

static void
close_workspace_action (GtkWidget *widget, const char *name, GVariant *param)
{
  set_store (APP_WINDOW (widget), NULL);
}

/* ------------------------------------------------------------------ overrides */

static gboolean
app_window_close_request (GtkWindow *window)
{
  AppWindow *self = APP_WINDOW (window);
  int width, height;

  flush_edits (self);
  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (!gtk_window_is_maximized (window))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  return GTK_WINDOW_CLASS (app_window_parent_class)->close_request (window);
}

/* ------------------------------------------------------------------ unit copies and packets */

static void
send_chooser_response_cb (GtkNativeDialog *chooser, int response, AppWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr (GError) error = NULL;

      if (path == NULL)
        app_window_show_error (self, _ ("The results could not be sent"),
                               _ ("Choose a folder on this computer."));
      else if (!app_window_send_results (self, path, &error))
        app_window_show_error (self, _ ("The results could not be sent"), error->message);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/* ส่งผลการดำเนินงาน: a save dialog with the packet's name, then the packet. */
static void
send_results_action (GtkWidget *widget, const char *name, GVariant *param)
{
  AppWindow *self = APP_WINDOW (widget);
  g_autoptr (GError) error = NULL;
  g_autofree char *suggested = NULL;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  if (self->store == NULL || self->unit_copy == NULL)
    return;
  flush_edits (self);
  suggested = phaen_unit_copy_packet_name (self->store, 0, &error);
  if (suggested == NULL)
    {
      app_window_show_error (self, _ ("The results could not be sent"), error->message);
      return;
    }
  chooser = gtk_file_chooser_native_new (_ ("Send Results"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Save"), _ ("_Cancel"));
  gtk_file_filter_set_name (filter, _ ("Result packets"));
  gtk_file_filter_add_pattern (filter, "*" PHAEN_PACKET_SUFFIX);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (send_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
import_chooser_response_cb (GtkNativeDialog *chooser, int response, AppWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      g_autoptr (GPtrArray) paths = NULL;
      GSList *list = NULL;

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        list = g_slist_append (list, g_list_model_get_item (files, i));
      paths = app_packet_import_collect (list);
      g_slist_free_full (list, g_object_unref);
      g_ptr_array_add (paths, NULL);
      app_window_import_packets (self, (const char *const *)paths->pdata);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
choose_packets (AppWindow *self, gboolean folder)
{
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  if (self->store == NULL)
    return;
  flush_edits (self);
  chooser = gtk_file_chooser_native_new (
    folder ? _ ("Import Results From a Folder") : _ ("Import Results"), GTK_WINDOW (self),
    folder ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER : GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Import"),
    _ ("_Cancel"));
  if (!folder)
    {
      gtk_file_filter_set_name (filter, _ ("Result packets"));
      gtk_file_filter_add_pattern (filter, "*" PHAEN_PACKET_SUFFIX);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
      gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (import_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
send_to_units_action (GtkWidget *widget, const char *name, GVariant *param)
{
  app_window_show_send_dialog (APP_WINDOW (widget));
}

static void
show_collection_action (GtkWidget *widget, const char *name, GVariant *param)
{
  app_window_show_collection (APP_WINDOW (widget));
}

static void
import_packets_action (GtkWidget *widget, const char *name, GVariant *param)
{
  choose_packets (APP_WINDOW (widget), FALSE);
}

static void
import_packet_folder_action (GtkWidget *widget, const char *name, GVariant *param)
{
  choose_packets (APP_WINDOW (widget), TRUE);
}

/* Packets (or folders of them) dropped on the office's window are imported. */
static gboolean
drop_cb (GtkDropTarget *target, const GValue *value, double x, double y, AppWindow *self)
{
  g_autoptr (GPtrArray) paths = NULL;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) || self->store == NULL ||
      self->unit_copy != NULL || phaen_store_is_read_only (self->store))
    return FALSE;
  paths = app_packet_import_collect (g_value_get_boxed (value));
  if (paths->len == 0)
    return FALSE;
  g_ptr_array_add (paths, NULL);
  app_window_import_packets (self, (const char *const *)paths->pdata);
  return TRUE;
}

static void
app_window_dispose (GObject *object)
{
  AppWindow *self = APP_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->outside_change_source, g_source_remove);
  /* The settings' action follows the settings, which outlive the window (a language change
   * replaces it): its group must let go of it first. */
  g_action_map_remove_action (G_ACTION_MAP (self), "language");
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  /* No gtk_widget_dispose_template(): the Adwaita parent drops its children itself, and
   * GTK 4.8 would dispose them a second time (gtk#5834). */
  g_clear_object (&self->store);
  g_clear_object (&self->sidebar_selection);
  g_clear_object (&self->units);
  g_clear_pointer (&self->search_key, g_free);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->initial_view, g_free);
  g_clear_pointer (&self->unit_copy, phaen_unit_copy_info_free);
  G_OBJECT_CLASS (app_window_parent_class)->dispose (object);
}

static void
app_window_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  AppWindow *self = APP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
app_window_class_init (AppWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = app_window_dispose;
  object_class->get_property = app_window_get_property;
  window_class->close_request = app_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, PHAEN_TYPE_STORE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (APP_TYPE_PLAN_PAGE);
  g_type_ensure (APP_TYPE_INDICATORS_PAGE);
  g_type_ensure (APP_TYPE_RESULTS_PAGE);
  g_type_ensure (APP_TYPE_DASHBOARD_PAGE);
  g_type_ensure (APP_TYPE_EFFICIENCY_PAGE);
  g_type_ensure (APP_TYPE_PMQA_PAGE);
  g_type_ensure (APP_TYPE_PMQA_ASSESSMENT_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/phaen/Phaen/ui/app-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AppWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AppWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, AppWindow, recent_group);
  gtk_widget_class_bind_template_child (widget_class, AppWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, AppWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, AppWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, AppWindow, sidebar_toggle);
  gtk_widget_class_bind_template_child (widget_class, AppWindow, sidebar_search);
  gtk_widget_class_bind_template_child (widget_class, AppWindow, sidebar_view);
  gtk_widget_class_bind_template_child (widget_class, AppWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, AppWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, AppWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, AppWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, AppWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, AppWindow, plan_page);
  gtk_widget_class_bind_template_child (widget_class, AppWindow, indicators_page);
  gtk_widget_class_bind_template_child (widget_class, AppWindow, results_page);
  gtk_widget_class_bind_template_child (widget_class, AppWindow, dashboard_page);
  gtk_widget_class_bind_template_child (widget_class, AppWindow, efficiency_page);
  gtk_widget_class_bind_template_child (widget_class, AppWindow, pmqa_page);
  gtk_widget_class_bind_template_child (widget_class, AppWindow, pmqa_assessment_page);
  gtk_widget_class_bind_template_child (widget_class, AppWindow, read_only_banner);
  gtk_widget_class_bind_template_child (widget_class, AppWindow, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, AppWindow, unit_copy_banner);
  gtk_widget_class_bind_template_child (widget_class, AppWindow, unit_copy_label);
  gtk_widget_class_bind_template_callback (widget_class, recent_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, show_category7_cb);
  gtk_widget_class_bind_template_callback (widget_class, reopen_for_editing_cb);

  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.new-plan", NULL, new_plan_action);
  gtk_widget_class_install_action (widget_class, "win.close-workspace", NULL,
                                   close_workspace_action);
  gtk_widget_class_install_action (widget_class, "win.search-units", NULL, search_units_action);
  gtk_widget_class_install_action (widget_class, "win.send-results", NULL, send_results_action);
  gtk_widget_class_install_action (widget_class, "win.import-packets", NULL, import_packets_action);
  gtk_widget_class_install_action (widget_class, "win.import-packet-folder", NULL,
                                   import_packet_folder_action);
  gtk_widget_class_install_action (widget_class, "win.show-collection", NULL,
                                   show_collection_action);
  gtk_widget_class_install_action (widget_class, "win.send-to-units", NULL, send_to_units_action);
  app_shortcuts_add_bindings (widget_class);
  app_window_manage_class_init (widget_class);
}

/* Units → their years and pages, the units the search finds, rows made from ui/app-sidebar-row.ui
 * as they scroll into view. */
static void
setup_sidebar (AppWindow *self)
{
  g_autoptr (GtkBuilderScope) scope = gtk_builder_cscope_new ();
  g_autoptr (GtkListItemFactory) factory = NULL;
  GtkEventController *keys;
  GtkFilterListModel *found;

  self->units = g_list_store_new (APP_TYPE_SIDEBAR_ITEM);
  self->search_key = g_strdup ("");
  self->unit_filter = gtk_custom_filter_new (unit_found_cb, self, NULL);
  found = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->units)),
                                     GTK_FILTER (self->unit_filter));
  self->sidebar_tree =
    gtk_tree_list_model_new (G_LIST_MODEL (found), FALSE, FALSE, unit_children_cb, NULL, NULL);
  self->sidebar_selection = gtk_single_selection_new (G_LIST_MODEL (self->sidebar_tree));
  gtk_single_selection_set_autoselect (self->sidebar_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->sidebar_selection, TRUE);
  g_signal_connect_object (self->sidebar_selection, "notify::selected-item",
                           G_CALLBACK (sidebar_selection_cb), self, G_CONNECT_SWAPPED);

  gtk_builder_cscope_add_callback (GTK_BUILDER_CSCOPE (scope), sidebar_row_pressed_cb);
  gtk_builder_cscope_add_callback (GTK_BUILDER_CSCOPE (scope), sidebar_row_menu_cb);
  keys = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (
    GTK_SHORTCUT_CONTROLLER (keys),
    gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Shift>F10|Menu"),
                      gtk_callback_action_new (sidebar_menu_key_cb, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self->sidebar_view), keys);
  factory = gtk_builder_list_item_factory_new_from_resource (
    scope, "/io/github/phaen/Phaen/ui/app-sidebar-row.ui");
  gtk_grid_view_set_factory (self->sidebar_view, factory);
  gtk_grid_view_set_model (self->sidebar_view, GTK_SELECTION_MODEL (self->sidebar_selection));
}

static void
app_window_init (AppWindow *self)
{
  g_autoptr (GAction) language = NULL;
  g_autoptr (GAction) sidebar_visible = NULL;
  g_autoptr (GSimpleActionGroup) group = g_simple_action_group_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  setup_sidebar (self);
  /* A click on an indicator of the dashboard opens it in the editor. */
  g_signal_connect_object (self->dashboard_page, "show-indicator",
                           G_CALLBACK (app_window_show_indicator), self, G_CONNECT_SWAPPED);

  self->settings = app_settings_new ();
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  /* F9 hides the sidebar so the plan grid shows the whole year; folded, the sidebar is a page
   * of its own and stays. */
  sidebar_visible = g_settings_create_action (self->settings, "sidebar-visible");
  g_action_map_add_action (G_ACTION_MAP (self), sidebar_visible);
  g_signal_connect_object (self->settings, "changed::sidebar-visible",
                           G_CALLBACK (update_sidebar_visible), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (update_sidebar_visible),
                           self, G_CONNECT_SWAPPED);
  update_sidebar_visible (self);

  language = g_settings_create_action (self->settings, "language");
  g_action_map_add_action (G_ACTION_MAP (self), language);
  g_signal_connect_object (self->settings, "changed::recent-files", G_CALLBACK (refresh_recent),
                           self, G_CONNECT_SWAPPED);

  gtk_window_set_title (GTK_WINDOW (self), _ ("Phaen"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-plan", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.close-workspace", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.send-results", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-packets", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-packet-folder", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-collection", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.send-to-units", FALSE);
  {
    GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

    g_signal_connect_object (drop, "drop", G_CALLBACK (drop_cb), self, 0);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
  }
  update_undo_state (self);
  refresh_recent (self);
}

static void
open_with_flags (AppWindow *self, const char *path, PhaenStoreOpenFlags flags)
{
  OpenRequest *request = g_new0 (OpenRequest, 1);

  request->self = g_object_ref (self);
  request->path = g_strdup (path);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  phaen_store_open_async (path, flags, self->cancellable, open_cb, request);
}

/* Another window of this process that has @path open: one file, one window, one undo history,
 * as the lock file allows one writer. */
static AppWindow *
window_with_workspace (AppWindow *self, const char *path)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autofree char *wanted = realpath (path, NULL);

  if (app == NULL || wanted == NULL)
    return NULL;
  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    {
      AppWindow *window = APP_IS_WINDOW (l->data) ? l->data : NULL;

      if (window != NULL && window != self && window->store != NULL &&
          g_str_equal (phaen_store_get_path (window->store), wanted))
        return window;
    }
  return NULL;
}

static void
reopen_for_editing_cb (AppWindow *self)
{
  g_autofree char *path = NULL;

  if (self->store == NULL)
    return;
  path = g_strdup (phaen_store_get_path (self->store));
  open_with_flags (self, path, PHAEN_STORE_OPEN_DEFAULT);
}

/* ------------------------------------------------------------------ public API */

AppWindow *
app_window_new (AppApplication *application)
{
  return g_object_new (APP_TYPE_WINDOW, "application", application, NULL);
}

void
app_window_open (AppWindow *self, GFile *file)
{
  g_autofree char *path = NULL;
  AppWindow *other;

  g_return_if_fail (APP_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_autofree char *body = g_strdup_printf (_ ("“%s” is not a file on this computer."), uri);

      app_window_show_error (self, _ ("The file could not be opened"), body);
      return;
    }
  other = window_with_workspace (self, path);
  if (other != NULL)
    {
      gtk_window_present (GTK_WINDOW (other));
      return;
    }
  open_with_flags (self, path, PHAEN_STORE_OPEN_DEFAULT);
}

void
app_window_create (AppWindow *self, GFile *file)
{
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenStore) store = NULL;

  g_return_if_fail (APP_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  path = g_file_get_path (file);
  if (path == NULL)
    {
      app_window_show_error (self, _ ("The workspace could not be made"),
                             _ ("Choose a folder on this computer."));
      return;
    }
  /* The file chooser already asked whether to replace an existing file. */
  if (g_file_test (path, G_FILE_TEST_EXISTS) && g_unlink (path) != 0)
    {
      int saved_errno = errno;
      g_autofree char *body =
        g_strdup_printf (_ ("“%s” could not be replaced: %s"), path, g_strerror (saved_errno));

      app_window_show_error (self, _ ("The workspace could not be made"), body);
      return;
    }
  store = phaen_store_create (path, &error);
  if (store == NULL)
    {
      app_window_show_error (self, _ ("The workspace could not be made"), error->message);
      return;
    }
  set_store (self, store);
  note_opened (self, store);
  show_new_plan_dialog (self);
}

void
app_window_choose_open (AppWindow *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr (GtkFileFilter) filter = workspace_filter ();
  g_autoptr (GtkFileFilter) all = gtk_file_filter_new ();

  g_return_if_fail (APP_IS_WINDOW (self));

  chooser = gtk_file_chooser_native_new (_ ("Open Workspace"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Open"), _ ("_Cancel"));
  gtk_file_filter_set_name (all, _ ("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_open_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
app_window_choose_new (AppWindow *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr (GtkFileFilter) filter = workspace_filter ();

  g_return_if_fail (APP_IS_WINDOW (self));

  chooser =
    gtk_file_chooser_native_new (_ ("New Workspace"), GTK_WINDOW (self),
                                 GTK_FILE_CHOOSER_ACTION_SAVE, _ ("C_reate"), _ ("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _ ("Plans.phaen"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_new_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
app_window_set_initial_view (AppWindow *self, const char *view)
{
  g_return_if_fail (APP_IS_WINDOW (self));

  g_free (self->initial_view);
  self->initial_view = g_strdup (view);
}

PhaenStore *
app_window_get_store (AppWindow *self)
{
  g_return_val_if_fail (APP_IS_WINDOW (self), NULL);

  return self->store;
}

gboolean
app_window_show_plan (AppWindow *self, gint64 plan_id)
{
  AppSidebarPlace pattern = { APP_SIDEBAR_PLAN, 0, 0, plan_id };

  g_return_val_if_fail (APP_IS_WINDOW (self), FALSE);

  return select_and_navigate (self, &pattern);
}

gboolean
app_window_show_unit_page (AppWindow *self, const char *page, gint64 unit_id, int fiscal_year)
{
  AppSidebarPlace pattern = { .unit_id = unit_id, .year = fiscal_year };

  g_return_val_if_fail (APP_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (page != NULL, FALSE);

  if (g_str_equal (page, "indicators"))
    pattern.kind = APP_SIDEBAR_INDICATORS;
  else if (g_str_equal (page, "results"))
    pattern.kind = APP_SIDEBAR_RESULTS;
  else if (g_str_equal (page, "dashboard"))
    pattern.kind = APP_SIDEBAR_DASHBOARD;
  else if (g_str_equal (page, "pmqa"))
    pattern.kind = APP_SIDEBAR_PMQA;
  else if (g_str_equal (page, "pmqa-assessment"))
    pattern.kind = APP_SIDEBAR_PMQA_ASSESSMENT;
  else
    return FALSE;
  return select_and_navigate (self, &pattern);
}

void
app_window_show_indicator (AppWindow *self, gint64 indicator_id)
{
  g_autoptr (PhaenIndicator) indicator = NULL;

  g_return_if_fail (APP_IS_WINDOW (self));

  if (self->store == NULL)
    return;
  indicator = phaen_store_get_indicator (self->store, indicator_id, NULL);
  if (indicator == NULL ||
      !app_window_show_unit_page (self, "indicators", indicator->unit_id, indicator->fiscal_year))
    return;
  app_indicators_page_show_indicator (self->indicators_page, indicator_id);
}

gboolean
app_window_show_efficiency_report (AppWindow *self, gint64 plan_id)
{
  AppSidebarPlace pattern = { APP_SIDEBAR_EFFICIENCY, 0, 0, plan_id };

  g_return_val_if_fail (APP_IS_WINDOW (self), FALSE);

  return select_and_navigate (self, &pattern);
}

AppPlanPage *
app_window_get_plan_page (AppWindow *self)
{
  g_return_val_if_fail (APP_IS_WINDOW (self), NULL);

  return self->plan_page;
}

void
app_window_show_error (AppWindow *self, const char *heading, const char *body)
{
  GtkWidget *dialog;

  g_return_if_fail (APP_IS_WINDOW (self));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _ ("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

void
app_window_toast (AppWindow *self, const char *text)
{
  AdwToast *toast;

  g_return_if_fail (APP_IS_WINDOW (self));

  toast = adw_toast_new (text);
  adw_toast_set_timeout (toast, 4);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* A toast whose button undoes the edit just made. */
void
app_window_toast_undo (AppWindow *self, const char *text)
{
  AdwToast *toast;

  g_return_if_fail (APP_IS_WINDOW (self));

  toast = adw_toast_new (text);
  adw_toast_set_timeout (toast, 8);
  adw_toast_set_button_label (toast, _ ("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

gboolean
app_window_get_place (AppWindow *self, AppSidebarPlace *place)
{
  g_return_val_if_fail (APP_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (place != NULL, FALSE);

  if (!self->has_shown || self->store == NULL)
    return FALSE;
  *place = self->shown;
  return TRUE;
}

AppWindow *
app_window_rebuild (AppWindow *self)
{
  GtkApplication *app;
  AppWindow *window;
  g_autofree char *view = NULL;
  int width, height;

  g_return_val_if_fail (APP_IS_WINDOW (self), NULL);

  app = gtk_window_get_application (GTK_WINDOW (self));
  flush_edits (self);
  window = app_window_new (APP_APPLICATION (app));
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  if (gtk_window_is_maximized (GTK_WINDOW (self)))
    gtk_window_maximize (GTK_WINDOW (window));
  if (self->store != NULL)
    {
      /* The workspace stays open (its lock and undo history with it): the new window takes it. */
      g_object_get (self->plan_page, "view", &view, NULL);
      set_store (window, self->store);
      if (self->has_shown && select_place (window, &self->shown))
        {
          if (self->shown.kind == APP_SIDEBAR_PLAN)
            g_object_set (window->plan_page, "view", view, NULL);
          adw_leaflet_navigate (window->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
        }
    }
  gtk_window_present (GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (self));
  return window;
}

gboolean
app_window_get_read_only_banner_visible (AppWindow *self)
{
  g_return_val_if_fail (APP_IS_WINDOW (self), FALSE);

  return gtk_revealer_get_reveal_child (self->read_only_banner);
}

gboolean
app_window_get_unit_copy_banner_visible (AppWindow *self)
{
  g_return_val_if_fail (APP_IS_WINDOW (self), FALSE);

  return gtk_revealer_get_reveal_child (self->unit_copy_banner);
}

const char *
app_window_get_unit_copy_text (AppWindow *self)
{
  g_return_val_if_fail (APP_IS_WINDOW (self), NULL);

  return gtk_label_get_text (self->unit_copy_label);
}

gboolean
app_window_send_results (AppWindow *self, const char *path, GError **error)
{
  PhaenPackSummary summary = { 0 };
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (APP_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->store == NULL || self->unit_copy == NULL)
    {
      g_set_error_literal (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                           _ ("Only a unit’s copy sends results."));
      return FALSE;
    }
  flush_edits (self);
  if (!phaen_unit_copy_pack (self->store, 0, NULL, path, &summary, error))
    return FALSE;
  name = g_path_get_basename (path);
  text = g_strdup_printf (_ ("Quarter %d saved in “%s”: %u results, %u evidence items, %u progress "
                             "entries, %u PMQA values"),
                          summary.quarter, name, summary.results, summary.evidence,
                          summary.progress, summary.pmqa);
  app_window_toast (self, text);
  update_unit_copy_banner (self);
  return TRUE;
}

AppPacketReview *
app_window_import_packets (AppWindow *self, const char *const *paths)
{
  g_return_val_if_fail (APP_IS_WINDOW (self), NULL);
  g_return_val_if_fail (paths != NULL, NULL);

  if (self->store == NULL)
    return NULL;
  flush_edits (self);
  return app_packet_import (GTK_WINDOW (self), self->store, paths);
}

AppCollectionWindow *
app_window_show_collection (AppWindow *self)
{
  AppCollectionWindow *window;

  g_return_val_if_fail (APP_IS_WINDOW (self), NULL);

  if (self->store == NULL || self->unit_copy != NULL)
    return NULL;
  window = app_collection_window_new (GTK_WINDOW (self), self->store);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

AppSendDialog *
app_window_show_send_dialog (AppWindow *self)
{
  AppSendDialog *dialog;

  g_return_val_if_fail (APP_IS_WINDOW (self), NULL);

  if (self->store == NULL || self->unit_copy != NULL || phaen_store_is_read_only (self->store))
    return NULL;
  flush_edits (self);
  dialog = app_send_dialog_new (GTK_WINDOW (self), self->store);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}
