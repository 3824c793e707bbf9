/* gloss-document.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "gloss-merge.h"
#include "gloss-types.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_DOCUMENT (gloss_document_get_type ())

G_DECLARE_FINAL_TYPE (GlossDocument, gloss_document, GLOSS, DOCUMENT, GObject)

GlossDocument   *gloss_document_new                 (GlossText            *text,
                                                     const char           *language,
                                                     GlossLabelSet        *labels);
GlossDocument   *gloss_document_load                (GFile                *file,
                                                     const char           *language,
                                                     GCancellable         *cancellable,
                                                     GError              **error);
GlossDocument   *gloss_document_load_encoded        (GFile                *file,
                                                     const char           *language,
                                                     const char           *encoding,
                                                     GCancellable         *cancellable,
                                                     GError              **error);
GlossDocument   *gloss_document_load_fallback       (GFile                *file,
                                                     const char           *language,
                                                     const char           *fallback,
                                                     GCancellable         *cancellable,
                                                     GError              **error);
GlossText       *gloss_document_load_text           (GFile                *file,
                                                     const char           *encoding,
                                                     GCancellable         *cancellable,
                                                     GError              **error);
GlossDocument   *gloss_document_load_for_text       (GFile                *file,
                                                     GlossText            *text,
                                                     const char           *language,
                                                     GCancellable         *cancellable,
                                                     GError              **error);
void             gloss_document_load_async          (GFile                *file,
                                                     const char           *language,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
GlossDocument   *gloss_document_load_finish         (GAsyncResult         *result,
                                                     GError              **error);
gboolean         gloss_document_save                (GlossDocument        *self,
                                                     GCancellable         *cancellable,
                                                     GError              **error);
void             gloss_document_save_async          (GlossDocument        *self,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean         gloss_document_save_finish         (GlossDocument        *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
GFile           *gloss_document_get_file            (GlossDocument        *self);
GFile           *gloss_document_dup_annotation_file (GlossDocument        *self);
GFile           *gloss_document_dup_annotation_file_for (GFile            *text_file);
GlossText       *gloss_document_get_text            (GlossDocument        *self);
const char      *gloss_document_get_language        (GlossDocument        *self);
void             gloss_document_set_language        (GlossDocument        *self,
                                                     const char           *language);
GlossLabelSet   *gloss_document_get_labels          (GlossDocument        *self);
GListModel      *gloss_document_get_sentences       (GlossDocument        *self);
GListModel      *gloss_document_get_annotations     (GlossDocument        *self);
GlossHistory    *gloss_document_get_history         (GlossDocument        *self);
GPtrArray       *gloss_document_get_problems        (GlossDocument        *self);
gboolean         gloss_document_get_read_only       (GlossDocument        *self);
const char      *gloss_document_get_read_only_reason (GlossDocument       *self);
gboolean         gloss_document_check_disk          (GlossDocument        *self,
                                                     GCancellable         *cancellable,
                                                     GError              **error);
void             gloss_document_check_disk_async    (GlossDocument        *self,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean         gloss_document_check_disk_finish   (GlossDocument        *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
gboolean         gloss_document_get_done            (GlossDocument        *self);
void             gloss_document_set_done            (GlossDocument        *self,
                                                     gboolean              done);
const char      *gloss_document_get_annotator       (GlossDocument        *self);
void             gloss_document_set_annotator       (GlossDocument        *self,
                                                     const char           *annotator);
guint            gloss_document_get_n_sentences     (GlossDocument        *self);
GlossSentence   *gloss_document_get_sentence        (GlossDocument        *self,
                                                     guint                 position);
GlossSentence   *gloss_document_lookup_sentence     (GlossDocument        *self,
                                                     guint                 id);
int              gloss_document_find_sentence_at    (GlossDocument        *self,
                                                     guint                 offset);
guint            gloss_document_get_n_annotated     (GlossDocument        *self);
guint            gloss_document_get_n_orphans       (GlossDocument        *self);
guint            gloss_document_count_label         (GlossDocument        *self,
                                                     const char           *label);
char            *gloss_document_dup_sentence_text   (GlossDocument        *self,
                                                     guint                 position);
gboolean         gloss_document_add_label           (GlossDocument        *self,
                                                     guint                 position,
                                                     const char           *label);
gboolean         gloss_document_remove_label        (GlossDocument        *self,
                                                     guint                 position,
                                                     const char           *label);
gboolean         gloss_document_toggle_label        (GlossDocument        *self,
                                                     guint                 position,
                                                     const char           *label);
const char      *gloss_document_get_note            (GlossDocument        *self,
                                                     guint                 position);
gboolean         gloss_document_set_note            (GlossDocument        *self,
                                                     guint                 position,
                                                     const char           *note);
guint            gloss_document_delete_label        (GlossDocument        *self,
                                                     const char           *label);
gboolean         gloss_document_merge_sentences     (GlossDocument        *self,
                                                     guint                 position);
gboolean         gloss_document_split_sentence      (GlossDocument        *self,
                                                     guint                 position,
                                                     guint                 offset);
gboolean         gloss_document_mark_reviewed       (GlossDocument        *self,
                                                     guint                 position);
guint            gloss_document_resplit_unlabelled  (GlossDocument        *self);
GListModel      *gloss_document_get_spans           (GlossDocument        *self);
GListModel      *gloss_document_get_relations       (GlossDocument        *self);
GlossSpan       *gloss_document_lookup_span         (GlossDocument        *self,
                                                     guint                 id);
GlossRelation   *gloss_document_lookup_relation     (GlossDocument        *self,
                                                     guint                 id);
GPtrArray       *gloss_document_dup_spans_at        (GlossDocument        *self,
                                                     guint                 offset);
GPtrArray       *gloss_document_dup_spans_in        (GlossDocument        *self,
                                                     guint                 start,
                                                     guint                 end);
GPtrArray       *gloss_document_dup_relations_from  (GlossDocument        *self,
                                                     guint                 span);
GPtrArray       *gloss_document_dup_relations_to    (GlossDocument        *self,
                                                     guint                 span);
GlossSpan       *gloss_document_new_span            (GlossDocument        *self,
                                                     const char           *label,
                                                     const GlossRange     *parts,
                                                     guint                 n_parts);
GlossRelation   *gloss_document_new_relation        (GlossDocument        *self,
                                                     const char           *label,
                                                     guint                 from,
                                                     guint                 to);
gboolean         gloss_document_add_span            (GlossDocument        *self,
                                                     GlossSpan            *span,
                                                     GError              **error);
gboolean         gloss_document_replace_span        (GlossDocument        *self,
                                                     GlossSpan            *span,
                                                     GError              **error);
gboolean         gloss_document_remove_span         (GlossDocument        *self,
                                                     guint                 id);
gboolean         gloss_document_add_relation        (GlossDocument        *self,
                                                     GlossRelation        *relation,
                                                     GError              **error);
gboolean         gloss_document_replace_relation    (GlossDocument        *self,
                                                     GlossRelation        *relation,
                                                     GError              **error);
gboolean         gloss_document_remove_relation     (GlossDocument        *self,
                                                     guint                 id);
guint            gloss_document_count_relation_label (GlossDocument       *self,
                                                      const char          *label);
guint            gloss_document_count_label_relations (GlossDocument      *self,
                                                       const char         *label);
guint            gloss_document_delete_relation_label (GlossDocument      *self,
                                                       const char         *label);
GlossSuggestions *gloss_document_get_suggestions    (GlossDocument        *self);
GlossSuggestionsFilter *gloss_suggestions_filter_new (GlossDocument    *document);
GlossSuggestions *gloss_suggestions_filter_run      (GlossSuggestionsFilter *self,
                                                     GPtrArray            *spans,
                                                     GPtrArray            *relations,
                                                     guint                *n_taken,
                                                     guint                *n_skipped);
void             gloss_suggestions_filter_free      (GlossSuggestionsFilter *self);
gboolean         gloss_document_take_suggestions    (GlossDocument        *self,
                                                     GlossSuggestionsFilter *filter,
                                                     GlossSuggestions     *suggestions);
guint            gloss_document_set_suggestions     (GlossDocument        *self,
                                                     GPtrArray            *spans,
                                                     GPtrArray            *relations,
                                                     guint                *n_skipped);
gboolean         gloss_document_accept_suggestion   (GlossDocument        *self,
                                                     guint                 head,
                                                     GError              **error);
guint            gloss_document_accept_suggestions_in (GlossDocument      *self,
                                                       guint               start,
                                                       guint               end,
                                                       GError            **error);
gboolean         gloss_document_reject_suggestion   (GlossDocument        *self,
                                                     guint                 head,
                                                     GError              **error);
guint            gloss_document_get_n_conflicts     (GlossDocument        *self);
const GlossMergeConflict *gloss_document_get_conflict    (GlossDocument        *self,
                                                     guint                 index);
gboolean         gloss_document_resolve_conflict    (GlossDocument        *self,
                                                     guint                 index,
                                                     GlossMergeChoice      choice,
                                                     const char           *edited,
                                                     GError              **error);
GPtrArray       *gloss_document_dup_conflict_problems (GlossDocument      *self);
gboolean         gloss_document_undo                (GlossDocument        *self);
gboolean         gloss_document_redo                (GlossDocument        *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossSuggestionsFilter, gloss_suggestions_filter_free)

G_END_DECLS
