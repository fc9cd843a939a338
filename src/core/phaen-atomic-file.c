/* phaen-atomic-file.c — a file written beside its target and renamed over it when complete
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-atomic-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "phaen-atomic-file.h"
#include "phaen-error.h"

struct _PhaenAtomicFile
{
  char *path;
  char *temp_path; /* NULL once renamed */
  int fd;          /* -1 once closed */
  int write_errno; /* the first failed write's, or 0 */
};

/* ------------------------------------------------------------------ helpers */

static void
set_io_error (GError **error, const char *path, int saved_errno)
{
  if (saved_errno == ENOSPC || saved_errno == EFBIG || saved_errno == EDQUOT || saved_errno == EIO)
    g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_IO,
                 _ ("Could not write “%s”: the disk may be full (%s)."), path,
                 g_strerror (saved_errno));
  else
    g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_IO, _ ("Could not write “%s”: %s"), path,
                 g_strerror (saved_errno));
}

static gboolean
close_fd (PhaenAtomicFile *self)
{
  int fd = self->fd;

  self->fd = -1;
  return fd < 0 || g_close (fd, NULL);
}

/* ------------------------------------------------------------------ public API */

PhaenAtomicFile *
phaen_atomic_file_new (const char *path, GError **error)
{
  g_autoptr (PhaenAtomicFile) self = g_new0 (PhaenAtomicFile, 1);
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  name = g_strdup_printf (".%s-XXXXXX", base);
  self->path = g_strdup (path);
  self->temp_path = g_build_filename (dir, name, NULL);
  /* 0666 less the umask, as for any file the user makes. */
  self->fd = g_mkstemp_full (self->temp_path, O_RDWR | O_CLOEXEC, 0666);
  if (self->fd < 0)
    {
      set_io_error (error, path, errno);
      g_clear_pointer (&self->temp_path, g_free);
      return NULL;
    }
  return g_steal_pointer (&self);
}

const char *
phaen_atomic_file_get_temp_path (PhaenAtomicFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->temp_path;
}

gboolean
phaen_atomic_file_write (PhaenAtomicFile *self, gconstpointer data, gsize size)
{
  const guint8 *bytes = data;

  g_return_val_if_fail (self != NULL && self->fd >= 0, FALSE);

  while (size > 0 && self->write_errno == 0)
    {
      gssize written = write (self->fd, bytes, size);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        self->write_errno = written < 0 ? errno : ENOSPC;
      else
        bytes += written, size -= written;
    }
  return self->write_errno == 0;
}

gboolean
phaen_atomic_file_check (PhaenAtomicFile *self, GError **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->write_errno == 0)
    return TRUE;
  set_io_error (error, self->path, self->write_errno);
  return FALSE;
}

gboolean
phaen_atomic_file_commit (PhaenAtomicFile *self, GError **error)
{
  g_return_val_if_fail (self != NULL && self->temp_path != NULL, FALSE);

  if (!phaen_atomic_file_check (self, error))
    return FALSE;
  /* A full disk may only show when the data reaches it (delayed allocation, NFS). */
  if (fsync (self->fd) != 0 || !close_fd (self))
    {
      set_io_error (error, self->path, errno);
      return FALSE;
    }
  if (g_rename (self->temp_path, self->path) != 0)
    {
      set_io_error (error, self->path, errno);
      return FALSE;
    }
  g_clear_pointer (&self->temp_path, g_free);
  return TRUE;
}

void
phaen_atomic_file_free (PhaenAtomicFile *self)
{
  if (self == NULL)
    return;
  close_fd (self);
  if (self->temp_path != NULL)
    g_unlink (self->temp_path);
  g_free (self->temp_path);
  g_free (self->path);
  g_free (self);
}
