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
#include <string.h>

#include "gloss-annotation.h"
#include "gloss-corpus.h"
#include "gloss-document-private.h"
#include "gloss-format.h"
#include "gloss-history.h"
#include "gloss-json.h"
#include "gloss-json-tape.h"
#include "gloss-label-set.h"
#include "gloss-label.h"
#include "gloss-merge.h"
#include "gloss-problem.h"
#include "gloss-sentence.h"
#include "gloss-span-private.h"
#include "gloss-text.h"

typedef struct
{
  GlossText           *text;
  GPtrArray           *problems;
  GlossDocument       *document;
  const GlossJsonTape *tape;
  gboolean             text_changed;  /* offsets refer to another text */
} Loader;

/* "$.annotations[17]": the path of an element, made for every element of
 * a long list, without printf */
static const char *
element_path (char       *buf,
              gsize       size,
              const char *list,
              guint       index)
{
  gsize length = strlen (list);
  char *p = buf + length;

  g_assert (length + 13 <= size);

  memcpy (buf, list, length);
  *p++ = '[';
  p = gloss_json_put_uint (p, index);
  *p++ = ']';
  *p = '\0';

  return buf;
}

static gboolean
is_space_at (GlossText *text,
             guint      offset)
{
  const char *p = gloss_text_get_contents (text) + gloss_text_get_byte_offset (text, offset);

  return g_unichar_isspace (g_utf8_get_char (p)) || g_utf8_get_char (p) == 0xFEFF;
}

/* Reads start and end of a span (the values of its members) and checks
 * them against the text. */
static gboolean
read_span (Loader     *loader,
           guint       start_value,
           guint       end_value,
           const char *path,
           guint      *start,
           guint      *end)
{
  guint length = gloss_text_get_length (loader->text);
  gboolean ok;

  ok = gloss_json_tape_read_uint (loader->tape, start_value, "start", path, G_MAXUINT, start, loader->problems);
  ok &= gloss_json_tape_read_uint (loader->tape, end_value, "end", path, G_MAXUINT, end, loader->problems);
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

/* The members of @object that Gloss reads, each problem of an unknown one
 * said */
static void
get_members (Loader             *loader,
             guint               object,
             const char         *path,
             const char * const *known,
             guint              *values)
{
  if (!gloss_json_tape_get_members (loader->tape, object, known, values))
    gloss_json_tape_check_members (loader->tape, object, path, known, loader->problems);
}

static GPtrArray *
read_sentences (Loader *loader,
                guint   array)
{
  static const char * const known[] = { "id", "start", "end", NULL };
  enum { ID, START, END };
  const GlossJsonTape *tape = loader->tape;
  g_autoptr(GPtrArray) sentences = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new (NULL, NULL);
  guint previous_end = 0;
  guint i = 0;

  sentences = g_ptr_array_new_full (gloss_json_tape_get_size (tape, array), g_object_unref);

  for (guint e = array + 1; e < gloss_json_tape_end (tape, array); e = GLOSS_JSON_TAPE_NEXT_ELEMENT (tape, e), i++)
    {
      char buf[48];
      const char *path = element_path (buf, sizeof buf, "$.sentences", i);
      guint values[G_N_ELEMENTS (known)];
      guint id, start, end;
      gboolean ok;

      if (gloss_json_tape_kind (tape, e) != GLOSS_JSON_OBJECT)
        {
          gloss_problems_add (loader->problems, path, _("A sentence must be an object, not %s"),
                              gloss_json_tape_type_name (tape, e));
          continue;
        }

      get_members (loader, e, path, known, values);

      ok = gloss_json_tape_read_uint (tape, values[ID], "id", path, G_MAXUINT - 1, &id, loader->problems);
      ok &= read_span (loader, values[START], values[END], path, &start, &end);
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

/* A sentence and one of its labels, to find a label given twice */
typedef struct
{
  guint       sentence;
  const char *label;  /* in the tape */
} Pair;

static guint
hash_pair (gconstpointer key)
{
  const Pair *pair = key;

  return pair->sentence * 31 + g_str_hash (pair->label);
}

static gboolean
equal_pairs (gconstpointer a,
             gconstpointer b)
{
  const Pair *x = a;
  const Pair *y = b;

  return x->sentence == y->sentence && strcmp (x->label, y->label) == 0;
}

static void
read_annotations (Loader *loader,
                  guint   array)
{
  /* In the order the file has them */
  static const char * const known[] = {
    "id", "label", "start", "end", "sentence", "text",
    "note", "annotator", "created", "modified", "review", NULL
  };
  enum { ID, LABEL, START, END, SENTENCE, TEXT, NOTE, ANNOTATOR, CREATED, MODIFIED, REVIEW };
  const GlossJsonTape *tape = loader->tape;
  GlossLabelSet *labels = gloss_document_get_labels (loader->document);
  g_autoptr(GHashTable) ids = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) pairs = g_hash_table_new (hash_pair, equal_pairs);
  g_autofree Pair *pair_keys = NULL;
  g_autoptr(GPtrArray) loaded = NULL;
  guint n_pairs = 0;
  guint i = 0;

  loaded = g_ptr_array_new_full (gloss_json_tape_get_size (tape, array), g_object_unref);
  pair_keys = g_new (Pair, gloss_json_tape_get_size (tape, array));

  for (guint e = array + 1; e < gloss_json_tape_end (tape, array); e = GLOSS_JSON_TAPE_NEXT_ELEMENT (tape, e), i++)
    {
      char buf[48];
      const char *path = element_path (buf, sizeof buf, "$.annotations", i);
      guint values[G_N_ELEMENTS (known)];
      GlossAnnotation *annotation;
      const char *label, *text, *note, *annotator, *created, *modified;
      GlossSentence *sentence = NULL;
      GlossJsonKind review;
      guint id, start = 0, end = 0, sentence_id;
      guint n_problems = loader->problems->len;
      gboolean has_span;

      if (gloss_json_tape_kind (tape, e) != GLOSS_JSON_OBJECT)
        {
          gloss_problems_add (loader->problems, path, _("An annotation must be an object, not %s"),
                              gloss_json_tape_type_name (tape, e));
          continue;
        }

      get_members (loader, e, path, known, values);

      if (gloss_json_tape_read_uint (tape, values[ID], "id", path, G_MAXUINT - 1, &id, loader->problems))
        {
          if (g_hash_table_contains (ids, GUINT_TO_POINTER (id)))
            gloss_problems_add (loader->problems, path, _("The annotation id %u is used twice"), id);
          g_hash_table_add (ids, GUINT_TO_POINTER (id));
        }

      label = gloss_json_tape_read_string (tape, values[LABEL], "label", path, TRUE, loader->problems);
      if (label != NULL && gloss_label_set_lookup (labels, label) == NULL)
        {
          g_autofree char *shown = gloss_problem_shorten (label);

          gloss_problems_add (loader->problems, path, _("The label “%s” is not in the label set"), shown);
        }

      has_span = read_span (loader, values[START], values[END], path, &start, &end);

      text = gloss_json_tape_read_string (tape, values[TEXT], "text", path, TRUE, loader->problems);
      if (text != NULL && has_span && !loader->text_changed && !gloss_text_slice_equals (loader->text, start, end, text))
        {
          g_autofree char *actual = gloss_text_dup_slice (loader->text, start, end);

          gloss_problems_add (loader->problems, path,
                              _("The annotated text “%s” differs from the text at [%u, %u): “%s”"),
                              text, start, end, actual);
        }

      if (gloss_json_tape_read_uint (tape, values[SENTENCE], "sentence", path, G_MAXUINT - 1, &sentence_id,
                                     loader->problems))
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
              Pair *pair = &pair_keys[n_pairs];

              pair->sentence = sentence_id;
              pair->label = label;
              if (g_hash_table_add (pairs, pair))
                n_pairs++;
              else
                gloss_problems_add (loader->problems, path,
                                    _("The sentence %u has the label “%s” twice"), sentence_id, label);
            }
        }

      note = gloss_json_tape_read_string (tape, values[NOTE], "note", path, FALSE, loader->problems);
      annotator = gloss_json_tape_read_string (tape, values[ANNOTATOR], "annotator", path, FALSE, loader->problems);
      created = gloss_json_tape_read_string (tape, values[CREATED], "created", path, FALSE, loader->problems);
      modified = gloss_json_tape_read_string (tape, values[MODIFIED], "modified", path, FALSE, loader->problems);

      if (created != NULL && !gloss_timestamp_is_valid (created))
        gloss_problems_add (loader->problems, path, _("“created” is not an ISO 8601 time: “%s”"), created);
      if (modified != NULL && !gloss_timestamp_is_valid (modified))
        gloss_problems_add (loader->problems, path, _("“modified” is not an ISO 8601 time: “%s”"), modified);

      review = gloss_json_tape_kind (tape, values[REVIEW]);
      if (review != GLOSS_JSON_MISSING && review != GLOSS_JSON_BOOLEAN)
        {
          g_autofree char *where = g_strconcat (path, ".review", NULL);

          gloss_problems_add (loader->problems, where, _("“review” must be true or false, not %s"),
                              gloss_json_kind_name (review));
        }

      /* Offsets beyond a text that changed are not said (the checksum
       * says it), but such an annotation is not taken either */
      if (loader->problems->len > n_problems || sentence == NULL || !has_span)
        continue;

      annotation = gloss_annotation_new (id, label, start, end, text, sentence_id,
                                         note, annotator, created, modified);
      gloss_annotation_set_review (annotation,
                                   review == GLOSS_JSON_BOOLEAN && gloss_json_tape_get_boolean (tape, values[REVIEW]));
      g_ptr_array_add (loaded, annotation);
    }

  _gloss_document_add_loaded_annotations (loader->document, loaded);
}

/* Label sets read lately, by their JSON: the files of a corpus mostly
 * carry the same set, and reading one through json-glib's tree cost an
 * export more than a tenth of its time. The result of a read depends on
 * the JSON alone, so a copy of it is as good. */
#define N_CACHED_LABELS 8

typedef struct
{
  char          *json;
  GlossLabelSet *labels;    /* NULL if it has problems */
  GPtrArray     *problems;
} CachedLabels;

static GMutex cached_labels_mutex;
static CachedLabels cached_labels[N_CACHED_LABELS];
static guint n_cached_labels;

static GlossLabelSet *
read_labels (const GlossJsonTape *tape,
             guint                array,
             guint                relation_array,
             GPtrArray           *problems)
{
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GlossLabelSet) labels = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(JsonNode) node = NULL;
  guint n_problems = problems->len;
  CachedLabels *cached;

  gloss_json_tape_append_compact (json, tape, array);
  if (relation_array != GLOSS_JSON_TAPE_NONE)
    {
      g_string_append_c (json, '\n');
      gloss_json_tape_append_compact (json, tape, relation_array);
    }

  g_mutex_lock (&cached_labels_mutex);
  for (guint i = 0; i < n_cached_labels; i++)
    {
      if (strcmp (cached_labels[i].json, json->str) == 0)
        {
          labels = cached_labels[i].labels ? g_object_ref (cached_labels[i].labels) : NULL;
          found = g_ptr_array_ref (cached_labels[i].problems);
          break;
        }
    }
  g_mutex_unlock (&cached_labels_mutex);

  if (found != NULL)
    {
      for (guint i = 0; i < found->len; i++)
        g_ptr_array_add (problems, gloss_problem_copy (g_ptr_array_index (found, i)));

      return labels ? gloss_label_set_copy (labels) : NULL;
    }

  node = gloss_json_tape_to_node (tape, array);
  if (relation_array != GLOSS_JSON_TAPE_NONE)
    {
      g_autoptr(JsonNode) relations = gloss_json_tape_to_node (tape, relation_array);

      labels = gloss_label_set_new_from_json_full (json_node_get_array (node), "$.labels",
                                                   json_node_get_array (relations), "$.relation_labels", problems);
    }
  else
    labels = gloss_label_set_new_from_json_full (json_node_get_array (node), "$.labels",
                                                 NULL, "$.relation_labels", problems);

  /* Kept untouched, for copies; the oldest makes room */
  g_mutex_lock (&cached_labels_mutex);
  if (n_cached_labels == N_CACHED_LABELS)
    {
      g_free (cached_labels[0].json);
      g_clear_object (&cached_labels[0].labels);
      g_ptr_array_unref (cached_labels[0].problems);
      memmove (&cached_labels[0], &cached_labels[1], (N_CACHED_LABELS - 1) * sizeof (CachedLabels));
      n_cached_labels--;
    }
  cached = &cached_labels[n_cached_labels++];
  cached->json = g_string_free (g_steal_pointer (&json), FALSE);
  cached->labels = labels ? gloss_label_set_copy (labels) : NULL;
  cached->problems = gloss_problems_new ();
  for (guint i = n_problems; i < problems->len; i++)
    g_ptr_array_add (cached->problems, gloss_problem_copy (g_ptr_array_index (problems, i)));
  g_mutex_unlock (&cached_labels_mutex);

  return g_steal_pointer (&labels);
}

static GlossSpan *
lookup_span (GlossDocument *document,
             GPtrArray     *suggested,
             guint          id)
{
  if (suggested == NULL)
    return gloss_document_lookup_span (document, id);

  for (guint i = 0; i < suggested->len; i++)
    if (gloss_span_get_id (g_ptr_array_index (suggested, i)) == id)
      return g_ptr_array_index (suggested, i);

  return NULL;
}

/* The members a span and a relation share, after their own; @first is
 * the index of "note" in @values */
static void
read_info (Loader        *loader,
           const guint   *values,
           const char    *path,
           GlossSpanInfo *info)
{
  enum { NOTE, ANNOTATOR, CREATED, MODIFIED, ORIGIN, SUGGESTER, REVIEW };
  const GlossJsonTape *tape = loader->tape;
  const char *note, *annotator, *created, *modified, *origin, *suggester;
  GlossJsonKind review;

  note = gloss_json_tape_read_string (tape, values[NOTE], "note", path, FALSE, loader->problems);
  annotator = gloss_json_tape_read_string (tape, values[ANNOTATOR], "annotator", path, FALSE, loader->problems);
  created = gloss_json_tape_read_string (tape, values[CREATED], "created", path, FALSE, loader->problems);
  modified = gloss_json_tape_read_string (tape, values[MODIFIED], "modified", path, FALSE, loader->problems);
  origin = gloss_json_tape_read_string (tape, values[ORIGIN], "origin", path, FALSE, loader->problems);
  suggester = gloss_json_tape_read_string (tape, values[SUGGESTER], "suggester", path, FALSE, loader->problems);

  if (note != NULL)
    _gloss_span_info_set (info, &info->note, note);
  if (annotator != NULL)
    _gloss_span_info_set (info, &info->annotator, annotator);
  if (created != NULL)
    _gloss_span_info_set (info, &info->created, created);
  _gloss_span_info_set (info, &info->modified, modified ? modified : info->created);
  _gloss_span_info_set (info, &info->origin, origin);
  _gloss_span_info_set (info, &info->suggester, suggester);

  review = gloss_json_tape_kind (tape, values[REVIEW]);
  if (review == GLOSS_JSON_BOOLEAN)
    info->review = gloss_json_tape_get_boolean (tape, values[REVIEW]);
  else if (review != GLOSS_JSON_MISSING)
    {
      g_autofree char *where = g_strconcat (path, ".review", NULL);

      gloss_problems_add (loader->problems, where, _("“review” must be true or false, not %s"),
                          gloss_json_kind_name (review));
    }
}

/* A span's parts, [[start, end], …], and their texts; NULL after a
 * problem */
static GArray *
read_parts (Loader     *loader,
            guint       parts_value,
            guint       texts_value,
            const char *path,
            GPtrArray  *texts)
{
  const GlossJsonTape *tape = loader->tape;
  g_autoptr(GArray) parts = NULL;
  guint n_problems = loader->problems->len;
  guint n, n_texts, i = 0;

  n = gloss_json_check_array (gloss_json_tape_kind (tape, parts_value), "parts", path, loader->problems);
  n_texts = gloss_json_check_array (gloss_json_tape_kind (tape, texts_value), "text", path, loader->problems);
  if (!n || !n_texts)
    return NULL;

  n = gloss_json_tape_get_size (tape, parts_value);
  n_texts = gloss_json_tape_get_size (tape, texts_value);
  if (n == 0 || n != n_texts)
    {
      g_autofree char *where = g_strconcat (path, n == 0 ? ".parts" : ".text", NULL);

      if (n == 0)
        gloss_problems_add (loader->problems, where, _("A span has at least one part"));
      else
        gloss_problems_add (loader->problems, where, _("The number of texts (%u) differs from the number of parts (%u)"),
                            n_texts, n);
      return NULL;
    }

  parts = g_array_sized_new (FALSE, FALSE, sizeof (GlossRange), n);
  for (guint e = parts_value + 1; e < gloss_json_tape_end (tape, parts_value); e = GLOSS_JSON_TAPE_NEXT_ELEMENT (tape, e), i++)
    {
      GlossRange part;
      gint64 values[2] = { -1, -1 };

      if (gloss_json_tape_kind (tape, e) == GLOSS_JSON_ARRAY && gloss_json_tape_get_size (tape, e) == 2)
        for (guint k = 0; k < 2; k++)
          {
            guint value = k == 0 ? e + 1 : GLOSS_JSON_TAPE_NEXT_ELEMENT (tape, e + 1);

            if (gloss_json_tape_kind (tape, value) == GLOSS_JSON_INTEGER)
              values[k] = gloss_json_tape_get_integer (tape, value);
          }

      if (values[0] < 0 || values[1] < 0 || values[0] > G_MAXUINT || values[1] > G_MAXUINT)
        {
          g_autofree char *list = g_strconcat (path, ".parts", NULL);
          char buf[64];

          gloss_problems_add (loader->problems, element_path (buf, sizeof buf, list, i),
                              _("A part must be two whole numbers [start, end], not %s"),
                              gloss_json_tape_type_name (tape, e));
          continue;
        }

      part.start = values[0];
      part.end = values[1];
      g_array_append_val (parts, part);
    }

  i = 0;
  for (guint e = texts_value + 1; e < gloss_json_tape_end (tape, texts_value); e = GLOSS_JSON_TAPE_NEXT_ELEMENT (tape, e), i++)
    {
      if (gloss_json_tape_kind (tape, e) != GLOSS_JSON_STRING)
        {
          g_autofree char *list = g_strconcat (path, ".text", NULL);
          char buf[64];

          gloss_problems_add (loader->problems, element_path (buf, sizeof buf, list, i),
                              _("The text of a part must be a string, not %s"), gloss_json_tape_type_name (tape, e));
          continue;
        }

      g_ptr_array_add (texts, (gpointer)gloss_json_tape_get_string (tape, e));
    }
  g_ptr_array_add (texts, NULL);

  if (loader->problems->len > n_problems)
    return NULL;

  return g_steal_pointer (&parts);
}

/* A span's "attributes": an object of strings */
static gboolean
read_attributes (Loader     *loader,
                 guint       object,
                 const char *path,
                 GlossSpan  *span)
{
  const GlossJsonTape *tape = loader->tape;
  GlossJsonKind kind = gloss_json_tape_kind (tape, object);
  gboolean ok = TRUE;

  if (kind == GLOSS_JSON_MISSING)
    return TRUE;

  if (kind != GLOSS_JSON_OBJECT)
    {
      g_autofree char *where = g_strconcat (path, ".attributes", NULL);

      gloss_problems_add (loader->problems, where, _("“attributes” must be an object, not %s"),
                          gloss_json_kind_name (kind));
      return FALSE;
    }

  for (guint m = object + 1; m < gloss_json_tape_end (tape, object); m = GLOSS_JSON_TAPE_NEXT_MEMBER (tape, m))
    {
      const char *name = gloss_json_tape_get_string (tape, m);

      if (gloss_json_tape_kind (tape, m + 1) != GLOSS_JSON_STRING)
        {
          g_autofree char *shown = gloss_problem_shorten (name);
          g_autofree char *where = g_strconcat (path, ".attributes.", shown, NULL);

          gloss_problems_add (loader->problems, where, _("The value of an attribute must be a string, not %s"),
                              gloss_json_tape_type_name (tape, m + 1));
          ok = FALSE;
          continue;
        }

      gloss_span_set_attribute (span, name, gloss_json_tape_get_string (tape, m + 1));
    }

  return ok;
}

static GPtrArray *
read_spans (Loader     *loader,
            guint       array,
            const char *list_path,
            GHashTable *ids)
{
  /* In the order the file has them */
  static const char * const known[] = {
    "id", "label", "parts", "text", "attributes",
    "note", "annotator", "created", "modified", "origin", "suggester", "review", NULL
  };
  enum { ID, LABEL, PARTS, TEXT, ATTRIBUTES, NOTE };
  const GlossJsonTape *tape = loader->tape;
  g_autoptr(GPtrArray) loaded = NULL;
  guint i = 0;

  loaded = g_ptr_array_new_full (gloss_json_tape_get_size (tape, array), g_object_unref);

  for (guint e = array + 1; e < gloss_json_tape_end (tape, array); e = GLOSS_JSON_TAPE_NEXT_ELEMENT (tape, e), i++)
    {
      char buf[48];
      const char *path = element_path (buf, sizeof buf, list_path, i);
      guint values[G_N_ELEMENTS (known)];
      g_autoptr(GPtrArray) texts = g_ptr_array_new ();
      g_autoptr(GArray) parts = NULL;
      g_autoptr(GlossSpan) span = NULL;
      guint n_problems = loader->problems->len;
      const char *label;
      GlossLabel *definition;
      guint id = 0;

      if (gloss_json_tape_kind (tape, e) != GLOSS_JSON_OBJECT)
        {
          gloss_problems_add (loader->problems, path, _("A span must be an object, not %s"),
                              gloss_json_tape_type_name (tape, e));
          continue;
        }

      get_members (loader, e, path, known, values);

      if (gloss_json_tape_read_uint (tape, values[ID], "id", path, G_MAXUINT - 1, &id, loader->problems) &&
          !g_hash_table_add (ids, GUINT_TO_POINTER (id)))
        gloss_problems_add (loader->problems, path, _("The span id %u is used twice"), id);

      label = gloss_json_tape_read_string (tape, values[LABEL], "label", path, TRUE, loader->problems);
      parts = read_parts (loader, values[PARTS], values[TEXT], path, texts);
      if (label == NULL || parts == NULL)
        continue;

      span = gloss_span_new (id, label, (GlossRange *)parts->data, parts->len, (const char * const *)texts->pdata);
      read_attributes (loader, values[ATTRIBUTES], path, span);
      read_info (loader, values + NOTE, path, _gloss_span_get_info (span));
      if (loader->problems->len > n_problems)
        continue;

      if (!_gloss_document_check_span (loader->document, span, path, !loader->text_changed, loader->problems))
        continue;

      /* Parts in a text that changed are not checked against it (the
       * checksum's problem says it), but none beyond it is taken */
      if (gloss_span_get_end (span) > gloss_text_get_length (loader->text))
        continue;

      definition = gloss_label_set_lookup (gloss_document_get_labels (loader->document), label);
      _gloss_span_sort_attributes (span, definition);
      g_ptr_array_add (loaded, g_steal_pointer (&span));
    }

  return g_steal_pointer (&loaded);
}

/* @suggested: NULL for the document's relations, else the suggested
 * spans the relations join */
static GPtrArray *
read_relations (Loader     *loader,
                guint       array,
                const char *list_path,
                GHashTable *span_ids,
                GPtrArray  *suggested)
{
  /* In the order the file has them */
  static const char * const known[] = {
    "id", "label", "from", "to",
    "note", "annotator", "created", "modified", "origin", "suggester", "review", NULL
  };
  enum { ID, LABEL, FROM, TO, NOTE };
  const GlossJsonTape *tape = loader->tape;
  g_autoptr(GHashTable) ids = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) loaded = NULL;
  guint i = 0;

  loaded = g_ptr_array_new_full (gloss_json_tape_get_size (tape, array), g_object_unref);

  for (guint e = array + 1; e < gloss_json_tape_end (tape, array); e = GLOSS_JSON_TAPE_NEXT_ELEMENT (tape, e), i++)
    {
      char buf[48];
      const char *path = element_path (buf, sizeof buf, list_path, i);
      guint values[G_N_ELEMENTS (known)];
      g_autoptr(GlossRelation) relation = NULL;
      guint n_problems = loader->problems->len;
      GlossSpan *from_span, *to_span;
      const char *label;
      guint id = 0, from = 0, to = 0;

      if (gloss_json_tape_kind (tape, e) != GLOSS_JSON_OBJECT)
        {
          gloss_problems_add (loader->problems, path, _("A relation must be an object, not %s"),
                              gloss_json_tape_type_name (tape, e));
          continue;
        }

      get_members (loader, e, path, known, values);

      if (gloss_json_tape_read_uint (tape, values[ID], "id", path, G_MAXUINT - 1, &id, loader->problems) &&
          !g_hash_table_add (ids, GUINT_TO_POINTER (id)))
        gloss_problems_add (loader->problems, path, _("The relation id %u is used twice"), id);

      label = gloss_json_tape_read_string (tape, values[LABEL], "label", path, TRUE, loader->problems);
      gloss_json_tape_read_uint (tape, values[FROM], "from", path, G_MAXUINT - 1, &from, loader->problems);
      gloss_json_tape_read_uint (tape, values[TO], "to", path, G_MAXUINT - 1, &to, loader->problems);
      if (label == NULL || loader->problems->len > n_problems)
        continue;

      relation = gloss_relation_new (id, label, from, to);
      read_info (loader, values + NOTE, path, _gloss_relation_get_info (relation));
      if (loader->problems->len > n_problems)
        continue;

      from_span = lookup_span (loader->document, suggested, from);
      to_span = lookup_span (loader->document, suggested, to);

      /* A span of the file that was not taken for its own problems is no
       * problem of the relation's */
      if ((from_span == NULL && g_hash_table_contains (span_ids, GUINT_TO_POINTER (from))) ||
          (to_span == NULL && g_hash_table_contains (span_ids, GUINT_TO_POINTER (to))))
        continue;

      if (_gloss_document_check_relation_between (loader->document, relation, from_span, to_span, path,
                                                  loader->problems))
        g_ptr_array_add (loaded, g_steal_pointer (&relation));
    }

  return g_steal_pointer (&loaded);
}

/* "rejected": [{"label": …, "parts": [[start, end], …]}, …] */
static GPtrArray *
read_rejected (Loader *loader,
               guint   array)
{
  static const char * const known[] = { "label", "parts", NULL };
  enum { LABEL, PARTS };
  const GlossJsonTape *tape = loader->tape;
  GPtrArray *rejected = g_ptr_array_new_with_free_func (g_object_unref);
  guint i = 0;

  for (guint e = array + 1; e < gloss_json_tape_end (tape, array); e = GLOSS_JSON_TAPE_NEXT_ELEMENT (tape, e), i++)
    {
      char buf[64];
      const char *path = element_path (buf, sizeof buf, "$.suggestions.rejected", i);
      guint values[G_N_ELEMENTS (known)];
      g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GlossSpan) span = NULL;
      guint n_problems = loader->problems->len;
      GlossRange *parts;
      guint n_parts;
      const char *label;

      if (gloss_json_tape_kind (tape, e) != GLOSS_JSON_OBJECT)
        {
          gloss_problems_add (loader->problems, path, _("A rejected suggestion must be an object, not %s"),
                              gloss_json_tape_type_name (tape, e));
          continue;
        }

      get_members (loader, e, path, known, values);
      label = gloss_json_tape_read_string (tape, values[LABEL], "label", path, TRUE, loader->problems);
      if (label == NULL)
        continue;

      /* The parts as a span's, with the text they hold now, so that the
       * span checks apply */
      if (!gloss_json_check_array (gloss_json_tape_kind (tape, values[PARTS]), "parts", path, loader->problems))
        continue;
      n_parts = gloss_json_tape_get_size (tape, values[PARTS]);
      parts = g_newa (GlossRange, MAX (n_parts, 1));
      n_parts = 0;
      for (guint p = values[PARTS] + 1; p < gloss_json_tape_end (tape, values[PARTS]); p = GLOSS_JSON_TAPE_NEXT_ELEMENT (tape, p))
        {
          guint first = p + 1, second = GLOSS_JSON_TAPE_NEXT_ELEMENT (tape, p + 1);

          if (gloss_json_tape_kind (tape, p) != GLOSS_JSON_ARRAY || gloss_json_tape_get_size (tape, p) != 2 ||
              gloss_json_tape_kind (tape, first) != GLOSS_JSON_INTEGER ||
              gloss_json_tape_kind (tape, second) != GLOSS_JSON_INTEGER ||
              gloss_json_tape_get_integer (tape, first) < 0 || gloss_json_tape_get_integer (tape, second) < 0 ||
              gloss_json_tape_get_integer (tape, first) > G_MAXUINT ||
              gloss_json_tape_get_integer (tape, second) > G_MAXUINT)
            {
              g_autofree char *list = g_strconcat (path, ".parts", NULL);
              char part_buf[80];

              gloss_problems_add (loader->problems, element_path (part_buf, sizeof part_buf, list, n_parts),
                                  _("A part must be two whole numbers [start, end], not %s"),
                                  gloss_json_tape_type_name (tape, p));
              break;
            }
          parts[n_parts].start = gloss_json_tape_get_integer (tape, first);
          parts[n_parts].end = gloss_json_tape_get_integer (tape, second);
          g_ptr_array_add (texts, parts[n_parts].end <= gloss_text_get_length (loader->text) &&
                                    parts[n_parts].start <= parts[n_parts].end
                                  ? gloss_text_dup_slice (loader->text, parts[n_parts].start, parts[n_parts].end)
                                  : g_strdup (""));
          n_parts++;
        }
      if (loader->problems->len > n_problems)
        continue;
      if (n_parts == 0)
        {
          g_autofree char *where = g_strconcat (path, ".parts", NULL);

          gloss_problems_add (loader->problems, where, _("A span has at least one part"));
          continue;
        }
      g_ptr_array_add (texts, NULL);

      span = gloss_span_new (0, label, parts, n_parts, (const char * const *)texts->pdata);
      if (_gloss_document_check_span (loader->document, span, path, !loader->text_changed, loader->problems))
        g_ptr_array_add (rejected, g_steal_pointer (&span));
    }

  return rejected;
}

/* "suggestions": {"spans": […], "relations": […], "rejected": […]}: what
 * a suggester found, checked as spans and relations are, but kept apart
 * from them */
static void
read_suggestions (Loader *loader,
                  guint   object)
{
  static const char * const known[] = { "spans", "relations", "rejected", NULL };
  enum { SPANS, RELATIONS, REJECTED };
  const GlossJsonTape *tape = loader->tape;
  g_autoptr(GHashTable) span_ids = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) spans = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  g_autoptr(GPtrArray) rejected = NULL;
  g_autoptr(GlossSuggestions) suggestions = NULL;
  guint values[G_N_ELEMENTS (known)];

  if (gloss_json_tape_kind (tape, object) != GLOSS_JSON_OBJECT)
    {
      gloss_problems_add (loader->problems, "$.suggestions", _("“suggestions” must be an object, not %s"),
                          gloss_json_tape_type_name (tape, object));
      return;
    }

  get_members (loader, object, "$.suggestions", known, values);

  if (values[SPANS] != GLOSS_JSON_TAPE_NONE &&
      gloss_json_check_array (gloss_json_tape_kind (tape, values[SPANS]), "spans", "$.suggestions", loader->problems))
    spans = read_spans (loader, values[SPANS], "$.suggestions.spans", span_ids);
  if (values[RELATIONS] != GLOSS_JSON_TAPE_NONE && spans != NULL &&
      gloss_json_check_array (gloss_json_tape_kind (tape, values[RELATIONS]), "relations", "$.suggestions",
                              loader->problems))
    relations = read_relations (loader, values[RELATIONS], "$.suggestions.relations", span_ids, spans);
  if (values[REJECTED] != GLOSS_JSON_TAPE_NONE &&
      gloss_json_check_array (gloss_json_tape_kind (tape, values[REJECTED]), "rejected", "$.suggestions",
                              loader->problems))
    rejected = read_rejected (loader, values[REJECTED]);

  suggestions = gloss_suggestions_new (spans, relations, rejected);
  _gloss_document_set_suggestions_internal (loader->document, suggestions);
}

/* The ids of orphaned spans and relations are never given again, so that
 * one put back by hand cannot clash */
static void
reserve_orphan_ids (GlossDocument       *document,
                    const GlossJsonTape *tape,
                    guint                orphans)
{
  guint next_span = 0, next_relation = 0;

  for (guint e = orphans + 1; e < gloss_json_tape_end (tape, orphans); e = GLOSS_JSON_TAPE_NEXT_ELEMENT (tape, e))
    {
      guint id;
      gint64 value;

      if (gloss_json_tape_kind (tape, e) != GLOSS_JSON_OBJECT)
        continue;

      id = gloss_json_tape_lookup (tape, e, "id");
      if (id == GLOSS_JSON_TAPE_NONE || gloss_json_tape_kind (tape, id) != GLOSS_JSON_INTEGER)
        continue;
      value = gloss_json_tape_get_integer (tape, id);
      if (value < 0 || value >= G_MAXUINT)
        continue;

      if (gloss_json_tape_lookup (tape, e, "parts") != GLOSS_JSON_TAPE_NONE)
        next_span = MAX (next_span, value + 1);
      else if (gloss_json_tape_lookup (tape, e, "from") != GLOSS_JSON_TAPE_NONE)
        next_relation = MAX (next_relation, value + 1);
    }

  _gloss_document_reserve_ids (document, next_span, next_relation);
}

/* "conflicts": the clashes of a merge that nobody resolved yet, each
 * {"kind": …, what it concerns, "ours": …, "theirs": …}; kept as they are
 * read (compact), checked for their shape here and for their contents when
 * one is taken (gloss_document_resolve_conflict()) */
static void
read_conflicts (Loader *loader,
                guint   array)
{
  static const char * const known[] = { "kind", "id", "sentence", "label", "key", "ours", "theirs", NULL };
  enum { KIND, ID, SENTENCE, LABEL, KEY, OURS, THEIRS };
  const GlossJsonTape *tape = loader->tape;
  g_autoptr(GPtrArray) conflicts = NULL;
  guint i = 0;

  if (gloss_json_tape_kind (tape, array) != GLOSS_JSON_ARRAY)
    {
      gloss_problems_add (loader->problems, "$.conflicts", _("“conflicts” must be a list, not %s"),
                          gloss_json_tape_type_name (tape, array));
      return;
    }

  conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify)gloss_merge_conflict_free);

  for (guint e = array + 1; e < gloss_json_tape_end (tape, array); e = GLOSS_JSON_TAPE_NEXT_ELEMENT (tape, e), i++)
    {
      char buf[48];
      const char *path = element_path (buf, sizeof buf, "$.conflicts", i);
      guint values[G_N_ELEMENTS (known)];
      /* The members each kind has besides "kind", "ours" and "theirs" */
      gboolean wants[G_N_ELEMENTS (known)] = { FALSE, };
      guint n_problems = loader->problems->len;
      GlossMergeConflictKind kind = GLOSS_MERGE_CONFLICT_TEXT;
      const char *kind_name;
      const char *key = NULL;
      guint id = 0;
      GString *versions[2] = { NULL, NULL };

      if (gloss_json_tape_kind (tape, e) != GLOSS_JSON_OBJECT)
        {
          gloss_problems_add (loader->problems, path, _("A clash must be an object, not %s"),
                              gloss_json_tape_type_name (tape, e));
          continue;
        }

      get_members (loader, e, path, known, values);

      kind_name = gloss_json_tape_read_string (tape, values[KIND], "kind", path, TRUE, loader->problems);
      if (kind_name == NULL)
        continue;
      if (!gloss_merge_conflict_kind_from_string (kind_name, &kind))
        {
          g_autofree char *where = g_strconcat (path, ".kind", NULL);

          gloss_problems_add (loader->problems, where, _("“%s” is not a kind of clash Gloss knows"), kind_name);
          continue;
        }

      switch (kind)
        {
        case GLOSS_MERGE_CONFLICT_SENTENCE:
        case GLOSS_MERGE_CONFLICT_SPAN:
        case GLOSS_MERGE_CONFLICT_RELATION:
          wants[ID] = TRUE;
          break;
        case GLOSS_MERGE_CONFLICT_ANNOTATION:
          wants[SENTENCE] = wants[LABEL] = TRUE;
          break;
        case GLOSS_MERGE_CONFLICT_NOTE:
          wants[SENTENCE] = TRUE;
          break;
        case GLOSS_MERGE_CONFLICT_LABEL:
        case GLOSS_MERGE_CONFLICT_RELATION_LABEL:
          wants[LABEL] = TRUE;
          break;
        case GLOSS_MERGE_CONFLICT_META:
          wants[KEY] = TRUE;
          break;
        case GLOSS_MERGE_CONFLICT_TEXT:
        default:
          break;
        }

      for (guint m = ID; m <= KEY; m++)
        {
          if (!wants[m] && values[m] != GLOSS_JSON_TAPE_NONE)
            {
              g_autofree char *where = g_strconcat (path, ".", known[m], NULL);

              gloss_problems_add (loader->problems, where, _("A clash of kind “%s” has no “%s”"), kind_name, known[m]);
            }
          else if (wants[m] && (m == ID || m == SENTENCE))
            gloss_json_tape_read_uint (tape, values[m], known[m], path, G_MAXUINT - 1, &id, loader->problems);
          else if (wants[m])
            key = gloss_json_tape_read_string (tape, values[m], known[m], path, TRUE, loader->problems);
        }

      for (guint v = 0; v < 2; v++)
        {
          guint value = values[OURS + v];
          GlossJsonKind value_kind = gloss_json_tape_kind (tape, value);
          g_autofree char *where = g_strconcat (path, ".", known[OURS + v], NULL);

          if (value_kind == GLOSS_JSON_MISSING)
            gloss_problems_add (loader->problems, path, _("The member “%s” is missing"), known[OURS + v]);
          else if (value_kind == GLOSS_JSON_NULL)
            continue;
          else if (kind == GLOSS_MERGE_CONFLICT_NOTE && value_kind != GLOSS_JSON_STRING)
            gloss_problems_add (loader->problems, where, _("A note must be a string or null, not %s"),
                                gloss_json_tape_type_name (tape, value));
          else if (kind != GLOSS_MERGE_CONFLICT_NOTE && kind != GLOSS_MERGE_CONFLICT_META && value_kind != GLOSS_JSON_OBJECT)
            gloss_problems_add (loader->problems, where, _("A version must be an object or null, not %s"),
                                gloss_json_tape_type_name (tape, value));
          else
            {
              versions[v] = g_string_new (NULL);
              gloss_json_tape_append_compact (versions[v], tape, value);
            }
        }

      if (loader->problems->len == n_problems && versions[0] == NULL && versions[1] == NULL)
        gloss_problems_add (loader->problems, path, _("A clash needs at least one version that is not null"));

      if (loader->problems->len == n_problems)
        g_ptr_array_add (conflicts, gloss_merge_conflict_new (kind, id, key, versions[0] ? versions[0]->str : NULL,
                                                        versions[1] ? versions[1]->str : NULL));
      for (guint v = 0; v < 2; v++)
        if (versions[v] != NULL)
          g_string_free (versions[v], TRUE);
    }

  _gloss_document_set_conflicts (loader->document, g_steal_pointer (&conflicts));
}

/* The problem of a file that is not JSON Gloss reads: json-glib's own
 * message, as Gloss has always given it; or, for what json-glib lets
 * through but JSON does not allow, where it is */
static void
add_json_problem (GPtrArray  *problems,
                  const char *data,
                  gsize       length,
                  gsize       error_offset)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  guint line = 1;
  guint column = 1;

  if (length > GLOSS_JSON_TAPE_MAX_BYTES)
    {
      g_autofree char *size = g_format_size (length);

      gloss_problems_add (problems, "$", _("The file is %s; Gloss reads annotation files of up to 4 GB"), size);
      return;
    }

  root = gloss_json_parse (data, length, &error);
  if (root == NULL)
    {
      gloss_problems_add (problems, "$", "%s", error->message);
      return;
    }

  for (gsize i = 0; i < error_offset; i++)
    {
      if (data[i] == '\n')
        {
          line++;
          column = 1;
        }
      else if (((guchar)data[i] & 0xC0) != 0x80)
        column++;
    }

  gloss_problems_add (problems, "$",
                      _("The file is not valid JSON at line %u, column %u: Gloss reads strict JSON, without "
                        "comments, single quotes, numbers such as 010 or 0x10, control characters in strings "
                        "or lone surrogates"),
                      line, column);
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
    "format", "version", "text", "language", "done", "labels", "relation_labels",
    "sentences", "annotations", "spans", "relations", "suggestions", "orphans", "conflicts", "meta", NULL
  };
  enum {
    FORMAT, VERSION, TEXT, LANGUAGE, DONE, LABELS, RELATION_LABELS,
    SENTENCES, ANNOTATIONS, SPANS, RELATIONS, SUGGESTIONS, ORPHANS, CONFLICTS, META
  };
  g_autoptr(GPtrArray) problems = gloss_problems_new ();
  g_autoptr(GPtrArray) sentences = NULL;
  g_autoptr(GlossLabelSet) file_labels = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GlossJsonTape) tape = NULL;
  guint members[G_N_ELEMENTS (known)];
  const char *string;
  guint version = 0;
  gsize error_offset = 0;
  Loader loader = { text, problems, NULL, NULL, FALSE };

  g_return_val_if_fail (GLOSS_IS_TEXT (text), NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  tape = gloss_json_tape_parse (data, length, &error_offset);
  if (tape == NULL || gloss_json_tape_kind (tape, 0) != GLOSS_JSON_OBJECT)
    {
      if (tape == NULL)
        add_json_problem (problems, data, length, error_offset);
      else
        gloss_problems_add (problems, "$", _("The file must hold a JSON object, not %s"),
                            gloss_json_tape_type_name (tape, 0));

      document = gloss_document_new (text, language, labels);
      _gloss_document_add_problems (document, problems);
      return g_steal_pointer (&document);
    }
  loader.tape = tape;

  get_members (&loader, 0, "$", known, members);

  string = gloss_json_tape_read_string (tape, members[FORMAT], "format", "$", TRUE, problems);
  if (string != NULL && g_strcmp0 (string, "gloss") != 0)
    gloss_problems_add (problems, "$.format", _("The format is “%s”, not “gloss”"), string);

  if (gloss_json_tape_read_uint (tape, members[VERSION], "version", "$", G_MAXUINT, &version, problems) &&
      (version < 1 || version > GLOSS_FORMAT_VERSION))
    {
      if (version > GLOSS_FORMAT_VERSION)
        gloss_problems_add (problems, "$.version",
                            _("The file is of version %u, newer than this Gloss reads (%u): update Gloss"),
                            version, GLOSS_FORMAT_VERSION);
      else
        gloss_problems_add (problems, "$.version", _("Version %u is not a version of the format"), version);
    }

  /* What version 2 added, in a file that says it is of version 1 */
  if (version == 1)
    {
      const guint added[] = { RELATION_LABELS, SPANS, RELATIONS, SUGGESTIONS };

      for (guint i = 0; i < G_N_ELEMENTS (added); i++)
        if (members[added[i]] != GLOSS_JSON_TAPE_NONE)
          {
            g_autofree char *where = g_strconcat ("$.", known[added[i]], NULL);

            gloss_problems_add (problems, where, _("“%s” is new in version 2 of the format, but the file says version 1"),
                                known[added[i]]);
          }
    }

  if (gloss_json_tape_kind (tape, members[TEXT]) != GLOSS_JSON_OBJECT)
    gloss_problems_add (problems, "$.text", _("“text” must be an object with “file”, “sha256” and “length”"));
  else
    {
      static const char * const text_known[] = { "file", "sha256", "length", "bom", "encoding", NULL };
      enum { FILE_, SHA256, LENGTH, BOM, ENCODING };
      guint text_members[G_N_ELEMENTS (text_known)];
      const char *sha256;
      const char *encoding;
      guint text_length;

      get_members (&loader, members[TEXT], "$.text", text_known, text_members);
      encoding = gloss_json_tape_read_string (tape, text_members[ENCODING], "encoding", "$.text", FALSE, problems);
      if (g_strcmp0 (encoding ? encoding : "utf-8", gloss_text_get_encoding (text)) != 0)
        gloss_problems_add (problems, "$.text.encoding",
                            _("The text was annotated in the encoding “%s”, but is read as “%s”"),
                            encoding ? encoding : "utf-8", gloss_text_get_encoding (text));
      gloss_json_tape_read_string (tape, text_members[FILE_], "file", "$.text", TRUE, problems);
      sha256 = gloss_json_tape_read_string (tape, text_members[SHA256], "sha256", "$.text", TRUE, problems);
      loader.text_changed = sha256 != NULL && g_strcmp0 (sha256, gloss_text_get_sha256 (text)) != 0;
      if (loader.text_changed)
        gloss_problems_add (problems, "$.text.sha256",
                            _("The text “%s” has changed since it was annotated (its SHA-256 differs); "
                              "“gloss reanchor” places its annotations in the new text"),
                            text_name);
      else if (gloss_json_tape_read_uint (tape, text_members[LENGTH], "length", "$.text", G_MAXUINT, &text_length,
                                          problems) &&
               text_length != gloss_text_get_length (text))
        gloss_problems_add (problems, "$.text.length",
                            _("The recorded length %u differs from the text’s %u characters"),
                            text_length, gloss_text_get_length (text));
    }

  string = gloss_json_tape_read_string (tape, members[LANGUAGE], "language", "$", TRUE, problems);
  if (string != NULL && g_strcmp0 (string, "de") != 0 && g_strcmp0 (string, "en") != 0)
    {
      gloss_problems_add (problems, "$.language", _("The language “%s” is neither “de” nor “en”"), string);
      string = NULL;
    }
  if (string != NULL)
    language = string;

  /* The orphans and "meta" below are kept as they were read, numbers too */
  if (gloss_json_check_array (gloss_json_tape_kind (tape, members[LABELS]), "labels", "$", problems) &&
      (members[RELATION_LABELS] == GLOSS_JSON_TAPE_NONE ||
       gloss_json_check_array (gloss_json_tape_kind (tape, members[RELATION_LABELS]), "relation_labels", "$", problems)))
    {
      file_labels = read_labels (tape, members[LABELS], members[RELATION_LABELS], problems);
      if (file_labels != NULL && version == 1 && !gloss_label_set_is_sentence_only (file_labels))
        gloss_problems_add (problems, "$.version",
                            _("The file is of version 1, but span and relation labels need version 2"));
    }

  document = _gloss_document_new_empty (text, language, labels ? labels : file_labels);
  loader.document = document;

  if (members[DONE] != GLOSS_JSON_TAPE_NONE)
    {
      if (gloss_json_tape_kind (tape, members[DONE]) == GLOSS_JSON_BOOLEAN)
        _gloss_document_set_done (document, gloss_json_tape_get_boolean (tape, members[DONE]));
      else
        gloss_problems_add (problems, "$.done", _("“done” must be true or false, not %s"),
                            gloss_json_tape_type_name (tape, members[DONE]));
    }

  /* Annotations that re-anchoring could not place in a changed text: kept
   * with their old offsets and text, never deleted, written back as they
   * are */
  if (members[ORPHANS] != GLOSS_JSON_TAPE_NONE)
    {
      if (gloss_json_tape_kind (tape, members[ORPHANS]) == GLOSS_JSON_ARRAY)
        {
          GPtrArray *orphans = g_ptr_array_new_with_free_func (g_free);

          for (guint e = members[ORPHANS] + 1; e < gloss_json_tape_end (tape, members[ORPHANS]);
               e = GLOSS_JSON_TAPE_NEXT_ELEMENT (tape, e))
            {
              GString *orphan = g_string_new (NULL);

              gloss_json_tape_append_compact (orphan, tape, e);
              g_ptr_array_add (orphans, g_string_free (orphan, FALSE));
            }
          _gloss_document_set_orphans_json (document, orphans);
          reserve_orphan_ids (document, tape, members[ORPHANS]);
        }
      else
        gloss_problems_add (problems, "$.orphans", _("“orphans” must be a list, not %s"),
                            gloss_json_tape_type_name (tape, members[ORPHANS]));
    }

  if (members[CONFLICTS] != GLOSS_JSON_TAPE_NONE)
    read_conflicts (&loader, members[CONFLICTS]);

  if (members[META] != GLOSS_JSON_TAPE_NONE)
    {
      if (gloss_json_tape_kind (tape, members[META]) == GLOSS_JSON_OBJECT)
        {
          GString *meta = g_string_new (NULL);

          gloss_json_tape_append_compact (meta, tape, members[META]);
          _gloss_document_set_meta (document, g_string_free (meta, FALSE));
        }
      else
        gloss_problems_add (problems, "$.meta", _("“meta” must be an object, not %s"),
                            gloss_json_tape_type_name (tape, members[META]));
    }

  if (gloss_json_check_array (gloss_json_tape_kind (tape, members[SENTENCES]), "sentences", "$", problems))
    {
      sentences = read_sentences (&loader, members[SENTENCES]);
      _gloss_document_set_sentences (document, sentences);
    }
  else
    {
      /* Shown read-only, so the text can still be read */
      g_clear_object (&document);
      document = gloss_document_new (text, language, labels ? labels : file_labels);
      loader.document = document;
    }

  if (gloss_json_check_array (gloss_json_tape_kind (tape, members[ANNOTATIONS]), "annotations", "$", problems))
    read_annotations (&loader, members[ANNOTATIONS]);

  /* Version 2: spans, then the relations between them. With a label set
   * that could not be read, or no spans, each would only repeat that. */
  {
    g_autoptr(GHashTable) span_ids = g_hash_table_new (NULL, NULL);
    gboolean labels_read = labels != NULL || file_labels != NULL;
    gboolean spans_read = members[SPANS] == GLOSS_JSON_TAPE_NONE ||
                          gloss_json_check_array (gloss_json_tape_kind (tape, members[SPANS]), "spans", "$", problems);

    if (members[SPANS] != GLOSS_JSON_TAPE_NONE && spans_read && labels_read)
      {
        g_autoptr(GPtrArray) spans = read_spans (&loader, members[SPANS], "$.spans", span_ids);

        _gloss_document_add_loaded_spans (document, spans);
      }

    if (members[RELATIONS] != GLOSS_JSON_TAPE_NONE &&
        gloss_json_check_array (gloss_json_tape_kind (tape, members[RELATIONS]), "relations", "$", problems) &&
        spans_read && labels_read)
      {
        g_autoptr(GPtrArray) relations = read_relations (&loader, members[RELATIONS], "$.relations", span_ids, NULL);

        _gloss_document_add_loaded_relations (document, relations);
      }

    if (members[SUGGESTIONS] != GLOSS_JSON_TAPE_NONE && labels_read)
      read_suggestions (&loader, members[SUGGESTIONS]);
  }

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
 * gloss_format_dup_text_sha256:
 *
 * Looks into an annotation file for the SHA-256 of the text it annotates
 * (`text.sha256`), with the tape reader: no tree, no checks.
 *
 * Returns: (transfer full) (nullable): the SHA-256 as the file has it, or
 *   %NULL when the file is no JSON object or records none
 */
char *
gloss_format_dup_text_sha256 (const char *data,
                              gsize       length)
{
  g_autoptr(GlossJsonTape) tape = gloss_json_tape_parse (data, length, NULL);
  guint text, sha256;

  if (tape == NULL || gloss_json_tape_kind (tape, 0) != GLOSS_JSON_OBJECT)
    return NULL;
  text = gloss_json_tape_lookup (tape, 0, "text");
  if (text == GLOSS_JSON_TAPE_NONE || gloss_json_tape_kind (tape, text) != GLOSS_JSON_OBJECT)
    return NULL;
  sha256 = gloss_json_tape_lookup (tape, text, "sha256");
  if (sha256 == GLOSS_JSON_TAPE_NONE || gloss_json_tape_kind (tape, sha256) != GLOSS_JSON_STRING)
    return NULL;

  return g_strdup (gloss_json_tape_get_string (tape, sha256));
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

/**
 * gloss_format_append_span:
 *
 * Appends a span as one JSON object on one line, with its members in the
 * file's order: id, label, parts, text, attributes (in the label's order),
 * note, annotator, created, modified, then origin and suggester when set
 * and review when true.
 */
void
gloss_format_append_span (GString   *out,
                          GlossSpan *span)
{
  const GlossRange *parts = gloss_span_get_parts (span);
  guint n_parts = gloss_span_get_n_parts (span);

  g_string_append_printf (out, "{\"id\": %u, \"label\": ", gloss_span_get_id (span));
  gloss_json_append_string (out, gloss_span_get_label (span));
  g_string_append (out, ", \"parts\": [");
  for (guint i = 0; i < n_parts; i++)
    g_string_append_printf (out, "%s[%u, %u]", i ? ", " : "", parts[i].start, parts[i].end);
  g_string_append (out, "], \"text\": [");
  for (guint i = 0; i < n_parts; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      gloss_json_append_string (out, gloss_span_get_part_text (span, i));
    }
  g_string_append (out, "], \"attributes\": ");
  gloss_format_append_attributes (out, span);
  _gloss_span_info_append_json (_gloss_span_get_info (span), out);
  g_string_append_c (out, '}');
}

/**
 * gloss_format_append_attributes:
 *
 * Appends a span's attributes as the file writes them: a JSON object,
 * `{name: value}` in the order its label declares them, `{}` for none.
 */
void
gloss_format_append_attributes (GString   *out,
                                GlossSpan *span)
{
  g_string_append_c (out, '{');
  for (guint i = 0; i < gloss_span_get_n_attributes (span); i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      gloss_json_append_string (out, gloss_span_get_attribute_name (span, i));
      g_string_append (out, ": ");
      gloss_json_append_string (out, gloss_span_get_attribute_value (span, i));
    }
  g_string_append_c (out, '}');
}

/**
 * gloss_format_append_relation:
 *
 * Appends a relation as one JSON object on one line, with its members in
 * the file's order: id, label, from, to, then as a span's.
 */
void
gloss_format_append_relation (GString       *out,
                              GlossRelation *relation)
{
  g_string_append_printf (out, "{\"id\": %u, \"label\": ", gloss_relation_get_id (relation));
  gloss_json_append_string (out, gloss_relation_get_label (relation));
  g_string_append_printf (out, ", \"from\": %u, \"to\": %u",
                          gloss_relation_get_from (relation), gloss_relation_get_to (relation));
  _gloss_span_info_append_json (_gloss_relation_get_info (relation), out);
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
  char      *relation_labels;
  char      *meta;
  char      *orphans;      /* one JSON object a line, or NULL */
  char      *conflicts;    /* the same */
  GPtrArray *sentences;
  GPtrArray *annotations;
  GPtrArray *spans;
  GPtrArray *relations;
  GlossSuggestions *suggestions;  /* never changes: safe in the worker */
  guint      version;      /* 1 while there is nothing of version 2 */
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
  GlossLabelSet *label_set;
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
  snapshot->conflicts = _gloss_document_dup_conflicts_json (document, "    ");
  snapshot->sentences = ref_items (gloss_document_get_sentences (document));
  snapshot->annotations = ref_items (gloss_document_get_annotations (document));
  snapshot->spans = ref_items (gloss_document_get_spans (document));
  snapshot->relations = ref_items (gloss_document_get_relations (document));
  if (!gloss_suggestions_is_empty (gloss_document_get_suggestions (document)))
    snapshot->suggestions = g_object_ref (gloss_document_get_suggestions (document));

  /* Labels change in place (the labels editor): written now, and small */
  label_set = gloss_document_get_labels (document);
  labels = g_string_new (NULL);
  gloss_label_set_append_json (label_set, labels, "  ");
  snapshot->labels = g_string_free (labels, FALSE);

  /* A file stays of version 1, which older Gloss reads, until it holds
   * something only version 2 has */
  snapshot->version = 1;
  if (snapshot->spans->len > 0 || snapshot->relations->len > 0 || snapshot->suggestions != NULL ||
      !gloss_label_set_is_sentence_only (label_set))
    {
      snapshot->version = GLOSS_FORMAT_VERSION;
      labels = g_string_new (NULL);
      gloss_label_set_append_json (gloss_label_set_get_relation_labels (label_set), labels, "  ");
      snapshot->relation_labels = g_string_free (labels, FALSE);
    }

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
  g_free (snapshot->relation_labels);
  g_free (snapshot->meta);
  g_free (snapshot->orphans);
  g_free (snapshot->conflicts);
  g_clear_pointer (&snapshot->sentences, g_ptr_array_unref);
  g_clear_pointer (&snapshot->annotations, g_ptr_array_unref);
  g_clear_pointer (&snapshot->spans, g_ptr_array_unref);
  g_clear_pointer (&snapshot->relations, g_ptr_array_unref);
  g_clear_object (&snapshot->suggestions);
  g_free (snapshot);
}

typedef void (*AppendFunc) (GString *out,
                            gpointer item);

static void
append_annotation (GString  *out,
                   gpointer  item)
{
  gloss_format_append_annotation (out, item);
}

static void
append_span (GString  *out,
             gpointer  item)
{
  gloss_format_append_span (out, item);
}

static void
append_relation (GString  *out,
                 gpointer  item)
{
  gloss_format_append_relation (out, item);
}

static void
append_rejected (GString  *out,
                 gpointer  item)
{
  GlossSpan *span = item;

  g_string_append (out, "{\"label\": ");
  gloss_json_append_string (out, gloss_span_get_label (span));
  g_string_append (out, ", \"parts\": [");
  for (guint i = 0; i < gloss_span_get_n_parts (span); i++)
    g_string_append_printf (out, "%s[%u, %u]", i ? ", " : "", gloss_span_get_part (span, i).start,
                            gloss_span_get_part (span, i).end);
  g_string_append (out, "]}");
}

/* `INDENT"NAME": [` and one item a line, indented two more, without the
 * comma after the list */
static void
append_list_indented (GString    *out,
                      const char *indent,
                      const char *name,
                      GPtrArray  *items,
                      AppendFunc  append)
{
  if (out->str[out->len - 1] == ']')
    g_string_append (out, ",\n");
  g_string_append_printf (out, "%s\"%s\": [", indent, name);
  for (guint i = 0; i < items->len; i++)
    {
      g_string_append_printf (out, i ? ",\n%s  " : "\n%s  ", indent);
      append (out, g_ptr_array_index (items, i));
    }
  if (items->len)
    g_string_append_printf (out, "\n%s]", indent);
  else
    g_string_append (out, "]");
}

static void
append_list (GString    *out,
             const char *name,
             GPtrArray  *items,
             AppendFunc  append)
{
  append_list_indented (out, "  ", name, items, append);
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

  out = g_string_sized_new (4096 + 200 * snapshot->annotations->len + 48 * snapshot->sentences->len +
                            250 * snapshot->spans->len + 150 * snapshot->relations->len);

  g_string_append_printf (out, "{\n  \"format\": \"gloss\",\n  \"version\": %u,\n  \"text\": {\"file\": ",
                          snapshot->version);
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
  if (snapshot->version > 1)
    g_string_append_printf (out, ",\n  \"relation_labels\": %s", snapshot->relation_labels);

  g_string_append (out, ",\n  \"sentences\": [");
  for (guint i = 0; i < snapshot->sentences->len; i++)
    {
      g_string_append (out, i ? ",\n    " : "\n    ");
      gloss_format_append_sentence (out, g_ptr_array_index (snapshot->sentences, i));
    }
  g_string_append (out, snapshot->sentences->len ? "\n  ],\n" : "],\n");

  append_list (out, "annotations", snapshot->annotations, append_annotation);
  if (snapshot->version > 1)
    {
      append_list (out, "spans", snapshot->spans, append_span);
      append_list (out, "relations", snapshot->relations, append_relation);
    }

  if (snapshot->suggestions != NULL)
    {
      g_string_append (out, ",\n  \"suggestions\": {\n");
      append_list_indented (out, "    ", "spans", gloss_suggestions_get_spans (snapshot->suggestions), append_span);
      append_list_indented (out, "    ", "relations", gloss_suggestions_get_relations (snapshot->suggestions),
                            append_relation);
      append_list_indented (out, "    ", "rejected", gloss_suggestions_get_rejected (snapshot->suggestions),
                            append_rejected);
      g_string_append (out, "\n  }");
    }

  if (snapshot->orphans != NULL)
    g_string_append_printf (out, ",\n  \"orphans\": [\n%s\n  ]", snapshot->orphans);

  if (snapshot->conflicts != NULL)
    g_string_append_printf (out, ",\n  \"conflicts\": [\n%s\n  ]", snapshot->conflicts);

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

/**
 * _gloss_format_read_item:
 * @document: the document the item is for
 * @kind: %GLOSS_MERGE_CONFLICT_SPAN or %GLOSS_MERGE_CONFLICT_RELATION
 * @json: one span or relation as the file writes it
 * @problems: where the problems go, with paths from `$`
 *
 * Reads one span or relation with every check loading makes against
 * @document (labels, the text, the spans a relation joins): what a clash
 * offers is taken only as a file could hold it.
 *
 * Returns: (transfer full) (nullable): a #GlossSpan or #GlossRelation, not
 *   sealed; %NULL with @problems added
 */
GObject *
_gloss_format_read_item (GlossDocument     *document,
                         GlossMergeConflictKind  kind,
                         const char        *json,
                         GPtrArray         *problems)
{
  g_autofree char *list = g_strconcat ("[", json, "]", NULL);
  g_autoptr(GlossJsonTape) tape = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) items = NULL;
  gsize error_offset = 0;
  guint n_problems = problems->len;
  Loader loader = { gloss_document_get_text (document), problems, document, NULL, FALSE };

  g_return_val_if_fail (kind == GLOSS_MERGE_CONFLICT_SPAN || kind == GLOSS_MERGE_CONFLICT_RELATION, NULL);

  tape = gloss_json_tape_parse (list, strlen (list), &error_offset);
  if (tape == NULL)
    {
      gloss_problems_add (problems, "$", _("The version is not valid JSON"));
      return NULL;
    }
  loader.tape = tape;

  if (kind == GLOSS_MERGE_CONFLICT_SPAN)
    items = read_spans (&loader, 0, "$", ids);
  else
    {
      /* Every span of the document may be joined */
      for (guint i = 0; i < g_list_model_get_n_items (gloss_document_get_spans (document)); i++)
        {
          g_autoptr(GlossSpan) span = g_list_model_get_item (gloss_document_get_spans (document), i);

          g_hash_table_add (ids, GUINT_TO_POINTER (gloss_span_get_id (span)));
        }
      items = read_relations (&loader, 0, "$", ids, NULL);
    }

  if (problems->len > n_problems || items->len != 1)
    {
      if (problems->len == n_problems)
        gloss_problems_add (problems, "$", _("The version must be one object"));
      return NULL;
    }

  return g_object_ref (g_ptr_array_index (items, 0));
}
