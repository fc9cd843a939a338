/* cli-demo.c — `phaen-cli demo FILE`: the sample workspace, built from data/sample
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <glib/gstdio.h>

#include "cli-common.h"
#include "phaen-demo.h"

static gboolean
remove_workspace (const char *path, GError **error)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      /* unlink, not remove: a folder given by mistake must not be deleted */
      if (g_unlink (file) != 0 && errno != ENOENT)
        {
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno),
                       _ ("“%s” could not be replaced: %s"), file, g_strerror (errno));
          return FALSE;
        }
    }
  return TRUE;
}

int
cli_demo (int argc, char **argv)
{
  g_autoptr (GOptionContext) context =
    g_option_context_new (_ ("FILE — build the sample workspace"));
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenStore) store = NULL;
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force, N_ ("Replace FILE if it exists"), NULL }, { NULL }
  };
  const char *path;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!cli_parse (context, &argc, &argv, 1))
    return CLI_EXIT_USAGE;
  path = argv[1];

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!force)
        return cli_fail (CLI_EXIT_FAILED, _ ("“%s” exists already; use --force to replace it."),
                         path);
      if (!remove_workspace (path, &error))
        return cli_fail_error (error);
    }

  store = phaen_store_create (path, &error);
  if (store == NULL || !phaen_demo_load_dir (store, phaen_demo_sample_dir (), &error))
    {
      g_clear_object (&store);
      remove_workspace (path, NULL);
      return cli_fail_error (error);
    }
  g_print (_ ("Sample workspace written to %s\n"), path);
  return CLI_EXIT_OK;
}
