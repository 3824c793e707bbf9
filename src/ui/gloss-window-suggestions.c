/* gloss-window-suggestions.c
 *
 * Suggestions in the window: computed in a worker when a document opens
 * (if it has none stored and its labels fit) — the suggester's, and the
 * name matcher's for the speakers annotated in the document and, in
 * folder mode, in the folder's texts as saved (read once per folder, in
 * the first worker; each document left adds its speakers to them, so a
 * speaker deleted stays looked for until the window opens another
 * folder) — shown in the article, and
 * the keys and actions that go to the next or previous one, accept the
 * current one with its roles, reject it, and accept all of the current
 * sentence. Accepting and rejecting are the document's, through the
 * history, so Ctrl+Z undoes them and the autosave writes them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-document.h"
#include "gloss-corpus.h"
#include "gloss-label-set.h"
#include "gloss-name-matcher.h"
#include "gloss-problem.h"
#include "gloss-sentence.h"
#include "gloss-span.h"
#include "gloss-suggester.h"
#include "gloss-suggestions.h"
#include "gloss-text.h"
#include "gloss-window-private.h"

#define NO_SPAN GLOSS_ARTICLE_VIEW_NO_SPAN

typedef struct
{
  GlossDocument *document;
  GlossText     *text;
  char          *language;
  GFile         *folder;     /* whose texts' speakers are looked for, or NULL */
  GlossNameMatcher *folder_names;  /* its speakers read before, or NULL: read them */
  GlossNameMatcher *collected;     /* the folder's speakers read by this worker */
  GlossNameMatcher *names;   /* the open document's speakers so far */
  GPtrArray     *annotated;  /* the open document's spans */
  GPtrArray     *spans;
  GPtrArray     *relations;
  GlossSuggestionsFilter *filter; /* what checking them needs of the document */
  GlossSuggestions *checked;      /* what the document takes of them */
} Suggesting;

static void
suggesting_free (Suggesting *data)
{
  g_clear_object (&data->document);
  g_clear_object (&data->text);
  g_free (data->language);
  g_clear_object (&data->folder);
  g_clear_object (&data->folder_names);
  g_clear_object (&data->collected);
  g_clear_object (&data->names);
  g_clear_pointer (&data->annotated, g_ptr_array_unref);
  g_clear_pointer (&data->spans, g_ptr_array_unref);
  g_clear_pointer (&data->relations, g_ptr_array_unref);
  g_clear_pointer (&data->filter, gloss_suggestions_filter_free);
  g_clear_object (&data->checked);
  g_free (data);
}

/* The checks of gloss_document_set_suggestions(), here rather than in the
 * main thread: tens of thousands of suggestions take tens of ms */
static void
check_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Suggesting *data = task_data;

  g_clear_object (&data->checked);
  data->checked = gloss_suggestions_filter_run (data->filter, data->spans, data->relations, NULL, NULL);

  g_task_return_boolean (task, TRUE);
}

static void
suggest_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Suggesting *data = task_data;
  g_autoptr(GlossSuggester) suggester = gloss_suggester_new (data->language);

  gloss_suggester_suggest (suggester, data->text, &data->spans, &data->relations);

  /* The speakers annotated in the folder's texts: read from disk by the
   * first worker of a folder, then reused */
  if (data->folder != NULL && data->folder_names == NULL)
    {
      g_autoptr(GPtrArray) problems = gloss_problems_new ();
      g_autoptr(GPtrArray) files = gloss_corpus_find_files (data->folder, ".txt", problems, cancellable);

      data->collected = gloss_name_matcher_new ();
      if (files != NULL)
        gloss_name_matcher_add_files (data->collected, files, cancellable);
      if (g_cancellable_is_cancelled (cancellable))
        g_clear_object (&data->collected);
    }
  if (data->folder_names != NULL || data->collected != NULL)
    gloss_name_matcher_add_matcher (data->names, data->folder_names ? data->folder_names : data->collected);
  gloss_name_matcher_suggest (data->names, data->text, data->annotated, data->spans);

  check_thread (task, source, task_data, cancellable);
}

static void
show (GlossWindow *self)
{
  gloss_article_view_show_suggestions (self->article_view,
                                       self->document ? gloss_document_get_suggestions (self->document) : NULL,
                                       self->current_suggestion);
  _gloss_window_update_suggestion_actions (self);
}

static void
on_suggested_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GlossWindow *self = GLOSS_WINDOW (source);
  Suggesting *data = g_task_get_task_data (G_TASK (result));

  g_autoptr(GTask) task = NULL;
  Suggesting *again;

  if (!g_task_propagate_boolean (G_TASK (result), NULL))
    return;
  /* The folder's speakers, for the next documents of the folder */
  if (data->collected != NULL && self->folder != NULL && g_file_equal (self->folder, data->folder) &&
      self->folder_names == NULL)
    {
      self->folder_names = g_object_ref (data->collected);
      g_set_object (&self->folder_names_of, data->folder);
    }
  if (self->document != data->document)
    return;

  /* Checked against the document as it was when they were asked for */
  if (gloss_document_take_suggestions (self->document, data->filter, data->checked))
    return;

  /* It has changed since (a span added, a label edited): checked again
   * against it as it is now */
  again = g_new0 (Suggesting, 1);
  again->document = g_object_ref (data->document);
  again->spans = g_steal_pointer (&data->spans);
  again->relations = g_steal_pointer (&data->relations);
  again->filter = gloss_suggestions_filter_new (self->document);
  task = g_task_new (self, self->suggest_cancellable, on_suggested_cb, NULL);
  g_task_set_source_tag (task, _gloss_window_suggestions_document_set);
  g_task_set_task_data (task, again, (GDestroyNotify)suggesting_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, check_thread);
}

/* The current suggestion is gone (accepted, rejected, undone): the first
 * one at or after where it was becomes current */
static void
on_suggestions_changed_cb (GlossDocument *document,
                           GlossWindow   *self)
{
  GlossSuggestions *suggestions = gloss_document_get_suggestions (document);
  GlossSpan *current = NULL;

  if (self->current_suggestion != NO_SPAN)
    current = gloss_suggestions_lookup_span (suggestions, self->current_suggestion);

  if (self->current_suggestion != NO_SPAN && (current == NULL || !gloss_suggestions_is_head (suggestions, current)))
    {
      g_autoptr(GPtrArray) heads = gloss_suggestions_dup_heads (suggestions);

      self->current_suggestion = NO_SPAN;
      for (guint i = 0; i < heads->len; i++)
        if (gloss_span_get_start (g_ptr_array_index (heads, i)) >= self->current_suggestion_start)
          {
            self->current_suggestion = gloss_span_get_id (g_ptr_array_index (heads, i));
            break;
          }
    }

  show (self);
}

void
_gloss_window_suggestions_document_set (GlossWindow *self)
{
  GlossDocument *document = self->document;
  g_autoptr(GTask) task = NULL;
  Suggesting *data;

  self->current_suggestion = NO_SPAN;
  self->current_suggestion_start = 0;
  g_signal_connect (document, "suggestions-changed", G_CALLBACK (on_suggestions_changed_cb), self);
  show (self);

  if ((self->settings != NULL && !g_settings_get_boolean (self->settings, "suggest-on-open")) ||
      gloss_document_get_read_only (document) ||
      gloss_suggestions_get_spans (gloss_document_get_suggestions (document))->len > 0 ||
      !gloss_suggestions_labels_fit (gloss_document_get_labels (document)))
    return;

  g_cancellable_cancel (self->suggest_cancellable);
  g_clear_object (&self->suggest_cancellable);
  self->suggest_cancellable = g_cancellable_new ();

  data = g_new0 (Suggesting, 1);
  data->document = g_object_ref (document);
  data->text = g_object_ref (gloss_document_get_text (document));
  data->language = g_strdup (gloss_document_get_language (document));
  data->folder = self->folder ? g_object_ref (self->folder) : NULL;
  if (self->folder_names != NULL && (self->folder == NULL || !g_file_equal (self->folder, self->folder_names_of)))
    {
      g_clear_object (&self->folder_names);
      g_clear_object (&self->folder_names_of);
    }
  data->folder_names = self->folder_names ? g_object_ref (self->folder_names) : NULL;
  data->names = gloss_name_matcher_new ();
  gloss_name_matcher_add_document (data->names, document);
  data->annotated = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (gloss_document_get_spans (document)); i++)
    g_ptr_array_add (data->annotated, g_list_model_get_item (gloss_document_get_spans (document), i));
  data->filter = gloss_suggestions_filter_new (document);
  task = g_task_new (self, self->suggest_cancellable, on_suggested_cb, NULL);
  g_task_set_source_tag (task, _gloss_window_suggestions_document_set);
  g_task_set_task_data (task, data, (GDestroyNotify)suggesting_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, suggest_thread);
}

/* @left: the document the window lets go of, or NULL: its speakers join
 * the folder's (a new matcher: a worker may be reading the old one) */
void
_gloss_window_suggestions_cleared (GlossWindow   *self,
                                   GlossDocument *left)
{
  if (left != NULL && self->folder_names != NULL)
    {
      g_autoptr(GlossNameMatcher) names = gloss_name_matcher_new ();

      gloss_name_matcher_add_matcher (names, self->folder_names);
      gloss_name_matcher_add_document (names, left);
      g_set_object (&self->folder_names, names);
    }

  g_cancellable_cancel (self->suggest_cancellable);
  g_clear_object (&self->suggest_cancellable);
  self->current_suggestion = NO_SPAN;
}

static gboolean
can_decide (GlossWindow *self)
{
  return self->document != NULL && _gloss_window_can_edit (self) &&
         gloss_suggestions_get_spans (gloss_document_get_suggestions (self->document))->len > 0;
}

void
_gloss_window_update_suggestion_actions (GlossWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean have = self->document != NULL &&
                  gloss_suggestions_get_spans (gloss_document_get_suggestions (self->document))->len > 0;
  gboolean current = can_decide (self) && self->current_suggestion != NO_SPAN;

  gtk_widget_action_set_enabled (widget, "doc.next-suggestion", have);
  gtk_widget_action_set_enabled (widget, "doc.previous-suggestion", have);
  gtk_widget_action_set_enabled (widget, "doc.accept-suggestion", current);
  gtk_widget_action_set_enabled (widget, "doc.reject-suggestion", current);
  gtk_widget_action_set_enabled (widget, "doc.accept-sentence-suggestions", can_decide (self));
}

static void
go_to_suggestion (GlossWindow *self,
                  GlossSpan   *head)
{
  guint start = gloss_span_get_start (head);
  int position = gloss_document_find_sentence_at (self->document, start);

  self->current_suggestion = gloss_span_get_id (head);
  self->current_suggestion_start = start;
  if (position >= 0)
    _gloss_window_set_position_full (self, position, FALSE);
  gloss_article_view_set_caret (self->article_view, start, TRUE);
  show (self);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  gboolean next = g_str_equal (action_name, "doc.next-suggestion");
  g_autoptr(GPtrArray) heads = NULL;
  GlossSuggestions *suggestions;
  GlossSpan *current = NULL;
  GlossSpan *found = NULL;
  guint caret;

  if (self->document == NULL)
    return;

  suggestions = gloss_document_get_suggestions (self->document);
  heads = gloss_suggestions_dup_heads (suggestions);
  if (heads->len == 0)
    {
      _gloss_window_show_toast (self, _("No suggestions"));
      return;
    }

  if (self->current_suggestion != NO_SPAN)
    current = gloss_suggestions_lookup_span (suggestions, self->current_suggestion);
  caret = gloss_article_view_get_caret (self->article_view);

  /* From the current suggestion, else from the caret; round the ends */
  for (guint k = 0; k < heads->len && found == NULL; k++)
    {
      guint i = next ? k : heads->len - 1 - k;
      GlossSpan *head = g_ptr_array_index (heads, i);

      if (current != NULL)
        {
          guint at;

          if (g_ptr_array_find (heads, current, &at) && (next ? i > at : i < at))
            found = head;
        }
      else if (next ? gloss_span_get_start (head) >= caret : gloss_span_get_start (head) < caret)
        found = head;
    }
  if (found == NULL)
    found = g_ptr_array_index (heads, next ? 0 : heads->len - 1);

  go_to_suggestion (self, found);
}

static void
decide_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  if (!can_decide (self))
    return;

  if (g_str_equal (action_name, "doc.accept-sentence-suggestions"))
    {
      int position = gloss_window_get_position (self);
      GlossSentence *sentence = position >= 0 ? gloss_document_get_sentence (self->document, position) : NULL;

      if (sentence == NULL)
        return;
      self->current_suggestion_start = gloss_sentence_get_start (sentence);
      if (gloss_document_accept_suggestions_in (self->document, gloss_sentence_get_start (sentence),
                                                gloss_sentence_get_end (sentence), &error) == 0)
        {
          if (error == NULL)
            _gloss_window_show_toast (self, _("The sentence has no suggestions"));
          ok = error == NULL;
        }
    }
  else
    {
      GlossSpan *head;

      if (self->current_suggestion == NO_SPAN)
        {
          _gloss_window_show_toast (self, _("No suggestion is current: go to one with G"));
          return;
        }
      head = gloss_suggestions_lookup_span (gloss_document_get_suggestions (self->document),
                                            self->current_suggestion);
      if (head != NULL)
        self->current_suggestion_start = gloss_span_get_start (head);
      if (g_str_equal (action_name, "doc.accept-suggestion"))
        ok = gloss_document_accept_suggestion (self->document, self->current_suggestion, &error);
      else
        ok = gloss_document_reject_suggestion (self->document, self->current_suggestion, &error);
    }

  if (!ok)
    _gloss_window_show_toast (self, error->message);
}

/* g, Shift+G: next, previous suggestion; y: accept; Shift+Y: accept the
 * sentence's; BackSpace: reject */
gboolean
_gloss_window_suggestions_key (GlossWindow     *self,
                               guint            keyval,
                               GdkModifierType  mods)
{
  GtkWidget *widget = GTK_WIDGET (self);

  if (mods != 0 && mods != GDK_SHIFT_MASK)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_g:
      return mods == 0 && gtk_widget_activate_action (widget, "doc.next-suggestion", NULL);

    case GDK_KEY_G:
      return gtk_widget_activate_action (widget, "doc.previous-suggestion", NULL);

    case GDK_KEY_y:
      return mods == 0 && gtk_widget_activate_action (widget, "doc.accept-suggestion", NULL);

    case GDK_KEY_Y:
      return gtk_widget_activate_action (widget, "doc.accept-sentence-suggestions", NULL);

    case GDK_KEY_BackSpace:
      return mods == 0 && gtk_widget_activate_action (widget, "doc.reject-suggestion", NULL);

    default:
      return FALSE;
    }
}

void
_gloss_window_class_init_suggestions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "doc.next-suggestion", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "doc.previous-suggestion", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "doc.accept-suggestion", NULL, decide_action);
  gtk_widget_class_install_action (widget_class, "doc.reject-suggestion", NULL, decide_action);
  gtk_widget_class_install_action (widget_class, "doc.accept-sentence-suggestions", NULL, decide_action);
}
