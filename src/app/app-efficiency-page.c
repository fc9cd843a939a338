/* app-efficiency-page.c — monthly reporting of the 12-item efficiency plan (OPDC 4.2): achieved
 * outputs, progress text and the rounds' percentage and ผ่าน/ไม่ผ่าน
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-efficiency-page"

#include "config.h"

#include <glib/gi18n.h>
#include <time.h>

#include "app-autosave.h"
#include "app-export.h"
#include "app-efficiency-page.h"
#include "app-page-refresh.h"
#include "phaen-calendar.h"
#include "phaen-efficiency.h"
#include "phaen-score.h"
#include "phaen-thai-text.h"

/* DOMAIN.md §3c: the five types of item; (1)–(3) are group A. */
static const char *const category_names[] = {
  NULL,
  N_ ("(1) Convenience for the public"),
  N_ ("(2) Integration between agencies"),
  N_ ("(3) Preventing and solving corruption"),
  N_ ("(4) Efficiency of the agency"),
  N_ ("(5) Saving resources"),
};

/* seed 004: at least 3 of the 12 items are of group A. */
#define GROUP_A_MINIMUM 3

typedef struct
{
  AppEfficiencyPage *page;
  gint64 id;
  guint position; /* in the plan's order */
  GtkWidget *row;
  GtkLabel *title;
  GtkLabel *subtitle;
  GtkLabel *outputs;
  GtkCheckButton *check;
  GtkLabel *no_output;
  GtkEntry *entry;
  gboolean dirty; /* progress typed since the last save */
} ItemRow;

typedef struct
{
  GtkWidget *card;
  GtkLabel *title;
  GtkLabel *percent;
  GtkLabel *dot;
  GtkLabel *status;
  GtkLabel *detail;
  char *text;
} RoundCard;

struct _AppEfficiencyPage
{
  AdwBin parent_instance;

  AppPageRefresh *refresh; /* follows "changed" while the page is on screen */

  GtkStack *stack;
  GtkWidget *month_buttons;
  GtkWidget *rounds_box;
  GtkLabel *group_label;
  GtkLabel *month_label;
  GtkListBox *items_list;

  PhaenStore *store;
  gint64 plan_id;
  PhaenPlan *plan;
  GPtrArray *items; /* (element-type PhaenActivity) the plan's top-level items */
  GPtrArray *rows;  /* (element-type ItemRow) one per item, in order; owned by their widgets */
  RoundCard rounds[PHAEN_EFFICIENCY_ROUNDS];
  int month;
  int n_months;          /* month buttons shown */
  AppAutosave *autosave; /* a pause in typing saves the progress typed */
  GDate *today;          /* rounds not ended by this day are in progress; NULL: the clock's */
  gboolean loading;
};

G_DEFINE_FINAL_TYPE (AppEfficiencyPage, app_efficiency_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_MONTH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void month_notify (AppEfficiencyPage *self);

/* ------------------------------------------------------------------ helpers */

static GtkLabel *
new_label (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return GTK_LABEL (label);
}

static int
total_months (const PhaenPlan *plan)
{
  return MIN (PHAEN_FISCAL_MONTHS + MAX (plan->extra_months, 0), PHAEN_MAX_MONTHS);
}

static const PhaenActivity *
find_item (AppEfficiencyPage *self, gint64 id)
{
  for (guint i = 0; self->items != NULL && i < self->items->len; i++)
    {
      const PhaenActivity *item = g_ptr_array_index (self->items, i);

      if (item->id == id)
        return item;
    }
  return NULL;
}

static ItemRow *
find_row (AppEfficiencyPage *self, gint64 id)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      ItemRow *row = g_ptr_array_index (self->rows, i);

      if (row->id == id)
        return row;
    }
  return NULL;
}

static void
row_save (ItemRow *row)
{
  AppEfficiencyPage *self = row->page;
  const PhaenActivity *item = find_item (self, row->id);
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  const char *stored;

  if (!row->dirty || item == NULL || self->store == NULL)
    return;
  row->dirty = FALSE;
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row->entry))));
  stored = item->month_progress[self->month] != NULL ? item->month_progress[self->month] : "";
  if (g_str_equal (text, stored))
    return;
  if (!phaen_store_set_month_progress (self->store, row->id, self->month, text, &error))
    app_toast (GTK_WIDGET (self), error->message);
}

/* `ม.ค.61 ●, มิ.ย.61 ○`: the item's planned outputs over the year, achieved ones filled. */
static char *
outputs_text (AppEfficiencyPage *self, const PhaenActivity *item)
{
  g_autoptr (GString) text = g_string_new (NULL);

  PhaenEfficiencyOutput outputs[PHAEN_MAX_MONTHS];
  guint n = phaen_efficiency_item_outputs (item, outputs);

  for (guint k = 0; k < n; k++)
    {
      const PhaenEfficiencyOutput *output = &outputs[k];
      g_autofree char *header = NULL;

      if (output->planned_month >= total_months (self->plan))
        continue;
      header = phaen_fiscal_month_label (self->plan->fiscal_year, output->planned_month);
      g_string_append_printf (text, "%s%s %s", text->len > 0 ? ", " : "", header,
                              output->achieved_month >= 0 ? "●" : "○");
      if (output->achieved_month > output->planned_month)
        {
          g_autofree char *late =
            phaen_fiscal_month_label (self->plan->fiscal_year, output->achieved_month);

          g_string_append_printf (text, _ (" (achieved late, in %s)"), late);
        }
    }
  if (text->len == 0)
    return g_strdup (_ ("Planned outputs: none marked in the plan yet"));
  return g_strdup_printf (_ ("Planned outputs: %s"), text->str);
}

static void
fill_row (AppEfficiencyPage *self, ItemRow *row, const PhaenActivity *item)
{
  const int m = self->month;
  /* A ● in this month achieves the item's first output still due: planned this month, or
   * planned earlier and late (phaen-efficiency.c). */
  const gboolean achieved = (item->marks[m] & PHAEN_MARK_ACHIEVED) != 0;
  const int due =
    achieved ? phaen_efficiency_achieved_for (item, m) : phaen_efficiency_due_output (item, m);
  const gboolean has_output = due >= 0;
  g_autofree char *title = g_strdup_printf ("%s. %s", item->number, item->name);
  g_autofree char *outputs = outputs_text (self, item);
  g_autoptr (GString) subtitle = g_string_new (NULL);

  if (item->category >= 1 && item->category < (int)G_N_ELEMENTS (category_names))
    g_string_append (subtitle, _ (category_names[item->category]));
  if (!phaen_text_is_blank (item->output))
    g_string_append_printf (subtitle, _ ("%sOutput: %s"), subtitle->len > 0 ? " · " : "",
                            item->output);

  gtk_label_set_text (row->title, title);
  gtk_label_set_text (row->subtitle, subtitle->str);
  gtk_widget_set_visible (GTK_WIDGET (row->subtitle), subtitle->len > 0);
  gtk_label_set_text (row->outputs, outputs);
  if (has_output && due < m)
    {
      g_autofree char *planned = phaen_fiscal_month_header (self->plan->fiscal_year, due, FALSE);
      g_autofree char *label =
        g_strdup_printf (_ ("Output planned in %s achieved this month (late)"), planned);

      gtk_check_button_set_label (row->check, label);
    }
  else
    gtk_check_button_set_label (row->check, _ ("Output achieved this month"));
  gtk_widget_set_visible (GTK_WIDGET (row->check), has_output);
  gtk_widget_set_visible (GTK_WIDGET (row->no_output), !has_output);
  gtk_check_button_set_active (row->check, has_output && achieved);
  if (!row->dirty)
    {
      const char *progress = item->month_progress[m] != NULL ? item->month_progress[m] : "";
      const char *shown = gtk_editable_get_text (GTK_EDITABLE (row->entry));
      g_autofree char *stripped = g_strstrip (g_strdup (shown));

      /* What a pause in typing saved comes back stripped: the entry being typed in keeps its
       * spaces and its cursor. */
      if (!g_str_equal (shown, progress) &&
          !(app_autosave_is_typing (GTK_WIDGET (row->entry)) && g_str_equal (stripped, progress)))
        gtk_editable_set_text (GTK_EDITABLE (row->entry), progress);
    }
}

/* ------------------------------------------------------------------ row callbacks */

static void
row_check_toggled_cb (GtkCheckButton *check, ItemRow *row)
{
  AppEfficiencyPage *self = row->page;
  const PhaenActivity *item = find_item (self, row->id);
  g_autoptr (GError) error = NULL;
  guint marks;

  if (self->loading || item == NULL || self->store == NULL)
    return;
  marks = item->marks[self->month];
  if (gtk_check_button_get_active (check))
    marks |= PHAEN_MARK_ACHIEVED;
  else
    marks &= ~(guint)PHAEN_MARK_ACHIEVED;
  if (marks == item->marks[self->month])
    return;
  if (!phaen_store_set_month_marks (self->store, row->id, self->month, marks, &error))
    {
      app_toast (GTK_WIDGET (self), error->message);
      self->loading = TRUE;
      gtk_check_button_set_active (check, !gtk_check_button_get_active (check));
      self->loading = FALSE;
    }
}

static void
row_entry_changed_cb (GtkEditable *entry, ItemRow *row)
{
  if (row->page->loading)
    return;
  row->dirty = TRUE;
  app_autosave_changed (row->page->autosave);
}

static void
autosave_cb (gpointer user_data)
{
  AppEfficiencyPage *self = user_data;

  for (guint i = 0; i < self->rows->len; i++)
    row_save (g_ptr_array_index (self->rows, i));
}

static void
row_entry_activate_cb (GtkEntry *entry, ItemRow *row)
{
  row_save (row);
}

static void
row_focus_leave_cb (GtkEventControllerFocus *controller, ItemRow *row)
{
  row_save (row);
}

/* An output is planned this month, or an earlier one is still due (or was achieved late in
 * this month). */
static gboolean
has_output (AppEfficiencyPage *self, const ItemRow *row)
{
  const PhaenActivity *item = find_item (self, row->id);

  return item != NULL && ((item->marks[self->month] & PHAEN_MARK_ACHIEVED) ||
                          phaen_efficiency_due_output (item, self->month) >= 0);
}

/* The month's outputs first: they are what the officer reports on; the plan's order within. */
static int
sort_rows_cb (GtkListBoxRow *a, GtkListBoxRow *b, gpointer user_data)
{
  AppEfficiencyPage *self = user_data;
  const ItemRow *x = g_object_get_data (G_OBJECT (a), "item-row");
  const ItemRow *y = g_object_get_data (G_OBJECT (b), "item-row");
  int by_output = (int)has_output (self, y) - (int)has_output (self, x);

  if (by_output != 0)
    return by_output;
  return x->position < y->position ? -1 : x->position > y->position;
}

static ItemRow *
row_new (AppEfficiencyPage *self, gint64 id, guint position)
{
  ItemRow *row = g_new0 (ItemRow, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkEventController *focus = gtk_event_controller_focus_new ();

  row->page = self;
  row->id = id;
  row->position = position;
  row->row = gtk_list_box_row_new ();
  row->title = new_label ("heading");
  row->subtitle = new_label ("dim-label");
  row->outputs = new_label ("caption");
  row->check =
    GTK_CHECK_BUTTON (gtk_check_button_new_with_label (_ ("Output achieved this month")));
  row->no_output = new_label ("dim-label");
  gtk_label_set_text (row->no_output, _ ("No output planned this month"));
  row->entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (row->entry, _ ("Progress this month"));
  gtk_widget_set_hexpand (GTK_WIDGET (row->entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Progress this month"), -1);

  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->title));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->subtitle));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->outputs));
  gtk_box_append (GTK_BOX (line), GTK_WIDGET (row->check));
  gtk_box_append (GTK_BOX (line), GTK_WIDGET (row->no_output));
  gtk_box_append (GTK_BOX (line), GTK_WIDGET (row->entry));
  gtk_box_append (GTK_BOX (box), line);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row->row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row->row), FALSE);
  /* The row's handlers read @row: it lives as long as its widget. */
  g_object_set_data_full (G_OBJECT (row->row), "item-row", row, g_free);

  g_signal_connect (row->check, "toggled", G_CALLBACK (row_check_toggled_cb), row);
  g_signal_connect (row->entry, "changed", G_CALLBACK (row_entry_changed_cb), row);
  g_signal_connect (row->entry, "activate", G_CALLBACK (row_entry_activate_cb), row);
  g_signal_connect (focus, "leave", G_CALLBACK (row_focus_leave_cb), row);
  gtk_widget_add_controller (GTK_WIDGET (row->entry), focus);
  return row;
}

static void
remove_rows (AppEfficiencyPage *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    gtk_list_box_remove (self->items_list, ((ItemRow *)g_ptr_array_index (self->rows, i))->row);
  g_ptr_array_set_size (self->rows, 0);
}

static gboolean
rows_match (AppEfficiencyPage *self)
{
  if (self->rows->len != self->items->len)
    return FALSE;
  for (guint i = 0; i < self->items->len; i++)
    if (((ItemRow *)g_ptr_array_index (self->rows, i))->id !=
        ((PhaenActivity *)g_ptr_array_index (self->items, i))->id)
      return FALSE;
  return TRUE;
}

static void
round_card_init (RoundCard *card)
{
  GtkWidget *status_line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  card->card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (card->card, "card");
  gtk_widget_add_css_class (card->card, "round-card");
  card->title = new_label ("heading");
  card->percent = new_label ("title-1");
  card->dot = GTK_LABEL (gtk_label_new ("●"));
  gtk_widget_add_css_class (GTK_WIDGET (card->dot), "status-dot");
  card->status = new_label ("title-4");
  card->detail = new_label ("dim-label");
  gtk_box_append (GTK_BOX (status_line), GTK_WIDGET (card->dot));
  gtk_box_append (GTK_BOX (status_line), GTK_WIDGET (card->status));
  gtk_box_append (GTK_BOX (card->card), GTK_WIDGET (card->title));
  gtk_box_append (GTK_BOX (card->card), GTK_WIDGET (card->percent));
  gtk_box_append (GTK_BOX (card->card), status_line);
  gtk_box_append (GTK_BOX (card->card), GTK_WIDGET (card->detail));
}

/* A round's result from phaen_efficiency_round(): the percentage and ผ่าน/ไม่ผ่าน in words, the
 * colour only repeats them. */
static void
show_round (AppEfficiencyPage *self, RoundCard *card, int round)
{
  g_autoptr (GError) error = NULL;
  PhaenEfficiencyRound result;
  GDate as_of;
  g_autofree char *first = phaen_fiscal_month_label (self->plan->fiscal_year, 0);
  g_autofree char *last = NULL;
  g_autofree char *title = NULL;
  g_autofree char *percent = NULL;
  g_autofree char *detail = NULL;
  const char *status;

  /* As of the last month reported: a round the report has not reached the end of is in
   * progress, as is one the calendar has not (DOMAIN §3c). */
  phaen_efficiency_as_of (self->plan->fiscal_year,
                          phaen_efficiency_last_reported_month (self->items), self->today, &as_of);
  if (!phaen_efficiency_round (self->items, self->plan->fiscal_year, round,
                               PHAEN_PASS_PERCENT_DEFAULT, &as_of, &result, &error))
    {
      app_toast (GTK_WIDGET (self), error->message);
      return;
    }
  last = phaen_fiscal_month_label (self->plan->fiscal_year, result.months - 1);
  title = g_strdup_printf (_ ("Round %d · %d months (%s – %s)"), round, result.months, first, last);
  gtk_label_set_text (card->title, title);
  gtk_widget_remove_css_class (GTK_WIDGET (card->dot), "status-green");
  gtk_widget_remove_css_class (GTK_WIDGET (card->dot), "status-red");
  gtk_widget_remove_css_class (GTK_WIDGET (card->dot), "status-none");
  if (result.has_score)
    {
      g_autofree char *number = phaen_format_number (result.percent, 2, PHAEN_NUMBER_TRIM_ZEROS);
      g_autofree char *pass =
        phaen_format_number (PHAEN_PASS_PERCENT_DEFAULT, 2, PHAEN_NUMBER_TRIM_ZEROS);

      g_autoptr (GString) text = g_string_new (NULL);

      percent = g_strdup_printf ("%s %%", number);
      g_string_printf (text, _ ("%u of %u planned outputs achieved; passes at %s %%"),
                       result.achieved, result.planned, pass);
      if (result.late > 0)
        g_string_append_printf (
          text, ngettext (" (%u of them late)", " (%u of them late)", result.late), result.late);
      detail = g_string_free (g_steal_pointer (&text), FALSE);
      /* DOMAIN §3c: a round that has not ended is in progress, never ไม่ผ่าน. */
      if (result.in_progress)
        {
          status = _ ("In progress");
          gtk_widget_add_css_class (GTK_WIDGET (card->dot), "status-none");
        }
      else
        {
          status = result.passed ? _ ("Passed") : _ ("Not passed");
          gtk_widget_add_css_class (GTK_WIDGET (card->dot),
                                    result.passed ? "status-green" : "status-red");
        }
    }
  else
    {
      percent = g_strdup ("-");
      status = result.in_progress ? _ ("In progress · nothing planned yet")
                                  : _ ("Nothing planned in this round");
      detail = g_strdup (_ ("Mark ○ output months in the plan's grid."));
      gtk_widget_add_css_class (GTK_WIDGET (card->dot), "status-none");
    }
  gtk_label_set_text (card->percent, percent);
  gtk_label_set_text (card->status, status);
  gtk_label_set_text (card->detail, detail);
  g_free (card->text);
  card->text = g_strdup_printf ("%s · %s", percent, status);
}

static void
build_month_buttons (AppEfficiencyPage *self)
{
  GtkWidget *child;
  int n = self->plan != NULL ? total_months (self->plan) : 0;

  if (n == self->n_months)
    return;
  while ((child = gtk_widget_get_first_child (self->month_buttons)) != NULL)
    gtk_box_remove (GTK_BOX (self->month_buttons), child);
  for (int m = 0; m < n; m++)
    {
      g_autofree char *label = phaen_fiscal_month_label (self->plan->fiscal_year, m);
      GtkWidget *button = gtk_toggle_button_new_with_label (label);

      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "efficiency.month");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "i", m);
      gtk_box_append (GTK_BOX (self->month_buttons), button);
    }
  self->n_months = n;
}

/* The month with the first output still to achieve: what the officer reports next. */
static int
month_to_report (AppEfficiencyPage *self)
{
  for (int m = 0; m < total_months (self->plan); m++)
    for (guint i = 0; i < self->items->len; i++)
      {
        const PhaenActivity *item = g_ptr_array_index (self->items, i);

        PhaenEfficiencyOutput outputs[PHAEN_MAX_MONTHS];
        guint n = phaen_efficiency_item_outputs (item, outputs);

        for (guint k = 0; k < n; k++)
          if (outputs[k].planned_month == m && outputs[k].achieved_month < 0)
            return m;
      }
  return 0;
}

static void
show_month (AppEfficiencyPage *self)
{
  g_autofree char *header = phaen_fiscal_month_label (self->plan->fiscal_year, self->month);
  g_autofree char *text = NULL;
  guint planned = 0, achieved = 0;

  for (guint i = 0; i < self->items->len; i++)
    {
      const PhaenActivity *item = g_ptr_array_index (self->items, i);

      planned += (item->marks[self->month] & PHAEN_MARK_OUTPUT) != 0;
      /* Achieved this month, on plan or late. */
      achieved += phaen_efficiency_achieved_for (item, self->month) >= 0;
    }
  text = g_strdup_printf (_ ("Report of %s: %u outputs planned, %u achieved"), header, planned,
                          achieved);
  gtk_label_set_text (self->month_label, text);

  self->loading = TRUE;
  for (guint i = 0; i < self->rows->len; i++)
    fill_row (self, g_ptr_array_index (self->rows, i), g_ptr_array_index (self->items, i));
  self->loading = FALSE;
  gtk_list_box_invalidate_sort (self->items_list);
}

static void
reload_full (AppEfficiencyPage *self, gboolean new_plan)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) activities = NULL;
  g_autofree char *group = NULL;
  guint group_a;

  g_clear_pointer (&self->plan, phaen_plan_free);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  if (self->store == NULL || self->plan_id == 0)
    {
      remove_rows (self);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  self->plan = phaen_store_get_plan (self->store, self->plan_id, &error);
  if (self->plan != NULL)
    activities = phaen_store_list_activities (self->store, self->plan_id, &error);
  if (activities == NULL)
    {
      /* The plan went away (an undo of its creation): the window moves elsewhere. */
      g_clear_pointer (&self->plan, phaen_plan_free);
      remove_rows (self);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  /* Only the top-level items are the plan's outputs (phaen-efficiency.c). */
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify)phaen_activity_free);
  for (guint i = 0; i < activities->len; i++)
    if (((PhaenActivity *)g_ptr_array_index (activities, i))->parent_id == 0)
      g_ptr_array_add (self->items, g_steal_pointer (&g_ptr_array_index (activities, i)));
  if (self->items->len == 0)
    {
      remove_rows (self);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  build_month_buttons (self);
  if (new_plan)
    {
      self->month = month_to_report (self);
      month_notify (self);
    }
  self->month = MIN (self->month, total_months (self->plan) - 1);

  for (int r = 0; r < PHAEN_EFFICIENCY_ROUNDS; r++)
    show_round (self, &self->rounds[r], r + 1);
  group_a = phaen_efficiency_count_group_a (self->items);
  group = g_strdup_printf (_ ("%u of %u items are of group A, types (1)–(3); at least %d must be."),
                           group_a, self->items->len, GROUP_A_MINIMUM);
  gtk_label_set_text (self->group_label, group);
  if (group_a < GROUP_A_MINIMUM)
    gtk_widget_add_css_class (GTK_WIDGET (self->group_label), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->group_label), "warning");

  if (!rows_match (self))
    {
      remove_rows (self);
      for (guint i = 0; i < self->items->len; i++)
        {
          ItemRow *row =
            row_new (self, ((PhaenActivity *)g_ptr_array_index (self->items, i))->id, i);

          g_ptr_array_add (self->rows, row);
          gtk_list_box_append (self->items_list, row->row);
        }
    }
  show_month (self);
  gtk_stack_set_visible_child_name (self->stack, "report");
}

static void
reload (AppEfficiencyPage *self)
{
  reload_full (self, FALSE);
}

static void
month_notify (AppEfficiencyPage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MONTH]);
}

static void
refresh_cb (GtkWidget *page)
{
  reload (APP_EFFICIENCY_PAGE (page));
}

/* ------------------------------------------------------------------ overrides */

static void
app_efficiency_page_dispose (GObject *object)
{
  AppEfficiencyPage *self = APP_EFFICIENCY_PAGE (object);

  app_efficiency_page_set_plan (self, NULL, 0);
  g_clear_pointer (&self->autosave, app_autosave_free);
  g_clear_pointer (&self->refresh, app_page_refresh_free);
  G_OBJECT_CLASS (app_efficiency_page_parent_class)->dispose (object);
}

static void
app_efficiency_page_finalize (GObject *object)
{
  AppEfficiencyPage *self = APP_EFFICIENCY_PAGE (object);

  g_ptr_array_unref (self->rows);
  g_clear_pointer (&self->today, g_date_free);
  for (int r = 0; r < PHAEN_EFFICIENCY_ROUNDS; r++)
    g_free (self->rounds[r].text);
  G_OBJECT_CLASS (app_efficiency_page_parent_class)->finalize (object);
}

static void
app_efficiency_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  AppEfficiencyPage *self = APP_EFFICIENCY_PAGE (object);

  switch (prop_id)
    {
    case PROP_MONTH:
      g_value_set_int (value, self->month);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
app_efficiency_page_set_property (GObject *object,
                                  guint prop_id,
                                  const GValue *value,
                                  GParamSpec *pspec)
{
  AppEfficiencyPage *self = APP_EFFICIENCY_PAGE (object);

  switch (prop_id)
    {
    case PROP_MONTH:
      app_efficiency_page_set_month (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
app_efficiency_page_class_init (AppEfficiencyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = app_efficiency_page_dispose;
  object_class->finalize = app_efficiency_page_finalize;
  object_class->get_property = app_efficiency_page_get_property;
  object_class->set_property = app_efficiency_page_set_property;

  properties[PROP_MONTH] =
    g_param_spec_int ("month", NULL, NULL, 0, PHAEN_MAX_MONTHS - 1, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/phaen/Phaen/ui/app-efficiency-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AppEfficiencyPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AppEfficiencyPage, month_buttons);
  gtk_widget_class_bind_template_child (widget_class, AppEfficiencyPage, rounds_box);
  gtk_widget_class_bind_template_child (widget_class, AppEfficiencyPage, group_label);
  gtk_widget_class_bind_template_child (widget_class, AppEfficiencyPage, month_label);
  gtk_widget_class_bind_template_child (widget_class, AppEfficiencyPage, items_list);
  gtk_widget_class_install_property_action (widget_class, "efficiency.month", "month");
}

static void
app_efficiency_page_init (AppEfficiencyPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->refresh =
    app_page_refresh_new (GTK_WIDGET (self), PHAEN_RECORDS_PLAN | PHAEN_RECORD_UNIT, refresh_cb);
  self->rows = g_ptr_array_new ();
  self->autosave = app_autosave_new (autosave_cb, self);
  self->today = g_date_new ();
  g_date_set_time_t (self->today, time (NULL));
  gtk_list_box_set_sort_func (self->items_list, sort_rows_cb, self, NULL);
  for (int r = 0; r < PHAEN_EFFICIENCY_ROUNDS; r++)
    {
      round_card_init (&self->rounds[r]);
      gtk_box_append (GTK_BOX (self->rounds_box), self->rounds[r].card);
    }
}

/* ------------------------------------------------------------------ public API */

void
app_efficiency_page_set_plan (AppEfficiencyPage *self, PhaenStore *store, gint64 plan_id)
{
  g_return_if_fail (APP_IS_EFFICIENCY_PAGE (self));
  g_return_if_fail (store == NULL || PHAEN_IS_STORE (store));

  if (self->store == store && self->plan_id == plan_id)
    return;
  app_efficiency_page_flush (self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  app_page_refresh_set_store (self->refresh, NULL);
  remove_rows (self);
  g_set_object (&self->store, store);
  self->plan_id = store != NULL ? plan_id : 0;
  self->n_months = -1; /* the month buttons follow the plan's year and length */
  if (store != NULL)
    app_page_refresh_set_store (self->refresh, self->store);
  reload_full (self, TRUE);
}

int
app_efficiency_page_get_month (AppEfficiencyPage *self)
{
  g_return_val_if_fail (APP_IS_EFFICIENCY_PAGE (self), 0);

  return self->month;
}

void
app_efficiency_page_set_month (AppEfficiencyPage *self, int month)
{
  g_return_if_fail (APP_IS_EFFICIENCY_PAGE (self));
  g_return_if_fail (month >= 0 && month < PHAEN_MAX_MONTHS);

  if (self->month == month)
    return;
  app_efficiency_page_flush (self);
  self->month = self->plan != NULL ? MIN (month, total_months (self->plan) - 1) : month;
  if (self->plan != NULL && self->items != NULL)
    show_month (self);
  month_notify (self);
}

void
app_efficiency_page_flush (AppEfficiencyPage *self)
{
  g_return_if_fail (APP_IS_EFFICIENCY_PAGE (self));

  app_autosave_cancel (self->autosave);
  for (guint i = 0; i < self->rows->len; i++)
    row_save (g_ptr_array_index (self->rows, i));
}

const char *
app_efficiency_page_get_round_text (AppEfficiencyPage *self, int round)
{
  g_return_val_if_fail (APP_IS_EFFICIENCY_PAGE (self), NULL);
  g_return_val_if_fail (round >= 1 && round <= PHAEN_EFFICIENCY_ROUNDS, NULL);

  return self->rounds[round - 1].text;
}

/* The day the rounds are judged on (tests fix it); %NULL returns to the system's date. */
void
app_efficiency_page_set_today (AppEfficiencyPage *self, const GDate *today)
{
  g_return_if_fail (APP_IS_EFFICIENCY_PAGE (self));

  g_clear_pointer (&self->today, g_date_free);
  self->today = g_date_new ();
  if (today != NULL)
    *self->today = *today;
  else
    g_date_set_time_t (self->today, time (NULL));
  if (self->plan != NULL && self->items != NULL)
    for (int r = 0; r < PHAEN_EFFICIENCY_ROUNDS; r++)
      show_round (self, &self->rounds[r], r + 1);
}

GtkCheckButton *
app_efficiency_page_get_achieved_check (AppEfficiencyPage *self, gint64 activity_id)
{
  ItemRow *row;

  g_return_val_if_fail (APP_IS_EFFICIENCY_PAGE (self), NULL);

  row = find_row (self, activity_id);
  return row != NULL ? row->check : NULL;
}

GtkEditable *
app_efficiency_page_get_progress_entry (AppEfficiencyPage *self, gint64 activity_id)
{
  ItemRow *row;

  g_return_val_if_fail (APP_IS_EFFICIENCY_PAGE (self), NULL);

  row = find_row (self, activity_id);
  return row != NULL ? GTK_EDITABLE (row->entry) : NULL;
}
