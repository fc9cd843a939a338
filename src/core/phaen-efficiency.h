/* phaen-efficiency.h — the 12-item efficiency plan (OPDC indicator 4.2): outputs and rounds
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "phaen-model.h"

G_BEGIN_DECLS

/* OPDC evaluation rounds: รอบที่ 1 = 6 months (ต.ค.–มี.ค.), รอบที่ 2 = 12 months. */
#define PHAEN_EFFICIENCY_ROUNDS 2

/**
 * PhaenEfficiencyOutput:
 * @planned_month: the fiscal month of the ○
 * @achieved_month: the fiscal month of the ● that delivered it, -1 while it is still due
 *
 * One planned output of an item and when it was achieved (see phaen_efficiency_item_outputs()).
 */
typedef struct
{
  int planned_month;
  int achieved_month;
} PhaenEfficiencyOutput;

typedef struct
{
  int round;            /* 1 or 2 */
  int months;           /* fiscal months the round covers from ต.ค.: 6 or 12 */
  guint planned;        /* ○ outputs planned in the round */
  guint achieved;       /* of those, achieved (●) by the round's end */
  guint late;           /* of those achieved, achieved after their planned month */
  gboolean has_score;   /* FALSE when nothing was planned */
  double percent;       /* achieved ÷ planned × 100 */
  gboolean in_progress; /* the round has not ended yet: @passed means nothing */
  gboolean passed;      /* ผ่าน at ≥ the pass percentage, once the round has ended */
} PhaenEfficiencyRound;

void phaen_efficiency_outputs_per_month (GPtrArray *items, guint outputs[PHAEN_MAX_MONTHS]);

/**
 * phaen_efficiency_item_outputs:
 * @outputs: (out caller-allocates) (array fixed-size=24): the item's planned outputs in month
 *   order, each with the month it was achieved
 *
 * Returns: how many outputs the item plans
 */
guint phaen_efficiency_item_outputs (const PhaenActivity *item,
                                     PhaenEfficiencyOutput outputs[PHAEN_MAX_MONTHS]);

/* The fiscal month of the item's ● in @month delivers (its planned month), or -1 when @month
 * holds no ● achieved. */
int phaen_efficiency_achieved_for (const PhaenActivity *item, int month);

/* The first planned output of @item still due on @month (planned on or before it and not
 * achieved before it), -1 when none: what a ● in @month would deliver. */
int phaen_efficiency_due_output (const PhaenActivity *item, int month);

/* The last month (0..23) the plan's report reaches: the latest with an achieved ● or progress
 * text, -1 when nothing is reported yet. */
int phaen_efficiency_last_reported_month (GPtrArray *items);

/**
 * phaen_efficiency_as_of:
 * @month: the report month the rounds are judged at (0..23), -1 for @today alone
 * @today: (nullable): the clock's day; %NULL for the system's
 * @date: (out caller-allocates): the earlier of the day after @month and @today
 *
 * The day a report "as of" @month is judged on: a round not ended by then is in progress,
 * whether the calendar or the reporting has not reached its end yet.
 */
void phaen_efficiency_as_of (int fiscal_year, int month, const GDate *today, GDate *date);

/* The last day of @round (1: 31 มี.ค., 2: 30 ก.ย.) of @fiscal_year (BE). */
void phaen_efficiency_round_last_day (int fiscal_year, int round, GDate *date);

/**
 * phaen_efficiency_round:
 * @fiscal_year: the plan's year (BE)
 * @today: (nullable): the day the round is judged on; a round not ended by then is in progress.
 *   %NULL judges every round as ended.
 */
gboolean phaen_efficiency_round (GPtrArray *items,
                                 int fiscal_year,
                                 int round,
                                 double pass_percent,
                                 const GDate *today,
                                 PhaenEfficiencyRound *result,
                                 GError **error);
guint phaen_efficiency_count_group_a (GPtrArray *items);

G_END_DECLS
