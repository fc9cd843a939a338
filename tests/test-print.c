/* test-print.c — the exported forms printed by LibreOffice and gnumeric, read back from the PDF,
 * and recalculated by both after a result is retyped
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "phaen-demo.h"
#include "phaen-error.h"
#include "phaen-pmqa-export.h"
#include "phaen-score.h"
#include "phaen-xlsx.h"
#include "test-util.h"
#include "test-xlsx-read.h"

/* Laksaman (TH Sarabun's stand-in) spans 1.3 em from its ascent to its descent: a word printed
 * at 15 pt is at least this high in pdftotext's boxes. */
#define MIN_WORD_HEIGHT (15.0 * 1.29)

typedef struct
{
  char *dir;
  PhaenStore *store;
  char *profile; /* LibreOffice's own user profile, recalculating on load */
} Fixture;

/* ------------------------------------------------------------------ helpers */

static char *
run (const char *const *argv, const char *cwd)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (cwd, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status,
                &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s\n%s", argv[0], error->message, err);
  return out;
}

static gboolean
have (const char *program)
{
  g_autofree char *path = g_find_program_in_path (program);

  return path != NULL;
}

/* Base letters only: pdftotext splits Thai words where a mark is drawn apart and orders the marks
 * its own way, so marks, spaces and newlines are left out of the comparison. */
static char *
letters (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_ismark (c) || c == 0x0E31 ||
          (c >= 0x0E34 && c <= 0x0E3A) || (c >= 0x0E47 && c <= 0x0E4E) || c == 0x0E33)
        continue;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static GPtrArray *
pdf_pages (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-raw", pdf, "-", NULL };
  g_autofree char *text = run (argv, NULL);
  g_auto (GStrv) pages = g_strsplit (text, "\f", -1);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; pages[i] != NULL; i++)
    if (pages[i + 1] != NULL || *g_strstrip (pages[i]) != '\0')
      g_ptr_array_add (out, g_strdup (pages[i]));
  return out;
}

/* The height of the words of @pdf in pdftotext's boxes, the most common one (the body text). */
static double
common_word_height (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-bbox", pdf, "-", NULL };
  g_autofree char *html = run (argv, NULL);
  g_autoptr (GRegex) word = g_regex_new ("<word xMin=\"[0-9.]+\" yMin=\"([0-9.]+)\" "
                                         "xMax=\"[0-9.]+\" yMax=\"([0-9.]+)\"",
                                         0, 0, NULL);
  g_autoptr (GMatchInfo) match = NULL;
  g_autoptr (GHashTable) counts = g_hash_table_new (g_direct_hash, g_direct_equal);
  guint best = 0, best_count = 0;

  g_regex_match (word, html, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *top = g_match_info_fetch (match, 1);
      g_autofree char *bottom = g_match_info_fetch (match, 2);
      guint tenths = (guint)((g_ascii_strtod (bottom, NULL) - g_ascii_strtod (top, NULL)) * 10);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, GUINT_TO_POINTER (tenths))) + 1;

      g_hash_table_insert (counts, GUINT_TO_POINTER (tenths), GUINT_TO_POINTER (n));
      if (n > best_count)
        best = tenths, best_count = n;
    }
  return best / 10.0;
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "..", "data", "sample", NULL);
  g_autofree char *xcu = NULL;
  g_autofree char *user = NULL;

  f->store = test_workspace_new ("sample.phaen", &f->dir);
  phaen_demo_load_dir (f->store, sample, &error);
  g_assert_no_error (error);

  /* A profile of our own (never the user's), set to recalculate every formula on load: what a
   * user who retypes a result sees. */
  f->profile = g_build_filename (f->dir, "lo-profile", NULL);
  user = g_build_filename (f->profile, "user", NULL);
  g_assert_cmpint (g_mkdir_with_parents (user, 0700), ==, 0);
  xcu = g_build_filename (user, "registrymodifications.xcu", NULL);
  g_assert_true (g_file_set_contents (
    xcu,
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<oor:items xmlns:oor=\"http://openoffice.org/2001/registry\" "
    "xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" "
    "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
    "<item oor:path=\"/org.openoffice.Office.Calc/Formula/Load\">"
    "<prop oor:name=\"OOXMLRecalcMode\" oor:op=\"fuse\"><value>0</value></prop></item>\n"
    "</oor:items>\n",
    -1, NULL));
}

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_assert_cmpint (g_remove (child), ==, 0);
    }
  g_assert_cmpint (g_rmdir (path), ==, 0);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  const char *folders[] = { "lo-profile", "lo", "gnumeric", "unpacked" };

  /* test_workspace_close() removes files only. */
  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, folders[i], NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_tree (path);
    }
  test_workspace_close (&f->store, &f->dir);
  g_free (f->profile);
}

static char *export(
  Fixture *f, PhaenXlsxForm form, const char *unit, const char *name, gboolean thai)
{
  g_autoptr (GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);
  PhaenXlsxOptions options;

  phaen_xlsx_options_init (&options, form);
  options.unit = unit;
  options.thai_digits = thai;
  g_assert_true (phaen_xlsx_export (f->store, &options, path, &error));
  g_assert_no_error (error);
  return path;
}

/* Converts @files with one LibreOffice run (each start costs seconds) into @format in @dir. */
static void
soffice (Fixture *f, const char *format, GPtrArray *files, const char *dir)
{
  g_autofree char *profile = g_filename_to_uri (f->profile, NULL, NULL);
  g_autofree char *env = g_strconcat ("-env:UserInstallation=", profile, NULL);
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;

  g_ptr_array_add (argv, (char *)"soffice");
  g_ptr_array_add (argv, env);
  g_ptr_array_add (argv, (char *)"--headless");
  g_ptr_array_add (argv, (char *)"--norestore");
  g_ptr_array_add (argv, (char *)"--convert-to");
  g_ptr_array_add (argv, (char *)format);
  g_ptr_array_add (argv, (char *)"--outdir");
  g_ptr_array_add (argv, (char *)dir);
  for (guint i = 0; i < files->len; i++)
    g_ptr_array_add (argv, g_ptr_array_index (files, i));
  g_ptr_array_add (argv, NULL);
  out = run ((const char *const *)argv->pdata, NULL);
}

static char *
with_extension (const char *dir, const char *path, const char *extension)
{
  g_autofree char *base = g_path_get_basename (path);
  char *dot = strrchr (base, '.');

  *dot = '\0';
  return g_strdup_printf ("%s/%s.%s", dir, base, extension);
}

static char *
unbroken (const char *text)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);

  return g_strjoinv ("", lines);
}

/* Every text of @xlsx but @absent is printed on some page of @pdf, at 15 pt or more, @absent
 * none, no number as ###, and the pages after the first with @header carry it up to the one
 * with @until (a repeated table header). */
static void
assert_printed (const char *xlsx,
                const char *pdf,
                const char *header,
                const char *until,
                const char *const *absent,
                gboolean every_text)
{
  g_autofree char *base = g_path_get_basename (pdf);
  g_autoptr (GPtrArray) strings = read_strings (xlsx) /* every text of the workbook */;
  g_autoptr (GPtrArray) pages = pdf_pages (pdf);
  g_autoptr (GString) all = g_string_new (NULL);
  g_autofree char *header_letters = letters (header ? header : "");
  g_autofree char *until_letters = until ? letters (until) : NULL;
  gboolean seen = FALSE, done = FALSE;

  g_assert_cmpuint (pages->len, >, 0);
  for (guint p = 0; p < pages->len; p++)
    {
      g_autofree char *page = letters (g_ptr_array_index (pages, p));
      gboolean has = strstr (page, header_letters) != NULL;

      g_string_append (all, page);
      /* A number wider than its column prints as ###. */
      if (strstr (g_ptr_array_index (pages, p), "###") != NULL)
        g_error ("%s: page %u of %u shows ###", pdf, p + 1, pages->len);
      if (seen && !done && !has && header != NULL)
        g_error ("%s: page %u of %u has no “%s”", pdf, p + 1, pages->len, header);
      seen |= has || header == NULL;
      done |= until_letters != NULL && strstr (page, until_letters) != NULL;
    }
  g_assert_true (seen);
  /* A text broken over lines (a header) is laid out line by line among its neighbours. */
  for (guint i = 0; every_text && i < strings->len; i++)
    {
      g_auto (GStrv) lines = g_strsplit (g_ptr_array_index (strings, i), "\n", -1);
      g_autofree char *whole = unbroken (g_ptr_array_index (strings, i));

      if (absent != NULL && g_strv_contains (absent, whole))
        {
          g_autofree char *want = letters (whole);

          if (strstr (all->str, want) != NULL)
            g_error ("%s: “%s” is printed", pdf, whole);
          continue;
        }
      for (guint l = 0; lines[l] != NULL; l++)
        {
          g_autofree char *want = letters (lines[l]);

          if (*want != '\0' && strstr (all->str, want) == NULL)
            g_error ("%s: “%s” is not printed", pdf, lines[l]);
        }
    }
  g_assert_cmpfloat (common_word_height (pdf), >=, MIN_WORD_HEIGHT);
}

/* @number is on a page of @pdf, and no Arabic digit is (the texts carry Thai digits too). */
static void
assert_number_shown (const char *pdf, const char *number)
{
  g_autoptr (GPtrArray) pages = pdf_pages (pdf);
  gboolean found = FALSE;

  for (guint p = 0; p < pages->len; p++)
    {
      const char *page = g_ptr_array_index (pages, p);
      g_autofree char *footer = g_strdup_printf ("%u / %u", p + 1, pages->len);
      g_autoptr (GString) body = g_string_new (page);

      /* The page footer is the spreadsheet's own, in Arabic digits. */
      g_string_replace (body, footer, "", 0);
      found |= strstr (page, number) != NULL;
      for (const char *c = body->str; *c; c++)
        if (g_ascii_isdigit (*c))
          g_error ("%s: page %u shows Arabic digits: %s", pdf, p + 1, body->str);
    }
  g_assert_true (found);
}

/* ------------------------------------------------------------------ tests */

/* The folders LibreOffice and gnumeric print into; FALSE (the test skipped) when either office
 * suite is missing. */
static gboolean
make_print_dirs (const char *lo, const char *gn)
{
  if (!have ("soffice") || !have ("ssconvert"))
    {
      g_test_skip ("LibreOffice (libreoffice-calc-nogui) or gnumeric is not installed");
      return FALSE;
    }
  g_assert_cmpint (g_mkdir_with_parents (lo, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (gn, 0700), ==, 0);
  return TRUE;
}

/* Each form of the sample, printed by LibreOffice (one run for all) and by gnumeric. */
static void
test_print (Fixture *f, gconstpointer data)
{
  const struct
  {
    PhaenXlsxForm form;
    const char *unit;
    const char *name;
    gboolean thai;
    const char *header; /* repeated on every page from its first */
    const char *until;  /* the page after which the header may stop */
    const char *number; /* a number cell as the page must show it */
  } forms[] = {
    { PHAEN_XLSX_FORM_PLAN, "กพร.", "plan-kpr.xlsx", FALSE, "ระยะเวลาในการดำเนินงาน",
      "ผลที่คาดว่าจะได้รับ" },
    { PHAEN_XLSX_FORM_PLAN, "สตป.", "plan-stp.xlsx", TRUE, "ระยะเวลาในการดำเนินงาน",
      "ผลที่คาดว่าจะได้รับ" },
    { PHAEN_XLSX_FORM_INDICATOR, "สตป.", "indicator-stp.xlsx", FALSE, "รายงานผลการดำเนินงาน",
      "รายงานผลการดำเนินงาน" },
    { PHAEN_XLSX_FORM_INDICATOR, "กพร.", "indicator-kpr.xlsx", FALSE, "รายงานผลการดำเนินงาน",
      "รายงานผลการดำเนินงาน" },
    /* The header heads the table's pages, up to its totals row. */
    { PHAEN_XLSX_FORM_SUMMARY, "สตป.", "summary-stp.xlsx", FALSE, "ตัวชี้วัด", "รวม" },
    /* … up to its two footer rows; the rounds table under it has a header of its own. */
    { PHAEN_XLSX_FORM_EFFICIENCY, "บค.", "efficiency-led.xlsx", FALSE, "เรื่องที่ดำเนินการ",
      "ผลผลิตที่ดำเนินการได้ตามแผน" },
    /* Thai digits through the number format: round 1's 100.00 % and the "-" of a month without
     * outputs, in both office suites. */
    { PHAEN_XLSX_FORM_EFFICIENCY, "บค.", "efficiency-led-thai.xlsx", TRUE, "เรื่องที่ดำเนินการ",
      "ผลผลิตที่ดำเนินการได้ตามแผน", "๑๐๐.๐๐" },
    { PHAEN_XLSX_FORM_PMQA7, "สป.กค.", "pmqa7.xlsx", FALSE, "ค่าเป้าหมายปีล่าสุด",
      "คะแนนเฉลี่ยรวมหมวด 7" },
  };
  /* PMQA 7: the chosen and suggested scores stand beside the official table, unprinted. */
  const char *const beside[] = { "คะแนนที่เลือก", "คะแนนตามร้อยละ", NULL };
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *lo = g_build_filename (f->dir, "lo", NULL);
  g_autofree char *gn = g_build_filename (f->dir, "gnumeric", NULL);

  if (!make_print_dirs (lo, gn))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    g_ptr_array_add (files, export(f, forms[i].form, forms[i].unit, forms[i].name, forms[i].thai));
  soffice (f, "pdf", files, lo);

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      const char *xlsx = g_ptr_array_index (files, i);
      g_autofree char *lo_pdf = with_extension (lo, xlsx, "pdf");
      g_autofree char *gn_pdf = with_extension (gn, xlsx, "pdf");
      const char *argv[] = { "ssconvert", xlsx, gn_pdf, NULL };
      g_autofree char *out = NULL;

      g_test_message ("%s", forms[i].name);
      assert_printed (xlsx, lo_pdf, forms[i].header, forms[i].until, beside, TRUE);
      if (forms[i].number != NULL)
        assert_number_shown (lo_pdf, forms[i].number);
      out = run (argv, NULL);
      /* gnumeric prints every text of the form too, at 15 pt or more, with the cells beside
       * PMQA 7's table outside its print area, and the header on every page: it takes no print
       * titles and no page break from an XLSX, so the form carries a copy of its header at the
       * top of each page, and fills each page to where gnumeric breaks it. */
      assert_printed (xlsx, gn_pdf, forms[i].header, forms[i].until, beside, TRUE);
      if (forms[i].number != NULL)
        assert_number_shown (gn_pdf, forms[i].number);
    }
}

/* A workbook of every form of a unit, landscape and portrait sheets together, and the PMQA 4.0
 * application's workbook (categories 1–6): gnumeric lays every sheet out on the first sheet's
 * page, and the pages are chosen so that it breaks them where LibreOffice does. Page by page,
 * both print the same text; only the chart's labels are drawn a little differently. The
 * application prints every text at 16 pt, with its header on every page. */
static void
test_workbook (Fixture *f, gconstpointer data)
{
  const char *const units[] = { "กพร.", "สตป." };
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenUnit) ministry = phaen_store_find_unit (f->store, "สป.กค.", &error);
  g_autoptr (PhaenPmqaApplication) application = NULL;
  g_autofree char *chart = letters ("คะแนนถ่วงน้ำหนักรวมรายไตรมาส");
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *lo = g_build_filename (f->dir, "lo", NULL);
  g_autofree char *gn = g_build_filename (f->dir, "gnumeric", NULL);
  g_autofree char *pmqa = g_build_filename (f->dir, "pmqa.xlsx", NULL);

  if (!make_print_dirs (lo, gn))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      g_autofree char *name = g_strdup_printf ("all-%u.xlsx", i);

      g_ptr_array_add (files, export(f, PHAEN_XLSX_FORM_ALL, units[i], name, FALSE));
    }
  g_assert_no_error (error);
  application = phaen_pmqa_application_build (f->store, ministry->id, 2567, &error);
  g_assert_no_error (error);
  g_assert_true (phaen_pmqa_write_xlsx (application, pmqa, &error));
  g_assert_no_error (error);
  g_ptr_array_add (files, g_strdup (pmqa));
  soffice (f, "pdf", files, lo);
  for (guint i = 0; i < files->len; i++)
    {
      const char *xlsx = g_ptr_array_index (files, i);
      g_autofree char *lo_pdf = with_extension (lo, xlsx, "pdf");
      g_autofree char *gn_pdf = with_extension (gn, xlsx, "pdf");
      const char *argv[] = { "ssconvert", xlsx, gn_pdf, NULL };
      g_autofree char *out = run (argv, NULL);
      g_autoptr (GPtrArray) lo_pages = pdf_pages (lo_pdf);
      g_autoptr (GPtrArray) gn_pages = pdf_pages (gn_pdf);

      g_test_message ("%s", xlsx);
      g_assert_cmpuint (lo_pages->len, >, 4);
      g_assert_cmpuint (gn_pages->len, ==, lo_pages->len);
      for (guint p = 0; p < lo_pages->len; p++)
        {
          g_autofree char *lo_text = letters (g_ptr_array_index (lo_pages, p));
          g_autofree char *gn_text = letters (g_ptr_array_index (gn_pages, p));

          if (strstr (lo_text, chart) == NULL)
            g_assert_cmpuint (g_utf8_strlen (gn_text, -1), ==, g_utf8_strlen (lo_text, -1));
        }
    }
  {
    g_autofree char *lo_pdf = with_extension (lo, pmqa, "pdf");
    g_autofree char *gn_pdf = with_extension (gn, pmqa, "pdf");

    assert_printed (pmqa, lo_pdf, "ประเด็น", NULL, NULL, TRUE);
    assert_printed (pmqa, gn_pdf, "ประเด็น", NULL, NULL, TRUE);
  }
}

/* A result retyped in the exported form, recalculated by LibreOffice and by gnumeric: the score
 * formulas give what the engine gives (a range at its upper end, issue #15). */
static void
test_recalculate (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenCriteriaVersion) version = phaen_criteria_version_new ();
  g_autoptr (GPtrArray) units = NULL;
  g_autofree char *xlsx = NULL, *unpacked = NULL, *strings_path = NULL, *strings = NULL;
  g_autofree char *edited = g_build_filename (f->dir, "edited.xlsx", NULL);
  g_autofree char *lo = g_build_filename (f->dir, "lo", NULL);
  g_autofree char *sheet_xml = NULL, *score_ref = NULL;
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GRegex) label = NULL;
  g_autoptr (GMatchInfo) match = NULL;
  gint64 unit = 0, id;

  if (!have ("soffice") || !have ("ssconvert") || !have ("zip"))
    {
      g_test_skip ("LibreOffice, gnumeric or zip is not installed");
      return;
    }

  /* Seed 002's second indicator, reported 1 / 2 / 3 / 4-5, with a code to export it by. */
  units = phaen_store_list_units (f->store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < units->len; i++)
    if (g_str_equal (((PhaenUnit *)g_ptr_array_index (units, i))->abbr, "สตป."))
      unit = ((PhaenUnit *)g_ptr_array_index (units, i))->id;
  id = phaen_store_add_indicator (f->store, unit, 2564, "สตป. 99", "ระดับความสำเร็จ", &error);
  g_assert_no_error (error);
  {
    g_autoptr (PhaenIndicator) indicator = phaen_store_get_indicator (f->store, id, &error);

    indicator->scoring = PHAEN_SCORING_MILESTONE;
    indicator->weight = 20;
    phaen_store_update_indicator (f->store, indicator, &error);
    g_assert_no_error (error);
  }
  for (int level = 1; level <= PHAEN_LEVELS; level++)
    {
      PhaenCriterion *item = g_new0 (PhaenCriterion, 1);

      item->level = level;
      item->description = g_strdup_printf ("ขั้นที่ %d", level);
      g_ptr_array_add (version->items, item);
    }
  phaen_store_add_criteria_version (f->store, id, version, &error);
  g_assert_no_error (error);
  phaen_store_set_result (f->store, id, 4, "4-5", "รายละเอียด", "", &error);
  g_assert_no_error (error);

  {
    PhaenXlsxOptions options;

    xlsx = g_build_filename (f->dir, "levels.xlsx", NULL);
    phaen_xlsx_options_init (&options, PHAEN_XLSX_FORM_INDICATOR);
    options.unit = "สตป.";
    options.indicator_code = "สตป. 99";
    g_assert_true (phaen_xlsx_export (f->store, &options, xlsx, &error));
    g_assert_no_error (error);
  }

  /* Where ไตรมาสที่ 4's score is: the cell of column E scoring a level (its formula tests the
   * level read from the result against 0..5). */
  unpacked = g_build_filename (f->dir, "unpacked", NULL);
  {
    const char *argv[] = { "unzip", "-q", "-o", xlsx, "-d", unpacked, NULL };
    g_autofree char *out = run (argv, NULL);
    g_autofree char *sheet_path =
      g_build_filename (unpacked, "xl", "worksheets", "sheet1.xml", NULL);

    g_assert_true (g_file_get_contents (sheet_path, &sheet_xml, NULL, NULL));
    label =
      g_regex_new ("<c r=\"(E[0-9]+)\"[^>]*><f>IF\\(E[0-9]+=\"\",\"\",IF\\(AND\\(", 0, 0, NULL);
    g_assert_true (g_regex_match (label, sheet_xml, 0, &match));
    score_ref = g_match_info_fetch (match, 1);
  }

  /* The unit retypes "4-5" as "3-4". */
  strings_path = g_build_filename (unpacked, "xl", "sharedStrings.xml", NULL);
  g_assert_true (g_file_get_contents (strings_path, &strings, NULL, NULL));
  g_assert_nonnull (strstr (strings, "<t>4-5</t>"));
  {
    g_autoptr (GString) changed = g_string_new (strings);
    const char *argv[] = { "zip",   "-q",       "-r", "-X", edited, "[Content_Types].xml",
                           "_rels", "docProps", "xl", NULL };
    g_autofree char *out = NULL;

    g_string_replace (changed, "<t>4-5</t>", "<t>3-4</t>", 0);
    g_assert_true (g_file_set_contents (strings_path, changed->str, -1, NULL));
    out = run (argv, unpacked);
  }

  /* Both office suites recalculate and save: the score they computed is 4. */
  g_assert_cmpint (g_mkdir_with_parents (lo, 0700), ==, 0);
  g_ptr_array_add (files, g_strdup (edited));
  soffice (f, "xlsx", files, lo);
  {
    g_autofree char *gnumeric = g_build_filename (f->dir, "gnumeric.xlsx", NULL);
    const char *argv[] = { "ssconvert", "--recalc", edited, gnumeric, NULL };
    g_autofree char *out = run (argv, NULL);
    g_autofree char *lo_out = g_build_filename (lo, "edited.xlsx", NULL);
    const char *outputs[] = { lo_out, gnumeric };

    for (guint i = 0; i < G_N_ELEMENTS (outputs); i++)
      {
        const char *unzip[] = { "unzip", "-p", outputs[i], "xl/worksheets/sheet1.xml", NULL };
        g_autofree char *xml = run (unzip, NULL);
        g_autofree char *pattern = g_strdup_printf (
          "<c r=\"%s\"[^>]*>\\s*(?:<f[^>]*>[^<]*</f>\\s*)?<v>([^<]*)</v>", score_ref);
        g_autoptr (GRegex) cell = g_regex_new (pattern, 0, 0, NULL);
        g_autoptr (GMatchInfo) found = NULL;
        g_autofree char *value = NULL;

        g_test_message ("%s", outputs[i]);
        g_assert_true (g_regex_match (cell, xml, 0, &found));
        value = g_match_info_fetch (found, 1);
        g_assert_cmpfloat (g_ascii_strtod (value, NULL), ==, 4);
      }
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/print/forms", test_print);
  ADD ("/print/workbook", test_workbook);
  ADD ("/print/recalculate", test_recalculate);
#undef ADD
  return g_test_run ();
}
