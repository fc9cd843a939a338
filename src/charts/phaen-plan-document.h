/* phaen-plan-document.h — the official plan document on paper: title, sections 1–7 and the
 * activity table, for a PDF and for printing
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "phaen-chart-page.h"
#include "phaen-store.h"

G_BEGIN_DECLS

typedef struct _PhaenPlanDocument PhaenPlanDocument;

/**
 * phaen_plan_document_new:
 * @plan_id: the plan: its unit, year, sections and activities are read at once
 *
 * The document a planning office prints (DOMAIN §3a, the same content as the XLSX plan form):
 * the title lines, หน่วยงาน, sections 1–5, 6. แผนการดำเนินงาน as a table
 * `กิจกรรม | ระยะเวลาในการดำเนินงาน (ต.ค.63 … ก.ย.64) | งบประมาณ | ผู้รับผิดชอบ` with its header
 * repeated on every page, then section 7. An action plan (§3b) shows its strategy and goal
 * instead of sections 1–5 and 7. Later edits in @store are not seen. Used from one thread at a
 * time.
 *
 * Returns: (transfer full): the document, or %NULL with PHAEN_ERROR_NOT_FOUND for an unknown
 *   plan
 */
PhaenPlanDocument *phaen_plan_document_new (PhaenStore *store, gint64 plan_id, GError **error);
void phaen_plan_document_free (PhaenPlanDocument *self);

/* Numbers, years and page numbers in Thai digits (๑๒๓). Default FALSE. */
void phaen_plan_document_set_thai_digits (PhaenPlanDocument *self, gboolean thai_digits);
/* The document's first title line (a print job's or a PDF's title). Returns: (transfer none) */
const char *phaen_plan_document_get_title (PhaenPlanDocument *self);

/**
 * phaen_plan_document_get_n_pages:
 * @page: the sheet; its orientation is the longer side's. The document is laid out on an A4
 *   sheet of that orientation and scaled to fill @page: on A3 everything is √2 larger.
 *
 * Rows never split between lines: a row taller than a page continues on the next page at a
 * line boundary, under the repeated header.
 */
guint phaen_plan_document_get_n_pages (PhaenPlanDocument *self, const PhaenPageSetup *page);

/* The scale phaen_plan_document_draw_page() draws @page at (1 on A4, about 1.414 on A3). */
double phaen_plan_document_get_scale (const PhaenPageSetup *page);

/**
 * phaen_plan_document_draw_page:
 * @cr: its origin at the sheet's top-left corner, in points (a PDF surface, or a
 *   GtkPrintContext's cairo with the whole sheet in points)
 * @page_index: from 0 to phaen_plan_document_get_n_pages() − 1
 */
void phaen_plan_document_draw_page (PhaenPlanDocument *self,
                                    cairo_t *cr,
                                    const PhaenPageSetup *page,
                                    guint page_index);

/**
 * phaen_plan_document_write_pdf:
 * @path: replaced only once the whole file is written
 *
 * Returns: %FALSE with PHAEN_ERROR_IO when the file cannot be written
 */
gboolean phaen_plan_document_write_pdf (PhaenPlanDocument *self,
                                        const char *path,
                                        const PhaenPageSetup *page,
                                        GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PhaenPlanDocument, phaen_plan_document_free)

G_END_DECLS
