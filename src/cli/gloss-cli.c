/* gloss-cli.c
 *
 * The headless commands: `gloss segment`, `validate`, `stats`. They need no
 * display and write UTF-8 to stdout whatever the locale, so scripts can
 * read it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "gloss-cli.h"
#include "gloss-cli-private.h"
#include "gloss-corpus.h"
#include "gloss-problem.h"

typedef struct
{
  const char *name;
  int       (*run) (int argc, char **argv);
  const char *summary;
} Command;

static const Command commands[] = {
  { "segment",  gloss_cli_segment,  N_("Split a text into sentences") },
  { "validate", gloss_cli_validate, N_("Check annotation files against their texts") },
  { "stats",    gloss_cli_stats,    N_("Count sentences and labels per document") },
  { "export",   gloss_cli_export,   N_("Write the annotations as a dataset (JSONL, JSON, CSV, doccano, Label Studio, brat)") },
  { "reanchor", gloss_cli_reanchor, N_("Place annotations again in texts that changed") },
  { "import",   gloss_cli_import,   N_("Make annotation files from a dataset or a JSONL corpus of articles") },
  { "agree",    gloss_cli_agree,    N_("Compare annotators’ copies of a corpus: agreement per label and document") },
};

static const Command *
lookup_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_strcmp0 (commands[i].name, name) == 0)
        return &commands[i];
    }

  return NULL;
}

/**
 * gloss_cli_handles:
 *
 * Returns: %TRUE if the command line asks for a headless command (or for
 *   help or the version), which needs no display
 */
gboolean
gloss_cli_handles (int    argc,
                   char **argv)
{
  if (argc < 2)
    return FALSE;

  return lookup_command (argv[1]) != NULL ||
         g_strcmp0 (argv[1], "--help") == 0 ||
         g_strcmp0 (argv[1], "-h") == 0 ||
         g_strcmp0 (argv[1], "--version") == 0 ||
         g_strcmp0 (argv[1], "help") == 0;
}

static void
print_help (void)
{
  gloss_cli_print ("%s\n  gloss %s\n  gloss %s\n\n", _("Usage:"),
                   /* Translators: what may follow “gloss”: a text file or a folder */
                   _("[FILE|FOLDER]"),
                   _("COMMAND [OPTION…] ARGUMENT…"));
  gloss_cli_print ("%s\n\n", _("Gloss: annotate the sentences of news articles as claims, sources and quotes."));
  gloss_cli_print ("%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    gloss_cli_print ("  %-10s %s\n", commands[i].name, _(commands[i].summary));
  gloss_cli_print ("\n%s\n", _("Options:"));
  gloss_cli_print ("  %-10s %s\n", "--help", _("Show this help"));
  gloss_cli_print ("  %-10s %s\n", "--version", _("Show the version"));
  gloss_cli_print ("\n%s\n", _("“gloss COMMAND --help” describes a command."));
}

int
gloss_cli_run (int    argc,
               char **argv)
{
  const Command *command;

  g_return_val_if_fail (argc >= 2, GLOSS_EXIT_USAGE);

  if (g_strcmp0 (argv[1], "--version") == 0)
    {
      gloss_cli_print ("gloss %s\n", PACKAGE_VERSION);
      return GLOSS_EXIT_OK;
    }

  if (g_strcmp0 (argv[1], "--help") == 0 || g_strcmp0 (argv[1], "-h") == 0 || g_strcmp0 (argv[1], "help") == 0)
    {
      print_help ();
      return GLOSS_EXIT_OK;
    }

  command = lookup_command (argv[1]);
  g_return_val_if_fail (command != NULL, GLOSS_EXIT_USAGE);

  /* GOption's usage line and our messages name the command as typed */
  {
    g_autofree char *prgname = g_strconcat ("gloss ", argv[1], NULL);

    g_set_prgname (prgname);
  }

  return command->run (argc - 1, argv + 1);
}

/**
 * gloss_cli_parse:
 *
 * Parses a command's options. Reports a usage error itself.
 *
 * Returns: %FALSE when the command is to exit with @exit_code
 */
gboolean
gloss_cli_parse (GOptionContext   *context,
                 int              *argc,
                 char           ***argv,
                 int              *exit_code)
{
  g_autoptr(GError) error = NULL;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      gloss_cli_usage_error (context, "%s", error->message);
      *exit_code = GLOSS_EXIT_USAGE;
      return FALSE;
    }

  return TRUE;
}

void
gloss_cli_usage_error (GOptionContext *context,
                       const char     *format,
                       ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  gloss_cli_printerr ("%s: %s\n", g_get_prgname (), message);
  gloss_cli_printerr (_("Try “%s --help”.\n"), g_get_prgname ());
}

/* g_print() would convert to the locale's charset; Gloss's output is
 * UTF-8 always, like the files it writes. */
void
gloss_cli_print (const char *format,
                 ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  fputs (text, stdout);
}

void
gloss_cli_printerr (const char *format,
                    ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  fflush (stdout);
  fputs (text, stderr);
}

/**
 * gloss_cli_display_name:
 *
 * Returns: (transfer full): @file as the user would write it: relative to
 *   the current folder when it is below it, in UTF-8
 */
char *
gloss_cli_display_name (GFile *file)
{
  g_autoptr(GFile) cwd = g_file_new_for_path (".");
  g_autofree char *relative = g_file_get_relative_path (cwd, file);
  g_autofree char *path = NULL;

  if (relative != NULL)
    return g_filename_display_name (relative);

  path = g_file_get_path (file);
  if (path != NULL)
    return g_filename_display_name (path);

  return g_file_get_uri (file);
}

/**
 * gloss_cli_collect:
 * @paths: the command's arguments: files or folders
 * @suffix: the name ending of the files to find in folders
 * @roots: (element-type GFile): for each file found, the folder given (or
 *   the folder of a file given itself), to name documents by relative path
 * @problems: (element-type GlossProblem): folders that cannot be read
 *
 * Returns: (transfer full) (element-type GFile): the files, or %NULL with
 *   @exit_code set when a path does not exist
 */
GPtrArray *
gloss_cli_collect (char       **paths,
                   const char  *suffix,
                   GPtrArray   *roots,
                   GPtrArray   *problems,
                   int         *exit_code)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (paths[i]);
      GFileType type = g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL);

      if (type == G_FILE_TYPE_UNKNOWN)
        {
          g_autofree char *name = g_filename_display_name (paths[i]);

          gloss_cli_printerr (_("%s: %s: No such file or folder\n"), g_get_prgname (), name);
          *exit_code = GLOSS_EXIT_USAGE;
          return NULL;
        }

      if (type == G_FILE_TYPE_DIRECTORY)
        {
          g_autoptr(GPtrArray) found = gloss_corpus_find_files (file, suffix, problems, NULL);

          for (guint j = 0; j < found->len; j++)
            {
              g_ptr_array_add (files, g_object_ref (g_ptr_array_index (found, j)));
              g_ptr_array_add (roots, g_object_ref (file));
            }
        }
      else
        {
          g_ptr_array_add (roots, g_file_get_parent (file));
          g_ptr_array_add (files, g_steal_pointer (&file));
        }
    }

  return g_steal_pointer (&files);
}
