/* gloss-window-clashes.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-clash-dialog.h"
#include "gloss-document.h"
#include "gloss-json.h"
#include "gloss-merge.h"
#include "gloss-relation.h"
#include "gloss-sentence.h"
#include "gloss-window-private.h"

/* The clashes a merge left in the open file (`gloss merge`, when git
 * stopped a merge): the banner that counts them, win.resolve-clashes that
 * opens the dialog of both versions (gloss-clash-dialog.c), the article
 * following the clash chosen there, and the message once none is left,
 * when the file can be added with git add. */

static void
on_clash_dialog_destroy_cb (GtkWidget   *dialog,
                            GlossWindow *self)
{
  if (self->clash_dialog == GTK_WINDOW (dialog))
    self->clash_dialog = NULL;
}

static void
go_to_sentence (GlossWindow *self,
                guint        id)
{
  GlossSentence *sentence = gloss_document_lookup_sentence (self->document, id);

  if (sentence == NULL)
    return;

  if (self->current_span != GLOSS_ARTICLE_VIEW_NO_SPAN)
    _gloss_window_set_current_span (self, GLOSS_ARTICLE_VIEW_NO_SPAN, FALSE);
  _gloss_window_set_position_full (self, gloss_document_find_sentence_at (self->document, gloss_sentence_get_start (sentence)),
                                   TRUE);
}

/* The span a relation's version starts at, or -1 */
static gint64
relation_from (const GlossMergeConflict *conflict)
{
  const char *json = conflict->ours ? conflict->ours : conflict->theirs;
  g_autoptr(JsonNode) node = json ? gloss_json_parse (json, strlen (json), NULL) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return -1;

  return json_object_get_int_member_with_default (json_node_get_object (node), "from", -1);
}

/* The article shows what the clash concerns, where it is in the text */
static void
on_clash_selected_cb (GlossClashDialog *dialog,
                      guint             index,
                      GlossWindow      *self)
{
  const GlossMergeConflict *conflict;

  if (self->document == NULL || index >= gloss_document_get_n_conflicts (self->document))
    return;

  conflict = gloss_document_get_conflict (self->document, index);
  switch (conflict->kind)
    {
    case GLOSS_MERGE_CONFLICT_SENTENCE:
    case GLOSS_MERGE_CONFLICT_ANNOTATION:
    case GLOSS_MERGE_CONFLICT_NOTE:
      go_to_sentence (self, conflict->id);
      break;

    case GLOSS_MERGE_CONFLICT_SPAN:
      if (gloss_document_lookup_span (self->document, conflict->id) != NULL)
        _gloss_window_set_current_span (self, conflict->id, TRUE);
      break;

    case GLOSS_MERGE_CONFLICT_RELATION:
      {
        GlossRelation *relation = gloss_document_lookup_relation (self->document, conflict->id);
        gint64 from = relation ? gloss_relation_get_from (relation) : relation_from (conflict);

        /* Its first span; a relation only the clash holds names it too */
        if (from >= 0 && gloss_document_lookup_span (self->document, (guint)from) != NULL)
          _gloss_window_set_current_span (self, (guint)from, TRUE);
      }
      break;

    default:
      break;
    }
}

static void
resolve_clashes_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GlossClashDialog *dialog;

  if (self->document == NULL || gloss_document_get_n_conflicts (self->document) == 0)
    return;

  if (self->clash_dialog != NULL)
    {
      gtk_window_present (self->clash_dialog);
      return;
    }

  dialog = gloss_clash_dialog_new (GTK_WINDOW (self), self->document);
  self->clash_dialog = GTK_WINDOW (dialog);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (on_clash_dialog_destroy_cb), self, 0);
  g_signal_connect_object (dialog, "selected", G_CALLBACK (on_clash_selected_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  on_clash_selected_cb (dialog, MAX (gloss_clash_dialog_get_selected (dialog), 0), self);
}

/**
 * _gloss_window_update_clashes:
 * @opened: the document was just opened (no message that the last clash
 *   went)
 *
 * Shows the banner while the document has clashes, and says so once the
 * last one is resolved.
 */
void
_gloss_window_update_clashes (GlossWindow *self,
                              gboolean     opened)
{
  guint n = self->document ? gloss_document_get_n_conflicts (self->document) : 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.resolve-clashes", n > 0 && _gloss_window_can_edit (self));

  if (n > 0)
    {
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "This file has %u merge clash: Gloss keeps this branch’s version until you choose.",
                                      "This file has %u merge clashes: Gloss keeps this branch’s version of each until you choose.",
                                      n),
                         n);

      gtk_label_set_text (self->clash_label, message);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->clash_revealer), n > 0);
  gtk_revealer_set_reveal_child (self->clash_revealer, n > 0);

  if (n == 0 && self->n_clashes > 0 && !opened)
    {
      g_autoptr(GFile) json = gloss_document_dup_annotation_file (self->document);
      g_autofree char *name = json ? g_file_get_basename (json) : g_strdup ("");
      g_autofree char *message = g_strdup_printf (_("Every clash is resolved, and the file is saved as always. "
                                                    "Add it to the merge with “git add %s”."),
                                                  name);

      _gloss_window_show_toast (self, message);
    }

  self->n_clashes = n;
}

void
_gloss_window_clashes_cleared (GlossWindow *self)
{
  self->n_clashes = 0;
  if (self->clash_dialog != NULL)
    gtk_window_destroy (self->clash_dialog);
  if (self->clash_revealer != NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->clash_revealer), FALSE);
      gtk_revealer_set_reveal_child (self->clash_revealer, FALSE);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.resolve-clashes", FALSE);
}

void
_gloss_window_class_init_clashes (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.resolve-clashes", NULL, resolve_clashes_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.resolve-clashes", NULL);
}
