/* app-result-editor.c — one indicator's quarterly report: result, live score, text, evidence
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-result-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "app-autosave.h"
#include "app-result-editor.h"
#include "phaen-criteria-in-force.h"
#include "phaen-calendar.h"
#include "phaen-error.h"
#include "phaen-evidence-copy.h"
#include "phaen-evidence-link.h"
#include "phaen-result-check.h"
#include "phaen-scorecard.h"
#include "phaen-thai-text.h"

struct _AppResultEditor
{
  AdwBin parent_instance;

  GtkLabel *title_label;
  GtkLabel *info_label;
  GtkLabel *value_heading;
  GtkEntry *value_entry;
  GtkLabel *score_label;
  GtkLabel *weighted_label;
  GtkLabel *score_note_label;
  GtkLabel *history_label;
  GtkWidget *warnings_box;
  GtkTextView *detail_view;
  GtkTextView *problems_view;
  GtkListBox *evidence_list;
  GtkPopover *link_popover;
  GtkEntry *link_url_entry;
  GtkEntry *link_title_entry;
  GtkLabel *link_error_label;
  GtkExpander *override_expander;
  GtkEntry *override_entry;
  GtkEntry *reason_entry;
  GtkLabel *override_error_label;

  PhaenStore *store;
  gint64 indicator_id;
  int quarter;
  guint n_versions; /* of the indicator's criteria */
  PhaenIndicator *indicator;
  PhaenCriteriaVersion *criteria;
  PhaenCriteria rules; /* its band labels point into @criteria */
  char *problem;       /* why the indicator cannot be scored, else NULL */
  PhaenResult *results[PHAEN_QUARTERS];
  guint n_evidence[PHAEN_QUARTERS];
  GPtrArray *evidence; /* (element-type PhaenEvidence) of the quarter shown */
  GStrv warnings;
  AppAutosave *autosave; /* a pause in typing saves what was typed */
  guint loading : 1;     /* the editor itself is writing into its fields */
  guint value_dirty : 1;
  guint detail_dirty : 1;
  guint problems_dirty : 1;
  guint override_dirty : 1;
};

G_DEFINE_FINAL_TYPE (AppResultEditor, app_result_editor, ADW_TYPE_BIN)

/* ------------------------------------------------------------------ helpers */

static void
toast_full (AppResultEditor *self, const char *text, gboolean offer_undo)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  if (overlay == NULL)
    {
      g_message ("%s", text);
      return;
    }
  toast = adw_toast_new (text);
  adw_toast_set_timeout (toast, 5);
  if (offer_undo)
    {
      adw_toast_set_button_label (toast, _ ("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
toast (AppResultEditor *self, const char *text)
{
  toast_full (self, text, FALSE);
}

static char *
buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_buffer_text (GtkTextView *view, const char *text)
{
  g_autofree char *shown = buffer_text (view);

  if (g_strcmp0 (shown, text) != 0)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
}

static void
set_entry_text (GtkEntry *entry, const char *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

/* Whether @widget has the focus and @shown, once stripped, is @stored: what a save made while the
 * user types comes back as, and the field keeps its text and cursor. */
static gboolean
typing_saved (GtkWidget *widget, const char *shown, const char *stored)
{
  g_autofree char *stripped = g_strstrip (g_strdup (shown));

  return app_autosave_is_typing (widget) && g_str_equal (stripped, stored);
}

static void
show_error (GtkLabel *label, const char *message)
{
  gtk_label_set_text (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

static const PhaenResult *
shown_result (AppResultEditor *self)
{
  return self->quarter >= 1 ? self->results[self->quarter - 1] : NULL;
}

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

static void
clear_data (AppResultEditor *self)
{
  g_clear_pointer (&self->indicator, phaen_indicator_free);
  g_clear_pointer (&self->criteria, phaen_criteria_version_free);
  g_clear_pointer (&self->problem, g_free);
  self->n_versions = 0;
  for (int q = 0; q < PHAEN_QUARTERS; q++)
    {
      g_clear_pointer (&self->results[q], phaen_result_free);
      self->n_evidence[q] = 0;
    }
  g_clear_pointer (&self->evidence, g_ptr_array_unref);
  g_clear_pointer (&self->warnings, g_strfreev);
}

static const PhaenEvidence *
find_evidence (AppResultEditor *self, gint64 evidence_id)
{
  for (guint i = 0; self->evidence != NULL && i < self->evidence->len; i++)
    {
      const PhaenEvidence *evidence = g_ptr_array_index (self->evidence, i);

      if (evidence->id == evidence_id)
        return evidence;
    }
  return NULL;
}

/* What the scoring criteria say, in one line: the officer checks the score against it. */
static char *
describe_criteria (AppResultEditor *self)
{
  const PhaenIndicator *indicator = self->indicator;
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *weight = phaen_format_number (indicator->weight, 2, PHAEN_NUMBER_TRIM_ZEROS);

  g_string_append_printf (text, _ ("Weight %s"), weight);
  if (!phaen_text_is_blank (indicator->target))
    g_string_append_printf (text, _ (" · target %s %s"), indicator->target,
                            or_empty (indicator->measure_unit));
  if (self->problem != NULL)
    return g_string_free (g_steal_pointer (&text), FALSE);
  if (self->n_versions > 1)
    g_string_append_printf (text, _ (" · criteria version %d"), self->criteria->version);

  switch (self->rules.kind)
    {
    case PHAEN_SCORING_NUMERIC:
      g_string_append (text, _ (" · levels 1–5 at "));
      for (int i = 0; i < PHAEN_N_LEVELS; i++)
        {
          g_autofree char *t =
            phaen_format_number (self->rules.threshold[i], 4, PHAEN_NUMBER_TRIM_ZEROS);

          g_string_append_printf (text, i == 0 ? "%s" : " / %s", t);
        }
      break;
    case PHAEN_SCORING_MILESTONE:
      g_string_append (text, _ (" · the score is the level reached (1–5)"));
      break;
    case PHAEN_SCORING_BANDS:
      g_string_append (text, _ (" · bands: "));
      for (guint i = 0; i < self->rules.n_bands; i++)
        g_string_append_printf (text, i == 0 ? "%s" : ", %s", or_empty (self->rules.band[i].label));
      break;
    case PHAEN_SCORING_PASS_FAIL:
      {
        g_autofree char *pass =
          phaen_format_number (self->rules.pass_percent, 2, PHAEN_NUMBER_TRIM_ZEROS);

        g_string_append_printf (text, _ (" · passes at %s %%"), pass);
      }
      break;
    case PHAEN_SCORING_PMQA7:
    default:
      break;
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The earlier quarters' results and scores: a cumulative result is read against them. */
static void
update_history (AppResultEditor *self)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (int q = 1; q < self->quarter; q++)
    {
      const PhaenResult *result = self->results[q - 1];
      g_autofree char *label = phaen_quarter_name (q);
      PhaenScoreInput input;
      PhaenScore score = { 0 };

      if (result == NULL || phaen_text_is_blank (result->value_text))
        continue;
      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append_printf (text, "%s: %s", label, result->value_text);
      phaen_score_input_from_result (self->indicator, result, &input);
      if (self->problem == NULL &&
          phaen_criteria_score (&self->rules, &input, self->indicator->weight, &score, NULL) &&
          score.has_score)
        {
          g_autofree char *points = phaen_format_score (score.score, FALSE);

          g_string_append_printf (text, _ (" (score %s)"), points);
        }
    }
  gtk_label_set_text (self->history_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->history_label), text->len > 0);
}

static void
show_warnings (AppResultEditor *self, GPtrArray *warnings)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->warnings_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->warnings_box), child);
  if (self->problem != NULL)
    g_strv_builder_add (builder, self->problem);
  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    g_strv_builder_add (builder, ((PhaenWarning *)g_ptr_array_index (warnings, i))->message);
  g_clear_pointer (&self->warnings, g_strfreev);
  self->warnings = g_strv_builder_end (builder);

  for (guint i = 0; self->warnings[i] != NULL; i++)
    {
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      GtkWidget *label = gtk_label_new (self->warnings[i]);

      gtk_widget_set_valign (icon, GTK_ALIGN_START);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_box_append (GTK_BOX (row), icon);
      gtk_box_append (GTK_BOX (row), label);
      gtk_widget_add_css_class (row, "warning");
      gtk_widget_add_css_class (row, "result-warning");
      gtk_box_append (GTK_BOX (self->warnings_box), row);
    }
  gtk_widget_set_visible (self->warnings_box, self->warnings[0] != NULL);
}

/* The score, weighted score and warnings of the text as typed, by the same core functions that
 * score the stored results: nothing is computed here. */
static void
update_live (AppResultEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->value_entry));
  const PhaenResult *stored = shown_result (self);
  PhaenResult typed = { 0 };
  PhaenResult *results[PHAEN_QUARTERS];
  g_autoptr (GPtrArray) warnings = NULL;
  g_autoptr (GError) error = NULL;
  PhaenScoreInput input;
  PhaenScore score = { .band = -1 };
  gboolean not_a_number = FALSE;
  g_autofree char *score_text = NULL;
  g_autofree char *weighted_text = NULL;
  g_autofree char *note = NULL;

  if (self->indicator == NULL)
    return;
  if (stored != NULL)
    typed = *stored; /* a shallow copy, only read */
  typed.quarter = self->quarter;
  typed.value_text = (char *)text;
  if (!phaen_parse_optional_number (text, &typed.has_value, &typed.value, NULL))
    typed.has_value = FALSE;
  for (int q = 0; q < PHAEN_QUARTERS; q++)
    results[q] = self->results[q];
  results[self->quarter - 1] = &typed;

  if (self->problem == NULL)
    {
      phaen_score_input_from_result (self->indicator, &typed, &input);
      if (!phaen_criteria_score (&self->rules, &input, self->indicator->weight, &score, &error))
        score = (PhaenScore){ .band = -1 };
      warnings = phaen_result_check (self->indicator, &self->rules, results, self->n_evidence,
                                     self->quarter);
      for (guint i = 0; i < warnings->len; i++)
        not_a_number |=
          ((PhaenWarning *)g_ptr_array_index (warnings, i))->kind == PHAEN_WARNING_NOT_A_NUMBER;
    }

  score_text = score.has_score ? phaen_format_score (score.score, FALSE) : g_strdup ("-");
  weighted_text = score.has_score ? phaen_format_score (score.weighted, FALSE) : g_strdup ("-");
  gtk_label_set_text (self->score_label, score_text);
  gtk_label_set_text (self->weighted_label, weighted_text);

  if (score.has_score && score.overridden)
    {
      g_autofree char *suggested = phaen_format_score (score.suggested, FALSE);

      note = g_strdup_printf (_ ("The score was chosen; the criteria give %s."), suggested);
    }
  else if (score.has_score && self->rules.kind == PHAEN_SCORING_PASS_FAIL)
    note = g_strdup (score.passed ? _ ("Passed") : _ ("Not passed"));
  else if (error != NULL && !not_a_number)
    note = g_strdup (error->message);
  gtk_label_set_text (self->score_note_label, or_empty (note));
  gtk_widget_set_visible (GTK_WIDGET (self->score_note_label), note != NULL);

  show_warnings (self, warnings);
}

static GtkWidget *
evidence_button (const char *icon, const char *tooltip, const char *action, gint64 id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  return button;
}

static GtkWidget *
evidence_row_new (const PhaenEvidence *evidence)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), evidence->name);
  if (evidence->url != NULL)
    {
      subtitle = g_strdup (evidence->url);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("web-browser-symbolic"));
    }
  else
    {
      g_autofree char *type = g_content_type_from_mime_type (or_empty (evidence->mime));
      g_autofree char *description = type != NULL ? g_content_type_get_description (type) : NULL;
      g_autofree char *size = g_format_size ((guint64)evidence->size);

      subtitle = description != NULL ? g_strdup_printf ("%s · %s", description, size)
                                     : g_steal_pointer (&size);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("text-x-generic-symbolic"));
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  adw_action_row_add_suffix (
    ADW_ACTION_ROW (row),
    evidence_button ("document-open-symbolic", _ ("Open"), "editor.open-evidence", evidence->id));
  if (evidence->url == NULL)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               evidence_button ("document-save-as-symbolic", _ ("Save a Copy…"),
                                                "editor.save-evidence", evidence->id));
  adw_action_row_add_suffix (
    ADW_ACTION_ROW (row),
    evidence_button ("user-trash-symbolic", _ ("Remove"), "editor.remove-evidence", evidence->id));
  return row;
}

static void
fill_evidence (AppResultEditor *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->evidence_list))) != NULL)
    gtk_list_box_remove (self->evidence_list, child);
  for (guint i = 0; self->evidence != NULL && i < self->evidence->len; i++)
    gtk_list_box_append (self->evidence_list,
                         evidence_row_new (g_ptr_array_index (self->evidence, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->evidence_list),
                          self->evidence != NULL && self->evidence->len > 0);
}

/* Writes the stored fields into the editors; @all also replaces what has focus or unsaved typing
 * (a new indicator or quarter). */
static void
fill_fields (AppResultEditor *self, gboolean all)
{
  const PhaenResult *result = shown_result (self);
  const gboolean cumulative = self->indicator->cumulative;
  const char *heading;

  self->loading = TRUE;
  if (all || !self->value_dirty)
    {
      const char *value = result != NULL ? or_empty (result->value_text) : "";

      if (all || !typing_saved (GTK_WIDGET (self->value_entry),
                                gtk_editable_get_text (GTK_EDITABLE (self->value_entry)), value))
        set_entry_text (self->value_entry, value);
      self->value_dirty = FALSE;
    }
  if (all || !self->detail_dirty)
    {
      set_buffer_text (self->detail_view, result != NULL ? or_empty (result->detail) : "");
      self->detail_dirty = FALSE;
    }
  if (all || !self->problems_dirty)
    {
      set_buffer_text (self->problems_view, result != NULL ? or_empty (result->problems) : "");
      self->problems_dirty = FALSE;
    }
  if (all)
    {
      app_autosave_cancel (self->autosave);
      self->override_dirty = FALSE;
    }
  if (all ||
      (!self->override_dirty && !app_autosave_is_typing (GTK_WIDGET (self->override_entry)) &&
       !app_autosave_is_typing (GTK_WIDGET (self->reason_entry))))
    {
      g_autofree char *score =
        result != NULL && result->has_override
          ? phaen_format_number (result->score_override, 4, PHAEN_NUMBER_TRIM_ZEROS)
          : g_strdup ("");

      set_entry_text (self->override_entry, score);
      set_entry_text (self->reason_entry, result != NULL && result->has_override
                                            ? or_empty (result->override_reason)
                                            : "");
      if (all)
        {
          gtk_expander_set_expanded (self->override_expander,
                                     result != NULL && result->has_override);
          show_error (self->override_error_label, NULL);
        }
    }
  self->loading = FALSE;

  if (self->rules.kind == PHAEN_SCORING_MILESTONE && self->problem == NULL)
    heading = _ ("_Level reached");
  else
    heading = cumulative ? _ ("_Result (cumulative, the year so far)") : _ ("_Result");
  gtk_label_set_text_with_mnemonic (self->value_heading, heading);
}

/* Reads the indicator, its criteria, results and evidence again; typing not saved yet stays. */
static void
read_all (AppResultEditor *self, gboolean all)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) results = NULL;
  g_autofree char *title = NULL;
  g_autofree char *info = NULL;

  clear_data (self);
  if (self->store == NULL || self->indicator_id == 0)
    return;
  self->indicator = phaen_store_get_indicator (self->store, self->indicator_id, &error);
  if (self->indicator == NULL)
    return; /* gone (an undo): the page drops this editor */

  {
    /* DOMAIN §4a: the quarter is scored by the version in force at its end. */
    g_autoptr (GPtrArray) versions =
      phaen_store_list_criteria_versions (self->store, self->indicator_id, &error);
    GDate last_day;

    phaen_quarter_last_day (self->indicator->fiscal_year, self->quarter, &last_day);
    if (versions != NULL && versions->len > 0)
      {
        self->criteria =
          phaen_criteria_version_copy (phaen_criteria_version_in_force (versions, &last_day));
        self->n_versions = versions->len;
      }
  }
  if (self->criteria == NULL)
    {
      self->problem = g_strdup (_ ("The indicator has no scoring criteria yet, so it cannot be "
                                   "scored: add them in the indicator's form."));
      g_clear_error (&error);
    }
  else if (!phaen_criteria_from_version (self->indicator, self->criteria, &self->rules, &error))
    {
      self->problem = g_strdup (error->message);
      g_clear_error (&error);
    }
  if (self->problem != NULL)
    phaen_criteria_init (&self->rules, self->indicator->scoring, self->indicator->direction);

  results = phaen_store_get_results (self->store, self->indicator_id, &error);
  if (results == NULL)
    {
      toast (self, error->message);
      return;
    }
  for (int q = 0; q < PHAEN_QUARTERS; q++)
    {
      g_autoptr (GPtrArray) evidence =
        phaen_store_list_evidence (self->store, self->indicator_id, q + 1, NULL);

      self->results[q] = g_steal_pointer (&g_ptr_array_index (results, q));
      self->n_evidence[q] = evidence != NULL ? evidence->len : 0;
      if (q + 1 == self->quarter)
        self->evidence = g_steal_pointer (&evidence);
    }

  title = phaen_text_is_blank (self->indicator->code)
            ? g_strdup (self->indicator->name)
            : g_strdup_printf ("%s %s", self->indicator->code, self->indicator->name);
  gtk_label_set_text (self->title_label, title);
  info = describe_criteria (self);
  gtk_label_set_text (self->info_label, info);
  fill_fields (self, all);
  fill_evidence (self);
  update_history (self);
  update_live (self);
}

static void
reload_full (AppResultEditor *self, gboolean all)
{
  if (self->store == NULL)
    {
      read_all (self, all);
      return;
    }
  phaen_store_read_begin (self->store); /* a dozen queries, one look at the file */
  read_all (self, all);
  phaen_store_read_end (self->store);
}

static void
reload (AppResultEditor *self)
{
  reload_full (self, FALSE);
}

/* Whether the result @id is one of this indicator's: one the form holds, or a new one. */
static gboolean
is_own_result (AppResultEditor *self, gint64 id)
{
  gboolean all_held = TRUE;

  for (int q = 0; q < PHAEN_QUARTERS; q++)
    {
      if (self->results[q] != NULL && self->results[q]->id == id)
        return TRUE;
      all_held &= self->results[q] != NULL;
    }
  return !all_held &&
         phaen_store_get_result_indicator (self->store, id, NULL) == self->indicator_id;
}

/* Whether @changes touch what the form shows: its indicator, the criteria, its results, the
 * evidence. A result typed for another indicator of the page does not: on a page of hundreds,
 * every form reading its indicator again for every edit made typing slow. */
static gboolean
concerns (AppResultEditor *self, PhaenChanges *changes)
{
  g_autoptr (GArray) results = NULL;

  if (phaen_changes_is_everything (changes) ||
      phaen_changes_has (changes, PHAEN_RECORD_INDICATOR, self->indicator_id) ||
      phaen_changes_touches (changes, PHAEN_RECORD_UNIT | PHAEN_RECORD_CRITERIA_VERSION |
                                        PHAEN_RECORD_CRITERION | PHAEN_RECORD_EVIDENCE))
    return TRUE;
  results = phaen_changes_get_ids (changes, PHAEN_RECORD_RESULT);
  for (guint i = 0; i < results->len; i++)
    if (is_own_result (self, g_array_index (results, gint64, i)))
      return TRUE;
  return FALSE;
}

static void
records_changed_cb (AppResultEditor *self, PhaenChanges *changes)
{
  if (self->indicator_id != 0 && concerns (self, changes))
    reload (self);
}

static void
save_value (AppResultEditor *self)
{
  const PhaenResult *result = shown_result (self);
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;

  if (!self->value_dirty || self->store == NULL || self->indicator == NULL)
    return;
  self->value_dirty = FALSE;
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->value_entry))));
  if (g_str_equal (text, result != NULL ? or_empty (result->value_text) : ""))
    return;
  if (!phaen_store_set_result (self->store, self->indicator_id, self->quarter, text, NULL, NULL,
                               &error))
    toast (self, error->message);
}

static void
save_text (AppResultEditor *self, GtkTextView *view)
{
  const PhaenResult *result = shown_result (self);
  const gboolean is_detail = view == self->detail_view;
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  const char *stored;

  if (self->store == NULL || self->indicator == NULL)
    return;
  if (is_detail ? !self->detail_dirty : !self->problems_dirty)
    return;
  if (is_detail)
    self->detail_dirty = FALSE;
  else
    self->problems_dirty = FALSE;
  text = buffer_text (view);
  stored = result == NULL ? "" : or_empty (is_detail ? result->detail : result->problems);
  if (g_str_equal (text, stored))
    return;
  if (!phaen_store_set_result (self->store, self->indicator_id, self->quarter, NULL,
                               is_detail ? text : NULL, is_detail ? NULL : text, &error))
    toast (self, error->message);
}

/* The override as typed, once it is complete (a score that is a number and a reason): a pause
 * while it is still incomplete saves nothing, and Enter or “Apply” says what is missing. */
static void
save_override_quietly (AppResultEditor *self)
{
  const PhaenResult *result = shown_result (self);
  g_autofree char *reason =
    g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason_entry))));
  g_autoptr (GError) error = NULL;
  double score = 0;

  if (!self->override_dirty || self->store == NULL || self->indicator == NULL)
    return;
  if (!phaen_parse_number (gtk_editable_get_text (GTK_EDITABLE (self->override_entry)), &score,
                           NULL) ||
      reason[0] == '\0')
    return;
  self->override_dirty = FALSE;
  if (result != NULL && result->has_override && result->score_override == score &&
      g_strcmp0 (result->override_reason, reason) == 0)
    return;
  if (!phaen_store_set_score_override (self->store, self->indicator_id, self->quarter, TRUE, score,
                                       reason, &error))
    show_error (self->override_error_label, error->message);
  else
    show_error (self->override_error_label, NULL);
}

/* ------------------------------------------------------------------ callbacks */

static void
autosave_cb (gpointer user_data)
{
  AppResultEditor *self = user_data;

  save_value (self);
  save_text (self, self->detail_view);
  save_text (self, self->problems_view);
  save_override_quietly (self);
}

static void
value_changed_cb (AppResultEditor *self)
{
  if (self->loading)
    return;
  self->value_dirty = TRUE;
  app_autosave_changed (self->autosave);
  update_live (self);
}

static void
override_changed_cb (AppResultEditor *self)
{
  if (self->loading)
    return;
  self->override_dirty = TRUE;
  app_autosave_changed (self->autosave);
}

static void
value_activate_cb (AppResultEditor *self)
{
  save_value (self);
}

static void
value_focus_leave_cb (GtkEventControllerFocus *controller, AppResultEditor *self)
{
  save_value (self);
}

static void
text_changed_cb (GtkTextBuffer *buffer, AppResultEditor *self)
{
  if (self->loading)
    return;
  if (buffer == gtk_text_view_get_buffer (self->detail_view))
    self->detail_dirty = TRUE;
  else
    self->problems_dirty = TRUE;
  app_autosave_changed (self->autosave);
}

static void
text_focus_leave_cb (GtkEventControllerFocus *controller, AppResultEditor *self)
{
  save_text (self,
             GTK_TEXT_VIEW (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller))));
}

static void
link_activate_cb (AppResultEditor *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "editor.add-link", NULL);
}

static void
override_activate_cb (AppResultEditor *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "editor.apply-override", NULL);
}

/* An attachment being read: it goes to the quarter that was shown when it was chosen. */
typedef struct
{
  AppResultEditor *self;
  PhaenStore *store;
  gint64 indicator_id;
  int quarter;
  char *name;
} AttachJob;

static void
attach_job_free (AttachJob *job)
{
  g_object_unref (job->self);
  g_object_unref (job->store);
  g_free (job->name);
  g_free (job);
}

static void
attach_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  AttachJob *job = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_load_contents_finish (G_FILE (source), result, &contents, &length, NULL, &error))
    {
      g_autofree char *text =
        g_strdup_printf (_ ("“%s” could not be read: %s"), job->name, error->message);

      toast (job->self, text);
      attach_job_free (job);
      return;
    }
  bytes = g_bytes_new_take (contents, length);
  if (phaen_store_add_evidence_file (job->store, job->indicator_id, job->quarter, job->name, NULL,
                                     bytes, &error) == 0)
    toast (job->self, error->message);
  attach_job_free (job);
}

static void
attach_response_cb (GtkNativeDialog *chooser, int response, AppResultEditor *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr (GFile) file = g_list_model_get_item (files, i);

          app_result_editor_attach_file (self, file);
        }
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
save_evidence_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (AppResultEditor) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    toast (self, error->message);
  else
    toast (self, _ ("The copy is saved."));
}

static void
save_response_cb (GtkNativeDialog *chooser, int response, AppResultEditor *self)
{
  gint64 evidence_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (chooser), "evidence-id"));

  if (response == GTK_RESPONSE_ACCEPT && self->store != NULL)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr (GError) error = NULL;
      g_autoptr (GBytes) data = phaen_store_get_evidence_data (self->store, evidence_id, &error);

      if (data == NULL)
        toast (self, error->message);
      else
        g_file_replace_contents_bytes_async (file, data, NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                                             save_evidence_done_cb, g_object_ref (self));
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/* ------------------------------------------------------------------ actions */

static void
attach_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  AppResultEditor *self = APP_RESULT_EDITOR (widget);
  GtkFileChooserNative *chooser;

  if (self->store == NULL || self->indicator == NULL)
    return;
  chooser =
    gtk_file_chooser_native_new (_ ("Attach Evidence"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                 GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Attach"), _ ("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (attach_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
add_link_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  AppResultEditor *self = APP_RESULT_EDITOR (widget);
  g_autoptr (GError) error = NULL;
  const char *url = gtk_editable_get_text (GTK_EDITABLE (self->link_url_entry));
  const char *title = gtk_editable_get_text (GTK_EDITABLE (self->link_title_entry));

  if (self->store == NULL || self->indicator == NULL)
    return;
  if (phaen_store_add_evidence_url (self->store, self->indicator_id, self->quarter, title, url,
                                    &error) == 0)
    {
      show_error (self->link_error_label, error->message);
      return;
    }
  show_error (self->link_error_label, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->link_url_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->link_title_entry), "");
  gtk_popover_popdown (self->link_popover);
}

static void
apply_override_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  AppResultEditor *self = APP_RESULT_EDITOR (widget);
  g_autoptr (GError) error = NULL;
  double score = 0;

  if (self->store == NULL || self->indicator == NULL)
    return;
  self->override_dirty = FALSE;
  if (!phaen_parse_number (gtk_editable_get_text (GTK_EDITABLE (self->override_entry)), &score,
                           &error) ||
      !phaen_store_set_score_override (self->store, self->indicator_id, self->quarter, TRUE, score,
                                       gtk_editable_get_text (GTK_EDITABLE (self->reason_entry)),
                                       &error))
    {
      show_error (self->override_error_label, error->message);
      return;
    }
  show_error (self->override_error_label, NULL);
}

static void
remove_override_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  AppResultEditor *self = APP_RESULT_EDITOR (widget);
  g_autoptr (GError) error = NULL;
  const PhaenResult *result = shown_result (self);

  if (self->store == NULL || self->indicator == NULL)
    return;
  show_error (self->override_error_label, NULL);
  self->override_dirty = FALSE;
  if (result == NULL || !result->has_override)
    {
      self->loading = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->override_entry), "");
      gtk_editable_set_text (GTK_EDITABLE (self->reason_entry), "");
      self->loading = FALSE;
      return;
    }
  if (!phaen_store_set_score_override (self->store, self->indicator_id, self->quarter, FALSE, 0,
                                       NULL, &error))
    show_error (self->override_error_label, error->message);
}

/* A name that is safe as the last part of a path. */
static char *
safe_file_name (const char *name)
{
  g_autofree char *base = g_path_get_basename (name);

  g_strdelimit (base, "/\\:*?\"<>|", '-');
  if (*base == '\0' || g_str_equal (base, ".") || g_str_equal (base, ".."))
    return g_strdup ("evidence");
  return g_steal_pointer (&base);
}

static void
show_uri_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (AppResultEditor) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    toast (self, error->message);
}

static void
show_uri (AppResultEditor *self, const char *uri)
{
  gtk_show_uri_full (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), uri, GDK_CURRENT_TIME,
                     NULL, show_uri_done_cb, g_object_ref (self));
}

static void
link_response_cb (AdwMessageDialog *dialog, const char *response, AppResultEditor *self)
{
  const char *url = g_object_get_data (G_OBJECT (dialog), "url");

  /* Checked again: nothing but a web or e-mail address is ever handed to a viewer. */
  if (g_str_equal (response, "open") && phaen_evidence_url_is_safe (url))
    show_uri (self, url);
}

/* A link opens once the user has seen its whole address, and only a web page or an e-mail
 * address: a workspace from elsewhere may hold file:, javascript: or a program's own scheme. */
static void
open_link (AppResultEditor *self, const char *url)
{
  g_autofree char *stripped = g_strstrip (g_strdup (url));
  GtkWidget *dialog;

  if (!phaen_evidence_url_is_safe (stripped))
    {
      g_autofree char *text = g_strdup_printf (
        _ ("“%s” is not opened: only web (http, https) and e-mail (mailto) links open."), stripped);

      toast (self, text);
      return;
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _ ("Open This Link?"), stripped);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "open",
                                    _ ("_Open"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "open",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "url", g_steal_pointer (&stripped), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (link_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_evidence_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  AppResultEditor *self = APP_RESULT_EDITOR (widget);
  const PhaenEvidence *evidence = find_evidence (self, g_variant_get_int64 (param));
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) data = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;
  gsize size = 0;
  gconstpointer bytes;

  if (evidence == NULL || self->store == NULL)
    return;
  if (evidence->url != NULL)
    {
      open_link (self, evidence->url);
      return;
    }
  /* The file lives inside the workspace: a copy in a private folder is what the viewer opens.
   * The folder carries the process id: the application removes its own when it ends, and the
   * next start removes those of a process that ended without doing so. */
  data = phaen_store_get_evidence_data (self->store, evidence->id, &error);
  if (data != NULL)
    dir = phaen_evidence_copy_dir_new (&error);
  if (dir != NULL)
    {
      name = safe_file_name (evidence->name);
      path = g_build_filename (dir, name, NULL);
      bytes = g_bytes_get_data (data, &size);
      if (g_file_set_contents_full (path, bytes, (gssize)size, G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                                    &error))
        uri = g_filename_to_uri (path, NULL, &error);
    }
  if (uri == NULL)
    {
      toast (self, error->message);
      return;
    }
  show_uri (self, uri);
}

static void
save_evidence_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  AppResultEditor *self = APP_RESULT_EDITOR (widget);
  const PhaenEvidence *evidence = find_evidence (self, g_variant_get_int64 (param));
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  if (evidence == NULL || evidence->url != NULL)
    return;
  chooser = gtk_file_chooser_native_new (_ ("Save a Copy of the Evidence"),
                                         GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Save"), _ ("_Cancel"));
  name = safe_file_name (evidence->name);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data (G_OBJECT (chooser), "evidence-id", GSIZE_TO_POINTER ((gsize)evidence->id));
  g_signal_connect_object (chooser, "response", G_CALLBACK (save_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
remove_evidence_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  AppResultEditor *self = APP_RESULT_EDITOR (widget);
  const PhaenEvidence *evidence = find_evidence (self, g_variant_get_int64 (param));
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  if (evidence == NULL || self->store == NULL)
    return;
  text = g_strdup_printf (_ ("“%s” is removed."), evidence->name);
  if (!phaen_store_delete_evidence (self->store, evidence->id, &error))
    toast (self, error->message);
  else
    toast_full (self, text, TRUE);
}

/* ------------------------------------------------------------------ overrides */

static void
app_result_editor_dispose (GObject *object)
{
  AppResultEditor *self = APP_RESULT_EDITOR (object);

  app_result_editor_set_indicator (self, NULL, 0, 1);
  g_clear_pointer (&self->autosave, app_autosave_free);
  G_OBJECT_CLASS (app_result_editor_parent_class)->dispose (object);
}

static void
app_result_editor_class_init (AppResultEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = app_result_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/phaen/Phaen/ui/app-result-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, AppResultEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, AppResultEditor, info_label);
  gtk_widget_class_bind_template_child (widget_class, AppResultEditor, value_heading);
  gtk_widget_class_bind_template_child (widget_class, AppResultEditor, value_entry);
  gtk_widget_class_bind_template_child (widget_class, AppResultEditor, score_label);
  gtk_widget_class_bind_template_child (widget_class, AppResultEditor, weighted_label);
  gtk_widget_class_bind_template_child (widget_class, AppResultEditor, score_note_label);
  gtk_widget_class_bind_template_child (widget_class, AppResultEditor, history_label);
  gtk_widget_class_bind_template_child (widget_class, AppResultEditor, warnings_box);
  gtk_widget_class_bind_template_child (widget_class, AppResultEditor, detail_view);
  gtk_widget_class_bind_template_child (widget_class, AppResultEditor, problems_view);
  gtk_widget_class_bind_template_child (widget_class, AppResultEditor, evidence_list);
  gtk_widget_class_bind_template_child (widget_class, AppResultEditor, link_popover);
  gtk_widget_class_bind_template_child (widget_class, AppResultEditor, link_url_entry);
  gtk_widget_class_bind_template_child (widget_class, AppResultEditor, link_title_entry);
  gtk_widget_class_bind_template_child (widget_class, AppResultEditor, link_error_label);
  gtk_widget_class_bind_template_child (widget_class, AppResultEditor, override_expander);
  gtk_widget_class_bind_template_child (widget_class, AppResultEditor, override_entry);
  gtk_widget_class_bind_template_child (widget_class, AppResultEditor, reason_entry);
  gtk_widget_class_bind_template_child (widget_class, AppResultEditor, override_error_label);
  gtk_widget_class_bind_template_callback (widget_class, value_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, value_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, link_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, override_activate_cb);

  gtk_widget_class_install_action (widget_class, "editor.attach", NULL, attach_action);
  gtk_widget_class_install_action (widget_class, "editor.add-link", NULL, add_link_action);
  gtk_widget_class_install_action (widget_class, "editor.apply-override", NULL,
                                   apply_override_action);
  gtk_widget_class_install_action (widget_class, "editor.remove-override", NULL,
                                   remove_override_action);
  gtk_widget_class_install_action (widget_class, "editor.open-evidence", "x", open_evidence_action);
  gtk_widget_class_install_action (widget_class, "editor.save-evidence", "x", save_evidence_action);
  gtk_widget_class_install_action (widget_class, "editor.remove-evidence", "x",
                                   remove_evidence_action);
}

static void
app_result_editor_init (AppResultEditor *self)
{
  GtkTextView *views[] = { NULL, NULL };
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->quarter = 1;
  self->autosave = app_autosave_new (autosave_cb, self);
  g_signal_connect_swapped (self->override_entry, "changed", G_CALLBACK (override_changed_cb),
                            self);
  g_signal_connect_swapped (self->reason_entry, "changed", G_CALLBACK (override_changed_cb), self);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (value_focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->value_entry), focus);

  views[0] = self->detail_view;
  views[1] = self->problems_view;
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (views[i]);

      /* Undo belongs to the workspace (win.undo): a saved text is one of its steps. */
      gtk_text_buffer_set_enable_undo (buffer, FALSE);
      g_signal_connect (buffer, "changed", G_CALLBACK (text_changed_cb), self);
      focus = gtk_event_controller_focus_new ();
      g_signal_connect (focus, "leave", G_CALLBACK (text_focus_leave_cb), self);
      gtk_widget_add_controller (GTK_WIDGET (views[i]), focus);
    }
}

/* ------------------------------------------------------------------ public API */

GtkWidget *
app_result_editor_new (void)
{
  return g_object_new (APP_TYPE_RESULT_EDITOR, NULL);
}

void
app_result_editor_set_indicator (AppResultEditor *self,
                                 PhaenStore *store,
                                 gint64 indicator_id,
                                 int quarter)
{
  g_return_if_fail (APP_IS_RESULT_EDITOR (self));
  g_return_if_fail (store == NULL || PHAEN_IS_STORE (store));
  g_return_if_fail (quarter >= 1 && quarter <= PHAEN_QUARTERS);

  if (self->store == store && self->indicator_id == indicator_id && self->quarter == quarter)
    return;
  app_result_editor_flush (self);
  if (self->store != NULL && self->store != store)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (store != NULL && self->store != store)
    g_signal_connect_object (store, "records-changed", G_CALLBACK (records_changed_cb), self,
                             G_CONNECT_SWAPPED);
  g_set_object (&self->store, store);
  self->indicator_id = store != NULL ? indicator_id : 0;
  /* The office owns score overrides: a unit's copy shows them, nothing more. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->override_expander),
                            store == NULL || !phaen_store_is_unit_copy (store));
  self->quarter = quarter;
  show_error (self->link_error_label, NULL);
  reload_full (self, TRUE);
}

gint64
app_result_editor_get_indicator_id (AppResultEditor *self)
{
  g_return_val_if_fail (APP_IS_RESULT_EDITOR (self), 0);

  return self->indicator_id;
}

void
app_result_editor_flush (AppResultEditor *self)
{
  g_return_if_fail (APP_IS_RESULT_EDITOR (self));

  app_autosave_cancel (self->autosave);
  save_value (self);
  save_text (self, self->detail_view);
  save_text (self, self->problems_view);
  save_override_quietly (self);
}

void
app_result_editor_attach_file (AppResultEditor *self, GFile *file)
{
  AttachJob *job;

  g_return_if_fail (APP_IS_RESULT_EDITOR (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->store == NULL || self->indicator == NULL)
    return;
  job = g_new0 (AttachJob, 1);
  job->self = g_object_ref (self);
  job->store = g_object_ref (self->store);
  job->indicator_id = self->indicator_id;
  job->quarter = self->quarter;
  job->name = g_file_get_basename (file);
  g_file_load_contents_async (file, NULL, attach_loaded_cb, job);
}

GtkEditable *
app_result_editor_get_value_entry (AppResultEditor *self)
{
  g_return_val_if_fail (APP_IS_RESULT_EDITOR (self), NULL);

  return GTK_EDITABLE (self->value_entry);
}

GtkLabel *
app_result_editor_get_score_label (AppResultEditor *self)
{
  g_return_val_if_fail (APP_IS_RESULT_EDITOR (self), NULL);

  return self->score_label;
}

GtkLabel *
app_result_editor_get_weighted_label (AppResultEditor *self)
{
  g_return_val_if_fail (APP_IS_RESULT_EDITOR (self), NULL);

  return self->weighted_label;
}

GtkTextView *
app_result_editor_get_detail_view (AppResultEditor *self)
{
  g_return_val_if_fail (APP_IS_RESULT_EDITOR (self), NULL);

  return self->detail_view;
}

GtkTextView *
app_result_editor_get_problems_view (AppResultEditor *self)
{
  g_return_val_if_fail (APP_IS_RESULT_EDITOR (self), NULL);

  return self->problems_view;
}

GtkEditable *
app_result_editor_get_link_entry (AppResultEditor *self)
{
  g_return_val_if_fail (APP_IS_RESULT_EDITOR (self), NULL);

  return GTK_EDITABLE (self->link_url_entry);
}

GtkEditable *
app_result_editor_get_override_entry (AppResultEditor *self)
{
  g_return_val_if_fail (APP_IS_RESULT_EDITOR (self), NULL);

  return GTK_EDITABLE (self->override_entry);
}

GtkEditable *
app_result_editor_get_reason_entry (AppResultEditor *self)
{
  g_return_val_if_fail (APP_IS_RESULT_EDITOR (self), NULL);

  return GTK_EDITABLE (self->reason_entry);
}

const char *
app_result_editor_get_link_error (AppResultEditor *self)
{
  g_return_val_if_fail (APP_IS_RESULT_EDITOR (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->link_error_label))
           ? gtk_label_get_text (self->link_error_label)
           : NULL;
}

const char *
app_result_editor_get_override_error (AppResultEditor *self)
{
  g_return_val_if_fail (APP_IS_RESULT_EDITOR (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->override_error_label))
           ? gtk_label_get_text (self->override_error_label)
           : NULL;
}

GStrv
app_result_editor_get_warnings (AppResultEditor *self)
{
  g_return_val_if_fail (APP_IS_RESULT_EDITOR (self), NULL);

  return g_strdupv (self->warnings != NULL ? self->warnings : (char *[]){ NULL });
}
