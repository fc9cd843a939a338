/* app-criteria-editor.c — an indicator's scoring criteria: kind, table, versions and history
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-criteria-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "app-criteria-editor.h"
#include "phaen-criteria-in-force.h"
#include "phaen-calendar.h"
#include "phaen-error.h"
#include "phaen-score.h"
#include "phaen-scorecard.h"
#include "phaen-thai-text.h"

#define N_KINDS (PHAEN_SCORING_PMQA7 + 1)

/* One row of the criteria table; which cells it has depends on the kind. */
typedef struct
{
  int level;
  PhaenCriterion *original; /* what the row started from: fields the table hides survive */
  GtkWidget *threshold;
  GtkWidget *label;
  GtkWidget *lower;
  GtkWidget *lower_inclusive; /* GtkDropDown: 0 = from (≥), 1 = above (>) */
  GtkWidget *upper;
  GtkWidget *upper_inclusive; /* GtkDropDown: 0 = up to (≤), 1 = below (<) */
  GtkWidget *score;
  GtkWidget *description; /* GtkTextView */
} TableRow;

struct _AppCriteriaEditor
{
  AdwBin parent_instance;

  AdwComboRow *kind_row;
  AdwComboRow *direction_row;
  AdwEntryRow *pass_row;
  GtkLabel *scale_label;
  GtkWidget *table_box;
  GtkWidget *add_band_button;
  GtkWidget *save_group;
  AdwEntryRow *date_row;
  GtkLabel *date_hint;
  AdwEntryRow *reason_row;
  GtkLabel *problem_label;
  GtkListBox *history_list;

  PhaenStore *store;
  gint64 indicator_id;
  PhaenIndicator *indicator;
  PhaenCriteriaVersion *current; /* the version in force; NULL when none */
  guint n_versions;
  GtkWidget *table; /* GtkGrid, rebuilt when the kind changes */
  GPtrArray *rows;  /* (element-type TableRow) */
  int kind;
  int direction;
  gboolean dirty;
  gboolean loading; /* the editor itself is filling its widgets */
};

G_DEFINE_FINAL_TYPE (AppCriteriaEditor, app_criteria_editor, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_KIND,
  PROP_DIRTY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void cell_changed_cb (AppCriteriaEditor *self);

/* ------------------------------------------------------------------ helpers */

static void
table_row_free (TableRow *row)
{
  g_clear_pointer (&row->original, phaen_criterion_free);
  g_free (row);
}

static gboolean
same_number (double a, double b)
{
  return fabs (a - b) <= 1e-9 * MAX (1.0, fabs (a));
}

static gboolean
same_text (const char *a, const char *b)
{
  return g_strcmp0 (a != NULL ? a : "", b != NULL ? b : "") == 0;
}

static gboolean
criterion_equal (const PhaenCriterion *a, const PhaenCriterion *b)
{
  return a->level == b->level && a->has_threshold == b->has_threshold &&
         (!a->has_threshold || same_number (a->threshold, b->threshold)) &&
         a->has_upper == b->has_upper && (!a->has_upper || same_number (a->upper, b->upper)) &&
         a->lower_inclusive == b->lower_inclusive && a->upper_inclusive == b->upper_inclusive &&
         same_number (a->score, b->score) && same_text (a->label, b->label) &&
         same_text (a->description, b->description);
}

static double
pass_percent_of (const PhaenCriteriaVersion *version)
{
  return version != NULL && version->pass_percent > 0 ? version->pass_percent
                                                      : PHAEN_PASS_PERCENT_DEFAULT;
}

static gboolean
draft_matches (const PhaenCriteriaVersion *draft, const PhaenCriteriaVersion *stored, int kind)
{
  guint n_stored = stored != NULL ? stored->items->len : 0;

  if (kind == PHAEN_SCORING_PASS_FAIL &&
      !same_number (draft->pass_percent, pass_percent_of (stored)))
    return FALSE;
  if (draft->items->len != n_stored)
    return FALSE;
  for (guint i = 0; i < n_stored; i++)
    if (!criterion_equal (g_ptr_array_index (draft->items, i),
                          g_ptr_array_index (stored->items, i)))
      return FALSE;
  return TRUE;
}

static char *
format_value (double value)
{
  return phaen_format_number (value, 6, PHAEN_NUMBER_TRIM_ZEROS);
}

static char *
editable_text (GtkWidget *widget)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget))));
}

static char *
view_text (GtkWidget *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

/* Reads a number cell, marking it when it is not a number (an empty one only when saving, that
 * is when @error is asked for). Strict reads report the problem, lenient ones take it as empty. */
static gboolean
read_number (GtkWidget *cell,
             const char *what,
             gboolean required,
             gboolean strict,
             gboolean *has_value,
             double *value,
             GError **error)
{
  g_autofree char *text = editable_text (cell);
  g_autoptr (GError) local_error = NULL;
  gboolean ok;

  if (required)
    {
      ok = phaen_parse_number (text, value, &local_error);
      *has_value = ok;
    }
  else
    ok = phaen_parse_optional_number (text, has_value, value, &local_error);
  if (!*has_value)
    *value = 0;
  if (ok)
    {
      gtk_widget_remove_css_class (cell, "error");
      return TRUE;
    }
  if (text[0] != '\0' || error != NULL)
    gtk_widget_add_css_class (cell, "error");
  if (!strict)
    return TRUE;
  g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID, "%s: %s", what, local_error->message);
  return FALSE;
}

/* `from 100`, `above 105 up to 110`, `below 80`: a band's bounds in words. */
static char *
band_bounds_text (gboolean has_lower,
                  double lower,
                  gboolean lower_inclusive,
                  gboolean has_upper,
                  double upper,
                  gboolean upper_inclusive)
{
  g_autofree char *low = has_lower ? format_value (lower) : NULL;
  g_autofree char *high = has_upper ? format_value (upper) : NULL;
  g_autofree char *low_text =
    low != NULL ? g_strdup_printf (lower_inclusive ? _ ("from %s") : _ ("above %s"), low) : NULL;
  g_autofree char *high_text =
    high != NULL ? g_strdup_printf (upper_inclusive ? _ ("up to %s") : _ ("below %s"), high) : NULL;

  if (low_text != NULL && high_text != NULL)
    return g_strdup_printf ("%s %s", low_text, high_text);
  if (low_text != NULL)
    return g_steal_pointer (&low_text);
  if (high_text != NULL)
    return g_steal_pointer (&high_text);
  return g_strdup (_ ("any value"));
}

static char *
criterion_band_text (const PhaenCriterion *item)
{
  g_autofree char *bounds =
    band_bounds_text (item->has_threshold, item->threshold, item->lower_inclusive, item->has_upper,
                      item->upper, item->upper_inclusive);
  g_autofree char *score = format_value (item->score);

  if (item->label != NULL && item->label[0] != '\0')
    return g_strdup_printf ("%s %s → %s", item->label, bounds, score);
  return g_strdup_printf ("%s → %s", bounds, score);
}

/* What a version says, in one line: its thresholds, levels, bands or pass mark. */
static char *
version_summary (const PhaenCriteriaVersion *version, int kind)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  switch (kind)
    {
    case PHAEN_SCORING_NUMERIC:
      for (guint i = 0; i < version->items->len; i++)
        {
          const PhaenCriterion *item = g_ptr_array_index (version->items, i);

          g_ptr_array_add (parts,
                           item->has_threshold ? format_value (item->threshold) : g_strdup ("-"));
        }
      g_ptr_array_add (parts, NULL);
      {
        g_autofree char *joined = g_strjoinv (" / ", (char **)parts->pdata);

        return g_strdup_printf (_ ("Thresholds of levels 1–5: %s"), joined);
      }
    case PHAEN_SCORING_MILESTONE:
      return g_strdup_printf (
        ngettext ("%u level described", "%u levels described", version->items->len),
        version->items->len);
    case PHAEN_SCORING_PASS_FAIL:
      {
        g_autofree char *pass = format_value (pass_percent_of (version));

        return g_strdup_printf (_ ("Passes from %s%%"), pass);
      }
    case PHAEN_SCORING_BANDS:
    case PHAEN_SCORING_PMQA7:
      if (version->items->len == 0)
        return g_strdup (_ ("The standard scale of category 7"));
      for (guint i = 0; i < version->items->len; i++)
        g_ptr_array_add (parts, criterion_band_text (g_ptr_array_index (version->items, i)));
      g_ptr_array_add (parts, NULL);
      return g_strjoinv (" · ", (char **)parts->pdata);
    default:
      return g_strdup ("");
    }
}

/* `15 มีนาคม 2564` from the stored yyyy-mm-dd; NULL when there is none. */
static char *
approval_text (const char *iso)
{
  int y, m, d;
  g_autoptr (GDate) date = NULL;

  if (iso == NULL || sscanf (iso, "%d-%d-%d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return NULL;
  date = g_date_new_dmy (d, m, y);
  return phaen_date_label (date, PHAEN_DATE_FULL);
}

static void
set_dirty (AppCriteriaEditor *self, gboolean dirty)
{
  gtk_widget_set_visible (self->save_group, dirty);
  if (self->dirty == dirty)
    return;
  self->dirty = dirty;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
}

static void
show_problem (AppCriteriaEditor *self, const char *message)
{
  gtk_label_set_text (self->problem_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), message != NULL);
}

static gboolean
direction_applies (int kind)
{
  return kind == PHAEN_SCORING_NUMERIC || kind == PHAEN_SCORING_PMQA7;
}

static gboolean
has_bands (int kind)
{
  return kind == PHAEN_SCORING_BANDS || kind == PHAEN_SCORING_PMQA7;
}

/* ------------------------------------------------------------------ the table */

static GtkWidget *
header_cell (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  return label;
}

static GtkWidget *
entry_cell (AppCriteriaEditor *self, const char *text, int width_chars, const char *name)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), width_chars);
  gtk_widget_set_valign (entry, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_signal_connect_object (entry, "changed", G_CALLBACK (cell_changed_cb), self, G_CONNECT_SWAPPED);
  return entry;
}

static GtkWidget *
number_cell (AppCriteriaEditor *self, gboolean has_value, double value, const char *name)
{
  g_autofree char *text = has_value ? format_value (value) : NULL;
  GtkWidget *entry = entry_cell (self, text, 8, name);

  gtk_editable_set_alignment (GTK_EDITABLE (entry), 1.0);
  return entry;
}

static GtkWidget *
description_cell (AppCriteriaEditor *self, const char *text, const char *name)
{
  GtkWidget *view = gtk_text_view_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_widget_set_hexpand (view, TRUE);
  gtk_widget_add_css_class (view, "criteria-text");
  /* Undo belongs to the workspace (win.undo). */
  gtk_text_buffer_set_enable_undo (buffer, FALSE);
  gtk_text_buffer_set_text (buffer, text != NULL ? text : "", -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (cell_changed_cb), self,
                           G_CONNECT_SWAPPED);
  return view;
}

/* A text view grows with its text only up to a point, then scrolls: GTK 4.8 does not give a
 * wrapping text view its height for the width it gets, so the box sets a floor. */
static GtkWidget *
framed (GtkWidget *child)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_has_frame (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 64);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 200);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), child);
  gtk_widget_set_hexpand (scroller, TRUE);
  return scroller;
}

static GtkWidget *
inclusive_dropdown (AppCriteriaEditor *self, gboolean lower, gboolean inclusive)
{
  const char *lower_words[] = { _ ("from"), _ ("above"), NULL };
  const char *upper_words[] = { _ ("up to"), _ ("below"), NULL };
  GtkWidget *dropdown = gtk_drop_down_new_from_strings (lower ? lower_words : upper_words);

  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), inclusive ? 0 : 1);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_START);
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (cell_changed_cb), self,
                           G_CONNECT_SWAPPED);
  return dropdown;
}

static void remove_band_clicked_cb (GtkButton *button, AppCriteriaEditor *self);

static guint
row_index (AppCriteriaEditor *self, TableRow *row)
{
  guint index = 0;

  g_ptr_array_find (self->rows, row, &index);
  return index;
}

/* A band takes two lines of the grid: name, bounds, score and a remove button; then its
 * description across. */
static void
add_band_row (AppCriteriaEditor *self, const PhaenCriterion *original, const char *fresh_label)
{
  TableRow *row = g_new0 (TableRow, 1);
  GtkGrid *grid = GTK_GRID (self->table);
  int line = 1 + 2 * (int)self->rows->len;
  GtkWidget *lower_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *upper_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  g_autofree char *score = original != NULL ? format_value (original->score) : NULL;

  row->original = original != NULL ? phaen_criterion_copy (original) : NULL;
  row->label = entry_cell (self, original != NULL ? original->label : fresh_label, 14,
                           _ ("Performance level"));
  gtk_widget_set_hexpand (row->label, TRUE);
  row->lower_inclusive =
    inclusive_dropdown (self, TRUE, original != NULL ? original->lower_inclusive : TRUE);
  row->lower = number_cell (self, original != NULL && original->has_threshold,
                            original != NULL ? original->threshold : 0, _ ("Lower bound"));
  row->upper_inclusive =
    inclusive_dropdown (self, FALSE, original != NULL ? original->upper_inclusive : TRUE);
  row->upper = number_cell (self, original != NULL && original->has_upper,
                            original != NULL ? original->upper : 0, _ ("Upper bound"));
  row->score = entry_cell (self, score, 5, _ ("Score"));
  gtk_editable_set_alignment (GTK_EDITABLE (row->score), 1.0);
  row->description = description_cell (self, original != NULL ? original->description : NULL,
                                       _ ("Scoring description"));

  gtk_box_append (GTK_BOX (lower_box), row->lower_inclusive);
  gtk_box_append (GTK_BOX (lower_box), row->lower);
  gtk_box_append (GTK_BOX (upper_box), row->upper_inclusive);
  gtk_box_append (GTK_BOX (upper_box), row->upper);
  gtk_widget_set_tooltip_text (remove, _ ("Remove this band"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Remove this band"), -1);
  gtk_widget_set_valign (remove, GTK_ALIGN_START);
  gtk_widget_add_css_class (remove, "flat");
  g_object_set_data (G_OBJECT (remove), "table-row", row);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_band_clicked_cb), self, 0);

  gtk_grid_attach (grid, row->label, 0, line, 1, 1);
  gtk_grid_attach (grid, lower_box, 1, line, 1, 1);
  gtk_grid_attach (grid, upper_box, 2, line, 1, 1);
  gtk_grid_attach (grid, row->score, 3, line, 1, 1);
  gtk_grid_attach (grid, remove, 4, line, 1, 1);
  gtk_grid_attach (grid, framed (row->description), 0, line + 1, 5, 1);
  g_ptr_array_add (self->rows, row);
}

static void
add_level_row (AppCriteriaEditor *self, int level, const PhaenCriterion *original)
{
  TableRow *row = g_new0 (TableRow, 1);
  GtkGrid *grid = GTK_GRID (self->table);
  g_autofree char *level_text = g_strdup_printf ("%d", level);
  g_autofree char *threshold_name = g_strdup_printf (_ ("Threshold of level %d"), level);
  g_autofree char *label_name = g_strdup_printf (_ ("Performance of level %d"), level);
  g_autofree char *description_name = g_strdup_printf (_ ("Description of level %d"), level);
  GtkWidget *level_label = gtk_label_new (level_text);
  GtkWidget *middle;

  row->level = level;
  row->original = original != NULL ? phaen_criterion_copy (original) : NULL;
  if (self->kind == PHAEN_SCORING_NUMERIC)
    middle = row->threshold =
      number_cell (self, original != NULL && original->has_threshold,
                   original != NULL ? original->threshold : 0, threshold_name);
  else
    middle = row->label =
      entry_cell (self, original != NULL ? original->label : NULL, 16, label_name);
  row->description =
    description_cell (self, original != NULL ? original->description : NULL, description_name);

  gtk_widget_set_valign (level_label, GTK_ALIGN_START);
  gtk_widget_set_margin_top (level_label, 8);
  gtk_widget_add_css_class (level_label, "numeric");
  gtk_grid_attach (grid, level_label, 0, level, 1, 1);
  gtk_grid_attach (grid, middle, 1, level, 1, 1);
  gtk_grid_attach (grid, framed (row->description), 2, level, 1, 1);
  g_ptr_array_add (self->rows, row);
}

static const PhaenCriterion *
criterion_of_level (const PhaenCriteriaVersion *version, int level)
{
  for (guint i = 0; version != NULL && i < version->items->len; i++)
    {
      const PhaenCriterion *item = g_ptr_array_index (version->items, i);

      if (item->level == level)
        return item;
    }
  return NULL;
}

static void
update_band_controls (AppCriteriaEditor *self)
{
  gboolean bands = has_bands (self->kind);

  gtk_widget_set_visible (self->add_band_button, bands);
  gtk_widget_set_sensitive (self->add_band_button, self->rows->len < PHAEN_MAX_BANDS);
  gtk_widget_set_visible (self->table_box,
                          self->kind != PHAEN_SCORING_PASS_FAIL && self->rows->len > 0);
}

/* The table of the current kind, filled from @source. */
static void
rebuild_table (AppCriteriaEditor *self, const PhaenCriteriaVersion *source)
{
  const char *bands_defaults[] = { N_ ("Quality level"), N_ ("Standard level"),
                                   N_ ("Needs-improvement level") };
  GtkGrid *grid;

  if (self->table != NULL)
    gtk_box_remove (GTK_BOX (self->table_box), self->table);
  g_ptr_array_set_size (self->rows, 0);
  self->table = gtk_grid_new ();
  grid = GTK_GRID (self->table);
  gtk_grid_set_column_spacing (grid, 8);
  gtk_grid_set_row_spacing (grid, 6);
  gtk_box_append (GTK_BOX (self->table_box), self->table);

  switch (self->kind)
    {
    case PHAEN_SCORING_NUMERIC:
    case PHAEN_SCORING_MILESTONE:
      {
        gboolean lower =
          self->kind == PHAEN_SCORING_NUMERIC && self->direction == PHAEN_DIRECTION_LOWER_BETTER;

        gtk_grid_attach (grid, header_cell (_ ("Indicator score level")), 0, 0, 1, 1);
        gtk_grid_attach (
          grid,
          header_cell (lower ? _ ("Performance level (lower is better)") : _ ("Performance level")),
          1, 0, 1, 1);
        gtk_grid_attach (grid, header_cell (_ ("Scoring description")), 2, 0, 1, 1);
        for (int level = 1; level <= PHAEN_N_LEVELS; level++)
          add_level_row (self, level, criterion_of_level (source, level));
      }
      break;
    case PHAEN_SCORING_BANDS:
    case PHAEN_SCORING_PMQA7:
      gtk_grid_attach (grid, header_cell (_ ("Performance level")), 0, 0, 1, 1);
      gtk_grid_attach (grid, header_cell (_ ("Lower bound")), 1, 0, 1, 1);
      gtk_grid_attach (grid, header_cell (_ ("Upper bound")), 2, 0, 1, 1);
      gtk_grid_attach (grid, header_cell (_ ("Score")), 3, 0, 1, 1);
      if (source != NULL && source->items->len > 0)
        for (guint i = 0; i < source->items->len; i++)
          add_band_row (self, g_ptr_array_index (source->items, i), NULL);
      else if (self->kind == PHAEN_SCORING_BANDS)
        for (guint i = 0; i < G_N_ELEMENTS (bands_defaults); i++)
          add_band_row (self, NULL, _ (bands_defaults[i]));
      break;
    case PHAEN_SCORING_PASS_FAIL:
    default:
      break;
    }
  update_band_controls (self);
}

/* The draft as the table holds it. Strict reads fail on the first cell that is not a number;
 * lenient ones take such cells as empty (to carry the table over to another kind). */
static PhaenCriteriaVersion *
read_draft (AppCriteriaEditor *self, gboolean strict, GError **error)
{
  g_autoptr (PhaenCriteriaVersion) draft = phaen_criteria_version_new ();

  draft->pass_percent = pass_percent_of (self->current);
  if (self->kind == PHAEN_SCORING_PASS_FAIL)
    {
      gboolean has_value;

      if (!read_number (GTK_WIDGET (self->pass_row), _ ("Pass mark"), TRUE, strict, &has_value,
                        &draft->pass_percent, error))
        return NULL;
      /* A pass/fail version keeps whatever items it had. */
      if (self->indicator != NULL && self->indicator->scoring == PHAEN_SCORING_PASS_FAIL &&
          self->current != NULL)
        for (guint i = 0; i < self->current->items->len; i++)
          g_ptr_array_add (draft->items,
                           phaen_criterion_copy (g_ptr_array_index (self->current->items, i)));
    }

  for (guint i = 0; i < self->rows->len; i++)
    {
      TableRow *row = g_ptr_array_index (self->rows, i);
      g_autoptr (PhaenCriterion) item =
        row->original != NULL ? phaen_criterion_copy (row->original) : g_new0 (PhaenCriterion, 1);
      gboolean blank;

      g_free (item->description);
      item->description = view_text (row->description);
      if (row->label != NULL)
        {
          g_free (item->label);
          item->label = editable_text (row->label);
        }

      if (has_bands (self->kind))
        {
          g_autofree char *name = item->label[0] != '\0' ? g_strdup (item->label)
                                                         : g_strdup_printf (_ ("Band %u"), i + 1);
          g_autofree char *lower_name = g_strdup_printf (_ ("Lower bound of %s"), name);
          g_autofree char *upper_name = g_strdup_printf (_ ("Upper bound of %s"), name);
          g_autofree char *score_name = g_strdup_printf (_ ("Score of %s"), name);
          gboolean has_score;

          item->level = (int)i + 1;
          if (!read_number (row->lower, lower_name, FALSE, strict, &item->has_threshold,
                            &item->threshold, error) ||
              !read_number (row->upper, upper_name, FALSE, strict, &item->has_upper, &item->upper,
                            error) ||
              !read_number (row->score, score_name, TRUE, strict, &has_score, &item->score, error))
            return NULL;
          item->lower_inclusive =
            gtk_drop_down_get_selected (GTK_DROP_DOWN (row->lower_inclusive)) == 0;
          item->upper_inclusive =
            gtk_drop_down_get_selected (GTK_DROP_DOWN (row->upper_inclusive)) == 0;
          g_ptr_array_add (draft->items, g_steal_pointer (&item));
          continue;
        }

      item->level = row->level;
      if (self->kind == PHAEN_SCORING_NUMERIC)
        {
          g_autofree char *name = g_strdup_printf (_ ("Threshold of level %d"), row->level);

          if (!read_number (row->threshold, name, FALSE, strict, &item->has_threshold,
                            &item->threshold, error))
            return NULL;
          blank = !item->has_threshold && item->description[0] == '\0';
        }
      else
        {
          blank = item->description[0] == '\0' && (item->label == NULL || item->label[0] == '\0');
          /* Levels need no number; new ones keep T_L = L as the sample does. */
          if (row->original == NULL)
            {
              item->has_threshold = TRUE;
              item->threshold = row->level;
            }
        }
      /* A level the user never touched is not a criterion. */
      if (blank && row->original == NULL)
        continue;
      g_ptr_array_add (draft->items, g_steal_pointer (&item));
    }
  return g_steal_pointer (&draft);
}

static void
update_dirty (AppCriteriaEditor *self)
{
  g_autoptr (PhaenCriteriaVersion) draft = NULL;
  gboolean dirty;

  if (self->indicator == NULL)
    {
      set_dirty (self, FALSE);
      return;
    }
  draft = read_draft (self, TRUE, NULL);
  dirty = draft == NULL || self->kind != self->indicator->scoring ||
          (direction_applies (self->kind) && self->direction != self->indicator->direction) ||
          !draft_matches (draft, self->current, self->kind);
  set_dirty (self, dirty);
}

static void
update_scale_label (AppCriteriaEditor *self)
{
  g_autofree char *text = NULL;

  switch (self->kind)
    {
    case PHAEN_SCORING_NUMERIC:
      text = g_strdup (_ ("Results are compared with the thresholds every quarter; between two "
                          "levels the score is interpolated, below level 1 it is 1."));
      break;
    case PHAEN_SCORING_MILESTONE:
      text = g_strdup (_ ("The score is the level reached."));
      break;
    case PHAEN_SCORING_BANDS:
      text = g_strdup (_ ("The first band holding the result gives the score, so where two bands "
                          "share a bound the one listed first wins."));
      break;
    case PHAEN_SCORING_PASS_FAIL:
      text = g_strdup (_ ("Percentage = outputs achieved on plan × 100 ÷ outputs planned in the "
                          "round."));
      break;
    case PHAEN_SCORING_PMQA7:
      {
        guint n_bands = 0;
        const PhaenBand *scale = phaen_pmqa_default_scale (&n_bands);
        g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
        g_autofree char *joined = NULL;

        for (guint i = 0; i < n_bands; i++)
          {
            g_autofree char *bounds = band_bounds_text (
              isfinite (scale[i].lower), scale[i].lower, scale[i].lower_inclusive,
              isfinite (scale[i].upper), scale[i].upper, scale[i].upper_inclusive);
            g_autofree char *score = format_value (scale[i].score);

            g_ptr_array_add (parts, g_strdup_printf ("%s → %s", bounds, score));
          }
        g_ptr_array_add (parts, NULL);
        joined = g_strjoinv (" · ", (char **)parts->pdata);
        text = g_strdup_printf (_ ("%% success against the latest target suggests the score: %s. "
                                   "Add bands for a scale of the unit's own."),
                                joined);
      }
      break;
    default:
      break;
    }
  gtk_label_set_text (self->scale_label, text != NULL ? text : "");
}

static void
show_kind_controls (AppCriteriaEditor *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->direction_row), direction_applies (self->kind));
  gtk_widget_set_visible (GTK_WIDGET (self->pass_row), self->kind == PHAEN_SCORING_PASS_FAIL);
  update_scale_label (self);
}

/* The editor shows what is stored, dropping what was typed. */
static void
reset_draft (AppCriteriaEditor *self)
{
  g_autofree char *pass = NULL;

  self->loading = TRUE;
  self->kind = self->indicator != NULL ? CLAMP (self->indicator->scoring, 0, N_KINDS - 1) : 0;
  self->direction = self->indicator != NULL ? self->indicator->direction : 0;
  adw_combo_row_set_selected (self->kind_row, (guint)self->kind);
  adw_combo_row_set_selected (self->direction_row, (guint)self->direction);
  pass = format_value (pass_percent_of (self->current));
  gtk_editable_set_text (GTK_EDITABLE (self->pass_row), pass);
  gtk_widget_remove_css_class (GTK_WIDGET (self->pass_row), "error");
  rebuild_table (self, self->current);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->reason_row), "");
  gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->reason_row), "error");
  show_kind_controls (self);
  show_problem (self, NULL);
  self->loading = FALSE;
  set_dirty (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

static void
rebuild_history (AppCriteriaEditor *self, GPtrArray *versions)
{
  GtkListBoxRow *old;

  /* Rows only: the placeholder stays. */
  while ((old = gtk_list_box_get_row_at_index (self->history_list, 0)) != NULL)
    gtk_list_box_remove (self->history_list, GTK_WIDGET (old));
  self->n_versions = versions != NULL ? versions->len : 0;
  /* A new version that moved T5 while the target kept the old number (826 beside 800). */
  if (self->n_versions > 0 && self->indicator != NULL)
    {
      const PhaenCriteriaVersion *newest = g_ptr_array_index (versions, self->n_versions - 1);
      double target, top;

      if (phaen_criteria_target_mismatch (self->indicator, versions, &target, &top))
        {
          GtkWidget *row = adw_action_row_new ();
          g_autofree char *target_text = phaen_format_number (target, 4, PHAEN_NUMBER_TRIM_ZEROS);
          g_autofree char *top_text = phaen_format_number (top, 4, PHAEN_NUMBER_TRIM_ZEROS);
          g_autofree char *subtitle = g_strdup_printf (
            _ ("The indicator's target is %s but T5 of version %d is %s: change the target or the "
               "criteria."),
            target_text, newest->version, top_text);

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                         _ ("⚠ The target differs from T5"));
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
          adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
          gtk_widget_add_css_class (row, "warning");
          gtk_widget_set_name (row, "target-warning");
          gtk_list_box_append (self->history_list, row);
        }
    }
  /* Newest first; each says which quarters it scores (the version in force at their end). */
  for (guint i = self->n_versions; i-- > 0;)
    {
      const PhaenCriteriaVersion *version = g_ptr_array_index (versions, i);
      GtkWidget *row = adw_action_row_new ();
      g_autoptr (GString) quarters = g_string_new (NULL);
      g_autofree char *title = NULL;

      for (int q = 1; q <= PHAEN_QUARTERS && self->indicator != NULL; q++)
        {
          GDate last_day;

          phaen_quarter_last_day (self->indicator->fiscal_year, q, &last_day);
          if (phaen_criteria_version_in_force (versions, &last_day) == version)
            g_string_append_printf (quarters, "%s%d", quarters->len > 0 ? ", " : "", q);
        }
      if (quarters->len > 0)
        title =
          g_strdup_printf (_ ("Version %d · scores quarter %s"), version->version, quarters->str);
      else
        title = g_strdup_printf (_ ("Version %d"), version->version);
      g_autofree char *date = approval_text (version->approved_on);
      g_autofree char *date_line = date != NULL ? g_strdup_printf (_ ("Approved on %s"), date)
                                                : g_strdup (_ ("Approval date not recorded"));
      g_autofree char *summary = version_summary (version, self->indicator->scoring);
      g_autofree char *subtitle = NULL;

      if (version->reason != NULL && version->reason[0] != '\0')
        subtitle = g_strdup_printf ("%s\n%s\n%s", date_line, version->reason, summary);
      else
        subtitle = g_strdup_printf ("%s\n%s", date_line, summary);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_list_box_append (self->history_list, row);
    }
}

static gboolean
same_version (const PhaenCriteriaVersion *a, const PhaenCriteriaVersion *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return a->id == b->id && a->version == b->version;
}

/* Follows the store: the history always, the draft only when nothing is typed and the stored
 * criteria changed (so a field saved elsewhere does not rebuild the table under the cursor). */
static void
reload (AppCriteriaEditor *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenIndicator) indicator = NULL;
  g_autoptr (GPtrArray) versions = NULL;
  PhaenCriteriaVersion *current = NULL;
  gboolean changed;

  if (self->store == NULL || self->indicator_id == 0)
    return;
  indicator = phaen_store_get_indicator (self->store, self->indicator_id, &error);
  if (indicator == NULL)
    return; /* deleted: the page moves on */
  versions = phaen_store_list_criteria_versions (self->store, self->indicator_id, &error);
  if (versions == NULL)
    {
      show_problem (self, error->message);
      return;
    }
  if (versions->len > 0)
    current = g_ptr_array_index (versions, versions->len - 1);

  changed = self->indicator == NULL || !same_version (self->current, current) ||
            self->indicator->scoring != indicator->scoring ||
            self->indicator->direction != indicator->direction;
  g_clear_pointer (&self->indicator, phaen_indicator_free);
  self->indicator = g_steal_pointer (&indicator);
  g_clear_pointer (&self->current, phaen_criteria_version_free);
  self->current = current != NULL ? phaen_criteria_version_copy (current) : NULL;
  rebuild_history (self, versions); /* after self->indicator: it reads its year and target */

  if (changed && !self->dirty)
    reset_draft (self);
  else
    update_dirty (self);
}

/* The indicator and its criteria: what the form shows (results are the results page's). */
static void
records_changed_cb (AppCriteriaEditor *self, PhaenChanges *changes)
{
  if (phaen_changes_touches (changes, PHAEN_RECORD_INDICATOR | PHAEN_RECORD_CRITERIA_VERSION |
                                        PHAEN_RECORD_CRITERION | PHAEN_RECORD_UNIT |
                                        PHAEN_RECORD_PERSON))
    reload (self);
}

/* Saves the draft as the next version; see app_criteria_editor_save(). */
static gboolean
save_draft (AppCriteriaEditor *self, GError **error)
{
  g_autoptr (PhaenCriteriaVersion) draft = NULL;
  g_autoptr (PhaenIndicator) changed = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *reason = NULL;
  PhaenCriteria rules;
  GDate date;

  if (self->store == NULL || self->indicator == NULL || !self->dirty)
    return TRUE;
  draft = read_draft (self, TRUE, error);
  if (draft == NULL)
    return FALSE;

  changed = phaen_indicator_copy (self->indicator);
  changed->scoring = self->kind;
  if (direction_applies (self->kind))
    changed->direction = self->direction;
  /* The engine's own checks: thresholds in order, bands that can hold a value, a pass mark. */
  if (!phaen_criteria_from_version (changed, draft, &rules, error))
    return FALSE;

  date_text = editable_text (GTK_WIDGET (self->date_row));
  if (date_text[0] != '\0')
    {
      if (!phaen_date_parse (date_text, &date, error))
        {
          gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
          return FALSE;
        }
      draft->approved_on = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date),
                                            g_date_get_month (&date), g_date_get_day (&date));
    }
  else if (self->current != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
      g_set_error_literal (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                           _ ("Give the date the new criteria were approved."));
      return FALSE;
    }
  reason = editable_text (GTK_WIDGET (self->reason_row));
  if (reason[0] == '\0' && self->current != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->reason_row), "error");
      g_set_error_literal (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                           _ ("Give the reason for changing the criteria, such as the appeal "
                              "it follows."));
      return FALSE;
    }
  if (reason[0] != '\0')
    draft->reason = g_steal_pointer (&reason);

  /* The kind, the direction and the criteria are one change: one undo step. */
  if (!phaen_store_begin (self->store, _ ("Change criteria"), error))
    return FALSE;
  if ((changed->scoring != self->indicator->scoring ||
       changed->direction != self->indicator->direction) &&
      !phaen_store_update_indicator (self->store, changed, error))
    {
      phaen_store_rollback (self->store);
      return FALSE;
    }
  if (phaen_store_add_criteria_version (self->store, self->indicator_id, draft, error) == 0)
    {
      phaen_store_rollback (self->store);
      return FALSE;
    }
  /* A failed commit has rolled back already. */
  if (!phaen_store_commit (self->store, error))
    return FALSE;
  set_dirty (self, FALSE);
  reset_draft (self);
  return TRUE;
}

/* ------------------------------------------------------------------ callbacks */

static void
cell_changed_cb (AppCriteriaEditor *self)
{
  if (self->loading)
    return;
  show_problem (self, NULL);
  update_dirty (self);
}

static void
kind_changed_cb (AppCriteriaEditor *self)
{
  int kind = (int)adw_combo_row_get_selected (self->kind_row);
  gboolean levels_before, levels_after;
  g_autoptr (PhaenCriteriaVersion) carried = NULL;

  if (self->loading || self->indicator == NULL || kind == self->kind || kind < 0 || kind >= N_KINDS)
    return;
  levels_before = self->kind == PHAEN_SCORING_NUMERIC || self->kind == PHAEN_SCORING_MILESTONE;
  levels_after = kind == PHAEN_SCORING_NUMERIC || kind == PHAEN_SCORING_MILESTONE;
  /* Level descriptions carry over between thresholds and milestones; otherwise the table
   * starts from what is stored for that kind, or afresh. */
  if (levels_before && levels_after && kind != self->indicator->scoring)
    {
      carried = read_draft (self, FALSE, NULL);
      for (guint i = 0; carried != NULL && i < carried->items->len; i++)
        {
          PhaenCriterion *item = g_ptr_array_index (carried->items, i);

          item->has_threshold = kind == PHAEN_SCORING_MILESTONE;
          item->threshold = kind == PHAEN_SCORING_MILESTONE ? item->level : 0;
        }
    }
  self->loading = TRUE;
  self->kind = kind;
  rebuild_table (self, carried != NULL                    ? carried
                       : kind == self->indicator->scoring ? self->current
                                                          : NULL);
  show_kind_controls (self);
  self->loading = FALSE;
  show_problem (self, NULL);
  update_dirty (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

static void
direction_changed_cb (AppCriteriaEditor *self)
{
  g_autoptr (PhaenCriteriaVersion) draft = NULL;

  if (self->loading)
    return;
  self->direction = (int)adw_combo_row_get_selected (self->direction_row);
  /* The table's header names the direction. */
  if (self->kind == PHAEN_SCORING_NUMERIC)
    {
      draft = read_draft (self, FALSE, NULL);
      self->loading = TRUE;
      rebuild_table (self, draft);
      self->loading = FALSE;
    }
  show_problem (self, NULL);
  update_dirty (self);
}

static void
date_changed_cb (AppCriteriaEditor *self)
{
  g_autofree char *text = NULL;
  g_autofree char *shown = NULL;
  GDate date;

  gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
  text = editable_text (GTK_WIDGET (self->date_row));
  if (text[0] != '\0' && phaen_date_parse (text, &date, NULL))
    shown = phaen_date_label (&date, PHAEN_DATE_FULL);
  gtk_label_set_text (self->date_hint, shown != NULL ? shown : "");
}

static void
reason_changed_cb (AppCriteriaEditor *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->reason_row), "error");
}

static void
add_band_clicked_cb (AppCriteriaEditor *self)
{
  if (self->rows->len >= PHAEN_MAX_BANDS)
    return;
  add_band_row (self, NULL, NULL);
  update_band_controls (self);
  update_dirty (self);
}

static void
remove_band_clicked_cb (GtkButton *button, AppCriteriaEditor *self)
{
  TableRow *row = g_object_get_data (G_OBJECT (button), "table-row");
  int line = 1 + 2 * (int)row_index (self, row);

  /* Both lines of the band go; the bands below move up. */
  gtk_grid_remove_row (GTK_GRID (self->table), line);
  gtk_grid_remove_row (GTK_GRID (self->table), line);
  g_ptr_array_remove (self->rows, row);
  update_band_controls (self);
  update_dirty (self);
}

static void
save_clicked_cb (AppCriteriaEditor *self)
{
  g_autoptr (GError) error = NULL;
  GtkWidget *overlay;

  if (app_criteria_editor_save (self, &error))
    return;
  /* The message also stays under the form; the toast makes sure it is seen. */
  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (error->message));
}

static void
revert_clicked_cb (AppCriteriaEditor *self)
{
  app_criteria_editor_revert (self);
}

/* ------------------------------------------------------------------ overrides */

static void
app_criteria_editor_dispose (GObject *object)
{
  AppCriteriaEditor *self = APP_CRITERIA_EDITOR (object);

  app_criteria_editor_set_indicator (self, NULL, 0);
  G_OBJECT_CLASS (app_criteria_editor_parent_class)->dispose (object);
}

static void
app_criteria_editor_finalize (GObject *object)
{
  AppCriteriaEditor *self = APP_CRITERIA_EDITOR (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (app_criteria_editor_parent_class)->finalize (object);
}

static void
app_criteria_editor_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  AppCriteriaEditor *self = APP_CRITERIA_EDITOR (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_DIRTY:
      g_value_set_boolean (value, self->dirty);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
app_criteria_editor_class_init (AppCriteriaEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = app_criteria_editor_dispose;
  object_class->finalize = app_criteria_editor_finalize;
  object_class->get_property = app_criteria_editor_get_property;

  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, 0, N_KINDS - 1, 0,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/phaen/Phaen/ui/app-criteria-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, AppCriteriaEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, AppCriteriaEditor, direction_row);
  gtk_widget_class_bind_template_child (widget_class, AppCriteriaEditor, pass_row);
  gtk_widget_class_bind_template_child (widget_class, AppCriteriaEditor, scale_label);
  gtk_widget_class_bind_template_child (widget_class, AppCriteriaEditor, table_box);
  gtk_widget_class_bind_template_child (widget_class, AppCriteriaEditor, add_band_button);
  gtk_widget_class_bind_template_child (widget_class, AppCriteriaEditor, save_group);
  gtk_widget_class_bind_template_child (widget_class, AppCriteriaEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, AppCriteriaEditor, date_hint);
  gtk_widget_class_bind_template_child (widget_class, AppCriteriaEditor, reason_row);
  gtk_widget_class_bind_template_child (widget_class, AppCriteriaEditor, problem_label);
  gtk_widget_class_bind_template_child (widget_class, AppCriteriaEditor, history_list);
  gtk_widget_class_bind_template_callback (widget_class, add_band_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, revert_clicked_cb);
}

static void
app_criteria_editor_init (AppCriteriaEditor *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)table_row_free);
  placeholder = gtk_label_new (_ ("No criteria have been saved yet."));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->history_list, placeholder);

  g_signal_connect_object (self->kind_row, "notify::selected", G_CALLBACK (kind_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->direction_row, "notify::selected",
                           G_CALLBACK (direction_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->pass_row, "changed", G_CALLBACK (cell_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->date_row, "changed", G_CALLBACK (date_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reason_row, "changed", G_CALLBACK (reason_changed_cb), self,
                           G_CONNECT_SWAPPED);
  reset_draft (self);
}

/* ------------------------------------------------------------------ public API */

void
app_criteria_editor_set_indicator (AppCriteriaEditor *self, PhaenStore *store, gint64 indicator_id)
{
  g_return_if_fail (APP_IS_CRITERIA_EDITOR (self));
  g_return_if_fail (store == NULL || PHAEN_IS_STORE (store));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  self->indicator_id = store != NULL ? indicator_id : 0;
  g_clear_pointer (&self->indicator, phaen_indicator_free);
  g_clear_pointer (&self->current, phaen_criteria_version_free);
  set_dirty (self, FALSE);
  if (self->store == NULL)
    {
      rebuild_history (self, NULL);
      return;
    }
  g_signal_connect_object (self->store, "records-changed", G_CALLBACK (records_changed_cb), self,
                           G_CONNECT_SWAPPED);
  reload (self);
}

int
app_criteria_editor_get_kind (AppCriteriaEditor *self)
{
  g_return_val_if_fail (APP_IS_CRITERIA_EDITOR (self), 0);

  return self->kind;
}

gboolean
app_criteria_editor_get_dirty (AppCriteriaEditor *self)
{
  g_return_val_if_fail (APP_IS_CRITERIA_EDITOR (self), FALSE);

  return self->dirty;
}

GtkWidget *
app_criteria_editor_get_cell (AppCriteriaEditor *self, const char *column, guint row)
{
  TableRow *table_row;

  g_return_val_if_fail (APP_IS_CRITERIA_EDITOR (self), NULL);
  g_return_val_if_fail (column != NULL, NULL);

  if (g_str_equal (column, "pass"))
    return GTK_WIDGET (self->pass_row);
  if (g_str_equal (column, "date"))
    return GTK_WIDGET (self->date_row);
  if (g_str_equal (column, "reason"))
    return GTK_WIDGET (self->reason_row);
  if (row >= self->rows->len)
    return NULL;
  table_row = g_ptr_array_index (self->rows, row);
  if (g_str_equal (column, "threshold"))
    return table_row->threshold;
  if (g_str_equal (column, "label"))
    return table_row->label;
  if (g_str_equal (column, "lower"))
    return table_row->lower;
  if (g_str_equal (column, "upper"))
    return table_row->upper;
  if (g_str_equal (column, "score"))
    return table_row->score;
  if (g_str_equal (column, "description"))
    return table_row->description;
  return NULL;
}

gboolean
app_criteria_editor_save (AppCriteriaEditor *self, GError **error)
{
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (APP_IS_CRITERIA_EDITOR (self), FALSE);

  if (save_draft (self, &local_error))
    return TRUE;
  show_problem (self, local_error->message);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

void
app_criteria_editor_revert (AppCriteriaEditor *self)
{
  g_return_if_fail (APP_IS_CRITERIA_EDITOR (self));

  reset_draft (self);
}

guint
app_criteria_editor_get_n_history_rows (AppCriteriaEditor *self)
{
  guint n = 0;

  g_return_val_if_fail (APP_IS_CRITERIA_EDITOR (self), 0);

  for (int i = 0; gtk_list_box_get_row_at_index (self->history_list, i) != NULL; i++)
    n += !g_str_equal (
      gtk_widget_get_name (GTK_WIDGET (gtk_list_box_get_row_at_index (self->history_list, i))),
      "target-warning");
  return n;
}

/* The warning that the target differs from T5 of the newest version, NULL when none shows.
 * Returns: (transfer none) (nullable) */
const char *
app_criteria_editor_get_target_warning (AppCriteriaEditor *self)
{
  GtkListBoxRow *first;

  g_return_val_if_fail (APP_IS_CRITERIA_EDITOR (self), NULL);

  first = gtk_list_box_get_row_at_index (self->history_list, 0);
  if (first == NULL || !g_str_equal (gtk_widget_get_name (GTK_WIDGET (first)), "target-warning"))
    return NULL;
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (first));
}
