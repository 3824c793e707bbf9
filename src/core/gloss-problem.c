/* gloss-problem.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "gloss-problem.h"

G_DEFINE_BOXED_TYPE (GlossProblem, gloss_problem, gloss_problem_copy, gloss_problem_free)

GlossProblem *
gloss_problem_new (const char *path,
                   const char *message)
{
  GlossProblem *self = g_new0 (GlossProblem, 1);

  self->path = g_strdup (path ? path : "$");
  self->message = g_strdup (message);

  return self;
}

GlossProblem *
gloss_problem_copy (const GlossProblem *self)
{
  GlossProblem *copy = gloss_problem_new (self->path, self->message);

  copy->file = g_strdup (self->file);

  return copy;
}

/**
 * gloss_problems_set_file:
 * @from: the first problem to set it on
 *
 * Says which file the problems from @from on are in.
 */
void
gloss_problems_set_file (GPtrArray  *problems,
                         guint       from,
                         const char *file)
{
  for (guint i = from; i < problems->len; i++)
    {
      GlossProblem *problem = g_ptr_array_index (problems, i);

      g_free (problem->file);
      problem->file = g_strdup (file);
    }
}

void
gloss_problem_free (GlossProblem *self)
{
  if (self == NULL)
    return;

  g_free (self->file);
  g_free (self->path);
  g_free (self->message);
  g_free (self);
}

/**
 * gloss_problems_new:
 *
 * Returns: (transfer full) (element-type GlossProblem): an empty list
 */
GPtrArray *
gloss_problems_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify)gloss_problem_free);
}

void
gloss_problems_add (GPtrArray  *problems,
                    const char *path,
                    const char *format,
                    ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (problems, gloss_problem_new (path, message));
}

/**
 * gloss_problem_shorten:
 * @text: a value a message quotes: a label name, an id, a field's name
 *
 * A message quotes what is wrong, but a hostile file's megabyte-long
 * label name must not make a megabyte-long message.
 *
 * Returns: (transfer full): @text, or its first 60 characters and “…”
 *   when it is longer than 80
 */
char *
gloss_problem_shorten (const char *text)
{
  g_autofree char *valid = NULL;
  const char *p;
  const char *cut = NULL;
  guint n = 0;

  g_return_val_if_fail (text != NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (n == 60)
        cut = p;
      if (++n > 80)
        return g_strdup_printf ("%.*s…", (int)(cut - text), text);
    }

  return g_strdup (text);
}
