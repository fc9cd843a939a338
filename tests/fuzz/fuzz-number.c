/* fuzz-number.c — numbers as users type them into result cells and budgets
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-fuzz"

#include <math.h>

#include "fuzz-harness.h"
#include "phaen-thai-text.h"

/* What a cell shows must read back as a number: format the parsed value the ways the UI does
 * and parse it again. */
static void
check_round_trip (double value)
{
  static const PhaenNumberFlags flags[] = {
    PHAEN_NUMBER_PLAIN,
    PHAEN_NUMBER_GROUPING | PHAEN_NUMBER_THAI_DIGITS,
    PHAEN_NUMBER_TRIM_ZEROS,
  };

  for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
    {
      g_autofree char *text = phaen_format_number (value, 4, flags[i]);
      g_autoptr (GError) error = NULL;
      double again;

      if (!phaen_parse_number (text, &again, &error))
        g_error ("“%s” (from %.17g) does not parse: %s", text, value, error->message);
    }
  g_free (phaen_format_money (value, TRUE));
  g_free (phaen_format_score (value, FALSE));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *text = g_strndup ((const char *)data, size);
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) optional_error = NULL;
  gboolean has_value;
  double value, optional_value;

  /* Only valid UTF-8 is theirs to take (as from a GtkEntry); the parsers take any bytes. */
  if (g_utf8_validate (text, -1, NULL))
    {
      g_free (phaen_digits_to_thai (text));
      g_free (phaen_digits_to_arabic (text));
    }

  if (phaen_parse_number (text, &value, &error))
    {
      g_assert_no_error (error);
      if (isfinite (value))
        check_round_trip (value);
    }
  else
    g_assert_true (error != NULL && error->message != NULL);

  if (phaen_parse_optional_number (text, &has_value, &optional_value, &optional_error))
    g_assert_true (has_value ? !isnan (optional_value) : isnan (optional_value));
  else
    g_assert_nonnull (optional_error);
  return 0;
}
