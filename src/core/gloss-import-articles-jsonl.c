/* gloss-import-articles-jsonl.c
 *
 * A plain JSONL corpus as crawlers write it: `{"id": …, "text": …}` per
 * line. Each article becomes a text to annotate; its other members (url,
 * date, outlet…) are kept as the document's metadata, written to its
 * `.gloss.json` and carried into every documents-jsonl and json export.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-import-private.h"
#include "gloss-text.h"

gboolean
_gloss_import_read_articles_jsonl (GlossImporter  *self,
                                   GFile          *input,
                                   GCancellable   *cancellable,
                                   GError        **error)
{
  static const char * const known[] = { "id", "text", NULL };
  g_autofree char *data = NULL;
  gsize length;
  char *cursor, *line;
  guint number = 0;

  data = _gloss_import_load (input, &length, cancellable, error);
  if (data == NULL)
    return FALSE;

  cursor = data;
  while ((line = _gloss_import_next_line (&cursor, data + length)) != NULL)
    {
      g_autofree char *where = g_strdup_printf (_("line %u"), ++number);
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(GlossText) text = NULL;
      g_autofree char *id = NULL;
      JsonObject *object;
      const char *contents;
      const char *language;

      if (line[strspn (line, " \t")] == '\0')
        continue;

      node = _gloss_import_parse_line (self, line, where);
      if (node == NULL)
        continue;

      object = json_node_get_object (node);
      id = _gloss_import_dup_id (json_object_get_member (object, "id"));
      contents = _gloss_import_get_string (object, "text");
      if (id == NULL || contents == NULL)
        {
          _gloss_importer_problem (self, where,
                                   _("An article needs an “id” (a string or a number) and a “text” string"));
          continue;
        }

      text = _gloss_import_text_new (self, contents, where);
      if (text == NULL)
        continue;

      /* The language, when the crawler recorded it, picks the segmenter */
      language = _gloss_import_get_string (object, "language");
      if (language == NULL)
        language = _gloss_import_get_string (object, "lang");

      _gloss_importer_add_text_only (self, id, text, language, _gloss_import_dup_meta (object, known), where);
    }

  return TRUE;
}
