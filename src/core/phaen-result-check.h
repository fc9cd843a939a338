/* phaen-result-check.h — warnings a unit head sees while reporting a quarter, and the traffic
 * light of a score
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "phaen-model.h"
#include "phaen-score.h"

G_BEGIN_DECLS

typedef enum
{
  PHAEN_WARNING_DECREASED,          /* a cumulative result lower than the quarter before */
  PHAEN_WARNING_NO_EVIDENCE,        /* a result without any evidence */
  PHAEN_WARNING_OUTSIDE_THRESHOLDS, /* below T1, beyond T5, or in no band */
  PHAEN_WARNING_OVERRIDE_NO_REASON, /* a chosen score without the reason for it */
  PHAEN_WARNING_NOT_A_NUMBER,       /* a numeric indicator given text it cannot score */
} PhaenWarningKind;

typedef struct
{
  PhaenWarningKind kind;
  int quarter;
  char *message; /* one sentence, translated */
} PhaenWarning;

void phaen_warning_free (PhaenWarning *warning);

/* Checks @quarter (1..4) of an indicator. @results has 4 slots (NULL = nothing entered);
 * @n_evidence counts the evidence of each quarter. */
GPtrArray *phaen_result_check (const PhaenIndicator *indicator,
                               const PhaenCriteria *rules,
                               PhaenResult *const results[PHAEN_QUARTERS],
                               const guint n_evidence[PHAEN_QUARTERS],
                               int quarter); /* (transfer full) (element-type PhaenWarning) */

typedef enum
{
  PHAEN_STATUS_NONE,   /* nothing to judge yet */
  PHAEN_STATUS_RED,    /* below the standard level */
  PHAEN_STATUS_YELLOW, /* at the standard level */
  PHAEN_STATUS_GREEN,  /* at or near the target */
} PhaenStatus;

PhaenStatus phaen_score_status (PhaenScoringKind kind, const PhaenScore *score);
const char *phaen_status_to_string (PhaenStatus status);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PhaenWarning, phaen_warning_free)

G_END_DECLS
