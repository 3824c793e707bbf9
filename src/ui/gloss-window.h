/* gloss-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "gloss-types.h"

G_BEGIN_DECLS

typedef struct _GlossSaver GlossSaver;
typedef struct _GlossRecovery GlossRecovery;

#define GLOSS_TYPE_WINDOW (gloss_window_get_type ())

G_DECLARE_FINAL_TYPE (GlossWindow, gloss_window, GLOSS, WINDOW, AdwApplicationWindow)

void           gloss_window_open             (GlossWindow *self,
                                              GFile       *file);
gboolean       gloss_window_is_empty         (GlossWindow *self);
GlossDocument *gloss_window_get_document     (GlossWindow *self);
GFile         *gloss_window_get_folder       (GlossWindow *self);
GlossSaver    *gloss_window_get_saver        (GlossWindow *self);
int            gloss_window_get_position     (GlossWindow *self);
void           gloss_window_set_position     (GlossWindow *self,
                                              int          position);
void           gloss_window_set_loading_delay (GlossWindow *self,
                                               guint        ms);
GtkWidget     *gloss_window_get_article_view (GlossWindow *self);
GtkWidget     *gloss_window_get_sidebar      (GlossWindow *self);
GtkWidget     *gloss_window_get_document_list (GlossWindow *self);
const char    *gloss_window_get_page         (GlossWindow *self);
const char    *gloss_window_get_save_status  (GlossWindow *self);
const char    *gloss_window_get_error_text   (GlossWindow *self);
const char    *gloss_window_get_read_only_text (GlossWindow *self);
const char    *gloss_window_get_failed_text  (GlossWindow *self);
GtkWindow     *gloss_window_get_labels_editor (GlossWindow *self);
guint          gloss_window_get_current_span (GlossWindow *self);
void           gloss_window_prepare_quit     (GlossWindow *self);
void           gloss_window_restore          (GlossWindow *self,
                                              GlossRecovery *recovery);
void           gloss_window_save_recovery_as (GlossWindow *self,
                                              GlossRecovery *recovery);
void           gloss_window_save_recovery_to (GlossWindow *self,
                                              GlossRecovery *recovery,
                                              GFile       *file);
gboolean       gloss_window_shows_file       (GlossWindow *self,
                                              GFile       *file);
GtkWindow     *gloss_window_get_corpus_search (GlossWindow *self);
GtkWindow     *gloss_window_get_stats_window (GlossWindow *self);

G_END_DECLS
