/* phaen-pmqa-export.h — the PMQA 4.0 application (categories 1–6) as PDF, XLSX and an evidence
 * pack, shared by the app and phaen-cli
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "phaen-pmqa-application.h"

G_BEGIN_DECLS

/* The application in the layout of seed 001 (DOMAIN-pmqa.md §5): per หมวด the header lines
 * รางวัล / ประเภทรางวัล / หน่วยงาน, the topics with their printed points, each sub-item with its
 * statements ticked when claimed ("มี ประเด็น"), the evidence file after each starred statement
 * ("หลักฐาน - ไฟล์แนบ"), the narrative and its count ("จำนวนอักขระ"). A4, written atomically. */
gboolean
phaen_pmqa_write_pdf (const PhaenPmqaApplication *application, const char *path, GError **error);

/* One sheet per category: every statement with its tick, its evidence file name, and per
 * sub-item the character count, the limit check, who writes it, the status and the due date. */
gboolean
phaen_pmqa_write_xlsx (const PhaenPmqaApplication *application, const char *path, GError **error);

/**
 * phaen_pmqa_write_pack:
 * @path: a folder to create (it must not exist, or be empty), or a file ending in ".zip"
 * @out_files: (out) (optional): how many files were written
 *
 * The evidence files of the application, named by slot (phaen_pmqa_slot_file_name():
 * "หมวด1/1.1.1-3 เอกสารแนบ1.11.pdf"), ready to upload one by one.
 */
gboolean phaen_pmqa_write_pack (PhaenStore *store,
                                const PhaenPmqaApplication *application,
                                const char *path,
                                int *out_files,
                                GError **error);

G_END_DECLS
