/* bench-segment-process.c
 *
 * `gloss segment -` against ICU's sentence break iterator, each as a whole
 * process (icu-segment.c): the same UTF-8 text on the standard input, the
 * same kind of answer on the standard output (a JSON list of [start, end]
 * code-point pairs), read through a pipe as a script reads it. Start-up,
 * reading, checking, splitting and printing all count. The two run in
 * turn, in alternating order, so that other work on the machine falls on
 * both alike; it prints the medians of wall-clock and CPU time (the
 * child's user + system time, the steadier figure on a shared machine)
 * and the ratio. A benchmark, not a test: it prints figures and never
 * fails on them.
 *
 *   bench-segment-process [--runs N] [--lang de|en] [--gloss PATH] [FILE]
 *
 * --gloss runs another build's `gloss`, to compare one before a change.
 * Without FILE it makes 5 MB of news-like German and English text. The
 * segmentation scorer's 5 MB of news is another input:
 * `score.py --write-corpus news.txt`, then `bench-segment-process news.txt`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench-util.h"

typedef struct
{
  const char *name;
  char      **argv;
  Clock      *times;
  Clock      *empty;
  guint       n_sentences;
} Program;

/* Runs @argv with @input_fd as its standard input, reads all it prints
 * and returns its wall-clock and CPU times */
static Clock
run (char     **argv,
     int        input_fd,
     GString  **output)
{
  g_autoptr(GError) error = NULL;
  GString *out = g_string_new (NULL);
  struct rusage usage;
  gint64 start;
  GPid pid;
  int stdout_fd;
  int status;
  Clock taken;

  lseek (input_fd, 0, SEEK_SET);

  start = g_get_monotonic_time ();
  g_spawn_async_with_pipes_and_fds (NULL, (const char * const *)argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                    NULL, NULL, input_fd, -1, -1, NULL, NULL, 0,
                                    &pid, NULL, &stdout_fd, NULL, &error);
  g_assert_no_error (error);

  for (;;)
    {
      char buf[65536];
      gssize n = read (stdout_fd, buf, sizeof buf);

      if (n <= 0)
        break;
      g_string_append_len (out, buf, n);
    }
  close (stdout_fd);

  g_assert_cmpint (wait4 (pid, &status, 0, &usage), ==, pid);
  taken.wall = (g_get_monotonic_time () - start) / 1000.0;
  taken.cpu = usage.ru_utime.tv_sec * 1000.0 + usage.ru_utime.tv_usec / 1000.0 +
              usage.ru_stime.tv_sec * 1000.0 + usage.ru_stime.tv_usec / 1000.0;
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);

  if (output != NULL)
    *output = out;
  else
    g_string_free (out, TRUE);

  return taken;
}

/* The sentences in a printed list of pairs, checking it is one */
static guint
count_pairs (GString *output)
{
  guint n = 0;

  g_assert_true (g_str_has_prefix (output->str, "[") && g_str_has_suffix (output->str, "]\n"));
  for (const char *p = output->str + 1; *p != '\0'; p++)
    n += *p == '[';

  return n;
}

static int
open_file (const char *dir,
           const char *name,
           const char *contents,
           gsize       length)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  int fd;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  fd = g_open (path, O_RDONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  g_remove (path);

  return fd;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *gloss_path = NULL;
  g_autofree char *tmpdir = NULL;
  char *gloss_argv[] = { (char *)GLOSS_PATH, (char *)"segment", (char *)"--lang", NULL, (char *)"-", NULL };
  char *icu_argv[] = { (char *)ICU_SEGMENT_PATH, NULL, NULL };
  Program programs[2] = {
    { "ICU (icu-segment)", icu_argv, NULL, NULL, 0 },
    { "gloss segment -", gloss_argv, NULL, NULL, 0 },
  };
  int runs = 11;
  int text_fd, empty_fd;
  double mb;
  Clock icu, gloss, icu_empty, gloss_empty;
  const GOptionEntry entries[] = {
    { "runs", 'r', 0, G_OPTION_ARG_INT, &runs, "Runs of each program (the median is printed)", "N" },
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &lang, "Language: de (the default) or en", "LANG" },
    { "gloss", 'g', 0, G_OPTION_ARG_FILENAME, &gloss_path, "The gloss program to run (this build's)", "PATH" },
    G_OPTION_ENTRY_NULL
  };

  context = g_option_context_new ("[FILE] — gloss segment and ICU, each as a process");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  if (lang == NULL)
    lang = g_strdup ("de");
  runs = MAX (runs, 1);
  gloss_argv[3] = lang;
  if (gloss_path != NULL)
    gloss_argv[0] = gloss_path;
  icu_argv[1] = lang;

  if (argc > 1)
    {
      char *contents;
      gsize length;

      if (!g_file_get_contents (argv[1], &contents, &length, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      text = g_string_new_len (contents, length);
      g_free (contents);
    }
  else
    text = make_news_text (5 * 1000 * 1000);

  tmpdir = g_dir_make_tmp ("gloss-bench-XXXXXX", &error);
  g_assert_no_error (error);
  text_fd = open_file (tmpdir, "text.txt", text->str, text->len);
  empty_fd = open_file (tmpdir, "empty.txt", "", 0);
  g_rmdir (tmpdir);

  for (guint p = 0; p < G_N_ELEMENTS (programs); p++)
    {
      programs[p].times = g_new (Clock, runs);
      programs[p].empty = g_new (Clock, runs);
    }

  /* In turn, the first to run changing each time */
  for (int r = 0; r < runs; r++)
    {
      for (guint k = 0; k < G_N_ELEMENTS (programs); k++)
        {
          Program *program = &programs[(k + r) % G_N_ELEMENTS (programs)];
          GString *output = NULL;

          program->times[r] = run (program->argv, text_fd, &output);
          program->n_sentences = count_pairs (output);
          g_string_free (output, TRUE);
          program->empty[r] = run (program->argv, empty_fd, NULL);
        }
    }

  icu = median (programs[0].times, runs);
  gloss = median (programs[1].times, runs);
  icu_empty = median (programs[0].empty, runs);
  gloss_empty = median (programs[1].empty, runs);
  mb = text->len / 1e6;

  g_print ("Text: %.2f MB (%s), language %s; median of %d runs, each program a process of its own\n",
           mb, argc > 1 ? argv[1] : "made up", lang, runs);
  g_print ("  %-20s %9s %9s %9s %10s %17s\n", "", "wall", "CPU", "MB/s", "sentences", "empty input");
  for (guint p = 0; p < G_N_ELEMENTS (programs); p++)
    {
      Clock t = median (programs[p].times, runs);
      Clock e = median (programs[p].empty, runs);

      g_print ("  %-20s %6.1f ms %6.1f ms %9.1f %10u %8.1f ms wall\n",
               programs[p].name, t.wall, t.cpu, mb / (t.wall / 1000.0), programs[p].n_sentences, e.wall);
    }
  g_print ("gloss segment is %.2fx as fast as ICU (wall-clock), %.2fx by CPU time\n",
           icu.wall / gloss.wall, icu.cpu / gloss.cpu);
  g_print ("without start-up (empty input's time taken off): %.2fx (wall)\n",
           (icu.wall - icu_empty.wall) / MAX (gloss.wall - gloss_empty.wall, 0.001));

  for (guint p = 0; p < G_N_ELEMENTS (programs); p++)
    {
      g_free (programs[p].times);
      g_free (programs[p].empty);
    }
  close (text_fd);
  close (empty_fd);

  return 0;
}
