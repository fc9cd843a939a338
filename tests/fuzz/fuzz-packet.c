/* fuzz-packet.c — a hostile result packet: read, checked and merged into the office
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each input is a packet file. It is imported as it is (a dry run on the office open to look:
 * nothing may be written), then signed again with the secret its header names, so that the
 * mutations get past the signature into the header's values and the changeset: a dry run, and
 * when that merges, a real merge into a copy of the office, which must then still open. Bytes
 * that are no packet at all are tried as the changeset of a packet that is (the seed named by
 * $PHAEN_FUZZ_PACKET_TEMPLATE), so that the smoke run's blind mutations reach the changeset's
 * checks too. The office is fuzz-make-packet's, named by $PHAEN_FUZZ_PACKET_OFFICE. */
#define G_LOG_DOMAIN "phaen-fuzz"
#define _GNU_SOURCE /* memmem */
#define SQLITE_ENABLE_SESSION 1
#define SQLITE_ENABLE_PREUPDATE_HOOK 1

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz-harness.h"
#include "phaen-merge.h"
#include "phaen-sync-private.h"

static char *dir;
static char *office_path;
static char *input_path;
static char *merged_path;
static PhaenStore *office;
static char *key;
static char *workspace;
static PhaenPacket *template;
static gsize changeset_offset; /* where the template's changeset lies in its file */

static void
cleanup (void)
{
  g_clear_object (&office);
  g_clear_pointer (&template, phaen_packet_free);
  g_unlink (input_path);
  g_unlink (merged_path);
  g_unlink (office_path);
  g_rmdir (dir);
}

static void
copy_file (const char *from, const char *to)
{
  g_autoptr (GFile) source = g_file_new_for_path (from);
  g_autoptr (GFile) target = g_file_new_for_path (to);
  g_autoptr (GError) error = NULL;

  g_file_copy (source, target, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  g_autoptr (GError) error = NULL;
  const char *seed = g_getenv ("PHAEN_FUZZ_PACKET_OFFICE");

  if (seed == NULL)
    g_error ("set PHAEN_FUZZ_PACKET_OFFICE to fuzz-make-packet's office workspace");
  dir = g_dir_make_tmp ("phaen-fuzz-packet-XXXXXX", &error);
  g_assert_no_error (error);
  office_path = g_build_filename (dir, "office.phaen", NULL);
  input_path = g_build_filename (dir, "input.phaenpkt", NULL);
  merged_path = g_build_filename (dir, "merged.phaen", NULL);
  copy_file (seed, office_path);
  office = phaen_store_open_read_only (office_path, &error);
  g_assert_no_error (error);
  key = _phaen_store_get_meta (office, PHAEN_META_SYNC_KEY);
  workspace = _phaen_store_get_meta (office, PHAEN_META_WORKSPACE);
  g_assert_nonnull (key);
  if (g_getenv ("PHAEN_FUZZ_PACKET_TEMPLATE") != NULL)
    {
      g_autofree char *contents = NULL;
      gsize length = 0;
      const void *found;

      template = phaen_packet_load (g_getenv ("PHAEN_FUZZ_PACKET_TEMPLATE"), 0, &error);
      g_assert_no_error (error);
      g_assert_true (
        g_file_get_contents (g_getenv ("PHAEN_FUZZ_PACKET_TEMPLATE"), &contents, &length, NULL));
      found = memmem (contents, length, g_bytes_get_data (template->changeset, NULL),
                      g_bytes_get_size (template->changeset));
      g_assert_nonnull (found);
      changeset_offset = (const char *)found - contents;
    }
  atexit (cleanup);
  return 0;
}

static PhaenMergeReport *
merge (PhaenStore *store, gboolean dry_run)
{
  const char *paths[] = { input_path, NULL };
  PhaenMergeOptions options = { .dry_run = dry_run, .policy = PHAEN_MERGE_PREFER_UNIT };
  g_autoptr (GError) error = NULL;
  PhaenMergeReport *report = phaen_merge_packets (store, paths, &options, &error);

  /* Every packet gets an outcome; only the workspace itself failing is an error. */
  g_assert_no_error (error);
  g_assert_cmpuint (report->packets->len, ==, 1);
  return report;
}

static gboolean
merged (const PhaenMergeReport *report)
{
  return ((PhaenPacketOutcome *)g_ptr_array_index (report->packets, 0))->status ==
         PHAEN_PACKET_MERGED;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GBytes) bytes = g_bytes_new (data, size);
  g_autoptr (PhaenPacket) packet = NULL;
  g_autoptr (PhaenMergeReport) report = NULL;
  g_autoptr (GBytes) signed_bytes = NULL;
  g_autofree char *secret = NULL;

  if (!g_file_set_contents (input_path, (const char *)data, size, NULL))
    return 0;
  report = merge (office, TRUE);
  g_clear_pointer (&report, phaen_merge_report_free);

  packet = phaen_packet_load_bytes (bytes, NULL);
  if (packet == NULL && template != NULL && size > changeset_offset)
    {
      /* The template's header and files around what lies where its changeset was. */
      g_autoptr (GBytes) own = _phaen_packet_serialize (template, "x");
      gsize length = MIN (size - changeset_offset, g_bytes_get_size (template->changeset));

      packet = phaen_packet_load_bytes (own, NULL);
      g_assert_nonnull (packet);
      g_bytes_unref (packet->changeset);
      packet->changeset = g_bytes_new (data + changeset_offset, length);
    }
  if (packet == NULL)
    return 0;
  secret =
    _phaen_sync_derive_secret (key, workspace, packet->copy, packet->unit, packet->fiscal_year);
  signed_bytes = _phaen_packet_serialize (packet, secret);
  g_assert_true (g_file_set_contents (input_path, g_bytes_get_data (signed_bytes, NULL),
                                      g_bytes_get_size (signed_bytes), NULL));
  report = merge (office, TRUE);
  if (merged (report))
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (PhaenStore) store = NULL;
      g_autoptr (PhaenMergeReport) real = NULL;
      g_autoptr (GPtrArray) indicators = NULL;

      copy_file (office_path, merged_path);
      store = phaen_store_open (merged_path, &error);
      g_assert_no_error (error);
      real = merge (store, FALSE);
      g_clear_object (&store);
      /* What was merged reads back. */
      store = phaen_store_open_read_only (merged_path, &error);
      g_assert_no_error (error);
      indicators = phaen_store_list_indicators (store, 0, 0, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < indicators->len; i++)
        {
          g_autoptr (GPtrArray) results =
            phaen_store_get_results (store, ((PhaenIndicator *)indicators->pdata[i])->id, &error);

          g_assert_no_error (error);
        }
    }
  return 0;
}
