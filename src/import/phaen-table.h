/* phaen-table.h — a sheet of text cells read from an imported file (CSV, TSV or XLSX)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Imported files are someone else's: these bound what one may cost to read. */
#define PHAEN_IMPORT_MAX_FILE_BYTES (G_GINT64_CONSTANT (32) * 1024 * 1024)
/* The sum of the uncompressed sizes of the parts of an XLSX file read (zip-bomb guard). */
#define PHAEN_IMPORT_MAX_UNPACKED_BYTES (G_GINT64_CONSTANT (128) * 1024 * 1024)
#define PHAEN_IMPORT_MAX_ROWS 100000
#define PHAEN_IMPORT_MAX_COLUMNS 512
/* A cell longer than this is cut (an Excel cell holds at most 32,767 characters). */
#define PHAEN_IMPORT_MAX_CELL_BYTES 32000
/* What a table may hold in all: its text plus PHAEN_IMPORT_CELL_COST a cell, so that a shared
 * string repeated in every cell, or a merged range over a whole sheet, cannot grow without
 * bound. */
#define PHAEN_IMPORT_MAX_TABLE_BYTES (G_GINT64_CONSTANT (128) * 1024 * 1024)
#define PHAEN_IMPORT_CELL_COST 32

typedef struct
{
  char *text;      /* valid UTF-8, never NULL */
  gboolean filled; /* the cell is shaded (XLSX: a solid fill), as planned months are */
} PhaenCell;

typedef struct
{
  guint number; /* the row's number in the file, from 1, as the user sees it */
  guint n_cells;
  PhaenCell *cells;
} PhaenTableRow;

typedef struct
{
  char *name;      /* the sheet's name, or the file's base name for CSV */
  GPtrArray *rows; /* (element-type PhaenTableRow) in file order; empty rows are kept */
  guint n_columns; /* the widest row */
  gint64 bytes;    /* counted against PHAEN_IMPORT_MAX_TABLE_BYTES */
} PhaenTable;

PhaenTable *phaen_table_new (const char *name);
void phaen_table_free (PhaenTable *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PhaenTable, phaen_table_free)

/* Appends an empty row numbered @number. Returns: (transfer none) */
PhaenTableRow *phaen_table_add_row (PhaenTable *table, guint number);
/* Sets a cell, growing the row; @text is made valid UTF-8 and cut to the cell limit. FALSE,
 * and nothing set, when the table would pass PHAEN_IMPORT_MAX_TABLE_BYTES: the reader stops
 * with phaen_table_set_too_large(). */
gboolean phaen_table_row_set (
  PhaenTable *table, PhaenTableRow *row, guint column, const char *text, gboolean filled);
/* The error of a table over PHAEN_IMPORT_MAX_TABLE_BYTES. Returns FALSE. */
gboolean phaen_table_set_too_large (const PhaenTable *table, GError **error);
/* The cell's text, "" when the row is shorter. (transfer none) */
const char *phaen_table_row_text (const PhaenTableRow *row, guint column);
gboolean phaen_table_row_filled (const PhaenTableRow *row, guint column);
gboolean phaen_table_row_is_blank (const PhaenTableRow *row);

/* A header cell as headers are compared: case folded, Thai digits as Arabic, without spaces and
 * punctuation ("E-mail :" → "email"). Returns: (transfer full) */
char *phaen_table_header_key (const char *text);
/* Whether @key (of phaen_table_header_key()) contains one of @words (already keys). */
gboolean phaen_table_header_matches (const char *key, const char *const *words);

/* Reads @path as XLSX (a zip file) or else as CSV/TSV, within the limits above; @sheet picks
 * a sheet of a workbook by position (0 = the first). PHAEN_ERROR_INVALID says in the user's
 * language what is wrong with the file, PHAEN_ERROR_IO that it cannot be read.
 * Returns: (transfer full) */
PhaenTable *phaen_table_read_file (const char *path, guint sheet, GError **error);
PhaenTable *phaen_table_read_bytes (GBytes *bytes, const char *name, guint sheet, GError **error);
/* phaen_table_read_file() in a GTask thread: a large workbook does not stop the window. */
void phaen_table_read_file_async (const char *path,
                                  guint sheet,
                                  GCancellable *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer user_data);
PhaenTable *phaen_table_read_file_finish (GAsyncResult *result, GError **error);

G_END_DECLS
