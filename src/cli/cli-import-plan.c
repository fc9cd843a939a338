/* cli-import-plan.c — `phaen-cli import-plan WS FILE --unit U [--fy Y]`: a plan from our own
 * XLSX export or any table with a header row
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "cli-common.h"
#include "phaen-plan-import.h"

int
cli_import_plan (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new (
    _ ("WORKSPACE FILE --unit U — add a plan from a CSV, TSV or XLSX activity table"));
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenStore) store = NULL;
  g_autoptr (PhaenTable) table = NULL;
  g_autoptr (PhaenPlanImport) import = NULL;
  g_autofree char *unit_abbr = NULL;
  g_autofree char *title = NULL;
  gboolean dry_run = FALSE;
  int fiscal_year = 0, sheet = 1;
  gint64 unit_id = 0, plan_id;
  guint imported = 0;
  const GOptionEntry entries[] = {
    { "unit", 'u', 0, G_OPTION_ARG_STRING, &unit_abbr, N_ ("The unit the plan belongs to"),
      "ABBR" },
    { "fy", 0, 0, G_OPTION_ARG_INT, &fiscal_year,
      N_ ("Fiscal year (BE); by default the one the file's title names"), "YEAR" },
    /* Thai on purpose: the form's own name for the field. */
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_ ("The plan's title (ชื่อแผน)"), "TEXT" },
    { "sheet", 0, 0, G_OPTION_ARG_INT, &sheet, N_ ("The sheet of a workbook (1 = the first)"),
      "N" },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_ ("Only show what would be imported; change nothing"), NULL },
    { NULL },
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!cli_parse (context, &argc, &argv, 2))
    return CLI_EXIT_USAGE;
  if (unit_abbr == NULL)
    return cli_fail (CLI_EXIT_USAGE, _ ("say which unit the plan belongs to with --unit"));
  if (sheet < 1)
    return cli_fail (CLI_EXIT_USAGE, _ ("--sheet counts from 1"));

  table = phaen_table_read_file (argv[2], (guint)sheet - 1, &error);
  if (table == NULL)
    return cli_fail_error (error);
  import = phaen_plan_import_prepare (table, &error);
  if (import == NULL)
    return cli_fail_error (error);
  store = dry_run ? cli_open_store (argv[1], &error) : phaen_store_open (argv[1], &error);
  if (store == NULL || !cli_resolve_unit (store, unit_abbr, &unit_id, &error))
    return cli_fail_error (error);

  for (guint c = 0; c < import->columns->len; c++)
    {
      g_autofree char *role =
        phaen_plan_column_describe (&g_array_index (import->columns, PhaenPlanColumn, c));

      g_print (_ ("column %u “%s”: %s\n"), c + 1,
               (const char *)g_ptr_array_index (import->headers, c), role);
    }
  for (guint i = 0; i < import->rows->len; i++)
    {
      const PhaenPlanImportRow *row = g_ptr_array_index (import->rows, i);

      if (row->error)
        g_printerr (_ ("row %u: %s\n"), row->row, row->error);
      else
        imported++;
    }
  if (dry_run)
    {
      g_print (_ ("%u activities would be imported, %u rows have errors.\n"), imported,
               import->n_errors);
      return import->n_errors > 0 ? CLI_EXIT_FAILED : CLI_EXIT_OK;
    }
  plan_id = phaen_plan_import_apply (import, store, unit_id, fiscal_year, title, &error);
  if (plan_id == 0)
    return cli_fail_error (error);
  g_print (_ ("Plan %" PRId64 " added with %u activities; %u rows with errors left "
              "out.\n"),
           plan_id, imported, import->n_errors);
  return import->n_errors > 0 ? CLI_EXIT_FAILED : CLI_EXIT_OK;
}
