/* gloss-chart.c
 *
 * A statistics table (gloss-stats.c) drawn as a chart: bars, stacked
 * bars or a heat map, each with its values written on it, so that no
 * value is told by colour alone. Needs cairo and Pango only, never GTK:
 * the view draws a chart in a widget, and a test or a script can render
 * one without a display.
 *
 * A chart is laid out once into rectangles and texts; drawing them with
 * cairo gives the screen and the PNG, writing them as SVG elements gives
 * an SVG whose labels are text (searchable, editable in a paper), not
 * glyph outlines.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <string.h>

#include "gloss-chart.h"
#include "gloss-file-writer.h"
#include "gloss-json.h"

#define MARGIN      16.0
#define FONT_SIZE   12.0
#define TITLE_SIZE  15.0
#define BAR_HEIGHT  18.0
#define BAR_GAP     4.0
#define ROW_GAP     10.0
#define BAR_WIDTH   360.0
#define CELL_HEIGHT 28.0
#define FONT_FAMILY "Cantarell, sans-serif"

typedef enum
{
  ITEM_RECT,
  ITEM_TEXT,
} ItemKind;

typedef enum
{
  ANCHOR_START,
  ANCHOR_MIDDLE,
  ANCHOR_END,
} Anchor;

typedef struct
{
  ItemKind  kind;
  double    x, y, width, height;  /* a text's y is its baseline */
  guint32   rgb;
  char     *text;
  double    size;
  Anchor    anchor;
  gboolean  bold;
  char     *role;                   /* the SVG element's class: bar, value, label … */
} Item;

struct _GlossChart
{
  GArray       *items;
  double        width;
  double        height;
  gboolean      dark;
  PangoContext *pango;
};

static void
item_clear (gpointer data)
{
  Item *item = data;

  g_free (item->text);
  g_free (item->role);
}

static guint32
parse_color (const char *color,
             guint32     fallback)
{
  guint r, g, b;

  if (color == NULL || color[0] != '#' || strlen (color) != 7 || sscanf (color + 1, "%02x%02x%02x", &r, &g, &b) != 3)
    return fallback;

  return r << 16 | g << 8 | b;
}

static guint32
text_color (GlossChart *self)
{
  return self->dark ? 0xffffff : 0x241f31;
}

static guint32
dim_color (GlossChart *self)
{
  return self->dark ? 0x9a9996 : 0x5e5c64;
}

/* Black or white, whichever reads on @background */
static guint32
contrast (guint32 background)
{
  double r = (background >> 16 & 0xff) / 255.0, g = (background >> 8 & 0xff) / 255.0, b = (background & 0xff) / 255.0;

  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.55 ? 0x000000 : 0xffffff;
}

static double
measure (GlossChart *self,
         const char *text,
         double      size,
         gboolean    bold)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (self->pango);
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);
  int width;

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, &width, NULL);

  return (double)width / PANGO_SCALE;
}

static void
add_rect (GlossChart *self,
          double      x,
          double      y,
          double      width,
          double      height,
          guint32     rgb,
          const char *role)
{
  Item item = { ITEM_RECT, x, y, width, height, rgb, NULL, 0, ANCHOR_START, FALSE, g_strdup (role) };

  g_array_append_val (self->items, item);
}

static void
add_text (GlossChart *self,
          double      x,
          double      baseline,
          const char *text,
          double      size,
          Anchor      anchor,
          gboolean    bold,
          guint32     rgb,
          const char *role)
{
  Item item = { ITEM_TEXT, x, baseline, 0, 0, rgb, g_strdup (text), size, anchor, bold, g_strdup (role) };

  g_array_append_val (self->items, item);
}

static GPtrArray *
drawn_columns (const GlossStatsTable *table)
{
  GPtrArray *drawn = g_ptr_array_new ();

  for (guint c = 0; c < table->columns->len; c++)
    if (((GlossStatsColumn *)g_ptr_array_index (table->columns, c))->drawn)
      g_ptr_array_add (drawn, GUINT_TO_POINTER (c));

  return drawn;
}

static GlossStatsColumn *
column_at (const GlossStatsTable *table,
           guint                  c)
{
  return g_ptr_array_index (table->columns, c);
}

static double
max_row_title (GlossChart            *self,
               const GlossStatsTable *table)
{
  double width = 40;

  for (guint r = 0; r < table->rows->len; r++)
    width = MAX (width, measure (self, g_ptr_array_index (table->row_titles, r), FONT_SIZE, FALSE));

  return MIN (width, 260);
}

/* The legend: a swatch and the name of each column drawn; returns the y
 * below it */
static double
add_legend (GlossChart            *self,
            const GlossStatsTable *table,
            GPtrArray             *drawn,
            double                 y)
{
  double x = MARGIN;

  for (guint i = 0; i < drawn->len; i++)
    {
      GlossStatsColumn *column = column_at (table, GPOINTER_TO_UINT (g_ptr_array_index (drawn, i)));
      double width = measure (self, column->title, FONT_SIZE, FALSE);

      if (x + 18 + width > self->width - MARGIN && x > MARGIN)
        {
          x = MARGIN;
          y += 20;
        }
      add_rect (self, x, y - 11, 12, 12, parse_color (column->color, 0x3584e4), "swatch");
      add_text (self, x + 16, y, column->title, FONT_SIZE, ANCHOR_START, FALSE, text_color (self), "legend");
      x += 16 + width + 18;
    }

  return y + 20;
}

static double
add_title (GlossChart            *self,
           const GlossStatsTable *table)
{
  add_text (self, MARGIN, MARGIN + TITLE_SIZE, table->title, TITLE_SIZE, ANCHOR_START, TRUE, text_color (self), "title");

  return MARGIN + TITLE_SIZE + 18;
}

/* A bar a row and drawn column, side by side, from a zero line; a value
 * that is undefined is written “n/a” without a bar */
static void
layout_bars (GlossChart            *self,
             const GlossStatsTable *table)
{
  g_autoptr(GPtrArray) drawn = drawn_columns (table);
  double label_width = max_row_title (self, table);
  double lo = 0, hi = 0, x0, scale, y, top_of_bars;

  for (guint i = 0; i < drawn->len; i++)
    {
      guint c = GPOINTER_TO_UINT (g_ptr_array_index (drawn, i));

      if (column_at (table, c)->value != GLOSS_STATS_COUNT)
        hi = MAX (hi, 1.0);
      for (guint r = 0; r < table->rows->len; r++)
        {
          double value = gloss_stats_table_get (table, r, c);

          if (!isnan (value))
            {
              lo = MIN (lo, value);
              hi = MAX (hi, value);
            }
        }
    }
  if (hi - lo <= 0)
    hi = lo + 1;

  self->width = MARGIN + label_width + 12 + BAR_WIDTH + 70 + MARGIN;
  y = add_title (self, table);
  if (drawn->len > 1)
    y = add_legend (self, table, drawn, y + 4);
  top_of_bars = y;

  x0 = MARGIN + label_width + 12;
  scale = BAR_WIDTH / (hi - lo);
  for (guint r = 0; r < table->rows->len; r++)
    {
      double top = y;
      guint32 row_color = parse_color (g_ptr_array_index (table->row_colors, r), 0);
      gboolean has_row_color = ((char *)g_ptr_array_index (table->row_colors, r))[0] != '\0';

      for (guint i = 0; i < drawn->len; i++)
        {
          guint c = GPOINTER_TO_UINT (g_ptr_array_index (drawn, i));
          GlossStatsColumn *column = column_at (table, c);
          double value = gloss_stats_table_get (table, r, c);
          g_autofree char *written = gloss_stats_format_value (column->value, value);
          guint32 color = drawn->len == 1 && has_row_color ? row_color : parse_color (column->color, 0x3584e4);
          double from, to;

          if (!isnan (value))
            {
              from = x0 + (MIN (value, 0) - lo) * scale;
              to = x0 + (MAX (value, 0) - lo) * scale;
              if (to - from < 1 && value != 0)
                to = from + 1;
              if (value != 0)
                add_rect (self, from, y, to - from, BAR_HEIGHT, color, "bar");
              add_text (self, to + 6, y + BAR_HEIGHT - 5, written, FONT_SIZE, ANCHOR_START, FALSE,
                        text_color (self), "value");
            }
          else
            add_text (self, x0 + (0 - lo) * scale + 6, y + BAR_HEIGHT - 5, written, FONT_SIZE, ANCHOR_START,
                      FALSE, dim_color (self), "value");
          y += BAR_HEIGHT + (i + 1 < drawn->len ? BAR_GAP : 0);
        }

      add_text (self, x0 - 12, (top + y) / 2 + 4, g_ptr_array_index (table->row_titles, r), FONT_SIZE, ANCHOR_END,
                FALSE, text_color (self), "label");
      y += ROW_GAP;
    }

  /* The zero line, where negative values start */
  add_rect (self, x0 + (0 - lo) * scale - 0.5, top_of_bars - 4, 1, y - top_of_bars, dim_color (self), "axis");

  self->height = y + MARGIN;
}

/* A bar a row, its columns stacked in their colours, each segment's value
 * on it where it fits, the row's total after it */
static void
layout_stacked (GlossChart            *self,
                const GlossStatsTable *table)
{
  g_autoptr(GPtrArray) drawn = drawn_columns (table);
  double label_width = max_row_title (self, table);
  double hi = 0, x0, y;

  for (guint r = 0; r < table->rows->len; r++)
    {
      double total = 0;

      for (guint i = 0; i < drawn->len; i++)
        total += gloss_stats_table_get (table, r, GPOINTER_TO_UINT (g_ptr_array_index (drawn, i)));
      hi = MAX (hi, total);
    }
  if (hi <= 0)
    hi = 1;

  self->width = MARGIN + label_width + 12 + BAR_WIDTH + 60 + MARGIN;
  y = add_title (self, table);
  y = add_legend (self, table, drawn, y + 4);
  x0 = MARGIN + label_width + 12;

  for (guint r = 0; r < table->rows->len; r++)
    {
      double x = x0, total = 0;
      g_autofree char *written = NULL;

      for (guint i = 0; i < drawn->len; i++)
        {
          guint c = GPOINTER_TO_UINT (g_ptr_array_index (drawn, i));
          GlossStatsColumn *column = column_at (table, c);
          double value = gloss_stats_table_get (table, r, c);
          double width = value / hi * BAR_WIDTH;
          guint32 color = parse_color (column->color, 0x3584e4);
          g_autofree char *number = NULL;

          if (value <= 0)
            continue;
          add_rect (self, x, y, width, BAR_HEIGHT, color, "bar");
          number = gloss_stats_format_value (GLOSS_STATS_COUNT, value);
          if (measure (self, number, FONT_SIZE - 1, FALSE) + 6 <= width)
            add_text (self, x + width / 2, y + BAR_HEIGHT - 5, number, FONT_SIZE - 1, ANCHOR_MIDDLE, FALSE,
                      contrast (color), "value");
          x += width;
          total += value;
        }

      written = gloss_stats_format_value (GLOSS_STATS_COUNT, total);
      add_text (self, x + 6, y + BAR_HEIGHT - 5, written, FONT_SIZE, ANCHOR_START, TRUE, text_color (self), "total");
      add_text (self, x0 - 12, y + BAR_HEIGHT - 5, g_ptr_array_index (table->row_titles, r), FONT_SIZE, ANCHOR_END,
                FALSE, text_color (self), "label");
      y += BAR_HEIGHT + ROW_GAP;
    }

  self->height = y + MARGIN;
}

/* A cell a row and column, darker for more, its value written in it */
static void
layout_heat_map (GlossChart            *self,
                 const GlossStatsTable *table)
{
  double label_width = max_row_title (self, table);
  double cell_width = 48, hi = 0, x0, y;
  guint32 base = self->dark ? 0x303030 : 0xf6f5f4, full = 0x1c71d8;

  for (guint c = 0; c < table->columns->len; c++)
    cell_width = MAX (cell_width, measure (self, column_at (table, c)->title, FONT_SIZE, FALSE) + 12);
  for (guint r = 0; r < table->rows->len; r++)
    for (guint c = 0; c < table->columns->len; c++)
      hi = MAX (hi, gloss_stats_table_get (table, r, c));
  if (hi <= 0)
    hi = 1;

  self->width = MARGIN + label_width + 12 + cell_width * table->columns->len + MARGIN;
  y = add_title (self, table);
  x0 = MARGIN + label_width + 12;

  for (guint c = 0; c < table->columns->len; c++)
    add_text (self, x0 + (c + 0.5) * cell_width, y + FONT_SIZE, column_at (table, c)->title, FONT_SIZE, ANCHOR_MIDDLE,
              FALSE, text_color (self), "column");
  y += FONT_SIZE + 10;

  for (guint r = 0; r < table->rows->len; r++)
    {
      add_text (self, x0 - 12, y + CELL_HEIGHT / 2 + 4, g_ptr_array_index (table->row_titles, r), FONT_SIZE,
                ANCHOR_END, FALSE, text_color (self), "label");
      for (guint c = 0; c < table->columns->len; c++)
        {
          double value = gloss_stats_table_get (table, r, c);
          double t = value / hi;
          guint32 color = 0;
          g_autofree char *number = gloss_stats_format_value (GLOSS_STATS_COUNT, value);

          for (int shift = 0; shift <= 16; shift += 8)
            {
              double a = base >> shift & 0xff, b = full >> shift & 0xff;

              color |= (guint32)lround (a + (b - a) * t) << shift;
            }
          add_rect (self, x0 + c * cell_width + 1, y + 1, cell_width - 2, CELL_HEIGHT - 2, color, "cell");
          add_text (self, x0 + (c + 0.5) * cell_width, y + CELL_HEIGHT / 2 + 4, number, FONT_SIZE, ANCHOR_MIDDLE,
                    FALSE, contrast (color), "value");
        }
      y += CELL_HEIGHT;
    }

  self->height = y + MARGIN;
}

/**
 * gloss_chart_new:
 * @dark: light text on a dark background
 *
 * Lays @table out as its chart (`table->chart`). The chart keeps nothing
 * of @table.
 */
GlossChart *
gloss_chart_new (const GlossStatsTable *table,
                 gboolean               dark)
{
  GlossChart *self = g_new0 (GlossChart, 1);

  g_return_val_if_fail (table != NULL, NULL);

  self->items = g_array_new (FALSE, FALSE, sizeof (Item));
  g_array_set_clear_func (self->items, item_clear);
  self->dark = dark;
  self->pango = pango_font_map_create_context (pango_cairo_font_map_get_default ());

  if (table->rows->len == 0)
    {
      self->width = 400;
      add_title (self, table);
      add_text (self, MARGIN, MARGIN + TITLE_SIZE + 26, _("Nothing to show"), FONT_SIZE, ANCHOR_START, FALSE,
                dim_color (self), "empty");
      self->height = MARGIN + TITLE_SIZE + 40;
      return self;
    }

  switch (table->chart)
    {
    case GLOSS_STATS_CHART_STACKED:
      layout_stacked (self, table);
      break;

    case GLOSS_STATS_CHART_HEAT_MAP:
      layout_heat_map (self, table);
      break;

    case GLOSS_STATS_CHART_BARS:
    default:
      layout_bars (self, table);
      break;
    }

  /* Never narrower than the title */
  self->width = MAX (self->width, 2 * MARGIN + measure (self, table->title, TITLE_SIZE, TRUE));
  self->width = ceil (self->width);
  self->height = ceil (self->height);

  return self;
}

void
gloss_chart_free (GlossChart *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->items);
  g_clear_object (&self->pango);
  g_free (self);
}

int
gloss_chart_get_width (GlossChart *self)
{
  return (int)self->width;
}

int
gloss_chart_get_height (GlossChart *self)
{
  return (int)self->height;
}

static void
set_source (cairo_t *cr,
            guint32  rgb)
{
  cairo_set_source_rgb (cr, (rgb >> 16 & 0xff) / 255.0, (rgb >> 8 & 0xff) / 255.0, (rgb & 0xff) / 255.0);
}

/**
 * gloss_chart_draw:
 *
 * Draws the chart at its size (gloss_chart_get_width(), _height()) on
 * @cr, background included.
 */
void
gloss_chart_draw (GlossChart *self,
                  cairo_t    *cr)
{
  g_return_if_fail (self != NULL);

  cairo_save (cr);
  set_source (cr, self->dark ? 0x1e1e1e : 0xffffff);
  cairo_rectangle (cr, 0, 0, self->width, self->height);
  cairo_fill (cr);

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);

      set_source (cr, item->rgb);
      if (item->kind == ITEM_RECT)
        {
          cairo_rectangle (cr, item->x, item->y, item->width, item->height);
          cairo_fill (cr);
        }
      else
        {
          g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
          PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);
          int width, baseline;
          double x = item->x;

          pango_font_description_set_absolute_size (font, item->size * PANGO_SCALE);
          pango_font_description_set_weight (font, item->bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
          pango_layout_set_font_description (layout, font);
          pango_font_description_free (font);
          pango_layout_set_text (layout, item->text, -1);
          pango_layout_get_size (layout, &width, NULL);
          baseline = pango_layout_get_baseline (layout);
          if (item->anchor == ANCHOR_MIDDLE)
            x -= (double)width / PANGO_SCALE / 2;
          else if (item->anchor == ANCHOR_END)
            x -= (double)width / PANGO_SCALE;
          cairo_move_to (cr, x, item->y - (double)baseline / PANGO_SCALE);
          pango_cairo_show_layout (cr, layout);
        }
    }
  cairo_restore (cr);
}

static void
append_attribute (GString    *out,
                  const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append (out, escaped);
}

/**
 * gloss_chart_to_svg:
 *
 * Returns: (transfer full): the chart as an SVG document: a `rect` for
 *   each bar and cell (`class` bar, cell, swatch, axis) and a `text` for
 *   each title, label and value, in the order drawn
 */
char *
gloss_chart_to_svg (GlossChart *self)
{
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  static const char * const anchors[] = { "start", "middle", "end" };
  char a[G_ASCII_DTOSTR_BUF_SIZE], b[G_ASCII_DTOSTR_BUF_SIZE], c[G_ASCII_DTOSTR_BUF_SIZE], d[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_val_if_fail (self != NULL, NULL);

  g_string_append_printf (out, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                          "viewBox=\"0 0 %d %d\" font-family=\"%s\">\n",
                          (int)self->width, (int)self->height, (int)self->width, (int)self->height, FONT_FAMILY);
  g_string_append_printf (out, "<rect class=\"background\" x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"#%06x\"/>\n",
                          (int)self->width, (int)self->height, self->dark ? 0x1e1e1e : 0xffffff);

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);

      if (item->kind == ITEM_RECT)
        g_string_append_printf (out, "<rect class=\"%s\" x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" fill=\"#%06x\"/>\n",
                                item->role, g_ascii_formatd (a, sizeof a, "%.2f", item->x),
                                g_ascii_formatd (b, sizeof b, "%.2f", item->y),
                                g_ascii_formatd (c, sizeof c, "%.2f", item->width),
                                g_ascii_formatd (d, sizeof d, "%.2f", item->height), item->rgb);
      else
        {
          g_string_append_printf (out, "<text class=\"%s\" x=\"%s\" y=\"%s\" font-size=\"%s\" text-anchor=\"%s\"%s "
                                  "fill=\"#%06x\">",
                                  item->role, g_ascii_formatd (a, sizeof a, "%.2f", item->x),
                                  g_ascii_formatd (b, sizeof b, "%.2f", item->y),
                                  g_ascii_formatd (c, sizeof c, "%.0f", item->size), anchors[item->anchor],
                                  item->bold ? " font-weight=\"bold\"" : "", item->rgb);
          append_attribute (out, item->text);
          g_string_append (out, "</text>\n");
        }
    }
  g_string_append (out, "</svg>\n");

  return g_string_free (out, FALSE);
}

gboolean
gloss_chart_write_svg (GlossChart  *self,
                       GFile       *file,
                       GError     **error)
{
  g_autofree char *svg = gloss_chart_to_svg (self);

  return gloss_file_write (file, svg, strlen (svg), GLOSS_FILE_WRITER_NONE, NULL, error);
}

static cairo_status_t
append_png_cb (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  g_byte_array_append (closure, data, length);

  return CAIRO_STATUS_SUCCESS;
}

/**
 * gloss_chart_write_png:
 *
 * Writes the chart as a PNG of its size at twice its resolution (sharp on
 * a slide or in a paper).
 */
gboolean
gloss_chart_write_png (GlossChart  *self,
                       GFile       *file,
                       GError     **error)
{
  g_autoptr(GByteArray) png = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int)self->width * 2, (int)self->height * 2);
  cr = cairo_create (surface);
  cairo_scale (cr, 2, 2);
  gloss_chart_draw (self, cr);
  cairo_destroy (cr);
  status = cairo_surface_write_to_png_stream (surface, append_png_cb, png);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The chart could not be drawn: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }

  return gloss_file_write (file, png->data, png->len, GLOSS_FILE_WRITER_NONE, NULL, error);
}
