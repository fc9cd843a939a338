/* main.c — `phaen [FILE…]`: the desktop application
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-app"

#include "config.h"

#include "app-application.h"

int
main (int argc, char **argv)
{
  g_autoptr (AppApplication) app = NULL;

  app_application_init_i18n ();
  app = app_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
