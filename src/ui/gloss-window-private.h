/* gloss-window-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gloss-article-view.h"
#include "gloss-corpus-search.h"
#include "gloss-document-list.h"
#include "gloss-name-matcher.h"
#include "gloss-recovery.h"
#include "gloss-saver.h"
#include "gloss-sidebar.h"
#include "gloss-window.h"

G_BEGIN_DECLS

struct _GlossWindow
{
  AdwApplicationWindow  parent_instance;

  GCancellable         *cancellable;     /* cancelled in dispose */
  GCancellable         *load_cancellable;
  GSettings            *settings;
  GFile                *folder;          /* in folder mode */
  GFile                *loading;         /* the text being loaded */
  GFile                *pending_open;    /* opened once the changes are saved */
  GlossDocument        *document;
  GlossSaver           *saver;
  GtkWindow            *labels_editor;
  int                   position;
  guint                 current_span;    /* a span id, or GLOSS_ARTICLE_VIEW_NO_SPAN */
  guint                 span_actions_state; /* what the span actions were enabled for */
  guint                 loading_id;      /* shows the spinner on a slow load */
  guint                 loading_delay;   /* ms before it does */
  GlossText            *loaded_text;     /* of the text being loaded, once read */
  char                 *loaded_display;  /* what the view shows of it, or NULL */
  gsize                 loaded_display_length;
  guint                 sidebar_visible : 1;
  guint                 document_list_visible : 1;
  guint                 close_confirmed : 1;
  guint                 close_after_save : 1;
  guint                 saved_elsewhere : 1;
  guint                 pending_is_folder : 1;
  guint                 load_slow : 1;   /* the text is shown once read */
  guint                 text_shown : 1;  /* the loading text is shown */

  /* gloss-window-boundaries.c: the split mode */
  GSimpleAction        *language_action;  /* language.set, owned by its group */
  int                   split_position;  /* the sentence, -1 outside the mode */
  int                   split_offset;    /* in the sentence, in characters */
  gunichar             *split_text;      /* the sentence's characters */
  glong                 split_length;
  int                   clicked_offset;  /* where the context menu opened */

  /* gloss-window-disk.c: changes by others, re-anchoring, encodings,
   * unsaved work restored */
  GFileMonitor         *json_monitor;
  GFileMonitor         *text_monitor;
  guint                 disk_check_id;
  guint                 checking : 1;    /* a change on disk is being looked at */
  guint                 restoring : 1;   /* unsaved work is being restored */
  guint                 reloading : 1;   /* a change on disk is being loaded, as nothing here was unsaved */
  GCancellable         *disk_cancellable; /* of the open document's watch */
  int                   conflict;        /* a GlossConflictKind */
  GlossRecovery        *recovery;        /* restored here, deleted once saved */
  GtkWindow            *reanchor_dialog;
  GtkWidget            *reanchor_button;
  GtkWidget            *conflict_banner;

  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkWidget            *list_button;
  GtkToggleButton      *search_button;
  GtkWidget            *sidebar_button;
  GtkWidget            *history_box;
  GtkStack             *save_stack;
  const char           *save_page;       /* what it says, maybe a frame before it shows it */
  GdkFrameClock        *save_clock;      /* the frame after which it shows "Saving…" */
  gulong                save_paint_id;
  guint                 save_idle_id;
  GtkRevealer          *error_revealer;
  GtkLabel             *error_label;
  GtkRevealer          *read_only_revealer;
  GtkLabel             *read_only_label;
  GtkWidget            *read_only_save_button;
  GtkLabel             *conflict_status_label;
  GtkStack             *main_stack;
  AdwStatusPage        *failed_page;
  GtkSpinner           *loading_spinner;
  GtkWidget            *recent_box;
  GtkListBox           *recent_list;
  GtkPaned             *outer_paned;
  GtkPaned             *inner_paned;
  GlossDocumentList    *document_list;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GlossArticleView     *article_view;
  GlossSidebar         *sidebar;

  /* gloss-window-clashes.c: a merge's clashes */
  GtkRevealer          *clash_revealer;
  GtkLabel             *clash_label;
  GtkWindow            *clash_dialog;
  guint                 n_clashes;       /* as last shown */

  /* gloss-window-suggestions.c */
  GCancellable         *suggest_cancellable;
  GlossNameMatcher     *folder_names;             /* the speakers of folder_names_of's texts, read once */
  GFile                *folder_names_of;
  guint                 current_suggestion;       /* a head's id, or GLOSS_ARTICLE_VIEW_NO_SPAN */
  guint                 current_suggestion_start; /* where it was, to go on from when it goes */

  /* gloss-window-search.c */
  GlossCorpusSearch    *corpus_search;
  GFile                *hit_file;        /* a hit waiting for its document */
  guint                 hit_start;
  guint                 hit_end;
  char                 *hit_label;       /* to tag it with, or NULL */
  GtkWindow            *stats_window;
  guint                 search_after_save : 1;
};

void     _gloss_window_class_init_actions (GtkWidgetClass *widget_class);
void     _gloss_window_init_actions       (GlossWindow    *self);
void     _gloss_window_update_actions     (GlossWindow    *self);
void     _gloss_window_open_text          (GlossWindow    *self,
                                           GFile          *file);
void     _gloss_window_open_folder        (GlossWindow    *self,
                                           GFile          *folder);
gboolean _gloss_window_can_leave_document (GlossWindow    *self);
void     _gloss_window_save_as            (GlossWindow    *self);
gboolean _gloss_window_can_edit           (GlossWindow    *self);
gboolean _gloss_window_has_sentence       (GlossWindow    *self);
void     _gloss_window_show_toast         (GlossWindow    *self,
                                           const char     *message);
void     _gloss_window_find               (GlossWindow    *self,
                                           gboolean        backwards,
                                           gboolean        skip_current);
void     _gloss_window_set_document       (GlossWindow    *self,
                                           GlossDocument  *document);

/* gloss-window-boundaries.c */
void     _gloss_window_class_init_boundaries (GtkWidgetClass *widget_class);
void     _gloss_window_init_boundaries    (GlossWindow    *self);
void     _gloss_window_update_boundary_actions (GlossWindow *self);
gboolean _gloss_window_split_mode_key     (GlossWindow    *self,
                                           guint           keyval,
                                           GdkModifierType mods);
void     _gloss_window_end_split_mode     (GlossWindow    *self);

/* gloss-window-disk.c */
void     _gloss_window_class_init_disk    (GtkWidgetClass *widget_class);
void     _gloss_window_document_set       (GlossWindow    *self);
void     _gloss_window_document_cleared   (GlossWindow    *self);
void     _gloss_window_ask_encoding       (GlossWindow    *self,
                                           GFile          *file,
                                           const GError   *error);
gboolean _gloss_window_close_in_conflict  (GlossWindow    *self);
char    *_gloss_window_describe_load_error (GFile         *file,
                                            const GError  *error);
void     _gloss_window_stop_watching      (GlossWindow    *self);
void     _gloss_window_set_conflict_annotations (GlossWindow *self);

/* gloss-window-suggestions.c */
void     _gloss_window_class_init_suggestions (GtkWidgetClass *widget_class);
void     _gloss_window_suggestions_document_set (GlossWindow *self);
void     _gloss_window_suggestions_cleared (GlossWindow   *self,
                                            GlossDocument *left);
void     _gloss_window_update_suggestion_actions (GlossWindow *self);
gboolean _gloss_window_suggestions_key    (GlossWindow    *self,
                                           guint           keyval,
                                           GdkModifierType mods);

/* gloss-window-spans.c */
void     _gloss_window_class_init_spans   (GtkWidgetClass *widget_class);
void     _gloss_window_init_spans         (GlossWindow    *self);
void     _gloss_window_update_span_actions (GlossWindow   *self);
gboolean _gloss_window_spans_key          (GlossWindow    *self,
                                           guint           keyval,
                                           GdkModifierType mods,
                                           gboolean        in_list);
void     _gloss_window_set_current_span   (GlossWindow    *self,
                                           guint           id,
                                           gboolean        scroll);
void     _gloss_window_spans_changed      (GlossWindow    *self);
void     _gloss_window_caret_to_sentence  (GlossWindow    *self);
gboolean _gloss_window_tag_or_toggle      (GlossWindow    *self,
                                           GlossLabel     *label);

/* gloss-window-search.c */
void     _gloss_window_class_init_search  (GtkWidgetClass *widget_class);
void     _gloss_window_search_document_set (GlossWindow   *self);
void     _gloss_window_search_saved       (GlossWindow    *self);
void     _gloss_window_search_cleared     (GlossWindow    *self);
void     _gloss_window_update_search_actions (GlossWindow *self);
/* gloss-window-clashes.c */
void     _gloss_window_class_init_clashes (GtkWidgetClass *widget_class);
void     _gloss_window_update_clashes     (GlossWindow    *self,
                                           gboolean        opened);
void     _gloss_window_clashes_cleared    (GlossWindow    *self);

/* gloss-window-recovery.c */
void     _gloss_window_recovery_done      (GlossWindow    *self);

/* gloss-window.c */
void     _gloss_window_set_position_full  (GlossWindow    *self,
                                           int             position,
                                           gboolean        scroll);
void     _gloss_window_update_save_status (GlossWindow    *self);
void     _gloss_window_show_failed        (GlossWindow    *self,
                                           const char     *description);

G_END_DECLS
