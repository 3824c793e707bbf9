/* test-reanchor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "gloss-annotation.h"
#include "gloss-document.h"
#include "gloss-error.h"
#include "gloss-format.h"
#include "gloss-reanchor.h"
#include "gloss-relation.h"
#include "gloss-sentence.h"
#include "gloss-span.h"
#include "gloss-text.h"

static const char *old_text =
  "Der Stadtrat tagt am Montag. Die Kosten steigen auf 84 Mio. Euro. "
  "„Das ist ein Blindflug“, sagte Jonas Brückner. Das stimmt nicht. "
  "Die Stadt widerspricht. Das stimmt nicht.\n"
  "Bislang sind 640 Haushalte angeschlossen.";

/* Labels the old text and gives its .gloss.json */
static GBytes *
annotate_old (void)
{
  g_autoptr(GlossText) text = gloss_text_new (old_text, -1, NULL);
  g_autoptr(GlossDocument) document = gloss_document_new (text, "de", NULL);

  g_assert_cmpuint (gloss_document_get_n_sentences (document), ==, 7);
  gloss_document_set_annotator (document, "Ada");
  gloss_document_add_label (document, 1, "claim");       /* Die Kosten … */
  gloss_document_add_label (document, 2, "quote");       /* „Das ist ein Blindflug“ … */
  gloss_document_add_label (document, 2, "source");
  gloss_document_set_note (document, 2, "Zitat prüfen");
  gloss_document_add_label (document, 5, "claim");       /* the second „Das stimmt nicht.“ */
  gloss_document_add_label (document, 6, "claim");       /* Bislang … */

  return gloss_format_serialize (document);
}

static GlossAnchor *
anchor_for (GPtrArray *anchors,
            guint      sentence)
{
  for (guint i = 0; i < anchors->len; i++)
    {
      GlossAnchor *anchor = g_ptr_array_index (anchors, i);

      if (anchor->sentence == sentence)
        return anchor;
    }

  g_assert_not_reached ();
}

static void
test_unchanged (void)
{
  g_autoptr(GBytes) old_json = annotate_old ();
  g_autoptr(GlossText) text = gloss_text_new (old_text, -1, NULL);
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GPtrArray) anchors = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GError) error = NULL;

  document = gloss_reanchor (NULL, text, g_bytes_get_data (old_json, NULL), g_bytes_get_size (old_json),
                             NULL, NULL, &anchors, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (anchors->len, ==, 4);
  for (guint i = 0; i < anchors->len; i++)
    g_assert_cmpint (((GlossAnchor *)g_ptr_array_index (anchors, i))->status, ==, GLOSS_ANCHOR_KEPT);

  /* The same text gives the same file back */
  again = gloss_format_serialize (document);
  g_assert_true (g_bytes_equal (old_json, again));
}

static void
test_changed (void)
{
  g_autofree char *tmpdir = g_dir_make_tmp ("gloss-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (tmpdir, "a.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) json_file = gloss_document_dup_annotation_file_for (file);
  g_autoptr(GBytes) old_json = annotate_old ();
  g_autoptr(GlossText) text = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GlossDocument) reloaded = NULL;
  g_autoptr(GPtrArray) anchors = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  GlossAnchor *anchor;
  GlossSentence *sentence;
  int position;
  /* A paragraph before, a word fixed in the quote, a sentence cut, one
   * „Das stimmt nicht.“ fewer before the labelled one */
  const char *new_text =
    "Eilmeldung: Neue Zahlen aus dem Rathaus.\n\n"
    "Der Stadtrat tagt am Montag. Die Kosten steigen auf 84 Mio. Euro. "
    "„Das ist ein Blindflug!“, sagte Jonas Brückner. "
    "Die Stadt widerspricht. Das stimmt nicht.\n"
    "Mehr zum Thema";

  text = gloss_text_new (new_text, -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (path, new_text, -1, &error);
  g_assert_no_error (error);

  document = gloss_reanchor (file, text, g_bytes_get_data (old_json, NULL), g_bytes_get_size (old_json),
                             NULL, NULL, &anchors, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (anchors->len, ==, 4);

  anchor = anchor_for (anchors, 1);
  g_assert_cmpint (anchor->status, ==, GLOSS_ANCHOR_MOVED);
  g_assert_cmpuint (anchor->new_start, ==, anchor->old_start + 42);

  anchor = anchor_for (anchors, 2);
  g_assert_cmpint (anchor->status, ==, GLOSS_ANCHOR_CHANGED);
  g_assert_cmpstr (anchor->new_text, ==, "„Das ist ein Blindflug!“, sagte Jonas Brückner.");
  g_assert_cmpfloat (anchor->similarity, >=, 0.9);

  /* The labelled „Das stimmt nicht.“ is the one left, nearest its old place */
  anchor = anchor_for (anchors, 5);
  g_assert_cmpint (anchor->status, ==, GLOSS_ANCHOR_MOVED);
  g_assert_cmpstr (anchor->new_text, ==, "Das stimmt nicht.");

  anchor = anchor_for (anchors, 6);
  g_assert_cmpint (anchor->status, ==, GLOSS_ANCHOR_LOST);
  g_assert_cmpuint (gloss_document_get_n_orphans (document), ==, 1);

  /* The changed sentence keeps its labels and note, marked for review */
  position = gloss_document_find_sentence_at (document, anchor_for (anchors, 2)->new_start);
  sentence = gloss_document_get_sentence (document, position);
  g_assert_cmpuint (gloss_sentence_get_id (sentence), ==, 2);
  g_assert_true (gloss_sentence_has_label (sentence, "quote"));
  g_assert_true (gloss_sentence_has_label (sentence, "source"));
  g_assert_true (gloss_annotation_get_review (gloss_sentence_get_annotation (sentence, 0)));
  g_assert_cmpstr (gloss_document_get_note (document, position), ==, "Zitat prüfen");

  /* The moved one is not marked */
  position = gloss_document_find_sentence_at (document, anchor_for (anchors, 1)->new_start);
  sentence = gloss_document_get_sentence (document, position);
  g_assert_false (gloss_annotation_get_review (gloss_sentence_get_annotation (sentence, 0)));

  /* The rest of the text is split afresh, with new ids */
  g_assert_cmpint (gloss_document_find_sentence_at (document, 0), ==, 0);
  g_assert_cmpuint (gloss_sentence_get_id (gloss_document_get_sentence (document, 0)), >=, 7);

  /* Saved, it loads without a problem, orphan and all, and saves the same */
  g_assert_true (gloss_document_save (document, NULL, &error));
  g_assert_no_error (error);
  g_file_load_contents (json_file, NULL, &saved, NULL, NULL, &error);
  g_assert_nonnull (strstr (saved, "\"orphans\": [\n    {\"id\":"));
  g_assert_nonnull (strstr (saved, "Bislang sind 640 Haushalte angeschlossen."));

  reloaded = gloss_document_load (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_document_get_problems (reloaded)->len, ==, 0);
  g_assert_cmpuint (gloss_document_get_n_orphans (reloaded), ==, 1);
  {
    g_autoptr(GBytes) first = gloss_format_serialize (document);
    g_autoptr(GBytes) second = gloss_format_serialize (reloaded);

    g_assert_true (g_bytes_equal (first, second));
  }

  g_remove (g_file_peek_path (json_file));
  g_remove (path);
  g_rmdir (tmpdir);
}

/* A Windows-1252 text changes: it is read again in its encoding */
static void
test_legacy_encoding (void)
{
  g_autofree char *tmpdir = g_dir_make_tmp ("gloss-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (tmpdir, "alt.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) json_file = gloss_document_dup_annotation_file_for (file);
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GlossDocument) moved = NULL;
  g_autoptr(GlossText) text = NULL;
  g_autoptr(GPtrArray) anchors = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;

  /* "Grüße aus Köln. Das kostet 5 €." */
  g_file_set_contents (path, "Gr\xfc\xdf" "e aus K\xf6ln. Das kostet 5 \x80.", -1, &error);
  g_assert_no_error (error);
  document = gloss_document_load_encoded (file, "de", "windows-1252", NULL, &error);
  g_assert_no_error (error);
  gloss_document_add_label (document, 1, "claim");
  g_assert_true (gloss_document_save (document, NULL, &error));

  g_file_set_contents (path, "Neu! Gr\xfc\xdf" "e aus K\xf6ln. Das kostet 5 \x80.", -1, &error);
  g_assert_no_error (error);
  g_file_load_contents (json_file, NULL, &data, &length, NULL, &error);
  g_assert_no_error (error);

  text = gloss_reanchor_load_text (file, data, length, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_text_get_encoding (text), ==, "windows-1252");
  moved = gloss_reanchor (file, text, data, length, NULL, NULL, &anchors, &error);
  g_assert_no_error (error);
  g_assert_cmpint (((GlossAnchor *)g_ptr_array_index (anchors, 0))->status, ==, GLOSS_ANCHOR_MOVED);
  g_assert_cmpstr (((GlossAnchor *)g_ptr_array_index (anchors, 0))->new_text, ==, "Das kostet 5 €.");

  g_remove (g_file_peek_path (json_file));
  g_remove (path);
  g_rmdir (tmpdir);
}

#define NEAREST_SENTENCE "Das stimmt so nicht, sagt er."  /* 29 characters */

/* A text laid out as "1200 S 600": unlabelled sentences of so many
 * characters (a multiple of 15), and NEAREST_SENTENCE with a space */
static char *
lay_out (const char *layout)
{
  g_auto(GStrv) parts = g_strsplit (layout, " ", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      guint n = g_ascii_strtoull (parts[i], NULL, 10);

      if (g_str_equal (parts[i], "S"))
        g_string_append (out, NEAREST_SENTENCE " ");
      g_assert_cmpuint (n % 15, ==, 0);
      for (; n > 0; n -= 15)
        g_string_append (out, "Ein Satz hier. ");
    }

  return g_string_free (out, FALSE);
}

/* The occurrence nearest the old place wins, however far it is; of two as
 * near the earlier; one that a sentence placed before holds is passed
 * over; a place beyond the end of a text cut short is no problem */
static void
test_nearest (void)
{
  static const struct {
    const char       *before;
    const char       *after;
    guint             n_anchors;
    GlossAnchorStatus status;      /* of the last anchor */
    guint             old_start;
    guint             new_start;
  } cases[] = {
    { "1200 S 1200", "600 S 1170 S 600", 1, GLOSS_ANCHOR_MOVED, 1200, 600 },
    { "600 S 600 S 600", "600 S 1800 S", 2, GLOSS_ANCHOR_MOVED, 1230, 2430 },
    { "3000 S", "S 15", 1, GLOSS_ANCHOR_MOVED, 3000, 0 },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autofree char *before = lay_out (cases[c].before);
      g_autofree char *after = lay_out (cases[c].after);
      g_autoptr(GlossText) old = gloss_text_new (before, -1, NULL);
      g_autoptr(GlossText) text = gloss_text_new (after, -1, NULL);
      g_autoptr(GlossDocument) document = gloss_document_new (old, "de", NULL);
      g_autoptr(GlossDocument) moved = NULL;
      g_autoptr(GBytes) json = NULL;
      g_autoptr(GPtrArray) anchors = NULL;
      g_autoptr(GError) error = NULL;
      GlossAnchor *anchor;

      for (guint i = 0; i < gloss_document_get_n_sentences (document); i++)
        {
          g_autofree char *slice = gloss_document_dup_sentence_text (document, i);

          if (g_str_equal (slice, NEAREST_SENTENCE))
            gloss_document_add_label (document, i, "claim");
        }
      json = gloss_format_serialize (document);

      moved = gloss_reanchor (NULL, text, g_bytes_get_data (json, NULL), g_bytes_get_size (json),
                              NULL, NULL, &anchors, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (anchors->len, ==, cases[c].n_anchors);

      /* The first stays where it was */
      anchor = g_ptr_array_index (anchors, 0);
      if (cases[c].n_anchors > 1)
        g_assert_cmpint (anchor->status, ==, GLOSS_ANCHOR_KEPT);

      anchor = g_ptr_array_index (anchors, anchors->len - 1);
      g_assert_cmpint (anchor->status, ==, cases[c].status);
      g_assert_cmpuint (anchor->old_start, ==, cases[c].old_start);
      g_assert_cmpuint (anchor->new_start, ==, cases[c].new_start);
    }
}

static void
test_not_gloss (void)
{
  g_autoptr(GlossText) text = gloss_text_new (old_text, -1, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDocument) document = NULL;

  document = gloss_reanchor (NULL, text, "{\"text\": \"x\", \"label\": []}", -1 + 27, NULL, NULL, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_DOCUMENT);
}

static void
test_similarity (void)
{
  g_assert_cmpfloat (gloss_similarity ("", ""), ==, 1.0);
  g_assert_cmpfloat (gloss_similarity ("Bär", "Bär"), ==, 1.0);
  /* One of four code points differs, whatever its UTF-8 length */
  g_assert_cmpfloat_with_epsilon (gloss_similarity ("Bärs", "Bäre"), 0.75, 1e-9);
  g_assert_cmpfloat_with_epsilon (gloss_similarity ("👍🏽ab", "👍🏿ab"), 0.75, 1e-9);
  g_assert_cmpfloat (gloss_similarity ("kurz", "ein ganz anderer, langer Satz"), <, 0.5);
}

static guint
count_kind (GPtrArray      *anchors,
            GlossAnchorKind kind)
{
  guint n = 0;

  for (guint i = 0; i < anchors->len; i++)
    n += ((GlossAnchor *)g_ptr_array_index (anchors, i))->kind == kind;

  return n;
}

static GlossAnchor *
span_anchor_for (GPtrArray      *anchors,
                 GlossAnchorKind kind,
                 guint           id)
{
  for (guint i = 0; i < anchors->len; i++)
    {
      GlossAnchor *anchor = g_ptr_array_index (anchors, i);

      if (anchor->kind == kind && anchor->sentence == id)
        return anchor;
    }

  g_assert_not_reached ();
}

static char *
replace (const char *text,
         const char *from,
         const char *to)
{
  GString *changed = g_string_new (text);

  g_assert_cmpuint (g_string_replace (changed, from, to, 1), ==, 1);

  return g_string_free (changed, FALSE);
}

/* A changed text with spans (tests/data/spans/de-zitate): each part is
 * placed where its text went; a quote whose second part was changed goes
 * to the orphans whole, with the relations from it; a cue placed apart
 * from the text around it is marked for review; nothing is lost */
static void
test_spans (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "spans", NULL);
  g_autofree char *text_path = g_build_filename (dir, "de-zitate.txt", NULL);
  g_autofree char *json_path = g_build_filename (dir, "de-zitate.txt.gloss.json", NULL);
  g_autofree char *old_text_data = NULL;
  g_autofree char *json = NULL;
  g_autofree char *step1 = NULL;
  g_autofree char *step2 = NULL;
  g_autofree char *new_text_data = NULL;
  g_autofree char *tmpdir = g_dir_make_tmp ("gloss-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (tmpdir, "de-zitate.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) json_file = gloss_document_dup_annotation_file_for (file);
  g_autoptr(GlossText) text = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GlossDocument) reloaded = NULL;
  g_autoptr(GPtrArray) anchors = NULL;
  g_autoptr(GPtrArray) span_anchors = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  const char *prefix = "Eilmeldung 🚨\r\n\r\n";
  guint shift = g_utf8_strlen (prefix, -1);
  GlossAnchor *anchor;
  GlossSpan *span;

  g_assert_true (g_file_get_contents (text_path, &old_text_data, NULL, &error));
  g_assert_true (g_file_get_contents (json_path, &json, NULL, &error));

  /* A paragraph before, a word changed in a quote's second part, words
   * put between a speaker and its cue */
  step1 = replace (old_text_data, "Ab Januar", "Ab Februar");
  step2 = replace (step1, "Ein Sprecher erklärte", "Ein Sprecher des Vereins erklärte");
  new_text_data = g_strconcat (prefix, step2, NULL);
  text = gloss_text_new (new_text_data, -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (path, new_text_data, -1, &error);

  document = gloss_reanchor_full (file, text, json, strlen (json), NULL, NULL, &anchors, &span_anchors, &error);
  g_assert_no_error (error);

  /* 13 spans, then the 4 relations of the lost quote */
  g_assert_cmpuint (span_anchors->len, ==, 17);
  anchor = span_anchor_for (span_anchors, GLOSS_ANCHOR_SPAN, 1);
  g_assert_cmpint (anchor->status, ==, GLOSS_ANCHOR_LOST);
  g_assert_cmpstr (anchor->old_text, ==, "Wir können die Kosten nicht länger tragen. Das tut uns leid … Ab Januar wird es teurer.");
  g_assert_cmpstr (anchor->label, ==, "quote");
  for (guint id = 1; id <= 4; id++)
    {
      anchor = span_anchor_for (span_anchors, GLOSS_ANCHOR_RELATION, id);
      g_assert_cmpint (anchor->status, ==, GLOSS_ANCHOR_LOST);
      g_assert_cmpuint (anchor->from, ==, 1);
    }
  g_assert_cmpuint (count_kind (span_anchors, GLOSS_ANCHOR_RELATION), ==, 4);
  g_assert_cmpuint (count_kind (span_anchors, GLOSS_ANCHOR_SPAN), ==, 13);

  /* Moved with the paragraph before them */
  for (guint id = 2; id <= 12; id++)
    {
      anchor = span_anchor_for (span_anchors, GLOSS_ANCHOR_SPAN, id);
      g_assert_cmpint (anchor->status, ==, (id == 11 ? GLOSS_ANCHOR_CHANGED : GLOSS_ANCHOR_MOVED));
      /* "Februar" is one letter longer than "Januar" */
      if (id <= 10)
        g_assert_cmpuint (anchor->new_start, ==, anchor->old_start + shift + (anchor->old_start > 186));
    }
  /* The quote after the new words was placed first, apart from the
   * sentence before it; the speaker then, by the sentence; the cue, apart
   * from the speaker */
  g_assert_cmpint (span_anchor_for (span_anchors, GLOSS_ANCHOR_SPAN, 13)->status, ==, GLOSS_ANCHOR_CHANGED);
  span = gloss_document_lookup_span (document, 13);
  g_assert_cmpstr (gloss_span_get_part_text (span, 0), ==, "erklärte");
  g_assert_true (gloss_span_get_review (span));
  g_assert_false (gloss_span_get_review (gloss_document_lookup_span (document, 12)));
  g_assert_cmpuint (gloss_span_get_start (span), ==,
                    span_anchor_for (span_anchors, GLOSS_ANCHOR_SPAN, 13)->old_start + shift + 1 + 12);

  /* Every placed span's text is the text at its parts */
  g_assert_cmpuint (g_list_model_get_n_items (gloss_document_get_spans (document)), ==, 12);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_document_get_relations (document)), ==, 5);
  g_assert_null (gloss_document_lookup_span (document, 1));
  g_assert_cmpuint (gloss_document_get_n_orphans (document), ==, 5);

  /* Written and read again without a problem; the orphans whole, marked */
  g_assert_true (gloss_document_save (document, NULL, &error));
  g_assert_no_error (error);
  saved = NULL;
  g_assert_true (g_file_get_contents (g_file_peek_path (json_file), &saved, NULL, &error));
  g_assert_nonnull (strstr (saved, "  \"orphans\": [\n    {\"kind\":\"span\",\"id\":1,\"label\":\"quote\",\"parts\":[[44,103],[186,211]],"));
  g_assert_nonnull (strstr (saved, "{\"kind\":\"relation\",\"id\":4,\"label\":\"addressee\",\"from\":1,\"to\":6,"));
  reloaded = gloss_document_load (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_document_get_problems (reloaded)->len, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_document_get_spans (reloaded)), ==, 12);
  /* the lost quote's id is not given again */
  {
    g_autoptr(GlossSpan) fresh = gloss_document_new_span (reloaded, "quote", (GlossRange[]) { { 0, 3 } }, 1);

    g_assert_cmpuint (gloss_span_get_id (fresh), ==, 14);
  }

  g_file_delete (json_file, NULL, NULL);
  g_file_delete (file, NULL, NULL);
  g_rmdir (tmpdir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/reanchor/unchanged", test_unchanged);
  g_test_add_func ("/gloss/reanchor/changed", test_changed);
  g_test_add_func ("/gloss/reanchor/legacy-encoding", test_legacy_encoding);
  g_test_add_func ("/gloss/reanchor/nearest", test_nearest);
  g_test_add_func ("/gloss/reanchor/not-gloss", test_not_gloss);
  g_test_add_func ("/gloss/reanchor/similarity", test_similarity);
  g_test_add_func ("/gloss/reanchor/spans", test_spans);

  return g_test_run ();
}
