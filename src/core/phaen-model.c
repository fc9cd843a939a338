/* phaen-model.c — copying and freeing the records a workspace holds
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-model"

#include "config.h"

#include <string.h>

#include "phaen-model.h"
#include "phaen-official.h"

/* ------------------------------------------------------------------ string fields */

/* A record's text fields, by offset: a copy duplicates them, freeing frees them. */
#define TEXT(Type, field) G_STRUCT_OFFSET (Type, field)

static gpointer
copy_with_texts (gconstpointer record, gsize size, const gsize *texts, gsize n_texts)
{
  gpointer copy = g_memdup2 (record, size);

  for (gsize i = 0; i < n_texts; i++)
    G_STRUCT_MEMBER (char *, copy, texts[i]) =
      g_strdup (G_STRUCT_MEMBER (char *, record, texts[i]));
  return copy;
}

static void
free_with_texts (gpointer record, const gsize *texts, gsize n_texts)
{
  if (record == NULL)
    return;
  for (gsize i = 0; i < n_texts; i++)
    g_free (G_STRUCT_MEMBER (char *, record, texts[i]));
  g_free (record);
}

/* ------------------------------------------------------------------ units and people */

static const gsize unit_texts[] = {
  TEXT (PhaenUnit, uuid),
  TEXT (PhaenUnit, abbr),
  TEXT (PhaenUnit, name),
};

static const gsize person_texts[] = {
  TEXT (PhaenPerson, uuid),     TEXT (PhaenPerson, title), TEXT (PhaenPerson, name),
  TEXT (PhaenPerson, position), TEXT (PhaenPerson, phone), TEXT (PhaenPerson, email),
};

PhaenUnit *
phaen_unit_copy (const PhaenUnit *unit)
{
  g_return_val_if_fail (unit != NULL, NULL);

  return copy_with_texts (unit, sizeof *unit, unit_texts, G_N_ELEMENTS (unit_texts));
}

void
phaen_unit_free (PhaenUnit *unit)
{
  free_with_texts (unit, unit_texts, G_N_ELEMENTS (unit_texts));
}

void
phaen_person_free (PhaenPerson *person)
{
  free_with_texts (person, person_texts, G_N_ELEMENTS (person_texts));
}

/* ------------------------------------------------------------------ plans and activities */

/**
 * phaen_plan_copy:
 *
 * Returns: (transfer full): a deep copy
 */
PhaenPlan *
phaen_plan_copy (const PhaenPlan *plan)
{
  PhaenPlan *copy;

  g_return_val_if_fail (plan != NULL, NULL);

  copy = g_memdup2 (plan, sizeof *plan);
  copy->uuid = g_strdup (plan->uuid);
  copy->title = g_strdup (plan->title);
  return copy;
}

void
phaen_plan_free (PhaenPlan *plan)
{
  if (plan == NULL)
    return;
  g_free (plan->uuid);
  g_free (plan->title);
  g_free (plan);
}

/**
 * phaen_activity_copy:
 *
 * Returns: (transfer full): a deep copy, month progress notes included
 */
PhaenActivity *
phaen_activity_copy (const PhaenActivity *activity)
{
  PhaenActivity *copy;

  g_return_val_if_fail (activity != NULL, NULL);

  copy = g_memdup2 (activity, sizeof *activity);
  copy->uuid = g_strdup (activity->uuid);
  copy->number = g_strdup (activity->number);
  copy->name = g_strdup (activity->name);
  copy->owner = g_strdup (activity->owner);
  copy->output = g_strdup (activity->output);
  copy->progress = g_strdup (activity->progress);
  for (int m = 0; m < PHAEN_MAX_MONTHS; m++)
    copy->month_progress[m] = g_strdup (activity->month_progress[m]);
  return copy;
}

void
phaen_activity_free (PhaenActivity *activity)
{
  if (activity == NULL)
    return;
  g_free (activity->uuid);
  g_free (activity->number);
  g_free (activity->name);
  g_free (activity->owner);
  g_free (activity->output);
  g_free (activity->progress);
  for (int m = 0; m < PHAEN_MAX_MONTHS; m++)
    g_free (activity->month_progress[m]);
  g_free (activity);
}

/* ------------------------------------------------------------------ indicators */

static const gsize indicator_texts[] = {
  TEXT (PhaenIndicator, uuid),
  TEXT (PhaenIndicator, code),
  TEXT (PhaenIndicator, name),
  TEXT (PhaenIndicator, org_plan),
  TEXT (PhaenIndicator, strategy),
  TEXT (PhaenIndicator, dimension),
  TEXT (PhaenIndicator, goal),
  TEXT (PhaenIndicator, description),
  TEXT (PhaenIndicator, condition),
  TEXT (PhaenIndicator, measure_unit),
  TEXT (PhaenIndicator, target),
  TEXT (PhaenIndicator, baseline[0]),
  TEXT (PhaenIndicator, baseline[1]),
  TEXT (PhaenIndicator, baseline[2]),
  TEXT (PhaenIndicator, data_source),
  TEXT (PhaenIndicator, owner_name),
  TEXT (PhaenIndicator, owner_phone),
  TEXT (PhaenIndicator, supporter_name),
  TEXT (PhaenIndicator, supporter_phone),
  TEXT (PhaenIndicator, pmqa_group),
  TEXT (PhaenIndicator, pmqa_note),
};
G_STATIC_ASSERT (G_N_ELEMENTS (((PhaenIndicator *)NULL)->baseline) == 3);

PhaenIndicator *
phaen_indicator_copy (const PhaenIndicator *indicator)
{
  g_return_val_if_fail (indicator != NULL, NULL);

  return copy_with_texts (indicator, sizeof *indicator, indicator_texts,
                          G_N_ELEMENTS (indicator_texts));
}

void
phaen_indicator_free (PhaenIndicator *indicator)
{
  free_with_texts (indicator, indicator_texts, G_N_ELEMENTS (indicator_texts));
}

/* ------------------------------------------------------------------ criteria */

static const gsize criterion_texts[] = {
  TEXT (PhaenCriterion, label),
  TEXT (PhaenCriterion, description),
};

PhaenCriterion *
phaen_criterion_copy (const PhaenCriterion *criterion)
{
  g_return_val_if_fail (criterion != NULL, NULL);

  return copy_with_texts (criterion, sizeof *criterion, criterion_texts,
                          G_N_ELEMENTS (criterion_texts));
}

void
phaen_criterion_free (PhaenCriterion *criterion)
{
  free_with_texts (criterion, criterion_texts, G_N_ELEMENTS (criterion_texts));
}

/**
 * phaen_criteria_version_new:
 *
 * Returns: (transfer full): an empty version passing at 80 % (seed 004), with an empty
 *   @items array that frees its criteria
 */
PhaenCriteriaVersion *
phaen_criteria_version_new (void)
{
  PhaenCriteriaVersion *version = g_new0 (PhaenCriteriaVersion, 1);

  version->pass_percent = 80;
  version->items = g_ptr_array_new_with_free_func ((GDestroyNotify)phaen_criterion_free);
  return version;
}

/**
 * phaen_criteria_version_copy:
 *
 * Returns: (transfer full): a deep copy; its @items is a new array of copied criteria
 */
PhaenCriteriaVersion *
phaen_criteria_version_copy (const PhaenCriteriaVersion *version)
{
  PhaenCriteriaVersion *copy;
  guint n;

  g_return_val_if_fail (version != NULL, NULL);

  n = version->items ? version->items->len : 0;
  copy = g_memdup2 (version, sizeof *version);
  copy->uuid = g_strdup (version->uuid);
  copy->approved_on = g_strdup (version->approved_on);
  copy->reason = g_strdup (version->reason);
  copy->items = g_ptr_array_new_full (n, (GDestroyNotify)phaen_criterion_free);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (copy->items, phaen_criterion_copy (g_ptr_array_index (version->items, i)));
  return copy;
}

void
phaen_criteria_version_free (PhaenCriteriaVersion *version)
{
  if (version == NULL)
    return;
  g_free (version->uuid);
  g_free (version->approved_on);
  g_free (version->reason);
  g_clear_pointer (&version->items, g_ptr_array_unref);
  g_free (version);
}

/* ------------------------------------------------------------------ results and evidence */

static const gsize result_texts[] = {
  TEXT (PhaenResult, uuid),     TEXT (PhaenResult, value_text),      TEXT (PhaenResult, detail),
  TEXT (PhaenResult, problems), TEXT (PhaenResult, override_reason), TEXT (PhaenResult, updated_at),
};

static const gsize evidence_texts[] = {
  TEXT (PhaenEvidence, uuid), TEXT (PhaenEvidence, name),     TEXT (PhaenEvidence, mime),
  TEXT (PhaenEvidence, url),  TEXT (PhaenEvidence, added_at),
};

PhaenResult *
phaen_result_copy (const PhaenResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);

  return copy_with_texts (result, sizeof *result, result_texts, G_N_ELEMENTS (result_texts));
}

void
phaen_result_free (PhaenResult *result)
{
  free_with_texts (result, result_texts, G_N_ELEMENTS (result_texts));
}

void
phaen_evidence_free (PhaenEvidence *evidence)
{
  free_with_texts (evidence, evidence_texts, G_N_ELEMENTS (evidence_texts));
}

/* ------------------------------------------------------------------ names */

/**
 * phaen_plan_kind_to_string:
 *
 * Returns: (transfer none): the official Thai name of the kind of plan (DOMAIN §3)
 */
const char *
phaen_plan_kind_to_string (PhaenPlanKind kind)
{
  return phaen_official_plan_kind (kind);
}

const char *
phaen_activity_level_to_string (PhaenActivityLevel level)
{
  return phaen_official_level (level);
}

char *
phaen_activity_heading (const PhaenActivity *activity)
{
  const char *number;

  g_return_val_if_fail (activity != NULL, NULL);

  number = activity->number ? activity->number : "";
  if (activity->level >= PHAEN_ACTIVITY_LEVEL_STRATEGY &&
      activity->level < PHAEN_ACTIVITY_LEVEL_ACTIVITY)
    return phaen_official_level_heading (activity->level, number);
  return g_strdup (number);
}

gboolean
phaen_activity_level_parse (const char *text, PhaenActivityLevel *level)
{
  /* Thai words on purpose: the names files and officers write ("ประเด็นยุทธศาสตร์" holds
   * "ยุทธศาสตร์"); the first that the text holds wins. */
  static const struct
  {
    const char *word;
    PhaenActivityLevel level;
  } words[] = {
    { "ยุทธศาสตร์", PHAEN_ACTIVITY_LEVEL_STRATEGY },  { "strategy", PHAEN_ACTIVITY_LEVEL_STRATEGY },
    { "strategic", PHAEN_ACTIVITY_LEVEL_STRATEGY }, { "เป้าประสงค์", PHAEN_ACTIVITY_LEVEL_GOAL },
    { "goal", PHAEN_ACTIVITY_LEVEL_GOAL },          { "objective", PHAEN_ACTIVITY_LEVEL_GOAL },
    { "โครงการ", PHAEN_ACTIVITY_LEVEL_PROJECT },    { "project", PHAEN_ACTIVITY_LEVEL_PROJECT },
    { "กิจกรรม", PHAEN_ACTIVITY_LEVEL_ACTIVITY },    { "ขั้นตอน", PHAEN_ACTIVITY_LEVEL_ACTIVITY },
    { "activity", PHAEN_ACTIVITY_LEVEL_ACTIVITY },  { "task", PHAEN_ACTIVITY_LEVEL_ACTIVITY },
  };
  g_autofree char *folded = NULL;
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (level != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  stripped = g_strstrip (g_strdup (text));
  if (strlen (stripped) == 1 && stripped[0] >= '1' && stripped[0] <= '4')
    {
      *level = stripped[0] - '0';
      return TRUE;
    }
  folded = g_utf8_casefold (stripped, -1);
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strstr (folded, words[i].word) != NULL)
      {
        *level = words[i].level;
        return TRUE;
      }
  return FALSE;
}

/**
 * phaen_marks_to_text:
 * @marks: #PhaenMark bits of one month cell
 *
 * An achieved output shows ✔ instead of its ○ (DOMAIN §3c: the report fills the output mark).
 *
 * Returns: (transfer full): the marks as text, "" when none
 */
char *
phaen_marks_to_text (guint marks)
{
  GString *s = g_string_new (NULL);

  if (marks & PHAEN_MARK_PLANNED)
    g_string_append (s, "■");
  if (marks & PHAEN_MARK_START)
    g_string_append (s, "●");
  if ((marks & PHAEN_MARK_OUTPUT) && !(marks & PHAEN_MARK_ACHIEVED))
    g_string_append (s, "○");
  if (marks & PHAEN_MARK_ACHIEVED)
    g_string_append (s, "✔");
  return g_string_free (s, FALSE);
}
