/* gloss-cli-validate.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-cli-private.h"
#include "gloss-corpus.h"
#include "gloss-document.h"
#include "gloss-error.h"
#include "gloss-json.h"
#include "gloss-problem.h"

/* A problem is a line, or with --json an object of the list @json */
static void
print_problem (GFile              *json_file,
               const GlossProblem *problem,
               GString            *json)
{
  g_autofree char *name = NULL;

  if (json != NULL)
    {
      name = gloss_cli_json_name (json_file);
      g_string_append (json, json->len > 0 ? ",\n  " : "\n  ");
      gloss_cli_append_json_problem (json, problem, name, "$");
    }
  else
    {
      g_autofree char *line = NULL;

      name = gloss_cli_display_name (json_file);
      line = gloss_cli_problem_line (problem, name, "$");
      gloss_cli_print ("%s\n", line);
    }
}

/* Checks one annotation file, or one text's. Returns the number of
 * problems printed. */
static guint
validate_one (GFile      *file,
              const char *encoding,
              GString    *json)
{
  g_autoptr(GFile) text_file = NULL;
  g_autoptr(GFile) json_file = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GPtrArray) conflicts = NULL;
  GPtrArray *problems;

  if (path != NULL && g_str_has_suffix (path, GLOSS_ANNOTATION_SUFFIX))
    {
      g_autofree char *text_path = g_strndup (path, strlen (path) - strlen (GLOSS_ANNOTATION_SUFFIX));

      json_file = g_object_ref (file);
      text_file = g_file_new_for_path (text_path);
    }
  else
    {
      text_file = g_object_ref (file);
      json_file = gloss_document_dup_annotation_file_for (file);
    }

  document = gloss_document_load_fallback (text_file, NULL, encoding, NULL, &error);
  if (document == NULL)
    {
      g_autofree char *text_name = gloss_cli_display_name (text_file);
      g_autoptr(GlossProblem) problem = NULL;

      /* The message of an annotation file that cannot be read names it */
      if (g_error_matches (error, GLOSS_ERROR, GLOSS_ERROR_UNREADABLE_ANNOTATIONS))
        problem = gloss_problem_new ("$", error->message);
      else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        problem = gloss_problem_new ("$.text.file", NULL);
      else
        problem = gloss_problem_new ("$.text", NULL);

      if (problem->message == NULL)
        problem->message = g_strdup_printf (_("The text “%s” cannot be read: %s"), text_name, error->message);
      print_problem (json_file, problem, json);
      return 1;
    }

  problems = gloss_document_get_problems (document);
  for (guint i = 0; i < problems->len; i++)
    print_problem (json_file, g_ptr_array_index (problems, i), json);

  /* A merge's clashes, each with both versions in short */
  conflicts = gloss_document_dup_conflict_problems (document);
  for (guint i = 0; i < conflicts->len; i++)
    print_problem (json_file, g_ptr_array_index (conflicts, i), json);

  return problems->len + conflicts->len;
}

int
gloss_cli_validate (int    argc,
                    char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) roots = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) problems = gloss_problems_new ();
  g_autoptr(GString) json_problems = NULL;
  g_autoptr(GString) json_files = NULL;
  g_autofree char *encoding = NULL;
  g_auto(GStrv) args = NULL;
  gboolean json = FALSE;
  int exit_code = GLOSS_EXIT_OK;
  guint n_invalid = 0;
  GOptionEntry entries[] = {
    gloss_cli_json_entry (&json),
    gloss_cli_encoding_entry (&encoding),
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args, NULL, N_("PATH…") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                _("Checks every annotation file (.gloss.json) in the given files and folders "
                                  "against its text, and prints each problem as FILE: JSON-PATH: message. "
                                  "With --json, one JSON document: every file checked, every problem as "
                                  "{file, path, message}, and the counts.\n\n"
                                  "Exit status: 0 when all are valid, 1 when any is not, 2 on a usage error."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!gloss_cli_parse (context, &argc, &argv, &exit_code) ||
      !gloss_cli_check_encoding (context, encoding, &exit_code))
    return exit_code;

  if (args == NULL || args[0] == NULL)
    {
      gloss_cli_usage_error (context, _("Give at least one file or folder"));
      return GLOSS_EXIT_USAGE;
    }

  files = gloss_cli_collect (args, GLOSS_ANNOTATION_SUFFIX, roots, problems, &exit_code);
  if (files == NULL)
    return exit_code;

  /* What could not be looked at (a folder that cannot be read, a named
   * pipe) is no annotation file checked: it is counted apart */
  if (json)
    {
      json_problems = g_string_new (NULL);
      json_files = g_string_new (NULL);
    }

  for (guint i = 0; i < problems->len; i++)
    {
      GlossProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *line = NULL;

      if (json)
        {
          g_string_append (json_problems, json_problems->len > 0 ? ",\n  " : "\n  ");
          gloss_cli_append_json_problem (json_problems, problem, NULL, NULL);
          continue;
        }

      line = gloss_cli_problem_line (problem, NULL, NULL);
      gloss_cli_print ("%s\n", line);
    }

  for (guint i = 0; i < files->len; i++)
    {
      GFile *file = g_ptr_array_index (files, i);
      gboolean valid = validate_one (file, encoding, json_problems) == 0;

      n_invalid += !valid;
      if (json)
        {
          g_autofree char *name = gloss_cli_json_name (file);

          g_string_append (json_files, i > 0 ? ",\n  {\"file\": " : "\n  {\"file\": ");
          gloss_json_append_string (json_files, name);
          g_string_append_printf (json_files, ", \"valid\": %s}", valid ? "true" : "false");
        }
    }

  if (json)
    gloss_cli_print ("{\"files\": [%s%s],\n\"problems\": [%s%s],\n"
                     "\"checked\": %u, \"invalid\": %u, \"unchecked\": %u}\n",
                     json_files->str, json_files->len ? "\n" : "",
                     json_problems->str, json_problems->len ? "\n" : "",
                     files->len, n_invalid, problems->len);

  if (n_invalid > 0)
    gloss_cli_printerr (g_dngettext (GETTEXT_PACKAGE,
                                     "%u annotation file of %u has problems\n",
                                     "%u annotation files of %u have problems\n", n_invalid),
                        n_invalid, files->len);

  if (problems->len > 0)
    gloss_cli_printerr (g_dngettext (GETTEXT_PACKAGE,
                                     "%u file or folder could not be checked\n",
                                     "%u files or folders could not be checked\n", problems->len),
                        problems->len);

  return n_invalid > 0 || problems->len > 0 ? GLOSS_EXIT_FAILURE : GLOSS_EXIT_OK;
}
