/* phaen-unit-copy.h — sending a workspace to its units, and a unit's packets back
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "phaen-store.h"

G_BEGIN_DECLS

/* Called after each unit copy (or packet) with how many are done of how many. */
typedef void (*PhaenSyncProgress) (guint done, guint total, gpointer user_data);

/*
 * A unit copy is an ordinary workspace (.phaen) holding one unit's plans, activities,
 * indicators, criteria and earlier results (evidence included) of one fiscal year, with the
 * office's row ids and uuids, plus meta rows saying which workspace, unit and year it came
 * from, and a secret shared with the office only (derived from the office's own key). The
 * store opens it as a unit copy (phaen_store_is_unit_copy()): the office's records are
 * read-only there.
 */

/**
 * phaen_unit_copies_write:
 * @office: the planning office's workspace, open for editing (its identity and key are
 *   written to it the first time)
 * @fiscal_year: the year (BE) the copies are for
 * @unit_ids: (element-type gint64) (nullable): the units; %NULL for every unit that has
 *   indicators or plans in @fiscal_year
 * @folder: made when missing; each copy is "<unit>-<year>.phaen" there, replacing a file of
 *   that name (written beside it and renamed when complete)
 * @progress: (nullable): called after each copy
 * @cancellable: (nullable): checked between copies; copies already written stay
 *
 * Returns: (transfer full) (element-type utf8): the paths written, or %NULL with @error
 *   (PHAEN_ERROR_INVALID for a unit copy, an unknown year or unit; PHAEN_ERROR_IO;
 *   G_IO_ERROR_CANCELLED)
 */
GPtrArray *phaen_unit_copies_write (PhaenStore *office,
                                    int fiscal_year,
                                    GArray *unit_ids,
                                    const char *folder,
                                    PhaenSyncProgress progress,
                                    gpointer user_data,
                                    GCancellable *cancellable,
                                    GError **error);

/* What a unit copy says about itself (phaen_unit_copy_get_info()). */
typedef struct
{
  char *copy_uuid;
  char *workspace_uuid; /* the office's */
  char *unit_uuid;
  gint64 unit_id;
  char *unit_abbr;
  char *unit_name;
  int fiscal_year;
  guint packets; /* packets written so far */
  char *made_at; /* ISO 8601, when the office made it */
} PhaenUnitCopyInfo;

void phaen_unit_copy_info_free (PhaenUnitCopyInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PhaenUnitCopyInfo, phaen_unit_copy_info_free)

/* Returns: (transfer full): %NULL with PHAEN_ERROR_INVALID when @store is no unit copy */
PhaenUnitCopyInfo *phaen_unit_copy_get_info (PhaenStore *store, GError **error);

/* What a packet holds (or would hold): rows changed since the copy's last packet. */
typedef struct
{
  guint results;  /* results and their text */
  guint evidence; /* files and links added or removed */
  guint progress; /* activities' and months' progress, outputs achieved */
  guint pmqa;     /* PMQA category 7 values */
  guint files;    /* evidence files carried */
  gint64 bytes;   /* the packet's size (after writing) */
  int quarter;
  guint seq;
} PhaenPackSummary;

/* Counts what the next packet would carry, without writing anything. */
gboolean
phaen_unit_copy_count_changes (PhaenStore *copy, PhaenPackSummary *summary, GError **error);

/**
 * phaen_unit_copy_pack:
 * @copy: a unit copy, open for editing
 * @quarter: the quarter reported (1..4); 0 takes the latest quarter whose result or evidence
 *   changed (else the latest with a result)
 * @created_by: (nullable): who sends it; %NULL uses the computer's user name
 * @path: the packet file to write (phaen_unit_copy_packet_name() suggests a name)
 * @summary: (out caller-allocates) (optional): what it holds
 *
 * Writes the changes since the copy's previous packet (ส่งผลการดำเนินงาน), signed with the
 * copy's secret, with the evidence files they add. The copy then remembers its rows as sent:
 * the next packet holds only what changes after this one. A packet with no changes is still
 * written (it says "nothing new" to the office's collection page).
 */
gboolean phaen_unit_copy_pack (PhaenStore *copy,
                               int quarter,
                               const char *created_by,
                               const char *path,
                               PhaenPackSummary *summary,
                               GError **error);

/* "สตป-2564-q2-1.phaenpkt": unit, year, quarter and the packet's number. (transfer full) */
char *phaen_unit_copy_packet_name (PhaenStore *copy, int quarter, GError **error);

/* A unit abbreviation as part of a file name: dots at the end and characters no file system
 * takes (/ \ : * ? " < > |, control characters) dropped. (transfer full) */
char *phaen_unit_copy_file_stem (const char *abbr);

G_END_DECLS
