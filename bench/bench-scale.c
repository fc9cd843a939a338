/* bench-scale.c — opening, listing and rescoring a ministry workspace (826 units, ~10,000
 * activities, ~8,000 indicators). Prints each step as a ratio of the same step on a one-unit
 * workspace measured in the same run; timings are never asserted.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-bench"

#include <glib/gstdio.h>

#include "bench-ministry.h"
#include "phaen-scorecard.h"
#include "phaen-validate.h"
#include "phaen-xlsx.h"

typedef struct
{
  double open, list, rescore, validate, export_plan, export_summary;
} Timings;

static void
die (GError *error)
{
  g_printerr ("bench-scale: %s\n", error->message);
  exit (1);
}

/* Exports a form of the first unit (the largest) next to the workspace and times it. */
static double
export_form (PhaenStore *store, PhaenXlsxForm form, gint64 plan, const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenPlan) record = phaen_store_get_plan (store, plan, &error);
  g_autofree char *out = g_strconcat (path, ".xlsx", NULL);
  PhaenXlsxOptions options;
  double start;

  if (record == NULL)
    die (error);
  phaen_xlsx_options_init (&options, form);
  options.unit_id = record->unit_id;
  options.fiscal_year = record->fiscal_year;
  options.plan_id = form == PHAEN_XLSX_FORM_PLAN ? plan : 0;
  start = bench_seconds ();
  if (!phaen_xlsx_export (store, &options, out, &error))
    die (error);
  start = bench_seconds () - start;
  g_remove (out);
  return start;
}

static Timings
measure (const char *path, gint64 plan)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenStore) store = NULL;
  g_autoptr (GPtrArray) units = NULL;
  g_autoptr (GPtrArray) activities = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  Timings t;
  double start;

  start = bench_seconds ();
  store = phaen_store_open (path, &error);
  if (store == NULL)
    die (error);
  t.open = bench_seconds () - start;

  start = bench_seconds ();
  activities = phaen_store_list_activities (store, plan, &error);
  if (activities == NULL)
    die (error);
  t.list = bench_seconds () - start;

  start = bench_seconds ();
  units = phaen_store_list_units (store, &error);
  for (guint u = 0; units && u < units->len; u++)
    {
      g_autoptr (PhaenScorecard) card = phaen_scorecard_build (
        store, ((PhaenUnit *)g_ptr_array_index (units, u))->id, 2567, &error);
      if (card == NULL)
        die (error);
    }
  t.rescore = bench_seconds () - start;

  start = bench_seconds ();
  problems = phaen_validate (store, 0, 0, &error);
  if (problems == NULL)
    die (error);
  t.validate = bench_seconds () - start;

  t.export_plan = export_form (store, PHAEN_XLSX_FORM_PLAN, plan, path);
  t.export_summary = export_form (store, PHAEN_XLSX_FORM_SUMMARY, plan, path);
  return t;
}

static char *
make_workspace (const char *dir, const char *name, const BenchMinistrySize *size, gint64 *plan)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenStore) store = NULL;
  char *path = g_build_filename (dir, name, NULL);

  store = phaen_store_create (path, &error);
  if (store == NULL || (*plan = bench_ministry_fill (store, size, &error)) == 0)
    die (error);
  return path;
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("phaen-bench-XXXXXX", &error);
  const BenchMinistrySize small = { 1, 12, 10, 2567 };
  const BenchMinistrySize full = BENCH_MINISTRY_FULL;
  g_autofree char *small_path = NULL;
  g_autofree char *full_path = NULL;
  gint64 small_plan, full_plan;
  Timings base, big;
  double start;

  if (dir == NULL)
    die (error);
  small_path = make_workspace (dir, "small.phaen", &small, &small_plan);
  start = bench_seconds ();
  full_path = make_workspace (dir, "ministry.phaen", &full, &full_plan);
  g_print ("generated %u units, %u activities, %u indicators in %.2f s\n", full.units,
           full.activities, full.indicators, bench_seconds () - start);

  base = measure (small_path, small_plan);
  big = measure (full_path, full_plan);

  g_print ("%-34s %12s %12s %10s\n", "step", "one unit", "ministry", "ratio");
#define ROW(label, field)                                                                          \
  g_print ("%-34s %10.2fms %10.2fms %9.1fx\n", label, base.field * 1e3, big.field * 1e3,           \
           big.field / MAX (base.field, 1e-6))
  ROW ("open to edit (after a clean close)", open);
  ROW ("list the largest plan's activities", list);
  ROW ("rescore every unit (4 quarters)", rescore);
  ROW ("validate the workspace", validate);
  ROW ("export the largest plan (XLSX)", export_plan);
  ROW ("export the largest unit's summary", export_summary);
#undef ROW

  for (const char *const *suffix = (const char *const[]){ "", "-wal", "-shm", NULL }; *suffix;
       suffix++)
    {
      g_autofree char *a = g_strconcat (small_path, *suffix, NULL);
      g_autofree char *b = g_strconcat (full_path, *suffix, NULL);
      g_remove (a);
      g_remove (b);
    }
  g_rmdir (dir);
  return 0;
}
