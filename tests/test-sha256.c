/* test-sha256.c
 *
 * Gloss's SHA-256, with the processor's SHA instructions and through
 * GChecksum: the NIST vectors, and GChecksum itself on every length and
 * many ways of cutting the input into updates.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "gloss-sha256.h"

/* FIPS 180-4 examples (NIST's SHA256.pdf, SHA256ShortMsg.rsp) */
static const struct
{
  const char *message;
  const char *digest;
} vectors[] = {
  { "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
  { "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
  { "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
    "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1" },
  { "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
    "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1" },
};

static char *
hex_of (const void *data,
        gsize       length)
{
  guint8 digest[GLOSS_SHA256_LENGTH];

  gloss_sha256_compute (data, length, digest);

  return gloss_sha256_to_hex (digest);
}

static void
check_vectors (void)
{
  g_autofree char *million = g_malloc (1000000);

  for (guint i = 0; i < G_N_ELEMENTS (vectors); i++)
    {
      g_autofree char *hex = hex_of (vectors[i].message, strlen (vectors[i].message));

      g_assert_cmpstr (hex, ==, vectors[i].digest);
    }

  /* One million times "a", in updates of 1000 bytes */
  {
    GlossSha256 sha;
    guint8 digest[GLOSS_SHA256_LENGTH];
    g_autofree char *hex = NULL;

    memset (million, 'a', 1000000);
    gloss_sha256_init (&sha);
    for (guint i = 0; i < 1000; i++)
      gloss_sha256_update (&sha, million + 1000 * i, 1000);
    gloss_sha256_finish (&sha, digest);
    hex = gloss_sha256_to_hex (digest);
    g_assert_cmpstr (hex, ==, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  }
}

/* Every length around the block and padding edges, and longer ones, each
 * also fed in pieces of every size up to 130 bytes */
static void
check_against_gchecksum (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (256);
  gsize size = 5000;
  g_autofree guint8 *data = g_malloc (size);

  for (gsize i = 0; i < size; i++)
    data[i] = (guint8)g_rand_int (rand);

  for (gsize length = 0; length < size; length += length < 300 ? 1 : 97)
    {
      g_autofree char *expected = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, length);
      g_autofree char *hex = hex_of (data, length);

      g_assert_cmpstr (hex, ==, expected);

      for (gsize piece = 1; length < 300 && piece <= 130; piece += 3)
        {
          GlossSha256 sha;
          guint8 digest[GLOSS_SHA256_LENGTH];
          g_autofree char *pieces = NULL;

          gloss_sha256_init (&sha);
          for (gsize at = 0; at < length; at += piece)
            gloss_sha256_update (&sha, data + at, MIN (piece, length - at));
          gloss_sha256_finish (&sha, digest);
          pieces = gloss_sha256_to_hex (digest);
          g_assert_cmpstr (pieces, ==, expected);
        }
    }
}

static void
test_glib (void)
{
  _gloss_sha256_force (GLOSS_SHA256_GLIB);
  check_vectors ();
  check_against_gchecksum ();
  _gloss_sha256_force (GLOSS_SHA256_AUTO);
}

static void
test_hardware (void)
{
  if (!_gloss_sha256_has_hardware ())
    {
      g_test_skip ("This processor has no SHA instructions Gloss uses");
      return;
    }

  _gloss_sha256_force (GLOSS_SHA256_HARDWARE);
  check_vectors ();
  check_against_gchecksum ();
  _gloss_sha256_force (GLOSS_SHA256_AUTO);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/sha256/glib", test_glib);
  g_test_add_func ("/gloss/sha256/hardware", test_hardware);

  return g_test_run ();
}
