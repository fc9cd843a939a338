/* phaen-cell-table.h — a rectangle of cells as spreadsheets put it on the clipboard (TSV, HTML)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _PhaenCellTable PhaenCellTable;

/* An empty table of @n_rows × @n_columns cells (empty text, not shaded). */
PhaenCellTable *phaen_cell_table_new (guint n_rows, guint n_columns);
void phaen_cell_table_free (PhaenCellTable *table);

guint phaen_cell_table_get_n_rows (const PhaenCellTable *table);
guint phaen_cell_table_get_n_columns (const PhaenCellTable *table);
/* (transfer none): never NULL */
const char *phaen_cell_table_get_text (const PhaenCellTable *table, guint row, guint column);
gboolean phaen_cell_table_get_shaded (const PhaenCellTable *table, guint row, guint column);
void phaen_cell_table_set (
  PhaenCellTable *table, guint row, guint column, const char *text, gboolean shaded);

/**
 * phaen_cell_table_parse_tsv:
 * @text: tab-separated rows as LibreOffice and Excel copy them: one line per row, fields in
 *   double quotes when they hold a tab, a line break or a quote (`""` inside); CRLF or LF;
 *   the last line break is optional
 *
 * Short rows are padded with empty cells. Returns: (transfer full): never NULL; an empty
 * text gives a 0 × 0 table
 */
PhaenCellTable *phaen_cell_table_parse_tsv (const char *text);

/**
 * phaen_cell_table_parse_html:
 * @html: an HTML clipboard (text/html) from LibreOffice, Excel or a browser
 *
 * Reads the first `<table>`: `<td>`/`<th>` texts (tags dropped, `<br>` a line break, entities
 * decoded), colspan and rowspan repeated into the cells they cover (a responsible unit merged
 * down all rows lands in each), and a cell is shaded when it, or its class in the `<style>`
 * block (Excel), has a background colour other than white.
 *
 * Returns: (transfer full) (nullable): NULL when there is no table
 */
PhaenCellTable *phaen_cell_table_parse_html (const char *html);

/* TSV as phaen_cell_table_parse_tsv() reads it, one line break after each row.
 * Returns: (transfer full) */
char *phaen_cell_table_to_tsv (const PhaenCellTable *table);
/* An HTML table spreadsheets paste, shaded cells with a background.
 * Returns: (transfer full) */
char *phaen_cell_table_to_html (const PhaenCellTable *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PhaenCellTable, phaen_cell_table_free)

G_END_DECLS
