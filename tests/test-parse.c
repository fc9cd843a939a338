/* test-parse.c — amounts, years and month marks as officers type them; clipboard tables
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <math.h>
#include <string.h>

#include "phaen-cell-table.h"
#include "phaen-error.h"
#include "phaen-model.h"
#include "phaen-parse.h"

/* ------------------------------------------------------------------ amounts */

static const struct
{
  const char *text;
  gboolean has_value;
  double value;
} amount_cases[] = {
  { "15000", TRUE, 15000 },
  { "15,000 บาท", TRUE, 15000 },
  { "15,000บาท", TRUE, 15000 },
  { "15,000.-", TRUE, 15000 },
  { "15,000.- บาท", TRUE, 15000 },
  { "๑๕,๐๐๐ บาท", TRUE, 15000 },
  { "1.5 ล้าน", TRUE, 1500000 },
  { "1.5ล้านบาท", TRUE, 1500000 },
  { "2 แสน", TRUE, 200000 },
  { "3 หมื่นบาท", TRUE, 30000 },
  { "4 พัน", TRUE, 4000 },
  { "1,234,567,890.50", TRUE, 1234567890.5 },
  { "14,760.005", TRUE, 14760.01 },
  { "\u00a0 500 บ.", TRUE, 500 },
  { "-", FALSE, NAN },
  { "", FALSE, NAN },
};

static const char *const bad_amounts[] = {
  "abc", "15,00 บาท", "ล้าน", "- ล้าน", "-5", "1.5 ล้าน ล้าน", "12 ดอลลาร์",
};

static void
test_amount (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (amount_cases); i++)
    {
      g_autoptr (GError) error = NULL;
      gboolean has_value = !amount_cases[i].has_value;
      double value = 0;

      g_test_message ("%s", amount_cases[i].text);
      g_assert_true (phaen_parse_amount (amount_cases[i].text, &has_value, &value, &error));
      g_assert_no_error (error);
      g_assert_cmpint (has_value, ==, amount_cases[i].has_value);
      if (has_value)
        g_assert_cmpfloat (value, ==, amount_cases[i].value);
      else
        g_assert_true (isnan (value));
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad_amounts); i++)
    {
      g_autoptr (GError) error = NULL;

      g_test_message ("%s", bad_amounts[i]);
      g_assert_false (phaen_parse_amount (bad_amounts[i], NULL, NULL, &error));
      g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID);
      /* The reason comes first, the typed text after it, so a cut message keeps the reason. */
      g_assert_false (g_str_has_prefix (error->message, "“"));
      g_assert_true (g_str_has_prefix (error->message, "ไม่ใช่จำนวนเงิน") ||
                     g_str_has_prefix (error->message, "จำนวนเงิน"));
    }
}

/* ------------------------------------------------------------------ years */

static void
test_year (void)
{
  static const struct
  {
    const char *text;
    int year;
    PhaenYearNote note;
  } cases[] = {
    { "2564", 2564, PHAEN_YEAR_AS_TYPED },      { "๒๕๖๔", 2564, PHAEN_YEAR_AS_TYPED },
    { "พ.ศ. 2568", 2568, PHAEN_YEAR_AS_TYPED }, { "ปีงบประมาณ 2569", 2569, PHAEN_YEAR_AS_TYPED },
    { "2021", 2564, PHAEN_YEAR_FROM_CE },       { " 2026 ", 2569, PHAEN_YEAR_FROM_CE },
    { "2700", 2700, PHAEN_YEAR_UNUSUAL },       { "2500", 2500, PHAEN_YEAR_UNUSUAL },
  };
  static const char *const bad[] = { "", "abc", "25", "12345", "3000", "2564.5", "-2564" };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      int year = 0;
      PhaenYearNote note = -1;

      g_test_message ("%s", cases[i].text);
      g_assert_true (phaen_parse_fiscal_year (cases[i].text, 2569, &year, &note, &error));
      g_assert_no_error (error);
      g_assert_cmpint (year, ==, cases[i].year);
      g_assert_cmpint (note, ==, cases[i].note);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      int year = 0;

      g_assert_false (phaen_parse_fiscal_year (bad[i], 2569, &year, NULL, &error));
      g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID);
      g_assert_false (g_str_has_prefix (error->message, "“"));
    }
}

/* ------------------------------------------------------------------ marks */

static void
test_marks (void)
{
  static const struct
  {
    const char *text;
    gboolean shaded;
    guint marks;
  } cases[] = {
    { "", FALSE, 0 },
    { "", TRUE, PHAEN_MARK_PLANNED },
    { "1", FALSE, PHAEN_MARK_PLANNED },
    { " x ", FALSE, PHAEN_MARK_PLANNED },
    { "X", FALSE, PHAEN_MARK_PLANNED },
    { "✓", FALSE, PHAEN_MARK_PLANNED },
    { "●", FALSE, PHAEN_MARK_START },
    { "○", TRUE, PHAEN_MARK_OUTPUT | PHAEN_MARK_PLANNED },
    { "■●○✔", FALSE, PHAEN_MARK_ALL },
  };
  g_autoptr (GError) error = NULL;
  guint marks = 0;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_true (phaen_parse_month_marks (cases[i].text, cases[i].shaded, &marks, NULL));
      g_assert_cmpuint (marks, ==, cases[i].marks);
    }
  for (guint m = 0; m <= PHAEN_MARK_ALL; m++)
    {
      g_autofree char *text = phaen_month_marks_to_text (m);

      g_assert_true (phaen_parse_month_marks (text, FALSE, &marks, NULL));
      g_assert_cmpuint (marks, ==, m);
    }
  g_assert_false (phaen_parse_month_marks ("ม.ค.", FALSE, &marks, &error));
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID);
}

/* ------------------------------------------------------------------ tables */

static void
assert_row (const PhaenCellTable *t, guint row, const char *const *texts)
{
  for (guint c = 0; texts[c]; c++)
    g_assert_cmpstr (phaen_cell_table_get_text (t, row, c), ==, texts[c]);
}

static void
test_tsv (void)
{
  g_autoptr (PhaenCellTable) t =
    phaen_cell_table_parse_tsv ("ก\tกพร.\t-\r\n\"สอง\nบรรทัด\"\t\"say \"\"hi\"\"\"\n\tx\t\n");
  g_autoptr (PhaenCellTable) back = NULL;
  g_autoptr (PhaenCellTable) empty = phaen_cell_table_parse_tsv ("");
  g_autofree char *tsv = NULL;

  g_assert_cmpuint (phaen_cell_table_get_n_rows (t), ==, 3);
  g_assert_cmpuint (phaen_cell_table_get_n_columns (t), ==, 3);
  assert_row (t, 0, (const char *const[]){ "ก", "กพร.", "-", NULL });
  assert_row (t, 1, (const char *const[]){ "สอง\nบรรทัด", "say \"hi\"", "", NULL });
  assert_row (t, 2, (const char *const[]){ "", "x", "", NULL });
  g_assert_cmpuint (phaen_cell_table_get_n_rows (empty), ==, 0);

  tsv = phaen_cell_table_to_tsv (t);
  back = phaen_cell_table_parse_tsv (tsv);
  g_assert_cmpuint (phaen_cell_table_get_n_rows (back), ==, 3);
  for (guint r = 0; r < 3; r++)
    for (guint c = 0; c < 3; c++)
      g_assert_cmpstr (phaen_cell_table_get_text (back, r, c), ==,
                       phaen_cell_table_get_text (t, r, c));
}

/* What LibreOffice Calc 7 puts on the clipboard as text/html (shortened). */
static const char libreoffice_html[] =
  "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.0 Transitional//EN\">\n<HTML><HEAD>"
  "<META HTTP-EQUIV=\"CONTENT-TYPE\" CONTENT=\"text/html; charset=utf-8\"></HEAD><BODY>\n"
  "<TABLE FRAME=VOID CELLSPACING=0 COLS=4 RULES=NONE BORDER=0>\n<COLGROUP><COL WIDTH=86>"
  "</COLGROUP>\n<TBODY>\n<TR>\n"
  "<TD WIDTH=86 HEIGHT=17 ALIGN=LEFT>ศึกษากรอบ &amp; วิเคราะห์</TD>\n"
  "<TD ROWSPAN=2 ALIGN=LEFT VALIGN=MIDDLE>กพร.</TD>\n"
  "<TD ALIGN=LEFT BGCOLOR=\"#729FCF\"><BR></TD>\n<TD ALIGN=LEFT BGCOLOR=\"#FFFFFF\">1</TD>\n"
  "</TR>\n<TR>\n<TD HEIGHT=17 ALIGN=LEFT>บรรทัด<BR>สอง</TD>\n"
  "<TD ALIGN=RIGHT SDVAL=\"15000\" SDNUM=\"1054;\">15,000</TD>\n<TD COLSPAN=1>&#3585;&#x0E02;</TD>"
  "</TR>\n</TBODY>\n</TABLE>\n</BODY>\n</HTML>\n";

/* What Excel puts on the clipboard: shading in the classes of a <style> block. */
static const char excel_html[] =
  "<html xmlns:o=\"urn:schemas-microsoft-com:office:office\">\n<head>\n<style>\n<!--table\n"
  "\t{mso-displayed-decimal-separator:\"\\.\";}\n.xl65\n\t{mso-style-parent:style0;\n"
  "\tbackground:#FFC000;\n\tmso-pattern:black none;}\n.xl66\n\t{mso-style-parent:style0;\n"
  "\tbackground:white;}\n-->\n</style>\n</head>\n<body link=\"#0563C1\">\n<!--StartFragment-->\n"
  "<table border=0 cellpadding=0 cellspacing=0 width=192>\n <tr height=20>\n"
  "  <td height=20 class=xl66 width=64>ติดตาม</td>\n  <td class=xl65 width=64>&nbsp;</td>\n"
  "  <td class=\"xl65\" style='border-left:none'>x</td>\n"
  "  <td style='background:#92D050'></td>\n </tr>\n<!--EndFragment-->\n</table>\n</body>\n</html>";

static void
test_html (void)
{
  g_autoptr (PhaenCellTable) lo = phaen_cell_table_parse_html (libreoffice_html);
  g_autoptr (PhaenCellTable) xl = phaen_cell_table_parse_html (excel_html);
  g_autoptr (PhaenCellTable) none = phaen_cell_table_parse_html ("<p>no table</p>");
  g_autoptr (PhaenCellTable) t = phaen_cell_table_new (1, 2);
  g_autoptr (PhaenCellTable) back = NULL;
  g_autofree char *html = NULL;

  g_assert_nonnull (lo);
  g_assert_cmpuint (phaen_cell_table_get_n_rows (lo), ==, 2);
  g_assert_cmpuint (phaen_cell_table_get_n_columns (lo), ==, 4);
  assert_row (lo, 0, (const char *const[]){ "ศึกษากรอบ & วิเคราะห์", "กพร.", "", "1", NULL });
  /* The owner merged down two rows lands in both. */
  assert_row (lo, 1, (const char *const[]){ "บรรทัด\nสอง", "กพร.", "15,000", "กข", NULL });
  g_assert_true (phaen_cell_table_get_shaded (lo, 0, 2));
  g_assert_false (phaen_cell_table_get_shaded (lo, 0, 3));
  g_assert_false (phaen_cell_table_get_shaded (lo, 0, 0));

  g_assert_nonnull (xl);
  g_assert_cmpuint (phaen_cell_table_get_n_rows (xl), ==, 1);
  assert_row (xl, 0, (const char *const[]){ "ติดตาม", "", "x", "", NULL });
  g_assert_false (phaen_cell_table_get_shaded (xl, 0, 0));
  g_assert_true (phaen_cell_table_get_shaded (xl, 0, 1));
  g_assert_true (phaen_cell_table_get_shaded (xl, 0, 2));
  g_assert_true (phaen_cell_table_get_shaded (xl, 0, 3));

  g_assert_null (none);

  phaen_cell_table_set (t, 0, 0, "a<b & \"c\"\nd", FALSE);
  phaen_cell_table_set (t, 0, 1, "", TRUE);
  html = phaen_cell_table_to_html (t);
  back = phaen_cell_table_parse_html (html);
  g_assert_cmpstr (phaen_cell_table_get_text (back, 0, 0), ==, "a<b & \"c\"\nd");
  g_assert_true (phaen_cell_table_get_shaded (back, 0, 1));
  g_assert_false (phaen_cell_table_get_shaded (back, 0, 0));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/parse/amount", test_amount);
  g_test_add_func ("/parse/year", test_year);
  g_test_add_func ("/parse/marks", test_marks);
  g_test_add_func ("/cell-table/tsv", test_tsv);
  g_test_add_func ("/cell-table/html", test_html);
  return g_test_run ();
}
