/* bench-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>

#include "bench-util.h"

Clock
clock_now (void)
{
  struct timespec cpu;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &cpu);

  return (Clock) { g_get_monotonic_time () / 1000.0, cpu.tv_sec * 1000.0 + cpu.tv_nsec / 1e6 };
}

Clock
clock_since (Clock start)
{
  Clock now = clock_now ();

  return (Clock) { now.wall - start.wall, now.cpu - start.cpu };
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a;
  double y = *(const double *)b;

  return x < y ? -1 : x > y;
}

/* The medians of the wall and of the CPU times, each on its own */
Clock
median (Clock *times,
        guint  n)
{
  g_autofree double *wall = g_new (double, n);
  g_autofree double *cpu = g_new (double, n);

  for (guint i = 0; i < n; i++)
    {
      wall[i] = times[i].wall;
      cpu[i] = times[i].cpu;
    }
  qsort (wall, n, sizeof (double), compare_doubles);
  qsort (cpu, n, sizeof (double), compare_doubles);

  return (Clock) { wall[n / 2], cpu[n / 2] };
}

/* News-like German and English paragraphs, every sentence different */
GString *
make_news_text (gsize n_bytes)
{
  GString *text = g_string_sized_new (n_bytes + 512);

  for (guint i = 1; text->len < n_bytes; i++)
    g_string_append_printf (text,
                            "Die Ministerin sagte am %u. März vor dem Ausschuss, der Haushalt für das Projekt %u "
                            "werde um %u Millionen Euro steigen. Kritiker wie Dr. Weber halten die Zahlen für zu "
                            "niedrig, heißt es im Bericht Nr. %u der Kommission. The minister said on Monday that "
                            "plan %u would cost $%u.%u million more than the council had expected. \"It is not "
                            "enough,\" a spokesperson for the group told reporters after meeting %u.\n\n",
                            i % 28 + 1, i, i % 900 + 10, i, i, i % 90 + 1, i % 10, i);

  return text;
}

/* Removes a folder and all below it; a link to a folder is removed, not
 * followed */
void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

/* Runs @argv in @dir (NULL: here), its output thrown away, to its end;
 * returns its wall-clock and CPU times (the child's user + system time).
 * Exits if it fails: a benchmark of a failing program means nothing. */
Clock
run_process (const char *dir,
             char      **argv)
{
  g_autoptr(GError) error = NULL;
  struct rusage usage;
  gint64 start;
  GPid pid;
  int status;
  Clock taken;

  start = g_get_monotonic_time ();
  g_spawn_async (dir, argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                 NULL, NULL, &pid, &error);
  g_assert_no_error (error);

  g_assert_cmpint (wait4 (pid, &status, 0, &usage), ==, pid);
  taken.wall = (g_get_monotonic_time () - start) / 1000.0;
  taken.cpu = usage.ru_utime.tv_sec * 1000.0 + usage.ru_utime.tv_usec / 1000.0 +
              usage.ru_stime.tv_sec * 1000.0 + usage.ru_stime.tv_usec / 1000.0;
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      g_printerr ("%s failed (status %d)\n", argv[0], status);
      exit (1);
    }

  return taken;
}
