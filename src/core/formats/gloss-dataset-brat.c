/* gloss-dataset-brat.c
 *
 * A brat folder: every `.ann` with the `.txt` beside it. Text-bound
 * annotations (`T`) become labelled spans (a span in fragments,
 * `0 10;11 20`, as one from the first start to the last end), and
 * `AnnotatorNotes` their notes. Relations, events and attributes have no
 * place in Gloss and are reported, not imported.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-corpus.h"
#include "gloss-dataset-private.h"
#include "gloss-problem.h"
#include "gloss-text.h"

typedef struct
{
  char  *id;
  char  *label;
  char  *offsets;
  char  *text;
} Entity;

static void
entity_clear (Entity *entity)
{
  g_free (entity->id);
  g_free (entity->label);
  g_free (entity->offsets);
  g_free (entity->text);
}

/* Reads `0 10;11 20` and checks the fragments' texts, joined by spaces,
 * against the .ann's text */
static gboolean
read_offsets (GlossImporter *self,
              GlossText     *text,
              Entity        *entity,
              guint         *start,
              guint         *end,
              const char    *where)
{
  g_auto(GStrv) fragments = g_strsplit (entity->offsets, ";", -1);
  g_autoptr(GString) joined = g_string_new (NULL);
  guint length = gloss_text_get_length (text);
  guint previous_end = 0;

  for (guint i = 0; fragments[i] != NULL; i++)
    {
      guint64 s, e;
      char *rest;

      s = g_ascii_strtoull (fragments[i], &rest, 10);
      if (rest == fragments[i] || *rest != ' ')
        goto bad;
      e = g_ascii_strtoull (rest + 1, &rest, 10);
      if (*rest != '\0' || s >= e || e > length || s < previous_end)
        goto bad;

      if (i == 0)
        *start = s;
      *end = e;
      previous_end = e;

      if (joined->len > 0)
        g_string_append_c (joined, ' ');
      {
        g_autofree char *slice = gloss_text_dup_slice (text, s, e);

        g_string_append (joined, slice);
      }
    }

  if (entity->text != NULL && strcmp (joined->str, entity->text) != 0)
    {
      _gloss_importer_problem (self, where, _("%s: the text at %s is “%s”, not “%s”"),
                               entity->id, entity->offsets, joined->str, entity->text);
      return FALSE;
    }

  return TRUE;

bad:
  _gloss_importer_problem (self, where, _("%s: the offsets “%s” are not within the text (%u characters)"),
                           entity->id, entity->offsets, length);
  return FALSE;
}

static void
import_ann (GlossImporter *self,
            GFile         *root,
            GFile         *ann_file,
            GCancellable  *cancellable)
{
  g_autofree char *ann_path = gloss_corpus_dup_id (root, ann_file);
  g_autofree char *base = g_strndup (ann_path, strlen (ann_path) - 4);
  g_autofree char *txt_path = g_strconcat (base, ".txt", NULL);
  g_autoptr(GFile) txt_file = g_file_resolve_relative_path (root, txt_path);
  /* A file's name is its id, as the brat export writes it (escaped when
   * not UTF-8); a name that is not UTF-8 gets an id that gives it back */
  g_autofree char *ann_id = g_utf8_validate (ann_path, -1, NULL) ? g_strdup (ann_path)
                                                                 : gloss_corpus_escape_id (ann_path);
  g_autofree char *id = g_utf8_validate (txt_path, -1, NULL) ? g_strdup (txt_path)
                                                             : gloss_corpus_escape_id (txt_path);
  g_autoptr(GArray) entities = g_array_new (FALSE, TRUE, sizeof (Entity));
  g_autoptr(GHashTable) notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GArray) spans = _gloss_import_spans_new ();
  g_autoptr(GlossText) text = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;
  char *cursor, *line;
  guint number = 0, n_other = 0;

  g_array_set_clear_func (entities, (GDestroyNotify)entity_clear);

  text = gloss_text_load_fallback (txt_file, _gloss_importer_get_encoding (self), cancellable, &error);
  if (text == NULL)
    {
      _gloss_importer_problem (self, id, "%s", error->message);
      return;
    }

  /* The text is written as UTF-8, so its checksum must be of those bytes */
  if (g_strcmp0 (gloss_text_get_encoding (text), "utf-8") != 0)
    {
      GlossText *utf8 = gloss_text_new (gloss_text_get_contents (text), gloss_text_get_n_bytes (text), NULL);

      g_object_unref (text);
      text = utf8;
    }

  data = _gloss_import_load (ann_file, &length, cancellable, &error);
  if (data == NULL)
    {
      _gloss_importer_problem (self, ann_id, "%s", error->message);
      return;
    }

  cursor = data;
  while ((line = _gloss_import_next_line (&cursor, data + length)) != NULL)
    {
      g_auto(GStrv) fields = NULL;

      number++;
      if (line[0] == '\0')
        continue;

      fields = g_strsplit (line, "\t", 3);
      if (line[0] == 'T' && fields[1] != NULL && strchr (fields[1], ' ') != NULL)
        {
          Entity entity = { 0 };
          char *space = strchr (fields[1], ' ');

          entity.id = g_strdup (fields[0]);
          entity.label = g_strndup (fields[1], space - fields[1]);
          entity.offsets = g_strdup (space + 1);
          entity.text = g_strdup (fields[2]);
          g_array_append_val (entities, entity);
        }
      else if (line[0] == '#' && fields[1] != NULL && fields[2] != NULL &&
               g_str_has_prefix (fields[1], "AnnotatorNotes "))
        g_hash_table_replace (notes, g_strdup (fields[1] + strlen ("AnnotatorNotes ")), g_strdup (fields[2]));
      else
        n_other++;
    }

  if (n_other > 0)
    _gloss_importer_warning (self, ann_id,
                             g_dngettext (GETTEXT_PACKAGE,
                                          "%u line that is no text-bound annotation or note is not imported",
                                          "%u lines that are no text-bound annotations or notes are not imported",
                                          n_other),
                             n_other);

  for (guint i = 0; i < entities->len; i++)
    {
      Entity *entity = &g_array_index (entities, Entity, i);
      guint start = 0, end = 0;

      if (!read_offsets (self, text, entity, &start, &end, ann_id))
        {
          _gloss_importer_problem (self, ann_id, _("The document “%s” is not imported"), id);
          return;
        }

      _gloss_import_spans_add (spans, start, end, entity->label, g_hash_table_lookup (notes, entity->id), NULL);
    }

  _gloss_importer_add_spans (self, id, text, NULL, NULL, spans, NULL, ann_id);
}

gboolean
_gloss_import_read_brat (GlossImporter  *self,
                         GFile          *input,
                         GCancellable   *cancellable,
                         GError        **error)
{
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) problems = gloss_problems_new ();

  if (g_file_query_file_type (input, G_FILE_QUERY_INFO_NONE, cancellable) != G_FILE_TYPE_DIRECTORY)
    {
      g_autofree char *name = g_file_get_parse_name (input);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY, _("“%s” is not a brat folder"), name);
      return FALSE;
    }

  /* A named pipe called x.ann, a folder that cannot be read */
  files = gloss_corpus_find_files (input, ".ann", problems, cancellable);
  for (guint i = 0; i < problems->len; i++)
    {
      GlossProblem *problem = g_ptr_array_index (problems, i);

      _gloss_importer_problem (self, problem->file, "%s", problem->message);
    }

  for (guint i = 0; i < files->len; i++)
    import_ann (self, input, g_ptr_array_index (files, i), cancellable);

  return TRUE;
}
