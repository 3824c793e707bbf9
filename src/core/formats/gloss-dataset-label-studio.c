/* gloss-dataset-label-studio.c
 *
 * Label Studio's JSON task list (https://labelstud.io/guide/tasks).
 *
 * Writing: one task per document, the annotations as `labels` results of
 * one annotation, notes as the regions' meta text.
 *
 * Reading: Label Studio's JSON export (tasks with `data` and
 * `annotations[].result[]`) or its JSON-MIN export (one flat record per
 * annotation: the task's fields, the `labels` lists of
 * `{start, end, text, labels}` under their tags' names, `annotator`).
 * The text is the task field the labeling config's `<Text>` tag names,
 * when the config is given; else `text`, the default; else the only text
 * field, or the one every region's text matches. The `labels` regions of
 * the annotations are taken (or, for a task nobody annotated yet, of the
 * predictions: a model's pre-annotations); relations, choices, text areas
 * and other results are left out and counted. Annotators are kept
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
#include "gloss-problem.h"
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

/* A labelled region, borrowed from the input */
typedef struct
{
  guint        start;
  guint        end;
  const char  *text;       /* nullable */
  JsonArray   *labels;
  const char  *note;       /* nullable */
  const char  *to_name;    /* nullable */
  const char  *annotator;  /* nullable */
} Region;

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
            const char    *where)
{
  Region region = { 0 };

  if (!_gloss_dataset_get_offset (json_object_get_member (value, "start"), &region.start) ||
      !_gloss_dataset_get_offset (json_object_get_member (value, "end"), &region.end))
    {
      _gloss_importer_problem (self, where, _("A region has no whole-number “start” and “end”"));
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

/* Every labelled region of the task's annotations, in order */
static gboolean
collect_regions (GlossImporter *self,
                 Task          *task,
                 GArray        *regions)
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
                if (!add_region (self, regions, json_array_get_object_element (list, i), NULL, l->data,
                                 annotation->annotator, task->where))
                  return FALSE;
            }
          continue;
        }

      for (guint i = 0; i < json_array_get_length (annotation->results); i++)
        {
          JsonNode *node = json_array_get_element (annotation->results, i);
          JsonObject *result;
          JsonNode *value;

          if (!JSON_NODE_HOLDS_OBJECT (node))
            continue;
          result = json_node_get_object (node);
          value = json_object_get_member (result, "value");

          if (value != NULL && JSON_NODE_HOLDS_OBJECT (value) && get_array (json_node_get_object (value), "labels"))
            {
              if (!add_region (self, regions, json_node_get_object (value), get_note (result),
                               _gloss_dataset_get_string (result, "to_name"), annotation->annotator, task->where))
                return FALSE;
            }
          else
            {
              g_autofree char *where = g_strdup_printf ("%s.result[%u]", annotation->where, i);
              g_autofree char *example = _gloss_dataset_dup_example (node);

              _gloss_importer_note_dropped (self, result_kind (result), where, example);
            }
        }
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

/* The spans of the regions of one annotator (@annotator NULL: of all),
 * their offsets read as code points, or as UTF-16 units where only that
 * reading gives the region's text */
static gboolean
add_spans_of (GlossImporter *self,
              GlossText     *text,
              GArray        *regions,
              const char    *annotator,
              GArray        *spans,
              const char    *where)
{
  guint length = gloss_text_get_length (text);
  g_autoptr(GArray) astral = NULL;

  for (guint i = 0; i < regions->len; i++)
    {
      Region *region = &g_array_index (regions, Region, i);
      guint start = region->start, end = region->end;

      if (annotator != NULL &&
          strcmp (annotator, region->annotator ? region->annotator : _gloss_importer_get_annotator (self)) != 0)
        continue;

      if (region->text != NULL &&
          (end > length || start >= end || !gloss_text_slice_equals (text, start, end, region->text)))
        {
          guint s, e;

          if (astral == NULL)
            astral = _gloss_dataset_find_astral (text);
          s = _gloss_dataset_from_utf16 (text, astral, start);
          e = _gloss_dataset_from_utf16 (text, astral, end);

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
          start = s;
          end = e;
        }

      for (guint k = 0; k < json_array_get_length (region->labels); k++)
        {
          JsonNode *label = json_array_get_element (region->labels, k);

          if (JSON_NODE_HOLDS_VALUE (label) && json_node_get_value_type (label) == G_TYPE_STRING)
            _gloss_dataset_spans_add (spans, start, end, json_node_get_string (label), region->note,
                                      region->annotator);
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
  g_autoptr(GPtrArray) annotators = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GlossText) text = NULL;
  const char *key;

  if (!collect_regions (self, task, regions))
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

      if (!add_spans_of (self, text, regions, annotator, spans, task->where))
        return;

      _gloss_importer_add_spans (self, id, text, _gloss_dataset_get_string (task->data, "language"), NULL, spans,
                                 NULL, dup_meta (task, key), task->where);
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
