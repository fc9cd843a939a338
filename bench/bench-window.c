/* bench-window.c — the real window on the ministry workspace, under a display (xvfb-run):
 * open → first frame, switch unit, the dashboard, results and indicators of the 575-indicator
 * unit, one edit
 * → painted, scrolling the 5,000-row grid and Gantt (frame time) and peak memory, each beside a
 * floor measured in the same run.
 *
 *   bench-window [--scale N] [WORKSPACE]
 *
 * --scale 10 makes a workspace ten times the ministry (8,260 units, 100,000 activities, 80,000
 * indicators); the largest unit stays the same, so the ratio to the 1× run is what the rest of
 * the workspace costs. A WORKSPACE path is made once and reused (profiling: make it natively,
 * then run under `valgrind --tool=callgrind --collect-atstart=no` with BENCH_COLLECT=step to
 * count only that step).
 *
 * A floor is what the same step costs a bare program on this machine: SQLite reading (or
 * writing) the rows the step shows, plus one frame of a plain window of the same size.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-bench"

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <valgrind/callgrind.h>

#include "app-test-util.h"
#include "bench-ministry.h"

#define WIDTH 1366
#define HEIGHT 768
#define LARGEST_PLAN 5000
#define SCROLL_FRAMES 60
#define EDITS 7 /* BENCH_EDITS=N for more, to profile them */

static gboolean painted;

static void
after_paint_cb (GdkFrameClock *clock, gpointer data)
{
  painted = TRUE;
}

static gboolean
is_painted (gpointer data)
{
  return painted && !g_main_context_pending (NULL);
}

static void
watch_frames (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (after_paint_cb),
                    NULL);
}

/* Seconds from @start until @window has painted once more and the loop is idle. Only what the
 * step changed is drawn again, as when a user does it. */
static double
until_painted (GtkWidget *window, double start)
{
  gdk_frame_clock_request_phase (gtk_widget_get_frame_clock (window), GDK_FRAME_CLOCK_PHASE_PAINT);
  painted = FALSE;
  if (!wait_until (is_painted, NULL))
    g_printerr ("not painted within ten seconds\n");
  return bench_seconds () - start;
}

/* Called before and after @step: callgrind counts it only when BENCH_COLLECT names it. */
static void
collect (const char *step)
{
  if (g_strcmp0 (g_getenv ("BENCH_COLLECT"), step) == 0)
    CALLGRIND_TOGGLE_COLLECT;
}

/* ------------------------------------------------------------------ floors */

/* One frame of a plain window the size of Phaen's, drawn whole, the median of 20. */
static double
floor_frame (void)
{
  GtkWidget *window = gtk_window_new ();
  double frames[20];

  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  gtk_window_set_child (GTK_WINDOW (window), gtk_label_new ("แผนปฏิบัติราชการประจำปี"));
  gtk_window_present (GTK_WINDOW (window));
  settle ();
  watch_frames (window);
  for (guint i = 0; i < G_N_ELEMENTS (frames); i++)
    {
      double start = bench_seconds ();

      gtk_widget_queue_draw (window); /* all of it, every frame */
      frames[i] = until_painted (window, start);
    }
  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
  return bench_median (frames, G_N_ELEMENTS (frames));
}

static sqlite3 *
bare_open (const char *path)
{
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    g_error ("%s", sqlite3_errmsg (db));
  return db;
}

/* Steps every row of @sql, touching each column, as a reader that shows them would. */
static void
bare_read (sqlite3 *db, const char *sql, gint64 id)
{
  sqlite3_stmt *stmt = NULL;
  gsize bytes = 0;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  if (id != 0)
    sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    for (int c = 0; c < sqlite3_column_count (stmt); c++)
      bytes += sqlite3_column_bytes (stmt, c);
  sqlite3_finalize (stmt);
  g_assert (bytes > 0);
}

static double
floor_open (const char *path)
{
  double start = bench_seconds ();
  sqlite3 *db = bare_open (path);

  bare_read (db, "SELECT id, uuid, abbr, name, parent_id FROM unit", 0);
  bare_read (db, "SELECT id, unit_id, fiscal_year, kind, title FROM plan", 0);
  sqlite3_close (db);
  return bench_seconds () - start;
}

static double
floor_plan (const char *path, gint64 plan)
{
  double start = bench_seconds ();
  sqlite3 *db = bare_open (path);

  bare_read (db,
             "SELECT a.id, a.name, a.owner, a.budget, m.month, m.marks FROM activity a "
             "LEFT JOIN activity_month m ON m.activity_id = a.id WHERE a.plan_id = ?1",
             plan);
  sqlite3_close (db);
  return bench_seconds () - start;
}

static double
floor_indicators (const char *path, gint64 unit)
{
  double start = bench_seconds ();
  sqlite3 *db = bare_open (path);

  bare_read (db,
             "SELECT i.*, r.quarter, r.value_text, c.level, c.threshold FROM indicator i "
             "JOIN result r ON r.indicator_id = i.id "
             "JOIN criteria_version v ON v.indicator_id = i.id "
             "JOIN criterion c ON c.version_id = v.id WHERE i.unit_id = ?1",
             unit);
  sqlite3_close (db);
  return bench_seconds () - start;
}

/* A committed UPDATE as the store writes it: kept journal, synchronous=FULL. */
static double
floor_edit (const char *path, gint64 indicator)
{
  sqlite3 *db = bare_open (path);
  sqlite3_stmt *stmt = NULL;
  double start;

  sqlite3_exec (db, "PRAGMA journal_mode=PERSIST; PRAGMA synchronous=FULL", NULL, NULL, NULL);
  sqlite3_prepare_v2 (db, "UPDATE result SET value_text = value_text WHERE indicator_id = ?1", -1,
                      &stmt, NULL);
  sqlite3_bind_int64 (stmt, 1, indicator);
  start = bench_seconds ();
  sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    g_error ("%s", sqlite3_errmsg (db));
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  start = bench_seconds () - start;
  sqlite3_finalize (stmt);
  sqlite3_exec (db, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL);
  sqlite3_close (db);
  return start;
}

/* ------------------------------------------------------------------ the window */

static double
show_page (AppWindow *window, const char *page, gint64 unit, int year)
{
  double start = bench_seconds ();
  double seconds;

  collect (page);
  if (!app_window_show_unit_page (window, page, unit, year))
    g_error ("no %s page", page);
  seconds = until_painted (GTK_WIDGET (window), start);
  collect (page);
  return seconds;
}

static double
show_plan (AppWindow *window, gint64 plan)
{
  double start = bench_seconds ();

  if (!app_window_show_plan (window, plan))
    g_error ("no plan %" G_GINT64_FORMAT, plan);
  return until_painted (GTK_WIDGET (window), start);
}

/* The median frame while @scrollable is scrolled down a page at a time, then back up. */
static double
scroll_frames (AppWindow *window, GtkWidget *scrollable, const char *step)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (scrollable));
  double frames[SCROLL_FRAMES];
  double page = gtk_adjustment_get_page_size (adjustment);
  double upper = gtk_adjustment_get_upper (adjustment);

  if (upper <= page)
    g_error ("%s: nothing to scroll (%g px of %g)", step, upper, page);
  collect (step);
  for (guint i = 0; i < SCROLL_FRAMES; i++)
    {
      guint k = i < SCROLL_FRAMES / 2 ? i : SCROLL_FRAMES - i;
      double start = bench_seconds ();

      gtk_adjustment_set_value (adjustment, MIN (k * page * 0.9, upper - page));
      frames[i] = until_painted (GTK_WIDGET (window), start);
    }
  collect (step);
  return bench_median (frames, SCROLL_FRAMES);
}

/* The median of @n renames of activities of @plan while its grid is on screen. */
static double
rename_activities (AppWindow *window, PhaenStore *store, gint64 plan, guint n)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) activities = phaen_store_list_activities (store, plan, &error);
  g_autofree double *times = g_new0 (double, n);

  g_assert_no_error (error);
  collect ("rename");
  for (guint i = 0; i < n; i++)
    {
      PhaenActivity *activity = g_ptr_array_index (activities, (i * 7) % activities->len);
      double start = bench_seconds ();

      g_free (activity->name);
      activity->name = g_strdup_printf ("ทบทวนกระบวนงาน รอบที่ %u", i + 1);
      if (!phaen_store_update_activity (store, activity, &error))
        g_error ("%s", error->message);
      times[i] = until_painted (GTK_WIDGET (window), start);
    }
  collect ("rename");
  return bench_median (times, n);
}

static guint64
peak_kb (void)
{
  g_autofree char *status = NULL;
  const char *hwm;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (hwm = strstr (status, "VmHWM:")) == NULL)
    return 0;
  return g_ascii_strtoull (hwm + 6, NULL, 10);
}

static void
row (const char *step, double seconds, double floor_seconds)
{
  g_print ("%-46s %9.1f %9.1f %8.1fx\n", step, seconds * 1e3, floor_seconds * 1e3,
           seconds / MAX (floor_seconds, 1e-6));
}

static char *
make_workspace (const char *path, guint scale)
{
  BenchMinistrySize size = BENCH_MINISTRY_FULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenStore) store = NULL;
  double start = bench_seconds ();

  size.units *= scale;
  size.activities *= scale;
  size.indicators = 575 + (size.units - 1) * 9; /* the largest unit keeps its 575 */
  size.largest_plan = LARGEST_PLAN;
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return g_strdup_printf ("reused %s", path);
  store = phaen_store_create (path, &error);
  if (store == NULL || bench_ministry_fill (store, &size, &error) == 0)
    g_error ("%s", error->message);
  return g_strdup_printf ("%u units, %u activities, %u indicators, made in %.1f s", size.units,
                          size.activities, size.indicators, bench_seconds () - start);
}

int
main (int argc, char **argv)
{
  guint scale = 1;
  const GOptionEntry entries[] = {
    { "scale", 0, 0, G_OPTION_ARG_INT, &scale, "Times the ministry workspace (1 or 10)", "N" },
    { NULL },
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("[WORKSPACE]");
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL, *path = NULL, *made = NULL;
  g_autoptr (PhaenUnit) big = NULL, small = NULL;
  g_autoptr (GPtrArray) indicators = NULL, plans = NULL;
  AppApplication *app = NULL;
  AppWindow *window;
  PhaenStore *store;
  double frame, start, open_s;
  g_autofree double *edits = NULL;
  guint n_edits = EDITS;
  gint64 big_plan, small_plan;

  if (!app_test_init (&argc, &argv))
    return 0;
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || scale < 1 || argc > 2)
    g_error ("usage: bench-window [--scale N] [WORKSPACE]");
  if (argc == 2)
    path = g_strdup (argv[1]);
  else
    {
      dir = g_dir_make_tmp ("phaen-bench-window-XXXXXX", &error);
      g_assert_no_error (error);
      path = g_build_filename (dir, "ministry.phaen", NULL);
    }
  made = make_workspace (path, scale);
  g_print ("# %u× ministry workspace: %s\n", scale, made);

  frame = floor_frame ();

  window = app_test_window_present (&app, WIDTH, HEIGHT);
  watch_frames (GTK_WIDGET (window));

  start = bench_seconds ();
  collect ("open");
  app_test_open (window, path);
  open_s = until_painted (GTK_WIDGET (window), start);
  collect ("open");

  store = app_window_get_store (window);
  big = phaen_store_find_unit (store, "หน่วย.001", &error);
  g_assert_no_error (error);
  small = phaen_store_find_unit (store, "หน่วย.002", &error);
  g_assert_no_error (error);
  indicators = phaen_store_list_indicators (store, big->id, 2567, &error);
  g_assert_no_error (error);
  plans = phaen_store_list_plans (store, big->id, 2567, &error);
  g_assert_no_error (error);
  big_plan = ((PhaenPlan *)g_ptr_array_index (plans, 0))->id;
  g_clear_pointer (&plans, g_ptr_array_unref);
  plans = phaen_store_list_plans (store, small->id, 2567, &error);
  g_assert_no_error (error);
  small_plan = ((PhaenPlan *)g_ptr_array_index (plans, 0))->id;

  g_print ("%-46s %9s %9s %9s\n", "step (ms)", "Phaen", "floor", "ratio");
  row ("open → first frame", open_s, floor_open (path) + frame);
  row ("switch unit (a 6-activity plan)", show_plan (window, small_plan),
       floor_plan (path, small_plan) + frame);
  row ("dashboard of the 575-indicator unit", show_page (window, "dashboard", big->id, 2567),
       floor_indicators (path, big->id) + frame);
  row ("results page of the 575-indicator unit", show_page (window, "results", big->id, 2567),
       floor_indicators (path, big->id) + frame);
  row ("indicators page of the 575-indicator unit", show_page (window, "indicators", big->id, 2567),
       floor_indicators (path, big->id) + frame);

  /* Edits painted while the dashboard shows the edited unit: the page updates what changed. */
  show_page (window, "dashboard", big->id, 2567);
  if (g_getenv ("BENCH_EDITS") != NULL)
    n_edits = CLAMP (g_ascii_strtoull (g_getenv ("BENCH_EDITS"), NULL, 10), 1, indicators->len - 1);
  edits = g_new0 (double, n_edits);
  collect ("edit");
  for (guint i = 0; i < n_edits; i++)
    {
      const PhaenIndicator *indicator = g_ptr_array_index (indicators, i);
      g_autofree char *value = g_strdup_printf ("%d", 123 + i);

      start = bench_seconds ();
      if (!phaen_store_set_result (store, indicator->id, 2, value, NULL, NULL, &error))
        g_error ("%s", error->message);
      edits[i] = until_painted (GTK_WIDGET (window), start);
    }
  collect ("edit");
  phaen_store_undo (store, NULL); /* one step back, so the floor's UPDATE is not first */
  settle ();
  {
    const PhaenIndicator *indicator = g_ptr_array_index (indicators, n_edits);

    row ("one result edited → painted (median)", bench_median (edits, n_edits),
         floor_edit (path, indicator->id) + frame);
  }

  {
    g_autofree char *label = g_strdup_printf ("open the %u-activity plan", LARGEST_PLAN);
    double seconds = show_plan (window, big_plan);

    row (label, seconds, floor_plan (path, big_plan) + frame);
  }
  row ("an activity renamed in it → painted (median)",
       rename_activities (window, store, big_plan, n_edits), frame);
  {
    AppPlanPage *page = app_window_get_plan_page (window);

    row ("scroll the 5,000-row grid: one frame",
         scroll_frames (window, app_plan_page_get_grid (page), "scroll-grid"), frame);
    start = bench_seconds ();
    gtk_widget_activate_action (GTK_WIDGET (page), "plan.view", "s", "gantt");
    row ("switch to its Gantt chart", until_painted (GTK_WIDGET (window), start), frame);
    row ("scroll the 5,000-row Gantt: one frame",
         scroll_frames (window, app_plan_page_get_gantt (page), "scroll-gantt"), frame);
  }
  g_print ("peak memory: %" G_GUINT64_FORMAT " MB\n", peak_kb () / 1024);

  app_test_window_close (&window, &app);
  if (dir != NULL)
    {
      g_remove (path);
      g_rmdir (dir);
    }
  return 0;
}
