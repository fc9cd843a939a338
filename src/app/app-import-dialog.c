/* app-import-dialog.c — the preview of an import of units or of a plan, with each row's error
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-app"

#include "config.h"

#include <glib/gi18n.h>

#include "app-import-dialog.h"
#include "app-plan-grid.h"
#include "phaen-calendar.h"
#include "phaen-plan-import.h"
#include "phaen-unit-import.h"
#include "phaen-thai-text.h"

/* Choices of a column's role in a plan's table: the roles, then the 24 months. */
#define N_ROLE_CHOICES 6

static const PhaenPlanColumnRole roles[N_ROLE_CHOICES] = {
  PHAEN_PLAN_COLUMN_IGNORE, PHAEN_PLAN_COLUMN_NAME,  PHAEN_PLAN_COLUMN_LEVEL,
  PHAEN_PLAN_COLUMN_BUDGET, PHAEN_PLAN_COLUMN_OWNER, PHAEN_PLAN_COLUMN_OUTPUT,
};

struct _AppImportDialog
{
  AdwWindow parent_instance;

  AdwWindowTitle *window_title;
  GtkWidget *import_button;
  GtkLabel *summary;
  GtkWidget *plan_options;
  GtkSpinButton *year_spin;
  GtkEditable *title_entry;
  GtkWidget *mapping_scroller;
  GtkBox *mapping_box;
  GtkColumnView *preview;

  AppWindow *window; /* (unowned) it outlives its modal dialog */
  AppImportKind kind;
  gint64 unit_id;
  PhaenTable *table;
  PhaenUnitImport *units;
  PhaenPlanImport *plan;
  GtkStringList *rows; /* row indexes as strings, one per preview row */
  guint n_columns;
};

G_DEFINE_FINAL_TYPE (AppImportDialog, app_import_dialog, ADW_TYPE_WINDOW)

/* ------------------------------------------------------------------ cells */

static char *
months_text (const guint8 *marks)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (int m = 0; m < PHAEN_MAX_MONTHS; m++)
    if (marks[m])
      {
        PhaenPlanColumn column = { PHAEN_PLAN_COLUMN_MONTH, m };
        g_autofree char *name = phaen_plan_column_describe (&column);

        if (text->len)
          g_string_append (text, " ");
        g_string_append (text, name);
        if (marks[m] & PHAEN_MARK_START)
          g_string_append (text, "●");
        if (marks[m] & PHAEN_MARK_OUTPUT)
          g_string_append (text, "○");
      }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
plan_cell (AppImportDialog *self, const PhaenPlanImportRow *row, guint column)
{
  switch (column)
    {
    case 0:
      return g_strdup_printf ("%u", row->row);
    case 1:
      {
        g_autofree char *indent = g_strnfill (MAX (row->depth, 0) * 4, ' ');

        if (row->level != 0)
          return g_strdup_printf ("%s%s (%s)", indent, row->name,
                                  app_plan_grid_level_name (row->level));
        return g_strconcat (indent, row->name, NULL);
      }
    case 2:
      return months_text (row->marks);
    case 3:
      return row->has_budget ? phaen_format_money (row->budget, FALSE) : g_strdup ("-");
    case 4:
      return g_strdup (row->owner ? row->owner : "");
    default:
      return g_strdup (row->error ? row->error : _ ("Imported"));
    }
}

static char *
unit_cell (AppImportDialog *self, const PhaenUnitImportRow *row, guint column)
{
  if (column == 0)
    return g_strdup_printf ("%u", row->row);
  if (column <= PHAEN_UNIT_IMPORT_N_FIELDS)
    return g_strdup (row->fields[column - 1]);
  if (row->status == PHAEN_UNIT_IMPORT_NEW)
    return g_strdup (_ ("Added"));
  return g_strdup (row->message);
}

static gboolean
row_is_error (AppImportDialog *self, guint index)
{
  if (self->kind == APP_IMPORT_UNITS)
    return ((PhaenUnitImportRow *)g_ptr_array_index (self->units->rows, index))->status ==
           PHAEN_UNIT_IMPORT_ERROR;
  return ((PhaenPlanImportRow *)g_ptr_array_index (self->plan->rows, index))->error != NULL;
}

char *
app_import_dialog_get_cell (AppImportDialog *self, guint row, guint column)
{
  g_return_val_if_fail (APP_IS_IMPORT_DIALOG (self), NULL);

  if (self->kind == APP_IMPORT_UNITS)
    {
      g_return_val_if_fail (row < self->units->rows->len, NULL);
      return unit_cell (self, g_ptr_array_index (self->units->rows, row), column);
    }
  g_return_val_if_fail (row < self->plan->rows->len, NULL);
  return plan_cell (self, g_ptr_array_index (self->plan->rows, row), column);
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory, GtkListItem *item, AppImportDialog *self)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  GtkStringObject *index = gtk_list_item_get_item (item);
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  guint row = (guint)g_ascii_strtoull (gtk_string_object_get_string (index), NULL, 10);
  g_autofree char *text = app_import_dialog_get_cell (self, row, column);
  gboolean status = column == self->n_columns - 1;

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, text);
  if (status && row_is_error (self, row))
    gtk_widget_add_css_class (label, "error");
  else
    gtk_widget_remove_css_class (label, "error");
}

static void
add_column (AppImportDialog *self, const char *title, guint index, gboolean expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr (GtkColumnViewColumn) column = NULL;

  g_object_set_data (G_OBJECT (factory), "column", GUINT_TO_POINTER (index));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), NULL);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_cell_cb), self, 0);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_append_column (self->preview, column);
}

/* ------------------------------------------------------------------ rows */

static void
update_rows (AppImportDialog *self)
{
  guint n = self->kind == APP_IMPORT_UNITS ? self->units->rows->len : self->plan->rows->len;
  guint old = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  g_autoptr (GPtrArray) indexes = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *summary = NULL;
  gboolean any;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (indexes, g_strdup_printf ("%u", i));
  g_ptr_array_add (indexes, NULL);
  gtk_string_list_splice (self->rows, 0, old, (const char *const *)indexes->pdata);

  if (self->kind == APP_IMPORT_UNITS)
    {
      summary = g_strdup_printf (_ ("%u units will be added, %u are already in the workspace, "
                                    "%u rows have errors and are left out."),
                                 self->units->n_new, self->units->n_exists, self->units->n_errors);
      any = self->units->n_new > 0;
    }
  else
    {
      summary =
        g_strdup_printf (_ ("%u activities will be imported, %u rows have errors and "
                            "are left out."),
                         self->plan->rows->len - self->plan->n_errors, self->plan->n_errors);
      any = self->plan->rows->len > self->plan->n_errors;
    }
  gtk_label_set_text (self->summary, summary);
  gtk_widget_set_sensitive (self->import_button, any);
}

static void
role_selected_cb (GtkDropDown *drop_down, GParamSpec *pspec, AppImportDialog *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (drop_down), "column"));
  guint chosen = gtk_drop_down_get_selected (drop_down);

  if (chosen == GTK_INVALID_LIST_POSITION)
    return;
  if (chosen < N_ROLE_CHOICES)
    phaen_plan_import_set_column (self->plan, column, roles[chosen], 0);
  else
    phaen_plan_import_set_column (self->plan, column, PHAEN_PLAN_COLUMN_MONTH,
                                  (int)(chosen - N_ROLE_CHOICES));
  update_rows (self);
}

/* The choice of a column's role: Not imported, Activity, Level, Budget, Responsible, Output,
 * months. */
static guint
choice_of (const PhaenPlanColumn *column)
{
  if (column->role == PHAEN_PLAN_COLUMN_MONTH)
    return N_ROLE_CHOICES + (guint)column->month;
  for (guint r = 0; r < N_ROLE_CHOICES; r++)
    if (roles[r] == column->role)
      return r;
  return 0;
}

static void
build_mapping (AppImportDialog *self)
{
  g_autoptr (GtkStringList) choices = gtk_string_list_new (NULL);

  for (guint r = 0; r < N_ROLE_CHOICES; r++)
    {
      PhaenPlanColumn column = { roles[r], 0 };
      g_autofree char *text = phaen_plan_column_describe (&column);

      gtk_string_list_append (choices, text);
    }
  for (int m = 0; m < PHAEN_MAX_MONTHS; m++)
    {
      PhaenPlanColumn column = { PHAEN_PLAN_COLUMN_MONTH, m };
      g_autofree char *text = phaen_plan_column_describe (&column);

      gtk_string_list_append (choices, text);
    }
  for (guint c = 0; c < self->plan->columns->len; c++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      const char *header = g_ptr_array_index (self->plan->headers, c);
      g_autofree char *title =
        *header ? g_strdup (header) : g_strdup_printf (_ ("Column %u"), c + 1);
      GtkWidget *label = gtk_label_new (title);
      GtkWidget *drop_down = gtk_drop_down_new (g_object_ref (G_LIST_MODEL (choices)), NULL);
      g_autofree char *name = g_strdup_printf (_ ("How column “%s” is read"), title);

      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 12);
      gtk_drop_down_set_selected (
        GTK_DROP_DOWN (drop_down),
        choice_of (&g_array_index (self->plan->columns, PhaenPlanColumn, c)));
      gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      name, -1);
      g_object_set_data (G_OBJECT (drop_down), "column", GUINT_TO_POINTER (c));
      g_signal_connect_object (drop_down, "notify::selected", G_CALLBACK (role_selected_cb), self,
                               0);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), drop_down);
      gtk_box_append (self->mapping_box, box);
    }
  gtk_widget_set_visible (self->mapping_scroller, TRUE);
}

static int
this_fiscal_year (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDate) today = g_date_new_dmy (
    g_date_time_get_day_of_month (now), g_date_time_get_month (now), g_date_time_get_year (now));

  return phaen_fiscal_year_of_date (today);
}

/* ------------------------------------------------------------------ callbacks */

static void
import_clicked_cb (AppImportDialog *self)
{
  app_import_dialog_import (self);
}

/* ------------------------------------------------------------------ overrides */

static void
app_import_dialog_dispose (GObject *object)
{
  AppImportDialog *self = APP_IMPORT_DIALOG (object);

  g_clear_pointer (&self->units, phaen_unit_import_free);
  g_clear_pointer (&self->plan, phaen_plan_import_free);
  g_clear_pointer (&self->table, phaen_table_free);
  g_clear_object (&self->rows);
  G_OBJECT_CLASS (app_import_dialog_parent_class)->dispose (object);
}

static void
app_import_dialog_class_init (AppImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = app_import_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/phaen/Phaen/ui/app-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AppImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, AppImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, AppImportDialog, summary);
  gtk_widget_class_bind_template_child (widget_class, AppImportDialog, plan_options);
  gtk_widget_class_bind_template_child (widget_class, AppImportDialog, year_spin);
  gtk_widget_class_bind_template_child (widget_class, AppImportDialog, title_entry);
  gtk_widget_class_bind_template_child (widget_class, AppImportDialog, mapping_scroller);
  gtk_widget_class_bind_template_child (widget_class, AppImportDialog, mapping_box);
  gtk_widget_class_bind_template_child (widget_class, AppImportDialog, preview);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
app_import_dialog_init (AppImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = gtk_string_list_new (NULL);
  gtk_column_view_set_model (self->preview, GTK_SELECTION_MODEL (gtk_no_selection_new (
                                              g_object_ref (G_LIST_MODEL (self->rows)))));
}

/* ------------------------------------------------------------------ public */

AppImportDialog *
app_import_dialog_present (
  AppWindow *window, AppImportKind kind, const char *path, gint64 unit_id, int year)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *base = g_path_get_basename (path);
  PhaenTable *table;

  g_return_val_if_fail (APP_IS_WINDOW (window), NULL);

  table = phaen_table_read_file (path, 0, &error);
  if (table == NULL)
    {
      app_window_show_error (window, _ ("The file cannot be imported"), error->message);
      return NULL;
    }
  return app_import_dialog_present_table (window, kind, table, base, unit_id, year);
}

AppImportDialog *
app_import_dialog_present_table (AppWindow *window,
                                 AppImportKind kind,
                                 PhaenTable *table_in,
                                 const char *base,
                                 gint64 unit_id,
                                 int year)
{
  PhaenStore *store = app_window_get_store (window);
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenTable) table = table_in;
  g_autoptr (PhaenUnitImport) units = NULL;
  g_autoptr (PhaenPlanImport) plan = NULL;
  AppImportDialog *self;

  g_return_val_if_fail (APP_IS_WINDOW (window), NULL);
  g_return_val_if_fail (table_in != NULL, NULL);

  /* The workspace may have closed while the file was read. */
  if (store == NULL)
    return NULL;
  if (kind == APP_IMPORT_UNITS)
    units = phaen_unit_import_prepare (store, table, &error);
  else
    plan = phaen_plan_import_prepare (table, &error);
  if (units == NULL && plan == NULL)
    {
      app_window_show_error (window, _ ("The file cannot be imported"), error->message);
      return NULL;
    }

  self = g_object_new (APP_TYPE_IMPORT_DIALOG, "transient-for", window, NULL);
  self->window = window;
  self->kind = kind;
  self->unit_id = unit_id;
  self->table = g_steal_pointer (&table);
  self->units = g_steal_pointer (&units);
  self->plan = g_steal_pointer (&plan);
  adw_window_title_set_subtitle (self->window_title, base);
  add_column (self, _ ("Row"), 0, FALSE);
  if (kind == APP_IMPORT_UNITS)
    {
      adw_window_title_set_title (self->window_title, _ ("Import Units"));
      for (int f = 0; f < PHAEN_UNIT_IMPORT_N_FIELDS; f++)
        add_column (self, phaen_unit_import_field_title (f), f + 1, FALSE);
      self->n_columns = PHAEN_UNIT_IMPORT_N_FIELDS + 2;
    }
  else
    {
      g_autoptr (PhaenUnit) unit = phaen_store_get_unit (store, unit_id, NULL);
      g_autofree char *title = g_strdup_printf (_ ("Import Plan Into %s"), unit ? unit->abbr : "");

      adw_window_title_set_title (self->window_title, title);
      add_column (self, _ ("Activity"), 1, TRUE);
      add_column (self, _ ("Months"), 2, FALSE);
      add_column (self, _ ("Budget"), 3, FALSE);
      add_column (self, _ ("Responsible"), 4, FALSE);
      self->n_columns = 6;
      gtk_widget_set_visible (self->plan_options, TRUE);
      gtk_spin_button_set_value (self->year_spin, self->plan->fiscal_year ? self->plan->fiscal_year
                                                  : year                  ? year
                                                                          : this_fiscal_year ());
      gtk_editable_set_text (self->title_entry, self->plan->title);
      build_mapping (self);
    }
  add_column (self, _ ("Status"), self->n_columns - 1, TRUE);
  update_rows (self);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

gboolean
app_import_dialog_import (AppImportDialog *self)
{
  PhaenStore *store;
  g_autoptr (GError) error = NULL;
  g_autofree char *done = NULL;
  gint64 plan_id = 0;

  g_return_val_if_fail (APP_IS_IMPORT_DIALOG (self), FALSE);

  store = app_window_get_store (self->window);
  if (store == NULL)
    return FALSE;
  if (self->kind == APP_IMPORT_UNITS)
    {
      int added = phaen_unit_import_apply (self->units, store, &error);

      if (added >= 0)
        done = g_strdup_printf (
          g_dngettext (GETTEXT_PACKAGE, "%d unit was imported.", "%d units were imported.", added),
          added);
    }
  else
    {
      gtk_spin_button_update (self->year_spin);
      plan_id = phaen_plan_import_apply (self->plan, store, self->unit_id,
                                         gtk_spin_button_get_value_as_int (self->year_spin),
                                         gtk_editable_get_text (self->title_entry), &error);
      if (plan_id != 0)
        done = g_strdup (_ ("The plan was imported."));
    }
  if (done == NULL)
    {
      app_window_show_error (self->window, _ ("Nothing was imported"), error->message);
      return FALSE;
    }
  app_window_toast_undo (self->window, done);
  if (plan_id != 0)
    app_window_show_plan (self->window, plan_id);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

void
app_import_dialog_set_column (AppImportDialog *self, guint column, int role, int month)
{
  g_return_if_fail (APP_IS_IMPORT_DIALOG (self));
  g_return_if_fail (self->plan != NULL);

  phaen_plan_import_set_column (self->plan, column, role, month);
  update_rows (self);
}

GListModel *
app_import_dialog_get_rows (AppImportDialog *self)
{
  g_return_val_if_fail (APP_IS_IMPORT_DIALOG (self), NULL);
  return G_LIST_MODEL (self->rows);
}
