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
#include "gloss-error.h"
#include "gloss-json.h"
#include "gloss-label.h"
#include "gloss-problem.h"
#include "gloss-text.h"

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
  { "search",   gloss_cli_search,   N_("Search the texts of a corpus for words or a pattern, optionally only where a label is") },
  { "suggest",  gloss_cli_suggest,  N_("Suggest quotes, speakers and cues in German and English texts") },
  { "codebook", gloss_cli_codebook, N_("Write a project’s codebook as Markdown, HTML or a REFI-QDA codebook (.qdc)") },
  { "merge",    gloss_cli_merge,    N_("Merge two versions of an annotation file by meaning (git’s merge driver)") },
  { "git-setup", gloss_cli_git_setup, N_("Make git merge the annotation files of a repository with gloss merge") },
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

/**
 * gloss_cli_encoding_entry:
 *
 * Returns: the `--encoding` option of the commands that read texts
 */
GOptionEntry
gloss_cli_encoding_entry (char **encoding)
{
  GOptionEntry entry = {
    "encoding", 0, 0, G_OPTION_ARG_STRING, encoding,
    N_("Read texts that are not UTF-8 in ENCODING: windows-1252 or iso-8859-1; utf-8, the default, refuses them "
       "(UTF-8 texts are always read as UTF-8)"),
    N_("ENCODING")
  };

  return entry;
}

/**
 * gloss_cli_json_entry:
 *
 * Returns: the `--json` option of the commands that report
 */
GOptionEntry
gloss_cli_json_entry (gboolean *json)
{
  GOptionEntry entry = {
    "json", 0, 0, G_OPTION_ARG_NONE, json,
    N_("Print the report as one JSON document on the standard output, for scripts"), NULL
  };

  return entry;
}

/**
 * gloss_cli_language_entry:
 * @hidden: %TRUE for `--lang`, the spelling `gloss segment` once had,
 *   kept so that scripts go on working but not shown
 *
 * Returns: the `-L`, `--language` option (or its hidden alias)
 */
GOptionEntry
gloss_cli_language_entry (char     **language,
                          gboolean   hidden)
{
  GOptionEntry entry = {
    "language", 'L', 0, G_OPTION_ARG_STRING, language,
    N_("The texts’ language where the input does not say: de, en or auto (guessed, the default)"), N_("LANG")
  };

  /* Both store into @language: GOption keeps one value per location */
  if (hidden)
    {
      entry.long_name = "lang";
      entry.short_name = 0;
      entry.flags = G_OPTION_FLAG_HIDDEN;
    }

  return entry;
}

/**
 * gloss_cli_check_language:
 * @language: (inout): the `--language` given; `auto` becomes %NULL, to guess
 *
 * Returns: %FALSE, after a usage error, if @language is not one Gloss knows
 */
gboolean
gloss_cli_check_language (GOptionContext   *context,
                          char            **language,
                          int              *exit_code)
{
  if (g_strcmp0 (*language, "auto") == 0)
    g_clear_pointer (language, g_free);

  if (*language == NULL || strcmp (*language, "de") == 0 || strcmp (*language, "en") == 0)
    return TRUE;

  gloss_cli_usage_error (context, _("Unknown language “%s”: use de, en or auto"), *language);
  *exit_code = GLOSS_EXIT_USAGE;
  return FALSE;
}

/**
 * gloss_cli_label_entry:
 *
 * Returns: the `-l`, `--label` option of the commands that can keep only
 *   some labels
 */
GOptionEntry
gloss_cli_label_entry (char ***labels)
{
  GOptionEntry entry = {
    "label", 'l', 0, G_OPTION_ARG_STRING_ARRAY, labels, N_("Only this label (repeatable)"), N_("LABEL")
  };

  return entry;
}

/**
 * gloss_cli_check_labels:
 *
 * Returns: %FALSE, after a usage error, if one of @labels is no label id
 */
gboolean
gloss_cli_check_labels (GOptionContext  *context,
                        char           **labels,
                        int             *exit_code)
{
  for (guint i = 0; labels != NULL && labels[i] != NULL; i++)
    {
      if (!gloss_label_id_is_valid (labels[i]))
        {
          gloss_cli_usage_error (context, _("“%s” is not a label id (lower-case letters, digits, - and _)"),
                                 labels[i]);
          *exit_code = GLOSS_EXIT_USAGE;
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * gloss_cli_check_encoding:
 *
 * Returns: %FALSE, after a usage error, if @encoding is not one Gloss reads
 */
gboolean
gloss_cli_check_encoding (GOptionContext *context,
                          const char     *encoding,
                          int            *exit_code)
{
  if (encoding == NULL || gloss_text_encoding_is_supported (encoding))
    return TRUE;

  gloss_cli_usage_error (context, _("Unknown encoding “%s”: use utf-8, windows-1252 or iso-8859-1"), encoding);
  *exit_code = GLOSS_EXIT_USAGE;
  return FALSE;
}

void
gloss_cli_usage_error (GOptionContext *context,
                       const char     *format,
                       ...)
{
  g_autofree char *message = NULL;
  g_autofree char *escaped = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* The message quotes what was typed */
  escaped = gloss_cli_escape (message);
  gloss_cli_printerr ("%s: %s\n", g_get_prgname (), escaped);
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

/* Bidirectional overrides and isolates reorder what a terminal shows */
static gboolean
is_bidi_control (gunichar c)
{
  return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

/**
 * gloss_cli_escape:
 * @text: (nullable): a file name, an id, a label, a message quoting one
 *
 * Every message that prints what a user's files hold goes through here: a
 * line break in a file name would break a table, and the escape sequences
 * of a hostile label name would drive the terminal. Control characters
 * become `\n`, `\r`, `\t`, `\x1B` or `\u009B`, bidirectional controls
 * `\u202E`, and bytes that are no UTF-8 `\xFF`.
 *
 * Returns: (transfer full): @text, safe to print
 */
char *
gloss_cli_escape (const char *text)
{
  GString *out;
  const char *p, *end;

  if (text == NULL)
    return g_strdup ("");

  end = text + strlen (text);
  out = g_string_sized_new (end - text);

  for (p = text; p < end;)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);
      const char *next;

      if (c == (gunichar)-1 || c == (gunichar)-2)
        {
          g_string_append_printf (out, "\\x%02X", (guchar)*p);
          p++;
          continue;
        }

      next = g_utf8_next_char (p);
      if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\r')
        g_string_append (out, "\\r");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c < 0x20 || c == 0x7F)
        g_string_append_printf (out, "\\x%02X", c);
      else if ((c >= 0x80 && c < 0xA0) || is_bidi_control (c))
        g_string_append_printf (out, "\\u%04X", c);
      else
        g_string_append_len (out, p, next - p);
      p = next;
    }

  return g_string_free (out, FALSE);
}

/**
 * gloss_cli_problem_line:
 * @file: (nullable): the file to name when @problem names none
 * @path: (nullable): the JSON path to print when @problem has none; %NULL
 *   leaves it out
 *
 * Returns: (transfer full): `FILE: PATH: message`, escaped for the terminal
 */
char *
gloss_cli_problem_line (const GlossProblem *problem,
                        const char         *file,
                        const char         *path)
{
  g_autofree char *name = gloss_cli_escape (problem->file ? problem->file : file);
  g_autofree char *where = NULL;
  g_autofree char *message = gloss_cli_escape (problem->message);

  if (problem->path != NULL && problem->path[0] != '\0')
    path = problem->path;
  if (path == NULL)
    return g_strdup_printf ("%s: %s", name, message);

  where = gloss_cli_escape (path);

  return g_strdup_printf ("%s: %s: %s", name, where, message);
}

/**
 * gloss_cli_append_json_problems:
 * @problems: (element-type GlossProblem): the problems
 * @path: (nullable): the JSON path of a problem that has none
 *
 * Appends a JSON list of @problems, one a line.
 */
void
gloss_cli_append_json_problems (GString    *out,
                                GPtrArray  *problems,
                                const char *path)
{
  g_string_append_c (out, '[');
  for (guint i = 0; i < problems->len; i++)
    {
      g_string_append (out, i > 0 ? ",\n  " : "\n  ");
      gloss_cli_append_json_problem (out, g_ptr_array_index (problems, i), NULL, path);
    }
  g_string_append (out, problems->len > 0 ? "\n]" : "]");
}

/**
 * gloss_cli_append_json_pair:
 * @position: the object's position in its list, 0 for the first
 *
 * Appends `{"KEY1": VALUE1, "KEY2": VALUE2}` to a list of them, one a line.
 */
void
gloss_cli_append_json_pair (GString    *out,
                            guint       position,
                            const char *key1,
                            const char *value1,
                            const char *key2,
                            const char *value2)
{
  g_string_append_printf (out, "%s{\"%s\": ", position > 0 ? ",\n  " : "\n  ", key1);
  gloss_json_append_string (out, value1);
  g_string_append_printf (out, ", \"%s\": ", key2);
  gloss_json_append_string (out, value2);
  g_string_append_c (out, '}');
}

/**
 * gloss_cli_print_json_report:
 * @out: a report that ends where its last member, `"error"`, goes
 * @error: (nullable): why the command failed
 *
 * Ends @out with `"error": MESSAGE` or `null`, and prints it.
 */
void
gloss_cli_print_json_report (GString      *out,
                             const GError *error)
{
  g_string_append (out, "\"error\": ");
  if (error != NULL)
    gloss_json_append_string (out, error->message);
  else
    g_string_append (out, "null");
  g_string_append (out, "}\n");

  gloss_cli_print ("%s", out->str);
}

/**
 * gloss_cli_print_error:
 * @command: the command's name, as in “gloss stats”
 *
 * Says on stderr why @file could not be read, escaped, with the option that
 * reads a text in an older encoding when that is why.
 */
void
gloss_cli_print_error (const char   *command,
                       GFile        *file,
                       const GError *error)
{
  g_autofree char *name = gloss_cli_display_name (file);
  g_autofree char *message = gloss_cli_escape (error->message);

  if (g_error_matches (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_UTF8))
    gloss_cli_printerr (_("%s: %s: %s (--encoding windows-1252 reads it so)\n"), command, name, message);
  else
    gloss_cli_printerr ("%s: %s: %s\n", command, name, message);
}

/* @file as the user would write it, in the file system's bytes: relative
 * to the current folder when it is below it */
static char *
dup_user_path (GFile *file)
{
  g_autoptr(GFile) cwd = g_file_new_for_path (".");
  char *path = g_file_get_relative_path (cwd, file);

  if (path == NULL)
    path = g_file_get_path (file);
  if (path == NULL)
    path = g_file_get_uri (file);

  return path;
}

/**
 * gloss_cli_display_name:
 *
 * Returns: (transfer full): @file as the user would write it: relative to
 *   the current folder when it is below it, in UTF-8, escaped for the
 *   terminal (gloss_cli_escape())
 */
char *
gloss_cli_display_name (GFile *file)
{
  g_autofree char *path = dup_user_path (file);
  g_autofree char *name = g_filename_display_name (path);

  return gloss_cli_escape (name);
}

/**
 * gloss_cli_json_name:
 *
 * Returns: (transfer full): @file as gloss_cli_display_name() names it,
 *   for JSON: UTF-8 always, a name that is not escaped as document ids
 *   are (gloss_corpus_escape_id()), so that it gives the file back
 */
char *
gloss_cli_json_name (GFile *file)
{
  g_autofree char *path = dup_user_path (file);

  return gloss_corpus_escape_id (path);
}

/**
 * gloss_cli_append_json_problem:
 * @file: (nullable): the file to name when @problem names none; %NULL
 *   gives `null`
 * @path: (nullable): the JSON path when @problem has none; %NULL gives
 *   `null`
 *
 * Appends `{"file": …, "path": …, "message": …}`: what
 * gloss_cli_problem_line() prints, for `--json`.
 */
void
gloss_cli_append_json_problem (GString            *out,
                               const GlossProblem *problem,
                               const char         *file,
                               const char         *path)
{
  if (problem->path != NULL && problem->path[0] != '\0')
    path = problem->path;

  if (problem->file != NULL)
    file = problem->file;

  g_string_append (out, "{\"file\": ");
  if (file != NULL)
    gloss_json_append_string (out, file);
  else
    g_string_append (out, "null");
  g_string_append (out, ", \"path\": ");
  if (path != NULL)
    gloss_json_append_string (out, path);
  else
    g_string_append (out, "null");
  g_string_append (out, ", \"message\": ");
  gloss_json_append_string (out, problem->message);
  g_string_append_c (out, '}');
}

/**
 * gloss_cli_check_paths:
 * @paths: the command's arguments: files or folders
 *
 * Says on stderr which path does not exist, as a usage error.
 *
 * Returns: (transfer full) (element-type GFile): the paths, or %NULL with
 *   @exit_code set when one does not exist
 */
GPtrArray *
gloss_cli_check_paths (char **paths,
                       int   *exit_code)
{
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (paths[i]);

      if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_UNKNOWN)
        {
          g_autofree char *display = g_filename_display_name (paths[i]);
          g_autofree char *name = gloss_cli_escape (display);

          gloss_cli_printerr (_("%s: %s: No such file or folder\n"), g_get_prgname (), name);
          *exit_code = GLOSS_EXIT_USAGE;
          return NULL;
        }

      g_ptr_array_add (inputs, g_steal_pointer (&file));
    }

  return g_steal_pointer (&inputs);
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
  g_autoptr(GPtrArray) inputs = gloss_cli_check_paths (paths, exit_code);

  if (inputs == NULL)
    return NULL;

  return gloss_corpus_collect (inputs, suffix, roots, problems, NULL);
}
