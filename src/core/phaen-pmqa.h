/* phaen-pmqa.h — PMQA 4.0 category 7 results table (DOMAIN §4b)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "phaen-model.h"
#include "phaen-score.h"
#include "phaen-store.h"

G_BEGIN_DECLS

#define PHAEN_PMQA_YEARS 3

typedef struct
{
  PhaenIndicator *indicator;
  int year[PHAEN_PMQA_YEARS]; /* BE, oldest first; the last is the fiscal year */
  gboolean has_value[PHAEN_PMQA_YEARS];
  double value[PHAEN_PMQA_YEARS];
  PhaenScore score; /* percent = % ความสำเร็จ, suggested, score = chosen (override wins) */
  char *stretch_problem; /* the target does not beat the two previous years' mean, else NULL */
} PhaenPmqaRow;

typedef struct
{
  char *group;     /* "7.1" … "7.6" */
  GPtrArray *rows; /* (element-type PhaenPmqaRow) */
  PhaenScore mean; /* plain mean of the rows' scores */
} PhaenPmqaGroup;

typedef struct
{
  int fiscal_year;
  GPtrArray *groups; /* (element-type PhaenPmqaGroup) 7.1 … 7.6, those with indicators */
  PhaenScore mean;   /* category 7 = mean of the sub-items that have a score */
} PhaenPmqaTable;

PhaenPmqaTable *phaen_pmqa_table_build (PhaenStore *store,
                                        gint64 unit_id,
                                        int fiscal_year,
                                        GError **error); /* (transfer full) */
void phaen_pmqa_table_free (PhaenPmqaTable *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PhaenPmqaTable, phaen_pmqa_table_free)

G_END_DECLS
