/* phaen-chart-page.h — paper sizes and how rows are split into printed pages
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * PhaenPaper:
 * @PHAEN_PAPER_A4: A4 landscape, 297 × 210 mm (the official forms, DOMAIN §5)
 * @PHAEN_PAPER_A3: A3 landscape, 420 × 297 mm (wall charts for meetings)
 */
typedef enum
{
  PHAEN_PAPER_A4,
  PHAEN_PAPER_A3,
} PhaenPaper;

/**
 * PhaenOrientation:
 * @PHAEN_ORIENTATION_LANDSCAPE: the long side across (the official forms)
 * @PHAEN_ORIENTATION_PORTRAIT: the short side across
 */
typedef enum
{
  PHAEN_ORIENTATION_LANDSCAPE,
  PHAEN_ORIENTATION_PORTRAIT,
} PhaenOrientation;

/**
 * PhaenPageSetup:
 * @width: the whole sheet, in points (1/72 inch)
 * @height: the whole sheet, in points
 * @margin: left blank on every side, in points
 *
 * What a printed page is. A PDF and a GtkPrintOperation that are given the same setup get
 * the same pages: with gtk_print_operation_set_use_full_page (op, TRUE) and
 * gtk_print_operation_set_unit (op, GTK_UNIT_POINTS), fill it from
 * gtk_print_context_get_width () and _get_height () and keep phaen_page_setup_init()'s margin.
 */
typedef struct
{
  double width;
  double height;
  double margin;
} PhaenPageSetup;

/* 10 mm: inside what office printers can reach. */
#define PHAEN_PAGE_MARGIN 28.35

void phaen_page_setup_init (PhaenPageSetup *setup, PhaenPaper paper);
/* The sheet of @paper turned to @orientation (phaen_page_setup_init() is landscape). */
void phaen_page_setup_init_oriented (PhaenPageSetup *setup,
                                     PhaenPaper paper,
                                     PhaenOrientation orientation);
/* "landscape" or "portrait" (any case); FALSE for anything else. */
gboolean phaen_orientation_from_string (const char *name, PhaenOrientation *orientation);
/* "A4" or "A3" (any case); FALSE for anything else. */
gboolean phaen_paper_from_string (const char *name, PhaenPaper *paper);

/**
 * phaen_chart_paginate_rows:
 * @heights: (array length=n_rows): each row's height
 * @available: the height a page has for rows (below its repeated header)
 * @tail_height: a row that must close the last page (the totals row), 0 when none
 *
 * Fills pages in order, never splitting a row: a row taller than a page gets a page of its
 * own (and is clipped there). When the tail does not fit after the last row, the last row
 * moves to a new page with it, so the totals never stand alone unless the rows cannot share.
 *
 * Returns: (transfer full) (element-type guint): the index of each page's first row; page p
 *   holds rows [starts[p], starts[p + 1]) and the last page runs to @n_rows. It has at least
 *   one page, and its last page may hold no rows (only the tail).
 */
GArray *phaen_chart_paginate_rows (const double *heights,
                                   guint n_rows,
                                   double available,
                                   double tail_height);

G_END_DECLS
