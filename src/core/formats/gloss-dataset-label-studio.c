/* gloss-dataset-label-studio.c
 *
 * Label Studio's JSON task list (https://labelstud.io/guide/tasks).
 *
 * Writing: one task per document, the annotations as `labels` results of
 * one annotation, notes as the regions' meta text.
 *
 * Reading: `data.text` and the `labels` regions of the annotations (or,
 * for a task nobody annotated yet, of the predictions: a model's
 * pre-annotations). Label Studio counts code points now; before its fix
 * for emoji it counted JavaScript's UTF-16 units. A region whose
 * `value.text` matches only when its offsets are read as UTF-16 units is
 * read so.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-annotation.h"
#include "gloss-dataset-private.h"
#include "gloss-document.h"
#include "gloss-error.h"
#include "gloss-json.h"
#include "gloss-text.h"

/* Writing ---------------------------------------------------------------- */

static gboolean
label_studio_begin (GlossExporter  *self,
                    GError        **error)
{
  g_string_append_c (_gloss_exporter_get_buffer (self), '[');

  return TRUE;
}

static gboolean
label_studio_add (GlossExporter    *self,
                  GlossExportItem  *item,
                  GError          **error)
{
  GString *out = _gloss_exporter_get_buffer (self);

  g_string_append_printf (out, "%s\n{\"id\": %u, \"data\": {\"text\": ", item->index ? "," : "", item->index + 1);
  gloss_json_append_string (out, gloss_text_get_contents (item->text));
  g_string_append (out, ", \"document\": ");
  gloss_json_append_string (out, item->id);
  g_string_append (out, ", \"language\": ");
  gloss_json_append_string (out, gloss_document_get_language (item->document));
  g_string_append (out, "}, \"annotations\": [{\"result\": [");

  for (guint i = 0; i < item->annotations->len; i++)
    {
      GlossAnnotation *annotation = g_ptr_array_index (item->annotations, i);
      const char *note = gloss_annotation_get_note (annotation);

      /* Region ids need only be unique within the task; numbered by
       * position, they survive an import and export unchanged */
      g_string_append_printf (out, "%s{\"id\": \"r%u\", \"from_name\": \"label\", \"to_name\": \"text\", "
                              "\"type\": \"labels\", \"value\": {\"start\": %u, \"end\": %u, \"text\": ",
                              i ? ", " : "", i + 1,
                              gloss_annotation_get_start (annotation), gloss_annotation_get_end (annotation));
      gloss_json_append_string (out, gloss_annotation_get_text (annotation));
      g_string_append (out, ", \"labels\": [");
      gloss_json_append_string (out, gloss_annotation_get_label (annotation));
      g_string_append (out, "]}");
      if (note[0] != '\0')
        {
          g_string_append (out, ", \"meta\": {\"text\": [");
          gloss_json_append_string (out, note);
          g_string_append (out, "]}");
        }
      g_string_append_c (out, '}');
    }

  g_string_append (out, "]}]}");

  return TRUE;
}

static gboolean
label_studio_end (GlossExporter  *self,
                  GError        **error)
{
  g_string_append (_gloss_exporter_get_buffer (self), "\n]\n");

  return TRUE;
}

/* Reading ---------------------------------------------------------------- */

/* Where the characters beyond U+FFFF are, in UTF-16 units: each counts two
 * units there and one code point in Gloss. Found once for a text, so that
 * each region of an older export is not a walk from the text's start. */
static GArray *
find_pairs (GlossText *text)
{
  GArray *pairs = g_array_new (FALSE, FALSE, sizeof (guint));
  guint units = 0;

  for (const char *p = gloss_text_get_contents (text); *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_utf8_get_char (p) > 0xFFFF)
        {
          g_array_append_val (pairs, units);
          units++;
        }
      units++;
    }

  return pairs;
}

/* The code point at UTF-16 unit @units, or G_MAXUINT inside a pair or
 * beyond the end */
static guint
utf16_to_code_points (GlossText  *text,
                      GArray     *pairs,
                      guint       units)
{
  guint lo = 0, hi = pairs->len;

  if (units > gloss_text_get_length (text) + pairs->len)
    return G_MAXUINT;

  /* The pairs that start before @units */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (pairs, guint, mid) < units)
        lo = mid + 1;
      else
        hi = mid;
    }

  if (lo > 0 && g_array_index (pairs, guint, lo - 1) + 1 == units)
    return G_MAXUINT;

  return units - lo;
}

static const char *
dup_annotator (JsonObject *annotation)
{
  JsonNode *node = json_object_get_member (annotation, "completed_by");

  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    return _gloss_dataset_get_string (json_node_get_object (node), "email");

  return _gloss_dataset_get_string (annotation, "completed_by");
}

/* @pairs: (inout): find_pairs() of @text, once a region needs it */
static gboolean
read_results (GlossImporter *self,
              GlossText     *text,
              GArray       **pairs,
              JsonArray     *results,
              const char    *annotator,
              GArray        *spans,
              const char    *where)
{
  guint length = gloss_text_get_length (text);

  for (guint i = 0; i < json_array_get_length (results); i++)
    {
      JsonNode *node = json_array_get_element (results, i);
      JsonObject *result, *value;
      JsonNode *labels, *meta;
      const char *region_text, *note = NULL;
      guint start, end;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      result = json_node_get_object (node);
      node = json_object_get_member (result, "value");
      if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
        continue;
      value = json_node_get_object (node);
      labels = json_object_get_member (value, "labels");
      if (labels == NULL || !JSON_NODE_HOLDS_ARRAY (labels))
        continue;  /* choices, ratings, relations: not spans */

      if (!_gloss_dataset_get_offset (json_object_get_member (value, "start"), &start) ||
          !_gloss_dataset_get_offset (json_object_get_member (value, "end"), &end))
        {
          _gloss_importer_problem (self, where, _("A region has no whole-number “start” and “end”"));
          return FALSE;
        }

      region_text = _gloss_dataset_get_string (value, "text");
      if (region_text != NULL &&
          (end > length || start >= end || !gloss_text_slice_equals (text, start, end, region_text)))
        {
          guint s, e;

          if (*pairs == NULL)
            *pairs = find_pairs (text);
          s = utf16_to_code_points (text, *pairs, start);
          e = utf16_to_code_points (text, *pairs, end);

          if (s == G_MAXUINT || e == G_MAXUINT || s >= e || !gloss_text_slice_equals (text, s, e, region_text))
            {
              _gloss_importer_problem (self, where, _("The region [%u, %u) does not hold its text “%s”"),
                                       start, end, region_text);
              return FALSE;
            }

          _gloss_importer_warning (self, where,
                                   _("The region [%u, %u) counts UTF-16 units (an older Label Studio); "
                                     "read as [%u, %u)"),
                                   start, end, s, e);
          start = s;
          end = e;
        }

      meta = json_object_get_member (result, "meta");
      if (meta != NULL && JSON_NODE_HOLDS_OBJECT (meta))
        {
          JsonNode *texts = json_object_get_member (json_node_get_object (meta), "text");

          if (texts != NULL && JSON_NODE_HOLDS_ARRAY (texts) && json_array_get_length (json_node_get_array (texts)) > 0)
            {
              JsonNode *first = json_array_get_element (json_node_get_array (texts), 0);

              if (JSON_NODE_HOLDS_VALUE (first) && json_node_get_value_type (first) == G_TYPE_STRING)
                note = json_node_get_string (first);
            }
        }

      for (guint k = 0; k < json_array_get_length (json_node_get_array (labels)); k++)
        {
          JsonNode *label = json_array_get_element (json_node_get_array (labels), k);

          if (JSON_NODE_HOLDS_VALUE (label) && json_node_get_value_type (label) == G_TYPE_STRING)
            _gloss_dataset_spans_add (spans, start, end, json_node_get_string (label), note, annotator);
        }
    }

  return TRUE;
}

/* Annotations win over predictions; a cancelled annotation counts for none */
static gboolean
read_task_regions (GlossImporter *self,
                   GlossText     *text,
                   JsonObject    *task,
                   GArray        *spans,
                   const char    *where)
{
  static const char * const lists[] = { "annotations", "completions", "predictions" };
  g_autoptr(GArray) pairs = NULL;

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      JsonNode *node = json_object_get_member (task, lists[l]);
      JsonArray *array;
      gboolean found = FALSE;

      if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
        continue;

      array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          JsonObject *annotation;
          JsonNode *results, *cancelled;

          if (!JSON_NODE_HOLDS_OBJECT (element))
            continue;
          annotation = json_node_get_object (element);
          cancelled = json_object_get_member (annotation, "was_cancelled");
          if (cancelled != NULL && JSON_NODE_HOLDS_VALUE (cancelled) &&
              json_node_get_value_type (cancelled) == G_TYPE_BOOLEAN && json_node_get_boolean (cancelled))
            continue;

          results = json_object_get_member (annotation, "result");
          if (results == NULL || !JSON_NODE_HOLDS_ARRAY (results))
            continue;

          found = TRUE;
          if (!read_results (self, text, &pairs, json_node_get_array (results), dup_annotator (annotation), spans,
                             where))
            return FALSE;
        }

      if (found)
        break;
    }

  return TRUE;
}

static gboolean
label_studio_read (GlossImporter  *self,
                   GFile          *input,
                   GCancellable   *cancellable,
                   GError        **error)
{
  static const char * const known[] = { "text", "document", "language", NULL };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *tasks;

  root = _gloss_dataset_load_json (input, cancellable, error);
  if (root == NULL)
    return FALSE;

  if (!JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_JSON,
                   _("A Label Studio export is a JSON list of tasks, not %s"), gloss_json_type_name (root));
      return FALSE;
    }

  tasks = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (tasks); i++)
    {
      g_autofree char *where = g_strdup_printf ("$[%u]", i);
      g_autoptr(GArray) spans = _gloss_dataset_spans_new ();
      g_autoptr(GlossText) text = NULL;
      g_autofree char *id = NULL;
      JsonNode *node = json_array_get_element (tasks, i);
      JsonObject *task, *task_data;
      const char *contents;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          _gloss_importer_problem (self, where, _("A task must be an object, not %s"), gloss_json_type_name (node));
          continue;
        }

      task = json_node_get_object (node);
      node = json_object_get_member (task, "data");
      if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node) ||
          (contents = _gloss_dataset_get_string (json_node_get_object (node), "text")) == NULL)
        {
          _gloss_importer_problem (self, where, _("The task has no “data.text” string"));
          continue;
        }
      task_data = json_node_get_object (node);

      id = g_strdup (_gloss_dataset_get_string (task_data, "document"));
      if (id == NULL)
        {
          g_autofree char *task_id = _gloss_dataset_dup_id (json_object_get_member (task, "id"));

          id = task_id ? g_strdup_printf ("task-%s", task_id) : g_strdup_printf ("task-%05u", i + 1);
        }

      text = _gloss_dataset_text_new (self, contents, where);
      if (text == NULL || !read_task_regions (self, text, task, spans, where))
        continue;

      _gloss_importer_add_spans (self, id, text, _gloss_dataset_get_string (task_data, "language"), NULL, spans,
                                 _gloss_dataset_dup_meta (task_data, known), where);
    }

  return TRUE;
}

const GlossDatasetFormat _gloss_dataset_label_studio = {
  .name = "label-studio",
  .carries = GLOSS_DATASET_CARRIES_NOTES | GLOSS_DATASET_CARRIES_LANGUAGE,
  .card =
    "Label Studio's JSON task list (*Import* in a project whose labeling interface is shown below).\n\n"
    "| field | meaning |\n"
    "| --- | --- |\n"
    "| `id` | the task's number, from 1, in document order |\n"
    "| `data.text` | the full text |\n"
    "| `data.document` | the document id |\n"
    "| `data.language` | `de` or `en` |\n"
    "| `annotations[0].result[]` | one `labels` region per annotation: `value.start`, `value.end` (Unicode code "
    "points, end exclusive), `value.text` (`text[start:end]`), `value.labels` (one label id); the note, if any, as "
    "`meta.text[0]` |\n\n"
    "Current Label Studio counts offsets in code points too; versions before its fix for emoji (2021/22) counted "
    "JavaScript's UTF-16 units, which differ after an emoji. `gloss import` detects either from `value.text`. "
    "Annotators are not part of this format.\n\n"
    "The labeling interface: `<View><Labels name=\"label\" toName=\"text\">` with one `<Label value=\"…\"/>` per "
    "label id, `</Labels><Text name=\"text\" value=\"$text\"/></View>`.\n",
  .read = label_studio_read,
  .begin = label_studio_begin,
  .add = label_studio_add,
  .end = label_studio_end,
};
