/* adjudication-copies.c
 *
 * Three annotators' copies of a German article with quotes, speakers and
 * cues, for the adjudication tests of the core and of the window: CR LF
 * line ends, „…“ quotes and 😊 (U+1F60A, one code point, two UTF-16
 * units) before every span, so that offsets are code points or wrong.
 *
 * Per unit (A = Ada, B = Bea, C = Cem):
 *   quote „Wir bauen …“ with speaker and cue, entity "Brücke": alike in all
 *   sentence 3: A labels it claim, B and C do not
 *   quote "Der Stadtrat sei skeptisch": three extents; same speaker and cue
 *   entity "Stadtrat": A and B, not C
 *   quote „Das Geld fehlt“: speaker "Kämmerer Jonas Beck" (A) or
 *     "Jonas Beck" (B, C)
 *   quote „Wir müssen sparen.“: A and B, with the speaker of „Das Geld
 *     fehlt“ (one span for both quotes); not C
 *   quote "Man werde das prüfen": C's type differs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "adjudication-copies.h"
#include "gloss-document.h"
#include "gloss-label.h"
#include "gloss-label-set.h"
#include "gloss-project.h"
#include "gloss-relation.h"
#include "gloss-sentence.h"
#include "gloss-span.h"

static const char text[] =
  "Die Stadt plant eine neue Brücke. 😊\r\n"
  "„Wir bauen die Brücke bis 2027“, sagte Bürgermeisterin Anna Weber am Montag.\r\n"
  "Der Stadtrat sei skeptisch, erklärte Weber weiter.\r\n"
  "„Das Geld fehlt“, sagte Kämmerer Jonas Beck. „Wir müssen sparen.“\r\n"
  "Man werde das prüfen, hieß es.\r\n";

/* The @nth (from 0) occurrence of @needle, in code points */
static GlossRange
find (const char *needle,
      guint       nth)
{
  const char *at = text;

  for (;;)
    {
      at = strstr (at, needle);
      g_assert_nonnull (at);
      if (nth-- == 0)
        break;
      at++;
    }

  return (GlossRange) { g_utf8_pointer_to_offset (text, at),
                        g_utf8_pointer_to_offset (text, at + strlen (needle)) };
}

static guint
add_span (GlossDocument *document,
          const char    *label,
          const char    *needle,
          guint          nth,
          const char    *type)
{
  GlossRange part = find (needle, nth);
  g_autoptr(GlossSpan) span = gloss_document_new_span (document, label, &part, 1);
  g_autoptr(GError) error = NULL;

  if (type != NULL)
    {
      gloss_span_set_attribute (span, "type", type);
      gloss_span_set_attribute (span, "medium", "speech");
    }
  gloss_document_add_span (document, span, &error);
  g_assert_no_error (error);

  return gloss_span_get_id (span);
}

static void
add_relation (GlossDocument *document,
              const char    *label,
              guint          from,
              guint          to)
{
  g_autoptr(GlossRelation) relation = gloss_document_new_relation (document, label, from, to);
  g_autoptr(GError) error = NULL;

  gloss_document_add_relation (document, relation, &error);
  g_assert_no_error (error);
}

static void
add_quote (GlossDocument *document,
           const char    *quote,
           const char    *type,
           const char    *speaker,
           guint          nth_speaker,
           const char    *cue,
           guint          nth_cue)
{
  guint id = add_span (document, "quote", quote, 0, type);

  if (speaker != NULL)
    add_relation (document, "speaker", id, add_span (document, "speaker", speaker, nth_speaker, NULL));
  if (cue != NULL)
    add_relation (document, "cue", id, add_span (document, "cue", cue, nth_cue, NULL));
}

static GlossLabelSet *
new_labels (void)
{
  GlossLabelSet *labels = gloss_label_set_new_builtin ("quotation");
  g_autoptr(GlossLabel) entity = gloss_label_new_with_scope (GLOSS_LABEL_SCOPE_SPAN, "entity", "Entity", "#865e3c",
                                                             "e", "A named thing");
  g_autoptr(GlossLabel) claim = gloss_label_new_with_scope (GLOSS_LABEL_SCOPE_SENTENCE, "claim", "Claim", "#1c71d8",
                                                            "l", "A claim");

  gloss_label_set_insert (labels, gloss_label_set_get_n_labels (labels), entity);
  gloss_label_set_insert (labels, gloss_label_set_get_n_labels (labels), claim);

  return labels;
}

/* The sentence that holds @needle */
static guint
sentence_of (GlossDocument *document,
             const char    *needle)
{
  int position = gloss_document_find_sentence_at (document, find (needle, 0).start);

  g_assert_cmpint (position, >=, 0);

  return position;
}

/**
 * adjudication_copies_write:
 * @dir: an empty folder
 *
 * Writes ada/, bea/ and cem/ into @dir, each with a gloss-project.json
 * (the quotation set, an entity span label, a claim sentence label) and
 * its copy of de/zitate.txt.
 *
 * Returns: (transfer full) (element-type GFile): the three folders
 */
GPtrArray *
adjudication_copies_write (const char *dir)
{
  static const char * const names[] = { "Ada", "Bea", "Cem" };
  GPtrArray *roots = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GlossLabelSet) labels = new_labels ();

  for (guint a = 0; a < G_N_ELEMENTS (names); a++)
    {
      g_autofree char *folder = g_ascii_strdown (names[a], -1);
      g_autofree char *root_path = g_build_filename (dir, folder, NULL);
      g_autofree char *text_path = g_build_filename (root_path, ADJUDICATION_COPIES_ID, NULL);
      g_autofree char *parent = g_path_get_dirname (text_path);
      g_autoptr(GFile) root = g_file_new_for_path (root_path);
      g_autoptr(GFile) project = g_file_get_child (root, "gloss-project.json");
      g_autoptr(GFile) file = g_file_new_for_path (text_path);
      g_autoptr(GlossDocument) document = NULL;
      g_autoptr(GError) error = NULL;
      guint speaker;

      g_assert_cmpint (g_mkdir_with_parents (parent, 0755), ==, 0);
      g_file_set_contents (text_path, text, -1, &error);
      g_assert_no_error (error);
      gloss_project_save_labels (project, labels, &error);
      g_assert_no_error (error);

      document = gloss_document_load (file, "de", NULL, &error);
      g_assert_no_error (error);
      gloss_document_set_annotator (document, names[a]);

      add_quote (document, "„Wir bauen die Brücke bis 2027“", "direct",
                 "Bürgermeisterin Anna Weber", 0, "sagte", 0);
      add_span (document, "entity", "Brücke", 0, NULL);

      if (a == 0)
        gloss_document_add_label (document, sentence_of (document, "Der Stadtrat"), "claim");
      add_quote (document, a == 0 ? "Der Stadtrat sei skeptisch" : a == 1 ? "Der Stadtrat sei skeptisch," : "Stadtrat sei skeptisch",
                 "indirect", "Weber", 1, "erklärte", 0);
      if (a < 2)
        add_span (document, "entity", "Stadtrat", 0, NULL);

      speaker = add_span (document, "speaker", a == 0 ? "Kämmerer Jonas Beck" : "Jonas Beck", 0, NULL);
      {
        guint quote = add_span (document, "quote", "„Das Geld fehlt“", 0, "direct");

        add_relation (document, "speaker", quote, speaker);
        add_relation (document, "cue", quote, add_span (document, "cue", "sagte", 1, NULL));
      }
      if (a < 2)
        add_relation (document, "speaker", add_span (document, "quote", "„Wir müssen sparen.“", 0, "direct"), speaker);

      add_quote (document, "Man werde das prüfen", a == 2 ? "reported" : "indirect", NULL, 0, NULL, 0);

      gloss_document_save (document, NULL, &error);
      g_assert_no_error (error);

      g_ptr_array_add (roots, g_steal_pointer (&root));
    }

  return roots;
}
