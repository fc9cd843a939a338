/* phaen-model.c — copying and freeing the records a workspace holds
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-model"

#include "config.h"

#include <string.h>

#include "phaen-model.h"
#include "phaen-official.h"

/* ------------------------------------------------------------------ units and people */

/**
 * phaen_unit_copy:
 *
 * Returns: (transfer full): a deep copy
 */
PhaenUnit *
phaen_unit_copy (const PhaenUnit *unit)
{
  PhaenUnit *copy;

  g_return_val_if_fail (unit != NULL, NULL);

  copy = g_memdup2 (unit, sizeof *unit);
  copy->uuid = g_strdup (unit->uuid);
  copy->abbr = g_strdup (unit->abbr);
  copy->name = g_strdup (unit->name);
  return copy;
}

void
phaen_unit_free (PhaenUnit *unit)
{
  if (unit == NULL)
    return;
  g_free (unit->uuid);
  g_free (unit->abbr);
  g_free (unit->name);
  g_free (unit);
}

void
phaen_person_free (PhaenPerson *person)
{
  if (person == NULL)
    return;
  g_free (person->uuid);
  g_free (person->title);
  g_free (person->name);
  g_free (person->position);
  g_free (person->phone);
  g_free (person->email);
  g_free (person);
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

/**
 * phaen_indicator_copy:
 *
 * Returns: (transfer full): a deep copy
 */
PhaenIndicator *
phaen_indicator_copy (const PhaenIndicator *indicator)
{
  PhaenIndicator *copy;

  g_return_val_if_fail (indicator != NULL, NULL);

  copy = g_memdup2 (indicator, sizeof *indicator);
  copy->uuid = g_strdup (indicator->uuid);
  copy->code = g_strdup (indicator->code);
  copy->name = g_strdup (indicator->name);
  copy->org_plan = g_strdup (indicator->org_plan);
  copy->strategy = g_strdup (indicator->strategy);
  copy->dimension = g_strdup (indicator->dimension);
  copy->goal = g_strdup (indicator->goal);
  copy->description = g_strdup (indicator->description);
  copy->condition = g_strdup (indicator->condition);
  copy->measure_unit = g_strdup (indicator->measure_unit);
  copy->target = g_strdup (indicator->target);
  for (guint i = 0; i < G_N_ELEMENTS (indicator->baseline); i++)
    copy->baseline[i] = g_strdup (indicator->baseline[i]);
  copy->data_source = g_strdup (indicator->data_source);
  copy->owner_name = g_strdup (indicator->owner_name);
  copy->owner_phone = g_strdup (indicator->owner_phone);
  copy->supporter_name = g_strdup (indicator->supporter_name);
  copy->supporter_phone = g_strdup (indicator->supporter_phone);
  copy->pmqa_group = g_strdup (indicator->pmqa_group);
  copy->pmqa_note = g_strdup (indicator->pmqa_note);
  return copy;
}

void
phaen_indicator_free (PhaenIndicator *indicator)
{
  if (indicator == NULL)
    return;
  g_free (indicator->uuid);
  g_free (indicator->code);
  g_free (indicator->name);
  g_free (indicator->org_plan);
  g_free (indicator->strategy);
  g_free (indicator->dimension);
  g_free (indicator->goal);
  g_free (indicator->description);
  g_free (indicator->condition);
  g_free (indicator->measure_unit);
  g_free (indicator->target);
  for (guint i = 0; i < G_N_ELEMENTS (indicator->baseline); i++)
    g_free (indicator->baseline[i]);
  g_free (indicator->data_source);
  g_free (indicator->owner_name);
  g_free (indicator->owner_phone);
  g_free (indicator->supporter_name);
  g_free (indicator->supporter_phone);
  g_free (indicator->pmqa_group);
  g_free (indicator->pmqa_note);
  g_free (indicator);
}

/* ------------------------------------------------------------------ criteria */

/**
 * phaen_criterion_copy:
 *
 * Returns: (transfer full): a deep copy
 */
PhaenCriterion *
phaen_criterion_copy (const PhaenCriterion *criterion)
{
  PhaenCriterion *copy;

  g_return_val_if_fail (criterion != NULL, NULL);

  copy = g_memdup2 (criterion, sizeof *criterion);
  copy->label = g_strdup (criterion->label);
  copy->description = g_strdup (criterion->description);
  return copy;
}

void
phaen_criterion_free (PhaenCriterion *criterion)
{
  if (criterion == NULL)
    return;
  g_free (criterion->label);
  g_free (criterion->description);
  g_free (criterion);
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

/**
 * phaen_result_copy:
 *
 * Returns: (transfer full): a deep copy
 */
PhaenResult *
phaen_result_copy (const PhaenResult *result)
{
  PhaenResult *copy;

  g_return_val_if_fail (result != NULL, NULL);

  copy = g_memdup2 (result, sizeof *result);
  copy->uuid = g_strdup (result->uuid);
  copy->value_text = g_strdup (result->value_text);
  copy->detail = g_strdup (result->detail);
  copy->problems = g_strdup (result->problems);
  copy->override_reason = g_strdup (result->override_reason);
  copy->updated_at = g_strdup (result->updated_at);
  return copy;
}

void
phaen_result_free (PhaenResult *result)
{
  if (result == NULL)
    return;
  g_free (result->uuid);
  g_free (result->value_text);
  g_free (result->detail);
  g_free (result->problems);
  g_free (result->override_reason);
  g_free (result->updated_at);
  g_free (result);
}

void
phaen_evidence_free (PhaenEvidence *evidence)
{
  if (evidence == NULL)
    return;
  g_free (evidence->uuid);
  g_free (evidence->name);
  g_free (evidence->mime);
  g_free (evidence->url);
  g_free (evidence->added_at);
  g_free (evidence);
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
