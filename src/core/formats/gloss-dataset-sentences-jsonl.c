/* gloss-dataset-sentences-jsonl.c
 *
 * Gloss's sentences-jsonl export back into documents: the lines of one
 * document (by `document`) give its sentences, with their ids, and their
 * labels, notes and annotators. The text between sentences is not in the
 * format: it comes back as spaces, which keeps every offset; the text of
 * every sentence is exact.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-dataset-private.h"
#include "gloss-json.h"
#include "gloss-sentence.h"
#include "gloss-text.h"

typedef struct
{
  char      *id;
  guint      first_line;
  GPtrArray *lines;    /* JsonNode */
} Group;

static void
group_free (Group *group)
{
  g_free (group->id);
  g_ptr_array_unref (group->lines);
  g_free (group);
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  JsonObject *x = json_node_get_object (*(JsonNode **)a);
  JsonObject *y = json_node_get_object (*(JsonNode **)b);
  gint64 sx = json_object_get_int_member (x, "start");
  gint64 sy = json_object_get_int_member (y, "start");

  return sx < sy ? -1 : sx > sy;
}

/* The string at @index of the list @member, if there is one */
static const char *
get_parallel (JsonObject *object,
              const char *member,
              guint       index)
{
  JsonNode *node = json_object_get_member (object, member);
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;

  array = json_node_get_array (node);
  if (index >= json_array_get_length (array))
    return NULL;

  node = json_array_get_element (array, index);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static void
import_group (GlossImporter *self,
              Group         *group)
{
  g_autofree char *where = g_strdup_printf (_("line %u"), group->first_line);
  g_autoptr(GString) contents = g_string_new (NULL);
  g_autoptr(GPtrArray) sentences = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) spans = _gloss_import_spans_new ();
  g_autoptr(GlossText) text = NULL;
  const char *language = NULL;
  guint length = 0;

  g_ptr_array_sort (group->lines, compare_lines);

  for (guint i = 0; i < group->lines->len; i++)
    {
      JsonObject *object = json_node_get_object (g_ptr_array_index (group->lines, i));
      const char *sentence_text = _gloss_import_get_string (object, "text");
      JsonNode *labels = json_object_get_member (object, "labels");
      guint id, start, end;

      if (language == NULL)
        language = _gloss_import_get_string (object, "language");

      if (!_gloss_import_get_offset (json_object_get_member (object, "sentence"), &id) ||
          !_gloss_import_get_offset (json_object_get_member (object, "start"), &start) ||
          !_gloss_import_get_offset (json_object_get_member (object, "end"), &end) || sentence_text == NULL)
        {
          _gloss_importer_problem (self, where,
                                   _("Each line needs “sentence”, “start”, “end” and “text”"));
          return;
        }

      if (start < length || end <= start || g_utf8_strlen (sentence_text, -1) != end - start)
        {
          _gloss_importer_problem (self, where,
                                   _("The sentence %u [%u, %u) overlaps another or its text is not %u characters long"),
                                   id, start, end, end - start);
          return;
        }

      for (; length < start; length++)
        g_string_append_c (contents, ' ');
      g_string_append (contents, sentence_text);
      length = end;

      g_ptr_array_add (sentences, gloss_sentence_new (id, start, end));

      if (labels != NULL && JSON_NODE_HOLDS_ARRAY (labels))
        {
          JsonArray *array = json_node_get_array (labels);

          for (guint k = 0; k < json_array_get_length (array); k++)
            {
              const char *label = get_parallel (object, "labels", k);

              if (label == NULL)
                {
                  _gloss_importer_problem (self, where, _("The labels of sentence %u must be strings"), id);
                  return;
                }

              _gloss_import_spans_add (spans, start, end, label,
                                       get_parallel (object, "notes", k),
                                       get_parallel (object, "annotators", k));
            }
        }
    }

  text = _gloss_import_text_new (self, contents->str, where);
  if (text == NULL)
    return;

  _gloss_importer_add_spans (self, group->id, text, language, sentences, spans, NULL, where);
}

typedef struct
{
  GPtrArray  *groups;
  GHashTable *by_id;
} Grouping;

static void
read_line (GlossImporter *self,
           JsonNode      *node,
           guint          number,
           const char    *where,
           gpointer       user_data)
{
  Grouping *grouping = user_data;
  g_autofree char *id = NULL;
  Group *group;

  id = _gloss_import_dup_id (json_object_get_member (json_node_get_object (node), "document"));
  if (id == NULL)
    {
      _gloss_importer_problem (self, where, _("The line has no “document” id"));
      return;
    }

  group = g_hash_table_lookup (grouping->by_id, id);
  if (group == NULL)
    {
      group = g_new0 (Group, 1);
      group->id = g_steal_pointer (&id);
      group->first_line = number;
      group->lines = g_ptr_array_new_with_free_func ((GDestroyNotify)json_node_unref);
      g_ptr_array_add (grouping->groups, group);
      g_hash_table_insert (grouping->by_id, group->id, group);
    }
  g_ptr_array_add (group->lines, json_node_ref (node));
}

gboolean
_gloss_import_read_sentences_jsonl (GlossImporter  *self,
                                    GFile          *input,
                                    GCancellable   *cancellable,
                                    GError        **error)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func ((GDestroyNotify)group_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  Grouping grouping = { groups, by_id };

  /* The lines of a document need not be together: they are grouped by
   * id, and the documents keep the order of their first lines */
  if (!_gloss_import_read_lines (self, input, read_line, &grouping, cancellable, error))
    return FALSE;

  for (guint i = 0; i < groups->len; i++)
    import_group (self, g_ptr_array_index (groups, i));

  return TRUE;
}
