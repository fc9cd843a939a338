/* test-xlsx-read.h — just enough of an XLSX reader for tests (test-xlsx-read.c)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

typedef struct
{
  char *type;    /* t="…": "s", "str" or NULL */
  char *formula; /* without the leading "=" */
  char *value;   /* <v>, or the shared string itself for t="s" */
} Cell;

typedef struct
{
  GHashTable *cells; /* "C31" → Cell */
  GPtrArray *merges; /* "B23:N23" */
  GPtrArray *strings;
  char *xml;
} Sheet;

void cell_free (Cell *cell);
void sheet_free (Sheet *sheet);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Sheet, sheet_free)

/* The bytes of @member of the ZIP at @path (unzip -p). */
char *unzip_member (const char *path, const char *member);
char *xml_unescape (const char *text, gssize len);
GPtrArray *read_strings (const char *path);
/* Sheet number @index (from 1) of the workbook at @path. */
Sheet *read_sheet (const char *path, int index);
/* The cell at @ref such as "C31"; aborts the test when there is none. */
const Cell *cell_at (Sheet *sheet, const char *ref);
/* The reference of the first cell holding @text as a string, e.g. "B22"; a header broken over
 * lines matches the text without its line breaks. */
char *find_text (Sheet *sheet, const char *text);
/* The first cell holding @text below row @row (from 1), NULL when none does. */
char *find_text_below (Sheet *sheet, const char *text, int row);
void split_ref (const char *ref, int *row, int *col);
char *make_ref (int row, int col);
char *offset_ref (const char *ref, int rows, int cols);
void assert_ref (const char *actual, int row, int col);
gboolean has_merge (Sheet *sheet, const char *range);
void assert_number (Sheet *sheet, const char *ref, double expected);
