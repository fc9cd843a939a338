/* app-packet-import.c — the planning office imports result packets: check, review conflicts,
 * merge as one undo step, and say what happened to each packet
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-packet-import"

#include "config.h"

#include <glib/gi18n.h>

#include "app-packet-import.h"
#include "phaen-packet.h"

/* The result dialog lists at most this many packets, then says how many more. */
#define MAX_LISTED 40

struct _AppPacketReview
{
  AdwWindow parent_instance;

  PhaenStore *store;
  GStrv paths;
  PhaenMergeReport *dry; /* the dry run: its conflicts are the rows */
  GPtrArray *choices;    /* (element-type GtkDropDown) one per conflict */
  GtkWindow *parent;     /* (weak) where the outcome is shown */
};

G_DEFINE_FINAL_TYPE (AppPacketReview, app_packet_review, ADW_TYPE_WINDOW)

/* "2564-03-09T10:15:00+07:00" → "9/3/2564 10:15", local time, Buddhist era. */
static char *
format_when (const char *iso)
{
  g_autoptr (GDateTime) utc = iso != NULL ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  g_autoptr (GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;

  if (local == NULL)
    return g_strdup (iso != NULL ? iso : _ ("unknown"));
  return g_strdup_printf ("%d/%d/%d %02d:%02d", g_date_time_get_day_of_month (local),
                          g_date_time_get_month (local), g_date_time_get_year (local) + 543,
                          g_date_time_get_hour (local), g_date_time_get_minute (local));
}

static const char *
or_empty (const char *text)
{
  return text != NULL && *text != '\0' ? text : _ ("(empty)");
}

/* ------------------------------------------------------------------ the outcome */

char *
app_packet_import_describe (const PhaenMergeReport *report)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (report != NULL, NULL);

  for (guint i = 0; i < report->packets->len; i++)
    {
      const PhaenPacketOutcome *o = g_ptr_array_index (report->packets, i);
      g_autofree char *name = g_path_get_basename (o->path);

      if (i == MAX_LISTED)
        {
          g_string_append_printf (text, _ ("…and %u more packets"), report->packets->len - i);
          break;
        }
      if (text->len > 0)
        g_string_append_c (text, '\n');
      switch (o->status)
        {
        case PHAEN_PACKET_MERGED:
          g_string_append_printf (text,
                                  _ ("%s: merged — %u results, %u evidence items, %u progress "
                                     "entries, %u PMQA values"),
                                  name, o->results, o->evidence, o->progress, o->pmqa);
          if (o->conflicts > 0)
            g_string_append_printf (text, _ (" (%u conflicts left to decide)"), o->conflicts);
          break;
        case PHAEN_PACKET_ALREADY_MERGED:
          g_string_append_printf (text, _ ("%s: already merged, nothing changed"), name);
          break;
        case PHAEN_PACKET_REFUSED:
        default:
          g_string_append_printf (text, _ ("%s: refused — %s"), name,
                                  o->message != NULL ? o->message : "");
          break;
        }
    }
  return g_string_free (text, FALSE);
}

static void
show_outcome (GtkWindow *parent, const PhaenMergeReport *report)
{
  g_autofree char *body = app_packet_import_describe (report);
  guint merged = 0, refused = 0;
  const char *heading;
  GtkWidget *dialog;

  for (guint i = 0; i < report->packets->len; i++)
    {
      const PhaenPacketOutcome *o = g_ptr_array_index (report->packets, i);

      merged += o->status == PHAEN_PACKET_MERGED;
      refused += o->status == PHAEN_PACKET_REFUSED;
    }
  heading = refused > 0 && merged == 0 ? _ ("No Packet Was Imported")
            : refused > 0              ? _ ("Some Packets Were Refused")
            : merged > 0               ? _ ("Results Imported")
                                       : _ ("Nothing New to Import");
  dialog = adw_message_dialog_new (parent, heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _ ("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_error (GtkWindow *parent, const char *body)
{
  GtkWidget *dialog =
    adw_message_dialog_new (parent, _ ("The Packets Could Not Be Imported"), body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _ ("_Close"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Merges for real, with the officer's @choices (nullable), and shows what happened. */
static void
merge_and_report (GtkWindow *parent,
                  PhaenStore *store,
                  const char *const *paths,
                  GHashTable *choices)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenMergeReport) report = NULL;
  PhaenMergeOptions options = { .policy = PHAEN_MERGE_KEEP_CONFLICTS, .choices = choices };

  report = phaen_merge_packets (store, paths, &options, &error);
  if (report == NULL)
    {
      show_error (parent, error->message);
      return;
    }
  show_outcome (parent, report);
}

/* ------------------------------------------------------------------ the review window */

static void
app_packet_review_dispose (GObject *object)
{
  AppPacketReview *self = APP_PACKET_REVIEW (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->paths, g_strfreev);
  g_clear_pointer (&self->dry, phaen_merge_report_free);
  g_clear_pointer (&self->choices, g_ptr_array_unref);
  g_clear_weak_pointer (&self->parent);
  G_OBJECT_CLASS (app_packet_review_parent_class)->dispose (object);
}

static void
app_packet_review_class_init (AppPacketReviewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = app_packet_review_dispose;
}

static void
app_packet_review_init (AppPacketReview *self)
{
  self->choices = g_ptr_array_new ();
}

static const PhaenMergeConflict *
conflict_at (AppPacketReview *self, guint index)
{
  g_return_val_if_fail (index < self->dry->conflicts->len, NULL);
  return g_ptr_array_index (self->dry->conflicts, index);
}

/* The drop-down's positions: keep the office's value, take the unit's, decide later. */
static const PhaenMergeChoice choice_at[] = {
  PHAEN_MERGE_CHOICE_OFFICE,
  PHAEN_MERGE_CHOICE_UNIT,
  PHAEN_MERGE_CHOICE_NONE,
};

static GtkWidget *
value_box (const char *heading,
           const char *who_when,
           const PhaenMergeConflict *conflict,
           gboolean unit)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *title = gtk_label_new (heading);

  gtk_widget_set_hexpand (box, TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (box), title);
  for (guint i = 0; i < conflict->fields->len; i++)
    {
      const PhaenMergeField *field = g_ptr_array_index (conflict->fields, i);
      g_autofree char *text =
        g_strdup_printf ("%s: %s", field->label, or_empty (unit ? field->unit : field->office));
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_box_append (GTK_BOX (box), label);
    }
  {
    GtkWidget *label = gtk_label_new (who_when);

    gtk_label_set_xalign (GTK_LABEL (label), 0);
    gtk_label_set_wrap (GTK_LABEL (label), TRUE);
    gtk_widget_add_css_class (label, "dim-label");
    gtk_widget_add_css_class (label, "caption");
    gtk_box_append (GTK_BOX (box), label);
  }
  return box;
}

static GtkWidget *
conflict_row (AppPacketReview *self, const PhaenMergeConflict *conflict)
{
  static const char *const options[] = { N_ ("Keep the office’s value"),
                                         N_ ("Take the unit’s value"), N_ ("Decide later"), NULL };
  const char *translated[G_N_ELEMENTS (options)];
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *subject = gtk_label_new (conflict->subject);
  GtkWidget *values = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  GtkWidget *choice;
  g_autofree char *office_when = format_when (conflict->office_when);
  g_autofree char *unit_when = format_when (conflict->unit_when);
  g_autofree char *office_line = g_strdup_printf (_ ("Changed by the office on %s"), office_when);
  g_autofree char *unit_line =
    g_strdup_printf (_ ("Sent by %s, changed on %s"), or_empty (conflict->unit_who), unit_when);

  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    translated[i] = options[i] != NULL ? _ (options[i]) : NULL;
  choice = gtk_drop_down_new_from_strings (translated);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (choice), 2);
  gtk_widget_set_valign (choice, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (choice), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  conflict->subject, -1);
  g_ptr_array_add (self->choices, choice);

  gtk_widget_set_margin_start (row, 12);
  gtk_widget_set_margin_end (row, 12);
  gtk_widget_set_margin_top (row, 10);
  gtk_widget_set_margin_bottom (row, 10);
  gtk_label_set_xalign (GTK_LABEL (subject), 0);
  gtk_label_set_wrap (GTK_LABEL (subject), TRUE);
  gtk_widget_set_hexpand (subject, TRUE);
  gtk_widget_add_css_class (subject, "title-4");
  gtk_box_append (GTK_BOX (header), subject);
  gtk_box_append (GTK_BOX (header), choice);
  gtk_box_append (GTK_BOX (row), header);
  gtk_box_append (GTK_BOX (values), value_box (_ ("Office"), office_line, conflict, FALSE));
  gtk_box_append (GTK_BOX (values), value_box (_ ("Unit"), unit_line, conflict, TRUE));
  gtk_box_append (GTK_BOX (row), values);
  return row;
}

static void
cancel_clicked_cb (AppPacketReview *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
build_review (AppPacketReview *self)
{
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_ ("_Cancel"));
  GtkWidget *apply = gtk_button_new_with_mnemonic (_ ("_Import"));
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *intro;
  GtkWidget *list = gtk_list_box_new ();
  g_autofree char *intro_text = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE,
                 "The office and a unit both changed %u result since the unit’s copy was made. "
                 "Choose which value to keep; what you leave undecided stays as the office has "
                 "it, and the packet can be imported again to decide it.",
                 "The office and the units both changed %u results since the units’ copies were "
                 "made. Choose which value to keep; what you leave undecided stays as the office "
                 "has it, and the packets can be imported again to decide it.",
                 self->dry->conflicts->len),
    self->dry->conflicts->len);

  gtk_window_set_title (GTK_WINDOW (self), _ ("Review Conflicting Results"));
  gtk_window_set_default_size (GTK_WINDOW (self), 860, 600);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), apply);
  gtk_widget_add_css_class (apply, "suggested-action");
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (cancel_clicked_cb), self);
  g_signal_connect_swapped (apply, "clicked", G_CALLBACK (app_packet_review_apply), self);
  gtk_window_set_default_widget (GTK_WINDOW (self), apply);

  intro = gtk_label_new (intro_text);
  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_xalign (GTK_LABEL (intro), 0);
  gtk_box_append (GTK_BOX (box), intro);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < self->dry->conflicts->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (list), conflict_row (self, conflict_at (self, i)));
  gtk_box_append (GTK_BOX (box), list);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_widget_set_vexpand (scroller, TRUE);
  {
    GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

    gtk_box_append (GTK_BOX (content), header);
    gtk_box_append (GTK_BOX (content), scroller);
    adw_window_set_content (ADW_WINDOW (self), content);
  }
}

/* ------------------------------------------------------------------ public API */

AppPacketReview *
app_packet_import (GtkWindow *parent, PhaenStore *store, const char *const *paths)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenMergeReport) dry = NULL;
  PhaenMergeOptions options = { .policy = PHAEN_MERGE_KEEP_CONFLICTS, .dry_run = TRUE };
  AppPacketReview *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PHAEN_IS_STORE (store), NULL);
  g_return_val_if_fail (paths != NULL, NULL);

  if (paths[0] == NULL)
    {
      show_error (parent, _ ("No result packets (.phaenpkt files) were found there."));
      return NULL;
    }
  if (!phaen_store_check_office_edit (store, &error))
    {
      show_error (parent, error->message);
      return NULL;
    }
  dry = phaen_merge_packets (store, paths, &options, &error);
  if (dry == NULL)
    {
      show_error (parent, error->message);
      return NULL;
    }
  if (dry->conflicts->len == 0)
    {
      merge_and_report (parent, store, paths, NULL);
      return NULL;
    }
  self = g_object_new (APP_TYPE_PACKET_REVIEW, "transient-for", parent, "modal", TRUE,
                       "destroy-with-parent", TRUE, NULL);
  self->store = g_object_ref (store);
  self->paths = g_strdupv ((char **)paths);
  self->dry = g_steal_pointer (&dry);
  g_set_weak_pointer (&self->parent, parent);
  build_review (self);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

GPtrArray *
app_packet_import_collect (GSList *files)
{
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);

  for (GSList *l = files; l != NULL; l = l->next)
    {
      g_autofree char *path = g_file_get_path (l->data);

      if (path == NULL)
        continue;
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          g_autoptr (GPtrArray) found = phaen_merge_list_folder (path, NULL);

          for (guint i = 0; found != NULL && i < found->len; i++)
            g_ptr_array_add (paths, g_strdup (g_ptr_array_index (found, i)));
        }
      else if (g_str_has_suffix (path, PHAEN_PACKET_SUFFIX))
        g_ptr_array_add (paths, g_steal_pointer (&path));
    }
  return paths;
}

guint
app_packet_review_get_n_conflicts (AppPacketReview *self)
{
  g_return_val_if_fail (APP_IS_PACKET_REVIEW (self), 0);

  return self->dry->conflicts->len;
}

char *
app_packet_review_get_conflict_text (AppPacketReview *self, guint index)
{
  const PhaenMergeConflict *conflict;
  GString *text;
  g_autofree char *office_when = NULL;
  g_autofree char *unit_when = NULL;

  g_return_val_if_fail (APP_IS_PACKET_REVIEW (self), NULL);
  conflict = conflict_at (self, index);
  g_return_val_if_fail (conflict != NULL, NULL);

  office_when = format_when (conflict->office_when);
  unit_when = format_when (conflict->unit_when);
  text = g_string_new (conflict->subject);
  for (guint i = 0; i < conflict->fields->len; i++)
    {
      const PhaenMergeField *field = g_ptr_array_index (conflict->fields, i);

      g_string_append_printf (text, "\n%s: %s | %s", field->label, or_empty (field->office),
                              or_empty (field->unit));
    }
  g_string_append_printf (text, "\n%s | %s %s", office_when, or_empty (conflict->unit_who),
                          unit_when);
  return g_string_free (text, FALSE);
}

void
app_packet_review_set_choice (AppPacketReview *self, guint index, PhaenMergeChoice choice)
{
  g_return_if_fail (APP_IS_PACKET_REVIEW (self));
  g_return_if_fail (index < self->choices->len);

  for (guint i = 0; i < G_N_ELEMENTS (choice_at); i++)
    if (choice_at[i] == choice)
      gtk_drop_down_set_selected (g_ptr_array_index (self->choices, index), i);
}

PhaenMergeChoice
app_packet_review_get_choice (AppPacketReview *self, guint index)
{
  guint selected;

  g_return_val_if_fail (APP_IS_PACKET_REVIEW (self), PHAEN_MERGE_CHOICE_NONE);
  g_return_val_if_fail (index < self->choices->len, PHAEN_MERGE_CHOICE_NONE);

  selected = gtk_drop_down_get_selected (g_ptr_array_index (self->choices, index));
  return selected < G_N_ELEMENTS (choice_at) ? choice_at[selected] : PHAEN_MERGE_CHOICE_NONE;
}

void
app_packet_review_apply (AppPacketReview *self)
{
  g_autoptr (GHashTable) choices = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GtkWindow) parent = NULL;

  g_return_if_fail (APP_IS_PACKET_REVIEW (self));

  for (guint i = 0; i < self->dry->conflicts->len; i++)
    {
      PhaenMergeChoice choice = app_packet_review_get_choice (self, i);

      if (choice != PHAEN_MERGE_CHOICE_NONE)
        g_hash_table_insert (choices, conflict_at (self, i)->key, GINT_TO_POINTER (choice));
    }
  parent = self->parent != NULL ? g_object_ref (self->parent) : NULL;
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  if (parent != NULL)
    merge_and_report (parent, self->store, (const char *const *)self->paths, choices);
  gtk_window_destroy (GTK_WINDOW (self));
}
