/* gloss-dataset-sentences-jsonl.c
 *
 * Gloss's sentences-jsonl: one JSON line per sentence, labelled or not.
 *
 * Writing: what a sentence classifier trains on, and what
 * `pandas.read_json (path, lines=True)` reads as a table with one row per
 * sentence. A document with spans (its file of version 2) adds to each
 * line the pieces of the spans that lie in the sentence, clipped to it,
 * with how much of each part was cut off on either side, so that the
 * document's offsets follow from the sentence's start; and the relations
 * from those spans.
 *
 * Reading: the lines of one document (by `document`) give its sentences,
 * with their ids, and their labels, notes and annotators. The text between
 * sentences is not in the format: it comes back as spaces, which keeps
 * every offset; the text of every sentence is exact. The pieces of a span
 * in the lines give its parts in the document again, and the relations
 * on the lines join the spans by their ids; the importer gives them ids
 * of its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-annotation.h"
#include "gloss-dataset-private.h"
#include "gloss-document.h"
#include "gloss-format.h"
#include "gloss-json.h"
#include "gloss-relation.h"
#include "gloss-sentence.h"
#include "gloss-span.h"
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

/* A span in a sentence: the first of its parts that lies in it */
typedef struct
{
  GlossSpan *span;
  guint      part;
} Piece;

/* The spans and relations of a document by sentence */
typedef struct
{
  GArray    **pieces;     /* per sentence: Piece, in the order of the spans, or NULL */
  GPtrArray **relations;  /* per sentence: GlossRelation whose from span is in it, or NULL */
  guint       n_sentences;
} SpanMap;

static void
span_map_clear (SpanMap *map)
{
  for (guint i = 0; i < map->n_sentences; i++)
    {
      g_clear_pointer (&map->pieces[i], g_array_unref);
      g_clear_pointer (&map->relations[i], g_ptr_array_unref);
    }
  g_clear_pointer (&map->pieces, g_free);
  g_clear_pointer (&map->relations, g_free);
}

/* How many spans of the export have a part outside every sentence (in
 * the white space between them), which no line can hold */
typedef struct
{
  guint n_outside;
} Written;

/* Each part of each span is put in every sentence it overlaps, in one
 * pass over the parts and the sentences each touches; a relation goes
 * wherever its from span does */
static void
span_map_init (SpanMap         *map,
               GlossExportItem *item,
               Written         *written)
{
  g_autoptr(GHashTable) sentences_of = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)g_array_unref);

  map->n_sentences = item->n_sentences;
  map->pieces = g_new0 (GArray *, MAX (item->n_sentences, 1));
  map->relations = g_new0 (GPtrArray *, MAX (item->n_sentences, 1));

  for (guint i = 0; i < item->spans->len; i++)
    {
      GlossSpan *span = g_ptr_array_index (item->spans, i);
      const GlossRange *parts = gloss_span_get_parts (span);
      GArray *touched = g_array_new (FALSE, FALSE, sizeof (guint));
      gboolean outside = FALSE;

      for (guint k = 0; k < gloss_span_get_n_parts (span); k++)
        {
          int first = gloss_document_find_sentence_at (item->document, parts[k].start);
          guint n = 0;

          for (guint s = first < 0 ? item->n_sentences : (guint)first;
               s < item->n_sentences && gloss_sentence_get_start (item->sentences[s]) < parts[k].end; s++, n++)
            {
              Piece piece = { span, k };

              if (map->pieces[s] == NULL)
                map->pieces[s] = g_array_new (FALSE, FALSE, sizeof (Piece));
              /* Once per span: its first part in the sentence */
              if (map->pieces[s]->len > 0 && g_array_index (map->pieces[s], Piece, map->pieces[s]->len - 1).span == span)
                continue;
              g_array_append_val (map->pieces[s], piece);
              g_array_append_val (touched, s);
            }
          outside |= n == 0;
        }

      written->n_outside += outside;
      g_hash_table_insert (sentences_of, GUINT_TO_POINTER (gloss_span_get_id (span)), touched);
    }

  for (guint i = 0; i < item->relations->len; i++)
    {
      GlossRelation *relation = g_ptr_array_index (item->relations, i);
      GArray *touched = g_hash_table_lookup (sentences_of, GUINT_TO_POINTER (gloss_relation_get_from (relation)));

      for (guint k = 0; touched != NULL && k < touched->len; k++)
        {
          guint s = g_array_index (touched, guint, k);

          if (map->relations[s] == NULL)
            map->relations[s] = g_ptr_array_new ();
          g_ptr_array_add (map->relations[s], relation);
        }
    }
}

/* `, "spans": [...], "relations": [...]` of one sentence: each span's
 * pieces in it as offsets from the sentence's start, and for each piece
 * how many code points of its part lie before the sentence and after it */
static void
append_spans (GString         *out,
              GlossExportItem *item,
              SpanMap         *map,
              guint            position)
{
  GlossSentence *sentence = item->sentences[position];
  guint start = gloss_sentence_get_start (sentence);
  guint end = gloss_sentence_get_end (sentence);
  GArray *pieces = map->pieces[position];
  GPtrArray *relations = map->relations[position];
  g_autoptr(GString) cuts = g_string_new (NULL);

  g_string_append (out, ", \"spans\": [");
  for (guint i = 0; pieces != NULL && i < pieces->len; i++)
    {
      Piece *piece = &g_array_index (pieces, Piece, i);
      GlossSpan *span = piece->span;
      const GlossRange *parts = gloss_span_get_parts (span);
      guint n_parts = gloss_span_get_n_parts (span);
      gboolean continues = piece->part > 0;
      guint k;

      g_string_append_printf (out, "%s{\"id\": %u, \"label\": ", i ? ", " : "", gloss_span_get_id (span));
      gloss_json_append_string (out, gloss_span_get_label (span));
      g_string_append (out, ", \"parts\": [");
      g_string_truncate (cuts, 0);
      for (k = piece->part; k < n_parts && parts[k].start < end; k++)
        {
          guint from = MAX (parts[k].start, start);
          guint to = MIN (parts[k].end, end);

          g_string_append_printf (out, "%s[%u, %u]", k > piece->part ? ", " : "", from - start, to - start);
          g_string_append_printf (cuts, "%s[%u, %u]", k > piece->part ? ", " : "", from - parts[k].start,
                                  parts[k].end - to);
          continues |= from > parts[k].start || to < parts[k].end;
        }
      continues |= k < n_parts;

      g_string_append (out, "], \"text\": [");
      for (k = piece->part; k < n_parts && parts[k].start < end; k++)
        {
          g_string_append (out, k > piece->part ? ", " : "");
          _gloss_dataset_append_slice (out, item->text, MAX (parts[k].start, start), MIN (parts[k].end, end));
        }
      g_string_append (out, "], \"attributes\": ");
      gloss_format_append_attributes (out, span);
      g_string_append (out, ", \"note\": ");
      gloss_json_append_string (out, gloss_span_get_note (span));
      g_string_append (out, ", \"annotator\": ");
      gloss_json_append_string (out, gloss_span_get_annotator (span));
      g_string_append_printf (out, ", \"cut\": [%s], \"continues\": %s}", cuts->str, continues ? "true" : "false");
    }

  g_string_append (out, "], \"relations\": [");
  for (guint i = 0; relations != NULL && i < relations->len; i++)
    {
      GlossRelation *relation = g_ptr_array_index (relations, i);

      g_string_append_printf (out, "%s{\"id\": %u, \"label\": ", i ? ", " : "", gloss_relation_get_id (relation));
      gloss_json_append_string (out, gloss_relation_get_label (relation));
      g_string_append_printf (out, ", \"from\": %u, \"to\": %u, \"note\": ", gloss_relation_get_from (relation),
                              gloss_relation_get_to (relation));
      gloss_json_append_string (out, gloss_relation_get_note (relation));
      g_string_append (out, ", \"annotator\": ");
      gloss_json_append_string (out, gloss_relation_get_annotator (relation));
      g_string_append_c (out, '}');
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
  SpanMap map = { NULL };

  if (item->with_spans)
    {
      Written *written = _gloss_exporter_get_data (self);

      if (written == NULL)
        {
          written = g_new0 (Written, 1);
          _gloss_exporter_set_data (self, written, g_free);
        }
      span_map_init (&map, item, written);
    }

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

      if (item->with_spans)
        append_spans (out, item, &map, i);

      g_string_append_len (out, "}\n", 2);
    }

  span_map_clear (&map);

  return TRUE;
}

static gboolean
sentences_jsonl_end (GlossExporter  *self,
                     GError        **error)
{
  Written *written = _gloss_exporter_get_data (self);
  g_autofree char *notice = NULL;
  g_autofree char *card_note = NULL;

  if (written == NULL || written->n_outside == 0)
    return TRUE;

  notice = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u span has a part outside every sentence, in the white space between "
                                         "them: the lines hold the rest of it, and its annotation file all of it",
                                         "%u spans have a part outside every sentence, in the white space between "
                                         "them: the lines hold the rest of them, and their annotation files all of "
                                         "them",
                                         written->n_outside),
                            written->n_outside);
  card_note = g_strdup_printf ("**%u span(s) have a part outside every sentence** (in the white space between "
                               "sentences), which no line holds; the annotation files (`.gloss.json`) have them "
                               "whole.", written->n_outside);
  _gloss_exporter_add_notice (self, notice, card_note);

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

/* A span of the text as the lines give it, piece by piece */
typedef struct
{
  char       *key;         /* its id in the export */
  const char *label;       /* the first line's */
  const char *note;
  const char *annotator;
  JsonObject *attributes;  /* nullable */
  GArray     *parts;       /* GlossRange, in the document */
} Pieces;

static void
pieces_free (Pieces *pieces)
{
  g_free (pieces->key);
  g_array_unref (pieces->parts);
  g_free (pieces);
}

typedef struct
{
  GPtrArray  *spans;       /* Pieces, in the order of their first pieces */
  GHashTable *by_key;
  GArray     *relations;   /* GlossImportRelation */
  GHashTable *relation_ids;
} SpanReading;

/* The number at @index of the list @array of two numbers, or FALSE */
static gboolean
get_pair (JsonArray *array,
          guint      index,
          guint     *first,
          guint     *second)
{
  JsonNode *node = array != NULL && index < json_array_get_length (array)
                     ? json_array_get_element (array, index) : NULL;
  JsonArray *pair;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;

  pair = json_node_get_array (node);
  return json_array_get_length (pair) == 2 &&
         _gloss_dataset_get_offset (json_array_get_element (pair, 0), first) &&
         _gloss_dataset_get_offset (json_array_get_element (pair, 1), second);
}

static JsonArray *
get_array (JsonObject *object,
           const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* The pieces of the spans in one sentence, and the relations from them */
static gboolean
read_pieces (GlossImporter *self,
             SpanReading   *reading,
             JsonObject    *line,
             guint          id,
             guint          start,
             const char    *sentence_text,
             const char    *where)
{
  JsonArray *spans = get_array (line, "spans");
  JsonArray *relations = get_array (line, "relations");
  guint length = g_utf8_strlen (sentence_text, -1);

  if ((json_object_has_member (line, "spans") && spans == NULL) ||
      (json_object_has_member (line, "relations") && relations == NULL))
    {
      _gloss_importer_problem (self, where, _("Sentence %u: “spans” and “relations” must be lists"), id);
      return FALSE;
    }

  for (guint i = 0; spans != NULL && i < json_array_get_length (spans); i++)
    {
      JsonNode *node = json_array_get_element (spans, i);
      JsonObject *piece = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      JsonArray *parts = piece ? get_array (piece, "parts") : NULL;
      JsonArray *cuts = piece ? get_array (piece, "cut") : NULL;
      JsonArray *texts = piece ? get_array (piece, "text") : NULL;
      JsonNode *attributes = piece ? json_object_get_member (piece, "attributes") : NULL;
      const char *label = piece ? _gloss_dataset_get_string (piece, "label") : NULL;
      g_autofree char *key = NULL;
      Pieces *pieces;
      guint span_id;

      if (piece == NULL || !_gloss_dataset_get_offset (json_object_get_member (piece, "id"), &span_id) ||
          label == NULL || parts == NULL || json_array_get_length (parts) == 0 ||
          (cuts != NULL && json_array_get_length (cuts) != json_array_get_length (parts)) ||
          (attributes != NULL && !JSON_NODE_HOLDS_OBJECT (attributes)))
        {
          _gloss_importer_problem (self, where,
                                   _("Sentence %u: each of “spans” needs an “id”, a “label” and “parts”, and "
                                     "“cut” as many as “parts”"), id);
          return FALSE;
        }

      key = g_strdup_printf ("%u", span_id);
      pieces = g_hash_table_lookup (reading->by_key, key);
      if (pieces == NULL)
        {
          pieces = g_new0 (Pieces, 1);
          pieces->key = g_steal_pointer (&key);
          pieces->label = label;
          pieces->note = _gloss_dataset_get_string (piece, "note");
          pieces->annotator = _gloss_dataset_get_string (piece, "annotator");
          pieces->attributes = attributes ? json_node_get_object (attributes) : NULL;
          pieces->parts = g_array_new (FALSE, FALSE, sizeof (GlossRange));
          g_ptr_array_add (reading->spans, pieces);
          g_hash_table_insert (reading->by_key, pieces->key, pieces);
        }

      for (guint k = 0; k < json_array_get_length (parts); k++)
        {
          guint s, e, before = 0, after = 0;
          GlossRange part;

          if (!get_pair (parts, k, &s, &e) || (cuts != NULL && !get_pair (cuts, k, &before, &after)) ||
              s >= e || e > length || before > start + s)
            {
              _gloss_importer_problem (self, where,
                                       _("Sentence %u: a part of the span %u is not a piece of the sentence"),
                                       id, span_id);
              return FALSE;
            }

          if (texts != NULL)
            {
              g_autofree char *slice = g_utf8_substring (sentence_text, s, e);
              JsonNode *text = k < json_array_get_length (texts) ? json_array_get_element (texts, k) : NULL;

              if (text == NULL || !JSON_NODE_HOLDS_VALUE (text) || json_node_get_value_type (text) != G_TYPE_STRING ||
                  g_strcmp0 (json_node_get_string (text), slice) != 0)
                {
                  _gloss_importer_problem (self, where,
                                           _("Sentence %u: the text of the span %u differs from the sentence’s "
                                             "text at [%u, %u)"), id, span_id, s, e);
                  return FALSE;
                }
            }

          /* The rest of a part cut at the end of a sentence before */
          part.start = start + s - before;
          part.end = start + e + after;
          if (pieces->parts->len > 0 &&
              memcmp (&g_array_index (pieces->parts, GlossRange, pieces->parts->len - 1), &part, sizeof part) == 0)
            continue;
          g_array_append_val (pieces->parts, part);
        }
    }

  for (guint i = 0; relations != NULL && i < json_array_get_length (relations); i++)
    {
      JsonNode *node = json_array_get_element (relations, i);
      JsonObject *relation = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *label = relation ? _gloss_dataset_get_string (relation, "label") : NULL;
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;
      guint relation_id, from_id, to_id;

      if (relation == NULL || label == NULL ||
          !_gloss_dataset_get_offset (json_object_get_member (relation, "id"), &relation_id) ||
          !_gloss_dataset_get_offset (json_object_get_member (relation, "from"), &from_id) ||
          !_gloss_dataset_get_offset (json_object_get_member (relation, "to"), &to_id))
        {
          _gloss_importer_problem (self, where,
                                   _("Sentence %u: each of “relations” needs an “id”, a “label”, “from” and “to”"),
                                   id);
          return FALSE;
        }

      /* A relation is on each line of its span */
      if (!g_hash_table_add (reading->relation_ids, GUINT_TO_POINTER (relation_id + 1)))
        continue;

      from = g_strdup_printf ("%u", from_id);
      to = g_strdup_printf ("%u", to_id);
      _gloss_dataset_relations_add (reading->relations, label, from, to,
                                    _gloss_dataset_get_string (relation, "note"),
                                    _gloss_dataset_get_string (relation, "annotator"));
    }

  return TRUE;
}

/* Each span, its parts rebuilt, among the spans the importer takes */
static gboolean
add_pieces (GlossImporter *self,
            SpanReading   *reading,
            GArray        *spans,
            const char    *where)
{
  for (guint i = 0; i < reading->spans->len; i++)
    {
      Pieces *pieces = g_ptr_array_index (reading->spans, i);
      GlossImportSpan *span = _gloss_dataset_spans_add_full (spans, (GlossRange *)(gpointer)pieces->parts->data,
                                                             pieces->parts->len, pieces->label, pieces->note,
                                                             pieces->annotator, pieces->key);
      g_autoptr(GList) names = pieces->attributes ? json_object_get_members (pieces->attributes) : NULL;

      span->span_layer = TRUE;
      for (GList *l = names; l != NULL; l = l->next)
        {
          const char *value = _gloss_dataset_get_string (pieces->attributes, l->data);

          if (value == NULL)
            {
              _gloss_importer_problem (self, where, _("The value of the attribute “%s” of the span %s must be a "
                                                      "string"), (const char *)l->data, pieces->key);
              return FALSE;
            }
          _gloss_import_span_add_attribute (span, l->data, value);
        }
    }

  return TRUE;
}

static void
import_group (GlossImporter *self,
              Group         *group)
{
  g_autofree char *where = g_strdup_printf (_("line %u"), group->first_line);
  g_autoptr(GString) contents = g_string_new (NULL);
  g_autoptr(GPtrArray) sentences = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) spans = _gloss_dataset_spans_new ();
  g_autoptr(GPtrArray) pieces = g_ptr_array_new_with_free_func ((GDestroyNotify)pieces_free);
  g_autoptr(GHashTable) by_key = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) relations = _gloss_dataset_relations_new ();
  g_autoptr(GHashTable) relation_ids = g_hash_table_new (NULL, NULL);
  g_autoptr(GlossText) text = NULL;
  SpanReading reading = { pieces, by_key, relations, relation_ids };
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

      if (!read_pieces (self, &reading, object, id, start, sentence_text, where))
        return;
    }

  if (!add_pieces (self, &reading, spans, where))
    return;

  text = _gloss_dataset_text_new (self, contents->str, where);
  if (text == NULL)
    return;

  _gloss_importer_add_spans (self, group->id, text, language, sentences, spans,
                             relations->len > 0 ? relations : NULL, NULL, where);
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
             GLOSS_DATASET_CARRIES_ANNOTATORS | GLOSS_DATASET_CARRIES_LANGUAGE |
             GLOSS_DATASET_CARRIES_SPANS | GLOSS_DATASET_CARRIES_RELATIONS,
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
    "| `context_before`, `context_after` | with `--context N`: the texts of the N sentences before and after |\n"
    "| `spans` | only in the lines of a document with spans, relations or their labels: each span with a part in "
    "the sentence, once, in document order: `id`, `label`, `parts` (the pieces of its parts in the sentence, "
    "`[start, end]` counted from the sentence's `start`, so `text[start:end]` of the line's `text`), `text` "
    "(those pieces), `attributes` (`{name: value}`), `note`, `annotator`, `cut` (for each piece, `[before, "
    "after]`: how many code points of its part lie before the sentence's start and after its end, so the part "
    "in the document is `[line.start + start - before, line.start + end + after]`) and `continues` (whether the "
    "span has text outside this sentence) |\n"
    "| `relations` | beside `spans`: the relations from each span in `spans` (`id`, `label`, `from` and `to` span "
    "ids, `note`, `annotator`); a relation whose span runs over several sentences is on each of their lines |\n",
  .read = sentences_jsonl_read,
  .add = sentences_jsonl_add,
  .end = sentences_jsonl_end,
};
