/* phaen-pmqa-application.h — a unit's PMQA 4.0 application (categories 1–6) as the page, the
 * PDF, the XLSX and the CLI read it: the edition's tree with what was entered and its progress
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "phaen-pmqa-framework.h"
#include "phaen-store-pmqa.h"

G_BEGIN_DECLS

/* Coverage, never points: the seeds give no scoring rule for categories 1–6
 * (DOMAIN-pmqa.md §3). */
typedef struct
{
  int sub_items;
  int statements;
  int claimed;
  int starred_claimed;
  int evidence_missing; /* starred statements claimed without a file */
  int narratives_empty;
  int narratives_over; /* over the narrative limit */
  int approved;        /* sub-items whose status is อนุมัติ */
} PhaenPmqaProgress;

typedef struct
{
  const PhaenPmqaSubItem *item; /* (transfer none) of the framework */
  guint32 claimed;
  char *narrative;
  char *author;
  PhaenPmqaStatus status;
  char *status_on;
  char *due_on;
  GPtrArray *slots;  /* (element-type PhaenPmqaAttachment) (nullable elements): per statement */
  glong characters;  /* phaen_pmqa_count_characters() */
  glong code_points; /* white space included */
  PhaenPmqaProgress progress;
} PhaenPmqaSubItemState;

typedef struct
{
  const PhaenPmqaTopic *topic; /* (transfer none) */
  PhaenPmqaLevel level;
  GPtrArray *sub_items; /* (element-type PhaenPmqaSubItemState) */
  PhaenPmqaProgress progress;
} PhaenPmqaTopicState;

typedef struct
{
  const PhaenPmqaCategory *category; /* (transfer none) */
  GPtrArray *topics;                 /* (element-type PhaenPmqaTopicState) */
  PhaenPmqaProgress progress;
} PhaenPmqaCategoryState;

typedef struct
{
  PhaenPmqaFramework *framework; /* owned */
  gint64 unit_id;
  int fiscal_year;
  char *unit_name;
  int narrative_limit;   /* 0 = none */
  GPtrArray *categories; /* (element-type PhaenPmqaCategoryState) */
  PhaenPmqaProgress progress;
  GPtrArray *orphans; /* (element-type utf8) codes stored that the edition does not have */
} PhaenPmqaApplication;

/* Reads the unit's application of @fiscal_year (an empty one when nothing was entered) in the
 * edition it follows. PHAEN_ERROR_NOT_FOUND for a unit or edition that does not exist.
 * Returns: (transfer full) */
PhaenPmqaApplication *
phaen_pmqa_application_build (PhaenStore *store, gint64 unit_id, int fiscal_year, GError **error);
void phaen_pmqa_application_free (PhaenPmqaApplication *application);

/* Returns: (transfer none) (nullable) */
const PhaenPmqaSubItemState *
phaen_pmqa_application_find_sub_item (const PhaenPmqaApplication *application, const char *code);
const PhaenPmqaTopicState *
phaen_pmqa_application_find_topic (const PhaenPmqaApplication *application, const char *code);

gboolean phaen_pmqa_sub_item_is_claimed (const PhaenPmqaSubItemState *state, int statement);
/* The slot's file of a 1-based statement. Returns: (transfer none) (nullable) */
const PhaenPmqaAttachment *phaen_pmqa_sub_item_get_slot (const PhaenPmqaSubItemState *state,
                                                         int statement);
gboolean phaen_pmqa_sub_item_is_over (const PhaenPmqaApplication *application,
                                      const PhaenPmqaSubItemState *state);

/* The name a slot's file gets in the evidence pack: "หมวด1/1.1.1-3 <name>", so that files of
 * different slots never collide and sort in the order of the form. Returns: (transfer full) */
char *phaen_pmqa_slot_file_name (const PhaenPmqaSubItemState *state, int statement);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PhaenPmqaApplication, phaen_pmqa_application_free)

G_END_DECLS
