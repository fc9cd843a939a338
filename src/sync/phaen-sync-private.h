/* phaen-sync-private.h — what the src/sync files share: meta keys, the projection of a unit's
 * own rows, secrets and packet serialisation
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libphaen is compiled with SQLITE_ENABLE_SESSION and SQLITE_ENABLE_PREUPDATE_HOOK (see
 * src/meson.build), so <sqlite3.h> declares the session extension's API here. */
#pragma once

#include <sqlite3.h>

#include "phaen-packet.h"
#include "phaen-store-private.h"

G_BEGIN_DECLS

#ifndef SQLITE_CHANGESET_OMIT
#error "the session extension's API is needed: compile with -DSQLITE_ENABLE_SESSION"
#endif

/* meta keys of the planning office's workspace */
#define PHAEN_META_WORKSPACE "workspace-uuid" /* this workspace's identity */
#define PHAEN_META_SYNC_KEY "sync-key"        /* from which every unit copy's secret derives */
/* meta keys of a unit copy (the store reads "unit-copy" to guard the office's records) */
#define PHAEN_META_COPY "unit-copy"              /* the copy's own uuid */
#define PHAEN_META_COPY_WORKSPACE "unit-copy-of" /* the office's workspace uuid */
#define PHAEN_META_COPY_UNIT "unit-copy-unit"    /* the unit's uuid */
#define PHAEN_META_COPY_YEAR "unit-copy-fiscal-year"
#define PHAEN_META_COPY_SECRET "unit-copy-secret"   /* hex, 64 digits */
#define PHAEN_META_COPY_PACKETS "unit-copy-packets" /* packets written so far */
#define PHAEN_META_COPY_MADE "unit-copy-made"       /* ISO 8601, when the office made it */
/* sync_image row of a unit copy: its own rows as of the last packet */
#define PHAEN_SYNC_IMAGE "image"

/* The projection: a unit's own rows of one fiscal year, keyed by UUIDs and natural keys
 * (indicator uuid + quarter) instead of the integer ids of one file, with only the columns a
 * unit owns. It lives in an in-memory database; packets are changesets of it. */
typedef enum
{
  SYNC_RESULT,
  SYNC_EVIDENCE,
  SYNC_ACTIVITY,
  SYNC_ACTIVITY_MONTH,
  SYNC_PMQA_VALUE,
  SYNC_N_TABLES,
} SyncTable;

typedef struct
{
  const char *name;
  int n_columns;
  int n_pk;                  /* the first n_pk columns are the primary key */
  const char *const *labels; /* per column, translatable (N_), NULL for keys */
} SyncTableInfo;

const SyncTableInfo *_phaen_sync_table_info (SyncTable table);
/* -1 when @name is no projection table */
int _phaen_sync_table_from_name (const char *name);

/* An in-memory database holding the projection's tables in "main" (and in @extra_schemas,
 * attached in-memory databases, NULL-terminated). */
sqlite3 *_phaen_sync_projection_new (const char *const *extra_schemas, GError **error);
/* Copies the rows of @unit_id and @fiscal_year from @source (a workspace connection) into
 * @schema of @proj. */
gboolean _phaen_sync_projection_fill (sqlite3 *proj,
                                      const char *schema,
                                      sqlite3 *source,
                                      gint64 unit_id,
                                      int fiscal_year,
                                      GError **error);
/* The changeset that turns @from_schema's tables into main's (sqlite3session_diff). */
GBytes *_phaen_sync_projection_diff (sqlite3 *proj, const char *from_schema, GError **error);
/* Inserts the rows of @image (a changeset of inserts) into @schema. */
gboolean
_phaen_sync_projection_load (sqlite3 *proj, const char *schema, GBytes *image, GError **error);

/* The changeset's framing is sound and names only projection tables of the right shape: see
 * phaen-sync-projection.c. Check this before SQLite reads a changeset from outside. */
gboolean _phaen_sync_changeset_is_well_formed (GBytes *changeset);

/* phaen_sha256(blob) → hex, for the evidence rows of the projection */
void _phaen_sync_register_functions (sqlite3 *db);
gboolean _phaen_sync_sqlite_error (sqlite3 *db, int rc, GError **error);
gboolean _phaen_sync_values_equal (sqlite3_value *a, sqlite3_value *b);

/* The secret of one unit copy (hex), from the office's sync key and what names the copy. */
char *_phaen_sync_derive_secret (
  const char *sync_key, const char *workspace, const char *copy, const char *unit, int fiscal_year);

/* The signed file bytes of @packet. */
GBytes *_phaen_packet_serialize (const PhaenPacket *packet, const char *secret);
PhaenPacket *_phaen_packet_new (void);

G_END_DECLS
