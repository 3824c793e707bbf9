/* gloss-problem.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * GlossProblem:
 * @file: (nullable): the file the problem is in, when it is not the
 *   document's annotation file
 * @path: where the problem is, as a JSON path (`$.annotations[3].start`)
 * @message: what is wrong, translated, in words a researcher understands
 *
 * One problem found while loading an annotation file.
 */
typedef struct
{
  char *file;
  char *path;
  char *message;
} GlossProblem;

#define GLOSS_TYPE_PROBLEM (gloss_problem_get_type ())

GType         gloss_problem_get_type (void) G_GNUC_CONST;
GlossProblem *gloss_problem_new      (const char         *path,
                                      const char         *message);
void          gloss_problems_set_file (GPtrArray         *problems,
                                       guint              from,
                                       const char        *file);
GlossProblem *gloss_problem_copy     (const GlossProblem *self);
void          gloss_problem_free     (GlossProblem       *self);
GPtrArray    *gloss_problems_new     (void);
void          gloss_problems_add     (GPtrArray          *problems,
                                      const char         *path,
                                      const char         *format,
                                      ...) G_GNUC_PRINTF (3, 4);
char         *gloss_problem_shorten  (const char         *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossProblem, gloss_problem_free)

G_END_DECLS
