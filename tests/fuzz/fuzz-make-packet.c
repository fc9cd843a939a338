/* fuzz-make-packet.c — the packet harness's seeds: an office workspace and two result packets
 * of its unit copy
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-fuzz"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdlib.h>

#include "phaen-unit-copy.h"

/* An office with one unit: a plan of two activities, an indicator with criteria and a
 * result. Small, so that mutations land in what a packet says. */
static gint64
fill (PhaenStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenCriteriaVersion) criteria = phaen_criteria_version_new ();
  gint64 unit, plan, activity, indicator;

  unit = phaen_store_add_unit (store, "สตป.", "สำนักตรวจสอบและประเมินผล", 0, &error);
  g_assert_true (phaen_store_add_fiscal_year (store, 2567, &error));
  plan = phaen_store_add_plan (store, unit, 2567, PHAEN_PLAN_PROCESS, "แผนทดสอบ", &error);
  activity = phaen_store_add_activity (store, plan, 0, -1, "ตรวจติดตาม", &error);
  g_assert_true (phaen_store_set_month_marks (store, activity, 1, PHAEN_MARK_PLANNED, &error));
  indicator = phaen_store_add_indicator (store, unit, 2567, "สตป.01", "จำนวนหน่วยรับตรวจ", &error);
  for (int level = 1; level <= PHAEN_LEVELS; level++)
    {
      PhaenCriterion *item = g_new0 (PhaenCriterion, 1);

      item->level = level;
      item->has_threshold = TRUE;
      item->threshold = (level - 1) * 100;
      g_ptr_array_add (criteria->items, item);
    }
  g_assert_cmpint (phaen_store_add_criteria_version (store, indicator, criteria, &error), >, 0);
  g_assert_true (phaen_store_set_result (store, indicator, 1, "50", "เริ่ม", "", &error));
  g_assert_no_error (error);
  return indicator;
}

/* What a unit head does between two packets. */
static void
report (const char *copy, const char *packet, int round)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenStore) store = phaen_store_open (copy, &error);
  g_autoptr (GPtrArray) indicators = NULL;
  g_autoptr (GPtrArray) plans = NULL;
  g_autoptr (GPtrArray) activities = NULL;
  g_autoptr (GBytes) pdf = g_bytes_new_static ("%PDF-1.4\n%%EOF\n", 15);
  gint64 indicator, activity;

  g_assert_no_error (error);
  indicators = phaen_store_list_indicators (store, 0, 0, &error);
  plans = phaen_store_list_plans (store, 0, 0, &error);
  activities = phaen_store_list_activities (store, ((PhaenPlan *)plans->pdata[0])->id, &error);
  indicator = ((PhaenIndicator *)indicators->pdata[0])->id;
  activity = ((PhaenActivity *)activities->pdata[0])->id;
  if (round == 1)
    {
      g_assert_true (phaen_store_set_result (store, indicator, 1, "๘๐", "ครบ", "", &error));
      g_assert_true (phaen_store_set_result (store, indicator, 2, "120", "", "ล่าช้า", &error));
      g_assert_cmpint (phaen_store_add_evidence_file (store, indicator, 2, "รายงาน.pdf",
                                                      "application/pdf", pdf, &error),
                       >, 0);
      g_assert_cmpint (phaen_store_add_evidence_url (store, indicator, 1, "แบบฟอร์ม",
                                                     "https://forms.gle/x", &error),
                       >, 0);
      g_assert_true (phaen_store_set_month_marks (
        store, activity, 1, PHAEN_MARK_PLANNED | PHAEN_MARK_ACHIEVED, &error));
      g_assert_true (phaen_store_set_month_progress (store, activity, 3, "ร้อยละ ๕๐", &error));
    }
  else
    {
      g_autoptr (GPtrArray) evidence = phaen_store_list_evidence (store, indicator, 1, &error);

      g_assert_true (phaen_store_set_result (store, indicator, 2, "130", "แก้ไข", "", &error));
      g_assert_true (
        phaen_store_delete_evidence (store, ((PhaenEvidence *)evidence->pdata[0])->id, &error));
      g_assert_true (phaen_store_set_pmqa_value (store, indicator, 2566, TRUE, 97.4, &error));
    }
  g_assert_no_error (error);
  g_assert_true (phaen_unit_copy_pack (store, 0, "หัวหน้า", packet, NULL, &error));
  g_assert_no_error (error);
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenStore) office = NULL;
  g_autoptr (GPtrArray) copies = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *folder = NULL;

  if (argc != 4)
    g_error ("usage: fuzz-make-packet OFFICE PACKET1 PACKET2");
  dir = g_dir_make_tmp ("phaen-fuzz-make-packet-XXXXXX", &error);
  g_assert_no_error (error);
  folder = g_build_filename (dir, "copies", NULL);
  g_unlink (argv[1]);
  office = phaen_store_create (argv[1], &error);
  g_assert_no_error (error);
  fill (office);
  copies = phaen_unit_copies_write (office, 2567, NULL, folder, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (copies->len, ==, 1);
  g_clear_object (&office);
  report (g_ptr_array_index (copies, 0), argv[2], 1);
  report (g_ptr_array_index (copies, 0), argv[3], 2);
  g_unlink (g_ptr_array_index (copies, 0));
  g_rmdir (folder);
  g_rmdir (dir);
  return 0;
}
