/* app-results-page.c — quarterly result entry for a unit head: the unit's indicators, one quarter
 * at a time, with live scores, evidence and warnings
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-results-page"

#include "config.h"

#include <glib/gi18n.h>

#include "app-export.h"
#include "app-page-refresh.h"
#include "app-results-page.h"
#include "phaen-calendar.h"
#include "phaen-scorecard-model.h"
#include "phaen-thai-text.h"

struct _AppResultsPage
{
  AdwBin parent_instance;

  GtkStack *stack;
  GtkWidget *quarter_buttons;
  GtkLabel *total_label;
  GtkGridView *list;
  GtkLabel *weights_label;

  PhaenStore *store;
  gint64 unit_id;
  int fiscal_year;
  int quarter;
  gboolean new_unit; /* the next refresh opens the unit at its latest quarter */
  AppPageRefresh *refresh;
  PhaenScorecardModel *model; /* the unit's scorecard, built once per refresh */
  GPtrArray *editors; /* (element-type AppResultEditor) the editors the list shows, unordered */
};

G_DEFINE_FINAL_TYPE (AppResultsPage, app_results_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_QUARTER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------ helpers */

/* The latest quarter with a result: where a unit head goes on reporting. */
static int
latest_quarter (const PhaenScorecard *card)
{
  for (int q = PHAEN_QUARTERS; q > 1; q--)
    for (guint i = 0; i < card->rows->len; i++)
      {
        const PhaenScorecardRow *row = g_ptr_array_index (card->rows, i);

        if (row->results[q - 1] != NULL && !phaen_text_is_blank (row->results[q - 1]->value_text))
          return q;
      }
  return 1;
}

static void
show_total (AppResultsPage *self, const PhaenScorecard *card)
{
  g_autofree char *quarter = phaen_quarter_name (self->quarter);
  g_autofree char *text = NULL;

  if (card->n_scored[self->quarter - 1] > 0)
    {
      g_autofree char *total = phaen_format_score (card->total[self->quarter - 1], FALSE);

      text = card->weights_ok ? g_strdup_printf (_ ("Weighted total, %s: %s of 5"), quarter, total)
                              : g_strdup_printf (_ ("Weighted total, %s: %s"), quarter, total);
    }
  else
    text = g_strdup_printf (_ ("Nothing scored yet in %s"), quarter);
  gtk_label_set_text (self->total_label, text);

  if (!card->weights_ok)
    {
      g_autofree char *sum = phaen_format_number (card->weight_sum, 2, PHAEN_NUMBER_TRIM_ZEROS);
      g_autofree char *warning = g_strdup_printf (
        _ ("The weights of the unit's indicators add up to %s, not 100: the weighted total is not "
           "out of 5."),
        sum);

      gtk_label_set_text (self->weights_label, warning);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->weights_label), !card->weights_ok);
}

/* One scorecard per refresh: the total and the list read it; each editor reads its indicator. */
static void
reload (GtkWidget *widget)
{
  AppResultsPage *self = APP_RESULTS_PAGE (widget);
  g_autoptr (GError) error = NULL;
  PhaenScorecard *card = NULL;

  if (self->store != NULL)
    {
      card = phaen_scorecard_build (self->store, self->unit_id, self->fiscal_year, &error);
      if (card == NULL)
        {
          app_toast (GTK_WIDGET (self), error->message);
          return;
        }
    }
  if (card != NULL && card->rows->len == 0)
    g_clear_pointer (&card, phaen_scorecard_free);
  if (card != NULL && self->new_unit)
    {
      self->quarter = latest_quarter (card);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUARTER]);
    }
  self->new_unit = FALSE;
  /* The same indicators keep their editors: they follow the store themselves. */
  phaen_scorecard_model_set_card (self->model, card);
  if (card == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  show_total (self, card);
  gtk_stack_set_visible_child_name (self->stack, "entry");
}

static void
build_quarter_buttons (AppResultsPage *self)
{
  for (int q = 1; q <= PHAEN_QUARTERS; q++)
    {
      g_autofree char *label = phaen_quarter_name (q);
      GtkWidget *button = gtk_toggle_button_new_with_label (label);

      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "results.quarter");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "i", q);
      gtk_box_append (GTK_BOX (self->quarter_buttons), button);
    }
}

/* ------------------------------------------------------------------ callbacks */

static void
setup_editor_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, AppResultsPage *self)
{
  GtkWidget *clamp = adw_clamp_new ();

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 980);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 720);
  gtk_widget_set_margin_top (clamp, 9);
  gtk_widget_set_margin_bottom (clamp, 9);
  gtk_widget_set_margin_start (clamp, 12);
  gtk_widget_set_margin_end (clamp, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), app_result_editor_new ());
  gtk_list_item_set_activatable (list_item, FALSE);
  gtk_list_item_set_selectable (list_item, FALSE);
  gtk_list_item_set_child (list_item, clamp);
}

static AppResultEditor *
item_editor (GtkListItem *list_item)
{
  return APP_RESULT_EDITOR (adw_clamp_get_child (ADW_CLAMP (gtk_list_item_get_child (list_item))));
}

static void
bind_editor_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, AppResultsPage *self)
{
  AppResultEditor *editor = item_editor (list_item);
  PhaenScorecardItem *item = gtk_list_item_get_item (list_item);

  app_result_editor_set_indicator (editor, self->store,
                                   phaen_scorecard_item_get_indicator_id (item), self->quarter);
  g_ptr_array_add (self->editors, editor);
}

/* A row scrolled away: what was typed in it is saved, and its editor is free for another. */
static void
unbind_editor_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, AppResultsPage *self)
{
  AppResultEditor *editor = item_editor (list_item);

  g_ptr_array_remove_fast (self->editors, editor);
  app_result_editor_set_indicator (editor, NULL, 0, 1);
}

/* ------------------------------------------------------------------ overrides */

static void
app_results_page_dispose (GObject *object)
{
  AppResultsPage *self = APP_RESULTS_PAGE (object);

  app_results_page_set_unit (self, NULL, 0, 0);
  g_clear_pointer (&self->refresh, app_page_refresh_free);
  G_OBJECT_CLASS (app_results_page_parent_class)->dispose (object);
}

static void
app_results_page_finalize (GObject *object)
{
  AppResultsPage *self = APP_RESULTS_PAGE (object);

  g_ptr_array_unref (self->editors);
  g_clear_object (&self->model);
  G_OBJECT_CLASS (app_results_page_parent_class)->finalize (object);
}

static void
app_results_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  AppResultsPage *self = APP_RESULTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_QUARTER:
      g_value_set_int (value, self->quarter);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
app_results_page_set_property (GObject *object,
                               guint prop_id,
                               const GValue *value,
                               GParamSpec *pspec)
{
  AppResultsPage *self = APP_RESULTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_QUARTER:
      app_results_page_set_quarter (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
app_results_page_class_init (AppResultsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = app_results_page_dispose;
  object_class->finalize = app_results_page_finalize;
  object_class->get_property = app_results_page_get_property;
  object_class->set_property = app_results_page_set_property;

  properties[PROP_QUARTER] =
    g_param_spec_int ("quarter", NULL, NULL, 1, PHAEN_QUARTERS, 1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (APP_TYPE_RESULT_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/phaen/Phaen/ui/app-results-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AppResultsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AppResultsPage, quarter_buttons);
  gtk_widget_class_bind_template_child (widget_class, AppResultsPage, total_label);
  gtk_widget_class_bind_template_child (widget_class, AppResultsPage, list);
  gtk_widget_class_bind_template_child (widget_class, AppResultsPage, weights_label);
  gtk_widget_class_install_property_action (widget_class, "results.quarter", "quarter");
}

static void
app_results_page_init (AppResultsPage *self)
{
  g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr (GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->quarter = 1;
  self->editors = g_ptr_array_new ();
  self->model = phaen_scorecard_model_new ();
  self->refresh =
    app_page_refresh_new (GTK_WIDGET (self), PHAEN_RECORDS_SCORES | PHAEN_RECORD_UNIT, reload);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->model)));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_editor_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_editor_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_editor_cb), self);
  /* A one-column GtkGridView rather than a GtkListView: GTK 4.8's list view keeps 200 rows
   * around its anchor whatever the height; the grid view keeps 30 rows per column. */
  gtk_grid_view_set_factory (self->list, factory);
  gtk_grid_view_set_model (self->list, GTK_SELECTION_MODEL (selection));
  build_quarter_buttons (self);
}

/* ------------------------------------------------------------------ public API */

void
app_results_page_set_unit (AppResultsPage *self, PhaenStore *store, gint64 unit_id, int fiscal_year)
{
  g_return_if_fail (APP_IS_RESULTS_PAGE (self));
  g_return_if_fail (store == NULL || PHAEN_IS_STORE (store));

  if (self->store == store && self->unit_id == unit_id && self->fiscal_year == fiscal_year)
    return;
  if (self->refresh == NULL)
    return; /* disposed */
  app_results_page_flush (self);
  /* Another unit's indicators: the editors go with the old ones. */
  phaen_scorecard_model_set_card (self->model, NULL);
  g_set_object (&self->store, store);
  self->unit_id = unit_id;
  self->fiscal_year = fiscal_year;
  self->new_unit = TRUE;
  app_page_refresh_set_store (self->refresh, store);
  if (store == NULL)
    reload (GTK_WIDGET (self));
  else
    app_page_refresh_queue (self->refresh);
}

int
app_results_page_get_quarter (AppResultsPage *self)
{
  g_return_val_if_fail (APP_IS_RESULTS_PAGE (self), 1);

  return self->quarter;
}

void
app_results_page_set_quarter (AppResultsPage *self, int quarter)
{
  g_return_if_fail (APP_IS_RESULTS_PAGE (self));
  g_return_if_fail (quarter >= 1 && quarter <= PHAEN_QUARTERS);

  if (self->quarter == quarter)
    return;
  app_results_page_flush (self);
  self->quarter = quarter;
  for (guint i = 0; i < self->editors->len; i++)
    {
      AppResultEditor *editor = g_ptr_array_index (self->editors, i);

      app_result_editor_set_indicator (editor, self->store,
                                       app_result_editor_get_indicator_id (editor), quarter);
    }
  app_page_refresh_queue (self->refresh);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUARTER]);
}

void
app_results_page_flush (AppResultsPage *self)
{
  g_return_if_fail (APP_IS_RESULTS_PAGE (self));

  for (guint i = 0; i < self->editors->len; i++)
    app_result_editor_flush (g_ptr_array_index (self->editors, i));
}

guint
app_results_page_get_n_refreshes (AppResultsPage *self)
{
  g_return_val_if_fail (APP_IS_RESULTS_PAGE (self), 0);

  return app_page_refresh_get_count (self->refresh);
}

AppResultEditor *
app_results_page_get_editor (AppResultsPage *self, gint64 indicator_id)
{
  guint position;

  g_return_val_if_fail (APP_IS_RESULTS_PAGE (self), NULL);

  for (guint i = 0; i < self->editors->len; i++)
    {
      AppResultEditor *editor = g_ptr_array_index (self->editors, i);

      if (app_result_editor_get_indicator_id (editor) == indicator_id)
        return editor;
    }
  position = phaen_scorecard_model_find (self->model, indicator_id);
  if (position != G_MAXUINT)
    gtk_widget_activate_action (GTK_WIDGET (self->list), "list.scroll-to-item", "u", position);
  return NULL;
}
