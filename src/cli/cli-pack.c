/* cli-pack.c — `phaen-cli pack UNITCOPY -o FILE`: the unit's result packet for the office
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "cli-common.h"
#include "phaen-unit-copy.h"

int
cli_pack (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new (
    _ ("UNITCOPY [-o FILE] — write the results entered since the last packet, for the office"));
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenStore) store = NULL;
  g_autoptr (PhaenUnitCopyInfo) info = NULL;
  g_autofree char *output = NULL;
  g_autofree char *by = NULL;
  g_autofree char *size = NULL;
  int quarter = 0;
  PhaenPackSummary summary = { 0 };
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_ ("The packet file (default: named after the unit, year and quarter, beside UNITCOPY)"),
      "FILE" },
    { "quarter", 'q', 0, G_OPTION_ARG_INT, &quarter,
      N_ ("The quarter reported (1-4; default: the latest changed)"), "Q" },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by, N_ ("Who sends it (default: the user's name)"),
      "NAME" },
    { NULL },
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!cli_parse (context, &argc, &argv, 1))
    return CLI_EXIT_USAGE;
  if (quarter < 0 || quarter > PHAEN_QUARTERS)
    return cli_fail (CLI_EXIT_USAGE, _ ("%d is not a quarter: give 1, 2, 3 or 4."), quarter);

  store = phaen_store_open (argv[1], &error);
  if (store == NULL || !(info = phaen_unit_copy_get_info (store, &error)))
    return cli_fail_error (error);
  if (output == NULL)
    {
      g_autofree char *name = phaen_unit_copy_packet_name (store, quarter, &error);
      g_autofree char *dir = g_path_get_dirname (argv[1]);

      if (name == NULL)
        return cli_fail_error (error);
      output = g_build_filename (dir, name, NULL);
    }
  if (!phaen_unit_copy_pack (store, quarter, by, output, &summary, &error))
    return cli_fail_error (error);
  g_print (_ ("Result packet %u of %s, fiscal year %d, quarter %d: %s\n"), summary.seq,
           info->unit_abbr, info->fiscal_year, summary.quarter, output);
  size = g_format_size (summary.bytes);
  g_print (_ ("  results %u · evidence %u (files %u) · progress %u · PMQA %u · %s\n"),
           summary.results, summary.evidence, summary.files, summary.progress, summary.pmqa, size);
  return CLI_EXIT_OK;
}
