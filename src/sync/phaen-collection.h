/* phaen-collection.h — who has reported: every unit of a fiscal year and quarter
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "phaen-store.h"

G_BEGIN_DECLS

/* One unit on the collection page. */
typedef struct
{
  gint64 unit_id;
  char *abbr;
  char *name;
  gboolean received;   /* a result packet for the quarter was imported */
  guint packets;       /* how many, for the quarter */
  char *received_at;   /* ISO 8601 (UTC) of the latest, or NULL */
  char *sent_by;       /* who sent the latest, or NULL */
  guint pending;       /* conflicts left to decide in its packets */
  guint indicators;    /* the unit's indicators of the year */
  guint with_result;   /* of which have a result for the quarter */
  guint with_evidence; /* of which have evidence for the quarter */
} PhaenCollectionRow;

void phaen_collection_row_free (PhaenCollectionRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PhaenCollectionRow, phaen_collection_row_free)

/**
 * phaen_collection_list:
 * @office: the planning office's workspace (read-only is fine)
 * @fiscal_year: a year the workspace has
 * @quarter: 1..4
 *
 * Every unit with indicators or plans in @fiscal_year (the units copies are sent to), received
 * or not, by abbreviation.
 *
 * Returns: (transfer full) (element-type PhaenCollectionRow): the rows, or %NULL with @error
 */
GPtrArray *phaen_collection_list (PhaenStore *office, int fiscal_year, int quarter, GError **error);

/* Writes the units of @rows that have not reported as CSV (UTF-8 with a byte order mark, for
 * Excel), for the reminder e-mail: abbreviation, name, indicators, with result, with evidence.
 * Written beside @path and renamed when complete. */
gboolean phaen_collection_write_missing_csv (GPtrArray *rows, const char *path, GError **error);

/* The same as an XLSX workbook of one sheet, titled with the year and quarter. */
gboolean phaen_collection_write_missing_xlsx (
  GPtrArray *rows, int fiscal_year, int quarter, const char *path, GError **error);

G_END_DECLS
