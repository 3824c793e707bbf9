/* gloss-fuzz.c
 *
 * The fuzz targets: the annotation file loader, the text loader and the
 * segmenter. Shared by the libFuzzer programs and by test-fuzz-regressions,
 * which runs every input that ever crashed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "gloss-annotation.h"
#include "gloss-document.h"
#include "gloss-format.h"
#include "gloss-fuzz.h"
#include "gloss-json.h"
#include "gloss-json-tape.h"
#include "gloss-reanchor.h"
#include "gloss-segmenter.h"
#include "gloss-sentence.h"
#include "gloss-span.h"
#include "gloss-text.h"

/* Every part of every span of @document is the text at its offsets */
static void
assert_spans_exact (GlossDocument *document)
{
  GListModel *spans = gloss_document_get_spans (document);
  GlossText *text = gloss_document_get_text (document);

  for (guint i = 0; i < g_list_model_get_n_items (spans); i++)
    {
      g_autoptr(GlossSpan) span = g_list_model_get_item (spans, i);

      for (guint k = 0; k < gloss_span_get_n_parts (span); k++)
        {
          GlossRange part = gloss_span_get_part (span, k);

          g_assert (gloss_text_slice_equals (text, part.start, part.end, gloss_span_get_part_text (span, k)));
        }
    }
}

static GlossText *
fixed_text (void)
{
  static GlossText *text;

  if (g_once_init_enter (&text))
    g_once_init_leave (&text, gloss_text_new ("Der Minister sagte „Nein“.\nDas ist falsch 👍🏽!", -1, NULL));

  return text;
}

/**
 * gloss_fuzz_json_tape_agrees:
 *
 * What the annotation file's own reader takes, json-glib takes too, and
 * reads the same: the same tree, the same numbers of the same kind, the
 * same strings, members in the same order.
 *
 * Returns: %TRUE if the tape reader took @data
 */
gboolean
gloss_fuzz_json_tape_agrees (const guint8 *data,
                             gsize         size)
{
  g_autoptr(GlossJsonTape) tape = gloss_json_tape_parse ((const char *)data, size, NULL);
  g_autoptr(JsonNode) expected = NULL;
  g_autoptr(JsonNode) actual = NULL;
  g_autofree char *expected_json = NULL;
  g_autofree char *actual_json = NULL;

  if (tape == NULL)
    return FALSE;

  expected = gloss_json_parse ((const char *)data, size, NULL);
  g_assert (expected != NULL);
  actual = gloss_json_tape_to_node (tape, 0);
  g_assert (json_node_equal (expected, actual));

  /* json_node_equal() takes 1 and 1.0 as equal; their JSON tells */
  expected_json = json_to_string (expected, FALSE);
  actual_json = json_to_string (actual, FALSE);
  g_assert (strcmp (expected_json, actual_json) == 0);

  return TRUE;
}

void
gloss_fuzz_json (const guint8 *data,
                 gsize         size)
{
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GlossDocument) again = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  GlossText *text = fixed_text ();
  GListModel *annotations;

  gloss_fuzz_json_tape_agrees (data, size);

  document = gloss_format_parse (text, "fuzz.txt", (const char *)data, size, NULL, NULL);
  g_assert (document != NULL);

  /* Re-anchoring the same file in a changed text gives exact spans only */
  {
    g_autoptr(GlossText) changed = gloss_text_new ("Neu.\nDer Minister sagte „Nein“.\nDas ist falsch!", -1, NULL);
    g_autoptr(GlossDocument) moved = gloss_reanchor (NULL, changed, (const char *)data, size, NULL, NULL, NULL, NULL);

    if (moved != NULL)
      {
        GListModel *list = gloss_document_get_annotations (moved);

        for (guint i = 0; i < g_list_model_get_n_items (list); i++)
          {
            g_autoptr(GlossAnnotation) a = g_list_model_get_item (list, i);

            g_assert (gloss_text_slice_equals (changed, gloss_annotation_get_start (a), gloss_annotation_get_end (a),
                                               gloss_annotation_get_text (a)));
          }
        assert_spans_exact (moved);
      }
  }

  if (gloss_document_get_problems (document)->len > 0)
    return;

  /* A file that loads without a problem holds only exact spans, and is
   * written and read back to the same bytes */
  annotations = gloss_document_get_annotations (document);
  for (guint i = 0; i < g_list_model_get_n_items (annotations); i++)
    {
      g_autoptr(GlossAnnotation) a = g_list_model_get_item (annotations, i);

      g_assert (gloss_text_slice_equals (text, gloss_annotation_get_start (a), gloss_annotation_get_end (a),
                                         gloss_annotation_get_text (a)));
    }

  assert_spans_exact (document);

  first = gloss_format_serialize (document);
  again = gloss_format_parse (text, "fuzz.txt", g_bytes_get_data (first, NULL), g_bytes_get_size (first), NULL, NULL);
  g_assert (gloss_document_get_problems (again)->len == 0);
  second = gloss_format_serialize (again);
  g_assert (g_bytes_equal (first, second));
}

void
gloss_fuzz_text (const guint8 *data,
                 gsize         size)
{
  g_autoptr(GlossText) text = NULL;
  g_autoptr(GlossDocument) document = NULL;
  guint length;

  text = gloss_text_new ((const char *)data, size, NULL);

  /* Gloss's own UTF-8 check takes exactly what GLib's takes */
  g_assert ((text != NULL) == (memchr (data, '\0', size) == NULL && g_utf8_validate_len ((const char *)data, size, NULL)));
  if (text == NULL)
    return;

  /* The offset maps agree with each other at every code point */
  length = gloss_text_get_length (text);
  for (guint i = 0; i <= length; i++)
    g_assert (gloss_text_get_char_offset (text, gloss_text_get_byte_offset (text, i)) == i);

  document = gloss_document_new (text, NULL, NULL);
  g_assert (gloss_document_get_n_sentences (document) <= length);
}

static void
check_spans (const char *contents,
             gsize       size,
             GArray     *spans)
{
  glong length = g_utf8_strlen (contents, size);
  guint previous_end = 0;

  for (guint i = 0; i < spans->len; i++)
    {
      GlossRange *span = &g_array_index (spans, GlossRange, i);
      const char *first, *last;

      g_assert (span->start < span->end);
      g_assert (span->start >= previous_end);
      g_assert ((glong)span->end <= length);

      first = g_utf8_offset_to_pointer (contents, span->start);
      last = g_utf8_offset_to_pointer (contents, span->end - 1);
      g_assert (!g_unichar_isspace (g_utf8_get_char (first)));
      g_assert (!g_unichar_isspace (g_utf8_get_char (last)));

      previous_end = span->end;
    }
}

void
gloss_fuzz_segmenter (const guint8 *data,
                      gsize         size)
{
  static GlossSegmenter *de, *en;
  g_autofree char *valid = NULL;
  g_autoptr(GArray) de_spans = NULL;
  g_autoptr(GArray) en_spans = NULL;
  gsize n;

  if (g_once_init_enter (&de))
    {
      en = gloss_segmenter_new ("en");
      g_once_init_leave (&de, gloss_segmenter_new ("de"));
    }

  /* The segmenter is given validated UTF-8 without NUL bytes: cut at the
   * first NUL */
  valid = g_utf8_make_valid ((const char *)data, size);
  n = strlen (valid);

  de_spans = gloss_segmenter_split (de, valid, n);
  check_spans (valid, n, de_spans);
  en_spans = gloss_segmenter_split (en, valid, n);
  check_spans (valid, n, en_spans);
}
