/* gloss-stats.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "gloss-types.h"

G_BEGIN_DECLS

typedef struct _GlossAgreement GlossAgreement;

/**
 * GlossStatsChart:
 * @GLOSS_STATS_CHART_BARS: a bar a row, a bar a column side by side
 * @GLOSS_STATS_CHART_STACKED: a bar a row, its columns stacked
 * @GLOSS_STATS_CHART_HEAT_MAP: a cell a row and column, shaded by value
 *
 * How a table is drawn (gloss-chart.c).
 */
typedef enum
{
  GLOSS_STATS_CHART_BARS,
  GLOSS_STATS_CHART_STACKED,
  GLOSS_STATS_CHART_HEAT_MAP,
} GlossStatsChart;

/**
 * GlossStatsValue:
 * @GLOSS_STATS_COUNT: a whole number
 * @GLOSS_STATS_SHARE: a share from 0 to 1 (written as a percentage)
 * @GLOSS_STATS_COEFFICIENT: a coefficient (κ, α), −1 to 1, or NaN when
 *   undefined
 */
typedef enum
{
  GLOSS_STATS_COUNT,
  GLOSS_STATS_SHARE,
  GLOSS_STATS_COEFFICIENT,
} GlossStatsValue;

/**
 * GlossStatsColumn:
 * @id: its name in JSON and CSV (a label's id for a label)
 * @title: its header for people (translated; a label's name)
 * @color: (nullable): `#rrggbb`, a label's colour
 * @value: what its numbers are
 * @drawn: whether the chart draws it (the table shows every column)
 */
typedef struct
{
  char            *id;
  char            *title;
  char            *color;
  GlossStatsValue  value;
  gboolean         drawn;
} GlossStatsColumn;

/**
 * GlossStatsTable:
 * @id: `labels`, `documents`, `progress`, `annotators`, `cooccurrence`
 *   or `agreement`
 * @title: what it shows, for people
 * @chart: how it is drawn
 * @row_header: the header of the rows' names
 * @columns: (element-type GlossStatsColumn)
 * @rows: (element-type utf8): each row's id (a document, a label's id, an
 *   annotator)
 * @row_titles: (element-type utf8): each row's name for people (a label's
 *   name)
 * @row_colors: (element-type utf8): each row's colour, or ""
 * @values: (element-type double): row by row, a value a column
 *
 * One table of numbers, with what a chart needs to draw it.
 */
typedef struct
{
  char            *id;
  char            *title;
  GlossStatsChart  chart;
  char            *row_header;
  GPtrArray       *columns;
  GPtrArray       *rows;
  GPtrArray       *row_titles;
  GPtrArray       *row_colors;
  GArray          *values;
} GlossStatsTable;

double      gloss_stats_table_get       (const GlossStatsTable *table,
                                         guint                  row,
                                         guint                  column);
char       *gloss_stats_format_value    (GlossStatsValue        kind,
                                         double                 value);
void        gloss_stats_table_append_csv  (const GlossStatsTable *table,
                                           GString               *out);
void        gloss_stats_table_append_json (const GlossStatsTable *table,
                                           GString               *out);

#define GLOSS_TYPE_STATS (gloss_stats_get_type ())

G_DECLARE_FINAL_TYPE (GlossStats, gloss_stats, GLOSS, STATS, GObject)

GlossStats            *gloss_stats_new              (void);
void                   gloss_stats_add_document     (GlossStats      *self,
                                                     GlossDocument   *document,
                                                     const char      *id);
void                   gloss_stats_add_agreement    (GlossStats      *self,
                                                     GlossAgreement  *agreement);
gboolean               gloss_stats_collect          (GlossStats      *self,
                                                     GFile           *folder,
                                                     GPtrArray       *problems,
                                                     GCancellable    *cancellable,
                                                     GError         **error);
void                   gloss_stats_collect_async    (GlossStats      *self,
                                                     GFile           *folder,
                                                     GCancellable    *cancellable,
                                                     GAsyncReadyCallback callback,
                                                     gpointer         user_data);
gboolean               gloss_stats_collect_finish   (GlossStats      *self,
                                                     GAsyncResult    *result,
                                                     GError         **error);
guint                  gloss_stats_get_n_documents  (GlossStats      *self);
guint                  gloss_stats_get_n_tables     (GlossStats      *self);
const GlossStatsTable *gloss_stats_get_table        (GlossStats      *self,
                                                     guint            position);
const GlossStatsTable *gloss_stats_lookup_table     (GlossStats      *self,
                                                     const char      *id);
void                   gloss_stats_append_json      (GlossStats      *self,
                                                     GString         *out);
GPtrArray             *gloss_stats_find_copies      (GFile           *folder,
                                                     GCancellable    *cancellable);

G_END_DECLS
