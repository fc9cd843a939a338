/* app-results-page.c — quarterly result entry for a unit head: the unit's indicators, one quarter
 * at a time, with live scores, evidence and warnings
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-results-page"

#include "config.h"

#include <glib/gi18n.h>

#include "app-export.h"
#include "app-results-page.h"
#include "phaen-calendar.h"
#include "phaen-scorecard.h"
#include "phaen-thai-text.h"

struct _AppResultsPage
{
  AdwBin parent_instance;

  GtkStack *stack;
  GtkWidget *quarter_buttons;
  GtkLabel *total_label;
  GtkWidget *editors_box;
  GtkLabel *weights_label;

  PhaenStore *store;
  gint64 unit_id;
  int fiscal_year;
  int quarter;
  GPtrArray *editors; /* (element-type AppResultEditor) children of editors_box, in order */
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

static gboolean
editors_match (AppResultsPage *self, const PhaenScorecard *card)
{
  if (self->editors->len != card->rows->len)
    return FALSE;
  for (guint i = 0; i < card->rows->len; i++)
    {
      const PhaenScorecardRow *row = g_ptr_array_index (card->rows, i);

      if (app_result_editor_get_indicator_id (g_ptr_array_index (self->editors, i)) !=
          row->indicator->id)
        return FALSE;
    }
  return TRUE;
}

static void
remove_editors (AppResultsPage *self)
{
  for (guint i = 0; i < self->editors->len; i++)
    {
      AppResultEditor *editor = g_ptr_array_index (self->editors, i);

      app_result_editor_set_indicator (editor, NULL, 0, 1);
      gtk_box_remove (GTK_BOX (self->editors_box), GTK_WIDGET (editor));
    }
  g_ptr_array_set_size (self->editors, 0);
}

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
  g_autofree char *quarter = phaen_quarter_label (self->quarter, FALSE);
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

static void
reload_full (AppResultsPage *self, gboolean new_unit)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenScorecard) card = NULL;

  if (self->store == NULL)
    {
      remove_editors (self);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  card = phaen_scorecard_build (self->store, self->unit_id, self->fiscal_year, &error);
  if (card == NULL)
    {
      app_toast (GTK_WIDGET (self), error->message);
      return;
    }
  if (card->rows->len == 0)
    {
      remove_editors (self);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  if (new_unit)
    {
      self->quarter = latest_quarter (card);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUARTER]);
    }
  if (!editors_match (self, card))
    {
      remove_editors (self);
      for (guint i = 0; i < card->rows->len; i++)
        {
          const PhaenScorecardRow *row = g_ptr_array_index (card->rows, i);
          GtkWidget *editor = app_result_editor_new ();

          gtk_box_append (GTK_BOX (self->editors_box), editor);
          g_ptr_array_add (self->editors, editor);
          app_result_editor_set_indicator (APP_RESULT_EDITOR (editor), self->store,
                                           row->indicator->id, self->quarter);
        }
    }
  show_total (self, card);
  gtk_stack_set_visible_child_name (self->stack, "entry");
}

static void
reload (AppResultsPage *self)
{
  reload_full (self, FALSE);
}

static void
build_quarter_buttons (AppResultsPage *self)
{
  for (int q = 1; q <= PHAEN_QUARTERS; q++)
    {
      g_autofree char *label = phaen_quarter_label (q, FALSE);
      GtkWidget *button = gtk_toggle_button_new_with_label (label);

      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "results.quarter");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "i", q);
      gtk_box_append (GTK_BOX (self->quarter_buttons), button);
    }
}

/* ------------------------------------------------------------------ overrides */

static void
app_results_page_dispose (GObject *object)
{
  AppResultsPage *self = APP_RESULTS_PAGE (object);

  app_results_page_set_unit (self, NULL, 0, 0);
  G_OBJECT_CLASS (app_results_page_parent_class)->dispose (object);
}

static void
app_results_page_finalize (GObject *object)
{
  AppResultsPage *self = APP_RESULTS_PAGE (object);

  g_ptr_array_unref (self->editors);
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
  gtk_widget_class_bind_template_child (widget_class, AppResultsPage, editors_box);
  gtk_widget_class_bind_template_child (widget_class, AppResultsPage, weights_label);
  gtk_widget_class_install_property_action (widget_class, "results.quarter", "quarter");
}

static void
app_results_page_init (AppResultsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->quarter = 1;
  self->editors = g_ptr_array_new ();
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
  app_results_page_flush (self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  /* Another unit's indicators: the editors go with the old ones. */
  remove_editors (self);
  g_set_object (&self->store, store);
  self->unit_id = unit_id;
  self->fiscal_year = fiscal_year;
  if (store != NULL)
    g_signal_connect_object (store, "changed", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  reload_full (self, TRUE);
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
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUARTER]);
}

void
app_results_page_flush (AppResultsPage *self)
{
  g_return_if_fail (APP_IS_RESULTS_PAGE (self));

  for (guint i = 0; i < self->editors->len; i++)
    app_result_editor_flush (g_ptr_array_index (self->editors, i));
}

AppResultEditor *
app_results_page_get_editor (AppResultsPage *self, gint64 indicator_id)
{
  g_return_val_if_fail (APP_IS_RESULTS_PAGE (self), NULL);

  for (guint i = 0; i < self->editors->len; i++)
    {
      AppResultEditor *editor = g_ptr_array_index (self->editors, i);

      if (app_result_editor_get_indicator_id (editor) == indicator_id)
        return editor;
    }
  return NULL;
}
