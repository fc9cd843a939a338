/* test-evidence.c — which evidence links open, and the removal of evidence-copy folders
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-test-evidence"

#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include "phaen-evidence-copy.h"
#include "phaen-evidence-link.h"
#include "test-util.h"

/* ------------------------------------------------------------------ links */

static void
test_url_is_safe (void)
{
  static const struct
  {
    const char *url;
    gboolean safe;
  } cases[] = {
    { "https://www.opdc.go.th/content/Mjg0", TRUE },
    { "http://example.org", TRUE },
    { "HTTPS://EXAMPLE.ORG/a?b=c#d", TRUE },
    { "  https://example.org/x  ", TRUE },
    { "mailto:saraban@opdc.go.th", TRUE },
    { "MailTo:someone@example.org?subject=KPI", TRUE },
    { "file:///etc/passwd", FALSE },
    { "FILE:///home/user/.ssh/id_rsa", FALSE },
    { "javascript:alert(1)", FALSE },
    { "JavaScript:alert(1)", FALSE },
    { "data:text/html,<script>alert(1)</script>", FALSE },
    { "phaenpoc://run?x=1", FALSE },
    { "smb://server/share", FALSE },
    { "ftp://example.org/file", FALSE },
    { "https://", FALSE },
    { "http:///path-only", FALSE },
    { "mailto:", FALSE },
    { "ไดรฟ์กลาง/ผลงาน", FALSE },
    { "/home/user/evidence.pdf", FALSE },
    { "www.opdc.go.th", FALSE },
    { "", FALSE },
    { NULL, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].url != NULL ? cases[i].url : "(null)");
      g_assert_cmpint (phaen_evidence_url_is_safe (cases[i].url), ==, cases[i].safe);
    }
}

/* ------------------------------------------------------------------ copies */

static char *
make_folder (const char *parent, const char *name)
{
  char *path = g_build_filename (parent, name, NULL);

  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  return path;
}

static void
put_file (const char *dir, const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, "evidence", -1, &error);
  g_assert_no_error (error);
}

static void
test_copies_remove (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("phaen-test-evidence-XXXXXX", &error);
  g_autofree char *outside = NULL;
  g_autofree char *outside_file = NULL;
  g_autofree char *stale_name =
    g_strdup_printf ("phaen-evidence-%ld-a1B2c3", (long)test_dead_pid ());
  g_autofree char *ours_name = g_strdup_printf ("phaen-evidence-%ld-Zz9yX8", (long)getpid ());
  g_autofree char *nested_name =
    g_strdup_printf ("phaen-evidence-%ld-nested", (long)test_dead_pid ());
  g_autofree char *link_name =
    g_strdup_printf ("phaen-evidence-%ld-linkto", (long)test_dead_pid ());
  g_autofree char *stale = NULL;
  g_autofree char *ours = NULL;
  g_autofree char *nested = NULL;
  g_autofree char *inner = NULL;
  g_autofree char *other = NULL;
  g_autofree char *link = NULL;
  g_autofree char *file_link = NULL;

  g_assert_no_error (error);
  outside = make_folder (tmp, "outside");
  put_file (outside, "keep.txt");
  outside_file = g_build_filename (outside, "keep.txt", NULL);

  /* A stale folder with a file and a link to a file outside: both go, the target stays. */
  stale = make_folder (tmp, stale_name);
  put_file (stale, "report.pdf");
  file_link = g_build_filename (stale, "link", NULL);
  g_assert_cmpint (symlink (outside_file, file_link), ==, 0);
  /* This process's folder. */
  ours = make_folder (tmp, ours_name);
  put_file (ours, "open.xlsx");
  /* A stale folder holding a folder: removal does not go deeper, so it stays. */
  nested = make_folder (tmp, nested_name);
  inner = make_folder (nested, "inner");
  put_file (inner, "deep.txt");
  /* Names that are not ours. */
  other = make_folder (tmp, "phaen-evidence-notapid");
  put_file (tmp, "phaen-evidence-1-abcdef");
  /* A link named like a stale folder, to a folder elsewhere: never followed. */
  link = g_build_filename (tmp, link_name, NULL);
  g_assert_cmpint (symlink (outside, link), ==, 0);

  g_assert_cmpuint (phaen_evidence_copies_remove (tmp, PHAEN_EVIDENCE_COPIES_STALE), ==, 1);
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (outside_file, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (ours, G_FILE_TEST_IS_DIR));
  g_assert_true (g_file_test (nested, G_FILE_TEST_IS_DIR));
  g_assert_true (g_file_test (inner, G_FILE_TEST_IS_DIR));
  g_assert_true (g_file_test (other, G_FILE_TEST_IS_DIR));
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));

  g_assert_cmpuint (phaen_evidence_copies_remove (tmp, PHAEN_EVIDENCE_COPIES_OURS), ==, 1);
  g_assert_false (g_file_test (ours, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (outside_file, G_FILE_TEST_IS_REGULAR));

  /* Clean up what the test made. */
  g_unlink (link);
  g_unlink (outside_file);
  g_rmdir (outside);
  {
    g_autofree char *deep = g_build_filename (inner, "deep.txt", NULL);
    g_autofree char *plain = g_build_filename (tmp, "phaen-evidence-1-abcdef", NULL);

    g_unlink (deep);
    g_unlink (plain);
  }
  g_rmdir (inner);
  g_rmdir (nested);
  g_rmdir (other);
  g_assert_cmpint (g_rmdir (tmp), ==, 0);
}

static void
test_copy_dir_named_after_process (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = phaen_evidence_copy_dir_new (&error);
  g_autofree char *base = NULL;
  g_autofree char *prefix = g_strdup_printf ("phaen-evidence-%ld-", (long)getpid ());

  g_assert_no_error (error);
  base = g_path_get_basename (dir);
  g_assert_true (g_str_has_prefix (base, prefix));
  g_assert_cmpuint (strlen (base), ==, strlen (prefix) + 6);
  g_assert_true (g_file_test (dir, G_FILE_TEST_IS_DIR));
  g_assert_cmpuint (phaen_evidence_copies_remove (NULL, PHAEN_EVIDENCE_COPIES_OURS), >=, 1);
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/evidence/url/is-safe", test_url_is_safe);
  g_test_add_func ("/evidence/copies/remove", test_copies_remove);
  g_test_add_func ("/evidence/copies/named-after-process", test_copy_dir_named_after_process);
  return g_test_run ();
}
