/* cli-plan.c — `phaen-cli plan FILE ID`: a plan's activity table with its totals row, counted
 * by the same rule as the grid, the Gantt chart and the XLSX forms (phaen-plan-totals.h)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "cli-common.h"
#include "phaen-calendar.h"
#include "phaen-plan-totals.h"
#include "phaen-thai-text.h"

#define NAME_COLUMNS 44
#define MONTH_COLUMNS 8

static int
plan_months (const PhaenPlan *plan)
{
  return PHAEN_FISCAL_MONTHS + CLAMP (plan->extra_months, 0, PHAEN_FISCAL_MONTHS);
}

static char *
budget_text (gboolean has_budget, double budget)
{
  return has_budget ? phaen_format_number (budget, 2, PHAEN_NUMBER_GROUPING) : g_strdup ("-");
}

static void
print_cell (const char *text, guint columns)
{
  g_autofree char *padded = cli_fit (text, columns);

  g_print ("%s", padded);
}

static void
print_table (const PhaenPlan *plan,
             GPtrArray *activities,
             GArray *rollups,
             const PhaenPlanTotals *totals)
{
  int n_months = plan_months (plan);
  g_autofree char *total_budget = budget_text (totals->has_budget, totals->budget);

  print_cell (_ ("Activity"), NAME_COLUMNS);
  for (int m = 0; m < n_months; m++)
    {
      g_autofree char *header = phaen_fiscal_month_header (plan->fiscal_year, m, FALSE);

      print_cell (header, MONTH_COLUMNS);
    }
  g_print ("%s\t%s\n", _ ("Budget"), _ ("Owner"));

  for (guint i = 0; i < activities->len; i++)
    {
      const PhaenActivity *activity = g_ptr_array_index (activities, i);
      const PhaenBudgetRollup *rollup = &g_array_index (rollups, PhaenBudgetRollup, i);
      g_autofree char *indent = g_strnfill (activity->depth * 2, ' ');
      g_autofree char *heading = phaen_activity_heading (activity);
      /* "1.1. name" for an activity, "โครงการที่ 1.1 name" above it, as the forms print them. */
      g_autofree char *label =
        g_strdup_printf (activity->level < PHAEN_ACTIVITY_LEVEL_ACTIVITY ? "%s%s %s" : "%s%s. %s",
                         indent, heading, activity->name);
      g_autofree char *budget = budget_text (activity->has_budget, activity->budget);

      /* "!" marks an amount that the rows under it exceed; the reason follows the table. */
      if (rollup->over_budget)
        {
          g_autofree char *marked = g_strconcat (budget, " !", NULL);

          g_free (budget);
          budget = g_steal_pointer (&marked);
        }
      print_cell (label, NAME_COLUMNS);
      for (int m = 0; m < n_months; m++)
        {
          g_autofree char *marks = phaen_marks_to_text (activity->marks[m]);

          print_cell (marks, MONTH_COLUMNS);
        }
      g_print ("%s\t%s\n", budget, *activity->owner ? activity->owner : "-");
    }

  print_cell (phaen_plan_totals_label (totals), NAME_COLUMNS);
  for (int m = 0; m < n_months; m++)
    {
      g_autofree char *count = g_strdup_printf ("%u", totals->months[m]);

      print_cell (totals->months[m] ? count : "-", MONTH_COLUMNS);
    }
  g_print ("%s\n", total_budget);

  for (guint i = 0; i < activities->len; i++)
    if (g_array_index (rollups, PhaenBudgetRollup, i).over_budget)
      {
        g_autofree char *warning = phaen_budget_rollup_warning (
          g_ptr_array_index (activities, i), &g_array_index (rollups, PhaenBudgetRollup, i));

        g_print ("! %s\n", warning);
      }
}

static void
json_number_or_null (GString *out, gboolean has, double value)
{
  if (has)
    g_string_append_printf (out, "%.2f", value);
  else
    g_string_append (out, "null");
}

static const char *const level_keys[] = { NULL, "strategy", "goal", "project", "activity" };

static void
print_json (const PhaenPlan *plan,
            GPtrArray *activities,
            GArray *rollups,
            const PhaenPlanTotals *totals)
{
  g_autoptr (GString) out = g_string_new (NULL);
  int n_months = plan_months (plan);

  g_string_append_printf (out,
                          "{\"plan\":%" G_GINT64_FORMAT ",\"fiscal_year\":%d,\"title\":", plan->id,
                          plan->fiscal_year);
  cli_json_string (out, plan->title);
  g_string_append (out, ",\"activities\":[");
  for (guint i = 0; i < activities->len; i++)
    {
      const PhaenActivity *activity = g_ptr_array_index (activities, i);
      const PhaenBudgetRollup *rollup = &g_array_index (rollups, PhaenBudgetRollup, i);
      g_autofree char *heading = phaen_activity_heading (activity);

      g_string_append (out, i ? ",{\"number\":" : "{\"number\":");
      cli_json_string (out, activity->number);
      g_string_append_printf (out, ",\"depth\":%d,\"level\":\"%s\",\"heading\":", activity->depth,
                              level_keys[CLAMP (activity->level, PHAEN_ACTIVITY_LEVEL_STRATEGY,
                                                PHAEN_ACTIVITY_LEVEL_ACTIVITY)]);
      cli_json_string (out, heading);
      g_string_append (out, ",\"name\":");
      cli_json_string (out, activity->name);
      g_string_append (out, ",\"owner\":");
      cli_json_string (out, activity->owner);
      g_string_append (out, ",\"budget\":");
      json_number_or_null (out, activity->has_budget, activity->budget);
      g_string_append (out, ",\"children_budget\":");
      json_number_or_null (out, rollup->has_children_budget, rollup->children_budget);
      g_string_append_printf (out, ",\"over_budget\":%s", rollup->over_budget ? "true" : "false");
      g_string_append (out, ",\"marks\":[");
      for (int m = 0; m < n_months; m++)
        g_string_append_printf (out, m ? ",%u" : "%u", activity->marks[m]);
      g_string_append (out, "]}");
    }
  g_string_append (out, "],\"totals\":{\"label\":");
  cli_json_string (out, phaen_plan_totals_label (totals));
  g_string_append_printf (out, ",\"outputs\":%s,\"months\":[", totals->outputs ? "true" : "false");
  for (int m = 0; m < n_months; m++)
    g_string_append_printf (out, m ? ",%u" : "%u", totals->months[m]);
  g_string_append (out, "],\"budget\":");
  json_number_or_null (out, totals->has_budget, totals->budget);
  g_string_append_printf (out, ",\"over_budget\":%u}}\n", totals->over_budget);
  g_print ("%s", out->str);
}

int
cli_plan (int argc, char **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print JSON"), NULL },
    { NULL },
  };
  g_autoptr (GOptionContext) context =
    g_option_context_new (_ ("FILE PLAN-ID — a plan's activities and its totals row"));
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenStore) store = NULL;
  g_autoptr (PhaenPlan) plan = NULL;
  g_autoptr (GPtrArray) activities = NULL;
  g_autoptr (GArray) rollups = NULL;
  PhaenPlanTotals totals;
  gint64 plan_id;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!cli_parse (context, &argc, &argv, 2))
    return CLI_EXIT_USAGE;
  if (!cli_parse_plan_id (argv[2], &plan_id))
    return CLI_EXIT_USAGE;

  store = cli_open_store (argv[1], &error);
  if (store == NULL || !(plan = phaen_store_get_plan (store, plan_id, &error)) ||
      !(activities = phaen_store_list_activities (store, plan_id, &error)))
    return cli_fail_error (error);

  phaen_plan_totals_compute (activities, &totals);
  rollups = phaen_plan_budget_rollups (activities);
  if (json)
    print_json (plan, activities, rollups, &totals);
  else
    {
      g_print (_ ("plan %" PRId64 " · FY %d · %s · %s\n\n"), plan->id, plan->fiscal_year,
               phaen_plan_kind_to_string (plan->kind), plan->title);
      print_table (plan, activities, rollups, &totals);
    }
  return CLI_EXIT_OK;
}
