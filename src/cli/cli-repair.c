/* cli-repair.c — `phaen-cli repair FILE -o COPY`: Phaen's data of a tampered workspace, in a
 * clean one
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "cli-common.h"

int
cli_repair (int argc, char **argv)
{
  g_autoptr (GOptionContext) context =
    g_option_context_new (_ ("FILE -o COPY — copy Phaen's data of FILE into a clean workspace"));
  g_autoptr (GError) error = NULL;
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_ ("The clean workspace to write"),
      "COPY" },
    { NULL },
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!cli_parse (context, &argc, &argv, 1))
    return CLI_EXIT_USAGE;
  if (output == NULL)
    return cli_fail (CLI_EXIT_USAGE, _ ("say where the clean copy goes with -o COPY"));

  if (!phaen_store_repair_into_copy (argv[1], output, &error))
    return cli_fail_error (error);
  g_print (_ ("Clean copy written: %s\n"), output);
  return CLI_EXIT_OK;
}
