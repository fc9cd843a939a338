/* phaen-pmqa-xlsx.c — the PMQA 4.0 application as a workbook: one sheet per category
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Laid out as the official forms are (phaen-xlsx-layout.c): 16 pt on A4 landscape at 100 %, rows
 * as high as their text, long narratives continued on the next rows, the table header at the
 * top of every page in LibreOffice, Excel and gnumeric alike. */
#define G_LOG_DOMAIN "phaen-pmqa-xlsx"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "phaen-atomic-file.h"
#include "phaen-error.h"
#include "phaen-pmqa-export.h"
#include "phaen-xlsx-private.h"

enum
{
  COL_CODE, /* the sub-item's code, or a statement's number with * when it needs evidence */
  COL_TEXT,
  COL_CLAIMED,
  COL_EVIDENCE,
  COL_COUNT,
  COL_LIMIT,
  COL_AUTHOR,
  COL_STATUS, /* the status and its date */
  COL_DUE,
  N_COLS
};

/* Eleven columns of 16 pt do not fit A4 landscape: the star stands beside the statement's
 * number and the status's date under the status. Negative: a share of the rest of the page. */
static const double widths[N_COLS] = { 60, -3, 36, -1, 72, 64, 96, 88, 88 };

/* The form's own words, in Thai whatever the language of the screen. */
static const char *const statuses[] = { "ร่าง", "ตรวจแล้ว", "อนุมัติ" };

static void
write_header (PhaenXlsxSheet *sheet, lxw_row_t row)
{
  const char *const titles[N_COLS] = {
    [COL_CODE] = "ข้อ",
    [COL_TEXT] = "ประเด็น",
    [COL_CLAIMED] = "มี",
    [COL_EVIDENCE] = "หลักฐาน -\nไฟล์แนบ",
    [COL_COUNT] = "จำนวน\nอักขระ",
    [COL_LIMIT] = "เกิน\nเกณฑ์",
    [COL_AUTHOR] = "ผู้เขียน",
    [COL_STATUS] = "สถานะ\n(วันที่)",
    [COL_DUE] = "กำหนดส่ง",
  };

  for (int c = 0; c < N_COLS; c++)
    _phaen_xlsx_text (sheet, row, c, titles[c], sheet->book->fmt.header);
}

static lxw_row_t
write_sub_item (PhaenXlsxSheet *sheet,
                const PhaenPmqaApplication *application,
                const PhaenPmqaSubItemState *ss,
                lxw_row_t row)
{
  PhaenXlsxFormats *f = &sheet->book->fmt;
  gboolean over = phaen_pmqa_sub_item_is_over (application, ss);
  g_autofree char *status = ss->status_on != NULL
                              ? g_strdup_printf ("%s\n%s", statuses[ss->status], ss->status_on)
                              : g_strdup (statuses[ss->status]);
  PhaenXlsxRow *each = _phaen_xlsx_row_new (sheet, row);

  _phaen_xlsx_row_text (each, COL_CODE, COL_CODE, ss->item->code, f->goal);
  _phaen_xlsx_row_text (each, COL_TEXT, COL_EVIDENCE, ss->item->title, f->goal);
  _phaen_xlsx_row_number (each, COL_COUNT, (double)ss->characters, f->number);
  _phaen_xlsx_row_text (each, COL_LIMIT, COL_LIMIT, over ? "เกิน" : "",
                        over ? f->over_budget : f->center);
  _phaen_xlsx_row_text (each, COL_AUTHOR, COL_AUTHOR, ss->author, f->text);
  _phaen_xlsx_row_text (each, COL_STATUS, COL_STATUS, status, f->center);
  _phaen_xlsx_row_text (each, COL_DUE, COL_DUE, ss->due_on, f->center);
  row += _phaen_xlsx_row_write (each);
  for (guint i = 0; i < ss->item->statements->len; i++)
    {
      const PhaenPmqaStatement *statement = g_ptr_array_index (ss->item->statements, i);
      const PhaenPmqaAttachment *slot = phaen_pmqa_sub_item_get_slot (ss, (int)i + 1);
      gboolean claimed = phaen_pmqa_sub_item_is_claimed (ss, (int)i + 1);
      g_autofree char *number = g_strdup_printf ("(%u)%s", i + 1, statement->starred ? " *" : "");

      each = _phaen_xlsx_row_new (sheet, row);
      _phaen_xlsx_row_text (each, COL_CODE, COL_CODE, number, f->center);
      _phaen_xlsx_row_text (each, COL_TEXT, COL_TEXT, statement->text, f->text);
      _phaen_xlsx_row_text (each, COL_CLAIMED, COL_CLAIMED, claimed ? "✓" : "", f->center);
      if (statement->starred && slot != NULL)
        _phaen_xlsx_row_text (each, COL_EVIDENCE, COL_EVIDENCE, slot->name, f->text);
      else if (statement->starred && claimed)
        _phaen_xlsx_row_text (each, COL_EVIDENCE, COL_EVIDENCE, "(ยังไม่แนบ)", f->over_budget);
      else
        _phaen_xlsx_row_blank (each, COL_EVIDENCE, COL_EVIDENCE, f->text);
      _phaen_xlsx_row_blank (each, COL_COUNT, N_COLS - 1, f->text);
      row += _phaen_xlsx_row_write (each);
    }
  /* The narrative below its statements, as in the application, across the table and continued
   * on the next rows when it is long. */
  each = _phaen_xlsx_row_new (sheet, row);
  _phaen_xlsx_row_blank (each, COL_CODE, COL_CODE, f->text);
  _phaen_xlsx_row_text (each, COL_TEXT, N_COLS - 1, ss->narrative, f->text);
  return row + _phaen_xlsx_row_write (each);
}

static void
write_category (PhaenXlsxBook *book,
                const PhaenPmqaApplication *application,
                const PhaenPmqaCategoryState *cs)
{
  PhaenXlsxFormats *f = &book->fmt;
  g_autofree char *name = g_strdup_printf ("หมวด %d", cs->category->number);
  g_autofree char *heading =
    g_strdup_printf ("หมวด %d %s", cs->category->number, cs->category->title);
  g_autofree char *agency =
    g_strdup_printf ("หน่วยงาน : %s — %s ปีงบประมาณ %d", application->unit_name,
                     application->framework->title, application->fiscal_year);
  PhaenXlsxSheet *sheet =
    _phaen_xlsx_sheet_new_fitted (book, name, widths, N_COLS, PHAEN_XLSX_ORIENTATION_LANDSCAPE);
  lxw_row_t head = 3, row = head + 1;

  _phaen_xlsx_merge_text (sheet, 0, 0, 0, N_COLS - 1, heading, f->title);
  _phaen_xlsx_merge_text (sheet, 1, 0, 1, N_COLS - 1, agency, f->subtitle);
  write_header (sheet, head);
  for (guint t = 0; t < cs->topics->len; t++)
    {
      const PhaenPmqaTopicState *ts = g_ptr_array_index (cs->topics, t);
      g_autofree char *level =
        ts->level ? g_strdup_printf ("ระดับที่ประเมินตนเอง : %s",
                                     application->framework->level_names[ts->level - 1])
                  : g_strdup ("");
      PhaenXlsxRow *each = _phaen_xlsx_row_new (sheet, row);

      _phaen_xlsx_row_text (each, COL_CODE, COL_CODE, ts->topic->code, f->strategy);
      _phaen_xlsx_row_text (each, COL_TEXT, COL_TEXT, ts->topic->title, f->strategy);
      _phaen_xlsx_row_text (each, COL_CLAIMED, COL_EVIDENCE, level, f->strategy);
      if (ts->topic->points > 0)
        _phaen_xlsx_row_number (each, COL_COUNT, ts->topic->points, f->number);
      else
        _phaen_xlsx_row_blank (each, COL_COUNT, COL_COUNT, f->strategy);
      _phaen_xlsx_row_blank (each, COL_LIMIT, N_COLS - 1, f->strategy);
      row += _phaen_xlsx_row_write (each);
      for (guint s = 0; s < ts->sub_items->len; s++)
        row = write_sub_item (sheet, application, g_ptr_array_index (ts->sub_items, s), row);
    }
  _phaen_xlsx_sheet_finish (sheet, head, head, row - 1);
  if (sheet->ws != NULL)
    worksheet_freeze_panes (sheet->ws, head + 1, 0);
  _phaen_xlsx_sheet_free (sheet);
}

gboolean
phaen_pmqa_write_xlsx (const PhaenPmqaApplication *application, const char *path, GError **error)
{
  g_autoptr (PhaenAtomicFile) file = NULL;
  lxw_workbook_options workbook_options = { 0 };
  PhaenXlsxOptions options;
  PhaenXlsxBook book = { 0 };
  lxw_error status;

  g_return_val_if_fail (application != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  file = phaen_atomic_file_new (path, error);
  if (file == NULL)
    return FALSE;
  workbook_options.tmpdir = (char *)g_get_tmp_dir ();
  book.workbook = workbook_new_opt (phaen_atomic_file_get_temp_path (file), &workbook_options);
  if (book.workbook == NULL)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_EXPORT, _ ("Could not write “%s”."), path);
      return FALSE;
    }
  phaen_xlsx_options_init (&options, PHAEN_XLSX_FORM_ALL);
  book.options = &options;
  book.fiscal_year = application->fiscal_year;
  book.sheet_names = g_ptr_array_new_with_free_func (g_free);
  _phaen_xlsx_formats_init (&book);
  for (guint c = 0; c < application->categories->len; c++)
    write_category (&book, application, g_ptr_array_index (application->categories, c));
  /* The first failure while writing, else the one closing the file. */
  status = workbook_close (book.workbook);
  if (book.status != LXW_NO_ERROR)
    status = book.status;
  g_clear_pointer (&book.sheet_names, g_ptr_array_unref);
  _phaen_xlsx_book_clear (&book);
  g_free (book.failed_at);
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
