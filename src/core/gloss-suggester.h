/* gloss-suggester.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gloss-types.h"

G_BEGIN_DECLS

/* What a suggested span's "suggester" says: the rules and their version */
#define GLOSS_SUGGESTER_VERSION "gloss-suggest 1"

#define GLOSS_TYPE_SUGGESTER (gloss_suggester_get_type ())

G_DECLARE_FINAL_TYPE (GlossSuggester, gloss_suggester, GLOSS, SUGGESTER, GObject)

GlossSuggester *gloss_suggester_new          (const char      *language);
const char     *gloss_suggester_get_language (GlossSuggester  *self);
void            gloss_suggester_suggest      (GlossSuggester  *self,
                                              GlossText       *text,
                                              GPtrArray      **spans,
                                              GPtrArray      **relations);

G_END_DECLS
