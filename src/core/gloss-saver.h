/* gloss-saver.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "gloss-types.h"

G_BEGIN_DECLS

/**
 * GlossSaverState:
 * @GLOSS_SAVER_SAVED: every change is on disk
 * @GLOSS_SAVER_SAVING: a change waits for the debounce or is being written
 * @GLOSS_SAVER_ERROR: the last write failed; the changes are only in memory
 */
typedef enum
{
  GLOSS_SAVER_SAVED,
  GLOSS_SAVER_SAVING,
  GLOSS_SAVER_ERROR,
} GlossSaverState;

#define GLOSS_TYPE_SAVER_STATE (gloss_saver_state_get_type ())
GType gloss_saver_state_get_type (void) G_GNUC_CONST;

/* Changes are written at the latest this long after them. */
#define GLOSS_SAVER_DEFAULT_DELAY_MS 500

#define GLOSS_TYPE_SAVER (gloss_saver_get_type ())

G_DECLARE_FINAL_TYPE (GlossSaver, gloss_saver, GLOSS, SAVER, GObject)

GlossSaver      *gloss_saver_new          (GlossDocument *document);
GlossDocument   *gloss_saver_get_document (GlossSaver    *self);
GlossSaverState  gloss_saver_get_state    (GlossSaver    *self);
const GError    *gloss_saver_get_error    (GlossSaver    *self);
gboolean         gloss_saver_get_dirty    (GlossSaver    *self);
guint            gloss_saver_get_delay    (GlossSaver    *self);
void             gloss_saver_set_delay    (GlossSaver    *self,
                                           guint          delay_ms);
void             gloss_saver_save_now     (GlossSaver    *self);
void             gloss_saver_mark_dirty   (GlossSaver    *self);
void             gloss_saver_set_held     (GlossSaver    *self,
                                           gboolean       held);
gboolean         gloss_saver_get_held     (GlossSaver    *self);
gboolean         gloss_saver_flush        (GlossSaver    *self,
                                           GError       **error);
gboolean         gloss_saver_stop         (GlossSaver    *self,
                                           GError       **error);
GPtrArray       *gloss_saver_list_all     (void);

G_END_DECLS
