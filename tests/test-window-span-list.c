/* test-window-span-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sidebar's list of spans in the real window under Xvfb: its rows for
 * a document with quotes, speakers and a cue, the filter by label, a row
 * that makes its span current, the list following tagging, deleting,
 * undo and a re-link, the key that focuses it; and the span counts of the
 * folder's document list.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "gloss-application.h"
#include "gloss-article-view.h"
#include "gloss-document.h"
#include "gloss-document-list.h"
#include "gloss-folder-entry.h"
#include "gloss-label-set.h"
#include "gloss-project.h"
#include "gloss-relation.h"
#include "gloss-saver.h"
#include "gloss-sidebar.h"
#include "gloss-span.h"
#include "gloss-span-card.h"
#include "gloss-span-list.h"
#include "gloss-window.h"

#include "gloss-test-util.h"

static GlossApplication *app;

#define NO_SPAN GLOSS_ARTICLE_VIEW_NO_SPAN

/* What a screen reader hears of each row of tests/data/ui/spans-listed.json,
 * in text order */
#define ROW_QUOTE_1   "Quote 1 · 2 parts: „Wir bauen die Brücke neu“ … „und zwar bis 2027.“ — " \
                      "Speaker: Dr. Miriam Okafor · Cue: sagte"
#define ROW_CUE_3     "Cue 3: sagte"
#define ROW_SPEAKER_2 "Speaker 2: Dr. Miriam Okafor"
#define ROW_SPEAKER_5 "Speaker 5: Die Sprecherin der Stadt"
#define ROW_QUOTE_4   "Quote 4: die Kosten seien noch offen — Speaker: Die Sprecherin der Stadt"

#define ERKLAERTE 144, 152  /* erklärte, in spans.txt */
#define SPRECHERIN 119, 143 /* Die Sprecherin der Stadt */

typedef struct
{
  char             *dir;
  char             *text_path;
  GlossWindow      *window;
  GlossDocument    *document;
  GlossArticleView *view;
  GlossSidebar     *sidebar;
  GlossSpanList    *list;
} Fixture;

/* spans.txt with five spans and three relations, in a folder whose
 * project has the quotation labels */
static char *
make_spans_folder (const char * const *more)
{
  g_autoptr(GlossLabelSet) set = gloss_label_set_new_builtin ("quotation");
  g_autoptr(GPtrArray) fixtures = g_ptr_array_new ();
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "ui", "spans-listed.json", NULL);
  g_autofree char *json = NULL;
  g_autofree char *project_path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GFile) project = NULL;
  g_autoptr(GError) error = NULL;
  char *dir;
  gsize length;

  g_ptr_array_add (fixtures, (gpointer)"spans.txt");
  for (guint i = 0; more != NULL && more[i] != NULL; i++)
    g_ptr_array_add (fixtures, (gpointer)more[i]);
  g_ptr_array_add (fixtures, NULL);
  dir = make_workdir ((const char * const *)fixtures->pdata);

  json = g_build_filename (dir, "spans.txt.gloss.json", NULL);
  g_file_get_contents (source, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (json, contents, length, &error);
  g_assert_no_error (error);

  project_path = g_build_filename (dir, GLOSS_PROJECT_FILE_NAME, NULL);
  project = g_file_new_for_path (project_path);
  g_assert_true (gloss_project_save_labels (project, set, &error));
  g_assert_no_error (error);

  return dir;
}

static gboolean
list_done (gpointer data)
{
  Fixture *fixture = data;

  return !gloss_span_list_is_pending (fixture->list);
}

/* The list follows a frame after the article */
static void
wait_list (Fixture *fixture)
{
  wait_for (list_done, fixture, "the list of spans");
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_settings_set_string (gloss_application_get_settings (app), "annotator-name", "Test Annotator");

  fixture->dir = make_spans_folder (NULL);
  fixture->text_path = g_build_filename (fixture->dir, "spans.txt", NULL);
  fixture->window = open_window (fixture->text_path);
  wait_for (document_shown, fixture->window, "the document to open");
  gloss_saver_set_delay (gloss_window_get_saver (fixture->window), 200);
  fixture->document = gloss_window_get_document (fixture->window);
  fixture->view = GLOSS_ARTICLE_VIEW (gloss_window_get_article_view (fixture->window));
  fixture->sidebar = GLOSS_SIDEBAR (gloss_window_get_sidebar (fixture->window));
  fixture->list = GLOSS_SPAN_LIST (gloss_sidebar_get_span_list (fixture->sidebar));

  g_assert_true (gloss_sidebar_show_spans (fixture->sidebar, TRUE));
  wait_list (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  wait_for (all_saved, fixture->window, "the last autosave");
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->text_path);
}

static GListModel *
rows (Fixture *fixture)
{
  return G_LIST_MODEL (gtk_list_view_get_model (gloss_span_list_get_list_view (fixture->list)));
}

static guint
n_rows (Fixture *fixture)
{
  return g_list_model_get_n_items (rows (fixture));
}

static void
assert_row (Fixture    *fixture,
            guint       position,
            const char *expected)
{
  g_autofree char *description = gloss_span_list_dup_row_description (fixture->list, position);

  g_assert_cmpstr (description, ==, expected);
}

static gboolean
has_title (GtkWidget     *widget,
           gconstpointer  title)
{
  GtkWidget *label = g_object_get_data (G_OBJECT (widget), "title");

  return GTK_IS_LABEL (label) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), title) == 0;
}

static gboolean
shown_with_title (GtkWidget     *widget,
                  gconstpointer  title)
{
  return gtk_widget_get_mapped (widget) && has_title (widget, title);
}

/* The widget of the row titled @title, as the list view shows it */
static GtkWidget *
row_box (Fixture    *fixture,
         const char *title)
{
  return find_widget (GTK_WIDGET (gloss_span_list_get_list_view (fixture->list)), shown_with_title, title);
}

static const char *
row_roles (Fixture    *fixture,
           const char *title)
{
  GtkWidget *box = row_box (fixture, title);
  GtkWidget *roles;

  g_assert_nonnull (box);
  roles = g_object_get_data (G_OBJECT (box), "roles");

  return gtk_widget_get_visible (roles) ? gtk_label_get_text (GTK_LABEL (roles)) : NULL;
}

static guint
current (Fixture *fixture)
{
  return gloss_window_get_current_span (fixture->window);
}

static void
select_range (Fixture *fixture,
              guint    start,
              guint    end)
{
  g_assert_true (activate (fixture->window, "doc.select-range", "(uu)", start, end));
}

static void
assert_accessible_label (GtkWidget  *widget,
                         const char *expected)
{
  g_autofree char *wrong = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                               GTK_ACCESSIBLE_PROPERTY_LABEL, expected);

  g_assert_null (wrong);
}

/* The rows of the fixture, what each shows, and the filter */
static void
test_rows (Fixture       *fixture,
           gconstpointer  data)
{
  GtkDropDown *filter = gloss_span_list_get_filter (fixture->list);
  GListModel *names = gtk_drop_down_get_model (filter);
  GtkWidget *box;
  static const char * const expected_names[] = { "All Labels", "Quote", "Speaker", "Cue", "Frame", "Addressee" };

  /* Five rows in text order */
  g_assert_cmpuint (n_rows (fixture), ==, 5);
  assert_row (fixture, 0, ROW_QUOTE_1);
  assert_row (fixture, 1, ROW_CUE_3);
  assert_row (fixture, 2, ROW_SPEAKER_2);
  assert_row (fixture, 3, ROW_SPEAKER_5);
  assert_row (fixture, 4, ROW_QUOTE_4);
  g_assert_true (label_shows (GTK_WIDGET (fixture->list), "5"));

  /* Each row as drawn: its title, text, the quote's linked spans, and
   * the same for a screen reader */
  box = row_box (fixture, "Quote 1 · 2 parts");
  g_assert_nonnull (box);
  g_assert_cmpstr (gtk_label_get_text (g_object_get_data (G_OBJECT (box), "text")), ==,
                   "„Wir bauen die Brücke neu“ … „und zwar bis 2027.“");
  g_assert_cmpstr (row_roles (fixture, "Quote 1 · 2 parts"), ==, "— Dr. Miriam Okafor · sagte");
  assert_accessible_label (box, ROW_QUOTE_1);
  g_assert_cmpstr (row_roles (fixture, "Quote 4"), ==, "— Die Sprecherin der Stadt");
  g_assert_null (row_roles (fixture, "Speaker 2"));
  g_assert_null (row_roles (fixture, "Cue 3"));
  assert_accessible_label (row_box (fixture, "Cue 3"), ROW_CUE_3);

  /* The drop-down: all, then each span label */
  g_assert_cmpuint (g_list_model_get_n_items (names), ==, G_N_ELEMENTS (expected_names));
  for (guint i = 0; i < G_N_ELEMENTS (expected_names); i++)
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), i), ==, expected_names[i]);
  g_assert_cmpuint (gtk_drop_down_get_selected (filter), ==, 0);

  /* Quotes only, by the drop-down */
  gtk_drop_down_set_selected (filter, 1);
  g_assert_cmpuint (n_rows (fixture), ==, 2);
  assert_row (fixture, 0, ROW_QUOTE_1);
  assert_row (fixture, 1, ROW_QUOTE_4);
  g_assert_true (label_shows (GTK_WIDGET (fixture->list), "2 of 5"));

  /* Speakers; cues; a label without spans says so */
  g_assert_true (gloss_span_list_set_filter_label (fixture->list, "speaker"));
  g_assert_cmpuint (gtk_drop_down_get_selected (filter), ==, 2);
  g_assert_cmpuint (n_rows (fixture), ==, 2);
  assert_row (fixture, 0, ROW_SPEAKER_2);
  assert_row (fixture, 1, ROW_SPEAKER_5);
  g_assert_true (gloss_span_list_set_filter_label (fixture->list, "cue"));
  g_assert_cmpuint (n_rows (fixture), ==, 1);
  assert_row (fixture, 0, ROW_CUE_3);
  g_assert_true (gloss_span_list_set_filter_label (fixture->list, "frame"));
  g_assert_cmpuint (n_rows (fixture), ==, 0);
  wait_list (fixture);
  g_assert_true (label_shows (GTK_WIDGET (fixture->list), "No spans of this label."));
  g_assert_false (gloss_span_list_set_filter_label (fixture->list, "claim"));

  /* All again */
  g_assert_true (gloss_span_list_set_filter_label (fixture->list, NULL));
  g_assert_cmpuint (n_rows (fixture), ==, 5);
  assert_row (fixture, 4, ROW_QUOTE_4);
}

static gboolean
card_shown (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

/* A row activated (Enter, a click) makes its span current; the article
 * goes to it and a screen reader hears of it */
static void
test_activate (Fixture       *fixture,
               gconstpointer  data)
{
  GtkListView *view = gloss_span_list_get_list_view (fixture->list);
  GtkWidget *box;

  g_assert_cmpuint (current (fixture), ==, NO_SPAN);

  g_signal_emit_by_name (view, "activate", 4);
  g_assert_cmpuint (current (fixture), ==, 4);
  g_assert_cmpuint (gloss_article_view_get_caret (fixture->view), ==, 154);
  g_assert_cmpint (gloss_window_get_position (fixture->window), ==, 2);
  g_assert_cmpint (gloss_article_view_get_highlight_at (fixture->view, 160), ==, GLOSS_SPAN_HIGHLIGHT_CURRENT);
  g_assert_cmpint (gloss_article_view_get_highlight_at (fixture->view, 125), ==, GLOSS_SPAN_HIGHLIGHT_LINKED);

  /* The article's description is the current span, once the card follows */
  wait_for (span_card_done, fixture->window, "the span card");
  {
    g_autofree char *wrong = gtk_test_accessible_check_property (GTK_ACCESSIBLE (fixture->view),
                                                                 GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                                 "Quote 4: “die Kosten seien noch offen” — said by "
                                                                 "Die Sprecherin der Stadt · indirect-free-indirect");

    g_assert_null (wrong);
  }

  /* The card, on the other page, catches up once it is shown */
  {
    GlossSpanCard *card = GLOSS_SPAN_CARD (gloss_sidebar_get_span_card (fixture->sidebar));

    g_assert_cmpstr (gloss_span_card_get_text (card), !=, "die Kosten seien noch offen");
    g_assert_true (gloss_sidebar_show_spans (fixture->sidebar, FALSE));
    wait_for (card_shown, card, "the card to be shown");
    wait_for (span_card_done, fixture->window, "the span card");
    g_assert_cmpstr (gloss_span_card_get_text (card), ==, "die Kosten seien noch offen");
    g_assert_true (gloss_sidebar_show_spans (fixture->sidebar, TRUE));
  }

  /* Its row is marked, for the eye and for a screen reader */
  wait_list (fixture);
  box = row_box (fixture, "Quote 4");
  g_assert_true (gtk_widget_has_css_class (gtk_widget_get_parent (box), "gloss-current-span"));
  g_assert_false (gtk_widget_has_css_class (gtk_widget_get_parent (row_box (fixture, "Cue 3")), "gloss-current-span"));
  {
    g_autofree char *wrong = gtk_test_accessible_check_property (GTK_ACCESSIBLE (box),
                                                                 GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                                 "The current span");

    g_assert_null (wrong);
  }

  /* Through the filter: the second quote is row 1, the first row 0 */
  g_assert_true (gloss_span_list_set_filter_label (fixture->list, "quote"));
  g_signal_emit_by_name (view, "activate", 0);
  g_assert_cmpuint (current (fixture), ==, 1);
  g_assert_cmpuint (gloss_article_view_get_caret (fixture->view), ==, 35);
  g_assert_cmpint (gloss_window_get_position (fixture->window), ==, 1);
  wait_for (span_card_done, fixture->window, "the span card");
  {
    g_autofree char *wrong = gtk_test_accessible_check_property (GTK_ACCESSIBLE (fixture->view),
                                                                 GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                                 "Quote 1 · 2 parts: „Wir bauen die Brücke neu“ … "
                                                                 "„und zwar bis 2027.“ — said by Dr. Miriam Okafor · "
                                                                 "Cue: sagte · direct · speech");

    g_assert_null (wrong);
  }

  /* ] in the article moves the mark in the list too */
  g_assert_true (gloss_span_list_set_filter_label (fixture->list, NULL));
  g_assert_true (activate (fixture->window, "doc.next-span", NULL));
  g_assert_cmpuint (current (fixture), ==, 3);
  wait_list (fixture);
  g_assert_true (gtk_widget_has_css_class (gtk_widget_get_parent (row_box (fixture, "Cue 3")), "gloss-current-span"));
  g_assert_false (gtk_widget_has_css_class (gtk_widget_get_parent (row_box (fixture, "Quote 1 · 2 parts")),
                                            "gloss-current-span"));
}

/* Tagging, deleting, undo, redo and a re-link: the list follows */
static void
test_follows (Fixture       *fixture,
              gconstpointer  data)
{
  /* The second quote current, erklärte tagged as a cue: a span and its
   * link in one step */
  g_assert_true (activate (fixture->window, "doc.select-span", "u", 4));
  select_range (fixture, ERKLAERTE);
  g_assert_true (activate (fixture->window, "doc.tag-span", "s", "cue"));
  g_assert_cmpuint (current (fixture), ==, 4);
  wait_list (fixture);
  g_assert_cmpuint (n_rows (fixture), ==, 6);
  assert_row (fixture, 4, "Cue 6: erklärte");
  assert_row (fixture, 5, ROW_QUOTE_4 " · Cue: erklärte");
  g_assert_cmpstr (row_roles (fixture, "Quote 4"), ==, "— Die Sprecherin der Stadt · erklärte");
  g_assert_true (label_shows (GTK_WIDGET (fixture->list), "6"));

  /* Undo takes both back; redo brings both */
  g_assert_true (activate (fixture->window, "doc.undo", NULL));
  wait_list (fixture);
  g_assert_cmpuint (n_rows (fixture), ==, 5);
  assert_row (fixture, 4, ROW_QUOTE_4);
  g_assert_cmpstr (row_roles (fixture, "Quote 4"), ==, "— Die Sprecherin der Stadt");
  g_assert_true (activate (fixture->window, "doc.redo", NULL));
  wait_list (fixture);
  g_assert_cmpuint (n_rows (fixture), ==, 6);
  assert_row (fixture, 5, ROW_QUOTE_4 " · Cue: erklärte");

  /* A quote's extent shrinks: its row shows the new text */
  g_assert_true (activate (fixture->window, "doc.shrink-span-end", NULL));
  wait_list (fixture);
  assert_row (fixture, 5, "Quote 4: die Kosten seien noch — Speaker: Die Sprecherin der Stadt · Cue: erklärte");
  g_assert_cmpstr (gtk_label_get_text (g_object_get_data (G_OBJECT (row_box (fixture, "Quote 4")), "text")), ==,
                   "die Kosten seien noch");
  g_assert_true (activate (fixture->window, "doc.undo", NULL));

  /* Deleting the cue takes its row and the quote's link */
  g_assert_true (activate (fixture->window, "doc.select-span", "u", 6));
  g_assert_true (activate (fixture->window, "doc.delete-span", NULL));
  wait_list (fixture);
  g_assert_cmpuint (n_rows (fixture), ==, 5);
  assert_row (fixture, 4, ROW_QUOTE_4);

  /* Re-linking changes no span, only a relation: the first quote's row
   * names its new speaker */
  g_assert_true (activate (fixture->window, "doc.select-span", "u", 1));
  wait_list (fixture);
  select_range (fixture, SPRECHERIN);
  g_assert_true (activate (fixture->window, "doc.tag-span", "s", "speaker"));
  g_assert_cmpuint (n_rows (fixture), ==, 5);
  wait_list (fixture);
  assert_row (fixture, 0, "Quote 1 · 2 parts: „Wir bauen die Brücke neu“ … „und zwar bis 2027.“ — "
                          "Speaker: Die Sprecherin der Stadt · Cue: sagte");
  g_assert_cmpstr (row_roles (fixture, "Quote 1 · 2 parts"), ==, "— Die Sprecherin der Stadt · sagte");

  /* A filtered list follows too */
  g_assert_true (gloss_span_list_set_filter_label (fixture->list, "speaker"));
  g_assert_true (activate (fixture->window, "doc.undo", NULL));
  select_range (fixture, ERKLAERTE);
  g_assert_true (activate (fixture->window, "doc.tag-span", "s", "speaker"));
  wait_list (fixture);
  g_assert_cmpuint (n_rows (fixture), ==, 3);
  assert_row (fixture, 2, "Speaker 7: erklärte");
  g_assert_true (label_shows (GTK_WIDGET (fixture->list), "3 of 6"));
}

static GtkWidget *
focused_row (Fixture *fixture)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  GtkWidget *view = GTK_WIDGET (gloss_span_list_get_list_view (fixture->list));

  if (focus == NULL || !gtk_widget_is_ancestor (focus, view))
    return NULL;

  while (gtk_widget_get_parent (focus) != view)
    focus = gtk_widget_get_parent (focus);

  return gtk_widget_get_first_child (focus);
}

/* Ctrl+L: the list, at the current span's row; Enter on another row;
 * Escape back to the article */
static void
test_focus (Fixture       *fixture,
            gconstpointer  data)
{
  GtkWidget *box;

  /* From the other page, with the sidebar hidden */
  g_assert_true (gloss_sidebar_show_spans (fixture->sidebar, FALSE));
  g_object_set (fixture->window, "sidebar-visible", FALSE, NULL);
  g_assert_true (activate (fixture->window, "doc.select-span", "u", 5));
  gtk_root_set_focus (GTK_ROOT (fixture->window), NULL);

  g_assert_true (activate (fixture->window, "doc.focus-span-list", NULL));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->sidebar)));
  wait_list (fixture);
  box = focused_row (fixture);
  g_assert_nonnull (box);
  g_assert_cmpstr (gtk_label_get_text (g_object_get_data (G_OBJECT (box), "title")), ==, "Speaker 5");

  /* Enter on a row: the list view's activation, the focus stays */
  g_signal_emit_by_name (gloss_span_list_get_list_view (fixture->list), "activate", 1);
  g_assert_cmpuint (current (fixture), ==, 3);
  g_assert_nonnull (focused_row (fixture));

  /* Delete in the list deletes nothing */
  g_assert_false (press_key (GTK_WIDGET (fixture->window), GDK_KEY_Delete, 0));
  g_assert_nonnull (gloss_document_lookup_span (fixture->document, 3));

  /* Escape: the keys go back to the article */
  g_assert_true (press_key (GTK_WIDGET (fixture->window), GDK_KEY_Escape, 0));
  g_assert_null (gtk_root_get_focus (GTK_ROOT (fixture->window)));
  g_assert_cmpuint (current (fixture), ==, 3);

  /* Without a current span, the first row */
  g_assert_true (activate (fixture->window, "doc.clear-span", NULL));
  g_assert_true (activate (fixture->window, "doc.focus-span-list", NULL));
  wait_list (fixture);
  box = focused_row (fixture);
  g_assert_nonnull (box);
  g_assert_cmpstr (gtk_label_get_text (g_object_get_data (G_OBJECT (box), "title")), ==, "Quote 1 · 2 parts");
  g_assert_true (press_key (GTK_WIDGET (fixture->window), GDK_KEY_Escape, 0));
  g_assert_null (gtk_root_get_focus (GTK_ROOT (fixture->window)));
}

static gboolean
folder_listed (gpointer data)
{
  GlossWindow *window = data;
  GlossDocumentList *list = GLOSS_DOCUMENT_LIST (gloss_window_get_document_list (window));

  return document_shown (window) &&
         g_list_model_get_n_items (gloss_document_list_get_entries (list)) == 2;
}

static GlossFolderEntry *
entry_named (GlossWindow *window,
             const char  *name)
{
  GListModel *entries = gloss_document_list_get_entries (GLOSS_DOCUMENT_LIST (gloss_window_get_document_list (window)));

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(GlossFolderEntry) entry = g_list_model_get_item (entries, i);

      if (g_str_equal (gloss_folder_entry_get_title (entry), name))
        return entry;
    }

  g_assert_not_reached ();
}

/* The row below @widget whose title label shows @title */
static GtkWidget *
titled (GtkWidget  *widget,
        const char *title)
{
  return find_widget (widget, has_title, title);
}

static gboolean
six_spans (gpointer data)
{
  return gloss_folder_entry_get_n_spans (entry_named (data, "spans.txt")) == 6;
}

static gboolean
spans_open (gpointer data)
{
  GlossDocument *document = gloss_window_get_document (data);
  g_autofree char *name = document ? g_file_get_basename (gloss_document_get_file (document)) : NULL;

  return g_strcmp0 (name, "spans.txt") == 0 && document_shown (data);
}

/* The document list: each document's spans beside its sentences, from
 * the folder's scan, then following the open document */
static void
test_document_list (void)
{
  g_autofree char *dir = make_spans_folder ((const char *[]) { "one.txt", NULL });
  GlossWindow *window = open_window (dir);
  GtkWidget *list;

  wait_for (folder_listed, window, "the folder");
  list = gloss_window_get_document_list (window);

  g_assert_cmpuint (gloss_folder_entry_get_n_spans (entry_named (window, "spans.txt")), ==, 5);
  g_assert_cmpuint (gloss_folder_entry_get_n_spans (entry_named (window, "one.txt")), ==, 0);
  g_assert_true (label_is (list, "0 of 4 sentences annotated · 5 spans"));
  g_assert_true (label_is (list, "0 of 2 sentences annotated"));
  assert_accessible_label (titled (list, "spans.txt"), "spans.txt, 0 of 4 sentences annotated · 5 spans");

  /* The open document's count follows a new span */
  g_assert_true (activate (window, "doc.next-document", NULL));
  wait_for (spans_open, window, "spans.txt");
  g_assert_true (activate (window, "doc.select-range", "(uu)", ERKLAERTE));
  g_assert_true (activate (window, "doc.tag-span", "s", "cue"));
  wait_for (six_spans, window, "the sixth span in the document list");
  spin (50);
  g_assert_true (label_is (list, "0 of 4 sentences annotated · 6 spans"));
  assert_accessible_label (titled (list, "spans.txt"), "spans.txt, 0 of 4 sentences annotated · 6 spans");

  wait_for (all_saved, window, "the autosave");
  gtk_window_destroy (GTK_WINDOW (window));
  remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  int ret;

  app = ui_test_init (&argc, &argv);

  g_test_add ("/gloss/window-span-list/rows", Fixture, NULL, fixture_set_up, test_rows, fixture_tear_down);
  g_test_add ("/gloss/window-span-list/activate", Fixture, NULL, fixture_set_up, test_activate, fixture_tear_down);
  g_test_add ("/gloss/window-span-list/follows", Fixture, NULL, fixture_set_up, test_follows, fixture_tear_down);
  g_test_add ("/gloss/window-span-list/focus", Fixture, NULL, fixture_set_up, test_focus, fixture_tear_down);
  g_test_add_func ("/gloss/window-span-list/document-list", test_document_list);

  ret = g_test_run ();

  g_clear_object (&app);

  return ret;
}
