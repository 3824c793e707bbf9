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
#include "gloss-label-set.h"
#include "gloss-problem.h"
#include "gloss-project.h"
#include "gloss-reanchor.h"
#include "gloss-text.h"

/* Re-anchors one text. Returns an exit code. */
static int
reanchor_one (GFile    *file,
              gboolean  dry_run)
{
  g_autoptr(GFile) text_file = NULL;
  g_autoptr(GFile) json_file = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GlossText) text = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GlossLabelSet) labels = NULL;
  g_autoptr(GPtrArray) anchors = NULL;
  g_autoptr(GPtrArray) problems = gloss_problems_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = NULL;
  g_autofree char *data = NULL;
  guint counts[GLOSS_ANCHOR_LOST + 1] = { 0 };
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

  if (!g_file_load_contents (json_file, NULL, &data, &length, NULL, &error) ||
      (text = gloss_reanchor_load_text (text_file, data, length, NULL, &error)) == NULL)
    {
      gloss_cli_printerr ("gloss reanchor: %s: %s\n", name, error->message);
      return GLOSS_EXIT_FAILURE;
    }

  dir = g_file_get_parent (text_file);
  labels = gloss_project_load_labels_for (dir, problems, NULL);

  document = gloss_reanchor (text_file, text, data, length, NULL, labels, &anchors, &error);
  if (document == NULL)
    {
      gloss_cli_printerr ("gloss reanchor: %s: %s\n", name, error->message);
      return GLOSS_EXIT_FAILURE;
    }

  for (guint i = 0; i < anchors->len; i++)
    {
      GlossAnchor *anchor = g_ptr_array_index (anchors, i);

      counts[anchor->status]++;

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
                           anchor->old_text, anchor->new_text);
          break;

        case GLOSS_ANCHOR_LOST:
          gloss_cli_print (g_dngettext (GETTEXT_PACKAGE,
                                        "%s: sentence %u [%u, %u) not found; its %u annotation is kept as an orphan:\n"
                                        "  was: %s\n",
                                        "%s: sentence %u [%u, %u) not found; its %u annotations are kept as orphans:\n"
                                        "  was: %s\n",
                                        anchor->n_annotations),
                           name, anchor->sentence, anchor->old_start, anchor->old_end,
                           anchor->n_annotations, anchor->old_text);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  gloss_cli_print (_("%s: %u kept, %u moved, %u changed, %u not found%s\n"), name,
                   counts[GLOSS_ANCHOR_KEPT], counts[GLOSS_ANCHOR_MOVED],
                   counts[GLOSS_ANCHOR_CHANGED], counts[GLOSS_ANCHOR_LOST],
                   dry_run ? _(" (dry run: nothing written)") : "");

  if (dry_run)
    return GLOSS_EXIT_OK;

  if (!gloss_document_save (document, NULL, &error))
    {
      gloss_cli_printerr ("gloss reanchor: %s: %s\n", name, error->message);
      return GLOSS_EXIT_FAILURE;
    }

  return GLOSS_EXIT_OK;
}

int
gloss_cli_reanchor (int    argc,
                    char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_auto(GStrv) args = NULL;
  gboolean dry_run = FALSE;
  int exit_code = GLOSS_EXIT_OK;
  GOptionEntry entries[] = {
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run, N_("Print the report, write nothing"), NULL },
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
  if (!gloss_cli_parse (context, &argc, &argv, &exit_code))
    return exit_code;

  if (args == NULL || args[0] == NULL)
    {
      gloss_cli_usage_error (context, _("Give at least one file"));
      return GLOSS_EXIT_USAGE;
    }

  for (guint i = 0; args[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (args[i]);

      if (reanchor_one (file, dry_run) != GLOSS_EXIT_OK)
        exit_code = GLOSS_EXIT_FAILURE;
    }

  return exit_code;
}
