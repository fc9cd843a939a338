/* app-window-manage.c — the window's actions that manage the workspace: rename, merge and
 * delete units, delete and duplicate plans, import units and plans. Each asks first, saying
 * what goes; each is one undo step, offered again on the toast.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-app"

#include "config.h"

#include <glib/gi18n.h>

#include "app-import-dialog.h"
#include "app-window-manage.h"
#include "phaen-table.h"

/* ------------------------------------------------------------------ helpers */

static AdwMessageDialog *
question_new (AppWindow *self, const char *heading, const char *body)
{
  AdwMessageDialog *dialog =
    ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));

  adw_message_dialog_add_response (dialog, "cancel", _ ("_Cancel"));
  adw_message_dialog_set_close_response (dialog, "cancel");
  return dialog;
}

static void
answer (AdwMessageDialog *dialog, const char *id, const char *label, AdwResponseAppearance look)
{
  adw_message_dialog_add_response (dialog, id, label);
  adw_message_dialog_set_response_appearance (dialog, id, look);
  /* Enter never deletes: a destructive answer has to be chosen. */
  adw_message_dialog_set_default_response (dialog,
                                           look == ADW_RESPONSE_DESTRUCTIVE ? "cancel" : id);
}

/* The unit an action is for: its parameter (a row's context menu), or 0 for the unit of the
 * shown page (the window's menu). */
static PhaenUnit *
target_unit (AppWindow *self, GVariant *param)
{
  gint64 id = param != NULL ? g_variant_get_int64 (param) : 0;
  AppSidebarPlace place;

  if (id == 0 && app_window_get_place (self, &place))
    id = place.unit_id;
  return id != 0 ? phaen_store_get_unit (app_window_get_store (self), id, NULL) : NULL;
}

static PhaenPlan *
target_plan (AppWindow *self, GVariant *param)
{
  gint64 id = param != NULL ? g_variant_get_int64 (param) : 0;
  AppSidebarPlace place;

  if (id == 0 && app_window_get_place (self, &place))
    id = place.plan_id;
  return id != 0 ? phaen_store_get_plan (app_window_get_store (self), id, NULL) : NULL;
}

static char *
unit_label (const PhaenUnit *unit)
{
  return *unit->name ? g_strdup_printf ("%s (%s)", unit->abbr, unit->name) : g_strdup (unit->abbr);
}

static void
report (AppWindow *self, gboolean ok, GError *error, const char *done)
{
  if (ok)
    app_window_toast_undo (self, done);
  else if (error != NULL)
    app_window_show_error (self, _ ("The change was not made"), error->message);
}

/* ------------------------------------------------------------------ rename */

static void
rename_response_cb (AdwMessageDialog *dialog, const char *response, AppWindow *self)
{
  GtkEditable *abbr = g_object_get_data (G_OBJECT (dialog), "abbr");
  GtkEditable *name = g_object_get_data (G_OBJECT (dialog), "name");
  gint64 unit_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "unit-id"));
  g_autoptr (GError) error = NULL;
  gboolean ok;

  if (!g_str_equal (response, "rename"))
    return;
  ok = phaen_store_rename_unit (app_window_get_store (self), unit_id, gtk_editable_get_text (abbr),
                                gtk_editable_get_text (name), &error);
  report (self, ok, error, _ ("The unit was renamed."));
}

static GtkWidget *
labelled_entry (GtkBox *box, const char *label, const char *text)
{
  GtkWidget *title = gtk_label_new_with_mnemonic (label);
  GtkWidget *entry = gtk_entry_new ();

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (title), entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_box_append (box, title);
  gtk_box_append (box, entry);
  return entry;
}

static void
rename_unit_action (GtkWidget *widget, const char *action, GVariant *param)
{
  AppWindow *self = APP_WINDOW (widget);
  g_autoptr (PhaenUnit) unit = target_unit (self, param);
  AdwMessageDialog *dialog;
  GtkWidget *box;

  if (unit == NULL)
    return;
  dialog =
    question_new (self, _ ("Rename Unit"), _ ("Plans, indicators and people stay with the unit."));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_object_set_data (G_OBJECT (dialog), "abbr",
                     labelled_entry (GTK_BOX (box), _ ("_Abbreviation"), unit->abbr));
  g_object_set_data (G_OBJECT (dialog), "name",
                     labelled_entry (GTK_BOX (box), _ ("_Full name"), unit->name));
  g_object_set_data (G_OBJECT (dialog), "unit-id", GSIZE_TO_POINTER ((gsize)unit->id));
  adw_message_dialog_set_extra_child (dialog, box);
  answer (dialog, "rename", _ ("_Rename"), ADW_RESPONSE_SUGGESTED);
  g_signal_connect_object (dialog, "response", G_CALLBACK (rename_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------ merge */

static void
merge_response_cb (AdwMessageDialog *dialog, const char *response, AppWindow *self)
{
  GtkDropDown *into = g_object_get_data (G_OBJECT (dialog), "into");
  GArray *ids = g_object_get_data (G_OBJECT (dialog), "ids");
  gint64 unit_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "unit-id"));
  guint chosen = gtk_drop_down_get_selected (into);
  g_autoptr (GError) error = NULL;
  gboolean ok;

  if (!g_str_equal (response, "merge") || chosen >= ids->len)
    return;
  ok = phaen_store_merge_units (app_window_get_store (self), unit_id,
                                g_array_index (ids, gint64, chosen), &error);
  report (self, ok, error, _ ("The units were merged."));
}

static void
merge_unit_action (GtkWidget *widget, const char *action, GVariant *param)
{
  AppWindow *self = APP_WINDOW (widget);
  PhaenStore *store = app_window_get_store (self);
  g_autoptr (PhaenUnit) unit = target_unit (self, param);
  g_autoptr (GPtrArray) units = NULL;
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *label = NULL;
  g_autofree char *what = NULL;
  g_autofree char *body = NULL;
  PhaenStoreContents contents;
  AdwMessageDialog *dialog;
  GtkWidget *into;

  if (unit == NULL || !(units = phaen_store_list_units (store, NULL)) ||
      !phaen_store_count_unit_contents (store, unit->id, &contents, NULL))
    return;
  for (guint i = 0; i < units->len; i++)
    {
      const PhaenUnit *other = g_ptr_array_index (units, i);
      g_autofree char *text = NULL;

      if (other->id == unit->id)
        continue;
      text = unit_label (other);
      gtk_string_list_append (names, text);
      g_array_append_val (ids, other->id);
    }
  if (ids->len == 0)
    {
      app_window_toast (self, _ ("There is no other unit to merge into."));
      return;
    }
  label = unit_label (unit);
  what = phaen_store_contents_describe (&contents);
  body = g_strdup_printf (_ ("%s goes; what it has moves to the unit chosen below: %s."), label,
                          *what ? what : _ ("nothing but the unit itself"));
  dialog = question_new (self, _ ("Merge Unit Into Another?"), body);
  into = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), NULL);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (into), TRUE);
  adw_message_dialog_set_extra_child (dialog, into);
  g_object_set_data (G_OBJECT (dialog), "into", into);
  g_object_set_data_full (G_OBJECT (dialog), "ids", g_steal_pointer (&ids),
                          (GDestroyNotify)g_array_unref);
  g_object_set_data (G_OBJECT (dialog), "unit-id", GSIZE_TO_POINTER ((gsize)unit->id));
  answer (dialog, "merge", _ ("_Merge"), ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (merge_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------ delete */

static void
delete_response_cb (AdwMessageDialog *dialog, const char *response, AppWindow *self)
{
  gint64 unit_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "unit-id"));
  gint64 plan_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "plan-id"));
  PhaenStore *store = app_window_get_store (self);
  g_autoptr (GError) error = NULL;
  gboolean ok;

  if (!g_str_equal (response, "delete"))
    return;
  if (plan_id != 0)
    ok = phaen_store_delete_plan (store, plan_id, &error);
  else
    ok = phaen_store_delete_unit (store, unit_id, &error);
  report (self, ok, error,
          plan_id != 0 ? _ ("The plan was deleted.") : _ ("The unit was deleted."));
}

static void
delete_unit_action (GtkWidget *widget, const char *action, GVariant *param)
{
  AppWindow *self = APP_WINDOW (widget);
  g_autoptr (PhaenUnit) unit = target_unit (self, param);
  g_autofree char *label = NULL;
  g_autofree char *what = NULL;
  g_autofree char *body = NULL;
  PhaenStoreContents contents;
  AdwMessageDialog *dialog;

  if (unit == NULL ||
      !phaen_store_count_unit_contents (app_window_get_store (self), unit->id, &contents, NULL))
    return;
  label = unit_label (unit);
  what = phaen_store_contents_describe (&contents);
  body = *what ? g_strdup_printf (_ ("%s goes with %s. Undo brings it back."), label, what)
               : g_strdup_printf (_ ("%s goes; it has no plans or indicators. Undo brings it "
                                     "back."),
                                  label);
  dialog = question_new (self, _ ("Delete Unit?"), body);
  g_object_set_data (G_OBJECT (dialog), "unit-id", GSIZE_TO_POINTER ((gsize)unit->id));
  answer (dialog, "delete", _ ("_Delete"), ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_plan_action (GtkWidget *widget, const char *action, GVariant *param)
{
  AppWindow *self = APP_WINDOW (widget);
  g_autoptr (PhaenPlan) plan = target_plan (self, param);
  g_autofree char *what = NULL;
  g_autofree char *body = NULL;
  PhaenStoreContents contents;
  AdwMessageDialog *dialog;

  if (plan == NULL ||
      !phaen_store_count_plan_contents (app_window_get_store (self), plan->id, &contents, NULL))
    return;
  contents.plans = 0;
  what = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE, "%d activity", "%d activities", contents.activities),
    contents.activities);
  body = g_strdup_printf (_ ("“%s” goes with %s. Its indicators (%d) stay with the unit. Undo "
                             "brings it back."),
                          plan->title, what, contents.indicators);
  dialog = question_new (self, _ ("Delete Plan?"), body);
  g_object_set_data (G_OBJECT (dialog), "plan-id", GSIZE_TO_POINTER ((gsize)plan->id));
  answer (dialog, "delete", _ ("_Delete"), ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------ duplicate */

static void
duplicate_response_cb (AdwMessageDialog *dialog, const char *response, AppWindow *self)
{
  GtkSpinButton *year = g_object_get_data (G_OBJECT (dialog), "year");
  gint64 plan_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "plan-id"));
  g_autoptr (GError) error = NULL;
  g_autofree char *done = NULL;
  gint64 copy;

  if (!g_str_equal (response, "duplicate"))
    return;
  gtk_spin_button_update (year);
  copy = phaen_store_duplicate_plan (app_window_get_store (self), plan_id,
                                     gtk_spin_button_get_value_as_int (year), &error);
  done = g_strdup_printf (_ ("The plan was copied into fiscal year %d."),
                          gtk_spin_button_get_value_as_int (year));
  report (self, copy != 0, error, done);
  if (copy != 0)
    app_window_show_plan (self, copy);
}

/* GTK 4.8's spin button cannot activate the default response: Enter answers here. */
static gboolean
year_key_cb (GtkEventControllerKey *keys,
             guint keyval,
             guint keycode,
             GdkModifierType state,
             AdwMessageDialog *dialog)
{
  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return FALSE;
  gtk_spin_button_update (g_object_get_data (G_OBJECT (dialog), "year"));
  adw_message_dialog_response (dialog, "duplicate");
  gtk_window_close (GTK_WINDOW (dialog));
  return TRUE;
}

static void
duplicate_plan_action (GtkWidget *widget, const char *action, GVariant *param)
{
  AppWindow *self = APP_WINDOW (widget);
  g_autoptr (PhaenPlan) plan = target_plan (self, param);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  GtkEventController *keys;
  GtkWidget *box, *label, *year;

  if (plan == NULL)
    return;
  body = g_strdup_printf (_ ("A copy of “%s” with its activities, planned months and indicators "
                             "goes into the year chosen below, month for month. Results stay "
                             "with fiscal year %d."),
                          plan->title, plan->fiscal_year);
  dialog = question_new (self, _ ("Duplicate Plan Into Another Year?"), body);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  label = gtk_label_new_with_mnemonic (_ ("_Fiscal year (BE)"));
  year = gtk_spin_button_new_with_range (2400, 2800, 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (year), plan->fiscal_year + 1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), year);
  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), year);
  adw_message_dialog_set_extra_child (dialog, box);
  g_object_set_data (G_OBJECT (dialog), "year", year);
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (year_key_cb), dialog, 0);
  gtk_widget_add_controller (year, keys);
  g_object_set_data (G_OBJECT (dialog), "plan-id", GSIZE_TO_POINTER ((gsize)plan->id));
  answer (dialog, "duplicate", _ ("_Duplicate"), ADW_RESPONSE_SUGGESTED);
  g_signal_connect_object (dialog, "response", G_CALLBACK (duplicate_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------ import */

typedef struct
{
  AppWindow *window; /* (owned) */
  AppImportKind kind;
  gint64 unit_id;
  char *name;
} ImportRead;

static void
import_read_free (ImportRead *read)
{
  g_object_unref (read->window);
  g_free (read->name);
  g_free (read);
}

static void
import_read_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  ImportRead *read = data;
  g_autoptr (GError) error = NULL;
  PhaenTable *table = phaen_table_read_file_finish (result, &error);
  AppSidebarPlace place = { 0 };

  gtk_widget_set_cursor_from_name (GTK_WIDGET (read->window), NULL);
  if (table == NULL)
    app_window_show_error (read->window, _ ("The file cannot be imported"), error->message);
  else
    {
      app_window_get_place (read->window, &place);
      app_import_dialog_present_table (read->window, read->kind, table, read->name, read->unit_id,
                                       place.year);
    }
  import_read_free (read);
}

/* The file is read in a thread (a large workbook takes a while); the preview follows. */
static void
import_chosen_cb (GtkNativeDialog *chooser, int response, AppWindow *self)
{
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL &&
      (path = g_file_get_path (file)) != NULL)
    {
      ImportRead *read = g_new0 (ImportRead, 1);

      read->window = g_object_ref (self);
      read->kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "kind"));
      read->unit_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (chooser), "unit-id"));
      read->name = g_path_get_basename (path);
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "wait");
      phaen_table_read_file_async (path, 0, NULL, import_read_cb, read);
    }
  g_object_unref (chooser);
}

static void
choose_import (AppWindow *self, AppImportKind kind, gint64 unit_id)
{
  GtkFileChooserNative *chooser;
  g_autoptr (GtkFileFilter) tables = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (
    kind == APP_IMPORT_UNITS ? _ ("Import Units") : _ ("Import Plan"), GTK_WINDOW (self),
    GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Open"), _ ("_Cancel"));
  gtk_file_filter_set_name (tables, _ ("Tables (XLSX, CSV, TSV)"));
  gtk_file_filter_add_suffix (tables, "xlsx");
  gtk_file_filter_add_suffix (tables, "csv");
  gtk_file_filter_add_suffix (tables, "tsv");
  gtk_file_filter_add_suffix (tables, "txt");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), tables);
  g_object_set_data (G_OBJECT (chooser), "kind", GINT_TO_POINTER (kind));
  g_object_set_data (G_OBJECT (chooser), "unit-id", GSIZE_TO_POINTER ((gsize)unit_id));
  g_signal_connect_object (chooser, "response", G_CALLBACK (import_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
import_units_action (GtkWidget *widget, const char *action, GVariant *param)
{
  choose_import (APP_WINDOW (widget), APP_IMPORT_UNITS, 0);
}

static void
import_plan_action (GtkWidget *widget, const char *action, GVariant *param)
{
  AppWindow *self = APP_WINDOW (widget);
  g_autoptr (PhaenUnit) unit = target_unit (self, param);

  if (unit != NULL)
    choose_import (self, APP_IMPORT_PLAN, unit->id);
}

/* ------------------------------------------------------------------ context menu */

static void
add_item (GMenu *menu, const char *label, const char *action, gint64 id)
{
  g_autoptr (GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, action, g_variant_new_int64 (id));
  g_menu_append_item (menu, item);
}

static void
popover_closed_cb (GtkPopover *popover)
{
  /* After the chosen action has run: unparenting at once would drop it. */
  g_idle_add_once ((GSourceOnceFunc)gtk_widget_unparent, popover);
}

/* What can be done with the unit (and plan) of a row of the sidebar. Returns: (transfer full) */
static GMenuModel *
row_menu (const AppSidebarPlace *place)
{
  GMenu *menu = g_menu_new ();
  g_autoptr (GMenu) plan = g_menu_new ();
  g_autoptr (GMenu) unit = g_menu_new ();

  if (place->plan_id != 0)
    {
      add_item (plan, _ ("_Duplicate Plan Into Next Year…"), "win.duplicate-plan-of",
                place->plan_id);
      add_item (plan, _ ("Delete P_lan…"), "win.delete-plan-of", place->plan_id);
      g_menu_append_section (menu, NULL, G_MENU_MODEL (plan));
    }
  add_item (unit, _ ("_Import Plan…"), "win.import-plan-of", place->unit_id);
  add_item (unit, _ ("_Rename Unit…"), "win.rename-unit-of", place->unit_id);
  add_item (unit, _ ("_Merge Into Another Unit…"), "win.merge-unit-of", place->unit_id);
  add_item (unit, _ ("_Delete Unit…"), "win.delete-unit-of", place->unit_id);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (unit));
  return G_MENU_MODEL (menu);
}

void
app_window_manage_popup (
  AppWindow *self, GtkWidget *anchor, const AppSidebarPlace *place, double x, double y)
{
  g_autoptr (GMenuModel) model = NULL;
  GtkWidget *popover;
  PhaenStore *store = app_window_get_store (self);

  g_return_if_fail (APP_IS_WINDOW (self));

  if (store == NULL || phaen_store_is_read_only (store) || place->unit_id == 0)
    return;
  model = row_menu (place);
  popover = gtk_popover_menu_new_from_model (model);
  gtk_widget_set_parent (popover, anchor);
  gtk_popover_set_has_arrow (GTK_POPOVER (popover), FALSE);
  gtk_widget_set_halign (popover, GTK_ALIGN_START);
  if (x >= 0 && y >= 0)
    gtk_popover_set_pointing_to (GTK_POPOVER (popover), &(GdkRectangle){ (int)x, (int)y, 1, 1 });
  g_signal_connect (popover, "closed", G_CALLBACK (popover_closed_cb), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
}

/* ------------------------------------------------------------------ public */

void
app_window_manage_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.rename-unit", NULL, rename_unit_action);
  gtk_widget_class_install_action (widget_class, "win.merge-unit", NULL, merge_unit_action);
  gtk_widget_class_install_action (widget_class, "win.delete-unit", NULL, delete_unit_action);
  gtk_widget_class_install_action (widget_class, "win.delete-plan", NULL, delete_plan_action);
  gtk_widget_class_install_action (widget_class, "win.duplicate-plan", NULL, duplicate_plan_action);
  gtk_widget_class_install_action (widget_class, "win.import-units", NULL, import_units_action);
  /* The same for a row of the sidebar's context menu, which names the row's unit or plan; the
   * window's menu acts on the page shown. */
  gtk_widget_class_install_action (widget_class, "win.rename-unit-of", "x", rename_unit_action);
  gtk_widget_class_install_action (widget_class, "win.merge-unit-of", "x", merge_unit_action);
  gtk_widget_class_install_action (widget_class, "win.delete-unit-of", "x", delete_unit_action);
  gtk_widget_class_install_action (widget_class, "win.delete-plan-of", "x", delete_plan_action);
  gtk_widget_class_install_action (widget_class, "win.duplicate-plan-of", "x",
                                   duplicate_plan_action);
  gtk_widget_class_install_action (widget_class, "win.import-plan-of", "x", import_plan_action);
  gtk_widget_class_install_action (widget_class, "win.import-plan", NULL, import_plan_action);
}

void
app_window_manage_update (AppWindow *self)
{
  PhaenStore *store = app_window_get_store (self);
  /* Units and plans are the office's: a unit's copy manages none. */
  gboolean writable =
    store != NULL && !phaen_store_is_read_only (store) && !phaen_store_is_unit_copy (store);
  AppSidebarPlace place = { 0 };
  gboolean shown = writable && app_window_get_place (self, &place);
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "win.import-units", writable);
  gtk_widget_action_set_enabled (widget, "win.import-plan", shown && place.unit_id != 0);
  gtk_widget_action_set_enabled (widget, "win.rename-unit", shown && place.unit_id != 0);
  gtk_widget_action_set_enabled (widget, "win.merge-unit", shown && place.unit_id != 0);
  gtk_widget_action_set_enabled (widget, "win.delete-unit", shown && place.unit_id != 0);
  gtk_widget_action_set_enabled (widget, "win.delete-plan", shown && place.plan_id != 0);
  gtk_widget_action_set_enabled (widget, "win.duplicate-plan", shown && place.plan_id != 0);
  gtk_widget_action_set_enabled (widget, "win.import-plan-of", writable);
  gtk_widget_action_set_enabled (widget, "win.rename-unit-of", writable);
  gtk_widget_action_set_enabled (widget, "win.merge-unit-of", writable);
  gtk_widget_action_set_enabled (widget, "win.delete-unit-of", writable);
  gtk_widget_action_set_enabled (widget, "win.delete-plan-of", writable);
  gtk_widget_action_set_enabled (widget, "win.duplicate-plan-of", writable);
}
