/* gloss-codebook.c
 *
 * The codebook of a label set written out: Markdown and HTML for a
 * paper's appendix, and a REFI-QDA codebook (`.qdc`, the Codebook
 * Exchange format, `urn:QDA-XML:codebook:1.0`) for QDA software. The
 * codes, GUIDs and XML escaping are shared with the `.qdpx` export.
 *
 * Like the data card, these files are English and not translated.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-codebook.h"
#include "gloss-error.h"
#include "gloss-label.h"
#include "gloss-label-set.h"

/* The headings of the lists of an entry, in GlossCodebookList's order */
static const char * const list_titles[] = { "Include", "Exclude", "Examples", "Negative examples" };

/* The sections of a codebook, in the order of the window and the files */
static const char * const scope_titles[] = { "Sentence labels", "Span labels", "Relation labels" };

/**
 * gloss_codebook_format_from_name:
 * @name: "markdown", "html" or "qdc"
 *
 * Returns: %TRUE if @name is a codebook format, then set in @format
 */
gboolean
gloss_codebook_format_from_name (const char          *name,
                                 GlossCodebookFormat *format)
{
  static const char * const names[] = { "markdown", "html", "qdc" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (g_strcmp0 (name, names[i]) == 0)
        {
          *format = i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * gloss_guid_for:
 * @kind: what the GUID names ("code", "source", "user" …), so two kinds
 *   with the same name differ
 * @name: the thing's stable name (a label id, a document id …)
 * @guid: (out caller-allocates): where the GUID and a NUL are written
 *
 * A GUID that is the same for the same @kind and @name in every export,
 * so exports diff well: a name-based UUID (version 5: SHA-1 of a fixed
 * namespace and `KIND/NAME`), lower-case.
 */
void
gloss_guid_for (const char *kind,
                const char *name,
                char        guid[GLOSS_GUID_LENGTH + 1])
{
  /* Gloss's namespace, made once at random */
  static const guint8 namespace[16] = {
    0x6b, 0x1e, 0x0d, 0x5c, 0x92, 0x3a, 0x4f, 0x71, 0xa8, 0x04, 0x2d, 0xe9, 0x5f, 0x30, 0xc6, 0x17,
  };
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 digest[20];
  gsize length = sizeof digest;
  guint out = 0;

  g_checksum_update (checksum, namespace, sizeof namespace);
  g_checksum_update (checksum, (const guchar *)kind, strlen (kind));
  g_checksum_update (checksum, (const guchar *)"/", 1);
  g_checksum_update (checksum, (const guchar *)name, strlen (name));
  g_checksum_get_digest (checksum, digest, &length);

  digest[6] = (digest[6] & 0x0f) | 0x50;
  digest[8] = (digest[8] & 0x3f) | 0x80;

  for (guint i = 0; i < 16; i++)
    {
      static const char hex[] = "0123456789abcdef";

      if (i == 4 || i == 6 || i == 8 || i == 10)
        guid[out++] = '-';
      guid[out++] = hex[digest[i] >> 4];
      guid[out++] = hex[digest[i] & 0xf];
    }
  guid[out] = '\0';
}

/**
 * gloss_xml_append_escaped:
 * @text: valid UTF-8
 * @attribute: %TRUE for an attribute's value (in double quotes)
 *
 * Appends @text as XML 1.0 character data: `&`, `<`, `>` (and `"` in an
 * attribute) as entities; a carriage return (and in an attribute a tab
 * and a line feed) as a character reference, which a parser keeps where
 * it would normalize the character itself; a character XML 1.0 cannot
 * hold (the control characters below U+0020 but those three, U+FFFE,
 * U+FFFF) as U+FFFD.
 */
void
gloss_xml_append_escaped (GString    *out,
                          const char *text,
                          gboolean    attribute)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (c)
        {
        case '&':
          g_string_append (out, "&amp;");
          break;
        case '<':
          g_string_append (out, "&lt;");
          break;
        case '>':
          g_string_append (out, "&gt;");
          break;
        case '"':
          g_string_append (out, attribute ? "&quot;" : "\"");
          break;
        case '\r':
          g_string_append (out, "&#13;");
          break;
        case '\t':
        case '\n':
          if (attribute)
            g_string_append_printf (out, "&#%u;", c);
          else
            g_string_append_c (out, c);
          break;
        default:
          if (c < 0x20 || c == 0xfffe || c == 0xffff)
            g_string_append (out, "\xef\xbf\xbd");
          else
            g_string_append_len (out, p, g_utf8_next_char (p) - p);
        }
    }
}

/**
 * gloss_codebook_dup_entry:
 * @description: the definition to write (the label's, or as the window
 *   shows it, translated)
 * @titles: the headings of the lists, in #GlossCodebookList's order
 * @bullet: what goes before each item
 *
 * The label's codebook entry as plain text: @description, then each
 * list that has items under its heading, an item a line
 * (`Include:`, `- …`).
 *
 * Returns: (transfer full): the text; empty when the label has neither
 */
char *
gloss_codebook_dup_entry (GlossLabel         *label,
                          const char         *description,
                          const char * const *titles,
                          const char         *bullet)
{
  GString *out = g_string_new (description);

  for (GlossCodebookList list = 0; list < GLOSS_CODEBOOK_N_LISTS; list++)
    {
      const char * const *items = gloss_label_get_codebook (label, list);

      if (items[0] == NULL)
        continue;
      if (out->len > 0)
        g_string_append (out, "\n\n");
      g_string_append_printf (out, "%s:", titles[list]);
      for (guint i = 0; items[i] != NULL; i++)
        g_string_append_printf (out, "\n%s%s", bullet, items[i]);
    }

  return g_string_free (out, FALSE);
}

/**
 * gloss_codebook_dup_text:
 *
 * The label's codebook entry for the one description a QDA code has: its
 * description, then the lists under English headings (`Include:`, `- …`).
 *
 * Returns: (transfer full): the text; empty when the label has neither
 */
char *
gloss_codebook_dup_text (GlossLabel *label)
{
  return gloss_codebook_dup_entry (label, gloss_label_get_description (label), list_titles, "- ");
}

/**
 * gloss_codebook_append_qda_codes:
 * @indent: the indentation of the `<Codes>` line
 *
 * Appends `<Codes>` with a `<Code>` for each sentence and span label, in
 * set order: its GUID (gloss_guid_for() of "code" and the id), name,
 * colour, and its codebook entry as the `<Description>`. The element
 * names are those of both the codebook and the project schema; the
 * namespace is the root's. The set must have a label.
 */
void
gloss_codebook_append_qda_codes (GString       *out,
                                 GlossLabelSet *labels,
                                 const char    *indent)
{
  guint n = gloss_label_set_get_n_labels (labels);

  g_return_if_fail (n > 0);

  g_string_append_printf (out, "%s<Codes>\n", indent);
  for (guint i = 0; i < n; i++)
    {
      GlossLabel *label = gloss_label_set_get_label (labels, i);
      g_autofree char *text = gloss_codebook_dup_text (label);
      char guid[GLOSS_GUID_LENGTH + 1];

      gloss_guid_for ("code", gloss_label_get_id (label), guid);
      g_string_append_printf (out, "%s  <Code guid=\"%s\" name=\"", indent, guid);
      gloss_xml_append_escaped (out, gloss_label_get_name (label), TRUE);
      g_string_append_printf (out, "\" isCodable=\"true\" color=\"%s\"", gloss_label_get_color (label));
      if (text[0] == '\0')
        {
          g_string_append (out, "/>\n");
          continue;
        }
      g_string_append_printf (out, ">\n%s    <Description>", indent);
      gloss_xml_append_escaped (out, text, FALSE);
      g_string_append_printf (out, "</Description>\n%s  </Code>\n", indent);
    }
  g_string_append_printf (out, "%s</Codes>\n", indent);
}

/* Markdown: text of a paragraph or a list item, with what Markdown would
 * read as markup escaped; a line break (CR LF, CR, LF) ends the line */
static void
append_markdown (GString    *out,
                 const char *text)
{
  gboolean line_start = TRUE;

  for (const char *p = text; *p != '\0'; p++)
    {
      char c = *p;

      if (c == '\r' || c == '\n')
        {
          if (c == '\r' && p[1] == '\n')
            p++;
          g_string_append_c (out, '\n');
          line_start = TRUE;
          continue;
        }

      if (line_start)
        {
          const char *q = p;

          /* Leading blanks would make a code block */
          if (c == ' ' || c == '\t')
            continue;
          /* A list, a heading rule, a numbered list ("1." "1)") */
          if (c == '-' || c == '+' || c == '=')
            g_string_append_c (out, '\\');
          while (g_ascii_isdigit (*q))
            q++;
          if (q > p && (*q == '.' || *q == ')'))
            {
              g_string_append_len (out, p, q - p);
              g_string_append_c (out, '\\');
              p = q;
              c = *p;
            }
          line_start = FALSE;
        }

      if (strchr ("\\`*_[]<>|~&#!", c) != NULL)
        g_string_append_c (out, '\\');
      g_string_append_c (out, c);
    }
}

/* HTML: text as character data (escaped as XML, quotes too), every line
 * break (CR LF, CR, LF) a <br> */
static void
append_html (GString    *out,
             const char *text)
{
  g_auto(GStrv) lines = NULL;
  g_autofree char *unix_text = g_strdup (text);
  char *write = unix_text;

  /* CR LF and CR as LF */
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\r' && p[1] == '\n')
        continue;
      *write++ = *p == '\r' ? '\n' : *p;
    }
  *write = '\0';

  lines = g_strsplit (unix_text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (out, "<br>\n");
      gloss_xml_append_escaped (out, lines[i], TRUE);
    }
}

/* The line under a label's heading: its id, key, and what a span label
 * declares or a relation label joins */
static void
append_facts (GString             *out,
              GlossLabel          *label,
              GlossCodebookFormat  format)
{
  void (*text) (GString *, const char *) = format == GLOSS_CODEBOOK_HTML ? append_html : append_markdown;
  const char *code_open = format == GLOSS_CODEBOOK_HTML ? "<code>" : "`";
  const char *code_close = format == GLOSS_CODEBOOK_HTML ? "</code>" : "`";
  const char *key = gloss_label_get_key (label);

  /* Ids are lower-case letters, digits, "-" and "_": nothing to escape */
  g_string_append_printf (out, "Id %s%s%s", code_open, gloss_label_get_id (label), code_close);
  if (key[0] != '\0')
    {
      g_string_append (out, ", key ");
      text (out, key);
    }

  for (guint i = 0; i < gloss_label_get_n_attributes (label); i++)
    {
      const char * const *values = gloss_label_get_attribute_values (label, i);

      g_string_append_printf (out, "%s attribute %s%s%s: ", i == 0 ? ";" : ",", code_open,
                              gloss_label_get_attribute_name (label, i), code_close);
      for (guint k = 0; values[k] != NULL; k++)
        g_string_append_printf (out, "%s%s%s%s", k ? ", " : "", code_open, values[k], code_close);
    }

  if (gloss_label_get_scope (label) == GLOSS_LABEL_SCOPE_RELATION)
    {
      const char * const *from = gloss_label_get_from (label);
      const char * const *to = gloss_label_get_to (label);

      g_string_append (out, "; joins ");
      for (guint k = 0; from[k] != NULL; k++)
        g_string_append_printf (out, "%s%s%s%s", k ? ", " : "", code_open, from[k], code_close);
      g_string_append (out, " → ");
      for (guint k = 0; to[k] != NULL; k++)
        g_string_append_printf (out, "%s%s%s%s", k ? ", " : "", code_open, to[k], code_close);
    }
}

/* A label's definition and lists, after its heading and facts */
static void
append_body (GString             *out,
             GlossLabel          *label,
             GlossCodebookFormat  format)
{
  gboolean html = format == GLOSS_CODEBOOK_HTML;
  void (*text) (GString *, const char *) = html ? append_html : append_markdown;
  const char *description = gloss_label_get_description (label);

  if (description[0] != '\0')
    {
      g_string_append (out, html ? "<p>" : "\n");
      text (out, description);
      g_string_append (out, html ? "</p>\n" : "\n");
    }

  for (GlossCodebookList list = 0; list < GLOSS_CODEBOOK_N_LISTS; list++)
    {
      const char * const *items = gloss_label_get_codebook (label, list);

      if (items[0] == NULL)
        continue;
      if (html)
        g_string_append_printf (out, "<h4>%s</h4>\n<ul class=\"%s\">\n", list_titles[list],
                                gloss_codebook_list_to_string (list));
      else
        g_string_append_printf (out, "\n**%s**\n\n", list_titles[list]);
      for (guint i = 0; items[i] != NULL; i++)
        {
          g_string_append (out, html ? "<li>" : "- ");
          text (out, items[i]);
          g_string_append (out, html ? "</li>\n" : "\n");
        }
      if (html)
        g_string_append (out, "</ul>\n");
    }
}

static void
append_label (GString             *out,
              GlossLabel          *label,
              GlossCodebookFormat  format)
{
  if (format == GLOSS_CODEBOOK_HTML)
    {
      /* Relation labels have ids of their own: "relation-" keeps the anchors apart */
      g_string_append_printf (out, "<section id=\"%s%s\">\n<h3><span class=\"swatch\" style=\"background: %s\" "
                              "aria-hidden=\"true\"></span>",
                              gloss_label_get_scope (label) == GLOSS_LABEL_SCOPE_RELATION ? "relation-" : "label-",
                              gloss_label_get_id (label), gloss_label_get_color (label));
      append_html (out, gloss_label_get_name (label));
      g_string_append (out, "</h3>\n<p class=\"facts\">");
      append_facts (out, label, format);
      g_string_append (out, "</p>\n");
      append_body (out, label, format);
      g_string_append (out, "</section>\n");
      return;
    }

  g_string_append (out, "\n### ");
  append_markdown (out, gloss_label_get_name (label));
  g_string_append (out, "\n\n");
  append_facts (out, label, format);
  g_string_append (out, "\n");
  append_body (out, label, format);
}

static const char html_head[] =
  "<!DOCTYPE html>\n"
  "<html lang=\"en\">\n"
  "<head>\n"
  "<meta charset=\"utf-8\">\n"
  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
  "<meta name=\"generator\" content=\"Gloss " PACKAGE_VERSION "\">\n"
  "<style>\n"
  "body { font-family: sans-serif; max-width: 46em; margin: 2em auto; padding: 0 1em; line-height: 1.5; }\n"
  "h3 { margin-bottom: 0.25em; }\n"
  ".swatch { display: inline-block; width: 0.8em; height: 0.8em; margin-right: 0.4em; border-radius: 0.15em; }\n"
  ".facts { margin-top: 0; color: #5e5c64; }\n"
  "h4 { margin: 0.75em 0 0.25em; font-size: 1em; }\n"
  "ul.negative_examples { color: #5e5c64; }\n"
  "</style>\n";

/**
 * gloss_codebook_to_string:
 * @title: what the codebook is of (a folder's name), for its heading
 *
 * Writes the codebook of @labels: every sentence and span label, then
 * every relation label, each with its id, key, attributes or the labels
 * it joins, its description and its codebook entry. UTF-8 with `\n` line
 * ends and a final newline; the same set gives the same bytes. A `.qdc`
 * has a code for each sentence and span label (relation labels are no
 * codes to QDA software, which has no relations between codings) and
 * needs at least one.
 *
 * Returns: (transfer full) (nullable): the file's contents, or %NULL
 *   with @error set (a `.qdc` of a set without sentence or span labels)
 */
char *
gloss_codebook_to_string (GlossLabelSet        *labels,
                          GlossCodebookFormat   format,
                          const char           *title,
                          GError              **error)
{
  GlossLabelSet *relations;
  GString *out;

  g_return_val_if_fail (GLOSS_IS_LABEL_SET (labels), NULL);
  g_return_val_if_fail (title != NULL, NULL);

  relations = gloss_label_set_get_relation_labels (labels);

  if (format == GLOSS_CODEBOOK_QDC)
    {
      if (gloss_label_set_get_n_labels (labels) == 0)
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT,
                       _("A REFI-QDA codebook needs at least one sentence or span label"));
          return NULL;
        }

      out = g_string_new ("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                          "<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\" origin=\"Gloss " PACKAGE_VERSION "\">\n");
      gloss_codebook_append_qda_codes (out, labels, "  ");
      g_string_append (out, "</CodeBook>\n");

      return g_string_free (out, FALSE);
    }

  out = g_string_new (NULL);
  if (format == GLOSS_CODEBOOK_HTML)
    {
      g_string_append (out, html_head);
      g_string_append (out, "<title>Codebook: ");
      append_html (out, title);
      g_string_append (out, "</title>\n</head>\n<body>\n<h1>Codebook: ");
      append_html (out, title);
      g_string_append (out, "</h1>\n");
    }
  else
    {
      g_string_append (out, "# Codebook: ");
      append_markdown (out, title);
      g_string_append (out, "\n");
    }

  for (GlossLabelScope scope = GLOSS_LABEL_SCOPE_SENTENCE; scope <= GLOSS_LABEL_SCOPE_RELATION; scope++)
    {
      GlossLabelSet *set = scope == GLOSS_LABEL_SCOPE_RELATION ? relations : labels;
      gboolean heading = FALSE;

      for (guint i = 0; set != NULL && i < gloss_label_set_get_n_labels (set); i++)
        {
          GlossLabel *label = gloss_label_set_get_label (set, i);

          if (gloss_label_get_scope (label) != scope)
            continue;

          if (!heading)
            {
              if (format == GLOSS_CODEBOOK_HTML)
                g_string_append_printf (out, "<h2>%s</h2>\n", scope_titles[scope]);
              else
                g_string_append_printf (out, "\n## %s\n", scope_titles[scope]);
              heading = TRUE;
            }

          append_label (out, label, format);
        }
    }

  if (format == GLOSS_CODEBOOK_HTML)
    g_string_append (out, "</body>\n</html>\n");

  return g_string_free (out, FALSE);
}
