/* cli-send.c — `phaen-cli send-to-units FILE --fy Y [--unit U…] -o DIR`: one copy per unit
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <unistd.h>

#include "cli-common.h"
#include "phaen-unit-copy.h"
#include "phaen-validate.h"

static void
progress_cb (guint done, guint total, gpointer user_data)
{
  if (isatty (STDERR_FILENO))
    g_printerr ("\r%u/%u", done, total);
  if (done == total && isatty (STDERR_FILENO))
    g_printerr ("\n");
}

int
cli_send (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new (
    _ ("FILE --fy YEAR -o FOLDER — write one workspace per unit for its heads to report in"));
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenStore) store = NULL;
  g_autoptr (GArray) unit_ids = NULL;
  g_autoptr (GPtrArray) written = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_auto (GStrv) units = NULL;
  g_autofree char *folder = NULL;
  int fiscal_year = 0;
  const GOptionEntry entries[] = {
    { "fy", 0, 0, G_OPTION_ARG_INT, &fiscal_year, N_ ("The fiscal year (BE), e.g. 2564"), "YEAR" },
    { "unit", 'u', 0, G_OPTION_ARG_STRING_ARRAY, &units,
      N_ ("A unit to send to (repeat for more); default: every unit with indicators or plans "
          "that year"),
      "UNIT" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &folder, N_ ("The folder the copies go to"),
      "FOLDER" },
    { NULL },
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!cli_parse (context, &argc, &argv, 1))
    return CLI_EXIT_USAGE;
  if (fiscal_year == 0)
    return cli_fail (CLI_EXIT_USAGE, _ ("say which fiscal year with --fy YEAR"));
  if (folder == NULL)
    return cli_fail (CLI_EXIT_USAGE, _ ("say where the copies go with -o FOLDER"));

  store = phaen_store_open (argv[1], &error);
  if (store == NULL || !(problems = phaen_validate (store, 0, 0, &error)))
    return cli_fail_error (error);
  if (units != NULL)
    {
      unit_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      for (guint i = 0; units[i] != NULL; i++)
        {
          gint64 id = 0;

          if (!cli_resolve_unit (store, units[i], &id, &error))
            return cli_fail_error (error);
          g_array_append_val (unit_ids, id);
        }
    }
  written =
    phaen_unit_copies_write (store, fiscal_year, unit_ids, folder, progress_cb, NULL, NULL, &error);
  if (written == NULL)
    return cli_fail_error (error);
  for (guint i = 0; i < written->len; i++)
    g_print ("%s\n", (const char *)g_ptr_array_index (written, i));
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u unit copy written for fiscal year %d\n",
                        "%u unit copies written for fiscal year %d\n", written->len),
           written->len, fiscal_year);
  return CLI_EXIT_OK;
}
