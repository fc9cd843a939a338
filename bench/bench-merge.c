/* bench-merge.c — the office imports 826 result packets, one per unit of the ministry
 * workspace, beside entering the same results directly
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The ministry workspace (bench-ministry.c: 826 units, ~8,000 indicators) is sent to every
 * unit; each unit copy enters a new quarter-4 result for each of its indicators and writes its
 * packet. Timed: sending the 826 copies, merging the 826 packets in one import, and, as the
 * floor, the same rows entered directly in the office's workspace — one acknowledged edit each
 * (what an officer typing them gets) and all in one transaction (the least any import can
 * cost). Prints times and ratios; nothing is asserted. */
#define G_LOG_DOMAIN "phaen-bench"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "bench-ministry.h"
#include "phaen-merge.h"
#include "phaen-unit-copy.h"

static G_GNUC_NORETURN void
die (const GError *error)
{
  g_printerr ("bench-merge: %s\n", error ? error->message : "failed");
  exit (1);
}

static char *
new_value (const PhaenIndicator *indicator)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, (indicator->id * 13) % 826 + 1);
}

static void
copy_file (const char *from, const char *to)
{
  g_autoptr (GFile) source = g_file_new_for_path (from);
  g_autoptr (GFile) target = g_file_new_for_path (to);
  g_autoptr (GError) error = NULL;

  if (!g_file_copy (source, target, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error))
    die (error);
}

/* The unit head's work: a new quarter-4 result for every indicator, then the packet. */
static char *
report (const char *copy, const char *folder)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenStore) store = phaen_store_open (copy, &error);
  g_autoptr (GPtrArray) indicators = NULL;
  g_autofree char *name = NULL;
  char *path;

  if (store == NULL || !(indicators = phaen_store_list_indicators (store, 0, 0, &error)) ||
      !phaen_store_begin (store, "bench", &error))
    die (error);
  for (guint i = 0; i < indicators->len; i++)
    {
      const PhaenIndicator *indicator = g_ptr_array_index (indicators, i);
      g_autofree char *value = new_value (indicator);

      if (!phaen_store_set_result (store, indicator->id, 4, value, "รายงานผลไตรมาสที่ 4", "", &error))
        die (error);
    }
  if (!phaen_store_commit (store, &error) ||
      !(name = phaen_unit_copy_packet_name (store, 4, &error)))
    die (error);
  path = g_build_filename (folder, name, NULL);
  if (!phaen_unit_copy_pack (store, 4, "bench", path, NULL, &error))
    die (error);
  return path;
}

static double
enter_directly (const char *path, gboolean one_transaction, guint *rows)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenStore) store = phaen_store_open (path, &error);
  g_autoptr (GPtrArray) indicators = NULL;
  double start;

  if (store == NULL || !(indicators = phaen_store_list_indicators (store, 0, 0, &error)))
    die (error);
  start = bench_seconds ();
  if (one_transaction && !phaen_store_begin (store, "bench", &error))
    die (error);
  for (guint i = 0; i < indicators->len; i++)
    {
      const PhaenIndicator *indicator = g_ptr_array_index (indicators, i);
      g_autofree char *value = new_value (indicator);

      if (!phaen_store_set_result (store, indicator->id, 4, value, "รายงานผลไตรมาสที่ 4", "", &error))
        die (error);
    }
  if (one_transaction && !phaen_store_commit (store, &error))
    die (error);
  *rows = indicators->len;
  return bench_seconds () - start;
}

int
main (int argc, char *argv[])
{
  BenchMinistrySize size = BENCH_MINISTRY_FULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("phaen-bench-merge-XXXXXX", &error);
  g_autofree char *office = NULL;
  g_autofree char *copies = NULL;
  g_autofree char *packets_dir = NULL;
  g_autofree char *merged = NULL;
  g_autofree char *direct = NULL;
  g_autofree char *direct_one = NULL;
  g_autoptr (GPtrArray) written = NULL;
  g_autoptr (GPtrArray) packets = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (PhaenMergeReport) report_ = NULL;
  double start, t_fill, t_send, t_report, t_merge, t_direct, t_direct_one;
  guint rows = 0, rows_one = 0, merged_rows = 0, refused = 0;
  gint64 packet_bytes = 0;

  if (dir == NULL)
    die (error);
  /* PHAEN_BENCH_UNITS=N: a smaller ministry of the same shape, for profiling. */
  if (g_getenv ("PHAEN_BENCH_UNITS") != NULL)
    {
      guint units = CLAMP (g_ascii_strtoull (g_getenv ("PHAEN_BENCH_UNITS"), NULL, 10), 1, 826);

      size.activities = size.activities * units / size.units;
      size.indicators = size.indicators * units / size.units;
      size.units = units;
    }
  office = g_build_filename (dir, "office.phaen", NULL);
  copies = g_build_filename (dir, "copies", NULL);
  packets_dir = g_build_filename (dir, "packets", NULL);
  merged = g_build_filename (dir, "merged.phaen", NULL);
  direct = g_build_filename (dir, "direct.phaen", NULL);
  direct_one = g_build_filename (dir, "direct-one.phaen", NULL);
  g_mkdir (packets_dir, 0700);

  start = bench_seconds ();
  {
    g_autoptr (PhaenStore) store = phaen_store_create (office, &error);

    if (store == NULL || !phaen_store_add_fiscal_year (store, size.fiscal_year, &error) ||
        bench_ministry_fill (store, &size, &error) == 0)
      die (error);
    t_fill = bench_seconds () - start;

    start = bench_seconds ();
    written =
      phaen_unit_copies_write (store, size.fiscal_year, NULL, copies, NULL, NULL, NULL, &error);
    if (written == NULL)
      die (error);
    t_send = bench_seconds () - start;
  }
  g_print ("ministry workspace: %u units, %u indicators (built in %.1f s)\n", size.units,
           size.indicators, t_fill);
  g_print ("send-to-units: %u unit copies in %.2f s (%.1f ms each)\n", written->len, t_send,
           t_send * 1e3 / written->len);

  start = bench_seconds ();
  for (guint i = 0; i < written->len; i++)
    {
      char *path = report (g_ptr_array_index (written, i), packets_dir);
      GStatBuf st;

      if (g_stat (path, &st) == 0)
        packet_bytes += st.st_size;
      g_ptr_array_add (packets, path);
    }
  t_report = bench_seconds () - start;
  g_print ("units report (enter, pack): %u packets in %.2f s, %.1f KB on average\n", packets->len,
           t_report, packet_bytes / 1e3 / packets->len);

  copy_file (office, merged);
  copy_file (office, direct);
  copy_file (office, direct_one);

  {
    g_autoptr (PhaenStore) store = phaen_store_open (merged, &error);

    g_ptr_array_add (packets, NULL);
    if (store == NULL)
      die (error);
    start = bench_seconds ();
    report_ = phaen_merge_packets (store, (const char *const *)packets->pdata, NULL, &error);
    t_merge = bench_seconds () - start;
    if (report_ == NULL)
      die (error);
    for (guint i = 0; i < report_->packets->len; i++)
      {
        const PhaenPacketOutcome *o = g_ptr_array_index (report_->packets, i);

        merged_rows += o->results;
        refused += o->status != PHAEN_PACKET_MERGED;
      }
  }
  t_direct_one = enter_directly (direct_one, TRUE, &rows_one);
  t_direct = enter_directly (direct, FALSE, &rows);

  g_print ("merge: %u packets, %u results, %u refused in %.2f s (%.1f ms a packet)\n",
           report_->packets->len, merged_rows, refused, t_merge,
           t_merge * 1e3 / report_->packets->len);
  g_print ("direct, one edit per result: %u results in %.2f s\n", rows, t_direct);
  g_print ("direct, one transaction:     %u results in %.2f s\n", rows_one, t_direct_one);
  g_print ("ratio merge / direct one edit each: %.2f\n", t_merge / t_direct);
  g_print ("ratio merge / direct one transaction: %.2f\n", t_merge / t_direct_one);

  {
    g_autofree char *command = g_strdup_printf ("rm -rf '%s'", dir);

    if (system (command) != 0)
      g_printerr ("bench-merge: %s was not removed\n", dir);
  }
  return 0;
}
