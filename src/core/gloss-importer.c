/* gloss-importer.c
 *
 * The importer: a format's reader (formats/gloss-dataset-FORMAT.c) reads its
 * input into documents; the importer checks each document id, maps
 * labelled spans to the sentences they cover, and writes `.txt` +
 * `.gloss.json` pairs that have passed the same checks as loading, never
 * over an existing file unless told to.
 *
 * Gloss labels whole sentences, but doccano, Label Studio and brat label
 * any span, and a model's pre-annotations rarely end exactly at Gloss's
 * sentence boundaries. A span labels each sentence it covers for at
 * least half of the sentence, or for at least half of the span: a short
 * quote inside a sentence labels that sentence; a span over three
 * sentences labels the three; a span that spills a word into the next
 * sentence does not label that one. A span that meets none of this (it
 * straddles a boundary evenly) labels the sentence it overlaps most;
 * one that covers only white space between sentences is reported.
 *
 * What a format holds that Gloss has no place for (relations, attributes,
 * a Label Studio choice …) is never left out in silence: each reader
 * notes it (_gloss_importer_note_dropped()), and the import lists it by
 * kind, with a count and the first one; a strict import refuses it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-annotation.h"
#include "gloss-corpus.h"
#include "gloss-dataset-private.h"
#include "gloss-document-private.h"
#include "gloss-error.h"
#include "gloss-file-batch.h"
#include "gloss-format.h"
#include "gloss-label-set.h"
#include "gloss-label.h"
#include "gloss-problem.h"
#include "gloss-project.h"
#include "gloss-read.h"
#include "gloss-relation.h"
#include "gloss-sentence.h"
#include "gloss-span-private.h"
#include "gloss-span.h"
#include "gloss-text.h"

typedef struct
{
  char          *id;       /* the text's path in the folder, in the file system's bytes */
  char          *name;     /* the same as an id, UTF-8, for messages */
  GlossDocument *document;
  gboolean       text_only;
} Record;

/* The most a labeling config may take; real ones are a few kilobytes */
#define MAX_LABEL_CONFIG_SIZE (1024 * 1024)

typedef struct
{
  guint  count;
  char  *where;     /* of the first */
  char  *example;   /* the first, as the input holds it */
} Dropped;

struct _GlossImporter
{
  GObject            parent_instance;

  GlossImportFormat  format;
  char              *language;
  char              *annotator;
  char              *encoding;
  GlossLabelSet     *labels;
  GlossOffsets       offsets;
  gboolean           strict;
  GFile             *label_config_file;
  char              *label_config;
  char              *label_config_name;
  char              *input_name;

  GPtrArray         *records;
  GHashTable        *ids;          /* path -> where in the input it was claimed */
  GPtrArray         *problems;
  GPtrArray         *warnings;
  Dropped            dropped[GLOSS_DROPPED_N_KINDS];
  GPtrArray         *dropped_list;  /* GlossProblem, one per kind, after reading */
  guint              n_mapped;
  gboolean           has_read;
};

G_DEFINE_FINAL_TYPE (GlossImporter, gloss_importer, G_TYPE_OBJECT)

/* Colours for labels a dataset brings that the label set lacks */
static const char * const new_label_colors[] = {
  "#1c71d8", "#2ec27e", "#e5a50a", "#c64600", "#813d9c", "#865e3c", "#a51d2d", "#26a269",
};

static void
record_free (Record *record)
{
  g_free (record->id);
  g_free (record->name);
  g_clear_object (&record->document);
  g_free (record);
}

static void
gloss_importer_finalize (GObject *object)
{
  GlossImporter *self = GLOSS_IMPORTER (object);

  g_free (self->language);
  g_free (self->annotator);
  g_free (self->encoding);
  g_free (self->input_name);
  g_clear_object (&self->labels);
  g_clear_object (&self->label_config_file);
  g_free (self->label_config);
  g_free (self->label_config_name);
  for (guint i = 0; i < GLOSS_DROPPED_N_KINDS; i++)
    {
      g_free (self->dropped[i].where);
      g_free (self->dropped[i].example);
    }
  g_ptr_array_unref (self->dropped_list);
  g_ptr_array_unref (self->records);
  g_hash_table_unref (self->ids);
  g_ptr_array_unref (self->problems);
  g_ptr_array_unref (self->warnings);

  G_OBJECT_CLASS (gloss_importer_parent_class)->finalize (object);
}

static void
gloss_importer_class_init (GlossImporterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gloss_importer_finalize;
}

static void
gloss_importer_init (GlossImporter *self)
{
  self->records = g_ptr_array_new_with_free_func ((GDestroyNotify)record_free);
  self->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->problems = gloss_problems_new ();
  self->warnings = gloss_problems_new ();
  self->dropped_list = gloss_problems_new ();
  self->annotator = g_strdup ("");
}

/**
 * gloss_importer_new:
 *
 * Returns: (transfer full): an importer of @format
 */
GlossImporter *
gloss_importer_new (GlossImportFormat format)
{
  GlossImporter *self;

  g_return_val_if_fail (format < GLOSS_IMPORT_N_FORMATS, NULL);

  self = g_object_new (GLOSS_TYPE_IMPORTER, NULL);
  self->format = format;

  return self;
}

/**
 * gloss_importer_set_language:
 * @language: (nullable): "de" or "en" for texts whose format does not
 *   say; %NULL to guess from each text
 */
void
gloss_importer_set_language (GlossImporter *self,
                             const char    *language)
{
  g_return_if_fail (GLOSS_IS_IMPORTER (self));

  g_free (self->language);
  self->language = g_strdup (language);
}

/**
 * gloss_importer_set_annotator:
 * @annotator: (nullable): the name recorded for annotations whose format
 *   names no annotator, e.g. the model that made pre-annotations
 */
void
gloss_importer_set_annotator (GlossImporter *self,
                              const char    *annotator)
{
  g_return_if_fail (GLOSS_IS_IMPORTER (self));

  g_free (self->annotator);
  self->annotator = g_strdup (annotator ? annotator : "");
}

/**
 * gloss_importer_set_encoding:
 * @encoding: (nullable): the encoding of text files (brat's) that are not
 *   UTF-8 (see gloss_text_load_fallback()); they are written as UTF-8
 */
void
gloss_importer_set_encoding (GlossImporter *self,
                             const char    *encoding)
{
  g_return_if_fail (GLOSS_IS_IMPORTER (self));

  g_free (self->encoding);
  self->encoding = g_strdup (encoding);
}

/**
 * gloss_importer_set_labels:
 * @labels: (nullable): the labels of the folder imported into; labels a
 *   dataset brings that it lacks are added. %NULL: the set the format
 *   starts from (its entry's @labels: a built-in set), else the defaults
 */
void
gloss_importer_set_labels (GlossImporter *self,
                           GlossLabelSet *labels)
{
  g_return_if_fail (GLOSS_IS_IMPORTER (self));

  g_clear_object (&self->labels);
  if (labels != NULL)
    self->labels = gloss_label_set_copy (labels);
}

/**
 * gloss_importer_set_offsets:
 * @offsets: how the spans of a format that may count either way
 *   (gloss_import_format_has_offsets(): doccano) count the text.
 *   %GLOSS_OFFSETS_AUTO, the default: as each line says (Gloss's export
 *   does), else as the spans of the input show; an input whose spans fit
 *   both readings where they differ is refused with a problem, since the
 *   wrong one would label the wrong sentences
 */
void
gloss_importer_set_offsets (GlossImporter *self,
                            GlossOffsets   offsets)
{
  g_return_if_fail (GLOSS_IS_IMPORTER (self));
  g_return_if_fail (offsets <= GLOSS_OFFSETS_UTF16);

  self->offsets = offsets;
}

/**
 * gloss_importer_set_strict:
 * @strict: refuse an input that holds anything Gloss has no place for
 *
 * A strict import makes each kind of thing it would leave out
 * (gloss_importer_get_dropped()) a problem, so that nothing is written.
 */
void
gloss_importer_set_strict (GlossImporter *self,
                           gboolean       strict)
{
  g_return_if_fail (GLOSS_IS_IMPORTER (self));

  self->strict = !!strict;
}

/**
 * gloss_importer_set_label_config:
 * @config: (nullable): a Label Studio project's labeling config (its
 *   XML, Settings → Labeling Interface → Code), which names the task
 *   field the text is in (`<Text name="text" value="$article"/>`); read
 *   with the input
 */
void
gloss_importer_set_label_config (GlossImporter *self,
                                 GFile         *config)
{
  g_return_if_fail (GLOSS_IS_IMPORTER (self));
  g_return_if_fail (config == NULL || G_IS_FILE (config));

  g_set_object (&self->label_config_file, config);
  g_clear_pointer (&self->label_config, g_free);
  g_clear_pointer (&self->label_config_name, g_free);
}

static GlossLabelSet *
get_labels (GlossImporter *self)
{
  if (self->labels == NULL)
    {
      /* A dataset of quotations starts from the quotation set */
      const char *builtin = _gloss_dataset_for_import (self->format)->labels;

      self->labels = builtin != NULL ? gloss_label_set_new_builtin (builtin) : gloss_label_set_new_default ();
    }

  return self->labels;
}

static gboolean
load_label_config (GlossImporter  *self,
                   GCancellable   *cancellable,
                   GError        **error)
{
  g_autofree char *data = NULL;
  gsize length;

  self->label_config_name = gloss_corpus_dup_display_name (self->label_config_file);
  if (!gloss_read_file (self->label_config_file, MAX_LABEL_CONFIG_SIZE, cancellable, &data, &length, error))
    return FALSE;

  if (!g_utf8_validate_len (data, length, NULL) || memchr (data, '\0', length) != NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_UTF8, _("The labeling config “%s” is not UTF-8 text"),
                   self->label_config_name);
      return FALSE;
    }

  self->label_config = g_steal_pointer (&data);

  return TRUE;
}

static char *
describe_dropped (GlossDroppedKind kind,
                  guint            n)
{
  switch (kind)
    {
    case GLOSS_DROPPED_RELATION:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u relation", "%u relations", n), n);
    case GLOSS_DROPPED_ATTRIBUTE:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u attribute", "%u attributes", n), n);
    case GLOSS_DROPPED_NORMALIZATION:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u normalization", "%u normalizations", n), n);
    case GLOSS_DROPPED_EVENT:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event", "%u events", n), n);
    case GLOSS_DROPPED_NOTE:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u note on no labelled span",
                                           "%u notes on no labelled span", n), n);
    case GLOSS_DROPPED_CHOICE:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u choice", "%u choices", n), n);
    case GLOSS_DROPPED_TEXT_AREA:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u text area", "%u text areas", n), n);
    case GLOSS_DROPPED_PREDICTION:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u pre-annotation of a task people annotated",
                                           "%u pre-annotations of tasks people annotated", n), n);
    case GLOSS_DROPPED_SKIPPED:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u skipped annotation or draft",
                                           "%u skipped annotations or drafts", n), n);
    case GLOSS_DROPPED_OTHER:
    case GLOSS_DROPPED_N_KINDS:
    default:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u record of another kind",
                                           "%u records of other kinds", n), n);
    }
}

/* One problem per kind of what was left out: its count and the first */
static void
list_dropped (GlossImporter *self)
{
  g_ptr_array_set_size (self->dropped_list, 0);

  for (guint kind = 0; kind < GLOSS_DROPPED_N_KINDS; kind++)
    {
      Dropped *dropped = &self->dropped[kind];
      g_autofree char *what = NULL;

      if (dropped->count == 0)
        continue;

      what = describe_dropped (kind, dropped->count);
      gloss_problems_add (self->dropped_list, dropped->where,
                          g_dngettext (GETTEXT_PACKAGE, "Left out, as Gloss has no place for it: %s, such as “%s”",
                                       "Left out, as Gloss has no place for them: %s, such as “%s”",
                                       dropped->count),
                          what, dropped->example);
      gloss_problems_set_file (self->dropped_list, self->dropped_list->len - 1, self->input_name);

      if (self->strict)
        g_ptr_array_add (self->problems,
                         gloss_problem_copy (g_ptr_array_index (self->dropped_list, self->dropped_list->len - 1)));
    }
}

/**
 * gloss_importer_read:
 * @input: the file (or, for brat, the folder) to import
 *
 * Reads the whole input. A record that cannot be imported is a problem
 * (gloss_importer_get_problems()), not an error: the others still import.
 *
 * Returns: %FALSE with @error set if the input cannot be read at all
 */
gboolean
gloss_importer_read (GlossImporter  *self,
                     GFile          *input,
                     GCancellable   *cancellable,
                     GError        **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (GLOSS_IS_IMPORTER (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (input), FALSE);

  path = g_file_get_path (input);
  g_free (self->input_name);
  self->input_name = path ? g_filename_display_name (path) : g_file_get_uri (input);

  if (self->label_config_file != NULL && self->label_config == NULL && !load_label_config (self, cancellable, error))
    return FALSE;

  if (!_gloss_dataset_for_import (self->format)->read (self, input, cancellable, error))
    return FALSE;

  list_dropped (self);
  self->has_read = TRUE;

  return TRUE;
}

/**
 * gloss_importer_has_read:
 *
 * Returns: %TRUE once gloss_importer_read() has read an input (it may
 *   have problems)
 */
gboolean
gloss_importer_has_read (GlossImporter *self)
{
  g_return_val_if_fail (GLOSS_IS_IMPORTER (self), FALSE);

  return self->has_read;
}

guint
gloss_importer_get_n_documents (GlossImporter *self)
{
  g_return_val_if_fail (GLOSS_IS_IMPORTER (self), 0);

  return self->records->len;
}

/**
 * gloss_importer_get_document:
 * @id: (out) (optional): the document's id, its path in the folder
 *
 * Returns: (transfer none): the document read at @position
 */
GlossDocument *
gloss_importer_get_document (GlossImporter  *self,
                             guint           position,
                             const char    **id)
{
  Record *record;

  g_return_val_if_fail (GLOSS_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (position < self->records->len, NULL);

  record = g_ptr_array_index (self->records, position);
  if (id != NULL)
    *id = record->id;

  return record->document;
}

/**
 * gloss_importer_get_problems:
 *
 * Returns: (transfer none) (element-type GlossProblem): why records were
 *   not imported, each with where in the input
 */
GPtrArray *
gloss_importer_get_problems (GlossImporter *self)
{
  g_return_val_if_fail (GLOSS_IS_IMPORTER (self), NULL);

  return self->problems;
}

/**
 * gloss_importer_get_warnings:
 *
 * Returns: (transfer none) (element-type GlossProblem): what was imported
 *   differently from the input (a label id made valid, a brat relation
 *   left out)
 */
GPtrArray *
gloss_importer_get_warnings (GlossImporter *self)
{
  g_return_val_if_fail (GLOSS_IS_IMPORTER (self), NULL);

  return self->warnings;
}

/**
 * gloss_importer_get_dropped:
 *
 * Returns: (transfer none) (element-type GlossProblem): what the input
 *   holds that Gloss has no place for, and so was left out: one entry per
 *   kind, saying how many and quoting the first, where it is in the input
 */
GPtrArray *
gloss_importer_get_dropped (GlossImporter *self)
{
  g_return_val_if_fail (GLOSS_IS_IMPORTER (self), NULL);

  return self->dropped_list;
}

/**
 * gloss_importer_count_dropped:
 *
 * Returns: how many of @kind the input held, all left out
 */
guint
gloss_importer_count_dropped (GlossImporter    *self,
                              GlossDroppedKind  kind)
{
  g_return_val_if_fail (GLOSS_IS_IMPORTER (self), 0);
  g_return_val_if_fail (kind < GLOSS_DROPPED_N_KINDS, 0);

  return self->dropped[kind].count;
}

/**
 * gloss_importer_get_n_mapped:
 *
 * Returns: how many spans did not match a sentence exactly and were
 *   mapped to the sentences they cover
 */
guint
gloss_importer_get_n_mapped (GlossImporter *self)
{
  g_return_val_if_fail (GLOSS_IS_IMPORTER (self), 0);

  return self->n_mapped;
}

static void add_problem_va (GlossImporter *self,
                            GPtrArray     *list,
                            const char    *where,
                            const char    *format,
                            va_list        args) G_GNUC_PRINTF (4, 0);

static void
add_problem_va (GlossImporter *self,
                GPtrArray     *list,
                const char    *where,
                const char    *format,
                va_list        args)
{
  g_autofree char *message = g_strdup_vprintf (format, args);

  gloss_problems_add (list, where, "%s", message);
  gloss_problems_set_file (list, list->len - 1, self->input_name);
}

void
_gloss_importer_problem (GlossImporter *self,
                         const char    *where,
                         const char    *format,
                         ...)
{
  va_list args;

  va_start (args, format);
  add_problem_va (self, self->problems, where, format, args);
  va_end (args);
}

void
_gloss_importer_warning (GlossImporter *self,
                         const char    *where,
                         const char    *format,
                         ...)
{
  va_list args;

  va_start (args, format);
  add_problem_va (self, self->warnings, where, format, args);
  va_end (args);
}

/**
 * _gloss_importer_note_dropped:
 * @kind: what it is
 * @where: where in the input (`line 3`, `a.ann: line 7`, `$[2]`)
 * @example: the thing itself, as the input holds it (shortened)
 *
 * Notes one thing the input holds that Gloss has no place for.
 */
void
_gloss_importer_note_dropped (GlossImporter    *self,
                              GlossDroppedKind  kind,
                              const char       *where,
                              const char       *example)
{
  Dropped *dropped;

  g_return_if_fail (kind < GLOSS_DROPPED_N_KINDS);

  dropped = &self->dropped[kind];
  if (dropped->count++ == 0)
    {
      dropped->where = g_strdup (where);
      dropped->example = gloss_problem_shorten (example);
    }
}

GlossOffsets
_gloss_importer_get_offsets (GlossImporter *self)
{
  return self->offsets;
}

/**
 * _gloss_importer_get_label_config:
 * @name: (out) (optional): the config file's name, for messages
 *
 * Returns: (nullable): the labeling config given, as text
 */
const char *
_gloss_importer_get_label_config (GlossImporter  *self,
                                  const char    **name)
{
  if (name != NULL)
    *name = self->label_config_name;

  return self->label_config;
}

const char *
_gloss_importer_get_language (GlossImporter *self)
{
  return self->language;
}

const char *
_gloss_importer_get_annotator (GlossImporter *self)
{
  return self->annotator;
}

const char *
_gloss_importer_get_encoding (GlossImporter *self)
{
  return self->encoding;
}

/* Gloss's own exports write ids up to this long; a longer one is no file
 * path, and would only make every message about it as long */
#define MAX_ID_LENGTH 1000

/**
 * gloss_import_check_id:
 * @id: a document id from a dataset
 *
 * A document id becomes a path below the folder imported into, so it must
 * stay there: no absolute path, no `..`, no empty, `.` or hidden parts
 * (hidden files are skipped when a folder is opened), no backslash (a
 * Windows separator), no control characters. An id that an export escaped
 * because its file name is not UTF-8 gets that name back
 * (gloss_corpus_unescape_id()).
 *
 * Returns: (transfer full): the relative path of the text, ending in
 *   `.txt`, in the file system's bytes, or %NULL with @error set
 */
char *
gloss_import_check_id (const char  *id,
                       GError     **error)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (id != NULL, NULL);

  if (id[0] == '\0')
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT, _("The document id is empty"));
      return NULL;
    }

  if (!g_utf8_validate (id, -1, NULL))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT, _("The document id is not UTF-8"));
      return NULL;
    }

  shown = gloss_problem_shorten (id);

  if (strlen (id) > MAX_ID_LENGTH)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT,
                   _("The document id “%s” is %lu bytes long; Gloss accepts ids of up to %d"),
                   shown, (unsigned long)strlen (id), MAX_ID_LENGTH);
      return NULL;
    }

  if (g_path_is_absolute (id) || id[0] == '/' || id[0] == '~')
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT,
                   _("The document id “%s” is an absolute path; ids must be relative to the folder "
                     "imported into"), shown);
      return NULL;
    }

  for (const char *p = id; *p != '\0'; p++)
    {
      if ((guchar)*p < 0x20 || *p == 0x7f || *p == '\\')
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT,
                       _("The document id “%s” holds a backslash or a control character"), shown);
          return NULL;
        }
    }

  /* Escaping changes no "/" and no ".", so the parts are checked on the id */
  parts = g_strsplit (id, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *name = NULL;

      if (strcmp (parts[i], "..") == 0)
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT,
                       _("The document id “%s” leads out of the folder imported into (“..”); "
                         "it is refused"), shown);
          return NULL;
        }

      if (parts[i][0] == '\0' || parts[i][0] == '.')
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT,
                       _("The document id “%s” has an empty, “.” or hidden part"), shown);
          return NULL;
        }

      name = gloss_corpus_unescape_id (parts[i]);
      if (strlen (name) > 240)
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT,
                       _("A part of the document id “%s” is too long for a file name"), shown);
          return NULL;
        }
    }

  path = gloss_corpus_unescape_id (id);
  if (g_str_has_suffix (path, ".txt"))
    return g_steal_pointer (&path);

  return g_strconcat (path, ".txt", NULL);
}

/* Label ids are lower-case ASCII; datasets often say "Claim" or "QUOTE" */
static char *
make_label_id (const char *name)
{
  GString *id = g_string_new (NULL);

  for (const char *p = name; *p != '\0' && id->len < 64; p++)
    {
      char c = g_ascii_tolower (*p);

      if (g_ascii_isalnum (c) || c == '-' || c == '_')
        g_string_append_c (id, c);
      else if (id->len > 0 && id->str[id->len - 1] != '_')
        g_string_append_c (id, '_');
    }

  if (id->len == 0 || !g_ascii_islower (id->str[0]))
    g_string_prepend (id, "label-");
  if (id->len > 64)
    g_string_truncate (id, 64);

  return g_string_free (id, FALSE);
}

/* Returns the id of the label called @name, adding it to the set if new;
 * %NULL, with a problem, when it cannot be */
static char *
resolve_label_in (GlossImporter   *self,
                  GlossLabelSet   *labels,
                  GlossLabelScope  scope,
                  const char      *name,
                  const char      *where)
{
  g_autofree char *id = NULL;
  g_autofree char *shown = NULL;
  glong length;

  if (gloss_label_set_lookup (labels, name) != NULL)
    return g_strdup (name);

  shown = gloss_problem_shorten (name);
  length = g_utf8_strlen (name, -1);
  if (length > GLOSS_LABEL_MAX_NAME_LENGTH)
    {
      _gloss_importer_problem (self, where,
                               _("The label name “%s” is %ld characters long; Gloss accepts names of up to %d"),
                               shown, length, GLOSS_LABEL_MAX_NAME_LENGTH);
      return NULL;
    }

  id = gloss_label_id_is_valid (name) ? g_strdup (name) : make_label_id (name);

  if (gloss_label_set_lookup (labels, id) == NULL)
    {
      guint n = gloss_label_set_get_n_labels (labels);
      g_autoptr(GlossLabel) label = NULL;

      if (n >= GLOSS_LABEL_SET_MAX_LABELS)
        {
          _gloss_importer_problem (self, where,
                                   _("The label “%s” would be label number %u; Gloss accepts at most %u in a set"),
                                   shown, n + 1, GLOSS_LABEL_SET_MAX_LABELS);
          return NULL;
        }

      label = gloss_label_new_with_scope (scope, id, name, new_label_colors[n % G_N_ELEMENTS (new_label_colors)],
                                          "", "");
      gloss_label_set_insert (labels, n, label);
      if (scope == GLOSS_LABEL_SCOPE_SPAN)
        _gloss_importer_warning (self, where,
                                 _("The label “%s” is new; it was added to the label set as the span label “%s”"),
                                 shown, id);
      else if (scope == GLOSS_LABEL_SCOPE_RELATION)
        _gloss_importer_warning (self, where,
                                 _("The relation label “%s” is new; it was added to the label set as “%s”"),
                                 shown, id);
      else
        _gloss_importer_warning (self, where, _("The label “%s” is new; it was added to the label set as “%s”"),
                                 shown, id);
    }
  else if (strcmp (id, name) != 0)
    _gloss_importer_warning (self, where, _("The label “%s” was imported as “%s”"), shown, id);

  return g_steal_pointer (&id);
}

static gboolean
claim_id (GlossImporter  *self,
          const char     *id,
          char          **path,
          const char     *where)
{
  g_autoptr(GError) error = NULL;
  const char *first;

  *path = gloss_import_check_id (id, &error);
  if (*path == NULL)
    {
      _gloss_importer_problem (self, where, "%s", error->message);
      return FALSE;
    }

  /* Either record could be the one meant, so neither is taken: and with
   * a problem, the import writes nothing */
  first = g_hash_table_lookup (self->ids, *path);
  if (first != NULL)
    {
      g_autofree char *shown = gloss_problem_shorten (id);

      _gloss_importer_problem (self, where,
                               _("The document id “%s” is used a second time (first at %s); each document "
                                 "needs an id of its own"), shown, first);
      g_clear_pointer (path, g_free);
      return FALSE;
    }

  g_hash_table_insert (self->ids, g_strdup (*path), g_strdup (where));

  return TRUE;
}

static void
add_record (GlossImporter *self,
            char          *path,
            GlossDocument *document,
            gboolean       text_only)
{
  Record *record = g_new0 (Record, 1);

  record->id = path;
  record->name = gloss_corpus_escape_id (path);
  record->document = document;
  record->text_only = text_only;
  g_ptr_array_add (self->records, record);
}

/* @made: "sentence id TAB label" -> the annotation made for it; a
 * sentence's own list would be walked for each of a thousand labels */
static void
label_sentence (GlossImporter   *self,
                GlossDocument   *document,
                GHashTable      *made,
                GlossSentence   *sentence,
                GlossImportSpan *span,
                const char      *label)
{
  g_autofree char *key = g_strdup_printf ("%u\t%s", gloss_sentence_get_id (sentence), label);
  GlossAnnotation *existing = g_hash_table_lookup (made, key);
  guint start = gloss_sentence_get_start (sentence);
  guint end = gloss_sentence_get_end (sentence);
  g_autoptr(GlossAnnotation) annotation = NULL;
  g_autofree char *text = NULL;
  const char *annotator;

  /* Two spans with one label in one sentence make one annotation; no
   * note is lost */
  if (existing != NULL)
    {
      const char *note = gloss_annotation_get_note (existing);

      if (span->note != NULL && span->note[0] != '\0' && strstr (note, span->note) == NULL)
        {
          g_autofree char *joined = note[0] ? g_strconcat (note, "\n", span->note, NULL) : g_strdup (span->note);

          gloss_annotation_set_note (existing, joined, gloss_annotation_get_modified (existing));
        }
      return;
    }

  annotator = span->annotator != NULL ? span->annotator : self->annotator;
  text = gloss_text_dup_slice (gloss_document_get_text (document), start, end);
  annotation = gloss_annotation_new (_gloss_document_next_annotation_id (document), label, start, end, text,
                                     gloss_sentence_get_id (sentence), span->note, annotator, NULL, NULL);
  _gloss_document_insert_annotation (document, annotation);
  g_hash_table_insert (made, g_steal_pointer (&key), annotation);
}

static gboolean
map_span (GlossImporter   *self,
          GlossDocument   *document,
          GHashTable      *made,
          GlossImportSpan *span,
          const char      *label,
          const char      *where)
{
  guint n = gloss_document_get_n_sentences (document);
  guint span_length = span->end - span->start;
  GlossSentence *best = NULL;
  guint best_overlap = 0;
  gboolean labelled = FALSE;
  gboolean exact = FALSE;
  int first;

  /* The sentences before the span are found by a search, not passed one
   * by one: a document of 100 000 spans would walk its sentences for each */
  first = gloss_document_find_sentence_at (document, span->start);
  for (guint i = first < 0 ? n : (guint)first; i < n; i++)
    {
      GlossSentence *sentence = gloss_document_get_sentence (document, i);
      guint start = gloss_sentence_get_start (sentence);
      guint end = gloss_sentence_get_end (sentence);
      guint overlap;

      if (start >= span->end)
        break;

      overlap = MIN (end, span->end) - MAX (start, span->start);
      exact |= start == span->start && end == span->end;

      if (2 * overlap >= end - start || 2 * overlap >= span_length)
        {
          label_sentence (self, document, made, sentence, span, label);
          labelled = TRUE;
        }
      else if (overlap > best_overlap)
        {
          best = sentence;
          best_overlap = overlap;
        }
    }

  if (!labelled && best != NULL)
    {
      label_sentence (self, document, made, best, span, label);
      labelled = TRUE;
    }

  if (!labelled)
    {
      _gloss_importer_problem (self, where, _("The span [%u, %u) with the label “%s” covers no sentence"),
                               span->start, span->end, label);
      return FALSE;
    }

  if (!exact)
    self->n_mapped++;

  return TRUE;
}

/* The span layer ------------------------------------------------------- */

/* Whether a span a reader gives is a span of the text rather than a
 * sentence label, when its label is new to the set */
static gboolean
wants_span_layer (GlossImportSpan *span,
                  GHashTable      *endpoints)
{
  return span->span_layer ||
         (span->parts != NULL && span->parts->len > 1) ||
         (span->attributes != NULL && span->attributes->len > 0) ||
         (span->key != NULL && g_hash_table_contains (endpoints, span->key));
}

/* An attribute name or value as an id; %NULL, with a problem, if none can be made */
static char *
resolve_attribute_id (GlossImporter *self,
                      const char    *name,
                      const char    *where)
{
  g_autofree char *shown = NULL;

  if (gloss_label_id_is_valid (name))
    return g_strdup (name);

  shown = gloss_problem_shorten (name);
  if (name[0] == '\0' || g_utf8_strlen (name, -1) > GLOSS_LABEL_MAX_NAME_LENGTH)
    {
      _gloss_importer_problem (self, where, _("The attribute name or value “%s” is empty or too long"), shown);
      return NULL;
    }

  {
    char *id = make_label_id (name);

    _gloss_importer_warning (self, where, _("The attribute name or value “%s” was imported as “%s”"), shown, id);
    return id;
  }
}

/* Gives @span the attributes @import has, declaring on @label those the
 * label set lacks */
static gboolean
add_attributes (GlossImporter   *self,
                GlossLabel      *label,
                GlossSpan       *span,
                GlossImportSpan *import,
                const char      *where)
{
  if (import->attributes == NULL)
    return TRUE;

  for (guint i = 0; i + 1 < import->attributes->len; i += 2)
    {
      g_autofree char *name = resolve_attribute_id (self, g_ptr_array_index (import->attributes, i), where);
      g_autofree char *value = resolve_attribute_id (self, g_ptr_array_index (import->attributes, i + 1), where);

      if (name == NULL || value == NULL)
        return FALSE;

      if (gloss_label_find_attribute (label, name) < 0)
        {
          const char *values[] = { value, NULL };

          if (gloss_label_get_n_attributes (label) >= GLOSS_LABEL_MAX_ATTRIBUTES)
            {
              _gloss_importer_problem (self, where, _("The label “%s” would have more than %u attributes"),
                                       gloss_label_get_id (label), GLOSS_LABEL_MAX_ATTRIBUTES);
              return FALSE;
            }
          gloss_label_add_attribute (label, name, values);
          _gloss_importer_warning (self, where, _("The attribute “%s” of the label “%s” is new; it was added to "
                                                  "the label set with the value “%s”"),
                                   name, gloss_label_get_id (label), value);
        }
      else if (!gloss_label_has_value (label, name, value))
        {
          if (g_strv_length ((char **)gloss_label_get_attribute_values (label, gloss_label_find_attribute (label, name)))
              >= GLOSS_LABEL_MAX_VALUES)
            {
              _gloss_importer_problem (self, where, _("The attribute “%s” of the label “%s” would have more than %u "
                                                      "values"),
                                       name, gloss_label_get_id (label), GLOSS_LABEL_MAX_VALUES);
              return FALSE;
            }
          gloss_label_add_attribute_value (label, name, value);
          _gloss_importer_warning (self, where, _("The value “%s” of the attribute “%s” of the label “%s” is new; "
                                                  "it was added to the label set"),
                                   value, name, gloss_label_get_id (label));
        }

      if (gloss_span_get_attribute (span, name) != NULL &&
          g_strcmp0 (gloss_span_get_attribute (span, name), value) != 0)
        {
          _gloss_importer_problem (self, where, _("The span [%u, %u) has two values of the attribute “%s”: “%s” and "
                                                  "“%s”"),
                                   import->start, import->end, name, gloss_span_get_attribute (span, name), value);
          return FALSE;
        }
      gloss_span_set_attribute (span, name, value);
    }

  return TRUE;
}

/* Makes @import a span of @document, or %NULL with a problem */
static GlossSpan *
make_span (GlossImporter   *self,
           GlossDocument   *document,
           GlossImportSpan *import,
           const char      *label_id,
           const char      *where)
{
  GlossLabel *label = gloss_label_set_lookup (get_labels (self), label_id);
  guint length = gloss_text_get_length (gloss_document_get_text (document));
  g_autoptr(GArray) parts = g_array_new (FALSE, FALSE, sizeof (GlossRange));
  g_autoptr(GPtrArray) problems = gloss_problems_new ();
  g_autoptr(GlossSpan) span = NULL;
  guint n = 0;

  if (import->parts != NULL)
    g_array_append_vals (parts, import->parts->data, import->parts->len);
  else
    {
      GlossRange range = { import->start, import->end };

      g_array_append_val (parts, range);
    }
  g_array_sort (parts, _gloss_dataset_compare_ranges);

  for (guint i = 0; i < parts->len; i++)
    {
      GlossRange *part = &g_array_index (parts, GlossRange, i);

      if (part->start >= part->end || part->end > length)
        {
          _gloss_importer_problem (self, where, _("The span [%u, %u) is not within the text (%u characters)"),
                                   part->start, part->end, length);
          return NULL;
        }

      /* Parts that overlap cover the text once: they are one part */
      if (n > 0 && part->start < g_array_index (parts, GlossRange, n - 1).end)
        {
          GlossRange *last = &g_array_index (parts, GlossRange, n - 1);

          _gloss_importer_warning (self, where, _("The parts [%u, %u) and [%u, %u) of a span with the label “%s” "
                                                  "overlap; they were joined into one"),
                                   last->start, last->end, part->start, part->end, label_id);
          last->end = MAX (last->end, part->end);
          continue;
        }
      g_array_index (parts, GlossRange, n++) = *part;
    }

  span = gloss_document_new_span (document, label_id, (GlossRange *)parts->data, n);
  gloss_span_set_annotator (span, import->annotator != NULL ? import->annotator : self->annotator);
  if (import->note != NULL)
    gloss_span_set_note (span, import->note);
  if (!add_attributes (self, label, span, import, where))
    return NULL;

  if (!_gloss_document_check_span (document, span, "$", TRUE, problems))
    {
      for (guint i = 0; i < problems->len; i++)
        {
          GlossProblem *problem = g_ptr_array_index (problems, i);

          _gloss_importer_problem (self, where, "%s", problem->message);
        }
      return NULL;
    }
  _gloss_span_sort_attributes (span, label);

  return g_steal_pointer (&span);
}

/* The id of the relation label called @name, added to the set or made to
 * join @from_label to @to_label if it does not; %NULL with a problem */
static char *
resolve_relation_label (GlossImporter *self,
                        const char    *name,
                        const char    *from_label,
                        const char    *to_label,
                        const char    *where)
{
  GlossLabelSet *relation_labels = gloss_label_set_get_relation_labels (get_labels (self));
  g_autofree char *id = resolve_label_in (self, relation_labels, GLOSS_LABEL_SCOPE_RELATION, name, where);
  GlossLabel *label;

  if (id == NULL)
    return NULL;

  label = gloss_label_set_lookup (relation_labels, id);
  if (!gloss_label_joins (label, from_label, to_label))
    {
      g_autoptr(GStrvBuilder) from = g_strv_builder_new ();
      g_autoptr(GStrvBuilder) to = g_strv_builder_new ();
      g_auto(GStrv) new_from = NULL;
      g_auto(GStrv) new_to = NULL;
      gboolean known = gloss_label_get_from (label)[0] != NULL;

      g_strv_builder_addv (from, (const char **)gloss_label_get_from (label));
      g_strv_builder_addv (to, (const char **)gloss_label_get_to (label));
      if (!g_strv_contains (gloss_label_get_from (label), from_label))
        g_strv_builder_add (from, from_label);
      if (!g_strv_contains (gloss_label_get_to (label), to_label))
        g_strv_builder_add (to, to_label);
      new_from = g_strv_builder_end (from);
      new_to = g_strv_builder_end (to);
      gloss_label_set_endpoints (label, (const char * const *)new_from, (const char * const *)new_to);

      if (known)
        _gloss_importer_warning (self, where, _("The relation label “%s” now also joins “%s” to “%s”"),
                                 id, from_label, to_label);
    }

  return g_steal_pointer (&id);
}

/* Adds @spans' span-layer spans and @relations to @document; @keys:
 * key -> span id (GUINT_TO_POINTER (id + 1)) or, for a span mapped to
 * sentences, NULL */
static void
add_relations (GlossImporter *self,
               GlossDocument *document,
               GArray        *relations,
               GHashTable    *keys,
               const char    *where)
{
  g_autoptr(GPtrArray) made = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; relations != NULL && i < relations->len; i++)
    {
      GlossImportRelation *import = &g_array_index (relations, GlossImportRelation, i);
      g_autofree char *label = NULL;
      g_autoptr(GlossRelation) relation = NULL;
      g_autoptr(GPtrArray) problems = NULL;
      gpointer from_value, to_value;
      GlossSpan *from, *to;

      if (import->from == NULL || import->to == NULL ||
          !g_hash_table_lookup_extended (keys, import->from, NULL, &from_value) ||
          !g_hash_table_lookup_extended (keys, import->to, NULL, &to_value))
        {
          _gloss_importer_problem (self, where, _("The relation “%s” from “%s” to “%s” names a span that is not "
                                                  "there"),
                                   import->label, import->from ? import->from : "", import->to ? import->to : "");
          continue;
        }

      if (from_value == NULL || to_value == NULL)
        {
          g_autofree char *example = g_strdup_printf ("%s %s → %s", import->label, import->from, import->to);

          /* A span that became a sentence label has no id to join */
          _gloss_importer_note_dropped (self, GLOSS_DROPPED_RELATION, where, example);
          continue;
        }

      from = gloss_document_lookup_span (document, GPOINTER_TO_UINT (from_value) - 1);
      to = gloss_document_lookup_span (document, GPOINTER_TO_UINT (to_value) - 1);
      label = resolve_relation_label (self, import->label, gloss_span_get_label (from), gloss_span_get_label (to),
                                      where);
      if (label == NULL)
        continue;

      relation = gloss_document_new_relation (document, label, gloss_span_get_id (from), gloss_span_get_id (to));
      gloss_relation_set_annotator (relation, import->annotator != NULL ? import->annotator : self->annotator);
      if (import->note != NULL)
        gloss_relation_set_note (relation, import->note);

      problems = gloss_problems_new ();
      if (!_gloss_document_check_relation (document, relation, "$", problems))
        {
          for (guint j = 0; j < problems->len; j++)
            _gloss_importer_problem (self, where, "%s", ((GlossProblem *)g_ptr_array_index (problems, j))->message);
          continue;
        }
      g_ptr_array_add (made, g_steal_pointer (&relation));
    }

  if (made->len > 0)
    _gloss_document_add_loaded_relations (document, made);
}

/**
 * _gloss_importer_add_spans:
 * @sentences: (nullable) (element-type GlossSentence): the sentences the
 *   format gives; %NULL: the segmenter finds them
 * @spans: (element-type GlossImportSpan): the labelled spans
 * @relations: (element-type GlossImportRelation) (nullable): relations
 *   between them, by their keys
 * @meta: (transfer full) (nullable): the document's metadata, a JSON object
 * @where: where the record is in the input, for problems
 *
 * The one way a reader's spans come into a document. A span whose label
 * the label set declares a span label becomes a span of the text; one
 * whose label is a sentence label labels the sentences it covers; one
 * whose label is new becomes a span when it is one for sure (several
 * parts, attributes, the end of a relation, or the format says so), else
 * a sentence label as before spans existed. Relations join spans of the
 * text; one that joins a span mapped to sentences is counted as dropped.
 *
 * Returns: %FALSE if the document was refused, with a problem recorded
 */
gboolean
_gloss_importer_add_spans (GlossImporter *self,
                           const char    *id,
                           GlossText     *text,
                           const char    *language,
                           GPtrArray     *sentences,
                           GArray        *spans,
                           GArray        *relations,
                           char          *meta,
                           const char    *where)
{
  g_autoptr(GHashTable) endpoints = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) layer = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *owned_meta = meta;
  g_autofree char *path = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GHashTable) made = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint length = gloss_text_get_length (text);
  guint n_problems = self->problems->len;

  if (!claim_id (self, id, &path, where))
    return FALSE;

  if (language == NULL || (strcmp (language, "de") != 0 && strcmp (language, "en") != 0))
    language = self->language;

  if (sentences != NULL)
    {
      document = _gloss_document_new_empty (text, language, get_labels (self));
      _gloss_document_set_sentences (document, sentences);
    }
  else
    document = gloss_document_new (text, language, get_labels (self));

  for (guint i = 0; relations != NULL && i < relations->len; i++)
    {
      GlossImportRelation *relation = &g_array_index (relations, GlossImportRelation, i);

      if (relation->from != NULL)
        g_hash_table_add (endpoints, relation->from);
      if (relation->to != NULL)
        g_hash_table_add (endpoints, relation->to);
    }

  for (guint i = 0; i < spans->len; i++)
    {
      GlossImportSpan *span = &g_array_index (spans, GlossImportSpan, i);
      g_autofree char *label = NULL;
      GlossLabel *known;
      gboolean span_layer;

      if (span->start >= span->end || span->end > length)
        {
          _gloss_importer_problem (self, where, _("The span [%u, %u) is not within the text (%u characters)"),
                                   span->start, span->end, length);
          continue;
        }

      if (span->key != NULL && g_hash_table_contains (keys, span->key))
        {
          g_autofree char *shown = gloss_problem_shorten (span->key);

          _gloss_importer_problem (self, where, _("The span id “%s” is used twice"), shown);
          continue;
        }

      known = gloss_label_set_lookup (get_labels (self), span->label);
      if (known != NULL)
        span_layer = gloss_label_get_scope (known) == GLOSS_LABEL_SCOPE_SPAN;
      else
        span_layer = wants_span_layer (span, endpoints);

      label = resolve_label_in (self, get_labels (self),
                                span_layer ? GLOSS_LABEL_SCOPE_SPAN : GLOSS_LABEL_SCOPE_SENTENCE,
                                span->label, where);
      if (label == NULL)
        continue;

      /* A label new in another spelling may be an existing label of the other scope */
      span_layer = gloss_label_get_scope (gloss_label_set_lookup (get_labels (self), label)) == GLOSS_LABEL_SCOPE_SPAN;

      if (span_layer)
        {
          GlossSpan *made_span = make_span (self, document, span, label, where);

          if (made_span != NULL)
            {
              g_ptr_array_add (layer, made_span);
              if (span->key != NULL)
                g_hash_table_insert (keys, span->key, GUINT_TO_POINTER (gloss_span_get_id (made_span) + 1));
            }
          continue;
        }

      if (span->attributes != NULL && span->attributes->len > 0)
        {
          g_autofree char *example = g_strdup_printf ("%s %s", (char *)g_ptr_array_index (span->attributes, 0),
                                                      (char *)g_ptr_array_index (span->attributes, 1));

          _gloss_importer_note_dropped (self, GLOSS_DROPPED_ATTRIBUTE, where, example);
        }
      if (span->key != NULL)
        g_hash_table_insert (keys, span->key, NULL);
      map_span (self, document, made, span, label, where);
    }

  if (layer->len > 0)
    _gloss_document_add_loaded_spans (document, layer);
  add_relations (self, document, relations, keys, where);

  if (self->problems->len > n_problems)
    {
      _gloss_importer_problem (self, where, _("The document “%s” is not imported"), id);
      return FALSE;
    }

  if (owned_meta != NULL)
    _gloss_document_set_meta (document, g_steal_pointer (&owned_meta));

  add_record (self, g_steal_pointer (&path), g_steal_pointer (&document), FALSE);

  return TRUE;
}

/**
 * _gloss_importer_add_text_only:
 *
 * A text to annotate: written as a `.txt`, and a `.gloss.json` only when
 * there is @meta to keep.
 */
gboolean
_gloss_importer_add_text_only (GlossImporter *self,
                               const char    *id,
                               GlossText     *text,
                               const char    *language,
                               char          *meta,
                               const char    *where)
{
  g_autofree char *owned_meta = meta;
  g_autofree char *path = NULL;
  GlossDocument *document;
  gboolean text_only = meta == NULL;

  if (!claim_id (self, id, &path, where))
    return FALSE;

  if (language == NULL || (strcmp (language, "de") != 0 && strcmp (language, "en") != 0))
    language = self->language;

  document = gloss_document_new (text, language, get_labels (self));
  if (owned_meta != NULL)
    _gloss_document_set_meta (document, g_steal_pointer (&owned_meta));

  add_record (self, g_steal_pointer (&path), document, text_only);

  return TRUE;
}

/**
 * _gloss_importer_add_document:
 * @document: a complete document, checked already
 */
gboolean
_gloss_importer_add_document (GlossImporter *self,
                              const char    *id,
                              GlossDocument *document,
                              const char    *where)
{
  g_autofree char *path = NULL;

  if (!claim_id (self, id, &path, where))
    return FALSE;

  add_record (self, g_steal_pointer (&path), g_object_ref (document), FALSE);

  return TRUE;
}

/* Refuses to write through a symbolic link: FOLDER/link/x could land
 * anywhere */
static gboolean
check_no_links (GFile       *folder,
                const char  *path,
                GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  g_autoptr(GFile) current = g_object_ref (folder);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      GFile *child = g_file_get_child (current, parts[i]);
      GFileType type = g_file_query_file_type (child, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL);

      g_object_unref (current);
      current = child;

      if (type == G_FILE_TYPE_SYMBOLIC_LINK)
        {
          g_autofree char *shown = gloss_corpus_escape_id (path);

          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT,
                       _("“%s” passes through a symbolic link; Gloss does not write through links"), shown);
          return FALSE;
        }
      if (type == G_FILE_TYPE_UNKNOWN)
        break;
    }

  return TRUE;
}

/* The document's file as it will be loaded: the same checks as opening it */
static GBytes *
serialize_checked (GlossImporter *self,
                   Record        *record)
{
  GlossText *text = gloss_document_get_text (record->document);
  g_autoptr(GBytes) bytes = gloss_format_serialize (record->document);
  g_autoptr(GlossDocument) check = NULL;
  g_autofree char *name = g_path_get_basename (record->name);
  GPtrArray *problems;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  check = gloss_format_parse (text, name, data, length, NULL, NULL);
  problems = gloss_document_get_problems (check);
  for (guint i = 0; i < problems->len; i++)
    {
      GlossProblem *problem = g_ptr_array_index (problems, i);

      _gloss_importer_problem (self, record->name, "%s: %s", problem->path, problem->message);
    }

  return problems->len == 0 ? g_steal_pointer (&bytes) : NULL;
}

/**
 * gloss_importer_write:
 * @folder: the folder to write the documents into
 * @force: overwrite existing files
 * @conflicts: (element-type GFile): where the existing files are listed
 *
 * Writes each document read as `ID` (the text) and `ID.gloss.json`. If any
 * file exists already and @force is not set, nothing is written. The
 * files are written together or not at all: on any failure the folder is
 * left as it was.
 *
 * Returns: %FALSE with @error set if nothing was written
 */
gboolean
gloss_importer_write (GlossImporter  *self,
                      GFile          *folder,
                      gboolean        force,
                      GPtrArray      *conflicts,
                      GCancellable   *cancellable,
                      GError        **error)
{
  g_autoptr(GPtrArray) contents = g_ptr_array_new_with_free_func ((GDestroyNotify)g_bytes_unref);
  g_autoptr(GlossFileBatch) batch = NULL;
  guint n_problems = self->problems->len;
  guint n_conflicts = 0;

  g_return_val_if_fail (GLOSS_IS_IMPORTER (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (folder), FALSE);

  for (guint i = 0; i < self->records->len; i++)
    {
      Record *record = g_ptr_array_index (self->records, i);
      g_autoptr(GFile) text_file = g_file_resolve_relative_path (folder, record->id);
      g_autoptr(GFile) json_file = gloss_document_dup_annotation_file_for (text_file);
      g_autoptr(GError) local_error = NULL;

      /* Checked twice over: the id's form, and where it lands */
      if (!g_file_has_prefix (text_file, folder) || !check_no_links (folder, record->id, &local_error))
        {
          _gloss_importer_problem (self, record->name, "%s",
                                   local_error ? local_error->message
                                               : _("The document would land outside the folder"));
          g_ptr_array_add (contents, NULL);
          continue;
        }

      if (!force)
        {
          if (g_file_query_exists (text_file, cancellable))
            {
              n_conflicts++;
              if (conflicts != NULL)
                g_ptr_array_add (conflicts, g_object_ref (text_file));
            }
          if (!record->text_only && g_file_query_exists (json_file, cancellable))
            {
              n_conflicts++;
              if (conflicts != NULL)
                g_ptr_array_add (conflicts, g_object_ref (json_file));
            }
        }

      _gloss_document_set_file (record->document, text_file);
      g_ptr_array_add (contents, record->text_only ? g_bytes_new (NULL, 0) : serialize_checked (self, record));
    }

  if (n_conflicts > 0)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u file exists already; nothing was written (overwrite with --force)",
                                "%u files exist already; nothing was written (overwrite with --force)",
                                n_conflicts),
                   n_conflicts);
      return FALSE;
    }

  if (self->problems->len > n_problems)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_DOCUMENT,
                   _("Some documents do not pass the checks of loading; nothing was written"));
      return FALSE;
    }

  /* All or nothing: every file is written beside its place first, and
   * only then are they renamed into place; a failure on the way (a full
   * disk) leaves the folder as it was */
  batch = gloss_file_batch_new ();
  for (guint i = 0; i < self->records->len; i++)
    {
      Record *record = g_ptr_array_index (self->records, i);
      GlossText *text = gloss_document_get_text (record->document);
      GFile *text_file = gloss_document_get_file (record->document);
      g_autoptr(GFile) json_file = gloss_document_dup_annotation_file_for (text_file);
      g_autoptr(GString) bytes = g_string_sized_new (gloss_text_get_n_bytes (text) + 3);
      GBytes *json = g_ptr_array_index (contents, i);

      /* The checksum in the annotation file is of the bytes with the BOM */
      if (gloss_text_get_has_bom (text))
        g_string_append (bytes, "\xef\xbb\xbf");
      g_string_append_len (bytes, gloss_text_get_contents (text), gloss_text_get_n_bytes (text));

      if (!gloss_file_batch_add (batch, text_file, bytes->str, bytes->len, cancellable, error))
        return FALSE;

      if (!record->text_only &&
          !gloss_file_batch_add (batch, json_file, g_bytes_get_data (json, NULL), g_bytes_get_size (json),
                                 cancellable, error))
        return FALSE;
    }

  return gloss_file_batch_commit (batch, cancellable, error);
}

/**
 * gloss_importer_import:
 * @input: the file (or, for brat, the folder) to import
 * @folder: the folder to write the documents into
 * @force: overwrite existing files
 * @conflicts: (element-type GFile) (nullable): where the existing files
 *   are listed
 *
 * The one import path, which the window and `gloss import` run: takes the
 * labels of the project @folder is in, so that the new files agree with
 * the documents there, reads @input, and writes the documents, or nothing
 * (gloss_importer_write()). An importer that has read already (an import
 * that stopped at files that exist) only writes, as after the user agreed
 * to replace them.
 *
 * Returns: %FALSE with @error set if nothing was written: with
 *   %GLOSS_ERROR_INVALID_PROJECT when the project file has problems, or
 *   %GLOSS_ERROR_INVALID_DATASET when the input has problems (both listed
 *   by gloss_importer_get_problems()); with the reason the input cannot
 *   be read while gloss_importer_has_read() is %FALSE; else with why the
 *   documents could not be written
 */
gboolean
gloss_importer_import (GlossImporter  *self,
                       GFile          *input,
                       GFile          *folder,
                       gboolean        force,
                       GPtrArray      *conflicts,
                       GCancellable   *cancellable,
                       GError        **error)
{
  g_return_val_if_fail (GLOSS_IS_IMPORTER (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (input), FALSE);
  g_return_val_if_fail (G_IS_FILE (folder), FALSE);

  if (!self->has_read)
    {
      /* Documents imported with other labels than the project's would
       * not load there */
      if (g_file_query_exists (folder, cancellable))
        {
          guint n_problems = self->problems->len;
          g_autoptr(GlossLabelSet) labels = gloss_project_load_labels_for (folder, self->problems, cancellable);

          if (self->problems->len > n_problems)
            {
              g_set_error_literal (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_PROJECT,
                                   _("The project file of the folder has problems, so nothing was written."));
              return FALSE;
            }

          if (labels != NULL && self->labels != NULL)
            _gloss_importer_warning (self, NULL, _("The folder’s project file decides the labels; the label set "
                                                   "given was not used"));
          if (labels != NULL)
            gloss_importer_set_labels (self, labels);
        }

      if (!gloss_importer_read (self, input, cancellable, error))
        return FALSE;
    }

  if (self->problems->len > 0)
    {
      g_set_error_literal (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_DATASET,
                           _("The dataset has problems, so nothing was written."));
      return FALSE;
    }

  return gloss_importer_write (self, folder, force, conflicts, cancellable, error);
}

typedef struct
{
  GFile     *input;
  GFile     *folder;
  gboolean   force;
  GPtrArray *conflicts;
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_clear_object (&data->input);
  g_clear_object (&data->folder);
  g_clear_pointer (&data->conflicts, g_ptr_array_unref);
  g_free (data);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportData *data = task_data;
  GError *error = NULL;

  if (!gloss_importer_import (source_object, data->input, data->folder, data->force, data->conflicts,
                              cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * gloss_importer_import_async:
 *
 * Runs gloss_importer_import() in a worker thread. Do not touch the
 * importer until it finishes.
 */
void
gloss_importer_import_async (GlossImporter       *self,
                             GFile               *input,
                             GFile               *folder,
                             gboolean             force,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportData *data;

  g_return_if_fail (GLOSS_IS_IMPORTER (self));
  g_return_if_fail (G_IS_FILE (input));
  g_return_if_fail (G_IS_FILE (folder));

  data = g_new0 (ImportData, 1);
  data->input = g_object_ref (input);
  data->folder = g_object_ref (folder);
  data->force = !!force;
  data->conflicts = g_ptr_array_new_with_free_func (g_object_unref);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_importer_import_async);
  g_task_set_task_data (task, data, (GDestroyNotify)import_data_free);
  g_task_run_in_thread (task, import_thread);
}

/**
 * gloss_importer_import_finish:
 * @conflicts: (out) (optional) (transfer full) (element-type GFile): the
 *   files that exist already, when that is why nothing was written
 */
gboolean
gloss_importer_import_finish (GlossImporter  *self,
                              GAsyncResult   *result,
                              GPtrArray     **conflicts,
                              GError        **error)
{
  ImportData *data;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  data = g_task_get_task_data (G_TASK (result));
  if (conflicts != NULL)
    *conflicts = g_ptr_array_ref (data->conflicts);

  return g_task_propagate_boolean (G_TASK (result), error);
}
