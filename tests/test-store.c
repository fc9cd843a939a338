/* test-store.c — the workspace file: indicators, criteria, results, evidence, undo, refusals
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "phaen-error.h"
#include "phaen-score.h"
#include "phaen-store.h"
#include "test-util.h"

typedef struct
{
  char *dir;
  char *path;
  PhaenStore *store;
  gint64 unit_id;
  gint64 indicator_id;
} Fixture;

/* ------------------------------------------------------------------ helpers */

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->store = test_workspace_new ("ตัวชี้วัด สตป.phaen", &f->dir);
  f->path = g_strdup (phaen_store_get_path (f->store));

  f->unit_id = test_add_unit (f->store, "สตป.", "สำนักตรวจสอบและประเมินผล");
  g_assert_cmpint (f->unit_id, >, 0);
  g_assert_true (phaen_store_add_fiscal_year (f->store, 2564, &error));
  g_assert_no_error (error);
  f->indicator_id = phaen_store_add_indicator (f->store, f->unit_id, 2564, "สตป. 02",
                                               "จำนวนหน่วยรับตรวจที่ได้รับการตรวจสอบ", &error);
  g_assert_no_error (error);
  g_assert_cmpint (f->indicator_id, >, 0);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  test_workspace_close (&f->store, &f->dir);
  g_free (f->path);
}

static char *
file_checksum (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, length);
}

static GBytes *
make_file_bytes (gsize size, guint32 seed)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  guint8 *data = g_malloc (size);

  for (gsize i = 0; i < size; i++)
    data[i] = (guint8)g_rand_int_range (rand, 0, 256);
  return g_bytes_new_take (data, size);
}

static PhaenResult *
get_result (PhaenStore *store, gint64 indicator_id, int quarter)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) results = phaen_store_get_results (store, indicator_id, &error);
  PhaenResult *result;

  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, PHAEN_QUARTERS);
  result = g_ptr_array_index (results, quarter - 1);
  return result ? phaen_result_copy (result) : NULL;
}

static void
assert_indicator_equal (const PhaenIndicator *a, const PhaenIndicator *b)
{
  g_assert_cmpint (a->id, ==, b->id);
  g_assert_cmpstr (a->uuid, ==, b->uuid);
  g_assert_cmpint (a->unit_id, ==, b->unit_id);
  g_assert_cmpint (a->fiscal_year, ==, b->fiscal_year);
  g_assert_cmpint (a->plan_id, ==, b->plan_id);
  g_assert_cmpint (a->position, ==, b->position);
  g_assert_cmpstr (a->code, ==, b->code);
  g_assert_cmpstr (a->name, ==, b->name);
  g_assert_cmpstr (a->org_plan, ==, b->org_plan);
  g_assert_cmpstr (a->strategy, ==, b->strategy);
  g_assert_cmpstr (a->dimension, ==, b->dimension);
  g_assert_cmpstr (a->goal, ==, b->goal);
  g_assert_cmpfloat (a->weight, ==, b->weight);
  g_assert_cmpstr (a->description, ==, b->description);
  g_assert_cmpstr (a->condition, ==, b->condition);
  g_assert_cmpstr (a->measure_unit, ==, b->measure_unit);
  g_assert_cmpstr (a->target, ==, b->target);
  for (int i = 0; i < 3; i++)
    g_assert_cmpstr (a->baseline[i], ==, b->baseline[i]);
  g_assert_cmpstr (a->data_source, ==, b->data_source);
  g_assert_cmpstr (a->owner_name, ==, b->owner_name);
  g_assert_cmpstr (a->owner_phone, ==, b->owner_phone);
  g_assert_cmpstr (a->supporter_name, ==, b->supporter_name);
  g_assert_cmpstr (a->supporter_phone, ==, b->supporter_phone);
  g_assert_cmpint (a->scoring, ==, b->scoring);
  g_assert_cmpint (a->direction, ==, b->direction);
  g_assert_cmpint (a->cumulative, ==, b->cumulative);
  g_assert_cmpint (a->level, ==, b->level);
  g_assert_cmpint (a->leading, ==, b->leading);
  g_assert_cmpint (a->mandatory, ==, b->mandatory);
  g_assert_cmpstr (a->pmqa_group, ==, b->pmqa_group);
  g_assert_cmpint (a->has_pmqa_target, ==, b->has_pmqa_target);
  if (a->has_pmqa_target)
    g_assert_cmpfloat (a->pmqa_target, ==, b->pmqa_target);
  g_assert_cmpint (a->has_pmqa_score, ==, b->has_pmqa_score);
  if (a->has_pmqa_score)
    g_assert_cmpfloat (a->pmqa_score, ==, b->pmqa_score);
  g_assert_cmpstr (a->pmqa_note, ==, b->pmqa_note);
}

/* seed 002, สตป. 02: thresholds 0/150/300/450/826. Added in reverse to check the level order. */
static PhaenCriteriaVersion *
make_criteria (const double thresholds[PHAEN_LEVELS], const char *approved_on, const char *reason)
{
  PhaenCriteriaVersion *version = phaen_criteria_version_new ();

  version->approved_on = g_strdup (approved_on);
  version->reason = g_strdup (reason);
  for (int level = PHAEN_LEVELS; level >= 1; level--)
    {
      PhaenCriterion *criterion = g_new0 (PhaenCriterion, 1);

      criterion->level = level;
      criterion->has_threshold = TRUE;
      criterion->threshold = thresholds[level - 1];
      criterion->lower_inclusive = TRUE;
      criterion->score = level;
      criterion->label = g_strdup_printf ("ระดับ %d", level);
      criterion->description = g_strdup_printf ("ตรวจได้ %g หน่วย", thresholds[level - 1]);
      g_ptr_array_add (version->items, criterion);
    }
  return version;
}

static void
assert_thresholds (const PhaenCriteriaVersion *version, const double expected[PHAEN_LEVELS])
{
  g_assert_cmpuint (version->items->len, ==, PHAEN_LEVELS);
  for (int i = 0; i < PHAEN_LEVELS; i++)
    {
      const PhaenCriterion *criterion = g_ptr_array_index (version->items, i);

      g_assert_cmpint (criterion->level, ==, i + 1);
      g_assert_true (criterion->has_threshold);
      g_assert_cmpfloat (criterion->threshold, ==, expected[i]);
      g_assert_false (criterion->has_upper);
      g_assert_cmpfloat (criterion->score, ==, i + 1);
    }
}

static const double thresholds_v1[PHAEN_LEVELS] = { 0, 150, 300, 450, 826 };
static const double thresholds_v2[PHAEN_LEVELS] = { 0, 100, 250, 400, 800 };

/* ------------------------------------------------------------------ model */

static void
test_model_copy (void)
{
  g_autoptr (PhaenCriteriaVersion) version =
    make_criteria (thresholds_v1, "2020-10-01", "คำรับรองการปฏิบัติราชการ");
  g_autoptr (PhaenCriteriaVersion) copy = phaen_criteria_version_copy (version);
  PhaenCriterion *original = g_ptr_array_index (version->items, 0);
  PhaenCriterion *copied = g_ptr_array_index (copy->items, 0);

  g_assert_cmpuint (copy->items->len, ==, version->items->len);
  g_assert_true (copied != original);
  g_assert_true (copied->label != original->label);
  g_assert_cmpstr (copied->label, ==, original->label);
  g_assert_cmpstr (copy->reason, ==, version->reason);
  g_assert_true (copy->reason != version->reason);
  g_assert_cmpfloat (copy->pass_percent, ==, 80);

  /* Freeing the original must leave the copy whole. */
  g_clear_pointer (&version, phaen_criteria_version_free);
  g_assert_cmpstr (copied->label, ==, "ระดับ 5");

  phaen_indicator_free (NULL);
  phaen_result_free (NULL);
  phaen_evidence_free (NULL);
  phaen_criteria_version_free (NULL);

  g_assert_cmpstr (phaen_plan_kind_to_string (PHAEN_PLAN_PROCESS), ==,
                   "แผนการปรับปรุงกระบวนการตามภารกิจ");
  g_assert_cmpstr (phaen_plan_kind_to_string (PHAEN_PLAN_ACTION), ==, "แผนปฏิบัติราชการประจำปี");
  g_assert_cmpstr (phaen_plan_kind_to_string (PHAEN_PLAN_EFFICIENCY), ==,
                   "แผนเพิ่มประสิทธิภาพ 12 เรื่อง");
}

/* ------------------------------------------------------------------ indicators */

/* A year counts once added, or once a plan or an indicator is filed under it. */
static void
test_fiscal_year_known (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (phaen_store_has_fiscal_year (f->store, 2564, &error));
  g_assert_no_error (error);
  phaen_store_add_indicator (f->store, f->unit_id, 2566, "สตป. 01", "ปีถัดไป", &error);
  g_assert_no_error (error);
  g_assert_true (phaen_store_has_fiscal_year (f->store, 2566, &error));
  g_assert_no_error (error);

  g_assert_false (phaen_store_has_fiscal_year (f->store, 2565, &error));
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "2565"));
}

static void
test_indicator_round_trip (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenIndicator) added = phaen_store_get_indicator (f->store, f->indicator_id, &error);
  g_autoptr (PhaenIndicator) read = NULL;
  g_autoptr (PhaenIndicator) copy = NULL;
  PhaenIndicator edited;

  g_assert_no_error (error);
  g_assert_cmpstr (added->code, ==, "สตป. 02");
  g_assert_cmpint (added->unit_id, ==, f->unit_id);
  g_assert_cmpint (added->fiscal_year, ==, 2564);
  g_assert_cmpint (added->position, ==, 0);
  g_assert_nonnull (added->uuid);
  g_assert_null (added->pmqa_group);
  g_assert_false (added->has_pmqa_target);

  edited = (PhaenIndicator){
    .id = added->id,
    .uuid = added->uuid,
    .unit_id = f->unit_id,
    .fiscal_year = 2564,
    .position = 7,
    .code = "สตป. 02",
    .name = "จำนวนหน่วยรับตรวจที่ได้รับการตรวจสอบ",
    .org_plan = "แผนปฏิบัติราชการของกรมบัญชีกลาง",
    .strategy = "ยกระดับการตรวจสอบ",
    .dimension = "มิติด้านประสิทธิผล",
    .goal = "หน่วยรับตรวจได้รับการตรวจสอบครบถ้วน",
    .weight = 30,
    .description = "นับหน่วยรับตรวจที่ตรวจแล้ว สะสมทั้งปี",
    .condition = "นับเฉพาะที่ส่งรายงานแล้ว",
    .measure_unit = "หน่วย",
    .target = "๘๒๖",
    .baseline = { "800", "790", "-" },
    .data_source = "ทะเบียนการตรวจสอบ",
    .owner_name = "นางสาวสมหญิง ใจดี",
    .owner_phone = "0 2127 7000 ต่อ 4512",
    .supporter_name = "นายสมชาย รักงาน",
    .supporter_phone = "081-234-5678",
    .scoring = 2,
    .direction = 1,
    .cumulative = FALSE,
    .level = PHAEN_LEVEL_PERSON,
    .leading = TRUE,
    .mandatory = 2,
    .pmqa_group = "7.3",
    .has_pmqa_target = TRUE,
    .pmqa_target = 95.8,
    .has_pmqa_score = TRUE,
    .pmqa_score = 300,
    .pmqa_note = "ค่าน้อยดี",
  };
  g_assert_true (phaen_store_update_indicator (f->store, &edited, &error));
  g_assert_no_error (error);
  read = phaen_store_get_indicator (f->store, f->indicator_id, &error);
  g_assert_no_error (error);
  assert_indicator_equal (read, &edited);
  copy = phaen_indicator_copy (read);
  assert_indicator_equal (copy, read);
  g_assert_true (copy->baseline[2] != read->baseline[2]);

  /* Optional numbers go back to "none". */
  edited.has_pmqa_target = FALSE;
  edited.has_pmqa_score = FALSE;
  edited.pmqa_group = NULL;
  g_assert_true (phaen_store_update_indicator (f->store, &edited, &error));
  g_clear_pointer (&read, phaen_indicator_free);
  read = phaen_store_get_indicator (f->store, f->indicator_id, &error);
  g_assert_no_error (error);
  g_assert_false (read->has_pmqa_target);
  g_assert_false (read->has_pmqa_score);
  g_assert_null (read->pmqa_group);

  edited.id = 999999;
  g_assert_false (phaen_store_update_indicator (f->store, &edited, &error));
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (phaen_store_get_indicator (f->store, 999999, &error));
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (phaen_store_delete_indicator (f->store, 999999, &error));
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_NOT_FOUND);
}

static void
test_indicator_find_and_list (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenIndicator) found = NULL;
  g_autoptr (PhaenIndicator) first = NULL;
  g_autoptr (GPtrArray) list = NULL;
  gint64 other_unit, id_01, id_03, id_other;

  id_01 = phaen_store_add_indicator (f->store, f->unit_id, 2564, "สตป.01", "ก", &error);
  g_assert_no_error (error);
  id_03 = phaen_store_add_indicator (f->store, f->unit_id, 2564, "สตป. 03", "ค", &error);
  g_assert_no_error (error);
  other_unit = test_add_unit (f->store, "กพร.", "กลุ่มพัฒนาระบบบริหาร");
  id_other = phaen_store_add_indicator (f->store, other_unit, 2564, "กพร.9", "ง", &error);
  g_assert_no_error (error);
  phaen_store_add_indicator (f->store, f->unit_id, 2565, "สตป. 02", "ปีหน้า", &error);
  g_assert_no_error (error);

  found = phaen_store_find_indicator (f->store, f->unit_id, 2564, "สตป.02", &error);
  g_assert_no_error (error);
  g_assert_cmpint (found->id, ==, f->indicator_id);
  g_clear_pointer (&found, phaen_indicator_free);
  found = phaen_store_find_indicator (f->store, f->unit_id, 2564, " สตป . 0 1 ", &error);
  g_assert_no_error (error);
  g_assert_cmpint (found->id, ==, id_01);
  g_clear_pointer (&found, phaen_indicator_free);
  found = phaen_store_find_indicator (f->store, f->unit_id, 2565, "สตป. 02", &error);
  g_assert_no_error (error);
  g_assert_cmpint (found->fiscal_year, ==, 2565);
  g_assert_cmpstr (found->name, ==, "ปีหน้า");
  g_clear_pointer (&found, phaen_indicator_free);

  g_assert_null (phaen_store_find_indicator (f->store, f->unit_id, 2564, "สตป. 09", &error));
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "สตป. 09"));
  g_clear_error (&error);
  g_assert_null (phaen_store_find_indicator (f->store, f->unit_id, 2564, "กพร.9", &error));
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Added in order 02, 01, 03: positions 0, 1, 2. */
  list = phaen_store_list_indicators (f->store, f->unit_id, 2564, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpint (((PhaenIndicator *)list->pdata[0])->id, ==, f->indicator_id);
  g_assert_cmpint (((PhaenIndicator *)list->pdata[1])->id, ==, id_01);
  g_assert_cmpint (((PhaenIndicator *)list->pdata[2])->id, ==, id_03);
  g_assert_cmpint (((PhaenIndicator *)list->pdata[2])->position, ==, 2);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Same position: the code decides. */
  first = phaen_store_get_indicator (f->store, id_03, &error);
  first->position = 1;
  g_assert_true (phaen_store_update_indicator (f->store, first, &error));
  g_assert_no_error (error);
  list = phaen_store_list_indicators (f->store, f->unit_id, 2564, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpint (((PhaenIndicator *)list->pdata[0])->id, ==, f->indicator_id);
  g_assert_cmpint (((PhaenIndicator *)list->pdata[1])->id, ==, id_01);
  g_assert_cmpint (((PhaenIndicator *)list->pdata[2])->id, ==, id_03);
  g_clear_pointer (&list, g_ptr_array_unref);

  list = phaen_store_list_indicators (f->store, 0, 2564, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 4);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = phaen_store_list_indicators (f->store, other_unit, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (((PhaenIndicator *)list->pdata[0])->id, ==, id_other);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = phaen_store_list_indicators (f->store, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 5);

  /* Counted without reading them, by unit then year; one becomes PMQA category 7. */
  first->scoring = PHAEN_SCORING_PMQA7;
  g_assert_true (phaen_store_update_indicator (f->store, first, &error));
  g_assert_no_error (error);
  {
    g_autoptr (GArray) years = phaen_store_list_indicator_years (f->store, &error);
    const PhaenIndicatorYear *y;

    g_assert_no_error (error);
    g_assert_cmpuint (years->len, ==, 3);
    for (guint i = 1; i < years->len; i++)
      {
        const PhaenIndicatorYear *a = &g_array_index (years, PhaenIndicatorYear, i - 1);
        const PhaenIndicatorYear *b = &g_array_index (years, PhaenIndicatorYear, i);

        g_assert_true (a->unit_id < b->unit_id ||
                       (a->unit_id == b->unit_id && a->fiscal_year < b->fiscal_year));
      }
    for (guint i = 0; i < years->len; i++)
      {
        y = &g_array_index (years, PhaenIndicatorYear, i);
        if (y->unit_id == other_unit)
          g_assert_true (y->fiscal_year == 2564 && y->n_indicators == 1 && y->n_pmqa7 == 0);
        else if (y->fiscal_year == 2564)
          g_assert_true (y->unit_id == f->unit_id && y->n_indicators == 3 && y->n_pmqa7 == 1);
        else
          g_assert_true (y->fiscal_year == 2565 && y->n_indicators == 1 && y->n_pmqa7 == 0);
      }
  }
}

/* ------------------------------------------------------------------ criteria */

static void
test_criteria_versions (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenCriteriaVersion) v1 = make_criteria (thresholds_v1, "2020-10-01", "คำรับรอง");
  g_autoptr (PhaenCriteriaVersion) v2 = make_criteria (thresholds_v2, "2021-3-15", "อุทธรณ์เกณฑ์");
  g_autoptr (PhaenCriteriaVersion) current = NULL;
  g_autoptr (PhaenCriteriaVersion) bad = NULL;
  g_autoptr (GPtrArray) history = NULL;
  const PhaenCriteriaVersion *old, *newer;
  gint64 id1, id2;

  g_assert_null (phaen_store_get_criteria (f->store, f->indicator_id, &error));
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_NOT_FOUND);
  g_clear_error (&error);

  id1 = phaen_store_add_criteria_version (f->store, f->indicator_id, v1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id1, >, 0);
  v2->pass_percent = 75;
  id2 = phaen_store_add_criteria_version (f->store, f->indicator_id, v2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id2, >, id1);

  current = phaen_store_get_criteria (f->store, f->indicator_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (current->id, ==, id2);
  g_assert_cmpint (current->version, ==, 2);
  g_assert_cmpint (current->indicator_id, ==, f->indicator_id);
  g_assert_cmpstr (current->approved_on, ==, "2021-03-15");
  g_assert_cmpstr (current->reason, ==, "อุทธรณ์เกณฑ์");
  g_assert_cmpfloat (current->pass_percent, ==, 75);
  assert_thresholds (current, thresholds_v2);
  g_assert_cmpstr (((PhaenCriterion *)current->items->pdata[4])->label, ==, "ระดับ 5");
  g_assert_cmpstr (((PhaenCriterion *)current->items->pdata[4])->description, ==,
                   "ตรวจได้ 800 หน่วย");

  history = phaen_store_list_criteria_versions (f->store, f->indicator_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);
  old = g_ptr_array_index (history, 0);
  newer = g_ptr_array_index (history, 1);
  g_assert_cmpint (old->version, ==, 1);
  g_assert_cmpstr (old->approved_on, ==, "2020-10-01");
  g_assert_cmpstr (old->reason, ==, "คำรับรอง");
  g_assert_cmpfloat (old->pass_percent, ==, 80);
  assert_thresholds (old, thresholds_v1);
  g_assert_cmpint (newer->version, ==, 2);
  assert_thresholds (newer, thresholds_v2);
  g_clear_pointer (&history, g_ptr_array_unref);

  /* Refusals leave nothing behind: not a date; the same level twice. */
  bad = make_criteria (thresholds_v1, "31/12/2563", "ผิดรูปแบบ");
  g_assert_cmpint (phaen_store_add_criteria_version (f->store, f->indicator_id, bad, &error), ==,
                   0);
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID);
  g_clear_error (&error);
  g_free (bad->approved_on);
  bad->approved_on = g_strdup ("2021-02-30");
  g_assert_cmpint (phaen_store_add_criteria_version (f->store, f->indicator_id, bad, &error), ==,
                   0);
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&bad->approved_on, g_free);
  ((PhaenCriterion *)bad->items->pdata[0])->level = 4;
  g_assert_cmpint (phaen_store_add_criteria_version (f->store, f->indicator_id, bad, &error), ==,
                   0);
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID);
  g_clear_error (&error);
  history = phaen_store_list_criteria_versions (f->store, f->indicator_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);
  g_clear_pointer (&history, g_ptr_array_unref);
  g_assert_cmpint (phaen_store_add_criteria_version (f->store, 999999, v1, &error), ==, 0);
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A version with its criteria is one undo step. */
  g_assert_cmpstr (phaen_store_get_undo_label (f->store), ==, "Change criteria");
  g_assert_true (phaen_store_undo (f->store, &error));
  g_assert_no_error (error);
  g_clear_pointer (&current, phaen_criteria_version_free);
  current = phaen_store_get_criteria (f->store, f->indicator_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (current->version, ==, 1);
  assert_thresholds (current, thresholds_v1);
}

/* ------------------------------------------------------------------ results */

static void
test_result_thai_digits (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) results = NULL;
  g_autoptr (PhaenResult) q2 = NULL;
  g_autoptr (PhaenResult) again = NULL;
  g_autoptr (GDateTime) updated = NULL;
  const PhaenResult *result;

  results = phaen_store_get_results (f->store, f->indicator_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 4);
  for (guint i = 0; i < 4; i++)
    g_assert_null (g_ptr_array_index (results, i));
  g_clear_pointer (&results, g_ptr_array_unref);

  g_assert_true (phaen_store_set_result (f->store, f->indicator_id, 2, "๑๘๔", "ตรวจสอบแล้ว ๑๘๔ หน่วย",
                                         "บุคลากรไม่เพียงพอ", &error));
  g_assert_no_error (error);
  results = phaen_store_get_results (f->store, f->indicator_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 4);
  g_assert_null (g_ptr_array_index (results, 0));
  g_assert_null (g_ptr_array_index (results, 2));
  g_assert_null (g_ptr_array_index (results, 3));
  result = g_ptr_array_index (results, 1);
  g_assert_nonnull (result);
  g_assert_cmpint (result->quarter, ==, 2);
  g_assert_cmpint (result->indicator_id, ==, f->indicator_id);
  g_assert_cmpstr (result->value_text, ==, "๑๘๔");
  g_assert_true (result->has_value);
  g_assert_cmpfloat (result->value, ==, 184);
  g_assert_cmpstr (result->detail, ==, "ตรวจสอบแล้ว ๑๘๔ หน่วย");
  g_assert_cmpstr (result->problems, ==, "บุคลากรไม่เพียงพอ");
  g_assert_false (result->has_override);
  updated = g_date_time_new_from_iso8601 (result->updated_at, NULL);
  g_assert_nonnull (updated);
  q2 = phaen_result_copy (result);

  /* Entering the quarter again updates the same row; NULL keeps the texts. */
  g_assert_true (phaen_store_set_result (f->store, f->indicator_id, 2, "๔๖๔", NULL, NULL, &error));
  g_assert_no_error (error);
  again = get_result (f->store, f->indicator_id, 2);
  g_assert_cmpint (again->id, ==, q2->id);
  g_assert_cmpstr (again->uuid, ==, q2->uuid);
  g_assert_cmpfloat (again->value, ==, 464);
  g_assert_cmpstr (again->value_text, ==, "๔๖๔");
  g_assert_cmpstr (again->detail, ==, "ตรวจสอบแล้ว ๑๘๔ หน่วย");
  g_assert_cmpstr (again->problems, ==, "บุคลากรไม่เพียงพอ");
  g_clear_pointer (&again, phaen_result_free);

  g_assert_true (
    phaen_store_set_result (f->store, f->indicator_id, 4, "14,760.50", "", "", &error));
  again = get_result (f->store, f->indicator_id, 4);
  g_assert_true (again->has_value);
  g_assert_cmpfloat (again->value, ==, 14760.5);
  g_assert_cmpstr (again->value_text, ==, "14,760.50");
  g_clear_pointer (&again, phaen_result_free);

  g_assert_null (phaen_store_get_results (f->store, 999999, &error));
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (phaen_store_set_result (f->store, 999999, 1, "1", "", "", &error));
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_NOT_FOUND);
}

static void
test_result_not_a_number (Fixture *f, gconstpointer data)
{
  static const char *const texts[] = { "4-5", "-", "", "ดำเนินการแล้ว" };
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr (PhaenResult) number = NULL;
      g_autoptr (PhaenResult) text = NULL;

      /* A number first, so a stale value would show. */
      g_assert_true (phaen_store_set_result (f->store, f->indicator_id, 3, "3", "", "", &error));
      g_assert_no_error (error);
      number = get_result (f->store, f->indicator_id, 3);
      g_assert_true (number->has_value);

      g_assert_true (
        phaen_store_set_result (f->store, f->indicator_id, 3, texts[i], "", "", &error));
      g_assert_no_error (error);
      text = get_result (f->store, f->indicator_id, 3);
      g_assert_nonnull (text);
      g_assert_cmpstr (text->value_text, ==, texts[i]);
      g_assert_false (text->has_value);
    }
}

static void
test_result_override (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenResult) result = NULL;

  g_assert_false (
    phaen_store_set_score_override (f->store, f->indicator_id, 1, TRUE, 3, NULL, &error));
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (
    phaen_store_set_score_override (f->store, f->indicator_id, 1, TRUE, 3, "  \n", &error));
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (get_result (f->store, f->indicator_id, 1));
  g_assert_cmpstr (phaen_store_get_undo_label (f->store), ==, "Add indicator");

  g_assert_true (phaen_store_set_result (f->store, f->indicator_id, 1, "0", "", "", &error));
  g_assert_true (phaen_store_set_score_override (f->store, f->indicator_id, 1, TRUE, 3,
                                                 "มติคณะทำงาน ครั้งที่ 2/2564", &error));
  g_assert_no_error (error);
  result = get_result (f->store, f->indicator_id, 1);
  g_assert_true (result->has_override);
  g_assert_cmpfloat (result->score_override, ==, 3);
  g_assert_cmpstr (result->override_reason, ==, "มติคณะทำงาน ครั้งที่ 2/2564");
  g_assert_true (result->has_value);
  g_assert_cmpfloat (result->value, ==, 0);
  g_assert_cmpstr (result->value_text, ==, "0");
  g_clear_pointer (&result, phaen_result_free);

  /* Entering the result again keeps the committee's decision. */
  g_assert_true (phaen_store_set_result (f->store, f->indicator_id, 1, "10", NULL, NULL, &error));
  result = get_result (f->store, f->indicator_id, 1);
  g_assert_true (result->has_override);
  g_clear_pointer (&result, phaen_result_free);

  g_assert_true (
    phaen_store_set_score_override (f->store, f->indicator_id, 1, FALSE, 0, NULL, &error));
  g_assert_no_error (error);
  result = get_result (f->store, f->indicator_id, 1);
  g_assert_false (result->has_override);
  g_assert_cmpstr (result->override_reason, ==, "");
  g_assert_cmpfloat (result->value, ==, 10);
  g_clear_pointer (&result, phaen_result_free);

  /* An override alone makes the quarter exist. */
  g_assert_true (
    phaen_store_set_score_override (f->store, f->indicator_id, 4, TRUE, 5, "ผลงานดีเด่น", &error));
  result = get_result (f->store, f->indicator_id, 4);
  g_assert_nonnull (result);
  g_assert_false (result->has_value);
  g_assert_cmpfloat (result->score_override, ==, 5);
}

static void
test_pmqa_values (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  double value = 0;

  g_assert_false (phaen_store_get_pmqa_value (f->store, f->indicator_id, 2565, &value));
  g_assert_true (phaen_store_set_pmqa_value (f->store, f->indicator_id, 2565, TRUE, 97.4, &error));
  g_assert_no_error (error);
  g_assert_true (phaen_store_set_pmqa_value (f->store, f->indicator_id, 2566, TRUE, 0.05, &error));
  g_assert_true (phaen_store_set_pmqa_value (f->store, f->indicator_id, 2565, TRUE, 95.8, &error));
  g_assert_true (phaen_store_get_pmqa_value (f->store, f->indicator_id, 2565, &value));
  g_assert_cmpfloat (value, ==, 95.8);
  g_assert_true (phaen_store_get_pmqa_value (f->store, f->indicator_id, 2566, &value));
  g_assert_cmpfloat (value, ==, 0.05);

  g_assert_true (phaen_store_set_pmqa_value (f->store, f->indicator_id, 2565, FALSE, 0, &error));
  g_assert_no_error (error);
  g_assert_false (phaen_store_get_pmqa_value (f->store, f->indicator_id, 2565, &value));
  g_assert_true (phaen_store_get_pmqa_value (f->store, f->indicator_id, 2566, &value));

  g_assert_false (phaen_store_set_pmqa_value (f->store, f->indicator_id, 2022, TRUE, 1, &error));
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID);
}

/* ------------------------------------------------------------------ evidence */

static void
test_evidence (Fixture *f, gconstpointer data)
{
  static const char *const bad_urls[] = { "ftp://files.example.go.th/a.pdf",
                                          "javascript:alert(1)",
                                          "www.example.go.th",
                                          "https://",
                                          "file:///home/user/a.pdf",
                                          "phaenpoc://run?x=1",
                                          "" };
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) pdf = make_file_bytes (70000, 2564);
  g_autoptr (GBytes) empty = g_bytes_new (NULL, 0);
  g_autoptr (GBytes) read = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (PhaenResult) result = NULL;
  const PhaenEvidence *file, *link;
  gint64 file_id, url_id, empty_id;

  file_id = phaen_store_add_evidence_file (f->store, f->indicator_id, 3, "หลักฐาน ไตรมาส 3.pdf",
                                           "application/pdf", pdf, &error);
  g_assert_no_error (error);
  g_assert_cmpint (file_id, >, 0);
  g_assert_cmpstr (phaen_store_get_undo_label (f->store), ==, "Attach evidence");

  /* The quarter had no result: an empty one now holds the file. */
  result = get_result (f->store, f->indicator_id, 3);
  g_assert_nonnull (result);
  g_assert_cmpstr (result->value_text, ==, "");
  g_assert_false (result->has_value);

  url_id = phaen_store_add_evidence_url (f->store, f->indicator_id, 3, "ระบบ e-SAR",
                                         " https://esar.example.go.th/report?q=3&y=2564 ", &error);
  g_assert_no_error (error);
  g_assert_cmpint (url_id, >, file_id);
  for (guint i = 0; i < G_N_ELEMENTS (bad_urls); i++)
    {
      g_assert_cmpint (
        phaen_store_add_evidence_url (f->store, f->indicator_id, 3, NULL, bad_urls[i], &error), ==,
        0);
      g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID);
      g_clear_error (&error);
    }

  list = phaen_store_list_evidence (f->store, f->indicator_id, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  file = g_ptr_array_index (list, 0);
  link = g_ptr_array_index (list, 1);
  g_assert_cmpint (file->id, ==, file_id);
  g_assert_cmpint (file->result_id, ==, result->id);
  g_assert_cmpstr (file->name, ==, "หลักฐาน ไตรมาส 3.pdf");
  g_assert_cmpstr (file->mime, ==, "application/pdf");
  g_assert_null (file->url);
  g_assert_cmpint (file->size, ==, 70000);
  g_assert_nonnull (file->added_at);
  g_assert_cmpint (link->id, ==, url_id);
  g_assert_cmpstr (link->name, ==, "ระบบ e-SAR");
  g_assert_cmpstr (link->url, ==, "https://esar.example.go.th/report?q=3&y=2564");
  g_assert_null (link->mime);
  g_assert_cmpint (link->size, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);

  list = phaen_store_list_evidence (f->store, f->indicator_id, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);

  read = phaen_store_get_evidence_data (f->store, file_id, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (read, pdf));
  g_clear_pointer (&read, g_bytes_unref);
  g_assert_null (phaen_store_get_evidence_data (f->store, url_id, &error));
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID);
  g_clear_error (&error);

  /* An empty file is a file, and no MIME type is guessed to something. */
  empty_id =
    phaen_store_add_evidence_file (f->store, f->indicator_id, 1, "ว่าง.txt", NULL, empty, &error);
  g_assert_no_error (error);
  read = phaen_store_get_evidence_data (f->store, empty_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (read), ==, 0);
  list = phaen_store_list_evidence (f->store, f->indicator_id, 1, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_nonnull (((PhaenEvidence *)list->pdata[0])->mime);
  g_assert_null (((PhaenEvidence *)list->pdata[0])->url);
  g_clear_pointer (&list, g_ptr_array_unref);

  g_assert_true (phaen_store_delete_evidence (f->store, file_id, &error));
  g_assert_no_error (error);
  list = phaen_store_list_evidence (f->store, f->indicator_id, 3, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (((PhaenEvidence *)list->pdata[0])->id, ==, url_id);
  g_assert_false (phaen_store_delete_evidence (f->store, file_id, &error));
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (phaen_store_get_evidence_data (f->store, file_id, &error));
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_NOT_FOUND);
}

/* ------------------------------------------------------------------ undo */

static void
count_changed_cb (PhaenStore *store, guint *count)
{
  (*count)++;
}

static void
test_undo_result (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenResult) before = NULL;
  g_autoptr (PhaenResult) after = NULL;
  g_autoptr (PhaenResult) gone = NULL;
  guint changed = 0;

  g_signal_connect (f->store, "changed", G_CALLBACK (count_changed_cb), &changed);
  g_assert_true (phaen_store_set_result (f->store, f->indicator_id, 2, "๑๘๔", "", "", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_true (phaen_store_can_undo (f->store));
  g_assert_false (phaen_store_can_redo (f->store));
  g_assert_cmpstr (phaen_store_get_undo_label (f->store), ==, "Enter result");
  before = get_result (f->store, f->indicator_id, 2);

  g_assert_true (phaen_store_undo (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 2);
  gone = get_result (f->store, f->indicator_id, 2);
  g_assert_null (gone);
  g_assert_true (phaen_store_can_redo (f->store));
  g_assert_cmpstr (phaen_store_get_redo_label (f->store), ==, "Enter result");
  g_assert_cmpstr (phaen_store_get_undo_label (f->store), ==, "Add indicator");

  g_assert_true (phaen_store_redo (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 3);
  after = get_result (f->store, f->indicator_id, 2);
  g_assert_nonnull (after);
  g_assert_cmpint (after->id, ==, before->id);
  g_assert_cmpstr (after->uuid, ==, before->uuid);
  g_assert_cmpstr (after->value_text, ==, "๑๘๔");
  g_assert_cmpfloat (after->value, ==, 184);
  g_assert_false (phaen_store_can_redo (f->store));

  /* A new edit after an undo forgets the redo. */
  g_assert_true (phaen_store_undo (f->store, &error));
  g_assert_true (phaen_store_set_result (f->store, f->indicator_id, 1, "0", "", "", &error));
  g_assert_false (phaen_store_can_redo (f->store));
}

static void
test_undo_group (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  guint changed = 0;

  g_signal_connect (f->store, "changed", G_CALLBACK (count_changed_cb), &changed);
  g_assert_true (phaen_store_begin (f->store, "Enter quarters", &error));
  g_assert_true (phaen_store_set_result (f->store, f->indicator_id, 1, "0", "", "", &error));
  g_assert_true (phaen_store_set_result (f->store, f->indicator_id, 2, "184", "", "", &error));
  /* A failing call inside the group undoes itself only. */
  g_assert_false (phaen_store_delete_evidence (f->store, 999999, &error));
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (phaen_store_set_result (f->store, f->indicator_id, 3, "464", "", "", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 0);
  g_assert_true (phaen_store_commit (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpstr (phaen_store_get_undo_label (f->store), ==, "Enter quarters");

  for (int q = 1; q <= 3; q++)
    {
      g_autoptr (PhaenResult) result = get_result (f->store, f->indicator_id, q);
      g_assert_nonnull (result);
    }

  g_assert_true (phaen_store_undo (f->store, &error));
  g_assert_no_error (error);
  for (int q = 1; q <= 4; q++)
    {
      g_autoptr (PhaenResult) result = get_result (f->store, f->indicator_id, q);
      g_assert_null (result);
    }
  g_assert_cmpstr (phaen_store_get_undo_label (f->store), ==, "Add indicator");

  g_assert_true (phaen_store_redo (f->store, &error));
  g_assert_no_error (error);
  for (int q = 1; q <= 3; q++)
    {
      g_autoptr (PhaenResult) result = get_result (f->store, f->indicator_id, q);
      g_assert_nonnull (result);
    }
}

static void
test_undo_rollback (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = make_file_bytes (1000, 1);
  PhaenStoreStats stats;
  guint changed = 0;

  g_signal_connect (f->store, "changed", G_CALLBACK (count_changed_cb), &changed);
  g_assert_true (phaen_store_begin (f->store, "Import", &error));
  g_assert_true (phaen_store_set_result (f->store, f->indicator_id, 1, "5", "", "", &error));
  g_assert_cmpint (phaen_store_add_evidence_file (f->store, f->indicator_id, 1, "a.bin",
                                                  "application/octet-stream", bytes, &error),
                   >, 0);
  g_assert_cmpint (phaen_store_add_indicator (f->store, f->unit_id, 2564, "สตป. 03", "x", &error),
                   >, 0);
  g_assert_no_error (error);
  phaen_store_rollback (f->store);

  g_assert_cmpuint (changed, ==, 0);
  g_assert_true (phaen_store_get_stats (f->store, &stats, &error));
  g_assert_cmpint (stats.indicators, ==, 1);
  g_assert_cmpint (stats.results, ==, 0);
  g_assert_cmpint (stats.evidence, ==, 0);
  g_assert_cmpstr (phaen_store_get_undo_label (f->store), ==, "Add indicator");
  g_assert_false (phaen_store_can_redo (f->store));

  /* The store is usable afterwards, and nothing of the rolled-back group comes back. */
  g_assert_true (phaen_store_set_result (f->store, f->indicator_id, 2, "6", "", "", &error));
  g_assert_no_error (error);
  g_assert_true (phaen_store_undo (f->store, &error));
  g_assert_true (phaen_store_get_stats (f->store, &stats, &error));
  g_assert_cmpint (stats.results, ==, 0);
}

static void
assert_everything_there (Fixture *f,
                         const PhaenIndicator *indicator,
                         GBytes *file,
                         gint64 file_id,
                         PhaenStoreStats *expected)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenIndicator) read = phaen_store_get_indicator (f->store, f->indicator_id, &error);
  g_autoptr (PhaenCriteriaVersion) criteria = NULL;
  g_autoptr (GPtrArray) history = NULL;
  g_autoptr (GPtrArray) evidence = NULL;
  g_autoptr (GBytes) data = NULL;
  g_autoptr (PhaenResult) q1 = NULL;
  g_autoptr (PhaenResult) q2 = NULL;
  PhaenStoreStats stats;
  double value = 0;

  g_assert_no_error (error);
  assert_indicator_equal (read, indicator);
  criteria = phaen_store_get_criteria (f->store, f->indicator_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (criteria->version, ==, 2);
  assert_thresholds (criteria, thresholds_v2);
  history = phaen_store_list_criteria_versions (f->store, f->indicator_id, &error);
  g_assert_cmpuint (history->len, ==, 2);
  assert_thresholds (g_ptr_array_index (history, 0), thresholds_v1);

  q1 = get_result (f->store, f->indicator_id, 1);
  g_assert_cmpfloat (q1->value, ==, 0);
  g_assert_true (q1->has_value);
  q2 = get_result (f->store, f->indicator_id, 2);
  g_assert_cmpstr (q2->value_text, ==, "๑๘๔");
  g_assert_cmpfloat (q2->value, ==, 184);
  g_assert_true (q2->has_override);
  g_assert_cmpstr (q2->override_reason, ==, "มติคณะทำงาน");

  evidence = phaen_store_list_evidence (f->store, f->indicator_id, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (evidence->len, ==, 2);
  data = phaen_store_get_evidence_data (f->store, file_id, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (data, file));
  g_assert_true (phaen_store_get_pmqa_value (f->store, f->indicator_id, 2566, &value));
  g_assert_cmpfloat (value, ==, 97.4);

  g_assert_true (phaen_store_get_stats (f->store, &stats, &error));
  g_assert_cmpint (memcmp (&stats, expected, sizeof stats), ==, 0);
}

static void
test_undo_delete_cascade (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenCriteriaVersion) v1 = make_criteria (thresholds_v1, "2020-10-01", "คำรับรอง");
  g_autoptr (PhaenCriteriaVersion) v2 = make_criteria (thresholds_v2, "2021-03-15", "อุทธรณ์");
  g_autoptr (GBytes) file = make_file_bytes (150000, 826);
  g_autoptr (PhaenIndicator) indicator = NULL;
  g_autoptr (GPtrArray) history = NULL;
  PhaenStoreStats full, stats;
  gint64 file_id;
  double value;

  indicator = phaen_store_get_indicator (f->store, f->indicator_id, &error);
  g_free (indicator->description);
  indicator->description = g_strdup ("นับสะสม");
  indicator->weight = 30;
  g_assert_true (phaen_store_update_indicator (f->store, indicator, &error));
  g_assert_cmpint (phaen_store_add_criteria_version (f->store, f->indicator_id, v1, &error), >, 0);
  g_assert_cmpint (phaen_store_add_criteria_version (f->store, f->indicator_id, v2, &error), >, 0);
  g_assert_true (phaen_store_set_result (f->store, f->indicator_id, 1, "0", "", "", &error));
  g_assert_true (phaen_store_set_result (f->store, f->indicator_id, 2, "๑๘๔", "", "", &error));
  g_assert_true (
    phaen_store_set_score_override (f->store, f->indicator_id, 2, TRUE, 2.5, "มติคณะทำงาน", &error));
  file_id =
    phaen_store_add_evidence_file (f->store, f->indicator_id, 2, "สรุปผล.xlsx", NULL, file, &error);
  g_assert_cmpint (phaen_store_add_evidence_url (f->store, f->indicator_id, 2, NULL,
                                                 "http://example.go.th/", &error),
                   >, 0);
  g_assert_true (phaen_store_set_pmqa_value (f->store, f->indicator_id, 2566, TRUE, 97.4, &error));
  g_assert_no_error (error);
  g_assert_true (phaen_store_get_stats (f->store, &full, &error));
  g_assert_cmpint (full.results, ==, 2);
  g_assert_cmpint (full.evidence, ==, 2);
  assert_everything_there (f, indicator, file, file_id, &full);

  g_assert_true (phaen_store_delete_indicator (f->store, f->indicator_id, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (phaen_store_get_undo_label (f->store), ==, "Delete indicator");
  g_assert_null (phaen_store_get_indicator (f->store, f->indicator_id, &error));
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (phaen_store_get_stats (f->store, &stats, &error));
  g_assert_cmpint (stats.indicators, ==, 0);
  g_assert_cmpint (stats.results, ==, 0);
  g_assert_cmpint (stats.evidence, ==, 0);
  history = phaen_store_list_criteria_versions (f->store, f->indicator_id, &error);
  g_assert_cmpuint (history->len, ==, 0);
  g_assert_false (phaen_store_get_pmqa_value (f->store, f->indicator_id, 2566, &value));
  g_assert_null (phaen_store_get_evidence_data (f->store, file_id, &error));
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* One undo brings back the indicator, its criteria, results, PMQA values and files. */
  g_assert_true (phaen_store_undo (f->store, &error));
  g_assert_no_error (error);
  assert_everything_there (f, indicator, file, file_id, &full);

  g_assert_true (phaen_store_redo (f->store, &error));
  g_assert_no_error (error);
  g_assert_true (phaen_store_get_stats (f->store, &stats, &error));
  g_assert_cmpint (stats.indicators, ==, 0);
  g_assert_cmpint (stats.evidence, ==, 0);

  g_assert_true (phaen_store_undo (f->store, &error));
  g_assert_no_error (error);
  assert_everything_there (f, indicator, file, file_id, &full);
}

/* ------------------------------------------------------------------ the file */

static void
test_reopen (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) file = make_file_bytes (5000, 7);
  g_autoptr (PhaenCriteriaVersion) v1 = make_criteria (thresholds_v1, "2020-10-01", "คำรับรอง");
  g_autoptr (PhaenIndicator) found = NULL;
  g_autoptr (PhaenCriteriaVersion) criteria = NULL;
  g_autoptr (PhaenResult) result = NULL;
  g_autoptr (GPtrArray) evidence = NULL;
  g_autoptr (GBytes) stored = NULL;
  g_autoptr (PhaenUnit) unit = NULL;
  gint64 file_id;

  g_assert_cmpint (phaen_store_add_criteria_version (f->store, f->indicator_id, v1, &error), >, 0);
  g_assert_true (
    phaen_store_set_result (f->store, f->indicator_id, 2, "๑๘๔", "รายละเอียด", "ปัญหา", &error));
  file_id = phaen_store_add_evidence_file (f->store, f->indicator_id, 2, "ภาพ.png", "image/png",
                                           file, &error);
  g_assert_no_error (error);
  g_clear_object (&f->store);

  f->store = phaen_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_false (phaen_store_can_undo (f->store));
  unit = phaen_store_find_unit (f->store, "สตป", &error);
  g_assert_no_error (error);
  found = phaen_store_find_indicator (f->store, unit->id, 2564, "สตป.02", &error);
  g_assert_no_error (error);
  g_assert_cmpint (found->id, ==, f->indicator_id);
  g_assert_cmpstr (found->name, ==, "จำนวนหน่วยรับตรวจที่ได้รับการตรวจสอบ");
  criteria = phaen_store_get_criteria (f->store, found->id, &error);
  g_assert_no_error (error);
  assert_thresholds (criteria, thresholds_v1);
  result = get_result (f->store, found->id, 2);
  g_assert_cmpstr (result->value_text, ==, "๑๘๔");
  g_assert_cmpfloat (result->value, ==, 184);
  g_assert_cmpstr (result->detail, ==, "รายละเอียด");
  g_assert_cmpstr (result->problems, ==, "ปัญหา");
  evidence = phaen_store_list_evidence (f->store, found->id, 2, &error);
  g_assert_cmpuint (evidence->len, ==, 1);
  g_assert_cmpint (((PhaenEvidence *)evidence->pdata[0])->size, ==, 5000);
  stored = phaen_store_get_evidence_data (f->store, file_id, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (stored, file));
}

static void
write_sqlite (const char *path, const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static void
assert_refused (const char *path, int code)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenStore) store = NULL;
  g_autofree char *before = file_checksum (path);
  g_autofree char *after = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  store = phaen_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, PHAEN_ERROR, code);
  g_assert_cmpstr (error->message, !=, "");
  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
}

static void
test_open_refusals (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) file = make_file_bytes (100000, 3);
  g_autofree char *text = g_build_filename (f->dir, "ตัวชี้วัด.csv", NULL);
  g_autofree char *empty = g_build_filename (f->dir, "empty.phaen", NULL);
  g_autofree char *cut = g_build_filename (f->dir, "cut.phaen", NULL);
  g_autofree char *stub = g_build_filename (f->dir, "stub.phaen", NULL);
  g_autofree char *foreign = g_build_filename (f->dir, "contacts.db", NULL);
  g_autofree char *newer = g_build_filename (f->dir, "newer.phaen", NULL);
  g_autofree char *newer_sql = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_file_set_contents (text, "รหัส,ตัวชี้วัด\nสตป. 02,จำนวนหน่วยรับตรวจ\n", -1, &error);
  g_assert_no_error (error);
  assert_refused (text, PHAEN_ERROR_NOT_WORKSPACE);

  g_file_set_contents (empty, "", 0, &error);
  g_assert_no_error (error);
  assert_refused (empty, PHAEN_ERROR_NOT_WORKSPACE);

  /* A real workspace, big enough to span many pages, cut in half. */
  g_assert_cmpint (
    phaen_store_add_evidence_file (f->store, f->indicator_id, 1, "big.bin", NULL, file, &error), >,
    0);
  g_clear_object (&f->store);
  g_file_get_contents (f->path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 100000);
  g_file_set_contents (cut, contents, length / 2, &error);
  g_assert_no_error (error);
  assert_refused (cut, PHAEN_ERROR_CORRUPT);
  g_file_set_contents (stub, contents, 60, &error);
  g_assert_no_error (error);
  assert_refused (stub, PHAEN_ERROR_CORRUPT);

  write_sqlite (foreign, "CREATE TABLE contacts (name TEXT, phone TEXT);"
                         "INSERT INTO contacts VALUES ('สมชาย', '081-234-5678');");
  assert_refused (foreign, PHAEN_ERROR_NOT_WORKSPACE);

  newer_sql = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = 99;"
                               "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);",
                               PHAEN_STORE_APPLICATION_ID);
  write_sqlite (newer, newer_sql);
  assert_refused (newer, PHAEN_ERROR_TOO_NEW);

  /* The whole workspace still opens. */
  f->store = phaen_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);
}

/* Exporters must never write over the workspace: not by another spelling of its path, not
 * through a link, not onto its -wal. */
static void
test_own_file (Fixture *f, gconstpointer data)
{
  g_autofree char *base = g_path_get_basename (f->path);
  g_autofree char *dotted = g_build_filename (f->dir, ".", base, NULL);
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *journal = g_strconcat (f->path, "-journal", NULL);
  g_autofree char *link = g_build_filename (f->dir, "link.phaen", NULL);
  g_autofree char *other = g_build_filename (f->dir, "other.xlsx", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "new.xlsx", NULL);
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (symlink (f->path, link), ==, 0);
  g_file_set_contents (other, "x", -1, &error);
  g_assert_no_error (error);

  g_assert_true (phaen_store_is_own_file (f->store, f->path));
  g_assert_true (phaen_store_is_own_file (f->store, dotted));
  g_assert_true (phaen_store_is_own_file (f->store, wal));
  g_assert_true (phaen_store_is_own_file (f->store, journal));
  g_assert_true (phaen_store_is_own_file (f->store, link));
  g_assert_false (phaen_store_is_own_file (f->store, other));
  g_assert_false (phaen_store_is_own_file (f->store, missing));
  g_assert_false (phaen_store_is_own_file (f->store, f->dir));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  g_test_add_func ("/store/model/copy", test_model_copy);
  ADD ("/store/fiscal-year/known", test_fiscal_year_known);
  ADD ("/store/indicator/round-trip", test_indicator_round_trip);
  ADD ("/store/indicator/find-and-list", test_indicator_find_and_list);
  ADD ("/store/criteria/versions", test_criteria_versions);
  ADD ("/store/result/thai-digits", test_result_thai_digits);
  ADD ("/store/result/not-a-number", test_result_not_a_number);
  ADD ("/store/result/override", test_result_override);
  ADD ("/store/pmqa/values", test_pmqa_values);
  ADD ("/store/evidence/files-and-links", test_evidence);
  ADD ("/store/undo/result", test_undo_result);
  ADD ("/store/undo/group", test_undo_group);
  ADD ("/store/undo/rollback", test_undo_rollback);
  ADD ("/store/undo/delete-cascade", test_undo_delete_cascade);
  ADD ("/store/file/reopen", test_reopen);
  ADD ("/store/file/open-refusals", test_open_refusals);
  ADD ("/store/file/own-file", test_own_file);
#undef ADD
  return g_test_run ();
}
