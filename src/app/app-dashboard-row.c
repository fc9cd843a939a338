/* app-dashboard-row.c — one indicator on the dashboard: its weight, each quarter's result and
 * scores, its traffic light and its progress chart, bound to a scorecard item
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-dashboard-row"

#include "config.h"

#include <glib/gi18n.h>

#include "app-dashboard-row.h"
#include "phaen-calendar.h"
#include "phaen-chart-progress.h"
#include "phaen-thai-text.h"

struct _AppDashboardRow
{
  GtkWidget parent_instance;

  GtkWidget *box;
  GtkButton *name_button;
  GtkLabel *name_label;
  GtkLabel *weight_label;
  GtkLabel *quarter_labels[PHAEN_QUARTERS];
  GtkLabel *q1_label;
  GtkLabel *q2_label;
  GtkLabel *q3_label;
  GtkLabel *q4_label;
  GtkLabel *status_dot;
  GtkLabel *status_label;
  GtkDrawingArea *progress_area;

  PhaenScorecardItem *item;
  PhaenProgressChart *chart;
};

G_DEFINE_FINAL_TYPE (AppDashboardRow, app_dashboard_row, GTK_TYPE_WIDGET)

/* ------------------------------------------------------------------ helpers */

static const char *const status_classes[] = {
  "status-none",
  "status-green",
  "status-yellow",
  "status-red",
};

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

  g_autofree char *version = NULL;

  /* Which criteria scored the quarter, once the indicator has more than one version (short:
   * the column is narrow; the indicator's form has the approval dates). */
  if (row->versions != NULL && row->versions->len > 1 && row->quarter_criteria[q] != NULL)
    version = g_strdup_printf (_ ("criteria v.%d"), row->quarter_criteria[q]->version);
  if (!score->has_score)
    return version != NULL ? g_strdup_printf ("%s\n%s", value, version) : g_strdup (value);
  points = phaen_format_score (score->score, FALSE);
  weighted = phaen_format_score (score->weighted, FALSE);
  if (version != NULL)
    return g_strdup_printf (_ ("%s\nscore %s\nweighted %s\n%s"), value, points, weighted, version);
  return g_strdup_printf (_ ("%s\nscore %s\nweighted %s"), value, points, weighted);
}

static const PhaenChartStyle *
screen_style (void)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  return phaen_chart_style_get (dark ? PHAEN_CHART_THEME_DARK : PHAEN_CHART_THEME_LIGHT);
}

static void
show_row (AppDashboardRow *self, const PhaenScorecard *card, const PhaenScorecardRow *row)
{
  g_autofree char *name = phaen_text_is_blank (row->indicator->code)
                            ? g_strdup (row->indicator->name)
                            : g_strdup_printf ("%s %s", row->indicator->code, row->indicator->name);
  g_autofree char *weight =
    phaen_format_number (row->indicator->weight, 2, PHAEN_NUMBER_TRIM_ZEROS);
  PhaenStatus status;
  g_autofree char *status_text = app_dashboard_row_status_text (row, &status);

  if (row->target_mismatch)
    {
      g_autofree char *plain = g_steal_pointer (&name);

      name = g_strdup_printf (_ ("%s\n⚠ The target differs from T5"), plain);
    }
  gtk_label_set_text (self->name_label, name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->name_button), row->problem != NULL ? row->problem
                                                               : row->target_warning != NULL
                                                                 ? row->target_warning
                                                                 : _ ("Open the indicator's form"));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->name_button), "x", row->indicator->id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->name_button), "dashboard.show-indicator");
  gtk_label_set_text (self->weight_label, weight);
  for (int q = 0; q < PHAEN_QUARTERS; q++)
    {
      g_autofree char *text = quarter_text (row, q);

      gtk_label_set_text (self->quarter_labels[q], text);
    }
  gtk_label_set_text (self->status_label, status_text);
  for (guint i = 0; i < G_N_ELEMENTS (status_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_dot), status_classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (self->status_dot), status_css (status));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->status_dot), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  status_text, -1);

  self->chart = phaen_progress_chart_new_for_row (card, row);
  gtk_widget_queue_draw (GTK_WIDGET (self->progress_area));
}

/* ------------------------------------------------------------------ callbacks */

static void
draw_progress_cb (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer user_data)
{
  AppDashboardRow *self = user_data;

  if (self->chart != NULL)
    phaen_progress_chart_draw (self->chart, cr, screen_style (), width, height);
}

/* ------------------------------------------------------------------ overrides */

static void
app_dashboard_row_dispose (GObject *object)
{
  AppDashboardRow *self = APP_DASHBOARD_ROW (object);

  g_clear_object (&self->item);
  g_clear_pointer (&self->chart, phaen_progress_chart_free);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (app_dashboard_row_parent_class)->dispose (object);
}

static void
app_dashboard_row_class_init (AppDashboardRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = app_dashboard_row_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/phaen/Phaen/ui/app-dashboard-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AppDashboardRow, box);
  gtk_widget_class_bind_template_child (widget_class, AppDashboardRow, name_button);
  gtk_widget_class_bind_template_child (widget_class, AppDashboardRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, AppDashboardRow, weight_label);
  gtk_widget_class_bind_template_child (widget_class, AppDashboardRow, q1_label);
  gtk_widget_class_bind_template_child (widget_class, AppDashboardRow, q2_label);
  gtk_widget_class_bind_template_child (widget_class, AppDashboardRow, q3_label);
  gtk_widget_class_bind_template_child (widget_class, AppDashboardRow, q4_label);
  gtk_widget_class_bind_template_child (widget_class, AppDashboardRow, status_dot);
  gtk_widget_class_bind_template_child (widget_class, AppDashboardRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, AppDashboardRow, progress_area);
}

static void
app_dashboard_row_init (AppDashboardRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->quarter_labels[0] = self->q1_label;
  self->quarter_labels[1] = self->q2_label;
  self->quarter_labels[2] = self->q3_label;
  self->quarter_labels[3] = self->q4_label;
  gtk_drawing_area_set_draw_func (self->progress_area, draw_progress_cb, self, NULL);
}

/* ------------------------------------------------------------------ public API */

GtkWidget *
app_dashboard_row_new (void)
{
  return g_object_new (APP_TYPE_DASHBOARD_ROW, NULL);
}

void
app_dashboard_row_set_item (AppDashboardRow *self, PhaenScorecardItem *item)
{
  const PhaenScorecardRow *row;

  g_return_if_fail (APP_IS_DASHBOARD_ROW (self));
  g_return_if_fail (item == NULL || PHAEN_IS_SCORECARD_ITEM (item));

  g_set_object (&self->item, item);
  g_clear_pointer (&self->chart, phaen_progress_chart_free);
  row = item != NULL ? phaen_scorecard_item_get_row (item) : NULL;
  if (row != NULL)
    show_row (self, phaen_scorecard_item_get_card (item), row);
  else
    gtk_widget_queue_draw (GTK_WIDGET (self->progress_area));
}

gint64
app_dashboard_row_get_indicator_id (AppDashboardRow *self)
{
  g_return_val_if_fail (APP_IS_DASHBOARD_ROW (self), 0);

  return self->item != NULL ? phaen_scorecard_item_get_indicator_id (self->item) : 0;
}

char *
app_dashboard_row_status_text (const PhaenScorecardRow *row, PhaenStatus *status)
{
  int latest = 0;

  g_return_val_if_fail (row != NULL && status != NULL, NULL);

  *status = PHAEN_STATUS_NONE;
  for (int q = PHAEN_QUARTERS; q >= 1 && latest == 0; q--)
    if (row->scores[q - 1].has_score)
      latest = q;
  if (latest > 0)
    {
      g_autofree char *quarter = phaen_quarter_name (latest);

      *status = phaen_score_status (row->indicator->scoring, &row->scores[latest - 1]);
      return g_strdup_printf (_ ("%s (%s)"), phaen_status_to_string (*status), quarter);
    }
  return g_strdup (phaen_status_to_string (*status));
}

void
app_dashboard_row_redraw (AppDashboardRow *self)
{
  g_return_if_fail (APP_IS_DASHBOARD_ROW (self));

  gtk_widget_queue_draw (GTK_WIDGET (self->progress_area));
}
