/* phaen-validate.h — what an officer must fix before sending the plan on
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "phaen-store.h"

G_BEGIN_DECLS

typedef enum
{
  PHAEN_PROBLEM_WEIGHTS,          /* a unit's weights do not sum to 100 */
  PHAEN_PROBLEM_CRITERIA,         /* thresholds out of order, missing or bad bands */
  PHAEN_PROBLEM_MISSING_FIELD,    /* a required field of the indicator form is empty */
  PHAEN_PROBLEM_EFFICIENCY_GROUP, /* fewer than 3 group-A items in a 12-item plan */
} PhaenProblemKind;

typedef struct
{
  PhaenProblemKind kind;
  gint64 unit_id;
  int fiscal_year;
  gint64 indicator_id; /* 0 when the problem is not about one indicator */
  gint64 plan_id;      /* 0 when the problem is not about a plan */
  char *message;       /* one sentence, translated */
} PhaenProblem;

void phaen_problem_free (PhaenProblem *problem);

/* @unit_id 0 and @fiscal_year 0 check everything. */
GPtrArray *phaen_validate (PhaenStore *store,
                           gint64 unit_id,
                           int fiscal_year,
                           GError **error); /* (transfer full) (element-type PhaenProblem) */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PhaenProblem, phaen_problem_free)

G_END_DECLS
