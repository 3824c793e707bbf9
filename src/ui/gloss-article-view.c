/* gloss-article-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "gloss-annotation.h"
#include "gloss-article-view-private.h"
#include "gloss-display-text.h"
#include "gloss-document.h"
#include "gloss-label.h"
#include "gloss-label-set.h"
#include "gloss-sentence.h"
#include "gloss-text.h"

/* The article, read-only, in one GtkTextView. Each label has shared tags
 * and the current sentence another, so a move or a toggle touches the
 * ranges of one or two sentences and never the whole text. A sentence's
 * first label colours its background and a second its (double) underline,
 * so two labels stay visible at once in the text; the initials of all of a
 * sentence's labels are drawn in the left margin, only for the lines on
 * screen, so labels are told apart by more than colour. Neither changes
 * the layout. (An overline for a third label would be the obvious next
 * channel, but GTK 4.8 frees an overline colour twice when it draws it.)
 * Spans have tags of their own (gloss-article-view-spans.c).
 *
 * The caret is the buffer's insert mark, drawn here: the view never takes
 * the focus, so GtkTextView would not draw it. Keys move it through the
 * window's actions (gloss_article_view_move_caret()); the mouse places it
 * and selects as in any text view, a drag snapping outward to whole words
 * unless Alt is held. */

G_DEFINE_FINAL_TYPE (GlossArticleView, gloss_article_view, GTK_TYPE_TEXT_VIEW)

enum {
  PROP_0,
  PROP_TEXT_SIZE,
  PROP_LINE_LENGTH,
  PROP_SERIF,
  PROP_SHOW_MARKERS,
  N_PROPS
};

enum {
  SENTENCE_ACTIVATED,
  SPAN_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

#define MIN_GUTTER     (3 * (MARKER_SIZE + MARKER_SPACING) + 28)
#define MIN_RIGHT      24

gboolean
_gloss_article_view_is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

void
_gloss_article_view_label_rgba (GlossLabel *label,
                                GdkRGBA    *rgba)
{
  if (!gdk_rgba_parse (rgba, gloss_label_get_color (label)))
    gdk_rgba_parse (rgba, "#9a9996");
}

#define is_dark _gloss_article_view_is_dark
#define label_rgba _gloss_article_view_label_rgba

/* The accent colour of the current sentence's bar and of the caret */
static void
accent_rgba (GdkRGBA *rgba)
{
  gdk_rgba_parse (rgba, is_dark () ? "#78aeed" : "#3584e4");
}

static void
update_tag_color (LabelTags  *tags,
                  GlossLabel *label)
{
  GdkRGBA rgba;

  label_rgba (label, &rgba);
  g_object_set (tags->channel[1], "underline", PANGO_UNDERLINE_DOUBLE, "underline-rgba", &rgba, NULL);
  rgba.alpha = is_dark () ? 0.32 : 0.24;
  g_object_set (tags->channel[0], "background-rgba", &rgba, NULL);
}

static void
update_current_tag_color (GlossArticleView *self)
{
  GdkRGBA rgba = { 0.21, 0.52, 0.89, 0.0 };

  rgba.alpha = is_dark () ? 0.26 : 0.14;
  g_object_set (self->current_tag, "background-rgba", &rgba, NULL);
}

static void on_mark_set_cb (GtkTextBuffer    *buffer,
                            GtkTextIter      *location,
                            GtkTextMark      *mark,
                            GlossArticleView *self);

/* Deleting a long text from a buffer takes a quarter of a second for
 * 59 MB, so each text has a buffer of its own, and a long one that is no
 * longer shown goes in slices between frames */
#define DRAIN_CHUNK (256 * 1024)

static gboolean
drain_cb (gpointer user_data)
{
  GtkTextBuffer *buffer = user_data;
  int n = gtk_text_buffer_get_char_count (buffer);
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_offset (buffer, &start, MAX (0, n - DRAIN_CHUNK));
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_delete (buffer, &start, &end);

  return n > DRAIN_CHUNK ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static void
new_buffer (GlossArticleView *self)
{
  GtkTextBuffer *old = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  g_autoptr(GtkTextBuffer) buffer = gtk_text_buffer_new (NULL);
  GtkTextIter start;

  if (old != NULL && gtk_text_buffer_get_char_count (old) > DRAIN_CHUNK)
    g_idle_add_full (GDK_PRIORITY_REDRAW + 2, drain_cb, g_object_ref (old), g_object_unref);

  /* The tags belong to the old buffer's table, and go with it */
  g_hash_table_remove_all (self->tags);
  _gloss_article_view_forget_span_tags (self, FALSE);
  self->raw_start = self->raw_end = -1;
  gtk_text_view_set_buffer (GTK_TEXT_VIEW (self), buffer);

  self->current_tag = gtk_text_buffer_create_tag (buffer, "gloss-current", NULL);
  update_current_tag_color (self);
  gtk_text_buffer_get_start_iter (buffer, &start);
  self->current_mark = gtk_text_buffer_create_mark (buffer, "gloss-current", &start, TRUE);
  g_signal_connect_object (buffer, "mark-set", G_CALLBACK (on_mark_set_cb), self, 0);
}

static void
get_sentence_bounds (GlossArticleView *self,
                     guint             position,
                     GtkTextIter      *start,
                     GtkTextIter      *end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GlossSentence *sentence = gloss_document_get_sentence (self->document, position);

  gtk_text_buffer_get_iter_at_offset (buffer, start, gloss_sentence_get_start (sentence));
  gtk_text_buffer_get_iter_at_offset (buffer, end, gloss_sentence_get_end (sentence));
}

static void
tag_sentence (GlossArticleView *self,
              guint             position,
              gboolean          clear)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GlossSentence *sentence = gloss_document_get_sentence (self->document, position);
  GtkTextIter start, end;

  if (sentence == NULL)
    return;

  get_sentence_bounds (self, position, &start, &end);

  if (clear)
    {
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, self->tags);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        for (guint c = 0; c < N_CHANNELS; c++)
          gtk_text_buffer_remove_tag (buffer, ((LabelTags *)value)->channel[c], &start, &end);
    }

  /* The sentence's labels are in label-set order: the first takes the
   * background, the next the underline */
  for (guint i = 0, channel = 0; i < gloss_sentence_get_n_annotations (sentence) && channel < N_CHANNELS; i++)
    {
      GlossAnnotation *annotation = gloss_sentence_get_annotation (sentence, i);
      LabelTags *tags = g_hash_table_lookup (self->tags, gloss_annotation_get_label (annotation));

      if (tags != NULL)
        gtk_text_buffer_apply_tag (buffer, tags->channel[channel++], &start, &end);
    }
}

static void
on_label_notify_color_cb (GlossLabel       *label,
                          GParamSpec       *pspec,
                          GlossArticleView *self)
{
  LabelTags *tags = g_hash_table_lookup (self->tags, gloss_label_get_id (label));

  if (tags != NULL)
    update_tag_color (tags, label);
  _gloss_article_view_update_span_colors (self, label);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_label_notify_name_cb (GlossLabel       *label,
                         GParamSpec       *pspec,
                         GlossArticleView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
disconnect_labels (GlossArticleView *self)
{
  if (self->labels == NULL)
    return;

  for (guint i = 0; i < gloss_label_set_get_n_labels (self->labels); i++)
    g_signal_handlers_disconnect_by_data (gloss_label_set_get_label (self->labels, i), self);
}

/* Tags the labelled sentences of [first, last], clamped to the text */
static void
tag_sentences (GlossArticleView *self,
               int               first,
               int               last)
{
  int n = g_list_model_get_n_items (self->sentences);

  for (int i = MAX (first, 0); i <= last && i < n; i++)
    if (gloss_sentence_get_n_annotations (gloss_document_get_sentence (self->document, i)) > 0)
      tag_sentence (self, i, FALSE);
}

static gboolean
tag_slice_cb (gpointer user_data)
{
  GlossArticleView *self = user_data;
  guint n = g_list_model_get_n_items (self->sentences);
  gint64 deadline = g_get_monotonic_time () + 3000;

  /* A slice of a few milliseconds, so frames and keys go on meanwhile */
  while (self->tag_cursor < n)
    {
      tag_sentences (self, self->tag_cursor, self->tag_cursor);
      if (++self->tag_cursor % 64 == 0 && g_get_monotonic_time () > deadline)
        return G_SOURCE_CONTINUE;
    }

  /* Then the spans, in text order */
  if (_gloss_article_view_tag_span_slice (self, deadline))
    return G_SOURCE_CONTINUE;

  self->tag_id = 0;

  return G_SOURCE_REMOVE;
}

static gboolean
tag_visible_cb (gpointer user_data)
{
  GlossArticleView *self = user_data;

  self->visible_id = 0;
  tag_sentences (self, self->visible_first, self->visible_last);

  /* The spans of the same stretch of text */
  if (self->spans != NULL && self->visible_first < (int)g_list_model_get_n_items (self->sentences))
    {
      int n = g_list_model_get_n_items (self->sentences);
      GlossSentence *first = gloss_document_get_sentence (self->document, MAX (self->visible_first, 0));
      GlossSentence *last = gloss_document_get_sentence (self->document, MIN (self->visible_last, n - 1));

      _gloss_article_view_tag_spans_in (self, gloss_sentence_get_start (first), gloss_sentence_get_end (last));
    }

  return G_SOURCE_REMOVE;
}

/* What is shown or about to be is tagged before the slices reach it:
 * tagging is the same whether done once or twice */
static void
tag_ahead (GlossArticleView *self,
           int               first,
           int               last,
           gboolean          now)
{
  if (self->tag_id == 0 || last < (int)self->tag_cursor)
    return;
  if (first >= self->visible_first && last <= self->visible_last)
    return;

  /* A screenful more on either side, for scrolling on */
  self->visible_first = MAX (first - 100, (int)self->tag_cursor);
  self->visible_last = last + 200;

  if (now)
    tag_visible_cb (self);
  else if (self->visible_id == 0)
    /* Before the next frame, not in the middle of drawing this one */
    self->visible_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, tag_visible_cb, self, NULL);
}

static void
stop_tagging (GlossArticleView *self)
{
  g_clear_handle_id (&self->tag_id, g_source_remove);
  g_clear_handle_id (&self->visible_id, g_source_remove);
  self->visible_first = self->visible_last = -1;
}

static void
start_tagging (GlossArticleView *self)
{
  stop_tagging (self);
  self->tag_cursor = 0;
  self->span_cursor = 0;
  if (self->document == NULL || g_list_model_get_n_items (self->sentences) == 0)
    return;

  /* After a pending frame, before GtkTextView lays out the rest of the
   * text (GTK_TEXT_VIEW_PRIORITY_VALIDATE, 125), which takes far longer */
  self->tag_id = g_idle_add_full (GDK_PRIORITY_REDRAW + 2, tag_slice_cb, self, NULL);
  if (self->current >= 0)
    tag_ahead (self, self->current, self->current, TRUE);
}

static void
rebuild_tags (GlossArticleView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->tags);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    for (guint c = 0; c < N_CHANNELS; c++)
      gtk_text_tag_table_remove (table, ((LabelTags *)value)->channel[c]);
  g_hash_table_remove_all (self->tags);
  _gloss_article_view_forget_span_tags (self, TRUE);

  if (self->document == NULL)
    return;

  /* Created after the current-sentence tag, so the labels' colours win;
   * the spans' after the sentences', and their highlights last */
  for (guint i = 0; i < gloss_label_set_get_n_labels (self->labels); i++)
    {
      GlossLabel *label = gloss_label_set_get_label (self->labels, i);
      LabelTags *new_tags;

      g_signal_connect_object (label, "notify::name", G_CALLBACK (on_label_notify_name_cb), self, 0);
      g_signal_connect_object (label, "notify::key", G_CALLBACK (on_label_notify_name_cb), self, 0);
      g_signal_connect_object (label, "notify::color", G_CALLBACK (on_label_notify_color_cb), self, 0);
      if (gloss_label_get_scope (label) != GLOSS_LABEL_SCOPE_SENTENCE)
        continue;

      new_tags = g_new0 (LabelTags, 1);
      for (guint c = 0; c < N_CHANNELS; c++)
        new_tags->channel[c] = gtk_text_buffer_create_tag (buffer, NULL, NULL);
      update_tag_color (new_tags, label);
      g_hash_table_insert (self->tags, g_strdup (gloss_label_get_id (label)), new_tags);
    }
  _gloss_article_view_create_span_tags (self, FALSE);
  _gloss_article_view_create_span_tags (self, TRUE);

  start_tagging (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_labels_items_changed_cb (GListModel       *model,
                            guint             position,
                            guint             removed,
                            guint             added,
                            GlossArticleView *self)
{
  /* Only the labels editor changes labels; rare enough to re-tag */
  disconnect_labels (self);
  rebuild_tags (self);
}

static void
on_sentences_items_changed_cb (GListModel       *model,
                               guint             position,
                               guint             removed,
                               guint             added,
                               GlossArticleView *self)
{
  if (removed == added)
    {
      for (guint i = 0; i < added; i++)
        tag_sentence (self, position + i, TRUE);
    }
  else
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
      GtkTextIter start, end;
      guint n = g_list_model_get_n_items (model);
      GHashTableIter iter;
      gpointer value;

      /* A merge, a split or a new segmentation: the labels change only
       * between the sentences before and after, whatever the length of
       * the text */
      if (position > 0)
        gtk_text_buffer_get_iter_at_offset (buffer, &start,
                                            gloss_sentence_get_end (gloss_document_get_sentence (self->document, position - 1)));
      else
        gtk_text_buffer_get_start_iter (buffer, &start);
      if (position + added < n)
        gtk_text_buffer_get_iter_at_offset (buffer, &end,
                                            gloss_sentence_get_start (gloss_document_get_sentence (self->document, position + added)));
      else
        gtk_text_buffer_get_end_iter (buffer, &end);

      g_hash_table_iter_init (&iter, self->tags);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        for (guint c = 0; c < N_CHANNELS; c++)
          gtk_text_buffer_remove_tag (buffer, ((LabelTags *)value)->channel[c], &start, &end);
      tag_sentences (self, position, (int)(position + added) - 1);

      /* The slices still to come go on where they were */
      if (self->tag_cursor >= position + removed)
        self->tag_cursor = self->tag_cursor - removed + added;
      else if (self->tag_cursor > position)
        self->tag_cursor = position + added;
      self->visible_first = self->visible_last = -1;

      /* A merge or a split moved the boundaries: the current sentence's
       * range is where the position now points */
      gtk_text_buffer_get_bounds (buffer, &start, &end);
      gtk_text_buffer_remove_tag (buffer, self->current_tag, &start, &end);
      if (self->current >= (int)n)
        self->current = n > 0 ? (int)n - 1 : -1;
      if (self->current >= 0)
        {
          get_sentence_bounds (self, self->current, &start, &end);
          gtk_text_buffer_apply_tag (buffer, self->current_tag, &start, &end);
          gtk_text_buffer_move_mark (buffer, self->current_mark, &start);
        }
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_dark_changed_cb (AdwStyleManager  *manager,
                    GParamSpec       *pspec,
                    GlossArticleView *self)
{
  update_current_tag_color (self);

  if (self->labels == NULL)
    return;

  for (guint i = 0; i < gloss_label_set_get_n_labels (self->labels); i++)
    {
      GlossLabel *label = gloss_label_set_get_label (self->labels, i);
      LabelTags *tags = g_hash_table_lookup (self->tags, gloss_label_get_id (label));

      if (tags != NULL)
        update_tag_color (tags, label);
      _gloss_article_view_update_span_colors (self, label);
    }
}

static void
update_css (GlossArticleView *self)
{
  g_autofree char *css = NULL;
  int size = self->text_size;

  css = g_strdup_printf ("textview { font-size: %dpt; %s }",
                         size, self->serif ? "font-family: serif;" : "");
  gtk_css_provider_load_from_data (self->css, css, -1);

  /* Paragraphs apart, lines a little apart, both following the size; a
   * text whose paragraphs are apart already gets little more */
  gtk_text_view_set_pixels_below_lines (GTK_TEXT_VIEW (self),
                                        self->blank_line_paragraphs ? size / 4 : size);
  gtk_text_view_set_pixels_inside_wrap (GTK_TEXT_VIEW (self), MAX (3, size / 3));
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* [start, end) widened to the edges of the words it cuts into, without
 * white space at either end */
static void
snap_to_words (GtkTextIter *start,
               GtkTextIter *end)
{
  if (gtk_text_iter_inside_word (start) && !gtk_text_iter_starts_word (start))
    gtk_text_iter_backward_word_start (start);
  if (gtk_text_iter_inside_word (end) && !gtk_text_iter_starts_word (end) && !gtk_text_iter_ends_word (end))
    gtk_text_iter_forward_word_end (end);

  while (gtk_text_iter_compare (start, end) < 0 && g_unichar_isspace (gtk_text_iter_get_char (start)))
    gtk_text_iter_forward_char (start);
  while (gtk_text_iter_compare (start, end) < 0)
    {
      GtkTextIter before = *end;

      gtk_text_iter_backward_char (&before);
      if (!g_unichar_isspace (gtk_text_iter_get_char (&before)))
        break;
      *end = before;
    }
}

static void
on_click_pressed_cb (GtkGestureClick  *gesture,
                     int               n_press,
                     double            x,
                     double            y,
                     GlossArticleView *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));

  self->press_alt = (state & GDK_ALT_MASK) != 0;
  self->press_selects = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture)) == GDK_BUTTON_PRIMARY;
  self->raw_start = self->raw_end = -1;

  /* A double click selects a word; it picks no span */
  if (n_press > 1)
    self->pending_click = -1;
}

static void
on_click_released_cb (GtkGestureClick  *gesture,
                      int               n_press,
                      double            x,
                      double            y,
                      GlossArticleView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter iter;
  int bx, by;
  int position;

  if (self->document == NULL || n_press != 1)
    return;

  /* A drag selects text to tag; it is no click on a sentence. The text
   * view ends its drag after this handler: the selection is snapped once
   * it has */
  if (gtk_text_buffer_get_has_selection (buffer))
    return;

  gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (self), GTK_TEXT_WINDOW_WIDGET,
                                         (int)x, (int)y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (GTK_TEXT_VIEW (self), &iter, bx, by))
    return;

  position = gloss_document_find_sentence_at (self->document, gtk_text_iter_get_offset (&iter));
  if (position >= 0)
    g_signal_emit (self, signals[SENTENCE_ACTIVATED], 0, (guint)position);

  /* Which span the click picks waits until it is clear that it is no
   * double click, which selects the word under it instead */
  if (self->press_selects)
    self->pending_click = gtk_text_iter_get_offset (&iter);
}

static void
on_click_stopped_cb (GtkGestureClick  *gesture,
                     GlossArticleView *self)
{
  int offset = self->pending_click;

  self->pending_click = -1;
  if (offset >= 0 && self->document != NULL)
    _gloss_article_view_click_spans (self, offset);
}

static void snap_selection (GlossArticleView *self,
                            gboolean          exact);

static gboolean
snap_selection_cb (gpointer user_data)
{
  GlossArticleView *self = user_data;

  self->snap_id = 0;
  snap_selection (self, self->press_alt);

  return G_SOURCE_REMOVE;
}

/**
 * gloss_article_view_end_drag:
 * @alt: whether Alt was held
 *
 * What the end of a drag that selected does: the selection snaps outward
 * to whole words, without white space at its ends, unless @alt; the
 * range as dragged is kept (gloss_article_view_get_raw_selection()). For
 * tests, which cannot drag.
 */
void
gloss_article_view_end_drag (GlossArticleView *self,
                             gboolean          alt)
{
  g_return_if_fail (GLOSS_IS_ARTICLE_VIEW (self));

  snap_selection (self, alt);
}

static void
snap_selection (GlossArticleView *self,
                gboolean          exact)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter start, end;

  if (self->document == NULL || !gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    return;

  self->raw_start = gtk_text_iter_get_offset (&start);
  self->raw_end = gtk_text_iter_get_offset (&end);
  self->pending_click = -1;
  if (exact)
    return;

  snap_to_words (&start, &end);
  if (gtk_text_iter_equal (&start, &end))
    return;

  /* The caret stays at the end the drag moved */
  {
    GtkTextIter insert;

    gtk_text_buffer_get_iter_at_mark (buffer, &insert, gtk_text_buffer_get_insert (buffer));
    if (gtk_text_iter_get_offset (&insert) == self->raw_start)
      gtk_text_buffer_select_range (buffer, &start, &end);
    else
      gtk_text_buffer_select_range (buffer, &end, &start);
  }
}

static void
on_drag_end_cb (GtkGestureDrag   *gesture,
                double            x,
                double            y,
                GlossArticleView *self)
{
  /* After the text view has ended its own drag, which this handler, in
   * the capture phase, comes before */
  if (self->press_selects && self->snap_id == 0)
    self->snap_id = g_idle_add (snap_selection_cb, self);
}

static void
on_mark_set_cb (GtkTextBuffer    *buffer,
                GtkTextIter      *location,
                GtkTextMark      *mark,
                GlossArticleView *self)
{
  /* The caret is drawn by the view */
  if (mark == gtk_text_buffer_get_insert (buffer))
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
gloss_article_view_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  GlossArticleView *self = GLOSS_ARTICLE_VIEW (widget);
  PangoContext *context = gtk_widget_get_pango_context (widget);
  PangoFontMetrics *metrics;
  int char_width, text_width, left, right;

  /* A readable line length: the text is as wide as line-length average
   * characters, centred, with room on the left for the label markers */
  metrics = pango_context_get_metrics (context, NULL, NULL);
  char_width = pango_font_metrics_get_approximate_char_width (metrics) / PANGO_SCALE;
  pango_font_metrics_unref (metrics);
  text_width = self->line_length * MAX (char_width, 4);
  left = MAX (MIN_GUTTER, (width - text_width) / 2);
  right = MAX (MIN_RIGHT, width - text_width - left);

  if (gtk_text_view_get_left_margin (GTK_TEXT_VIEW (self)) != left)
    gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self), left);
  if (gtk_text_view_get_right_margin (GTK_TEXT_VIEW (self)) != right)
    gtk_text_view_set_right_margin (GTK_TEXT_VIEW (self), right);

  GTK_WIDGET_CLASS (gloss_article_view_parent_class)->size_allocate (widget, width, height, baseline);
}

static void
snapshot_above_text (GtkTextView      *text_view,
                     GtkTextViewLayer  layer,
                     GtkSnapshot      *snapshot)
{
  GlossArticleView *self = GLOSS_ARTICLE_VIEW (text_view);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);
  GdkRectangle visible;
  GtkTextIter top, bottom;
  guint n, bottom_offset;
  int first, left;
  float gutter_right;
  int line_y;
  guint on_line;   /* markers drawn already beside the line at line_y */
  g_autoptr(GHashTable) markers_on_line = NULL;

  if (layer != GTK_TEXT_VIEW_LAYER_ABOVE_TEXT || self->document == NULL)
    return;

  if (self->split_caret < 0)
    {
      GtkTextIter insert;
      GdkRectangle caret;
      GdkRGBA accent;

      accent_rgba (&accent);
      gtk_text_buffer_get_iter_at_mark (buffer, &insert, gtk_text_buffer_get_insert (buffer));
      gtk_text_view_get_iter_location (text_view, &insert, &caret);
      gtk_snapshot_append_color (snapshot, &accent, &GRAPHENE_RECT_INIT (caret.x - 1, caret.y, 2, caret.height));
    }

  n = g_list_model_get_n_items (self->sentences);
  if (n == 0)
    return;

  /* Only the sentences on screen: the cost does not grow with the text */
  gtk_text_view_get_visible_rect (text_view, &visible);
  gtk_text_view_get_line_at_y (text_view, &top, visible.y, NULL);
  gtk_text_view_get_line_at_y (text_view, &bottom, visible.y + visible.height, NULL);
  if (!gtk_text_iter_ends_line (&bottom))
    gtk_text_iter_forward_to_line_end (&bottom);
  bottom_offset = gtk_text_iter_get_offset (&bottom);

  first = gloss_document_find_sentence_at (self->document, gtk_text_iter_get_offset (&top));
  left = gtk_text_view_get_left_margin (text_view);
  gutter_right = left - 14;
  line_y = -1;
  on_line = 0;
  markers_on_line = g_hash_table_new (NULL, NULL);

  if (self->split_caret >= 0)
    {
      GtkTextIter at;
      GdkRectangle caret;
      GdkRGBA red = { 0.88, 0.11, 0.14, 1.0 };

      gtk_text_buffer_get_iter_at_offset (buffer, &at, self->split_caret);
      gtk_text_view_get_iter_location (text_view, &at, &caret);
      gtk_snapshot_append_color (snapshot, &red,
                                 &GRAPHENE_RECT_INIT (caret.x - 1, caret.y - 2, 3, caret.height + 4));
      gtk_snapshot_append_color (snapshot, &red,
                                 &GRAPHENE_RECT_INIT (caret.x - 5, caret.y - 4, 11, 3));
      gtk_snapshot_append_color (snapshot, &red,
                                 &GRAPHENE_RECT_INIT (caret.x - 5, caret.y + caret.height + 1, 11, 3));
    }

  if (self->tag_id != 0 && first >= 0)
    {
      int last = gloss_document_find_sentence_at (self->document, bottom_offset);

      tag_ahead (self, first, last >= 0 ? last : (int)n - 1, FALSE);
    }

  for (guint i = (guint)MAX (first, 0); first >= 0 && i < n; i++)
    {
      GlossSentence *sentence = gloss_document_get_sentence (self->document, i);
      guint n_annotations = gloss_sentence_get_n_annotations (sentence);
      GtkTextIter start;
      GdkRectangle loc;

      if (gloss_sentence_get_start (sentence) > bottom_offset)
        break;

      gtk_text_buffer_get_iter_at_offset (buffer, &start, gloss_sentence_get_start (sentence));
      gtk_text_view_get_iter_location (text_view, &start, &loc);

      if ((int)i == self->current)
        {
          GtkTextIter end;
          GdkRectangle end_loc;
          GskRoundedRect bar;
          GdkRGBA accent;

          accent_rgba (&accent);

          gtk_text_buffer_get_iter_at_offset (buffer, &end, gloss_sentence_get_end (sentence));
          if (gtk_text_iter_starts_line (&end) && (guint)gtk_text_iter_get_offset (&end) > gloss_sentence_get_start (sentence))
            gtk_text_iter_backward_char (&end);
          gtk_text_view_get_iter_location (text_view, &end, &end_loc);

          gsk_rounded_rect_init_from_rect (&bar,
                                           &GRAPHENE_RECT_INIT (left - 8, loc.y, 3,
                                                                MAX (end_loc.y + end_loc.height - loc.y, loc.height)),
                                           1.5);
          gtk_snapshot_push_rounded_clip (snapshot, &bar);
          gtk_snapshot_append_color (snapshot, &accent, &bar.bounds);
          gtk_snapshot_pop (snapshot);
        }

      if (!self->show_markers || n_annotations == 0)
        continue;

      /* Sentences that start on the same line put their markers side by
       * side, the later ones further left */
      if (loc.y != line_y)
        {
          line_y = loc.y;
          on_line = 0;
        }

      for (guint j = 0; j < n_annotations; j++)
        {
          GlossAnnotation *annotation = gloss_sentence_get_annotation (sentence, j);
          GlossLabel *label = gloss_label_set_lookup (self->labels, gloss_annotation_get_label (annotation));
          float x = gutter_right - (on_line + n_annotations - j) * (MARKER_SIZE + MARKER_SPACING);

          if (label != NULL)
            {
              float y = loc.y + MAX (0, (loc.height - MARKER_SIZE) / 2);

              gloss_label_marker_snapshot (GTK_WIDGET (self), snapshot, label, x, y, FALSE, TRUE);
              /* A label kept on both halves of a split waits for review:
               * an orange corner says so */
              if (gloss_annotation_get_review (annotation))
                {
                  GskRoundedRect dot;
                  GdkRGBA orange = { 0.90, 0.38, 0.0, 1.0 };

                  gsk_rounded_rect_init_from_rect (&dot, &GRAPHENE_RECT_INIT (x + MARKER_SIZE - 6, y - 3, 9, 9), 4.5);
                  gtk_snapshot_push_rounded_clip (snapshot, &dot);
                  gtk_snapshot_append_color (snapshot, &orange, &dot.bounds);
                  gtk_snapshot_pop (snapshot);
                }
            }
        }

      on_line += n_annotations;
      g_hash_table_insert (markers_on_line, GINT_TO_POINTER (line_y), GUINT_TO_POINTER (on_line));
    }

  _gloss_article_view_snapshot_spans (self, snapshot, gtk_text_iter_get_offset (&top), bottom_offset,
                                      markers_on_line, gutter_right);
}

/* The caret, the sentences' and the spans' markers: in a node of their
 * own, which GSK compares with the last frame's child by child, so that
 * a change repaints only where it is (laid into the text view's own
 * node, a change among them made GTK 4.8 repaint the whole article) */
static void
gloss_article_view_snapshot_layer (GtkTextView      *text_view,
                                   GtkTextViewLayer  layer,
                                   GtkSnapshot      *snapshot)
{
  GtkSnapshot *own;
  GskRenderNode *node;

  if (layer != GTK_TEXT_VIEW_LAYER_ABOVE_TEXT || GLOSS_ARTICLE_VIEW (text_view)->document == NULL)
    return;

  own = gtk_snapshot_new ();
  snapshot_above_text (text_view, layer, own);
  node = gtk_snapshot_free_to_node (own);
  if (node != NULL)
    {
      gtk_snapshot_append_node (snapshot, node);
      gsk_render_node_unref (node);
    }
}

static void
gloss_article_view_dispose (GObject *object)
{
  GlossArticleView *self = (GlossArticleView *)object;

  gloss_article_view_set_document (self, NULL);
  stop_tagging (self);
  g_clear_handle_id (&self->snap_id, g_source_remove);

  G_OBJECT_CLASS (gloss_article_view_parent_class)->dispose (object);
}

static void
gloss_article_view_finalize (GObject *object)
{
  GlossArticleView *self = (GlossArticleView *)object;

  _gloss_article_view_finalize_spans (self);
  g_clear_pointer (&self->tags, g_hash_table_unref);
  g_clear_object (&self->css);
  g_clear_object (&self->text);

  G_OBJECT_CLASS (gloss_article_view_parent_class)->finalize (object);
}

static void
gloss_article_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  GlossArticleView *self = GLOSS_ARTICLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_TEXT_SIZE:
      g_value_set_int (value, self->text_size);
      break;

    case PROP_LINE_LENGTH:
      g_value_set_int (value, self->line_length);
      break;

    case PROP_SERIF:
      g_value_set_boolean (value, self->serif);
      break;

    case PROP_SHOW_MARKERS:
      g_value_set_boolean (value, self->show_markers);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_article_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  GlossArticleView *self = GLOSS_ARTICLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_TEXT_SIZE:
      if (self->text_size != g_value_get_int (value))
        {
          self->text_size = g_value_get_int (value);
          update_css (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_LINE_LENGTH:
      if (self->line_length != g_value_get_int (value))
        {
          self->line_length = g_value_get_int (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_SERIF:
      if (self->serif != g_value_get_boolean (value))
        {
          self->serif = g_value_get_boolean (value);
          update_css (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_SHOW_MARKERS:
      if (self->show_markers != g_value_get_boolean (value))
        {
          self->show_markers = g_value_get_boolean (value);
          gtk_widget_queue_draw (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_article_view_class_init (GlossArticleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkTextViewClass *text_view_class = GTK_TEXT_VIEW_CLASS (klass);

  object_class->dispose = gloss_article_view_dispose;
  object_class->finalize = gloss_article_view_finalize;
  object_class->get_property = gloss_article_view_get_property;
  object_class->set_property = gloss_article_view_set_property;
  widget_class->size_allocate = gloss_article_view_size_allocate;
  text_view_class->snapshot_layer = gloss_article_view_snapshot_layer;

  properties[PROP_TEXT_SIZE] =
    g_param_spec_int ("text-size", NULL, NULL, 6, 48, 13,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LINE_LENGTH] =
    g_param_spec_int ("line-length", NULL, NULL, 20, 400, 72,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SERIF] =
    g_param_spec_boolean ("serif", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_MARKERS] =
    g_param_spec_boolean ("show-markers", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GlossArticleView::sentence-activated:
   * @position: the sentence clicked
   */
  signals[SENTENCE_ACTIVATED] =
    g_signal_new ("sentence-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  /**
   * GlossArticleView::span-activated:
   * @id: the span clicked: of those under the click, the one after the
   *   current span, so clicks go round spans that overlap
   */
  signals[SPAN_ACTIVATED] =
    g_signal_new ("span-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_css_name (widget_class, "textview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_TEXT_BOX);
}

static void
gloss_article_view_init (GlossArticleView *self)
{
  GtkTextView *text_view = GTK_TEXT_VIEW (self);
  GtkGesture *click;
  GtkGesture *drag;

  self->tags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->current = -1;
  self->split_caret = -1;
  self->raw_start = self->raw_end = -1;
  self->pending_click = -1;
  _gloss_article_view_init_spans (self);
  self->visible_first = self->visible_last = -1;
  self->text_size = 13;
  self->line_length = 72;
  self->show_markers = TRUE;

  gtk_text_view_set_editable (text_view, FALSE);
  gtk_text_view_set_cursor_visible (text_view, FALSE);
  gtk_text_view_set_wrap_mode (text_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (text_view, 36);
  gtk_text_view_set_bottom_margin (text_view, 72);
  gtk_widget_add_css_class (GTK_WIDGET (self), "gloss-article");

  /* Keys belong to the window's actions, so the view never takes focus */
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);

  self->css = gtk_css_provider_new ();
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_add_provider (gtk_widget_get_style_context (GTK_WIDGET (self)),
                                  GTK_STYLE_PROVIDER (self->css),
                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  G_GNUC_END_IGNORE_DEPRECATIONS
  update_css (self);

  new_buffer (self);

  click = gtk_gesture_click_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "pressed", G_CALLBACK (on_click_pressed_cb), self);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released_cb), self);
  g_signal_connect (click, "stopped", G_CALLBACK (on_click_stopped_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  /* Watches the text view's own drag, which selects */
  drag = gtk_gesture_drag_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (drag), GTK_PHASE_CAPTURE);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed_cb), self, 0);
}

GtkWidget *
gloss_article_view_new (void)
{
  return g_object_new (GLOSS_TYPE_ARTICLE_VIEW, NULL);
}

GlossDocument *
gloss_article_view_get_document (GlossArticleView *self)
{
  g_return_val_if_fail (GLOSS_IS_ARTICLE_VIEW (self), NULL);

  return self->document;
}

static void
show_text (GlossArticleView *self,
           GlossText        *text,
           const char       *display,
           gsize             length)
{
  GtkTextBuffer *buffer;
  gboolean blank;

  new_buffer (self);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));

  g_set_object (&self->text, text);
  if (text == NULL)
    return;

  if (display != NULL)
    gtk_text_buffer_set_text (buffer, display, length);
  else
    gtk_text_buffer_set_text (buffer, gloss_text_get_contents (text), gloss_text_get_n_bytes (text));

  blank = strstr (gloss_text_get_contents (text), "\n\n") != NULL;
  if (blank != self->blank_line_paragraphs)
    {
      self->blank_line_paragraphs = blank;
      update_css (self);
    }
}

/**
 * gloss_article_view_show_text:
 * @text: (nullable): the text, or %NULL for none
 * @display: (nullable): what gloss_display_text_dup() gave for @text
 *
 * Shows a text whose document is still being read, without labels. Its
 * document keeps the text shown, so the text is inserted once.
 */
void
gloss_article_view_show_text (GlossArticleView *self,
                              GlossText        *text,
                              const char       *display,
                              gsize             length)
{
  g_return_if_fail (GLOSS_IS_ARTICLE_VIEW (self));
  g_return_if_fail (!text || GLOSS_IS_TEXT (text));

  gloss_article_view_set_document (self, NULL);
  show_text (self, text, display, length);
}

/**
 * gloss_article_view_set_document:
 *
 * Shows @document's text, with its labels tagged: at once what is on
 * screen, the rest in slices between frames. No sentence is current until
 * gloss_article_view_set_current().
 */
void
gloss_article_view_set_document (GlossArticleView *self,
                                 GlossDocument    *document)
{
  g_return_if_fail (GLOSS_IS_ARTICLE_VIEW (self));
  g_return_if_fail (!document || GLOSS_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    {
      _gloss_article_view_disconnect_spans (self);
      g_signal_handlers_disconnect_by_data (self->sentences, self);
      g_signal_handlers_disconnect_by_data (self->labels, self);
      disconnect_labels (self);
      g_clear_object (&self->sentences);
      g_clear_object (&self->labels);
      g_clear_object (&self->document);
    }

  stop_tagging (self);
  self->current = -1;
  self->split_caret = -1;
  self->current_span = GLOSS_ARTICLE_VIEW_NO_SPAN;
  self->pending_click = -1;

  if (document == NULL)
    {
      /* An empty buffer; the old one takes its tags with it */
      show_text (self, NULL, NULL, 0);
      rebuild_tags (self);
      return;
    }

  self->document = g_object_ref (document);
  self->sentences = g_object_ref (gloss_document_get_sentences (document));
  self->labels = g_object_ref (gloss_document_get_labels (document));

  if (self->text != gloss_document_get_text (document))
    {
      GlossText *text = gloss_document_get_text (document);
      gsize length;
      /* The text alone decides, so the text looks the same whether it was
       * shown before its document was read or not */
      g_autofree char *display = gloss_display_text_dup (text, gloss_text_guess_language (text), &length);

      show_text (self, text, display, length);
    }
  _gloss_article_view_connect_spans (self);
  rebuild_tags (self);

  g_signal_connect (self->sentences, "items-changed", G_CALLBACK (on_sentences_items_changed_cb), self);
  g_signal_connect (self->labels, "items-changed", G_CALLBACK (on_labels_items_changed_cb), self);
}

int
gloss_article_view_get_current (GlossArticleView *self)
{
  g_return_val_if_fail (GLOSS_IS_ARTICLE_VIEW (self), -1);

  return self->current;
}

/**
 * gloss_article_view_set_current:
 * @position: a sentence, or -1 for none
 * @scroll: whether to bring it on screen
 *
 * Moves the current-sentence tag: two ranges change, whatever the length
 * of the text.
 */
void
gloss_article_view_set_current (GlossArticleView *self,
                                int               position,
                                gboolean          scroll)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_if_fail (GLOSS_IS_ARTICLE_VIEW (self));

  if (self->document == NULL)
    return;

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));

  if (position != self->current)
    {
      if (self->current >= 0 && (guint)self->current < g_list_model_get_n_items (self->sentences))
        {
          get_sentence_bounds (self, self->current, &start, &end);
          gtk_text_buffer_remove_tag (buffer, self->current_tag, &start, &end);
        }

      self->current = position;

      if (position >= 0)
        {
          tag_ahead (self, position, position, TRUE);
          get_sentence_bounds (self, position, &start, &end);
          gtk_text_buffer_apply_tag (buffer, self->current_tag, &start, &end);
          gtk_text_buffer_move_mark (buffer, self->current_mark, &start);
        }

      gtk_widget_queue_draw (GTK_WIDGET (self));
    }

  if (scroll && position >= 0)
    gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self), self->current_mark, 0.2, FALSE, 0, 0);
}

/**
 * gloss_article_view_find:
 * @skip_current: start after the current match rather than at it
 *
 * Selects the next occurrence of @needle, ignoring case, wrapping round.
 *
 * Returns: the position of the sentence that holds it, or -1
 */
int
gloss_article_view_find (GlossArticleView *self,
                         const char       *needle,
                         gboolean          backwards,
                         gboolean          skip_current)
{
  GtkTextBuffer *buffer;
  GtkTextIter from, match_start, match_end, sel_start, sel_end;
  GtkTextSearchFlags flags = GTK_TEXT_SEARCH_CASE_INSENSITIVE | GTK_TEXT_SEARCH_TEXT_ONLY;
  gboolean found;

  g_return_val_if_fail (GLOSS_IS_ARTICLE_VIEW (self), -1);

  if (self->document == NULL || needle == NULL || needle[0] == '\0')
    return -1;

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));

  if (gtk_text_buffer_get_selection_bounds (buffer, &sel_start, &sel_end))
    from = backwards ? sel_start : (skip_current ? sel_end : sel_start);
  else
    gtk_text_buffer_get_iter_at_mark (buffer, &from, self->current_mark);

  if (backwards)
    {
      found = gtk_text_iter_backward_search (&from, needle, flags, &match_start, &match_end, NULL);
      if (!found)
        {
          gtk_text_buffer_get_end_iter (buffer, &from);
          found = gtk_text_iter_backward_search (&from, needle, flags, &match_start, &match_end, NULL);
        }
    }
  else
    {
      found = gtk_text_iter_forward_search (&from, needle, flags, &match_start, &match_end, NULL);
      if (!found)
        {
          gtk_text_buffer_get_start_iter (buffer, &from);
          found = gtk_text_iter_forward_search (&from, needle, flags, &match_start, &match_end, NULL);
        }
    }

  if (!found)
    return -1;

  gtk_text_buffer_select_range (buffer, &match_start, &match_end);

  return gloss_document_find_sentence_at (self->document, gtk_text_iter_get_offset (&match_start));
}

/**
 * gloss_article_view_has_tag_at:
 * @offset: a character offset in the text
 *
 * Returns: whether the character at @offset carries the tag of @label_id:
 *   what the reader sees, for tests
 */
gboolean
gloss_article_view_has_tag_at (GlossArticleView *self,
                               guint             offset,
                               const char       *label_id)
{
  GtkTextBuffer *buffer;
  LabelTags *tags;
  GtkTextIter iter;

  g_return_val_if_fail (GLOSS_IS_ARTICLE_VIEW (self), FALSE);

  tags = g_hash_table_lookup (self->tags, label_id);
  if (tags == NULL || self->document == NULL)
    return FALSE;

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);

  for (guint c = 0; c < N_CHANNELS; c++)
    if (gtk_text_iter_has_tag (&iter, tags->channel[c]))
      return TRUE;

  return FALSE;
}

/**
 * gloss_article_view_sentence_has_tag:
 *
 * Returns: whether the text of the sentence at @position carries the tag
 *   of @label_id: what the reader sees, for tests
 */
gboolean
gloss_article_view_sentence_has_tag (GlossArticleView *self,
                                     guint             position,
                                     const char       *label_id)
{
  g_return_val_if_fail (GLOSS_IS_ARTICLE_VIEW (self), FALSE);

  if (self->document == NULL)
    return FALSE;

  return gloss_article_view_has_tag_at (self,
                                        gloss_sentence_get_start (gloss_document_get_sentence (self->document, position)),
                                        label_id);
}

/**
 * gloss_article_view_set_split_caret:
 * @offset: a character offset in the text, or -1 for none
 *
 * Shows where a sentence would be split.
 */
void
gloss_article_view_set_split_caret (GlossArticleView *self,
                                    int               offset)
{
  g_return_if_fail (GLOSS_IS_ARTICLE_VIEW (self));

  if (self->split_caret == offset)
    return;

  self->split_caret = offset;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

int
gloss_article_view_get_split_caret (GlossArticleView *self)
{
  g_return_val_if_fail (GLOSS_IS_ARTICLE_VIEW (self), -1);

  return self->split_caret;
}

/**
 * gloss_article_view_get_offset_at:
 * @x: in widget coordinates
 * @y: in widget coordinates
 *
 * Returns: the character offset of the text at a point, or -1
 */
int
gloss_article_view_get_offset_at (GlossArticleView *self,
                                  double            x,
                                  double            y)
{
  GtkTextIter iter;
  int bx, by;

  g_return_val_if_fail (GLOSS_IS_ARTICLE_VIEW (self), -1);

  if (self->document == NULL)
    return -1;

  gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (self), GTK_TEXT_WINDOW_WIDGET,
                                         (int)x, (int)y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (GTK_TEXT_VIEW (self), &iter, bx, by))
    return -1;

  return gtk_text_iter_get_offset (&iter);
}

/**
 * gloss_article_view_get_tagging:
 *
 * Returns: whether labels are still being tagged in the background; what
 *   is on screen is tagged already
 */
gboolean
gloss_article_view_get_tagging (GlossArticleView *self)
{
  g_return_val_if_fail (GLOSS_IS_ARTICLE_VIEW (self), FALSE);

  return self->tag_id != 0;
}

/* The caret and the selection ------------------------------------------- */

/**
 * gloss_article_view_get_caret:
 *
 * Returns: the caret's offset in the text, in characters
 */
guint
gloss_article_view_get_caret (GlossArticleView *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter iter;

  g_return_val_if_fail (GLOSS_IS_ARTICLE_VIEW (self), 0);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));

  return gtk_text_iter_get_offset (&iter);
}

static void
scroll_to_caret (GlossArticleView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));

  gtk_text_view_scroll_mark_onscreen (GTK_TEXT_VIEW (self), gtk_text_buffer_get_insert (buffer));
}

/**
 * gloss_article_view_set_caret:
 * @offset: a character offset in the text
 * @scroll: whether to bring it on screen
 *
 * Puts the caret at @offset, with nothing selected.
 */
void
gloss_article_view_set_caret (GlossArticleView *self,
                              guint             offset,
                              gboolean          scroll)
{
  GtkTextBuffer *buffer;
  GtkTextIter iter;

  g_return_if_fail (GLOSS_IS_ARTICLE_VIEW (self));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  gtk_text_buffer_place_cursor (buffer, &iter);
  self->raw_start = self->raw_end = -1;
  if (scroll)
    scroll_to_caret (self);
}

/* Where the sentence that holds @iter, or comes next (@forward) or last
 * before it, ends or starts */
static gboolean
move_by_sentence (GlossArticleView *self,
                  GtkTextIter      *iter,
                  gboolean          forward)
{
  guint offset = gtk_text_iter_get_offset (iter);
  guint n = g_list_model_get_n_items (self->sentences);
  int position;

  if (self->document == NULL || n == 0)
    return FALSE;

  position = gloss_document_find_sentence_at (self->document, offset);

  if (forward)
    {
      /* Between sentences: the next one */
      if (position < 0)
        {
          for (position = 0; (guint)position < n; position++)
            if (gloss_sentence_get_end (gloss_document_get_sentence (self->document, position)) > offset)
              break;
        }
      else if (gloss_sentence_get_end (gloss_document_get_sentence (self->document, position)) <= offset)
        position++;
      if ((guint)position >= n)
        return FALSE;
      gtk_text_iter_set_offset (iter, gloss_sentence_get_end (gloss_document_get_sentence (self->document, position)));
    }
  else
    {
      if (position < 0)
        {
          for (position = (int)n - 1; position >= 0; position--)
            if (gloss_sentence_get_start (gloss_document_get_sentence (self->document, position)) < offset)
              break;
        }
      else if (gloss_sentence_get_start (gloss_document_get_sentence (self->document, position)) >= offset)
        position--;
      if (position < 0)
        return FALSE;
      gtk_text_iter_set_offset (iter, gloss_sentence_get_start (gloss_document_get_sentence (self->document, position)));
    }

  return TRUE;
}

/**
 * gloss_article_view_move_caret:
 * @count: how many @units, forward when positive
 * @extend: whether the selection follows (from where the caret was, or
 *   the selection's other end), as Shift does
 *
 * Moves the caret as the arrow keys do. A selection made or extended this
 * way is kept exactly as made: by words it ends on word edges anyway.
 */
void
gloss_article_view_move_caret (GlossArticleView *self,
                               GlossCaretUnit    unit,
                               int               count,
                               gboolean          extend)
{
  GtkTextBuffer *buffer;
  GtkTextIter insert, bound;
  gboolean forward = count > 0;

  g_return_if_fail (GLOSS_IS_ARTICLE_VIEW (self));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  gtk_text_buffer_get_iter_at_mark (buffer, &insert, gtk_text_buffer_get_insert (buffer));
  gtk_text_buffer_get_iter_at_mark (buffer, &bound, gtk_text_buffer_get_selection_bound (buffer));

  /* Without Shift, an arrow first collapses a selection to its edge */
  if (!extend && !gtk_text_iter_equal (&insert, &bound) && unit == GLOSS_CARET_CHAR)
    {
      if ((gtk_text_iter_compare (&insert, &bound) < 0) == forward)
        insert = bound;
      gtk_text_buffer_place_cursor (buffer, &insert);
      self->raw_start = self->raw_end = -1;
      scroll_to_caret (self);
      return;
    }

  for (int i = 0; i < ABS (count); i++)
    {
      switch (unit)
        {
        case GLOSS_CARET_CHAR:
          if (forward)
            gtk_text_iter_forward_cursor_position (&insert);
          else
            gtk_text_iter_backward_cursor_position (&insert);
          break;

        case GLOSS_CARET_WORD:
          if (forward)
            gtk_text_iter_forward_word_end (&insert);
          else
            gtk_text_iter_backward_word_start (&insert);
          break;

        case GLOSS_CARET_SENTENCE:
          move_by_sentence (self, &insert, forward);
          break;

        case GLOSS_CARET_LINE:
          if (forward)
            gtk_text_view_forward_display_line_end (GTK_TEXT_VIEW (self), &insert);
          else if (!gtk_text_view_starts_display_line (GTK_TEXT_VIEW (self), &insert))
            gtk_text_view_backward_display_line_start (GTK_TEXT_VIEW (self), &insert);
          break;

        default:
          g_return_if_reached ();
        }
    }

  if (extend)
    gtk_text_buffer_select_range (buffer, &insert, &bound);
  else
    gtk_text_buffer_place_cursor (buffer, &insert);
  self->raw_start = self->raw_end = -1;
  scroll_to_caret (self);
}

/**
 * gloss_article_view_get_selection:
 * @start: (out) (optional): the first character selected
 * @end: (out) (optional): the character after the last
 *
 * Returns: whether any text is selected: what a span label's key tags
 */
gboolean
gloss_article_view_get_selection (GlossArticleView *self,
                                  guint            *start,
                                  guint            *end)
{
  GtkTextBuffer *buffer;
  GtkTextIter from, to;

  g_return_val_if_fail (GLOSS_IS_ARTICLE_VIEW (self), FALSE);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  if (!gtk_text_buffer_get_selection_bounds (buffer, &from, &to))
    return FALSE;

  if (start != NULL)
    *start = gtk_text_iter_get_offset (&from);
  if (end != NULL)
    *end = gtk_text_iter_get_offset (&to);

  return TRUE;
}

/**
 * gloss_article_view_get_raw_selection:
 *
 * Returns: whether any text is selected, with the range as the mouse
 *   dragged it, before it was snapped to whole words (the selection
 *   itself when it was not snapped)
 */
gboolean
gloss_article_view_get_raw_selection (GlossArticleView *self,
                                      guint            *start,
                                      guint            *end)
{
  g_return_val_if_fail (GLOSS_IS_ARTICLE_VIEW (self), FALSE);

  if (!gloss_article_view_get_selection (self, start, end))
    return FALSE;

  if (self->raw_start >= 0 && self->raw_end > self->raw_start)
    {
      if (start != NULL)
        *start = self->raw_start;
      if (end != NULL)
        *end = self->raw_end;
    }

  return TRUE;
}

/**
 * gloss_article_view_select:
 * @start: the first character to select
 * @end: the character after the last
 *
 * Selects exactly `[start, end)`, the caret at @end.
 */
void
gloss_article_view_select (GlossArticleView *self,
                           guint             start,
                           guint             end)
{
  GtkTextBuffer *buffer;
  GtkTextIter from, to;

  g_return_if_fail (GLOSS_IS_ARTICLE_VIEW (self));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  gtk_text_buffer_get_iter_at_offset (buffer, &from, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &to, end);
  gtk_text_buffer_select_range (buffer, &to, &from);
  self->raw_start = self->raw_end = -1;
  scroll_to_caret (self);
}

/**
 * gloss_article_view_clear_selection:
 *
 * Selects nothing; the caret stays where it is.
 */
void
gloss_article_view_clear_selection (GlossArticleView *self)
{
  g_return_if_fail (GLOSS_IS_ARTICLE_VIEW (self));

  gloss_article_view_set_caret (self, gloss_article_view_get_caret (self), FALSE);
}

/* Quotation marks of German, English and French texts: a quote's own */
static gboolean
is_quote_mark (gunichar c)
{
  return c != 0 && g_utf8_strchr ("\"'„“”‚‘’«»‹›", -1, c) != NULL;
}

/**
 * gloss_article_view_get_grow_edge:
 * @direction: positive: forward from @offset; negative: back
 *
 * Where a span that ends (or, going back, starts) at @offset grows to: to
 * the quotation marks that touch it, with the punctuation between (a
 * quote's „ or .“), or else by a word.
 *
 * Returns: the offset, or -1 when there is nothing that way
 */
int
gloss_article_view_get_grow_edge (GlossArticleView *self,
                                  guint             offset,
                                  int               direction)
{
  GtkTextBuffer *buffer;
  GtkTextIter iter;
  int found = -1;

  g_return_val_if_fail (GLOSS_IS_ARTICLE_VIEW (self), -1);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);

  /* The run of punctuation that touches the edge */
  while (TRUE)
    {
      gunichar c;

      if (direction < 0 && !gtk_text_iter_backward_char (&iter))
        break;
      c = gtk_text_iter_get_char (&iter);
      if (c == 0 || g_unichar_isspace (c) || g_unichar_isalnum (c))
        break;
      if (is_quote_mark (c))
        found = gtk_text_iter_get_offset (&iter) + (direction > 0 ? 1 : 0);
      if (direction > 0)
        gtk_text_iter_forward_char (&iter);
    }

  if (found >= 0)
    return found;

  return gloss_article_view_get_word_edge (self, offset, direction);
}

/**
 * gloss_article_view_get_word_edge:
 * @direction: positive: the end of this or the next word; negative: the
 *   start of this or the previous word
 *
 * Returns: the offset of the word edge from @offset, as the text's word
 *   boundaries have it, or -1 when there is none that way
 */
int
gloss_article_view_get_word_edge (GlossArticleView *self,
                                  guint             offset,
                                  int               direction)
{
  GtkTextBuffer *buffer;
  GtkTextIter iter;
  gboolean moved;

  g_return_val_if_fail (GLOSS_IS_ARTICLE_VIEW (self), -1);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  if (direction > 0)
    moved = gtk_text_iter_forward_word_end (&iter);
  else
    moved = gtk_text_iter_backward_word_start (&iter);

  return moved ? gtk_text_iter_get_offset (&iter) : -1;
}
