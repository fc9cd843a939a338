/* phaen-parse.c — amounts, years and month marks as planning officers type or paste them
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-parse"

#include "phaen-parse.h"

#include <math.h>
#include <string.h>

#include "phaen-error.h"
#include "phaen-model.h"
#include "phaen-thai-text.h"

/* ------------------------------------------------------------------ helpers */

static gboolean
strip_suffix (GString *s, const char *suffix)
{
  gsize n = strlen (suffix);

  if (s->len < n || strcmp (s->str + s->len - n, suffix) != 0)
    return FALSE;
  g_string_truncate (s, s->len - n);
  while (s->len > 0 && g_ascii_isspace (s->str[s->len - 1]))
    g_string_truncate (s, s->len - 1);
  return TRUE;
}

static void
strip_prefix (GString *s, const char *prefix)
{
  gsize n = strlen (prefix);

  if (strncmp (s->str, prefix, n) != 0)
    return;
  g_string_erase (s, 0, (gssize)n);
  while (s->len > 0 && g_ascii_isspace (s->str[0]))
    g_string_erase (s, 0, 1);
}

/* Collapses every Unicode space (NBSP from PDFs included) to ASCII, trims both ends. */
static GString *
clean_copy (const char *text)
{
  g_autofree char *arabic = phaen_digits_to_arabic (text);
  GString *s = g_string_new (NULL);

  for (const char *p = arabic; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x00A0 || c == 0x200B)
        g_string_append_c (s, ' ');
      else
        g_string_append_unichar (s, c);
    }
  g_strstrip (s->str);
  s->len = strlen (s->str);
  return s;
}

/* ------------------------------------------------------------------ amounts */

static const struct
{
  const char *word;
  double factor;
} multipliers[] = {
  { "ล้าน", 1e6 },
  { "แสน", 1e5 },
  { "หมื่น", 1e4 },
  { "พัน", 1e3 },
};

gboolean
phaen_parse_amount (const char *text, gboolean *out_has_value, double *out_value, GError **error)
{
  g_autoptr (GString) s = NULL;
  g_autoptr (GError) inner = NULL;
  gboolean has_value = FALSE;
  double value = NAN, factor = 1;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                           "ไม่ใช่จำนวนเงิน: ข้อความไม่ใช่ UTF-8");
      return FALSE;
    }
  s = clean_copy (text);
  /* "15,000.-" and "15,000 บาท": the currency, in any order with a multiplier ("1.5 ล้านบาท"). */
  for (gboolean again = TRUE; again;)
    again =
      strip_suffix (s, "บาท") || strip_suffix (s, "บ.") || (s->len > 2 && strip_suffix (s, ".-"));
  for (guint i = 0; i < G_N_ELEMENTS (multipliers); i++)
    if (strip_suffix (s, multipliers[i].word))
      {
        factor = multipliers[i].factor;
        break;
      }
  if (factor != 1 && s->len == 0)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                   "ไม่ใช่จำนวนเงิน: ต้องมีตัวเลขหน้า “%s” เช่น 1.5 ล้าน (พิมพ์ว่า “%s”)", text, text);
      return FALSE;
    }
  if (!phaen_parse_optional_number (s->str, &has_value, &value, &inner) ||
      (factor != 1 && !has_value))
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                   "ไม่ใช่จำนวนเงิน: พิมพ์ตัวเลข เช่น 14,760.00, 15,000 บาท หรือ 1.5 ล้าน "
                   "หรือ “-” ถ้าไม่มี (พิมพ์ว่า “%s”)",
                   text);
      return FALSE;
    }
  if (has_value && value < 0)
    {
      g_set_error_literal (error, PHAEN_ERROR, PHAEN_ERROR_INVALID, "จำนวนเงินติดลบไม่ได้");
      return FALSE;
    }
  if (has_value)
    value = round (value * factor * 100) / 100;
  if (has_value && !isfinite (value))
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID, "จำนวนเงินใหญ่เกินไป (พิมพ์ว่า “%s”)", text);
      return FALSE;
    }
  if (out_has_value)
    *out_has_value = has_value;
  if (out_value)
    *out_value = has_value ? value : NAN;
  return TRUE;
}

/* ------------------------------------------------------------------ years */

gboolean
phaen_parse_fiscal_year (
  const char *text, int today_be, int *out_year, PhaenYearNote *out_note, GError **error)
{
  g_autoptr (GString) s = NULL;
  PhaenYearNote note = PHAEN_YEAR_AS_TYPED;
  double value = 0;
  int year;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_year != NULL, FALSE);

  s = clean_copy (g_utf8_validate (text, -1, NULL) ? text : "");
  strip_prefix (s, "ปีงบประมาณ");
  strip_prefix (s, "ปีงบฯ");
  strip_prefix (s, "พ.ศ.");
  strip_prefix (s, "พ.ศ");
  if (s->len == 0 || strspn (s->str, "0123456789") != s->len || s->len > 4 ||
      !phaen_parse_number (s->str, &value, NULL))
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                   "ไม่ใช่ปี พ.ศ.: พิมพ์ปีสี่หลัก เช่น %d (พิมพ์ว่า “%s”)", today_be, text);
      return FALSE;
    }
  year = (int)value;
  if (year >= 1900 && year < 2200)
    {
      year += 543;
      note = PHAEN_YEAR_FROM_CE;
    }
  if (year < 2400 || year > 2800)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                   "ปี พ.ศ. %d อยู่นอกช่วงที่ใช้ได้ (2400–2800): พิมพ์ปี พ.ศ. เช่น %d", year, today_be);
      return FALSE;
    }
  if (note == PHAEN_YEAR_AS_TYPED && ABS (year - today_be) > 10)
    note = PHAEN_YEAR_UNUSUAL;
  *out_year = year;
  if (out_note)
    *out_note = note;
  return TRUE;
}

/* ------------------------------------------------------------------ month marks */

static const struct
{
  const char *symbol;
  guint mark;
} mark_symbols[] = {
  { "1", PHAEN_MARK_PLANNED },  { "x", PHAEN_MARK_PLANNED }, { "X", PHAEN_MARK_PLANNED },
  { "/", PHAEN_MARK_PLANNED },  { "✓", PHAEN_MARK_PLANNED }, { "■", PHAEN_MARK_PLANNED },
  { "█", PHAEN_MARK_PLANNED },  { "*", PHAEN_MARK_PLANNED }, { "●", PHAEN_MARK_START },
  { "⬤", PHAEN_MARK_START },    { "○", PHAEN_MARK_OUTPUT },  { "◯", PHAEN_MARK_OUTPUT },
  { "✔", PHAEN_MARK_ACHIEVED },
};

gboolean
phaen_parse_month_marks (const char *text, gboolean shaded, guint *out_marks, GError **error)
{
  guint marks = shaded ? PHAEN_MARK_PLANNED : 0;

  g_return_val_if_fail (out_marks != NULL, FALSE);

  for (const char *p = text ? text : ""; *p;)
    {
      gboolean known = FALSE;

      if (g_ascii_isspace (*p))
        {
          p++;
          continue;
        }
      for (guint i = 0; i < G_N_ELEMENTS (mark_symbols); i++)
        {
          gsize n = strlen (mark_symbols[i].symbol);

          if (strncmp (p, mark_symbols[i].symbol, n) == 0)
            {
              marks |= mark_symbols[i].mark;
              p += n;
              known = TRUE;
              break;
            }
        }
      if (!known)
        {
          g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                       "ไม่ใช่เครื่องหมายเดือน: ใช้ 1, x, ■ (ตามแผน), ● (เริ่ม), ○ (ผลผลิต) "
                       "หรือช่องที่แรเงา (ในช่องมี “%s”)",
                       text);
          return FALSE;
        }
    }
  *out_marks = marks;
  return TRUE;
}

char *
phaen_month_marks_to_text (guint marks)
{
  GString *s = g_string_new (NULL);

  if (marks & PHAEN_MARK_PLANNED)
    g_string_append (s, "■");
  if (marks & PHAEN_MARK_START)
    g_string_append (s, "●");
  if (marks & PHAEN_MARK_OUTPUT)
    g_string_append (s, "○");
  if (marks & PHAEN_MARK_ACHIEVED)
    g_string_append (s, "✔");
  return g_string_free (s, FALSE);
}
