/* gloss-sha256.c
 *
 * SHA-256 (FIPS 180-4), for the identity of a text and of an annotation
 * file. Every text an export or a window opens is hashed whole, so that a
 * changed text is found: on a corpus that was half of an export's
 * instructions with GLib's GChecksum (480 MB/s here). Processors since
 * about 2017 (AMD Zen, Intel Goldmont and Ice Lake) have instructions for
 * SHA-256 that do it three times as fast; they are used when the
 * processor says it has them, else GChecksum. A plain C version of our
 * own was slower than GChecksum (320 MB/s), so there is none.
 * test-sha256 checks the instructions against the NIST vectors and
 * against GChecksum; bench-sha256 measures both.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "gloss-sha256.h"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define HAVE_X86_SHA 1
#include <cpuid.h>
#include <immintrin.h>
#endif

/* The SHA extensions of x86 ----------------------------------------------- */

#ifdef HAVE_X86_SHA

/* The first 32 bits of the fractional parts of the cube roots of the
 * first 64 primes (FIPS 180-4, 4.2.2) */
static const guint32 K[64] = {
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static gboolean
cpu_has_sha (void)
{
  unsigned int eax, ebx, ecx, edx;

  /* SSSE3 and SSE4.1 for the shuffles around the SHA instructions */
  if (!__get_cpuid (1, &eax, &ebx, &ecx, &edx) || (ecx & (1u << 9)) == 0 || (ecx & (1u << 19)) == 0)
    return FALSE;
  if (__get_cpuid_max (0, NULL) < 7)
    return FALSE;
  __cpuid_count (7, 0, eax, ebx, ecx, edx);

  return (ebx & (1u << 29)) != 0;
}

/* The instructions work on the state as two halves, ABEF and CDGH (the
 * highest 32-bit lane first); sha256rnds2 does two rounds, with the two
 * words of the schedule plus K in the low half of its third operand. */
__attribute__ ((target ("sha,sse4.1,ssse3")))
static void
blocks_x86_sha (guint32       state[8],
                const guint8 *data,
                gsize         n_blocks)
{
  const __m128i big_endian = _mm_set_epi64x (G_GINT64_CONSTANT (0x0c0d0e0f08090a0b),
                                             G_GINT64_CONSTANT (0x0405060700010203));
  __m128i abef, cdgh, dcba, hgfe;

  dcba = _mm_loadu_si128 ((const __m128i *)&state[0]);
  hgfe = _mm_loadu_si128 ((const __m128i *)&state[4]);
  dcba = _mm_shuffle_epi32 (dcba, 0xB1);                  /* CDAB */
  hgfe = _mm_shuffle_epi32 (hgfe, 0x1B);                  /* EFGH */
  abef = _mm_alignr_epi8 (dcba, hgfe, 8);
  cdgh = _mm_blend_epi16 (hgfe, dcba, 0xF0);

  for (; n_blocks > 0; n_blocks--, data += 64)
    {
      __m128i saved_abef = abef;
      __m128i saved_cdgh = cdgh;
      __m128i w[4];

      /* Sixteen steps of four rounds; w[i % 4] holds W[4i .. 4i + 3] */
      for (guint i = 0; i < 16; i++)
        {
          __m128i wk;

          if (i < 4)
            w[i] = _mm_shuffle_epi8 (_mm_loadu_si128 ((const __m128i *)(data + 16 * i)), big_endian);
          else
            {
              /* W[t - 16] + σ0 (W[t - 15]), + W[t - 7], + σ1 (W[t - 2]) */
              __m128i t = _mm_sha256msg1_epu32 (w[i % 4], w[(i + 1) % 4]);

              t = _mm_add_epi32 (t, _mm_alignr_epi8 (w[(i + 3) % 4], w[(i + 2) % 4], 4));
              w[i % 4] = _mm_sha256msg2_epu32 (t, w[(i + 3) % 4]);
            }

          wk = _mm_add_epi32 (w[i % 4], _mm_loadu_si128 ((const __m128i *)&K[4 * i]));
          cdgh = _mm_sha256rnds2_epu32 (cdgh, abef, wk);
          wk = _mm_shuffle_epi32 (wk, 0x0E);
          abef = _mm_sha256rnds2_epu32 (abef, cdgh, wk);
        }

      abef = _mm_add_epi32 (abef, saved_abef);
      cdgh = _mm_add_epi32 (cdgh, saved_cdgh);
    }

  abef = _mm_shuffle_epi32 (abef, 0x1B);                  /* FEBA */
  cdgh = _mm_shuffle_epi32 (cdgh, 0xB1);                  /* DCHG */
  dcba = _mm_blend_epi16 (abef, cdgh, 0xF0);
  hgfe = _mm_alignr_epi8 (cdgh, abef, 8);
  _mm_storeu_si128 ((__m128i *)&state[0], dcba);
  _mm_storeu_si128 ((__m128i *)&state[4], hgfe);
}

#endif

/* Choosing -------------------------------------------------------------- */

/* NULL: GChecksum */
static GlossSha256Blocks blocks_func;
static gsize chosen;

static GlossSha256Blocks
choose (GlossSha256Kind kind)
{
#ifdef HAVE_X86_SHA
  if (kind != GLOSS_SHA256_GLIB && cpu_has_sha ())
    return blocks_x86_sha;
#endif

  return NULL;
}

static GlossSha256Blocks
get_blocks_func (void)
{
  if (g_once_init_enter (&chosen))
    {
      g_atomic_pointer_set (&blocks_func, choose (GLOSS_SHA256_AUTO));
      g_once_init_leave (&chosen, 1);
    }

  return g_atomic_pointer_get (&blocks_func);
}

/**
 * _gloss_sha256_has_hardware:
 *
 * Returns: whether this processor has SHA instructions Gloss uses
 */
gboolean
_gloss_sha256_has_hardware (void)
{
#ifdef HAVE_X86_SHA
  return cpu_has_sha ();
#else
  return FALSE;
#endif
}

/**
 * _gloss_sha256_force:
 *
 * For the tests and the benchmark: uses one implementation from now on
 * (the hardware one only if there is one). Not to be called while
 * another thread hashes.
 */
void
_gloss_sha256_force (GlossSha256Kind kind)
{
  get_blocks_func ();
  g_atomic_pointer_set (&blocks_func, choose (kind));
}

/* The interface --------------------------------------------------------- */

void
gloss_sha256_init (GlossSha256 *self)
{
  /* The first 32 bits of the fractional parts of the square roots of the
   * first 8 primes (FIPS 180-4, 5.3.3) */
  static const guint32 initial[8] = {
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  };

  self->blocks = get_blocks_func ();
  self->checksum = self->blocks == NULL ? g_checksum_new (G_CHECKSUM_SHA256) : NULL;
  memcpy (self->state, initial, sizeof initial);
  self->n_bytes = 0;
  self->n_block = 0;
}

void
gloss_sha256_update (GlossSha256 *self,
                     const void  *data,
                     gsize        length)
{
  const guint8 *p = data;
  GlossSha256Blocks blocks = self->blocks;

  if (self->checksum != NULL)
    {
      g_checksum_update (self->checksum, data, length);
      return;
    }

  self->n_bytes += length;

  if (self->n_block > 0)
    {
      gsize n = MIN (length, 64 - self->n_block);

      memcpy (self->block + self->n_block, p, n);
      self->n_block += n;
      p += n;
      length -= n;
      if (self->n_block < 64)
        return;
      blocks (self->state, self->block, 1);
      self->n_block = 0;
    }

  if (length >= 64)
    {
      blocks (self->state, p, length / 64);
      p += length / 64 * 64;
      length %= 64;
    }

  memcpy (self->block, p, length);
  self->n_block = length;
}

/* Frees what gloss_sha256_init() took */
void
gloss_sha256_finish (GlossSha256 *self,
                     guint8       digest[GLOSS_SHA256_LENGTH])
{
  guint64 bits = self->n_bytes * 8;
  guint8 tail[72] = { 0x80 };
  gsize n_tail;

  if (self->checksum != NULL)
    {
      gsize length = GLOSS_SHA256_LENGTH;

      g_checksum_get_digest (self->checksum, digest, &length);
      g_clear_pointer (&self->checksum, g_checksum_free);
      return;
    }

  /* A 1 bit, zeros up to 56 bytes into a block, the length in bits */
  n_tail = (self->n_block < 56 ? 56 : 120) - self->n_block;
  for (guint i = 0; i < 8; i++)
    tail[n_tail + i] = (guint8)(bits >> (56 - 8 * i));
  gloss_sha256_update (self, tail, n_tail + 8);
  g_assert (self->n_block == 0);

  for (guint i = 0; i < 8; i++)
    {
      digest[4 * i] = (guint8)(self->state[i] >> 24);
      digest[4 * i + 1] = (guint8)(self->state[i] >> 16);
      digest[4 * i + 2] = (guint8)(self->state[i] >> 8);
      digest[4 * i + 3] = (guint8)self->state[i];
    }
}
void
gloss_sha256_compute (const void *data,
                      gsize       length,
                      guint8      digest[GLOSS_SHA256_LENGTH])
{
  GlossSha256 sha;

  gloss_sha256_init (&sha);
  gloss_sha256_update (&sha, data, length);
  gloss_sha256_finish (&sha, digest);
}

/**
 * gloss_sha256_to_hex:
 *
 * Returns: (transfer full): @digest in lower-case hex, as `sha256sum`
 *   prints it
 */
char *
gloss_sha256_to_hex (const guint8 digest[GLOSS_SHA256_LENGTH])
{
  static const char hex[] = "0123456789abcdef";
  char *out = g_malloc (2 * GLOSS_SHA256_LENGTH + 1);

  for (guint i = 0; i < GLOSS_SHA256_LENGTH; i++)
    {
      out[2 * i] = hex[digest[i] >> 4];
      out[2 * i + 1] = hex[digest[i] & 15];
    }
  out[2 * GLOSS_SHA256_LENGTH] = '\0';

  return out;
}
