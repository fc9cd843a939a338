/* fuzz-driver.c — runs a libFuzzer harness without libFuzzer: every seed, then mutations
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-fuzz"

#include <glib.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz-harness.h"

/* A smoke run for `meson test`: every file of the seed folders given on the command line, then
 * --mutations inputs made from them by byte flips, truncations, insertions and splices drawn from
 * a fixed seed, so a failure found here is found again by the same command. The real search is
 * the libFuzzer build (README.md). */

#define FUZZ_MAX_INPUT 65536

static const guint8 interesting[] = { 0x00, 0xff, 0x7f, 0x80, '0', '9', ',', '.', '-',  '%',
                                      '/',  ' ',  '"',  '{',  '}', '[', ']', ':', '\n', 0xe0 };

static void
add_file (GPtrArray *seeds, const char *path)
{
  g_autoptr (GError) error = NULL;
  char *contents;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &error))
    g_error ("%s", error->message);
  g_ptr_array_add (seeds, g_bytes_new_take (contents, length));
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *)a, *(const char *const *)b);
}

static void
add_path (GPtrArray *seeds, const char *path)
{
  g_autoptr (GDir) dir = NULL;
  g_autoptr (GPtrArray) names = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      add_file (seeds, path);
      return;
    }
  dir = g_dir_open (path, 0, NULL);
  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_build_filename (path, name, NULL));
  /* The compare function gets pointers to the elements, not the strings. */
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    add_file (seeds, g_ptr_array_index (names, i));
}

static void
insert_bytes (GByteArray *input, guint at, const guint8 *bytes, guint n)
{
  guint old_len = input->len;

  if (old_len + n > FUZZ_MAX_INPUT)
    return;
  g_byte_array_set_size (input, old_len + n);
  memmove (input->data + at + n, input->data + at, old_len - at);
  memcpy (input->data + at, bytes, n);
}

static void
mutate_once (GByteArray *input, GRand *rand, GPtrArray *seeds)
{
  guint len = input->len;
  guint at = len ? g_rand_int_range (rand, 0, len) : 0;

  switch (g_rand_int_range (rand, 0, 6))
    {
    case 0: /* flip a bit */
      if (len)
        input->data[at] ^= 1u << g_rand_int_range (rand, 0, 8);
      break;
    case 1: /* an interesting byte */
      if (len)
        input->data[at] = interesting[g_rand_int_range (rand, 0, G_N_ELEMENTS (interesting))];
      break;
    case 2: /* truncate */
      g_byte_array_set_size (input, at);
      break;
    case 3: /* insert random bytes */
      {
        guint8 bytes[8];
        guint n = g_rand_int_range (rand, 1, G_N_ELEMENTS (bytes) + 1);

        for (guint i = 0; i < n; i++)
          bytes[i] = g_rand_int_range (rand, 0, 256);
        insert_bytes (input, at, bytes, n);
      }
      break;
    case 4: /* delete a run */
      if (len)
        g_byte_array_remove_range (input, at, g_rand_int_range (rand, 1, MIN (len - at, 16) + 1));
      break;
    default: /* splice in a piece of another seed */
      {
        GBytes *other = g_ptr_array_index (seeds, g_rand_int_range (rand, 0, seeds->len));
        gsize other_len;
        const guint8 *other_data = g_bytes_get_data (other, &other_len);

        if (other_len)
          {
            guint from = g_rand_int_range (rand, 0, other_len);
            /* Drawn once: MIN() evaluates its arguments twice. */
            guint want = g_rand_int_range (rand, 1, 33);
            guint n = MIN (other_len - from, want);

            insert_bytes (input, at, other_data + from, n);
          }
      }
      break;
    }
}

static void
run (const guint8 *data, gsize size)
{
  /* A copy of exactly @size bytes, so that reading past the end is caught by valgrind/ASan;
   * never NULL, as libFuzzer never passes NULL either. */
  g_autofree guint8 *copy = g_malloc (MAX (size, 1));

  if (size > 0)
    memcpy (copy, data, size);

  LLVMFuzzerTestOneInput (copy, size);
}

int
main (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new ("SEED-DIR-OR-FILE…");
  g_autoptr (GPtrArray) seeds = g_ptr_array_new_with_free_func ((GDestroyNotify)g_bytes_unref);
  g_autoptr (GError) error = NULL;
  g_autoptr (GRand) rand = NULL;
  int mutations = 2000;
  int seed = 20240101;
  const GOptionEntry entries[] = {
    { "mutations", 'n', 0, G_OPTION_ARG_INT, &mutations, "Mutated inputs to run", "N" },
    { "seed", 's', 0, G_OPTION_ARG_INT, &seed, "Random seed", "S" },
    { NULL },
  };

  /* A critical in the core is a finding too, as it is under G_DEBUG=fatal-criticals. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING | G_LOG_FATAL_MASK);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);
  if (LLVMFuzzerInitialize != NULL)
    LLVMFuzzerInitialize (&argc, &argv);
  for (int i = 1; i < argc; i++)
    add_path (seeds, argv[i]);
  if (seeds->len == 0)
    g_ptr_array_add (seeds, g_bytes_new ("", 0));

  for (guint i = 0; i < seeds->len; i++)
    {
      gsize size;
      const guint8 *data = g_bytes_get_data (g_ptr_array_index (seeds, i), &size);

      run (data, size);
    }

  rand = g_rand_new_with_seed (seed);
  for (int i = 0; i < mutations; i++)
    {
      GBytes *seed_bytes = g_ptr_array_index (seeds, g_rand_int_range (rand, 0, seeds->len));
      g_autoptr (GByteArray) input = g_byte_array_new ();
      gsize size;
      const guint8 *data = g_bytes_get_data (seed_bytes, &size);
      guint n_steps = g_rand_int_range (rand, 1, 5);

      g_byte_array_append (input, data, MIN (size, FUZZ_MAX_INPUT));
      for (guint step = 0; step < n_steps; step++)
        mutate_once (input, rand, seeds);
      run (input->data, input->len);
    }
  g_print ("%u seeds and %d mutations ran\n", seeds->len, mutations);
  return EXIT_SUCCESS;
}
