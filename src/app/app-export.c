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

/* ------------------------------------------------------------------ options */

/* What the widget's last export chose, and what the dialog in progress needs. */
typedef struct
{
  AppExportOptions options;
  AppExportFormat format;
  char *name;
  GFile *folder;
  AppExportOptionsFunc export;
  AdwMessageDialog *dialog; /* (nullable) while it is shown */
  AdwComboRow *content_row;
  AdwComboRow *paper_row;
  AdwComboRow *orientation_row;
  GtkSwitch *digits_switch;
} OptionsState;

static void
options_state_free (OptionsState *state)
{
  g_free (state->name);
  g_clear_object (&state->folder);
  g_free (state);
}

static OptionsState *
options_state (GtkWidget *widget)
{
  OptionsState *state = g_object_get_data (G_OBJECT (widget), "app-export-options");

  if (state == NULL)
    {
      state = g_new0 (OptionsState, 1);
      app_export_options_init (&state->options);
      g_object_set_data_full (G_OBJECT (widget), "app-export-options", state,
                              (GDestroyNotify)options_state_free);
    }
  return state;
}

void
app_export_options_init (AppExportOptions *options)
{
  g_return_if_fail (options != NULL);

  *options = (AppExportOptions){ PHAEN_PAPER_A4, PHAEN_ORIENTATION_LANDSCAPE, FALSE, FALSE };
}

static void
export_with_options_cb (GtkWidget *widget, GFile *file)
{
  OptionsState *state = options_state (widget);

  if (state->export != NULL)
    state->export(widget, file, &state->options);
}

static void
options_response_cb (AdwMessageDialog *dialog, const char *response, GtkWidget *widget)
{
  OptionsState *state = options_state (widget);

  if (g_str_equal (response, "continue"))
    {
      if (state->content_row != NULL)
        state->options.gantt = adw_combo_row_get_selected (state->content_row) == 1;
      if (state->paper_row != NULL)
        state->options.paper =
          adw_combo_row_get_selected (state->paper_row) == 1 ? PHAEN_PAPER_A3 : PHAEN_PAPER_A4;
      if (state->orientation_row != NULL)
        state->options.orientation = adw_combo_row_get_selected (state->orientation_row) == 1
                                       ? PHAEN_ORIENTATION_PORTRAIT
                                       : PHAEN_ORIENTATION_LANDSCAPE;
      state->options.thai_digits = gtk_switch_get_active (state->digits_switch);
    }
  state->dialog = NULL;
  state->content_row = state->paper_row = state->orientation_row = NULL;
  state->digits_switch = NULL;
  if (g_str_equal (response, "continue"))
    app_export_choose (widget, state->format, state->name, state->folder, export_with_options_cb);
}

static AdwComboRow *
combo_row (GtkWidget *group, const char *title, const char *const *items, guint selected)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr (GtkStringList) model = gtk_string_list_new (NULL);

  for (guint i = 0; items[i] != NULL; i++)
    gtk_string_list_append (model, _ (items[i]));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return ADW_COMBO_ROW (row);
}

void
app_export_choose_with_options (GtkWidget *widget,
                                AppExportFormat format,
                                gboolean offer_chart,
                                const char *name,
                                GFile *folder,
                                AppExportOptionsFunc export)
{
  static const char *const contents[] = { N_ ("The official plan"), N_ ("The Gantt chart"), NULL };
  static const char *const papers[] = { N_ ("A4"), N_ ("A3 (the A4 layout, larger)"), NULL };
  static const char *const orientations[] = { N_ ("Landscape"), N_ ("Portrait"), NULL };
  OptionsState *state;
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *digits_row = adw_action_row_new ();
  GtkWidget *dialog;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (name != NULL && export != NULL);

  state = options_state (widget);
  state->format = format;
  state->export = export;
  g_free (state->name);
  state->name = g_strdup (name);
  g_set_object (&state->folder, folder);

  dialog = adw_message_dialog_new (
    GTK_WINDOW (gtk_widget_get_root (widget)),
    format == APP_EXPORT_PDF ? _ ("Export as PDF") : _ ("Export as XLSX"), NULL);
  if (format == APP_EXPORT_PDF)
    {
      if (offer_chart)
        state->content_row =
          combo_row (group, _ ("Content"), contents, state->options.gantt ? 1 : 0);
      state->paper_row =
        combo_row (group, _ ("Paper"), papers, state->options.paper == PHAEN_PAPER_A3 ? 1 : 0);
      state->orientation_row =
        combo_row (group, _ ("Orientation"), orientations,
                   state->options.orientation == PHAEN_ORIENTATION_PORTRAIT ? 1 : 0);
    }
  state->digits_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_switch_set_active (state->digits_switch, state->options.thai_digits);
  gtk_widget_set_valign (GTK_WIDGET (state->digits_switch), GTK_ALIGN_CENTER);
  /* Thai on purpose: the digits themselves, as they will print. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (digits_row), _ ("Thai digits (๐๑๒๓)"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (digits_row), GTK_WIDGET (state->digits_switch));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (digits_row),
                                         GTK_WIDGET (state->digits_switch));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), digits_row);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), group);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"),
                                    "continue", _ ("C_hoose File…"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "continue",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "continue");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (options_response_cb), widget, 0);
  state->dialog = ADW_MESSAGE_DIALOG (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

AdwMessageDialog *
app_export_get_options_dialog (GtkWidget *widget)
{
  OptionsState *state;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  state = g_object_get_data (G_OBJECT (widget), "app-export-options");
  return state != NULL ? state->dialog : NULL;
}
