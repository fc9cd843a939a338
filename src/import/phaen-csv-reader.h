/* phaen-csv-reader.h — comma-, semicolon- or tab-separated text as a table
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "phaen-table.h"

G_BEGIN_DECLS

/* RFC 4180 quoting ("a ""b""", line breaks inside quotes), a UTF-8 byte-order mark, CRLF or LF,
 * and the separator guessed from the first line (tab, comma or semicolon). Text that is not
 * UTF-8 is read as Thai Windows-874 (TIS-620), as Excel saves "CSV" on a Thai Windows.
 * Returns: (transfer full) */
PhaenTable *phaen_csv_read (const char *data, gsize length, const char *name, GError **error);

G_END_DECLS
