/* gloss-cli-codebook.c
 *
 * `gloss codebook export`: the codebook of a project (its labels'
 * definitions, rules and examples) as Markdown, HTML or a REFI-QDA
 * codebook. The writing is the core's (gloss-codebook.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-cli-private.h"
#include "gloss-codebook.h"
#include "gloss-corpus.h"
#include "gloss-document.h"
#include "gloss-error.h"
#include "gloss-file-writer.h"
#include "gloss-json.h"
#include "gloss-label-set.h"
#include "gloss-problem.h"
#include "gloss-project.h"
#include "gloss-read.h"
#include "gloss-stdout-stream.h"

/* The labels of @file: a folder's project (gloss-project.json in it or a
 * folder above), or an annotation file's own table. Problems are printed. */
static GlossLabelSet *
load_labels (GFile  *file,
             char  **title,
             int    *exit_code)
{
  g_autoptr(GPtrArray) problems = gloss_problems_new ();
  g_autoptr(GlossLabelSet) labels = NULL;
  g_autofree char *display = gloss_cli_display_name (file);
  g_autofree char *path = g_file_get_path (file);
  GFileType type = g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL);

  *exit_code = GLOSS_EXIT_FAILURE;

  if (type == G_FILE_TYPE_DIRECTORY)
    {
      g_autoptr(GFile) project = gloss_project_find (file, NULL);

      if (project == NULL)
        {
          gloss_cli_printerr (_("codebook: %s: no %s in the folder or a folder above it\n"), display,
                              GLOSS_PROJECT_FILE_NAME);
          return NULL;
        }
      labels = gloss_project_load_labels (project, problems, NULL);
      {
        g_autoptr(GFile) parent = g_file_get_parent (project);

        *title = g_file_get_basename (parent);
      }
    }
  else if (path != NULL && g_str_has_suffix (path, GLOSS_ANNOTATION_SUFFIX))
    {
      g_autoptr(JsonNode) root = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *data = NULL;
      g_autofree char *base = g_file_get_basename (file);
      gsize length;

      if (!gloss_read_file (file, 0, NULL, &data, &length, &error) ||
          (root = gloss_json_parse (data, length, &error)) == NULL)
        {
          gloss_cli_print_error ("codebook", file, error);
          return NULL;
        }
      if (JSON_NODE_HOLDS_OBJECT (root))
        labels = gloss_label_set_new_from_object (json_node_get_object (root), "$", problems);
      else
        gloss_problems_add (problems, "$", _("The file must hold a JSON object, not %s"), gloss_json_type_name (root));
      gloss_problems_set_file (problems, 0, path);
      *title = g_strndup (base, strlen (base) - strlen (GLOSS_ANNOTATION_SUFFIX));
    }
  else
    {
      gloss_cli_printerr (_("codebook: %s: give a folder with a project file or an annotation file (%s)\n"),
                          display, GLOSS_ANNOTATION_SUFFIX);
      *exit_code = GLOSS_EXIT_USAGE;
      return NULL;
    }

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = gloss_cli_problem_line (g_ptr_array_index (problems, i), NULL, NULL);

      gloss_cli_printerr ("%s\n", line);
    }

  if (labels == NULL)
    return NULL;

  *exit_code = GLOSS_EXIT_OK;

  return g_steal_pointer (&labels);
}

static int
codebook_export (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GlossLabelSet) labels = NULL;
  g_autoptr(GFile) input = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *output_name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) args = NULL;
  GlossCodebookFormat format;
  int exit_code = GLOSS_EXIT_OK;
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("The format: markdown, html (one standalone file) or qdc (a REFI-QDA codebook)"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output_name,
      N_("Write to OUT; “-” or none: the standard output"), N_("OUT") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args, NULL, N_("PATH") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                _("Writes the codebook of a project: each label with its definition (the "
                                  "description), inclusion and exclusion rules and examples, as Markdown or HTML "
                                  "for a paper’s appendix, or as a REFI-QDA codebook (.qdc) for QDA software. "
                                  "PATH is a folder with a gloss-project.json (in it or a folder above), or an "
                                  "annotation file (.gloss.json), whose own labels are written."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!gloss_cli_parse (context, &argc, &argv, &exit_code))
    return exit_code;

  if (format_name == NULL)
    {
      gloss_cli_usage_error (context, _("Give a format with --format: markdown, html, qdc"));
      return GLOSS_EXIT_USAGE;
    }

  if (!gloss_codebook_format_from_name (format_name, &format))
    {
      gloss_cli_usage_error (context, _("Unknown format “%s”; the formats are: markdown, html, qdc"), format_name);
      return GLOSS_EXIT_USAGE;
    }

  if (args == NULL || args[0] == NULL || args[1] != NULL)
    {
      gloss_cli_usage_error (context, _("Give one folder or annotation file"));
      return GLOSS_EXIT_USAGE;
    }

  input = g_file_new_for_commandline_arg (args[0]);
  labels = load_labels (input, &title, &exit_code);
  if (labels == NULL)
    return exit_code;

  contents = gloss_codebook_to_string (labels, format, title, &error);
  if (contents == NULL)
    {
      gloss_cli_print_error ("codebook", input, error);
      return GLOSS_EXIT_FAILURE;
    }

  if (output_name == NULL || g_strcmp0 (output_name, "-") == 0)
    {
      g_autoptr(GOutputStream) stream = gloss_stdout_stream_new ();

      if (!g_output_stream_write_all (stream, contents, strlen (contents), NULL, NULL, &error) ||
          !g_output_stream_close (stream, NULL, &error))
        {
          g_autofree char *message = gloss_cli_escape (error->message);

          gloss_cli_printerr ("codebook: %s\n", message);
          return GLOSS_EXIT_FAILURE;
        }
    }
  else
    {
      g_autoptr(GFile) output = g_file_new_for_commandline_arg (output_name);

      if (!gloss_file_write (output, contents, strlen (contents), GLOSS_FILE_WRITER_STREAMS, NULL, &error))
        {
          gloss_cli_print_error ("codebook", output, error);
          return GLOSS_EXIT_FAILURE;
        }
    }

  return GLOSS_EXIT_OK;
}

int
gloss_cli_codebook (int    argc,
                    char **argv)
{
  /* One action so far; the word leaves room for others (an import) */
  if (argc >= 2 && g_strcmp0 (argv[1], "export") == 0)
    {
      /* "gloss codebook export" in --help */
      g_set_prgname ("gloss codebook export");
      return codebook_export (argc - 1, argv + 1);
    }

  /* export is the one action so far: its help is the command's */
  if (argc >= 2 && (g_strcmp0 (argv[1], "--help") == 0 || g_strcmp0 (argv[1], "-h") == 0))
    {
      char *help_argv[] = { argv[0], argv[1], NULL };

      g_set_prgname ("gloss codebook export");
      return codebook_export (2, help_argv);
    }

  gloss_cli_printerr ("%s\n  gloss codebook export -f markdown|html|qdc [-o OUT] PATH\n", _("Usage:"));
  return GLOSS_EXIT_USAGE;
}
