/* phaen-evidence-copy.h — the private folders that hold copies of evidence files while a viewer
 * shows them, and their removal
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  PHAEN_EVIDENCE_COPIES_OURS,  /* the folders this process made */
  PHAEN_EVIDENCE_COPIES_STALE, /* the folders of processes that are no longer running */
} PhaenEvidenceCopies;

/* A new folder, readable by the user alone, in g_get_tmp_dir(): phaen-evidence-<pid>-XXXXXX with
 * this process's id.
 * Returns: (transfer full): its path, or NULL with @error */
char *phaen_evidence_copy_dir_new (GError **error);

/* Removes @which folders named phaen-evidence-<pid>-XXXXXX in @tmp_dir (NULL: g_get_tmp_dir()):
 * only real folders owned by the user (a symbolic link is never followed), with the files and
 * links directly inside them; a folder that holds a folder stays.
 * Returns: how many folders were removed */
guint phaen_evidence_copies_remove (const char *tmp_dir, PhaenEvidenceCopies which);

G_END_DECLS
