/* gloss-article-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "gloss-types.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_ARTICLE_VIEW (gloss_article_view_get_type ())

/* No span is current */
#define GLOSS_ARTICLE_VIEW_NO_SPAN G_MAXUINT

/**
 * GlossCaretUnit:
 * @GLOSS_CARET_CHAR: a character (a grapheme: an emoji is one step)
 * @GLOSS_CARET_WORD: to the end of this or the next word, or back to the
 *   start of this or the previous one
 * @GLOSS_CARET_SENTENCE: to the end of this or the next sentence, or back
 *   to the start of this or the previous one
 * @GLOSS_CARET_LINE: to the end or the start of the line on screen
 *
 * How far gloss_article_view_move_caret() moves.
 */
typedef enum
{
  GLOSS_CARET_CHAR,
  GLOSS_CARET_WORD,
  GLOSS_CARET_SENTENCE,
  GLOSS_CARET_LINE,
} GlossCaretUnit;

/**
 * GlossSpanHighlight:
 * @GLOSS_SPAN_HIGHLIGHT_NONE: no highlight
 * @GLOSS_SPAN_HIGHLIGHT_LINKED: a span linked to the current span
 * @GLOSS_SPAN_HIGHLIGHT_CURRENT: the current span
 */
typedef enum
{
  GLOSS_SPAN_HIGHLIGHT_NONE,
  GLOSS_SPAN_HIGHLIGHT_LINKED,
  GLOSS_SPAN_HIGHLIGHT_CURRENT,
} GlossSpanHighlight;

G_DECLARE_FINAL_TYPE (GlossArticleView, gloss_article_view, GLOSS, ARTICLE_VIEW, GtkTextView)

GtkWidget     *gloss_article_view_new          (void);
GlossDocument *gloss_article_view_get_document (GlossArticleView *self);
void           gloss_article_view_set_document (GlossArticleView *self,
                                                GlossDocument    *document);
void           gloss_article_view_show_text    (GlossArticleView *self,
                                                GlossText        *text,
                                                const char       *display,
                                                gsize             length);
int            gloss_article_view_get_current  (GlossArticleView *self);
void           gloss_article_view_set_current  (GlossArticleView *self,
                                                int               position,
                                                gboolean          scroll);
int            gloss_article_view_find         (GlossArticleView *self,
                                                const char       *needle,
                                                gboolean          backwards,
                                                gboolean          skip_current);
gboolean       gloss_article_view_has_tag_at       (GlossArticleView *self,
                                                    guint             offset,
                                                    const char       *label_id);
gboolean       gloss_article_view_sentence_has_tag (GlossArticleView *self,
                                                    guint             position,
                                                    const char       *label_id);
void           gloss_article_view_set_split_caret  (GlossArticleView *self,
                                                    int               offset);
int            gloss_article_view_get_split_caret  (GlossArticleView *self);
int            gloss_article_view_get_offset_at    (GlossArticleView *self,
                                                    double            x,
                                                    double            y);
gboolean       gloss_article_view_get_tagging      (GlossArticleView *self);

guint          gloss_article_view_get_caret        (GlossArticleView *self);
void           gloss_article_view_set_caret        (GlossArticleView *self,
                                                    guint             offset,
                                                    gboolean          scroll);
void           gloss_article_view_move_caret       (GlossArticleView *self,
                                                    GlossCaretUnit    unit,
                                                    int               count,
                                                    gboolean          extend);
gboolean       gloss_article_view_get_selection    (GlossArticleView *self,
                                                    guint            *start,
                                                    guint            *end);
gboolean       gloss_article_view_get_raw_selection (GlossArticleView *self,
                                                     guint            *start,
                                                     guint            *end);
void           gloss_article_view_select           (GlossArticleView *self,
                                                    guint             start,
                                                    guint             end);
void           gloss_article_view_clear_selection  (GlossArticleView *self);
void           gloss_article_view_end_drag         (GlossArticleView *self,
                                                    gboolean          alt);
int            gloss_article_view_get_word_edge    (GlossArticleView *self,
                                                    guint             offset,
                                                    int               direction);
int            gloss_article_view_get_grow_edge    (GlossArticleView *self,
                                                    guint             offset,
                                                    int               direction);

guint          gloss_article_view_get_current_span (GlossArticleView *self);
void           gloss_article_view_set_current_span (GlossArticleView *self,
                                                    guint             id,
                                                    gboolean          scroll);
gboolean       gloss_article_view_has_span_tag_at  (GlossArticleView *self,
                                                    guint             offset,
                                                    const char       *label_id);
GlossSpanHighlight gloss_article_view_get_highlight_at (GlossArticleView *self,
                                                        guint             offset);
void           gloss_article_view_show_suggestions (GlossArticleView *self,
                                                    GlossSuggestions *suggestions,
                                                    guint             current);
int            gloss_article_view_get_suggestion_at (GlossArticleView *self,
                                                     guint             offset,
                                                     const char       *label_id);

G_END_DECLS
