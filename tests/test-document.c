/* test-document.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "gloss-annotation.h"
#include "gloss-document.h"
#include "gloss-format.h"
#include "gloss-history.h"
#include "gloss-label.h"
#include "gloss-label-set.h"
#include "gloss-problem.h"
#include "gloss-sentence.h"
#include "gloss-text.h"

typedef struct
{
  GlossDocument *document;
  guint          n_changed;
  guint          sentence_changes;
  guint          last_position;
} Fixture;

static void
on_changed_cb (GlossDocument *document,
               Fixture       *fixture)
{
  fixture->n_changed++;
}

static void
on_sentences_changed_cb (GListModel *model,
                         guint       position,
                         guint       removed,
                         guint       added,
                         Fixture    *fixture)
{
  /* A sentence whose labels change is reported as changed in place */
  if (removed == 1 && added == 1)
    {
      fixture->sentence_changes++;
      fixture->last_position = position;
    }
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GlossText) text = NULL;
  g_autoptr(GError) error = NULL;

  text = gloss_text_new ("Die Polizei sagt, es gab drei Verletzte. „Es war chaotisch“, sagte ein Zeuge.\n"
                         "Die Stadt dementiert das.", -1, &error);
  g_assert_no_error (error);

  fixture->document = gloss_document_new (text, "de", NULL);
  gloss_document_set_annotator (fixture->document, "Grace");
  g_signal_connect (fixture->document, "changed", G_CALLBACK (on_changed_cb), fixture);
  g_signal_connect (gloss_document_get_sentences (fixture->document), "items-changed",
                    G_CALLBACK (on_sentences_changed_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->document);
}

static void
test_sentences (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *second = NULL;

  g_assert_cmpuint (gloss_document_get_n_sentences (fixture->document), ==, 3);
  second = gloss_document_dup_sentence_text (fixture->document, 1);
  g_assert_cmpstr (second, ==, "„Es war chaotisch“, sagte ein Zeuge.");
  g_assert_cmpint (gloss_document_find_sentence_at (fixture->document, 0), ==, 0);
  g_assert_cmpint (gloss_document_find_sentence_at (fixture->document, 40), ==, 1);
  g_assert_cmpint (gloss_document_find_sentence_at (fixture->document, 200), ==, -1);
}

static void
test_labels_and_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  GlossDocument *doc = fixture->document;
  GlossHistory *history = gloss_document_get_history (doc);
  GlossSentence *sentence = gloss_document_get_sentence (doc, 1);
  GListModel *annotations = gloss_document_get_annotations (doc);
  g_autoptr(GlossAnnotation) first = NULL;

  g_assert_false (gloss_history_get_can_undo (history));

  /* A quote that also names its source: two labels on one sentence */
  g_assert_true (gloss_document_add_label (doc, 1, "quote"));
  g_assert_true (gloss_document_add_label (doc, 1, "source"));
  g_assert_cmpuint (fixture->n_changed, ==, 2);
  g_assert_cmpuint (fixture->sentence_changes, ==, 2);
  g_assert_cmpuint (fixture->last_position, ==, 1);

  /* Adding a label the sentence has changes nothing */
  g_assert_false (gloss_document_add_label (doc, 1, "quote"));
  g_assert_cmpuint (fixture->n_changed, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (annotations), ==, 2);

  /* In label-set order: source before quote */
  g_assert_cmpstr (gloss_annotation_get_label (gloss_sentence_get_annotation (sentence, 0)), ==, "source");
  g_assert_cmpstr (gloss_annotation_get_label (gloss_sentence_get_annotation (sentence, 1)), ==, "quote");
  first = g_list_model_get_item (annotations, 0);
  g_assert_cmpstr (gloss_annotation_get_text (first), ==, "„Es war chaotisch“, sagte ein Zeuge.");
  g_assert_cmpstr (gloss_annotation_get_annotator (first), ==, "Grace");
  g_assert_cmpuint (gloss_annotation_get_sentence (first), ==, gloss_sentence_get_id (sentence));
  g_assert_true (gloss_timestamp_is_valid (gloss_annotation_get_created (first)));
  g_assert_true (g_str_has_suffix (gloss_annotation_get_created (first), "Z"));
  g_assert_cmpuint (gloss_document_get_n_annotated (doc), ==, 1);

  /* A note goes on every label of the sentence, as one step */
  g_assert_true (gloss_document_set_note (doc, 1, "Zeuge anonym"));
  g_assert_cmpstr (gloss_annotation_get_note (gloss_sentence_get_annotation (sentence, 0)), ==, "Zeuge anonym");
  g_assert_cmpstr (gloss_annotation_get_note (gloss_sentence_get_annotation (sentence, 1)), ==, "Zeuge anonym");
  g_assert_false (gloss_document_set_note (doc, 1, "Zeuge anonym"));

  g_assert_true (gloss_document_undo (doc));
  g_assert_cmpstr (gloss_document_get_note (doc, 1), ==, "");
  g_assert_true (gloss_document_undo (doc));
  g_assert_false (gloss_sentence_has_label (sentence, "source"));
  g_assert_true (gloss_sentence_has_label (sentence, "quote"));
  g_assert_true (gloss_history_get_can_redo (history));

  g_assert_true (gloss_document_redo (doc));
  g_assert_true (gloss_sentence_has_label (sentence, "source"));
  g_assert_true (gloss_document_redo (doc));
  g_assert_cmpstr (gloss_document_get_note (doc, 1), ==, "Zeuge anonym");
  g_assert_false (gloss_document_redo (doc));

  /* A new change drops the redo steps */
  g_assert_true (gloss_document_undo (doc));
  g_assert_false (gloss_document_toggle_label (doc, 1, "quote"));
  g_assert_false (gloss_history_get_can_redo (history));
  g_assert_false (gloss_sentence_has_label (sentence, "quote"));

  /* Undo everything: back to nothing */
  while (gloss_document_undo (doc))
    ;
  g_assert_cmpuint (g_list_model_get_n_items (annotations), ==, 0);
  g_assert_cmpuint (gloss_document_get_n_annotated (doc), ==, 0);
  g_assert_cmpuint (gloss_sentence_get_n_annotations (sentence), ==, 0);
}

static void
assert_annotations (GlossDocument *doc,
                    const char    *expected[][2],
                    guint          n_expected)
{
  GListModel *annotations = gloss_document_get_annotations (doc);

  g_assert_cmpuint (g_list_model_get_n_items (annotations), ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      g_autoptr(GlossAnnotation) a = g_list_model_get_item (annotations, i);

      g_assert_cmpuint (gloss_annotation_get_sentence (a), ==, g_ascii_strtoull (expected[i][0], NULL, 10));
      g_assert_cmpstr (gloss_annotation_get_label (a), ==, expected[i][1]);
    }
}

static void
test_annotation_order (Fixture       *fixture,
                       gconstpointer  data)
{
  GlossDocument *doc = fixture->document;
  const char *expected[][2] = {
    { "0", "claim" }, { "0", "source" }, { "1", "quote" }, { "2", "claim" },
  };

  gloss_document_add_label (doc, 2, "claim");
  gloss_document_add_label (doc, 1, "quote");
  gloss_document_add_label (doc, 0, "source");
  gloss_document_add_label (doc, 0, "claim");

  assert_annotations (doc, expected, G_N_ELEMENTS (expected));

  g_assert_cmpuint (gloss_document_count_label (doc, "claim"), ==, 2);
  g_assert_cmpuint (gloss_document_get_n_annotated (doc), ==, 3);
}

/* The labels editor moves a label: the annotations follow the new label
 * order at once (the lookups search them in that order), and what is
 * saved reads back in the same order */
static void
test_label_moved (Fixture       *fixture,
                  gconstpointer  data)
{
  GlossDocument *doc = fixture->document;
  GlossLabelSet *labels = gloss_document_get_labels (doc);
  GlossSentence *sentence = gloss_document_get_sentence (doc, 0);
  g_autoptr(GlossDocument) reread = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) again = NULL;
  const char *moved[][2] = { { "0", "quote" }, { "0", "claim" }, { "0", "source" }, { "1", "claim" } };
  const char *removed[][2] = { { "0", "quote" }, { "0", "source" }, { "1", "quote" }, { "1", "claim" } };

  gloss_document_add_label (doc, 0, "claim");
  gloss_document_add_label (doc, 0, "source");
  gloss_document_add_label (doc, 0, "quote");
  gloss_document_add_label (doc, 1, "claim");

  /* claim, source, quote → quote, claim, source */
  g_assert_true (gloss_label_set_move (labels, 2, 0));
  assert_annotations (doc, moved, G_N_ELEMENTS (moved));
  g_assert_cmpstr (gloss_annotation_get_label (gloss_sentence_get_annotation (sentence, 0)), ==, "quote");
  g_assert_cmpstr (gloss_annotation_get_label (gloss_sentence_get_annotation (sentence, 2)), ==, "source");

  /* Found where the order says */
  g_assert_true (gloss_document_remove_label (doc, 0, "claim"));
  g_assert_true (gloss_document_add_label (doc, 1, "quote"));
  g_assert_false (gloss_sentence_has_label (sentence, "claim"));
  assert_annotations (doc, removed, G_N_ELEMENTS (removed));
  g_assert_cmpstr (gloss_annotation_get_label (gloss_sentence_get_annotation (gloss_document_get_sentence (doc, 1), 0)),
                   ==, "quote");

  /* Undone in the order that is now */
  g_assert_true (gloss_document_undo (doc));
  g_assert_true (gloss_document_undo (doc));
  assert_annotations (doc, moved, G_N_ELEMENTS (moved));

  /* Written in that order, read back in it */
  bytes = gloss_format_serialize (doc);
  reread = gloss_format_parse (gloss_document_get_text (doc), "a.txt", g_bytes_get_data (bytes, NULL),
                               g_bytes_get_size (bytes), NULL, labels);
  g_assert_false (gloss_document_get_read_only (reread));
  assert_annotations (reread, moved, G_N_ELEMENTS (moved));
  again = gloss_format_serialize (reread);
  g_assert_true (g_bytes_equal (bytes, again));
}

static void
test_done (Fixture       *fixture,
           gconstpointer  data)
{
  gloss_document_set_done (fixture->document, TRUE);
  g_assert_true (gloss_document_get_done (fixture->document));
  g_assert_cmpuint (fixture->n_changed, ==, 1);
  gloss_document_set_done (fixture->document, TRUE);
  g_assert_cmpuint (fixture->n_changed, ==, 1);
}

static char *
sentence_text (GlossDocument *doc,
               guint          position)
{
  return gloss_document_dup_sentence_text (doc, position);
}

static void
test_merge_split (Fixture       *fixture,
                  gconstpointer  data)
{
  GlossDocument *doc = fixture->document;
  g_autofree char *merged = NULL;
  g_autofree char *left = NULL;
  g_autofree char *right = NULL;
  GlossSentence *sentence;
  GlossAnnotation *annotation;
  guint id0, id1;

  id0 = gloss_sentence_get_id (gloss_document_get_sentence (doc, 0));
  id1 = gloss_sentence_get_id (gloss_document_get_sentence (doc, 1));
  gloss_document_add_label (doc, 0, "claim");
  gloss_document_add_label (doc, 1, "quote");
  gloss_document_add_label (doc, 1, "claim");
  gloss_document_set_note (doc, 0, "Zahl prüfen");
  gloss_document_set_note (doc, 1, "Zeuge anonym");

  /* Merge: the labels are united, both notes kept, one undo step */
  g_assert_true (gloss_document_merge_sentences (doc, 0));
  g_assert_cmpuint (gloss_document_get_n_sentences (doc), ==, 2);
  merged = sentence_text (doc, 0);
  g_assert_cmpstr (merged, ==, "Die Polizei sagt, es gab drei Verletzte. „Es war chaotisch“, sagte ein Zeuge.");
  sentence = gloss_document_get_sentence (doc, 0);
  g_assert_cmpuint (gloss_sentence_get_id (sentence), ==, id0);
  g_assert_cmpuint (gloss_sentence_get_n_annotations (sentence), ==, 2);
  g_assert_true (gloss_sentence_has_label (sentence, "claim"));
  g_assert_true (gloss_sentence_has_label (sentence, "quote"));
  g_assert_cmpstr (gloss_document_get_note (doc, 0), ==, "Zahl prüfen\nZeuge anonym");
  annotation = gloss_sentence_get_annotation (sentence, 0);
  g_assert_cmpstr (gloss_annotation_get_text (annotation), ==, merged);
  g_assert_cmpuint (gloss_document_get_n_annotated (doc), ==, 1);
  g_assert_false (gloss_document_merge_sentences (doc, 1));

  g_assert_true (gloss_document_undo (doc));
  g_assert_cmpuint (gloss_document_get_n_sentences (doc), ==, 3);
  g_assert_cmpuint (gloss_sentence_get_id (gloss_document_get_sentence (doc, 1)), ==, id1);
  g_assert_true (gloss_sentence_has_label (gloss_document_get_sentence (doc, 1), "quote"));
  g_assert_cmpuint (gloss_sentence_get_n_annotations (gloss_document_get_sentence (doc, 0)), ==, 1);
  g_assert_cmpstr (gloss_document_get_note (doc, 1), ==, "Zeuge anonym");
  g_assert_cmpuint (gloss_document_get_n_annotated (doc), ==, 2);

  /* Split at the comma (white space goes to neither part); labels stay on
   * both, marked for review */
  g_assert_false (gloss_document_split_sentence (doc, 1, gloss_sentence_get_start (gloss_document_get_sentence (doc, 1))));
  g_assert_true (gloss_document_split_sentence (doc, 1, gloss_sentence_get_start (gloss_document_get_sentence (doc, 1)) + 20));
  g_assert_cmpuint (gloss_document_get_n_sentences (doc), ==, 4);
  left = sentence_text (doc, 1);
  right = sentence_text (doc, 2);
  g_assert_cmpstr (left, ==, "„Es war chaotisch“,");
  g_assert_cmpstr (right, ==, "sagte ein Zeuge.");
  g_assert_cmpuint (gloss_sentence_get_id (gloss_document_get_sentence (doc, 1)), ==, id1);
  g_assert_cmpuint (gloss_sentence_get_id (gloss_document_get_sentence (doc, 2)), ==, 3);
  for (guint i = 1; i <= 2; i++)
    {
      sentence = gloss_document_get_sentence (doc, i);
      g_assert_cmpuint (gloss_sentence_get_n_annotations (sentence), ==, 2);
      g_assert_true (gloss_annotation_get_review (gloss_sentence_get_annotation (sentence, 0)));
      g_assert_cmpstr (gloss_document_get_note (doc, i), ==, "Zeuge anonym");
    }

  /* Reviewing one half and removing a label from the other */
  g_assert_true (gloss_document_mark_reviewed (doc, 1));
  g_assert_false (gloss_annotation_get_review (gloss_sentence_get_annotation (gloss_document_get_sentence (doc, 1), 0)));
  g_assert_false (gloss_document_mark_reviewed (doc, 1));
  g_assert_true (gloss_document_remove_label (doc, 2, "quote"));

  /* Undo all of it: back to where the split began */
  g_assert_true (gloss_document_undo (doc));
  g_assert_true (gloss_document_undo (doc));
  g_assert_true (gloss_document_undo (doc));
  g_assert_cmpuint (gloss_document_get_n_sentences (doc), ==, 3);
  sentence = gloss_document_get_sentence (doc, 1);
  g_assert_cmpuint (gloss_sentence_get_n_annotations (sentence), ==, 2);
  g_assert_false (gloss_annotation_get_review (gloss_sentence_get_annotation (sentence, 0)));

  /* And redo the split: same ids as the first time */
  g_assert_true (gloss_document_redo (doc));
  g_assert_cmpuint (gloss_sentence_get_id (gloss_document_get_sentence (doc, 2)), ==, 3);
}

static void
test_resplit_unlabelled (void)
{
  g_autoptr(GlossText) text = gloss_text_new ("Erster Satz. Zweiter Satz. Dritter Satz. Vierter Satz.", -1, NULL);
  g_autoptr(GlossDocument) doc = gloss_document_new (text, "de", NULL);
  g_autofree char *third = NULL;

  g_assert_cmpuint (gloss_document_get_n_sentences (doc), ==, 4);

  /* A hand merge of two unlabelled sentences and a labelled merge */
  gloss_document_merge_sentences (doc, 2);
  gloss_document_merge_sentences (doc, 0);
  gloss_document_add_label (doc, 0, "claim");
  g_assert_cmpuint (gloss_document_get_n_sentences (doc), ==, 2);

  /* Only the unlabelled run is split again */
  g_assert_cmpuint (gloss_document_resplit_unlabelled (doc), ==, 2);
  g_assert_cmpuint (gloss_document_get_n_sentences (doc), ==, 3);
  third = gloss_document_dup_sentence_text (doc, 2);
  g_assert_cmpstr (third, ==, "Vierter Satz.");
  g_assert_true (gloss_sentence_has_label (gloss_document_get_sentence (doc, 0), "claim"));
  g_assert_cmpuint (gloss_document_resplit_unlabelled (doc), ==, 0);

  g_assert_true (gloss_document_undo (doc));
  g_assert_cmpuint (gloss_document_get_n_sentences (doc), ==, 2);
}

static void
test_delete_label (Fixture       *fixture,
                   gconstpointer  data)
{
  GlossDocument *doc = fixture->document;
  GlossLabelSet *labels = gloss_document_get_labels (doc);

  gloss_document_add_label (doc, 0, "quote");
  gloss_document_add_label (doc, 1, "quote");
  gloss_document_add_label (doc, 1, "source");

  g_assert_cmpuint (gloss_document_delete_label (doc, "quote"), ==, 2);
  g_assert_null (gloss_label_set_lookup (labels, "quote"));
  g_assert_cmpuint (g_list_model_get_n_items (gloss_document_get_annotations (doc)), ==, 1);
  g_assert_cmpuint (gloss_document_get_n_annotated (doc), ==, 1);

  /* One step back: the label in its old place, then its annotations */
  g_assert_true (gloss_document_undo (doc));
  g_assert_cmpint (gloss_label_set_get_position (labels, "quote"), ==, 2);
  g_assert_cmpuint (gloss_document_count_label (doc, "quote"), ==, 2);
  g_assert_cmpstr (gloss_annotation_get_label (gloss_sentence_get_annotation (gloss_document_get_sentence (doc, 1), 1)),
                   ==, "quote");

  g_assert_true (gloss_document_redo (doc));
  g_assert_null (gloss_label_set_lookup (labels, "quote"));
  g_assert_cmpuint (gloss_document_count_label (doc, "quote"), ==, 0);
}

static void
test_default_labels (void)
{
  g_autoptr(GlossLabelSet) labels = gloss_label_set_new_default ();
  const char *ids[] = { "claim", "source", "quote" };
  const char *keys[] = { "c", "s", "q" };

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (labels)), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_cmpint (gloss_label_set_get_position (labels, ids[i]), ==, i);
      g_assert_true (gloss_label_set_lookup_key (labels, keys[i]) == gloss_label_set_lookup (labels, ids[i]));
    }
}

/* Every label is found at the place a walk over the set finds it */
static void
assert_positions (GlossLabelSet *labels,
                  const char    *expected)
{
  g_auto(GStrv) ids = g_strsplit (expected, " ", -1);

  g_assert_cmpuint (gloss_label_set_get_n_labels (labels), ==, g_strv_length (ids));
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_assert_cmpstr (gloss_label_get_id (gloss_label_set_get_label (labels, i)), ==, ids[i]);
      g_assert_cmpint (gloss_label_set_get_position (labels, ids[i]), ==, i);
      g_assert_true (gloss_label_set_lookup (labels, ids[i]) == gloss_label_set_get_label (labels, i));
    }
}

static void
test_label_set_positions (void)
{
  g_autoptr(GlossLabelSet) labels = gloss_label_set_new ();
  g_autoptr(GlossLabelSet) copy = NULL;
  const char *ids[] = { "b", "d", "a", "e", "c" };
  const guint places[] = { 0, 1, 0, 3, 2 };

  /* At the end, at the front and between */
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(GlossLabel) label = gloss_label_new (ids[i], NULL, NULL, NULL, NULL);

      g_assert_true (gloss_label_set_insert (labels, places[i], label));
    }
  assert_positions (labels, "a b c d e");

  /* An id already there is refused, wherever it would go */
  {
    g_autoptr(GlossLabel) again = gloss_label_new ("c", NULL, NULL, NULL, NULL);

    g_assert_false (gloss_label_set_insert (labels, 0, again));
    g_assert_false (gloss_label_set_insert (labels, 5, again));
  }
  assert_positions (labels, "a b c d e");

  g_assert_true (gloss_label_set_move (labels, 4, 1));
  assert_positions (labels, "a e b c d");
  g_assert_true (gloss_label_set_move (labels, 0, 4));
  assert_positions (labels, "e b c d a");

  g_assert_true (gloss_label_set_remove (labels, "b"));
  assert_positions (labels, "e c d a");
  g_assert_false (gloss_label_set_remove (labels, "b"));
  g_assert_cmpint (gloss_label_set_get_position (labels, "b"), ==, -1);
  g_assert_null (gloss_label_set_lookup (labels, "b"));
  g_assert_cmpint (gloss_label_set_get_position (labels, NULL), ==, -1);

  copy = gloss_label_set_copy (labels);
  assert_positions (copy, "e c d a");
  g_assert_true (gloss_label_set_remove (labels, "d"));
  assert_positions (labels, "e c a");
  assert_positions (copy, "e c d a");
}

/* A key is taken by the first label that has it and is taken into the set */
static void
test_label_set_keys (void)
{
  static const struct { const char *json; const char *problems; } cases[] = {
    { "[{\"id\": \"a\", \"key\": \"x\"}, {\"id\": \"b\", \"key\": \"x\"}]",
      "$[1]: The key “x” of label “b” is used by another label" },
    /* a label refused for its id does not take its key */
    { "[{\"id\": \"a\", \"key\": \"x\"}, {\"id\": \"a\", \"key\": \"y\"}, {\"id\": \"c\", \"key\": \"y\"}]",
      "$[1]: The label id “a” is used twice" },
    /* nor does a key that is not valid, and no key is no key */
    { "[{\"id\": \"a\", \"key\": \"xy\"}, {\"id\": \"b\", \"key\": \"xy\"}, {\"id\": \"c\", \"key\": \"\"}, "
      "{\"id\": \"d\", \"key\": \"\"}]",
      "$[0]: The key “xy” of label “a” must be a single character; "
      "$[1]: The key “xy” of label “b” must be a single character" },
    { "[{\"id\": \"a\", \"key\": \"ü\"}, {\"id\": \"b\", \"key\": \"u\"}]", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) root = json_from_string (cases[i].json, NULL);
      g_autoptr(GPtrArray) problems = gloss_problems_new ();
      g_autoptr(GlossLabelSet) labels = NULL;
      g_autoptr(GString) found = g_string_new (NULL);

      labels = gloss_label_set_new_from_json (json_node_get_array (root), "$", problems);
      for (guint p = 0; p < problems->len; p++)
        {
          GlossProblem *problem = g_ptr_array_index (problems, p);

          g_string_append_printf (found, "%s%s: %s", p ? "; " : "", problem->path, problem->message);
        }
      g_assert_cmpstr (found->str, ==, cases[i].problems);
      g_assert_true ((labels == NULL) == (problems->len > 0));
    }
}

/* Many labels on one sentence, added in no order, stay in label order */
static void
test_many_labels_one_sentence (void)
{
  g_autoptr(GlossLabelSet) labels = gloss_label_set_new ();
  g_autoptr(GlossText) text = gloss_text_new ("Ein Satz. Noch einer.", -1, NULL);
  g_autoptr(GlossDocument) doc = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (10);
  GlossSentence *sentence;
  GListModel *annotations;
  const guint n = 200;
  guint *order = g_new (guint, n);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("l%03u", i);
      g_autoptr(GlossLabel) label = gloss_label_new (id, NULL, NULL, NULL, NULL);

      gloss_label_set_insert (labels, i, label);
      order[i] = i;
    }
  for (guint i = n - 1; i > 0; i--)
    {
      guint j = g_rand_int_range (rand, 0, i + 1);
      guint t = order[i];

      order[i] = order[j];
      order[j] = t;
    }

  doc = gloss_document_new (text, "de", labels);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("l%03u", order[i]);

      g_assert_true (gloss_document_add_label (doc, 0, id));
      g_assert_false (gloss_document_add_label (doc, 0, id));
    }

  sentence = gloss_document_get_sentence (doc, 0);
  annotations = gloss_document_get_annotations (doc);
  g_assert_cmpuint (gloss_sentence_get_n_annotations (sentence), ==, n);
  g_assert_cmpuint (g_list_model_get_n_items (annotations), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("l%03u", i);
      g_autoptr(GlossAnnotation) item = g_list_model_get_item (annotations, i);

      g_assert_cmpstr (gloss_annotation_get_label (gloss_sentence_get_annotation (sentence, i)), ==, id);
      g_assert_cmpstr (gloss_annotation_get_label (item), ==, id);
    }

  /* Undone one by one, from wherever they were put */
  for (guint i = 0; i < n; i++)
    g_assert_true (gloss_document_undo (doc));
  g_assert_cmpuint (gloss_sentence_get_n_annotations (sentence), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (annotations), ==, 0);

  g_free (order);
}

/* The time as g_date_time_format() writes it, in UTC to the second */
static void
test_timestamp_now (void)
{
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GDateTime) before = g_date_time_new_now_utc ();
      g_autofree char *now = gloss_timestamp_now ();
      g_autoptr(GDateTime) after = g_date_time_new_now_utc ();
      g_autofree char *expected = g_date_time_format (before, "%Y-%m-%dT%H:%M:%SZ");

      g_assert_true (gloss_timestamp_is_valid (now));
      g_assert_cmpuint (strlen (now), ==, 20);
      /* Taken again if the second changed in between */
      if (g_date_time_to_unix (before) == g_date_time_to_unix (after))
        {
          g_assert_cmpstr (now, ==, expected);
          return;
        }
    }
  g_assert_not_reached ();
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/gloss/document/sentences", test_sentences);
  ADD ("/gloss/document/labels-and-undo", test_labels_and_undo);
  ADD ("/gloss/document/annotation-order", test_annotation_order);
  ADD ("/gloss/document/label-moved", test_label_moved);
  ADD ("/gloss/document/done", test_done);
  ADD ("/gloss/document/merge-split", test_merge_split);
  ADD ("/gloss/document/delete-label", test_delete_label);
  g_test_add_func ("/gloss/document/resplit-unlabelled", test_resplit_unlabelled);
  g_test_add_func ("/gloss/document/default-labels", test_default_labels);
  g_test_add_func ("/gloss/document/timestamp-now", test_timestamp_now);
  g_test_add_func ("/gloss/document/many-labels-one-sentence", test_many_labels_one_sentence);
  g_test_add_func ("/gloss/label-set/positions", test_label_set_positions);
  g_test_add_func ("/gloss/label-set/keys", test_label_set_keys);

#undef ADD

  return g_test_run ();
}
