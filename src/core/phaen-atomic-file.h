/* phaen-atomic-file.h — a file written beside its target and renamed over it when complete
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What every exporter does so that a full disk, a crash or a cancel never leaves a truncated
 * file where the previous one was: write to a hidden temporary file in the same folder, fsync
 * it, rename it over the target; on any failure remove it and keep the old file as it was. */
typedef struct _PhaenAtomicFile PhaenAtomicFile;

/**
 * phaen_atomic_file_new:
 * @path: the file to write in the end; nothing is done to it until the commit
 *
 * Creates `.NAME-XXXXXX` beside @path.
 *
 * Returns: (transfer full) (nullable): %NULL with PHAEN_ERROR_IO naming @path
 */
PhaenAtomicFile *phaen_atomic_file_new (const char *path, GError **error);

/* The temporary file, for writers that open files by name (libxlsxwriter).
 * Returns: (transfer none) */
const char *phaen_atomic_file_get_temp_path (PhaenAtomicFile *self);

/* Appends @size bytes. After a failure (a full disk) this and every later write return FALSE
 * and phaen_atomic_file_check() and the commit report it. */
gboolean phaen_atomic_file_write (PhaenAtomicFile *self, gconstpointer data, gsize size);

/* FALSE with PHAEN_ERROR_IO, naming the target and saying the disk may be full, after a failed
 * write. */
gboolean phaen_atomic_file_check (PhaenAtomicFile *self, GError **error);

/* Flushes the data to the disk, closes the file and renames it over the target. On failure
 * (PHAEN_ERROR_IO) the temporary file is removed and the target left as it was. */
gboolean phaen_atomic_file_commit (PhaenAtomicFile *self, GError **error);

/* Removes the temporary file unless it was committed. */
void phaen_atomic_file_free (PhaenAtomicFile *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PhaenAtomicFile, phaen_atomic_file_free)

G_END_DECLS
