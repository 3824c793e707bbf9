/* gloss-cli-segment.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "gloss-cli-private.h"
#include "gloss-segmenter.h"
#include "gloss-text.h"

static GBytes *
read_stdin (GError **error)
{
  g_autoptr(GOutputStream) output = NULL;

  output = g_memory_output_stream_new_resizable ();
  for (;;)
    {
      char buf[65536];
      size_t n = fread (buf, 1, sizeof buf, stdin);

      if (n > 0 && !g_output_stream_write_all (output, buf, n, NULL, NULL, error))
        return NULL;

      if (n < sizeof buf)
        {
          if (ferror (stdin))
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not read the standard input"));
              return NULL;
            }
          break;
        }

      if ((goffset)g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (output)) > GLOSS_TEXT_MAX_BYTES)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The input is larger than Gloss reads"));
          return NULL;
        }
    }

  if (!g_output_stream_close (output, NULL, error))
    return NULL;

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (output));
}

static void
print_line (const char *p,
            const char *end,
            GString    *out)
{
  /* One sentence a line: a line break inside a sentence becomes a space */
  for (; p < end; p++)
    {
      if (*p == '\r' && p + 1 < end && p[1] == '\n')
        continue;
      g_string_append_c (out, (*p == '\n' || *p == '\r') ? ' ' : *p);
    }
  g_string_append_c (out, '\n');
}

int
gloss_cli_segment (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GlossSegmenter) segmenter = NULL;
  g_autoptr(GlossText) text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) spans = NULL;
  g_autoptr(GString) out = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *format = NULL;
  g_autofree char *encoding = NULL;
  g_auto(GStrv) args = NULL;
  const char *language;
  int exit_code = GLOSS_EXIT_OK;
  GOptionEntry entries[] = {
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &lang,
      N_("The text’s language: de, en or auto (the default)"), "LANG" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_("offsets (a JSON list of [start, end] code-point pairs, the default) or lines (a sentence a line)"), "FORMAT" },
    gloss_cli_encoding_entry (&encoding),
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args, NULL, N_("FILE|-") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Splits a UTF-8 text into sentences. “-” reads the standard input."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!gloss_cli_parse (context, &argc, &argv, &exit_code) ||
      !gloss_cli_check_encoding (context, encoding, &exit_code))
    return exit_code;

  if (args == NULL || args[0] == NULL || args[1] != NULL)
    {
      gloss_cli_usage_error (context, _("Give one file, or “-” for the standard input"));
      return GLOSS_EXIT_USAGE;
    }

  if (lang != NULL && g_strcmp0 (lang, "de") != 0 && g_strcmp0 (lang, "en") != 0 && g_strcmp0 (lang, "auto") != 0)
    {
      gloss_cli_usage_error (context, _("Unknown language “%s”: use de, en or auto"), lang);
      return GLOSS_EXIT_USAGE;
    }

  if (format != NULL && g_strcmp0 (format, "offsets") != 0 && g_strcmp0 (format, "lines") != 0)
    {
      gloss_cli_usage_error (context, _("Unknown format “%s”: use offsets or lines"), format);
      return GLOSS_EXIT_USAGE;
    }

  if (g_strcmp0 (args[0], "-") == 0)
    {
      bytes = read_stdin (&error);
      if (bytes != NULL)
        text = gloss_text_new_from_bytes (bytes, &error);
      if (text == NULL && bytes != NULL && encoding != NULL && gloss_text_error_is_encoding (error))
        {
          g_clear_error (&error);
          text = gloss_text_new_from_bytes_encoded (bytes, encoding, &error);
        }
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (args[0]);

      text = gloss_text_load_fallback (file, encoding, NULL, &error);
    }

  if (text == NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (args[0]);

      gloss_cli_print_error ("gloss segment", file, error);
      return GLOSS_EXIT_FAILURE;
    }

  language = lang == NULL || g_strcmp0 (lang, "auto") == 0 ? gloss_text_guess_language (text) : lang;
  segmenter = gloss_segmenter_new (language);
  spans = gloss_segmenter_split (segmenter, gloss_text_get_contents (text), gloss_text_get_n_bytes (text));

  out = g_string_sized_new (spans->len * 16 + 16);
  if (g_strcmp0 (format, "lines") == 0)
    {
      const char *contents = gloss_text_get_contents (text);

      for (guint i = 0; i < spans->len; i++)
        {
          GlossSpan *span = &g_array_index (spans, GlossSpan, i);

          print_line (contents + gloss_text_get_byte_offset (text, span->start),
                      contents + gloss_text_get_byte_offset (text, span->end),
                      out);
        }
    }
  else
    {
      g_string_append_c (out, '[');
      for (guint i = 0; i < spans->len; i++)
        {
          GlossSpan *span = &g_array_index (spans, GlossSpan, i);

          g_string_append_printf (out, "%s[%u, %u]", i ? ", " : "", span->start, span->end);
        }
      g_string_append (out, "]\n");
    }

  fwrite (out->str, 1, out->len, stdout);

  return GLOSS_EXIT_OK;
}
