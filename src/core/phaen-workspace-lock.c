/* phaen-workspace-lock.c — one writer at a time: the lock file beside a workspace
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SQLite's own locks cannot say who holds a file, and on a shared drive they may not reach the
 * other computer at all. So, like LibreOffice's `.~lock.NAME#`, a writer leaves a small text
 * file beside the workspace: who, on which computer, which process, since when. It is created
 * with O_EXCL (atomic on local disks, NFSv3+ and SMB), and removed when the writer closes. A
 * writer killed by a crash leaves it behind: a lock from this computer whose process no longer
 * runs is taken over; one from another computer is shown to the user, who may override it. */
#define G_LOG_DOMAIN "phaen-lock"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "phaen-calendar.h"
#include "phaen-error.h"
#include "phaen-workspace-lock.h"

#define LOCK_MAGIC "Phaen workspace lock"
/* A lock file is a few lines; anything longer is not ours. */
#define LOCK_MAX_SIZE 4096

void
phaen_lock_owner_free (PhaenLockOwner *owner)
{
  if (owner == NULL)
    return;
  g_free (owner->user);
  g_free (owner->real_name);
  g_free (owner->host);
  g_clear_pointer (&owner->since, g_date_time_unref);
  g_free (owner);
}

char *
phaen_lock_path_for (const char *workspace)
{
  g_autofree char *dir = g_path_get_dirname (workspace);
  g_autofree char *base = g_path_get_basename (workspace);
  g_autofree char *name = g_strdup_printf (".~lock.%s#", base);

  return g_build_filename (dir, name, NULL);
}

/* A value of the lock file without line breaks, so a name cannot forge another field. */
static char *
one_line (const char *text)
{
  char *line = g_utf8_make_valid (text ? text : "", -1);

  g_strdelimit (line, "\r\n", ' ');
  return line;
}

static char *
make_token (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *since = g_date_time_format_iso8601 (now);
  g_autofree char *user = one_line (g_get_user_name ());
  g_autofree char *real_name = one_line (g_get_real_name ());
  g_autofree char *host = one_line (g_get_host_name ());
  g_autofree char *nonce = g_uuid_string_random ();

  return g_strdup_printf (LOCK_MAGIC "\nuser=%s\nname=%s\nhost=%s\npid=%d\nsince=%s\nnonce=%s\n",
                          user, real_name, host, (int)getpid (), since, nonce);
}

static char *
read_lock (const char *lock_path)
{
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_test (lock_path, G_FILE_TEST_IS_REGULAR) ||
      !g_file_get_contents (lock_path, &contents, &length, NULL))
    return NULL;
  if (length > LOCK_MAX_SIZE || !g_utf8_validate (contents, length, NULL) ||
      strlen (contents) != length)
    {
      g_free (contents);
      return g_strdup ("");
    }
  return contents;
}

static void
replace_str (char **field, const char *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

static PhaenLockOwner *
parse_owner (const char *contents)
{
  g_auto (GStrv) lines = g_strsplit (contents, "\n", -1);
  PhaenLockOwner *owner = g_new0 (PhaenLockOwner, 1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      const char *value = strchr (line, '=');

      if (value == NULL)
        continue;
      value++;
      if (g_str_has_prefix (line, "user="))
        replace_str (&owner->user, value);
      else if (g_str_has_prefix (line, "name="))
        replace_str (&owner->real_name, value);
      else if (g_str_has_prefix (line, "host="))
        replace_str (&owner->host, value);
      else if (g_str_has_prefix (line, "pid="))
        owner->pid = (int)g_ascii_strtoll (value, NULL, 10);
      else if (g_str_has_prefix (line, "since="))
        {
          g_clear_pointer (&owner->since, g_date_time_unref);
          owner->since = g_date_time_new_from_iso8601 (value, NULL);
        }
    }
  if (owner->user == NULL)
    owner->user = g_strdup ("");
  if (owner->real_name == NULL)
    owner->real_name = g_strdup ("");
  if (owner->host == NULL)
    owner->host = g_strdup ("");
  return owner;
}

PhaenLockOwner *
phaen_lock_read_owner (const char *workspace)
{
  g_autofree char *lock_path = phaen_lock_path_for (workspace);
  g_autofree char *contents = read_lock (lock_path);

  return contents ? parse_owner (contents) : NULL;
}

/* A lock is stale when it was left on this computer by a process that no longer runs. */
static gboolean
owner_is_gone (const PhaenLockOwner *owner)
{
  if (owner->pid <= 0 || !g_str_equal (owner->host, g_get_host_name ()))
    return FALSE;
  return kill (owner->pid, 0) != 0 && errno == ESRCH;
}

/* "somchai (สมชาย ใจดี)" or "somchai". */
static char *
describe_who (const PhaenLockOwner *owner)
{
  if (owner->real_name[0] != '\0' && !g_str_equal (owner->real_name, "Unknown") &&
      !g_str_equal (owner->real_name, owner->user))
    return g_strdup_printf ("%s (%s)", owner->real_name, owner->user);
  return g_strdup (owner->user[0] ? owner->user : _ ("someone"));
}

/* "7 ธ.ค. 69 08:15" in local time, BE year. */
static char *
describe_since (const PhaenLockOwner *owner)
{
  g_autoptr (GDateTime) local = NULL;
  g_autofree char *day = NULL;
  GDate date;

  if (owner->since == NULL)
    return g_strdup (_ ("an unknown time"));
  local = g_date_time_to_local (owner->since);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
  day = phaen_date_label (&date, PHAEN_DATE_SHORT);
  return g_strdup_printf ("%s %02d:%02d", day, g_date_time_get_hour (local),
                          g_date_time_get_minute (local));
}

static void
set_locked_error (const char *workspace, const char *contents, GError **error)
{
  g_autoptr (PhaenLockOwner) owner = parse_owner (contents);
  g_autofree char *base = g_path_get_basename (workspace);
  g_autofree char *who = describe_who (owner);
  g_autofree char *since = describe_since (owner);

  g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_LOCKED,
               _ ("“%s” is open for editing by %s on the computer “%s” since %s. It can be opened "
                  "read-only until they close it."),
               base, who, owner->host[0] ? owner->host : "?", since);
}

/* Creates the lock file with @token; FALSE with errno set when it exists or cannot be made. */
static gboolean
create_exclusive (const char *lock_path, const char *token)
{
  size_t length = strlen (token);
  int fd = g_open (lock_path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0644);
  gboolean ok;
  int saved_errno;

  if (fd < 0)
    return FALSE;
  ok = write (fd, token, length) == (ssize_t)length && fsync (fd) == 0;
  saved_errno = errno;
  close (fd);
  if (!ok)
    {
      g_unlink (lock_path);
      errno = saved_errno;
    }
  return ok;
}

char *
phaen_lock_acquire (const char *workspace, gboolean force, gboolean *took_over, GError **error)
{
  g_autofree char *lock_path = NULL;
  g_autofree char *token = NULL;

  g_return_val_if_fail (workspace != NULL, NULL);

  lock_path = phaen_lock_path_for (workspace);
  token = make_token ();
  if (took_over != NULL)
    *took_over = FALSE;
  /* Two tries: the second after removing a stale or overridden lock. */
  for (int attempt = 0; attempt < 2; attempt++)
    {
      g_autofree char *contents = NULL;
      g_autoptr (PhaenLockOwner) owner = NULL;

      if (create_exclusive (lock_path, token))
        return g_steal_pointer (&token);
      if (errno != EEXIST)
        {
          int saved_errno = errno;
          g_autofree char *base = g_path_get_basename (workspace);

          g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_IO,
                       _ ("“%s” cannot be opened for editing: its folder cannot be written (%s)."),
                       base, g_strerror (saved_errno));
          return NULL;
        }
      contents = read_lock (lock_path);
      if (contents == NULL) /* removed meanwhile */
        continue;
      owner = parse_owner (contents);
      if (!force && !owner_is_gone (owner))
        {
          set_locked_error (workspace, contents, error);
          return NULL;
        }
      g_unlink (lock_path);
      if (took_over != NULL)
        *took_over = TRUE;
    }
  {
    g_autofree char *contents = read_lock (lock_path);

    set_locked_error (workspace, contents ? contents : "", error);
  }
  return NULL;
}

void
phaen_lock_release (const char *workspace, const char *token)
{
  g_autofree char *lock_path = NULL;
  g_autofree char *contents = NULL;

  if (workspace == NULL || token == NULL)
    return;
  lock_path = phaen_lock_path_for (workspace);
  contents = read_lock (lock_path);
  if (contents != NULL && g_str_equal (contents, token))
    g_unlink (lock_path);
}
