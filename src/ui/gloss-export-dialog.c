/* gloss-export-dialog.c
 *
 * Menu → Export…: the format, the destination and the filters of a
 * dataset export of the window's folder (or its one text). The export is
 * the core's GlossExportJob, run in a worker thread, as `gloss export`
 * runs it: the dialog shows its progress and can cancel it; a cancelled
 * or failed export leaves no partial file behind. Documents left out because their annotation files have
 * problems are listed, never skipped silently.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-dialog-util.h"
#include "gloss-exporter.h"
#include "gloss-export-dialog.h"
#include "gloss-export-job.h"
#include "gloss-label.h"
#include "gloss-label-set.h"
#include "gloss-problem.h"

struct _GlossExportDialog
{
  AdwWindow          parent_instance;

  GFile             *source;         /* a folder, or one text */
  GlossLabelSet     *labels;
  AdwToastOverlay   *toasts;         /* weak: the window's */

  GlossExportFormat  format;
  GFile             *destination;
  GStrv              label_filter;   /* NULL: every label */
  char              *annotator;
  guint              context;
  GlossOffsets       offsets;
  gboolean           done_only;
  gboolean           card;

  GCancellable      *cancellable;
  GtkFileChooserNative *chooser;
  GlossExporter     *exporter;
  GFile             *result;         /* what the last export wrote */
  GPtrArray         *left_out;       /* GlossProblem: the documents left out */
  double             progress;
  guint              n_exported;
  guint              busy : 1;
  guint              disposed : 1;
  guint              updating_checks : 1;

  AdwWindowTitle    *window_title;
  GtkWidget         *cancel_button;
  GtkWidget         *export_button;
  GtkWidget         *open_button;
  GtkStack          *stack;
  AdwComboRow       *format_row;
  AdwActionRow      *destination_row;
  GtkSwitch         *done_switch;
  AdwExpanderRow    *labels_row;
  AdwEntryRow       *annotator_row;
  GtkWidget         *context_row;
  GtkSpinButton     *context_spin;
  AdwComboRow       *offsets_row;
  GtkSwitch         *card_switch;
  AdwStatusPage     *progress_page;
  GtkProgressBar    *progress_bar;
  AdwStatusPage     *problems_page;
  GtkListBox        *problems_list;
  GPtrArray         *label_checks;   /* a GtkCheckButton per label */
};

G_DEFINE_FINAL_TYPE (GlossExportDialog, gloss_export_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_SOURCE,
  PROP_LABELS,
  PROP_TOAST_OVERLAY,
  PROP_FORMAT,
  PROP_DESTINATION,
  PROP_DONE_ONLY,
  PROP_LABEL_FILTER,
  PROP_ANNOTATOR,
  PROP_CONTEXT,
  PROP_OFFSETS,
  PROP_CARD,
  PROP_BUSY,
  PROP_PROGRESS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What the researcher reads about each format; the file name ending the
 * file chooser suggests (NULL: the format writes a folder) */
static const struct
{
  const char *title;
  const char *explanation;
  const char *suffix;
} format_info[GLOSS_EXPORT_N_FORMATS] = {
  [GLOSS_EXPORT_SENTENCES_JSONL] = {
    N_("Sentences (JSON Lines)"),
    N_("A line per sentence, to train a classifier"),
    ".sentences.jsonl" },
  [GLOSS_EXPORT_DOCUMENTS_JSONL] = {
    N_("Documents (JSON Lines)"),
    N_("A line per document with all its annotations"),
    ".documents.jsonl" },
  [GLOSS_EXPORT_JSON] = {
    N_("JSON"),
    N_("One array of documents, with the label set"),
    ".json" },
  [GLOSS_EXPORT_DOCCANO] = {
    N_("doccano"),
    N_("For sequence labelling in doccano"),
    ".doccano.jsonl" },
  [GLOSS_EXPORT_LABEL_STUDIO] = {
    N_("Label Studio"),
    N_("A task list for Label Studio"),
    ".label-studio.json" },
  [GLOSS_EXPORT_BRAT] = {
    N_("brat"),
    N_("A folder of .txt and .ann files for brat"),
    NULL },
  [GLOSS_EXPORT_CSV] = {
    N_("CSV"),
    N_("A row per sentence, for spreadsheets"),
    ".csv" },
  [GLOSS_EXPORT_SPANS_CSV] = {
    N_("Spans (CSV)"),
    N_("A row per span, with its attributes and relations"),
    ".spans.csv" },
  [GLOSS_EXPORT_QDPX] = {
    N_("REFI-QDA Project"),
    N_("For QDA software: QualCoder, MAXQDA, ATLAS.ti, NVivo"),
    ".qdpx" },
};

static gboolean
filter_is_empty (GlossExportDialog *self)
{
  return self->label_filter != NULL && self->label_filter[0] == NULL;
}

static void
update_labels_subtitle (GlossExportDialog *self)
{
  g_autoptr(GPtrArray) names = NULL;
  g_autofree char *joined = NULL;

  if (self->label_filter == NULL)
    {
      adw_expander_row_set_subtitle (self->labels_row, _("All labels"));
      return;
    }

  if (filter_is_empty (self))
    {
      adw_expander_row_set_subtitle (self->labels_row, _("No label chosen"));
      return;
    }

  names = g_ptr_array_new ();
  for (guint i = 0; self->label_filter[i] != NULL; i++)
    {
      GlossLabel *label = self->labels ? gloss_label_set_lookup (self->labels, self->label_filter[i]) : NULL;

      g_ptr_array_add (names, (gpointer)(label ? gloss_label_get_name (label) : self->label_filter[i]));
    }
  g_ptr_array_add (names, NULL);
  /* Translators: separates the names of the labels chosen */
  joined = g_strjoinv (_(", "), (char **)names->pdata);
  adw_expander_row_set_subtitle (self->labels_row, joined);
}

static void
update_state (GlossExportDialog *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  const char *page;

  if (self->disposed)
    return;

  page = gtk_stack_get_visible_child_name (self->stack);

  gtk_widget_action_set_enabled (widget, "export.start",
                                 self->destination != NULL && !self->busy && !filter_is_empty (self));
  gtk_widget_action_set_enabled (widget, "export.choose-destination", !self->busy);
  gtk_widget_action_set_enabled (widget, "export.open-result", self->result != NULL);

  gtk_widget_set_visible (self->export_button, g_strcmp0 (page, "problems") != 0);
  gtk_widget_set_visible (self->open_button, g_strcmp0 (page, "problems") == 0);
  gtk_button_set_label (GTK_BUTTON (self->cancel_button),
                        g_strcmp0 (page, "problems") == 0 ? _("_Close") : _("_Cancel"));

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->format_row), _(format_info[self->format].explanation));
  gtk_widget_set_visible (self->context_row, self->format == GLOSS_EXPORT_SENTENCES_JSONL);
  gtk_widget_set_visible (GTK_WIDGET (self->offsets_row),
                          gloss_export_format_get_offsets (self->format) != GLOSS_OFFSETS_AUTO);

  if (self->destination != NULL)
    {
      g_autofree char *name = gloss_dialog_util_dup_display_name (self->destination);

      adw_action_row_set_subtitle (self->destination_row, name);
    }
  else
    adw_action_row_set_subtitle (self->destination_row,
                                 gloss_export_format_is_folder (self->format)
                                   ? _("Choose a folder for the files")
                                   : _("Choose a file"));

  update_labels_subtitle (self);
}

static void
set_busy (GlossExportDialog *self,
          gboolean           busy)
{
  if (self->busy == !!busy)
    return;

  self->busy = !!busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
  update_state (self);
}

static void
show_page (GlossExportDialog *self,
           const char        *page)
{
  gtk_stack_set_visible_child_name (self->stack, page);
  update_state (self);
}

static void
set_format (GlossExportDialog *self,
            GlossExportFormat  format)
{
  g_return_if_fail (format < GLOSS_EXPORT_N_FORMATS);

  if (self->format == format)
    return;

  /* A file is no destination for a folder format, nor the other way */
  if (self->destination != NULL &&
      gloss_export_format_is_folder (format) != gloss_export_format_is_folder (self->format))
    {
      g_clear_object (&self->destination);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESTINATION]);
    }

  self->format = format;
  adw_combo_row_set_selected (self->format_row, format);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FORMAT]);
  update_state (self);
}

static void
set_label_filter (GlossExportDialog  *self,
                  const char * const *labels)
{
  if (labels == NULL && self->label_filter == NULL)
    return;
  if (labels != NULL && self->label_filter != NULL &&
      g_strv_equal (labels, (const char * const *)self->label_filter))
    return;

  g_clear_pointer (&self->label_filter, g_strfreev);
  self->label_filter = g_strdupv ((char **)labels);

  /* The check boxes follow a filter set from outside */
  self->updating_checks = TRUE;
  for (guint i = 0; i < self->label_checks->len; i++)
    {
      GlossLabel *label = gloss_label_set_get_label (self->labels, i);

      gtk_check_button_set_active (g_ptr_array_index (self->label_checks, i),
                                   labels == NULL || g_strv_contains (labels, gloss_label_get_id (label)));
    }
  self->updating_checks = FALSE;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL_FILTER]);
  update_state (self);
}

static void
set_string (char       **field,
            const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

static void
on_label_toggled_cb (GtkCheckButton    *check,
                     GlossExportDialog *self)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) chosen = NULL;
  guint n_chosen = 0;

  if (self->updating_checks)
    return;

  builder = g_strv_builder_new ();
  for (guint i = 0; i < self->label_checks->len; i++)
    {
      if (gtk_check_button_get_active (g_ptr_array_index (self->label_checks, i)))
        {
          g_strv_builder_add (builder, gloss_label_get_id (gloss_label_set_get_label (self->labels, i)));
          n_chosen++;
        }
    }
  chosen = g_strv_builder_end (builder);

  /* Every label chosen is no filter at all */
  set_label_filter (self, n_chosen == self->label_checks->len ? NULL : (const char * const *)chosen);
}

static void
on_format_selected_cb (AdwComboRow       *row,
                       GParamSpec        *pspec,
                       GlossExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (row);

  if (selected < GLOSS_EXPORT_N_FORMATS)
    set_format (self, selected);
}

/* The rows of the offsets: UTF-16 units (the format's own), code points */
static void
set_offsets (GlossExportDialog *self,
             GlossOffsets       offsets)
{
  g_return_if_fail (offsets <= GLOSS_OFFSETS_UTF16);

  if (self->offsets == offsets)
    return;

  self->offsets = offsets;
  adw_combo_row_set_selected (self->offsets_row, offsets == GLOSS_OFFSETS_CODE_POINTS ? 1 : 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OFFSETS]);
}

static void
on_offsets_selected_cb (AdwComboRow       *row,
                        GParamSpec        *pspec,
                        GlossExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (row);

  if (selected == 0 && self->offsets != GLOSS_OFFSETS_AUTO)
    set_offsets (self, GLOSS_OFFSETS_UTF16);
  else if (selected == 1)
    set_offsets (self, GLOSS_OFFSETS_CODE_POINTS);
}

static void
add_label_rows (GlossExportDialog *self)
{
  guint n = self->labels ? gloss_label_set_get_n_labels (self->labels) : 0;

  gtk_widget_set_visible (GTK_WIDGET (self->labels_row), n > 0);

  for (guint i = 0; i < n; i++)
    {
      GlossLabel *label = gloss_label_set_get_label (self->labels, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, gloss_label_get_name (label), -1);
      g_signal_connect (check, "toggled", G_CALLBACK (on_label_toggled_cb), self);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gloss_label_get_name (label));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), gloss_label_get_id (label));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_expander_row_add_row (self->labels_row, row);

      g_ptr_array_add (self->label_checks, check);
    }
}

/* Opening the result ---------------------------------------------------- */

static void
on_folder_launched_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    g_warning ("Could not open the export: %s", error->message);
}

static void
launch_uri (const char *uri)
{
  g_autoptr(GAppLaunchContext) context = NULL;

  context = G_APP_LAUNCH_CONTEXT (gdk_display_get_app_launch_context (gdk_display_get_default ()));
  g_app_info_launch_default_for_uri_async (uri, context, NULL, on_folder_launched_cb, NULL);
}

static void
on_show_items_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GFile) file = user_data;
  g_autoptr(GVariant) reply = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, NULL);
  if (reply == NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *uri = g_file_get_uri (parent);

      launch_uri (uri);
    }
}

/* A folder opens in the file manager; a file is shown selected in its
 * folder, as browsers show a download: a large JSON Lines file is no
 * document to open in a text editor. */
static void
show_result (GFile *file)
{
  g_autoptr(GDBusConnection) bus = NULL;
  g_autofree char *uri = g_file_get_uri (file);
  const char *uris[] = { uri, NULL };

  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
    {
      launch_uri (uri);
      return;
    }

  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  if (bus == NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *parent_uri = g_file_get_uri (parent);

      launch_uri (parent_uri);
      return;
    }

  g_dbus_connection_call (bus, "org.freedesktop.FileManager1", "/org/freedesktop/FileManager1",
                          "org.freedesktop.FileManager1", "ShowItems",
                          g_variant_new ("(^ass)", uris, ""), NULL, G_DBUS_CALL_FLAGS_NONE, 5000,
                          NULL, on_show_items_cb, g_object_ref (file));
}

static void
on_toast_button_clicked_cb (AdwToast *toast,
                            GFile    *file)
{
  show_result (file);
}

static void
add_toast (GlossExportDialog *self)
{
  g_autofree char *message = NULL;
  AdwToast *toast;
  guint n_renamed;

  if (self->toasts == NULL)
    return;

  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %u document", "Exported %u documents",
                                          self->n_exported),
                             self->n_exported);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Open Folder"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_toast_button_clicked_cb),
                         g_object_ref (self->result), (GClosureNotify)(void (*)(void))g_object_unref, 0);
  adw_toast_overlay_add_toast (self->toasts, toast);

  /* Ids that are not the file names, said as `gloss export` says them */
  n_renamed = self->exporter != NULL ? gloss_exporter_get_n_renamed (self->exporter) : 0;
  if (n_renamed > 0)
    {
      g_autofree char *renamed = NULL;
      const char *name, *id;

      gloss_exporter_get_renamed (self->exporter, 0, &name, &id);
      renamed = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%u file name is not UTF-8 (or holds %% and two hex digits), so "
                                              "its id in the export is escaped: “%s”",
                                              "%u file names are not UTF-8 (or hold %% and two hex digits), so "
                                              "their ids in the export are escaped, such as “%s”",
                                              n_renamed),
                                 n_renamed, id);
      toast = gloss_dialog_util_new_toast (renamed);
      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toasts, toast);
    }

  /* What the tool the export is for may not keep (doccano: a sentence's
   * second label) */
  if (self->exporter != NULL)
    {
      GPtrArray *notices = gloss_exporter_get_notices (self->exporter);

      for (guint i = 0; i < notices->len; i++)
        {
          toast = gloss_dialog_util_new_toast (g_ptr_array_index (notices, i));
          adw_toast_set_timeout (toast, 0);
          adw_toast_overlay_add_toast (self->toasts, toast);
        }
    }
}

/* The export ------------------------------------------------------------- */

static void
string_free (gpointer string)
{
  g_string_free (string, TRUE);
}

/* One row per file left out, named relative to the folder exported, with
 * each of its problems on a line */
static void
fill_problems (GlossExportDialog *self)
{
  g_autoptr(GHashTable) rows = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, NULL);
  g_autoptr(GHashTable) texts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, string_free);
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  g_autofree char *name = gloss_dialog_util_dup_display_name (self->result);
  GtkWidget *child;
  GHashTableIter iter;
  gpointer key, value;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->problems_list))) != NULL)
    gtk_list_box_remove (self->problems_list, child);

  for (guint i = 0; i < self->left_out->len; i++)
    {
      GlossProblem *problem = g_ptr_array_index (self->left_out, i);
      const char *file = problem->file ? problem->file : "";
      GtkWidget *row = g_hash_table_lookup (rows, file);
      GString *text = g_hash_table_lookup (texts, file);

      if (row == NULL)
        {
          g_autoptr(GFile) path = g_file_new_for_path (file);
          g_autofree char *relative = g_file_get_relative_path (self->source, path);

          row = adw_action_row_new ();
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), relative ? relative : file);
          adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 6);
          gtk_list_box_append (self->problems_list, row);
          text = g_string_new (NULL);
          g_hash_table_insert (rows, (gpointer)file, row);
          g_hash_table_insert (texts, (gpointer)file, text);
        }

      if (text->len > 0)
        g_string_append_c (text, '\n');
      if (problem->path != NULL && problem->path[0] != '\0')
        g_string_append_printf (text, "%s: ", problem->path);
      g_string_append (text, problem->message);
    }

  g_hash_table_iter_init (&iter, rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    adw_action_row_set_subtitle (ADW_ACTION_ROW (value), ((GString *)g_hash_table_lookup (texts, key))->str);

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Document Left Out", "%u Documents Left Out",
                                        g_hash_table_size (rows)),
                           g_hash_table_size (rows));
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%u document was exported to “%s”. These files have problems; "
                                              "fix them and export again to include them.",
                                              "%u documents were exported to “%s”. These files have problems; "
                                              "fix them and export again to include them.",
                                              self->n_exported),
                                 self->n_exported, name);
  adw_status_page_set_title (self->problems_page, title);
  adw_status_page_set_description (self->problems_page, description);
}

static void
on_exported_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GlossExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  GlossExportJob *job = GLOSS_EXPORT_JOB (object);
  gboolean ok = gloss_export_job_run_finish (job, result, &error);

  if (self->disposed)
    return;

  set_busy (self, FALSE);

  if (!ok)
    {
      show_page (self, "options");
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gloss_dialog_util_show_error (GTK_WINDOW (self), _("Export Failed"), error);
      return;
    }

  /* Folders that could not be read are left out too */
  g_ptr_array_extend (self->left_out, gloss_export_job_get_unreadable (job),
                      (GCopyFunc)(void (*)(void))gloss_problem_copy, NULL);
  g_ptr_array_extend (self->left_out, gloss_export_job_get_left_out (job),
                      (GCopyFunc)(void (*)(void))gloss_problem_copy, NULL);
  self->n_exported = gloss_exporter_get_n_documents (self->exporter);
  g_set_object (&self->result, self->destination);
  add_toast (self);

  if (self->left_out->len > 0)
    {
      fill_problems (self);
      show_page (self, "problems");
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_export_progress_cb (guint    n_done,
                       guint    n_total,
                       gpointer user_data)
{
  GlossExportDialog *self = user_data;
  g_autofree char *description = NULL;

  if (self->disposed)
    return;

  self->progress = n_total > 0 ? (double)n_done / n_total : 1.0;
  gtk_progress_bar_set_fraction (self->progress_bar, self->progress);
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u document", "%u of %u documents", n_total),
                                 n_done, n_total);
  adw_status_page_set_description (self->progress_page, description);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  GlossExportDialog *self = GLOSS_EXPORT_DIALOG (widget);
  g_autoptr(GlossExportJob) job = NULL;

  if (self->busy || self->destination == NULL || filter_is_empty (self))
    return;

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_ptr_array_set_size (self->left_out, 0);
  g_clear_object (&self->result);
  self->n_exported = 0;
  self->progress = 0;

  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  adw_status_page_set_description (self->progress_page, _("Finding the texts…"));
  set_busy (self, TRUE);
  show_page (self, "progress");

  if (self->exporter != NULL)
    gloss_exporter_set_progress_func (self->exporter, NULL, NULL, NULL);
  g_clear_object (&self->exporter);
  self->exporter = gloss_exporter_new (self->format);
  gloss_exporter_set_done_only (self->exporter, self->done_only);
  gloss_exporter_set_labels (self->exporter, (const char * const *)self->label_filter);
  gloss_exporter_set_annotator (self->exporter,
                                self->annotator != NULL && self->annotator[0] != '\0' ? self->annotator : NULL);
  if (self->format == GLOSS_EXPORT_SENTENCES_JSONL)
    gloss_exporter_set_context (self->exporter, self->context);
  gloss_exporter_set_offsets (self->exporter, self->offsets);
  gloss_exporter_set_progress_func (self->exporter, on_export_progress_cb, self, NULL);

  /* A dialog closed meanwhile cancels the job, which undoes what it wrote */
  job = gloss_export_job_new (self->exporter);
  gloss_export_job_add_input (job, self->source);
  gloss_export_job_set_output (job, self->destination);
  gloss_export_job_set_card (job, self->card);
  gloss_export_job_run_async (job, self->cancellable, on_exported_cb, g_object_ref (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  GlossExportDialog *self = GLOSS_EXPORT_DIALOG (widget);

  if (self->busy)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
open_result_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  GlossExportDialog *self = GLOSS_EXPORT_DIALOG (widget);

  if (self->result == NULL)
    return;

  show_result (self->result);
  gtk_window_close (GTK_WINDOW (self));
}

/* The destination ---------------------------------------------------- */

static void
on_chooser_response_cb (GtkNativeDialog   *chooser,
                        int                response,
                        GlossExportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        gloss_export_dialog_set_destination (self, file);
    }

  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);
}

static char *
dup_suggested_name (GlossExportDialog *self)
{
  g_autofree char *base = gloss_dialog_util_dup_display_basename (self->source);
  const char *suffix = format_info[self->format].suffix;

  if (g_str_has_suffix (base, ".txt"))
    base[strlen (base) - strlen (".txt")] = '\0';

  /* Translators: the name suggested for a brat export of the folder %s */
  return suffix ? g_strconcat (base, suffix, NULL) : g_strdup_printf (_("%s (brat)"), base);
}

static void
choose_destination_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  GlossExportDialog *self = GLOSS_EXPORT_DIALOG (widget);
  gboolean folder = gloss_export_format_is_folder (self->format);
  g_autoptr(GFile) parent = NULL;

  if (self->chooser != NULL)
    return;

  self->chooser = gloss_dialog_util_new_chooser (GTK_WINDOW (self),
                                                 folder ? _("Export to Folder") : _("Export to File"),
                                                 folder ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER
                                                        : GTK_FILE_CHOOSER_ACTION_SAVE,
                                                 folder ? _("_Select") : _("_Save"));

  parent = self->destination ? g_file_get_parent (self->destination) : g_file_get_parent (self->source);
  if (parent != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), parent, NULL);
  if (!folder)
    {
      g_autofree char *name = self->destination ? gloss_dialog_util_dup_display_basename (self->destination)
                                                : dup_suggested_name (self);

      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
    }

  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* The object ------------------------------------------------------------ */

static void
gloss_export_dialog_constructed (GObject *object)
{
  GlossExportDialog *self = GLOSS_EXPORT_DIALOG (object);
  g_autofree char *name = NULL;

  G_OBJECT_CLASS (gloss_export_dialog_parent_class)->constructed (object);

  g_return_if_fail (G_IS_FILE (self->source));

  name = gloss_dialog_util_dup_display_basename (self->source);
  adw_window_title_set_subtitle (self->window_title, name);
  add_label_rows (self);
  update_state (self);
}

static void
gloss_export_dialog_dispose (GObject *object)
{
  GlossExportDialog *self = GLOSS_EXPORT_DIALOG (object);

  /* An export under way stops and removes what it wrote; the callbacks
   * still hold the dialog, but touch no widget from here on */
  self->disposed = TRUE;
  g_cancellable_cancel (self->cancellable);
  if (self->exporter != NULL)
    gloss_exporter_set_progress_func (self->exporter, NULL, NULL, NULL);
  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  g_clear_weak_pointer (&self->toasts);

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (gloss_export_dialog_parent_class)->dispose (object);
}

static void
gloss_export_dialog_finalize (GObject *object)
{
  GlossExportDialog *self = GLOSS_EXPORT_DIALOG (object);

  g_clear_object (&self->source);
  g_clear_object (&self->labels);
  g_clear_object (&self->destination);
  g_clear_pointer (&self->label_filter, g_strfreev);
  g_clear_pointer (&self->annotator, g_free);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->exporter);
  g_clear_object (&self->result);
  g_clear_pointer (&self->left_out, g_ptr_array_unref);
  g_clear_pointer (&self->label_checks, g_ptr_array_unref);

  G_OBJECT_CLASS (gloss_export_dialog_parent_class)->finalize (object);
}

static void
gloss_export_dialog_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  GlossExportDialog *self = GLOSS_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_SOURCE:
      g_value_set_object (value, self->source);
      break;

    case PROP_LABELS:
      g_value_set_object (value, self->labels);
      break;

    case PROP_TOAST_OVERLAY:
      g_value_set_object (value, self->toasts);
      break;

    case PROP_FORMAT:
      g_value_set_uint (value, self->format);
      break;

    case PROP_DESTINATION:
      g_value_set_object (value, self->destination);
      break;

    case PROP_DONE_ONLY:
      g_value_set_boolean (value, self->done_only);
      break;

    case PROP_LABEL_FILTER:
      g_value_set_boxed (value, self->label_filter);
      break;

    case PROP_ANNOTATOR:
      g_value_set_string (value, self->annotator);
      break;

    case PROP_CONTEXT:
      g_value_set_uint (value, self->context);
      break;

    case PROP_OFFSETS:
      g_value_set_uint (value, self->offsets);
      break;

    case PROP_CARD:
      g_value_set_boolean (value, self->card);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    case PROP_PROGRESS:
      g_value_set_double (value, self->progress);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_export_dialog_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  GlossExportDialog *self = GLOSS_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_SOURCE:
      self->source = g_value_dup_object (value);
      break;

    case PROP_LABELS:
      self->labels = g_value_dup_object (value);
      break;

    case PROP_TOAST_OVERLAY:
      g_set_weak_pointer (&self->toasts, g_value_get_object (value));
      break;

    case PROP_FORMAT:
      set_format (self, g_value_get_uint (value));
      break;

    case PROP_DESTINATION:
      gloss_export_dialog_set_destination (self, g_value_get_object (value));
      break;

    case PROP_DONE_ONLY:
      if (self->done_only != g_value_get_boolean (value))
        {
          self->done_only = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_LABEL_FILTER:
      set_label_filter (self, g_value_get_boxed (value));
      break;

    case PROP_ANNOTATOR:
      if (g_strcmp0 (self->annotator, g_value_get_string (value)) != 0)
        {
          set_string (&self->annotator, g_value_get_string (value));
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_CONTEXT:
      if (self->context != g_value_get_uint (value))
        {
          self->context = g_value_get_uint (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_OFFSETS:
      set_offsets (self, g_value_get_uint (value));
      break;

    case PROP_CARD:
      if (self->card != g_value_get_boolean (value))
        {
          self->card = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_export_dialog_class_init (GlossExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = gloss_export_dialog_constructed;
  object_class->dispose = gloss_export_dialog_dispose;
  object_class->finalize = gloss_export_dialog_finalize;
  object_class->get_property = gloss_export_dialog_get_property;
  object_class->set_property = gloss_export_dialog_set_property;

  properties[PROP_SOURCE] =
    g_param_spec_object ("source", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABELS] =
    g_param_spec_object ("labels", NULL, NULL, GLOSS_TYPE_LABEL_SET,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOAST_OVERLAY] =
    g_param_spec_object ("toast-overlay", NULL, NULL, ADW_TYPE_TOAST_OVERLAY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FORMAT] =
    g_param_spec_uint ("format", NULL, NULL, 0, GLOSS_EXPORT_N_FORMATS - 1, GLOSS_EXPORT_SENTENCES_JSONL,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESTINATION] =
    g_param_spec_object ("destination", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DONE_ONLY] =
    g_param_spec_boolean ("done-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL_FILTER] =
    g_param_spec_boxed ("label-filter", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ANNOTATOR] =
    g_param_spec_string ("annotator", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTEXT] =
    g_param_spec_uint ("context", NULL, NULL, 0, 20, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* GlossOffsets, for doccano; AUTO: its own, UTF-16 units */
  properties[PROP_OFFSETS] =
    g_param_spec_uint ("offsets", NULL, NULL, GLOSS_OFFSETS_AUTO, GLOSS_OFFSETS_UTF16, GLOSS_OFFSETS_AUTO,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CARD] =
    g_param_spec_boolean ("card", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, 0, 1, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/gloss-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, open_button);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, destination_row);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, done_switch);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, labels_row);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, annotator_row);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, context_row);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, context_spin);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, offsets_row);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, card_switch);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, progress_page);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, problems_page);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, problems_list);

  gtk_widget_class_install_action (widget_class, "export.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "export.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "export.choose-destination", NULL, choose_destination_action);
  gtk_widget_class_install_action (widget_class, "export.open-result", NULL, open_result_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "export.cancel", NULL);
}

static void
gloss_export_dialog_init (GlossExportDialog *self)
{
  g_autoptr(GtkStringList) formats = gtk_string_list_new (NULL);

  self->left_out = gloss_problems_new ();
  self->label_checks = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < GLOSS_EXPORT_N_FORMATS; i++)
    gtk_string_list_append (formats, _(format_info[i].title));
  adw_combo_row_set_model (self->format_row, G_LIST_MODEL (formats));
  g_signal_connect (self->format_row, "notify::selected", G_CALLBACK (on_format_selected_cb), self);
  g_signal_connect (self->offsets_row, "notify::selected", G_CALLBACK (on_offsets_selected_cb), self);

  g_object_bind_property (self, "done-only", self->done_switch, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "card", self->card_switch, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "context", gtk_spin_button_get_adjustment (self->context_spin), "value",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->annotator_row, "text", self, "annotator", G_BINDING_DEFAULT);
}

/**
 * gloss_export_dialog_new:
 * @parent: the window whose folder (or text) is exported
 * @source: the folder of texts, or the one text, to export
 * @labels: (nullable): the label set, for the label filter
 * @toasts: (nullable): where the toast of a finished export goes
 */
GlossExportDialog *
gloss_export_dialog_new (GtkWindow       *parent,
                         GFile           *source,
                         GlossLabelSet   *labels,
                         AdwToastOverlay *toasts)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_FILE (source), NULL);

  return g_object_new (GLOSS_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       "source", source,
                       "labels", labels,
                       "toast-overlay", toasts,
                       NULL);
}

GFile *
gloss_export_dialog_get_source (GlossExportDialog *self)
{
  g_return_val_if_fail (GLOSS_IS_EXPORT_DIALOG (self), NULL);

  return self->source;
}

GFile *
gloss_export_dialog_get_destination (GlossExportDialog *self)
{
  g_return_val_if_fail (GLOSS_IS_EXPORT_DIALOG (self), NULL);

  return self->destination;
}

/**
 * gloss_export_dialog_set_destination:
 * @destination: (nullable): the file to write, or for a folder format
 *   (brat) the folder
 */
void
gloss_export_dialog_set_destination (GlossExportDialog *self,
                                     GFile             *destination)
{
  g_return_if_fail (GLOSS_IS_EXPORT_DIALOG (self));
  g_return_if_fail (destination == NULL || G_IS_FILE (destination));

  if (self->destination == destination ||
      (self->destination != NULL && destination != NULL && g_file_equal (self->destination, destination)))
    return;

  g_set_object (&self->destination, destination);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESTINATION]);
  update_state (self);
}

gboolean
gloss_export_dialog_get_busy (GlossExportDialog *self)
{
  g_return_val_if_fail (GLOSS_IS_EXPORT_DIALOG (self), FALSE);

  return self->busy;
}

/**
 * gloss_export_dialog_get_left_out:
 *
 * Returns: (transfer none) (element-type GlossProblem): the problems of
 *   the documents the last export left out
 */
GPtrArray *
gloss_export_dialog_get_left_out (GlossExportDialog *self)
{
  g_return_val_if_fail (GLOSS_IS_EXPORT_DIALOG (self), NULL);

  return self->left_out;
}
