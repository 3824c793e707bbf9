/* gloss-reanchor-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-document.h"
#include "gloss-label-set.h"
#include "gloss-problem.h"
#include "gloss-project.h"
#include "gloss-read.h"
#include "gloss-reanchor.h"
#include "gloss-reanchor-dialog.h"
#include "gloss-text.h"

/* The review before the annotations of a changed text are re-anchored:
 * every annotated sentence, kept, moved, changed (old and new text, how
 * similar) or not found (kept as an orphan), with the counts. The
 * re-anchoring runs in a thread; nothing is written here. "Apply" hands
 * the re-anchored document to whoever listens to ::apply. */

struct _GlossReanchorDialog
{
  AdwWindow      parent_instance;

  GCancellable  *cancellable;
  GFile         *text_file;
  char          *language;
  GlossDocument *document;
  GPtrArray     *anchors;

  GtkStack      *stack;
  GtkLabel      *summary_label;
  GtkListBox    *list;
  AdwStatusPage *failed_page;
};

G_DEFINE_FINAL_TYPE (GlossReanchorDialog, gloss_reanchor_dialog, ADW_TYPE_WINDOW)

enum {
  APPLY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  GFile         *text_file;
  char          *language;
  GBytes        *json;
  GlossDocument *document;
  GPtrArray     *anchors;
} ReanchorData;

static void
reanchor_data_free (ReanchorData *data)
{
  g_clear_object (&data->text_file);
  g_clear_pointer (&data->language, g_free);
  g_clear_pointer (&data->json, g_bytes_unref);
  g_clear_object (&data->document);
  g_clear_pointer (&data->anchors, g_ptr_array_unref);
  g_free (data);
}

static void
reanchor_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  ReanchorData *data = task_data;
  g_autoptr(GFile) json_file = gloss_document_dup_annotation_file_for (data->text_file);
  g_autoptr(GFile) dir = g_file_get_parent (data->text_file);
  g_autoptr(GlossText) text = NULL;
  g_autoptr(GlossLabelSet) labels = NULL;
  g_autoptr(GPtrArray) problems = gloss_problems_new ();
  g_autofree char *contents = NULL;
  GError *error = NULL;
  gsize length;

  if (data->json != NULL)
    contents = g_strndup (g_bytes_get_data (data->json, &length), g_bytes_get_size (data->json));
  else if (!gloss_read_file (json_file, 0, cancellable, &contents, &length, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  /* In the encoding the annotation file records for it */
  text = gloss_reanchor_load_text (data->text_file, contents, length, cancellable, &error);
  if (text == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  labels = gloss_project_load_labels_for (dir, problems, cancellable);
  data->document = gloss_reanchor (data->text_file, text, contents, length, data->language, labels,
                                   &data->anchors, &error);
  if (data->document == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static const char *
status_title (GlossAnchorStatus status)
{
  switch (status)
    {
    case GLOSS_ANCHOR_KEPT:
      return _("Kept");
    case GLOSS_ANCHOR_MOVED:
      return _("Moved");
    case GLOSS_ANCHOR_CHANGED:
      return _("Changed");
    case GLOSS_ANCHOR_LOST:
      return _("Not found");
    default:
      g_assert_not_reached ();
    }
}

static const char *
status_icon (GlossAnchorStatus status)
{
  switch (status)
    {
    case GLOSS_ANCHOR_KEPT:
      return "emblem-ok-symbolic";
    case GLOSS_ANCHOR_MOVED:
      return "mail-forward-symbolic";
    case GLOSS_ANCHOR_CHANGED:
      return "document-edit-symbolic";
    case GLOSS_ANCHOR_LOST:
      return "dialog-warning-symbolic";
    default:
      g_assert_not_reached ();
    }
}

static GtkWidget *
new_anchor_row (GlossAnchor *anchor)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (status_icon (anchor->status));
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *old_text = g_strstrip (g_strdup (anchor->old_text ? anchor->old_text : ""));
  g_autofree char *new_text = g_strstrip (g_strdup (anchor->new_text ? anchor->new_text : ""));

  switch (anchor->status)
    {
    case GLOSS_ANCHOR_KEPT:
      title = g_strdup (status_title (anchor->status));
      subtitle = g_strdup (old_text);
      break;

    case GLOSS_ANCHOR_MOVED:
      title = g_strdup_printf (_("%s · now characters %u–%u, were %u–%u"),
                               status_title (anchor->status),
                               anchor->new_start, anchor->new_end, anchor->old_start, anchor->old_end);
      subtitle = g_strdup (old_text);
      break;

    case GLOSS_ANCHOR_CHANGED:
      title = g_strdup_printf (_("%s · %.0f %% similar · its labels are marked to review"),
                               status_title (anchor->status), anchor->similarity * 100);
      subtitle = g_strdup_printf (_("Was: %s\nNow: %s"), old_text, new_text);
      break;

    case GLOSS_ANCHOR_LOST:
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%s · its %u annotation is kept in the file as an orphan",
                                            "%s · its %u annotations are kept in the file as orphans",
                                            anchor->n_annotations),
                               status_title (anchor->status), anchor->n_annotations);
      subtitle = g_strdup_printf (_("Was: %s"), old_text);
      break;

    default:
      g_assert_not_reached ();
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 6);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  if (anchor->status == GLOSS_ANCHOR_LOST)
    gtk_widget_add_css_class (row, "warning");
  g_object_set_data (G_OBJECT (row), "gloss-status", (gpointer)gloss_anchor_status_to_string (anchor->status));

  return row;
}

static void
on_reanchored_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GlossReanchorDialog *self;
  ReanchorData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  guint counts[GLOSS_ANCHOR_LOST + 1] = { 0 };

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *description = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      self = GLOSS_REANCHOR_DIALOG (object);
      description = g_strdup_printf (_("The annotations could not be re-anchored: %s"), error->message);
      adw_status_page_set_description (self->failed_page, description);
      gtk_stack_set_visible_child_name (self->stack, "failed");
      return;
    }

  self = GLOSS_REANCHOR_DIALOG (object);
  self->document = g_steal_pointer (&data->document);
  self->anchors = g_steal_pointer (&data->anchors);

  for (guint i = 0; i < self->anchors->len; i++)
    {
      GlossAnchor *anchor = g_ptr_array_index (self->anchors, i);

      counts[anchor->status]++;
      gtk_list_box_append (self->list, new_anchor_row (anchor));
    }

  summary = g_strdup_printf (_("%u kept, %u moved, %u changed (their labels are marked to review), "
                               "%u not found (kept in the file as orphans, with their old text). "
                               "Nothing is saved until you apply."),
                             counts[GLOSS_ANCHOR_KEPT], counts[GLOSS_ANCHOR_MOVED],
                             counts[GLOSS_ANCHOR_CHANGED], counts[GLOSS_ANCHOR_LOST]);
  gtk_label_set_text (self->summary_label, summary);
  gtk_stack_set_visible_child_name (self->stack, "list");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reanchor.apply", TRUE);
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  GlossReanchorDialog *self = GLOSS_REANCHOR_DIALOG (widget);

  if (self->document == NULL)
    return;

  /* Gone first: whoever applies may replace what the dialog belongs to */
  g_object_ref (self);
  gtk_window_destroy (GTK_WINDOW (self));
  g_signal_emit (self, signals[APPLY], 0, self->document);
  g_object_unref (self);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

static void
gloss_reanchor_dialog_dispose (GObject *object)
{
  GlossReanchorDialog *self = (GlossReanchorDialog *)object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_REANCHOR_DIALOG);

  G_OBJECT_CLASS (gloss_reanchor_dialog_parent_class)->dispose (object);
}

static void
gloss_reanchor_dialog_finalize (GObject *object)
{
  GlossReanchorDialog *self = (GlossReanchorDialog *)object;

  g_clear_object (&self->cancellable);
  g_clear_object (&self->text_file);
  g_clear_pointer (&self->language, g_free);
  g_clear_object (&self->document);
  g_clear_pointer (&self->anchors, g_ptr_array_unref);

  G_OBJECT_CLASS (gloss_reanchor_dialog_parent_class)->finalize (object);
}

static void
gloss_reanchor_dialog_class_init (GlossReanchorDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_reanchor_dialog_dispose;
  object_class->finalize = gloss_reanchor_dialog_finalize;

  /**
   * GlossReanchorDialog::apply:
   * @document: the re-anchored document, not yet saved
   */
  signals[APPLY] =
    g_signal_new ("apply",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, GLOSS_TYPE_DOCUMENT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/gloss-reanchor-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossReanchorDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, GlossReanchorDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, GlossReanchorDialog, list);
  gtk_widget_class_bind_template_child (widget_class, GlossReanchorDialog, failed_page);

  gtk_widget_class_install_action (widget_class, "reanchor.apply", NULL, apply_action);
  gtk_widget_class_install_action (widget_class, "reanchor.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "reanchor.cancel", NULL);
}

static void
gloss_reanchor_dialog_init (GlossReanchorDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reanchor.apply", FALSE);
}

/**
 * gloss_reanchor_dialog_new:
 * @text_file: the changed text
 * @json: (nullable): the annotations as they were for the old text, or
 *   %NULL for the `.gloss.json` beside @text_file
 *
 * Returns: (transfer none): a modal dialog that starts re-anchoring at once
 */
GlossReanchorDialog *
gloss_reanchor_dialog_new (GtkWindow  *parent,
                           GFile      *text_file,
                           GBytes     *json,
                           const char *language)
{
  GlossReanchorDialog *self;
  g_autoptr(GTask) task = NULL;
  ReanchorData *data;

  g_return_val_if_fail (G_IS_FILE (text_file), NULL);

  self = g_object_new (GLOSS_TYPE_REANCHOR_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->text_file = g_object_ref (text_file);
  self->language = g_strdup (language);

  data = g_new0 (ReanchorData, 1);
  data->text_file = g_object_ref (text_file);
  data->language = g_strdup (language);
  data->json = json ? g_bytes_ref (json) : NULL;
  task = g_task_new (self, self->cancellable, on_reanchored_cb, NULL);
  g_task_set_source_tag (task, gloss_reanchor_dialog_new);
  g_task_set_task_data (task, data, (GDestroyNotify)reanchor_data_free);
  g_task_run_in_thread (task, reanchor_thread);

  return self;
}

gboolean
gloss_reanchor_dialog_get_ready (GlossReanchorDialog *self)
{
  g_return_val_if_fail (GLOSS_IS_REANCHOR_DIALOG (self), FALSE);

  return self->document != NULL;
}

/**
 * gloss_reanchor_dialog_get_document:
 *
 * Returns: (transfer none) (nullable): the re-anchored document, once ready
 */
GlossDocument *
gloss_reanchor_dialog_get_document (GlossReanchorDialog *self)
{
  g_return_val_if_fail (GLOSS_IS_REANCHOR_DIALOG (self), NULL);

  return self->document;
}

/**
 * gloss_reanchor_dialog_get_anchors:
 *
 * Returns: (transfer none) (nullable) (element-type GlossAnchor): what
 *   became of each annotated sentence, once ready
 */
GPtrArray *
gloss_reanchor_dialog_get_anchors (GlossReanchorDialog *self)
{
  g_return_val_if_fail (GLOSS_IS_REANCHOR_DIALOG (self), NULL);

  return self->anchors;
}

const char *
gloss_reanchor_dialog_get_summary (GlossReanchorDialog *self)
{
  g_return_val_if_fail (GLOSS_IS_REANCHOR_DIALOG (self), NULL);

  return gtk_label_get_text (self->summary_label);
}

GtkListBox *
gloss_reanchor_dialog_get_list (GlossReanchorDialog *self)
{
  g_return_val_if_fail (GLOSS_IS_REANCHOR_DIALOG (self), NULL);

  return self->list;
}
