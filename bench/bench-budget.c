/* bench-budget.c — the quarterly budget view of a 5,000-activity plan against its floor
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The budget page, its XLSX sheet and phaen-cli budget build one PhaenBudgetView per refresh.
 * The floor is listing the plan's activities, which every view of a plan does (the grid, the
 * Gantt); the view adds one query for the amounts and a pass over the rows. Run on a workspace
 * given as argument (the ministry bench, /work/benchws/m1.phaen, copied first) or on a plan made
 * here with amounts on nine rows of ten. Prints medians and the ratio; nothing is asserted. */
#define G_LOG_DOMAIN "phaen-bench"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "bench-ministry.h"
#include "phaen-budget-view.h"

#define N_ACTIVITIES 5000
#define ROUNDS 15

static G_GNUC_NORETURN void
die (const GError *error)
{
  g_printerr ("bench-budget: %s\n", error->message);
  exit (1);
}

/* The plan of the workspace with the most activities. */
static gint64
largest_plan (PhaenStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) plans = phaen_store_list_plans (store, 0, 0, &error);
  gint64 best = 0;
  guint most = 0;

  if (plans == NULL)
    die (error);
  for (guint i = 0; i < plans->len; i++)
    {
      const PhaenPlan *plan = g_ptr_array_index (plans, i);
      g_autoptr (GPtrArray) activities = phaen_store_list_activities (store, plan->id, &error);

      if (activities == NULL)
        die (error);
      if (activities->len > most)
        {
          most = activities->len;
          best = plan->id;
        }
    }
  return best;
}

static gint64
make_plan (PhaenStore *store)
{
  g_autoptr (GError) error = NULL;
  gint64 unit = phaen_store_add_unit (store, "สนย.", "สำนักนโยบายและยุทธศาสตร์", 0, &error);
  gint64 plan =
    unit ? phaen_store_add_plan (store, unit, 2564, PHAEN_PLAN_ACTION, "bench", &error) : 0;
  gint64 parent = 0;

  if (plan == 0 || !phaen_store_begin (store, "fill", &error))
    die (error);
  for (int i = 0; i < N_ACTIVITIES; i++)
    {
      gint64 id = phaen_store_add_activity (store, plan, i % 10 ? parent : 0, -1, "กิจกรรม", &error);

      if (id == 0)
        die (error);
      if (i % 10 == 0)
        parent = id;
      else
        for (int f = 0; f < PHAEN_BUDGET_FIELDS; f++)
          if (!phaen_store_set_activity_budget (store, id, 1 + i % 4, f, 1000 * (f + 1), &error))
            die (error);
    }
  if (!phaen_store_commit (store, &error))
    die (error);
  return plan;
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr (PhaenStore) store = NULL;
  double floor[ROUNDS], view[ROUNDS];
  gint64 plan;
  guint n_rows = 0;

  if (argc > 1)
    {
      store = phaen_store_open (argv[1], &error);
      if (store == NULL)
        die (error);
      plan = largest_plan (store);
    }
  else
    {
      dir = g_dir_make_tmp ("phaen-bench-budget-XXXXXX", &error);
      if (dir == NULL)
        die (error);
      path = g_build_filename (dir, "budget.phaen", NULL);
      store = phaen_store_create (path, &error);
      if (store == NULL)
        die (error);
      plan = make_plan (store);
    }

  for (int r = 0; r < ROUNDS; r++)
    {
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr (GPtrArray) activities = phaen_store_list_activities (store, plan, &error);
      gint64 t1 = g_get_monotonic_time ();
      g_autoptr (PhaenBudgetView) budget = NULL;

      if (activities == NULL)
        die (error);
      budget = phaen_budget_view_new (store, plan, NULL, &error);
      if (budget == NULL)
        die (error);
      floor[r] = (t1 - t0) / 1e6;
      view[r] = (g_get_monotonic_time () - t1) / 1e6;
      n_rows = budget->rows->len;
    }
  {
    double f = bench_median (floor, ROUNDS) * 1e3, v = bench_median (view, ROUNDS) * 1e3;

    g_print ("rows: %u\nfloor (list activities): %.1f ms\nbudget view: %.1f ms\nratio: %.2f\n",
             n_rows, f, v, v / f);
  }
  g_clear_object (&store);
  if (path != NULL)
    {
      g_unlink (path);
      g_rmdir (dir);
    }
  return 0;
}
