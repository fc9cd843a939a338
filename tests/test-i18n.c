/* test-i18n.c — linked into the tests that read the core's messages and labels in Thai, the
 * official language: the Thai catalogue of the build tree, as the app and phaen-cli load it
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-test-i18n"

#include "config.h"

#include <glib.h>
#include <libintl.h>
#include <locale.h>

static void test_i18n_thai (void) __attribute__ ((constructor));

static void
test_i18n_thai (void)
{
  /* C.UTF-8 (the test environment's LANG) lets LANGUAGE choose the catalogue; plain C would
   * not. */
  setlocale (LC_ALL, "");
  g_setenv ("LANGUAGE", "th", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, PHAEN_TEST_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
