/* gloss-dataset.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * GlossDatasetCarries:
 * @GLOSS_DATASET_CARRIES_NONE: the text, the document id and the labelled
 *   spans only, which every format holds
 * @GLOSS_DATASET_CARRIES_SENTENCES: every sentence with its span, labelled
 *   or not (an unlabelled sentence is a negative example)
 * @GLOSS_DATASET_CARRIES_NOTES: the annotators' notes
 * @GLOSS_DATASET_CARRIES_ANNOTATORS: who gave each label
 * @GLOSS_DATASET_CARRIES_TIMES: when each label was given and changed
 * @GLOSS_DATASET_CARRIES_DONE: whether the document was marked done
 * @GLOSS_DATASET_CARRIES_LANGUAGE: the document's language
 * @GLOSS_DATASET_CARRIES_META: the metadata an import kept (a crawler's
 *   fields)
 * @GLOSS_DATASET_CARRIES_SPANS: the spans of span labels, with their
 *   parts, texts and attributes
 * @GLOSS_DATASET_CARRIES_RELATIONS: the relations between spans
 * @GLOSS_DATASET_CARRIES_ALL: everything above
 *
 * What a dataset format holds of a document beyond its text, id and
 * labelled spans: what Gloss's writer puts into it, and for a format
 * Gloss only reads, what its reader takes.
 */
typedef enum
{
  GLOSS_DATASET_CARRIES_NONE       = 0,
  GLOSS_DATASET_CARRIES_SENTENCES  = 1 << 0,
  GLOSS_DATASET_CARRIES_NOTES      = 1 << 1,
  GLOSS_DATASET_CARRIES_ANNOTATORS = 1 << 2,
  GLOSS_DATASET_CARRIES_TIMES      = 1 << 3,
  GLOSS_DATASET_CARRIES_DONE       = 1 << 4,
  GLOSS_DATASET_CARRIES_LANGUAGE   = 1 << 5,
  GLOSS_DATASET_CARRIES_META       = 1 << 6,
  GLOSS_DATASET_CARRIES_SPANS      = 1 << 7,
  GLOSS_DATASET_CARRIES_RELATIONS  = 1 << 8,
  GLOSS_DATASET_CARRIES_ALL        = (1 << 9) - 1,
} GlossDatasetCarries;

/**
 * GlossOffsets:
 * @GLOSS_OFFSETS_AUTO: in an export, the format's own unit (UTF-16 units
 *   for doccano, code points for every other format); in an import, the
 *   unit the spans show (see gloss_importer_set_offsets())
 * @GLOSS_OFFSETS_CODE_POINTS: Unicode code points, as Gloss and Python's
 *   `str` count them
 * @GLOSS_OFFSETS_UTF16: UTF-16 code units, as JavaScript's strings count
 *   them (doccano's annotation view): a character beyond U+FFFF, an emoji
 *   such as 😊, counts two
 *
 * How a dataset's offsets count the text.
 */
typedef enum
{
  GLOSS_OFFSETS_AUTO,
  GLOSS_OFFSETS_CODE_POINTS,
  GLOSS_OFFSETS_UTF16,
} GlossOffsets;

gboolean    gloss_offsets_from_name (const char   *name,
                                     GlossOffsets *offsets);
const char *gloss_offsets_get_name  (GlossOffsets  offsets);

/**
 * GlossDoccanoLayout:
 * @GLOSS_DOCCANO_LAYOUT_AUTO: relation extraction when the label set of
 *   the first document exported has span or relation labels, else
 *   sequence labelling
 * @GLOSS_DOCCANO_LAYOUT_SEQUENCE_LABELING: `label`: `[start, end, label]`
 *   triples, for a doccano project of sequence labelling
 * @GLOSS_DOCCANO_LAYOUT_RELATION_EXTRACTION: `entities` and `relations`,
 *   for a doccano project of sequence labelling with relations
 *
 * Which of doccano's JSONL layouts an export writes.
 */
typedef enum
{
  GLOSS_DOCCANO_LAYOUT_AUTO,
  GLOSS_DOCCANO_LAYOUT_SEQUENCE_LABELING,
  GLOSS_DOCCANO_LAYOUT_RELATION_EXTRACTION,
} GlossDoccanoLayout;

gboolean    gloss_doccano_layout_from_name (const char         *name,
                                            GlossDoccanoLayout *layout);
const char *gloss_doccano_layout_get_name  (GlossDoccanoLayout  layout);

G_END_DECLS
