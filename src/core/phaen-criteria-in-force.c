/* phaen-criteria-in-force.c — which criteria version scores a quarter (DOMAIN §4a)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-criteria"

#include "config.h"

#include <math.h>
#include <stdio.h>

#include "phaen-calendar.h"
#include "phaen-criteria-in-force.h"
#include "phaen-score.h"
#include "phaen-thai-text.h"

void
phaen_quarter_last_day (int fiscal_year, int quarter, GDate *date)
{
  g_autoptr (GDate) first = phaen_fiscal_year_first_day (fiscal_year);

  g_return_if_fail (quarter >= 1 && quarter <= 4);
  g_return_if_fail (date != NULL);

  /* The day before the next quarter's first day: 1 Oct + 3 × quarter months − 1 day. */
  *date = *first;
  g_date_add_months (date, 3 * quarter);
  g_date_subtract_days (date, 1);
}

gboolean
phaen_criteria_version_approved (const PhaenCriteriaVersion *version, GDate *date)
{
  int y = 0, m = 0, d = 0;

  g_return_val_if_fail (version != NULL && date != NULL, FALSE);

  if (version->approved_on == NULL ||
      sscanf (version->approved_on, "%4d-%2d-%2d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_clear (date, 1);
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

/* Whether @a came into force after @b: later approval, or the same day and a higher number. */
static gboolean
is_later (const PhaenCriteriaVersion *a, const PhaenCriteriaVersion *b)
{
  GDate da, db;
  gboolean has_a = phaen_criteria_version_approved (a, &da);
  gboolean has_b = phaen_criteria_version_approved (b, &db);
  int by_date = 0;

  if (has_a && has_b)
    by_date = g_date_compare (&da, &db);
  else if (has_a != has_b)
    by_date = has_a ? 1 : -1; /* undated counts as in force from the start */
  return by_date != 0 ? by_date > 0 : a->version > b->version;
}

const PhaenCriteriaVersion *
phaen_criteria_version_in_force (GPtrArray *versions, const GDate *date)
{
  const PhaenCriteriaVersion *in_force = NULL;
  const PhaenCriteriaVersion *first = NULL;

  g_return_val_if_fail (versions != NULL && date != NULL, NULL);

  for (guint i = 0; i < versions->len; i++)
    {
      const PhaenCriteriaVersion *version = g_ptr_array_index (versions, i);
      GDate approved;

      if (first == NULL || version->version < first->version)
        first = version;
      if (phaen_criteria_version_approved (version, &approved) &&
          g_date_compare (&approved, date) > 0)
        continue;
      if (in_force == NULL || is_later (version, in_force))
        in_force = version;
    }
  return in_force != NULL ? in_force : first;
}

static gboolean
level5 (const PhaenCriteriaVersion *version, double *value)
{
  for (guint i = 0; i < version->items->len; i++)
    {
      const PhaenCriterion *item = g_ptr_array_index (version->items, i);

      if (item->level == PHAEN_N_LEVELS && item->has_threshold)
        {
          *value = item->threshold;
          return TRUE;
        }
    }
  return FALSE;
}

/* Compared as the form shows them, to 4 decimals. */
static gboolean
differ (double a, double b)
{
  return fabs (a - b) >= 0.00005;
}

gboolean
phaen_criteria_target_mismatch (const PhaenIndicator *indicator,
                                GPtrArray *versions,
                                double *target,
                                double *top)
{
  double before;

  g_return_val_if_fail (indicator != NULL && versions != NULL, FALSE);
  g_return_val_if_fail (target != NULL && top != NULL, FALSE);

  if (indicator->scoring != PHAEN_SCORING_NUMERIC || versions->len < 2 ||
      !phaen_parse_number (indicator->target, target, NULL) ||
      !level5 (g_ptr_array_index (versions, versions->len - 1), top) ||
      !level5 (g_ptr_array_index (versions, versions->len - 2), &before))
    return FALSE;
  return differ (*top, before) && differ (*target, *top);
}
