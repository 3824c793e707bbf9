/* gloss-folder-entry.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "gloss-corpus.h"
#include "gloss-folder-entry.h"

/* One text of an opened folder, with its progress (sentences annotated,
 * spans), as the document list shows it. */
struct _GlossFolderEntry
{
  GObject  parent_instance;

  GFile   *file;
  char    *title;
  guint    n_sentences;
  guint    n_annotated;
  guint    n_spans;
  guint    done : 1;
  guint    broken : 1;
};

G_DEFINE_FINAL_TYPE (GlossFolderEntry, gloss_folder_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_N_SENTENCES,
  PROP_N_ANNOTATED,
  PROP_N_SPANS,
  PROP_DONE,
  PROP_BROKEN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gloss_folder_entry_finalize (GObject *object)
{
  GlossFolderEntry *self = (GlossFolderEntry *)object;

  g_clear_object (&self->file);
  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (gloss_folder_entry_parent_class)->finalize (object);
}

static void
gloss_folder_entry_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  GlossFolderEntry *self = GLOSS_FOLDER_ENTRY (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_N_SENTENCES:
      g_value_set_uint (value, self->n_sentences);
      break;

    case PROP_N_ANNOTATED:
      g_value_set_uint (value, self->n_annotated);
      break;

    case PROP_N_SPANS:
      g_value_set_uint (value, self->n_spans);
      break;

    case PROP_DONE:
      g_value_set_boolean (value, self->done);
      break;

    case PROP_BROKEN:
      g_value_set_boolean (value, self->broken);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_folder_entry_class_init (GlossFolderEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = gloss_folder_entry_finalize;
  object_class->get_property = gloss_folder_entry_get_property;

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_N_SENTENCES] = g_param_spec_uint ("n-sentences", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_N_ANNOTATED] = g_param_spec_uint ("n-annotated", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_N_SPANS] = g_param_spec_uint ("n-spans", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_DONE] = g_param_spec_boolean ("done", NULL, NULL, FALSE, flags);
  properties[PROP_BROKEN] = g_param_spec_boolean ("broken", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_folder_entry_init (GlossFolderEntry *self)
{
}

GlossFolderEntry *
gloss_folder_entry_new (GFile *root,
                        GFile *file)
{
  GlossFolderEntry *self;
  g_autofree char *id = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (GLOSS_TYPE_FOLDER_ENTRY, NULL);
  self->file = g_object_ref (file);
  id = gloss_corpus_dup_id (root, file);
  /* The id may hold a file name's raw bytes: shown readable */
  self->title = g_filename_display_name (id);

  return self;
}

GFile *
gloss_folder_entry_get_file (GlossFolderEntry *self)
{
  g_return_val_if_fail (GLOSS_IS_FOLDER_ENTRY (self), NULL);

  return self->file;
}

const char *
gloss_folder_entry_get_title (GlossFolderEntry *self)
{
  g_return_val_if_fail (GLOSS_IS_FOLDER_ENTRY (self), NULL);

  return self->title;
}

guint
gloss_folder_entry_get_n_sentences (GlossFolderEntry *self)
{
  g_return_val_if_fail (GLOSS_IS_FOLDER_ENTRY (self), 0);

  return self->n_sentences;
}

guint
gloss_folder_entry_get_n_annotated (GlossFolderEntry *self)
{
  g_return_val_if_fail (GLOSS_IS_FOLDER_ENTRY (self), 0);

  return self->n_annotated;
}

guint
gloss_folder_entry_get_n_spans (GlossFolderEntry *self)
{
  g_return_val_if_fail (GLOSS_IS_FOLDER_ENTRY (self), 0);

  return self->n_spans;
}

gboolean
gloss_folder_entry_get_done (GlossFolderEntry *self)
{
  g_return_val_if_fail (GLOSS_IS_FOLDER_ENTRY (self), FALSE);

  return self->done;
}

gboolean
gloss_folder_entry_get_broken (GlossFolderEntry *self)
{
  g_return_val_if_fail (GLOSS_IS_FOLDER_ENTRY (self), FALSE);

  return self->broken;
}

void
gloss_folder_entry_update (GlossFolderEntry *self,
                           guint             n_sentences,
                           guint             n_annotated,
                           guint             n_spans,
                           gboolean          done,
                           gboolean          broken)
{
  g_return_if_fail (GLOSS_IS_FOLDER_ENTRY (self));

  g_object_freeze_notify (G_OBJECT (self));

  if (self->n_sentences != n_sentences)
    {
      self->n_sentences = n_sentences;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SENTENCES]);
    }

  if (self->n_annotated != n_annotated)
    {
      self->n_annotated = n_annotated;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ANNOTATED]);
    }

  if (self->n_spans != n_spans)
    {
      self->n_spans = n_spans;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SPANS]);
    }

  if (self->done != !!done)
    {
      self->done = !!done;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DONE]);
    }

  if (self->broken != !!broken)
    {
      self->broken = !!broken;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BROKEN]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}
