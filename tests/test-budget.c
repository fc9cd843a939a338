/* test-budget.c — the quarterly budget of a plan's rows: the store (undoable, precise changes,
 * bad input refused), the view's counting rule against hand-computed figures, and the XLSX sheet
 * and phaen-cli showing the view's numbers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <json-glib/json-glib.h>
#include <math.h>

#include "phaen-budget-view.h"
#include "phaen-chart-budget.h"
#include "phaen-error.h"
#include "phaen-xlsx.h"
#include "test-util.h"
#include "test-xlsx-read.h"

typedef struct
{
  char *dir;
  PhaenStore *store;
  gint64 unit;
  gint64 plan;
  gint64 project1, a11, a12, project2, a21, a22;
} Fixture;

static gint64
add (Fixture *f, gint64 parent, const char *name)
{
  g_autoptr (GError) error = NULL;
  gint64 id = phaen_store_add_activity (f->store, f->plan, parent, -1, name, &error);

  g_assert_no_error (error);
  return id;
}

static void
set (Fixture *f, gint64 row, PhaenBudgetField field, const double amounts[PHAEN_QUARTERS])
{
  for (int q = 0; q < PHAEN_QUARTERS; q++)
    if (amounts[q] != 0)
      {
        g_autoptr (GError) error = NULL;

        phaen_store_set_activity_budget (f->store, row, q + 1, field, amounts[q], &error);
        g_assert_no_error (error);
      }
}

/* An action plan of FY 2564 as a secretariat reports it:
 * 1 a project whose activities hold the money (1.1 spread over the year, 1.2 a consultancy
 *   allocated and committed in Q1, paid in three instalments);
 * 2 a project allocated 1,000,000 as a whole, its activities disbursing (2.2 allocated more
 *   than the project: flagged). */
static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->store = test_workspace_new ("budget.phaen", &f->dir);
  f->unit = phaen_store_add_unit (f->store, "สนย.", "สำนักนโยบายและยุทธศาสตร์", 0, &error);
  g_assert_no_error (error);
  f->plan = phaen_store_add_plan (f->store, f->unit, 2564, PHAEN_PLAN_ACTION,
                                  "แผนปฏิบัติราชการ ประจำปีงบประมาณ พ.ศ. 2564", &error);
  g_assert_no_error (error);
  f->project1 = add (f, 0, "โครงการพัฒนาระบบบริหารจัดการภาครัฐ");
  f->a11 = add (f, f->project1, "อบรมเชิงปฏิบัติการ");
  f->a12 = add (f, f->project1, "จ้างที่ปรึกษาประเมินผล");
  f->project2 = add (f, 0, "โครงการเพิ่มประสิทธิภาพการเบิกจ่าย");
  f->a21 = add (f, f->project2, "จัดซื้อครุภัณฑ์คอมพิวเตอร์");
  f->a22 = add (f, f->project2, "ปรับปรุงระบบสารสนเทศ");
  if (data == NULL)
    return;
  set (f, f->a11, PHAEN_BUDGET_ALLOCATED, (double[]){ 100000, 150000, 150000, 100000 });
  set (f, f->a11, PHAEN_BUDGET_COMMITTED, (double[]){ 50000, 100000, 0, 0 });
  set (f, f->a11, PHAEN_BUDGET_DISBURSED, (double[]){ 20000, 130000, 150000, 190000 });
  set (f, f->a12, PHAEN_BUDGET_ALLOCATED, (double[]){ 300000, 0, 0, 0 });
  set (f, f->a12, PHAEN_BUDGET_COMMITTED, (double[]){ 300000, 0, 0, 0 });
  set (f, f->a12, PHAEN_BUDGET_DISBURSED, (double[]){ 0, 90000, 90000, 120000 });
  set (f, f->project2, PHAEN_BUDGET_ALLOCATED, (double[]){ 1000000, 0, 0, 0 });
  set (f, f->a21, PHAEN_BUDGET_DISBURSED, (double[]){ 250000, 400000, 0, 0 });
  set (f, f->a22, PHAEN_BUDGET_ALLOCATED, (double[]){ 1200000, 0, 0, 0 });
  set (f, f->a22, PHAEN_BUDGET_DISBURSED, (double[]){ 0, 0, 200000, 100000 });
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  test_workspace_close (&f->store, &f->dir);
}

static PhaenBudgetView *
view_as_of (Fixture *f, int day, GDateMonth month, int year)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDate) as_of = g_date_new_dmy (day, month, year);
  PhaenBudgetView *view = phaen_budget_view_new (f->store, f->plan, as_of, &error);

  g_assert_no_error (error);
  g_assert_nonnull (view);
  return view;
}

static void
assert_amounts (const double actual[PHAEN_QUARTERS], const double expected[PHAEN_QUARTERS])
{
  for (int q = 0; q < PHAEN_QUARTERS; q++)
    g_assert_cmpfloat_with_epsilon (actual[q], expected[q], 0.005);
}

/* ------------------------------------------------------------------ the store */

static void
collect_changes_cb (PhaenStore *store, PhaenChanges *changes, gpointer user_data)
{
  phaen_changes_merge (user_data, changes);
}

static void
test_store_edit_undo (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenChanges) changes = phaen_changes_new ();
  g_autoptr (GArray) budgets = NULL;
  gulong handler =
    g_signal_connect (f->store, "records-changed", G_CALLBACK (collect_changes_cb), changes);

  g_assert_true (phaen_store_set_activity_budget (f->store, f->a11, 2, PHAEN_BUDGET_DISBURSED,
                                                  15000.004, &error));
  g_assert_no_error (error);
  g_signal_handler_disconnect (f->store, handler);
  g_assert_true (phaen_changes_touches (changes, PHAEN_RECORD_ACTIVITY_BUDGET));
  g_assert_false (phaen_changes_touches (changes, PHAEN_RECORD_ACTIVITY | PHAEN_RECORD_PLAN));
  g_assert_cmpstr (phaen_store_get_undo_label (f->store), ==, "Edit quarterly budget");

  g_assert_true (
    phaen_store_set_activity_budget (f->store, f->a11, 2, PHAEN_BUDGET_ALLOCATED, 50000, &error));
  budgets = phaen_store_list_activity_budgets (f->store, f->plan, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (budgets->len, ==, 1);
  g_assert_cmpint (g_array_index (budgets, PhaenActivityBudget, 0).quarter, ==, 2);
  /* Kept to the satang; the other field of the same quarter is kept. */
  g_assert_cmpfloat (g_array_index (budgets, PhaenActivityBudget, 0).amount[PHAEN_BUDGET_DISBURSED],
                     ==, 15000);
  g_assert_cmpfloat (g_array_index (budgets, PhaenActivityBudget, 0).amount[PHAEN_BUDGET_ALLOCATED],
                     ==, 50000);
  g_clear_pointer (&budgets, g_array_unref);

  /* One edit, one undo step: the allocation goes, the disbursement stays. */
  g_assert_true (phaen_store_undo (f->store, &error));
  budgets = phaen_store_list_activity_budgets (f->store, f->plan, &error);
  g_assert_cmpfloat (g_array_index (budgets, PhaenActivityBudget, 0).amount[PHAEN_BUDGET_ALLOCATED],
                     ==, 0);
  g_assert_cmpfloat (g_array_index (budgets, PhaenActivityBudget, 0).amount[PHAEN_BUDGET_DISBURSED],
                     ==, 15000);
  g_clear_pointer (&budgets, g_array_unref);
  g_assert_true (phaen_store_undo (f->store, &error));
  budgets = phaen_store_list_activity_budgets (f->store, f->plan, &error);
  g_assert_cmpuint (budgets->len, ==, 0);
  g_clear_pointer (&budgets, g_array_unref);
  g_assert_true (phaen_store_redo (f->store, &error));
  budgets = phaen_store_list_activity_budgets (f->store, f->plan, &error);
  g_assert_cmpuint (budgets->len, ==, 1);

  /* Deleting the activity deletes its budget. */
  g_assert_true (phaen_store_delete_activity (f->store, f->a11, &error));
  g_clear_pointer (&budgets, g_array_unref);
  budgets = phaen_store_list_activity_budgets (f->store, f->plan, &error);
  g_assert_cmpuint (budgets->len, ==, 0);
}

static void
test_store_refuses (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) budgets = NULL;

  g_assert_true (
    phaen_store_set_activity_budget (f->store, f->a11, 1, PHAEN_BUDGET_ALLOCATED, 1500000, &error));
  g_assert_false (
    phaen_store_set_activity_budget (f->store, f->a11, 1, PHAEN_BUDGET_ALLOCATED, -5, &error));
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (
    phaen_store_set_activity_budget (f->store, f->a11, 1, PHAEN_BUDGET_ALLOCATED, NAN, &error));
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (
    phaen_store_set_activity_budget (f->store, f->a11, 5, PHAEN_BUDGET_ALLOCATED, 1, &error));
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (phaen_store_set_activity_budget (f->store, f->a11 + 1000, 1,
                                                   PHAEN_BUDGET_ALLOCATED, 1, &error));
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* Nothing of the refused edits reached the file: the earlier amount is whole. */
  budgets = phaen_store_list_activity_budgets (f->store, f->plan, &error);
  g_assert_cmpuint (budgets->len, ==, 1);
  g_assert_cmpfloat (g_array_index (budgets, PhaenActivityBudget, 0).amount[PHAEN_BUDGET_ALLOCATED],
                     ==, 1500000);
}

/* ------------------------------------------------------------------ the view */

static void
test_view_counting_rule (Fixture *f, gconstpointer data)
{
  g_autoptr (PhaenBudgetView) view = view_as_of (f, 1, G_DATE_OCTOBER, 2021);
  const PhaenBudgetRow *p1 = phaen_budget_view_find (view, f->project1);
  const PhaenBudgetRow *p2 = phaen_budget_view_find (view, f->project2);
  const PhaenBudgetRow *a22 = phaen_budget_view_find (view, f->a22);

  g_assert_cmpuint (view->rows->len, ==, 6);
  g_assert_true (view->targets_default);
  g_assert_false (view->from_plan);
  g_assert_cmpint (view->quarters_ended, ==, 4);

  /* Project 1 sums its activities. */
  g_assert_true (p1->has_children);
  assert_amounts (p1->figures.amount[PHAEN_BUDGET_ALLOCATED],
                  (double[]){ 400000, 150000, 150000, 100000 });
  assert_amounts (p1->figures.amount[PHAEN_BUDGET_COMMITTED], (double[]){ 350000, 100000, 0, 0 });
  assert_amounts (p1->figures.cumulative[PHAEN_BUDGET_DISBURSED],
                  (double[]){ 20000, 240000, 480000, 790000 });
  assert_amounts (p1->figures.disbursed_percent, (double[]){ 2.5, 30, 60, 98.75 });
  g_assert_false (p1->editable[PHAEN_BUDGET_ALLOCATED]);

  /* Project 2's own allocation covers its activities; its disbursements are theirs. */
  assert_amounts (p2->figures.amount[PHAEN_BUDGET_ALLOCATED], (double[]){ 1000000, 0, 0, 0 });
  assert_amounts (p2->figures.amount[PHAEN_BUDGET_DISBURSED],
                  (double[]){ 250000, 400000, 200000, 100000 });
  g_assert_true (p2->editable[PHAEN_BUDGET_ALLOCATED]);
  g_assert_false (p2->editable[PHAEN_BUDGET_DISBURSED]);
  g_assert_true (p2->children_exceed[PHAEN_BUDGET_ALLOCATED]);
  g_assert_false (p2->children_exceed[PHAEN_BUDGET_DISBURSED]);
  g_assert_true (a22->editable[PHAEN_BUDGET_ALLOCATED]);
  g_assert_cmpint (p2->figures.status[1], ==, PHAEN_BUDGET_ON_TARGET); /* 65 % ≥ 52 % */
  g_assert_cmpint (p2->figures.status[0], ==, PHAEN_BUDGET_SHORT);     /* 25 % < 30 % */

  /* The plan: 1,800,000 allocated, 1,740,000 disbursed, 96.67 % against 100 %. */
  assert_amounts (view->total.amount[PHAEN_BUDGET_ALLOCATED],
                  (double[]){ 1400000, 150000, 150000, 100000 });
  g_assert_cmpfloat_with_epsilon (view->total.annual[PHAEN_BUDGET_ALLOCATED], 1800000, 0.005);
  g_assert_cmpfloat_with_epsilon (view->total.annual[PHAEN_BUDGET_COMMITTED], 450000, 0.005);
  assert_amounts (view->total.cumulative[PHAEN_BUDGET_DISBURSED],
                  (double[]){ 270000, 890000, 1330000, 1740000 });
  assert_amounts (view->total.target_amount, (double[]){ 540000, 936000, 1350000, 1800000 });
  assert_amounts (view->total.shortfall, (double[]){ 270000, 46000, 20000, 60000 });
  g_assert_cmpfloat_with_epsilon (view->total.disbursed_percent[0], 15, 1e-9);
  g_assert_cmpfloat_with_epsilon (view->total.disbursed_percent[1], 890000.0 / 18000, 1e-9);
  for (int q = 0; q < PHAEN_QUARTERS; q++)
    g_assert_cmpint (view->total.status[q], ==, PHAEN_BUDGET_SHORT);
}

static void
test_view_targets (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenBudgetView) mid_year = view_as_of (f, 15, G_DATE_FEBRUARY, 2021);
  g_autoptr (PhaenBudgetView) view = NULL;
  const double lenient[PHAEN_QUARTERS] = { 15, 49, 70, 95 };

  /* 15 ก.พ. 64: Q1 has ended and is judged; the rest are in progress, never "short". */
  g_assert_cmpint (mid_year->quarters_ended, ==, 1);
  g_assert_cmpint (mid_year->total.status[0], ==, PHAEN_BUDGET_SHORT);
  for (int q = 1; q < PHAEN_QUARTERS; q++)
    g_assert_cmpint (mid_year->total.status[q], ==, PHAEN_BUDGET_IN_PROGRESS);

  /* The year's own targets (a cabinet resolution) replace the defaults. */
  g_assert_true (phaen_budget_check_targets (lenient, &error));
  g_assert_true (phaen_store_set_disbursement_targets (f->store, 2564, lenient, &error));
  g_assert_no_error (error);
  view = view_as_of (f, 1, G_DATE_OCTOBER, 2021);
  g_assert_false (view->targets_default);
  g_assert_cmpint (view->total.status[0], ==, PHAEN_BUDGET_ON_TARGET); /* 15 % = 15 % */
  g_assert_cmpint (view->total.status[1], ==, PHAEN_BUDGET_ON_TARGET); /* 49.44 % ≥ 49 % */
  g_assert_cmpint (view->total.status[2], ==, PHAEN_BUDGET_ON_TARGET); /* 73.89 % ≥ 70 % */
  g_assert_cmpint (view->total.status[3], ==, PHAEN_BUDGET_ON_TARGET); /* 96.67 % ≥ 95 % */
  g_assert_true (phaen_store_undo (f->store, &error));
  g_clear_pointer (&view, phaen_budget_view_free);
  view = view_as_of (f, 1, G_DATE_OCTOBER, 2021);
  g_assert_true (view->targets_default);

  g_assert_false (phaen_budget_check_targets ((double[]){ 30, 52, 175, 100 }, &error));
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (phaen_budget_check_targets ((double[]){ 30, 25, 75, 100 }, &error));
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID);
}

/* No row entered: the plan's whole-plan quarters are the totals; once rows are, a disagreement
 * with them is flagged and the rows count. */
static void
test_view_plan_entries (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenBudgetView) view = NULL;
  PhaenBudgetQuarter q1 = {
    .plan_id = f->plan, .quarter = 1, .allocated = 82090, .disbursed = 20000
  };

  g_assert_true (phaen_store_set_budget_quarter (f->store, &q1, &error));
  view = view_as_of (f, 1, G_DATE_OCTOBER, 2021);
  g_assert_true (view->from_plan);
  g_assert_true (view->has_quarter[0]);
  g_assert_false (view->has_quarter[1]);
  g_assert_cmpfloat_with_epsilon (view->total.annual[PHAEN_BUDGET_ALLOCATED], 82090, 0.005);
  g_clear_pointer (&view, phaen_budget_view_free);

  g_assert_true (
    phaen_store_set_activity_budget (f->store, f->a11, 1, PHAEN_BUDGET_ALLOCATED, 80000, &error));
  view = view_as_of (f, 1, G_DATE_OCTOBER, 2021);
  g_assert_false (view->from_plan);
  g_assert_true (view->plan_differs);
  g_assert_cmpfloat_with_epsilon (view->total.annual[PHAEN_BUDGET_ALLOCATED], 80000, 0.005);
  g_assert_cmpint (view->total.status[3], ==, PHAEN_BUDGET_SHORT);
}

/* ------------------------------------------------------------------ every view of it */

static JsonObject *
run_budget_cli (Fixture *f, JsonParser *parser)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, f->plan);
  g_auto (Run) run = { 0 };
  g_autoptr (GError) error = NULL;

  run_cli (&run, "budget", phaen_store_get_path (f->store), id, "--json", "--as-of", "1 ต.ค. 2564",
           NULL);
  g_spawn_check_wait_status (run.status, &error);
  g_assert_no_error (error);
  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static void
assert_json_figures (JsonObject *object, const PhaenBudgetFigures *figures)
{
  static const char *const names[PHAEN_BUDGET_FIELDS] = { "allocated", "committed", "disbursed" };

  for (int k = 0; k < PHAEN_BUDGET_FIELDS; k++)
    {
      JsonArray *amounts = json_object_get_array_member (object, names[k]);

      for (int q = 0; q < PHAEN_QUARTERS; q++)
        g_assert_cmpfloat_with_epsilon (json_array_get_double_element (amounts, q),
                                        figures->amount[k][q], 0.005);
    }
  for (int q = 0; q < PHAEN_QUARTERS; q++)
    {
      JsonArray *percent = json_object_get_array_member (object, "disbursed_percent");

      if (isnan (figures->disbursed_percent[q]))
        g_assert_true (json_array_get_null_element (percent, q));
      else
        g_assert_cmpfloat_with_epsilon (json_array_get_double_element (percent, q),
                                        figures->disbursed_percent[q], 0.005);
    }
}

static int
compare_ints (gconstpointer a, gconstpointer b)
{
  return *(const int *)a - *(const int *)b;
}

/* The rows (0-based) whose first column says "รวม", in order. */
static GArray *
total_rows (Sheet *sheet)
{
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (int));
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, sheet->cells);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const Cell *cell = value;
      int row, col;

      split_ref (key, &row, &col);
      if (col == 0 && g_strcmp0 (cell->type, "s") == 0 && g_strcmp0 (cell->value, "รวม") == 0)
        g_array_append_val (rows, row);
    }
  g_array_sort (rows, compare_ints);
  return rows;
}

static void
test_cli_xlsx_chart_agree (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenBudgetView) view = view_as_of (f, 1, G_DATE_OCTOBER, 2021);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autofree char *path = g_build_filename (f->dir, "budget.xlsx", NULL);
  g_autoptr (Sheet) sheet = NULL;
  g_autoptr (PhaenBudgetChart) chart = NULL;
  g_autoptr (GArray) totals = NULL;
  JsonObject *root = run_budget_cli (f, parser);
  JsonArray *rows = json_object_get_array_member (root, "rows");
  PhaenXlsxOptions options;

  /* phaen-cli */
  g_assert_cmpint (json_object_get_int_member (root, "quarters_ended"), ==, 4);
  g_assert_true (json_object_get_boolean_member (root, "targets_default"));
  assert_json_figures (json_object_get_object_member (root, "total"), &view->total);
  g_assert_cmpuint (json_array_get_length (rows), ==, view->rows->len);
  for (guint i = 0; i < view->rows->len; i++)
    assert_json_figures (json_array_get_object_element (rows, i),
                         &((PhaenBudgetRow *)g_ptr_array_index (view->rows, i))->figures);

  /* The plan export's budget sheet: the totals row and project 2's row, read back. */
  phaen_xlsx_options_init (&options, PHAEN_XLSX_FORM_PLAN);
  options.unit_id = f->unit;
  options.fiscal_year = 2564;
  g_assert_true (phaen_xlsx_export (f->store, &options, path, &error));
  g_assert_no_error (error);
  /* Sheets: the plan form, the action plan with its levels, then its quarterly budget. */
  sheet = read_sheet (path, 2);
  /* The rows' table comes in two blocks, ไตรมาสที่ 1–2 and 3–4, each with its "รวม" row. */
  totals = total_rows (sheet);
  g_assert_cmpuint (totals->len, ==, 2);
  for (int q = 0; q < PHAEN_QUARTERS; q++)
    for (int k = 0; k < PHAEN_BUDGET_FIELDS; k++)
      {
        g_autofree char *ref = make_ref (g_array_index (totals, int, q / 2), 1 + 3 * (q % 2) + k);

        assert_number (sheet, ref, view->total.amount[k][q]);
      }
  {
    g_autofree char *percent_q2 = make_ref (g_array_index (totals, int, 0), 7);
    g_autofree char *percent_q4 = make_ref (g_array_index (totals, int, 1), 7);
    g_autofree char *p2 = find_text (sheet, "2 โครงการเพิ่มประสิทธิภาพการเบิกจ่าย");
    g_autofree char *p2_allocated = offset_ref (p2, 0, 1);
    g_autofree char *p2_disbursed_q2 = offset_ref (p2, 0, 1 + 3 + 2);

    assert_number (sheet, percent_q2, 49.44);
    assert_number (sheet, percent_q4, 96.67);
    assert_number (sheet, p2_allocated, 1000000);
    assert_number (sheet, p2_disbursed_q2, 400000);
  }
  /* The summary: a column a quarter. */
  {
    g_autofree char *label = find_text (sheet, "ต่ำกว่าเป้าหมาย (บาท)");
    g_autofree char *q2 = offset_ref (label, 0, 2);
    g_autofree char *allocated = find_text (sheet, "จัดสรร (บาท)");
    g_autofree char *year = offset_ref (allocated, 0, 5);

    assert_number (sheet, q2, 46000);
    assert_number (sheet, year, 1800000);
  }

  /* The chart the exports and the page draw. */
  chart = phaen_budget_chart_new (f->store, 0, 0, f->plan, &error);
  g_assert_no_error (error);
  g_assert_true (chart->has_targets);
  for (int q = 0; q < PHAEN_QUARTERS; q++)
    {
      g_assert_cmpfloat_with_epsilon (chart->allocated[q],
                                      view->total.cumulative[PHAEN_BUDGET_ALLOCATED][q], 0.005);
      g_assert_cmpfloat_with_epsilon (chart->disbursed[q],
                                      view->total.cumulative[PHAEN_BUDGET_DISBURSED][q], 0.005);
      g_assert_cmpfloat_with_epsilon (phaen_budget_chart_target_amount (chart, q + 1),
                                      view->total.target_amount[q], 0.005);
    }
}

/* The yearly roll-over takes each row's allocation by quarter into the new year, not what was
 * committed or disbursed. */
static void
test_duplicate_plan (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenBudgetView) old_year = view_as_of (f, 1, G_DATE_OCTOBER, 2021);
  g_autoptr (PhaenBudgetView) view = NULL;
  g_autoptr (GDate) as_of = g_date_new_dmy (1, G_DATE_OCTOBER, 2021);
  gint64 copy = phaen_store_duplicate_plan (f->store, f->plan, 2565, &error);

  g_assert_no_error (error);
  view = phaen_budget_view_new (f->store, copy, as_of, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (view->rows->len, ==, old_year->rows->len);
  assert_amounts (view->total.amount[PHAEN_BUDGET_ALLOCATED],
                  old_year->total.amount[PHAEN_BUDGET_ALLOCATED]);
  assert_amounts (view->total.amount[PHAEN_BUDGET_DISBURSED], (double[]){ 0, 0, 0, 0 });
  assert_amounts (view->total.amount[PHAEN_BUDGET_COMMITTED], (double[]){ 0, 0, 0, 0 });
  g_assert_true (phaen_budget_view_find (view, f->project1) == NULL);
  g_assert_cmpint (view->quarters_ended, ==, 0); /* FY 2565 starts on 1 Oct 2021 */
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/budget/store/edit-undo", Fixture, NULL, fixture_setup, test_store_edit_undo,
              fixture_teardown);
  g_test_add ("/budget/store/refuses", Fixture, NULL, fixture_setup, test_store_refuses,
              fixture_teardown);
  g_test_add ("/budget/view/counting-rule", Fixture, "filled", fixture_setup,
              test_view_counting_rule, fixture_teardown);
  g_test_add ("/budget/view/targets", Fixture, "filled", fixture_setup, test_view_targets,
              fixture_teardown);
  g_test_add ("/budget/view/plan-entries", Fixture, NULL, fixture_setup, test_view_plan_entries,
              fixture_teardown);
  g_test_add ("/budget/store/duplicate-plan", Fixture, "filled", fixture_setup, test_duplicate_plan,
              fixture_teardown);
  g_test_add ("/budget/cli-xlsx-chart-agree", Fixture, "filled", fixture_setup,
              test_cli_xlsx_chart_agree, fixture_teardown);
  return g_test_run ();
}
