/* gloss-document-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-corpus.h"
#include "gloss-document.h"
#include "gloss-dialog-util.h"
#include "gloss-document-list.h"
#include "gloss-folder-entry.h"

/* The texts of an opened folder with their progress. The folder is read,
 * and each text's progress counted (its sentences annotated, its spans),
 * in a worker thread. */
struct _GlossDocumentList
{
  GtkWidget           parent_instance;

  GFile              *folder;
  GFile              *current;
  GListStore         *entries;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  GCancellable       *cancellable;

  GtkWidget          *box;
  GtkLabel           *folder_label;
  GtkLabel           *progress_label;
  GtkCheckButton     *filter_button;
  GtkStack           *stack;
  GtkListView        *list_view;
};

G_DEFINE_FINAL_TYPE (GlossDocumentList, gloss_document_list, GTK_TYPE_WIDGET)

enum {
  DOCUMENT_ACTIVATED,
  LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_progress (GlossDocumentList *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));
  guint n_done = 0;
  g_autofree char *text = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossFolderEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);

      if (gloss_folder_entry_get_done (entry))
        n_done++;
    }

  /* Translators: how many documents of the folder are marked done */
  text = g_strdup_printf (ngettext ("%u of %u document done", "%u of %u documents done", n),
                          n_done, n);
  gtk_label_set_text (self->progress_label, text);
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  GlossDocumentList *self = user_data;

  if (!gtk_check_button_get_active (self->filter_button))
    return TRUE;

  /* The open text stays visible, so marking it done does not lose it */
  return !gloss_folder_entry_get_done (item) ||
         (self->current != NULL && g_file_equal (self->current, gloss_folder_entry_get_file (item)));
}

static void
on_filter_toggled_cb (GtkCheckButton    *button,
                      GlossDocumentList *self)
{
  GtkFilter *filter = gtk_filter_list_model_get_filter (self->filtered);

  gtk_filter_changed (filter, GTK_FILTER_CHANGE_DIFFERENT);
  if (self->current != NULL)
    gloss_document_list_set_current (self, self->current);
}

static void
update_row (GtkWidget        *box,
            GlossFolderEntry *entry)
{
  GtkWidget *title = g_object_get_data (G_OBJECT (box), "title");
  GtkWidget *subtitle = g_object_get_data (G_OBJECT (box), "subtitle");
  GtkWidget *done = g_object_get_data (G_OBJECT (box), "done");
  g_autofree char *progress = NULL;
  g_autofree char *accessible = NULL;

  if (gloss_folder_entry_get_broken (entry))
    progress = g_strdup (_("Has problems: read-only"));
  else
    progress = g_strdup_printf (ngettext ("%u of %u sentence annotated", "%u of %u sentences annotated",
                                          gloss_folder_entry_get_n_sentences (entry)),
                                gloss_folder_entry_get_n_annotated (entry),
                                gloss_folder_entry_get_n_sentences (entry));

  /* Spans beside the sentences, for a document that has any */
  if (!gloss_folder_entry_get_broken (entry) && gloss_folder_entry_get_n_spans (entry) > 0)
    {
      guint n_spans = gloss_folder_entry_get_n_spans (entry);
      g_autofree char *spans = g_strdup_printf (ngettext ("%u span", "%u spans", n_spans), n_spans);
      char *with_spans = g_strdup_printf (C_("sentence progress · spans", "%s · %s"), progress, spans);

      g_free (progress);
      progress = with_spans;
    }

  gtk_label_set_text (GTK_LABEL (title), gloss_folder_entry_get_title (entry));
  gtk_label_set_text (GTK_LABEL (subtitle), progress);
  gtk_widget_set_visible (done, gloss_folder_entry_get_done (entry));

  accessible = g_strdup_printf ("%s, %s%s", gloss_folder_entry_get_title (entry), progress,
                                gloss_folder_entry_get_done (entry) ? _(", done") : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static void
on_entry_notify_cb (GlossFolderEntry *entry,
                    GParamSpec       *pspec,
                    GtkWidget        *box)
{
  update_row (box, entry);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *done = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_widget_set_tooltip_text (done, _("Done"));
  gtk_widget_add_css_class (done, "success");

  gtk_box_append (GTK_BOX (labels), title);
  gtk_box_append (GTK_BOX (labels), subtitle);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_box_append (GTK_BOX (box), done);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);

  g_object_set_data (G_OBJECT (box), "title", title);
  g_object_set_data (G_OBJECT (box), "subtitle", subtitle);
  g_object_set_data (G_OBJECT (box), "done", done);
  gtk_list_item_set_child (item, box);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         gpointer                  user_data)
{
  GlossFolderEntry *entry = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);

  update_row (box, entry);
  g_signal_connect_object (entry, "notify", G_CALLBACK (on_entry_notify_cb), box, 0);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  GlossFolderEntry *entry = gtk_list_item_get_item (item);

  if (entry != NULL)
    g_signal_handlers_disconnect_by_func (entry, on_entry_notify_cb, gtk_list_item_get_child (item));
}

static void
on_activate_cb (GtkListView       *view,
                guint              position,
                GlossDocumentList *self)
{
  g_autoptr(GlossFolderEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (entry != NULL)
    g_signal_emit (self, signals[DOCUMENT_ACTIVATED], 0, gloss_folder_entry_get_file (entry));
}

/* The same counts for a document read in the scan and for the open one */
static void
update_entry (GlossFolderEntry *entry,
              GlossDocument    *document)
{
  gloss_folder_entry_update (entry,
                             gloss_document_get_n_sentences (document),
                             gloss_document_get_n_annotated (document),
                             g_list_model_get_n_items (gloss_document_get_spans (document)),
                             gloss_document_get_done (document),
                             gloss_document_get_read_only (document));
}

static void
scan_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *root = task_data;
  g_autoptr(GPtrArray) files = gloss_corpus_find_files (root, ".txt", NULL, cancellable);
  GPtrArray *entries = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < files->len; i++)
    {
      GFile *file = g_ptr_array_index (files, i);
      GlossFolderEntry *entry = gloss_folder_entry_new (root, file);
      g_autoptr(GlossDocument) document = NULL;

      if (g_cancellable_is_cancelled (cancellable))
        break;

      document = gloss_document_load (file, NULL, cancellable, NULL);
      if (document != NULL)
        update_entry (entry, document);
      else
        gloss_folder_entry_update (entry, 0, 0, 0, FALSE, TRUE);

      g_ptr_array_add (entries, entry);
    }

  g_task_return_pointer (task, entries, (GDestroyNotify)g_ptr_array_unref);
}

static void
on_scanned_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GlossDocumentList *self = GLOSS_DOCUMENT_LIST (object);
  g_autoptr(GPtrArray) entries = g_task_propagate_pointer (G_TASK (result), NULL);

  if (entries == NULL)
    return;

  g_list_store_splice (self->entries, 0, g_list_model_get_n_items (G_LIST_MODEL (self->entries)),
                       entries->pdata, entries->len);
  gtk_stack_set_visible_child_name (self->stack, entries->len ? "list" : "empty");
  update_progress (self);

  if (self->current != NULL)
    gloss_document_list_set_current (self, self->current);

  g_signal_emit (self, signals[LOADED], 0);
}

static void
gloss_document_list_dispose (GObject *object)
{
  GlossDocumentList *self = (GlossDocumentList *)object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_DOCUMENT_LIST);

  G_OBJECT_CLASS (gloss_document_list_parent_class)->dispose (object);
}

static void
gloss_document_list_finalize (GObject *object)
{
  GlossDocumentList *self = (GlossDocumentList *)object;

  g_clear_object (&self->cancellable);
  g_clear_object (&self->folder);
  g_clear_object (&self->current);
  g_clear_object (&self->entries);
  g_clear_object (&self->filtered);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (gloss_document_list_parent_class)->finalize (object);
}

static void
gloss_document_list_class_init (GlossDocumentListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_document_list_dispose;
  object_class->finalize = gloss_document_list_finalize;

  /**
   * GlossDocumentList::document-activated:
   * @file: the text chosen
   */
  signals[DOCUMENT_ACTIVATED] =
    g_signal_new ("document-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_FILE);

  /**
   * GlossDocumentList::loaded:
   *
   * The folder has been read.
   */
  signals[LOADED] =
    g_signal_new ("loaded",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/gloss-document-list.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossDocumentList, box);
  gtk_widget_class_bind_template_child (widget_class, GlossDocumentList, folder_label);
  gtk_widget_class_bind_template_child (widget_class, GlossDocumentList, progress_label);
  gtk_widget_class_bind_template_child (widget_class, GlossDocumentList, filter_button);
  gtk_widget_class_bind_template_child (widget_class, GlossDocumentList, stack);
  gtk_widget_class_bind_template_child (widget_class, GlossDocumentList, list_view);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gloss_document_list_init (GlossDocumentList *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->entries = g_list_store_new (GLOSS_TYPE_FOLDER_ENTRY);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->entries)),
                                              GTK_FILTER (gtk_custom_filter_new (filter_func, self, NULL)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  g_signal_connect (self->list_view, "activate", G_CALLBACK (on_activate_cb), self);
  g_signal_connect (self->filter_button, "toggled", G_CALLBACK (on_filter_toggled_cb), self);
}

/**
 * gloss_document_list_set_folder:
 *
 * Lists the `.txt` files below @folder, recursively, with their progress.
 * ::loaded follows.
 */
void
gloss_document_list_set_folder (GlossDocumentList *self,
                                GFile             *folder)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *name = NULL;

  g_return_if_fail (GLOSS_IS_DOCUMENT_LIST (self));
  g_return_if_fail (G_IS_FILE (folder));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_set_object (&self->folder, folder);

  name = gloss_dialog_util_dup_display_basename (folder);
  gtk_label_set_text (self->folder_label, name);
  gtk_label_set_text (self->progress_label, "");
  gtk_stack_set_visible_child_name (self->stack, "loading");
  g_list_store_remove_all (self->entries);

  task = g_task_new (self, self->cancellable, on_scanned_cb, NULL);
  g_task_set_source_tag (task, gloss_document_list_set_folder);
  g_task_set_task_data (task, g_object_ref (folder), g_object_unref);
  g_task_run_in_thread (task, scan_thread);
}

GFile *
gloss_document_list_get_folder (GlossDocumentList *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_LIST (self), NULL);

  return self->folder;
}

/**
 * gloss_document_list_get_entries:
 *
 * Returns: (transfer none): all the folder's texts, #GlossFolderEntry
 */
GListModel *
gloss_document_list_get_entries (GlossDocumentList *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_LIST (self), NULL);

  return G_LIST_MODEL (self->entries);
}

static int
find_in (GListModel *model,
         GFile      *file)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossFolderEntry) entry = g_list_model_get_item (model, i);

      if (g_file_equal (gloss_folder_entry_get_file (entry), file))
        return i;
    }

  return -1;
}

void
gloss_document_list_set_current (GlossDocumentList *self,
                                 GFile             *file)
{
  int position;

  g_return_if_fail (GLOSS_IS_DOCUMENT_LIST (self));

  if (file != self->current)
    g_set_object (&self->current, file);

  position = file ? find_in (G_LIST_MODEL (self->filtered), file) : -1;
  gtk_single_selection_set_selected (self->selection,
                                     position >= 0 ? (guint)position : GTK_INVALID_LIST_POSITION);
  if (position >= 0)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", (guint)position);
}

/**
 * gloss_document_list_get_adjacent:
 * @direction: 1 for the next text, -1 for the previous one
 *
 * Returns: (transfer none) (nullable): the text before or after @current
 *   among those the filter shows
 */
GFile *
gloss_document_list_get_adjacent (GlossDocumentList *self,
                                  GFile             *current,
                                  int                direction)
{
  GListModel *model;
  guint n;
  int position;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT_LIST (self), NULL);

  model = G_LIST_MODEL (self->filtered);
  n = g_list_model_get_n_items (model);
  position = current ? find_in (model, current) : -1;

  if (position < 0)
    position = direction > 0 ? -1 : (int)n;

  position += direction > 0 ? 1 : -1;
  if (position < 0 || position >= (int)n)
    return NULL;

  {
    g_autoptr(GlossFolderEntry) entry = g_list_model_get_item (model, position);

    return gloss_folder_entry_get_file (entry);
  }
}

/**
 * gloss_document_list_get_first_unfinished:
 *
 * Returns: (transfer none) (nullable): the first text not marked done,
 *   or else the first text
 */
GFile *
gloss_document_list_get_first_unfinished (GlossDocumentList *self)
{
  GListModel *model;
  guint n;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT_LIST (self), NULL);

  model = G_LIST_MODEL (self->entries);
  n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossFolderEntry) entry = g_list_model_get_item (model, i);

      if (!gloss_folder_entry_get_done (entry))
        return gloss_folder_entry_get_file (entry);
    }

  if (n > 0)
    {
      g_autoptr(GlossFolderEntry) entry = g_list_model_get_item (model, 0);

      return gloss_folder_entry_get_file (entry);
    }

  return NULL;
}

/**
 * gloss_document_list_update_document:
 *
 * Shows the progress of the open @document in its row.
 */
void
gloss_document_list_update_document (GlossDocumentList *self,
                                     GlossDocument     *document)
{
  GFile *file;
  int position;

  g_return_if_fail (GLOSS_IS_DOCUMENT_LIST (self));
  g_return_if_fail (GLOSS_IS_DOCUMENT (document));

  file = gloss_document_get_file (document);
  if (file == NULL)
    return;

  position = find_in (G_LIST_MODEL (self->entries), file);
  if (position < 0)
    return;

  {
    g_autoptr(GlossFolderEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), position);

    update_entry (entry, document);
  }

  update_progress (self);
}
