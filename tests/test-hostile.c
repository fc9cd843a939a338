/* test-hostile.c — crafted workspaces: every reader, the scorecard, validation, the XLSX export
 * and the Gantt refuse a value they cannot interpret or handle it, and never crash or run away
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <cairo.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "phaen-chart-gantt.h"
#include "phaen-demo.h"
#include "phaen-budget-view.h"
#include "phaen-error.h"
#include "phaen-model.h"
#include "phaen-scorecard.h"
#include "phaen-store.h"
#include "phaen-validate.h"
#include "phaen-xlsx.h"
#include "test-util.h"

/* The sample, built once; every case corrupts a copy of it. */
static char *template_dir;
static char *template_path;

/* PHAEN_MAX_TEXT_BYTES: what a text field of the file is cut to. */
#define TEXT_MAX 32000

/* A case whose walk takes longer than this runs away (5,000 levels took > 120 s to export).
 * Laying out and drawing a name of TEXT_MAX bytes in the Gantt and the workbook takes seconds
 * of its own (more under ASan), so the long-text cases get a budget of their own. */
#define WALK_SECONDS_MAX 10.0
#define LONG_TEXT_SECONDS_MAX 90.0

/* ------------------------------------------------------------------ the walk */

typedef struct
{
  PhaenStore *store;
  char *dir;
  guint n_corrupt; /* calls refused with PHAEN_ERROR_CORRUPT */
} Walk;

/* A call either worked, or failed in our domain with one sentence. */
static void
check (Walk *w, gboolean ok, GError **error)
{
  if (ok)
    {
      g_assert_no_error (*error);
      return;
    }
  g_assert_nonnull (*error);
  g_assert_true ((*error)->domain == PHAEN_ERROR);
  g_assert_cmpstr ((*error)->message, !=, "");
  g_assert_null (strchr ((*error)->message, '\n'));
  g_assert_true (g_utf8_validate ((*error)->message, -1, NULL));
  if ((*error)->code == PHAEN_ERROR_CORRUPT)
    w->n_corrupt++;
  g_test_message ("%s", (*error)->message);
  g_clear_error (error);
}

static void
assert_text (const char *text)
{
  if (text == NULL)
    return;
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_cmpuint (strlen (text), <=, TEXT_MAX + strlen ("…"));
}

static void
walk_gantt (Walk *w, gint64 plan_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenGantt) gantt = phaen_gantt_new (w->store, plan_id, &error);
  cairo_surface_t *surface;
  cairo_t *cr;

  check (w, gantt != NULL, &error);
  if (gantt == NULL)
    return;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 800, 600);
  cr = cairo_create (surface);
  phaen_gantt_draw (gantt, cr, 800);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
walk_plans (Walk *w)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) plans = phaen_store_list_plans (w->store, 0, 0, &error);

  check (w, plans != NULL, &error);
  for (guint i = 0; plans && i < plans->len; i++)
    {
      const PhaenPlan *plan = g_ptr_array_index (plans, i);
      g_autoptr (GPtrArray) activities = phaen_store_list_activities (w->store, plan->id, &error);
      g_autoptr (GArray) budget = NULL;

      check (w, activities != NULL, &error);
      for (guint j = 0; activities && j < activities->len; j++)
        {
          const PhaenActivity *a = g_ptr_array_index (activities, j);

          assert_text (a->name);
          g_assert_cmpint (a->depth, >=, 0);
          g_assert_cmpint (a->depth, <, PHAEN_MAX_ACTIVITY_DEPTH);
        }
      budget = phaen_store_list_budget_quarters (w->store, plan->id, &error);
      check (w, budget != NULL, &error);
      {
        g_autoptr (PhaenBudgetView) view = phaen_budget_view_new (w->store, plan->id, NULL, &error);

        check (w, view != NULL, &error);
      }
      walk_gantt (w, plan->id);
    }
}

static void
walk_indicators (Walk *w)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) indicators = phaen_store_list_indicators (w->store, 0, 0, &error);
  g_autoptr (GHashTable) cards = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  check (w, indicators != NULL, &error);
  for (guint i = 0; indicators && i < indicators->len; i++)
    {
      const PhaenIndicator *indicator = g_ptr_array_index (indicators, i);
      g_autoptr (GPtrArray) results = phaen_store_get_results (w->store, indicator->id, &error);
      g_autoptr (GPtrArray) versions = NULL;
      char *key =
        g_strdup_printf ("%" G_GINT64_FORMAT "/%d", indicator->unit_id, indicator->fiscal_year);

      assert_text (indicator->code);
      check (w, results != NULL, &error);
      versions = phaen_store_list_criteria_versions (w->store, indicator->id, &error);
      check (w, versions != NULL, &error);
      for (int q = 1; q <= PHAEN_QUARTERS; q++)
        {
          g_autoptr (GPtrArray) evidence =
            phaen_store_list_evidence (w->store, indicator->id, q, &error);
          check (w, evidence != NULL, &error);
        }
      if (g_hash_table_add (cards, key))
        {
          g_autoptr (PhaenScorecard) card =
            phaen_scorecard_build (w->store, indicator->unit_id, indicator->fiscal_year, &error);
          check (w, card != NULL, &error);
        }
    }
}

static void
walk_export (Walk *w, gint64 unit_id)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (w->dir, "out.xlsx", NULL);
  PhaenXlsxOptions options;

  phaen_xlsx_options_init (&options, PHAEN_XLSX_FORM_ALL);
  options.unit_id = unit_id;
  check (w, phaen_xlsx_export (w->store, &options, path, &error), &error);
}

/* Runs every reader and every consumer over the workspace; returns the calls refused as
 * damaged. */
static guint
walk (Walk *w)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) units = phaen_store_list_units (w->store, &error);
  g_autoptr (GPtrArray) people = NULL;
  g_autoptr (GArray) years = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  double targets[PHAEN_QUARTERS];

  check (w, units != NULL, &error);
  for (guint i = 0; units && i < units->len; i++)
    assert_text (((PhaenUnit *)g_ptr_array_index (units, i))->name);
  people = phaen_store_list_people (w->store, 0, &error);
  check (w, people != NULL, &error);
  years = phaen_store_list_fiscal_years (w->store, &error);
  check (w, years != NULL, &error);
  if (!phaen_store_get_disbursement_targets (w->store, 2564, targets, &error))
    g_clear_error (&error);
  walk_plans (w);
  walk_indicators (w);
  problems = phaen_validate (w->store, 0, 0, &error);
  check (w, problems != NULL, &error);
  /* The sample's กพร. (unit 2) holds plan 1, indicator 1 and its results. */
  walk_export (w, 2);
  return w->n_corrupt;
}

/* ------------------------------------------------------------------ cases */

typedef enum
{
  HANDLED, /* read as something sensible */
  REFUSED, /* refused with PHAEN_ERROR_CORRUPT */
} Outcome;

typedef struct
{
  const char *path;
  const char *sql;
  Outcome outcome;
  double seconds_max; /* 0 for WALK_SECONDS_MAX */
} Case;

/* A chain of @n activities in plan 1, each under the one before. */
#define CHAIN(n)                                                                                   \
  "WITH RECURSIVE c (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < " #n ")"              \
  " INSERT INTO activity (id, uuid, plan_id, parent_id, position, name)"                           \
  " SELECT 100000 + n, 'chain-' || n, 1, nullif (100000 + n - 1, 100000), 0, 'ชั้น ' || n FROM c"

static const Case cases[] = {
  { "/hostile/none", "", HANDLED },
  { "/hostile/quarter/0", "UPDATE result SET quarter = 0 WHERE id = 1", REFUSED },
  { "/hostile/quarter/5", "UPDATE result SET quarter = 5 WHERE id = 1", REFUSED },
  { "/hostile/quarter/-1", "UPDATE result SET quarter = -1 WHERE id = 1", REFUSED },
  { "/hostile/quarter/2^31", "UPDATE result SET quarter = 2147483648 WHERE id = 1", REFUSED },
  /* Read as a 32-bit int, 2^32 + 1 would pass for quarter 1. */
  { "/hostile/quarter/2^32+1", "UPDATE result SET quarter = 4294967297 WHERE id = 1", REFUSED },
  { "/hostile/quarter/text", "UPDATE result SET quarter = 'หนึ่ง' WHERE id = 1", REFUSED },
  { "/hostile/budget-quarter/0",
    "INSERT INTO budget_quarter (uuid, plan_id, quarter) VALUES ('bq', 1, 0)", REFUSED },
  { "/hostile/activity-budget/quarter-9",
    "INSERT INTO activity_budget (uuid, activity_id, quarter) VALUES ('ab', 1, 9)", REFUSED },
  { "/hostile/activity-budget/negative",
    "INSERT INTO activity_budget (uuid, activity_id, quarter, disbursed) VALUES ('ab', 1, 1, -5)",
    REFUSED },
  { "/hostile/activity-budget/text",
    "INSERT INTO activity_budget (uuid, activity_id, quarter, allocated)"
    " VALUES ('ab', 1, 1, 'ล้าน')",
    REFUSED },
  { "/hostile/month/24", "UPDATE activity_month SET month = 24 WHERE id = 1", REFUSED },
  { "/hostile/month/-1", "UPDATE activity_month SET month = -1 WHERE id = 1", REFUSED },
  { "/hostile/marks/16", "UPDATE activity_month SET marks = 16 WHERE id = 1", REFUSED },
  { "/hostile/marks/-1", "UPDATE activity_month SET marks = -1 WHERE id = 1", REFUSED },
  { "/hostile/indicator-level/3", "UPDATE indicator SET level = 3 WHERE id = 1", REFUSED },
  { "/hostile/criterion-level/0", "UPDATE criterion SET level = 0 WHERE id = 1", REFUSED },
  { "/hostile/criterion-level/11", "UPDATE criterion SET level = 11 WHERE id = 1", REFUSED },
  { "/hostile/plan-kind/3", "UPDATE plan SET kind = 3 WHERE id = 1", REFUSED },
  { "/hostile/plan-extra-months/13", "UPDATE plan SET extra_months = 13 WHERE id = 1", REFUSED },
  { "/hostile/plan-year/0", "UPDATE plan SET fiscal_year = 0 WHERE id = 1", REFUSED },
  { "/hostile/scoring/5", "UPDATE indicator SET scoring = 5 WHERE id = 1", REFUSED },
  { "/hostile/direction/2", "UPDATE indicator SET direction = 2 WHERE id = 1", REFUSED },
  { "/hostile/mandatory/-1", "UPDATE indicator SET mandatory = -1 WHERE id = 1", REFUSED },
  { "/hostile/category/6", "UPDATE activity SET category = 6 WHERE id = 1", REFUSED },
  { "/hostile/weight/infinite", "UPDATE indicator SET weight = 1e999 WHERE id = 1", REFUSED },
  { "/hostile/id/0", "UPDATE activity SET id = 0 WHERE id = 1", REFUSED },
  { "/hostile/id/-1", "UPDATE unit SET id = -1 WHERE id = 3", REFUSED },
  { "/hostile/parent/zero", "UPDATE activity SET parent_id = 0 WHERE id = 2", HANDLED },
  { "/hostile/parent/self", "UPDATE activity SET parent_id = id WHERE id = 1", REFUSED },
  { "/hostile/parent/2-cycle",
    "UPDATE activity SET parent_id = 2 WHERE id = 1; UPDATE activity SET parent_id = 1 WHERE id = "
    "2",
    REFUSED },
  { "/hostile/parent/dangling", "UPDATE activity SET parent_id = 999999 WHERE id = 1", REFUSED },
  { "/hostile/parent/other-plan", "UPDATE activity SET parent_id = 8 WHERE id = 1", REFUSED },
  { "/hostile/depth/32", CHAIN (32), HANDLED },
  { "/hostile/depth/33", CHAIN (33), REFUSED },
  { "/hostile/depth/5000", CHAIN (5000), REFUSED },
  /* 20 MB of ASCII, then 21 MB of ก (3 bytes each, so the cut falls inside one). */
  { "/hostile/text/20-MB-name", "UPDATE activity SET name = hex (zeroblob (10000000)) WHERE id = 1",
    HANDLED, LONG_TEXT_SECONDS_MAX },
  { "/hostile/text/21-MB-thai-name",
    "UPDATE activity SET name = replace (hex (zeroblob (3500000)), '0', 'ก') WHERE id = 1", HANDLED,
    LONG_TEXT_SECONDS_MAX },
  { "/hostile/utf8/unit-name", "UPDATE unit SET name = CAST (x'41e0b8' AS TEXT) WHERE id = 2",
    HANDLED },
  { "/hostile/utf8/indicator-code",
    "UPDATE indicator SET code = CAST (x'e0b8e0ff20e0' AS TEXT) WHERE id = 1", HANDLED },
  { "/hostile/utf8/activity-name",
    "UPDATE activity SET name = CAST (x'c0afe0b88141004200f4' AS TEXT) WHERE id = 1", HANDLED },
  { "/hostile/utf8/blob-name", "UPDATE activity SET name = x'e0b800e0b8' WHERE id = 1", HANDLED },
};

static void
corrupt (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;
  g_autofree char *script =
    g_strconcat ("PRAGMA ignore_check_constraints = 1; PRAGMA foreign_keys = OFF; ", sql, NULL);

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  if (sqlite3_exec (db, script, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static void
copy_template (const char *path)
{
  g_autofree char *bytes = NULL;
  gsize len;
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_get_contents (template_path, &bytes, &len, &error));
  g_assert_true (g_file_set_contents (path, bytes, len, &error));
  g_assert_no_error (error);
}

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  Walk w = { NULL };
  g_autoptr (GTimer) timer = g_timer_new ();

  w.dir = g_dir_make_tmp ("phaen-hostile-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (w.dir, "x.phaen", NULL);
  copy_template (path);
  corrupt (path, c->sql);

  g_timer_start (timer);
  w.store = phaen_store_open (path, &error);
  check (&w, w.store != NULL, &error);
  if (w.store != NULL)
    walk (&w);
  g_assert_cmpfloat (g_timer_elapsed (timer, NULL),
                     <, c->seconds_max> 0 ? c->seconds_max : WALK_SECONDS_MAX);
  if (c->outcome == REFUSED)
    g_assert_cmpuint (w.n_corrupt, >, 0);
  else
    g_assert_cmpuint (w.n_corrupt, ==, 0);
  test_workspace_close (&w.store, &w.dir);
}

/* What a handled value reads as. */
static PhaenActivity *
read_activity (const char *sql, gint64 id)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("phaen-hostile-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "x.phaen", NULL);
  PhaenStore *store;
  PhaenActivity *activity;

  copy_template (path);
  corrupt (path, sql);
  store = phaen_store_open (path, &error);
  g_assert_no_error (error);
  activity = phaen_store_get_activity (store, id, &error);
  g_assert_no_error (error);
  test_workspace_close (&store, &dir);
  return activity;
}

static void
test_text_read_as (void)
{
  g_autoptr (PhaenActivity) ascii =
    read_activity ("UPDATE activity SET name = hex (zeroblob (10000000)) WHERE id = 1", 1);
  g_autoptr (PhaenActivity) thai = read_activity (
    "UPDATE activity SET name = replace (hex (zeroblob (3500000)), '0', 'ก') WHERE id = 1", 1);
  g_autoptr (PhaenActivity) invalid =
    read_activity ("UPDATE activity SET name = CAST (x'41e0b8' AS TEXT) WHERE id = 1", 1);
  g_autoptr (PhaenActivity) nul =
    read_activity ("UPDATE activity SET name = x'41004200' WHERE id = 1", 1);

  /* Cut on a character boundary, and marked as cut. */
  g_assert_cmpuint (strlen (ascii->name), ==, TEXT_MAX + strlen ("…"));
  g_assert_true (g_str_has_suffix (ascii->name, "0…"));
  g_assert_true (g_utf8_validate (thai->name, -1, NULL));
  g_assert_cmpuint (strlen (thai->name), ==, TEXT_MAX / 3 * 3 + strlen ("…"));
  g_assert_true (g_str_has_suffix (thai->name, "ก…"));
  /* Each byte that is not UTF-8, and each NUL, becomes U+FFFD. */
  g_assert_cmpstr (invalid->name, ==, "A\xEF\xBF\xBD\xEF\xBF\xBD");
  g_assert_cmpstr (nul->name, ==,
                   "A\xEF\xBF\xBD"
                   "B\xEF\xBF\xBD");
}

/* The app never writes what it would refuse to read back. */
static void
test_nesting_limit_on_write (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  PhaenStore *store = test_workspace_new ("t.phaen", &dir);
  gint64 unit = phaen_store_add_unit (store, "กพร.", "", 0, &error);
  gint64 plan = phaen_store_add_plan (store, unit, 2564, PHAEN_PLAN_PROCESS, "", &error);
  gint64 above = 0, parent = 0, first, second;

  g_assert_no_error (error);
  for (int i = 0; i < PHAEN_MAX_ACTIVITY_DEPTH; i++)
    {
      above = parent;
      parent = phaen_store_add_activity (store, plan, parent, -1, "ชั้น", &error);
      g_assert_no_error (error);
    }
  g_assert_cmpint (phaen_store_add_activity (store, plan, parent, -1, "ลึกเกิน", &error), ==, 0);
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID);
  g_clear_error (&error);

  /* A two-level subtree fits beside the deepest level only without its child. */
  first = phaen_store_add_activity (store, plan, 0, -1, "ก", &error);
  second = phaen_store_add_activity (store, plan, first, -1, "ข", &error);
  g_assert_cmpint (second, >, 0);
  g_assert_false (phaen_store_move_activity (store, first, above, -1, &error));
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (phaen_store_move_activity (store, second, above, -1, &error));
  g_assert_no_error (error);
  test_workspace_close (&store, &dir);
}

/* ------------------------------------------------------------------ main */

static void
build_template (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "..", "data", "sample", NULL);
  PhaenStore *store = test_workspace_new ("template.phaen", &template_dir);

  template_path = g_strdup (phaen_store_get_path (store));
  g_assert_true (phaen_demo_load_dir (store, sample, &error));
  g_assert_no_error (error);
  g_object_unref (store); /* checkpoints the log into the file */
}

int
main (int argc, char **argv)
{
  PhaenStore *none = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  build_template ();
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_test_add_data_func (cases[i].path, &cases[i], test_case);
  g_test_add_func ("/hostile/text/read-as", test_text_read_as);
  g_test_add_func ("/hostile/depth/limit-on-write", test_nesting_limit_on_write);
  status = g_test_run ();
  test_workspace_close (&none, &template_dir);
  g_free (template_path);
  return status;
}
