/* phaen-chart-page.c — paper sizes and how rows are split into printed pages
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-chart"

#include "config.h"

#include "phaen-chart-page.h"

/* ISO 216 in points (1 mm = 72 / 25.4 pt), landscape. */
#define MM(x) ((x)*72.0 / 25.4)

void
phaen_page_setup_init (PhaenPageSetup *setup, PhaenPaper paper)
{
  g_return_if_fail (setup != NULL);
  g_return_if_fail (paper <= PHAEN_PAPER_A3);

  setup->width = paper == PHAEN_PAPER_A3 ? MM (420) : MM (297);
  setup->height = paper == PHAEN_PAPER_A3 ? MM (297) : MM (210);
  setup->margin = PHAEN_PAGE_MARGIN;
}

void
phaen_page_setup_init_oriented (PhaenPageSetup *setup,
                                PhaenPaper paper,
                                PhaenOrientation orientation)
{
  g_return_if_fail (setup != NULL);

  phaen_page_setup_init (setup, paper);
  if (orientation == PHAEN_ORIENTATION_PORTRAIT)
    {
      double width = setup->width;

      setup->width = setup->height;
      setup->height = width;
    }
}

gboolean
phaen_orientation_from_string (const char *name, PhaenOrientation *orientation)
{
  g_return_val_if_fail (orientation != NULL, FALSE);

  if (name == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (name, "landscape") == 0)
    *orientation = PHAEN_ORIENTATION_LANDSCAPE;
  else if (g_ascii_strcasecmp (name, "portrait") == 0)
    *orientation = PHAEN_ORIENTATION_PORTRAIT;
  else
    return FALSE;
  return TRUE;
}

gboolean
phaen_paper_from_string (const char *name, PhaenPaper *paper)
{
  g_return_val_if_fail (paper != NULL, FALSE);

  if (name == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (name, "A4") == 0)
    *paper = PHAEN_PAPER_A4;
  else if (g_ascii_strcasecmp (name, "A3") == 0)
    *paper = PHAEN_PAPER_A3;
  else
    return FALSE;
  return TRUE;
}

GArray *
phaen_chart_paginate_rows (const double *heights,
                           guint n_rows,
                           double available,
                           double tail_height)
{
  g_autoptr (GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint));
  guint first = 0;
  double used = 0;

  g_return_val_if_fail (heights != NULL || n_rows == 0, NULL);

  g_array_append_val (starts, first);
  for (guint i = 0; i < n_rows; i++)
    {
      if (used > 0 && used + heights[i] > available)
        {
          g_array_append_val (starts, i);
          used = 0;
        }
      used += heights[i];
    }

  if (n_rows > 0 && tail_height > 0 && used + tail_height > available)
    {
      guint last_start = g_array_index (starts, guint, starts->len - 1);
      guint start = n_rows;

      if (n_rows - last_start >= 2 && heights[n_rows - 1] + tail_height <= available)
        start = n_rows - 1;
      g_array_append_val (starts, start);
    }
  return g_steal_pointer (&starts);
}
