/* test-dataset.c
 *
 * The table of dataset formats: every format the exporter offers has a
 * writer and a data card, every format the importer offers a reader, and
 * a name means one format in both directions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "gloss-dataset-private.h"

static void
test_export_formats (void)
{
  for (guint i = 0; i < GLOSS_EXPORT_N_FORMATS; i++)
    {
      const GlossDatasetFormat *format = _gloss_dataset_for_export (i);
      GlossExportFormat found;

      g_assert_nonnull (format);
      g_test_message ("%s", format->name);
      g_assert_nonnull (format->add);
      g_assert_nonnull (format->card);
      g_assert_cmpstr (gloss_export_format_get_name (i), ==, format->name);
      g_assert_true (gloss_export_format_from_name (format->name, &found));
      g_assert_cmpint (found, ==, i);
      g_assert_cmpint (gloss_export_format_is_folder (i), ==, format->folder);
    }
}

static void
test_import_formats (void)
{
  for (guint i = 0; i < GLOSS_IMPORT_N_FORMATS; i++)
    {
      const GlossDatasetFormat *format = _gloss_dataset_for_import (i);
      GlossImportFormat found;
      GlossExportFormat written;

      g_assert_nonnull (format);
      g_test_message ("%s", format->name);
      g_assert_nonnull (format->read);
      g_assert_cmpstr (gloss_import_format_get_name (i), ==, format->name);
      g_assert_true (gloss_import_format_from_name (format->name, &found));
      g_assert_cmpint (found, ==, i);
      g_assert_cmpint (gloss_import_format_is_folder (i), ==, format->folder);

      /* A format Gloss both reads and writes is one entry, so that its
       * reader and writer cannot drift apart in name or kind */
      if (gloss_export_format_from_name (format->name, &written))
        g_assert_true (_gloss_dataset_for_export (written) == format);
      else
        g_assert_null (format->add);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/dataset/export-formats", test_export_formats);
  g_test_add_func ("/gloss/dataset/import-formats", test_import_formats);

  return g_test_run ();
}
