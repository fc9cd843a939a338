/* bench-sidebar.c — the window on a ministry workspace (826 units): open → first frame, one edit
 * → next frame. Needs a display (xvfb-run). Pass a workspace path to reuse one.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-bench"

#include <adwaita.h>

#include "app-application.h"
#include "app-window.h"
#include "bench-ministry.h"

static gboolean painted;

static void
after_paint_cb (GdkFrameClock *clock, gpointer data)
{
  painted = TRUE;
}

/* Runs the main loop until a frame of @window has been painted; returns the seconds it took. */
static double
until_painted (GtkWidget *window, double start)
{
  painted = FALSE;
  gtk_widget_queue_draw (window);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  return bench_seconds () - start;
}

static char *
make_workspace (const char *dir, gint64 *plan)
{
  const BenchMinistrySize full = BENCH_MINISTRY_FULL;
  g_autoptr (GError) error = NULL;
  char *path = g_build_filename (dir, "ministry.phaen", NULL);
  g_autoptr (PhaenStore) store = phaen_store_create (path, &error);

  if (store == NULL || (*plan = bench_ministry_fill (store, &full, &error)) == 0)
    g_error ("%s", error->message);
  return path;
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr (AppApplication) app = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GPtrArray) plans = NULL;
  AppWindow *window;
  PhaenStore *store;
  GdkFrameClock *clock;
  gint64 plan = 0;
  double start, open_s, edit_s = 0;

  app_application_init_i18n ();
  gtk_init ();
  adw_init ();
  if (argc > 1)
    path = g_strdup (argv[1]);
  else
    {
      dir = g_dir_make_tmp ("phaen-bench-XXXXXX", &error);
      path = make_workspace (dir, &plan);
      g_print ("workspace: %s\n", path);
    }

  app = app_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  window = app_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
  until_painted (GTK_WIDGET (window), bench_seconds ());

  file = g_file_new_for_path (path);
  start = bench_seconds ();
  app_window_open (window, file);
  while (app_window_get_store (window) == NULL)
    g_main_context_iteration (NULL, TRUE);
  open_s = until_painted (GTK_WIDGET (window), start);

  store = app_window_get_store (window);
  plans = phaen_store_list_plans (store, 0, 0, &error);
  plan = ((PhaenPlan *)g_ptr_array_index (plans, plans->len - 1))->id;
  for (int i = 0; i < 5; i++)
    {
      g_autofree char *text = g_strdup_printf ("ข้อความที่ %d", i);

      start = bench_seconds ();
      phaen_store_set_plan_section (store, plan, "objective", text, &error);
      g_assert_no_error (error);
      edit_s += until_painted (GTK_WIDGET (window), start);
    }

  g_print ("open → first frame   %8.1f ms\n", open_s * 1000);
  g_print ("edit → frame (mean)  %8.1f ms\n", edit_s * 1000 / 5);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
