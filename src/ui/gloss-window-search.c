/* gloss-window-search.c
 *
 * The folder's statistics (`win.statistics`, Ctrl+Shift+T: a window of
 * charts, gloss-stats-window.c), and the window's side of the folder's
 * search (gloss-corpus-search.c): the
 * action that shows it (Ctrl+Shift+F, folder mode), and the actions its
 * list runs: a hit opened in its document and selected
 * (`win.go-to-hit`), and tagged (`win.tag-hit`: a sentence label on the
 * hit's sentence, a span label as a span of the match). A hit in another
 * document waits until that document is loaded.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-corpus-search.h"
#include "gloss-document.h"
#include "gloss-label.h"
#include "gloss-label-set.h"
#include "gloss-saver.h"
#include "gloss-sentence.h"
#include "gloss-stats-window.h"
#include "gloss-text.h"
#include "gloss-window-private.h"

static GlossLabelSet *
dup_labels (GlossWindow *self)
{
  if (self->document == NULL)
    return NULL;

  return gloss_label_set_copy (gloss_document_get_labels (self->document));
}

static void
search_corpus_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  g_autoptr(GlossLabelSet) labels = NULL;

  if (self->folder == NULL)
    return;

  if (self->corpus_search == NULL)
    {
      self->corpus_search = gloss_corpus_search_new ();
      gtk_window_set_transient_for (GTK_WINDOW (self->corpus_search), GTK_WINDOW (self));
    }

  /* The last changes are on disk before the texts are read */
  if (self->saver != NULL && gloss_saver_get_dirty (self->saver))
    gloss_saver_save_now (self->saver);

  labels = dup_labels (self);
  gloss_corpus_search_set_folder (self->corpus_search, self->folder, labels);
  gtk_window_present (GTK_WINDOW (self->corpus_search));
  gloss_corpus_search_focus_entry (self->corpus_search);
}

static void
close_stats (GlossWindow *self)
{
  GtkWindow *window = self->stats_window;

  if (window == NULL)
    return;

  g_object_remove_weak_pointer (G_OBJECT (window), (gpointer *)&self->stats_window);
  self->stats_window = NULL;
  gtk_window_destroy (window);
}

static void
statistics_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  if (self->folder == NULL)
    return;

  /* Counted again each time: the numbers are of the files on disk now */
  if (self->saver != NULL && gloss_saver_get_dirty (self->saver))
    gloss_saver_save_now (self->saver);
  close_stats (self);

  self->stats_window = GTK_WINDOW (gloss_stats_window_new (self->folder));
  g_object_add_weak_pointer (G_OBJECT (self->stats_window), (gpointer *)&self->stats_window);
  gtk_window_set_transient_for (self->stats_window, GTK_WINDOW (self));
  gtk_window_present (self->stats_window);
}

/* The hit waiting for its document, if it is open */
static void
apply_hit (GlossWindow *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *label_id = NULL;
  guint start = self->hit_start, end = self->hit_end;
  GlossSentence *sentence = NULL;
  GlossLabel *label = NULL;
  int position;

  if (self->hit_file == NULL || self->document == NULL || gloss_document_get_file (self->document) == NULL ||
      !g_file_equal (self->hit_file, gloss_document_get_file (self->document)))
    return;

  file = g_steal_pointer (&self->hit_file);
  label_id = g_steal_pointer (&self->hit_label);

  if (end > gloss_text_get_length (gloss_document_get_text (self->document)) || start >= end)
    {
      _gloss_window_show_toast (self, _("The text changed since it was searched: search again"));
      return;
    }

  position = gloss_document_find_sentence_at (self->document, start);
  if (position >= 0)
    {
      sentence = gloss_document_get_sentence (self->document, position);
      if (gloss_sentence_get_start (sentence) > start)
        sentence = NULL;
      gloss_window_set_position (self, position);
    }
  gloss_article_view_select (self->article_view, start, end);

  if (label_id == NULL)
    {
      gtk_window_present (GTK_WINDOW (self));
      gtk_widget_grab_focus (GTK_WIDGET (self->article_view));
      return;
    }

  label = gloss_label_set_lookup (gloss_document_get_labels (self->document), label_id);
  if (label == NULL || !_gloss_window_can_edit (self))
    return;

  if (gloss_label_get_scope (label) == GLOSS_LABEL_SCOPE_SPAN)
    gtk_widget_activate_action (GTK_WIDGET (self), "doc.tag-span", "s", label_id);
  else if (sentence == NULL)
    _gloss_window_show_toast (self, _("The hit is between two sentences"));
  else if (gloss_sentence_has_label (sentence, label_id))
    {
      g_autofree char *message = g_strdup_printf (_("The sentence is labelled “%s” already"),
                                                  gloss_label_get_display_name (label));

      _gloss_window_show_toast (self, message);
      return;
    }
  else
    gloss_document_add_label (self->document, position, label_id);

  /* The list shows the new labels once they are written */
  self->search_after_save = TRUE;
  if (self->saver != NULL)
    gloss_saver_save_now (self->saver);
}

static void
go_to_hit (GlossWindow *self,
           GVariant    *param,
           gboolean     tag)
{
  const char *uri, *label = NULL;
  guint32 start, end;

  if (tag)
    g_variant_get (param, "(&suu&s)", &uri, &start, &end, &label);
  else
    g_variant_get (param, "(&suu)", &uri, &start, &end);

  g_clear_object (&self->hit_file);
  g_clear_pointer (&self->hit_label, g_free);
  self->hit_file = g_file_new_for_uri (uri);
  self->hit_start = start;
  self->hit_end = end;
  self->hit_label = g_strdup (label);

  if (self->document != NULL && gloss_document_get_file (self->document) != NULL &&
      g_file_equal (self->hit_file, gloss_document_get_file (self->document)))
    apply_hit (self);
  else
    _gloss_window_open_text (self, self->hit_file);
}

static void
go_to_hit_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  go_to_hit (GLOSS_WINDOW (widget), param, FALSE);
}

static void
tag_hit_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  go_to_hit (GLOSS_WINDOW (widget), param, TRUE);
}

/**
 * _gloss_window_search_document_set:
 *
 * A document is open: the hit that waited for it is selected (and
 * tagged).
 */
void
_gloss_window_search_document_set (GlossWindow *self)
{
  apply_hit (self);
}

/**
 * _gloss_window_search_saved:
 *
 * The open document was written: a list that a tag changed is searched
 * again.
 */
void
_gloss_window_search_saved (GlossWindow *self)
{
  if (!self->search_after_save)
    return;

  self->search_after_save = FALSE;
  if (self->corpus_search != NULL)
    gloss_corpus_search_search (self->corpus_search);
}

void
_gloss_window_search_cleared (GlossWindow *self)
{
  g_clear_object (&self->hit_file);
  g_clear_pointer (&self->hit_label, g_free);
  if (self->corpus_search != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (self->corpus_search));
      self->corpus_search = NULL;
    }
  close_stats (self);
}

void
_gloss_window_update_search_actions (GlossWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search-corpus", self->folder != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.statistics", self->folder != NULL);
}

/**
 * gloss_window_get_stats_window:
 *
 * Returns: (transfer none) (nullable): the folder's statistics, once shown
 */
GtkWindow *
gloss_window_get_stats_window (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);

  return self->stats_window;
}

/**
 * gloss_window_get_corpus_search:
 *
 * Returns: (transfer none) (nullable): the folder's search, once shown
 */
GtkWindow *
gloss_window_get_corpus_search (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);

  return GTK_WINDOW (self->corpus_search);
}

void
_gloss_window_class_init_search (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.search-corpus", NULL, search_corpus_action);
  gtk_widget_class_install_action (widget_class, "win.go-to-hit", "(suu)", go_to_hit_action);
  gtk_widget_class_install_action (widget_class, "win.tag-hit", "(suus)", tag_hit_action);
  gtk_widget_class_install_action (widget_class, "win.statistics", NULL, statistics_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.search-corpus", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.statistics", NULL);
}
