/* test-import.c — reading CSV/TSV and XLSX tables, importing units and plans, and managing a
 * workspace: rename, merge, delete, duplicate into the next year, each undone
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <string.h>
#include <xlsxwriter.h>

#include "phaen-csv-reader.h"
#include "phaen-demo.h"
#include "phaen-error.h"
#include "phaen-plan-import.h"
#include "phaen-unit-import.h"
#include "phaen-xlsx-reader.h"
#include "phaen-xlsx.h"
#include "test-util.h"

/* ------------------------------------------------------------------ helpers */

static const char *
cell (const PhaenTable *table, guint row, guint column)
{
  g_assert_cmpuint (row, <, table->rows->len);
  return phaen_table_row_text (g_ptr_array_index (table->rows, row), column);
}

static gboolean
filled (const PhaenTable *table, guint row, guint column)
{
  return phaen_table_row_filled (g_ptr_array_index (table->rows, row), column);
}

static PhaenTable *
csv (const char *text, GError **error)
{
  return phaen_csv_read (text, strlen (text), "t.csv", error);
}

static PhaenStore *
sample_new (char **dir)
{
  g_autoptr (GError) error = NULL;
  PhaenStore *store = test_workspace_new ("sample.phaen", dir);
  g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "..", "data", "sample", NULL);

  phaen_demo_load_dir (store, sample, &error);
  g_assert_no_error (error);
  phaen_store_clear_history (store);
  return store;
}

static gint64
unit_id (PhaenStore *store, const char *abbr)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenUnit) unit = phaen_store_find_unit (store, abbr, &error);

  g_assert_no_error (error);
  return unit->id;
}

static gint64
only_plan (PhaenStore *store, gint64 unit, int year)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) plans = phaen_store_list_plans (store, unit, year, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (plans->len, ==, 1);
  return ((PhaenPlan *)g_ptr_array_index (plans, 0))->id;
}

static void
stats (PhaenStore *store, PhaenStoreStats *out)
{
  g_autoptr (GError) error = NULL;

  phaen_store_get_stats (store, out, &error);
  g_assert_no_error (error);
}

static void
assert_same_stats (const PhaenStoreStats *a, const PhaenStoreStats *b)
{
  g_assert_cmpmem (a, sizeof *a, b, sizeof *b);
}

static void
undo_redo (PhaenStore *store)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (phaen_store_undo (store, &error));
  g_assert_no_error (error);
}

/* ------------------------------------------------------------------ CSV */

static void
test_csv_quotes_bom (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenTable) table = csv ("\xEF\xBB\xBF"
                                      "ชื่อย่อ,ชื่อ\r\n"
                                      "สลก.,\"สำนักงานเลขานุการกรม, \"\"ทดสอบ\"\"\"\r\n"
                                      "\"กจ.\",\"สองบรรทัด\nบรรทัดที่สอง\"\r\n"
                                      ",  ว่างหน้า  \r\n"
                                      "กค.",
                                      &error);

  g_assert_no_error (error);
  g_assert_cmpuint (table->rows->len, ==, 5);
  g_assert_cmpstr (cell (table, 0, 0), ==, "ชื่อย่อ");
  g_assert_cmpstr (cell (table, 1, 1), ==, "สำนักงานเลขานุการกรม, \"ทดสอบ\"");
  g_assert_cmpstr (cell (table, 2, 1), ==, "สองบรรทัด\nบรรทัดที่สอง");
  g_assert_cmpstr (cell (table, 3, 0), ==, "");
  g_assert_cmpstr (cell (table, 3, 1), ==, "ว่างหน้า");
  g_assert_cmpstr (cell (table, 4, 0), ==, "กค.");
  /* The row after the quoted line break keeps the number the user sees in a text editor. */
  g_assert_cmpuint (((PhaenTableRow *)g_ptr_array_index (table->rows, 3))->number, ==, 5);
  g_assert_cmpuint (table->n_columns, ==, 2);
}

static void
test_csv_separators (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenTable) tsv = csv ("a\tb,c\tง\n1\t2\t3\n", &error);
  g_autoptr (PhaenTable) semi = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (cell (tsv, 0, 1), ==, "b,c");
  g_assert_cmpstr (cell (tsv, 0, 2), ==, "ง");
  g_assert_cmpstr (cell (tsv, 1, 2), ==, "3");
  semi = csv ("a;b;c\n", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cell (semi, 0, 2), ==, "c");
}

static void
test_csv_encodings (void)
{
  /* "กพร." in Windows-874 (TIS-620): ก = 0xA1, พ = 0xBE, ร = 0xC3 */
  const char cp874[] = "abbr\n\xA1\xBE\xC3.\n";
  const char utf16[] = "\xFF\xFE"
                       "a\0\t\0"
                       "b\0\n\0";
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenTable) thai = phaen_csv_read (cp874, sizeof cp874 - 1, "t.csv", &error);
  g_autoptr (PhaenTable) wide = NULL;
  g_autoptr (PhaenTable) broken = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (cell (thai, 1, 0), ==, "กพร.");
  wide = phaen_csv_read (utf16, sizeof utf16 - 1, "t.txt", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cell (wide, 0, 1), ==, "b");
  broken = csv ("a,\"never closed\n", &error);
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID);
  g_assert_null (broken);
  g_assert_nonnull (strstr (error->message, "row 1"));
}

/* ------------------------------------------------------------------ XLSX */

/* A generic sheet as another program writes it: a title row, a two-row header with a merged
 * group, shaded cells, numbers, a merged owner column, a second sheet. */
static char *
write_generic_xlsx (const char *dir)
{
  char *path = g_build_filename (dir, "generic.xlsx", NULL);
  lxw_workbook *book = workbook_new (path);
  lxw_worksheet *sheet = workbook_add_worksheet (book, "แผน");
  lxw_worksheet *other = workbook_add_worksheet (book, "อื่น");
  lxw_format *shade = workbook_add_format (book);
  lxw_format *white = workbook_add_format (book);

  format_set_pattern (shade, LXW_PATTERN_SOLID);
  format_set_bg_color (shade, 0xC0C0C0);
  format_set_pattern (white, LXW_PATTERN_SOLID);
  format_set_bg_color (white, 0xFFFFFF);
  worksheet_write_string (sheet, 0, 0, "แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. ๒๕๖๖", NULL);
  worksheet_merge_range (sheet, 2, 0, 3, 0, "กิจกรรม", NULL);
  worksheet_merge_range (sheet, 2, 1, 2, 3, "ระยะเวลา", NULL);
  worksheet_write_string (sheet, 3, 1, "ต.ค.65", NULL);
  worksheet_write_string (sheet, 3, 2, "พฤศจิกายน 2565", NULL);
  worksheet_write_string (sheet, 3, 3, "Dec", NULL);
  worksheet_merge_range (sheet, 2, 4, 3, 4, "งบประมาณ (บาท)", NULL);
  worksheet_merge_range (sheet, 2, 5, 3, 5, "ผู้รับผิดชอบ", NULL);
  worksheet_write_string (sheet, 4, 0, "1. สำรวจ", NULL);
  worksheet_write_blank (sheet, 4, 1, shade);
  worksheet_write_blank (sheet, 4, 2, white);
  worksheet_write_number (sheet, 4, 4, 14760.5, NULL);
  worksheet_write_string (sheet, 5, 0, "1.1. ย่อย", NULL);
  worksheet_write_string (sheet, 5, 3, "✓", NULL);
  worksheet_write_string (sheet, 5, 4, "-", NULL);
  worksheet_merge_range (sheet, 4, 5, 6, 5, "กพร.", NULL);
  worksheet_write_string (sheet, 6, 0, "2. สรุป", NULL);
  worksheet_write_string (sheet, 6, 4, "สองหมื่น", NULL);
  worksheet_write_boolean (other, 0, 0, 1, NULL);
  g_assert_cmpint (workbook_close (book), ==, LXW_NO_ERROR);
  return path;
}

static void
test_xlsx_generic (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("phaen-import-XXXXXX", NULL);
  g_autofree char *path = write_generic_xlsx (dir);
  g_autoptr (PhaenTable) table = phaen_table_read_file (path, 0, &error);
  g_autoptr (PhaenTable) second = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  g_auto (GStrv) names = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (table->name, ==, "แผน");
  g_assert_cmpstr (cell (table, 0, 0), ==, "แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. ๒๕๖๖");
  g_assert_cmpstr (cell (table, 1, 0), ==, "");
  /* A merged range repeats its text. */
  g_assert_cmpstr (cell (table, 3, 0), ==, "กิจกรรม");
  g_assert_cmpstr (cell (table, 2, 3), ==, "ระยะเวลา");
  g_assert_cmpstr (cell (table, 6, 5), ==, "กพร.");
  g_assert_cmpstr (cell (table, 4, 4), ==, "14760.5");
  g_assert_true (filled (table, 4, 1));
  g_assert_false (filled (table, 4, 2)); /* white is no colour */
  g_assert_false (filled (table, 4, 3));

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  names = phaen_xlsx_sheet_names ((const guint8 *)contents, length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (names), ==, 2);
  g_assert_cmpstr (names[1], ==, "อื่น");
  second = phaen_xlsx_read ((const guint8 *)contents, length, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cell (second, 0, 0), ==, "TRUE");
  g_clear_pointer (&second, phaen_table_free);
  second = phaen_xlsx_read ((const guint8 *)contents, length, 2, &error);
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_NOT_FOUND);
  g_assert_null (second);

  g_unlink (path);
  g_rmdir (dir);
}

/* A zip written by hand: stored (uncompressed) entries whose directory may claim any size. */
static void
put16 (GByteArray *out, guint v)
{
  guint8 b[2] = { v & 0xff, (v >> 8) & 0xff };

  g_byte_array_append (out, b, 2);
}

static void
put32 (GByteArray *out, guint32 v)
{
  put16 (out, v & 0xffff);
  put16 (out, v >> 16);
}

typedef struct
{
  const char *name;
  const char *data;
  guint32 claimed; /* uncompressed size the zip states; 0: the real one */
} ZipEntry;

static guint32
crc32_of (const char *data, gsize length)
{
  guint32 crc = 0xFFFFFFFF;

  for (gsize i = 0; i < length; i++)
    {
      crc ^= (guint8)data[i];
      for (int k = 0; k < 8; k++)
        crc = (crc >> 1) ^ (0xEDB88320 & -(crc & 1));
    }
  return ~crc;
}

static GBytes *
make_zip (const ZipEntry *entries, guint n)
{
  GByteArray *out = g_byte_array_new ();
  g_autoptr (GByteArray) directory = g_byte_array_new ();
  guint32 directory_start;

  for (guint i = 0; i < n; i++)
    {
      guint32 offset = out->len, size = strlen (entries[i].data);
      guint32 claimed = entries[i].claimed ? entries[i].claimed : size;
      guint32 crc = crc32_of (entries[i].data, size);
      guint name_length = strlen (entries[i].name);

      put32 (out, 0x04034b50);
      put16 (out, 20);
      put16 (out, 0);
      put16 (out, 0); /* stored */
      put16 (out, 0);
      put16 (out, 0);
      put32 (out, crc);
      put32 (out, size);
      put32 (out, claimed);
      put16 (out, name_length);
      put16 (out, 0);
      g_byte_array_append (out, (const guint8 *)entries[i].name, name_length);
      g_byte_array_append (out, (const guint8 *)entries[i].data, size);

      put32 (directory, 0x02014b50);
      put16 (directory, 20);
      put16 (directory, 20);
      put16 (directory, 0);
      put16 (directory, 0);
      put16 (directory, 0);
      put16 (directory, 0);
      put32 (directory, crc);
      put32 (directory, size);
      put32 (directory, claimed);
      put16 (directory, name_length);
      put16 (directory, 0);
      put16 (directory, 0);
      put16 (directory, 0);
      put16 (directory, 0);
      put32 (directory, 0);
      put32 (directory, offset);
      g_byte_array_append (directory, (const guint8 *)entries[i].name, name_length);
    }
  directory_start = out->len;
  g_byte_array_append (out, directory->data, directory->len);
  put32 (out, 0x06054b50);
  put16 (out, 0);
  put16 (out, 0);
  put16 (out, n);
  put16 (out, n);
  put32 (out, directory->len);
  put32 (out, directory_start);
  put16 (out, 0);
  return g_byte_array_free_to_bytes (out);
}

#define WORKBOOK                                                                                   \
  "<workbook xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"     \
  "<sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
#define SHEET                                                                                      \
  "<worksheet><sheetData><row r=\"2\"><c r=\"B2\" "                                                \
  "t=\"inlineStr\"><is><t>ก</t></is></c></row></sheetData></worksheet>"

static void
test_xlsx_hostile (void)
{
  const ZipEntry good[] = { { "xl/workbook.xml", WORKBOOK, 0 },
                            { "xl/worksheets/sheet1.xml", SHEET, 0 } };
  const ZipEntry bomb[] = { { "xl/workbook.xml", WORKBOOK, 0 },
                            { "xl/worksheets/sheet1.xml", SHEET, 400u * 1024 * 1024 } };
  const ZipEntry laughs[] = {
    { "xl/workbook.xml", WORKBOOK, 0 },
    { "xl/worksheets/sheet1.xml",
      "<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b "
      "\"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><worksheet><sheetData><row><c "
      "t=\"inlineStr\"><is><t>&b;"
      "</t></is></c></row></sheetData></worksheet>",
      0 },
  };
  const ZipEntry malformed[] = { { "xl/workbook.xml", WORKBOOK, 0 },
                                 { "xl/worksheets/sheet1.xml", "<worksheet><sheetData><row>", 0 } };
  /* One letter merged over 100,000 rows × 512 columns, three times. */
  const ZipEntry merged[] = {
    { "xl/workbook.xml", WORKBOOK, 0 },
    { "xl/worksheets/sheet1.xml",
      "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>x</t></is></c></row>"
      "<row r=\"100000\"/></sheetData><mergeCells><mergeCell ref=\"A1:SR100000\"/>"
      "<mergeCell ref=\"A1:SR100000\"/><mergeCell ref=\"A1:SR100000\"/></mergeCells></worksheet>",
      0 },
  };
  const ZipEntry far[] = {
    { "xl/workbook.xml", WORKBOOK, 0 },
    { "xl/worksheets/sheet1.xml",
      "<worksheet><sheetData><row r=\"4000000\"><c r=\"A4000000\"><v>1</v></c></row>"
      "</sheetData></worksheet>",
      0 },
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = make_zip (good, G_N_ELEMENTS (good));
  g_autoptr (PhaenTable) table = phaen_table_read_bytes (bytes, "good.xlsx", 0, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (table->rows->len, ==, 2);
  g_assert_cmpstr (cell (table, 1, 1), ==, "ก");

  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = make_zip (bomb, G_N_ELEMENTS (bomb));
  g_assert_null (phaen_table_read_bytes (bytes, "bomb.xlsx", 0, &error));
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "128 MB"));
  g_clear_error (&error);

  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = make_zip (laughs, G_N_ELEMENTS (laughs));
  g_assert_null (phaen_table_read_bytes (bytes, "laughs.xlsx", 0, &error));
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "document type"));
  g_clear_error (&error);

  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = make_zip (malformed, G_N_ELEMENTS (malformed));
  g_assert_null (phaen_table_read_bytes (bytes, "bad.xlsx", 0, &error));
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID);
  g_clear_error (&error);

  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = make_zip (merged, G_N_ELEMENTS (merged));
  g_assert_null (phaen_table_read_bytes (bytes, "merged.xlsx", 0, &error));
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "128 MB of text"));
  g_clear_error (&error);

  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = make_zip (far, G_N_ELEMENTS (far));
  g_assert_null (phaen_table_read_bytes (bytes, "far.xlsx", 0, &error));
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID);
  g_clear_error (&error);

  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = g_bytes_new_static ("PK\003\004 not really a zip", 24);
  g_assert_null (phaen_table_read_bytes (bytes, "fake.xlsx", 0, &error));
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID);
  g_clear_error (&error);

  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = g_bytes_new_static ("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  g_assert_null (phaen_table_read_bytes (bytes, "old.xls", 0, &error));
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, ".xls"));
}

static void
read_done_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  PhaenTable **table = data;
  g_autoptr (GError) error = NULL;

  *table = phaen_table_read_file_finish (result, &error);
  g_assert_no_error (error);
}

/* The app reads in a thread; the table is the same as read in place. */
static void
test_read_async (void)
{
  g_autofree char *dir = g_dir_make_tmp ("phaen-import-XXXXXX", NULL);
  g_autofree char *path = write_generic_xlsx (dir);
  g_autoptr (PhaenTable) table = NULL;

  phaen_table_read_file_async (path, 0, NULL, read_done_cb, &table);
  while (table == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (cell (table, 3, 0), ==, "กิจกรรม");
  g_assert_cmpuint (table->rows->len, ==, 7);
  g_unlink (path);
  g_rmdir (dir);
}

/* ------------------------------------------------------------------ units */

static const char unit_list[] =
  "\xEF\xBB\xBF"
  "รายชื่อหน่วยงาน\n"
  "ชื่อย่อ,ชื่อหน่วยงาน,หน่วยงานต้นสังกัด,ชื่อหัวหน้า,ตำแหน่ง,โทรศัพท์,อีเมล\n"
  "สลก.,\"สำนักงานเลขานุการกรม, กรมทดสอบ\",กพร.,นายก ข,เลขานุการกรม,02-1,a@b.go.th\n"
  "กจ.ย่อย,ฝ่ายย่อย,กจ.,,,,\n"
  "กจ.,กองการเจ้าหน้าที่,สลก.,,,,\n"
  "กพร.,ซ้ำกับพื้นที่ทำงาน,,,,,\n"
  ",ไม่มีชื่อย่อ,,,,,\n"
  "กค.,กองคลัง,ไม่มี,,,,\n"
  "สลก,ซ้ำในไฟล์,,,,,\n"
  "ผต.,ผู้ตรวจ,,,,,ไม่ใช่อีเมล\n"
  "ก1,วน,ก2,,,,\n"
  "ก2,วน,ก1,,,,\n"
  "ลูก,ลูกของแถวผิด,กค.,,,,\n"
  "\n";

static void
test_units_rows (void)
{
  static const struct
  {
    guint row;
    PhaenUnitImportStatus status;
    const char *message_part;
  } expected[] = {
    { 3, PHAEN_UNIT_IMPORT_NEW, NULL },
    { 4, PHAEN_UNIT_IMPORT_NEW, NULL }, /* its parent comes in a later row */
    { 5, PHAEN_UNIT_IMPORT_NEW, NULL },
    { 6, PHAEN_UNIT_IMPORT_EXISTS, "already has" },
    { 7, PHAEN_UNIT_IMPORT_ERROR, "abbreviation is empty" },
    { 8, PHAEN_UNIT_IMPORT_ERROR, "neither in the file nor" },
    { 9, PHAEN_UNIT_IMPORT_ERROR, "already in row 3" },
    { 10, PHAEN_UNIT_IMPORT_ERROR, "e-mail" },
    { 11, PHAEN_UNIT_IMPORT_ERROR, "lead back" },
    { 12, PHAEN_UNIT_IMPORT_ERROR, "lead back" },
    { 13, PHAEN_UNIT_IMPORT_ERROR, "(row 8) is not imported" },
  };
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr (PhaenStore) store = sample_new (&dir);
  g_autoptr (PhaenTable) table = csv (unit_list, &error);
  g_autoptr (PhaenUnitImport) import = NULL;
  g_autoptr (PhaenUnit) slk = NULL;
  g_autoptr (PhaenUnit) kj = NULL;
  g_autoptr (PhaenUnit) sub = NULL;
  g_autoptr (GPtrArray) people = NULL;
  PhaenStoreStats before, after;
  const PhaenPerson *head;

  g_assert_no_error (error);
  stats (store, &before);
  import = phaen_unit_import_prepare (store, table, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (import->header_row, ==, 2);
  g_assert_cmpuint (import->rows->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const PhaenUnitImportRow *row = g_ptr_array_index (import->rows, i);

      g_test_message ("row %u: %s", row->row, row->message ? row->message : "");
      g_assert_cmpuint (row->row, ==, expected[i].row);
      g_assert_cmpint (row->status, ==, expected[i].status);
      if (expected[i].message_part)
        g_assert_nonnull (strstr (row->message, expected[i].message_part));
    }
  g_assert_cmpuint (import->n_new, ==, 3);
  g_assert_cmpuint (import->n_exists, ==, 1);
  g_assert_cmpuint (import->n_errors, ==, 7);

  g_assert_cmpint (phaen_unit_import_apply (import, store, &error), ==, 3);
  g_assert_no_error (error);
  slk = phaen_store_find_unit (store, "สลก.", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (slk->name, ==, "สำนักงานเลขานุการกรม, กรมทดสอบ");
  g_assert_cmpint (slk->parent_id, ==, unit_id (store, "กพร."));
  kj = phaen_store_find_unit (store, "กจ.", &error);
  g_assert_no_error (error);
  g_assert_cmpint (kj->parent_id, ==, slk->id);
  sub = phaen_store_find_unit (store, "กจ.ย่อย", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sub->parent_id, ==, kj->id);
  people = phaen_store_list_people (store, slk->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 1);
  head = g_ptr_array_index (people, 0);
  g_assert_cmpstr (head->name, ==, "นายก ข");
  g_assert_cmpstr (head->position, ==, "เลขานุการกรม");
  g_assert_cmpstr (head->phone, ==, "02-1");
  g_assert_cmpstr (head->email, ==, "a@b.go.th");
  stats (store, &after);
  g_assert_cmpint (after.units, ==, before.units + 3);

  /* One step undoes the whole import. */
  g_assert_cmpstr (phaen_store_get_undo_label (store), ==, "Import units");
  undo_redo (store);
  stats (store, &after);
  assert_same_stats (&before, &after);
  g_assert_false (phaen_store_can_undo (store));

  test_workspace_close (&store, &dir);
}

static void
test_units_no_header (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr (PhaenStore) store = test_workspace_new ("t.phaen", &dir);
  g_autoptr (PhaenTable) table = csv ("a,b\n1,2\n", &error);

  g_assert_no_error (error);
  g_assert_null (phaen_unit_import_prepare (store, table, &error));
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID);
  test_workspace_close (&store, &dir);
}

/* ------------------------------------------------------------------ plans */

static void
assert_same_activities (PhaenStore *store, gint64 a, gint64 b)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) first = phaen_store_list_activities (store, a, &error);
  g_autoptr (GPtrArray) second = phaen_store_list_activities (store, b, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (first->len, ==, second->len);
  g_assert_cmpuint (first->len, >, 0);
  for (guint i = 0; i < first->len; i++)
    {
      const PhaenActivity *x = g_ptr_array_index (first, i);
      const PhaenActivity *y = g_ptr_array_index (second, i);

      g_assert_cmpstr (x->name, ==, y->name);
      g_assert_cmpstr (x->number, ==, y->number);
      g_assert_cmpint (x->depth, ==, y->depth);
      g_assert_cmpstr (x->owner, ==, y->owner);
      g_assert_cmpint (x->has_budget, ==, y->has_budget);
      if (x->has_budget)
        g_assert_cmpfloat (x->budget, ==, y->budget);
      for (int m = 0; m < PHAEN_MAX_MONTHS; m++)
        g_assert_cmpint (x->marks[m] & 7, ==, y->marks[m] & 7);
    }
}

static void
test_plan_own_export (void)
{
  static const char *const sections[] = {
    PHAEN_SECTION_PROCESS,   PHAEN_SECTION_CUSTOMERS, PHAEN_SECTION_STAKEHOLDERS,
    PHAEN_SECTION_INDICATOR, PHAEN_SECTION_CRITERIA,  PHAEN_SECTION_DIGITAL,
    PHAEN_SECTION_STEPS,     PHAEN_SECTION_EXPECTED,
  };
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr (PhaenStore) store = sample_new (&dir);
  g_autofree char *out = g_build_filename (dir, "kpr.xlsx", NULL);
  g_autoptr (PhaenTable) table = NULL;
  g_autoptr (PhaenPlanImport) import = NULL;
  g_autoptr (PhaenPlan) source = NULL;
  g_autoptr (PhaenPlan) copy = NULL;
  gint64 kpr = unit_id (store, "กพร."), plan = only_plan (store, kpr, 2564), other, imported;
  PhaenXlsxOptions options;

  phaen_xlsx_options_init (&options, PHAEN_XLSX_FORM_PLAN);
  options.plan_id = plan;
  g_assert_true (phaen_xlsx_export (store, &options, out, &error));
  g_assert_no_error (error);

  table = phaen_table_read_file (out, 0, &error);
  g_assert_no_error (error);
  import = phaen_plan_import_prepare (table, &error);
  g_assert_no_error (error);
  g_assert_true (import->own_export);
  g_assert_cmpint (import->fiscal_year, ==, 2564);
  g_assert_cmpuint (import->n_errors, ==, 0);

  other = phaen_store_add_unit (store, "สลก.", "สำนักงานเลขานุการกรม", 0, &error);
  g_assert_no_error (error);
  imported = phaen_plan_import_apply (import, store, other, 0, NULL, &error);
  g_assert_no_error (error);
  source = phaen_store_get_plan (store, plan, &error);
  copy = phaen_store_get_plan (store, imported, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (copy->title, ==, source->title);
  g_assert_cmpint (copy->fiscal_year, ==, 2564);
  g_assert_cmpint (copy->extra_months, ==, source->extra_months);
  assert_same_activities (store, plan, imported);
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      g_autofree char *a = phaen_store_get_plan_section (store, plan, sections[i], &error);
      g_autofree char *b = phaen_store_get_plan_section (store, imported, sections[i], &error);

      g_assert_no_error (error);
      g_assert_cmpstr (a, ==, b);
    }
  g_assert_cmpstr (phaen_store_get_undo_label (store), ==, "Import plan");
  undo_redo (store);
  g_assert_null (phaen_store_get_plan (store, imported, NULL));

  g_unlink (out);
  test_workspace_close (&store, &dir);
}

static void
test_plan_generic (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr (PhaenStore) store = test_workspace_new ("t.phaen", &dir);
  g_autofree char *xlsx_dir = g_dir_make_tmp ("phaen-import-XXXXXX", NULL);
  g_autofree char *path = write_generic_xlsx (xlsx_dir);
  g_autoptr (PhaenTable) table = phaen_table_read_file (path, 0, &error);
  g_autoptr (PhaenPlanImport) import = NULL;
  g_autoptr (GPtrArray) activities = NULL;
  const PhaenPlanImportRow *row;
  const PhaenActivity *a;
  gint64 unit, plan;

  g_assert_no_error (error);
  import = phaen_plan_import_prepare (table, &error);
  g_assert_no_error (error);
  g_assert_false (import->own_export);
  g_assert_cmpint (import->fiscal_year, ==, 2566);
  g_assert_cmpuint (import->header_row, ==, 4);
  g_assert_cmpint (g_array_index (import->columns, PhaenPlanColumn, 0).role, ==,
                   PHAEN_PLAN_COLUMN_NAME);
  for (int m = 0; m < 3; m++)
    {
      g_assert_cmpint (g_array_index (import->columns, PhaenPlanColumn, 1 + m).role, ==,
                       PHAEN_PLAN_COLUMN_MONTH);
      g_assert_cmpint (g_array_index (import->columns, PhaenPlanColumn, 1 + m).month, ==, m);
    }
  g_assert_cmpint (g_array_index (import->columns, PhaenPlanColumn, 4).role, ==,
                   PHAEN_PLAN_COLUMN_BUDGET);
  g_assert_cmpint (g_array_index (import->columns, PhaenPlanColumn, 5).role, ==,
                   PHAEN_PLAN_COLUMN_OWNER);
  g_assert_cmpuint (import->rows->len, ==, 3);
  row = g_ptr_array_index (import->rows, 2);
  g_assert_cmpuint (row->row, ==, 7);
  g_assert_nonnull (strstr (row->error, "สองหมื่น"));
  g_assert_cmpuint (import->n_errors, ==, 1);

  /* The budget column read as not imported: the row's error goes. */
  phaen_plan_import_set_column (import, 4, PHAEN_PLAN_COLUMN_IGNORE, 0);
  g_assert_cmpuint (import->n_errors, ==, 0);
  phaen_plan_import_set_column (import, 4, PHAEN_PLAN_COLUMN_BUDGET, 0);
  g_assert_cmpuint (import->n_errors, ==, 1);

  unit = phaen_store_add_unit (store, "กพร.", "", 0, &error);
  g_assert_no_error (error);
  plan = phaen_plan_import_apply (import, store, unit, 0, "ชื่อที่เลือก", &error);
  g_assert_no_error (error);
  activities = phaen_store_list_activities (store, plan, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (activities->len, ==, 2);
  a = g_ptr_array_index (activities, 0);
  g_assert_cmpstr (a->name, ==, "สำรวจ");
  g_assert_cmpstr (a->owner, ==, "กพร.");
  g_assert_true (a->has_budget);
  g_assert_cmpfloat (a->budget, ==, 14760.5);
  g_assert_cmpint (a->marks[0], ==, PHAEN_MARK_PLANNED);
  g_assert_cmpint (a->marks[1], ==, 0);
  a = g_ptr_array_index (activities, 1);
  g_assert_cmpstr (a->name, ==, "ย่อย");
  g_assert_cmpstr (a->number, ==, "1.1");
  g_assert_cmpint (a->depth, ==, 1);
  g_assert_false (a->has_budget);
  g_assert_cmpint (a->marks[2], ==, PHAEN_MARK_PLANNED);
  {
    g_autoptr (PhaenPlan) stored = phaen_store_get_plan (store, plan, &error);

    g_assert_cmpstr (stored->title, ==, "ชื่อที่เลือก");
    g_assert_cmpint (stored->fiscal_year, ==, 2566);
  }

  g_unlink (path);
  g_rmdir (xlsx_dir);
  test_workspace_close (&store, &dir);
}

/* A plan whose file says each row's level: a ระดับ column (Thai or English names, or 1–4), or
 * the headings our own action-plan form writes ("โครงการที่ 1.1.1 …"). */
static void
test_plan_levels (void)
{
  static const char text[] = "โครงการ/กิจกรรม,ระดับ,งบประมาณ,ต.ค.,พ.ย.\n"
                             "ยกระดับการบริหาร,ยุทธศาสตร์,,,\n"
                             "1.1. การบริหารมีคุณภาพ,เป้าประสงค์,,,\n"
                             "1.1.1. โครงการติดตามผล,project,500000,1,\n"
                             "1.1.1.1. พัฒนาระบบ,4,300000,1,1\n"
                             "1.1.1.2. อบรมผู้ใช้,กิจกรรม,250000,,1\n"
                             "ขั้นตอนแปลก,ชั้นบน,,,\n";
  static const int levels[] = { PHAEN_ACTIVITY_LEVEL_STRATEGY, PHAEN_ACTIVITY_LEVEL_GOAL,
                                PHAEN_ACTIVITY_LEVEL_PROJECT, PHAEN_ACTIVITY_LEVEL_ACTIVITY,
                                PHAEN_ACTIVITY_LEVEL_ACTIVITY };
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr (PhaenStore) store = test_workspace_new ("t.phaen", &dir);
  g_autofree char *out = g_build_filename (dir, "action.xlsx", NULL);
  g_autoptr (PhaenTable) table = csv (text, &error);
  g_autoptr (PhaenTable) again = NULL;
  g_autoptr (PhaenPlanImport) import = NULL;
  g_autoptr (PhaenPlanImport) reimport = NULL;
  g_autoptr (GPtrArray) activities = NULL;
  g_autoptr (PhaenPlan) plan = NULL;
  const PhaenPlanImportRow *bad;
  PhaenXlsxOptions options;
  gint64 unit, plan_id, copy_id;

  g_assert_no_error (error);
  import = phaen_plan_import_prepare (table, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_array_index (import->columns, PhaenPlanColumn, 1).role, ==,
                   PHAEN_PLAN_COLUMN_LEVEL);
  g_assert_cmpuint (import->rows->len, ==, 6);
  g_assert_cmpuint (import->n_errors, ==, 1);
  bad = g_ptr_array_index (import->rows, 5);
  g_assert_nonnull (strstr (bad->error, "ชั้นบน"));

  unit = phaen_store_add_unit (store, "สนย.", "สำนักนโยบายและยุทธศาสตร์", 0, &error);
  g_assert_no_error (error);
  plan_id = phaen_plan_import_apply (import, store, unit, 2565, NULL, &error);
  g_assert_no_error (error);
  plan = phaen_store_get_plan (store, plan_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (plan->kind, ==, PHAEN_PLAN_ACTION);
  activities = phaen_store_list_activities (store, plan_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (activities->len, ==, G_N_ELEMENTS (levels));
  for (guint i = 0; i < activities->len; i++)
    g_assert_cmpint (((PhaenActivity *)g_ptr_array_index (activities, i))->level, ==, levels[i]);
  g_assert_cmpstr (((PhaenActivity *)g_ptr_array_index (activities, 3))->number, ==, "1.1.1.1");

  /* Our own XLSX form of it reads back with the same levels, numbers and budgets. */
  phaen_xlsx_options_init (&options, PHAEN_XLSX_FORM_PLAN);
  options.plan_id = plan_id;
  g_assert_true (phaen_xlsx_export (store, &options, out, &error));
  g_assert_no_error (error);
  again = phaen_table_read_file (out, 0, &error);
  g_assert_no_error (error);
  reimport = phaen_plan_import_prepare (again, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reimport->n_errors, ==, 0);
  g_assert_true (reimport->own_export);
  copy_id = phaen_plan_import_apply (reimport, store, unit, 0, NULL, &error);
  g_assert_no_error (error);
  assert_same_activities (store, plan_id, copy_id);
  {
    g_autoptr (GPtrArray) copied = phaen_store_list_activities (store, copy_id, &error);
    g_autoptr (PhaenPlan) copy = phaen_store_get_plan (store, copy_id, &error);

    g_assert_no_error (error);
    g_assert_cmpint (copy->kind, ==, PHAEN_PLAN_ACTION);
    g_assert_cmpint (copy->fiscal_year, ==, 2565);
    for (guint i = 0; i < copied->len; i++)
      g_assert_cmpint (((PhaenActivity *)g_ptr_array_index (copied, i))->level, ==, levels[i]);
  }

  g_unlink (out);
  test_workspace_close (&store, &dir);
}

/* ------------------------------------------------------------------ managing */

static void
test_rename_unit (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr (PhaenStore) store = sample_new (&dir);
  gint64 kpr = unit_id (store, "กพร.");
  g_autoptr (PhaenUnit) renamed = NULL;
  g_autoptr (PhaenUnit) back = NULL;

  g_assert_false (phaen_store_rename_unit (store, kpr, "สตป.", "x", &error));
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (phaen_store_rename_unit (store, kpr, "  ", "x", &error));
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (phaen_store_can_undo (store));

  g_assert_true (phaen_store_rename_unit (store, kpr, " กพร.ใหม่ ", "ชื่อใหม่", &error));
  g_assert_no_error (error);
  renamed = phaen_store_get_unit (store, kpr, &error);
  g_assert_cmpstr (renamed->abbr, ==, "กพร.ใหม่");
  g_assert_cmpstr (renamed->name, ==, "ชื่อใหม่");
  g_assert_cmpuint (only_plan (store, kpr, 2564), >, 0);
  undo_redo (store);
  back = phaen_store_get_unit (store, kpr, &error);
  g_assert_cmpstr (back->abbr, ==, "กพร.");
  g_assert_cmpstr (back->name, ==, "กลุ่มพัฒนาระบบบริหาร");
  test_workspace_close (&store, &dir);
}

static void
test_merge_units (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr (PhaenStore) store = sample_new (&dir);
  gint64 kpr = unit_id (store, "กพร."), stp = unit_id (store, "สตป.");
  g_autoptr (GPtrArray) plans = NULL;
  g_autoptr (GPtrArray) indicators = NULL;
  g_autoptr (GPtrArray) people = NULL;
  PhaenStoreStats before, after;
  PhaenStoreContents kpr_has, stp_has;

  stats (store, &before);
  g_assert_true (phaen_store_count_unit_contents (store, kpr, &kpr_has, &error));
  g_assert_true (phaen_store_count_unit_contents (store, stp, &stp_has, &error));
  g_assert_no_error (error);
  g_assert_false (phaen_store_merge_units (store, kpr, kpr, &error));
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (phaen_store_merge_units (store, kpr, stp, &error));
  g_assert_no_error (error);
  g_assert_null (phaen_store_get_unit (store, kpr, NULL));
  plans = phaen_store_list_plans (store, stp, 2564, &error);
  g_assert_cmpuint (plans->len, ==, kpr_has.plans + stp_has.plans);
  indicators = phaen_store_list_indicators (store, stp, 0, &error);
  g_assert_cmpuint (indicators->len, ==, kpr_has.indicators + stp_has.indicators);
  people = phaen_store_list_people (store, stp, &error);
  g_assert_cmpuint (people->len, ==, kpr_has.people + stp_has.people);
  stats (store, &after);
  g_assert_cmpint (after.units, ==, before.units - 1);
  g_assert_cmpint (after.plans, ==, before.plans);
  g_assert_cmpint (after.results, ==, before.results);

  g_assert_cmpstr (phaen_store_get_undo_label (store), ==, "Merge units");
  undo_redo (store);
  stats (store, &after);
  assert_same_stats (&before, &after);
  g_assert_cmpuint (only_plan (store, kpr, 2564), >, 0);
  test_workspace_close (&store, &dir);
}

static void
test_delete_unit_and_plan (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr (PhaenStore) store = sample_new (&dir);
  gint64 stp = unit_id (store, "สตป."), plan = only_plan (store, stp, 2564);
  g_autofree char *what = NULL;
  PhaenStoreStats before, after;
  PhaenStoreContents has;

  stats (store, &before);
  g_assert_true (phaen_store_count_unit_contents (store, stp, &has, &error));
  g_assert_no_error (error);
  g_assert_cmpint (has.plans, ==, 1);
  g_assert_cmpint (has.indicators, >, 0);
  what = phaen_store_contents_describe (&has);
  g_assert_nonnull (strstr (what, "1 plan, "));
  g_assert_nonnull (strstr (what, " activities"));

  g_assert_true (phaen_store_delete_unit (store, stp, &error));
  g_assert_no_error (error);
  stats (store, &after);
  g_assert_cmpint (after.plans, ==, before.plans - has.plans);
  g_assert_cmpint (after.activities, ==, before.activities - has.activities);
  g_assert_cmpint (after.indicators, ==, before.indicators - has.indicators);
  undo_redo (store);
  stats (store, &after);
  assert_same_stats (&before, &after);

  g_assert_true (phaen_store_count_plan_contents (store, plan, &has, &error));
  g_assert_true (phaen_store_delete_plan (store, plan, &error));
  g_assert_no_error (error);
  stats (store, &after);
  g_assert_cmpint (after.activities, ==, before.activities - has.activities);
  g_assert_cmpint (after.indicators, ==, before.indicators); /* they stay with the unit */
  undo_redo (store);
  stats (store, &after);
  assert_same_stats (&before, &after);
  test_workspace_close (&store, &dir);
}

static void
test_duplicate_plan (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr (PhaenStore) store = sample_new (&dir);
  gint64 kpr = unit_id (store, "กพร."), plan = only_plan (store, kpr, 2564), copy;
  g_autoptr (PhaenPlan) stored = NULL;
  g_autoptr (GPtrArray) old_indicators = NULL;
  g_autoptr (GPtrArray) new_indicators = NULL;
  g_autoptr (GPtrArray) results = NULL;
  g_autoptr (PhaenCriteriaVersion) criteria = NULL;
  g_autoptr (PhaenCriteriaVersion) old_criteria = NULL;
  g_autofree char *process = NULL;
  g_autofree char *old_process = NULL;
  PhaenStoreStats before, after;
  const PhaenIndicator *old_one, *new_one;

  stats (store, &before);
  copy = phaen_store_duplicate_plan (store, plan, 2565, &error);
  g_assert_no_error (error);
  g_assert_cmpint (copy, >, 0);
  stored = phaen_store_get_plan (store, copy, &error);
  g_assert_cmpint (stored->fiscal_year, ==, 2565);
  g_assert_cmpint (stored->unit_id, ==, kpr);
  g_assert_cmpstr (stored->title, ==,
                   "แผนการปรับปรุงกระบวนการตามภารกิจของกลุ่มพัฒนาระบบบริหาร ประจำปีงบประมาณ พ.ศ. 2565");
  assert_same_activities (store, plan, copy);
  old_process = phaen_store_get_plan_section (store, plan, PHAEN_SECTION_PROCESS, &error);
  process = phaen_store_get_plan_section (store, copy, PHAEN_SECTION_PROCESS, &error);
  g_assert_cmpstr (process, ==, old_process);

  old_indicators = phaen_store_list_indicators (store, kpr, 2564, &error);
  new_indicators = phaen_store_list_indicators (store, kpr, 2565, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (new_indicators->len, ==, 1);
  old_one = g_ptr_array_index (old_indicators, 0);
  new_one = g_ptr_array_index (new_indicators, 0);
  g_assert_cmpstr (new_one->code, ==, "กพร.9");
  g_assert_cmpstr (new_one->name, ==, old_one->name);
  g_assert_cmpfloat (new_one->weight, ==, old_one->weight);
  g_assert_cmpint (new_one->plan_id, ==, copy);
  criteria = phaen_store_get_criteria (store, new_one->id, &error);
  old_criteria = phaen_store_get_criteria (store, old_one->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (criteria->version, ==, 1);
  g_assert_null (criteria->approved_on);
  g_assert_cmpuint (criteria->items->len, ==, old_criteria->items->len);
  results = phaen_store_get_results (store, new_one->id, &error);
  g_assert_no_error (error);
  for (guint q = 0; q < results->len; q++)
    g_assert_null (g_ptr_array_index (results, q));

  stats (store, &after);
  g_assert_cmpint (after.plans, ==, before.plans + 1);
  g_assert_cmpint (after.results, ==, before.results);
  g_assert_cmpstr (phaen_store_get_undo_label (store), ==, "Duplicate plan");
  undo_redo (store);
  stats (store, &after);
  assert_same_stats (&before, &after);
  g_assert_null (phaen_store_get_plan (store, copy, NULL));
  g_assert_true (phaen_store_redo (store, &error));
  g_assert_no_error (error);
  g_clear_pointer (&stored, phaen_plan_free);
  stored = phaen_store_get_plan (store, copy, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stored->fiscal_year, ==, 2565);
  test_workspace_close (&store, &dir);
}

/* The XLSX plan's title lines come from the plan's title, as the PDF's do (issue #13). */
static void
test_xlsx_title_follows_plan (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr (PhaenStore) store = sample_new (&dir);
  g_autofree char *out = g_build_filename (dir, "plan.xlsx", NULL);
  gint64 kpr = unit_id (store, "กพร."), plan = only_plan (store, kpr, 2564);
  g_autoptr (PhaenPlan) edited = phaen_store_get_plan (store, plan, &error);
  g_autoptr (PhaenTable) table = NULL;
  PhaenXlsxOptions options;

  g_free (edited->title);
  edited->title = g_strdup ("แผนที่แก้ชื่อแล้ว ประจำปีงบประมาณ พ.ศ. 2564 (ฉบับปรับปรุง)");
  g_assert_true (phaen_store_update_plan (store, edited, &error));
  g_assert_no_error (error);
  phaen_xlsx_options_init (&options, PHAEN_XLSX_FORM_PLAN);
  options.plan_id = plan;
  g_assert_true (phaen_xlsx_export (store, &options, out, &error));
  g_assert_no_error (error);
  table = phaen_table_read_file (out, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cell (table, 0, 0), ==, "แผนที่แก้ชื่อแล้ว");
  g_assert_cmpstr (cell (table, 1, 0), ==, "ประจำปีงบประมาณ พ.ศ. 2564 (ฉบับปรับปรุง)");

  /* Without "ประจำปีงบประมาณ" the year line is the plan's year. */
  g_free (edited->title);
  edited->title = g_strdup ("ชื่อสั้น");
  g_assert_true (phaen_store_update_plan (store, edited, &error));
  g_assert_true (phaen_xlsx_export (store, &options, out, &error));
  g_assert_no_error (error);
  g_clear_pointer (&table, phaen_table_free);
  table = phaen_table_read_file (out, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cell (table, 0, 0), ==, "ชื่อสั้น");
  g_assert_cmpstr (cell (table, 1, 0), ==, "ประจำปีงบประมาณ พ.ศ. 2564");
  g_unlink (out);
  test_workspace_close (&store, &dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/csv/quotes-bom", test_csv_quotes_bom);
  g_test_add_func ("/import/csv/separators", test_csv_separators);
  g_test_add_func ("/import/csv/encodings", test_csv_encodings);
  g_test_add_func ("/import/xlsx/generic", test_xlsx_generic);
  g_test_add_func ("/import/xlsx/hostile", test_xlsx_hostile);
  g_test_add_func ("/import/xlsx/async", test_read_async);
  g_test_add_func ("/import/units/rows", test_units_rows);
  g_test_add_func ("/import/units/no-header", test_units_no_header);
  g_test_add_func ("/import/plan/own-export", test_plan_own_export);
  g_test_add_func ("/import/plan/generic", test_plan_generic);
  g_test_add_func ("/import/plan/levels", test_plan_levels);
  g_test_add_func ("/manage/rename-unit", test_rename_unit);
  g_test_add_func ("/manage/merge-units", test_merge_units);
  g_test_add_func ("/manage/delete", test_delete_unit_and_plan);
  g_test_add_func ("/manage/duplicate-plan", test_duplicate_plan);
  g_test_add_func ("/manage/xlsx-title", test_xlsx_title_follows_plan);
  return g_test_run ();
}
