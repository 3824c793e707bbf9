/* gloss-dataset-brat-writer.c
 *
 * A brat folder: per document a `.txt` with its text and a `.ann` with a
 * text-bound annotation per label (`T1<TAB>claim 0 41<TAB>…`) and the
 * note as `#1<TAB>AnnotatorNotes T1<TAB>…`, and an `annotation.conf` and
 * `visual.conf` for the labels.
 *
 * brat counts offsets in characters of the text as Python reads it, which
 * are Gloss's code points. An .ann line cannot hold a line break, so a
 * span across one is written as brat writes it itself: as fragments
 * (`0 10;11 20`) that leave out the line breaks, and their texts joined
 * by spaces.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "gloss-annotation.h"
#include "gloss-dataset-writer-private.h"
#include "gloss-label.h"
#include "gloss-label-set.h"
#include "gloss-text.h"

static gboolean
is_line_break (gunichar c)
{
  return c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || c == 0x85 || c == 0x2028 || c == 0x2029;
}

static void
append_span (GString   *out,
             GlossText *text,
             guint      start,
             guint      end)
{
  g_autoptr(GString) fragments = g_string_new (NULL);
  g_autoptr(GString) texts = g_string_new (NULL);
  const char *p = gloss_text_get_contents (text) + gloss_text_get_byte_offset (text, start);
  guint fragment_start = start;
  const char *fragment = p;

  for (guint offset = start; offset <= end; offset++)
    {
      gboolean at_end = offset == end;
      gunichar c = at_end ? 0 : g_utf8_get_char (p);

      if (at_end || is_line_break (c))
        {
          if (offset > fragment_start)
            {
              g_string_append_printf (fragments, "%s%u %u", fragments->len ? ";" : "", fragment_start, offset);
              if (texts->len > 0)
                g_string_append_c (texts, ' ');
              g_string_append_len (texts, fragment, p - fragment);
            }
          fragment_start = offset + 1;
          fragment = at_end ? p : g_utf8_next_char (p);
        }

      if (!at_end)
        p = g_utf8_next_char (p);
    }

  g_string_append_printf (out, "%s\t%s", fragments->str, texts->str);
}

/* Notes may hold line breaks and tabs, which an .ann line cannot */
static void
append_one_line (GString    *out,
                 const char *str)
{
  for (const char *p = str; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_line_break (c) || c == '\t')
        {
          if (c == '\r' && p[1] == '\n')
            p++;
          g_string_append_c (out, ' ');
        }
      else
        g_string_append_unichar (out, c);
    }
}

static char *
dup_base_name (const char *id)
{
  if (g_str_has_suffix (id, ".txt"))
    return g_strndup (id, strlen (id) - 4);

  return g_strdup (id);
}

static gboolean
brat_add (GlossExporter    *self,
          GlossExportItem  *item,
          GError          **error)
{
  GFile *folder = _gloss_exporter_get_folder (self);
  g_autofree char *base = dup_base_name (item->id);
  g_autofree char *txt_name = g_strconcat (base, ".txt", NULL);
  g_autofree char *ann_name = g_strconcat (base, ".ann", NULL);
  g_autoptr(GFile) txt = g_file_resolve_relative_path (folder, txt_name);
  g_autoptr(GFile) ann = g_file_resolve_relative_path (folder, ann_name);
  g_autoptr(GString) out = g_string_new (NULL);
  guint n_notes = 0;

  for (guint i = 0; i < item->annotations->len; i++)
    {
      GlossAnnotation *annotation = g_ptr_array_index (item->annotations, i);

      g_string_append_printf (out, "T%u\t%s ", i + 1, gloss_annotation_get_label (annotation));
      append_span (out, item->text, gloss_annotation_get_start (annotation), gloss_annotation_get_end (annotation));
      g_string_append_c (out, '\n');

      if (gloss_annotation_get_note (annotation)[0] != '\0')
        {
          g_string_append_printf (out, "#%u\tAnnotatorNotes T%u\t", ++n_notes, i + 1);
          append_one_line (out, gloss_annotation_get_note (annotation));
          g_string_append_c (out, '\n');
        }
    }

  return _gloss_exporter_write_file (self, txt, gloss_text_get_contents (item->text),
                                     gloss_text_get_n_bytes (item->text), error) &&
         _gloss_exporter_write_file (self, ann, out->str, out->len, error);
}

static gboolean
brat_end (GlossExporter  *self,
          GError        **error)
{
  GlossLabelSet *labels = _gloss_exporter_get_stats (self)->labels;
  GFile *folder = _gloss_exporter_get_folder (self);
  g_autoptr(GFile) conf = g_file_get_child (folder, "annotation.conf");
  g_autoptr(GFile) visual = g_file_get_child (folder, "visual.conf");
  g_autoptr(GString) out = g_string_new ("[entities]\n");
  g_autoptr(GString) visual_out = g_string_new ("[labels]\n");

  for (guint i = 0; i < gloss_label_set_get_n_labels (labels); i++)
    g_string_append_printf (out, "%s\n", gloss_label_get_id (gloss_label_set_get_label (labels, i)));
  g_string_append (out, "\n[relations]\n\n[events]\n\n[attributes]\n");

  for (guint i = 0; i < gloss_label_set_get_n_labels (labels); i++)
    {
      GlossLabel *label = gloss_label_set_get_label (labels, i);

      g_string_append_printf (visual_out, "%s | ", gloss_label_get_id (label));
      append_one_line (visual_out, gloss_label_get_display_name (label));
      g_string_append_c (visual_out, '\n');
    }
  g_string_append (visual_out, "\n[drawing]\n");
  for (guint i = 0; i < gloss_label_set_get_n_labels (labels); i++)
    {
      GlossLabel *label = gloss_label_set_get_label (labels, i);

      g_string_append_printf (visual_out, "%s\tbgColor:%s\n",
                              gloss_label_get_id (label), gloss_label_get_color (label));
    }

  return _gloss_exporter_write_file (self, conf, out->str, out->len, error) &&
         _gloss_exporter_write_file (self, visual, visual_out->str, visual_out->len, error);
}

const GlossExportFormatInfo _gloss_export_brat = {
  .name = "brat",
  .folder = TRUE,
  .carries_notes = TRUE,
  .fields =
    "A brat folder: for each document `ID.txt` (its text, UTF-8, line ends as in the original) and `ID.ann`, "
    "plus `annotation.conf` (the labels as entity types) and `visual.conf` (their names and colours).\n\n"
    "| line | meaning |\n"
    "| --- | --- |\n"
    "| `T1<TAB>claim 0 41<TAB>text` | a labelled sentence: label, start and end in Unicode code points (end "
    "exclusive), its text; a sentence across a line break is written as fragments `0 10;11 41` without the line "
    "break, the texts joined by a space |\n"
    "| `#1<TAB>AnnotatorNotes T1<TAB>note` | the annotator's note on T1 (line breaks and tabs in it become spaces) "
    "|\n\n"
    "Read the `.txt` files with `open(path, encoding='utf-8', newline='')`: Python's default newline translation "
    "would turn CRLF into one character and shift the offsets. Annotators and times are not part of this format.\n",
  .add = brat_add,
  .end = brat_end,
};
