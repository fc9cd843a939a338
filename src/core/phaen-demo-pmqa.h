/* phaen-demo-pmqa.h — the sample's PMQA applications (member "pmqa_assessments")
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "phaen-demo-private.h"

G_BEGIN_DECLS

/*
 *   pmqa_assessments [{unit, fiscal_year, edition, narrative_limit,
 *                      levels: {"<topic>": "basic" | "advance" | "significance"},
 *                      sub_items: [{code, claimed: [statement], narrative, author,
 *                                   status: "draft" | "checked" | "approved", status_on, due_on,
 *                                   stated_count (what the source printed; read by tests only),
 *                                   evidence: [{statement, name, file}]}]}]
 *
 * Statements are 1-based positions; evidence files are named relative to the sample file's
 * folder and must stay inside it.
 */
gboolean _phaen_demo_load_pmqa (PhaenDemoLoader *l, JsonArray *assessments, GError **error);

G_END_DECLS
