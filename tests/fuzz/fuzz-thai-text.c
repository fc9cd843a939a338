/* fuzz-thai-text.c — text pasted from government PDFs
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-fuzz"

#include "fuzz-harness.h"
#include "phaen-thai-text.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *text = g_strndup ((const char *)data, size);
  g_autofree char *normalized = phaen_text_normalize (text);
  g_autofree char *twice = phaen_text_normalize (normalized);
  g_autofree char *key = NULL;

  g_assert_true (g_utf8_validate (normalized, -1, NULL));
  /* Repairing repaired text changes nothing. */
  g_assert_cmpstr (normalized, ==, twice);

  key = phaen_text_collate_key (normalized);
  g_assert_nonnull (key);
  g_assert_cmpint (phaen_text_collate (normalized, normalized), ==, 0);
  (void)phaen_text_grapheme_count (normalized);
  (void)phaen_text_is_blank (normalized);
  return 0;
}
