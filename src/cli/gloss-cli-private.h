/* gloss-cli-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "gloss-problem.h"

G_BEGIN_DECLS

/* Exit codes of every command */
#define GLOSS_EXIT_OK      0
#define GLOSS_EXIT_FAILURE 1
#define GLOSS_EXIT_USAGE   2

int   gloss_cli_segment        (int           argc,
                                char        **argv);
int   gloss_cli_validate       (int           argc,
                                char        **argv);
int   gloss_cli_reanchor       (int           argc,
                                char        **argv);
int   gloss_cli_stats          (int           argc,
                                char        **argv);
int   gloss_cli_export         (int           argc,
                                char        **argv);
int   gloss_cli_import         (int           argc,
                                char        **argv);
int   gloss_cli_suggest        (int           argc,
                                char        **argv);
int   gloss_cli_search         (int           argc,
                                char        **argv);
int   gloss_cli_merge          (int           argc,
                                char        **argv);
int   gloss_cli_git_setup      (int           argc,
                                char        **argv);
int   gloss_cli_agree          (int           argc,
                                char        **argv);
int   gloss_cli_codebook       (int           argc,
                                char        **argv);

gboolean gloss_cli_parse       (GOptionContext *context,
                                int            *argc,
                                char         ***argv,
                                int            *exit_code);
GOptionEntry gloss_cli_encoding_entry (char      **encoding);
GOptionEntry gloss_cli_json_entry     (gboolean   *json);
GOptionEntry gloss_cli_language_entry (char      **language,
                                       gboolean    hidden);
GOptionEntry gloss_cli_label_entry    (char     ***labels);
gboolean gloss_cli_check_language (GOptionContext *context,
                                   char          **language,
                                   int            *exit_code);
gboolean gloss_cli_check_labels   (GOptionContext *context,
                                   char          **labels,
                                   int            *exit_code);
gboolean gloss_cli_check_encoding (GOptionContext *context,
                                   const char     *encoding,
                                   int            *exit_code);
void  gloss_cli_usage_error    (GOptionContext *context,
                                const char     *format,
                                ...) G_GNUC_PRINTF (2, 3);
void  gloss_cli_print          (const char     *format,
                                ...) G_GNUC_PRINTF (1, 2);
void  gloss_cli_printerr       (const char     *format,
                                ...) G_GNUC_PRINTF (1, 2);
char *gloss_cli_display_name   (GFile          *file);
char *gloss_cli_escape         (const char     *text);
void  gloss_cli_print_error    (const char     *command,
                                GFile          *file,
                                const GError   *error);
char *gloss_cli_problem_line   (const GlossProblem *problem,
                                const char     *file,
                                const char     *path);
char *gloss_cli_json_name      (GFile          *file);
void  gloss_cli_append_json_problem (GString            *out,
                                     const GlossProblem *problem,
                                     const char         *file,
                                     const char         *path);
void  gloss_cli_append_json_problems (GString    *out,
                                      GPtrArray  *problems,
                                      const char *path);
void  gloss_cli_append_json_pair (GString    *out,
                                  guint       position,
                                  const char *key1,
                                  const char *value1,
                                  const char *key2,
                                  const char *value2);
void  gloss_cli_print_json_report (GString      *out,
                                   const GError *error);
GPtrArray *gloss_cli_check_paths (char        **paths,
                                  int          *exit_code);
GPtrArray *gloss_cli_collect   (char          **paths,
                                const char     *suffix,
                                GPtrArray      *roots,
                                GPtrArray      *problems,
                                int            *exit_code);

G_END_DECLS
