/* cli-pmqa.c — `phaen-cli pmqa FILE -o OUT.pdf|OUT.xlsx|DIR|OUT.zip`: the PMQA 4.0 application
 * of categories 1–6, its coverage, and its evidence pack
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "cli-common.h"
#include "phaen-error.h"
#include "phaen-pmqa-export.h"

/* The unit and year asked for, else the only application of the unit (or of the workspace),
 * the latest year first. */
static gboolean
choose (PhaenStore *store, const char *unit, int *fiscal_year, gint64 *unit_id, GError **error)
{
  g_autoptr (GPtrArray) all = NULL;
  const PhaenPmqaAssessmentInfo *found = NULL;
  gboolean several_units = FALSE;

  if (!cli_resolve_unit (store, unit, unit_id, error))
    return FALSE;
  if (*unit_id != 0 && *fiscal_year != 0)
    return TRUE;
  all = phaen_store_pmqa_list_assessments (store, error);
  if (all == NULL)
    return FALSE;
  for (guint i = 0; i < all->len; i++)
    {
      const PhaenPmqaAssessmentInfo *info = g_ptr_array_index (all, i);

      if ((*unit_id != 0 && info->unit_id != *unit_id) ||
          (*fiscal_year != 0 && info->fiscal_year != *fiscal_year))
        continue;
      if (found != NULL && found->unit_id != info->unit_id)
        several_units = TRUE;
      found = info;
    }
  if (several_units)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                   _ ("Several units have a PMQA application: choose one with --unit."));
      return FALSE;
    }
  if (found == NULL)
    {
      if (*unit_id != 0 && *fiscal_year != 0)
        return TRUE;
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_NOT_FOUND,
                   _ ("No PMQA application (categories 1–6) was found: give --unit and --fy to "
                      "print an empty one."));
      return FALSE;
    }
  *unit_id = found->unit_id;
  *fiscal_year = found->fiscal_year;
  return TRUE;
}

static void
print_progress (const PhaenPmqaApplication *application)
{
  g_print ("%s — %s %d\n", application->framework->title, application->unit_name,
           application->fiscal_year);
  for (guint c = 0; c < application->categories->len; c++)
    {
      const PhaenPmqaCategoryState *cs = g_ptr_array_index (application->categories, c);

      g_print (_ ("Category %d: %d/%d statements claimed, %d without evidence, %d narratives "
                  "empty, %d over the limit, %d/%d approved\n"),
               cs->category->number, cs->progress.claimed, cs->progress.statements,
               cs->progress.evidence_missing, cs->progress.narratives_empty,
               cs->progress.narratives_over, cs->progress.approved, cs->progress.sub_items);
      for (guint t = 0; t < cs->topics->len; t++)
        {
          const PhaenPmqaTopicState *ts = g_ptr_array_index (cs->topics, t);

          for (guint s = 0; s < ts->sub_items->len; s++)
            {
              const PhaenPmqaSubItemState *ss = g_ptr_array_index (ts->sub_items, s);

              g_print ("  %s  %d/%d  %s %ld\n", ss->item->code, ss->progress.claimed,
                       ss->progress.statements, _ ("characters"), ss->characters);
            }
        }
    }
}

int
cli_pmqa (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new (
    _ ("FILE — the PMQA 4.0 self-assessment (categories 1–6): coverage, PDF, XLSX, evidence"));
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenStore) store = NULL;
  g_autoptr (PhaenPmqaApplication) application = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *out = NULL;
  g_autofree char *lower = NULL;
  gboolean evidence = FALSE;
  int fiscal_year = 0, files = 0;
  gint64 unit_id = 0;
  gboolean ok;
  const GOptionEntry entries[] = {
    { "unit", 'u', 0, G_OPTION_ARG_STRING, &unit, N_ ("The unit (abbreviation)"), "U" },
    { "fy", 'y', 0, G_OPTION_ARG_INT, &fiscal_year, N_ ("The fiscal year (BE)"), "Y" },
    { "evidence", 0, 0, G_OPTION_ARG_NONE, &evidence,
      N_ ("Write the evidence files named by slot into a folder or a .zip"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &out,
      N_ ("The application (.pdf or .xlsx), or with --evidence a folder or .zip"), "OUT" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!cli_parse (context, &argc, &argv, 1))
    return CLI_EXIT_USAGE;
  if (evidence && out == NULL)
    return cli_fail (CLI_EXIT_USAGE, _ ("give the folder or .zip to write with -o"));
  lower = out ? g_ascii_strdown (out, -1) : NULL;
  if (out != NULL && !evidence && !g_str_has_suffix (lower, ".pdf") &&
      !g_str_has_suffix (lower, ".xlsx"))
    return cli_fail (CLI_EXIT_USAGE,
                     _ ("“%s”: the application is written as .pdf or .xlsx (the evidence with "
                        "--evidence)"),
                     out);

  store = cli_open_store (argv[1], &error);
  if (store == NULL || !cli_check_fiscal_year (store, 0, &error) ||
      !choose (store, unit, &fiscal_year, &unit_id, &error))
    return cli_fail_error (error);
  application = phaen_pmqa_application_build (store, unit_id, fiscal_year, &error);
  if (application == NULL)
    return cli_fail_error (error);
  if (out == NULL)
    {
      print_progress (application);
      return CLI_EXIT_OK;
    }
  if (phaen_store_is_own_file (store, out))
    return cli_fail (CLI_EXIT_USAGE, _ ("“%s” is the workspace itself"), out);
  if (evidence)
    ok = phaen_pmqa_write_pack (store, application, out, &files, &error);
  else if (g_str_has_suffix (lower, ".pdf"))
    ok = phaen_pmqa_write_pdf (application, out, &error);
  else
    ok = phaen_pmqa_write_xlsx (application, out, &error);
  if (!ok)
    return cli_fail_error (error);
  if (evidence)
    g_print (
      g_dngettext (GETTEXT_PACKAGE, "Wrote %d file to %s\n", "Wrote %d files to %s\n", files),
      files, out);
  else
    g_print (_ ("Wrote %s\n"), out);
  return CLI_EXIT_OK;
}
