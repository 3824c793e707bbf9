/* test-fuzz-regressions.c
 *
 * Runs the seeds and every input kept under tests/fuzz/regressions/TARGET/
 * (each once found a crash) through the fuzz targets, in the normal and the
 * sanitizer builds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "gloss-fuzz.h"

typedef struct
{
  const char *name;
  void      (*run) (const guint8 *data, gsize size);
} Target;

static const Target targets[] = {
  { "json", gloss_fuzz_json },
  { "text", gloss_fuzz_text },
  { "segmenter", gloss_fuzz_segmenter },
};

static void
run_input (gconstpointer user_data)
{
  const char *path = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *target = g_path_get_basename (dir);
  gsize size;

  g_file_get_contents (path, &data, &size, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      if (g_strcmp0 (targets[i].name, target) == 0)
        {
          targets[i].run ((const guint8 *)data, size);
          return;
        }
    }

  g_assert_not_reached ();
}

static void
add_inputs (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "fuzz", kind, targets[i].name, NULL);
      g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      if (dir == NULL)
        continue;

      while ((name = g_dir_read_name (dir)) != NULL)
        g_ptr_array_add (names, g_strdup (name));
      g_ptr_array_sort (names, (GCompareFunc)g_strcmp0);

      for (guint j = 0; j < names->len; j++)
        {
          const char *file = g_ptr_array_index (names, j);
          g_autofree char *test_path = g_strdup_printf ("/gloss/fuzz/%s/%s/%s", kind, targets[i].name, file);

          /* The path lives as long as the test program */
          g_test_add_data_func_full (test_path, g_build_filename (dir_path, file, NULL), run_input, g_free);
        }
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  add_inputs ("seeds");
  add_inputs ("regressions");

  return g_test_run ();
}
