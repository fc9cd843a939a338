/* cli-chart.c — `phaen-cli chart FILE`: a plan chart, progress, scores or budget as PNG/PDF/SVG
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-cli"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n.h>

#include "cli-common.h"
#include "phaen-chart-file.h"
#include "phaen-plan-document.h"

typedef struct
{
  PhaenStore *store;
  gint64 unit_id;  /* 0: any */
  int fiscal_year; /* 0: any */
} Filter;

static const char *
unit_abbr (PhaenStore *store, gint64 unit_id, GHashTable *cache)
{
  const char *abbr = g_hash_table_lookup (cache, &unit_id);

  if (abbr == NULL)
    {
      g_autoptr (PhaenUnit) unit = phaen_store_get_unit (store, unit_id, NULL);
      gint64 *key = g_new (gint64, 1);

      *key = unit_id;
      abbr = unit ? unit->abbr : "?";
      g_hash_table_insert (cache, key, g_strdup (abbr));
      abbr = g_hash_table_lookup (cache, key);
    }
  return abbr;
}

/* ------------------------------------------------------------------ choosing what to draw */

static int
choose_plan (const Filter *filter, gint64 plan_id, gint64 *out_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) plans = NULL;
  g_autoptr (GHashTable) abbrs =
    g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  if (plan_id != 0)
    {
      g_autoptr (PhaenPlan) plan = phaen_store_get_plan (filter->store, plan_id, &error);

      if (plan == NULL)
        return cli_fail (CLI_EXIT_FAILED, _ ("The workspace has no plan %" PRId64 "."), plan_id);
      if ((filter->unit_id && plan->unit_id != filter->unit_id) ||
          (filter->fiscal_year && plan->fiscal_year != filter->fiscal_year))
        return cli_fail (CLI_EXIT_FAILED,
                         _ ("Plan %" PRId64 " belongs to %s in fiscal year %d, not to "
                            "the unit or year asked for."),
                         plan_id, unit_abbr (filter->store, plan->unit_id, abbrs),
                         plan->fiscal_year);
      *out_id = plan_id;
      return CLI_EXIT_OK;
    }

  plans = phaen_store_list_plans (filter->store, filter->unit_id, filter->fiscal_year, &error);
  if (plans == NULL)
    return cli_fail_error (error);
  if (plans->len == 0)
    return cli_fail (CLI_EXIT_FAILED, _ ("No plan matches the unit and fiscal year asked for."));
  if (plans->len > 1)
    {
      cli_fail (CLI_EXIT_USAGE, _ ("%u plans match; choose one with --plan:"), plans->len);
      for (guint i = 0; i < plans->len; i++)
        {
          const PhaenPlan *plan = g_ptr_array_index (plans, i);

          g_printerr ("  %" G_GINT64_FORMAT "  %s  %d  %s\n", plan->id,
                      unit_abbr (filter->store, plan->unit_id, abbrs), plan->fiscal_year,
                      plan->title);
        }
      return CLI_EXIT_USAGE;
    }
  *out_id = ((PhaenPlan *)g_ptr_array_index (plans, 0))->id;
  return CLI_EXIT_OK;
}

/* TRUE the first time @seen meets @indicator's unit and year. */
static gboolean
first_of_unit_year (GHashTable *seen, const PhaenIndicator *indicator)
{
  return g_hash_table_add (
    seen, g_strdup_printf ("%" G_GINT64_FORMAT "/%d", indicator->unit_id, indicator->fiscal_year));
}

static int
choose_indicator (const Filter *filter, const char *code, gint64 *out_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) indicators = NULL;
  g_autoptr (GPtrArray) matches =
    g_ptr_array_new_with_free_func ((GDestroyNotify)phaen_indicator_free);
  g_autoptr (GHashTable) abbrs =
    g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  indicators =
    phaen_store_list_indicators (filter->store, filter->unit_id, filter->fiscal_year, &error);
  if (indicators == NULL)
    return cli_fail_error (error);
  /* The store's own lookup ignores spaces ("สตป.02" = "สตป. 02"): ask it once per unit-year. */
  for (guint i = 0; i < indicators->len; i++)
    {
      const PhaenIndicator *each = g_ptr_array_index (indicators, i);
      g_autoptr (PhaenIndicator) found = NULL;

      if (!first_of_unit_year (seen, each))
        continue;
      found =
        phaen_store_find_indicator (filter->store, each->unit_id, each->fiscal_year, code, NULL);
      if (found)
        g_ptr_array_add (matches, g_steal_pointer (&found));
    }
  if (matches->len == 0)
    return cli_fail (CLI_EXIT_FAILED, _ ("No indicator has the code “%s”."), code);
  if (matches->len > 1)
    {
      cli_fail (CLI_EXIT_USAGE, _ ("%u indicators have the code “%s”; choose with --unit or --fy:"),
                matches->len, code);
      for (guint i = 0; i < matches->len; i++)
        {
          const PhaenIndicator *each = g_ptr_array_index (matches, i);

          g_printerr ("  %s  %d  %s\n", unit_abbr (filter->store, each->unit_id, abbrs),
                      each->fiscal_year, each->name);
        }
      return CLI_EXIT_USAGE;
    }
  *out_id = ((PhaenIndicator *)g_ptr_array_index (matches, 0))->id;
  return CLI_EXIT_OK;
}

/* The unit and year whose indicators are scored by quarter; several only when asked for. */
static int
choose_scorecard (const Filter *filter, gint64 *unit_id, int *fiscal_year)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) indicators = NULL;
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) abbrs =
    g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr (GString) choices = g_string_new (NULL);

  indicators =
    phaen_store_list_indicators (filter->store, filter->unit_id, filter->fiscal_year, &error);
  if (indicators == NULL)
    return cli_fail_error (error);
  for (guint i = 0; i < indicators->len; i++)
    {
      const PhaenIndicator *each = g_ptr_array_index (indicators, i);

      if (each->scoring == PHAEN_SCORING_PMQA7 || !first_of_unit_year (seen, each))
        continue;
      *unit_id = each->unit_id;
      *fiscal_year = each->fiscal_year;
      g_string_append_printf (choices, "  --unit %s --fy %d\n",
                              unit_abbr (filter->store, each->unit_id, abbrs), each->fiscal_year);
    }
  if (g_hash_table_size (seen) == 0)
    return cli_fail (CLI_EXIT_FAILED,
                     _ ("No indicator scored by quarter matches the unit and fiscal year asked "
                        "for."));
  if (g_hash_table_size (seen) > 1)
    {
      cli_fail (CLI_EXIT_USAGE, _ ("Several units or years have indicators; choose one:"));
      g_printerr ("%s", choices->str);
      return CLI_EXIT_USAGE;
    }
  return CLI_EXIT_OK;
}

/* A fiscal year for the budget: the one asked for, or the only one the plans have. */
static int
choose_budget_year (const Filter *filter, int *fiscal_year)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) plans = NULL;
  g_autoptr (GArray) years = g_array_new (FALSE, FALSE, sizeof (int));

  if (filter->fiscal_year)
    {
      *fiscal_year = filter->fiscal_year;
      return CLI_EXIT_OK;
    }
  plans = phaen_store_list_plans (filter->store, filter->unit_id, 0, &error);
  if (plans == NULL)
    return cli_fail_error (error);
  for (guint i = 0; i < plans->len; i++)
    {
      int year = ((PhaenPlan *)g_ptr_array_index (plans, i))->fiscal_year;
      gboolean known = FALSE;

      for (guint y = 0; y < years->len; y++)
        known |= g_array_index (years, int, y) == year;
      if (!known)
        g_array_append_val (years, year);
    }
  if (years->len == 0)
    return cli_fail (CLI_EXIT_FAILED, _ ("No plan matches the unit asked for."));
  if (years->len > 1)
    {
      cli_fail (CLI_EXIT_USAGE, _ ("The plans span several fiscal years; choose one with --fy:"));
      for (guint y = 0; y < years->len; y++)
        g_printerr ("  --fy %d\n", g_array_index (years, int, y));
      return CLI_EXIT_USAGE;
    }
  *fiscal_year = g_array_index (years, int, 0);
  return CLI_EXIT_OK;
}

/* ------------------------------------------------------------------ the command */

int
cli_chart (int argc, char **argv)
{
  g_autoptr (GOptionContext) context =
    g_option_context_new (_ ("FILE — draw a chart as PNG, PDF or SVG"));
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenStore) store = NULL;
  g_autofree char *kind = NULL, *unit = NULL, *indicator = NULL, *output = NULL;
  g_autofree char *paper = NULL, *theme = NULL, *orientation = NULL;
  PhaenOrientation turned = PHAEN_ORIENTATION_LANDSCAPE;
  gint64 plan_id = 0;
  int fiscal_year = 0, width = 0, height = 0, rc;
  gboolean thai_digits = FALSE;
  PhaenChartFileOptions options;
  PhaenChartFormat format;
  Filter filter = { 0 };
  const GOptionEntry entries[] = {
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &kind,
      N_ ("What to draw: gantt, progress, score, budget, or document (the plan as printed, PDF)"),
      "KIND" },
    { "unit", 'u', 0, G_OPTION_ARG_STRING, &unit, N_ ("The unit (abbreviation)"), "U" },
    { "fy", 'y', 0, G_OPTION_ARG_INT, &fiscal_year, N_ ("The fiscal year (BE)"), "Y" },
    { "plan", 'p', 0, G_OPTION_ARG_INT64, &plan_id, N_ ("The plan (gantt, budget)"), "ID" },
    { "indicator", 'i', 0, G_OPTION_ARG_STRING, &indicator, N_ ("The indicator's code (progress)"),
      "CODE" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_ ("Write to OUT.png, .pdf or .svg"),
      "OUT" },
    { "width", 'W', 0, G_OPTION_ARG_INT, &width, N_ ("Width in pixels (PNG, SVG) or points (PDF)"),
      "W" },
    { "height", 'H', 0, G_OPTION_ARG_INT, &height,
      N_ ("Height in pixels (PNG, SVG) or points (PDF)"), "H" },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper, N_ ("PDF paper, landscape: A4 (default) or A3"),
      "A4|A3" },
    { "orientation", 0, 0, G_OPTION_ARG_STRING, &orientation,
      N_ ("The plan document's sheet: landscape (default) or portrait"), "landscape|portrait" },
    { "theme", 0, 0, G_OPTION_ARG_STRING, &theme,
      N_ ("light, dark or print (default: print for PDF, light otherwise)"), "THEME" },
    { "thai-digits", 0, 0, G_OPTION_ARG_NONE, &thai_digits,
      N_ ("Numbers of the plan chart in Thai digits"), NULL },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!cli_parse (context, &argc, &argv, 1))
    return CLI_EXIT_USAGE;

  phaen_chart_file_options_init (&options);
  if (kind == NULL)
    return cli_fail (CLI_EXIT_USAGE,
                     _ ("say what to draw with --kind gantt|progress|score|budget|document"));
  if (!g_str_equal (kind, "gantt") && !g_str_equal (kind, "progress") &&
      !g_str_equal (kind, "score") && !g_str_equal (kind, "budget") &&
      !g_str_equal (kind, "document"))
    return cli_fail (CLI_EXIT_USAGE,
                     _ ("unknown kind “%s”: use gantt, progress, score, budget or document"), kind);
  if (orientation && !phaen_orientation_from_string (orientation, &turned))
    return cli_fail (CLI_EXIT_USAGE, _ ("unknown orientation “%s”: use landscape or portrait"),
                     orientation);
  if (output == NULL)
    return cli_fail (CLI_EXIT_USAGE, _ ("say where to write with -o OUT.png|.pdf|.svg"));
  if (g_str_equal (kind, "progress") && indicator == NULL)
    return cli_fail (CLI_EXIT_USAGE, _ ("a progress chart needs --indicator CODE"));
  if (paper && !phaen_paper_from_string (paper, &options.paper))
    return cli_fail (CLI_EXIT_USAGE, _ ("unknown paper “%s”: use A4 or A3"), paper);
  if (theme)
    {
      PhaenChartTheme value;

      if (!phaen_chart_theme_from_string (theme, &value))
        return cli_fail (CLI_EXIT_USAGE, _ ("unknown theme “%s”: use light, dark or print"), theme);
      options.style = phaen_chart_style_get (value);
    }
  options.width = width;
  options.height = height;
  /* Refuse a bad extension before any work is done. */
  if (!phaen_chart_format_from_path (output, &format, &error))
    return cli_fail_error (error);

  store = cli_open_store (argv[1], &error);
  if (store == NULL || !cli_resolve_unit (store, unit, &filter.unit_id, &error) ||
      !cli_check_fiscal_year (store, fiscal_year, &error))
    return cli_fail_error (error);
  if (phaen_store_is_own_file (store, output))
    return cli_fail (CLI_EXIT_FAILED,
                     _ ("“%s” is the workspace itself: choose another file for the chart."),
                     output);
  filter.store = store;
  filter.fiscal_year = fiscal_year;

  if (g_str_equal (kind, "document"))
    {
      g_autoptr (PhaenPlanDocument) document = NULL;
      PhaenPageSetup setup;
      gint64 id = 0;
      guint n_pages;

      if (format != PHAEN_CHART_FORMAT_PDF)
        return cli_fail (CLI_EXIT_USAGE, _ ("the plan document is written as a PDF: -o OUT.pdf"));
      if ((rc = choose_plan (&filter, plan_id, &id)) != CLI_EXIT_OK)
        return rc;
      document = phaen_plan_document_new (store, id, &error);
      if (document == NULL)
        return cli_fail_error (error);
      phaen_plan_document_set_thai_digits (document, thai_digits);
      phaen_page_setup_init_oriented (&setup, options.paper, turned);
      if (!phaen_plan_document_write_pdf (document, output, &setup, &error))
        return cli_fail_error (error);
      n_pages = phaen_plan_document_get_n_pages (document, &setup);
      g_print (g_dngettext (GETTEXT_PACKAGE, "Plan written to %s (%u page)\n",
                            "Plan written to %s (%u pages)\n", n_pages),
               output, n_pages);
      return CLI_EXIT_OK;
    }
  else if (g_str_equal (kind, "gantt"))
    {
      g_autoptr (PhaenGantt) gantt = NULL;
      gint64 id = 0;

      if ((rc = choose_plan (&filter, plan_id, &id)) != CLI_EXIT_OK)
        return rc;
      gantt = phaen_gantt_new (store, id, &error);
      if (gantt == NULL)
        return cli_fail_error (error);
      phaen_gantt_set_thai_digits (gantt, thai_digits);
      if (!phaen_gantt_write_file (gantt, output, &options, &error))
        return cli_fail_error (error);
      if (format == PHAEN_CHART_FORMAT_PDF)
        {
          PhaenPageSetup setup;
          guint n_pages;

          phaen_page_setup_init (&setup, options.paper);
          if (width > 0 && height > 0)
            setup.width = width, setup.height = height;
          n_pages = phaen_gantt_get_n_pages (gantt, &setup);
          g_print (g_dngettext (GETTEXT_PACKAGE, "Chart written to %s (%u page)\n",
                                "Chart written to %s (%u pages)\n", n_pages),
                   output, n_pages);
          return CLI_EXIT_OK;
        }
    }
  else if (g_str_equal (kind, "progress"))
    {
      g_autoptr (PhaenProgressChart) chart = NULL;
      gint64 id = 0;

      if ((rc = choose_indicator (&filter, indicator, &id)) != CLI_EXIT_OK)
        return rc;
      chart = phaen_progress_chart_new (store, id, &error);
      if (chart == NULL || !phaen_progress_chart_write_file (chart, output, &options, &error))
        return cli_fail_error (error);
    }
  else if (g_str_equal (kind, "score"))
    {
      g_autoptr (PhaenScoreChart) chart = NULL;
      gint64 unit_id = 0;
      int year = 0;

      if ((rc = choose_scorecard (&filter, &unit_id, &year)) != CLI_EXIT_OK)
        return rc;
      chart = phaen_score_chart_new (store, unit_id, year, &error);
      if (chart == NULL || !phaen_score_chart_write_file (chart, output, &options, &error))
        return cli_fail_error (error);
    }
  else
    {
      g_autoptr (PhaenBudgetChart) chart = NULL;
      int year = 0;

      if (plan_id == 0 && (rc = choose_budget_year (&filter, &year)) != CLI_EXIT_OK)
        return rc;
      if (plan_id != 0 && (rc = choose_plan (&filter, plan_id, &plan_id)) != CLI_EXIT_OK)
        return rc;
      chart = phaen_budget_chart_new (store, filter.unit_id, year, plan_id, &error);
      if (chart == NULL || !phaen_budget_chart_write_file (chart, output, &options, &error))
        return cli_fail_error (error);
    }
  g_print (_ ("Chart written to %s\n"), output);
  return CLI_EXIT_OK;
}
