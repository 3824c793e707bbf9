/* gloss-sha256.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define GLOSS_SHA256_LENGTH 32

typedef void (*GlossSha256Blocks) (guint32       state[8],
                                   const guint8 *data,
                                   gsize         n_blocks);

/* On the stack; gloss_sha256_finish() frees what it holds */
typedef struct
{
  GlossSha256Blocks  blocks;    /* NULL: GLib's GChecksum */
  GChecksum         *checksum;
  guint32            state[8];
  guint64            n_bytes;
  guint8             block[64];
  guint              n_block;
} GlossSha256;

typedef enum
{
  GLOSS_SHA256_AUTO,      /* the fastest this processor has */
  GLOSS_SHA256_GLIB,      /* GLib's GChecksum */
  GLOSS_SHA256_HARDWARE,  /* the processor's SHA instructions, if it has them */
} GlossSha256Kind;

void      gloss_sha256_init          (GlossSha256       *self);
void      gloss_sha256_update        (GlossSha256       *self,
                                      const void        *data,
                                      gsize              length);
void      gloss_sha256_finish        (GlossSha256       *self,
                                      guint8             digest[GLOSS_SHA256_LENGTH]);
void      gloss_sha256_compute       (const void        *data,
                                      gsize              length,
                                      guint8             digest[GLOSS_SHA256_LENGTH]);
char     *gloss_sha256_to_hex        (const guint8       digest[GLOSS_SHA256_LENGTH]);

gboolean  _gloss_sha256_has_hardware (void);
void      _gloss_sha256_force        (GlossSha256Kind    kind);

G_END_DECLS
