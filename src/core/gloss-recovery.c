/* gloss-recovery.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "gloss-annotation.h"
#include "gloss-document-private.h"
#include "gloss-error.h"
#include "gloss-format.h"
#include "gloss-json.h"
#include "gloss-label-set.h"
#include "gloss-problem.h"
#include "gloss-project.h"
#include "gloss-recovery.h"
#include "gloss-text.h"

/* Work that could not be saved when Gloss had to end (a signal at
 * logout, a full disk, a read-only folder, a file changed by someone
 * else) is kept in the user's data folder, one file per text, and offered
 * on the next start. A recovery file is JSON:
 *
 *   {"format": "gloss-recovery", "version": 1,
 *    "text": URI of the text, "name": its name for people,
 *    "created": ISO 8601 UTC, "reason": why it was not saved,
 *    "conflict": the annotation file on disk was someone else's,
 *    "on_disk_sha256": SHA-256 of that file then, or null,
 *    "annotations": the annotation file as Gloss would have written it}
 *
 * The URI keeps a file name that is not UTF-8 exact, in valid JSON. */

#define RECOVERY_VERSION 1

struct _GlossRecovery
{
  GObject    parent_instance;

  GFile     *file;
  GFile     *text_file;
  char      *name;
  GDateTime *created;
  char      *reason;
  char      *on_disk_sha256;
  JsonNode  *annotations;
  gboolean   conflict;
};

G_DEFINE_FINAL_TYPE (GlossRecovery, gloss_recovery, G_TYPE_OBJECT)

static void
gloss_recovery_finalize (GObject *object)
{
  GlossRecovery *self = (GlossRecovery *)object;

  g_clear_object (&self->file);
  g_clear_object (&self->text_file);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->reason, g_free);
  g_clear_pointer (&self->on_disk_sha256, g_free);
  g_clear_pointer (&self->annotations, json_node_unref);

  G_OBJECT_CLASS (gloss_recovery_parent_class)->finalize (object);
}

static void
gloss_recovery_class_init (GlossRecoveryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gloss_recovery_finalize;
}

static void
gloss_recovery_init (GlossRecovery *self)
{
}

/**
 * gloss_recovery_dup_folder:
 *
 * Returns: (transfer full): where recovery files are kept, in the user's
 *   data folder
 */
char *
gloss_recovery_dup_folder (void)
{
  return g_build_filename (g_get_user_data_dir (), "gloss", "recovery", NULL);
}

/* One file per text: a later recovery holds all of an earlier one's work */
static char *
dup_recovery_path (GFile *text_file)
{
  g_autofree char *uri = g_file_get_uri (text_file);
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, uri, -1);
  g_autofree char *base = g_file_get_basename (text_file);
  g_autofree char *folder = gloss_recovery_dup_folder ();
  g_autofree char *name = NULL;
  g_autoptr(GString) safe = g_string_new (NULL);

  /* The text's name, for a person looking into the folder */
  for (const char *p = base; p != NULL && *p != '\0' && safe->len < 40; p++)
    g_string_append_c (safe, g_ascii_isalnum (*p) || *p == '.' || *p == '-' || *p == '_' ? *p : '_');

  name = g_strdup_printf ("%s-%.16s.json", safe->str, hash);

  return g_build_filename (folder, name, NULL);
}

/**
 * gloss_recovery_hash_file:
 * @type: (out) (optional): the type of the file, %G_FILE_TYPE_UNKNOWN
 *   when there is none
 *
 * What is on disk, by content rather than size and time: the window and a
 * recovery compare the annotation file so. Only a regular file is read (a
 * FIFO in its place would block).
 *
 * Returns: (transfer full) (nullable): the SHA-256 of the file's bytes, as
 *   `sha256sum` prints it; %NULL when there is no regular file to read
 */
char *
gloss_recovery_hash_file (GFile        *file,
                          GFileType    *type,
                          GCancellable *cancellable)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GChecksum) checksum = NULL;
  g_autofree guchar *buffer = NULL;
  GFileType file_type;
  gssize n;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE, cancellable, NULL);
  file_type = info != NULL ? g_file_info_get_file_type (info) : G_FILE_TYPE_UNKNOWN;
  if (type != NULL)
    *type = file_type;

  if (file_type != G_FILE_TYPE_REGULAR || (stream = g_file_read (file, cancellable, NULL)) == NULL)
    return NULL;

  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  buffer = g_malloc (64 * 1024);
  while ((n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, 64 * 1024, cancellable, NULL)) > 0)
    g_checksum_update (checksum, buffer, n);

  if (n < 0)
    return NULL;

  return g_strdup (g_checksum_get_string (checksum));
}

/**
 * gloss_recovery_save:
 * @conflict: the annotation file on disk is someone else's, so restoring
 *   must not simply write over it
 * @reason: why the work could not be saved, in the user's words
 *
 * Keeps the document as it is in memory in a recovery file, atomically
 * (a temporary file, flushed to disk, renamed): an older recovery of the
 * same text is replaced only by a complete new one.
 *
 * Returns: (transfer full): the recovery, or %NULL with @error set
 */
GlossRecovery *
gloss_recovery_save (GlossDocument  *document,
                     gboolean        conflict,
                     const char     *reason,
                     GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) annotations = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GFile) json_file = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *path = NULL;
  g_autofree char *display = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *created = gloss_timestamp_now ();
  g_autofree char *on_disk = NULL;
  g_autofree char *data = NULL;
  g_autofree char *valid = NULL;
  gsize length;
  GFile *text_file;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (document), NULL);

  text_file = gloss_document_get_file (document);
  if (text_file == NULL)
    {
      g_set_error_literal (error, GLOSS_ERROR, GLOSS_ERROR_READ_ONLY,
                           _("The document has no file, so its work cannot be kept for later"));
      return NULL;
    }

  /* The serialized file may carry the text's name as raw bytes, which no
   * JSON holds: there it becomes U+FFFD (the name is for people only; the
   * text is found by the URI) */
  bytes = gloss_format_serialize (document);
  valid = g_utf8_make_valid (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  annotations = gloss_json_parse (valid, -1, error);
  if (annotations == NULL)
    return NULL;

  json_file = gloss_document_dup_annotation_file (document);
  on_disk = gloss_recovery_hash_file (json_file, NULL, NULL);
  uri = g_file_get_uri (text_file);
  path = g_file_get_path (text_file);
  display = path != NULL ? g_filename_display_basename (path) : g_file_get_basename (text_file);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, GLOSS_RECOVERY_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, RECOVERY_VERSION);
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, uri);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, display);
  json_builder_set_member_name (builder, "created");
  json_builder_add_string_value (builder, created);
  json_builder_set_member_name (builder, "reason");
  json_builder_add_string_value (builder, reason != NULL ? reason : "");
  json_builder_set_member_name (builder, "conflict");
  json_builder_add_boolean_value (builder, conflict);
  json_builder_set_member_name (builder, "on_disk_sha256");
  if (on_disk != NULL)
    json_builder_add_string_value (builder, on_disk);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "annotations");
  json_builder_add_value (builder, json_node_ref (annotations));
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  data = json_generator_to_data (generator, &length);

  g_clear_pointer (&path, g_free);
  folder = gloss_recovery_dup_folder ();
  path = dup_recovery_path (text_file);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *name = g_filename_display_name (folder);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("The folder “%s” for unsaved work could not be made: %s"), name, g_strerror (saved_errno));
      return NULL;
    }

  /* Only the user's own work: private to them */
  if (!g_file_set_contents_full (path, data, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, error))
    return NULL;

  file = g_file_new_for_path (path);

  return gloss_recovery_load (file, error);
}

/**
 * gloss_recovery_flush:
 * @saver: the autosave of a document
 *
 * Writes the saver's pending changes now (see gloss_saver_flush()); when
 * that is impossible, keeps them in a recovery file instead and holds the
 * saver, so that nothing more is written as the program ends.
 *
 * Returns: (transfer full) (nullable): the recovery kept; %NULL when the
 *   annotation file holds every change, or, with @error set, when the work
 *   could neither be saved nor kept
 */
GlossRecovery *
gloss_recovery_flush (GlossSaver  *saver,
                      GError     **error)
{
  g_autoptr(GError) save_error = NULL;
  g_autoptr(GError) keep_error = NULL;
  GlossRecovery *recovery;
  GlossDocument *document;

  g_return_val_if_fail (GLOSS_IS_SAVER (saver), NULL);

  if (gloss_saver_flush (saver, &save_error))
    return NULL;

  document = gloss_saver_get_document (saver);
  recovery = gloss_recovery_save (document,
                                  g_error_matches (save_error, GLOSS_ERROR, GLOSS_ERROR_CHANGED_ON_DISK),
                                  save_error->message, &keep_error);
  if (recovery == NULL)
    {
      g_set_error (error, keep_error->domain, keep_error->code,
                   _("The annotations could not be saved (%s), nor kept for later (%s)"),
                   save_error->message, keep_error->message);
      return NULL;
    }

  gloss_saver_set_held (saver, TRUE);

  return recovery;
}

static const char *
get_string (JsonObject *object,
            const char *member)
{
  return json_object_get_string_member_with_default (object, member, NULL);
}

/**
 * gloss_recovery_load:
 * @file: a recovery file
 *
 * Returns: (transfer full): the recovery, or %NULL with @error set when
 *   the file is not one
 */
GlossRecovery *
gloss_recovery_load (GFile   *file,
                     GError **error)
{
  g_autoptr(GlossRecovery) self = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *data = NULL;
  g_autofree char *name = NULL;
  JsonObject *object;
  JsonNode *node;
  const char *text;
  const char *created;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!g_file_load_contents (file, NULL, &data, &length, NULL, error))
    return NULL;

  root = gloss_json_parse (data, length, error);
  if (root == NULL)
    return NULL;

  object = JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  text = object ? get_string (object, "text") : NULL;
  created = object ? get_string (object, "created") : NULL;
  node = object ? json_object_get_member (object, "annotations") : NULL;
  if (object == NULL || g_strcmp0 (get_string (object, "format"), GLOSS_RECOVERY_FORMAT) != 0 ||
      !json_object_has_member (object, "version") ||
      json_object_get_int_member (object, "version") != RECOVERY_VERSION ||
      text == NULL || created == NULL || node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      name = g_file_get_parse_name (file);
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_DOCUMENT,
                   _("“%s” is not a recovery file of this version of Gloss"), name);
      return NULL;
    }

  self = g_object_new (GLOSS_TYPE_RECOVERY, NULL);
  self->file = g_object_ref (file);
  self->text_file = g_file_new_for_uri (text);
  self->created = g_date_time_new_from_iso8601 (created, NULL);
  if (self->created == NULL)
    self->created = g_date_time_new_now_utc ();
  self->reason = g_strdup (get_string (object, "reason"));
  self->on_disk_sha256 = g_strdup (get_string (object, "on_disk_sha256"));
  self->conflict = json_object_get_boolean_member_with_default (object, "conflict", FALSE);
  self->annotations = json_node_ref (node);
  self->name = g_strdup (get_string (object, "name"));
  if (self->name == NULL)
    {
      g_autofree char *path = g_file_get_path (self->text_file);

      self->name = path ? g_filename_display_basename (path) : g_file_get_parse_name (self->text_file);
    }

  return g_steal_pointer (&self);
}

static int
compare_created (gconstpointer a,
                 gconstpointer b)
{
  GlossRecovery *first = *(GlossRecovery **)a;
  GlossRecovery *second = *(GlossRecovery **)b;

  return g_date_time_compare (first->created, second->created);
}

/**
 * gloss_recovery_list:
 *
 * A file in the folder that cannot be read as a recovery is left alone:
 * it is not offered, and not deleted either.
 *
 * Returns: (transfer container) (element-type GlossRecovery): the work
 *   kept for later, oldest first
 */
GPtrArray *
gloss_recovery_list (void)
{
  GPtrArray *recoveries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *folder = gloss_recovery_dup_folder ();
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autoptr(GFile) file = NULL;
      g_autoptr(GError) error = NULL;
      GlossRecovery *recovery;

      if (!g_str_has_suffix (name, ".json"))
        continue;

      path = g_build_filename (folder, name, NULL);
      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        continue;

      file = g_file_new_for_path (path);
      recovery = gloss_recovery_load (file, &error);
      if (recovery == NULL)
        {
          g_warning ("%s", error->message);
          continue;
        }
      g_ptr_array_add (recoveries, recovery);
    }

  g_ptr_array_sort (recoveries, compare_created);

  return recoveries;
}

GFile *
gloss_recovery_get_file (GlossRecovery *self)
{
  g_return_val_if_fail (GLOSS_IS_RECOVERY (self), NULL);

  return self->file;
}

GFile *
gloss_recovery_get_text_file (GlossRecovery *self)
{
  g_return_val_if_fail (GLOSS_IS_RECOVERY (self), NULL);

  return self->text_file;
}

/**
 * gloss_recovery_get_name:
 *
 * Returns: the text's file name, readable (valid UTF-8) whatever its bytes
 */
const char *
gloss_recovery_get_name (GlossRecovery *self)
{
  g_return_val_if_fail (GLOSS_IS_RECOVERY (self), NULL);

  return self->name;
}

GDateTime *
gloss_recovery_get_created (GlossRecovery *self)
{
  g_return_val_if_fail (GLOSS_IS_RECOVERY (self), NULL);

  return self->created;
}

const char *
gloss_recovery_get_reason (GlossRecovery *self)
{
  g_return_val_if_fail (GLOSS_IS_RECOVERY (self), NULL);

  return self->reason != NULL ? self->reason : "";
}

gboolean
gloss_recovery_get_conflict (GlossRecovery *self)
{
  g_return_val_if_fail (GLOSS_IS_RECOVERY (self), FALSE);

  return self->conflict;
}

/**
 * gloss_recovery_dup_annotations:
 *
 * Returns: (transfer full): the annotation file kept, as JSON
 */
GBytes *
gloss_recovery_dup_annotations (GlossRecovery *self)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  char *data;
  gsize length;

  g_return_val_if_fail (GLOSS_IS_RECOVERY (self), NULL);

  json_generator_set_root (generator, self->annotations);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  data = json_generator_to_data (generator, &length);

  return g_bytes_new_take (data, length);
}

/**
 * gloss_recovery_load_document:
 *
 * Builds the document from the kept work and the text as it is now on
 * disk (a text changed since makes it read-only, with the problem, as a
 * load does). Reads files: call it in a worker thread.
 *
 * Returns: (transfer full): the document, with its file set and nothing
 *   saved yet, or %NULL with @error set when the text cannot be read
 */
GlossDocument *
gloss_recovery_load_document (GlossRecovery  *self,
                              GCancellable   *cancellable,
                              GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GlossText) text = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GlossLabelSet) labels = NULL;
  g_autoptr(GPtrArray) problems = gloss_problems_new ();
  g_autofree char *encoding = NULL;
  g_autofree char *name = NULL;
  GlossDocument *document;
  const char *data;
  gsize length;

  g_return_val_if_fail (GLOSS_IS_RECOVERY (self), NULL);

  bytes = gloss_recovery_dup_annotations (self);
  data = g_bytes_get_data (bytes, &length);

  encoding = gloss_format_dup_encoding (data, length);
  text = gloss_text_load_encoded (self->text_file, encoding, cancellable, error);
  if (text == NULL)
    return NULL;

  dir = g_file_get_parent (self->text_file);
  if (dir != NULL)
    labels = gloss_project_load_labels_for (dir, problems, cancellable);

  name = g_file_get_basename (self->text_file);
  document = gloss_format_parse (text, name, data, length, NULL, labels);
  _gloss_document_set_file (document, self->text_file);
  _gloss_document_add_problems (document, problems);
  /* The work replaces only the file it was made against; work kept in a
   * conflict replaces no file at all ("" matches none) */
  _gloss_document_set_disk_sha256 (document, self->conflict ? "" : self->on_disk_sha256);

  return document;
}

/**
 * gloss_recovery_changed_on_disk:
 *
 * Reads the annotation file beside the text: call it in a worker thread.
 *
 * Returns: %TRUE when writing the kept work would replace someone else's:
 *   the file on disk was another's when the work was kept, or it changed
 *   since
 */
gboolean
gloss_recovery_changed_on_disk (GlossRecovery *self)
{
  g_autoptr(GFile) json_file = NULL;
  g_autofree char *now = NULL;

  g_return_val_if_fail (GLOSS_IS_RECOVERY (self), FALSE);

  if (self->conflict)
    return TRUE;

  json_file = gloss_document_dup_annotation_file_for (self->text_file);
  now = gloss_recovery_hash_file (json_file, NULL, NULL);

  return g_strcmp0 (now, self->on_disk_sha256) != 0;
}

/**
 * gloss_recovery_discard:
 *
 * Deletes the recovery file; one already gone is no error.
 */
gboolean
gloss_recovery_discard (GlossRecovery  *self,
                        GError        **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (GLOSS_IS_RECOVERY (self), FALSE);

  if (!g_file_delete (self->file, NULL, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}
