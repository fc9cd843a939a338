/* test-demo.c — the bundled sample (data/sample) loaded into a fresh workspace
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <string.h>

#include "phaen-demo.h"
#include "phaen-efficiency.h"
#include "phaen-error.h"
#include "phaen-pmqa.h"
#include "phaen-score.h"
#include "phaen-store.h"
#include "test-util.h"

typedef struct
{
  char *dir;
  PhaenStore *store;
} Fixture;

static void
fixture_set_up (Fixture *fixture, gconstpointer load)
{
  fixture->store = test_workspace_new ("sample.phaen", &fixture->dir);
  if (GPOINTER_TO_INT (load))
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "..", "data", "sample", NULL);

      phaen_demo_load_dir (fixture->store, sample, &error);
      g_assert_no_error (error);
    }
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer load)
{
  test_workspace_close (&fixture->store, &fixture->dir);
}

/* The only plan of a unit in a year. */
static PhaenPlan *
only_plan (PhaenStore *store, const char *abbr, int fiscal_year)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) plans =
    phaen_store_list_plans (store, test_unit_id (store, abbr), fiscal_year, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (plans->len, ==, 1);
  return phaen_plan_copy (g_ptr_array_index (plans, 0));
}

static PhaenIndicator *
find_indicator (PhaenStore *store, const char *abbr, int fiscal_year, const char *code)
{
  g_autoptr (GError) error = NULL;
  PhaenIndicator *indicator =
    phaen_store_find_indicator (store, test_unit_id (store, abbr), fiscal_year, code, &error);

  g_assert_no_error (error);
  return indicator;
}

/* ------------------------------------------------------------------ units */

static void
test_units (Fixture *fixture, gconstpointer data)
{
  static const struct
  {
    const char *abbr, *name, *parent;
  } expected[] = {
    { "สป.กค.", "สำนักงานปลัดกระทรวงการคลัง", NULL },
    { "กพร.", "กลุ่มพัฒนาระบบบริหาร", "สป.กค." },
    { "สตป.", "สำนักตรวจสอบและประเมินผล", "สป.กค." },
    { "บค.", "กรมบังคับคดี", "ยธ." },
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) units = phaen_store_list_units (fixture->store, &error);
  guint mof = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr (PhaenUnit) unit = phaen_store_find_unit (fixture->store, expected[i].abbr, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (unit->name, ==, expected[i].name);
      if (expected[i].parent)
        g_assert_cmpint (unit->parent_id, ==, test_unit_id (fixture->store, expected[i].parent));
    }
  /* Three files list สป.กค.: it is created once and shared. */
  for (guint i = 0; i < units->len; i++)
    mof += g_str_equal (((PhaenUnit *)g_ptr_array_index (units, i))->abbr, "สป.กค.");
  g_assert_cmpuint (mof, ==, 1);
}

static void
test_history_cleared (Fixture *fixture, gconstpointer data)
{
  g_assert_false (phaen_store_can_undo (fixture->store));
  g_assert_false (phaen_store_can_redo (fixture->store));
}

/* ------------------------------------------------------------------ seed 000 */

static void
test_kpr_plan (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenPlan) plan = only_plan (fixture->store, "กพร.", 2564);
  g_autoptr (GPtrArray) activities = NULL;
  g_autofree char *process = NULL;
  PhaenActivity *last;

  g_assert_cmpint (plan->kind, ==, PHAEN_PLAN_PROCESS);
  g_assert_cmpint (plan->extra_months, ==, 1);
  process = phaen_store_get_plan_section (fixture->store, plan->id, PHAEN_SECTION_PROCESS, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (process, "การปรับปรุงกระบวนการติดตามประเมินผล"));

  activities = phaen_store_list_activities (fixture->store, plan->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (activities->len, ==, 7);
  for (guint i = 0; i < activities->len; i++)
    {
      PhaenActivity *activity = g_ptr_array_index (activities, i);
      guint planned = 0;

      g_assert_cmpstr (activity->owner, ==, "กพร.");
      g_assert_false (activity->has_budget); /* the seed prints "-" */
      for (int m = 0; m < PHAEN_MAX_MONTHS; m++)
        planned += (activity->marks[m] & PHAEN_MARK_PLANNED) != 0;
      g_assert_cmpuint (planned, >, 0);
    }
  /* Activity 7 runs into the next fiscal year: ต.ค. 64 is month 12 of FY 2564. */
  last = g_ptr_array_index (activities, 6);
  g_assert_cmpstr (last->number, ==, "7");
  g_assert_true (last->marks[12] & PHAEN_MARK_PLANNED);
}

static void
test_kpr9 (Fixture *fixture, gconstpointer data)
{
  static const char *const values[] = { "3", "5", "5", "5" };
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenIndicator) indicator = find_indicator (fixture->store, "กพร.", 2564, "กพร.9");
  g_autoptr (PhaenPlan) plan = only_plan (fixture->store, "กพร.", 2564);
  g_autoptr (PhaenCriteriaVersion) criteria = NULL;
  g_autoptr (GPtrArray) results = NULL;
  g_autoptr (GPtrArray) evidence = NULL;

  g_assert_cmpfloat (indicator->weight, ==, 5);
  g_assert_cmpint (indicator->scoring, ==, PHAEN_SCORING_MILESTONE);
  g_assert_cmpint (indicator->plan_id, ==, plan->id);
  g_assert_cmpstr (indicator->owner_name, ==, "นางสาวนวลสกุล พวงบุบผา");
  g_assert_cmpstr (indicator->owner_phone, ==, "2574");

  criteria = phaen_store_get_criteria (fixture->store, indicator->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (criteria->items->len, ==, 5);
  for (guint i = 0; i < criteria->items->len; i++)
    {
      PhaenCriterion *level = g_ptr_array_index (criteria->items, i);

      g_assert_cmpint (level->level, ==, i + 1);
      g_assert_cmpstr (level->description, !=, "");
    }

  results = phaen_store_get_results (fixture->store, indicator->id, &error);
  g_assert_no_error (error);
  for (guint q = 0; q < PHAEN_QUARTERS; q++)
    {
      PhaenResult *result = g_ptr_array_index (results, q);

      g_assert_nonnull (result);
      g_assert_cmpstr (result->value_text, ==, values[q]);
    }
  evidence = phaen_store_list_evidence (fixture->store, indicator->id, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (evidence->len, ==, 1);
  g_assert_cmpstr (((PhaenEvidence *)g_ptr_array_index (evidence, 0))->url, ==,
                   "https://forms.gle/84S5uwwaxGM7sgvSA");
}

/* ------------------------------------------------------------------ seed 002 */

static void
test_stp02 (Fixture *fixture, gconstpointer data)
{
  /* seed 002: thresholds and cumulative results exactly as the form gives them */
  static const double thresholds[] = { 0, 150, 300, 450, 826 };
  static const double values[] = { 0, 184, 464, 826 };
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenIndicator) indicator = find_indicator (fixture->store, "สตป.", 2564, "สตป.02");
  g_autoptr (PhaenCriteriaVersion) criteria = NULL;
  g_autoptr (GPtrArray) results = NULL;
  g_autoptr (GPtrArray) evidence = NULL;
  g_autoptr (GBytes) stored = NULL;
  g_autofree char *csv_path = NULL;
  g_autofree char *csv = NULL;
  gsize csv_length = 0;

  g_assert_cmpstr (indicator->code, ==, "สตป. 02");
  g_assert_cmpfloat (indicator->weight, ==, 30);
  g_assert_cmpint (indicator->scoring, ==, PHAEN_SCORING_NUMERIC);
  g_assert_cmpint (indicator->direction, ==, PHAEN_DIRECTION_HIGHER_BETTER);
  g_assert_true (indicator->cumulative);
  g_assert_cmpstr (indicator->baseline[2], ==, "900 หน่วยงาน");

  criteria = phaen_store_get_criteria (fixture->store, indicator->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (criteria->items->len, ==, G_N_ELEMENTS (thresholds));
  for (guint i = 0; i < G_N_ELEMENTS (thresholds); i++)
    {
      PhaenCriterion *level = g_ptr_array_index (criteria->items, i);

      g_assert_cmpint (level->level, ==, i + 1);
      g_assert_true (level->has_threshold);
      g_assert_cmpfloat (level->threshold, ==, thresholds[i]);
    }

  results = phaen_store_get_results (fixture->store, indicator->id, &error);
  g_assert_no_error (error);
  for (guint q = 0; q < PHAEN_QUARTERS; q++)
    {
      PhaenResult *result = g_ptr_array_index (results, q);

      g_assert_true (result->has_value);
      g_assert_cmpfloat (result->value, ==, values[q]);
    }

  /* The Q4 evidence is a file stored inside the workspace, byte for byte. */
  evidence = phaen_store_list_evidence (fixture->store, indicator->id, 4, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (evidence->len, ==, 1);
  stored = phaen_store_get_evidence_data (
    fixture->store, ((PhaenEvidence *)g_ptr_array_index (evidence, 0))->id, &error);
  g_assert_no_error (error);
  csv_path =
    g_test_build_filename (G_TEST_DIST, "..", "data", "sample", "evidence", "stp-02-q4.csv", NULL);
  g_file_get_contents (csv_path, &csv, &csv_length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (stored, NULL), g_bytes_get_size (stored), csv, csv_length);
}

static void
test_stp_second_indicator (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) indicators = phaen_store_list_indicators (
    fixture->store, test_unit_id (fixture->store, "สตป."), 2564, &error);
  g_autoptr (GPtrArray) results = NULL;
  PhaenIndicator *project;
  PhaenResult *q4;
  double weights = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (indicators->len, ==, 2);
  project = g_ptr_array_index (indicators, 1);
  g_assert_cmpstr (project->name, ==, "โครงการยกระดับการให้บริการของศูนย์บริการร่วมกระทรวงการคลัง");
  g_assert_cmpint (project->scoring, ==, PHAEN_SCORING_MILESTONE);

  /* "4-5" is kept as reported: text, not a number. */
  results = phaen_store_get_results (fixture->store, project->id, &error);
  g_assert_no_error (error);
  q4 = g_ptr_array_index (results, 3);
  g_assert_cmpstr (q4->value_text, ==, "4-5");
  g_assert_false (q4->has_value);

  /* The seed gives no weight for the project: the unit's weights stay short of 100. */
  for (guint i = 0; i < indicators->len; i++)
    weights += ((PhaenIndicator *)g_ptr_array_index (indicators, i))->weight;
  g_assert_cmpfloat (weights, ==, 30);
}

static void
test_stp_budget (Fixture *fixture, gconstpointer data)
{
  /* the undated rest of the log's site-visit total 82,090.00 falls in Q4 */
  static const double disbursed[] = { 0, 28235, 39880, 13975 };
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenPlan) plan = only_plan (fixture->store, "สตป.", 2564);
  g_autoptr (GArray) quarters = phaen_store_list_budget_quarters (fixture->store, plan->id, &error);
  g_autoptr (GPtrArray) activities = NULL;
  double targets[PHAEN_QUARTERS];
  double allocated = 0, budget = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (quarters->len, ==, PHAEN_QUARTERS);
  for (guint i = 0; i < quarters->len; i++)
    {
      PhaenBudgetQuarter *q = &g_array_index (quarters, PhaenBudgetQuarter, i);

      g_assert_cmpint (q->quarter, ==, i + 1);
      g_assert_cmpfloat (q->disbursed, ==, disbursed[i]);
      allocated += q->allocated;
    }

  activities = phaen_store_list_activities (fixture->store, plan->id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < activities->len; i++)
    {
      PhaenActivity *activity = g_ptr_array_index (activities, i);

      if (activity->has_budget)
        {
          g_assert_cmpint (activity->depth, ==, 1); /* the site visits, under activity 3 */
          budget += activity->budget;
        }
    }
  g_assert_cmpfloat (budget, ==, 82090);
  g_assert_cmpfloat (allocated, ==, budget);

  phaen_store_get_disbursement_targets (fixture->store, 2564, targets, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (targets[0], ==, 30);
  g_assert_cmpfloat (targets[1], ==, 52);
  g_assert_cmpfloat (targets[2], ==, 75);
  g_assert_cmpfloat (targets[3], ==, 100);
}

/* ------------------------------------------------------------------ seed 004 */

static void
test_efficiency_plan (Fixture *fixture, gconstpointer data)
{
  /* seed 004's footer row รวมผลผลิตในแต่ละเดือน: - - 1 1 - 2 2 - 3 - 2 2 */
  static const guint footer[PHAEN_FISCAL_MONTHS] = { 0, 0, 1, 1, 0, 2, 2, 0, 3, 0, 2, 2 };
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenPlan) plan = only_plan (fixture->store, "บค.", 2561);
  g_autoptr (GPtrArray) items = phaen_store_list_activities (fixture->store, plan->id, &error);
  guint outputs[PHAEN_MAX_MONTHS];
  PhaenEfficiencyRound round;

  g_assert_no_error (error);
  g_assert_cmpint (plan->kind, ==, PHAEN_PLAN_EFFICIENCY);
  g_assert_cmpuint (items->len, ==, 12);
  g_assert_cmpuint (phaen_efficiency_count_group_a (items), >=, 3);

  /* A new item starts every month. */
  for (guint i = 0; i < items->len; i++)
    {
      PhaenActivity *item = g_ptr_array_index (items, i);

      g_assert_true (item->marks[i] & PHAEN_MARK_START);
    }
  phaen_efficiency_outputs_per_month (items, outputs);
  for (int m = 0; m < PHAEN_FISCAL_MONTHS; m++)
    g_assert_cmpuint (outputs[m], ==, footer[m]);

  /* Round 1 (ต.ค.–มี.ค.): 4 outputs planned, 4 achieved, item 1's in ก.พ. instead of ม.ค.:
   * late, but by the round's end, so seed 004 scores 4 of 4 = 100 %. */
  phaen_efficiency_round (items, plan->fiscal_year, 1, PHAEN_PASS_PERCENT_DEFAULT, NULL, &round,
                          &error);
  g_assert_no_error (error);
  g_assert_cmpuint (round.planned, ==, 4);
  g_assert_cmpuint (round.achieved, ==, 4);
  g_assert_cmpuint (round.late, ==, 1);
  g_assert_cmpfloat_with_epsilon (round.percent, 100, 1e-9);
  g_assert_true (round.passed);
  g_assert_cmpint (phaen_efficiency_achieved_for (g_ptr_array_index (items, 0), 4), ==, 3);
}

/* ------------------------------------------------------------------ seed 001 */

static void
test_pmqa (Fixture *fixture, gconstpointer data)
{
  static const char *const groups[] = { "7.1", "7.2", "7.3", "7.4", "7.5", "7.6" };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) indicators = phaen_store_list_indicators (
    fixture->store, test_unit_id (fixture->store, "สป.กค."), 2567, &error);
  g_autoptr (PhaenIndicator) gfmis = NULL;
  guint per_group[G_N_ELEMENTS (groups)] = { 0 };
  double value = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < indicators->len; i++)
    {
      PhaenIndicator *indicator = g_ptr_array_index (indicators, i);
      guint g;

      g_assert_cmpint (indicator->scoring, ==, PHAEN_SCORING_PMQA7);
      g_assert_true (indicator->has_pmqa_target);
      for (g = 0; g < G_N_ELEMENTS (groups); g++)
        if (g_strcmp0 (indicator->pmqa_group, groups[g]) == 0)
          break;
      g_assert_cmpuint (g, <, G_N_ELEMENTS (groups));
      per_group[g]++;
      for (int year = 2565; year <= 2567; year++)
        g_assert_true (phaen_store_get_pmqa_value (fixture->store, indicator->id, year, &value));
    }
  /* At most 5 indicators per sub-item (seed 001); the seed fills every one. */
  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    g_assert_cmpuint (per_group[g], ==, 5);

  /* seed 001: GFMIS downtime, lower is better, target 0.10, 2567 result 0.05 */
  gfmis = find_indicator (fixture->store, "สป.กค.", 2567, "7.1-1");
  g_assert_cmpint (gfmis->direction, ==, PHAEN_DIRECTION_LOWER_BETTER);
  g_assert_cmpfloat (gfmis->pmqa_target, ==, 0.10);
  g_assert_true (phaen_store_get_pmqa_value (fixture->store, gfmis->id, 2567, &value));
  g_assert_cmpfloat (value, ==, 0.05);
}

/* The sample reproduces seed 001's own figures: % ความสำเร็จ of every indicator, the
 * sub-item means and category 7. */
static void
test_pmqa_table (Fixture *fixture, gconstpointer data)
{
  static const double percent[6][5] = {
    { 150, 100, 101.67, 101.21, 112.36 }, { 100.93, 145.59, 100.33, 133.33, 100 },
    { 300, 195, 114.29, 103.78, 133.33 }, { 150, 150, 111.11, 118.75, 94.4 },
    { 100, 200, 100, 133.33, 194.44 },    { 200, 170, 80.17, 100, 134.43 },
  };
  static const double means[6] = { 380, 380, 460, 360, 420, 400 };
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenPmqaTable) table =
    phaen_pmqa_table_build (fixture->store, test_unit_id (fixture->store, "สป.กค."), 2567, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (table->groups->len, ==, 6);
  for (guint g = 0; g < table->groups->len; g++)
    {
      PhaenPmqaGroup *group = g_ptr_array_index (table->groups, g);

      g_assert_cmpuint (group->rows->len, ==, 5);
      for (guint r = 0; r < group->rows->len; r++)
        {
          PhaenPmqaRow *row = g_ptr_array_index (group->rows, r);
          g_autofree char *code = g_strdup_printf ("%s-%u", group->group, r + 1);

          g_assert_cmpstr (row->indicator->code, ==, code);
          g_assert_cmpfloat_with_epsilon (row->score.percent, percent[g][r], 0.005);
        }
      g_assert_cmpfloat_with_epsilon (group->mean.score, means[g], 1e-9);
    }
  g_assert_cmpfloat_with_epsilon (table->mean.score, 400, 1e-9);
}

/* ------------------------------------------------------------------ malformed input */

static char *
write_file (Fixture *fixture, const char *name, const char *contents)
{
  g_autoptr (GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

static void
assert_nothing_loaded (PhaenStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenUnit) unit = phaen_store_find_unit (store, "ทดสอบ.", &error);
  g_autoptr (GPtrArray) plans = NULL;

  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_NOT_FOUND);
  g_assert_null (unit);
  g_clear_error (&error);
  plans = phaen_store_list_plans (store, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plans->len, ==, 0);
  g_assert_false (phaen_store_can_undo (store));
}

static void
test_malformed (Fixture *fixture, gconstpointer data)
{
  static const struct
  {
    const char *json;
    const char *field; /* what the message must name */
  } cases[] = {
    /* fails only after the unit and the plan were written */
    { "{\"units\": [{\"abbr\": \"ทดสอบ.\", \"name\": \"หน่วยทดสอบ\"}],"
      " \"plans\": [{\"unit\": \"ทดสอบ.\", \"fiscal_year\": 2564, \"kind\": \"process\","
      " \"activities\": [{\"name\": \"ก\", \"months\": {\"planned\": [0, \"x\"]}}]}]}",
      "plans[0].activities[0].months.planned[1]" },
    { "{\"units\": [{\"abbr\": \"ทดสอบ.\"}],"
      " \"plans\": [{\"unit\": \"ทดสอบ.\", \"fiscal_year\": 2564, \"kind\": \"process\","
      " \"activities\": [{\"name\": \"ก\", \"months\": {\"planned\": [12]}}]}]}",
      "plans[0].activities[0].months.planned[0]" },
    { "{\"units\": [{\"abbr\": \"ทดสอบ.\"}],"
      " \"indicators\": [{\"unit\": \"ทดสอบ.\", \"fiscal_year\": 2564, \"name\": \"ก\","
      " \"scoring\": \"average\"}]}",
      "indicators[0].scoring" },
    { "{\"units\": [{\"abbr\": \"ทดสอบ.\"}],"
      " \"indicators\": [{\"unit\": \"ทดสอบ.\", \"fiscal_year\": 2564, \"name\": \"ก\","
      " \"scoring\": \"numeric\", \"wieght\": 30}]}",
      "indicators[0].wieght" },
    { "{\"units\": [{\"abbr\": \"ทดสอบ.\"}],"
      " \"indicators\": [{\"unit\": \"ทดสอบ.\", \"fiscal_year\": 2564, \"name\": \"ก\","
      " \"scoring\": \"numeric\", \"results\": [{\"quarter\": 1, \"value\": \"1\","
      " \"evidence\": [{\"name\": \"x\", \"file\": \"../../etc/passwd\"}]}]}]}",
      "indicators[0].results[0].evidence[0].file" },
    { "{\"units\": [{\"abbr\": \"ทดสอบ.\", \"parent\": \"ไม่มี.\"}]}", "units[0].parent" },
    { "{\"units\": [", NULL },
    { "[]", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *path = write_file (fixture, "bad.json", cases[i].json);

      g_test_message ("case %u: %s", i, cases[i].json);
      g_assert_false (phaen_demo_load_file (fixture->store, path, &error));
      g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID);
      g_test_message ("→ %s", error->message);
      g_assert_true (g_str_has_prefix (error->message, "bad.json: "));
      if (cases[i].field)
        g_assert_nonnull (strstr (error->message, cases[i].field));
      assert_nothing_loaded (fixture->store);
    }
}

static void
test_missing (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *missing = g_build_filename (fixture->dir, "none.json", NULL);
  g_autofree char *empty = g_build_filename (fixture->dir, "empty", NULL);

  g_assert_false (phaen_demo_load_file (fixture->store, missing, &error));
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_IO);
  g_clear_error (&error);

  g_assert_cmpint (g_mkdir (empty, 0700), ==, 0);
  g_assert_false (phaen_demo_load_dir (fixture->store, empty, &error));
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_NOT_FOUND);
  g_rmdir (empty);
}

/* A file loaded on its own is one undo step. */
static void
test_one_undo_step (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path =
    g_test_build_filename (G_TEST_DIST, "..", "data", "sample", "kpr-2564.json", NULL);
  g_autoptr (GPtrArray) plans = NULL;

  phaen_demo_load_file (fixture->store, path, &error);
  g_assert_no_error (error);
  g_assert_true (phaen_store_can_undo (fixture->store));
  phaen_store_undo (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_false (phaen_store_can_undo (fixture->store));
  plans = phaen_store_list_plans (fixture->store, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plans->len, ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, load)                                                                      \
  g_test_add (path, Fixture, GINT_TO_POINTER (load), fixture_set_up, func, fixture_tear_down)

  ADD ("/demo/units", test_units, TRUE);
  ADD ("/demo/history-cleared", test_history_cleared, TRUE);
  ADD ("/demo/kpr/plan", test_kpr_plan, TRUE);
  ADD ("/demo/kpr/indicator", test_kpr9, TRUE);
  ADD ("/demo/stp/indicator", test_stp02, TRUE);
  ADD ("/demo/stp/second-indicator", test_stp_second_indicator, TRUE);
  ADD ("/demo/stp/budget", test_stp_budget, TRUE);
  ADD ("/demo/efficiency", test_efficiency_plan, TRUE);
  ADD ("/demo/pmqa", test_pmqa, TRUE);
  ADD ("/demo/pmqa-table", test_pmqa_table, TRUE);
  ADD ("/demo/malformed", test_malformed, FALSE);
  ADD ("/demo/missing", test_missing, FALSE);
  ADD ("/demo/one-undo-step", test_one_undo_step, FALSE);

#undef ADD
  return g_test_run ();
}
