/* bench-sha256.c
 *
 * SHA-256 of 24 MB (as much as the text of bench-export's corpus) with
 * GLib's GChecksum and with the processor's SHA instructions: MB/s, median
 * of 7 runs each, CPU time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bench-util.h"
#include "gloss-sha256.h"

#define RUNS 7

static double
run (const char *name,
     GString    *text,
     int         kind)
{
  Clock times[RUNS];
  guint8 digest[GLOSS_SHA256_LENGTH];
  Clock t;

  _gloss_sha256_force (kind >= 0 ? kind : GLOSS_SHA256_AUTO);

  for (guint r = 0; r < RUNS; r++)
    {
      Clock start = clock_now ();

      if (kind < 0)
        {
          g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
          gsize length = sizeof digest;

          g_checksum_update (checksum, (const guchar *)text->str, text->len);
          g_checksum_get_digest (checksum, digest, &length);
        }
      else
        gloss_sha256_compute (text->str, text->len, digest);
      times[r] = clock_since (start);
    }

  t = median (times, RUNS);
  g_print ("  %-28s %7.1f ms %8.0f MB/s\n", name, t.cpu, text->len / 1e6 / (t.cpu / 1000.0));

  return t.cpu;
}

int
main (void)
{
  g_autoptr(GString) text = make_news_text (24 * 1000 * 1000);
  double glib;

  g_print ("SHA-256 of %.1f MB, median of %d runs (CPU time)\n", text->len / 1e6, RUNS);
  glib = run ("GLib GChecksum", text, -1);
  if (_gloss_sha256_has_hardware ())
    {
      double hardware = run ("Gloss, SHA instructions", text, GLOSS_SHA256_HARDWARE);

      g_print ("  SHA instructions are %.2fx GChecksum\n", glib / hardware);
    }
  else
    g_print ("  this processor has no SHA instructions\n");

  return 0;
}
