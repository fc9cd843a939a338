/* bench-gantt.c — a 1,000-activity plan chart: layout once, then a screen frame and a printed
 * page. Each step prints as a ratio of the same step on a 10-activity plan measured in the same
 * run (a page costs what its rows cost, not what the plan holds); timings are never asserted.
 * Then the Gantt view's frame on a 5,000-activity plan (1366x700 at the top, middle and bottom,
 * header frozen as the view draws it) beside its floor: bare Cairo and Pango drawing the same
 * rectangles and text lines.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-bench"

#include <glib/gstdio.h>
#include <math.h>
#include <pango/pangocairo.h>

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

/* ------------------------------------------------------------------ the view's frame */

#define VIEW_WIDTH 1366
#define VIEW_HEIGHT 700

/* One frame as AppGanttView draws it scrolled to @scroll: the rows in a clip below the header,
 * then the header rows frozen at the top (app_gantt_viewport_panes()). */
static void
view_frame (PhaenGantt *gantt, cairo_surface_t *surface, double scroll)
{
  double header_top, header_bottom, header_h;
  gboolean frozen;
  cairo_t *cr;

  phaen_gantt_get_frozen (gantt, VIEW_WIDTH, &header_top, &header_bottom, NULL);
  header_h = header_bottom - header_top;
  frozen = scroll > header_top;
  cr = cairo_create (surface);
  cairo_rectangle (cr, 0, frozen ? header_h : 0, VIEW_WIDTH, VIEW_HEIGHT - (frozen ? header_h : 0));
  cairo_clip (cr);
  cairo_translate (cr, 0, -scroll);
  phaen_gantt_draw (gantt, cr, VIEW_WIDTH);
  cairo_destroy (cr);
  if (frozen)
    {
      cr = cairo_create (surface);
      cairo_rectangle (cr, 0, 0, VIEW_WIDTH, header_h);
      cairo_clip (cr);
      cairo_translate (cr, 0, -header_top);
      phaen_gantt_draw (gantt, cr, VIEW_WIDTH);
      cairo_destroy (cr);
    }
}

/* The floor: per visible row a stripe and a bar, and its number, name and owner as text lines
 * through one reused PangoLayout; the header's 2 + 3 + 12 labels and its band. No rules, marks
 * or wrapping: what any drawing of those rows must at least cost. */
static void
floor_frame (PhaenGantt *gantt, cairo_surface_t *surface, double scroll)
{
  PhaenGanttColumns c;
  double header_top, header_bottom, y0, y1;
  guint first, end;
  cairo_t *cr = cairo_create (surface);
  PangoLayout *layout = pango_cairo_create_layout (cr);
  const PhaenChartStyle *style = phaen_gantt_get_style (gantt);
  PangoFontDescription *font = pango_font_description_from_string (style->font_family);

  pango_font_description_set_absolute_size (font, style->font_size * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  phaen_gantt_get_columns (gantt, VIEW_WIDTH, &c);
  phaen_gantt_get_frozen (gantt, VIEW_WIDTH, &header_top, &header_bottom, NULL);
  y0 = scroll + (header_bottom - header_top);
  y1 = scroll + VIEW_HEIGHT;
  phaen_gantt_get_visible_rows (gantt, VIEW_WIDTH, y0, y1, &first, &end);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  for (guint i = first; i < end; i++)
    {
      cairo_rectangle_t cell;
      char number[16];

      phaen_gantt_get_cell_rect (gantt, VIEW_WIDTH, i, 0, &cell);
      cell.y -= scroll;
      cairo_set_source_rgb (cr, 0.96, 0.96, 0.97);
      cairo_rectangle (cr, 0, cell.y, VIEW_WIDTH, cell.height);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0.34, 0.71, 0.91);
      cairo_rectangle (cr, cell.x + 2 * c.month, cell.y + 4, 3 * c.month, cell.height - 8);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
      g_snprintf (number, sizeof number, "%u", i + 1);
      for (guint t = 0; t < 3; t++)
        {
          pango_layout_set_text (layout,
                                 t == 0   ? number
                                 : t == 1 ? words[i % G_N_ELEMENTS (words)]
                                          : owners[i % G_N_ELEMENTS (owners)],
                                 -1);
          cairo_move_to (cr,
                         t == 0   ? 4
                         : t == 1 ? c.number + 4
                                  : c.number + c.name + 4,
                         cell.y + 4);
          pango_cairo_show_layout (cr, layout);
        }
    }
  cairo_set_source_rgb (cr, 0.94, 0.94, 0.95);
  cairo_rectangle (cr, 0, 0, VIEW_WIDTH, header_bottom - header_top);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint t = 0; t < 17; t++)
    {
      pango_layout_set_text (layout, t < 12 ? "ต.ค." : "พ.ศ. 2564", -1);
      cairo_move_to (cr, c.months_x + t * c.month * 0.7, t < 12 ? 24 : 4);
      pango_cairo_show_layout (cr, layout);
    }
  pango_font_description_free (font);
  g_object_unref (layout);
  cairo_destroy (cr);
}

static double
time_frames (void (*frame) (PhaenGantt *, cairo_surface_t *, double),
             PhaenGantt *gantt,
             cairo_surface_t *surface,
             double scroll)
{
  double start;

  frame (gantt, surface, scroll); /* warm: glyphs and the layout at this width */
  start = now_ms ();
  for (int i = 0; i < REPEATS; i++)
    frame (gantt, surface, scroll);
  return (now_ms () - start) / REPEATS;
}

static void
measure_view (const char *path, gint64 plan_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenStore) store = phaen_store_open (path, &error);
  g_autoptr (PhaenGantt) gantt = NULL;
  cairo_surface_t *surface =
    cairo_image_surface_create (CAIRO_FORMAT_ARGB32, VIEW_WIDTH, VIEW_HEIGHT);
  double start, layout, height;

  if (store == NULL || (gantt = phaen_gantt_new (store, plan_id, &error)) == NULL)
    die (error);
  phaen_gantt_set_show_title (gantt, FALSE);
  start = now_ms ();
  height = phaen_gantt_get_height_for_width (gantt, VIEW_WIDTH);
  layout = now_ms () - start;
  g_print ("\nThe Gantt view, %u activities, %.0f px high: lay out once %.0f ms; one %dx%d frame "
           "(ms):\n",
           phaen_gantt_get_n_rows (gantt), height, layout, VIEW_WIDTH, VIEW_HEIGHT);
  g_print ("%-44s %10s %10s %9s\n", "", "view", "floor", "ratio");
  for (guint i = 0; i < 3; i++)
    {
      const char *where[] = { "scrolled to the top", "scrolled to the middle",
                              "scrolled to the bottom" };
      double scroll = floor (i * (height - VIEW_HEIGHT) / 2);
      double view = time_frames (view_frame, gantt, surface, scroll);
      double bare = time_frames (floor_frame, gantt, surface, scroll);

      g_print ("%-44s %10.2f %10.2f %8.1fx\n", where[i], view, bare, view / MAX (bare, 1e-3));
    }
  cairo_surface_destroy (surface);
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
  g_autofree char *small_path = NULL, *big_path = NULL, *view_path = NULL;
  gint64 small_plan, big_plan, view_plan;
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

  view_path = make_workspace (dir, 5000, &view_plan);
  measure_view (view_path, view_plan);

  for (const char *const *p = (const char *const[]){ small_path, big_path, view_path, NULL }; *p;
       p++)
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
