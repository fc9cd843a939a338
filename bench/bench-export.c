/* bench-export.c — the XLSX export against a bare libxlsxwriter program writing the same cells
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three exports of issue #15: every form of the ministry workspace's largest unit (--all), a
 * 5,000-activity plan and the summary of 8,000 indicators. The floor is measured in the same
 * run: the cells Phaen wrote (read back from its workbook: strings, numbers, formulas with their
 * values, merges, row heights, column widths, one format per distinct style) written again by
 * libxlsxwriter alone, with nothing measured or laid out. Prints the best of RUNS and the ratio;
 * nothing is asserted. */
#define G_LOG_DOMAIN "phaen-bench"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "bench-ministry.h"
#include "phaen-xlsx.h"
#include "test-xlsx-read.h"

#define RUNS 3

typedef struct
{
  char kind; /* 's' string, 'n' number, 'f' formula */
  lxw_row_t row;
  lxw_col_t col;
  guint style;
  char *text; /* string or formula */
  double value;
} FloorCell;

typedef struct
{
  GArray *cells;     /* (element-type FloorCell) */
  GPtrArray *merges; /* "A1:B2" */
  GArray *heights;   /* (element-type double), by row */
  GArray *widths;    /* (element-type double), by column */
} FloorSheet;

static G_GNUC_NORETURN void
die (const char *what)
{
  g_printerr ("bench-export: %s\n", what);
  exit (1);
}

static char *
unzip (const char *path, const char *member)
{
  const char *argv[] = { "unzip", "-p", path, member, NULL };
  char *out = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, NULL) ||
      !g_spawn_check_wait_status (status, NULL))
    {
      g_free (out);
      return NULL;
    }
  return out;
}

static void
floor_sheet_free (FloorSheet *sheet)
{
  for (guint i = 0; i < sheet->cells->len; i++)
    g_free (g_array_index (sheet->cells, FloorCell, i).text);
  g_array_unref (sheet->cells);
  g_ptr_array_unref (sheet->merges);
  g_array_unref (sheet->heights);
  g_array_unref (sheet->widths);
  g_free (sheet);
}

static double
attr (const char *attrs, const char *name, double fallback)
{
  g_autofree char *key = g_strdup_printf (" %s=\"", name);
  const char *at = strstr (attrs, key);

  return at ? g_ascii_strtod (at + strlen (key), NULL) : fallback;
}

/* What Phaen wrote into one sheet. The patterns match bytes (G_REGEX_RAW): matched as UTF-8, each
 * step of the matching checked the rest of the sheet again, and reading the 27 MB summary of
 * 8,000 indicators did not end in 25 minutes. */
static FloorSheet *
read_floor_sheet (const char *xml, GPtrArray *strings)
{
  /* Attributes never hold a "/": a blank cell's "/>" ends its match (else the lazy match runs on
   * to the next cell's end, and the reading becomes quadratic). */
  g_autoptr (GRegex) cell_re = g_regex_new ("<c r=\"([A-Z]+)([0-9]+)\"([^>/]*)(?:/>|>(.*?)</c>)",
                                            G_REGEX_DOTALL | G_REGEX_RAW, 0, NULL);
  g_autoptr (GRegex) row_re = g_regex_new ("<row r=\"([0-9]+)\"([^>]*)>", G_REGEX_RAW, 0, NULL);
  g_autoptr (GRegex) col_re = g_regex_new (
    "<col min=\"([0-9]+)\" max=\"([0-9]+)\" width=\"([0-9.]+)\"", G_REGEX_RAW, 0, NULL);
  g_autoptr (GRegex) merge_re =
    g_regex_new ("<mergeCell ref=\"([A-Z0-9:]+)\"/>", G_REGEX_RAW, 0, NULL);
  g_autoptr (GRegex) f_re = g_regex_new ("<f>(.*?)</f>", G_REGEX_DOTALL | G_REGEX_RAW, 0, NULL);
  g_autoptr (GRegex) v_re = g_regex_new ("<v>(.*?)</v>", G_REGEX_DOTALL | G_REGEX_RAW, 0, NULL);
  g_autoptr (GMatchInfo) m = NULL;
  FloorSheet *sheet = g_new0 (FloorSheet, 1);

  sheet->cells = g_array_new (FALSE, TRUE, sizeof (FloorCell));
  sheet->merges = g_ptr_array_new_with_free_func (g_free);
  sheet->heights = g_array_new (FALSE, TRUE, sizeof (double));
  sheet->widths = g_array_new (FALSE, TRUE, sizeof (double));

  g_regex_match (cell_re, xml, 0, &m);
  for (; g_match_info_matches (m); g_match_info_next (m, NULL))
    {
      g_autofree char *letters = g_match_info_fetch (m, 1);
      g_autofree char *number = g_match_info_fetch (m, 2);
      g_autofree char *attrs = g_match_info_fetch (m, 3);
      g_autofree char *body = g_match_info_fetch (m, 4);
      g_autoptr (GMatchInfo) f = NULL;
      g_autoptr (GMatchInfo) v = NULL;
      FloorCell cell = { .row = atoi (number) - 1, .style = (guint)attr (attrs, "s", 0) };

      for (const char *p = letters; *p; p++)
        cell.col = cell.col * 26 + (*p - 'A' + 1);
      cell.col--;
      if (body != NULL && g_regex_match (f_re, body, 0, &f))
        {
          g_autofree char *raw = g_match_info_fetch (f, 1);

          cell.kind = 'f';
          cell.text = g_strconcat ("=", raw, NULL);
          if (g_regex_match (v_re, body, 0, &v))
            {
              g_autofree char *value = g_match_info_fetch (v, 1);
              cell.value = g_ascii_strtod (value, NULL);
            }
        }
      else if (body != NULL && g_regex_match (v_re, body, 0, &v))
        {
          g_autofree char *value = g_match_info_fetch (v, 1);

          if (strstr (attrs, "t=\"s\"") != NULL)
            {
              cell.kind = 's';
              cell.text = g_strdup (g_ptr_array_index (strings, atoi (value)));
            }
          else
            {
              cell.kind = 'n';
              cell.value = g_ascii_strtod (value, NULL);
            }
        }
      else
        cell.kind = 'b';
      g_array_append_val (sheet->cells, cell);
    }
  g_clear_pointer (&m, g_match_info_free);
  g_regex_match (row_re, xml, 0, &m);
  for (; g_match_info_matches (m); g_match_info_next (m, NULL))
    {
      g_autofree char *number = g_match_info_fetch (m, 1);
      g_autofree char *attrs = g_match_info_fetch (m, 2);
      guint row = atoi (number) - 1;

      if (sheet->heights->len <= row)
        g_array_set_size (sheet->heights, row + 1);
      g_array_index (sheet->heights, double, row) = attr (attrs, "ht", 0);
    }
  g_clear_pointer (&m, g_match_info_free);
  g_regex_match (col_re, xml, 0, &m);
  for (; g_match_info_matches (m); g_match_info_next (m, NULL))
    {
      g_autofree char *min = g_match_info_fetch (m, 1);
      g_autofree char *width = g_match_info_fetch (m, 3);
      guint col = atoi (min) - 1;

      if (sheet->widths->len <= col)
        g_array_set_size (sheet->widths, col + 1);
      g_array_index (sheet->widths, double, col) = g_ascii_strtod (width, NULL);
    }
  g_clear_pointer (&m, g_match_info_free);
  g_regex_match (merge_re, xml, 0, &m);
  for (; g_match_info_matches (m); g_match_info_next (m, NULL))
    g_ptr_array_add (sheet->merges, g_match_info_fetch (m, 1));
  return sheet;
}

static GPtrArray *
read_workbook (const char *path)
{
  g_autoptr (GPtrArray) strings = read_strings (path);
  GPtrArray *sheets = g_ptr_array_new_with_free_func ((GDestroyNotify)floor_sheet_free);

  for (guint i = 1;; i++)
    {
      g_autofree char *member = g_strdup_printf ("xl/worksheets/sheet%u.xml", i);
      g_autofree char *xml = unzip (path, member);

      if (xml == NULL)
        break;
      g_ptr_array_add (sheets, read_floor_sheet (xml, strings));
    }
  return sheets;
}

/* The floor: the same cells, merges, heights and widths through libxlsxwriter alone, with one
 * format (font, size, border) per style index Phaen used. */
static double
floor_write (GPtrArray *sheets, const char *path)
{
  double start = bench_seconds ();
  lxw_workbook *workbook = workbook_new (path);
  GHashTable *formats = g_hash_table_new (g_direct_hash, g_direct_equal);

  for (guint s = 0; s < sheets->len; s++)
    {
      FloorSheet *sheet = g_ptr_array_index (sheets, s);
      lxw_worksheet *ws = workbook_add_worksheet (workbook, NULL);

      for (guint c = 0; c < sheet->widths->len; c++)
        worksheet_set_column (ws, c, c, g_array_index (sheet->widths, double, c), NULL);
      for (guint r = 0; r < sheet->heights->len; r++)
        if (g_array_index (sheet->heights, double, r) > 0)
          worksheet_set_row (ws, r, g_array_index (sheet->heights, double, r), NULL);
      for (guint i = 0; i < sheet->merges->len; i++)
        {
          const char *range = g_ptr_array_index (sheet->merges, i);

          worksheet_merge_range (ws, lxw_name_to_row (range), lxw_name_to_col (range),
                                 lxw_name_to_row_2 (range), lxw_name_to_col_2 (range), "", NULL);
        }
      for (guint i = 0; i < sheet->cells->len; i++)
        {
          const FloorCell *cell = &g_array_index (sheet->cells, FloorCell, i);
          lxw_format *format = g_hash_table_lookup (formats, GUINT_TO_POINTER (cell->style));

          if (format == NULL)
            {
              format = workbook_add_format (workbook);
              format_set_font_name (format, PHAEN_XLSX_DEFAULT_FONT);
              format_set_font_size (format, 16);
              format_set_text_wrap (format);
              format_set_border (format, LXW_BORDER_THIN);
              g_hash_table_insert (formats, GUINT_TO_POINTER (cell->style), format);
            }
          switch (cell->kind)
            {
            case 's':
              worksheet_write_string (ws, cell->row, cell->col, cell->text, format);
              break;
            case 'n':
              worksheet_write_number (ws, cell->row, cell->col, cell->value, format);
              break;
            case 'f':
              worksheet_write_formula_num (ws, cell->row, cell->col, cell->text, format,
                                           cell->value);
              break;
            default:
              worksheet_write_blank (ws, cell->row, cell->col, format);
            }
        }
    }
  if (workbook_close (workbook) != LXW_NO_ERROR)
    die ("the floor could not write its workbook");
  g_hash_table_unref (formats);
  return bench_seconds () - start;
}

static double
phaen_write (PhaenStore *store, const PhaenXlsxOptions *options, const char *path)
{
  g_autoptr (GError) error = NULL;
  double start = bench_seconds ();

  if (!phaen_xlsx_export (store, options, path, &error))
    die (error->message);
  return bench_seconds () - start;
}

static void
compare (const char *what, PhaenStore *store, const PhaenXlsxOptions *options, const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "phaen.xlsx", NULL);
  g_autofree char *floor_path = g_build_filename (dir, "floor.xlsx", NULL);
  g_autoptr (GPtrArray) sheets = NULL;
  double best = G_MAXDOUBLE, best_floor = G_MAXDOUBLE;
  guint cells = 0;

  for (guint i = 0; i < RUNS; i++)
    best = MIN (best, phaen_write (store, options, path));
  sheets = read_workbook (path);
  for (guint s = 0; s < sheets->len; s++)
    cells += ((FloorSheet *)g_ptr_array_index (sheets, s))->cells->len;
  for (guint i = 0; i < RUNS; i++)
    best_floor = MIN (best_floor, floor_write (sheets, floor_path));
  g_print ("%-36s %3u sheets %7u cells  phaen %7.3f s  floor %7.3f s  ratio %.2f\n", what,
           sheets->len, cells, best, best_floor, best / best_floor);
}

/* Opens the workspace at @path, or makes it with @size when there is none yet. */
static PhaenStore *
workspace (const char *path, const BenchMinistrySize *size)
{
  g_autoptr (GError) error = NULL;
  PhaenStore *store;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      store = phaen_store_open (path, &error);
      if (store == NULL)
        die (error->message);
      return store;
    }
  store = phaen_store_create (path, &error);
  if (store == NULL || bench_ministry_fill (store, size, &error) == 0)
    die (error->message);
  return store;
}

static void
remove_dir (const char *dir)
{
  g_autoptr (GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;

  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (dir);
}

/* BENCH_EXPORT_DIR=DIR keeps the workspaces in DIR and reuses them on the next run (to profile
 * the exports alone); otherwise they are made in a temporary folder and removed. */
int
main (int argc, char *argv[])
{
  const BenchMinistrySize ministry = BENCH_MINISTRY_FULL;
  const BenchMinistrySize large = { 1, 5000, 8000, 2567 };
  g_autoptr (GError) error = NULL;
  const char *keep = g_getenv ("BENCH_EXPORT_DIR");
  g_autofree char *dir = NULL;
  g_autofree char *ministry_path = NULL, *large_path = NULL;
  g_autoptr (PhaenStore) store = NULL;
  g_autoptr (PhaenStore) big = NULL;
  PhaenXlsxOptions options;

  if (keep != NULL && g_mkdir_with_parents (keep, 0700) == 0)
    dir = g_strdup (keep);
  else
    dir = g_dir_make_tmp ("bench-export-XXXXXX", &error);
  if (dir == NULL)
    die (error->message);
  ministry_path = g_build_filename (dir, "ministry.phaen", NULL);
  large_path = g_build_filename (dir, "large.phaen", NULL);

  g_print ("building the workspaces…\n");
  store = workspace (ministry_path, &ministry);
  big = workspace (large_path, &large);

  /* The largest unit gets the remainders: 100 activities and 575 indicators. */
  phaen_xlsx_options_init (&options, PHAEN_XLSX_FORM_ALL);
  options.unit = "หน่วย.001";
  compare ("ministry, largest unit, --all", store, &options, dir);
  phaen_xlsx_options_init (&options, PHAEN_XLSX_FORM_PLAN);
  options.unit = "หน่วย.001";
  compare ("plan of 5,000 activities", big, &options, dir);
  phaen_xlsx_options_init (&options, PHAEN_XLSX_FORM_SUMMARY);
  options.unit = "หน่วย.001";
  compare ("summary of 8,000 indicators", big, &options, dir);

  g_clear_object (&store);
  g_clear_object (&big);
  if (keep == NULL)
    remove_dir (dir);
  return 0;
}
