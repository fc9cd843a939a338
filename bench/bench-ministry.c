/* bench-ministry.c — generates a ministry-sized workspace through the public store API
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-bench"

#include <stdlib.h>
#include <time.h>

#include "bench-ministry.h"

/* BENCH_CLOCK=cpu counts the process's CPU time instead: on a machine busy with other work,
 * the wall clock measures the others too (what painting costs Xvfb is then not counted). */
double
bench_seconds (void)
{
  static int cpu = -1;
  struct timespec now;

  if (cpu < 0)
    cpu = g_strcmp0 (g_getenv ("BENCH_CLOCK"), "cpu") == 0;
  if (!cpu)
    return g_get_monotonic_time () / 1e6;
  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &now);
  return now.tv_sec + now.tv_nsec / 1e9;
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

double
bench_median (double *values, guint n)
{
  qsort (values, n, sizeof *values, compare_doubles);
  return values[n / 2];
}

static gboolean
add_criteria (PhaenStore *store, gint64 indicator, GError **error)
{
  const double thresholds[] = { 0, 150, 300, 450, 826 };
  g_autoptr (PhaenCriteriaVersion) version = phaen_criteria_version_new ();

  for (int level = 1; level <= PHAEN_LEVELS; level++)
    {
      PhaenCriterion *item = g_new0 (PhaenCriterion, 1);

      item->level = level;
      item->has_threshold = TRUE;
      item->threshold = thresholds[level - 1];
      item->label = g_strdup_printf ("%g", thresholds[level - 1]);
      item->description = g_strdup ("ตรวจติดตามผลการดำเนินงานของหน่วยงานในสังกัด");
      g_ptr_array_add (version->items, item);
    }
  return phaen_store_add_criteria_version (store, indicator, version, error) > 0;
}

static gboolean
fill_unit (PhaenStore *store,
           const BenchMinistrySize *size,
           guint u,
           guint n_activities,
           guint n_indicators,
           gint64 *plan_out,
           GError **error)
{
  g_autofree char *abbr = g_strdup_printf ("หน่วย.%03u", u + 1);
  g_autofree char *name = g_strdup_printf ("สำนักงานเขตตรวจราชการที่ %u", u + 1);
  gint64 unit, plan;

  unit = phaen_store_add_unit (store, abbr, name, 0, error);
  plan = unit ? phaen_store_add_plan (store, unit, size->fiscal_year, PHAEN_PLAN_PROCESS,
                                      "แผนการปรับปรุงกระบวนการตามภารกิจ", error)
              : 0;
  if (plan == 0)
    return FALSE;
  *plan_out = plan;

  for (guint a = 0; a < n_activities; a++)
    {
      g_autofree char *activity_name =
        g_strdup_printf ("ติดตามความก้าวหน้าผลการดำเนินงานของหน่วยรับตรวจ ครั้งที่ %u", a + 1);
      gint64 activity = phaen_store_add_activity (store, plan, 0, -1, activity_name, error);

      if (activity == 0)
        return FALSE;
      for (guint m = a % 6; m < a % 6 + 4; m++)
        if (!phaen_store_set_month_marks (
              store, activity, m, PHAEN_MARK_PLANNED | (m == a % 6 ? PHAEN_MARK_START : 0), error))
          return FALSE;
    }

  for (guint i = 0; i < n_indicators; i++)
    {
      g_autofree char *code = g_strdup_printf ("%s %02u", abbr, i + 1);
      gint64 indicator = phaen_store_add_indicator (store, unit, size->fiscal_year, code,
                                                    "จำนวนหน่วยรับตรวจที่ได้รับการตรวจติดตาม", error);
      g_autoptr (PhaenIndicator) record = NULL;

      if (indicator == 0 || !add_criteria (store, indicator, error))
        return FALSE;
      record = phaen_store_get_indicator (store, indicator, error);
      if (record == NULL)
        return FALSE;
      record->weight = 100.0 / n_indicators;
      if (!phaen_store_update_indicator (store, record, error))
        return FALSE;
      for (int q = 1; q <= PHAEN_QUARTERS; q++)
        {
          g_autofree char *value = g_strdup_printf ("%u", (q * 200 + i * 7) % 900);

          if (!phaen_store_set_result (store, indicator, q, value, "", "", error))
            return FALSE;
        }
    }
  return TRUE;
}

gint64
bench_ministry_fill (PhaenStore *store, const BenchMinistrySize *size, GError **error)
{
  gint64 largest = 0;

  if (!phaen_store_begin (store, "bench", error))
    return 0;
  for (guint u = 0; u < size->units; u++)
    {
      /* Spread the totals; the first unit gets the remainder so one plan is large. */
      guint spread = size->activities - MIN (size->largest_plan, size->activities);
      guint others = size->largest_plan ? size->units - 1 : size->units;
      guint n_activities = others ? spread / others : 0;
      guint n_indicators = size->indicators / size->units;
      gint64 plan = 0;

      if (u == 0)
        {
          n_activities = size->largest_plan ? MIN (size->largest_plan, size->activities)
                                            : n_activities + spread % size->units;
          n_indicators += size->indicators % size->units;
        }
      if (!fill_unit (store, size, u, n_activities, n_indicators, &plan, error))
        {
          phaen_store_rollback (store);
          return 0;
        }
      if (u == 0)
        largest = plan;
    }
  if (!phaen_store_commit (store, error))
    return 0;
  phaen_store_clear_history (store);
  return largest;
}
