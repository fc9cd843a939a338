/* test-gantt-view.c — the Gantt view of a 5,000-activity plan in a real window: scrolled to
 * the bottom and the middle through its adjustment, drawn only where the viewport is
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <math.h>

#include "app-gantt-view.h"
#include "phaen-error.h"
#include "phaen-store.h"

#define N_ACTIVITIES 5000
#define VIEW_WIDTH 1366
#define VIEW_HEIGHT 700

typedef struct
{
  char *dir;
  char *path;
  PhaenStore *store;
  gint64 plan;
  GtkWidget *window;
  AppGanttView *view;
  GtkAdjustment *vadjustment;
} Fixture;

static const char *const words[] = { "จัดทำแผน",    "ติดตามผลการดำเนินงาน", "ประสานหน่วยงาน",
                                     "ตรวจราชการ", "สรุปและรายงานผล",     "ประชุมคณะทำงาน" };

static void
spin (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

/* One step (a transaction) of @n activities with names of 1 to 4 words and a span of months;
 * the last one runs the whole year. */
static void
fill (Fixture *f, guint n)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (phaen_store_begin (f->store, "fill", &error));
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GString) name = g_string_new (NULL);
      guint first = i == n - 1 ? 0 : i % 12, last = i == n - 1 ? 11 : MIN (first + i % 4, 11);
      gint64 id;

      for (guint w = 0; w <= i % 4; w++)
        g_string_append (name, words[(i + w) % G_N_ELEMENTS (words)]);
      id = phaen_store_add_activity (f->store, f->plan, 0, -1, name->str, &error);
      g_assert_no_error (error);
      for (guint m = first; m <= last; m++)
        {
          g_assert_true (
            phaen_store_set_month_marks (f->store, id, (int)m, PHAEN_MARK_PLANNED, &error));
          g_assert_no_error (error);
        }
    }
  g_assert_true (phaen_store_commit (f->store, &error));
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  GtkWidget *scrolled;
  gint64 unit;

  f->dir = g_dir_make_tmp ("phaen-gantt-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "t.phaen", NULL);
  f->store = phaen_store_create (f->path, &error);
  g_assert_no_error (error);
  unit = phaen_store_add_unit (f->store, "กพร.", "กลุ่มพัฒนาระบบบริหาร", 0, &error);
  g_assert_no_error (error);
  f->plan = phaen_store_add_plan (f->store, unit, 2564, PHAEN_PLAN_PROCESS,
                                  "แผนการปรับปรุงกระบวนการตามภารกิจ", &error);
  g_assert_no_error (error);
  fill (f, N_ACTIVITIES);

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), VIEW_WIDTH, VIEW_HEIGHT);
  scrolled = gtk_scrolled_window_new ();
  /* Overlay scrollbars take no room: the view is the window's size. */
  gtk_scrolled_window_set_overlay_scrolling (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  f->view = APP_GANTT_VIEW (app_gantt_view_new ());
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (f->view));
  gtk_window_set_child (GTK_WINDOW (f->window), scrolled);
  app_gantt_view_set_plan (f->view, f->store, f->plan);
  gtk_window_present (GTK_WINDOW (f->window));
  for (int i = 0; i < 500 && !gtk_widget_get_mapped (GTK_WIDGET (f->view)); i++)
    spin (10);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->view)));
  spin (200);
  f->vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (f->view));
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  spin (50);
  g_clear_object (&f->store);
  g_remove (f->path);
  for (const char *suffix = "-wal"; suffix; suffix = g_str_equal (suffix, "-wal") ? "-shm" : NULL)
    {
      g_autofree char *side = g_strconcat (f->path, suffix, NULL);

      g_remove (side);
    }
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* Every cairo drawing in the view's frame is at most the viewport: never the whole chart. */
static void
assert_nodes_fit (GskRenderNode *node, double width, double height)
{
  graphene_rect_t bounds;

  if (node == NULL)
    return;
  gsk_render_node_get_bounds (node, &bounds);
  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_CAIRO_NODE:
      g_assert_cmpfloat (bounds.size.width, <=, width);
      g_assert_cmpfloat (bounds.size.height, <=, height);
      break;
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        assert_nodes_fit (gsk_container_node_get_child (node, i), width, height);
      break;
    case GSK_TRANSFORM_NODE:
      assert_nodes_fit (gsk_transform_node_get_child (node), width, height);
      break;
    case GSK_CLIP_NODE:
      assert_nodes_fit (gsk_clip_node_get_child (node), width, height);
      break;
    case GSK_ROUNDED_CLIP_NODE:
      assert_nodes_fit (gsk_rounded_clip_node_get_child (node), width, height);
      break;
    case GSK_DEBUG_NODE:
      assert_nodes_fit (gsk_debug_node_get_child (node), width, height);
      break;
    default:
      break;
    }
}

typedef struct
{
  int width, height;
  gsize stride;
  guchar *data; /* B, G, R, A: GDK_MEMORY_DEFAULT */
} Pixels;

/* Renders the view as the window's renderer would, into memory. */
static Pixels
render (Fixture *f)
{
  GtkWidget *widget = GTK_WIDGET (f->view);
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;
  GdkTexture *texture;
  Pixels pixels;

  pixels.width = gtk_widget_get_width (widget);
  pixels.height = gtk_widget_get_height (widget);
  gdk_paintable_snapshot (paintable, snapshot, pixels.width, pixels.height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  assert_nodes_fit (node, pixels.width, pixels.height);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (f->window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, pixels.width, pixels.height));
  pixels.stride = (gsize)pixels.width * 4;
  pixels.data = g_malloc (pixels.stride * pixels.height);
  gdk_texture_download (texture, pixels.data, pixels.stride);
  g_object_unref (texture);
  gsk_render_node_unref (node);
  return pixels;
}

static gboolean
pixel_is (const Pixels *p, int x, int y, const PhaenChartColor *color)
{
  const guchar *px = p->data + y * p->stride + x * 4;

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, p->width);
  g_assert_cmpint (y, <, p->height);
  return abs (px[2] - (int)lround (color->red * 255)) <= 2 &&
         abs (px[1] - (int)lround (color->green * 255)) <= 2 &&
         abs (px[0] - (int)lround (color->blue * 255)) <= 2;
}

/* Pixels in a rectangle of the view that are not @color: text, marks, rules. */
static guint
count_not (
  const Pixels *p, double x, double y, double width, double height, const PhaenChartColor *color)
{
  guint n = 0;

  for (int j = MAX ((int)ceil (y), 0); j < MIN ((int)floor (y + height), p->height); j++)
    for (int i = MAX ((int)ceil (x), 0); i < MIN ((int)floor (x + width), p->width); i++)
      n += !pixel_is (p, i, j, color);
  return n;
}

static void
scroll_to (Fixture *f, double value)
{
  gtk_adjustment_set_value (f->vadjustment, value);
  spin (100);
  g_assert_cmpfloat (gtk_adjustment_get_value (f->vadjustment), ==, value);
}

/* Row @row, as drawn now: where the view shows it (the name and the bar of month 5) and that
 * the pixels there are those of a drawn row. */
static void
assert_row_drawn (Fixture *f, const Pixels *p, guint row, const char *what)
{
  PhaenGantt *chart = app_gantt_view_get_chart (f->view);
  const PhaenChartStyle *style = phaen_gantt_get_style (chart);
  double width = app_gantt_view_get_chart_width (f->view);
  double scroll = floor (gtk_adjustment_get_value (f->vadjustment));
  double header_top, header_bottom, left;
  cairo_rectangle_t cell;
  double y;

  phaen_gantt_get_frozen (chart, width, &header_top, &header_bottom, &left);
  g_assert_true (phaen_gantt_get_cell_rect (chart, width, row, 5, &cell));
  y = cell.y - scroll;
  g_test_message ("%s: row %u at y %.1f of %d (scrolled %.0f)", what, row, y, p->height, scroll);
  /* Below the frozen header, above the bottom. */
  g_assert_cmpfloat (y, >=, header_bottom - header_top);
  g_assert_cmpfloat (y + cell.height, <=, p->height);
  /* Its name is written in the left columns … */
  g_assert_cmpuint (
    count_not (p, 0, y + 2, left, cell.height - 4, row % 2 ? &style->stripe : &style->background),
    >, 20);
  /* … and the bar crosses month 5 (the whole year for the last row; row % 12 onwards for the
   * others, which the caller picks to include 5). */
  g_assert_true (
    pixel_is (p, (int)(cell.x + cell.width / 2), (int)(y + cell.height / 2), &style->planned));
}

static void
test_scroll (Fixture *f, gconstpointer data)
{
  PhaenGantt *chart = app_gantt_view_get_chart (f->view);
  const PhaenChartStyle *style;
  double upper, page, width, header_top, header_bottom, y0, y1;
  guint first, end, row;
  Pixels p;

  g_assert_nonnull (chart);
  style = phaen_gantt_get_style (chart);
  g_assert_cmpuint (phaen_gantt_get_n_rows (chart), ==, N_ACTIVITIES);
  width = app_gantt_view_get_chart_width (f->view);
  phaen_gantt_get_frozen (chart, width, &header_top, &header_bottom, NULL);
  upper = gtk_adjustment_get_upper (f->vadjustment);
  page = gtk_adjustment_get_page_size (f->vadjustment);
  g_test_message ("chart %.0f x %.0f, page %.0f", width, upper, page);
  /* Taller than any texture may be (16,384 px): the old view went blank here. */
  g_assert_cmpfloat (upper, >, 16384);
  g_assert_cmpfloat (upper, ==, phaen_gantt_get_height_for_width (chart, width));
  g_assert_cmpfloat (page, ==, gtk_widget_get_height (GTK_WIDGET (f->view)));

  /* Shown rows are measured, the others only estimated until they are shown: a 5,000-row
   * chart does not lay out every name to open. */
  g_assert_true (phaen_gantt_row_is_measured (chart, width, 0));
  g_assert_false (phaen_gantt_row_is_measured (chart, width, N_ACTIVITIES / 2));
  g_assert_false (phaen_gantt_measure_rows (chart, width, 0, page));

  /* The bottom: the last activity above the totals row and the legend. Measuring the rows
   * shown there may change the height: scroll until the bottom stays the bottom. */
  for (int i = 0; i < 10 && gtk_adjustment_get_value (f->vadjustment) != upper - page; i++)
    {
      gtk_adjustment_set_value (f->vadjustment, upper - page);
      spin (100);
      upper = gtk_adjustment_get_upper (f->vadjustment);
    }
  g_assert_cmpfloat (upper, ==, phaen_gantt_get_height_for_width (chart, width));
  g_assert_true (phaen_gantt_row_is_measured (chart, width, N_ACTIVITIES - 1));
  p = render (f);
  assert_row_drawn (f, &p, N_ACTIVITIES - 1, "bottom");
  /* The header rows stay at the top: their background, not a row's, at the months' top. */
  {
    PhaenGanttColumns columns;

    phaen_gantt_get_columns (chart, width, &columns);
    g_assert_true (pixel_is (&p, (int)(width - columns.month / 2), 1, &style->header_background));
    g_assert_cmpuint (
      count_not (&p, 0, 0, p.width, header_bottom - header_top, &style->header_background), >, 200);
  }
  g_free (p.data);

  /* The middle: the rows the engine says are on screen are there. */
  scroll_to (f, floor ((upper - page) / 2));
  y0 = floor ((upper - page) / 2) + (header_bottom - header_top);
  y1 = floor ((upper - page) / 2) + page;
  phaen_gantt_get_visible_rows (chart, width, y0, y1, &first, &end);
  g_test_message ("middle: rows %u to %u", first, end);
  for (row = first; row < end; row++)
    g_assert_true (phaen_gantt_row_is_measured (chart, width, row));
  g_assert_false (phaen_gantt_measure_rows (chart, width, y0, y1));
  g_assert_cmpuint (first, >, N_ACTIVITIES / 3);
  g_assert_cmpuint (end, <, 2 * N_ACTIVITIES / 3);
  g_assert_cmpuint (end - first, >, 5);
  /* A whole row in view whose bar crosses month 5: row % 12 in 2..5 with a span of row % 4. */
  for (row = first + 1; row + 1 < end; row++)
    if (row % 12 <= 5 && row % 12 + row % 4 >= 5)
      break;
  g_assert_cmpuint (row + 1, <, end);
  p = render (f);
  assert_row_drawn (f, &p, row, "middle");
  g_free (p.data);

  /* An edit redraws the chart where it is scrolled to. */
  {
    g_autoptr (GError) error = NULL;

    g_assert_cmpint (phaen_store_add_activity (f->store, f->plan, 0, -1, "กิจกรรมใหม่", &error), >,
                     0);
    g_assert_no_error (error);
    /* The new row is laid out at the next allocation. */
    for (int i = 0; i < 500 && gtk_adjustment_get_upper (f->vadjustment) <= upper; i++)
      spin (10);
    chart = app_gantt_view_get_chart (f->view);
    g_assert_cmpuint (phaen_gantt_get_n_rows (chart), ==, N_ACTIVITIES + 1);
    g_assert_cmpfloat (gtk_adjustment_get_value (f->vadjustment), ==, floor ((upper - page) / 2));
    g_assert_cmpfloat (gtk_adjustment_get_upper (f->vadjustment), >, upper);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  /* No session bus under xvfb-run: GTK would warn that the a11y bus is away. */
  g_setenv ("GTK_A11Y", "none", TRUE);
  if (!gtk_init_check ())
    {
      /* TAP's skip-all: `make test` provides a display through xvfb-run. */
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  /* A texture over the renderer's maximum size is a warning: none may show. */
  g_log_set_always_fatal (G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL);

  g_test_add ("/gantt-view/scroll", Fixture, NULL, fixture_setup, test_scroll, fixture_teardown);
  return g_test_run ();
}
