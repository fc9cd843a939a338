/* phaen-pmqa-framework.c — reads a PMQA 4.0 edition from its JSON file (seed 001's structure)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-pmqa-framework"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "phaen-error.h"
#include "phaen-pmqa-framework.h"

#define RESOURCE_DIR "/io/github/phaen/core/pmqa/"

static const char *const level_keys[3] = { "basic", "advance", "significance" };

/* ------------------------------------------------------------------ freeing */

static void
statement_free (PhaenPmqaStatement *statement)
{
  g_free (statement->text);
  g_free (statement);
}

static void
sub_item_free (PhaenPmqaSubItem *sub_item)
{
  g_free (sub_item->code);
  g_free (sub_item->title);
  g_free (sub_item->note);
  g_ptr_array_unref (sub_item->statements);
  g_free (sub_item);
}

static void
topic_free (PhaenPmqaTopic *topic)
{
  g_free (topic->code);
  g_free (topic->title);
  g_free (topic->guideline);
  for (int i = 0; i < 3; i++)
    g_free (topic->levels[i]);
  g_ptr_array_unref (topic->sub_items);
  g_free (topic);
}

static void
category_free (PhaenPmqaCategory *category)
{
  g_free (category->title);
  g_ptr_array_unref (category->topics);
  g_free (category);
}

void
phaen_pmqa_framework_free (PhaenPmqaFramework *framework)
{
  if (framework == NULL)
    return;
  g_free (framework->id);
  g_free (framework->title);
  g_free (framework->award_type);
  g_free (framework->source);
  for (int i = 0; i < 3; i++)
    {
      g_free (framework->level_names[i]);
      g_free (framework->level_subtitles[i]);
      g_free (framework->level_meanings[i]);
    }
  g_clear_pointer (&framework->categories, g_ptr_array_unref);
  g_free (framework);
}

/* ------------------------------------------------------------------ reading */

typedef struct
{
  const char *name; /* the file, for messages */
  GError **error;
} Reader;

static gboolean
fail (Reader *r, const char *where, const char *what)
{
  g_set_error (r->error, PHAEN_ERROR, PHAEN_ERROR_INVALID, _ ("%s: %s: %s"), r->name, where, what);
  return FALSE;
}

static char *
get_string (Reader *r, JsonObject *object, const char *where, const char *member, gboolean needed)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *path = g_strdup_printf ("%s.%s", where, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (needed)
        fail (r, path, _ ("missing"));
      return needed ? NULL : g_strdup ("");
    }
  if (json_node_get_value_type (node) != G_TYPE_STRING)
    {
      fail (r, path, _ ("expected text"));
      return NULL;
    }
  return g_strdup (json_node_get_string (node));
}

static JsonArray *
get_array (Reader *r, JsonObject *object, const char *where, const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autofree char *path = g_strdup_printf ("%s.%s", where, member);

      fail (r, path, _ ("expected a list"));
      return NULL;
    }
  return json_node_get_array (node);
}

static JsonObject *
get_element (Reader *r, JsonArray *array, guint i, const char *where)
{
  JsonNode *node = json_array_get_element (array, i);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *path = g_strdup_printf ("%s[%u]", where, i);

      fail (r, path, _ ("expected an object"));
      return NULL;
    }
  return json_node_get_object (node);
}

static PhaenPmqaSubItem *
read_sub_item (Reader *r, JsonObject *object, const char *where)
{
  PhaenPmqaSubItem *sub_item = g_new0 (PhaenPmqaSubItem, 1);
  JsonArray *statements;
  g_autofree char *list = g_strdup_printf ("%s.statements", where);

  sub_item->statements = g_ptr_array_new_with_free_func ((GDestroyNotify)statement_free);
  sub_item->code = get_string (r, object, where, "code", TRUE);
  sub_item->title = get_string (r, object, where, "title", TRUE);
  sub_item->note = get_string (r, object, where, "note", FALSE);
  statements = get_array (r, object, where, "statements");
  if (sub_item->code == NULL || sub_item->title == NULL || sub_item->note == NULL ||
      statements == NULL)
    goto failed;
  if (json_array_get_length (statements) == 0 || json_array_get_length (statements) > 30)
    {
      fail (r, list, _ ("a sub-item has 1 to 30 statements"));
      goto failed;
    }
  for (guint i = 0; i < json_array_get_length (statements); i++)
    {
      g_autofree char *at = g_strdup_printf ("%s[%u]", list, i);
      JsonObject *item = get_element (r, statements, i, list);
      PhaenPmqaStatement *statement;

      if (item == NULL)
        goto failed;
      statement = g_new0 (PhaenPmqaStatement, 1);
      g_ptr_array_add (sub_item->statements, statement);
      statement->text = get_string (r, item, at, "text", TRUE);
      if (statement->text == NULL)
        goto failed;
      statement->starred = json_object_has_member (item, "starred") &&
                           json_object_get_boolean_member (item, "starred");
    }
  return sub_item;

failed:
  sub_item_free (sub_item);
  return NULL;
}

static PhaenPmqaTopic *
read_topic (Reader *r, JsonObject *object, const char *where)
{
  PhaenPmqaTopic *topic = g_new0 (PhaenPmqaTopic, 1);
  g_autofree char *list = g_strdup_printf ("%s.sub_items", where);
  JsonArray *sub_items;
  JsonObject *levels = NULL;

  topic->sub_items = g_ptr_array_new_with_free_func ((GDestroyNotify)sub_item_free);
  topic->code = get_string (r, object, where, "code", TRUE);
  topic->title = get_string (r, object, where, "title", TRUE);
  topic->guideline = get_string (r, object, where, "guideline", FALSE);
  topic->points = (int)json_object_get_int_member_with_default (object, "points", 0);
  if (json_object_has_member (object, "levels"))
    levels = json_object_get_object_member (object, "levels");
  for (int i = 0; i < 3; i++)
    topic->levels[i] = levels ? get_string (r, levels, where, level_keys[i], FALSE) : g_strdup ("");
  sub_items = get_array (r, object, where, "sub_items");
  if (topic->code == NULL || topic->title == NULL || topic->guideline == NULL || sub_items == NULL)
    goto failed;
  for (int i = 0; i < 3; i++)
    if (topic->levels[i] == NULL)
      goto failed;
  for (guint i = 0; i < json_array_get_length (sub_items); i++)
    {
      g_autofree char *at = g_strdup_printf ("%s[%u]", list, i);
      JsonObject *item = get_element (r, sub_items, i, list);
      PhaenPmqaSubItem *sub_item = item ? read_sub_item (r, item, at) : NULL;

      if (sub_item == NULL)
        goto failed;
      g_ptr_array_add (topic->sub_items, sub_item);
    }
  return topic;

failed:
  topic_free (topic);
  return NULL;
}

static PhaenPmqaFramework *
read_framework (Reader *r, JsonObject *root)
{
  g_autoptr (PhaenPmqaFramework) framework = g_new0 (PhaenPmqaFramework, 1);
  JsonArray *categories;
  JsonArray *levels = NULL;

  framework->categories = g_ptr_array_new_with_free_func ((GDestroyNotify)category_free);
  framework->id = get_string (r, root, "", "id", TRUE);
  framework->title = get_string (r, root, "", "title", TRUE);
  framework->award_type = get_string (r, root, "", "award_type", FALSE);
  framework->source = get_string (r, root, "", "source", FALSE);
  framework->year = (int)json_object_get_int_member_with_default (root, "year", 0);
  framework->narrative_limit =
    (int)json_object_get_int_member_with_default (root, "narrative_limit", 3000);
  if (framework->id == NULL || framework->title == NULL || framework->award_type == NULL ||
      framework->source == NULL)
    return NULL;
  if (json_object_has_member (root, "levels"))
    levels = get_array (r, root, "", "levels");
  for (int i = 0; i < 3; i++)
    {
      static const char *const names[3] = { "Basic", "Advance", "Significance" };
      JsonObject *level = levels && i < (int)json_array_get_length (levels)
                            ? get_element (r, levels, i, "levels")
                            : NULL;

      framework->level_names[i] =
        level ? get_string (r, level, "levels", "name", TRUE) : g_strdup (names[i]);
      framework->level_subtitles[i] =
        level ? get_string (r, level, "levels", "subtitle", FALSE) : g_strdup ("");
      framework->level_meanings[i] =
        level ? get_string (r, level, "levels", "meaning", FALSE) : g_strdup ("");
      if (framework->level_names[i] == NULL || framework->level_subtitles[i] == NULL ||
          framework->level_meanings[i] == NULL)
        return NULL;
    }
  categories = get_array (r, root, "", "categories");
  if (categories == NULL)
    return NULL;
  for (guint c = 0; c < json_array_get_length (categories); c++)
    {
      g_autofree char *where = g_strdup_printf ("categories[%u]", c);
      JsonObject *object = get_element (r, categories, c, "categories");
      PhaenPmqaCategory *category;
      JsonArray *topics;

      if (object == NULL)
        return NULL;
      category = g_new0 (PhaenPmqaCategory, 1);
      category->topics = g_ptr_array_new_with_free_func ((GDestroyNotify)topic_free);
      g_ptr_array_add (framework->categories, category);
      category->number = (int)json_object_get_int_member_with_default (object, "number", 0);
      category->title = get_string (r, object, where, "title", TRUE);
      topics = get_array (r, object, where, "topics");
      if (category->title == NULL || topics == NULL)
        return NULL;
      for (guint t = 0; t < json_array_get_length (topics); t++)
        {
          g_autofree char *list = g_strdup_printf ("%s.topics", where);
          g_autofree char *at = g_strdup_printf ("%s[%u]", list, t);
          JsonObject *item = get_element (r, topics, t, list);
          PhaenPmqaTopic *topic = item ? read_topic (r, item, at) : NULL;

          if (topic == NULL)
            return NULL;
          g_ptr_array_add (category->topics, topic);
        }
    }
  return g_steal_pointer (&framework);
}

/* ------------------------------------------------------------------ public API */

PhaenPmqaFramework *
phaen_pmqa_framework_load_bytes (GBytes *bytes, const char *name, GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) local = NULL;
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);
  Reader r = { name, error };
  JsonNode *root;

  if (!json_parser_load_from_data (parser, data, (gssize)size, &local))
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID, _ ("%s: not valid JSON: %s"), name,
                   local->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      fail (&r, "", _ ("expected a JSON object"));
      return NULL;
    }
  return read_framework (&r, json_node_get_object (root));
}

PhaenPmqaFramework *
phaen_pmqa_framework_load_file (const char *path, GError **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = g_path_get_basename (path);
  g_autoptr (GError) local = NULL;
  g_autoptr (GBytes) bytes = NULL;
  gsize size = 0;

  if (!g_file_get_contents (path, &contents, &size, &local))
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_IO, "%s", local->message);
      return NULL;
    }
  bytes = g_bytes_new_take (g_steal_pointer (&contents), size);
  return phaen_pmqa_framework_load_bytes (bytes, name, error);
}

PhaenPmqaFramework *
phaen_pmqa_framework_load (const char *id, GError **error)
{
  g_autofree char *path = g_strdup_printf (RESOURCE_DIR "%s.json", id ? id : "");
  g_autofree char *name = g_strdup_printf ("%s.json", id ? id : "");
  g_autoptr (GBytes) bytes = NULL;

  if (id == NULL || strchr (id, '/') != NULL ||
      (bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL)) == NULL)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_NOT_FOUND,
                   _ ("This Phaen does not know the PMQA edition “%s”."), id ? id : "");
      return NULL;
    }
  return phaen_pmqa_framework_load_bytes (bytes, name, error);
}

GStrv
phaen_pmqa_framework_list (void)
{
  g_auto (GStrv) files = g_resources_enumerate_children (RESOURCE_DIR, 0, NULL);
  g_autoptr (GStrvBuilder) ids = g_strv_builder_new ();

  for (guint i = 0; files != NULL && files[i] != NULL; i++)
    if (g_str_has_suffix (files[i], ".json"))
      {
        g_autofree char *id = g_strndup (files[i], strlen (files[i]) - 5);

        g_strv_builder_add (ids, id);
      }
  return g_strv_builder_end (ids);
}

const PhaenPmqaTopic *
phaen_pmqa_framework_find_topic (const PhaenPmqaFramework *framework, const char *code)
{
  for (guint c = 0; code != NULL && c < framework->categories->len; c++)
    {
      const PhaenPmqaCategory *category = g_ptr_array_index (framework->categories, c);

      for (guint t = 0; t < category->topics->len; t++)
        {
          const PhaenPmqaTopic *topic = g_ptr_array_index (category->topics, t);

          if (g_str_equal (topic->code, code))
            return topic;
        }
    }
  return NULL;
}

const PhaenPmqaSubItem *
phaen_pmqa_framework_find_sub_item (const PhaenPmqaFramework *framework, const char *code)
{
  for (guint c = 0; code != NULL && c < framework->categories->len; c++)
    {
      const PhaenPmqaCategory *category = g_ptr_array_index (framework->categories, c);

      for (guint t = 0; t < category->topics->len; t++)
        {
          const PhaenPmqaTopic *topic = g_ptr_array_index (category->topics, t);

          for (guint s = 0; s < topic->sub_items->len; s++)
            {
              const PhaenPmqaSubItem *sub_item = g_ptr_array_index (topic->sub_items, s);

              if (g_str_equal (sub_item->code, code))
                return sub_item;
            }
        }
    }
  return NULL;
}

void
phaen_pmqa_framework_count (
  const PhaenPmqaFramework *framework, int *topics, int *sub_items, int *statements, int *starred)
{
  int n_topics = 0, n_sub_items = 0, n_statements = 0, n_starred = 0;

  for (guint c = 0; c < framework->categories->len; c++)
    {
      const PhaenPmqaCategory *category = g_ptr_array_index (framework->categories, c);

      for (guint t = 0; t < category->topics->len; t++)
        {
          const PhaenPmqaTopic *topic = g_ptr_array_index (category->topics, t);

          n_topics++;
          for (guint s = 0; s < topic->sub_items->len; s++)
            {
              const PhaenPmqaSubItem *sub_item = g_ptr_array_index (topic->sub_items, s);

              n_sub_items++;
              for (guint i = 0; i < sub_item->statements->len; i++)
                {
                  const PhaenPmqaStatement *statement = g_ptr_array_index (sub_item->statements, i);

                  n_statements++;
                  n_starred += statement->starred;
                }
            }
        }
    }
  if (topics)
    *topics = n_topics;
  if (sub_items)
    *sub_items = n_sub_items;
  if (statements)
    *statements = n_statements;
  if (starred)
    *starred = n_starred;
}
