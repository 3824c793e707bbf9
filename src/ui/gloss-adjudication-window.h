/* gloss-adjudication-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "gloss-adjudication.h"
#include "gloss-saver.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_ADJUDICATION_WINDOW (gloss_adjudication_window_get_type ())

G_DECLARE_FINAL_TYPE (GlossAdjudicationWindow, gloss_adjudication_window, GLOSS, ADJUDICATION_WINDOW, AdwApplicationWindow)

GlossAdjudicationWindow *gloss_adjudication_window_new        (GtkApplication          *application);
void               gloss_adjudication_window_set_folders      (GlossAdjudicationWindow *self,
                                                               GPtrArray               *roots,
                                                               GFile                   *gold_root);
void               gloss_adjudication_window_set_repository   (GlossAdjudicationWindow *self,
                                                               GFile                   *folder);
const char * const *gloss_adjudication_window_get_branches   (GlossAdjudicationWindow *self);
void               gloss_adjudication_window_set_gold         (GlossAdjudicationWindow *self,
                                                               GFile                   *gold_root);
const char        *gloss_adjudication_window_get_page         (GlossAdjudicationWindow *self);
guint              gloss_adjudication_window_get_n_documents  (GlossAdjudicationWindow *self);
GlossAdjudication *gloss_adjudication_window_get_adjudication (GlossAdjudicationWindow *self);
GlossSaver        *gloss_adjudication_window_get_saver        (GlossAdjudicationWindow *self);
int                gloss_adjudication_window_get_current      (GlossAdjudicationWindow *self);

G_END_DECLS
