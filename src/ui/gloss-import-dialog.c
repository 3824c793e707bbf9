/* gloss-import-dialog.c
 *
 * Import…: makes `.txt` + `.gloss.json` pairs in a folder from a dataset
 * (or texts to annotate from a JSONL corpus of articles) through the
 * core's gloss_importer_import_async(), the path `gloss import` runs.
 * Existing files are listed and replaced only after asking; a dataset with
 * problems (an id that would land outside the folder, a span that does not
 * fit its text) or a project file with problems writes nothing and lists
 * them. The folder then opens in the window; what the dataset held that
 * Gloss has no place for (relations, attributes …) is listed by kind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-dialog-util.h"
#include "gloss-importer.h"
#include "gloss-import-dialog.h"
#include "gloss-problem.h"
#include "gloss-window.h"

/* At most this many existing files are named when asking to replace them */
#define MAX_CONFLICTS_NAMED 8

struct _GlossImportDialog
{
  AdwWindow          parent_instance;

  AdwToastOverlay   *toasts;         /* weak: the window's */
  GlossImportFormat  format;
  GlossOffsets       offsets;
  GFile             *input;
  GFile             *destination;
  gboolean           force;

  GCancellable      *cancellable;
  GtkFileChooserNative *chooser;
  GlossImporter     *importer;       /* kept to write again after asking */
  GPtrArray         *conflicts;      /* GFile */
  GPtrArray         *problems;       /* GlossProblem */
  GPtrArray         *dropped;        /* GlossProblem: what was left out, by kind */
  guint              busy : 1;
  guint              disposed : 1;

  GtkWidget         *cancel_button;
  GtkWidget         *import_button;
  GtkStack          *stack;
  AdwComboRow       *format_row;
  AdwComboRow       *offsets_row;
  AdwActionRow      *input_row;
  AdwActionRow      *destination_row;
  GtkSwitch         *force_switch;
  GtkSpinner        *spinner;
  AdwStatusPage     *problems_page;
  GtkListBox        *problems_list;
  AdwStatusPage     *dropped_page;
  GtkListBox        *dropped_list;
};

G_DEFINE_FINAL_TYPE (GlossImportDialog, gloss_import_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_TOAST_OVERLAY,
  PROP_FORMAT,
  PROP_OFFSETS,
  PROP_INPUT,
  PROP_DESTINATION,
  PROP_FORCE,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct
{
  const char *title;
  const char *explanation;
} format_info[GLOSS_IMPORT_N_FORMATS] = {
  [GLOSS_IMPORT_DOCUMENTS_JSONL] = {
    N_("Documents (JSON Lines)"),
    N_("Gloss’s export with one document per line") },
  [GLOSS_IMPORT_JSON] = {
    N_("JSON"),
    N_("Gloss’s export as one JSON array") },
  [GLOSS_IMPORT_SENTENCES_JSONL] = {
    N_("Sentences (JSON Lines)"),
    N_("Gloss’s export with one sentence per line") },
  [GLOSS_IMPORT_DOCCANO] = {
    N_("doccano"),
    N_("doccano’s JSON Lines, such as a model’s pre-annotations") },
  [GLOSS_IMPORT_LABEL_STUDIO] = {
    N_("Label Studio"),
    N_("A Label Studio JSON task list") },
  [GLOSS_IMPORT_BRAT] = {
    N_("brat"),
    N_("A folder of brat .txt and .ann files") },
  [GLOSS_IMPORT_ARTICLES_JSONL] = {
    N_("Articles (JSON Lines)"),
    N_("Texts to annotate: an id and a text per line, as crawlers write") },
  [GLOSS_IMPORT_WIKINEWS_QUOTES] = {
    N_("Wikinews quotations"),
    N_("The German news quotation attribution dataset: a folder of articles with quotes, speakers and cues") },
};

static void
update_state (GlossImportDialog *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean problems_shown, dropped_shown;
  gboolean folder = gloss_import_format_is_folder (self->format);

  if (self->disposed)
    return;

  problems_shown = g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "problems") == 0;
  dropped_shown = g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "dropped") == 0;

  gtk_widget_action_set_enabled (widget, "import.start",
                                 !self->busy && self->input != NULL && self->destination != NULL);
  gtk_widget_action_set_enabled (widget, "import.choose-input", !self->busy);
  gtk_widget_action_set_enabled (widget, "import.choose-destination", !self->busy);
  gtk_widget_set_visible (self->import_button, !problems_shown && !dropped_shown);
  gtk_button_set_label (GTK_BUTTON (self->cancel_button),
                        dropped_shown ? _("_Close") : problems_shown ? _("_Back") : _("_Cancel"));

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->format_row), _(format_info[self->format].explanation));
  gtk_widget_set_visible (GTK_WIDGET (self->offsets_row), gloss_import_format_has_offsets (self->format));

  if (self->input != NULL)
    {
      g_autofree char *name = gloss_dialog_util_dup_display_name (self->input);

      adw_action_row_set_subtitle (self->input_row, name);
    }
  else
    adw_action_row_set_subtitle (self->input_row, folder ? _("Choose the folder of the dataset")
                                                         : _("Choose the file of the dataset"));

  if (self->destination != NULL)
    {
      g_autofree char *name = gloss_dialog_util_dup_display_name (self->destination);

      adw_action_row_set_subtitle (self->destination_row, name);
    }
  else
    adw_action_row_set_subtitle (self->destination_row, _("Choose a folder"));
}

static void
set_busy (GlossImportDialog *self,
          gboolean           busy)
{
  if (self->busy == !!busy)
    return;

  self->busy = !!busy;
  if (!self->disposed)
    gtk_spinner_set_spinning (self->spinner, self->busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
  update_state (self);
}

static void
show_page (GlossImportDialog *self,
           const char        *page)
{
  gtk_stack_set_visible_child_name (self->stack, page);
  update_state (self);
}

static void
set_file (GlossImportDialog  *self,
          GFile             **field,
          GFile              *file,
          guint               prop_id)
{
  if (*field == file || (*field != NULL && file != NULL && g_file_equal (*field, file)))
    return;

  g_set_object (field, file);
  /* What was read from another file or for another folder is stale */
  g_clear_object (&self->importer);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  update_state (self);
}

static void
set_format (GlossImportDialog *self,
            GlossImportFormat  format)
{
  g_return_if_fail (format < GLOSS_IMPORT_N_FORMATS);

  if (self->format == format)
    return;

  /* A file is no brat folder, nor the other way round */
  if (gloss_import_format_is_folder (format) != gloss_import_format_is_folder (self->format))
    set_file (self, &self->input, NULL, PROP_INPUT);

  self->format = format;
  g_clear_object (&self->importer);
  adw_combo_row_set_selected (self->format_row, format);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FORMAT]);
  update_state (self);
}

/* The rows of the offsets, in order */
static const GlossOffsets offsets_rows[] = { GLOSS_OFFSETS_AUTO, GLOSS_OFFSETS_UTF16, GLOSS_OFFSETS_CODE_POINTS };

static void
set_offsets (GlossImportDialog *self,
             GlossOffsets       offsets)
{
  g_return_if_fail (offsets <= GLOSS_OFFSETS_UTF16);

  if (self->offsets == offsets)
    return;

  self->offsets = offsets;
  g_clear_object (&self->importer);
  for (guint i = 0; i < G_N_ELEMENTS (offsets_rows); i++)
    if (offsets_rows[i] == offsets)
      adw_combo_row_set_selected (self->offsets_row, i);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OFFSETS]);
}

static void
on_offsets_selected_cb (AdwComboRow       *row,
                        GParamSpec        *pspec,
                        GlossImportDialog *self)
{
  guint selected = adw_combo_row_get_selected (row);

  if (selected < G_N_ELEMENTS (offsets_rows))
    set_offsets (self, offsets_rows[selected]);
}

static void
on_format_selected_cb (AdwComboRow       *row,
                       GParamSpec        *pspec,
                       GlossImportDialog *self)
{
  guint selected = adw_combo_row_get_selected (row);

  if (selected < GLOSS_IMPORT_N_FORMATS)
    set_format (self, selected);
}

/* The import ------------------------------------------------------------ */

static void run_import (GlossImportDialog *self,
                        gboolean           force);

/* A row per problem: the file, then where in it and what */
static void
fill_list (GtkListBox *list,
           GPtrArray  *problems)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);

  for (guint i = 0; i < problems->len; i++)
    {
      GlossProblem *problem = g_ptr_array_index (problems, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = NULL;

      if (problem->path != NULL && problem->path[0] != '\0')
        subtitle = g_strdup_printf ("%s: %s", problem->path, problem->message);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), problem->file ? problem->file : "");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle ? subtitle : problem->message);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 6);
      gtk_list_box_append (list, row);
    }
}

static void
show_problems (GlossImportDialog *self,
               const GError      *error)
{
  fill_list (self->problems_list, self->problems);
  adw_status_page_set_description (self->problems_page, error->message);
  show_page (self, "problems");
}

/* The import is done, but the dataset held what Gloss has no place for */
static void
show_dropped (GlossImportDialog *self,
              guint              n_documents)
{
  g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u Document",
                                                         "Imported %u Documents", n_documents),
                                            n_documents);

  fill_list (self->dropped_list, self->dropped);
  adw_status_page_set_title (self->dropped_page, title);
  show_page (self, "dropped");
}

static void
on_replace_response_cb (AdwMessageDialog  *dialog,
                        const char        *response,
                        GlossImportDialog *self)
{
  if (g_strcmp0 (response, "replace") == 0)
    run_import (self, TRUE);
}

static void
ask_to_replace (GlossImportDialog *self)
{
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *folder = gloss_dialog_util_dup_display_name (self->destination);
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  guint n = self->conflicts->len;

  for (guint i = 0; i < MIN (n, MAX_CONFLICTS_NAMED); i++)
    {
      GFile *file = g_ptr_array_index (self->conflicts, i);
      g_autofree char *relative = g_file_get_relative_path (self->destination, file);
      g_autofree char *name = relative ? g_filename_display_name (relative) : gloss_dialog_util_dup_display_name (file);

      g_string_append_printf (names, "\n%s", name);
    }
  if (n > MAX_CONFLICTS_NAMED)
    {
      g_string_append_c (names, '\n');
      g_string_append_printf (names, g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more",
                                                  n - MAX_CONFLICTS_NAMED),
                              n - MAX_CONFLICTS_NAMED);
    }

  if (n == 1)
    body = g_strdup_printf (_("This file in “%s” exists already and would be replaced:\n%s"), folder, names->str);
  else
    body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "These %u files in “%s” exist already and would be replaced:\n%s",
                                         "These %u files in “%s” exist already and would be replaced:\n%s",
                                         n),
                            n, folder, names->str);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Replace Existing Files?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "replace", _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_replace_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_imported_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GlossImportDialog) self = user_data;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  GlossImporter *importer = GLOSS_IMPORTER (object);
  GtkWindow *parent;
  gboolean ok;
  guint n;

  ok = gloss_importer_import_finish (importer, result, &conflicts, &error);
  if (self->disposed)
    return;

  set_busy (self, FALSE);
  g_ptr_array_set_size (self->conflicts, 0);
  g_ptr_array_extend (self->conflicts, conflicts, (GCopyFunc)(void (*)(void))g_object_ref, NULL);
  g_ptr_array_set_size (self->problems, 0);
  g_ptr_array_extend (self->problems, gloss_importer_get_problems (importer),
                      (GCopyFunc)(void (*)(void))gloss_problem_copy, NULL);
  g_ptr_array_set_size (self->dropped, 0);
  g_ptr_array_extend (self->dropped, gloss_importer_get_dropped (importer),
                      (GCopyFunc)(void (*)(void))gloss_problem_copy, NULL);

  /* Only files that exist stopped it: after asking, the same importer
   * writes again without reading the input again */
  if (!ok && self->conflicts->len > 0)
    g_set_object (&self->importer, importer);
  else
    g_clear_object (&self->importer);

  if (!ok)
    {
      show_page (self, "options");
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      if (self->conflicts->len > 0)
        ask_to_replace (self);
      else if (self->problems->len > 0)
        show_problems (self, error);
      else
        gloss_dialog_util_show_error (GTK_WINDOW (self), _("Import Failed"), error);
      return;
    }

  n = gloss_importer_get_n_documents (importer);
  if (self->toasts != NULL)
    {
      g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u document",
                                                               "Imported %u documents", n),
                                                  n);

      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
    }

  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (GLOSS_IS_WINDOW (parent))
    gloss_window_open (GLOSS_WINDOW (parent), self->destination);

  /* Left out, and said so: the dialog stays to list it */
  if (self->dropped->len > 0)
    {
      show_dropped (self, n);
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
run_import (GlossImportDialog *self,
            gboolean           force)
{
  g_autoptr(GlossImporter) importer = NULL;

  if (self->busy || self->input == NULL || self->destination == NULL)
    return;

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  if (self->importer != NULL)
    importer = g_object_ref (self->importer);
  else
    {
      importer = gloss_importer_new (self->format);
      if (gloss_import_format_has_offsets (self->format))
        gloss_importer_set_offsets (importer, self->offsets);
    }

  set_busy (self, TRUE);
  show_page (self, "progress");

  gloss_importer_import_async (importer, self->input, self->destination, force, self->cancellable,
                               on_imported_cb, g_object_ref (self));
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  GlossImportDialog *self = GLOSS_IMPORT_DIALOG (widget);

  run_import (self, self->force);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  GlossImportDialog *self = GLOSS_IMPORT_DIALOG (widget);

  if (self->busy)
    g_cancellable_cancel (self->cancellable);
  else if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "problems") == 0)
    show_page (self, "options");
  else if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "dropped") == 0)
    gtk_window_destroy (GTK_WINDOW (self));
  else
    gtk_window_close (GTK_WINDOW (self));
}

/* The files ---------------------------------------------------------- */

static void
on_chooser_response_cb (GtkNativeDialog   *chooser,
                        int                response,
                        GlossImportDialog *self)
{
  gboolean input = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "gloss-input"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL && input)
        gloss_import_dialog_set_input (self, file);
      else if (file != NULL)
        gloss_import_dialog_set_destination (self, file);
    }

  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  GlossImportDialog *self = GLOSS_IMPORT_DIALOG (widget);
  gboolean input = g_str_equal (action_name, "import.choose-input");
  gboolean folder = !input || gloss_import_format_is_folder (self->format);
  GFile *current = input ? self->input : self->destination;

  if (self->chooser != NULL)
    return;

  self->chooser = gloss_dialog_util_new_chooser (GTK_WINDOW (self),
                                                 input ? _("Import From") : _("Import Into Folder"),
                                                 folder ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER
                                                        : GTK_FILE_CHOOSER_ACTION_OPEN,
                                                 folder ? _("_Select") : _("_Open"));
  g_object_set_data (G_OBJECT (self->chooser), "gloss-input", GINT_TO_POINTER (input));

  if (current != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (self->chooser), current, NULL);

  if (!folder)
    {
      g_autoptr(GtkFileFilter) data = gtk_file_filter_new ();
      g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

      gtk_file_filter_set_name (data, _("JSON and JSON Lines"));
      gtk_file_filter_add_suffix (data, "json");
      gtk_file_filter_add_suffix (data, "jsonl");
      gtk_file_filter_add_suffix (data, "ndjson");
      gtk_file_filter_set_name (all, _("All Files"));
      gtk_file_filter_add_pattern (all, "*");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), data);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
    }

  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* The object ------------------------------------------------------------ */

static void
gloss_import_dialog_dispose (GObject *object)
{
  GlossImportDialog *self = GLOSS_IMPORT_DIALOG (object);

  self->disposed = TRUE;
  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  g_clear_weak_pointer (&self->toasts);

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_IMPORT_DIALOG);

  G_OBJECT_CLASS (gloss_import_dialog_parent_class)->dispose (object);
}

static void
gloss_import_dialog_finalize (GObject *object)
{
  GlossImportDialog *self = GLOSS_IMPORT_DIALOG (object);

  g_clear_object (&self->input);
  g_clear_object (&self->destination);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->importer);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->dropped, g_ptr_array_unref);

  G_OBJECT_CLASS (gloss_import_dialog_parent_class)->finalize (object);
}

static void
gloss_import_dialog_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  GlossImportDialog *self = GLOSS_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_TOAST_OVERLAY:
      g_value_set_object (value, self->toasts);
      break;

    case PROP_FORMAT:
      g_value_set_uint (value, self->format);
      break;

    case PROP_OFFSETS:
      g_value_set_uint (value, self->offsets);
      break;

    case PROP_INPUT:
      g_value_set_object (value, self->input);
      break;

    case PROP_DESTINATION:
      g_value_set_object (value, self->destination);
      break;

    case PROP_FORCE:
      g_value_set_boolean (value, self->force);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_import_dialog_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  GlossImportDialog *self = GLOSS_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_TOAST_OVERLAY:
      g_set_weak_pointer (&self->toasts, g_value_get_object (value));
      break;

    case PROP_FORMAT:
      set_format (self, g_value_get_uint (value));
      break;

    case PROP_OFFSETS:
      set_offsets (self, g_value_get_uint (value));
      break;

    case PROP_INPUT:
      gloss_import_dialog_set_input (self, g_value_get_object (value));
      break;

    case PROP_DESTINATION:
      gloss_import_dialog_set_destination (self, g_value_get_object (value));
      break;

    case PROP_FORCE:
      if (self->force != g_value_get_boolean (value))
        {
          self->force = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_import_dialog_class_init (GlossImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_import_dialog_dispose;
  object_class->finalize = gloss_import_dialog_finalize;
  object_class->get_property = gloss_import_dialog_get_property;
  object_class->set_property = gloss_import_dialog_set_property;

  properties[PROP_TOAST_OVERLAY] =
    g_param_spec_object ("toast-overlay", NULL, NULL, ADW_TYPE_TOAST_OVERLAY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FORMAT] =
    g_param_spec_uint ("format", NULL, NULL, 0, GLOSS_IMPORT_N_FORMATS - 1, GLOSS_IMPORT_DOCUMENTS_JSONL,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* GlossOffsets, for doccano */
  properties[PROP_OFFSETS] =
    g_param_spec_uint ("offsets", NULL, NULL, GLOSS_OFFSETS_AUTO, GLOSS_OFFSETS_UTF16, GLOSS_OFFSETS_AUTO,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INPUT] =
    g_param_spec_object ("input", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESTINATION] =
    g_param_spec_object ("destination", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FORCE] =
    g_param_spec_boolean ("force", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/gloss-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, GlossImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, GlossImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, GlossImportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, GlossImportDialog, offsets_row);
  gtk_widget_class_bind_template_child (widget_class, GlossImportDialog, input_row);
  gtk_widget_class_bind_template_child (widget_class, GlossImportDialog, destination_row);
  gtk_widget_class_bind_template_child (widget_class, GlossImportDialog, force_switch);
  gtk_widget_class_bind_template_child (widget_class, GlossImportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, GlossImportDialog, problems_page);
  gtk_widget_class_bind_template_child (widget_class, GlossImportDialog, problems_list);
  gtk_widget_class_bind_template_child (widget_class, GlossImportDialog, dropped_page);
  gtk_widget_class_bind_template_child (widget_class, GlossImportDialog, dropped_list);

  gtk_widget_class_install_action (widget_class, "import.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "import.choose-input", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "import.choose-destination", NULL, choose_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "import.cancel", NULL);
}

static void
gloss_import_dialog_init (GlossImportDialog *self)
{
  g_autoptr(GtkStringList) formats = gtk_string_list_new (NULL);

  self->conflicts = g_ptr_array_new_with_free_func (g_object_unref);
  self->problems = gloss_problems_new ();
  self->dropped = gloss_problems_new ();
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < GLOSS_IMPORT_N_FORMATS; i++)
    gtk_string_list_append (formats, _(format_info[i].title));
  adw_combo_row_set_model (self->format_row, G_LIST_MODEL (formats));
  g_signal_connect (self->format_row, "notify::selected", G_CALLBACK (on_format_selected_cb), self);
  g_signal_connect (self->offsets_row, "notify::selected", G_CALLBACK (on_offsets_selected_cb), self);

  g_object_bind_property (self, "force", self->force_switch, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  update_state (self);
}

/**
 * gloss_import_dialog_new:
 * @parent: the window the folder opens in afterwards
 * @destination: (nullable): the folder suggested to import into
 * @toasts: (nullable): where the toast of a finished import goes
 */
GlossImportDialog *
gloss_import_dialog_new (GtkWindow       *parent,
                         GFile           *destination,
                         AdwToastOverlay *toasts)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (destination == NULL || G_IS_FILE (destination), NULL);

  return g_object_new (GLOSS_TYPE_IMPORT_DIALOG,
                       "transient-for", parent,
                       "destination", destination,
                       "toast-overlay", toasts,
                       NULL);
}

void
gloss_import_dialog_set_input (GlossImportDialog *self,
                               GFile             *input)
{
  g_return_if_fail (GLOSS_IS_IMPORT_DIALOG (self));
  g_return_if_fail (input == NULL || G_IS_FILE (input));

  set_file (self, &self->input, input, PROP_INPUT);
}

void
gloss_import_dialog_set_destination (GlossImportDialog *self,
                                     GFile             *destination)
{
  g_return_if_fail (GLOSS_IS_IMPORT_DIALOG (self));
  g_return_if_fail (destination == NULL || G_IS_FILE (destination));

  set_file (self, &self->destination, destination, PROP_DESTINATION);
}

gboolean
gloss_import_dialog_get_busy (GlossImportDialog *self)
{
  g_return_val_if_fail (GLOSS_IS_IMPORT_DIALOG (self), FALSE);

  return self->busy;
}

/**
 * gloss_import_dialog_get_conflicts:
 *
 * Returns: (transfer none) (element-type GFile): the existing files the
 *   last import would have replaced
 */
GPtrArray *
gloss_import_dialog_get_conflicts (GlossImportDialog *self)
{
  g_return_val_if_fail (GLOSS_IS_IMPORT_DIALOG (self), NULL);

  return self->conflicts;
}

/**
 * gloss_import_dialog_get_problems:
 *
 * Returns: (transfer none) (element-type GlossProblem): the problems of
 *   the dataset of the last import
 */
GPtrArray *
gloss_import_dialog_get_problems (GlossImportDialog *self)
{
  g_return_val_if_fail (GLOSS_IS_IMPORT_DIALOG (self), NULL);

  return self->problems;
}

/**
 * gloss_import_dialog_get_dropped:
 *
 * Returns: (transfer none) (element-type GlossProblem): what the last
 *   import left out, as Gloss has no place for it: one entry per kind
 */
GPtrArray *
gloss_import_dialog_get_dropped (GlossImportDialog *self)
{
  g_return_val_if_fail (GLOSS_IS_IMPORT_DIALOG (self), NULL);

  return self->dropped;
}
