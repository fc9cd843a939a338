/* test-chart-render.c — charts drawn for real: pixels of PNGs, pages and text of PDFs, files
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <math.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>

#include "phaen-chart-file.h"
#include "phaen-error.h"
#include "phaen-scorecard.h"
#include "test-util.h"

#define NAME_SHORT "ตรวจติดตามทางเอกสาร"
#define NAME_PROGRESS "ลงพื้นที่จัดทำแผนประจำปีงบประมาณ"

typedef struct
{
  char *dir;
  PhaenStore *store;
  gint64 unit;
  gint64 plan;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  f->store = test_workspace_new ("t.phaen", &f->dir);
  f->unit = test_add_unit (f->store, "สตป.", "สำนักตรวจสอบและประเมินผล");
  f->plan = test_add_plan (f->store, f->unit, 2564, PHAEN_PLAN_PROCESS,
                           "แผนการปรับปรุงกระบวนการตามภารกิจของสำนักตรวจสอบและประเมินผล");
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  test_workspace_close (&f->store, &f->dir);
}

static char *
temp_path (Fixture *f, const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

/* Writes the plan chart with the default options: A4 pages, or an image of the default width. */
static void
write_gantt (PhaenGantt *gantt, const char *path)
{
  g_autoptr (GError) error = NULL;
  PhaenChartFileOptions options;

  phaen_chart_file_options_init (&options);
  g_assert_true (phaen_gantt_write_file (gantt, path, &options, &error));
  g_assert_no_error (error);
}

static gint64
add_activity (Fixture *f, const char *name, guint first, guint last)
{
  return test_add_planned_activity (f->store, f->plan, name, first, last);
}

static void
set_activity (Fixture *f,
              gint64 id,
              const char *owner,
              gboolean has_budget,
              double budget,
              const char *progress)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenActivity) activity = phaen_store_get_activity (f->store, id, &error);

  g_assert_no_error (error);
  g_free (activity->owner);
  activity->owner = g_strdup (owner);
  activity->has_budget = has_budget;
  activity->budget = budget;
  g_free (activity->progress);
  activity->progress = g_strdup (progress);
  phaen_store_update_activity (f->store, activity, &error);
  g_assert_no_error (error);
}

static PhaenGantt *
gantt_new (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  PhaenGantt *gantt = phaen_gantt_new (f->store, f->plan, &error);

  g_assert_no_error (error);
  return gantt;
}

/* ------------------------------------------------------------------ pixels */

typedef struct
{
  int r, g, b;
} Rgb;

static Rgb
rgb_of (const PhaenChartColor *color, const PhaenChartColor *over)
{
  double a = color->alpha;

  return (Rgb){ (int)lround ((color->red * a + over->red * (1 - a)) * 255),
                (int)lround ((color->green * a + over->green * (1 - a)) * 255),
                (int)lround ((color->blue * a + over->blue * (1 - a)) * 255) };
}

static Rgb
pixel (cairo_surface_t *surface, double x, double y)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 value;

  cairo_surface_flush (surface);
  g_assert_cmpint ((int)x, >=, 0);
  g_assert_cmpint ((int)y, >=, 0);
  g_assert_cmpint ((int)x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint ((int)y, <, cairo_image_surface_get_height (surface));
  memcpy (&value, data + (int)y * stride + (int)x * 4, sizeof value);
  return (Rgb){ (int)(value >> 16 & 0xff), (int)(value >> 8 & 0xff), (int)(value & 0xff) };
}

static gboolean
rgb_near (Rgb a, Rgb b, int tolerance)
{
  return ABS (a.r - b.r) <= tolerance && ABS (a.g - b.g) <= tolerance &&
         ABS (a.b - b.b) <= tolerance;
}

#define assert_rgb(actual, expected)                                                               \
  G_STMT_START                                                                                     \
  {                                                                                                \
    Rgb a_ = (actual), e_ = (expected);                                                            \
    if (!rgb_near (a_, e_, 3))                                                                     \
      g_error ("%s:%d: pixel #%02x%02x%02x, expected #%02x%02x%02x", __FILE__, __LINE__, a_.r,     \
               a_.g, a_.b, e_.r, e_.g, e_.b);                                                      \
  }                                                                                                \
  G_STMT_END

static guint
count_pixels (cairo_surface_t *surface, Rgb color)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  guint n = 0;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      n += rgb_near (pixel (surface, x, y), color, 2);
  return n;
}

static cairo_surface_t *
render_gantt (PhaenGantt *gantt, double width)
{
  double height = phaen_gantt_get_height_for_width (gantt, width);
  cairo_surface_t *surface =
    cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int)width, (int)ceil (height));
  cairo_t *cr = cairo_create (surface);

  phaen_gantt_draw (gantt, cr, width);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  return surface;
}

/* The middle of a cell, where a bar is and no mark is. */
static void
cell_centre (PhaenGantt *gantt, double width, guint row, guint month, double *x, double *y)
{
  cairo_rectangle_t rect;

  g_assert_true (phaen_gantt_get_cell_rect (gantt, width, row, month, &rect));
  *x = rect.x + rect.width / 2;
  *y = rect.y + rect.height / 2;
}

static void
test_gantt_planned_cells (Fixture *f, gconstpointer data)
{
  PhaenChartTheme theme = GPOINTER_TO_INT (data);
  const PhaenChartStyle *style = phaen_chart_style_get (theme);
  g_autoptr (PhaenGantt) gantt = NULL;
  cairo_surface_t *surface;
  double x, y;

  add_activity (f, NAME_SHORT, 1, 3);
  add_activity (f, "สรุปผลการตรวจติดตาม", 9, 11);
  gantt = gantt_new (f);
  phaen_gantt_set_style (gantt, style);
  surface = render_gantt (gantt, 1200);

  for (guint m = 0; m < 12; m++)
    {
      cell_centre (gantt, 1200, 0, m, &x, &y);
      /* planned ต.ค.+1 … ม.ค. are filled; every other month of the row is bare */
      assert_rgb (
        pixel (surface, x, y),
        rgb_of (m >= 1 && m <= 3 ? &style->planned : &style->background, &style->background));
    }
  cell_centre (gantt, 1200, 1, 10, &x, &y);
  assert_rgb (pixel (surface, x, y), rgb_of (&style->planned, &style->background));
  cell_centre (gantt, 1200, 1, 5, &x, &y);
  assert_rgb (pixel (surface, x, y), rgb_of (&style->stripe, &style->background));
  cairo_surface_destroy (surface);
}

static void
test_gantt_progress (Fixture *f, gconstpointer data)
{
  const PhaenChartStyle *style = phaen_chart_style_get (PHAEN_CHART_THEME_LIGHT);
  g_autoptr (PhaenGantt) gantt = NULL;
  cairo_surface_t *surface;
  double x, y;
  gint64 id = add_activity (f, NAME_PROGRESS, 0, 3);

  /* 50 % of four planned months: the first two are filled with progress */
  set_activity (f, id, NULL, FALSE, 0, "50%");
  gantt = gantt_new (f);
  surface = render_gantt (gantt, 1200);
  for (guint m = 0; m < 4; m++)
    {
      cell_centre (gantt, 1200, 0, m, &x, &y);
      assert_rgb (pixel (surface, x, y),
                  rgb_of (m < 2 ? &style->progress : &style->planned, &style->background));
    }
  cairo_surface_destroy (surface);
}

static void
test_gantt_marks (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  const PhaenChartStyle *style = phaen_chart_style_get (PHAEN_CHART_THEME_LIGHT);
  g_autoptr (PhaenGantt) gantt = NULL;
  cairo_surface_t *surface;
  double x, y;
  gint64 id = add_activity (f, NAME_SHORT, 12, 11); /* no planned months */

  phaen_store_set_month_marks (f->store, id, 0, PHAEN_MARK_START, &error);
  g_assert_no_error (error);
  phaen_store_set_month_marks (f->store, id, 3, PHAEN_MARK_OUTPUT, &error);
  g_assert_no_error (error);
  phaen_store_set_month_marks (f->store, id, 5, PHAEN_MARK_OUTPUT | PHAEN_MARK_ACHIEVED, &error);
  g_assert_no_error (error);
  gantt = gantt_new (f);
  surface = render_gantt (gantt, 1200);

  cell_centre (gantt, 1200, 0, 0, &x, &y); /* ● start */
  assert_rgb (pixel (surface, x, y), rgb_of (&style->marker, &style->background));
  cell_centre (gantt, 1200, 0, 5, &x, &y); /* ● achieved */
  assert_rgb (pixel (surface, x, y), rgb_of (&style->achieved, &style->background));
  /* ○ output: hollow, its ring drawn left of the centre */
  {
    cairo_rectangle_t rect;
    gboolean ring = FALSE;

    cell_centre (gantt, 1200, 0, 3, &x, &y);
    assert_rgb (pixel (surface, x, y), rgb_of (&style->background, &style->background));
    g_assert_true (phaen_gantt_get_cell_rect (gantt, 1200, 0, 3, &rect));
    for (double dx = 0; dx < rect.width / 2; dx++)
      ring |=
        rgb_near (pixel (surface, x - dx, y), rgb_of (&style->marker, &style->background), 40);
    g_assert_true (ring);
  }
  cairo_surface_destroy (surface);
}

static void
test_gantt_today (Fixture *f, gconstpointer data)
{
  const PhaenChartStyle *style = phaen_chart_style_get (PHAEN_CHART_THEME_LIGHT);
  g_autoptr (PhaenGantt) gantt = NULL;
  g_autoptr (GDate) inside = g_date_new_dmy (16, G_DATE_JANUARY, 2021); /* ม.ค. of FY 2564 */
  g_autoptr (GDate) outside = g_date_new_dmy (16, G_DATE_JANUARY, 2019);
  cairo_rectangle_t rect;
  cairo_surface_t *surface;
  double x, y;

  add_activity (f, NAME_SHORT, 0, 0);
  gantt = gantt_new (f);
  g_assert_true (phaen_gantt_get_cell_rect (gantt, 1200, 0, 3, &rect));
  x = rect.x + rect.width * 15 / 31;
  y = rect.y + rect.height / 2;

  phaen_gantt_set_today (gantt, inside);
  surface = render_gantt (gantt, 1200);
  assert_rgb (pixel (surface, x, y), rgb_of (&style->today, &style->background));
  cairo_surface_destroy (surface);

  /* a plan of another year has no today line */
  phaen_gantt_set_today (gantt, outside);
  surface = render_gantt (gantt, 1200);
  assert_rgb (pixel (surface, x, y), rgb_of (&style->background, &style->background));
  cairo_surface_destroy (surface);
}

/* A view scrolled into a long plan draws its rows as the whole chart would. */
static void
test_gantt_scrolled (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  const PhaenChartStyle *style = phaen_chart_style_get (PHAEN_CHART_THEME_LIGHT);
  g_autoptr (PhaenGantt) gantt = NULL;
  cairo_rectangle_t rect;
  cairo_surface_t *surface;
  cairo_t *cr;
  double x, y, scroll;

  phaen_store_begin (f->store, "rows", &error);
  g_assert_no_error (error);
  for (int i = 0; i < 200; i++)
    {
      g_autofree char *name = g_strdup_printf ("กิจกรรมที่ %d", i + 1);
      add_activity (f, name, (guint)i % 12, (guint)i % 12);
    }
  phaen_store_commit (f->store, &error);
  g_assert_no_error (error);
  gantt = gantt_new (f);

  g_assert_true (phaen_gantt_get_cell_rect (gantt, 1200, 150, 150 % 12, &rect));
  scroll = rect.y - 300;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1200, 600);
  cr = cairo_create (surface);
  cairo_rectangle (cr, 0, 0, 1200, 600);
  cairo_clip (cr);
  cairo_translate (cr, 0, -scroll);
  phaen_gantt_draw (gantt, cr, 1200);
  cairo_destroy (cr);

  x = rect.x + rect.width / 2;
  y = rect.y + rect.height / 2 - scroll;
  assert_rgb (pixel (surface, x, y), rgb_of (&style->planned, &style->background));
  /* row 150 is not striped; the next one, one month later, is */
  assert_rgb (pixel (surface, x + rect.width, y), rgb_of (&style->background, &style->background));
  assert_rgb (pixel (surface, x + rect.width, y + rect.height),
              rgb_of (&style->planned, &style->background));
  assert_rgb (pixel (surface, x, y + rect.height), rgb_of (&style->stripe, &style->background));
  cairo_surface_destroy (surface);
}

/* ------------------------------------------------------------------ PDF */

static char *
pdf_text (const char *path, int page)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *first = g_strdup_printf ("%d", page);
  g_autofree char *out = NULL;
  /* -raw keeps the content stream's order: without it pdftotext guesses word gaps from glyph
   * positions and splits Thai after an upper vowel ("ประจำปี งบประมาณ"). */
  const char *argv_all[] = { "pdftotext", "-raw", "-enc", "UTF-8", path, "-", NULL };
  const char *argv_page[] = { "pdftotext", "-raw", "-enc", "UTF-8", "-f", first,
                              "-l",        first,  path,   "-",     NULL };
  int status;

  g_spawn_sync (NULL, (char **)(page > 0 ? argv_page : argv_all), NULL, G_SPAWN_SEARCH_PATH, NULL,
                NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

static gboolean
have_pdftotext (void)
{
  g_autofree char *path = g_find_program_in_path ("pdftotext");

  if (path == NULL)
    g_test_skip ("pdftotext (poppler-utils) is not installed");
  return path != NULL;
}

/* Pages as the file itself says: one page object per page (the file holds binary streams,
 * so it is scanned byte by byte). */
static guint
pdf_count_pages (const char *path)
{
  static const char needle[] = "/Type /Page";
  g_autofree char *data = NULL;
  gsize length, n_needle = sizeof needle - 1;
  guint n = 0;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  for (gsize i = 0; i + n_needle < length; i++)
    n += memcmp (data + i, needle, n_needle) == 0 && data[i + n_needle] != 's';
  return n;
}

/* Occurrences of @needle not followed by a digit ("ลำดับ 1" is not in "ลำดับ 12"). */
static guint
count_numbered (const char *text, const char *needle)
{
  guint n = 0;

  for (const char *p = text; (p = strstr (p, needle)); p += strlen (needle))
    n += !g_ascii_isdigit (p[strlen (needle)]);
  return n;
}

static void
test_gantt_pdf_pages (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenGantt) gantt = NULL;
  g_autofree char *path = temp_path (f, "plan.pdf");
  g_autofree char *a3_path = temp_path (f, "plan-a3.pdf");
  g_autofree char *all = NULL;
  PhaenChartFileOptions options;
  PhaenPageSetup a4;
  guint n_pages;

  phaen_store_begin (f->store, "rows", &error);
  g_assert_no_error (error);
  for (int i = 0; i < 60; i++)
    {
      g_autofree char *name = g_strdup_printf ("กิจกรรมทดสอบลำดับ %d", i + 1);
      add_activity (f, name, (guint)i % 12, (guint)MIN (i % 12 + 1, 11));
    }
  phaen_store_commit (f->store, &error);
  g_assert_no_error (error);
  gantt = gantt_new (f);

  phaen_chart_file_options_init (&options);
  g_assert_true (phaen_gantt_write_file (gantt, path, &options, &error));
  g_assert_no_error (error);
  phaen_page_setup_init (&a4, PHAEN_PAPER_A4);
  n_pages = phaen_gantt_get_n_pages (gantt, &a4);
  g_assert_cmpuint (n_pages, >=, 3);
  g_assert_cmpuint (pdf_count_pages (path), ==, n_pages);

  options.paper = PHAEN_PAPER_A3;
  g_assert_true (phaen_gantt_write_file (gantt, a3_path, &options, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pdf_count_pages (a3_path), <, n_pages);

  if (!have_pdftotext ())
    return;
  for (guint p = 1; p <= n_pages; p++)
    {
      g_autofree char *text = pdf_text (path, (int)p);
      g_autofree char *number = g_strdup_printf ("หน้า %u/%u", p, n_pages);

      /* the title block and both header rows are on every page */
      g_assert_nonnull (strstr (text, "สำนักตรวจสอบและประเมินผล"));
      g_assert_nonnull (strstr (text, "ปีงบประมาณ พ.ศ. 2564"));
      g_assert_nonnull (strstr (text, "พิมพ์เมื่อ"));
      g_assert_nonnull (strstr (text, "กิจกรรม"));
      g_assert_nonnull (strstr (text, "พ.ศ. 2563"));
      g_assert_nonnull (strstr (text, "ต.ค."));
      g_assert_nonnull (strstr (text, "ก.ย."));
      g_assert_nonnull (strstr (text, number));
      /* the totals row closes the last page only */
      g_assert_cmpint (strstr (text, "รวมกิจกรรมในแต่ละเดือน") != NULL, ==, p == n_pages);
    }
  /* every activity is printed exactly once */
  all = pdf_text (path, 0);
  for (int i = 0; i < 60; i++)
    {
      g_autofree char *name = g_strdup_printf ("กิจกรรมทดสอบลำดับ %d", i + 1);
      g_assert_cmpuint (count_numbered (all, name), ==, 1);
    }
}

static void
test_gantt_pdf_text (Fixture *f, gconstpointer data)
{
  g_autoptr (PhaenGantt) gantt = NULL;
  g_autofree char *path = temp_path (f, "plan.pdf");
  g_autofree char *text = NULL;
  gint64 id = add_activity (f, NAME_SHORT, 0, 2);

  set_activity (f, id, "สตป.", TRUE, 82090, NULL);
  add_activity (f, NAME_PROGRESS, 3, 5);
  gantt = gantt_new (f);
  write_gantt (gantt, path);
  g_assert_cmpuint (pdf_count_pages (path), ==, 1);
  if (!have_pdftotext ())
    return;
  text = pdf_text (path, 1);
  /* shaped Thai comes back out as the same characters */
  g_assert_nonnull (strstr (text, "ต.ค."));
  g_assert_nonnull (strstr (text, "มิ.ย."));
  g_assert_nonnull (strstr (text, NAME_SHORT));
  g_assert_nonnull (strstr (text, NAME_PROGRESS));
  g_assert_nonnull (strstr (text, "82,090.00"));
  g_assert_nonnull (strstr (text, "หน้า 1/1"));
}

static void
test_gantt_pdf_thai_digits (Fixture *f, gconstpointer data)
{
  g_autoptr (PhaenGantt) gantt = NULL;
  g_autofree char *path = temp_path (f, "plan.pdf");
  g_autofree char *text = NULL;
  gint64 id = add_activity (f, NAME_SHORT, 0, 2);

  set_activity (f, id, "สตป.", TRUE, 82090, NULL);
  gantt = gantt_new (f);
  phaen_gantt_set_thai_digits (gantt, TRUE);
  write_gantt (gantt, path);
  if (!have_pdftotext ())
    return;
  text = pdf_text (path, 1);
  g_assert_nonnull (strstr (text, "๘๒,๐๙๐.๐๐"));
  g_assert_nonnull (strstr (text, "หน้า ๑/๑"));
  g_assert_nonnull (strstr (text, "พ.ศ. ๒๕๖๓"));
}

static void
test_gantt_pdf_month_bands (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenGantt) gantt = NULL;
  g_autoptr (PhaenPlan) plan = phaen_store_get_plan (f->store, f->plan, &error);
  g_autofree char *path = temp_path (f, "plan.pdf");
  g_autofree char *first = NULL, *second = NULL;

  g_assert_no_error (error);
  plan->extra_months = 12;
  phaen_store_update_plan (f->store, plan, &error);
  g_assert_no_error (error);
  /* an owner and a budget leave room for fewer months than 24 */
  set_activity (f, add_activity (f, NAME_SHORT, 10, 14), "กลุ่มพัฒนาระบบบริหาร", TRUE, 1250000, NULL);
  gantt = gantt_new (f);
  write_gantt (gantt, path);
  g_assert_cmpuint (pdf_count_pages (path), ==, 2);
  if (!have_pdftotext ())
    return;
  first = pdf_text (path, 1);
  second = pdf_text (path, 2);
  /* the left columns are repeated beside each band of months */
  g_assert_nonnull (strstr (first, NAME_SHORT));
  g_assert_nonnull (strstr (second, NAME_SHORT));
  /* the first band starts at ต.ค. 2563, the second ends at ก.ย. 2565 */
  g_assert_nonnull (strstr (first, "พ.ศ. 2563"));
  g_assert_null (strstr (second, "พ.ศ. 2563"));
  g_assert_nonnull (strstr (second, "พ.ศ. 2565"));
  g_assert_nonnull (strstr (second, "ก.ย."));
}

static void
test_gantt_empty (Fixture *f, gconstpointer data)
{
  g_autoptr (PhaenGantt) gantt = gantt_new (f);
  g_autofree char *pdf = temp_path (f, "empty.pdf");
  g_autofree char *png = temp_path (f, "empty.png");
  PhaenPageSetup a4;

  /* a plan with no activity yet still has its headers, totals and one page */
  g_assert_cmpuint (phaen_gantt_get_n_rows (gantt), ==, 0);
  phaen_page_setup_init (&a4, PHAEN_PAPER_A4);
  g_assert_cmpuint (phaen_gantt_get_n_pages (gantt, &a4), ==, 1);
  write_gantt (gantt, pdf);
  write_gantt (gantt, png);
  g_assert_cmpuint (pdf_count_pages (pdf), ==, 1);
  if (!have_pdftotext ())
    return;
  {
    g_autofree char *text = pdf_text (pdf, 1);

    g_assert_nonnull (strstr (text, "ต.ค."));
    g_assert_nonnull (strstr (text, "รวมกิจกรรมในแต่ละเดือน"));
  }
}

static gpointer
write_in_thread (gpointer data)
{
  PhaenGantt *gantt = ((gpointer *)data)[0];
  const char *path = ((gpointer *)data)[1];
  PhaenChartFileOptions options;
  GError *error = NULL;

  phaen_chart_file_options_init (&options);
  if (!phaen_gantt_write_file (gantt, path, &options, &error))
    return error;
  return NULL;
}

/* Made on the main thread, written by a worker (as an export in a GTask is). */
static void
test_gantt_other_thread (Fixture *f, gconstpointer data)
{
  g_autoptr (PhaenGantt) gantt = NULL;
  g_autofree char *path = temp_path (f, "plan.pdf");
  gpointer job[2];
  GThread *thread;
  GError *error;
  PhaenPageSetup a4;
  double height;
  guint n_pages;

  for (int i = 0; i < 30; i++)
    add_activity (f, NAME_PROGRESS, (guint)i % 12, (guint)i % 12);
  gantt = gantt_new (f);
  height = phaen_gantt_get_height_for_width (gantt, 1200);
  phaen_page_setup_init (&a4, PHAEN_PAPER_A4);
  n_pages = phaen_gantt_get_n_pages (gantt, &a4);
  job[0] = gantt;
  job[1] = path;
  thread = g_thread_new ("export", write_in_thread, job);
  error = g_thread_join (thread);
  g_assert_no_error (error);
  g_assert_cmpuint (pdf_count_pages (path), ==, n_pages);
  /* back on the main thread, nothing moved */
  g_assert_cmpfloat (phaen_gantt_get_height_for_width (gantt, 1200), ==, height);
}

/* ------------------------------------------------------------------ files */

static void
test_file_errors (Fixture *f, gconstpointer data)
{
  static const struct
  {
    const char *name;
    double width, height;
    int code;
  } cases[] = {
    { "plan.docx", 0, 0, PHAEN_ERROR_INVALID },
    { "plan.png", 50, 0, PHAEN_ERROR_INVALID },
    /* a plan chart's height follows its rows */
    { "plan.png", 1000, 700, PHAEN_ERROR_INVALID },
    /* a PDF's own sheet needs both sides */
    { "no/such/dir/plan.pdf", 1000, 0, PHAEN_ERROR_INVALID },
    { "no/such/dir/plan.pdf", 0, 0, PHAEN_ERROR_IO },
  };
  g_autoptr (PhaenGantt) gantt = NULL;
  PhaenChartFormat format;

  g_assert_true (phaen_chart_format_from_path ("A.SVG", &format, NULL));
  g_assert_cmpint (format, ==, PHAEN_CHART_FORMAT_SVG);

  add_activity (f, NAME_SHORT, 0, 2);
  gantt = gantt_new (f);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *path = temp_path (f, cases[i].name);
      PhaenChartFileOptions options;

      phaen_chart_file_options_init (&options);
      options.width = cases[i].width;
      options.height = cases[i].height;
      g_assert_false (phaen_gantt_write_file (gantt, path, &options, &error));
      g_assert_error (error, PHAEN_ERROR, cases[i].code);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }
}

static void
test_file_png_svg (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenGantt) gantt = NULL;
  g_autofree char *png = temp_path (f, "plan.png");
  g_autofree char *svg = temp_path (f, "plan.svg");
  g_autofree char *svg_text = NULL;
  PhaenChartFileOptions options;
  cairo_surface_t *image;

  add_activity (f, NAME_SHORT, 0, 2);
  gantt = gantt_new (f);
  phaen_chart_file_options_init (&options);
  options.width = 1100;
  g_assert_true (phaen_gantt_write_file (gantt, png, &options, &error));
  g_assert_no_error (error);
  g_assert_true (phaen_gantt_write_file (gantt, svg, &options, &error));
  g_assert_no_error (error);

  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1100);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==,
                   (int)ceil (phaen_gantt_get_height_for_width (gantt, 1100)));
  cairo_surface_destroy (image);

  g_assert_true (g_file_get_contents (svg, &svg_text, NULL, NULL));
  g_assert_true (g_str_has_prefix (svg_text, "<?xml"));
  g_assert_nonnull (strstr (svg_text, "width=\"1100px\""));
}

/* ------------------------------------------------------------------ quarterly charts */

static gint64
add_numeric_indicator (Fixture *f,
                       const char *code,
                       double weight,
                       PhaenDirection direction,
                       const double *thresholds,
                       const char *const *results)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenIndicator) indicator = NULL;
  g_autoptr (PhaenCriteriaVersion) version = phaen_criteria_version_new ();
  gint64 id = phaen_store_add_indicator (f->store, f->unit, 2564, code,
                                         "จำนวนหน่วยรับตรวจที่ได้รับการตรวจติดตาม", &error);

  g_assert_no_error (error);
  indicator = phaen_store_get_indicator (f->store, id, &error);
  g_assert_no_error (error);
  indicator->scoring = PHAEN_SCORING_NUMERIC;
  indicator->direction = direction;
  indicator->weight = weight;
  g_free (indicator->target);
  indicator->target = g_strdup ("826");
  phaen_store_update_indicator (f->store, indicator, &error);
  g_assert_no_error (error);
  for (int level = 1; level <= PHAEN_LEVELS; level++)
    {
      PhaenCriterion *item = g_new0 (PhaenCriterion, 1);

      item->level = level;
      item->has_threshold = TRUE;
      item->threshold = thresholds[level - 1];
      item->label = g_strdup_printf ("%d", level);
      item->description = g_strdup ("");
      g_ptr_array_add (version->items, item);
    }
  phaen_store_add_criteria_version (f->store, id, version, &error);
  g_assert_no_error (error);
  for (int q = 0; q < PHAEN_QUARTERS; q++)
    if (results[q])
      {
        phaen_store_set_result (f->store, id, q + 1, results[q], NULL, NULL, &error);
        g_assert_no_error (error);
      }
  return id;
}

static const double seed_thresholds[] = { 0, 150, 300, 450, 826 };
static const char *const seed_results[] = { "0", "184", "464", "826" };

static cairo_surface_t *
image_new (void)
{
  return cairo_image_surface_create (CAIRO_FORMAT_ARGB32, PHAEN_CHART_DEFAULT_WIDTH,
                                     PHAEN_CHART_DEFAULT_HEIGHT);
}

static void
test_progress_seed002 (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenProgressChart) chart = NULL;
  const PhaenChartStyle *style = phaen_chart_style_get (PHAEN_CHART_THEME_LIGHT);
  const double scores[] = { 1, 2.2267, 4.0372, 5 };
  gint64 id = add_numeric_indicator (f, "สตป. 02", 30, PHAEN_DIRECTION_HIGHER_BETTER,
                                     seed_thresholds, seed_results);
  cairo_surface_t *surface;
  cairo_t *cr;
  double lo, hi;

  chart = phaen_progress_chart_new (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (chart->code, ==, "สตป. 02");
  /* seed 002: results 0, 184, 464, 826 → scores 1, 2.2267, 4.0372, 5 */
  for (int q = 0; q < PHAEN_QUARTERS; q++)
    {
      g_assert_true (chart->has_value[q]);
      g_assert_cmpfloat_with_epsilon (chart->scores[q].score, scores[q], 1e-9);
    }
  g_assert_cmpfloat (chart->value[1], ==, 184);
  g_assert_true (chart->has_target);
  g_assert_cmpfloat (chart->target, ==, 826);
  g_assert_cmpuint (chart->bands->len, ==, 5);
  {
    const PhaenProgressBand *second = g_ptr_array_index (chart->bands, 1);
    const PhaenProgressBand *fifth = g_ptr_array_index (chart->bands, 4);

    g_assert_cmpfloat (second->lower, ==, 150);
    g_assert_cmpfloat (second->upper, ==, 300);
    g_assert_cmpint (fifth->level, ==, 5);
    g_assert_cmpfloat (fifth->lower, ==, 826);
    g_assert_true (isinf (fifth->upper));
  }
  phaen_progress_chart_get_range (chart, &lo, &hi);
  g_assert_cmpfloat (lo, ==, 0);
  g_assert_cmpfloat (hi, >, 826);

  surface = image_new ();
  cr = cairo_create (surface);
  phaen_progress_chart_draw (chart, cr, style, PHAEN_CHART_DEFAULT_WIDTH,
                             PHAEN_CHART_DEFAULT_HEIGHT);
  cairo_destroy (cr);
  /* each of the five levels shows as a band of its own tint */
  for (int l = 0; l < PHAEN_LEVELS; l++)
    g_assert_cmpuint (count_pixels (surface, rgb_of (&style->level[l], &style->background)), >,
                      1000);
  g_assert_cmpuint (count_pixels (surface, rgb_of (&style->series[0], &style->background)), >, 200);
  cairo_surface_destroy (surface);
}

static void
test_progress_lower_better (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenProgressChart) chart = NULL;
  const double falling[] = { 20, 15, 10, 5, 2 };
  const char *const results[] = { "12", NULL, NULL, NULL };
  gint64 id =
    add_numeric_indicator (f, "สตป. 03", 10, PHAEN_DIRECTION_LOWER_BETTER, falling, results);
  const PhaenProgressBand *first, *fifth;
  double lo, hi;

  chart = phaen_progress_chart_new (f->store, id, &error);
  g_assert_no_error (error);
  first = g_ptr_array_index (chart->bands, 0);
  fifth = g_ptr_array_index (chart->bands, 4);
  /* level 1 lies above T1 = 20, level 5 at or below T5 = 2 */
  g_assert_cmpfloat (first->lower, ==, 15);
  g_assert_true (isinf (first->upper));
  g_assert_true (isinf (fifth->lower) && fifth->lower < 0);
  g_assert_cmpfloat (fifth->upper, ==, 2);
  g_assert_true (chart->has_value[0]);
  g_assert_false (chart->has_value[1]);
  phaen_progress_chart_get_range (chart, &lo, &hi);
  g_assert_cmpfloat (lo, <, 2);
}

static void
test_progress_pmqa_refused (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenIndicator) indicator = NULL;
  PhaenProgressChart *chart;
  gint64 id = phaen_store_add_indicator (f->store, f->unit, 2564, "7.1-1", "PMQA", &error);

  g_assert_no_error (error);
  indicator = phaen_store_get_indicator (f->store, id, &error);
  g_assert_no_error (error);
  indicator->scoring = PHAEN_SCORING_PMQA7;
  phaen_store_update_indicator (f->store, indicator, &error);
  g_assert_no_error (error);
  chart = phaen_progress_chart_new (f->store, id, &error);
  g_assert_null (chart);
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID);
  g_clear_error (&error);
  chart = phaen_progress_chart_new (f->store, id + 100, &error);
  g_assert_null (chart);
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_NOT_FOUND);
}

/* A page builds the unit's scorecard once and every chart reads it: the same charts as from the
 * store, and no other scorecard built. */
static void
test_charts_from_one_card (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenScorecard) card = NULL;
  g_autoptr (PhaenScoreChart) score = NULL;
  g_autoptr (PhaenScoreChart) score_from_store = NULL;
  const char *const q4_only[] = { NULL, NULL, NULL, "826" };
  guint built;

  add_numeric_indicator (f, "สตป. 02", 30, PHAEN_DIRECTION_HIGHER_BETTER, seed_thresholds,
                         seed_results);
  add_numeric_indicator (f, "สตป. 04", 70, PHAEN_DIRECTION_HIGHER_BETTER, seed_thresholds, q4_only);
  card = phaen_scorecard_build (f->store, f->unit, 2564, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (card->rows->len, ==, 2);
  built = phaen_scorecard_get_n_built ();
  for (guint i = 0; i < card->rows->len; i++)
    {
      const PhaenScorecardRow *row = g_ptr_array_index (card->rows, i);
      g_autoptr (PhaenProgressChart) chart = phaen_progress_chart_new_for_row (card, row);
      g_autoptr (PhaenProgressChart) from_store = NULL;

      g_assert_cmpstr (chart->code, ==, row->indicator->code);
      g_assert_cmpuint (phaen_scorecard_get_n_built (), ==, built);
      from_store = phaen_progress_chart_new (f->store, row->indicator->id, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (chart->bands->len, ==, from_store->bands->len);
      for (int q = 0; q < PHAEN_QUARTERS; q++)
        {
          g_assert_cmpint (chart->has_value[q], ==, from_store->has_value[q]);
          g_assert_cmpfloat (chart->value[q], ==, from_store->value[q]);
          g_assert_cmpfloat (chart->scores[q].score, ==, from_store->scores[q].score);
        }
      built = phaen_scorecard_get_n_built ();
    }
  score = phaen_score_chart_new_for_card (card);
  g_assert_cmpuint (phaen_scorecard_get_n_built (), ==, built);
  score_from_store = phaen_score_chart_new (f->store, f->unit, 2564, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (score->items->len, ==, 2);
  for (int q = 0; q < PHAEN_QUARTERS; q++)
    {
      g_assert_cmpfloat (score->total[q], ==, score_from_store->total[q]);
      g_assert_cmpuint (score->n_scored[q], ==, score_from_store->n_scored[q]);
    }
}

/* Twelve indicators: the seven heaviest keep a colour each, the five lightest share the eighth,
 * and every quarter's stack still adds up to the unit's total. */
static void
test_score_others (Fixture *f, gconstpointer data)
{
  const char *const results[] = { "100", "300", "600", "826" };
  const double weights[] = { 4, 20, 3, 15, 2, 12, 10, 9, 1, 8, 11, 5 };
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenScorecard) card = NULL;
  g_autoptr (PhaenScoreChart) chart = NULL;
  const PhaenScoreChartItem *others;
  const char *const kept[] = { "ก.02", "ก.04", "ก.06", "ก.07", "ก.08", "ก.10", "ก.11" };

  for (guint i = 0; i < G_N_ELEMENTS (weights); i++)
    {
      g_autofree char *code = g_strdup_printf ("ก.%02u", i + 1);

      add_numeric_indicator (f, code, weights[i], PHAEN_DIRECTION_HIGHER_BETTER, seed_thresholds,
                             results);
    }
  card = phaen_scorecard_build (f->store, f->unit, 2564, &error);
  g_assert_no_error (error);
  chart = phaen_score_chart_new_for_card (card);

  g_assert_cmpuint (chart->items->len, ==, PHAEN_CHART_N_SERIES);
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    g_assert_cmpstr (((PhaenScoreChartItem *)g_ptr_array_index (chart->items, i))->code, ==,
                     kept[i]);
  others = g_ptr_array_index (chart->items, PHAEN_CHART_N_SERIES - 1);
  g_assert_null (others->code);
  g_assert_cmpstr (others->name, ==, "ตัวชี้วัดอื่นอีก 5 ตัว");
  g_assert_cmpfloat_with_epsilon (others->weight, 4 + 3 + 2 + 1 + 5, 1e-9);
  for (int q = 0; q < PHAEN_QUARTERS; q++)
    {
      double sum = 0;

      for (guint i = 0; i < chart->items->len; i++)
        sum += ((PhaenScoreChartItem *)g_ptr_array_index (chart->items, i))->weighted[q];
      g_assert_true (others->has_weighted[q]);
      g_assert_cmpfloat_with_epsilon (sum, card->total[q], 1e-6);
    }
}

static void
test_score_stack (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenScoreChart) chart = NULL;
  g_autoptr (PhaenScorecard) card = NULL;
  const PhaenChartStyle *style = phaen_chart_style_get (PHAEN_CHART_THEME_LIGHT);
  const char *const q4_only[] = { NULL, NULL, NULL, "826" };
  cairo_surface_t *surface;
  cairo_t *cr;
  double first, second;

  add_numeric_indicator (f, "สตป. 02", 30, PHAEN_DIRECTION_HIGHER_BETTER, seed_thresholds,
                         seed_results);
  add_numeric_indicator (f, "สตป. 04", 70, PHAEN_DIRECTION_HIGHER_BETTER, seed_thresholds, q4_only);
  chart = phaen_score_chart_new (f->store, f->unit, 2564, &error);
  g_assert_no_error (error);
  card = phaen_scorecard_build (f->store, f->unit, 2564, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (chart->items->len, ==, 2);
  g_assert_true (chart->weights_ok);
  for (int q = 0; q < PHAEN_QUARTERS; q++)
    g_assert_cmpfloat (chart->total[q], ==, card->total[q]);
  /* seed 002 weighted 0.3, 0.668, 1.2112, 1.5; with 70 × 5 / 100 = 3.5 in Q4 */
  g_assert_cmpfloat_with_epsilon (chart->total[1], 0.668, 1e-9);
  g_assert_cmpfloat_with_epsilon (chart->total[3], 5.0, 1e-9);
  g_assert_false (((PhaenScoreChartItem *)g_ptr_array_index (chart->items, 1))->has_weighted[0]);

  surface = image_new ();
  cr = cairo_create (surface);
  phaen_score_chart_draw (chart, cr, style, PHAEN_CHART_DEFAULT_WIDTH, PHAEN_CHART_DEFAULT_HEIGHT);
  cairo_destroy (cr);
  /* the first indicator's four segments against the second's one: 3.6792 : 3.5 */
  first = count_pixels (surface, rgb_of (&style->series[0], &style->background));
  second = count_pixels (surface, rgb_of (&style->series[1], &style->background));
  g_assert_cmpfloat (second, >, 1000);
  g_assert_cmpfloat_with_epsilon (first / second, (0.3 + 0.668 + 1.2112 + 1.5) / 3.5, 0.1);
  cairo_surface_destroy (surface);
}

static void
test_budget_cumulative (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenBudgetChart) chart = NULL;
  g_autoptr (PhaenBudgetChart) by_unit = NULL;
  const PhaenChartStyle *style = phaen_chart_style_get (PHAEN_CHART_THEME_LIGHT);
  const double allocated[] = { 20000, 30000, 20000, 12090 };
  const double disbursed[] = { 0, 28230, 39890, 0 };
  const double targets[] = { 30, 52, 75, 100 };
  cairo_surface_t *surface;
  cairo_t *cr;
  double light, dark;

  for (int q = 0; q < PHAEN_QUARTERS; q++)
    {
      PhaenBudgetQuarter quarter = { f->plan, q + 1, allocated[q], 0, disbursed[q] };

      phaen_store_set_budget_quarter (f->store, &quarter, &error);
      g_assert_no_error (error);
    }
  phaen_store_set_disbursement_targets (f->store, 2564, targets, &error);
  g_assert_no_error (error);

  chart = phaen_budget_chart_new (f->store, 0, 0, f->plan, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (chart->annual, ==, 82090);
  g_assert_cmpfloat (chart->allocated[1], ==, 50000);
  g_assert_cmpfloat (chart->disbursed[2], ==, 68120);
  g_assert_cmpfloat (chart->disbursed[3], ==, 68120);
  g_assert_cmpfloat_with_epsilon (phaen_budget_chart_target_amount (chart, 2), 82090 * 0.52, 1e-6);
  by_unit = phaen_budget_chart_new (f->store, f->unit, 2564, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (by_unit->n_plans, ==, 1);
  g_assert_cmpfloat (by_unit->disbursed[2], ==, chart->disbursed[2]);

  surface = image_new ();
  cr = cairo_create (surface);
  phaen_budget_chart_draw (chart, cr, style, PHAEN_CHART_DEFAULT_WIDTH, PHAEN_CHART_DEFAULT_HEIGHT);
  cairo_destroy (cr);
  /* bar areas follow the cumulative sums */
  light = count_pixels (surface, rgb_of (&style->series[4], &style->background));
  dark = count_pixels (surface, rgb_of (&style->series[0], &style->background));
  g_assert_cmpfloat_with_epsilon (
    dark / light, (0 + 28230 + 68120 + 68120) / (20000 + 50000 + 70000 + 82090.0), 0.06);
  cairo_surface_destroy (surface);
}

static void
test_budget_unknown (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  PhaenBudgetChart *chart = phaen_budget_chart_new (f->store, 0, 0, f->plan + 7, &error);

  g_assert_null (chart);
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_NOT_FOUND);
  g_clear_error (&error);
  chart = phaen_budget_chart_new (f->store, f->unit, 2599, 0, &error);
  g_assert_null (chart);
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_NOT_FOUND);
}

static void
test_simple_files (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenScoreChart) chart = NULL;
  g_autofree char *pdf = temp_path (f, "score.pdf");
  g_autofree char *png = temp_path (f, "score.png");
  PhaenChartFileOptions options;
  cairo_surface_t *image;

  add_numeric_indicator (f, "สตป. 02", 100, PHAEN_DIRECTION_HIGHER_BETTER, seed_thresholds,
                         seed_results);
  chart = phaen_score_chart_new (f->store, f->unit, 2564, &error);
  g_assert_no_error (error);
  phaen_chart_file_options_init (&options);
  g_assert_true (phaen_score_chart_write_file (chart, pdf, &options, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pdf_count_pages (pdf), ==, 1);
  options.width = 640;
  options.height = 400;
  g_assert_true (phaen_score_chart_write_file (chart, png, &options, &error));
  g_assert_no_error (error);
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 640);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 400);
  cairo_surface_destroy (image);
  if (!have_pdftotext ())
    return;
  {
    g_autofree char *text = pdf_text (pdf, 1);

    g_assert_nonnull (strstr (text, "คะแนนถ่วงน้ำหนักรายไตรมาส"));
    g_assert_nonnull (strstr (text, "ไตรมาสที่ 4"));
    g_assert_nonnull (strstr (text, "5.0000"));
  }
}

/* ------------------------------------------------------------------ full disk */

static gboolean
has_temp_file (const char *dir)
{
  g_autoptr (GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (folder)) != NULL)
    if (g_str_has_prefix (name, ".chart."))
      return TRUE;
  return FALSE;
}

/* In a child whose files may not grow past a few kilobytes (EFBIG, as on a full disk): the
 * chart fails with the disk named, the previous file keeps every byte and no temporary file
 * is left behind. */
static void
test_file_full_disk (Fixture *f, gconstpointer data)
{
  static const char previous[] = "the previous chart, which must survive\n";
  const char *extension = data;
  g_autofree char *name = g_strconcat ("chart.", extension, NULL);
  g_autofree char *path = temp_path (f, name);
  g_autofree char *contents = NULL;
  g_autoptr (PhaenGantt) gantt = NULL;
  g_autoptr (GError) error = NULL;
  PhaenChartFileOptions options;
  struct rlimit limit = { 4096, 4096 };

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      /* In Thai (test-i18n.c): "the disk may be full". */
      g_test_trap_assert_stdout ("*ดิสก์อาจเต็ม*");
      return;
    }

  add_activity (f, NAME_SHORT, 0, 5);
  gantt = gantt_new (f);
  g_assert_true (g_file_set_contents (path, previous, -1, &error));
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

  phaen_chart_file_options_init (&options);
  g_assert_false (phaen_gantt_write_file (gantt, path, &options, &error));
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_IO);
  g_assert_nonnull (strstr (error->message, path));
  g_print ("%s\n", error->message);

  g_clear_error (&error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_cmpstr (contents, ==, previous);
  g_assert_false (has_temp_file (f->dir));
}

/* A plan whose activities carry 123,456,789.50 baht but no quarterly allocation: the chart says
 * so, shows the plan's budget on an axis that reaches it, never "0.00 บาท". */
static void
test_budget_no_quarters (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenBudgetChart) chart = NULL;
  g_autoptr (PhaenActivity) activity = NULL;
  g_autofree char *path = temp_path (f, "budget.pdf");
  g_autofree char *text = NULL;
  PhaenChartFileOptions options;
  gint64 id = phaen_store_add_activity (f->store, f->plan, 0, -1, "จัดซื้อ", &error);

  g_assert_no_error (error);
  activity = phaen_store_get_activity (f->store, id, &error);
  g_assert_no_error (error);
  activity->has_budget = TRUE;
  activity->budget = 123456789.5;
  phaen_store_update_activity (f->store, activity, &error);
  g_assert_no_error (error);

  chart = phaen_budget_chart_new (f->store, 0, 0, f->plan, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (chart->annual, ==, 0);
  g_assert_true (chart->has_plan_budget);
  g_assert_cmpfloat (chart->plan_budget, ==, 123456789.5);

  if (!have_pdftotext ())
    return;
  phaen_chart_file_options_init (&options);
  g_assert_true (phaen_budget_chart_write_file (chart, path, &options, &error));
  g_assert_no_error (error);
  text = pdf_text (path, 0);
  g_assert_nonnull (strstr (text, "123,456,789.50"));
  g_assert_null (strstr (text, "0.00 บาท"));
  g_assert_nonnull (strstr (text, "ล้านบาท"));
  /* The axis reaches the budget in whole, distinct ticks: 0 … 140 (ล้านบาท). */
  g_assert_nonnull (strstr (text, "\n140\n"));
}

/* A row taller than a page goes on over the next pages at line boundaries: every line of it is
 * printed once, none is cut at the footer. */
static void
test_gantt_pdf_tall_row (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) name = g_string_new ("ขั้นตอนย่อย ");
  g_autoptr (PhaenGantt) gantt = NULL;
  g_autofree char *path = temp_path (f, "tall.pdf");
  g_autofree char *text = NULL;
  PhaenPageSetup page;

  for (int i = 1; i <= 120; i++)
    g_string_append_printf (name, "step%03d of the long activity ", i);
  phaen_store_add_activity (f->store, f->plan, 0, -1, name->str, &error);
  g_assert_no_error (error);
  phaen_store_add_activity (f->store, f->plan, 0, -1, "กิจกรรมถัดไป", &error);
  g_assert_no_error (error);
  if (!have_pdftotext ())
    return;
  gantt = phaen_gantt_new (f->store, f->plan, &error);
  g_assert_no_error (error);
  write_gantt (gantt, path);
  phaen_page_setup_init (&page, PHAEN_PAPER_A4);
  g_assert_cmpuint (phaen_gantt_get_n_pages (gantt, &page), >=, 3);
  g_assert_cmpuint (pdf_count_pages (path), ==, phaen_gantt_get_n_pages (gantt, &page));
  text = pdf_text (path, 0);
  for (int i = 1; i <= 120; i++)
    {
      g_autofree char *step = g_strdup_printf ("step%03d", i);
      const char *at = strstr (text, step);

      if (at == NULL || strstr (at + 1, step) != NULL)
        g_error ("%s is printed %s", step, at == NULL ? "nowhere" : "twice");
    }
  g_assert_nonnull (strstr (text, "กิจกรรมถัดไป"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, data)                                                                      \
  g_test_add (path, Fixture, data, fixture_setup, func, fixture_teardown)
  ADD ("/chart/gantt/pixels/planned-light", test_gantt_planned_cells,
       GINT_TO_POINTER (PHAEN_CHART_THEME_LIGHT));
  ADD ("/chart/gantt/pixels/planned-dark", test_gantt_planned_cells,
       GINT_TO_POINTER (PHAEN_CHART_THEME_DARK));
  ADD ("/chart/gantt/pixels/planned-print", test_gantt_planned_cells,
       GINT_TO_POINTER (PHAEN_CHART_THEME_PRINT));
  ADD ("/chart/gantt/pixels/progress", test_gantt_progress, NULL);
  ADD ("/chart/gantt/pixels/marks", test_gantt_marks, NULL);
  ADD ("/chart/gantt/pixels/today", test_gantt_today, NULL);
  ADD ("/chart/gantt/pixels/scrolled", test_gantt_scrolled, NULL);
  ADD ("/chart/gantt/pdf/pages", test_gantt_pdf_pages, NULL);
  ADD ("/chart/gantt/pdf/text", test_gantt_pdf_text, NULL);
  ADD ("/chart/gantt/pdf/thai-digits", test_gantt_pdf_thai_digits, NULL);
  ADD ("/chart/gantt/pdf/month-bands", test_gantt_pdf_month_bands, NULL);
  ADD ("/chart/gantt/pdf/tall-row", test_gantt_pdf_tall_row, NULL);
  ADD ("/chart/gantt/empty", test_gantt_empty, NULL);
  ADD ("/chart/gantt/other-thread", test_gantt_other_thread, NULL);
  ADD ("/chart/file/errors", test_file_errors, NULL);
  ADD ("/chart/file/png-svg", test_file_png_svg, NULL);
  ADD ("/chart/file/simple", test_simple_files, NULL);
  ADD ("/chart/file/full-disk/png", test_file_full_disk, "png");
  ADD ("/chart/file/full-disk/pdf", test_file_full_disk, "pdf");
  ADD ("/chart/file/full-disk/svg", test_file_full_disk, "svg");
  ADD ("/chart/progress/seed002", test_progress_seed002, NULL);
  ADD ("/chart/progress/lower-better", test_progress_lower_better, NULL);
  ADD ("/chart/progress/pmqa-refused", test_progress_pmqa_refused, NULL);
  ADD ("/chart/score/stack", test_score_stack, NULL);
  ADD ("/chart/score/others", test_score_others, NULL);
  ADD ("/chart/from-one-scorecard", test_charts_from_one_card, NULL);
  ADD ("/chart/budget/cumulative", test_budget_cumulative, NULL);
  ADD ("/chart/budget/unknown", test_budget_unknown, NULL);
  ADD ("/chart/budget/no-quarters", test_budget_no_quarters, NULL);
#undef ADD

  return g_test_run ();
}
