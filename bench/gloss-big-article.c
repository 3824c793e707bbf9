/* gloss-big-article.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A long news-like article with many annotations, made the same way every
 * time: for the window's benchmark on a 59 MB text and the window test on
 * a smaller one. Nothing large is kept in the repository.
 */

#include "config.h"

#include <string.h>

#include "gloss-big-article.h"
#include "gloss-document.h"
#include "gloss-sentence.h"

/* Any fixed seed: the same text on every machine (GRand is a Mersenne
 * Twister, defined to the bit) */
#define SEED 20261128

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

static GPtrArray *
read_paragraphs (const char  *samples_dir,
                 GError     **error)
{
  g_autoptr(GDir) dir = g_dir_open (samples_dir, 0, error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) paragraphs = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return NULL;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (names, g_strdup (name));
  /* Directory order differs between file systems */
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (samples_dir, g_ptr_array_index (names, i), NULL);
      g_autofree char *contents = NULL;
      g_auto(GStrv) parts = NULL;

      if (!g_file_get_contents (path, &contents, NULL, error))
        return NULL;

      parts = g_strsplit (contents, "\n\n", -1);
      for (guint p = 0; parts[p] != NULL; p++)
        {
          g_strstrip (parts[p]);
          if (parts[p][0] != '\0')
            g_ptr_array_add (paragraphs, g_strdup (parts[p]));
        }
    }

  if (paragraphs->len == 0)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT, "No sample paragraphs in %s", samples_dir);
      return NULL;
    }

  return g_steal_pointer (&paragraphs);
}

/* A paragraph, varied so that the text does not repeat: its digits shift
 * and every so often it names another place. In a joined paragraph its
 * line breaks become spaces. */
static void
append_varied (GString    *out,
               const char *paragraph,
               guint       variant,
               gboolean    joined)
{
  static const char * const places[] = { "Neuwalden", "Millbrook", "Oberhausen", "Kingsport", "Lindau", "Ashford" };

  for (const char *p = paragraph; *p != '\0'; p++)
    {
      if (*p >= '0' && *p <= '9')
        g_string_append_c (out, '0' + (*p - '0' + variant) % 10);
      else if (*p == '\n')
        g_string_append_c (out, joined ? ' ' : '\n');
      else if (variant % 3 == 0 && (g_str_has_prefix (p, "Neuwalden") || g_str_has_prefix (p, "Millbrook")))
        {
          g_string_append (out, places[variant % G_N_ELEMENTS (places)]);
          p += strlen ("Neuwalden") - 1;
        }
      else
        g_string_append_c (out, *p);
    }
}

static char *
make_text (GPtrArray *paragraphs,
           gsize      n_bytes,
           gsize     *length)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  GString *out = g_string_sized_new (n_bytes + 4096);
  guint variant = 0;

  while (out->len < n_bytes)
    {
      guint n_joined = 1;
      guint roll = g_rand_int_range (rand, 0, 1000);

      /* Mostly paragraphs apart; now and then a paragraph of dozens of
       * sentences without a break, and rarely one of a few hundred
       * kilobytes, as a badly converted PDF gives */
      if (roll < 8)
        n_joined = g_rand_int_range (rand, 20, 80);
      else if (roll == 8)
        n_joined = g_rand_int_range (rand, 600, 1500);

      for (guint i = 0; i < n_joined && out->len < n_bytes; i++)
        {
          const char *paragraph = g_ptr_array_index (paragraphs, g_rand_int_range (rand, 0, paragraphs->len));

          if (i > 0)
            g_string_append_c (out, ' ');
          append_varied (out, paragraph, variant++, n_joined > 1);
        }
      g_string_append (out, "\n\n");
    }

  *length = out->len;

  return g_string_free (out, FALSE);
}

/**
 * gloss_big_article_write:
 * @path: where the text goes; its annotations go beside it
 * @samples_dir: a folder of sample articles (`.txt`) to vary
 * @n_bytes: the text's size, at least
 * @n_annotations: how many annotations, spread evenly over the text; every
 *   tenth is a second label on the sentence before. 0 labels every
 *   sentence (and every tenth twice).
 *
 * Writes a long article of the samples' paragraphs, varied, and its
 * `.gloss.json`. The text is the same on every run; the annotation file
 * differs only in its times.
 */
gboolean
gloss_big_article_write (const char  *path,
                         const char  *samples_dir,
                         gsize        n_bytes,
                         guint        n_annotations,
                         GError     **error)
{
  static const char * const labels[] = { "claim", "source", "quote" };
  g_autoptr(GPtrArray) paragraphs = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) json = gloss_document_dup_annotation_file_for (file);
  g_autoptr(GlossDocument) document = NULL;
  g_autofree char *text = NULL;
  gsize length;
  guint n_sentences;
  guint position = 0;

  paragraphs = read_paragraphs (samples_dir, error);
  if (paragraphs == NULL)
    return FALSE;

  text = make_text (paragraphs, n_bytes, &length);
  if (!g_file_set_contents (path, text, length, error))
    return FALSE;
  /* An older one would be loaded instead of splitting the new text */
  g_file_delete (json, NULL, NULL);

  document = gloss_document_load (file, NULL, NULL, error);
  if (document == NULL)
    return FALSE;

  n_sentences = gloss_document_get_n_sentences (document);
  for (guint i = 0; n_annotations == 0 && i < n_sentences; i++)
    {
      gloss_document_add_label (document, i, labels[i % G_N_ELEMENTS (labels)]);
      if (i % 10 == 9)
        gloss_document_add_label (document, i, labels[(i + 1) % G_N_ELEMENTS (labels)]);
    }
  for (guint i = 0; i < n_annotations; i++)
    {
      if (i % 10 != 9 || i == 0)
        position = (guint)((guint64)i * n_sentences / n_annotations);

      gloss_document_add_label (document, position, labels[i % G_N_ELEMENTS (labels)]);
    }

  return gloss_document_save (document, NULL, error);
}
