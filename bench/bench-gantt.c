/* bench-gantt.c — a 1,000-activity plan chart: layout once, then a screen frame and a printed
 * page. Each step prints as a ratio of the same step on a 10-activity plan measured in the same
 * run (a page costs what its rows cost, not what the plan holds); timings are never asserted.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-bench"

#include <glib/gstdio.h>

#include "phaen-chart-gantt.h"

#define SCREEN_WIDTH 1400
#define SCREEN_HEIGHT 900
#define REPEATS 20
/* One frame at 60 Hz, in milliseconds. */
#define FRAME_MS (1000.0 / 60)

typedef struct
{
  double load, layout, frame, paginate, page;
} Timings;

static const char *const words[] = {
  "จัดทำแผน",        "ติดตามผลการดำเนินงาน", "ประสานหน่วยงาน",   "ตรวจราชการ",        "ลงพื้นที่",
  "สรุปและรายงานผล", "ประชุมคณะทำงาน",      "ปรับปรุงกระบวนการ", "ผ่านระบบอิเล็กทรอนิกส์", "ของส่วนราชการ",
  "ประจำปีงบประมาณ", "เสนอผู้บริหาร",
};
static const char *const owners[] = { "สตป.", "กพร.", "สนย.", "กลุ่มพัฒนาระบบบริหาร" };

static void
die (GError *error)
{
  g_printerr ("bench-gantt: %s\n", error->message);
  exit (1);
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* A plan of @n activities with names of 2 to 9 words, spans, marks, owners and budgets. */
static char *
make_workspace (const char *dir, guint n, gint64 *plan_id)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("plan-%u.phaen", n);
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr (PhaenStore) store = phaen_store_create (path, &error);
  GRand *rand = g_rand_new_with_seed (n);
  gint64 unit;

  if (store == NULL)
    die (error);
  unit = phaen_store_add_unit (store, "สตป.", "สำนักตรวจสอบและประเมินผล", 0, &error);
  *plan_id = unit ? phaen_store_add_plan (store, unit, 2564, PHAEN_PLAN_PROCESS,
                                          "แผนปฏิบัติราชการประจำปีงบประมาณ พ.ศ. 2564", &error)
                  : 0;
  if (*plan_id == 0 || !phaen_store_begin (store, "bench", &error))
    die (error);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GString) text = g_string_new (NULL);
      g_autoptr (PhaenActivity) activity = NULL;
      guint n_words = (guint)g_rand_int_range (rand, 2, 10);
      int first = g_rand_int_range (rand, 0, 12), last = g_rand_int_range (rand, first, 12);
      gint64 id;

      for (guint w = 0; w < n_words; w++)
        g_string_append (text, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      id = phaen_store_add_activity (store, *plan_id, 0, -1, text->str, &error);
      activity = id ? phaen_store_get_activity (store, id, &error) : NULL;
      if (activity == NULL)
        die (error);
      g_free (activity->owner);
      activity->owner = g_strdup (owners[i % G_N_ELEMENTS (owners)]);
      activity->has_budget = i % 3 == 0;
      activity->budget = g_rand_double_range (rand, 1000, 2e6);
      if (!phaen_store_update_activity (store, activity, &error))
        die (error);
      for (int m = first; m <= last; m++)
        {
          guint marks = PHAEN_MARK_PLANNED | (m == first ? PHAEN_MARK_START : 0) |
                        (m == last ? PHAEN_MARK_OUTPUT : 0);

          if (!phaen_store_set_month_marks (store, id, m, marks, &error))
            die (error);
        }
    }
  if (!phaen_store_commit (store, &error))
    die (error);
  g_rand_free (rand);
  return path;
}

static Timings
measure (const char *path, gint64 plan_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenStore) store = phaen_store_open (path, &error);
  g_autoptr (PhaenGantt) gantt = NULL;
  g_autoptr (GDate) today = g_date_new_dmy (15, G_DATE_MARCH, 2021);
  cairo_surface_t *screen, *sheet;
  PhaenPageSetup page;
  Timings t;
  double start, height, scroll;
  guint n_pages;

  if (store == NULL)
    die (error);
  start = now_ms ();
  gantt = phaen_gantt_new (store, plan_id, &error);
  if (gantt == NULL)
    die (error);
  t.load = now_ms () - start;
  phaen_gantt_set_today (gantt, today);

  start = now_ms ();
  height = phaen_gantt_get_height_for_width (gantt, SCREEN_WIDTH);
  t.layout = now_ms () - start;

  /* A window scrolled to the middle of the plan. */
  screen = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, SCREEN_WIDTH, SCREEN_HEIGHT);
  scroll = MAX (height / 2 - SCREEN_HEIGHT / 2, 0);
  start = now_ms ();
  for (int i = 0; i < REPEATS; i++)
    {
      cairo_t *cr = cairo_create (screen);

      cairo_rectangle (cr, 0, 0, SCREEN_WIDTH, SCREEN_HEIGHT);
      cairo_clip (cr);
      cairo_translate (cr, 0, -scroll);
      phaen_gantt_draw (gantt, cr, SCREEN_WIDTH);
      cairo_destroy (cr);
    }
  t.frame = (now_ms () - start) / REPEATS;
  cairo_surface_destroy (screen);

  phaen_page_setup_init (&page, PHAEN_PAPER_A4);
  start = now_ms ();
  n_pages = phaen_gantt_get_n_pages (gantt, &page);
  t.paginate = now_ms () - start;

  sheet = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int)page.width, (int)page.height);
  start = now_ms ();
  for (int i = 0; i < REPEATS; i++)
    {
      cairo_t *cr = cairo_create (sheet);

      phaen_gantt_draw_page (gantt, cr, &page, n_pages / 2);
      cairo_destroy (cr);
    }
  t.page = (now_ms () - start) / REPEATS;
  cairo_surface_destroy (sheet);
  g_print ("  %u activities: %.0f px high on screen, A4 pages: %u\n",
           phaen_gantt_get_n_rows (gantt), height, n_pages);
  return t;
}

static void
row (const char *step, double base, double big)
{
  g_print ("%-44s %10.2f %10.2f %8.1fx\n", step, base, big, big / MAX (base, 1e-3));
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("phaen-bench-gantt-XXXXXX", &error);
  g_autofree char *small_path = NULL, *big_path = NULL;
  gint64 small_plan, big_plan;
  Timings small, big;

  if (dir == NULL)
    die (error);
  small_path = make_workspace (dir, 10, &small_plan);
  big_path = make_workspace (dir, 1000, &big_plan);

  g_print ("Plan chart, 10 against 1,000 activities (ms; ratio = 1,000 / 10):\n");
  /* Fonts are loaded on first use: warm them so neither side pays for it. */
  measure (small_path, small_plan);
  small = measure (small_path, small_plan);
  big = measure (big_path, big_plan);
  row ("read the plan (phaen_gantt_new)", small.load, big.load);
  row ("lay out every row for the screen (once)", small.layout, big.layout);
  row ("draw a scrolled 1400x900 view", small.frame, big.frame);
  row ("paginate for A4 (once)", small.paginate, big.paginate);
  row ("draw one A4 page", small.page, big.page);
  g_print ("A scrolled view of 1,000 activities takes %.2f of a 60 Hz frame, an A4 page %.2f.\n",
           big.frame / FRAME_MS, big.page / FRAME_MS);

  for (const char *const *p = (const char *const[]){ small_path, big_path, NULL }; *p; p++)
    {
      g_autofree char *wal = g_strconcat (*p, "-wal", NULL);
      g_autofree char *shm = g_strconcat (*p, "-shm", NULL);

      g_remove (*p);
      g_remove (wal);
      g_remove (shm);
    }
  g_rmdir (dir);
  return 0;
}
