/* gloss-dataset.c
 *
 * The table of dataset formats, what the exporter and the importer ask of
 * it (gloss_export_format_*(), gloss_import_format_*()), and the helpers
 * the readers and writers share. Each format is one file,
 * gloss-dataset-FORMAT.c, holding its reader and its writer and ending in
 * its entry of the table; the exporter and the importer reach a format
 * only through its entry.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-dataset-private.h"
#include "gloss-error.h"
#include "gloss-json.h"
#include "gloss-label-set.h"
#include "gloss-problem.h"
#include "gloss-read.h"
#include "gloss-text.h"

/* The order of each list is the order of its enum, which is the order the
 * dialogs and --help show */
static const GlossDatasetFormat * const export_formats[GLOSS_EXPORT_N_FORMATS] = {
  [GLOSS_EXPORT_SENTENCES_JSONL] = &_gloss_dataset_sentences_jsonl,
  [GLOSS_EXPORT_DOCUMENTS_JSONL] = &_gloss_dataset_documents_jsonl,
  [GLOSS_EXPORT_JSON] = &_gloss_dataset_json,
  [GLOSS_EXPORT_DOCCANO] = &_gloss_dataset_doccano,
  [GLOSS_EXPORT_LABEL_STUDIO] = &_gloss_dataset_label_studio,
  [GLOSS_EXPORT_BRAT] = &_gloss_dataset_brat,
  [GLOSS_EXPORT_CSV] = &_gloss_dataset_csv,
  [GLOSS_EXPORT_SPANS_CSV] = &_gloss_dataset_spans_csv,
  [GLOSS_EXPORT_QDPX] = &_gloss_dataset_qdpx,
};

static const GlossDatasetFormat * const import_formats[GLOSS_IMPORT_N_FORMATS] = {
  [GLOSS_IMPORT_DOCUMENTS_JSONL] = &_gloss_dataset_documents_jsonl,
  [GLOSS_IMPORT_JSON] = &_gloss_dataset_json,
  [GLOSS_IMPORT_SENTENCES_JSONL] = &_gloss_dataset_sentences_jsonl,
  [GLOSS_IMPORT_DOCCANO] = &_gloss_dataset_doccano,
  [GLOSS_IMPORT_LABEL_STUDIO] = &_gloss_dataset_label_studio,
  [GLOSS_IMPORT_BRAT] = &_gloss_dataset_brat,
  [GLOSS_IMPORT_ARTICLES_JSONL] = &_gloss_dataset_articles_jsonl,
  [GLOSS_IMPORT_WIKINEWS_QUOTES] = &_gloss_dataset_wikinews_quotes,
};

/**
 * _gloss_dataset_for_export:
 *
 * Returns: (transfer none): the format @format writes; it has an @add
 */
const GlossDatasetFormat *
_gloss_dataset_for_export (GlossExportFormat format)
{
  g_return_val_if_fail (format < GLOSS_EXPORT_N_FORMATS, NULL);

  return export_formats[format];
}

/**
 * _gloss_dataset_for_import:
 *
 * Returns: (transfer none): the format @format reads; it has a @read
 */
const GlossDatasetFormat *
_gloss_dataset_for_import (GlossImportFormat format)
{
  g_return_val_if_fail (format < GLOSS_IMPORT_N_FORMATS, NULL);

  return import_formats[format];
}

/* The position of the format called @name in @list */
static gboolean
find_name (const GlossDatasetFormat * const *list,
           guint                             n,
           const char                       *name,
           guint                            *position)
{
  for (guint i = 0; i < n; i++)
    {
      if (g_strcmp0 (list[i]->name, name) == 0)
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

static char *
list_names (const GlossDatasetFormat * const *list,
            guint                             n)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, "%s%s", i ? ", " : "", list[i]->name);

  return g_string_free (out, FALSE);
}

/**
 * gloss_export_format_from_name:
 * @name: a format's name, as the command line writes it (`sentences-jsonl`)
 *
 * Returns: %TRUE if @name is a format Gloss writes, with @format set
 */
gboolean
gloss_export_format_from_name (const char        *name,
                               GlossExportFormat *format)
{
  guint position;

  if (!find_name (export_formats, GLOSS_EXPORT_N_FORMATS, name, &position))
    return FALSE;

  *format = position;
  return TRUE;
}

const char *
gloss_export_format_get_name (GlossExportFormat format)
{
  g_return_val_if_fail (format < GLOSS_EXPORT_N_FORMATS, NULL);

  return _gloss_dataset_for_export (format)->name;
}

/**
 * gloss_export_format_is_folder:
 *
 * Returns: %TRUE if the format writes a folder of files, not one stream
 */
gboolean
gloss_export_format_is_folder (GlossExportFormat format)
{
  g_return_val_if_fail (format < GLOSS_EXPORT_N_FORMATS, FALSE);

  return _gloss_dataset_for_export (format)->folder;
}

/**
 * gloss_export_format_get_offsets:
 *
 * Returns: the unit of the format's offsets when they may be chosen with
 *   gloss_exporter_set_offsets() (%GLOSS_OFFSETS_UTF16 for doccano, which
 *   it writes unless told otherwise), else %GLOSS_OFFSETS_AUTO: code
 *   points only
 */
GlossOffsets
gloss_export_format_get_offsets (GlossExportFormat format)
{
  g_return_val_if_fail (format < GLOSS_EXPORT_N_FORMATS, GLOSS_OFFSETS_AUTO);

  return _gloss_dataset_for_export (format)->offsets;
}

/**
 * gloss_export_format_list_names:
 *
 * Returns: (transfer full): the names of the formats Gloss writes,
 *   separated by commas, for help texts and messages
 */
char *
gloss_export_format_list_names (void)
{
  return list_names (export_formats, GLOSS_EXPORT_N_FORMATS);
}

/**
 * gloss_import_format_from_name:
 *
 * Returns: %TRUE if @name is a format Gloss reads, with @format set
 */
gboolean
gloss_import_format_from_name (const char        *name,
                               GlossImportFormat *format)
{
  guint position;

  if (!find_name (import_formats, GLOSS_IMPORT_N_FORMATS, name, &position))
    return FALSE;

  *format = position;
  return TRUE;
}

const char *
gloss_import_format_get_name (GlossImportFormat format)
{
  g_return_val_if_fail (format < GLOSS_IMPORT_N_FORMATS, NULL);

  return _gloss_dataset_for_import (format)->name;
}

/**
 * gloss_import_format_is_folder:
 *
 * Returns: %TRUE if the format is read from a folder (brat)
 */
gboolean
gloss_import_format_is_folder (GlossImportFormat format)
{
  g_return_val_if_fail (format < GLOSS_IMPORT_N_FORMATS, FALSE);

  return _gloss_dataset_for_import (format)->folder;
}

char *
gloss_import_format_list_names (void)
{
  return list_names (import_formats, GLOSS_IMPORT_N_FORMATS);
}

/**
 * gloss_import_format_has_offsets:
 *
 * Returns: %TRUE if the format's offsets may count UTF-16 units or code
 *   points, so that gloss_importer_set_offsets() applies to it (doccano)
 */
gboolean
gloss_import_format_has_offsets (GlossImportFormat format)
{
  g_return_val_if_fail (format < GLOSS_IMPORT_N_FORMATS, FALSE);

  return _gloss_dataset_for_import (format)->offsets != GLOSS_OFFSETS_AUTO;
}

static const char * const offsets_names[] = {
  [GLOSS_OFFSETS_AUTO] = "auto",
  [GLOSS_OFFSETS_CODE_POINTS] = "codepoints",
  [GLOSS_OFFSETS_UTF16] = "utf16",
};

/**
 * gloss_offsets_from_name:
 * @name: `auto`, `codepoints` or `utf16`, as the command line writes them
 *
 * Returns: %TRUE with @offsets set if @name is one of them
 */
gboolean
gloss_offsets_from_name (const char   *name,
                         GlossOffsets *offsets)
{
  for (guint i = 0; i < G_N_ELEMENTS (offsets_names); i++)
    {
      if (g_strcmp0 (name, offsets_names[i]) == 0)
        {
          *offsets = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
gloss_offsets_get_name (GlossOffsets offsets)
{
  g_return_val_if_fail (offsets < G_N_ELEMENTS (offsets_names), NULL);

  return offsets_names[offsets];
}

static const char * const layout_names[] = {
  [GLOSS_DOCCANO_LAYOUT_AUTO] = "auto",
  [GLOSS_DOCCANO_LAYOUT_SEQUENCE_LABELING] = "sequence-labeling",
  [GLOSS_DOCCANO_LAYOUT_RELATION_EXTRACTION] = "relation-extraction",
};

/**
 * gloss_doccano_layout_from_name:
 * @name: `auto`, `sequence-labeling` or `relation-extraction`, as the
 *   command line writes them
 *
 * Returns: %TRUE with @layout set if @name is one of them
 */
gboolean
gloss_doccano_layout_from_name (const char         *name,
                                GlossDoccanoLayout *layout)
{
  for (guint i = 0; i < G_N_ELEMENTS (layout_names); i++)
    {
      if (g_strcmp0 (name, layout_names[i]) == 0)
        {
          *layout = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
gloss_doccano_layout_get_name (GlossDoccanoLayout layout)
{
  g_return_val_if_fail (layout < G_N_ELEMENTS (layout_names), NULL);

  return layout_names[layout];
}

/* UTF-16 units and code points ------------------------------------------ */

/**
 * _gloss_dataset_find_astral:
 *
 * Where the characters beyond U+FFFF are, which UTF-16 counts as two
 * units and Gloss as one code point; found once for a text, so that each
 * span is a search and not a walk from the text's start.
 *
 * Returns: (transfer full) (element-type guint): their code point
 *   offsets, in order
 */
GArray *
_gloss_dataset_find_astral (GlossText *text)
{
  GArray *astral = g_array_new (FALSE, FALSE, sizeof (guint));
  const guchar *p = (const guchar *)gloss_text_get_contents (text);
  const guchar *end = p + gloss_text_get_n_bytes (text);
  guint offset = 0;

  /* Valid UTF-8: a byte that is no continuation byte starts a character,
   * and only a character beyond U+FFFF starts with F0 or above */
  for (; p < end; p++)
    {
      if ((*p & 0xC0) == 0x80)
        continue;
      if (*p >= 0xF0)
        g_array_append_val (astral, offset);
      offset++;
    }

  return astral;
}

/* How many of @astral lie before @offset */
static guint
count_before (GArray   *astral,
              guint     offset,
              gboolean  units)
{
  guint lo = 0, hi = astral->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      guint at = g_array_index (astral, guint, mid) + (units ? mid : 0);

      if (at < offset)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/* The UTF-16 unit at code point @offset */
guint
_gloss_dataset_to_utf16 (GArray *astral,
                         guint   offset)
{
  return offset + count_before (astral, offset, FALSE);
}

/* The code point at UTF-16 unit @units, or G_MAXUINT between the two
 * units of one character or beyond the end */
guint
_gloss_dataset_from_utf16 (GlossText *text,
                           GArray    *astral,
                           guint      units)
{
  guint n;

  if (units > gloss_text_get_length (text) + astral->len)
    return G_MAXUINT;

  n = count_before (astral, units, TRUE);
  if (n > 0 && g_array_index (astral, guint, n - 1) + n == units)
    return G_MAXUINT;

  return units - n;
}

/* Writing ---------------------------------------------------------------- */

/* Appends text[start:end] as a JSON string, without a copy of the slice */
void
_gloss_dataset_append_slice (GString   *out,
                             GlossText *text,
                             guint      start,
                             guint      end)
{
  gsize from = gloss_text_get_byte_offset (text, start);
  gsize to = gloss_text_get_byte_offset (text, end);

  gloss_json_append_string_len (out, gloss_text_get_contents (text) + from, to - from);
}

/* The label set on one line, for the JSONL formats */
void
_gloss_dataset_append_labels (GString       *out,
                              GlossLabelSet *labels)
{
  gloss_label_set_append_json (labels, out, NULL);
}

/* A field of CSV as RFC 4180 writes it: quoted when it holds a comma, a
 * quote or a line break, its quotes doubled; @length -1: up to its NUL */
void
_gloss_dataset_append_csv_field (GString    *out,
                                 const char *value,
                                 gssize      length)
{
  const char *end;
  gboolean plain = TRUE;

  if (length < 0)
    length = strlen (value);
  end = value + length;

  for (const char *p = value; p < end && plain; p++)
    plain = *p != ',' && *p != '"' && *p != '\r' && *p != '\n';

  if (plain)
    {
      g_string_append_len (out, value, length);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = value; p < end; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* Reading ---------------------------------------------------------------- */

static void
span_clear (GlossImportSpan *span)
{
  g_free (span->label);
  g_free (span->note);
  g_free (span->annotator);
  g_free (span->key);
  g_clear_pointer (&span->parts, g_array_unref);
  g_clear_pointer (&span->attributes, g_ptr_array_unref);
}

static void
relation_clear (GlossImportRelation *relation)
{
  g_free (relation->label);
  g_free (relation->from);
  g_free (relation->to);
  g_free (relation->note);
  g_free (relation->annotator);
}

GArray *
_gloss_dataset_spans_new (void)
{
  GArray *spans = g_array_new (FALSE, TRUE, sizeof (GlossImportSpan));

  g_array_set_clear_func (spans, (GDestroyNotify)span_clear);

  return spans;
}

void
_gloss_dataset_spans_add (GArray     *spans,
                          guint       start,
                          guint       end,
                          const char *label,
                          const char *note,
                          const char *annotator)
{
  GlossImportSpan span = { start, end, g_strdup (label), g_strdup (note), g_strdup (annotator), NULL, NULL, NULL, FALSE };

  g_array_append_val (spans, span);
}

/**
 * _gloss_dataset_spans_add_full:
 * @parts: the span's parts, in any order; the importer sorts and checks them
 * @key: (nullable): the format's own id of the span, which its relations name
 *
 * Returns: (transfer none): the span appended, for the reader to give it
 *   attributes or mark it a span of the text; valid until the next append
 */
GlossImportSpan *
_gloss_dataset_spans_add_full (GArray           *spans,
                               const GlossRange *parts,
                               guint             n_parts,
                               const char       *label,
                               const char       *note,
                               const char       *annotator,
                               const char       *key)
{
  GlossImportSpan span = { 0, 0, g_strdup (label), g_strdup (note), g_strdup (annotator), g_strdup (key), NULL, NULL,
                           FALSE };

  g_return_val_if_fail (parts != NULL && n_parts > 0, NULL);

  span.start = parts[0].start;
  span.end = parts[0].end;
  for (guint i = 1; i < n_parts; i++)
    {
      span.start = MIN (span.start, parts[i].start);
      span.end = MAX (span.end, parts[i].end);
    }
  if (n_parts > 1)
    {
      span.parts = g_array_sized_new (FALSE, FALSE, sizeof (GlossRange), n_parts);
      g_array_append_vals (span.parts, parts, n_parts);
    }
  g_array_append_val (spans, span);

  return &g_array_index (spans, GlossImportSpan, spans->len - 1);
}

void
_gloss_import_span_add_attribute (GlossImportSpan *span,
                                  const char      *name,
                                  const char      *value)
{
  if (span->attributes == NULL)
    span->attributes = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (span->attributes, g_strdup (name));
  g_ptr_array_add (span->attributes, g_strdup (value));
}

/* GlossRange by start, then end: a span's parts in text order */
int
_gloss_dataset_compare_ranges (gconstpointer a,
                               gconstpointer b)
{
  const GlossRange *x = a;
  const GlossRange *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;
  return 0;
}

/**
 * _gloss_dataset_groups_new:
 * @n: how many items
 *
 * Groups of items, each alone at first, that _gloss_dataset_groups_join()
 * joins: how a reader puts the parts of a span back together.
 *
 * Returns: (transfer full): the groups, to free with g_free()
 */
guint *
_gloss_dataset_groups_new (guint n)
{
  guint *groups = g_new (guint, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    groups[i] = i;

  return groups;
}

/* The first item of the group of item @i */
guint
_gloss_dataset_groups_find (guint *groups,
                            guint  i)
{
  while (groups[i] != i)
    i = groups[i] = groups[groups[i]];

  return i;
}

void
_gloss_dataset_groups_join (guint *groups,
                            guint  a,
                            guint  b)
{
  a = _gloss_dataset_groups_find (groups, a);
  b = _gloss_dataset_groups_find (groups, b);
  groups[MAX (a, b)] = MIN (a, b);
}

/**
 * _gloss_dataset_groups_list:
 *
 * Returns: (transfer full): the @n items, group after group (each group
 *   where its first item is), in their order within each; free with g_free()
 */
guint *
_gloss_dataset_groups_list (guint *groups,
                            guint  n)
{
  g_autofree guint *starts = g_new0 (guint, n + 1);
  guint *list = g_new (guint, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    starts[_gloss_dataset_groups_find (groups, i) + 1]++;
  for (guint i = 0; i < n; i++)
    starts[i + 1] += starts[i];
  for (guint i = 0; i < n; i++)
    list[starts[_gloss_dataset_groups_find (groups, i)]++] = i;

  return list;
}

GArray *
_gloss_dataset_relations_new (void)
{
  GArray *relations = g_array_new (FALSE, TRUE, sizeof (GlossImportRelation));

  g_array_set_clear_func (relations, (GDestroyNotify)relation_clear);

  return relations;
}

void
_gloss_dataset_relations_add (GArray     *relations,
                              const char *label,
                              const char *from,
                              const char *to,
                              const char *note,
                              const char *annotator)
{
  GlossImportRelation relation = { g_strdup (label), g_strdup (from), g_strdup (to), g_strdup (note),
                                   g_strdup (annotator) };

  g_array_append_val (relations, relation);
}

/* The whole input: datasets are read at once, so that a problem anywhere
 * is known before anything is written */
char *
_gloss_dataset_load (GFile         *input,
                     gsize         *length,
                     GCancellable  *cancellable,
                     GError       **error)
{
  char *data = NULL;

  if (!gloss_read_file (input, 0, cancellable, &data, length, error))
    return NULL;

  if (!g_utf8_validate (data, *length, NULL))
    {
      g_autofree char *name = g_file_get_parse_name (input);

      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_UTF8, _("“%s” is not UTF-8"), name);
      g_free (data);
      return NULL;
    }

  return data;
}

/**
 * _gloss_dataset_next_line:
 * @cursor: (inout): where the next line starts; moved past it
 *
 * Returns: (transfer none) (nullable): the next line, NUL-terminated in
 *   place and without its CR LF, or %NULL at @end
 */
char *
_gloss_dataset_next_line (char **cursor,
                          char  *end)
{
  char *line = *cursor;
  char *newline;

  if (line >= end)
    return NULL;

  newline = memchr (line, '\n', end - line);
  if (newline == NULL)
    newline = end;

  *newline = '\0';
  *cursor = newline + (newline < end ? 1 : 0);
  if (newline > line && newline[-1] == '\r')
    newline[-1] = '\0';

  return line;
}

/* What a message quotes of a record Gloss leaves out: its JSON, on one
 * line and short */
char *
_gloss_dataset_dup_example (JsonNode *node)
{
  g_autofree char *json = json_to_string (node, FALSE);

  return gloss_problem_shorten (json);
}

JsonNode *
_gloss_dataset_parse_line (GlossImporter *self,
                           const char    *line,
                           const char    *where)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = gloss_json_parse (line, -1, &error);

  if (node == NULL)
    {
      _gloss_importer_problem (self, where, "%s", error->message);
      return NULL;
    }

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      _gloss_importer_problem (self, where, _("A line must hold a JSON object, not %s"), gloss_json_type_name (node));
      json_node_unref (node);
      return NULL;
    }

  return node;
}

/**
 * _gloss_dataset_read_lines:
 * @func: called with each line that holds a JSON object, in order
 *
 * Reads @input as JSON Lines: blank lines are passed over, and a line
 * that is no JSON object is a problem of the importer.
 *
 * Returns: %FALSE, with @error set, when @input cannot be read
 */
gboolean
_gloss_dataset_read_lines (GlossImporter        *self,
                           GFile                *input,
                           GlossDatasetLineFunc  func,
                           gpointer              user_data,
                           GCancellable         *cancellable,
                           GError              **error)
{
  g_autofree char *data = NULL;
  gsize length;
  char *cursor, *line;
  guint number = 0;

  data = _gloss_dataset_load (input, &length, cancellable, error);
  if (data == NULL)
    return FALSE;

  cursor = data;
  while ((line = _gloss_dataset_next_line (&cursor, data + length)) != NULL)
    {
      g_autofree char *where = g_strdup_printf (_("line %u"), ++number);
      g_autoptr(JsonNode) node = NULL;

      if (line[strspn (line, " \t")] == '\0')
        continue;

      node = _gloss_dataset_parse_line (self, line, where);
      if (node != NULL)
        func (self, node, number, where, user_data);
    }

  return TRUE;
}

/* The whole of @input as one JSON value */
JsonNode *
_gloss_dataset_load_json (GFile         *input,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autofree char *data = NULL;
  gsize length;

  data = _gloss_dataset_load (input, &length, cancellable, error);
  if (data == NULL)
    return NULL;

  return gloss_json_parse (data, length, error);
}

/* An offset or a count: an integer from 0 to G_MAXINT */
gboolean
_gloss_dataset_get_offset (JsonNode *node,
                           guint    *value)
{
  gint64 v;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;

  v = json_node_get_int (node);
  if (v < 0 || v > G_MAXINT)
    return FALSE;

  *value = (guint)v;
  return TRUE;
}

/**
 * _gloss_dataset_dup_id:
 * @node: (nullable): an id member: a string or an integer
 *
 * Returns: (transfer full) (nullable): the id as a string
 */
char *
_gloss_dataset_dup_id (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;

  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));

  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));

  return NULL;
}

/**
 * _gloss_dataset_dup_meta:
 * @skip: the members the format itself reads
 *
 * Returns: (transfer full) (nullable): the other members as a JSON object,
 *   in their order, or %NULL if there are none
 */
char *
_gloss_dataset_dup_meta (JsonObject         *object,
                         const char * const *skip)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonObject) meta = json_object_new ();
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    {
      if (g_strv_contains (skip, l->data))
        continue;
      json_object_set_member (meta, l->data, json_node_copy (json_object_get_member (object, l->data)));
    }

  if (json_object_get_size (meta) == 0)
    return NULL;

  node = json_node_init_object (json_node_alloc (), meta);

  return gloss_json_node_to_string (node);
}

GlossText *
_gloss_dataset_text_new (GlossImporter *self,
                         const char    *contents,
                         const char    *where)
{
  g_autoptr(GError) error = NULL;
  GlossText *text = gloss_text_new (contents, -1, &error);

  if (text == NULL)
    _gloss_importer_problem (self, where, "%s", error->message);

  return text;
}

/**
 * _gloss_dataset_get_string:
 *
 * Returns: (nullable): the member if it is a string
 */
const char *
_gloss_dataset_get_string (JsonObject *object,
                          const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}
