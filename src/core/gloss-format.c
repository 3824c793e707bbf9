/* gloss-format.c
 *
 * The `.gloss.json` file beside a text: loading with a check of every field
 * (each problem with its JSON path), and a deterministic writer whose
 * output has one sentence and one annotation a line, so that files diff
 * and merge well in git.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gloss-annotation.h"
#include "gloss-corpus.h"
#include "gloss-document-private.h"
#include "gloss-format.h"
#include "gloss-history.h"
#include "gloss-json.h"
#include "gloss-label-set.h"
#include "gloss-problem.h"
#include "gloss-sentence.h"
#include "gloss-text.h"

typedef struct
{
  GlossText     *text;
  GPtrArray     *problems;
  GlossDocument *document;
  gboolean       text_changed;  /* offsets refer to another text */
} Loader;

static gboolean
is_space_at (GlossText *text,
             guint      offset)
{
  const char *p = gloss_text_get_contents (text) + gloss_text_get_byte_offset (text, offset);

  return g_unichar_isspace (g_utf8_get_char (p)) || g_utf8_get_char (p) == 0xFEFF;
}

/* Reads start and end of a span and checks them against the text. */
static gboolean
read_span (Loader     *loader,
           JsonObject *object,
           const char *path,
           guint      *start,
           guint      *end)
{
  guint length = gloss_text_get_length (loader->text);
  gboolean ok;

  ok = gloss_json_get_uint (object, "start", path, G_MAXUINT, start, loader->problems);
  ok &= gloss_json_get_uint (object, "end", path, G_MAXUINT, end, loader->problems);
  if (!ok)
    return FALSE;

  if (*end > length)
    {
      g_autofree char *where = g_strconcat (path, ".end", NULL);

      /* Offsets into a text that changed say nothing new: one problem
       * (the checksum) says it all */
      if (loader->text_changed)
        return FALSE;

      gloss_problems_add (loader->problems, where,
                          _("The end %u is beyond the end of the text (%u characters)"), *end, length);
      return FALSE;
    }

  if (*start >= *end)
    {
      g_autofree char *where = g_strconcat (path, ".start", NULL);

      gloss_problems_add (loader->problems, where,
                          _("The start %u is not before the end %u"), *start, *end);
      return FALSE;
    }

  return TRUE;
}

static GPtrArray *
read_sentences (Loader    *loader,
                JsonArray *array)
{
  static const char * const known[] = { "id", "start", "end", NULL };
  g_autoptr(GPtrArray) sentences = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) ids = g_hash_table_new (NULL, NULL);
  guint n = json_array_get_length (array);
  guint previous_end = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = g_strdup_printf ("$.sentences[%u]", i);
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *object;
      guint id, start, end;
      gboolean ok;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          gloss_problems_add (loader->problems, path, _("A sentence must be an object, not %s"),
                              gloss_json_type_name (node));
          continue;
        }

      object = json_node_get_object (node);
      gloss_json_check_members (object, path, known, loader->problems);

      ok = gloss_json_get_uint (object, "id", path, G_MAXUINT - 1, &id, loader->problems);
      ok &= read_span (loader, object, path, &start, &end);
      if (!ok)
        continue;

      if (g_hash_table_contains (ids, GUINT_TO_POINTER (id)))
        {
          gloss_problems_add (loader->problems, path, _("The sentence id %u is used twice"), id);
          continue;
        }

      if (start < previous_end)
        {
          gloss_problems_add (loader->problems, path,
                              _("The sentence [%u, %u) overlaps the one before it or comes before it"),
                              start, end);
          continue;
        }

      if (!loader->text_changed && (is_space_at (loader->text, start) || is_space_at (loader->text, end - 1)))
        gloss_problems_add (loader->problems, path,
                            _("The sentence [%u, %u) begins or ends with white space"), start, end);

      g_hash_table_add (ids, GUINT_TO_POINTER (id));
      g_ptr_array_add (sentences, gloss_sentence_new (id, start, end));
      previous_end = end;
    }

  return g_steal_pointer (&sentences);
}

static void
read_annotations (Loader    *loader,
                  JsonArray *array)
{
  static const char * const known[] = {
    "id", "label", "start", "end", "text", "sentence",
    "note", "annotator", "created", "modified", "review", NULL
  };
  GlossLabelSet *labels = gloss_document_get_labels (loader->document);
  g_autoptr(GHashTable) ids = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) loaded = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = json_array_get_length (array);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = g_strdup_printf ("$.annotations[%u]", i);
      JsonNode *node = json_array_get_element (array, i);
      GlossAnnotation *annotation;
      const char *label, *text, *note, *annotator, *created, *modified;
      GlossSentence *sentence = NULL;
      JsonObject *object;
      guint id, start = 0, end = 0, sentence_id;
      guint n_problems = loader->problems->len;
      gboolean has_span;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          gloss_problems_add (loader->problems, path, _("An annotation must be an object, not %s"),
                              gloss_json_type_name (node));
          continue;
        }

      object = json_node_get_object (node);
      gloss_json_check_members (object, path, known, loader->problems);

      if (gloss_json_get_uint (object, "id", path, G_MAXUINT - 1, &id, loader->problems))
        {
          if (g_hash_table_contains (ids, GUINT_TO_POINTER (id)))
            gloss_problems_add (loader->problems, path, _("The annotation id %u is used twice"), id);
          g_hash_table_add (ids, GUINT_TO_POINTER (id));
        }

      label = gloss_json_get_string (object, "label", path, TRUE, loader->problems);
      if (label != NULL && gloss_label_set_lookup (labels, label) == NULL)
        {
          g_autofree char *shown = gloss_problem_shorten (label);

          gloss_problems_add (loader->problems, path, _("The label “%s” is not in the label set"), shown);
        }

      has_span = read_span (loader, object, path, &start, &end);

      text = gloss_json_get_string (object, "text", path, TRUE, loader->problems);
      if (text != NULL && has_span && !loader->text_changed && !gloss_text_slice_equals (loader->text, start, end, text))
        {
          g_autofree char *actual = gloss_text_dup_slice (loader->text, start, end);

          gloss_problems_add (loader->problems, path,
                              _("The annotated text “%s” differs from the text at [%u, %u): “%s”"),
                              text, start, end, actual);
        }

      if (gloss_json_get_uint (object, "sentence", path, G_MAXUINT - 1, &sentence_id, loader->problems))
        {
          sentence = gloss_document_lookup_sentence (loader->document, sentence_id);
          if (sentence == NULL)
            gloss_problems_add (loader->problems, path, _("There is no sentence with the id %u"), sentence_id);
          else if (has_span && (start != gloss_sentence_get_start (sentence) || end != gloss_sentence_get_end (sentence)))
            gloss_problems_add (loader->problems, path,
                                _("The annotation [%u, %u) does not cover its sentence %u [%u, %u)"),
                                start, end, sentence_id,
                                gloss_sentence_get_start (sentence), gloss_sentence_get_end (sentence));
          else if (label != NULL)
            {
              char *pair = g_strdup_printf ("%u\t%s", sentence_id, label);

              if (!g_hash_table_add (pairs, pair))
                gloss_problems_add (loader->problems, path,
                                    _("The sentence %u has the label “%s” twice"), sentence_id, label);
            }
        }

      note = gloss_json_get_string (object, "note", path, FALSE, loader->problems);
      annotator = gloss_json_get_string (object, "annotator", path, FALSE, loader->problems);
      created = gloss_json_get_string (object, "created", path, FALSE, loader->problems);
      modified = gloss_json_get_string (object, "modified", path, FALSE, loader->problems);

      if (created != NULL && !gloss_timestamp_is_valid (created))
        gloss_problems_add (loader->problems, path, _("“created” is not an ISO 8601 time: “%s”"), created);
      if (modified != NULL && !gloss_timestamp_is_valid (modified))
        gloss_problems_add (loader->problems, path, _("“modified” is not an ISO 8601 time: “%s”"), modified);

      node = json_object_get_member (object, "review");
      if (node != NULL && (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN))
        {
          g_autofree char *where = g_strconcat (path, ".review", NULL);

          gloss_problems_add (loader->problems, where, _("“review” must be true or false, not %s"),
                              gloss_json_type_name (node));
        }

      if (loader->problems->len > n_problems || sentence == NULL)
        continue;

      annotation = gloss_annotation_new (id, label, start, end, text, sentence_id,
                                         note, annotator, created, modified);
      gloss_annotation_set_review (annotation, node != NULL && json_node_get_boolean (node));
      g_ptr_array_add (loaded, annotation);
    }

  _gloss_document_add_loaded_annotations (loader->document, loaded);
}

/**
 * gloss_format_parse:
 * @text: the text the file belongs to
 * @text_name: the text's file name, for messages
 * @data: the bytes of the `.gloss.json` file
 * @language: (nullable): the language to use if the file cannot say
 * @labels: (nullable): the project's labels, which win over the file's
 *
 * Reads an annotation file. It always gives a document: a file with
 * problems gives one with what could be read, and the problems, which
 * make it read-only.
 *
 * Returns: (transfer full): the document
 */
GlossDocument *
gloss_format_parse (GlossText     *text,
                    const char    *text_name,
                    const char    *data,
                    gsize          length,
                    const char    *language,
                    GlossLabelSet *labels)
{
  static const char * const known[] = {
    "format", "version", "text", "language", "done",
    "labels", "sentences", "annotations", "orphans", "meta", NULL
  };
  g_autoptr(GPtrArray) problems = gloss_problems_new ();
  g_autoptr(GPtrArray) sentences = NULL;
  g_autoptr(GlossLabelSet) file_labels = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *object;
  JsonNode *node;
  JsonArray *array;
  const char *string;
  guint version;
  Loader loader = { text, problems, NULL, FALSE };

  g_return_val_if_fail (GLOSS_IS_TEXT (text), NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  root = gloss_json_parse (data, length, &error);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      if (root == NULL)
        gloss_problems_add (problems, "$", "%s", error->message);
      else
        gloss_problems_add (problems, "$", _("The file must hold a JSON object, not %s"),
                            gloss_json_type_name (root));

      document = gloss_document_new (text, language, labels);
      _gloss_document_add_problems (document, problems);
      return g_steal_pointer (&document);
    }

  object = json_node_get_object (root);
  gloss_json_check_members (object, "$", known, problems);

  string = gloss_json_get_string (object, "format", "$", TRUE, problems);
  if (string != NULL && g_strcmp0 (string, "gloss") != 0)
    gloss_problems_add (problems, "$.format", _("The format is “%s”, not “gloss”"), string);

  if (gloss_json_get_uint (object, "version", "$", G_MAXUINT, &version, problems) &&
      version != GLOSS_FORMAT_VERSION)
    {
      if (version > GLOSS_FORMAT_VERSION)
        gloss_problems_add (problems, "$.version",
                            _("The file is of version %u, newer than this Gloss reads (%u): update Gloss"),
                            version, GLOSS_FORMAT_VERSION);
      else
        gloss_problems_add (problems, "$.version", _("Version %u is not a version of the format"), version);
    }

  node = json_object_get_member (object, "text");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    gloss_problems_add (problems, "$.text", _("“text” must be an object with “file”, “sha256” and “length”"));
  else
    {
      static const char * const text_known[] = { "file", "sha256", "length", "bom", "encoding", NULL };
      JsonObject *text_object = json_node_get_object (node);
      const char *sha256;
      const char *encoding;
      guint text_length;

      gloss_json_check_members (text_object, "$.text", text_known, problems);
      encoding = gloss_json_get_string (text_object, "encoding", "$.text", FALSE, problems);
      if (g_strcmp0 (encoding ? encoding : "utf-8", gloss_text_get_encoding (text)) != 0)
        gloss_problems_add (problems, "$.text.encoding",
                            _("The text was annotated in the encoding “%s”, but is read as “%s”"),
                            encoding ? encoding : "utf-8", gloss_text_get_encoding (text));
      gloss_json_get_string (text_object, "file", "$.text", TRUE, problems);
      sha256 = gloss_json_get_string (text_object, "sha256", "$.text", TRUE, problems);
      loader.text_changed = sha256 != NULL && g_strcmp0 (sha256, gloss_text_get_sha256 (text)) != 0;
      if (loader.text_changed)
        gloss_problems_add (problems, "$.text.sha256",
                            _("The text “%s” has changed since it was annotated (its SHA-256 differs); "
                              "“gloss reanchor” places its annotations in the new text"),
                            text_name);
      else if (gloss_json_get_uint (text_object, "length", "$.text", G_MAXUINT, &text_length, problems) &&
               text_length != gloss_text_get_length (text))
        gloss_problems_add (problems, "$.text.length",
                            _("The recorded length %u differs from the text’s %u characters"),
                            text_length, gloss_text_get_length (text));
    }

  string = gloss_json_get_string (object, "language", "$", TRUE, problems);
  if (string != NULL && g_strcmp0 (string, "de") != 0 && g_strcmp0 (string, "en") != 0)
    {
      gloss_problems_add (problems, "$.language", _("The language “%s” is neither “de” nor “en”"), string);
      string = NULL;
    }
  if (string != NULL)
    language = string;

  array = gloss_json_get_array (object, "labels", "$", problems);
  if (array != NULL)
    file_labels = gloss_label_set_new_from_json (array, "$.labels", problems);

  document = _gloss_document_new_empty (text, language, labels ? labels : file_labels);
  loader.document = document;

  node = json_object_get_member (object, "done");
  if (node != NULL)
    {
      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN)
        _gloss_document_set_done (document, json_node_get_boolean (node));
      else
        gloss_problems_add (problems, "$.done", _("“done” must be true or false, not %s"),
                            gloss_json_type_name (node));
    }

  /* Annotations that re-anchoring could not place in a changed text: kept
   * with their old offsets and text, never deleted, written back as they
   * are */
  node = json_object_get_member (object, "orphans");
  if (node != NULL)
    {
      if (JSON_NODE_HOLDS_ARRAY (node))
        _gloss_document_set_orphans (document, json_node_get_array (node));
      else
        gloss_problems_add (problems, "$.orphans", _("“orphans” must be a list, not %s"),
                            gloss_json_type_name (node));
    }

  node = json_object_get_member (object, "meta");
  if (node != NULL)
    {
      if (JSON_NODE_HOLDS_OBJECT (node))
        _gloss_document_set_meta (document, json_to_string (node, FALSE));
      else
        gloss_problems_add (problems, "$.meta", _("“meta” must be an object, not %s"),
                            gloss_json_type_name (node));
    }

  array = gloss_json_get_array (object, "sentences", "$", problems);
  if (array != NULL)
    {
      sentences = read_sentences (&loader, array);
      _gloss_document_set_sentences (document, sentences);
    }
  else
    {
      /* Shown read-only, so the text can still be read */
      g_clear_object (&document);
      document = gloss_document_new (text, language, labels ? labels : file_labels);
      loader.document = document;
    }

  array = gloss_json_get_array (object, "annotations", "$", problems);
  if (array != NULL)
    read_annotations (&loader, array);

  gloss_history_clear (gloss_document_get_history (document));
  _gloss_document_add_problems (document, problems);

  return g_steal_pointer (&document);
}

/**
 * gloss_format_dup_encoding:
 *
 * Looks into an annotation file for the encoding its text was read in.
 *
 * Returns: (transfer full) (nullable): the encoding, when the file records
 *   one other than UTF-8
 */
char *
gloss_format_dup_encoding (const char *data,
                           gsize       length)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *text;

  /* Without the word, and without a \u escape that could spell it, there
   * is no such member: a file of 100 MB is not parsed once more for that */
  if (g_strstr_len (data, length, "\"encoding\"") == NULL && g_strstr_len (data, length, "\\u") == NULL)
    return NULL;

  root = gloss_json_parse (data, length, NULL);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;

  text = json_object_get_object_member (json_node_get_object (root), "text");
  if (text == NULL || !json_object_has_member (text, "encoding"))
    return NULL;

  return g_strdup (json_object_get_string_member_with_default (text, "encoding", NULL));
}

/**
 * gloss_format_append_sentence:
 *
 * Appends a sentence as the file writes it: `{"id": …, "start": …, "end": …}`.
 */
void
gloss_format_append_sentence (GString       *out,
                              GlossSentence *sentence)
{
  g_string_append_printf (out, "{\"id\": %u, \"start\": %u, \"end\": %u}",
                          gloss_sentence_get_id (sentence),
                          gloss_sentence_get_start (sentence),
                          gloss_sentence_get_end (sentence));
}

/**
 * gloss_format_append_annotation:
 *
 * Appends an annotation as one JSON object on one line, with its members
 * in the file's order; exports that carry whole annotations use it too,
 * so nothing is dropped on the way.
 */
void
gloss_format_append_annotation (GString         *out,
                                GlossAnnotation *a)
{
  g_string_append_printf (out, "{\"id\": %u, \"label\": ", gloss_annotation_get_id (a));
  gloss_json_append_string (out, gloss_annotation_get_label (a));
  g_string_append_printf (out, ", \"start\": %u, \"end\": %u, \"sentence\": %u, \"text\": ",
                          gloss_annotation_get_start (a), gloss_annotation_get_end (a),
                          gloss_annotation_get_sentence (a));
  gloss_json_append_string (out, gloss_annotation_get_text (a));
  g_string_append (out, ", \"note\": ");
  gloss_json_append_string (out, gloss_annotation_get_note (a));
  g_string_append (out, ", \"annotator\": ");
  gloss_json_append_string (out, gloss_annotation_get_annotator (a));
  g_string_append (out, ", \"created\": ");
  gloss_json_append_string (out, gloss_annotation_get_created (a));
  g_string_append (out, ", \"modified\": ");
  gloss_json_append_string (out, gloss_annotation_get_modified (a));
  if (gloss_annotation_get_review (a))
    g_string_append (out, ", \"review\": true");
  g_string_append_c (out, '}');
}

/* What a save writes, taken on the main thread in O(n) reference counts:
 * sentences and annotations never change once in a document, so the
 * snapshot can be written out in a worker thread while the user works on. */
struct _GlossFormatSnapshot
{
  GlossText *text;
  char      *name;
  char      *language;
  char      *labels;       /* the label set, already as JSON */
  char      *meta;
  char      *orphans;      /* one JSON object a line, or NULL */
  GPtrArray *sentences;
  GPtrArray *annotations;
  gboolean   done;
};

static GPtrArray *
ref_items (GListModel *model)
{
  guint n = g_list_model_get_n_items (model);
  GPtrArray *items = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (model, i));

  return items;
}

/**
 * gloss_format_snapshot:
 *
 * Takes what a save of @document writes, as it is now.
 *
 * Returns: (transfer full): the snapshot, for gloss_format_snapshot_serialize()
 */
GlossFormatSnapshot *
gloss_format_snapshot (GlossDocument *document)
{
  GlossFormatSnapshot *snapshot;
  GString *labels;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (document), NULL);

  snapshot = g_new0 (GlossFormatSnapshot, 1);
  snapshot->text = g_object_ref (gloss_document_get_text (document));
  if (gloss_document_get_file (document) != NULL)
    {
      g_autofree char *basename = g_file_get_basename (gloss_document_get_file (document));

      /* The file is UTF-8 whatever the text's name */
      snapshot->name = gloss_corpus_escape_id (basename);
    }
  else
    snapshot->name = g_strdup ("");
  snapshot->language = g_strdup (gloss_document_get_language (document));
  snapshot->done = gloss_document_get_done (document);
  snapshot->meta = g_strdup (_gloss_document_get_meta (document));
  snapshot->orphans = _gloss_document_dup_orphans_json (document, "    ");
  snapshot->sentences = ref_items (gloss_document_get_sentences (document));
  snapshot->annotations = ref_items (gloss_document_get_annotations (document));

  labels = g_string_new (NULL);
  gloss_label_set_append_json (gloss_document_get_labels (document), labels, "  ");
  snapshot->labels = g_string_free (labels, FALSE);

  return snapshot;
}

void
gloss_format_snapshot_free (GlossFormatSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;

  g_clear_object (&snapshot->text);
  g_free (snapshot->name);
  g_free (snapshot->language);
  g_free (snapshot->labels);
  g_free (snapshot->meta);
  g_free (snapshot->orphans);
  g_clear_pointer (&snapshot->sentences, g_ptr_array_unref);
  g_clear_pointer (&snapshot->annotations, g_ptr_array_unref);
  g_free (snapshot);
}

/**
 * gloss_format_snapshot_serialize:
 *
 * Writes a snapshot as the `.gloss.json`; safe in any thread. The same
 * document always gives the same bytes: members in a fixed order,
 * sentences in text order, annotations by position, label order and id.
 *
 * Returns: (transfer full): the file's bytes
 */
GBytes *
gloss_format_snapshot_serialize (GlossFormatSnapshot *snapshot)
{
  GString *out;

  out = g_string_sized_new (4096 + 200 * snapshot->annotations->len + 48 * snapshot->sentences->len);

  g_string_append_printf (out, "{\n  \"format\": \"gloss\",\n  \"version\": %d,\n  \"text\": {\"file\": ",
                          GLOSS_FORMAT_VERSION);
  gloss_json_append_string (out, snapshot->name);
  g_string_append_printf (out, ", \"sha256\": \"%s\", \"length\": %u, \"bom\": %s",
                          gloss_text_get_sha256 (snapshot->text), gloss_text_get_length (snapshot->text),
                          gloss_text_get_has_bom (snapshot->text) ? "true" : "false");
  /* Only a text that is not UTF-8 says so, to keep the usual files short */
  if (g_strcmp0 (gloss_text_get_encoding (snapshot->text), "utf-8") != 0)
    g_string_append_printf (out, ", \"encoding\": \"%s\"", gloss_text_get_encoding (snapshot->text));
  g_string_append (out, "},\n");
  g_string_append (out, "  \"language\": ");
  gloss_json_append_string (out, snapshot->language);
  g_string_append_printf (out, ",\n  \"done\": %s,\n  \"labels\": %s", snapshot->done ? "true" : "false",
                          snapshot->labels);

  g_string_append (out, ",\n  \"sentences\": [");
  for (guint i = 0; i < snapshot->sentences->len; i++)
    {
      g_string_append (out, i ? ",\n    " : "\n    ");
      gloss_format_append_sentence (out, g_ptr_array_index (snapshot->sentences, i));
    }
  g_string_append (out, snapshot->sentences->len ? "\n  ],\n" : "],\n");

  g_string_append (out, "  \"annotations\": [");
  for (guint i = 0; i < snapshot->annotations->len; i++)
    {
      g_string_append (out, i ? ",\n    " : "\n    ");
      gloss_format_append_annotation (out, g_ptr_array_index (snapshot->annotations, i));
    }
  g_string_append (out, snapshot->annotations->len ? "\n  ]" : "]");

  if (snapshot->orphans != NULL)
    g_string_append_printf (out, ",\n  \"orphans\": [\n%s\n  ]", snapshot->orphans);

  if (snapshot->meta != NULL)
    g_string_append_printf (out, ",\n  \"meta\": %s", snapshot->meta);

  g_string_append (out, "\n}\n");

  return g_string_free_to_bytes (out);
}

/**
 * gloss_format_serialize:
 *
 * Writes the document as its `.gloss.json`, at once.
 *
 * Returns: (transfer full): the file's bytes
 */
GBytes *
gloss_format_serialize (GlossDocument *document)
{
  GlossFormatSnapshot *snapshot;
  GBytes *bytes;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (document), NULL);

  snapshot = gloss_format_snapshot (document);
  bytes = gloss_format_snapshot_serialize (snapshot);
  gloss_format_snapshot_free (snapshot);

  return bytes;
}
