/* test-store-full.c — a full disk: the failing edit says so, nothing saved before it is lost
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <sqlite3.h>
#include <string.h>

#include "phaen-error.h"
#include "phaen-store.h"
#include "test-util.h"

/* ------------------------------------------------------------------ a disk that fills up */

/* The default SQLite VFS wrapped so that, once the disk is "full", no file can grow: a write or
 * truncate past a file's end fails with SQLITE_FULL, which is what the unix VFS returns for
 * ENOSPC. Writes inside a file still succeed, as on a real full disk. The store opens its files
 * through the default VFS, so it runs unchanged on top of this one. */
typedef struct
{
  sqlite3_file base;
  sqlite3_file *real; /* the wrapped VFS's file, allocated right after this struct */
} FullFile;

static sqlite3_vfs *real_vfs;
static sqlite3_vfs full_vfs;
static gboolean disk_full;
static guint refused_writes;

#define REAL(f) (((FullFile *)(f))->real)

static gboolean
would_grow (sqlite3_file *file, sqlite3_int64 end)
{
  sqlite3_int64 size = 0;

  if (!disk_full || REAL (file)->pMethods->xFileSize (REAL (file), &size) != SQLITE_OK)
    return FALSE;
  if (end <= size)
    return FALSE;
  refused_writes++;
  return TRUE;
}

static int
full_close (sqlite3_file *file)
{
  return REAL (file)->pMethods->xClose (REAL (file));
}

static int
full_read (sqlite3_file *file, void *buffer, int amount, sqlite3_int64 offset)
{
  return REAL (file)->pMethods->xRead (REAL (file), buffer, amount, offset);
}

static int
full_write (sqlite3_file *file, const void *buffer, int amount, sqlite3_int64 offset)
{
  if (would_grow (file, offset + amount))
    return SQLITE_FULL;
  return REAL (file)->pMethods->xWrite (REAL (file), buffer, amount, offset);
}

static int
full_truncate (sqlite3_file *file, sqlite3_int64 size)
{
  if (would_grow (file, size))
    return SQLITE_FULL;
  return REAL (file)->pMethods->xTruncate (REAL (file), size);
}

static int
full_sync (sqlite3_file *file, int flags)
{
  return REAL (file)->pMethods->xSync (REAL (file), flags);
}

static int
full_file_size (sqlite3_file *file, sqlite3_int64 *size)
{
  return REAL (file)->pMethods->xFileSize (REAL (file), size);
}

static int
full_lock (sqlite3_file *file, int lock)
{
  return REAL (file)->pMethods->xLock (REAL (file), lock);
}

static int
full_unlock (sqlite3_file *file, int lock)
{
  return REAL (file)->pMethods->xUnlock (REAL (file), lock);
}

static int
full_check_reserved_lock (sqlite3_file *file, int *out)
{
  return REAL (file)->pMethods->xCheckReservedLock (REAL (file), out);
}

static int
full_file_control (sqlite3_file *file, int op, void *arg)
{
  return REAL (file)->pMethods->xFileControl (REAL (file), op, arg);
}

static int
full_sector_size (sqlite3_file *file)
{
  return REAL (file)->pMethods->xSectorSize (REAL (file));
}

static int
full_device_characteristics (sqlite3_file *file)
{
  return REAL (file)->pMethods->xDeviceCharacteristics (REAL (file));
}

static int
full_shm_map (sqlite3_file *file, int region, int size, int extend, void volatile **out)
{
  return REAL (file)->pMethods->xShmMap (REAL (file), region, size, extend, out);
}

static int
full_shm_lock (sqlite3_file *file, int offset, int n, int flags)
{
  return REAL (file)->pMethods->xShmLock (REAL (file), offset, n, flags);
}

static void
full_shm_barrier (sqlite3_file *file)
{
  REAL (file)->pMethods->xShmBarrier (REAL (file));
}

static int
full_shm_unmap (sqlite3_file *file, int delete_flag)
{
  return REAL (file)->pMethods->xShmUnmap (REAL (file), delete_flag);
}

static int
full_fetch (sqlite3_file *file, sqlite3_int64 offset, int amount, void **out)
{
  return REAL (file)->pMethods->xFetch (REAL (file), offset, amount, out);
}

static int
full_unfetch (sqlite3_file *file, sqlite3_int64 offset, void *page)
{
  return REAL (file)->pMethods->xUnfetch (REAL (file), offset, page);
}

static const sqlite3_io_methods full_io_methods = {
  3,
  full_close,
  full_read,
  full_write,
  full_truncate,
  full_sync,
  full_file_size,
  full_lock,
  full_unlock,
  full_check_reserved_lock,
  full_file_control,
  full_sector_size,
  full_device_characteristics,
  full_shm_map,
  full_shm_lock,
  full_shm_barrier,
  full_shm_unmap,
  full_fetch,
  full_unfetch,
};

static int
full_open (sqlite3_vfs *vfs, const char *name, sqlite3_file *file, int flags, int *out_flags)
{
  FullFile *full = (FullFile *)file;
  int rc;

  full->real = (sqlite3_file *)&full[1];
  rc = real_vfs->xOpen (real_vfs, name, full->real, flags, out_flags);
  full->base.pMethods = full->real->pMethods ? &full_io_methods : NULL;
  return rc;
}

static void
install_full_vfs (void)
{
  real_vfs = sqlite3_vfs_find (NULL);
  g_assert_nonnull (real_vfs);
  g_assert_cmpint (real_vfs->iVersion, >=, 3);
  full_vfs = *real_vfs;
  full_vfs.pNext = NULL;
  full_vfs.zName = "phaen-test-full";
  full_vfs.szOsFile = (int)sizeof (FullFile) + real_vfs->szOsFile;
  full_vfs.xOpen = full_open;
  g_assert_cmpint (sqlite3_vfs_register (&full_vfs, 1), ==, SQLITE_OK);
}

/* ------------------------------------------------------------------ helpers */

static GBytes *
random_bytes (gsize size)
{
  guint8 *data = g_malloc (size);

  /* Random, so that nothing about the file is smaller than its size. */
  for (gsize i = 0; i < size; i++)
    data[i] = g_random_int_range (0, 256);
  return g_bytes_new_take (data, size);
}

/* The file of quarter 1 and the link of quarter 2, nothing else. */
static void
assert_saved (PhaenStore *store, gint64 indicator, GBytes *kept)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) units = phaen_store_list_units (store, &error);
  g_autoptr (GPtrArray) files = NULL;
  g_autoptr (GPtrArray) links = NULL;
  g_autoptr (GBytes) data = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (units->len, ==, 1);
  files = phaen_store_list_evidence (store, indicator, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (files->len, ==, 1);
  data = phaen_store_get_evidence_data (store, ((PhaenEvidence *)files->pdata[0])->id, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (data, kept));
  links = phaen_store_list_evidence (store, indicator, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (links->len, ==, 1);
  g_assert_cmpstr (((PhaenEvidence *)links->pdata[0])->url, ==, "https://example.org/q2");
}

static void
assert_full (PhaenStore *store, gint64 indicator, GBytes *lost)
{
  g_autoptr (GError) error = NULL;
  guint refused = refused_writes;

  g_assert_cmpint (
    phaen_store_add_evidence_file (store, indicator, 3, "หลัง.bin", NULL, lost, &error), ==, 0);
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "disk is full"));
  g_assert_cmpuint (refused_writes, >, refused);
}

/* ------------------------------------------------------------------ tests */

static void
test_disk_full (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr (PhaenStore) store = test_workspace_new ("t.phaen", &dir);
  g_autofree char *path = g_strdup (phaen_store_get_path (store));
  g_autoptr (GBytes) kept = random_bytes (256 * 1024);
  g_autoptr (GBytes) lost = random_bytes (1024 * 1024);
  g_autofree char *undo_label = NULL;
  gint64 unit, indicator;

  unit = phaen_store_add_unit (store, "สตป.", "สำนักตรวจสอบและประเมินผล", 0, &error);
  g_assert_no_error (error);
  g_assert_true (phaen_store_add_fiscal_year (store, 2564, &error));
  g_assert_no_error (error);
  indicator = phaen_store_add_indicator (store, unit, 2564, "สตป. 02", "หน่วยรับตรวจ", &error);
  g_assert_no_error (error);
  /* Saved before the disk fills up. */
  g_assert_cmpint (
    phaen_store_add_evidence_file (store, indicator, 1, "ก่อน.bin", NULL, kept, &error), >, 0);
  g_assert_no_error (error);
  undo_label = g_strdup (phaen_store_get_undo_label (store));

  disk_full = TRUE;
  assert_full (store, indicator, lost);
  /* The failed edit left no undo step and no trace. */
  g_assert_cmpstr (phaen_store_get_undo_label (store), ==, undo_label);

  /* Space freed, the same session goes on: its next edit is saved normally. */
  disk_full = FALSE;
  g_assert_cmpint (
    phaen_store_add_evidence_url (store, indicator, 2, NULL, "https://example.org/q2", &error), >,
    0);
  g_assert_no_error (error);
  assert_saved (store, indicator, kept);

  disk_full = TRUE;
  assert_full (store, indicator, lost);
  assert_saved (store, indicator, kept);

  /* Closing and opening again on the full disk: nothing more can be written (the session
   * marker, the journal), yet the workspace opens and holds everything saved. */
  g_clear_object (&store);
  store = phaen_store_open (path, &error);
  g_assert_no_error (error);
  assert_saved (store, indicator, kept);
  g_clear_object (&store);

  /* Space again: everything is there and the workspace takes edits. */
  disk_full = FALSE;
  store = phaen_store_open (path, &error);
  g_assert_no_error (error);
  assert_saved (store, indicator, kept);
  g_assert_cmpint (
    phaen_store_add_evidence_file (store, indicator, 3, "หลัง.bin", NULL, lost, &error), >, 0);
  g_assert_no_error (error);
  test_workspace_close (&store, &dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  install_full_vfs ();

  g_test_add_func ("/store/full/disk", test_disk_full);
  return g_test_run ();
}
