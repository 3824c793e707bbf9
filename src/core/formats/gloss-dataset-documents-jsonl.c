/* gloss-dataset-documents-jsonl.c
 *
 * Gloss's own documents-jsonl: one JSON line per document with its full
 * text, sentences and annotations: everything Gloss knows of it, so that
 * an import gives the same documents back. The json format shares its
 * document object (_gloss_dataset_append_document(),
 * _gloss_dataset_read_document()).
 *
 * Writing: a line holds what a `.gloss.json` holds, with the id and the
 * full text instead of the text file's checksum; a document whose file is
 * of version 2 (spans, relations or their labels) has `relation_labels`,
 * `spans` and `relations` too, as its file has, and one of version 1 the
 * members it had before spans.
 *
 * Reading: the line becomes a `.gloss.json` again and is read by the same
 * parser as a file on disk, so it passes the same checks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-dataset-private.h"
#include "gloss-document-private.h"
#include "gloss-format.h"
#include "gloss-json.h"
#include "gloss-label-set.h"
#include "gloss-problem.h"
#include "gloss-text.h"

/* Writing ---------------------------------------------------------------- */

/**
 * _gloss_dataset_append_document:
 *
 * One document as one JSON object on one line: what its `.gloss.json`
 * holds, with its id and full text instead of the text file's checksum,
 * so that the line stands alone. documents-jsonl and json share it, and
 * the importer reads it back. The spans and relations are the kept ones,
 * in the file's layout and order.
 */
void
_gloss_dataset_append_document (GString         *out,
                                GlossExportItem *item)
{
  GlossDocument *document = item->document;
  const char *meta;

  g_string_append (out, "{\"id\": ");
  gloss_json_append_string (out, item->id);
  g_string_append (out, ", \"language\": ");
  gloss_json_append_string (out, gloss_document_get_language (document));
  g_string_append_printf (out, ", \"done\": %s, \"text\": ", gloss_document_get_done (document) ? "true" : "false");
  gloss_json_append_string (out, gloss_text_get_contents (item->text));
  g_string_append (out, ", \"labels\": ");
  _gloss_dataset_append_labels (out, gloss_document_get_labels (document));
  if (item->with_spans)
    {
      g_string_append (out, ", \"relation_labels\": ");
      _gloss_dataset_append_labels (out, gloss_label_set_get_relation_labels (gloss_document_get_labels (document)));
    }

  g_string_append (out, ", \"sentences\": [");
  for (guint i = 0; i < item->n_sentences; i++)
    {
      g_string_append (out, i ? ", " : "");
      gloss_format_append_sentence (out, gloss_document_get_sentence (document, i));
    }

  g_string_append (out, "], \"annotations\": [");
  for (guint i = 0; i < item->annotations->len; i++)
    {
      g_string_append (out, i ? ", " : "");
      gloss_format_append_annotation (out, g_ptr_array_index (item->annotations, i));
    }
  g_string_append_c (out, ']');

  if (item->with_spans)
    {
      g_string_append (out, ", \"spans\": [");
      for (guint i = 0; i < item->spans->len; i++)
        {
          g_string_append (out, i ? ", " : "");
          gloss_format_append_span (out, g_ptr_array_index (item->spans, i));
        }
      g_string_append (out, "], \"relations\": [");
      for (guint i = 0; i < item->relations->len; i++)
        {
          g_string_append (out, i ? ", " : "");
          gloss_format_append_relation (out, g_ptr_array_index (item->relations, i));
        }
      g_string_append_c (out, ']');
    }

  /* Only a document that has metadata gets the member, so that an import
   * writes back the same `.gloss.json` */
  meta = _gloss_document_get_meta (document);
  if (meta != NULL)
    g_string_append_printf (out, ", \"meta\": %s", meta);
  g_string_append_c (out, '}');
}

static gboolean
documents_jsonl_add (GlossExporter    *self,
                     GlossExportItem  *item,
                     GError          **error)
{
  GString *out = _gloss_exporter_get_buffer (self);

  _gloss_dataset_append_document (out, item);
  g_string_append_c (out, '\n');

  return TRUE;
}

/* Reading ---------------------------------------------------------------- */

gboolean
_gloss_dataset_read_document (GlossImporter *self,
                              JsonObject    *object,
                              const char    *where)
{
  g_autoptr(GlossText) text = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(JsonObject) file = json_object_new ();
  g_autoptr(JsonObject) text_object = json_object_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GList) members = NULL;
  g_autofree char *id = _gloss_dataset_dup_id (json_object_get_member (object, "id"));
  g_autofree char *data = NULL;
  g_autofree char *name = NULL;
  const char *contents = _gloss_dataset_get_string (object, "text");
  GPtrArray *problems;

  if (id == NULL || contents == NULL)
    {
      _gloss_importer_problem (self, where, _("A document needs an “id” and a “text” string"));
      return FALSE;
    }

  text = _gloss_dataset_text_new (self, contents, where);
  if (text == NULL)
    return FALSE;

  name = g_path_get_basename (id);
  json_object_set_string_member (text_object, "file", name);
  json_object_set_string_member (text_object, "sha256", gloss_text_get_sha256 (text));
  json_object_set_int_member (text_object, "length", gloss_text_get_length (text));
  json_object_set_string_member (file, "format", "gloss");
  json_object_set_int_member (file, "version", GLOSS_FORMAT_VERSION);
  json_object_set_object_member (file, "text", g_steal_pointer (&text_object));

  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      if (g_str_equal (l->data, "id") || g_str_equal (l->data, "text"))
        continue;
      json_object_set_member (file, l->data, json_node_copy (json_object_get_member (object, l->data)));
    }

  root = json_node_init_object (json_node_alloc (), file);
  data = gloss_json_node_to_string (root);
  document = gloss_format_parse (text, name, data, strlen (data), NULL, NULL);

  problems = gloss_document_get_problems (document);
  for (guint i = 0; i < problems->len; i++)
    {
      GlossProblem *problem = g_ptr_array_index (problems, i);

      _gloss_importer_problem (self, where, "%s: %s", problem->path, problem->message);
    }
  if (problems->len > 0)
    return FALSE;

  return _gloss_importer_add_document (self, id, document, where);
}

static void
read_line (GlossImporter *self,
           JsonNode      *node,
           guint          number,
           const char    *where,
           gpointer       user_data)
{
  _gloss_dataset_read_document (self, json_node_get_object (node), where);
}

static gboolean
documents_jsonl_read (GlossImporter  *self,
                      GFile          *input,
                      GCancellable   *cancellable,
                      GError        **error)
{
  return _gloss_dataset_read_lines (self, input, read_line, NULL, cancellable, error);
}

const GlossDatasetFormat _gloss_dataset_documents_jsonl = {
  .name = "documents-jsonl",
  .carries = GLOSS_DATASET_CARRIES_ALL,
  .card =
    "One JSON object per line, one line per document, each self-contained. "
    "Load it with `pandas.read_json(path, lines=True)`.\n\n"
    GLOSS_DATASET_DOCUMENT_FIELDS,
  .read = documents_jsonl_read,
  .add = documents_jsonl_add,
};
