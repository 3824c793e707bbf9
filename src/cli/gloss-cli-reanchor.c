/* gloss-cli-reanchor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-cli-private.h"
#include "gloss-corpus.h"
#include "gloss-document.h"
#include "gloss-json.h"
#include "gloss-label-set.h"
#include "gloss-problem.h"
#include "gloss-project.h"
#include "gloss-read.h"
#include "gloss-reanchor.h"
#include "gloss-text.h"

/* The names of the statuses in JSON, which are not translated */
static const char *
status_json_name (GlossAnchorStatus status)
{
  switch (status)
    {
    case GLOSS_ANCHOR_KEPT:
      return "kept";
    case GLOSS_ANCHOR_MOVED:
      return "moved";
    case GLOSS_ANCHOR_CHANGED:
      return "changed";
    case GLOSS_ANCHOR_LOST:
    default:
      return "not_found";
    }
}

static void
append_json_anchor (GString           *out,
                    const GlossAnchor *anchor)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append_printf (out, "{\"sentence\": %u, \"status\": \"%s\", \"old\": [%u, %u], \"new\": ",
                          anchor->sentence, status_json_name (anchor->status), anchor->old_start, anchor->old_end);
  if (anchor->status == GLOSS_ANCHOR_LOST)
    g_string_append (out, "null, \"similarity\": null");
  else
    g_string_append_printf (out, "[%u, %u], \"similarity\": %s", anchor->new_start, anchor->new_end,
                            g_ascii_formatd (number, sizeof number, "%.4f", anchor->similarity));
  g_string_append_printf (out, ", \"annotations\": %u, \"was\": ", anchor->n_annotations);
  gloss_json_append_string (out, anchor->old_text);
  g_string_append (out, ", \"now\": ");
  if (anchor->new_text != NULL)
    gloss_json_append_string (out, anchor->new_text);
  else
    g_string_append (out, "null");
  g_string_append_c (out, '}');
}

/* Says why @file failed, on stderr and in the JSON report */
static int
fail (GFile        *file,
      const GError *error,
      GString      *json)
{
  gloss_cli_print_error ("gloss reanchor", file, error);

  if (json != NULL)
    {
      g_string_append (json, ", \"error\": ");
      gloss_json_append_string (json, error->message);
      g_string_append (json, "}");
    }

  return GLOSS_EXIT_FAILURE;
}

/* Re-anchors one text. Returns an exit code. With --json, @json gets the
 * text's object. */
static int
reanchor_one (GFile      *file,
              gboolean    dry_run,
              const char *encoding,
              GString    *json)
{
  g_autoptr(GFile) text_file = NULL;
  g_autoptr(GFile) json_file = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GlossText) text = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GlossLabelSet) labels = NULL;
  g_autoptr(GPtrArray) anchors = NULL;
  g_autoptr(GPtrArray) span_anchors = NULL;
  g_autoptr(GPtrArray) problems = gloss_problems_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = NULL;
  g_autofree char *data = NULL;
  guint counts[GLOSS_ANCHOR_LOST + 1] = { 0 };
  guint span_counts[GLOSS_ANCHOR_LOST + 1] = { 0 };
  guint n_relations_lost = 0;
  gsize length;

  if (path != NULL && g_str_has_suffix (path, GLOSS_ANNOTATION_SUFFIX))
    {
      g_autofree char *text_path = g_strndup (path, strlen (path) - strlen (GLOSS_ANNOTATION_SUFFIX));

      text_file = g_file_new_for_path (text_path);
    }
  else
    text_file = g_object_ref (file);

  json_file = gloss_document_dup_annotation_file_for (text_file);
  name = gloss_cli_display_name (text_file);

  if (json != NULL)
    {
      g_autofree char *json_name = gloss_cli_json_name (text_file);

      g_string_append (json, "{\"file\": ");
      gloss_json_append_string (json, json_name);
    }

  if (!gloss_read_file (json_file, 0, NULL, &data, &length, &error))
    return fail (json_file, error, json);

  /* The changed text may have been saved in an older encoding */
  text = gloss_reanchor_load_text (text_file, data, length, NULL, &error);
  if (text == NULL && encoding != NULL && g_ascii_strcasecmp (encoding, "utf-8") != 0 &&
      gloss_text_error_is_encoding (error))
    {
      g_clear_error (&error);
      text = gloss_text_load_encoded (text_file, encoding, NULL, &error);
    }
  if (text == NULL)
    return fail (text_file, error, json);

  /* With the project's labels unknown, the file would be written with
   * others */
  dir = g_file_get_parent (text_file);
  labels = gloss_project_load_labels_for (dir, problems, NULL);
  if (problems->len > 0)
    {
      for (guint i = 0; i < problems->len; i++)
        {
          g_autofree char *line = gloss_cli_problem_line (g_ptr_array_index (problems, i), NULL, "$");

          gloss_cli_printerr ("gloss reanchor: %s\n", line);
        }
      gloss_cli_printerr (_("gloss reanchor: %s: skipped: the project file has problems\n"), name);
      if (json != NULL)
        {
          g_string_append (json, ", \"error\": ");
          gloss_json_append_string (json, ((GlossProblem *)g_ptr_array_index (problems, 0))->message);
          g_string_append (json, "}");
        }
      return GLOSS_EXIT_FAILURE;
    }

  document = gloss_reanchor_full (text_file, text, data, length, NULL, labels, &anchors, &span_anchors, &error);
  if (document == NULL)
    return fail (text_file, error, json);

  for (guint i = 0; i < anchors->len; i++)
    counts[((GlossAnchor *)g_ptr_array_index (anchors, i))->status]++;

  if (json != NULL)
    {
      gboolean first = TRUE;

      g_string_append_printf (json, ", \"kept\": %u, \"moved\": %u, \"changed\": %u, \"not_found\": %u, "
                                    "\"sentences\": [",
                              counts[GLOSS_ANCHOR_KEPT], counts[GLOSS_ANCHOR_MOVED],
                              counts[GLOSS_ANCHOR_CHANGED], counts[GLOSS_ANCHOR_LOST]);
      /* What was kept is no news, as in the text report */
      for (guint i = 0; i < anchors->len; i++)
        {
          GlossAnchor *anchor = g_ptr_array_index (anchors, i);

          if (anchor->status == GLOSS_ANCHOR_KEPT)
            continue;
          g_string_append (json, first ? "\n    " : ",\n    ");
          append_json_anchor (json, anchor);
          first = FALSE;
        }
      g_string_append (json, first ? "]" : "\n  ]");
    }

  for (guint i = 0; json == NULL && i < anchors->len; i++)
    {
      GlossAnchor *anchor = g_ptr_array_index (anchors, i);
      g_autofree char *old_text = gloss_cli_escape (anchor->old_text);
      g_autofree char *new_text = gloss_cli_escape (anchor->new_text);

      switch (anchor->status)
        {
        case GLOSS_ANCHOR_KEPT:
          break;

        case GLOSS_ANCHOR_MOVED:
          gloss_cli_print (_("%s: sentence %u [%u, %u) moved to [%u, %u)\n"), name, anchor->sentence,
                           anchor->old_start, anchor->old_end, anchor->new_start, anchor->new_end);
          break;

        case GLOSS_ANCHOR_CHANGED:
          gloss_cli_print (_("%s: sentence %u [%u, %u) changed, now [%u, %u) (similarity %.2f), labels marked for review:\n"
                             "  was: %s\n  now: %s\n"),
                           name, anchor->sentence, anchor->old_start, anchor->old_end,
                           anchor->new_start, anchor->new_end, anchor->similarity,
                           old_text, new_text);
          break;

        case GLOSS_ANCHOR_LOST:
          gloss_cli_print (g_dngettext (GETTEXT_PACKAGE,
                                        "%s: sentence %u [%u, %u) not found; its %u annotation is kept as an orphan:\n"
                                        "  was: %s\n",
                                        "%s: sentence %u [%u, %u) not found; its %u annotations are kept as orphans:\n"
                                        "  was: %s\n",
                                        anchor->n_annotations),
                           name, anchor->sentence, anchor->old_start, anchor->old_end,
                           anchor->n_annotations, old_text);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  /* Spans: the ones a person should look at, and the orphans */
  for (guint i = 0; i < span_anchors->len; i++)
    {
      GlossAnchor *anchor = g_ptr_array_index (span_anchors, i);
      g_autofree char *old_text = gloss_cli_escape (anchor->old_text);
      g_autofree char *label = gloss_cli_escape (anchor->label);

      if (anchor->kind == GLOSS_ANCHOR_RELATION)
        {
          n_relations_lost++;
          if (json == NULL)
            gloss_cli_print (_("%s: relation %u “%s” from span %u to span %u lost a span; it is kept as an orphan\n"),
                             name, anchor->sentence, label, anchor->from, anchor->to);
          continue;
        }

      span_counts[anchor->status]++;
      if (json != NULL)
        continue;
      if (anchor->status == GLOSS_ANCHOR_CHANGED)
        gloss_cli_print (_("%s: span %u “%s” [%u, %u) found at [%u, %u), apart from where the text around it "
                           "went; marked for review:\n  %s\n"),
                         name, anchor->sentence, label, anchor->old_start, anchor->old_end,
                         anchor->new_start, anchor->new_end, old_text);
      else if (anchor->status == GLOSS_ANCHOR_LOST)
        gloss_cli_print (_("%s: span %u “%s” [%u, %u) not found; it is kept as an orphan:\n  was: %s\n"),
                         name, anchor->sentence, label, anchor->old_start, anchor->old_end, old_text);
    }

  if (json != NULL)
    g_string_append_printf (json, ", \"spans\": {\"kept\": %u, \"moved\": %u, \"review\": %u, \"not_found\": %u}, "
                                  "\"relations_not_placed\": %u",
                            span_counts[GLOSS_ANCHOR_KEPT], span_counts[GLOSS_ANCHOR_MOVED],
                            span_counts[GLOSS_ANCHOR_CHANGED], span_counts[GLOSS_ANCHOR_LOST], n_relations_lost);
  else
    {
      gloss_cli_print (_("%s: %u kept, %u moved, %u changed, %u not found%s\n"), name,
                       counts[GLOSS_ANCHOR_KEPT], counts[GLOSS_ANCHOR_MOVED],
                       counts[GLOSS_ANCHOR_CHANGED], counts[GLOSS_ANCHOR_LOST],
                       dry_run ? _(" (dry run: nothing written)") : "");
      if (span_anchors->len > 0)
        gloss_cli_print (_("%s: spans: %u kept, %u moved, %u to review, %u not found; relations: %u not placed\n"), name,
                         span_counts[GLOSS_ANCHOR_KEPT], span_counts[GLOSS_ANCHOR_MOVED],
                         span_counts[GLOSS_ANCHOR_CHANGED], span_counts[GLOSS_ANCHOR_LOST], n_relations_lost);
    }

  if (!dry_run && !gloss_document_save (document, NULL, &error))
    {
      if (json != NULL)
        g_string_append (json, ", \"written\": false");
      return fail (text_file, error, json);
    }

  if (json != NULL)
    g_string_append_printf (json, ", \"written\": %s, \"error\": null}", dry_run ? "false" : "true");

  return GLOSS_EXIT_OK;
}

int
gloss_cli_reanchor (int    argc,
                    char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(GString) json_report = NULL;
  g_autofree char *encoding = NULL;
  gboolean dry_run = FALSE;
  gboolean json = FALSE;
  int exit_code = GLOSS_EXIT_OK;
  GOptionEntry entries[] = {
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run, N_("Print the report, write nothing"), NULL },
    gloss_cli_json_entry (&json),
    gloss_cli_encoding_entry (&encoding),
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args, NULL, N_("FILE…") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                _("Places the annotations of texts that changed after they were annotated: "
                                  "each annotated sentence is looked up in the new text by its text, exactly "
                                  "and nearest its old position first, then by similarity. Changed sentences "
                                  "keep their labels marked for review; annotations that cannot be placed stay "
                                  "in the file as orphans. FILE is a text or its .gloss.json."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!gloss_cli_parse (context, &argc, &argv, &exit_code) ||
      !gloss_cli_check_encoding (context, encoding, &exit_code))
    return exit_code;

  if (args == NULL || args[0] == NULL)
    {
      gloss_cli_usage_error (context, _("Give at least one file"));
      return GLOSS_EXIT_USAGE;
    }

  if (json)
    json_report = g_string_new (NULL);

  for (guint i = 0; args[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (args[i]);

      if (json)
        g_string_append (json_report, i > 0 ? ",\n  " : "\n  ");
      if (reanchor_one (file, dry_run, encoding, json_report) != GLOSS_EXIT_OK)
        exit_code = GLOSS_EXIT_FAILURE;
    }

  if (json)
    gloss_cli_print ("{\"dry_run\": %s, \"files\": [%s\n]}\n", dry_run ? "true" : "false", json_report->str);

  return exit_code;
}
