/* fuzz-make-import.c — the import harness's workbook seeds, written with libxlsxwriter at build
 * time so that no binary is committed: a plan sheet (merged headers, shaded months, numbers) and
 * a unit list
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-fuzz"

#include <glib.h>
#include <stdlib.h>
#include <xlsxwriter.h>

static void
write_plan (const char *path)
{
  lxw_workbook *book = workbook_new (path);
  lxw_worksheet *sheet = workbook_add_worksheet (book, "แผน");
  lxw_format *shade = workbook_add_format (book);

  format_set_pattern (shade, LXW_PATTERN_SOLID);
  format_set_bg_color (shade, 0xB4C6E7);
  worksheet_write_string (sheet, 0, 0, "แผน ประจำปีงบประมาณ พ.ศ. 2566", NULL);
  worksheet_merge_range (sheet, 1, 0, 2, 0, "กิจกรรม", NULL);
  worksheet_merge_range (sheet, 1, 1, 1, 2, "ระยะเวลา", NULL);
  worksheet_write_string (sheet, 2, 1, "ต.ค.65", NULL);
  worksheet_write_string (sheet, 2, 2, "พ.ย.65", NULL);
  worksheet_merge_range (sheet, 1, 3, 2, 3, "งบประมาณ", NULL);
  worksheet_write_string (sheet, 3, 0, "1. สำรวจ", NULL);
  worksheet_write_string (sheet, 3, 1, "●", shade);
  worksheet_write_number (sheet, 3, 3, 1500.25, NULL);
  worksheet_write_string (sheet, 4, 0, "    1.1. ย่อย", NULL);
  worksheet_write_blank (sheet, 4, 2, shade);
  if (workbook_close (book) != LXW_NO_ERROR)
    exit (1);
}

static void
write_units (const char *path)
{
  lxw_workbook *book = workbook_new (path);
  lxw_worksheet *sheet = workbook_add_worksheet (book, "หน่วยงาน");

  worksheet_write_string (sheet, 0, 0, "ชื่อย่อ", NULL);
  worksheet_write_string (sheet, 0, 1, "ชื่อหน่วยงาน", NULL);
  worksheet_write_string (sheet, 0, 2, "สังกัด", NULL);
  worksheet_write_string (sheet, 1, 0, "สลก.", NULL);
  worksheet_write_string (sheet, 1, 1, "สำนักงานเลขานุการกรม", NULL);
  worksheet_write_string (sheet, 1, 2, "กพร.", NULL);
  worksheet_write_number (sheet, 2, 0, 7, NULL);
  if (workbook_close (book) != LXW_NO_ERROR)
    exit (1);
}

int
main (int argc, char **argv)
{
  if (argc != 3)
    return 2;
  write_plan (argv[1]);
  write_units (argv[2]);
  return 0;
}
