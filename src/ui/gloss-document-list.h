/* gloss-document-list.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "gloss-types.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_DOCUMENT_LIST (gloss_document_list_get_type ())

G_DECLARE_FINAL_TYPE (GlossDocumentList, gloss_document_list, GLOSS, DOCUMENT_LIST, GtkWidget)

void        gloss_document_list_set_folder        (GlossDocumentList *self,
                                                   GFile             *folder);
GFile      *gloss_document_list_get_folder        (GlossDocumentList *self);
GListModel *gloss_document_list_get_entries       (GlossDocumentList *self);
void        gloss_document_list_set_current       (GlossDocumentList *self,
                                                   GFile             *file);
GFile      *gloss_document_list_get_adjacent      (GlossDocumentList *self,
                                                   GFile             *current,
                                                   int                direction);
GFile      *gloss_document_list_get_first_unfinished (GlossDocumentList *self);
void        gloss_document_list_update_document   (GlossDocumentList *self,
                                                   GlossDocument     *document);

G_END_DECLS
