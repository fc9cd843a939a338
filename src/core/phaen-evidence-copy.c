/* phaen-evidence-copy.c — the private folders that hold copies of evidence files while a viewer
 * shows them, and their removal
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-evidence-copy"

#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include "phaen-evidence-copy.h"

#define PREFIX "phaen-evidence-"

/* ------------------------------------------------------------------ helpers */

/* The process id in a name phaen-evidence-<pid>-XXXXXX (what g_dir_make_tmp() makes of the
 * template), or 0 when @name is not one. */
static pid_t
owner_of (const char *name)
{
  const char *p = name + strlen (PREFIX);
  const char *digits = p;
  guint64 pid = 0;

  if (!g_str_has_prefix (name, PREFIX))
    return 0;
  while (g_ascii_isdigit (*p) && p - digits < 10)
    pid = pid * 10 + (guint64)(*p++ - '0');
  if (p == digits || *p != '-' || pid == 0 || pid > G_MAXINT32)
    return 0;
  p++;
  if (strlen (p) != 6)
    return 0;
  for (; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p))
      return 0;
  return (pid_t)pid;
}

static gboolean
is_running (pid_t pid)
{
  return pid == getpid () || kill (pid, 0) == 0 || errno != ESRCH;
}

/* Removes the folder @name of @tmp_fd with the files and links directly in it. The folder is
 * opened without following a link and checked to belong to the user before anything goes. */
static gboolean
remove_folder (int tmp_fd, const char *name)
{
  int fd = openat (tmp_fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  struct stat st;
  DIR *dir;
  struct dirent *entry;

  if (fd < 0)
    return FALSE;
  if (fstat (fd, &st) != 0 || !S_ISDIR (st.st_mode) || st.st_uid != getuid ())
    {
      close (fd);
      return FALSE;
    }
  dir = fdopendir (fd);
  if (dir == NULL)
    {
      close (fd);
      return FALSE;
    }
  while ((entry = readdir (dir)) != NULL)
    {
      struct stat child;

      if (g_str_equal (entry->d_name, ".") || g_str_equal (entry->d_name, ".."))
        continue;
      if (fstatat (fd, entry->d_name, &child, AT_SYMLINK_NOFOLLOW) != 0 || S_ISDIR (child.st_mode))
        continue;
      if (unlinkat (fd, entry->d_name, 0) != 0)
        g_debug ("%s/%s stays: %s", name, entry->d_name, g_strerror (errno));
    }
  closedir (dir);
  return unlinkat (tmp_fd, name, AT_REMOVEDIR) == 0;
}

/* ------------------------------------------------------------------ public API */

char *
phaen_evidence_copy_dir_new (GError **error)
{
  g_autofree char *template = g_strdup_printf (PREFIX "%ld-XXXXXX", (long)getpid ());

  return g_dir_make_tmp (template, error);
}

guint
phaen_evidence_copies_remove (const char *tmp_dir, PhaenEvidenceCopies which)
{
  int tmp_fd;
  DIR *dir;
  struct dirent *entry;
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  guint removed = 0;

  if (tmp_dir == NULL)
    tmp_dir = g_get_tmp_dir ();
  tmp_fd = open (tmp_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (tmp_fd < 0)
    return 0;
  dir = fdopendir (dup (tmp_fd));
  while (dir != NULL && (entry = readdir (dir)) != NULL)
    {
      pid_t pid = owner_of (entry->d_name);

      if (pid == 0)
        continue;
      if (which == PHAEN_EVIDENCE_COPIES_OURS ? pid == getpid () : !is_running (pid))
        g_ptr_array_add (names, g_strdup (entry->d_name));
    }
  if (dir != NULL)
    closedir (dir);
  for (guint i = 0; i < names->len; i++)
    removed += remove_folder (tmp_fd, g_ptr_array_index (names, i));
  close (tmp_fd);
  return removed;
}
