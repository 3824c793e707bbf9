/* gloss-dataset-documents-jsonl.c
 *
 * Gloss's own documents-jsonl export back into documents. A line holds
 * what a `.gloss.json` holds, with the id and the full text instead of
 * the text file's checksum: the line becomes a `.gloss.json` again and is
 * read by the same parser as a file on disk, so it passes the same checks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-document.h"
#include "gloss-format.h"
#include "gloss-dataset-private.h"
#include "gloss-problem.h"
#include "gloss-text.h"

/**
 * _gloss_import_get_string:
 *
 * Returns: (nullable): the member if it is a string
 */
const char *
_gloss_import_get_string (JsonObject *object,
                          const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

gboolean
_gloss_import_document_object (GlossImporter *self,
                               JsonObject    *object,
                               const char    *where)
{
  g_autoptr(GlossText) text = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(JsonObject) file = json_object_new ();
  g_autoptr(JsonObject) text_object = json_object_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GList) members = NULL;
  g_autofree char *id = _gloss_import_dup_id (json_object_get_member (object, "id"));
  g_autofree char *data = NULL;
  g_autofree char *name = NULL;
  const char *contents = _gloss_import_get_string (object, "text");
  GPtrArray *problems;

  if (id == NULL || contents == NULL)
    {
      _gloss_importer_problem (self, where, _("A document needs an “id” and a “text” string"));
      return FALSE;
    }

  text = _gloss_import_text_new (self, contents, where);
  if (text == NULL)
    return FALSE;

  name = g_path_get_basename (id);
  json_object_set_string_member (text_object, "file", name);
  json_object_set_string_member (text_object, "sha256", gloss_text_get_sha256 (text));
  json_object_set_int_member (text_object, "length", gloss_text_get_length (text));
  json_object_set_string_member (file, "format", "gloss");
  json_object_set_int_member (file, "version", GLOSS_FORMAT_VERSION);
  json_object_set_object_member (file, "text", g_steal_pointer (&text_object));

  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      if (g_str_equal (l->data, "id") || g_str_equal (l->data, "text"))
        continue;
      json_object_set_member (file, l->data, json_node_copy (json_object_get_member (object, l->data)));
    }

  root = json_node_init_object (json_node_alloc (), file);
  data = json_to_string (root, FALSE);
  document = gloss_format_parse (text, name, data, strlen (data), NULL, NULL);

  problems = gloss_document_get_problems (document);
  for (guint i = 0; i < problems->len; i++)
    {
      GlossProblem *problem = g_ptr_array_index (problems, i);

      _gloss_importer_problem (self, where, "%s: %s", problem->path, problem->message);
    }
  if (problems->len > 0)
    return FALSE;

  return _gloss_importer_add_document (self, id, document, where);
}

static void
read_line (GlossImporter *self,
           JsonNode      *node,
           guint          number,
           const char    *where,
           gpointer       user_data)
{
  _gloss_import_document_object (self, json_node_get_object (node), where);
}

gboolean
_gloss_import_read_documents_jsonl (GlossImporter  *self,
                                    GFile          *input,
                                    GCancellable   *cancellable,
                                    GError        **error)
{
  return _gloss_import_read_lines (self, input, read_line, NULL, cancellable, error);
}
