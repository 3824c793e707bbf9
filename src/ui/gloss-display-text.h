/* gloss-display-text.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gloss-types.h"

G_BEGIN_DECLS

char *gloss_display_text_dup (GlossText  *text,
                              const char *language,
                              gsize      *length);

G_END_DECLS
