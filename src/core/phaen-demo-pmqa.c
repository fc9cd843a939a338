/* phaen-demo-pmqa.c — loads the sample PMQA applications through the public store API
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-demo-pmqa"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "phaen-demo-pmqa.h"
#include "phaen-error.h"
#include "phaen-pmqa-framework.h"
#include "phaen-store-pmqa.h"

static const PhaenDemoKeyword statuses[] = {
  { "draft", PHAEN_PMQA_STATUS_DRAFT },
  { "checked", PHAEN_PMQA_STATUS_CHECKED },
  { "approved", PHAEN_PMQA_STATUS_APPROVED },
  { NULL, 0 },
};

static const PhaenDemoKeyword level_names[] = {
  { "basic", PHAEN_PMQA_LEVEL_BASIC },
  { "advance", PHAEN_PMQA_LEVEL_ADVANCE },
  { "significance", PHAEN_PMQA_LEVEL_SIGNIFICANCE },
  { NULL, 0 },
};

typedef struct
{
  const PhaenPmqaFramework *framework;
  gint64 unit_id;
  int year;
} Application;

static gboolean
load_claims (PhaenDemoLoader *l,
             const Application *app,
             const PhaenPmqaSubItem *item,
             JsonArray *claimed,
             const char *where,
             GError **error)
{
  for (guint i = 0; claimed != NULL && i < json_array_get_length (claimed); i++)
    {
      g_autofree char *name = g_strdup_printf ("claimed[%u]", i);
      int n = 0;

      if (!_phaen_demo_int_in_range (l, json_array_get_element (claimed, i), where, name, 1,
                                     (int)item->statements->len, &n, error))
        return FALSE;
      if (!phaen_store_pmqa_set_claimed (l->store, app->unit_id, app->year, item->code, n, TRUE,
                                         error))
        return _phaen_demo_wrap (l, where, error);
    }
  return TRUE;
}

static gboolean
load_evidence (PhaenDemoLoader *l,
               const Application *app,
               const PhaenPmqaSubItem *item,
               JsonArray *evidence,
               const char *where,
               GError **error)
{
  static const char *const allowed[] = { "statement", "name", "file", NULL };

  for (guint i = 0; evidence != NULL && i < json_array_get_length (evidence); i++)
    {
      g_autofree char *path = NULL;
      JsonObject *slot = _phaen_demo_get_element (l, evidence, i, where, "evidence", &path, error);
      g_autoptr (GBytes) bytes = NULL;
      g_autofree char *base = NULL;
      const char *name, *file;
      int statement = 0;

      if (slot == NULL || !_phaen_demo_check_members (l, slot, path, allowed, error) ||
          !_phaen_demo_get_int (l, slot, path, "statement", TRUE, 1, (int)item->statements->len,
                                &statement, error) ||
          !_phaen_demo_get_string (l, slot, path, "name", FALSE, &name, error) ||
          !_phaen_demo_get_string (l, slot, path, "file", TRUE, &file, error))
        return FALSE;
      if (!((PhaenPmqaStatement *)g_ptr_array_index (item->statements, statement - 1))->starred)
        return _phaen_demo_fail (l, path, "statement", error,
                                 _ ("only a starred statement has an evidence slot"));
      if (!_phaen_demo_read_file (l, path, file, &bytes, error))
        return FALSE;
      if (name == NULL)
        name = base = g_path_get_basename (file);
      if (phaen_store_pmqa_attach (l->store, app->unit_id, app->year, item->code, statement, name,
                                   NULL, bytes, error) == 0)
        return _phaen_demo_wrap (l, path, error);
    }
  return TRUE;
}

static gboolean
load_sub_item (
  PhaenDemoLoader *l, const Application *app, JsonObject *object, const char *where, GError **error)
{
  static const char *const allowed[] = { "code",         "claimed",   "narrative", "author",
                                         "status",       "status_on", "due_on",    "evidence",
                                         "stated_count", NULL };
  const char *code, *narrative, *author, *status_on, *due_on;
  const PhaenPmqaSubItem *item;
  JsonArray *claimed, *evidence;
  int status = -1;

  if (!_phaen_demo_check_members (l, object, where, allowed, error) ||
      !_phaen_demo_get_string (l, object, where, "code", TRUE, &code, error) ||
      !_phaen_demo_get_string (l, object, where, "narrative", FALSE, &narrative, error) ||
      !_phaen_demo_get_string (l, object, where, "author", FALSE, &author, error) ||
      !_phaen_demo_get_keyword (l, object, where, "status", statuses, FALSE, &status, error) ||
      !_phaen_demo_get_string (l, object, where, "status_on", FALSE, &status_on, error) ||
      !_phaen_demo_get_string (l, object, where, "due_on", FALSE, &due_on, error) ||
      !_phaen_demo_get_array (l, object, where, "claimed", &claimed, error) ||
      !_phaen_demo_get_array (l, object, where, "evidence", &evidence, error))
    return FALSE;
  item = phaen_pmqa_framework_find_sub_item (app->framework, code);
  if (item == NULL)
    return _phaen_demo_fail (l, where, "code", error, _ ("no such sub-item in the edition"));
  if (!load_claims (l, app, item, claimed, where, error))
    return FALSE;
  if ((narrative != NULL && !phaen_store_pmqa_set_narrative (l->store, app->unit_id, app->year,
                                                             code, narrative, error)) ||
      (author != NULL &&
       !phaen_store_pmqa_set_author (l->store, app->unit_id, app->year, code, author, error)) ||
      (due_on != NULL &&
       !phaen_store_pmqa_set_due (l->store, app->unit_id, app->year, code, due_on, error)) ||
      (status >= 0 && !phaen_store_pmqa_set_status (l->store, app->unit_id, app->year, code, status,
                                                    status_on, error)))
    return _phaen_demo_wrap (l, where, error);
  return load_evidence (l, app, item, evidence, where, error);
}

static gboolean
load_levels (
  PhaenDemoLoader *l, const Application *app, JsonObject *levels, const char *where, GError **error)
{
  g_autoptr (GList) topics = json_object_get_members (levels);

  for (GList *t = topics; t != NULL; t = t->next)
    {
      int level = 0;

      if (!_phaen_demo_get_keyword (l, levels, where, t->data, level_names, TRUE, &level, error))
        return FALSE;
      if (phaen_pmqa_framework_find_topic (app->framework, t->data) == NULL)
        return _phaen_demo_fail (l, where, t->data, error,
                                 _ ("levels maps topics to basic, advance or significance"));
      if (!phaen_store_pmqa_set_topic_level (l->store, app->unit_id, app->year, t->data, level,
                                             error))
        return _phaen_demo_wrap (l, where, error);
    }
  return TRUE;
}

static gboolean
load_assessment (PhaenDemoLoader *l, JsonObject *object, const char *where, GError **error)
{
  static const char *const allowed[] = { "unit",   "fiscal_year", "edition", "narrative_limit",
                                         "levels", "sub_items",   NULL };
  g_autoptr (PhaenUnit) unit = NULL;
  g_autoptr (PhaenPmqaFramework) framework = NULL;
  g_autofree char *levels_path = _phaen_demo_field_path (where, "levels");
  const char *abbr, *edition;
  JsonObject *levels;
  JsonArray *sub_items;
  Application app = { 0 };
  int limit = -1;

  if (!_phaen_demo_check_members (l, object, where, allowed, error) ||
      !_phaen_demo_get_string (l, object, where, "unit", TRUE, &abbr, error) ||
      !_phaen_demo_get_string (l, object, where, "edition", FALSE, &edition, error) ||
      !_phaen_demo_get_int (l, object, where, "fiscal_year", TRUE, 2400, 2800, &app.year, error) ||
      !_phaen_demo_get_int (l, object, where, "narrative_limit", FALSE, 0, 1000000, &limit,
                            error) ||
      !_phaen_demo_get_object (l, object, where, "levels", &levels, error) ||
      !_phaen_demo_get_array (l, object, where, "sub_items", &sub_items, error))
    return FALSE;
  unit = phaen_store_find_unit (l->store, abbr, error);
  if (unit == NULL)
    return _phaen_demo_wrap (l, where, error);
  app.unit_id = unit->id;
  if (edition == NULL)
    edition = PHAEN_PMQA_DEFAULT_EDITION;
  framework = phaen_pmqa_framework_load (edition, error);
  app.framework = framework;
  if (framework == NULL ||
      !phaen_store_pmqa_set_edition (l->store, app.unit_id, app.year, edition, error) ||
      (limit >= 0 &&
       !phaen_store_pmqa_set_narrative_limit (l->store, app.unit_id, app.year, limit, error)))
    return _phaen_demo_wrap (l, where, error);
  if (levels != NULL && !load_levels (l, &app, levels, levels_path, error))
    return FALSE;
  for (guint i = 0; sub_items != NULL && i < json_array_get_length (sub_items); i++)
    {
      g_autofree char *path = NULL;
      JsonObject *sub_item =
        _phaen_demo_get_element (l, sub_items, i, where, "sub_items", &path, error);

      if (sub_item == NULL || !load_sub_item (l, &app, sub_item, path, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
_phaen_demo_load_pmqa (PhaenDemoLoader *l, JsonArray *assessments, GError **error)
{
  for (guint i = 0; i < json_array_get_length (assessments); i++)
    {
      g_autofree char *path = NULL;
      JsonObject *object =
        _phaen_demo_get_element (l, assessments, i, "", "pmqa_assessments", &path, error);

      if (object == NULL || !load_assessment (l, object, path, error))
        return FALSE;
    }
  return TRUE;
}
