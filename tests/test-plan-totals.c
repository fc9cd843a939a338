/* test-plan-totals.c — one nested plan, one set of totals: the grid's footer, the Gantt chart,
 * the XLSX plan form and `phaen-cli plan` agree with the core's counting rule, before and after
 * an edit that changes which rule applies
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <gtk/gtk.h>
#include <json-glib/json-glib.h>

#include "app-grid-geometry.h"
#include "app-plan-grid.h"
#include "phaen-chart-gantt.h"
#include "phaen-plan-document.h"
#include "phaen-plan-totals.h"
#include "phaen-thai-text.h"
#include "phaen-xlsx.h"
#include "test-util.h"
#include "test-xlsx-read.h"

typedef struct
{
  char *dir;
  PhaenStore *store;
  gint64 unit, plan, top_c;
  int fiscal_year;
  GtkWidget *window;
  AppPlanGrid *grid;
} Fixture;

/* What every view must show: the label, a count per fiscal month, the budget or none. */
typedef struct
{
  char *label;
  guint months[PHAEN_FISCAL_MONTHS];
  gboolean has_budget;
  double budget;
} Totals;

static void
totals_clear (Totals *t)
{
  g_clear_pointer (&t->label, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Totals, totals_clear)

static void
spin (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

static gint64
add (Fixture *f, gint64 parent, const char *name, double budget, int first, int last)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenActivity) activity = NULL;
  gint64 id = phaen_store_add_activity (f->store, f->plan, parent, -1, name, &error);

  g_assert_no_error (error);
  activity = phaen_store_get_activity (f->store, id, &error);
  g_assert_no_error (error);
  activity->has_budget = budget > 0;
  activity->budget = budget;
  phaen_store_update_activity (f->store, activity, &error);
  g_assert_no_error (error);
  for (int m = first; m >= 0 && m <= last; m++)
    {
      phaen_store_set_month_marks (f->store, id, m, PHAEN_MARK_PLANNED, &error);
      g_assert_no_error (error);
    }
  return id;
}

/* A project with a budget whose activities have budgets of their own (which spend the
 * project's money), a project without one whose activity has, and a lone activity. */
static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 a, b;

  f->store = test_workspace_new ("totals.phaen", &f->dir);
  f->fiscal_year = 2564;
  f->unit = phaen_store_add_unit (f->store, "กพร.", "กลุ่มพัฒนาระบบบริหาร", 0, &error);
  g_assert_no_error (error);
  phaen_store_add_fiscal_year (f->store, 2564, &error);
  g_assert_no_error (error);
  f->plan = phaen_store_add_plan (f->store, f->unit, 2564, PHAEN_PLAN_PROCESS,
                                  "แผนการปรับปรุงกระบวนการตามภารกิจ", &error);
  g_assert_no_error (error);

  a = add (f, 0, "โครงการพัฒนาระบบติดตามผล", 100000, -1, -1);
  add (f, a, "ออกแบบระบบ", 60000, 0, 2);
  add (f, a, "ทดลองใช้", 50000, 1, 1);
  b = add (f, 0, "โครงการอบรม", 0, -1, -1);
  add (f, b, "อบรมรุ่นที่ 1", 20000, 3, 3);
  add (f, b, "อบรมรุ่นที่ 2", 0, 3, 4);
  f->top_c = add (f, 0, "รายงานผล", 0, 5, 5);

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1400, 600);
  f->grid = APP_PLAN_GRID (app_plan_grid_new ());
  {
    GtkWidget *scrolled = gtk_scrolled_window_new ();

    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (f->grid));
    gtk_window_set_child (GTK_WINDOW (f->window), scrolled);
  }
  app_plan_grid_set_plan (f->grid, f->store, f->plan);
  gtk_window_present (GTK_WINDOW (f->window));
  for (int i = 0; i < 200 && !gtk_widget_get_mapped (GTK_WIDGET (f->grid)); i++)
    spin (10);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->grid)));
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  spin (10);
  test_workspace_close (&f->store, &f->dir);
}

/* ------------------------------------------------------------------ each view's totals */

static void
from_core (Fixture *f, Totals *t)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) activities = phaen_store_list_activities (f->store, f->plan, &error);
  PhaenPlanTotals totals;

  g_assert_no_error (error);
  phaen_plan_totals_compute (activities, &totals);
  t->label = g_strdup (phaen_plan_totals_label (&totals));
  for (int m = 0; m < PHAEN_FISCAL_MONTHS; m++)
    t->months[m] = totals.months[m];
  t->has_budget = totals.has_budget;
  t->budget = totals.budget;
}

static void
from_grid (Fixture *f, Totals *t)
{
  g_autofree char *budget = app_plan_grid_get_footer_text (f->grid, APP_PLAN_GRID_COLUMN_BUDGET);

  t->label = app_plan_grid_get_footer_text (f->grid, APP_PLAN_GRID_COLUMN_NAME);
  for (int m = 0; m < PHAEN_FISCAL_MONTHS; m++)
    {
      g_autofree char *text = app_plan_grid_get_footer_text (f->grid, app_grid_month_to_column (m));

      t->months[m] = g_str_equal (text, "-") ? 0 : (guint)g_ascii_strtoull (text, NULL, 10);
    }
  t->has_budget = phaen_parse_number (budget, &t->budget, NULL);
}

static void
from_gantt (Fixture *f, Totals *t)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenGantt) gantt = phaen_gantt_new (f->store, f->plan, &error);
  const PhaenPlanTotals *totals;

  g_assert_no_error (error);
  totals = phaen_gantt_get_totals (gantt);
  t->label = g_strdup (phaen_plan_totals_label (totals));
  for (int m = 0; m < PHAEN_FISCAL_MONTHS; m++)
    t->months[m] = totals->months[m];
  t->has_budget = totals->has_budget;
  t->budget = totals->budget;
}

static void
from_xlsx (Fixture *f, Totals *t, const char *expected_label)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "plan.xlsx", NULL);
  g_autoptr (Sheet) sheet = NULL;
  g_autofree char *label_ref = NULL;
  PhaenXlsxOptions options;
  int row, col;

  phaen_xlsx_options_init (&options, PHAEN_XLSX_FORM_PLAN);
  options.unit_id = f->unit;
  options.fiscal_year = f->fiscal_year;
  phaen_xlsx_export (f->store, &options, path, &error);
  g_assert_no_error (error);

  sheet = read_sheet (path, 1);
  label_ref = find_text (sheet, expected_label);
  split_ref (label_ref, &row, &col);
  g_assert_cmpint (col, ==, 0);
  t->label = g_strdup (cell_at (sheet, label_ref)->value);
  for (int m = 0; m < PHAEN_FISCAL_MONTHS; m++)
    {
      g_autofree char *ref = make_ref (row, 1 + m);

      t->months[m] = (guint)g_ascii_strtoull (cell_at (sheet, ref)->value, NULL, 10);
    }
  {
    g_autofree char *ref = make_ref (row, 1 + PHAEN_FISCAL_MONTHS);
    const Cell *budget = cell_at (sheet, ref);

    t->has_budget = g_strcmp0 (budget->type, "s") != 0;
    t->budget = t->has_budget ? g_ascii_strtod (budget->value, NULL) : 0;
  }
}

static void
from_cli (Fixture *f, Totals *t)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, f->plan);
  g_auto (Run) run = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *totals;
  JsonArray *months;

  run_cli (&run, "plan", phaen_store_get_path (f->store), id, "--json", NULL);
  g_spawn_check_wait_status (run.status, &error);
  g_assert_no_error (error);
  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);

  totals =
    json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "totals");
  t->label = g_strdup (json_object_get_string_member (totals, "label"));
  months = json_object_get_array_member (totals, "months");
  g_assert_cmpuint (json_array_get_length (months), >=, PHAEN_FISCAL_MONTHS);
  for (int m = 0; m < PHAEN_FISCAL_MONTHS; m++)
    t->months[m] = (guint)json_array_get_int_element (months, m);
  t->has_budget = !json_object_get_null_member (totals, "budget");
  t->budget = t->has_budget ? json_object_get_double_member (totals, "budget") : 0;
}

/* The plan document (PDF) read back with pdftotext: its totals row's label and budget. */
static char *
pdf_text (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenPlanDocument) document = phaen_plan_document_new (f->store, f->plan, &error);
  g_autofree char *path = g_build_filename (f->dir, "plan.pdf", NULL);
  g_autofree char *out = NULL;
  PhaenPageSetup page;
  int status;

  g_assert_no_error (error);
  phaen_page_setup_init_oriented (&page, PHAEN_PAPER_A4, PHAEN_ORIENTATION_LANDSCAPE);
  g_assert_true (phaen_plan_document_write_pdf (document, path, &page, &error));
  g_assert_no_error (error);
  g_spawn_sync (NULL, (char *[]){ "pdftotext", "-raw", "-enc", "UTF-8", path, "-", NULL }, NULL,
                G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

static void
assert_pdf (Fixture *f, const Totals *expected)
{
  g_autofree char *text = NULL;
  g_autofree char *budget =
    expected->has_budget ? phaen_format_money (expected->budget, FALSE) : g_strdup ("-");
  g_autofree char *row = NULL;

  if (g_find_program_in_path ("pdftotext") == NULL)
    {
      g_test_message ("pdftotext (poppler-utils) is missing: the PDF is not read back");
      return;
    }
  text = pdf_text (f);
  /* The totals row: its label, then the month counts and the total on the same line. */
  row = g_strrstr (text, expected->label) ? g_strdup (g_strrstr (text, expected->label)) : NULL;
  g_assert_nonnull (row);
  if (strchr (row, '\n') != NULL)
    *strchr (row, '\n') = '\0';
  g_test_message ("PDF totals row: %s", row);
  {
    g_auto (GStrv) words = g_strsplit (row + strlen (expected->label), " ", -1);
    guint n = 0;

    /* "1 2 1 … - 120,000.00": a count per month ("-" for none), then the budget. */
    for (guint i = 0; words[i] != NULL; i++)
      {
        if (*words[i] == '\0')
          continue;
        if (n < PHAEN_FISCAL_MONTHS)
          g_assert_cmpuint (g_str_equal (words[i], "-") ? 0 : g_ascii_strtoull (words[i], NULL, 10),
                            ==, expected->months[n]);
        else
          g_assert_cmpstr (words[i], ==, budget);
        n++;
      }
    g_assert_cmpuint (n, ==, PHAEN_FISCAL_MONTHS + 1);
  }
}

static void
assert_same (const Totals *expected, const Totals *actual, const char *view)
{
  g_test_message ("%s: %s", view, actual->label);
  g_assert_cmpstr (actual->label, ==, expected->label);
  for (int m = 0; m < PHAEN_FISCAL_MONTHS; m++)
    g_assert_cmpuint (actual->months[m], ==, expected->months[m]);
  g_assert_cmpint (actual->has_budget, ==, expected->has_budget);
  g_assert_cmpfloat_with_epsilon (actual->budget, expected->budget, 0.005);
}

static void
assert_every_view (Fixture *f, const Totals *expected)
{
  g_auto (Totals) core = { 0 }, grid = { 0 }, gantt = { 0 }, xlsx = { 0 }, cli = { 0 };

  from_core (f, &core);
  assert_same (expected, &core, "core");
  from_grid (f, &grid);
  assert_same (expected, &grid, "grid footer");
  from_gantt (f, &gantt);
  assert_same (expected, &gantt, "Gantt chart");
  from_xlsx (f, &xlsx, expected->label);
  assert_same (expected, &xlsx, "XLSX plan form");
  from_cli (f, &cli);
  assert_same (expected, &cli, "phaen-cli plan");
  assert_pdf (f, expected);
}

/* ------------------------------------------------------------------ over budget */

/* Row @row's amount is exceeded by the rows under it, which add up to @children: the core's
 * roll-up says so and every view shows it with the same numbers; no other row is flagged. */
static void
assert_over_budget (Fixture *f, guint row, double budget, double children)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) activities = phaen_store_list_activities (f->store, f->plan, &error);
  g_autoptr (GArray) rollups = NULL;
  g_autoptr (PhaenGantt) gantt = NULL;
  g_autofree char *warning = NULL, *note = NULL, *grid_warning = NULL, *description = NULL;
  g_autofree char *xlsx_path = g_build_filename (f->dir, "plan.xlsx", NULL);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, f->plan);
  g_autofree char *out = NULL;
  g_autofree char *expected_excess =
    phaen_format_number (children - budget, 2, PHAEN_NUMBER_GROUPING);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (Sheet) sheet = NULL;
  g_autofree char *note_line = NULL;
  JsonObject *root, *json_row;
  PhaenPlanTotals totals;
  PhaenXlsxOptions options;
  int status;

  g_assert_no_error (error);
  rollups = phaen_plan_budget_rollups (activities);
  phaen_plan_totals_compute (activities, &totals);
  g_assert_cmpuint (totals.over_budget, ==, 1);
  for (guint i = 0; i < rollups->len; i++)
    g_assert_cmpint (g_array_index (rollups, PhaenBudgetRollup, i).over_budget, ==, i == row);
  g_assert_cmpfloat_with_epsilon (g_array_index (rollups, PhaenBudgetRollup, row).children_budget,
                                  children, 0.005);
  g_assert_cmpfloat_with_epsilon (((PhaenActivity *)g_ptr_array_index (activities, row))->budget,
                                  budget, 0.005);

  /* The grid: the cell's warning (its tooltip and what a screen reader hears), leading with
   * the reason, with the excess in it. */
  warning = phaen_budget_rollup_warning (g_ptr_array_index (activities, row),
                                         &g_array_index (rollups, PhaenBudgetRollup, row));
  grid_warning = app_plan_grid_get_cell_warning (f->grid, row, APP_PLAN_GRID_COLUMN_BUDGET);
  g_assert_cmpstr (grid_warning, ==, warning);
  g_assert_true (g_str_has_prefix (warning, "งบประมาณเกินวงเงิน"));
  g_assert_nonnull (strstr (warning, expected_excess));
  g_assert_null (app_plan_grid_get_cell_warning (f->grid, row, APP_PLAN_GRID_COLUMN_NAME));
  for (guint r = 0; r < rollups->len; r++)
    if (r != row)
      g_assert_null (app_plan_grid_get_cell_warning (f->grid, r, APP_PLAN_GRID_COLUMN_BUDGET));

  /* The Gantt chart's text alternative carries the same warning. */
  gantt = phaen_gantt_new (f->store, f->plan, &error);
  g_assert_no_error (error);
  description = phaen_gantt_describe (gantt);
  g_assert_nonnull (strstr (description, warning));

  /* The XLSX form and the PDF document: the note under the table, in the official wording. */
  note = phaen_budget_rollup_note (g_ptr_array_index (activities, row),
                                   &g_array_index (rollups, PhaenBudgetRollup, row));
  g_assert_true (g_str_has_prefix (note, "งบประมาณเกินวงเงิน"));
  g_assert_nonnull (strstr (note, expected_excess));
  note_line = g_strconcat ("หมายเหตุ: ", note, NULL);
  phaen_xlsx_options_init (&options, PHAEN_XLSX_FORM_PLAN);
  options.unit_id = f->unit;
  options.fiscal_year = f->fiscal_year;
  phaen_xlsx_export (f->store, &options, xlsx_path, &error);
  g_assert_no_error (error);
  sheet = read_sheet (xlsx_path, 1);
  g_assert_nonnull (find_text (sheet, note_line));
  if (g_find_program_in_path ("pdftotext") != NULL)
    {
      g_autofree char *text = pdf_text (f);
      g_autofree char *flat = g_strdup (text);

      /* pdftotext breaks the note's line where the page wraps it */
      g_strdelimit (flat, "\n", ' ');
      g_assert_nonnull (strstr (flat, expected_excess));
      g_assert_nonnull (strstr (flat, "งบประมาณเกินวงเงิน"));
    }

  /* phaen-cli plan --json */
  g_spawn_sync (NULL,
                (char *[]){ (char *)g_getenv ("PHAEN_CLI"), "plan",
                            (char *)phaen_store_get_path (f->store), id, "--json", NULL },
                NULL, 0, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (
    json_object_get_int_member (json_object_get_object_member (root, "totals"), "over_budget"), ==,
    1);
  json_row = json_array_get_object_element (json_object_get_array_member (root, "activities"), row);
  g_assert_true (json_object_get_boolean_member (json_row, "over_budget"));
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (json_row, "children_budget"),
                                  children, 0.005);
}

/* ------------------------------------------------------------------ tests */

static void
test_nested (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  /* No ○ anywhere: the months count scheduled activities without sub-activities (a project's
   * bar spans its children's); the budget counts the project's 100,000 and not its
   * activities' 110,000, plus 20,000 from the project without a budget of its own. */
  Totals activities = { .label = "รวมกิจกรรมในแต่ละเดือน",
                        .months = { 1, 2, 1, 2, 1, 1 },
                        .has_budget = TRUE,
                        .budget = 120000 };
  /* One ○ on a top-level item: the plan now counts its outputs, and only that one. */
  Totals outputs = {
    .label = "รวมผลผลิตในแต่ละเดือน", .months = { [5] = 1 }, .has_budget = TRUE, .budget = 120000
  };

  assert_every_view (f, &activities);
  /* The project's 100,000 is exceeded by its activities' 110,000: flagged, and the plan's total
   * still counts the project's allocation once. */
  assert_over_budget (f, 0, 100000, 110000);

  phaen_store_set_month_marks (f->store, f->top_c, 5, PHAEN_MARK_PLANNED | PHAEN_MARK_OUTPUT,
                               &error);
  g_assert_no_error (error);
  spin (50); /* the grid follows the store's records-changed */
  assert_every_view (f, &outputs);
}

/* An action plan built as an officer builds it (DOMAIN §3b): a new row takes the level under its
 * parent's, so strategy → goal → project → activity, numbered 1, 1.1, 1.1.1, 1.1.1.1. The
 * issue's case: 550,000 of activities under a project of 500,000 (issue #13). */
static void
test_action_plan (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) activities = NULL;
  static const char *const numbers[] = { "1", "1.1", "1.1.1", "1.1.1.1", "1.1.1.2" };
  static const int levels[] = { PHAEN_ACTIVITY_LEVEL_STRATEGY, PHAEN_ACTIVITY_LEVEL_GOAL,
                                PHAEN_ACTIVITY_LEVEL_PROJECT, PHAEN_ACTIVITY_LEVEL_ACTIVITY,
                                PHAEN_ACTIVITY_LEVEL_ACTIVITY };
  static const char *const headings[] = { "ยุทธศาสตร์ที่ 1", "เป้าประสงค์ที่ 1.1", "โครงการที่ 1.1.1",
                                          "1.1.1.1", "1.1.1.2" };
  Totals expected = { .label = "รวมกิจกรรมในแต่ละเดือน",
                      .months = { 0, 0, 0, 1, 1, 1, 1, 1, 1 },
                      .has_budget = TRUE,
                      .budget = 500000 };
  gint64 strategy, goal, project;

  f->fiscal_year = 2565;
  phaen_store_add_fiscal_year (f->store, 2565, &error);
  g_assert_no_error (error);
  f->plan =
    phaen_store_add_plan (f->store, f->unit, 2565, PHAEN_PLAN_ACTION, "แผนปฏิบัติราชการ", &error);
  g_assert_no_error (error);
  strategy = add (f, 0, "ยกระดับการบริหารจัดการ", 0, -1, -1);
  goal = add (f, strategy, "การบริหารจัดการมีคุณภาพ", 0, -1, -1);
  project = add (f, goal, "โครงการพัฒนาระบบติดตามผล", 500000, -1, -1);
  add (f, project, "พัฒนาระบบ", 300000, 3, 5);
  add (f, project, "อบรมผู้ใช้", 250000, 6, 8);
  app_plan_grid_set_plan (f->grid, f->store, f->plan);
  spin (50);

  activities = phaen_store_list_activities (f->store, f->plan, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (activities->len, ==, G_N_ELEMENTS (numbers));
  for (guint i = 0; i < activities->len; i++)
    {
      const PhaenActivity *a = g_ptr_array_index (activities, i);
      g_autofree char *heading = phaen_activity_heading (a);
      g_autofree char *shown =
        app_plan_grid_get_cell_text (f->grid, i, APP_PLAN_GRID_COLUMN_NUMBER);

      g_assert_cmpstr (a->number, ==, numbers[i]);
      g_assert_cmpint (a->level, ==, levels[i]);
      g_assert_cmpint (app_plan_grid_get_row_level (f->grid, i), ==, levels[i]);
      g_assert_cmpstr (heading, ==, headings[i]);
      g_assert_cmpstr (shown, ==, numbers[i]);
    }

  /* 500,000 once, not 1,050,000: the project's activities spend the project's money. */
  assert_every_view (f, &expected);
  assert_over_budget (f, 2, 500000, 550000);
  {
    g_autofree char *path = g_build_filename (f->dir, "plan.xlsx", NULL);
    g_autoptr (Sheet) sheet = read_sheet (path, 1);

    /* The XLSX form heads each level as the plans do. */
    g_assert_nonnull (find_text (sheet, "ยุทธศาสตร์ที่ 1 ยกระดับการบริหารจัดการ"));
    g_assert_nonnull (find_text (sheet, "    เป้าประสงค์ที่ 1.1 การบริหารจัดการมีคุณภาพ"));
    g_assert_nonnull (find_text (sheet, "        โครงการที่ 1.1.1 โครงการพัฒนาระบบติดตามผล"));
    g_assert_nonnull (find_text (sheet, "            1.1.1.1. พัฒนาระบบ"));
  }

  /* Trimmed to fit, the warning goes from every view. */
  {
    g_autoptr (PhaenActivity) a = phaen_store_get_activity (f->store, project, &error);
    g_autoptr (GPtrArray) after = NULL;
    PhaenPlanTotals totals;

    g_assert_no_error (error);
    a->budget = 550000;
    phaen_store_update_activity (f->store, a, &error);
    g_assert_no_error (error);
    spin (50);
    after = phaen_store_list_activities (f->store, f->plan, &error);
    phaen_plan_totals_compute (after, &totals);
    g_assert_cmpuint (totals.over_budget, ==, 0);
    g_assert_cmpfloat_with_epsilon (totals.budget, 550000, 0.005);
    g_assert_null (app_plan_grid_get_cell_warning (f->grid, 2, APP_PLAN_GRID_COLUMN_BUDGET));
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* No session bus under xvfb-run: GTK would warn (fatally in tests) that the a11y bus is away. */
  g_setenv ("GTK_A11Y", "none", TRUE);
  if (!gtk_init_check ())
    {
      /* TAP's skip-all: `make test` provides a display through xvfb-run. */
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  g_test_add ("/plan-totals/nested/every-view", Fixture, NULL, fixture_setup, test_nested,
              fixture_teardown);
  g_test_add ("/plan-totals/action-plan/levels-and-over-budget", Fixture, NULL, fixture_setup,
              test_action_plan, fixture_teardown);
  return g_test_run ();
}
