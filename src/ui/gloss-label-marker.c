/* gloss-label-marker.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "gloss-label.h"
#include "gloss-label-marker.h"

/* A label's marker, the same in the article and in the sidebar's lists:
 * a filled square for a sentence label, a ring for a span label (filled
 * for the current span), each with the label's key in it, so a label is
 * never told by its colour alone. */
struct _GlossLabelMarker
{
  GtkWidget   parent_instance;

  GlossLabel *label;
  guint       round : 1;
  guint       filled : 1;
};

G_DEFINE_FINAL_TYPE (GlossLabelMarker, gloss_label_marker, GTK_TYPE_WIDGET)

/* The laid-out keys, one for each key and Pango context: the article
 * draws tens of markers a frame, and laying out even one letter anew is
 * most of a marker's cost. A layout notices a change of its context
 * (fonts, scale) by itself. */
static GQuark
layouts_quark (void)
{
  static GQuark quark;

  if (quark == 0)
    quark = g_quark_from_static_string ("gloss-label-marker-layouts");

  return quark;
}

static PangoLayout *
get_layout (GtkWidget  *widget,
            const char *initial)
{
  PangoContext *context = gtk_widget_get_pango_context (widget);
  GHashTable *layouts = g_object_get_qdata (G_OBJECT (context), layouts_quark ());
  PangoLayout *layout;

  if (layouts == NULL)
    {
      layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
      g_object_set_qdata_full (G_OBJECT (context), layouts_quark (), layouts, (GDestroyNotify)g_hash_table_unref);
    }

  layout = g_hash_table_lookup (layouts, initial);
  if (layout == NULL)
    {
      PangoFontDescription *font = pango_font_description_from_string ("Sans Bold 8");

      layout = pango_layout_new (context);
      pango_layout_set_text (layout, initial, -1);
      pango_layout_set_font_description (layout, font);
      pango_font_description_free (font);
      g_hash_table_insert (layouts, g_strdup (initial), layout);
    }

  return layout;
}

/**
 * gloss_label_marker_snapshot:
 * @widget: the widget that draws it (for its fonts)
 * @x: (in widget coordinates): where its left edge goes
 * @y: where its top edge goes
 * @round: a ring (a span label) rather than a square (a sentence label)
 * @filled: filled in the label's colour, not only ringed by it
 *
 * Draws @label's marker, %GLOSS_LABEL_MARKER_SIZE pixels wide and high.
 */
void
gloss_label_marker_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot,
                             GlossLabel  *label,
                             float        x,
                             float        y,
                             gboolean     round,
                             gboolean     filled)
{
  GskRoundedRect rect;
  GdkRGBA fill, ink;
  PangoLayout *layout;
  g_autofree char *initial = NULL;
  const char *name = gloss_label_get_display_name (label);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  int lw, lh;

  if (!gdk_rgba_parse (&fill, gloss_label_get_color (label)))
    gdk_rgba_parse (&fill, "#9a9996");
  /* Dark ink on light colours, white on dark ones */
  if (0.299 * fill.red + 0.587 * fill.green + 0.114 * fill.blue > 0.6)
    ink = (GdkRGBA) { 0, 0, 0, 0.85 };
  else
    ink = (GdkRGBA) { 1, 1, 1, 1 };

  gsk_rounded_rect_init_from_rect (&rect, &GRAPHENE_RECT_INIT (x, y, GLOSS_LABEL_MARKER_SIZE, GLOSS_LABEL_MARKER_SIZE),
                                   round ? GLOSS_LABEL_MARKER_SIZE / 2.0f : 4);
  if (filled)
    {
      gtk_snapshot_push_rounded_clip (snapshot, &rect);
      gtk_snapshot_append_color (snapshot, &fill, &rect.bounds);
      gtk_snapshot_pop (snapshot);
    }
  else
    {
      const float widths[4] = { 2, 2, 2, 2 };
      const GdkRGBA colors[4] = { fill, fill, fill, fill };
      GdkRGBA page = { 1, 1, 1, 1 };

      /* The label's colour as ink on the page */
      if (dark)
        page = (GdkRGBA) { 0.12, 0.12, 0.12, 1 };
      gtk_snapshot_push_rounded_clip (snapshot, &rect);
      gtk_snapshot_append_color (snapshot, &page, &rect.bounds);
      gtk_snapshot_pop (snapshot);
      gtk_snapshot_append_border (snapshot, &rect, widths, colors);
      ink = fill;
      if (dark)
        ink = (GdkRGBA) { MIN (1, fill.red + 0.25), MIN (1, fill.green + 0.25), MIN (1, fill.blue + 0.25), 1 };
    }

  /* The label's key, which is what the reader presses, in every language;
   * the initial of its name for a label without a key */
  if (gloss_label_get_key (label) != NULL && gloss_label_get_key (label)[0] != '\0')
    initial = g_utf8_strup (gloss_label_get_key (label), -1);
  else
    initial = g_utf8_strup (name, g_utf8_next_char (name) - name);
  layout = get_layout (widget, initial);
  pango_layout_get_pixel_size (layout, &lw, &lh);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x + (GLOSS_LABEL_MARKER_SIZE - lw) / 2.0f,
                                                          y + (GLOSS_LABEL_MARKER_SIZE - lh) / 2.0f));
  gtk_snapshot_append_layout (snapshot, layout, &ink);
  gtk_snapshot_restore (snapshot);
}


static void
gloss_label_marker_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  *minimum = *natural = GLOSS_LABEL_MARKER_SIZE;
}

static void
gloss_label_marker_do_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  GlossLabelMarker *self = GLOSS_LABEL_MARKER (widget);

  if (self->label == NULL)
    return;

  gloss_label_marker_snapshot (widget, snapshot, self->label,
                               (gtk_widget_get_width (widget) - GLOSS_LABEL_MARKER_SIZE) / 2.0f,
                               (gtk_widget_get_height (widget) - GLOSS_LABEL_MARKER_SIZE) / 2.0f,
                               self->round, self->filled);
}

static void
gloss_label_marker_dispose (GObject *object)
{
  GlossLabelMarker *self = (GlossLabelMarker *)object;

  g_clear_object (&self->label);

  G_OBJECT_CLASS (gloss_label_marker_parent_class)->dispose (object);
}

static void
gloss_label_marker_class_init (GlossLabelMarkerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_label_marker_dispose;
  widget_class->measure = gloss_label_marker_measure;
  widget_class->snapshot = gloss_label_marker_do_snapshot;

  /* What it shows, the label, is in the accessible name of what holds it */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
  gtk_widget_class_set_css_name (widget_class, "glosslabelmarker");
}

static void
gloss_label_marker_init (GlossLabelMarker *self)
{
}

GtkWidget *
gloss_label_marker_new (void)
{
  return g_object_new (GLOSS_TYPE_LABEL_MARKER, NULL);
}

/**
 * gloss_label_marker_set_label:
 * @label: (nullable): the label to show
 * @round: a span label's ring rather than a sentence label's square
 * @filled: filled in the label's colour (a sentence label, the current
 *   span), not only ringed by it
 */
void
gloss_label_marker_set_label (GlossLabelMarker *self,
                              GlossLabel       *label,
                              gboolean          round,
                              gboolean          filled)
{
  g_return_if_fail (GLOSS_IS_LABEL_MARKER (self));

  if (self->label == label && self->round == !!round && self->filled == !!filled)
    return;

  g_set_object (&self->label, label);
  self->round = !!round;
  self->filled = !!filled;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
