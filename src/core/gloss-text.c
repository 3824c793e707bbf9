/* gloss-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-error.h"
#include "gloss-read.h"
#include "gloss-resources.h"
#include "gloss-sha256.h"
#include "gloss-text.h"
#include "gloss-utf8-private.h"

/* The code point <-> byte map keeps the byte offset of every 64th code
 * point: about 6 % of the text's size for non-ASCII text, nothing for pure
 * ASCII, and any lookup walks at most 63 characters. */
#define INDEX_STRIDE 64

struct _GlossText
{
  GObject  parent_instance;

  char    *contents;     /* UTF-8, NUL-terminated, without the BOM */
  gsize    n_bytes;
  guint    length;       /* in code points */
  char    *sha256;       /* of the file's bytes, BOM included; made when first asked for */
  guint32 *index;        /* NULL when the text is ASCII */
  guint    n_index;
  char    *encoding;     /* NULL for UTF-8; else what the file was decoded from */
  guint    has_bom : 1;
};

G_DEFINE_FINAL_TYPE (GlossText, gloss_text, G_TYPE_OBJECT)

static void
gloss_text_finalize (GObject *object)
{
  GlossText *self = (GlossText *)object;

  g_clear_pointer (&self->contents, g_free);
  g_clear_pointer (&self->sha256, g_free);
  g_clear_pointer (&self->index, g_free);
  g_clear_pointer (&self->encoding, g_free);

  G_OBJECT_CLASS (gloss_text_parent_class)->finalize (object);
}

static void
gloss_text_class_init (GlossTextClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gloss_text_finalize;
}

static void
gloss_text_init (GlossText *self)
{
}

/**
 * gloss_utf8_locate_error:
 *
 * Finds the first invalid UTF-8 sequence and says where it is in words a
 * person can use: the line and column (both from 1) and the byte offset.
 *
 * Returns: %TRUE if @data holds invalid UTF-8 (or a NUL byte)
 */
gboolean
gloss_utf8_locate_error (const char *data,
                         gsize       n_bytes,
                         gsize      *byte_offset,
                         guint      *line,
                         guint      *column)
{
  const char *end = NULL;
  const char *p;
  guint l = 1;
  guint c = 1;

  if (g_utf8_validate_len (data, n_bytes, &end))
    return FALSE;

  for (p = data; p < end; p = g_utf8_next_char (p))
    {
      if (*p == '\n')
        {
          l++;
          c = 1;
        }
      else
        c++;
    }

  if (byte_offset)
    *byte_offset = end - data;
  if (line)
    *line = l;
  if (column)
    *column = c;

  return TRUE;
}

static gboolean
is_continuation (const guchar *p,
                 const guchar *end,
                 guint         n)
{
  for (guint i = 1; i <= n; i++)
    {
      if (p + i >= end || (p[i] & 0xC0) != 0x80)
        return FALSE;
    }

  return TRUE;
}

/* An invalid sequence with the whole shape of UTF-8, a lead byte and its
 * continuation bytes, that is overlong, a surrogate or beyond U+10FFFF:
 * UTF-8 gone wrong (CESU-8, Java's modified UTF-8, a broken encoder). No
 * older encoding explains it, so decoding as one would only hide it. */
static gboolean
is_malformed_utf8 (const guchar *p,
                   const guchar *end)
{
  if (p[0] == 0xC0 || p[0] == 0xC1)
    return is_continuation (p, end, 1);
  if (p[0] == 0xE0)
    return p + 1 < end && p[1] < 0xA0 && is_continuation (p, end, 2);
  if (p[0] == 0xED)
    return p + 1 < end && p[1] >= 0xA0 && is_continuation (p, end, 2);
  if (p[0] == 0xF0)
    return p + 1 < end && p[1] < 0x90 && is_continuation (p, end, 3);
  if (p[0] == 0xF4)
    return p + 1 < end && p[1] >= 0x90 && is_continuation (p, end, 3);
  if (p[0] >= 0xF5 && p[0] <= 0xF7)
    return is_continuation (p, end, 3);
  if (p[0] >= 0xF8 && p[0] <= 0xFB)
    return is_continuation (p, end, 4);
  if (p[0] == 0xFC || p[0] == 0xFD)
    return is_continuation (p, end, 5);

  return FALSE;
}

/* The five bytes Windows-1252 leaves undefined */
static gboolean
is_undefined_in_windows_1252 (guchar c)
{
  return c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D;
}

/* Whether invalid UTF-8 can be a Western European text in an older
 * encoding: every bad byte must be one Windows-1252 gives a character,
 * and none may be malformed UTF-8. Returns the offset of the first byte
 * that rules it out. */
static gboolean
find_non_legacy (const char *data,
                 gsize       n_bytes,
                 gsize      *offset)
{
  const guchar *p = (const guchar *)data;
  const guchar *end = p + n_bytes;

  while (p < end)
    {
      const char *bad = NULL;

      if (g_utf8_validate_len ((const char *)p, end - p, &bad))
        return FALSE;

      p = (const guchar *)bad;
      if (is_malformed_utf8 (p, end) || is_undefined_in_windows_1252 (*p))
        {
          *offset = (const char *)p - data;
          return TRUE;
        }
      p++;
    }

  return FALSE;
}

/* Line and column (from 1, in characters) of a byte in a text that need
 * not be valid UTF-8 before it: a byte that is no continuation byte
 * starts a character */
static void
locate_byte (const char *data,
             gsize       offset,
             guint      *line,
             guint      *column)
{
  *line = 1;
  *column = 1;

  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n')
        {
          (*line)++;
          *column = 1;
        }
      else if (((guchar)data[i] & 0xC0) != 0x80)
        (*column)++;
    }
}

/* Says where a text that is not valid UTF-8 goes wrong, and whether an
 * older encoding can explain it */
static void
set_utf8_error (const char  *data,
                gsize        n_bytes,
                GError     **error)
{
  gsize offset = 0;
  guint line = 1, column = 1;

  if (!gloss_utf8_locate_error (data, n_bytes, &offset, &line, &column))
    g_assert_not_reached ();

  if (find_non_legacy (data, n_bytes, &offset))
    {
      locate_byte (data, offset, &line, &column);
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_MALFORMED_UTF8,
                   _("The text is not valid UTF-8 at line %u, column %u (byte %lu), and no older encoding "
                     "explains the bytes there (0x%02X): the file is damaged; repair it or save it "
                     "again as UTF-8"),
                   line, column, (unsigned long)offset, (guchar)data[offset]);
      return;
    }

  g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_UTF8,
               _("The text is not valid UTF-8 at line %u, column %u (byte %lu); "
                 "it may be Windows-1252 (Western European): open it as such, or save it as UTF-8"),
               line, column, (unsigned long)offset);
}

/* Checks the UTF-8 and builds the code point <-> byte map in one pass over
 * the text: on a long text each pass costs as much as the splitting. NUL
 * bytes were refused before. Returns FALSE if the text is not valid UTF-8;
 * the caller then says where. */
static gboolean
index_contents (GlossText *self)
{
  const guchar *start = (const guchar *)self->contents;
  const guchar *end = start + self->n_bytes;
  const guchar *p = start;
  guint32 *index;
  guint n = 0;
  guint count = 0;

  if (gloss_utf8_skip_ascii (start, end) == end)
    {
      self->length = (guint)self->n_bytes;
      return TRUE;
    }

  index = g_new (guint32, self->n_bytes / INDEX_STRIDE + 2);

  while (p < end)
    {
      const guchar *ascii_end;
      guint length;

      if (*p < 0x80)
        {
          ascii_end = gloss_utf8_skip_ascii (p, end);

          /* Every checkpoint in the run, each a code point and a byte */
          for (guint next = (count + INDEX_STRIDE - 1) / INDEX_STRIDE * INDEX_STRIDE;
               next < count + (guint)(ascii_end - p);
               next += INDEX_STRIDE)
            index[n++] = (guint32)(p - start) + (next - count);
          count += (guint)(ascii_end - p);
          p = ascii_end;
          continue;
        }

      length = gloss_utf8_sequence_length (p, end);
      if (length == 0)
        {
          g_free (index);
          return FALSE;
        }

      if (count % INDEX_STRIDE == 0)
        index[n++] = (guint32)(p - start);
      count++;
      p += length;
    }

  self->index = index;
  self->n_index = n;
  self->length = count;

  return TRUE;
}

/**
 * gloss_text_new:
 * @utf8: the text
 * @length: its length in bytes, or -1 if it is NUL-terminated
 * @error: a location for a #GError
 *
 * Checks that @utf8 is a text Gloss can work on (valid UTF-8, no NUL bytes)
 * and indexes it. A leading byte order mark is not part of the text.
 *
 * Returns: (transfer full): the text, or %NULL with @error set
 */
GlossText *
gloss_text_new (const char  *utf8,
                gssize       length,
                GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (utf8 != NULL, NULL);

  if (length < 0)
    length = strlen (utf8);

  bytes = g_bytes_new (utf8, length);

  return gloss_text_new_from_bytes (bytes, error);
}

/**
 * gloss_text_new_from_bytes:
 * @bytes: the bytes of a text file
 * @error: a location for a #GError
 *
 * Like gloss_text_new(); the SHA-256 is that of @bytes as they are, so it
 * equals what `sha256sum` prints for the file.
 *
 * Returns: (transfer full): the text, or %NULL with @error set
 */
GlossText *
gloss_text_new_from_bytes (GBytes  *bytes,
                           GError **error)
{
  g_autoptr(GlossText) self = NULL;
  const char *data;
  const char *nul;
  gsize n_bytes;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &n_bytes);
  if (data == NULL)
    data = "";

  if ((goffset)n_bytes > GLOSS_TEXT_MAX_BYTES)
    {
      g_autofree char *size = g_format_size_full (n_bytes, G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *max = g_format_size_full (GLOSS_TEXT_MAX_BYTES, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE,
                   _("The file is %s; Gloss opens texts of up to %s"), size, max);
      return NULL;
    }

  nul = memchr (data, '\0', n_bytes);
  if (nul != NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_BINARY,
                   _("The file has a NUL byte at byte %lu: it is a binary file, not a text"),
                   (unsigned long)(nul - data));
      return NULL;
    }

  self = g_object_new (GLOSS_TYPE_TEXT, NULL);

  if (n_bytes >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      self->has_bom = TRUE;
      data += 3;
      n_bytes -= 3;
    }

  self->contents = g_malloc (n_bytes + 1);
  memcpy (self->contents, data, n_bytes);
  self->contents[n_bytes] = '\0';
  self->n_bytes = n_bytes;

  if (!index_contents (self))
    {
      data = g_bytes_get_data (bytes, &n_bytes);
      set_utf8_error (data, n_bytes, error);
      return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * gloss_text_encoding_is_supported:
 *
 * Returns: %TRUE for the encodings a text may be opened in: UTF-8 (or
 *   %NULL), and for older Western European files, Windows-1252 and
 *   ISO-8859-1
 */
gboolean
gloss_text_encoding_is_supported (const char *encoding)
{
  return encoding == NULL ||
         g_ascii_strcasecmp (encoding, "utf-8") == 0 ||
         g_ascii_strcasecmp (encoding, "windows-1252") == 0 ||
         g_ascii_strcasecmp (encoding, "iso-8859-1") == 0;
}

/**
 * gloss_text_new_from_bytes_encoded:
 * @encoding: (nullable): "utf-8" (or %NULL), "windows-1252" or "iso-8859-1"
 *
 * Like gloss_text_new_from_bytes() for a file in an older encoding: the
 * text is decoded to UTF-8, offsets count the decoded code points (what
 * Python's `open(path, encoding="cp1252")` gives), and the SHA-256 stays
 * that of the file's bytes.
 *
 * Returns: (transfer full): the text, or %NULL with @error set
 */
GlossText *
gloss_text_new_from_bytes_encoded (GBytes      *bytes,
                                   const char  *encoding,
                                   GError     **error)
{
  g_autoptr(GlossText) self = NULL;
  g_autoptr(GBytes) utf8 = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *lower = NULL;
  char *converted;
  gsize n_converted = 0;

  g_return_val_if_fail (bytes != NULL, NULL);

  if (encoding == NULL || g_ascii_strcasecmp (encoding, "utf-8") == 0)
    return gloss_text_new_from_bytes (bytes, error);

  if (!gloss_text_encoding_is_supported (encoding))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT,
                   _("Gloss does not read the encoding “%s”"), encoding);
      return NULL;
    }

  if (memchr (g_bytes_get_data (bytes, NULL), '\0', g_bytes_get_size (bytes)) != NULL)
    return gloss_text_new_from_bytes (bytes, error);

  converted = g_convert (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                         "UTF-8", encoding, NULL, &n_converted, &local_error);
  if (converted == NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_UTF8,
                   _("The text cannot be read as %s: %s"), encoding, local_error->message);
      return NULL;
    }

  utf8 = g_bytes_new_take (converted, n_converted);
  self = gloss_text_new_from_bytes (utf8, error);
  if (self == NULL)
    return NULL;

  /* The identity of the file is its bytes on disk */
  {
    guint8 digest[GLOSS_SHA256_LENGTH];

    gloss_sha256_compute (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), digest);
    self->sha256 = gloss_sha256_to_hex (digest);
  }
  lower = g_ascii_strdown (encoding, -1);
  self->encoding = g_steal_pointer (&lower);

  return g_steal_pointer (&self);
}

/**
 * gloss_text_get_encoding:
 *
 * Returns: "utf-8", or the older encoding the file was decoded from
 */
const char *
gloss_text_get_encoding (GlossText *self)
{
  g_return_val_if_fail (GLOSS_IS_TEXT (self), NULL);

  return self->encoding ? self->encoding : "utf-8";
}

/**
 * gloss_text_load:
 * @file: a text file
 * @cancellable: (nullable): a #GCancellable
 * @error: a location for a #GError
 *
 * Reads @file. A file larger than %GLOSS_TEXT_MAX_BYTES is refused before
 * it is read.
 *
 * Returns: (transfer full): the text, or %NULL with @error set
 */
GlossText *
gloss_text_load (GFile         *file,
                 GCancellable  *cancellable,
                 GError       **error)
{
  return gloss_text_load_encoded (file, NULL, cancellable, error);
}

/**
 * gloss_text_load_encoded:
 * @encoding: (nullable): as for gloss_text_new_from_bytes_encoded()
 *
 * Reads @file in @encoding. A file larger than %GLOSS_TEXT_MAX_BYTES is
 * refused before it is read.
 *
 * Returns: (transfer full): the text, or %NULL with @error set
 */
static GBytes *
read_bytes (GFile         *file,
            GCancellable  *cancellable,
            GError       **error)
{
  char *data = NULL;
  gsize n_bytes = 0;

  if (!gloss_read_file (file, GLOSS_TEXT_MAX_BYTES, cancellable, &data, &n_bytes, error))
    return NULL;

  return g_bytes_new_take (data, n_bytes);
}

GlossText *
gloss_text_load_encoded (GFile         *file,
                         const char    *encoding,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  bytes = read_bytes (file, cancellable, error);
  if (bytes == NULL)
    return NULL;

  return gloss_text_new_from_bytes_encoded (bytes, encoding, error);
}

/**
 * gloss_text_error_is_encoding:
 *
 * Returns: %TRUE if @error says a text is not UTF-8, so that reading it in
 *   another encoding may help
 */
gboolean
gloss_text_error_is_encoding (const GError *error)
{
  return g_error_matches (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_UTF8) ||
         g_error_matches (error, GLOSS_ERROR, GLOSS_ERROR_MALFORMED_UTF8);
}

/**
 * gloss_text_load_fallback:
 * @fallback: (nullable): the encoding of a text that is not valid UTF-8:
 *   "windows-1252" or "iso-8859-1"; %NULL or "utf-8" refuses such a text
 *
 * Reads @file as UTF-8, and only if it is not valid UTF-8 in @fallback: a
 * folder of texts may hold both, and a UTF-8 text read as Windows-1252
 * would turn every non-ASCII character into two or three wrong ones.
 *
 * Returns: (transfer full): the text, or %NULL with @error set
 */
GlossText *
gloss_text_load_fallback (GFile         *file,
                          const char    *fallback,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GlossText *text;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  bytes = read_bytes (file, cancellable, error);
  if (bytes == NULL)
    return NULL;

  text = gloss_text_new_from_bytes (bytes, &local_error);
  if (text == NULL && fallback != NULL && g_ascii_strcasecmp (fallback, "utf-8") != 0 &&
      gloss_text_error_is_encoding (local_error))
    {
      g_clear_error (&local_error);
      text = gloss_text_new_from_bytes_encoded (bytes, fallback, &local_error);
    }

  if (text == NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));

  return text;
}

const char *
gloss_text_get_contents (GlossText *self)
{
  g_return_val_if_fail (GLOSS_IS_TEXT (self), NULL);

  return self->contents;
}

gsize
gloss_text_get_n_bytes (GlossText *self)
{
  g_return_val_if_fail (GLOSS_IS_TEXT (self), 0);

  return self->n_bytes;
}

/**
 * gloss_text_get_length:
 *
 * Returns: the length of the text in Unicode code points
 */
guint
gloss_text_get_length (GlossText *self)
{
  g_return_val_if_fail (GLOSS_IS_TEXT (self), 0);

  return self->length;
}

/**
 * gloss_text_get_sha256:
 *
 * Returns: the SHA-256 of the file's bytes, in lower-case hex
 */
const char *
gloss_text_get_sha256 (GlossText *self)
{
  GlossSha256 checksum;
  guint8 digest[GLOSS_SHA256_LENGTH];
  char *sha256;

  g_return_val_if_fail (GLOSS_IS_TEXT (self), NULL);

  /* Made on first use: `gloss segment` never needs it, and on 5 MB it
   * costs more than splitting the text. A text is shared between
   * threads, so two first uses may race; the loser's copy is dropped. */
  sha256 = g_atomic_pointer_get (&self->sha256);
  if (sha256 != NULL)
    return sha256;

  /* A UTF-8 text is its file's bytes, less the BOM */
  gloss_sha256_init (&checksum);
  if (self->has_bom)
    gloss_sha256_update (&checksum, "\xEF\xBB\xBF", 3);
  gloss_sha256_update (&checksum, self->contents, self->n_bytes);
  gloss_sha256_finish (&checksum, digest);
  sha256 = gloss_sha256_to_hex (digest);

  if (!g_atomic_pointer_compare_and_exchange (&self->sha256, NULL, sha256))
    g_free (sha256);

  return g_atomic_pointer_get (&self->sha256);
}

gboolean
gloss_text_get_has_bom (GlossText *self)
{
  g_return_val_if_fail (GLOSS_IS_TEXT (self), FALSE);

  return self->has_bom;
}

/**
 * gloss_text_get_byte_offset:
 * @offset: a code point offset, at most the text's length
 *
 * Returns: the byte offset of code point @offset in the contents
 */
gsize
gloss_text_get_byte_offset (GlossText *self,
                            guint      offset)
{
  const char *p;
  guint rest;

  g_return_val_if_fail (GLOSS_IS_TEXT (self), 0);
  g_return_val_if_fail (offset <= self->length, self->n_bytes);

  if (self->index == NULL)
    return offset;

  if (offset == self->length)
    return self->n_bytes;

  p = self->contents + self->index[offset / INDEX_STRIDE];
  rest = offset % INDEX_STRIDE;
  while (rest > 0)
    {
      guint64 word;

      /* Eight ASCII characters at a step: news text is mostly ASCII */
      if (rest >= 8)
        {
          memcpy (&word, p, sizeof word);
          if ((word & G_GUINT64_CONSTANT (0x8080808080808080)) == 0)
            {
              p += 8;
              rest -= 8;
              continue;
            }
        }

      p = g_utf8_next_char (p);
      rest--;
    }

  return p - self->contents;
}

/**
 * gloss_text_get_char_offset:
 * @byte_offset: a byte offset at a character boundary
 *
 * Returns: the code point offset of @byte_offset
 */
guint
gloss_text_get_char_offset (GlossText *self,
                            gsize      byte_offset)
{
  const char *p;
  guint lo, hi;
  guint count;

  g_return_val_if_fail (GLOSS_IS_TEXT (self), 0);
  g_return_val_if_fail (byte_offset <= self->n_bytes, self->length);

  if (self->index == NULL)
    return (guint)byte_offset;

  /* The last checkpoint at or before byte_offset */
  lo = 0;
  hi = self->n_index;
  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (self->index[mid] <= byte_offset)
        lo = mid;
      else
        hi = mid;
    }

  count = lo * INDEX_STRIDE;
  for (p = self->contents + self->index[lo]; p < self->contents + byte_offset; p = g_utf8_next_char (p))
    count++;

  return count;
}

/**
 * gloss_text_dup_slice:
 * @start: first code point
 * @end: the code point after the last
 *
 * Returns: (transfer full): the text in `[start, end)`
 */
char *
gloss_text_dup_slice (GlossText *self,
                      guint      start,
                      guint      end)
{
  gsize b_start, b_end;

  g_return_val_if_fail (GLOSS_IS_TEXT (self), NULL);
  g_return_val_if_fail (start <= end, NULL);
  g_return_val_if_fail (end <= self->length, NULL);

  b_start = gloss_text_get_byte_offset (self, start);
  b_end = gloss_text_get_byte_offset (self, end);

  return g_strndup (self->contents + b_start, b_end - b_start);
}

/**
 * gloss_text_slice_equals:
 *
 * Returns: %TRUE if `[start, end)` is a range of the text and its text
 *   equals @str byte for byte
 */
gboolean
gloss_text_slice_equals (GlossText  *self,
                         guint       start,
                         guint       end,
                         const char *str)
{
  gsize b_start, b_end;

  g_return_val_if_fail (GLOSS_IS_TEXT (self), FALSE);
  g_return_val_if_fail (str != NULL, FALSE);

  if (start > end || end > self->length)
    return FALSE;

  b_start = gloss_text_get_byte_offset (self, start);
  b_end = gloss_text_get_byte_offset (self, end);

  return strlen (str) == b_end - b_start &&
         memcmp (self->contents + b_start, str, b_end - b_start) == 0;
}

static GHashTable *
load_words (const char *language)
{
  g_autofree char *name = g_strdup_printf ("language/%s.txt", language);
  g_autoptr(GBytes) bytes = gloss_resources_lookup (name);
  GHashTable *words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) lines = NULL;

  if (bytes == NULL)
    return words;

  lines = g_strsplit (g_bytes_get_data (bytes, NULL), "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *word = g_strstrip (lines[i]);

      if (word[0] != '\0' && word[0] != '#')
        g_hash_table_add (words, g_strdup (word));
    }

  return words;
}

/**
 * gloss_text_guess_language:
 *
 * Guesses whether the text is German or English from its most common
 * words (the lists are data files), looking at its first 64 KB.
 *
 * Returns: "de" or "en"
 */
const char *
gloss_text_guess_language (GlossText *self)
{
  static GHashTable *de_words;
  static GHashTable *en_words;
  const char *p;
  const char *end;
  guint de = 0;
  guint en = 0;

  g_return_val_if_fail (GLOSS_IS_TEXT (self), "en");

  if (g_once_init_enter (&de_words))
    {
      en_words = load_words ("en");
      g_once_init_leave (&de_words, load_words ("de"));
    }

  p = self->contents;
  end = p + MIN (self->n_bytes, 64 * 1024);

  while (p < end)
    {
      const char *word;
      char buf[32];
      gsize n;

      while (p < end && !g_unichar_isalpha (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      word = p;
      while (p < end && g_unichar_isalpha (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);

      n = p - word;
      if (n == 0 || n >= sizeof buf)
        continue;

      for (gsize i = 0; i < n; i++)
        buf[i] = g_ascii_tolower (word[i]);
      buf[n] = '\0';

      if (g_hash_table_contains (de_words, buf))
        de++;
      if (g_hash_table_contains (en_words, buf))
        en++;
    }

  return de > en ? "de" : "en";
}
