/* gloss-adjudication.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "gloss-types.h"

G_BEGIN_DECLS

/* The most annotators whose labels the keys 1–9 accept */
#define GLOSS_ADJUDICATION_MAX_KEYED 9

/**
 * GlossAdjudicationKind:
 * @GLOSS_ADJUDICATION_SENTENCE: the labels of a sentence
 * @GLOSS_ADJUDICATION_SPANS: a span unit: the spans of one label in one
 *   place, with the spans their relations link (a quote, its speaker, its
 *   cue …)
 *
 * What a disagreement is about.
 */
typedef enum
{
  GLOSS_ADJUDICATION_SENTENCE,
  GLOSS_ADJUDICATION_SPANS,
} GlossAdjudicationKind;

/**
 * GlossAdjudicationEntry:
 * @id: the document id: the text's path relative to each copy's folder
 * @n_disagreements: its sentences where the annotators disagree
 * @n_decided: how many of them the gold copy has decided
 * @problem: (nullable): why the document cannot be adjudicated
 *
 * One document of the annotators' copies, as the list to choose from
 * shows it.
 */
typedef struct
{
  char  *id;
  guint  n_disagreements;
  guint  n_decided;
  char  *problem;
} GlossAdjudicationEntry;

void gloss_adjudication_entry_free (GlossAdjudicationEntry *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossAdjudicationEntry, gloss_adjudication_entry_free)

GPtrArray *gloss_adjudication_find_documents        (GPtrArray            *roots,
                                                     GFile                *gold_root,
                                                     GCancellable         *cancellable,
                                                     GError              **error);
void       gloss_adjudication_find_documents_async  (GPtrArray            *roots,
                                                     GFile                *gold_root,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
GPtrArray *gloss_adjudication_find_documents_for_revisions (GlossGit          *git,
                                                           const char * const *revisions,
                                                           const char        *path,
                                                           GFile             *gold_root,
                                                           GCancellable      *cancellable,
                                                           GError           **error);
void       gloss_adjudication_find_documents_for_revisions_async (GlossGit          *git,
                                                                 const char * const *revisions,
                                                                 const char        *path,
                                                                 GFile             *gold_root,
                                                                 GCancellable      *cancellable,
                                                                 GAsyncReadyCallback callback,
                                                                 gpointer           user_data);
GPtrArray *gloss_adjudication_find_documents_finish (GAsyncResult         *result,
                                                     GError              **error);

#define GLOSS_TYPE_ADJUDICATION (gloss_adjudication_get_type ())

G_DECLARE_FINAL_TYPE (GlossAdjudication, gloss_adjudication, GLOSS, ADJUDICATION, GObject)

GlossAdjudication *gloss_adjudication_new           (GPtrArray            *roots,
                                                     const char * const   *names,
                                                     GFile                *gold_root,
                                                     const char           *id);
GlossAdjudication *gloss_adjudication_new_for_revisions (GlossGit           *git,
                                                     const char * const   *revisions,
                                                     const char           *path,
                                                     GFile                *gold_root,
                                                     const char           *id);
const char    *gloss_adjudication_get_id            (GlossAdjudication    *self);
const char    *gloss_adjudication_get_adjudicator   (GlossAdjudication    *self);
void           gloss_adjudication_set_adjudicator   (GlossAdjudication    *self,
                                                     const char           *adjudicator);
void           gloss_adjudication_set_time          (GlossAdjudication    *self,
                                                     const char           *timestamp);
gboolean       gloss_adjudication_load              (GlossAdjudication    *self,
                                                     GCancellable         *cancellable,
                                                     GError              **error);
void           gloss_adjudication_open_async        (GlossAdjudication    *self,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean       gloss_adjudication_open_finish       (GlossAdjudication    *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
gboolean       gloss_adjudication_prepare_gold      (GlossAdjudication    *self,
                                                     GCancellable         *cancellable,
                                                     GError              **error);
gboolean       gloss_adjudication_save              (GlossAdjudication    *self,
                                                     GCancellable         *cancellable,
                                                     GError              **error);
gboolean       gloss_adjudication_get_gold_exists   (GlossAdjudication    *self);
GlossDocument *gloss_adjudication_get_gold          (GlossAdjudication    *self);
guint          gloss_adjudication_get_n_annotators  (GlossAdjudication    *self);
const char    *gloss_adjudication_get_annotator     (GlossAdjudication    *self,
                                                     guint                 annotator);
GlossDocument *gloss_adjudication_get_copy          (GlossAdjudication    *self,
                                                     guint                 annotator);
const char * const *gloss_adjudication_get_labels   (GlossAdjudication    *self,
                                                     guint                 sentence,
                                                     guint                 annotator);
guint          gloss_adjudication_get_n_disagreements (GlossAdjudication  *self);
guint          gloss_adjudication_get_n_decided     (GlossAdjudication    *self);
guint          gloss_adjudication_get_sentence      (GlossAdjudication    *self,
                                                     guint                 disagreement);
int            gloss_adjudication_find_disagreement (GlossAdjudication    *self,
                                                     guint                 sentence);
gboolean       gloss_adjudication_get_decided       (GlossAdjudication    *self,
                                                     guint                 disagreement);
int            gloss_adjudication_get_accepted      (GlossAdjudication    *self,
                                                     guint                 disagreement);
gboolean       gloss_adjudication_accept            (GlossAdjudication    *self,
                                                     guint                 disagreement,
                                                     guint                 annotator);
gboolean       gloss_adjudication_toggle_label      (GlossAdjudication    *self,
                                                     guint                 disagreement,
                                                     const char           *label);
gboolean       gloss_adjudication_reject            (GlossAdjudication    *self,
                                                     guint                 disagreement);
gboolean       gloss_adjudication_get_rejected      (GlossAdjudication    *self,
                                                     guint                 disagreement);
GlossAdjudicationKind gloss_adjudication_get_kind   (GlossAdjudication    *self,
                                                     guint                 disagreement);
void           gloss_adjudication_get_range         (GlossAdjudication    *self,
                                                     guint                 disagreement,
                                                     guint                *start,
                                                     guint                *end);
guint          gloss_adjudication_get_n_units       (GlossAdjudication    *self);
guint          gloss_adjudication_get_n_agreed_units (GlossAdjudication   *self);
const char    *gloss_adjudication_get_unit_label    (GlossAdjudication    *self,
                                                     guint                 disagreement);
GlossSpan     *gloss_adjudication_get_unit_span     (GlossAdjudication    *self,
                                                     guint                 disagreement,
                                                     guint                 annotator);
GPtrArray     *gloss_adjudication_get_unit_relations (GlossAdjudication   *self,
                                                      guint                disagreement,
                                                      guint                annotator);
gboolean       gloss_adjudication_get_can_undo      (GlossAdjudication    *self);
gboolean       gloss_adjudication_undo              (GlossAdjudication    *self);

G_END_DECLS
