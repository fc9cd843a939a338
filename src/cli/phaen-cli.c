/* phaen-cli.c — the command line of Phaen: build, inspect, score and check workspaces
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "cli-common.h"

static const CliCommand commands[] = {
  { "budget", "budget FILE PLAN-ID [--json] [--as-of DATE]",
    N_ ("A plan's quarterly budget against the cabinet's disbursement targets"), cli_budget },
  { "chart",
    "chart FILE --kind gantt|progress|score|budget [--unit U] [--fy Y] [--plan ID] "
    "[--indicator CODE] -o OUT.png|.pdf|.svg [--width W --height H] [--paper A4|A3]",
    N_ ("Draw a plan chart, an indicator's progress, weighted scores or the budget"), cli_chart },
  { "demo", "demo [--force] FILE", N_ ("Build the sample workspace from the bundled data"),
    cli_demo },
  { "duplicate-plan", "duplicate-plan FILE (--plan ID | --unit U --fy Y) [--to YEAR]",
    N_ ("Copy a plan and its indicators into the next fiscal year"), cli_duplicate_plan },
  { "export", "export FILE (--form F | --all) [--unit U] [--fy Y] -o OUT.xlsx",
    N_ ("Write the official forms as an XLSX workbook"), cli_export },
  { "import-plan", "import-plan FILE TABLE --unit U [--fy Y] [--title T] [--dry-run]",
    N_ ("Add a plan from a CSV, TSV or XLSX activity table"), cli_import_plan },
  { "import-units", "import-units FILE TABLE [--dry-run]",
    N_ ("Add organisation units from a CSV, TSV or XLSX list"), cli_import_units },
  { "info", "info FILE", N_ ("Describe a workspace"), cli_info },
  { "merge", "merge FILE PACKET|FOLDER… [--dry-run] [--prefer office|unit] [--fy Y]",
    N_ ("Import the units' result packets into the office's workspace"), cli_merge },
  { "pack", "pack UNITCOPY [-o FILE] [--quarter Q] [--by NAME]",
    N_ ("Write a unit copy's result packet for the office"), cli_pack },
  { "plan", "plan FILE PLAN-ID [--json]", N_ ("A plan's activities by month with its totals row"),
    cli_plan },
  { "pmqa", "pmqa FILE [--unit U] [--fy Y] [-o OUT.pdf|OUT.xlsx] [--evidence -o DIR|OUT.zip]",
    N_ ("PMQA 4.0 categories 1–6: coverage, the application as PDF or XLSX, the evidence"),
    cli_pmqa },
  { "repair", "repair FILE -o COPY",
    N_ ("Copy the data of a workspace changed by another program into a clean one"), cli_repair },
  { "score", "score FILE [--unit U] [--fy Y] [--json]",
    N_ ("Indicators × quarters with results, scores and weighted scores"), cli_score },
  { "send-to-units", "send-to-units FILE --fy Y [--unit U…] -o FOLDER",
    N_ ("Write one workspace per unit for its heads to report in"), cli_send },
  { "status", "status FILE --fy Y --quarter Q [--missing OUT.csv|.xlsx]",
    N_ ("Which units have sent their results for a quarter"), cli_status },
  { "validate", "validate FILE [--unit U] [--fy Y]",
    N_ ("Check weights, criteria and required fields; exit 1 on problems"), cli_validate },
};

static int
usage (void)
{
  g_printerr ("%s\n", _ ("Usage: phaen-cli COMMAND [OPTIONS] FILE"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_printerr ("  %-48s %s\n", commands[i].synopsis, _ (commands[i].summary));
  return CLI_EXIT_USAGE;
}

int
main (int argc, char *argv[])
{
  /* PHAEN_LOCALEDIR points at uninstalled catalogues (build/po), as it does for the app. */
  const char *localedir = g_getenv ("PHAEN_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    return usage ();
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") ||
      g_str_equal (argv[1], "help"))
    {
      usage ();
      return CLI_EXIT_OK;
    }
  if (g_str_equal (argv[1], "--version"))
    {
      g_print ("phaen-cli %s\n", PACKAGE_VERSION);
      return CLI_EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      return commands[i].run (argc - 1, argv + 1);

  cli_fail (CLI_EXIT_USAGE, _ ("unknown command “%s”"), argv[1]);
  return usage ();
}
