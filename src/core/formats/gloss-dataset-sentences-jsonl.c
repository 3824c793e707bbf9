/* gloss-dataset-sentences-jsonl.c
 *
 * Gloss's sentences-jsonl: one JSON line per sentence, labelled or not.
 *
 * Writing: what a sentence classifier trains on, and what
 * `pandas.read_json (path, lines=True)` reads as a table with one row per
 * sentence.
 *
 * Reading: the lines of one document (by `document`) give its sentences,
 * with their ids, and their labels, notes and annotators. The text between
 * sentences is not in the format: it comes back as spaces, which keeps
 * every offset; the text of every sentence is exact.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-annotation.h"
#include "gloss-dataset-private.h"
#include "gloss-document.h"
#include "gloss-json.h"
#include "gloss-sentence.h"
#include "gloss-text.h"

/* Writing ---------------------------------------------------------------- */

static void
append_context (GString         *out,
                GlossExportItem *item,
                guint            from,
                guint            to)
{
  g_string_append_c (out, '[');
  for (guint i = from; i < to; i++)
    {
      GlossSentence *sentence = item->sentences[i];

      g_string_append (out, i > from ? ", " : "");
      _gloss_dataset_append_slice (out, item->text,
                                   gloss_sentence_get_start (sentence),
                                   gloss_sentence_get_end (sentence));
    }
  g_string_append_c (out, ']');
}

/* Appends `, "NAME": [...]`: a member of each annotation, as a list */
static void
append_list (GString     *out,
             const char  *name,
             GPtrArray   *annotations,
             const char * (*get) (GlossAnnotation *annotation))
{
  g_string_append (out, name);
  g_string_append_c (out, '[');
  for (guint k = 0; annotations != NULL && k < annotations->len; k++)
    {
      if (k > 0)
        g_string_append_len (out, ", ", 2);
      gloss_json_append_string (out, get (g_ptr_array_index (annotations, k)));
    }
  g_string_append_c (out, ']');
}

static gboolean
sentences_jsonl_add (GlossExporter    *self,
                     GlossExportItem  *item,
                     GError          **error)
{
  GString *out = _gloss_exporter_get_buffer (self);
  guint context = _gloss_exporter_get_context (self);
  g_autoptr(GString) document = g_string_new (NULL);
  g_autoptr(GString) language = g_string_new (NULL);

  /* The same on every line */
  gloss_json_append_string (document, item->id);
  gloss_json_append_string (language, gloss_document_get_language (item->document));

  for (guint i = 0; i < item->n_sentences; i++)
    {
      GlossSentence *sentence = item->sentences[i];
      GPtrArray *annotations = item->by_sentence[i];
      guint start = gloss_sentence_get_start (sentence);
      guint end = gloss_sentence_get_end (sentence);
      char numbers[128];
      char *p = numbers;

      g_string_append_len (out, "{\"document\": ", 13);
      g_string_append_len (out, document->str, document->len);

      /* Without printf: a line of a long export costs little else */
      p = g_stpcpy (p, ", \"sentence\": ");
      p = gloss_json_put_uint (p, gloss_sentence_get_id (sentence));
      p = g_stpcpy (p, ", \"index\": ");
      p = gloss_json_put_uint (p, i);
      p = g_stpcpy (p, ", \"start\": ");
      p = gloss_json_put_uint (p, start);
      p = g_stpcpy (p, ", \"end\": ");
      p = gloss_json_put_uint (p, end);
      p = g_stpcpy (p, ", \"text\": ");
      g_string_append_len (out, numbers, p - numbers);
      _gloss_dataset_append_slice (out, item->text, start, end);

      /* notes and annotators run parallel to labels: notes[k] and
       * annotators[k] belong to labels[k] */
      append_list (out, ", \"labels\": ", annotations, gloss_annotation_get_label);
      append_list (out, ", \"notes\": ", annotations, gloss_annotation_get_note);
      append_list (out, ", \"annotators\": ", annotations, gloss_annotation_get_annotator);
      g_string_append_len (out, ", \"language\": ", 14);
      g_string_append_len (out, language->str, language->len);

      if (context > 0)
        {
          g_string_append (out, ", \"context_before\": ");
          append_context (out, item, i > context ? i - context : 0, i);
          g_string_append (out, ", \"context_after\": ");
          append_context (out, item, i + 1, MIN (item->n_sentences, i + 1 + context));
        }

      g_string_append_len (out, "}\n", 2);
    }

  return TRUE;
}

/* Reading ---------------------------------------------------------------- */

typedef struct
{
  char      *id;
  guint      first_line;
  GPtrArray *lines;    /* JsonNode */
} Group;

static void
group_free (Group *group)
{
  g_free (group->id);
  g_ptr_array_unref (group->lines);
  g_free (group);
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  JsonObject *x = json_node_get_object (*(JsonNode **)a);
  JsonObject *y = json_node_get_object (*(JsonNode **)b);
  gint64 sx = json_object_get_int_member (x, "start");
  gint64 sy = json_object_get_int_member (y, "start");

  return sx < sy ? -1 : sx > sy;
}

/* The string at @index of the list @member, if there is one */
static const char *
get_parallel (JsonObject *object,
              const char *member,
              guint       index)
{
  JsonNode *node = json_object_get_member (object, member);
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;

  array = json_node_get_array (node);
  if (index >= json_array_get_length (array))
    return NULL;

  node = json_array_get_element (array, index);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static void
import_group (GlossImporter *self,
              Group         *group)
{
  g_autofree char *where = g_strdup_printf (_("line %u"), group->first_line);
  g_autoptr(GString) contents = g_string_new (NULL);
  g_autoptr(GPtrArray) sentences = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) spans = _gloss_dataset_spans_new ();
  g_autoptr(GlossText) text = NULL;
  const char *language = NULL;
  guint length = 0;

  g_ptr_array_sort (group->lines, compare_lines);

  for (guint i = 0; i < group->lines->len; i++)
    {
      JsonObject *object = json_node_get_object (g_ptr_array_index (group->lines, i));
      const char *sentence_text = _gloss_dataset_get_string (object, "text");
      JsonNode *labels = json_object_get_member (object, "labels");
      guint id, start, end;

      if (language == NULL)
        language = _gloss_dataset_get_string (object, "language");

      if (!_gloss_dataset_get_offset (json_object_get_member (object, "sentence"), &id) ||
          !_gloss_dataset_get_offset (json_object_get_member (object, "start"), &start) ||
          !_gloss_dataset_get_offset (json_object_get_member (object, "end"), &end) || sentence_text == NULL)
        {
          _gloss_importer_problem (self, where,
                                   _("Each line needs “sentence”, “start”, “end” and “text”"));
          return;
        }

      if (start < length || end <= start || g_utf8_strlen (sentence_text, -1) != end - start)
        {
          _gloss_importer_problem (self, where,
                                   _("The sentence %u [%u, %u) overlaps another or its text is not %u characters long"),
                                   id, start, end, end - start);
          return;
        }

      for (; length < start; length++)
        g_string_append_c (contents, ' ');
      g_string_append (contents, sentence_text);
      length = end;

      g_ptr_array_add (sentences, gloss_sentence_new (id, start, end));

      if (labels != NULL && JSON_NODE_HOLDS_ARRAY (labels))
        {
          JsonArray *array = json_node_get_array (labels);

          for (guint k = 0; k < json_array_get_length (array); k++)
            {
              const char *label = get_parallel (object, "labels", k);

              if (label == NULL)
                {
                  _gloss_importer_problem (self, where, _("The labels of sentence %u must be strings"), id);
                  return;
                }

              _gloss_dataset_spans_add (spans, start, end, label,
                                        get_parallel (object, "notes", k),
                                        get_parallel (object, "annotators", k));
            }
        }
    }

  text = _gloss_dataset_text_new (self, contents->str, where);
  if (text == NULL)
    return;

  _gloss_importer_add_spans (self, group->id, text, language, sentences, spans, NULL, NULL, where);
}

typedef struct
{
  GPtrArray  *groups;
  GHashTable *by_id;
} Grouping;

static void
read_line (GlossImporter *self,
           JsonNode      *node,
           guint          number,
           const char    *where,
           gpointer       user_data)
{
  Grouping *grouping = user_data;
  g_autofree char *id = NULL;
  Group *group;

  id = _gloss_dataset_dup_id (json_object_get_member (json_node_get_object (node), "document"));
  if (id == NULL)
    {
      _gloss_importer_problem (self, where, _("The line has no “document” id"));
      return;
    }

  group = g_hash_table_lookup (grouping->by_id, id);
  if (group == NULL)
    {
      group = g_new0 (Group, 1);
      group->id = g_steal_pointer (&id);
      group->first_line = number;
      group->lines = g_ptr_array_new_with_free_func ((GDestroyNotify)json_node_unref);
      g_ptr_array_add (grouping->groups, group);
      g_hash_table_insert (grouping->by_id, group->id, group);
    }
  g_ptr_array_add (group->lines, json_node_ref (node));
}

static gboolean
sentences_jsonl_read (GlossImporter  *self,
                      GFile          *input,
                      GCancellable   *cancellable,
                      GError        **error)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func ((GDestroyNotify)group_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  Grouping grouping = { groups, by_id };

  /* The lines of a document need not be together: they are grouped by
   * id, and the documents keep the order of their first lines */
  if (!_gloss_dataset_read_lines (self, input, read_line, &grouping, cancellable, error))
    return FALSE;

  for (guint i = 0; i < groups->len; i++)
    import_group (self, g_ptr_array_index (groups, i));

  return TRUE;
}

const GlossDatasetFormat _gloss_dataset_sentences_jsonl = {
  .name = "sentences-jsonl",
  .carries = GLOSS_DATASET_CARRIES_SENTENCES | GLOSS_DATASET_CARRIES_NOTES |
             GLOSS_DATASET_CARRIES_ANNOTATORS | GLOSS_DATASET_CARRIES_LANGUAGE,
  .card =
    "One JSON object per line, one line per sentence, labelled or not, in document order. "
    "Load it with `pandas.read_json(path, lines=True)`.\n\n"
    "| field | meaning |\n"
    "| --- | --- |\n"
    "| `document` | the document id: the text's path relative to the exported folder |\n"
    "| `sentence` | the sentence's id in its document (stable across edits) |\n"
    "| `index` | the sentence's position in its document, from 0 |\n"
    "| `start`, `end` | the sentence's span in the document text, in Unicode code points, end exclusive |\n"
    "| `text` | the sentence: `document_text[start:end]` |\n"
    "| `labels` | the sentence's label ids, in label set order; `[]` for none |\n"
    "| `notes` | the annotators' notes, parallel to `labels` (`\"\"` for none) |\n"
    "| `annotators` | who gave each label, parallel to `labels` |\n"
    "| `language` | the document's language, `de` or `en` |\n"
    "| `context_before`, `context_after` | with `--context N`: the texts of the N sentences before and after |\n",
  .read = sentences_jsonl_read,
  .add = sentences_jsonl_add,
};
