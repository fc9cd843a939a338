/* phaen-pmqa-xlsx.c — the PMQA 4.0 application as a workbook: one sheet per category
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-pmqa-xlsx"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <xlsxwriter.h>

#include "phaen-atomic-file.h"
#include "phaen-error.h"
#include "phaen-pmqa-export.h"
#include "phaen-xlsx.h"

enum
{
  COL_CODE,
  COL_TEXT,
  COL_CLAIMED,
  COL_STARRED,
  COL_EVIDENCE,
  COL_COUNT,
  COL_LIMIT,
  COL_AUTHOR,
  COL_STATUS,
  COL_STATUS_ON,
  COL_DUE,
  N_COLS
};

/* The form's own words, in Thai whatever the language of the screen. */
static const char *const statuses[] = { "ร่าง", "ตรวจแล้ว", "อนุมัติ" };

typedef struct
{
  lxw_format *head, *topic, *sub_item, *cell, *center, *number, *warn, *wrap;
} Formats;

static lxw_format *
new_format (lxw_workbook *workbook, gboolean bold, gboolean wrap, int align)
{
  lxw_format *format = workbook_add_format (workbook);

  format_set_font_name (format, PHAEN_XLSX_DEFAULT_FONT);
  format_set_font_size (format, PHAEN_XLSX_DEFAULT_FONT_SIZE);
  format_set_border (format, LXW_BORDER_THIN);
  format_set_align (format, LXW_ALIGN_VERTICAL_TOP);
  if (align)
    format_set_align (format, align);
  if (bold)
    format_set_bold (format);
  if (wrap)
    format_set_text_wrap (format);
  return format;
}

static void
write_header (lxw_worksheet *sheet, const Formats *f)
{
  const char *const titles[N_COLS] = {
    [COL_CODE] = "ข้อ",
    [COL_TEXT] = "ประเด็น",
    [COL_CLAIMED] = "มี",
    [COL_STARRED] = "*",
    [COL_EVIDENCE] = "หลักฐาน - ไฟล์แนบ",
    [COL_COUNT] = "จำนวนอักขระ",
    [COL_LIMIT] = "เกินเกณฑ์",
    [COL_AUTHOR] = "ผู้เขียน",
    [COL_STATUS] = "สถานะ",
    [COL_STATUS_ON] = "วันที่สถานะ",
    [COL_DUE] = "กำหนดส่ง",
  };
  const double widths[N_COLS] = { 8, 70, 5, 3, 40, 11, 11, 22, 11, 12, 12 };

  for (int c = 0; c < N_COLS; c++)
    {
      worksheet_set_column (sheet, c, c, widths[c], NULL);
      worksheet_write_string (sheet, 2, c, titles[c], f->head);
    }
  worksheet_freeze_panes (sheet, 3, 0);
}

static lxw_row_t
write_sub_item (lxw_worksheet *sheet,
                const Formats *f,
                const PhaenPmqaApplication *application,
                const PhaenPmqaSubItemState *ss,
                lxw_row_t row)
{
  gboolean over = phaen_pmqa_sub_item_is_over (application, ss);

  worksheet_write_string (sheet, row, COL_CODE, ss->item->code, f->sub_item);
  worksheet_write_string (sheet, row, COL_TEXT, ss->item->title, f->sub_item);
  for (int c = COL_CLAIMED; c <= COL_EVIDENCE; c++)
    worksheet_write_blank (sheet, row, c, f->sub_item);
  worksheet_write_number (sheet, row, COL_COUNT, (double)ss->characters, f->number);
  worksheet_write_string (sheet, row, COL_LIMIT, over ? "เกิน" : "", over ? f->warn : f->center);
  worksheet_write_string (sheet, row, COL_AUTHOR, ss->author, f->cell);
  worksheet_write_string (sheet, row, COL_STATUS, statuses[ss->status], f->center);
  worksheet_write_string (sheet, row, COL_STATUS_ON, ss->status_on ? ss->status_on : "", f->center);
  worksheet_write_string (sheet, row, COL_DUE, ss->due_on ? ss->due_on : "", f->center);
  row++;
  for (guint i = 0; i < ss->item->statements->len; i++)
    {
      const PhaenPmqaStatement *statement = g_ptr_array_index (ss->item->statements, i);
      const PhaenPmqaAttachment *slot = phaen_pmqa_sub_item_get_slot (ss, (int)i + 1);
      gboolean claimed = phaen_pmqa_sub_item_is_claimed (ss, (int)i + 1);
      g_autofree char *number = g_strdup_printf ("(%u)", i + 1);

      worksheet_write_string (sheet, row, COL_CODE, number, f->center);
      worksheet_write_string (sheet, row, COL_TEXT, statement->text, f->wrap);
      worksheet_write_string (sheet, row, COL_CLAIMED, claimed ? "✓" : "", f->center);
      worksheet_write_string (sheet, row, COL_STARRED, statement->starred ? "*" : "", f->center);
      if (statement->starred && slot != NULL)
        worksheet_write_string (sheet, row, COL_EVIDENCE, slot->name, f->wrap);
      else if (statement->starred && claimed)
        worksheet_write_string (sheet, row, COL_EVIDENCE, "(ยังไม่แนบ)", f->warn);
      else
        worksheet_write_blank (sheet, row, COL_EVIDENCE, f->cell);
      for (int c = COL_COUNT; c < N_COLS; c++)
        worksheet_write_blank (sheet, row, c, f->cell);
      row++;
    }
  /* The narrative below its statements, as in the application. */
  worksheet_write_string (sheet, row, COL_CODE, "", f->cell);
  worksheet_merge_range (sheet, row, COL_TEXT, row, COL_EVIDENCE, ss->narrative, f->wrap);
  for (int c = COL_COUNT; c < N_COLS; c++)
    worksheet_write_blank (sheet, row, c, f->cell);
  /* Rows do not grow to fit merged cells: about 90 code points per line of the merged width. */
  worksheet_set_row (sheet, row, MIN (409.0, 20.0 * (1 + ss->code_points / 90)), NULL);
  return row + 1;
}

gboolean
phaen_pmqa_write_xlsx (const PhaenPmqaApplication *application, const char *path, GError **error)
{
  g_autoptr (PhaenAtomicFile) file = NULL;
  lxw_workbook_options options = { 0 };
  lxw_workbook *workbook;
  lxw_error status;
  Formats f;

  g_return_val_if_fail (application != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  file = phaen_atomic_file_new (path, error);
  if (file == NULL)
    return FALSE;
  options.tmpdir = (char *)g_get_tmp_dir ();
  workbook = workbook_new_opt (phaen_atomic_file_get_temp_path (file), &options);
  if (workbook == NULL)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_EXPORT, _ ("Could not write “%s”."), path);
      return FALSE;
    }
  f.head = new_format (workbook, TRUE, TRUE, LXW_ALIGN_CENTER);
  format_set_bg_color (f.head, 0xDDEBF7);
  f.topic = new_format (workbook, TRUE, TRUE, 0);
  format_set_bg_color (f.topic, 0xF2F2F2);
  f.sub_item = new_format (workbook, TRUE, TRUE, 0);
  f.cell = new_format (workbook, FALSE, FALSE, 0);
  f.center = new_format (workbook, FALSE, FALSE, LXW_ALIGN_CENTER);
  f.number = new_format (workbook, FALSE, FALSE, 0);
  format_set_num_format (f.number, "#,##0");
  f.warn = new_format (workbook, TRUE, TRUE, LXW_ALIGN_CENTER);
  format_set_font_color (f.warn, 0xC00000);
  f.wrap = new_format (workbook, FALSE, TRUE, 0);

  for (guint c = 0; c < application->categories->len; c++)
    {
      const PhaenPmqaCategoryState *cs = g_ptr_array_index (application->categories, c);
      g_autofree char *name = g_strdup_printf ("หมวด %d", cs->category->number);
      g_autofree char *heading =
        g_strdup_printf ("หมวด %d %s", cs->category->number, cs->category->title);
      g_autofree char *agency =
        g_strdup_printf ("หน่วยงาน : %s — %s ปีงบประมาณ %d", application->unit_name,
                         application->framework->title, application->fiscal_year);
      lxw_worksheet *sheet = workbook_add_worksheet (workbook, name);
      lxw_row_t row = 3;

      if (sheet == NULL)
        continue;
      worksheet_set_paper (sheet, 9); /* A4 */
      worksheet_set_landscape (sheet);
      worksheet_fit_to_pages (sheet, 1, 0);
      worksheet_write_string (sheet, 0, 0, agency, NULL);
      worksheet_write_string (sheet, 1, 0, heading, NULL);
      write_header (sheet, &f);
      for (guint t = 0; t < cs->topics->len; t++)
        {
          const PhaenPmqaTopicState *ts = g_ptr_array_index (cs->topics, t);
          g_autofree char *level =
            ts->level ? g_strdup_printf ("ระดับที่ประเมินตนเอง : %s",
                                         application->framework->level_names[ts->level - 1])
                      : g_strdup ("");

          worksheet_write_string (sheet, row, COL_CODE, ts->topic->code, f.topic);
          worksheet_write_string (sheet, row, COL_TEXT, ts->topic->title, f.topic);
          worksheet_merge_range (sheet, row, COL_CLAIMED, row, COL_EVIDENCE, level, f.topic);
          if (ts->topic->points > 0)
            worksheet_write_number (sheet, row, COL_COUNT, ts->topic->points, f.topic);
          else
            worksheet_write_blank (sheet, row, COL_COUNT, f.topic);
          for (int col = COL_LIMIT; col < N_COLS; col++)
            worksheet_write_blank (sheet, row, col, f.topic);
          row++;
          for (guint s = 0; s < ts->sub_items->len; s++)
            row =
              write_sub_item (sheet, &f, application, g_ptr_array_index (ts->sub_items, s), row);
        }
    }
  status = workbook_close (workbook);
  if (!phaen_atomic_file_check (file, error))
    return FALSE;
  if (status != LXW_NO_ERROR)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_EXPORT, _ ("Could not write “%s”: %s"), path,
                   lxw_strerror (status));
      return FALSE;
    }
  return phaen_atomic_file_commit (file, error);
}
