/* gloss-adjudication.c
 *
 * Adjudication of annotators' disagreements into a gold copy. The copies
 * of one document (same path, same text) are aligned by their sentences'
 * spans, as gloss-agreement does, against the gold copy's sentences: a
 * gold sentence is a disagreement when the annotators' label sets differ
 * there, or when one of them split the text differently. Their spans and
 * relations are grouped into units (gloss-adjudication-spans.c), and a
 * unit on which they do not agree exactly is a disagreement too; both
 * kinds are decided in text order. Each decision (accept one annotator's
 * labels or version, labels set by hand, or a unit rejected) changes the
 * gold document through its history, so that it can be undone, and is
 * recorded in the gold file's "meta" object:
 *
 *   "meta": {"adjudication": {"adjudicator": "Eve", "annotators": [...],
 *            "decisions": [{"start": 0, "end": 70, "labels": ["quote"],
 *                           "accepted": "Ada", "decided_by": "Eve",
 *                           "decided": "2026-12-01T10:00:00Z"},
 *                          {"label": "quote", "parts": [[3, 40]],
 *                           "accepted": "Bea", ...}, ...]}}
 *
 * which is what resuming reads back. The gold copy is a normal Gloss
 * document: its text copied byte for byte, its annotations all by the
 * adjudicator. The annotators' files are only ever read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "gloss-adjudication-private.h"
#include "gloss-agreement.h"
#include "gloss-annotation.h"
#include "gloss-corpus.h"
#include "gloss-document-private.h"
#include "gloss-error.h"
#include "gloss-file-writer.h"
#include "gloss-history.h"
#include "gloss-json.h"
#include "gloss-label.h"
#include "gloss-label-set.h"
#include "gloss-sentence.h"
#include "gloss-text.h"

typedef GlossAdjudicationDecision Decision;

/* One undoable decision: what the decision was before, and whether the
 * gold document changed (a group on its history) */
typedef struct
{
  guint    disagreement;
  Decision before;
  gboolean gold_changed;
} Step;

G_DEFINE_FINAL_TYPE (GlossAdjudication, gloss_adjudication, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_N_DECIDED,
  PROP_CAN_UNDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
decision_clear (Decision *decision)
{
  g_clear_pointer (&decision->by, g_free);
  g_clear_pointer (&decision->at, g_free);
}

static void
decision_copy (Decision       *to,
               const Decision *from)
{
  *to = *from;
  to->by = g_strdup (from->by);
  to->at = g_strdup (from->at);
}

static void
step_free (Step *step)
{
  decision_clear (&step->before);
  g_free (step);
}

void
gloss_adjudication_entry_free (GlossAdjudicationEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->id);
  g_free (entry->problem);
  g_free (entry);
}

static void
clear_copies (GlossAdjudication *self)
{
  for (guint a = 0; self->copies != NULL && a < self->n_copies; a++)
    g_clear_object (&self->copies[a]);
}

static void
reset (GlossAdjudication *self)
{
  clear_copies (self);
  g_clear_object (&self->gold);
  g_clear_pointer (&self->meta, json_object_unref);
  self->gold_exists = FALSE;
  g_ptr_array_set_size (self->labels, 0);
  g_ptr_array_set_size (self->units, 0);
  g_array_set_size (self->disagreements, 0);
  g_array_set_size (self->disagreement_of, 0);
  g_ptr_array_set_size (self->steps, 0);
  self->n_decided = 0;
}

static void
gloss_adjudication_finalize (GObject *object)
{
  GlossAdjudication *self = GLOSS_ADJUDICATION (object);

  reset (self);
  g_clear_pointer (&self->copies, g_free);
  g_clear_pointer (&self->roots, g_ptr_array_unref);
  g_clear_pointer (&self->names, g_ptr_array_unref);
  g_clear_object (&self->git);
  g_clear_pointer (&self->revisions, g_strfreev);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->trees, g_ptr_array_unref);
  g_clear_object (&self->gold_root);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->adjudicator, g_free);
  g_clear_pointer (&self->time, g_free);
  g_clear_pointer (&self->labels, g_ptr_array_unref);
  g_clear_pointer (&self->units, g_ptr_array_unref);
  g_clear_pointer (&self->disagreements, g_array_unref);
  g_clear_pointer (&self->disagreement_of, g_array_unref);
  g_clear_pointer (&self->steps, g_ptr_array_unref);

  G_OBJECT_CLASS (gloss_adjudication_parent_class)->finalize (object);
}

static void
gloss_adjudication_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  GlossAdjudication *self = GLOSS_ADJUDICATION (object);

  switch (prop_id)
    {
    case PROP_N_DECIDED:
      g_value_set_uint (value, self->n_decided);
      break;

    case PROP_CAN_UNDO:
      g_value_set_boolean (value, gloss_adjudication_get_can_undo (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_adjudication_class_init (GlossAdjudicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = gloss_adjudication_finalize;
  object_class->get_property = gloss_adjudication_get_property;

  properties[PROP_N_DECIDED] = g_param_spec_uint ("n-decided", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GlossAdjudication::changed:
   * @disagreement: the disagreement whose decision changed
   *
   * Emitted after a decision, or its undoing, changed the gold copy.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
gloss_adjudication_init (GlossAdjudication *self)
{
  self->labels = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  self->units = g_ptr_array_new_with_free_func ((GDestroyNotify)_gloss_adjudication_unit_free);
  self->disagreements = g_array_new (FALSE, TRUE, sizeof (Decision));
  g_array_set_clear_func (self->disagreements, (GDestroyNotify)decision_clear);
  self->disagreement_of = g_array_new (FALSE, TRUE, sizeof (int));
  self->steps = g_ptr_array_new_with_free_func ((GDestroyNotify)step_free);
  self->adjudicator = g_strdup ("");
}

/**
 * gloss_adjudication_new:
 * @roots: (element-type GFile): each annotator's copy of the corpus: a
 *   folder; two or more
 * @names: (nullable) (array zero-terminated=1): the annotators' names, in
 *   the order of @roots; %NULL names them by their folders' names
 * @gold_root: the folder of the gold copy, apart from every root
 * @id: the document: the text's path relative to each folder
 *
 * Returns: (transfer full): an adjudication; gloss_adjudication_load()
 *   reads the copies and the gold copy
 */
GlossAdjudication *
gloss_adjudication_new (GPtrArray          *roots,
                        const char * const *names,
                        GFile              *gold_root,
                        const char         *id)
{
  GlossAdjudication *self;

  g_return_val_if_fail (roots != NULL, NULL);
  g_return_val_if_fail (roots->len >= 2 && roots->len <= GLOSS_AGREEMENT_MAX_ANNOTATORS, NULL);
  g_return_val_if_fail (names == NULL || g_strv_length ((char **)names) == roots->len, NULL);
  g_return_val_if_fail (G_IS_FILE (gold_root), NULL);
  g_return_val_if_fail (id != NULL && *id != '\0', NULL);

  self = g_object_new (GLOSS_TYPE_ADJUDICATION, NULL);
  self->n_copies = roots->len;
  self->roots = g_ptr_array_new_with_free_func (g_object_unref);
  self->names = g_ptr_array_new_with_free_func (g_free);
  for (guint a = 0; a < roots->len; a++)
    {
      GFile *root = g_ptr_array_index (roots, a);

      g_ptr_array_add (self->roots, g_object_ref (root));
      g_ptr_array_add (self->names, names ? g_strdup (names[a]) : g_file_get_basename (root));
    }
  self->copies = g_new0 (GlossDocument *, roots->len);
  self->gold_root = g_object_ref (gold_root);
  self->id = g_strdup (id);

  return self;
}

static GlossAdjudication *
new_for_trees (GlossGit           *git,
               const char * const *revisions,
               GPtrArray          *trees,
               const char         *path,
               GFile              *gold_root,
               const char         *id)
{
  GlossAdjudication *self;
  guint n = g_strv_length ((char **)revisions);

  self = g_object_new (GLOSS_TYPE_ADJUDICATION, NULL);
  self->n_copies = n;
  self->git = g_object_ref (git);
  self->revisions = g_strdupv ((char **)revisions);
  self->path = g_strdup (path);
  self->trees = trees ? g_ptr_array_ref (trees) : NULL;
  self->names = g_ptr_array_new_with_free_func (g_free);
  for (guint a = 0; a < n; a++)
    g_ptr_array_add (self->names, g_strdup (revisions[a]));
  self->copies = g_new0 (GlossDocument *, n);
  self->gold_root = g_object_ref (gold_root);
  self->id = g_strdup (id);

  return self;
}

/**
 * gloss_adjudication_new_for_revisions:
 * @git: the repository
 * @revisions: (array zero-terminated=1): two or more revisions (branches,
 *   tags, commits), each an annotator's copy of the corpus; they name the
 *   annotators
 * @path: (nullable): the folder of the corpus, relative to the top of the
 *   work tree; %NULL for the path @git was opened at
 * @gold_root: the folder of the gold copy, on disk
 * @id: the document: the text's path relative to @path
 *
 * Like gloss_adjudication_new(), with the copies read from the revisions
 * without checking them out (gloss-git.c). The gold copy is written to
 * @gold_root as always.
 *
 * Returns: (transfer full): an adjudication; gloss_adjudication_load()
 *   lists the revisions and reads the copies and the gold copy
 */
GlossAdjudication *
gloss_adjudication_new_for_revisions (GlossGit           *git,
                                      const char * const *revisions,
                                      const char         *path,
                                      GFile              *gold_root,
                                      const char         *id)
{
  g_return_val_if_fail (GLOSS_IS_GIT (git), NULL);
  g_return_val_if_fail (revisions != NULL, NULL);
  g_return_val_if_fail (g_strv_length ((char **)revisions) >= 2 &&
                        g_strv_length ((char **)revisions) <= GLOSS_AGREEMENT_MAX_ANNOTATORS, NULL);
  g_return_val_if_fail (G_IS_FILE (gold_root), NULL);
  g_return_val_if_fail (id != NULL && *id != '\0', NULL);

  return new_for_trees (git, revisions, NULL, path ? path : gloss_git_get_prefix (git), gold_root, id);
}

/* Each revision's files at @path, or %NULL with @error set */
static GPtrArray *
list_trees (GlossGit            *git,
            const char * const  *revisions,
            const char          *path,
            GCancellable        *cancellable,
            GError             **error)
{
  g_autoptr(GPtrArray) trees = g_ptr_array_new_with_free_func ((GDestroyNotify)gloss_git_tree_unref);
  g_auto(GStrv) paths = gloss_corpus_revision_paths (path);

  for (guint a = 0; revisions[a] != NULL; a++)
    {
      GlossGitTree *tree = gloss_git_list (git, revisions[a], (const char * const *)paths, cancellable, error);

      if (tree == NULL)
        return NULL;
      g_ptr_array_add (trees, tree);
    }

  return g_steal_pointer (&trees);
}

/* The path of a document below self->path, relative to the top */
static char *
dup_revision_path (GlossAdjudication *self)
{
  if (self->path == NULL || self->path[0] == '\0')
    return g_strdup (self->id);

  return g_strconcat (self->path, "/", self->id, NULL);
}

const char *
gloss_adjudication_get_id (GlossAdjudication *self)
{
  g_return_val_if_fail (GLOSS_IS_ADJUDICATION (self), NULL);

  return self->id;
}

const char *
gloss_adjudication_get_adjudicator (GlossAdjudication *self)
{
  g_return_val_if_fail (GLOSS_IS_ADJUDICATION (self), NULL);

  return self->adjudicator;
}

/**
 * gloss_adjudication_set_adjudicator:
 * @adjudicator: (nullable): who decides: the annotator of every gold
 *   annotation made from now on
 */
void
gloss_adjudication_set_adjudicator (GlossAdjudication *self,
                                    const char        *adjudicator)
{
  g_return_if_fail (GLOSS_IS_ADJUDICATION (self));

  g_free (self->adjudicator);
  self->adjudicator = g_strdup (adjudicator ? adjudicator : "");
}

/**
 * gloss_adjudication_set_time:
 * @timestamp: (nullable): an ISO 8601 time recorded for every decision and
 *   gold annotation, for reproducible files; %NULL for the clock
 */
void
gloss_adjudication_set_time (GlossAdjudication *self,
                             const char        *timestamp)
{
  g_return_if_fail (GLOSS_IS_ADJUDICATION (self));
  g_return_if_fail (timestamp == NULL || gloss_timestamp_is_valid (timestamp));

  g_free (self->time);
  self->time = g_strdup (timestamp);
}

char *
_gloss_adjudication_dup_now (GlossAdjudication *self)
{
  return self->time ? g_strdup (self->time) : gloss_timestamp_now ();
}

/* --- Loading ------------------------------------------------------------- */

/* A copy at a revision: read from git, as the revision has it */
static GlossDocument *
load_revision_copy (GlossAdjudication  *self,
                    guint               annotator,
                    GCancellable       *cancellable,
                    GError            **error)
{
  GlossGitTree *tree = g_ptr_array_index (self->trees, annotator);
  g_autofree char *path = dup_revision_path (self);
  g_autofree char *json = g_strconcat (path, ".gloss.json", NULL);

  if (gloss_git_tree_lookup (tree, path) == NULL || gloss_git_tree_lookup (tree, json) == NULL)
    return NULL;

  return _gloss_document_load_from_revision (self->git, tree, path, NULL, cancellable, error);
}

static GlossDocument *
load_copy (GlossAdjudication  *self,
           guint               annotator,
           GCancellable       *cancellable,
           GError            **error)
{
  const char *name = g_ptr_array_index (self->names, annotator);
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GError) local_error = NULL;

  if (self->git != NULL)
    document = load_revision_copy (self, annotator, cancellable, &local_error);
  else
    {
      GFile *root = g_ptr_array_index (self->roots, annotator);
      g_autoptr(GFile) file = g_file_resolve_relative_path (root, self->id);
      g_autoptr(GFile) json = gloss_document_dup_annotation_file_for (file);

      /* A text nobody annotated is no decision that nothing applies */
      if (!g_file_query_exists (file, cancellable) || !g_file_query_exists (json, cancellable))
        return NULL;

      document = gloss_document_load (file, NULL, cancellable, &local_error);
    }

  if (document == NULL && local_error == NULL)
    return NULL;

  if (document == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_DOCUMENT,
                     _("%s’s copy of “%s” cannot be read: %s"), name, self->id, local_error->message);
      return NULL;
    }

  if (gloss_document_get_problems (document)->len > 0)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_DOCUMENT,
                   _("%s’s copy of “%s” has problems; “gloss validate” lists them"), name, self->id);
      return NULL;
    }

  if (gloss_document_get_n_conflicts (document) > 0)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_DOCUMENT,
                   _("%s’s copy of “%s” holds clashes of a merge nobody resolved; “gloss validate” lists them"),
                   name, self->id);
      return NULL;
    }

  return g_steal_pointer (&document);
}

/* The labels of one copy's sentence, in the order of the gold's labels */
static GStrv
dup_sentence_labels (GlossAdjudication *self,
                     GlossSentence     *sentence)
{
  GlossLabelSet *set = gloss_document_get_labels (self->gold);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint l = 0; l < gloss_label_set_get_n_labels (set); l++)
    {
      const char *label = gloss_label_get_id (gloss_label_set_get_label (set, l));

      if (gloss_sentence_has_label (sentence, label))
        g_strv_builder_add (builder, label);
    }

  return g_strv_builder_end (builder);
}

/* Gives @gold every label of @set it lacks, and the attributes, values
 * and ends of those it has */
static void
merge_labels (GlossLabelSet *gold,
              GlossLabelSet *set)
{
  for (guint l = 0; l < gloss_label_set_get_n_labels (set); l++)
    {
      GlossLabel *label = gloss_label_set_get_label (set, l);
      GlossLabel *have = gloss_label_set_lookup (gold, gloss_label_get_id (label));

      if (have == NULL)
        {
          g_autoptr(GlossLabel) copy = gloss_label_copy (label);

          gloss_label_set_insert (gold, gloss_label_set_get_n_labels (gold), copy);
          continue;
        }

      if (gloss_label_get_scope (have) != gloss_label_get_scope (label))
        continue;

      if (gloss_label_get_scope (have) == GLOSS_LABEL_SCOPE_SPAN)
        for (guint a = 0; a < gloss_label_get_n_attributes (label); a++)
          {
            const char *name = gloss_label_get_attribute_name (label, a);
            const char * const *values = gloss_label_get_attribute_values (label, a);

            if (!gloss_label_add_attribute (have, name, values))
              for (guint v = 0; values[v] != NULL; v++)
                gloss_label_add_attribute_value (have, name, values[v]);
          }
      else if (gloss_label_get_scope (have) == GLOSS_LABEL_SCOPE_RELATION)
        {
          g_autoptr(GStrvBuilder) from = g_strv_builder_new ();
          g_autoptr(GStrvBuilder) to = g_strv_builder_new ();
          g_auto(GStrv) new_from = NULL;
          g_auto(GStrv) new_to = NULL;

          g_strv_builder_addv (from, (const char **)gloss_label_get_from (have));
          for (guint i = 0; gloss_label_get_from (label)[i] != NULL; i++)
            if (!g_strv_contains (gloss_label_get_from (have), gloss_label_get_from (label)[i]))
              g_strv_builder_add (from, gloss_label_get_from (label)[i]);
          g_strv_builder_addv (to, (const char **)gloss_label_get_to (have));
          for (guint i = 0; gloss_label_get_to (label)[i] != NULL; i++)
            if (!g_strv_contains (gloss_label_get_to (have), gloss_label_get_to (label)[i]))
              g_strv_builder_add (to, gloss_label_get_to (label)[i]);
          new_from = g_strv_builder_end (from);
          new_to = g_strv_builder_end (to);
          gloss_label_set_endpoints (have, (const char * const *)new_from, (const char * const *)new_to);
        }
    }
}

/* Gives the gold copy every label, span label and relation label that a
 * copy uses, so that any annotator's labels and spans can be accepted */
static void
merge_label_sets (GlossAdjudication *self)
{
  GlossLabelSet *gold = gloss_document_get_labels (self->gold);

  for (guint a = 0; a < self->n_copies; a++)
    {
      GlossLabelSet *set;

      if (self->copies[a] == NULL)
        continue;

      set = gloss_document_get_labels (self->copies[a]);
      merge_labels (gold, set);
      merge_labels (gloss_label_set_get_relation_labels (gold), gloss_label_set_get_relation_labels (set));
    }
}

static gboolean
strv_equal (const char * const *a,
            const char * const *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_strv_equal (a, b);
}

/* Aligns the copies' sentences with the gold's, by span, and finds the
 * disagreements */
static void
align (GlossAdjudication *self)
{
  guint n = self->n_copies;
  guint n_sentences = gloss_document_get_n_sentences (self->gold);
  g_autofree GlossDocument **documents = g_new0 (GlossDocument *, n + 1);
  g_autoptr(GArray) spans = NULL;

  memcpy (documents, self->copies, n * sizeof (GlossDocument *));
  documents[n] = self->gold;
  spans = gloss_agreement_collect_spans (documents, n + 1);

  g_ptr_array_set_size (self->labels, n_sentences * n);
  for (guint i = 0; i < spans->len;)
    {
      GlossAgreementSpan *first = &g_array_index (spans, GlossAgreementSpan, i);
      guint j = i + 1;
      GlossAgreementSpan *last;

      while (j < spans->len &&
             g_array_index (spans, GlossAgreementSpan, j).start == first->start &&
             g_array_index (spans, GlossAgreementSpan, j).end == first->end)
        j++;

      /* Sorted by copy within a span: the gold, if there, comes last */
      last = &g_array_index (spans, GlossAgreementSpan, j - 1);
      if (last->annotator == n)
        for (guint k = i; k < j - 1; k++)
          {
            GlossAgreementSpan *span = &g_array_index (spans, GlossAgreementSpan, k);
            GlossSentence *sentence = gloss_document_get_sentence (self->copies[span->annotator], span->position);

            g_ptr_array_index (self->labels, (gsize)last->position * n + span->annotator) =
              dup_sentence_labels (self, sentence);
          }
      i = j;
    }

  g_array_set_size (self->disagreement_of, n_sentences);
  for (guint s = 0; s < n_sentences; s++)
    {
      const char * const *agreed = NULL;
      gboolean differ = FALSE;

      for (guint a = 0; a < n && !differ; a++)
        {
          const char * const *labels = g_ptr_array_index (self->labels, (gsize)s * n + a);

          if (self->copies[a] == NULL)
            continue;
          if (labels == NULL)
            differ = TRUE;
          else if (agreed == NULL)
            agreed = labels;
          else
            differ = !strv_equal (agreed, labels);
        }

      g_array_index (self->disagreement_of, int, s) = differ ? (int)self->disagreements->len : -1;
      if (differ)
        {
          Decision decision = { GLOSS_ADJUDICATION_SENTENCE, s, FALSE, -1, FALSE, NULL, NULL };

          g_array_append_val (self->disagreements, decision);
        }
    }
}

static void
get_range (GlossAdjudication *self,
           const Decision    *decision,
           guint             *start,
           guint             *end)
{
  if (decision->kind == GLOSS_ADJUDICATION_SENTENCE)
    {
      GlossSentence *sentence = gloss_document_get_sentence (self->gold, decision->position);

      *start = gloss_sentence_get_start (sentence);
      *end = gloss_sentence_get_end (sentence);
    }
  else
    {
      GlossAdjudicationUnit *unit = g_ptr_array_index (self->units, decision->position);

      *start = unit->start;
      *end = unit->end;
    }
}

/* Text order; a sentence before the units that start with it */
static int
compare_disagreements (gconstpointer a,
                       gconstpointer b,
                       gpointer      user_data)
{
  GlossAdjudication *self = user_data;
  const Decision *x = a;
  const Decision *y = b;
  guint x_start, x_end, y_start, y_end;

  get_range (self, x, &x_start, &x_end);
  get_range (self, y, &y_start, &y_end);
  if (x_start != y_start)
    return x_start < y_start ? -1 : 1;
  if (x->kind != y->kind)
    return x->kind == GLOSS_ADJUDICATION_SENTENCE ? -1 : 1;
  if (x->position != y->position)
    return x->position < y->position ? -1 : 1;

  return 0;
}

/* Puts the units the annotators disagree on among the sentences, in text
 * order */
static void
order_disagreements (GlossAdjudication *self)
{
  for (guint u = 0; u < self->units->len; u++)
    {
      GlossAdjudicationUnit *unit = g_ptr_array_index (self->units, u);
      Decision decision = { GLOSS_ADJUDICATION_SPANS, u, FALSE, -1, FALSE, NULL, NULL };

      if (!unit->agreed)
        g_array_append_val (self->disagreements, decision);
    }

  g_array_sort_with_data (self->disagreements, compare_disagreements, self);

  for (guint s = 0; s < self->disagreement_of->len; s++)
    g_array_index (self->disagreement_of, int, s) = -1;
  for (guint k = 0; k < self->disagreements->len; k++)
    {
      Decision *decision = &g_array_index (self->disagreements, Decision, k);

      if (decision->kind == GLOSS_ADJUDICATION_SENTENCE)
        g_array_index (self->disagreement_of, int, decision->position) = k;
      else
        ((GlossAdjudicationUnit *)g_ptr_array_index (self->units, decision->position))->disagreement = k;
    }
}

static GlossAnnotation *
new_gold_annotation (GlossAdjudication *self,
                     guint              id,
                     guint              position,
                     const char        *label,
                     const char        *note,
                     const char        *time)
{
  GlossSentence *sentence = gloss_document_get_sentence (self->gold, position);
  g_autofree char *text = gloss_document_dup_sentence_text (self->gold, position);

  return gloss_annotation_new (id, label,
                               gloss_sentence_get_start (sentence),
                               gloss_sentence_get_end (sentence),
                               text,
                               gloss_sentence_get_id (sentence),
                               note,
                               self->adjudicator,
                               time, time);
}

/* A new gold copy: the first copy's sentences, and the labels of every
 * sentence where all agree */
static void
build_gold (GlossAdjudication *self,
            GlossDocument     *base,
            GFile             *gold_file)
{
  g_autoptr(GlossLabelSet) labels = gloss_label_set_copy (gloss_document_get_labels (base));
  g_autoptr(GPtrArray) sentences = g_ptr_array_new_with_free_func (g_object_unref);
  const char *meta = _gloss_document_get_meta (base);

  self->gold = _gloss_document_new_empty (gloss_document_get_text (base),
                                          gloss_document_get_language (base),
                                          labels);
  for (guint i = 0; i < gloss_document_get_n_sentences (base); i++)
    {
      GlossSentence *sentence = gloss_document_get_sentence (base, i);

      g_ptr_array_add (sentences, gloss_sentence_new (gloss_sentence_get_id (sentence),
                                                      gloss_sentence_get_start (sentence),
                                                      gloss_sentence_get_end (sentence)));
    }
  _gloss_document_set_sentences (self->gold, sentences);
  _gloss_document_set_file (self->gold, gold_file);

  /* What an import recorded about the article stays with it */
  if (meta != NULL)
    {
      g_autoptr(JsonNode) node = json_from_string (meta, NULL);

      if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
        {
          self->meta = json_object_ref (json_node_get_object (node));
          if (json_object_has_member (self->meta, "adjudication"))
            json_object_remove_member (self->meta, "adjudication");
        }
    }
}

static void
fill_agreed (GlossAdjudication *self)
{
  guint n = self->n_copies;
  g_autoptr(GPtrArray) annotations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *time = _gloss_adjudication_dup_now (self);
  guint id = 1;

  for (guint s = 0; s < gloss_document_get_n_sentences (self->gold); s++)
    {
      const char * const *labels = NULL;

      if (g_array_index (self->disagreement_of, int, s) >= 0)
        continue;

      for (guint a = 0; a < n && labels == NULL; a++)
        labels = g_ptr_array_index (self->labels, (gsize)s * n + a);

      for (guint l = 0; labels != NULL && labels[l] != NULL; l++)
        g_ptr_array_add (annotations, new_gold_annotation (self, id++, s, labels[l], "", time));
    }

  if (annotations->len > 0)
    _gloss_document_add_loaded_annotations (self->gold, annotations);

  _gloss_adjudication_fill_agreed_units (self);
}

static int
find_annotator (GlossAdjudication *self,
                const char        *name)
{
  for (guint a = 0; name != NULL && a < self->names->len; a++)
    if (self->copies[a] != NULL && g_strcmp0 (g_ptr_array_index (self->names, a), name) == 0)
      return a;

  return -1;
}

/* Reads back the decisions that a gold file records */
static void
read_decisions (GlossAdjudication *self)
{
  JsonObject *adjudication;
  JsonArray *decisions;

  if (self->meta == NULL ||
      !json_object_has_member (self->meta, "adjudication") ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (self->meta, "adjudication")))
    return;

  adjudication = json_object_get_object_member (self->meta, "adjudication");
  if (!json_object_has_member (adjudication, "decisions") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (adjudication, "decisions")))
    return;

  decisions = json_object_get_array_member (adjudication, "decisions");
  for (guint i = 0; i < json_array_get_length (decisions); i++)
    {
      JsonNode *node = json_array_get_element (decisions, i);
      JsonObject *object;
      gint64 start, end;
      int position, k;
      GlossSentence *sentence;
      Decision *decision;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;

      object = json_node_get_object (node);
      if (json_object_has_member (object, "parts"))
        {
          /* A span unit's, keyed by its first span */
          k = _gloss_adjudication_find_unit_record (self, object);
          if (k < 0)
            continue;
        }
      else
        {
          start = json_object_get_int_member_with_default (object, "start", -1);
          end = json_object_get_int_member_with_default (object, "end", -1);
          if (start < 0 || end < start || end > G_MAXUINT)
            continue;

          /* A decision on a sentence that has been split since is void */
          position = gloss_document_find_sentence_at (self->gold, start);
          sentence = position >= 0 ? gloss_document_get_sentence (self->gold, position) : NULL;
          if (sentence == NULL || gloss_sentence_get_start (sentence) != start || gloss_sentence_get_end (sentence) != end)
            continue;

          k = g_array_index (self->disagreement_of, int, position);
          if (k < 0)
            continue;
        }

      decision = &g_array_index (self->disagreements, Decision, k);
      decision_clear (decision);
      decision->decided = TRUE;
      decision->accepted = find_annotator (self, json_object_get_string_member_with_default (object, "accepted", NULL));
      decision->rejected = decision->kind == GLOSS_ADJUDICATION_SPANS &&
                           json_object_get_boolean_member_with_default (object, "rejected", FALSE);
      decision->by = g_strdup (json_object_get_string_member_with_default (object, "decided_by", ""));
      decision->at = g_strdup (json_object_get_string_member_with_default (object, "decided", ""));
    }
}

/**
 * _gloss_adjudication_build_decided:
 *
 * Ends the record of @decision in @builder: whose labels or version were
 * accepted (when it is known), who decided and when.
 */
void
_gloss_adjudication_build_decided (GlossAdjudication         *self,
                                   JsonBuilder               *builder,
                                   GlossAdjudicationDecision *decision)
{
  if (decision->accepted >= 0)
    {
      json_builder_set_member_name (builder, "accepted");
      json_builder_add_string_value (builder, g_ptr_array_index (self->names, decision->accepted));
    }
  json_builder_set_member_name (builder, "decided_by");
  json_builder_add_string_value (builder, decision->by);
  json_builder_set_member_name (builder, "decided");
  json_builder_add_string_value (builder, decision->at);
  json_builder_end_object (builder);
}

static void
update_meta (GlossAdjudication *self)
{
  guint n = self->n_copies;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) adjudication = NULL;
  GlossDocument *gold = self->gold;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "adjudicator");
  json_builder_add_string_value (builder, self->adjudicator);
  json_builder_set_member_name (builder, "annotators");
  json_builder_begin_array (builder);
  for (guint a = 0; a < n; a++)
    if (self->copies[a] != NULL)
      json_builder_add_string_value (builder, g_ptr_array_index (self->names, a));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "decisions");
  json_builder_begin_array (builder);
  for (guint k = 0; k < self->disagreements->len; k++)
    {
      Decision *decision = &g_array_index (self->disagreements, Decision, k);
      GlossSentence *sentence;

      if (!decision->decided)
        continue;

      if (decision->kind == GLOSS_ADJUDICATION_SPANS)
        {
          _gloss_adjudication_build_unit_record (self, builder, decision);
          continue;
        }

      sentence = gloss_document_get_sentence (gold, decision->position);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "start");
      json_builder_add_int_value (builder, gloss_sentence_get_start (sentence));
      json_builder_set_member_name (builder, "end");
      json_builder_add_int_value (builder, gloss_sentence_get_end (sentence));
      json_builder_set_member_name (builder, "labels");
      json_builder_begin_array (builder);
      for (guint l = 0; l < gloss_sentence_get_n_annotations (sentence); l++)
        json_builder_add_string_value (builder, gloss_annotation_get_label (gloss_sentence_get_annotation (sentence, l)));
      json_builder_end_array (builder);
      _gloss_adjudication_build_decided (self, builder, decision);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  adjudication = json_builder_get_root (builder);
  if (self->meta == NULL)
    self->meta = json_object_new ();
  json_object_set_member (self->meta, "adjudication", g_steal_pointer (&adjudication));

  root = json_node_init_object (json_node_alloc (), self->meta);
  _gloss_document_set_meta (gold, gloss_json_node_to_string (root));
  _gloss_document_set_done (gold, self->n_decided == self->disagreements->len);
}

/**
 * gloss_adjudication_load:
 *
 * Reads every annotator's copy of the document and the gold copy, if
 * there is one, and finds the disagreements. A copy that holds the text
 * without annotations takes no part. Without a gold copy one is made in
 * memory, with the first copy's sentences and the labels that all agree
 * on; gloss_adjudication_save() writes it. Nothing is written here.
 *
 * Returns: %FALSE with @error set when fewer than two copies hold the
 *   document, a copy cannot be read or has problems, the texts differ,
 *   or the gold copy does not fit
 */
gboolean
gloss_adjudication_load (GlossAdjudication  *self,
                         GCancellable       *cancellable,
                         GError            **error)
{
  GlossDocument *base = NULL;
  g_autoptr(GFile) gold_file = NULL;
  g_autoptr(GFile) gold_json = NULL;
  guint n_copies = 0;

  g_return_val_if_fail (GLOSS_IS_ADJUDICATION (self), FALSE);

  reset (self);

  if (self->git != NULL && self->trees == NULL)
    {
      self->trees = list_trees (self->git, (const char * const *)self->revisions, self->path, cancellable, error);
      if (self->trees == NULL)
        return FALSE;
    }

  for (guint a = 0; a < self->n_copies; a++)
    {
      g_autoptr(GError) local_error = NULL;

      self->copies[a] = load_copy (self, a, cancellable, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          reset (self);
          return FALSE;
        }
      if (self->copies[a] == NULL)
        continue;

      n_copies++;
      if (base == NULL)
        base = self->copies[a];
      else if (g_strcmp0 (gloss_text_get_sha256 (gloss_document_get_text (base)),
                          gloss_text_get_sha256 (gloss_document_get_text (self->copies[a]))) != 0)
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_DOCUMENT,
                       _("The annotators’ copies of “%s” have different texts"), self->id);
          reset (self);
          return FALSE;
        }
    }

  if (n_copies < 2)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_DOCUMENT,
                   _("Fewer than two annotators have annotated “%s”"), self->id);
      reset (self);
      return FALSE;
    }

  gold_file = g_file_resolve_relative_path (self->gold_root, self->id);
  gold_json = gloss_document_dup_annotation_file_for (gold_file);
  if (g_file_query_exists (gold_json, cancellable))
    {
      g_autoptr(GError) local_error = NULL;
      const char *meta;

      self->gold = gloss_document_load (gold_file, NULL, cancellable, &local_error);
      if (self->gold == NULL)
        {
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            g_propagate_error (error, g_steal_pointer (&local_error));
          else
            g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_DOCUMENT,
                         _("The gold copy of “%s” cannot be read: %s"), self->id, local_error->message);
          reset (self);
          return FALSE;
        }

      if (gloss_document_get_problems (self->gold)->len > 0 ||
          g_strcmp0 (gloss_text_get_sha256 (gloss_document_get_text (base)),
                     gloss_text_get_sha256 (gloss_document_get_text (self->gold))) != 0)
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_DOCUMENT,
                       _("The gold copy of “%s” does not fit the annotators’ copies: its text differs or its annotation file has problems"),
                       self->id);
          reset (self);
          return FALSE;
        }

      meta = _gloss_document_get_meta (self->gold);
      if (meta != NULL)
        {
          g_autoptr(JsonNode) node = json_from_string (meta, NULL);

          if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
            self->meta = json_object_ref (json_node_get_object (node));
        }
      self->gold_exists = TRUE;
    }
  else
    {
      if (g_file_query_exists (gold_file, cancellable))
        {
          g_autoptr(GlossText) text = gloss_text_load (gold_file, cancellable, NULL);

          if (text == NULL ||
              g_strcmp0 (gloss_text_get_sha256 (text), gloss_text_get_sha256 (gloss_document_get_text (base))) != 0)
            {
              g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_DOCUMENT,
                           _("The gold folder already holds a different text “%s”"), self->id);
              reset (self);
              return FALSE;
            }
        }
      build_gold (self, base, gold_file);
    }

  merge_label_sets (self);
  align (self);
  _gloss_adjudication_find_units (self);
  order_disagreements (self);

  if (self->gold_exists)
    read_decisions (self);
  else
    fill_agreed (self);

  for (guint k = 0; k < self->disagreements->len; k++)
    self->n_decided += g_array_index (self->disagreements, Decision, k).decided;

  if (!self->gold_exists)
    update_meta (self);

  return TRUE;
}

/* The gold copy's text, whole or not at all: a text cut short by a full
 * disk would pass for the gold text the next time */
static gboolean
copy_file (GFile         *source,
           GFile         *destination,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GFileInputStream) input = NULL;
  g_autoptr(GlossFileWriter) writer = NULL;

  input = g_file_read (source, cancellable, error);
  if (input == NULL)
    return FALSE;

  writer = gloss_file_writer_new (destination, GLOSS_FILE_WRITER_NONE, cancellable, error);
  if (writer == NULL)
    return FALSE;

  if (g_output_stream_splice (G_OUTPUT_STREAM (writer), G_INPUT_STREAM (input),
                              G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE, cancellable, error) < 0)
    return FALSE;

  return gloss_file_writer_commit (writer, cancellable, error);
}

/* The text of the copy at a revision, byte for byte as git has it */
static gboolean
write_revision_text (GlossAdjudication  *self,
                     guint               annotator,
                     GFile              *destination,
                     GCancellable       *cancellable,
                     GError            **error)
{
  g_autofree char *path = dup_revision_path (self);
  const char *object = gloss_git_tree_lookup (g_ptr_array_index (self->trees, annotator), path);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GlossFileWriter) writer = NULL;
  gsize length = 0;
  const char *data;

  bytes = gloss_git_read_blob (self->git, object, cancellable, error);
  if (bytes == NULL)
    return FALSE;

  writer = gloss_file_writer_new (destination, GLOSS_FILE_WRITER_NONE, cancellable, error);
  if (writer == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &length);
  if (length > 0 && !g_output_stream_write_all (G_OUTPUT_STREAM (writer), data, length, NULL, cancellable, error))
    return FALSE;

  return gloss_file_writer_commit (writer, cancellable, error);
}

/**
 * gloss_adjudication_prepare_gold:
 *
 * Makes the gold copy's folder and copies the text into it, byte for
 * byte, unless it is there already, so that the gold document can be
 * saved beside it.
 */
gboolean
gloss_adjudication_prepare_gold (GlossAdjudication  *self,
                                 GCancellable       *cancellable,
                                 GError            **error)
{
  g_autoptr(GFile) gold_file = NULL;
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GError) local_error = NULL;
  GFile *source = NULL;

  g_return_val_if_fail (GLOSS_IS_ADJUDICATION (self), FALSE);
  g_return_val_if_fail (self->gold != NULL, FALSE);

  gold_file = g_object_ref (gloss_document_get_file (self->gold));
  if (g_file_query_exists (gold_file, cancellable))
    return TRUE;

  parent = g_file_get_parent (gold_file);
  if (!g_file_make_directory_with_parents (parent, cancellable, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  for (guint a = 0; a < self->n_copies && source == NULL; a++)
    if (self->copies[a] != NULL)
      {
        if (self->git != NULL)
          return write_revision_text (self, a, gold_file, cancellable, error);
        source = gloss_document_get_file (self->copies[a]);
      }

  return copy_file (source, gold_file, cancellable, error);
}

/**
 * gloss_adjudication_save:
 *
 * Writes the gold copy: the text, if it is not there yet, and the
 * annotations, atomically.
 */
gboolean
gloss_adjudication_save (GlossAdjudication  *self,
                         GCancellable       *cancellable,
                         GError            **error)
{
  g_return_val_if_fail (GLOSS_IS_ADJUDICATION (self), FALSE);
  g_return_val_if_fail (self->gold != NULL, FALSE);

  if (!gloss_adjudication_prepare_gold (self, cancellable, error) ||
      !gloss_document_save (self->gold, cancellable, error))
    return FALSE;

  self->gold_exists = TRUE;

  return TRUE;
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GlossAdjudication *self = source_object;
  GError *error = NULL;

  if (!gloss_adjudication_load (self, cancellable, &error) ||
      !gloss_adjudication_prepare_gold (self, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * gloss_adjudication_open_async:
 *
 * Loads, as gloss_adjudication_load() does, and prepares the gold folder
 * (gloss_adjudication_prepare_gold()), in a worker thread, so that the
 * gold document can be saved from then on with gloss_document_save_async()
 * or an autosave. @self must not be used until it finishes.
 */
void
gloss_adjudication_open_async (GlossAdjudication   *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GLOSS_IS_ADJUDICATION (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_adjudication_open_async);
  g_task_run_in_thread (task, open_thread);
}

gboolean
gloss_adjudication_open_finish (GlossAdjudication  *self,
                                GAsyncResult       *result,
                                GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  /* Loading may have changed these from the worker thread, unnotified */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DECIDED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);

  return TRUE;
}

/* --- The documents to choose from ---------------------------------------- */

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  return strcmp (*(const char **)a, *(const char **)b);
}

/* Takes @id (nullable) into @ids unless @seen has it */
static void
add_id (GHashTable *seen,
        GPtrArray  *ids,
        char       *id)
{
  if (id == NULL || g_hash_table_contains (seen, id))
    {
      g_free (id);
      return;
    }
  g_hash_table_add (seen, id);
  g_ptr_array_add (ids, id);
}

static GPtrArray *describe_documents (GPtrArray           *ids,
                                     GPtrArray           *roots,
                                     GlossGit            *git,
                                     const char * const  *revisions,
                                     GPtrArray           *trees,
                                     const char          *path,
                                     GFile               *gold_root,
                                     GCancellable        *cancellable,
                                     GError             **error);

/**
 * gloss_adjudication_find_documents:
 * @roots: (element-type GFile): the annotators' folders, two or more
 * @gold_root: the gold folder
 *
 * Lists every document that any copy holds, in the order of their ids,
 * with its disagreements and how many of them the gold copy has decided
 * already, or why it cannot be adjudicated.
 *
 * Returns: (transfer full) (element-type GlossAdjudicationEntry): the
 *   documents, or %NULL when cancelled
 */
GPtrArray *
gloss_adjudication_find_documents (GPtrArray     *roots,
                                   GFile         *gold_root,
                                   GCancellable  *cancellable,
                                   GError       **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  g_return_val_if_fail (roots != NULL && roots->len >= 2, NULL);
  g_return_val_if_fail (G_IS_FILE (gold_root), NULL);

  for (guint a = 0; a < roots->len; a++)
    {
      GFile *root = g_ptr_array_index (roots, a);
      g_autoptr(GPtrArray) files = gloss_corpus_find_files (root, ".txt", NULL, cancellable);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      for (guint i = 0; files != NULL && i < files->len; i++)
        {
          add_id (seen, ids, gloss_corpus_dup_id (root, g_ptr_array_index (files, i)));
        }
    }
  g_ptr_array_sort (ids, compare_ids);

  return describe_documents (ids, roots, NULL, NULL, NULL, NULL, gold_root, cancellable, error);
}

/* Each document of @ids, with its disagreements or why it cannot be
 * adjudicated; from folders (@roots) or revisions (@git …) */
static GPtrArray *
describe_documents (GPtrArray           *ids,
                    GPtrArray           *roots,
                    GlossGit            *git,
                    const char * const  *revisions,
                    GPtrArray           *trees,
                    const char          *path,
                    GFile               *gold_root,
                    GCancellable        *cancellable,
                    GError             **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify)gloss_adjudication_entry_free);

  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      g_autoptr(GlossAdjudication) adjudication = NULL;
      g_autoptr(GError) local_error = NULL;
      GlossAdjudicationEntry *entry = g_new0 (GlossAdjudicationEntry, 1);

      if (git != NULL)
        adjudication = new_for_trees (git, revisions, trees, path, gold_root, id);
      else
        adjudication = gloss_adjudication_new (roots, NULL, gold_root, id);

      entry->id = g_strdup (id);
      g_ptr_array_add (entries, entry);

      if (!gloss_adjudication_load (adjudication, cancellable, &local_error))
        {
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          entry->problem = g_strdup (local_error->message);
          continue;
        }

      entry->n_disagreements = gloss_adjudication_get_n_disagreements (adjudication);
      entry->n_decided = gloss_adjudication_get_n_decided (adjudication);
    }

  return g_steal_pointer (&entries);
}

/**
 * gloss_adjudication_find_documents_for_revisions:
 * @git: the repository
 * @revisions: (array zero-terminated=1): the annotators' revisions, two or
 *   more
 * @path: (nullable): the corpus folder, relative to the top of the work
 *   tree; %NULL for the path @git was opened at
 * @gold_root: the gold folder
 *
 * Like gloss_adjudication_find_documents(), between revisions: each is
 * listed once (one that does not exist is an error), and every text below
 * @path that any of them has is a document.
 *
 * Returns: (transfer full) (element-type GlossAdjudicationEntry): the
 *   documents, or %NULL with @error set
 */
GPtrArray *
gloss_adjudication_find_documents_for_revisions (GlossGit            *git,
                                                 const char * const  *revisions,
                                                 const char          *path,
                                                 GFile               *gold_root,
                                                 GCancellable        *cancellable,
                                                 GError             **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) trees = NULL;

  g_return_val_if_fail (GLOSS_IS_GIT (git), NULL);
  g_return_val_if_fail (revisions != NULL && g_strv_length ((char **)revisions) >= 2, NULL);
  g_return_val_if_fail (G_IS_FILE (gold_root), NULL);

  if (path == NULL)
    path = gloss_git_get_prefix (git);
  trees = list_trees (git, revisions, path, cancellable, error);
  if (trees == NULL)
    return NULL;

  for (guint a = 0; a < trees->len; a++)
    {
      GlossGitTree *tree = g_ptr_array_index (trees, a);

      for (guint i = 0; i < gloss_git_tree_get_n_files (tree); i++)
        {
          add_id (seen, ids, gloss_corpus_dup_revision_id (path, gloss_git_tree_get_path (tree, i)));
        }
    }
  g_ptr_array_sort (ids, compare_ids);

  return describe_documents (ids, NULL, git, revisions, trees, path, gold_root, cancellable, error);
}

typedef struct
{
  GPtrArray *roots;
  GlossGit  *git;
  GStrv      revisions;
  char      *path;
  GFile     *gold_root;
} FindData;

static void
find_data_free (FindData *data)
{
  g_clear_pointer (&data->roots, g_ptr_array_unref);
  g_clear_object (&data->git);
  g_strfreev (data->revisions);
  g_free (data->path);
  g_object_unref (data->gold_root);
  g_free (data);
}

static void
find_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  FindData *data = task_data;
  GError *error = NULL;
  GPtrArray *entries;

  if (data->git != NULL)
    entries = gloss_adjudication_find_documents_for_revisions (data->git, (const char * const *)data->revisions,
                                                               data->path, data->gold_root, cancellable, &error);
  else
    entries = gloss_adjudication_find_documents (data->roots, data->gold_root, cancellable, &error);

  if (entries == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, entries, (GDestroyNotify)g_ptr_array_unref);
}

/**
 * gloss_adjudication_find_documents_async:
 *
 * Runs gloss_adjudication_find_documents() in a worker thread, as it
 * reads every copy of every document.
 */
void
gloss_adjudication_find_documents_async (GPtrArray           *roots,
                                         GFile               *gold_root,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  FindData *data;

  g_return_if_fail (roots != NULL && roots->len >= 2);
  g_return_if_fail (G_IS_FILE (gold_root));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_adjudication_find_documents_async);

  data = g_new0 (FindData, 1);
  data->roots = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint a = 0; a < roots->len; a++)
    g_ptr_array_add (data->roots, g_object_ref (g_ptr_array_index (roots, a)));
  data->gold_root = g_object_ref (gold_root);
  g_task_set_task_data (task, data, (GDestroyNotify)find_data_free);
  g_task_run_in_thread (task, find_thread);
}

/**
 * gloss_adjudication_find_documents_for_revisions_async:
 *
 * Runs gloss_adjudication_find_documents_for_revisions() in a worker
 * thread; gloss_adjudication_find_documents_finish() gives the result.
 */
void
gloss_adjudication_find_documents_for_revisions_async (GlossGit            *git,
                                                       const char * const  *revisions,
                                                       const char          *path,
                                                       GFile               *gold_root,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  FindData *data;

  g_return_if_fail (GLOSS_IS_GIT (git));
  g_return_if_fail (revisions != NULL && g_strv_length ((char **)revisions) >= 2);
  g_return_if_fail (G_IS_FILE (gold_root));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_adjudication_find_documents_async);

  data = g_new0 (FindData, 1);
  data->git = g_object_ref (git);
  data->revisions = g_strdupv ((char **)revisions);
  data->path = g_strdup (path);
  data->gold_root = g_object_ref (gold_root);
  g_task_set_task_data (task, data, (GDestroyNotify)find_data_free);
  g_task_run_in_thread (task, find_thread);
}

/**
 * gloss_adjudication_find_documents_finish:
 *
 * Returns: (transfer full) (element-type GlossAdjudicationEntry): the
 *   documents, or %NULL with @error set
 */
GPtrArray *
gloss_adjudication_find_documents_finish (GAsyncResult  *result,
                                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* --- What the copies say ------------------------------------------------- */

/**
 * gloss_adjudication_get_gold_exists:
 *
 * Returns: whether the gold copy's annotation file has been written
 */
gboolean
gloss_adjudication_get_gold_exists (GlossAdjudication *self)
{
  g_return_val_if_fail (GLOSS_IS_ADJUDICATION (self), FALSE);

  return self->gold_exists;
}

/**
 * gloss_adjudication_get_gold:
 *
 * Returns: (transfer none) (nullable): the gold document, once loaded
 */
GlossDocument *
gloss_adjudication_get_gold (GlossAdjudication *self)
{
  g_return_val_if_fail (GLOSS_IS_ADJUDICATION (self), NULL);

  return self->gold;
}

guint
gloss_adjudication_get_n_annotators (GlossAdjudication *self)
{
  g_return_val_if_fail (GLOSS_IS_ADJUDICATION (self), 0);

  return self->n_copies;
}

const char *
gloss_adjudication_get_annotator (GlossAdjudication *self,
                                  guint              annotator)
{
  g_return_val_if_fail (GLOSS_IS_ADJUDICATION (self), NULL);
  g_return_val_if_fail (annotator < self->names->len, NULL);

  return g_ptr_array_index (self->names, annotator);
}

/**
 * gloss_adjudication_get_copy:
 *
 * Returns: (transfer none) (nullable): @annotator's copy, or %NULL when
 *   the annotator has not annotated the document
 */
GlossDocument *
gloss_adjudication_get_copy (GlossAdjudication *self,
                             guint              annotator)
{
  g_return_val_if_fail (GLOSS_IS_ADJUDICATION (self), NULL);
  g_return_val_if_fail (annotator < self->n_copies, NULL);

  return self->copies[annotator];
}

/**
 * gloss_adjudication_get_labels:
 * @sentence: a sentence position of the gold document
 *
 * Returns: (transfer none) (nullable) (array zero-terminated=1): the
 *   labels @annotator gave the sentence, in the order of the gold's
 *   labels; %NULL when the annotator has no copy or split the text there
 *   differently
 */
const char * const *
gloss_adjudication_get_labels (GlossAdjudication *self,
                               guint              sentence,
                               guint              annotator)
{
  g_return_val_if_fail (GLOSS_IS_ADJUDICATION (self), NULL);
  g_return_val_if_fail (annotator < self->n_copies, NULL);
  g_return_val_if_fail ((gsize)sentence * self->n_copies < self->labels->len, NULL);

  return g_ptr_array_index (self->labels, (gsize)sentence * self->n_copies + annotator);
}

guint
gloss_adjudication_get_n_disagreements (GlossAdjudication *self)
{
  g_return_val_if_fail (GLOSS_IS_ADJUDICATION (self), 0);

  return self->disagreements->len;
}

guint
gloss_adjudication_get_n_decided (GlossAdjudication *self)
{
  g_return_val_if_fail (GLOSS_IS_ADJUDICATION (self), 0);

  return self->n_decided;
}

/**
 * gloss_adjudication_get_sentence:
 *
 * Returns: the gold sentence position of @disagreement
 */
guint
gloss_adjudication_get_sentence (GlossAdjudication *self,
                                 guint              disagreement)
{
  Decision *decision;

  g_return_val_if_fail (GLOSS_IS_ADJUDICATION (self), 0);
  g_return_val_if_fail (disagreement < self->disagreements->len, 0);

  decision = &g_array_index (self->disagreements, Decision, disagreement);
  g_return_val_if_fail (decision->kind == GLOSS_ADJUDICATION_SENTENCE, 0);

  return decision->position;
}

/**
 * gloss_adjudication_get_kind:
 *
 * Returns: whether @disagreement is about a sentence's labels or a span
 *   unit
 */
GlossAdjudicationKind
gloss_adjudication_get_kind (GlossAdjudication *self,
                             guint              disagreement)
{
  g_return_val_if_fail (GLOSS_IS_ADJUDICATION (self), GLOSS_ADJUDICATION_SENTENCE);
  g_return_val_if_fail (disagreement < self->disagreements->len, GLOSS_ADJUDICATION_SENTENCE);

  return g_array_index (self->disagreements, Decision, disagreement).kind;
}

/**
 * gloss_adjudication_get_range:
 * @start: (out): where it starts, in code points
 * @end: (out): where it ends
 *
 * Gives the text of @disagreement: a sentence's, or from the first start
 * of a unit's spans (not their roles) to their last end.
 */
void
gloss_adjudication_get_range (GlossAdjudication *self,
                              guint              disagreement,
                              guint             *start,
                              guint             *end)
{
  g_return_if_fail (GLOSS_IS_ADJUDICATION (self));
  g_return_if_fail (disagreement < self->disagreements->len);
  g_return_if_fail (start != NULL && end != NULL);

  get_range (self, &g_array_index (self->disagreements, Decision, disagreement), start, end);
}

/**
 * gloss_adjudication_get_n_units:
 *
 * Returns: how many span units the copies have, those they agree on
 *   included
 */
guint
gloss_adjudication_get_n_units (GlossAdjudication *self)
{
  g_return_val_if_fail (GLOSS_IS_ADJUDICATION (self), 0);

  return self->units->len;
}

/**
 * gloss_adjudication_get_n_agreed_units:
 *
 * Returns: how many span units every copy has exactly alike: the gold
 *   copy takes them without a decision
 */
guint
gloss_adjudication_get_n_agreed_units (GlossAdjudication *self)
{
  guint n = 0;

  g_return_val_if_fail (GLOSS_IS_ADJUDICATION (self), 0);

  for (guint u = 0; u < self->units->len; u++)
    n += ((GlossAdjudicationUnit *)g_ptr_array_index (self->units, u))->agreed;

  return n;
}

static GlossAdjudicationUnit *
get_unit (GlossAdjudication *self,
          guint              disagreement)
{
  Decision *decision;

  g_return_val_if_fail (GLOSS_IS_ADJUDICATION (self), NULL);
  g_return_val_if_fail (disagreement < self->disagreements->len, NULL);

  decision = &g_array_index (self->disagreements, Decision, disagreement);
  g_return_val_if_fail (decision->kind == GLOSS_ADJUDICATION_SPANS, NULL);

  return g_ptr_array_index (self->units, decision->position);
}

/**
 * gloss_adjudication_get_unit_label:
 *
 * Returns: the span label of the unit @disagreement
 */
const char *
gloss_adjudication_get_unit_label (GlossAdjudication *self,
                                   guint              disagreement)
{
  GlossAdjudicationUnit *unit = get_unit (self, disagreement);

  return unit ? unit->label : NULL;
}

/**
 * gloss_adjudication_get_unit_span:
 *
 * Returns: (transfer none) (nullable): @annotator's span of the unit
 *   @disagreement, a span of the annotator's copy; %NULL when the
 *   annotator has none there or no copy
 */
GlossSpan *
gloss_adjudication_get_unit_span (GlossAdjudication *self,
                                  guint              disagreement,
                                  guint              annotator)
{
  GlossAdjudicationUnit *unit = get_unit (self, disagreement);

  g_return_val_if_fail (annotator < self->n_copies, NULL);

  return unit ? unit->versions[annotator].span : NULL;
}

/**
 * gloss_adjudication_get_unit_relations:
 *
 * Returns: (transfer none) (element-type GlossRelation): the relations of
 *   @annotator's copy from the annotator's span of the unit (a quote's to
 *   its speaker, cue …), in the copy's order; their spans are in
 *   gloss_adjudication_get_copy()
 */
GPtrArray *
gloss_adjudication_get_unit_relations (GlossAdjudication *self,
                                       guint              disagreement,
                                       guint              annotator)
{
  GlossAdjudicationUnit *unit = get_unit (self, disagreement);

  g_return_val_if_fail (annotator < self->n_copies, NULL);

  return unit ? unit->versions[annotator].relations : NULL;
}

/**
 * gloss_adjudication_find_disagreement:
 *
 * Returns: the disagreement at the gold sentence position @sentence, or
 *   -1 where all agree
 */
int
gloss_adjudication_find_disagreement (GlossAdjudication *self,
                                      guint              sentence)
{
  g_return_val_if_fail (GLOSS_IS_ADJUDICATION (self), -1);

  if (sentence >= self->disagreement_of->len)
    return -1;

  return g_array_index (self->disagreement_of, int, sentence);
}

gboolean
gloss_adjudication_get_decided (GlossAdjudication *self,
                                guint              disagreement)
{
  g_return_val_if_fail (GLOSS_IS_ADJUDICATION (self), FALSE);
  g_return_val_if_fail (disagreement < self->disagreements->len, FALSE);

  return g_array_index (self->disagreements, Decision, disagreement).decided;
}

/**
 * gloss_adjudication_get_accepted:
 *
 * Returns: the annotator whose labels (or version of a unit) were
 *   accepted, or -1 when the labels were set by hand, the unit rejected or
 *   nothing is decided yet
 */
int
gloss_adjudication_get_accepted (GlossAdjudication *self,
                                 guint              disagreement)
{
  Decision *decision;

  g_return_val_if_fail (GLOSS_IS_ADJUDICATION (self), -1);
  g_return_val_if_fail (disagreement < self->disagreements->len, -1);

  decision = &g_array_index (self->disagreements, Decision, disagreement);

  return decision->decided ? decision->accepted : -1;
}

/* --- Deciding ------------------------------------------------------------ */

static gboolean
set_gold_labels (GlossAdjudication  *self,
                 guint               position,
                 const char * const *labels)
{
  GlossSentence *sentence = gloss_document_get_sentence (self->gold, position);
  GlossHistory *history = gloss_document_get_history (self->gold);
  g_autoptr(GPtrArray) old = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *time = _gloss_adjudication_dup_now (self);
  gboolean changed = FALSE;

  for (guint i = 0; i < gloss_sentence_get_n_annotations (sentence); i++)
    g_ptr_array_add (old, g_object_ref (gloss_sentence_get_annotation (sentence, i)));

  for (guint i = 0; i < old->len; i++)
    {
      GlossAnnotation *annotation = g_ptr_array_index (old, i);

      if (!g_strv_contains (labels, gloss_annotation_get_label (annotation)))
        {
          gloss_history_remove (history, annotation);
          changed = TRUE;
        }
    }

  for (guint l = 0; labels[l] != NULL; l++)
    if (!gloss_sentence_has_label (sentence, labels[l]))
      {
        g_autoptr(GlossAnnotation) annotation =
          new_gold_annotation (self, _gloss_document_next_annotation_id (self->gold), position, labels[l],
                               gloss_document_get_note (self->gold, position), time);

        gloss_history_insert (history, annotation);
        changed = TRUE;
      }

  return changed;
}

static void
decided (GlossAdjudication *self,
         guint              disagreement,
         int                accepted,
         gboolean           rejected,
         gboolean           gold_changed)
{
  Decision *decision = &g_array_index (self->disagreements, Decision, disagreement);
  gboolean could_undo = gloss_adjudication_get_can_undo (self);
  guint n_decided = self->n_decided;
  Step *step = g_new0 (Step, 1);

  step->disagreement = disagreement;
  step->gold_changed = gold_changed;
  decision_copy (&step->before, decision);
  g_ptr_array_add (self->steps, step);

  self->n_decided += !decision->decided;
  decision_clear (decision);
  decision->decided = TRUE;
  decision->accepted = accepted;
  decision->rejected = rejected;
  decision->by = g_strdup (self->adjudicator);
  decision->at = _gloss_adjudication_dup_now (self);

  update_meta (self);
  /* A decision that keeps the labels still changes the file */
  _gloss_document_emit_changed (self->gold);

  if (n_decided != self->n_decided)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DECIDED]);
  if (!could_undo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_signal_emit (self, signals[CHANGED], 0, disagreement);
}

/* Decides a unit: @annotator's version, or none (-1) */
static gboolean
decide_unit (GlossAdjudication *self,
             guint              disagreement,
             int                annotator)
{
  Decision *decision = &g_array_index (self->disagreements, Decision, disagreement);
  GlossHistory *history;
  gboolean changed;

  if (decision->decided &&
      (annotator < 0 ? decision->rejected : !decision->rejected && decision->accepted == annotator))
    return FALSE;

  history = gloss_document_get_history (self->gold);
  gloss_history_begin_group (history);
  changed = _gloss_adjudication_decide_unit (self, decision->position, annotator);
  gloss_history_end_group (history);

  decided (self, disagreement, annotator, annotator < 0, changed);

  return TRUE;
}

/**
 * gloss_adjudication_accept:
 * @annotator: whose labels, or version of a unit, to take
 *
 * Decides @disagreement for @annotator's labels, as an undoable step. For
 * a span unit, the gold copy gets the annotator's version: the span with
 * its attributes, the spans its relations link and the relations, with
 * new ids (a span the gold copy has already, such as a speaker of two
 * quotes, is not added twice); an annotator without a span there has it
 * taken out, as gloss_adjudication_reject() does.
 *
 * Returns: %TRUE if the decision changed; %FALSE when it was so already,
 *   the annotator has no copy, or no labels there (split differently)
 */
gboolean
gloss_adjudication_accept (GlossAdjudication *self,
                           guint              disagreement,
                           guint              annotator)
{
  GlossHistory *history;
  const char * const *labels;
  Decision *decision;
  gboolean changed;

  g_return_val_if_fail (GLOSS_IS_ADJUDICATION (self), FALSE);
  g_return_val_if_fail (self->gold != NULL, FALSE);
  g_return_val_if_fail (disagreement < self->disagreements->len, FALSE);
  g_return_val_if_fail (annotator < self->n_copies, FALSE);

  decision = &g_array_index (self->disagreements, Decision, disagreement);
  if (decision->kind == GLOSS_ADJUDICATION_SPANS)
    {
      if (self->copies[annotator] == NULL)
        return FALSE;

      return decide_unit (self, disagreement, annotator);
    }

  labels = gloss_adjudication_get_labels (self, decision->position, annotator);
  if (labels == NULL)
    return FALSE;

  if (decision->decided && decision->accepted == (int)annotator)
    {
      GlossSentence *sentence = gloss_document_get_sentence (self->gold, decision->position);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) now = NULL;

      for (guint i = 0; i < gloss_sentence_get_n_annotations (sentence); i++)
        g_strv_builder_add (builder, gloss_annotation_get_label (gloss_sentence_get_annotation (sentence, i)));
      now = g_strv_builder_end (builder);
      if (strv_equal ((const char * const *)now, labels))
        return FALSE;
    }

  history = gloss_document_get_history (self->gold);
  gloss_history_begin_group (history);
  changed = set_gold_labels (self, decision->position, labels);
  gloss_history_end_group (history);

  decided (self, disagreement, annotator, FALSE, changed);

  return TRUE;
}

/**
 * gloss_adjudication_reject:
 *
 * Decides @disagreement for nothing, as an undoable step: a span unit
 * leaves no span in the gold copy (a span that another decision keeps, a
 * speaker of another quote, stays), a sentence keeps no label (as set by
 * hand).
 *
 * Returns: %TRUE if the decision changed; %FALSE when it was so already
 */
gboolean
gloss_adjudication_reject (GlossAdjudication *self,
                           guint              disagreement)
{
  static const char * const none[] = { NULL };
  GlossHistory *history;
  GlossSentence *sentence;
  Decision *decision;
  gboolean changed;

  g_return_val_if_fail (GLOSS_IS_ADJUDICATION (self), FALSE);
  g_return_val_if_fail (self->gold != NULL, FALSE);
  g_return_val_if_fail (disagreement < self->disagreements->len, FALSE);

  decision = &g_array_index (self->disagreements, Decision, disagreement);
  if (decision->kind == GLOSS_ADJUDICATION_SPANS)
    return decide_unit (self, disagreement, -1);

  sentence = gloss_document_get_sentence (self->gold, decision->position);
  if (decision->decided && decision->accepted < 0 && gloss_sentence_get_n_annotations (sentence) == 0)
    return FALSE;

  history = gloss_document_get_history (self->gold);
  gloss_history_begin_group (history);
  changed = set_gold_labels (self, decision->position, none);
  gloss_history_end_group (history);

  decided (self, disagreement, -1, FALSE, changed);

  return TRUE;
}

/**
 * gloss_adjudication_get_rejected:
 *
 * Returns: whether the span unit @disagreement is decided for none of
 *   the versions
 */
gboolean
gloss_adjudication_get_rejected (GlossAdjudication *self,
                                 guint              disagreement)
{
  Decision *decision;

  g_return_val_if_fail (GLOSS_IS_ADJUDICATION (self), FALSE);
  g_return_val_if_fail (disagreement < self->disagreements->len, FALSE);

  decision = &g_array_index (self->disagreements, Decision, disagreement);

  return decision->decided && decision->rejected;
}

/**
 * gloss_adjudication_toggle_label:
 * @label: a label id of the gold document
 *
 * Decides @disagreement by hand: adds @label to the gold sentence, or
 * removes it, as an undoable step.
 *
 * Returns: %TRUE if the gold sentence has @label now
 */
gboolean
gloss_adjudication_toggle_label (GlossAdjudication *self,
                                 guint              disagreement,
                                 const char        *label)
{
  GlossHistory *history;
  GlossSentence *sentence;
  Decision *decision;
  gboolean has;

  g_return_val_if_fail (GLOSS_IS_ADJUDICATION (self), FALSE);
  g_return_val_if_fail (self->gold != NULL, FALSE);
  g_return_val_if_fail (disagreement < self->disagreements->len, FALSE);
  g_return_val_if_fail (gloss_label_set_lookup (gloss_document_get_labels (self->gold), label) != NULL, FALSE);

  decision = &g_array_index (self->disagreements, Decision, disagreement);
  g_return_val_if_fail (decision->kind == GLOSS_ADJUDICATION_SENTENCE, FALSE);
  sentence = gloss_document_get_sentence (self->gold, decision->position);

  history = gloss_document_get_history (self->gold);
  gloss_history_begin_group (history);
  if (gloss_sentence_has_label (sentence, label))
    {
      gloss_history_remove (history, gloss_sentence_find_label (sentence, label));
      has = FALSE;
    }
  else
    {
      g_autofree char *time = _gloss_adjudication_dup_now (self);
      g_autoptr(GlossAnnotation) annotation =
        new_gold_annotation (self, _gloss_document_next_annotation_id (self->gold), decision->position, label,
                             gloss_document_get_note (self->gold, decision->position), time);

      gloss_history_insert (history, annotation);
      has = TRUE;
    }
  gloss_history_end_group (history);

  decided (self, disagreement, -1, FALSE, TRUE);

  return has;
}

gboolean
gloss_adjudication_get_can_undo (GlossAdjudication *self)
{
  g_return_val_if_fail (GLOSS_IS_ADJUDICATION (self), FALSE);

  return self->steps->len > 0;
}

/**
 * gloss_adjudication_undo:
 *
 * Takes back the last decision made since loading, with its change to the
 * gold copy.
 *
 * Returns: %TRUE if there was one
 */
gboolean
gloss_adjudication_undo (GlossAdjudication *self)
{
  g_autoptr(GPtrArray) steps = NULL;
  Step *step;
  Decision *decision;
  guint n_decided;
  guint disagreement;

  g_return_val_if_fail (GLOSS_IS_ADJUDICATION (self), FALSE);

  if (self->steps->len == 0)
    return FALSE;

  step = g_ptr_array_steal_index (self->steps, self->steps->len - 1);
  steps = g_ptr_array_new_with_free_func ((GDestroyNotify)step_free);
  g_ptr_array_add (steps, step);

  if (step->gold_changed)
    gloss_document_undo (self->gold);

  disagreement = step->disagreement;
  decision = &g_array_index (self->disagreements, Decision, disagreement);
  n_decided = self->n_decided;
  self->n_decided -= decision->decided && !step->before.decided;
  decision_clear (decision);
  *decision = step->before;
  step->before.by = NULL;
  step->before.at = NULL;

  update_meta (self);
  _gloss_document_emit_changed (self->gold);

  if (n_decided != self->n_decided)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DECIDED]);
  if (self->steps->len == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_signal_emit (self, signals[CHANGED], 0, disagreement);

  return TRUE;
}
