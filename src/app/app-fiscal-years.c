/* app-fiscal-years.c — a workspace's fiscal years as the windows offer them: newest first
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-fiscal-years"

#include "config.h"

#include <glib/gi18n.h>

#include "app-fiscal-years.h"

static gint
newest_first (gconstpointer a, gconstpointer b)
{
  return *(const int *)b - *(const int *)a;
}

GArray *
app_fiscal_years_list (PhaenStore *store, GtkStringList *names)
{
  GArray *years;

  g_return_val_if_fail (PHAEN_IS_STORE (store), NULL);
  g_return_val_if_fail (GTK_IS_STRING_LIST (names), NULL);

  years = phaen_store_list_fiscal_years (store, NULL);
  if (years == NULL)
    years = g_array_new (FALSE, FALSE, sizeof (int));
  g_array_sort (years, newest_first);
  for (guint i = 0; i < years->len; i++)
    {
      g_autofree char *name = g_strdup_printf (_ ("Fiscal year %d"), g_array_index (years, int, i));

      gtk_string_list_append (names, name);
    }
  return years;
}

int
app_fiscal_years_find (GArray *years, int fiscal_year)
{
  g_return_val_if_fail (years != NULL, -1);

  for (guint i = 0; i < years->len; i++)
    if (g_array_index (years, int, i) == fiscal_year)
      return (int)i;
  return -1;
}
