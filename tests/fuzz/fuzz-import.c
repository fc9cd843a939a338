/* fuzz-import.c — a file someone sends to be imported: read as XLSX or CSV/TSV, then as a unit
 * list and as a plan, each column remapped
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-fuzz"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz-harness.h"
#include "phaen-plan-import.h"
#include "phaen-unit-import.h"

static PhaenStore *store;
static char *store_dir;

static void
remove_store (void)
{
  g_autofree char *path = g_build_filename (store_dir, "f.phaen", NULL);

  g_clear_object (&store);
  g_unlink (path);
  g_rmdir (store_dir);
}

/* One workspace with two units for the whole run: preparing an import only reads it. */
int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  /* libgsf reports each damaged zip entry with g_warning (the reader turns it into an error
   * and sends the warning to the debug log): only criticals, and warnings of our own, are
   * findings here. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_FATAL_MASK);
  g_log_set_fatal_mask ("phaen-import", G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL);
  g_log_set_fatal_mask ("phaen-store", G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL);
  store_dir = g_dir_make_tmp ("phaen-fuzz-import-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (store_dir, "f.phaen", NULL);
  store = phaen_store_create (path, &error);
  g_assert_no_error (error);
  phaen_store_add_unit (store, "กพร.", "กลุ่มพัฒนาระบบบริหาร", 0, &error);
  g_assert_no_error (error);
  phaen_store_add_unit (store, "สลก.", "สำนักงานเลขานุการกรม", 0, &error);
  g_assert_no_error (error);
  atexit (remove_store);
  return 0;
}

static void
check_table (const PhaenTable *table)
{
  g_assert_nonnull (table->rows);
  for (guint r = 0; r < table->rows->len; r++)
    {
      const PhaenTableRow *row = g_ptr_array_index (table->rows, r);

      g_assert_cmpuint (row->n_cells, <=, table->n_columns);
      g_assert_cmpuint (row->n_cells, <=, PHAEN_IMPORT_MAX_COLUMNS);
      for (guint c = 0; c < row->n_cells; c++)
        {
          g_assert_true (g_utf8_validate (row->cells[c].text, -1, NULL));
          g_assert_cmpuint (strlen (row->cells[c].text), <=, PHAEN_IMPORT_MAX_CELL_BYTES);
        }
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GBytes) bytes = g_bytes_new (data, size);
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenTable) table = phaen_table_read_bytes (bytes, "fuzz", 0, &error);
  g_autoptr (PhaenUnitImport) units = NULL;
  g_autoptr (PhaenPlanImport) plan = NULL;

  if (table == NULL)
    {
      g_assert_true (error != NULL && g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  check_table (table);

  units = phaen_unit_import_prepare (store, table, NULL);
  if (units != NULL)
    {
      g_assert_cmpuint (units->n_new + units->n_exists + units->n_errors, ==, units->rows->len);
      for (guint i = 0; i < units->rows->len; i++)
        {
          const PhaenUnitImportRow *row = g_ptr_array_index (units->rows, i);

          g_assert_true (row->status == PHAEN_UNIT_IMPORT_NEW || row->message != NULL);
        }
    }

  plan = phaen_plan_import_prepare (table, NULL);
  if (plan != NULL)
    {
      g_assert_cmpuint (plan->columns->len, ==, table->n_columns);
      /* Every column read as a month, then as nothing: the rows are read again each time. */
      for (guint c = 0; c < plan->columns->len && c < 8; c++)
        {
          phaen_plan_import_set_column (plan, c, PHAEN_PLAN_COLUMN_MONTH,
                                        (int)(c % PHAEN_MAX_MONTHS));
          phaen_plan_import_set_column (plan, c, PHAEN_PLAN_COLUMN_IGNORE, 0);
        }
      for (guint i = 0; i < plan->rows->len; i++)
        {
          const PhaenPlanImportRow *row = g_ptr_array_index (plan->rows, i);

          g_assert_true (row->depth >= 0 && row->depth < PHAEN_MAX_ACTIVITY_DEPTH);
          g_assert_true (g_utf8_validate (row->name, -1, NULL));
        }
    }
  return 0;
}
