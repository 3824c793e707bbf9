/* test-import-spans.c
 *
 * The importer's one path for spans and relations
 * (_gloss_importer_add_spans()): which spans become spans of the text and
 * which label sentences, how relations join them by their keys, and what
 * is refused or counted as dropped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "gloss-dataset-private.h"
#include "gloss-document.h"
#include "gloss-importer.h"
#include "gloss-label-set.h"
#include "gloss-label.h"
#include "gloss-problem.h"
#include "gloss-relation.h"
#include "gloss-span.h"
#include "gloss-text.h"

/* 55 code points: "Das ist schön 😊." is [19, 35) (😊, one code point, at
 * 33), CR LF [36, 38), "He said:" [38, 46), "\"Fine.\"" [47, 54) */
static const char text_data[] = "Die Ärztin sagte: „Das ist schön 😊.“\r\nHe said: \"Fine.\"\n";

static GlossText *
make_text (void)
{
  g_autoptr(GError) error = NULL;
  GlossText *text = gloss_text_new (text_data, strlen (text_data), &error);

  g_assert_no_error (error);
  return text;
}

static GlossDocument *
only_document (GlossImporter *importer)
{
  g_assert_cmpuint (gloss_importer_get_n_documents (importer), ==, 1);
  return g_object_ref (gloss_importer_get_document (importer, 0, NULL));
}

static guint
count_problems (GlossImporter *importer)
{
  return gloss_importer_get_problems (importer)->len;
}

/* The quotation set declares quote and speaker: both are spans; a relation
 * joins them by key; a discontinuous quote keeps its parts; attributes */
static void
test_known_span_labels (void)
{
  g_autoptr(GlossImporter) importer = gloss_importer_new (GLOSS_IMPORT_BRAT);
  g_autoptr(GlossLabelSet) quotation = gloss_label_set_new_builtin ("quotation");
  g_autoptr(GlossText) text = make_text ();
  g_autoptr(GArray) spans = _gloss_dataset_spans_new ();
  g_autoptr(GArray) relations = _gloss_dataset_relations_new ();
  const GlossRange quote_parts[] = { { 47, 54 }, { 19, 35 } };  /* out of order on purpose */
  const GlossRange speaker_part[] = { { 0, 10 } };
  GlossImportSpan *span;
  GlossDocument *document;
  GlossSpan *quote, *speaker;
  GlossRelation *relation;

  gloss_importer_set_labels (importer, quotation);
  span = _gloss_dataset_spans_add_full (spans, quote_parts, 2, "quote", "a note", NULL, "T1");
  _gloss_import_span_add_attribute (span, "type", "direct");
  _gloss_import_span_add_attribute (span, "medium", "speech");
  _gloss_dataset_spans_add_full (spans, speaker_part, 1, "speaker", NULL, "anna", "T2");
  _gloss_dataset_relations_add (relations, "speaker", "T1", "T2", "rel note", NULL);

  g_assert_true (_gloss_importer_add_spans (importer, "a", text, "de", NULL, spans, relations, NULL, "a.ann"));
  g_assert_cmpuint (count_problems (importer), ==, 0);

  document = only_document (importer);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_document_get_spans (document)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_document_get_relations (document)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_document_get_annotations (document)), ==, 0);

  speaker = g_list_model_get_item (gloss_document_get_spans (document), 0);
  quote = g_list_model_get_item (gloss_document_get_spans (document), 1);
  g_assert_cmpstr (gloss_span_get_label (speaker), ==, "speaker");
  g_assert_cmpstr (gloss_span_get_annotator (speaker), ==, "anna");
  g_assert_cmpstr (gloss_span_get_label (quote), ==, "quote");
  g_assert_cmpuint (gloss_span_get_n_parts (quote), ==, 2);
  g_assert_cmpuint (gloss_span_get_part (quote, 0).start, ==, 19);
  g_assert_cmpuint (gloss_span_get_part (quote, 0).end, ==, 35);
  g_assert_cmpstr (gloss_span_get_part_text (quote, 0), ==, "Das ist schön 😊.");
  g_assert_cmpstr (gloss_span_get_part_text (quote, 1), ==, "\"Fine.\"");
  g_assert_cmpstr (gloss_span_get_attribute (quote, "type"), ==, "direct");
  g_assert_cmpstr (gloss_span_get_attribute (quote, "medium"), ==, "speech");
  g_assert_cmpstr (gloss_span_get_note (quote), ==, "a note");

  relation = g_list_model_get_item (gloss_document_get_relations (document), 0);
  g_assert_cmpstr (gloss_relation_get_label (relation), ==, "speaker");
  g_assert_cmpuint (gloss_relation_get_from (relation), ==, gloss_span_get_id (quote));
  g_assert_cmpuint (gloss_relation_get_to (relation), ==, gloss_span_get_id (speaker));
  g_assert_cmpstr (gloss_relation_get_note (relation), ==, "rel note");

  g_object_unref (relation);
  g_object_unref (quote);
  g_object_unref (speaker);
  g_object_unref (document);
}

/* With the default set: a new label that is the end of a relation or has
 * several parts is a span label; a new plain one labels sentences, as
 * before; a relation to a sentence-mapped span is counted as dropped */
static void
test_new_labels (void)
{
  g_autoptr(GlossImporter) importer = gloss_importer_new (GLOSS_IMPORT_BRAT);
  g_autoptr(GlossText) text = make_text ();
  g_autoptr(GArray) spans = _gloss_dataset_spans_new ();
  g_autoptr(GArray) relations = _gloss_dataset_relations_new ();
  const GlossRange a[] = { { 19, 35 } };
  const GlossRange b[] = { { 0, 10 } };
  const GlossRange c[] = { { 38, 46 } };
  const GlossRange d[] = { { 48, 53 } };
  GlossDocument *document;
  GlossLabelSet *labels;
  GlossLabel *label;
  GlossSpan *span;

  _gloss_dataset_spans_add_full (spans, a, 1, "Zitat", NULL, NULL, "T1");
  _gloss_dataset_spans_add_full (spans, b, 1, "Sprecher", NULL, NULL, "T2");
  _gloss_dataset_spans_add_full (spans, c, 1, "claim", NULL, NULL, "T3");
  _gloss_dataset_spans_add_full (spans, d, 1, "Thema", NULL, NULL, "T4");
  _gloss_dataset_relations_add (relations, "Said By", "T1", "T2", NULL, NULL);
  _gloss_dataset_relations_add (relations, "about", "T3", "T1", NULL, NULL);

  g_assert_true (_gloss_importer_add_spans (importer, "a", text, "de", NULL, spans, relations, NULL, "a.ann"));
  g_assert_cmpuint (count_problems (importer), ==, 0);

  document = only_document (importer);
  labels = gloss_document_get_labels (document);

  label = gloss_label_set_lookup (labels, "zitat");
  g_assert_nonnull (label);
  g_assert_cmpint (gloss_label_get_scope (label), ==, GLOSS_LABEL_SCOPE_SPAN);
  label = gloss_label_set_lookup (labels, "thema");
  g_assert_nonnull (label);
  g_assert_cmpint (gloss_label_get_scope (label), ==, GLOSS_LABEL_SCOPE_SENTENCE);

  label = gloss_label_set_lookup (gloss_label_set_get_relation_labels (labels), "said_by");
  g_assert_nonnull (label);
  g_assert_true (gloss_label_joins (label, "zitat", "sprecher"));

  g_assert_cmpuint (g_list_model_get_n_items (gloss_document_get_spans (document)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_document_get_relations (document)), ==, 1);
  span = g_list_model_get_item (gloss_document_get_spans (document), 1);
  g_assert_cmpstr (gloss_span_get_label (span), ==, "zitat");
  g_object_unref (span);

  /* claim (a sentence label) and Thema (new, plain) label sentence 1 */
  g_assert_cmpuint (g_list_model_get_n_items (gloss_document_get_annotations (document)), ==, 2);
  g_assert_cmpuint (gloss_importer_count_dropped (importer, GLOSS_DROPPED_RELATION), ==, 1);

  g_object_unref (document);
}

/* A relation naming a key no span has, a part beyond the text, a key given
 * twice: problems, and the document is refused */
static void
test_refused (void)
{
  const GlossRange fine[] = { { 0, 10 } };
  const GlossRange beyond[] = { { 0, 10 }, { 50, 90 } };

  for (guint round = 0; round < 3; round++)
    {
      g_autoptr(GlossImporter) importer = gloss_importer_new (GLOSS_IMPORT_BRAT);
      g_autoptr(GlossLabelSet) quotation = gloss_label_set_new_builtin ("quotation");
      g_autoptr(GlossText) text = make_text ();
      g_autoptr(GArray) spans = _gloss_dataset_spans_new ();
      g_autoptr(GArray) relations = _gloss_dataset_relations_new ();

      gloss_importer_set_labels (importer, quotation);
      _gloss_dataset_spans_add_full (spans, fine, 1, "quote", NULL, NULL, "T1");
      if (round == 0)
        _gloss_dataset_relations_add (relations, "speaker", "T1", "T9", NULL, NULL);
      else if (round == 1)
        _gloss_dataset_spans_add_full (spans, beyond, 2, "quote", NULL, NULL, "T2");
      else
        _gloss_dataset_spans_add_full (spans, fine, 1, "speaker", NULL, NULL, "T1");

      g_assert_false (_gloss_importer_add_spans (importer, "a", text, "de", NULL, spans, relations, NULL, "a.ann"));
      g_assert_cmpuint (count_problems (importer), >=, 2);
      g_assert_cmpuint (gloss_importer_get_n_documents (importer), ==, 0);
    }
}

/* A value the label does not declare is declared, with a warning; an
 * attribute name that is no id is made one */
static void
test_new_attribute_values (void)
{
  g_autoptr(GlossImporter) importer = gloss_importer_new (GLOSS_IMPORT_BRAT);
  g_autoptr(GlossLabelSet) quotation = gloss_label_set_new_builtin ("quotation");
  g_autoptr(GlossText) text = make_text ();
  g_autoptr(GArray) spans = _gloss_dataset_spans_new ();
  const GlossRange part[] = { { 19, 35 } };
  GlossImportSpan *span;
  GlossDocument *document;
  GlossLabel *quote;
  GlossSpan *made;

  gloss_importer_set_labels (importer, quotation);
  span = _gloss_dataset_spans_add_full (spans, part, 1, "quote", NULL, NULL, NULL);
  _gloss_import_span_add_attribute (span, "type", "mixed");
  _gloss_import_span_add_attribute (span, "Sicherheit", "hoch");

  g_assert_true (_gloss_importer_add_spans (importer, "a", text, "de", NULL, spans, NULL, NULL, "a.ann"));
  document = only_document (importer);
  quote = gloss_label_set_lookup (gloss_document_get_labels (document), "quote");
  g_assert_true (gloss_label_has_value (quote, "type", "mixed"));
  g_assert_true (gloss_label_has_value (quote, "sicherheit", "hoch"));
  g_assert_cmpuint (gloss_importer_get_warnings (importer)->len, >=, 3);

  made = g_list_model_get_item (gloss_document_get_spans (document), 0);
  g_assert_cmpstr (gloss_span_get_attribute (made, "type"), ==, "mixed");
  g_assert_cmpstr (gloss_span_get_attribute (made, "sicherheit"), ==, "hoch");
  g_object_unref (made);
  g_object_unref (document);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/import-spans/known-span-labels", test_known_span_labels);
  g_test_add_func ("/gloss/import-spans/new-labels", test_new_labels);
  g_test_add_func ("/gloss/import-spans/refused", test_refused);
  g_test_add_func ("/gloss/import-spans/new-attribute-values", test_new_attribute_values);

  return g_test_run ();
}
