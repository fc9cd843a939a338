/* phaen-demo-pmqa.c — loads the sample PMQA applications through the public store API
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-demo-pmqa"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "phaen-demo-pmqa.h"
#include "phaen-error.h"
#include "phaen-pmqa-framework.h"
#include "phaen-store-pmqa.h"

typedef struct
{
  PhaenStore *store;
  const char *name;
  const char *dir;
  GError **error;
} Loader;

static gboolean
bad (Loader *l, const char *where, const char *what)
{
  g_set_error (l->error, PHAEN_ERROR, PHAEN_ERROR_INVALID, "%s: %s: %s", l->name, where, what);
  return FALSE;
}

/* A store refusal keeps its code and says where. */
static gboolean
wrap (Loader *l, const char *where)
{
  g_prefix_error (l->error, "%s: %s: ", l->name, where);
  return FALSE;
}

static gboolean
check_members (Loader *l, JsonObject *object, const char *where, const char *const *allowed)
{
  g_autoptr (GList) names = json_object_get_members (object);

  for (GList *n = names; n != NULL; n = n->next)
    if (!g_str_equal (n->data, "note") && !g_strv_contains (allowed, n->data))
      {
        g_autofree char *at = g_strdup_printf ("%s.%s", where, (const char *)n->data);

        return bad (l, at, _ ("unknown member"));
      }
  return TRUE;
}

/* NULL (no error) when absent; FALSE when not text. */
static gboolean
get_text (Loader *l, JsonObject *object, const char *where, const char *member, const char **out)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_autofree char *at = g_strdup_printf ("%s.%s", where, member);

      return bad (l, at, _ ("expected text"));
    }
  *out = json_node_get_string (node);
  return TRUE;
}

static gboolean
get_int (Loader *l, JsonObject *object, const char *where, const char *member, gint64 *out)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      g_autofree char *at = g_strdup_printf ("%s.%s", where, member);

      return bad (l, at, _ ("expected a whole number"));
    }
  *out = json_node_get_int (node);
  return TRUE;
}

static JsonArray *
get_list (Loader *l, JsonObject *object, const char *where, const char *member, gboolean *ok)
{
  JsonNode *node = json_object_get_member (object, member);

  *ok = TRUE;
  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autofree char *at = g_strdup_printf ("%s.%s", where, member);

      *ok = bad (l, at, _ ("expected a list"));
      return NULL;
    }
  return json_node_get_array (node);
}

static GBytes *
read_file (Loader *l, const char *where, const char *file)
{
  g_auto (GStrv) parts = g_strsplit_set (file, "/\\", -1);
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr (GError) local = NULL;
  gsize length = 0;

  if (g_path_is_absolute (file) || g_strv_contains ((const char *const *)parts, ".."))
    {
      bad (l, where, _ ("a file must be a path inside the sample folder"));
      return NULL;
    }
  path = g_build_filename (l->dir, file, NULL);
  if (!g_file_get_contents (path, &contents, &length, &local))
    {
      bad (l, where, local->message);
      return NULL;
    }
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

static gboolean
load_sub_item (Loader *l,
               const PhaenPmqaFramework *framework,
               gint64 unit_id,
               int year,
               JsonObject *object,
               const char *where)
{
  static const char *const allowed[] = { "code",         "claimed",   "narrative", "author",
                                         "status",       "status_on", "due_on",    "evidence",
                                         "stated_count", NULL };
  static const char *const statuses[] = { "draft", "checked", "approved", NULL };
  const char *code, *narrative, *author, *status, *status_on, *due_on;
  const PhaenPmqaSubItem *item;
  JsonArray *claimed, *evidence;
  gboolean ok;

  if (!check_members (l, object, where, allowed) || !get_text (l, object, where, "code", &code) ||
      !get_text (l, object, where, "narrative", &narrative) ||
      !get_text (l, object, where, "author", &author) ||
      !get_text (l, object, where, "status", &status) ||
      !get_text (l, object, where, "status_on", &status_on) ||
      !get_text (l, object, where, "due_on", &due_on))
    return FALSE;
  item = phaen_pmqa_framework_find_sub_item (framework, code);
  if (item == NULL)
    return bad (l, where, _ ("no such sub-item in the edition"));
  claimed = get_list (l, object, where, "claimed", &ok);
  if (!ok)
    return FALSE;
  for (guint i = 0; claimed != NULL && i < json_array_get_length (claimed); i++)
    {
      gint64 n = json_array_get_int_element (claimed, i);

      if (n < 1 || n > (gint64)item->statements->len)
        return bad (l, where, _ ("a claimed statement is not one of the sub-item's"));
      if (!phaen_store_pmqa_set_claimed (l->store, unit_id, year, code, (int)n, TRUE, l->error))
        return wrap (l, where);
    }
  if ((narrative != NULL &&
       !phaen_store_pmqa_set_narrative (l->store, unit_id, year, code, narrative, l->error)) ||
      (author != NULL &&
       !phaen_store_pmqa_set_author (l->store, unit_id, year, code, author, l->error)) ||
      (due_on != NULL &&
       !phaen_store_pmqa_set_due (l->store, unit_id, year, code, due_on, l->error)))
    return wrap (l, where);
  if (status != NULL)
    {
      int s = 0;

      while (statuses[s] != NULL && !g_str_equal (statuses[s], status))
        s++;
      if (statuses[s] == NULL)
        return bad (l, where, _ ("status is draft, checked or approved"));
      if (!phaen_store_pmqa_set_status (l->store, unit_id, year, code, s, status_on, l->error))
        return wrap (l, where);
    }
  evidence = get_list (l, object, where, "evidence", &ok);
  if (!ok)
    return FALSE;
  for (guint i = 0; evidence != NULL && i < json_array_get_length (evidence); i++)
    {
      static const char *const slot_allowed[] = { "statement", "name", "file", NULL };
      g_autofree char *at = g_strdup_printf ("%s.evidence[%u]", where, i);
      JsonNode *node = json_array_get_element (evidence, i);
      JsonObject *slot = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      g_autoptr (GBytes) bytes = NULL;
      g_autofree char *base = NULL;
      const char *name, *file;
      gint64 statement = 0;

      if (slot == NULL)
        return bad (l, at, _ ("expected an object"));
      if (!check_members (l, slot, at, slot_allowed) ||
          !get_int (l, slot, at, "statement", &statement) ||
          !get_text (l, slot, at, "name", &name) || !get_text (l, slot, at, "file", &file))
        return FALSE;
      if (statement < 1 || statement > (gint64)item->statements->len ||
          !((PhaenPmqaStatement *)g_ptr_array_index (item->statements, statement - 1))->starred)
        return bad (l, at, _ ("only a starred statement has an evidence slot"));
      if (file == NULL)
        return bad (l, at, _ ("an evidence slot needs a file"));
      bytes = read_file (l, at, file);
      if (bytes == NULL)
        return FALSE;
      if (name == NULL)
        name = base = g_path_get_basename (file);
      if (phaen_store_pmqa_attach (l->store, unit_id, year, code, (int)statement, name, NULL, bytes,
                                   l->error) == 0)
        return wrap (l, at);
    }
  return TRUE;
}

static gboolean
load_assessment (Loader *l, JsonObject *object, const char *where)
{
  static const char *const allowed[] = { "unit",   "fiscal_year", "edition", "narrative_limit",
                                         "levels", "sub_items",   NULL };
  static const char *const level_names[] = { "basic", "advance", "significance", NULL };
  g_autoptr (PhaenUnit) unit = NULL;
  g_autoptr (PhaenPmqaFramework) framework = NULL;
  const char *abbr, *edition;
  gint64 year = 0, limit = 0;
  JsonArray *sub_items;
  gboolean ok;

  if (!check_members (l, object, where, allowed) || !get_text (l, object, where, "unit", &abbr) ||
      !get_text (l, object, where, "edition", &edition) ||
      !get_int (l, object, where, "fiscal_year", &year))
    return FALSE;
  if (abbr == NULL)
    return bad (l, where, _ ("unit is required"));
  unit = phaen_store_find_unit (l->store, abbr, l->error);
  if (unit == NULL)
    return wrap (l, where);
  if (year < 2400 || year > 2800)
    return bad (l, where, _ ("fiscal_year is a Buddhist Era year"));
  if (edition == NULL)
    edition = PHAEN_PMQA_DEFAULT_EDITION;
  framework = phaen_pmqa_framework_load (edition, l->error);
  if (framework == NULL ||
      !phaen_store_pmqa_set_edition (l->store, unit->id, (int)year, edition, l->error))
    return wrap (l, where);
  if (json_object_has_member (object, "narrative_limit"))
    {
      if (!get_int (l, object, where, "narrative_limit", &limit))
        return FALSE;
      if (!phaen_store_pmqa_set_narrative_limit (l->store, unit->id, (int)year, (int)limit,
                                                 l->error))
        return wrap (l, where);
    }
  if (json_object_has_member (object, "levels"))
    {
      JsonNode *node = json_object_get_member (object, "levels");
      g_autoptr (GList) topics = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return bad (l, where, _ ("levels maps topics to basic, advance or significance"));
      topics = json_object_get_members (json_node_get_object (node));
      for (GList *t = topics; t != NULL; t = t->next)
        {
          const char *level =
            json_object_get_string_member_with_default (json_node_get_object (node), t->data, "");
          int n = 0;

          while (level_names[n] != NULL && !g_str_equal (level_names[n], level))
            n++;
          if (level_names[n] == NULL ||
              phaen_pmqa_framework_find_topic (framework, t->data) == NULL)
            return bad (l, where, _ ("levels maps topics to basic, advance or significance"));
          if (!phaen_store_pmqa_set_topic_level (l->store, unit->id, (int)year, t->data, n + 1,
                                                 l->error))
            return wrap (l, where);
        }
    }
  sub_items = get_list (l, object, where, "sub_items", &ok);
  if (!ok)
    return FALSE;
  for (guint i = 0; sub_items != NULL && i < json_array_get_length (sub_items); i++)
    {
      g_autofree char *at = g_strdup_printf ("%s.sub_items[%u]", where, i);
      JsonNode *node = json_array_get_element (sub_items, i);

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return bad (l, at, _ ("expected an object"));
      if (!load_sub_item (l, framework, unit->id, (int)year, json_node_get_object (node), at))
        return FALSE;
    }
  return TRUE;
}

gboolean
_phaen_demo_load_pmqa (
  PhaenStore *store, const char *name, const char *dir, JsonArray *assessments, GError **error)
{
  Loader l = { store, name, dir, error };

  for (guint i = 0; i < json_array_get_length (assessments); i++)
    {
      g_autofree char *where = g_strdup_printf ("pmqa_assessments[%u]", i);
      JsonNode *node = json_array_get_element (assessments, i);

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return bad (&l, where, _ ("expected an object"));
      if (!load_assessment (&l, json_node_get_object (node), where))
        return FALSE;
    }
  return TRUE;
}
