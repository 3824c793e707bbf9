/* gloss-window-boundaries.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-annotation.h"
#include "gloss-document.h"
#include "gloss-sentence.h"
#include "gloss-window-private.h"

/* Fixing sentence boundaries: merge with the next sentence (m), split (x
 * enters the split mode, where Left/Right and Ctrl+Left/Right move a red
 * split caret inside the current sentence, Enter or x splits, Escape
 * leaves; Ctrl+click puts the caret where clicked; the article's context
 * menu has "Split Here"), mark reviewed (r) and re-split the unlabelled
 * sentences. The document does the edits, each one undoable step. */

/* The document's language decides how its text is split. It is guessed
 * when a text is first opened; a wrong guess is put right here (menu →
 * Language), and the unlabelled sentences are split again at once. */
static void
update_language_action (GlossWindow *self)
{
  if (self->language_action == NULL)
    return;

  g_simple_action_set_enabled (self->language_action, _gloss_window_can_edit (self));
  if (self->document != NULL)
    g_simple_action_set_state (self->language_action,
                               g_variant_new_string (gloss_document_get_language (self->document)));
}

static void
on_language_change_state_cb (GSimpleAction *action,
                             GVariant      *value,
                             GlossWindow   *self)
{
  const char *language = g_variant_get_string (value, NULL);
  g_autofree char *message = NULL;
  guint changed;

  if (!_gloss_window_can_edit (self) ||
      (g_strcmp0 (language, "de") != 0 && g_strcmp0 (language, "en") != 0) ||
      g_strcmp0 (language, gloss_document_get_language (self->document)) == 0)
    return;

  _gloss_window_end_split_mode (self);
  gloss_document_set_language (self->document, language);
  g_simple_action_set_state (action, value);

  /* Labelled sentences keep their boundaries; the rest follow the language */
  changed = gloss_document_resplit_unlabelled (self->document);
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Split as %s: %u unlabelled sentence changed",
                                          "Split as %s: %u unlabelled sentences changed",
                                          changed),
                             g_str_equal (language, "de") ? _("German") : _("English"),
                             changed);
  _gloss_window_show_toast (self, message);
  gloss_window_set_position (self, MIN (self->position, (int)gloss_document_get_n_sentences (self->document) - 1));
}

void
_gloss_window_update_boundary_actions (GlossWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean edit = _gloss_window_can_edit (self);

  gtk_widget_action_set_enabled (widget, "doc.merge-next", edit);
  gtk_widget_action_set_enabled (widget, "doc.split", edit);
  gtk_widget_action_set_enabled (widget, "doc.split-move", edit);
  gtk_widget_action_set_enabled (widget, "doc.split-move-word", edit);
  gtk_widget_action_set_enabled (widget, "doc.split-cancel", edit);
  gtk_widget_action_set_enabled (widget, "doc.split-here", edit);
  gtk_widget_action_set_enabled (widget, "doc.mark-reviewed", edit);
  gtk_widget_action_set_enabled (widget, "doc.resplit-unlabelled", edit);
  update_language_action (self);
}

static gboolean
in_split_mode (GlossWindow *self)
{
  return self->split_position >= 0 && self->split_position == self->position && _gloss_window_has_sentence (self);
}

static void
show_split_caret (GlossWindow *self)
{
  GlossSentence *sentence = gloss_document_get_sentence (self->document, self->split_position);

  gloss_article_view_set_split_caret (self->article_view,
                                      gloss_sentence_get_start (sentence) + self->split_offset);
}

void
_gloss_window_end_split_mode (GlossWindow *self)
{
  self->split_position = -1;
  self->split_offset = 0;
  g_clear_pointer (&self->split_text, g_free);
  self->split_length = 0;
  if (self->article_view != NULL)
    gloss_article_view_set_split_caret (self->article_view, -1);
}

static gboolean
is_space (GlossWindow *self,
          glong        i)
{
  return i < 0 || i >= self->split_length || g_unichar_isspace (self->split_text[i]);
}

/* Where a word starts: a split there leaves the white space to neither */
static gboolean
is_word_start (GlossWindow *self,
               glong        i)
{
  return i > 0 && i < self->split_length && is_space (self, i - 1) && !is_space (self, i);
}

static glong
snap_to_word_start (GlossWindow *self,
                    glong        i)
{
  for (glong j = i; j > 0; j--)
    if (is_word_start (self, j))
      return j;
  for (glong j = i; j < self->split_length; j++)
    if (is_word_start (self, j))
      return j;

  return CLAMP (i, 1, MAX (1, self->split_length - 1));
}

/* Enters the split mode in the current sentence; @offset is in the
 * sentence, or -1 for the word start nearest its middle */
static gboolean
begin_split_mode (GlossWindow *self,
                  glong        offset)
{
  g_autofree char *text = NULL;

  if (!_gloss_window_can_edit (self) || !_gloss_window_has_sentence (self))
    return FALSE;

  _gloss_window_end_split_mode (self);

  text = gloss_document_dup_sentence_text (self->document, self->position);
  self->split_text = g_utf8_to_ucs4_fast (text, -1, &self->split_length);
  if (self->split_length < 2)
    {
      _gloss_window_end_split_mode (self);
      _gloss_window_show_toast (self, _("This sentence is too short to split"));
      return FALSE;
    }

  self->split_position = self->position;
  self->split_offset = snap_to_word_start (self, offset < 0 ? self->split_length / 2 : offset);
  show_split_caret (self);
  _gloss_window_show_toast (self, _("Split: ← → move the red mark, Ctrl+← → by word, Enter splits, Esc cancels"));

  return TRUE;
}

static void
split_at (GlossWindow *self,
          guint        position,
          guint        offset)
{
  GlossSentence *sentence = gloss_document_get_sentence (self->document, position);
  guint n_labels = gloss_sentence_get_n_annotations (sentence);

  if (!gloss_document_split_sentence (self->document, position, offset))
    {
      _gloss_window_show_toast (self, _("Cannot split here: a part would be empty"));
      return;
    }

  gloss_window_set_position (self, position);
  if (n_labels > 0)
    _gloss_window_show_toast (self, _("Split. Both parts keep the labels, marked to review: press R on each "
                                      "part to confirm, or remove a label"));
}

static void
split_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GlossSentence *sentence;
  guint position;
  guint offset;

  if (!in_split_mode (self))
    {
      begin_split_mode (self, -1);
      return;
    }

  position = self->split_position;
  sentence = gloss_document_get_sentence (self->document, position);
  offset = gloss_sentence_get_start (sentence) + self->split_offset;
  _gloss_window_end_split_mode (self);
  split_at (self, position, offset);
}

static void
split_move_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  int delta = g_variant_get_int32 (param);
  glong offset = self->split_offset;

  if (!in_split_mode (self))
    return;

  if (g_str_equal (action_name, "doc.split-move-word"))
    {
      glong i = offset;

      do
        i += delta > 0 ? 1 : -1;
      while (i > 0 && i < self->split_length && !is_word_start (self, i));

      if (i > 0 && i < self->split_length)
        offset = i;
    }
  else
    offset = CLAMP (offset + delta, 1, self->split_length - 1);

  if (offset == self->split_offset)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  self->split_offset = offset;
  show_split_caret (self);
}

static void
split_cancel_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  _gloss_window_end_split_mode (GLOSS_WINDOW (widget));
}

static void
split_here_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GlossSentence *sentence;
  int position;

  if (!_gloss_window_can_edit (self) || self->clicked_offset < 0)
    return;

  position = gloss_document_find_sentence_at (self->document, self->clicked_offset);
  if (position < 0)
    return;

  gloss_window_set_position (self, position);
  sentence = gloss_document_get_sentence (self->document, position);
  if (!begin_split_mode (self, (glong)self->clicked_offset - (glong)gloss_sentence_get_start (sentence)))
    return;

  /* Straight through: the context menu is the confirmation */
  split_action (widget, "doc.split", NULL);
}

static void
merge_next_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  if (!_gloss_window_can_edit (self) || !_gloss_window_has_sentence (self))
    return;

  _gloss_window_end_split_mode (self);

  if ((guint)self->position + 1 >= gloss_document_get_n_sentences (self->document))
    {
      _gloss_window_show_toast (self, _("This is the last sentence: there is none to merge it with"));
      return;
    }

  if (gloss_document_merge_sentences (self->document, self->position))
    gloss_window_set_position (self, self->position);
}

static void
mark_reviewed_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  if (!_gloss_window_can_edit (self) || !_gloss_window_has_sentence (self))
    return;

  if (!gloss_document_mark_reviewed (self->document, self->position))
    {
      _gloss_window_show_toast (self, _("No label of this sentence waits for review"));
      return;
    }

  gloss_window_set_position (self, self->position);
}

static void
resplit_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  g_autofree char *message = NULL;
  guint changed;

  if (!_gloss_window_can_edit (self))
    return;

  _gloss_window_end_split_mode (self);
  changed = gloss_document_resplit_unlabelled (self->document);
  if (changed == 0)
    message = g_strdup (_("No unlabelled sentence changed"));
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Re-split: %u sentence changed",
                                            "Re-split: %u sentences changed",
                                            changed),
                               changed);
  _gloss_window_show_toast (self, message);
  gloss_window_set_position (self, self->position);
}

gboolean
_gloss_window_split_mode_key (GlossWindow     *self,
                              guint            keyval,
                              GdkModifierType  mods)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean word = (mods & GDK_CONTROL_MASK) != 0;

  if (!in_split_mode (self))
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      return gtk_widget_activate_action (widget, word ? "doc.split-move-word" : "doc.split-move", "i", -1);

    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      return gtk_widget_activate_action (widget, word ? "doc.split-move-word" : "doc.split-move", "i", 1);

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_x:
      return gtk_widget_activate_action (widget, "doc.split", NULL);

    case GDK_KEY_Escape:
      return gtk_widget_activate_action (widget, "doc.split-cancel", NULL);

    case GDK_KEY_Shift_L:
    case GDK_KEY_Shift_R:
    case GDK_KEY_Control_L:
    case GDK_KEY_Control_R:
      return TRUE;

    default:
      /* Any other key leaves the split mode and does what it does */
      _gloss_window_end_split_mode (self);
      return FALSE;
    }
}

static void
on_article_pressed_cb (GtkGestureClick *gesture,
                       int              n_press,
                       double           x,
                       double           y,
                       GlossWindow     *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  self->clicked_offset = gloss_article_view_get_offset_at (self->article_view, x, y);

  /* Ctrl+click: the split caret where clicked */
  if (button == GDK_BUTTON_PRIMARY && (state & GDK_CONTROL_MASK) != 0 && self->clicked_offset >= 0 && _gloss_window_can_edit (self))
    {
      int position = gloss_document_find_sentence_at (self->document, self->clicked_offset);

      if (position >= 0)
        {
          GlossSentence *sentence = gloss_document_get_sentence (self->document, position);

          gloss_window_set_position (self, position);
          begin_split_mode (self, (glong)self->clicked_offset - (glong)gloss_sentence_get_start (sentence));
          gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
        }
    }
}

static void
on_sentence_activated_cb (GlossArticleView *view,
                          guint             position,
                          GlossWindow      *self)
{
  if (self->split_position >= 0 && self->split_position != (int)position)
    _gloss_window_end_split_mode (self);
}

void
_gloss_window_init_boundaries (GlossWindow *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  self->split_position = -1;
  self->clicked_offset = -1;

  /* Any button: the context menu needs to know where it opened */
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "pressed", G_CALLBACK (on_article_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->article_view), GTK_EVENT_CONTROLLER (click));
  g_signal_connect_after (self->article_view, "sentence-activated", G_CALLBACK (on_sentence_activated_cb), self);

  {
    g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
    g_autoptr(GSimpleAction) action = g_simple_action_new_stateful ("set", G_VARIANT_TYPE_STRING,
                                                                    g_variant_new_string ("en"));

    g_signal_connect (action, "change-state", G_CALLBACK (on_language_change_state_cb), self);
    g_simple_action_set_enabled (action, FALSE);
    g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
    gtk_widget_insert_action_group (GTK_WIDGET (self), "language", G_ACTION_GROUP (group));
    self->language_action = action;
  }
}

void
_gloss_window_class_init_boundaries (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "doc.merge-next", NULL, merge_next_action);
  gtk_widget_class_install_action (widget_class, "doc.split", NULL, split_action);
  gtk_widget_class_install_action (widget_class, "doc.split-move", "i", split_move_action);
  gtk_widget_class_install_action (widget_class, "doc.split-move-word", "i", split_move_action);
  gtk_widget_class_install_action (widget_class, "doc.split-cancel", NULL, split_cancel_action);
  gtk_widget_class_install_action (widget_class, "doc.split-here", NULL, split_here_action);
  gtk_widget_class_install_action (widget_class, "doc.mark-reviewed", NULL, mark_reviewed_action);
  gtk_widget_class_install_action (widget_class, "doc.resplit-unlabelled", NULL, resplit_action);
}
