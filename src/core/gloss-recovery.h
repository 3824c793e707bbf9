/* gloss-recovery.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "gloss-saver.h"
#include "gloss-types.h"

G_BEGIN_DECLS

#define GLOSS_RECOVERY_FORMAT "gloss-recovery"

#define GLOSS_TYPE_RECOVERY (gloss_recovery_get_type ())

G_DECLARE_FINAL_TYPE (GlossRecovery, gloss_recovery, GLOSS, RECOVERY, GObject)

char          *gloss_recovery_dup_folder        (void);
GlossRecovery *gloss_recovery_save              (GlossDocument  *document,
                                                 gboolean        conflict,
                                                 const char     *reason,
                                                 GError        **error);
GlossRecovery *gloss_recovery_flush             (GlossSaver     *saver,
                                                 GError        **error);
GlossRecovery *gloss_recovery_load              (GFile          *file,
                                                 GError        **error);
GPtrArray     *gloss_recovery_list              (void);
GFile         *gloss_recovery_get_file          (GlossRecovery  *self);
GFile         *gloss_recovery_get_text_file     (GlossRecovery  *self);
const char    *gloss_recovery_get_name          (GlossRecovery  *self);
GDateTime     *gloss_recovery_get_created       (GlossRecovery  *self);
const char    *gloss_recovery_get_reason        (GlossRecovery  *self);
gboolean       gloss_recovery_get_conflict      (GlossRecovery  *self);
GBytes        *gloss_recovery_dup_annotations   (GlossRecovery  *self);
GlossDocument *gloss_recovery_load_document     (GlossRecovery  *self,
                                                 GCancellable   *cancellable,
                                                 GError        **error);
gboolean       gloss_recovery_changed_on_disk   (GlossRecovery  *self);
char          *gloss_recovery_hash_file         (GFile          *file,
                                                 GFileType      *type,
                                                 GCancellable   *cancellable);
gboolean       gloss_recovery_discard           (GlossRecovery  *self,
                                                 GError        **error);

G_END_DECLS
