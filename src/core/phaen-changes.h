/* phaen-changes.h — what one edit, undo or redo changed: kinds of record and their ids
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The kinds of record a workspace holds, one per table that users edit. */
typedef enum
{
  PHAEN_RECORD_UNIT = 1 << 0,
  PHAEN_RECORD_PERSON = 1 << 1,
  PHAEN_RECORD_FISCAL_YEAR = 1 << 2,
  PHAEN_RECORD_PLAN = 1 << 3,
  PHAEN_RECORD_PLAN_SECTION = 1 << 4,
  PHAEN_RECORD_ACTIVITY = 1 << 5,
  PHAEN_RECORD_ACTIVITY_MONTH = 1 << 6,
  PHAEN_RECORD_BUDGET_QUARTER = 1 << 7,
  PHAEN_RECORD_INDICATOR = 1 << 8,
  PHAEN_RECORD_CRITERIA_VERSION = 1 << 9,
  PHAEN_RECORD_CRITERION = 1 << 10,
  PHAEN_RECORD_RESULT = 1 << 11,
  PHAEN_RECORD_PMQA_VALUE = 1 << 12,
  PHAEN_RECORD_EVIDENCE = 1 << 13,
  PHAEN_RECORD_PACKET = 1 << 14, /* a result packet merged (packet_log, src/sync) */
  PHAEN_RECORD_PMQA_ASSESSMENT = 1 << 15,
  PHAEN_RECORD_PMQA_SUB_ITEM = 1 << 16,
  PHAEN_RECORD_PMQA_TOPIC = 1 << 17,
  PHAEN_RECORD_PMQA_ATTACHMENT = 1 << 18,
  PHAEN_RECORD_ACTIVITY_BUDGET = 1 << 19, /* a plan row's quarterly budget (activity_budget) */
  PHAEN_RECORD_ALL = (1 << 20) - 1,
} PhaenRecordKind;

/* What a plan's activity table (the grid, the Gantt, their totals) is made of. */
#define PHAEN_RECORDS_ACTIVITIES                                                                   \
  (PHAEN_RECORD_PLAN | PHAEN_RECORD_ACTIVITY | PHAEN_RECORD_ACTIVITY_MONTH |                       \
   PHAEN_RECORD_BUDGET_QUARTER)
/* A whole plan: its activities and its text sections. */
#define PHAEN_RECORDS_PLAN (PHAEN_RECORDS_ACTIVITIES | PHAEN_RECORD_PLAN_SECTION)
/* What the quarterly budget page, its chart and its export are made of: the plan's rows, their
 * quarterly amounts, and the fiscal year's disbursement targets. */
#define PHAEN_RECORDS_BUDGET                                                                       \
  (PHAEN_RECORDS_ACTIVITIES | PHAEN_RECORD_ACTIVITY_BUDGET | PHAEN_RECORD_FISCAL_YEAR)
/* What a unit's indicators, scores and results are made of. */
#define PHAEN_RECORDS_SCORES                                                                       \
  (PHAEN_RECORD_INDICATOR | PHAEN_RECORD_CRITERIA_VERSION | PHAEN_RECORD_CRITERION |               \
   PHAEN_RECORD_RESULT | PHAEN_RECORD_PMQA_VALUE | PHAEN_RECORD_EVIDENCE)

/* What a PMQA self-assessment of categories 1–6 is made of. */
#define PHAEN_RECORDS_PMQA_ASSESSMENT                                                              \
  (PHAEN_RECORD_PMQA_ASSESSMENT | PHAEN_RECORD_PMQA_SUB_ITEM | PHAEN_RECORD_PMQA_TOPIC |           \
   PHAEN_RECORD_PMQA_ATTACHMENT)

#define PHAEN_TYPE_CHANGES (phaen_changes_get_type ())

typedef struct _PhaenChanges PhaenChanges;

GType phaen_changes_get_type (void) G_GNUC_CONST;
PhaenChanges *phaen_changes_new (void);
PhaenChanges *phaen_changes_ref (PhaenChanges *self);
void phaen_changes_unref (PhaenChanges *self);

/* The kind whose table is @table ("activity_month"), or 0 for a table users do not edit. */
PhaenRecordKind phaen_record_kind_from_table (const char *table);
/* The table of @kind, one bit of PhaenRecordKind. */
const char *phaen_record_kind_to_table (PhaenRecordKind kind);

void phaen_changes_add (PhaenChanges *self, PhaenRecordKind kind, gint64 id);
/* Anything may have changed (another program wrote the file): every question answers yes. */
void phaen_changes_add_everything (PhaenChanges *self);
gboolean phaen_changes_is_empty (const PhaenChanges *self);
/* The kinds of record changed, as a mask of PhaenRecordKind. */
guint phaen_changes_get_kinds (const PhaenChanges *self);
/* Whether any record of @kinds (a mask) changed. */
gboolean phaen_changes_touches (const PhaenChanges *self, guint kinds);
/* Whether the record @id of @kind changed (inserted, updated or deleted). */
gboolean phaen_changes_has (const PhaenChanges *self, PhaenRecordKind kind, gint64 id);
/* Whether anything may have changed (phaen_changes_add_everything()): no list of ids says it. */
gboolean phaen_changes_is_everything (const PhaenChanges *self);
/* The ids of @kind that changed, in ascending order (transfer full; element-type gint64). */
GArray *phaen_changes_get_ids (const PhaenChanges *self, PhaenRecordKind kind);
/* Adds what @other changed to @self: edits coalesced into one refresh. */
void phaen_changes_merge (PhaenChanges *self, const PhaenChanges *other);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PhaenChanges, phaen_changes_unref)

G_END_DECLS
