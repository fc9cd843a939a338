/* phaen-merge.h — the planning office imports result packets from its units
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "phaen-store.h"
#include "phaen-unit-copy.h"

G_BEGIN_DECLS

/*
 * Merging. Each packet is checked (signature, workspace, fiscal year, unit, schema, that every
 * row it touches is its unit's own, sizes, checksums) and applied in one transaction of its own;
 * all the packets of one call make one undo step. Rows are matched by UUID (results by
 * indicator and quarter), never by their ids (see phaen-sync-projection.c). A packet already
 * merged changes nothing (the packet log); packets of one unit copy are merged in order.
 *
 * Ownership decides: a packet carries only what units own (results and their text, evidence,
 * progress, outputs achieved, PMQA values); plans, criteria, weights and score overrides are
 * never in one. A conflict is left when the office changed the same result (or progress) since
 * the unit's copy last saw it, to a value other than the unit's: the caller decides it by a
 * policy or per conflict (PhaenMergeConflict.key in PhaenMergeOptions.choices). Unresolved
 * conflicts are not applied and are listed; the packet can be imported again to decide them.
 */

typedef enum
{
  PHAEN_MERGE_KEEP_CONFLICTS, /* leave both-changed rows as the office has them, list them */
  PHAEN_MERGE_PREFER_OFFICE,  /* keep the office's value */
  PHAEN_MERGE_PREFER_UNIT,    /* take the unit's value */
} PhaenMergePolicy;

typedef enum
{
  PHAEN_MERGE_CHOICE_NONE,
  PHAEN_MERGE_CHOICE_OFFICE,
  PHAEN_MERGE_CHOICE_UNIT,
} PhaenMergeChoice;

typedef struct
{
  PhaenMergePolicy policy;
  /* (nullable) conflict key (utf8) → GINT_TO_POINTER (PhaenMergeChoice), from a dry run */
  GHashTable *choices;
  /* Check and report what would change without writing anything (the store may then be
   * read-only). */
  gboolean dry_run;
  int fiscal_year;   /* 0: any year the workspace has; else packets of other years are refused */
  gint64 size_limit; /* per packet file; 0: PHAEN_PACKET_DEFAULT_SIZE_LIMIT */
  PhaenSyncProgress progress; /* (nullable) after each packet */
  gpointer user_data;
  GCancellable *cancellable; /* (nullable) checked between packets */
} PhaenMergeOptions;

typedef enum
{
  PHAEN_PACKET_MERGED,         /* applied (or would be, in a dry run) */
  PHAEN_PACKET_ALREADY_MERGED, /* imported before: nothing changed */
  PHAEN_PACKET_REFUSED,        /* nothing of it applied: message says why */
} PhaenPacketStatus;

/* One packet's fate. Counts are rows changed (or that would change). */
typedef struct
{
  char *path;
  PhaenPacketStatus status;
  char *message; /* why it was refused, in the user's language; NULL otherwise */
  char *unit_abbr;
  int fiscal_year;
  int quarter;
  guint seq;
  char *created_by;
  char *created_at;
  guint results;
  guint evidence;
  guint progress;
  guint pmqa;
  guint skipped;   /* changes of rows the office has deleted since (it owns them) */
  guint conflicts; /* left unapplied (PHAEN_MERGE_KEEP_CONFLICTS) */
} PhaenPacketOutcome;

typedef struct
{
  char *label;  /* "ผลการดำเนินงาน" */
  char *office; /* the office's value now */
  char *unit;   /* the unit's value */
} PhaenMergeField;

/* Both sides changed the same row: what each has, who and when. */
typedef struct
{
  char *key; /* stable across dry runs: pass it back in PhaenMergeOptions.choices */
  char *packet_path;
  char *unit_abbr;
  char *subject;            /* "สตป. 02 · ไตรมาสที่ 2" */
  GPtrArray *fields;        /* (element-type PhaenMergeField) the values that differ */
  char *office_when;        /* ISO 8601 or NULL: when the office's row was last changed */
  char *unit_who;           /* who sent the packet */
  char *unit_when;          /* when the unit changed it */
  PhaenMergeChoice applied; /* NONE: left as the office has it, to decide */
} PhaenMergeConflict;

typedef struct
{
  GPtrArray *packets;   /* (element-type PhaenPacketOutcome) in the order merged */
  GPtrArray *conflicts; /* (element-type PhaenMergeConflict) */
} PhaenMergeReport;

void phaen_merge_report_free (PhaenMergeReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PhaenMergeReport, phaen_merge_report_free)

/**
 * phaen_merge_packets:
 * @office: the planning office's workspace (open for editing unless @options says dry run)
 * @paths: (array zero-terminated=1): packet files
 * @options: (nullable): %NULL: keep conflicts, any year, not a dry run
 *
 * Returns: (transfer full): what happened to each packet; %NULL with @error only when the
 *   workspace itself could not be used (read-only, I/O) or the call was cancelled (packets
 *   merged before the cancel are kept)
 */
PhaenMergeReport *phaen_merge_packets (PhaenStore *office,
                                       const char *const *paths,
                                       const PhaenMergeOptions *options,
                                       GError **error);

/* The packet files (*.phaenpkt) of @folder, sorted by name. (transfer full) (element-type utf8) */
GPtrArray *phaen_merge_list_folder (const char *folder, GError **error);

G_END_DECLS
