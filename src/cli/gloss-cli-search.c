/* gloss-cli-search.c
 *
 * `gloss search`: the window's corpus search, headless. One JSON line a
 * hit, or a keyword-in-context table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-cli-private.h"
#include "gloss-search.h"

/* White space (line breaks, tabs) as one space, so a hit keeps to its
 * line; what is left escaped as every message that prints a file's text */
static char *
flatten (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          if (!space)
            g_string_append_c (out, ' ');
          space = TRUE;
          continue;
        }
      space = FALSE;
      g_string_append_unichar (out, c);
    }

  return gloss_cli_escape (out->str);
}

static void
pad (GString *out,
     int      n)
{
  for (; n > 0; n--)
    g_string_append_c (out, ' ');
}

static char *
describe_labels (GlossSearchHit *hit)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char * const *labels = gloss_search_hit_get_labels (hit);

  for (guint i = 0; labels[i] != NULL; i++)
    g_string_append_printf (out, "%s%s", out->len ? ", " : "", labels[i]);
  for (guint i = 0; i < gloss_search_hit_get_n_spans (hit); i++)
    g_string_append_printf (out, "%s%s #%u", out->len ? ", " : "", gloss_search_hit_get_span_label (hit, i),
                            gloss_search_hit_get_span_id (hit, i));

  return gloss_cli_escape (out->str);
}

/* The keyword-in-context table: document and sentence, the left context
 * aligned to the right, the match between two columns of spaces, the
 * right context, the labels there */
static void
print_text (GPtrArray *hits,
            guint      width)
{
  g_autoptr(GString) out = g_string_new (NULL);
  int doc_width = 0, sentence_width = 1;

  for (guint i = 0; i < hits->len; i++)
    {
      GlossSearchHit *hit = g_ptr_array_index (hits, i);
      g_autofree char *doc = gloss_cli_escape (gloss_search_hit_get_document (hit));
      g_autofree char *sentence = g_strdup_printf ("%u", gloss_search_hit_get_sentence (hit));

      doc_width = MAX (doc_width, (int)g_utf8_strlen (doc, -1));
      if (gloss_search_hit_get_in_sentence (hit))
        sentence_width = MAX (sentence_width, (int)strlen (sentence));
    }

  for (guint i = 0; i < hits->len; i++)
    {
      GlossSearchHit *hit = g_ptr_array_index (hits, i);
      g_autofree char *doc = gloss_cli_escape (gloss_search_hit_get_document (hit));
      g_autofree char *sentence = gloss_search_hit_get_in_sentence (hit)
                                  ? g_strdup_printf ("%u", gloss_search_hit_get_sentence (hit))
                                  : g_strdup ("-");
      g_autofree char *left = flatten (gloss_search_hit_get_left (hit));
      g_autofree char *match = flatten (gloss_search_hit_get_match (hit));
      g_autofree char *right = flatten (gloss_search_hit_get_right (hit));
      g_autofree char *labels = describe_labels (hit);

      g_string_append (out, doc);
      pad (out, doc_width - (int)g_utf8_strlen (doc, -1) + 2);
      pad (out, sentence_width - (int)strlen (sentence));
      g_string_append (out, sentence);
      g_string_append (out, "  ");
      pad (out, (int)width - (int)g_utf8_strlen (left, -1));
      g_string_append (out, left);
      g_string_append (out, "  ");
      g_string_append (out, match);
      g_string_append (out, "  ");
      g_string_append (out, right);
      if (labels[0] != '\0')
        {
          pad (out, (int)width - (int)g_utf8_strlen (right, -1));
          g_string_append_printf (out, "  [%s]", labels);
        }
      while (out->len > 0 && out->str[out->len - 1] == ' ')
        g_string_truncate (out, out->len - 1);
      g_string_append_c (out, '\n');
    }

  gloss_cli_print ("%s", out->str);
}

static void
print_jsonl (GPtrArray *hits)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < hits->len; i++)
    {
      gloss_search_hit_append_json (g_ptr_array_index (hits, i), out);
      g_string_append_c (out, '\n');
      if (out->len > 65536)
        {
          gloss_cli_print ("%s", out->str);
          g_string_truncate (out, 0);
        }
    }

  gloss_cli_print ("%s", out->str);
}

int
gloss_cli_search (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GlossSearch) search = NULL;
  g_autoptr(GPtrArray) inputs = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GPtrArray) unknown = NULL;
  g_autoptr(GPtrArray) problems = gloss_problems_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *encoding = NULL;
  g_autofree char *format = NULL;
  g_autofree char *span = NULL;
  g_auto(GStrv) in = NULL;
  g_auto(GStrv) not_in = NULL;
  g_auto(GStrv) without = NULL;
  g_auto(GStrv) args = NULL;
  gboolean regex = FALSE, whole = FALSE, case_sensitive = FALSE;
  int width = GLOSS_SEARCH_DEFAULT_CONTEXT;
  int exit_code = GLOSS_EXIT_OK;
  GlossSearchFlags flags = GLOSS_SEARCH_NONE;
  GOptionEntry entries[] = {
    { "regex", 'r', 0, G_OPTION_ARG_NONE, &regex,
      N_("PATTERN is a regular expression (PCRE), not words"), NULL },
    { "whole-words", 'w', 0, G_OPTION_ARG_NONE, &whole,
      N_("Only matches that neither start nor end inside a word"), NULL },
    { "case-sensitive", 0, 0, G_OPTION_ARG_NONE, &case_sensitive,
      N_("Upper and lower case differ (by default they do not)"), NULL },
    { "in", 0, 0, G_OPTION_ARG_STRING_ARRAY, &in,
      N_("Only matches in a sentence with the sentence label LABEL, or inside a span of the span label LABEL; "
         "may be repeated (each must hold)"), N_("LABEL") },
    { "not-in", 0, 0, G_OPTION_ARG_STRING_ARRAY, &not_in,
      N_("Only matches neither in a sentence with LABEL nor inside a span of LABEL; may be repeated"), N_("LABEL") },
    { "span", 0, 0, G_OPTION_ARG_STRING, &span,
      N_("Only matches inside a span of LABEL (without --without’s relations); with an empty PATTERN, "
         "every part of those spans"), N_("LABEL") },
    { "without", 0, 0, G_OPTION_ARG_STRING_ARRAY, &without,
      N_("With --span: only spans without a relation of RELATION, from or to them (quotes without a speaker); "
         "may be repeated"), N_("RELATION") },
    { "width", 0, 0, G_OPTION_ARG_INT, &width,
      N_("Code points of context on either side of a match (default: 40)"), N_("N") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_("jsonl (one JSON object a hit, the default) or text (a keyword-in-context table)"), N_("FORMAT") },
    gloss_cli_encoding_entry (&encoding),
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args, NULL, N_("PATTERN PATH…") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                _("Searches every text (.txt) in the given files and folders for PATTERN: words, "
                                  "whatever their case (white space between them matches any white space), or a "
                                  "regular expression. Prints one JSON object a hit: the document, the sentence, "
                                  "the match’s offsets in code points, the text before and after it and the "
                                  "labels there."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!gloss_cli_parse (context, &argc, &argv, &exit_code) ||
      !gloss_cli_check_encoding (context, encoding, &exit_code))
    return exit_code;

  if (format != NULL && g_strcmp0 (format, "jsonl") != 0 && g_strcmp0 (format, "text") != 0)
    {
      gloss_cli_usage_error (context, _("Unknown format “%s”: use jsonl or text"), format);
      return GLOSS_EXIT_USAGE;
    }
  if (width < 0 || width > 10000)
    {
      gloss_cli_usage_error (context, _("The width must be between 0 and 10000"));
      return GLOSS_EXIT_USAGE;
    }
  if (args == NULL || args[0] == NULL || args[1] == NULL)
    {
      gloss_cli_usage_error (context, _("Give what to search for and at least one file or folder"));
      return GLOSS_EXIT_USAGE;
    }

  if (regex)
    flags |= GLOSS_SEARCH_REGEX;
  if (whole)
    flags |= GLOSS_SEARCH_WHOLE_WORDS;
  if (case_sensitive)
    flags |= GLOSS_SEARCH_CASE_SENSITIVE;

  search = gloss_search_new (args[0], flags, &error);
  if (search == NULL)
    {
      gloss_cli_usage_error (context, "%s", error->message);
      return GLOSS_EXIT_USAGE;
    }
  for (guint i = 0; in != NULL && in[i] != NULL; i++)
    gloss_search_add_in (search, in[i]);
  for (guint i = 0; not_in != NULL && not_in[i] != NULL; i++)
    gloss_search_add_not_in (search, not_in[i]);
  gloss_search_set_span (search, span);
  for (guint i = 0; without != NULL && without[i] != NULL; i++)
    gloss_search_add_without (search, without[i]);
  gloss_search_set_context (search, (guint)width);
  gloss_search_set_encoding (search, encoding);
  if (!gloss_search_check (search, &error))
    {
      gloss_cli_usage_error (context, "%s", error->message);
      return GLOSS_EXIT_USAGE;
    }

  inputs = gloss_cli_check_paths (args + 1, &exit_code);
  if (inputs == NULL)
    return exit_code;

  hits = gloss_search_run (search, inputs, problems, NULL, &error);
  if (hits == NULL)
    {
      g_autofree char *message = gloss_cli_escape (error->message);

      gloss_cli_printerr ("gloss search: %s\n", message);
      return GLOSS_EXIT_FAILURE;
    }

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = gloss_cli_problem_line (g_ptr_array_index (problems, i), NULL, NULL);

      gloss_cli_printerr ("gloss search: %s\n", line);
      exit_code = GLOSS_EXIT_FAILURE;
    }

  /* A label no document has is a typo, most likely: the search found
   * nothing there, or everything */
  unknown = gloss_search_dup_unknown_labels (search);
  for (guint i = 0; i < unknown->len && gloss_search_get_n_documents (search) > 0; i++)
    {
      g_autofree char *label = gloss_cli_escape (g_ptr_array_index (unknown, i));

      gloss_cli_printerr (_("gloss search: warning: no document searched has the label “%s”\n"), label);
    }

  if (g_strcmp0 (format, "text") == 0)
    print_text (hits, (guint)width);
  else
    print_jsonl (hits);

  return exit_code;
}
