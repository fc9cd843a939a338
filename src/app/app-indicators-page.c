/* app-indicators-page.c — the indicators of a unit in a fiscal year: the list and the editor
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-indicators-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "app-indicator-item.h"
#include "app-indicators-page.h"
#include "app-page-refresh.h"
#include "phaen-score.h"
#include "phaen-thai-text.h"

struct _AppIndicatorsPage
{
  AdwBin parent_instance;

  AppPageRefresh *refresh; /* follows "changed" while the page is on screen */

  GtkStack *stack;
  AdwLeaflet *leaflet;
  GtkWidget *list_pane;
  GtkWidget *editor_pane;
  GtkWidget *weights_box;
  GtkLabel *weights_label;
  GtkListView *list;
  GListStore *items; /* (element-type AppIndicatorItem) as listed */
  GtkSingleSelection *selection;
  GtkLabel *editor_title;
  AppIndicatorEditor *editor;

  PhaenStore *store;
  gint64 unit_id;
  int fiscal_year;
  gint64 selected;
  GPtrArray *indicators; /* (element-type PhaenIndicator) as listed */
  double preview_weight; /* the selected indicator's weight as typed; NAN when none */
  double weight_total;
  gboolean loading; /* the page itself is filling the list */
};

G_DEFINE_FINAL_TYPE (AppIndicatorsPage, app_indicators_page, ADW_TYPE_BIN)

/* ------------------------------------------------------------------ helpers */

static void
toast (AppIndicatorsPage *self, AdwToast *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

/* Where @indicator_id is in the list; GTK_INVALID_LIST_POSITION when it is not. */
static guint
position_of (AppIndicatorsPage *self, gint64 indicator_id)
{
  for (guint i = 0; self->indicators != NULL && i < self->indicators->len; i++)
    if (((PhaenIndicator *)g_ptr_array_index (self->indicators, i))->id == indicator_id)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

static const PhaenIndicator *
indicator_at (AppIndicatorsPage *self, guint position)
{
  if (self->indicators == NULL || position >= self->indicators->len)
    return NULL;
  return g_ptr_array_index (self->indicators, position);
}

static void
select_position (AppIndicatorsPage *self, guint position)
{
  gtk_single_selection_set_selected (self->selection, position);
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->list), "list.scroll-to-item", "u", position);
}

/* The list's rows come from ui/app-indicator-row.ui, made for the rows on screen only: a unit
 * of 575 indicators opens as fast as one of five. */
static void
fill_list (AppIndicatorsPage *self)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < self->indicators->len; i++)
    g_ptr_array_add (items, app_indicator_item_new (
                              phaen_indicator_copy (g_ptr_array_index (self->indicators, i))));
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       items->pdata, items->len);
}

/* The weight banner: the engine says whether the weights make 100 (DOMAIN.md §4b). */
static void
update_weights (AppIndicatorsPage *self)
{
  g_autoptr (GArray) weights = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GError) error = NULL;
  gboolean previewed = FALSE;
  gboolean ok;
  double sum = 0;

  for (guint i = 0; self->indicators != NULL && i < self->indicators->len; i++)
    {
      const PhaenIndicator *indicator = g_ptr_array_index (self->indicators, i);
      double weight = indicator->weight;

      if (indicator->scoring == PHAEN_SCORING_PMQA7)
        continue;
      if (indicator->id == self->selected && !isnan (self->preview_weight) &&
          self->preview_weight != weight)
        {
          weight = self->preview_weight;
          previewed = TRUE;
        }
      g_array_append_val (weights, weight);
    }
  ok = phaen_weights_check ((const double *)(void *)weights->data, weights->len, &sum, &error);
  self->weight_total = sum;
  if (ok && previewed)
    gtk_label_set_text (self->weights_label,
                        _ ("The weights add up to 100, counting the weight being typed."));
  else if (ok)
    gtk_label_set_text (self->weights_label, _ ("The weights add up to 100."));
  else if (previewed)
    {
      g_autofree char *text =
        g_strdup_printf (_ ("%s (counting the weight being typed)"), error->message);

      gtk_label_set_text (self->weights_label, text);
    }
  else
    gtk_label_set_text (self->weights_label, error->message);
  if (ok)
    gtk_widget_remove_css_class (self->weights_box, "weights-off");
  else
    gtk_widget_add_css_class (self->weights_box, "weights-off");
  gtk_widget_set_visible (self->weights_box, weights->len > 0);
}

static void
show_in_editor (AppIndicatorsPage *self, gint64 indicator_id)
{
  const PhaenIndicator *indicator = NULL;

  for (guint i = 0; self->indicators != NULL && i < self->indicators->len; i++)
    if (((PhaenIndicator *)g_ptr_array_index (self->indicators, i))->id == indicator_id)
      indicator = g_ptr_array_index (self->indicators, i);
  if (self->selected != indicator_id)
    self->preview_weight = NAN;
  self->selected = indicator != NULL ? indicator_id : 0;
  app_indicator_editor_set_indicator (self->editor, indicator != NULL ? self->store : NULL,
                                      self->selected);
  if (indicator != NULL)
    {
      g_autofree char *title =
        g_strdup_printf ("%s %s", indicator->code ? indicator->code : "", indicator->name);

      gtk_label_set_text (self->editor_title, g_strstrip (title));
    }
  else
    gtk_label_set_text (self->editor_title, "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "indicators.delete", indicator != NULL);
}

static void
reload (AppIndicatorsPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) indicators = NULL;
  guint position;
  gint64 keep = self->selected;
  guint keep_index = 0;

  if (self->store == NULL)
    return;
  /* A saved or undone weight replaces what was typed. */
  self->preview_weight = NAN;
  indicators = phaen_store_list_indicators (self->store, self->unit_id, self->fiscal_year, &error);
  if (indicators == NULL)
    {
      toast (self, adw_toast_new (error->message));
      return;
    }
  /* Where the selected indicator was, so a deleted one hands over to its neighbour. */
  for (guint i = 0; self->indicators != NULL && i < self->indicators->len; i++)
    if (((PhaenIndicator *)g_ptr_array_index (self->indicators, i))->id == keep)
      keep_index = i;

  self->loading = TRUE;
  g_clear_pointer (&self->indicators, g_ptr_array_unref);
  self->indicators = g_steal_pointer (&indicators);
  fill_list (self);
  position = position_of (self, keep);
  if (position == GTK_INVALID_LIST_POSITION && self->indicators->len > 0)
    position = MIN (keep_index, self->indicators->len - 1);
  select_position (self, position);
  self->loading = FALSE;

  show_in_editor (self,
                  position != GTK_INVALID_LIST_POSITION ? indicator_at (self, position)->id : 0);
  update_weights (self);
  gtk_stack_set_visible_child_name (self->stack, self->indicators->len > 0 ? "list" : "empty");
}

/* ------------------------------------------------------------------ callbacks */

static void
selected_cb (AppIndicatorsPage *self)
{
  const PhaenIndicator *indicator =
    indicator_at (self, gtk_single_selection_get_selected (self->selection));

  if (self->loading || indicator == NULL)
    return;
  show_in_editor (self, indicator->id);
  update_weights (self);
}

static void
row_activated_cb (GtkListView *list, guint position, AppIndicatorsPage *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->editor_pane);
}

static void
back_clicked_cb (AppIndicatorsPage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
weight_preview_cb (AppIndicatorsPage *self, double weight)
{
  self->preview_weight = weight;
  update_weights (self);
}

static void
delete_response_cb (AdwMessageDialog *dialog, const char *response, AppIndicatorsPage *self)
{
  gint64 indicator_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "indicator"));
  g_autoptr (GError) error = NULL;
  AdwToast *done;

  if (!g_str_equal (response, "delete") || self->store == NULL)
    return;
  if (!phaen_store_delete_indicator (self->store, indicator_id, &error))
    {
      toast (self, adw_toast_new (error->message));
      return;
    }
  done = adw_toast_new (_ ("The indicator is deleted."));
  adw_toast_set_button_label (done, _ ("_Undo"));
  adw_toast_set_action_name (done, "win.undo");
  toast (self, done);
}

/* ------------------------------------------------------------------ actions */

static void
add_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  AppIndicatorsPage *self = APP_INDICATORS_PAGE (widget);
  g_autoptr (GError) error = NULL;
  GtkWidget *name;
  gint64 id;

  if (self->store == NULL)
    return;
  app_indicators_page_flush (self);
  id = phaen_store_add_indicator (self->store, self->unit_id, self->fiscal_year, "",
                                  _ ("New indicator"), &error);
  if (id == 0)
    {
      toast (self, adw_toast_new (error->message));
      return;
    }
  app_page_refresh_queue (self->refresh); /* the new row, before it is selected */
  app_indicators_page_show_indicator (self, id);
  name = app_indicator_editor_get_field (self->editor, "name");
  gtk_widget_grab_focus (name);
}

static void
delete_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  AppIndicatorsPage *self = APP_INDICATORS_PAGE (widget);
  const PhaenIndicator *indicator =
    indicator_at (self, gtk_single_selection_get_selected (self->selection));
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->store == NULL || indicator == NULL)
    return;
  app_indicators_page_flush (self);
  body = g_strdup_printf (_ ("“%s %s” goes with its criteria, quarterly results and evidence. "
                             "Undo brings it all back."),
                          indicator->code != NULL ? indicator->code : "", indicator->name);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _ ("Delete the Indicator?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "delete",
                                    _ ("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "indicator", GSIZE_TO_POINTER ((gsize)indicator->id));
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
refresh_cb (GtkWidget *page)
{
  reload (APP_INDICATORS_PAGE (page));
}

/* ------------------------------------------------------------------ overrides */

static void
app_indicators_page_dispose (GObject *object)
{
  AppIndicatorsPage *self = APP_INDICATORS_PAGE (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  app_page_refresh_set_store (self->refresh, NULL);
  g_clear_object (&self->store);
  g_clear_pointer (&self->indicators, g_ptr_array_unref);
  g_clear_object (&self->selection);
  g_clear_object (&self->items);
  g_clear_pointer (&self->refresh, app_page_refresh_free);
  G_OBJECT_CLASS (app_indicators_page_parent_class)->dispose (object);
}

static void
app_indicators_page_class_init (AppIndicatorsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = app_indicators_page_dispose;

  g_type_ensure (APP_TYPE_INDICATOR_EDITOR);
  g_type_ensure (APP_TYPE_INDICATOR_ITEM);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/phaen/Phaen/ui/app-indicators-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AppIndicatorsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AppIndicatorsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, AppIndicatorsPage, list_pane);
  gtk_widget_class_bind_template_child (widget_class, AppIndicatorsPage, editor_pane);
  gtk_widget_class_bind_template_child (widget_class, AppIndicatorsPage, weights_box);
  gtk_widget_class_bind_template_child (widget_class, AppIndicatorsPage, weights_label);
  gtk_widget_class_bind_template_child (widget_class, AppIndicatorsPage, list);
  gtk_widget_class_bind_template_child (widget_class, AppIndicatorsPage, editor_title);
  gtk_widget_class_bind_template_child (widget_class, AppIndicatorsPage, editor);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, weight_preview_cb);

  gtk_widget_class_install_action (widget_class, "indicators.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "indicators.delete", NULL, delete_action);
}

static void
app_indicators_page_init (AppIndicatorsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->items = g_list_store_new (APP_TYPE_INDICATOR_ITEM);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->items)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (selected_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (g_object_ref (self->selection)));
  self->refresh = app_page_refresh_new (
    GTK_WIDGET (self), PHAEN_RECORD_INDICATOR | PHAEN_RECORD_UNIT | PHAEN_RECORD_PERSON,
    refresh_cb);

  self->preview_weight = NAN;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "indicators.delete", FALSE);
}

/* ------------------------------------------------------------------ public API */

void
app_indicators_page_set_unit (AppIndicatorsPage *self,
                              PhaenStore *store,
                              gint64 unit_id,
                              int fiscal_year)
{
  g_return_if_fail (APP_IS_INDICATORS_PAGE (self));
  g_return_if_fail (store == NULL || PHAEN_IS_STORE (store));

  if (self->store == store && self->unit_id == unit_id && self->fiscal_year == fiscal_year)
    return;
  app_indicators_page_flush (self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  app_page_refresh_set_store (self->refresh, NULL);
  g_set_object (&self->store, store);
  self->unit_id = unit_id;
  self->fiscal_year = fiscal_year;
  self->selected = 0;
  self->preview_weight = NAN;
  g_clear_pointer (&self->indicators, g_ptr_array_unref);
  /* Another unit or year starts from its list. */
  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  if (store == NULL)
    {
      g_list_store_remove_all (self->items);
      show_in_editor (self, 0);
      return;
    }
  app_page_refresh_set_store (self->refresh, self->store);
  reload (self);
}

void
app_indicators_page_show_indicator (AppIndicatorsPage *self, gint64 indicator_id)
{
  guint position;

  g_return_if_fail (APP_IS_INDICATORS_PAGE (self));

  position = position_of (self, indicator_id);
  if (position == GTK_INVALID_LIST_POSITION)
    return;
  select_position (self, position);
  adw_leaflet_set_visible_child (self->leaflet, self->editor_pane);
}

gint64
app_indicators_page_get_selected (AppIndicatorsPage *self)
{
  g_return_val_if_fail (APP_IS_INDICATORS_PAGE (self), 0);

  return self->selected;
}

AppIndicatorEditor *
app_indicators_page_get_editor (AppIndicatorsPage *self)
{
  g_return_val_if_fail (APP_IS_INDICATORS_PAGE (self), NULL);

  return self->editor;
}

void
app_indicators_page_flush (AppIndicatorsPage *self)
{
  g_return_if_fail (APP_IS_INDICATORS_PAGE (self));

  app_indicator_editor_flush (self->editor);
}

double
app_indicators_page_get_weight_total (AppIndicatorsPage *self)
{
  g_return_val_if_fail (APP_IS_INDICATORS_PAGE (self), 0);

  return self->weight_total;
}

const char *
app_indicators_page_get_weight_text (AppIndicatorsPage *self)
{
  g_return_val_if_fail (APP_IS_INDICATORS_PAGE (self), NULL);

  return gtk_label_get_text (self->weights_label);
}
