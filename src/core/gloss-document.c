/* gloss-document.c
 *
 * GlossDocument, the model: a text, its sentences, their annotations and
 * the labels in effect, with the changes the window and the history make.
 * Its files (loading, saving, the stamp of the annotation file on disk)
 * are in gloss-document-io.c; both share gloss-document-private.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-annotation.h"
#include "gloss-document-private.h"
#include "gloss-history.h"
#include "gloss-json.h"
#include "gloss-label.h"
#include "gloss-label-set.h"
#include "gloss-problem.h"
#include "gloss-segmenter.h"
#include "gloss-sentence-private.h"
#include "gloss-text.h"

G_DEFINE_FINAL_TYPE (GlossDocument, gloss_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILE,
  PROP_TEXT,
  PROP_LANGUAGE,
  PROP_LABELS,
  PROP_SENTENCES,
  PROP_ANNOTATIONS,
  PROP_HISTORY,
  PROP_READ_ONLY,
  PROP_DONE,
  PROP_ANNOTATOR,
  PROP_N_ANNOTATED,
  N_PROPS
};

enum {
  CHANGED,
  SUGGESTIONS_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
gloss_document_dispose (GObject *object)
{
  GlossDocument *self = (GlossDocument *)object;

  g_clear_object (&self->history);

  G_OBJECT_CLASS (gloss_document_parent_class)->dispose (object);
}

static void
gloss_document_finalize (GObject *object)
{
  GlossDocument *self = (GlossDocument *)object;

  g_clear_object (&self->file);
  g_clear_object (&self->text);
  g_clear_object (&self->labels);
  g_clear_object (&self->sentences);
  g_clear_object (&self->annotations);
  _gloss_document_finalize_spans (self);
  g_clear_object (&self->suggestions);
  g_clear_pointer (&self->sentence_by_id, g_hash_table_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->annotator, g_free);
  g_clear_pointer (&self->meta, g_free);
  g_clear_pointer (&self->orphans, g_ptr_array_unref);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  g_clear_pointer (&self->read_only_reason, g_free);
  g_clear_pointer (&self->waiting_checks, g_ptr_array_unref);

  G_OBJECT_CLASS (gloss_document_parent_class)->finalize (object);
}

static void
gloss_document_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  GlossDocument *self = GLOSS_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_TEXT:
      g_value_set_object (value, self->text);
      break;

    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;

    case PROP_LABELS:
      g_value_set_object (value, self->labels);
      break;

    case PROP_SENTENCES:
      g_value_set_object (value, self->sentences);
      break;

    case PROP_ANNOTATIONS:
      g_value_set_object (value, self->annotations);
      break;

    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;

    case PROP_READ_ONLY:
      g_value_set_boolean (value, gloss_document_get_read_only (self));
      break;

    case PROP_DONE:
      g_value_set_boolean (value, self->done);
      break;

    case PROP_ANNOTATOR:
      g_value_set_string (value, self->annotator);
      break;

    case PROP_N_ANNOTATED:
      g_value_set_uint (value, self->n_annotated);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_document_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  GlossDocument *self = GLOSS_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_LANGUAGE:
      gloss_document_set_language (self, g_value_get_string (value));
      break;

    case PROP_DONE:
      gloss_document_set_done (self, g_value_get_boolean (value));
      break;

    case PROP_ANNOTATOR:
      gloss_document_set_annotator (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_document_class_init (GlossDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = gloss_document_dispose;
  object_class->finalize = gloss_document_finalize;
  object_class->get_property = gloss_document_get_property;
  object_class->set_property = gloss_document_set_property;

  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, ro);
  properties[PROP_TEXT] = g_param_spec_object ("text", NULL, NULL, GLOSS_TYPE_TEXT, ro);
  properties[PROP_LANGUAGE] = g_param_spec_string ("language", NULL, NULL, NULL, rw);
  properties[PROP_LABELS] = g_param_spec_object ("labels", NULL, NULL, GLOSS_TYPE_LABEL_SET, ro);
  properties[PROP_SENTENCES] = g_param_spec_object ("sentences", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  properties[PROP_ANNOTATIONS] = g_param_spec_object ("annotations", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  properties[PROP_HISTORY] = g_param_spec_object ("history", NULL, NULL, GLOSS_TYPE_HISTORY, ro);
  properties[PROP_READ_ONLY] = g_param_spec_boolean ("read-only", NULL, NULL, FALSE, ro);
  properties[PROP_DONE] = g_param_spec_boolean ("done", NULL, NULL, FALSE, rw);
  properties[PROP_ANNOTATOR] = g_param_spec_string ("annotator", NULL, NULL, NULL, rw);
  properties[PROP_N_ANNOTATED] = g_param_spec_uint ("n-annotated", NULL, NULL, 0, G_MAXUINT, 0, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GlossDocument::changed:
   *
   * Emitted after every change that is to be saved.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * GlossDocument::suggestions-changed:
   *
   * Emitted when the document's suggestions were replaced (computed,
   * accepted, rejected, undone); gloss_document_get_suggestions() has the
   * new ones.
   */
  signals[SUGGESTIONS_CHANGED] =
    g_signal_new ("suggestions-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
gloss_document_init (GlossDocument *self)
{
  self->sentences = g_list_store_new (GLOSS_TYPE_SENTENCE);
  self->annotations = g_list_store_new (GLOSS_TYPE_ANNOTATION);
  _gloss_document_init_spans (self);
  self->suggestions = gloss_suggestions_new (NULL, NULL, NULL);
  self->sentence_by_id = g_hash_table_new (NULL, NULL);
  self->problems = gloss_problems_new ();
  self->history = gloss_history_new (self);
  self->annotator = g_strdup ("");
  self->language = g_strdup ("en");
  self->next_annotation_id = 1;
}

static GlossSegmenter *
get_segmenter (const char *language)
{
  static GlossSegmenter *de, *en;

  /* Segmenters are immutable after construction and shared by all
   * documents and threads. */
  if (g_strcmp0 (language, "de") == 0)
    {
      if (g_once_init_enter (&de))
        g_once_init_leave (&de, gloss_segmenter_new ("de"));
      return de;
    }

  if (g_once_init_enter (&en))
    g_once_init_leave (&en, gloss_segmenter_new ("en"));
  return en;
}

static gboolean
language_is_valid (const char *language)
{
  return g_strcmp0 (language, "de") == 0 || g_strcmp0 (language, "en") == 0;
}

/**
 * gloss_document_new:
 * @text: the text
 * @language: (nullable): "de", "en", or %NULL to guess
 * @labels: (nullable): the labels in effect; %NULL for the defaults
 *
 * Creates a document whose sentences the segmenter finds, without
 * annotations.
 *
 * Returns: (transfer full): a new document
 */
GlossDocument *
gloss_document_new (GlossText     *text,
                    const char    *language,
                    GlossLabelSet *labels)
{
  GlossDocument *self;
  g_autoptr(GArray) spans = NULL;
  g_autoptr(GPtrArray) sentences = NULL;

  g_return_val_if_fail (GLOSS_IS_TEXT (text), NULL);

  self = _gloss_document_new_empty (text, language, labels);

  spans = _gloss_document_split (self);

  sentences = g_ptr_array_new_full (spans->len, g_object_unref);
  for (guint i = 0; i < spans->len; i++)
    {
      GlossRange *span = &g_array_index (spans, GlossRange, i);

      g_ptr_array_add (sentences, gloss_sentence_new (i, span->start, span->end));
    }
  _gloss_document_set_sentences (self, sentences);

  return self;
}

GlossText *
gloss_document_get_text (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  return self->text;
}

const char *
gloss_document_get_language (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  return self->language;
}

/**
 * gloss_document_set_language:
 * @language: "de" or "en"
 *
 * Sets the document's language. The sentences stay as they are: the
 * boundaries of an annotated document are never moved behind its back.
 */
void
gloss_document_set_language (GlossDocument *self,
                             const char    *language)
{
  g_return_if_fail (GLOSS_IS_DOCUMENT (self));
  g_return_if_fail (language_is_valid (language));

  if (g_strcmp0 (self->language, language) == 0)
    return;

  g_free (self->language);
  self->language = g_strdup (language);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
  _gloss_document_emit_changed (self);
}

GlossLabelSet *
gloss_document_get_labels (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  return self->labels;
}

/**
 * gloss_document_get_sentences:
 *
 * Returns: (transfer none): a #GListModel of #GlossSentence, in text
 *   order; a sentence whose labels change is reported as changed in place
 */
GListModel *
gloss_document_get_sentences (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  return G_LIST_MODEL (self->sentences);
}

/**
 * gloss_document_get_annotations:
 *
 * Returns: (transfer none): a #GListModel of #GlossAnnotation, ordered by
 *   position in the text, then label order, then id
 */
GListModel *
gloss_document_get_annotations (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  return G_LIST_MODEL (self->annotations);
}

GlossHistory *
gloss_document_get_history (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  return self->history;
}

/**
 * gloss_document_get_problems:
 *
 * Returns: (transfer none) (element-type GlossProblem): the problems found
 *   when loading; a document with problems is read-only
 */
GPtrArray *
gloss_document_get_problems (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  return self->problems;
}

gboolean
gloss_document_get_read_only (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), TRUE);

  return self->problems->len > 0 || self->read_only_reason != NULL;
}

/**
 * gloss_document_get_read_only_reason:
 *
 * Returns: (nullable): why the document is read-only, in a sentence that
 *   names the file when its permissions are the reason (“a.txt.gloss.json”
 *   is read-only: …); %NULL when it is not read-only
 */
const char *
gloss_document_get_read_only_reason (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  if (self->problems->len > 0)
    return _("The annotation file has problems, so Gloss does not overwrite it");

  return self->read_only_reason;
}

gboolean
gloss_document_get_done (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);

  return self->done;
}

void
gloss_document_set_done (GlossDocument *self,
                         gboolean       done)
{
  g_return_if_fail (GLOSS_IS_DOCUMENT (self));

  if (self->done == !!done)
    return;

  _gloss_document_set_done (self, done);
  _gloss_document_emit_changed (self);
}

const char *
gloss_document_get_annotator (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  return self->annotator;
}

/**
 * gloss_document_set_annotator:
 *
 * Sets the name written into the annotations made from now on.
 */
void
gloss_document_set_annotator (GlossDocument *self,
                              const char    *annotator)
{
  g_return_if_fail (GLOSS_IS_DOCUMENT (self));

  if (annotator == NULL)
    annotator = "";

  if (g_strcmp0 (self->annotator, annotator) == 0)
    return;

  g_free (self->annotator);
  self->annotator = g_strdup (annotator);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANNOTATOR]);
}

guint
gloss_document_get_n_sentences (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->sentences));
}

/**
 * gloss_document_get_sentence:
 *
 * Returns: (transfer none) (nullable): the sentence at @position
 */
GlossSentence *
gloss_document_get_sentence (GlossDocument *self,
                             guint          position)
{
  g_autoptr(GlossSentence) sentence = NULL;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  /* The store holds a reference, so the borrowed pointer stays valid */
  sentence = g_list_model_get_item (G_LIST_MODEL (self->sentences), position);

  return sentence;
}

/**
 * gloss_document_lookup_sentence:
 *
 * Returns: (transfer none) (nullable): the sentence with @id
 */
GlossSentence *
gloss_document_lookup_sentence (GlossDocument *self,
                                guint          id)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  return g_hash_table_lookup (self->sentence_by_id, GUINT_TO_POINTER (id));
}

/**
 * gloss_document_find_sentence_at:
 * @offset: a code point offset
 *
 * Returns: the position of the sentence that holds @offset, or of the
 *   first sentence after it when @offset is between sentences; -1 when
 *   there is none
 */
int
gloss_document_find_sentence_at (GlossDocument *self,
                                 guint          offset)
{
  guint lo = 0;
  guint hi;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), -1);

  hi = gloss_document_get_n_sentences (self);

  /* The first sentence whose end is after offset */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (gloss_sentence_get_end (gloss_document_get_sentence (self, mid)) <= offset)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo < gloss_document_get_n_sentences (self) ? (int)lo : -1;
}

/**
 * gloss_document_get_n_annotated:
 *
 * Returns: how many sentences carry at least one label
 */
guint
gloss_document_get_n_annotated (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), 0);

  return self->n_annotated;
}

/**
 * gloss_document_count_label:
 * @label: a sentence or span label
 *
 * Returns: how many annotations (for a sentence label) or spans (for a
 *   span label) have @label
 */
guint
gloss_document_count_label (GlossDocument *self,
                            const char    *label)
{
  GlossLabel *definition;
  guint n, count = 0;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), 0);

  definition = gloss_label_set_lookup (self->labels, label);
  if (definition != NULL && gloss_label_get_scope (definition) == GLOSS_LABEL_SCOPE_SPAN)
    return _gloss_document_count_spans (self, label);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->annotations));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossAnnotation) annotation = g_list_model_get_item (G_LIST_MODEL (self->annotations), i);

      if (g_strcmp0 (gloss_annotation_get_label (annotation), label) == 0)
        count++;
    }

  return count;
}

/**
 * gloss_document_dup_sentence_text:
 *
 * Returns: (transfer full): the text of the sentence at @position
 */
char *
gloss_document_dup_sentence_text (GlossDocument *self,
                                  guint          position)
{
  GlossSentence *sentence;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  sentence = gloss_document_get_sentence (self, position);
  g_return_val_if_fail (sentence != NULL, NULL);

  return gloss_text_dup_slice (self->text, gloss_sentence_get_start (sentence), gloss_sentence_get_end (sentence));
}

/**
 * gloss_document_add_label:
 * @position: a sentence's position
 * @label: a label id of the document's label set
 *
 * Labels the sentence, as an undoable step. Adding a label the sentence
 * has already changes nothing. A new label takes the sentence's note.
 *
 * Returns: %TRUE if the document changed
 */
gboolean
gloss_document_add_label (GlossDocument *self,
                          guint          position,
                          const char    *label)
{
  g_autoptr(GlossAnnotation) annotation = NULL;
  g_autofree char *text = NULL;
  GlossSentence *sentence;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (!gloss_document_get_read_only (self), FALSE);

  sentence = gloss_document_get_sentence (self, position);
  g_return_val_if_fail (sentence != NULL, FALSE);
  g_return_val_if_fail (gloss_label_set_lookup (self->labels, label) != NULL, FALSE);

  if (gloss_sentence_has_label (sentence, label))
    return FALSE;

  text = gloss_document_dup_sentence_text (self, position);
  annotation = gloss_annotation_new (self->next_annotation_id++,
                                     label,
                                     gloss_sentence_get_start (sentence),
                                     gloss_sentence_get_end (sentence),
                                     text,
                                     gloss_sentence_get_id (sentence),
                                     gloss_document_get_note (self, position),
                                     self->annotator,
                                     NULL, NULL);
  gloss_history_insert (self->history, annotation);

  return TRUE;
}

/**
 * gloss_document_remove_label:
 *
 * Returns: %TRUE if the sentence had @label, which is now removed
 */
gboolean
gloss_document_remove_label (GlossDocument *self,
                             guint          position,
                             const char    *label)
{
  GlossSentence *sentence;
  GlossAnnotation *annotation;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (!gloss_document_get_read_only (self), FALSE);

  sentence = gloss_document_get_sentence (self, position);
  g_return_val_if_fail (sentence != NULL, FALSE);

  annotation = gloss_sentence_find_label (sentence, label);
  if (annotation == NULL)
    return FALSE;

  gloss_history_remove (self->history, annotation);

  return TRUE;
}

/**
 * gloss_document_toggle_label:
 *
 * Adds @label to the sentence, or removes it if the sentence has it.
 *
 * Returns: %TRUE if the sentence has the label now
 */
gboolean
gloss_document_toggle_label (GlossDocument *self,
                             guint          position,
                             const char    *label)
{
  GlossSentence *sentence;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);

  sentence = gloss_document_get_sentence (self, position);
  g_return_val_if_fail (sentence != NULL, FALSE);

  if (gloss_sentence_has_label (sentence, label))
    {
      gloss_document_remove_label (self, position, label);
      return FALSE;
    }

  gloss_document_add_label (self, position, label);

  return TRUE;
}

static GPtrArray *
sentence_annotations (GlossSentence *sentence)
{
  GPtrArray *annotations = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < gloss_sentence_get_n_annotations (sentence); i++)
    g_ptr_array_add (annotations, g_object_ref (gloss_sentence_get_annotation (sentence, i)));

  return annotations;
}

/**
 * gloss_document_get_note:
 *
 * A sentence's note is kept on each of its annotations, so that every
 * exported annotation carries it.
 *
 * Returns: the note of the sentence at @position; "" when it has none
 */
const char *
gloss_document_get_note (GlossDocument *self,
                         guint          position)
{
  GlossSentence *sentence;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), "");

  sentence = gloss_document_get_sentence (self, position);
  g_return_val_if_fail (sentence != NULL, "");

  for (guint i = 0; i < gloss_sentence_get_n_annotations (sentence); i++)
    {
      const char *note = gloss_annotation_get_note (gloss_sentence_get_annotation (sentence, i));

      if (note[0] != '\0')
        return note;
    }

  return "";
}

/**
 * gloss_document_set_note:
 *
 * Sets the note of every annotation of the sentence, as one undoable step.
 * A sentence without a label has nowhere to keep a note.
 *
 * Returns: %TRUE if the document changed
 */
gboolean
gloss_document_set_note (GlossDocument *self,
                         guint          position,
                         const char    *note)
{
  g_autoptr(GPtrArray) annotations = NULL;
  g_autofree char *now = NULL;
  GlossSentence *sentence;
  gboolean changed = FALSE;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (note != NULL, FALSE);
  g_return_val_if_fail (!gloss_document_get_read_only (self), FALSE);

  sentence = gloss_document_get_sentence (self, position);
  g_return_val_if_fail (sentence != NULL, FALSE);

  now = gloss_timestamp_now ();

  annotations = sentence_annotations (sentence);

  gloss_history_begin_group (self->history);
  for (guint i = 0; i < annotations->len; i++)
    {
      GlossAnnotation *annotation = g_ptr_array_index (annotations, i);
      g_autoptr(GlossAnnotation) noted = NULL;

      if (g_strcmp0 (gloss_annotation_get_note (annotation), note) == 0)
        continue;

      /* Annotations in a document never change, so that a save can write
       * them from a worker thread: a new note is a new object */
      noted = gloss_annotation_new (gloss_annotation_get_id (annotation),
                                    gloss_annotation_get_label (annotation),
                                    gloss_annotation_get_start (annotation),
                                    gloss_annotation_get_end (annotation),
                                    gloss_annotation_get_text (annotation),
                                    gloss_annotation_get_sentence (annotation),
                                    note,
                                    gloss_annotation_get_annotator (annotation),
                                    gloss_annotation_get_created (annotation),
                                    now);
      gloss_annotation_set_review (noted, gloss_annotation_get_review (annotation));
      gloss_history_remove (self->history, annotation);
      gloss_history_insert (self->history, noted);
      changed = TRUE;
    }
  gloss_history_end_group (self->history);

  return changed;
}

static GPtrArray *
ptr_array_of (gpointer first,
              gpointer second)
{
  GPtrArray *array = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (array, first);
  if (second != NULL)
    g_ptr_array_add (array, second);

  return array;
}

/* A copy of @annotation on another span (and sentence), as a boundary edit
 * needs: the same label, note, annotator and creation time. */
static GlossAnnotation *
move_annotation (GlossDocument   *self,
                 GlossAnnotation *annotation,
                 GlossSentence   *sentence,
                 const char      *note,
                 const char      *now,
                 gboolean         review)
{
  g_autofree char *text = gloss_text_dup_slice (self->text,
                                                gloss_sentence_get_start (sentence),
                                                gloss_sentence_get_end (sentence));
  GlossAnnotation *copy;

  copy = gloss_annotation_new (self->next_annotation_id++,
                               gloss_annotation_get_label (annotation),
                               gloss_sentence_get_start (sentence),
                               gloss_sentence_get_end (sentence),
                               text,
                               gloss_sentence_get_id (sentence),
                               note,
                               gloss_annotation_get_annotator (annotation),
                               gloss_annotation_get_created (annotation),
                               now);
  gloss_annotation_set_review (copy, review);

  return copy;
}

/**
 * gloss_document_delete_label:
 * @label: a sentence or span label of the document's label set
 *
 * Takes a label out of the label set with all its annotations, as one
 * undoable step: undo brings back the label and then its annotations. A
 * span label goes with its spans and their relations
 * (gloss_document_count_label_relations() counts those), and out of the
 * relation labels that join it; a relation label left joining nothing goes
 * too.
 *
 * Returns: how many annotations (spans, for a span label) were removed
 *   with the label
 */
guint
gloss_document_delete_label (GlossDocument *self,
                             const char    *label)
{
  g_autoptr(GPtrArray) doomed = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *annotations;
  GlossLabel *definition;
  guint n;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (!gloss_document_get_read_only (self), 0);

  definition = gloss_label_set_lookup (self->labels, label);
  g_return_val_if_fail (definition != NULL, 0);

  if (gloss_label_get_scope (definition) == GLOSS_LABEL_SCOPE_SPAN)
    {
      guint n_spans;

      gloss_history_begin_group (self->history);
      n_spans = _gloss_document_delete_span_label (self, definition);
      gloss_history_end_group (self->history);

      return n_spans;
    }

  annotations = G_LIST_MODEL (self->annotations);
  n = g_list_model_get_n_items (annotations);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossAnnotation) annotation = g_list_model_get_item (annotations, i);

      if (g_strcmp0 (gloss_annotation_get_label (annotation), label) == 0)
        g_ptr_array_add (doomed, g_steal_pointer (&annotation));
    }

  gloss_history_begin_group (self->history);
  for (guint i = 0; i < doomed->len; i++)
    gloss_history_remove (self->history, g_ptr_array_index (doomed, i));
  gloss_history_remove_label (self->history, definition);
  gloss_history_end_group (self->history);

  return doomed->len;
}

/**
 * gloss_document_merge_sentences:
 * @position: the first of the two sentences
 *
 * Merges a sentence with the next one, as one undoable step. The merged
 * sentence has the labels of both, and both notes.
 *
 * Returns: %TRUE if the sentences were merged
 */
gboolean
gloss_document_merge_sentences (GlossDocument *self,
                                guint          position)
{
  g_autoptr(GPtrArray) old_annotations = NULL;
  g_autoptr(GPtrArray) new_annotations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) old_sentences = NULL;
  g_autoptr(GPtrArray) new_sentences = NULL;
  g_autofree char *now = gloss_timestamp_now ();
  g_autofree char *note = NULL;
  GlossSentence *first, *second, *merged;
  const char *note_a, *note_b;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (!gloss_document_get_read_only (self), FALSE);

  first = gloss_document_get_sentence (self, position);
  second = gloss_document_get_sentence (self, position + 1);
  if (first == NULL || second == NULL)
    return FALSE;

  note_a = gloss_document_get_note (self, position);
  note_b = gloss_document_get_note (self, position + 1);
  if (note_b[0] == '\0' || g_strcmp0 (note_a, note_b) == 0)
    note = g_strdup (note_a);
  else if (note_a[0] == '\0')
    note = g_strdup (note_b);
  else
    note = g_strconcat (note_a, "\n", note_b, NULL);

  merged = gloss_sentence_new (gloss_sentence_get_id (first),
                               gloss_sentence_get_start (first),
                               gloss_sentence_get_end (second));
  old_sentences = ptr_array_of (g_object_ref (first), g_object_ref (second));
  new_sentences = ptr_array_of (merged, NULL);

  /* The union of the labels: each label once, taken from the first
   * sentence that has it */
  old_annotations = sentence_annotations (first);
  g_ptr_array_extend_and_steal (old_annotations, sentence_annotations (second));
  for (guint i = 0; i < old_annotations->len; i++)
    {
      GlossAnnotation *annotation = g_ptr_array_index (old_annotations, i);
      gboolean seen = FALSE;

      for (guint j = 0; j < new_annotations->len; j++)
        seen |= g_strcmp0 (gloss_annotation_get_label (g_ptr_array_index (new_annotations, j)),
                           gloss_annotation_get_label (annotation)) == 0;
      if (!seen)
        g_ptr_array_add (new_annotations,
                         move_annotation (self, annotation, merged, note, now,
                                          gloss_annotation_get_review (annotation)));
    }

  gloss_history_begin_group (self->history);
  for (guint i = 0; i < old_annotations->len; i++)
    gloss_history_remove (self->history, g_ptr_array_index (old_annotations, i));
  gloss_history_replace_sentences (self->history, position, old_sentences, new_sentences);
  for (guint i = 0; i < new_annotations->len; i++)
    gloss_history_insert (self->history, g_ptr_array_index (new_annotations, i));
  gloss_history_end_group (self->history);

  return TRUE;
}

static gboolean
is_space_at (GlossDocument *self,
             guint          offset)
{
  const char *p = gloss_text_get_contents (self->text) + gloss_text_get_byte_offset (self->text, offset);
  gunichar c = g_utf8_get_char (p);

  return g_unichar_isspace (c) || c == 0xFEFF;
}

/**
 * gloss_document_split_sentence:
 * @position: the sentence to split
 * @offset: the code point where the second part begins
 *
 * Splits a sentence in two, as one undoable step; white space at the split
 * belongs to neither part. The labels stay on both parts, marked for review,
 * and so does the note.
 *
 * Returns: %TRUE if the sentence was split; %FALSE if a part would be empty
 */
gboolean
gloss_document_split_sentence (GlossDocument *self,
                               guint          position,
                               guint          offset)
{
  g_autoptr(GPtrArray) old_annotations = NULL;
  g_autoptr(GPtrArray) new_annotations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) old_sentences = NULL;
  g_autoptr(GPtrArray) new_sentences = NULL;
  g_autofree char *now = gloss_timestamp_now ();
  g_autofree char *note = NULL;
  GlossSentence *sentence, *first, *second;
  guint first_end, second_start;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (!gloss_document_get_read_only (self), FALSE);

  sentence = gloss_document_get_sentence (self, position);
  g_return_val_if_fail (sentence != NULL, FALSE);

  if (offset <= gloss_sentence_get_start (sentence) || offset >= gloss_sentence_get_end (sentence))
    return FALSE;

  for (first_end = offset; first_end > gloss_sentence_get_start (sentence) && is_space_at (self, first_end - 1); first_end--)
    ;
  for (second_start = offset; second_start < gloss_sentence_get_end (sentence) && is_space_at (self, second_start); second_start++)
    ;
  if (first_end == gloss_sentence_get_start (sentence) || second_start == gloss_sentence_get_end (sentence))
    return FALSE;

  note = g_strdup (gloss_document_get_note (self, position));
  first = gloss_sentence_new (gloss_sentence_get_id (sentence), gloss_sentence_get_start (sentence), first_end);
  second = gloss_sentence_new (self->next_sentence_id, second_start, gloss_sentence_get_end (sentence));
  old_sentences = ptr_array_of (g_object_ref (sentence), NULL);
  new_sentences = ptr_array_of (first, second);

  old_annotations = sentence_annotations (sentence);
  for (guint i = 0; i < old_annotations->len; i++)
    {
      GlossAnnotation *annotation = g_ptr_array_index (old_annotations, i);

      g_ptr_array_add (new_annotations, move_annotation (self, annotation, first, note, now, TRUE));
      g_ptr_array_add (new_annotations, move_annotation (self, annotation, second, note, now, TRUE));
    }

  gloss_history_begin_group (self->history);
  for (guint i = 0; i < old_annotations->len; i++)
    gloss_history_remove (self->history, g_ptr_array_index (old_annotations, i));
  gloss_history_replace_sentences (self->history, position, old_sentences, new_sentences);
  for (guint i = 0; i < new_annotations->len; i++)
    gloss_history_insert (self->history, g_ptr_array_index (new_annotations, i));
  gloss_history_end_group (self->history);

  return TRUE;
}

/**
 * gloss_document_mark_reviewed:
 *
 * Clears the review mark of the sentence's labels, as one undoable step.
 *
 * Returns: %TRUE if any label was marked
 */
gboolean
gloss_document_mark_reviewed (GlossDocument *self,
                              guint          position)
{
  g_autoptr(GPtrArray) annotations = NULL;
  g_autofree char *now = gloss_timestamp_now ();
  GlossSentence *sentence;
  gboolean changed = FALSE;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (!gloss_document_get_read_only (self), FALSE);

  sentence = gloss_document_get_sentence (self, position);
  g_return_val_if_fail (sentence != NULL, FALSE);

  annotations = sentence_annotations (sentence);
  gloss_history_begin_group (self->history);
  for (guint i = 0; i < annotations->len; i++)
    {
      GlossAnnotation *annotation = g_ptr_array_index (annotations, i);
      g_autoptr(GlossAnnotation) reviewed = NULL;

      if (!gloss_annotation_get_review (annotation))
        continue;

      reviewed = gloss_annotation_new (gloss_annotation_get_id (annotation),
                                       gloss_annotation_get_label (annotation),
                                       gloss_annotation_get_start (annotation),
                                       gloss_annotation_get_end (annotation),
                                       gloss_annotation_get_text (annotation),
                                       gloss_annotation_get_sentence (annotation),
                                       gloss_annotation_get_note (annotation),
                                       gloss_annotation_get_annotator (annotation),
                                       gloss_annotation_get_created (annotation),
                                       now);
      gloss_history_remove (self->history, annotation);
      gloss_history_insert (self->history, reviewed);
      changed = TRUE;
    }
  gloss_history_end_group (self->history);

  return changed;
}

/**
 * gloss_document_resplit_unlabelled:
 *
 * Splits again, with the current segmenter, every run of sentences none of
 * which has a label; labelled sentences keep their boundaries. One
 * undoable step. This is the only way a better segmenter moves the
 * boundaries of an annotated document: when the user asks.
 *
 * Returns: the number of sentences whose boundaries changed
 */
guint
gloss_document_resplit_unlabelled (GlossDocument *self)
{
  GlossSegmenter *segmenter;
  const char *contents;
  guint changed = 0;
  guint run_end;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (!gloss_document_get_read_only (self), 0);

  segmenter = get_segmenter (self->language);
  contents = gloss_text_get_contents (self->text);

  gloss_history_begin_group (self->history);

  /* From the end, so the positions of runs still to do stay valid */
  run_end = gloss_document_get_n_sentences (self);
  while (run_end > 0)
    {
      g_autoptr(GPtrArray) old_sentences = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GPtrArray) new_sentences = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GArray) spans = NULL;
      guint run_start = run_end;
      guint start, end;
      gsize b_start, b_end;
      gboolean same;

      if (gloss_sentence_get_n_annotations (gloss_document_get_sentence (self, run_end - 1)) > 0)
        {
          run_end--;
          continue;
        }

      while (run_start > 0 && gloss_sentence_get_n_annotations (gloss_document_get_sentence (self, run_start - 1)) == 0)
        run_start--;

      start = gloss_sentence_get_start (gloss_document_get_sentence (self, run_start));
      end = gloss_sentence_get_end (gloss_document_get_sentence (self, run_end - 1));
      b_start = gloss_text_get_byte_offset (self->text, start);
      b_end = gloss_text_get_byte_offset (self->text, end);
      spans = gloss_segmenter_split (segmenter, contents + b_start, b_end - b_start);

      same = spans->len == run_end - run_start;
      for (guint i = 0; i < run_end - run_start; i++)
        {
          GlossSentence *sentence = gloss_document_get_sentence (self, run_start + i);

          g_ptr_array_add (old_sentences, g_object_ref (sentence));
          if (same)
            {
              GlossRange *span = &g_array_index (spans, GlossRange, i);

              same = span->start + start == gloss_sentence_get_start (sentence) &&
                     span->end + start == gloss_sentence_get_end (sentence);
            }
        }

      if (!same)
        {
          for (guint i = 0; i < spans->len; i++)
            {
              GlossRange *span = &g_array_index (spans, GlossRange, i);

              g_ptr_array_add (new_sentences,
                               gloss_sentence_new (self->next_sentence_id++, start + span->start, start + span->end));
            }

          gloss_history_replace_sentences (self->history, run_start, old_sentences, new_sentences);
          changed += MAX (old_sentences->len, new_sentences->len);
        }

      run_end = run_start;
    }

  gloss_history_end_group (self->history);

  return changed;
}

gboolean
gloss_document_undo (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);

  if (gloss_document_get_read_only (self))
    return FALSE;

  return gloss_history_undo (self->history);
}

gboolean
gloss_document_redo (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);

  if (gloss_document_get_read_only (self))
    return FALSE;

  return gloss_history_redo (self->history);
}

/* Private API */

static int compare_annotations     (gconstpointer a,
                                    gconstpointer b,
                                    gpointer      user_data);
static int compare_annotations_ptr (gconstpointer a,
                                    gconstpointer b,
                                    gpointer      user_data);

/* A label moved in the set (the labels editor): the annotations follow
 * the new label order at once, since their lookups search them by it, and
 * the next save writes them so */
static void
on_labels_items_changed_cb (GListModel    *labels,
                            guint          position,
                            guint          removed,
                            guint          added,
                            GlossDocument *self)
{
  GListModel *annotations = G_LIST_MODEL (self->annotations);
  guint n = g_list_model_get_n_items (annotations);
  gboolean sorted = TRUE;

  /* A label added or taken away leaves the others in their order */
  if (removed == 0 || added == 0)
    return;

  _gloss_document_sort_spans (self);

  for (guint i = 1; sorted && i < n; i++)
    {
      g_autoptr(GlossAnnotation) a = g_list_model_get_item (annotations, i - 1);
      g_autoptr(GlossAnnotation) b = g_list_model_get_item (annotations, i);

      sorted = compare_annotations (a, b, self) <= 0;
    }
  if (sorted)
    return;

  g_list_store_sort (self->annotations, compare_annotations, self);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->sentences)); i++)
    {
      GlossSentence *sentence = gloss_document_get_sentence (self, i);

      if (_gloss_sentence_sort_annotations (sentence, compare_annotations_ptr, self))
        g_list_model_items_changed (G_LIST_MODEL (self->sentences), i, 1, 1);
    }
}

static void
on_relation_labels_items_changed_cb (GListModel    *labels,
                                     guint          position,
                                     guint          removed,
                                     guint          added,
                                     GlossDocument *self)
{
  if (removed > 0 && added > 0)
    _gloss_document_sort_spans (self);
}

/**
 * _gloss_document_new_empty:
 *
 * Returns: (transfer full): a document without sentences
 */
GlossDocument *
_gloss_document_new_empty (GlossText     *text,
                           const char    *language,
                           GlossLabelSet *labels)
{
  GlossDocument *self = g_object_new (GLOSS_TYPE_DOCUMENT, NULL);

  self->text = g_object_ref (text);
  g_free (self->language);
  self->language = g_strdup (language_is_valid (language) ? language : gloss_text_guess_language (text));
  self->labels = labels ? g_object_ref (labels) : gloss_label_set_new_default ();
  g_signal_connect_object (self->labels, "items-changed", G_CALLBACK (on_labels_items_changed_cb), self, 0);
  g_signal_connect_object (gloss_label_set_get_relation_labels (self->labels), "items-changed",
                           G_CALLBACK (on_relation_labels_items_changed_cb), self, 0);

  return self;
}

/**
 * _gloss_document_split:
 *
 * Returns: (transfer full) (element-type GlossRange): the sentences the
 *   segmenter finds in the whole text, in the document's language
 */
GArray *
_gloss_document_split (GlossDocument *self)
{
  return gloss_segmenter_split (get_segmenter (self->language),
                                gloss_text_get_contents (self->text),
                                gloss_text_get_n_bytes (self->text));
}

static int
compare_annotations (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  GlossDocument *self = user_data;
  GlossAnnotation *x = (GlossAnnotation *)a;
  GlossAnnotation *y = (GlossAnnotation *)b;
  int px, py;

  if (gloss_annotation_get_start (x) != gloss_annotation_get_start (y))
    return gloss_annotation_get_start (x) < gloss_annotation_get_start (y) ? -1 : 1;
  if (gloss_annotation_get_end (x) != gloss_annotation_get_end (y))
    return gloss_annotation_get_end (x) < gloss_annotation_get_end (y) ? -1 : 1;

  /* Unknown labels (only in a read-only document) sort last */
  px = gloss_label_set_get_position (self->labels, gloss_annotation_get_label (x));
  py = gloss_label_set_get_position (self->labels, gloss_annotation_get_label (y));
  if (px != py)
    return (guint)px < (guint)py ? -1 : 1;

  if (gloss_annotation_get_id (x) != gloss_annotation_get_id (y))
    return gloss_annotation_get_id (x) < gloss_annotation_get_id (y) ? -1 : 1;

  return 0;
}

static guint
find_annotation_position (GlossDocument   *self,
                          GlossAnnotation *annotation,
                          gboolean        *found)
{
  GListModel *model = G_LIST_MODEL (self->annotations);
  guint lo = 0;
  guint hi = g_list_model_get_n_items (model);

  *found = FALSE;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      g_autoptr(GlossAnnotation) item = g_list_model_get_item (model, mid);
      int cmp = compare_annotations (item, annotation, self);

      if (cmp == 0)
        {
          *found = item == annotation;
          return mid;
        }

      if (cmp < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

static void
sentence_changed (GlossDocument *self,
                  GlossSentence *sentence)
{
  guint position;

  /* Sentences are ordered by offset, so their position is a search away */
  position = gloss_document_find_sentence_at (self, gloss_sentence_get_start (sentence));
  if (gloss_document_get_sentence (self, position) == sentence)
    g_list_model_items_changed (G_LIST_MODEL (self->sentences), position, 1, 1);
}

static void
update_n_annotated (GlossDocument *self,
                    int            delta)
{
  self->n_annotated += delta;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ANNOTATED]);
}

void
_gloss_document_insert_annotation (GlossDocument   *self,
                                   GlossAnnotation *annotation)
{
  GlossSentence *sentence;
  gboolean found;
  guint position;
  guint sentence_pos;
  int label_pos;

  position = find_annotation_position (self, annotation, &found);
  g_return_if_fail (!found);

  g_list_store_insert (self->annotations, position, annotation);
  self->next_annotation_id = MAX (self->next_annotation_id, gloss_annotation_get_id (annotation) + 1);

  sentence = gloss_document_lookup_sentence (self, gloss_annotation_get_sentence (annotation));
  if (sentence == NULL)
    return;

  /* After the sentence's last annotation of a label not after this one:
   * they are in label order, so a search finds the place, and a label
   * with a thousand others on one sentence is not a walk each time */
  label_pos = gloss_label_set_get_position (self->labels, gloss_annotation_get_label (annotation));
  sentence_pos = 0;
  for (guint hi = gloss_sentence_get_n_annotations (sentence); sentence_pos < hi;)
    {
      guint mid = sentence_pos + (hi - sentence_pos) / 2;
      GlossAnnotation *other = gloss_sentence_get_annotation (sentence, mid);

      if ((guint)gloss_label_set_get_position (self->labels, gloss_annotation_get_label (other)) > (guint)label_pos)
        hi = mid;
      else
        sentence_pos = mid + 1;
    }

  _gloss_sentence_insert_annotation (sentence, sentence_pos, annotation);
  if (gloss_sentence_get_n_annotations (sentence) == 1)
    update_n_annotated (self, 1);
  sentence_changed (self, sentence);
}

static int
compare_annotations_ptr (gconstpointer a,
                         gconstpointer b,
                         gpointer      user_data)
{
  return compare_annotations (*(gconstpointer *)a, *(gconstpointer *)b, user_data);
}

/**
 * _gloss_document_add_loaded_annotations:
 * @annotations: (element-type GlossAnnotation): annotations read from a
 *   file, each with a sentence of the document and no two alike
 *
 * Adds annotations in bulk, as loading does: one sort and one splice
 * instead of a search and a signal for each.
 */
void
_gloss_document_add_loaded_annotations (GlossDocument *self,
                                        GPtrArray     *annotations)
{
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->annotations));

  g_return_if_fail (n_old == 0);

  g_ptr_array_sort_with_data (annotations, compare_annotations_ptr, self);

  for (guint i = 0; i < annotations->len; i++)
    {
      GlossAnnotation *annotation = g_ptr_array_index (annotations, i);
      GlossSentence *sentence = gloss_document_lookup_sentence (self, gloss_annotation_get_sentence (annotation));
      guint position = gloss_sentence_get_n_annotations (sentence);

      /* Sorted by label order already, so each goes at the end */
      _gloss_sentence_insert_annotation (sentence, position, annotation);
      if (position == 0)
        self->n_annotated++;
      self->next_annotation_id = MAX (self->next_annotation_id, gloss_annotation_get_id (annotation) + 1);
    }

  g_list_store_splice (self->annotations, 0, 0, annotations->pdata, annotations->len);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ANNOTATED]);
}

void
_gloss_document_remove_annotation (GlossDocument   *self,
                                   GlossAnnotation *annotation)
{
  GlossSentence *sentence;
  gboolean found;
  guint position;

  position = find_annotation_position (self, annotation, &found);
  g_return_if_fail (found);

  /* The store may hold the last reference */
  g_object_ref (annotation);
  g_list_store_remove (self->annotations, position);

  sentence = gloss_document_lookup_sentence (self, gloss_annotation_get_sentence (annotation));
  if (sentence != NULL)
    {
      _gloss_sentence_remove_annotation (sentence, annotation);
      if (gloss_sentence_get_n_annotations (sentence) == 0)
        update_n_annotated (self, -1);
      sentence_changed (self, sentence);
    }

  g_object_unref (annotation);
}

/**
 * _gloss_document_set_sentences:
 * @sentences: (element-type GlossSentence): in text order, without
 *   annotations
 */
void
_gloss_document_set_sentences (GlossDocument *self,
                               GPtrArray     *sentences)
{
  _gloss_document_replace_sentences (self, 0, g_list_model_get_n_items (G_LIST_MODEL (self->sentences)), sentences);
}

/**
 * _gloss_document_replace_sentences:
 * @n_removed: how many sentences from @position on to take out
 * @sentences: (element-type GlossSentence): what to put there, without
 *   annotations
 */
void
_gloss_document_replace_sentences (GlossDocument *self,
                                   guint          position,
                                   guint          n_removed,
                                   GPtrArray     *sentences)
{
  for (guint i = 0; i < n_removed; i++)
    {
      GlossSentence *sentence = gloss_document_get_sentence (self, position + i);

      g_warn_if_fail (gloss_sentence_get_n_annotations (sentence) == 0);
      g_hash_table_remove (self->sentence_by_id, GUINT_TO_POINTER (gloss_sentence_get_id (sentence)));
    }

  for (guint i = 0; i < sentences->len; i++)
    {
      GlossSentence *sentence = g_ptr_array_index (sentences, i);

      g_hash_table_insert (self->sentence_by_id, GUINT_TO_POINTER (gloss_sentence_get_id (sentence)), sentence);
      self->next_sentence_id = MAX (self->next_sentence_id, gloss_sentence_get_id (sentence) + 1);
    }

  g_list_store_splice (self->sentences, position, n_removed, sentences->pdata, sentences->len);
}

guint
_gloss_document_next_annotation_id (GlossDocument *self)
{
  return self->next_annotation_id;
}

void
_gloss_document_add_problems (GlossDocument *self,
                              GPtrArray     *problems)
{
  gboolean was_read_only = gloss_document_get_read_only (self);

  for (guint i = 0; i < problems->len; i++)
    g_ptr_array_add (self->problems, gloss_problem_copy (g_ptr_array_index (problems, i)));

  if (was_read_only != gloss_document_get_read_only (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

/* Only the loading sets it: the annotation file may not be written */
void
_gloss_document_set_read_only_reason (GlossDocument *self,
                                      const char    *reason)
{
  gboolean was_read_only = gloss_document_get_read_only (self);

  g_free (self->read_only_reason);
  self->read_only_reason = g_strdup (reason);

  if (was_read_only != gloss_document_get_read_only (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

void
_gloss_document_set_file (GlossDocument *self,
                          GFile         *file)
{
  if (g_set_object (&self->file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

void
_gloss_document_set_done (GlossDocument *self,
                          gboolean       done)
{
  if (self->done == !!done)
    return;

  self->done = !!done;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DONE]);
}

/**
 * _gloss_document_set_meta:
 * @meta_json: (transfer full): a JSON object, written back as it is
 */
void
_gloss_document_set_meta (GlossDocument *self,
                          char          *meta_json)
{
  g_free (self->meta);
  self->meta = meta_json;
}

const char *
_gloss_document_get_meta (GlossDocument *self)
{
  return self->meta;
}

/**
 * _gloss_document_set_orphans_json:
 * @orphans: (transfer full) (nullable) (element-type utf8): annotation
 *   objects that have no place in the text, each as compact JSON, written
 *   back as they are
 */
void
_gloss_document_set_orphans_json (GlossDocument *self,
                                  GPtrArray     *orphans)
{
  g_clear_pointer (&self->orphans, g_ptr_array_unref);
  if (orphans != NULL && orphans->len > 0)
    self->orphans = g_steal_pointer (&orphans);
  g_clear_pointer (&orphans, g_ptr_array_unref);
}

/**
 * _gloss_document_set_orphans:
 * @orphans: (nullable): annotation objects that have no place in the text
 */
void
_gloss_document_set_orphans (GlossDocument *self,
                             JsonArray     *orphans)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; orphans != NULL && i < json_array_get_length (orphans); i++)
    g_ptr_array_add (lines, gloss_json_node_to_string (json_array_get_element (orphans, i)));
  _gloss_document_set_orphans_json (self, lines);
}

/**
 * _gloss_document_dup_orphans_json:
 *
 * Returns: (transfer full) (nullable): the orphans, one compact JSON object
 *   a line, each line indented; %NULL when there are none
 */
char *
_gloss_document_dup_orphans_json (GlossDocument *self,
                                  const char    *indent)
{
  GString *out;

  if (self->orphans == NULL)
    return NULL;

  out = g_string_new (NULL);
  for (guint i = 0; i < self->orphans->len; i++)
    g_string_append_printf (out, "%s%s%s", i ? ",\n" : "", indent, (char *)g_ptr_array_index (self->orphans, i));

  return g_string_free (out, FALSE);
}

/**
 * gloss_document_get_n_orphans:
 *
 * Returns: how many annotations lost their place when the text changed;
 *   they are kept in the file with their old offsets and text
 */
guint
gloss_document_get_n_orphans (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), 0);

  return self->orphans ? self->orphans->len : 0;
}

void
_gloss_document_emit_changed (GlossDocument *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

void
_gloss_document_emit_suggestions_changed (GlossDocument *self)
{
  g_signal_emit (self, signals[SUGGESTIONS_CHANGED], 0);
}
