/* cli-duplicate-plan.c — `phaen-cli duplicate-plan WS --plan ID [--to YEAR]`: the yearly
 * roll-over of a plan and its indicators
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "cli-common.h"

int
cli_duplicate_plan (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new (
    _ ("WORKSPACE (--plan ID | --unit U --fy Y) [--to YEAR] — copy a plan into another fiscal "
       "year"));
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenStore) store = NULL;
  g_autoptr (PhaenPlan) plan = NULL;
  g_autoptr (PhaenPlan) copy = NULL;
  g_autofree char *unit_abbr = NULL;
  gint64 plan_id = 0, unit_id = 0, new_id;
  int fiscal_year = 0, to = 0;
  const GOptionEntry entries[] = {
    { "plan", 'p', 0, G_OPTION_ARG_INT64, &plan_id, N_ ("The plan's number (see info)"), "ID" },
    { "unit", 'u', 0, G_OPTION_ARG_STRING, &unit_abbr, N_ ("The unit whose plan is copied"),
      "ABBR" },
    { "fy", 0, 0, G_OPTION_ARG_INT, &fiscal_year, N_ ("The fiscal year of the plan (BE)"), "YEAR" },
    { "to", 0, 0, G_OPTION_ARG_INT, &to, N_ ("The year of the copy; by default the next one"),
      "YEAR" },
    { NULL },
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!cli_parse (context, &argc, &argv, 1))
    return CLI_EXIT_USAGE;
  if (plan_id == 0 && (unit_abbr == NULL || fiscal_year == 0))
    return cli_fail (CLI_EXIT_USAGE, _ ("say which plan with --plan ID or --unit U --fy Y"));

  store = phaen_store_open (argv[1], &error);
  if (store == NULL)
    return cli_fail_error (error);
  if (plan_id == 0)
    {
      g_autoptr (GPtrArray) plans = NULL;

      if (!cli_resolve_unit (store, unit_abbr, &unit_id, &error) ||
          !(plans = phaen_store_list_plans (store, unit_id, fiscal_year, &error)))
        return cli_fail_error (error);
      if (plans->len != 1)
        return cli_fail (CLI_EXIT_USAGE,
                         plans->len == 0 ? _ ("the unit has no plan in that year")
                                         : _ ("the unit has several plans in that year: say which "
                                              "with --plan ID"));
      plan_id = ((PhaenPlan *)g_ptr_array_index (plans, 0))->id;
    }
  plan = phaen_store_get_plan (store, plan_id, &error);
  if (plan == NULL)
    return cli_fail_error (error);
  new_id = phaen_store_duplicate_plan (store, plan_id, to ? to : plan->fiscal_year + 1, &error);
  if (new_id == 0 || !(copy = phaen_store_get_plan (store, new_id, &error)))
    return cli_fail_error (error);
  g_print (_ ("Plan %" PRId64 " copied into fiscal year %d as plan %" PRId64 ": %s\n"), plan_id,
           copy->fiscal_year, new_id, copy->title);
  return CLI_EXIT_OK;
}
