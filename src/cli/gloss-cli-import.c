/* gloss-cli-import.c
 *
 * `gloss import`: makes `.txt` + `.gloss.json` pairs from a dataset, or
 * texts to annotate from a JSONL corpus of articles.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-cli-private.h"
#include "gloss-document.h"
#include "gloss-error.h"
#include "gloss-importer.h"
#include "gloss-json.h"
#include "gloss-label-set.h"
#include "gloss-problem.h"
#include "gloss-project.h"

static void
print_problems (GPtrArray  *problems,
                const char *kind)
{
  for (guint i = 0; i < problems->len; i++)
    {
      GlossProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *file = gloss_cli_escape (problem->file);
      g_autofree char *message = gloss_cli_escape (problem->message);

      if (problem->path != NULL && problem->path[0] != '\0')
        {
          g_autofree char *path = gloss_cli_escape (problem->path);

          gloss_cli_printerr ("gloss import: %s: %s: %s%s\n", file, path, kind, message);
        }
      else
        gloss_cli_printerr ("gloss import: %s: %s%s\n", file, kind, message);
    }
}

/* The report of --json: what the terminal report says, as one document */
static void
print_json (GlossImporter *importer,
            GPtrArray     *conflicts,
            const GError  *error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean read = gloss_importer_has_read (importer);
  guint n = read ? gloss_importer_get_n_documents (importer) : 0;

  g_string_append_printf (out, "{\"written\": %s, \"mapped\": %u, \"documents\": [",
                          error == NULL ? "true" : "false", read ? gloss_importer_get_n_mapped (importer) : 0);
  for (guint i = 0; i < n; i++)
    {
      const char *id;
      GlossDocument *document = gloss_importer_get_document (importer, i, &id);
      g_autofree char *name = gloss_cli_json_name (gloss_document_get_file (document));

      gloss_cli_append_json_pair (out, i, "id", id, "file", name);
    }
  g_string_append (out, n > 0 ? "\n],\n\"warnings\": " : "],\n\"warnings\": ");
  gloss_cli_append_json_problems (out, gloss_importer_get_warnings (importer), NULL);
  g_string_append (out, ",\n\"problems\": ");
  gloss_cli_append_json_problems (out, gloss_importer_get_problems (importer), NULL);
  g_string_append (out, ",\n\"exist\": [");
  for (guint i = 0; i < conflicts->len; i++)
    {
      g_autofree char *name = gloss_cli_json_name (g_ptr_array_index (conflicts, i));

      g_string_append (out, i > 0 ? ", " : "");
      gloss_json_append_string (out, name);
    }
  g_string_append (out, "],\n");
  gloss_cli_print_json_report (out, error);
}

int
gloss_cli_import (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GlossImporter) importer = NULL;
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GFile) input = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *into = NULL;
  g_autofree char *language = NULL;
  g_autofree char *annotator = NULL;
  g_autofree char *encoding = NULL;
  g_autofree char *offsets_name = NULL;
  g_autofree char *label_config = NULL;
  g_autofree char *labels_name = NULL;
  g_autofree char *names = gloss_import_format_list_names ();
  g_autofree char *format_help = NULL;
  g_auto(GStrv) args = NULL;
  GlossImportFormat format;
  GlossOffsets offsets = GLOSS_OFFSETS_AUTO;
  gboolean force = FALSE;
  gboolean json = FALSE;
  gboolean ok;
  gboolean strict = FALSE;
  int exit_code = GLOSS_EXIT_OK;
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name, NULL, N_("FORMAT") },
    { "into", 0, 0, G_OPTION_ARG_FILENAME, &into, N_("The folder to write the documents into"), N_("FOLDER") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Overwrite files that exist already"), NULL },
    gloss_cli_json_entry (&json),
    gloss_cli_language_entry (&language, FALSE),
    gloss_cli_language_entry (&language, TRUE),
    { "annotator", 0, 0, G_OPTION_ARG_STRING, &annotator,
      N_("Record NAME as the annotator where the format names none (e.g. the model of pre-annotations)"), N_("NAME") },
    gloss_cli_encoding_entry (&encoding),
    { "offsets", 0, 0, G_OPTION_ARG_STRING, &offsets_name,
      N_("How the offsets count: utf16 code units, as doccano’s annotation view does, codepoints, or auto (the "
         "default): as each line says, else as the spans show; spans that fit both, which differ, stop the import "
         "(doccano)"), N_("UNIT") },
    { "label-config", 0, 0, G_OPTION_ARG_FILENAME, &label_config,
      N_("The project’s labeling config (XML), whose <Text> tag names the field that holds the text (label-studio)"),
      N_("FILE") },
    { "labels", 0, 0, G_OPTION_ARG_FILENAME, &labels_name,
      N_("The label set to start from: a built-in set (default, quotation) or a JSON file with \"labels\" (a "
         "gloss-project.json); labels of the dataset it lacks are added. A gloss-project.json in FOLDER wins. "
         "Without it: quotation for wikinews-quotes, default for the other formats"),
      N_("SET") },
    { "strict", 0, 0, G_OPTION_ARG_NONE, &strict,
      N_("Write nothing if the input holds what Gloss has no place for (brat events, Label Studio choices of a whole "
         "task …)"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args, NULL, N_("IN") },
    { NULL }
  };

  format_help = g_strdup_printf (_("The format: %s"), names);
  entries[0].description = format_help;
  entries[7].description = N_("brat: read text files that are not UTF-8 in ENCODING (windows-1252 or iso-8859-1); "
                              "they are written as UTF-8");

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                _("Makes a text (.txt) and an annotation file (.gloss.json) for every document of "
                                  "IN, a dataset file or (brat, wikinews-quotes) folder, in FOLDER. A span whose "
                                  "label is a span label of the label set (--labels) becomes a span of the text, "
                                  "with its parts, attributes, note and relations; a span with a sentence label "
                                  "labels the sentences it covers. What Gloss has no place for (a relation or "
                                  "attribute of a sentence label, brat events and normalizations, Label Studio "
                                  "choices of a whole task …) is left out and counted on the standard error. "
                                  "Nothing is written if a file exists already (unless --force) or a document does "
                                  "not pass the checks of loading."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!gloss_cli_parse (context, &argc, &argv, &exit_code) ||
      !gloss_cli_check_encoding (context, encoding, &exit_code))
    return exit_code;

  if (format_name == NULL || !gloss_import_format_from_name (format_name, &format))
    {
      if (format_name == NULL)
        gloss_cli_usage_error (context, _("Give a format with --format: %s"), names);
      else
        gloss_cli_usage_error (context, _("Unknown format “%s”; the formats are: %s"), format_name, names);
      return GLOSS_EXIT_USAGE;
    }

  if (args == NULL || args[0] == NULL || args[1] != NULL)
    {
      gloss_cli_usage_error (context, _("Give one file (or, for brat and wikinews-quotes, one folder) to import"));
      return GLOSS_EXIT_USAGE;
    }

  if (into == NULL)
    {
      gloss_cli_usage_error (context, _("Give the folder to write into with --into"));
      return GLOSS_EXIT_USAGE;
    }

  if (!gloss_cli_check_language (context, &language, &exit_code))
    return exit_code;

  /* The other formats hold their texts in JSON, which is UTF-8 */
  if (encoding != NULL && format != GLOSS_IMPORT_BRAT)
    {
      gloss_cli_usage_error (context, _("--encoding applies to the text files of a brat folder; the format “%s” "
                                        "holds its texts in JSON, which is UTF-8"), format_name);
      return GLOSS_EXIT_USAGE;
    }

  if (offsets_name != NULL && !gloss_offsets_from_name (offsets_name, &offsets))
    {
      gloss_cli_usage_error (context, _("The offsets are “utf16”, “codepoints” or “auto”, not “%s”"), offsets_name);
      return GLOSS_EXIT_USAGE;
    }

  if (offsets_name != NULL && !gloss_import_format_has_offsets (format))
    {
      gloss_cli_usage_error (context, _("--offsets applies to doccano; the offsets of “%s” are code points"),
                             format_name);
      return GLOSS_EXIT_USAGE;
    }

  if (label_config != NULL && format != GLOSS_IMPORT_LABEL_STUDIO)
    {
      gloss_cli_usage_error (context, _("--label-config applies to label-studio"));
      return GLOSS_EXIT_USAGE;
    }

  input = g_file_new_for_commandline_arg (args[0]);
  folder = g_file_new_for_commandline_arg (into);

  importer = gloss_importer_new (format);
  gloss_importer_set_language (importer, language);
  gloss_importer_set_annotator (importer, annotator);
  gloss_importer_set_encoding (importer, encoding);
  gloss_importer_set_offsets (importer, offsets);
  gloss_importer_set_strict (importer, strict);
  if (labels_name != NULL)
    {
      g_autoptr(GlossLabelSet) labels = NULL;

      if (g_strv_contains (gloss_label_set_list_builtin (), labels_name))
        labels = gloss_label_set_new_builtin (labels_name);
      else
        {
          g_autoptr(GFile) file = g_file_new_for_commandline_arg (labels_name);
          g_autoptr(GPtrArray) problems = gloss_problems_new ();

          labels = gloss_project_load_labels (file, problems, NULL);
          if (labels == NULL || problems->len > 0)
            {
              print_problems (problems, "");
              if (problems->len == 0)
                {
                  g_autofree char *name = gloss_cli_display_name (file);

                  gloss_cli_printerr (_("gloss import: %s: not a built-in label set (%s) nor a label set file\n"),
                                      name, "default, quotation");
                }
              return GLOSS_EXIT_FAILURE;
            }
        }
      gloss_importer_set_labels (importer, labels);
    }
  if (label_config != NULL)
    {
      g_autoptr(GFile) config = g_file_new_for_commandline_arg (label_config);

      gloss_importer_set_label_config (importer, config);
    }

  ok = gloss_importer_import (importer, input, folder, force, conflicts, NULL, &error);
  if (json)
    print_json (importer, conflicts, error);

  if (!ok)
    {
      if (g_error_matches (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_PROJECT))
        {
          print_problems (gloss_importer_get_problems (importer), "");
          gloss_cli_printerr (_("gloss import: nothing was written: the project file of the folder has problems\n"));
          return GLOSS_EXIT_FAILURE;
        }

      if (!gloss_importer_has_read (importer))
        {
          g_autofree char *name = gloss_cli_display_name (input);
          g_autofree char *message = gloss_cli_escape (error->message);

          gloss_cli_printerr ("gloss import: %s: %s\n", name, message);
          return GLOSS_EXIT_FAILURE;
        }

      print_problems (gloss_importer_get_warnings (importer), _("warning: "));
      print_problems (gloss_importer_get_problems (importer), "");
      if (g_error_matches (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_DATASET))
        {
          if (strict && gloss_importer_get_dropped (importer)->len > 0)
            gloss_cli_printerr (_("gloss import: nothing was written: the input holds what Gloss has no place for, "
                                  "and --strict refuses that\n"));
          else
            gloss_cli_printerr (_("gloss import: nothing was written: the input has problems\n"));
          return GLOSS_EXIT_FAILURE;
        }

      for (guint i = 0; i < conflicts->len; i++)
        {
          g_autofree char *name = gloss_cli_display_name (g_ptr_array_index (conflicts, i));

          gloss_cli_printerr (_("gloss import: %s: exists already\n"), name);
        }
      {
        g_autofree char *message = gloss_cli_escape (error->message);

        gloss_cli_printerr ("gloss import: %s\n", message);
      }
      return GLOSS_EXIT_FAILURE;
    }

  print_problems (gloss_importer_get_warnings (importer), _("warning: "));
  print_problems (gloss_importer_get_dropped (importer), "");

  if (gloss_importer_get_n_mapped (importer) > 0)
    gloss_cli_printerr (g_dngettext (GETTEXT_PACKAGE,
                                     "gloss import: %u span was not one sentence and labels the sentences it covers\n",
                                     "gloss import: %u spans were not one sentence and label the sentences they "
                                     "cover\n",
                                     gloss_importer_get_n_mapped (importer)),
                        gloss_importer_get_n_mapped (importer));

  gloss_cli_printerr (g_dngettext (GETTEXT_PACKAGE, "gloss import: %u document written\n",
                                   "gloss import: %u documents written\n",
                                   gloss_importer_get_n_documents (importer)),
                      gloss_importer_get_n_documents (importer));

  return exit_code;
}
