/* cli-merge.c — `phaen-cli merge FILE PACKET… [--dry-run]`: the units' results into the office
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "cli-common.h"
#include "phaen-merge.h"
#include "phaen-validate.h"

static const char *
status_text (const PhaenPacketOutcome *outcome, gboolean dry_run)
{
  switch (outcome->status)
    {
    case PHAEN_PACKET_MERGED:
      return dry_run ? _ ("would merge") : _ ("merged");
    case PHAEN_PACKET_ALREADY_MERGED:
      return _ ("already merged: nothing changed");
    case PHAEN_PACKET_REFUSED:
    default:
      return _ ("refused");
    }
}

static const char *
choice_text (PhaenMergeChoice choice)
{
  switch (choice)
    {
    case PHAEN_MERGE_CHOICE_OFFICE:
      return _ ("kept the office's value");
    case PHAEN_MERGE_CHOICE_UNIT:
      return _ ("took the unit's value");
    case PHAEN_MERGE_CHOICE_NONE:
    default:
      return _ ("left as the office has it: decide it");
    }
}

int
cli_merge (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new (
    _ ("FILE PACKET|FOLDER… — import the units' result packets into the office's workspace"));
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenStore) store = NULL;
  g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (PhaenMergeReport) report = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autofree char *prefer = NULL;
  gboolean dry_run = FALSE;
  int fiscal_year = 0;
  gboolean failed = FALSE;
  PhaenMergeOptions options = { 0 };
  const GOptionEntry entries[] = {
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_ ("Check the packets and print what would change; write nothing"), NULL },
    { "prefer", 0, 0, G_OPTION_ARG_STRING, &prefer,
      N_ ("Where the office and a unit both changed a result: keep the office's value (office) "
          "or take the unit's (unit); without it such results are left as the office has them "
          "and listed, and importing the packet again decides them"),
      "office|unit" },
    { "fy", 0, 0, G_OPTION_ARG_INT, &fiscal_year,
      N_ ("Refuse packets of any other fiscal year (BE)"), "YEAR" },
    { NULL },
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return cli_fail (CLI_EXIT_USAGE, "%s", error->message);
  if (argc < 3)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      cli_fail (CLI_EXIT_USAGE, _ ("wrong number of arguments"));
      g_printerr ("%s", help);
      return CLI_EXIT_USAGE;
    }
  if (prefer == NULL)
    options.policy = PHAEN_MERGE_KEEP_CONFLICTS;
  else if (g_str_equal (prefer, "office"))
    options.policy = PHAEN_MERGE_PREFER_OFFICE;
  else if (g_str_equal (prefer, "unit"))
    options.policy = PHAEN_MERGE_PREFER_UNIT;
  else
    return cli_fail (CLI_EXIT_USAGE, _ ("--prefer takes “office” or “unit”"));
  options.dry_run = dry_run;
  options.fiscal_year = fiscal_year;

  for (int i = 2; i < argc; i++)
    {
      if (g_file_test (argv[i], G_FILE_TEST_IS_DIR))
        {
          g_autoptr (GPtrArray) found = phaen_merge_list_folder (argv[i], &error);

          if (found == NULL)
            return cli_fail_error (error);
          for (guint f = 0; f < found->len; f++)
            g_ptr_array_add (paths, g_strdup (g_ptr_array_index (found, f)));
        }
      else
        g_ptr_array_add (paths, g_strdup (argv[i]));
    }
  g_ptr_array_add (paths, NULL);

  store =
    dry_run ? phaen_store_open_read_only (argv[1], &error) : phaen_store_open (argv[1], &error);
  if (store == NULL || !(problems = phaen_validate (store, 0, 0, &error)))
    return cli_fail_error (error);
  report = phaen_merge_packets (store, (const char *const *)paths->pdata, &options, &error);
  if (report == NULL)
    return cli_fail_error (error);

  for (guint i = 0; i < report->packets->len; i++)
    {
      const PhaenPacketOutcome *o = g_ptr_array_index (report->packets, i);
      g_autofree char *base = g_path_get_basename (o->path);

      g_print ("%s: %s\n", base, status_text (o, dry_run));
      if (o->status == PHAEN_PACKET_REFUSED)
        {
          g_print ("  %s\n", o->message);
          failed = TRUE;
          continue;
        }
      g_print (_ ("  %s · fiscal year %d · quarter %d · packet %u · sent by %s at %s\n"),
               o->unit_abbr, o->fiscal_year, o->quarter, o->seq, o->created_by, o->created_at);
      if (o->status == PHAEN_PACKET_MERGED)
        g_print (_ ("  results %u · evidence %u · progress %u · PMQA %u · skipped %u · conflicts "
                    "left %u\n"),
                 o->results, o->evidence, o->progress, o->pmqa, o->skipped, o->conflicts);
      failed = failed || o->conflicts > 0;
    }
  for (guint i = 0; i < report->conflicts->len; i++)
    {
      const PhaenMergeConflict *c = g_ptr_array_index (report->conflicts, i);

      g_print (_ ("conflict: %s (%s): %s\n"), c->subject, c->unit_abbr, choice_text (c->applied));
      for (guint f = 0; f < c->fields->len; f++)
        {
          const PhaenMergeField *field = g_ptr_array_index (c->fields, f);

          g_print (_ ("  %s: office “%s” (%s) · unit “%s” (%s, %s)\n"), field->label, field->office,
                   c->office_when ? c->office_when : "-", field->unit,
                   c->unit_who ? c->unit_who : "-", c->unit_when ? c->unit_when : "-");
        }
    }
  return failed ? CLI_EXIT_FAILED : CLI_EXIT_OK;
}
