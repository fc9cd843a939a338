/* phaen-cell-table.c — a rectangle of cells as spreadsheets put it on the clipboard (TSV, HTML)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-cell-table"

#include "phaen-cell-table.h"

#include <string.h>

typedef struct
{
  char *text;
  gboolean shaded;
} Cell;

struct _PhaenCellTable
{
  guint n_rows, n_columns;
  Cell *cells;
};

/* ------------------------------------------------------------------ table */

PhaenCellTable *
phaen_cell_table_new (guint n_rows, guint n_columns)
{
  PhaenCellTable *table = g_new0 (PhaenCellTable, 1);

  table->n_rows = n_rows;
  table->n_columns = n_columns;
  table->cells = g_new0 (Cell, (gsize)n_rows * n_columns + 1);
  return table;
}

void
phaen_cell_table_free (PhaenCellTable *table)
{
  if (table == NULL)
    return;
  for (gsize i = 0; i < (gsize)table->n_rows * table->n_columns; i++)
    g_free (table->cells[i].text);
  g_free (table->cells);
  g_free (table);
}

guint
phaen_cell_table_get_n_rows (const PhaenCellTable *table)
{
  g_return_val_if_fail (table != NULL, 0);
  return table->n_rows;
}

guint
phaen_cell_table_get_n_columns (const PhaenCellTable *table)
{
  g_return_val_if_fail (table != NULL, 0);
  return table->n_columns;
}

static Cell *
cell_at (const PhaenCellTable *table, guint row, guint column)
{
  return &table->cells[(gsize)row * table->n_columns + column];
}

const char *
phaen_cell_table_get_text (const PhaenCellTable *table, guint row, guint column)
{
  g_return_val_if_fail (table != NULL, "");
  g_return_val_if_fail (row < table->n_rows && column < table->n_columns, "");
  return cell_at (table, row, column)->text ? cell_at (table, row, column)->text : "";
}

gboolean
phaen_cell_table_get_shaded (const PhaenCellTable *table, guint row, guint column)
{
  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (row < table->n_rows && column < table->n_columns, FALSE);
  return cell_at (table, row, column)->shaded;
}

void
phaen_cell_table_set (
  PhaenCellTable *table, guint row, guint column, const char *text, gboolean shaded)
{
  Cell *cell;

  g_return_if_fail (table != NULL);
  g_return_if_fail (row < table->n_rows && column < table->n_columns);
  cell = cell_at (table, row, column);
  g_free (cell->text);
  cell->text = g_strdup (text ? text : "");
  cell->shaded = shaded;
}

/* Rows of Cells (GArray each) squared into a table. */
static PhaenCellTable *
table_from_rows (GPtrArray *rows)
{
  guint n_columns = 0;
  PhaenCellTable *table;

  for (guint r = 0; r < rows->len; r++)
    n_columns = MAX (n_columns, ((GArray *)g_ptr_array_index (rows, r))->len);
  table = phaen_cell_table_new (n_columns ? rows->len : 0, n_columns);
  for (guint r = 0; r < table->n_rows; r++)
    {
      GArray *row = g_ptr_array_index (rows, r);

      for (guint c = 0; c < row->len; c++)
        {
          Cell *from = &g_array_index (row, Cell, c);

          *cell_at (table, r, c) = *from;
          from->text = NULL;
        }
    }
  return table;
}

static void
cell_row_free (GArray *row)
{
  for (guint c = 0; c < row->len; c++)
    g_free (g_array_index (row, Cell, c).text);
  g_array_unref (row);
}

/* ------------------------------------------------------------------ TSV */

PhaenCellTable *
phaen_cell_table_parse_tsv (const char *text)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)cell_row_free);
  GArray *row = NULL;
  const char *p = text ? text : "";

  while (*p)
    {
      g_autoptr (GString) field = g_string_new (NULL);
      Cell cell = { NULL, FALSE };

      if (row == NULL)
        {
          row = g_array_new (FALSE, TRUE, sizeof (Cell));
          g_ptr_array_add (rows, row);
        }
      if (*p == '"')
        {
          for (p++; *p; p++)
            {
              if (*p == '"' && p[1] == '"')
                g_string_append_c (field, *p++);
              else if (*p == '"')
                {
                  p++;
                  break;
                }
              else if (!(*p == '\r' && p[1] == '\n'))
                g_string_append_c (field, *p);
            }
          /* anything after the closing quote up to the separator belongs to the field */
        }
      for (; *p && *p != '\t' && *p != '\n' && *p != '\r'; p++)
        g_string_append_c (field, *p);
      cell.text = g_string_free (g_steal_pointer (&field), FALSE);
      g_array_append_val (row, cell);
      if (*p == '\t')
        {
          Cell empty = { NULL, FALSE };

          p++;
          if (*p != '\0' && *p != '\n' && *p != '\r')
            continue;
          empty.text = g_strdup ("");
          g_array_append_val (row, empty);
        }
      if (*p == '\r')
        p++;
      if (*p == '\n')
        p++;
      row = NULL;
    }
  return table_from_rows (rows);
}

static void
append_tsv_field (GString *out, const char *text)
{
  if (strpbrk (text, "\t\n\r\"") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

char *
phaen_cell_table_to_tsv (const PhaenCellTable *table)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (table != NULL, NULL);
  for (guint r = 0; r < table->n_rows; r++)
    {
      for (guint c = 0; c < table->n_columns; c++)
        {
          if (c > 0)
            g_string_append_c (out, '\t');
          append_tsv_field (out, phaen_cell_table_get_text (table, r, c));
        }
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------ HTML */

static const struct
{
  const char *name;
  const char *text;
} entities[] = {
  { "amp", "&" }, { "lt", "<" }, { "gt", ">" }, { "quot", "\"" }, { "apos", "'" }, { "nbsp", " " },
};

/* Appends text between tags, collapsing white space as HTML does and decoding entities. */
static void
append_html_text (GString *out, const char *p, const char *end)
{
  while (p < end)
    {
      if (g_ascii_isspace (*p))
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ' && out->str[out->len - 1] != '\n')
            g_string_append_c (out, ' ');
          p++;
        }
      else if (*p == '&')
        {
          const char *semi = memchr (p, ';', (gsize)MIN (end - p, 12));
          gboolean done = FALSE;

          if (semi && p[1] == '#')
            {
              gunichar c = p[2] == 'x' || p[2] == 'X'
                             ? (gunichar)g_ascii_strtoull (p + 3, NULL, 16)
                             : (gunichar)g_ascii_strtoull (p + 2, NULL, 10);

              if (g_unichar_validate (c) && c != 0)
                {
                  g_string_append_unichar (out, c == 0xA0 ? ' ' : c);
                  done = TRUE;
                }
            }
          else if (semi)
            for (guint i = 0; i < G_N_ELEMENTS (entities) && !done; i++)
              if ((gsize)(semi - p - 1) == strlen (entities[i].name) &&
                  g_ascii_strncasecmp (p + 1, entities[i].name, (gsize)(semi - p - 1)) == 0)
                {
                  g_string_append (out, entities[i].text);
                  done = TRUE;
                }
          if (done)
            p = semi + 1;
          else
            g_string_append_c (out, *p++);
        }
      else
        g_string_append_c (out, *p++);
    }
}

/* The value of attribute @name in a tag's attribute text, or NULL. Returns: (transfer full) */
static char *
attribute (const char *attrs, gsize len, const char *name)
{
  gsize n = strlen (name);

  for (gsize i = 0; i + n < len; i++)
    {
      const char *p = attrs + i;

      if ((i > 0 && !g_ascii_isspace (attrs[i - 1])) || g_ascii_strncasecmp (p, name, n) != 0)
        continue;
      p += n;
      while (p < attrs + len && g_ascii_isspace (*p))
        p++;
      if (p >= attrs + len || *p != '=')
        continue;
      for (p++; p < attrs + len && g_ascii_isspace (*p); p++)
        ;
      if (p < attrs + len && (*p == '"' || *p == '\''))
        {
          const char *close = memchr (p + 1, *p, (gsize)(attrs + len - p - 1));

          return close ? g_strndup (p + 1, (gsize)(close - p - 1)) : NULL;
        }
      else
        {
          const char *q = p;

          while (q < attrs + len && !g_ascii_isspace (*q) && *q != '>')
            q++;
          return g_strndup (p, (gsize)(q - p));
        }
    }
  return NULL;
}

static gboolean
colour_is_shading (const char *value)
{
  g_autofree char *v = g_ascii_strdown (g_strstrip (g_strdup (value)), -1);
  char *end = v + strcspn (v, ";! ");

  *end = '\0';
  return v[0] != '\0' && strcmp (v, "#fff") != 0 && strcmp (v, "#ffffff") != 0 &&
         strcmp (v, "white") != 0 && strcmp (v, "transparent") != 0 && strcmp (v, "none") != 0 &&
         strcmp (v, "inherit") != 0 && strcmp (v, "initial") != 0 && strcmp (v, "auto") != 0 &&
         strcmp (v, "window") != 0;
}

/* Whether CSS declarations give a background colour. */
static gboolean
style_is_shaded (const char *style)
{
  g_autofree char *lower = g_ascii_strdown (style, -1);

  for (const char *p = strstr (lower, "background"); p; p = strstr (p + 1, "background"))
    {
      const char *colon = strchr (p, ':');
      const char *name_end = p + strlen ("background");

      if (colon == NULL)
        break;
      if (strncmp (name_end, "-color", 6) == 0)
        name_end += 6;
      while (g_ascii_isspace (*name_end))
        name_end++;
      if (name_end == colon && colour_is_shading (colon + 1))
        return TRUE;
    }
  return FALSE;
}

/* Excel's <style> block: `.xl65 {…background:#FFC000;…}` → the shaded class names. */
static GHashTable *
shaded_classes (const char *html)
{
  GHashTable *classes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *style = strstr (html, "<style");
  const char *end;

  if (style == NULL || (end = strstr (style, "</style")) == NULL)
    return classes;
  for (const char *p = style; p < end; p++)
    {
      const char *open, *close, *q;
      g_autofree char *body = NULL;

      if (*p != '.' || (p > style && !g_ascii_isspace (p[-1]) && p[-1] != '}' && p[-1] != '>'))
        continue;
      for (q = p + 1; q < end && (g_ascii_isalnum (*q) || *q == '-' || *q == '_'); q++)
        ;
      open = memchr (q, '{', (gsize)(end - q));
      close = open ? memchr (open, '}', (gsize)(end - open)) : NULL;
      if (close == NULL)
        break;
      body = g_strndup (open + 1, (gsize)(close - open - 1));
      if (q > p + 1 && style_is_shaded (body))
        g_hash_table_add (classes, g_strndup (p + 1, (gsize)(q - p - 1)));
      p = close;
    }
  return classes;
}

typedef struct
{
  guint left; /* rows still covered */
  char *text;
  gboolean shaded;
} Carry;

static void
put_cell (
  GArray *row, GArray *carry, const char *text, gboolean shaded, guint colspan, guint rowspan)
{
  for (guint i = 0; i < colspan; i++)
    {
      Cell cell = { g_strdup (text), shaded };
      guint c;

      /* Cells merged down from above take their columns first. */
      while ((c = row->len) < carry->len && g_array_index (carry, Carry, c).left > 0)
        {
          Carry *k = &g_array_index (carry, Carry, c);
          Cell above = { g_strdup (k->text), k->shaded };

          g_array_append_val (row, above);
          k->left--;
        }
      c = row->len;
      g_array_append_val (row, cell);
      if (rowspan > 1)
        {
          Carry *k;

          if (carry->len <= c)
            g_array_set_size (carry, c + 1);
          k = &g_array_index (carry, Carry, c);
          g_free (k->text);
          k->text = g_strdup (text);
          k->shaded = shaded;
          k->left = rowspan - 1;
        }
    }
}

static void
finish_row (GArray *row, GArray *carry)
{
  guint c;

  while ((c = row->len) < carry->len)
    {
      Carry *k = &g_array_index (carry, Carry, c);
      Cell above = { g_strdup (k->left > 0 ? k->text : ""), k->left > 0 && k->shaded };

      if (k->left > 0)
        k->left--;
      g_array_append_val (row, above);
    }
}

static void
carry_clear (Carry *k)
{
  g_free (k->text);
}

static guint
span (const char *attrs, gsize len, const char *name)
{
  g_autofree char *value = attribute (attrs, len, name);
  guint64 n = value ? g_ascii_strtoull (value, NULL, 10) : 1;

  return (guint)CLAMP (n, 1, 1000);
}

PhaenCellTable *
phaen_cell_table_parse_html (const char *html)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)cell_row_free);
  g_autoptr (GHashTable) classes = NULL;
  g_autoptr (GArray) carry = g_array_new (FALSE, TRUE, sizeof (Carry));
  g_autoptr (GString) text = g_string_new (NULL);
  const char *p;
  GArray *row = NULL;
  gboolean in_cell = FALSE, cell_shaded = FALSE, row_shaded = FALSE;
  guint colspan = 1, rowspan = 1, depth = 0;

  g_return_val_if_fail (html != NULL, NULL);
  g_array_set_clear_func (carry, (GDestroyNotify)carry_clear);

  p = html;
  while ((p = strchr (p, '<')) != NULL)
    {
      if (g_ascii_strncasecmp (p, "<table", 6) == 0 && (p[6] == '>' || g_ascii_isspace (p[6])))
        break;
      p++;
    }
  if (p == NULL)
    return NULL;
  classes = shaded_classes (html);

  while (p && *p)
    {
      const char *lt = strchr (p, '<');
      const char *gt, *name, *attrs;
      gboolean closing;
      gsize name_len, attrs_len;

      if (in_cell)
        append_html_text (text, p, lt ? lt : p + strlen (p));
      if (lt == NULL)
        break;
      if (strncmp (lt, "<!--", 4) == 0)
        {
          const char *end = strstr (lt, "-->");

          p = end ? end + 3 : NULL;
          continue;
        }
      gt = strchr (lt, '>');
      if (gt == NULL)
        break;
      closing = lt[1] == '/';
      name = lt + 1 + closing;
      for (name_len = 0; g_ascii_isalnum (name[name_len]); name_len++)
        ;
      attrs = name + name_len;
      attrs_len = (gsize)(gt - attrs);
      p = gt + 1;

#define IS(tag) (name_len == strlen (tag) && g_ascii_strncasecmp (name, tag, name_len) == 0)
      if (IS ("table"))
        {
          if (!closing)
            depth++;
          else if (--depth == 0)
            break;
        }
      else if (depth > 1)
        continue; /* a table inside a cell is that cell's text */
      else if (IS ("tr") && !closing)
        {
          if (row)
            finish_row (row, carry);
          row = g_array_new (FALSE, TRUE, sizeof (Cell));
          g_ptr_array_add (rows, row);
          {
            g_autofree char *bg = attribute (attrs, attrs_len, "bgcolor");
            g_autofree char *style = attribute (attrs, attrs_len, "style");

            row_shaded = (bg && colour_is_shading (bg)) || (style && style_is_shaded (style));
          }
        }
      else if (IS ("tr") && closing)
        {
          if (row)
            finish_row (row, carry);
          row = NULL;
        }
      else if ((IS ("td") || IS ("th")) && !closing)
        {
          g_autofree char *bg = attribute (attrs, attrs_len, "bgcolor");
          g_autofree char *style = attribute (attrs, attrs_len, "style");
          g_autofree char *klass = attribute (attrs, attrs_len, "class");

          if (row == NULL)
            {
              row = g_array_new (FALSE, TRUE, sizeof (Cell));
              g_ptr_array_add (rows, row);
            }
          in_cell = TRUE;
          g_string_truncate (text, 0);
          cell_shaded =
            row_shaded || (bg && colour_is_shading (bg)) || (style && style_is_shaded (style));
          if (klass)
            {
              g_auto (GStrv) names = g_strsplit (klass, " ", -1);

              for (guint i = 0; names[i]; i++)
                cell_shaded |= g_hash_table_contains (classes, names[i]);
            }
          colspan = span (attrs, attrs_len, "colspan");
          rowspan = span (attrs, attrs_len, "rowspan");
        }
      else if ((IS ("td") || IS ("th")) && closing && in_cell)
        {
          in_cell = FALSE;
          g_strstrip (text->str);
          put_cell (row, carry, text->str, cell_shaded, colspan, rowspan);
        }
      else if (in_cell && (IS ("br") || ((IS ("p") || IS ("div")) && closing)))
        {
          while (text->len > 0 && text->str[text->len - 1] == ' ')
            g_string_truncate (text, text->len - 1);
          g_string_append_c (text, '\n');
        }
#undef IS
    }
  if (in_cell && row)
    {
      g_strstrip (text->str);
      put_cell (row, carry, text->str, cell_shaded, colspan, rowspan);
    }
  if (row)
    finish_row (row, carry);
  return table_from_rows (rows);
}

static void
append_html_escaped (GString *out, const char *text)
{
  for (const char *p = text; *p; p++)
    switch (*p)
      {
      case '&':
        g_string_append (out, "&amp;");
        break;
      case '<':
        g_string_append (out, "&lt;");
        break;
      case '>':
        g_string_append (out, "&gt;");
        break;
      case '"':
        g_string_append (out, "&quot;");
        break;
      case '\n':
        g_string_append (out, "<br>");
        break;
      default:
        g_string_append_c (out, *p);
      }
}

char *
phaen_cell_table_to_html (const PhaenCellTable *table)
{
  GString *out = g_string_new ("<html><head><meta charset=\"utf-8\"></head><body>\n<table>\n");

  g_return_val_if_fail (table != NULL, NULL);
  for (guint r = 0; r < table->n_rows; r++)
    {
      g_string_append (out, "<tr>");
      for (guint c = 0; c < table->n_columns; c++)
        {
          g_string_append (out, phaen_cell_table_get_shaded (table, r, c)
                                  ? "<td style=\"background:#99c1f1\">"
                                  : "<td>");
          append_html_escaped (out, phaen_cell_table_get_text (table, r, c));
          g_string_append (out, "</td>");
        }
      g_string_append (out, "</tr>\n");
    }
  g_string_append (out, "</table>\n</body></html>\n");
  return g_string_free (out, FALSE);
}
