/* phaen-workspace-lock.h — one writer at a time: the lock file beside a workspace
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Who holds a workspace open for editing, as its lock file says. */
typedef struct
{
  char *user;      /* login name */
  char *real_name; /* may be empty */
  char *host;
  int pid;
  GDateTime *since; /* may be NULL in a damaged lock file */
} PhaenLockOwner;

void phaen_lock_owner_free (PhaenLockOwner *owner);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PhaenLockOwner, phaen_lock_owner_free)

/* `.~lock.NAME#` in the workspace's folder, in the spirit of LibreOffice's lock files.
 * Returns: (transfer full) */
char *phaen_lock_path_for (const char *workspace);

/* The owner recorded beside @workspace, or %NULL when there is no readable lock file.
 * Returns: (transfer full) (nullable) */
PhaenLockOwner *phaen_lock_read_owner (const char *workspace);

/* Takes the lock of @workspace for this process. A lock left by a process of this computer
 * that no longer runs is taken over; with @force any lock is. Fails with PHAEN_ERROR_LOCKED
 * naming who holds it, where and since when, or with PHAEN_ERROR_IO when the lock file cannot
 * be written (a read-only folder). @took_over (optional) says whether a lock left behind was
 * replaced. Returns: (transfer full): the token to release it with. */
char *
phaen_lock_acquire (const char *workspace, gboolean force, gboolean *took_over, GError **error);

/* Removes the lock file if it still holds @token (nobody took it over meanwhile). */
void phaen_lock_release (const char *workspace, const char *token);

G_END_DECLS
