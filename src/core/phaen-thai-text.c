/* phaen-thai-text.c — Thai digits, numbers typed by users, text pasted from PDFs, sorting
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-thai-text"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "phaen-thai-text.h"
#include "phaen-error.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include <pango/pango.h>

#define THAI_DIGIT_ZERO 0x0E50
#define THAI_SARA_AA 0x0E32
#define THAI_SARA_AM 0x0E33
#define THAI_NIKHAHIT 0x0E4D

/* DOMAIN.md §2 / seed 001: PDF fonts put shifted copies of marks in U+F700–U+F71A. */
static const gunichar pua_to_thai[] = {
  0x0E10,                         /* F700 ฐ */
  0x0E34,                         /* F701 ิ */
  0x0E35,                         /* F702 ี */
  0x0E36,                         /* F703 ึ */
  0x0E37,                         /* F704 ื */
  0x0E48, 0x0E49, 0x0E4A, 0x0E4B, /* F705..F708 ่ ้ ๊ ๋ */
  0x0E4C,                         /* F709 ์ */
  0x0E48, 0x0E49, 0x0E4A, 0x0E4B, /* F70A..F70D */
  0x0E4C,                         /* F70E ์ */
  0x0E0D,                         /* F70F ญ */
  0x0E31,                         /* F710 ั */
  0x0E4D,                         /* F711 ํ */
  0x0E47,                         /* F712 ็ */
  0x0E48, 0x0E49, 0x0E4A, 0x0E4B, /* F713..F716 */
  0x0E4C,                         /* F717 ์ */
  0x0E38,                         /* F718 ุ */
  0x0E39,                         /* F719 ู */
  0x0E3A,                         /* F71A ฺ */
};
#define PUA_FIRST 0xF700

/* ---------------------------------------------------------------------------------------- */
/* Character classes                                                                         */

static gboolean
is_thai_consonant (gunichar c)
{
  return c >= 0x0E01 && c <= 0x0E2E;
}

static gboolean
is_tone_mark (gunichar c)
{
  return c >= 0x0E48 && c <= 0x0E4B;
}

/* Tone marks and thanthakhat: written above any upper vowel of the same consonant. */
static gboolean
is_top_mark (gunichar c)
{
  return c >= 0x0E48 && c <= 0x0E4C;
}

/* What Thai dictionaries (and glibc's th_TH) read only to break ties: maitaikhu, tone marks,
 * thanthakhat, and punctuation and spaces ("ก.พ.ร." files with "กพร."). */
static gboolean
is_secondary_only (gunichar c)
{
  return (c >= 0x0E47 && c <= 0x0E4C) || g_unichar_ispunct (c) || g_unichar_isspace (c);
}

static gboolean
is_above_or_below_vowel (gunichar c)
{
  return c == 0x0E31 || (c >= 0x0E34 && c <= 0x0E3A) || c == 0x0E47;
}

static gboolean
is_leading_vowel (gunichar c)
{
  return c >= 0x0E40 && c <= 0x0E44;
}

/* Not g_ascii_isdigit(): it casts to a byte, and U+0E35 would pass as '5'. */
static gboolean
is_ascii_digit (gunichar c)
{
  return c >= '0' && c <= '9';
}

static gboolean
is_thai_digit (gunichar c)
{
  return c >= THAI_DIGIT_ZERO && c <= THAI_DIGIT_ZERO + 9;
}

static gboolean
is_dash (gunichar c)
{
  return c == '-' || c == 0x2013 || c == 0x2014 || c == 0x2212;
}

/* ---------------------------------------------------------------------------------------- */
/* Helpers                                                                                   */

/* A copy without leading and trailing Unicode white space (NBSP from PDFs included). */
static char *
strip_unicode_space (const char *text)
{
  const char *start = text;
  const char *end = text + strlen (text);

  while (*start && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  return g_strndup (start, end - start);
}

static gboolean
is_lone_dash (const char *text)
{
  return *text && is_dash (g_utf8_get_char (text)) && *g_utf8_next_char (text) == '\0';
}

static char *
ucs4_to_utf8 (const gunichar *chars, glong n_chars)
{
  char *utf8 = g_ucs4_to_utf8 (chars, n_chars, NULL, NULL, NULL);

  /* Only fails on code points above U+10FFFF, which nothing here produces. */
  g_assert (utf8 != NULL);
  return utf8;
}

/* Parses @text; on success *out_has_value is FALSE only for "none" when @allow_none. */
static gboolean
parse_number (
  const char *text, gboolean allow_none, gboolean *out_has_value, double *out_value, GError **error)
{
  g_autofree char *trimmed = NULL;
  g_autoptr (GString) ascii = NULL;
  gboolean seen_point = FALSE;
  gboolean seen_comma = FALSE;
  gboolean seen_percent = FALSE;
  gboolean bad_grouping = FALSE;
  guint n_digits = 0;
  guint since_comma = 0;
  char *end = NULL;
  double value;

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                           _ ("The text is not UTF-8, so it is not a number"));
      return FALSE;
    }

  trimmed = strip_unicode_space (text);
  if (*trimmed == '\0' || is_lone_dash (trimmed))
    {
      if (allow_none)
        {
          if (out_has_value)
            *out_has_value = FALSE;
          if (out_value)
            *out_value = NAN;
          return TRUE;
        }
      if (*trimmed == '\0')
        g_set_error_literal (error, PHAEN_ERROR, PHAEN_ERROR_INVALID, _ ("Enter a number"));
      else
        g_set_error_literal (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                             _ ("“-” means no value; this field needs a number"));
      return FALSE;
    }

  ascii = g_string_new (NULL);
  for (const char *p = trimmed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (seen_percent)
        goto not_a_number;

      if (p == trimmed && (c == '+' || is_dash (c)))
        {
          if (c != '+')
            g_string_append_c (ascii, '-');
        }
      else if (is_ascii_digit (c) || is_thai_digit (c))
        {
          g_string_append_c (ascii,
                             (char)('0' + (is_thai_digit (c) ? c - THAI_DIGIT_ZERO : c - '0')));
          n_digits++;
          since_comma++;
        }
      else if (c == ',' && !seen_point)
        {
          /* Groups: 1 to 3 digits first, then exactly 3 between commas. */
          if (since_comma == 0 || since_comma > 3 || (seen_comma && since_comma != 3))
            bad_grouping = TRUE;
          seen_comma = TRUE;
          since_comma = 0;
        }
      else if (c == '.' && !seen_point)
        {
          if (seen_comma && since_comma != 3)
            bad_grouping = TRUE;
          seen_point = TRUE;
          g_string_append_c (ascii, '.');
        }
      else if (c == '%')
        seen_percent = TRUE;
      else if (g_unichar_isspace (c))
        {
          /* Only between the number and its `%`. */
          const char *rest = p;

          while (*rest && g_unichar_isspace (g_utf8_get_char (rest)))
            rest = g_utf8_next_char (rest);
          if (*rest != '%')
            goto not_a_number;
          p = g_utf8_prev_char (rest);
        }
      else
        goto not_a_number;
    }

  if (seen_comma && !seen_point && since_comma != 3)
    bad_grouping = TRUE;
  if (n_digits == 0)
    goto not_a_number;
  if (bad_grouping)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                   _ ("The thousands separators are in the wrong places (typed “%s”)"), trimmed);
      return FALSE;
    }

  value = g_ascii_strtod (ascii->str, &end);
  if (end == NULL || *end != '\0')
    goto not_a_number;
  if (!isfinite (value))
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                   _ ("The number is too large (typed “%s”)"), trimmed);
      return FALSE;
    }

  if (out_has_value)
    *out_has_value = TRUE;
  if (out_value)
    *out_value = value == 0 ? 0.0 : value; /* never -0 */
  return TRUE;

not_a_number:
  g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID, _ ("Not a number (typed “%s”)"), trimmed);
  return FALSE;
}

/* Inserts `,` every three digits of the integer part of @number ("-1234.5" → "-1,234.5"). */
static void
group_thousands (GString *number)
{
  gsize start = number->str[0] == '-' ? 1 : 0;
  const char *point = strchr (number->str, '.');
  gsize int_end = point ? (gsize)(point - number->str) : number->len;

  for (gssize pos = (gssize)int_end - 3; pos > (gssize)start; pos -= 3)
    g_string_insert_c (number, pos, ',');
}

/* Builds the dictionary-order key described at phaen_text_collate_key(). */
static char *
dictionary_collate_key (const char *normalized)
{
  g_autofree char *folded = g_utf8_casefold (normalized, -1);
  g_autofree gunichar *chars = NULL;
  g_autofree gunichar *primary = NULL;
  g_autofree gunichar *secondary = NULL;
  g_autofree char *primary_utf8 = NULL;
  g_autofree char *secondary_utf8 = NULL;
  glong n_chars = 0;
  glong n_primary = 0;
  glong n_secondary = 0;

  chars = g_utf8_to_ucs4_fast (folded, -1, &n_chars);
  primary = g_new (gunichar, n_chars + 1);
  secondary = g_new (gunichar, n_chars + 1);

  for (glong i = 0; i < n_chars; i++)
    {
      gunichar c = chars[i];

      /* เก is looked up under ก: the consonant sorts first, its vowel after (and after า). */
      if (is_leading_vowel (c) && i + 1 < n_chars && is_thai_consonant (chars[i + 1]))
        {
          primary[n_primary++] = chars[i + 1];
          secondary[n_secondary++] = chars[i + 1];
          i++;
        }
      else if (is_thai_digit (c))
        c = '0' + (c - THAI_DIGIT_ZERO);

      if (!is_secondary_only (c))
        primary[n_primary++] = c;
      secondary[n_secondary++] = c;
    }

  primary_utf8 = ucs4_to_utf8 (primary, n_primary);
  secondary_utf8 = ucs4_to_utf8 (secondary, n_secondary);
  /* U+0001 sorts below any character, so a shorter primary key wins before ties are read. */
  return g_strconcat (primary_utf8, "\001", secondary_utf8, NULL);
}

static gboolean
collation_locale_is_thai (void)
{
  const char *name = setlocale (LC_COLLATE, NULL);

  return name != NULL && g_str_has_prefix (name, "th");
}

/* ---------------------------------------------------------------------------------------- */
/* Public API                                                                                */

char *
phaen_digits_to_thai (const char *text)
{
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_sized_new (strlen (text) + 8);
  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_unichar (out, THAI_DIGIT_ZERO + (*p - '0'));
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* Abbreviations after which a number is a date, not part of a code. */
static const char *const date_abbreviations[] = {
  /* Thai on purpose: the abbreviations whose dots and digits are not numbers to convert. */
  "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.",
  "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",  "พ.ศ.", "ค.ศ.", "จ.ศ.", "ร.ศ.",
};

static gboolean
is_latin_word_char (char c)
{
  return g_ascii_isalnum (c) || c == '_';
}

/* Where a web or e-mail address starts inside the white-space delimited token
 * [start, end), or -1. */
static gssize
address_start (const char *text, gsize start, gsize end)
{
  for (gsize i = start; i < end; i++)
    {
      gboolean scheme = i + 3 <= end && strncmp (text + i, "://", 3) == 0;
      gboolean www = i + 4 <= end && g_ascii_strncasecmp (text + i, "www.", 4) == 0 &&
                     (i == start || !is_latin_word_char (text[i - 1]));

      if (scheme || text[i] == '@')
        {
          gsize from = i;

          while (from > start &&
                 (is_latin_word_char (text[from - 1]) || strchr ("+.-%", text[from - 1]) != NULL))
            from--;
          if (from < i)
            return from;
        }
      else if (www)
        return i;
    }
  return -1;
}

/* Whether the number starting at @at follows a Thai abbreviation that names a
 * unit or an indicator ("กพร.9", "สตป. 02"). */
static gboolean
follows_code (const char *text, gsize at)
{
  gsize end = at, from;
  g_autofree char *abbreviation = NULL;

  if (end > 0 && text[end - 1] == ' ')
    end--;
  if (end == 0 || text[end - 1] != '.')
    return FALSE;
  from = end;
  while (from > 0)
    {
      const char *prev = g_utf8_find_prev_char (text, text + from);
      gunichar c = g_utf8_get_char (prev);

      if (c != '.' && !(c >= 0x0E01 && c <= 0x0E4F))
        break;
      from = prev - text;
    }
  if (from == end - 1)
    return FALSE; /* a lone "." */
  abbreviation = g_strndup (text + from, end - from);
  for (guint i = 0; i < G_N_ELEMENTS (date_abbreviations); i++)
    if (g_str_has_suffix (abbreviation, date_abbreviations[i])) /* "ภายในมี.ค. 64" too */
      return FALSE;
  return TRUE;
}

char *
phaen_digits_to_thai_prose (const char *text)
{
  gsize len, i = 0;
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  len = strlen (text);
  out = g_string_sized_new (len + 16);
  while (i < len)
    {
      gsize token_end = i, run_end;
      gssize keep;

      if (g_ascii_isspace (text[i]))
        {
          g_string_append_c (out, text[i++]);
          continue;
        }
      while (token_end < len && !g_ascii_isspace (text[token_end]))
        token_end++;
      keep = address_start (text, i, token_end);

      while (i < token_end)
        {
          if (keep >= 0 && i >= (gsize)keep)
            {
              g_string_append_len (out, text + i, token_end - i);
              i = token_end;
              break;
            }
          if (!is_latin_word_char (text[i]))
            {
              g_string_append_c (out, text[i++]);
              continue;
            }
          /* A Latin word with its digits ("COVID-19", "ISO9001", "v2.1"), or a number. */
          {
            gboolean latin = FALSE;

            run_end = i;
            while (run_end < token_end && (keep < 0 || run_end < (gsize)keep) &&
                   (is_latin_word_char (text[run_end]) ||
                    (strchr ("-./+", text[run_end]) != NULL && run_end + 1 < token_end &&
                     is_latin_word_char (text[run_end + 1]))))
              latin |= g_ascii_isalpha (text[run_end++]);
            if (latin || follows_code (text, i))
              g_string_append_len (out, text + i, run_end - i);
            else
              for (; i < run_end; i++)
                {
                  if (g_ascii_isdigit (text[i]))
                    g_string_append_unichar (out, THAI_DIGIT_ZERO + (text[i] - '0'));
                  else
                    g_string_append_c (out, text[i]);
                }
            i = run_end;
          }
        }
    }
  return g_string_free (out, FALSE);
}

char *
phaen_digits_to_arabic (const char *text)
{
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (g_utf8_validate (text, -1, NULL), NULL);

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_thai_digit (c))
        g_string_append_c (out, (char)('0' + (c - THAI_DIGIT_ZERO)));
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  return g_string_free (out, FALSE);
}

gboolean
phaen_parse_number (const char *text, double *out_value, GError **error)
{
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return parse_number (text, FALSE, NULL, out_value, error);
}

gboolean
phaen_parse_optional_number (const char *text,
                             gboolean *out_has_value,
                             double *out_value,
                             GError **error)
{
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return parse_number (text, TRUE, out_has_value, out_value, error);
}

char *
phaen_format_number (double value, guint decimals, PhaenNumberFlags flags)
{
  char format[16];
  /* %f of DBL_MAX needs 309 digits, plus sign, point and decimals. */
  char buffer[512];
  g_autoptr (GString) number = NULL;

  g_return_val_if_fail (decimals <= 15, NULL);

  if (!isfinite (value))
    return g_strdup ("-");

  g_snprintf (format, sizeof format, "%%.%uf", decimals);
  g_ascii_formatd (buffer, sizeof buffer, format, value);
  number = g_string_new (buffer);

  if (number->str[0] == '-' && strspn (number->str + 1, "0.") == number->len - 1)
    g_string_erase (number, 0, 1);

  if ((flags & PHAEN_NUMBER_TRIM_ZEROS) && strchr (number->str, '.') != NULL)
    {
      while (number->str[number->len - 1] == '0')
        g_string_truncate (number, number->len - 1);
      if (number->str[number->len - 1] == '.')
        g_string_truncate (number, number->len - 1);
    }

  if (flags & PHAEN_NUMBER_GROUPING)
    group_thousands (number);

  if (flags & PHAEN_NUMBER_THAI_DIGITS)
    return phaen_digits_to_thai (number->str);
  return g_string_free (g_steal_pointer (&number), FALSE);
}

char *
phaen_format_money (double value, gboolean thai_digits)
{
  return phaen_format_number (value, 2,
                              PHAEN_NUMBER_GROUPING |
                                (thai_digits ? PHAEN_NUMBER_THAI_DIGITS : PHAEN_NUMBER_PLAIN));
}

char *
phaen_format_score (double value, gboolean thai_digits)
{
  return phaen_format_number (value, 4,
                              thai_digits ? PHAEN_NUMBER_THAI_DIGITS : PHAEN_NUMBER_PLAIN);
}

/* One pass of the repairs over valid UTF-8, composed to NFC. */
static char *
repair_once (const char *valid)
{
  g_autofree gunichar *chars = NULL;
  g_autofree char *repaired = NULL;
  glong n_chars = 0;
  glong n = 0;

  chars = g_utf8_to_ucs4_fast (valid, -1, &n_chars);

  for (glong i = 0; i < n_chars; i++)
    {
      gunichar c = chars[i];

      if (c >= PUA_FIRST && c < PUA_FIRST + G_N_ELEMENTS (pua_to_thai))
        c = pua_to_thai[c - PUA_FIRST];

      /* Sara am is ํ + า in some fonts (seed 001: "คํานึงถึง"). */
      if (c == THAI_SARA_AA && n > 0 && chars[n - 1] == THAI_NIKHAHIT)
        {
          chars[n - 1] = THAI_SARA_AM;
          continue;
        }

      /* ...or a space + า (seed 000: "ประจ าปี"). No Thai word starts with า, so after a
       * consonant or tone mark the space can only be the extractor's. */
      if (c == THAI_SARA_AA && n > 1 && chars[n - 1] == ' ' &&
          (is_thai_consonant (chars[n - 2]) || is_tone_mark (chars[n - 2])))
        {
          chars[n - 1] = THAI_SARA_AM;
          continue;
        }

      /* Tone marks belong before sara am ("นำ้" → "น้ำ"), and before a run of them, or a
       * second repair would move the mark again (fuzz-thai-text: "ำำ้"). */
      if (is_tone_mark (c) && n > 0 && chars[n - 1] == THAI_SARA_AM)
        {
          glong j = n;

          for (; j > 0 && chars[j - 1] == THAI_SARA_AM; j--)
            chars[j] = chars[j - 1];
          chars[j] = c;
          n++;
          continue;
        }

      /* ...and after upper and lower vowels ("ช้ี" → "ชี้"): bubble the vowel back. */
      chars[n] = c;
      for (glong j = n; j > 0 && is_above_or_below_vowel (chars[j]) && is_top_mark (chars[j - 1]);
           j--)
        {
          gunichar mark = chars[j - 1];

          chars[j - 1] = chars[j];
          chars[j] = mark;
        }
      n++;
    }

  repaired = ucs4_to_utf8 (chars, n);
  return g_utf8_normalize (repaired, -1, G_NORMALIZE_NFC);
}

char *
phaen_text_normalize (const char *text)
{
  g_autofree char *repaired = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  /* Composing to NFC reorders combining marks, which may line up a fault that one pass leaves
   * (a tone mark after sara am behind another script's mark: fuzz-thai-text), so repair until
   * nothing changes: repairing repaired text must change nothing. Clean text takes two passes. */
  repaired = g_utf8_make_valid (text, -1);
  for (guint pass = 0; pass < 8; pass++)
    {
      g_autofree char *again = repair_once (repaired);

      if (g_str_equal (again, repaired))
        break;
      g_free (repaired);
      repaired = g_steal_pointer (&again);
    }
  return g_steal_pointer (&repaired);
}

gsize
phaen_text_grapheme_count (const char *text)
{
  g_autofree PangoLogAttr *attrs = NULL;
  const char *p;
  glong n_chars;
  gsize count = 0;

  g_return_val_if_fail (text != NULL, 0);
  g_return_val_if_fail (g_utf8_validate (text, -1, NULL), 0);

  n_chars = g_utf8_strlen (text, -1);
  if (n_chars == 0)
    return 0;

  attrs = g_new0 (PangoLogAttr, n_chars + 1);
  pango_get_log_attrs (text, -1, -1, pango_language_from_string ("th"), attrs, n_chars + 1);

  /* Each cluster starts at a cursor position; the one after the last character ends them.
   * Pango 1.50 misses that UAX #29 makes sara am (U+0E33, Lao U+0EB3) a SpacingMark, and
   * would count "น้ำ" as two: never start a cluster there. */
  p = text;
  for (glong i = 0; i < n_chars; i++, p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (attrs[i].is_cursor_position && (i == 0 || (c != THAI_SARA_AM && c != 0x0EB3)))
        count++;
    }
  return count;
}

char *
phaen_text_collate_key (const char *text)
{
  g_autofree char *normalized = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  normalized = phaen_text_normalize (text);
  if (collation_locale_is_thai ())
    return g_utf8_collate_key (normalized, -1);
  return dictionary_collate_key (normalized);
}

int
phaen_text_collate (const char *a, const char *b)
{
  g_autofree char *key_a = NULL;
  g_autofree char *key_b = NULL;

  g_return_val_if_fail (a != NULL, 0);
  g_return_val_if_fail (b != NULL, 0);

  key_a = phaen_text_collate_key (a);
  key_b = phaen_text_collate_key (b);
  return strcmp (key_a, key_b);
}

/**
 * phaen_text_is_blank:
 * @text: (nullable): any text
 *
 * Returns: whether @text is %NULL, empty or only white space (Unicode spaces included)
 */
gboolean
phaen_text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

guint
phaen_text_estimate_lines (const char *text, double char_width, double width, guint max_lines)
{
  guint spacing = 0;
  double lines;

  for (const char *p = text ? text : ""; *p; p = g_utf8_next_char (p))
    if (!g_unichar_iszerowidth (g_utf8_get_char (p)))
      spacing++;
  lines = width > 0 ? ceil (spacing * char_width / width) : max_lines;
  return (guint)CLAMP (lines, 1, MAX (max_lines, 1));
}
