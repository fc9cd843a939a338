/* cli-common.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "cli-common.h"
#include "phaen-error.h"
#include "phaen-validate.h"

int
cli_fail (int code, const char *format, ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("phaen-cli: %s\n", message);
  return code;
}

int
cli_fail_error (const GError *error)
{
  return cli_fail (CLI_EXIT_FAILED, "%s", error->message);
}

gboolean
cli_parse (GOptionContext *context, int *argc, char ***argv, int n_positional)
{
  g_autoptr (GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      cli_fail (CLI_EXIT_USAGE, "%s", error->message);
      return FALSE;
    }
  /* argv[0] is the command name */
  if (*argc - 1 != n_positional)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      cli_fail (CLI_EXIT_USAGE, _ ("wrong number of arguments"));
      g_printerr ("%s", help);
      return FALSE;
    }
  return TRUE;
}

/* Opened to look, then read through in full: opening checks the header and the schema, and
 * reading every score card and activity tree through the range-checked readers (what validate
 * does) finds values the schema forbids. So every command refuses a damaged workspace with the
 * same sentence, before it prints or writes anything, even when what it shows (a count, one
 * plan's chart) would not have read the damaged row. */
PhaenStore *
cli_open_store (const char *path, GError **error)
{
  g_autoptr (PhaenStore) store = phaen_store_open_read_only (path, error);
  g_autoptr (GPtrArray) problems = NULL;

  if (store == NULL || !(problems = phaen_validate (store, 0, 0, error)))
    return NULL;
  return g_steal_pointer (&store);
}

gboolean
cli_check_fiscal_year (PhaenStore *store, int fiscal_year, GError **error)
{
  return fiscal_year == 0 || phaen_store_has_fiscal_year (store, fiscal_year, error);
}

gboolean
cli_parse_plan_id (const char *text, gint64 *plan_id)
{
  char *end;

  *plan_id = g_ascii_strtoll (text, &end, 10);
  if (*end == '\0' && *plan_id > 0)
    return TRUE;
  cli_fail (CLI_EXIT_USAGE, _ ("“%s” is not a plan number (see phaen-cli info)"), text);
  return FALSE;
}

gboolean
cli_resolve_unit (PhaenStore *store, const char *abbr, gint64 *unit_id, GError **error)
{
  g_autoptr (PhaenUnit) unit = NULL;

  *unit_id = 0;
  if (abbr == NULL)
    return TRUE;
  unit = phaen_store_find_unit (store, abbr, error);
  if (unit == NULL)
    return FALSE;
  *unit_id = unit->id;
  return TRUE;
}

static guint
char_columns (gunichar c)
{
  if (g_unichar_iszerowidth (c) || g_unichar_ismark (c))
    return 0;
  return g_unichar_iswide (c) ? 2 : 1;
}

char *
cli_pad (const char *text, guint columns)
{
  GString *out = g_string_new (text);
  guint width = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    width += char_columns (g_utf8_get_char (p));
  while (width++ < columns)
    g_string_append_c (out, ' ');
  return g_string_free (out, FALSE);
}

char *
cli_fit (const char *text, guint columns)
{
  guint width = 0;
  const char *p;

  for (p = text; *p; p = g_utf8_next_char (p))
    width += char_columns (g_utf8_get_char (p));
  if (width < columns)
    return cli_pad (text, columns);

  /* Keep whole characters with their marks, leave room for "…" and one space. */
  width = 0;
  for (p = text; *p; p = g_utf8_next_char (p))
    {
      guint w = char_columns (g_utf8_get_char (p));

      if (w > 0 && width + w > columns - 2)
        break;
      width += w;
    }
  {
    g_autofree char *head = g_strndup (text, p - text);
    g_autofree char *cut = g_strconcat (head, "…", NULL);

    return cli_pad (cut, columns);
  }
}

void
cli_json_string (GString *out, const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text ? text : ""; *p; p++)
    {
      switch (*p)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if ((guchar)*p < 0x20)
            g_string_append_printf (out, "\\u%04x", (guchar)*p);
          else
            g_string_append_c (out, *p);
        }
    }
  g_string_append_c (out, '"');
}
