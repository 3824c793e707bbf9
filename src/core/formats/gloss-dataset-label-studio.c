/* gloss-dataset-label-studio.c
 *
 * Label Studio's JSON task list (https://labelstud.io/guide/tasks).
 *
 * Writing: one task per document, the annotations as `labels` results of
 * one annotation (the `label` tag), notes as the regions' meta text. A
 * span is a region of the `span` tag (`s3`), or one region per part
 * (`s3`, `s3-2` …) joined by relations labelled `gloss:part`, as Label
 * Studio has no region in parts; its attributes are per-region `choices`
 * with the region's id; relations are `relation` results between the
 * spans' first regions, one per pair of spans with all its labels (Label
 * Studio keeps one relation a pair).
 *
 * Reading: Label Studio's JSON export (tasks with `data` and
 * `annotations[].result[]`) or its JSON-MIN export (one flat record per
 * annotation: the task's fields, the `labels` lists of
 * `{start, end, text, labels}` under their tags' names, `annotator`).
 * The text is the task field the labeling config's `<Text>` tag names,
 * when the config is given; else `text`, the default; else the only text
 * field, or the one every region's text matches. The `labels` regions of
 * the annotations are taken (or, for a task nobody annotated yet, of the
 * predictions: a model's pre-annotations), through the importer's path
 * for spans: a region is keyed by its result id, its per-region choices
 * (same id) are attributes, a per-region text area its note if it has
 * none, `relation` results relations (`gloss:part` ones join parts); a
 * region of the `span` tag says it is a span. Choices and text areas of
 * the whole task and other results are left out and counted. Annotators are kept
 * (`completed_by`, an id in current exports: "user 17"); when a task was
 * annotated by several, each annotator's annotations become a document
 * of their own in a folder per annotator (`user 17/task-3.txt`), as Gloss
 * keeps one copy of the corpus per annotator: a sentence holds one
 * annotation per label, and `gloss agree` compares copies.
 *
 * Label Studio counts code points now; before its fix for emoji it
 * counted JavaScript's UTF-16 units. A region whose `value.text` matches
 * only when its offsets are read as UTF-16 units is read so.
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
#include "gloss-label-set.h"
#include "gloss-label.h"
#include "gloss-problem.h"
#include "gloss-relation.h"
#include "gloss-span.h"
#include "gloss-text.h"

/* Writing ---------------------------------------------------------------- */

/* What the labeling config of the card needs, gathered over the export */
typedef struct
{
  GlossLabelSet *labels;            /* its relation labels: the union of the documents' */
  guint          n_relation_notes;  /* Label Studio's relations have no meta */
} Written;

static void
written_free (Written *written)
{
  g_clear_object (&written->labels);
  g_free (written);
}

static gboolean
label_studio_begin (GlossExporter  *self,
                    GError        **error)
{
  Written *written = g_new0 (Written, 1);

  written->labels = gloss_label_set_new ();
  _gloss_exporter_set_data (self, written, (GDestroyNotify)written_free);
  g_string_append_c (_gloss_exporter_get_buffer (self), '[');

  return TRUE;
}

/* The region of a span's part: `s3` for span 3's first part, `s3-2` for
 * its second; the ids are Gloss's own, so they survive a round trip */
static void
append_region_id (GString   *out,
                  GlossSpan *span,
                  guint      part)
{
  if (part == 0)
    g_string_append_printf (out, "\"s%u\"", gloss_span_get_id (span));
  else
    g_string_append_printf (out, "\"s%u-%u\"", gloss_span_get_id (span), part + 1);
}

/* `"value": {"start": …, "end": …, "text": …` of a part, left open */
static void
append_part_value (GString   *out,
                   GlossSpan *span,
                   guint      part)
{
  GlossRange range = gloss_span_get_part (span, part);

  g_string_append_printf (out, "\"value\": {\"start\": %u, \"end\": %u, \"text\": ", range.start, range.end);
  gloss_json_append_string (out, gloss_span_get_part_text (span, part));
}

static void
append_span (GString   *out,
             GlossSpan *span)
{
  const char *note = gloss_span_get_note (span);

  for (guint p = 0; p < gloss_span_get_n_parts (span); p++)
    {
      g_string_append (out, ", {\"id\": ");
      append_region_id (out, span, p);
      g_string_append (out, ", \"from_name\": \"span\", \"to_name\": \"text\", \"type\": \"labels\", ");
      append_part_value (out, span, p);
      g_string_append (out, ", \"labels\": [");
      gloss_json_append_string (out, gloss_span_get_label (span));
      g_string_append (out, "]}");
      if (p == 0 && note[0] != '\0')
        {
          g_string_append (out, ", \"meta\": {\"text\": [");
          gloss_json_append_string (out, note);
          g_string_append (out, "]}");
        }
      g_string_append_c (out, '}');
    }

  /* Per-region choices: the same id as the region they belong to */
  for (guint a = 0; a < gloss_span_get_n_attributes (span); a++)
    {
      g_string_append (out, ", {\"id\": ");
      append_region_id (out, span, 0);
      g_string_append (out, ", \"from_name\": ");
      gloss_json_append_string (out, gloss_span_get_attribute_name (span, a));
      g_string_append (out, ", \"to_name\": \"text\", \"type\": \"choices\", ");
      append_part_value (out, span, 0);
      g_string_append (out, ", \"choices\": [");
      gloss_json_append_string (out, gloss_span_get_attribute_value (span, a));
      g_string_append (out, "]}}");
    }
}

static void
append_relation (GString    *out,
                 GlossSpan  *from,
                 guint       from_part,
                 GlossSpan  *to,
                 guint       to_part,
                 GPtrArray  *labels)
{
  g_string_append (out, ", {\"from_id\": ");
  append_region_id (out, from, from_part);
  g_string_append (out, ", \"to_id\": ");
  append_region_id (out, to, to_part);
  g_string_append (out, ", \"type\": \"relation\", \"direction\": \"right\", \"labels\": [");
  for (guint i = 0; i < labels->len; i++)
    {
      g_string_append (out, i ? ", " : "");
      gloss_json_append_string (out, g_ptr_array_index (labels, i));
    }
  g_string_append (out, "]}");
}

static void
merge_relation_labels (GlossLabelSet *into,
                       GlossLabelSet *labels)
{
  GlossLabelSet *relation_labels = gloss_label_set_get_relation_labels (labels);

  for (guint i = 0; relation_labels != NULL && i < gloss_label_set_get_n_labels (relation_labels); i++)
    {
      GlossLabel *label = gloss_label_set_get_label (relation_labels, i);

      if (gloss_label_set_lookup (into, gloss_label_get_id (label)) == NULL)
        {
          g_autoptr(GlossLabel) copy = gloss_label_copy (label);

          gloss_label_set_insert (into, gloss_label_set_get_n_labels (into), copy);
        }
    }
}

static gboolean
label_studio_add (GlossExporter    *self,
                  GlossExportItem  *item,
                  GError          **error)
{
  GString *out = _gloss_exporter_get_buffer (self);
  Written *written = _gloss_exporter_get_data (self);

  merge_relation_labels (gloss_label_set_get_relation_labels (written->labels),
                         gloss_document_get_labels (item->document));

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

  if (item->spans->len > 0)
    {
      /* Each span after a ", ": the first comes without one */
      gsize mark = out->len;
      g_autoptr(GPtrArray) labels = g_ptr_array_new ();
      g_autoptr(GHashTable) by_id = g_hash_table_new (NULL, NULL);

      for (guint i = 0; i < item->spans->len; i++)
        {
          GlossSpan *span = g_ptr_array_index (item->spans, i);

          g_hash_table_insert (by_id, GUINT_TO_POINTER (gloss_span_get_id (span)), span);
          append_span (out, span);
        }
      if (item->annotations->len == 0)
        g_string_erase (out, mark, 2);

      /* Label Studio has no span in parts: its parts are regions of
       * their own, each joined to the next by a relation of Gloss's own */
      g_ptr_array_add (labels, (gpointer)GLOSS_DATASET_PART_LABEL);
      for (guint i = 0; i < item->spans->len; i++)
        {
          GlossSpan *span = g_ptr_array_index (item->spans, i);

          for (guint p = 1; p < gloss_span_get_n_parts (span); p++)
            append_relation (out, span, p - 1, span, p, labels);
        }

      /* Label Studio keeps one relation between two regions (in that
       * direction), with any number of labels: the relations of a pair
       * of spans are one, where the first of them is */
      {
        guint n = item->relations->len;
        g_autofree gint64 *pairs = g_new (gint64, MAX (n, 1));
        g_autoptr(GHashTable) first = g_hash_table_new (g_int64_hash, g_int64_equal);
        g_autofree guint *next = g_new (guint, MAX (n, 1));
        g_autofree guint *last = g_new (guint, MAX (n, 1));

        for (guint i = 0; i < n; i++)
          {
            GlossRelation *relation = g_ptr_array_index (item->relations, i);
            gpointer value;

            pairs[i] = (gint64)gloss_relation_get_from (relation) << 32 | gloss_relation_get_to (relation);
            next[i] = G_MAXUINT;
            last[i] = i;
            written->n_relation_notes += gloss_relation_get_note (relation)[0] != '\0';
            if (g_hash_table_lookup_extended (first, &pairs[i], NULL, &value))
              {
                guint head = GPOINTER_TO_UINT (value);

                next[last[head]] = i;
                last[head] = i;
              }
            else
              g_hash_table_insert (first, &pairs[i], GUINT_TO_POINTER (i));
          }

        for (guint i = 0; i < n; i++)
          {
            GlossRelation *relation = g_ptr_array_index (item->relations, i);

            if (GPOINTER_TO_UINT (g_hash_table_lookup (first, &pairs[i])) != i)
              continue;

            g_ptr_array_set_size (labels, 0);
            for (guint k = i; k != G_MAXUINT; k = next[k])
              g_ptr_array_add (labels, (gpointer)gloss_relation_get_label (g_ptr_array_index (item->relations, k)));
            append_relation (out, g_hash_table_lookup (by_id, GUINT_TO_POINTER (gloss_relation_get_from (relation))),
                             0, g_hash_table_lookup (by_id, GUINT_TO_POINTER (gloss_relation_get_to (relation))), 0,
                             labels);
          }
      }
    }

  g_string_append (out, "]}]}");

  return TRUE;
}

/* The labeling config for what was exported, on the card */
static char *
dup_label_config (const GlossExportStats *stats,
                  GlossLabelSet          *relation_labels)
{
  GString *out = g_string_new ("```xml\n<View>\n");
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint n = gloss_label_set_get_n_labels (stats->labels);

  for (guint scope = GLOSS_LABEL_SCOPE_SENTENCE; scope <= GLOSS_LABEL_SCOPE_SPAN; scope++)
    {
      gboolean any = FALSE;

      for (guint i = 0; i < n; i++)
        {
          GlossLabel *label = gloss_label_set_get_label (stats->labels, i);

          if (gloss_label_get_scope (label) != scope)
            continue;
          if (!any)
            g_string_append_printf (out, "  <Labels name=\"%s\" toName=\"text\">\n",
                                    scope == GLOSS_LABEL_SCOPE_SPAN ? "span" : "label");
          g_string_append_printf (out, "    <Label value=\"%s\"/>\n", gloss_label_get_id (label));
          any = TRUE;

          for (guint a = 0; a < gloss_label_get_n_attributes (label); a++)
            if (!g_ptr_array_find_with_equal_func (names, gloss_label_get_attribute_name (label, a), g_str_equal,
                                                   NULL))
              g_ptr_array_add (names, (gpointer)gloss_label_get_attribute_name (label, a));
        }
      if (any)
        g_string_append (out, "  </Labels>\n");
    }

  g_string_append (out, "  <Relations>\n");
  for (guint i = 0; i < gloss_label_set_get_n_labels (relation_labels); i++)
    g_string_append_printf (out, "    <Relation value=\"%s\"/>\n",
                            gloss_label_get_id (gloss_label_set_get_label (relation_labels, i)));
  g_string_append (out, "    <Relation value=\"" GLOSS_DATASET_PART_LABEL "\"/>\n  </Relations>\n");

  /* An attribute is a per-region choice, shown for the labels that
   * declare it, with every value any of them allows */
  for (guint k = 0; k < names->len; k++)
    {
      const char *name = g_ptr_array_index (names, k);
      g_autoptr(GPtrArray) values = g_ptr_array_new ();
      GString *when = g_string_new (NULL);

      for (guint i = 0; i < n; i++)
        {
          GlossLabel *label = gloss_label_set_get_label (stats->labels, i);
          int position = gloss_label_find_attribute (label, name);
          const char * const *allowed;

          if (position < 0)
            continue;
          g_string_append_printf (when, "%s%s", when->len ? "," : "", gloss_label_get_id (label));
          allowed = gloss_label_get_attribute_values (label, position);
          for (guint v = 0; allowed[v] != NULL; v++)
            if (!g_ptr_array_find_with_equal_func (values, allowed[v], g_str_equal, NULL))
              g_ptr_array_add (values, (gpointer)allowed[v]);
        }

      g_string_append_printf (out, "  <Choices name=\"%s\" toName=\"text\" perRegion=\"true\" "
                                   "whenLabelValue=\"%s\">\n", name, when->str);
      for (guint v = 0; v < values->len; v++)
        g_string_append_printf (out, "    <Choice value=\"%s\"/>\n", (const char *)g_ptr_array_index (values, v));
      g_string_append (out, "  </Choices>\n");
      g_string_free (when, TRUE);
    }

  g_string_append (out, "  <Text name=\"text\" value=\"$text\"/>\n</View>\n```");

  return g_string_free (out, FALSE);
}

static gboolean
label_studio_end (GlossExporter  *self,
                  GError        **error)
{
  const GlossExportStats *stats = _gloss_exporter_get_stats (self);
  Written *written = _gloss_exporter_get_data (self);
  GlossLabelSet *relation_labels = gloss_label_set_get_relation_labels (written->labels);
  gboolean spans = gloss_label_set_get_n_labels (relation_labels) > 0;

  g_string_append (_gloss_exporter_get_buffer (self), "\n]\n");

  for (guint i = 0; !spans && i < gloss_label_set_get_n_labels (stats->labels); i++)
    spans = gloss_label_get_scope (gloss_label_set_get_label (stats->labels, i)) == GLOSS_LABEL_SCOPE_SPAN;

  if (spans)
    {
      g_autofree char *config = dup_label_config (stats, relation_labels);
      g_autofree char *card_note = g_strdup_printf ("The labeling interface for the labels of this export "
                                                    "(*Settings → Labeling Interface → Code*):\n\n%s", config);

      _gloss_exporter_add_notice (self, NULL, card_note);
    }

  if (written->n_relation_notes > 0)
    {
      g_autofree char *notice = NULL;
      g_autofree char *card_note = NULL;

      notice = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%u relation has a note, which Label Studio’s relations have no "
                                             "place for",
                                             "%u relations have a note, which Label Studio’s relations have no "
                                             "place for",
                                             written->n_relation_notes),
                                written->n_relation_notes);
      card_note = g_strdup_printf ("**%u relation(s) have a note**, which is not in this export: Label Studio's "
                                   "relations have no place for one.", written->n_relation_notes);
      _gloss_exporter_add_notice (self, notice, card_note);
    }

  return TRUE;
}

/* Reading ---------------------------------------------------------------- */

/* The members of a JSON-MIN record that are the annotation's, not the
 * task's fields */
static const char * const min_members[] = {
  "id", "annotator", "annotation_id", "created_at", "updated_at", "lead_time", "agreement", NULL
};

/* A `<Text name="…" value="$key"/>` tag of the labeling config */
typedef struct
{
  char *name;
  char *key;
} TextTag;

static void
text_tag_free (TextTag *tag)
{
  g_free (tag->name);
  g_free (tag->key);
  g_free (tag);
}

static void
config_start_element (GMarkupParseContext  *context,
                      const char           *element_name,
                      const char          **attribute_names,
                      const char          **attribute_values,
                      gpointer              user_data,
                      GError              **error)
{
  GPtrArray *tags = user_data;
  const char *name = NULL, *value = NULL;

  if (g_ascii_strcasecmp (element_name, "Text") != 0)
    return;

  for (guint i = 0; attribute_names[i] != NULL; i++)
    {
      if (strcmp (attribute_names[i], "name") == 0)
        name = attribute_values[i];
      else if (strcmp (attribute_names[i], "value") == 0)
        value = attribute_values[i];
    }

  if (name != NULL && value != NULL && value[0] == '$' && value[1] != '\0')
    {
      TextTag *tag = g_new0 (TextTag, 1);

      tag->name = g_strdup (name);
      tag->key = g_strdup (value + 1);
      g_ptr_array_add (tags, tag);
    }
}

/* The Text tags of the labeling config, in order */
static GPtrArray *
parse_label_config (const char  *config,
                    const char  *name,
                    GError     **error)
{
  static const GMarkupParser parser = { config_start_element, NULL, NULL, NULL, NULL };
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func ((GDestroyNotify)text_tag_free);
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, tags, NULL);
  g_autoptr(GError) local_error = NULL;

  if (!g_markup_parse_context_parse (context, config, -1, &local_error) ||
      !g_markup_parse_context_end_parse (context, &local_error))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT,
                   _("The labeling config “%s” is not XML Gloss can read: %s"), name, local_error->message);
      return NULL;
    }

  if (tags->len == 0)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT,
                   _("The labeling config “%s” has no <Text> tag with a value such as “$text”"), name);
      return NULL;
    }

  return g_steal_pointer (&tags);
}

/* One annotation (or prediction) of a task */
typedef struct
{
  char       *annotator;  /* NULL: the importer's */
  char       *where;
  JsonArray  *results;    /* the JSON export's `result`, or NULL */
  JsonObject *record;     /* a JSON-MIN record, or NULL */
} Annotation;

static void
annotation_free (Annotation *annotation)
{
  g_free (annotation->annotator);
  g_free (annotation->where);
  g_free (annotation);
}

typedef struct
{
  char        *id;
  char        *where;
  JsonObject  *data;          /* the task's fields */
  gboolean     flat;          /* JSON-MIN: the fields are the record's */
  GPtrArray   *annotations;   /* Annotation */
} Task;

static void
task_free (Task *task)
{
  g_free (task->id);
  g_free (task->where);
  g_ptr_array_unref (task->annotations);
  g_free (task);
}

/* A labelled region, borrowed from the input but for its key and the
 * list of its attributes */
typedef struct
{
  guint        start;
  guint        end;
  const char  *text;        /* nullable */
  JsonArray   *labels;
  const char  *note;        /* nullable */
  const char  *to_name;     /* nullable */
  const char  *annotator;   /* nullable */
  char        *key;         /* nullable: "annotation/result id", unique in the task */
  gboolean     span_layer;  /* a region of Gloss's `span` tag */
  GPtrArray   *attributes;  /* nullable: name, value …, of per-region choices */
} Region;

static void
region_clear (Region *region)
{
  g_clear_pointer (&region->key, g_free);
  g_clear_pointer (&region->attributes, g_ptr_array_unref);
}

/* A relation between two regions, by their keys */
typedef struct
{
  char        *from;
  char        *to;
  JsonArray   *labels;      /* nullable */
  const char  *direction;   /* nullable */
  const char  *annotator;   /* nullable */
  char        *where;
} Link;

static void
link_clear (Link *link)
{
  g_free (link->from);
  g_free (link->to);
  g_free (link->where);
}

/* "user 17" for an id, as current exports give `completed_by`; an
 * expanded user by their e-mail address */
static char *
dup_annotator (JsonNode *node)
{
  if (node == NULL)
    return NULL;

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *user = json_node_get_object (node);
      const char *email = _gloss_dataset_get_string (user, "email");

      if (email != NULL && email[0] != '\0')
        return g_strdup (email);
      node = json_object_get_member (user, "id");
      if (node == NULL)
        return NULL;
    }

  if (!JSON_NODE_HOLDS_VALUE (node))
    return NULL;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return g_strdup_printf ("user %" G_GINT64_FORMAT, json_node_get_int (node));
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));

  return NULL;
}

static gboolean
is_true (JsonObject *object,
         const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN &&
         json_node_get_boolean (node);
}

static gboolean
has_results (JsonObject *annotation)
{
  JsonNode *node = json_object_get_member (annotation, "result");

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) && json_array_get_length (json_node_get_array (node)) > 0;
}

static void
note_each (GlossImporter    *self,
           GlossDroppedKind  kind,
           JsonArray        *list,
           const char       *where,
           const char       *name)
{
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonNode *node = json_array_get_element (list, i);
      g_autofree char *at = NULL;
      g_autofree char *example = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node) || !has_results (json_node_get_object (node)))
        continue;

      at = g_strdup_printf ("%s.%s[%u]", where, name, i);
      example = _gloss_dataset_dup_example (node);
      _gloss_importer_note_dropped (self, kind, at, example);
    }
}

static JsonArray *
get_array (JsonObject *object,
           const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* The annotations of a task of the JSON export: the people's, else a
 * model's predictions; an annotation someone skipped counts for none */
static void
read_annotations (GlossImporter *self,
                  Task          *task,
                  JsonObject    *object)
{
  static const char * const lists[] = { "annotations", "completions" };
  JsonArray *predictions = get_array (object, "predictions");
  JsonArray *drafts = get_array (object, "drafts");
  gboolean found = FALSE;

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      JsonArray *array = get_array (object, lists[l]);

      for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          g_autofree char *where = g_strdup_printf ("%s.%s[%u]", task->where, lists[l], i);
          JsonObject *annotation;
          JsonArray *results;
          Annotation *taken;

          if (!JSON_NODE_HOLDS_OBJECT (element))
            continue;
          annotation = json_node_get_object (element);

          if (is_true (annotation, "was_cancelled") || is_true (annotation, "skipped"))
            {
              if (has_results (annotation))
                {
                  g_autofree char *example = _gloss_dataset_dup_example (element);

                  _gloss_importer_note_dropped (self, GLOSS_DROPPED_SKIPPED, where, example);
                }
              continue;
            }

          results = get_array (annotation, "result");
          if (results == NULL)
            continue;

          taken = g_new0 (Annotation, 1);
          taken->annotator = dup_annotator (json_object_get_member (annotation, "completed_by"));
          taken->where = g_steal_pointer (&where);
          taken->results = results;
          g_ptr_array_add (task->annotations, taken);
          found = TRUE;
        }

      if (found)
        break;
    }

  if (drafts != NULL)
    note_each (self, GLOSS_DROPPED_SKIPPED, drafts, task->where, "drafts");

  if (predictions == NULL)
    return;

  if (found)
    {
      note_each (self, GLOSS_DROPPED_PREDICTION, predictions, task->where, "predictions");
      return;
    }

  for (guint i = 0; i < json_array_get_length (predictions); i++)
    {
      JsonNode *element = json_array_get_element (predictions, i);
      JsonArray *results;
      Annotation *taken;

      if (!JSON_NODE_HOLDS_OBJECT (element) || (results = get_array (json_node_get_object (element), "result")) == NULL)
        continue;

      taken = g_new0 (Annotation, 1);
      taken->where = g_strdup_printf ("%s.predictions[%u]", task->where, i);
      taken->results = results;
      g_ptr_array_add (task->annotations, taken);
    }
}

/* A JSON-MIN list of regions: objects with `start`, `end` and `labels` */
static gboolean
is_region_list (JsonNode *node)
{
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;

  array = json_node_get_array (node);
  if (json_array_get_length (array) == 0)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *object;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return FALSE;
      object = json_node_get_object (element);
      if (!json_object_has_member (object, "start") || !json_object_has_member (object, "end") ||
          get_array (object, "labels") == NULL)
        return FALSE;
    }

  return TRUE;
}

/* A note is the region's meta text, where Label Studio keeps what an
 * annotator wrote on a region */
static const char *
get_note (JsonObject *result)
{
  JsonNode *meta = json_object_get_member (result, "meta");
  JsonArray *texts;
  JsonNode *first;

  if (meta == NULL || !JSON_NODE_HOLDS_OBJECT (meta))
    return NULL;
  texts = get_array (json_node_get_object (meta), "text");
  if (texts == NULL || json_array_get_length (texts) == 0)
    return NULL;
  first = json_array_get_element (texts, 0);

  return JSON_NODE_HOLDS_VALUE (first) && json_node_get_value_type (first) == G_TYPE_STRING
         ? json_node_get_string (first) : NULL;
}

static gboolean
add_region (GlossImporter *self,
            GArray        *regions,
            JsonObject    *value,
            const char    *note,
            const char    *to_name,
            const char    *annotator,
            char          *key,
            const char    *where)
{
  Region region = { .key = key };

  if (!_gloss_dataset_get_offset (json_object_get_member (value, "start"), &region.start) ||
      !_gloss_dataset_get_offset (json_object_get_member (value, "end"), &region.end))
    {
      _gloss_importer_problem (self, where, _("A region has no whole-number “start” and “end”"));
      g_free (key);
      return FALSE;
    }

  region.text = _gloss_dataset_get_string (value, "text");
  region.labels = get_array (value, "labels");
  region.note = note;
  region.to_name = to_name;
  region.annotator = annotator;
  g_array_append_val (regions, region);

  return TRUE;
}

/* The results Gloss has no place for are noted by kind */
static GlossDroppedKind
result_kind (JsonObject *result)
{
  const char *type = _gloss_dataset_get_string (result, "type");

  if (g_strcmp0 (type, "relation") == 0)
    return GLOSS_DROPPED_RELATION;
  if (g_strcmp0 (type, "choices") == 0)
    return GLOSS_DROPPED_CHOICE;
  if (g_strcmp0 (type, "textarea") == 0)
    return GLOSS_DROPPED_TEXT_AREA;

  return GLOSS_DROPPED_OTHER;
}

static void
note_result_dropped (GlossImporter *self,
                     Annotation    *annotation,
                     guint          i)
{
  JsonNode *node = json_array_get_element (annotation->results, i);
  g_autofree char *where = g_strdup_printf ("%s.result[%u]", annotation->where, i);
  g_autofree char *example = _gloss_dataset_dup_example (node);

  _gloss_importer_note_dropped (self, result_kind (json_node_get_object (node)), where, example);
}

static const char *
get_first_string (JsonArray *array)
{
  JsonNode *first;

  if (array == NULL || json_array_get_length (array) == 0)
    return NULL;
  first = json_array_get_element (array, 0);

  return JSON_NODE_HOLDS_VALUE (first) && json_node_get_value_type (first) == G_TYPE_STRING
         ? json_node_get_string (first) : NULL;
}

/* A result that belongs to a labelled region: per-region choices (an
 * attribute of the span) or a per-region text area (its note, when it has
 * none). Anything else of the kind is noted as dropped. */
static void
attach_to_region (GlossImporter *self,
                  Annotation    *annotation,
                  guint          i,
                  Region        *region)
{
  JsonObject *result = json_array_get_object_element (annotation->results, i);
  const char *type = _gloss_dataset_get_string (result, "type");
  const char *name = _gloss_dataset_get_string (result, "from_name");
  JsonNode *value = json_object_get_member (result, "value");
  JsonArray *values;
  const char *first;

  if (region == NULL || name == NULL || value == NULL || !JSON_NODE_HOLDS_OBJECT (value))
    {
      note_result_dropped (self, annotation, i);
      return;
    }

  if (g_strcmp0 (type, "textarea") == 0)
    {
      first = get_first_string (get_array (json_node_get_object (value), "text"));
      if (first == NULL || region->note != NULL)
        {
          note_result_dropped (self, annotation, i);
          return;
        }
      region->note = first;
      return;
    }

  values = get_array (json_node_get_object (value), "choices");
  first = get_first_string (values);
  if (first == NULL)
    {
      note_result_dropped (self, annotation, i);
      return;
    }

  /* An attribute has one value: the others are said */
  if (json_array_get_length (values) > 1)
    {
      g_autofree char *where = g_strdup_printf ("%s.result[%u]", annotation->where, i);
      g_autofree char *example = _gloss_dataset_dup_example (json_object_get_member (result, "value"));

      _gloss_importer_note_dropped (self, GLOSS_DROPPED_CHOICE, where, example);
    }

  if (region->attributes == NULL)
    region->attributes = g_ptr_array_new ();
  g_ptr_array_add (region->attributes, (gpointer)name);
  g_ptr_array_add (region->attributes, (gpointer)first);
}

/* The regions of one annotation of the JSON export, and what refers to
 * them: relations, and per-region choices and text areas by the region's
 * id. Its ids are made keys unique in the task ("2/wGx2Jd5Wq0"), as the
 * annotations of a task may use the same ones. */
static gboolean
collect_results (GlossImporter *self,
                 Task          *task,
                 guint          a,
                 GArray        *regions,
                 GArray        *links)
{
  Annotation *annotation = g_ptr_array_index (task->annotations, a);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = json_array_get_length (annotation->results);
  g_autofree gboolean *taken = g_new0 (gboolean, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (annotation->results, i);
      JsonObject *result;
      JsonNode *value;
      const char *id;
      char *key = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      result = json_node_get_object (node);
      value = json_object_get_member (result, "value");
      if (value == NULL || !JSON_NODE_HOLDS_OBJECT (value) || get_array (json_node_get_object (value), "labels") == NULL)
        continue;

      id = _gloss_dataset_get_string (result, "id");
      if (id != NULL && !g_hash_table_contains (by_id, id))
        {
          key = g_strdup_printf ("%u/%s", a, id);
          g_hash_table_insert (by_id, (gpointer)id, GUINT_TO_POINTER (regions->len + 1));
        }
      if (!add_region (self, regions, json_node_get_object (value), get_note (result),
                       _gloss_dataset_get_string (result, "to_name"), annotation->annotator, key, task->where))
        return FALSE;
      g_array_index (regions, Region, regions->len - 1).span_layer =
        g_strcmp0 (_gloss_dataset_get_string (result, "from_name"), "span") == 0;
      taken[i] = TRUE;
    }

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (annotation->results, i);
      JsonObject *result;
      const char *type;
      const char *id;

      if (taken[i] || !JSON_NODE_HOLDS_OBJECT (node))
        continue;
      result = json_node_get_object (node);
      type = _gloss_dataset_get_string (result, "type");
      id = _gloss_dataset_get_string (result, "id");

      if (g_strcmp0 (type, "relation") == 0 && _gloss_dataset_get_string (result, "from_id") != NULL &&
          _gloss_dataset_get_string (result, "to_id") != NULL)
        {
          Link link = { 0 };

          link.from = g_strdup_printf ("%u/%s", a, _gloss_dataset_get_string (result, "from_id"));
          link.to = g_strdup_printf ("%u/%s", a, _gloss_dataset_get_string (result, "to_id"));
          link.labels = get_array (result, "labels");
          link.direction = _gloss_dataset_get_string (result, "direction");
          link.annotator = annotation->annotator;
          link.where = g_strdup_printf ("%s.result[%u]", annotation->where, i);
          g_array_append_val (links, link);
        }
      else if ((g_strcmp0 (type, "choices") == 0 || g_strcmp0 (type, "textarea") == 0) && id != NULL &&
               g_hash_table_contains (by_id, id))
        {
          guint index = GPOINTER_TO_UINT (g_hash_table_lookup (by_id, id)) - 1;

          attach_to_region (self, annotation, i, &g_array_index (regions, Region, index));
        }
      else
        note_result_dropped (self, annotation, i);
    }

  return TRUE;
}

/* Every labelled region of the task's annotations, in order, and the
 * relations between them */
static gboolean
collect_regions (GlossImporter *self,
                 Task          *task,
                 GArray        *regions,
                 GArray        *links)
{
  for (guint a = 0; a < task->annotations->len; a++)
    {
      Annotation *annotation = g_ptr_array_index (task->annotations, a);

      if (annotation->record != NULL)
        {
          g_autoptr(GList) members = json_object_get_members (annotation->record);

          for (GList *l = members; l != NULL; l = l->next)
            {
              JsonNode *node = json_object_get_member (annotation->record, l->data);
              JsonArray *list;

              if (!is_region_list (node))
                continue;

              list = json_node_get_array (node);
              for (guint i = 0; i < json_array_get_length (list); i++)
                {
                  if (!add_region (self, regions, json_array_get_object_element (list, i), NULL, l->data,
                                   annotation->annotator, NULL, task->where))
                    return FALSE;
                  g_array_index (regions, Region, regions->len - 1).span_layer = strcmp (l->data, "span") == 0;
                }
            }
          continue;
        }

      if (!collect_results (self, task, a, regions, links))
        return FALSE;
    }

  return TRUE;
}

/* Whether the text of every region that quotes its text is at its
 * offsets, read either way */
static gboolean
regions_match (GlossText *text,
               GArray    *regions)
{
  guint length = gloss_text_get_length (text);
  g_autoptr(GArray) astral = _gloss_dataset_find_astral (text);
  gboolean any = FALSE;

  for (guint i = 0; i < regions->len; i++)
    {
      Region *region = &g_array_index (regions, Region, i);
      guint s, e;

      if (region->text == NULL)
        continue;

      any = TRUE;
      if (region->end <= length && region->start < region->end &&
          gloss_text_slice_equals (text, region->start, region->end, region->text))
        continue;

      s = _gloss_dataset_from_utf16 (text, astral, region->start);
      e = _gloss_dataset_from_utf16 (text, astral, region->end);
      if (s == G_MAXUINT || e == G_MAXUINT || s >= e || !gloss_text_slice_equals (text, s, e, region->text))
        return FALSE;
    }

  return any;
}

static char *
list_keys (JsonObject *data)
{
  g_autoptr(GList) members = json_object_get_members (data);
  GString *out = g_string_new (NULL);

  for (GList *l = members; l != NULL; l = l->next)
    {
      g_autofree char *shown = gloss_problem_shorten (l->data);

      g_string_append_printf (out, "%s“%s”", out->len ? ", " : "", shown);
    }

  return g_string_free (out, FALSE);
}

/* Whether @member of the task is one of its fields, not Label Studio's
 * or Gloss's own */
static gboolean
is_field (Task       *task,
          const char *member)
{
  static const char * const gloss_members[] = { "document", "language", NULL };

  if (g_strv_contains (gloss_members, member))
    return FALSE;
  if (task->flat && (g_strv_contains (min_members, member) ||
                     is_region_list (json_object_get_member (task->data, member))))
    return FALSE;

  return TRUE;
}

/* The task field that holds the text, or NULL with a problem */
static const char *
choose_text_key (GlossImporter *self,
                 Task          *task,
                 GPtrArray     *tags,
                 GArray        *regions,
                 const char    *config_name)
{
  g_autoptr(GPtrArray) candidates = g_ptr_array_new ();
  g_autoptr(GList) members = NULL;
  const char *key = NULL;

  if (tags != NULL)
    {
      /* The tag the regions name, else the only one, else the first the
       * task has */
      for (guint i = 0; key == NULL && i < regions->len; i++)
        for (guint t = 0; key == NULL && t < tags->len; t++)
          if (g_strcmp0 (g_array_index (regions, Region, i).to_name, ((TextTag *)g_ptr_array_index (tags, t))->name) == 0)
            key = ((TextTag *)g_ptr_array_index (tags, t))->key;
      for (guint t = 0; key == NULL && t < tags->len; t++)
        if (_gloss_dataset_get_string (task->data, ((TextTag *)g_ptr_array_index (tags, t))->key))
          key = ((TextTag *)g_ptr_array_index (tags, t))->key;
      if (key == NULL)
        key = ((TextTag *)g_ptr_array_index (tags, 0))->key;

      if (_gloss_dataset_get_string (task->data, key) == NULL)
        {
          g_autofree char *keys = list_keys (task->data);

          _gloss_importer_problem (self, task->where,
                                   _("The labeling config “%s” shows the text of “$%s”, but the task has no such "
                                     "text; its fields: %s"),
                                   config_name, key, keys);
          return NULL;
        }
      return key;
    }

  /* Label Studio's default config shows `$text` */
  if (_gloss_dataset_get_string (task->data, "text") != NULL)
    return "text";

  members = json_object_get_members (task->data);
  for (GList *l = members; l != NULL; l = l->next)
    if (_gloss_dataset_get_string (task->data, l->data) != NULL && is_field (task, l->data))
      g_ptr_array_add (candidates, l->data);

  if (candidates->len == 1)
    return g_ptr_array_index (candidates, 0);

  /* Several: the one whose text the regions quote */
  if (candidates->len > 1)
    {
      for (guint i = 0; i < candidates->len; i++)
        {
          g_autoptr(GlossText) text = gloss_text_new (_gloss_dataset_get_string (task->data,
                                                                                 g_ptr_array_index (candidates, i)),
                                                      -1, NULL);

          if (text != NULL && regions_match (text, regions))
            {
              if (key != NULL)
                {
                  key = NULL;
                  break;
                }
              key = g_ptr_array_index (candidates, i);
            }
        }
      if (key != NULL)
        return key;
    }

  {
    g_autofree char *keys = list_keys (task->data);

    if (candidates->len == 0)
      _gloss_importer_problem (self, task->where, _("The task has no text field; its fields: %s"), keys);
    else
      _gloss_importer_problem (self, task->where,
                               _("The task has several text fields and none called “text”: %s; give the project’s "
                                 "labeling config (--label-config) to say which one was annotated"),
                               keys);
  }

  return NULL;
}

static gboolean
is_annotators (GlossImporter *self,
               const char    *annotator,
               const char    *of)
{
  return annotator == NULL || strcmp (annotator, of != NULL ? of : _gloss_importer_get_annotator (self)) == 0;
}

static gboolean
has_label (JsonArray  *labels,
           const char *label)
{
  for (guint i = 0; labels != NULL && i < json_array_get_length (labels); i++)
    {
      JsonNode *node = json_array_get_element (labels, i);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING &&
          strcmp (json_node_get_string (node), label) == 0)
        return TRUE;
    }

  return FALSE;
}

/* Reads the offsets of @region as code points, or as UTF-16 units where
 * only that reading gives the region's text */
static gboolean
fix_offsets (GlossImporter  *self,
             GlossText      *text,
             GArray        **astral,
             Region         *region,
             const char     *where)
{
  guint start = region->start, end = region->end;
  guint s, e;

  if (region->text == NULL ||
      (end <= gloss_text_get_length (text) && start < end && gloss_text_slice_equals (text, start, end, region->text)))
    return TRUE;

  if (*astral == NULL)
    *astral = _gloss_dataset_find_astral (text);
  s = _gloss_dataset_from_utf16 (text, *astral, start);
  e = _gloss_dataset_from_utf16 (text, *astral, end);

  if (s == G_MAXUINT || e == G_MAXUINT || s >= e || !gloss_text_slice_equals (text, s, e, region->text))
    {
      g_autofree char *shown = gloss_problem_shorten (region->text);

      _gloss_importer_problem (self, where, _("The region [%u, %u) does not hold its text “%s”"),
                               start, end, shown);
      return FALSE;
    }

  _gloss_importer_warning (self, where,
                           _("The region [%u, %u) counts UTF-16 units (an older Label Studio); "
                             "read as [%u, %u)"),
                           start, end, s, e);
  region->start = s;
  region->end = e;

  return TRUE;
}

/* The span of the regions @members (a region and those joined to it as
 * its parts), one for each of its labels */
static void
add_span (GlossImporter *self,
          GArray        *regions,
          const guint   *members,
          guint          n_members,
          GArray        *spans,
          const char    *where)
{
  Region *first = &g_array_index (regions, Region, members[0]);
  g_autoptr(GArray) parts = g_array_sized_new (FALSE, FALSE, sizeof (GlossRange), n_members);
  const char *note = NULL;
  gboolean span_layer = FALSE;

  for (guint m = 0; m < n_members; m++)
    {
      Region *region = &g_array_index (regions, Region, members[m]);
      GlossRange range = { region->start, region->end };

      /* Parts of one span have its one label */
      if (m > 0 && (json_array_get_length (region->labels) != 1 || json_array_get_length (first->labels) != 1 ||
                    !has_label (region->labels, get_first_string (first->labels))))
        {
          _gloss_importer_problem (self, where, _("The regions [%u, %u) and [%u, %u), joined as parts of one span "
                                                  "(“%s”), do not have the same one label"),
                                   first->start, first->end, region->start, region->end, GLOSS_DATASET_PART_LABEL);
          return;
        }
      g_array_append_val (parts, range);
      if (note == NULL)
        note = region->note;
      span_layer |= region->span_layer;
    }

  for (guint k = 0; k < json_array_get_length (first->labels); k++)
    {
      JsonNode *label = json_array_get_element (first->labels, k);
      GlossImportSpan *span;

      if (!JSON_NODE_HOLDS_VALUE (label) || json_node_get_value_type (label) != G_TYPE_STRING)
        continue;

      /* A relation joins the region's first label */
      span = _gloss_dataset_spans_add_full (spans, (GlossRange *)parts->data, parts->len, json_node_get_string (label),
                                            note, first->annotator, k == 0 ? first->key : NULL);
      span->span_layer = span_layer;
      for (guint m = 0; m < n_members; m++)
        {
          Region *region = &g_array_index (regions, Region, members[m]);

          for (guint i = 0; region->attributes != NULL && i + 1 < region->attributes->len; i += 2)
            _gloss_import_span_add_attribute (span, g_ptr_array_index (region->attributes, i),
                                              g_ptr_array_index (region->attributes, i + 1));
        }
    }
}

/* The key of the span the region @key names is a part of, or NULL with
 * the relation noted as dropped (its region is not a labelled region of
 * this text) */
static const char *
lookup_span_key (GlossImporter *self,
                 GArray        *regions,
                 GHashTable    *by_key,
                 guint         *roots,
                 Link          *link,
                 const char    *key)
{
  gpointer value;

  if (!g_hash_table_lookup_extended (by_key, key, NULL, &value))
    {
      g_autofree char *example = g_strdup_printf ("%s → %s", strchr (link->from, '/') + 1,
                                                  strchr (link->to, '/') + 1);

      _gloss_importer_note_dropped (self, GLOSS_DROPPED_RELATION, link->where, example);
      return NULL;
    }

  return g_array_index (regions, Region, _gloss_dataset_groups_find (roots, GPOINTER_TO_UINT (value))).key;
}

/* The spans of the regions of one annotator (@annotator NULL: of all),
 * their offsets read as code points, or as UTF-16 units where only that
 * reading gives the region's text; regions joined by `gloss:part`
 * relations are the parts of one span; the other relations join spans */
static gboolean
add_spans_of (GlossImporter *self,
              GlossText     *text,
              GArray        *regions,
              GArray        *links,
              const char    *annotator,
              GArray        *spans,
              GArray        *relations,
              const char    *where)
{
  g_autoptr(GArray) astral = NULL;
  g_autoptr(GHashTable) by_key = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree guint *members = NULL;
  g_autofree guint *roots = _gloss_dataset_groups_new (regions->len);

  for (guint i = 0; i < regions->len; i++)
    {
      Region *region = &g_array_index (regions, Region, i);

      if (!is_annotators (self, annotator, region->annotator))
        continue;
      if (!fix_offsets (self, text, &astral, region, where))
        return FALSE;
      if (region->key != NULL)
        g_hash_table_insert (by_key, region->key, GUINT_TO_POINTER (i));
    }

  /* Label Studio has no region in parts: Gloss joins them by relations */
  for (guint i = 0; i < links->len; i++)
    {
      Link *link = &g_array_index (links, Link, i);
      gpointer from, to;

      if (!is_annotators (self, annotator, link->annotator) || !has_label (link->labels, GLOSS_DATASET_PART_LABEL))
        continue;
      if (!g_hash_table_lookup_extended (by_key, link->from, NULL, &from) ||
          !g_hash_table_lookup_extended (by_key, link->to, NULL, &to))
        {
          _gloss_importer_problem (self, link->where, _("A relation “%s” joins a region that is not a labelled "
                                                        "region of the text"),
                                   GLOSS_DATASET_PART_LABEL);
          return FALSE;
        }
      _gloss_dataset_groups_join (roots, GPOINTER_TO_UINT (from), GPOINTER_TO_UINT (to));
    }

  /* A region and those joined to it, each run of the list a span */
  members = _gloss_dataset_groups_list (roots, regions->len);
  for (guint k = 0, end; k < regions->len; k = end)
    {
      for (end = k + 1; end < regions->len && _gloss_dataset_groups_find (roots, members[end]) == members[k]; end++)
        ;
      if (is_annotators (self, annotator, g_array_index (regions, Region, members[k]).annotator))
        add_span (self, regions, members + k, end - k, spans, where);
    }

  for (guint i = 0; i < links->len; i++)
    {
      Link *link = &g_array_index (links, Link, i);
      const char *from, *to;
      guint n_labels = 0;

      if (!is_annotators (self, annotator, link->annotator))
        continue;

      for (guint k = 0; link->labels != NULL && k < json_array_get_length (link->labels); k++)
        {
          JsonNode *node = json_array_get_element (link->labels, k);
          const char *label;

          if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
              strcmp (json_node_get_string (node), GLOSS_DATASET_PART_LABEL) == 0)
            continue;
          label = json_node_get_string (node);
          n_labels++;

          if ((from = lookup_span_key (self, regions, by_key, roots, link, link->from)) == NULL ||
              (to = lookup_span_key (self, regions, by_key, roots, link, link->to)) == NULL)
            break;

          /* Gloss's relations go one way */
          if (g_strcmp0 (link->direction, "left") == 0)
            {
              const char *swap = from;

              from = to;
              to = swap;
            }
          else if (g_strcmp0 (link->direction, "bi") == 0)
            _gloss_importer_warning (self, link->where, _("The relation “%s” goes both ways; it was read as going "
                                                          "from “from_id” to “to_id”"),
                                     label);

          _gloss_dataset_relations_add (relations, label, from, to, NULL, link->annotator);
        }

      /* A relation without a label has no place in Gloss */
      if (n_labels == 0 && !has_label (link->labels, GLOSS_DATASET_PART_LABEL))
        {
          g_autofree char *example = g_strdup_printf ("%s → %s", strchr (link->from, '/') + 1,
                                                      strchr (link->to, '/') + 1);

          _gloss_importer_note_dropped (self, GLOSS_DROPPED_RELATION, link->where, example);
        }
    }

  return TRUE;
}

/* An annotator's name as a folder: no “/”, not hidden */
static char *
dup_folder_name (const char *annotator)
{
  GString *out = g_string_new (annotator != NULL && annotator[0] != '\0' ? annotator : "unnamed");

  g_strdelimit (out->str, "/\\", '_');
  if (out->str[0] == '.')
    out->str[0] = '_';

  return g_string_free (out, FALSE);
}

static char *
dup_meta (Task       *task,
          const char *key)
{
  g_autoptr(GPtrArray) skip = g_ptr_array_new ();
  g_autoptr(GList) members = json_object_get_members (task->data);

  g_ptr_array_add (skip, (gpointer)key);
  for (GList *l = members; l != NULL; l = l->next)
    if (!is_field (task, l->data))
      g_ptr_array_add (skip, l->data);
  g_ptr_array_add (skip, NULL);

  return _gloss_dataset_dup_meta (task->data, (const char * const *)skip->pdata);
}

static void
import_task (GlossImporter *self,
             Task          *task,
             GPtrArray     *tags,
             const char    *config_name,
             gboolean       by_annotator)
{
  g_autoptr(GArray) regions = g_array_new (FALSE, TRUE, sizeof (Region));
  g_autoptr(GArray) links = g_array_new (FALSE, TRUE, sizeof (Link));
  g_autoptr(GPtrArray) annotators = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GlossText) text = NULL;
  const char *key;

  g_array_set_clear_func (regions, (GDestroyNotify)region_clear);
  g_array_set_clear_func (links, (GDestroyNotify)link_clear);
  if (!collect_regions (self, task, regions, links))
    return;

  key = choose_text_key (self, task, tags, regions, config_name);
  if (key == NULL)
    return;

  /* Regions on another text of the task, which the config shows too */
  if (tags != NULL)
    {
      for (guint i = 0; i < regions->len; i++)
        {
          Region *region = &g_array_index (regions, Region, i);

          for (guint t = 0; t < tags->len; t++)
            {
              TextTag *tag = g_ptr_array_index (tags, t);

              if (g_strcmp0 (region->to_name, tag->name) == 0 && strcmp (tag->key, key) != 0)
                {
                  g_autofree char *example = g_strdup_printf ("%s [%u, %u)", tag->name, region->start, region->end);

                  _gloss_importer_note_dropped (self, GLOSS_DROPPED_OTHER, task->where, example);
                  g_array_remove_index (regions, i--);
                  break;
                }
            }
        }
    }

  text = _gloss_dataset_text_new (self, _gloss_dataset_get_string (task->data, key), task->where);
  if (text == NULL)
    return;

  if (by_annotator)
    for (guint a = 0; a < task->annotations->len; a++)
      {
        Annotation *annotation = g_ptr_array_index (task->annotations, a);
        const char *name = annotation->annotator ? annotation->annotator : _gloss_importer_get_annotator (self);

        if (!g_ptr_array_find_with_equal_func (annotators, name, g_str_equal, NULL))
          g_ptr_array_add (annotators, g_strdup (name));
      }

  /* One document per annotator, in a folder of theirs; or one */
  for (guint a = 0; a < MAX (annotators->len, 1); a++)
    {
      g_autoptr(GArray) spans = _gloss_dataset_spans_new ();
      g_autoptr(GArray) relations = _gloss_dataset_relations_new ();
      g_autofree char *id = NULL;
      const char *annotator = NULL;

      if (annotators->len > 0)
        {
          g_autofree char *folder = NULL;

          annotator = g_ptr_array_index (annotators, a);
          folder = dup_folder_name (annotator);
          id = g_strdup_printf ("%s/%s", folder, task->id);
        }
      else
        id = g_strdup (task->id);

      if (!add_spans_of (self, text, regions, links, annotator, spans, relations, task->where))
        return;

      _gloss_importer_add_spans (self, id, text, _gloss_dataset_get_string (task->data, "language"), NULL, spans,
                                 relations, dup_meta (task, key), task->where);
    }
}

/* Whether any task was annotated by more than one annotator */
static gboolean
has_several_annotators (GlossImporter *self,
                        GPtrArray     *tasks)
{
  for (guint i = 0; i < tasks->len; i++)
    {
      Task *task = g_ptr_array_index (tasks, i);
      const char *first = NULL;

      for (guint a = 0; a < task->annotations->len; a++)
        {
          Annotation *annotation = g_ptr_array_index (task->annotations, a);
          const char *name = annotation->annotator ? annotation->annotator : _gloss_importer_get_annotator (self);

          if (first == NULL)
            first = name;
          else if (strcmp (first, name) != 0)
            return TRUE;
        }
    }

  return FALSE;
}

static char *
dup_task_id (JsonObject *data,
             JsonNode   *id_node,
             guint       position)
{
  g_autofree char *task_id = NULL;
  const char *document = _gloss_dataset_get_string (data, "document");

  /* Gloss's own export names the document */
  if (document != NULL)
    return g_strdup (document);

  task_id = _gloss_dataset_dup_id (id_node);

  return task_id ? g_strdup_printf ("task-%s", task_id) : g_strdup_printf ("task-%05u", position + 1);
}

static gboolean
label_studio_read (GlossImporter  *self,
                   GFile          *input,
                   GCancellable   *cancellable,
                   GError        **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) tasks = g_ptr_array_new_with_free_func ((GDestroyNotify)task_free);
  g_autoptr(GHashTable) flat_tasks = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) tags = NULL;
  const char *config_name = NULL;
  const char *config = _gloss_importer_get_label_config (self, &config_name);
  gboolean by_annotator;
  JsonArray *array;

  if (config != NULL && (tags = parse_label_config (config, config_name, error)) == NULL)
    return FALSE;

  root = _gloss_dataset_load_json (input, cancellable, error);
  if (root == NULL)
    return FALSE;

  if (!JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_JSON,
                   _("A Label Studio export is a JSON list of tasks, not %s"), gloss_json_type_name (root));
      return FALSE;
    }

  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *where = g_strdup_printf ("$[%u]", i);
      JsonNode *node = json_array_get_element (array, i);
      JsonNode *data;
      JsonObject *object;
      Task *task;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          _gloss_importer_problem (self, where, _("A task must be an object, not %s"), gloss_json_type_name (node));
          continue;
        }

      object = json_node_get_object (node);
      data = json_object_get_member (object, "data");

      if (data != NULL && JSON_NODE_HOLDS_OBJECT (data))
        {
          task = g_new0 (Task, 1);
          task->data = json_node_get_object (data);
          task->id = dup_task_id (task->data, json_object_get_member (object, "id"), i);
          task->where = g_steal_pointer (&where);
          task->annotations = g_ptr_array_new_with_free_func ((GDestroyNotify)annotation_free);
          read_annotations (self, task, object);
          g_ptr_array_add (tasks, task);
          continue;
        }

      if (json_object_has_member (object, "annotations") || json_object_has_member (object, "predictions") ||
          (data != NULL && !JSON_NODE_HOLDS_OBJECT (data)))
        {
          _gloss_importer_problem (self, where, _("The task has no “data” object"));
          continue;
        }

      /* JSON-MIN: a record per annotation, the task's fields beside it;
       * the records of one task are one task */
      {
        g_autofree char *id = dup_task_id (object, json_object_get_member (object, "id"), i);
        Annotation *annotation = g_new0 (Annotation, 1);

        task = g_hash_table_lookup (flat_tasks, id);
        if (task == NULL)
          {
            task = g_new0 (Task, 1);
            task->data = object;
            task->flat = TRUE;
            task->id = g_steal_pointer (&id);
            task->where = g_strdup (where);
            task->annotations = g_ptr_array_new_with_free_func ((GDestroyNotify)annotation_free);
            g_ptr_array_add (tasks, task);
            g_hash_table_insert (flat_tasks, task->id, task);
          }

        annotation->annotator = dup_annotator (json_object_get_member (object, "annotator"));
        annotation->where = g_steal_pointer (&where);
        annotation->record = object;
        g_ptr_array_add (task->annotations, annotation);
      }
    }

  by_annotator = has_several_annotators (self, tasks);
  for (guint i = 0; i < tasks->len; i++)
    import_task (self, g_ptr_array_index (tasks, i), tags, config_name, by_annotator);

  return TRUE;
}

const GlossDatasetFormat _gloss_dataset_label_studio = {
  .name = "label-studio",
  .carries = GLOSS_DATASET_CARRIES_NOTES | GLOSS_DATASET_CARRIES_LANGUAGE | GLOSS_DATASET_CARRIES_SPANS |
              GLOSS_DATASET_CARRIES_RELATIONS,
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
    "Sentence labels are regions of the `label` tag (ids `r1`, `r2` …). A span is a region of the `span` tag with "
    "the id `s` and the span's id (`s3`); a span in several parts is one region per part (`s3`, `s3-2`, `s3-3` …), "
    "each joined to the next by a relation labelled `gloss:part`, as Label Studio has no region in parts. A span's "
    "note is the `meta.text[0]` of its first region; each attribute a `choices` result with the region's id, "
    "`from_name` the attribute's name and `value.choices` its value (a per-region `<Choices>`). A relation is a "
    "`relation` result from the first region of one span to that of the other, `direction` `right`, its label in "
    "`labels` (relations between the same two spans share one result: Label Studio keeps one per pair). "
    "`gloss import` reads all of this back; relations' notes are not part of this format.\n\n"
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
