/* phaen-pmqa-framework.h — a PMQA 4.0 edition: categories, topics, sub-items, statements
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * An edition is data (data/pmqa/<id>.json, compiled into the core's resources):
 *
 *   {id, year (BE), title, award_type, narrative_limit, source,
 *    levels: [{name, subtitle, meaning}]                  Basic, Advance, Significance
 *    categories: [{number, title,
 *                  topics: [{code, title, points, guideline,
 *                            levels: {basic, advance, significance},   reference text
 *                            sub_items: [{code, title, note,
 *                                         statements: [{text, starred}]}]}]}]}
 *
 * A later edition is another file: no code changes.
 */

typedef struct
{
  char *text;
  gboolean starred; /* "*": the statement has an evidence slot */
} PhaenPmqaStatement;

typedef struct
{
  char *code; /* "1.1.1" */
  char *title;
  char *note;            /* (nullable) */
  GPtrArray *statements; /* (element-type PhaenPmqaStatement) */
} PhaenPmqaSubItem;

typedef struct
{
  char *code; /* "1.1" */
  char *title;
  int points;           /* as printed (500) */
  char *guideline;      /* which topics of the guidelines the level texts come from */
  char *levels[3];      /* Basic, Advance, Significance: reference text ("" when none) */
  GPtrArray *sub_items; /* (element-type PhaenPmqaSubItem) */
} PhaenPmqaTopic;

typedef struct
{
  int number;
  char *title;
  GPtrArray *topics; /* (element-type PhaenPmqaTopic) */
} PhaenPmqaCategory;

typedef struct
{
  char *id;
  int year;
  char *title;
  char *award_type;
  char *source;
  int narrative_limit;
  char *level_names[3];     /* "Basic", "Advance", "Significance" */
  char *level_subtitles[3]; /* "(A&D)", … */
  char *level_meanings[3];
  GPtrArray *categories; /* (element-type PhaenPmqaCategory) */
} PhaenPmqaFramework;

/* The edition @id from the bundled resources; PHAEN_ERROR_NOT_FOUND when there is none.
 * Returns: (transfer full) */
PhaenPmqaFramework *phaen_pmqa_framework_load (const char *id, GError **error);
/* An edition file; PHAEN_ERROR_INVALID naming the field for malformed input.
 * Returns: (transfer full) */
PhaenPmqaFramework *phaen_pmqa_framework_load_file (const char *path, GError **error);
PhaenPmqaFramework *
phaen_pmqa_framework_load_bytes (GBytes *bytes, const char *name, GError **error);
/* The ids of the bundled editions, oldest first. Returns: (transfer full) */
GStrv phaen_pmqa_framework_list (void);
void phaen_pmqa_framework_free (PhaenPmqaFramework *framework);

/* Returns: (transfer none) (nullable) */
const PhaenPmqaTopic *phaen_pmqa_framework_find_topic (const PhaenPmqaFramework *framework,
                                                       const char *code);
const PhaenPmqaSubItem *phaen_pmqa_framework_find_sub_item (const PhaenPmqaFramework *framework,
                                                            const char *code);
/* How many topics, sub-items, statements and starred statements the edition has. */
void phaen_pmqa_framework_count (
  const PhaenPmqaFramework *framework, int *topics, int *sub_items, int *statements, int *starred);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PhaenPmqaFramework, phaen_pmqa_framework_free)

G_END_DECLS
