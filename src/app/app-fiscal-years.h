/* app-fiscal-years.h — a workspace's fiscal years as the windows offer them: newest first
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "phaen-store.h"

G_BEGIN_DECLS

/* The fiscal years of @store, newest first, each named "Fiscal year N" in @names, the model of
 * a year drop-down.
 * Returns: (transfer full) (element-type int): the years, empty when it has none or they
 *   could not be read */
GArray *app_fiscal_years_list (PhaenStore *store, GtkStringList *names);
/* The position of @fiscal_year in @years, or -1 when it is not there. */
int app_fiscal_years_find (GArray *years, int fiscal_year);

G_END_DECLS
