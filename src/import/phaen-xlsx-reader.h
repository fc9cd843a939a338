/* phaen-xlsx-reader.h — one worksheet of an Office Open XML workbook as a table
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "phaen-table.h"

G_BEGIN_DECLS

/* Reads worksheet @sheet (0 = the first in the workbook's order): shared, inline and rich
 * strings, numbers, booleans; a merged range repeats its first cell's text over the range; a
 * cell with a solid fill is marked filled. The zip container is read with libgsf, the XML with
 * libxml2 (no network, no DTD: a part with a DTD is refused, so no entity can expand). Every
 * part is read within PHAEN_IMPORT_MAX_UNPACKED_BYTES in all, whatever the zip's directory
 * claims. Returns: (transfer full) */
PhaenTable *phaen_xlsx_read (const guint8 *data, gsize length, guint sheet, GError **error);
/* The names of the workbook's worksheets, in order. Returns: (transfer full) */
GStrv phaen_xlsx_sheet_names (const guint8 *data, gsize length, GError **error);

G_END_DECLS
