/* phaen-packet.c — reading, checking and writing result packets
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-packet"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "phaen-error.h"
#include "phaen-sync-private.h"

#define MAGIC "PHAENPK1"
#define MAGIC_SIZE 8
#define MAC_SIZE 32
#define BODY_TYPE "(a{sv}aya(say))"
/* Header strings longer than this are refused: a name, an abbreviation, a uuid. */
#define MAX_HEADER_TEXT 400

/* ------------------------------------------------------------------ helpers */

static gboolean
set_damaged (GError **error)
{
  g_set_error_literal (error, PHAEN_ERROR, PHAEN_ERROR_CORRUPT,
                       _ ("The file is not a result packet of Phaen, or it is damaged."));
  return FALSE;
}

static char *
sha256_hex (GBytes *bytes)
{
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

static gboolean
is_sha256_hex (const char *text)
{
  if (strlen (text) != 64)
    return FALSE;
  for (const char *p = text; *p; p++)
    if (!g_ascii_isxdigit (*p) || g_ascii_isupper (*p))
      return FALSE;
  return TRUE;
}

static gboolean
lookup_text (GVariant *header, const char *key, gboolean uuid, char **out)
{
  const char *text = NULL;

  if (!g_variant_lookup (header, key, "&s", &text) || strlen (text) > MAX_HEADER_TEXT ||
      (uuid && !g_uuid_string_is_valid (text)))
    return FALSE;
  *out = g_strdup (text);
  return TRUE;
}

static void
compute_mac (const char *secret, GBytes *signed_part, guint8 mac[MAC_SIZE])
{
  g_autoptr (GHmac) hmac = g_hmac_new (G_CHECKSUM_SHA256, (const guchar *)secret, strlen (secret));
  gsize size = MAC_SIZE;

  g_hmac_update (hmac, g_bytes_get_data (signed_part, NULL), g_bytes_get_size (signed_part));
  g_hmac_get_digest (hmac, mac, &size);
  g_assert (size == MAC_SIZE);
}

/* Reads a regular file of at most @limit bytes through one descriptor: a FIFO would block, a
 * device or a huge file would never end. */
static GBytes *
read_limited (const char *path, gint64 limit, GError **error)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree guint8 *data = NULL;
  char *resolved = realpath (path, NULL);
  GStatBuf st;
  gsize done = 0;
  int fd;

  if (resolved == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, PHAEN_ERROR,
                   saved_errno == ENOENT ? PHAEN_ERROR_NOT_FOUND : PHAEN_ERROR_IO,
                   _ ("“%s” could not be opened: %s"), base, g_strerror (saved_errno));
      return NULL;
    }
  fd = g_open (resolved, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC, 0);
  free (resolved);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_IO, _ ("“%s” could not be opened: %s"), base,
                   g_strerror (saved_errno));
      return NULL;
    }
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_CORRUPT,
                   _ ("“%s” is not a file: only a result packet can be imported."), base);
      return NULL;
    }
  if (st.st_size > limit)
    {
      g_autofree char *size = g_format_size (st.st_size);
      g_autofree char *max = g_format_size (limit);

      close (fd);
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                   _ ("“%s” is too large for a result packet (%s; the limit is %s)."), base, size,
                   max);
      return NULL;
    }
  data = g_malloc (MAX (st.st_size, 1));
  while (done < (gsize)st.st_size)
    {
      gssize n = read (fd, data + done, st.st_size - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      done += n;
    }
  close (fd);
  if (done != (gsize)st.st_size)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_IO, _ ("“%s” could not be read."), base);
      return NULL;
    }
  return g_bytes_new_take (g_steal_pointer (&data), done);
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *)a, *(const char *const *)b);
}

/* ------------------------------------------------------------------ public API */

PhaenPacket *
_phaen_packet_new (void)
{
  PhaenPacket *packet = g_new0 (PhaenPacket, 1);

  packet->blobs =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_bytes_unref);
  return packet;
}

void
phaen_packet_free (PhaenPacket *packet)
{
  if (packet == NULL)
    return;
  g_free (packet->uuid);
  g_free (packet->workspace);
  g_free (packet->copy);
  g_free (packet->unit);
  g_free (packet->unit_abbr);
  g_free (packet->created_by);
  g_free (packet->created_at);
  g_clear_pointer (&packet->changeset, g_bytes_unref);
  g_clear_pointer (&packet->blobs, g_hash_table_unref);
  g_clear_pointer (&packet->signed_part, g_bytes_unref);
  g_free (packet);
}

/**
 * phaen_packet_load_bytes:
 * @bytes: a packet file's bytes
 *
 * Returns: (transfer full): see phaen_packet_load()
 */
PhaenPacket *
phaen_packet_load_bytes (GBytes *bytes, GError **error)
{
  g_autoptr (PhaenPacket) packet = _phaen_packet_new ();
  g_autoptr (GBytes) body_bytes = NULL;
  g_autoptr (GVariant) body = NULL;
  g_autoptr (GVariant) header = NULL;
  g_autoptr (GVariant) changeset = NULL;
  g_autoptr (GVariant) files = NULL;
  gsize size = 0;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  guint32 format = 0, seq = 0;
  GVariantIter iter;
  const char *sha = NULL;
  GVariant *file_bytes = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);

  if (size < MAGIC_SIZE + MAC_SIZE || memcmp (data, MAGIC, MAGIC_SIZE) != 0)
    {
      set_damaged (error);
      return NULL;
    }
  memcpy (packet->mac, data + MAGIC_SIZE, MAC_SIZE);
  {
    /* What the MAC covers: the magic and the body, without the MAC itself. */
    GByteArray *covered = g_byte_array_sized_new (size - MAC_SIZE);

    g_byte_array_append (covered, data, MAGIC_SIZE);
    g_byte_array_append (covered, data + MAGIC_SIZE + MAC_SIZE, size - MAGIC_SIZE - MAC_SIZE);
    packet->signed_part = g_byte_array_free_to_bytes (covered);
  }
  body_bytes = g_bytes_new_from_bytes (bytes, MAGIC_SIZE + MAC_SIZE, size - MAGIC_SIZE - MAC_SIZE);
  /* Untrusted: GVariant reads any bytes safely; only the normal form (one encoding per value)
   * is accepted, which also bounds the work of reading it. */
  body =
    g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (BODY_TYPE), body_bytes, FALSE));
  if (G_BYTE_ORDER != G_LITTLE_ENDIAN)
    {
      GVariant *swapped = g_variant_byteswap (body);

      g_variant_unref (body);
      body = swapped;
    }
  if (!g_variant_is_normal_form (body))
    {
      set_damaged (error);
      return NULL;
    }
  header = g_variant_get_child_value (body, 0);
  changeset = g_variant_get_child_value (body, 1);
  files = g_variant_get_child_value (body, 2);

  if (!g_variant_lookup (header, "format", "u", &format) ||
      !g_variant_lookup (header, "schema", "i", &packet->schema))
    {
      set_damaged (error);
      return NULL;
    }
  if (format > PHAEN_PACKET_FORMAT || packet->schema > PHAEN_STORE_SCHEMA_VERSION)
    {
      g_set_error_literal (error, PHAEN_ERROR, PHAEN_ERROR_TOO_NEW,
                           _ ("The result packet was made by a newer version of Phaen: update "
                              "Phaen to import it. Nothing was changed."));
      return NULL;
    }
  if (format < 1 || packet->schema < 1 || !lookup_text (header, "packet", TRUE, &packet->uuid) ||
      !lookup_text (header, "workspace", TRUE, &packet->workspace) ||
      !lookup_text (header, "copy", TRUE, &packet->copy) ||
      !lookup_text (header, "unit", TRUE, &packet->unit) ||
      !lookup_text (header, "unit-abbr", FALSE, &packet->unit_abbr) ||
      !lookup_text (header, "created-by", FALSE, &packet->created_by) ||
      !lookup_text (header, "created-at", FALSE, &packet->created_at) ||
      !g_variant_lookup (header, "seq", "u", &seq) ||
      !g_variant_lookup (header, "fiscal-year", "i", &packet->fiscal_year) ||
      !g_variant_lookup (header, "quarter", "i", &packet->quarter) || seq < 1 || seq > G_MAXINT32 ||
      packet->fiscal_year < PHAEN_MIN_FISCAL_YEAR || packet->fiscal_year > PHAEN_MAX_FISCAL_YEAR ||
      packet->quarter < 1 || packet->quarter > PHAEN_QUARTERS)
    {
      set_damaged (error);
      return NULL;
    }
  packet->seq = seq;
  packet->changeset = g_variant_get_data_as_bytes (changeset);

  g_variant_iter_init (&iter, files);
  while (g_variant_iter_next (&iter, "(&s@ay)", &sha, &file_bytes))
    {
      g_autoptr (GVariant) owned = file_bytes;
      g_autoptr (GBytes) contents = g_variant_get_data_as_bytes (owned);
      g_autofree char *actual = sha256_hex (contents);

      /* A file is named by its checksum: one that does not match was altered. */
      if (!is_sha256_hex (sha) || !g_str_equal (sha, actual) ||
          g_hash_table_contains (packet->blobs, sha))
        {
          set_damaged (error);
          return NULL;
        }
      g_hash_table_insert (packet->blobs, g_strdup (sha), g_steal_pointer (&contents));
    }
  return g_steal_pointer (&packet);
}

/**
 * phaen_packet_load:
 *
 * Returns: (transfer full): the packet, unverified
 */
PhaenPacket *
phaen_packet_load (const char *path, gint64 size_limit, GError **error)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) local = NULL;
  PhaenPacket *packet;

  g_return_val_if_fail (path != NULL, NULL);

  bytes = read_limited (path, size_limit > 0 ? size_limit : PHAEN_PACKET_DEFAULT_SIZE_LIMIT, error);
  if (bytes == NULL)
    return NULL;
  packet = phaen_packet_load_bytes (bytes, &local);
  if (packet == NULL)
    {
      g_autofree char *base = g_path_get_basename (path);

      g_set_error (error, local->domain, local->code, "“%s”: %s", base, local->message);
    }
  return packet;
}

gboolean
phaen_packet_verify (const PhaenPacket *packet, const char *secret, GError **error)
{
  guint8 mac[MAC_SIZE];
  guint8 diff = 0;

  g_return_val_if_fail (packet != NULL && packet->signed_part != NULL, FALSE);
  g_return_val_if_fail (secret != NULL, FALSE);

  compute_mac (secret, packet->signed_part, mac);
  /* In constant time: how many leading bytes matched must not show in the time taken. */
  for (guint i = 0; i < MAC_SIZE; i++)
    diff |= mac[i] ^ packet->mac[i];
  if (diff != 0)
    {
      g_set_error_literal (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                           _ ("The result packet's signature does not match: it was altered on "
                              "the way or was not made by this unit's copy. Nothing was "
                              "changed."));
      return FALSE;
    }
  return TRUE;
}

/**
 * _phaen_packet_serialize:
 *
 * Returns: (transfer full): the bytes of the packet file, signed with @secret
 */
GBytes *
_phaen_packet_serialize (const PhaenPacket *packet, const char *secret)
{
  g_auto (GVariantBuilder) header = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a{sv}"));
  g_auto (GVariantBuilder) files = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a(say)"));
  g_autoptr (GVariant) body = NULL;
  g_autoptr (GBytes) body_bytes = NULL;
  g_autoptr (GPtrArray) names = NULL;
  GByteArray *covered = g_byte_array_new ();
  g_autoptr (GBytes) signed_part = NULL;
  GByteArray *out;
  guint8 mac[MAC_SIZE];

  g_variant_builder_add (&header, "{sv}", "format", g_variant_new_uint32 (PHAEN_PACKET_FORMAT));
  g_variant_builder_add (&header, "{sv}", "packet", g_variant_new_string (packet->uuid));
  g_variant_builder_add (&header, "{sv}", "workspace", g_variant_new_string (packet->workspace));
  g_variant_builder_add (&header, "{sv}", "copy", g_variant_new_string (packet->copy));
  g_variant_builder_add (&header, "{sv}", "seq", g_variant_new_uint32 (packet->seq));
  g_variant_builder_add (&header, "{sv}", "unit", g_variant_new_string (packet->unit));
  g_variant_builder_add (&header, "{sv}", "unit-abbr", g_variant_new_string (packet->unit_abbr));
  g_variant_builder_add (&header, "{sv}", "fiscal-year", g_variant_new_int32 (packet->fiscal_year));
  g_variant_builder_add (&header, "{sv}", "quarter", g_variant_new_int32 (packet->quarter));
  g_variant_builder_add (&header, "{sv}", "schema", g_variant_new_int32 (packet->schema));
  g_variant_builder_add (&header, "{sv}", "created-by", g_variant_new_string (packet->created_by));
  g_variant_builder_add (&header, "{sv}", "created-at", g_variant_new_string (packet->created_at));

  names = g_ptr_array_new ();
  {
    GHashTableIter iter;
    gpointer name;

    g_hash_table_iter_init (&iter, packet->blobs);
    while (g_hash_table_iter_next (&iter, &name, NULL))
      g_ptr_array_add (names, name);
  }
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      const char *sha = g_ptr_array_index (names, i);
      GBytes *contents = g_hash_table_lookup (packet->blobs, sha);

      g_variant_builder_add (&files, "(s@ay)", sha,
                             g_variant_new_from_bytes (G_VARIANT_TYPE_BYTESTRING, contents, TRUE));
    }
  body = g_variant_ref_sink (g_variant_new (
    "(a{sv}@aya(say))", &header,
    g_variant_new_from_bytes (G_VARIANT_TYPE_BYTESTRING, packet->changeset, TRUE), &files));
  if (G_BYTE_ORDER != G_LITTLE_ENDIAN)
    {
      GVariant *swapped = g_variant_byteswap (body);

      g_variant_unref (body);
      body = swapped;
    }
  body_bytes = g_variant_get_data_as_bytes (body);

  g_byte_array_append (covered, (const guint8 *)MAGIC, MAGIC_SIZE);
  g_byte_array_append (covered, g_bytes_get_data (body_bytes, NULL), g_bytes_get_size (body_bytes));
  signed_part = g_byte_array_free_to_bytes (covered);
  compute_mac (secret, signed_part, mac);

  out = g_byte_array_sized_new (g_bytes_get_size (signed_part) + MAC_SIZE);
  g_byte_array_append (out, (const guint8 *)MAGIC, MAGIC_SIZE);
  g_byte_array_append (out, mac, MAC_SIZE);
  g_byte_array_append (out, g_bytes_get_data (body_bytes, NULL), g_bytes_get_size (body_bytes));
  return g_byte_array_free_to_bytes (out);
}
