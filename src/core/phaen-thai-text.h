/* phaen-thai-text.h — Thai digits, numbers typed by users, text pasted from PDFs, sorting
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * PhaenNumberFlags:
 * @PHAEN_NUMBER_PLAIN: Arabic digits, no grouping, all decimals kept
 * @PHAEN_NUMBER_GROUPING: separate thousands with `,` (`14,760.00`)
 * @PHAEN_NUMBER_THAI_DIGITS: write ๐–๙ instead of 0–9 (`๑๔,๗๖๐.๐๐`)
 * @PHAEN_NUMBER_TRIM_ZEROS: drop trailing zeros of the fraction, and the point when nothing is
 *   left, as the seeds print scores (`2.2267`, `0.3`, `5`)
 */
typedef enum
{
  PHAEN_NUMBER_PLAIN = 0,
  PHAEN_NUMBER_GROUPING = 1 << 0,
  PHAEN_NUMBER_THAI_DIGITS = 1 << 1,
  PHAEN_NUMBER_TRIM_ZEROS = 1 << 2,
} PhaenNumberFlags;

/* Digits of whole strings; every other character is copied unchanged.
 * Returns: (transfer full) */
char *phaen_digits_to_thai (const char *text);
char *phaen_digits_to_arabic (const char *text);

/**
 * phaen_digits_to_thai_prose:
 * @text: running text (a plan section, a quarterly detail, a note)
 *
 * Like phaen_digits_to_thai(), but leaves alone what stops working or changes meaning with Thai
 * digits: web addresses (`https://forms.gle/84S5uw`, `www.mof.go.th`), e-mail addresses, words
 * written with Latin letters with their digits (`COVID-19`, `v2`) and
 * codes made of a Thai abbreviation and a number (`กพร.9`, `สตป. 02`). Dates keep their Thai
 * digits: a month or era abbreviation (`มี.ค. 64`, `พ.ศ. 2564`) is not a code.
 *
 * Returns: (transfer full)
 */
char *phaen_digits_to_thai_prose (const char *text);

/**
 * phaen_parse_number:
 * @text: what the user typed: Arabic, Thai or mixed digits, optional thousands separators
 *   (`14,760.00`, `๑๔,๗๖๐.๐๐`), surrounding white space, a leading sign and a trailing `%`
 * @out_value: (out) (optional): the number; a trailing `%` is dropped (`80%` gives 80)
 * @error: PHAEN_ERROR_INVALID with a Thai message for anything else, including an empty text
 *   and a lone `-` (use phaen_parse_optional_number() where "none" is allowed)
 *
 * Independent of the locale: the decimal point is always `.` and the separator `,`.
 */
gboolean phaen_parse_number (const char *text, double *out_value, GError **error);

/**
 * phaen_parse_optional_number:
 * @out_has_value: (out) (optional): FALSE when @text is empty or a lone dash (`-`, `–`, `—`,
 *   `−`), which means "none / not applicable", never zero
 * @out_value: (out) (optional): the number, or NAN when there is none
 *
 * Like phaen_parse_number(), but "none" is a success rather than an error.
 */
gboolean phaen_parse_optional_number (const char *text,
                                      gboolean *out_has_value,
                                      double *out_value,
                                      GError **error);

/**
 * phaen_format_number:
 * @value: the number; a non-finite value (NAN stands for "none") is written `-`
 * @decimals: digits after the point, at most 15
 *
 * Locale independent; rounds like printf, so a value already rounded to @decimals prints
 * exactly. A result that rounds to zero never carries a minus sign.
 *
 * Returns: (transfer full)
 */
char *phaen_format_number (double value, guint decimals, PhaenNumberFlags flags);

/* `14,760.00` / `๑๔,๗๖๐.๐๐`; NAN gives `-`. Returns: (transfer full) */
char *phaen_format_money (double value, gboolean thai_digits);

/* An indicator score with 4 decimals (DOMAIN.md §4b): `2.2267`, `5.0000`; NAN gives `-`.
 * Returns: (transfer full) */
char *phaen_format_score (double value, gboolean thai_digits);

/**
 * phaen_text_normalize:
 * @text: text pasted from a government PDF; invalid UTF-8 is replaced by U+FFFD
 *
 * Repairs what PDF extraction does to Thai (DOMAIN.md §2): maps the Private Use Area glyphs
 * U+F700–U+F71A back to ordinary letters and marks; joins a sara am split into nikhahit + sara
 * aa, or into a space + sara aa after a consonant or tone mark ("ประจ าปี" → "ประจำปี"); moves a
 * tone mark or thanthakhat stored before an upper or lower vowel, or after sara am, to its
 * proper place ("ช้ี" → "ชี้"); then composes to NFC. Text that is already clean is unchanged.
 *
 * Returns: (transfer full)
 */
char *phaen_text_normalize (const char *text);

/* User-perceived characters (grapheme clusters, as Pango places the cursor): what a form's
 * length limit counts. "ประจำปี" is 5. */
gsize phaen_text_grapheme_count (const char *text);
gboolean phaen_text_is_blank (const char *text);

/**
 * phaen_text_collate_key:
 *
 * A key for sorting Thai text with strcmp(). When LC_COLLATE is a Thai locale (th_TH), the key
 * is g_utf8_collate_key() of the normalised text, so glibc's Thai rules apply. Under any other
 * locale (C.UTF-8 on most build machines, or a user's English locale) glibc does not know that
 * a leading vowel เ แ โ ใ ไ is read after its consonant, so the key is built here the way Thai
 * dictionaries order words: the leading vowel is moved after its consonant; tone marks,
 * maitaikhu, thanthakhat, punctuation and spaces only break ties; Thai digits count as Arabic;
 * Latin letters ignore case. Either way "กา" < "เก" < "ข". Keys made under different locales
 * must not be compared.
 *
 * Returns: (transfer full)
 */
char *phaen_text_collate_key (const char *text);

/* strcmp() of the two collation keys: negative, zero or positive. */
int phaen_text_collate (const char *a, const char *b);

/**
 * phaen_text_estimate_lines:
 * @char_width: the font's average advance of a character that takes room on the line
 * @width: the wrapping width, in the same unit
 *
 * The lines @text takes wrapped at @width, estimated without laying it out: every character
 * that takes room costs @char_width; Thai vowels and tone marks written above or below a
 * consonant cost nothing. Between 1 and @max_lines. For rows not on screen yet, whose exact
 * height is measured when they are shown.
 */
guint
phaen_text_estimate_lines (const char *text, double char_width, double width, guint max_lines);

G_END_DECLS
