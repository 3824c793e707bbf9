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
 * it comes back) and `[start, end, label]` triples. doccano keeps only
 * one label of a span unless its project allows overlapping spans, so a
 * sentence with two labels is counted and said.
 *
 * Reading: `text` (or `data` in older exports) and `label` as
 * `[start, end, "label"]` triples (or `entities` with `start_offset`,
 * `end_offset` and `label` in projects with relations). The unit is the
 * one asked for, else the line's own `"offsets"`, else the one the spans
 * of the file fit: a file whose spans fit both readings, which differ,
 * is refused rather than guessed, since a wrong reading labels the wrong
 * sentences. Relations are left out, and said. Other members are kept as
 * the document's metadata.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-annotation.h"
#include "gloss-dataset-private.h"
#include "gloss-json.h"
#include "gloss-problem.h"
#include "gloss-text.h"

/* Writing ---------------------------------------------------------------- */

typedef struct
{
  guint n_stacked;   /* sentences with more than one label */
} Written;

static gboolean
doccano_add (GlossExporter    *self,
             GlossExportItem  *item,
             GError          **error)
{
  GString *out = _gloss_exporter_get_buffer (self);
  GlossOffsets offsets = gloss_exporter_get_offsets (self);
  g_autoptr(GArray) astral = offsets == GLOSS_OFFSETS_UTF16 ? _gloss_dataset_find_astral (item->text) : NULL;
  Written *written = _gloss_exporter_get_data (self);

  if (written == NULL)
    {
      written = g_new0 (Written, 1);
      _gloss_exporter_set_data (self, written, g_free);
    }

  for (guint i = 0; i < item->n_sentences; i++)
    written->n_stacked += item->by_sentence[i] != NULL && item->by_sentence[i]->len > 1;

  /* doccano keeps members other than text and label as the example's
   * metadata, so the id and the unit survive a round trip through it */
  g_string_append (out, "{\"id\": ");
  gloss_json_append_string (out, item->id);
  g_string_append (out, ", \"text\": ");
  gloss_json_append_string (out, gloss_text_get_contents (item->text));
  g_string_append_printf (out, ", \"offsets\": \"%s\", \"label\": [", gloss_offsets_get_name (offsets));
  for (guint i = 0; i < item->annotations->len; i++)
    {
      GlossAnnotation *annotation = g_ptr_array_index (item->annotations, i);
      guint start = gloss_annotation_get_start (annotation);
      guint end = gloss_annotation_get_end (annotation);

      if (astral != NULL)
        {
          start = _gloss_dataset_to_utf16 (astral, start);
          end = _gloss_dataset_to_utf16 (astral, end);
        }

      g_string_append_printf (out, "%s[%u, %u, ", i ? ", " : "", start, end);
      gloss_json_append_string (out, gloss_annotation_get_label (annotation));
      g_string_append_c (out, ']');
    }
  g_string_append (out, "]}\n");

  return TRUE;
}

static gboolean
doccano_end (GlossExporter  *self,
             GError        **error)
{
  Written *written = _gloss_exporter_get_data (self);
  g_autofree char *notice = NULL;
  g_autofree char *card_note = NULL;

  if (written == NULL || written->n_stacked == 0)
    return TRUE;

  notice = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u sentence has more than one label: doccano keeps only one label of a "
                                         "span unless its project was created with “Allow overlapping spans”",
                                         "%u sentences have more than one label: doccano keeps only one label of a "
                                         "span unless its project was created with “Allow overlapping spans”",
                                         written->n_stacked),
                            written->n_stacked);
  card_note = g_strdup_printf ("**%u sentence(s) of this export have more than one label**, each label a span of its "
                               "own over the same text. doccano's import keeps only one of them unless the project "
                               "was created with *Allow overlapping spans* ticked.", written->n_stacked);
  _gloss_exporter_add_notice (self, notice, card_note);

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

          _gloss_dataset_spans_add (spans, start, end, label, NULL, NULL);
        }
    }

  return TRUE;
}

/* A line read, its spans as the file counts them */
typedef struct
{
  char         *where;
  char         *id;
  GlossText    *text;
  GArray       *spans;
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
  g_free (line->meta);
  g_clear_pointer (&line->astral, g_array_unref);
  g_free (line);
}

/* Relations join spans, which Gloss does not keep */
static void
note_relations (GlossImporter *self,
                JsonObject    *object,
                const char    *where)
{
  JsonNode *node = json_object_get_member (object, "relations");
  JsonArray *relations;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return;

  relations = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (relations); i++)
    {
      g_autofree char *example = _gloss_dataset_dup_example (json_array_get_element (relations, i));

      _gloss_importer_note_dropped (self, GLOSS_DROPPED_RELATION, where, example);
    }
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
  if (!read_labels (self, object, spans, where))
    return;

  text = _gloss_dataset_text_new (self, contents, where);
  if (text == NULL)
    return;

  note_relations (self, object, where);

  line = g_new0 (Line, 1);
  line->where = g_strdup (where);
  line->id = g_steal_pointer (&id);
  line->text = g_steal_pointer (&text);
  line->spans = g_steal_pointer (&spans);
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

  _gloss_importer_add_spans (self, line->id, line->text, NULL, NULL, line->spans, NULL, g_steal_pointer (&line->meta),
                             line->where);
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
  .carries = GLOSS_DATASET_CARRIES_NONE,
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
    "with two labels appears twice |\n\n"
    "Create the doccano project as *Sequence Labeling* with *Allow overlapping spans* ticked: a sentence with two "
    "labels is two spans over the same text, and without that setting doccano's import keeps only one of them. "
    "Leave *Count grapheme clusters as one character* unticked: with it doccano counts offsets in grapheme "
    "clusters, so that every span after an emoji would be drawn off.\n\n"
    "Notes, annotators and the sentences without a label are not part of this format.\n",
  .read = doccano_read,
  .add = doccano_add,
  .end = doccano_end,
};
