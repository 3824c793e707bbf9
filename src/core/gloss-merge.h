/* gloss-merge.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "gloss-types.h"

G_BEGIN_DECLS

/**
 * GlossMergeConflictKind:
 * @GLOSS_MERGE_CONFLICT_TEXT: the two sides annotate different texts and no
 *   merged text could be found; the document holds ours, @theirs is the
 *   other side's whole file
 * @GLOSS_MERGE_CONFLICT_LABEL: a sentence or span label of the set (@key: its id)
 * @GLOSS_MERGE_CONFLICT_RELATION_LABEL: a relation label of the set (@key)
 * @GLOSS_MERGE_CONFLICT_SENTENCE: the boundaries of sentence @id
 * @GLOSS_MERGE_CONFLICT_ANNOTATION: the label @key on sentence @id
 * @GLOSS_MERGE_CONFLICT_NOTE: the note of sentence @id (the versions are strings)
 * @GLOSS_MERGE_CONFLICT_SPAN: span @id
 * @GLOSS_MERGE_CONFLICT_RELATION: relation @id
 * @GLOSS_MERGE_CONFLICT_META: the member @key of `meta` (the versions are any
 *   JSON value)
 *
 * What a clash of a three-way merge concerns; the file's `"kind"`.
 */
typedef enum
{
  GLOSS_MERGE_CONFLICT_TEXT,
  GLOSS_MERGE_CONFLICT_LABEL,
  GLOSS_MERGE_CONFLICT_RELATION_LABEL,
  GLOSS_MERGE_CONFLICT_SENTENCE,
  GLOSS_MERGE_CONFLICT_ANNOTATION,
  GLOSS_MERGE_CONFLICT_NOTE,
  GLOSS_MERGE_CONFLICT_SPAN,
  GLOSS_MERGE_CONFLICT_RELATION,
  GLOSS_MERGE_CONFLICT_META,
} GlossMergeConflictKind;

/**
 * GlossMergeConflict:
 * @kind: what it concerns
 * @id: the sentence (sentence, annotation, note), span or relation id;
 *   0 for the other kinds
 * @key: the label id (label, relation label, annotation) or the member of
 *   `meta`; %NULL for the other kinds
 * @ours: our version as compact JSON, in the item's own format (a span as
 *   `"spans"` writes it …), or %NULL where our side deleted it
 * @theirs: their version, the same way
 *
 * One clash of a merge: both sides changed the same thing differently,
 * or one deleted what the other changed. The document's own lists hold
 * @ours, or @theirs where @ours is %NULL (a sentence's boundaries and a
 * text: always ours), so that nothing a clash names is missing while it
 * waits; an item that cannot be held there (an annotation of a sentence
 * that is not in our boundaries, a relation to a deleted span) is only in
 * the clash.
 */
typedef struct
{
  GlossMergeConflictKind kind;
  guint             id;
  char             *key;
  char             *ours;
  char             *theirs;
} GlossMergeConflict;

/**
 * GlossMergeChoice:
 * @GLOSS_MERGE_TAKE_OURS: keep our version (deleting the item where ours
 *   is %NULL)
 * @GLOSS_MERGE_TAKE_THEIRS: take their version
 * @GLOSS_MERGE_TAKE_EDITED: take a version given as JSON in the item's
 *   format (`"null"` deletes it)
 */
typedef enum
{
  GLOSS_MERGE_TAKE_OURS,
  GLOSS_MERGE_TAKE_THEIRS,
  GLOSS_MERGE_TAKE_EDITED,
} GlossMergeChoice;

/**
 * GlossMergeFindText:
 * @sha256: the SHA-256 (lower-case hex) of the text's file
 * @user_data: the data given with it
 *
 * Finds the text a side annotates: in the working tree, in git.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL when it cannot
 *   be found
 */
typedef GlossText *(*GlossMergeFindText) (const char *sha256,
                                          gpointer    user_data);

/**
 * GlossMergeTexts:
 * @base: (nullable): the common ancestor's text, when known
 * @ours: our text
 * @theirs: their text
 * @user_data: the data given with it
 *
 * Merges two changed texts as the version control merges them (`git
 * merge-file`), so the annotations are placed in the text the merge will
 * give.
 *
 * Returns: (transfer full) (nullable): the merged text, or %NULL when the
 *   texts do not merge cleanly
 */
typedef GlossText *(*GlossMergeTexts) (GlossText *base,
                                       GlossText *ours,
                                       GlossText *theirs,
                                       gpointer   user_data);

GBytes        *gloss_merge_files          (GBytes             *base,
                                           GBytes             *ours,
                                           GBytes             *theirs,
                                           const char         *name,
                                           GlossMergeFindText  find_text,
                                           GlossMergeTexts     merge_texts,
                                           gpointer            user_data,
                                           guint              *n_conflicts,
                                           GError            **error);

const char    *gloss_merge_conflict_kind_to_string   (GlossMergeConflictKind   kind);
gboolean       gloss_merge_conflict_kind_from_string (const char         *string,
                                                GlossMergeConflictKind  *kind);
GlossMergeConflict *gloss_merge_conflict_new   (GlossMergeConflictKind    kind,
                                     guint                id,
                                     const char          *key,
                                     const char          *ours,
                                     const char          *theirs);
GlossMergeConflict *gloss_merge_conflict_copy  (const GlossMergeConflict *conflict);
void           gloss_merge_conflict_free  (GlossMergeConflict       *conflict);
void           gloss_merge_conflict_append_json (GString             *out,
                                           const GlossMergeConflict *conflict);
char          *gloss_merge_conflict_dup_description (const GlossMergeConflict *conflict);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossMergeConflict, gloss_merge_conflict_free)

G_END_DECLS
