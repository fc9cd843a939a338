/* test-plan-grid.c — the plan grid widget in a real window: typing, painting, refusals, undo
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <math.h>
#include <string.h>

#include "app-autosave.h"
#include "app-plan-grid-a11y.h"
#include "app-plan-grid-private.h"
#include "phaen-chart-gantt.h"
#include "phaen-error.h"
#include "phaen-store.h"

typedef struct
{
  char *dir;
  char *path;
  PhaenStore *store;
  gint64 unit;
  gint64 plan;
  gint64 first, second; /* "1 ทบทวนกระบวนงาน", "2 จัดทำคู่มือ" */
  GtkWidget *window;
  GtkScrolledWindow *scrolled;
  AppPlanGrid *grid;
  GPtrArray *messages;
} Fixture;

static void
spin (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

static void
message_cb (AppPlanGrid *grid, const char *text, Fixture *f)
{
  g_ptr_array_add (f->messages, g_strdup (text));
}

static void
undoable_cb (AppPlanGrid *grid, const char *text, Fixture *f)
{
  g_ptr_array_add (f->messages, g_strconcat ("undoable: ", text, NULL));
}

static gint64
add (Fixture *f, gint64 parent, const char *name)
{
  g_autoptr (GError) error = NULL;
  gint64 id = phaen_store_add_activity (f->store, f->plan, parent, -1, name, &error);

  g_assert_no_error (error);
  return id;
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  GtkWidget *scrolled;

  f->dir = g_dir_make_tmp ("phaen-grid-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "t.phaen", NULL);
  f->store = phaen_store_create (f->path, &error);
  g_assert_no_error (error);
  f->unit = phaen_store_add_unit (f->store, "กพร.", "กลุ่มพัฒนาระบบบริหาร", 0, &error);
  g_assert_no_error (error);
  f->plan = phaen_store_add_plan (f->store, f->unit, 2564, GPOINTER_TO_INT (data),
                                  "แผนการปรับปรุงกระบวนการตามภารกิจ", &error);
  g_assert_no_error (error);
  f->first = add (f, 0, "ทบทวนกระบวนงาน");
  f->second = add (f, 0, "จัดทำคู่มือ");
  phaen_store_clear_history (f->store);

  f->messages = g_ptr_array_new_with_free_func (g_free);
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 600);
  scrolled = gtk_scrolled_window_new ();
  f->scrolled = GTK_SCROLLED_WINDOW (scrolled);
  f->grid = APP_PLAN_GRID (app_plan_grid_new ());
  g_signal_connect (f->grid, "message", G_CALLBACK (message_cb), f);
  gtk_scrolled_window_set_child (f->scrolled, GTK_WIDGET (f->grid));
  gtk_window_set_child (GTK_WINDOW (f->window), scrolled);
  app_plan_grid_set_plan (f->grid, f->store, f->plan);
  gtk_window_present (GTK_WINDOW (f->window));
  for (int i = 0; i < 200 && !gtk_widget_get_mapped (GTK_WIDGET (f->grid)); i++)
    spin (10);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->grid)));
  spin (50);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);

  gtk_window_destroy (GTK_WINDOW (f->window));
  spin (10);
  g_clear_pointer (&f->messages, g_ptr_array_unref);
  g_clear_object (&f->store);
  g_remove (f->path);
  g_remove (wal);
  g_remove (shm);
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static char *
cell (Fixture *f, guint row, guint column)
{
  return app_plan_grid_get_cell_text (f->grid, row, column);
}

static void
assert_cell (Fixture *f, guint row, guint column, const char *expected)
{
  g_autofree char *text = cell (f, row, column);

  g_assert_cmpstr (text, ==, expected);
}

static PhaenActivity *
get (Fixture *f, gint64 id)
{
  g_autoptr (GError) error = NULL;
  PhaenActivity *a = phaen_store_get_activity (f->store, id, &error);

  g_assert_no_error (error);
  return a;
}

static void
set_tool (Fixture *f, const char *tool)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->grid), "grid.tool", "s", tool));
}

/* ------------------------------------------------------------------ tests */

static void
test_shows_plan (Fixture *f, gconstpointer data)
{
  g_assert_cmpuint (app_plan_grid_get_n_rows (f->grid), ==, 2);
  assert_cell (f, 0, APP_PLAN_GRID_COLUMN_NUMBER, "1");
  assert_cell (f, 1, APP_PLAN_GRID_COLUMN_NUMBER, "2");
  assert_cell (f, 1, APP_PLAN_GRID_COLUMN_NAME, "จัดทำคู่มือ");
  assert_cell (f, 0, APP_PLAN_GRID_COLUMN_BUDGET, "-");
  g_assert_cmpint (app_plan_grid_get_cursor_activity (f->grid), ==, f->first);
  /* The scrolled window got our adjustments, sized to the content. */
  g_assert_cmpfloat (gtk_adjustment_get_upper (gtk_scrolled_window_get_vadjustment (f->scrolled)),
                     >, 0);
  g_assert_cmpfloat (gtk_adjustment_get_upper (gtk_scrolled_window_get_hadjustment (f->scrolled)),
                     >, 0);
}

static void
test_commit_name (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenActivity) a = NULL;
  g_autoptr (PhaenActivity) undone = NULL;

  /* Pasted from a PDF: a sara am split into a space + sara aa is repaired. */
  g_assert_true (app_plan_grid_commit_text (f->grid, 0, APP_PLAN_GRID_COLUMN_NAME,
                                            " ประชุมชี้แจงแผนประจ าปี ", &error));
  g_assert_no_error (error);
  a = get (f, f->first);
  g_assert_cmpstr (a->name, ==, "ประชุมชี้แจงแผนประจำปี");
  assert_cell (f, 0, APP_PLAN_GRID_COLUMN_NAME, "ประชุมชี้แจงแผนประจำปี");

  g_assert_true (
    app_plan_grid_commit_text (f->grid, 1, APP_PLAN_GRID_COLUMN_OWNER, "กพร.", &error));
  assert_cell (f, 1, APP_PLAN_GRID_COLUMN_OWNER, "กพร.");
  g_assert_true (app_plan_grid_commit_text (f->grid, 1, APP_PLAN_GRID_COLUMN_OUTPUT,
                                            "Application Debt Info", &error));
  assert_cell (f, 1, APP_PLAN_GRID_COLUMN_OUTPUT, "Application Debt Info");

  /* Undo twice comes back to the first edit, and the grid follows the store. */
  g_assert_true (phaen_store_undo (f->store, &error));
  g_assert_true (phaen_store_undo (f->store, &error));
  g_assert_true (phaen_store_undo (f->store, &error));
  g_assert_no_error (error);
  undone = get (f, f->first);
  g_assert_cmpstr (undone->name, ==, "ทบทวนกระบวนงาน");
  assert_cell (f, 0, APP_PLAN_GRID_COLUMN_NAME, "ทบทวนกระบวนงาน");
  assert_cell (f, 1, APP_PLAN_GRID_COLUMN_OWNER, "");
  g_assert_cmpuint (f->messages->len, ==, 0);
}

static void
test_unchanged_text_is_no_step (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (
    app_plan_grid_commit_text (f->grid, 0, APP_PLAN_GRID_COLUMN_NAME, "ทบทวนกระบวนงาน", &error));
  g_assert_true (app_plan_grid_commit_text (f->grid, 0, APP_PLAN_GRID_COLUMN_BUDGET, "-", &error));
  g_assert_no_error (error);
  g_assert_false (phaen_store_can_undo (f->store));
}

static void
test_paint (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenActivity) painted = NULL;
  g_autoptr (PhaenActivity) undone = NULL;
  g_autoptr (PhaenActivity) erased = NULL;

  /* พ.ย. … ม.ค. (months 1..3), given right to left as a drag might. */
  g_assert_true (app_plan_grid_paint (f->grid, 0, 3, 1, &error));
  g_assert_no_error (error);
  painted = get (f, f->first);
  for (guint m = 0; m < PHAEN_MAX_MONTHS; m++)
    g_assert_cmpuint (painted->marks[m], ==, m >= 1 && m <= 3 ? PHAEN_MARK_PLANNED : 0);
  assert_cell (f, 0, app_grid_month_to_column (2), "■");
  assert_cell (f, 0, app_grid_month_to_column (4), "");

  /* The three months were one step. */
  g_assert_true (phaen_store_undo (f->store, &error));
  g_assert_no_error (error);
  g_assert_false (phaen_store_can_undo (f->store));
  undone = get (f, f->first);
  for (guint m = 0; m < PHAEN_MAX_MONTHS; m++)
    g_assert_cmpuint (undone->marks[m], ==, 0);
  assert_cell (f, 0, app_grid_month_to_column (2), "");
  g_assert_true (phaen_store_redo (f->store, &error));

  /* A drag that starts on a painted cell erases: 3..5 clears 3, leaves 1 and 2. */
  g_assert_true (app_plan_grid_paint (f->grid, 0, 3, 5, &error));
  erased = get (f, f->first);
  g_assert_cmpuint (erased->marks[1], ==, PHAEN_MARK_PLANNED);
  g_assert_cmpuint (erased->marks[2], ==, PHAEN_MARK_PLANNED);
  g_assert_cmpuint (erased->marks[3], ==, 0);
  g_assert_cmpuint (erased->marks[5], ==, 0);
}

static void
test_paint_tools_and_footer (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenActivity) a = NULL;
  g_autofree char *label = NULL;

  set_tool (f, "start");
  g_assert_true (app_plan_grid_paint (f->grid, 0, 0, 0, &error));
  set_tool (f, "output");
  g_assert_true (app_plan_grid_paint (f->grid, 0, 3, 3, &error));
  g_assert_true (app_plan_grid_paint (f->grid, 1, 3, 3, &error));
  g_assert_true (app_plan_grid_paint (f->grid, 1, 5, 5, &error));
  set_tool (f, "achieved");
  g_assert_true (app_plan_grid_paint (f->grid, 0, 3, 3, &error));
  g_assert_no_error (error);

  a = get (f, f->first);
  g_assert_cmpuint (a->marks[0], ==, PHAEN_MARK_START);
  g_assert_cmpuint (a->marks[3], ==, PHAEN_MARK_OUTPUT | PHAEN_MARK_ACHIEVED);
  assert_cell (f, 0, app_grid_month_to_column (0), "●");
  assert_cell (f, 0, app_grid_month_to_column (3), "✔");
  assert_cell (f, 1, app_grid_month_to_column (3), "○");

  /* Footer: planned outputs per month, "-" where there are none (seed 004). */
  {
    g_autofree char *m0 = app_plan_grid_get_footer_text (f->grid, app_grid_month_to_column (0));
    g_autofree char *m3 = app_plan_grid_get_footer_text (f->grid, app_grid_month_to_column (3));
    g_autofree char *m5 = app_plan_grid_get_footer_text (f->grid, app_grid_month_to_column (5));

    g_assert_cmpstr (m0, ==, "-");
    g_assert_cmpstr (m3, ==, "2");
    g_assert_cmpstr (m5, ==, "1");
  }
  /* Outputs are marked: the Gantt's label, whatever the kind of plan. */
  label = app_plan_grid_get_footer_text (f->grid, APP_PLAN_GRID_COLUMN_NAME);
  g_assert_cmpstr (label, ==, "รวมผลผลิตในแต่ละเดือน");
}

static void
set_budget (Fixture *f, gint64 id, double budget)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenActivity) a = get (f, id);

  a->has_budget = TRUE;
  a->budget = budget;
  g_assert_true (phaen_store_update_activity (f->store, a, &error));
}

/* A nested plan: the grid's footer and the Gantt's totals row count the same, by the core's one
 * rule — a parent's bar is not counted beside its children's, and a budgeted project's
 * activities are inside its budget. */
static void
test_nested_totals (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenGantt) gantt = NULL;
  const PhaenPlanTotals *totals;
  gint64 a1 = add (f, f->first, "ศึกษาข้อมูล");
  gint64 a2 = add (f, f->first, "ยกร่าง");
  const char *expected[] = { "-", "1", "2", "1", "-" };

  /* first (ต.ค.–ธ.ค.) with a1 in พ.ย. and a2 in ธ.ค.–ม.ค.; second in ธ.ค. */
  g_assert_true (app_plan_grid_paint (f->grid, 0, 1, 3, &error));
  g_assert_true (phaen_store_set_month_marks (f->store, a1, 1, PHAEN_MARK_PLANNED, &error));
  g_assert_true (phaen_store_set_month_marks (f->store, a2, 2, PHAEN_MARK_PLANNED, &error));
  g_assert_true (phaen_store_set_month_marks (f->store, a2, 3, PHAEN_MARK_PLANNED, &error));
  g_assert_true (phaen_store_set_month_marks (f->store, f->second, 2, PHAEN_MARK_PLANNED, &error));
  set_budget (f, f->first, 500000);
  set_budget (f, a1, 300000);
  set_budget (f, a2, 250000);
  set_budget (f, f->second, 100000);
  g_assert_no_error (error);

  gantt = phaen_gantt_new (f->store, f->plan, &error);
  g_assert_no_error (error);
  totals = phaen_gantt_get_totals (gantt);
  g_assert_false (totals->outputs);
  for (int m = 0; m < (int)G_N_ELEMENTS (expected); m++)
    {
      g_autofree char *footer =
        app_plan_grid_get_footer_text (f->grid, app_grid_month_to_column (m));
      g_autofree char *count =
        totals->months[m] ? g_strdup_printf ("%u", totals->months[m]) : g_strdup ("-");

      g_assert_cmpstr (footer, ==, expected[m]);
      g_assert_cmpstr (count, ==, expected[m]);
    }
  g_assert_cmpfloat (totals->budget, ==, 600000);
  {
    g_autofree char *budget = app_plan_grid_get_footer_text (f->grid, APP_PLAN_GRID_COLUMN_BUDGET);
    g_autofree char *label = app_plan_grid_get_footer_text (f->grid, APP_PLAN_GRID_COLUMN_NAME);

    g_assert_cmpstr (budget, ==, "600,000.00");
    g_assert_cmpstr (label, ==, "รวมกิจกรรมในแต่ละเดือน");
  }
}

static void
test_bad_budget_refused (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenActivity) a = NULL;

  g_assert_false (
    app_plan_grid_commit_text (f->grid, 0, APP_PLAN_GRID_COLUMN_BUDGET, "abc", &error));
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID);
  g_assert_cmpuint (f->messages->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (f->messages, 0), "abc"));
  a = get (f, f->first);
  g_assert_false (a->has_budget);
  g_assert_false (phaen_store_can_undo (f->store));
  assert_cell (f, 0, APP_PLAN_GRID_COLUMN_BUDGET, "-");
  g_clear_error (&error);

  g_assert_false (
    app_plan_grid_commit_text (f->grid, 0, APP_PLAN_GRID_COLUMN_BUDGET, "-5", &error));
  g_clear_error (&error);
  g_assert_false (
    app_plan_grid_commit_text (f->grid, 0, APP_PLAN_GRID_COLUMN_CATEGORY, "7", &error));
  g_clear_error (&error);
  g_assert_false (
    app_plan_grid_commit_text (f->grid, 0, APP_PLAN_GRID_COLUMN_CATEGORY, "2.5", &error));
  g_clear_error (&error);
  g_assert_false (
    app_plan_grid_commit_text (f->grid, 0, app_grid_month_to_column (2), "x", &error));
  g_clear_error (&error);
  g_assert_false (app_plan_grid_commit_text (f->grid, 0, APP_PLAN_GRID_COLUMN_NUMBER, "5", &error));
  g_clear_error (&error);
  g_assert_cmpuint (f->messages->len, ==, 6);
  g_assert_false (phaen_store_can_undo (f->store));
}

static void
test_budget_and_category (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenActivity) a = NULL;
  g_autoptr (PhaenActivity) none = NULL;
  g_autofree char *total = NULL;
  g_autofree char *nested_total = NULL;
  gint64 child;

  /* Thai digits with grouping, as in the official forms. */
  g_assert_true (
    app_plan_grid_commit_text (f->grid, 0, APP_PLAN_GRID_COLUMN_BUDGET, "๑๔,๗๖๐.๕๐", &error));
  g_assert_true (
    app_plan_grid_commit_text (f->grid, 1, APP_PLAN_GRID_COLUMN_BUDGET, "5000", &error));
  g_assert_true (
    app_plan_grid_commit_text (f->grid, 0, APP_PLAN_GRID_COLUMN_CATEGORY, "๓", &error));
  g_assert_no_error (error);
  a = get (f, f->first);
  g_assert_true (a->has_budget);
  g_assert_cmpfloat (a->budget, ==, 14760.5);
  g_assert_cmpint (a->category, ==, 3);
  assert_cell (f, 0, APP_PLAN_GRID_COLUMN_BUDGET, "14,760.50");
  assert_cell (f, 0, APP_PLAN_GRID_COLUMN_CATEGORY, "3");
  total = app_plan_grid_get_footer_text (f->grid, APP_PLAN_GRID_COLUMN_BUDGET);
  g_assert_cmpstr (total, ==, "19,760.50");

  /* A child of a budgeted activity spends out of its parent's money: not counted twice. */
  child = add (f, f->first, "จัดซื้อวัสดุ");
  g_assert_cmpint (child, >, 0);
  g_assert_true (
    app_plan_grid_commit_text (f->grid, 1, APP_PLAN_GRID_COLUMN_BUDGET, "1,000", &error));
  assert_cell (f, 1, APP_PLAN_GRID_COLUMN_NUMBER, "1.1");
  nested_total = app_plan_grid_get_footer_text (f->grid, APP_PLAN_GRID_COLUMN_BUDGET);
  g_assert_cmpstr (nested_total, ==, "19,760.50");

  /* "-" means no budget, never zero. */
  g_assert_true (app_plan_grid_commit_text (f->grid, 0, APP_PLAN_GRID_COLUMN_BUDGET, "-", &error));
  none = get (f, f->first);
  g_assert_false (none->has_budget);
  assert_cell (f, 0, APP_PLAN_GRID_COLUMN_BUDGET, "-");
  g_assert_cmpuint (f->messages->len, ==, 0);
}

static const char *
numbers (Fixture *f)
{
  static char joined[256];
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < app_plan_grid_get_n_rows (f->grid); i++)
    {
      g_autofree char *n = cell (f, i, APP_PLAN_GRID_COLUMN_NUMBER);

      g_string_append_printf (s, "%s%s", i ? " " : "", n);
    }
  g_strlcpy (joined, s->str, sizeof joined);
  g_string_free (s, TRUE);
  return joined;
}

static GtkWidget *
editor_of (Fixture *f)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (f->grid)); child;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TEXT (child))
      return child;
  return NULL;
}

static void
test_structure (Fixture *f, gconstpointer data)
{
  GtkWidget *grid = GTK_WIDGET (f->grid);
  GtkWidget *editor;
  g_autoptr (GError) error = NULL;
  gint64 added;

  /* Add below the first activity: the new row opens for typing its name. */
  app_plan_grid_set_cursor (f->grid, 0, APP_PLAN_GRID_COLUMN_NAME);
  g_assert_true (gtk_widget_activate_action (grid, "grid.add-activity", NULL));
  g_assert_cmpstr (numbers (f), ==, "1 2 3");
  added = app_plan_grid_get_cursor_activity (f->grid);
  g_assert_cmpint (added, !=, f->first);
  g_assert_cmpint (added, !=, f->second);
  editor = editor_of (f);
  g_assert_nonnull (editor);
  gtk_editable_set_text (GTK_EDITABLE (editor), "กิจกรรมใหม่");
  g_signal_emit_by_name (editor, "activate");
  g_assert_null (editor_of (f));
  assert_cell (f, 1, APP_PLAN_GRID_COLUMN_NAME, "กิจกรรมใหม่");

  /* Indent makes it 1.1 and the cursor follows the activity, not the row. */
  app_plan_grid_set_cursor (f->grid, 1, APP_PLAN_GRID_COLUMN_NAME);
  g_assert_true (gtk_widget_activate_action (grid, "grid.indent", NULL));
  g_assert_cmpstr (numbers (f), ==, "1 1.1 2");
  g_assert_cmpint (app_plan_grid_get_cursor_activity (f->grid), ==, added);

  /* The last activity indents under the first, after 1.1. */
  app_plan_grid_set_cursor (f->grid, 2, APP_PLAN_GRID_COLUMN_NAME);
  g_assert_true (gtk_widget_activate_action (grid, "grid.indent", NULL));
  g_assert_cmpstr (numbers (f), ==, "1 1.1 1.2");
  assert_cell (f, 2, APP_PLAN_GRID_COLUMN_NAME, "จัดทำคู่มือ");

  /* Move 1.2 up above 1.1, then take it back out to the top level. */
  g_assert_true (gtk_widget_activate_action (grid, "grid.move-up", NULL));
  assert_cell (f, 1, APP_PLAN_GRID_COLUMN_NAME, "จัดทำคู่มือ");
  g_assert_cmpint (app_plan_grid_get_cursor_activity (f->grid), ==, f->second);
  g_assert_true (gtk_widget_activate_action (grid, "grid.outdent", NULL));
  g_assert_cmpstr (numbers (f), ==, "1 1.1 2");
  assert_cell (f, 2, APP_PLAN_GRID_COLUMN_NAME, "จัดทำคู่มือ");

  /* Undo the outdent: it is one step, and the grid renumbers back. */
  g_assert_true (phaen_store_undo (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (numbers (f), ==, "1 1.1 1.2");

  /* Delete 1.2 ("กิจกรรมใหม่" now): the page is told, with Undo (undoable-message). */
  g_signal_connect (f->grid, "undoable-message", G_CALLBACK (undoable_cb), f);
  app_plan_grid_set_cursor (f->grid, 2, APP_PLAN_GRID_COLUMN_NAME);
  assert_cell (f, 2, APP_PLAN_GRID_COLUMN_NAME, "กิจกรรมใหม่");
  g_assert_true (gtk_widget_activate_action (grid, "grid.delete-activity", NULL));
  g_assert_cmpstr (numbers (f), ==, "1 1.1");
  g_assert_cmpuint (f->messages->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (f->messages, 0), "undoable: "));
  g_assert_nonnull (strstr (g_ptr_array_index (f->messages, 0), "กิจกรรมใหม่"));
}

static void
test_actions_follow_cursor (Fixture *f, gconstpointer data)
{
  GtkWidget *grid = GTK_WIDGET (f->grid);
  gint64 child = add (f, f->first, "ย่อย");

  phaen_store_clear_history (f->store);
  g_assert_cmpstr (numbers (f), ==, "1 1.1 2");
  /* The first of a level neither indents nor moves up; a top-level one does not outdent. The
   * actions are disabled there, so the store is not even asked (it would refuse with a
   * message). */
  app_plan_grid_set_cursor (f->grid, 0, APP_PLAN_GRID_COLUMN_NAME);
  gtk_widget_activate_action (grid, "grid.indent", NULL);
  gtk_widget_activate_action (grid, "grid.move-up", NULL);
  gtk_widget_activate_action (grid, "grid.outdent", NULL);
  /* 1.1 has no sibling below it. */
  app_plan_grid_set_cursor (f->grid, 1, APP_PLAN_GRID_COLUMN_NAME);
  g_assert_cmpint (app_plan_grid_get_cursor_activity (f->grid), ==, child);
  gtk_widget_activate_action (grid, "grid.move-down", NULL);
  gtk_widget_activate_action (grid, "grid.indent", NULL);
  g_assert_cmpstr (numbers (f), ==, "1 1.1 2");
  g_assert_cmpuint (f->messages->len, ==, 0);
  g_assert_false (phaen_store_can_undo (f->store));
  /* Moving 1 down takes its child along. */
  app_plan_grid_set_cursor (f->grid, 0, APP_PLAN_GRID_COLUMN_NAME);
  g_assert_true (gtk_widget_activate_action (grid, "grid.move-down", NULL));
  g_assert_cmpstr (numbers (f), ==, "1 2 2.1");
  assert_cell (f, 1, APP_PLAN_GRID_COLUMN_NAME, "ทบทวนกระบวนงาน");
  assert_cell (f, 2, APP_PLAN_GRID_COLUMN_NAME, "ย่อย");
}

static void
test_editor (Fixture *f, gconstpointer data)
{
  GtkWidget *grid = GTK_WIDGET (f->grid);
  GtkWidget *editor;
  g_autoptr (PhaenActivity) a = NULL;

  /* Enter in the editor saves and moves down a row. */
  g_assert_true (gtk_widget_activate_action (grid, "grid.add-activity", NULL));
  editor = editor_of (f);
  g_assert_nonnull (editor);
  gtk_editable_set_text (GTK_EDITABLE (editor), "ทดสอบ");
  g_signal_emit_by_name (editor, "activate");
  g_assert_null (editor_of (f));
  assert_cell (f, 1, APP_PLAN_GRID_COLUMN_NAME, "ทดสอบ");
  g_assert_cmpint (app_plan_grid_get_cursor_activity (f->grid), ==, f->second);

  /* A refused budget keeps the editor open with what was typed, and says why. */
  app_plan_grid_set_cursor (f->grid, 0, APP_PLAN_GRID_COLUMN_BUDGET);
  g_assert_true (gtk_widget_activate_action (grid, "grid.edit", NULL));
  editor = editor_of (f);
  g_assert_nonnull (editor);
  gtk_editable_set_text (GTK_EDITABLE (editor), "หนึ่งพันบาท");
  g_signal_emit_by_name (editor, "activate");
  g_assert_true (editor_of (f) == editor);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor)), ==, "หนึ่งพันบาท");
  g_assert_cmpuint (f->messages->len, ==, 1);
  g_assert_cmpint (app_plan_grid_get_cursor_activity (f->grid), ==, f->first);

  gtk_editable_set_text (GTK_EDITABLE (editor), "๑,๐๐๐");
  g_signal_emit_by_name (editor, "activate");
  g_assert_null (editor_of (f));
  a = get (f, f->first);
  g_assert_cmpfloat (a->budget, ==, 1000);
  assert_cell (f, 0, APP_PLAN_GRID_COLUMN_BUDGET, "1,000.00");

  /* Editing starts from the stored value, without grouping. */
  app_plan_grid_set_cursor (f->grid, 0, APP_PLAN_GRID_COLUMN_BUDGET);
  g_assert_true (gtk_widget_activate_action (grid, "grid.edit", NULL));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor_of (f))), ==, "1000");
}

/* Runs the main loop for @ms milliseconds, timeouts included. */
static void
run_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (2000);
}

/* Escape as the editor's key controller receives it. */
static void
press_escape (GtkWidget *editor)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (editor);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller) && !handled)
        g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_Escape, 0, 0, &handled);
    }
  g_assert_true (handled);
}

/* What is typed in a cell is stored a moment after typing pauses, with the editor still open;
 * Escape then puts back what the cell held before the edit. Half-typed refused input waits
 * quietly for Enter. */
static void
test_editor_autosave (Fixture *f, gconstpointer data)
{
  GtkWidget *grid = GTK_WIDGET (f->grid);
  GtkWidget *editor;
  g_autoptr (PhaenActivity) typed = NULL;
  g_autoptr (PhaenActivity) restored = NULL;
  g_autoptr (PhaenActivity) budget = NULL;

  app_plan_grid_set_cursor (f->grid, 0, APP_PLAN_GRID_COLUMN_NAME);
  g_assert_true (gtk_widget_activate_action (grid, "grid.edit", NULL));
  editor = editor_of (f);
  gtk_editable_set_text (GTK_EDITABLE (editor), "ศึกษากรอบการประเมิน (ร่าง)");
  run_for (APP_AUTOSAVE_DELAY_MS + 1000);
  g_assert_true (editor_of (f) == editor);
  typed = get (f, f->first);
  g_assert_cmpstr (typed->name, ==, "ศึกษากรอบการประเมิน (ร่าง)");

  g_signal_emit_by_name (editor, "activate");
  g_assert_null (editor_of (f));

  /* Escape after a stored pause: the cell is back to what it was. */
  app_plan_grid_set_cursor (f->grid, 0, APP_PLAN_GRID_COLUMN_NAME);
  g_assert_true (gtk_widget_activate_action (grid, "grid.edit", NULL));
  editor = editor_of (f);
  gtk_editable_set_text (GTK_EDITABLE (editor), "พิมพ์ผิด");
  run_for (APP_AUTOSAVE_DELAY_MS + 1000);
  press_escape (editor);
  g_assert_null (editor_of (f));
  restored = get (f, f->first);
  g_assert_cmpstr (restored->name, ==, "ศึกษากรอบการประเมิน (ร่าง)");

  /* A half-typed budget is neither stored nor complained about until Enter. */
  app_plan_grid_set_cursor (f->grid, 0, APP_PLAN_GRID_COLUMN_BUDGET);
  g_assert_true (gtk_widget_activate_action (grid, "grid.edit", NULL));
  editor = editor_of (f);
  gtk_editable_set_text (GTK_EDITABLE (editor), "1,5x");
  run_for (APP_AUTOSAVE_DELAY_MS + 1000);
  g_assert_cmpuint (f->messages->len, ==, 0);
  budget = get (f, f->first);
  g_assert_false (budget->has_budget);
}

static void
test_extra_months (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenPlan) plan = phaen_store_get_plan (f->store, f->plan, &error);

  /* Before: the plan has 12 months, so month 12 (ต.ค.64) cannot be painted. */
  g_assert_no_error (error);
  plan->extra_months = 1;
  g_assert_true (phaen_store_update_plan (f->store, plan, &error));
  g_assert_no_error (error);
  g_assert_true (app_plan_grid_paint (f->grid, 0, 12, 12, &error));
  g_assert_no_error (error);
  assert_cell (f, 0, app_grid_month_to_column (12), "■");
}

/* Whether the pointer at (@x, @y) gets a tooltip. */
static gboolean
has_tooltip_at (Fixture *f, int x, int y)
{
  g_autoptr (GtkTooltip) tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  gboolean shown = FALSE;

  g_signal_emit_by_name (f->grid, "query-tooltip", x, y, FALSE, tooltip, &shown);
  return shown;
}

/* Over the month cells the pointer gets no tooltip: it would cover the rows painted next (and a
 * drag begun on it crashes GTK 4.8 on X11). The month headers keep theirs. */
static void
test_month_tooltips (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  int width = gtk_widget_get_width (GTK_WIDGET (f->grid));
  int height = gtk_widget_get_height (GTK_WIDGET (f->grid));
  int body = 0;
  gboolean header_tip = FALSE;

  g_assert_true (app_plan_grid_paint (f->grid, 0, 0, 11, &error));
  g_assert_no_error (error);
  spin (50);
  /* The number column's header explains the grid; its cells have no tooltip: the body starts
   * where that ends. */
  while (body < height && has_tooltip_at (f, 5, body))
    body++;
  g_assert_cmpint (body, >, 0);
  g_assert_cmpint (body, <, height);
  /* The right edge is a month column, from the header down past both rows. */
  for (int y = 0; y < body; y++)
    header_tip = header_tip || has_tooltip_at (f, width - 10, y);
  g_assert_true (header_tip);
  for (int y = body; y < height; y++)
    g_assert_false (has_tooltip_at (f, width - 10, y));
}

/* Rows on screen have their measured height, down to @last, which is shown; rows far from the
 * screen have only an estimate: a long plan is not laid out whole to be opened. */
static void
assert_shown_rows_measured (Fixture *f, guint last)
{
  AppPlanGrid *grid = f->grid;
  AppGridView view = _app_plan_grid_current_view (grid);
  guint first, end, measured = 0;

  app_grid_rows_visible_range (grid->rows, view.scroll_y, app_grid_view_body_height (&view), &first,
                               &end);
  g_assert_cmpuint (first, <, end);
  g_assert_cmpuint (end, >, last);
  for (guint row = first; row < end; row++)
    {
      g_assert_true (row_cache_at (grid, row)->measured);
      /* Measuring again changes nothing: the height drawn is the text's. */
      row_cache_at (grid, row)->measured = FALSE;
      g_assert_false (_app_plan_grid_measure_row (grid, row));
    }
  for (guint row = 0; row < app_plan_grid_get_n_rows (grid); row++)
    measured += row_cache_at (grid, row)->measured;
  g_assert_cmpuint (measured, <, app_plan_grid_get_n_rows (grid) / 4);
}

static void
test_thousand_rows (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (f->scrolled);
  double page;

  g_assert_true (phaen_store_begin (f->store, "bulk", &error));
  for (guint i = 0; i < 998; i++)
    {
      g_autofree char *name =
        g_strdup_printf (i % 7 ? "กิจกรรมที่ %u"
                               : "กิจกรรมที่ %u ซึ่งมีชื่อยาวมากจนต้องตัดบรรทัดในช่องชื่อกิจกรรมของตาราง"
                                 "แผนการดำเนินงานประจำปีงบประมาณ พ.ศ. ๒๕๖๔ และยังยาวต่อไปอีก",
                         i + 3);

      g_assert_cmpint (phaen_store_add_activity (f->store, f->plan, 0, -1, name, NULL), >, 0);
    }
  g_assert_true (phaen_store_commit (f->store, &error));
  g_assert_no_error (error);
  spin (50);
  g_assert_cmpuint (app_plan_grid_get_n_rows (f->grid), ==, 1000);
  page = gtk_adjustment_get_page_size (vadj);
  g_assert_cmpfloat (page, >, 0);
  g_assert_cmpfloat (gtk_adjustment_get_upper (vadj), >, 1000 * 20);

  /* The cursor on the last row scrolls it into view; the grid keeps drawing. */
  app_plan_grid_set_cursor (f->grid, 999, APP_PLAN_GRID_COLUMN_NAME);
  /* The scroll happens at the next allocation: on a busy machine that takes a while. */
  for (int i = 0;
       i < 200 && gtk_adjustment_get_value (vadj) != gtk_adjustment_get_upper (vadj) - page; i++)
    spin (10);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadj), ==, gtk_adjustment_get_upper (vadj) - page);
  assert_cell (f, 999, APP_PLAN_GRID_COLUMN_NUMBER, "1000");
  assert_shown_rows_measured (f, 999);
}

/* ------------------------------------------------------------------ ranges and clipboard */

#define MONTH(m) (APP_PLAN_GRID_COLUMN_FIRST_MONTH + (m))

static void
act (Fixture *f, const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->grid), action, NULL));
  spin (20);
}

static guint
marks_of (Fixture *f, gint64 id, guint month)
{
  g_autoptr (PhaenActivity) a = get (f, id);

  return a->marks[month];
}

static void
test_range_paint_clear (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenActivity) a = NULL;

  /* ก.พ.–เม.ย. of both rows: one Shift-range, one Space. */
  app_plan_grid_set_cursor (f->grid, 0, MONTH (4));
  app_plan_grid_select_to (f->grid, 1, MONTH (6));
  act (f, "grid.paint");
  for (guint m = 0; m < 12; m++)
    {
      g_assert_cmpuint (marks_of (f, f->first, m), ==, m >= 4 && m <= 6 ? PHAEN_MARK_PLANNED : 0);
      g_assert_cmpuint (marks_of (f, f->second, m), ==, m >= 4 && m <= 6 ? PHAEN_MARK_PLANNED : 0);
    }
  /* The range stays selected after the edit; Space again clears what all cells have. */
  act (f, "grid.paint");
  g_assert_cmpuint (marks_of (f, f->first, 5), ==, 0);
  g_assert_true (phaen_store_undo (f->store, &error));
  spin (20);
  g_assert_cmpuint (marks_of (f, f->second, 6), ==, PHAEN_MARK_PLANNED);

  /* A tool picked over a selection paints it at once. */
  set_tool (f, "start");
  g_assert_cmpuint (marks_of (f, f->second, 4), ==, PHAEN_MARK_PLANNED | PHAEN_MARK_START);

  /* Delete over names and months: every cell emptied, one undo step. */
  app_plan_grid_set_cursor (f->grid, 0, APP_PLAN_GRID_COLUMN_NAME);
  app_plan_grid_select_to (f->grid, 1, MONTH (5));
  act (f, "grid.clear");
  a = get (f, f->second);
  g_assert_cmpstr (a->name, ==, "");
  g_assert_cmpuint (a->marks[4], ==, 0);
  g_assert_cmpuint (a->marks[6], ==, PHAEN_MARK_PLANNED | PHAEN_MARK_START);
  g_assert_true (phaen_store_undo (f->store, &error));
  spin (20);
  assert_cell (f, 1, APP_PLAN_GRID_COLUMN_NAME, "จัดทำคู่มือ");
  g_assert_cmpuint (marks_of (f, f->first, 4), ==, PHAEN_MARK_PLANNED | PHAEN_MARK_START);
}

static void
test_fill (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 third = add (f, 0, "สรุปผล");

  spin (20);
  g_assert_true (
    app_plan_grid_commit_text (f->grid, 0, APP_PLAN_GRID_COLUMN_OWNER, "กพร.", &error));
  g_assert_true (
    app_plan_grid_commit_text (f->grid, 0, APP_PLAN_GRID_COLUMN_BUDGET, "15,000 บาท", &error));
  g_assert_true (app_plan_grid_paint (f->grid, 0, 0, 1, &error));
  spin (20);

  /* Ctrl+D over owner…ธ.ค. of three rows copies the top row down, in one step. */
  app_plan_grid_set_cursor (f->grid, 0, APP_PLAN_GRID_COLUMN_OWNER);
  app_plan_grid_select_to (f->grid, 2, MONTH (2));
  act (f, "grid.fill-down");
  for (guint r = 1; r < 3; r++)
    {
      assert_cell (f, r, APP_PLAN_GRID_COLUMN_OWNER, "กพร.");
      assert_cell (f, r, APP_PLAN_GRID_COLUMN_BUDGET, "15,000.00");
    }
  g_assert_cmpuint (marks_of (f, third, 1), ==, PHAEN_MARK_PLANNED);
  g_assert_cmpuint (marks_of (f, third, 2), ==, 0);
  g_assert_true (phaen_store_undo (f->store, &error));
  spin (20);
  assert_cell (f, 2, APP_PLAN_GRID_COLUMN_OWNER, "");
  g_assert_cmpuint (marks_of (f, third, 0), ==, 0);

  /* One row selected: Ctrl+D takes the row above. Ctrl+R copies a month across. */
  app_plan_grid_set_cursor (f->grid, 1, APP_PLAN_GRID_COLUMN_OWNER);
  act (f, "grid.fill-down");
  assert_cell (f, 1, APP_PLAN_GRID_COLUMN_OWNER, "กพร.");
  app_plan_grid_set_cursor (f->grid, 0, MONTH (1));
  app_plan_grid_select_to (f->grid, 0, MONTH (8));
  act (f, "grid.fill-right");
  for (guint m = 0; m <= 8; m++)
    g_assert_cmpuint (marks_of (f, f->first, m), ==, PHAEN_MARK_PLANNED);
  g_assert_cmpuint (marks_of (f, f->first, 9), ==, 0);
}

static gboolean
text_arrived (gpointer data)
{
  return *(char **)data != NULL;
}

static void
read_text_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);

  *(char **)data = text ? text : g_strdup ("(none)");
}

static char *
clipboard_text (Fixture *f)
{
  char *text = NULL;

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (f->grid)), NULL,
                                 read_text_cb, &text);
  for (int i = 0; i < 500 && !text_arrived (&text); i++)
    spin (10);
  g_assert_nonnull (text);
  return text;
}

static void
test_copy_cut (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *tsv = NULL;
  g_autofree char *one = NULL;
  GdkContentFormats *formats;

  g_assert_true (
    app_plan_grid_commit_text (f->grid, 1, APP_PLAN_GRID_COLUMN_BUDGET, "1.5 ล้าน", &error));
  g_assert_true (app_plan_grid_paint (f->grid, 1, 1, 2, &error));
  spin (20);
  app_plan_grid_set_cursor (f->grid, 0, APP_PLAN_GRID_COLUMN_NAME);
  app_plan_grid_select_to (f->grid, 1, MONTH (2));
  act (f, "grid.copy");
  formats = gdk_clipboard_get_formats (gtk_widget_get_clipboard (GTK_WIDGET (f->grid)));
  g_assert_true (gdk_content_formats_contain_mime_type (formats, "text/html"));
  tsv = clipboard_text (f);
  g_assert_cmpstr (tsv, ==,
                   "ทบทวนกระบวนงาน\t\t-\t\t\t\n"
                   "จัดทำคู่มือ\t\t1,500,000.00\t\t■\t■\n");

  /* One cell: no line break after it. Cut empties it. */
  app_plan_grid_set_cursor (f->grid, 1, APP_PLAN_GRID_COLUMN_NAME);
  act (f, "grid.cut");
  one = clipboard_text (f);
  g_assert_cmpstr (one, ==, "จัดทำคู่มือ");
  assert_cell (f, 1, APP_PLAN_GRID_COLUMN_NAME, "");

  /* Pasted back: the grid reads its own HTML (months shaded) into other rows. */
  app_plan_grid_set_cursor (f->grid, 0, APP_PLAN_GRID_COLUMN_NAME);
  app_plan_grid_select_to (f->grid, 1, MONTH (2));
  act (f, "grid.copy");
  app_plan_grid_set_cursor (f->grid, 1, APP_PLAN_GRID_COLUMN_NAME);
  act (f, "grid.paste");
  for (int i = 0; i < 200 && app_plan_grid_get_n_rows (f->grid) < 3; i++)
    spin (10);
  g_assert_cmpuint (app_plan_grid_get_n_rows (f->grid), ==, 3);
  assert_cell (f, 1, APP_PLAN_GRID_COLUMN_NAME, "ทบทวนกระบวนงาน");
  assert_cell (f, 2, APP_PLAN_GRID_COLUMN_BUDGET, "1,500,000.00");
  assert_cell (f, 2, MONTH (2), "■");
  assert_cell (f, 2, MONTH (0), "");
}

/* LibreOffice's HTML: a shaded month is planned, an owner merged down lands in each row. */
static void
test_paste_html (Fixture *f, gconstpointer data)
{
  static const char html[] =
    "<html><body><table><tr><td>ประชุม</td><td rowspan=2>สตป.</td><td>2 แสน</td>"
    "<td bgcolor=\"#729FCF\"></td><td>●</td></tr>"
    "<tr><td>สรุป</td><td>-</td><td></td><td style=\"background:#ffc000\">○</td></tr>"
    "<tr><td>ผิด</td><td></td><td>มาก</td><td>ม.ค.</td></tr></table></body></html>";
  g_autoptr (GBytes) bytes = g_bytes_new_static (html, sizeof html - 1);
  g_autoptr (GdkContentProvider) provider = gdk_content_provider_new_for_bytes ("text/html", bytes);

  gdk_clipboard_set_content (gtk_widget_get_clipboard (GTK_WIDGET (f->grid)), provider);
  app_plan_grid_set_cursor (f->grid, 1, APP_PLAN_GRID_COLUMN_NAME);
  act (f, "grid.paste");
  for (int i = 0; i < 200 && app_plan_grid_get_n_rows (f->grid) < 4; i++)
    spin (10);
  g_assert_cmpuint (app_plan_grid_get_n_rows (f->grid), ==, 4);
  assert_cell (f, 1, APP_PLAN_GRID_COLUMN_NAME, "ประชุม");
  assert_cell (f, 1, APP_PLAN_GRID_COLUMN_OWNER, "สตป.");
  assert_cell (f, 2, APP_PLAN_GRID_COLUMN_OWNER, "สตป.");
  assert_cell (f, 1, APP_PLAN_GRID_COLUMN_BUDGET, "200,000.00");
  assert_cell (f, 1, MONTH (0), "■");
  assert_cell (f, 1, MONTH (1), "●");
  assert_cell (f, 2, MONTH (1), "■○");
  /* The bad budget and month of row 3 are refused and said; the rest of the row is kept. */
  assert_cell (f, 3, APP_PLAN_GRID_COLUMN_NAME, "ผิด");
  assert_cell (f, 3, APP_PLAN_GRID_COLUMN_BUDGET, "-");
  g_assert_cmpuint (f->messages->len, ==, 1);
  /* "2 cells were left as they were: …", in Thai "คงค่าเดิมไว้ 2 ช่อง: …" */
  g_assert_nonnull (strstr (g_ptr_array_index (f->messages, 0), "2 "));
  /* One step: undo takes the three rows away and gives "จัดทำคู่มือ" back. */
  {
    g_autoptr (GError) error = NULL;

    g_assert_true (phaen_store_undo (f->store, &error));
    spin (20);
  }
  g_assert_cmpuint (app_plan_grid_get_n_rows (f->grid), ==, 2);
  assert_cell (f, 1, APP_PLAN_GRID_COLUMN_NAME, "จัดทำคู่มือ");
}

/* A block typed or pasted into one cell keeps its first line and says what it dropped. */
static void
test_one_cell_block (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  GtkWidget *editor;

  g_assert_true (app_plan_grid_commit_text (f->grid, 0, APP_PLAN_GRID_COLUMN_NAME,
                                            "ประชุม\tกพร.\n2\tสรุป", &error));
  assert_cell (f, 0, APP_PLAN_GRID_COLUMN_NAME, "ประชุม");
  g_assert_cmpuint (f->messages->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (f->messages, 0), "A cell holds one line") ||
                 g_str_has_prefix (g_ptr_array_index (f->messages, 0), "หนึ่งช่อง"));
  g_assert_nonnull (strstr (g_ptr_array_index (f->messages, 0), "สรุป"));

  /* Ctrl+V in the cell editor. */
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (f->grid)), "ทบทวน\tx\ny");
  app_plan_grid_set_cursor (f->grid, 1, APP_PLAN_GRID_COLUMN_OWNER);
  act (f, "grid.edit");
  editor = gtk_widget_get_first_child (GTK_WIDGET (f->grid));
  while (editor && !GTK_IS_TEXT (editor))
    editor = gtk_widget_get_next_sibling (editor);
  g_assert_nonnull (editor);
  g_signal_emit_by_name (editor, "paste-clipboard");
  for (int i = 0; i < 200 && f->messages->len < 2; i++)
    spin (10);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor)), ==, "ทบทวน");
  g_assert_cmpuint (f->messages->len, ==, 2);
}

/* Budgets as officers write them; the column holds a ministry's. */
static void
test_budget_words (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  const AppGridColumns *columns = app_plan_grid_get_columns (f->grid);

  g_assert_true (
    app_plan_grid_commit_text (f->grid, 0, APP_PLAN_GRID_COLUMN_BUDGET, "15,000 บาท", &error));
  assert_cell (f, 0, APP_PLAN_GRID_COLUMN_BUDGET, "15,000.00");
  g_assert_true (
    app_plan_grid_commit_text (f->grid, 0, APP_PLAN_GRID_COLUMN_BUDGET, "1.5 ล้าน", &error));
  assert_cell (f, 0, APP_PLAN_GRID_COLUMN_BUDGET, "1,500,000.00");
  g_assert_true (app_plan_grid_commit_text (f->grid, 0, APP_PLAN_GRID_COLUMN_BUDGET,
                                            "1,234,567,890.50", &error));
  assert_cell (f, 0, APP_PLAN_GRID_COLUMN_BUDGET, "1,234,567,890.50");
  {
    PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (f->grid), "1,234,567,890.50");
    int width;

    pango_layout_get_pixel_size (layout, &width, NULL);
    g_assert_cmpfloat (columns->width[APP_PLAN_GRID_COLUMN_BUDGET], >=, width + 12);
    g_object_unref (layout);
  }
  /* No ประเภท column on a process plan: Tab goes from the name to the owner. */
  g_assert_false (app_grid_column_is_present (columns, APP_PLAN_GRID_COLUMN_CATEGORY));
  g_assert_cmpint (app_grid_columns_step (columns, APP_PLAN_GRID_COLUMN_NAME, 1), ==,
                   APP_PLAN_GRID_COLUMN_OWNER);
}

/* Ctrl+Shift+V: the rows become new activities right after the cursor's, in one step. */
static void
test_paste_below (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (f->grid)),
                          "ประชุมชี้แจง\tกพร.\nสรุปผล\tกพร.\n");
  app_plan_grid_set_cursor (f->grid, 0, APP_PLAN_GRID_COLUMN_NAME);
  act (f, "grid.paste-below");
  for (int i = 0; i < 200 && app_plan_grid_get_n_rows (f->grid) < 4; i++)
    spin (10);
  g_assert_cmpuint (app_plan_grid_get_n_rows (f->grid), ==, 4);
  assert_cell (f, 0, APP_PLAN_GRID_COLUMN_NAME, "ทบทวนกระบวนงาน");
  assert_cell (f, 1, APP_PLAN_GRID_COLUMN_NAME, "ประชุมชี้แจง");
  assert_cell (f, 2, APP_PLAN_GRID_COLUMN_NAME, "สรุปผล");
  assert_cell (f, 2, APP_PLAN_GRID_COLUMN_OWNER, "กพร.");
  assert_cell (f, 3, APP_PLAN_GRID_COLUMN_NAME, "จัดทำคู่มือ");
  assert_cell (f, 3, APP_PLAN_GRID_COLUMN_NUMBER, "4");
  g_assert_true (phaen_store_undo (f->store, &error));
  spin (20);
  g_assert_cmpuint (app_plan_grid_get_n_rows (f->grid), ==, 2);
}

/* Seed 000's own table copied with its two header rows: columns land by their headers. */
static void
test_paste_by_headers (Fixture *f, gconstpointer data)
{
  static const char tsv[] =
    "กิจกรรม\tระยะเวลาในการดำเนินงาน\tระยะเวลาในการดำเนินงาน\tระยะเวลาในการดำเนินงาน\t"
    "งบประมาณ\tผู้รับผิดชอบ\n"
    "\tต.ค.63\tพ.ย.63\tต.ค.64\t\t\n"
    "ศึกษากรอบการประเมิน\t1\t\t1\t-\tกพร.\n"
    "วิเคราะห์ตัวชี้วัด\t\t■\t\t20,000 บาท\tกพร.\n";

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (f->grid)), tsv);
  app_plan_grid_set_cursor (f->grid, 1, MONTH (5));
  act (f, "grid.paste");
  for (int i = 0; i < 200 && app_plan_grid_get_n_rows (f->grid) < 3; i++)
    spin (10);
  g_assert_cmpuint (app_plan_grid_get_n_rows (f->grid), ==, 3);
  assert_cell (f, 0, APP_PLAN_GRID_COLUMN_NAME, "ทบทวนกระบวนงาน");
  assert_cell (f, 1, APP_PLAN_GRID_COLUMN_NAME, "ศึกษากรอบการประเมิน");
  assert_cell (f, 1, APP_PLAN_GRID_COLUMN_OWNER, "กพร.");
  assert_cell (f, 1, MONTH (0), "■");
  assert_cell (f, 1, MONTH (1), "");
  assert_cell (f, 2, MONTH (1), "■");
  assert_cell (f, 2, APP_PLAN_GRID_COLUMN_BUDGET, "20,000.00");
  /* The plan has no 13th month: ต.ค.64 is left out, quietly. */
  g_assert_cmpuint (f->messages->len, ==, 0);
}

/* The one table of keys the shortcuts window reads: every action in it is installed, every
 * listed key has a title and parses as an accelerator. */
static void
test_shortcuts_table (Fixture *f, gconstpointer data)
{
  GtkWidgetClass *klass = GTK_WIDGET_GET_CLASS (f->grid);
  const AppPlanGridShortcut *shortcuts;
  guint n = 0, listed = 0;

  shortcuts = app_plan_grid_get_shortcuts (&n);
  g_assert_cmpuint (n, >, 15);
  for (guint i = 0; i < n; i++)
    {
      if (shortcuts[i].action != NULL)
        {
          gboolean found = FALSE;
          const GVariantType *parameter;
          const char *name, *property;
          GType owner;

          for (guint a = 0;
               gtk_widget_class_query_action (klass, a, &owner, &name, &parameter, &property); a++)
            found |= g_str_equal (name, shortcuts[i].action);
          g_assert_true (found);
        }
      if (shortcuts[i].accelerator != NULL)
        {
          g_auto (GStrv) keys = g_strsplit (shortcuts[i].accelerator, " ", -1);

          g_assert_nonnull (shortcuts[i].title);
          for (guint k = 0; keys[k]; k++)
            g_assert_true (gtk_accelerator_parse (keys[k], NULL, NULL));
          listed++;
        }
    }
  g_assert_cmpuint (listed, >, 15);
}

/* Alt+Shift+→/← and Alt+Shift+↓ (the keyboard's header drag and double click). */
static void
test_column_widths (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  const AppGridColumns *columns = app_plan_grid_get_columns (f->grid);
  double owner = columns->width[APP_PLAN_GRID_COLUMN_OWNER];
  double month = columns->width[MONTH (0)];

  app_plan_grid_set_cursor (f->grid, 0, APP_PLAN_GRID_COLUMN_OWNER);
  act (f, "grid.column-wider");
  columns = app_plan_grid_get_columns (f->grid);
  g_assert_cmpfloat (columns->width[APP_PLAN_GRID_COLUMN_OWNER], ==, round (owner + 16));
  g_assert_true (app_plan_grid_commit_text (f->grid, 0, APP_PLAN_GRID_COLUMN_OWNER,
                                            "สำนักงานปลัดกระทรวงการคลัง กองแผนงาน", &error));
  spin (20);
  act (f, "grid.column-fit");
  columns = app_plan_grid_get_columns (f->grid);
  g_assert_cmpfloat (columns->width[APP_PLAN_GRID_COLUMN_OWNER], >, owner + 16);
  {
    g_autofree char *text = app_plan_grid_get_cell_text (f->grid, 0, APP_PLAN_GRID_COLUMN_OWNER);
    PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (f->grid), text);
    int width;

    pango_layout_get_pixel_size (layout, &width, NULL);
    g_assert_cmpfloat (columns->width[APP_PLAN_GRID_COLUMN_OWNER], >=, width + 12);
    g_object_unref (layout);
  }
  /* The months narrow together, and the columns after them move. */
  app_plan_grid_set_cursor (f->grid, 0, MONTH (3));
  act (f, "grid.column-narrower");
  columns = app_plan_grid_get_columns (f->grid);
  g_assert_cmpfloat (columns->width[MONTH (0)], ==, round (month - 16));
  g_assert_cmpfloat (columns->width[MONTH (11)], ==, round (month - 16));
  g_assert_cmpfloat (columns->x[APP_PLAN_GRID_COLUMN_OUTPUT], ==,
                     columns->x[MONTH (11)] + round (month - 16));
  act (f, "grid.column-fit");
  g_assert_cmpfloat (app_plan_grid_get_columns (f->grid)->width[MONTH (0)], ==, month);
}

/* ------------------------------------------------------------------ levels and roll-ups */

/* The grid drawn into a texture, and one pixel of it (RGBA). */
static guint32
pixel_at (Fixture *f, int x, int y)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (f->window);
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  GtkSnapshot *snapshot;
  int width = gtk_widget_get_width (f->window);
  int height = gtk_widget_get_height (f->window);
  g_autofree guchar *data = g_malloc ((gsize)width * 4 * (gsize)height);
  graphene_point_t at;
  guint32 value;

  gtk_widget_queue_draw (GTK_WIDGET (f->grid));
  spin (100);
  /* The window's picture: a widget's own paintable is empty until it is its window's. */
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (f->grid), f->window,
                                           &GRAPHENE_POINT_INIT ((float)x, (float)y), &at));
  x = (int)at.x;
  y = (int)at.y;
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (f->window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_texture_download (texture, data, (gsize)width * 4);
  g_assert_true (x >= 0 && x < width && y >= 0 && y < height);
  memcpy (&value, data + (gsize)y * width * 4 + (gsize)x * 4, 4);
  return value;
}

/* An action plan: new rows take the level under their parent's (strategy → goal → project →
 * activity), Ctrl+1…4 (and the row menu) set the level of every selected row in one undo step,
 * and each level draws its own background. */
static void
test_levels (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenActivity) a = NULL;
  g_autoptr (PhaenActivity) b = NULL;
  g_autoptr (PhaenActivity) c = NULL;
  GtkBorder border;
  const AppGridColumns *columns;
  gint64 goal, project, activity;
  guint32 as_strategy, as_activity;
  int x, y;

  goal = add (f, f->first, "เป้าประสงค์ที่ตั้งไว้");
  project = add (f, goal, "โครงการติดตามผล");
  activity = add (f, project, "จัดประชุม");
  spin (50);
  a = get (f, f->first);
  g_assert_cmpint (a->level, ==, PHAEN_ACTIVITY_LEVEL_STRATEGY);
  g_clear_pointer (&a, phaen_activity_free);
  a = get (f, goal);
  g_assert_cmpint (a->level, ==, PHAEN_ACTIVITY_LEVEL_GOAL);
  g_clear_pointer (&a, phaen_activity_free);
  a = get (f, project);
  g_assert_cmpint (a->level, ==, PHAEN_ACTIVITY_LEVEL_PROJECT);
  g_clear_pointer (&a, phaen_activity_free);
  a = get (f, activity);
  g_assert_cmpint (a->level, ==, PHAEN_ACTIVITY_LEVEL_ACTIVITY);
  assert_cell (f, 3, APP_PLAN_GRID_COLUMN_NUMBER, "1.1.1.1");
  g_assert_cmpint (app_plan_grid_get_row_level (f->grid, 0), ==, PHAEN_ACTIVITY_LEVEL_STRATEGY);

  /* The strategy's row is tinted: a pixel of its name cell, away from the text. */
  columns = app_plan_grid_get_columns (f->grid);
  g_assert_true (gtk_scrollable_get_border (GTK_SCROLLABLE (f->grid), &border));
  x = (int)(columns->x[APP_PLAN_GRID_COLUMN_NAME] + columns->width[APP_PLAN_GRID_COLUMN_NAME]) - 6;
  y = border.top + 2;
  app_plan_grid_set_cursor (f->grid, 4, APP_PLAN_GRID_COLUMN_NAME); /* off row 0 */
  as_strategy = pixel_at (f, x, y);

  /* Rows 1–3 (goal, project, activity) selected, Ctrl+3: all projects, one undo step. */
  phaen_store_clear_history (f->store);
  app_plan_grid_set_cursor (f->grid, 1, APP_PLAN_GRID_COLUMN_NAME);
  app_plan_grid_select_to (f->grid, 3, APP_PLAN_GRID_COLUMN_NAME);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->grid), "grid.level-project", NULL));
  spin (50);
  for (guint r = 1; r <= 3; r++)
    g_assert_cmpint (app_plan_grid_get_row_level (f->grid, r), ==, PHAEN_ACTIVITY_LEVEL_PROJECT);
  g_assert_true (phaen_store_undo (f->store, &error));
  g_assert_no_error (error);
  spin (50);
  g_assert_cmpint (app_plan_grid_get_row_level (f->grid, 1), ==, PHAEN_ACTIVITY_LEVEL_GOAL);
  g_assert_cmpint (app_plan_grid_get_row_level (f->grid, 3), ==, PHAEN_ACTIVITY_LEVEL_ACTIVITY);
  g_assert_false (phaen_store_can_undo (f->store));

  /* Ctrl+4 on the strategy: an activity's row has no tint. */
  app_plan_grid_set_cursor (f->grid, 0, APP_PLAN_GRID_COLUMN_NAME);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->grid), "grid.level-activity", NULL));
  spin (50);
  b = get (f, f->first);
  g_assert_cmpint (b->level, ==, PHAEN_ACTIVITY_LEVEL_ACTIVITY);
  app_plan_grid_set_cursor (f->grid, 4, APP_PLAN_GRID_COLUMN_NAME);
  as_activity = pixel_at (f, x, y);
  g_assert_cmphex (as_strategy, !=, as_activity);

  /* Shift+F10: the row menu, whose level items run the same actions. */
  app_plan_grid_set_cursor (f->grid, 0, APP_PLAN_GRID_COLUMN_NAME);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->grid), "grid.menu", NULL));
  spin (50);
  {
    GtkWidget *menu = NULL;
    GMenuModel *model, *levels;
    g_autofree char *action = NULL;

    for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (f->grid)); child;
         child = gtk_widget_get_next_sibling (child))
      if (GTK_IS_POPOVER_MENU (child))
        menu = child;
    g_assert_nonnull (menu);
    g_assert_true (gtk_widget_get_visible (menu));
    model = gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (menu));
    levels = g_menu_model_get_item_link (model, 0, G_MENU_LINK_SECTION);
    g_assert_cmpint (g_menu_model_get_n_items (levels), ==, 4);
    g_assert_true (
      g_menu_model_get_item_attribute (levels, 1, G_MENU_ATTRIBUTE_ACTION, "s", &action));
    g_assert_cmpstr (action, ==, "grid.level-goal");
    g_object_unref (levels);
    gtk_popover_popdown (GTK_POPOVER (menu));
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->grid), "grid.level-goal", NULL));
  spin (50);
  c = get (f, f->first);
  g_assert_cmpint (c->level, ==, PHAEN_ACTIVITY_LEVEL_GOAL);
}

/* Activities that add up to more than their project's budget: the budget cell warns, leading
 * with the reason, and is drawn apart; the footer still counts the project's amount once. */
static void
test_over_budget (Fixture *f, gconstpointer data)
{
  g_autofree char *warning = NULL;
  g_autofree char *footer = NULL;
  const AppGridColumns *columns;
  GtkBorder border;
  guint32 over, fitting;
  gint64 first_child, second_child;
  int x, y;

  first_child = add (f, f->first, "พัฒนาระบบ");
  second_child = add (f, f->first, "อบรมผู้ใช้");
  set_budget (f, f->first, 500000);
  set_budget (f, first_child, 300000);
  set_budget (f, second_child, 250000);
  spin (50);

  warning = app_plan_grid_get_cell_warning (f->grid, 0, APP_PLAN_GRID_COLUMN_BUDGET);
  g_assert_nonnull (warning);
  g_assert_true (g_str_has_prefix (warning, "งบประมาณเกินวงเงิน"));
  g_assert_nonnull (strstr (warning, "550,000.00"));
  g_assert_nonnull (strstr (warning, "50,000.00"));
  g_assert_null (app_plan_grid_get_cell_warning (f->grid, 1, APP_PLAN_GRID_COLUMN_BUDGET));
  {
    /* A screen reader hears the level first and the warning after the value. */
    g_autofree char *heard =
      app_plan_grid_a11y_describe_cell (f->grid, 0, APP_PLAN_GRID_COLUMN_BUDGET);

    g_assert_nonnull (strstr (heard, warning));
    g_assert_nonnull (strstr (heard, "ยุทธศาสตร์ 1"));
  }
  footer = app_plan_grid_get_footer_text (f->grid, APP_PLAN_GRID_COLUMN_BUDGET);
  g_assert_cmpstr (footer, ==, "500,000.00");

  columns = app_plan_grid_get_columns (f->grid);
  g_assert_true (gtk_scrollable_get_border (GTK_SCROLLABLE (f->grid), &border));
  x = (int)columns->x[APP_PLAN_GRID_COLUMN_BUDGET] + 1; /* the warning's edge */
  y = border.top + 2;
  app_plan_grid_set_cursor (f->grid, 3, APP_PLAN_GRID_COLUMN_NAME);
  over = pixel_at (f, x, y);
  set_budget (f, f->first, 550000);
  spin (50);
  g_assert_null (app_plan_grid_get_cell_warning (f->grid, 0, APP_PLAN_GRID_COLUMN_BUDGET));
  fitting = pixel_at (f, x, y);
  g_assert_cmphex (over, !=, fitting);
}

/* The widths given by hand are the "column-widths" property (the setting); fitting a column
 * forgets its width; widths set back restore the columns. */
static void
test_remembered_widths (Fixture *f, gconstpointer data)
{
  g_autoptr (GVariant) widths = NULL;
  g_autoptr (GVariant) after_fit = NULL;
  double name, width;

  app_plan_grid_set_cursor (f->grid, 0, APP_PLAN_GRID_COLUMN_NAME);
  spin (30);
  name = app_plan_grid_get_columns (f->grid)->width[APP_PLAN_GRID_COLUMN_NAME];
  act (f, "grid.column-wider");
  g_object_get (f->grid, "column-widths", &widths, NULL);
  g_assert_true (g_variant_lookup (widths, "name", "d", &width));
  g_assert_cmpfloat (width, ==, round (name + 16));

  /* A grid made anew (the next start) takes them back. */
  app_plan_grid_set_column_widths (f->grid, NULL);
  spin (30);
  g_assert_cmpfloat (app_plan_grid_get_columns (f->grid)->width[APP_PLAN_GRID_COLUMN_NAME], ==,
                     name);
  g_object_set (f->grid, "column-widths", widths, NULL);
  spin (30);
  g_assert_cmpfloat (app_plan_grid_get_columns (f->grid)->width[APP_PLAN_GRID_COLUMN_NAME], ==,
                     round (name + 16));

  act (f, "grid.column-fit");
  g_object_get (f->grid, "column-widths", &after_fit, NULL);
  g_assert_false (g_variant_lookup (after_fit, "name", "d", &width));
}

int
main (int argc, char **argv)
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

#define ADD(path, func, kind)                                                                      \
  g_test_add (path, Fixture, GINT_TO_POINTER (kind), fixture_setup, func, fixture_teardown)

  ADD ("/plan-grid/shows-plan", test_shows_plan, PHAEN_PLAN_PROCESS);
  ADD ("/plan-grid/commit/name-and-undo", test_commit_name, PHAEN_PLAN_PROCESS);
  ADD ("/plan-grid/commit/unchanged", test_unchanged_text_is_no_step, PHAEN_PLAN_PROCESS);
  ADD ("/plan-grid/commit/bad-input-refused", test_bad_budget_refused, PHAEN_PLAN_PROCESS);
  ADD ("/plan-grid/commit/budget-and-category", test_budget_and_category, PHAEN_PLAN_PROCESS);
  ADD ("/plan-grid/paint/one-step", test_paint, PHAEN_PLAN_PROCESS);
  ADD ("/plan-grid/totals/nested", test_nested_totals, PHAEN_PLAN_PROCESS);
  ADD ("/plan-grid/paint/tools-footer", test_paint_tools_and_footer, PHAEN_PLAN_EFFICIENCY);
  ADD ("/plan-grid/paint/tools-footer-process", test_paint_tools_and_footer, PHAEN_PLAN_PROCESS);
  ADD ("/plan-grid/paint/extra-months", test_extra_months, PHAEN_PLAN_PROCESS);
  ADD ("/plan-grid/paint/month-tooltips", test_month_tooltips, PHAEN_PLAN_PROCESS);
  ADD ("/plan-grid/structure/add-indent-outdent", test_structure, PHAEN_PLAN_PROCESS);
  ADD ("/plan-grid/structure/enabled", test_actions_follow_cursor, PHAEN_PLAN_PROCESS);
  ADD ("/plan-grid/editor", test_editor, PHAEN_PLAN_PROCESS);
  ADD ("/plan-grid/editor/autosave", test_editor_autosave, PHAEN_PLAN_PROCESS);
  ADD ("/plan-grid/thousand-rows", test_thousand_rows, PHAEN_PLAN_PROCESS);
  ADD ("/plan-grid/range/paint-clear", test_range_paint_clear, PHAEN_PLAN_PROCESS);
  ADD ("/plan-grid/range/fill", test_fill, PHAEN_PLAN_PROCESS);
  ADD ("/plan-grid/clipboard/copy-cut-paste", test_copy_cut, PHAEN_PLAN_PROCESS);
  ADD ("/plan-grid/clipboard/paste-html", test_paste_html, PHAEN_PLAN_PROCESS);
  ADD ("/plan-grid/clipboard/one-cell", test_one_cell_block, PHAEN_PLAN_PROCESS);
  ADD ("/plan-grid/clipboard/by-headers", test_paste_by_headers, PHAEN_PLAN_PROCESS);
  ADD ("/plan-grid/clipboard/paste-below", test_paste_below, PHAEN_PLAN_PROCESS);
  ADD ("/plan-grid/commit/budget-words", test_budget_words, PHAEN_PLAN_PROCESS);
  ADD ("/plan-grid/columns/widths", test_column_widths, PHAEN_PLAN_PROCESS);
  ADD ("/plan-grid/shortcuts", test_shortcuts_table, PHAEN_PLAN_PROCESS);
  ADD ("/plan-grid/levels/set-and-style", test_levels, PHAEN_PLAN_ACTION);
  ADD ("/plan-grid/levels/over-budget", test_over_budget, PHAEN_PLAN_ACTION);
  ADD ("/plan-grid/columns/remembered", test_remembered_widths, PHAEN_PLAN_PROCESS);

  return g_test_run ();
}
