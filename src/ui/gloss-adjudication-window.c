/* gloss-adjudication-window.c
 *
 * The window in which disagreements between annotators are adjudicated
 * into a gold copy: first the annotators' folders (or, when the folder
 * open in Gloss is in a git repository, their branches), the gold folder
 * and the documents where they disagree; then one document, merged, with the
 * disagreements highlighted in the article (sentences by background, span
 * units by underline) and beside it each annotator's labels of the
 * current sentence, or each annotator's version of the current span unit
 * side by side. Every decision is autosaved to the gold copy.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-adjudication-window.h"
#include "gloss-display-text.h"
#include "gloss-agreement.h"
#include "gloss-annotation.h"
#include "gloss-application.h"
#include "gloss-dialog-util.h"
#include "gloss-document.h"
#include "gloss-git.h"
#include "gloss-label.h"
#include "gloss-label-set.h"
#include "gloss-relation.h"
#include "gloss-sentence.h"
#include "gloss-span.h"
#include "gloss-text.h"

struct _GlossAdjudicationWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  GtkButton            *back_button;
  GtkButton            *undo_button;
  AdwWindowTitle       *window_title;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  GtkListBox           *annotators_list;
  AdwPreferencesGroup  *branches_group;
  GtkListBox           *branches_list;
  AdwActionRow         *gold_row;
  GtkStack             *documents_stack;
  GtkLabel             *documents_status;
  GtkListBox           *documents_list;
  GtkTextView          *article;
  GtkLabel             *progress_label;
  GtkProgressBar       *progress_bar;
  GtkLabel             *position_label;
  GtkLabel             *sentence_label;
  AdwPreferencesGroup  *versions_group;
  GtkGrid              *versions_grid;
  AdwPreferencesGroup  *annotators_group;
  GtkListBox           *labels_list;
  AdwPreferencesGroup  *gold_group;
  GtkLabel             *decision_label;
  GtkLabel             *reject_label;
  GtkFlowBox           *label_buttons;

  GCancellable         *cancellable;
  GCancellable         *scan_cancellable;
  GPtrArray            *roots;          /* GFile */
  GlossGit             *git;            /* the repository of the folder open in Gloss */
  GFile                *repository_folder; /* that folder */
  GStrv                 branches;       /* its local branches */
  GPtrArray            *revisions;      /* char *: the branches checked, in the order checked */
  GFile                *gold_root;
  GPtrArray            *entries;        /* GlossAdjudicationEntry */
  GlossAdjudication    *adjudication;
  GlossSaver           *saver;
  GtkTextTag           *open_tag;
  GtkTextTag           *decided_tag;
  GtkTextTag           *unit_decided_tag;
  GtkTextTag           *unit_open_tag;
  GtkTextTag           *current_tag;
  GtkTextMark          *current_mark;
  int                   current;
  gboolean              close_after_save;
};

G_DEFINE_FINAL_TYPE (GlossAdjudicationWindow, gloss_adjudication_window, ADW_TYPE_APPLICATION_WINDOW)

static const char * const document_actions[] = {
  "win.next", "win.previous", "win.accept", "win.reject", "win.toggle-label", "win.show-documents",
};

static void
show_error (GlossAdjudicationWindow *self,
            const char              *message)
{
  AdwToast *toast = gloss_dialog_util_new_toast (message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* --- The folders and the documents --------------------------------------- */

/* The annotators' copies come from branches once one is checked */
static gboolean
use_revisions (GlossAdjudicationWindow *self)
{
  return self->revisions->len > 0;
}

static guint
count_copies (GlossAdjudicationWindow *self)
{
  return use_revisions (self) ? self->revisions->len : self->roots->len;
}

static gboolean
is_checked (GlossAdjudicationWindow *self,
            const char              *branch,
            guint                   *position)
{
  for (guint i = 0; i < self->revisions->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->revisions, i), branch) == 0)
      {
        if (position != NULL)
          *position = i;
        return TRUE;
      }

  return FALSE;
}

/* A check button per local branch, when the folder is in a repository */
static void
update_branches (GlossAdjudicationWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->branches_list))) != NULL)
    gtk_list_box_remove (self->branches_list, child);

  for (guint i = 0; self->branches != NULL && self->branches[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), self->branches[i]);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), is_checked (self, self->branches[i], NULL));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, self->branches[i], -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (check), "win.toggle-branch");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (check), g_variant_new_string (self->branches[i]));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_list_box_append (self->branches_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->branches_group), self->branches != NULL && self->branches[0] != NULL);
}

static void
update_folders (GlossAdjudicationWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->annotators_list))) != NULL)
    gtk_list_box_remove (self->annotators_list, child);

  for (guint a = 0; a < self->roots->len; a++)
    {
      GFile *root = g_ptr_array_index (self->roots, a);
      g_autofree char *name = gloss_dialog_util_dup_display_basename (root);
      g_autofree char *path = gloss_dialog_util_dup_display_name (root);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
      g_autofree char *tooltip = g_strdup_printf (_("Remove %s"), name);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), path);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "win.remove-annotator");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (remove), g_variant_new_uint32 (a));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_append (self->annotators_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->annotators_list), self->roots->len > 0);

  update_branches (self);

  if (self->gold_root != NULL)
    {
      g_autofree char *path = gloss_dialog_util_dup_display_name (self->gold_root);

      adw_action_row_set_subtitle (self->gold_row, path);
    }
  else
    adw_action_row_set_subtitle (self->gold_row, _("Not chosen yet"));
}

static void
show_entries (GlossAdjudicationWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->documents_list))) != NULL)
    gtk_list_box_remove (self->documents_list, child);

  for (guint i = 0; self->entries != NULL && i < self->entries->len; i++)
    {
      GlossAdjudicationEntry *entry = g_ptr_array_index (self->entries, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = NULL;

      if (entry->problem != NULL)
        subtitle = g_strdup (entry->problem);
      else if (entry->n_disagreements == 0)
        subtitle = g_strdup (_("The annotators agree everywhere"));
      else
        /* Translators: the progress of adjudicating one document */
        subtitle = g_strdup_printf (ngettext ("%u of %u disagreement decided",
                                              "%u of %u disagreements decided",
                                              entry->n_disagreements),
                                    entry->n_decided, entry->n_disagreements);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), entry->id);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (entry->problem != NULL)
        gtk_widget_set_sensitive (row, FALSE);
      else
        {
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-document");
          gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), g_variant_new_string (entry->id));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
        }
      gtk_list_box_append (self->documents_list, row);
    }

  if (self->entries != NULL && self->entries->len > 0)
    gtk_stack_set_visible_child_name (self->documents_stack, "list");
  else
    {
      if (self->entries != NULL && use_revisions (self))
        gtk_label_set_label (self->documents_status, _("The branches hold no texts in this folder."));
      else if (self->entries != NULL)
        gtk_label_set_label (self->documents_status, _("The folders hold no texts."));
      else if (self->branches != NULL && self->branches[0] != NULL)
        gtk_label_set_label (self->documents_status,
                             _("Add two or more annotators’ folders, or check two or more branches, and choose a "
                               "gold folder to see where they disagree."));
      else
        gtk_label_set_label (self->documents_status,
                             _("Add two or more annotators’ folders and choose a gold folder to see where they disagree."));
      gtk_stack_set_visible_child_name (self->documents_stack, "empty");
    }
}

static void
find_documents_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GlossAdjudicationWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = gloss_adjudication_find_documents_finish (result, &error);

  if (entries == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error->message);
      return;
    }

  g_clear_pointer (&self->entries, g_ptr_array_unref);
  self->entries = g_steal_pointer (&entries);
  show_entries (self);
}

static gboolean
folders_overlap (GFile *a,
                 GFile *b)
{
  return g_file_equal (a, b) || g_file_has_prefix (a, b) || g_file_has_prefix (b, a);
}

static void
scan (GlossAdjudicationWindow *self)
{
  update_folders (self);

  g_cancellable_cancel (self->scan_cancellable);
  g_clear_object (&self->scan_cancellable);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  show_entries (self);

  if (count_copies (self) < 2 || self->gold_root == NULL)
    return;

  if (use_revisions (self))
    {
      /* The work tree holds the checked-out branch's files: the gold
       * goes elsewhere */
      if (folders_overlap (self->repository_folder, self->gold_root))
        {
          gtk_label_set_label (self->documents_status,
                               _("The gold folder must be apart from the folder open in Gloss, so that the files "
                                 "of the branch checked out stay as they are."));
          return;
        }

      g_ptr_array_add (self->revisions, NULL);
      gtk_label_set_label (self->documents_status, _("Looking for disagreements…"));
      self->scan_cancellable = g_cancellable_new ();
      gloss_adjudication_find_documents_for_revisions_async (self->git, (const char * const *)self->revisions->pdata,
                                                             NULL, self->gold_root, self->scan_cancellable,
                                                             find_documents_cb, g_object_ref (self));
      g_ptr_array_remove_index (self->revisions, self->revisions->len - 1);
      return;
    }

  for (guint a = 0; a < self->roots->len; a++)
    if (folders_overlap (g_ptr_array_index (self->roots, a), self->gold_root))
      {
        gtk_label_set_label (self->documents_status,
                             _("The gold folder must be apart from the annotators’ folders, so that their files stay as they are."));
        return;
      }

  gtk_label_set_label (self->documents_status, _("Looking for disagreements…"));
  self->scan_cancellable = g_cancellable_new ();
  gloss_adjudication_find_documents_async (self->roots, self->gold_root, self->scan_cancellable,
                                           find_documents_cb, g_object_ref (self));
}

/**
 * gloss_adjudication_window_set_folders:
 * @roots: (element-type GFile): the annotators' folders
 * @gold_root: (nullable): the gold folder
 *
 * Chooses the folders, as the file choosers do, and lists the documents.
 */
void
gloss_adjudication_window_set_folders (GlossAdjudicationWindow *self,
                                       GPtrArray               *roots,
                                       GFile                   *gold_root)
{
  g_return_if_fail (GLOSS_IS_ADJUDICATION_WINDOW (self));
  g_return_if_fail (roots != NULL);

  g_ptr_array_set_size (self->roots, 0);
  g_ptr_array_set_size (self->revisions, 0);
  for (guint a = 0; a < roots->len && a < GLOSS_AGREEMENT_MAX_ANNOTATORS; a++)
    g_ptr_array_add (self->roots, g_object_ref (g_ptr_array_index (roots, a)));
  g_set_object (&self->gold_root, gold_root);
  scan (self);
}

static void
add_annotators_response_cb (GtkNativeDialog *dialog,
                            int              response,
                            gpointer         user_data)
{
  GlossAdjudicationWindow *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          gboolean known = FALSE;

          for (guint a = 0; a < self->roots->len && !known; a++)
            known = g_file_equal (file, g_ptr_array_index (self->roots, a));
          if (!known && self->roots->len < GLOSS_AGREEMENT_MAX_ANNOTATORS)
            g_ptr_array_add (self->roots, g_steal_pointer (&file));
        }
      /* Folders or branches, not both */
      g_ptr_array_set_size (self->revisions, 0);
      scan (self);
    }

  g_object_unref (dialog);
}

static void
add_annotators_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  GlossAdjudicationWindow *self = GLOSS_ADJUDICATION_WINDOW (widget);
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Annotators’ Folders"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Add"), NULL);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (native), TRUE);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect (native, "response", G_CALLBACK (add_annotators_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
remove_annotator_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  GlossAdjudicationWindow *self = GLOSS_ADJUDICATION_WINDOW (widget);
  guint annotator = g_variant_get_uint32 (param);

  if (annotator >= self->roots->len)
    return;

  g_ptr_array_remove_index (self->roots, annotator);
  scan (self);
}

static void
toggle_branch_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  GlossAdjudicationWindow *self = GLOSS_ADJUDICATION_WINDOW (widget);
  const char *branch = g_variant_get_string (param, NULL);
  guint position;

  if (is_checked (self, branch, &position))
    g_ptr_array_remove_index (self->revisions, position);
  else if (self->revisions->len < GLOSS_AGREEMENT_MAX_ANNOTATORS)
    g_ptr_array_add (self->revisions, g_strdup (branch));

  /* Branches or folders, not both */
  if (use_revisions (self))
    g_ptr_array_set_size (self->roots, 0);
  scan (self);
}

typedef struct
{
  GlossGit *git;
  GStrv     branches;
} Repository;

static void
repository_free (Repository *repository)
{
  g_clear_object (&repository->git);
  g_strfreev (repository->branches);
  g_free (repository);
}

static void
open_repository_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  Repository *repository = g_new0 (Repository, 1);
  GError *error = NULL;

  repository->git = gloss_git_open (task_data, cancellable, &error);
  if (repository->git != NULL)
    repository->branches = gloss_git_list_branches (repository->git, cancellable, &error);
  if (repository->branches == NULL)
    {
      repository_free (repository);
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, repository, (GDestroyNotify)repository_free);
}

static void
on_repository_opened_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  GlossAdjudicationWindow *self = GLOSS_ADJUDICATION_WINDOW (object);
  g_autoptr(GError) error = NULL;
  Repository *repository = g_task_propagate_pointer (G_TASK (result), &error);

  /* Not in a repository, or no git: the folders alone, as always */
  if (repository == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No branches to adjudicate: %s", error->message);
      return;
    }

  g_set_object (&self->git, repository->git);
  g_clear_pointer (&self->branches, g_strfreev);
  self->branches = g_steal_pointer (&repository->branches);
  repository_free (repository);
  update_folders (self);
  show_entries (self);
}

/**
 * gloss_adjudication_window_set_repository:
 * @folder: the folder open in Gloss
 *
 * When @folder is in a git work tree, offers its local branches as the
 * annotators' copies (read from git without checking them out; the
 * documents are the texts below @folder at each branch).
 */
void
gloss_adjudication_window_set_repository (GlossAdjudicationWindow *self,
                                          GFile                   *folder)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GLOSS_IS_ADJUDICATION_WINDOW (self));
  g_return_if_fail (G_IS_FILE (folder));

  g_set_object (&self->repository_folder, folder);
  task = g_task_new (self, self->cancellable, on_repository_opened_cb, NULL);
  g_task_set_source_tag (task, gloss_adjudication_window_set_repository);
  g_task_set_task_data (task, g_object_ref (folder), g_object_unref);
  g_task_run_in_thread (task, open_repository_thread);
}

/**
 * gloss_adjudication_window_get_branches:
 *
 * Returns: (transfer none) (nullable): the branches offered, or %NULL
 *   while there are none
 */
const char * const *
gloss_adjudication_window_get_branches (GlossAdjudicationWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_ADJUDICATION_WINDOW (self), NULL);

  return (const char * const *)self->branches;
}

/**
 * gloss_adjudication_window_set_gold:
 * @gold_root: (nullable): the gold folder
 *
 * Chooses the gold folder, as its file chooser does.
 */
void
gloss_adjudication_window_set_gold (GlossAdjudicationWindow *self,
                                    GFile                   *gold_root)
{
  g_return_if_fail (GLOSS_IS_ADJUDICATION_WINDOW (self));

  g_set_object (&self->gold_root, gold_root);
  scan (self);
}

static void
choose_gold_response_cb (GtkNativeDialog *dialog,
                         int              response,
                         gpointer         user_data)
{
  GlossAdjudicationWindow *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      g_set_object (&self->gold_root, file);
      scan (self);
    }

  g_object_unref (dialog);
}

static void
choose_gold_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  GlossAdjudicationWindow *self = GLOSS_ADJUDICATION_WINDOW (widget);
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Gold Folder"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Choose"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect (native, "response", G_CALLBACK (choose_gold_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* --- One document -------------------------------------------------------- */

static void
get_iters (GlossAdjudicationWindow *self,
           guint                    disagreement,
           GtkTextIter             *start,
           GtkTextIter             *end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->article);
  guint from, to;

  gloss_adjudication_get_range (self->adjudication, disagreement, &from, &to);
  gtk_text_buffer_get_iter_at_offset (buffer, start, from);
  gtk_text_buffer_get_iter_at_offset (buffer, end, to);
}

/* Span units may overlap (an entity in a quote): the units in the range
 * of one are tagged again, each as it is; an open one wins over a decided
 * one, its tag being made later */
static void
tag_units_in (GlossAdjudicationWindow *self,
              guint                    from,
              guint                    to)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->article);
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_offset (buffer, &start, from);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, to);
  gtk_text_buffer_remove_tag (buffer, self->unit_open_tag, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->unit_decided_tag, &start, &end);

  for (guint k = 0; k < gloss_adjudication_get_n_disagreements (self->adjudication); k++)
    {
      guint unit_start, unit_end;

      if (gloss_adjudication_get_kind (self->adjudication, k) != GLOSS_ADJUDICATION_SPANS)
        continue;

      gloss_adjudication_get_range (self->adjudication, k, &unit_start, &unit_end);
      if (unit_end <= from || unit_start >= to)
        continue;

      get_iters (self, k, &start, &end);
      gtk_text_buffer_apply_tag (buffer,
                                 gloss_adjudication_get_decided (self->adjudication, k) ? self->unit_decided_tag
                                                                                        : self->unit_open_tag,
                                 &start, &end);
    }
}

static void
tag_disagreement (GlossAdjudicationWindow *self,
                  guint                    disagreement)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->article);
  gboolean decided = gloss_adjudication_get_decided (self->adjudication, disagreement);
  GtkTextIter start, end;

  if (gloss_adjudication_get_kind (self->adjudication, disagreement) == GLOSS_ADJUDICATION_SPANS)
    {
      guint from, to;

      gloss_adjudication_get_range (self->adjudication, disagreement, &from, &to);
      tag_units_in (self, from, to);
      return;
    }

  get_iters (self, disagreement, &start, &end);
  gtk_text_buffer_remove_tag (buffer, decided ? self->open_tag : self->decided_tag, &start, &end);
  gtk_text_buffer_apply_tag (buffer, decided ? self->decided_tag : self->open_tag, &start, &end);
}

static char *
dup_label_names (GlossAdjudicationWindow *self,
                 const char * const      *labels)
{
  GlossLabelSet *set = gloss_document_get_labels (gloss_adjudication_get_gold (self->adjudication));
  g_autoptr(GString) out = g_string_new (NULL);

  if (labels[0] == NULL)
    return g_strdup (_("No labels"));

  for (guint l = 0; labels[l] != NULL; l++)
    {
      GlossLabel *label = gloss_label_set_lookup (set, labels[l]);

      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append (out, label ? gloss_label_get_name (label) : labels[l]);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
update_progress (GlossAdjudicationWindow *self)
{
  guint n = gloss_adjudication_get_n_disagreements (self->adjudication);
  guint decided = gloss_adjudication_get_n_decided (self->adjudication);
  g_autofree char *text = NULL;

  if (n == 0)
    text = g_strdup (_("The annotators agree everywhere"));
  else
    /* Translators: "3 of 12 decided": disagreements */
    text = g_strdup_printf (_("%u of %u decided"), decided, n);

  gtk_label_set_label (self->progress_label, text);
  gtk_progress_bar_set_fraction (self->progress_bar, n > 0 ? (double)decided / n : 1.0);
}

static void
clear_sidebar (GlossAdjudicationWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->labels_list))) != NULL)
    gtk_list_box_remove (self->labels_list, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->label_buttons))) != NULL)
    gtk_flow_box_remove (self->label_buttons, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->versions_grid))) != NULL)
    gtk_grid_remove (self->versions_grid, child);
}

static GtkWidget *
new_key_label (guint shown)
{
  g_autofree char *key = g_strdup_printf ("%u", shown + 1);
  GtkWidget *label = gtk_label_new (key);

  gtk_widget_add_css_class (label, "gloss-key");
  gtk_widget_add_css_class (label, "dim-label");

  return label;
}

static GtkWidget *
new_accepted_check (void)
{
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Accepted"), -1);

  return check;
}

static void
set_reject_label (GlossAdjudicationWindow *self,
                  const char              *mnemonic)
{
  g_autofree char *escaped = g_markup_escape_text (mnemonic, -1);
  g_autofree char *markup = g_strdup_printf ("%s  <span alpha=\"55%%\">0</span>", escaped);

  gtk_label_set_markup_with_mnemonic (self->reject_label, markup);
}

static void
update_sentence (GlossAdjudicationWindow *self)
{
  GlossDocument *gold = gloss_adjudication_get_gold (self->adjudication);
  GlossLabelSet *set = gloss_document_get_labels (gold);
  g_autofree char *decision_text = NULL;
  GlossSentence *sentence;
  guint position;
  int accepted;

  position = gloss_adjudication_get_sentence (self->adjudication, self->current);
  sentence = gloss_document_get_sentence (gold, position);

  accepted = gloss_adjudication_get_accepted (self->adjudication, self->current);
  for (guint a = 0, shown = 0; a < gloss_adjudication_get_n_annotators (self->adjudication); a++)
    {
      const char * const *labels = gloss_adjudication_get_labels (self->adjudication, position, a);
      GtkWidget *row;
      g_autofree char *names = NULL;

      if (gloss_adjudication_get_copy (self->adjudication, a) == NULL)
        continue;

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gloss_adjudication_get_annotator (self->adjudication, a));
      names = labels ? dup_label_names (self, labels) : g_strdup (_("Split this text into other sentences"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), names);

      /* The keys count the annotators shown */
      if (shown < GLOSS_ADJUDICATION_MAX_KEYED)
        adw_action_row_add_prefix (ADW_ACTION_ROW (row), new_key_label (shown));

      if (labels != NULL)
        {
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.accept");
          gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), g_variant_new_uint32 (shown));
        }
      else
        gtk_widget_add_css_class (row, "dim-label");
      shown++;

      if (accepted == (int)a)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), new_accepted_check ());
      gtk_list_box_append (self->labels_list, row);
    }

  if (!gloss_adjudication_get_decided (self->adjudication, self->current))
    decision_text = g_strdup (_("Not decided yet"));
  else if (accepted >= 0)
    decision_text = g_strdup_printf (_("%s’s labels accepted"), gloss_adjudication_get_annotator (self->adjudication, accepted));
  else
    decision_text = g_strdup (_("Set by hand"));
  gtk_label_set_label (self->decision_label, decision_text);
  adw_preferences_group_set_description (self->gold_group, _("Or set the labels by hand with their keys"));
  set_reject_label (self, _("_No Labels"));

  for (guint l = 0; l < gloss_label_set_get_n_labels (set); l++)
    {
      GlossLabel *label = gloss_label_set_get_label (set, l);
      const char *key = gloss_label_get_key (label);
      g_autofree char *markup = NULL;
      GtkWidget *button;
      GtkWidget *button_label;

      /* Span labels are decided in units, not on sentences */
      if (gloss_label_get_scope (label) != GLOSS_LABEL_SCOPE_SENTENCE)
        continue;

      markup = key && *key ? g_markup_printf_escaped ("%s  <span alpha=\"55%%\">%s</span>", gloss_label_get_name (label), key)
                           : g_markup_escape_text (gloss_label_get_name (label), -1);
      button = gtk_toggle_button_new ();
      button_label = gtk_label_new (NULL);
      gtk_label_set_markup (GTK_LABEL (button_label), markup);
      gtk_button_set_child (GTK_BUTTON (button), button_label);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), gloss_sentence_has_label (sentence, gloss_label_get_id (label)));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, gloss_label_get_name (label), -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.toggle-label");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_string (gloss_label_get_id (label)));
      gtk_flow_box_append (self->label_buttons, button);
    }
}

/* One line of the versions side by side: per annotator shown, what it
 * shows and what it is compared by */
typedef struct
{
  char      *name;
  GPtrArray *texts;
  GPtrArray *keys;
  GPtrArray *places;   /* the offsets, shown where texts alike differ */
} VersionRow;

static void
version_row_free (VersionRow *row)
{
  g_free (row->name);
  g_ptr_array_unref (row->texts);
  g_ptr_array_unref (row->keys);
  g_ptr_array_unref (row->places);
  g_free (row);
}

static VersionRow *
version_row_new (const char *name)
{
  VersionRow *row = g_new0 (VersionRow, 1);

  row->name = g_strdup (name);
  row->texts = g_ptr_array_new_with_free_func (g_free);
  row->keys = g_ptr_array_new_with_free_func (g_free);
  row->places = g_ptr_array_new_with_free_func (g_free);

  return row;
}

static void
version_row_add (VersionRow *row,
                 char       *text,
                 char       *key,
                 char       *place)
{
  g_ptr_array_add (row->texts, text);
  g_ptr_array_add (row->keys, key);
  g_ptr_array_add (row->places, place);
}

/* "115–142" and "quote 115-142 type=direct" */
static void
append_span (GString   *place,
             GString   *key,
             GlossSpan *span)
{
  for (guint i = 0; i < gloss_span_get_n_parts (span); i++)
    {
      GlossRange part = gloss_span_get_part (span, i);

      g_string_append_printf (place, "%s%u–%u", i > 0 ? ", " : "", part.start, part.end);
      g_string_append_printf (key, " %u-%u", part.start, part.end);
    }
  for (guint i = 0; i < gloss_span_get_n_attributes (span); i++)
    g_string_append_printf (key, " %s=%s", gloss_span_get_attribute_name (span, i), gloss_span_get_attribute_value (span, i));
}

static gboolean
all_equal (GPtrArray *strings)
{
  for (guint i = 1; i < strings->len; i++)
    if (g_strcmp0 (g_ptr_array_index (strings, i), g_ptr_array_index (strings, 0)) != 0)
      return FALSE;

  return TRUE;
}

/* The lines of the versions: the span, its attributes, its relations */
static GPtrArray *
dup_version_rows (GlossAdjudicationWindow *self,
                  GArray                  *shown)
{
  GlossAdjudication *adjudication = self->adjudication;
  GlossLabelSet *set = gloss_document_get_labels (gloss_adjudication_get_gold (adjudication));
  GlossLabelSet *relation_labels = gloss_label_set_get_relation_labels (set);
  const char *label_id = gloss_adjudication_get_unit_label (adjudication, self->current);
  GlossLabel *label = gloss_label_set_lookup (set, label_id);
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify)version_row_free);
  VersionRow *row;

  row = version_row_new (label ? gloss_label_get_display_name (label) : label_id);
  for (guint j = 0; j < shown->len; j++)
    {
      GlossSpan *span = gloss_adjudication_get_unit_span (adjudication, self->current, g_array_index (shown, guint, j));
      GString *place = g_string_new (NULL);
      GString *key = g_string_new (NULL);

      if (span != NULL)
        append_span (place, key, span);
      version_row_add (row, span ? gloss_span_dup_text (span, " … ") : g_strdup (_("None")),
                       g_string_free (key, FALSE), g_string_free (place, FALSE));
    }
  g_ptr_array_add (rows, row);

  for (guint i = 0; label != NULL && i < gloss_label_get_n_attributes (label); i++)
    {
      const char *name = gloss_label_get_attribute_name (label, i);

      row = version_row_new (gloss_label_get_attribute_display (label, name));
      for (guint j = 0; j < shown->len; j++)
        {
          GlossSpan *span = gloss_adjudication_get_unit_span (adjudication, self->current, g_array_index (shown, guint, j));
          const char *value = span ? gloss_span_get_attribute (span, name) : NULL;

          version_row_add (row, g_strdup (value ? gloss_label_get_attribute_display (label, value) : "—"),
                           g_strdup (value ? value : ""), g_strdup (""));
        }
      g_ptr_array_add (rows, row);
    }

  for (guint l = 0; l < gloss_label_set_get_n_labels (relation_labels); l++)
    {
      GlossLabel *relation_label = gloss_label_set_get_label (relation_labels, l);
      gboolean any = FALSE;

      if (!g_strv_contains (gloss_label_get_from (relation_label), label_id))
        continue;

      row = version_row_new (gloss_label_get_display_name (relation_label));
      for (guint j = 0; j < shown->len; j++)
        {
          guint a = g_array_index (shown, guint, j);
          GlossDocument *copy = gloss_adjudication_get_copy (adjudication, a);
          GPtrArray *relations = gloss_adjudication_get_unit_relations (adjudication, self->current, a);
          GString *text = g_string_new (NULL);
          GString *key = g_string_new (NULL);
          GString *place = g_string_new (NULL);

          for (guint r = 0; r < relations->len; r++)
            {
              GlossRelation *relation = g_ptr_array_index (relations, r);
              GlossSpan *target = gloss_document_lookup_span (copy, gloss_relation_get_to (relation));
              g_autofree char *target_text = NULL;

              if (target == NULL || g_strcmp0 (gloss_relation_get_label (relation), gloss_label_get_id (relation_label)) != 0)
                continue;

              target_text = gloss_span_dup_text (target, " … ");
              g_string_append_printf (text, "%s%s", text->len > 0 ? "; " : "", target_text);
              if (place->len > 0)
                g_string_append (place, "; ");
              g_string_append_printf (key, "|%s", gloss_span_get_label (target));
              append_span (place, key, target);
              any = TRUE;
            }
          if (text->len == 0)
            g_string_append (text, "—");
          version_row_add (row, g_string_free (text, FALSE), g_string_free (key, FALSE), g_string_free (place, FALSE));
        }

      if (any)
        g_ptr_array_add (rows, row);
      else
        version_row_free (row);
    }

  return rows;
}

static GtkWidget *
new_cell (const char *text,
          gboolean    differs)
{
  GtkWidget *cell = gtk_label_new (NULL);
  g_autofree char *markup = differs ? g_markup_printf_escaped ("<b>%s</b>", text) : g_markup_escape_text (text, -1);

  gtk_label_set_markup (GTK_LABEL (cell), markup);
  gtk_label_set_wrap (GTK_LABEL (cell), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (cell), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (cell), 24);
  gtk_label_set_xalign (GTK_LABEL (cell), 0);
  gtk_widget_set_valign (cell, GTK_ALIGN_START);

  return cell;
}

static void
update_unit (GlossAdjudicationWindow *self)
{
  GlossAdjudication *adjudication = self->adjudication;
  int accepted = gloss_adjudication_get_accepted (adjudication, self->current);
  g_autoptr(GArray) shown = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *decision_text = NULL;

  for (guint a = 0; a < gloss_adjudication_get_n_annotators (adjudication); a++)
    if (gloss_adjudication_get_copy (adjudication, a) != NULL)
      g_array_append_val (shown, a);

  /* A heading per annotator, which accepts the version */
  for (guint j = 0; j < shown->len; j++)
    {
      guint a = g_array_index (shown, guint, j);
      const char *name = gloss_adjudication_get_annotator (adjudication, a);
      GtkWidget *button = gtk_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *name_label = gtk_label_new (name);
      g_autofree char *tooltip = NULL;

      if (j < GLOSS_ADJUDICATION_MAX_KEYED)
        {
          gtk_box_append (GTK_BOX (box), new_key_label (j));
          tooltip = g_strdup_printf (_("Accept %s’s version (%u)"), name, j + 1);
        }
      else
        tooltip = g_strdup_printf (_("Accept %s’s version"), name);
      gtk_label_set_ellipsize (GTK_LABEL (name_label), PANGO_ELLIPSIZE_END);
      gtk_box_append (GTK_BOX (box), name_label);
      if (accepted == (int)a)
        gtk_box_append (GTK_BOX (box), new_accepted_check ());
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.accept");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_uint32 (j));
      gtk_widget_set_hexpand (button, TRUE);
      gtk_grid_attach (self->versions_grid, button, j + 1, 0, 1, 1);
    }

  /* The versions line by line; a line that differs is marked ≠ and bold,
   * so that it is found without colour */
  rows = dup_version_rows (self, shown);
  for (guint i = 0; i < rows->len; i++)
    {
      VersionRow *row = g_ptr_array_index (rows, i);
      gboolean differs = !all_equal (row->keys);
      gboolean with_places = differs && all_equal (row->texts);
      g_autofree char *name = differs ? g_strdup_printf ("≠ %s", row->name) : g_strdup (row->name);
      GtkWidget *name_cell = new_cell (name, differs);

      if (!differs)
        gtk_widget_add_css_class (name_cell, "dim-label");
      else
        gtk_accessible_update_property (GTK_ACCESSIBLE (name_cell), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                        _("The versions differ"), -1);
      gtk_label_set_max_width_chars (GTK_LABEL (name_cell), 12);
      gtk_grid_attach (self->versions_grid, name_cell, 0, i + 1, 1, 1);

      for (guint j = 0; j < row->texts->len; j++)
        {
          const char *text = g_ptr_array_index (row->texts, j);
          const char *place = g_ptr_array_index (row->places, j);
          g_autofree char *shown_text = with_places && *place ? g_strdup_printf ("%s (%s)", text, place) : g_strdup (text);

          gtk_grid_attach (self->versions_grid, new_cell (shown_text, differs), j + 1, i + 1, 1, 1);
        }
    }

  if (!gloss_adjudication_get_decided (adjudication, self->current))
    decision_text = g_strdup (_("Not decided yet"));
  else if (gloss_adjudication_get_rejected (adjudication, self->current))
    decision_text = g_strdup (_("Rejected: the gold copy holds none of it"));
  else if (accepted >= 0)
    decision_text = g_strdup_printf (_("%s’s version accepted"), gloss_adjudication_get_annotator (adjudication, accepted));
  else
    decision_text = g_strdup (_("Decided"));
  gtk_label_set_label (self->decision_label, decision_text);
  adw_preferences_group_set_description (self->gold_group, _("Or reject every version"));
  set_reject_label (self, _("_Reject All"));
}

static void
update_sidebar (GlossAdjudicationWindow *self)
{
  GlossDocument *gold = gloss_adjudication_get_gold (self->adjudication);
  guint n = gloss_adjudication_get_n_disagreements (self->adjudication);
  gboolean unit;
  g_autofree char *position_text = NULL;
  g_autofree char *range_text = NULL;
  guint start, end;

  clear_sidebar (self);

  if (self->current < 0)
    {
      gtk_label_set_label (self->position_label, "");
      gtk_label_set_label (self->sentence_label, _("Every sentence and span is the same in every copy: the gold copy takes them as they are."));
      gtk_label_set_label (self->decision_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->versions_group), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->annotators_group), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->gold_group), FALSE);
      return;
    }

  unit = gloss_adjudication_get_kind (self->adjudication, self->current) == GLOSS_ADJUDICATION_SPANS;
  gtk_widget_set_visible (GTK_WIDGET (self->versions_group), unit);
  gtk_widget_set_visible (GTK_WIDGET (self->annotators_group), !unit);
  gtk_widget_set_visible (GTK_WIDGET (self->label_buttons), !unit);
  gtk_widget_set_visible (GTK_WIDGET (self->gold_group), TRUE);

  gloss_adjudication_get_range (self->adjudication, self->current, &start, &end);
  range_text = gloss_text_dup_slice (gloss_document_get_text (gold), start, end);
  gtk_label_set_label (self->sentence_label, range_text);

  if (unit)
    {
      GlossLabel *label = gloss_label_set_lookup (gloss_document_get_labels (gold),
                                                  gloss_adjudication_get_unit_label (self->adjudication, self->current));

      /* Translators: "Disagreement 3 of 12 · Quote": a span label */
      position_text = g_strdup_printf (_("Disagreement %d of %u · %s"), self->current + 1, n,
                                       label ? gloss_label_get_display_name (label) : "");
      gtk_label_set_label (self->position_label, position_text);
      update_unit (self);
    }
  else
    {
      position_text = g_strdup_printf (_("Disagreement %d of %u"), self->current + 1, n);
      gtk_label_set_label (self->position_label, position_text);
      update_sentence (self);
    }
}

/* Vertically only: gtk_text_view_scroll_to_mark() would also scroll the
 * wrapped text sideways by its margin */
static void
scroll_to_current (GlossAdjudicationWindow *self)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->article));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->article);
  double page = gtk_adjustment_get_page_size (adjustment);
  double value = gtk_adjustment_get_value (adjustment);
  GdkRectangle location;
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, self->current_mark);
  gtk_text_view_get_iter_location (self->article, &iter, &location);
  if (page > 0 && (location.y < value || location.y + location.height > value + page))
    gtk_adjustment_set_value (adjustment, location.y - page / 3);
}

static void
show_current (GlossAdjudicationWindow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->article);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->current_tag, &start, &end);

  if (self->current >= 0)
    {
      get_iters (self, self->current, &start, &end);
      gtk_text_buffer_apply_tag (buffer, self->current_tag, &start, &end);
      gtk_text_buffer_move_mark (buffer, self->current_mark, &start);
      scroll_to_current (self);
    }

  update_sidebar (self);
}

static void
on_adjudication_changed_cb (GlossAdjudication       *adjudication,
                            guint                    disagreement,
                            GlossAdjudicationWindow *self)
{
  tag_disagreement (self, disagreement);
  self->current = disagreement;
  update_progress (self);
  show_current (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", gloss_adjudication_get_can_undo (adjudication));
}

static void
on_saver_state_cb (GlossSaver              *saver,
                   GParamSpec              *pspec,
                   GlossAdjudicationWindow *self)
{
  if (gloss_saver_get_state (saver) == GLOSS_SAVER_ERROR)
    {
      const GError *error = gloss_saver_get_error (saver);
      g_autofree char *message = g_strdup_printf (_("The gold copy could not be saved: %s"),
                                                  error ? error->message : "");

      self->close_after_save = FALSE;
      show_error (self, message);
      return;
    }

  if (self->close_after_save && gloss_saver_get_state (saver) == GLOSS_SAVER_SAVED && !gloss_saver_get_dirty (saver))
    gtk_window_close (GTK_WINDOW (self));
}

static void
set_document_actions_enabled (GlossAdjudicationWindow *self,
                              gboolean                 enabled)
{
  for (guint i = 0; i < G_N_ELEMENTS (document_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), document_actions[i], enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 enabled && self->adjudication != NULL &&
                                 gloss_adjudication_get_can_undo (self->adjudication));
}

static void
on_draining_saver_cb (GlossSaver *saver,
                      GParamSpec *pspec,
                      gpointer    user_data)
{
  if (gloss_saver_get_dirty (saver) && gloss_saver_get_state (saver) != GLOSS_SAVER_ERROR)
    return;

  g_signal_handlers_disconnect_by_func (saver, on_draining_saver_cb, NULL);
  g_object_unref (saver);
}

static void
close_document (GlossAdjudicationWindow *self)
{
  if (self->saver != NULL)
    {
      GlossSaver *saver = g_steal_pointer (&self->saver);

      g_signal_handlers_disconnect_by_data (saver, self);
      gloss_saver_save_now (saver);

      /* A write already running takes the last decisions only after it:
       * the autosave lives on until they are on disk */
      if (gloss_saver_get_dirty (saver) && gloss_saver_get_state (saver) != GLOSS_SAVER_ERROR)
        {
          g_signal_connect (saver, "notify::dirty", G_CALLBACK (on_draining_saver_cb), NULL);
          g_signal_connect (saver, "notify::state", G_CALLBACK (on_draining_saver_cb), NULL);
        }
      else
        g_object_unref (saver);
    }
  if (self->adjudication != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->adjudication, self);
      g_clear_object (&self->adjudication);
    }
  self->current = -1;
}

static void
open_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GlossAdjudicationWindow) self = user_data;
  GlossAdjudication *adjudication = GLOSS_ADJUDICATION (source);
  g_autoptr(GError) error = NULL;
  GtkTextBuffer *buffer;
  GlossText *text;
  GtkTextIter start;

  if (!gloss_adjudication_open_finish (adjudication, result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error->message);
      if (self->adjudication == adjudication)
        g_clear_object (&self->adjudication);
      return;
    }

  if (self->adjudication != adjudication)
    return;

  self->saver = gloss_saver_new (gloss_adjudication_get_gold (adjudication));
  g_signal_connect (self->saver, "notify::state", G_CALLBACK (on_saver_state_cb), self);
  g_signal_connect (self->saver, "notify::dirty", G_CALLBACK (on_saver_state_cb), self);
  if (!gloss_adjudication_get_gold_exists (adjudication))
    gloss_saver_mark_dirty (self->saver);
  g_signal_connect (adjudication, "changed", G_CALLBACK (on_adjudication_changed_cb), self);

  buffer = gtk_text_view_get_buffer (self->article);
  text = gloss_document_get_text (gloss_adjudication_get_gold (adjudication));
  {
    gsize length;
    g_autofree char *shown = gloss_display_text_dup (text, gloss_document_get_language (gloss_adjudication_get_gold (adjudication)),
                                                     &length);

    if (shown != NULL)
      gtk_text_buffer_set_text (buffer, shown, length);
    else
      gtk_text_buffer_set_text (buffer, gloss_text_get_contents (text), gloss_text_get_n_bytes (text));
  }
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_move_mark (buffer, self->current_mark, &start);

  self->current = -1;
  for (guint k = 0; k < gloss_adjudication_get_n_disagreements (adjudication); k++)
    {
      /* A fresh buffer: each unit tagged once, not its neighbours again */
      if (gloss_adjudication_get_kind (adjudication, k) == GLOSS_ADJUDICATION_SPANS)
        {
          GtkTextIter unit_start, unit_end;

          get_iters (self, k, &unit_start, &unit_end);
          gtk_text_buffer_apply_tag (buffer,
                                     gloss_adjudication_get_decided (adjudication, k) ? self->unit_decided_tag
                                                                                      : self->unit_open_tag,
                                     &unit_start, &unit_end);
        }
      else
        tag_disagreement (self, k);
      if (self->current < 0 && !gloss_adjudication_get_decided (adjudication, k))
        self->current = k;
    }
  if (self->current < 0 && gloss_adjudication_get_n_disagreements (adjudication) > 0)
    self->current = 0;

  adw_window_title_set_subtitle (self->window_title, gloss_adjudication_get_id (adjudication));
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->undo_button), TRUE);
  gtk_stack_set_visible_child_name (self->stack, "document");
  set_document_actions_enabled (self, TRUE);
  update_progress (self);
  show_current (self);
}

static char *
dup_adjudicator (GlossAdjudicationWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  if (GLOSS_IS_APPLICATION (application))
    return gloss_application_dup_annotator (GLOSS_APPLICATION (application));

  return g_strdup (g_get_real_name ());
}

static void
open_document_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  GlossAdjudicationWindow *self = GLOSS_ADJUDICATION_WINDOW (widget);
  g_autofree char *adjudicator = dup_adjudicator (self);

  if (count_copies (self) < 2 || self->gold_root == NULL)
    return;

  close_document (self);
  if (use_revisions (self))
    {
      g_ptr_array_add (self->revisions, NULL);
      self->adjudication = gloss_adjudication_new_for_revisions (self->git,
                                                                 (const char * const *)self->revisions->pdata, NULL,
                                                                 self->gold_root, g_variant_get_string (param, NULL));
      g_ptr_array_remove_index (self->revisions, self->revisions->len - 1);
    }
  else
    self->adjudication = gloss_adjudication_new (self->roots, NULL, self->gold_root,
                                                 g_variant_get_string (param, NULL));
  gloss_adjudication_set_adjudicator (self->adjudication, adjudicator);
  gloss_adjudication_open_async (self->adjudication, self->cancellable, open_cb, g_object_ref (self));
}

static void
show_documents_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  GlossAdjudicationWindow *self = GLOSS_ADJUDICATION_WINDOW (widget);

  close_document (self);
  set_document_actions_enabled (self, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->undo_button), FALSE);
  adw_window_title_set_subtitle (self->window_title, NULL);
  gtk_stack_set_visible_child_name (self->stack, "documents");

  /* The counts of decisions have changed */
  scan (self);
}

static void
move (GlossAdjudicationWindow *self,
      int                      delta)
{
  int n;

  if (self->adjudication == NULL)
    return;

  n = gloss_adjudication_get_n_disagreements (self->adjudication);
  if (n == 0)
    return;

  self->current = CLAMP (self->current + delta, 0, n - 1);
  show_current (self);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  move (GLOSS_ADJUDICATION_WINDOW (widget), 1);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  move (GLOSS_ADJUDICATION_WINDOW (widget), -1);
}

static void
accept_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  GlossAdjudicationWindow *self = GLOSS_ADJUDICATION_WINDOW (widget);
  guint annotator = g_variant_get_uint32 (param);

  if (self->adjudication == NULL || self->current < 0 ||
      annotator >= gloss_adjudication_get_n_annotators (self->adjudication))
    return;

  /* Keys count the annotators who hold the document, as the list shows */
  for (guint a = 0, shown = 0; a < gloss_adjudication_get_n_annotators (self->adjudication); a++)
    {
      if (gloss_adjudication_get_copy (self->adjudication, a) == NULL)
        continue;
      if (shown++ == annotator)
        {
          gloss_adjudication_accept (self->adjudication, self->current, a);
          return;
        }
    }
}

static void
reject_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  GlossAdjudicationWindow *self = GLOSS_ADJUDICATION_WINDOW (widget);

  if (self->adjudication == NULL || self->current < 0)
    return;

  gloss_adjudication_reject (self->adjudication, self->current);
}

/* Whether the current disagreement is a sentence's and @label one of its
 * labels */
static gboolean
can_toggle (GlossAdjudicationWindow *self,
            const char              *label)
{
  GlossLabel *found;

  if (self->adjudication == NULL || self->current < 0 ||
      gloss_adjudication_get_kind (self->adjudication, self->current) != GLOSS_ADJUDICATION_SENTENCE)
    return FALSE;

  found = gloss_label_set_lookup (gloss_document_get_labels (gloss_adjudication_get_gold (self->adjudication)), label);

  return found != NULL && gloss_label_get_scope (found) == GLOSS_LABEL_SCOPE_SENTENCE;
}

static void
toggle_label_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  GlossAdjudicationWindow *self = GLOSS_ADJUDICATION_WINDOW (widget);
  const char *label = g_variant_get_string (param, NULL);

  if (!can_toggle (self, label))
    return;

  gloss_adjudication_toggle_label (self->adjudication, self->current, label);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  GlossAdjudicationWindow *self = GLOSS_ADJUDICATION_WINDOW (widget);

  if (self->adjudication != NULL)
    gloss_adjudication_undo (self->adjudication);
}

/* The labels' own keys (c, s, q by default) come from the gold copy's
 * label set, so they cannot be fixed bindings */
static gboolean
on_key_pressed_cb (GtkEventControllerKey   *controller,
                   guint                    keyval,
                   guint                    keycode,
                   GdkModifierType          state,
                   GlossAdjudicationWindow *self)
{
  GlossLabel *label;
  gunichar c;
  char key[7] = { 0 };

  if (self->adjudication == NULL || self->current < 0 ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0)
    return FALSE;

  c = gdk_keyval_to_unicode (keyval);
  if (c == 0 || !g_unichar_isprint (c))
    return FALSE;

  g_unichar_to_utf8 (c, key);
  label = gloss_label_set_lookup_key (gloss_document_get_labels (gloss_adjudication_get_gold (self->adjudication)), key);
  if (label == NULL || !can_toggle (self, gloss_label_get_id (label)))
    return FALSE;

  gtk_widget_activate_action (GTK_WIDGET (self), "win.toggle-label", "s", gloss_label_get_id (label));

  return TRUE;
}

/* --- The window ---------------------------------------------------------- */

static gboolean
gloss_adjudication_window_close_request (GtkWindow *window)
{
  GlossAdjudicationWindow *self = GLOSS_ADJUDICATION_WINDOW (window);

  /* Closing never loses a decision: write it first, then close */
  if (self->saver != NULL && gloss_saver_get_dirty (self->saver) &&
      gloss_saver_get_state (self->saver) != GLOSS_SAVER_ERROR)
    {
      self->close_after_save = TRUE;
      gloss_saver_save_now (self->saver);
      return TRUE;
    }

  return GTK_WINDOW_CLASS (gloss_adjudication_window_parent_class)->close_request (window);
}

static void
gloss_adjudication_window_dispose (GObject *object)
{
  GlossAdjudicationWindow *self = GLOSS_ADJUDICATION_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->scan_cancellable);
  close_document (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_ADJUDICATION_WINDOW);

  G_OBJECT_CLASS (gloss_adjudication_window_parent_class)->dispose (object);
}

static void
gloss_adjudication_window_finalize (GObject *object)
{
  GlossAdjudicationWindow *self = GLOSS_ADJUDICATION_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->scan_cancellable);
  g_clear_pointer (&self->roots, g_ptr_array_unref);
  g_clear_object (&self->git);
  g_clear_object (&self->repository_folder);
  g_clear_pointer (&self->branches, g_strfreev);
  g_clear_pointer (&self->revisions, g_ptr_array_unref);
  g_clear_object (&self->gold_root);
  g_clear_pointer (&self->entries, g_ptr_array_unref);

  G_OBJECT_CLASS (gloss_adjudication_window_parent_class)->finalize (object);
}

static void
gloss_adjudication_window_class_init (GlossAdjudicationWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = gloss_adjudication_window_dispose;
  object_class->finalize = gloss_adjudication_window_finalize;
  window_class->close_request = gloss_adjudication_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/gloss-adjudication-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossAdjudicationWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, GlossAdjudicationWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, GlossAdjudicationWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, GlossAdjudicationWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GlossAdjudicationWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, GlossAdjudicationWindow, annotators_list);
  gtk_widget_class_bind_template_child (widget_class, GlossAdjudicationWindow, gold_row);
  gtk_widget_class_bind_template_child (widget_class, GlossAdjudicationWindow, documents_stack);
  gtk_widget_class_bind_template_child (widget_class, GlossAdjudicationWindow, documents_status);
  gtk_widget_class_bind_template_child (widget_class, GlossAdjudicationWindow, documents_list);
  gtk_widget_class_bind_template_child (widget_class, GlossAdjudicationWindow, article);
  gtk_widget_class_bind_template_child (widget_class, GlossAdjudicationWindow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, GlossAdjudicationWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, GlossAdjudicationWindow, position_label);
  gtk_widget_class_bind_template_child (widget_class, GlossAdjudicationWindow, sentence_label);
  gtk_widget_class_bind_template_child (widget_class, GlossAdjudicationWindow, versions_group);
  gtk_widget_class_bind_template_child (widget_class, GlossAdjudicationWindow, versions_grid);
  gtk_widget_class_bind_template_child (widget_class, GlossAdjudicationWindow, annotators_group);
  gtk_widget_class_bind_template_child (widget_class, GlossAdjudicationWindow, labels_list);
  gtk_widget_class_bind_template_child (widget_class, GlossAdjudicationWindow, gold_group);
  gtk_widget_class_bind_template_child (widget_class, GlossAdjudicationWindow, branches_group);
  gtk_widget_class_bind_template_child (widget_class, GlossAdjudicationWindow, branches_list);
  gtk_widget_class_bind_template_child (widget_class, GlossAdjudicationWindow, decision_label);
  gtk_widget_class_bind_template_child (widget_class, GlossAdjudicationWindow, reject_label);
  gtk_widget_class_bind_template_child (widget_class, GlossAdjudicationWindow, label_buttons);

  gtk_widget_class_install_action (widget_class, "win.add-annotators", NULL, add_annotators_action);
  gtk_widget_class_install_action (widget_class, "win.remove-annotator", "u", remove_annotator_action);
  gtk_widget_class_install_action (widget_class, "win.choose-gold", NULL, choose_gold_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-branch", "s", toggle_branch_action);
  gtk_widget_class_install_action (widget_class, "win.open-document", "s", open_document_action);
  gtk_widget_class_install_action (widget_class, "win.show-documents", NULL, show_documents_action);
  gtk_widget_class_install_action (widget_class, "win.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "win.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "win.accept", "u", accept_action);
  gtk_widget_class_install_action (widget_class, "win.reject", NULL, reject_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-label", "s", toggle_label_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, 0, "win.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "win.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, 0, "win.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "win.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.show-documents", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, 0, "win.reject", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, 0, "win.reject", NULL);
  for (guint a = 0; a < GLOSS_ADJUDICATION_MAX_KEYED; a++)
    {
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + a, 0, "win.accept", "u", a);
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_1 + a, 0, "win.accept", "u", a);
    }
}

static void
gloss_adjudication_window_init (GlossAdjudicationWindow *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start;
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->roots = g_ptr_array_new_with_free_func (g_object_unref);
  self->revisions = g_ptr_array_new_with_free_func (g_free);
  self->current = -1;

  /* One tag per state, shared by every sentence in it */
  buffer = gtk_text_view_get_buffer (self->article);
  self->open_tag = gtk_text_buffer_create_tag (buffer, "open",
                                               "background", "rgba(246, 211, 45, 0.30)",
                                               NULL);
  self->decided_tag = gtk_text_buffer_create_tag (buffer, "decided",
                                                  "background", "rgba(51, 209, 122, 0.18)",
                                                  NULL);
  /* Span units by underline, so that a unit in a sentence shows both;
   * an open one wavy, over a decided one where they overlap */
  self->unit_decided_tag = gtk_text_buffer_create_tag (buffer, "unit-decided",
                                                       "underline", PANGO_UNDERLINE_SINGLE,
                                                       "underline-rgba", &(GdkRGBA) { 0.15, 0.64, 0.41, 1.0 },
                                                       NULL);
  self->unit_open_tag = gtk_text_buffer_create_tag (buffer, "unit-open",
                                                    "underline", PANGO_UNDERLINE_ERROR,
                                                    "underline-rgba", &(GdkRGBA) { 0.90, 0.38, 0.0, 1.0 },
                                                    NULL);
  self->current_tag = gtk_text_buffer_create_tag (buffer, "current",
                                                  "background", "rgba(53, 132, 228, 0.28)",
                                                  "underline", PANGO_UNDERLINE_SINGLE,
                                                  "underline-rgba", &(GdkRGBA) { 0.21, 0.52, 0.89, 1.0 },
                                                  NULL);
  gtk_text_buffer_get_start_iter (buffer, &start);
  self->current_mark = gtk_text_buffer_create_mark (buffer, NULL, &start, TRUE);

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  set_document_actions_enabled (self, FALSE);
  update_folders (self);
}

GlossAdjudicationWindow *
gloss_adjudication_window_new (GtkApplication *application)
{
  return g_object_new (GLOSS_TYPE_ADJUDICATION_WINDOW, "application", application, NULL);
}

/**
 * gloss_adjudication_window_get_page:
 *
 * Returns: "documents" or "document"
 */
const char *
gloss_adjudication_window_get_page (GlossAdjudicationWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_ADJUDICATION_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

guint
gloss_adjudication_window_get_n_documents (GlossAdjudicationWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_ADJUDICATION_WINDOW (self), 0);

  return self->entries ? self->entries->len : 0;
}

/**
 * gloss_adjudication_window_get_adjudication:
 *
 * Returns: (transfer none) (nullable): the document being adjudicated
 */
GlossAdjudication *
gloss_adjudication_window_get_adjudication (GlossAdjudicationWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_ADJUDICATION_WINDOW (self), NULL);

  return self->adjudication;
}

/**
 * gloss_adjudication_window_get_saver:
 *
 * Returns: (transfer none) (nullable): the autosave of the gold copy
 */
GlossSaver *
gloss_adjudication_window_get_saver (GlossAdjudicationWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_ADJUDICATION_WINDOW (self), NULL);

  return self->saver;
}

/**
 * gloss_adjudication_window_get_current:
 *
 * Returns: the disagreement shown, or -1
 */
int
gloss_adjudication_window_get_current (GlossAdjudicationWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_ADJUDICATION_WINDOW (self), -1);

  return self->current;
}
