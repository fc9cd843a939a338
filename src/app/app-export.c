/* app-export.c — what the pages' exports share: where to write, and how it ended
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-app"

#include "config.h"

#include <glib/gi18n.h>

#include "app-export.h"

/* The page the chooser answers to, held weakly like g_signal_connect_object() would. */
typedef struct
{
  GWeakRef widget;
  AppExportFunc export;
} Choice;

static void
choice_free (gpointer data, GClosure *closure)
{
  Choice *choice = data;

  g_weak_ref_clear (&choice->widget);
  g_free (choice);
}

void
app_toast (GtkWidget *widget, const char *text)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (text));
  else
    g_message ("%s", text);
}

static void
chooser_response_cb (GtkNativeDialog *chooser, int response, Choice *choice)
{
  g_autoptr (GtkWidget) widget = g_weak_ref_get (&choice->widget);

  if (response == GTK_RESPONSE_ACCEPT && widget != NULL)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      choice->export(widget, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

void
app_export_choose (
  GtkWidget *widget, AppExportFormat format, const char *name, GFile *folder, AppExportFunc export)
{
  GtkFileChooserNative *chooser;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  Choice *choice;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (name != NULL);
  g_return_if_fail (export != NULL);

  chooser = gtk_file_chooser_native_new (
    format == APP_EXPORT_PDF ? _ ("Export as PDF") : _ ("Export as XLSX"),
    GTK_WINDOW (gtk_widget_get_root (widget)), GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Export"),
    _ ("_Cancel"));
  if (format == APP_EXPORT_PDF)
    {
      gtk_file_filter_set_name (filter, _ ("PDF documents"));
      gtk_file_filter_add_pattern (filter, "*.pdf");
    }
  else
    {
      gtk_file_filter_set_name (filter, _ ("Excel workbooks"));
      gtk_file_filter_add_pattern (filter, "*.xlsx");
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  choice = g_new0 (Choice, 1);
  g_weak_ref_init (&choice->widget, widget);
  choice->export = export;
  g_signal_connect_data (chooser, "response", G_CALLBACK (chooser_response_cb), choice, choice_free,
                         0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
app_export_report (GtkWidget *widget, const GError *error, const char *done_text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (error == NULL)
    app_toast (widget, done_text);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    app_toast (widget, error->message);
}
