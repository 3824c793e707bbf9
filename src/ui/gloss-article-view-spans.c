/* gloss-article-view-spans.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "gloss-article-view-private.h"
#include "gloss-document.h"
#include "gloss-label.h"
#include "gloss-label-set.h"
#include "gloss-relation.h"
#include "gloss-sentence.h"
#include "gloss-span.h"
#include "gloss-suggestions.h"

/* The spans of the article. Each span label has three shared tags (never
 * a tag per span, so 2 000 spans cost what 20 do): its mark, a light
 * background for the set's first span label (the quote) and a coloured
 * underline for the others (speaker, cue …), so a speaker inside a quote
 * shows both; a stronger background for the current span; a lighter one
 * for the spans linked to it. None changes the layout. What colour alone
 * would not tell is drawn over the text for the spans on screen only:
 * corner brackets at the start and end of every part, and the label's key
 * in a ring beside the line where a part starts (a filled ring for the
 * current span), beside the sentence labels' squares.
 *
 * A change of the spans re-tags only the stretch of text it touched, once
 * the document has finished the change (its ::changed): during a change
 * the list models and the document's lookups may disagree. */

typedef struct
{
  GtkTextTag *tag;
  guint       start;
  guint       end;
} Highlight;

typedef struct
{
  guint start;
  guint end;
} Dirty;

void
_gloss_article_view_init_spans (GlossArticleView *self)
{
  self->span_tags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->span_mirror = g_ptr_array_new_with_free_func (g_object_unref);
  self->highlighted = g_ptr_array_new_with_free_func (g_free);
  self->dirty_spans = g_array_new (FALSE, FALSE, sizeof (Dirty));
  self->current_span = GLOSS_ARTICLE_VIEW_NO_SPAN;
}

void
_gloss_article_view_finalize_spans (GlossArticleView *self)
{
  g_clear_pointer (&self->span_tags, g_hash_table_unref);
  g_clear_pointer (&self->span_mirror, g_ptr_array_unref);
  g_clear_pointer (&self->highlighted, g_ptr_array_unref);
  g_clear_pointer (&self->dirty_spans, g_array_unref);
  g_clear_handle_id (&self->suggested_id, g_source_remove);
  g_clear_pointer (&self->suggested, g_ptr_array_unref);
}

static GtkTextBuffer *
get_buffer (GlossArticleView *self)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
}

static GlossLabel *
first_span_label (GlossArticleView *self)
{
  for (guint i = 0; self->labels != NULL && i < gloss_label_set_get_n_labels (self->labels); i++)
    {
      GlossLabel *label = gloss_label_set_get_label (self->labels, i);

      if (gloss_label_get_scope (label) == GLOSS_LABEL_SCOPE_SPAN)
        return label;
    }

  return NULL;
}

void
_gloss_article_view_update_span_colors (GlossArticleView *self,
                                        GlossLabel       *label)
{
  SpanTags *tags = g_hash_table_lookup (self->span_tags, gloss_label_get_id (label));
  gboolean dark = _gloss_article_view_is_dark ();
  GdkRGBA rgba;

  if (tags == NULL)
    return;

  _gloss_article_view_label_rgba (label, &rgba);
  if (tags->linked != NULL)
    {
      rgba.alpha = dark ? 0.40 : 0.30;
      g_object_set (tags->linked, "background-rgba", &rgba, NULL);
    }
  if (tags->current != NULL)
    {
      rgba.alpha = dark ? 0.58 : 0.46;
      g_object_set (tags->current, "background-rgba", &rgba, NULL);
    }

  rgba.alpha = 1;
  if (label == first_span_label (self))
    {
      rgba.alpha = dark ? 0.26 : 0.18;
      g_object_set (tags->mark, "background-rgba", &rgba, NULL);
    }
  else
    g_object_set (tags->mark, "underline", PANGO_UNDERLINE_SINGLE, "underline-rgba", &rgba, NULL);
}

/* The tags of the span labels, after the sentence labels' so spans win
 * where both colour the text: the marks first (in reverse, so the
 * underline of a label early in the set, a speaker, wins over a later
 * one's, a frame around it), then (@highlights) the linked and the
 * current spans' */
void
_gloss_article_view_create_span_tags (GlossArticleView *self,
                                      gboolean          highlights)
{
  GtkTextBuffer *buffer = get_buffer (self);
  guint n;

  if (self->labels == NULL)
    return;

  n = gloss_label_set_get_n_labels (self->labels);
  for (guint pass = 0; pass < (highlights ? 2 : 1); pass++)
    for (guint k = 0; k < n; k++)
      {
        GlossLabel *label = gloss_label_set_get_label (self->labels, highlights ? k : n - 1 - k);
        SpanTags *tags;

        if (gloss_label_get_scope (label) != GLOSS_LABEL_SCOPE_SPAN)
          continue;

        tags = g_hash_table_lookup (self->span_tags, gloss_label_get_id (label));
        if (!highlights)
          {
            tags = g_new0 (SpanTags, 1);
            tags->mark = gtk_text_buffer_create_tag (buffer, NULL, NULL);
            g_hash_table_insert (self->span_tags, g_strdup (gloss_label_get_id (label)), tags);
          }
        else if (pass == 0)
          tags->linked = gtk_text_buffer_create_tag (buffer, NULL, NULL);
        else
          tags->current = gtk_text_buffer_create_tag (buffer, NULL, NULL);

        _gloss_article_view_update_span_colors (self, label);
      }

  if (highlights)
    _gloss_article_view_refresh_highlight (self);
}

/* @remove: take the tags out of the buffer's table (not when the buffer
 * goes, and they with it) */
void
_gloss_article_view_forget_span_tags (GlossArticleView *self,
                                      gboolean          remove)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (get_buffer (self));
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->span_tags);
  while (remove && g_hash_table_iter_next (&iter, NULL, &value))
    {
      SpanTags *tags = value;
      GtkTextTag *all[] = { tags->mark, tags->linked, tags->current };

      for (guint i = 0; i < G_N_ELEMENTS (all); i++)
        if (all[i] != NULL)
          gtk_text_tag_table_remove (table, all[i]);
    }
  g_hash_table_remove_all (self->span_tags);
  g_ptr_array_set_size (self->highlighted, 0);
  g_array_set_size (self->dirty_spans, 0);
}

static void
apply_to_parts (GlossArticleView *self,
                GlossSpan        *span,
                GtkTextTag       *tag,
                gboolean          apply)
{
  GtkTextBuffer *buffer = get_buffer (self);
  const GlossRange *parts = gloss_span_get_parts (span);

  for (guint i = 0; i < gloss_span_get_n_parts (span); i++)
    {
      GtkTextIter start, end;

      gtk_text_buffer_get_iter_at_offset (buffer, &start, parts[i].start);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, parts[i].end);
      if (apply)
        gtk_text_buffer_apply_tag (buffer, tag, &start, &end);
      else
        gtk_text_buffer_remove_tag (buffer, tag, &start, &end);
    }
}

static void
tag_span (GlossArticleView *self,
          GlossSpan        *span)
{
  SpanTags *tags = g_hash_table_lookup (self->span_tags, gloss_span_get_label (span));

  if (tags != NULL)
    apply_to_parts (self, span, tags->mark, TRUE);
}

/**
 * _gloss_article_view_tag_span_slice:
 * @deadline: monotonic time to stop at
 *
 * Tags the spans from span_cursor on, in the model's (text) order.
 *
 * Returns: whether spans are left to tag
 */
gboolean
_gloss_article_view_tag_span_slice (GlossArticleView *self,
                                    gint64            deadline)
{
  guint n;

  if (self->spans == NULL)
    return FALSE;

  n = g_list_model_get_n_items (self->spans);
  while (self->span_cursor < n)
    {
      g_autoptr(GlossSpan) span = g_list_model_get_item (self->spans, self->span_cursor);

      tag_span (self, span);
      if (++self->span_cursor % 64 == 0 && g_get_monotonic_time () > deadline)
        return TRUE;
    }

  return FALSE;
}

/* Tags the spans that share a character with [start, end) */
void
_gloss_article_view_tag_spans_in (GlossArticleView *self,
                                  guint             start,
                                  guint             end)
{
  g_autoptr(GPtrArray) spans = NULL;

  if (self->spans == NULL || start >= end)
    return;

  spans = gloss_document_dup_spans_in (self->document, start, end);
  for (guint i = 0; i < spans->len; i++)
    tag_span (self, g_ptr_array_index (spans, i));
}

/* The marks of [start, end) again, from the document as it is now */
static void
retag (GlossArticleView *self,
       guint             start,
       guint             end)
{
  GtkTextBuffer *buffer = get_buffer (self);
  GtkTextIter from, to;
  GHashTableIter iter;
  gpointer value;

  gtk_text_buffer_get_iter_at_offset (buffer, &from, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &to, end);
  g_hash_table_iter_init (&iter, self->span_tags);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    gtk_text_buffer_remove_tag (buffer, ((SpanTags *)value)->mark, &from, &to);

  _gloss_article_view_tag_spans_in (self, start, end);
}

static void
add_dirty (GlossArticleView *self,
           GlossSpan        *span)
{
  Dirty dirty = { gloss_span_get_start (span), gloss_span_get_end (span) };

  g_array_append_val (self->dirty_spans, dirty);
}

static void
on_spans_changed_cb (GListModel       *model,
                     guint             position,
                     guint             removed,
                     guint             added,
                     GlossArticleView *self)
{
  /* What the removed spans covered is known only from the mirror */
  for (guint i = 0; i < removed && position + i < self->span_mirror->len; i++)
    add_dirty (self, g_ptr_array_index (self->span_mirror, position + i));
  g_ptr_array_remove_range (self->span_mirror, position, MIN (removed, self->span_mirror->len - position));

  for (guint i = 0; i < added; i++)
    {
      GlossSpan *span = g_list_model_get_item (model, position + i);

      add_dirty (self, span);
      g_ptr_array_insert (self->span_mirror, position + i, span);
    }

  /* The slices still to come go on where they were; the changed ones are
   * tagged with the rest of their stretch */
  if (self->span_cursor >= position + removed)
    self->span_cursor = self->span_cursor - removed + added;
  else if (self->span_cursor > position)
    self->span_cursor = position + added;

  self->highlight_dirty = TRUE;
}

static void
on_relations_changed_cb (GListModel       *model,
                         guint             position,
                         guint             removed,
                         guint             added,
                         GlossArticleView *self)
{
  self->highlight_dirty = TRUE;
}

static void
on_document_changed_cb (GlossDocument    *document,
                        GlossArticleView *self)
{
  if (self->dirty_spans->len == 0 && !self->highlight_dirty)
    return;

  for (guint i = 0; i < self->dirty_spans->len; i++)
    {
      Dirty *dirty = &g_array_index (self->dirty_spans, Dirty, i);

      retag (self, dirty->start, dirty->end);
    }
  g_array_set_size (self->dirty_spans, 0);

  self->highlight_dirty = FALSE;
  _gloss_article_view_refresh_highlight (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_gloss_article_view_connect_spans (GlossArticleView *self)
{
  guint n;

  self->spans = g_object_ref (gloss_document_get_spans (self->document));
  self->relations = g_object_ref (gloss_document_get_relations (self->document));

  n = g_list_model_get_n_items (self->spans);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->span_mirror, g_list_model_get_item (self->spans, i));

  g_signal_connect (self->spans, "items-changed", G_CALLBACK (on_spans_changed_cb), self);
  g_signal_connect (self->relations, "items-changed", G_CALLBACK (on_relations_changed_cb), self);
  g_signal_connect (self->document, "changed", G_CALLBACK (on_document_changed_cb), self);
}

void
_gloss_article_view_disconnect_spans (GlossArticleView *self)
{
  if (self->spans == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->spans, self);
  g_signal_handlers_disconnect_by_data (self->relations, self);
  g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->spans);
  g_clear_object (&self->relations);
  g_ptr_array_set_size (self->span_mirror, 0);
  g_array_set_size (self->dirty_spans, 0);
  self->highlight_dirty = FALSE;
}

static void
highlight (GlossArticleView *self,
           GPtrArray        *highlights,
           GlossSpan        *span,
           gboolean          current)
{
  SpanTags *tags = g_hash_table_lookup (self->span_tags, gloss_span_get_label (span));
  const GlossRange *parts = gloss_span_get_parts (span);

  if (tags == NULL || (current ? tags->current : tags->linked) == NULL)
    return;

  for (guint i = 0; i < gloss_span_get_n_parts (span); i++)
    {
      Highlight *h = g_new0 (Highlight, 1);

      h->tag = current ? tags->current : tags->linked;
      h->start = parts[i].start;
      h->end = parts[i].end;
      g_ptr_array_add (highlights, h);
    }
}

static void collect_highlights (GlossArticleView *self,
                                GPtrArray        *highlights,
                                GlossSpan        *span);

static gboolean
same_highlight (gconstpointer a,
                gconstpointer b)
{
  const Highlight *x = a, *y = b;

  return x->tag == y->tag && x->start == y->start && x->end == y->end;
}

static void
apply_highlight (GlossArticleView *self,
                 Highlight        *h,
                 gboolean          apply)
{
  GtkTextBuffer *buffer = get_buffer (self);
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_offset (buffer, &start, h->start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, h->end);
  if (apply)
    gtk_text_buffer_apply_tag (buffer, h->tag, &start, &end);
  else
    gtk_text_buffer_remove_tag (buffer, h->tag, &start, &end);
}

/* The current span and the spans linked to it, highlighted: a few ranges,
 * whatever the length of the text; only those that change are touched,
 * as each costs the layout of its lines */
void
_gloss_article_view_refresh_highlight (GlossArticleView *self)
{
  g_autoptr(GPtrArray) highlights = g_ptr_array_new_with_free_func (g_free);
  GlossSpan *span = NULL;

  if (self->document != NULL && self->spans != NULL && self->current_span != GLOSS_ARTICLE_VIEW_NO_SPAN)
    span = gloss_document_lookup_span (self->document, self->current_span);

  if (span != NULL)
    collect_highlights (self, highlights, span);

  /* Off where it no longer belongs, then on where it is new: a range of
   * the same tag in both stays as it is */
  for (guint i = 0; i < self->highlighted->len; i++)
    if (!g_ptr_array_find_with_equal_func (highlights, g_ptr_array_index (self->highlighted, i), same_highlight, NULL))
      apply_highlight (self, g_ptr_array_index (self->highlighted, i), FALSE);
  for (guint i = 0; i < highlights->len; i++)
    if (!g_ptr_array_find_with_equal_func (self->highlighted, g_ptr_array_index (highlights, i), same_highlight, NULL))
      apply_highlight (self, g_ptr_array_index (highlights, i), TRUE);

  g_ptr_array_set_size (self->highlighted, 0);
  g_ptr_array_extend_and_steal (self->highlighted, g_steal_pointer (&highlights));
}

static void
collect_highlights (GlossArticleView *self,
                    GPtrArray        *highlights,
                    GlossSpan        *span)
{
  for (guint end = 0; end < 2; end++)
    {
      guint id = gloss_span_get_id (span);
      g_autoptr(GPtrArray) relations = end ? gloss_document_dup_relations_to (self->document, id)
                                           : gloss_document_dup_relations_from (self->document, id);

      for (guint i = 0; i < relations->len; i++)
        {
          GlossRelation *relation = g_ptr_array_index (relations, i);
          GlossSpan *other = gloss_document_lookup_span (self->document,
                                                         end ? gloss_relation_get_from (relation)
                                                             : gloss_relation_get_to (relation));

          if (other != NULL)
            highlight (self, highlights, other, FALSE);
        }
    }
  highlight (self, highlights, span, TRUE);
}

static void
draw_bracket (GtkSnapshot   *snapshot,
              const GdkRGBA *color,
              GdkRectangle  *at,
              gboolean       opening,
              float          width)
{
  float tick = width + 3;

  if (opening)
    {
      gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (at->x - width / 2, at->y, width, at->height));
      gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (at->x - width / 2, at->y, tick, width));
    }
  else
    {
      gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (at->x - width / 2, at->y, width, at->height));
      gtk_snapshot_append_color (snapshot, color,
                                 &GRAPHENE_RECT_INIT (at->x + width / 2 - tick, at->y + at->height - width, tick, width));
    }
}

/* Brackets and markers of the spans with a part in [top, bottom] */
void
_gloss_article_view_snapshot_spans (GlossArticleView *self,
                                    GtkSnapshot      *snapshot,
                                    guint             top,
                                    guint             bottom,
                                    GHashTable       *markers_on_line,
                                    float             gutter_right)
{
  GtkTextView *text_view = GTK_TEXT_VIEW (self);
  GtkTextBuffer *buffer = get_buffer (self);
  g_autoptr(GPtrArray) spans = NULL;

  if (self->spans == NULL || g_list_model_get_n_items (self->spans) == 0)
    return;

  spans = gloss_document_dup_spans_in (self->document, top, bottom + 1);
  for (guint i = 0; i < spans->len; i++)
    {
      GlossSpan *span = g_ptr_array_index (spans, i);
      GlossLabel *label = gloss_label_set_lookup (self->labels, gloss_span_get_label (span));
      const GlossRange *parts = gloss_span_get_parts (span);
      gboolean current = gloss_span_get_id (span) == self->current_span;
      GdkRGBA color;

      if (label == NULL)
        continue;
      _gloss_article_view_label_rgba (label, &color);

      for (guint j = 0; j < gloss_span_get_n_parts (span); j++)
        {
          GtkTextIter iter;
          GdkRectangle loc;

          if (parts[j].end < top || parts[j].start > bottom)
            continue;

          if (parts[j].start >= top)
            {
              gtk_text_buffer_get_iter_at_offset (buffer, &iter, parts[j].start);
              gtk_text_view_get_iter_location (text_view, &iter, &loc);
              draw_bracket (snapshot, &color, &loc, TRUE, current ? 3 : 1.5f);

              /* Beside the line, after the sentence labels' markers */
              if (self->show_markers)
                {
                  guint on_line = GPOINTER_TO_UINT (g_hash_table_lookup (markers_on_line, GINT_TO_POINTER (loc.y)));
                  float x = gutter_right - (on_line + 1) * (MARKER_SIZE + MARKER_SPACING);
                  float y = loc.y + MAX (0, (loc.height - MARKER_SIZE) / 2);

                  if (x > 0)
                    gloss_label_marker_snapshot (GTK_WIDGET (self), snapshot, label, x, y, TRUE, current);
                  g_hash_table_insert (markers_on_line, GINT_TO_POINTER (loc.y), GUINT_TO_POINTER (on_line + 1));
                }
            }

          if (parts[j].end <= bottom + 1 && parts[j].end > parts[j].start)
            {
              gtk_text_buffer_get_iter_at_offset (buffer, &iter, parts[j].end - 1);
              gtk_text_view_get_iter_location (text_view, &iter, &loc);
              loc.x += loc.width;
              draw_bracket (snapshot, &color, &loc, FALSE, current ? 3 : 1.5f);
            }
        }
    }
}

static int
compare_by_length (gconstpointer a,
                   gconstpointer b)
{
  GlossSpan *x = *(GlossSpan **)a;
  GlossSpan *y = *(GlossSpan **)b;
  guint lx = gloss_span_get_end (x) - gloss_span_get_start (x);
  guint ly = gloss_span_get_end (y) - gloss_span_get_start (y);

  if (lx != ly)
    return lx < ly ? -1 : 1;

  return gloss_span_get_id (x) < gloss_span_get_id (y) ? -1 : gloss_span_get_id (x) > gloss_span_get_id (y);
}

/* A click at @offset picks the innermost span there, or, when the current
 * span is there, the next larger one: clicks go round overlapping spans */
void
_gloss_article_view_click_spans (GlossArticleView *self,
                                 int               offset)
{
  g_autoptr(GPtrArray) spans = NULL;
  guint pick = 0;

  if (self->spans == NULL)
    return;

  spans = gloss_document_dup_spans_at (self->document, offset);
  if (spans->len == 0)
    return;

  g_ptr_array_sort (spans, compare_by_length);
  for (guint i = 0; i < spans->len; i++)
    if (gloss_span_get_id (g_ptr_array_index (spans, i)) == self->current_span)
      pick = (i + 1) % spans->len;

  g_signal_emit_by_name (self, "span-activated", gloss_span_get_id (g_ptr_array_index (spans, pick)));
}

guint
gloss_article_view_get_current_span (GlossArticleView *self)
{
  g_return_val_if_fail (GLOSS_IS_ARTICLE_VIEW (self), GLOSS_ARTICLE_VIEW_NO_SPAN);

  return self->current_span;
}

/**
 * gloss_article_view_set_current_span:
 * @id: a span's id, or %GLOSS_ARTICLE_VIEW_NO_SPAN
 * @scroll: whether to bring its start on screen
 *
 * Marks the current span and highlights the spans linked to it.
 */
void
gloss_article_view_set_current_span (GlossArticleView *self,
                                     guint             id,
                                     gboolean          scroll)
{
  GlossSpan *span;

  g_return_if_fail (GLOSS_IS_ARTICLE_VIEW (self));

  if (self->current_span != id)
    {
      self->current_span = id;
      _gloss_article_view_refresh_highlight (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }

  span = self->document ? gloss_document_lookup_span (self->document, id) : NULL;
  if (scroll && span != NULL)
    {
      GtkTextBuffer *buffer = get_buffer (self);
      GtkTextMark *mark = gtk_text_buffer_get_mark (buffer, "gloss-span");
      GtkTextIter iter;

      gtk_text_buffer_get_iter_at_offset (buffer, &iter, gloss_span_get_start (span));
      if (mark == NULL)
        mark = gtk_text_buffer_create_mark (buffer, "gloss-span", &iter, TRUE);
      else
        gtk_text_buffer_move_mark (buffer, mark, &iter);
      gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self), mark, 0.2, FALSE, 0, 0);
    }
}

/**
 * gloss_article_view_has_span_tag_at:
 *
 * Returns: whether the character at @offset carries the mark of the span
 *   label @label_id: what the reader sees, for tests
 */
gboolean
gloss_article_view_has_span_tag_at (GlossArticleView *self,
                                    guint             offset,
                                    const char       *label_id)
{
  SpanTags *tags;
  GtkTextIter iter;

  g_return_val_if_fail (GLOSS_IS_ARTICLE_VIEW (self), FALSE);

  tags = g_hash_table_lookup (self->span_tags, label_id);
  if (tags == NULL || self->document == NULL)
    return FALSE;

  gtk_text_buffer_get_iter_at_offset (get_buffer (self), &iter, offset);

  return gtk_text_iter_has_tag (&iter, tags->mark);
}

/**
 * gloss_article_view_get_highlight_at:
 *
 * Returns: how the character at @offset is highlighted: as the current
 *   span's, or a span linked to it, or not; for tests
 */
GlossSpanHighlight
gloss_article_view_get_highlight_at (GlossArticleView *self,
                                     guint             offset)
{
  GlossSpanHighlight found = GLOSS_SPAN_HIGHLIGHT_NONE;
  GHashTableIter hash_iter;
  gpointer value;
  GtkTextIter iter;

  g_return_val_if_fail (GLOSS_IS_ARTICLE_VIEW (self), GLOSS_SPAN_HIGHLIGHT_NONE);

  gtk_text_buffer_get_iter_at_offset (get_buffer (self), &iter, offset);
  g_hash_table_iter_init (&hash_iter, self->span_tags);
  while (g_hash_table_iter_next (&hash_iter, NULL, &value))
    {
      SpanTags *tags = value;

      if (tags->current != NULL && gtk_text_iter_has_tag (&iter, tags->current))
        return GLOSS_SPAN_HIGHLIGHT_CURRENT;
      if (tags->linked != NULL && gtk_text_iter_has_tag (&iter, tags->linked))
        found = GLOSS_SPAN_HIGHLIGHT_LINKED;
    }

  return found;
}

/* Suggestions --------------------------------------------------------------
 *
 * One shared tag per span label, looked up by name in the buffer's table
 * (a new buffer starts without them): a faded background in the label's
 * colour and a wavy underline, which no annotation has, so a suggestion
 * is told from an annotation by more than colour; and one tag for the
 * current suggestion, a stronger background. Suggestions are few (tens in
 * an article), so a change re-tags them all. */

#define SUGGESTION_TAG_PREFIX "gloss-suggestion:"
#define SUGGESTION_CURRENT_TAG "gloss-suggestion-current"

static GtkTextTag *
suggestion_tag (GlossArticleView *self,
                GlossLabel       *label)
{
  GtkTextBuffer *buffer = get_buffer (self);
  g_autofree char *name = g_strconcat (SUGGESTION_TAG_PREFIX, gloss_label_get_id (label), NULL);
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), name);
  GdkRGBA rgba, faded;

  if (tag != NULL)
    return tag;

  _gloss_article_view_label_rgba (label, &rgba);
  faded = rgba;
  faded.alpha = 0.14;
  tag = gtk_text_buffer_create_tag (buffer, name,
                                    "background-rgba", &faded,
                                    "underline", PANGO_UNDERLINE_ERROR,
                                    "underline-rgba", &rgba,
                                    NULL);
  /* Below the annotations' tags, so an accepted span shows as one */
  gtk_text_tag_set_priority (tag, 0);

  return tag;
}

static GtkTextTag *
suggestion_current_tag (GlossArticleView *self)
{
  GtkTextBuffer *buffer = get_buffer (self);
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), SUGGESTION_CURRENT_TAG);
  GdkRGBA rgba;

  if (tag != NULL)
    return tag;

  gdk_rgba_parse (&rgba, _gloss_article_view_is_dark () ? "rgba(120, 174, 237, 0.35)" : "rgba(53, 132, 228, 0.25)");
  tag = gtk_text_buffer_create_tag (buffer, SUGGESTION_CURRENT_TAG, "background-rgba", &rgba, NULL);

  return tag;
}

static void
tag_suggested_span (GlossArticleView *self,
                    GlossSpan        *span,
                    GtkTextTag       *tag)
{
  GtkTextBuffer *buffer = get_buffer (self);
  guint length = gtk_text_buffer_get_char_count (buffer);

  for (guint i = 0; i < gloss_span_get_n_parts (span); i++)
    {
      GlossRange part = gloss_span_get_part (span, i);
      GtkTextIter start, end;

      if (part.end > length)
        continue;
      gtk_text_buffer_get_iter_at_offset (buffer, &start, part.start);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, part.end);
      gtk_text_buffer_apply_tag (buffer, tag, &start, &end);
    }
}

/* Suggestions tagged at once before the first frame; a suggester finds
 * tens of thousands in a long article, which are tagged in slices of this
 * many between frames (about 2.5 ms each) */
#define SUGGESTIONS_AT_ONCE 1000

static gboolean
tag_suggested_slice (gpointer user_data)
{
  GlossArticleView *self = GLOSS_ARTICLE_VIEW (user_data);
  guint end;

  if (self->labels == NULL)
    {
      self->suggested_id = 0;
      g_clear_pointer (&self->suggested, g_ptr_array_unref);
      return G_SOURCE_REMOVE;
    }

  end = MIN (self->suggested_cursor + SUGGESTIONS_AT_ONCE, self->suggested->len);

  for (; self->suggested_cursor < end; self->suggested_cursor++)
    {
      GlossSpan *span = g_ptr_array_index (self->suggested, self->suggested_cursor);
      GlossLabel *label = gloss_label_set_lookup (self->labels, gloss_span_get_label (span));

      if (label != NULL)
        tag_suggested_span (self, span, suggestion_tag (self, label));
    }

  if (self->suggested_cursor < self->suggested->len)
    return G_SOURCE_CONTINUE;

  self->suggested_id = 0;
  g_clear_pointer (&self->suggested, g_ptr_array_unref);
  return G_SOURCE_REMOVE;
}

/**
 * gloss_article_view_show_suggestions:
 * @suggestions: (nullable): what to show
 * @current: the id of the current suggestion's head, or
 *   %GLOSS_ARTICLE_VIEW_NO_SPAN
 *
 * Shows the suggestions, the current one (with its roles) highlighted.
 */
void
gloss_article_view_show_suggestions (GlossArticleView *self,
                                     GlossSuggestions *suggestions,
                                     guint             current)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autoptr(GPtrArray) unit = NULL;
  GPtrArray *spans;

  g_return_if_fail (GLOSS_IS_ARTICLE_VIEW (self));

  if (self->labels == NULL || self->text == NULL)
    return;

  g_clear_handle_id (&self->suggested_id, g_source_remove);
  g_clear_pointer (&self->suggested, g_ptr_array_unref);

  buffer = get_buffer (self);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  for (guint i = 0; i < gloss_label_set_get_n_labels (self->labels); i++)
    {
      GlossLabel *label = gloss_label_set_get_label (self->labels, i);

      if (gloss_label_get_scope (label) == GLOSS_LABEL_SCOPE_SPAN)
        gtk_text_buffer_remove_tag (buffer, suggestion_tag (self, label), &start, &end);
    }
  gtk_text_buffer_remove_tag (buffer, suggestion_current_tag (self), &start, &end);

  if (suggestions == NULL)
    return;

  spans = gloss_suggestions_get_spans (suggestions);
  self->suggested = g_ptr_array_ref (spans);
  self->suggested_cursor = 0;
  if (tag_suggested_slice (self) == G_SOURCE_CONTINUE)
    self->suggested_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, tag_suggested_slice, self, NULL);

  if (current != GLOSS_ARTICLE_VIEW_NO_SPAN)
    unit = gloss_suggestions_dup_unit (suggestions, current, NULL);
  for (guint i = 0; unit != NULL && i < unit->len; i++)
    tag_suggested_span (self, g_ptr_array_index (unit, i), suggestion_current_tag (self));
}

/**
 * gloss_article_view_get_suggestion_at:
 *
 * Returns: how the code point at @offset shows a suggestion: 0 for none,
 *   1 a suggestion of @label_id, 2 that and part of the current one
 */
int
gloss_article_view_get_suggestion_at (GlossArticleView *self,
                                      guint             offset,
                                      const char       *label_id)
{
  GtkTextBuffer *buffer;
  GtkTextIter iter;
  GlossLabel *label;

  g_return_val_if_fail (GLOSS_IS_ARTICLE_VIEW (self), 0);

  if (self->labels == NULL || (label = gloss_label_set_lookup (self->labels, label_id)) == NULL)
    return 0;

  buffer = get_buffer (self);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  if (!gtk_text_iter_has_tag (&iter, suggestion_tag (self, label)))
    return 0;

  return gtk_text_iter_has_tag (&iter, suggestion_current_tag (self)) ? 2 : 1;
}
