/* phaen-plan-import.h — a plan from a table: our own XLSX export read back, or any table with a
 * header row mapped column by column
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "phaen-store.h"
#include "phaen-table.h"

G_BEGIN_DECLS

typedef enum
{
  PHAEN_PLAN_COLUMN_IGNORE,
  PHAEN_PLAN_COLUMN_NAME,  /* กิจกรรม; a leading "1.2." numbers and nests it */
  PHAEN_PLAN_COLUMN_MONTH, /* one fiscal month: shaded or marked (●, ○, ✓, x …) is planned */
  PHAEN_PLAN_COLUMN_BUDGET, /* งบประมาณ; "-" or empty is none */
  PHAEN_PLAN_COLUMN_OWNER,  /* ผู้รับผิดชอบ */
  PHAEN_PLAN_COLUMN_OUTPUT, /* ผลผลิต */
  PHAEN_PLAN_COLUMN_LEVEL, /* ระดับ: ยุทธศาสตร์, เป้าประสงค์, โครงการ, กิจกรรม or 1–4 */
} PhaenPlanColumnRole;

typedef struct
{
  PhaenPlanColumnRole role;
  int month; /* fiscal month 0..23 for PHAEN_PLAN_COLUMN_MONTH */
} PhaenPlanColumn;

typedef struct
{
  guint row; /* the row's number in the file */
  int depth;
  int level; /* PhaenActivityLevel the file gives (a level column or a heading such as
              * "ยุทธศาสตร์ที่ 1"), 0 when it gives none: the row's parent decides */
  char *name;
  char *owner;
  char *output;
  gboolean has_budget;
  double budget;
  guint8 marks[PHAEN_MAX_MONTHS];
  char *error; /* why the row is not imported, NULL when it is */
} PhaenPlanImportRow;

typedef struct
{
  char *title;         /* "" when the file has none */
  int fiscal_year;     /* read from the title lines, 0 when not found */
  gboolean own_export; /* the layout of Phaen's own แผนการปรับปรุงกระบวนการ sheet */
  GHashTable *sections; /* PHAEN_SECTION_* → text, from our own export */
  guint header_row;     /* the (last) header row's number in the file */
  GArray *columns;      /* (element-type PhaenPlanColumn), one per table column */
  GPtrArray *headers;   /* (element-type utf8) each column's header text */
  GPtrArray *rows;      /* (element-type PhaenPlanImportRow) */
  guint n_errors;
  /* private */
  const PhaenTable *table;
  guint first_header;         /* table index of the first header row */
  guint first_data, end_data; /* table indexes of the activity rows */
} PhaenPlanImport;

void phaen_plan_import_free (PhaenPlanImport *import);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PhaenPlanImport, phaen_plan_import_free)

/* Finds the activity table's header (a column กิจกรรม / เรื่องที่ดำเนินการ / activity) and maps
 * every column by its header; reads the title, the fiscal year and the sections when the
 * table is our own export. @table must outlive the import (set_column reads it again).
 * PHAEN_ERROR_INVALID when no header is found. Returns: (transfer full) */
PhaenPlanImport *phaen_plan_import_prepare (const PhaenTable *table, GError **error);
/* Maps column @column anew and reads the rows again. */
void phaen_plan_import_set_column (PhaenPlanImport *import,
                                   guint column,
                                   PhaenPlanColumnRole role,
                                   int month);
/* A column's role as the preview shows it ("ต.ค.", "กิจกรรม", "—"). Returns: (transfer full) */
char *phaen_plan_column_describe (const PhaenPlanColumn *column);

/* Adds the plan to @unit_id in @fiscal_year (0: the year read from the file) with its title
 * (@title, or the file's, or a default), sections and the rows without errors, as one undo
 * step. Rows that the file calls strategies, goals or projects make it an action plan. Returns the
 * plan's id, 0 with @error set. */
gint64 phaen_plan_import_apply (PhaenPlanImport *import,
                                PhaenStore *store,
                                gint64 unit_id,
                                int fiscal_year,
                                const char *title,
                                GError **error);

G_END_DECLS
