/* test-window-disk.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real window under Xvfb against hostile files (issue 10): names that
 * are not UTF-8, an annotation file changed on disk to the same size with
 * its time put back, one the user may not write, one that cannot be read,
 * a changed text, what the header says meanwhile, and unsaved work kept
 * from an earlier run offered and restored. Then real git in a temporary
 * folder (issue 15): `git checkout` of another branch (new files, another
 * text with its annotations) and `git merge` loaded cleanly when nothing
 * is unsaved, the conflict banner and nothing lost when something is;
 * skipped without git.
 */

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gloss-application.h"
#include "gloss-conflict-banner.h"
#include "gloss-document.h"
#include "gloss-document-list.h"
#include "gloss-folder-entry.h"
#include "gloss-recovery.h"
#include "gloss-saver.h"
#include "gloss-sidebar.h"
#include "gloss-text.h"
#include "gloss-window.h"

#include "gloss-test-util.h"
#include "git-fixtures.h"

#define REPLACEMENT "\xef\xbf\xbd"

static GlossApplication *app;

static GlossWindow *
open_text (const char *path)
{
  GlossWindow *window = open_window (path);

  wait_for (document_shown, window, "the document to open");
  gloss_saver_set_delay (gloss_window_get_saver (window), 200);

  return window;
}

static GlossConflictBanner *
find_banner (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GlossConflictBanner *found;

      if (GLOSS_IS_CONFLICT_BANNER (child))
        return GLOSS_CONFLICT_BANNER (child);
      if ((found = find_banner (child)) != NULL)
        return found;
    }

  return NULL;
}

static GlossConflictKind
banner_kind (GlossWindow *window)
{
  return gloss_conflict_banner_get_kind (find_banner (GTK_WIDGET (window)));
}

static gboolean
banner_shows_annotations (gpointer data)
{
  return banner_kind (data) == GLOSS_CONFLICT_ANNOTATIONS;
}

static gboolean
banner_shows_text (gpointer data)
{
  return banner_kind (data) == GLOSS_CONFLICT_TEXT;
}

/* A button for @action that the user can see and press */
static GtkWidget *
find_action_button (GtkWidget  *widget,
                    const char *action)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && gtk_widget_is_drawable (child) &&
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), action) == 0)
        return child;
      if ((found = find_action_button (child, action)) != NULL)
        return found;
    }

  return NULL;
}

static void
write_text (const char *path)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, "Der Rat tagte am Montag. Er beschloss nichts. Die Opposition protestierte.\n", -1, &error);
  g_assert_no_error (error);
}

/* Names that are not UTF-8 -------------------------------------------------- */

static gboolean
document_is (GlossWindow *window,
             const char  *name)
{
  GlossDocument *document = gloss_window_get_document (window);
  g_autofree char *base = NULL;

  if (document == NULL || !document_shown (window))
    return FALSE;

  base = g_file_get_basename (gloss_document_get_file (document));

  return g_strcmp0 (base, name) == 0;
}

static gboolean
latin_open (gpointer data)
{
  return document_is (data, "caf\xe9.txt");
}

static gboolean
folder_listed (gpointer data)
{
  GlossDocumentList *list = GLOSS_DOCUMENT_LIST (gloss_window_get_document_list (data));

  return document_shown (data) && g_list_model_get_n_items (gloss_document_list_get_entries (list)) == 2;
}

static void
test_non_utf8_name (void)
{
  g_autofree char *dir = make_workdir ((const char *[]) { NULL });
  g_autofree char *text = g_build_filename (dir, "caf\xe9.txt", NULL);
  g_autofree char *other = g_build_filename (dir, "a.txt", NULL);
  g_autofree char *json_path = g_strconcat (text, ".gloss.json", NULL);
  g_autofree char *json = NULL;
  GlossDocumentList *list;
  GlossWindow *window;
  GListModel *entries;

  write_text (text);
  write_text (other);

  /* The title shows the name, a byte that is not UTF-8 as U+FFFD */
  window = open_text (text);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "caf" REPLACEMENT ".txt");
  gtk_window_destroy (GTK_WINDOW (window));

  /* In a folder: the list, and Alt+Down onto it */
  window = open_window (dir);
  wait_for (folder_listed, window, "the folder to open");
  g_assert_true (document_is (window, "a.txt"));
  list = GLOSS_DOCUMENT_LIST (gloss_window_get_document_list (window));
  entries = gloss_document_list_get_entries (list);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(GlossFolderEntry) entry = g_list_model_get_item (entries, i);

      g_assert_true (g_utf8_validate (gloss_folder_entry_get_title (entry), -1, NULL));
    }

  g_assert_true (activate (window, "doc.next-document", NULL));
  wait_for (latin_open, window, "the text with the Latin-1 name");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "caf" REPLACEMENT ".txt");
  g_assert_true (activate (window, "doc.toggle-label", "s", "claim"));
  wait_for (all_saved, window, "the autosave");
  gtk_window_destroy (GTK_WINDOW (window));

  /* What was written for it opens again: valid JSON, the name escaped
   * as every export escapes it (byte E9 as %E9) */
  json = read_file (json_path);
  g_assert_true (g_utf8_validate (json, -1, NULL));
  g_assert_nonnull (strstr (json, "\"file\": \"caf%E9.txt\""));
  window = open_text (text);
  g_assert_false (gloss_document_get_read_only (gloss_window_get_document (window)));
  g_assert_cmpuint (gloss_document_count_label (gloss_window_get_document (window), "claim"), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  remove_tree (dir);
}

/* A change on disk of the same size, its time put back ---------------------- */

static gboolean
shows_quote_not_claim (gpointer data)
{
  GlossDocument *document = gloss_window_get_document (data);

  return document_shown (data) && gloss_document_count_label (document, "quote") == 1 &&
         gloss_document_count_label (document, "claim") == 0;
}

static gboolean
toast_says_loaded (gpointer data)
{
  return label_shows (data, "The file changed on disk and was loaded again");
}

static void
rewrite_in_place (const char *path,
                  const char *contents)
{
  struct stat before;
  struct timespec times[2];
  FILE *file;

  g_assert_cmpint (stat (path, &before), ==, 0);
  g_assert_cmpuint (strlen (contents), ==, (gsize)before.st_size);

  /* As an editor or a sync tool may: the same file, the same size, and
   * the modification time as it was */
  file = fopen (path, "r+");
  g_assert_nonnull (file);
  g_assert_cmpuint (fwrite (contents, 1, strlen (contents), file), ==, strlen (contents));
  g_assert_cmpint (fclose (file), ==, 0);

  times[0] = before.st_atim;
  times[1] = before.st_mtim;
  g_assert_cmpint (utimensat (AT_FDCWD, path, times, 0), ==, 0);
}

static void
test_same_size_change (void)
{
  g_autofree char *dir = make_workdir ((const char *[]) { "article.txt", NULL });
  g_autofree char *text = g_build_filename (dir, "article.txt", NULL);
  g_autofree char *json = g_build_filename (dir, "article.txt.gloss.json", NULL);
  g_autofree char *ours = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *on_disk = NULL;
  g_autoptr(GRegex) label = g_regex_new ("\"label\": \"claim\"", 0, 0, NULL);
  GlossWindow *window;

  g_settings_set_boolean (gloss_application_get_settings (app), "advance-after-label", FALSE);
  window = open_text (text);
  gloss_window_set_position (window, 1);
  g_assert_true (activate (window, "doc.toggle-label", "s", "claim"));
  wait_for (all_saved, window, "the label to be saved");
  spin (800);
  g_assert_cmpstr (gloss_window_get_save_status (window), ==, "saved");

  /* Another program's version: a quote, not a claim (the same length).
   * Nothing here is unsaved: it is simply shown, and said so */
  ours = read_file (json);
  theirs = g_regex_replace_literal (label, ours, -1, 0, "\"label\": \"quote\"", 0, NULL);
  g_assert_cmpstr (theirs, !=, ours);
  rewrite_in_place (json, theirs);
  wait_for (shows_quote_not_claim, window, "their version to be loaded");
  wait_for (toast_says_loaded, window, "the toast that says so");
  g_assert_cmpint (banner_kind (window), ==, GLOSS_CONFLICT_NONE);
  gloss_saver_set_delay (gloss_window_get_saver (window), 200);
  on_disk = read_file (json);
  g_assert_cmpstr (on_disk, ==, theirs);
  g_clear_pointer (&on_disk, g_free);

  /* Again, with a label here that is in no file yet: the banner */
  gloss_saver_set_delay (gloss_window_get_saver (window), 60000);
  gloss_window_set_position (window, 2);
  g_assert_true (activate (window, "doc.toggle-label", "s", "claim"));
  rewrite_in_place (json, ours);
  g_clear_pointer (&theirs, g_free);
  theirs = g_strdup (ours);

  wait_for (banner_shows_annotations, window, "the conflict banner");
  gloss_saver_set_delay (gloss_window_get_saver (window), 200);
  /* The header says so, not "Saved" */
  g_assert_cmpstr (gloss_window_get_save_status (window), ==, "conflict");

  /* More work here is held, and says so: not "Saving…" */
  gloss_window_set_position (window, 3);
  g_assert_true (activate (window, "doc.toggle-label", "s", "source"));
  spin (1500);
  g_assert_true (gloss_saver_get_dirty (gloss_window_get_saver (window)));
  g_assert_cmpstr (gloss_window_get_save_status (window), ==, "conflict");
  on_disk = read_file (json);
  g_assert_cmpstr (on_disk, ==, theirs);

  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (gloss_application_get_settings (app), "advance-after-label");
  remove_tree (dir);
}

/* Annotation files that may not be written, or cannot be read --------------- */

static void
test_read_only_file (void)
{
  g_autofree char *dir = make_workdir ((const char *[]) { "article.txt", NULL });
  g_autofree char *text = g_build_filename (dir, "article.txt", NULL);
  g_autofree char *json = g_build_filename (dir, "article.txt.gloss.json", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GlossWindow *window;
  const char *banner;
  GStatBuf buf;

  window = open_text (text);
  g_assert_true (activate (window, "doc.toggle-label", "s", "claim"));
  wait_for (all_saved, window, "the first save");
  gtk_window_destroy (GTK_WINDOW (window));

  /* Someone made it read-only (as root, the permissions alone say so) */
  g_assert_cmpint (g_chmod (json, 0444), ==, 0);
  before = read_file (json);

  window = open_window (text);
  wait_for (document_shown, window, "the read-only document");
  g_assert_true (gloss_document_get_read_only (gloss_window_get_document (window)));
  g_assert_cmpstr (gloss_window_get_save_status (window), ==, "read-only");
  /* The banner gives the document's reason: the file, and why */
  banner = gloss_window_get_read_only_text (window);
  g_assert_nonnull (banner);
  g_assert_cmpstr (banner, ==, gloss_document_get_read_only_reason (gloss_window_get_document (window)));
  g_assert_nonnull (strstr (banner, "article.txt.gloss.json” is read-only: its permissions let nobody write it"));
  g_assert_nonnull (find_action_button (GTK_WIDGET (window), "win.save-as"));
  g_assert_true (gtk_widget_is_sensitive (find_action_button (GTK_WIDGET (window), "win.save-as")));

  /* Nothing is changed, nothing replaced */
  activate (window, "doc.toggle-label", "s", "quote");
  activate (window, "doc.save", NULL);
  spin (800);
  after = read_file (json);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (g_stat (json, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, 0444);

  gtk_window_destroy (GTK_WINDOW (window));
  g_chmod (json, 0644);
  remove_tree (dir);
}

static gboolean
failed_shown (gpointer data)
{
  return gloss_window_get_failed_text (data) != NULL;
}

/* Why the window could not open @text, as it says it */
static char *
open_failure (const char *text)
{
  GlossWindow *window = open_window (text);
  char *message;

  wait_for (failed_shown, window, "the window to say it could not open");
  message = g_strdup (gloss_window_get_failed_text (window));
  gtk_window_destroy (GTK_WINDOW (window));

  return message;
}

static void
test_unreadable_file (void)
{
  g_autofree char *dir = make_workdir ((const char *[]) { "article.txt", NULL });
  g_autofree char *text = g_build_filename (dir, "article.txt", NULL);
  g_autofree char *json = g_build_filename (dir, "article.txt.gloss.json", NULL);
  g_autofree char *folder = NULL;
  g_autofree char *pipe = NULL;
  g_autofree char *text_pipe = NULL;

  /* A folder named like the annotation file: it is named, with why */
  g_assert_cmpint (g_mkdir (json, 0755), ==, 0);
  folder = open_failure (text);
  g_assert_nonnull (strstr (folder, "because of its annotation file: “article.txt.gloss.json” is not a regular "
                                    "file (it is a folder)"));
  g_rmdir (json);

  /* A named pipe in its place, which nobody writes to: said at once, no
   * spinner for ever (issue 10, item 6) */
  g_assert_cmpint (mkfifo (json, 0600), ==, 0);
  pipe = open_failure (text);
  g_assert_nonnull (strstr (pipe, "because of its annotation file: “article.txt.gloss.json” is not a regular "
                                  "file (it is a named pipe)"));
  g_remove (json);

  /* A text that is a named pipe is no text */
  g_remove (text);
  g_assert_cmpint (mkfifo (text, 0600), ==, 0);
  text_pipe = open_failure (text);
  g_assert_nonnull (strstr (text_pipe, "“article.txt” is not a regular file (it is a named pipe)"));
  g_assert_null (strstr (text_pipe, "annotation file"));
  g_remove (text);
  write_text (text);

  /* A file the user may not read (root may read anything) */
  if (geteuid () != 0)
    {
      g_autofree char *denied = NULL;

      write_text (json);
      g_assert_cmpint (g_chmod (json, 0), ==, 0);
      denied = open_failure (text);
      g_assert_nonnull (strstr (denied, "because of its annotation file: “article.txt.gloss.json” cannot be read"));
      g_assert_nonnull (strstr (denied, g_strerror (EACCES)));
      g_chmod (json, 0644);
    }
  else
    g_test_message ("running as root: a file without read permission is readable");

  remove_tree (dir);
}

/* A changed text: the banner says what is saved ----------------------------- */

static void
test_text_changed (void)
{
  g_autofree char *dir = make_workdir ((const char *[]) { "article.txt", NULL });
  g_autofree char *text = g_build_filename (dir, "article.txt", NULL);
  g_autofree char *json = g_build_filename (dir, "article.txt.gloss.json", NULL);
  g_autofree char *saved = NULL;
  GlossWindow *window;
  const char *message;

  g_settings_set_boolean (gloss_application_get_settings (app), "advance-after-label", FALSE);
  window = open_text (text);
  g_assert_true (activate (window, "doc.toggle-label", "s", "claim"));
  wait_for (all_saved, window, "the first save");

  write_text (text);
  wait_for (banner_shows_text, window, "the text-changed banner");

  /* Work goes on and is saved, for the text as it was: the banner says
   * so, and the header is true */
  gloss_window_set_position (window, 2);
  g_assert_true (activate (window, "doc.toggle-label", "s", "quote"));
  wait_for (all_saved, window, "the label to be saved, for the old text");
  saved = read_file (json);
  g_assert_nonnull (strstr (saved, "\"label\": \"quote\""));
  message = gloss_conflict_banner_get_message (find_banner (GTK_WIDGET (window)));
  g_assert_null (strstr (message, "nothing is saved"));
  g_assert_nonnull (strstr (message, "are still saved"));
  g_assert_cmpstr (gloss_window_get_save_status (window), ==, "saved");

  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (gloss_application_get_settings (app), "advance-after-label");
  remove_tree (dir);
}

/* What the header says while a note is typed ------------------------------- */

static void
test_note_status (void)
{
  g_autofree char *dir = make_workdir ((const char *[]) { "article.txt", NULL });
  g_autofree char *text = g_build_filename (dir, "article.txt", NULL);
  g_autofree char *json = g_build_filename (dir, "article.txt.gloss.json", NULL);
  g_autofree char *saved = NULL;
  GtkWidget *note_row;
  GlossWindow *window;

  g_settings_set_boolean (gloss_application_get_settings (app), "advance-after-label", FALSE);
  window = open_text (text);
  g_assert_true (activate (window, "doc.toggle-label", "s", "claim"));
  wait_for (all_saved, window, "the label to be saved");
  g_assert_cmpstr (gloss_window_get_save_status (window), ==, "saved");

  /* Typing a note: it is in no file yet, and the header does not say
   * Saved (the field is not focused: a window that is not the active one
   * under Xvfb gets no focus-out, which GTK warns about) */
  note_row = gloss_sidebar_get_note_row (GLOSS_SIDEBAR (gloss_window_get_sidebar (window)));
  gtk_editable_set_text (GTK_EDITABLE (note_row), "Checked against the minutes");
  g_assert_cmpstr (gloss_window_get_save_status (window), ==, "unsaved");

  /* Enter: it is saved */
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (note_row)), "activate");
  wait_for (all_saved, window, "the note to be saved");
  g_assert_cmpstr (gloss_window_get_save_status (window), ==, "saved");
  saved = read_file (json);
  g_assert_nonnull (strstr (saved, "Checked against the minutes"));

  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (gloss_application_get_settings (app), "advance-after-label");
  remove_tree (dir);
}

/* Unsaved work from an earlier run ------------------------------------------- */

static GlossRecovery *
keep_work (const char *text,
           const char *label)
{
  g_autoptr(GFile) file = g_file_new_for_path (text);
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  GlossRecovery *recovery;

  document = gloss_document_load (file, NULL, NULL, &error);
  g_assert_no_error (error);
  gloss_document_add_label (document, 1, label);
  recovery = gloss_recovery_save (document, FALSE, "No space left on device", &error);
  g_assert_no_error (error);

  return recovery;
}

static gboolean
offer_shown (gpointer data)
{
  return find_last_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static AdwMessageDialog *
wait_for_offer (void)
{
  AdwMessageDialog *dialog;
  const char *shot = g_getenv ("GLOSS_TEST_SCREENSHOT");

  gloss_application_offer_recovery (app);
  wait_for (offer_shown, NULL, "the recovery offer");
  dialog = ADW_MESSAGE_DIALOG (find_last_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Unsaved Work Found");

  /* For a look at it: GLOSS_TEST_SCREENSHOT=offer.png */
  if (shot != NULL)
    {
      g_autofree char *dialog_shot = g_strconcat (shot, ".dialog.png", NULL);

      spin (300);
      g_assert_true (render_to_png (GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (dialog))), shot));
      g_assert_true (render_to_png (GTK_WIDGET (dialog), dialog_shot));
    }

  return dialog;
}

static void
answer (AdwMessageDialog *dialog,
        const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static guint
count_recoveries (void)
{
  g_autoptr(GPtrArray) recoveries = gloss_recovery_list ();

  return recoveries->len;
}

static gboolean
no_recovery (gpointer data)
{
  return count_recoveries () == 0;
}

static void
test_recovery_offer (void)
{
  g_autofree char *dir = make_workdir ((const char *[]) { "article.txt", NULL });
  g_autofree char *text = g_build_filename (dir, "article.txt", NULL);
  g_autofree char *json = g_build_filename (dir, "article.txt.gloss.json", NULL);
  g_autofree char *saved = NULL;
  g_autoptr(GlossRecovery) recovery = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *when = NULL;
  AdwMessageDialog *dialog;
  GlossWindow *start;
  GlossWindow *window;
  const char *body;

  recovery = keep_work (text, "quote");
  local = g_date_time_to_local (gloss_recovery_get_created (recovery));
  when = g_date_time_format (local, "%-d %B %Y, %H:%M");

  start = g_object_new (GLOSS_TYPE_WINDOW, "application", app, NULL);
  gtk_window_present (GTK_WINDOW (start));

  /* Offered with the name, the time and why; Escape leaves it for later */
  dialog = wait_for_offer ();
  body = adw_message_dialog_get_body (dialog);
  g_assert_nonnull (strstr (body, "“article.txt”"));
  g_assert_nonnull (strstr (body, when));
  g_assert_nonnull (strstr (body, "No space left on device"));
  g_assert_true (adw_message_dialog_has_response (dialog, "restore"));
  g_assert_true (adw_message_dialog_has_response (dialog, "save-as"));
  g_assert_true (adw_message_dialog_has_response (dialog, "discard"));
  answer (dialog, adw_message_dialog_get_close_response (dialog));
  g_assert_cmpuint (count_recoveries (), ==, 1);

  /* Restore: the empty window shows the work as unsaved changes, and the
   * autosave writes it; then the recovery file goes */
  dialog = wait_for_offer ();
  answer (dialog, "restore");
  wait_for (document_shown, start, "the restored work");
  window = start;
  g_assert_true (gloss_saver_get_dirty (gloss_window_get_saver (window)) ||
                 g_file_test (json, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (gloss_document_count_label (gloss_window_get_document (window), "quote"), ==, 1);
  wait_for (all_saved, window, "the restored work to be saved");
  wait_for (no_recovery, NULL, "the recovery file to go");
  saved = read_file (json);
  g_assert_nonnull (strstr (saved, "\"label\": \"quote\""));
  gtk_window_destroy (GTK_WINDOW (window));

  /* Discard deletes it */
  g_clear_object (&recovery);
  recovery = keep_work (text, "source");
  start = g_object_new (GLOSS_TYPE_WINDOW, "application", app, NULL);
  gtk_window_present (GTK_WINDOW (start));
  answer (wait_for_offer (), "discard");
  g_assert_cmpuint (count_recoveries (), ==, 0);
  g_clear_pointer (&saved, g_free);
  saved = read_file (json);
  g_assert_null (strstr (saved, "\"label\": \"source\""));

  gtk_window_destroy (GTK_WINDOW (start));
  remove_tree (dir);
}

static void
test_recovery_conflict (void)
{
  g_autofree char *dir = make_workdir ((const char *[]) { "article.txt", NULL });
  g_autofree char *text = g_build_filename (dir, "article.txt", NULL);
  g_autofree char *json = g_build_filename (dir, "article.txt.gloss.json", NULL);
  g_autofree char *mine = g_build_filename (dir, "article.txt.gloss.mine.json", NULL);
  g_autofree char *theirs = NULL;
  g_autofree char *on_disk = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(GlossRecovery) recovery = NULL;
  GlossWindow *window;

  /* The work was kept; since then someone else wrote the annotations */
  recovery = keep_work (text, "quote");
  window = open_text (text);
  g_assert_true (activate (window, "doc.toggle-label", "s", "source"));
  wait_for (all_saved, window, "their save");
  gtk_window_destroy (GTK_WINDOW (window));
  theirs = read_file (json);

  /* Gloss FILE at the next start: restoring into the window of that text
   * does not write over theirs */
  window = open_window (text);
  answer (wait_for_offer (), "restore");
  wait_for (banner_shows_annotations, window, "the conflict banner over the restored work");
  g_assert_cmpuint (gloss_document_count_label (gloss_window_get_document (window), "quote"), ==, 1);
  g_assert_cmpstr (gloss_window_get_save_status (window), ==, "conflict");
  spin (1000);
  on_disk = read_file (json);
  g_assert_cmpstr (on_disk, ==, theirs);
  g_assert_cmpuint (count_recoveries (), ==, 1);

  /* Keep Mine: the work beside theirs, and the recovery goes */
  g_assert_true (activate (window, "win.keep-mine", NULL));
  wait_for (no_recovery, NULL, "the recovery file to go");
  kept = read_file (mine);
  g_assert_nonnull (strstr (kept, "\"label\": \"quote\""));
  g_clear_pointer (&on_disk, g_free);
  on_disk = read_file (json);
  g_assert_cmpstr (on_disk, ==, theirs);

  gtk_window_destroy (GTK_WINDOW (window));
  remove_tree (dir);
}

/* Save As… of kept work writes as every save does: a read-only file is
 * not replaced, and the work stays kept until it is saved */
static void
test_recovery_save_to (void)
{
  g_autofree char *dir = make_workdir ((const char *[]) { "article.txt", NULL });
  g_autofree char *text = g_build_filename (dir, "article.txt", NULL);
  g_autofree char *locked = g_build_filename (dir, "locked.json", NULL);
  g_autofree char *chosen = g_build_filename (dir, "chosen.json", NULL);
  g_autofree char *after = NULL;
  g_autofree char *saved = NULL;
  g_autoptr(GlossRecovery) recovery = NULL;
  g_autoptr(GFile) locked_file = g_file_new_for_path (locked);
  g_autoptr(GFile) chosen_file = g_file_new_for_path (chosen);
  g_autoptr(GError) error = NULL;
  GlossWindow *window;
  GStatBuf buf;

  recovery = keep_work (text, "quote");
  g_file_set_contents (locked, "theirs\n", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (locked, 0444), ==, 0);

  window = g_object_new (GLOSS_TYPE_WINDOW, "application", app, NULL);
  gtk_window_present (GTK_WINDOW (window));
  gloss_window_save_recovery_to (window, recovery, locked_file);
  spin (800);
  after = read_file (locked);
  g_assert_cmpstr (after, ==, "theirs\n");
  g_assert_cmpint (g_stat (locked, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, 0444);
  g_assert_cmpuint (count_recoveries (), ==, 1);

  gloss_window_save_recovery_to (window, recovery, chosen_file);
  wait_for (no_recovery, NULL, "the recovery file to go once saved");
  saved = read_file (chosen);
  g_assert_nonnull (strstr (saved, "\"quote\""));
  g_assert_nonnull (strstr (saved, "\"annotations\""));

  gtk_window_destroy (GTK_WINDOW (window));
  g_chmod (locked, 0644);
  remove_tree (dir);
}

static gboolean
toast_names_mine (gpointer data)
{
  return label_shows (data, "“R&D <1>.txt.gloss.mine.json”");
}

/* A toast names a file whatever characters its name holds: a toast's
 * title is markup in libadwaita 1.2 */
static void
test_toast_names (void)
{
  g_autofree char *dir = make_workdir ((const char *[]) { NULL });
  g_autofree char *text = g_build_filename (dir, "R&D <1>.txt", NULL);
  g_autofree char *json = g_build_filename (dir, "R&D <1>.txt.gloss.json", NULL);
  g_autofree char *mine = g_build_filename (dir, "R&D <1>.txt.gloss.mine.json", NULL);
  g_autofree char *ours = NULL;
  g_autofree char *theirs = NULL;
  g_autoptr(GError) error = NULL;
  GlossWindow *window;

  /* Someone else's change, and Keep Mine: the toast names where ours are */
  write_text (text);
  window = open_text (text);
  g_assert_true (activate (window, "doc.toggle-label", "s", "claim"));
  wait_for (all_saved, window, "the label to be saved");
  ours = read_file (json);
  /* Work here that is in no file yet */
  gloss_saver_set_delay (gloss_window_get_saver (window), 60000);
  g_assert_true (activate (window, "doc.toggle-label", "s", "quote"));
  theirs = g_strconcat (ours, "\n", NULL);
  g_file_set_contents (json, theirs, -1, &error);
  g_assert_no_error (error);
  wait_for (banner_shows_annotations, window, "the conflict banner");
  g_assert_true (activate (window, "win.keep-mine", NULL));
  wait_for (toast_names_mine, window, "the toast that names the file kept");
  g_assert_true (g_file_test (mine, G_FILE_TEST_IS_REGULAR));

  gtk_window_destroy (GTK_WINDOW (window));
  remove_tree (dir);
}

/* A checkout, a merge: git in a repository of a temporary folder -------- */

/* German, „…“, CR LF, 😊: the text on main, and Bea's version of it */
#define TEXT_MAIN "Die Ministerin sagte: „Wir bauen die Brücke.“\r\nKritiker widersprachen 😊.\r\n" \
                  "The mayor said: “We will pay.”\r\n"
#define TEXT_BEA  "Die Ministerin sagte am Montag: „Wir bauen die Brücke.“\r\nKritiker widersprachen 😊.\r\n" \
                  "The mayor said: “We will pay.”\r\nNobody objected.\r\n"

static void
write_bytes (const char *path,
             const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

/* An annotation file for @path as the core writes it, with @label on the
 * sentences at @positions (ending in -1) */
static void
annotate (const char *path,
          const char *label,
          const int  *positions)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = gloss_document_load (file, NULL, NULL, &error);
  g_assert_no_error (error);
  gloss_document_set_annotator (document, "Bea");
  for (guint i = 0; positions[i] >= 0; i++)
    g_assert_true (gloss_document_add_label (document, positions[i], label));
  g_assert_true (gloss_document_save (document, NULL, &error));
  g_assert_no_error (error);
}

/* A repository whose main has TEXT_MAIN with a claim on its first
 * sentence; branch bea has TEXT_BEA with quotes on sentences 0 and 3, and
 * branch ada main's text with a source on sentence 2 */
static char *
make_repository (char **text)
{
  g_autofree char *dir = make_workdir ((const char *[]) { NULL });
  g_autofree char *json = NULL;
  char *out;

  *text = g_build_filename (dir, "artikel.txt", NULL);
  json = g_strconcat (*text, ".gloss.json", NULL);

  g_free (git_fixtures_run (dir, "init", "-q", "-b", "main", NULL));
  write_bytes (*text, TEXT_MAIN);
  annotate (*text, "claim", (const int[]) { 0, -1 });
  g_free (git_fixtures_run (dir, "add", "-A", NULL));
  g_free (git_fixtures_run (dir, "commit", "-q", "-m", "Ada beginnt", NULL));

  g_free (git_fixtures_run (dir, "checkout", "-q", "-b", "ada", NULL));
  annotate (*text, "source", (const int[]) { 2, -1 });
  g_free (git_fixtures_run (dir, "commit", "-q", "-a", "-m", "Ada: eine Quelle", NULL));

  g_free (git_fixtures_run (dir, "checkout", "-q", "-b", "bea", "main", NULL));
  write_bytes (*text, TEXT_BEA);
  g_remove (json);
  annotate (*text, "quote", (const int[]) { 0, 3, -1 });
  g_free (git_fixtures_run (dir, "commit", "-q", "-a", "-m", "Bea: neuer Text, zwei Zitate", NULL));
  g_free (git_fixtures_run (dir, "checkout", "-q", "main", NULL));

  out = g_steal_pointer (&dir);
  return out;
}

static const char *
shown_text (GlossWindow *window)
{
  GlossDocument *document = gloss_window_get_document (window);

  return document ? gloss_text_get_contents (gloss_document_get_text (document)) : NULL;
}

static gboolean
shows_bea (gpointer data)
{
  GlossDocument *document = gloss_window_get_document (data);

  return document_shown (data) && g_strcmp0 (shown_text (data), TEXT_BEA) == 0 &&
         gloss_document_count_label (document, "quote") == 2;
}

static gboolean
shows_merged (gpointer data)
{
  GlossDocument *document = gloss_window_get_document (data);

  return document_shown (data) && gloss_document_count_label (document, "source") == 1 &&
         gloss_document_count_label (document, "claim") == 1;
}

/* The window and the work tree agree, and the window writes nothing */
static void
assert_clean (GlossWindow *window,
              const char  *dir)
{
  g_autofree char *status = NULL;

  spin (800);
  g_assert_cmpint (banner_kind (window), ==, GLOSS_CONFLICT_NONE);
  g_assert_false (gloss_document_get_read_only (gloss_window_get_document (window)));
  g_assert_cmpuint (gloss_document_get_problems (gloss_window_get_document (window))->len, ==, 0);
  g_assert_cmpstr (gloss_window_get_save_status (window), ==, "saved");
  status = git_fixtures_run (dir, "status", "--porcelain", NULL);
  g_assert_cmpstr (status, ==, "");
}

static void
test_checkout (void)
{
  g_autofree char *text = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *json = NULL;
  g_autofree char *committed = NULL;
  g_autofree char *on_disk = NULL;
  GlossWindow *window;

  if (!git_fixtures_have_git ())
    return;

  dir = make_repository (&text);
  json = g_strconcat (text, ".gloss.json", NULL);
  window = open_text (text);
  g_assert_cmpstr (shown_text (window), ==, TEXT_MAIN);
  g_assert_cmpuint (gloss_document_count_label (gloss_window_get_document (window), "claim"), ==, 1);

  /* Another branch: another text, with its annotations, in new files */
  g_free (git_fixtures_run (dir, "checkout", "-q", "bea", NULL));
  wait_for (shows_bea, window, "Bea's text and quotes");
  wait_for (toast_says_loaded, window, "the toast that says so");
  g_assert_cmpuint (gloss_document_count_label (gloss_window_get_document (window), "claim"), ==, 0);
  assert_clean (window, dir);
  committed = git_fixtures_run (dir, "show", "bea:artikel.txt.gloss.json", NULL);
  on_disk = read_file (json);
  g_assert_cmpstr (on_disk, ==, committed);

  /* Work goes on, saved into Bea's file */
  gloss_window_set_position (window, 1);
  g_assert_true (activate (window, "doc.toggle-label", "s", "claim"));
  wait_for (all_saved, window, "the label to be saved");
  g_clear_pointer (&on_disk, g_free);
  on_disk = read_file (json);
  g_assert_nonnull (strstr (on_disk, "\"label\": \"claim\""));
  g_assert_nonnull (strstr (on_disk, "\"text\": \"Kritiker widersprachen 😊.\""));

  gtk_window_destroy (GTK_WINDOW (window));
  remove_tree (dir);
}

static void
test_merge (void)
{
  g_autofree char *text = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *readme = NULL;
  GlossWindow *window;

  if (!git_fixtures_have_git ())
    return;

  dir = make_repository (&text);
  /* main moves on elsewhere, so that the merge is a real one */
  readme = g_build_filename (dir, "LIESMICH", NULL);
  write_bytes (readme, "Korpus\n");
  g_free (git_fixtures_run (dir, "add", "LIESMICH", NULL));
  g_free (git_fixtures_run (dir, "commit", "-q", "-m", "Liesmich", NULL));

  window = open_text (text);
  g_free (git_fixtures_run (dir, "merge", "-q", "--no-edit", "ada", NULL));
  wait_for (shows_merged, window, "Ada's source merged in");
  wait_for (toast_says_loaded, window, "the toast that says so");
  g_assert_cmpstr (shown_text (window), ==, TEXT_MAIN);
  assert_clean (window, dir);

  gtk_window_destroy (GTK_WINDOW (window));
  remove_tree (dir);
}

static void
test_checkout_unsaved (void)
{
  g_autofree char *text = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *json = NULL;
  g_autofree char *mine = NULL;
  g_autofree char *committed = NULL;
  g_autofree char *on_disk = NULL;
  g_autofree char *kept = NULL;
  GlossDocument *document;
  GlossWindow *window;

  if (!git_fixtures_have_git ())
    return;

  g_settings_set_boolean (gloss_application_get_settings (app), "advance-after-label", FALSE);
  dir = make_repository (&text);
  json = g_strconcat (text, ".gloss.json", NULL);
  mine = g_strconcat (text, ".gloss.mine.json", NULL);
  window = open_text (text);

  /* A label that is only in the window */
  gloss_saver_set_delay (gloss_window_get_saver (window), 60000);
  gloss_window_set_position (window, 2);
  g_assert_true (activate (window, "doc.toggle-label", "s", "quote"));
  g_assert_true (gloss_saver_get_dirty (gloss_window_get_saver (window)));

  g_free (git_fixtures_run (dir, "checkout", "-q", "bea", NULL));
  wait_for (banner_shows_annotations, window, "the conflict banner");
  g_assert_cmpstr (gloss_window_get_save_status (window), ==, "conflict");

  /* Nothing lost, nothing written over Bea's */
  document = gloss_window_get_document (window);
  g_assert_cmpstr (shown_text (window), ==, TEXT_MAIN);
  g_assert_cmpuint (gloss_document_count_label (document, "quote"), ==, 1);
  g_assert_cmpuint (gloss_document_count_label (document, "claim"), ==, 1);
  gloss_saver_save_now (gloss_window_get_saver (window));
  spin (800);
  committed = git_fixtures_run (dir, "show", "bea:artikel.txt.gloss.json", NULL);
  on_disk = read_file (json);
  g_assert_cmpstr (on_disk, ==, committed);

  /* Keep Mine: ours beside Bea's, and Bea's shown */
  g_assert_true (activate (window, "win.keep-mine", NULL));
  wait_for (shows_bea, window, "Bea's text and quotes");
  kept = read_file (mine);
  g_assert_nonnull (strstr (kept, "\"label\": \"quote\", \"start\": 74"));
  g_assert_nonnull (strstr (kept, "\"label\": \"claim\""));
  g_assert_nonnull (strstr (kept, "“We will pay.”"));

  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (gloss_application_get_settings (app), "advance-after-label");
  remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *data_dir = g_dir_make_tmp ("gloss-data-XXXXXX", NULL);
  int ret;

  /* Recovery files go to a folder of this test, not the user's */
  g_setenv ("XDG_DATA_HOME", data_dir, TRUE);
  git_fixtures_init ();
  app = ui_test_init (&argc, &argv);

  g_test_add_func ("/gloss/window-disk/non-utf8-name", test_non_utf8_name);
  g_test_add_func ("/gloss/window-disk/same-size-change", test_same_size_change);
  g_test_add_func ("/gloss/window-disk/read-only-file", test_read_only_file);
  g_test_add_func ("/gloss/window-disk/unreadable-file", test_unreadable_file);
  g_test_add_func ("/gloss/window-disk/text-changed", test_text_changed);
  g_test_add_func ("/gloss/window-disk/note-status", test_note_status);
  g_test_add_func ("/gloss/window-disk/recovery-offer", test_recovery_offer);
  g_test_add_func ("/gloss/window-disk/recovery-conflict", test_recovery_conflict);
  g_test_add_func ("/gloss/window-disk/recovery-save-to", test_recovery_save_to);
  g_test_add_func ("/gloss/window-disk/toast-names", test_toast_names);
  g_test_add_func ("/gloss/window-disk/git-checkout", test_checkout);
  g_test_add_func ("/gloss/window-disk/git-merge", test_merge);
  g_test_add_func ("/gloss/window-disk/git-checkout-unsaved", test_checkout_unsaved);

  ret = g_test_run ();

  remove_tree (data_dir);
  g_clear_object (&app);

  return ret;
}
