/* gloss-dataset-doccano.c
 *
 * doccano's JSONL for sequence labelling (https://doccano.github.io/doccano/).
 *
 * doccano's annotation view counts offsets as JavaScript does, in UTF-16
 * code units (its v-annotator takes the browser's selection offsets and
 * `text.length`), while Python and Gloss count code points: after an emoji
 * the two differ. doccano's server keeps whatever a file or the view
 * gives it, so a file written by doccano counts UTF-16 units.
 *
 * Writing: one line per document with its text, `"offsets"` (the unit:
 * "utf16" by default, or "codepoints"; doccano keeps it as metadata, so
 * it comes back) and, in the layout for sequence labelling,
 * `[start, end, label]` triples; in that for relation extraction (by
 * default when the labels include span or relation labels), `entities`
 * and `relations`, the parts of a span joined by `gloss:part` relations.
 * doccano keeps only one label of a span unless its project allows
 * overlapping spans, so a sentence with two labels is counted and said.
 *
 * Reading: `text` (or `data` in older exports) and `label` as
 * `[start, end, "label"]` triples (or `entities` with `start_offset`,
 * `end_offset` and `label` in projects with relations). The unit is the
 * one asked for, else the line's own `"offsets"`, else the one the spans
 * of the file fit: a file whose spans fit both readings, which differ,
 * is refused rather than guessed, since a wrong reading labels the wrong
 * sentences. Entities are keyed by their ids, which `relations` name
 * (`from_id`, `to_id`, `type`); entities joined by `gloss:part` relations
 * are the parts of one span. Other members are kept as the document's
 * metadata.
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
#include "gloss-label-set.h"
#include "gloss-problem.h"
#include "gloss-relation.h"
#include "gloss-span.h"
#include "gloss-text.h"

/* Writing ---------------------------------------------------------------- */

typedef struct
{
  gboolean relations;         /* the layout: entities and relations */
  guint    n_stacked;         /* sentences with more than one label */
  guint    n_attributes;      /* of spans: doccano has no place for them */
  guint    n_relations;       /* not written: the sequence layout has none */
  guint    n_parted;          /* spans in parts written as unjoined spans */
} Written;

/* The layout is the export's, chosen at its first document: a doccano
 * project takes one layout, so every line must have it */
static Written *
get_written (GlossExporter   *self,
             GlossExportItem *item)
{
  Written *written = _gloss_exporter_get_data (self);

  if (written != NULL)
    return written;

  written = g_new0 (Written, 1);
  switch (gloss_exporter_get_doccano_layout (self))
    {
    case GLOSS_DOCCANO_LAYOUT_AUTO:
      written->relations = !gloss_label_set_is_sentence_only (gloss_document_get_labels (item->document));
      break;
    case GLOSS_DOCCANO_LAYOUT_RELATION_EXTRACTION:
      written->relations = TRUE;
      break;
    case GLOSS_DOCCANO_LAYOUT_SEQUENCE_LABELING:
    default:
      break;
    }
  _gloss_exporter_set_data (self, written, g_free);

  return written;
}

static guint
convert (GArray *astral,
         guint   offset)
{
  return astral != NULL ? _gloss_dataset_to_utf16 (astral, offset) : offset;
}

/* `{"id": …, "label": …, "start_offset": …, "end_offset": …}`, as doccano
 * writes an entity */
static void
append_entity (GString    *out,
               guint       id,
               const char *label,
               GArray     *astral,
               guint       start,
               guint       end)
{
  g_string_append_printf (out, "%s{\"id\": %u, \"label\": ", id ? ", " : "", id);
  gloss_json_append_string (out, label);
  g_string_append_printf (out, ", \"start_offset\": %u, \"end_offset\": %u}",
                          convert (astral, start), convert (astral, end));
}

static void
append_relation (GString    *out,
                 guint       id,
                 guint       from,
                 guint       to,
                 const char *label)
{
  g_string_append_printf (out, "%s{\"id\": %u, \"from_id\": %u, \"to_id\": %u, \"type\": ",
                          id ? ", " : "", id, from, to);
  gloss_json_append_string (out, label);
  g_string_append_c (out, '}');
}

/* Entities: the sentence annotations, then each span part by part;
 * relations: the parts of each span joined, then the spans' relations,
 * each from the first part of a span to the first of the other */
static void
append_relation_layout (GString         *out,
                        GlossExportItem *item,
                        GArray          *astral)
{
  g_autoptr(GHashTable) first_entity = g_hash_table_new (NULL, NULL);
  guint n_entities = 0, n_relations = 0;

  g_string_append (out, ", \"entities\": [");
  for (guint i = 0; i < item->annotations->len; i++)
    {
      GlossAnnotation *annotation = g_ptr_array_index (item->annotations, i);

      append_entity (out, n_entities++, gloss_annotation_get_label (annotation), astral,
                     gloss_annotation_get_start (annotation), gloss_annotation_get_end (annotation));
    }
  for (guint i = 0; i < item->spans->len; i++)
    {
      GlossSpan *span = g_ptr_array_index (item->spans, i);

      g_hash_table_insert (first_entity, GUINT_TO_POINTER (gloss_span_get_id (span)), GUINT_TO_POINTER (n_entities));
      for (guint p = 0; p < gloss_span_get_n_parts (span); p++)
        {
          GlossRange part = gloss_span_get_part (span, p);

          append_entity (out, n_entities++, gloss_span_get_label (span), astral, part.start, part.end);
        }
    }

  g_string_append (out, "], \"relations\": [");
  for (guint i = 0; i < item->spans->len; i++)
    {
      GlossSpan *span = g_ptr_array_index (item->spans, i);
      guint first = GPOINTER_TO_UINT (g_hash_table_lookup (first_entity, GUINT_TO_POINTER (gloss_span_get_id (span))));

      for (guint p = 1; p < gloss_span_get_n_parts (span); p++)
        append_relation (out, n_relations++, first + p - 1, first + p, GLOSS_DATASET_PART_LABEL);
    }
  for (guint i = 0; i < item->relations->len; i++)
    {
      GlossRelation *relation = g_ptr_array_index (item->relations, i);

      append_relation (out, n_relations++,
                       GPOINTER_TO_UINT (g_hash_table_lookup (first_entity,
                                                              GUINT_TO_POINTER (gloss_relation_get_from (relation)))),
                       GPOINTER_TO_UINT (g_hash_table_lookup (first_entity,
                                                              GUINT_TO_POINTER (gloss_relation_get_to (relation)))),
                       gloss_relation_get_label (relation));
    }
  g_string_append_c (out, ']');
}

/* `[start, end, label]` triples: the sentence annotations, then the parts
 * of the spans, each a span of its own */
static void
append_sequence_layout (GString         *out,
                        GlossExportItem *item,
                        GArray          *astral,
                        Written         *written)
{
  guint n = 0;

  g_string_append (out, ", \"label\": [");
  for (guint i = 0; i < item->annotations->len; i++)
    {
      GlossAnnotation *annotation = g_ptr_array_index (item->annotations, i);

      g_string_append_printf (out, "%s[%u, %u, ", n++ ? ", " : "",
                              convert (astral, gloss_annotation_get_start (annotation)),
                              convert (astral, gloss_annotation_get_end (annotation)));
      gloss_json_append_string (out, gloss_annotation_get_label (annotation));
      g_string_append_c (out, ']');
    }
  for (guint i = 0; i < item->spans->len; i++)
    {
      GlossSpan *span = g_ptr_array_index (item->spans, i);

      written->n_parted += gloss_span_get_n_parts (span) > 1;
      for (guint p = 0; p < gloss_span_get_n_parts (span); p++)
        {
          GlossRange part = gloss_span_get_part (span, p);

          g_string_append_printf (out, "%s[%u, %u, ", n++ ? ", " : "",
                                  convert (astral, part.start), convert (astral, part.end));
          gloss_json_append_string (out, gloss_span_get_label (span));
          g_string_append_c (out, ']');
        }
    }
  g_string_append_c (out, ']');
  written->n_relations += item->relations->len;
}

static gboolean
doccano_add (GlossExporter    *self,
             GlossExportItem  *item,
             GError          **error)
{
  GString *out = _gloss_exporter_get_buffer (self);
  GlossOffsets offsets = gloss_exporter_get_offsets (self);
  g_autoptr(GArray) astral = offsets == GLOSS_OFFSETS_UTF16 ? _gloss_dataset_find_astral (item->text) : NULL;
  Written *written = get_written (self, item);

  for (guint i = 0; i < item->n_sentences; i++)
    written->n_stacked += item->by_sentence[i] != NULL && item->by_sentence[i]->len > 1;
  for (guint i = 0; i < item->spans->len; i++)
    written->n_attributes += gloss_span_get_n_attributes (g_ptr_array_index (item->spans, i));

  /* doccano keeps members other than text and label as the example's
   * metadata, so the id and the unit survive a round trip through it */
  g_string_append (out, "{\"id\": ");
  gloss_json_append_string (out, item->id);
  g_string_append (out, ", \"text\": ");
  gloss_json_append_string (out, gloss_text_get_contents (item->text));
  g_string_append_printf (out, ", \"offsets\": \"%s\"", gloss_offsets_get_name (offsets));
  if (written->relations)
    append_relation_layout (out, item, astral);
  else
    append_sequence_layout (out, item, astral, written);
  g_string_append (out, "}\n");

  return TRUE;
}

/* Says @notice to the user and @card_note on the card, and frees both */
static void
add_notice_take (GlossExporter *self,
                 char          *notice,
                 char          *card_note)
{
  _gloss_exporter_add_notice (self, notice, card_note);
  g_free (notice);
  g_free (card_note);
}

static gboolean
doccano_end (GlossExporter  *self,
             GError        **error)
{
  Written *written = _gloss_exporter_get_data (self);
  guint n;

  if (written == NULL)
    return TRUE;

  if ((n = written->n_stacked) > 0)
    add_notice_take (self,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%u sentence has more than one label: doccano keeps only one "
                                                   "label of a span unless its project was created with “Allow "
                                                   "overlapping spans”",
                                                   "%u sentences have more than one label: doccano keeps only one "
                                                   "label of a span unless its project was created with “Allow "
                                                   "overlapping spans”",
                                                   n), n),
                     g_strdup_printf ("**%u sentence(s) of this export have more than one label**, each label a "
                                      "span of its own over the same text. doccano's import keeps only one of them "
                                      "unless the project was created with *Allow overlapping spans* ticked.", n));

  if (written->relations)
    _gloss_exporter_add_notice (self, NULL,
                                "This export is in doccano's layout for **relation extraction** (`entities` and "
                                "`relations`): create the doccano project as *Sequence Labeling* with *Use "
                                "relation labeling* and *Allow overlapping spans* ticked.");

  if ((n = written->n_attributes) > 0)
    add_notice_take (self,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%u attribute of a span is not in the export: doccano has no "
                                                   "place for it",
                                                   "%u attributes of spans are not in the export: doccano has no "
                                                   "place for them",
                                                   n), n),
                     g_strdup_printf ("**%u attribute(s) of spans are not in this export**: doccano has no place "
                                      "for them. They stay in the annotation files (`.gloss.json`) of the corpus.",
                                      n));

  if ((n = written->n_relations) > 0)
    add_notice_take (self,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%u relation is not in the export: doccano’s layout for sequence "
                                                   "labelling has no relations (--doccano-layout "
                                                   "relation-extraction has)",
                                                   "%u relations are not in the export: doccano’s layout for "
                                                   "sequence labelling has no relations (--doccano-layout "
                                                   "relation-extraction has)",
                                                   n), n),
                     g_strdup_printf ("**%u relation(s) are not in this export**: doccano's layout for sequence "
                                      "labelling has none (`gloss export --doccano-layout relation-extraction` "
                                      "writes them).", n));

  if ((n = written->n_parted) > 0)
    add_notice_take (self,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%u span in several parts is written as a span per part: "
                                                   "doccano’s layout for sequence labelling cannot join them "
                                                   "(--doccano-layout relation-extraction can)",
                                                   "%u spans in several parts are written as a span per part: "
                                                   "doccano’s layout for sequence labelling cannot join them "
                                                   "(--doccano-layout relation-extraction can)",
                                                   n), n),
                     g_strdup_printf ("**%u span(s) in several parts are written as one span per part**, which "
                                      "nothing joins: doccano's layout for sequence labelling cannot (`gloss export "
                                      "--doccano-layout relation-extraction` joins them).", n));

  return TRUE;
}

/* Reading ---------------------------------------------------------------- */

static gboolean
read_labels (GlossImporter *self,
             JsonObject    *object,
             GArray        *spans,
             const char    *where)
{
  JsonNode *node = json_object_get_member (object, "label");
  JsonArray *array;

  if (node == NULL)
    node = json_object_get_member (object, "labels");

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          JsonArray *triple;
          guint start, end;
          const char *label;

          if (!JSON_NODE_HOLDS_ARRAY (element) || json_array_get_length (json_node_get_array (element)) != 3)
            {
              _gloss_importer_problem (self, where, _("label[%u] is not a [start, end, label] triple"), i);
              return FALSE;
            }

          triple = json_node_get_array (element);
          element = json_array_get_element (triple, 2);
          label = JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING
                  ? json_node_get_string (element) : NULL;
          if (!_gloss_dataset_get_offset (json_array_get_element (triple, 0), &start) ||
              !_gloss_dataset_get_offset (json_array_get_element (triple, 1), &end) || label == NULL)
            {
              _gloss_importer_problem (self, where, _("label[%u] is not a [start, end, label] triple"), i);
              return FALSE;
            }

          _gloss_dataset_spans_add (spans, start, end, label, NULL, NULL);
        }
    }
  else if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      _gloss_importer_problem (self, where, _("“label” must be a list, not %s"), gloss_json_type_name (node));
      return FALSE;
    }

  node = json_object_get_member (object, "entities");
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          g_autofree char *key = NULL;
          JsonObject *entity;
          guint start, end;
          const char *label;

          if (!JSON_NODE_HOLDS_OBJECT (element))
            {
              _gloss_importer_problem (self, where, _("entities[%u] is not an object"), i);
              return FALSE;
            }

          entity = json_node_get_object (element);
          label = _gloss_dataset_get_string (entity, "label");
          if (!_gloss_dataset_get_offset (json_object_get_member (entity, "start_offset"), &start) ||
              !_gloss_dataset_get_offset (json_object_get_member (entity, "end_offset"), &end) || label == NULL)
            {
              _gloss_importer_problem (self, where, _("entities[%u] needs start_offset, end_offset and label"), i);
              return FALSE;
            }

          /* Relations name the entity by its id */
          key = _gloss_dataset_dup_id (json_object_get_member (entity, "id"));
          _gloss_dataset_spans_add_full (spans, &(GlossRange) { start, end }, 1, label, NULL, NULL, key);
        }
    }

  return TRUE;
}

/* `relations`: `{id, from_id, to_id, type}`, between entities by their ids */
static gboolean
read_relations (GlossImporter *self,
                JsonObject    *object,
                GArray        *relations,
                const char    *where)
{
  JsonNode *node = json_object_get_member (object, "relations");
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      _gloss_importer_problem (self, where, _("“relations” must be a list, not %s"), gloss_json_type_name (node));
      return FALSE;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;
      JsonObject *relation;
      const char *type;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          _gloss_importer_problem (self, where, _("relations[%u] is not an object"), i);
          return FALSE;
        }

      relation = json_node_get_object (element);
      from = _gloss_dataset_dup_id (json_object_get_member (relation, "from_id"));
      to = _gloss_dataset_dup_id (json_object_get_member (relation, "to_id"));
      type = _gloss_dataset_get_string (relation, "type");
      if (from == NULL || to == NULL || type == NULL)
        {
          _gloss_importer_problem (self, where, _("relations[%u] needs from_id, to_id and type"), i);
          return FALSE;
        }

      _gloss_dataset_relations_add (relations, type, from, to, NULL, NULL);
    }

  return TRUE;
}

/* A line read, its spans as the file counts them */
typedef struct
{
  char         *where;
  char         *id;
  GlossText    *text;
  GArray       *spans;     /* one for each entity or triple, even a part of a span */
  GArray       *relations;
  char         *meta;
  GlossOffsets  offsets;   /* the line's own "offsets", or AUTO */
  GArray       *astral;    /* found when needed */
} Line;

static void
line_free (Line *line)
{
  g_free (line->where);
  g_free (line->id);
  g_clear_object (&line->text);
  g_clear_pointer (&line->spans, g_array_unref);
  g_clear_pointer (&line->relations, g_array_unref);
  g_free (line->meta);
  g_clear_pointer (&line->astral, g_array_unref);
  g_free (line);
}

static void
read_line (GlossImporter *self,
           JsonNode      *node,
           guint          number,
           const char    *where,
           gpointer       user_data)
{
  static const char * const known[] = {
    "id", "text", "data", "label", "labels", "entities", "relations", "offsets", NULL
  };
  GPtrArray *lines = user_data;
  JsonObject *object = json_node_get_object (node);
  g_autoptr(GArray) spans = NULL;
  g_autoptr(GArray) relations = NULL;
  g_autoptr(GlossText) text = NULL;
  g_autofree char *id = NULL;
  GlossOffsets offsets = GLOSS_OFFSETS_AUTO;
  const char *contents;
  Line *line;

  contents = _gloss_dataset_get_string (object, "text");
  if (contents == NULL)
    contents = _gloss_dataset_get_string (object, "data");
  if (contents == NULL)
    {
      _gloss_importer_problem (self, where, _("The line has no “text” string"));
      return;
    }

  if (json_object_has_member (object, "offsets") &&
      (!gloss_offsets_from_name (_gloss_dataset_get_string (object, "offsets"), &offsets) ||
       offsets == GLOSS_OFFSETS_AUTO))
    {
      _gloss_importer_problem (self, where, _("“offsets” must be “utf16” or “codepoints”"));
      return;
    }

  id = _gloss_dataset_dup_id (json_object_get_member (object, "id"));
  if (id == NULL)
    id = g_strdup_printf ("doccano-%05u", number);

  spans = _gloss_dataset_spans_new ();
  relations = _gloss_dataset_relations_new ();
  if (!read_labels (self, object, spans, where) || !read_relations (self, object, relations, where))
    return;

  text = _gloss_dataset_text_new (self, contents, where);
  if (text == NULL)
    return;

  line = g_new0 (Line, 1);
  line->where = g_strdup (where);
  line->id = g_steal_pointer (&id);
  line->text = g_steal_pointer (&text);
  line->spans = g_steal_pointer (&spans);
  line->relations = g_steal_pointer (&relations);
  line->meta = _gloss_dataset_dup_meta (object, known);
  line->offsets = offsets;
  g_ptr_array_add (lines, line);
}

static GArray *
get_astral (Line *line)
{
  if (line->astral == NULL)
    line->astral = _gloss_dataset_find_astral (line->text);

  return line->astral;
}

/* Whether every span of @line lies in its text when read in @offsets;
 * @differs: set if a span reads differently in the other unit */
static gboolean
line_fits (Line         *line,
           GlossOffsets  offsets,
           gboolean     *differs)
{
  guint length = gloss_text_get_length (line->text);

  for (guint i = 0; i < line->spans->len; i++)
    {
      GlossImportSpan *span = &g_array_index (line->spans, GlossImportSpan, i);

      if (offsets == GLOSS_OFFSETS_UTF16)
        {
          guint start = _gloss_dataset_from_utf16 (line->text, get_astral (line), span->start);
          guint end = _gloss_dataset_from_utf16 (line->text, get_astral (line), span->end);

          if (start == G_MAXUINT || end == G_MAXUINT || start >= end)
            return FALSE;
          if (differs != NULL)
            *differs |= start != span->start || end != span->end;
        }
      else if (span->start >= span->end || span->end > length)
        return FALSE;
    }

  return TRUE;
}

/* The first span that reads differently in the two units, for the
 * message */
static char *
describe_readings (Line *line)
{
  for (guint i = 0; i < line->spans->len; i++)
    {
      GlossImportSpan *span = &g_array_index (line->spans, GlossImportSpan, i);
      guint start = _gloss_dataset_from_utf16 (line->text, get_astral (line), span->start);
      guint end = _gloss_dataset_from_utf16 (line->text, get_astral (line), span->end);
      g_autofree char *as_units = NULL;
      g_autofree char *as_points = NULL;
      g_autofree char *short_units = NULL;
      g_autofree char *short_points = NULL;

      if (start == span->start && end == span->end)
        continue;

      as_units = gloss_text_dup_slice (line->text, start, end);
      as_points = gloss_text_dup_slice (line->text, span->start, span->end);
      short_units = gloss_problem_shorten (as_units);
      short_points = gloss_problem_shorten (as_points);

      /* TRANSLATORS: a span [start, end) and its text in each reading */
      return g_strdup_printf (_("[%u, %u) is “%s” read as UTF-16 units and “%s” read as code points"),
                              span->start, span->end, short_units, short_points);
    }

  g_return_val_if_reached (NULL);
}

/* The unit the spans of the file show, for the lines that do not say
 * theirs: the one every line fits, if only one does for some line; the
 * lines a single character beyond U+FFFF reads differently do not say
 * which. GLOSS_OFFSETS_AUTO, with a problem, when it cannot be known. */
static GlossOffsets
find_offsets (GlossImporter *self,
              GPtrArray     *lines)
{
  Line *only_units = NULL, *only_points = NULL, *differing = NULL;

  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = g_ptr_array_index (lines, i);
      gboolean differs = FALSE;
      gboolean fits_points, fits_units;

      if (line->offsets != GLOSS_OFFSETS_AUTO || line->spans->len == 0)
        continue;

      fits_points = line_fits (line, GLOSS_OFFSETS_CODE_POINTS, NULL);
      fits_units = line_fits (line, GLOSS_OFFSETS_UTF16, &differs);

      if (fits_units && !fits_points && only_units == NULL)
        only_units = line;
      else if (fits_points && !fits_units && only_points == NULL)
        only_points = line;
      else if (fits_points && fits_units && differs && differing == NULL)
        differing = line;
    }

  if (only_units != NULL && only_points != NULL)
    {
      _gloss_importer_problem (self, only_units->where,
                               _("The spans of this line fit the text only as UTF-16 units, those of %s only as "
                                 "code points: the file counts both ways. Choose the unit (--offsets utf16 or "
                                 "--offsets codepoints)"),
                               only_points->where);
      return GLOSS_OFFSETS_AUTO;
    }

  if (only_units != NULL)
    return GLOSS_OFFSETS_UTF16;
  if (only_points != NULL)
    return GLOSS_OFFSETS_CODE_POINTS;

  if (differing != NULL)
    {
      g_autofree char *readings = describe_readings (differing);

      _gloss_importer_problem (self, differing->where,
                               _("The offsets may count UTF-16 units (as doccano’s annotation view does) or code "
                                 "points, and after a character beyond U+FFFF the two differ: %s. Choose the unit "
                                 "(--offsets utf16 or --offsets codepoints)"),
                               readings);
      return GLOSS_OFFSETS_AUTO;
    }

  return GLOSS_OFFSETS_CODE_POINTS;
}

/* doccano has no span in parts: Gloss writes each part as an entity,
 * joined to the next by a `gloss:part` relation. The entities so joined
 * become one span, named by the key of its first; the other relations
 * name it by that key. */
static void
join_parts (GlossImporter *self,
            Line          *line)
{
  g_autoptr(GHashTable) by_key = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) spans = NULL;
  g_autoptr(GArray) relations = NULL;
  g_autoptr(GArray) parts = g_array_new (FALSE, FALSE, sizeof (GlossRange));
  g_autofree guint *roots = _gloss_dataset_groups_new (line->spans->len);
  g_autofree guint *members = NULL;
  gboolean any = FALSE;

  for (guint i = 0; i < line->spans->len; i++)
    {
      GlossImportSpan *span = &g_array_index (line->spans, GlossImportSpan, i);

      if (span->key != NULL && !g_hash_table_contains (by_key, span->key))
        g_hash_table_insert (by_key, span->key, GUINT_TO_POINTER (i));
    }

  for (guint i = 0; i < line->relations->len; i++)
    {
      GlossImportRelation *relation = &g_array_index (line->relations, GlossImportRelation, i);
      gpointer from, to;

      if (strcmp (relation->label, GLOSS_DATASET_PART_LABEL) != 0)
        continue;

      if (!g_hash_table_lookup_extended (by_key, relation->from, NULL, &from) ||
          !g_hash_table_lookup_extended (by_key, relation->to, NULL, &to) ||
          strcmp (g_array_index (line->spans, GlossImportSpan, GPOINTER_TO_UINT (from)).label,
                  g_array_index (line->spans, GlossImportSpan, GPOINTER_TO_UINT (to)).label) != 0)
        {
          _gloss_importer_problem (self, line->where, _("A relation “%s” from “%s” to “%s” does not join two "
                                                        "entities of the same label"),
                                   GLOSS_DATASET_PART_LABEL, relation->from, relation->to);
          continue;
        }
      _gloss_dataset_groups_join (roots, GPOINTER_TO_UINT (from), GPOINTER_TO_UINT (to));
      any = TRUE;
    }

  if (!any)
    return;

  /* An entity and those joined to it, each run of the list a span */
  spans = _gloss_dataset_spans_new ();
  members = _gloss_dataset_groups_list (roots, line->spans->len);
  for (guint k = 0, end; k < line->spans->len; k = end)
    {
      GlossImportSpan *first = &g_array_index (line->spans, GlossImportSpan, members[k]);

      g_array_set_size (parts, 0);
      for (end = k; end < line->spans->len && _gloss_dataset_groups_find (roots, members[end]) == members[k]; end++)
        {
          GlossImportSpan *part = &g_array_index (line->spans, GlossImportSpan, members[end]);

          g_array_append_val (parts, ((GlossRange) { part->start, part->end }));
        }
      _gloss_dataset_spans_add_full (spans, (GlossRange *)parts->data, parts->len, first->label, first->note,
                                     first->annotator, first->key);
    }

  relations = _gloss_dataset_relations_new ();
  for (guint i = 0; i < line->relations->len; i++)
    {
      GlossImportRelation *relation = &g_array_index (line->relations, GlossImportRelation, i);
      gpointer from, to;

      if (strcmp (relation->label, GLOSS_DATASET_PART_LABEL) == 0)
        continue;

      /* One to an entity that is not there is the importer's problem */
      if (!g_hash_table_lookup_extended (by_key, relation->from, NULL, &from) ||
          !g_hash_table_lookup_extended (by_key, relation->to, NULL, &to))
        {
          _gloss_dataset_relations_add (relations, relation->label, relation->from, relation->to, relation->note,
                                        relation->annotator);
          continue;
        }
      _gloss_dataset_relations_add (relations, relation->label,
                                    g_array_index (line->spans, GlossImportSpan,
                                                   _gloss_dataset_groups_find (roots, GPOINTER_TO_UINT (from))).key,
                                    g_array_index (line->spans, GlossImportSpan,
                                                   _gloss_dataset_groups_find (roots, GPOINTER_TO_UINT (to))).key,
                                    relation->note, relation->annotator);
    }

  g_array_unref (line->spans);
  line->spans = g_steal_pointer (&spans);
  g_array_unref (line->relations);
  line->relations = g_steal_pointer (&relations);
}

static void
add_line (GlossImporter *self,
          Line          *line,
          GlossOffsets   offsets)
{
  if (offsets == GLOSS_OFFSETS_UTF16)
    {
      guint units = gloss_text_get_length (line->text) + get_astral (line)->len;
      gboolean fits = TRUE;

      for (guint i = 0; i < line->spans->len; i++)
        {
          GlossImportSpan *span = &g_array_index (line->spans, GlossImportSpan, i);
          guint start = _gloss_dataset_from_utf16 (line->text, get_astral (line), span->start);
          guint end = _gloss_dataset_from_utf16 (line->text, get_astral (line), span->end);

          if (start == G_MAXUINT || end == G_MAXUINT || start >= end)
            {
              _gloss_importer_problem (self, line->where,
                                       _("The span [%u, %u) is not within the text (%u UTF-16 units), or splits a "
                                         "character in two"),
                                       span->start, span->end, units);
              fits = FALSE;
              continue;
            }

          span->start = start;
          span->end = end;
        }

      if (!fits)
        {
          _gloss_importer_problem (self, line->where, _("The document “%s” is not imported"), line->id);
          return;
        }
    }

  join_parts (self, line);
  _gloss_importer_add_spans (self, line->id, line->text, NULL, NULL, line->spans, line->relations,
                             g_steal_pointer (&line->meta), line->where);
}

static gboolean
doccano_read (GlossImporter  *self,
              GFile          *input,
              GCancellable   *cancellable,
              GError        **error)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify)line_free);
  GlossOffsets asked = _gloss_importer_get_offsets (self);
  GlossOffsets found = GLOSS_OFFSETS_AUTO;
  gboolean searched = FALSE;

  /* The unit is known only when every line has been read */
  if (!_gloss_dataset_read_lines (self, input, read_line, lines, cancellable, error))
    return FALSE;

  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = g_ptr_array_index (lines, i);
      GlossOffsets offsets = asked != GLOSS_OFFSETS_AUTO ? asked : line->offsets;

      if (offsets == GLOSS_OFFSETS_AUTO)
        {
          if (!searched)
            found = find_offsets (self, lines);
          searched = TRUE;
          offsets = found;
        }

      /* A problem says why, and nothing is written */
      if (offsets == GLOSS_OFFSETS_AUTO)
        break;

      add_line (self, line, offsets);
    }

  return TRUE;
}

const GlossDatasetFormat _gloss_dataset_doccano = {
  .name = "doccano",
  .carries = GLOSS_DATASET_CARRIES_SPANS | GLOSS_DATASET_CARRIES_RELATIONS,
  .offsets = GLOSS_OFFSETS_UTF16,
  .card =
    "doccano's JSONL for sequence labelling, one line per document "
    "(in doccano: *Import Dataset → JSONL*, column *text*, label column *label*).\n\n"
    "| field | meaning |\n"
    "| --- | --- |\n"
    "| `id` | the document id (doccano keeps it as metadata) |\n"
    "| `text` | the full text |\n"
    "| `offsets` | how the offsets of `label` count the text: `utf16` (UTF-16 code units, as doccano's annotation "
    "view counts) or `codepoints` (see below); doccano keeps it as metadata, and `gloss import` reads it |\n"
    "| `label` | `[start, end, label]` per annotation: the span of a labelled sentence, end exclusive; a sentence "
    "with two labels appears twice; then each part of each span |\n"
    "| `entities` | instead of `label` in the layout for relation extraction: `{id, label, start_offset, "
    "end_offset}` per sentence label, then per part of each span (ids from 0) |\n"
    "| `relations` | with `entities`: `{id, from_id, to_id, type}`; first the parts of each span in several parts, "
    "each joined to the next by a relation of type `gloss:part` (doccano has no span in parts), then the spans' "
    "relations, from the entity of a span's first part to that of the other's |\n\n"
    "Create the doccano project as *Sequence Labeling* with *Allow overlapping spans* ticked: a sentence with two "
    "labels is two spans over the same text, and without that setting doccano's import keeps only one of them. "
    "Leave *Count grapheme clusters as one character* unticked: with it doccano counts offsets in grapheme "
    "clusters, so that every span after an emoji would be drawn off.\n\n"
    "Notes, annotators, the sentences without a label and the attributes of spans are not part of this format.\n",
  .read = doccano_read,
  .add = doccano_add,
  .end = doccano_end,
};
