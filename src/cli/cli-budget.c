/* cli-budget.c — `phaen-cli budget FILE PLAN-ID`: a plan's quarterly budget against the
 * cabinet's disbursement targets, the numbers of the budget page (phaen-budget-view.h)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <math.h>

#include "cli-common.h"
#include "phaen-budget-view.h"
#include "phaen-calendar.h"
#include "phaen-thai-text.h"

#define LABEL_COLUMNS 34
#define AMOUNT_COLUMNS 18
#define NAME_COLUMNS 40

static char *
amount_text (double value)
{
  return isnan (value) ? g_strdup ("-") : phaen_format_number (value, 2, PHAEN_NUMBER_GROUPING);
}

static void
print_cell (const char *text, guint columns)
{
  g_autofree char *padded = cli_fit (text, columns);

  g_print ("%s", padded);
}

static void
print_summary (const PhaenBudgetView *view)
{
  const PhaenBudgetFigures *t = &view->total;

  print_cell ("", LABEL_COLUMNS);
  for (int q = 1; q <= PHAEN_QUARTERS; q++)
    {
      g_autofree char *name = phaen_quarter_name (q);

      print_cell (name, AMOUNT_COLUMNS);
    }
  g_print ("%s\n", _ ("Year"));
  for (int line = 0; line < 8; line++)
    {
      static const char *const labels[] = {
        N_ ("Allocated"),
        N_ ("Committed"),
        N_ ("Disbursed"),
        N_ ("Disbursed, cumulative"),
        N_ ("Disbursed, cumulative %"),
        N_ ("Cabinet target, cumulative %"),
        N_ ("Below target by"),
        N_ ("Against the target"),
      };

      print_cell (_ (labels[line]), LABEL_COLUMNS);
      for (int q = 0; q < PHAEN_QUARTERS; q++)
        {
          g_autofree char *text = NULL;

          switch (line)
            {
            case 0:
            case 1:
            case 2:
              text = amount_text (t->amount[line][q]);
              break;
            case 3:
              text = amount_text (t->cumulative[PHAEN_BUDGET_DISBURSED][q]);
              break;
            case 4:
              text = amount_text (t->disbursed_percent[q]);
              break;
            case 5:
              text = amount_text (view->targets[q]);
              break;
            case 6:
              text = amount_text (isnan (t->shortfall[q]) ? NAN : MAX (t->shortfall[q], 0));
              break;
            default:
              text = g_strdup (phaen_budget_status_label (t->status[q]));
              break;
            }
          print_cell (text, AMOUNT_COLUMNS);
        }
      if (line <= 2)
        {
          g_autofree char *annual = amount_text (t->annual[line]);

          g_print ("%s", annual);
        }
      g_print ("\n");
    }
}

static void
print_rows (const PhaenBudgetView *view)
{
  g_print ("\n");
  print_cell (_ ("Project or activity"), NAME_COLUMNS);
  for (int f = 0; f < PHAEN_BUDGET_FIELDS; f++)
    print_cell (phaen_budget_field_label (f), AMOUNT_COLUMNS);
  g_print ("%s\n", _ ("Disbursed %"));
  for (guint i = 0; i < view->rows->len; i++)
    {
      const PhaenBudgetRow *row = g_ptr_array_index (view->rows, i);
      g_autofree char *indent = g_strnfill (row->depth * 2, ' ');
      g_autofree char *label = g_strdup_printf ("%s%s. %s", indent, row->number, row->name);
      g_autofree char *percent = amount_text (row->figures.disbursed_percent[PHAEN_QUARTERS - 1]);

      print_cell (label, NAME_COLUMNS);
      for (int f = 0; f < PHAEN_BUDGET_FIELDS; f++)
        {
          g_autofree char *text = amount_text (row->figures.annual[f]);

          print_cell (text, AMOUNT_COLUMNS);
        }
      g_print ("%s\n", percent);
    }
}

static void
json_number (GString *out, double value)
{
  if (isnan (value))
    g_string_append (out, "null");
  else
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.2f", value));
    }
}

static void
json_figures (GString *out, const PhaenBudgetFigures *figures)
{
  static const char *const names[PHAEN_BUDGET_FIELDS] = { "allocated", "committed", "disbursed" };
  static const char *const statuses[] = { "nothing-allocated", "in-progress", "on-target",
                                          "short" };

  for (int f = 0; f < PHAEN_BUDGET_FIELDS; f++)
    {
      g_string_append_printf (out, "%s\"%s\":[", f ? "," : "", names[f]);
      for (int q = 0; q < PHAEN_QUARTERS; q++)
        {
          if (q)
            g_string_append_c (out, ',');
          json_number (out, figures->amount[f][q]);
        }
      g_string_append (out, "]");
    }
  g_string_append (out, ",\"disbursed_percent\":[");
  for (int q = 0; q < PHAEN_QUARTERS; q++)
    {
      if (q)
        g_string_append_c (out, ',');
      json_number (out, figures->disbursed_percent[q]);
    }
  g_string_append (out, "],\"shortfall\":[");
  for (int q = 0; q < PHAEN_QUARTERS; q++)
    {
      if (q)
        g_string_append_c (out, ',');
      json_number (out, figures->shortfall[q]);
    }
  g_string_append (out, "],\"status\":[");
  for (int q = 0; q < PHAEN_QUARTERS; q++)
    g_string_append_printf (out, "%s\"%s\"", q ? "," : "", statuses[figures->status[q]]);
  g_string_append (out, "]");
}

static void
print_json (const PhaenBudgetView *view)
{
  g_autoptr (GString) out = g_string_new (NULL);

  g_string_append_printf (out, "{\"plan\":%" G_GINT64_FORMAT ",\"fiscal_year\":%d,\"title\":",
                          view->plan_id, view->fiscal_year);
  cli_json_string (out, view->title);
  g_string_append (out, ",\"targets\":[");
  for (int q = 0; q < PHAEN_QUARTERS; q++)
    {
      if (q)
        g_string_append_c (out, ',');
      json_number (out, view->targets[q]);
    }
  g_string_append_printf (out,
                          "],\"targets_default\":%s,\"from_plan\":%s,\"quarters_ended\":%d,"
                          "\"total\":{",
                          view->targets_default ? "true" : "false",
                          view->from_plan ? "true" : "false", view->quarters_ended);
  json_figures (out, &view->total);
  g_string_append (out, "},\"rows\":[");
  for (guint i = 0; i < view->rows->len; i++)
    {
      const PhaenBudgetRow *row = g_ptr_array_index (view->rows, i);

      g_string_append (out, i ? ",{\"number\":" : "{\"number\":");
      cli_json_string (out, row->number);
      g_string_append_printf (out, ",\"depth\":%d,\"name\":", row->depth);
      cli_json_string (out, row->name);
      g_string_append (out, ",");
      json_figures (out, &row->figures);
      g_string_append (out, "}");
    }
  g_string_append (out, "]}\n");
  g_print ("%s", out->str);
}

int
cli_budget (int argc, char **argv)
{
  gboolean json = FALSE;
  g_autofree char *as_of_text = NULL;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print JSON"), NULL },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of_text,
      N_ ("Judge the quarters ended by this day (default: today)"), N_ ("DATE") },
    { NULL },
  };
  g_autoptr (GOptionContext) context =
    g_option_context_new (_ ("FILE PLAN-ID — a plan's quarterly budget against the targets"));
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenStore) store = NULL;
  g_autoptr (PhaenBudgetView) view = NULL;
  GDate as_of;
  gint64 plan_id;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!cli_parse (context, &argc, &argv, 2))
    return CLI_EXIT_USAGE;
  if (!cli_parse_plan_id (argv[2], &plan_id))
    return CLI_EXIT_USAGE;
  g_date_clear (&as_of, 1);
  if (as_of_text != NULL && !phaen_date_parse (as_of_text, &as_of, &error))
    return cli_fail_error (error);

  store = cli_open_store (argv[1], &error);
  if (store == NULL ||
      !(view = phaen_budget_view_new (store, plan_id, as_of_text != NULL ? &as_of : NULL, &error)))
    return cli_fail_error (error);

  if (json)
    print_json (view);
  else
    {
      g_print (_ ("plan %" PRId64 " · FY %d · %s\n"), view->plan_id, view->fiscal_year,
               view->title);
      if (view->targets_default)
        g_print ("%s\n", _ ("The fiscal year has no disbursement targets of its own: the "
                            "defaults are used."));
      if (view->from_plan)
        g_print ("%s\n", _ ("No project or activity has a quarterly budget: the totals are the "
                            "plan's own quarterly figures."));
      else if (view->plan_differs)
        g_print ("%s\n", _ ("The projects and activities add up to other figures than those "
                            "entered for the whole plan."));
      g_print ("\n");
      print_summary (view);
      print_rows (view);
    }
  return CLI_EXIT_OK;
}
