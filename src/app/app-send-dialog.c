/* app-send-dialog.c — the planning office sends unit copies: a fiscal year, every unit or chosen
 * ones, a folder; a progress bar and Cancel while the copies are written
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-send-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "app-fiscal-years.h"
#include "app-send-dialog.h"
#include "phaen-collection.h"
#include "phaen-unit-copy.h"

struct _AppSendDialog
{
  AdwWindow parent_instance;

  PhaenStore *store;
  GArray *years; /* (element-type int) newest first */
  int fiscal_year;
  GPtrArray *units;  /* (element-type PhaenCollectionRow) the units of the year */
  GPtrArray *checks; /* (element-type GtkCheckButton) one per unit */
  char *folder;
  GCancellable *cancellable; /* while sending */

  GtkDropDown *year_drop;
  GtkListBox *unit_list;
  GtkButton *folder_button;
  GtkProgressBar *progress;
  GtkLabel *status;
  GtkWidget *send_button;
  GtkWidget *cancel_button;
  GtkWidget *form;
};

G_DEFINE_FINAL_TYPE (AppSendDialog, app_send_dialog, ADW_TYPE_WINDOW)

static void
update_send_sensitive (AppSendDialog *self)
{
  guint chosen = 0;

  for (guint i = 0; self->checks != NULL && i < self->checks->len; i++)
    chosen += gtk_check_button_get_active (g_ptr_array_index (self->checks, i));
  gtk_widget_set_sensitive (self->send_button,
                            self->cancellable == NULL && chosen > 0 && self->folder != NULL);
}

static void
fill_units (AppSendDialog *self)
{
  g_autoptr (GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->unit_list))) != NULL)
    gtk_list_box_remove (self->unit_list, child);
  g_clear_pointer (&self->units, g_ptr_array_unref);
  g_ptr_array_set_size (self->checks, 0);
  /* The units with indicators or plans that year: those a copy is made for. */
  self->units = phaen_collection_list (self->store, self->fiscal_year, 1, &error);
  if (self->units == NULL)
    {
      gtk_label_set_text (self->status, error->message);
      self->units = g_ptr_array_new ();
    }
  for (guint i = 0; i < self->units->len; i++)
    {
      const PhaenCollectionRow *unit = g_ptr_array_index (self->units, i);
      g_autofree char *label = g_strdup_printf ("%s %s", unit->abbr, unit->name);
      GtkWidget *check = gtk_check_button_new_with_label (label);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (update_send_sensitive), self);
      gtk_widget_set_margin_start (check, 6);
      g_ptr_array_add (self->checks, check);
      gtk_list_box_append (self->unit_list, check);
    }
  update_send_sensitive (self);
}

static void
year_changed_cb (AppSendDialog *self)
{
  guint i = gtk_drop_down_get_selected (self->year_drop);

  if (self->years != NULL && i < self->years->len &&
      g_array_index (self->years, int, i) != self->fiscal_year)
    {
      self->fiscal_year = g_array_index (self->years, int, i);
      fill_units (self);
    }
}

static void
all_clicked_cb (AppSendDialog *self)
{
  gboolean all = TRUE;

  for (guint i = 0; i < self->checks->len; i++)
    all = all && gtk_check_button_get_active (g_ptr_array_index (self->checks, i));
  for (guint i = 0; i < self->checks->len; i++)
    gtk_check_button_set_active (g_ptr_array_index (self->checks, i), !all);
}

static void
folder_response_cb (GtkNativeDialog *chooser, int response, AppSendDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        app_send_dialog_set_folder (self, path);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
folder_clicked_cb (AppSendDialog *self)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (
    _ ("Folder for the Unit Copies"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
    _ ("_Select"), _ ("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (folder_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* After each copy: the bar moves and the window stays alive (Cancel included). */
static void
progress_cb (guint done, guint total, gpointer data)
{
  AppSendDialog *self = data;
  g_autofree char *text = g_strdup_printf (_ ("%u of %u copies written"), done, total);

  gtk_progress_bar_set_fraction (self->progress, total > 0 ? (double)done / total : 1.0);
  gtk_progress_bar_set_text (self->progress, text);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static void
cancel_clicked_cb (AppSendDialog *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
close_request_cb (AppSendDialog *self)
{
  /* Closing while sending cancels; the copies written so far stay. */
  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      return TRUE;
    }
  return FALSE;
}

static void
app_send_dialog_dispose (GObject *object)
{
  AppSendDialog *self = APP_SEND_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->years, g_array_unref);
  g_clear_pointer (&self->units, g_ptr_array_unref);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  g_clear_pointer (&self->folder, g_free);
  G_OBJECT_CLASS (app_send_dialog_parent_class)->dispose (object);
}

static void
app_send_dialog_class_init (AppSendDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = app_send_dialog_dispose;
}

static GtkWidget *
labelled (const char *text, GtkWidget *widget)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_mnemonic_widget (GTK_LABEL (label), widget);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), widget);
  return box;
}

static void
app_send_dialog_init (AppSendDialog *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *body = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *all = gtk_button_new_with_mnemonic (_ ("Choose _All or None"));
  GtkWidget *units_label = gtk_label_new (_ ("Units"));

  self->checks = g_ptr_array_new ();
  gtk_window_set_title (GTK_WINDOW (self), _ ("Send to Units"));
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 600);
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);

  self->cancel_button = gtk_button_new_with_mnemonic (_ ("_Cancel"));
  self->send_button = gtk_button_new_with_mnemonic (_ ("_Send"));
  gtk_widget_add_css_class (self->send_button, "suggested-action");
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), self->cancel_button);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->send_button);
  g_signal_connect_swapped (self->cancel_button, "clicked", G_CALLBACK (cancel_clicked_cb), self);
  g_signal_connect_swapped (self->send_button, "clicked", G_CALLBACK (app_send_dialog_send), self);
  gtk_box_append (GTK_BOX (content), header);

  self->form = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  self->year_drop = GTK_DROP_DOWN (gtk_drop_down_new_from_strings ((const char *const[]){ NULL }));
  g_signal_connect_swapped (self->year_drop, "notify::selected", G_CALLBACK (year_changed_cb),
                            self);
  gtk_box_append (GTK_BOX (self->form),
                  labelled (_ ("_Fiscal year"), GTK_WIDGET (self->year_drop)));
  self->folder_button = GTK_BUTTON (gtk_button_new_with_label (_ ("Choose…")));
  g_signal_connect_swapped (self->folder_button, "clicked", G_CALLBACK (folder_clicked_cb), self);
  gtk_box_append (GTK_BOX (self->form),
                  labelled (_ ("F_older for the copies"), GTK_WIDGET (self->folder_button)));
  gtk_label_set_xalign (GTK_LABEL (units_label), 0);
  gtk_widget_add_css_class (units_label, "heading");
  g_signal_connect_swapped (all, "clicked", G_CALLBACK (all_clicked_cb), self);
  {
    GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

    gtk_widget_set_hexpand (units_label, TRUE);
    gtk_box_append (GTK_BOX (row), units_label);
    gtk_box_append (GTK_BOX (row), all);
    gtk_box_append (GTK_BOX (self->form), row);
  }
  self->unit_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->unit_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->unit_list), "boxed-list");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->unit_list));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (self->form), scroller);
  gtk_widget_set_vexpand (self->form, TRUE);
  gtk_box_append (GTK_BOX (body), self->form);

  self->progress = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_progress_bar_set_show_text (self->progress, TRUE);
  gtk_progress_bar_set_text (self->progress, "");
  gtk_box_append (GTK_BOX (body), GTK_WIDGET (self->progress));
  self->status = GTK_LABEL (gtk_label_new (_ ("One workspace file is written per unit, named "
                                              "after the unit and the year, to send to its "
                                              "head.")));
  gtk_label_set_wrap (self->status, TRUE);
  gtk_label_set_xalign (self->status, 0);
  gtk_box_append (GTK_BOX (body), GTK_WIDGET (self->status));
  gtk_widget_set_margin_start (body, 18);
  gtk_widget_set_margin_end (body, 18);
  gtk_widget_set_margin_top (body, 12);
  gtk_widget_set_margin_bottom (body, 18);
  gtk_widget_set_vexpand (body, TRUE);
  gtk_box_append (GTK_BOX (content), body);
  adw_window_set_content (ADW_WINDOW (self), content);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->send_button);
}

/* ------------------------------------------------------------------ public API */

AppSendDialog *
app_send_dialog_new (GtkWindow *parent, PhaenStore *store)
{
  AppSendDialog *self;
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);

  g_return_val_if_fail (PHAEN_IS_STORE (store), NULL);

  self = g_object_new (APP_TYPE_SEND_DIALOG, "transient-for", parent, "modal", TRUE,
                       "destroy-with-parent", TRUE, NULL);
  self->store = g_object_ref (store);
  self->years = app_fiscal_years_list (store, names);
  gtk_drop_down_set_model (self->year_drop, G_LIST_MODEL (names));
  if (self->years->len > 0)
    app_send_dialog_set_year (self, g_array_index (self->years, int, 0));
  update_send_sensitive (self);
  return self;
}

gboolean
app_send_dialog_set_year (AppSendDialog *self, int fiscal_year)
{
  int i;

  g_return_val_if_fail (APP_IS_SEND_DIALOG (self), FALSE);

  i = app_fiscal_years_find (self->years, fiscal_year);
  if (i < 0)
    return FALSE;
  self->fiscal_year = 0;
  gtk_drop_down_set_selected (self->year_drop, (guint)i);
  if (self->fiscal_year != fiscal_year)
    {
      self->fiscal_year = fiscal_year;
      fill_units (self);
    }
  return TRUE;
}

guint
app_send_dialog_get_n_units (AppSendDialog *self)
{
  g_return_val_if_fail (APP_IS_SEND_DIALOG (self), 0);

  return self->checks->len;
}

void
app_send_dialog_set_unit_chosen (AppSendDialog *self, guint index, gboolean chosen)
{
  g_return_if_fail (APP_IS_SEND_DIALOG (self));
  g_return_if_fail (index < self->checks->len);

  gtk_check_button_set_active (g_ptr_array_index (self->checks, index), chosen);
}

void
app_send_dialog_set_folder (AppSendDialog *self, const char *folder)
{
  g_autofree char *name = NULL;

  g_return_if_fail (APP_IS_SEND_DIALOG (self));

  g_free (self->folder);
  self->folder = g_strdup (folder);
  name = folder != NULL ? g_filename_display_basename (folder) : g_strdup (_ ("Choose…"));
  gtk_button_set_label (self->folder_button, name);
  update_send_sensitive (self);
}

int
app_send_dialog_send (AppSendDialog *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GPtrArray) written = NULL;
  g_autofree char *summary = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();

  g_return_val_if_fail (APP_IS_SEND_DIALOG (self), -1);
  g_return_val_if_fail (self->cancellable == NULL, -1);

  for (guint i = 0; i < self->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
      g_array_append_val (ids, ((PhaenCollectionRow *)g_ptr_array_index (self->units, i))->unit_id);
  if (ids->len == 0 || self->folder == NULL)
    return -1;

  self->cancellable = cancellable;
  g_object_ref (self);
  gtk_widget_set_sensitive (self->form, FALSE);
  update_send_sensitive (self);
  gtk_progress_bar_set_fraction (self->progress, 0);
  written = phaen_unit_copies_write (self->store, self->fiscal_year, ids, self->folder, progress_cb,
                                     self, cancellable, &error);
  self->cancellable = NULL;
  gtk_widget_set_sensitive (self->form, TRUE);
  update_send_sensitive (self);
  gtk_button_set_label (GTK_BUTTON (self->cancel_button), _ ("_Close"));
  if (written == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        summary = g_strdup (_ ("Cancelled. The copies written before stay in the folder."));
      else
        summary = g_strdup_printf (_ ("The unit copies could not be written: %s"), error->message);
      gtk_label_set_text (self->status, summary);
      g_object_unref (self);
      return -1;
    }
  summary = g_strdup_printf (_ ("%u unit copies of fiscal year %d written to “%s”. Send each "
                                "unit its file; its head opens it in Phaen and sends the results "
                                "back."),
                             written->len, self->fiscal_year, self->folder);
  gtk_label_set_text (self->status, summary);
  gtk_progress_bar_set_fraction (self->progress, 1.0);
  g_object_unref (self);
  return (int)written->len;
}

const char *
app_send_dialog_get_status (AppSendDialog *self)
{
  g_return_val_if_fail (APP_IS_SEND_DIALOG (self), NULL);

  return gtk_label_get_text (self->status);
}
