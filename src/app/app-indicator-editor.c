/* app-indicator-editor.c — every field of an indicator's form (DOMAIN.md §4a), saved as edited
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-indicator-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "app-export.h"
#include "app-autosave.h"
#include "app-indicator-editor.h"
#include "app-pmqa-page.h"
#include "phaen-error.h"
#include "phaen-score.h"
#include "phaen-thai-text.h"

typedef enum
{
  FIELD_TEXT,        /* char * at offset, one line */
  FIELD_LONG_TEXT,   /* char * at offset, wrapped lines */
  FIELD_WEIGHT,      /* the weight, a number */
  FIELD_CHOICE,      /* int at offset, the index of a choice */
  FIELD_SWITCH,      /* gboolean at offset */
  FIELD_PMQA_GROUP,  /* "7.1" … "7.6" */
  FIELD_PMQA_TARGET, /* an optional number */
} FieldKind;

typedef enum
{
  GROUP_GENERAL,
  GROUP_DESCRIPTION,
  GROUP_PMQA,
  GROUP_CONDITION,
  GROUP_MEASURE,
  GROUP_SOURCE,
  GROUP_PEOPLE,
  N_GROUPS
} FieldGroup;

typedef struct
{
  const char *key;
  const char *label; /* N_() */
  FieldKind kind;
  FieldGroup group;
  gsize offset;
  const char *const *choices; /* N_(), for FIELD_CHOICE */
} FieldInfo;

static const char *const mandatory_choices[] = { N_ ("Not mandatory"), N_ ("Mandatory (*)"),
                                                 N_ ("Mandatory (**)"), NULL };
static const char *const level_choices[] = { N_ ("Organisation"), N_ ("Unit"), N_ ("Person"),
                                             NULL };
/* PhaenIndicator.leading: FALSE = lagging */
static const char *const leading_choices[] = { N_ ("Lagging (results)"), N_ ("Leading (drivers)"),
                                               NULL };

#define AT(member) G_STRUCT_OFFSET (PhaenIndicator, member)
#define BASELINE_AT(i) (G_STRUCT_OFFSET (PhaenIndicator, baseline) + (i) * sizeof (char *))

/* The form's fields in its order (DOMAIN.md §4a); "org_plan" gets its title from the unit. */
static const FieldInfo field_infos[] = {
  { "name", N_ ("Indicator"), FIELD_TEXT, GROUP_GENERAL, AT (name), NULL },
  { "code", N_ ("Indicator code"), FIELD_TEXT, GROUP_GENERAL, AT (code), NULL },
  /* Titled "Action plan of <organisation>" once an indicator's unit is known (show_org_title()). */
  { "org_plan", N_ ("Action plan of the organisation"), FIELD_TEXT, GROUP_GENERAL, AT (org_plan),
    NULL },
  { "strategy", N_ ("Strategic issue of the unit"), FIELD_TEXT, GROUP_GENERAL, AT (strategy),
    NULL },
  { "dimension", N_ ("Evaluation dimension"), FIELD_TEXT, GROUP_GENERAL, AT (dimension), NULL },
  { "goal", N_ ("Goal"), FIELD_TEXT, GROUP_GENERAL, AT (goal), NULL },
  { "weight", N_ ("Weight (percent)"), FIELD_WEIGHT, GROUP_GENERAL, 0, NULL },
  { "mandatory", N_ ("Mandatory mark"), FIELD_CHOICE, GROUP_GENERAL, AT (mandatory),
    mandatory_choices },
  { "description", N_ ("Description"), FIELD_LONG_TEXT, GROUP_DESCRIPTION, AT (description), NULL },
  { "pmqa_group", N_ ("Sub-item"), FIELD_PMQA_GROUP, GROUP_PMQA, 0, NULL },
  { "pmqa_target", N_ ("Latest target"), FIELD_PMQA_TARGET, GROUP_PMQA, 0, NULL },
  { "pmqa_note", N_ ("Note"), FIELD_TEXT, GROUP_PMQA, AT (pmqa_note), NULL },
  { "condition", N_ ("Conditions (if any)"), FIELD_LONG_TEXT, GROUP_CONDITION, AT (condition),
    NULL },
  { "measure_unit", N_ ("Unit of measure"), FIELD_TEXT, GROUP_MEASURE, AT (measure_unit), NULL },
  { "target", N_ ("Target this year"), FIELD_TEXT, GROUP_MEASURE, AT (target), NULL },
  { "baseline1", N_ ("Baseline 1 year back (if any)"), FIELD_TEXT, GROUP_MEASURE, BASELINE_AT (0),
    NULL },
  { "baseline2", N_ ("Baseline 2 years back (if any)"), FIELD_TEXT, GROUP_MEASURE, BASELINE_AT (1),
    NULL },
  { "baseline3", N_ ("Baseline 3 years back (if any)"), FIELD_TEXT, GROUP_MEASURE, BASELINE_AT (2),
    NULL },
  { "cumulative", N_ ("Cumulative results"), FIELD_SWITCH, GROUP_MEASURE, AT (cumulative), NULL },
  { "level", N_ ("Level of the indicator"), FIELD_CHOICE, GROUP_MEASURE, AT (level),
    level_choices },
  { "leading", N_ ("Kind of indicator"), FIELD_CHOICE, GROUP_MEASURE, AT (leading),
    leading_choices },
  { "data_source", N_ ("Data source / collection method"), FIELD_LONG_TEXT, GROUP_SOURCE,
    AT (data_source), NULL },
  { "owner_name", N_ ("Indicator owner"), FIELD_TEXT, GROUP_PEOPLE, AT (owner_name), NULL },
  { "owner_phone", N_ ("Owner's phone"), FIELD_TEXT, GROUP_PEOPLE, AT (owner_phone), NULL },
  { "supporter_name", N_ ("Supporter"), FIELD_TEXT, GROUP_PEOPLE, AT (supporter_name), NULL },
  { "supporter_phone", N_ ("Supporter's phone"), FIELD_TEXT, GROUP_PEOPLE, AT (supporter_phone),
    NULL },
};

typedef struct
{
  const FieldInfo *info;
  AppIndicatorEditor *editor;
  GtkWidget *widget; /* AdwEntryRow, GtkTextView, AdwComboRow or GtkSwitch */
  gboolean dirty;    /* typed since the last save */
} Field;

struct _AppIndicatorEditor
{
  AdwBin parent_instance;

  GtkWidget *scroller;
  AdwPreferencesGroup *general_group;
  AdwPreferencesGroup *description_group;
  AdwPreferencesGroup *pmqa_group;
  AdwPreferencesGroup *condition_group;
  AdwPreferencesGroup *measure_group;
  AdwPreferencesGroup *source_group;
  AdwPreferencesGroup *people_group;
  AppCriteriaEditor *criteria_editor;
  AdwActionRow *unit_row;
  AdwActionRow *year_row;

  PhaenStore *store;
  gint64 indicator_id;
  PhaenIndicator *indicator;
  Field fields[G_N_ELEMENTS (field_infos)];
  AppAutosave *autosave; /* a pause in typing saves the typed fields */
  gboolean loading;      /* the editor itself is filling its widgets */
};

G_DEFINE_FINAL_TYPE (AppIndicatorEditor, app_indicator_editor, ADW_TYPE_BIN)

enum
{
  SIGNAL_WEIGHT_PREVIEW,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------ helpers */

static char **
text_slot (PhaenIndicator *indicator, const FieldInfo *info)
{
  return G_STRUCT_MEMBER_P (indicator, info->offset);
}

static int *
int_slot (PhaenIndicator *indicator, const FieldInfo *info)
{
  return G_STRUCT_MEMBER_P (indicator, info->offset);
}

static gboolean
same_text (const char *a, const char *b)
{
  return g_strcmp0 (a != NULL ? a : "", b != NULL ? b : "") == 0;
}

static char *
field_text (Field *field)
{
  if (field->info->kind == FIELD_LONG_TEXT)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (field->widget));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
    }
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (field->widget))));
}

static void
set_field_text (Field *field, const char *text)
{
  g_autofree char *shown = field_text (field);

  if (same_text (shown, text))
    return;
  if (field->info->kind == FIELD_LONG_TEXT)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field->widget)),
                              text != NULL ? text : "", -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (field->widget), text != NULL ? text : "");
}

static int
pmqa_group_index (const char *group)
{
  for (int i = 0; i < APP_PMQA_N_GROUPS; i++)
    if (g_strcmp0 (group, app_pmqa_group_code (i)) == 0)
      return i + 1;
  return 0;
}

/* Shows the stored value of @field. */
static void
field_show (Field *field, const PhaenIndicator *indicator)
{
  const FieldInfo *info = field->info;

  gtk_widget_remove_css_class (field->widget, "error");
  switch (info->kind)
    {
    case FIELD_TEXT:
    case FIELD_LONG_TEXT:
      set_field_text (field, *text_slot ((PhaenIndicator *)indicator, info));
      break;
    case FIELD_WEIGHT:
      {
        g_autofree char *text = phaen_format_number (indicator->weight, 4, PHAEN_NUMBER_TRIM_ZEROS);

        set_field_text (field, text);
      }
      break;
    case FIELD_PMQA_TARGET:
      {
        g_autofree char *text =
          indicator->has_pmqa_target
            ? phaen_format_number (indicator->pmqa_target, 6, PHAEN_NUMBER_TRIM_ZEROS)
            : NULL;

        set_field_text (field, text);
      }
      break;
    case FIELD_CHOICE:
      adw_combo_row_set_selected (ADW_COMBO_ROW (field->widget),
                                  (guint)MAX (0, *int_slot ((PhaenIndicator *)indicator, info)));
      break;
    case FIELD_SWITCH:
      gtk_switch_set_active (GTK_SWITCH (field->widget),
                             *int_slot ((PhaenIndicator *)indicator, info) != 0);
      break;
    case FIELD_PMQA_GROUP:
      adw_combo_row_set_selected (ADW_COMBO_ROW (field->widget),
                                  (guint)pmqa_group_index (indicator->pmqa_group));
      break;
    default:
      break;
    }
}

/* Writes what @field holds into @indicator; FALSE with an error when it does not fit. */
static gboolean
field_read (Field *field, PhaenIndicator *indicator, GError **error)
{
  const FieldInfo *info = field->info;
  g_autofree char *text = NULL;

  switch (info->kind)
    {
    case FIELD_TEXT:
    case FIELD_LONG_TEXT:
      text = field_text (field);
      if (g_str_equal (info->key, "name") && text[0] == '\0')
        {
          g_set_error_literal (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                               _ ("The indicator needs a name."));
          return FALSE;
        }
      g_free (*text_slot (indicator, info));
      *text_slot (indicator, info) = g_steal_pointer (&text);
      return TRUE;
    case FIELD_WEIGHT:
      {
        g_autoptr (GError) local_error = NULL;
        double weight;

        text = field_text (field);
        if (!phaen_parse_number (text, &weight, &local_error))
          {
            g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID, _ ("Weight: %s"),
                         local_error->message);
            return FALSE;
          }
        if (weight < 0 || weight > 100)
          {
            g_set_error_literal (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                                 _ ("The weight is a percentage from 0 to 100."));
            return FALSE;
          }
        indicator->weight = weight;
        return TRUE;
      }
    case FIELD_PMQA_TARGET:
      {
        g_autoptr (GError) local_error = NULL;
        double target;
        gboolean has_target;

        text = field_text (field);
        if (!phaen_parse_optional_number (text, &has_target, &target, &local_error))
          {
            g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID, _ ("Latest target: %s"),
                         local_error->message);
            return FALSE;
          }
        indicator->has_pmqa_target = has_target;
        indicator->pmqa_target = has_target ? target : 0;
        return TRUE;
      }
    case FIELD_CHOICE:
      *int_slot (indicator, info) = (int)adw_combo_row_get_selected (ADW_COMBO_ROW (field->widget));
      return TRUE;
    case FIELD_SWITCH:
      *int_slot (indicator, info) = gtk_switch_get_active (GTK_SWITCH (field->widget));
      return TRUE;
    case FIELD_PMQA_GROUP:
      {
        guint index = adw_combo_row_get_selected (ADW_COMBO_ROW (field->widget));

        g_free (indicator->pmqa_group);
        indicator->pmqa_group = index > 0 && index <= APP_PMQA_N_GROUPS
                                  ? g_strdup (app_pmqa_group_code (index - 1))
                                  : NULL;
        return TRUE;
      }
    default:
      return TRUE;
    }
}

static gboolean
indicators_differ (const PhaenIndicator *a, const PhaenIndicator *b, const FieldInfo *info)
{
  switch (info->kind)
    {
    case FIELD_TEXT:
    case FIELD_LONG_TEXT:
      return !same_text (*text_slot ((PhaenIndicator *)a, info),
                         *text_slot ((PhaenIndicator *)b, info));
    case FIELD_WEIGHT:
      return a->weight != b->weight;
    case FIELD_PMQA_TARGET:
      return a->has_pmqa_target != b->has_pmqa_target || a->pmqa_target != b->pmqa_target;
    case FIELD_CHOICE:
    case FIELD_SWITCH:
      return *int_slot ((PhaenIndicator *)a, info) != *int_slot ((PhaenIndicator *)b, info);
    case FIELD_PMQA_GROUP:
      return g_strcmp0 (a->pmqa_group, b->pmqa_group) != 0;
    default:
      return FALSE;
    }
}

static gboolean
field_commit (Field *field, GError **error)
{
  AppIndicatorEditor *self = field->editor;
  g_autoptr (PhaenIndicator) changed = NULL;
  gboolean typed = field->info->kind == FIELD_TEXT || field->info->kind == FIELD_LONG_TEXT ||
                   field->info->kind == FIELD_WEIGHT || field->info->kind == FIELD_PMQA_TARGET;

  if (self->store == NULL || self->indicator == NULL || (typed && !field->dirty))
    return TRUE;
  changed = phaen_indicator_copy (self->indicator);
  if (!field_read (field, changed, error))
    {
      gtk_widget_add_css_class (field->widget, "error");
      return FALSE;
    }
  gtk_widget_remove_css_class (field->widget, "error");
  field->dirty = FALSE;
  if (!indicators_differ (changed, self->indicator, field->info))
    {
      /* Show the stored spelling again ("๓๐" typed over 30), once the user is done typing. */
      if (app_autosave_is_typing (field->widget))
        return TRUE;
      self->loading = TRUE;
      field_show (field, self->indicator);
      self->loading = FALSE;
      return TRUE;
    }
  if (!phaen_store_update_indicator (self->store, changed, error))
    {
      field->dirty = typed;
      return FALSE;
    }
  return TRUE;
}

static void
commit_and_report (Field *field)
{
  g_autoptr (GError) error = NULL;

  if (!field_commit (field, &error))
    app_toast (GTK_WIDGET (field->editor), error->message);
}

static void
show_org_title (AppIndicatorEditor *self)
{
  g_autoptr (PhaenUnit) unit = NULL;
  g_autoptr (PhaenUnit) parent = NULL;
  g_autofree char *unit_text = NULL;
  g_autofree char *year_text = NULL;
  g_autofree char *org_title = NULL;

  if (self->store == NULL || self->indicator == NULL)
    return;
  unit = phaen_store_get_unit (self->store, self->indicator->unit_id, NULL);
  if (unit != NULL && unit->parent_id != 0)
    parent = phaen_store_get_unit (self->store, unit->parent_id, NULL);
  unit_text = unit != NULL ? g_strdup_printf ("%s %s", unit->abbr, unit->name) : g_strdup ("");
  year_text = g_strdup_printf ("%d", self->indicator->fiscal_year);
  adw_action_row_set_subtitle (self->unit_row, unit_text);
  adw_action_row_set_subtitle (self->year_row, year_text);
  /* DOMAIN.md §4a: แผนปฏิบัติราชการของ <org>, the ministry office above the unit. */
  org_title = g_strdup_printf (_ ("Action plan of %s"), parent != NULL ? parent->abbr
                                                        : unit != NULL ? unit->abbr
                                                                       : "");
  for (guint i = 0; i < G_N_ELEMENTS (self->fields); i++)
    if (g_str_equal (self->fields[i].info->key, "org_plan"))
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->fields[i].widget), org_title);
}

static void
update_pmqa_visibility (AppIndicatorEditor *self)
{
  gboolean pmqa = app_criteria_editor_get_kind (self->criteria_editor) == PHAEN_SCORING_PMQA7 ||
                  (self->indicator != NULL && self->indicator->scoring == PHAEN_SCORING_PMQA7);

  gtk_widget_set_visible (GTK_WIDGET (self->pmqa_group), pmqa);
}

/* Whether @field is being typed in and already means what @indicator holds: a save made while
 * the user types ("3." saved as 3, a trailing space) keeps the text and the cursor. */
static gboolean
field_means (Field *field, const PhaenIndicator *indicator)
{
  g_autoptr (PhaenIndicator) shown = NULL;

  if (!app_autosave_is_typing (field->widget))
    return FALSE;
  shown = phaen_indicator_copy (indicator);
  return field_read (field, shown, NULL) && !indicators_differ (shown, indicator, field->info);
}

static void
reload (AppIndicatorEditor *self)
{
  g_autoptr (PhaenIndicator) indicator = NULL;

  if (self->store == NULL || self->indicator_id == 0)
    return;
  indicator = phaen_store_get_indicator (self->store, self->indicator_id, NULL);
  if (indicator == NULL)
    return; /* deleted: the page moves on */
  g_clear_pointer (&self->indicator, phaen_indicator_free);
  self->indicator = g_steal_pointer (&indicator);

  self->loading = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (self->fields); i++)
    if (!self->fields[i].dirty && !field_means (&self->fields[i], self->indicator))
      field_show (&self->fields[i], self->indicator);
  show_org_title (self);
  self->loading = FALSE;
  update_pmqa_visibility (self);
}

/* The indicator and its criteria: what the form shows (results are the results page's). */
static void
records_changed_cb (AppIndicatorEditor *self, PhaenChanges *changes)
{
  if (phaen_changes_touches (changes, PHAEN_RECORD_INDICATOR | PHAEN_RECORD_CRITERIA_VERSION |
                                        PHAEN_RECORD_CRITERION | PHAEN_RECORD_UNIT |
                                        PHAEN_RECORD_PERSON))
    reload (self);
}

static Field *
find_field (AppIndicatorEditor *self, const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->fields); i++)
    if (g_str_equal (self->fields[i].info->key, key))
      return &self->fields[i];
  return NULL;
}

/* ------------------------------------------------------------------ callbacks */

static void
field_changed_cb (Field *field)
{
  AppIndicatorEditor *self = field->editor;

  if (self->loading)
    return;
  field->dirty = TRUE;
  app_autosave_changed (self->autosave);
  gtk_widget_remove_css_class (field->widget, "error");
  if (field->info->kind == FIELD_WEIGHT)
    {
      g_autofree char *text = field_text (field);
      double weight;

      if (!phaen_parse_number (text, &weight, NULL))
        weight = NAN;
      g_signal_emit (self, signals[SIGNAL_WEIGHT_PREVIEW], 0, weight);
    }
}

/* A pause in typing: what cannot be saved yet (an empty name, half a number) waits, marked, for
 * Enter or leaving the field to say why. */
static void
autosave_cb (gpointer user_data)
{
  AppIndicatorEditor *self = user_data;

  for (guint i = 0; i < G_N_ELEMENTS (self->fields); i++)
    {
      g_autoptr (GError) error = NULL;

      if (self->fields[i].dirty && !field_commit (&self->fields[i], &error) &&
          !g_error_matches (error, PHAEN_ERROR, PHAEN_ERROR_INVALID))
        app_toast (GTK_WIDGET (self), error->message);
    }
}

static void
field_chosen_cb (Field *field)
{
  if (!field->editor->loading)
    commit_and_report (field);
}

static void
field_focus_leave_cb (GtkEventControllerFocus *controller, Field *field)
{
  commit_and_report (field);
}

static void
kind_changed_cb (AppIndicatorEditor *self)
{
  update_pmqa_visibility (self);
}

/* ------------------------------------------------------------------ building */

static AdwPreferencesGroup *
group_of (AppIndicatorEditor *self, FieldGroup group)
{
  AdwPreferencesGroup *groups[N_GROUPS] = {
    self->general_group, self->description_group, self->pmqa_group,   self->condition_group,
    self->measure_group, self->source_group,      self->people_group,
  };

  return groups[group];
}

static GtkWidget *
choice_row (const char *title, const char *const *choices)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr (GtkStringList) model = gtk_string_list_new (NULL);

  for (guint i = 0; choices[i] != NULL; i++)
    gtk_string_list_append (model, _ (choices[i]));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  return row;
}

static void
build_field (AppIndicatorEditor *self, Field *field)
{
  const FieldInfo *info = field->info;
  AdwPreferencesGroup *group = group_of (self, info->group);
  GtkEventController *focus = NULL;
  GtkWidget *row = NULL;

  switch (info->kind)
    {
    case FIELD_TEXT:
    case FIELD_WEIGHT:
    case FIELD_PMQA_TARGET:
      row = field->widget = adw_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _ (info->label));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (g_str_has_suffix (info->key, "_phone"))
        adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_PHONE);
      g_signal_connect_swapped (row, "changed", G_CALLBACK (field_changed_cb), field);
      g_signal_connect_swapped (row, "entry-activated", G_CALLBACK (commit_and_report), field);
      focus = gtk_event_controller_focus_new ();
      break;
    case FIELD_LONG_TEXT:
      {
        GtkWidget *scroller = gtk_scrolled_window_new ();
        GtkTextBuffer *buffer;

        field->widget = gtk_text_view_new ();
        buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (field->widget));
        gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (field->widget), GTK_WRAP_WORD_CHAR);
        gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (field->widget), FALSE);
        gtk_text_view_set_top_margin (GTK_TEXT_VIEW (field->widget), 8);
        gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (field->widget), 8);
        gtk_text_view_set_left_margin (GTK_TEXT_VIEW (field->widget), 10);
        gtk_text_view_set_right_margin (GTK_TEXT_VIEW (field->widget), 10);
        /* Undo belongs to the workspace (win.undo): a saved text is one of its steps. */
        gtk_text_buffer_set_enable_undo (buffer, FALSE);
        gtk_widget_add_css_class (field->widget, "section-text");
        gtk_accessible_update_property (GTK_ACCESSIBLE (field->widget),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, _ (info->label), -1);
        /* GTK 4.8 does not give a wrapping text view its height for the width it gets: the
         * box sets a floor, then scrolls. */
        gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                        GTK_POLICY_AUTOMATIC);
        gtk_scrolled_window_set_has_frame (GTK_SCROLLED_WINDOW (scroller), TRUE);
        gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 96);
        gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
        gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
        gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), field->widget);
        adw_preferences_group_set_title (group, _ (info->label));
        adw_preferences_group_add (group, scroller);
        g_signal_connect_swapped (buffer, "changed", G_CALLBACK (field_changed_cb), field);
        focus = gtk_event_controller_focus_new ();
      }
      break;
    case FIELD_CHOICE:
      row = field->widget = choice_row (_ (info->label), info->choices);
      g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (field_chosen_cb), field);
      break;
    case FIELD_PMQA_GROUP:
      {
        g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

        g_ptr_array_add (names, g_strdup (_ ("Not set")));
        for (int i = 0; i < APP_PMQA_N_GROUPS; i++)
          g_ptr_array_add (names, app_pmqa_group_title (app_pmqa_group_code (i)));
        g_ptr_array_add (names, NULL);
        row = field->widget = choice_row (_ (info->label), (const char *const *)names->pdata);
        adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (row), TRUE);
        g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (field_chosen_cb), field);
      }
      break;
    case FIELD_SWITCH:
      row = adw_action_row_new ();
      field->widget = gtk_switch_new ();
      gtk_widget_set_valign (field->widget, GTK_ALIGN_CENTER);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _ (info->label));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _ ("Each quarter reports the total so far"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), field->widget);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), field->widget);
      g_signal_connect_swapped (field->widget, "notify::active", G_CALLBACK (field_chosen_cb),
                                field);
      break;
    default:
      g_assert_not_reached ();
    }
  if (row != NULL)
    adw_preferences_group_add (group, row);
  if (focus != NULL)
    {
      g_signal_connect (focus, "leave", G_CALLBACK (field_focus_leave_cb), field);
      gtk_widget_add_controller (field->widget, focus);
    }
}

static void
build_fields (AppIndicatorEditor *self)
{
  self->unit_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->unit_row), _ ("Unit"));
  adw_preferences_group_add (self->general_group, GTK_WIDGET (self->unit_row));
  self->year_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->year_row), _ ("Fiscal year (B.E.)"));
  adw_preferences_group_add (self->general_group, GTK_WIDGET (self->year_row));

  for (guint i = 0; i < G_N_ELEMENTS (field_infos); i++)
    {
      self->fields[i].info = &field_infos[i];
      self->fields[i].editor = self;
      build_field (self, &self->fields[i]);
    }
}

/* ------------------------------------------------------------------ overrides */

static void
app_indicator_editor_dispose (GObject *object)
{
  AppIndicatorEditor *self = APP_INDICATOR_EDITOR (object);

  app_autosave_flush (self->autosave);
  g_clear_pointer (&self->autosave, app_autosave_free);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_pointer (&self->indicator, phaen_indicator_free);
  G_OBJECT_CLASS (app_indicator_editor_parent_class)->dispose (object);
}

static void
app_indicator_editor_class_init (AppIndicatorEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = app_indicator_editor_dispose;

  signals[SIGNAL_WEIGHT_PREVIEW] =
    g_signal_new ("weight-preview", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_DOUBLE);

  g_type_ensure (APP_TYPE_CRITERIA_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/phaen/Phaen/ui/app-indicator-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, AppIndicatorEditor, scroller);
  gtk_widget_class_bind_template_child (widget_class, AppIndicatorEditor, general_group);
  gtk_widget_class_bind_template_child (widget_class, AppIndicatorEditor, description_group);
  gtk_widget_class_bind_template_child (widget_class, AppIndicatorEditor, pmqa_group);
  gtk_widget_class_bind_template_child (widget_class, AppIndicatorEditor, condition_group);
  gtk_widget_class_bind_template_child (widget_class, AppIndicatorEditor, measure_group);
  gtk_widget_class_bind_template_child (widget_class, AppIndicatorEditor, source_group);
  gtk_widget_class_bind_template_child (widget_class, AppIndicatorEditor, people_group);
  gtk_widget_class_bind_template_child (widget_class, AppIndicatorEditor, criteria_editor);
}

static void
app_indicator_editor_init (AppIndicatorEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->autosave = app_autosave_new (autosave_cb, self);
  build_fields (self);
  g_signal_connect_object (self->criteria_editor, "notify::kind", G_CALLBACK (kind_changed_cb),
                           self, G_CONNECT_SWAPPED);
  update_pmqa_visibility (self);
}

/* ------------------------------------------------------------------ public API */

void
app_indicator_editor_set_indicator (AppIndicatorEditor *self,
                                    PhaenStore *store,
                                    gint64 indicator_id)
{
  g_return_if_fail (APP_IS_INDICATOR_EDITOR (self));
  g_return_if_fail (store == NULL || PHAEN_IS_STORE (store));

  if (self->store == store && self->indicator_id == indicator_id)
    return;
  app_indicator_editor_flush (self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  self->indicator_id = store != NULL ? indicator_id : 0;
  g_clear_pointer (&self->indicator, phaen_indicator_free);
  for (guint i = 0; i < G_N_ELEMENTS (self->fields); i++)
    self->fields[i].dirty = FALSE;
  app_criteria_editor_set_indicator (self->criteria_editor, self->store, self->indicator_id);
  /* A new indicator starts at the top of the form. */
  gtk_adjustment_set_value (
    gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller)), 0);
  if (self->store == NULL)
    return;
  g_signal_connect_object (self->store, "records-changed", G_CALLBACK (records_changed_cb), self,
                           G_CONNECT_SWAPPED);
  /* In a unit's copy the office owns the indicator, its criteria and weight: shown, not
   * editable. */
  {
    gboolean editable = !phaen_store_is_unit_copy (self->store);

    for (guint i = 0; i < G_N_ELEMENTS (self->fields); i++)
      if (self->fields[i].widget != NULL)
        gtk_widget_set_sensitive (self->fields[i].widget, editable);
    gtk_widget_set_sensitive (GTK_WIDGET (self->criteria_editor), editable);
  }
  reload (self);
}

gint64
app_indicator_editor_get_indicator_id (AppIndicatorEditor *self)
{
  g_return_val_if_fail (APP_IS_INDICATOR_EDITOR (self), 0);

  return self->indicator_id;
}

void
app_indicator_editor_flush (AppIndicatorEditor *self)
{
  g_return_if_fail (APP_IS_INDICATOR_EDITOR (self));

  app_autosave_cancel (self->autosave);
  for (guint i = 0; i < G_N_ELEMENTS (self->fields); i++)
    if (self->fields[i].dirty)
      commit_and_report (&self->fields[i]);
}

GtkWidget *
app_indicator_editor_get_field (AppIndicatorEditor *self, const char *key)
{
  Field *field;

  g_return_val_if_fail (APP_IS_INDICATOR_EDITOR (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  field = find_field (self, key);
  return field != NULL ? field->widget : NULL;
}

gboolean
app_indicator_editor_commit_field (AppIndicatorEditor *self, const char *key, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  Field *field;

  g_return_val_if_fail (APP_IS_INDICATOR_EDITOR (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  field = find_field (self, key);
  if (field == NULL)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID, "no field “%s”", key);
      return FALSE;
    }
  if ((self->store == NULL || phaen_store_check_office_edit (self->store, &local_error)) &&
      field_commit (field, &local_error))
    return TRUE;
  app_toast (GTK_WIDGET (self), local_error->message);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

AppCriteriaEditor *
app_indicator_editor_get_criteria_editor (AppIndicatorEditor *self)
{
  g_return_val_if_fail (APP_IS_INDICATOR_EDITOR (self), NULL);

  return self->criteria_editor;
}
