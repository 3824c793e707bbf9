/* gloss-fuzz.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Each target checks the properties that must hold for any input, and
 * aborts when one does not: libFuzzer then keeps the input. */
void gloss_fuzz_json      (const guint8 *data,
                           gsize         size);
gboolean gloss_fuzz_json_tape_agrees (const guint8 *data,
                                      gsize         size);
void gloss_fuzz_text      (const guint8 *data,
                           gsize         size);
void gloss_fuzz_segmenter (const guint8 *data,
                           gsize         size);

G_END_DECLS
