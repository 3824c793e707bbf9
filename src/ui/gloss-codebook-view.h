/* gloss-codebook-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "gloss-types.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_CODEBOOK_VIEW (gloss_codebook_view_get_type ())

G_DECLARE_FINAL_TYPE (GlossCodebookView, gloss_codebook_view, GLOSS, CODEBOOK_VIEW, GtkWidget)

GtkWidget  *gloss_codebook_view_new        (void);
void        gloss_codebook_view_set_labels (GlossCodebookView *self,
                                            GPtrArray         *labels);
const char *gloss_codebook_view_get_text   (GlossCodebookView *self);
char       *gloss_codebook_view_dup_entry  (GlossLabel        *label);

G_END_DECLS
