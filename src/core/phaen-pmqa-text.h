/* phaen-pmqa-text.h — a narrative's character count as OPDC prints it, and pasting from PDFs
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * phaen_pmqa_count_characters:
 * @text: a narrative
 * @out_all: (out) (optional): every code point, white space included
 *
 * What "(จำนวนอักขระ : N อักระ)" counts (DOMAIN-pmqa.md §2): code points, not graphemes — a
 * Thai vowel or tone mark counts as one. White space does not count: the seed's 1.2.1 prints
 * 2,887 and its text has exactly 2,887 other code points; in all 32 narratives the printed
 * count lies between this count and @out_all (line wrapping of the PDF adds spaces, so how
 * many typed spaces OPDC counted cannot be told).
 *
 * Returns: the code points that are not white space
 */
glong phaen_pmqa_count_characters (const char *text, glong *out_all);

/**
 * phaen_pmqa_paste_clean:
 * @text: text copied from a PDF or Word document
 *
 * phaen_text_normalize() (the Private Use Area glyphs, split sara am, mark order), then the
 * hard line breaks inside paragraphs joined: when the text is double spaced (a blank line after
 * most lines, as pdftotext writes), a single blank line is only a line end; a line that starts
 * with white space, a bullet or a number ("1)", "(2)", "3,4,5)", "1.") opens a paragraph, any
 * other line continues the one before — directly between two Thai letters (Thai has no spaces
 * between words, and a PDF wraps inside them), with one space otherwise. Runs of spaces become
 * one; paragraphs are separated by one line break.
 *
 * Returns: (transfer full)
 */
char *phaen_pmqa_paste_clean (const char *text);

G_END_DECLS
