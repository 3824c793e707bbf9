/* bench-util.h
 *
 * What the benchmarks share: a clock that reads wall and CPU time, medians,
 * a news-like text made the same on every run, and a program run as a
 * process, timed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Wall-clock and CPU time, in ms: on a machine shared with other work the
 * CPU time is the steadier figure */
typedef struct
{
  double wall;
  double cpu;
} Clock;

Clock    clock_now        (void);
Clock    clock_since      (Clock  start);
Clock    median           (Clock *times,
                           guint  n);
GString *make_news_text   (gsize  n_bytes);
void     remove_tree      (const char *path);
Clock    run_process      (const char *dir,
                           char      **argv);

G_END_DECLS
