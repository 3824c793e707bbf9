/* gloss-article-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "gloss-types.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_ARTICLE_VIEW (gloss_article_view_get_type ())

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

G_END_DECLS
