/* phaen-store-pmqa.h — the PMQA 4.0 self-assessment of categories 1–6 in the workspace
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "phaen-store.h"

G_BEGIN_DECLS

/* The edition a new assessment follows (data/pmqa/<id>.json). */
#define PHAEN_PMQA_DEFAULT_EDITION "pmqa-4.0-2567"
/* What a narrative is checked against unless the assessment says otherwise: neither seed states
 * a limit (DOMAIN-pmqa.md §2), so it is a setting. */
#define PHAEN_PMQA_DEFAULT_NARRATIVE_LIMIT 3000
/* Statements per sub-item the store can record (a bit each). */
#define PHAEN_PMQA_MAX_STATEMENTS 30

typedef enum
{
  PHAEN_PMQA_STATUS_DRAFT,    /* ร่าง */
  PHAEN_PMQA_STATUS_CHECKED,  /* ตรวจแล้ว */
  PHAEN_PMQA_STATUS_APPROVED, /* อนุมัติ */
} PhaenPmqaStatus;

typedef enum
{
  PHAEN_PMQA_LEVEL_NONE,
  PHAEN_PMQA_LEVEL_BASIC,
  PHAEN_PMQA_LEVEL_ADVANCE,
  PHAEN_PMQA_LEVEL_SIGNIFICANCE,
} PhaenPmqaLevel;

#define PHAEN_PMQA_N_LEVELS 3

typedef struct
{
  gint64 id;
  gint64 unit_id;
  int fiscal_year;
  char *edition;
  int narrative_limit; /* code points; 0 = none */
} PhaenPmqaAssessmentInfo;

/* What was entered for one sub-item ("1.1.1"). */
typedef struct
{
  char *code;
  guint32 claimed; /* bit n-1 = statement n */
  char *narrative;
  char *author; /* a person or a unit, as typed */
  PhaenPmqaStatus status;
  char *status_on; /* YYYY-MM-DD or NULL */
  char *due_on;    /* YYYY-MM-DD or NULL */
} PhaenPmqaEntry;

/* The file attached to a starred statement's evidence slot. */
typedef struct
{
  gint64 id;
  char *code;
  int statement; /* 1-based position in the sub-item */
  char *name;
  char *mime;
  gint64 size;
  char *added_at;
} PhaenPmqaAttachment;

void phaen_pmqa_assessment_info_free (PhaenPmqaAssessmentInfo *info);
void phaen_pmqa_entry_free (PhaenPmqaEntry *entry);
void phaen_pmqa_attachment_free (PhaenPmqaAttachment *attachment);
const char *phaen_pmqa_status_to_string (PhaenPmqaStatus status); /* translated */
const char *phaen_pmqa_level_to_string (PhaenPmqaLevel level);    /* "Basic", "Advance", … */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PhaenPmqaAssessmentInfo, phaen_pmqa_assessment_info_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PhaenPmqaEntry, phaen_pmqa_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PhaenPmqaAttachment, phaen_pmqa_attachment_free)

/* The unit's application of @fiscal_year, or NULL (no error) when nothing was entered yet.
 * Returns: (transfer full) (nullable) */
PhaenPmqaAssessmentInfo *
phaen_store_pmqa_get_info (PhaenStore *self, gint64 unit_id, int fiscal_year, GError **error);

/* Every application of the workspace, by unit and year.
 * Returns: (transfer full) (element-type PhaenPmqaAssessmentInfo) */
GPtrArray *phaen_store_pmqa_list_assessments (PhaenStore *self, GError **error);

/* Every setter below is one edit (saved, undoable). The first one of a unit and year starts
 * its application with PHAEN_PMQA_DEFAULT_EDITION; a unit that does not exist gives
 * PHAEN_ERROR_NOT_FOUND. Sub-items and topics are named by their printed codes. */
gboolean phaen_store_pmqa_set_edition (
  PhaenStore *self, gint64 unit_id, int fiscal_year, const char *edition, GError **error);
gboolean phaen_store_pmqa_set_narrative_limit (
  PhaenStore *self, gint64 unit_id, int fiscal_year, int limit, GError **error);
gboolean phaen_store_pmqa_set_claimed (PhaenStore *self,
                                       gint64 unit_id,
                                       int fiscal_year,
                                       const char *code,
                                       int statement,
                                       gboolean claimed,
                                       GError **error);
/* The text as typed; PHAEN_ERROR_INVALID (nothing saved) when it is too long to keep. */
gboolean phaen_store_pmqa_set_narrative (PhaenStore *self,
                                         gint64 unit_id,
                                         int fiscal_year,
                                         const char *code,
                                         const char *narrative,
                                         GError **error);
gboolean phaen_store_pmqa_set_author (PhaenStore *self,
                                      gint64 unit_id,
                                      int fiscal_year,
                                      const char *code,
                                      const char *author,
                                      GError **error);
/* @date: YYYY-MM-DD, or NULL for today. */
gboolean phaen_store_pmqa_set_status (PhaenStore *self,
                                      gint64 unit_id,
                                      int fiscal_year,
                                      const char *code,
                                      PhaenPmqaStatus status,
                                      const char *date,
                                      GError **error);
/* @date: YYYY-MM-DD, or NULL for none. */
gboolean phaen_store_pmqa_set_due (PhaenStore *self,
                                   gint64 unit_id,
                                   int fiscal_year,
                                   const char *code,
                                   const char *date,
                                   GError **error);
gboolean phaen_store_pmqa_set_topic_level (PhaenStore *self,
                                           gint64 unit_id,
                                           int fiscal_year,
                                           const char *topic_code,
                                           PhaenPmqaLevel level,
                                           GError **error);

/* Returns: (transfer full) (element-type PhaenPmqaEntry): the sub-items that have a row */
GPtrArray *
phaen_store_pmqa_list_entries (PhaenStore *self, gint64 unit_id, int fiscal_year, GError **error);
/* Returns: (transfer full): topic code → PhaenPmqaLevel (GINT_TO_POINTER) of the levels set */
GHashTable *
phaen_store_pmqa_list_levels (PhaenStore *self, gint64 unit_id, int fiscal_year, GError **error);

/* Keeps @data inside the workspace as the evidence of the statement, replacing the slot's file.
 * @mime NULL guesses it. Files above the evidence limit are refused (PHAEN_ERROR_INVALID).
 * Returns: the attachment's id, or 0 with @error set */
gint64 phaen_store_pmqa_attach (PhaenStore *self,
                                gint64 unit_id,
                                int fiscal_year,
                                const char *code,
                                int statement,
                                const char *name,
                                const char *mime,
                                GBytes *data,
                                GError **error);
/* Returns: (transfer full) (element-type PhaenPmqaAttachment): by code and statement */
GPtrArray *phaen_store_pmqa_list_attachments (PhaenStore *self,
                                              gint64 unit_id,
                                              int fiscal_year,
                                              GError **error);
GBytes *phaen_store_pmqa_get_attachment_data (PhaenStore *self, gint64 id, GError **error);
gboolean phaen_store_pmqa_remove_attachment (PhaenStore *self, gint64 id, GError **error);

G_END_DECLS
