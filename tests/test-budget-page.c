/* test-budget-page.c — the quarterly budget page in the real window: typing an amount updates the
 * totals and the chart, bad input is kept and explained, undo, quarters, targets, keyboard
 * navigation from the plan, a 5,000-activity plan, screenshots at 1600×1000 and 1366×768
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-test-budget-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "app-budget-page.h"
#include "app-plan-page.h"
#include "app-test-util.h"
#include "app-window.h"
#include "phaen-store-budget.h"

#define N_BIG 5000

typedef struct
{
  char *dir;
  char *path; /* the sample workspace, made fresh for each test */
  AppApplication *app;
  AppWindow *window;
  PhaenStore *store;
  gint64 plan;     /* สตป.'s plan of FY 2564 (seed 002), with whole-plan quarters */
  gint64 activity; /* its first activity */
  AppBudgetPage *page;
} Fixture;

/* ------------------------------------------------------------------ helpers */

static gboolean
page_has_view (gpointer data)
{
  Fixture *f = data;

  return app_budget_page_get_view (f->page) != NULL &&
         app_budget_page_get_view (f->page)->plan_id == app_budget_page_get_plan_id (f->page);
}

static void
show_budget (Fixture *f, gint64 plan_id)
{
  g_assert_true (app_window_show_budget (f->window, plan_id));
  settle ();
  f->page = find_only_widget (f->window, APP_TYPE_BUDGET_PAGE);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->page)));
  g_assert_true (wait_until (page_has_view, f));
}

static double
stored (Fixture *f, int quarter, PhaenBudgetField field)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) budgets = phaen_store_list_activity_budgets (f->store, f->plan, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < budgets->len; i++)
    {
      const PhaenActivityBudget *b = &g_array_index (budgets, PhaenActivityBudget, i);

      if (b->activity_id == f->activity && b->quarter == quarter)
        return b->amount[field];
    }
  return 0;
}

static void
type_amount (Fixture *f, PhaenBudgetField field, const char *text)
{
  GtkEditable *entry = app_budget_page_get_amount_entry (f->page, f->activity, field);

  g_assert_nonnull (entry);
  gtk_editable_set_text (entry, text);
  press_enter (entry);
  settle ();
}

static guint draws_before;

static gboolean
chart_redrawn (gpointer data)
{
  return app_budget_page_get_n_chart_draws (data) > draws_before;
}

/* ------------------------------------------------------------------ fixture */

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenUnit) unit = NULL;
  g_autoptr (GPtrArray) plans = NULL;
  g_autoptr (GPtrArray) activities = NULL;

  f->dir = app_test_sample_new ("phaen-budget-XXXXXX", &f->path);
  f->window = app_test_window_new (&f->app);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1600, 1000);
  gtk_window_present (GTK_WINDOW (f->window));
  settle ();
  app_test_open (f->window, f->path);
  f->store = app_window_get_store (f->window);
  unit = phaen_store_find_unit (f->store, "สตป.", &error);
  g_assert_no_error (error);
  plans = phaen_store_list_plans (f->store, unit->id, 2564, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plans->len, >, 0);
  f->plan = ((PhaenPlan *)g_ptr_array_index (plans, 0))->id;
  activities = phaen_store_list_activities (f->store, f->plan, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (activities->len, >, 0);
  f->activity = ((PhaenActivity *)g_ptr_array_index (activities, 0))->id;
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  f->store = NULL;
  app_test_window_close (&f->window, &f->app);
  app_test_sample_remove (&f->dir, &f->path);
}

/* ------------------------------------------------------------------ tests */

/* The edit: a cell typed as an officer types it changes the store, the totals and the
 * chart; bad input changes nothing and says why; undo brings the totals back. */
static void
test_edit_cell (Fixture *f, gconstpointer data)
{
  const PhaenBudgetView *view;
  const PhaenBudgetChart *chart;
  GtkEditable *entry;

  show_budget (f, f->plan);
  view = app_budget_page_get_view (f->page);
  /* Seed 002's plan has its quarters for the whole plan: 82,090 allocated. */
  g_assert_true (view->from_plan);
  g_assert_cmpstr (app_budget_page_get_summary_text (f->page, APP_BUDGET_LINE_ALLOCATED, 5), ==,
                   "82,090.00");
  g_assert_cmpfloat_with_epsilon (app_budget_page_get_chart (f->page)->annual, 82090, 0.005);

  draws_before = app_budget_page_get_n_chart_draws (f->page);
  type_amount (f, PHAEN_BUDGET_ALLOCATED, "15,000 บาท");
  g_assert_cmpfloat (stored (f, 1, PHAEN_BUDGET_ALLOCATED), ==, 15000);
  g_assert_null (app_budget_page_get_message (f->page));
  view = app_budget_page_get_view (f->page);
  g_assert_false (view->from_plan);
  g_assert_true (view->plan_differs);
  g_assert_cmpstr (app_budget_page_get_summary_text (f->page, APP_BUDGET_LINE_ALLOCATED, 1), ==,
                   "15,000.00");
  g_assert_cmpstr (app_budget_page_get_summary_text (f->page, APP_BUDGET_LINE_ALLOCATED, 5), ==,
                   "15,000.00");
  chart = app_budget_page_get_chart (f->page);
  g_assert_cmpfloat_with_epsilon (chart->annual, 15000, 0.005);
  g_assert_cmpfloat_with_epsilon (chart->allocated[0], 15000, 0.005);
  g_assert_true (wait_until (chart_redrawn, f->page));
  entry = app_budget_page_get_amount_entry (f->page, f->activity, PHAEN_BUDGET_ALLOCATED);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "15,000.00");

  /* "1.5 ล้าน" in Q1's disbursement: 10,000 % of the year's allocation, on target. */
  type_amount (f, PHAEN_BUDGET_DISBURSED, "1.5 ล้าน");
  g_assert_cmpfloat (stored (f, 1, PHAEN_BUDGET_DISBURSED), ==, 1500000);
  g_assert_cmpstr (app_budget_page_get_summary_text (f->page, APP_BUDGET_LINE_CUMULATIVE, 1), ==,
                   "1,500,000.00");
  g_assert_cmpfloat_with_epsilon (app_budget_page_get_chart (f->page)->disbursed[3], 1500000,
                                  0.005);

  /* Bad input: kept in the cell, marked, explained; the store keeps the amount. */
  type_amount (f, PHAEN_BUDGET_ALLOCATED, "-500");
  entry = app_budget_page_get_amount_entry (f->page, f->activity, PHAEN_BUDGET_ALLOCATED);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "-500");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  g_assert_nonnull (app_budget_page_get_message (f->page));
  g_assert_cmpfloat (stored (f, 1, PHAEN_BUDGET_ALLOCATED), ==, 15000);
  type_amount (f, PHAEN_BUDGET_ALLOCATED, "หนึ่งหมื่น");
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "หนึ่งหมื่น");
  g_assert_nonnull (app_budget_page_get_message (f->page));
  g_assert_cmpfloat (stored (f, 1, PHAEN_BUDGET_ALLOCATED), ==, 15000);
  type_amount (f, PHAEN_BUDGET_ALLOCATED, "20000");
  g_assert_null (app_budget_page_get_message (f->page));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  g_assert_cmpstr (app_budget_page_get_summary_text (f->page, APP_BUDGET_LINE_ALLOCATED, 5), ==,
                   "20,000.00");

  /* One undo step per edit. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  settle ();
  g_assert_cmpstr (app_budget_page_get_summary_text (f->page, APP_BUDGET_LINE_ALLOCATED, 5), ==,
                   "15,000.00");
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "15,000.00");
}

/* Quarters switch by action and key; targets typed per year are stored and judged against. */
static void
test_quarters_targets (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  double targets[PHAEN_QUARTERS];
  GtkEditable *target;

  show_budget (f, f->plan);
  type_amount (f, PHAEN_BUDGET_ALLOCATED, "100,000");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "budget.next-quarter", NULL));
  settle ();
  g_assert_cmpint (app_budget_page_get_quarter (f->page), ==, 2);
  g_assert_cmpstr (gtk_editable_get_text (app_budget_page_get_amount_entry (
                     f->page, f->activity, PHAEN_BUDGET_ALLOCATED)),
                   ==, "0.00");
  type_amount (f, PHAEN_BUDGET_DISBURSED, "40,000");
  g_assert_cmpfloat (stored (f, 2, PHAEN_BUDGET_DISBURSED), ==, 40000);
  g_assert_cmpfloat (stored (f, 1, PHAEN_BUDGET_DISBURSED), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "budget.quarter", "i", 1));
  settle ();
  g_assert_cmpint (app_budget_page_get_quarter (f->page), ==, 1);
  g_assert_true (
    gtk_widget_activate_action (GTK_WIDGET (f->page), "budget.previous-quarter", NULL));
  g_assert_cmpint (app_budget_page_get_quarter (f->page), ==, 4);

  /* 40 % disbursed by Q2 against the sample's 52 %: short by 12,000. */
  g_assert_cmpstr (app_budget_page_get_summary_text (f->page, APP_BUDGET_LINE_PERCENT, 2), ==,
                   "40.00");
  g_assert_cmpstr (app_budget_page_get_summary_text (f->page, APP_BUDGET_LINE_SHORTFALL, 2), ==,
                   "12,000.00");
  target = app_budget_page_get_target_entry (f->page, 2);
  gtk_editable_set_text (target, "ร้อยละ ๓๕");
  press_enter (target);
  settle ();
  g_assert_true (phaen_store_get_disbursement_targets (f->store, 2564, targets, &error));
  g_assert_cmpfloat (targets[1], ==, 35);
  g_assert_cmpstr (app_budget_page_get_summary_text (f->page, APP_BUDGET_LINE_SHORTFALL, 2), ==,
                   "0.00");
  /* Below Q1's target: refused, kept, explained. */
  gtk_editable_set_text (target, "10");
  press_enter (target);
  settle ();
  g_assert_nonnull (app_budget_page_get_message (f->page));
  g_assert_cmpstr (gtk_editable_get_text (target), ==, "10");
  g_assert_true (phaen_store_get_disbursement_targets (f->store, 2564, targets, &error));
  g_assert_cmpfloat (targets[1], ==, 35);
}

/* Keyboard: the plan's Ctrl+Alt+B opens its budget, the budget's goes back. */
static void
test_keyboard (Fixture *f, gconstpointer data)
{
  AppPlanPage *plan_page = app_window_get_plan_page (f->window);
  GtkWidget *stack;

  g_assert_true (app_window_show_plan (f->window, f->plan));
  settle ();
  stack = gtk_widget_get_parent (GTK_WIDGET (plan_page));
  while (stack != NULL && !GTK_IS_STACK (stack))
    stack = gtk_widget_get_parent (stack);
  g_assert_nonnull (stack);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (plan_page), "plan.show-budget", NULL));
  settle ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "budget");
  f->page = find_only_widget (f->window, APP_TYPE_BUDGET_PAGE);
  g_assert_cmpint (app_budget_page_get_plan_id (f->page), ==, f->plan);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "budget.show-plan", NULL));
  settle ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "plan");
}

/* A ministry's plan of 5,000 activities: the table makes widgets for the rows on screen only,
 * and an edit updates them in place. */
static void
test_big_plan (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenUnit) unit = phaen_store_find_unit (f->store, "สตป.", &error);
  gint64 plan, parent = 0;
  guint n_entries;
  g_autoptr (GPtrArray) entries = g_ptr_array_new ();

  plan =
    phaen_store_add_plan (f->store, unit->id, 2564, PHAEN_PLAN_ACTION, "แผนปฏิบัติราชการ", &error);
  g_assert_no_error (error);
  g_assert_true (phaen_store_begin (f->store, "fill", &error));
  for (int i = 0; i < N_BIG; i++)
    {
      g_autofree char *name = g_strdup_printf ("กิจกรรมที่ %d", i + 1);
      gint64 id =
        phaen_store_add_activity (f->store, plan, i % 10 == 0 ? 0 : parent, -1, name, &error);

      g_assert_no_error (error);
      if (i % 10 == 0)
        parent = id;
      else
        phaen_store_set_activity_budget (f->store, id, 1 + i % 4, PHAEN_BUDGET_ALLOCATED, 1000,
                                         &error);
      g_assert_no_error (error);
    }
  g_assert_true (phaen_store_commit (f->store, &error));
  settle ();
  f->plan = plan;
  show_budget (f, plan);
  g_assert_cmpuint (app_budget_page_get_view (f->page)->rows->len, ==, N_BIG);
  g_assert_cmpfloat_with_epsilon (
    app_budget_page_get_view (f->page)->total.annual[PHAEN_BUDGET_ALLOCATED], N_BIG / 10 * 9 * 1000,
    0.005);
  collect_widgets (GTK_WIDGET (f->page), GTK_TYPE_ENTRY, entries);
  n_entries = entries->len;
  g_test_message ("%u entries for %d rows", n_entries, N_BIG);
  g_assert_cmpuint (n_entries, <, 3 * 250);
}

/* What the page looks like on the usual screens (looked at by hand; the chart must have drawn). */
static void
test_screenshots (Fixture *f, gconstpointer data)
{
  static const struct
  {
    int width, height;
    const char *name;
  } sizes[] = {
    { 1600, 1000, "budget-page-1600.png" },
    { 1366, 768, "budget-page-1366.png" },
  };

  show_budget (f, f->plan);
  type_amount (f, PHAEN_BUDGET_ALLOCATED, "50,000");
  type_amount (f, PHAEN_BUDGET_DISBURSED, "12,500");
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr (GdkTexture) texture = NULL;

      gtk_window_unmaximize (GTK_WINDOW (f->window));
      gtk_window_set_default_size (GTK_WINDOW (f->window), sizes[i].width, sizes[i].height);
      settle ();
      run_for (300);
      draws_before = 0;
      g_assert_true (wait_until (chart_redrawn, f->page));
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), <=, sizes[i].width);
      texture = app_test_screenshot (GTK_WIDGET (f->window), sizes[i].name);
      g_assert_cmpint (gdk_texture_get_width (texture), >, 0);
    }
}

int
main (int argc, char **argv)
{
  if (!app_test_init (&argc, &argv))
    return 0;

  g_test_add ("/budget-page/edit-cell", Fixture, NULL, fixture_set_up, test_edit_cell,
              fixture_tear_down);
  g_test_add ("/budget-page/quarters-targets", Fixture, NULL, fixture_set_up, test_quarters_targets,
              fixture_tear_down);
  g_test_add ("/budget-page/keyboard", Fixture, NULL, fixture_set_up, test_keyboard,
              fixture_tear_down);
  g_test_add ("/budget-page/big-plan", Fixture, NULL, fixture_set_up, test_big_plan,
              fixture_tear_down);
  g_test_add ("/budget-page/screenshots", Fixture, NULL, fixture_set_up, test_screenshots,
              fixture_tear_down);
  return g_test_run ();
}
