/* bench-ministry.h — a ministry-sized workspace for the benchmarks
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "phaen-store.h"

G_BEGIN_DECLS

typedef struct
{
  guint units;      /* 826 in the scale target */
  guint activities; /* ~10,000 spread over the units' plans */
  guint indicators; /* ~8,000 */
  int fiscal_year;
  guint largest_plan; /* activities of the first unit's plan, out of @activities; 0 spreads them
                       * evenly (the first unit takes the remainder) */
} BenchMinistrySize;

#define BENCH_MINISTRY_FULL                                                                        \
  {                                                                                                \
    826, 10000, 8000, 2567                                                                         \
  }

/* Fills @store with units, one process plan per unit, activities with month marks, numeric
 * indicators with criteria and four quarters of results. Returns the id of the largest plan. */
gint64 bench_ministry_fill (PhaenStore *store, const BenchMinistrySize *size, GError **error);
double bench_seconds (void);
/* The median of @values (sorted in place). */
double bench_median (double *values, guint n);

G_END_DECLS
