/* cli-info.c — `phaen-cli info FILE`: what a workspace holds
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-cli"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n.h>

#include "cli-common.h"

int
cli_info (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new (_ ("FILE — describe a workspace"));
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenStore) store = NULL;
  g_autoptr (GPtrArray) units = NULL;
  g_autoptr (GPtrArray) plans = NULL;
  g_autoptr (GArray) years = NULL;
  PhaenStoreStats stats;

  if (!cli_parse (context, &argc, &argv, 1))
    return CLI_EXIT_USAGE;

  store = cli_open_store (argv[1], &error);
  if (store == NULL || !phaen_store_get_stats (store, &stats, &error) ||
      !(units = phaen_store_list_units (store, &error)) ||
      !(years = phaen_store_list_fiscal_years (store, &error)) ||
      !(plans = phaen_store_list_plans (store, 0, 0, &error)))
    return cli_fail_error (error);

  g_print (_ ("Workspace: %s\n"), argv[1]);
  g_print (_ ("Units: %d · people: %d · plans: %d · activities: %d\n"), stats.units, stats.people,
           stats.plans, stats.activities);
  g_print (_ ("Indicators: %d · quarterly results: %d · evidence: %d\n"), stats.indicators,
           stats.results, stats.evidence);
  g_print (_ ("Fiscal years:"));
  for (guint i = 0; i < years->len; i++)
    g_print (" %d", g_array_index (years, int, i));
  g_print ("\n");

  for (guint i = 0; i < units->len; i++)
    {
      const PhaenUnit *unit = g_ptr_array_index (units, i);

      g_print ("  %s  %s\n", unit->abbr, unit->name);
      for (guint p = 0; p < plans->len; p++)
        {
          const PhaenPlan *plan = g_ptr_array_index (plans, p);

          if (plan->unit_id == unit->id)
            g_print (_ ("    plan %" PRId64 " · FY %d · %s · %s\n"), plan->id, plan->fiscal_year,
                     phaen_plan_kind_to_string (plan->kind), plan->title);
        }
    }
  return CLI_EXIT_OK;
}
