/* phaen-store-read.c — reading a column of a file that anyone may have written
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <math.h>

#include "phaen-store-private.h"

/* A workspace arrives by e-mail: `PRAGMA ignore_check_constraints` or `foreign_keys=OFF` let
 * its author store any value in any column. Every reader takes its values through these
 * helpers, so a value outside the schema's CHECK range refuses the row (PHAEN_ERROR_CORRUPT)
 * instead of indexing an array, and text is always bounded, valid UTF-8. */

/* How far back from @len the last whole character of @text ends (a cut inside a multi-byte
 * character moves back to its first byte). */
static gsize
utf8_boundary (const char *text, gsize len)
{
  gsize back = 0;

  while (back < 3 && back < len && ((guchar)text[len - back] & 0xC0) == 0x80)
    back++;
  return len - back;
}

/* Text: NULL stays NULL; bytes that are not UTF-8 (a NUL inside too) become U+FFFD each; text
 * longer than PHAEN_MAX_TEXT_BYTES is cut at a character boundary and ends with "…", so a
 * crafted 200 MB name costs 32 KB in every copy the views and exporters make of it. */
char *
_phaen_column_strdup (sqlite3_stmt *stmt, int col)
{
  const char *text = (const char *)sqlite3_column_text (stmt, col);
  gsize len = sqlite3_column_bytes (stmt, col);
  g_autofree char *valid = NULL;

  if (text == NULL)
    return NULL;
  /* Almost every text is valid: checked without building a copy (g_utf8_make_valid() grows a
   * GString), which the XLSX export of a 5,000-activity plan felt. A NUL byte is invalid too. */
  if (len <= PHAEN_MAX_TEXT_BYTES)
    return g_utf8_validate_len (text, len, NULL) ? g_strndup (text, len)
                                                 : g_utf8_make_valid (text, len);
  g_debug ("Cut text of %" G_GSIZE_FORMAT " bytes in column %s to %d bytes", len,
           sqlite3_column_name (stmt, col), PHAEN_MAX_TEXT_BYTES);
  valid = g_utf8_make_valid (text, utf8_boundary (text, PHAEN_MAX_TEXT_BYTES));
  return g_strconcat (valid, "…", NULL);
}

gboolean
_phaen_set_corrupt (GError **error, const char *format, ...)
{
  va_list args;
  g_autofree char *detail = NULL;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_CORRUPT, _ ("The workspace is damaged: %s"), detail);
  return FALSE;
}

gboolean
_phaen_column_int (sqlite3_stmt *stmt, int col, int min, int max, int *value, GError **error)
{
  gint64 read = sqlite3_column_int64 (stmt, col);

  if (read < min || read > max)
    return _phaen_set_corrupt (error, _ ("%s is %" PRId64 ", not a number from %d to %d."),
                               sqlite3_column_name (stmt, col), read, min, max);
  *value = (int)read;
  return TRUE;
}

gboolean
_phaen_column_id (sqlite3_stmt *stmt, int col, gboolean optional, gint64 *value, GError **error)
{
  gint64 read = sqlite3_column_int64 (stmt, col);

  if (read < 0 || (read == 0 && !optional))
    return _phaen_set_corrupt (error, _ ("%s is %" PRId64 ", which is not a row number."),
                               sqlite3_column_name (stmt, col), read);
  *value = read;
  return TRUE;
}

gboolean
_phaen_column_double (sqlite3_stmt *stmt, int col, double *value, GError **error)
{
  double read = sqlite3_column_double (stmt, col);

  if (!isfinite (read))
    return _phaen_set_corrupt (error, _ ("%s is not a finite number."),
                               sqlite3_column_name (stmt, col));
  *value = read;
  return TRUE;
}

/* *@has is FALSE (and *@value 0) for a NULL column. */
gboolean
_phaen_column_optional_double (
  sqlite3_stmt *stmt, int col, gboolean *has, double *value, GError **error)
{
  *has = sqlite3_column_type (stmt, col) != SQLITE_NULL;
  *value = 0;
  return !*has || _phaen_column_double (stmt, col, value, error);
}
