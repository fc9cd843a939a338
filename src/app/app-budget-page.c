/* app-budget-page.c — a plan's quarterly budget: allocated, committed and disbursed per project
 * and activity and in total, against the cabinet's cumulative disbursement targets, with the
 * budget chart
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-budget-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "app-budget-item.h"
#include "app-budget-page.h"
#include "app-page-refresh.h"
#include "app-shortcuts.h"
#include "phaen-calendar.h"
#include "phaen-error.h"
#include "phaen-parse.h"
#include "phaen-thai-text.h"

/* The table's columns: the amounts are the quarter shown. */
typedef enum
{
  COLUMN_NAME,
  COLUMN_ALLOCATED,
  COLUMN_COMMITTED,
  COLUMN_DISBURSED,
  COLUMN_CUMULATIVE,
  COLUMN_PERCENT,
  COLUMN_STATUS,
  N_COLUMNS
} Column;

#define AMOUNT_FIELD(column) ((PhaenBudgetField)((column)-COLUMN_ALLOCATED))
#define IS_AMOUNT(column) ((column) >= COLUMN_ALLOCATED && (column) <= COLUMN_DISBURSED)
/* The summary's columns: the four quarters and the year. */
#define SUMMARY_COLUMNS (PHAEN_QUARTERS + 1)

struct _AppBudgetPage
{
  AdwBin parent_instance;

  GtkStack *stack;
  GtkLabel *heading;
  GtkLabel *note;
  GtkGrid *summary;
  GtkDrawingArea *chart_area;
  GtkLabel *message;
  GtkColumnView *table;

  GtkColumnViewColumn *columns[N_COLUMNS];
  GtkLabel *summary_cells[APP_BUDGET_N_LINES][SUMMARY_COLUMNS];
  GtkEntry *target_entries[PHAEN_QUARTERS];

  PhaenStore *store;
  gint64 plan_id;
  int quarter;
  GDate *today; /* NULL: the real today */
  AppPageRefresh *refresh;
  PhaenBudgetView *view;
  PhaenBudgetChart *chart;
  char *unit_abbr;
  GListStore *items; /* (element-type AppBudgetItem) */
  GPtrArray *cells;  /* the cell widgets bound to an item */
  gboolean updating; /* the page writes a cell's text: not the user's typing */
  guint n_chart_draws;
};

G_DEFINE_FINAL_TYPE (AppBudgetPage, app_budget_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_QUARTER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Targets are typed "32", "32 %", "ร้อยละ 32" or with Thai digits. Thai on purpose: the
 * resolution's own word for per cent, whatever the interface's language. */
static const char percent_word[] = "ร้อยละ";

static GQuark column_quark;
static GQuark item_quark;
static GQuark dirty_quark;

/* ------------------------------------------------------------------ helpers */

static const PhaenChartStyle *
screen_style (void)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  return phaen_chart_style_get (dark ? PHAEN_CHART_THEME_DARK : PHAEN_CHART_THEME_LIGHT);
}

static char *
money_text (double value)
{
  return isnan (value) ? g_strdup ("-") : phaen_format_number (value, 2, PHAEN_NUMBER_GROUPING);
}

static char *
percent_text (double value)
{
  return isnan (value) ? g_strdup ("-")
                       : phaen_format_number (round (value * 100) / 100, 2, PHAEN_NUMBER_GROUPING);
}

static void
set_label (GtkLabel *label, const char *text)
{
  if (g_strcmp0 (gtk_label_get_text (label), text) != 0)
    gtk_label_set_text (label, text);
}

static void
set_class (GtkWidget *widget, const char *css_class, gboolean on)
{
  if (on)
    gtk_widget_add_css_class (widget, css_class);
  else
    gtk_widget_remove_css_class (widget, css_class);
}

static void
show_message (AppBudgetPage *self, const char *text)
{
  gtk_label_set_text (self->message, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message), text != NULL && *text != '\0');
}

static const PhaenBudgetRow *
item_row (AppBudgetPage *self, GtkWidget *cell)
{
  AppBudgetItem *item = g_object_get_qdata (G_OBJECT (cell), item_quark);

  if (item == NULL || self->view == NULL)
    return NULL;
  return phaen_budget_view_find (self->view, app_budget_item_get_activity_id (item));
}

static char *
status_text (AppBudgetPage *self, const PhaenBudgetRow *row, gboolean *warn)
{
  int q = self->quarter - 1;
  PhaenBudgetStatus status = row->figures.status[q];

  *warn = status == PHAEN_BUDGET_SHORT || row->children_exceed[PHAEN_BUDGET_ALLOCATED];
  if (row->children_exceed[PHAEN_BUDGET_ALLOCATED])
    return g_strdup (_ ("Its activities are allocated more than the project"));
  if (status == PHAEN_BUDGET_SHORT)
    {
      g_autofree char *by = money_text (row->figures.shortfall[q]);

      return g_strdup_printf (_ ("Below target by %s"), by);
    }
  if (status == PHAEN_BUDGET_NOTHING_ALLOCATED)
    return g_strdup ("-");
  return g_strdup (phaen_budget_status_label (status));
}

/* Shows @cell's figure for the quarter shown; an entry the user is typing in keeps its text. */
static void
update_cell (AppBudgetPage *self, GtkWidget *cell)
{
  Column column = GPOINTER_TO_INT (g_object_get_qdata (G_OBJECT (cell), column_quark));
  const PhaenBudgetRow *row = item_row (self, cell);
  int q = self->quarter - 1;
  g_autofree char *text = NULL;
  gboolean warn = FALSE;

  if (row == NULL)
    return;
  switch (column)
    {
    case COLUMN_NAME:
      text = g_strdup_printf ("%s %s", row->number, row->name);
      gtk_widget_set_margin_start (cell, 6 + 18 * MIN (row->depth, 12));
      set_class (cell, "heading", row->has_children);
      break;
    case COLUMN_ALLOCATED:
    case COLUMN_COMMITTED:
    case COLUMN_DISBURSED:
      {
        PhaenBudgetField field = AMOUNT_FIELD (column);
        gboolean editable = row->editable[field];

        if (g_object_get_qdata (G_OBJECT (cell), dirty_quark) != NULL)
          return;
        text = money_text (row->figures.amount[field][q]);
        self->updating = TRUE;
        if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (cell)), text) != 0)
          gtk_editable_set_text (GTK_EDITABLE (cell), text);
        self->updating = FALSE;
        gtk_editable_set_editable (GTK_EDITABLE (cell), editable);
        gtk_widget_set_can_focus (cell, editable);
        set_class (cell, "dim-label", !editable);
        set_class (cell, "error", FALSE);
        gtk_widget_set_tooltip_text (
          cell, editable ? NULL : _ ("The sum of its activities: type the amounts there"));
        return;
      }
    case COLUMN_CUMULATIVE:
      text = money_text (row->figures.cumulative[PHAEN_BUDGET_DISBURSED][q]);
      break;
    case COLUMN_PERCENT:
      text = percent_text (row->figures.disbursed_percent[q]);
      break;
    case COLUMN_STATUS:
    default:
      text = status_text (self, row, &warn);
      set_class (cell, "warning", warn);
      break;
    }
  set_label (GTK_LABEL (cell), text);
}

static void
update_cells (AppBudgetPage *self)
{
  for (guint i = 0; i < self->cells->len; i++)
    update_cell (self, g_ptr_array_index (self->cells, i));
}

static void
show_summary (AppBudgetPage *self)
{
  const PhaenBudgetView *view = self->view;
  const PhaenBudgetFigures *t = &view->total;

  for (int c = 0; c < SUMMARY_COLUMNS; c++)
    {
      gboolean year = c == PHAEN_QUARTERS;

      for (guint line = 0; line < APP_BUDGET_N_LINES; line++)
        {
          g_autofree char *text = NULL;
          gboolean warn = FALSE;

          if (line == APP_BUDGET_LINE_TARGET && !year)
            {
              GtkWidget *entry = GTK_WIDGET (self->target_entries[c]);

              if (g_object_get_qdata (G_OBJECT (entry), dirty_quark) == NULL)
                {
                  g_autofree char *target =
                    phaen_format_number (view->targets[c], 2, PHAEN_NUMBER_TRIM_ZEROS);

                  self->updating = TRUE;
                  gtk_editable_set_text (GTK_EDITABLE (entry), target);
                  self->updating = FALSE;
                  set_class (entry, "error", FALSE);
                }
              continue;
            }
          if (year)
            text = line <= APP_BUDGET_LINE_DISBURSED ? money_text (t->annual[line])
                   : line == APP_BUDGET_LINE_TARGET  ? g_strdup ("")
                                                     : g_strdup ("");
          else
            switch (line)
              {
              case APP_BUDGET_LINE_ALLOCATED:
              case APP_BUDGET_LINE_COMMITTED:
              case APP_BUDGET_LINE_DISBURSED:
                text = money_text (t->amount[line][c]);
                break;
              case APP_BUDGET_LINE_CUMULATIVE:
                text = money_text (t->cumulative[PHAEN_BUDGET_DISBURSED][c]);
                break;
              case APP_BUDGET_LINE_PERCENT:
                text = percent_text (t->disbursed_percent[c]);
                break;
              case APP_BUDGET_LINE_SHORTFALL:
                text =
                  isnan (t->shortfall[c]) ? g_strdup ("-") : money_text (MAX (t->shortfall[c], 0));
                warn = t->status[c] == PHAEN_BUDGET_SHORT;
                break;
              case APP_BUDGET_LINE_STATUS:
              default:
                text = g_strdup (t->status[c] == PHAEN_BUDGET_NOTHING_ALLOCATED
                                   ? "-"
                                   : phaen_budget_status_label (t->status[c]));
                warn = t->status[c] == PHAEN_BUDGET_SHORT;
                break;
              }
          set_label (self->summary_cells[line][c], text);
          set_class (GTK_WIDGET (self->summary_cells[line][c]), "error", warn);
        }
    }
}

static void
show_note (AppBudgetPage *self)
{
  g_autoptr (GString) note = g_string_new (NULL);

  if (self->view->from_plan)
    g_string_append (note, _ ("No project or activity has a quarterly budget yet: the totals are "
                              "the quarterly figures entered for the whole plan."));
  else if (self->view->plan_differs)
    g_string_append (note, _ ("The projects and activities add up to other figures than those "
                              "entered for the whole plan: the totals are theirs."));
  if (self->view->targets_default)
    {
      if (note->len > 0)
        g_string_append_c (note, ' ');
      g_string_append (note, _ ("This fiscal year has no disbursement targets of its own: the "
                                "cabinet's usual 30, 52, 75 and 100 per cent are used until you "
                                "type the year's."));
    }
  gtk_label_set_text (self->note, note->str);
  gtk_widget_set_visible (GTK_WIDGET (self->note), note->len > 0);
}

static void
show_column_titles (AppBudgetPage *self)
{
  g_autofree char *quarter = phaen_quarter_name (self->quarter);

  for (Column c = COLUMN_ALLOCATED; c <= COLUMN_DISBURSED; c++)
    {
      g_autofree char *title =
        g_strdup_printf ("%s\n%s", phaen_budget_field_label (AMOUNT_FIELD (c)), quarter);

      gtk_column_view_column_set_title (self->columns[c], title);
    }
}

static gboolean
same_rows (AppBudgetPage *self, const PhaenBudgetView *view)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  if (n != view->rows->len)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (AppBudgetItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (app_budget_item_get_activity_id (item) !=
          ((PhaenBudgetRow *)g_ptr_array_index (view->rows, i))->activity_id)
        return FALSE;
    }
  return TRUE;
}

/* The view made afresh (a plan of 5,000 rows takes milliseconds); the list keeps its rows and
 * their widgets when the plan's rows are the same, so typing and scrolling go on. */
static void
reload (GtkWidget *widget)
{
  AppBudgetPage *self = APP_BUDGET_PAGE (widget);
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenBudgetView) view = NULL;

  if (self->store != NULL && self->plan_id != 0)
    view = phaen_budget_view_new (self->store, self->plan_id, self->today, &error);
  if (view == NULL)
    {
      if (error != NULL)
        g_debug ("no budget view: %s", error->message);
      g_list_store_remove_all (self->items);
      g_clear_pointer (&self->view, phaen_budget_view_free);
      g_clear_pointer (&self->chart, phaen_budget_chart_free);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  if (self->view == NULL || self->view->unit_id != view->unit_id)
    {
      g_autoptr (PhaenUnit) unit = phaen_store_get_unit (self->store, view->unit_id, NULL);

      g_free (self->unit_abbr);
      self->unit_abbr = g_strdup (unit != NULL ? unit->abbr : "");
    }
  g_clear_pointer (&self->view, phaen_budget_view_free);
  self->view = g_steal_pointer (&view);
  g_clear_pointer (&self->chart, phaen_budget_chart_free);
  self->chart = phaen_budget_chart_new_for_view (self->view, self->unit_abbr);

  if (same_rows (self, self->view))
    update_cells (self);
  else
    {
      g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < self->view->rows->len; i++)
        g_ptr_array_add (
          items, app_budget_item_new (
                   ((PhaenBudgetRow *)g_ptr_array_index (self->view->rows, i))->activity_id));
      g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                           items->pdata, items->len);
    }
  gtk_label_set_text (self->heading, self->view->title);
  show_summary (self);
  show_note (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->chart_area));
  gtk_stack_set_visible_child_name (self->stack, "budget");
}

/* Saves what @entry holds when the user changed it; bad input stays, marked, with the reason. */
static void
commit_amount (AppBudgetPage *self, GtkWidget *entry)
{
  Column column = GPOINTER_TO_INT (g_object_get_qdata (G_OBJECT (entry), column_quark));
  const PhaenBudgetRow *row = item_row (self, entry);
  g_autoptr (GError) error = NULL;
  PhaenBudgetField field = AMOUNT_FIELD (column);
  gboolean has_value;
  double value;

  if (g_object_get_qdata (G_OBJECT (entry), dirty_quark) == NULL || row == NULL ||
      self->store == NULL)
    return;
  if (!phaen_parse_amount (gtk_editable_get_text (GTK_EDITABLE (entry)), &has_value, &value,
                           &error) ||
      (row->editable[field] &&
       fabs ((has_value ? value : 0) - row->own[field][self->quarter - 1]) >= 0.005 &&
       !phaen_store_set_activity_budget (self->store, row->activity_id, self->quarter, field,
                                         has_value ? value : 0, &error)))
    {
      gtk_widget_add_css_class (entry, "error");
      show_message (self, error->message);
      return;
    }
  g_object_set_qdata (G_OBJECT (entry), dirty_quark, NULL);
  show_message (self, NULL);
  update_cell (self, entry);
}

static void
commit_target (AppBudgetPage *self, GtkWidget *entry)
{
  g_autoptr (GError) error = NULL;
  double targets[PHAEN_QUARTERS];
  g_autofree char *text = NULL;
  int quarter = GPOINTER_TO_INT (g_object_get_qdata (G_OBJECT (entry), column_quark));

  if (g_object_get_qdata (G_OBJECT (entry), dirty_quark) == NULL || self->view == NULL)
    return;
  memcpy (targets, self->view->targets, sizeof targets);
  text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));
  g_strdelimit (text, "%", ' ');
  if (g_str_has_prefix (g_strstrip (text), percent_word))
    memmove (text, text + strlen (percent_word), strlen (text) - strlen (percent_word) + 1);
  if (!phaen_parse_number (g_strstrip (text), &targets[quarter - 1], &error) ||
      !phaen_budget_check_targets (targets, &error) ||
      !phaen_store_set_disbursement_targets (self->store, self->view->fiscal_year, targets, &error))
    {
      gtk_widget_add_css_class (entry, "error");
      show_message (self, error->message);
      return;
    }
  g_object_set_qdata (G_OBJECT (entry), dirty_quark, NULL);
  show_message (self, NULL);
}

static void
commit (AppBudgetPage *self, GtkWidget *entry)
{
  if (g_object_get_qdata (G_OBJECT (entry), item_quark) != NULL)
    commit_amount (self, entry);
  else
    commit_target (self, entry);
}

/* ------------------------------------------------------------------ callbacks */

static void
draw_chart_cb (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer user_data)
{
  AppBudgetPage *self = user_data;

  if (self->chart == NULL)
    return;
  self->n_chart_draws++;
  phaen_budget_chart_draw (self->chart, cr, screen_style (), width, height);
}

static void
dark_changed_cb (AppBudgetPage *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self->chart_area));
}

static void
entry_changed_cb (GtkEditable *entry, AppBudgetPage *self)
{
  if (!self->updating)
    g_object_set_qdata (G_OBJECT (entry), dirty_quark, GINT_TO_POINTER (1));
}

static void
entry_activate_cb (GtkEntry *entry, AppBudgetPage *self)
{
  commit (self, GTK_WIDGET (entry));
}

static void
entry_leave_cb (GtkEventControllerFocus *controller, AppBudgetPage *self)
{
  commit (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
}

static GtkWidget *
amount_entry_new (AppBudgetPage *self)
{
  GtkWidget *entry = gtk_entry_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_entry_set_has_frame (GTK_ENTRY (entry), FALSE);
  gtk_entry_set_alignment (GTK_ENTRY (entry), 1);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 14);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), 18);
  gtk_widget_add_css_class (entry, "budget-amount");
  g_signal_connect (entry, "changed", G_CALLBACK (entry_changed_cb), self);
  g_signal_connect (entry, "activate", G_CALLBACK (entry_activate_cb), self);
  g_signal_connect (focus, "leave", G_CALLBACK (entry_leave_cb), self);
  gtk_widget_add_controller (entry, focus);
  return entry;
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, AppBudgetPage *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_qdata (G_OBJECT (factory), column_quark));
  GtkWidget *cell;

  if (IS_AMOUNT (column))
    cell = amount_entry_new (self);
  else
    {
      cell = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (cell), column == COLUMN_NAME ? 0 : 1);
      gtk_label_set_ellipsize (GTK_LABEL (cell), PANGO_ELLIPSIZE_END);
      gtk_widget_set_margin_end (cell, 6);
      if (column == COLUMN_NAME)
        gtk_label_set_width_chars (GTK_LABEL (cell), 24);
      if (column == COLUMN_STATUS)
        gtk_label_set_xalign (GTK_LABEL (cell), 0);
    }
  g_object_set_qdata (G_OBJECT (cell), column_quark, GINT_TO_POINTER (column));
  gtk_list_item_set_child (list_item, cell);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, AppBudgetPage *self)
{
  GtkWidget *cell = gtk_list_item_get_child (list_item);

  g_object_set_qdata_full (G_OBJECT (cell), item_quark,
                           g_object_ref (gtk_list_item_get_item (list_item)), g_object_unref);
  g_object_set_qdata (G_OBJECT (cell), dirty_quark, NULL);
  update_cell (self, cell);
  g_ptr_array_add (self->cells, cell);
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, AppBudgetPage *self)
{
  GtkWidget *cell = gtk_list_item_get_child (list_item);

  /* A row scrolled away keeps what was typed in it. */
  if (IS_AMOUNT (GPOINTER_TO_INT (g_object_get_qdata (G_OBJECT (cell), column_quark))))
    commit_amount (self, cell);
  g_object_set_qdata (G_OBJECT (cell), item_quark, NULL);
  g_ptr_array_remove_fast (self->cells, cell);
}

static void
next_quarter_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  AppBudgetPage *self = APP_BUDGET_PAGE (widget);

  app_budget_page_set_quarter (self, self->quarter % PHAEN_QUARTERS + 1);
}

static void
previous_quarter_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  AppBudgetPage *self = APP_BUDGET_PAGE (widget);

  app_budget_page_set_quarter (self, (self->quarter + PHAEN_QUARTERS - 2) % PHAEN_QUARTERS + 1);
}

static void
show_plan_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  AppBudgetPage *self = APP_BUDGET_PAGE (widget);

  if (self->plan_id != 0)
    gtk_widget_activate_action (widget, "win.show-plan", "x", self->plan_id);
}

/* ------------------------------------------------------------------ building */

static GtkColumnViewColumn *
add_column (AppBudgetPage *self, Column column, const char *title)
{
  g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;

  g_object_set_qdata (G_OBJECT (factory), column_quark, GINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell_cb), self);
  view_column = gtk_column_view_column_new (title, g_object_ref (factory));
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_column_set_expand (view_column, column == COLUMN_NAME);
  gtk_column_view_append_column (self->table, view_column);
  g_object_unref (view_column); /* the view holds it */
  return view_column;
}

static GtkLabel *
summary_label (AppBudgetPage *self, const char *text, int column, int line, gboolean header)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), column == 0 ? 0 : 1);
  if (header)
    gtk_widget_add_css_class (label, "heading");
  if (column > 0)
    gtk_label_set_width_chars (GTK_LABEL (label), 9);
  gtk_grid_attach (self->summary, label, column, line, 1, 1);
  return GTK_LABEL (label);
}

static void
build_summary (AppBudgetPage *self)
{
  const char *const labels[APP_BUDGET_N_LINES] = {
    [APP_BUDGET_LINE_ALLOCATED] = _ ("Allocated"),
    [APP_BUDGET_LINE_COMMITTED] = _ ("Committed"),
    [APP_BUDGET_LINE_DISBURSED] = _ ("Disbursed"),
    [APP_BUDGET_LINE_CUMULATIVE] = _ ("Disbursed, cumulative"),
    [APP_BUDGET_LINE_PERCENT] = _ ("Disbursed, cumulative %"),
    [APP_BUDGET_LINE_TARGET] = _ ("Cabinet target, cumulative %"),
    [APP_BUDGET_LINE_SHORTFALL] = _ ("Below target by"),
    [APP_BUDGET_LINE_STATUS] = _ ("Against the target"),
  };

  summary_label (self, "", 0, 0, TRUE);
  for (int q = 1; q <= PHAEN_QUARTERS; q++)
    {
      g_autofree char *name = phaen_quarter_name (q);

      summary_label (self, name, q, 0, TRUE);
    }
  summary_label (self, _ ("Year"), SUMMARY_COLUMNS, 0, TRUE);
  for (guint line = 0; line < APP_BUDGET_N_LINES; line++)
    {
      summary_label (self, labels[line], 0, line + 1, FALSE);
      for (int c = 0; c < SUMMARY_COLUMNS; c++)
        {
          if (line == APP_BUDGET_LINE_TARGET && c < PHAEN_QUARTERS)
            {
              GtkWidget *entry = gtk_entry_new ();
              GtkEventController *focus = gtk_event_controller_focus_new ();
              g_autofree char *quarter = phaen_quarter_name (c + 1);
              g_autofree char *name = g_strdup_printf (_ ("Cabinet target, %s"), quarter);

              gtk_entry_set_alignment (GTK_ENTRY (entry), 1);
              gtk_editable_set_width_chars (GTK_EDITABLE (entry), 5);
              gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), 6);
              gtk_widget_set_halign (entry, GTK_ALIGN_END);
              gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                              name, -1);
              g_object_set_qdata (G_OBJECT (entry), column_quark, GINT_TO_POINTER (c + 1));
              g_signal_connect (entry, "changed", G_CALLBACK (entry_changed_cb), self);
              g_signal_connect (entry, "activate", G_CALLBACK (entry_activate_cb), self);
              g_signal_connect (focus, "leave", G_CALLBACK (entry_leave_cb), self);
              gtk_widget_add_controller (entry, focus);
              gtk_grid_attach (self->summary, entry, c + 1, line + 1, 1, 1);
              self->target_entries[c] = GTK_ENTRY (entry);
              self->summary_cells[line][c] = NULL;
              continue;
            }
          self->summary_cells[line][c] = summary_label (self, "", c + 1, line + 1, FALSE);
        }
    }
}

/* ------------------------------------------------------------------ overrides */

static void
app_budget_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  AppBudgetPage *self = APP_BUDGET_PAGE (object);

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
app_budget_page_set_property (GObject *object,
                              guint prop_id,
                              const GValue *value,
                              GParamSpec *pspec)
{
  AppBudgetPage *self = APP_BUDGET_PAGE (object);

  switch (prop_id)
    {
    case PROP_QUARTER:
      app_budget_page_set_quarter (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
app_budget_page_dispose (GObject *object)
{
  AppBudgetPage *self = APP_BUDGET_PAGE (object);

  g_clear_pointer (&self->refresh, app_page_refresh_free);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (app_budget_page_parent_class)->dispose (object);
}

static void
app_budget_page_finalize (GObject *object)
{
  AppBudgetPage *self = APP_BUDGET_PAGE (object);

  g_clear_object (&self->items);
  g_ptr_array_unref (self->cells);
  g_clear_pointer (&self->view, phaen_budget_view_free);
  g_clear_pointer (&self->chart, phaen_budget_chart_free);
  g_clear_pointer (&self->today, g_date_free);
  g_free (self->unit_abbr);
  G_OBJECT_CLASS (app_budget_page_parent_class)->finalize (object);
}

static void
app_budget_page_class_init (AppBudgetPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = app_budget_page_get_property;
  object_class->set_property = app_budget_page_set_property;
  object_class->dispose = app_budget_page_dispose;
  object_class->finalize = app_budget_page_finalize;

  properties[PROP_QUARTER] =
    g_param_spec_int ("quarter", NULL, NULL, 1, PHAEN_QUARTERS, 1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  column_quark = g_quark_from_static_string ("app-budget-column");
  item_quark = g_quark_from_static_string ("app-budget-item");
  dirty_quark = g_quark_from_static_string ("app-budget-dirty");

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/phaen/Phaen/ui/app-budget-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AppBudgetPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AppBudgetPage, heading);
  gtk_widget_class_bind_template_child (widget_class, AppBudgetPage, note);
  gtk_widget_class_bind_template_child (widget_class, AppBudgetPage, summary);
  gtk_widget_class_bind_template_child (widget_class, AppBudgetPage, chart_area);
  gtk_widget_class_bind_template_child (widget_class, AppBudgetPage, message);
  gtk_widget_class_bind_template_child (widget_class, AppBudgetPage, table);
  gtk_widget_class_install_property_action (widget_class, "budget.quarter", "quarter");
  gtk_widget_class_install_action (widget_class, "budget.next-quarter", NULL, next_quarter_action);
  gtk_widget_class_install_action (widget_class, "budget.previous-quarter", NULL,
                                   previous_quarter_action);
  gtk_widget_class_install_action (widget_class, "budget.show-plan", NULL, show_plan_action);
  app_shortcuts_add_bindings (widget_class);
}

static void
app_budget_page_init (AppBudgetPage *self)
{
  g_autoptr (GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->quarter = 1;
  self->cells = g_ptr_array_new ();
  self->items = g_list_store_new (APP_TYPE_BUDGET_ITEM);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->items)));
  gtk_column_view_set_model (self->table, GTK_SELECTION_MODEL (selection));
  self->columns[COLUMN_NAME] = add_column (self, COLUMN_NAME, _ ("Project or activity"));
  self->columns[COLUMN_ALLOCATED] = add_column (self, COLUMN_ALLOCATED, "");
  self->columns[COLUMN_COMMITTED] = add_column (self, COLUMN_COMMITTED, "");
  self->columns[COLUMN_DISBURSED] = add_column (self, COLUMN_DISBURSED, "");
  self->columns[COLUMN_CUMULATIVE] =
    add_column (self, COLUMN_CUMULATIVE, _ ("Disbursed,\ncumulative"));
  self->columns[COLUMN_PERCENT] = add_column (self, COLUMN_PERCENT, _ ("Share of\nthe year's"));
  self->columns[COLUMN_STATUS] = add_column (self, COLUMN_STATUS, _ ("Against the target"));
  show_column_titles (self);
  build_summary (self);
  gtk_drawing_area_set_draw_func (self->chart_area, draw_chart_cb, self, NULL);
  self->refresh = app_page_refresh_new (GTK_WIDGET (self), PHAEN_RECORDS_BUDGET, reload);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
}

/* ------------------------------------------------------------------ public API */

void
app_budget_page_set_plan (AppBudgetPage *self, PhaenStore *store, gint64 plan_id)
{
  g_return_if_fail (APP_IS_BUDGET_PAGE (self));
  g_return_if_fail (store == NULL || PHAEN_IS_STORE (store));

  if (self->refresh == NULL)
    return; /* disposed */
  app_budget_page_flush (self);
  g_set_object (&self->store, store);
  self->plan_id = store != NULL ? plan_id : 0;
  show_message (self, NULL);
  app_page_refresh_set_store (self->refresh, store);
  if (store == NULL)
    reload (GTK_WIDGET (self));
  else
    app_page_refresh_queue (self->refresh);
}

gint64
app_budget_page_get_plan_id (AppBudgetPage *self)
{
  g_return_val_if_fail (APP_IS_BUDGET_PAGE (self), 0);

  return self->plan_id;
}

int
app_budget_page_get_quarter (AppBudgetPage *self)
{
  g_return_val_if_fail (APP_IS_BUDGET_PAGE (self), 1);

  return self->quarter;
}

void
app_budget_page_set_quarter (AppBudgetPage *self, int quarter)
{
  g_return_if_fail (APP_IS_BUDGET_PAGE (self));
  g_return_if_fail (quarter >= 1 && quarter <= PHAEN_QUARTERS);

  if (quarter == self->quarter)
    return;
  app_budget_page_flush (self);
  self->quarter = quarter;
  show_column_titles (self);
  update_cells (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUARTER]);
}

void
app_budget_page_flush (AppBudgetPage *self)
{
  g_return_if_fail (APP_IS_BUDGET_PAGE (self));

  for (guint i = 0; i < self->cells->len; i++)
    {
      GtkWidget *cell = g_ptr_array_index (self->cells, i);

      if (IS_AMOUNT (GPOINTER_TO_INT (g_object_get_qdata (G_OBJECT (cell), column_quark))))
        commit_amount (self, cell);
    }
  for (int q = 0; q < PHAEN_QUARTERS; q++)
    commit_target (self, GTK_WIDGET (self->target_entries[q]));
}

void
app_budget_page_set_today (AppBudgetPage *self, const GDate *today)
{
  g_return_if_fail (APP_IS_BUDGET_PAGE (self));

  g_clear_pointer (&self->today, g_date_free);
  if (today != NULL)
    {
      self->today = g_date_new ();
      *self->today = *today;
    }
  if (self->store != NULL)
    reload (GTK_WIDGET (self));
}

const PhaenBudgetView *
app_budget_page_get_view (AppBudgetPage *self)
{
  g_return_val_if_fail (APP_IS_BUDGET_PAGE (self), NULL);

  return self->view;
}

const PhaenBudgetChart *
app_budget_page_get_chart (AppBudgetPage *self)
{
  g_return_val_if_fail (APP_IS_BUDGET_PAGE (self), NULL);

  return self->chart;
}

const char *
app_budget_page_get_summary_text (AppBudgetPage *self, guint line, int quarter)
{
  g_return_val_if_fail (APP_IS_BUDGET_PAGE (self), NULL);
  g_return_val_if_fail (line < APP_BUDGET_N_LINES, NULL);
  g_return_val_if_fail (quarter >= 1 && quarter <= SUMMARY_COLUMNS, NULL);

  if (line == APP_BUDGET_LINE_TARGET && quarter <= PHAEN_QUARTERS)
    return gtk_editable_get_text (GTK_EDITABLE (self->target_entries[quarter - 1]));
  return gtk_label_get_text (self->summary_cells[line][quarter - 1]);
}

const char *
app_budget_page_get_message (AppBudgetPage *self)
{
  g_return_val_if_fail (APP_IS_BUDGET_PAGE (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->message)) ? gtk_label_get_text (self->message)
                                                             : NULL;
}

guint
app_budget_page_get_n_chart_draws (AppBudgetPage *self)
{
  g_return_val_if_fail (APP_IS_BUDGET_PAGE (self), 0);

  return self->n_chart_draws;
}

GtkEditable *
app_budget_page_get_amount_entry (AppBudgetPage *self, gint64 activity_id, PhaenBudgetField field)
{
  g_return_val_if_fail (APP_IS_BUDGET_PAGE (self), NULL);

  for (guint i = 0; i < self->cells->len; i++)
    {
      GtkWidget *cell = g_ptr_array_index (self->cells, i);
      AppBudgetItem *item = g_object_get_qdata (G_OBJECT (cell), item_quark);
      Column column = GPOINTER_TO_INT (g_object_get_qdata (G_OBJECT (cell), column_quark));

      if (item != NULL && app_budget_item_get_activity_id (item) == activity_id &&
          IS_AMOUNT (column) && AMOUNT_FIELD (column) == field)
        return GTK_EDITABLE (cell);
    }
  return NULL;
}

GtkEditable *
app_budget_page_get_target_entry (AppBudgetPage *self, int quarter)
{
  g_return_val_if_fail (APP_IS_BUDGET_PAGE (self), NULL);
  g_return_val_if_fail (quarter >= 1 && quarter <= PHAEN_QUARTERS, NULL);

  return GTK_EDITABLE (self->target_entries[quarter - 1]);
}
