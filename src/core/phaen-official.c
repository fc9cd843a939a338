/* phaen-official.c — the official Thai wording: what forms, exports and plan titles say whatever
 * the interface language. The one table of Thai literals in the sources: po/check-translations.sh
 * fails on a Thai literal anywhere else (but the official forms of src/export/).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-official"

#include <math.h>

#include "phaen-official.h"

/* Indexed by GDateMonth; [0] is G_DATE_BAD_MONTH. */
static const char *const month_short[] = {
  NULL,   "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
  "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.",  "ธ.ค.",
};

static const char *const month_full[] = {
  NULL,      "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน",   "พฤษภาคม", "มิถุนายน",
  "กรกฎาคม", "สิงหาคม", "กันยายน",  "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
};

/* Seed 003 (หมวด 7, ระดับการบรรลุของตัววัดในปีปัจจุบัน): beating the target by at most
 * 5 % scores 300 (basic), by more than 5 % up to 10 % 400 (advance), by more than
 * 10 % 500 (significance).  Below the target the seeds only show examples
 * (seed 001: 94.40 % and 80.17 % scored 200), so 200 from 80 % and 100 under it are
 * defaults an agency can replace through PhaenCriteria.band. */
static const PhaenBand pmqa_scale[] = {
  { "ระดับเกิดผล (Significance)", 110.0, INFINITY, FALSE, FALSE, 500.0 },
  { "ระดับก้าวหน้า (Advance)", 105.0, 110.0, FALSE, TRUE, 400.0 },
  { "ระดับพื้นฐาน (Basic)", 100.0, 105.0, TRUE, TRUE, 300.0 },
  { "ต่ำกว่าเป้าหมาย", 80.0, 100.0, TRUE, FALSE, 200.0 },
  { "ต่ำกว่าร้อยละ 80", -INFINITY, 80.0, FALSE, FALSE, 100.0 },
};

const char *
phaen_official_month_short (GDateMonth month)
{
  g_return_val_if_fail (g_date_valid_month (month), NULL);
  return month_short[month];
}

const char *
phaen_official_month_full (GDateMonth month)
{
  g_return_val_if_fail (g_date_valid_month (month), NULL);
  return month_full[month];
}

gboolean
phaen_official_is_era_mark (const char *bare_word)
{
  return g_strcmp0 (bare_word, "พศ") == 0;
}

const char *
phaen_official_quarter_format (void)
{
  return "ไตรมาสที่ %d";
}

const char *
phaen_official_round_format (void)
{
  return "รอบ %d เดือน";
}

const char *
phaen_official_plan_kind (PhaenPlanKind kind)
{
  switch (kind)
    {
    case PHAEN_PLAN_PROCESS:
      return "แผนการปรับปรุงกระบวนการตามภารกิจ";
    case PHAEN_PLAN_ACTION:
      return "แผนปฏิบัติราชการประจำปี";
    case PHAEN_PLAN_EFFICIENCY:
      return "แผนเพิ่มประสิทธิภาพ 12 เรื่อง";
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
phaen_official_level (PhaenActivityLevel level)
{
  switch (level)
    {
    case PHAEN_ACTIVITY_LEVEL_STRATEGY:
      return "ยุทธศาสตร์";
    case PHAEN_ACTIVITY_LEVEL_GOAL:
      return "เป้าประสงค์";
    case PHAEN_ACTIVITY_LEVEL_PROJECT:
      return "โครงการ";
    case PHAEN_ACTIVITY_LEVEL_ACTIVITY:
      return "กิจกรรม";
    default:
      g_return_val_if_reached ("");
    }
}

char *
phaen_official_level_heading (PhaenActivityLevel level, const char *number)
{
  return g_strdup_printf ("%sที่ %s", phaen_official_level (level), number ? number : "");
}

char *
phaen_official_over_budget_note (const char *heading,
                                 const char *children,
                                 const char *budget,
                                 const char *excess)
{
  return g_strdup_printf (
    "งบประมาณเกินวงเงิน: รายการย่อยของ%s%s รวม %s บาท เกินงบประมาณ %s บาท อยู่ %s บาท",
    heading && g_ascii_isdigit (heading[0]) ? "รายการที่ " : "", heading, children, budget, excess);
}

char *
phaen_official_plan_title (PhaenPlanKind kind, const char *unit_name, int fiscal_year)
{
  g_return_val_if_fail (unit_name != NULL, NULL);

  switch (kind)
    {
    case PHAEN_PLAN_ACTION:
      return g_strdup_printf ("แผนปฏิบัติราชการของ%s ประจำปีงบประมาณ พ.ศ. %d", unit_name, fiscal_year);
    case PHAEN_PLAN_EFFICIENCY:
      return g_strdup_printf ("แผนเพิ่มประสิทธิภาพการปฏิบัติราชการของ%s ประจำปีงบประมาณ พ.ศ. %d", unit_name,
                              fiscal_year);
    case PHAEN_PLAN_PROCESS:
    default:
      return g_strdup_printf ("แผนการปรับปรุงกระบวนการตามภารกิจของ%s ประจำปีงบประมาณ พ.ศ. %d",
                              unit_name, fiscal_year);
    }
}

const char *
phaen_official_totals_label (gboolean outputs)
{
  return outputs ? "รวมผลผลิตในแต่ละเดือน" : "รวมกิจกรรมในแต่ละเดือน";
}

const PhaenBand *
phaen_official_pmqa_scale (guint *n_bands)
{
  if (n_bands != NULL)
    *n_bands = G_N_ELEMENTS (pmqa_scale);
  return pmqa_scale;
}
