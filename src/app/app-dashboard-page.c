/* app-dashboard-page.c — a unit's year at a glance: weighted scores by quarter, each indicator's
 * progress against its levels and a traffic light per indicator
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-dashboard"

#include "config.h"

#include <glib/gi18n.h>

#include "app-export.h"
#include "app-dashboard-page.h"
#include "phaen-calendar.h"
#include "phaen-chart-progress.h"
#include "phaen-chart-score.h"
#include "phaen-result-check.h"
#include "phaen-scorecard.h"
#include "phaen-thai-text.h"
#include "phaen-xlsx.h"

/* A progress chart's size on screen; the chart engine scales its drawing to it. */
#define PROGRESS_WIDTH 420
#define PROGRESS_HEIGHT 300

struct _AppDashboardPage
{
  AdwBin parent_instance;

  GtkStack *stack;
  GtkLabel *total_label;
  GtkLabel *weights_label;
  GtkGrid *table;
  GtkDrawingArea *score_area;
  GtkFlowBox *progress_box;
  GtkSpinner *spinner;

  PhaenStore *store;
  gint64 unit_id;
  int fiscal_year;
  GCancellable *cancellable;
  PhaenScoreChart *chart;
  GHashTable *status;  /* indicator id → its status text */
  GHashTable *buttons; /* indicator id → the button of its name */
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

static GtkWidget *
cell (GtkGrid *table, const char *text, int column, int row, const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  /* Only the names wrap; the figures keep their lines, and a narrow window scrolls the table
   * rather than breaking Thai words. */
  if (column == 0)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
      gtk_label_set_width_chars (GTK_LABEL (label), 20);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 34);
    }
  gtk_label_set_xalign (GTK_LABEL (label), 0.5);
  gtk_widget_add_css_class (label, "scorecard-cell");
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_grid_attach (table, label, column, row, 1, 1);
  return label;
}

/* `464`, `score 4.0372`, `weighted 1.2112`: the result as typed and its scores. */
static char *
quarter_text (const PhaenScorecardRow *row, int q)
{
  const PhaenResult *result = row->results[q];
  const PhaenScore *score = &row->scores[q];
  const char *value =
    result != NULL && !phaen_text_is_blank (result->value_text) ? result->value_text : "-";
  g_autofree char *points = NULL;
  g_autofree char *weighted = NULL;

  if (!score->has_score)
    return g_strdup (value);
  points = phaen_format_score (score->score, FALSE);
  weighted = phaen_format_score (score->weighted, FALSE);
  return g_strdup_printf (_ ("%s\nscore %s\nweighted %s"), value, points, weighted);
}

static const char *
status_css (PhaenStatus status)
{
  switch (status)
    {
    case PHAEN_STATUS_GREEN:
      return "status-green";
    case PHAEN_STATUS_YELLOW:
      return "status-yellow";
    case PHAEN_STATUS_RED:
      return "status-red";
    case PHAEN_STATUS_NONE:
    default:
      return "status-none";
    }
}

/* The traffic light of the latest quarter the indicator was scored in: a coloured dot and the
 * status in words, so colour is never the only sign. */
static GtkWidget *
status_cell (AppDashboardPage *self, const PhaenScorecardRow *row)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *dot = gtk_label_new ("●");
  GtkWidget *label;
  PhaenStatus status = PHAEN_STATUS_NONE;
  g_autofree char *text = NULL;
  int latest = 0;

  for (int q = PHAEN_QUARTERS; q >= 1 && latest == 0; q--)
    if (row->scores[q - 1].has_score)
      latest = q;
  if (latest > 0)
    {
      g_autofree char *quarter = phaen_quarter_label (latest, FALSE);

      status = phaen_score_status (row->indicator->scoring, &row->scores[latest - 1]);
      text = g_strdup_printf (_ ("%s (%s)"), phaen_status_to_string (status), quarter);
    }
  else
    text = g_strdup (phaen_status_to_string (status));

  label = gtk_label_new (text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_width_chars (GTK_LABEL (label), 14);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 18);
  gtk_widget_add_css_class (dot, "status-dot");
  gtk_widget_add_css_class (dot, status_css (status));
  gtk_accessible_update_property (GTK_ACCESSIBLE (dot), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  gtk_widget_set_valign (dot, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), dot);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_add_css_class (box, "scorecard-cell");
  g_hash_table_insert (self->status, g_memdup2 (&row->indicator->id, sizeof (gint64)),
                       g_steal_pointer (&text));
  return box;
}

static void
name_clicked_cb (GtkButton *button, AppDashboardPage *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (button), "indicator-id");

  g_signal_emit (self, signals[SHOW_INDICATOR], 0, *id);
}

static GtkWidget *
name_cell (AppDashboardPage *self, const PhaenScorecardRow *row)
{
  g_autofree char *name = phaen_text_is_blank (row->indicator->code)
                            ? g_strdup (row->indicator->name)
                            : g_strdup_printf ("%s %s", row->indicator->code, row->indicator->name);
  GtkWidget *button = gtk_button_new ();
  GtkWidget *label = gtk_label_new (name);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_width_chars (GTK_LABEL (label), 20);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 34);
  gtk_button_set_child (GTK_BUTTON (button), label);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "scorecard-cell");
  gtk_widget_add_css_class (button, "indicator-link");
  gtk_widget_set_tooltip_text (button, _ ("Open the indicator's form"));
  g_object_set_data_full (G_OBJECT (button), "indicator-id",
                          g_memdup2 (&row->indicator->id, sizeof (gint64)), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (name_clicked_cb), self, 0);
  g_hash_table_insert (self->buttons, g_memdup2 (&row->indicator->id, sizeof (gint64)), button);
  return button;
}

static void
draw_progress_cb (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer user_data)
{
  phaen_progress_chart_draw (user_data, cr, screen_style (), width, height);
}

static GtkWidget *
progress_area_new (PhaenProgressChart *chart)
{
  GtkWidget *area = gtk_drawing_area_new ();

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), PROGRESS_WIDTH);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), PROGRESS_HEIGHT);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_progress_cb, chart,
                                  (GDestroyNotify)phaen_progress_chart_free);
  return area;
}

static void
clear (AppDashboardPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->table))) != NULL)
    gtk_grid_remove (self->table, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->progress_box))) != NULL)
    gtk_flow_box_remove (self->progress_box, child);
  g_hash_table_remove_all (self->status);
  g_hash_table_remove_all (self->buttons);
  g_clear_pointer (&self->chart, phaen_score_chart_free);
  gtk_widget_queue_draw (GTK_WIDGET (self->score_area));
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
      g_autofree char *quarter = phaen_quarter_label (latest, FALSE);
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
reload (AppDashboardPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenScorecard) card = NULL;
  g_autofree char *weight_sum = NULL;
  int r = 0;

  clear (self);
  if (self->store == NULL)
    return;

  card = phaen_scorecard_build (self->store, self->unit_id, self->fiscal_year, &error);
  if (card == NULL || card->rows->len == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  show_totals (self, card);

  cell (self->table, _ ("Indicator"), 0, r, "scorecard-header");
  cell (self->table, _ ("Weight"), 1, r, "scorecard-header");
  for (int q = 1; q <= PHAEN_QUARTERS; q++)
    {
      g_autofree char *label = phaen_quarter_label (q, FALSE);

      cell (self->table, label, 1 + q, r, "scorecard-header");
    }
  cell (self->table, _ ("Status"), 2 + PHAEN_QUARTERS, r, "scorecard-header");
  r++;

  for (guint i = 0; i < card->rows->len; i++, r++)
    {
      const PhaenScorecardRow *row = g_ptr_array_index (card->rows, i);
      g_autofree char *weight =
        phaen_format_number (row->indicator->weight, 2, PHAEN_NUMBER_TRIM_ZEROS);
      GtkWidget *name = name_cell (self, row);
      g_autoptr (PhaenProgressChart) chart = NULL;

      if (row->problem != NULL)
        gtk_widget_set_tooltip_text (name, row->problem);
      gtk_grid_attach (self->table, name, 0, r, 1, 1);
      cell (self->table, weight, 1, r, NULL);
      for (int q = 0; q < PHAEN_QUARTERS; q++)
        {
          g_autofree char *text = quarter_text (row, q);

          cell (self->table, text, 2 + q, r, NULL);
        }
      gtk_grid_attach (self->table, status_cell (self, row), 2 + PHAEN_QUARTERS, r, 1, 1);

      chart = phaen_progress_chart_new (self->store, row->indicator->id, &error);
      if (chart == NULL)
        {
          g_debug ("no progress chart for %s: %s", row->indicator->code, error->message);
          g_clear_error (&error);
          continue;
        }
      gtk_flow_box_append (self->progress_box, progress_area_new (g_steal_pointer (&chart)));
    }

  cell (self->table, _ ("Weighted total"), 0, r, "scorecard-total");
  weight_sum = phaen_format_number (card->weight_sum, 2, PHAEN_NUMBER_TRIM_ZEROS);
  cell (self->table, weight_sum, 1, r, "scorecard-total");
  for (int q = 0; q < PHAEN_QUARTERS; q++)
    {
      g_autofree char *total =
        card->n_scored[q] > 0 ? phaen_format_score (card->total[q], FALSE) : g_strdup ("-");

      cell (self->table, total, 2 + q, r, "scorecard-total");
    }
  cell (self->table, "", 2 + PHAEN_QUARTERS, r, "scorecard-total");

  self->chart = phaen_score_chart_new (self->store, self->unit_id, self->fiscal_year, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->score_area), self->chart != NULL);
  gtk_stack_set_visible_child_name (self->stack, "dashboard");
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
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->progress_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    gtk_widget_queue_draw (gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child)));
}

static void
export_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (AppDashboardPage) self = user_data;
  g_autoptr (GError) error = NULL;

  gtk_spinner_stop (self->spinner);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dashboard.export-xlsx", TRUE);
  phaen_xlsx_export_finish (result, &error);
  app_export_report (GTK_WIDGET (self), error, _ ("The XLSX workbook is written."));
}

static void
export_to (GtkWidget *widget, GFile *file)
{
  AppDashboardPage *self = APP_DASHBOARD_PAGE (widget);
  g_autofree char *path = self->store != NULL ? g_file_get_path (file) : NULL;
  PhaenXlsxOptions options;

  if (path == NULL)
    return;

  phaen_xlsx_options_init (&options, PHAEN_XLSX_FORM_SUMMARY);
  options.unit_id = self->unit_id;
  options.fiscal_year = self->fiscal_year;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  gtk_spinner_start (self->spinner);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dashboard.export-xlsx", FALSE);
  phaen_xlsx_export_async (phaen_store_get_path (self->store), &options, path, self->cancellable,
                           export_done_cb, g_object_ref (self));
}

static void
export_xlsx_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  AppDashboardPage *self = APP_DASHBOARD_PAGE (widget);
  g_autofree char *name = NULL;

  if (self->store == NULL)
    return;
  name = g_strdup_printf (_ ("Quarterly results %d.xlsx"), self->fiscal_year);
  app_export_choose (widget, APP_EXPORT_XLSX, name, NULL, export_to);
}

/* ------------------------------------------------------------------ overrides */

static void
app_dashboard_page_dispose (GObject *object)
{
  AppDashboardPage *self = APP_DASHBOARD_PAGE (object);

  app_dashboard_page_set_unit (self, NULL, 0, 0);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (app_dashboard_page_parent_class)->dispose (object);
}

static void
app_dashboard_page_finalize (GObject *object)
{
  AppDashboardPage *self = APP_DASHBOARD_PAGE (object);

  g_hash_table_unref (self->status);
  g_hash_table_unref (self->buttons);
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
  gtk_widget_class_bind_template_child (widget_class, AppDashboardPage, table);
  gtk_widget_class_bind_template_child (widget_class, AppDashboardPage, score_area);
  gtk_widget_class_bind_template_child (widget_class, AppDashboardPage, progress_box);
  gtk_widget_class_bind_template_child (widget_class, AppDashboardPage, spinner);
  gtk_widget_class_install_action (widget_class, "dashboard.export-xlsx", NULL, export_xlsx_action);
}

static void
app_dashboard_page_init (AppDashboardPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->status = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->buttons = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
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

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  self->unit_id = unit_id;
  self->fiscal_year = fiscal_year;
  if (store != NULL)
    g_signal_connect_object (store, "changed", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  reload (self);
}

const char *
app_dashboard_page_get_status_text (AppDashboardPage *self, gint64 indicator_id)
{
  g_return_val_if_fail (APP_IS_DASHBOARD_PAGE (self), NULL);

  return g_hash_table_lookup (self->status, &indicator_id);
}

void
app_dashboard_page_activate_indicator (AppDashboardPage *self, gint64 indicator_id)
{
  GtkWidget *button;

  g_return_if_fail (APP_IS_DASHBOARD_PAGE (self));

  button = g_hash_table_lookup (self->buttons, &indicator_id);
  if (button != NULL)
    g_signal_emit_by_name (button, "clicked");
}
