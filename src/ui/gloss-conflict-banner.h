/* gloss-conflict-banner.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/**
 * GlossConflictKind:
 * @GLOSS_CONFLICT_NONE: the files on disk are the ones the window shows
 * @GLOSS_CONFLICT_ANNOTATIONS: the `.gloss.json` changed outside Gloss
 * @GLOSS_CONFLICT_TEXT: the text changed outside Gloss
 */
typedef enum
{
  GLOSS_CONFLICT_NONE,
  GLOSS_CONFLICT_ANNOTATIONS,
  GLOSS_CONFLICT_TEXT,
} GlossConflictKind;

#define GLOSS_TYPE_CONFLICT_BANNER (gloss_conflict_banner_get_type ())

G_DECLARE_FINAL_TYPE (GlossConflictBanner, gloss_conflict_banner, GLOSS, CONFLICT_BANNER, GtkWidget)

GlossConflictKind  gloss_conflict_banner_get_kind    (GlossConflictBanner *self);
void               gloss_conflict_banner_set_kind    (GlossConflictBanner *self,
                                                      GlossConflictKind    kind);
const char        *gloss_conflict_banner_get_message (GlossConflictBanner *self);

G_END_DECLS
