/* gloss-dataset-json.c
 *
 * Gloss's json export back into documents: the header first, then one
 * object per document as in documents-jsonl.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gloss-error.h"
#include "gloss-dataset-private.h"
#include "gloss-json.h"

gboolean
_gloss_import_read_json (GlossImporter  *self,
                         GFile          *input,
                         GCancellable   *cancellable,
                         GError        **error)
{
  g_autoptr(JsonNode) root = NULL;
  JsonArray *array;
  guint n;

  root = _gloss_import_load_json (input, cancellable, error);
  if (root == NULL)
    return FALSE;

  if (!JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_JSON,
                   _("A Gloss json export is a JSON array, not %s"), gloss_json_type_name (root));
      return FALSE;
    }

  array = json_node_get_array (root);
  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *where = g_strdup_printf ("$[%u]", i);
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *object;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          _gloss_importer_problem (self, where, _("A document must be an object, not %s"), gloss_json_type_name (node));
          continue;
        }

      object = json_node_get_object (node);
      if (i == 0 && g_strcmp0 (_gloss_import_get_string (object, "format"), "gloss-export") == 0)
        continue;

      _gloss_import_document_object (self, object, where);
    }

  return TRUE;
}
