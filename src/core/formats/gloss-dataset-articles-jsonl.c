/* gloss-dataset-articles-jsonl.c
 *
 * A plain JSONL corpus as crawlers write it: `{"id": …, "text": …}` per
 * line. Each article becomes a text to annotate; its other members (url,
 * date, outlet…) are kept as the document's metadata, written to its
 * `.gloss.json` and carried into every documents-jsonl and json export.
 *
 * Import only: such a corpus holds no labels, so there is nothing to
 * export into it; documents-jsonl is its annotated counterpart.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-dataset-private.h"
#include "gloss-text.h"

static void
read_line (GlossImporter *self,
           JsonNode      *node,
           guint          number,
           const char    *where,
           gpointer       user_data)
{
  static const char * const known[] = { "id", "text", NULL };
  JsonObject *object = json_node_get_object (node);
  g_autoptr(GlossText) text = NULL;
  g_autofree char *id = NULL;
  const char *contents;
  const char *language;

  id = _gloss_dataset_dup_id (json_object_get_member (object, "id"));
  contents = _gloss_dataset_get_string (object, "text");
  if (id == NULL || contents == NULL)
    {
      _gloss_importer_problem (self, where,
                               _("An article needs an “id” (a string or a number) and a “text” string"));
      return;
    }

  text = _gloss_dataset_text_new (self, contents, where);
  if (text == NULL)
    return;

  /* The language, when the crawler recorded it, picks the segmenter */
  language = _gloss_dataset_get_string (object, "language");
  if (language == NULL)
    language = _gloss_dataset_get_string (object, "lang");

  _gloss_importer_add_text_only (self, id, text, language, _gloss_dataset_dup_meta (object, known), where);
}

static gboolean
articles_jsonl_read (GlossImporter  *self,
                     GFile          *input,
                     GCancellable   *cancellable,
                     GError        **error)
{
  return _gloss_dataset_read_lines (self, input, read_line, NULL, cancellable, error);
}

const GlossDatasetFormat _gloss_dataset_articles_jsonl = {
  .name = "articles-jsonl",
  .carries = GLOSS_DATASET_CARRIES_LANGUAGE | GLOSS_DATASET_CARRIES_META,
  .read = articles_jsonl_read,
};
