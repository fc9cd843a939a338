/* app-dashboard-page.c — a unit's year at a glance: weighted scores by quarter, each indicator's
 * progress against its levels and a traffic light per indicator
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-dashboard"

#include "config.h"

#include <glib/gi18n.h>

#include "app-dashboard-page.h"
#include "app-dashboard-row.h"
#include "app-export.h"
#include "app-page-refresh.h"
#include "phaen-calendar.h"
#include "phaen-chart-score.h"
#include "phaen-scorecard-model.h"
#include "phaen-thai-text.h"
#include "phaen-xlsx.h"

struct _AppDashboardPage
{
  AdwBin parent_instance;

  GtkStack *stack;
  GtkLabel *total_label;
  GtkLabel *weights_label;
  GtkDrawingArea *score_area;
  GtkGridView *list;
  GtkLabel *head_q1;
  GtkLabel *head_q2;
  GtkLabel *head_q3;
  GtkLabel *head_q4;
  GtkLabel *weight_sum_label;
  GtkLabel *total_q1;
  GtkLabel *total_q2;
  GtkLabel *total_q3;
  GtkLabel *total_q4;
  GtkSpinner *spinner;

  PhaenStore *store;
  gint64 unit_id;
  int fiscal_year;
  GCancellable *cancellable;
  gboolean exporting; /* an XLSX is being written */
  AppPageRefresh *refresh;
  PhaenScorecardModel *model; /* the unit's scorecard, built once per refresh */
  GPtrArray *rows;            /* (element-type AppDashboardRow) the rows bound to an item */
  PhaenScoreChart *chart;
  char *status_text; /* what app_dashboard_page_get_status_text() returned last */
};

G_DEFINE_FINAL_TYPE (AppDashboardPage, app_dashboard_page, ADW_TYPE_BIN)

enum
{
  SHOW_INDICATOR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------ helpers */

static const PhaenChartStyle *
screen_style (void)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  return phaen_chart_style_get (dark ? PHAEN_CHART_THEME_DARK : PHAEN_CHART_THEME_LIGHT);
}

static void
show_totals (AppDashboardPage *self, const PhaenScorecard *card)
{
  g_autofree char *weight_sum = phaen_format_number (card->weight_sum, 2, PHAEN_NUMBER_TRIM_ZEROS);
  int latest = 0;

  for (int q = PHAEN_QUARTERS; q >= 1 && latest == 0; q--)
    if (card->n_scored[q - 1] > 0)
      latest = q;
  if (latest > 0)
    {
      g_autofree char *quarter = phaen_quarter_name (latest);
      g_autofree char *total = phaen_format_score (card->total[latest - 1], FALSE);
      g_autofree char *text =
        card->weights_ok ? g_strdup_printf (_ ("Weighted total, %s: %s of 5"), quarter, total)
                         : g_strdup_printf (_ ("Weighted total, %s: %s"), quarter, total);

      gtk_label_set_text (self->total_label, text);
    }
  else
    gtk_label_set_text (self->total_label, _ ("No quarter is scored yet"));

  if (card->weights_ok)
    {
      gtk_label_set_text (self->weights_label,
                          _ ("Totals are out of 5: the weights add up to 100."));
      gtk_widget_remove_css_class (GTK_WIDGET (self->weights_label), "warning");
    }
  else
    {
      g_autofree char *text = g_strdup_printf (
        _ ("The weights add up to %s, not 100: the totals are not out of 5."), weight_sum);

      gtk_label_set_text (self->weights_label, text);
      gtk_widget_add_css_class (GTK_WIDGET (self->weights_label), "warning");
    }
}

static void
show_table_totals (AppDashboardPage *self, const PhaenScorecard *card)
{
  GtkLabel *totals[] = { self->total_q1, self->total_q2, self->total_q3, self->total_q4 };
  g_autofree char *weight_sum = phaen_format_number (card->weight_sum, 2, PHAEN_NUMBER_TRIM_ZEROS);

  gtk_label_set_text (self->weight_sum_label, weight_sum);
  for (int q = 0; q < PHAEN_QUARTERS; q++)
    {
      g_autofree char *total =
        card->n_scored[q] > 0 ? phaen_format_score (card->total[q], FALSE) : g_strdup ("-");

      gtk_label_set_text (totals[q], total);
    }
}

/* One scorecard for the whole page: the totals, the score chart and every row read it. */
static void
reload (GtkWidget *widget)
{
  AppDashboardPage *self = APP_DASHBOARD_PAGE (widget);
  g_autoptr (GError) error = NULL;
  PhaenScorecard *card = NULL;
  gboolean replaced;

  g_clear_pointer (&self->chart, phaen_score_chart_free);
  gtk_widget_queue_draw (GTK_WIDGET (self->score_area));
  if (self->store != NULL)
    card = phaen_scorecard_build (self->store, self->unit_id, self->fiscal_year, &error);
  if (card == NULL && error != NULL)
    g_debug ("no scorecard: %s", error->message);
  if (card != NULL && card->rows->len == 0)
    g_clear_pointer (&card, phaen_scorecard_free);

  replaced = phaen_scorecard_model_set_card (self->model, card);
  if (card == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  /* The same indicators: the rows on screen show the new scores in place (the list keeps its
   * scroll position); otherwise the list has bound new rows already. */
  if (!replaced)
    for (guint i = 0; i < self->rows->len; i++)
      {
        AppDashboardRow *row = g_ptr_array_index (self->rows, i);
        g_autoptr (PhaenScorecardItem) item = NULL;
        guint position =
          phaen_scorecard_model_find (self->model, app_dashboard_row_get_indicator_id (row));

        item = position != G_MAXUINT ? g_list_model_get_item (G_LIST_MODEL (self->model), position)
                                     : NULL;
        app_dashboard_row_set_item (row, item);
      }
  show_totals (self, card);
  show_table_totals (self, card);
  self->chart = phaen_score_chart_new_for_card (card);
  gtk_stack_set_visible_child_name (self->stack, "dashboard");
}

/* An edit of results while the page is shown: the edited indicators' rows are rescored, the
 * rows on screen among them bound again, and the totals and the chart follow. */
static gboolean
update (GtkWidget *widget, PhaenChanges *changes)
{
  AppDashboardPage *self = APP_DASHBOARD_PAGE (widget);
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) positions = NULL;
  const PhaenScorecard *card;

  if (self->store == NULL ||
      !phaen_scorecard_model_update (self->model, self->store, changes, &positions, &error))
    return FALSE;
  card = phaen_scorecard_model_get_card (self->model);
  for (guint i = 0; i < self->rows->len; i++)
    {
      AppDashboardRow *row = g_ptr_array_index (self->rows, i);
      guint position =
        phaen_scorecard_model_find (self->model, app_dashboard_row_get_indicator_id (row));

      for (guint k = 0; k < positions->len; k++)
        if (g_array_index (positions, guint, k) == position)
          {
            g_autoptr (PhaenScorecardItem) item =
              g_list_model_get_item (G_LIST_MODEL (self->model), position);

            app_dashboard_row_set_item (row, item);
          }
    }
  if (positions->len > 0)
    {
      show_totals (self, card);
      show_table_totals (self, card);
      g_clear_pointer (&self->chart, phaen_score_chart_free);
      self->chart = phaen_score_chart_new_for_card (card);
      gtk_widget_queue_draw (GTK_WIDGET (self->score_area));
    }
  return TRUE;
}

/* ------------------------------------------------------------------ callbacks */

static void
draw_score_cb (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer user_data)
{
  AppDashboardPage *self = user_data;

  if (self->chart != NULL)
    phaen_score_chart_draw (self->chart, cr, screen_style (), width, height);
}

static void
dark_changed_cb (AppDashboardPage *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self->score_area));
  for (guint i = 0; i < self->rows->len; i++)
    app_dashboard_row_redraw (g_ptr_array_index (self->rows, i));
}

static void
setup_row_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, AppDashboardPage *self)
{
  gtk_list_item_set_activatable (list_item, FALSE);
  gtk_list_item_set_selectable (list_item, FALSE);
  gtk_list_item_set_child (list_item, app_dashboard_row_new ());
}

static void
bind_row_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, AppDashboardPage *self)
{
  AppDashboardRow *row = APP_DASHBOARD_ROW (gtk_list_item_get_child (list_item));

  app_dashboard_row_set_item (row, gtk_list_item_get_item (list_item));
  g_ptr_array_add (self->rows, row);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, AppDashboardPage *self)
{
  AppDashboardRow *row = APP_DASHBOARD_ROW (gtk_list_item_get_child (list_item));

  app_dashboard_row_set_item (row, NULL);
  g_ptr_array_remove_fast (self->rows, row);
}

static void
show_indicator_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  g_signal_emit (widget, signals[SHOW_INDICATOR], 0, g_variant_get_int64 (param));
}

static void
export_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (AppDashboardPage) self = user_data;
  g_autoptr (GError) error = NULL;

  gtk_spinner_stop (self->spinner);
  self->exporting = FALSE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dashboard.export-xlsx", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dashboard.export-all", TRUE);
  phaen_xlsx_export_finish (result, &error);
  app_export_report (GTK_WIDGET (self), error, _ ("The XLSX workbook is written."));
}

static void
export_form (AppDashboardPage *self,
             GFile *file,
             PhaenXlsxForm form,
             const AppExportOptions *export_options)
{
  g_autofree char *path = self->store != NULL ? g_file_get_path (file) : NULL;
  PhaenXlsxOptions options;

  if (path == NULL)
    return;

  phaen_xlsx_options_init (&options, form);
  options.unit_id = self->unit_id;
  options.fiscal_year = self->fiscal_year;
  options.thai_digits = export_options->thai_digits;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  gtk_spinner_start (self->spinner);
  self->exporting = TRUE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dashboard.export-xlsx", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dashboard.export-all", FALSE);
  phaen_xlsx_export_async (phaen_store_get_path (self->store), &options, path, self->cancellable,
                           export_done_cb, g_object_ref (self));
}

static void
export_summary_to (GtkWidget *widget, GFile *file, const AppExportOptions *options)
{
  export_form (APP_DASHBOARD_PAGE (widget), file, PHAEN_XLSX_FORM_SUMMARY, options);
}

/* Every form the unit has in the year, one sheet each: plans, indicator forms, the summary, the
 * 12-item plan, PMQA category 7. */
static void
export_all_to (GtkWidget *widget, GFile *file, const AppExportOptions *options)
{
  export_form (APP_DASHBOARD_PAGE (widget), file, PHAEN_XLSX_FORM_ALL, options);
}

static void
export_xlsx_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  AppDashboardPage *self = APP_DASHBOARD_PAGE (widget);
  g_autofree char *name = NULL;

  if (self->store == NULL)
    return;
  name = g_strdup_printf (_ ("Quarterly results %d.xlsx"), self->fiscal_year);
  app_export_choose_with_options (widget, APP_EXPORT_XLSX, FALSE, name, NULL, export_summary_to);
}

static void
export_all_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  AppDashboardPage *self = APP_DASHBOARD_PAGE (widget);
  g_autofree char *name = NULL;

  if (self->store == NULL)
    return;
  name = g_strdup_printf (_ ("All forms %d.xlsx"), self->fiscal_year);
  app_export_choose_with_options (widget, APP_EXPORT_XLSX, FALSE, name, NULL, export_all_to);
}

/* ------------------------------------------------------------------ overrides */

static void
app_dashboard_page_dispose (GObject *object)
{
  AppDashboardPage *self = APP_DASHBOARD_PAGE (object);

  app_dashboard_page_set_unit (self, NULL, 0, 0);
  g_clear_pointer (&self->refresh, app_page_refresh_free);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (app_dashboard_page_parent_class)->dispose (object);
}

static void
app_dashboard_page_finalize (GObject *object)
{
  AppDashboardPage *self = APP_DASHBOARD_PAGE (object);

  g_clear_object (&self->model);
  g_ptr_array_unref (self->rows);
  g_clear_pointer (&self->chart, phaen_score_chart_free);
  g_free (self->status_text);
  G_OBJECT_CLASS (app_dashboard_page_parent_class)->finalize (object);
}

static void
app_dashboard_page_class_init (AppDashboardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = app_dashboard_page_dispose;
  object_class->finalize = app_dashboard_page_finalize;

  signals[SHOW_INDICATOR] =
    g_signal_new ("show-indicator", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/phaen/Phaen/ui/app-dashboard-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AppDashboardPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AppDashboardPage, total_label);
  gtk_widget_class_bind_template_child (widget_class, AppDashboardPage, weights_label);
  gtk_widget_class_bind_template_child (widget_class, AppDashboardPage, score_area);
  gtk_widget_class_bind_template_child (widget_class, AppDashboardPage, list);
  gtk_widget_class_bind_template_child (widget_class, AppDashboardPage, head_q1);
  gtk_widget_class_bind_template_child (widget_class, AppDashboardPage, head_q2);
  gtk_widget_class_bind_template_child (widget_class, AppDashboardPage, head_q3);
  gtk_widget_class_bind_template_child (widget_class, AppDashboardPage, head_q4);
  gtk_widget_class_bind_template_child (widget_class, AppDashboardPage, weight_sum_label);
  gtk_widget_class_bind_template_child (widget_class, AppDashboardPage, total_q1);
  gtk_widget_class_bind_template_child (widget_class, AppDashboardPage, total_q2);
  gtk_widget_class_bind_template_child (widget_class, AppDashboardPage, total_q3);
  gtk_widget_class_bind_template_child (widget_class, AppDashboardPage, total_q4);
  gtk_widget_class_bind_template_child (widget_class, AppDashboardPage, spinner);
  gtk_widget_class_install_action (widget_class, "dashboard.export-xlsx", NULL, export_xlsx_action);
  gtk_widget_class_install_action (widget_class, "dashboard.export-all", NULL, export_all_action);
  gtk_widget_class_install_action (widget_class, "dashboard.show-indicator", "x",
                                   show_indicator_action);
}

static void
app_dashboard_page_init (AppDashboardPage *self)
{
  g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr (GtkNoSelection) selection = NULL;
  GtkLabel *heads[PHAEN_QUARTERS];

  gtk_widget_init_template (GTK_WIDGET (self));
  heads[0] = self->head_q1;
  heads[1] = self->head_q2;
  heads[2] = self->head_q3;
  heads[3] = self->head_q4;
  for (int q = 1; q <= PHAEN_QUARTERS; q++)
    {
      g_autofree char *label = phaen_quarter_name (q);

      gtk_label_set_text (heads[q - 1], label);
    }
  self->rows = g_ptr_array_new ();
  self->model = phaen_scorecard_model_new ();
  self->refresh =
    app_page_refresh_new (GTK_WIDGET (self), PHAEN_RECORDS_SCORES | PHAEN_RECORD_UNIT, reload);
  app_page_refresh_set_update (self->refresh, update);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->model)));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  /* A one-column GtkGridView rather than a GtkListView: GTK 4.8's list view keeps 200 rows
   * around its anchor whatever the height; the grid view keeps 30 rows per column. */
  gtk_grid_view_set_factory (self->list, factory);
  gtk_grid_view_set_model (self->list, GTK_SELECTION_MODEL (selection));
  gtk_drawing_area_set_draw_func (self->score_area, draw_score_cb, self, NULL);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
}

/* ------------------------------------------------------------------ public API */

void
app_dashboard_page_set_unit (AppDashboardPage *self,
                             PhaenStore *store,
                             gint64 unit_id,
                             int fiscal_year)
{
  g_return_if_fail (APP_IS_DASHBOARD_PAGE (self));
  g_return_if_fail (store == NULL || PHAEN_IS_STORE (store));

  g_set_object (&self->store, store);
  self->unit_id = unit_id;
  self->fiscal_year = fiscal_year;
  if (self->refresh == NULL)
    return; /* disposed */
  app_page_refresh_set_store (self->refresh, store);
  if (store == NULL)
    reload (GTK_WIDGET (self));
  else
    app_page_refresh_queue (self->refresh);
}

const char *
app_dashboard_page_get_status_text (AppDashboardPage *self, gint64 indicator_id)
{
  const PhaenScorecard *card;
  guint position;
  PhaenStatus status;

  g_return_val_if_fail (APP_IS_DASHBOARD_PAGE (self), NULL);

  card = phaen_scorecard_model_get_card (self->model);
  position = phaen_scorecard_model_find (self->model, indicator_id);
  if (position == G_MAXUINT)
    return NULL;
  g_free (self->status_text);
  self->status_text =
    app_dashboard_row_status_text (g_ptr_array_index (card->rows, position), &status);
  return self->status_text;
}

void
app_dashboard_page_activate_indicator (AppDashboardPage *self, gint64 indicator_id)
{
  g_return_if_fail (APP_IS_DASHBOARD_PAGE (self));

  if (phaen_scorecard_model_find (self->model, indicator_id) != G_MAXUINT)
    gtk_widget_activate_action (GTK_WIDGET (self), "dashboard.show-indicator", "x", indicator_id);
}

guint
app_dashboard_page_get_n_refreshes (AppDashboardPage *self)
{
  g_return_val_if_fail (APP_IS_DASHBOARD_PAGE (self), 0);

  return app_page_refresh_get_count (self->refresh);
}

void
app_dashboard_page_export_all (AppDashboardPage *self, GFile *file, const AppExportOptions *options)
{
  g_return_if_fail (APP_IS_DASHBOARD_PAGE (self));
  g_return_if_fail (G_IS_FILE (file) && options != NULL);

  if (!self->exporting)
    export_form (self, file, PHAEN_XLSX_FORM_ALL, options);
}

gboolean
app_dashboard_page_get_busy (AppDashboardPage *self)
{
  g_return_val_if_fail (APP_IS_DASHBOARD_PAGE (self), FALSE);

  return self->exporting;
}
