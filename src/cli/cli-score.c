/* cli-score.c — `phaen-cli score FILE`: indicators × quarters, scores and weighted totals
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "cli-common.h"
#include "phaen-efficiency.h"
#include "phaen-pmqa.h"
#include "phaen-scorecard.h"

static const char *
result_text (const PhaenResult *result)
{
  return result && result->value_text && *result->value_text ? result->value_text : "-";
}

static void
print_card (const PhaenScorecard *card)
{
  g_print (_ ("%s · %s · fiscal year %d\n"), card->unit->abbr, card->unit->name, card->fiscal_year);
  for (guint i = 0; i < card->rows->len; i++)
    {
      const PhaenScorecardRow *row = g_ptr_array_index (card->rows, i);

      g_print ("\n  %s  %s\n", row->indicator->code, row->indicator->name);
      g_print (_ ("  weight %g\n"), row->indicator->weight);
      if (row->problem)
        g_print (_ ("  cannot be scored: %s\n"), row->problem);
      /* DOMAIN §4a: which version scored each quarter, once there is more than one. */
      if (row->versions != NULL && row->versions->len > 1)
        for (int q = 0; q < PHAEN_QUARTERS; q++)
          {
            g_autofree char *version = phaen_scorecard_row_quarter_version_label (row, q, FALSE);

            if (version != NULL)
              g_print (_ ("  quarter %d scored by criteria %s\n"), q + 1, version);
          }
      if (row->target_warning)
        g_print (_ ("  warning: %s\n"), row->target_warning);
      {
        g_autofree char *quarter = cli_pad (_ ("quarter"), 8);
        g_autofree char *result = cli_pad (_ ("result"), 14);
        g_autofree char *score = cli_pad (_ ("score"), 10);

        g_print ("    %s %s %s %s\n", quarter, result, score, _ ("weighted"));
      }
      for (int q = 0; q < PHAEN_QUARTERS; q++)
        {
          const PhaenScore *score = &row->scores[q];

          g_autofree char *result = cli_pad (result_text (row->results[q]), 14);

          if (score->has_score)
            g_print ("    %-8d %s %-10.4f %.4f%s\n", q + 1, result, score->score, score->weighted,
                     score->overridden ? _ (" (override)") : "");
          else
            g_print ("    %-8d %s %-10s %s\n", q + 1, result, "-", "-");
        }
    }
  g_print (_ ("\n  total weighted score:"));
  for (int q = 0; q < PHAEN_QUARTERS; q++)
    g_print ("  Q%d %.4f", q + 1, card->total[q]);
  g_print ("\n");
  if (!card->weights_ok)
    g_print (_ ("  warning: the weights sum to %g, not 100\n"), card->weight_sum);
  g_print ("\n");
}

static void
json_card (GString *out, const PhaenScorecard *card)
{
  g_string_append (out, "{\"unit\":");
  cli_json_string (out, card->unit->abbr);
  g_string_append (out, ",\"unit_name\":");
  cli_json_string (out, card->unit->name);
  g_string_append_printf (out, ",\"fiscal_year\":%d,\"weight_sum\":%.4f,\"weights_ok\":%s",
                          card->fiscal_year, card->weight_sum, card->weights_ok ? "true" : "false");
  g_string_append (out, ",\"indicators\":[");
  for (guint i = 0; i < card->rows->len; i++)
    {
      const PhaenScorecardRow *row = g_ptr_array_index (card->rows, i);

      g_string_append (out, i ? ",{\"code\":" : "{\"code\":");
      cli_json_string (out, row->indicator->code);
      g_string_append (out, ",\"name\":");
      cli_json_string (out, row->indicator->name);
      g_string_append_printf (out, ",\"weight\":%.4f,\"quarters\":[", row->indicator->weight);
      for (int q = 0; q < PHAEN_QUARTERS; q++)
        {
          const PhaenScore *score = &row->scores[q];

          g_string_append_printf (out, "%s{\"quarter\":%d,\"result\":", q ? "," : "", q + 1);
          if (row->results[q] && row->results[q]->value_text && *row->results[q]->value_text)
            cli_json_string (out, row->results[q]->value_text);
          else
            g_string_append (out, "null");
          if (score->has_score)
            g_string_append_printf (out, ",\"score\":%.4f,\"weighted\":%.4f,\"overridden\":%s}",
                                    score->score, score->weighted,
                                    score->overridden ? "true" : "false");
          else
            g_string_append (out, ",\"score\":null,\"weighted\":null,\"overridden\":false}");
        }
      g_string_append (out, "]");
      if (row->problem)
        {
          g_string_append (out, ",\"problem\":");
          cli_json_string (out, row->problem);
        }
      g_string_append (out, "}");
    }
  g_string_append (out, "],\"totals\":[");
  for (int q = 0; q < PHAEN_QUARTERS; q++)
    g_string_append_printf (out, "%s%.4f", q ? "," : "", card->total[q]);
  g_string_append (out, "]}");
}

static void
print_pmqa (const PhaenUnit *unit, const PhaenPmqaTable *table)
{
  g_print (_ ("%s · %s · PMQA category 7 · fiscal year %d\n"), unit->abbr, unit->name,
           table->fiscal_year);
  for (guint g = 0; g < table->groups->len; g++)
    {
      const PhaenPmqaGroup *group = g_ptr_array_index (table->groups, g);

      g_print ("\n  %s\n", group->group);
      for (guint r = 0; r < group->rows->len; r++)
        {
          const PhaenPmqaRow *row = g_ptr_array_index (group->rows, r);

          g_autofree char *code = cli_pad (row->indicator->code, 10);

          if (row->score.has_score)
            g_print ("    %s %8.2f%%  %6.0f%s\n", code, row->score.percent, row->score.score,
                     row->score.score != row->score.suggested ? _ (" (chosen over the suggestion)")
                                                              : "");
          else
            g_print ("    %s %9s  %6s\n", code, "-", "-");
        }
      if (group->mean.has_score)
        g_print (_ ("    sub-item mean %.2f\n"), group->mean.score);
    }
  if (table->mean.has_score)
    g_print (_ ("\n  category 7 mean %.2f\n\n"), table->mean.score);
}

static void
json_pmqa (GString *out, const PhaenUnit *unit, const PhaenPmqaTable *table)
{
  g_string_append (out, "{\"unit\":");
  cli_json_string (out, unit->abbr);
  g_string_append_printf (out, ",\"fiscal_year\":%d,\"groups\":[", table->fiscal_year);
  for (guint g = 0; g < table->groups->len; g++)
    {
      const PhaenPmqaGroup *group = g_ptr_array_index (table->groups, g);

      g_string_append (out, g ? ",{\"group\":" : "{\"group\":");
      cli_json_string (out, group->group);
      g_string_append (out, ",\"indicators\":[");
      for (guint r = 0; r < group->rows->len; r++)
        {
          const PhaenPmqaRow *row = g_ptr_array_index (group->rows, r);

          g_string_append (out, r ? ",{\"code\":" : "{\"code\":");
          cli_json_string (out, row->indicator->code);
          if (row->score.has_score)
            g_string_append_printf (out, ",\"percent\":%.2f,\"suggested\":%.2f,\"score\":%.2f}",
                                    row->score.percent, row->score.suggested, row->score.score);
          else
            g_string_append (out, ",\"percent\":null,\"suggested\":null,\"score\":null}");
        }
      if (group->mean.has_score)
        g_string_append_printf (out, "],\"mean\":%.2f}", group->mean.score);
      else
        g_string_append (out, "],\"mean\":null}");
    }
  if (table->mean.has_score)
    g_string_append_printf (out, "],\"mean\":%.2f}", table->mean.score);
  else
    g_string_append (out, "],\"mean\":null}");
}

int
cli_score (int argc, char **argv)
{
  g_autoptr (GOptionContext) context =
    g_option_context_new (_ ("FILE — score indicators by quarter"));
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenStore) store = NULL;
  g_autoptr (GPtrArray) units = NULL;
  g_autoptr (GArray) years = NULL;
  g_autoptr (GString) json = g_string_new ("{\"scorecards\":[");
  g_autofree char *unit = NULL;
  gboolean as_json = FALSE;
  gint64 unit_id = 0;
  int fiscal_year = 0;
  g_autoptr (GString) pmqa_json = g_string_new ("\"pmqa\":[");
  guint n_cards = 0, n_pmqa = 0;
  const GOptionEntry entries[] = {
    { "unit", 'u', 0, G_OPTION_ARG_STRING, &unit, N_ ("Only this unit (abbreviation)"), "U" },
    { "fy", 'y', 0, G_OPTION_ARG_INT, &fiscal_year, N_ ("Only this fiscal year (BE)"), "Y" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_ ("Print JSON"), NULL },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!cli_parse (context, &argc, &argv, 1))
    return CLI_EXIT_USAGE;

  store = cli_open_store (argv[1], &error);
  if (store == NULL || !cli_resolve_unit (store, unit, &unit_id, &error) ||
      !(units = phaen_store_list_units (store, &error)) ||
      !cli_check_fiscal_year (store, fiscal_year, &error) ||
      !(years = phaen_store_list_fiscal_years (store, &error)))
    return cli_fail_error (error);

  for (guint u = 0; u < units->len; u++)
    for (guint y = 0; y < years->len; y++)
      {
        const PhaenUnit *each = g_ptr_array_index (units, u);
        int year = g_array_index (years, int, y);
        g_autoptr (PhaenScorecard) card = NULL;

        if ((unit_id && each->id != unit_id) || (fiscal_year && year != fiscal_year))
          continue;
        g_autoptr (PhaenPmqaTable) pmqa = NULL;

        card = phaen_scorecard_build (store, each->id, year, &error);
        pmqa = card ? phaen_pmqa_table_build (store, each->id, year, &error) : NULL;
        if (pmqa == NULL)
          return cli_fail_error (error);
        if (card->rows->len > 0)
          {
            if (as_json)
              {
                if (n_cards)
                  g_string_append_c (json, ',');
                json_card (json, card);
              }
            else
              print_card (card);
            n_cards++;
          }
        if (pmqa->groups->len > 0)
          {
            if (as_json)
              {
                if (n_pmqa)
                  g_string_append_c (pmqa_json, ',');
                json_pmqa (pmqa_json, each, pmqa);
              }
            else
              print_pmqa (each, pmqa);
            n_pmqa++;
          }
      }

  if (as_json)
    g_print ("%s],%s]}\n", json->str, pmqa_json->str);
  else if (n_cards == 0 && n_pmqa == 0)
    g_print (_ ("No indicators to score.\n"));
  return CLI_EXIT_OK;
}
