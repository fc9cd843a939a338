/* phaen-pmqa-text.c — counting a narrative's characters; joining lines pasted from PDFs
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-pmqa-text"

#include "config.h"

#include <string.h>

#include "phaen-pmqa-text.h"
#include "phaen-thai-text.h"

glong
phaen_pmqa_count_characters (const char *text, glong *out_all)
{
  glong all = 0, counted = 0;

  for (const char *p = text ? text : ""; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      all++;
      if (!g_unichar_isspace (c) && c != 0x200B)
        counted++;
    }
  if (out_all)
    *out_all = all;
  return counted;
}

static gboolean
is_thai (gunichar c)
{
  return c >= 0x0E00 && c <= 0x0E7F;
}

static gboolean
is_blank (const char *line)
{
  for (const char *p = line; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* "1)", "(2)", "3,4,5)", "1.", "๑)" */
static gboolean
starts_numbered (const char *line)
{
  const char *p = line;
  gboolean digits = FALSE;

  if (*p == '(')
    p++;
  while (*p)
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isdigit (c))
        digits = TRUE;
      else if (c != ',')
        break;
      p = g_utf8_next_char (p);
    }
  return digits && (*p == ')' || *p == '.');
}

static gboolean
opens_paragraph (const char *line)
{
  gunichar c = g_utf8_get_char (line);

  return g_unichar_isspace (c) || c == '-' || c == 0x2022 /* • */ || c == 0x25CF /* ● */ ||
         c == 0x25AA /* ▪ */ || c == 0x2013 /* – */ || starts_numbered (line);
}

/* Appends @line with runs of spaces made one, without leading or trailing space. */
static void
append_collapsed (GString *out, const char *line)
{
  gboolean space = FALSE;

  while (*line && g_unichar_isspace (g_utf8_get_char (line)))
    line = g_utf8_next_char (line);
  for (const char *p = line; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        space = TRUE;
      else
        {
          if (space)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_unichar (out, c);
        }
    }
}

static gunichar
last_char (GString *s)
{
  const char *end = s->str + s->len;

  return s->len ? g_utf8_get_char (g_utf8_find_prev_char (s->str, end)) : 0;
}

char *
phaen_pmqa_paste_clean (const char *text)
{
  g_autofree char *normal = phaen_text_normalize (text ? text : "");
  g_auto (GStrv) lines = NULL;
  g_autoptr (GString) out = g_string_new (NULL);
  guint n_lines, blank_after = 0, filled = 0;
  gboolean double_spaced, pending_break = FALSE;

  /* \r\n and \r as \n */
  g_strdelimit (normal, "\r", '\n');
  lines = g_strsplit (normal, "\n", -1);
  n_lines = g_strv_length (lines);
  for (guint i = 0; i < n_lines; i++)
    if (!is_blank (lines[i]))
      {
        filled++;
        if (i + 1 < n_lines && is_blank (lines[i + 1]))
          blank_after++;
      }
  double_spaced = filled > 2 && blank_after * 2 > filled;

  for (guint i = 0; i < n_lines; i++)
    {
      const char *line = lines[i];

      if (is_blank (line))
        {
          /* Two blank lines in double-spaced text, one otherwise, end a paragraph. */
          if (!double_spaced || (i > 0 && is_blank (lines[i - 1])))
            pending_break = out->len > 0;
          continue;
        }
      g_strchomp (lines[i]);
      if (out->len == 0)
        append_collapsed (out, line);
      else if (pending_break || opens_paragraph (line))
        {
          g_string_append_c (out, '\n');
          append_collapsed (out, line);
        }
      else
        {
          const char *first = line;

          while (*first && g_unichar_isspace (g_utf8_get_char (first)))
            first = g_utf8_next_char (first);
          if (!(is_thai (last_char (out)) && is_thai (g_utf8_get_char (first))))
            g_string_append_c (out, ' ');
          append_collapsed (out, first);
        }
      pending_break = FALSE;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}
