/* test-window-spans.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Spans and relations in the real window under Xvfb: the actions the
 * keys and the sidebar trigger, from the caret and the selection to
 * tagging, linking in one step, discontinuous spans, attributes, undo,
 * re-linking and deleting, then the autosave's bytes on disk.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "gloss-application.h"
#include "gloss-article-view.h"
#include "gloss-document.h"
#include "gloss-label.h"
#include "gloss-label-set.h"
#include "gloss-project.h"
#include "gloss-relation.h"
#include "gloss-saver.h"
#include "gloss-sidebar.h"
#include "gloss-span.h"
#include "gloss-span-card.h"
#include "gloss-text.h"
#include "gloss-window.h"

#include "gloss-test-util.h"

static GlossApplication *app;

/* Offsets in tests/data/ui/spans.txt, in code points: the emoji before
 * them is one, each CR LF two */
#define QUOTE_1        36, 60   /* Wir bauen die Brücke neu */
#define QUOTE_1_MARKED 35, 61   /* „Wir bauen die Brücke neu“ */
#define CUE            63, 68   /* sagte */
#define OKAFOR         69, 86   /* Dr. Miriam Okafor */
#define QUOTE_2        98, 118  /* „und zwar bis 2027.“ */
#define SPRECHERIN     119, 143 /* Die Sprecherin der Stadt */
#define KOSTEN         154, 175 /* die Kosten seien noch */
#define KOSTEN_END     181      /* … offen */

#define NO_SPAN GLOSS_ARTICLE_VIEW_NO_SPAN

typedef struct
{
  char          *dir;
  char          *text_path;
  char          *json_path;
  GlossWindow   *window;
  GlossDocument *document;
  GlossArticleView *view;
  GlossSidebar  *sidebar;
  GlossSpanCard *card;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GlossLabelSet) set = gloss_label_set_new_builtin ("quotation");
  g_autofree char *project_path = NULL;
  g_autoptr(GFile) project = NULL;
  g_autoptr(GError) error = NULL;

  g_settings_set_string (gloss_application_get_settings (app), "annotator-name", "Test Annotator");

  fixture->dir = make_workdir ((const char *[]) { "spans.txt", NULL });
  fixture->text_path = g_build_filename (fixture->dir, "spans.txt", NULL);
  fixture->json_path = g_strconcat (fixture->text_path, ".gloss.json", NULL);
  project_path = g_build_filename (fixture->dir, "gloss-project.json", NULL);
  project = g_file_new_for_path (project_path);
  g_assert_true (gloss_project_save_labels (project, set, &error));
  g_assert_no_error (error);

  fixture->window = open_window (fixture->text_path);
  wait_for (document_shown, fixture->window, "the document to open");
  gloss_saver_set_delay (gloss_window_get_saver (fixture->window), 200);
  fixture->document = gloss_window_get_document (fixture->window);
  fixture->view = GLOSS_ARTICLE_VIEW (gloss_window_get_article_view (fixture->window));
  fixture->sidebar = GLOSS_SIDEBAR (gloss_window_get_sidebar (fixture->window));
  fixture->card = GLOSS_SPAN_CARD (gloss_sidebar_get_span_card (fixture->sidebar));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    {
      wait_for (all_saved, fixture->window, "the last autosave");
      gtk_window_destroy (GTK_WINDOW (fixture->window));
    }
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->text_path);
  g_free (fixture->json_path);
}

static void
select_range (Fixture *fixture,
              guint    start,
              guint    end)
{
  guint s, e;

  g_assert_true (activate (fixture->window, "doc.select-range", "(uu)", start, end));
  g_assert_true (gloss_article_view_get_selection (fixture->view, &s, &e));
  g_assert_cmpuint (s, ==, start);
  g_assert_cmpuint (e, ==, end);
}

static guint
current (Fixture *fixture)
{
  return gloss_window_get_current_span (fixture->window);
}

static GlossSpan *
span (Fixture *fixture,
      guint    id)
{
  GlossSpan *found = gloss_document_lookup_span (fixture->document, id);

  g_assert_nonnull (found);

  return found;
}

static guint
n_spans (Fixture *fixture)
{
  return g_list_model_get_n_items (gloss_document_get_spans (fixture->document));
}

static guint
n_relations (Fixture *fixture)
{
  return g_list_model_get_n_items (gloss_document_get_relations (fixture->document));
}

/* The relation of @label from @from, or 0 when there is none; @to gets
 * where it goes */
static guint
relation_from (Fixture    *fixture,
               guint       from,
               const char *label,
               guint      *to)
{
  g_autoptr(GPtrArray) relations = gloss_document_dup_relations_from (fixture->document, from);
  guint found = 0;

  for (guint i = 0; i < relations->len; i++)
    {
      GlossRelation *relation = g_ptr_array_index (relations, i);

      if (g_strcmp0 (gloss_relation_get_label (relation), label) == 0)
        {
          g_assert_cmpuint (found, ==, 0);
          found = gloss_relation_get_id (relation);
          if (to != NULL)
            *to = gloss_relation_get_to (relation);
        }
    }

  return found;
}

static void
assert_text (Fixture    *fixture,
             guint       id,
             const char *expected)
{
  g_autofree char *text = gloss_span_dup_text (span (fixture, id), " … ");

  g_assert_cmpstr (text, ==, expected);
}

/* The card follows a frame after the article */
static void
wait_card (Fixture *fixture)
{
  wait_for (span_card_done, fixture->window, "the span card");
}

static gboolean
has_medium (gpointer data)
{
  Fixture *fixture = data;

  return gloss_span_get_attribute (span (fixture, 1), "medium") != NULL;
}

static gboolean
not_tagging (gpointer data)
{
  return !gloss_article_view_get_tagging (data);
}

/* The whole way of issue 13: a quote of two parts, its speaker and cue
 * linked in one step each, its type and medium, undo and redo, a re-link,
 * a deleted cue; then the file on disk */
static void
test_attribution (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *expected_path = g_test_build_filename (G_TEST_DIST, "data", "ui", "spans.expected.json", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *saved = NULL;
  GtkWidget *row;
  guint to = 0;

  g_assert_cmpuint (n_spans (fixture), ==, 0);
  g_assert_cmpuint (current (fixture), ==, NO_SPAN);

  /* A span label's key without a selection tags nothing */
  g_assert_true (activate (fixture->window, "doc.tag-span", "s", "quote"));
  g_assert_cmpuint (n_spans (fixture), ==, 0);

  /* The quote's first part, tagged q: the new span is current */
  select_range (fixture, QUOTE_1_MARKED);
  g_assert_true (activate (fixture->window, "doc.tag-span", "s", "quote"));
  g_assert_cmpuint (n_spans (fixture), ==, 1);
  g_assert_cmpuint (current (fixture), ==, 1);
  assert_text (fixture, 1, "„Wir bauen die Brücke neu“");
  g_assert_false (gloss_article_view_get_selection (fixture->view, NULL, NULL));
  g_assert_cmpuint (gloss_article_view_get_caret (fixture->view), ==, 61);
  g_assert_true (gloss_article_view_has_span_tag_at (fixture->view, 35, "quote"));
  g_assert_true (gloss_article_view_has_span_tag_at (fixture->view, 60, "quote"));
  g_assert_false (gloss_article_view_has_span_tag_at (fixture->view, 61, "quote"));
  g_assert_cmpint (gloss_article_view_get_highlight_at (fixture->view, 40), ==, GLOSS_SPAN_HIGHLIGHT_CURRENT);

  /* + adds the second part */
  select_range (fixture, QUOTE_2);
  g_assert_true (activate (fixture->window, "doc.add-part", NULL));
  g_assert_cmpuint (n_spans (fixture), ==, 1);
  g_assert_cmpuint (gloss_span_get_n_parts (span (fixture, 1)), ==, 2);
  assert_text (fixture, 1, "„Wir bauen die Brücke neu“ … „und zwar bis 2027.“");
  g_assert_cmpint (gloss_article_view_get_highlight_at (fixture->view, 100), ==, GLOSS_SPAN_HIGHLIGHT_CURRENT);
  g_assert_cmpint (gloss_article_view_get_highlight_at (fixture->view, 64), ==, GLOSS_SPAN_HIGHLIGHT_NONE);

  /* s on the speaker: a span and its relation, one step; the quote stays */
  select_range (fixture, OKAFOR);
  g_assert_true (activate (fixture->window, "doc.tag-span", "s", "speaker"));
  g_assert_cmpuint (n_spans (fixture), ==, 2);
  g_assert_cmpuint (current (fixture), ==, 1);
  g_assert_cmpuint (relation_from (fixture, 1, "speaker", &to), ==, 1);
  g_assert_cmpuint (to, ==, 2);
  g_assert_true (gloss_article_view_has_span_tag_at (fixture->view, 69, "speaker"));
  g_assert_cmpint (gloss_article_view_get_highlight_at (fixture->view, 70), ==, GLOSS_SPAN_HIGHLIGHT_LINKED);

  /* c on the cue */
  select_range (fixture, CUE);
  g_assert_true (activate (fixture->window, "doc.tag-span", "s", "cue"));
  g_assert_cmpuint (n_spans (fixture), ==, 3);
  g_assert_cmpuint (relation_from (fixture, 1, "cue", &to), ==, 2);
  g_assert_cmpuint (to, ==, 3);
  g_assert_cmpuint (current (fixture), ==, 1);

  /* Undo takes the cue and its link back as one step; redo brings both */
  g_assert_true (activate (fixture->window, "doc.undo", NULL));
  g_assert_cmpuint (n_spans (fixture), ==, 2);
  g_assert_cmpuint (n_relations (fixture), ==, 1);
  g_assert_false (gloss_article_view_has_span_tag_at (fixture->view, 64, "cue"));
  g_assert_true (activate (fixture->window, "doc.redo", NULL));
  g_assert_cmpuint (n_spans (fixture), ==, 3);
  g_assert_cmpuint (n_relations (fixture), ==, 2);
  g_assert_true (gloss_article_view_has_span_tag_at (fixture->view, 64, "cue"));
  g_assert_cmpuint (current (fixture), ==, 1);

  /* t: the first attribute (type) to its first value; the sidebar's
   * drop-down sets the medium */
  g_assert_true (activate (fixture->window, "doc.cycle-attribute", "(ii)", 0, 1));
  g_assert_cmpstr (gloss_span_get_attribute (span (fixture, 1), "type"), ==, "direct");
  wait_card (fixture);
  row = gloss_span_card_get_attribute_row (fixture->card, "medium");
  g_assert_nonnull (row);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 1);
  wait_for (has_medium, fixture, "the medium from the drop-down");
  g_assert_cmpstr (gloss_span_get_attribute (span (fixture, 1), "medium"), ==, "speech");
  wait_card (fixture);
  g_assert_cmpstr (gloss_span_card_get_summary (fixture->card), ==,
                   "„Wir bauen die Brücke neu“ … „und zwar bis 2027.“ — said by Dr. Miriam Okafor · "
                   "Cue: sagte · direct · speech");

  /* What a screen reader hears of the article: the current span */
  {
    g_autofree char *wrong = gtk_test_accessible_check_property (GTK_ACCESSIBLE (fixture->view),
                                                                 GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                                 "Quote 1 · 2 parts: „Wir bauen die Brücke neu“ … "
                                                                 "„und zwar bis 2027.“ — said by Dr. Miriam Okafor · "
                                                                 "Cue: sagte · direct · speech");

    g_assert_null (wrong);
  }

  /* Undo and redo the medium */
  g_assert_true (activate (fixture->window, "doc.undo", NULL));
  g_assert_null (gloss_span_get_attribute (span (fixture, 1), "medium"));
  g_assert_cmpstr (gloss_span_get_attribute (span (fixture, 1), "type"), ==, "direct");
  g_assert_true (activate (fixture->window, "doc.redo", NULL));
  g_assert_cmpstr (gloss_span_get_attribute (span (fixture, 1), "medium"), ==, "speech");

  /* A second quote with its speaker: the new quote becomes current */
  select_range (fixture, KOSTEN);
  g_assert_true (activate (fixture->window, "doc.tag-span", "s", "quote"));
  g_assert_cmpuint (current (fixture), ==, 4);
  g_assert_true (activate (fixture->window, "doc.grow-span-end", NULL));
  g_assert_cmpuint (gloss_span_get_end (span (fixture, 4)), ==, KOSTEN_END);
  assert_text (fixture, 4, "die Kosten seien noch offen");
  g_assert_true (activate (fixture->window, "doc.cycle-attribute", "(ii)", 0, -1));
  g_assert_cmpstr (gloss_span_get_attribute (span (fixture, 4), "type"), ==, "reported");
  g_assert_true (activate (fixture->window, "doc.cycle-attribute", "(ii)", 0, -1));
  g_assert_cmpstr (gloss_span_get_attribute (span (fixture, 4), "type"), ==, "indirect-free-indirect");
  select_range (fixture, SPRECHERIN);
  g_assert_true (activate (fixture->window, "doc.tag-span", "s", "speaker"));
  g_assert_cmpuint (relation_from (fixture, 4, "speaker", &to), ==, 3);
  g_assert_cmpuint (to, ==, 5);

  /* Re-link: back to the first quote, the second speaker selected exactly
   * and s: the first quote's speaker is now her, no new span */
  g_assert_true (activate (fixture->window, "doc.select-span", "u", 1));
  g_assert_cmpuint (current (fixture), ==, 1);
  g_assert_cmpuint (gloss_article_view_get_caret (fixture->view), ==, 35);
  select_range (fixture, SPRECHERIN);
  g_assert_true (activate (fixture->window, "doc.tag-span", "s", "speaker"));
  g_assert_cmpuint (n_spans (fixture), ==, 5);
  g_assert_cmpuint (relation_from (fixture, 1, "speaker", &to), ==, 1);
  g_assert_cmpuint (to, ==, 5);
  g_assert_cmpint (gloss_article_view_get_highlight_at (fixture->view, 120), ==, GLOSS_SPAN_HIGHLIGHT_LINKED);
  g_assert_cmpint (gloss_article_view_get_highlight_at (fixture->view, 70), ==, GLOSS_SPAN_HIGHLIGHT_NONE);

  /* One step to undo */
  g_assert_true (activate (fixture->window, "doc.undo", NULL));
  g_assert_cmpuint (relation_from (fixture, 1, "speaker", &to), ==, 1);
  g_assert_cmpuint (to, ==, 2);
  g_assert_true (activate (fixture->window, "doc.redo", NULL));
  g_assert_cmpuint (relation_from (fixture, 1, "speaker", &to), ==, 1);
  g_assert_cmpuint (to, ==, 5);

  /* The cue, from the card's button, deleted: its link goes with it and
   * its quote is current again */
  wait_card (fixture);
  {
    GtkWidget *jump = gloss_span_card_get_role_button (fixture->card, 2, FALSE);

    g_assert_nonnull (jump);
    g_signal_emit_by_name (jump, "clicked");
  }
  g_assert_cmpuint (current (fixture), ==, 3);
  g_assert_true (activate (fixture->window, "doc.delete-span", NULL));
  g_assert_null (gloss_document_lookup_span (fixture->document, 3));
  g_assert_cmpuint (relation_from (fixture, 1, "cue", NULL), ==, 0);
  g_assert_cmpuint (current (fixture), ==, 1);
  g_assert_false (gloss_article_view_has_span_tag_at (fixture->view, 64, "cue"));

  wait_for (all_saved, fixture->window, "the autosave");
  saved = read_normalized (fixture->json_path);
  g_file_get_contents (expected_path, &expected, NULL, NULL);
  g_assert_cmpstr (saved, ==, expected);

  /* Reopened, the window draws what was saved */
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  fixture->window = open_window (fixture->text_path);
  wait_for (document_shown, fixture->window, "the document to open again");
  fixture->view = GLOSS_ARTICLE_VIEW (gloss_window_get_article_view (fixture->window));
  wait_for (not_tagging, fixture->view, "the tags");
  g_assert_true (gloss_article_view_has_span_tag_at (fixture->view, 35, "quote"));
  g_assert_true (gloss_article_view_has_span_tag_at (fixture->view, 100, "quote"));
  g_assert_false (gloss_article_view_has_span_tag_at (fixture->view, 64, "quote"));
  g_assert_true (gloss_article_view_has_span_tag_at (fixture->view, 69, "speaker"));
  g_assert_true (gloss_article_view_has_span_tag_at (fixture->view, 180, "quote"));
  g_assert_cmpuint (gloss_window_get_current_span (fixture->window), ==, NO_SPAN);
}

/* The caret and the selection by keys, moving between spans, relabelling,
 * shrinking, a note */
static void
test_keys (Fixture       *fixture,
           gconstpointer  data)
{
  guint s, e;

  /* Down: the next sentence, the caret at its start */
  g_assert_true (activate (fixture->window, "doc.move-next", NULL));
  g_assert_cmpint (gloss_window_get_position (fixture->window), ==, 1);
  g_assert_cmpuint (gloss_article_view_get_caret (fixture->view), ==, 35);

  /* Right, Ctrl+Shift+Right twice: a selection by words from after „ */
  g_assert_true (activate (fixture->window, "doc.move-caret", "(sib)", "char", 1, FALSE));
  g_assert_cmpuint (gloss_article_view_get_caret (fixture->view), ==, 36);
  g_assert_true (activate (fixture->window, "doc.move-caret", "(sib)", "word", 2, TRUE));
  g_assert_true (gloss_article_view_get_selection (fixture->view, &s, &e));
  g_assert_cmpuint (s, ==, 36);
  g_assert_cmpuint (e, ==, 45);

  /* Shift+Left: one character back, exactly */
  g_assert_true (activate (fixture->window, "doc.move-caret", "(sib)", "char", -1, TRUE));
  g_assert_true (gloss_article_view_get_selection (fixture->view, &s, &e));
  g_assert_cmpuint (e, ==, 44);

  /* Left without Shift ends the selection at its start */
  g_assert_true (activate (fixture->window, "doc.move-caret", "(sib)", "char", -1, FALSE));
  g_assert_false (gloss_article_view_get_selection (fixture->view, NULL, NULL));
  g_assert_cmpuint (gloss_article_view_get_caret (fixture->view), ==, 36);

  /* A drag that ends in the middle of words snaps to whole words, without
   * the white space at its ends; with Alt it stays as dragged */
  g_assert_true (activate (fixture->window, "doc.select-range", "(uu)", 38, 51));  /* "r bauen die B" */
  gloss_article_view_end_drag (fixture->view, FALSE);
  g_assert_true (gloss_article_view_get_selection (fixture->view, &s, &e));
  g_assert_cmpuint (s, ==, 36);
  g_assert_cmpuint (e, ==, 56);   /* "Wir bauen die Brücke" */
  g_assert_true (gloss_article_view_get_raw_selection (fixture->view, &s, &e));
  g_assert_cmpuint (s, ==, 38);
  g_assert_cmpuint (e, ==, 51);
  g_assert_true (activate (fixture->window, "doc.select-range", "(uu)", 59, 63));  /* "u“, " */
  gloss_article_view_end_drag (fixture->view, FALSE);
  g_assert_true (gloss_article_view_get_selection (fixture->view, &s, &e));
  g_assert_cmpuint (s, ==, 57);
  g_assert_cmpuint (e, ==, 62);   /* "neu“," */
  g_assert_true (activate (fixture->window, "doc.select-range", "(uu)", 38, 51));
  gloss_article_view_end_drag (fixture->view, TRUE);
  g_assert_true (gloss_article_view_get_selection (fixture->view, &s, &e));
  g_assert_cmpuint (s, ==, 38);
  g_assert_cmpuint (e, ==, 51);

  /* The emoji is one step of the caret */
  gloss_article_view_set_caret (fixture->view, 29, FALSE);
  g_assert_true (activate (fixture->window, "doc.move-caret", "(sib)", "char", 1, FALSE));
  g_assert_cmpuint (gloss_article_view_get_caret (fixture->view), ==, 30);
  g_assert_true (activate (fixture->window, "doc.move-caret", "(sib)", "char", 1, FALSE));
  g_assert_cmpuint (gloss_article_view_get_caret (fixture->view), ==, 31);

  /* v selects the sentence */
  gloss_window_set_position (fixture->window, 1);
  g_assert_true (activate (fixture->window, "doc.select-sentence", NULL));
  g_assert_true (gloss_article_view_get_selection (fixture->view, &s, &e));
  g_assert_cmpuint (s, ==, 35);
  g_assert_cmpuint (e, ==, 118);

  /* Three quotes, then ] and [ go from one to the next */
  select_range (fixture, QUOTE_1);
  g_assert_true (activate (fixture->window, "doc.tag-span", "s", "quote"));
  select_range (fixture, KOSTEN);
  g_assert_true (activate (fixture->window, "doc.tag-span", "s", "quote"));
  g_assert_cmpuint (current (fixture), ==, 2);
  /* Escape twice: the selection, then the current span; the cue is then
   * linked to nothing and becomes current */
  g_assert_true (activate (fixture->window, "doc.clear-span", NULL));
  select_range (fixture, CUE);
  g_assert_true (activate (fixture->window, "doc.tag-span", "s", "cue"));
  g_assert_cmpuint (current (fixture), ==, 3);
  g_assert_cmpuint (n_relations (fixture), ==, 0);

  /* Shift and a span label's key: the current span takes the label */
  g_assert_true (activate (fixture->window, "doc.relabel-span", "s", "quote"));
  g_assert_cmpstr (gloss_span_get_label (span (fixture, 3)), ==, "quote");
  g_assert_true (gloss_article_view_has_span_tag_at (fixture->view, 64, "quote"));
  g_assert_false (gloss_article_view_has_span_tag_at (fixture->view, 64, "cue"));
  g_assert_true (activate (fixture->window, "doc.undo", NULL));
  g_assert_cmpstr (gloss_span_get_label (span (fixture, 3)), ==, "cue");

  g_assert_true (activate (fixture->window, "doc.clear-span", NULL));
  gloss_article_view_set_caret (fixture->view, 0, FALSE);
  g_assert_true (activate (fixture->window, "doc.next-span", NULL));
  g_assert_cmpuint (current (fixture), ==, 1);
  g_assert_true (activate (fixture->window, "doc.next-span", NULL));
  g_assert_cmpuint (current (fixture), ==, 3);
  g_assert_cmpuint (gloss_article_view_get_caret (fixture->view), ==, 63);
  g_assert_true (activate (fixture->window, "doc.next-span", NULL));
  g_assert_cmpuint (current (fixture), ==, 2);
  g_assert_true (activate (fixture->window, "doc.previous-span", NULL));
  g_assert_cmpuint (current (fixture), ==, 3);

  /* Shift+U: the next quote without a speaker, after the current span */
  g_assert_true (activate (fixture->window, "doc.next-unlinked", NULL));
  g_assert_cmpuint (current (fixture), ==, 2);
  g_assert_true (activate (fixture->window, "doc.next-unlinked", NULL));
  g_assert_cmpuint (current (fixture), ==, 1);

  /* Alt+Shift+Right: the start moves in by a word; Alt+Left: the end
   * back by one */
  g_assert_true (activate (fixture->window, "doc.shrink-span-start", NULL));
  assert_text (fixture, 1, "bauen die Brücke neu");
  g_assert_true (activate (fixture->window, "doc.shrink-span-end", NULL));
  assert_text (fixture, 1, "bauen die Brücke");
  g_assert_true (activate (fixture->window, "doc.grow-span-start", NULL));
  assert_text (fixture, 1, "Wir bauen die Brücke");

  /* Shift+N, a note, Enter */
  {
    GtkWidget *note_row = gloss_span_card_get_note_row (fixture->card);
    GtkWidget *delegate;

    wait_card (fixture);
    g_assert_true (activate (fixture->window, "doc.edit-span-note", NULL));
    g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)), note_row));
    gtk_editable_set_text (GTK_EDITABLE (note_row), "Wörtlich?");
    delegate = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (note_row)));
    g_signal_emit_by_name (delegate, "activate");
    g_assert_cmpstr (gloss_span_get_note (span (fixture, 1)), ==, "Wörtlich?");
    g_assert_null (gtk_root_get_focus (GTK_ROOT (fixture->window)));
  }

  /* Escape lets go of the span: the next tag links to nothing */
  g_assert_true (activate (fixture->window, "doc.clear-span", NULL));
  g_assert_cmpuint (current (fixture), ==, NO_SPAN);
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (fixture->card)));
  select_range (fixture, OKAFOR);
  g_assert_true (activate (fixture->window, "doc.tag-span", "s", "speaker"));
  g_assert_cmpuint (n_relations (fixture), ==, 0);
  g_assert_cmpuint (current (fixture), ==, 4);

  /* The sentence keys still tag sentences: the quotation set has none,
   * so a sentence is never labelled here */
  g_assert_cmpuint (gloss_document_get_n_annotated (fixture->document), ==, 0);

  wait_for (not_tagging, fixture->view, "the tags");
}

/* A key as the window's key controller reads it */
static gboolean
press (Fixture         *fixture,
       guint            keyval,
       GdkModifierType  state)
{
  return press_key (GTK_WIDGET (fixture->window), keyval, state);
}

/* The keys themselves: each one means one thing */
static void
test_key_map (Fixture       *fixture,
              gconstpointer  data)
{
  guint s, e;

  gtk_root_set_focus (GTK_ROOT (fixture->window), NULL);

  /* j, v: the second sentence, selected */
  g_assert_true (press (fixture, GDK_KEY_j, 0));
  g_assert_cmpint (gloss_window_get_position (fixture->window), ==, 1);
  g_assert_true (press (fixture, GDK_KEY_v, 0));
  g_assert_true (gloss_article_view_get_selection (fixture->view, &s, &e));
  g_assert_cmpuint (s, ==, 35);
  g_assert_cmpuint (e, ==, 118);

  /* Escape: nothing selected, the caret at the selection's end; Up, Down,
   * Right, Shift+Ctrl+Right twice */
  g_assert_true (press (fixture, GDK_KEY_Escape, 0));
  g_assert_false (gloss_article_view_get_selection (fixture->view, NULL, NULL));
  g_assert_cmpuint (gloss_article_view_get_caret (fixture->view), ==, 118);
  g_assert_true (press (fixture, GDK_KEY_Up, 0));
  g_assert_true (press (fixture, GDK_KEY_Down, 0));
  g_assert_cmpuint (gloss_article_view_get_caret (fixture->view), ==, 35);
  g_assert_true (press (fixture, GDK_KEY_Right, 0));
  g_assert_cmpuint (gloss_article_view_get_caret (fixture->view), ==, 36);
  g_assert_true (press (fixture, GDK_KEY_Right, GDK_SHIFT_MASK | GDK_CONTROL_MASK));
  g_assert_true (press (fixture, GDK_KEY_Right, GDK_SHIFT_MASK | GDK_CONTROL_MASK));
  g_assert_true (gloss_article_view_get_selection (fixture->view, &s, &e));
  g_assert_cmpuint (s, ==, 36);
  g_assert_cmpuint (e, ==, 45);

  /* q tags it; t sets its type; Alt+Right grows it by a word */
  g_assert_true (press (fixture, GDK_KEY_q, 0));
  g_assert_cmpuint (current (fixture), ==, 1);
  assert_text (fixture, 1, "Wir bauen");
  g_assert_true (press (fixture, GDK_KEY_t, 0));
  g_assert_cmpstr (gloss_span_get_attribute (span (fixture, 1), "type"), ==, "direct");
  g_assert_true (press (fixture, GDK_KEY_T, GDK_SHIFT_MASK));
  g_assert_null (gloss_span_get_attribute (span (fixture, 1), "type"));
  g_assert_true (press (fixture, GDK_KEY_2, GDK_ALT_MASK));
  g_assert_cmpstr (gloss_span_get_attribute (span (fixture, 1), "medium"), ==, "speech");
  g_assert_true (press (fixture, GDK_KEY_Right, GDK_ALT_MASK));
  assert_text (fixture, 1, "Wir bauen die");
  g_assert_true (press (fixture, GDK_KEY_Left, GDK_ALT_MASK | GDK_SHIFT_MASK));
  assert_text (fixture, 1, "„Wir bauen die");

  /* A span label's key without a selection tags nothing; Shift and it
   * relabels the current span */
  g_assert_true (press (fixture, GDK_KEY_s, 0));
  g_assert_cmpuint (n_spans (fixture), ==, 1);
  g_assert_true (press (fixture, GDK_KEY_C, GDK_SHIFT_MASK));
  g_assert_cmpstr (gloss_span_get_label (span (fixture, 1)), ==, "cue");
  g_assert_null (gloss_span_get_attribute (span (fixture, 1), "medium"));
  g_assert_true (press (fixture, GDK_KEY_z, GDK_CONTROL_MASK) || activate (fixture->window, "doc.undo", NULL));
  g_assert_cmpstr (gloss_span_get_label (span (fixture, 1)), ==, "quote");

  /* Escape lets go of the span; ] finds it again; Delete deletes it */
  g_assert_true (press (fixture, GDK_KEY_Escape, 0));
  g_assert_cmpuint (current (fixture), ==, NO_SPAN);
  g_assert_false (press (fixture, GDK_KEY_Escape, 0));
  gloss_article_view_set_caret (fixture->view, 0, FALSE);
  g_assert_true (press (fixture, GDK_KEY_bracketright, 0));
  g_assert_cmpuint (current (fixture), ==, 1);
  g_assert_true (press (fixture, GDK_KEY_Delete, 0));
  g_assert_cmpuint (n_spans (fixture), ==, 0);
  g_assert_cmpuint (current (fixture), ==, NO_SPAN);

  /* k still moves between sentences, Shift+Down selects to a sentence's end */
  g_assert_true (press (fixture, GDK_KEY_k, 0));
  g_assert_cmpint (gloss_window_get_position (fixture->window), ==, 0);
  g_assert_cmpuint (gloss_article_view_get_caret (fixture->view), ==, 0);
  g_assert_true (press (fixture, GDK_KEY_Down, GDK_SHIFT_MASK));
  g_assert_true (gloss_article_view_get_selection (fixture->view, &s, &e));
  g_assert_cmpuint (s, ==, 0);
  g_assert_cmpuint (e, ==, 31);
}

int
main (int    argc,
      char **argv)
{
  int ret;

  app = ui_test_init (&argc, &argv);

  g_test_add ("/gloss/window-spans/attribution", Fixture, NULL, fixture_set_up, test_attribution, fixture_tear_down);
  g_test_add ("/gloss/window-spans/keys", Fixture, NULL, fixture_set_up, test_keys, fixture_tear_down);
  g_test_add ("/gloss/window-spans/key-map", Fixture, NULL, fixture_set_up, test_key_map, fixture_tear_down);

  ret = g_test_run ();

  g_clear_object (&app);

  return ret;
}
