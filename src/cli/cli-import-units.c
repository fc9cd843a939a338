/* cli-import-units.c — `phaen-cli import-units WS FILE [--dry-run]`: organisation units from a
 * CSV, TSV or XLSX list
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "cli-common.h"
#include "phaen-unit-import.h"

int
cli_import_units (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new (
    _ ("WORKSPACE FILE — add the organisation units listed in a CSV, TSV or XLSX file"));
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenStore) store = NULL;
  g_autoptr (PhaenTable) table = NULL;
  g_autoptr (PhaenUnitImport) import = NULL;
  gboolean dry_run = FALSE;
  int sheet = 1;
  int added = 0;
  const GOptionEntry entries[] = {
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_ ("Only show what would be imported; change nothing"), NULL },
    { "sheet", 0, 0, G_OPTION_ARG_INT, &sheet, N_ ("The sheet of a workbook (1 = the first)"),
      "N" },
    { NULL },
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!cli_parse (context, &argc, &argv, 2))
    return CLI_EXIT_USAGE;
  if (sheet < 1)
    return cli_fail (CLI_EXIT_USAGE, _ ("--sheet counts from 1"));

  table = phaen_table_read_file (argv[2], (guint)sheet - 1, &error);
  if (table == NULL)
    return cli_fail_error (error);
  store = dry_run ? cli_open_store (argv[1], &error) : phaen_store_open (argv[1], &error);
  if (store == NULL)
    return cli_fail_error (error);
  import = phaen_unit_import_prepare (store, table, &error);
  if (import == NULL)
    return cli_fail_error (error);

  for (guint i = 0; i < import->rows->len; i++)
    {
      const PhaenUnitImportRow *row = g_ptr_array_index (import->rows, i);

      if (row->status == PHAEN_UNIT_IMPORT_ERROR)
        g_printerr (_ ("row %u: %s\n"), row->row, row->message);
      else if (row->status == PHAEN_UNIT_IMPORT_EXISTS)
        g_print (_ ("row %u: %s\n"), row->row, row->message);
    }
  if (!dry_run && import->n_new > 0)
    {
      added = phaen_unit_import_apply (import, store, &error);
      if (added < 0)
        return cli_fail_error (error);
    }
  if (dry_run)
    g_print (_ ("%u units would be added, %u are already in the workspace, %u rows have "
                "errors.\n"),
             import->n_new, import->n_exists, import->n_errors);
  else
    g_print (_ ("%d units added, %u already in the workspace, %u rows with errors left out.\n"),
             added, import->n_exists, import->n_errors);
  return import->n_errors > 0 ? CLI_EXIT_FAILED : CLI_EXIT_OK;
}
