/* gloss-dataset-qdpx.c
 *
 * A REFI-QDA project (`.qdpx`, the Project Exchange format of QDA
 * software: QualCoder, MAXQDA, ATLAS.ti, NVivo): a ZIP archive with each
 * text as `sources/GUID.txt` and `project.qde`, the project's XML
 * (`urn:QDA-XML:project:1.0`): the annotators as users, the labels as
 * codes, each text a source with a coded selection per sentence
 * annotation and per part of a span, notes as memos, relations as links.
 *
 * Positions: REFI-QDA counts characters of the source's plain text, as
 * QualCoder slices a Python string: code points. A CR LF is one
 * character to ATLAS.ti, and Python reads text with universal newlines,
 * so a source is written with each CR LF as LF and every position
 * counts the code points of the source as written; a lone CR stays.
 *
 * The archive is written here (GLib has no ZIP writer): stored entries
 * (method 0) with their CRC-32, a fixed time (1980-01-01 00:00), the
 * sources in document order and `project.qde` last, since its users and
 * codes are known only at the end. The sources stream out as they come;
 * the XML of the sources waits in memory (it is much smaller).
 *
 * GUIDs are name-based (gloss_guid_for()), so the same corpus gives the
 * same bytes.
 *
 * Export only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-annotation.h"
#include "gloss-codebook.h"
#include "gloss-dataset-private.h"
#include "gloss-document.h"
#include "gloss-error.h"
#include "gloss-label-set.h"
#include "gloss-label.h"
#include "gloss-relation.h"
#include "gloss-span.h"
#include "gloss-text.h"

/* Writing ---------------------------------------------------------------- */

/* An entry of the archive, for the central directory */
typedef struct
{
  char    *name;
  guint32  crc;
  guint32  size;
  guint32  offset;
} Entry;

typedef struct
{
  GArray     *entries;        /* of Entry */
  guint64     offset;         /* bytes written so far */
  GString    *sources;        /* the <TextSource> elements */
  GString    *notes;          /* the <Note> elements */
  GString    *links;          /* the <Link> elements */
  GPtrArray  *users;          /* annotators, in order of appearance */
  GHashTable *user_set;
  char       *latest;         /* the latest time of anything written: the project's */
  guint       n_attributes;   /* spans with attributes, which have no place */
  guint       n_relation_people; /* relations with an annotator or times */
} Written;

/* ZIP's limits without its 64-bit extension */
#define MAX_ENTRIES 65535
#define MAX_OFFSET  G_MAXUINT32

static void
entry_clear (Entry *entry)
{
  g_free (entry->name);
}

static void
written_free (Written *written)
{
  g_array_unref (written->entries);
  g_string_free (written->sources, TRUE);
  g_string_free (written->notes, TRUE);
  g_string_free (written->links, TRUE);
  g_ptr_array_unref (written->users);
  g_hash_table_unref (written->user_set);
  g_free (written->latest);
  g_free (written);
}

static Written *
get_written (GlossExporter *self)
{
  Written *written = _gloss_exporter_get_data (self);

  if (written == NULL)
    {
      written = g_new0 (Written, 1);
      written->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
      g_array_set_clear_func (written->entries, (GDestroyNotify)entry_clear);
      written->sources = g_string_new (NULL);
      written->notes = g_string_new (NULL);
      written->links = g_string_new (NULL);
      written->users = g_ptr_array_new_with_free_func (g_free);
      written->user_set = g_hash_table_new (g_str_hash, g_str_equal);
      _gloss_exporter_set_data (self, written, (GDestroyNotify)written_free);
    }

  return written;
}

static guint32 crc_table[256];

static gpointer
make_crc_table (gpointer data)
{
  for (guint32 n = 0; n < 256; n++)
    {
      guint32 c = n;

      for (guint k = 0; k < 8; k++)
        c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
      crc_table[n] = c;
    }

  return NULL;
}

/* CRC-32 as ZIP (and zlib) compute it */
static guint32
crc32_of (const char *data,
          gsize       length)
{
  static GOnce once = G_ONCE_INIT;
  guint32 c = 0xffffffffu;

  g_once (&once, make_crc_table, NULL);

  for (gsize i = 0; i < length; i++)
    c = crc_table[(c ^ (guint8)data[i]) & 0xff] ^ (c >> 8);

  return c ^ 0xffffffffu;
}

static void
put16 (GString *out,
       guint    value)
{
  g_string_append_c (out, value & 0xff);
  g_string_append_c (out, (value >> 8) & 0xff);
}

static void
put32 (GString *out,
       guint32  value)
{
  put16 (out, value & 0xffff);
  put16 (out, value >> 16);
}

/* 1980-01-01 00:00, the first time ZIP can hold: the same bytes each time */
#define DOS_TIME 0
#define DOS_DATE ((1 << 5) | 1)

/* Appends a stored entry to the exporter's buffer */
static gboolean
add_entry (GlossExporter  *self,
           Written        *written,
           const char     *name,
           const char     *data,
           gsize           length,
           GError        **error)
{
  GString *out = _gloss_exporter_get_buffer (self);
  gsize before = out->len;
  Entry entry;

  if (written->entries->len >= MAX_ENTRIES - 1 ||
      written->offset + 30 + strlen (name) + length > MAX_OFFSET)
    {
      g_set_error_literal (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE,
                           _("The corpus is too large for a .qdpx file, which holds at most 65 534 texts and "
                             "4 GiB: export a part of it"));
      return FALSE;
    }

  entry.name = g_strdup (name);
  entry.crc = crc32_of (data, length);
  entry.size = length;
  entry.offset = written->offset;

  put32 (out, 0x04034b50);
  put16 (out, 10);            /* version needed: 1.0, stored */
  put16 (out, 0);             /* flags */
  put16 (out, 0);             /* method: stored */
  put16 (out, DOS_TIME);
  put16 (out, DOS_DATE);
  put32 (out, entry.crc);
  put32 (out, entry.size);    /* compressed */
  put32 (out, entry.size);
  put16 (out, strlen (name));
  put16 (out, 0);             /* extra field */
  g_string_append (out, name);
  g_string_append_len (out, data, length);

  written->offset += out->len - before;
  g_array_append_val (written->entries, entry);

  return TRUE;
}

/* The central directory and its end, after the last entry */
static void
add_directory (GlossExporter *self,
               Written       *written)
{
  GString *out = _gloss_exporter_get_buffer (self);
  gsize before = out->len;
  guint64 start = written->offset;
  gsize size;

  for (guint i = 0; i < written->entries->len; i++)
    {
      Entry *entry = &g_array_index (written->entries, Entry, i);

      put32 (out, 0x02014b50);
      put16 (out, (3 << 8) | 20);  /* made by: Unix, ZIP 2.0 (the permissions below) */
      put16 (out, 10);
      put16 (out, 0);
      put16 (out, 0);
      put16 (out, DOS_TIME);
      put16 (out, DOS_DATE);
      put32 (out, entry->crc);
      put32 (out, entry->size);
      put32 (out, entry->size);
      put16 (out, strlen (entry->name));
      put16 (out, 0);              /* extra field */
      put16 (out, 0);              /* comment */
      put16 (out, 0);              /* disk */
      put16 (out, 0);              /* internal attributes */
      put32 (out, 0100644u << 16); /* a regular file, rw-r--r-- */
      put32 (out, entry->offset);
      g_string_append (out, entry->name);
    }

  size = out->len - before;
  put32 (out, 0x06054b50);
  put16 (out, 0);
  put16 (out, 0);
  put16 (out, written->entries->len);
  put16 (out, written->entries->len);
  put32 (out, size);
  put32 (out, start);
  put16 (out, 0);                  /* comment */

  written->offset += out->len - before;
}

/* A text with each CR LF written as LF, and where each removed CR was
 * (its code point offset in the original), to move offsets */
typedef struct
{
  GString *text;
  GArray  *removed;  /* guint, ascending */
} Source;

static void
source_init (Source    *source,
             GlossText *text)
{
  const char *contents = gloss_text_get_contents (text);
  gsize n = gloss_text_get_n_bytes (text);
  guint offset = 0;

  source->text = g_string_sized_new (n);
  source->removed = g_array_new (FALSE, FALSE, sizeof (guint));

  for (gsize i = 0; i < n; i++)
    {
      char c = contents[i];

      if (c == '\r' && i + 1 < n && contents[i + 1] == '\n')
        g_array_append_val (source->removed, offset);
      else
        g_string_append_c (source->text, c);

      /* Code points are counted by their first bytes */
      if (((guchar)c & 0xc0) != 0x80)
        offset++;
    }
}

static void
source_clear (Source *source)
{
  g_string_free (source->text, TRUE);
  g_array_unref (source->removed);
}

/* @offset in the text, as a position in the source written */
static guint
source_position (Source *source,
                 guint   offset)
{
  guint low = 0, high = source->removed->len;

  /* How many removed CRs come before @offset */
  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (g_array_index (source->removed, guint, middle) < offset)
        low = middle + 1;
      else
        high = middle;
    }

  return offset - low;
}

static void
add_user (Written    *written,
          const char *annotator)
{
  if (annotator[0] != '\0' && !g_hash_table_contains (written->user_set, annotator))
    {
      char *copy = g_strdup (annotator);

      g_ptr_array_add (written->users, copy);
      g_hash_table_add (written->user_set, copy);
    }
}

static void
see_time (Written    *written,
          const char *time)
{
  /* ISO 8601 in UTC to the second, as Gloss writes them, sort as strings */
  if (time != NULL && time[0] != '\0' && g_strcmp0 (time, written->latest) > 0)
    {
      g_free (written->latest);
      written->latest = g_strdup (time);
    }
}

/* " creatingUser=… creationDateTime=…" of something an annotator made */
static void
append_made_by (GString    *out,
                const char *annotator,
                const char *created,
                const char *modified)
{
  if (annotator[0] != '\0')
    {
      char guid[GLOSS_GUID_LENGTH + 1];

      gloss_guid_for ("user", annotator, guid);
      g_string_append_printf (out, " creatingUser=\"%s\"", guid);
    }
  if (created != NULL && created[0] != '\0')
    g_string_append_printf (out, " creationDateTime=\"%s\"", created);
  if (modified != NULL && modified[0] != '\0')
    g_string_append_printf (out, " modifiedDateTime=\"%s\"", modified);
}

/* `<Tag guid="…" name="…"`, the start of most elements */
static void
open_named (GString    *out,
            const char *tag,
            const char *guid,
            const char *name)
{
  g_string_append_printf (out, "%s guid=\"%s\" name=\"", tag, guid);
  gloss_xml_append_escaped (out, name, TRUE);
  g_string_append_c (out, '"');
}

/* A memo: <Note> in the project's notes, named after what it is on */
static void
add_note (Written    *written,
          const char *guid,
          const char *name,
          const char *text,
          const char *annotator,
          const char *created,
          const char *modified)
{
  GString *out = written->notes;

  open_named (out, "    <Note", guid, name);
  append_made_by (out, annotator, created, modified);
  g_string_append (out, ">\n      <PlainTextContent>");
  gloss_xml_append_escaped (out, text, FALSE);
  g_string_append (out, "</PlainTextContent>\n    </Note>\n");
}

/* One coded selection: [start, end) of the text, its label as the code,
 * its note as the coding's memo (<Description>, which QualCoder reads)
 * and as a <Note> the selection refers to */
static void
add_selection (Written    *written,
               Source     *source,
               const char *guid,
               const char *name,
               guint       start,
               guint       end,
               const char *label,
               const char *note,
               const char *note_guid,
               const char *annotator,
               const char *created,
               const char *modified)
{
  GString *out = written->sources;
  char code[GLOSS_GUID_LENGTH + 1];
  char coding[GLOSS_GUID_LENGTH + 1];

  gloss_guid_for ("code", label, code);
  gloss_guid_for ("coding", guid, coding);

  open_named (out, "      <PlainTextSelection", guid, name);
  g_string_append_printf (out, " startPosition=\"%u\" endPosition=\"%u\"",
                          source_position (source, start), source_position (source, end));
  append_made_by (out, annotator, created, modified);
  g_string_append (out, ">\n");
  if (note[0] != '\0')
    {
      g_string_append (out, "        <Description>");
      gloss_xml_append_escaped (out, note, FALSE);
      g_string_append (out, "</Description>\n");
    }
  g_string_append_printf (out, "        <Coding guid=\"%s\"", coding);
  append_made_by (out, annotator, created, NULL);
  g_string_append_printf (out, ">\n          <CodeRef targetGUID=\"%s\"/>\n        </Coding>\n", code);
  if (note[0] != '\0')
    g_string_append_printf (out, "        <NoteRef targetGUID=\"%s\"/>\n", note_guid);
  g_string_append (out, "      </PlainTextSelection>\n");
}

/* The GUID of a thing of a document: "selection", "de/a.txt/span/3/0" */
static void
guid_of (const char *kind,
         const char *document,
         const char *what,
         guint       id,
         int         part,
         char        guid[GLOSS_GUID_LENGTH + 1])
{
  g_autofree char *name = part < 0 ? g_strdup_printf ("%s/%s/%u", document, what, id)
                                   : g_strdup_printf ("%s/%s/%u/%d", document, what, id, part);

  gloss_guid_for (kind, name, guid);
}

static const char *
label_name (GlossLabelSet *labels,
            const char    *id)
{
  GlossLabel *label = gloss_label_set_lookup (labels, id);

  return label != NULL ? gloss_label_get_name (label) : id;
}

static gboolean
qdpx_add (GlossExporter    *self,
          GlossExportItem  *item,
          GError          **error)
{
  Written *written = get_written (self);
  GlossLabelSet *labels = gloss_document_get_labels (item->document);
  GlossLabelSet *relation_labels = gloss_label_set_get_relation_labels (labels);
  GString *out = written->sources;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  char source_guid[GLOSS_GUID_LENGTH + 1];
  Source source;
  gboolean ok;

  gloss_guid_for ("source", item->id, source_guid);
  source_init (&source, item->text);
  path = g_strdup_printf ("sources/%s.txt", source_guid);
  ok = add_entry (self, written, path, source.text->str, source.text->len, error);
  if (!ok)
    {
      source_clear (&source);
      return FALSE;
    }

  /* QDA software copies a source to a file of its name: no folders */
  name = g_strdelimit (g_strdup (item->id), "/", '_');
  if (g_str_has_suffix (name, ".txt"))
    name[strlen (name) - 4] = '\0';

  open_named (out, "    <TextSource", source_guid, name);
  g_string_append_printf (out, " plainTextPath=\"internal://%s.txt\">\n      <Description>Gloss document ",
                          source_guid);
  gloss_xml_append_escaped (out, item->id, FALSE);
  g_string_append_printf (out, " (language %s)</Description>\n", gloss_document_get_language (item->document));

  for (guint i = 0; i < item->annotations->len; i++)
    {
      GlossAnnotation *annotation = g_ptr_array_index (item->annotations, i);
      const char *label = gloss_annotation_get_label (annotation);
      const char *note = gloss_annotation_get_note (annotation);
      const char *annotator = gloss_annotation_get_annotator (annotation);
      guint id = gloss_annotation_get_id (annotation);
      char guid[GLOSS_GUID_LENGTH + 1];
      char note_guid[GLOSS_GUID_LENGTH + 1];
      g_autofree char *selection_name = g_strdup_printf ("%s (sentence %u)", label_name (labels, label),
                                                         gloss_annotation_get_sentence (annotation));

      guid_of ("selection", item->id, "annotation", id, -1, guid);
      guid_of ("note", item->id, "annotation", id, -1, note_guid);
      add_user (written, annotator);
      see_time (written, gloss_annotation_get_modified (annotation));
      add_selection (written, &source, guid, selection_name,
                     gloss_annotation_get_start (annotation), gloss_annotation_get_end (annotation),
                     label, note, note_guid, annotator,
                     gloss_annotation_get_created (annotation), gloss_annotation_get_modified (annotation));
      if (note[0] != '\0')
        {
          g_autofree char *note_name = g_strdup_printf ("Note on %s", selection_name);

          add_note (written, note_guid, note_name, note, annotator, gloss_annotation_get_created (annotation),
                    gloss_annotation_get_modified (annotation));
        }
    }

  for (guint i = 0; i < item->spans->len; i++)
    {
      GlossSpan *span = g_ptr_array_index (item->spans, i);
      const char *label = gloss_span_get_label (span);
      const char *note = gloss_span_get_note (span);
      const char *annotator = gloss_span_get_annotator (span);
      guint n_parts = gloss_span_get_n_parts (span);
      guint id = gloss_span_get_id (span);
      char note_guid[GLOSS_GUID_LENGTH + 1];

      guid_of ("note", item->id, "span", id, -1, note_guid);
      add_user (written, annotator);
      see_time (written, gloss_span_get_modified (span));
      written->n_attributes += gloss_span_get_n_attributes (span) > 0;

      /* A span in parts is a selection per part, each coded: the text
       * between the parts (a quote's frame) is not the label's */
      for (guint k = 0; k < n_parts; k++)
        {
          GlossRange part = gloss_span_get_part (span, k);
          char guid[GLOSS_GUID_LENGTH + 1];
          g_autofree char *selection_name = NULL;

          if (n_parts > 1)
            selection_name = g_strdup_printf ("%s (span %u, part %u of %u)", label_name (labels, label), id, k + 1,
                                              n_parts);
          else
            selection_name = g_strdup_printf ("%s (span %u)", label_name (labels, label), id);

          guid_of ("selection", item->id, "span", id, k, guid);
          add_selection (written, &source, guid, selection_name, part.start, part.end, label, note, note_guid,
                         annotator, gloss_span_get_created (span), gloss_span_get_modified (span));
        }

      if (note[0] != '\0')
        {
          g_autofree char *note_name = g_strdup_printf ("Note on %s (span %u)", label_name (labels, label), id);

          add_note (written, note_guid, note_name, note, annotator, gloss_span_get_created (span),
                    gloss_span_get_modified (span));
        }
    }

  g_string_append (out, "    </TextSource>\n");

  /* A relation is a link from the first part of its span to the first
   * part of the other: one way, named after its label */
  for (guint i = 0; i < item->relations->len; i++)
    {
      GlossRelation *relation = g_ptr_array_index (item->relations, i);
      GlossLabel *label = gloss_label_set_lookup (relation_labels, gloss_relation_get_label (relation));
      const char *note = gloss_relation_get_note (relation);
      guint id = gloss_relation_get_id (relation);
      char guid[GLOSS_GUID_LENGTH + 1];
      char from[GLOSS_GUID_LENGTH + 1];
      char to[GLOSS_GUID_LENGTH + 1];
      char note_guid[GLOSS_GUID_LENGTH + 1];

      guid_of ("link", item->id, "relation", id, -1, guid);
      guid_of ("selection", item->id, "span", gloss_relation_get_from (relation), 0, from);
      guid_of ("selection", item->id, "span", gloss_relation_get_to (relation), 0, to);
      guid_of ("note", item->id, "relation", id, -1, note_guid);
      written->n_relation_people++;

      open_named (written->links, "    <Link", guid,
                  label != NULL ? gloss_label_get_name (label) : gloss_relation_get_label (relation));
      g_string_append (written->links, " direction=\"OneWay\"");
      if (label != NULL)
        g_string_append_printf (written->links, " color=\"%s\"", gloss_label_get_color (label));
      g_string_append_printf (written->links, " originGUID=\"%s\" targetGUID=\"%s\"", from, to);
      if (note[0] == '\0')
        {
          g_string_append (written->links, "/>\n");
          continue;
        }
      g_string_append_printf (written->links, ">\n      <NoteRef targetGUID=\"%s\"/>\n    </Link>\n", note_guid);
      {
        g_autofree char *note_name = g_strdup_printf ("Note on the relation %s (relation %u)",
                                                      gloss_relation_get_label (relation), id);

        add_note (written, note_guid, note_name, note, gloss_relation_get_annotator (relation),
                  gloss_relation_get_created (relation), gloss_relation_get_modified (relation));
      }
    }

  source_clear (&source);

  return TRUE;
}

static gboolean
qdpx_end (GlossExporter  *self,
          GError        **error)
{
  Written *written = get_written (self);
  const GlossExportStats *stats = _gloss_exporter_get_stats (self);
  g_autoptr(GString) project = g_string_new (NULL);

  g_string_append (project, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"");
  gloss_xml_append_escaped (project, _gloss_exporter_get_title (self), TRUE);
  g_string_append (project, "\" origin=\"Gloss " PACKAGE_VERSION "\"");
  if (written->latest != NULL)
    g_string_append_printf (project, " creationDateTime=\"%s\"", written->latest);
  g_string_append (project, ">\n");

  if (written->users->len > 0)
    {
      g_string_append (project, "  <Users>\n");
      for (guint i = 0; i < written->users->len; i++)
        {
          const char *user = g_ptr_array_index (written->users, i);
          char guid[GLOSS_GUID_LENGTH + 1];

          gloss_guid_for ("user", user, guid);
          open_named (project, "    <User", guid, user);
          g_string_append (project, "/>\n");
        }
      g_string_append (project, "  </Users>\n");
    }

  if (stats->labels != NULL && gloss_label_set_get_n_labels (stats->labels) > 0)
    {
      g_string_append (project, "  <CodeBook>\n");
      gloss_codebook_append_qda_codes (project, stats->labels, "    ");
      g_string_append (project, "  </CodeBook>\n");
    }

  if (written->sources->len > 0)
    g_string_append_printf (project, "  <Sources>\n%s  </Sources>\n", written->sources->str);
  if (written->notes->len > 0)
    g_string_append_printf (project, "  <Notes>\n%s  </Notes>\n", written->notes->str);
  if (written->links->len > 0)
    g_string_append_printf (project, "  <Links>\n%s  </Links>\n", written->links->str);
  g_string_append (project, "</Project>\n");

  if (!add_entry (self, written, "project.qde", project->str, project->len, error))
    return FALSE;
  add_directory (self, written);

  if (written->n_attributes > 0)
    {
      g_autofree char *notice = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "qdpx has no place for span attributes: those of %u "
                                                              "span are only in the annotation files",
                                                              "qdpx has no place for span attributes: those of %u "
                                                              "spans are only in the annotation files",
                                                              written->n_attributes),
                                                 written->n_attributes);
      g_autofree char *card_note = g_strdup_printf ("REFI-QDA codings have no attributes: the attributes of %u "
                                                    "span(s) are only in the annotation files (`.gloss.json`).",
                                                    written->n_attributes);

      _gloss_exporter_add_notice (self, notice, card_note);
    }

  if (written->n_relation_people > 0)
    {
      g_autofree char *notice = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "qdpx links have no annotator or time: those of %u "
                                                              "relation are only in the annotation files",
                                                              "qdpx links have no annotator or time: those of %u "
                                                              "relations are only in the annotation files",
                                                              written->n_relation_people),
                                                 written->n_relation_people);
      g_autofree char *card_note = g_strdup_printf ("REFI-QDA links have no user or time: the annotators and "
                                                    "times of %u relation(s) are only in the annotation files "
                                                    "(`.gloss.json`).", written->n_relation_people);

      _gloss_exporter_add_notice (self, notice, card_note);
    }

  return TRUE;
}

const GlossDatasetFormat _gloss_dataset_qdpx = {
  .name = "qdpx",
  .carries = GLOSS_DATASET_CARRIES_NOTES | GLOSS_DATASET_CARRIES_ANNOTATORS | GLOSS_DATASET_CARRIES_TIMES |
             GLOSS_DATASET_CARRIES_SPANS | GLOSS_DATASET_CARRIES_RELATIONS,
  .card =
    "A REFI-QDA project (`.qdpx`, the Project Exchange format 1.0 of QualCoder, MAXQDA, ATLAS.ti and NVivo): a "
    "ZIP archive with `project.qde` (XML, `urn:QDA-XML:project:1.0`) and each text as `sources/GUID.txt` (UTF-8, "
    "every CR LF written as LF). In QualCoder: Project → Import → REFI-QDA Project import.\n\n"
    "| element | from |\n"
    "| --- | --- |\n"
    "| `User` | each annotator |\n"
    "| `CodeBook` / `Code` | each sentence and span label, its description, rules and examples as the "
    "`Description` |\n"
    "| `TextSource` | each document; `name` is its id with `/` as `_`, the id in full in its `Description` |\n"
    "| `PlainTextSelection` | each sentence annotation (the sentence) and each part of a span (a span in two "
    "parts is two selections with the same code), with a `Coding` of its label; `startPosition` and "
    "`endPosition` count the Unicode code points of the source as written, end exclusive |\n"
    "| `Note` | each note of an annotation, a span or a relation (also the selection's `Description`, QualCoder's "
    "coding memo) |\n"
    "| `Link` | each relation, from the first part of its span to the first part of the other, named after its "
    "label |\n\n"
    "GUIDs are derived from the label ids, document ids and annotation ids, so the same corpus gives the same "
    "file.\n",
  .add = qdpx_add,
  .end = qdpx_end,
};
