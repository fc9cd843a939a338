/* phaen-csv-reader.c — comma-, semicolon- or tab-separated text as a table
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "phaen-csv-reader.h"
#include "phaen-error.h"

/* The separator that occurs most often outside quotes on the first line; a tab wins ties
 * (TSV copied from a sheet), a comma when there is none. */
static char
guess_separator (const char *text, gsize length)
{
  static const char candidates[] = { '\t', ',', ';' };
  guint counts[G_N_ELEMENTS (candidates)] = { 0 };
  gboolean quoted = FALSE;
  char best = ',';
  guint best_count = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];

      if (c == '"')
        quoted = !quoted;
      else if (!quoted && (c == '\n' || c == '\r'))
        break;
      else if (!quoted)
        for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
          if (c == candidates[k])
            counts[k]++;
    }
  for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
    if (counts[k] > best_count)
      {
        best = candidates[k];
        best_count = counts[k];
      }
  return best;
}

static gboolean
too_large (const char *name, gboolean rows, GError **error)
{
  if (rows)
    g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                 _ ("“%s” has more than %d rows: it is not imported."), name ? name : "",
                 PHAEN_IMPORT_MAX_ROWS);
  else
    g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                 _ ("“%s” has more than %d columns: it is not imported."), name ? name : "",
                 PHAEN_IMPORT_MAX_COLUMNS);
  return FALSE;
}

static gboolean
parse (PhaenTable *table, const char *text, gsize length, const char *name, GError **error)
{
  char separator = guess_separator (text, length);
  g_autoptr (GString) cell = g_string_new (NULL);
  PhaenTableRow *row = NULL;
  guint line = 1, row_line = 1, column = 0;
  gboolean quoted = FALSE, was_quoted = FALSE;
  gsize i = 0;

  while (i <= length)
    {
      char c = i < length ? text[i] : '\n';
      gboolean at_end = i == length;

      if (quoted)
        {
          if (at_end)
            {
              g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                           _ ("“%s”, row %u: a quoted value is never closed."), name ? name : "",
                           row_line);
              return FALSE;
            }
          if (c == '"' && i + 1 < length && text[i + 1] == '"')
            {
              g_string_append_c (cell, '"');
              i += 2;
              continue;
            }
          if (c == '"')
            quoted = FALSE;
          else
            {
              if (c == '\n')
                line++;
              if (cell->len < PHAEN_IMPORT_MAX_CELL_BYTES + 8)
                g_string_append_c (cell, c);
            }
          i++;
          continue;
        }
      if (c == '"' && cell->len == 0 && !was_quoted)
        {
          quoted = was_quoted = TRUE;
          i++;
          continue;
        }
      if (c == separator || c == '\n' || c == '\r')
        {
          if (row == NULL)
            {
              if (table->rows->len >= PHAEN_IMPORT_MAX_ROWS)
                return too_large (name, TRUE, error);
              row = phaen_table_add_row (table, row_line);
            }
          if (column >= PHAEN_IMPORT_MAX_COLUMNS)
            return too_large (name, FALSE, error);
          if ((cell->len > 0 || column > 0 || c == separator) &&
              !phaen_table_row_set (table, row, column,
                                    was_quoted ? cell->str : g_strstrip (cell->str), FALSE))
            return phaen_table_set_too_large (table, error);
          g_string_truncate (cell, 0);
          was_quoted = FALSE;
          column++;
          if (c != separator)
            {
              if (c == '\r' && i + 1 < length && text[i + 1] == '\n')
                i++;
              row = NULL;
              column = 0;
              line++;
              row_line = line;
              if (at_end || i + 1 == length)
                break;
            }
          i++;
          continue;
        }
      if (cell->len < PHAEN_IMPORT_MAX_CELL_BYTES + 8)
        g_string_append_c (cell, c);
      i++;
    }
  return TRUE;
}

PhaenTable *
phaen_csv_read (const char *data, gsize length, const char *name, GError **error)
{
  g_autoptr (PhaenTable) table = phaen_table_new (name);
  g_autofree char *converted = NULL;
  const char *text = data;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    {
      text += 3;
      length -= 3;
    }
  if (length >= 2 && ((guint8)text[0] == 0xFF && (guint8)text[1] == 0xFE))
    {
      gsize written = 0;

      /* "Unicode text" as Excel saves it: UTF-16LE with tabs. */
      converted = g_convert (text + 2, length - 2, "UTF-8", "UTF-16LE", NULL, &written, NULL);
      if (converted == NULL)
        {
          g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                       _ ("“%s” is not a table of text that can be read."), name ? name : "");
          return NULL;
        }
      text = converted;
      length = written;
    }
  else if (!g_utf8_validate_len (text, length, NULL))
    {
      gsize written = 0;

      converted = g_convert (text, length, "UTF-8", "WINDOWS-874", NULL, &written, NULL);
      if (converted == NULL)
        {
          g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                       _ ("“%s” is neither UTF-8 nor Thai Windows text: it cannot be read."),
                       name ? name : "");
          return NULL;
        }
      text = converted;
      length = written;
    }
  if (memchr (text, '\0', length) != NULL)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                   _ ("“%s” is not a table of text that can be read."), name ? name : "");
      return NULL;
    }
  if (!parse (table, text, length, name, error))
    return NULL;
  return g_steal_pointer (&table);
}
