/* test-xlsx-read.c — just enough of an XLSX reader for tests: unzip a member, read a sheet's
 * cells (formulas, cached values, shared strings) and merges
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>
#include <string.h>

#include "test-xlsx-read.h"

char *
unzip_member (const char *path, const char *member)
{
  const char *argv[] = { "unzip", "-p", path, member, NULL };
  g_autoptr (GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status,
                &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  return out;
}

char *
xml_unescape (const char *text, gssize len)
{
  g_autofree char *raw = g_strndup (text, len < 0 ? strlen (text) : (gsize)len);
  GString *out = g_string_new (NULL);

  for (const char *p = raw; *p; p++)
    {
      if (g_str_has_prefix (p, "&quot;"))
        g_string_append_c (out, '"'), p += 5;
      else if (g_str_has_prefix (p, "&amp;"))
        g_string_append_c (out, '&'), p += 4;
      else if (g_str_has_prefix (p, "&lt;"))
        g_string_append_c (out, '<'), p += 3;
      else if (g_str_has_prefix (p, "&gt;"))
        g_string_append_c (out, '>'), p += 3;
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

void
cell_free (Cell *cell)
{
  g_free (cell->type);
  g_free (cell->formula);
  g_free (cell->value);
  g_free (cell);
}

void
sheet_free (Sheet *sheet)
{
  g_hash_table_unref (sheet->cells);
  g_ptr_array_unref (sheet->merges);
  g_ptr_array_unref (sheet->strings);
  g_free (sheet->xml);
  g_free (sheet);
}

GPtrArray *
read_strings (const char *path)
{
  g_autofree char *xml = unzip_member (path, "xl/sharedStrings.xml");
  g_autoptr (GRegex) si = g_regex_new ("<si>(.*?)</si>", G_REGEX_DOTALL | G_REGEX_RAW, 0, NULL);
  g_autoptr (GRegex) t = g_regex_new ("<t[^>]*>(.*?)</t>", G_REGEX_DOTALL | G_REGEX_RAW, 0, NULL);
  g_autoptr (GMatchInfo) match = NULL;
  GPtrArray *strings = g_ptr_array_new_with_free_func (g_free);

  g_regex_match (si, xml, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *item = g_match_info_fetch (match, 1);
      g_autoptr (GMatchInfo) parts = NULL;
      GString *text = g_string_new (NULL);

      g_regex_match (t, item, 0, &parts);
      for (; g_match_info_matches (parts); g_match_info_next (parts, NULL))
        {
          g_autofree char *part = g_match_info_fetch (parts, 1);
          g_autofree char *plain = xml_unescape (part, -1);

          g_string_append (text, plain);
        }
      g_ptr_array_add (strings, g_string_free (text, FALSE));
    }
  return strings;
}

Sheet *
read_sheet (const char *path, int index)
{
  g_autofree char *member = g_strdup_printf ("xl/worksheets/sheet%d.xml", index);
  g_autoptr (GRegex) cell_re =
    g_regex_new ("<c r=\"([A-Z]+[0-9]+)\"([^>]*?)(?:/>|>(.*?)</c>)", G_REGEX_DOTALL, 0, NULL);
  g_autoptr (GRegex) merge_re = g_regex_new ("<mergeCell ref=\"([A-Z0-9:]+)\"/>", 0, 0, NULL);
  g_autoptr (GRegex) type_re = g_regex_new ("t=\"([a-z]+)\"", 0, 0, NULL);
  g_autoptr (GRegex) f_re = g_regex_new ("<f>(.*?)</f>", G_REGEX_DOTALL, 0, NULL);
  g_autoptr (GRegex) v_re = g_regex_new ("<v>(.*?)</v>", G_REGEX_DOTALL, 0, NULL);
  g_autoptr (GMatchInfo) match = NULL;
  Sheet *sheet = g_new0 (Sheet, 1);

  sheet->xml = unzip_member (path, member);
  sheet->strings = read_strings (path);
  sheet->cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)cell_free);
  sheet->merges = g_ptr_array_new_with_free_func (g_free);

  g_regex_match (cell_re, sheet->xml, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *attrs = g_match_info_fetch (match, 2);
      g_autofree char *body = g_match_info_fetch (match, 3);
      g_autoptr (GMatchInfo) m = NULL;
      Cell *cell = g_new0 (Cell, 1);

      if (g_regex_match (type_re, attrs, 0, &m))
        cell->type = g_match_info_fetch (m, 1);
      g_clear_pointer (&m, g_match_info_free);
      if (body && g_regex_match (f_re, body, 0, &m))
        {
          g_autofree char *raw = g_match_info_fetch (m, 1);
          cell->formula = xml_unescape (raw, -1);
        }
      g_clear_pointer (&m, g_match_info_free);
      if (body && g_regex_match (v_re, body, 0, &m))
        {
          g_autofree char *raw = g_match_info_fetch (m, 1);

          if (g_strcmp0 (cell->type, "s") == 0)
            cell->value = g_strdup (g_ptr_array_index (sheet->strings, atoi (raw)));
          else
            cell->value = xml_unescape (raw, -1);
        }
      g_hash_table_insert (sheet->cells, g_match_info_fetch (match, 1), cell);
    }

  g_clear_pointer (&match, g_match_info_free);
  g_regex_match (merge_re, sheet->xml, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    g_ptr_array_add (sheet->merges, g_match_info_fetch (match, 1));
  return sheet;
}

const Cell *
cell_at (Sheet *sheet, const char *ref)
{
  const Cell *cell = g_hash_table_lookup (sheet->cells, ref);

  if (cell == NULL)
    g_error ("no cell %s", ref);
  return cell;
}

/* The reference of the first cell holding @text as a string, e.g. "B22". */
/* @text without the newlines a header is broken with (issue #15: at word boundaries) and the
 * spaces that may end its lines. */
static char *
unbroken (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text ? text : ""; *p; p++)
    if (*p != '\n' && *p != ' ')
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

char *
find_text_below (Sheet *sheet, const char *text, int row)
{
  GHashTableIter iter;
  gpointer key, value;
  char *best = NULL;
  int best_row = 0, best_col = 0;
  g_autofree char *wanted = unbroken (text);

  g_hash_table_iter_init (&iter, sheet->cells);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const Cell *cell = value;
      g_autofree char *plain = unbroken (cell->value);
      int r, c;

      if (g_strcmp0 (cell->type, "s") != 0 ||
          (g_strcmp0 (cell->value, text) != 0 && g_strcmp0 (plain, wanted) != 0))
        continue;
      split_ref (key, &r, &c);
      if (r > row && (best == NULL || r < best_row || (r == best_row && c < best_col)))
        {
          g_free (best);
          best = g_strdup (key);
          best_row = r;
          best_col = c;
        }
    }
  return best;
}

char *
find_text (Sheet *sheet, const char *text)
{
  char *found = find_text_below (sheet, text, 0);

  if (found == NULL)
    g_error ("no cell holds “%s”", text);
  return found;
}

void
split_ref (const char *ref, int *row, int *col)
{
  *col = 0;
  for (; g_ascii_isupper (*ref); ref++)
    *col = *col * 26 + (*ref - 'A' + 1);
  (*col)--;
  *row = atoi (ref);
}

char *
make_ref (int row, int col)
{
  char letters[4] = { 0 };
  int n = 0;

  for (int c = col + 1; c > 0; c = (c - 1) / 26)
    letters[n++] = 'A' + (c - 1) % 26;
  g_assert_cmpint (n, <=, 2);
  return n == 2 ? g_strdup_printf ("%c%c%d", letters[1], letters[0], row)
                : g_strdup_printf ("%c%d", letters[0], row);
}

char *
offset_ref (const char *ref, int rows, int cols)
{
  int row, col;

  split_ref (ref, &row, &col);
  return make_ref (row + rows, col + cols);
}

void
assert_ref (const char *actual, int row, int col)
{
  g_autofree char *expected = make_ref (row, col);

  g_assert_cmpstr (actual, ==, expected);
}

gboolean
has_merge (Sheet *sheet, const char *range)
{
  for (guint i = 0; i < sheet->merges->len; i++)
    if (g_str_equal (g_ptr_array_index (sheet->merges, i), range))
      return TRUE;
  return FALSE;
}

void
assert_number (Sheet *sheet, const char *ref, double expected)
{
  const Cell *cell = cell_at (sheet, ref);

  g_assert_nonnull (cell->value);
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (cell->value, NULL), expected, 1e-9);
}
