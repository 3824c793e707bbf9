/* bench-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's speed on a long article: main-thread CPU time from opening
 * a text to its first frame, and from a move or a label toggle to the next
 * frame, for a 10 KB and a 1 MB article with a label on every sentence.
 * Run under Xvfb with GSK_RENDERER=cairo:
 *
 *   xvfb-run -a build/bench/bench-window
 *
 * Then the same 1 MB article with the "Quotation attribution" labels and
 * 2 000 spans joined by 2 000 relations (1 000 quotes, each linked to a
 * speaker and a cue that two quotes share): opening it to the first frame,
 * the longest the main loop is busy after that frame, and tagging a
 * selection (linked to the current quote), moving to the next span and
 * growing a span by a word, each to the next frame, and the frame after
 * it, when the sidebar follows; once with the current span's card shown,
 * once with the list of spans. --spans runs only that.
 *
 * With --big [MEGABYTES [--plain]] it opens a long article instead (59 MB
 * with 100 000 annotations unless told otherwise, made from the samples;
 * --plain: without annotations):
 * the time to the first frame that shows it, the CPU time until the
 * window is idle, when the background work is done, and the longest the
 * main loop was busy at a stretch meanwhile.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "gloss-application.h"
#include "gloss-big-article.h"
#include "gloss-document.h"
#include "gloss-format.h"
#include "gloss-label-set.h"
#include "gloss-project.h"
#include "gloss-relation.h"
#include "gloss-saver.h"
#include "gloss-sidebar.h"
#include "gloss-span.h"
#include "gloss-suggestions.h"
#include "gloss-text.h"
#include "gloss-window.h"

static gboolean painted;

static double
clock_ms (clockid_t id)
{
  struct timespec ts;

  clock_gettime (id, &ts);

  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static double
thread_ms (void)
{
  return clock_ms (CLOCK_THREAD_CPUTIME_ID);
}

/* All threads: the loading worker's share too */
static double
process_ms (void)
{
  return clock_ms (CLOCK_PROCESS_CPUTIME_ID);
}

static double
wall_ms (void)
{
  return g_get_monotonic_time () / 1e3;
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gpointer       data)
{
  painted = TRUE;
}

static void
wait_frame (GtkWidget *widget)
{
  /* A frame, without damaging more than the change did */
  painted = FALSE;
  gdk_frame_clock_request_phase (gtk_widget_get_frame_clock (widget), GDK_FRAME_CLOCK_PHASE_PAINT);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
}

/* Keys come at human speed: what a change leaves for later (the
 * annotation list follows a frame late) runs before the next key */
static void
settle (GtkWidget *widget)
{
  wait_frame (widget);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  wait_frame (widget);

  /* After a jump GtkTextView goes on correcting its estimates of the
   * heights of the paragraphs above for some frames, moving the text
   * (and so drawing all of it) each time: a reader reads first */
  if (GLOSS_IS_WINDOW (widget))
    {
      GtkWidget *view = gloss_window_get_article_view (GLOSS_WINDOW (widget));
      GtkAdjustment *vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));

      for (guint still = 0, n = 0; still < 3 && n < 120; n++)
        {
          double value = gtk_adjustment_get_value (vadj);

          gtk_widget_queue_draw (view);
          wait_frame (widget);
          while (g_main_context_pending (NULL))
            g_main_context_iteration (NULL, FALSE);
          still = gtk_adjustment_get_value (vadj) == value ? still + 1 : 0;
        }
    }
}

/* Where the time to the next frame goes: the action itself, what runs
 * between it and the frame, the frame's layout phase, its paint phase
 * (the widgets' snapshots and the rendering). Main-thread CPU, ms */
typedef enum
{
  PHASE_ACTION,
  PHASE_BETWEEN,
  PHASE_LAYOUT,
  PHASE_PAINT,
  N_PHASES
} Phase;

static const char * const phase_names[N_PHASES] = { "the action", "before the frame", "layout", "snapshot and render" };

static struct
{
  gboolean on;
  double   marks[N_PHASES + 1];  /* thread CPU at each phase's start, and at the end */
  gboolean seen[N_PHASES + 1];
} phases;

static void
mark_phase (guint index)
{
  if (phases.on && !phases.seen[index])
    {
      phases.marks[index] = thread_ms ();
      phases.seen[index] = TRUE;
    }
}

static void
on_before_paint_cb (GdkFrameClock *clock,
                    gpointer       data)
{
  mark_phase (PHASE_BETWEEN + 1);
}

/* The layout phase may run more than once: the last one ends it */
static void
on_layout_cb (GdkFrameClock *clock,
              gpointer       data)
{
  if (phases.on)
    {
      phases.marks[PHASE_PAINT] = thread_ms ();
      phases.seen[PHASE_PAINT] = TRUE;
    }
}

static void
on_after_paint_phases_cb (GdkFrameClock *clock,
                          gpointer       data)
{
  mark_phase (PHASE_PAINT + 1);
}

static void
connect_phases (GdkFrameClock *clock)
{
  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint_cb), NULL);
  g_signal_connect_after (clock, "layout", G_CALLBACK (on_layout_cb), NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_phases_cb), NULL);
}

static void
disconnect_phases (GdkFrameClock *clock)
{
  g_signal_handlers_disconnect_by_func (clock, on_before_paint_cb, NULL);
  g_signal_handlers_disconnect_by_func (clock, on_layout_cb, NULL);
  g_signal_handlers_disconnect_by_func (clock, on_after_paint_phases_cb, NULL);
}

/* Actions whose frame moved the article's text (all of it drawn) */
static guint n_scrolled;

/* GLOSS_BENCH_DUMP=PREFIX: the window's render nodes before and after
 * each action, to see what an action changes on screen (debugging) */
static void
dump_nodes (GtkWidget  *window,
            const char *action,
            const char *when)
{
  static guint n;
  const char *prefix = g_getenv ("GLOSS_BENCH_DUMP");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;

  if (prefix == NULL || n >= 40)
    return;

  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (window), gtk_widget_get_height (window));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;
  bytes = gsk_render_node_serialize (node);
  path = g_strdup_printf ("%s-%02u-%s-%s.node", prefix, n / 2, action, when);
  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL);
  n++;
}

/* What is timed, by itself for a profiler:
 *   valgrind --tool=callgrind --toggle-collect=action_to_frame build/bench/bench-window --spans
 * @split: (out) (optional): N_PHASES values, each phase's share */
static G_GNUC_NO_INLINE void
action_to_frame (GlossWindow *window,
                 const char  *action,
                 GVariant    *target,
                 double      *split)
{
  GtkAdjustment *vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (gloss_window_get_article_view (window)));
  double v0 = gtk_adjustment_get_value (vadj), v1;

  if (g_getenv ("GLOSS_BENCH_DEBUG"))
    g_printerr ("ACTION %s\n", action);
  memset (&phases, 0, sizeof phases);
  phases.on = TRUE;

  dump_nodes (GTK_WIDGET (window), action, "before");
  mark_phase (PHASE_ACTION);
  gtk_widget_activate_action_variant (GTK_WIDGET (window), action, target);
  mark_phase (PHASE_BETWEEN);
  v1 = gtk_adjustment_get_value (vadj);
  wait_frame (GTK_WIDGET (window));
  phases.on = FALSE;
  dump_nodes (GTK_WIDGET (window), action, "after");
  if (g_getenv ("GLOSS_BENCH_DEBUG"))
    g_printerr ("  SCROLL %.0f -> %.0f (action) -> %.0f (frame)\n", v0, v1, gtk_adjustment_get_value (vadj));
  n_scrolled += gtk_adjustment_get_value (vadj) != v0;

  /* A frame that needs no layout has no layout phase */
  if (!phases.seen[PHASE_PAINT] && phases.seen[PHASE_LAYOUT])
    {
      phases.marks[PHASE_PAINT] = phases.marks[PHASE_LAYOUT];
      phases.seen[PHASE_PAINT] = TRUE;
    }

  for (guint i = 0; split != NULL && i < N_PHASES; i++)
    split[i] = phases.seen[i] && phases.seen[i + 1] ? phases.marks[i + 1] - phases.marks[i] : 0;
}

/* Main-thread CPU time from an action to the next frame; then what the
 * action left for later runs, as it would before the next key, and takes
 * @after (the sidebar's lists and card, a frame later) */
static double
time_action_full (GlossWindow *window,
                  const char  *action,
                  GVariant    *target,
                  double      *after,
                  GArray     **split)
{
  double t = thread_ms ();
  double later;
  double shares[N_PHASES];

  action_to_frame (window, action, target, shares);
  t = thread_ms () - t;
  for (guint i = 0; split != NULL && i < N_PHASES; i++)
    g_array_append_val (split[i], shares[i]);
  later = thread_ms ();
  settle (GTK_WIDGET (window));
  if (after != NULL)
    *after = thread_ms () - later;

  return t;
}

static double
time_action (GlossWindow *window,
             const char  *action,
             GVariant    *target)
{
  return time_action_full (window, action, target, NULL, NULL);
}

/* The last changes are written (or could not be: the folder went) */
static void
wait_saved (GlossWindow *window)
{
  GlossSaver *saver = gloss_window_get_saver (window);

  while (gloss_saver_get_dirty (saver) && gloss_saver_get_state (saver) != GLOSS_SAVER_ERROR)
    g_main_context_iteration (NULL, TRUE);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);

  return g_array_index (values, double, values->len / 2);
}

static double
maximum (GArray *values)
{
  g_array_sort (values, compare_doubles);

  return values->len ? g_array_index (values, double, values->len - 1) : 0;
}

/* The 90th percentile */
static double
p90 (GArray *values)
{
  g_array_sort (values, compare_doubles);

  return values->len ? g_array_index (values, double, (values->len * 9) / 10) : 0;
}

static char *
write_article (const char *dir,
               gsize       bytes)
{
  static const char * const sentences[] = {
    "The council said on Monday that the bridge would stay closed until March.",
    "\"We found corrosion in places the first survey could not reach,\" the chief engineer said.",
    "According to the report, repairs will cost about 14 million euros.",
    "Residents say the detour adds forty minutes to their commute.",
    "The opposition called the delay a failure of planning.",
  };
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *name = g_strdup_printf ("article-%" G_GSIZE_FORMAT ".txt", bytes);
  char *path = g_build_filename (dir, name, NULL);
  guint i = 0;

  while (text->len < bytes)
    {
      g_string_append (text, sentences[i % G_N_ELEMENTS (sentences)]);
      g_string_append (text, ++i % 4 == 0 ? "\n\n" : " ");
    }

  g_file_set_contents (path, text->str, text->len, NULL);

  return path;
}

/* A label on every @every-th sentence */
static void
annotate_every_sentence (const char *path,
                         guint       every)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GlossDocument) document = gloss_document_load (file, "en", NULL, NULL);
  static const char * const labels[] = { "claim", "source", "quote" };

  for (guint i = 0; i < gloss_document_get_n_sentences (document); i += every)
    gloss_document_add_label (document, i, labels[i % 3]);
  g_assert_true (gloss_document_save (document, NULL, NULL));
}

static void
bench (GlossApplication *app,
       const char       *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GArray) moves = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) toggles = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) serialize = g_array_new (FALSE, FALSE, sizeof (double));
  GlossWindow *window;
  GlossDocument *document;
  GdkFrameClock *clock;
  double cpu0, wall0, bare_wall, bare_cpu, open_cpu, open_wall, layout_wall;
  GStatBuf st;
  /* GLOSS_BENCH_REPEAT=2000 makes a profile of the moves and toggles */
  guint n_repeat = g_getenv ("GLOSS_BENCH_REPEAT") ? atoi (g_getenv ("GLOSS_BENCH_REPEAT")) : 100;

  g_stat (path, &st);

  window = g_object_new (GLOSS_TYPE_WINDOW, "application", app, NULL);
  wall0 = wall_ms ();
  cpu0 = thread_ms ();
  gtk_window_present (GTK_WINDOW (window));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), NULL);
  wait_frame (GTK_WIDGET (window));
  bare_wall = wall_ms () - wall0;
  bare_cpu = thread_ms () - cpu0;

  wall0 = wall_ms ();
  cpu0 = thread_ms ();
  gloss_window_open (window, file);
  while (gloss_window_get_document (window) == NULL)
    g_main_context_iteration (NULL, TRUE);
  wait_frame (GTK_WIDGET (window));
  open_wall = wall_ms () - wall0;
  open_cpu = thread_ms () - cpu0;

  document = gloss_window_get_document (window);
  gloss_window_set_position (window, gloss_document_get_n_sentences (document) / 2);
  wait_frame (GTK_WIDGET (window));

  /* GtkTextView lays out the rest of a long text in the background, in
   * slices between frames; the moves are measured once it is done */
  wall0 = wall_ms ();
  for (guint quiet = 0; quiet < 5 && wall_ms () - wall0 < 20000;)
    {
      double t = thread_ms ();

      wait_frame (GTK_WIDGET (window));
      quiet = thread_ms () - t < 0.5 ? quiet + 1 : 0;
    }
  layout_wall = wall_ms () - wall0;

  for (guint i = 0; i < n_repeat; i++)
    {
      double t = time_action (window, i % 2 ? "doc.move-previous" : "doc.move-next", NULL);

      g_array_append_val (moves, t);
    }

  for (guint i = 0; i < n_repeat; i++)
    {
      double t = time_action (window, "doc.toggle-label", g_variant_new_string ("quote"));

      g_array_append_val (toggles, t);
    }

  /* The autosave's snapshot is taken on the main thread; the write is not */
  for (guint i = 0; i < 20; i++)
    {
      double t = thread_ms ();
      g_autoptr(GlossFormatSnapshot) snapshot = gloss_format_snapshot (document);

      /* What gloss_document_save_async() does on the main thread: the
       * serializing and writing happen in a worker */
      t = thread_ms () - t;
      g_assert_nonnull (snapshot);
      g_array_append_val (serialize, t);
    }

  g_print ("%-28s %8.0f KB  %6u sentences  %6u annotations\n", "article",
           st.st_size / 1024.0,
           gloss_document_get_n_sentences (document),
           g_list_model_get_n_items (gloss_document_get_annotations (document)));
  g_print ("  bare window, first frame:    %7.1f ms wall  %7.1f ms main-thread CPU\n", bare_wall, bare_cpu);
  g_print ("  open text to first frame:    %7.1f ms wall  %7.1f ms main-thread CPU\n", open_wall, open_cpu);
  g_print ("  background layout of the rest: %5.0f ms wall, in slices between frames\n", layout_wall);
  g_print ("  move, to the next frame:     %7.2f ms main-thread CPU (median)\n", median (moves));
  g_print ("  toggle, to the next frame:   %7.2f ms main-thread CPU (median)\n", median (toggles));
  g_print ("  autosave snapshot:           %7.2f ms main-thread CPU (median of 20)\n", median (serialize));

  g_signal_handlers_disconnect_by_func (clock, on_after_paint_cb, NULL);
  wait_saved (window);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
remove_folder (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_remove (child);
    }
  g_rmdir (path);
}

typedef struct
{
  double busy_until;   /* wall ms of the last dispatch */
  double longest;      /* the longest single dispatch, ms */
  double longest_at;   /* when it began, ms after the start */
  guint  n_long;       /* dispatches over 50 ms */
  double longest_cpu;  /* the most main-thread CPU a dispatch took, ms */
  guint  n_over_frame; /* dispatches over 16 ms of CPU */
  double arrival_cpu;  /* the dispatch in which suggestions arrived, CPU ms */
  double arrival_wall; /* and its wall ms */
  double rest_cpu;     /* the longest other dispatch, CPU ms */
  double rest_wall;    /* the longest other dispatch, wall ms */
  gboolean arrived;    /* set by the document's ::suggestions-changed */
} Idle;

static void
on_suggestions_arrived_cb (GObject *document,
                           Idle    *idle)
{
  idle->arrived = TRUE;
}

/* Runs the main loop without blocking until it has had nothing to do for
 * @quiet_ms: how long each dispatch took (a frame the user waits for at
 * most), wall and main-thread CPU, and when the last one ended. With
 * @document, the dispatch in which its suggestions arrive is told apart */
static void
run_until_idle_full (double         start,
                     double         quiet_ms,
                     GlossDocument *document,
                     Idle          *idle)
{
  gulong arrived_id = 0;

  memset (idle, 0, sizeof *idle);
  idle->busy_until = wall_ms ();
  idle->arrival_cpu = -1;
  idle->arrival_wall = -1;
  if (document != NULL)
    arrived_id = g_signal_connect (document, "suggestions-changed", G_CALLBACK (on_suggestions_arrived_cb), idle);

  while (wall_ms () - idle->busy_until < quiet_ms)
    {
      double t = wall_ms ();
      double cpu = thread_ms ();

      idle->arrived = FALSE;
      if (g_main_context_iteration (NULL, FALSE))
        {
          double now = wall_ms ();
          double took = now - t;

          cpu = thread_ms () - cpu;
          idle->busy_until = now;
          idle->n_long += took > 50;
          idle->n_over_frame += cpu > 16;
          idle->longest_cpu = MAX (idle->longest_cpu, cpu);
          if (took > idle->longest)
            {
              idle->longest = took;
              idle->longest_at = t - start;
            }
          if (idle->arrived && arrived_id != 0)
            {
              idle->arrival_cpu = cpu;
              idle->arrival_wall = took;
            }
          else
            {
              idle->rest_cpu = MAX (idle->rest_cpu, cpu);
              idle->rest_wall = MAX (idle->rest_wall, took);
            }
        }
      else
        g_usleep (500);
    }

  if (arrived_id != 0)
    g_signal_handler_disconnect (document, arrived_id);
}

static void
run_until_idle (double  start,
                double  quiet_ms,
                Idle   *idle)
{
  run_until_idle_full (start, quiet_ms, NULL, idle);
}

/* The offsets of every occurrence of @needle in the (ASCII) text */
static GArray *
find_all (GlossDocument *document,
          const char    *needle)
{
  const char *text = gloss_text_get_contents (gloss_document_get_text (document));
  GArray *found = g_array_new (FALSE, FALSE, sizeof (guint));

  for (const char *at = strstr (text, needle); at != NULL; at = strstr (at + 1, needle))
    {
      guint offset = at - text;

      g_array_append_val (found, offset);
    }

  return found;
}

static GlossSpan *
add_span (GlossDocument *document,
          const char    *label,
          guint          start,
          guint          end)
{
  GlossRange range = { start, end };
  GlossSpan *span = gloss_document_new_span (document, label, &range, 1);

  if (!gloss_document_add_span (document, span, NULL))
    g_error ("could not add a span");

  return span;
}

static void
add_relation (GlossDocument *document,
              const char    *label,
              GlossSpan     *from,
              GlossSpan     *to)
{
  g_autoptr(GlossRelation) relation = gloss_document_new_relation (document, label, gloss_span_get_id (from),
                                                                   gloss_span_get_id (to));

  if (!gloss_document_add_relation (document, relation, NULL))
    g_error ("could not add a relation");
}

#define QUOTE_SENTENCE "\"We found corrosion in places the first survey could not reach,\" the chief engineer said."

/* 1 000 quotes, 500 speakers and 500 cues; each quote linked to a speaker
 * and a cue, two quotes to each */
static void
annotate_spans (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *project_path = g_build_filename (dir, GLOSS_PROJECT_FILE_NAME, NULL);
  g_autoptr(GFile) project = g_file_new_for_path (project_path);
  g_autoptr(GlossLabelSet) set = gloss_label_set_new_builtin ("quotation");
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GArray) quotes = NULL;
  g_autoptr(GlossSpan) speaker = NULL;
  g_autoptr(GlossSpan) cue = NULL;

  g_assert_true (gloss_project_save_labels (project, set, NULL));
  document = gloss_document_load (file, "en", NULL, NULL);
  quotes = find_all (document, QUOTE_SENTENCE);
  g_assert_cmpuint (quotes->len, >=, 1000);

  for (guint i = 0; i < 1000; i++)
    {
      guint at = g_array_index (quotes, guint, i);
      g_autoptr(GlossSpan) quote = add_span (document, "quote", at + 1, at + 62);

      if (i % 2 == 0)
        {
          g_clear_object (&speaker);
          g_clear_object (&cue);
          speaker = add_span (document, "speaker", at + 64, at + 82);
          cue = add_span (document, "cue", at + 83, at + 87);
        }
      add_relation (document, "speaker", quote, speaker);
      add_relation (document, "cue", quote, cue);
    }

  g_assert_true (gloss_document_save (document, NULL, NULL));
}

/* @list: with the sidebar's list of spans shown, not the card's page */
static void
bench_spans (GlossApplication *app,
             const char       *path,
             gboolean          list)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GArray) tags = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) moves = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) grows = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) tags_after = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) moves_after = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) redraws = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) window_redraws = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) councils = NULL;
  GArray *tag_split[N_PHASES], *move_split[N_PHASES], *grow_split[N_PHASES];
  GlossWindow *window;
  GlossDocument *document;
  GdkFrameClock *clock;
  double cpu0, wall0, open_cpu, open_wall;
  guint n_repeat = g_getenv ("GLOSS_BENCH_REPEAT") ? atoi (g_getenv ("GLOSS_BENCH_REPEAT")) : 100;
  Idle idle;

  for (guint i = 0; i < N_PHASES; i++)
    {
      tag_split[i] = g_array_new (FALSE, FALSE, sizeof (double));
      move_split[i] = g_array_new (FALSE, FALSE, sizeof (double));
      grow_split[i] = g_array_new (FALSE, FALSE, sizeof (double));
    }

  window = g_object_new (GLOSS_TYPE_WINDOW, "application", app, NULL);
  /* The page shown as soon as a document with span labels is */
  gloss_sidebar_show_spans (GLOSS_SIDEBAR (gloss_window_get_sidebar (window)), list);
  gtk_window_present (GTK_WINDOW (window));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), NULL);
  connect_phases (clock);
  wait_frame (GTK_WIDGET (window));

  wall0 = wall_ms ();
  cpu0 = thread_ms ();
  gloss_window_open (window, file);
  while (gloss_window_get_document (window) == NULL)
    g_main_context_iteration (NULL, TRUE);
  wait_frame (GTK_WIDGET (window));
  open_wall = wall_ms () - wall0;
  open_cpu = thread_ms () - cpu0;

  /* Every frame after the first: the spans are tagged in slices, the rest
   * of the text laid out in the background, the suggestions arrive */
  document = gloss_window_get_document (window);
  run_until_idle_full (wall_ms (), 1000, document, &idle);

  councils = find_all (document, "The council");

  /* Tagging: a quote current, a selection, its speaker's key */
  /* The floor: a frame that draws the article again, or the whole
   * window, with nothing changed */
  for (guint i = 0; i < n_repeat; i++)
    {
      double t = thread_ms ();

      gtk_widget_queue_draw (gloss_window_get_article_view (window));
      wait_frame (GTK_WIDGET (window));
      t = thread_ms () - t;
      g_array_append_val (redraws, t);
      t = thread_ms ();
      gtk_widget_queue_draw (GTK_WIDGET (window));
      wait_frame (GTK_WIDGET (window));
      t = thread_ms () - t;
      g_array_append_val (window_redraws, t);
    }

  gtk_widget_activate_action (GTK_WIDGET (window), "doc.select-span", "u", 1000);
  settle (GTK_WIDGET (window));
  for (guint i = 0; i < MIN (n_repeat, councils->len); i++)
    {
      guint at = g_array_index (councils, guint, councils->len / 2 + i % (councils->len / 2));
      double t, after;

      gtk_widget_activate_action (GTK_WIDGET (window), "doc.select-range", "(uu)", at, at + 11);
      settle (GTK_WIDGET (window));
      t = time_action_full (window, "doc.tag-span", g_variant_new_string ("speaker"), &after, tag_split);
      g_array_append_val (tags, t);
      g_array_append_val (tags_after, after);
      /* Not measured: back to as it was */
      gtk_widget_activate_action (GTK_WIDGET (window), "doc.undo", NULL);
      settle (GTK_WIDGET (window));
    }

  gtk_widget_activate_action (GTK_WIDGET (window), "doc.select-span", "u", 1000);
  settle (GTK_WIDGET (window));
  for (guint i = 0; i < n_repeat; i++)
    {
      double after;
      double t = time_action_full (window, i % 2 ? "doc.previous-span" : "doc.next-span", NULL, &after, move_split);

      g_array_append_val (moves, t);
      g_array_append_val (moves_after, after);
    }

  for (guint i = 0; i < n_repeat; i++)
    {
      double t = time_action_full (window, i % 2 ? "doc.shrink-span-end" : "doc.grow-span-end", NULL, NULL,
                                   grow_split);

      g_array_append_val (grows, t);
    }

  g_print ("%-28s %8.0f KB  %6u spans  %6u relations\n",
           list ? "article with spans, list" : "article with spans, card",
           gloss_text_get_n_bytes (gloss_document_get_text (document)) / 1024.0,
           g_list_model_get_n_items (gloss_document_get_spans (document)),
           g_list_model_get_n_items (gloss_document_get_relations (document)));
  g_print ("  open text to first frame:    %7.1f ms wall  %7.1f ms main-thread CPU\n", open_wall, open_cpu);
  g_print ("  after it, the longest main-loop dispatch: %5.1f ms wall, %5.1f ms main-thread CPU;"
           " %u over 16 ms CPU; idle %.0f ms after the first frame\n",
           idle.longest, idle.longest_cpu, idle.n_over_frame, idle.busy_until - wall0 - open_wall);
  if (idle.arrival_cpu >= 0)
    g_print ("    the one the %u suggestions arrived in: %5.1f ms wall, %5.1f ms CPU; the longest other: %5.1f ms wall, %5.1f ms CPU\n",
             gloss_suggestions_get_spans (gloss_document_get_suggestions (document))->len,
             idle.arrival_wall, idle.arrival_cpu, idle.rest_wall, idle.rest_cpu);
  else
    g_print ("    (no suggestions arrived meanwhile)\n");
  g_print ("  to the next frame, main-thread CPU:    median    p90     max  (ms)\n");
  g_print ("    the article drawn again, no change: %7.2f %7.2f %7.2f\n",
           median (redraws), p90 (redraws), maximum (redraws));
  g_print ("    the whole window drawn again:     %7.2f %7.2f %7.2f\n",
           median (window_redraws), p90 (window_redraws), maximum (window_redraws));
  g_print ("    tag a selection (linked):         %7.2f %7.2f %7.2f\n", median (tags), p90 (tags), maximum (tags));
  g_print ("    next span:                        %7.2f %7.2f %7.2f\n", median (moves), p90 (moves), maximum (moves));
  g_print ("    grow a span by a word:            %7.2f %7.2f %7.2f\n", median (grows), p90 (grows), maximum (grows));
  g_print ("  where it goes (medians):     tag    next    grow  (ms); %u frames moved the text\n", n_scrolled);
  n_scrolled = 0;
  for (guint i = 0; i < N_PHASES; i++)
    {
      g_print ("    %-28s %7.2f %7.2f %7.2f\n", phase_names[i],
               median (tag_split[i]), median (move_split[i]), median (grow_split[i]));
      g_array_unref (tag_split[i]);
      g_array_unref (move_split[i]);
      g_array_unref (grow_split[i]);
    }
  g_print ("  the sidebar following, the frames after:\n");
  g_print ("    after a tag:                      %7.2f %7.2f %7.2f\n",
           median (tags_after), p90 (tags_after), maximum (tags_after));
  g_print ("    after a move:                     %7.2f %7.2f %7.2f\n",
           median (moves_after), p90 (moves_after), maximum (moves_after));

  g_signal_handlers_disconnect_by_func (clock, on_after_paint_cb, NULL);
  disconnect_phases (clock);
  wait_saved (window);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* With the card shown, then with the list of spans, both from the same
 * annotation file: the first run's autosave writes what it changed (the
 * suggestions too) */
static void
bench_spans_twice (GlossApplication *app,
                   const char       *path)
{
  g_autofree char *json = g_strconcat (path, ".gloss.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  if (!g_file_get_contents (json, &contents, &length, &error))
    g_error ("%s", error->message);
  bench_spans (app, path, FALSE);
  if (!g_file_set_contents (json, contents, length, &error))
    g_error ("%s", error->message);
  bench_spans (app, path, TRUE);
}

static gboolean
text_shown (GlossWindow *window)
{
  GtkTextView *view = GTK_TEXT_VIEW (gloss_window_get_article_view (window));

  return g_strcmp0 (gloss_window_get_page (window), "document") == 0 &&
         gtk_text_buffer_get_char_count (gtk_text_view_get_buffer (view)) > 0;
}

static void
bench_big (GlossApplication *app,
           const char       *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GArray) moves = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) toggles = g_array_new (FALSE, FALSE, sizeof (double));
  GlossWindow *window;
  GlossDocument *document;
  GdkFrameClock *clock;
  double wall0, cpu0, process0, loaded_wall, shown_wall, shown_cpu, jump_wall, jump_cpu;
  Idle idle;
  GStatBuf st;

  g_stat (path, &st);

  window = g_object_new (GLOSS_TYPE_WINDOW, "application", app, NULL);
  gtk_window_present (GTK_WINDOW (window));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), NULL);
  wait_frame (GTK_WIDGET (window));

  wall0 = wall_ms ();
  cpu0 = thread_ms ();
  process0 = process_ms ();
  gloss_window_open (window, file);
  /* The text may be shown before its annotations are read */
  while (!text_shown (window))
    g_main_context_iteration (NULL, TRUE);
  wait_frame (GTK_WIDGET (window));
  shown_wall = wall_ms () - wall0;
  shown_cpu = thread_ms () - cpu0;
  while (gloss_window_get_document (window) == NULL)
    g_main_context_iteration (NULL, TRUE);
  wait_frame (GTK_WIDGET (window));
  loaded_wall = wall_ms () - wall0;
  document = gloss_window_get_document (window);

  /* Straight to the end, before the background work is done */
  jump_wall = wall_ms ();
  jump_cpu = thread_ms ();
  gloss_window_set_position (window, gloss_document_get_n_sentences (document) - 1);
  wait_frame (GTK_WIDGET (window));
  jump_wall = wall_ms () - jump_wall;
  jump_cpu = thread_ms () - jump_cpu;

  run_until_idle (wall0, 1000, &idle);

  g_print ("%-28s %8.0f KB  %6u sentences  %6u annotations\n", "long article",
           st.st_size / 1024.0,
           gloss_document_get_n_sentences (document),
           g_list_model_get_n_items (gloss_document_get_annotations (document)));
  g_print ("  open to the first frame with the text: %5.0f ms wall  %7.0f ms main-thread CPU\n", shown_wall, shown_cpu);
  g_print ("  annotations read, next frame: %6.0f ms wall\n", loaded_wall);
  g_print ("  then to the last sentence:   %7.0f ms wall  %7.0f ms main-thread CPU\n", jump_wall, jump_cpu);
  g_print ("  idle (all laid out, tagged): %7.0f ms wall after opening\n", idle.busy_until - wall0);
  g_print ("  CPU until idle:              %7.0f ms all threads  %7.0f ms main thread\n",
           process_ms () - process0, thread_ms () - cpu0);
  g_print ("  longest main-loop stall:     %7.1f ms, at %.0f ms; %u over 50 ms\n",
           idle.longest, idle.longest_at, idle.n_long);
  if (g_getenv ("GLOSS_BENCH_DEBUG"))
    g_print ("  (stall at monotonic %.3f s)\n", (wall0 + idle.longest_at) / 1e3);

  for (guint i = 0; i < 20; i++)
    {
      double t = time_action (window, i % 2 ? "doc.move-next" : "doc.move-previous", NULL);

      g_array_append_val (moves, t);
    }
  for (guint i = 0; i < 20; i++)
    {
      double t = time_action (window, "doc.toggle-label", g_variant_new_string ("quote"));

      g_array_append_val (toggles, t);
    }
  g_print ("  move, to the next frame:     %7.2f ms main-thread CPU (median)\n", median (moves));
  g_print ("  toggle, to the next frame:   %7.2f ms main-thread CPU (median)\n", median (toggles));

  /* On to a short text: the long one is let go */
  wait_saved (window);
  {
    g_autofree char *dir = g_path_get_dirname (path);
    g_autofree char *other = write_article (dir, 10 * 1024);
    g_autoptr(GFile) other_file = g_file_new_for_path (other);

    gloss_window_open (window, other_file);
    run_until_idle (wall_ms (), 1000, &idle);
    g_print ("  then a short text: longest main-loop stall %.1f ms\n", idle.longest);
  }

  g_signal_handlers_disconnect_by_func (clock, on_after_paint_cb, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GlossApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *small = NULL;
  g_autofree char *large = NULL;
  g_autofree char *spans_dir = NULL;
  g_autofree char *with_spans = NULL;
  gboolean big, spans_only;

  /* The settings' defaults, not the user's (the suggestions on opening,
   * the window's size) */
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  if (!gtk_init_check ())
    {
      g_printerr ("No display: run under xvfb-run\n");
      return 1;
    }

  dir = g_dir_make_tmp ("gloss-bench-XXXXXX", NULL);
  big = argc > 1 && g_str_equal (argv[1], "--big");
  spans_only = argc > 1 && g_str_equal (argv[1], "--spans");

  if (big)
    {
      gsize megabytes = argc > 2 ? strtoul (argv[2], NULL, 10) : 59;

      large = g_build_filename (dir, "long-article.txt", NULL);
      if (!gloss_big_article_write (large, GLOSS_SAMPLES_DIR, megabytes * 1000 * 1000, 100000, &error))
        g_error ("%s", error->message);
      /* --plain: a text without annotations yet, split when it is opened */
      if (argc > 3 && g_str_equal (argv[3], "--plain"))
        {
          g_autofree char *json = g_strconcat (large, ".gloss.json", NULL);

          g_remove (json);
        }
    }
  else if (!spans_only)
    {
      small = write_article (dir, 10 * 1024);
      large = write_article (dir, 1024 * 1024);
      annotate_every_sentence (small, 1);
      annotate_every_sentence (large, 1);
    }

  /* In a folder of its own, for its project's labels */
  if (!big)
    {
      spans_dir = g_build_filename (dir, "spans", NULL);
      g_mkdir (spans_dir, 0700);
      with_spans = write_article (spans_dir, 1024 * 1024);
      annotate_spans (with_spans);
    }

  app = gloss_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  if (big)
    bench_big (app, large);
  else
    {
      if (g_getenv ("GLOSS_BENCH_LARGE_ONLY") == NULL && !spans_only)
        bench (app, small);
      if (!spans_only)
        bench (app, large);
      bench_spans_twice (app, with_spans);
    }

  /* The long article takes 130 MB of /tmp */
  if (spans_dir != NULL)
    remove_folder (spans_dir);
  remove_folder (dir);

  return 0;
}
