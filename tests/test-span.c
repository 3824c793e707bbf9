/* test-span.c
 *
 * Spans and relations in a document: the objects, adding, replacing and
 * removing them through the history (undo, redo, groups), the checks, the
 * lookups, boundary edits, deleting labels, ids.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "gloss-annotation.h"
#include "gloss-document.h"
#include "gloss-error.h"
#include "gloss-history.h"
#include "gloss-label.h"
#include "gloss-label-set.h"
#include "gloss-relation.h"
#include "gloss-sentence.h"
#include "gloss-span.h"
#include "gloss-text.h"

/* A quote across a sentence boundary (CR LF inside), interrupted by its
 * frame; an emoji outside the BMP before it, so that code points and
 * UTF-16 units differ */
static const char *article =
  "Die Ministerin 👍🏽 war zufrieden. „Wir prüfen das.\r\nDann entscheiden wir“, sagte sie am Montag, "
  "„und zwar bald.“ Der Verband widersprach.\r\n";

typedef struct
{
  GlossDocument *document;
  guint          n_changed;
  GString       *events;   /* items-changed of the spans and relations */
} Fixture;

/* The code point offset of @needle in the article */
static guint
at (const char *needle)
{
  const char *p = strstr (article, needle);

  g_assert_nonnull (p);

  return g_utf8_pointer_to_offset (article, p);
}

static GlossRange
range_of (const char *needle)
{
  GlossRange range = { at (needle), at (needle) + g_utf8_strlen (needle, -1) };

  return range;
}

/* The quotation set with two sentence labels of its own ids */
static GlossLabelSet *
make_labels (void)
{
  GlossLabelSet *labels = gloss_label_set_new_builtin ("quotation");
  g_autoptr(GlossLabel) claim = gloss_label_new ("claim", "Claim", NULL, "l", NULL);

  g_assert_true (gloss_label_set_insert (labels, 0, claim));

  return labels;
}

static void
on_changed_cb (GlossDocument *document,
               Fixture       *fixture)
{
  fixture->n_changed++;
}

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Fixture    *fixture)
{
  g_string_append_printf (fixture->events, "%s%s %u -%u +%u",
                          fixture->events->len ? ", " : "",
                          g_list_model_get_item_type (model) == GLOSS_TYPE_SPAN ? "spans" : "relations",
                          position, removed, added);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GlossText) text = gloss_text_new (article, -1, NULL);
  g_autoptr(GlossLabelSet) labels = make_labels ();

  fixture->document = gloss_document_new (text, "de", labels);
  fixture->events = g_string_new (NULL);
  gloss_document_set_annotator (fixture->document, "Ada");
  g_signal_connect (fixture->document, "changed", G_CALLBACK (on_changed_cb), fixture);
  g_signal_connect (gloss_document_get_spans (fixture->document), "items-changed",
                    G_CALLBACK (on_items_changed_cb), fixture);
  g_signal_connect (gloss_document_get_relations (fixture->document), "items-changed",
                    G_CALLBACK (on_items_changed_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->document);
  g_string_free (fixture->events, TRUE);
}

/* Adds a span of @label on the parts named by their texts */
static GlossSpan *
add_span (GlossDocument *document,
          const char    *label,
          const char    *first,
          const char    *second)
{
  GlossRange parts[2] = { range_of (first), { 0, 0 } };
  g_autoptr(GlossSpan) span = NULL;
  g_autoptr(GError) error = NULL;

  if (second != NULL)
    parts[1] = range_of (second);
  span = gloss_document_new_span (document, label, parts, second ? 2 : 1);
  g_assert_true (gloss_document_add_span (document, span, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&span);
}

static GlossRelation *
relate (GlossDocument *document,
      const char    *label,
      GlossSpan     *from,
      GlossSpan     *to)
{
  g_autoptr(GlossRelation) relation = NULL;
  g_autoptr(GError) error = NULL;

  relation = gloss_document_new_relation (document, label, gloss_span_get_id (from), gloss_span_get_id (to));
  g_assert_true (gloss_document_add_relation (document, relation, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&relation);
}

/* The ids of a list model's items, as "1 3 2" */
static char *
ids_of (GListModel *model)
{
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      g_string_append_printf (ids, "%s%u", i ? " " : "",
                              GLOSS_IS_SPAN (item) ? gloss_span_get_id (GLOSS_SPAN (item))
                                                   : gloss_relation_get_id (GLOSS_RELATION (item)));
    }

  return g_string_free (ids, FALSE);
}

static char *
ids_of_array (GPtrArray *items)
{
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    {
      GObject *item = g_ptr_array_index (items, i);

      g_string_append_printf (ids, "%s%u", i ? " " : "",
                              GLOSS_IS_SPAN (item) ? gloss_span_get_id (GLOSS_SPAN (item))
                                                   : gloss_relation_get_id (GLOSS_RELATION (item)));
    }

  return g_string_free (ids, FALSE);
}

#define assert_ids(model, expected) \
  G_STMT_START { \
    g_autofree char *_ids = ids_of (G_LIST_MODEL (model)); \
    g_assert_cmpstr (_ids, ==, expected); \
  } G_STMT_END

#define assert_array_ids(array, expected) \
  G_STMT_START { \
    g_autoptr(GPtrArray) _array = (array); \
    g_autofree char *_ids = ids_of_array (_array); \
    g_assert_cmpstr (_ids, ==, expected); \
  } G_STMT_END

static void
test_object (void)
{
  GlossRange parts[] = { { 3, 7 }, { 10, 12 } };
  const char *texts[] = { "abcd", "xy", NULL };
  g_autoptr(GlossSpan) span = gloss_span_new (4, "quote", parts, 2, texts);
  g_autoptr(GlossSpan) copy = NULL;
  g_autoptr(GlossRelation) relation = gloss_relation_new (2, "speaker", 4, 5);
  g_autoptr(GlossRelation) relation_copy = NULL;
  g_autofree char *joined = NULL;

  g_assert_cmpuint (gloss_span_get_id (span), ==, 4);
  g_assert_cmpuint (gloss_span_get_start (span), ==, 3);
  g_assert_cmpuint (gloss_span_get_end (span), ==, 12);
  g_assert_cmpstr (gloss_span_get_note (span), ==, "");
  g_assert_cmpstr (gloss_span_get_annotator (span), ==, "");
  g_assert_true (gloss_timestamp_is_valid (gloss_span_get_created (span)));
  g_assert_cmpstr (gloss_span_get_modified (span), ==, gloss_span_get_created (span));
  g_assert_null (gloss_span_get_origin (span));

  /* The gap between the parts is not the span's */
  g_assert_true (gloss_span_contains (span, 3));
  g_assert_false (gloss_span_contains (span, 7));
  g_assert_false (gloss_span_contains (span, 9));
  g_assert_true (gloss_span_contains (span, 11));
  g_assert_false (gloss_span_overlaps (span, 7, 10));
  g_assert_true (gloss_span_overlaps (span, 6, 10));
  joined = gloss_span_dup_text (span, " … ");
  g_assert_cmpstr (joined, ==, "abcd … xy");

  gloss_span_set_attribute (span, "medium", "speech");
  gloss_span_set_attribute (span, "type", "indirect");
  gloss_span_set_attribute (span, "type", "direct");
  g_assert_cmpuint (gloss_span_get_n_attributes (span), ==, 2);
  g_assert_cmpstr (gloss_span_get_attribute (span, "type"), ==, "direct");
  g_assert_cmpstr (gloss_span_get_attribute_name (span, 0), ==, "medium");
  gloss_span_set_attribute (span, "medium", NULL);
  g_assert_null (gloss_span_get_attribute (span, "medium"));
  g_assert_cmpuint (gloss_span_get_n_attributes (span), ==, 1);
  gloss_span_set_origin (span, GLOSS_ORIGIN_SUGGESTED, "gloss-suggest 1");

  /* A copy is equal until changed, and changing it leaves the span */
  copy = gloss_span_copy (span);
  g_assert_true (gloss_span_equal (span, copy));
  gloss_span_set_note (copy, "Zitat");
  g_assert_false (gloss_span_equal (span, copy));
  g_assert_cmpstr (gloss_span_get_note (span), ==, "");
  g_assert_cmpstr (gloss_span_get_suggester (copy), ==, "gloss-suggest 1");

  /* Parts given back to their span are copied before they are freed */
  gloss_span_set_parts (copy, gloss_span_get_parts (copy), 1, (const char *[]) { gloss_span_get_part_text (copy, 0), NULL });
  g_assert_cmpuint (gloss_span_get_n_parts (copy), ==, 1);
  g_assert_cmpstr (gloss_span_get_part_text (copy, 0), ==, "abcd");

  relation_copy = gloss_relation_copy (relation);
  g_assert_true (gloss_relation_equal (relation, relation_copy));
  gloss_relation_set_to (relation_copy, 6);
  g_assert_false (gloss_relation_equal (relation, relation_copy));
  g_assert_cmpuint (gloss_relation_get_to (relation), ==, 5);
}

/* Add, undo, redo: the lists in their order, with exact positions, and
 * ::changed once a step */
static void
test_add_undo (Fixture       *fixture,
               gconstpointer  data)
{
  GlossDocument *document = fixture->document;
  g_autoptr(GlossSpan) quote = NULL;
  g_autoptr(GlossSpan) speaker = NULL;
  g_autoptr(GlossSpan) cue = NULL;
  g_autoptr(GlossRelation) said = NULL;
  g_autoptr(GlossRelation) cued = NULL;
  g_autofree char *text = NULL;

  quote = add_span (document, "quote", "Wir prüfen das.\r\nDann entscheiden wir", "und zwar bald.");
  g_assert_cmpuint (fixture->n_changed, ==, 1);
  g_assert_true (gloss_span_is_sealed (quote));
  g_assert_cmpstr (gloss_span_get_annotator (quote), ==, "Ada");
  text = gloss_span_dup_text (quote, "|");
  g_assert_cmpstr (text, ==, "Wir prüfen das.\r\nDann entscheiden wir|und zwar bald.");
  /* it crosses a sentence boundary */
  g_assert_cmpint (gloss_document_find_sentence_at (document, gloss_span_get_start (quote)), !=,
                   gloss_document_find_sentence_at (document, gloss_span_get_end (quote) - 1));

  cue = add_span (document, "cue", "sagte", NULL);
  speaker = add_span (document, "speaker", "sie", NULL);
  said = relate (document, "speaker", quote, speaker);
  cued = relate (document, "cue", quote, cue);
  g_assert_cmpuint (fixture->n_changed, ==, 5);
  g_assert_cmpuint (gloss_span_get_id (quote), ==, 1);
  g_assert_cmpuint (gloss_span_get_id (speaker), ==, 3);

  assert_ids (gloss_document_get_spans (document), "1 2 3");
  /* by the from span, then the label's place: speaker before cue */
  assert_ids (gloss_document_get_relations (document), "1 2");
  g_assert_cmpstr (fixture->events->str, ==,
                   "spans 0 -0 +1, spans 1 -0 +1, spans 2 -0 +1, relations 0 -0 +1, relations 1 -0 +1");

  g_assert_true (gloss_document_lookup_span (document, 3) == speaker);
  g_assert_true (gloss_document_lookup_relation (document, 2) == cued);
  g_assert_null (gloss_document_lookup_span (document, 4));
  assert_array_ids (gloss_document_dup_relations_from (document, 1), "1 2");
  assert_array_ids (gloss_document_dup_relations_to (document, 3), "1");
  assert_array_ids (gloss_document_dup_relations_from (document, 3), "");

  g_string_truncate (fixture->events, 0);
  g_assert_true (gloss_document_undo (document));
  g_assert_true (gloss_document_undo (document));
  g_assert_true (gloss_document_undo (document));
  assert_ids (gloss_document_get_spans (document), "1 2");
  assert_ids (gloss_document_get_relations (document), "");
  g_assert_cmpstr (fixture->events->str, ==, "relations 1 -1 +0, relations 0 -1 +0, spans 2 -1 +0");
  g_assert_null (gloss_document_lookup_span (document, 3));
  assert_array_ids (gloss_document_dup_relations_from (document, 1), "");

  g_assert_true (gloss_document_redo (document));
  g_assert_true (gloss_document_redo (document));
  assert_ids (gloss_document_get_spans (document), "1 2 3");
  assert_ids (gloss_document_get_relations (document), "1");
  g_assert_true (gloss_document_lookup_span (document, 3) == speaker);
  g_assert_cmpuint (fixture->n_changed, ==, 10);

  /* A new span after an undo takes a new id: ids are never given twice */
  {
    g_autoptr(GlossSpan) frame = add_span (document, "frame", "sagte sie am Montag", NULL);

    g_assert_cmpuint (gloss_span_get_id (frame), ==, 4);
    g_assert_false (gloss_history_get_can_redo (gloss_document_get_history (document)));
  }
}

/* "Tag a speaker and link it to the current quote" is one step */
static void
test_groups (Fixture       *fixture,
             gconstpointer  data)
{
  GlossDocument *document = fixture->document;
  GlossHistory *history = gloss_document_get_history (document);
  g_autoptr(GlossSpan) quote = add_span (document, "quote", "Wir prüfen das.", NULL);
  g_autoptr(GlossSpan) speaker = NULL;
  g_autoptr(GlossRelation) said = NULL;
  guint n_changed = fixture->n_changed;

  gloss_history_begin_group (history);
  speaker = add_span (document, "speaker", "Die Ministerin", NULL);
  said = relate (document, "speaker", quote, speaker);
  gloss_history_end_group (history);
  g_assert_cmpuint (fixture->n_changed, ==, n_changed + 1);

  g_assert_true (gloss_document_undo (document));
  assert_ids (gloss_document_get_spans (document), "1");
  assert_ids (gloss_document_get_relations (document), "");
  g_assert_true (gloss_document_redo (document));
  assert_ids (gloss_document_get_spans (document), "2 1");
  assert_ids (gloss_document_get_relations (document), "1");

  /* Removing a span takes its relations along, in one step */
  g_assert_true (gloss_document_remove_span (document, 1));
  assert_ids (gloss_document_get_spans (document), "2");
  assert_ids (gloss_document_get_relations (document), "");
  g_assert_false (gloss_document_remove_span (document, 1));
  g_assert_true (gloss_document_undo (document));
  assert_ids (gloss_document_get_relations (document), "1");
  g_assert_true (gloss_document_lookup_relation (document, 1) == said);

  g_assert_true (gloss_document_remove_relation (document, 1));
  assert_ids (gloss_document_get_spans (document), "2 1");
  assert_ids (gloss_document_get_relations (document), "");
  g_assert_false (gloss_document_remove_relation (document, 1));
}

/* An edit replaces a span with a changed copy of the same id; its
 * relations follow it in the list */
static void
test_replace (Fixture       *fixture,
              gconstpointer  data)
{
  GlossDocument *document = fixture->document;
  g_autoptr(GlossSpan) quote = add_span (document, "quote", "Wir prüfen das.", NULL);
  g_autoptr(GlossSpan) other = add_span (document, "quote", "und zwar bald.", NULL);
  g_autoptr(GlossSpan) speaker = add_span (document, "speaker", "sie", NULL);
  g_autoptr(GlossRelation) first = relate (document, "speaker", quote, speaker);
  g_autoptr(GlossRelation) second = relate (document, "speaker", other, speaker);
  g_autoptr(GlossSpan) moved = gloss_span_copy (quote);
  g_autoptr(GlossSpan) relabelled = gloss_span_copy (quote);
  g_autoptr(GlossRelation) relinked = NULL;
  g_autoptr(GError) error = NULL;
  GlossRange end_part = range_of ("Verband");

  assert_ids (gloss_document_get_spans (document), "1 3 2");
  assert_ids (gloss_document_get_relations (document), "1 2");

  /* Moved after the other quote: the span and its relation move */
  gloss_span_set_parts (moved, &end_part, 1, (const char *[]) { "Verband", NULL });
  gloss_span_set_attribute (moved, "medium", "speech");
  gloss_span_set_attribute (moved, "type", "direct");
  g_string_truncate (fixture->events, 0);
  g_assert_true (gloss_document_replace_span (document, moved, &error));
  g_assert_no_error (error);
  assert_ids (gloss_document_get_spans (document), "3 2 1");
  assert_ids (gloss_document_get_relations (document), "2 1");
  g_assert_true (gloss_document_lookup_span (document, 1) == moved);
  /* attributes in the label's order */
  g_assert_cmpstr (gloss_span_get_attribute_name (moved, 0), ==, "type");
  g_assert_cmpstr (fixture->events->str, ==,
                   "relations 0 -1 +0, spans 0 -1 +0, spans 2 -0 +1, relations 1 -0 +1");

  /* A label its relations do not join is refused */
  gloss_span_set_label (relabelled, "cue");
  g_assert_false (gloss_document_replace_span (document, relabelled, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT);
  g_assert_cmpstr (error->message, ==, "The relation label “speaker” does not join a “cue” span to a “speaker” span");
  g_clear_error (&error);

  g_assert_true (gloss_document_undo (document));
  assert_ids (gloss_document_get_spans (document), "1 3 2");
  assert_ids (gloss_document_get_relations (document), "1 2");
  g_assert_true (gloss_document_lookup_span (document, 1) == quote);

  /* Re-link: the second quote's speaker relation goes to the first quote */
  relinked = gloss_relation_copy (second);
  gloss_relation_set_from (relinked, 1);
  gloss_relation_set_note (relinked, "umgehängt");
  g_assert_true (gloss_document_replace_relation (document, relinked, &error));
  g_assert_no_error (error);
  assert_array_ids (gloss_document_dup_relations_from (document, 1), "1 2");
  assert_array_ids (gloss_document_dup_relations_from (document, 2), "");
  g_assert_true (gloss_document_undo (document));
  assert_array_ids (gloss_document_dup_relations_from (document, 2), "2");

  /* A relation only the document holds (as one read from a file) survives
   * a replaced span */
  {
    g_autoptr(GlossSpan) cue = add_span (document, "cue", "bald", NULL);
    g_autoptr(GlossSpan) typed = gloss_span_copy (other);
    GlossRelation *said = relate (document, "cue", other, cue);
    guint said_id = gloss_relation_get_id (said);

    g_object_unref (said);
    gloss_history_clear (gloss_document_get_history (document));
    gloss_span_set_attribute (typed, "type", "indirect");
    g_assert_true (gloss_document_replace_span (document, typed, &error));
    g_assert_no_error (error);
    said = gloss_document_lookup_relation (document, said_id);
    g_assert_nonnull (said);
    g_assert_cmpuint (gloss_relation_get_from (said), ==, gloss_span_get_id (other));
    g_assert_cmpuint (gloss_relation_get_to (said), ==, gloss_span_get_id (cue));
    assert_array_ids (gloss_document_dup_relations_from (document, gloss_span_get_id (other)), "2 3");
    assert_ids (gloss_document_get_relations (document), "1 2 3");
    g_assert_true (gloss_document_undo (document));
    g_assert_true (gloss_document_lookup_relation (document, said_id) == said);
  }

  /* A span or relation that is not there cannot be replaced */
  {
    g_autoptr(GlossSpan) stranger = gloss_span_copy (quote);
    g_autoptr(GlossRelation) lost = gloss_relation_copy (first);

    gloss_span_set_id (stranger, 99);
    g_assert_false (gloss_document_replace_span (document, stranger, &error));
    g_assert_cmpstr (error->message, ==, "There is no span with the id 99");
    g_clear_error (&error);
    gloss_relation_set_id (lost, 99);
    g_assert_false (gloss_document_replace_relation (document, lost, &error));
    g_assert_cmpstr (error->message, ==, "There is no relation with the id 99");
  }
}

typedef struct
{
  const char *name;
  const char *label;
  GlossRange  parts[3];
  const char *texts[3];
  const char *attributes[5];   /* name, value, … */
  const char *origin;
  const char *message;
} SpanCheck;

/* Every check of a span added by hand (loading has the same, with paths:
 * test-format) */
static void
test_span_checks (Fixture       *fixture,
                  gconstpointer  data)
{
  static const SpanCheck cases[] = {
    { "unknown label", "rumour", { { 0, 3 } }, { "Die" }, { NULL }, NULL,
      "The label “rumour” is not in the label set" },
    { "sentence label", "claim", { { 0, 3 } }, { "Die" }, { NULL }, NULL,
      "The label “claim” is a sentence label, not a span label" },
    { "undeclared attribute", "quote", { { 0, 3 } }, { "Die" }, { "tone", "ironic", NULL }, NULL,
      "The label “quote” has no attribute “tone”" },
    { "undeclared value", "quote", { { 0, 3 } }, { "Die" }, { "type", "ironic", NULL }, NULL,
      "“ironic” is not a value of the attribute “type” of the label “quote”" },
    { "no attributes on a speaker", "speaker", { { 0, 3 } }, { "Die" }, { "type", "direct", NULL }, NULL,
      "The label “speaker” has no attribute “type”" },
    { "empty part", "quote", { { 3, 3 } }, { "" }, { NULL }, NULL,
      "The part [3, 3) is empty or ends before it starts" },
    { "reversed part", "quote", { { 5, 3 } }, { "" }, { NULL }, NULL,
      "The part [5, 3) is empty or ends before it starts" },
    { "parts out of order", "quote", { { 4, 14 }, { 0, 3 } }, { "Ministerin", "Die" }, { NULL }, NULL,
      "The part [0, 3) overlaps the part before it or comes before it" },
    { "overlapping parts", "quote", { { 0, 14 }, { 4, 20 } }, { "Die Ministerin", "Ministerin 👍🏽 war" },
      { NULL }, NULL, "The part [4, 20) overlaps the part before it or comes before it" },
    { "beyond the text", "quote", { { 0, 3 }, { 150, 900 } }, { "Die", "" }, { NULL }, NULL,
      "The part [150, 900) ends beyond the end of the text (138 characters)" },
    { "other text", "quote", { { 0, 3 } }, { "Das" }, { NULL }, NULL,
      "The text “Das” differs from the text at [0, 3): “Die”" },
    { "unknown origin", "quote", { { 0, 3 } }, { "Die" }, { NULL }, "imported",
      "The origin “imported” is not “suggested”" },
  };
  GlossDocument *document = fixture->document;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const SpanCheck *c = &cases[i];
      guint n_parts = c->parts[1].end > 0 ? 2 : 1;
      g_autoptr(GlossSpan) span = gloss_span_new (1, c->label, c->parts, n_parts, c->texts);
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", c->name);
      for (guint k = 0; c->attributes[k] != NULL; k += 2)
        gloss_span_set_attribute (span, c->attributes[k], c->attributes[k + 1]);
      gloss_span_set_origin (span, c->origin, NULL);

      g_assert_false (gloss_document_add_span (document, span, &error));
      g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT);
      g_assert_cmpstr (error->message, ==, c->message);
      g_assert_false (gloss_span_is_sealed (span));
    }

  g_assert_cmpuint (g_list_model_get_n_items (gloss_document_get_spans (document)), ==, 0);
  g_assert_cmpuint (fixture->n_changed, ==, 0);

  /* Times */
  {
    g_autoptr(GlossSpan) span = gloss_document_new_span (document, "quote", (GlossRange[]) { { 0, 3 } }, 1);
    g_autoptr(GError) error = NULL;

    gloss_span_set_created (span, "yesterday");
    g_assert_false (gloss_document_add_span (document, span, &error));
    g_assert_cmpstr (error->message, ==, "“created” is not an ISO 8601 time: “yesterday”");
  }

  /* An id used already */
  {
    g_autoptr(GlossSpan) first = add_span (document, "quote", "Wir prüfen das.", NULL);
    g_autoptr(GlossSpan) again = gloss_span_copy (first);
    g_autoptr(GError) error = NULL;

    g_assert_false (gloss_document_add_span (document, again, &error));
    g_assert_cmpstr (error->message, ==, "The span id 2 is used twice");
  }
}

/* Every check of a relation added by hand */
static void
test_relation_checks (Fixture       *fixture,
                      gconstpointer  data)
{
  static const struct
  {
    const char *label;
    guint       from;
    guint       to;
    const char *message;
  } cases[] = {
    { "said-by", 1, 2, "The relation label “said-by” is not in the label set" },
    { "speaker", 1, 7, "There is no span with the id 7" },
    { "speaker", 7, 2, "There is no span with the id 7" },
    { "speaker", 1, 1, "The relation joins the span 1 to itself" },
    { "speaker", 2, 1, "The relation label “speaker” does not join a “speaker” span to a “quote” span" },
    { "cue", 1, 2, "The relation label “cue” does not join a “quote” span to a “speaker” span" },
  };
  GlossDocument *document = fixture->document;
  g_autoptr(GlossSpan) quote = add_span (document, "quote", "Wir prüfen das.", NULL);
  g_autoptr(GlossSpan) speaker = add_span (document, "speaker", "sie", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GlossRelation) relation = gloss_relation_new (1, cases[i].label, cases[i].from, cases[i].to);
      g_autoptr(GError) error = NULL;

      g_assert_false (gloss_document_add_relation (document, relation, &error));
      g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }

  {
    g_autoptr(GlossRelation) said = relate (document, "speaker", quote, speaker);
    g_autoptr(GlossRelation) again = gloss_relation_copy (said);
    g_autoptr(GError) error = NULL;

    g_assert_false (gloss_document_add_relation (document, again, &error));
    g_assert_cmpstr (error->message, ==, "The relation id 1 is used twice");
  }
}

/* The lookups by offset, checked against a walk over every span for many
 * random overlapping, nested and discontinuous spans, while spans are
 * added and removed */
static void
test_lookups (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GlossText) gloss_text = NULL;
  g_autoptr(GlossLabelSet) labels = make_labels ();
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (12);
  const char *span_labels[] = { "quote", "speaker", "cue", "frame", "addressee" };
  guint length;

  while (text->len < 3000)
    g_string_append (text, "Sie sagte „ja“ 👍🏽 und ging.\r\n");
  gloss_text = gloss_text_new (text->str, text->len, NULL);
  length = gloss_text_get_length (gloss_text);
  document = gloss_document_new (gloss_text, "de", labels);

  for (guint round = 0; round < 400; round++)
    {
      GListModel *spans = gloss_document_get_spans (document);
      guint n = g_list_model_get_n_items (spans);

      if (n > 0 && g_rand_int_range (rand, 0, 4) == 0)
        {
          g_autoptr(GlossSpan) doomed = g_list_model_get_item (spans, g_rand_int_range (rand, 0, n));

          g_assert_true (gloss_document_remove_span (document, gloss_span_get_id (doomed)));
        }
      else
        {
          GlossRange parts[3];
          guint n_parts = g_rand_int_range (rand, 1, 4);
          guint start = g_rand_int_range (rand, 0, length - 100);
          g_autoptr(GlossSpan) span = NULL;
          g_autoptr(GError) error = NULL;

          /* now and then one over almost all of the text */
          if (g_rand_int_range (rand, 0, 50) == 0)
            {
              n_parts = 1;
              parts[0].start = g_rand_int_range (rand, 0, 10);
              parts[0].end = length - g_rand_int_range (rand, 0, 10);
            }
          else
            for (guint k = 0; k < n_parts; k++)
              {
                parts[k].start = start + g_rand_int_range (rand, 0, 20);
                parts[k].end = parts[k].start + g_rand_int_range (rand, 1, 15);
                start = parts[k].end;
              }

          span = gloss_document_new_span (document, span_labels[g_rand_int_range (rand, 0, 5)], parts, n_parts);
          g_assert_true (gloss_document_add_span (document, span, &error));
        }

      if (round % 20 == 0 && round > 0)
        g_assert_true (gloss_document_undo (document));

      n = g_list_model_get_n_items (spans);
      for (guint q = 0; q < 30; q++)
        {
          guint a = g_rand_int_range (rand, 0, length);
          guint b = a + g_rand_int_range (rand, 0, 30);
          g_autoptr(GPtrArray) at_offset = gloss_document_dup_spans_at (document, a);
          g_autoptr(GPtrArray) in_range = gloss_document_dup_spans_in (document, a, b);
          guint n_at = 0, n_in = 0;

          /* The walk finds them in the list's order too */
          for (guint i = 0; i < n; i++)
            {
              g_autoptr(GlossSpan) span = g_list_model_get_item (spans, i);

              if (gloss_span_contains (span, a))
                {
                  g_assert_cmpuint (n_at, <, at_offset->len);
                  g_assert_true (g_ptr_array_index (at_offset, n_at) == span);
                  n_at++;
                }
              if (gloss_span_overlaps (span, a, b))
                {
                  g_assert_cmpuint (n_in, <, in_range->len);
                  g_assert_true (g_ptr_array_index (in_range, n_in) == span);
                  n_in++;
                }
            }
          g_assert_cmpuint (n_at, ==, at_offset->len);
          g_assert_cmpuint (n_in, ==, in_range->len);
        }
    }
}

/* Merge and split edit sentences; spans live on the text and stay */
static void
test_merge_split (Fixture       *fixture,
                  gconstpointer  data)
{
  GlossDocument *document = fixture->document;
  g_autoptr(GlossSpan) quote = add_span (document, "quote", "Wir prüfen das.\r\nDann entscheiden wir", "und zwar bald.");
  g_autoptr(GlossSpan) speaker = add_span (document, "speaker", "sie", NULL);
  g_autoptr(GlossRelation) said = relate (document, "speaker", quote, speaker);
  guint n = gloss_document_get_n_sentences (document);
  int position = gloss_document_find_sentence_at (document, at ("Wir prüfen"));

  g_assert_true (gloss_document_add_label (document, position, "claim"));
  g_string_truncate (fixture->events, 0);

  g_assert_true (gloss_document_merge_sentences (document, position));
  g_assert_cmpuint (gloss_document_get_n_sentences (document), ==, n - 1);
  g_assert_true (gloss_document_split_sentence (document, position, at ("Dann")));
  g_assert_cmpuint (gloss_document_get_n_sentences (document), ==, n);
  g_assert_true (gloss_document_undo (document));
  g_assert_true (gloss_document_undo (document));

  g_assert_cmpstr (fixture->events->str, ==, "");
  g_assert_true (gloss_document_lookup_span (document, 1) == quote);
  g_assert_true (gloss_document_lookup_span (document, 2) == speaker);
  g_assert_true (gloss_document_lookup_relation (document, 1) == said);
}

/* Deleting a span label: its spans, their relations, and the label out of
 * the relation labels that join it, all one step */
static void
test_delete_label (Fixture       *fixture,
                   gconstpointer  data)
{
  GlossDocument *document = fixture->document;
  GlossLabelSet *labels = gloss_document_get_labels (document);
  GlossLabelSet *relations = gloss_label_set_get_relation_labels (labels);
  g_autoptr(GlossSpan) quote = add_span (document, "quote", "Wir prüfen das.", NULL);
  g_autoptr(GlossSpan) speaker = add_span (document, "speaker", "sie", NULL);
  g_autoptr(GlossSpan) cue = add_span (document, "cue", "sagte", NULL);
  g_autoptr(GlossRelation) said = relate (document, "speaker", quote, speaker);
  g_autoptr(GlossRelation) cued = relate (document, "cue", quote, cue);
  g_autoptr(GlossLabel) both = gloss_label_new_with_scope (GLOSS_LABEL_SCOPE_RELATION, "role", NULL, NULL, NULL,
                                                           NULL);

  gloss_label_set_endpoints (both, (const char *[]) { "quote", NULL }, (const char *[]) { "speaker", "cue", NULL });
  g_assert_true (gloss_label_set_insert (relations, 4, both));

  g_assert_cmpuint (gloss_document_count_label (document, "cue"), ==, 1);
  g_assert_true (gloss_document_lookup_relation (document, gloss_relation_get_id (said)) == said);
  g_assert_cmpuint (gloss_document_count_label_relations (document, "cue"), ==, 1);
  g_assert_cmpuint (gloss_document_count_label_relations (document, "quote"), ==, 2);
  g_assert_cmpuint (gloss_document_count_relation_label (document, "speaker"), ==, 1);

  g_assert_cmpuint (gloss_document_delete_label (document, "cue"), ==, 1);
  g_assert_null (gloss_label_set_lookup (labels, "cue"));
  /* the relation label that only joined cues went; the other lost "cue" */
  g_assert_null (gloss_label_set_lookup (relations, "cue"));
  {
    g_autofree char *to = g_strjoinv (",", (GStrv)gloss_label_get_to (both));

    g_assert_cmpstr (to, ==, "speaker");
  }
  assert_ids (gloss_document_get_spans (document), "1 2");
  assert_ids (gloss_document_get_relations (document), "1");

  g_assert_true (gloss_document_undo (document));
  g_assert_cmpint (gloss_label_set_get_position (labels, "cue"), ==, 3);
  g_assert_cmpint (gloss_label_set_get_position (relations, "cue"), ==, 1);
  g_assert_true (gloss_label_joins (both, "quote", "cue"));
  assert_ids (gloss_document_get_spans (document), "1 3 2");
  assert_ids (gloss_document_get_relations (document), "1 2");
  g_assert_true (gloss_document_lookup_relation (document, 2) == cued);

  g_assert_true (gloss_document_redo (document));
  assert_ids (gloss_document_get_relations (document), "1");
  g_assert_true (gloss_document_undo (document));

  /* A relation label with its relations */
  g_assert_cmpuint (gloss_document_delete_relation_label (document, "speaker"), ==, 1);
  g_assert_null (gloss_label_set_lookup (relations, "speaker"));
  assert_ids (gloss_document_get_relations (document), "2");
  assert_ids (gloss_document_get_spans (document), "1 3 2");
  g_assert_true (gloss_document_undo (document));
  assert_ids (gloss_document_get_relations (document), "1 2");
  g_assert_cmpint (gloss_label_set_get_position (relations, "speaker"), ==, 0);
}

/* Labels moved in their sets (the labels editor): spans and relations
 * follow the new order */
static void
test_label_order (Fixture       *fixture,
                  gconstpointer  data)
{
  GlossDocument *document = fixture->document;
  GlossLabelSet *labels = gloss_document_get_labels (document);
  GlossLabelSet *relations = gloss_label_set_get_relation_labels (labels);
  g_autoptr(GlossSpan) quote = add_span (document, "quote", "sagte sie", NULL);
  g_autoptr(GlossSpan) cue = NULL;
  g_autoptr(GlossSpan) speaker = NULL;

  g_object_unref (add_span (document, "frame", "sagte sie", NULL));
  cue = add_span (document, "cue", "sagte", NULL);
  speaker = add_span (document, "speaker", "sie", NULL);
  g_object_unref (relate (document, "cue", quote, cue));
  g_object_unref (relate (document, "speaker", quote, speaker));

  assert_ids (gloss_document_get_spans (document), "3 1 2 4");
  assert_ids (gloss_document_get_relations (document), "2 1");

  g_assert_true (gloss_label_set_move (labels, gloss_label_set_get_position (labels, "frame"), 0));
  assert_ids (gloss_document_get_spans (document), "3 2 1 4");
  g_assert_true (gloss_label_set_move (relations, 0, 3));
  assert_ids (gloss_document_get_relations (document), "1 2");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/span/object", test_object);
  g_test_add ("/gloss/span/add-undo", Fixture, NULL, fixture_set_up, test_add_undo, fixture_tear_down);
  g_test_add ("/gloss/span/groups", Fixture, NULL, fixture_set_up, test_groups, fixture_tear_down);
  g_test_add ("/gloss/span/replace", Fixture, NULL, fixture_set_up, test_replace, fixture_tear_down);
  g_test_add ("/gloss/span/span-checks", Fixture, NULL, fixture_set_up, test_span_checks, fixture_tear_down);
  g_test_add ("/gloss/span/relation-checks", Fixture, NULL, fixture_set_up, test_relation_checks, fixture_tear_down);
  g_test_add_func ("/gloss/span/lookups", test_lookups);
  g_test_add ("/gloss/span/merge-split", Fixture, NULL, fixture_set_up, test_merge_split, fixture_tear_down);
  g_test_add ("/gloss/span/delete-label", Fixture, NULL, fixture_set_up, test_delete_label, fixture_tear_down);
  g_test_add ("/gloss/span/label-order", Fixture, NULL, fixture_set_up, test_label_order, fixture_tear_down);

  return g_test_run ();
}
