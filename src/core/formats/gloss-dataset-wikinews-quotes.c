/* gloss-dataset-wikinews-quotes.c
 *
 * The German news quotation attribution dataset (Petersen-Frey and
 * Biemann, 2024: German Wikinews articles): one JSON file per article,
 * `{"originalText", "documentName", "sentences", "tokens", "annotations"}`,
 * each annotation a quotation with the roles `quote`, `speaker`, `cue`,
 * `frame` and `addressee` (`{"spans": [{"charBegin", "charEnd", "begin",
 * "end"}…], "text", "tokenIds"}`), its `type` and `medium`.
 *
 * Reading: a folder of such files (every `.json` below it, Gloss's own
 * `.gloss.json` and `gloss-project.json` passed over) or one file. The
 * document id is the file's path in the folder without `.pretty.json` or
 * `.json`. Each quotation becomes a `quote` span (its quote spans as its
 * parts, `type` and `medium` as attributes), each role it has a span of
 * the role's label, joined to the quote by a relation of the same name:
 * the quotation set's labels. A role span that two quotations share
 * (the same speaker, the same parts) is one span with two relations, as an
 * annotator makes it in Gloss; quotes are never shared, each quotation
 * stays one. A quotation without quote spans has nothing for its roles
 * to join, and is left out and counted. The other members of the article
 * (`documentName`, the dataset's `sentences` and `tokens`) are kept as
 * the document's metadata; Gloss splits the text itself, since the
 * dataset's sentences also end at colons. `isNested`, `hasNested`, a
 * role's `tokenIds` and a span's token `begin`/`end` are not kept: they
 * follow from the spans (and the tokens kept).
 *
 * Offsets count code points. No article of the dataset has a character
 * beyond U+FFFF, where code points and Java's or JavaScript's UTF-16
 * units part; an article that has one is read in UTF-16 units when only
 * they make every role's `text` equal its spans' texts (joined by one
 * space, in the order listed, as the dataset writes them).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-corpus.h"
#include "gloss-dataset-private.h"
#include "gloss-json.h"
#include "gloss-problem.h"
#include "gloss-text.h"

/* The roles, in the order the spans of a quotation are given; the first
 * is the quotation's own span, the others are joined to it */
static const char * const roles[] = { "quote", "speaker", "cue", "frame", "addressee" };
#define N_ROLES G_N_ELEMENTS (roles)

static const char * const types[][2] = {
  { "Direct", "direct" },
  { "Indirect", "indirect" },
  { "FreeIndirect", "free-indirect" },
  { "IndirectFreeIndirect", "indirect-free-indirect" },
  { "Reported", "reported" },
};

/* "none": the annotators gave no medium, and the quote has no attribute */
static const char * const media[][2] = {
  { "Speech", "speech" },
  { "Thought", "thought" },
  { "Writing", "writing" },
  { "ST", "speech-thought" },
  { "SW", "speech-writing" },
  { "TW", "thought-writing" },
  { "none", NULL },
};

typedef struct
{
  GArray     *parts;   /* GlossRange as the file counts them, in its order */
  const char *text;    /* nullable: the role's own text */
  char       *path;    /* $.annotations[i].ROLE */
} Role;

typedef struct
{
  Role        roles[N_ROLES];
  const char *type;    /* Gloss's value */
  const char *medium;  /* Gloss's value, or NULL for none */
  JsonNode   *node;
} Quotation;

static void
quotation_clear (Quotation *quotation)
{
  for (guint i = 0; i < N_ROLES; i++)
    {
      g_clear_pointer (&quotation->roles[i].parts, g_array_unref);
      g_free (quotation->roles[i].path);
    }
}

typedef struct
{
  GlossImporter *self;
  const char    *name;      /* the file, for messages */
  GPtrArray     *problems;  /* by JSON path */
  GlossText     *text;
  guint          bom;       /* 1 if originalText starts with U+FEFF, which Gloss does not count */
  GArray        *astral;
} Article;

/* Something the format holds that Gloss has no place for */
static void
note_dropped (Article    *article,
              const char *path,
              JsonNode   *node)
{
  g_autofree char *where = g_strdup_printf ("%s: %s", article->name, path);
  g_autofree char *example = _gloss_dataset_dup_example (node);

  _gloss_importer_note_dropped (article->self, GLOSS_DROPPED_OTHER, where, example);
}

/* Notes the members of @object that are not @known: those the format
 * does not know, which Gloss has no place for */
static void
note_unknown (Article            *article,
              JsonObject         *object,
              const char         *path,
              const char * const *known)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    {
      g_autofree char *shown = NULL;
      g_autofree char *member_path = NULL;

      if (g_strv_contains (known, l->data))
        continue;
      shown = gloss_problem_shorten (l->data);
      member_path = g_strdup_printf ("%s.%s", path, shown);
      note_dropped (article, member_path, json_object_get_member (object, l->data));
    }
}

/* A role: absent or `[]` when empty, else {"spans": […], "text": …} */
static gboolean
read_role (Article    *article,
           JsonObject *object,
           guint       role,
           Role       *out,
           const char *path)
{
  static const char * const known[] = { "spans", "text", "tokenIds", NULL };
  static const char * const span_known[] = { "charBegin", "charEnd", "begin", "end", NULL };
  JsonNode *node = json_object_get_member (object, roles[role]);
  guint n_problems = article->problems->len;
  JsonObject *role_object;
  JsonArray *spans;

  out->path = g_strdup_printf ("%s.%s", path, roles[role]);
  out->parts = g_array_new (FALSE, FALSE, sizeof (GlossRange));

  if (node == NULL || (JSON_NODE_HOLDS_ARRAY (node) && json_array_get_length (json_node_get_array (node)) == 0))
    return TRUE;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      gloss_problems_add (article->problems, out->path, _("A role must be an object with “spans”, not %s"),
                          gloss_json_type_name (node));
      return FALSE;
    }

  role_object = json_node_get_object (node);
  spans = gloss_json_get_array (role_object, "spans", out->path, article->problems);
  out->text = gloss_json_get_string (role_object, "text", out->path, FALSE, article->problems);
  note_unknown (article, role_object, out->path, known);
  if (spans == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (spans); i++)
    {
      JsonNode *span = json_array_get_element (spans, i);
      g_autofree char *span_path = g_strdup_printf ("%s.spans[%u]", out->path, i);
      GlossRange range;

      if (!JSON_NODE_HOLDS_OBJECT (span))
        {
          gloss_problems_add (article->problems, span_path,
                              _("A span must be an object with “charBegin” and “charEnd”, not %s"),
                              gloss_json_type_name (span));
          continue;
        }

      if (!gloss_json_get_uint (json_node_get_object (span), "charBegin", span_path, G_MAXINT, &range.start,
                                article->problems) ||
          !gloss_json_get_uint (json_node_get_object (span), "charEnd", span_path, G_MAXINT, &range.end,
                                article->problems))
        continue;
      note_unknown (article, json_node_get_object (span), span_path, span_known);

      if (range.start >= range.end)
        {
          gloss_problems_add (article->problems, span_path, _("The span [%u, %u) is empty or ends before it starts"),
                              range.start, range.end);
          continue;
        }
      g_array_append_val (out->parts, range);
    }

  return article->problems->len == n_problems;
}

/* The Gloss value of the member @member, by @table; a problem when it is
 * missing or not one of the table's */
static gboolean
read_code (Article          *article,
           JsonObject       *object,
           const char       *member,
           const char       *path,
           const char *const table[][2],
           guint             n,
           const char      **value)
{
  const char *code = gloss_json_get_string (object, member, path, TRUE, article->problems);
  g_autoptr(GString) known = NULL;

  if (code == NULL)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      if (strcmp (code, table[i][0]) == 0)
        {
          *value = table[i][1];
          return TRUE;
        }
    }

  known = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (known, "%s%s", i > 0 ? ", " : "", table[i][0]);

  {
    g_autofree char *shown = gloss_problem_shorten (code);
    g_autofree char *member_path = g_strdup_printf ("%s.%s", path, member);

    gloss_problems_add (article->problems, member_path, _("Unknown %s “%s”; it is one of %s"),
                        member, shown, known->str);
  }

  return FALSE;
}

static gboolean
read_quotation (Article    *article,
                JsonNode   *node,
                const char *path,
                Quotation  *out)
{
  static const char * const known[] = {
    "quote", "speaker", "cue", "frame", "addressee", "type", "medium", "id", "isNested", "hasNested", NULL
  };
  gboolean ok = TRUE;
  JsonObject *object;

  out->node = node;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      gloss_problems_add (article->problems, path, _("A quotation must be an object, not %s"),
                          gloss_json_type_name (node));
      return FALSE;
    }

  object = json_node_get_object (node);
  for (guint i = 0; i < N_ROLES; i++)
    ok &= read_role (article, object, i, &out->roles[i], path);
  ok &= read_code (article, object, "type", path, types, G_N_ELEMENTS (types), &out->type);
  ok &= read_code (article, object, "medium", path, media, G_N_ELEMENTS (media), &out->medium);
  note_unknown (article, object, path, known);

  return ok;
}

/* Offsets ----------------------------------------------------------------- */

/* @range, as the file counts it in @unit, in Gloss's code points; FALSE
 * if it is not within the text or splits a character */
static gboolean
to_code_points (Article      *article,
                GlossOffsets  unit,
                GlossRange   *range)
{
  guint start = range->start, end = range->end;

  /* A BOM the file counts (one unit, one code point) is no character of
   * Gloss's text: a span of it alone has nothing there */
  if (start >= end || end <= article->bom)
    return FALSE;
  start = MAX (start, article->bom) - article->bom;
  end -= article->bom;

  if (unit == GLOSS_OFFSETS_UTF16 && article->astral->len > 0)
    {
      start = _gloss_dataset_from_utf16 (article->text, article->astral, start);
      end = _gloss_dataset_from_utf16 (article->text, article->astral, end);
      if (start == G_MAXUINT || end == G_MAXUINT)
        return FALSE;
    }

  if (end > gloss_text_get_length (article->text) || start >= end)
    return FALSE;

  range->start = start;
  range->end = end;

  return TRUE;
}

/* The role's spans' texts as the dataset joins them, read in @unit;
 * %NULL if a span is not within the text */
static char *
dup_role_text (Article      *article,
               Role         *role,
               GlossOffsets  unit)
{
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint i = 0; i < role->parts->len; i++)
    {
      GlossRange range = g_array_index (role->parts, GlossRange, i);
      g_autofree char *slice = NULL;

      if (!to_code_points (article, unit, &range))
        return NULL;

      if (i > 0)
        g_string_append_c (joined, ' ');
      if (article->bom && g_array_index (role->parts, GlossRange, i).start == 0)
        g_string_append_unichar (joined, 0xFEFF);
      slice = gloss_text_dup_slice (article->text, range.start, range.end);
      g_string_append (joined, slice);
    }

  return g_string_free (g_steal_pointer (&joined), FALSE);
}

/* Whether every span of @quotations is within the text in @unit and
 * every role's own text is its spans' */
static gboolean
fits (Article      *article,
      GArray       *quotations,
      GlossOffsets  unit)
{
  for (guint i = 0; i < quotations->len; i++)
    {
      Quotation *quotation = &g_array_index (quotations, Quotation, i);

      for (guint r = 0; r < N_ROLES; r++)
        {
          Role *role = &quotation->roles[r];
          g_autofree char *joined = dup_role_text (article, role, unit);

          if (joined == NULL || (role->text != NULL && strcmp (joined, role->text) != 0))
            return FALSE;
        }
    }

  return TRUE;
}

/* Each span not within the text, each role whose text differs */
static void
report_misfits (Article *article,
                GArray  *quotations)
{
  guint length = gloss_text_get_length (article->text) + article->bom;

  for (guint i = 0; i < quotations->len; i++)
    {
      Quotation *quotation = &g_array_index (quotations, Quotation, i);

      for (guint r = 0; r < N_ROLES; r++)
        {
          Role *role = &quotation->roles[r];
          g_autofree char *joined = NULL;
          gboolean within = TRUE;

          for (guint j = 0; j < role->parts->len; j++)
            {
              GlossRange range = g_array_index (role->parts, GlossRange, j);

              if (!to_code_points (article, GLOSS_OFFSETS_CODE_POINTS, &range))
                {
                  g_autofree char *span_path = g_strdup_printf ("%s.spans[%u]", role->path, j);

                  gloss_problems_add (article->problems, span_path,
                                      _("The span [%u, %u) is not within the text (%u characters)"),
                                      g_array_index (role->parts, GlossRange, j).start,
                                      g_array_index (role->parts, GlossRange, j).end, length);
                  within = FALSE;
                }
            }

          if (!within || role->text == NULL)
            continue;

          joined = dup_role_text (article, role, GLOSS_OFFSETS_CODE_POINTS);
          if (strcmp (joined, role->text) != 0)
            {
              g_autofree char *text_path = g_strdup_printf ("%s.text", role->path);
              g_autofree char *shown = gloss_problem_shorten (role->text);
              g_autofree char *shown_joined = gloss_problem_shorten (joined);

              gloss_problems_add (article->problems, text_path,
                                  _("The text “%s” differs from the text at the role’s spans: “%s”"),
                                  shown, shown_joined);
            }
        }
    }
}

/* The unit the file's offsets count, or AUTO with problems when none fits */
static GlossOffsets
find_unit (Article *article,
           GArray  *quotations)
{
  if (fits (article, quotations, GLOSS_OFFSETS_CODE_POINTS))
    return GLOSS_OFFSETS_CODE_POINTS;

  /* Java's strings and JavaScript's count a character beyond U+FFFF twice */
  if (article->astral->len > 0 && fits (article, quotations, GLOSS_OFFSETS_UTF16))
    return GLOSS_OFFSETS_UTF16;

  report_misfits (article, quotations);

  return GLOSS_OFFSETS_AUTO;
}

/* Spans and relations ----------------------------------------------------- */

/* Every role's spans in Gloss's code points and in text order; spans of
 * one role that overlap (two frames of the dev split hold the same words
 * twice) cover the text once, as one part */
static void
convert_all (Article      *article,
             GArray       *quotations,
             GlossOffsets  unit)
{
  for (guint i = 0; i < quotations->len; i++)
    {
      Quotation *quotation = &g_array_index (quotations, Quotation, i);

      for (guint r = 0; r < N_ROLES; r++)
        {
          GArray *parts = quotation->roles[r].parts;
          guint n = 0;

          for (guint j = 0; j < parts->len; j++)
            to_code_points (article, unit, &g_array_index (parts, GlossRange, j));
          g_array_sort (parts, _gloss_dataset_compare_ranges);

          for (guint j = 0; j < parts->len; j++)
            {
              GlossRange range = g_array_index (parts, GlossRange, j);
              GlossRange *last = n > 0 ? &g_array_index (parts, GlossRange, n - 1) : NULL;

              if (last != NULL && range.start < last->end)
                {
                  g_autofree char *where = g_strdup_printf ("%s: %s.spans", article->name,
                                                            quotation->roles[r].path);

                  _gloss_importer_warning (article->self, where,
                                           _("The spans [%u, %u) and [%u, %u) of the %s overlap; they were "
                                             "joined into one"),
                                           last->start, last->end, range.start, range.end, roles[r]);
                  last->end = MAX (last->end, range.end);
                  continue;
                }
              g_array_index (parts, GlossRange, n++) = range;
            }
          g_array_set_size (parts, n);
        }
    }
}

/* The key of a role's span: its label and its parts, so that a role two
 * quotations share is one span */
static char *
dup_role_key (guint   role,
              GArray *parts)
{
  GString *key = g_string_new (roles[role]);

  for (guint i = 0; i < parts->len; i++)
    g_string_append_printf (key, " %u-%u", g_array_index (parts, GlossRange, i).start,
                            g_array_index (parts, GlossRange, i).end);

  return g_string_free (key, FALSE);
}

static void
add_quotations (Article *article,
                GArray  *quotations,
                GArray  *spans,
                GArray  *relations)
{
  g_autoptr(GHashTable) made = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < quotations->len; i++)
    {
      Quotation *quotation = &g_array_index (quotations, Quotation, i);
      g_autofree char *quote_key = NULL;
      GlossImportSpan *quote;

      if (quotation->roles[0].parts->len == 0)
        {
          g_autofree char *path = g_strdup_printf ("$.annotations[%u].quote", i);

          /* Its roles would join nothing */
          note_dropped (article, path, quotation->node);
          continue;
        }

      quote_key = g_strdup_printf ("quotation %u", i);
      quote = _gloss_dataset_spans_add_full (spans, (GlossRange *)quotation->roles[0].parts->data,
                                             quotation->roles[0].parts->len, roles[0], NULL, NULL, quote_key);
      quote->span_layer = TRUE;
      _gloss_import_span_add_attribute (quote, "type", quotation->type);
      if (quotation->medium != NULL)
        _gloss_import_span_add_attribute (quote, "medium", quotation->medium);

      for (guint r = 1; r < N_ROLES; r++)
        {
          Role *role = &quotation->roles[r];
          g_autofree char *key = NULL;

          if (role->parts->len == 0)
            continue;

          key = dup_role_key (r, role->parts);
          if (!g_hash_table_contains (made, key))
            {
              GlossImportSpan *span = _gloss_dataset_spans_add_full (spans, (GlossRange *)role->parts->data,
                                                                     role->parts->len, roles[r], NULL, NULL, key);

              span->span_layer = TRUE;
              g_hash_table_add (made, g_strdup (key));
            }
          _gloss_dataset_relations_add (relations, roles[r], quote_key, key, NULL, NULL);
        }
    }
}

/* An article ---------------------------------------------------------------- */

/* The document id: the file's path in the folder, without .pretty.json
 * or .json (the importer adds .txt) */
static char *
dup_document_id (const char *path)
{
  if (g_str_has_suffix (path, ".pretty.json"))
    return g_strndup (path, strlen (path) - strlen (".pretty.json"));
  if (g_str_has_suffix (path, ".json"))
    return g_strndup (path, strlen (path) - strlen (".json"));

  return g_strdup (path);
}

static void
forward_problems (Article *article)
{
  for (guint i = 0; i < article->problems->len; i++)
    {
      GlossProblem *problem = g_ptr_array_index (article->problems, i);
      g_autofree char *where = g_strdup_printf ("%s: %s", article->name, problem->path ? problem->path : "$");

      _gloss_importer_problem (article->self, where, "%s", problem->message);
    }
}

/* @error: (nullable): where a file that cannot be read or parsed is
 * reported when it is the whole input; else it is a problem */
static gboolean
import_article (GlossImporter  *self,
                GFile          *root,
                GFile          *file,
                GCancellable   *cancellable,
                GError        **error)
{
  static const char * const not_meta[] = { "originalText", "annotations", NULL };
  g_autofree char *path = root != NULL ? gloss_corpus_dup_id (root, file) : g_file_get_basename (file);
  /* A name that is not UTF-8 gets an id that gives it back */
  g_autofree char *name = g_utf8_validate (path, -1, NULL) ? g_strdup (path) : gloss_corpus_escape_id (path);
  g_autofree char *id = dup_document_id (name);
  g_autoptr(GPtrArray) problems = gloss_problems_new ();
  g_autoptr(GArray) quotations = g_array_new (FALSE, TRUE, sizeof (Quotation));
  g_autoptr(GArray) spans = _gloss_dataset_spans_new ();
  g_autoptr(GArray) relations = _gloss_dataset_relations_new ();
  g_autoptr(GArray) astral = NULL;
  g_autoptr(GlossText) text = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) load_error = NULL;
  Article article = { self, name, problems, NULL, 0, NULL };
  const char *original;
  JsonObject *object;
  JsonArray *annotations;
  GlossOffsets unit;

  g_array_set_clear_func (quotations, (GDestroyNotify)quotation_clear);

  node = _gloss_dataset_load_json (file, cancellable, &load_error);
  if (node == NULL && error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&load_error));
      return FALSE;
    }
  if (node == NULL)
    {
      _gloss_importer_problem (self, name, "%s", load_error->message);
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      gloss_problems_add (article.problems, "$", _("An article must be a JSON object, not %s"),
                          gloss_json_type_name (node));
      forward_problems (&article);
      return TRUE;
    }

  object = json_node_get_object (node);
  original = gloss_json_get_string (object, "originalText", "$", TRUE, problems);
  annotations = gloss_json_get_array (object, "annotations", "$", problems);
  if (original != NULL)
    {
      text = gloss_text_new (original, -1, &load_error);
      if (text == NULL)
        gloss_problems_add (article.problems, "$.originalText", "%s", load_error->message);
    }
  if (text == NULL || annotations == NULL)
    {
      forward_problems (&article);
      return TRUE;
    }

  article.text = text;
  article.bom = gloss_text_get_has_bom (text) ? 1 : 0;
  astral = _gloss_dataset_find_astral (text);
  article.astral = astral;

  g_array_set_size (quotations, json_array_get_length (annotations));
  for (guint i = 0; i < quotations->len; i++)
    {
      g_autofree char *quotation_path = g_strdup_printf ("$.annotations[%u]", i);

      read_quotation (&article, json_array_get_element (annotations, i), quotation_path,
                      &g_array_index (quotations, Quotation, i));
    }
  if (problems->len > 0)
    {
      forward_problems (&article);
      return TRUE;
    }

  unit = find_unit (&article, quotations);
  if (unit == GLOSS_OFFSETS_AUTO)
    {
      forward_problems (&article);
      return TRUE;
    }

  convert_all (&article, quotations, unit);
  add_quotations (&article, quotations, spans, relations);
  _gloss_importer_add_spans (self, id, text, NULL, NULL, spans, relations, _gloss_dataset_dup_meta (object, not_meta),
                             name);

  return TRUE;
}

/* Gloss's own files beside the articles are no articles */
static gboolean
is_gloss_file (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return g_str_has_suffix (basename, ".gloss.json") || strcmp (basename, "gloss-project.json") == 0;
}

static gboolean
wikinews_quotes_read (GlossImporter  *self,
                      GFile          *input,
                      GCancellable   *cancellable,
                      GError        **error)
{
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) problems = gloss_problems_new ();
  guint n = 0;

  if (g_file_query_file_type (input, G_FILE_QUERY_INFO_NONE, cancellable) != G_FILE_TYPE_DIRECTORY)
    return import_article (self, NULL, input, cancellable, error);

  files = gloss_corpus_find_files (input, ".json", problems, cancellable);
  for (guint i = 0; i < problems->len; i++)
    {
      GlossProblem *problem = g_ptr_array_index (problems, i);

      _gloss_importer_problem (self, problem->file, "%s", problem->message);
    }

  for (guint i = 0; i < files->len; i++)
    {
      GFile *file = g_ptr_array_index (files, i);

      if (is_gloss_file (file))
        continue;
      import_article (self, input, file, cancellable, NULL);
      n++;
    }

  if (n == 0 && problems->len == 0)
    {
      g_autofree char *name = gloss_corpus_dup_display_name (input);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("“%s” holds no article (.json file)"), name);
      return FALSE;
    }

  return TRUE;
}

const GlossDatasetFormat _gloss_dataset_wikinews_quotes = {
  .name = "wikinews-quotes",
  .folder = TRUE,
  .carries = GLOSS_DATASET_CARRIES_META,
  .labels = "quotation",
  .read = wikinews_quotes_read,
};
