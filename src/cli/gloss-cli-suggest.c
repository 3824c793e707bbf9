/* gloss-cli-suggest.c
 *
 * `gloss suggest PATH…`: the suggester's quotes, speakers, cues and
 * addressees for every text, written into its annotation file as
 * suggestions (the member "suggestions", not annotations), replacing the
 * pending ones; a suggestion the document has as a span already, or that
 * was rejected, is left out. With --print: one documents-jsonl object a
 * line (`id`, `language`, `text`, `spans`, `relations`, each member as
 * the export writes it), and nothing written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "gloss-cli-private.h"
#include "gloss-corpus.h"
#include "gloss-document.h"
#include "gloss-label-set.h"
#include "gloss-format.h"
#include "gloss-json.h"
#include "gloss-problem.h"
#include "gloss-suggester.h"
#include "gloss-suggestions.h"
#include "gloss-text.h"

static void
append_document (GString    *out,
                 const char *id,
                 const char *language,
                 GlossText  *text,
                 GPtrArray  *spans,
                 GPtrArray  *relations)
{
  g_string_append (out, "{\"id\": ");
  gloss_json_append_string (out, id);
  g_string_append (out, ", \"language\": ");
  gloss_json_append_string (out, language);
  g_string_append (out, ", \"text\": ");
  gloss_json_append_string (out, gloss_text_get_contents (text));
  g_string_append (out, ", \"spans\": [");
  for (guint i = 0; i < spans->len; i++)
    {
      g_string_append (out, i ? ", " : "");
      gloss_format_append_span (out, g_ptr_array_index (spans, i));
    }
  g_string_append (out, "], \"relations\": [");
  for (guint i = 0; i < relations->len; i++)
    {
      g_string_append (out, i ? ", " : "");
      gloss_format_append_relation (out, g_ptr_array_index (relations, i));
    }
  g_string_append (out, "]}\n");
}

/* Says why @file was not written, on stderr and in the JSON report */
static int
fail (GFile      *file,
      const char *message,
      GString    *json)
{
  g_autofree char *name = gloss_cli_display_name (file);

  gloss_cli_printerr ("gloss suggest: %s: %s\n", name, message);
  if (json != NULL)
    {
      g_string_append (json, ", \"written\": false, \"error\": ");
      gloss_json_append_string (json, message);
      g_string_append (json, "}");
    }

  return GLOSS_EXIT_FAILURE;
}

/* Suggests for one text and saves its annotation file. Returns an exit
 * code; with --json, @json gets the text's object. */
static int
suggest_one (GFile          *file,
             const char     *lang,
             const char     *encoding,
             GlossSuggester **german,
             GlossSuggester **english,
             guint          *totals,
             GString        *json)
{
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GPtrArray) spans = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = gloss_cli_display_name (file);
  GlossSuggestions *suggestions;
  GlossSuggester **suggester;
  const char *language;
  guint n_taken, n_skipped = 0;

  if (json != NULL)
    {
      g_autofree char *json_name = gloss_cli_json_name (file);

      g_string_append (json, "{\"file\": ");
      gloss_json_append_string (json, json_name);
    }

  document = gloss_document_load_fallback (file, lang, encoding, NULL, &error);
  if (document == NULL || gloss_document_get_read_only (document))
    {
      if (error == NULL)
        return fail (file, gloss_document_get_read_only_reason (document), json);
      return fail (file, error->message, json);
    }

  if (!gloss_suggestions_labels_fit (gloss_document_get_labels (document)))
    return fail (file, _("the label set has no span labels quote, speaker and cue: nothing suggested"), json);

  language = lang != NULL ? lang : gloss_document_get_language (document);
  suggester = g_strcmp0 (language, "en") == 0 ? english : german;
  if (*suggester == NULL)
    *suggester = gloss_suggester_new (language);
  gloss_suggester_suggest (*suggester, gloss_document_get_text (document), &spans, &relations);

  n_taken = gloss_document_set_suggestions (document, spans, relations, &n_skipped);
  suggestions = gloss_document_get_suggestions (document);

  if (!gloss_document_save (document, NULL, &error))
    return fail (file, error->message, json);
  totals[0] += n_taken;
  totals[1] += n_skipped;

  if (json != NULL)
    g_string_append_printf (json, ", \"suggestions\": %u, \"spans\": %u, \"relations\": %u, \"left_out\": %u, "
                                  "\"rejected\": %u, \"written\": true, \"error\": null}",
                            n_taken, gloss_suggestions_get_spans (suggestions)->len,
                            gloss_suggestions_get_relations (suggestions)->len, n_skipped,
                            gloss_suggestions_get_rejected (suggestions)->len);
  else
    gloss_cli_print (g_dngettext (GETTEXT_PACKAGE,
                                  "%s: %u suggestion (%u spans, %u relations); %u left out as annotated or rejected\n",
                                  "%s: %u suggestions (%u spans, %u relations); %u left out as annotated or rejected\n",
                                  n_taken),
                     name, n_taken, gloss_suggestions_get_spans (suggestions)->len,
                     gloss_suggestions_get_relations (suggestions)->len, n_skipped);

  return GLOSS_EXIT_OK;
}

int
gloss_cli_suggest (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) roots = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) problems = gloss_problems_new ();
  g_autoptr(GlossSuggester) german = NULL;
  g_autoptr(GlossSuggester) english = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *lang = NULL;
  g_autofree char *encoding = NULL;
  g_auto(GStrv) args = NULL;
  gboolean print = FALSE;
  gboolean json = FALSE;
  guint totals[2] = { 0, 0 };
  int exit_code = GLOSS_EXIT_OK;
  GOptionEntry entries[] = {
    { "print", 'p', 0, G_OPTION_ARG_NONE, &print,
      N_("Print the suggestions as documents-jsonl and write nothing"), NULL },
    gloss_cli_json_entry (&json),
    gloss_cli_language_entry (&lang, FALSE),
    gloss_cli_encoding_entry (&encoding),
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args, NULL, N_("PATH…") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                _("Suggests the quotations of every text (.txt) in the given files and folders: "
                                  "quotes with their type, speakers, cues and addressees, by rules and word lists "
                                  "for German and English, and writes them into each text’s annotation file as "
                                  "suggestions, to accept or reject in the window; they replace the suggestions "
                                  "not yet decided, and leave out what is annotated or was rejected. With --print, "
                                  "prints one documents-jsonl object a text (id, language, text, spans, relations) "
                                  "and writes nothing."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!gloss_cli_parse (context, &argc, &argv, &exit_code) ||
      !gloss_cli_check_encoding (context, encoding, &exit_code) ||
      !gloss_cli_check_language (context, &lang, &exit_code))
    return exit_code;

  if (print && json)
    {
      gloss_cli_usage_error (context, _("--json reports what was written; with --print nothing is"));
      return GLOSS_EXIT_USAGE;
    }

  if (args == NULL || args[0] == NULL)
    {
      gloss_cli_usage_error (context, _("Give at least one file or folder"));
      return GLOSS_EXIT_USAGE;
    }

  files = gloss_cli_collect (args, ".txt", roots, problems, &exit_code);
  if (files == NULL)
    return exit_code;

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = gloss_cli_problem_line (g_ptr_array_index (problems, i), NULL, NULL);

      gloss_cli_printerr ("gloss suggest: %s\n", line);
      exit_code = GLOSS_EXIT_FAILURE;
    }

  if (!print)
    {
      g_autoptr(GString) report = json ? g_string_new (NULL) : NULL;

      for (guint i = 0; i < files->len; i++)
        {
          if (report != NULL)
            g_string_append (report, i > 0 ? ",\n  " : "\n  ");
          if (suggest_one (g_ptr_array_index (files, i), lang, encoding, &german, &english, totals,
                           report) != GLOSS_EXIT_OK)
            exit_code = GLOSS_EXIT_FAILURE;
        }

      if (report != NULL)
        gloss_cli_print ("{\"suggestions\": %u, \"left_out\": %u, \"files\": [%s\n]}\n",
                         totals[0], totals[1], report->str);
      else
        gloss_cli_print (g_dngettext (GETTEXT_PACKAGE, "%u text: suggestions written: %u, left out: %u\n",
                                      "%u texts: suggestions written: %u, left out: %u\n", files->len),
                         files->len, totals[0], totals[1]);
      return exit_code;
    }

  for (guint i = 0; i < files->len; i++)
    {
      GFile *file = g_ptr_array_index (files, i);
      g_autoptr(GlossText) text = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) spans = NULL;
      g_autoptr(GPtrArray) relations = NULL;
      g_autofree char *path = gloss_corpus_dup_id (g_ptr_array_index (roots, i), file);
      g_autofree char *id = gloss_corpus_escape_id (path);
      GlossSuggester **suggester;
      const char *language;

      text = gloss_text_load_fallback (file, encoding, NULL, &error);
      if (text == NULL)
        {
          gloss_cli_print_error ("gloss suggest", file, error);
          exit_code = GLOSS_EXIT_FAILURE;
          continue;
        }

      language = lang != NULL ? lang : gloss_text_guess_language (text);
      suggester = g_strcmp0 (language, "en") == 0 ? &english : &german;
      if (*suggester == NULL)
        *suggester = gloss_suggester_new (language);
      gloss_suggester_suggest (*suggester, text, &spans, &relations);

      append_document (out, id, gloss_suggester_get_language (*suggester), text, spans, relations);
      if (out->len >= 1 << 16)
        {
          fwrite (out->str, 1, out->len, stdout);
          g_string_truncate (out, 0);
        }
    }
  fwrite (out->str, 1, out->len, stdout);
  fflush (stdout);

  return exit_code;
}
