/* cli-export.c — `phaen-cli export FILE --form F -o OUT.xlsx`: the official forms as XLSX
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "cli-common.h"
#include "phaen-xlsx.h"

int
cli_export (int argc, char **argv)
{
  g_autoptr (GOptionContext) context =
    g_option_context_new (_ ("FILE — write the official forms as an XLSX workbook"));
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenStore) store = NULL;
  g_autofree char *form = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *indicator = NULL;
  g_autofree char *font = NULL;
  g_autofree char *out = NULL;
  g_autofree char *orientation = NULL;
  gboolean all = FALSE, thai_digits = FALSE;
  gint64 plan_id = 0;
  int fiscal_year = 0;
  double font_size = 0;
  PhaenXlsxOptions options;
  PhaenXlsxForm chosen;
  const GOptionEntry entries[] = {
    { "form", 0, 0, G_OPTION_ARG_STRING, &form,
      N_ ("plan, indicator, summary, efficiency or pmqa7"), "FORM" },
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_ ("Every form of the unit, one sheet each"), NULL },
    { "unit", 'u', 0, G_OPTION_ARG_STRING, &unit, N_ ("The unit (abbreviation)"), "U" },
    { "fy", 'y', 0, G_OPTION_ARG_INT, &fiscal_year, N_ ("The fiscal year (BE)"), "Y" },
    { "plan", 0, 0, G_OPTION_ARG_INT64, &plan_id, N_ ("Only this plan (id)"), "ID" },
    { "indicator", 0, 0, G_OPTION_ARG_STRING, &indicator, N_ ("Only this indicator (code)"),
      "CODE" },
    { "thai-digits", 0, 0, G_OPTION_ARG_NONE, &thai_digits, N_ ("Write Thai digits"), NULL },
    { "font", 0, 0, G_OPTION_ARG_STRING, &font, N_ ("Font name (default TH SarabunPSK)"), "NAME" },
    { "font-size", 0, 0, G_OPTION_ARG_DOUBLE, &font_size, N_ ("Font size in points (default 16)"),
      "PT" },
    { "orientation", 0, 0, G_OPTION_ARG_STRING, &orientation,
      N_ ("auto (as the official form), landscape or portrait"), "O" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_ ("The workbook to write"), "OUT.xlsx" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!cli_parse (context, &argc, &argv, 1))
    return CLI_EXIT_USAGE;

  if (all == (form != NULL))
    return cli_fail (CLI_EXIT_USAGE, _ ("give either --form FORM or --all"));
  if (all)
    chosen = PHAEN_XLSX_FORM_ALL;
  else if (!phaen_xlsx_form_from_string (form, &chosen) || chosen == PHAEN_XLSX_FORM_ALL)
    return cli_fail (CLI_EXIT_USAGE,
                     _ ("unknown form “%s”: use plan, indicator, summary, efficiency or pmqa7"),
                     form);
  if (out == NULL)
    return cli_fail (CLI_EXIT_USAGE, _ ("give the workbook to write with -o OUT.xlsx"));
  if (!(font_size == 0 ||
        (font_size >= PHAEN_XLSX_MIN_FONT_SIZE && font_size <= PHAEN_XLSX_MAX_FONT_SIZE)))
    return cli_fail (CLI_EXIT_USAGE, _ ("the font size must be between %g and %g points"),
                     PHAEN_XLSX_MIN_FONT_SIZE, PHAEN_XLSX_MAX_FONT_SIZE);

  phaen_xlsx_options_init (&options, chosen);
  options.unit = unit;
  options.fiscal_year = fiscal_year;
  options.plan_id = plan_id;
  options.indicator_code = indicator;
  options.thai_digits = thai_digits;
  options.font_name = font;
  options.font_size = font_size;
  if (orientation != NULL &&
      !phaen_xlsx_orientation_from_string (orientation, &options.orientation))
    return cli_fail (CLI_EXIT_USAGE,
                     _ ("unknown orientation “%s”: use auto, landscape or portrait"), orientation);

  store = cli_open_store (argv[1], &error);
  if (store == NULL || !phaen_xlsx_export (store, &options, out, &error))
    return cli_fail_error (error);
  g_print (_ ("Wrote %s\n"), out);
  return CLI_EXIT_OK;
}
