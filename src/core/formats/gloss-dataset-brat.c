/* gloss-dataset-brat.c
 *
 * A brat folder (https://brat.nlplab.org/standoff.html): per document a
 * `.txt` with its text and a `.ann` of standoff annotations, and an
 * `annotation.conf` and `visual.conf` for the labels.
 *
 * Writing: a text-bound annotation per sentence label (`T1<TAB>claim 0
 * 41<TAB>…`), then per span (`T5<TAB>quote 33 59;65 77<TAB>…`, its parts as
 * fragments) with its attributes (`A1<TAB>type T5 direct`), then the
 * relations (`R1<TAB>speaker Arg1:T5 Arg2:T2`); a note follows what it is
 * on (`#1<TAB>AnnotatorNotes T5<TAB>…`). brat counts offsets in characters
 * of the text as Python reads it, which are Gloss's code points. brat
 * reads an .ann with readlines (), so no fragment may hold a line break: a
 * part across one is written as brat's editor writes a selection across
 * lines, as fragments without the line breaks, their texts joined by
 * spaces. Reading joins two fragments with only line breaks between them
 * into one part; where that would not give a span's parts back, a
 * `#2<TAB>GlossParts T5<TAB>55 74;78 86` comment lists them.
 *
 * Reading: every `.ann` with the `.txt` beside it, through the importer's
 * span path: text-bound annotations (`T`) with their fragments, attributes
 * (`A`, and brat's old `M`; a binary one's value is "true"), relations
 * (`R`, from the first argument to the second) and `AnnotatorNotes`. brat
 * counts a BOM at the start of a `.txt` as a character, Gloss does not: the
 * offsets of such a text are read one less. The export writes the `.txt`
 * without the BOM, so that both count alike. Events, normalizations,
 * equivalences, and what names them, have no place in Gloss: each is
 * noted by kind and left out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-annotation.h"
#include "gloss-corpus.h"
#include "gloss-dataset-private.h"
#include "gloss-label-set.h"
#include "gloss-label.h"
#include "gloss-problem.h"
#include "gloss-relation.h"
#include "gloss-span.h"
#include "gloss-text.h"

/* Writing ---------------------------------------------------------------- */

/* What brat's annotation.py takes for the end of an .ann line: it reads
 * the file with readlines (), which splits where str.splitlines () does */
static gboolean
is_line_break (gunichar c)
{
  return c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || (c >= 0x1C && c <= 0x1E) ||
         c == 0x85 || c == 0x2028 || c == 0x2029;
}

/* Appends the pieces of [start, end) between line breaks to @fragments
 * (GlossRange): brat's own editor cuts a selection across lines so */
static void
split_at_line_breaks (GlossText *text,
                      guint      start,
                      guint      end,
                      GArray    *fragments)
{
  const char *p = gloss_text_get_contents (text) + gloss_text_get_byte_offset (text, start);
  guint fragment_start = start;

  for (guint offset = start; offset < end; offset++, p = g_utf8_next_char (p))
    {
      if (!is_line_break (g_utf8_get_char (p)))
        continue;

      if (offset > fragment_start)
        g_array_append_vals (fragments, &(GlossRange) { fragment_start, offset }, 1);
      fragment_start = offset + 1;
    }

  if (end > fragment_start)
    g_array_append_vals (fragments, &(GlossRange) { fragment_start, end }, 1);
}

/* The parts the reader makes of fragments: two in a row are one part when
 * only line breaks lie between them, the inverse of split_at_line_breaks () */
static GArray *
join_fragments (GlossText        *text,
                const GlossRange *fragments,
                guint             n_fragments)
{
  GArray *parts = g_array_sized_new (FALSE, FALSE, sizeof (GlossRange), n_fragments);

  for (guint i = 0; i < n_fragments; i++)
    {
      GlossRange *last = parts->len ? &g_array_index (parts, GlossRange, parts->len - 1) : NULL;
      gboolean joined = last != NULL && last->end < fragments[i].start;

      if (joined)
        {
          const char *p = gloss_text_get_contents (text) + gloss_text_get_byte_offset (text, last->end);

          for (guint offset = last->end; joined && offset < fragments[i].start; offset++, p = g_utf8_next_char (p))
            joined = is_line_break (g_utf8_get_char (p));
        }

      if (joined)
        last->end = fragments[i].end;
      else
        g_array_append_vals (parts, &fragments[i], 1);
    }

  return parts;
}

static void
append_fragments (GString          *out,
                  GlossText        *text,
                  const GlossRange *fragments,
                  guint             n_fragments)
{
  for (guint i = 0; i < n_fragments; i++)
    g_string_append_printf (out, "%s%u %u", i > 0 ? ";" : "", fragments[i].start, fragments[i].end);

  g_string_append_c (out, '\t');
  for (guint i = 0; i < n_fragments; i++)
    {
      gsize from = gloss_text_get_byte_offset (text, fragments[i].start);
      gsize to = gloss_text_get_byte_offset (text, fragments[i].end);

      if (i > 0)
        g_string_append_c (out, ' ');
      g_string_append_len (out, gloss_text_get_contents (text) + from, to - from);
    }
}

/* Notes may hold line breaks and tabs, which an .ann line cannot.
 * Returns whether it changed the note. */
static gboolean
append_one_line (GString    *out,
                 const char *str)
{
  gboolean changed = FALSE;

  for (const char *p = str; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_line_break (c) || c == '\t')
        {
          if (c == '\r' && p[1] == '\n')
            p++;
          g_string_append_c (out, ' ');
          changed = TRUE;
        }
      else
        g_string_append_unichar (out, c);
    }

  return changed;
}

typedef struct
{
  guint n_notes_changed;  /* notes whose line breaks or tabs became spaces */
  guint n_left_out;       /* spans of line breaks only */
  guint n_relations_left_out;
  guint n_marks;          /* spans and relations with a review mark or an origin */
} BratWritten;

static BratWritten *
get_written (GlossExporter *self)
{
  BratWritten *written = _gloss_exporter_get_data (self);

  if (written == NULL)
    {
      written = g_new0 (BratWritten, 1);
      _gloss_exporter_set_data (self, written, g_free);
    }

  return written;
}

static void
append_note (GString     *out,
             BratWritten *written,
             guint       *n_notes,
             char         kind,
             guint        number,
             const char  *note)
{
  if (note[0] == '\0')
    return;

  g_string_append_printf (out, "#%u\tAnnotatorNotes %c%u\t", ++*n_notes, kind, number);
  written->n_notes_changed += append_one_line (out, note);
  g_string_append_c (out, '\n');
}

static char *
dup_base_name (const char *id)
{
  if (g_str_has_suffix (id, ".txt"))
    return g_strndup (id, strlen (id) - 4);

  return g_strdup (id);
}

/* A span: its T line, then, when the fragments do not give its parts
 * back, its parts (a comment brat shows and keeps), its attributes and
 * its note. Returns the T's number, or 0 for a span of line breaks only,
 * which brat cannot hold. */
static guint
append_span (GString     *out,
             BratWritten *written,
             GlossText   *text,
             GlossSpan   *span,
             guint       *n_entities,
             guint       *n_notes,
             guint       *n_attributes)
{
  const GlossRange *parts = gloss_span_get_parts (span);
  guint n_parts = gloss_span_get_n_parts (span);
  g_autoptr(GArray) fragments = g_array_new (FALSE, FALSE, sizeof (GlossRange));
  g_autoptr(GArray) joined = NULL;
  guint number;

  for (guint i = 0; i < n_parts; i++)
    split_at_line_breaks (text, parts[i].start, parts[i].end, fragments);
  if (fragments->len == 0)
    {
      written->n_left_out++;
      return 0;
    }

  number = ++*n_entities;
  g_string_append_printf (out, "T%u\t%s ", number, gloss_span_get_label (span));
  append_fragments (out, text, (GlossRange *)fragments->data, fragments->len);
  g_string_append_c (out, '\n');

  joined = join_fragments (text, (GlossRange *)fragments->data, fragments->len);
  if (joined->len != n_parts || memcmp (joined->data, parts, n_parts * sizeof (GlossRange)) != 0)
    {
      g_string_append_printf (out, "#%u\tGlossParts T%u\t", ++*n_notes, number);
      for (guint i = 0; i < n_parts; i++)
        g_string_append_printf (out, "%s%u %u", i > 0 ? ";" : "", parts[i].start, parts[i].end);
      g_string_append_c (out, '\n');
    }

  for (guint i = 0; i < gloss_span_get_n_attributes (span); i++)
    g_string_append_printf (out, "A%u\t%s T%u %s\n", ++*n_attributes, gloss_span_get_attribute_name (span, i),
                            number, gloss_span_get_attribute_value (span, i));

  append_note (out, written, n_notes, 'T', number, gloss_span_get_note (span));
  written->n_marks += gloss_span_get_review (span) || gloss_span_get_origin (span) != NULL;

  return number;
}

static gboolean
brat_add (GlossExporter    *self,
          GlossExportItem  *item,
          GError          **error)
{
  GFile *folder = _gloss_exporter_get_folder (self);
  BratWritten *written = get_written (self);
  g_autofree char *base = dup_base_name (item->id);
  g_autofree char *txt_name = g_strconcat (base, ".txt", NULL);
  g_autofree char *ann_name = g_strconcat (base, ".ann", NULL);
  g_autoptr(GFile) txt = g_file_resolve_relative_path (folder, txt_name);
  g_autoptr(GFile) ann = g_file_resolve_relative_path (folder, ann_name);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GHashTable) numbers = g_hash_table_new (NULL, NULL);  /* span id -> its T's number */
  g_autoptr(GArray) fragments = g_array_new (FALSE, FALSE, sizeof (GlossRange));
  guint n_entities = 0, n_notes = 0, n_attributes = 0, n_relations = 0;

  for (guint i = 0; i < item->annotations->len; i++)
    {
      GlossAnnotation *annotation = g_ptr_array_index (item->annotations, i);

      g_array_set_size (fragments, 0);
      split_at_line_breaks (item->text, gloss_annotation_get_start (annotation),
                            gloss_annotation_get_end (annotation), fragments);
      g_string_append_printf (out, "T%u\t%s ", ++n_entities, gloss_annotation_get_label (annotation));
      append_fragments (out, item->text, (GlossRange *)fragments->data, fragments->len);
      g_string_append_c (out, '\n');
      append_note (out, written, &n_notes, 'T', n_entities, gloss_annotation_get_note (annotation));
    }

  for (guint i = 0; i < item->spans->len; i++)
    {
      GlossSpan *span = g_ptr_array_index (item->spans, i);
      guint number = append_span (out, written, item->text, span, &n_entities, &n_notes, &n_attributes);

      if (number > 0)
        g_hash_table_insert (numbers, GUINT_TO_POINTER (gloss_span_get_id (span)), GUINT_TO_POINTER (number));
    }

  for (guint i = 0; i < item->relations->len; i++)
    {
      GlossRelation *relation = g_ptr_array_index (item->relations, i);
      guint from = GPOINTER_TO_UINT (g_hash_table_lookup (numbers, GUINT_TO_POINTER (gloss_relation_get_from (relation))));
      guint to = GPOINTER_TO_UINT (g_hash_table_lookup (numbers, GUINT_TO_POINTER (gloss_relation_get_to (relation))));

      if (from == 0 || to == 0)
        {
          written->n_relations_left_out++;
          continue;
        }

      g_string_append_printf (out, "R%u\t%s Arg1:T%u Arg2:T%u\n", ++n_relations,
                              gloss_relation_get_label (relation), from, to);
      append_note (out, written, &n_notes, 'R', n_relations, gloss_relation_get_note (relation));
      written->n_marks += gloss_relation_get_review (relation) || gloss_relation_get_origin (relation) != NULL;
    }

  return _gloss_exporter_write_file (self, txt, gloss_text_get_contents (item->text),
                                     gloss_text_get_n_bytes (item->text), error) &&
         _gloss_exporter_write_file (self, ann, out->str, out->len, error);
}

/* Every attribute the span labels declare, once: brat declares an
 * attribute for all the types it goes with, with all its values */
static void
append_attributes (GString       *out,
                   GlossLabelSet *labels)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < gloss_label_set_get_n_labels (labels); i++)
    {
      GlossLabel *label = gloss_label_set_get_label (labels, i);

      for (guint k = 0; k < gloss_label_get_n_attributes (label); k++)
        if (g_hash_table_add (seen, (gpointer)gloss_label_get_attribute_name (label, k)))
          g_ptr_array_add (names, (gpointer)gloss_label_get_attribute_name (label, k));
    }

  for (guint n = 0; n < names->len; n++)
    {
      const char *name = g_ptr_array_index (names, n);
      g_autoptr(GString) values = g_string_new (NULL);
      g_autoptr(GHashTable) seen_values = g_hash_table_new (g_str_hash, g_str_equal);
      const char *separator = "Arg:";

      g_string_append_printf (out, "%s\t", name);
      for (guint i = 0; i < gloss_label_set_get_n_labels (labels); i++)
        {
          GlossLabel *label = gloss_label_set_get_label (labels, i);
          int position = gloss_label_find_attribute (label, name);
          const char * const *label_values;

          if (position < 0)
            continue;

          g_string_append_printf (out, "%s%s", separator, gloss_label_get_id (label));
          separator = "|";
          label_values = gloss_label_get_attribute_values (label, position);
          for (guint k = 0; label_values[k] != NULL; k++)
            if (g_hash_table_add (seen_values, (gpointer)label_values[k]))
              g_string_append_printf (values, "%s%s", values->len ? "|" : "", label_values[k]);
        }
      g_string_append_printf (out, ", Value:%s\n", values->str);
    }
}

static void
append_endpoints (GString            *out,
                  const char * const *ids)
{
  for (guint i = 0; ids[i] != NULL; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? "|" : "", ids[i]);
}

/* Takes @notice and @card_note */
static void
add_notice (GlossExporter *self,
            char          *notice,
            char          *card_note)
{
  _gloss_exporter_add_notice (self, notice, card_note);
  g_free (notice);
  g_free (card_note);
}

static void
add_notices (GlossExporter *self)
{
  BratWritten *written = get_written (self);
  guint n;

  if ((n = written->n_notes_changed) > 0)
    add_notice (self,
                g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%u note held line breaks or tabs, which a brat note cannot: they were "
                                              "written as spaces",
                                              "%u notes held line breaks or tabs, which a brat note cannot: they were "
                                              "written as spaces", n), n),
                g_strdup_printf ("%u note(s) held line breaks or tabs; they are written as spaces.", n));

  if ((n = written->n_left_out) > 0)
    add_notice (self,
                g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%u span holds nothing but line breaks, which brat cannot mark: it was "
                                              "left out, and so were its relations",
                                              "%u spans hold nothing but line breaks, which brat cannot mark: they were "
                                              "left out, and so were their relations", n), n),
                g_strdup_printf ("%u span(s) of line breaks only, and %u relation(s) of theirs, are left out: a brat "
                                 "fragment cannot hold a line break.", n, written->n_relations_left_out));

  if ((n = written->n_marks) > 0)
    add_notice (self,
                g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%u span or relation was marked for review or accepted from a "
                                              "suggestion; brat has no place for that",
                                              "%u spans and relations were marked for review or accepted from a "
                                              "suggestion; brat has no place for that", n), n),
                g_strdup_printf ("%u span(s) and relation(s) were marked for review or accepted from a suggestion; "
                                 "this format does not say so.", n));
}

static gboolean
brat_end (GlossExporter  *self,
          GError        **error)
{
  GlossLabelSet *labels = _gloss_exporter_get_stats (self)->labels;
  GlossLabelSet *relation_labels = gloss_label_set_get_relation_labels (labels);
  GFile *folder = _gloss_exporter_get_folder (self);
  g_autoptr(GFile) conf = g_file_get_child (folder, "annotation.conf");
  g_autoptr(GFile) visual = g_file_get_child (folder, "visual.conf");
  g_autoptr(GString) out = g_string_new ("[entities]\n");
  g_autoptr(GString) visual_out = g_string_new ("[labels]\n");
  g_autoptr(GString) drawing = g_string_new ("\n[drawing]\n");

  for (guint i = 0; i < gloss_label_set_get_n_labels (labels); i++)
    g_string_append_printf (out, "%s\n", gloss_label_get_id (gloss_label_set_get_label (labels, i)));

  g_string_append (out, "\n[relations]\n");
  for (guint i = 0; i < gloss_label_set_get_n_labels (relation_labels); i++)
    {
      GlossLabel *label = gloss_label_set_get_label (relation_labels, i);

      g_string_append_printf (out, "%s\tArg1:", gloss_label_get_id (label));
      append_endpoints (out, gloss_label_get_from (label));
      g_string_append (out, ", Arg2:");
      append_endpoints (out, gloss_label_get_to (label));
      g_string_append_c (out, '\n');
    }
  /* A sentence with two labels is two entities with one span, which brat
   * refuses unless the configuration allows it (brat's own <OVERLAP>
   * directive); sentences never cross, but spans may */
  g_string_append (out, "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n"
                        "\n[events]\n\n[attributes]\n");
  append_attributes (out, labels);

  /* A relation label may have the id of a span label (the quotation set's
   * "speaker"): brat keeps one name and one drawing line for a type name */
  for (guint i = 0; i < gloss_label_set_get_n_labels (labels); i++)
    {
      GlossLabel *label = gloss_label_set_get_label (labels, i);
      GlossLabel *relation = gloss_label_set_lookup (relation_labels, gloss_label_get_id (label));

      g_string_append_printf (visual_out, "%s | ", gloss_label_get_id (label));
      append_one_line (visual_out, gloss_label_get_display_name (label));
      g_string_append_c (visual_out, '\n');
      g_string_append_printf (drawing, "%s\tbgColor:%s", gloss_label_get_id (label), gloss_label_get_color (label));
      if (relation != NULL)
        g_string_append_printf (drawing, ", color:%s", gloss_label_get_color (relation));
      g_string_append_c (drawing, '\n');
    }
  for (guint i = 0; i < gloss_label_set_get_n_labels (relation_labels); i++)
    {
      GlossLabel *label = gloss_label_set_get_label (relation_labels, i);

      if (gloss_label_set_lookup (labels, gloss_label_get_id (label)) != NULL)
        continue;

      g_string_append_printf (visual_out, "%s | ", gloss_label_get_id (label));
      append_one_line (visual_out, gloss_label_get_display_name (label));
      g_string_append_c (visual_out, '\n');
      g_string_append_printf (drawing, "%s\tcolor:%s\n", gloss_label_get_id (label), gloss_label_get_color (label));
    }
  g_string_append (drawing, "ATTRIBUTE_DEFAULT\tglyph:*\n");
  g_string_append (visual_out, drawing->str);

  add_notices (self);

  return _gloss_exporter_write_file (self, conf, out->str, out->len, error) &&
         _gloss_exporter_write_file (self, visual, visual_out->str, visual_out->len, error);
}

/* Reading ---------------------------------------------------------------- */

typedef struct
{
  char      *id;
  char      *label;
  char      *offsets;     /* as written, for messages */
  char      *text;        /* nullable */
  char      *note;        /* nullable; several notes joined by line breaks */
  char      *parts;       /* nullable: a GlossParts comment's offsets */
  guint      parts_line;
  GPtrArray *attributes;  /* nullable: name, value … */
} Entity;

static void
entity_clear (Entity *entity)
{
  g_free (entity->id);
  g_free (entity->label);
  g_free (entity->offsets);
  g_free (entity->text);
  g_free (entity->note);
  g_free (entity->parts);
  g_clear_pointer (&entity->attributes, g_ptr_array_unref);
}

typedef struct
{
  char  *id;
  char  *label;
  char  *from;
  char  *to;
  char  *note;      /* nullable */
  guint  number;
  char  *line;
} Relation;

static void
relation_clear (Relation *relation)
{
  g_free (relation->id);
  g_free (relation->label);
  g_free (relation->from);
  g_free (relation->to);
  g_free (relation->note);
  g_free (relation->line);
}

/* A line that names another annotation: an attribute or a comment */
typedef struct
{
  char  kind;      /* 'A' (and 'M'), '#' */
  char *type;      /* the attribute's name, the comment's type */
  char *target;
  char *value;     /* the attribute's value, the comment's text */
  guint number;
  char *line;
} Reference;

static void
reference_clear (Reference *reference)
{
  g_free (reference->type);
  g_free (reference->target);
  g_free (reference->value);
  g_free (reference->line);
}

/* Reads `START END;START END` as brat counts (a BOM is a character) into
 * @fragments, in Gloss's offsets and in text order; %FALSE if they are
 * not within the text or overlap */
static gboolean
parse_fragments (const char *offsets,
                 GlossText  *text,
                 GArray     *fragments)
{
  g_auto(GStrv) pieces = g_strsplit (offsets, ";", -1);
  /* brat reads the .txt as Python's "utf-8" codec does, which keeps a BOM
   * as the text's first character; Gloss's offset 0 is the one after it */
  guint bom = gloss_text_get_has_bom (text) ? 1 : 0;
  guint length = gloss_text_get_length (text) + bom;

  for (guint i = 0; pieces[i] != NULL; i++)
    {
      guint64 s, e;
      char *rest;

      s = g_ascii_strtoull (pieces[i], &rest, 10);
      if (rest == pieces[i] || *rest != ' ')
        return FALSE;
      e = g_ascii_strtoull (rest + 1, &rest, 10);
      /* A fragment of the BOM alone has nothing in Gloss's text */
      if (*rest != '\0' || s >= e || e > length || e <= bom)
        return FALSE;

      g_array_append_vals (fragments, &(GlossRange) { MAX (s, bom) - bom, e - bom }, 1);
    }

  return TRUE;
}

/* Checks the fragments' texts, joined by spaces in the order written,
 * against the .ann's text (brat's own check) */
static gboolean
check_text (GlossImporter *self,
            GlossText     *text,
            Entity        *entity,
            GArray        *fragments,
            const char    *where)
{
  g_autoptr(GString) joined = g_string_new (NULL);
  gboolean at_bom = gloss_text_get_has_bom (text) && g_str_has_prefix (entity->offsets, "0 ");

  if (entity->text == NULL)
    return TRUE;

  for (guint i = 0; i < fragments->len; i++)
    {
      GlossRange *fragment = &g_array_index (fragments, GlossRange, i);
      g_autofree char *slice = gloss_text_dup_slice (text, fragment->start, fragment->end);

      if (i > 0)
        g_string_append_c (joined, ' ');
      else if (at_bom)
        g_string_append_unichar (joined, 0xFEFF);
      g_string_append (joined, slice);
    }

  if (strcmp (joined->str, entity->text) != 0)
    {
      _gloss_importer_problem (self, where, _("%s: the text at %s is “%s”, not “%s”"),
                               entity->id, entity->offsets, joined->str, entity->text);
      return FALSE;
    }

  return TRUE;
}

/* The parts of an entity: its fragments, two in a row joined when only line
 * breaks lie between them, as the export writes a part across lines; or the
 * parts a GlossParts comment gives, when they make these fragments */
static GArray *
read_parts (GlossImporter *self,
            GlossText     *text,
            Entity        *entity,
            const char    *ann_id)
{
  g_autoptr(GArray) fragments = g_array_new (FALSE, FALSE, sizeof (GlossRange));
  g_autoptr(GArray) parts = NULL;

  if (!parse_fragments (entity->offsets, text, fragments))
    {
      _gloss_importer_problem (self, ann_id, _("%s: the offsets “%s” are not within the text (%u characters)"),
                               entity->id, entity->offsets,
                               gloss_text_get_length (text) + (gloss_text_get_has_bom (text) ? 1 : 0));
      return NULL;
    }

  if (!check_text (self, text, entity, fragments, ann_id))
    return NULL;

  /* brat allows fragments in any order */
  g_array_sort (fragments, _gloss_dataset_compare_ranges);
  for (guint i = 1; i < fragments->len; i++)
    {
      if (g_array_index (fragments, GlossRange, i).start < g_array_index (fragments, GlossRange, i - 1).end)
        {
          _gloss_importer_problem (self, ann_id, _("%s: the fragments “%s” overlap"), entity->id, entity->offsets);
          return NULL;
        }
    }

  if (entity->parts != NULL)
    {
      g_autoptr(GArray) given = g_array_new (FALSE, FALSE, sizeof (GlossRange));
      g_autoptr(GArray) split = g_array_new (FALSE, FALSE, sizeof (GlossRange));
      gboolean ordered = parse_fragments (entity->parts, text, given);

      for (guint i = 0; ordered && i < given->len; i++)
        {
          GlossRange *part = &g_array_index (given, GlossRange, i);

          ordered = i == 0 || part->start >= part[-1].end;
          split_at_line_breaks (text, part->start, part->end, split);
        }

      if (ordered && split->len == fragments->len &&
          memcmp (split->data, fragments->data, split->len * sizeof (GlossRange)) == 0)
        return g_steal_pointer (&given);

      {
        g_autofree char *at = g_strdup_printf (_("line %u"), entity->parts_line);

        _gloss_importer_warning (self, ann_id, _("%s: the parts “%s” are not those of its fragments “%s”; its "
                                                 "fragments were taken (%s)"),
                                 entity->id, entity->parts, entity->offsets, at);
      }
    }

  parts = join_fragments (text, (GlossRange *)fragments->data, fragments->len);

  return g_steal_pointer (&parts);
}

/* A line Gloss has no place for, by its kind (brat's standoff format) */
static void
note_dropped_line (GlossImporter *self,
                   const char    *ann_id,
                   guint          number,
                   const char    *line)
{
  g_autofree char *at = g_strdup_printf (_("line %u"), number);
  g_autofree char *where = g_strdup_printf ("%s: %s", ann_id, at);
  GlossDroppedKind kind;

  switch (line[0])
    {
    case 'R':
    case '*':
      kind = GLOSS_DROPPED_RELATION;
      break;
    case 'E':
      kind = GLOSS_DROPPED_EVENT;
      break;
    case 'A':
    case 'M':
      kind = GLOSS_DROPPED_ATTRIBUTE;
      break;
    case 'N':
      kind = GLOSS_DROPPED_NORMALIZATION;
      break;
    case '#':
      kind = GLOSS_DROPPED_NOTE;
      break;
    default:
      kind = GLOSS_DROPPED_OTHER;
      break;
    }

  _gloss_importer_note_dropped (self, kind, where, line);
}

/* `R1<TAB>speaker Arg1:T3 Arg2:T4`: the first argument is where the
 * relation comes from, whatever its role's name */
static gboolean
parse_relation (const char *line,
                char      **fields,
                guint       number,
                Relation   *relation)
{
  g_auto(GStrv) words = NULL;
  const char *from, *to;

  if (fields[1] == NULL)
    return FALSE;

  words = g_strsplit (fields[1], " ", -1);
  if (g_strv_length (words) != 3 || words[0][0] == '\0' ||
      (from = strchr (words[1], ':')) == NULL || (to = strchr (words[2], ':')) == NULL)
    return FALSE;

  relation->id = g_strdup (fields[0]);
  relation->label = g_strdup (words[0]);
  relation->from = g_strdup (from + 1);
  relation->to = g_strdup (to + 1);
  relation->number = number;
  relation->line = g_strdup (line);

  return TRUE;
}

/* `A1<TAB>type T3 direct`, `A2<TAB>negated T3` (a binary attribute, whose
 * value Gloss calls "true"), `M1<TAB>Negation T3` (brat's old modifier),
 * `#1<TAB>AnnotatorNotes T3<TAB>text` */
static gboolean
parse_reference (const char *line,
                 char      **fields,
                 guint       number,
                 Reference  *reference)
{
  g_auto(GStrv) words = NULL;
  guint n;

  if (fields[1] == NULL)
    return FALSE;

  words = g_strsplit (fields[1], " ", -1);
  n = g_strv_length (words);
  if (line[0] == '#' ? n != 2 || fields[2] == NULL : n != 2 && n != 3)
    return FALSE;

  reference->kind = line[0] == '#' ? '#' : 'A';
  reference->type = g_strdup (words[0]);
  reference->target = g_strdup (words[1]);
  reference->value = g_strdup (line[0] == '#' ? fields[2] : n == 3 ? words[2] : "true");
  reference->number = number;
  reference->line = g_strdup (line);

  return TRUE;
}

static void
join_note (char       **note,
           const char  *more)
{
  char *joined = *note == NULL ? g_strdup (more) : g_strconcat (*note, "\n", more, NULL);

  g_free (*note);
  *note = joined;
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
  g_autoptr(GArray) relations = g_array_new (FALSE, TRUE, sizeof (Relation));
  g_autoptr(GArray) references = g_array_new (FALSE, TRUE, sizeof (Reference));
  g_autoptr(GHashTable) entity_ids = g_hash_table_new (g_str_hash, g_str_equal);   /* id -> position + 1 */
  g_autoptr(GHashTable) relation_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) spans = _gloss_dataset_spans_new ();
  g_autoptr(GArray) import_relations = _gloss_dataset_relations_new ();
  g_autoptr(GlossText) text = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;
  char *cursor, *line;
  guint number = 0;

  g_array_set_clear_func (entities, (GDestroyNotify)entity_clear);
  g_array_set_clear_func (relations, (GDestroyNotify)relation_clear);
  g_array_set_clear_func (references, (GDestroyNotify)reference_clear);

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

  data = _gloss_dataset_load (ann_file, &length, cancellable, &error);
  if (data == NULL)
    {
      _gloss_importer_problem (self, ann_id, "%s", error->message);
      return;
    }

  cursor = data;
  while ((line = _gloss_dataset_next_line (&cursor, data + length)) != NULL)
    {
      g_auto(GStrv) fields = NULL;
      Relation relation = { 0 };
      Reference reference = { 0 };

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
      else if (line[0] == 'R' && parse_relation (line, fields, number, &relation))
        g_array_append_val (relations, relation);
      else if ((line[0] == 'A' || line[0] == 'M' || line[0] == '#') &&
               parse_reference (line, fields, number, &reference))
        g_array_append_val (references, reference);
      else
        note_dropped_line (self, ann_id, number, line);
    }

  for (guint i = 0; i < entities->len; i++)
    g_hash_table_insert (entity_ids, g_array_index (entities, Entity, i).id, GUINT_TO_POINTER (i + 1));
  for (guint i = 0; i < relations->len; i++)
    g_hash_table_insert (relation_ids, g_array_index (relations, Relation, i).id, GUINT_TO_POINTER (i + 1));

  /* Attributes and notes go with the annotation they name, which may come
   * after them; a note on an event, an attribute of a relation, a comment
   * Gloss does not know have no place */
  for (guint i = 0; i < references->len; i++)
    {
      Reference *reference = &g_array_index (references, Reference, i);
      guint entity = GPOINTER_TO_UINT (g_hash_table_lookup (entity_ids, reference->target));
      guint relation = GPOINTER_TO_UINT (g_hash_table_lookup (relation_ids, reference->target));
      Entity *on = entity > 0 ? &g_array_index (entities, Entity, entity - 1) : NULL;

      if (reference->kind == 'A' && on != NULL)
        {
          if (on->attributes == NULL)
            on->attributes = g_ptr_array_new_with_free_func (g_free);
          g_ptr_array_add (on->attributes, g_strdup (reference->type));
          g_ptr_array_add (on->attributes, g_strdup (reference->value));
        }
      else if (reference->kind == '#' && strcmp (reference->type, "AnnotatorNotes") == 0 && on != NULL)
        join_note (&on->note, reference->value);
      else if (reference->kind == '#' && strcmp (reference->type, "AnnotatorNotes") == 0 && relation > 0)
        join_note (&g_array_index (relations, Relation, relation - 1).note, reference->value);
      else if (reference->kind == '#' && strcmp (reference->type, "GlossParts") == 0 && on != NULL &&
               on->parts == NULL)
        {
          on->parts = g_strdup (reference->value);
          on->parts_line = reference->number;
        }
      else
        note_dropped_line (self, ann_id, reference->number, reference->line);
    }

  for (guint i = 0; i < entities->len; i++)
    {
      Entity *entity = &g_array_index (entities, Entity, i);
      g_autoptr(GArray) parts = read_parts (self, text, entity, ann_id);
      GlossImportSpan *span;

      if (parts == NULL)
        {
          _gloss_importer_problem (self, ann_id, _("The document “%s” is not imported"), id);
          return;
        }

      span = _gloss_dataset_spans_add_full (spans, (GlossRange *)parts->data, parts->len, entity->label,
                                            entity->note, NULL, entity->id);
      for (guint k = 0; entity->attributes != NULL && k + 1 < entity->attributes->len; k += 2)
        _gloss_import_span_add_attribute (span, g_ptr_array_index (entity->attributes, k),
                                          g_ptr_array_index (entity->attributes, k + 1));
    }

  /* A relation of an event (`Arg1:E2`) goes with the events */
  for (guint i = 0; i < relations->len; i++)
    {
      Relation *relation = &g_array_index (relations, Relation, i);

      if (relation->from[0] != 'T' || relation->to[0] != 'T')
        note_dropped_line (self, ann_id, relation->number, relation->line);
      else
        _gloss_dataset_relations_add (import_relations, relation->label, relation->from, relation->to,
                                      relation->note, NULL);
    }

  _gloss_importer_add_spans (self, id, text, NULL, NULL, spans, import_relations, NULL, ann_id);
}

static gboolean
brat_read (GlossImporter  *self,
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

const GlossDatasetFormat _gloss_dataset_brat = {
  .name = "brat",
  .folder = TRUE,
  .carries = GLOSS_DATASET_CARRIES_NOTES | GLOSS_DATASET_CARRIES_SPANS | GLOSS_DATASET_CARRIES_RELATIONS,
  .card =
    "A brat folder: for each document `ID.txt` (its text, UTF-8 without a BOM, which brat would count as a "
    "character; line ends as in the original) and `ID.ann`, plus `annotation.conf` (the sentence and span labels as "
    "entity types, the relation labels as relation types with the labels they join, the span labels' attributes, and "
    "brat's `<OVERLAP>` line that lets one sentence carry several labels and spans nest or cross) and `visual.conf` "
    "(their names and colours).\n\n"
    "| line | meaning |\n"
    "| --- | --- |\n"
    "| `T1<TAB>claim 0 41<TAB>text` | a labelled sentence: label, start and end in Unicode code points (end "
    "exclusive), its text |\n"
    "| `T5<TAB>quote 33 59;65 77<TAB>text text` | a span: label, its parts as fragments `START END` joined by `;`, "
    "their texts joined by a space; a part across a line break is written as fragments without the line breaks, "
    "which brat cannot hold in a fragment (two fragments with only line breaks between them are one part) |\n"
    "| `#2<TAB>GlossParts T5<TAB>55 74;78 86` | the span's parts, only where the rule above would not give them back "
    "(parts with only line breaks between them) |\n"
    "| `A1<TAB>type T5 direct` | an attribute of the span and its value |\n"
    "| `R1<TAB>speaker Arg1:T5 Arg2:T2` | a relation from the span T5 to the span T2 |\n"
    "| `#1<TAB>AnnotatorNotes T1<TAB>note` | the annotator's note on a sentence, span or relation (line breaks and "
    "tabs in it become spaces) |\n\n"
    "Read the `.txt` files with `open(path, encoding='utf-8', newline='')`: Python's default newline translation "
    "would turn CRLF into one character and shift the offsets. Annotators and times are not part of this format.\n",
  .read = brat_read,
  .add = brat_add,
  .end = brat_end,
};
