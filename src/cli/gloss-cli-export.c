/* gloss-cli-export.c
 *
 * `gloss export`: writes the documents of files and folders in one of the
 * dataset formats, to a file, stdout or (brat) a folder. The export
 * itself is the core's (GlossExportJob), as in the window; the command
 * checks its options and reports on the terminal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "gloss-agreement.h"
#include "gloss-cli-private.h"
#include "gloss-export-job.h"
#include "gloss-exporter.h"
#include "gloss-json.h"
#include "gloss-label.h"
#include "gloss-problem.h"
#include "gloss-read.h"
#include "gloss-stdout-stream.h"

/* The agreement figures of the card, from the annotators' own copies of
 * the corpus: annotations by several annotators in one document are no
 * independent double annotation. */
static GlossAgreement *
compare_copies (GOptionContext  *context,
                char           **paths,
                char           **labels,
                gboolean         skip_invalid,
                int             *exit_code)
{
  g_autoptr(GPtrArray) roots = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) problems = gloss_problems_new ();
  g_autoptr(GlossAgreement) agreement = NULL;
  guint n = g_strv_length (paths);

  if (n < 2 || n > GLOSS_AGREEMENT_MAX_ANNOTATORS)
    {
      gloss_cli_usage_error (context, _("Give --agreement once for each annotator’s copy: from 2 to %d folders"),
                             GLOSS_AGREEMENT_MAX_ANNOTATORS);
      *exit_code = GLOSS_EXIT_USAGE;
      return NULL;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GFile) root = g_file_new_for_commandline_arg (paths[i]);
      g_autofree char *name = g_filename_display_name (paths[i]);

      if (g_file_query_file_type (root, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_DIRECTORY)
        {
          gloss_cli_usage_error (context, _("%s is not a folder: give each annotator’s copy of the corpus as a folder"),
                                 name);
          *exit_code = GLOSS_EXIT_USAGE;
          return NULL;
        }

      g_ptr_array_add (roots, g_steal_pointer (&root));
      g_ptr_array_add (names, g_steal_pointer (&name));
    }
  g_ptr_array_add (names, NULL);

  agreement = gloss_agreement_new (roots, (const char * const *)names->pdata);
  gloss_agreement_set_labels (agreement, (const char * const *)labels);
  /* Only cancelling fails, and nothing cancels here */
  gloss_agreement_compare (agreement, problems, NULL, NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = gloss_cli_problem_line (g_ptr_array_index (problems, i), NULL, "$");

      gloss_cli_printerr ("gloss export: %s\n", line);
      if (!skip_invalid)
        *exit_code = GLOSS_EXIT_FAILURE;
    }

  return g_steal_pointer (&agreement);
}

/* Ids are UTF-8 in every export: a name that is not was escaped */
static void
print_renamed (GlossExporter *exporter)
{
  guint n = gloss_exporter_get_n_renamed (exporter);

  for (guint i = 0; i < n; i++)
    {
      const char *name, *id;
      g_autofree char *escaped_name = NULL;
      g_autofree char *escaped_id = NULL;

      gloss_exporter_get_renamed (exporter, i, &name, &id);
      escaped_name = gloss_cli_escape (name);
      escaped_id = gloss_cli_escape (id);
      gloss_cli_printerr (_("gloss export: %s: exported with the id “%s”\n"), escaped_name, escaped_id);
    }

  if (n > 0)
    gloss_cli_printerr (g_dngettext (GETTEXT_PACKAGE,
                                     "gloss export: %u file name is not UTF-8 (or holds %% and two hex digits), so "
                                     "its id is escaped: each byte that is not UTF-8 as %%XX, each %% as %%25; "
                                     "gloss import gives it its name back\n",
                                     "gloss export: %u file names are not UTF-8 (or hold %% and two hex digits), so "
                                     "their ids are escaped: each byte that is not UTF-8 as %%XX, each %% as %%25; "
                                     "gloss import gives them their names back\n", n),
                        n);
}

/* The report of --json: what the export says on the terminal, as one
 * document; the dataset itself is in the output */
static void
print_json (GlossExportJob *job,
            GFile          *output,
            const GError   *error)
{
  GlossExporter *exporter = gloss_export_job_get_exporter (job);
  g_autoptr(GString) out = g_string_new ("{\"format\": ");
  g_autofree char *name = gloss_cli_json_name (output);
  guint n_renamed = gloss_exporter_get_n_renamed (exporter);

  gloss_json_append_string (out, gloss_export_format_get_name (gloss_exporter_get_format (exporter)));
  g_string_append (out, ", \"output\": ");
  gloss_json_append_string (out, name);
  g_string_append_printf (out, ", \"written\": %s, \"texts\": %u, \"documents\": %u",
                          error == NULL ? "true" : "false", gloss_export_job_get_n_texts (job),
                          gloss_exporter_get_n_documents (exporter));
  g_string_append (out, ",\n\"unreadable\": ");
  gloss_cli_append_json_problems (out, gloss_export_job_get_unreadable (job), NULL);
  g_string_append (out, ",\n\"left_out\": ");
  gloss_cli_append_json_problems (out, gloss_export_job_get_left_out (job), "$");
  g_string_append (out, ",\n\"renamed\": [");
  for (guint i = 0; i < n_renamed; i++)
    {
      const char *file_name, *id;

      gloss_exporter_get_renamed (exporter, i, &file_name, &id);
      gloss_cli_append_json_pair (out, i, "name", file_name, "id", id);
    }
  g_string_append (out, n_renamed > 0 ? "\n],\n" : "],\n");
  gloss_cli_print_json_report (out, error);
}

/* What the format leaves out, and what the user should know of it */
static void
print_notices (GlossExporter *exporter)
{
  g_autofree char *not_carried = gloss_exporter_dup_not_carried (exporter);
  GPtrArray *notices = gloss_exporter_get_notices (exporter);

  if (not_carried != NULL)
    gloss_cli_printerr ("gloss export: %s\n", not_carried);

  for (guint i = 0; i < notices->len; i++)
    gloss_cli_printerr ("gloss export: %s\n", (const char *)g_ptr_array_index (notices, i));
}

int
gloss_cli_export (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GPtrArray) inputs = NULL;
  g_autoptr(GlossExporter) exporter = NULL;
  g_autoptr(GlossExportJob) job = NULL;
  g_autoptr(GlossAgreement) agreement = NULL;
  g_autoptr(GOutputStream) stream = NULL;
  g_autoptr(GFile) output = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *output_name = NULL;
  g_autofree char *annotator = NULL;
  g_autofree char *encoding = NULL;
  g_autofree char *offsets_name = NULL;
  g_autofree char *layout_name = NULL;
  g_autofree char *names = gloss_export_format_list_names ();
  g_autofree char *format_help = NULL;
  g_auto(GStrv) labels = NULL;
  g_auto(GStrv) copies = NULL;
  g_auto(GStrv) args = NULL;
  GlossExportFormat format;
  GlossOffsets offsets = GLOSS_OFFSETS_AUTO;
  GlossDoccanoLayout layout = GLOSS_DOCCANO_LAYOUT_AUTO;
  gboolean card = FALSE;
  gboolean done_only = FALSE;
  gboolean skip_invalid = FALSE;
  gboolean json = FALSE;
  gboolean to_stdout;
  gboolean ok;
  int n_context = 0;
  guint n_invalid = 0;
  int exit_code = GLOSS_EXIT_OK;
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name, NULL, N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output_name,
      N_("Write to OUT (a folder for brat); “-” or none: the standard output"), N_("OUT") },
    { "context", 0, 0, G_OPTION_ARG_INT, &n_context,
      N_("Add the N sentences before and after each sentence (sentences-jsonl)"), N_("N") },
    { "offsets", 0, 0, G_OPTION_ARG_STRING, &offsets_name,
      N_("Count the offsets in utf16 code units, as doccano’s annotation view does (the default), or in codepoints, "
         "as Python does (doccano)"), N_("UNIT") },
    { "doccano-layout", 0, 0, G_OPTION_ARG_STRING, &layout_name,
      N_("sequence-labeling ([start, end, label] triples), relation-extraction (entities and relations), or auto "
         "(the default: relation-extraction when the labels include span or relation labels) (doccano)"),
      N_("LAYOUT") },
    { "card", 0, 0, G_OPTION_ARG_NONE, &card, N_("Write a data card, README.md, beside the export"), NULL },
    { "agreement", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &copies,
      N_("An annotator’s copy of the corpus, for the card’s agreement figures (once per annotator)"), N_("FOLDER") },
    { "done-only", 0, 0, G_OPTION_ARG_NONE, &done_only, N_("Only documents marked done"), NULL },
    gloss_cli_label_entry (&labels),
    { "annotator", 0, 0, G_OPTION_ARG_STRING, &annotator, N_("Only this annotator’s annotations"), N_("NAME") },
    { "skip-invalid", 0, 0, G_OPTION_ARG_NONE, &skip_invalid,
      N_("Exit with success even if some annotation files have problems (they are still left out)"), NULL },
    gloss_cli_json_entry (&json),
    gloss_cli_encoding_entry (&encoding),
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args, NULL, N_("PATH…") },
    { NULL }
  };

  format_help = g_strdup_printf (_("The format: %s"), names);
  entries[0].description = format_help;

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                _("Exports the texts (.txt) of the given files and folders with their annotations "
                                  "as a dataset. Document ids are the texts’ paths relative to the folder given; "
                                  "offsets are Unicode code points, except in doccano, whose offsets count UTF-16 "
                                  "code units unless --offsets says otherwise. What the format has no place for "
                                  "is counted on the standard error. A document whose annotation file has problems "
                                  "is left out and reported, and the command then exits with 1."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!gloss_cli_parse (context, &argc, &argv, &exit_code) ||
      !gloss_cli_check_encoding (context, encoding, &exit_code))
    return exit_code;

  if (format_name == NULL)
    {
      gloss_cli_usage_error (context, _("Give a format with --format: %s"), names);
      return GLOSS_EXIT_USAGE;
    }

  if (!gloss_export_format_from_name (format_name, &format))
    {
      gloss_cli_usage_error (context, _("Unknown format “%s”; the formats are: %s"), format_name, names);
      return GLOSS_EXIT_USAGE;
    }

  if (args == NULL || args[0] == NULL)
    {
      gloss_cli_usage_error (context, _("Give at least one file or folder"));
      return GLOSS_EXIT_USAGE;
    }

  if (offsets_name != NULL &&
      (!gloss_offsets_from_name (offsets_name, &offsets) || offsets == GLOSS_OFFSETS_AUTO))
    {
      gloss_cli_usage_error (context, _("The offsets are “utf16” or “codepoints”, not “%s”"), offsets_name);
      return GLOSS_EXIT_USAGE;
    }

  if (offsets_name != NULL && gloss_export_format_get_offsets (format) == GLOSS_OFFSETS_AUTO)
    {
      gloss_cli_usage_error (context, _("--offsets applies to doccano; the offsets of “%s” are code points"),
                             format_name);
      return GLOSS_EXIT_USAGE;
    }

  if (layout_name != NULL && !gloss_doccano_layout_from_name (layout_name, &layout))
    {
      gloss_cli_usage_error (context, _("The doccano layout is “sequence-labeling”, “relation-extraction” or "
                                        "“auto”, not “%s”"), layout_name);
      return GLOSS_EXIT_USAGE;
    }

  if (layout_name != NULL && format != GLOSS_EXPORT_DOCCANO)
    {
      gloss_cli_usage_error (context, _("--doccano-layout applies to doccano"));
      return GLOSS_EXIT_USAGE;
    }

  if (n_context < 0)
    {
      gloss_cli_usage_error (context, _("The context must be 0 or more sentences"));
      return GLOSS_EXIT_USAGE;
    }

  if (!gloss_cli_check_labels (context, labels, &exit_code))
    return exit_code;

  to_stdout = output_name == NULL || g_strcmp0 (output_name, "-") == 0;
  if (to_stdout && gloss_export_format_is_folder (format))
    {
      gloss_cli_usage_error (context, _("The format “%s” writes a folder: give it with -o FOLDER"), format_name);
      return GLOSS_EXIT_USAGE;
    }

  if (to_stdout && json)
    {
      gloss_cli_usage_error (context, _("--json prints the report on the standard output: give the export a file "
                                        "with -o"));
      return GLOSS_EXIT_USAGE;
    }

  if (to_stdout && card)
    {
      gloss_cli_usage_error (context, _("--card writes README.md beside the export: give the export a file with -o"));
      return GLOSS_EXIT_USAGE;
    }

  /* A pipe or a device (-o /dev/null) has no folder of its own: the card
   * would land among the system's files (/dev/README.md) */
  if (card && !to_stdout && !gloss_export_format_is_folder (format))
    {
      GStatBuf st;

      if (g_stat (output_name, &st) == 0 && !S_ISREG (st.st_mode) && !S_ISDIR (st.st_mode))
        {
          g_autofree char *display = g_filename_display_name (output_name);

          gloss_cli_usage_error (context,
                                 _("--card writes README.md beside the export, but “%s” is %s, not a file in a "
                                   "folder of yours: give the export a regular file with -o"),
                                 display, gloss_read_describe_mode (st.st_mode));
          return GLOSS_EXIT_USAGE;
        }
    }

  if (copies != NULL && !card)
    {
      gloss_cli_usage_error (context, _("--agreement adds figures to the data card: give --card too"));
      return GLOSS_EXIT_USAGE;
    }

  if (copies != NULL)
    {
      agreement = compare_copies (context, copies, labels, skip_invalid, &exit_code);
      if (agreement == NULL)
        return exit_code;
    }

  inputs = gloss_cli_check_paths (args, &exit_code);
  if (inputs == NULL)
    return exit_code;

  exporter = gloss_exporter_new (format);
  gloss_exporter_set_context (exporter, n_context);
  gloss_exporter_set_done_only (exporter, done_only);
  gloss_exporter_set_labels (exporter, (const char * const *)labels);
  gloss_exporter_set_annotator (exporter, annotator);
  gloss_exporter_set_encoding (exporter, encoding);
  gloss_exporter_set_agreement (exporter, agreement);
  gloss_exporter_set_offsets (exporter, offsets);
  gloss_exporter_set_doccano_layout (exporter, layout);

  job = gloss_export_job_new (exporter);
  for (guint i = 0; i < inputs->len; i++)
    gloss_export_job_add_input (job, g_ptr_array_index (inputs, i));
  gloss_export_job_set_card (job, card);
  /* A folder without texts gives an empty dataset, as a script expects */
  gloss_export_job_set_allow_empty (job, TRUE);
  if (to_stdout)
    {
      stream = gloss_stdout_stream_new ();
      gloss_export_job_set_output_stream (job, stream);
    }
  else
    {
      output = g_file_new_for_commandline_arg (output_name);
      gloss_export_job_set_output (job, output);
    }

  ok = gloss_export_job_run (job, NULL, &error);
  if (json)
    print_json (job, output, error);

  if (gloss_export_job_get_step (job) > GLOSS_EXPORT_JOB_FINDING)
    {
      GPtrArray *unreadable = gloss_export_job_get_unreadable (job);

      for (guint i = 0; i < unreadable->len; i++)
        {
          g_autofree char *line = gloss_cli_problem_line (g_ptr_array_index (unreadable, i), NULL, NULL);

          gloss_cli_printerr ("gloss export: %s\n", line);
          exit_code = GLOSS_EXIT_FAILURE;
        }
    }

  /* What went through is reported even when putting it in place failed */
  if (gloss_export_job_get_step (job) >= GLOSS_EXPORT_JOB_FINISHING)
    {
      GPtrArray *left_out = gloss_export_job_get_left_out (job);

      for (guint i = 0; i < left_out->len; i++)
        {
          g_autofree char *line = gloss_cli_problem_line (g_ptr_array_index (left_out, i), NULL, "$");

          gloss_cli_printerr ("gloss export: %s\n", line);
        }
      print_renamed (exporter);
      print_notices (exporter);
    }

  /* Closing it flushes the standard output */
  if (ok && stream != NULL && !g_output_stream_close (stream, NULL, &error))
    ok = FALSE;

  if (!ok)
    {
      g_autofree char *message = gloss_cli_escape (error->message);

      gloss_cli_printerr ("gloss export: %s\n", message);
      return GLOSS_EXIT_FAILURE;
    }

  n_invalid = gloss_export_job_count_left_out (job);
  if (n_invalid > 0)
    {
      gloss_cli_printerr (g_dngettext (GETTEXT_PACKAGE,
                                       "gloss export: %u document left out because of problems\n",
                                       "gloss export: %u documents left out because of problems\n",
                                       n_invalid),
                          n_invalid);
      if (!skip_invalid)
        exit_code = GLOSS_EXIT_FAILURE;
    }

  return exit_code;
}
