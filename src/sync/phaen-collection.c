/* phaen-collection.c — who has reported, from the packet log and the results
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-collection"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <xlsxwriter.h>

#include "phaen-atomic-file.h"
#include "phaen-collection.h"
#include "phaen-error.h"
#include "phaen-sync-private.h"

void
phaen_collection_row_free (PhaenCollectionRow *row)
{
  if (row == NULL)
    return;
  g_free (row->abbr);
  g_free (row->name);
  g_free (row->received_at);
  g_free (row->sent_by);
  g_free (row);
}

GPtrArray *
phaen_collection_list (PhaenStore *office, int fiscal_year, int quarter, GError **error)
{
  g_autoptr (GPtrArray) rows =
    g_ptr_array_new_with_free_func ((GDestroyNotify)phaen_collection_row_free);
  g_autoptr (PhaenStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (PHAEN_IS_STORE (office), NULL);

  if (quarter < 1 || quarter > PHAEN_QUARTERS)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                   _ ("%d is not a quarter: give 1, 2, 3 or 4."), quarter);
      return NULL;
    }
  if (!phaen_store_has_fiscal_year (office, fiscal_year, error))
    return NULL;
  stmt = _phaen_store_prepare (
    office,
    "SELECT u.id, u.abbr, u.name,"
    " (SELECT count (*) FROM indicator i WHERE i.unit_id = u.id AND i.fiscal_year = ?1),"
    " (SELECT count (*) FROM indicator i JOIN result r ON r.indicator_id = i.id"
    "   WHERE i.unit_id = u.id AND i.fiscal_year = ?1 AND r.quarter = ?2 AND r.value_text <> ''),"
    " (SELECT count (DISTINCT i.id) FROM indicator i JOIN result r ON r.indicator_id = i.id"
    "   JOIN evidence e ON e.result_id = r.id"
    "   WHERE i.unit_id = u.id AND i.fiscal_year = ?1 AND r.quarter = ?2),"
    " (SELECT count (*) FROM packet_log p WHERE p.unit_uuid = u.uuid AND p.fiscal_year = ?1"
    "   AND p.quarter = ?2),"
    " (SELECT max (received_at) FROM packet_log p WHERE p.unit_uuid = u.uuid"
    "   AND p.fiscal_year = ?1 AND p.quarter = ?2),"
    " (SELECT created_by FROM packet_log p WHERE p.unit_uuid = u.uuid AND p.fiscal_year = ?1"
    "   AND p.quarter = ?2 ORDER BY received_at DESC, seq DESC LIMIT 1),"
    " (SELECT coalesce (sum (pending), 0) FROM packet_log p WHERE p.unit_uuid = u.uuid"
    "   AND p.fiscal_year = ?1)"
    " FROM unit u WHERE u.id IN (SELECT unit_id FROM indicator WHERE fiscal_year = ?1"
    "  UNION SELECT unit_id FROM plan WHERE fiscal_year = ?1)"
    " ORDER BY u.abbr, u.id",
    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, fiscal_year);
  sqlite3_bind_int (stmt, 2, quarter);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PhaenCollectionRow *row = g_new0 (PhaenCollectionRow, 1);

      row->unit_id = sqlite3_column_int64 (stmt, 0);
      row->abbr = _phaen_column_strdup (stmt, 1);
      row->name = _phaen_column_strdup (stmt, 2);
      row->indicators = sqlite3_column_int (stmt, 3);
      row->with_result = sqlite3_column_int (stmt, 4);
      row->with_evidence = sqlite3_column_int (stmt, 5);
      row->packets = sqlite3_column_int (stmt, 6);
      row->received = row->packets > 0;
      row->received_at = _phaen_column_strdup (stmt, 7);
      row->sent_by = _phaen_column_strdup (stmt, 8);
      row->pending = sqlite3_column_int (stmt, 9);
      g_ptr_array_add (rows, row);
    }
  if (rc != SQLITE_DONE)
    {
      _phaen_store_set_error (office, rc, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

static void
append_csv (GString *out, const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text ? text : ""; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

gboolean
phaen_collection_write_missing_csv (GPtrArray *rows, const char *path, GError **error)
{
  g_autoptr (GString) out = g_string_new ("\xef\xbb\xbf");
  g_autoptr (PhaenAtomicFile) file = NULL;

  g_return_val_if_fail (rows != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  append_csv (out, _ ("Unit"));
  g_string_append_c (out, ',');
  append_csv (out, _ ("Name"));
  g_string_append_c (out, ',');
  append_csv (out, _ ("Indicators"));
  g_string_append_c (out, ',');
  append_csv (out, _ ("With result"));
  g_string_append_c (out, ',');
  append_csv (out, _ ("With evidence"));
  g_string_append (out, "\r\n");
  for (guint i = 0; i < rows->len; i++)
    {
      const PhaenCollectionRow *row = g_ptr_array_index (rows, i);

      if (row->received)
        continue;
      append_csv (out, row->abbr);
      g_string_append_c (out, ',');
      append_csv (out, row->name);
      g_string_append_printf (out, ",%u,%u,%u\r\n", row->indicators, row->with_result,
                              row->with_evidence);
    }
  file = phaen_atomic_file_new (path, error);
  return file != NULL && phaen_atomic_file_write (file, out->str, out->len) &&
         phaen_atomic_file_commit (file, error);
}

gboolean
phaen_collection_write_missing_xlsx (
  GPtrArray *rows, int fiscal_year, int quarter, const char *path, GError **error)
{
  g_autoptr (PhaenAtomicFile) file = NULL;
  g_autofree char *title = NULL;
  lxw_workbook *book;
  lxw_worksheet *sheet;
  lxw_format *bold, *plain;
  const char *headings[] = { _ ("Unit"), _ ("Name"), _ ("Indicators"), _ ("With result"),
                             _ ("With evidence") };
  lxw_error rc;
  int row = 2;

  g_return_val_if_fail (rows != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  file = phaen_atomic_file_new (path, error);
  if (file == NULL)
    return FALSE;
  book = workbook_new (phaen_atomic_file_get_temp_path (file));
  if (book == NULL)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_EXPORT, _ ("“%s” could not be written."), path);
      return FALSE;
    }
  sheet = workbook_add_worksheet (book, NULL);
  bold = workbook_add_format (book);
  plain = workbook_add_format (book);
  format_set_font_name (bold, "TH SarabunPSK");
  format_set_font_size (bold, 16);
  format_set_bold (bold);
  format_set_font_name (plain, "TH SarabunPSK");
  format_set_font_size (plain, 16);
  title = g_strdup_printf (_ ("Units that have not reported: fiscal year %d, quarter %d"),
                           fiscal_year, quarter);
  worksheet_write_string (sheet, 0, 0, title, bold);
  for (int c = 0; c < (int)G_N_ELEMENTS (headings); c++)
    worksheet_write_string (sheet, 1, c, headings[c], bold);
  worksheet_set_column (sheet, 0, 0, 14, NULL);
  worksheet_set_column (sheet, 1, 1, 40, NULL);
  worksheet_set_column (sheet, 2, 4, 12, NULL);
  for (guint i = 0; i < rows->len; i++)
    {
      const PhaenCollectionRow *item = g_ptr_array_index (rows, i);

      if (item->received)
        continue;
      worksheet_write_string (sheet, row, 0, item->abbr, plain);
      worksheet_write_string (sheet, row, 1, item->name, plain);
      worksheet_write_number (sheet, row, 2, item->indicators, plain);
      worksheet_write_number (sheet, row, 3, item->with_result, plain);
      worksheet_write_number (sheet, row, 4, item->with_evidence, plain);
      row++;
    }
  rc = workbook_close (book);
  if (rc != LXW_NO_ERROR)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_EXPORT, _ ("“%s” could not be written: %s"),
                   path, lxw_strerror (rc));
      return FALSE;
    }
  return phaen_atomic_file_commit (file, error);
}
