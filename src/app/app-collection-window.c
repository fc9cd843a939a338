/* app-collection-window.c — who has reported: every unit of a fiscal year and quarter, received
 * or not, and the missing units exported for the reminder e-mail
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-collection-window"

#include "config.h"

#include <glib/gi18n.h>

#include "app-a11y.h"
#include "app-collection-window.h"
#include "app-fiscal-years.h"
#include "app-export.h"
#include "phaen-collection.h"

enum
{
  COLUMN_UNIT,
  COLUMN_STATUS,
  COLUMN_WHEN,
  COLUMN_WHO,
  COLUMN_RESULTS,
  COLUMN_EVIDENCE,
  COLUMN_PENDING,
  N_COLUMNS
};

static const char *const column_titles[N_COLUMNS] = {
  N_ ("Unit"),          N_ ("Status"),        N_ ("Received"),       N_ ("Sent by"),
  N_ ("With a result"), N_ ("With evidence"), N_ ("Left to decide"),
};

struct _AppCollectionWindow
{
  AdwWindow parent_instance;

  PhaenStore *store;
  GArray *years; /* (element-type int) newest first */
  int fiscal_year;
  int quarter;
  GPtrArray *rows;      /* (element-type PhaenCollectionRow) */
  GtkStringList *model; /* one item per row: its index */
  GtkDropDown *year_drop;
  GtkDropDown *quarter_drop;
  GtkLabel *summary;
  GtkWidget *export_button;
  gboolean updating;
};

G_DEFINE_FINAL_TYPE (AppCollectionWindow, app_collection_window, ADW_TYPE_WINDOW)

/* "2026-12-07T04:23:00Z" → "7/12/2569 11:23", local time, Buddhist era. */
static char *
format_when (const char *iso)
{
  g_autoptr (GDateTime) utc = iso != NULL ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  g_autoptr (GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;

  if (local == NULL)
    return g_strdup (iso != NULL ? iso : "");
  return g_strdup_printf ("%d/%d/%d %02d:%02d", g_date_time_get_day_of_month (local),
                          g_date_time_get_month (local), g_date_time_get_year (local) + 543,
                          g_date_time_get_hour (local), g_date_time_get_minute (local));
}

static char *
cell_text (const PhaenCollectionRow *row, guint column)
{
  switch (column)
    {
    case COLUMN_UNIT:
      return g_strdup_printf ("%s %s", row->abbr, row->name != NULL ? row->name : "");
    case COLUMN_STATUS:
      return g_strdup (row->received ? _ ("Received") : _ ("Not received"));
    case COLUMN_WHEN:
      return row->received ? format_when (row->received_at) : g_strdup ("–");
    case COLUMN_WHO:
      return g_strdup (row->sent_by != NULL ? row->sent_by : "–");
    case COLUMN_RESULTS:
      return g_strdup_printf ("%u / %u", row->with_result, row->indicators);
    case COLUMN_EVIDENCE:
      return g_strdup_printf ("%u / %u", row->with_evidence, row->indicators);
    case COLUMN_PENDING:
    default:
      return row->pending > 0 ? g_strdup_printf ("%u", row->pending) : g_strdup ("–");
    }
}

static void
reload (AppCollectionWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GPtrArray) indices = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *summary = NULL;
  guint received = 0;

  if (self->store == NULL || self->fiscal_year == 0)
    return;
  rows = phaen_collection_list (self->store, self->fiscal_year, self->quarter, &error);
  if (rows == NULL)
    {
      gtk_label_set_text (self->summary, error->message);
      rows = g_ptr_array_new_with_free_func ((GDestroyNotify)phaen_collection_row_free);
    }
  for (guint i = 0; i < rows->len; i++)
    {
      received += ((PhaenCollectionRow *)g_ptr_array_index (rows, i))->received;
      g_ptr_array_add (indices, g_strdup_printf ("%u", i));
    }
  g_ptr_array_add (indices, NULL);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  self->rows = g_steal_pointer (&rows);
  gtk_string_list_splice (self->model, 0, g_list_model_get_n_items (G_LIST_MODEL (self->model)),
                          (const char *const *)indices->pdata);
  if (error == NULL)
    {
      summary = g_strdup_printf (_ ("Fiscal year %d, quarter %d: %u of %u units have sent their "
                                    "results; %u have not."),
                                 self->fiscal_year, self->quarter, received, self->rows->len,
                                 self->rows->len - received);
      gtk_label_set_text (self->summary, summary);
    }
  /* Nothing to remind anyone of when every unit has sent. */
  gtk_widget_set_sensitive (self->export_button, self->rows->len > received);
}

static void
records_changed_cb (AppCollectionWindow *self, PhaenChanges *changes)
{
  if (phaen_changes_touches (changes, PHAEN_RECORD_PACKET | PHAEN_RECORD_RESULT |
                                        PHAEN_RECORD_EVIDENCE | PHAEN_RECORD_UNIT |
                                        PHAEN_RECORD_INDICATOR))
    reload (self);
}

static void
period_changed_cb (AppCollectionWindow *self)
{
  guint year = gtk_drop_down_get_selected (self->year_drop);

  if (self->updating || self->years == NULL || year >= self->years->len)
    return;
  self->fiscal_year = g_array_index (self->years, int, year);
  self->quarter = (int)gtk_drop_down_get_selected (self->quarter_drop) + 1;
  reload (self);
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), GPOINTER_TO_UINT (data) == COLUMN_UNIT ? 0 : 0.5);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  AppCollectionWindow *self = g_object_get_data (G_OBJECT (factory), "window");
  GtkStringObject *index = gtk_list_item_get_item (item);
  guint i = (guint)g_ascii_strtoull (gtk_string_object_get_string (index), NULL, 10);
  g_autofree char *text = NULL;

  if (self->rows == NULL || i >= self->rows->len)
    return;
  text = cell_text (g_ptr_array_index (self->rows, i), GPOINTER_TO_UINT (data));
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
  if (GPOINTER_TO_UINT (data) == COLUMN_STATUS)
    {
      gboolean received = ((PhaenCollectionRow *)g_ptr_array_index (self->rows, i))->received;

      gtk_widget_remove_css_class (gtk_list_item_get_child (item), received ? "error" : "success");
      gtk_widget_add_css_class (gtk_list_item_get_child (item), received ? "success" : "error");
    }
}

static void
export_response_cb (GtkNativeDialog *chooser, int response, AppCollectionWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr (GError) error = NULL;

      if (path != NULL && app_collection_window_export_missing (self, path, &error))
        app_toast (GTK_WIDGET (self), _ ("The units that have not sent their results were saved."));
      else if (path != NULL)
        app_toast (GTK_WIDGET (self), error->message);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
export_clicked_cb (AppCollectionWindow *self)
{
  g_autofree char *name =
    g_strdup_printf (_ ("not-sent-%d-q%d.xlsx"), self->fiscal_year, self->quarter);
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (_ ("Export Units Not Sent"), GTK_WINDOW (self),
                                 GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Save"), _ ("_Cancel"));
  g_autoptr (GtkFileFilter) xlsx = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) csv = gtk_file_filter_new ();

  gtk_file_filter_set_name (xlsx, _ ("Excel workbook (.xlsx)"));
  gtk_file_filter_add_pattern (xlsx, "*.xlsx");
  gtk_file_filter_set_name (csv, _ ("Comma-separated values (.csv)"));
  gtk_file_filter_add_pattern (csv, "*.csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), xlsx);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
app_collection_window_dispose (GObject *object)
{
  AppCollectionWindow *self = APP_COLLECTION_WINDOW (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_pointer (&self->years, g_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (app_collection_window_parent_class)->dispose (object);
}

static void
app_collection_window_class_init (AppCollectionWindowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = app_collection_window_dispose;
}

static void
app_collection_window_init (AppCollectionWindow *self)
{
  static const char *const quarters[] = { N_ ("Quarter 1"), N_ ("Quarter 2"), N_ ("Quarter 3"),
                                          N_ ("Quarter 4"), NULL };
  const char *translated[G_N_ELEMENTS (quarters)];
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *export = gtk_button_new_with_mnemonic (_ ("_Export Units Not Sent…"));
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkColumnView *view;
  GtkNoSelection *selection;

  for (guint i = 0; i < G_N_ELEMENTS (quarters); i++)
    translated[i] = quarters[i] != NULL ? _ (quarters[i]) : NULL;
  gtk_window_set_title (GTK_WINDOW (self), _ ("Results Received"));
  gtk_window_set_default_size (GTK_WINDOW (self), 1100, 620);

  self->year_drop = GTK_DROP_DOWN (gtk_drop_down_new_from_strings ((const char *const[]){ NULL }));
  self->quarter_drop = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (translated));
  app_a11y_label_drop_down (GTK_WIDGET (self->year_drop), _ ("Fiscal year"));
  app_a11y_label_drop_down (GTK_WIDGET (self->quarter_drop), _ ("Quarter"));
  g_signal_connect_swapped (self->year_drop, "notify::selected", G_CALLBACK (period_changed_cb),
                            self);
  g_signal_connect_swapped (self->quarter_drop, "notify::selected", G_CALLBACK (period_changed_cb),
                            self);
  g_signal_connect_swapped (export, "clicked", G_CALLBACK (export_clicked_cb), self);
  gtk_widget_set_tooltip_text (export, _ ("The units that have not sent their results for the "
                                          "quarter, as XLSX or CSV, for the reminder e-mail"));
  self->export_button = export;
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), GTK_WIDGET (self->year_drop));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), GTK_WIDGET (self->quarter_drop));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), export);
  gtk_box_append (GTK_BOX (content), header);

  self->summary = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->summary, 0);
  gtk_label_set_wrap (self->summary, TRUE);
  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_top (bar, 8);
  gtk_widget_set_margin_bottom (bar, 8);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->summary));
  gtk_box_append (GTK_BOX (content), bar);

  self->model = gtk_string_list_new (NULL);
  selection = gtk_no_selection_new (G_LIST_MODEL (self->model));
  view = GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (selection)));
  gtk_column_view_set_show_row_separators (view, TRUE);
  gtk_column_view_set_show_column_separators (view, TRUE);
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_object_set_data (G_OBJECT (factory), "window", self);
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GUINT_TO_POINTER (c));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GUINT_TO_POINTER (c));
      column = gtk_column_view_column_new (_ (column_titles[c]), factory);
      gtk_column_view_column_set_expand (column, c == COLUMN_UNIT);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (view, column);
      g_object_unref (column);
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (view));
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (content), scroller);
  adw_window_set_content (ADW_WINDOW (self), content);
}

/* ------------------------------------------------------------------ public API */

AppCollectionWindow *
app_collection_window_new (GtkWindow *parent, PhaenStore *store)
{
  AppCollectionWindow *self;
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);

  g_return_val_if_fail (PHAEN_IS_STORE (store), NULL);

  self = g_object_new (APP_TYPE_COLLECTION_WINDOW, "transient-for", parent, "destroy-with-parent",
                       TRUE, NULL);
  self->store = g_object_ref (store);
  self->years = app_fiscal_years_list (store, names);
  self->updating = TRUE;
  gtk_drop_down_set_model (self->year_drop, G_LIST_MODEL (names));
  self->updating = FALSE;
  g_signal_connect_object (store, "records-changed", G_CALLBACK (records_changed_cb), self,
                           G_CONNECT_SWAPPED);
  if (self->years->len > 0)
    app_collection_window_set_period (self, g_array_index (self->years, int, 0), 1);
  return self;
}

gboolean
app_collection_window_set_period (AppCollectionWindow *self, int fiscal_year, int quarter)
{
  int i;

  g_return_val_if_fail (APP_IS_COLLECTION_WINDOW (self), FALSE);
  g_return_val_if_fail (quarter >= 1 && quarter <= 4, FALSE);

  i = app_fiscal_years_find (self->years, fiscal_year);
  if (i < 0)
    return FALSE;
  self->updating = TRUE;
  gtk_drop_down_set_selected (self->year_drop, (guint)i);
  gtk_drop_down_set_selected (self->quarter_drop, (guint)quarter - 1);
  self->updating = FALSE;
  self->fiscal_year = fiscal_year;
  self->quarter = quarter;
  reload (self);
  return TRUE;
}

guint
app_collection_window_get_n_units (AppCollectionWindow *self)
{
  g_return_val_if_fail (APP_IS_COLLECTION_WINDOW (self), 0);

  return self->rows != NULL ? self->rows->len : 0;
}

guint
app_collection_window_get_n_received (AppCollectionWindow *self)
{
  guint received = 0;

  g_return_val_if_fail (APP_IS_COLLECTION_WINDOW (self), 0);

  for (guint i = 0; self->rows != NULL && i < self->rows->len; i++)
    received += ((PhaenCollectionRow *)g_ptr_array_index (self->rows, i))->received;
  return received;
}

char *
app_collection_window_get_row_text (AppCollectionWindow *self, guint index)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (APP_IS_COLLECTION_WINDOW (self), NULL);
  g_return_val_if_fail (self->rows != NULL && index < self->rows->len, NULL);

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      g_autofree char *cell = cell_text (g_ptr_array_index (self->rows, index), c);

      g_string_append_printf (text, c > 0 ? " | %s" : "%s", cell);
    }
  return g_string_free (text, FALSE);
}

gboolean
app_collection_window_export_missing (AppCollectionWindow *self, const char *path, GError **error)
{
  g_return_val_if_fail (APP_IS_COLLECTION_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->rows == NULL)
    self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)phaen_collection_row_free);
  if (g_str_has_suffix (path, ".xlsx") || g_str_has_suffix (path, ".XLSX"))
    return phaen_collection_write_missing_xlsx (self->rows, self->fiscal_year, self->quarter, path,
                                                error);
  return phaen_collection_write_missing_csv (self->rows, path, error);
}
