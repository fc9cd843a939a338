/* test-error.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "phaen-error.h"

static void
test_error_domain (void)
{
  g_autoptr (GError) error = g_error_new (PHAEN_ERROR, PHAEN_ERROR_CORRUPT, "x");

  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_CORRUPT);
  g_assert_cmpstr (g_quark_to_string (PHAEN_ERROR), ==, "phaen-error-quark");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/error/domain", test_error_domain);
  return g_test_run ();
}
