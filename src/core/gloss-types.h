/* gloss-types.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _GlossAnnotation GlossAnnotation;
typedef struct _GlossDocument   GlossDocument;
typedef struct _GlossGit        GlossGit;
typedef struct _GlossHistory    GlossHistory;
typedef struct _GlossLabel      GlossLabel;
typedef struct _GlossLabelSet   GlossLabelSet;
typedef struct _GlossRelation   GlossRelation;
typedef struct _GlossSegmenter  GlossSegmenter;
typedef struct _GlossSentence   GlossSentence;
typedef struct _GlossSpan       GlossSpan;
typedef struct _GlossSuggestions GlossSuggestions;
typedef struct _GlossSuggestionsFilter GlossSuggestionsFilter;
typedef struct _GlossText       GlossText;

/**
 * GlossRange:
 * @start: first code point of the span
 * @end: the code point after the last one (half-open)
 *
 * A range of a text in Unicode code points, as Python's `str` indexes it.
 */
typedef struct
{
  guint start;
  guint end;
} GlossRange;

G_END_DECLS
