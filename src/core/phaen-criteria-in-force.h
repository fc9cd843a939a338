/* phaen-criteria-in-force.h — which criteria version scores a quarter, and a target that no
 * longer matches the criteria
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "phaen-model.h"

G_BEGIN_DECLS

/* The last day of @quarter (1..4) of @fiscal_year (BE): Q1 of 2564 ends 31 Dec 2020 (CE). */
void phaen_quarter_last_day (int fiscal_year, int quarter, GDate *date);

/**
 * phaen_criteria_version_in_force:
 * @versions: (element-type PhaenCriteriaVersion): an indicator's versions, in any order
 * @date: the day the version must be in force on (a quarter's last day)
 *
 * DOMAIN §4a: a quarter is scored with the version in force at its end, the latest approved on
 * or before that day (the higher number when two share a day). A version without an approval
 * date counts as in force from the start. When none was approved yet by @date, the first
 * version scores: the year's criteria before any appeal.
 *
 * Returns: (transfer none) (nullable): NULL only when @versions is empty
 */
const PhaenCriteriaVersion *phaen_criteria_version_in_force (GPtrArray *versions,
                                                             const GDate *date);

/* The approval date of @version, FALSE when it has none or it cannot be read. */
gboolean phaen_criteria_version_approved (const PhaenCriteriaVersion *version, GDate *date);

/**
 * phaen_criteria_target_mismatch:
 * @versions: (element-type PhaenCriteriaVersion): the indicator's versions, oldest first
 * @target: (out): the indicator's เป้าหมาย, read as a number
 * @top: (out): the level-5 threshold T5 of the newest version
 *
 * A new criteria version may move T5 (826 → 800) while the indicator's target still says the
 * old number. Flagged when the newest version moved T5 from the version before it and the
 * target does not follow; a target that was never T5 (a level-3 target) is left alone. Only
 * numeric five-level indicators whose target reads as a number are compared.
 *
 * Returns: %TRUE when the target was left behind
 */
gboolean phaen_criteria_target_mismatch (const PhaenIndicator *indicator,
                                         GPtrArray *versions,
                                         double *target,
                                         double *top);

G_END_DECLS
