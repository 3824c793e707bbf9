/* gloss-article-view-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What gloss-article-view.c (the text, sentence labels, the caret and the
 * selection) shares with gloss-article-view-spans.c (spans and relations).
 */

#pragma once

#include "gloss-article-view.h"
#include "gloss-label-marker.h"

G_BEGIN_DECLS

#define N_CHANNELS 2

typedef struct
{
  GtkTextTag *channel[N_CHANNELS];  /* background, underline */
} LabelTags;

/* A span label's tags, shared by all its spans: never a tag per span */
typedef struct
{
  GtkTextTag *mark;      /* the set's first span label: a background; others: an underline */
  GtkTextTag *linked;    /* spans linked to the current span: a light background */
  GtkTextTag *current;   /* the current span: a strong background */
} SpanTags;

struct _GlossArticleView
{
  GtkTextView     parent_instance;

  GlossText      *text;            /* what the buffer shows, or NULL */
  GlossDocument  *document;
  GListModel     *sentences;
  GlossLabelSet  *labels;
  GHashTable     *tags;            /* sentence label id -> LabelTags */
  GtkTextTag     *current_tag;
  GtkTextMark    *current_mark;
  GtkCssProvider *css;
  int             current;
  int             split_caret;     /* a text offset, or -1 */

  /* A long text's labels are tagged in slices between frames, in text
   * order from tag_cursor on, and what comes on screen at once */
  guint           tag_cursor;      /* sentences before it are tagged */
  guint           tag_id;
  guint           visible_id;
  int             visible_first;   /* sentences on screen, to tag first */
  int             visible_last;

  /* The selection: a drag snaps outward to word edges unless Alt is held;
   * what was dragged is kept */
  int             raw_start;       /* -1: the selection is as made */
  int             raw_end;
  guint           snap_id;
  guint           press_alt : 1;   /* Alt was held when the drag began */
  guint           press_selects : 1;

  /* gloss-article-view-spans.c */
  GListModel     *spans;
  GListModel     *relations;
  GHashTable     *span_tags;       /* span label id -> SpanTags */
  GPtrArray      *span_mirror;     /* the spans as tagged, in the model's order */
  guint           span_cursor;     /* spans before it are tagged */
  guint           current_span;    /* an id, or GLOSS_ARTICLE_VIEW_NO_SPAN */
  GPtrArray      *suggested;       /* GlossSpan: the suggestions left to tag, or NULL */
  guint           suggested_cursor; /* suggestions before it are tagged */
  guint           suggested_id;    /* tags the rest between frames */
  GPtrArray      *highlighted;     /* Highlight: ranges with a current or linked tag */
  GArray         *dirty_spans;     /* stretches of text whose spans changed */
  guint           highlight_dirty : 1;
  int             pending_click;   /* offset of a click that may pick a span, or -1 */

  int             text_size;
  int             line_length;
  guint           serif : 1;
  guint           show_markers : 1;
  guint           blank_line_paragraphs : 1;
};

#define MARKER_SIZE    GLOSS_LABEL_MARKER_SIZE
#define MARKER_SPACING 3

gboolean _gloss_article_view_is_dark          (void);
void     _gloss_article_view_label_rgba       (GlossLabel       *label,
                                               GdkRGBA          *rgba);

/* gloss-article-view-spans.c */
void     _gloss_article_view_init_spans       (GlossArticleView *self);
void     _gloss_article_view_finalize_spans   (GlossArticleView *self);
void     _gloss_article_view_connect_spans    (GlossArticleView *self);
void     _gloss_article_view_disconnect_spans (GlossArticleView *self);
void     _gloss_article_view_create_span_tags (GlossArticleView *self,
                                               gboolean          highlights);
void     _gloss_article_view_forget_span_tags (GlossArticleView *self,
                                               gboolean          remove);
void     _gloss_article_view_update_span_colors (GlossArticleView *self,
                                                 GlossLabel       *label);
gboolean _gloss_article_view_tag_span_slice   (GlossArticleView *self,
                                               gint64            deadline);
void     _gloss_article_view_tag_spans_in     (GlossArticleView *self,
                                               guint             start,
                                               guint             end);
void     _gloss_article_view_refresh_highlight (GlossArticleView *self);
void     _gloss_article_view_snapshot_spans   (GlossArticleView *self,
                                               GtkSnapshot      *snapshot,
                                               guint             top,
                                               guint             bottom,
                                               GHashTable       *markers_on_line,
                                               float             gutter_right);
void     _gloss_article_view_click_spans      (GlossArticleView *self,
                                               int               offset);

G_END_DECLS
