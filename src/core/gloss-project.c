/* gloss-project.c
 *
 * A folder's `gloss-project.json`: the label set (and later settings) that
 * every document in the folder and below it uses.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gloss-file-writer.h"
#include "gloss-json.h"
#include "gloss-label-set.h"
#include "gloss-problem.h"
#include "gloss-project.h"
#include "gloss-read.h"

/**
 * gloss_project_find:
 * @dir: a folder
 *
 * Looks for `gloss-project.json` in @dir and the folders above it, so a
 * document in a subfolder of a corpus uses the corpus's labels.
 *
 * Returns: (transfer full) (nullable): the project file, or %NULL
 */
GFile *
gloss_project_find (GFile        *dir,
                    GCancellable *cancellable)
{
  g_autoptr(GFile) current = NULL;

  g_return_val_if_fail (G_IS_FILE (dir), NULL);

  current = g_object_ref (dir);
  while (current != NULL)
    {
      g_autoptr(GFile) candidate = g_file_get_child (current, GLOSS_PROJECT_FILE_NAME);
      GFile *parent;

      if (g_file_query_exists (candidate, cancellable))
        return g_steal_pointer (&candidate);

      parent = g_file_get_parent (current);
      g_object_unref (current);
      current = parent;
    }

  return NULL;
}

/**
 * gloss_project_load_labels:
 * @problems: (element-type GlossProblem): where problems are added, with
 *   the project file named in each
 *
 * Returns: (transfer full) (nullable): the project's labels, or %NULL when
 *   the file has problems
 */
GlossLabelSet *
gloss_project_load_labels (GFile        *project_file,
                           GPtrArray    *problems,
                           GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *name = NULL;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (project_file), NULL);

  name = g_file_get_path (project_file);
  if (name == NULL)
    name = g_file_get_uri (project_file);

  if (!gloss_read_file (project_file, 0, cancellable, &data, &length, &error))
    {
      gloss_problems_add (problems, "$", "%s", error->message);
      gloss_problems_set_file (problems, problems->len - 1, name);
      return NULL;
    }

  return gloss_project_parse_labels (data, length, name, problems);
}

/**
 * gloss_project_parse_labels:
 * @data: a project file's contents (a git revision's, say)
 * @name: the file's name, as problems name it
 * @problems: (element-type GlossProblem): where problems are added
 *
 * Returns: (transfer full) (nullable): the project's labels, or %NULL when
 *   the file has problems
 */
GlossLabelSet *
gloss_project_parse_labels (const char *data,
                            gsize       length,
                            const char *name,
                            GPtrArray  *problems)
{
  static const char * const known[] = { "format", "version", "labels", "relation_labels", NULL };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  GlossLabelSet *labels = NULL;
  guint n_problems = problems->len;

  if ((root = gloss_json_parse (data, length, &error)) == NULL)
    gloss_problems_add (problems, "$", "%s", error->message);
  else if (!JSON_NODE_HOLDS_OBJECT (root))
    gloss_problems_add (problems, "$", _("The file must hold a JSON object, not %s"),
                        gloss_json_type_name (root));
  else
    {
      JsonObject *object = json_node_get_object (root);
      const char *format;
      guint version = 0;

      gloss_json_check_members (object, "$", known, problems);

      format = gloss_json_get_string (object, "format", "$", TRUE, problems);
      if (format != NULL && g_strcmp0 (format, "gloss-project") != 0)
        gloss_problems_add (problems, "$.format", _("The format is “%s”, not “gloss-project”"), format);

      if (gloss_json_get_uint (object, "version", "$", G_MAXUINT, &version, problems) &&
          (version < 1 || version > GLOSS_PROJECT_VERSION))
        gloss_problems_add (problems, "$.version",
                            _("The file is of version %u, which this Gloss does not read: update Gloss"), version);

      labels = gloss_label_set_new_from_object (object, "$", problems);

      if (labels != NULL && version == 1 && !gloss_label_set_is_sentence_only (labels))
        gloss_problems_add (problems, "$.version",
                            _("The file is of version 1, but span and relation labels need version 2"));
    }

  gloss_problems_set_file (problems, n_problems, name);

  if (problems->len > n_problems)
    g_clear_object (&labels);

  return labels;
}

/**
 * gloss_project_load_labels_for:
 * @dir: the folder of a document
 *
 * Returns: (transfer full) (nullable): the labels of the project @dir is
 *   in, or %NULL when there is none or it has problems (added to @problems)
 */
GlossLabelSet *
gloss_project_load_labels_for (GFile        *dir,
                               GPtrArray    *problems,
                               GCancellable *cancellable)
{
  g_autoptr(GFile) project_file = gloss_project_find (dir, cancellable);

  if (project_file == NULL)
    return NULL;

  return gloss_project_load_labels (project_file, problems, cancellable);
}

/* What a folder's project gave: its labels (NULL for none) and problems */
typedef struct
{
  GlossLabelSet *labels;
  GPtrArray     *problems;
} CachedProject;

static void
cached_project_free (CachedProject *project)
{
  g_clear_object (&project->labels);
  g_ptr_array_unref (project->problems);
  g_free (project);
}

/* The projects of the folders of many documents, each found and read
 * once: an export of 2,000 documents looked for `gloss-project.json` in
 * every folder up to the root for each document, and read it each time. */
struct _GlossProjectCache
{
  GMutex      mutex;
  GHashTable *by_folder;  /* GFile -> CachedProject */
};

/**
 * gloss_project_cache_new:
 *
 * Returns: (transfer full): an empty cache, for one operation over many
 *   documents (a project file that changes meanwhile is not read again);
 *   safe to use from several threads at once
 */
GlossProjectCache *
gloss_project_cache_new (void)
{
  GlossProjectCache *cache = g_new0 (GlossProjectCache, 1);

  g_mutex_init (&cache->mutex);
  cache->by_folder = g_hash_table_new_full (g_file_hash, (GEqualFunc)g_file_equal, g_object_unref,
                                            (GDestroyNotify)cached_project_free);

  return cache;
}

void
gloss_project_cache_free (GlossProjectCache *cache)
{
  if (cache == NULL)
    return;

  g_hash_table_unref (cache->by_folder);
  g_mutex_clear (&cache->mutex);
  g_free (cache);
}

/**
 * gloss_project_cache_load_labels_for:
 *
 * Like gloss_project_load_labels_for(), once per folder: the labels are a
 * copy of its own for each caller, and the problems are added each time.
 *
 * Returns: (transfer full) (nullable): the labels of the project @dir is
 *   in, or %NULL when there is none or it has problems
 */
GlossLabelSet *
gloss_project_cache_load_labels_for (GlossProjectCache *cache,
                                     GFile             *dir,
                                     GPtrArray         *problems,
                                     GCancellable      *cancellable)
{
  CachedProject *project;
  GlossLabelSet *labels;

  g_return_val_if_fail (cache != NULL, NULL);
  g_return_val_if_fail (G_IS_FILE (dir), NULL);

  g_mutex_lock (&cache->mutex);
  project = g_hash_table_lookup (cache->by_folder, dir);
  g_mutex_unlock (&cache->mutex);

  if (project == NULL)
    {
      CachedProject *found = g_new0 (CachedProject, 1);

      /* Outside the lock: two threads may read the same project at once,
       * and the first to finish is kept */
      found->problems = gloss_problems_new ();
      found->labels = gloss_project_load_labels_for (dir, found->problems, cancellable);

      g_mutex_lock (&cache->mutex);
      project = g_hash_table_lookup (cache->by_folder, dir);
      if (project == NULL)
        {
          g_hash_table_insert (cache->by_folder, g_object_ref (dir), found);
          project = found;
        }
      else
        cached_project_free (found);
      g_mutex_unlock (&cache->mutex);
    }

  /* Entries are never removed before the cache is freed */
  for (guint i = 0; i < project->problems->len; i++)
    g_ptr_array_add (problems, gloss_problem_copy (g_ptr_array_index (project->problems, i)));
  labels = project->labels ? gloss_label_set_copy (project->labels) : NULL;

  return labels;
}

/**
 * gloss_project_save_labels:
 *
 * Writes @labels into the project file, atomically: as version 1 while the
 * set has sentence labels only (so older Gloss reads it), else as version
 * 2, with the relation labels after the labels.
 */
gboolean
gloss_project_save_labels (GFile          *project_file,
                           GlossLabelSet  *labels,
                           GError        **error)
{
  gboolean sentence_only = gloss_label_set_is_sentence_only (labels);
  g_autoptr(GString) out = g_string_new (NULL);

  g_string_append_printf (out, "{\n  \"format\": \"gloss-project\",\n  \"version\": %d,\n  \"labels\": ",
                          sentence_only ? 1 : GLOSS_PROJECT_VERSION);
  gloss_label_set_append_json (labels, out, "  ");
  if (!sentence_only)
    {
      g_string_append (out, ",\n  \"relation_labels\": ");
      gloss_label_set_append_json (gloss_label_set_get_relation_labels (labels), out, "  ");
    }
  g_string_append (out, "\n}\n");

  return gloss_file_write (project_file, out->str, out->len, GLOSS_FILE_WRITER_NONE, NULL, error);
}
