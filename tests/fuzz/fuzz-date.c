/* fuzz-date.c — BE dates as users type them
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-fuzz"

#include "fuzz-harness.h"
#include "phaen-calendar.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *text = g_strndup ((const char *)data, size);
  g_autoptr (GError) error = NULL;
  GDate date;

  g_date_clear (&date, 1);
  if (!phaen_date_parse (text, &date, &error))
    {
      g_assert_nonnull (error);
      return 0;
    }
  g_assert_true (g_date_valid (&date));

  /* A parsed date prints, and what it prints parses to the same day; a two-digit year means
   * 25xx, so only such years round-trip through the short style. */
  for (PhaenDateStyle style = PHAEN_DATE_SHORT; style <= PHAEN_DATE_FULL; style++)
    {
      int be_year = phaen_be_from_ce (g_date_get_year (&date));
      g_autofree char *printed = NULL;

      if (style == PHAEN_DATE_SHORT && (be_year < 2500 || be_year > 2599))
        continue;
      printed = phaen_date_format (&date, style, style == PHAEN_DATE_FULL);
      g_autoptr (GError) again_error = NULL;
      GDate again;

      g_date_clear (&again, 1);
      if (!phaen_date_parse (printed, &again, &again_error))
        g_error ("“%s” does not parse: %s", printed, again_error->message);
      g_assert_cmpint (g_date_compare (&date, &again), ==, 0);
    }
  return 0;
}
