/* phaen-efficiency.h — the 12-item efficiency plan (OPDC indicator 4.2): outputs and rounds
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "phaen-model.h"

G_BEGIN_DECLS

/* OPDC evaluation rounds: รอบที่ 1 = 6 months (ต.ค.–มี.ค.), รอบที่ 2 = 12 months. */
#define PHAEN_EFFICIENCY_ROUNDS 2

typedef struct
{
  int round;          /* 1 or 2 */
  int months;         /* fiscal months the round covers from ต.ค.: 6 or 12 */
  guint planned;      /* ○ outputs planned in the round */
  guint achieved;     /* of those, achieved (●) */
  gboolean has_score; /* FALSE when nothing was planned */
  double percent;     /* achieved ÷ planned × 100 */
  gboolean passed;    /* ผ่าน at ≥ the pass percentage */
} PhaenEfficiencyRound;

void phaen_efficiency_outputs_per_month (GPtrArray *items, guint outputs[PHAEN_MAX_MONTHS]);
gboolean phaen_efficiency_round (
  GPtrArray *items, int round, double pass_percent, PhaenEfficiencyRound *result, GError **error);
guint phaen_efficiency_count_group_a (GPtrArray *items);

G_END_DECLS
