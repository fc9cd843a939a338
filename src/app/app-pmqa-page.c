/* app-pmqa-page.c — PMQA 4.0 category 7: results of three years, % success, scores, means
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-pmqa-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "app-a11y.h"
#include "app-autosave.h"
#include "app-export.h"
#include "app-pmqa-page.h"
#include "app-page-refresh.h"
#include "phaen-error.h"
#include "phaen-pmqa.h"
#include "phaen-thai-text.h"
#include "phaen-xlsx.h"

/* The scores an indicator can be given (seed 001; the engine's scale also suggests 400). */
static const double score_choices[] = { 100, 200, 300, 400, 500 };

/* Sub-item names as seed 001 prints them. */
static const struct
{
  const char *code;
  const char *name; /* N_() */
} group_infos[APP_PMQA_N_GROUPS] = {
  { "7.1", N_ ("Results of the mission indicators") },
  { "7.2", N_ ("Results of the indicators on service recipients and the public") },
  { "7.3", N_ ("Results of the indicators on staff development") },
  { "7.4", N_ ("Results of the indicators on being a role model") },
  { "7.5", N_ ("Results of the indicators on economic, social, health and environmental impact") },
  { "7.6", N_ ("Results of process management effectiveness") },
};

typedef enum
{
  CELL_TARGET,
  CELL_VALUE,
  CELL_NOTE,
} CellKind;

/* The widgets of one indicator's row, kept while the set of indicators stays the same so a
 * change elsewhere never rebuilds the cell under the cursor. */
typedef struct
{
  gint64 indicator_id;
  int year[PHAEN_PMQA_YEARS];
  GtkWidget *name_label;
  GtkWidget *warning_label;
  GtkWidget *target_entry;
  GtkWidget *value_entry[PHAEN_PMQA_YEARS];
  GtkWidget *percent_label;
  GtkWidget *suggested_label;
  GtkWidget *score_dropdown;
  GtkWidget *note_entry;
} RowView;

typedef struct
{
  char *group;
  GtkWidget *mean_label;
  char *mean_text;
} GroupView;

struct _AppPmqaPage
{
  AdwBin parent_instance;

  AppPageRefresh *refresh; /* follows "changed" while the page is on screen */

  GtkStack *stack;
  GtkLabel *mean_label;
  GtkSpinner *spinner;
  GtkWidget *groups_box;

  PhaenStore *store;
  gint64 unit_id;
  int fiscal_year;
  char *layout;      /* the groups and indicator ids the widgets were built for */
  GPtrArray *rows;   /* (element-type RowView) */
  GPtrArray *groups; /* (element-type GroupView) */
  char *mean_text;
  GCancellable *cancellable;
  AppAutosave *autosave; /* a pause in typing saves the cells typed in */
  gboolean busy;
  gboolean loading; /* the page itself is filling its cells */
};

G_DEFINE_FINAL_TYPE (AppPmqaPage, app_pmqa_page, ADW_TYPE_BIN)

/* ------------------------------------------------------------------ sub-items */

const char *
app_pmqa_group_code (int index)
{
  g_return_val_if_fail (index >= 0 && index < APP_PMQA_N_GROUPS, NULL);

  return group_infos[index].code;
}

char *
app_pmqa_group_title (const char *group)
{
  for (guint i = 0; i < G_N_ELEMENTS (group_infos); i++)
    if (g_strcmp0 (group, group_infos[i].code) == 0)
      return g_strdup_printf ("%s %s", group, _ (group_infos[i].name));
  return g_strdup (group != NULL ? group : "7");
}

/* ------------------------------------------------------------------ helpers */

static void
group_view_free (GroupView *view)
{
  g_free (view->group);
  g_free (view->mean_text);
  g_free (view);
}

static char *
mean_text (const PhaenScore *score)
{
  return score->has_score ? phaen_format_number (score->score, 2, PHAEN_NUMBER_PLAIN)
                          : g_strdup ("-");
}

static RowView *
find_row (AppPmqaPage *self, gint64 indicator_id)
{
  for (guint i = 0; self->rows != NULL && i < self->rows->len; i++)
    {
      RowView *row = g_ptr_array_index (self->rows, i);

      if (row->indicator_id == indicator_id)
        return row;
    }
  return NULL;
}

static char *
layout_of (const PhaenPmqaTable *table)
{
  GString *layout = g_string_new (NULL);

  for (guint g = 0; g < table->groups->len; g++)
    {
      const PhaenPmqaGroup *group = g_ptr_array_index (table->groups, g);

      g_string_append_printf (layout, "%s:", group->group);
      for (guint r = 0; r < group->rows->len; r++)
        g_string_append_printf (
          layout, "%" G_GINT64_FORMAT ",",
          ((const PhaenPmqaRow *)g_ptr_array_index (group->rows, r))->indicator->id);
      g_string_append_c (layout, ';');
    }
  return g_string_free (layout, FALSE);
}

static gboolean
cell_dirty (GtkWidget *entry)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (entry), "dirty"));
}

static void
set_cell_dirty (GtkWidget *entry, gboolean dirty)
{
  g_object_set_data (G_OBJECT (entry), "dirty", GINT_TO_POINTER (dirty));
}

static void
set_entry (GtkWidget *entry, gboolean has_value, double value)
{
  g_autofree char *text =
    has_value ? phaen_format_number (value, 6, PHAEN_NUMBER_TRIM_ZEROS) : g_strdup ("");

  if (cell_dirty (entry))
    return;
  gtk_widget_remove_css_class (entry, "error");
  if (app_autosave_is_typing (entry))
    {
      gboolean shown_has = FALSE;
      double shown = 0;

      /* A pause in typing saved "1." as 1: the cell being typed in keeps its text and cursor. */
      if (phaen_parse_optional_number (gtk_editable_get_text (GTK_EDITABLE (entry)), &shown_has,
                                       &shown, NULL) &&
          shown_has == has_value && (!has_value || shown == value))
        return;
    }
  if (!g_str_equal (gtk_editable_get_text (GTK_EDITABLE (entry)), text))
    gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

static void
set_text_entry (GtkWidget *entry, const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  if (cell_dirty (entry))
    return;
  if (app_autosave_is_typing (entry) && g_str_equal (stripped, text != NULL ? text : ""))
    return;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), text != NULL ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
}

static int
choice_of (double score)
{
  for (guint i = 0; i < G_N_ELEMENTS (score_choices); i++)
    if (fabs (score_choices[i] - score) < 1e-9)
      return (int)i;
  return -1;
}

/* ------------------------------------------------------------------ saving cells */

static gboolean
commit_cell (AppPmqaPage *self, GtkWidget *entry, GError **error)
{
  gint64 indicator_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (entry), "indicator"));
  CellKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (entry), "kind"));
  int year = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (entry), "year"));
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  g_autoptr (PhaenIndicator) indicator = NULL;
  gboolean has_value = FALSE;
  double value = 0;

  if (self->store == NULL || !cell_dirty (entry))
    return TRUE;
  if (kind != CELL_NOTE && !phaen_parse_optional_number (text, &has_value, &value, error))
    {
      gtk_widget_add_css_class (entry, "error");
      return FALSE;
    }
  set_cell_dirty (entry, FALSE);
  gtk_widget_remove_css_class (entry, "error");
  if (kind == CELL_VALUE)
    {
      double stored = 0;
      gboolean had = phaen_store_get_pmqa_value (self->store, indicator_id, year, &stored);

      if (had == has_value && (!has_value || stored == value))
        return TRUE;
      return phaen_store_set_pmqa_value (self->store, indicator_id, year, has_value, value, error);
    }

  indicator = phaen_store_get_indicator (self->store, indicator_id, error);
  if (indicator == NULL)
    return FALSE;
  if (kind == CELL_TARGET)
    {
      if (indicator->has_pmqa_target == has_value &&
          (!has_value || indicator->pmqa_target == value))
        return TRUE;
      indicator->has_pmqa_target = has_value;
      indicator->pmqa_target = has_value ? value : 0;
    }
  else
    {
      if (g_strcmp0 (indicator->pmqa_note != NULL ? indicator->pmqa_note : "", text) == 0)
        return TRUE;
      g_free (indicator->pmqa_note);
      indicator->pmqa_note = g_steal_pointer (&text);
    }
  return phaen_store_update_indicator (self->store, indicator, error);
}

static void
commit_and_report (AppPmqaPage *self, GtkWidget *entry)
{
  g_autoptr (GError) error = NULL;

  if (!commit_cell (self, entry, &error))
    app_toast (GTK_WIDGET (self), error->message);
}

static void
cell_changed_cb (GtkEditable *entry, AppPmqaPage *self)
{
  if (self->loading)
    return;
  set_cell_dirty (GTK_WIDGET (entry), TRUE);
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  app_autosave_changed (self->autosave);
}

/* A pause in typing: a cell that is not a number yet is marked and waits for Enter or leaving it
 * to say why. */
static void
autosave_cb (gpointer user_data)
{
  AppPmqaPage *self = user_data;

  for (guint i = 0; self->rows != NULL && i < self->rows->len; i++)
    {
      RowView *row = g_ptr_array_index (self->rows, i);
      GtkWidget *cells[2 + PHAEN_PMQA_YEARS] = { row->target_entry, row->note_entry };

      for (int y = 0; y < PHAEN_PMQA_YEARS; y++)
        cells[2 + y] = row->value_entry[y];
      for (guint c = 0; c < G_N_ELEMENTS (cells); c++)
        {
          g_autoptr (GError) error = NULL;

          if (!commit_cell (self, cells[c], &error) &&
              !g_error_matches (error, PHAEN_ERROR, PHAEN_ERROR_INVALID))
            app_toast (GTK_WIDGET (self), error->message);
        }
    }
}

static void
cell_activate_cb (GtkEntry *entry, AppPmqaPage *self)
{
  commit_and_report (self, GTK_WIDGET (entry));
}

static void
cell_focus_leave_cb (GtkEventControllerFocus *controller, AppPmqaPage *self)
{
  commit_and_report (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
}

/* The chosen score: the suggestion itself clears the override, so the score follows the
 * results again; another value overrides it. */
static void
score_chosen_cb (GtkDropDown *dropdown, GParamSpec *pspec, AppPmqaPage *self)
{
  gint64 indicator_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dropdown), "indicator"));
  guint selected = gtk_drop_down_get_selected (dropdown);
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenPmqaTable) table = NULL;
  g_autoptr (PhaenIndicator) indicator = NULL;
  gboolean has_suggestion = FALSE;
  double suggested = 0, chosen;

  if (self->loading || self->store == NULL || selected >= G_N_ELEMENTS (score_choices))
    return;
  chosen = score_choices[selected];
  table = phaen_pmqa_table_build (self->store, self->unit_id, self->fiscal_year, &error);
  for (guint g = 0; table != NULL && g < table->groups->len; g++)
    {
      const PhaenPmqaGroup *group = g_ptr_array_index (table->groups, g);

      for (guint r = 0; r < group->rows->len; r++)
        {
          const PhaenPmqaRow *row = g_ptr_array_index (group->rows, r);

          if (row->indicator->id == indicator_id && row->score.has_score)
            {
              has_suggestion = TRUE;
              suggested = row->score.suggested;
            }
        }
    }
  indicator = phaen_store_get_indicator (self->store, indicator_id, &error);
  if (indicator == NULL)
    {
      app_toast (GTK_WIDGET (self), error->message);
      return;
    }
  if (has_suggestion && fabs (suggested - chosen) < 1e-9)
    indicator->has_pmqa_score = FALSE;
  else
    {
      indicator->has_pmqa_score = TRUE;
      indicator->pmqa_score = chosen;
    }
  if (!phaen_store_update_indicator (self->store, indicator, &error))
    app_toast (GTK_WIDGET (self), error->message);
}

/* ------------------------------------------------------------------ building */

static GtkWidget *
table_cell (GtkGrid *grid, GtkWidget *child, int column, int row, int width, int height)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

  gtk_widget_add_css_class (box, "pmqa-cell");
  gtk_box_append (GTK_BOX (box), child);
  gtk_grid_attach (grid, box, column, row, width, height);
  return box;
}

static GtkWidget *
header (GtkGrid *grid, const char *text, int column, int row, int width, int height)
{
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *cell;

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  /* Short headers keep whole words ("คะแนนที่แนะนำ" breaks between words, not letters). */
  gtk_label_set_width_chars (GTK_LABEL (label), MIN (8, (int)g_utf8_strlen (text, -1)));
  gtk_widget_set_vexpand (label, TRUE);
  cell = table_cell (grid, label, column, row, width, height);
  gtk_widget_add_css_class (cell, "pmqa-header");
  return cell;
}

static GtkWidget *
cell_entry (AppPmqaPage *self, gint64 indicator_id, CellKind kind, int year, const char *name)
{
  GtkWidget *entry = gtk_entry_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_editable_set_width_chars (GTK_EDITABLE (entry), kind == CELL_NOTE ? 18 : 7);
  if (kind != CELL_NOTE)
    gtk_editable_set_alignment (GTK_EDITABLE (entry), 1.0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_object_set_data (G_OBJECT (entry), "indicator", GSIZE_TO_POINTER ((gsize)indicator_id));
  g_object_set_data (G_OBJECT (entry), "kind", GINT_TO_POINTER (kind));
  g_object_set_data (G_OBJECT (entry), "year", GINT_TO_POINTER (year));
  g_signal_connect_object (entry, "changed", G_CALLBACK (cell_changed_cb), self, 0);
  g_signal_connect_object (entry, "activate", G_CALLBACK (cell_activate_cb), self, 0);
  g_signal_connect_object (focus, "leave", G_CALLBACK (cell_focus_leave_cb), self, 0);
  gtk_widget_add_controller (entry, focus);
  return entry;
}

static GtkWidget *
value_label (void)
{
  GtkWidget *label = gtk_label_new ("");

  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_add_css_class (label, "numeric");
  return label;
}

static void
build_row (AppPmqaPage *self, GtkGrid *grid, int line, const PhaenPmqaRow *source)
{
  RowView *row = g_new0 (RowView, 1);
  const PhaenIndicator *indicator = source->indicator;
  GtkWidget *name_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  g_autofree char *target_name = g_strdup_printf (_ ("Latest target of %s"), indicator->code);
  g_autofree char *score_name = g_strdup_printf (_ ("Score of %s"), indicator->code);
  g_autofree char *note_name = g_strdup_printf (_ ("Note of %s"), indicator->code);
  g_autoptr (GtkStringList) choices = gtk_string_list_new (NULL);

  row->indicator_id = indicator->id;
  row->name_label = gtk_label_new ("");
  gtk_label_set_xalign (GTK_LABEL (row->name_label), 0);
  gtk_label_set_wrap (GTK_LABEL (row->name_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (row->name_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (row->name_label), 36);
  gtk_label_set_width_chars (GTK_LABEL (row->name_label), 24);
  row->warning_label = gtk_label_new ("");
  gtk_label_set_xalign (GTK_LABEL (row->warning_label), 0);
  gtk_label_set_wrap (GTK_LABEL (row->warning_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (row->warning_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (row->warning_label), 36);
  gtk_label_set_width_chars (GTK_LABEL (row->warning_label), 24);
  gtk_widget_add_css_class (row->warning_label, "warning");
  gtk_widget_add_css_class (row->warning_label, "caption");
  gtk_box_append (GTK_BOX (name_box), row->name_label);
  gtk_box_append (GTK_BOX (name_box), row->warning_label);
  table_cell (grid, name_box, 0, line, 1, 1);

  row->target_entry = cell_entry (self, indicator->id, CELL_TARGET, 0, target_name);
  table_cell (grid, row->target_entry, 1, line, 1, 1);
  for (int i = 0; i < PHAEN_PMQA_YEARS; i++)
    {
      g_autofree char *name =
        g_strdup_printf (_ ("Result of %s in %d"), indicator->code, source->year[i]);

      row->year[i] = source->year[i];
      row->value_entry[i] = cell_entry (self, indicator->id, CELL_VALUE, source->year[i], name);
      table_cell (grid, row->value_entry[i], 2 + i, line, 1, 1);
    }
  row->percent_label = value_label ();
  table_cell (grid, row->percent_label, 5, line, 1, 1);
  row->suggested_label = value_label ();
  table_cell (grid, row->suggested_label, 6, line, 1, 1);

  for (guint i = 0; i < G_N_ELEMENTS (score_choices); i++)
    {
      g_autofree char *text = phaen_format_number (score_choices[i], 0, PHAEN_NUMBER_PLAIN);

      gtk_string_list_append (choices, text);
    }
  row->score_dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (choices)), NULL);
  gtk_widget_set_valign (row->score_dropdown, GTK_ALIGN_START);
  app_a11y_label_drop_down (row->score_dropdown, score_name);
  g_object_set_data (G_OBJECT (row->score_dropdown), "indicator",
                     GSIZE_TO_POINTER ((gsize)indicator->id));
  g_signal_connect_object (row->score_dropdown, "notify::selected", G_CALLBACK (score_chosen_cb),
                           self, 0);
  table_cell (grid, row->score_dropdown, 7, line, 1, 1);

  row->note_entry = cell_entry (self, indicator->id, CELL_NOTE, 0, note_name);
  gtk_widget_set_hexpand (row->note_entry, TRUE);
  table_cell (grid, row->note_entry, 8, line, 1, 1);
  g_ptr_array_add (self->rows, row);
}

static void
build_group (AppPmqaPage *self, const PhaenPmqaGroup *group)
{
  GroupView *view = g_new0 (GroupView, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  /* Title and mean stay at the start: a narrow window scrolls the table sideways. */
  GtkWidget *heading = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autofree char *title = app_pmqa_group_title (group->group);
  GtkWidget *title_label = gtk_label_new (title);
  GtkWidget *grid = gtk_grid_new ();
  GtkGrid *table = GTK_GRID (grid);
  int line = 2;

  gtk_label_set_xalign (GTK_LABEL (title_label), 0);
  gtk_label_set_wrap (GTK_LABEL (title_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title_label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (title_label, "title-4");
  view->group = g_strdup (group->group);
  view->mean_label = gtk_label_new ("");
  gtk_label_set_selectable (GTK_LABEL (view->mean_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (view->mean_label), 0);
  gtk_widget_add_css_class (view->mean_label, "heading");
  gtk_widget_add_css_class (view->mean_label, "numeric");
  gtk_box_append (GTK_BOX (heading), title_label);
  gtk_box_append (GTK_BOX (heading), view->mean_label);

  /* seed 001's columns: ตัวชี้วัด | ค่าเป้าหมายปีล่าสุด | การดำเนินการ พ.ศ. × 3 | % ความสำเร็จ |
   * คะแนน, with the suggestion beside the chosen score and หมายเหตุ last. */
  gtk_widget_add_css_class (grid, "pmqa-table");
  header (table, _ ("Indicator"), 0, 0, 1, 2);
  header (table, _ ("Latest target"), 1, 0, 1, 2);
  header (table, _ ("Results"), 2, 0, PHAEN_PMQA_YEARS, 1);
  if (group->rows->len > 0)
    {
      const PhaenPmqaRow *first = g_ptr_array_index (group->rows, 0);

      for (int i = 0; i < PHAEN_PMQA_YEARS; i++)
        {
          g_autofree char *year = g_strdup_printf (_ ("B.E. %d"), first->year[i]);

          header (table, year, 2 + i, 1, 1, 1);
        }
    }
  /* xgettext:no-c-format */
  header (table, _ ("% success"), 5, 0, 1, 2);
  header (table, _ ("Suggested score"), 6, 0, 1, 2);
  header (table, _ ("Score"), 7, 0, 1, 2);
  header (table, _ ("Note"), 8, 0, 1, 2);
  for (guint r = 0; r < group->rows->len; r++)
    build_row (self, table, line++, g_ptr_array_index (group->rows, r));

  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), grid);
  gtk_box_append (GTK_BOX (self->groups_box), box);
  g_ptr_array_add (self->groups, view);
}

static void
clear_table (AppPmqaPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->groups_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->groups_box), child);
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->groups, 0);
  g_clear_pointer (&self->layout, g_free);
}

/* ------------------------------------------------------------------ filling */

static void
fill_row (AppPmqaPage *self, RowView *row, const PhaenPmqaRow *source)
{
  const PhaenIndicator *indicator = source->indicator;
  const char *direction = indicator->direction == PHAEN_DIRECTION_LOWER_BETTER
                            ? _ ("lower is better")
                            : _ ("higher is better");
  g_autofree char *name = NULL;
  const char *measure = indicator->measure_unit != NULL && indicator->measure_unit[0] != '\0'
                          ? indicator->measure_unit
                          : NULL;
  int choice;

  if (measure != NULL)
    name = g_strdup_printf ("%s %s (%s, %s)", indicator->code != NULL ? indicator->code : "",
                            indicator->name, direction, measure);
  else
    name = g_strdup_printf ("%s %s (%s)", indicator->code != NULL ? indicator->code : "",
                            indicator->name, direction);
  gtk_label_set_text (GTK_LABEL (row->name_label), name);
  /* Seed 003: a target must beat the mean of the two previous years. */
  gtk_label_set_text (GTK_LABEL (row->warning_label),
                      source->stretch_problem != NULL ? source->stretch_problem : "");
  gtk_widget_set_visible (row->warning_label, source->stretch_problem != NULL);

  set_entry (row->target_entry, indicator->has_pmqa_target, indicator->pmqa_target);
  for (int i = 0; i < PHAEN_PMQA_YEARS; i++)
    set_entry (row->value_entry[i], source->has_value[i], source->value[i]);
  set_text_entry (row->note_entry, indicator->pmqa_note);
  /* Notes run long: the whole one shows on hover. */
  gtk_widget_set_tooltip_text (row->note_entry, indicator->pmqa_note);

  /* % success and the suggestion need this year's result and the target. */
  if (source->has_value[PHAEN_PMQA_YEARS - 1] && indicator->has_pmqa_target &&
      source->score.suggested > 0)
    {
      g_autofree char *percent =
        phaen_format_number (source->score.percent, 2, PHAEN_NUMBER_TRIM_ZEROS);
      g_autofree char *suggested =
        phaen_format_number (source->score.suggested, 0, PHAEN_NUMBER_PLAIN);

      gtk_label_set_text (GTK_LABEL (row->percent_label), percent);
      gtk_label_set_text (GTK_LABEL (row->suggested_label), suggested);
    }
  else
    {
      gtk_label_set_text (GTK_LABEL (row->percent_label), "-");
      gtk_label_set_text (GTK_LABEL (row->suggested_label), "-");
    }
  choice = source->score.has_score ? choice_of (source->score.score) : -1;
  gtk_drop_down_set_selected (GTK_DROP_DOWN (row->score_dropdown),
                              choice >= 0 ? (guint)choice : GTK_INVALID_LIST_POSITION);
  gtk_widget_set_tooltip_text (row->score_dropdown, source->score.overridden
                                                      ? _ ("Chosen by the user")
                                                      : _ ("The suggested score"));
}

static void
reload (AppPmqaPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenPmqaTable) table = NULL;
  g_autofree char *layout = NULL;

  if (self->store == NULL)
    return;
  table = phaen_pmqa_table_build (self->store, self->unit_id, self->fiscal_year, &error);
  if (table == NULL)
    {
      app_toast (GTK_WIDGET (self), error->message);
      return;
    }
  if (table->groups->len == 0)
    {
      clear_table (self);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  layout = layout_of (table);
  if (g_strcmp0 (layout, self->layout) != 0)
    {
      clear_table (self);
      for (guint g = 0; g < table->groups->len; g++)
        build_group (self, g_ptr_array_index (table->groups, g));
      self->layout = g_steal_pointer (&layout);
    }

  self->loading = TRUE;
  for (guint g = 0; g < table->groups->len; g++)
    {
      const PhaenPmqaGroup *group = g_ptr_array_index (table->groups, g);
      GroupView *view = g_ptr_array_index (self->groups, g);
      g_autofree char *label = NULL;

      g_free (view->mean_text);
      view->mean_text = mean_text (&group->mean);
      label = g_strdup_printf (_ ("Sub-item mean %s"), view->mean_text);
      gtk_label_set_text (GTK_LABEL (view->mean_label), label);
      for (guint r = 0; r < group->rows->len; r++)
        {
          const PhaenPmqaRow *source = g_ptr_array_index (group->rows, r);

          fill_row (self, find_row (self, source->indicator->id), source);
        }
    }
  g_free (self->mean_text);
  self->mean_text = mean_text (&table->mean);
  gtk_label_set_text (self->mean_label, self->mean_text);
  self->loading = FALSE;
  gtk_stack_set_visible_child_name (self->stack, "table");
}

static void
set_busy (AppPmqaPage *self, gboolean busy)
{
  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pmqa.export", !busy);
}

/* ------------------------------------------------------------------ export */

static void
xlsx_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (AppPmqaPage) self = user_data;
  g_autoptr (GError) error = NULL;

  set_busy (self, FALSE);
  phaen_xlsx_export_finish (result, &error);
  app_export_report (GTK_WIDGET (self), error, _ ("The XLSX workbook is written."));
}

static void
export_to (GtkWidget *widget, GFile *file)
{
  app_pmqa_page_export (APP_PMQA_PAGE (widget), file);
}

static void
export_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  AppPmqaPage *self = APP_PMQA_PAGE (widget);
  g_autofree char *name = NULL;

  if (self->store == NULL || self->busy)
    return;
  app_pmqa_page_flush (self);
  name = g_strdup_printf (_ ("PMQA category 7 %d.xlsx"), self->fiscal_year);
  app_export_choose (widget, APP_EXPORT_XLSX, name, NULL, export_to);
}

static void
refresh_cb (GtkWidget *page)
{
  reload (APP_PMQA_PAGE (page));
}

/* ------------------------------------------------------------------ overrides */

static void
app_pmqa_page_dispose (GObject *object)
{
  AppPmqaPage *self = APP_PMQA_PAGE (object);

  app_pmqa_page_set_unit (self, NULL, 0, 0);
  g_clear_pointer (&self->autosave, app_autosave_free);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->refresh, app_page_refresh_free);
  G_OBJECT_CLASS (app_pmqa_page_parent_class)->dispose (object);
}

static void
app_pmqa_page_finalize (GObject *object)
{
  AppPmqaPage *self = APP_PMQA_PAGE (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_free (self->layout);
  g_free (self->mean_text);
  G_OBJECT_CLASS (app_pmqa_page_parent_class)->finalize (object);
}

static void
app_pmqa_page_class_init (AppPmqaPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = app_pmqa_page_dispose;
  object_class->finalize = app_pmqa_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/phaen/Phaen/ui/app-pmqa-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AppPmqaPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AppPmqaPage, mean_label);
  gtk_widget_class_bind_template_child (widget_class, AppPmqaPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, AppPmqaPage, groups_box);
  gtk_widget_class_install_action (widget_class, "pmqa.export", NULL, export_action);
}

static void
app_pmqa_page_init (AppPmqaPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->refresh =
    app_page_refresh_new (GTK_WIDGET (self), PHAEN_RECORDS_SCORES | PHAEN_RECORD_UNIT, refresh_cb);

  self->autosave = app_autosave_new (autosave_cb, self);
  self->rows = g_ptr_array_new_with_free_func (g_free);
  self->groups = g_ptr_array_new_with_free_func ((GDestroyNotify)group_view_free);
}

/* ------------------------------------------------------------------ public API */

void
app_pmqa_page_set_unit (AppPmqaPage *self, PhaenStore *store, gint64 unit_id, int fiscal_year)
{
  g_return_if_fail (APP_IS_PMQA_PAGE (self));
  g_return_if_fail (store == NULL || PHAEN_IS_STORE (store));

  if (self->store == store && self->unit_id == unit_id && self->fiscal_year == fiscal_year)
    return;
  app_pmqa_page_flush (self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  app_page_refresh_set_store (self->refresh, NULL);
  g_set_object (&self->store, store);
  self->unit_id = unit_id;
  self->fiscal_year = fiscal_year;
  clear_table (self);
  if (self->store == NULL)
    return;
  app_page_refresh_set_store (self->refresh, self->store);
  reload (self);
}

void
app_pmqa_page_flush (AppPmqaPage *self)
{
  g_return_if_fail (APP_IS_PMQA_PAGE (self));

  app_autosave_cancel (self->autosave);
  for (guint i = 0; self->rows != NULL && i < self->rows->len; i++)
    {
      RowView *row = g_ptr_array_index (self->rows, i);

      commit_and_report (self, row->target_entry);
      for (int y = 0; y < PHAEN_PMQA_YEARS; y++)
        commit_and_report (self, row->value_entry[y]);
      commit_and_report (self, row->note_entry);
    }
}

const char *
app_pmqa_page_get_mean_text (AppPmqaPage *self)
{
  g_return_val_if_fail (APP_IS_PMQA_PAGE (self), NULL);

  return self->mean_text;
}

const char *
app_pmqa_page_get_group_mean_text (AppPmqaPage *self, const char *group)
{
  g_return_val_if_fail (APP_IS_PMQA_PAGE (self), NULL);

  for (guint i = 0; i < self->groups->len; i++)
    {
      GroupView *view = g_ptr_array_index (self->groups, i);

      if (g_strcmp0 (view->group, group) == 0)
        return view->mean_text;
    }
  return NULL;
}

GtkWidget *
app_pmqa_page_get_score_chooser (AppPmqaPage *self, gint64 indicator_id)
{
  RowView *row;

  g_return_val_if_fail (APP_IS_PMQA_PAGE (self), NULL);

  row = find_row (self, indicator_id);
  return row != NULL ? row->score_dropdown : NULL;
}

GtkWidget *
app_pmqa_page_get_value_entry (AppPmqaPage *self, gint64 indicator_id, int year)
{
  RowView *row;

  g_return_val_if_fail (APP_IS_PMQA_PAGE (self), NULL);

  row = find_row (self, indicator_id);
  for (int i = 0; row != NULL && i < PHAEN_PMQA_YEARS; i++)
    if (row->year[i] == year)
      return row->value_entry[i];
  return NULL;
}

void
app_pmqa_page_export (AppPmqaPage *self, GFile *file)
{
  g_autofree char *path = NULL;
  PhaenXlsxOptions options;

  g_return_if_fail (APP_IS_PMQA_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  path = g_file_get_path (file);
  if (self->store == NULL || self->busy || path == NULL)
    return;
  app_pmqa_page_flush (self);
  phaen_xlsx_options_init (&options, PHAEN_XLSX_FORM_PMQA7);
  options.unit_id = self->unit_id;
  options.fiscal_year = self->fiscal_year;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  phaen_xlsx_export_async (phaen_store_get_path (self->store), &options, path, self->cancellable,
                           xlsx_done_cb, g_object_ref (self));
}

gboolean
app_pmqa_page_get_busy (AppPmqaPage *self)
{
  g_return_val_if_fail (APP_IS_PMQA_PAGE (self), FALSE);

  return self->busy;
}
