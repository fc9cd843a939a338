/* phaen-packet.h — a result packet: what a unit copy changed since its last packet, signed
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The file a unit head sends back: "สตป-2564-q2-1.phaenpkt". */
#define PHAEN_PACKET_SUFFIX ".phaenpkt"
/* Files larger than this are refused before they are read. */
#define PHAEN_PACKET_DEFAULT_SIZE_LIMIT (G_GINT64_CONSTANT (256) * 1000 * 1000)
/* The packet format this build writes and reads. */
#define PHAEN_PACKET_FORMAT 1

/*
 * The file: the 8 bytes "PHAENPK1", 32 bytes of HMAC-SHA256 (GLib's GHmac, keyed with the
 * unit copy's secret) over everything else, then one GVariant (little-endian, normal form) of
 * type (a{sv}aya(say)):
 *   a{sv}    the header: "format" u, "packet" s (uuid), "workspace" s (the office's
 *            workspace uuid), "copy" s (the unit copy's uuid), "seq" u (1, 2, … per copy),
 *            "unit" s (uuid), "unit-abbr" s, "fiscal-year" i, "quarter" i, "schema" i (the
 *            writer's PHAEN_STORE_SCHEMA_VERSION), "created-by" s, "created-at" s (ISO 8601)
 *   ay       the changeset (SQLite session extension) of the unit's projection since the
 *            copy's previous packet (src/sync/phaen-sync-projection.c)
 *   a(say)   evidence files the changeset adds: SHA-256 (hex) and bytes
 */
typedef struct
{
  char *uuid;
  char *workspace;
  char *copy;
  guint seq;
  char *unit;
  char *unit_abbr;
  int fiscal_year;
  int quarter;
  int schema;
  char *created_by;
  char *created_at;
  GBytes *changeset;
  GHashTable *blobs; /* SHA-256 hex → GBytes */
  /*< private >*/
  guint8 mac[32];
  GBytes *signed_part; /* what the MAC covers */
} PhaenPacket;

/**
 * phaen_packet_load:
 * @size_limit: bytes; 0 uses PHAEN_PACKET_DEFAULT_SIZE_LIMIT
 *
 * Reads a packet file as untrusted input: only a regular file (links resolved) no larger than
 * @size_limit is read; its structure, header fields and evidence checksums are checked. The
 * signature is NOT checked here: see phaen_packet_verify().
 *
 * Returns: (transfer full): the packet, or %NULL with PHAEN_ERROR_NOT_FOUND / _IO, or
 *   PHAEN_ERROR_CORRUPT for a file that is not a packet or is damaged (message in Thai/English)
 */
PhaenPacket *phaen_packet_load (const char *path, gint64 size_limit, GError **error);
PhaenPacket *phaen_packet_load_bytes (GBytes *bytes, GError **error);
/* TRUE when the packet was signed with @secret (hex) and not altered since; FALSE with
 * PHAEN_ERROR_INVALID otherwise. */
gboolean phaen_packet_verify (const PhaenPacket *packet, const char *secret, GError **error);
void phaen_packet_free (PhaenPacket *packet);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PhaenPacket, phaen_packet_free)

G_END_DECLS
