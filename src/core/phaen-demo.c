/* phaen-demo.c — builds the sample workspace from data/sample through the public store API
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-demo"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "phaen-demo.h"
#include "phaen-demo-pmqa.h"
#include "phaen-demo-private.h"
#include "phaen-error.h"
#include "phaen-score.h"

static const PhaenDemoKeyword plan_kinds[] = {
  { "process", PHAEN_PLAN_PROCESS },
  { "action", PHAEN_PLAN_ACTION },
  { "efficiency", PHAEN_PLAN_EFFICIENCY },
  { NULL, 0 },
};

static const PhaenDemoKeyword scoring_kinds[] = {
  { "numeric", PHAEN_SCORING_NUMERIC }, { "milestone", PHAEN_SCORING_MILESTONE },
  { "bands", PHAEN_SCORING_BANDS },     { "pass_fail", PHAEN_SCORING_PASS_FAIL },
  { "pmqa7", PHAEN_SCORING_PMQA7 },     { NULL, 0 },
};

static const PhaenDemoKeyword directions[] = {
  { "higher", PHAEN_DIRECTION_HIGHER_BETTER },
  { "lower", PHAEN_DIRECTION_LOWER_BETTER },
  { NULL, 0 },
};

static const PhaenDemoKeyword levels[] = {
  { "organisation", PHAEN_LEVEL_ORGANISATION },
  { "unit", PHAEN_LEVEL_UNIT },
  { "person", PHAEN_LEVEL_PERSON },
  { NULL, 0 },
};

static const PhaenDemoKeyword activity_levels[] = {
  { "strategy", PHAEN_ACTIVITY_LEVEL_STRATEGY },
  { "goal", PHAEN_ACTIVITY_LEVEL_GOAL },
  { "project", PHAEN_ACTIVITY_LEVEL_PROJECT },
  { "activity", PHAEN_ACTIVITY_LEVEL_ACTIVITY },
  { NULL, 0 },
};

static const PhaenDemoKeyword month_marks[] = {
  { "planned", PHAEN_MARK_PLANNED },
  { "start", PHAEN_MARK_START },
  { "output", PHAEN_MARK_OUTPUT },
  { "achieved", PHAEN_MARK_ACHIEVED },
  { NULL, 0 },
};

static const char *const section_keys[] = {
  PHAEN_SECTION_PROCESS,
  PHAEN_SECTION_CUSTOMERS,
  PHAEN_SECTION_STAKEHOLDERS,
  PHAEN_SECTION_INDICATOR,
  PHAEN_SECTION_CRITERIA,
  PHAEN_SECTION_DIGITAL,
  PHAEN_SECTION_STEPS,
  PHAEN_SECTION_EXPECTED,
  PHAEN_SECTION_STRATEGY,
  PHAEN_SECTION_GOAL,
  NULL,
};

static const char *const pmqa_groups[] = { "7.1", "7.2", "7.3", "7.4", "7.5", "7.6", NULL };

/* ------------------------------------------------------------------ units and people */

static gboolean
resolve_unit (PhaenDemoLoader *l,
              const char *where,
              const char *name,
              const char *abbr,
              gint64 *unit_id,
              GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (PhaenUnit) unit = phaen_store_find_unit (l->store, abbr, &local);

  if (unit != NULL)
    {
      *unit_id = unit->id;
      return TRUE;
    }
  if (g_error_matches (local, PHAEN_ERROR, PHAEN_ERROR_NOT_FOUND))
    return _phaen_demo_fail (l, where, name, error,
                             _ ("there is no unit “%s”: list it under units"), abbr);
  g_propagate_error (error, g_steal_pointer (&local));
  return _phaen_demo_wrap (l, where, error);
}

static gboolean
load_units (PhaenDemoLoader *l, JsonArray *units, GError **error)
{
  static const char *const allowed[] = { "abbr", "name", "parent", NULL };

  for (guint i = 0; i < json_array_get_length (units); i++)
    {
      g_autofree char *where = NULL;
      g_autoptr (PhaenUnit) existing = NULL;
      JsonObject *object = _phaen_demo_get_element (l, units, i, "", "units", &where, error);
      const char *abbr, *name, *parent;
      gint64 parent_id = 0;

      if (object == NULL || !_phaen_demo_check_members (l, object, where, allowed, error) ||
          !_phaen_demo_get_string (l, object, where, "abbr", TRUE, &abbr, error) ||
          !_phaen_demo_get_string (l, object, where, "name", FALSE, &name, error) ||
          !_phaen_demo_get_string (l, object, where, "parent", FALSE, &parent, error))
        return FALSE;

      /* Files share their units: the first file to list one creates it. */
      existing = phaen_store_find_unit (l->store, abbr, NULL);
      if (existing != NULL)
        continue;
      if (parent != NULL && !resolve_unit (l, where, "parent", parent, &parent_id, error))
        return FALSE;
      if (phaen_store_add_unit (l->store, abbr, name ? name : "", parent_id, error) == 0)
        return _phaen_demo_wrap (l, where, error);
    }
  return TRUE;
}

static gboolean
load_people (PhaenDemoLoader *l, JsonArray *people, GError **error)
{
  static const char *const allowed[] = { "unit", "title", "name", "position", "phone", NULL };

  for (guint i = 0; i < json_array_get_length (people); i++)
    {
      g_autofree char *where = NULL;
      JsonObject *object = _phaen_demo_get_element (l, people, i, "", "people", &where, error);
      const char *unit, *title, *name, *position, *phone;
      PhaenPerson person = { 0 };

      if (object == NULL || !_phaen_demo_check_members (l, object, where, allowed, error) ||
          !_phaen_demo_get_string (l, object, where, "unit", FALSE, &unit, error) ||
          !_phaen_demo_get_string (l, object, where, "title", FALSE, &title, error) ||
          !_phaen_demo_get_string (l, object, where, "name", TRUE, &name, error) ||
          !_phaen_demo_get_string (l, object, where, "position", FALSE, &position, error) ||
          !_phaen_demo_get_string (l, object, where, "phone", FALSE, &phone, error))
        return FALSE;
      if (unit != NULL && !resolve_unit (l, where, "unit", unit, &person.unit_id, error))
        return FALSE;
      person.title = (char *)title;
      person.name = (char *)name;
      person.position = (char *)position;
      person.phone = (char *)phone;
      if (phaen_store_add_person (l->store, &person, error) == 0)
        return _phaen_demo_wrap (l, where, error);
    }
  return TRUE;
}

static gboolean
load_fiscal_years (PhaenDemoLoader *l, JsonArray *years, GError **error)
{
  static const char *const allowed[] = { "year", "disbursement_targets", NULL };

  for (guint i = 0; i < json_array_get_length (years); i++)
    {
      g_autofree char *where = NULL;
      JsonObject *object = _phaen_demo_get_element (l, years, i, "", "fiscal_years", &where, error);
      JsonArray *targets;
      double target[PHAEN_QUARTERS];
      int year = 0;

      if (object == NULL || !_phaen_demo_check_members (l, object, where, allowed, error) ||
          !_phaen_demo_get_int (l, object, where, "year", TRUE, 2400, 2800, &year, error) ||
          !_phaen_demo_get_array (l, object, where, "disbursement_targets", &targets, error))
        return FALSE;
      if (!phaen_store_add_fiscal_year (l->store, year, error))
        return _phaen_demo_wrap (l, where, error);
      if (targets == NULL)
        continue;
      if (json_array_get_length (targets) != PHAEN_QUARTERS)
        return _phaen_demo_fail (l, where, "disbursement_targets", error,
                                 _ ("expected one target for each of the 4 quarters"));
      for (guint q = 0; q < PHAEN_QUARTERS; q++)
        {
          JsonNode *node = json_array_get_element (targets, q);

          if (!_phaen_demo_holds_number (node))
            return _phaen_demo_fail (l, where, "disbursement_targets", error,
                                     _ ("expected numbers"));
          target[q] = json_node_get_double (node);
        }
      if (!phaen_store_set_disbursement_targets (l->store, year, target, error))
        return _phaen_demo_wrap (l, where, error);
    }
  return TRUE;
}

/* ------------------------------------------------------------------ activities */

static gboolean
load_months (PhaenDemoLoader *l,
             JsonObject *months,
             const char *where,
             int n_months,
             guint8 marks[PHAEN_MAX_MONTHS],
             GError **error)
{
  static const char *const allowed[] = { "planned", "start", "output", "achieved", NULL };

  if (!_phaen_demo_check_members (l, months, where, allowed, error))
    return FALSE;
  for (const PhaenDemoKeyword *k = month_marks; k->name != NULL; k++)
    {
      JsonArray *list;

      if (!_phaen_demo_get_array (l, months, where, k->name, &list, error))
        return FALSE;
      for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
        {
          g_autofree char *name = g_strdup_printf ("%s[%u]", k->name, i);
          int month = 0;

          /* 12 and beyond only when the plan runs into the next fiscal year. */
          if (!_phaen_demo_int_in_range (l, json_array_get_element (list, i), where, name, 0,
                                         n_months - 1, &month, error))
            return FALSE;
          marks[month] |= k->value;
        }
    }
  return TRUE;
}

static gboolean
load_month_progress (PhaenDemoLoader *l,
                     gint64 activity_id,
                     JsonArray *list,
                     const char *where,
                     int n_months,
                     GError **error)
{
  static const char *const allowed[] = { "month", "text", NULL };

  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      g_autofree char *path = NULL;
      JsonObject *object =
        _phaen_demo_get_element (l, list, i, where, "month_progress", &path, error);
      const char *text;
      int month = 0;

      if (object == NULL || !_phaen_demo_check_members (l, object, path, allowed, error) ||
          !_phaen_demo_get_int (l, object, path, "month", TRUE, 0, n_months - 1, &month, error) ||
          !_phaen_demo_get_string (l, object, path, "text", TRUE, &text, error))
        return FALSE;
      if (!phaen_store_set_month_progress (l->store, activity_id, month, text, error))
        return _phaen_demo_wrap (l, path, error);
    }
  return TRUE;
}

static gboolean
load_activities (PhaenDemoLoader *l,
                 gint64 plan_id,
                 gint64 parent_id,
                 JsonArray *activities,
                 const char *where,
                 const char *name,
                 int n_months,
                 GError **error)
{
  static const char *const allowed[] = { "name",           "category", "level",    "owner",
                                         "budget",         "output",   "progress", "months",
                                         "month_progress", "children", NULL };

  for (guint i = 0; i < json_array_get_length (activities); i++)
    {
      g_autofree char *path = NULL;
      g_autoptr (PhaenActivity) activity = NULL;
      JsonObject *object = _phaen_demo_get_element (l, activities, i, where, name, &path, error);
      JsonObject *months;
      JsonArray *progress, *children;
      const char *title, *owner, *output, *report;
      guint8 marks[PHAEN_MAX_MONTHS] = { 0 };
      int category = 0, level = 0;
      gint64 id;

      if (object == NULL || !_phaen_demo_check_members (l, object, path, allowed, error) ||
          !_phaen_demo_get_string (l, object, path, "name", TRUE, &title, error) ||
          !_phaen_demo_get_int (l, object, path, "category", FALSE, 0, 5, &category, error) ||
          !_phaen_demo_get_keyword (l, object, path, "level", activity_levels, FALSE, &level,
                                    error) ||
          !_phaen_demo_get_string (l, object, path, "owner", FALSE, &owner, error) ||
          !_phaen_demo_get_string (l, object, path, "output", FALSE, &output, error) ||
          !_phaen_demo_get_string (l, object, path, "progress", FALSE, &report, error) ||
          !_phaen_demo_get_object (l, object, path, "months", &months, error) ||
          !_phaen_demo_get_array (l, object, path, "month_progress", &progress, error) ||
          !_phaen_demo_get_array (l, object, path, "children", &children, error))
        return FALSE;
      if (months != NULL)
        {
          g_autofree char *months_path = _phaen_demo_field_path (path, "months");

          if (!load_months (l, months, months_path, n_months, marks, error))
            return FALSE;
        }

      id = phaen_store_add_activity (l->store, plan_id, parent_id, -1, title, error);
      if (id == 0 || (activity = phaen_store_get_activity (l->store, id, error)) == NULL)
        return _phaen_demo_wrap (l, path, error);
      activity->category = category;
      if (level != 0)
        activity->level = level;
      _phaen_demo_replace_text (&activity->owner, owner);
      _phaen_demo_replace_text (&activity->output, output);
      _phaen_demo_replace_text (&activity->progress, report);
      /* "budget": null is the plan's "-", not zero. */
      if (!_phaen_demo_get_number (l, object, path, "budget", &activity->has_budget,
                                   &activity->budget, error))
        return FALSE;
      if (!phaen_store_update_activity (l->store, activity, error))
        return _phaen_demo_wrap (l, path, error);

      for (int m = 0; m < PHAEN_MAX_MONTHS; m++)
        if (marks[m] != 0 && !phaen_store_set_month_marks (l->store, id, m, marks[m], error))
          return _phaen_demo_wrap (l, path, error);
      if (progress != NULL && !load_month_progress (l, id, progress, path, n_months, error))
        return FALSE;
      if (children != NULL &&
          !load_activities (l, plan_id, id, children, path, "children", n_months, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
load_budget_quarters (
  PhaenDemoLoader *l, gint64 plan_id, JsonArray *quarters, const char *where, GError **error)
{
  static const char *const allowed[] = { "quarter", "allocated", "committed", "disbursed", NULL };

  for (guint i = 0; i < json_array_get_length (quarters); i++)
    {
      g_autofree char *path = NULL;
      JsonObject *object =
        _phaen_demo_get_element (l, quarters, i, where, "budget_quarters", &path, error);
      PhaenBudgetQuarter q = { .plan_id = plan_id };
      gboolean has;

      if (object == NULL || !_phaen_demo_check_members (l, object, path, allowed, error) ||
          !_phaen_demo_get_int (l, object, path, "quarter", TRUE, 1, PHAEN_QUARTERS, &q.quarter,
                                error) ||
          !_phaen_demo_get_number (l, object, path, "allocated", &has, &q.allocated, error) ||
          !_phaen_demo_get_number (l, object, path, "committed", &has, &q.committed, error) ||
          !_phaen_demo_get_number (l, object, path, "disbursed", &has, &q.disbursed, error))
        return FALSE;
      if (!phaen_store_set_budget_quarter (l->store, &q, error))
        return _phaen_demo_wrap (l, path, error);
    }
  return TRUE;
}

/* ------------------------------------------------------------------ indicators */

static gboolean
load_criteria (
  PhaenDemoLoader *l, gint64 indicator_id, JsonObject *object, const char *where, GError **error)
{
  static const char *const allowed[] = { "approved_on", "reason", "pass_percent", "levels", NULL };
  static const char *const level_allowed[] = { "level",           "threshold",       "upper",
                                               "lower_inclusive", "upper_inclusive", "score",
                                               "label",           "description",     NULL };
  g_autoptr (PhaenCriteriaVersion) version = phaen_criteria_version_new ();
  const char *approved_on, *reason;
  JsonArray *items;
  gboolean has_pass;

  if (!_phaen_demo_check_members (l, object, where, allowed, error) ||
      !_phaen_demo_get_string (l, object, where, "approved_on", FALSE, &approved_on, error) ||
      !_phaen_demo_get_string (l, object, where, "reason", FALSE, &reason, error) ||
      !_phaen_demo_get_number (l, object, where, "pass_percent", &has_pass, &version->pass_percent,
                               error) ||
      !_phaen_demo_get_array (l, object, where, "levels", &items, error))
    return FALSE;
  if (!has_pass)
    version->pass_percent = PHAEN_PASS_PERCENT_DEFAULT;
  _phaen_demo_replace_text (&version->approved_on, approved_on);
  _phaen_demo_replace_text (&version->reason, reason);

  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      g_autofree char *path = NULL;
      g_autoptr (PhaenCriterion) criterion = g_new0 (PhaenCriterion, 1);
      JsonObject *item = _phaen_demo_get_element (l, items, i, where, "levels", &path, error);
      const char *label, *description;
      gboolean has_score;

      criterion->lower_inclusive = TRUE;
      criterion->upper_inclusive = TRUE;
      if (item == NULL || !_phaen_demo_check_members (l, item, path, level_allowed, error) ||
          !_phaen_demo_get_int (l, item, path, "level", TRUE, 1, 10, &criterion->level, error) ||
          !_phaen_demo_get_number (l, item, path, "threshold", &criterion->has_threshold,
                                   &criterion->threshold, error) ||
          !_phaen_demo_get_number (l, item, path, "upper", &criterion->has_upper, &criterion->upper,
                                   error) ||
          !_phaen_demo_get_bool (l, item, path, "lower_inclusive", &criterion->lower_inclusive,
                                 error) ||
          !_phaen_demo_get_bool (l, item, path, "upper_inclusive", &criterion->upper_inclusive,
                                 error) ||
          !_phaen_demo_get_number (l, item, path, "score", &has_score, &criterion->score, error) ||
          !_phaen_demo_get_string (l, item, path, "label", FALSE, &label, error) ||
          !_phaen_demo_get_string (l, item, path, "description", FALSE, &description, error))
        return FALSE;
      _phaen_demo_replace_text (&criterion->label, label);
      _phaen_demo_replace_text (&criterion->description, description);
      g_ptr_array_add (version->items, g_steal_pointer (&criterion));
    }
  if (phaen_store_add_criteria_version (l->store, indicator_id, version, error) == 0)
    return _phaen_demo_wrap (l, where, error);
  return TRUE;
}

static gboolean
load_evidence (PhaenDemoLoader *l,
               gint64 indicator_id,
               int quarter,
               JsonArray *evidence,
               const char *where,
               GError **error)
{
  static const char *const allowed[] = { "title", "url", "name", "mime", "file", NULL };

  for (guint i = 0; i < json_array_get_length (evidence); i++)
    {
      g_autofree char *path = NULL;
      g_autofree char *base = NULL;
      g_autoptr (GBytes) bytes = NULL;
      JsonObject *object =
        _phaen_demo_get_element (l, evidence, i, where, "evidence", &path, error);
      const char *title, *url, *name, *mime, *file;

      if (object == NULL || !_phaen_demo_check_members (l, object, path, allowed, error) ||
          !_phaen_demo_get_string (l, object, path, "title", FALSE, &title, error) ||
          !_phaen_demo_get_string (l, object, path, "url", FALSE, &url, error) ||
          !_phaen_demo_get_string (l, object, path, "name", FALSE, &name, error) ||
          !_phaen_demo_get_string (l, object, path, "mime", FALSE, &mime, error) ||
          !_phaen_demo_get_string (l, object, path, "file", FALSE, &file, error))
        return FALSE;
      if ((url == NULL) == (file == NULL))
        return _phaen_demo_fail (l, path, NULL, error, _ ("evidence is either a url or a file"));
      if (url != NULL)
        {
          if (phaen_store_add_evidence_url (l->store, indicator_id, quarter, title, url, error) ==
              0)
            return _phaen_demo_wrap (l, path, error);
          continue;
        }
      if (!_phaen_demo_read_file (l, path, file, &bytes, error))
        return FALSE;
      if (name == NULL)
        name = base = g_path_get_basename (file);
      if (phaen_store_add_evidence_file (l->store, indicator_id, quarter, name, mime, bytes,
                                         error) == 0)
        return _phaen_demo_wrap (l, path, error);
    }
  return TRUE;
}

static gboolean
load_results (
  PhaenDemoLoader *l, gint64 indicator_id, JsonArray *results, const char *where, GError **error)
{
  static const char *const allowed[] = {
    "quarter", "value", "detail", "problems", "evidence", NULL
  };

  for (guint i = 0; i < json_array_get_length (results); i++)
    {
      g_autofree char *path = NULL;
      JsonObject *object = _phaen_demo_get_element (l, results, i, where, "results", &path, error);
      const char *value, *detail, *problems;
      JsonArray *evidence;
      int quarter = 0;

      /* The value is text as reported ("826", "๑๘๔", "4-5"); the store parses numbers. */
      if (object == NULL || !_phaen_demo_check_members (l, object, path, allowed, error) ||
          !_phaen_demo_get_int (l, object, path, "quarter", TRUE, 1, PHAEN_QUARTERS, &quarter,
                                error) ||
          !_phaen_demo_get_string (l, object, path, "value", FALSE, &value, error) ||
          !_phaen_demo_get_string (l, object, path, "detail", FALSE, &detail, error) ||
          !_phaen_demo_get_string (l, object, path, "problems", FALSE, &problems, error) ||
          !_phaen_demo_get_array (l, object, path, "evidence", &evidence, error))
        return FALSE;
      if (!phaen_store_set_result (l->store, indicator_id, quarter, value, detail, problems, error))
        return _phaen_demo_wrap (l, path, error);
      if (evidence != NULL && !load_evidence (l, indicator_id, quarter, evidence, path, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
load_person_ref (PhaenDemoLoader *l,
                 JsonObject *object,
                 const char *where,
                 const char *name,
                 char **person_name,
                 char **phone,
                 GError **error)
{
  static const char *const allowed[] = { "name", "phone", NULL };
  g_autofree char *path = _phaen_demo_field_path (where, name);
  JsonObject *person;
  const char *text, *number;

  if (!_phaen_demo_get_object (l, object, where, name, &person, error))
    return FALSE;
  if (person == NULL)
    return TRUE;
  if (!_phaen_demo_check_members (l, person, path, allowed, error) ||
      !_phaen_demo_get_string (l, person, path, "name", FALSE, &text, error) ||
      !_phaen_demo_get_string (l, person, path, "phone", FALSE, &number, error))
    return FALSE;
  _phaen_demo_replace_text (person_name, text);
  _phaen_demo_replace_text (phone, number);
  return TRUE;
}

static gboolean
load_baselines (PhaenDemoLoader *l,
                JsonObject *object,
                const char *where,
                PhaenIndicator *indicator,
                GError **error)
{
  JsonArray *baselines;

  if (!_phaen_demo_get_array (l, object, where, "baselines", &baselines, error))
    return FALSE;
  if (baselines == NULL)
    return TRUE;
  if (json_array_get_length (baselines) > G_N_ELEMENTS (indicator->baseline))
    return _phaen_demo_fail (l, where, "baselines", error, _ ("at most 3 years back"));
  for (guint i = 0; i < json_array_get_length (baselines); i++)
    {
      JsonNode *node = json_array_get_element (baselines, i);

      if (JSON_NODE_HOLDS_NULL (node))
        continue;
      if (!_phaen_demo_holds_type (node, G_TYPE_STRING))
        return _phaen_demo_fail (l, where, "baselines", error, _ ("expected text"));
      _phaen_demo_replace_text (&indicator->baseline[i], json_node_get_string (node));
    }
  return TRUE;
}

/* PMQA category 7: the indicator's fields; the yearly values go in after it is written. */
static gboolean
load_pmqa_fields (PhaenDemoLoader *l,
                  JsonObject *pmqa,
                  const char *where,
                  PhaenIndicator *indicator,
                  GError **error)
{
  static const char *const allowed[] = { "group", "target", "values", "chosen_score", NULL };
  const char *group, *note;
  JsonObject *values;

  if (!_phaen_demo_check_members (l, pmqa, where, allowed, error) ||
      !_phaen_demo_get_string (l, pmqa, where, "group", TRUE, &group, error) ||
      !_phaen_demo_get_number (l, pmqa, where, "target", &indicator->has_pmqa_target,
                               &indicator->pmqa_target, error) ||
      !_phaen_demo_get_object (l, pmqa, where, "values", &values, error) ||
      !_phaen_demo_get_number (l, pmqa, where, "chosen_score", &indicator->has_pmqa_score,
                               &indicator->pmqa_score, error))
    return FALSE;
  if (!g_strv_contains (pmqa_groups, group))
    return _phaen_demo_fail (l, where, "group", error, _ ("“%s” is not one of 7.1 … 7.6"), group);
  /* Here "note" is the form's หมายเหตุ column, not a comment for the reader. */
  if (!_phaen_demo_get_string (l, pmqa, where, "note", FALSE, &note, error))
    return FALSE;
  _phaen_demo_replace_text (&indicator->pmqa_group, group);
  _phaen_demo_replace_text (&indicator->pmqa_note, note);
  return TRUE;
}

static gboolean
load_pmqa_values (
  PhaenDemoLoader *l, gint64 indicator_id, JsonObject *pmqa, const char *where, GError **error)
{
  g_autofree char *path = _phaen_demo_field_path (where, "values");
  g_autoptr (GList) years = NULL;
  JsonObject *values;

  if (!_phaen_demo_get_object (l, pmqa, where, "values", &values, error))
    return FALSE;
  if (values == NULL)
    return TRUE;
  years = json_object_get_members (values);
  for (GList *y = years; y != NULL; y = y->next)
    {
      const char *key = y->data;
      JsonNode *node = json_object_get_member (values, key);
      guint64 year = 0;

      if (!g_ascii_string_to_unsigned (key, 10, 2400, 2800, &year, NULL))
        return _phaen_demo_fail (l, path, key, error, _ ("expected a year in the Buddhist Era"));
      if (!_phaen_demo_holds_number (node))
        return _phaen_demo_fail (l, path, key, error, _ ("expected a number"));
      if (!phaen_store_set_pmqa_value (l->store, indicator_id, (int)year, TRUE,
                                       json_node_get_double (node), error))
        return _phaen_demo_wrap (l, path, error);
    }
  return TRUE;
}

static gboolean
load_indicator (PhaenDemoLoader *l,
                JsonObject *object,
                const char *where,
                gint64 unit_id,
                int fiscal_year,
                gint64 plan_id,
                GError **error)
{
  static const char *const allowed[] = {
    "unit",      "fiscal_year", "code",        "name",        "org_plan",  "strategy",
    "dimension", "goal",        "weight",      "description", "condition", "measure_unit",
    "target",    "baselines",   "data_source", "owner",       "supporter", "scoring",
    "direction", "cumulative",  "level",       "leading",     "mandatory", "criteria",
    "results",   "pmqa",        NULL,
  };
  static const struct
  {
    const char *name;
    gsize offset;
  } texts[] = {
    { "org_plan", G_STRUCT_OFFSET (PhaenIndicator, org_plan) },
    { "strategy", G_STRUCT_OFFSET (PhaenIndicator, strategy) },
    { "dimension", G_STRUCT_OFFSET (PhaenIndicator, dimension) },
    { "goal", G_STRUCT_OFFSET (PhaenIndicator, goal) },
    { "description", G_STRUCT_OFFSET (PhaenIndicator, description) },
    { "condition", G_STRUCT_OFFSET (PhaenIndicator, condition) },
    { "measure_unit", G_STRUCT_OFFSET (PhaenIndicator, measure_unit) },
    { "target", G_STRUCT_OFFSET (PhaenIndicator, target) },
    { "data_source", G_STRUCT_OFFSET (PhaenIndicator, data_source) },
  };
  g_autoptr (PhaenIndicator) indicator = NULL;
  g_autofree char *pmqa_path = _phaen_demo_field_path (where, "pmqa");
  g_autofree char *criteria_path = _phaen_demo_field_path (where, "criteria");
  const char *unit, *code, *name;
  JsonObject *pmqa, *criteria;
  JsonArray *results;
  gboolean has_weight;
  gint64 id;

  if (!_phaen_demo_check_members (l, object, where, allowed, error) ||
      !_phaen_demo_get_string (l, object, where, "unit", FALSE, &unit, error) ||
      !_phaen_demo_get_int (l, object, where, "fiscal_year", fiscal_year == 0, 2400, 2800,
                            &fiscal_year, error) ||
      !_phaen_demo_get_string (l, object, where, "code", FALSE, &code, error) ||
      !_phaen_demo_get_string (l, object, where, "name", TRUE, &name, error) ||
      !_phaen_demo_get_object (l, object, where, "pmqa", &pmqa, error) ||
      !_phaen_demo_get_object (l, object, where, "criteria", &criteria, error) ||
      !_phaen_demo_get_array (l, object, where, "results", &results, error))
    return FALSE;
  if (unit != NULL && !resolve_unit (l, where, "unit", unit, &unit_id, error))
    return FALSE;
  if (unit_id == 0)
    return _phaen_demo_fail (l, where, "unit", error, _ ("is required"));

  id = phaen_store_add_indicator (l->store, unit_id, fiscal_year, code ? code : "", name, error);
  if (id == 0 || (indicator = phaen_store_get_indicator (l->store, id, error)) == NULL)
    return _phaen_demo_wrap (l, where, error);
  indicator->plan_id = plan_id;
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      const char *text;

      if (!_phaen_demo_get_string (l, object, where, texts[i].name, FALSE, &text, error))
        return FALSE;
      _phaen_demo_replace_text (G_STRUCT_MEMBER_P (indicator, texts[i].offset), text);
    }
  /* "weight": null is a weight the source does not give; validation flags the unit's sum. */
  if (!_phaen_demo_get_number (l, object, where, "weight", &has_weight, &indicator->weight,
                               error) ||
      !load_baselines (l, object, where, indicator, error) ||
      !load_person_ref (l, object, where, "owner", &indicator->owner_name, &indicator->owner_phone,
                        error) ||
      !load_person_ref (l, object, where, "supporter", &indicator->supporter_name,
                        &indicator->supporter_phone, error) ||
      !_phaen_demo_get_keyword (l, object, where, "scoring", scoring_kinds, TRUE,
                                &indicator->scoring, error) ||
      !_phaen_demo_get_keyword (l, object, where, "direction", directions, FALSE,
                                &indicator->direction, error) ||
      !_phaen_demo_get_keyword (l, object, where, "level", levels, FALSE, &indicator->level,
                                error) ||
      !_phaen_demo_get_bool (l, object, where, "cumulative", &indicator->cumulative, error) ||
      !_phaen_demo_get_bool (l, object, where, "leading", &indicator->leading, error) ||
      !_phaen_demo_get_int (l, object, where, "mandatory", FALSE, 0, 2, &indicator->mandatory,
                            error))
    return FALSE;
  if (pmqa != NULL && !load_pmqa_fields (l, pmqa, pmqa_path, indicator, error))
    return FALSE;
  if (!phaen_store_update_indicator (l->store, indicator, error))
    return _phaen_demo_wrap (l, where, error);

  if (criteria != NULL && !load_criteria (l, id, criteria, criteria_path, error))
    return FALSE;
  if (results != NULL && !load_results (l, id, results, where, error))
    return FALSE;
  if (pmqa != NULL && !load_pmqa_values (l, id, pmqa, pmqa_path, error))
    return FALSE;
  return TRUE;
}

static gboolean
load_indicators (PhaenDemoLoader *l,
                 JsonArray *indicators,
                 const char *where,
                 gint64 unit_id,
                 int fiscal_year,
                 gint64 plan_id,
                 GError **error)
{
  for (guint i = 0; i < json_array_get_length (indicators); i++)
    {
      g_autofree char *path = NULL;
      JsonObject *object =
        _phaen_demo_get_element (l, indicators, i, where, "indicators", &path, error);

      if (object == NULL || !load_indicator (l, object, path, unit_id, fiscal_year, plan_id, error))
        return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------ plans */

static gboolean
load_sections (
  PhaenDemoLoader *l, gint64 plan_id, JsonObject *sections, const char *where, GError **error)
{
  g_autoptr (GList) keys = NULL;

  if (!_phaen_demo_check_members (l, sections, where, section_keys, error))
    return FALSE;
  keys = json_object_get_members (sections);
  for (GList *k = keys; k != NULL; k = k->next)
    {
      const char *text;

      if (g_str_equal (k->data, "note"))
        continue;
      if (!_phaen_demo_get_string (l, sections, where, k->data, FALSE, &text, error))
        return FALSE;
      if (text != NULL && !phaen_store_set_plan_section (l->store, plan_id, k->data, text, error))
        return _phaen_demo_wrap (l, where, error);
    }
  return TRUE;
}

static gboolean
load_plan (PhaenDemoLoader *l, JsonObject *object, const char *where, GError **error)
{
  static const char *const allowed[] = { "unit",       "fiscal_year",     "kind",
                                         "title",      "extra_months",    "sections",
                                         "activities", "budget_quarters", "indicators",
                                         NULL };
  g_autofree char *sections_path = _phaen_demo_field_path (where, "sections");
  JsonObject *sections;
  JsonArray *activities, *quarters, *indicators;
  const char *unit, *title;
  gint64 unit_id = 0, plan_id;
  int fiscal_year = 0, kind = 0, extra_months = 0;

  if (!_phaen_demo_check_members (l, object, where, allowed, error) ||
      !_phaen_demo_get_string (l, object, where, "unit", TRUE, &unit, error) ||
      !_phaen_demo_get_int (l, object, where, "fiscal_year", TRUE, 2400, 2800, &fiscal_year,
                            error) ||
      !_phaen_demo_get_keyword (l, object, where, "kind", plan_kinds, TRUE, &kind, error) ||
      !_phaen_demo_get_string (l, object, where, "title", FALSE, &title, error) ||
      !_phaen_demo_get_int (l, object, where, "extra_months", FALSE, 0, 12, &extra_months, error) ||
      !_phaen_demo_get_object (l, object, where, "sections", &sections, error) ||
      !_phaen_demo_get_array (l, object, where, "activities", &activities, error) ||
      !_phaen_demo_get_array (l, object, where, "budget_quarters", &quarters, error) ||
      !_phaen_demo_get_array (l, object, where, "indicators", &indicators, error) ||
      !resolve_unit (l, where, "unit", unit, &unit_id, error))
    return FALSE;

  plan_id = phaen_store_add_plan (l->store, unit_id, fiscal_year, kind, title ? title : "", error);
  if (plan_id == 0)
    return _phaen_demo_wrap (l, where, error);
  if (extra_months > 0)
    {
      g_autoptr (PhaenPlan) plan = phaen_store_get_plan (l->store, plan_id, error);

      if (plan == NULL)
        return _phaen_demo_wrap (l, where, error);
      plan->extra_months = extra_months;
      if (!phaen_store_update_plan (l->store, plan, error))
        return _phaen_demo_wrap (l, where, error);
    }

  return (sections == NULL || load_sections (l, plan_id, sections, sections_path, error)) &&
         (activities == NULL || load_activities (l, plan_id, 0, activities, where, "activities",
                                                 PHAEN_FISCAL_MONTHS + extra_months, error)) &&
         (quarters == NULL || load_budget_quarters (l, plan_id, quarters, where, error)) &&
         (indicators == NULL ||
          load_indicators (l, indicators, where, unit_id, fiscal_year, plan_id, error));
}

static gboolean
load_root (PhaenDemoLoader *l, JsonObject *root, GError **error)
{
  static const char *const allowed[] = { "units", "people",     "fiscal_years",
                                         "plans", "indicators", "pmqa_assessments",
                                         NULL };
  JsonArray *units, *people, *years, *plans, *indicators, *pmqa;

  if (!_phaen_demo_check_members (l, root, "", allowed, error) ||
      !_phaen_demo_get_array (l, root, "", "units", &units, error) ||
      !_phaen_demo_get_array (l, root, "", "people", &people, error) ||
      !_phaen_demo_get_array (l, root, "", "fiscal_years", &years, error) ||
      !_phaen_demo_get_array (l, root, "", "plans", &plans, error) ||
      !_phaen_demo_get_array (l, root, "", "indicators", &indicators, error) ||
      !_phaen_demo_get_array (l, root, "", "pmqa_assessments", &pmqa, error))
    return FALSE;
  if ((units != NULL && !load_units (l, units, error)) ||
      (people != NULL && !load_people (l, people, error)) ||
      (years != NULL && !load_fiscal_years (l, years, error)))
    return FALSE;
  for (guint i = 0; plans != NULL && i < json_array_get_length (plans); i++)
    {
      g_autofree char *path = NULL;
      JsonObject *plan = _phaen_demo_get_element (l, plans, i, "", "plans", &path, error);

      if (plan == NULL || !load_plan (l, plan, path, error))
        return FALSE;
    }
  if (indicators != NULL && !load_indicators (l, indicators, "", 0, 0, 0, error))
    return FALSE;
  return pmqa == NULL || _phaen_demo_load_pmqa (l, pmqa, error);
}

/* ------------------------------------------------------------------ public API */

gboolean
phaen_demo_load_file (PhaenStore *store, const char *json_path, GError **error)
{
  g_autoptr (JsonParser) parser = NULL;
  g_autoptr (GError) local = NULL;
  g_autofree char *name = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *label = NULL;
  PhaenDemoLoader l;
  JsonNode *root;

  g_return_val_if_fail (PHAEN_IS_STORE (store), FALSE);
  g_return_val_if_fail (json_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  name = g_path_get_basename (json_path);
  dir = g_path_get_dirname (json_path);
  l = (PhaenDemoLoader){ store, name, dir };

  parser = json_parser_new ();
  if (!json_parser_load_from_file (parser, json_path, &local))
    {
      if (local->domain == G_FILE_ERROR)
        g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_IO, "%s: %s", name, local->message);
      else
        g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID, _ ("%s: not valid JSON: %s"), name,
                     local->message);
      return FALSE;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return _phaen_demo_fail (&l, "", NULL, error, _ ("expected a JSON object"));

  /* One undo step per file, and nothing of a file that fails half-way. */
  label = g_strdup_printf (_ ("Load %s"), name);
  if (!phaen_store_begin (store, label, error))
    return FALSE;
  if (!load_root (&l, json_node_get_object (root), error))
    {
      phaen_store_rollback (store);
      return FALSE;
    }
  return phaen_store_commit (store, error);
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *)a, *(const char *const *)b);
}

gboolean
phaen_demo_load_dir (PhaenStore *store, const char *dir, GError **error)
{
  g_autoptr (GDir) folder = NULL;
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) local = NULL;
  const char *entry;

  g_return_val_if_fail (PHAEN_IS_STORE (store), FALSE);
  g_return_val_if_fail (dir != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  folder = g_dir_open (dir, 0, &local);
  if (folder == NULL)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_IO, "%s", local->message);
      return FALSE;
    }
  while ((entry = g_dir_read_name (folder)) != NULL)
    if (g_str_has_suffix (entry, ".json"))
      g_ptr_array_add (files, g_build_filename (dir, entry, NULL));
  if (files->len == 0)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_NOT_FOUND,
                   _ ("There are no sample files (*.json) in “%s”."), dir);
      return FALSE;
    }
  /* Name order, so that the same folder always builds the same workspace. */
  g_ptr_array_sort (files, compare_names);
  for (guint i = 0; i < files->len; i++)
    if (!phaen_demo_load_file (store, g_ptr_array_index (files, i), error))
      return FALSE;
  phaen_store_clear_history (store);
  return TRUE;
}

const char *
phaen_demo_sample_dir (void)
{
  const char *env = g_getenv ("PHAEN_SAMPLE_DIR");

  if (env != NULL)
    return env;
  if (g_file_test (PHAEN_SOURCE_DATADIR "/sample", G_FILE_TEST_IS_DIR))
    return PHAEN_SOURCE_DATADIR "/sample";
  return PHAEN_DATADIR "/sample";
}
