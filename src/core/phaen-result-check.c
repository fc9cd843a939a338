/* phaen-result-check.c — warnings, not silent acceptance, for the quarterly report
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-result-check"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "phaen-result-check.h"
#include "phaen-thai-text.h"

/* Five-level scores: level 3 is the standard (ค่าเป้าหมายมาตรฐาน) and 4 on the way to the
 * target, as the officers' score tables read them. */
#define STATUS_GREEN_FROM 4.0
#define STATUS_YELLOW_FROM 3.0

void
phaen_warning_free (PhaenWarning *warning)
{
  if (warning == NULL)
    return;
  g_free (warning->message);
  g_free (warning);
}

static void
warn (GPtrArray *warnings, PhaenWarningKind kind, int quarter, char *message)
{
  PhaenWarning *warning = g_new0 (PhaenWarning, 1);

  warning->kind = kind;
  warning->quarter = quarter;
  warning->message = message;
  g_ptr_array_add (warnings, warning);
}

static gboolean
is_entered (const PhaenResult *result)
{
  return result != NULL && result->value_text != NULL && *result->value_text != '\0';
}

static gboolean
outside_thresholds (const PhaenCriteria *rules, double value)
{
  double low, high;

  switch (rules->kind)
    {
    case PHAEN_SCORING_NUMERIC:
      low = MIN (rules->threshold[0], rules->threshold[PHAEN_N_LEVELS - 1]);
      high = MAX (rules->threshold[0], rules->threshold[PHAEN_N_LEVELS - 1]);
      return value < low || value > high;
    case PHAEN_SCORING_BANDS:
      return phaen_bands_find (rules->band, rules->n_bands, value) < 0;
    case PHAEN_SCORING_MILESTONE:
      return value < 0 || value > PHAEN_N_LEVELS;
    case PHAEN_SCORING_PASS_FAIL:
    case PHAEN_SCORING_PMQA7:
    default:
      return FALSE;
    }
}

static const PhaenResult *
previous_entered (PhaenResult *const results[PHAEN_QUARTERS], int quarter, int *previous_quarter)
{
  for (int q = quarter - 1; q >= 1; q--)
    if (is_entered (results[q - 1]) && results[q - 1]->has_value)
      {
        *previous_quarter = q;
        return results[q - 1];
      }
  return NULL;
}

/**
 * phaen_result_check:
 *
 * Returns: (transfer full) (element-type PhaenWarning): the warnings of @quarter, empty when
 *   there are none
 */
GPtrArray *
phaen_result_check (const PhaenIndicator *indicator,
                    const PhaenCriteria *rules,
                    PhaenResult *const results[PHAEN_QUARTERS],
                    const guint n_evidence[PHAEN_QUARTERS],
                    int quarter)
{
  GPtrArray *warnings = g_ptr_array_new_with_free_func ((GDestroyNotify)phaen_warning_free);
  const PhaenResult *result;
  const PhaenResult *previous;
  int previous_quarter = 0;

  g_return_val_if_fail (indicator != NULL && rules != NULL, warnings);
  g_return_val_if_fail (quarter >= 1 && quarter <= PHAEN_QUARTERS, warnings);

  result = results[quarter - 1];
  if (result != NULL && result->has_override && phaen_text_is_blank (result->override_reason))
    warn (warnings, PHAEN_WARNING_OVERRIDE_NO_REASON, quarter,
          g_strdup_printf (_ ("Quarter %d: the chosen score has no reason."), quarter));
  if (!is_entered (result))
    return warnings;

  if (!result->has_value && rules->kind != PHAEN_SCORING_MILESTONE)
    warn (warnings, PHAEN_WARNING_NOT_A_NUMBER, quarter,
          g_strdup_printf (_ ("Quarter %d: “%s” is not a number, so it cannot be scored."), quarter,
                           result->value_text));

  if (result->has_value && indicator->cumulative &&
      (previous = previous_entered (results, quarter, &previous_quarter)) != NULL)
    {
      gboolean worse = indicator->direction == PHAEN_DIRECTION_LOWER_BETTER
                         ? result->value > previous->value
                         : result->value < previous->value;

      /* For a cumulative count the year so far can only grow; lower-is-better indicators
       * (an error rate, days taken) are not counts, so only higher-is-better ones are checked. */
      if (worse && indicator->direction == PHAEN_DIRECTION_HIGHER_BETTER)
        warn (warnings, PHAEN_WARNING_DECREASED, quarter,
              g_strdup_printf (_ ("Quarter %d: the cumulative result %s is lower than quarter %d "
                                  "(%s)."),
                               quarter, result->value_text, previous_quarter,
                               previous->value_text));
    }

  if (result->has_value && outside_thresholds (rules, result->value))
    warn (warnings, PHAEN_WARNING_OUTSIDE_THRESHOLDS, quarter,
          g_strdup_printf (_ ("Quarter %d: the result %s is outside all the scoring thresholds."),
                           quarter, result->value_text));

  if (n_evidence == NULL || n_evidence[quarter - 1] == 0)
    warn (warnings, PHAEN_WARNING_NO_EVIDENCE, quarter,
          g_strdup_printf (_ ("Quarter %d: no evidence is attached."), quarter));
  return warnings;
}

/* Traffic light of the dashboard. Only five-level scores are judged; pass/fail uses its own
 * pass mark and PMQA scores are not quarterly. */
PhaenStatus
phaen_score_status (PhaenScoringKind kind, const PhaenScore *score)
{
  g_return_val_if_fail (score != NULL, PHAEN_STATUS_NONE);

  if (!score->has_score)
    return PHAEN_STATUS_NONE;
  if (kind == PHAEN_SCORING_PASS_FAIL)
    return score->passed ? PHAEN_STATUS_GREEN : PHAEN_STATUS_RED;
  if (!phaen_scoring_kind_is_five_level (kind))
    return PHAEN_STATUS_NONE;
  if (score->score >= STATUS_GREEN_FROM)
    return PHAEN_STATUS_GREEN;
  if (score->score >= STATUS_YELLOW_FROM)
    return PHAEN_STATUS_YELLOW;
  return PHAEN_STATUS_RED;
}

const char *
phaen_status_to_string (PhaenStatus status)
{
  switch (status)
    {
    case PHAEN_STATUS_RED:
      return _ ("Needs improvement");
    case PHAEN_STATUS_YELLOW:
      return _ ("Standard");
    case PHAEN_STATUS_GREEN:
      return _ ("On target");
    case PHAEN_STATUS_NONE:
    default:
      return _ ("Not reported");
    }
}
