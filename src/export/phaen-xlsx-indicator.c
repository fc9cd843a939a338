/* phaen-xlsx-indicator.c — the indicator form: fields, criteria, quarterly block (DOMAIN.md §4a)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-xlsx"

#include "config.h"

#include <math.h>

#include "phaen-calendar.h"
#include "phaen-thai-text.h"
#include "phaen-criteria-in-force.h"
#include "phaen-xlsx-private.h"

/* Pixels at 16 pt; the quarters share the rest of the page (portrait, as the official form). */
#define LABEL_PX 160.0
#define LAST_COL PHAEN_QUARTERS

typedef struct
{
  PhaenXlsxSheet *sheet;
  lxw_row_t row;
} Form;

/* ------------------------------------------------------------------ helpers */

static void
field (Form *form, const char *label, const char *value)
{
  PhaenXlsxFormats *f = &form->sheet->book->fmt;
  PhaenXlsxRow *row = _phaen_xlsx_row_new (form->sheet, form->row);

  _phaen_xlsx_row_text (row, 0, 0, label, f->label);
  _phaen_xlsx_row_text (row, 1, LAST_COL, _phaen_xlsx_or_dash (value), f->text);
  form->row += _phaen_xlsx_row_write (row);
}

static char *
contact (const char *name, const char *phone)
{
  if (name == NULL || *name == '\0')
    return g_strdup ("-");
  if (phone == NULL || *phone == '\0')
    return g_strdup (name);
  return g_strdup_printf ("%s  เบอร์ติดต่อ %s", name, phone);
}

/* The organisation whose action plan the indicator serves: the parent unit (สป.กค. above สตป.). */
static char *
org_label (PhaenXlsxBook *book)
{
  g_autoptr (PhaenUnit) parent = NULL;

  if (book->unit->parent_id != 0)
    parent = phaen_store_get_unit (book->store, book->unit->parent_id, NULL);
  return g_strdup_printf ("แผนปฏิบัติราชการของ %s", parent ? parent->abbr : book->unit->abbr);
}

static gboolean
tied_to_process_plan (PhaenXlsxBook *book, const PhaenIndicator *indicator)
{
  g_autoptr (PhaenPlan) plan = NULL;

  if (indicator->plan_id == 0)
    return FALSE;
  plan = phaen_store_get_plan (book->store, indicator->plan_id, NULL);
  return plan != NULL && plan->kind == PHAEN_PLAN_PROCESS;
}

static const PhaenCriterion *
criterion_of_level (const PhaenCriteriaVersion *version, int level)
{
  for (guint i = 0; i < version->items->len; i++)
    {
      const PhaenCriterion *item = g_ptr_array_index (version->items, i);

      if (item->level == level)
        return item;
    }
  return NULL;
}

static char *
band_range (const PhaenCriterion *item)
{
  g_autofree char *low =
    item->has_threshold
      ? phaen_format_number (item->threshold, 2, PHAEN_NUMBER_GROUPING | PHAEN_NUMBER_TRIM_ZEROS)
      : NULL;
  g_autofree char *high =
    item->has_upper
      ? phaen_format_number (item->upper, 2, PHAEN_NUMBER_GROUPING | PHAEN_NUMBER_TRIM_ZEROS)
      : NULL;

  /* seed 002 lets two bands share 826: say on which side each bound falls. */
  if (low && high)
    return g_strdup_printf ("%s %s และ %s %s", item->lower_inclusive ? "ตั้งแต่" : "มากกว่า", low,
                            item->upper_inclusive ? "ไม่เกิน" : "น้อยกว่า", high);
  if (low)
    return g_strdup_printf ("%s %s", item->lower_inclusive ? "ตั้งแต่" : "มากกว่า", low);
  if (high)
    return g_strdup_printf ("%s %s", item->upper_inclusive ? "ไม่เกิน" : "น้อยกว่า", high);
  return g_strdup ("-");
}

static char *
approval_note (PhaenXlsxBook *book, const PhaenCriteriaVersion *version)
{
  g_autofree char *date = NULL;
  int y, m, d;

  if (version->version <= 1)
    return NULL;
  if (version->approved_on != NULL && sscanf (version->approved_on, "%d-%d-%d", &y, &m, &d) == 3 &&
      g_date_valid_dmy (d, m, y))
    {
      g_autoptr (GDate) when = g_date_new_dmy (d, m, y);

      date = phaen_date_format (when, PHAEN_DATE_FULL, FALSE);
    }
  return g_strdup_printf (
    "เกณฑ์การให้คะแนนฉบับที่ %d%s%s%s%s", version->version, date ? " อนุมัติเมื่อ " : "", date ? date : "",
    version->reason && *version->reason ? " : " : "", version->reason ? version->reason : "");
}

/* `ฉบับที่ 1 (อนุมัติ 1 ต.ค. 63)`: the version that scored @quarter, "-" when none. */
static char *
quarter_version_text (PhaenXlsxBook *book, const PhaenScorecardRow *row, int quarter)
{
  const PhaenCriteriaVersion *version = row->quarter_criteria[quarter];
  g_autofree char *text = NULL;
  GDate approved;

  if (version == NULL)
    return g_strdup ("-");
  if (phaen_criteria_version_approved (version, &approved))
    {
      g_autofree char *date = phaen_date_format (&approved, PHAEN_DATE_SHORT, FALSE);

      text = g_strdup_printf ("ฉบับที่ %d (อนุมัติ %s)", version->version, date);
    }
  else
    text = g_strdup_printf ("ฉบับที่ %d", version->version);
  return book->options->thai_digits ? phaen_digits_to_thai (text) : g_steal_pointer (&text);
}

/* Writes the criteria table; @threshold receives the cells of T1..T5 for numeric criteria. */
static void
criteria_table (Form *form, const PhaenScorecardRow *row, char *threshold[PHAEN_N_LEVELS])
{
  PhaenXlsxSheet *sheet = form->sheet;
  PhaenXlsxFormats *f = &sheet->book->fmt;
  const PhaenCriteriaVersion *version = row->criteria;
  PhaenScoringKind kind = row->indicator->scoring;
  gboolean lower = row->indicator->direction == PHAEN_DIRECTION_LOWER_BETTER;
  g_autofree char *note = NULL;
  lxw_row_t header_row;

  _phaen_xlsx_merge_text (sheet, form->row, 0, form->row, LAST_COL, "เกณฑ์การให้คะแนน", f->heading);
  form->row++;
  header_row = form->row;
  _phaen_xlsx_text (sheet, form->row, 0, "ระดับคะแนนตัวชี้วัด", f->header);
  _phaen_xlsx_text (sheet, form->row, 1,
                    kind == PHAEN_SCORING_NUMERIC && lower ? "ระดับผลการดำเนินงาน\n(ค่าน้อยดี)"
                                                           : "ระดับผลการดำเนินงาน",
                    f->header);
  _phaen_xlsx_merge_text (sheet, form->row, 2, form->row, LAST_COL, "คำอธิบายเกณฑ์การให้คะแนน",
                          f->header);
  form->row++;

  if (version == NULL)
    {
      _phaen_xlsx_text (sheet, form->row, 0, "-", f->center);
      _phaen_xlsx_text (sheet, form->row, 1, "-", f->center);
      _phaen_xlsx_merge_text (sheet, form->row, 2, form->row, LAST_COL, "ยังไม่ได้กำหนดเกณฑ์การให้คะแนน",
                              f->text);
      form->row++;
      return;
    }

  if (kind == PHAEN_SCORING_NUMERIC)
    {
      for (int level = 1; level <= PHAEN_N_LEVELS; level++)
        {
          const PhaenCriterion *item = criterion_of_level (version, level);
          PhaenXlsxRow *each = _phaen_xlsx_row_new (sheet, form->row);

          _phaen_xlsx_row_number (each, 0, level, f->number);
          if (item != NULL && item->has_threshold)
            _phaen_xlsx_row_number (each, 1, item->threshold, f->number);
          else
            _phaen_xlsx_row_text (each, 1, 1, "-", f->center);
          threshold[level - 1] = _phaen_xlsx_ref_abs (form->row, 1);
          _phaen_xlsx_row_text (each, 2, LAST_COL,
                                item ? _phaen_xlsx_or_dash (item->description) : "-", f->text);
          form->row += _phaen_xlsx_row_write (each);
        }
    }
  else if (kind == PHAEN_SCORING_PASS_FAIL)
    {
      g_autofree char *pass = phaen_format_number (
        version->pass_percent > 0 ? version->pass_percent : PHAEN_PASS_PERCENT_DEFAULT, 2,
        PHAEN_NUMBER_TRIM_ZEROS);
      g_autofree char *mark = g_strdup_printf ("ร้อยละ %s ขึ้นไป", pass);

      _phaen_xlsx_keep_with_next (sheet, form->row - 1);
      _phaen_xlsx_text (sheet, form->row, 0, "ผ่าน", f->center);
      _phaen_xlsx_text (sheet, form->row, 1, mark, f->center);
      _phaen_xlsx_merge_text (sheet, form->row, 2, form->row, LAST_COL,
                              "ผลผลิตที่ดำเนินการได้ตามแผน × 100 ÷ ผลผลิตตามแผนทั้งหมด", f->text);
      form->row++;
    }
  else
    {
      for (guint i = 0; i < version->items->len; i++)
        {
          const PhaenCriterion *item = g_ptr_array_index (version->items, i);
          g_autofree char *performance = NULL;
          PhaenXlsxRow *each = _phaen_xlsx_row_new (sheet, form->row);

          if (kind == PHAEN_SCORING_BANDS)
            {
              g_autofree char *range = band_range (item);

              _phaen_xlsx_row_number (each, 0, item->score, f->number);
              performance = item->label && *item->label
                              ? g_strdup_printf ("%s\n%s", item->label, range)
                              : g_steal_pointer (&range);
            }
          else
            {
              _phaen_xlsx_row_number (each, 0, item->level, f->number);
              performance = item->label && *item->label ? g_strdup (item->label)
                                                        : g_strdup_printf ("%d", item->level);
            }
          _phaen_xlsx_row_text (each, 1, 1, performance, f->center);
          _phaen_xlsx_row_text (each, 2, LAST_COL, _phaen_xlsx_or_dash (item->description),
                                f->text);
          form->row += _phaen_xlsx_row_write (each);
        }
    }
  /* The table prints whole on one page when it fits one. */
  for (lxw_row_t r = header_row; r + 1 < form->row; r++)
    _phaen_xlsx_keep_with_next (sheet, r);

  note = approval_note (sheet->book, version);
  if (note != NULL)
    {
      _phaen_xlsx_merge_text (sheet, form->row, 0, form->row, LAST_COL, note, f->note);
      form->row++;
    }
}

static char *
evidence_text (PhaenXlsxBook *book, gint64 indicator_id, int quarter, GError **error)
{
  g_autoptr (GPtrArray) items =
    phaen_store_list_evidence (book->store, indicator_id, quarter, error);
  g_autoptr (GString) text = g_string_new (NULL);

  if (items == NULL)
    return NULL;
  for (guint i = 0; i < items->len; i++)
    {
      const PhaenEvidence *evidence = g_ptr_array_index (items, i);

      g_string_append_printf (text, "%s%u. %s", i ? "\n" : "", i + 1,
                              evidence->name ? evidence->name : "");
      if (evidence->url != NULL)
        g_string_append_printf (text, " (%s)", evidence->url);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* ------------------------------------------------------------------ form */

gboolean
_phaen_xlsx_write_indicator (PhaenXlsxBook *book, const PhaenScorecardRow *row, GError **error)
{
  PhaenXlsxFormats *f = &book->fmt;
  const PhaenIndicator *indicator = row->indicator;
  const double widths[] = { LABEL_PX, -1, -1, -1, -1 };
  g_autofree char *name = g_strdup_printf ("ตัวชี้วัด %s", indicator->code);
  g_autofree char *year = g_strdup_printf ("%d", book->fiscal_year);
  g_autofree char *org = org_label (book);
  g_autofree char *weight_ref = NULL;
  g_autofree char *owner = contact (indicator->owner_name, indicator->owner_phone);
  g_autofree char *supporter = contact (indicator->supporter_name, indicator->supporter_phone);
  char *threshold[PHAEN_N_LEVELS] = { NULL };
  const char *baseline_label[] = { "ข้อมูลพื้นฐานย้อนหลัง 1 ปี (ถ้ามี)", "ข้อมูลพื้นฐานย้อนหลัง 2 ปี (ถ้ามี)",
                                   "ข้อมูลพื้นฐานย้อนหลัง 3 ปี (ถ้ามี)" };
  lxw_row_t result_row, reading_row, head, note_row;
  Form form = { 0 };
  gboolean ok = TRUE;

  form.sheet = _phaen_xlsx_sheet_new_fitted (book, name, widths, G_N_ELEMENTS (widths),
                                             PHAEN_XLSX_ORIENTATION_PORTRAIT);
  _phaen_xlsx_merge_text (form.sheet, 0, 0, 0, LAST_COL,
                          tied_to_process_plan (book, indicator) ? "ผลกระบวนการตามภารกิจ"
                                                                 : "รายละเอียดตัวชี้วัดและผลการดำเนินงาน",
                          f->title);
  form.row = 2;

  field (&form, "หน่วยงาน", book->unit->name);
  field (&form, "ปีงบประมาณ", year);
  field (&form, "ตัวชี้วัด", indicator->name);
  field (&form, "รหัสตัวชี้วัด", indicator->code);
  field (&form, org, indicator->org_plan);
  field (&form, "ประเด็นยุทธศาสตร์ของหน่วยงาน", indicator->strategy);
  field (&form, "มิติการประเมินผล", indicator->dimension);
  field (&form, "เป้าประสงค์", indicator->goal);

  /* The weight is a number cell: the weighted scores below multiply by it. */
  _phaen_xlsx_text (form.sheet, form.row, 0, "น้ำหนัก (ร้อยละ)", f->label);
  _phaen_xlsx_merge_blank (form.sheet, form.row, 1, form.row, LAST_COL, f->number_left);
  _phaen_xlsx_number (form.sheet, form.row, 1, indicator->weight, f->number_left);
  weight_ref = _phaen_xlsx_ref_abs (form.row, 1);
  form.row++;

  field (&form, "คำอธิบาย", indicator->description);
  criteria_table (&form, row, threshold);
  field (&form, "เงื่อนไข (ถ้ามี)", indicator->condition);
  field (&form, "หน่วยวัด", indicator->measure_unit);
  field (&form, "เป้าหมายปีปัจจุบัน", indicator->target);
  for (int i = 0; i < 3; i++)
    field (&form, baseline_label[i], indicator->baseline[i]);
  field (&form, "แหล่งข้อมูล/วิธีการจัดเก็บข้อมูล", indicator->data_source);
  field (&form, "ผู้รับผิดชอบตัวชี้วัด", owner);
  field (&form, "ผู้สนับสนุน", supporter);
  form.row++;

  /* The quarterly block (seeds 000 and 002), its header repeated on every page it runs to. */
  head = form.row;
  _phaen_xlsx_text (form.sheet, form.row, 0, "รายงานผลการดำเนินงาน", f->header);
  for (int q = 1; q <= PHAEN_QUARTERS; q++)
    {
      g_autofree char *label = phaen_quarter_label (q, book->options->thai_digits);

      _phaen_xlsx_text (form.sheet, form.row, q, label, f->header);
    }
  form.row++;

  result_row = form.row++;
  _phaen_xlsx_text (form.sheet, result_row, 0, "ผลการดำเนินงาน", f->label);
  for (int q = 0; q < PHAEN_QUARTERS; q++)
    _phaen_xlsx_result (form.sheet, result_row, 1 + q, row->results[q], f->number);
  /* What the score formulas read from the results, as the engine reads them ("4-5" → 5); a
   * hidden row that does not print. */
  reading_row = form.row++;
  _phaen_xlsx_hide_row (form.sheet, reading_row);
  for (int q = 0; q < PHAEN_QUARTERS; q++)
    _phaen_xlsx_reading (form.sheet, row, q, result_row, 1 + q, reading_row, 1 + q);

  {
    PhaenXlsxRow *details = _phaen_xlsx_row_new (form.sheet, form.row);

    _phaen_xlsx_row_text (details, 0, 0, "รายละเอียดการดำเนินงาน", f->label);
    for (int q = 0; q < PHAEN_QUARTERS; q++)
      {
        const PhaenResult *result = row->results[q];
        g_autofree char *detail = NULL;

        /* The official form has no row for problems: they close the quarter's detail as its
         * หมายเหตุ, as seed 002 writes its COVID-19 note. */
        if (result && result->problems && *result->problems)
          detail =
            g_strdup_printf ("%s%sหมายเหตุ: %s", result->detail ? result->detail : "",
                             result->detail && *result->detail ? "\n" : "", result->problems);
        else
          detail = g_strdup (result ? result->detail : NULL);
        _phaen_xlsx_row_text (details, 1 + q, 1 + q, detail, f->text);
      }
    form.row += _phaen_xlsx_row_write (details);
  }

  _phaen_xlsx_text (form.sheet, form.row, 0, "คะแนนตัวชี้วัด", f->label);
  _phaen_xlsx_text (form.sheet, form.row + 1, 0, "คะแนนถ่วงน้ำหนัก", f->label);
  for (int q = 0; q < PHAEN_QUARTERS; q++)
    _phaen_xlsx_score_cells (form.sheet, row, q, (const char *const *)threshold, reading_row, 1 + q,
                             form.row, 1 + q, form.row + 1, 1 + q, weight_ref);
  form.row += 2;

  /* DOMAIN §4a: each quarter is scored by the criteria version in force at its end. */
  _phaen_xlsx_text (form.sheet, form.row, 0, "เกณฑ์ที่ใช้คิดคะแนน", f->label);
  for (int q = 0; q < PHAEN_QUARTERS; q++)
    {
      g_autofree char *used = quarter_version_text (book, row, q);

      _phaen_xlsx_text (form.sheet, form.row, 1 + q, used, f->text);
    }
  form.row++;

  {
    PhaenXlsxRow *files = _phaen_xlsx_row_new (form.sheet, form.row);

    _phaen_xlsx_row_text (files, 0, 0, "ไฟล์เอกสาร/หลักฐาน", f->label);
    /* The four quarters' reads take and check the file's lock once, not each (a ministry unit's
     * 575 sheets spent a fifth of their export there). */
    phaen_store_read_begin (book->store);
    for (int q = 0; q < PHAEN_QUARTERS && ok; q++)
      {
        g_autofree char *evidence = evidence_text (book, indicator->id, q + 1, error);

        ok = evidence != NULL;
        _phaen_xlsx_row_text (files, 1 + q, 1 + q, evidence, f->text);
      }
    phaen_store_read_end (book->store);
    form.row += _phaen_xlsx_row_write (files);
  }

  note_row = form.row + 1; /* the notes under the form, after a blank row */
  if (ok && row->problem != NULL)
    {
      g_autofree char *note = g_strdup_printf ("หมายเหตุ: %s", row->problem);
      PhaenXlsxRow *each = _phaen_xlsx_row_new (form.sheet, note_row);

      _phaen_xlsx_row_text (each, 0, LAST_COL, note, f->note);
      note_row += _phaen_xlsx_row_write (each);
    }
  if (ok && row->target_mismatch)
    {
      g_autofree char *target = phaen_format_number (row->target_value, 4, PHAEN_NUMBER_TRIM_ZEROS);
      g_autofree char *top = phaen_format_number (row->target_top, 4, PHAEN_NUMBER_TRIM_ZEROS);
      g_autofree char *note = g_strdup_printf (
        "หมายเหตุ: เป้าหมาย %s ไม่ตรงกับค่าระดับ 5 = %s ของเกณฑ์ฉบับที่ %d โปรดตรวจสอบเป้าหมายหรือเกณฑ์", target,
        top, row->criteria->version);
      PhaenXlsxRow *each = _phaen_xlsx_row_new (form.sheet, note_row);

      _phaen_xlsx_row_text (each, 0, LAST_COL, note, f->note);
      note_row += _phaen_xlsx_row_write (each);
    }

  _phaen_xlsx_sheet_finish (form.sheet, head, head, form.row - 1);
  _phaen_xlsx_sheet_free (form.sheet);
  for (int i = 0; i < PHAEN_N_LEVELS; i++)
    g_free (threshold[i]);
  return ok;
}
