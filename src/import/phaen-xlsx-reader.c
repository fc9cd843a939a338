/* phaen-xlsx-reader.c — one worksheet of an Office Open XML workbook as a table
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Why libgsf and libxml2: both are maintained GNOME libraries packaged in Debian (libgsf-1-dev,
 * libxml2-dev) that Gnumeric reads real-world workbooks with; libgsf's zip reader gives every
 * part's uncompressed size before it inflates anything, so a part can be refused before it
 * costs memory, and libxml2 parses without network access or entity substitution. */
#define G_LOG_DOMAIN "phaen-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gsf/gsf-infile-zip.h>
#include <gsf/gsf-infile.h>
#include <gsf/gsf-input-memory.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

#include "phaen-error.h"
#include "phaen-xlsx-reader.h"

/* libgsf 1.14.50 declares no autoptr cleanups. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInput, g_object_unref)

typedef struct
{
  GsfInfile *zip;
  gint64 budget;      /* uncompressed bytes still allowed */
  GPtrArray *strings; /* the shared strings */
  GArray *filled;     /* gboolean per cellXfs index */
  gboolean over_budget;
} Reader;

static void
reader_clear (Reader *reader)
{
  g_clear_object (&reader->zip);
  g_clear_pointer (&reader->strings, g_ptr_array_unref);
  g_clear_pointer (&reader->filled, g_array_unref);
}

static gboolean
not_a_workbook (GError **error, const char *why)
{
  g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
               _ ("The file is not an Excel workbook that can be read: %s."), why);
  return FALSE;
}

/* "xl/worksheets/../foo.xml" → child input, or NULL when absent. */
static GsfInput *
open_part (Reader *reader, const char *path)
{
  g_auto (GStrv) parts = g_strsplit (path, "/", -1);
  g_autoptr (GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; parts[i]; i++)
    {
      if (*parts[i] == '\0' || g_str_equal (parts[i], "."))
        continue;
      if (g_str_equal (parts[i], ".."))
        {
          if (names->len > 0)
            g_ptr_array_remove_index (names, names->len - 1);
          continue;
        }
      g_ptr_array_add (names, parts[i]);
    }
  if (names->len == 0)
    return NULL;
  g_ptr_array_add (names, NULL);
  return gsf_infile_child_by_aname (reader->zip, (const char **)names->pdata);
}

/* The part's bytes, within the budget; NULL without error when the part is absent and
 * @optional. */
static GBytes *
read_part (Reader *reader, const char *path, gboolean optional, GError **error)
{
  g_autoptr (GsfInput) input = open_part (reader, path);
  g_autofree guint8 *buffer = NULL;
  gsf_off_t size;

  if (input == NULL)
    {
      if (!optional)
        not_a_workbook (error, path);
      return NULL;
    }
  if (GSF_IS_INFILE (input) && gsf_infile_num_children (GSF_INFILE (input)) > 0)
    {
      not_a_workbook (error, path);
      return NULL;
    }
  size = gsf_input_size (input);
  if (size < 0 || size > reader->budget)
    {
      reader->over_budget = TRUE;
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                   _ ("The workbook unpacks to more than %d MB: it is not imported."),
                   (int)(PHAEN_IMPORT_MAX_UNPACKED_BYTES / (1024 * 1024)));
      return NULL;
    }
  reader->budget -= size;
  buffer = g_malloc (size + 1);
  if (size > 0 && gsf_input_read (input, size, buffer) == NULL)
    {
      not_a_workbook (error, _ ("a part of it is damaged"));
      return NULL;
    }
  return g_bytes_new_take (g_steal_pointer (&buffer), size);
}

static xmlDoc *
parse_part (Reader *reader, const char *path, gboolean optional, GError **error)
{
  g_autoptr (GBytes) bytes = read_part (reader, path, optional, error);
  gsize length;
  const char *data;
  xmlDoc *doc;

  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &length);
  if (length > G_MAXINT)
    {
      not_a_workbook (error, path);
      return NULL;
    }
  /* Workbooks never declare a document type: one that does is refused before parsing, so that
   * no entity of it is ever expanded. */
  if (length >= 9 &&
      (g_strstr_len (data, length, "<!DOCTYPE") || g_strstr_len (data, length, "<!ENTITY")))
    {
      not_a_workbook (error, _ ("it declares a document type"));
      return NULL;
    }
  doc =
    xmlReadMemory (data, (int)length, path, NULL,
                   XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
  if (doc == NULL || xmlDocGetRootElement (doc) == NULL || doc->intSubset != NULL ||
      doc->extSubset != NULL)
    {
      g_autofree char *why = g_strdup_printf (_ ("%s is not well-formed XML"), path);

      if (doc)
        xmlFreeDoc (doc);
      not_a_workbook (error, why);
      return NULL;
    }
  return doc;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

static gboolean
is (xmlNode *node, const char *name)
{
  return node->type == XML_ELEMENT_NODE && g_str_equal ((const char *)node->name, name);
}

static char *
prop (xmlNode *node, const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, (const xmlChar *)name);
  char *copy = g_strdup ((const char *)value);

  xmlFree (value);
  return copy;
}

static xmlNode *
child (xmlNode *node, const char *name)
{
  for (xmlNode *c = node ? node->children : NULL; c; c = c->next)
    if (is (c, name))
      return c;
  return NULL;
}

/* The text of every <t> under @node, skipping phonetic runs (<rPh>); only text nodes are read,
 * never entity references. */
static void
collect_text (xmlNode *node, GString *out, gboolean in_t)
{
  for (xmlNode *c = node->children; c; c = c->next)
    {
      if (c->type == XML_TEXT_NODE && in_t && out->len < PHAEN_IMPORT_MAX_CELL_BYTES + 8)
        g_string_append (out, (const char *)c->content);
      else if (c->type == XML_ELEMENT_NODE && !is (c, "rPh"))
        collect_text (c, out, in_t || is (c, "t"));
    }
}

static char *
text_of (xmlNode *node)
{
  GString *out = g_string_new (NULL);

  if (node)
    collect_text (node, out, is (node, "t"));
  return g_string_free (out, FALSE);
}

/* "AB12" → column 27, row 12 (row 0 when absent). */
static gboolean
parse_ref (const char *ref, guint *column, guint *row)
{
  guint64 col = 0, r = 0;
  const char *p = ref;

  if (ref == NULL)
    return FALSE;
  for (; g_ascii_isalpha (*p); p++)
    {
      col = col * 26 + (g_ascii_toupper (*p) - 'A' + 1);
      if (col > 16384)
        return FALSE;
    }
  for (; g_ascii_isdigit (*p); p++)
    {
      r = r * 10 + (*p - '0');
      if (r > 1048576)
        return FALSE;
    }
  if (col == 0 || *p != '\0')
    return FALSE;
  *column = (guint)col - 1;
  *row = (guint)r;
  return TRUE;
}

/* ------------------------------------------------------------------ parts */

static void
read_shared_strings (Reader *reader, xmlDoc *doc)
{
  for (xmlNode *si = xmlDocGetRootElement (doc)->children; si; si = si->next)
    if (is (si, "si"))
      g_ptr_array_add (reader->strings, text_of (si));
}

static gboolean
solid (xmlNode *fill)
{
  xmlNode *pattern = child (fill, "patternFill");
  g_autofree char *type = pattern ? prop (pattern, "patternType") : NULL;
  xmlNode *fg = pattern ? child (pattern, "fgColor") : NULL;
  g_autofree char *rgb = fg ? prop (fg, "rgb") : NULL;

  if (child (fill, "gradientFill"))
    return TRUE;
  if (type == NULL || g_str_equal (type, "none") || g_str_equal (type, "gray125"))
    return FALSE;
  /* White is how some sheets say "no colour". */
  return rgb == NULL || g_ascii_strcasecmp (rgb, "FFFFFFFF") != 0;
}

static void
read_styles (Reader *reader, xmlDoc *doc)
{
  xmlNode *root = xmlDocGetRootElement (doc);
  g_autoptr (GArray) fills = g_array_new (FALSE, FALSE, sizeof (gboolean));

  for (xmlNode *f = child (child (root, "fills"), "fill"); f; f = f->next)
    if (is (f, "fill"))
      {
        gboolean s = solid (f);

        g_array_append_val (fills, s);
      }
  for (xmlNode *xf = child (child (root, "cellXfs"), "xf"); xf; xf = xf->next)
    if (is (xf, "xf"))
      {
        g_autofree char *id = prop (xf, "fillId");
        guint64 index = id ? g_ascii_strtoull (id, NULL, 10) : 0;
        gboolean s = index < fills->len && g_array_index (fills, gboolean, index);

        g_array_append_val (reader->filled, s);
      }
}

/* The worksheet part of sheet @sheet: through the workbook's relationships, else by name. */
static char *
sheet_path (Reader *reader, guint sheet, GStrv *names, GError **error)
{
  g_autoptr (xmlDoc) book = parse_part (reader, "xl/workbook.xml", FALSE, error);
  g_autoptr (xmlDoc) rels = NULL;
  g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  xmlNode *sheets;

  if (book == NULL)
    return NULL;
  sheets = child (xmlDocGetRootElement (book), "sheets");
  for (xmlNode *s = sheets ? sheets->children : NULL; s; s = s->next)
    if (is (s, "sheet"))
      {
        g_autofree char *name = prop (s, "name");
        xmlChar *rid = NULL;

        for (xmlAttr *a = s->properties; a; a = a->next)
          if (g_str_equal ((const char *)a->name, "id") && rid == NULL)
            rid = xmlNodeGetContent ((xmlNode *)a);
        g_ptr_array_add (ids, g_strdup ((const char *)rid));
        xmlFree (rid);
        g_strv_builder_add (builder, name ? name : "");
      }
  if (names)
    *names = g_strv_builder_end (builder);
  if (sheet >= ids->len)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_NOT_FOUND,
                   _ ("The workbook has no sheet number %u."), sheet + 1);
      return NULL;
    }
  rels = parse_part (reader, "xl/_rels/workbook.xml.rels", TRUE, NULL);
  for (xmlNode *r = rels ? xmlDocGetRootElement (rels)->children : NULL; r; r = r->next)
    if (is (r, "Relationship"))
      {
        g_autofree char *id = prop (r, "Id");
        g_autofree char *target = prop (r, "Target");

        if (id && target && g_strcmp0 (id, g_ptr_array_index (ids, sheet)) == 0)
          return target[0] == '/' ? g_strdup (target + 1) : g_strconcat ("xl/", target, NULL);
      }
  return g_strdup_printf ("xl/worksheets/sheet%u.xml", sheet + 1);
}

static char *
cell_text (Reader *reader, xmlNode *c)
{
  g_autofree char *type = prop (c, "t");
  xmlNode *v = child (c, "v");
  g_autofree char *value = NULL;

  if (type && g_str_equal (type, "inlineStr"))
    return text_of (child (c, "is"));
  if (v == NULL)
    return g_strdup ("");
  value = (char *)xmlNodeGetContent (v);
  if (type && g_str_equal (type, "s"))
    {
      char *end = NULL;
      guint64 index = g_ascii_strtoull (value ? value : "", &end, 10);

      if (end == value || index >= reader->strings->len)
        return g_strdup ("");
      return g_strdup (g_ptr_array_index (reader->strings, index));
    }
  if (type && g_str_equal (type, "b"))
    return g_strdup (value && g_str_equal (value, "1") ? "TRUE" : "FALSE");
  if (type == NULL || g_str_equal (type, "n"))
    {
      char *end = NULL;
      double number = g_ascii_strtod (value ? value : "", &end);
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      if (end != value && end && *end == '\0')
        return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.15g", number));
    }
  return g_strdup (value ? value : "");
}

static PhaenTableRow *
row_at (PhaenTable *table, guint number, GError **error)
{
  if (number == 0 || number > PHAEN_IMPORT_MAX_ROWS)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                   _ ("The sheet has more than %d rows: it is not imported."),
                   PHAEN_IMPORT_MAX_ROWS);
      return NULL;
    }
  while (table->rows->len < number)
    phaen_table_add_row (table, table->rows->len + 1);
  return g_ptr_array_index (table->rows, number - 1);
}

/* Cells that merged ranges may look at, in all: many ranges over the same filled area would
 * otherwise cost rows × columns each. Beyond it, merged text is no longer spread. */
#define MAX_MERGE_VISITS 20000000

static gboolean
spread_merges (PhaenTable *table, xmlNode *merges)
{
  guint64 visits = 0;

  for (xmlNode *m = merges ? merges->children : NULL; m; m = m->next)
    {
      g_autofree char *ref = is (m, "mergeCell") ? prop (m, "ref") : NULL;
      g_auto (GStrv) ends = ref ? g_strsplit (ref, ":", 3) : NULL;
      guint c1, r1, c2, r2;
      const char *text;

      if (ends == NULL || g_strv_length (ends) != 2 || !parse_ref (ends[0], &c1, &r1) ||
          !parse_ref (ends[1], &c2, &r2) || r1 == 0 || r1 > r2 || c1 > c2 || r1 > table->rows->len)
        continue;
      r2 = MIN (r2, table->rows->len);
      c2 = MIN (c2, PHAEN_IMPORT_MAX_COLUMNS - 1);
      text = phaen_table_row_text (g_ptr_array_index (table->rows, r1 - 1), c1);
      if (*text == '\0')
        continue;
      for (guint r = r1; r <= r2; r++)
        for (guint c = c1; c <= c2; c++)
          {
            PhaenTableRow *row = g_ptr_array_index (table->rows, r - 1);
            g_autofree char *copy = NULL;

            if (++visits > MAX_MERGE_VISITS)
              return TRUE;
            if ((r == r1 && c == c1) || *phaen_table_row_text (row, c) != '\0')
              continue;
            copy = g_strdup (text);
            if (!phaen_table_row_set (table, row, c, copy, phaen_table_row_filled (row, c)))
              return FALSE;
            /* @text may have moved when the first row grew. */
            text = phaen_table_row_text (g_ptr_array_index (table->rows, r1 - 1), c1);
          }
    }
  return TRUE;
}

static gboolean
read_sheet (Reader *reader, xmlDoc *doc, PhaenTable *table, GError **error)
{
  xmlNode *root = xmlDocGetRootElement (doc);
  xmlNode *data = child (root, "sheetData");
  guint next_row = 1;

  if (data == NULL)
    return not_a_workbook (error, _ ("the sheet has no data"));
  for (xmlNode *r = data->children; r; r = r->next)
    {
      g_autofree char *number_text = NULL;
      PhaenTableRow *row;
      guint number = next_row, next_col = 0;

      if (!is (r, "row"))
        continue;
      number_text = prop (r, "r");
      if (number_text)
        {
          char *end = NULL;
          guint64 n = g_ascii_strtoull (number_text, &end, 10);

          if (end != number_text && n > 0 && n <= G_MAXUINT)
            number = (guint)n;
        }
      row = row_at (table, number, error);
      if (row == NULL)
        return FALSE;
      next_row = number + 1;
      for (xmlNode *c = r->children; c; c = c->next)
        {
          g_autofree char *ref = NULL;
          g_autofree char *style = NULL;
          g_autofree char *text = NULL;
          guint column = next_col, ref_row;
          gboolean filled = FALSE;

          if (!is (c, "c"))
            continue;
          ref = prop (c, "r");
          if (ref && !parse_ref (ref, &column, &ref_row))
            column = next_col;
          if (column >= PHAEN_IMPORT_MAX_COLUMNS)
            {
              g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                           _ ("The sheet has more than %d columns: it is not imported."),
                           PHAEN_IMPORT_MAX_COLUMNS);
              return FALSE;
            }
          next_col = column + 1;
          style = prop (c, "s");
          if (style)
            {
              guint64 s = g_ascii_strtoull (style, NULL, 10);

              filled = s < reader->filled->len && g_array_index (reader->filled, gboolean, s);
            }
          text = cell_text (reader, c);
          if ((*text != '\0' || filled) && !phaen_table_row_set (table, row, column, text, filled))
            return phaen_table_set_too_large (table, error);
        }
    }
  if (!spread_merges (table, child (root, "mergeCells")))
    return phaen_table_set_too_large (table, error);
  return TRUE;
}

/* libgsf warns on stderr about each damaged zip entry it meets; the reader says what is wrong
 * with the file in its GError, so those warnings only go to the debug log. */
static void
gsf_warning_cb (const char *domain, GLogLevelFlags level, const char *message, gpointer data)
{
  g_debug ("%s: %s", domain, message);
}

static gboolean
reader_open (Reader *reader, const guint8 *data, gsize length, GError **error)
{
  static gsize quiet = 0;
  g_autoptr (GsfInput) input = NULL;
  g_autoptr (GError) local = NULL;

  if (g_once_init_enter (&quiet))
    {
      g_log_set_handler ("libgsf:zip", G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE, gsf_warning_cb,
                         NULL);
      g_log_set_handler ("libgsf", G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE, gsf_warning_cb, NULL);
      g_once_init_leave (&quiet, 1);
    }
  xmlInitParser ();
  *reader = (Reader){ .budget = PHAEN_IMPORT_MAX_UNPACKED_BYTES };
  reader->strings = g_ptr_array_new_with_free_func (g_free);
  reader->filled = g_array_new (FALSE, FALSE, sizeof (gboolean));
  if ((gint64)length > PHAEN_IMPORT_MAX_FILE_BYTES)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                   _ ("The file is too large to import (more than %d MB)."),
                   (int)(PHAEN_IMPORT_MAX_FILE_BYTES / (1024 * 1024)));
      return FALSE;
    }
  input = gsf_input_memory_new (data, length, FALSE);
  reader->zip = gsf_infile_zip_new (input, &local);
  if (reader->zip == NULL)
    return not_a_workbook (error, _ ("it is not a valid zip file"));
  return TRUE;
}

/* ------------------------------------------------------------------ public */

PhaenTable *
phaen_xlsx_read (const guint8 *data, gsize length, guint sheet, GError **error)
{
  Reader reader;
  g_autofree char *path = NULL;
  g_auto (GStrv) names = NULL;
  g_autoptr (xmlDoc) doc = NULL;
  g_autoptr (PhaenTable) table = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (reader_open (&reader, data, length, error) &&
      (path = sheet_path (&reader, sheet, &names, error)) != NULL)
    {
      g_autoptr (xmlDoc) strings = NULL;
      g_autoptr (xmlDoc) styles = NULL;
      g_autoptr (GError) local = NULL;

      /* A missing or damaged shared-strings or styles part loses text or shading, not the
       * sheet: but one over the size budget stops the import. */
      strings = parse_part (&reader, "xl/sharedStrings.xml", TRUE, &local);
      if (strings)
        read_shared_strings (&reader, strings);
      styles = local ? NULL : parse_part (&reader, "xl/styles.xml", TRUE, &local);
      if (styles)
        read_styles (&reader, styles);
      if (local && reader.over_budget)
        g_propagate_error (error, g_steal_pointer (&local));
      else if ((doc = parse_part (&reader, path, FALSE, error)) != NULL)
        {
          table = phaen_table_new (names[sheet]);
          ok = read_sheet (&reader, doc, table, error);
        }
    }
  reader_clear (&reader);
  return ok ? g_steal_pointer (&table) : NULL;
}

GStrv
phaen_xlsx_sheet_names (const guint8 *data, gsize length, GError **error)
{
  Reader reader;
  g_autofree char *path = NULL;
  GStrv names = NULL;

  if (reader_open (&reader, data, length, error))
    path = sheet_path (&reader, 0, &names, error);
  reader_clear (&reader);
  if (path == NULL)
    g_clear_pointer (&names, g_strfreev);
  return names;
}
