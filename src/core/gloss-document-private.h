/* gloss-document-private.h
 *
 * GlossDocument is one class in two files: the model (gloss-document.c)
 * and its files (gloss-document-io.c). This is what they share, and the
 * primitives that other parts of Gloss (the history, the file format,
 * import, re-anchoring, recovery) use and a document's users may not.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "gloss-document.h"
#include "gloss-file-writer.h"
#include "gloss-git.h"
#include "gloss-merge.h"
#include "gloss-project.h"
#include "gloss-span-index.h"
#include "gloss-suggestions.h"

G_BEGIN_DECLS

/* What a save checks, just before it replaces the annotation file, so that
 * it never writes over a change someone else made meanwhile (a git pull,
 * a colleague, an editor) */
typedef struct
{
  gboolean          known;         /* FALSE: never read nor written by this document */
  gboolean          exists;
  gboolean          has_identity;  /* FALSE: only the contents tell */
  gboolean          has_hash;
  GlossFileIdentity identity;
  guint8            hash[32];      /* SHA-256 of the bytes read or written */
} GlossDiskStamp;

/* The one object the views bind to: a text, its sentences, their
 * annotations and the labels in effect. Every user change goes through the
 * history, so it can be undone, and ends in ::changed, which the autosave
 * listens to. */
struct _GlossDocument
{
  GObject        parent_instance;

  GFile         *file;            /* the text file, or NULL */
  GlossText     *text;
  char          *language;
  GlossLabelSet *labels;
  GListStore    *sentences;       /* GlossSentence, in text order */
  GListStore    *annotations;     /* GlossAnnotation, by start, label, id */
  GListStore    *spans;           /* GlossSpan, by start, end, label, id */
  GListStore    *relations;       /* GlossRelation, by from span, label, id */
  GHashTable    *sentence_by_id;
  GHashTable    *span_by_id;
  GHashTable    *relation_by_id;
  GHashTable    *relations_from;  /* span id -> GPtrArray of its GlossRelation */
  GHashTable    *relations_to;
  GlossSpanIndex *span_index;     /* the spans' parts, for lookups by offset */
  GlossSuggestions *suggestions;  /* pending and rejected suggestions; never NULL */
  GlossHistory  *history;
  GPtrArray     *problems;        /* GlossProblem found when loading */
  char          *annotator;
  char          *meta;            /* the file's "meta" object, kept as it is */
  GPtrArray     *orphans;         /* annotations lost in a changed text, as JSON */
  GPtrArray     *conflicts;       /* GlossMergeConflict: a merge's clashes not resolved yet, or NULL */
  char          *read_only_reason; /* the annotation file may not be written */
  GlossDiskStamp disk;            /* the annotation file as last read or written */
  guint          disk_generation; /* bumped by every write that changes disk */
  guint          saves_running;   /* gloss_document_save_async() in a thread */
  GPtrArray     *waiting_checks;  /* GTask of checks that wait for those */
  guint          next_annotation_id;
  guint          next_sentence_id;
  guint          next_span_id;
  guint          next_relation_id;
  guint          n_annotated;
  guint          spans_generation; /* bumped by every change of the spans */
  guint          done : 1;
};

/* The primitives under the history's commands and the file format: they
 * change the model and tell the views, but record nothing for undo. */
GlossDocument *_gloss_document_new_empty     (GlossText       *text,
                                              const char      *language,
                                              GlossLabelSet   *labels);
GArray  *_gloss_document_split               (GlossDocument   *self);
void     _gloss_document_insert_annotation   (GlossDocument   *self,
                                              GlossAnnotation *annotation);
void     _gloss_document_add_loaded_annotations (GlossDocument *self,
                                                GPtrArray     *annotations);
void     _gloss_document_remove_annotation   (GlossDocument   *self,
                                              GlossAnnotation *annotation);
void     _gloss_document_replace_sentences   (GlossDocument   *self,
                                              guint            position,
                                              guint            n_removed,
                                              GPtrArray       *sentences);
void     _gloss_document_set_sentences       (GlossDocument   *self,
                                              GPtrArray       *sentences);
guint    _gloss_document_next_annotation_id  (GlossDocument   *self);
void     _gloss_document_add_problems        (GlossDocument   *self,
                                              GPtrArray       *problems);
void     _gloss_document_set_read_only_reason (GlossDocument *self,
                                               const char    *reason);
void     _gloss_document_set_file            (GlossDocument   *self,
                                              GFile           *file);
void     _gloss_document_set_done            (GlossDocument   *self,
                                              gboolean         done);
void     _gloss_document_set_meta        (GlossDocument   *self,
                                              char            *meta_json);
const char *_gloss_document_get_meta     (GlossDocument   *self);
void     _gloss_document_set_orphans     (GlossDocument   *self,
                                              JsonArray       *orphans);
void     _gloss_document_set_orphans_json (GlossDocument  *self,
                                              GPtrArray       *orphans);
char    *_gloss_document_dup_orphans_json (GlossDocument  *self,
                                              const char      *indent);
void     _gloss_document_emit_changed        (GlossDocument   *self);

/* Spans and relations (gloss-document-spans.c): the primitives under the
 * history's commands, the checks that adding and loading share, and
 * loading in bulk */
void     _gloss_document_init_spans          (GlossDocument   *self);
void     _gloss_document_finalize_spans      (GlossDocument   *self);
void     _gloss_document_sort_spans          (GlossDocument   *self);
void     _gloss_document_insert_span         (GlossDocument   *self,
                                              GlossSpan       *span);
void     _gloss_document_remove_span         (GlossDocument   *self,
                                              GlossSpan       *span);
void     _gloss_document_replace_span        (GlossDocument   *self,
                                              GlossSpan       *old_span,
                                              GlossSpan       *new_span);
void     _gloss_document_insert_relation     (GlossDocument   *self,
                                              GlossRelation   *relation);
void     _gloss_document_remove_relation     (GlossDocument   *self,
                                              GlossRelation   *relation);
gboolean _gloss_document_check_span          (GlossDocument   *self,
                                              GlossSpan       *span,
                                              const char      *path,
                                              gboolean         check_text,
                                              GPtrArray       *problems);
gboolean _gloss_document_check_relation      (GlossDocument   *self,
                                              GlossRelation   *relation,
                                              const char      *path,
                                              GPtrArray       *problems);
gboolean _gloss_document_check_relation_between (GlossDocument *self,
                                                 GlossRelation *relation,
                                                 GlossSpan     *from,
                                                 GlossSpan     *to,
                                                 const char    *path,
                                                 GPtrArray     *problems);
gboolean _gloss_document_problems_to_error   (GPtrArray       *problems,
                                              GError         **error);
gboolean _gloss_check_span_in                (GlossLabelSet   *labels,
                                              GlossText       *text,
                                              GlossSpan       *span,
                                              const char      *path,
                                              gboolean         check_text,
                                              GPtrArray       *problems);
gboolean _gloss_check_relation_in            (GlossLabelSet   *labels,
                                              GlossRelation   *relation,
                                              GlossSpan       *from,
                                              GlossSpan       *to,
                                              const char      *path,
                                              GPtrArray       *problems);
void     _gloss_document_add_loaded_spans    (GlossDocument   *self,
                                              GPtrArray       *spans);
void     _gloss_document_add_loaded_relations (GlossDocument  *self,
                                               GPtrArray      *relations);
guint    _gloss_document_count_spans         (GlossDocument   *self,
                                              const char      *label);
guint    _gloss_document_delete_span_label   (GlossDocument   *self,
                                              GlossLabel      *label);
void     _gloss_document_reserve_ids         (GlossDocument   *self,
                                              guint            next_span_id,
                                              guint            next_relation_id);
void     _gloss_document_copy_disk           (GlossDocument   *self,
                                              GlossDocument   *from);
void     _gloss_document_set_disk_sha256     (GlossDocument   *self,
                                              const char      *sha256);

/* The clashes of a merge (gloss-document-conflicts.c) */
void     _gloss_document_set_conflicts       (GlossDocument   *self,
                                              GPtrArray       *conflicts);
char    *_gloss_document_dup_conflicts_json  (GlossDocument   *self,
                                              const char      *indent);
GObject *_gloss_format_read_item             (GlossDocument     *document,
                                              GlossMergeConflictKind  kind,
                                              const char        *json,
                                              GPtrArray         *problems);

/* Suggestions (gloss-document-suggestions.c) */
void     _gloss_document_set_suggestions_internal (GlossDocument    *self,
                                                   GlossSuggestions *suggestions);
void     _gloss_document_emit_suggestions_changed (GlossDocument  *self);

GlossDocument *_gloss_document_load_to_read (GFile              *file,
                                             const char         *fallback,
                                             GlossProjectCache  *projects,
                                             GCancellable       *cancellable,
                                             GError            **error);
GlossDocument *_gloss_document_load_from_revision (GlossGit           *git,
                                                   const GlossGitTree *tree,
                                                   const char         *path,
                                                   GHashTable         *texts,
                                                   GCancellable       *cancellable,
                                                   GError            **error);

G_END_DECLS
