/* phaen-xlsx-summary.c — a unit's indicators × ไตรมาสที่ 1–4, weighted totals and their chart
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-xlsx"

#include "config.h"

#include "phaen-calendar.h"
#include "phaen-thai-text.h"
#include "phaen-xlsx-private.h"

#define COL_CODE 0
#define COL_NAME 1
#define COL_WEIGHT 2
#define COL_QUARTER(q) (3 + 3 * (q)) /* then score at +1 (hidden) and weighted at +2 */
#define N_COLS (3 + 3 * PHAEN_QUARTERS)
#define COL_READING(q) (N_COLS + (q)) /* hidden: the results as the score formulas read them */

/* The weighted cells of the five-level indicators in column @col, contiguous rows as ranges:
 * "I6:I8,I10"; "0" when there are none. */
static char *
five_level_cells (const PhaenScorecard *card, lxw_row_t first, lxw_col_t col)
{
  GString *cells = g_string_new (NULL);
  guint n = card->rows->len;

  for (guint i = 0; i < n; i++)
    {
      guint end = i;
      g_autofree char *from = NULL;

      if (!phaen_scoring_kind_is_five_level (
            ((PhaenScorecardRow *)g_ptr_array_index (card->rows, i))->indicator->scoring))
        continue;
      while (end + 1 < n &&
             phaen_scoring_kind_is_five_level (
               ((PhaenScorecardRow *)g_ptr_array_index (card->rows, end + 1))->indicator->scoring))
        end++;
      from = _phaen_xlsx_ref (first + i, col);
      g_string_append_printf (cells, "%s%s", cells->len ? "," : "", from);
      if (end > i)
        {
          g_autofree char *to = _phaen_xlsx_ref (first + end, col);
          g_string_append_printf (cells, ":%s", to);
        }
      i = end;
    }
  if (cells->len == 0)
    g_string_append_c (cells, '0');
  return g_string_free (cells, FALSE);
}

static void
add_chart (PhaenXlsxSheet *sheet, const PhaenScorecard *card, lxw_row_t data_row)
{
  PhaenXlsxBook *book = sheet->book;
  lxw_chart *chart = workbook_add_chart (book->workbook, LXW_CHART_COLUMN);
  lxw_chart_font font = { .name = (char *)(book->options->font_name && *book->options->font_name
                                             ? book->options->font_name
                                             : PHAEN_XLSX_DEFAULT_FONT),
                          .size = 14 };
  lxw_chart_font title_font = font;
  lxw_chart_series *series;
  /* 576 × 346 px: beside the four totals, inside the width of the page. */
  lxw_chart_options place = { .x_scale = 1.2, .y_scale = 1.2, .x_offset = 20, .y_offset = 0 };
  g_autofree char *title = _phaen_xlsx_display (book, "คะแนนถ่วงน้ำหนักรวมรายไตรมาส");

  if (chart == NULL)
    {
      _phaen_xlsx_ok (book, LXW_ERROR_MEMORY_MALLOC_FAILED, sheet->name);
      return;
    }
  title_font.bold = LXW_TRUE;
  title_font.size = 16;
  series = chart_add_series (chart, NULL, NULL);
  chart_series_set_categories (series, sheet->name, data_row + 1, 0, data_row + PHAEN_QUARTERS, 0);
  chart_series_set_values (series, sheet->name, data_row + 1, 1, data_row + PHAEN_QUARTERS, 1);
  /* libxlsxwriter caches a formula cell as 0 in the chart: better no cache, so a reader draws
   * the bars from the cells' values. */
  series->values->ignore_cache = LXW_TRUE;
  chart_series_set_name (series, title);
  chart_series_set_labels (series);
  chart_series_set_labels_num_format (series, "0.0000");
  chart_series_set_labels_font (series, &font);
  chart_title_set_name (chart, title);
  chart_title_set_name_font (chart, &title_font);
  chart_legend_set_position (chart, LXW_CHART_LEGEND_NONE);
  chart_axis_set_num_font (chart->x_axis, &font);
  chart_axis_set_num_font (chart->y_axis, &font);
  chart_axis_set_min (chart->y_axis, 0);
  /* Out of 5 when the weights sum to 100 (DOMAIN.md §4b). */
  if (card->weights_ok)
    chart_axis_set_max (chart->y_axis, 5);
  _phaen_xlsx_ok (book, worksheet_insert_chart_opt (sheet->ws, data_row, COL_WEIGHT, chart, &place),
                  sheet->name);
}

gboolean
_phaen_xlsx_write_summary (PhaenXlsxBook *book, const PhaenScorecard *card, GError **error)
{
  PhaenXlsxFormats *f = &book->fmt;
  /* The weight's column holds "(ร้อยละ)" in bold, which LibreOffice broke at 74 px. */
  double widths[N_COLS + PHAEN_QUARTERS] = { 84, -1, 90 };
  g_autofree char *subtitle = NULL;
  PhaenXlsxSheet *sheet;
  lxw_row_t head = 3, first, last, total, data_row, row;
  lxw_row_col_options hidden = { .hidden = LXW_TRUE };

  /* Sixteen columns of 16 pt do not fit A4 landscape: the score of each quarter is a hidden
   * column that its weighted score reads (issue #15). */
  for (int q = 0; q < PHAEN_QUARTERS; q++)
    {
      widths[COL_QUARTER (q)] = 76;
      widths[COL_QUARTER (q) + 1] = 0;
      widths[COL_QUARTER (q) + 2] = 80;
      widths[COL_READING (q)] = 0;
    }
  sheet = _phaen_xlsx_sheet_new_fitted (book, "สรุปผลรายไตรมาส", widths, N_COLS + PHAEN_QUARTERS,
                                        PHAEN_XLSX_ORIENTATION_LANDSCAPE);
  for (int q = 0; q < PHAEN_QUARTERS; q++)
    {
      _phaen_xlsx_ok (book,
                      worksheet_set_column_opt (sheet->ws, COL_QUARTER (q) + 1, COL_QUARTER (q) + 1,
                                                9, NULL, &hidden),
                      sheet->name);
      _phaen_xlsx_ok (
        book,
        worksheet_set_column_opt (sheet->ws, COL_READING (q), COL_READING (q), 9, NULL, &hidden),
        sheet->name);
    }

  subtitle = g_strdup_printf ("%s (%s) ประจำปีงบประมาณ พ.ศ. %d", card->unit->name, card->unit->abbr,
                              card->fiscal_year);
  _phaen_xlsx_merge_text (sheet, 0, 0, 0, N_COLS - 1, "สรุปผลการดำเนินงานตามตัวชี้วัดรายไตรมาส",
                          f->title);
  _phaen_xlsx_merge_text (sheet, 1, 0, 1, N_COLS - 1, subtitle, f->subtitle);

  _phaen_xlsx_merge_text (sheet, head, COL_CODE, head + 1, COL_CODE, "รหัส\nตัวชี้วัด", f->header);
  _phaen_xlsx_merge_text (sheet, head, COL_NAME, head + 1, COL_NAME, "ตัวชี้วัด", f->header);
  _phaen_xlsx_merge_text (sheet, head, COL_WEIGHT, head + 1, COL_WEIGHT, "น้ำหนัก\n(ร้อยละ)",
                          f->header);
  for (int q = 0; q < PHAEN_QUARTERS; q++)
    {
      g_autofree char *label = phaen_quarter_label (q + 1, book->options->thai_digits);

      _phaen_xlsx_merge_text (sheet, head, COL_QUARTER (q), head, COL_QUARTER (q) + 2, label,
                              f->header);
      _phaen_xlsx_text (sheet, head + 1, COL_QUARTER (q), "ผลการดำเนินงาน", f->header);
      _phaen_xlsx_text (sheet, head + 1, COL_QUARTER (q) + 1, "คะแนน", f->header);
      _phaen_xlsx_text (sheet, head + 1, COL_QUARTER (q) + 2, "คะแนนถ่วงน้ำหนัก", f->header);
    }

  first = row = head + 2;
  for (guint i = 0; i < card->rows->len; i++, row++)
    {
      const PhaenScorecardRow *each = g_ptr_array_index (card->rows, i);
      char *threshold[PHAEN_N_LEVELS];
      g_autofree char *weight_ref = _phaen_xlsx_ref_abs (row, COL_WEIGHT);

      /* No criteria table on this sheet: the thresholds go into the formulas as numbers. */
      for (int l = 0; l < PHAEN_N_LEVELS; l++)
        threshold[l] = _phaen_xlsx_num (each->rules.threshold[l]);

      _phaen_xlsx_text (sheet, row, COL_CODE, each->indicator->code, f->center);
      _phaen_xlsx_text (sheet, row, COL_NAME, each->indicator->name, f->text);
      _phaen_xlsx_number (sheet, row, COL_WEIGHT, each->indicator->weight, f->number);
      for (int q = 0; q < PHAEN_QUARTERS; q++)
        {
          _phaen_xlsx_result (sheet, row, COL_QUARTER (q), each->results[q], f->number);
          _phaen_xlsx_reading (sheet, each, q, row, COL_QUARTER (q), row, COL_READING (q));
          _phaen_xlsx_score_cells (sheet, each, q, (const char *const *)threshold, row,
                                   COL_READING (q), row, COL_QUARTER (q) + 1, row,
                                   COL_QUARTER (q) + 2, weight_ref);
        }
      for (int l = 0; l < PHAEN_N_LEVELS; l++)
        g_free (threshold[l]);
    }
  last = row - 1;

  /* phaen_scorecard_build(): Σ weighted scores of the quarter, 4 decimals, over the five-level
   * indicators only (a percentage does not add up to a total out of 5); SUM skips the empty ("")
   * scores of quarters without a result, as the engine skips them. */
  total = row++;
  _phaen_xlsx_merge_text (sheet, total, COL_CODE, total, COL_NAME, "รวม", f->total_label);
  {
    g_autofree char *from = _phaen_xlsx_ref (first, COL_WEIGHT);
    g_autofree char *to = _phaen_xlsx_ref (last, COL_WEIGHT);
    g_autofree char *formula = g_strdup_printf ("=SUM(%s:%s)", from, to);

    _phaen_xlsx_formula (sheet, total, COL_WEIGHT, formula, TRUE, card->weight_sum, f->number);
  }
  for (int q = 0; q < PHAEN_QUARTERS; q++)
    {
      lxw_col_t col = COL_QUARTER (q) + 2;
      g_autofree char *cells = five_level_cells (card, first, col);
      g_autofree char *formula = g_strdup_printf ("=ROUND(SUM(%s),4)", cells);

      _phaen_xlsx_merge_blank (sheet, total, COL_QUARTER (q), total, COL_QUARTER (q) + 1,
                               f->total_label);
      _phaen_xlsx_formula (sheet, total, col, formula, TRUE, card->total[q], f->score_bold);
    }

  row++;
  if (!card->weights_ok)
    {
      g_autofree char *sum = phaen_format_number (card->weight_sum, 4, PHAEN_NUMBER_TRIM_ZEROS);
      g_autofree char *note = g_strdup_printf ("หมายเหตุ: น้ำหนักรวมเท่ากับร้อยละ %s ไม่ใช่ร้อยละ 100", sum);

      _phaen_xlsx_merge_text (sheet, row, 0, row, N_COLS - 1, note, f->note);
      row++;
    }
  for (guint i = 0; i < card->rows->len; i++)
    {
      const PhaenScorecardRow *each = g_ptr_array_index (card->rows, i);
      g_autofree char *note = NULL;

      if (each->problem != NULL)
        note = g_strdup_printf ("หมายเหตุ %s: %s", each->indicator->code, each->problem);
      else if (!phaen_scoring_kind_is_five_level (each->indicator->scoring))
        note = g_strdup_printf ("หมายเหตุ %s: คะแนนเป็นร้อยละ ไม่นับรวมในคะแนนถ่วงน้ำหนักรวม",
                                each->indicator->code);
      else
        continue;
      _phaen_xlsx_merge_text (sheet, row, 0, row, N_COLS - 1, note, f->note);
      row++;
    }

  /* The chart reads a contiguous copy of the four totals. */
  data_row = ++row;
  _phaen_xlsx_text (sheet, data_row, 0, "ไตรมาส", f->header);
  _phaen_xlsx_text (sheet, data_row, 1, "คะแนนถ่วงน้ำหนักรวม", f->header);
  for (int q = 0; q < PHAEN_QUARTERS; q++)
    {
      g_autofree char *label = phaen_quarter_label (q + 1, book->options->thai_digits);
      g_autofree char *ref = _phaen_xlsx_ref (total, COL_QUARTER (q) + 2);
      g_autofree char *formula = g_strdup_printf ("=%s", ref);

      _phaen_xlsx_text (sheet, data_row + 1 + q, 0, label, f->center);
      _phaen_xlsx_formula (sheet, data_row + 1 + q, 1, formula, TRUE, card->total[q], f->score);
    }
  /* The chart stands beside its four totals: their rows are as high as the chart (288 px × 1.2
   * = 260 pt) and print on one page. */
  for (int r = 0; r <= PHAEN_QUARTERS; r++)
    {
      _phaen_xlsx_need_lines (sheet, data_row + r,
                              260.0 / (PHAEN_QUARTERS + 1) / _phaen_xlsx_line_pt (book));
      if (r < PHAEN_QUARTERS)
        _phaen_xlsx_keep_with_next (sheet, data_row + r);
    }

  _phaen_xlsx_sheet_finish (sheet, head, head + 1, total);
  /* On the rows where the pages put the totals: they stay together on one page. */
  add_chart (sheet, card, _phaen_xlsx_sheet_row (sheet, data_row));
  _phaen_xlsx_sheet_free (sheet);
  return TRUE;
}
