/* gloss-segmenter.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gloss-types.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_SEGMENTER (gloss_segmenter_get_type ())

G_DECLARE_FINAL_TYPE (GlossSegmenter, gloss_segmenter, GLOSS, SEGMENTER, GObject)

GlossSegmenter *gloss_segmenter_new          (const char     *language);
const char     *gloss_segmenter_get_language (GlossSegmenter *self);
GArray         *gloss_segmenter_split        (GlossSegmenter *self,
                                              const char     *text,
                                              gssize          length);

G_END_DECLS
