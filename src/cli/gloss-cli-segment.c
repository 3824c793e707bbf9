/* gloss-cli-segment.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "gloss-cli-private.h"
#include "gloss-json.h"
#include "gloss-segmenter.h"
#include "gloss-text.h"

/* The whole standard input, read straight into one buffer that doubles
 * as it fills: a 5 MB text is read in a few large reads, with no copy */
static GBytes *
read_stdin (GError **error)
{
  gsize size = 0;
  gsize allocated = 1 << 20;
  g_autofree char *data = g_malloc (allocated);

  for (;;)
    {
      size_t n = fread (data + size, 1, allocated - size, stdin);

      size += n;
      if (size > GLOSS_TEXT_MAX_BYTES)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The input is larger than Gloss reads"));
          return NULL;
        }

      if (size < allocated)
        {
          if (ferror (stdin))
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not read the standard input"));
              return NULL;
            }
          if (feof (stdin))
            break;
          continue;
        }

      allocated *= 2;
      data = g_realloc (data, allocated);
    }

  return g_bytes_new_take (g_steal_pointer (&data), size);
}

/* The spans as `[[0, 55], [57, 146], …]`, written straight into one
 * buffer: printf's machinery once per number costs more than splitting
 * the text does */
static char *
format_offsets (GArray *spans,
                gsize  *length)
{
  /* "[", at most ", [4294967295, 4294967295]" a span, "]\n" */
  char *out = g_malloc ((gsize)spans->len * 28 + 4);
  char *p = out;

  *p++ = '[';
  for (guint i = 0; i < spans->len; i++)
    {
      GlossRange *span = &g_array_index (spans, GlossRange, i);

      if (i > 0)
        {
          *p++ = ',';
          *p++ = ' ';
        }
      *p++ = '[';
      p = gloss_json_put_uint (p, span->start);
      *p++ = ',';
      *p++ = ' ';
      p = gloss_json_put_uint (p, span->end);
      *p++ = ']';
    }
  *p++ = ']';
  *p++ = '\n';

  *length = p - out;

  return out;
}

static void
print_line (const char *p,
            const char *end,
            GString    *out)
{
  /* One sentence a line: a line break inside a sentence becomes a space */
  while (p < end)
    {
      const char *run = p;

      while (p < end && *p != '\n' && *p != '\r')
        p++;
      g_string_append_len (out, run, p - run);
      if (p == end)
        break;

      if (!(*p == '\r' && p + 1 < end && p[1] == '\n'))
        g_string_append_c (out, ' ');
      p++;
    }
  g_string_append_c (out, '\n');
}

/* `-l` was the language here once; it is `--label` in every command now,
 * and a script that still gives it is told so rather than "unknown" */
static gboolean
refuse_label (const char  *option,
              const char  *value,
              gpointer     data,
              GError     **error)
{
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("%s chooses a label, which gloss segment does not take; give the language with -L or --language"),
               option);
  return FALSE;
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
  g_autofree char *lang = NULL;
  g_autofree char *format = NULL;
  g_autofree char *encoding = NULL;
  g_auto(GStrv) args = NULL;
  const char *language;
  int exit_code = GLOSS_EXIT_OK;
  GOptionEntry entries[] = {
    gloss_cli_language_entry (&lang, FALSE),
    gloss_cli_language_entry (&lang, TRUE),
    { "label", 'l', G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_CALLBACK, refuse_label, NULL, NULL },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_("offsets (a JSON list of [start, end] code-point pairs, the default) or lines (a sentence a line)"),
      N_("FORMAT") },
    gloss_cli_encoding_entry (&encoding),
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args, NULL, N_("FILE|-") },
    { NULL }
  };

  entries[0].description = N_("The text’s language: de, en or auto (guessed, the default)");

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

  if (!gloss_cli_check_language (context, &lang, &exit_code))
    return exit_code;

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

  language = lang != NULL ? lang : gloss_text_guess_language (text);
  segmenter = gloss_segmenter_new (language);
  spans = gloss_segmenter_split (segmenter, gloss_text_get_contents (text), gloss_text_get_n_bytes (text));

  if (g_strcmp0 (format, "lines") == 0)
    {
      const char *contents = gloss_text_get_contents (text);
      g_autoptr(GString) out = g_string_sized_new (gloss_text_get_n_bytes (text) + spans->len + 1);

      for (guint i = 0; i < spans->len; i++)
        {
          GlossRange *span = &g_array_index (spans, GlossRange, i);

          print_line (contents + gloss_text_get_byte_offset (text, span->start),
                      contents + gloss_text_get_byte_offset (text, span->end),
                      out);
        }
      fwrite (out->str, 1, out->len, stdout);
    }
  else
    {
      gsize length;
      g_autofree char *out = format_offsets (spans, &length);

      fwrite (out, 1, length, stdout);
    }

  return GLOSS_EXIT_OK;
}
