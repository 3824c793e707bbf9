/* gloss-text.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "gloss-types.h"

G_BEGIN_DECLS

/* Gloss refuses larger files before reading them into memory. */
#define GLOSS_TEXT_MAX_BYTES ((goffset) 1 << 30)

#define GLOSS_TYPE_TEXT (gloss_text_get_type ())

G_DECLARE_FINAL_TYPE (GlossText, gloss_text, GLOSS, TEXT, GObject)

GlossText  *gloss_text_new               (const char    *utf8,
                                          gssize         length,
                                          GError       **error);
GlossText  *gloss_text_new_from_bytes    (GBytes        *bytes,
                                          GError       **error);
GlossText  *gloss_text_new_from_bytes_encoded (GBytes    *bytes,
                                              const char *encoding,
                                              GError   **error);
GlossText  *gloss_text_load              (GFile         *file,
                                          GCancellable  *cancellable,
                                          GError       **error);
GlossText  *gloss_text_load_encoded      (GFile         *file,
                                          const char    *encoding,
                                          GCancellable  *cancellable,
                                          GError       **error);
GlossText  *gloss_text_load_fallback     (GFile         *file,
                                          const char    *fallback,
                                          GCancellable  *cancellable,
                                          GError       **error);
gboolean    gloss_text_error_is_encoding (const GError  *error);
const char *gloss_text_get_encoding      (GlossText     *self);
gboolean    gloss_text_encoding_is_supported (const char *encoding);
const char *gloss_text_get_contents      (GlossText     *self);
gsize       gloss_text_get_n_bytes       (GlossText     *self);
guint       gloss_text_get_length        (GlossText     *self);
const char *gloss_text_get_sha256        (GlossText     *self);
gboolean    gloss_text_get_has_bom       (GlossText     *self);
gsize       gloss_text_get_byte_offset   (GlossText     *self,
                                          guint          offset);
guint       gloss_text_get_char_offset   (GlossText     *self,
                                          gsize          byte_offset);
char       *gloss_text_dup_slice         (GlossText     *self,
                                          guint          start,
                                          guint          end);
gboolean    gloss_text_slice_equals      (GlossText     *self,
                                          guint          start,
                                          guint          end,
                                          const char    *str);
const char *gloss_text_guess_language    (GlossText     *self);

gboolean    gloss_utf8_locate_error      (const char    *data,
                                          gsize          n_bytes,
                                          gsize         *byte_offset,
                                          guint         *line,
                                          guint         *column);

G_END_DECLS
