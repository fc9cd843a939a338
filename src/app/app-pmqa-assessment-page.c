/* app-pmqa-assessment-page.c — PMQA 4.0 categories 1–6: tree, statements, evidence, narrative
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-pmqa-assessment-page"

#include "config.h"

#include <glib/gi18n.h>

#include "app-autosave.h"
#include "app-export.h"
#include "app-page-refresh.h"
#include "app-pmqa-assessment-page.h"
#include "app-pmqa-node.h"
#include "phaen-error.h"
#include "phaen-pmqa-application.h"
#include "phaen-pmqa-export.h"
#include "phaen-pmqa-text.h"
#include "phaen-thai-text.h"

/* The widgets of the shown sub-item's statements, updated in place by a refresh. */
typedef struct
{
  GtkWidget *check;
  GtkWidget *evidence_label; /* starred only */
  GtkWidget *warning;        /* starred only: claimed without a file */
  GtkWidget *remove_button;  /* starred only */
} StatementView;

struct _AppPmqaAssessmentPage
{
  AdwBin parent_instance;

  GtkListView *tree_view;
  GtkBox *detail_box;
  GtkLabel *summary_label;

  AppPageRefresh *refresh;
  PhaenStore *store;
  gint64 unit_id;
  int fiscal_year;
  PhaenPmqaApplication *application; /* what the page shows, rebuilt on every refresh */
  char *edition;                     /* the tree was built for it */

  GListStore *roots;
  GtkTreeListModel *tree_model;
  GtkSingleSelection *selection;

  /* The detail on the right */
  char *shown; /* code */
  AppPmqaNodeKind shown_kind;
  GArray *statements; /* (element-type StatementView) */
  GtkWidget *narrative_view;
  GtkWidget *count_label;
  GtkWidget *author_entry;
  GtkWidget *status_dropdown;
  GtkWidget *status_label;
  GtkWidget *due_entry;
  GtkWidget *level_dropdown;
  GtkWidget *level_text;
  GtkWidget *progress_label;
  GtkWidget *limit_spin;
  AppAutosave *narrative_save;
  AppAutosave *author_save;
  gboolean loading;
};

G_DEFINE_FINAL_TYPE (AppPmqaAssessmentPage, app_pmqa_assessment_page, ADW_TYPE_BIN)

enum
{
  SHOW_CATEGORY7,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void show_node (AppPmqaAssessmentPage *self, AppPmqaNode *node);
static void update_detail (AppPmqaAssessmentPage *self);

/* ------------------------------------------------------------------ helpers */

static char *
format_count (glong n)
{
  return phaen_format_number ((double)n, 0, PHAEN_NUMBER_GROUPING);
}

/* " · 3 without evidence": a count worth telling, in @format (translated with its plural). */
static void
append_count (GString *text, int n, const char *format)
{
  if (n <= 0)
    return;
  g_string_append (text, " · ");
  g_string_append_printf (text, format, n);
}

static char *
progress_text (const PhaenPmqaProgress *p)
{
  GString *text = g_string_new (NULL);

  /* Coverage only: the seeds give no points for categories 1–6 (DOMAIN-pmqa.md §3). */
  g_string_append_printf (text, _ ("%d/%d statements"), p->claimed, p->statements);
  append_count (text, p->evidence_missing,
                g_dngettext (GETTEXT_PACKAGE, "%d without evidence", "%d without evidence",
                             p->evidence_missing));
  append_count (text, p->narratives_empty,
                g_dngettext (GETTEXT_PACKAGE, "%d narrative empty", "%d narratives empty",
                             p->narratives_empty));
  append_count (
    text, p->narratives_over,
    g_dngettext (GETTEXT_PACKAGE, "%d over the limit", "%d over the limit", p->narratives_over));
  return g_string_free (text, FALSE);
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static GtkWidget *
wrapped_label (const char *text, const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static const PhaenPmqaSubItemState *
shown_sub_item (AppPmqaAssessmentPage *self)
{
  if (self->application == NULL || self->shown_kind != APP_PMQA_NODE_SUB_ITEM)
    return NULL;
  return phaen_pmqa_application_find_sub_item (self->application, self->shown);
}

static gboolean
report (AppPmqaAssessmentPage *self, gboolean ok, GError *error)
{
  if (!ok && error != NULL)
    app_toast (GTK_WIDGET (self), error->message);
  return ok;
}

/* ------------------------------------------------------------------ the tree */

static GListModel *
create_children_cb (gpointer item, gpointer user_data)
{
  GListStore *children = app_pmqa_node_get_children (item);

  return children ? g_object_ref (G_LIST_MODEL (children)) : NULL;
}

static void
build_tree (AppPmqaAssessmentPage *self)
{
  const PhaenPmqaFramework *framework = self->application->framework;

  g_list_store_remove_all (self->roots);
  for (guint c = 0; c < framework->categories->len; c++)
    {
      const PhaenPmqaCategory *category = g_ptr_array_index (framework->categories, c);
      g_autofree char *code = g_strdup_printf ("%d", category->number);
      g_autofree char *title =
        g_strdup_printf (_ ("Category %d %s"), category->number, category->title);
      g_autoptr (AppPmqaNode) cnode = app_pmqa_node_new (APP_PMQA_NODE_CATEGORY, code, title);

      for (guint t = 0; t < category->topics->len; t++)
        {
          const PhaenPmqaTopic *topic = g_ptr_array_index (category->topics, t);
          g_autofree char *ttitle = g_strdup_printf ("%s %s", topic->code, topic->title);
          g_autoptr (AppPmqaNode) tnode =
            app_pmqa_node_new (APP_PMQA_NODE_TOPIC, topic->code, ttitle);

          for (guint s = 0; s < topic->sub_items->len; s++)
            {
              const PhaenPmqaSubItem *item = g_ptr_array_index (topic->sub_items, s);
              g_autofree char *stitle = g_strdup_printf ("%s %s", item->code, item->title);
              g_autoptr (AppPmqaNode) snode =
                app_pmqa_node_new (APP_PMQA_NODE_SUB_ITEM, item->code, stitle);

              g_list_store_append (app_pmqa_node_get_children (tnode), snode);
            }
          g_list_store_append (app_pmqa_node_get_children (cnode), tnode);
        }
      g_list_store_append (self->roots, cnode);
    }
  {
    g_autoptr (AppPmqaNode) seven = app_pmqa_node_new (
      APP_PMQA_NODE_CATEGORY7, "7", _ ("Category 7 Results (the indicators' page)"));

    g_list_store_append (self->roots, seven);
  }
}

/* The progress lines of every node from the application. */
static void
update_tree (AppPmqaAssessmentPage *self)
{
  GListModel *roots = G_LIST_MODEL (self->roots);

  for (guint c = 0; c < g_list_model_get_n_items (roots); c++)
    {
      g_autoptr (AppPmqaNode) cnode = g_list_model_get_item (roots, c);
      const PhaenPmqaCategoryState *cs;
      GListModel *topics = G_LIST_MODEL (app_pmqa_node_get_children (cnode));
      g_autofree char *text = NULL;

      if (app_pmqa_node_get_kind (cnode) != APP_PMQA_NODE_CATEGORY ||
          c >= self->application->categories->len)
        continue;
      cs = g_ptr_array_index (self->application->categories, c);
      text = progress_text (&cs->progress);
      app_pmqa_node_set_progress (cnode, text);
      app_pmqa_node_set_warning (cnode, cs->progress.evidence_missing > 0 ||
                                          cs->progress.narratives_over > 0);
      for (guint t = 0; t < g_list_model_get_n_items (topics) && t < cs->topics->len; t++)
        {
          g_autoptr (AppPmqaNode) tnode = g_list_model_get_item (topics, t);
          const PhaenPmqaTopicState *ts = g_ptr_array_index (cs->topics, t);
          GListModel *subs = G_LIST_MODEL (app_pmqa_node_get_children (tnode));
          g_autofree char *ttext = progress_text (&ts->progress);
          g_autofree char *tline = NULL;

          tline = ts->level
                    ? g_strdup_printf (
                        "%s · %s", self->application->framework->level_names[ts->level - 1], ttext)
                    : g_strdup (ttext);
          app_pmqa_node_set_progress (tnode, tline);
          app_pmqa_node_set_warning (tnode, ts->progress.evidence_missing > 0 ||
                                              ts->progress.narratives_over > 0);
          for (guint s = 0; s < g_list_model_get_n_items (subs) && s < ts->sub_items->len; s++)
            {
              g_autoptr (AppPmqaNode) snode = g_list_model_get_item (subs, s);
              const PhaenPmqaSubItemState *ss = g_ptr_array_index (ts->sub_items, s);
              g_autofree char *stext = progress_text (&ss->progress);
              g_autofree char *count = format_count (ss->characters);
              g_autofree char *line = g_strdup_printf (_ ("%s · %s characters"), stext, count);

              app_pmqa_node_set_progress (snode, line);
              app_pmqa_node_set_warning (snode, ss->progress.evidence_missing > 0 ||
                                                  ss->progress.narratives_over > 0);
            }
        }
    }
  {
    g_autofree char *all = progress_text (&self->application->progress);
    g_autofree char *summary = g_strdup_printf ("%s %d — %s", self->application->unit_name,
                                                self->application->fiscal_year, all);

    gtk_label_set_text (self->summary_label, summary);
  }
}

static void
setup_row_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *progress = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (title), 2);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (progress), 0);
  gtk_label_set_ellipsize (GTK_LABEL (progress), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (progress, "caption");
  gtk_widget_add_css_class (progress, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), progress);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);
  gtk_list_item_set_child (item, expander);
}

static void
node_changed_cb (AppPmqaNode *node, GParamSpec *pspec, GtkWidget *box)
{
  GtkWidget *progress = gtk_widget_get_last_child (box);

  gtk_label_set_text (GTK_LABEL (progress), app_pmqa_node_get_progress (node));
  if (app_pmqa_node_get_warning (node))
    {
      gtk_widget_remove_css_class (progress, "dim-label");
      gtk_widget_add_css_class (progress, "warning");
    }
  else
    {
      gtk_widget_remove_css_class (progress, "warning");
      gtk_widget_add_css_class (progress, "dim-label");
    }
}

static void
bind_row_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkWidget *expander = gtk_list_item_get_child (item);
  GtkTreeListRow *row = gtk_list_item_get_item (item);
  AppPmqaNode *node = gtk_tree_list_row_get_item (row);
  GtkWidget *box = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  GtkWidget *title = gtk_widget_get_first_child (box);

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);
  gtk_label_set_text (GTK_LABEL (title), app_pmqa_node_get_title (node));
  if (app_pmqa_node_get_kind (node) == APP_PMQA_NODE_CATEGORY ||
      app_pmqa_node_get_kind (node) == APP_PMQA_NODE_CATEGORY7)
    gtk_widget_add_css_class (title, "heading");
  else
    gtk_widget_remove_css_class (title, "heading");
  node_changed_cb (node, NULL, box);
  g_signal_connect_object (node, "notify", G_CALLBACK (node_changed_cb), box, 0);
  g_object_set_data_full (G_OBJECT (item), "node", node, g_object_unref);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkWidget *expander = gtk_list_item_get_child (item);
  GtkWidget *box = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  AppPmqaNode *node = g_object_get_data (G_OBJECT (item), "node");

  if (node != NULL)
    g_signal_handlers_disconnect_by_func (node, node_changed_cb, box);
  g_object_set_data (G_OBJECT (item), "node", NULL);
  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), NULL);
}

static void
selection_changed_cb (GtkSingleSelection *selection, GParamSpec *pspec, AppPmqaAssessmentPage *self)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (selection);

  if (row == NULL || self->loading)
    return;
  show_node (self, gtk_tree_list_row_get_item (row));
}

static void
activate_cb (GtkListView *view, guint position, AppPmqaAssessmentPage *self)
{
  g_autoptr (GtkTreeListRow) row =
    g_list_model_get_item (G_LIST_MODEL (self->tree_model), position);
  g_autoptr (AppPmqaNode) node = row ? gtk_tree_list_row_get_item (row) : NULL;

  if (node == NULL)
    return;
  if (app_pmqa_node_get_kind (node) == APP_PMQA_NODE_CATEGORY7)
    g_signal_emit (self, signals[SHOW_CATEGORY7], 0, self->unit_id, self->fiscal_year);
  else
    gtk_tree_list_row_set_expanded (row, !gtk_tree_list_row_get_expanded (row));
}

/* ------------------------------------------------------------------ edits */

static void
check_toggled_cb (GtkCheckButton *check, AppPmqaAssessmentPage *self)
{
  g_autoptr (GError) error = NULL;
  int n = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (check), "statement"));

  if (self->loading || self->store == NULL)
    return;
  report (self,
          phaen_store_pmqa_set_claimed (self->store, self->unit_id, self->fiscal_year, self->shown,
                                        n, gtk_check_button_get_active (check), &error),
          error);
}

static void
save_narrative (gpointer user_data)
{
  AppPmqaAssessmentPage *self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  const PhaenPmqaSubItemState *state = shown_sub_item (self);

  if (self->store == NULL || self->narrative_view == NULL || state == NULL)
    return;
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->narrative_view));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (text, state->narrative) == 0)
    return;
  report (self,
          phaen_store_pmqa_set_narrative (self->store, self->unit_id, self->fiscal_year,
                                          self->shown, text, &error),
          error);
}

static void
update_count (AppPmqaAssessmentPage *self, const char *text)
{
  glong all = 0;
  glong n = phaen_pmqa_count_characters (text, &all);
  int limit = self->application ? self->application->narrative_limit : 0;
  g_autofree char *count = format_count (n);
  g_autofree char *with_spaces = format_count (all);
  g_autofree char *label = NULL;

  if (limit > 0)
    {
      g_autofree char *max = format_count (limit);

      label = n > limit
                ? g_strdup_printf (_ ("Characters: %s of %s — %ld over the limit; OPDC's form may "
                                      "not take it all"),
                                   count, max, n - limit)
                : g_strdup_printf (_ ("Characters: %s of %s"), count, max);
    }
  else
    label = g_strdup_printf (_ ("Characters: %s"), count);
  gtk_label_set_text (GTK_LABEL (self->count_label), label);
  {
    g_autofree char *tip = g_strdup_printf (
      _ ("Counted as OPDC prints it: code points without white space (a Thai vowel or tone mark "
         "is one). With spaces and line breaks: %s."),
      with_spaces);

    gtk_widget_set_tooltip_text (self->count_label, tip);
  }
  if (limit > 0 && n > limit)
    {
      gtk_widget_remove_css_class (self->count_label, "dim-label");
      gtk_widget_add_css_class (self->count_label, "error");
    }
  else
    {
      gtk_widget_remove_css_class (self->count_label, "error");
      gtk_widget_add_css_class (self->count_label, "dim-label");
    }
}

static void
narrative_changed_cb (GtkTextBuffer *buffer, AppPmqaAssessmentPage *self)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  update_count (self, text);
  if (!self->loading)
    app_autosave_changed (self->narrative_save);
}

static void
save_author (gpointer user_data)
{
  AppPmqaAssessmentPage *self = user_data;
  g_autoptr (GError) error = NULL;
  const PhaenPmqaSubItemState *state = shown_sub_item (self);
  const char *text;

  if (self->store == NULL || self->author_entry == NULL || state == NULL)
    return;
  text = gtk_editable_get_text (GTK_EDITABLE (self->author_entry));
  if (g_strcmp0 (text, state->author) == 0)
    return;
  report (self,
          phaen_store_pmqa_set_author (self->store, self->unit_id, self->fiscal_year, self->shown,
                                       text, &error),
          error);
}

static void
author_changed_cb (GtkEditable *editable, AppPmqaAssessmentPage *self)
{
  if (!self->loading)
    app_autosave_changed (self->author_save);
}

static void
status_selected_cb (GtkDropDown *dropdown, GParamSpec *pspec, AppPmqaAssessmentPage *self)
{
  g_autoptr (GError) error = NULL;
  const PhaenPmqaSubItemState *state = shown_sub_item (self);
  guint status = gtk_drop_down_get_selected (dropdown);

  if (self->loading || state == NULL || status == GTK_INVALID_LIST_POSITION ||
      (int)status == (int)state->status)
    return;
  report (self,
          phaen_store_pmqa_set_status (self->store, self->unit_id, self->fiscal_year, self->shown,
                                       status, NULL, &error),
          error);
}

static void
due_activate_cb (GtkEntry *entry, AppPmqaAssessmentPage *self)
{
  g_autoptr (GError) error = NULL;
  const PhaenPmqaSubItemState *state = shown_sub_item (self);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  if (self->loading || state == NULL || g_strcmp0 (text, state->due_on ? state->due_on : "") == 0)
    return;
  if (!report (self,
               phaen_store_pmqa_set_due (self->store, self->unit_id, self->fiscal_year, self->shown,
                                         *text ? text : NULL, &error),
               error))
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
}

static void
due_focus_leave_cb (GtkEventControllerFocus *focus, AppPmqaAssessmentPage *self)
{
  due_activate_cb (GTK_ENTRY (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus))),
                   self);
}

static void
level_selected_cb (GtkDropDown *dropdown, GParamSpec *pspec, AppPmqaAssessmentPage *self)
{
  g_autoptr (GError) error = NULL;
  const PhaenPmqaTopicState *state;
  guint level = gtk_drop_down_get_selected (dropdown);

  if (self->loading || self->application == NULL || level == GTK_INVALID_LIST_POSITION)
    return;
  state = phaen_pmqa_application_find_topic (self->application, self->shown);
  if (state == NULL || (int)level == (int)state->level)
    return;
  report (self,
          phaen_store_pmqa_set_topic_level (self->store, self->unit_id, self->fiscal_year,
                                            self->shown, level, &error),
          error);
}

static void
remove_evidence_cb (GtkButton *button, AppPmqaAssessmentPage *self)
{
  g_autoptr (GError) error = NULL;
  int n = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "statement"));
  const PhaenPmqaSubItemState *state = shown_sub_item (self);
  const PhaenPmqaAttachment *slot = state ? phaen_pmqa_sub_item_get_slot (state, n) : NULL;

  if (slot == NULL)
    return;
  report (self, phaen_store_pmqa_remove_attachment (self->store, slot->id, &error), error);
}

static void
attach_response_cb (GtkNativeDialog *dialog, int response, AppPmqaAssessmentPage *self)
{
  int n = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "statement"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        app_pmqa_assessment_page_attach (self, n, file);
    }
  g_object_unref (dialog);
}

static void
attach_clicked_cb (GtkButton *button, AppPmqaAssessmentPage *self)
{
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter = gtk_file_filter_new ();
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  chooser = gtk_file_chooser_native_new (
    _ ("Attach Evidence"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
    GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Attach"), _ ("_Cancel"));
  gtk_file_filter_set_name (filter, _ ("PDF and Word documents"));
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_filter_add_suffix (filter, "docx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data (G_OBJECT (chooser), "statement",
                     g_object_get_data (G_OBJECT (button), "statement"));
  g_signal_connect_object (chooser, "response", G_CALLBACK (attach_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
preview_response_cb (AdwMessageDialog *dialog, const char *response, AppPmqaAssessmentPage *self)
{
  const char *text = g_object_get_data (G_OBJECT (dialog), "text");
  GtkTextBuffer *buffer;

  if (g_strcmp0 (response, "insert") != 0 || self->narrative_view == NULL || text == NULL)
    return;
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->narrative_view));
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete_selection (buffer, TRUE, TRUE);
  gtk_text_buffer_insert_at_cursor (buffer, text, -1);
  gtk_text_buffer_end_user_action (buffer);
  app_autosave_flush (self->narrative_save);
}

static void
clipboard_text_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (AppPmqaAssessmentPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);

  if (text == NULL || *text == '\0')
    {
      app_toast (GTK_WIDGET (self), _ ("The clipboard holds no text: copy the text in the PDF or "
                                       "Word document first."));
      return;
    }
  app_pmqa_assessment_page_paste_preview (self, text);
}

static void
paste_clicked_cb (GtkButton *button, AppPmqaAssessmentPage *self)
{
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (self)), NULL,
                                 clipboard_text_cb, g_object_ref (self));
}

/* ------------------------------------------------------------------ the detail */

static void
forget_detail (AppPmqaAssessmentPage *self)
{
  app_autosave_flush (self->narrative_save);
  app_autosave_flush (self->author_save);
  g_array_set_size (self->statements, 0);
  self->narrative_view = self->count_label = self->author_entry = NULL;
  self->status_dropdown = self->status_label = self->due_entry = NULL;
  self->level_dropdown = self->level_text = self->progress_label = self->limit_spin = NULL;
  clear_box (self->detail_box);
}

static GtkWidget *
field_row (GtkBox *box, const char *label)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *caption = gtk_label_new (label);

  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_widget_set_size_request (caption, 140, -1);
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_box_append (GTK_BOX (row), caption);
  gtk_box_append (box, row);
  return row;
}

static void
build_sub_item (AppPmqaAssessmentPage *self, const PhaenPmqaSubItemState *state)
{
  GtkBox *box = self->detail_box;
  g_autofree char *title = g_strdup_printf ("%s %s", state->item->code, state->item->title);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *frame, *scroller, *row, *toolbar, *button;
  GtkStringList *statuses;

  gtk_box_append (box, wrapped_label (title, "title-3"));
  if (state->item->note && *state->item->note)
    gtk_box_append (box, wrapped_label (state->item->note, "dim-label"));

  gtk_box_append (box, wrapped_label (_ ("Statements (tick what the agency does; * needs "
                                         "evidence)"),
                                      "heading"));
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < state->item->statements->len; i++)
    {
      const PhaenPmqaStatement *statement = g_ptr_array_index (state->item->statements, i);
      GtkWidget *item = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      g_autofree char *text =
        g_strdup_printf ("%u) %s%s", i + 1, statement->text, statement->starred ? " *" : "");
      StatementView view = { 0 };
      GtkWidget *label = gtk_label_new (text);

      gtk_widget_set_margin_top (item, 6);
      gtk_widget_set_margin_bottom (item, 6);
      gtk_widget_set_margin_start (item, 6);
      gtk_widget_set_margin_end (item, 6);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      view.check = gtk_check_button_new ();
      gtk_check_button_set_child (GTK_CHECK_BUTTON (view.check), label);
      g_object_set_data (G_OBJECT (view.check), "statement", GINT_TO_POINTER (i + 1));
      g_signal_connect (view.check, "toggled", G_CALLBACK (check_toggled_cb), self);
      gtk_box_append (GTK_BOX (item), view.check);
      if (statement->starred)
        {
          GtkWidget *slot = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

          gtk_widget_set_margin_start (slot, 28);
          view.evidence_label = gtk_label_new (NULL);
          gtk_label_set_xalign (GTK_LABEL (view.evidence_label), 0);
          gtk_label_set_wrap (GTK_LABEL (view.evidence_label), TRUE);
          gtk_label_set_wrap_mode (GTK_LABEL (view.evidence_label), PANGO_WRAP_WORD_CHAR);
          gtk_widget_set_hexpand (view.evidence_label, TRUE);
          gtk_box_append (GTK_BOX (slot), view.evidence_label);
          button = gtk_button_new_with_mnemonic (_ ("_Attach…"));
          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_set_tooltip_text (button, _ ("Attach the evidence file (.pdf or .docx)"));
          g_object_set_data (G_OBJECT (button), "statement", GINT_TO_POINTER (i + 1));
          g_signal_connect (button, "clicked", G_CALLBACK (attach_clicked_cb), self);
          gtk_box_append (GTK_BOX (slot), button);
          view.remove_button = gtk_button_new_from_icon_name ("user-trash-symbolic");
          gtk_widget_set_valign (view.remove_button, GTK_ALIGN_CENTER);
          gtk_widget_set_tooltip_text (view.remove_button, _ ("Remove the evidence file"));
          gtk_widget_add_css_class (view.remove_button, "flat");
          g_object_set_data (G_OBJECT (view.remove_button), "statement", GINT_TO_POINTER (i + 1));
          g_signal_connect (view.remove_button, "clicked", G_CALLBACK (remove_evidence_cb), self);
          gtk_box_append (GTK_BOX (slot), view.remove_button);
          gtk_box_append (GTK_BOX (item), slot);
          view.warning =
            gtk_label_new (_ ("Claimed without evidence: a starred statement needs its file."));
          gtk_label_set_xalign (GTK_LABEL (view.warning), 0);
          gtk_label_set_wrap (GTK_LABEL (view.warning), TRUE);
          gtk_widget_set_margin_start (view.warning, 28);
          gtk_widget_add_css_class (view.warning, "error");
          gtk_box_append (GTK_BOX (item), view.warning);
        }
      gtk_list_box_append (GTK_LIST_BOX (list), item);
      g_array_append_val (self->statements, view);
    }
  gtk_box_append (box, list);

  /* The narrative */
  toolbar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (toolbar), wrapped_label (_ ("Narrative"), "heading"));
  gtk_widget_set_hexpand (gtk_widget_get_first_child (toolbar), TRUE);
  button = gtk_button_new_with_mnemonic (_ ("_Paste from PDF or Word…"));
  gtk_widget_set_tooltip_text (button, _ ("Repairs the Thai of text copied from a PDF and joins "
                                          "its broken lines; shows the result first"));
  g_signal_connect (button, "clicked", G_CALLBACK (paste_clicked_cb), self);
  gtk_box_append (GTK_BOX (toolbar), button);
  gtk_box_append (box, toolbar);
  self->narrative_view = gtk_text_view_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->narrative_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Narrative"), -1);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->narrative_view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (self->narrative_view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (self->narrative_view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self->narrative_view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (self->narrative_view), 8);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (self->narrative_view), FALSE);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 260);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 520);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->narrative_view);
  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), scroller);
  gtk_box_append (box, frame);
  self->count_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->count_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->count_label), TRUE);
  gtk_box_append (box, self->count_label);
  g_signal_connect (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->narrative_view)), "changed",
                    G_CALLBACK (narrative_changed_cb), self);

  /* Who writes it, its status, when it is due */
  row = field_row (box, _ ("Written by"));
  self->author_entry = gtk_entry_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->author_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Written by"), -1);
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->author_entry), _ ("A person or a unit"));
  gtk_widget_set_hexpand (self->author_entry, TRUE);
  g_signal_connect (self->author_entry, "changed", G_CALLBACK (author_changed_cb), self);
  gtk_box_append (GTK_BOX (row), self->author_entry);
  row = field_row (box, _ ("Status"));
  statuses = gtk_string_list_new (NULL);
  for (int s = PHAEN_PMQA_STATUS_DRAFT; s <= PHAEN_PMQA_STATUS_APPROVED; s++)
    gtk_string_list_append (statuses, phaen_pmqa_status_to_string (s));
  self->status_dropdown = gtk_drop_down_new (G_LIST_MODEL (statuses), NULL);
  g_signal_connect (self->status_dropdown, "notify::selected", G_CALLBACK (status_selected_cb),
                    self);
  gtk_box_append (GTK_BOX (row), self->status_dropdown);
  self->status_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->status_label, "dim-label");
  gtk_box_append (GTK_BOX (row), self->status_label);
  row = field_row (box, _ ("Due"));
  self->due_entry = gtk_entry_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->due_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Due"), -1);
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->due_entry), _ ("YYYY-MM-DD"));
  g_signal_connect (self->due_entry, "activate", G_CALLBACK (due_activate_cb), self);
  {
    GtkEventController *focus = gtk_event_controller_focus_new ();

    g_signal_connect (focus, "leave", G_CALLBACK (due_focus_leave_cb), self);
    gtk_widget_add_controller (self->due_entry, focus);
  }
  gtk_box_append (GTK_BOX (row), self->due_entry);
}

static void
fill_sub_item (AppPmqaAssessmentPage *self, const PhaenPmqaSubItemState *state)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->narrative_view));
  g_autofree char *typed = NULL;
  GtkTextIter start, end;

  for (guint i = 0; i < self->statements->len && i < state->item->statements->len; i++)
    {
      StatementView *view = &g_array_index (self->statements, StatementView, i);
      const PhaenPmqaAttachment *slot = phaen_pmqa_sub_item_get_slot (state, (int)i + 1);
      gboolean claimed = phaen_pmqa_sub_item_is_claimed (state, (int)i + 1);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (view->check), claimed);
      if (view->evidence_label == NULL)
        continue;
      if (slot != NULL)
        {
          g_autofree char *size = g_format_size (slot->size);
          g_autofree char *text =
            g_strdup_printf (_ ("Evidence - attached file: %s (%s)"), slot->name, size);

          gtk_label_set_text (GTK_LABEL (view->evidence_label), text);
          gtk_widget_remove_css_class (view->evidence_label, "dim-label");
        }
      else
        {
          gtk_label_set_text (GTK_LABEL (view->evidence_label),
                              _ ("Evidence - attached file: none yet"));
          gtk_widget_add_css_class (view->evidence_label, "dim-label");
        }
      gtk_widget_set_visible (view->remove_button, slot != NULL);
      gtk_widget_set_visible (view->warning, claimed && slot == NULL);
    }
  /* Never replace what is being typed. */
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  typed = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (!app_autosave_is_pending (self->narrative_save) && g_strcmp0 (typed, state->narrative) != 0)
    gtk_text_buffer_set_text (buffer, state->narrative, -1);
  update_count (self, state->narrative);
  if (!app_autosave_is_pending (self->author_save) &&
      g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->author_entry)), state->author) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->author_entry), state->author);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->status_dropdown), state->status);
  gtk_label_set_text (GTK_LABEL (self->status_label), state->status_on ? state->status_on : "");
  if (!app_autosave_is_typing (self->due_entry))
    gtk_editable_set_text (GTK_EDITABLE (self->due_entry), state->due_on ? state->due_on : "");
}

static void
build_topic (AppPmqaAssessmentPage *self, const PhaenPmqaTopicState *state)
{
  const PhaenPmqaFramework *framework = self->application->framework;
  GtkBox *box = self->detail_box;
  g_autofree char *title = g_strdup_printf ("%s %s", state->topic->code, state->topic->title);
  GtkStringList *levels = gtk_string_list_new (NULL);
  GtkWidget *row;

  gtk_box_append (box, wrapped_label (title, "title-3"));
  if (state->topic->points > 0)
    {
      g_autofree char *points =
        g_strdup_printf (_ ("Points as printed in the application: %d (the seeds give no rule "
                            "for scoring categories 1–6, so Phaen shows coverage, not a score)"),
                         state->topic->points);

      gtk_box_append (box, wrapped_label (points, "dim-label"));
    }
  self->progress_label = wrapped_label (NULL, NULL);
  gtk_box_append (box, self->progress_label);
  row = field_row (box, _ ("Self-assessed level"));
  gtk_string_list_append (levels, _ ("Not assessed"));
  for (int i = 0; i < PHAEN_PMQA_N_LEVELS; i++)
    {
      g_autofree char *name =
        *framework->level_subtitles[i]
          ? g_strdup_printf ("%s %s", framework->level_names[i], framework->level_subtitles[i])
          : g_strdup (framework->level_names[i]);

      gtk_string_list_append (levels, name);
    }
  self->level_dropdown = gtk_drop_down_new (G_LIST_MODEL (levels), NULL);
  g_signal_connect (self->level_dropdown, "notify::selected", G_CALLBACK (level_selected_cb), self);
  gtk_box_append (GTK_BOX (row), self->level_dropdown);
  gtk_box_append (box, wrapped_label (_ ("What the guidelines mean by the level"), "heading"));
  self->level_text = wrapped_label (NULL, NULL);
  gtk_box_append (box, self->level_text);
  {
    GtkWidget *expander = gtk_expander_new (_ ("All three levels of this topic"));
    GtkWidget *all = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);

    for (int i = 0; i < PHAEN_PMQA_N_LEVELS; i++)
      {
        g_autofree char *text = g_strdup_printf (
          "%s %s\n%s", framework->level_names[i], framework->level_subtitles[i],
          *state->topic->levels[i] ? state->topic->levels[i] : framework->level_meanings[i]);

        gtk_box_append (GTK_BOX (all), wrapped_label (text, NULL));
      }
    if (state->topic->guideline && *state->topic->guideline)
      gtk_box_append (GTK_BOX (all), wrapped_label (state->topic->guideline, "dim-label"));
    gtk_expander_set_child (GTK_EXPANDER (expander), all);
    gtk_box_append (box, expander);
  }
}

static void
fill_topic (AppPmqaAssessmentPage *self, const PhaenPmqaTopicState *state)
{
  const PhaenPmqaFramework *framework = self->application->framework;
  g_autofree char *progress = progress_text (&state->progress);
  g_autofree char *text = NULL;

  gtk_label_set_text (GTK_LABEL (self->progress_label), progress);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->level_dropdown), state->level);
  if (state->level == PHAEN_PMQA_LEVEL_NONE)
    text = g_strdup (_ ("Choose the level the agency reaches in this topic to see what the "
                        "guidelines (seed 003) expect of it."));
  else
    {
      int i = state->level - 1;

      text = g_strdup_printf ("%s %s: %s", framework->level_names[i], framework->level_subtitles[i],
                              *state->topic->levels[i] ? state->topic->levels[i]
                                                       : framework->level_meanings[i]);
    }
  gtk_label_set_text (GTK_LABEL (self->level_text), text);
}

static void
limit_changed_cb (GtkSpinButton *spin, AppPmqaAssessmentPage *self)
{
  g_autoptr (GError) error = NULL;
  int limit = gtk_spin_button_get_value_as_int (spin);

  if (self->loading || self->application == NULL || limit == self->application->narrative_limit)
    return;
  report (self,
          phaen_store_pmqa_set_narrative_limit (self->store, self->unit_id, self->fiscal_year,
                                                limit, &error),
          error);
}

static void
build_category (AppPmqaAssessmentPage *self, const PhaenPmqaCategoryState *state)
{
  g_autofree char *title =
    g_strdup_printf (_ ("Category %d %s"), state->category->number, state->category->title);

  gtk_box_append (self->detail_box, wrapped_label (title, "title-3"));
  self->progress_label = wrapped_label (NULL, NULL);
  gtk_box_append (self->detail_box, self->progress_label);
  {
    GtkWidget *row = field_row (self->detail_box, _ ("Narrative limit"));

    self->limit_spin = gtk_spin_button_new_with_range (0, 100000, 100);
    gtk_widget_set_tooltip_text (self->limit_spin,
                                 _ ("Characters a narrative may have before Phaen warns (0: no "
                                    "limit). The sources state none; 3,000 is the default."));
    g_signal_connect (self->limit_spin, "value-changed", G_CALLBACK (limit_changed_cb), self);
    gtk_box_append (GTK_BOX (row), self->limit_spin);
  }
  gtk_box_append (self->detail_box,
                  wrapped_label (_ ("Choose a sub-item to tick its statements, attach evidence "
                                    "and write its narrative; choose a topic to assess its "
                                    "level."),
                                 "dim-label"));
}

static void
update_detail (AppPmqaAssessmentPage *self)
{
  self->loading = TRUE;
  if (self->application != NULL && self->shown != NULL)
    switch (self->shown_kind)
      {
      case APP_PMQA_NODE_SUB_ITEM:
        {
          const PhaenPmqaSubItemState *state =
            phaen_pmqa_application_find_sub_item (self->application, self->shown);

          if (state != NULL && self->narrative_view != NULL)
            fill_sub_item (self, state);
          break;
        }
      case APP_PMQA_NODE_TOPIC:
        {
          const PhaenPmqaTopicState *state =
            phaen_pmqa_application_find_topic (self->application, self->shown);

          if (state != NULL && self->level_dropdown != NULL)
            fill_topic (self, state);
          break;
        }
      case APP_PMQA_NODE_CATEGORY:
        {
          int number = atoi (self->shown);

          for (guint c = 0; c < self->application->categories->len; c++)
            {
              const PhaenPmqaCategoryState *cs =
                g_ptr_array_index (self->application->categories, c);
              g_autofree char *text = NULL;

              if (cs->category->number != number || self->progress_label == NULL)
                continue;
              text = progress_text (&cs->progress);
              gtk_label_set_text (GTK_LABEL (self->progress_label), text);
              if (self->limit_spin != NULL)
                gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->limit_spin),
                                           self->application->narrative_limit);
            }
          break;
        }
      case APP_PMQA_NODE_CATEGORY7:
      default:
        break;
      }
  self->loading = FALSE;
}

static void
show_node (AppPmqaAssessmentPage *self, AppPmqaNode *node)
{
  AppPmqaNodeKind kind = app_pmqa_node_get_kind (node);
  const char *code = app_pmqa_node_get_code (node);

  if (self->application == NULL)
    return;
  if (self->shown != NULL && kind == self->shown_kind && g_str_equal (code, self->shown))
    return;
  forget_detail (self);
  g_free (self->shown);
  self->shown = g_strdup (code);
  self->shown_kind = kind;
  self->loading = TRUE;
  switch (kind)
    {
    case APP_PMQA_NODE_SUB_ITEM:
      build_sub_item (self, phaen_pmqa_application_find_sub_item (self->application, code));
      break;
    case APP_PMQA_NODE_TOPIC:
      build_topic (self, phaen_pmqa_application_find_topic (self->application, code));
      break;
    case APP_PMQA_NODE_CATEGORY:
      for (guint c = 0; c < self->application->categories->len; c++)
        {
          const PhaenPmqaCategoryState *cs = g_ptr_array_index (self->application->categories, c);

          if (cs->category->number == atoi (code))
            build_category (self, cs);
        }
      break;
    case APP_PMQA_NODE_CATEGORY7:
    default:
      {
        GtkWidget *button = gtk_button_new_with_label (_ ("Open the category 7 page"));

        gtk_box_append (self->detail_box,
                        wrapped_label (_ ("Category 7 (results) is scored from the indicators "
                                          "whose scoring is “PMQA category 7”."),
                                       NULL));
        gtk_widget_set_halign (button, GTK_ALIGN_START);
        gtk_widget_add_css_class (button, "suggested-action");
        g_signal_connect_swapped (button, "clicked", G_CALLBACK (activate_cb), self);
        gtk_box_append (self->detail_box, button);
        break;
      }
    }
  self->loading = FALSE;
  update_detail (self);
}

/* ------------------------------------------------------------------ refresh */

static void
refresh (GtkWidget *widget)
{
  AppPmqaAssessmentPage *self = APP_PMQA_ASSESSMENT_PAGE (widget);
  g_autoptr (GError) error = NULL;
  PhaenPmqaApplication *application;

  if (self->store == NULL)
    return;
  application =
    phaen_pmqa_application_build (self->store, self->unit_id, self->fiscal_year, &error);
  if (application == NULL)
    {
      app_toast (widget, error->message);
      return;
    }
  g_clear_pointer (&self->application, phaen_pmqa_application_free);
  self->application = application;
  if (g_strcmp0 (self->edition, application->framework->id) != 0)
    {
      g_free (self->edition);
      self->edition = g_strdup (application->framework->id);
      forget_detail (self);
      g_clear_pointer (&self->shown, g_free);
      self->loading = TRUE;
      build_tree (self);
      self->loading = FALSE;
    }
  update_tree (self);
  update_detail (self);
}

/* ------------------------------------------------------------------ export */

static void
export_to (GtkWidget *widget, GFile *file)
{
  g_autoptr (GError) error = NULL;
  gboolean ok = app_pmqa_assessment_page_export (APP_PMQA_ASSESSMENT_PAGE (widget), file, &error);

  app_export_report (widget, ok ? NULL : error, _ ("The application is written."));
}

static char *
export_name (AppPmqaAssessmentPage *self, const char *extension)
{
  return g_strdup_printf ("PMQA %s %d.%s", self->application ? self->application->unit_name : "",
                          self->fiscal_year, extension);
}

static void
export_pdf_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  g_autofree char *name = export_name (APP_PMQA_ASSESSMENT_PAGE (widget), "pdf");

  app_export_choose (widget, APP_EXPORT_PDF, name, NULL, export_to);
}

static void
export_xlsx_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  g_autofree char *name = export_name (APP_PMQA_ASSESSMENT_PAGE (widget), "xlsx");

  app_export_choose (widget, APP_EXPORT_XLSX, name, NULL, export_to);
}

static void
pack_response_cb (GtkNativeDialog *dialog, int response, AppPmqaAssessmentPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        export_to (GTK_WIDGET (self), file);
    }
  g_object_unref (dialog);
}

static void
export_pack_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  AppPmqaAssessmentPage *self = APP_PMQA_ASSESSMENT_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *name = export_name (self, "zip");
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (
    _ ("Save the Evidence Files"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
    GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Save"), _ ("_Cancel"));

  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (pack_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ------------------------------------------------------------------ class */

static void
app_pmqa_assessment_page_dispose (GObject *object)
{
  AppPmqaAssessmentPage *self = APP_PMQA_ASSESSMENT_PAGE (object);

  app_autosave_flush (self->narrative_save);
  app_autosave_flush (self->author_save);
  g_clear_pointer (&self->narrative_save, app_autosave_free);
  g_clear_pointer (&self->author_save, app_autosave_free);
  g_clear_pointer (&self->refresh, app_page_refresh_free);
  g_clear_object (&self->store);
  g_clear_pointer (&self->application, phaen_pmqa_application_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), APP_TYPE_PMQA_ASSESSMENT_PAGE);
  G_OBJECT_CLASS (app_pmqa_assessment_page_parent_class)->dispose (object);
}

static void
app_pmqa_assessment_page_finalize (GObject *object)
{
  AppPmqaAssessmentPage *self = APP_PMQA_ASSESSMENT_PAGE (object);

  g_free (self->edition);
  g_free (self->shown);
  g_clear_pointer (&self->statements, g_array_unref);
  g_clear_object (&self->selection);
  g_clear_object (&self->roots);
  G_OBJECT_CLASS (app_pmqa_assessment_page_parent_class)->finalize (object);
}

static void
app_pmqa_assessment_page_class_init (AppPmqaAssessmentPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = app_pmqa_assessment_page_dispose;
  object_class->finalize = app_pmqa_assessment_page_finalize;

  /**
   * AppPmqaAssessmentPage::show-category-7:
   * @unit_id: the unit shown
   * @fiscal_year: its year (BE)
   *
   * The tree's หมวด 7 row was activated: the window shows the category-7 page.
   */
  signals[SHOW_CATEGORY7] =
    g_signal_new ("show-category-7", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/phaen/Phaen/ui/app-pmqa-assessment-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AppPmqaAssessmentPage, tree_view);
  gtk_widget_class_bind_template_child (widget_class, AppPmqaAssessmentPage, detail_box);
  gtk_widget_class_bind_template_child (widget_class, AppPmqaAssessmentPage, summary_label);
  gtk_widget_class_install_action (widget_class, "pmqa-app.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "pmqa-app.export-xlsx", NULL, export_xlsx_action);
  gtk_widget_class_install_action (widget_class, "pmqa-app.export-pack", NULL, export_pack_action);
}

static void
app_pmqa_assessment_page_init (AppPmqaAssessmentPage *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->statements = g_array_new (FALSE, TRUE, sizeof (StatementView));
  self->refresh = app_page_refresh_new (GTK_WIDGET (self),
                                        PHAEN_RECORDS_PMQA_ASSESSMENT | PHAEN_RECORD_UNIT, refresh);
  self->narrative_save = app_autosave_new (save_narrative, self);
  self->author_save = app_autosave_new (save_author, self);
  self->roots = g_list_store_new (APP_TYPE_PMQA_NODE);
  self->tree_model = gtk_tree_list_model_new (g_object_ref (G_LIST_MODEL (self->roots)), FALSE,
                                              FALSE, create_children_cb, NULL, NULL);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->tree_model));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  g_signal_connect (self->selection, "notify::selected-item", G_CALLBACK (selection_changed_cb),
                    self);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->tree_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->tree_view, GTK_SELECTION_MODEL (self->selection));
  gtk_list_view_set_single_click_activate (self->tree_view, FALSE);
  g_signal_connect (self->tree_view, "activate", G_CALLBACK (activate_cb), self);
}

/* ------------------------------------------------------------------ public API */

void
app_pmqa_assessment_page_set_unit (AppPmqaAssessmentPage *self,
                                   PhaenStore *store,
                                   gint64 unit_id,
                                   int fiscal_year)
{
  g_return_if_fail (APP_IS_PMQA_ASSESSMENT_PAGE (self));

  if (store == self->store && unit_id == self->unit_id && fiscal_year == self->fiscal_year)
    return;
  forget_detail (self);
  g_clear_pointer (&self->shown, g_free);
  g_clear_pointer (&self->edition, g_free);
  g_clear_pointer (&self->application, phaen_pmqa_application_free);
  g_set_object (&self->store, store);
  self->unit_id = unit_id;
  self->fiscal_year = fiscal_year;
  self->loading = TRUE;
  g_list_store_remove_all (self->roots);
  self->loading = FALSE;
  gtk_label_set_text (self->summary_label, "");
  app_page_refresh_set_store (self->refresh, store);
  if (store == NULL)
    return;
  /* Built now, not when mapped: a window test may select before the page is shown. */
  refresh (GTK_WIDGET (self));
  app_page_refresh_queue (self->refresh);
}

void
app_pmqa_assessment_page_flush (AppPmqaAssessmentPage *self)
{
  g_return_if_fail (APP_IS_PMQA_ASSESSMENT_PAGE (self));

  app_autosave_flush (self->narrative_save);
  app_autosave_flush (self->author_save);
  if (self->due_entry != NULL)
    due_activate_cb (GTK_ENTRY (self->due_entry), self);
}

gboolean
app_pmqa_assessment_page_select (AppPmqaAssessmentPage *self, const char *code)
{
  GListModel *model;

  g_return_val_if_fail (APP_IS_PMQA_ASSESSMENT_PAGE (self), FALSE);
  g_return_val_if_fail (code != NULL, FALSE);

  model = G_LIST_MODEL (self->tree_model);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (GtkTreeListRow) row = g_list_model_get_item (model, i);
      AppPmqaNode *node = gtk_tree_list_row_get_item (row);
      const char *here = app_pmqa_node_get_code (node);
      gsize length = strlen (here);

      g_object_unref (node);
      if (g_str_equal (here, code))
        {
          gtk_single_selection_set_selected (self->selection, i);
          show_node (self, node);
          return TRUE;
        }
      /* A category or topic that leads to @code: open it, its children follow this row. */
      if (g_str_has_prefix (code, here) && code[length] == '.')
        gtk_tree_list_row_set_expanded (row, TRUE);
    }
  return FALSE;
}

const char *
app_pmqa_assessment_page_get_selected (AppPmqaAssessmentPage *self)
{
  g_return_val_if_fail (APP_IS_PMQA_ASSESSMENT_PAGE (self), NULL);
  return self->shown;
}

static StatementView *
statement_view (AppPmqaAssessmentPage *self, int n)
{
  if (n < 1 || (guint)n > self->statements->len)
    return NULL;
  return &g_array_index (self->statements, StatementView, n - 1);
}

GtkWidget *
app_pmqa_assessment_page_get_statement_check (AppPmqaAssessmentPage *self, int n)
{
  StatementView *view = statement_view (self, n);

  return view ? view->check : NULL;
}

GtkWidget *
app_pmqa_assessment_page_get_evidence_label (AppPmqaAssessmentPage *self, int n)
{
  StatementView *view = statement_view (self, n);

  return view ? view->evidence_label : NULL;
}

GtkWidget *
app_pmqa_assessment_page_get_evidence_warning (AppPmqaAssessmentPage *self, int n)
{
  StatementView *view = statement_view (self, n);

  return view ? view->warning : NULL;
}

GtkWidget *
app_pmqa_assessment_page_get_narrative_view (AppPmqaAssessmentPage *self)
{
  return self->narrative_view;
}

GtkWidget *
app_pmqa_assessment_page_get_count_label (AppPmqaAssessmentPage *self)
{
  return self->count_label;
}

GtkWidget *
app_pmqa_assessment_page_get_level_dropdown (AppPmqaAssessmentPage *self)
{
  return self->level_dropdown;
}

GtkWidget *
app_pmqa_assessment_page_get_level_text (AppPmqaAssessmentPage *self)
{
  return self->level_text;
}

void
app_pmqa_assessment_page_attach (AppPmqaAssessmentPage *self, int n, GFile *file)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  g_autoptr (GBytes) bytes = NULL;
  gsize length = 0;

  g_return_if_fail (APP_IS_PMQA_ASSESSMENT_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->store == NULL || shown_sub_item (self) == NULL)
    return;
  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, &error))
    {
      app_toast (GTK_WIDGET (self), error->message);
      return;
    }
  name = g_file_get_basename (file);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  if (phaen_store_pmqa_attach (self->store, self->unit_id, self->fiscal_year, self->shown, n, name,
                               NULL, bytes, &error) == 0)
    app_toast (GTK_WIDGET (self), error->message);
}

GtkWidget *
app_pmqa_assessment_page_paste_preview (AppPmqaAssessmentPage *self, const char *text)
{
  g_autofree char *clean = phaen_pmqa_paste_clean (text);
  g_autofree char *count = format_count (phaen_pmqa_count_characters (clean, NULL));
  g_autofree char *body = g_strdup_printf (
    _ ("Thai repaired and broken lines joined: %s characters. Check it before it goes into the "
       "narrative."),
    count);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              _ ("Paste the Repaired Text?"), body);
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), clean, -1);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 280);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scroller), 520);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "insert",
                                    _ ("_Paste"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "insert",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "insert");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "text", g_steal_pointer (&clean), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (preview_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

gboolean
app_pmqa_assessment_page_export (AppPmqaAssessmentPage *self, GFile *file, GError **error)
{
  g_autofree char *path = NULL;
  g_autofree char *lower = NULL;
  g_autoptr (PhaenPmqaApplication) application = NULL;

  g_return_val_if_fail (APP_IS_PMQA_ASSESSMENT_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->store == NULL)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_NOT_FOUND, _ ("No workspace is open."));
      return FALSE;
    }
  app_pmqa_assessment_page_flush (self);
  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_IO, _ ("Choose a file on this computer."));
      return FALSE;
    }
  lower = g_ascii_strdown (path, -1);
  application = phaen_pmqa_application_build (self->store, self->unit_id, self->fiscal_year, error);
  if (application == NULL)
    return FALSE;
  if (g_str_has_suffix (lower, ".pdf"))
    return phaen_pmqa_write_pdf (application, path, error);
  if (g_str_has_suffix (lower, ".xlsx"))
    return phaen_pmqa_write_xlsx (application, path, error);
  return phaen_pmqa_write_pack (self->store, application, path, NULL, error);
}
