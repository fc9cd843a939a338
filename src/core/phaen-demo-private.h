/* phaen-demo-private.h — reading the sample's JSON member by member (phaen-demo-json.c), for the
 * loaders of phaen-demo.c and phaen-demo-pmqa.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "phaen-store.h"

G_BEGIN_DECLS

typedef struct
{
  PhaenStore *store;
  const char *name; /* the file's base name, for messages */
  const char *dir;  /* evidence files are named relative to it */
} PhaenDemoLoader;

typedef struct
{
  const char *name;
  int value;
} PhaenDemoKeyword;

/* "where.member" (either may be empty or NULL). (transfer full) */
char *_phaen_demo_field_path (const char *where, const char *member);
/* Malformed input: PHAEN_ERROR_INVALID naming the file and the field. Returns FALSE. */
gboolean _phaen_demo_fail (PhaenDemoLoader *l,
                           const char *where,
                           const char *member,
                           GError **error,
                           const char *format,
                           ...) G_GNUC_PRINTF (5, 6);
/* A store call refused the data: keep its code and say where in the file. Returns FALSE. */
gboolean _phaen_demo_wrap (PhaenDemoLoader *l, const char *where, GError **error);

gboolean _phaen_demo_holds_type (JsonNode *node, GType type);
gboolean _phaen_demo_holds_number (JsonNode *node);
/* FALSE at the first member of @object that is not "note" nor in @allowed. */
gboolean _phaen_demo_check_members (PhaenDemoLoader *l,
                                    JsonObject *object,
                                    const char *where,
                                    const char *const *allowed,
                                    GError **error);

/* The getters leave @out NULL (or 0) when the member is absent or null, unless said otherwise,
 * and fail when it holds something else. */
gboolean _phaen_demo_get_string (PhaenDemoLoader *l,
                                 JsonObject *object,
                                 const char *where,
                                 const char *name,
                                 gboolean required,
                                 const char **out,
                                 GError **error);
gboolean _phaen_demo_get_number (PhaenDemoLoader *l,
                                 JsonObject *object,
                                 const char *where,
                                 const char *name,
                                 gboolean *has,
                                 double *out,
                                 GError **error);
gboolean _phaen_demo_int_in_range (PhaenDemoLoader *l,
                                   JsonNode *node,
                                   const char *where,
                                   const char *name,
                                   int min,
                                   int max,
                                   int *out,
                                   GError **error);
/* @out keeps its value when the member is absent and not @required. */
gboolean _phaen_demo_get_int (PhaenDemoLoader *l,
                              JsonObject *object,
                              const char *where,
                              const char *name,
                              gboolean required,
                              int min,
                              int max,
                              int *out,
                              GError **error);
/* @out keeps its value when the member is absent. */
gboolean _phaen_demo_get_bool (PhaenDemoLoader *l,
                               JsonObject *object,
                               const char *where,
                               const char *name,
                               gboolean *out,
                               GError **error);
gboolean _phaen_demo_get_array (PhaenDemoLoader *l,
                                JsonObject *object,
                                const char *where,
                                const char *name,
                                JsonArray **out,
                                GError **error);
gboolean _phaen_demo_get_object (PhaenDemoLoader *l,
                                 JsonObject *object,
                                 const char *where,
                                 const char *name,
                                 JsonObject **out,
                                 GError **error);
/* The @index-th element of a list of objects, with its path "where.name[index]" in @path
 * (transfer full); %NULL with @error when it is not an object. */
JsonObject *_phaen_demo_get_element (PhaenDemoLoader *l,
                                     JsonArray *array,
                                     guint index,
                                     const char *where,
                                     const char *name,
                                     char **path,
                                     GError **error);
/* One of @keywords (ended by a NULL name); @out keeps its value when absent and not @required. */
gboolean _phaen_demo_get_keyword (PhaenDemoLoader *l,
                                  JsonObject *object,
                                  const char *where,
                                  const char *name,
                                  const PhaenDemoKeyword *keywords,
                                  gboolean required,
                                  int *out,
                                  GError **error);
/* Replaces a record's text field when the file gives one. */
void _phaen_demo_replace_text (char **field, const char *text);
/* The bytes of @file, a path inside the sample folder (member "file" of @where). */
gboolean _phaen_demo_read_file (
  PhaenDemoLoader *l, const char *where, const char *file, GBytes **bytes, GError **error);

G_END_DECLS
