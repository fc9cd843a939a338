/* cli-validate.c — `phaen-cli validate FILE`: problems to fix, exit 1 when there are any
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "cli-common.h"
#include "phaen-validate.h"

int
cli_validate (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new (_ ("FILE — check a workspace"));
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenStore) store = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autofree char *unit = NULL;
  gint64 unit_id = 0;
  int fiscal_year = 0;
  const GOptionEntry entries[] = {
    { "unit", 'u', 0, G_OPTION_ARG_STRING, &unit, N_ ("Only this unit (abbreviation)"), "U" },
    { "fy", 'y', 0, G_OPTION_ARG_INT, &fiscal_year, N_ ("Only this fiscal year (BE)"), "Y" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!cli_parse (context, &argc, &argv, 1))
    return CLI_EXIT_USAGE;

  store = cli_open_store (argv[1], &error);
  if (store == NULL || !cli_resolve_unit (store, unit, &unit_id, &error) ||
      !cli_check_fiscal_year (store, fiscal_year, &error) ||
      !(problems = phaen_validate (store, unit_id, fiscal_year, &error)))
    return cli_fail_error (error);

  for (guint i = 0; i < problems->len; i++)
    g_print ("%s\n", ((PhaenProblem *)g_ptr_array_index (problems, i))->message);
  if (problems->len == 0)
    {
      g_print (_ ("No problems found.\n"));
      return CLI_EXIT_OK;
    }
  g_print (ngettext ("%u problem found.\n", "%u problems found.\n", problems->len), problems->len);
  return CLI_EXIT_FAILED;
}
