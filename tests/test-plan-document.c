/* test-plan-document.c — the plan document as PDF, read back with pdftotext and pdftoppm
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "phaen-plan-document.h"
#include "test-util.h"

typedef struct
{
  char *dir;
  PhaenStore *store;
  gint64 plan;
} Fixture;

static const char *const activity_names[] = {
  "ศึกษากรอบการประเมินส่วนราชการ",
  "วิเคราะห์และคัดเลือกตัวชี้วัดที่เหมาะสม",
  "จัดทำรายละเอียดตัวชี้วัด",
  "ติดตามความก้าวหน้าผลการดำเนินงาน",
};
static const char *const owners[] = { "กพร.", "สนย.", "กพร.", "สตป." };

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 unit;
  static const char *const sections[][2] = {
    { PHAEN_SECTION_PROCESS, "การปรับปรุงกระบวนการติดตามผล" },
    { PHAEN_SECTION_CUSTOMERS, "หน่วยงานในสังกัด" },
    { PHAEN_SECTION_STAKEHOLDERS, "ผู้บริหารองค์การ" },
    { PHAEN_SECTION_INDICATOR, "ระดับความสำเร็จของการปรับปรุง" },
    { PHAEN_SECTION_CRITERIA, "ระดับ 1 : คัดเลือกตัวชี้วัด" },
    { PHAEN_SECTION_DIGITAL, "ติดตามผ่าน Google Form" },
    { PHAEN_SECTION_STEPS, "ใช้แบบฟอร์มออนไลน์" },
    { PHAEN_SECTION_EXPECTED, "ผลการประเมินอยู่ในระดับคุณภาพ" },
  };

  f->store = test_workspace_new ("t.phaen", &f->dir);
  unit = test_add_unit (f->store, "กพร.", "กลุ่มพัฒนาระบบบริหาร");
  f->plan = test_add_plan (f->store, unit, 2564, PHAEN_PLAN_PROCESS, "แผน");
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      phaen_store_set_plan_section (f->store, f->plan, sections[i][0], sections[i][1], &error);
      g_assert_no_error (error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (activity_names); i++)
    {
      g_autoptr (PhaenActivity) activity = NULL;
      gint64 id = phaen_store_add_activity (f->store, f->plan, 0, -1, activity_names[i], &error);

      g_assert_no_error (error);
      activity = phaen_store_get_activity (f->store, id, &error);
      g_assert_no_error (error);
      g_free (activity->owner);
      activity->owner = g_strdup (owners[i]);
      activity->has_budget = i == 1;
      activity->budget = i == 1 ? 123456789.5 : 0;
      phaen_store_update_activity (f->store, activity, &error);
      g_assert_no_error (error);
      phaen_store_set_month_marks (f->store, id, (int)i, PHAEN_MARK_PLANNED, &error);
      g_assert_no_error (error);
    }
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  test_workspace_close (&f->store, &f->dir);
}

static gboolean
have_tools (void)
{
  g_autofree char *text = g_find_program_in_path ("pdftotext");
  g_autofree char *ppm = g_find_program_in_path ("pdftoppm");

  if (text == NULL || ppm == NULL)
    g_test_skip ("pdftotext and pdftoppm (poppler-utils) read the PDF back");
  return text != NULL && ppm != NULL;
}

static char *
run (const char *const *argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status,
                &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

/* -raw keeps the content stream's order, so Thai is not split after upper vowels. */
static char *
pdf_text (const char *path)
{
  return run ((const char *[]){ "pdftotext", "-raw", "-enc", "UTF-8", path, "-", NULL });
}

static char *
write_pdf (Fixture *f,
           const char *name,
           PhaenPaper paper,
           PhaenOrientation orientation,
           gboolean thai_digits,
           guint *n_pages)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenPlanDocument) document = phaen_plan_document_new (f->store, f->plan, &error);
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  PhaenPageSetup page;

  g_assert_no_error (error);
  phaen_plan_document_set_thai_digits (document, thai_digits);
  phaen_page_setup_init_oriented (&page, paper, orientation);
  g_assert_true (phaen_plan_document_write_pdf (document, path, &page, &error));
  g_assert_no_error (error);
  if (n_pages != NULL)
    *n_pages = phaen_plan_document_get_n_pages (document, &page);
  return g_steal_pointer (&path);
}

/* The official document: title, sections 1–7, every activity, BE month headers, budget,
 * owners. */
static void
test_content (Fixture *f, gconstpointer data)
{
  static const char *const expected[] = {
    "แผนการปรับปรุงกระบวนการตามภารกิจของกลุ่มพัฒนาระบบบริหาร",
    "ประจำปีงบประมาณ พ.ศ. 2564",
    "หน่วยงาน : กลุ่มพัฒนาระบบบริหาร",
    "1. ชื่อกระบวนการปรับปรุงประสิทธิภาพในการปฏิบัติงาน",
    "การปรับปรุงกระบวนการติดตามผล",
    "2. ข้อกำหนดที่สำคัญ",
    "ผู้รับบริการ",
    "ผู้มีส่วนได้ส่วนเสีย",
    "หน่วยงานในสังกัด",
    "ผู้บริหารองค์การ",
    "3. ตัวชี้วัด",
    "ระดับ 1 : คัดเลือกตัวชี้วัด",
    "4. แนวทางการนำเทคโนโลยีดิจิทัลมาใช้ในการจัดการกระบวนการ",
    "ติดตามผ่าน Google Form",
    "5. วิธีการลดขั้นตอนในการปฏิบัติงาน",
    "6. แผนการดำเนินงาน",
    "กิจกรรม",
    "ระยะเวลาในการดำเนินงาน",
    "งบประมาณ",
    "ผู้รับผิดชอบ",
    "ต.ค.63",
    "ธ.ค.63",
    "ม.ค.64",
    "ก.ย.64",
    "123,456,789.50",
    "สนย.",
    "สตป.",
    "7. ผลที่คาดว่าจะได้รับ",
    "ผลการประเมินอยู่ในระดับคุณภาพ",
    "หน้า 1/",
  };
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *thai_path = NULL;
  g_autofree char *thai_text = NULL;

  if (!have_tools ())
    return;
  path = write_pdf (f, "plan.pdf", PHAEN_PAPER_A4, PHAEN_ORIENTATION_LANDSCAPE, FALSE, NULL);
  text = pdf_text (path);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (strstr (text, expected[i]) == NULL)
      g_error ("“%s” is missing from the PDF:\n%s", expected[i], text);
  for (guint i = 0; i < G_N_ELEMENTS (activity_names); i++)
    g_assert_nonnull (strstr (text, activity_names[i]));
  /* The activities without a budget print "-", never 0.00. */
  g_assert_null (strstr (text, "0.00 "));

  /* Thai digits: the years, the money and the month headers. */
  thai_path = write_pdf (f, "plan-th.pdf", PHAEN_PAPER_A4, PHAEN_ORIENTATION_PORTRAIT, TRUE, NULL);
  thai_text = pdf_text (thai_path);
  g_assert_nonnull (strstr (thai_text, "พ.ศ. ๒๕๖๔"));
  g_assert_nonnull (strstr (thai_text, "๑๒๓,๔๕๖,๗๘๙.๕๐"));
  g_assert_null (strstr (thai_text, "2564"));
}

static void
page_size (const char *path, double *width, double *height)
{
  g_autofree char *info = run ((const char *[]){ "pdfinfo", path, NULL });
  const char *line = strstr (info, "Page size:");

  g_assert_nonnull (line);
  g_assert_cmpint (sscanf (line, "Page size: %lf x %lf", width, height), ==, 2);
}

/* The first page rendered to pixels_x × pixels_y gray pixels. */
static guint8 *
render (const char *path, int pixels_x, int pixels_y, int *width, int *height)
{
  g_autofree char *prefix = g_strconcat (path, "-", NULL);
  g_autofree char *png = NULL;
  g_autofree char *x_text = g_strdup_printf ("%d", pixels_x);
  g_autofree char *y_text = g_strdup_printf ("%d", pixels_y);
  g_autofree char *out =
    run ((const char *[]){ "pdftoppm", "-scale-to-x", x_text, "-scale-to-y", y_text, "-f", "1",
                           "-l", "1", "-gray", "-singlefile", "-png", path, prefix, NULL });
  cairo_surface_t *surface;
  guint8 *gray;
  int stride;

  png = g_strconcat (prefix, ".png", NULL);
  surface = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  *width = cairo_image_surface_get_width (surface);
  *height = cairo_image_surface_get_height (surface);
  stride = cairo_image_surface_get_stride (surface);
  gray = g_malloc ((gsize)*width * *height);
  cairo_surface_flush (surface);
  for (int y = 0; y < *height; y++)
    for (int x = 0; x < *width; x++)
      {
        const guint8 *row = cairo_image_surface_get_data (surface) + y * stride;
        /* pdftoppm's gray PNG loads as RGB24 or A8-like data: read the green channel. */
        gray[y * *width + x] = cairo_image_surface_get_format (surface) == CAIRO_FORMAT_A8
                                 ? row[x]
                                 : (guint8)((((const guint32 *)(const void *)row)[x] >> 8) & 0xff);
      }
  cairo_surface_destroy (surface);
  return gray;
}

/* A3 is the A4 page scaled by √2: the same content, larger. Rendered to the same pixels the
 * two pages nearly coincide. */
static void
test_a3_scales (Fixture *f, gconstpointer data)
{
  g_autofree char *a4 = NULL, *a3 = NULL;
  g_autofree guint8 *a4_px = NULL, *a3_px = NULL;
  double a4_w, a4_h, a3_w, a3_h;
  int w4, h4, w3, h3;
  guint a4_pages, a3_pages, dark = 0, differ = 0;

  if (!have_tools ())
    return;
  a4 = write_pdf (f, "a4.pdf", PHAEN_PAPER_A4, PHAEN_ORIENTATION_LANDSCAPE, FALSE, &a4_pages);
  a3 = write_pdf (f, "a3.pdf", PHAEN_PAPER_A3, PHAEN_ORIENTATION_LANDSCAPE, FALSE, &a3_pages);
  page_size (a4, &a4_w, &a4_h);
  page_size (a3, &a3_w, &a3_h);
  g_assert_cmpfloat (fabs (a4_w - 841.89), <, 1);
  g_assert_cmpfloat (fabs (a3_w - 1190.55), <, 1);
  g_assert_cmpfloat (fabs (a3_h - 841.89), <, 1);
  g_assert_cmpuint (a3_pages, ==, a4_pages);
  {
    PhaenPageSetup page;

    phaen_page_setup_init (&page, PHAEN_PAPER_A3);
    g_assert_cmpfloat (fabs (phaen_plan_document_get_scale (&page) - sqrt (2)), <, 0.01);
  }

  a4_px = render (a4, 1190, 842, &w4, &h4);
  a3_px = render (a3, 1190, 842, &w3, &h3);
  g_assert_cmpint (w4, ==, w3);
  g_assert_cmpint (h4, ==, h3);
  for (int y = 0; y < MIN (h4, h3); y++)
    for (int x = 0; x < MIN (w4, w3); x++)
      {
        gboolean d4 = a4_px[y * w4 + x] < 128, d3 = a3_px[y * w3 + x] < 128;

        dark += d3;
        differ += d4 != d3;
      }
  g_assert_cmpuint (dark, >, 2000);
  /* Edges of glyphs land on different pixels; the content is where it was. */
  g_assert_cmpfloat ((double)differ / dark, <, 0.2);
}

/* A row taller than a page continues on the next pages at line boundaries: every line is
 * printed once, under the repeated header. */
static void
test_tall_row (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) name = g_string_new (NULL);
  g_autoptr (PhaenActivity) activity = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  guint n_pages, found = 0, headers = 0;
  gint64 id;

  if (!have_tools ())
    return;
  /* Latin words break only at spaces: each step stays whole on its line. */
  g_string_append (name, "ขั้นตอนย่อย ");
  for (int i = 1; i <= 90; i++)
    g_string_append_printf (name, "step%03d of the long activity ", i);
  id = phaen_store_add_activity (f->store, f->plan, 0, -1, name->str, &error);
  g_assert_no_error (error);

  path = write_pdf (f, "tall.pdf", PHAEN_PAPER_A4, PHAEN_ORIENTATION_LANDSCAPE, FALSE, &n_pages);
  text = pdf_text (path);
  g_assert_cmpuint (n_pages, >=, 3);
  for (int i = 1; i <= 90; i++)
    {
      g_autofree char *step = g_strdup_printf ("step%03d", i);
      const char *at = strstr (text, step);

      found += at != NULL && strstr (at + 1, step) == NULL;
      if (at == NULL || strstr (at + 1, step) != NULL)
        g_test_message ("%s: %s", step, at == NULL ? "missing" : "twice");
    }
  g_assert_cmpuint (found, ==, 90);
  for (const char *p = text; (p = strstr (p, "ระยะเวลาในการดำเนินงาน")); p++)
    headers++;
  g_assert_cmpuint (headers, >=, 2);
  (void)id;
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/plan-document/content", Fixture, NULL, fixture_setup, test_content,
              fixture_teardown);
  g_test_add ("/plan-document/a3-scales", Fixture, NULL, fixture_setup, test_a3_scales,
              fixture_teardown);
  g_test_add ("/plan-document/tall-row", Fixture, NULL, fixture_setup, test_tall_row,
              fixture_teardown);
  return g_test_run ();
}
