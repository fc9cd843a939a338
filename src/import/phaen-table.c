/* phaen-table.c — a sheet of text cells read from an imported file
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <string.h>

#include "phaen-csv-reader.h"
#include "phaen-error.h"
#include "phaen-table.h"
#include "phaen-thai-text.h"
#include "phaen-xlsx-reader.h"

static void
row_free (gpointer data)
{
  PhaenTableRow *row = data;

  for (guint i = 0; i < row->n_cells; i++)
    g_free (row->cells[i].text);
  g_free (row->cells);
  g_free (row);
}

PhaenTable *
phaen_table_new (const char *name)
{
  PhaenTable *table = g_new0 (PhaenTable, 1);

  table->name = g_strdup (name ? name : "");
  table->rows = g_ptr_array_new_with_free_func (row_free);
  return table;
}

void
phaen_table_free (PhaenTable *table)
{
  if (table == NULL)
    return;
  g_free (table->name);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

PhaenTableRow *
phaen_table_add_row (PhaenTable *table, guint number)
{
  PhaenTableRow *row = g_new0 (PhaenTableRow, 1);

  g_return_val_if_fail (table != NULL, NULL);

  row->number = number;
  table->bytes += PHAEN_IMPORT_CELL_COST;
  g_ptr_array_add (table->rows, row);
  return row;
}

gboolean
phaen_table_row_set (
  PhaenTable *table, PhaenTableRow *row, guint column, const char *text, gboolean filled)
{
  g_autofree char *valid = NULL;
  gint64 cost;
  gsize length;

  g_return_val_if_fail (table != NULL && row != NULL, FALSE);
  g_return_val_if_fail (column < PHAEN_IMPORT_MAX_COLUMNS, FALSE);

  valid = g_utf8_make_valid (text ? text : "", -1);
  length = strlen (valid);
  if (length > PHAEN_IMPORT_MAX_CELL_BYTES)
    {
      const char *end = g_utf8_find_prev_char (valid, valid + PHAEN_IMPORT_MAX_CELL_BYTES + 1);

      valid[end - valid] = '\0';
      length = end - valid;
    }
  cost = (gint64)length;
  if (column >= row->n_cells)
    cost += (gint64)(column + 1 - row->n_cells) * PHAEN_IMPORT_CELL_COST;
  else
    cost -= (gint64)strlen (row->cells[column].text);
  if (table->bytes + cost > PHAEN_IMPORT_MAX_TABLE_BYTES)
    return FALSE;
  table->bytes += cost;

  if (column >= row->n_cells)
    {
      row->cells = g_renew (PhaenCell, row->cells, column + 1);
      for (guint i = row->n_cells; i <= column; i++)
        row->cells[i] = (PhaenCell){ g_strdup (""), FALSE };
      row->n_cells = column + 1;
      table->n_columns = MAX (table->n_columns, row->n_cells);
    }
  g_free (row->cells[column].text);
  row->cells[column].text = g_steal_pointer (&valid);
  row->cells[column].filled = filled;
  return TRUE;
}

gboolean
phaen_table_set_too_large (const PhaenTable *table, GError **error)
{
  g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
               _ ("“%s” holds more than %d MB of text: it is not imported."), table->name,
               (int)(PHAEN_IMPORT_MAX_TABLE_BYTES / (1024 * 1024)));
  return FALSE;
}

const char *
phaen_table_row_text (const PhaenTableRow *row, guint column)
{
  g_return_val_if_fail (row != NULL, "");
  return column < row->n_cells ? row->cells[column].text : "";
}

gboolean
phaen_table_row_filled (const PhaenTableRow *row, guint column)
{
  g_return_val_if_fail (row != NULL, FALSE);
  return column < row->n_cells && row->cells[column].filled;
}

gboolean
phaen_table_row_is_blank (const PhaenTableRow *row)
{
  for (guint i = 0; i < row->n_cells; i++)
    {
      for (const char *p = row->cells[i].text; *p; p = g_utf8_next_char (p))
        if (!g_unichar_isspace (g_utf8_get_char (p)))
          return FALSE;
    }
  return TRUE;
}

char *
phaen_table_header_key (const char *text)
{
  g_autofree char *arabic = phaen_digits_to_arabic (text ? text : "");
  g_autofree char *folded = g_utf8_casefold (arabic, -1);
  GString *key = g_string_new (NULL);

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && !g_unichar_ispunct (c))
        g_string_append_unichar (key, c);
    }
  return g_string_free (key, FALSE);
}

gboolean
phaen_table_header_matches (const char *key, const char *const *words)
{
  if (key == NULL || *key == '\0')
    return FALSE;
  for (guint i = 0; words[i]; i++)
    if (strstr (key, words[i]) != NULL)
      return TRUE;
  return FALSE;
}

/**
 * phaen_table_read_bytes:
 * @name: the file's name, for messages and a CSV table's name
 */
PhaenTable *
phaen_table_read_bytes (GBytes *bytes, const char *name, guint sheet, GError **error)
{
  gsize length;
  const guint8 *data = g_bytes_get_data (bytes, &length);

  if ((gint64)length > PHAEN_IMPORT_MAX_FILE_BYTES)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                   _ ("“%s” is too large to import (more than %d MB)."), name ? name : "",
                   (int)(PHAEN_IMPORT_MAX_FILE_BYTES / (1024 * 1024)));
      return NULL;
    }
  if (length >= 4 && memcmp (data, "PK\003\004", 4) == 0)
    return phaen_xlsx_read (data, length, sheet, error);
  if (length >= 8 && memcmp (data, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                   _ ("“%s” is an old Excel 97–2003 (.xls) file: save it as .xlsx or CSV first."),
                   name ? name : "");
      return NULL;
    }
  return phaen_csv_read ((const char *)data, length, name, error);
}

PhaenTable *
phaen_table_read_file (const char *path, guint sheet, GError **error)
{
  g_autoptr (GMappedFile) file = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *base = NULL;
  g_autoptr (GError) local = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  base = g_path_get_basename (path);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_IO, _ ("“%s” is not a file that can be read."),
                   base);
      return NULL;
    }
  file = g_mapped_file_new (path, FALSE, &local);
  if (file == NULL)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_IO, _ ("“%s” could not be read: %s"), base,
                   local->message);
      return NULL;
    }
  bytes = g_mapped_file_get_bytes (file);
  return phaen_table_read_bytes (bytes, base, sheet, error);
}

static void
read_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  GError *error = NULL;
  guint sheet = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (task), "sheet"));
  PhaenTable *table = phaen_table_read_file (task_data, sheet, &error);

  if (table == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, table, (GDestroyNotify)phaen_table_free);
}

void
phaen_table_read_file_async (const char *path,
                             guint sheet,
                             GCancellable *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_return_if_fail (path != NULL);

  /* libxml2 wants its first initialisation outside the threads that parse. */
  xmlInitParser ();
  g_task_set_source_tag (task, phaen_table_read_file_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_object_set_data (G_OBJECT (task), "sheet", GUINT_TO_POINTER (sheet));
  g_task_run_in_thread (task, read_thread);
}

/**
 * phaen_table_read_file_finish:
 *
 * Returns: (transfer full): the table, or %NULL with @error set as phaen_table_read_file() does
 */
PhaenTable *
phaen_table_read_file_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
