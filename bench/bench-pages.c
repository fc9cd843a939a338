/* bench-pages.c — the ministry workspace in the window: the largest unit's dashboard and results
 * page opened, then one edit made through the store, each timed until the window has painted
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-bench-pages"

#include "config.h"

#include <glib/gstdio.h>

#include "app-test-util.h"
#include "bench-ministry.h"

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

/* Seconds from now until the window has painted once more and the loop is idle. */
static double
until_painted (GtkWidget *window, double start)
{
  gtk_widget_queue_draw (window);
  painted = FALSE;
  if (!wait_until (is_painted, NULL))
    g_printerr ("not painted within ten seconds\n");
  return bench_seconds () - start;
}

static double
show_page (AppWindow *window, const char *page, gint64 unit, int year)
{
  double start = bench_seconds ();

  if (!app_window_show_unit_page (window, page, unit, year))
    g_error ("no %s page", page);
  return until_painted (GTK_WIDGET (window), start);
}

int
main (int argc, char **argv)
{
  BenchMinistrySize size = BENCH_MINISTRY_FULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr (PhaenUnit) unit = NULL;
  g_autoptr (GPtrArray) indicators = NULL;
  AppApplication *app = NULL;
  AppWindow *window;
  PhaenStore *store;
  double start, fill;

  if (!app_test_init (&argc, &argv))
    return 0;
  if (g_getenv ("BENCH_UNITS") != NULL)
    {
      /* A quicker run: as many indicators in the first unit, fewer units. */
      size.units = (guint)g_ascii_strtoull (g_getenv ("BENCH_UNITS"), NULL, 10);
      size.activities = size.activities / 826 * size.units;
      size.indicators = 575 + (size.units - 1) * 9;
    }

  dir = g_dir_make_tmp ("phaen-bench-pages-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "ministry.phaen", NULL);
  {
    g_autoptr (PhaenStore) fresh = phaen_store_create (path, &error);

    g_assert_no_error (error);
    start = bench_seconds ();
    if (bench_ministry_fill (fresh, &size, &error) == 0)
      g_error ("%s", error->message);
    fill = bench_seconds () - start;
  }

  window = app_test_window_new (&app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  settle ();
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (after_paint_cb), NULL);
  app_test_open (window, path);
  settle ();
  store = app_window_get_store (window);
  unit = phaen_store_find_unit (store, "หน่วย.001", &error);
  g_assert_no_error (error);
  indicators = phaen_store_list_indicators (store, unit->id, size.fiscal_year, &error);
  g_assert_no_error (error);

  g_print ("# %u units, %u indicators (largest unit %u), filled in %.1f s\n", size.units,
           size.indicators, indicators->len, fill);
  g_print ("dashboard of the largest unit: %.3f s\n",
           show_page (window, "dashboard", unit->id, size.fiscal_year));
  g_print ("results page of the largest unit: %.3f s\n",
           show_page (window, "results", unit->id, size.fiscal_year));
  g_print ("indicators page of the largest unit: %.3f s\n",
           show_page (window, "indicators", unit->id, size.fiscal_year));
  for (int i = 0; i < 3; i++)
    {
      const PhaenIndicator *indicator = g_ptr_array_index (indicators, i);
      g_autofree char *value = g_strdup_printf ("%d", 123 + i);

      start = bench_seconds ();
      if (!phaen_store_set_result (store, indicator->id, 2, value, NULL, NULL, &error))
        g_error ("%s", error->message);
      g_print ("one edit, painted (pages visited before): %.3f s\n",
               until_painted (GTK_WIDGET (window), start));
    }
  g_print ("dashboard again after the edits: %.3f s\n",
           show_page (window, "dashboard", unit->id, size.fiscal_year));

  {
    g_autofree char *status = NULL;

    if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
      {
        const char *rss = strstr (status, "VmHWM:");

        if (rss != NULL)
          g_print ("peak memory: %.*s\n", (int)strcspn (rss + 6, "\n"), rss + 6);
      }
  }
  app_test_window_close (&window, &app);
  g_remove (path);
  g_rmdir (dir);
  return 0;
}
