/* phaen-pmqa-pack.c — the application's evidence files named by slot, as a folder or a ZIP
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-pmqa-pack"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "phaen-atomic-file.h"
#include "phaen-error.h"
#include "phaen-pmqa-export.h"

/* ------------------------------------------------------------------ a stored (uncompressed) ZIP
 * Evidence is PDF and DOCX, compressed already; PKWARE APPNOTE 6.3.x §4.3, names in UTF-8
 * (general purpose bit 11). */

typedef struct
{
  PhaenAtomicFile *file;
  GByteArray *directory;
  guint32 offset;
  guint16 entries;
} Zip;

static guint32
crc32_of (const guint8 *data, gsize size)
{
  static guint32 table[256];
  guint32 crc = 0xFFFFFFFF;

  if (table[1] == 0)
    for (guint32 n = 0; n < 256; n++)
      {
        guint32 c = n;

        for (int k = 0; k < 8; k++)
          c = c & 1 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
        table[n] = c;
      }
  for (gsize i = 0; i < size; i++)
    crc = table[(crc ^ data[i]) & 0xFF] ^ (crc >> 8);
  return crc ^ 0xFFFFFFFF;
}

static void
put16 (GByteArray *out, guint16 v)
{
  guint8 b[2] = { v & 0xFF, v >> 8 };

  g_byte_array_append (out, b, 2);
}

static void
put32 (GByteArray *out, guint32 v)
{
  guint8 b[4] = { v & 0xFF, (v >> 8) & 0xFF, (v >> 16) & 0xFF, v >> 24 };

  g_byte_array_append (out, b, 4);
}

/* The fixed part shared by the local header and the directory entry, from "version needed". */
static void
put_common (GByteArray *out, guint32 crc, guint32 size, guint16 name_length)
{
  put16 (out, 20);           /* version needed: 2.0 */
  put16 (out, 1 << 11);      /* UTF-8 names */
  put16 (out, 0);            /* stored */
  put16 (out, 0);            /* time */
  put16 (out, (1 << 5) | 1); /* date: 1980-01-01, files carry no meaningful date here */
  put32 (out, crc);
  put32 (out, size);
  put32 (out, size);
  put16 (out, name_length);
  put16 (out, 0); /* extra */
}

static gboolean
zip_add (Zip *zip, const char *name, GBytes *data, GError **error)
{
  gsize size = 0;
  const guint8 *bytes = g_bytes_get_data (data, &size);
  guint32 crc = crc32_of (bytes, size);
  guint16 name_length = (guint16)strlen (name);
  g_autoptr (GByteArray) local = g_byte_array_new ();

  if (size > G_MAXUINT32 - 1024 || (guint64)zip->offset + size + 1024 > G_MAXUINT32)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_EXPORT,
                   _ ("The evidence is too large for one ZIP file (4 GB): write a folder."));
      return FALSE;
    }
  put32 (local, 0x04034b50);
  put_common (local, crc, (guint32)size, name_length);
  g_byte_array_append (local, (const guint8 *)name, name_length);

  put32 (zip->directory, 0x02014b50);
  put16 (zip->directory, 20); /* made by */
  put_common (zip->directory, crc, (guint32)size, name_length);
  put16 (zip->directory, 0); /* comment */
  put16 (zip->directory, 0); /* disk */
  put16 (zip->directory, 0); /* internal attributes */
  put32 (zip->directory, 0); /* external attributes */
  put32 (zip->directory, zip->offset);
  g_byte_array_append (zip->directory, (const guint8 *)name, name_length);

  phaen_atomic_file_write (zip->file, local->data, local->len);
  phaen_atomic_file_write (zip->file, bytes, size);
  zip->offset += local->len + (guint32)size;
  zip->entries++;
  return phaen_atomic_file_check (zip->file, error);
}

static gboolean
zip_finish (Zip *zip, GError **error)
{
  g_autoptr (GByteArray) end = g_byte_array_new ();

  put32 (end, 0x06054b50);
  put16 (end, 0);
  put16 (end, 0);
  put16 (end, zip->entries);
  put16 (end, zip->entries);
  put32 (end, zip->directory->len);
  put32 (end, zip->offset);
  put16 (end, 0);
  phaen_atomic_file_write (zip->file, zip->directory->data, zip->directory->len);
  phaen_atomic_file_write (zip->file, end->data, end->len);
  return phaen_atomic_file_commit (zip->file, error);
}

/* ------------------------------------------------------------------ a folder */

static gboolean
folder_add (const char *root, const char *name, GBytes *data, GError **error)
{
  g_autofree char *path = g_build_filename (root, name, NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr (PhaenAtomicFile) file = NULL;
  gsize size = 0;
  gconstpointer bytes = g_bytes_get_data (data, &size);

  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      int saved = errno;

      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_IO, _ ("Could not create “%s”: %s"), dir,
                   g_strerror (saved));
      return FALSE;
    }
  file = phaen_atomic_file_new (path, error);
  if (file == NULL)
    return FALSE;
  phaen_atomic_file_write (file, bytes, size);
  return phaen_atomic_file_commit (file, error);
}

static gboolean
check_folder (const char *path, GError **error)
{
  g_autoptr (GDir) dir = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;
  dir = g_dir_open (path, 0, NULL);
  if (dir == NULL || g_dir_read_name (dir) != NULL)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_IO,
                   _ ("“%s” exists and is not an empty folder: choose a new folder for the "
                      "evidence."),
                   path);
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------ public API */

gboolean
phaen_pmqa_write_pack (PhaenStore *store,
                       const PhaenPmqaApplication *application,
                       const char *path,
                       int *out_files,
                       GError **error)
{
  gboolean zip_it = g_str_has_suffix (path, ".zip") || g_str_has_suffix (path, ".ZIP");
  Zip zip = { 0 };
  g_autoptr (PhaenAtomicFile) file = NULL;
  g_autoptr (GByteArray) directory = NULL;
  int files = 0;

  g_return_val_if_fail (PHAEN_IS_STORE (store), FALSE);
  g_return_val_if_fail (application != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (zip_it)
    {
      file = phaen_atomic_file_new (path, error);
      if (file == NULL)
        return FALSE;
      directory = g_byte_array_new ();
      zip = (Zip){ file, directory, 0, 0 };
    }
  else if (!check_folder (path, error))
    return FALSE;

  for (guint c = 0; c < application->categories->len; c++)
    {
      const PhaenPmqaCategoryState *cs = g_ptr_array_index (application->categories, c);

      for (guint t = 0; t < cs->topics->len; t++)
        {
          const PhaenPmqaTopicState *ts = g_ptr_array_index (cs->topics, t);

          for (guint s = 0; s < ts->sub_items->len; s++)
            {
              const PhaenPmqaSubItemState *ss = g_ptr_array_index (ts->sub_items, s);

              for (guint i = 0; i < ss->slots->len; i++)
                {
                  const PhaenPmqaAttachment *slot = g_ptr_array_index (ss->slots, i);
                  g_autofree char *name = NULL;
                  g_autoptr (GBytes) data = NULL;

                  if (slot == NULL)
                    continue;
                  data = phaen_store_pmqa_get_attachment_data (store, slot->id, error);
                  if (data == NULL)
                    return FALSE;
                  name = phaen_pmqa_slot_file_name (ss, (int)i + 1);
                  if (zip_it ? !zip_add (&zip, name, data, error)
                             : !folder_add (path, name, data, error))
                    return FALSE;
                  files++;
                }
            }
        }
    }
  if (zip_it && !zip_finish (&zip, error))
    return FALSE;
  if (!zip_it && files == 0 && g_mkdir_with_parents (path, 0755) != 0)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_IO, _ ("Could not create “%s”."), path);
      return FALSE;
    }
  if (out_files)
    *out_files = files;
  return TRUE;
}
