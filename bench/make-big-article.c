/* make-big-article.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes the long article the window's benchmark opens, to open it by
 * hand or under a profiler:
 *
 *   build/bench/make-big-article /tmp/big.txt [MEGABYTES [ANNOTATIONS]]
 *   xvfb-run -a build/src/gloss /tmp/big.txt
 *
 * By default 59 MB with 100 000 annotations.
 */

#include "config.h"

#include <stdlib.h>

#include "gloss-big-article.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  gsize megabytes = argc > 2 ? strtoul (argv[2], NULL, 10) : 59;
  guint n_annotations = argc > 3 ? strtoul (argv[3], NULL, 10) : 100000;

  if (argc < 2)
    {
      g_printerr ("Usage: %s FILE [MEGABYTES [ANNOTATIONS]]\n", argv[0]);
      return 2;
    }

  if (!gloss_big_article_write (argv[1], GLOSS_SAMPLES_DIR, megabytes * 1000 * 1000, n_annotations, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  return 0;
}
