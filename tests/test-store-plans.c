/* test-store-plans.c — plans, text sections, the activity tree, month marks, budgets, undo
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <sqlite3.h>

#include "phaen-error.h"
#include "phaen-store.h"
#include "test-util.h"

typedef struct
{
  char *dir;
  char *path;
  PhaenStore *store;
  gint64 unit;
  gint64 plan;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->store = test_workspace_new ("t.phaen", &f->dir);
  f->path = g_strdup (phaen_store_get_path (f->store));
  f->unit = phaen_store_add_unit (f->store, "กพร.", "กลุ่มพัฒนาระบบบริหาร", 0, &error);
  g_assert_no_error (error);
  f->plan = phaen_store_add_plan (f->store, f->unit, 2564, PHAEN_PLAN_PROCESS,
                                  "แผนการปรับปรุงกระบวนการตามภารกิจ", &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  test_workspace_close (&f->store, &f->dir);
  g_free (f->path);
}

static gint64
add (Fixture *f, gint64 parent, const char *name)
{
  g_autoptr (GError) error = NULL;
  gint64 id = phaen_store_add_activity (f->store, f->plan, parent, -1, name, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* "1 ก|1.1 ข|2 ค" — numbers and names in display order */
static char *
outline (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = phaen_store_list_activities (f->store, f->plan, &error);
  g_autoptr (GString) out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      const PhaenActivity *a = g_ptr_array_index (list, i);
      g_string_append_printf (out, "%s%s %s", i ? "|" : "", a->number, a->name);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
assert_outline (Fixture *f, const char *expected)
{
  g_autofree char *actual = outline (f);

  g_assert_cmpstr (actual, ==, expected);
}

static void
test_plan_round_trip (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenPlan) plan = phaen_store_get_plan (f->store, f->plan, &error);
  g_autoptr (PhaenPlan) again = NULL;
  g_autoptr (GPtrArray) plans = NULL;
  g_autofree char *section = NULL;
  g_autofree char *unset = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (plan->fiscal_year, ==, 2564);
  g_assert_cmpint (plan->kind, ==, PHAEN_PLAN_PROCESS);
  plan->extra_months = 1;
  phaen_store_update_plan (f->store, plan, &error);
  g_assert_no_error (error);
  again = phaen_store_get_plan (f->store, f->plan, &error);
  g_assert_cmpint (again->extra_months, ==, 1);

  again->extra_months = 13;
  g_assert_false (phaen_store_update_plan (f->store, again, &error));
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (phaen_store_add_plan (f->store, f->unit, 2021, PHAEN_PLAN_PROCESS, "x", &error),
                   ==, 0);
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID);
  g_clear_error (&error);

  phaen_store_set_plan_section (f->store, f->plan, PHAEN_SECTION_DIGITAL,
                                "ติดตามการรายงานผลการดำเนินงานผ่าน Google Form", &error);
  g_assert_no_error (error);
  section = phaen_store_get_plan_section (f->store, f->plan, PHAEN_SECTION_DIGITAL, &error);
  g_assert_cmpstr (section, ==, "ติดตามการรายงานผลการดำเนินงานผ่าน Google Form");
  unset = phaen_store_get_plan_section (f->store, f->plan, PHAEN_SECTION_EXPECTED, &error);
  g_assert_cmpstr (unset, ==, "");

  plans = phaen_store_list_plans (f->store, f->unit, 2564, &error);
  g_assert_cmpuint (plans->len, ==, 1);
  g_clear_pointer (&plans, g_ptr_array_unref);
  plans = phaen_store_list_plans (f->store, 0, 2565, &error);
  g_assert_cmpuint (plans->len, ==, 0);

  g_assert_null (phaen_store_get_plan (f->store, 999, &error));
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_NOT_FOUND);
}

static void
test_tree (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 a = add (f, 0, "ก");
  gint64 b = add (f, 0, "ข");
  gint64 c = add (f, 0, "ค");

  assert_outline (f, "1 ก|2 ข|3 ค");

  phaen_store_indent_activity (f->store, b, &error);
  g_assert_no_error (error);
  assert_outline (f, "1 ก|1.1 ข|2 ค");

  phaen_store_indent_activity (f->store, c, &error);
  g_assert_no_error (error);
  assert_outline (f, "1 ก|1.1 ข|1.2 ค");

  phaen_store_outdent_activity (f->store, b, &error);
  g_assert_no_error (error);
  assert_outline (f, "1 ก|1.1 ค|2 ข");

  /* insert at the front, then move the last one up to the top */
  phaen_store_add_activity (f->store, f->plan, 0, 0, "ง", &error);
  g_assert_no_error (error);
  assert_outline (f, "1 ง|2 ก|2.1 ค|3 ข");
  phaen_store_move_activity (f->store, b, 0, 0, &error);
  g_assert_no_error (error);
  assert_outline (f, "1 ข|2 ง|3 ก|3.1 ค");

  /* refusals leave everything as it was */
  g_assert_false (phaen_store_indent_activity (f->store, b, &error));
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (phaen_store_outdent_activity (f->store, a, &error));
  g_clear_error (&error);
  g_assert_false (phaen_store_move_activity (f->store, a, c, 0, &error));
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID);
  g_clear_error (&error);
  assert_outline (f, "1 ข|2 ง|3 ก|3.1 ค");

  /* deleting a parent takes its children; one undo brings both back */
  phaen_store_delete_activity (f->store, a, &error);
  g_assert_no_error (error);
  assert_outline (f, "1 ข|2 ง");
  phaen_store_undo (f->store, &error);
  g_assert_no_error (error);
  assert_outline (f, "1 ข|2 ง|3 ก|3.1 ค");
}

static void
test_fields_and_marks (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 id = add (f, 0, "ศึกษากรอบการประเมิน");
  g_autoptr (PhaenActivity) activity = phaen_store_get_activity (f->store, id, &error);
  g_autoptr (PhaenActivity) read = NULL;

  activity->category = 4;
  g_free (activity->owner);
  activity->owner = g_strdup ("กพร.");
  activity->has_budget = TRUE;
  activity->budget = 14760;
  g_free (activity->output);
  activity->output = g_strdup ("=HYPERLINK(\"x\")");
  phaen_store_update_activity (f->store, activity, &error);
  g_assert_no_error (error);
  phaen_store_set_month_marks (f->store, id, 0, PHAEN_MARK_PLANNED | PHAEN_MARK_START, &error);
  phaen_store_set_month_marks (f->store, id, 12, PHAEN_MARK_PLANNED | PHAEN_MARK_OUTPUT, &error);
  phaen_store_set_month_progress (f->store, id, 0, "เริ่มแล้ว", &error);
  g_assert_no_error (error);

  read = phaen_store_get_activity (f->store, id, &error);
  g_assert_cmpint (read->category, ==, 4);
  g_assert_cmpstr (read->owner, ==, "กพร.");
  g_assert_true (read->has_budget);
  g_assert_cmpfloat (read->budget, ==, 14760);
  g_assert_cmpstr (read->output, ==, "=HYPERLINK(\"x\")");
  g_assert_cmpuint (read->marks[0], ==, PHAEN_MARK_PLANNED | PHAEN_MARK_START);
  g_assert_cmpuint (read->marks[12], ==, PHAEN_MARK_PLANNED | PHAEN_MARK_OUTPUT);
  g_assert_cmpuint (read->marks[5], ==, 0);
  g_assert_cmpstr (read->month_progress[0], ==, "เริ่มแล้ว");
  g_assert_null (read->month_progress[1]);

  g_assert_false (phaen_store_set_month_marks (f->store, id, 24, PHAEN_MARK_PLANNED, &error));
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (phaen_store_set_month_progress (f->store, id, -1, "ก่อนเริ่ม", &error));
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID);
  g_clear_error (&error);
  read->category = 6;
  g_assert_false (phaen_store_update_activity (f->store, read, &error));
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID);
}

/* A drag across three months is one undo step; redo paints them again. */
static void
test_paint_undo (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 id = add (f, 0, "ติดตามความก้าวหน้า");
  int changed = 0;
  g_autoptr (PhaenActivity) after_undo = NULL;
  g_autoptr (PhaenActivity) after_redo = NULL;

  g_signal_connect_swapped (f->store, "changed", G_CALLBACK (g_atomic_int_inc), &changed);
  phaen_store_begin (f->store, "ระบายเดือน", &error);
  for (int m = 3; m <= 5; m++)
    phaen_store_set_month_marks (f->store, id, m, PHAEN_MARK_PLANNED, &error);
  phaen_store_commit (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (changed, ==, 1);
  g_assert_cmpstr (phaen_store_get_undo_label (f->store), ==, "ระบายเดือน");

  phaen_store_undo (f->store, &error);
  g_assert_no_error (error);
  after_undo = phaen_store_get_activity (f->store, id, &error);
  for (int m = 0; m < PHAEN_MAX_MONTHS; m++)
    g_assert_cmpuint (after_undo->marks[m], ==, 0);
  g_assert_true (phaen_store_can_undo (f->store)); /* adding the activity */
  g_assert_true (phaen_store_can_redo (f->store));

  phaen_store_redo (f->store, &error);
  g_assert_no_error (error);
  after_redo = phaen_store_get_activity (f->store, id, &error);
  g_assert_cmpuint (after_redo->marks[3] & after_redo->marks[4] & after_redo->marks[5], ==,
                    PHAEN_MARK_PLANNED);
  g_assert_false (phaen_store_can_redo (f->store));
  g_assert_cmpint (changed, ==, 3);
}

/* Edits survive closing and reopening: each was committed when made. */
static void
test_reopen (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 id = add (f, 0, "จัดทำรายละเอียดตัวชี้วัด");
  PhaenBudgetQuarter q = { f->plan, 2, 100000, 25000, 14760 };
  const double targets[] = { 30, 52, 75, 100 };
  double read_targets[4];
  g_autoptr (PhaenActivity) activity = NULL;
  g_autoptr (GArray) budget = NULL;

  phaen_store_set_month_marks (f->store, id, 7, PHAEN_MARK_PLANNED, &error);
  phaen_store_set_budget_quarter (f->store, &q, &error);
  phaen_store_set_disbursement_targets (f->store, 2564, targets, &error);
  g_assert_no_error (error);
  g_clear_object (&f->store);

  f->store = phaen_store_open (f->path, &error);
  g_assert_no_error (error);
  activity = phaen_store_get_activity (f->store, id, &error);
  g_assert_cmpstr (activity->name, ==, "จัดทำรายละเอียดตัวชี้วัด");
  g_assert_cmpuint (activity->marks[7], ==, PHAEN_MARK_PLANNED);
  budget = phaen_store_list_budget_quarters (f->store, f->plan, &error);
  g_assert_cmpuint (budget->len, ==, 1);
  g_assert_cmpfloat (g_array_index (budget, PhaenBudgetQuarter, 0).disbursed, ==, 14760);
  g_assert_true (phaen_store_get_disbursement_targets (f->store, 2564, read_targets, &error));
  g_assert_cmpfloat (read_targets[1], ==, 52);
  g_assert_false (phaen_store_get_disbursement_targets (f->store, 2565, read_targets, &error));
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_NOT_FOUND);
  /* a reopened workspace starts with no undo history */
  g_assert_false (phaen_store_can_undo (f->store));
}

static void
test_units (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenUnit) found = phaen_store_find_unit (f->store, " กพร ", &error);
  g_autoptr (PhaenUnit) missing = NULL;
  PhaenPerson person = {
    .unit_id = f->unit, .title = "นางสาว", .name = "นวลสกุล พวงบุบผา", .phone = "2574"
  };
  g_autoptr (GPtrArray) people = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (found->id, ==, f->unit);
  missing = phaen_store_find_unit (f->store, "ก.พ.ร.", &error);
  g_assert_null (missing);
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_NOT_FOUND);
  g_clear_error (&error);

  phaen_store_add_person (f->store, &person, &error);
  g_assert_no_error (error);
  people = phaen_store_list_people (f->store, f->unit, &error);
  g_assert_cmpuint (people->len, ==, 1);
  g_assert_cmpstr (((PhaenPerson *)g_ptr_array_index (people, 0))->phone, ==, "2574");

  /* deleting a unit takes its plans with it */
  phaen_store_delete_unit (f->store, f->unit, &error);
  g_assert_no_error (error);
  g_assert_null (phaen_store_get_plan (f->store, f->plan, &error));
  g_clear_error (&error);
  phaen_store_undo (f->store, &error);
  g_assert_no_error (error);
  g_clear_pointer (&found, phaen_unit_free);
  found = phaen_store_get_unit (f->store, f->unit, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found->abbr, ==, "กพร.");
}

/* A second connection (an export thread) can open a workspace created a moment ago, to read. */
static void
test_second_connection (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenStore) second = phaen_store_open_read_only (f->path, &error);
  g_autoptr (GPtrArray) plans = NULL;

  g_assert_no_error (error);
  plans = phaen_store_list_plans (second, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plans->len, ==, 1);
}

static void
insert_on_change_cb (PhaenStore *store, gboolean *done)
{
  if (*done)
    return;
  *done = TRUE;
  phaen_store_add_unit (store, "สนย.", "สำนักนโยบายและยุทธศาสตร์", 0, NULL);
}

/* An add returns its own row's id even when a "changed" handler inserts another row. */
static void
test_insert_id_with_handler (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenActivity) activity = NULL;
  gboolean done = FALSE;
  gint64 id;

  g_signal_connect (f->store, "changed", G_CALLBACK (insert_on_change_cb), &done);
  id = phaen_store_add_activity (f->store, f->plan, 0, -1, "ติดตามผล", &error);
  g_assert_no_error (error);
  g_assert_true (done);
  activity = phaen_store_get_activity (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (activity->name, ==, "ติดตามผล");
}

static void
keep_changes_cb (PhaenStore *store, PhaenChanges *changes, PhaenChanges **last)
{
  g_clear_pointer (last, phaen_changes_unref);
  *last = phaen_changes_ref (changes);
}

/* Every edit, undo and redo says which kinds of record and which ids it changed, so a page can
 * ignore what it does not show. */
static void
test_records_changed (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenChanges) last = NULL;
  g_autoptr (PhaenActivity) activity = NULL;
  g_autoptr (PhaenStore) other = NULL;
  gint64 id;

  g_signal_connect (f->store, "records-changed", G_CALLBACK (keep_changes_cb), &last);
  id = phaen_store_add_activity (f->store, f->plan, 0, -1, "ประชุม", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (phaen_changes_get_kinds (last), ==, PHAEN_RECORD_ACTIVITY);
  g_assert_true (phaen_changes_has (last, PHAEN_RECORD_ACTIVITY, id));
  g_assert_false (phaen_changes_has (last, PHAEN_RECORD_ACTIVITY, id + 1));
  g_assert_false (phaen_changes_touches (last, PHAEN_RECORDS_SCORES));

  g_assert_true (phaen_store_set_month_marks (f->store, id, 3, PHAEN_MARK_PLANNED, &error));
  g_assert_cmpuint (phaen_changes_get_kinds (last), ==, PHAEN_RECORD_ACTIVITY_MONTH);
  g_assert_true (phaen_store_undo (f->store, &error));
  g_assert_cmpuint (phaen_changes_get_kinds (last), ==, PHAEN_RECORD_ACTIVITY_MONTH);

  /* Deleting the plan takes its activities along: both are reported. */
  g_assert_true (phaen_store_delete_plan (f->store, f->plan, &error));
  g_assert_true (phaen_changes_has (last, PHAEN_RECORD_PLAN, f->plan));
  g_assert_true (phaen_changes_has (last, PHAEN_RECORD_ACTIVITY, id));
  g_assert_true (phaen_store_undo (f->store, &error));
  g_assert_true (phaen_changes_has (last, PHAEN_RECORD_ACTIVITY, id));

  /* A refused edit reports nothing. */
  g_clear_pointer (&last, phaen_changes_unref);
  g_assert_cmpint (phaen_store_add_activity (f->store, 9999, 0, -1, "x", &error), ==, 0);
  g_clear_error (&error);
  g_assert_null (last);

  /* Another writer's commit: anything may have changed. */
  other = phaen_store_open_full (f->path, PHAEN_STORE_OPEN_IGNORE_LOCK, &error);
  g_assert_no_error (error);
  activity = phaen_store_get_activity (other, id, &error);
  g_free (activity->name);
  activity->name = g_strdup ("ประชุมใหญ่");
  g_assert_true (phaen_store_update_activity (other, activity, &error));
  g_assert_true (phaen_store_check_outside_change (f->store));
  g_assert_cmpuint (phaen_changes_get_kinds (last), ==, PHAEN_RECORD_ALL);
  g_assert_true (phaen_changes_has (last, PHAEN_RECORD_RESULT, 1));
}

/* ------------------------------------------------------------------ typed levels */

static int
level_of (PhaenStore *store, gint64 id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenActivity) a = phaen_store_get_activity (store, id, &error);

  g_assert_no_error (error);
  return a->level;
}

/* A new row is one level below its parent; an action plan starts with strategies, the other
 * plans with activities. A level is edited like any field: checked, undoable, reported. */
static void
test_levels (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenActivity) a = NULL;
  g_autoptr (PhaenChanges) last = NULL;
  gint64 process_row, ids[5];
  gint64 action, copy;

  process_row = add (f, 0, "ทบทวนกระบวนงาน");
  g_assert_cmpint (level_of (f->store, add (f, process_row, "ขั้นตอนย่อย")), ==,
                   PHAEN_ACTIVITY_LEVEL_ACTIVITY);
  g_assert_cmpint (level_of (f->store, process_row), ==, PHAEN_ACTIVITY_LEVEL_ACTIVITY);

  action =
    phaen_store_add_plan (f->store, f->unit, 2564, PHAEN_PLAN_ACTION, "แผนปฏิบัติราชการ", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      ids[i] = phaen_store_add_activity (f->store, action, i ? ids[i - 1] : 0, -1, "แถว", &error);
      g_assert_no_error (error);
    }
  g_assert_cmpint (level_of (f->store, ids[0]), ==, PHAEN_ACTIVITY_LEVEL_STRATEGY);
  g_assert_cmpint (level_of (f->store, ids[1]), ==, PHAEN_ACTIVITY_LEVEL_GOAL);
  g_assert_cmpint (level_of (f->store, ids[2]), ==, PHAEN_ACTIVITY_LEVEL_PROJECT);
  g_assert_cmpint (level_of (f->store, ids[3]), ==, PHAEN_ACTIVITY_LEVEL_ACTIVITY);
  g_assert_cmpint (level_of (f->store, ids[4]), ==, PHAEN_ACTIVITY_LEVEL_ACTIVITY);

  /* Out of range: refused with a reason, nothing written. */
  a = phaen_store_get_activity (f->store, ids[1], &error);
  g_assert_no_error (error);
  for (int bad = 0; bad <= 5; bad += 5)
    {
      a->level = bad;
      g_assert_false (phaen_store_update_activity (f->store, a, &error));
      g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID);
      g_clear_error (&error);
    }
  g_signal_connect (f->store, "records-changed", G_CALLBACK (keep_changes_cb), &last);
  a->level = PHAEN_ACTIVITY_LEVEL_PROJECT;
  g_assert_true (phaen_store_update_activity (f->store, a, &error));
  g_assert_no_error (error);
  g_assert_true (phaen_changes_has (last, PHAEN_RECORD_ACTIVITY, ids[1]));
  g_assert_cmpint (level_of (f->store, ids[1]), ==, PHAEN_ACTIVITY_LEVEL_PROJECT);
  g_assert_true (phaen_store_undo (f->store, &error));
  g_assert_cmpint (level_of (f->store, ids[1]), ==, PHAEN_ACTIVITY_LEVEL_GOAL);
  g_signal_handlers_disconnect_by_data (f->store, &last);

  /* The yearly roll-over keeps each row's level. */
  copy = phaen_store_duplicate_plan (f->store, action, 2565, &error);
  g_assert_no_error (error);
  {
    g_autoptr (GPtrArray) old_rows = phaen_store_list_activities (f->store, action, &error);
    g_autoptr (GPtrArray) new_rows = phaen_store_list_activities (f->store, copy, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (new_rows->len, ==, old_rows->len);
    for (guint i = 0; i < old_rows->len; i++)
      g_assert_cmpint (((PhaenActivity *)g_ptr_array_index (new_rows, i))->level, ==,
                       ((PhaenActivity *)g_ptr_array_index (old_rows, i))->level);
  }
}

static void
exec_raw (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s", message);
  sqlite3_close (db);
}

/* A workspace written before levels existed gets them from its tree's depth (schema 006): an
 * action plan's rows from the leaves up, every row of a process plan an activity. */
static void
test_levels_migrated (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenStore) reader = NULL;
  g_autofree char *sql = NULL;
  gint64 deep[5], shallow[2], flat, step, top;
  gint64 action_deep, action_shallow, action_flat;

  top = add (f, 0, "กิจกรรม");
  step = add (f, top, "ขั้นตอน");
  action_deep = phaen_store_add_plan (f->store, f->unit, 2564, PHAEN_PLAN_ACTION, "ลึก", &error);
  action_shallow =
    phaen_store_add_plan (f->store, f->unit, 2564, PHAEN_PLAN_ACTION, "สองชั้น", &error);
  action_flat = phaen_store_add_plan (f->store, f->unit, 2564, PHAEN_PLAN_ACTION, "ชั้นเดียว", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (deep); i++)
    deep[i] =
      phaen_store_add_activity (f->store, action_deep, i ? deep[i - 1] : 0, -1, "ก", &error);
  shallow[0] = phaen_store_add_activity (f->store, action_shallow, 0, -1, "โครงการ", &error);
  shallow[1] = phaen_store_add_activity (f->store, action_shallow, shallow[0], -1, "ก", &error);
  flat = phaen_store_add_activity (f->store, action_flat, 0, -1, "โครงการ", &error);
  g_assert_no_error (error);
  g_clear_object (&f->store);

  /* Back to the schema before levels (the last migration is 006 until another follows it). */
  sql = g_strdup_printf ("ALTER TABLE activity DROP COLUMN level; PRAGMA user_version = %d;",
                         PHAEN_STORE_SCHEMA_VERSION - 1);
  exec_raw (f->path, sql);

  reader = phaen_store_open_read_only (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (level_of (reader, deep[0]), ==, PHAEN_ACTIVITY_LEVEL_STRATEGY);
  g_assert_cmpint (level_of (reader, deep[1]), ==, PHAEN_ACTIVITY_LEVEL_GOAL);
  g_assert_cmpint (level_of (reader, deep[2]), ==, PHAEN_ACTIVITY_LEVEL_PROJECT);
  g_assert_cmpint (level_of (reader, deep[3]), ==, PHAEN_ACTIVITY_LEVEL_ACTIVITY);
  g_assert_cmpint (level_of (reader, deep[4]), ==, PHAEN_ACTIVITY_LEVEL_ACTIVITY);
  g_assert_cmpint (level_of (reader, shallow[0]), ==, PHAEN_ACTIVITY_LEVEL_PROJECT);
  g_assert_cmpint (level_of (reader, shallow[1]), ==, PHAEN_ACTIVITY_LEVEL_ACTIVITY);
  g_assert_cmpint (level_of (reader, flat), ==, PHAEN_ACTIVITY_LEVEL_PROJECT);
  g_assert_cmpint (level_of (reader, top), ==, PHAEN_ACTIVITY_LEVEL_ACTIVITY);
  g_assert_cmpint (level_of (reader, step), ==, PHAEN_ACTIVITY_LEVEL_ACTIVITY);
  g_clear_object (&reader);

  f->store = phaen_store_open (f->path, &error);
  g_assert_no_error (error);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/store-plans/plan-round-trip", test_plan_round_trip);
  ADD ("/store-plans/tree", test_tree);
  ADD ("/store-plans/fields-and-marks", test_fields_and_marks);
  ADD ("/store-plans/paint-undo", test_paint_undo);
  ADD ("/store-plans/reopen", test_reopen);
  ADD ("/store-plans/units", test_units);
  ADD ("/store-plans/second-connection", test_second_connection);
  ADD ("/store-plans/insert-id-with-handler", test_insert_id_with_handler);
  ADD ("/store-plans/records-changed", test_records_changed);
  ADD ("/store-plans/levels", test_levels);
  ADD ("/store-plans/levels-migrated", test_levels_migrated);
#undef ADD
  return g_test_run ();
}
