/* gloss-window-spans.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-annotation.h"
#include "gloss-document.h"
#include "gloss-history.h"
#include "gloss-label.h"
#include "gloss-label-set.h"
#include "gloss-relation.h"
#include "gloss-sentence.h"
#include "gloss-span.h"
#include "gloss-span-card.h"
#include "gloss-text.h"
#include "gloss-window-private.h"

/* Spans and relations in the window: the caret and the selection, the
 * current span, and every change of a span as an action (doc.*), each
 * one undoable step through the core.
 *
 * Tagging never needs a mode. A span label's key tags the selection; a
 * new span becomes the current span, unless a relation label joins the
 * current span's label to the new one's: then the relation is made in
 * the same step and the current span stays, so a quote's speaker, cue,
 * frame and addressee are tagged one after the other. Escape lets go of
 * the current span (after the selection). */

#define NO_SPAN GLOSS_ARTICLE_VIEW_NO_SPAN

static GlossSpan *
get_current (GlossWindow *self)
{
  if (self->document == NULL || self->current_span == NO_SPAN)
    return NULL;

  return gloss_document_lookup_span (self->document, self->current_span);
}

static GlossLabelSet *
get_labels (GlossWindow *self)
{
  return gloss_document_get_labels (self->document);
}

static const char *
label_name (GlossWindow *self,
            const char  *id)
{
  GlossLabel *label = gloss_label_set_lookup (get_labels (self), id);

  return label ? gloss_label_get_display_name (label) : id;
}

void
_gloss_window_update_span_actions (GlossWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean have = self->document != NULL;
  gboolean edit = _gloss_window_can_edit (self);
  gboolean span = edit && get_current (self) != NULL;
  gboolean current = have && self->current_span != NO_SPAN;
  gboolean list = have && !gloss_label_set_is_sentence_only (get_labels (self));
  /* Enabling an action costs a walk over what shows it: only a change */
  guint state = 1 << 5 | list << 4 | have << 3 | edit << 2 | span << 1 | current;
  const char * const navigate[] = {
    "doc.move-caret", "doc.select-range", "doc.select-sentence", "doc.clear-selection",
    "doc.next-span", "doc.previous-span", "doc.next-unlinked", "doc.select-span",
  };
  const char * const change[] = {
    "doc.tag-span", "doc.remove-relation",
  };
  const char * const on_span[] = {
    "doc.relabel-span", "doc.add-part", "doc.grow-span-end", "doc.shrink-span-end",
    "doc.grow-span-start", "doc.shrink-span-start", "doc.delete-span", "doc.cycle-attribute",
    "doc.set-span-attribute", "doc.edit-span-note", "doc.set-span-note",
  };

  if (state == self->span_actions_state)
    return;
  self->span_actions_state = state;

  for (guint i = 0; i < G_N_ELEMENTS (navigate); i++)
    gtk_widget_action_set_enabled (widget, navigate[i], have);
  for (guint i = 0; i < G_N_ELEMENTS (change); i++)
    gtk_widget_action_set_enabled (widget, change[i], edit);
  for (guint i = 0; i < G_N_ELEMENTS (on_span); i++)
    gtk_widget_action_set_enabled (widget, on_span[i], span);
  gtk_widget_action_set_enabled (widget, "doc.clear-span", current);
  gtk_widget_action_set_enabled (widget, "doc.focus-span-list", list);
}

/* The article tells a screen reader what the current span is: GTK 4.8
 * has no announcements, so it is the article's description (and the
 * card's line, a status) */
static void
describe_current (GlossWindow *self)
{
  GlossSpanCard *card;
  const char *description;

  /* Not while the window goes */
  if (self->sidebar == NULL || self->article_view == NULL)
    return;

  card = GLOSS_SPAN_CARD (gloss_sidebar_get_span_card (self->sidebar));
  description = self->current_span != NO_SPAN ? gloss_span_card_get_description (card) : NULL;

  if (description != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->article_view),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->article_view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/**
 * _gloss_window_set_current_span:
 * @id: a span's id, or %GLOSS_ARTICLE_VIEW_NO_SPAN
 *
 * Makes a span current: the view marks it and its linked spans, the
 * sidebar shows its card.
 */
void
_gloss_window_set_current_span (GlossWindow *self,
                                guint        id,
                                gboolean     scroll)
{
  if (self->document == NULL || gloss_document_lookup_span (self->document, id) == NULL)
    id = NO_SPAN;

  self->current_span = id;
  gloss_article_view_set_current_span (self->article_view, id, scroll);
  gloss_sidebar_set_span (self->sidebar, id);
  _gloss_window_update_span_actions (self);
}

/* The caret goes to the span and the span's sentence becomes current */
static void
go_to_span (GlossWindow *self,
            GlossSpan   *span)
{
  guint start = gloss_span_get_start (span);
  int position = gloss_document_find_sentence_at (self->document, start);

  /* One scroll, to the span; the caret last, once the tags have changed,
   * so its line is laid out once */
  if (position >= 0)
    _gloss_window_set_position_full (self, position, FALSE);
  _gloss_window_set_current_span (self, gloss_span_get_id (span), TRUE);
  gloss_article_view_set_caret (self->article_view, start, FALSE);
}

/* The document changed (an edit, an undo): the current span may be gone */
void
_gloss_window_spans_changed (GlossWindow *self)
{
  if (self->current_span != NO_SPAN && get_current (self) == NULL)
    _gloss_window_set_current_span (self, NO_SPAN, FALSE);
  else
    gloss_sidebar_set_span (self->sidebar, self->current_span);
  _gloss_window_update_span_actions (self);
}

/* The sentence follows the caret, without scrolling: it is on screen */
static void
follow_caret (GlossWindow *self)
{
  int position = gloss_document_find_sentence_at (self->document,
                                                  gloss_article_view_get_caret (self->article_view));

  if (position >= 0 && position != self->position)
    _gloss_window_set_position_full (self, position, FALSE);
}

/* The caret and the selection ------------------------------------------- */

static void
move_caret_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  const char *unit_name;
  int count;
  gboolean extend;
  GlossCaretUnit unit;

  if (self->document == NULL)
    return;

  g_variant_get (param, "(&sib)", &unit_name, &count, &extend);
  if (g_str_equal (unit_name, "char"))
    unit = GLOSS_CARET_CHAR;
  else if (g_str_equal (unit_name, "word"))
    unit = GLOSS_CARET_WORD;
  else if (g_str_equal (unit_name, "sentence"))
    unit = GLOSS_CARET_SENTENCE;
  else if (g_str_equal (unit_name, "line"))
    unit = GLOSS_CARET_LINE;
  else
    g_return_if_reached ();

  gloss_article_view_move_caret (self->article_view, unit, count, extend);
  follow_caret (self);
}

static void
select_range_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  guint start, end, length;

  if (self->document == NULL)
    return;

  g_variant_get (param, "(uu)", &start, &end);
  length = gloss_text_get_length (gloss_document_get_text (self->document));
  end = MIN (end, length);
  start = MIN (start, end);
  gloss_article_view_select (self->article_view, start, end);
  follow_caret (self);
}

static void
select_sentence_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GlossSentence *sentence;

  if (!_gloss_window_has_sentence (self))
    return;

  sentence = gloss_document_get_sentence (self->document, self->position);
  gloss_article_view_select (self->article_view, gloss_sentence_get_start (sentence), gloss_sentence_get_end (sentence));
}

static void
clear_selection_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  gloss_article_view_clear_selection (GLOSS_WINDOW (widget)->article_view);
}

/**
 * _gloss_window_caret_to_sentence:
 *
 * Puts the caret at the start of the current sentence, nothing selected:
 * what the keys that move between sentences do.
 */
void
_gloss_window_caret_to_sentence (GlossWindow *self)
{
  if (_gloss_window_has_sentence (self))
    gloss_article_view_set_caret (self->article_view,
                                  gloss_sentence_get_start (gloss_document_get_sentence (self->document, self->position)),
                                  FALSE);
}

/* Tagging and linking ----------------------------------------------------- */

/* The relation label that joins a @from span to a @to span: the one whose
 * id is @to's label (the quotation set's speaker joins a quote to a
 * speaker), else the first in the set's order */
static GlossLabel *
find_joining (GlossWindow *self,
              const char  *from,
              const char  *to)
{
  GlossLabelSet *relations = gloss_label_set_get_relation_labels (get_labels (self));
  GlossLabel *first = NULL;

  for (guint i = 0; i < gloss_label_set_get_n_labels (relations); i++)
    {
      GlossLabel *label = gloss_label_set_get_label (relations, i);

      if (!gloss_label_joins (label, from, to))
        continue;
      if (g_strcmp0 (gloss_label_get_id (label), to) == 0)
        return label;
      if (first == NULL)
        first = label;
    }

  return first;
}

/* The span of @label that covers exactly [start, end), if any */
static GlossSpan *
find_exact (GlossWindow *self,
            const char  *label,
            guint        start,
            guint        end)
{
  g_autoptr(GPtrArray) spans = gloss_document_dup_spans_in (self->document, start, end);

  for (guint i = 0; i < spans->len; i++)
    {
      GlossSpan *span = g_ptr_array_index (spans, i);

      if (g_strcmp0 (gloss_span_get_label (span), label) == 0 && gloss_span_get_n_parts (span) == 1 &&
          gloss_span_get_start (span) == start && gloss_span_get_end (span) == end)
        return span;
    }

  return NULL;
}

/* The first relation of @label from @span, if any */
static GlossRelation *
find_relation_from (GlossWindow *self,
                    GlossSpan   *span,
                    const char  *label)
{
  g_autoptr(GPtrArray) relations = gloss_document_dup_relations_from (self->document, gloss_span_get_id (span));

  for (guint i = 0; i < relations->len; i++)
    {
      GlossRelation *relation = g_ptr_array_index (relations, i);

      if (g_strcmp0 (gloss_relation_get_label (relation), label) == 0)
        return relation;
    }

  return NULL;
}

static void
show_error (GlossWindow  *self,
            const GError *error)
{
  _gloss_window_show_toast (self, error->message);
}

/* An existing span selected exactly and tagged with its own label: linked
 * to the current span instead of tagged twice, replacing the current
 * span's relation of that label (a re-link) in one step; or, when nothing
 * joins them, made current */
static void
link_existing (GlossWindow *self,
               GlossSpan   *current,
               GlossSpan   *existing,
               GlossLabel  *joining)
{
  g_autoptr(GError) error = NULL;
  GlossRelation *old;

  gloss_article_view_clear_selection (self->article_view);

  if (current == NULL || joining == NULL || current == existing)
    {
      go_to_span (self, existing);
      return;
    }

  old = find_relation_from (self, current, gloss_label_get_id (joining));
  if (old != NULL && gloss_relation_get_to (old) == gloss_span_get_id (existing))
    {
      g_autofree char *message = g_strdup_printf (_("Already linked as “%s”"), gloss_label_get_display_name (joining));

      _gloss_window_show_toast (self, message);
      return;
    }

  if (old != NULL)
    {
      g_autoptr(GlossRelation) relink = gloss_relation_copy (old);
      g_autofree char *now = gloss_timestamp_now ();

      gloss_relation_set_to (relink, gloss_span_get_id (existing));
      gloss_relation_set_modified (relink, now);
      if (!gloss_document_replace_relation (self->document, relink, &error))
        show_error (self, error);
    }
  else
    {
      g_autoptr(GlossRelation) relation = gloss_document_new_relation (self->document, gloss_label_get_id (joining),
                                                                       gloss_span_get_id (current),
                                                                       gloss_span_get_id (existing));

      if (!gloss_document_add_relation (self->document, relation, &error))
        show_error (self, error);
    }
}

static void
tag_span (GlossWindow *self,
          GlossLabel  *label)
{
  const char *id = gloss_label_get_id (label);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossSpan) span = NULL;
  g_autoptr(GlossRelation) relation = NULL;
  GlossHistory *history;
  GlossSpan *current;
  GlossSpan *existing;
  GlossLabel *joining = NULL;
  GlossRange range;
  gboolean added;

  if (!_gloss_window_can_edit (self))
    return;

  if (!gloss_article_view_get_selection (self->article_view, &range.start, &range.end))
    {
      g_autofree char *message = g_strdup_printf (_("Select the words to tag as “%s” first"),
                                                  gloss_label_get_display_name (label));

      _gloss_window_show_toast (self, message);
      return;
    }

  current = get_current (self);
  if (current != NULL)
    joining = find_joining (self, gloss_span_get_label (current), id);

  existing = find_exact (self, id, range.start, range.end);
  if (existing != NULL)
    {
      link_existing (self, current, existing, joining);
      return;
    }

  span = gloss_document_new_span (self->document, id, &range, 1);
  if (joining != NULL)
    relation = gloss_document_new_relation (self->document, gloss_label_get_id (joining),
                                            gloss_span_get_id (current), gloss_span_get_id (span));

  /* The span and its link are one step to undo */
  history = gloss_document_get_history (self->document);
  gloss_history_begin_group (history);
  added = gloss_document_add_span (self->document, span, &error) &&
          (relation == NULL || gloss_document_add_relation (self->document, relation, &error));
  gloss_history_end_group (history);

  if (!added)
    {
      /* A span added without its relation stays: the user sees it and
       * can undo it */
      show_error (self, error);
      return;
    }

  gloss_article_view_set_caret (self->article_view, range.end, FALSE);
  if (relation == NULL)
    _gloss_window_set_current_span (self, gloss_span_get_id (span), FALSE);
}

static void
tag_span_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GlossLabel *label;

  if (self->document == NULL)
    return;

  label = gloss_label_set_lookup (get_labels (self), g_variant_get_string (param, NULL));
  if (label != NULL && gloss_label_get_scope (label) == GLOSS_LABEL_SCOPE_SPAN)
    tag_span (self, label);
}

/**
 * _gloss_window_tag_or_toggle:
 *
 * What a label's key does: a span label tags the selection, a sentence
 * label toggles on the current sentence.
 *
 * Returns: whether an action ran
 */
gboolean
_gloss_window_tag_or_toggle (GlossWindow *self,
                             GlossLabel  *label)
{
  GtkWidget *widget = GTK_WIDGET (self);
  const char *id = gloss_label_get_id (label);

  if (gloss_label_get_scope (label) == GLOSS_LABEL_SCOPE_SPAN)
    return gtk_widget_activate_action (widget, "doc.tag-span", "s", id);

  return gtk_widget_activate_action (widget, "doc.toggle-label", "s", id);
}

/* Editing the current span ------------------------------------------------ */

/* A changed copy of the current span goes in its place */
static void
replace_current (GlossWindow *self,
                 GlossSpan   *copy)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *now = gloss_timestamp_now ();

  gloss_span_set_modified (copy, now);
  if (!gloss_document_replace_span (self->document, copy, &error))
    show_error (self, error);
}

static GlossSpan *
need_current (GlossWindow *self)
{
  GlossSpan *span = _gloss_window_can_edit (self) ? get_current (self) : NULL;

  if (span == NULL && self->document != NULL)
    _gloss_window_show_toast (self, _("No span is current: tag one, or click it or move to it with ] and ["));

  return span;
}

static int
compare_ranges (gconstpointer a,
                gconstpointer b)
{
  const GlossRange *x = a, *y = b;

  return x->start < y->start ? -1 : x->start > y->start;
}

/* @parts sorted, and those that overlap or touch merged */
static void
normalize_parts (GArray *parts)
{
  guint kept = 0;

  g_array_sort (parts, compare_ranges);
  for (guint i = 0; i < parts->len; i++)
    {
      GlossRange *part = &g_array_index (parts, GlossRange, i);
      GlossRange *last = kept > 0 ? &g_array_index (parts, GlossRange, kept - 1) : NULL;

      if (last != NULL && part->start <= last->end)
        last->end = MAX (last->end, part->end);
      else
        g_array_index (parts, GlossRange, kept++) = *part;
    }
  g_array_set_size (parts, kept);
}

static GArray *
dup_parts (GlossSpan *span)
{
  GArray *parts = g_array_new (FALSE, FALSE, sizeof (GlossRange));

  g_array_append_vals (parts, gloss_span_get_parts (span), gloss_span_get_n_parts (span));

  return parts;
}

/* Puts @parts (normalized) into a copy of @span, with their texts */
static GlossSpan *
copy_with_parts (GlossWindow *self,
                 GlossSpan   *span,
                 GArray      *parts)
{
  GlossText *text = gloss_document_get_text (self->document);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  GlossSpan *copy = gloss_span_copy (span);

  normalize_parts (parts);
  for (guint i = 0; i < parts->len; i++)
    {
      GlossRange *part = &g_array_index (parts, GlossRange, i);

      g_ptr_array_add (texts, gloss_text_dup_slice (text, part->start, part->end));
    }
  g_ptr_array_add (texts, NULL);
  gloss_span_set_parts (copy, (GlossRange *)(gpointer)parts->data, parts->len, (const char * const *)texts->pdata);

  return copy;
}

static gboolean
same_parts (GlossSpan *span,
            GArray    *parts)
{
  return gloss_span_get_n_parts (span) == parts->len &&
         memcmp (gloss_span_get_parts (span), parts->data, parts->len * sizeof (GlossRange)) == 0;
}

static void
add_part_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GlossSpan *span = need_current (self);
  g_autoptr(GArray) parts = NULL;
  g_autoptr(GlossSpan) copy = NULL;
  GlossRange range;

  if (span == NULL)
    return;

  if (!gloss_article_view_get_selection (self->article_view, &range.start, &range.end))
    {
      _gloss_window_show_toast (self, _("Select the words to add to the span first"));
      return;
    }

  parts = dup_parts (span);
  g_array_append_val (parts, range);
  copy = copy_with_parts (self, span, parts);
  if (same_parts (span, parts))
    {
      _gloss_window_show_toast (self, _("The selection is part of the span already"));
      return;
    }

  replace_current (self, copy);
  gloss_article_view_set_caret (self->article_view, range.end, FALSE);
}

/* Moves an edge of the current span by a word (growing, first over the
 * quotation marks that touch it): its first part's start or its last
 * part's end */
static void
resize_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GlossSpan *span = need_current (self);
  gboolean at_end = g_str_has_suffix (action_name, "-end");
  gboolean grow = g_str_has_prefix (action_name, "doc.grow");
  g_autoptr(GArray) parts = NULL;
  g_autoptr(GlossSpan) copy = NULL;
  GlossRange *part;
  int edge;

  if (span == NULL)
    return;

  parts = dup_parts (span);
  part = &g_array_index (parts, GlossRange, at_end ? parts->len - 1 : 0);

  if (at_end && grow)
    edge = gloss_article_view_get_grow_edge (self->article_view, part->end, 1);
  else if (at_end)
    {
      /* To the end of the word before the last one */
      edge = gloss_article_view_get_word_edge (self->article_view, part->end, -1);
      if (edge > (int)part->start)
        edge = gloss_article_view_get_word_edge (self->article_view, edge, -1);
      if (edge >= (int)part->start)
        edge = gloss_article_view_get_word_edge (self->article_view, edge, 1);
      if (edge <= (int)part->start || edge >= (int)part->end)
        edge = -1;
    }
  else if (grow)
    edge = gloss_article_view_get_grow_edge (self->article_view, part->start, -1);
  else
    {
      /* To the start of the second word */
      edge = gloss_article_view_get_word_edge (self->article_view, part->start, 1);
      if (edge > 0)
        edge = gloss_article_view_get_word_edge (self->article_view, edge, 1);
      if (edge > 0)
        edge = gloss_article_view_get_word_edge (self->article_view, edge, -1);
      if (edge <= (int)part->start || edge >= (int)part->end)
        edge = -1;
    }

  if (edge < 0)
    {
      _gloss_window_show_toast (self, grow ? _("The span cannot grow further that way")
                                           : _("The span cannot shrink further: delete it instead"));
      return;
    }

  if (at_end)
    part->end = edge;
  else
    part->start = edge;

  copy = copy_with_parts (self, span, parts);
  replace_current (self, copy);
}

static void
relabel_span_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GlossSpan *span = need_current (self);
  const char *id = g_variant_get_string (param, NULL);
  g_autoptr(GlossSpan) copy = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GlossLabel *label;

  if (span == NULL)
    return;

  label = gloss_label_set_lookup (get_labels (self), id);
  if (label == NULL || gloss_label_get_scope (label) != GLOSS_LABEL_SCOPE_SPAN ||
      g_strcmp0 (gloss_span_get_label (span), id) == 0)
    return;

  copy = gloss_span_copy (span);
  gloss_span_set_label (copy, id);

  /* The old label's attributes do not belong to the new one */
  for (guint i = 0; i < gloss_span_get_n_attributes (span); i++)
    if (gloss_label_find_attribute (label, gloss_span_get_attribute_name (span, i)) < 0)
      g_ptr_array_add (names, g_strdup (gloss_span_get_attribute_name (span, i)));
  for (guint i = 0; i < names->len; i++)
    gloss_span_set_attribute (copy, g_ptr_array_index (names, i), NULL);

  replace_current (self, copy);
}

static void
delete_span_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GlossSpan *span = need_current (self);
  g_autoptr(GPtrArray) incoming = NULL;
  guint hub = NO_SPAN;

  if (span == NULL)
    return;

  /* A deleted role leaves its quote current, to tag it again */
  incoming = gloss_document_dup_relations_to (self->document, gloss_span_get_id (span));
  if (incoming->len > 0)
    hub = gloss_relation_get_from (g_ptr_array_index (incoming, 0));

  gloss_document_remove_span (self->document, gloss_span_get_id (span));
  _gloss_window_set_current_span (self, hub, FALSE);
}

static void
remove_relation_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  if (!_gloss_window_can_edit (self))
    return;

  gloss_document_remove_relation (self->document, g_variant_get_uint32 (param));
}

static void
set_attribute (GlossWindow *self,
               GlossSpan   *span,
               const char  *name,
               const char  *value)
{
  g_autoptr(GlossSpan) copy = NULL;

  if (g_strcmp0 (gloss_span_get_attribute (span, name), value) == 0)
    return;

  copy = gloss_span_copy (span);
  gloss_span_set_attribute (copy, name, value);
  replace_current (self, copy);
}

static void
set_span_attribute_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GlossSpan *span = need_current (self);
  const char *name, *value;

  if (span == NULL)
    return;

  g_variant_get (param, "(&s&s)", &name, &value);
  set_attribute (self, span, name, value[0] != '\0' ? value : NULL);
}

/* The attribute at a position of the label goes round its values and
 * "not set" */
static void
cycle_attribute_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GlossSpan *span = need_current (self);
  const char * const *values;
  const char *name;
  GlossLabel *label;
  int position, direction, at = -1;
  guint n;

  if (span == NULL)
    return;

  g_variant_get (param, "(ii)", &position, &direction);
  label = gloss_label_set_lookup (get_labels (self), gloss_span_get_label (span));
  if (label == NULL || position < 0 || (guint)position >= gloss_label_get_n_attributes (label))
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf (_("A “%s” span has no attribute %d"),
                                 label_name (self, gloss_span_get_label (span)), position + 1);
      _gloss_window_show_toast (self, message);
      return;
    }

  name = gloss_label_get_attribute_name (label, position);
  values = gloss_label_get_attribute_values (label, position);
  n = g_strv_length ((char **)values);
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (values[i], gloss_span_get_attribute (span, name)) == 0)
      at = i;

  /* -1 is "not set": the steps go round n + 1 places */
  at = (at + 1 + (direction < 0 ? -1 : 1) + (int)n + 1) % ((int)n + 1) - 1;
  set_attribute (self, span, name, at >= 0 ? values[at] : NULL);
}

static void
edit_span_note_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  if (need_current (self) == NULL)
    return;

  if (!self->sidebar_visible)
    g_object_set (self, "sidebar-visible", TRUE, NULL);
  gloss_sidebar_focus_span_note (self->sidebar);
}

static void
set_span_note_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  g_autoptr(GlossSpan) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *now = NULL;
  const char *note;
  GlossSpan *span;
  guint id;

  if (!_gloss_window_can_edit (self))
    return;

  /* The span is named: a note is kept when another span has become
   * current meanwhile */
  g_variant_get (param, "(u&s)", &id, &note);
  span = gloss_document_lookup_span (self->document, id);
  if (span == NULL || g_strcmp0 (gloss_span_get_note (span), note) == 0)
    return;

  copy = gloss_span_copy (span);
  gloss_span_set_note (copy, note);
  now = gloss_timestamp_now ();
  gloss_span_set_modified (copy, now);
  if (!gloss_document_replace_span (self->document, copy, &error))
    show_error (self, error);
}

/* Moving between spans -------------------------------------------------- */

/* The first span whose start is at or after @offset (n when none) */
static guint
lower_bound (GListModel *spans,
             guint       offset)
{
  guint low = 0, high = g_list_model_get_n_items (spans);

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      g_autoptr(GlossSpan) span = g_list_model_get_item (spans, middle);

      if (gloss_span_get_start (span) < offset)
        low = middle + 1;
      else
        high = middle;
    }

  return low;
}

/* @span's place among the document's spans */
static guint
index_of (GListModel *spans,
          GlossSpan  *span)
{
  guint n = g_list_model_get_n_items (spans);

  for (guint i = lower_bound (spans, gloss_span_get_start (span)); i < n; i++)
    {
      g_autoptr(GlossSpan) item = g_list_model_get_item (spans, i);

      if (item == span)
        return i;
    }

  g_return_val_if_reached (0);
}

static void
adjacent_span_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  gboolean next = g_str_equal (action_name, "doc.next-span");
  GListModel *spans;
  GlossSpan *current;
  g_autoptr(GlossSpan) found = NULL;
  int at;

  if (self->document == NULL)
    return;

  spans = gloss_document_get_spans (self->document);
  current = get_current (self);
  if (current != NULL)
    at = (int)index_of (spans, current) + (next ? 1 : -1);
  else
    at = (int)lower_bound (spans, gloss_article_view_get_caret (self->article_view)) - (next ? 0 : 1);

  if (at < 0 || (guint)at >= g_list_model_get_n_items (spans))
    {
      _gloss_window_show_toast (self, g_list_model_get_n_items (spans) == 0 ? _("The text has no spans yet")
                                      : next ? _("This is the last span") : _("This is the first span"));
      return;
    }

  found = g_list_model_get_item (spans, at);
  go_to_span (self, found);
}

/* The next span of the first relation label's "from" labels (a quote)
 * without a relation of that label (a speaker), after the current span
 * or the caret, round to the start */
static void
next_unlinked_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GlossLabelSet *relations;
  GlossLabel *relation;
  GListModel *spans;
  GlossSpan *current;
  guint n, from;

  if (self->document == NULL)
    return;

  relations = gloss_label_set_get_relation_labels (get_labels (self));
  if (gloss_label_set_get_n_labels (relations) == 0)
    {
      _gloss_window_show_toast (self, _("The label set has no relation labels"));
      return;
    }
  relation = gloss_label_set_get_label (relations, 0);

  spans = gloss_document_get_spans (self->document);
  n = g_list_model_get_n_items (spans);
  current = get_current (self);
  from = current ? index_of (spans, current) + 1 : lower_bound (spans, gloss_article_view_get_caret (self->article_view));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossSpan) span = g_list_model_get_item (spans, (from + i) % n);

      if (g_strv_contains (gloss_label_get_from (relation), gloss_span_get_label (span)) &&
          find_relation_from (self, span, gloss_label_get_id (relation)) == NULL)
        {
          go_to_span (self, span);
          return;
        }
    }

  {
    g_autofree char *message = g_strdup_printf (_("Every span that can have a “%s” has one"),
                                                gloss_label_get_display_name (relation));

    _gloss_window_show_toast (self, message);
  }
}

static void
select_span_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GlossSpan *span;

  if (self->document == NULL)
    return;

  span = gloss_document_lookup_span (self->document, g_variant_get_uint32 (param));
  if (span != NULL)
    go_to_span (self, span);
}

/* Ctrl+L: the list of spans in the sidebar, at the current span's row;
 * Escape comes back */
static void
focus_span_list_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  if (self->document == NULL)
    return;

  g_object_set (self, "sidebar-visible", TRUE, NULL);
  gloss_sidebar_focus_span_list (self->sidebar);
}

static void
clear_span_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  _gloss_window_set_current_span (GLOSS_WINDOW (widget), NO_SPAN, FALSE);
}

static void
on_card_notify_description_cb (GObject     *card,
                               GParamSpec  *pspec,
                               GlossWindow *self)
{
  describe_current (self);
}

static void
on_span_activated_cb (GlossArticleView *view,
                      guint             id,
                      GlossWindow      *self)
{
  _gloss_window_set_current_span (self, id, FALSE);
}

/* Keys ----------------------------------------------------------------------
 *
 * The span keys, read by the window's key controller before the sentence
 * keys (gloss-window-actions.c), so that a key means one thing. */

gboolean
_gloss_window_spans_key (GlossWindow     *self,
                         guint            keyval,
                         GdkModifierType  mods,
                         gboolean         in_list)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean shift = (mods & GDK_SHIFT_MASK) != 0;
  gboolean ctrl = (mods & GDK_CONTROL_MASK) != 0;
  gboolean alt = (mods & GDK_ALT_MASK) != 0;
  gboolean plain = mods == 0;
  gunichar ch;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      {
        gboolean right = keyval == GDK_KEY_Right || keyval == GDK_KEY_KP_Right;

        if (in_list || (alt && ctrl))
          return FALSE;
        /* Alt: the current span's end; Alt+Shift: its start */
        if (alt && !shift)
          return gtk_widget_activate_action (widget, right ? "doc.grow-span-end" : "doc.shrink-span-end", NULL);
        if (alt)
          return gtk_widget_activate_action (widget, right ? "doc.shrink-span-start" : "doc.grow-span-start", NULL);
        return gtk_widget_activate_action (widget, "doc.move-caret", "(sib)", ctrl ? "word" : "char",
                                           right ? 1 : -1, shift);
      }

    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      if (in_list || mods != GDK_SHIFT_MASK)
        return FALSE;
      return gtk_widget_activate_action (widget, "doc.move-caret", "(sib)", "sentence",
                                         keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down ? 1 : -1, TRUE);

    case GDK_KEY_Home:
    case GDK_KEY_End:
      if (in_list || mods != GDK_SHIFT_MASK)
        return FALSE;
      return gtk_widget_activate_action (widget, "doc.move-caret", "(sib)", "line",
                                         keyval == GDK_KEY_End ? 1 : -1, TRUE);

    case GDK_KEY_Escape:
      {
        GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

        /* A popup closes on its own */
        if (!plain || (focus != NULL && gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER) != NULL))
          return FALSE;
        /* From a button or a list, the keys go back to the article first */
        if (focus != NULL && gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_BAR) == NULL)
          {
            gtk_root_set_focus (GTK_ROOT (self), NULL);
            return TRUE;
          }
      }
      if (gloss_article_view_get_selection (self->article_view, NULL, NULL))
        return gtk_widget_activate_action (widget, "doc.clear-selection", NULL);
      if (self->current_span != NO_SPAN)
        return gtk_widget_activate_action (widget, "doc.clear-span", NULL);
      return FALSE;

    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
      return plain && !in_list && gtk_widget_activate_action (widget, "doc.delete-span", NULL);

    case GDK_KEY_bracketright:
      return !ctrl && !alt && gtk_widget_activate_action (widget, "doc.next-span", NULL);

    case GDK_KEY_bracketleft:
      return !ctrl && !alt && gtk_widget_activate_action (widget, "doc.previous-span", NULL);

    case GDK_KEY_plus:
    case GDK_KEY_KP_Add:
      return !ctrl && !alt && gtk_widget_activate_action (widget, "doc.add-part", NULL);

    case GDK_KEY_v:
      return plain && gtk_widget_activate_action (widget, "doc.select-sentence", NULL);

    case GDK_KEY_t:
    case GDK_KEY_T:
      if (ctrl || alt)
        return FALSE;
      return gtk_widget_activate_action (widget, "doc.cycle-attribute", "(ii)", 0, shift ? -1 : 1);

    case GDK_KEY_U:
      return mods == GDK_SHIFT_MASK && gtk_widget_activate_action (widget, "doc.next-unlinked", NULL);

    case GDK_KEY_N:
      return mods == GDK_SHIFT_MASK && gtk_widget_activate_action (widget, "doc.edit-span-note", NULL);

    default:
      break;
    }

  /* Alt+1…9: the attribute at that place goes round its values */
  if (mods == GDK_ALT_MASK && keyval >= GDK_KEY_1 && keyval <= GDK_KEY_9)
    return gtk_widget_activate_action (widget, "doc.cycle-attribute", "(ii)", (int)(keyval - GDK_KEY_1), 1);

  /* Shift and a span label's key: the current span takes that label */
  ch = gdk_keyval_to_unicode (gdk_keyval_to_lower (keyval));
  if (mods == GDK_SHIFT_MASK && ch != 0 && gdk_keyval_to_lower (keyval) != keyval)
    {
      char key[7] = { 0 };
      GlossLabel *label;

      g_unichar_to_utf8 (ch, key);
      label = gloss_label_set_lookup_key (get_labels (self), key);
      if (label != NULL && gloss_label_get_scope (label) == GLOSS_LABEL_SCOPE_SPAN)
        return gtk_widget_activate_action (widget, "doc.relabel-span", "s", gloss_label_get_id (label));
    }

  return FALSE;
}

void
_gloss_window_init_spans (GlossWindow *self)
{
  self->current_span = NO_SPAN;
  g_signal_connect (self->article_view, "span-activated", G_CALLBACK (on_span_activated_cb), self);
  g_signal_connect_object (gloss_sidebar_get_span_card (self->sidebar), "notify::description",
                           G_CALLBACK (on_card_notify_description_cb), self, 0);
  _gloss_window_update_span_actions (self);
}

void
_gloss_window_class_init_spans (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "doc.move-caret", "(sib)", move_caret_action);
  gtk_widget_class_install_action (widget_class, "doc.select-range", "(uu)", select_range_action);
  gtk_widget_class_install_action (widget_class, "doc.select-sentence", NULL, select_sentence_action);
  gtk_widget_class_install_action (widget_class, "doc.clear-selection", NULL, clear_selection_action);
  gtk_widget_class_install_action (widget_class, "doc.tag-span", "s", tag_span_action);
  gtk_widget_class_install_action (widget_class, "doc.relabel-span", "s", relabel_span_action);
  gtk_widget_class_install_action (widget_class, "doc.add-part", NULL, add_part_action);
  gtk_widget_class_install_action (widget_class, "doc.grow-span-end", NULL, resize_action);
  gtk_widget_class_install_action (widget_class, "doc.shrink-span-end", NULL, resize_action);
  gtk_widget_class_install_action (widget_class, "doc.grow-span-start", NULL, resize_action);
  gtk_widget_class_install_action (widget_class, "doc.shrink-span-start", NULL, resize_action);
  gtk_widget_class_install_action (widget_class, "doc.delete-span", NULL, delete_span_action);
  gtk_widget_class_install_action (widget_class, "doc.remove-relation", "u", remove_relation_action);
  gtk_widget_class_install_action (widget_class, "doc.set-span-attribute", "(ss)", set_span_attribute_action);
  gtk_widget_class_install_action (widget_class, "doc.cycle-attribute", "(ii)", cycle_attribute_action);
  gtk_widget_class_install_action (widget_class, "doc.edit-span-note", NULL, edit_span_note_action);
  gtk_widget_class_install_action (widget_class, "doc.set-span-note", "(us)", set_span_note_action);
  gtk_widget_class_install_action (widget_class, "doc.next-span", NULL, adjacent_span_action);
  gtk_widget_class_install_action (widget_class, "doc.previous-span", NULL, adjacent_span_action);
  gtk_widget_class_install_action (widget_class, "doc.next-unlinked", NULL, next_unlinked_action);
  gtk_widget_class_install_action (widget_class, "doc.select-span", "u", select_span_action);
  gtk_widget_class_install_action (widget_class, "doc.clear-span", NULL, clear_span_action);
  gtk_widget_class_install_action (widget_class, "doc.focus-span-list", NULL, focus_span_list_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "doc.focus-span-list", NULL);
}
