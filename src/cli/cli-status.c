/* cli-status.c — `phaen-cli status FILE --fy Y --quarter Q`: who has reported
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "cli-common.h"
#include "phaen-collection.h"

int
cli_status (int argc, char **argv)
{
  g_autoptr (GOptionContext) context =
    g_option_context_new (_ ("FILE --fy YEAR --quarter Q — which units have sent their results"));
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenStore) store = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autofree char *missing = NULL;
  int fiscal_year = 0, quarter = 0;
  guint received = 0;
  const GOptionEntry entries[] = {
    { "fy", 0, 0, G_OPTION_ARG_INT, &fiscal_year, N_ ("The fiscal year (BE), e.g. 2564"), "YEAR" },
    { "quarter", 'q', 0, G_OPTION_ARG_INT, &quarter, N_ ("The quarter (1-4)"), "Q" },
    { "missing", 0, 0, G_OPTION_ARG_FILENAME, &missing,
      N_ ("Write the units that have not reported, for the reminder e-mail (.csv or .xlsx)"),
      "FILE" },
    { NULL },
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!cli_parse (context, &argc, &argv, 1))
    return CLI_EXIT_USAGE;
  if (fiscal_year == 0 || quarter == 0)
    return cli_fail (CLI_EXIT_USAGE, _ ("say which year and quarter with --fy YEAR --quarter Q"));

  store = cli_open_store (argv[1], &error);
  if (store == NULL || !(rows = phaen_collection_list (store, fiscal_year, quarter, &error)))
    return cli_fail_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      const PhaenCollectionRow *row = g_ptr_array_index (rows, i);
      g_autofree char *abbr = cli_pad (row->abbr, 14);

      received += row->received;
      if (row->received)
        g_print (_ ("%s received %s (%s) · results %u/%u · evidence %u/%u%s\n"), abbr,
                 row->received_at, row->sent_by ? row->sent_by : "-", row->with_result,
                 row->indicators, row->with_evidence, row->indicators,
                 row->pending ? _ (" · conflicts to decide") : "");
      else
        g_print (_ ("%s not received · results %u/%u · evidence %u/%u\n"), abbr, row->with_result,
                 row->indicators, row->with_evidence, row->indicators);
    }
  g_print (_ ("Fiscal year %d, quarter %d: %u of %u units have reported\n"), fiscal_year, quarter,
           received, rows->len);
  if (missing != NULL)
    {
      gboolean xlsx = g_str_has_suffix (missing, ".xlsx") || g_str_has_suffix (missing, ".XLSX");

      if (!(xlsx ? phaen_collection_write_missing_xlsx (rows, fiscal_year, quarter, missing, &error)
                 : phaen_collection_write_missing_csv (rows, missing, &error)))
        return cli_fail_error (error);
      g_print (_ ("Units not yet reported written to %s\n"), missing);
    }
  return CLI_EXIT_OK;
}
