/* gloss-folder-entry.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define GLOSS_TYPE_FOLDER_ENTRY (gloss_folder_entry_get_type ())

G_DECLARE_FINAL_TYPE (GlossFolderEntry, gloss_folder_entry, GLOSS, FOLDER_ENTRY, GObject)

GlossFolderEntry *gloss_folder_entry_new             (GFile            *root,
                                                      GFile            *file);
GFile            *gloss_folder_entry_get_file        (GlossFolderEntry *self);
const char       *gloss_folder_entry_get_title       (GlossFolderEntry *self);
guint             gloss_folder_entry_get_n_sentences (GlossFolderEntry *self);
guint             gloss_folder_entry_get_n_annotated (GlossFolderEntry *self);
guint             gloss_folder_entry_get_n_spans     (GlossFolderEntry *self);
gboolean          gloss_folder_entry_get_done        (GlossFolderEntry *self);
gboolean          gloss_folder_entry_get_broken      (GlossFolderEntry *self);
void              gloss_folder_entry_update          (GlossFolderEntry *self,
                                                      guint             n_sentences,
                                                      guint             n_annotated,
                                                      guint             n_spans,
                                                      gboolean          done,
                                                      gboolean          broken);

G_END_DECLS
