/* test-labels.c
 *
 * Label sets with sentence, span and relation labels: the built-in sets,
 * reading with every check, writing, copying, and the project file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "gloss-json.h"
#include "gloss-label.h"
#include "gloss-label-set.h"
#include "gloss-problem.h"
#include "gloss-project.h"

/* Reads {"labels": [...], "relation_labels": [...]} and returns the
 * problems as "path: message; …" */
static char *
read_set (const char     *json,
          GlossLabelSet **out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = gloss_json_parse (json, -1, &error);
  g_autoptr(GPtrArray) problems = gloss_problems_new ();
  g_autoptr(GlossLabelSet) labels = NULL;
  GString *found = g_string_new (NULL);
  JsonObject *object;

  g_assert_no_error (error);
  object = json_node_get_object (root);
  labels = gloss_label_set_new_from_object (object, "$", problems);
  for (guint p = 0; p < problems->len; p++)
    {
      GlossProblem *problem = g_ptr_array_index (problems, p);

      g_string_append_printf (found, "%s%s: %s", p ? "; " : "", problem->path, problem->message);
    }
  g_assert_true ((labels == NULL) == (problems->len > 0));

  if (out != NULL)
    *out = g_steal_pointer (&labels);

  return g_string_free (found, FALSE);
}

static void
test_builtin (void)
{
  const char * const *ids = gloss_label_set_list_builtin ();
  g_autoptr(GlossLabelSet) quotation = NULL;
  g_autoptr(GlossLabelSet) copy = NULL;
  GlossLabelSet *relations;
  GlossLabel *quote, *speaker;
  const char *shortcut_keys[] = { "q", "s", "c", "f", "a" };
  g_autoptr(GHashTable) colors = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpstr (ids[0], ==, "default");
  g_assert_cmpstr (ids[1], ==, "quotation");
  g_assert_null (ids[2]);
  g_assert_cmpstr (gloss_label_set_get_builtin_name ("quotation"), ==, "Quotation attribution");
  g_assert_null (gloss_label_set_get_builtin_name ("rumours"));
  g_assert_null (gloss_label_set_new_builtin ("rumours"));

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(GlossLabelSet) set = gloss_label_set_new_builtin (ids[i]);

      g_assert_nonnull (set);
      g_assert_nonnull (gloss_label_set_get_builtin_name (ids[i]));
    }

  /* The default set stays sentence labels only: its files stay version 1 */
  {
    g_autoptr(GlossLabelSet) set = gloss_label_set_new_default ();

    g_assert_true (gloss_label_set_is_sentence_only (set));
    g_assert_cmpuint (gloss_label_set_get_n_labels (gloss_label_set_get_relation_labels (set)), ==, 0);
  }

  quotation = gloss_label_set_new_builtin ("quotation");
  g_assert_false (gloss_label_set_is_sentence_only (quotation));
  g_assert_cmpuint (gloss_label_set_get_n_labels (quotation), ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      GlossLabel *label = gloss_label_set_get_label (quotation, i);

      g_assert_cmpint (gloss_label_get_scope (label), ==, GLOSS_LABEL_SCOPE_SPAN);
      g_assert_cmpstr (gloss_label_get_key (label), ==, shortcut_keys[i]);
      g_assert_true (gloss_label_color_is_valid (gloss_label_get_color (label)));
      /* told apart by colour, too */
      g_assert_true (g_hash_table_add (colors, (gpointer)gloss_label_get_color (label)));
      g_assert_cmpstr (gloss_label_get_description (label), !=, "");
    }

  quote = gloss_label_set_lookup (quotation, "quote");
  g_assert_cmpuint (gloss_label_get_n_attributes (quote), ==, 2);
  g_assert_cmpstr (gloss_label_get_attribute_name (quote, 0), ==, "type");
  g_assert_cmpstr (gloss_label_get_attribute_name (quote, 1), ==, "medium");
  g_assert_cmpint (gloss_label_find_attribute (quote, "medium"), ==, 1);
  g_assert_cmpint (gloss_label_find_attribute (quote, "tone"), ==, -1);
  g_assert_cmpuint (g_strv_length ((GStrv)gloss_label_get_attribute_values (quote, 0)), ==, 5);
  g_assert_cmpuint (g_strv_length ((GStrv)gloss_label_get_attribute_values (quote, 1)), ==, 6);
  g_assert_true (gloss_label_has_value (quote, "type", "indirect-free-indirect"));
  g_assert_true (gloss_label_has_value (quote, "medium", "thought-writing"));
  /* the dataset's medium "none" is left out, not a value */
  g_assert_false (gloss_label_has_value (quote, "medium", "none"));

  /* A span label "speaker" and a relation label "speaker": two namespaces */
  relations = gloss_label_set_get_relation_labels (quotation);
  g_assert_null (gloss_label_set_get_relation_labels (relations));
  g_assert_cmpuint (gloss_label_set_get_n_labels (relations), ==, 4);
  speaker = gloss_label_set_lookup (relations, "speaker");
  g_assert_cmpint (gloss_label_get_scope (speaker), ==, GLOSS_LABEL_SCOPE_RELATION);
  g_assert_true (gloss_label_set_lookup (quotation, "speaker") != speaker);
  g_assert_true (gloss_label_joins (speaker, "quote", "speaker"));
  g_assert_false (gloss_label_joins (speaker, "speaker", "quote"));
  g_assert_false (gloss_label_joins (speaker, "quote", "cue"));
  for (guint i = 0; i < 4; i++)
    {
      GlossLabel *relation = gloss_label_set_get_label (relations, i);

      g_assert_true (gloss_label_joins (relation, "quote", gloss_label_get_id (relation)));
    }

  /* Two loads are two sets, equal, that do not share labels */
  copy = gloss_label_set_new_builtin ("quotation");
  g_assert_true (gloss_label_set_equal (quotation, copy));
  g_assert_true (gloss_label_set_lookup (copy, "quote") != quote);
  gloss_label_set_remove (gloss_label_set_get_relation_labels (copy), "frame");
  g_assert_false (gloss_label_set_equal (quotation, copy));
}

/* The built-in names and descriptions are shown translated, a project's
 * own are not: checked by what is translated, in the C locale */
static void
test_display (void)
{
  g_autoptr(GlossLabelSet) quotation = gloss_label_set_new_builtin ("quotation");
  g_autoptr(GlossLabel) own = gloss_label_new_with_scope (GLOSS_LABEL_SCOPE_SPAN, "speaker", "Sprecher", NULL, NULL,
                                                          "Wer spricht");
  GlossLabel *cue = gloss_label_set_lookup (quotation, "cue");

  g_assert_cmpstr (gloss_label_get_display_name (cue), ==, "Cue");
  g_assert_true (g_str_has_prefix (gloss_label_get_display_description (cue), "The words that mark"));
  g_assert_cmpstr (gloss_label_get_display_name (own), ==, "Sprecher");
  g_assert_cmpstr (gloss_label_get_display_description (own), ==, "Wer spricht");
}

/* The built-in quote's attribute names and values are shown translated;
 * a project's own label keeps its ids as they are */
static void
test_attribute_display (void)
{
  g_autoptr(GlossLabelSet) quotation = gloss_label_set_new_builtin ("quotation");
  g_autoptr(GlossLabel) own = gloss_label_new_with_scope (GLOSS_LABEL_SCOPE_SPAN, "quote", "Zitat", NULL, NULL, NULL);
  GlossLabel *quote = gloss_label_set_lookup (quotation, "quote");
  const char *unknown = "mixed";
  const char *direct = "direct";

  g_assert_true (gloss_label_add_attribute (own, "type", (const char *[]) { "direct", NULL }));
  g_assert_true (gloss_label_get_attribute_display (quote, unknown) == unknown);
  g_assert_true (gloss_label_get_attribute_display (own, direct) == direct);
  g_assert_null (gloss_label_get_attribute_display (quote, NULL));

  /* In German, when the translations and the locale are there */
  if (g_getenv ("GLOSS_LOCALEDIR") != NULL && setlocale (LC_ALL, "de_DE.UTF-8") != NULL)
    {
      g_autofree char *language = g_strdup (g_getenv ("LANGUAGE"));

      g_setenv ("LANGUAGE", "de", TRUE);
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("GLOSS_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      g_assert_cmpstr (gloss_label_get_attribute_display (quote, "direct"), ==, "direkt");
      g_assert_cmpstr (gloss_label_get_attribute_display (quote, "medium"), ==, "Medium");
      g_assert_cmpstr (gloss_label_get_attribute_display (quote, "speech-writing"), ==, "gesprochen/geschrieben");
      g_assert_cmpstr (gloss_label_get_attribute_display (own, "direct"), ==, "direct");
      if (language != NULL)
        g_setenv ("LANGUAGE", language, TRUE);
      else
        g_unsetenv ("LANGUAGE");
      setlocale (LC_ALL, "C.UTF-8");
    }
  else
    g_assert_cmpstr (gloss_label_get_attribute_display (quote, "direct"), ==, "direct");
}

/* Written and read again: the same set, the same bytes */
static void
test_json_round_trip (void)
{
  g_autoptr(GlossLabelSet) quotation = gloss_label_set_new_builtin ("quotation");
  g_autoptr(GlossLabelSet) again = NULL;
  g_autoptr(GString) labels = g_string_new (NULL);
  g_autoptr(GString) relations = g_string_new (NULL);
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GString) rewritten = g_string_new (NULL);
  g_autofree char *problems = NULL;

  gloss_label_set_append_json (quotation, labels, "  ");
  gloss_label_set_append_json (gloss_label_set_get_relation_labels (quotation), relations, "  ");

  g_assert_nonnull (strstr (labels->str,
                            "\"key\": \"q\", \"description\": \"The words of a quotation: "));
  g_assert_nonnull (strstr (labels->str,
                            "\"scope\": \"span\", \"attributes\": [{\"name\": \"type\", \"values\": [\"direct\", "
                            "\"indirect\", \"free-indirect\", \"indirect-free-indirect\", \"reported\"]}, "
                            "{\"name\": \"medium\", \"values\": [\"speech\", \"thought\", \"writing\", "
                            "\"speech-thought\", \"speech-writing\", \"thought-writing\"]}]},\n"));
  /* A span label without attributes has none written */
  g_assert_nonnull (strstr (labels->str, "a pronoun.\", \"scope\": \"span\"},\n"));
  /* A relation label without a key has none written */
  g_assert_nonnull (strstr (relations->str,
                            "{\"id\": \"speaker\", \"name\": \"Speaker\", \"color\": \"#e66100\", "
                            "\"description\": \"Joins a quote to its speaker.\", \"from\": [\"quote\"], "
                            "\"to\": [\"speaker\"]},\n"));

  g_string_printf (json, "{\"labels\": %s, \"relation_labels\": %s}", labels->str, relations->str);
  problems = read_set (json->str, &again);
  g_assert_cmpstr (problems, ==, "");
  g_assert_true (gloss_label_set_equal (quotation, again));
  gloss_label_set_append_json (again, rewritten, "  ");
  g_assert_cmpstr (rewritten->str, ==, labels->str);

  /* A copy is equal and apart */
  {
    g_autoptr(GlossLabelSet) copy = gloss_label_set_copy (quotation);
    GlossLabel *quote = gloss_label_set_lookup (copy, "quote");

    g_assert_true (gloss_label_set_equal (quotation, copy));
    g_assert_cmpuint (gloss_label_get_n_attributes (quote), ==, 2);
    g_assert_true (gloss_label_joins (gloss_label_set_lookup (gloss_label_set_get_relation_labels (copy), "cue"),
                                      "quote", "cue"));
    gloss_label_set_color (quote, "#000000");
    g_assert_false (gloss_label_set_equal (quotation, copy));
  }
}

typedef struct
{
  const char *json;
  const char *problems;
} ProblemCase;

/* Every check of a label set, with its path */
static const ProblemCase problem_cases[] = {
  /* a sentence label stays as version 1 wrote it */
  { "{\"labels\": [{\"id\": \"claim\", \"scope\": \"sentence\"}]}", "" },
  { "{\"labels\": [{\"id\": \"quote\", \"scope\": \"passage\"}]}",
    "$.labels[0].scope: The scope “passage” of label “quote” is none of “sentence”, “span” and “relation”" },
  { "{\"labels\": [{\"id\": \"quote\", \"scope\": 3}]}",
    "$.labels[0].scope: “scope” must be a string, not a number" },
  { "{\"labels\": [{\"id\": \"speaker\", \"scope\": \"relation\"}]}",
    "$.labels[0].scope: The label “speaker” is a relation label: relation labels belong in “relation_labels”" },
  { "{\"labels\": [{\"id\": \"quote\", \"scope\": \"span\"}], "
    "\"relation_labels\": [{\"id\": \"cue\", \"scope\": \"span\", \"from\": [\"quote\"], \"to\": [\"quote\"]}]}",
    "$.relation_labels[0].scope: The label “cue” has the scope “span”: only relation labels belong in "
    "“relation_labels”" },
  { "{\"labels\": [{\"id\": \"claim\", \"attributes\": []}]}",
    "$.labels[0].attributes: The label “claim” is a sentence label: only span labels have attributes" },
  { "{\"labels\": [{\"id\": \"quote\", \"scope\": \"span\", \"attributes\": {\"type\": 1}}]}",
    "$.labels[0].attributes: “attributes” must be a list, not an object" },
  { "{\"labels\": [{\"id\": \"quote\", \"scope\": \"span\", \"attributes\": [\"type\"]}]}",
    "$.labels[0].attributes[0]: An attribute must be an object, not a string" },
  { "{\"labels\": [{\"id\": \"quote\", \"scope\": \"span\", \"attributes\": [{\"name\": \"Type\", "
    "\"values\": [\"direct\"]}]}]}",
    "$.labels[0].attributes[0]: The attribute name “Type” is not valid: use lower-case letters, digits, “-” and "
    "“_”, starting with a letter" },
  { "{\"labels\": [{\"id\": \"quote\", \"scope\": \"span\", \"attributes\": [{\"name\": \"type\", "
    "\"values\": [\"direct\"]}, {\"name\": \"type\", \"values\": [\"indirect\"]}]}]}",
    "$.labels[0].attributes[1]: The label “quote” declares the attribute “type” twice" },
  { "{\"labels\": [{\"id\": \"quote\", \"scope\": \"span\", \"attributes\": [{\"name\": \"type\", "
    "\"values\": [\"direct\", \"Free indirect\", \"direct\", 4]}]}]}",
    "$.labels[0].attributes[0].values[1]: “Free indirect” is not valid: use lower-case letters, digits, “-” and "
    "“_”, starting with a letter; "
    "$.labels[0].attributes[0].values[2]: “direct” is given twice; "
    "$.labels[0].attributes[0].values[3]: A value must be a string, not a number" },
  { "{\"labels\": [{\"id\": \"quote\", \"scope\": \"span\", \"attributes\": [{\"name\": \"type\", "
    "\"values\": []}]}]}",
    "$.labels[0].attributes[0].values: “values” must name at least one value" },
  { "{\"labels\": [{\"id\": \"quote\", \"scope\": \"span\", \"attributes\": [{\"name\": \"type\"}]}]}",
    "$.labels[0].attributes[0].values: “values” is missing" },
  { "{\"labels\": [{\"id\": \"quote\", \"scope\": \"span\", \"attributes\": [{\"name\": \"type\", "
    "\"values\": [\"direct\"], \"default\": \"direct\"}]}]}",
    "$.labels[0].attributes[0].default: Unknown field “default”" },
  /* keys: unique among sentence and span labels, which share their ids */
  { "{\"labels\": [{\"id\": \"quote\", \"key\": \"q\"}, {\"id\": \"quotation\", \"scope\": \"span\", "
    "\"key\": \"q\"}]}",
    "$.labels[1]: The key “q” of label “quotation” is used by another label" },
  { "{\"labels\": [{\"id\": \"quote\"}, {\"id\": \"quote\", \"scope\": \"span\"}]}",
    "$.labels[1]: The label id “quote” is used twice" },
  /* relation labels: their own ids and keys */
  { "{\"labels\": [{\"id\": \"quote\", \"scope\": \"span\", \"key\": \"s\"}, {\"id\": \"speaker\", "
    "\"scope\": \"span\"}], \"relation_labels\": [{\"id\": \"speaker\", \"key\": \"s\", \"from\": [\"quote\"], "
    "\"to\": [\"speaker\"]}, {\"id\": \"said\", \"key\": \"s\", \"from\": [\"quote\"], \"to\": [\"speaker\"]}]}",
    "$.relation_labels[1]: The key “s” of label “said” is used by another label" },
  { "{\"labels\": [{\"id\": \"quote\", \"scope\": \"span\"}], \"relation_labels\": [{\"id\": \"said\", "
    "\"from\": [\"quote\"], \"to\": [\"quote\"]}, {\"id\": \"said\", \"from\": [\"quote\"], \"to\": [\"quote\"]}]}",
    "$.relation_labels[1]: The label id “said” is used twice" },
  { "{\"labels\": [{\"id\": \"claim\"}, {\"id\": \"quote\", \"scope\": \"span\"}], \"relation_labels\": ["
    "{\"id\": \"speaker\", \"from\": [\"quote\"], \"to\": [\"speaker\", \"claim\"]}]}",
    "$.relation_labels[0].to[0]: The relation label “speaker” names the label “speaker”, which is not in the "
    "label set; "
    "$.relation_labels[0].to[1]: The relation label “speaker” names the label “claim”, which is not a span label" },
  { "{\"labels\": [{\"id\": \"quote\", \"scope\": \"span\"}], \"relation_labels\": [{\"id\": \"speaker\", "
    "\"to\": [\"quote\"]}]}",
    "$.relation_labels[0].from: “from” is missing" },
  { "{\"labels\": [{\"id\": \"quote\", \"scope\": \"span\"}], \"relation_labels\": [{\"id\": \"speaker\", "
    "\"from\": [], \"to\": [\"quote\", \"quote\"]}]}",
    "$.relation_labels[0].from: “from” must name at least one value; "
    "$.relation_labels[0].to[1]: “quote” is given twice" },
  { "{\"labels\": [{\"id\": \"quote\", \"scope\": \"span\"}], \"relation_labels\": [{\"id\": \"speaker\", "
    "\"from\": [\"quote\"], \"to\": [\"quote\"], \"attributes\": []}]}",
    "$.relation_labels[0].attributes: Unknown field “attributes”" },
  { "{\"labels\": [{\"id\": \"quote\", \"scope\": \"span\", \"from\": [\"quote\"]}]}",
    "$.labels[0].from: Unknown field “from”" },
  /* codebook entries */
  { "{\"labels\": [{\"id\": \"claim\", \"codebook\": [\"rule\"]}]}",
    "$.labels[0].codebook: A codebook entry must be an object, not a list" },
  { "{\"labels\": [{\"id\": \"claim\", \"codebook\": {\"include\": \"rule\", \"counterexamples\": []}}]}",
    "$.labels[0].codebook.counterexamples: Unknown field “counterexamples”; "
    "$.labels[0].codebook.include: “include” must be a list, not a string" },
  { "{\"labels\": [{\"id\": \"claim\", \"codebook\": {\"examples\": [\"one\", 2, \"\", \"a\\r\\nb\"]}}]}",
    "$.labels[0].codebook.examples[1]: A value must be a string, not a number; "
    "$.labels[0].codebook.examples[2]: A rule or an example is one line of 1 to 2000 characters, not empty; "
    "$.labels[0].codebook.examples[3]: A rule or an example is one line of 1 to 2000 characters, not empty" },
  { "{\"labels\": [{\"id\": \"quote\", \"scope\": \"span\"}], \"relation_labels\": [{\"id\": \"said\", "
    "\"from\": [\"quote\"], \"to\": [\"quote\"], \"codebook\": {\"exclude\": [true]}}]}",
    "$.relation_labels[0].codebook.exclude[0]: A value must be a string, not true or false" },
  { "{\"labels\": [], \"relation_labels\": [{\"id\": \"Said By\", \"from\": [\"quote\"], \"to\": [\"quote\"]}]}",
    "$.relation_labels[0]: The label id “Said By” is not valid: use lower-case letters, digits, “-” and “_”, "
    "starting with a letter" },
};

static void
test_problems (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (problem_cases); i++)
    {
      g_autofree char *problems = read_set (problem_cases[i].json, NULL);

      g_test_message ("case %u", i);
      g_assert_cmpstr (problems, ==, problem_cases[i].problems);
    }
}

/* The limits of issue 10 hold for span and relation labels: names of up
 * to 200 characters, at most 10 000 labels in all; and a span label's
 * attributes and values are bounded too */
static void
test_limits (void)
{
  g_autofree char *long_name = g_strnfill (GLOSS_LABEL_MAX_NAME_LENGTH + 1, 'x');
  g_autofree char *json = NULL;
  g_autofree char *problems = NULL;
  g_autoptr(GString) many = g_string_new ("{\"labels\": [{\"id\": \"quote\", \"scope\": \"span\"}], "
                                          "\"relation_labels\": [");

  json = g_strdup_printf ("{\"labels\": [{\"id\": \"quote\", \"scope\": \"span\"}], \"relation_labels\": "
                          "[{\"id\": \"speaker\", \"name\": \"%s\", \"from\": [\"quote\"], \"to\": [\"quote\"]}]}",
                          long_name);
  problems = read_set (json, NULL);
  g_assert_true (g_str_has_prefix (problems, "$.relation_labels[0]: The name “xxxxxxxxxx"));
  g_assert_true (g_str_has_suffix (problems, "…” of label “speaker” is 201 characters long; "
                                             "Gloss accepts names of up to 200"));

  for (guint i = 0; i < GLOSS_LABEL_SET_MAX_LABELS; i++)
    g_string_append_printf (many, "%s{\"id\": \"r%u\", \"from\": [\"quote\"], \"to\": [\"quote\"]}", i ? ", " : "", i);
  g_string_append (many, "]}");
  g_free (problems);
  problems = read_set (many->str, NULL);
  g_assert_cmpstr (problems, ==, "$.relation_labels: The label set has 10001 labels; Gloss accepts at most 10000");

  g_string_assign (many, "{\"labels\": [{\"id\": \"quote\", \"scope\": \"span\", \"attributes\": [");
  for (guint i = 0; i <= GLOSS_LABEL_MAX_ATTRIBUTES; i++)
    g_string_append_printf (many, "%s{\"name\": \"a%u\", \"values\": [\"v\"]}", i ? ", " : "", i);
  g_string_append (many, "]}]}");
  g_free (problems);
  problems = read_set (many->str, NULL);
  g_assert_cmpstr (problems, ==, "$.labels[0].attributes: The label “quote” has 101 attributes; Gloss accepts at most 100");

  g_string_assign (many, "{\"labels\": [{\"id\": \"quote\", \"scope\": \"span\", \"attributes\": [{\"name\": \"a\", "
                         "\"values\": [");
  for (guint i = 0; i <= GLOSS_LABEL_MAX_VALUES; i++)
    g_string_append_printf (many, "%s\"v%u\"", i ? ", " : "", i);
  g_string_append (many, "]}]}]}");
  g_free (problems);
  problems = read_set (many->str, NULL);
  g_assert_cmpstr (problems, ==, "$.labels[0].attributes[0].values: “values” has 1001 values; Gloss accepts at most 1000");

  g_string_assign (many, "{\"labels\": [{\"id\": \"claim\", \"codebook\": {\"include\": [");
  for (guint i = 0; i <= GLOSS_CODEBOOK_MAX_ITEMS; i++)
    g_string_append_printf (many, "%s\"rule %u\"", i ? ", " : "", i);
  g_string_append (many, "]}}]}");
  g_free (problems);
  problems = read_set (many->str, NULL);
  g_assert_cmpstr (problems, ==, "$.labels[0].codebook.include: “include” has 101 entries; Gloss accepts at most 100");

  {
    g_autofree char *item = g_strnfill (GLOSS_CODEBOOK_MAX_ITEM_LENGTH, 'x');

    g_string_printf (many, "{\"labels\": [{\"id\": \"claim\", \"codebook\": {\"examples\": [\"%s\", \"%sy\"]}}]}",
                     item, item);
    g_free (problems);
    problems = read_set (many->str, NULL);
    g_assert_cmpstr (problems, ==, "$.labels[0].codebook.examples[1]: A rule or an example is one line of 1 to 2000 "
                                   "characters, not empty");
  }
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_file_get_contents (path, &data, NULL, &error);
  g_assert_no_error (error);

  return data;
}

/* A label's codebook entry: read and written in a fixed order, only the
 * lists that have items; every label kind may have one; a copy has it */
static void
test_codebook (void)
{
  const char *json =
    "{\"labels\": [{\"id\": \"claim\", \"codebook\": {\"examples\": [\"Die Stadt hat 😊 „bald“ 300 000 Einwohner.\"], "
    "\"include\": [\"A checkable statement\", \"Numbers, dates\"]}}, "
    "{\"id\": \"quote\", \"scope\": \"span\", \"codebook\": {\"exclude\": [\"Titles in quotation marks\"], "
    "\"negative_examples\": [\"„Faust“ ist ein Drama.\"]}}, {\"id\": \"speaker\", \"scope\": \"span\", "
    "\"codebook\": {}}], \"relation_labels\": [{\"id\": \"said\", \"from\": [\"quote\"], \"to\": [\"speaker\"], "
    "\"codebook\": {\"include\": [\"The speaker the text names\"]}}]}";
  g_autoptr(GlossLabelSet) labels = NULL;
  g_autoptr(GlossLabelSet) copy = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *problems = read_set (json, &labels);
  GlossLabel *claim;

  g_assert_cmpstr (problems, ==, "");
  claim = gloss_label_set_lookup (labels, "claim");
  g_assert_true (gloss_label_has_codebook (claim));
  g_assert_false (gloss_label_has_codebook (gloss_label_set_lookup (labels, "speaker")));
  g_assert_cmpstr (gloss_label_get_codebook (claim, GLOSS_CODEBOOK_INCLUDE)[1], ==, "Numbers, dates");
  g_assert_null (gloss_label_get_codebook (claim, GLOSS_CODEBOOK_EXCLUDE)[0]);

  gloss_label_set_append_json (labels, out, "  ");
  gloss_label_set_append_json (gloss_label_set_get_relation_labels (labels), out, "  ");
  g_assert_cmpstr (out->str, ==,
                   "[\n"
                   "    {\"id\": \"claim\", \"name\": \"claim\", \"color\": \"#9a9996\", \"key\": \"\", \"description\": \"\", "
                   "\"codebook\": {\"include\": [\"A checkable statement\", \"Numbers, dates\"], "
                   "\"examples\": [\"Die Stadt hat 😊 „bald“ 300 000 Einwohner.\"]}},\n"
                   "    {\"id\": \"quote\", \"name\": \"quote\", \"color\": \"#9a9996\", \"key\": \"\", \"description\": \"\", "
                   "\"scope\": \"span\", \"codebook\": {\"exclude\": [\"Titles in quotation marks\"], "
                   "\"negative_examples\": [\"„Faust“ ist ein Drama.\"]}},\n"
                   "    {\"id\": \"speaker\", \"name\": \"speaker\", \"color\": \"#9a9996\", \"key\": \"\", "
                   "\"description\": \"\", \"scope\": \"span\"}\n"
                   "  ]"
                   "[\n"
                   "    {\"id\": \"said\", \"name\": \"said\", \"color\": \"#9a9996\", \"description\": \"\", "
                   "\"from\": [\"quote\"], \"to\": [\"speaker\"], \"codebook\": {\"include\": [\"The speaker the text names\"]}}\n"
                   "  ]");

  /* A copy has it, and a change is a difference */
  copy = gloss_label_set_copy (labels);
  g_assert_true (gloss_label_set_equal (labels, copy));
  gloss_label_set_codebook (gloss_label_set_lookup (copy, "claim"), GLOSS_CODEBOOK_INCLUDE, NULL);
  g_assert_false (gloss_label_set_equal (labels, copy));
  g_assert_false (gloss_label_has_codebook (gloss_label_set_lookup (copy, "claim")) &&
                  gloss_label_get_codebook (gloss_label_set_lookup (copy, "claim"), GLOSS_CODEBOOK_INCLUDE)[0] != NULL);

  g_assert_true (gloss_codebook_item_is_valid ("Ein Beispiel 😊"));
  g_assert_false (gloss_codebook_item_is_valid (""));
  g_assert_false (gloss_codebook_item_is_valid (" \t"));
  g_assert_false (gloss_codebook_item_is_valid ("two\r\nlines"));
  g_assert_false (gloss_codebook_item_is_valid ("two\xe2\x80\xa8lines"));
}

/* The codebook fixture (tests/data/codebook) is as Gloss writes it: read
 * and written again, the labels editor's path, it is the same bytes */
static void
test_codebook_project (void)
{
  const char *fixture = g_test_get_filename (G_TEST_DIST, "data", "codebook", GLOSS_PROJECT_FILE_NAME, NULL);
  g_autoptr(GFile) source = g_file_new_for_path (fixture);
  g_autofree char *tmpdir = g_dir_make_tmp ("gloss-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (tmpdir, GLOSS_PROJECT_FILE_NAME, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) problems = gloss_problems_new ();
  g_autoptr(GlossLabelSet) labels = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *written = NULL;

  labels = gloss_project_load_labels (source, problems, NULL);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpstr (gloss_label_get_codebook (gloss_label_set_lookup (labels, "claim"), GLOSS_CODEBOOK_EXAMPLES)[0],
                   ==, "Die Stadt hat 300 000 Einwohner 😊.");
  g_assert_true (gloss_project_save_labels (file, labels, &error));
  g_assert_no_error (error);
  expected = read_file (fixture);
  written = read_file (path);
  g_assert_cmpstr (written, ==, expected);

  g_remove (path);
  g_rmdir (tmpdir);
}

/* gloss-project.json: version 1 while the set has sentence labels only,
 * version 2 with the relation labels otherwise; both read back equal */
static void
test_project (void)
{
  g_autofree char *tmpdir = g_dir_make_tmp ("gloss-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (tmpdir, GLOSS_PROJECT_FILE_NAME, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  const char *sets[] = { "default", "quotation" };

  for (guint i = 0; i < G_N_ELEMENTS (sets); i++)
    {
      g_autoptr(GlossLabelSet) set = gloss_label_set_new_builtin (sets[i]);
      g_autoptr(GlossLabelSet) read = NULL;
      g_autoptr(GPtrArray) problems = gloss_problems_new ();
      g_autofree char *data = NULL;

      g_assert_true (gloss_project_save_labels (file, set, &error));
      g_assert_no_error (error);
      data = read_file (path);
      g_assert_true (g_str_has_prefix (data, i == 0 ? "{\n  \"format\": \"gloss-project\",\n  \"version\": 1,\n"
                                                    : "{\n  \"format\": \"gloss-project\",\n  \"version\": 2,\n"));
      g_assert_true ((strstr (data, "\"relation_labels\"") != NULL) == (i == 1));

      read = gloss_project_load_labels (file, problems, NULL);
      g_assert_cmpuint (problems->len, ==, 0);
      g_assert_true (gloss_label_set_equal (set, read));
    }

  /* A version 1 file with span labels is a problem, as is a newer one */
  {
    const struct { const char *json; const char *problem; } cases[] = {
      { "{\"format\": \"gloss-project\", \"version\": 1, \"labels\": [{\"id\": \"quote\", \"scope\": \"span\"}]}",
        "$.version: The file is of version 1, but span and relation labels need version 2" },
      { "{\"format\": \"gloss-project\", \"version\": 3, \"labels\": []}",
        "$.version: The file is of version 3, which this Gloss does not read: update Gloss" },
      { "{\"format\": \"gloss-project\", \"version\": 2, \"labels\": [], \"relation_labels\": {}}",
        "$.relation_labels: “relation_labels” must be a list, not an object" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autoptr(GPtrArray) problems = gloss_problems_new ();
        g_autoptr(GlossLabelSet) read = NULL;
        GlossProblem *problem;
        g_autofree char *line = NULL;

        g_assert_true (g_file_set_contents (path, cases[i].json, -1, &error));
        read = gloss_project_load_labels (file, problems, NULL);
        g_assert_null (read);
        g_assert_cmpuint (problems->len, ==, 1);
        problem = g_ptr_array_index (problems, 0);
        line = g_strdup_printf ("%s: %s", problem->path, problem->message);
        g_assert_cmpstr (line, ==, cases[i].problem);
        g_assert_cmpstr (problem->file, ==, path);
      }
  }

  g_remove (path);
  g_rmdir (tmpdir);
}

/* A set keeps each scope in its place */
static void
test_insert_scopes (void)
{
  g_autoptr(GlossLabelSet) set = gloss_label_set_new ();
  GlossLabelSet *relations = gloss_label_set_get_relation_labels (set);
  g_autoptr(GlossLabel) span = gloss_label_new_with_scope (GLOSS_LABEL_SCOPE_SPAN, "speaker", NULL, NULL, NULL, NULL);
  g_autoptr(GlossLabel) relation = gloss_label_new_with_scope (GLOSS_LABEL_SCOPE_RELATION, "speaker", NULL, NULL,
                                                               NULL, NULL);
  const char *from[] = { "quote", NULL };
  const char *to[] = { "speaker", NULL };

  g_assert_true (gloss_label_set_is_sentence_only (set));
  g_assert_true (gloss_label_set_insert (set, 0, span));
  g_assert_false (gloss_label_set_is_sentence_only (set));
  gloss_label_set_endpoints (relation, from, to);
  g_assert_true (gloss_label_set_insert (relations, 0, relation));
  g_assert_true (gloss_label_set_lookup (set, "speaker") == span);
  g_assert_true (gloss_label_set_lookup (relations, "speaker") == relation);

  /* A label's own list may be given back to it */
  gloss_label_set_endpoints (relation, gloss_label_get_from (relation), gloss_label_get_to (relation));
  g_assert_true (gloss_label_joins (relation, "quote", "speaker"));

  g_assert_true (gloss_label_add_attribute (span, "role", (const char *[]) { "named", "pronoun", NULL }));
  g_assert_false (gloss_label_add_attribute (span, "role", (const char *[]) { "other", NULL }));
  g_assert_true (gloss_label_has_value (span, "role", "pronoun"));
  g_assert_false (gloss_label_has_value (span, "role", NULL));
  g_assert_false (gloss_label_has_value (span, "kind", "pronoun"));

  {
    GlossLabelScope scope;

    g_assert_true (gloss_label_scope_from_string ("relation", &scope));
    g_assert_cmpint (scope, ==, GLOSS_LABEL_SCOPE_RELATION);
    g_assert_false (gloss_label_scope_from_string ("Span", &scope));
    g_assert_cmpstr (gloss_label_scope_to_string (GLOSS_LABEL_SCOPE_SPAN), ==, "span");
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/labels/builtin", test_builtin);
  g_test_add_func ("/gloss/labels/display", test_display);
  g_test_add_func ("/gloss/labels/attribute-display", test_attribute_display);
  g_test_add_func ("/gloss/labels/json-round-trip", test_json_round_trip);
  g_test_add_func ("/gloss/labels/problems", test_problems);
  g_test_add_func ("/gloss/labels/limits", test_limits);
  g_test_add_func ("/gloss/labels/codebook", test_codebook);
  g_test_add_func ("/gloss/labels/project", test_project);
  g_test_add_func ("/gloss/labels/codebook-project", test_codebook_project);
  g_test_add_func ("/gloss/labels/insert-scopes", test_insert_scopes);

  return g_test_run ();
}
