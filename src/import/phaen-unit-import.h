/* phaen-unit-import.h — organisation units from a table: preview with per-row errors, then one
 * undoable import
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "phaen-store.h"
#include "phaen-table.h"

G_BEGIN_DECLS

typedef enum
{
  PHAEN_UNIT_IMPORT_ABBR,
  PHAEN_UNIT_IMPORT_NAME,
  PHAEN_UNIT_IMPORT_PARENT,
  PHAEN_UNIT_IMPORT_HEAD,
  PHAEN_UNIT_IMPORT_POSITION,
  PHAEN_UNIT_IMPORT_PHONE,
  PHAEN_UNIT_IMPORT_EMAIL,
  PHAEN_UNIT_IMPORT_N_FIELDS,
} PhaenUnitImportField;

typedef enum
{
  PHAEN_UNIT_IMPORT_NEW,    /* will be added */
  PHAEN_UNIT_IMPORT_EXISTS, /* the workspace has the abbreviation already: left as it is */
  PHAEN_UNIT_IMPORT_ERROR,  /* not imported: message says why */
} PhaenUnitImportStatus;

typedef struct
{
  guint row; /* the row's number in the file */
  char *fields[PHAEN_UNIT_IMPORT_N_FIELDS];
  PhaenUnitImportStatus status;
  char *message; /* why, in the user's language; NULL for a plain new row */
} PhaenUnitImportRow;

typedef struct
{
  guint header_row;                        /* the header's number in the file */
  int columns[PHAEN_UNIT_IMPORT_N_FIELDS]; /* the table column of each field, -1 when absent */
  GPtrArray *rows;                         /* (element-type PhaenUnitImportRow), data rows */
  guint n_new, n_exists, n_errors;
} PhaenUnitImport;

void phaen_unit_import_free (PhaenUnitImport *import);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PhaenUnitImport, phaen_unit_import_free)

/* The field's column title, translated ("ชื่อย่อ"). */
const char *phaen_unit_import_field_title (PhaenUnitImportField field);

/* Finds the header row (the first with an abbreviation column: ชื่อย่อ, อักษรย่อ, abbreviation
 * …) and checks every row below against @store: a missing abbreviation, one repeated in the
 * file, a parent found neither in the file nor in the workspace, a unit that would be its own
 * ancestor, a malformed e-mail address are errors of that row. PHAEN_ERROR_INVALID when the
 * table has no such header. Returns: (transfer full) */
PhaenUnitImport *
phaen_unit_import_prepare (PhaenStore *store, const PhaenTable *table, GError **error);

/* Adds the NEW rows (parents linked by abbreviation, the head as a person of the unit) as one
 * undo step; error rows are left out. Returns the number of units added, -1 on error. */
int phaen_unit_import_apply (PhaenUnitImport *import, PhaenStore *store, GError **error);

G_END_DECLS
