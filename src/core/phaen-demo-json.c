/* phaen-demo-json.c — the sample's JSON read member by member, with messages naming the file and
 * the field (shared by phaen-demo.c and phaen-demo-pmqa.c)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-demo"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "phaen-demo-private.h"
#include "phaen-error.h"

/* ------------------------------------------------------------------ errors */

char *
_phaen_demo_field_path (const char *where, const char *member)
{
  if (member == NULL)
    return g_strdup (where);
  if (*where == '\0')
    return g_strdup (member);
  return g_strdup_printf ("%s.%s", where, member);
}

/* Malformed input: PHAEN_ERROR_INVALID naming the file and the field. Returns FALSE. */
gboolean
_phaen_demo_fail (PhaenDemoLoader *l,
                  const char *where,
                  const char *member,
                  GError **error,
                  const char *format,
                  ...)
{
  g_autofree char *path = _phaen_demo_field_path (where, member);
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (*path == '\0')
    g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID, "%s: %s", l->name, message);
  else
    g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID, "%s: %s: %s", l->name, path, message);
  return FALSE;
}

/* A store call refused the data: keep its code and say where in the file. Returns FALSE. */
gboolean
_phaen_demo_wrap (PhaenDemoLoader *l, const char *where, GError **error)
{
  if (*where == '\0')
    g_prefix_error (error, "%s: ", l->name);
  else
    g_prefix_error (error, "%s: %s: ", l->name, where);
  return FALSE;
}

/* ------------------------------------------------------------------ typed members */

/* NULL when the member is absent or null. */
static JsonNode *
member (JsonObject *object, const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && !JSON_NODE_HOLDS_NULL (node) ? node : NULL;
}

gboolean
_phaen_demo_holds_type (JsonNode *node, GType type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

gboolean
_phaen_demo_holds_number (JsonNode *node)
{
  return _phaen_demo_holds_type (node, G_TYPE_INT64) ||
         _phaen_demo_holds_type (node, G_TYPE_DOUBLE);
}

gboolean
_phaen_demo_check_members (PhaenDemoLoader *l,
                           JsonObject *object,
                           const char *where,
                           const char *const *allowed,
                           GError **error)
{
  g_autoptr (GList) names = json_object_get_members (object);

  for (GList *n = names; n != NULL; n = n->next)
    {
      const char *name = n->data;

      if (g_strcmp0 (name, "note") != 0 && !g_strv_contains (allowed, name))
        return _phaen_demo_fail (l, where, name, error, _ ("unknown member"));
    }
  return TRUE;
}

static gboolean
holds_string (JsonNode *node)
{
  return _phaen_demo_holds_type (node, G_TYPE_STRING);
}

static gboolean
holds_boolean (JsonNode *node)
{
  return _phaen_demo_holds_type (node, G_TYPE_BOOLEAN);
}

static gboolean
holds_array (JsonNode *node)
{
  return JSON_NODE_HOLDS_ARRAY (node);
}

static gboolean
holds_object (JsonNode *node)
{
  return JSON_NODE_HOLDS_OBJECT (node);
}

/* The member @name of @object in @out: %NULL when it is absent (an error when @required), or
 * FALSE with "@expected" when @holds (if given) does not accept it. */
static gboolean
get_member (PhaenDemoLoader *l,
            JsonObject *object,
            const char *where,
            const char *name,
            gboolean required,
            gboolean (*holds) (JsonNode *node),
            const char *expected,
            JsonNode **out,
            GError **error)
{
  JsonNode *node = member (object, name);

  *out = NULL;
  if (node == NULL)
    return !required || _phaen_demo_fail (l, where, name, error, _ ("is required"));
  if (holds != NULL && !holds (node))
    return _phaen_demo_fail (l, where, name, error, "%s", expected);
  *out = node;
  return TRUE;
}

gboolean
_phaen_demo_get_string (PhaenDemoLoader *l,
                        JsonObject *object,
                        const char *where,
                        const char *name,
                        gboolean required,
                        const char **out,
                        GError **error)
{
  JsonNode *node;
  gboolean ok =
    get_member (l, object, where, name, required, holds_string, _ ("expected text"), &node, error);

  *out = node != NULL ? json_node_get_string (node) : NULL;
  return ok;
}

gboolean
_phaen_demo_get_number (PhaenDemoLoader *l,
                        JsonObject *object,
                        const char *where,
                        const char *name,
                        gboolean *has,
                        double *out,
                        GError **error)
{
  JsonNode *node;
  gboolean ok = get_member (l, object, where, name, FALSE, _phaen_demo_holds_number,
                            _ ("expected a number"), &node, error);

  *has = node != NULL;
  *out = node != NULL ? json_node_get_double (node) : 0;
  return ok;
}

gboolean
_phaen_demo_int_in_range (PhaenDemoLoader *l,
                          JsonNode *node,
                          const char *where,
                          const char *name,
                          int min,
                          int max,
                          int *out,
                          GError **error)
{
  gint64 value;

  if (!_phaen_demo_holds_type (node, G_TYPE_INT64))
    return _phaen_demo_fail (l, where, name, error, _ ("expected a whole number"));
  value = json_node_get_int (node);
  if (value < min || value > max)
    return _phaen_demo_fail (l, where, name, error, _ ("%" PRId64 " is not between %d and %d"),
                             value, min, max);
  *out = (int)value;
  return TRUE;
}

/* @out keeps its value when the member is absent and not @required. */
gboolean
_phaen_demo_get_int (PhaenDemoLoader *l,
                     JsonObject *object,
                     const char *where,
                     const char *name,
                     gboolean required,
                     int min,
                     int max,
                     int *out,
                     GError **error)
{
  JsonNode *node;

  if (!get_member (l, object, where, name, required, NULL, NULL, &node, error))
    return FALSE;
  return node == NULL || _phaen_demo_int_in_range (l, node, where, name, min, max, out, error);
}

/* @out keeps its value when the member is absent. */
gboolean
_phaen_demo_get_bool (PhaenDemoLoader *l,
                      JsonObject *object,
                      const char *where,
                      const char *name,
                      gboolean *out,
                      GError **error)
{
  JsonNode *node;

  if (!get_member (l, object, where, name, FALSE, holds_boolean, _ ("expected true or false"),
                   &node, error))
    return FALSE;
  if (node != NULL)
    *out = json_node_get_boolean (node);
  return TRUE;
}

gboolean
_phaen_demo_get_array (PhaenDemoLoader *l,
                       JsonObject *object,
                       const char *where,
                       const char *name,
                       JsonArray **out,
                       GError **error)
{
  JsonNode *node;
  gboolean ok =
    get_member (l, object, where, name, FALSE, holds_array, _ ("expected a list"), &node, error);

  *out = node != NULL ? json_node_get_array (node) : NULL;
  return ok;
}

gboolean
_phaen_demo_get_object (PhaenDemoLoader *l,
                        JsonObject *object,
                        const char *where,
                        const char *name,
                        JsonObject **out,
                        GError **error)
{
  JsonNode *node;
  gboolean ok = get_member (l, object, where, name, FALSE, holds_object, _ ("expected an object"),
                            &node, error);

  *out = node != NULL ? json_node_get_object (node) : NULL;
  return ok;
}

/* The @index-th element of a list of objects, with its path "where.name[index]". */
JsonObject *
_phaen_demo_get_element (PhaenDemoLoader *l,
                         JsonArray *array,
                         guint index,
                         const char *where,
                         const char *name,
                         char **path,
                         GError **error)
{
  JsonNode *node = json_array_get_element (array, index);
  g_autofree char *list = _phaen_demo_field_path (where, name);

  *path = g_strdup_printf ("%s[%u]", list, index);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      _phaen_demo_fail (l, *path, NULL, error, _ ("expected an object"));
      return NULL;
    }
  return json_node_get_object (node);
}

/* @out keeps its value when the member is absent and not @required. */
gboolean
_phaen_demo_get_keyword (PhaenDemoLoader *l,
                         JsonObject *object,
                         const char *where,
                         const char *name,
                         const PhaenDemoKeyword *keywords,
                         gboolean required,
                         int *out,
                         GError **error)
{
  g_autoptr (GString) known = g_string_new (NULL);
  const char *text;

  if (!_phaen_demo_get_string (l, object, where, name, required, &text, error))
    return FALSE;
  if (text == NULL)
    return TRUE;
  for (const PhaenDemoKeyword *k = keywords; k->name != NULL; k++)
    {
      if (g_str_equal (k->name, text))
        {
          *out = k->value;
          return TRUE;
        }
      g_string_append_printf (known, "%s%s", known->len ? ", " : "", k->name);
    }
  return _phaen_demo_fail (l, where, name, error, _ ("“%s” is not one of %s"), text, known->str);
}

/* Replaces a record's text field when the file gives one. */
void
_phaen_demo_replace_text (char **field, const char *text)
{
  if (text == NULL)
    return;
  g_free (*field);
  *field = g_strdup (text);
}

/* Evidence files must stay inside the sample folder. */
gboolean
_phaen_demo_read_file (
  PhaenDemoLoader *l, const char *where, const char *file, GBytes **bytes, GError **error)
{
  g_auto (GStrv) parts = g_strsplit_set (file, "/\\", -1);
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr (GError) local = NULL;
  gsize length = 0;

  if (g_path_is_absolute (file) || g_strv_contains ((const char *const *)parts, ".."))
    return _phaen_demo_fail (l, where, "file", error,
                             _ ("“%s” must be a path inside the sample folder"), file);
  path = g_build_filename (l->dir, file, NULL);
  if (!g_file_get_contents (path, &contents, &length, &local))
    return _phaen_demo_fail (l, where, "file", error, "%s", local->message);
  *bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  return TRUE;
}
