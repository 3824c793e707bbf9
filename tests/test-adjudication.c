/* test-adjudication.c
 *
 * Adjudication into a gold copy, on copies of the fixtures of
 * tests/data/agreement/study (see make-fixtures.py there): which
 * sentences disagree, what deciding writes, byte for byte, that the
 * annotators' files stay as they were, resuming and undoing. Then the
 * same for spans and relations, on three copies the test writes
 * (adjudication-copies.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "adjudication-copies.h"
#include "gloss-adjudication.h"
#include "gloss-annotation.h"
#include "gloss-document.h"
#include "gloss-history.h"
#include "gloss-relation.h"
#include "gloss-sentence.h"
#include "gloss-span.h"

#define TIME "2026-12-02T09:00:00Z"

typedef struct
{
  char      *dir;
  GPtrArray *roots;    /* GFile: the annotators' copies, in dir */
  GFile     *gold;
} Fixture;

static void
copy_tree (GFile *from,
           GFile *to)
{
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GError) error = NULL;

  g_file_make_directory_with_parents (to, NULL, NULL);
  children = g_file_enumerate_children (from, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);

  for (;;)
    {
      g_autoptr(GFileInfo) info = g_file_enumerator_next_file (children, NULL, &error);
      g_autoptr(GFile) source = NULL;
      g_autoptr(GFile) target = NULL;

      if (info == NULL)
        break;

      source = g_file_get_child (from, g_file_info_get_name (info));
      target = g_file_get_child (to, g_file_info_get_name (info));

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        copy_tree (source, target);
      else
        {
          g_file_copy (source, target, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
          g_assert_no_error (error);
        }
    }
  g_assert_no_error (error);
}

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                   G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);

  while (children != NULL)
    {
      g_autoptr(GFileInfo) info = g_file_enumerator_next_file (children, NULL, NULL);
      g_autoptr(GFile) child = NULL;

      if (info == NULL)
        break;

      child = g_file_get_child (file, g_file_info_get_name (info));
      remove_tree (child);
    }
  g_file_delete (file, NULL, NULL);
}

/* user_data: the annotators, comma-separated, of the study */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_auto(GStrv) names = g_strsplit (user_data, ",", -1);
  g_autoptr(GError) error = NULL;
  g_autofree char *gold = NULL;

  fixture->dir = g_dir_make_tmp ("gloss-adjudication-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->roots = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(GFile) source = g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "data", "agreement", "study",
                                                                          names[i], NULL));
      g_autofree char *path = g_build_filename (fixture->dir, names[i], NULL);
      GFile *target = g_file_new_for_path (path);

      copy_tree (source, target);
      g_ptr_array_add (fixture->roots, target);
    }

  gold = g_build_filename (fixture->dir, "gold", NULL);
  fixture->gold = g_file_new_for_path (gold);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GFile) dir = g_file_new_for_path (fixture->dir);

  remove_tree (dir);
  g_clear_pointer (&fixture->roots, g_ptr_array_unref);
  g_clear_object (&fixture->gold);
  g_clear_pointer (&fixture->dir, g_free);
}

/* Eve's adjudication of @id, at a fixed time, loaded */
static GlossAdjudication *
load_roots (GPtrArray          *roots,
            const char * const *names,
            GFile              *gold,
            const char         *id)
{
  g_autoptr(GlossAdjudication) adjudication = NULL;
  g_autoptr(GError) error = NULL;

  adjudication = gloss_adjudication_new (roots, names, gold, id);
  gloss_adjudication_set_adjudicator (adjudication, "Eve");
  gloss_adjudication_set_time (adjudication, TIME);
  g_assert_true (gloss_adjudication_load (adjudication, NULL, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&adjudication);
}

static GlossAdjudication *
load (Fixture    *fixture,
      const char *id)
{
  const char *names[] = { "Ada", "Bea", "Cem", NULL };

  names[fixture->roots->len] = NULL;

  return load_roots (fixture->roots, names, fixture->gold, id);
}

/* The labels as one string: "source,quote"; "-" for none, NULL if absent */
static char *
join (const char * const *labels)
{
  if (labels == NULL)
    return NULL;
  if (labels[0] == NULL)
    return g_strdup ("-");

  return g_strjoinv (",", (char **)labels);
}

static char *
gold_labels (GlossAdjudication *adjudication,
             guint              position)
{
  GlossSentence *sentence = gloss_document_get_sentence (gloss_adjudication_get_gold (adjudication), position);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) labels = NULL;

  for (guint i = 0; i < gloss_sentence_get_n_annotations (sentence); i++)
    {
      GlossAnnotation *annotation = gloss_sentence_get_annotation (sentence, i);

      g_assert_cmpstr (gloss_annotation_get_annotator (annotation), ==, "Eve");
      g_strv_builder_add (builder, gloss_annotation_get_label (annotation));
    }
  labels = g_strv_builder_end (builder);

  return join ((const char * const *)labels);
}

static GBytes *
read_bytes (GFile      *root,
            const char *path)
{
  g_autoptr(GFile) file = g_file_resolve_relative_path (root, path);
  g_autoptr(GError) error = NULL;
  GBytes *bytes = g_file_load_bytes (file, NULL, NULL, &error);

  g_assert_no_error (error);

  return bytes;
}

/* The gold copy's file @path against tests/data/adjudication/@expected,
 * byte for byte; a file that differs is kept in the temporary folder */
static void
assert_gold_file (Fixture    *fixture,
                  const char *path,
                  const char *expected)
{
  g_autoptr(GBytes) gold = read_bytes (fixture->gold, path);
  g_autoptr(GFile) expected_file = g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "data", "adjudication",
                                                                            expected, NULL));
  g_autoptr(GBytes) expected_bytes = NULL;
  g_autoptr(GError) error = NULL;

  expected_bytes = g_file_load_bytes (expected_file, NULL, NULL, &error);
  g_assert_no_error (error);
  if (!g_bytes_equal (gold, expected_bytes))
    {
      g_autofree char *name = g_strconcat ("gloss-adjudication-actual-", expected, NULL);
      g_autofree char *actual = g_build_filename (g_get_tmp_dir (), name, NULL);

      g_file_set_contents (actual, g_bytes_get_data (gold, NULL), g_bytes_get_size (gold), NULL);
      g_error ("The gold file differs from %s; it is in %s", g_file_peek_path (expected_file), actual);
    }
}

static void
test_three (Fixture       *fixture,
            gconstpointer  user_data)
{
  /* Per sentence of de/rathaus.txt: Ada, Bea, Cem */
  static const char *expected[6][3] = {
    { "source,quote", "quote", "source,quote" },
    { "claim,source", "claim,source", "claim" },
    { "-", "-", "claim" },
    { "quote", "source,quote", "quote" },
    { "claim", "claim", "-" },
    { "-", "-", "-" },
  };
  g_autoptr(GlossAdjudication) adjudication = load (fixture, "de/rathaus.txt");

  g_assert_cmpuint (gloss_adjudication_get_n_annotators (adjudication), ==, 3);
  g_assert_cmpuint (gloss_adjudication_get_n_disagreements (adjudication), ==, 5);
  g_assert_cmpuint (gloss_adjudication_get_n_decided (adjudication), ==, 0);
  g_assert_false (gloss_adjudication_get_gold_exists (adjudication));

  for (guint s = 0; s < 6; s++)
    {
      for (guint a = 0; a < 3; a++)
        {
          g_autofree char *labels = join (gloss_adjudication_get_labels (adjudication, s, a));

          g_assert_cmpstr (labels, ==, expected[s][a]);
        }
      g_assert_cmpint (gloss_adjudication_find_disagreement (adjudication, s), ==, s < 5 ? (int)s : -1);
    }
  for (guint k = 0; k < 5; k++)
    {
      g_assert_cmpuint (gloss_adjudication_get_sentence (adjudication, k), ==, k);
      g_assert_false (gloss_adjudication_get_decided (adjudication, k));
    }

  /* Nothing written yet */
  g_assert_false (g_file_query_exists (fixture->gold, NULL));
}

/* Sentences where all agree go into gold as they are */
static void
test_agreed (Fixture       *fixture,
             gconstpointer  user_data)
{
  static const char *expected[6] = { "-", "claim,source", "-", "-", "claim", "-" };
  g_autoptr(GlossAdjudication) adjudication = load (fixture, "de/rathaus.txt");

  g_assert_cmpuint (gloss_adjudication_get_n_disagreements (adjudication), ==, 2);
  g_assert_cmpuint (gloss_adjudication_get_sentence (adjudication, 0), ==, 0);
  g_assert_cmpuint (gloss_adjudication_get_sentence (adjudication, 1), ==, 3);

  for (guint s = 0; s < 6; s++)
    {
      g_autofree char *labels = gold_labels (adjudication, s);

      g_assert_cmpstr (labels, ==, expected[s]);
    }
}

/* Bea joined the first two sentences of de/split.txt: both are
 * disagreements, and her labels cannot be accepted there */
static void
test_split (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(GlossAdjudication) adjudication = load (fixture, "de/split.txt");
  g_autofree char *first = NULL;

  g_assert_cmpuint (gloss_adjudication_get_n_disagreements (adjudication), ==, 2);
  g_assert_null (gloss_adjudication_get_labels (adjudication, 0, 1));
  g_assert_null (gloss_adjudication_get_labels (adjudication, 1, 1));
  g_assert_cmpint (gloss_adjudication_find_disagreement (adjudication, 2), ==, -1);
  g_assert_false (gloss_adjudication_accept (adjudication, 0, 1));
  g_assert_cmpuint (gloss_adjudication_get_n_decided (adjudication), ==, 0);

  g_assert_true (gloss_adjudication_accept (adjudication, 1, 0));
  first = gold_labels (adjudication, 1);
  g_assert_cmpstr (first, ==, "claim");
}

static void
test_problems (Fixture       *fixture,
               gconstpointer  user_data)
{
  const char *names[] = { "Ada", "Bea", "Cem", NULL };
  g_autoptr(GlossAdjudication) changed = gloss_adjudication_new (fixture->roots, names, fixture->gold,
                                                                 "en/changed.txt");
  g_autoptr(GlossAdjudication) missing = NULL;
  g_autoptr(GPtrArray) two = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (gloss_adjudication_load (changed, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "different texts"));
  g_clear_error (&error);

  /* Cem has no en/council.txt: Ada and Bea are enough, Cem alone not */
  g_ptr_array_add (two, g_ptr_array_index (fixture->roots, 2));
  g_ptr_array_add (two, g_ptr_array_index (fixture->roots, 2));
  missing = gloss_adjudication_new (two, NULL, fixture->gold, "en/council.txt");
  g_assert_false (gloss_adjudication_load (missing, NULL, &error));
  g_assert_nonnull (strstr (error->message, "Fewer than two"));
}

static void
test_find_documents (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  GlossAdjudicationEntry *entry;

  entries = gloss_adjudication_find_documents (fixture->roots, fixture->gold, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 4);

  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (entry->id, ==, "de/rathaus.txt");
  g_assert_cmpuint (entry->n_disagreements, ==, 5);
  g_assert_null (entry->problem);
  entry = g_ptr_array_index (entries, 1);
  g_assert_cmpstr (entry->id, ==, "de/split.txt");
  g_assert_cmpuint (entry->n_disagreements, ==, 2);
  entry = g_ptr_array_index (entries, 2);
  g_assert_cmpstr (entry->id, ==, "en/changed.txt");
  g_assert_nonnull (entry->problem);
  entry = g_ptr_array_index (entries, 3);
  g_assert_cmpstr (entry->id, ==, "en/council.txt");
  g_assert_cmpuint (entry->n_disagreements, ==, 3);
  g_assert_cmpuint (entry->n_decided, ==, 0);
}

static void
test_gold (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(GBytes) ada_before = read_bytes (g_ptr_array_index (fixture->roots, 0), "de/rathaus.txt.gloss.json");
  g_autoptr(GBytes) bea_before = read_bytes (g_ptr_array_index (fixture->roots, 1), "de/rathaus.txt.gloss.json");
  g_autoptr(GBytes) ada_after = NULL;
  g_autoptr(GBytes) bea_after = NULL;
  g_autoptr(GBytes) text = NULL;
  g_autoptr(GBytes) gold_text = NULL;
  g_autoptr(GlossAdjudication) adjudication = load (fixture, "de/rathaus.txt");
  g_autoptr(GlossDocument) reloaded = NULL;
  g_autoptr(GFile) gold_file = NULL;
  g_autoptr(GError) error = NULL;

  /* Sentence 0: Ada's quote and source; sentence 3: Bea's, then by hand
   * without the source */
  g_assert_true (gloss_adjudication_accept (adjudication, 0, 0));
  g_assert_false (gloss_adjudication_accept (adjudication, 0, 0));
  g_assert_true (gloss_adjudication_accept (adjudication, 1, 1));
  g_assert_false (gloss_adjudication_toggle_label (adjudication, 1, "source"));
  g_assert_cmpuint (gloss_adjudication_get_n_decided (adjudication), ==, 2);
  g_assert_cmpint (gloss_adjudication_get_accepted (adjudication, 0), ==, 0);
  g_assert_cmpint (gloss_adjudication_get_accepted (adjudication, 1), ==, -1);

  g_assert_true (gloss_adjudication_save (adjudication, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (gloss_adjudication_get_gold_exists (adjudication));

  /* The text byte for byte, the annotations exactly so */
  text = read_bytes (g_ptr_array_index (fixture->roots, 0), "de/rathaus.txt");
  gold_text = read_bytes (fixture->gold, "de/rathaus.txt");
  g_assert_true (g_bytes_equal (text, gold_text));

  assert_gold_file (fixture, "de/rathaus.txt.gloss.json", "rathaus.txt.gloss.json");

  /* A valid Gloss document, as `gloss validate` would find it */
  gold_file = g_file_resolve_relative_path (fixture->gold, "de/rathaus.txt");
  reloaded = gloss_document_load (gold_file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_document_get_problems (reloaded)->len, ==, 0);
  g_assert_false (gloss_document_get_read_only (reloaded));

  /* The annotators' files are as they were */
  ada_after = read_bytes (g_ptr_array_index (fixture->roots, 0), "de/rathaus.txt.gloss.json");
  bea_after = read_bytes (g_ptr_array_index (fixture->roots, 1), "de/rathaus.txt.gloss.json");
  g_assert_true (g_bytes_equal (ada_before, ada_after));
  g_assert_true (g_bytes_equal (bea_before, bea_after));
}

static void
test_resume (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GlossAdjudication) first = load (fixture, "de/rathaus.txt");
  g_autoptr(GlossAdjudication) again = NULL;
  g_autoptr(GlossAdjudication) last = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *labels = NULL;
  GlossAdjudicationEntry *entry;

  g_assert_true (gloss_adjudication_accept (first, 1, 1));
  g_assert_true (gloss_adjudication_save (first, NULL, &error));
  g_assert_no_error (error);

  again = load (fixture, "de/rathaus.txt");
  g_assert_true (gloss_adjudication_get_gold_exists (again));
  g_assert_cmpuint (gloss_adjudication_get_n_disagreements (again), ==, 2);
  g_assert_cmpuint (gloss_adjudication_get_n_decided (again), ==, 1);
  g_assert_false (gloss_adjudication_get_decided (again, 0));
  g_assert_true (gloss_adjudication_get_decided (again, 1));
  g_assert_cmpint (gloss_adjudication_get_accepted (again, 1), ==, 1);
  g_assert_false (gloss_adjudication_get_can_undo (again));
  labels = gold_labels (again, 3);
  g_assert_cmpstr (labels, ==, "source,quote");

  entries = gloss_adjudication_find_documents (fixture->roots, fixture->gold, NULL, &error);
  g_assert_no_error (error);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (entry->id, ==, "de/rathaus.txt");
  g_assert_cmpuint (entry->n_decided, ==, 1);

  /* Deciding the rest marks the gold copy done */
  g_assert_true (gloss_adjudication_accept (again, 0, 1));
  g_assert_true (gloss_document_get_done (gloss_adjudication_get_gold (again)));
  g_assert_true (gloss_adjudication_save (again, NULL, &error));
  last = load (fixture, "de/rathaus.txt");
  g_assert_cmpuint (gloss_adjudication_get_n_decided (last), ==, 2);
  g_assert_true (gloss_document_get_done (gloss_adjudication_get_gold (last)));
}

static void
test_undo (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(GlossAdjudication) adjudication = load (fixture, "de/rathaus.txt");
  g_autofree char *before = NULL;
  g_autofree char *accepted = NULL;
  g_autofree char *toggled = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *restored = NULL;

  before = gold_labels (adjudication, 0);
  g_assert_cmpstr (before, ==, "-");
  g_assert_false (gloss_adjudication_get_can_undo (adjudication));

  gloss_adjudication_accept (adjudication, 0, 0);
  accepted = gold_labels (adjudication, 0);
  g_assert_cmpstr (accepted, ==, "source,quote");
  gloss_adjudication_toggle_label (adjudication, 0, "claim");
  toggled = gold_labels (adjudication, 0);
  g_assert_cmpstr (toggled, ==, "claim,source,quote");
  g_assert_cmpint (gloss_adjudication_get_accepted (adjudication, 0), ==, -1);

  g_assert_true (gloss_adjudication_undo (adjudication));
  undone = gold_labels (adjudication, 0);
  g_assert_cmpstr (undone, ==, "source,quote");
  g_assert_cmpint (gloss_adjudication_get_accepted (adjudication, 0), ==, 0);
  g_assert_cmpuint (gloss_adjudication_get_n_decided (adjudication), ==, 1);

  g_assert_true (gloss_adjudication_undo (adjudication));
  restored = gold_labels (adjudication, 0);
  g_assert_cmpstr (restored, ==, "-");
  g_assert_false (gloss_adjudication_get_decided (adjudication, 0));
  g_assert_cmpuint (gloss_adjudication_get_n_decided (adjudication), ==, 0);
  g_assert_false (gloss_adjudication_undo (adjudication));
}

/* --- Spans and relations ------------------------------------------------ */

/* user_data: "reversed" names the annotators Cem, Bea, Ada */
static void
spans_set_up (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *gold = NULL;

  fixture->dir = g_dir_make_tmp ("gloss-adjudication-spans-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->roots = adjudication_copies_write (fixture->dir);

  gold = g_build_filename (fixture->dir, "gold", NULL);
  fixture->gold = g_file_new_for_path (gold);
}

static GlossAdjudication *
load_spans (Fixture  *fixture,
            gboolean  reversed)
{
  const char *names[] = { "Ada", "Bea", "Cem", NULL };
  const char *reversed_names[] = { "Cem", "Bea", "Ada", NULL };
  g_autoptr(GPtrArray) roots = g_ptr_array_new ();

  for (guint a = 0; a < 3; a++)
    g_ptr_array_add (roots, g_ptr_array_index (fixture->roots, reversed ? 2 - a : a));

  return load_roots (roots, reversed ? reversed_names : names, fixture->gold, ADJUDICATION_COPIES_ID);
}

/* Every span of @document with its offsets, text and attributes, and
 * under it the relations from it: one line each */
static char *
describe_spans (GlossDocument *document)
{
  GListModel *spans = gloss_document_get_spans (document);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (spans); i++)
    {
      g_autoptr(GlossSpan) span = g_list_model_get_item (spans, i);
      g_autofree char *text = gloss_span_dup_text (span, " … ");
      g_autoptr(GPtrArray) relations = gloss_document_dup_relations_from (document, gloss_span_get_id (span));

      g_string_append_printf (out, "%s [%u,%u) %s", gloss_span_get_label (span), gloss_span_get_start (span),
                              gloss_span_get_end (span), text);
      for (guint a = 0; a < gloss_span_get_n_attributes (span); a++)
        g_string_append_printf (out, " %s=%s", gloss_span_get_attribute_name (span, a),
                                gloss_span_get_attribute_value (span, a));
      g_string_append_c (out, '\n');

      for (guint r = 0; r < relations->len; r++)
        {
          GlossRelation *relation = g_ptr_array_index (relations, r);
          GlossSpan *to = gloss_document_lookup_span (document, gloss_relation_get_to (relation));
          g_autofree char *to_text = gloss_span_dup_text (to, " … ");

          g_string_append_printf (out, "  %s → %s [%u,%u)\n", gloss_relation_get_label (relation), to_text,
                                  gloss_span_get_start (to), gloss_span_get_end (to));
        }
    }

  return g_string_free (out, FALSE);
}

static void
assert_spans (GlossAdjudication *adjudication,
              const char        *expected)
{
  g_autofree char *actual = describe_spans (gloss_adjudication_get_gold (adjudication));

  g_assert_cmpstr (actual, ==, expected);
}

/* What the units agreed on, before any decision */
#define AGREED \
  "entity [26,32) Brücke\n" \
  "quote [37,68) „Wir bauen die Brücke bis 2027“ type=direct medium=speech\n" \
  "  speaker → Bürgermeisterin Anna Weber [76,102)\n" \
  "  cue → sagte [70,75)\n" \
  "cue [70,75) sagte\n" \
  "speaker [76,102) Bürgermeisterin Anna Weber\n"

static void
test_spans_units (Fixture       *fixture,
                  gconstpointer  user_data)
{
  static const struct
  {
    GlossAdjudicationKind kind;
    guint                 start;
    guint                 end;
    const char           *label;
  } expected[] = {
    { GLOSS_ADJUDICATION_SENTENCE, 115, 165, NULL },
    { GLOSS_ADJUDICATION_SPANS, 115, 142, "quote" },
    { GLOSS_ADJUDICATION_SPANS, 119, 127, "entity" },
    { GLOSS_ADJUDICATION_SPANS, 167, 183, "quote" },
    { GLOSS_ADJUDICATION_SPANS, 212, 232, "quote" },
    { GLOSS_ADJUDICATION_SPANS, 234, 254, "quote" },
  };
  g_autoptr(GlossAdjudication) adjudication = load_spans (fixture, FALSE);
  GlossSpan *span;
  GPtrArray *relations;

  g_assert_cmpuint (gloss_adjudication_get_n_units (adjudication), ==, 7);
  g_assert_cmpuint (gloss_adjudication_get_n_agreed_units (adjudication), ==, 2);
  g_assert_cmpuint (gloss_adjudication_get_n_disagreements (adjudication), ==, G_N_ELEMENTS (expected));
  g_assert_cmpuint (gloss_adjudication_get_n_decided (adjudication), ==, 0);

  for (guint k = 0; k < G_N_ELEMENTS (expected); k++)
    {
      guint start, end;

      g_assert_cmpint (gloss_adjudication_get_kind (adjudication, k), ==, expected[k].kind);
      gloss_adjudication_get_range (adjudication, k, &start, &end);
      g_assert_cmpuint (start, ==, expected[k].start);
      g_assert_cmpuint (end, ==, expected[k].end);
      if (expected[k].label != NULL)
        g_assert_cmpstr (gloss_adjudication_get_unit_label (adjudication, k), ==, expected[k].label);
      g_assert_false (gloss_adjudication_get_decided (adjudication, k));
    }
  g_assert_cmpint (gloss_adjudication_find_disagreement (adjudication, gloss_adjudication_get_sentence (adjudication, 0)),
                   ==, 0);

  /* Each annotator's version: Cem's quote is shorter, and Cem has none
   * of „Wir müssen sparen.“ */
  span = gloss_adjudication_get_unit_span (adjudication, 1, 2);
  g_assert_cmpuint (gloss_span_get_start (span), ==, 119);
  g_assert_cmpstr (gloss_span_get_part_text (span, 0), ==, "Stadtrat sei skeptisch");
  relations = gloss_adjudication_get_unit_relations (adjudication, 1, 2);
  g_assert_cmpuint (relations->len, ==, 2);
  g_assert_null (gloss_adjudication_get_unit_span (adjudication, 4, 2));
  g_assert_cmpuint (gloss_adjudication_get_unit_relations (adjudication, 4, 2)->len, ==, 0);
  relations = gloss_adjudication_get_unit_relations (adjudication, 4, 1);
  g_assert_cmpuint (relations->len, ==, 1);
  g_assert_cmpstr (gloss_relation_get_label (g_ptr_array_index (relations, 0)), ==, "speaker");

  /* The new gold copy holds what all agree on, as it is; nothing to undo */
  assert_spans (adjudication, AGREED);
  g_assert_false (gloss_history_get_can_undo (gloss_document_get_history (gloss_adjudication_get_gold (adjudication))));
}

static void
test_spans_gold (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GlossAdjudication) adjudication = load_spans (fixture, FALSE);
  g_autoptr(GlossDocument) reloaded = NULL;
  g_autoptr(GFile) gold_file = NULL;
  g_autoptr(GBytes) ada_before = read_bytes (g_ptr_array_index (fixture->roots, 0), "de/zitate.txt.gloss.json");
  g_autoptr(GBytes) ada_after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_adjudication_accept (adjudication, 0, 1));  /* no claim */
  g_assert_true (gloss_adjudication_accept (adjudication, 1, 1));  /* Bea's extent */
  g_assert_false (gloss_adjudication_accept (adjudication, 1, 1));
  g_assert_true (gloss_adjudication_reject (adjudication, 2));     /* no entity */
  g_assert_false (gloss_adjudication_reject (adjudication, 2));
  g_assert_true (gloss_adjudication_accept (adjudication, 3, 2));  /* Cem's speaker */
  g_assert_true (gloss_adjudication_accept (adjudication, 4, 1));  /* Bea's, the same speaker */
  g_assert_true (gloss_adjudication_accept (adjudication, 5, 0));  /* Ada's type */
  g_assert_cmpuint (gloss_adjudication_get_n_decided (adjudication), ==, 6);
  g_assert_cmpint (gloss_adjudication_get_accepted (adjudication, 3), ==, 2);
  g_assert_cmpint (gloss_adjudication_get_accepted (adjudication, 2), ==, -1);
  g_assert_true (gloss_adjudication_get_rejected (adjudication, 2));
  g_assert_false (gloss_adjudication_get_rejected (adjudication, 3));
  g_assert_true (gloss_document_get_done (gloss_adjudication_get_gold (adjudication)));

  /* One speaker span for both of Beck's quotes */
  assert_spans (adjudication,
                AGREED
                "quote [115,142) Der Stadtrat sei skeptisch, type=indirect medium=speech\n"
                "  speaker → Weber [152,157)\n"
                "  cue → erklärte [143,151)\n"
                "cue [143,151) erklärte\n"
                "speaker [152,157) Weber\n"
                "quote [167,183) „Das Geld fehlt“ type=direct medium=speech\n"
                "  speaker → Jonas Beck [200,210)\n"
                "  cue → sagte [185,190)\n"
                "cue [185,190) sagte\n"
                "speaker [200,210) Jonas Beck\n"
                "quote [212,232) „Wir müssen sparen.“ type=direct medium=speech\n"
                "  speaker → Jonas Beck [200,210)\n"
                "quote [234,254) Man werde das prüfen type=indirect medium=speech\n");

  g_assert_true (gloss_adjudication_save (adjudication, NULL, &error));
  g_assert_no_error (error);

  assert_gold_file (fixture, "de/zitate.txt.gloss.json", "zitate.txt.gloss.json");

  /* A valid Gloss document */
  gold_file = g_file_resolve_relative_path (fixture->gold, ADJUDICATION_COPIES_ID);
  reloaded = gloss_document_load (gold_file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_document_get_problems (reloaded)->len, ==, 0);

  ada_after = read_bytes (g_ptr_array_index (fixture->roots, 0), "de/zitate.txt.gloss.json");
  g_assert_true (g_bytes_equal (ada_before, ada_after));
}

#define BECK_CEM \
  "quote [167,183) „Das Geld fehlt“ type=direct medium=speech\n" \
  "  speaker → Jonas Beck [200,210)\n" \
  "  cue → sagte [185,190)\n" \
  "cue [185,190) sagte\n" \
  "speaker [200,210) Jonas Beck\n"
#define SPAREN_BEA \
  "quote [212,232) „Wir müssen sparen.“ type=direct medium=speech\n" \
  "  speaker → Jonas Beck [200,210)\n"

/* A speaker of two quotes stays while either needs it */
static void
test_spans_undo (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GlossAdjudication) adjudication = load_spans (fixture, FALSE);

  /* Cem's version of „Wir müssen sparen.“ is none: taking it is no quote */
  g_assert_true (gloss_adjudication_accept (adjudication, 4, 2));
  g_assert_cmpint (gloss_adjudication_get_accepted (adjudication, 4), ==, 2);
  g_assert_false (gloss_adjudication_get_rejected (adjudication, 4));
  assert_spans (adjudication, AGREED);
  g_assert_true (gloss_adjudication_undo (adjudication));
  g_assert_false (gloss_adjudication_get_decided (adjudication, 4));

  g_assert_true (gloss_adjudication_accept (adjudication, 3, 2));
  g_assert_true (gloss_adjudication_accept (adjudication, 4, 1));
  assert_spans (adjudication, AGREED BECK_CEM SPAREN_BEA);

  /* Without „Das Geld fehlt“ its cue goes, the speaker stays */
  g_assert_true (gloss_adjudication_reject (adjudication, 3));
  assert_spans (adjudication, AGREED
                "speaker [200,210) Jonas Beck\n"
                SPAREN_BEA);
  g_assert_cmpuint (gloss_adjudication_get_n_decided (adjudication), ==, 2);

  /* Ada's version instead: her speaker is another span */
  g_assert_true (gloss_adjudication_accept (adjudication, 3, 0));
  assert_spans (adjudication, AGREED
                "quote [167,183) „Das Geld fehlt“ type=direct medium=speech\n"
                "  speaker → Kämmerer Jonas Beck [191,210)\n"
                "  cue → sagte [185,190)\n"
                "cue [185,190) sagte\n"
                "speaker [191,210) Kämmerer Jonas Beck\n"
                "speaker [200,210) Jonas Beck\n"
                SPAREN_BEA);

  /* Without „Wir müssen sparen.“ nothing needs Bea's speaker */
  g_assert_true (gloss_adjudication_reject (adjudication, 4));
  assert_spans (adjudication, AGREED
                "quote [167,183) „Das Geld fehlt“ type=direct medium=speech\n"
                "  speaker → Kämmerer Jonas Beck [191,210)\n"
                "  cue → sagte [185,190)\n"
                "cue [185,190) sagte\n"
                "speaker [191,210) Kämmerer Jonas Beck\n");

  g_assert_true (gloss_adjudication_undo (adjudication));
  g_assert_true (gloss_adjudication_undo (adjudication));
  assert_spans (adjudication, AGREED
                "speaker [200,210) Jonas Beck\n"
                SPAREN_BEA);
  g_assert_true (gloss_adjudication_get_rejected (adjudication, 3));
  g_assert_true (gloss_adjudication_undo (adjudication));
  assert_spans (adjudication, AGREED BECK_CEM SPAREN_BEA);
  g_assert_cmpint (gloss_adjudication_get_accepted (adjudication, 3), ==, 2);
  g_assert_true (gloss_adjudication_undo (adjudication));
  g_assert_true (gloss_adjudication_undo (adjudication));
  assert_spans (adjudication, AGREED);
  g_assert_cmpuint (gloss_adjudication_get_n_decided (adjudication), ==, 0);
  g_assert_false (gloss_adjudication_undo (adjudication));
}

static void
test_spans_resume (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GlossAdjudication) first = load_spans (fixture, FALSE);
  g_autoptr(GlossAdjudication) again = NULL;
  g_autoptr(GlossAdjudication) last = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  GlossAdjudicationEntry *entry;

  g_assert_true (gloss_adjudication_accept (first, 1, 2));
  g_assert_true (gloss_adjudication_reject (first, 2));
  g_assert_true (gloss_adjudication_accept (first, 3, 2));
  g_assert_true (gloss_adjudication_accept (first, 4, 1));
  g_assert_true (gloss_adjudication_save (first, NULL, &error));
  g_assert_no_error (error);

  /* Read back with the annotators in another order: the decisions are
   * keyed by the spans, not by who comes first */
  again = load_spans (fixture, TRUE);
  g_assert_true (gloss_adjudication_get_gold_exists (again));
  g_assert_cmpuint (gloss_adjudication_get_n_disagreements (again), ==, 6);
  g_assert_cmpuint (gloss_adjudication_get_n_decided (again), ==, 4);
  g_assert_false (gloss_adjudication_get_decided (again, 0));
  g_assert_cmpstr (gloss_adjudication_get_annotator (again, 0), ==, "Cem");
  g_assert_cmpint (gloss_adjudication_get_accepted (again, 1), ==, 0);
  g_assert_true (gloss_adjudication_get_rejected (again, 2));
  g_assert_cmpint (gloss_adjudication_get_accepted (again, 3), ==, 0);
  g_assert_cmpint (gloss_adjudication_get_accepted (again, 4), ==, 1);
  g_assert_false (gloss_adjudication_get_decided (again, 5));
  g_assert_false (gloss_adjudication_get_can_undo (again));
  assert_spans (again, AGREED
                "quote [119,141) Stadtrat sei skeptisch type=indirect medium=speech\n"
                "  speaker → Weber [152,157)\n"
                "  cue → erklärte [143,151)\n"
                "cue [143,151) erklärte\n"
                "speaker [152,157) Weber\n"
                BECK_CEM SPAREN_BEA);

  entries = gloss_adjudication_find_documents (fixture->roots, fixture->gold, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpuint (entry->n_disagreements, ==, 6);
  g_assert_cmpuint (entry->n_decided, ==, 4);

  /* A decision of the earlier session changed: Cem's speaker stays for
   * „Wir müssen sparen.“ */
  g_assert_true (gloss_adjudication_accept (again, 3, 2));
  assert_spans (again, AGREED
                "quote [119,141) Stadtrat sei skeptisch type=indirect medium=speech\n"
                "  speaker → Weber [152,157)\n"
                "  cue → erklärte [143,151)\n"
                "cue [143,151) erklärte\n"
                "speaker [152,157) Weber\n"
                "quote [167,183) „Das Geld fehlt“ type=direct medium=speech\n"
                "  speaker → Kämmerer Jonas Beck [191,210)\n"
                "  cue → sagte [185,190)\n"
                "cue [185,190) sagte\n"
                "speaker [191,210) Kämmerer Jonas Beck\n"
                "speaker [200,210) Jonas Beck\n"
                SPAREN_BEA);

  g_assert_true (gloss_adjudication_reject (again, 0));
  g_assert_true (gloss_adjudication_reject (again, 5));
  g_assert_true (gloss_document_get_done (gloss_adjudication_get_gold (again)));
  g_assert_true (gloss_adjudication_save (again, NULL, &error));
  g_assert_no_error (error);

  last = load_spans (fixture, FALSE);
  g_assert_cmpuint (gloss_adjudication_get_n_decided (last), ==, 6);
  g_assert_cmpint (gloss_adjudication_get_accepted (last, 3), ==, 0);
  g_assert_true (gloss_adjudication_get_rejected (last, 5));
  g_assert_true (gloss_document_get_done (gloss_adjudication_get_gold (last)));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, who, func) \
  g_test_add (path, Fixture, who, fixture_set_up, func, fixture_tear_down)

  ADD ("/gloss/adjudication/three", "ada,bea,cem", test_three);
  ADD ("/gloss/adjudication/agreed", "ada,bea", test_agreed);
  ADD ("/gloss/adjudication/split", "ada,bea", test_split);
  ADD ("/gloss/adjudication/problems", "ada,bea,cem", test_problems);
  ADD ("/gloss/adjudication/find-documents", "ada,bea,cem", test_find_documents);
  ADD ("/gloss/adjudication/gold", "ada,bea", test_gold);
  ADD ("/gloss/adjudication/resume", "ada,bea", test_resume);
  ADD ("/gloss/adjudication/undo", "ada,bea", test_undo);

#define ADD_SPANS(path, func) \
  g_test_add (path, Fixture, NULL, spans_set_up, func, fixture_tear_down)

  ADD_SPANS ("/gloss/adjudication/spans/units", test_spans_units);
  ADD_SPANS ("/gloss/adjudication/spans/gold", test_spans_gold);
  ADD_SPANS ("/gloss/adjudication/spans/undo", test_spans_undo);
  ADD_SPANS ("/gloss/adjudication/spans/resume", test_spans_resume);

#undef ADD_SPANS

#undef ADD

  return g_test_run ();
}
