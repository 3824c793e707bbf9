/* test-chart.c
 *
 * GlossStats and its charts without a display: the tables of
 * tests/data/export-spans (German and English, spans, relations, three
 * annotators) and of annotators' copies (agreement), each drawn as SVG
 * (well-formed XML: a bar a value with its label's colour, every label
 * and value written as text) and as PNG (twice the chart's size).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "gloss-chart.h"
#include "gloss-stats.h"

/* @relative: below tests/data */
static GlossStats *
collect (const char *relative)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", relative, NULL);
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GlossStats *stats = gloss_stats_new ();

  folder = g_file_new_for_path (path);
  g_assert_true (gloss_stats_collect (stats, folder, problems, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);

  return stats;
}

static char *
table_csv (GlossStats *stats,
           const char *id)
{
  const GlossStatsTable *table = gloss_stats_lookup_table (stats, id);
  GString *out = g_string_new (NULL);

  g_assert_nonnull (table);
  gloss_stats_table_append_csv (table, out);

  return g_string_free (out, FALSE);
}

static void
test_tables (void)
{
  g_autoptr(GlossStats) stats = collect ("export-spans");
  g_autofree char *labels = table_csv (stats, "labels");
  g_autofree char *documents = table_csv (stats, "documents");
  g_autofree char *progress = table_csv (stats, "progress");
  g_autofree char *annotators = table_csv (stats, "annotators");
  g_autofree char *together = table_csv (stats, "cooccurrence");

  g_assert_cmpuint (gloss_stats_get_n_documents (stats), ==, 3);
  /* Not annotators' copies: no agreement */
  g_assert_cmpuint (gloss_stats_get_n_tables (stats), ==, 5);
  g_assert_null (gloss_stats_lookup_table (stats, "agreement"));

  g_assert_cmpstr (labels, ==,
                   "label,count,documents\n"
                   "claim,3,3\n"
                   "quote,4,2\n"
                   "speaker,5,2\n"
                   "cue,4,2\n"
                   "frame,2,2\n"
                   "addressee,0,0\n");
  g_assert_cmpstr (documents, ==,
                   "document,claim,quote,speaker,cue,frame,addressee\n"
                   "de/interview.txt,1,2,3,2,1,0\n"
                   "en/briefing.txt,1,2,2,2,1,0\n"
                   "en/plain.txt,1,0,0,0,0,0\n");
  g_assert_cmpstr (progress, ==,
                   "document,sentences,annotated,progress,done\n"
                   "de/interview.txt,5,1,0.2000,0\n"
                   "en/briefing.txt,4,1,0.2500,0\n"
                   "en/plain.txt,2,1,0.5000,0\n");
  /* Ada's four spans are in three sentences (the quote in two parts over
   * sentences 1 and 2, its frame, cue and speaker in sentence 1) */
  g_assert_cmpstr (annotators, ==,
                   "annotator,documents,annotations,spans,sentences,share,done,done_share\n"
                   "Ada,1,0,4,3,0.2727,0,0.0000\n"
                   "Bea,1,1,4,2,0.1818,0,0.0000\n"
                   "Grace,2,2,7,4,0.3636,0,0.0000\n");
  /* Symmetric; the diagonal counts the sentences with the label */
  g_assert_cmpstr (together, ==,
                   "label,claim,quote,speaker,cue,frame,addressee\n"
                   "claim,3,2,2,2,0,0\n"
                   "quote,2,7,4,4,2,0\n"
                   "speaker,2,4,4,4,2,0\n"
                   "cue,2,4,4,4,2,0\n"
                   "frame,0,2,2,2,2,0\n"
                   "addressee,0,0,0,0,0,0\n");
}

static void
test_agreement (void)
{
  g_autoptr(GlossStats) stats = collect ("agreement/study");
  g_autofree char *csv = table_csv (stats, "agreement");
  g_autofree char *annotators = table_csv (stats, "annotators");
  g_autoptr(GString) json = g_string_new (NULL);

  /* κ: the mean of Cohen's κ over the pairs that define one; the figures
   * are those `gloss agree` prints for the same copies */
  g_assert_cmpstr (csv, ==,
                   "label,kappa,alpha,units\n"
                   "claim,0.4690,0.4921,13\n"
                   "source,0.2503,0.3600,13\n"
                   "quote,1.0000,1.0000,13\n");

  /* Each copy's documents are all marked done; Cem's copy lacks one */
  g_assert_cmpstr (annotators, ==,
                   "annotator,documents,annotations,spans,sentences,share,done,done_share\n"
                   "Ada,4,13,0,9,0.2250,4,1.0000\n"
                   "Bea,4,12,0,10,0.2500,4,1.0000\n"
                   "Cem,3,7,0,6,0.1500,3,1.0000\n");

  gloss_stats_table_append_json (gloss_stats_lookup_table (stats, "agreement"), json);
  g_assert_cmpstr (json->str, ==,
                   "{\"id\": \"agreement\", \"columns\": [\"kappa\", \"alpha\", \"units\"], \"rows\": [\n"
                   "    {\"label\": \"claim\", \"kappa\": 0.4690, \"alpha\": 0.4921, \"units\": 13},\n"
                   "    {\"label\": \"source\", \"kappa\": 0.2503, \"alpha\": 0.3600, \"units\": 13},\n"
                   "    {\"label\": \"quote\", \"kappa\": 1.0000, \"alpha\": 1.0000, \"units\": 13}\n"
                   "  ]}");
}

typedef struct
{
  GHashTable *classes;   /* class -> count */
  GPtrArray  *texts;     /* the text of each <text> */
  GPtrArray  *bar_fills; /* the fill of each bar, in order */
  gboolean    in_text;
  GString    *text;
} Svg;

static void
start_element (GMarkupParseContext  *context,
               const char           *name,
               const char          **names,
               const char          **values,
               gpointer              user_data,
               GError              **error)
{
  Svg *svg = user_data;
  const char *class = NULL, *fill = NULL;

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_equal (names[i], "class"))
        class = values[i];
      else if (g_str_equal (names[i], "fill"))
        fill = values[i];
    }
  if (class != NULL)
    g_hash_table_insert (svg->classes, g_strdup (class),
                         GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (svg->classes, class)) + 1));
  if (g_str_equal (name, "rect") && g_strcmp0 (class, "bar") == 0)
    g_ptr_array_add (svg->bar_fills, g_strdup (fill));
  if (g_str_equal (name, "text"))
    {
      svg->in_text = TRUE;
      g_string_truncate (svg->text, 0);
    }
}

static void
end_element (GMarkupParseContext  *context,
             const char           *name,
             gpointer              user_data,
             GError              **error)
{
  Svg *svg = user_data;

  if (g_str_equal (name, "text"))
    {
      svg->in_text = FALSE;
      g_ptr_array_add (svg->texts, g_strdup (svg->text->str));
    }
}

static void
text_cb (GMarkupParseContext  *context,
         const char           *text,
         gsize                 length,
         gpointer              user_data,
         GError              **error)
{
  Svg *svg = user_data;

  if (svg->in_text)
    g_string_append_len (svg->text, text, length);
}

static void
parse_svg (const char *data,
           Svg        *svg)
{
  static const GMarkupParser parser = { start_element, end_element, text_cb, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;

  svg->classes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  svg->texts = g_ptr_array_new_with_free_func (g_free);
  svg->bar_fills = g_ptr_array_new_with_free_func (g_free);
  svg->text = g_string_new (NULL);

  /* Well-formed XML, or the parser says where not */
  context = g_markup_parse_context_new (&parser, 0, svg, NULL);
  g_assert_true (g_str_has_prefix (data, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "));
  data = strchr (data, '\n') + 1;
  g_markup_parse_context_parse (context, data, -1, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
}

static void
svg_clear (Svg *svg)
{
  g_hash_table_unref (svg->classes);
  g_ptr_array_unref (svg->texts);
  g_ptr_array_unref (svg->bar_fills);
  g_string_free (svg->text, TRUE);
}

static guint
count_class (Svg        *svg,
             const char *class)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (svg->classes, class));
}

static gboolean
has_text (Svg        *svg,
          const char *text)
{
  for (guint i = 0; i < svg->texts->len; i++)
    if (g_str_equal (g_ptr_array_index (svg->texts, i), text))
      return TRUE;

  return FALSE;
}

static void
test_svg_bars (void)
{
  g_autoptr(GlossStats) stats = collect ("export-spans");
  g_autoptr(GlossChart) chart = gloss_chart_new (gloss_stats_lookup_table (stats, "labels"), FALSE);
  g_autofree char *data = gloss_chart_to_svg (chart);
  Svg svg = { 0 };

  parse_svg (data, &svg);
  /* A bar for each label used (addressee's 0 has none), in the label's
   * colour (quotation.json's; the fixture's claim) */
  g_assert_cmpuint (svg.bar_fills->len, ==, 5);
  g_assert_cmpstr (g_ptr_array_index (svg.bar_fills, 1), ==, "#3584e4");
  g_assert_cmpstr (g_ptr_array_index (svg.bar_fills, 2), ==, "#e66100");
  g_assert_cmpuint (count_class (&svg, "label"), ==, 6);
  g_assert_cmpuint (count_class (&svg, "value"), ==, 6);
  /* Names and values written, never colour alone */
  g_assert_true (has_text (&svg, "Labels in the corpus"));
  g_assert_true (has_text (&svg, "Speaker"));
  g_assert_true (has_text (&svg, "Addressee"));
  g_assert_true (has_text (&svg, "5"));
  g_assert_true (has_text (&svg, "0"));
  svg_clear (&svg);
}

static void
test_svg_others (void)
{
  g_autoptr(GlossStats) stats = collect ("export-spans");
  g_autoptr(GlossStats) copies = collect ("agreement/study");
  g_autoptr(GlossChart) stacked = gloss_chart_new (gloss_stats_lookup_table (stats, "documents"), FALSE);
  g_autoptr(GlossChart) heat = gloss_chart_new (gloss_stats_lookup_table (stats, "cooccurrence"), TRUE);
  g_autoptr(GlossChart) progress = gloss_chart_new (gloss_stats_lookup_table (stats, "progress"), FALSE);
  g_autoptr(GlossChart) agreement = gloss_chart_new (gloss_stats_lookup_table (copies, "agreement"), FALSE);
  g_autofree char *data = NULL;
  Svg svg = { 0 };

  /* Stacked: a segment for each label a document has (5 + 5 + 1), the
   * totals written, a legend of every label */
  data = gloss_chart_to_svg (stacked);
  parse_svg (data, &svg);
  g_assert_cmpuint (svg.bar_fills->len, ==, 11);
  g_assert_cmpuint (count_class (&svg, "swatch"), ==, 6);
  g_assert_cmpuint (count_class (&svg, "total"), ==, 3);
  g_assert_true (has_text (&svg, "9"));
  g_assert_true (has_text (&svg, "de/interview.txt"));
  svg_clear (&svg);
  g_free (data);

  /* The heat map: a cell for each pair, its value in it */
  data = gloss_chart_to_svg (heat);
  memset (&svg, 0, sizeof svg);
  parse_svg (data, &svg);
  g_assert_cmpuint (count_class (&svg, "cell"), ==, 36);
  g_assert_cmpuint (count_class (&svg, "value"), ==, 36);
  g_assert_true (has_text (&svg, "7"));
  svg_clear (&svg);
  g_free (data);

  /* Shares as percentages */
  data = gloss_chart_to_svg (progress);
  memset (&svg, 0, sizeof svg);
  parse_svg (data, &svg);
  g_assert_cmpuint (svg.bar_fills->len, ==, 3);
  g_assert_true (has_text (&svg, "50 %"));
  g_assert_true (has_text (&svg, "en/plain.txt"));
  svg_clear (&svg);
  g_free (data);

  /* κ and α side by side for each label, a legend of the two */
  data = gloss_chart_to_svg (agreement);
  memset (&svg, 0, sizeof svg);
  parse_svg (data, &svg);
  g_assert_cmpuint (svg.bar_fills->len, ==, 6);
  g_assert_cmpuint (count_class (&svg, "swatch"), ==, 2);
  g_assert_true (has_text (&svg, "0.47"));
  g_assert_true (has_text (&svg, "0.49"));
  g_assert_true (has_text (&svg, "Cohen’s κ"));
  svg_clear (&svg);
}

static void
test_png (void)
{
  g_autoptr(GlossStats) stats = collect ("export-spans");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gloss-chart-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "labels.png", NULL);
  g_autofree char *svg_path = g_build_filename (dir, "labels.svg", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) svg_file = g_file_new_for_path (svg_path);
  g_autoptr(GlossChart) chart = gloss_chart_new (gloss_stats_lookup_table (stats, "labels"), FALSE);
  g_autofree char *svg = NULL;
  g_autofree char *written = NULL;
  cairo_surface_t *surface;

  g_assert_true (gloss_chart_write_png (chart, file, &error));
  g_assert_no_error (error);
  surface = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 2 * gloss_chart_get_width (chart));
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 2 * gloss_chart_get_height (chart));
  g_assert_cmpint (gloss_chart_get_height (chart), >, 6 * 18);
  cairo_surface_destroy (surface);

  g_assert_true (gloss_chart_write_svg (chart, svg_file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (svg_path, &written, NULL, NULL));
  svg = gloss_chart_to_svg (chart);
  g_assert_cmpstr (written, ==, svg);

  g_remove (path);
  g_remove (svg_path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/chart/tables", test_tables);
  g_test_add_func ("/gloss/chart/agreement", test_agreement);
  g_test_add_func ("/gloss/chart/svg-bars", test_svg_bars);
  g_test_add_func ("/gloss/chart/svg-others", test_svg_others);
  g_test_add_func ("/gloss/chart/png", test_png);

  return g_test_run ();
}
