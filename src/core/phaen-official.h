/* phaen-official.h — the official Thai wording: what forms, exports and plan titles say whatever
 * the interface language (Thai is the official wording; the interface translates it)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "phaen-model.h"
#include "phaen-score.h"

G_BEGIN_DECLS

/* `ต.ค.`, `ตุลาคม` for G_DATE_OCTOBER. Returns: (transfer none) */
const char *phaen_official_month_short (GDateMonth month);
const char *phaen_official_month_full (GDateMonth month);
/* Whether @word (dots and spaces removed) is the era mark `พ.ศ.` that a typed date may carry. */
gboolean phaen_official_is_era_mark (const char *bare_word);

/* `ไตรมาสที่ %d`, `รอบ %d เดือน`: printf formats of one int. Returns: (transfer none) */
const char *phaen_official_quarter_format (void);
const char *phaen_official_round_format (void);

/* The kind of plan as the forms name it (DOMAIN §3). Returns: (transfer none) */
const char *phaen_official_plan_kind (PhaenPlanKind kind);
/* A plan row's level as the plans name it: `ยุทธศาสตร์`, `เป้าประสงค์`, `โครงการ`, `กิจกรรม`
 * (DOMAIN §3b). Returns: (transfer none) */
const char *phaen_official_level (PhaenActivityLevel level);
/* `ยุทธศาสตร์ที่ 1`: the level's name and the row's number. Returns: (transfer full) */
char *phaen_official_level_heading (PhaenActivityLevel level, const char *number);
/* The note under a plan's table for a row whose sub-rows exceed its budget, leading with the
 * reason: `งบประมาณเกินวงเงิน: รายการย่อยของโครงการที่ 1.1.1 รวม 550,000.00 บาท เกินงบประมาณ
 * 500,000.00 บาท อยู่ 50,000.00 บาท`. Amounts as they are to be printed. Returns: (transfer full) */
char *phaen_official_over_budget_note (const char *heading,
                                       const char *children,
                                       const char *budget,
                                       const char *excess);
/* The official title of a new plan: `แผนปฏิบัติราชการของ<unit> ประจำปีงบประมาณ พ.ศ. <year>`.
 * Returns: (transfer full) */
char *phaen_official_plan_title (PhaenPlanKind kind, const char *unit_name, int fiscal_year);

/* The totals row of a plan: `รวมผลผลิตในแต่ละเดือน` (@outputs) or `รวมกิจกรรมในแต่ละเดือน`.
 * Returns: (transfer none) */
const char *phaen_official_totals_label (gboolean outputs);

/* The default scale of PMQA category 7 with its official level names (seed 003).
 * Returns: (transfer none) (array length=n_bands) */
const PhaenBand *phaen_official_pmqa_scale (guint *n_bands);

G_END_DECLS
