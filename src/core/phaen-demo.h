/* phaen-demo.h — the bundled sample workspace, read from the JSON files of data/sample
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "phaen-store.h"

G_BEGIN_DECLS

/*
 * A sample file is one JSON object holding inputs only (never computed scores):
 *
 *   units         [{abbr, name, parent}]           parent: an abbreviation or null; a unit
 *                                                    that exists already is reused
 *   people        [{unit, title, name, position, phone}]
 *   fiscal_years  [{year, disbursement_targets: [q1, q2, q3, q4]}]   cumulative %
 *   plans         [{unit, fiscal_year, kind: "process" | "action" | "efficiency", title,
 *                   extra_months, sections: {process, customers, …},
 *                   activities: [{name, category, owner, budget (null prints "-"), output,
 *                                 progress, months: {planned, start, output, achieved: [month]},
 *                                 month_progress: [{month, text}], children: […]}],
 *                   budget_quarters: [{quarter, allocated, committed, disbursed}],
 *                   indicators: […]}]           indicators of the plan (unit and year default
 *                                                    to the plan's)
 *   indicators    [{unit, fiscal_year, code, name, org_plan, strategy, dimension, goal, weight,
 *                   description, condition, measure_unit, target, baselines: [3],
 *                   data_source, owner: {name, phone}, supporter: {name, phone},
 *                   scoring: "numeric" | "milestone" | "bands" | "pass_fail" | "pmqa7",
 *                   direction: "higher" | "lower", cumulative, level, leading, mandatory,
 *                   criteria: {approved_on, reason, pass_percent,
 *                              levels: [{level, threshold, upper, lower_inclusive,
 *                                        upper_inclusive, score, label, description}]},
 *                   results: [{quarter, value (text as reported), detail, problems,
 *                              evidence: [{title, url} | {name, mime, file}]}],
 *                   pmqa: {group, target, values: {"<BE year>": value}, chosen_score, note}}]
 *   pmqa_assessments  categories 1–6 of PMQA 4.0: see phaen-demo-pmqa.h
 *
 * Months are fiscal month indexes: 0 = ต.ค. … 11 = ก.ย., 12 = ต.ค. of the next fiscal year
 * (allowed up to 11 + extra_months). Evidence files are named relative to the JSON file.
 * Every object may carry a "note" for the reader; any other unknown member is an error.
 */

/* Loads one file as one undo step. On error (PHAEN_ERROR_INVALID naming the file and the field
 * for malformed input, PHAEN_ERROR_IO when it cannot be read) nothing of the file is kept. */
gboolean phaen_demo_load_file (PhaenStore *store, const char *json_path, GError **error);

/* Loads every *.json file of @dir in name order, then clears the undo history so that the
 * sample starts clean. On error the files loaded before the bad one are kept. */
gboolean phaen_demo_load_dir (PhaenStore *store, const char *dir, GError **error);

/* The folder of the bundled sample files: $PHAEN_SAMPLE_DIR, then the source tree's data/sample
 * when it exists (running uninstalled), then the installed data. (transfer none) */
const char *phaen_demo_sample_dir (void);

G_END_DECLS
