/* gloss-json.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Deeper JSON is refused before json-glib's recursive parser sees it. */
#define GLOSS_JSON_MAX_DEPTH 64

/* What a JSON value is, as the checks name it; a whole number is one
 * without fraction or exponent, as json-glib reads it */
typedef enum
{
  GLOSS_JSON_MISSING,  /* a member the object does not have */
  GLOSS_JSON_NULL,
  GLOSS_JSON_BOOLEAN,
  GLOSS_JSON_INTEGER,
  GLOSS_JSON_DOUBLE,
  GLOSS_JSON_STRING,
  GLOSS_JSON_ARRAY,
  GLOSS_JSON_OBJECT,
} GlossJsonKind;

JsonNode   *gloss_json_parse         (const char  *data,
                                      gssize       length,
                                      GError     **error);
const char *gloss_json_type_name     (JsonNode    *node);
GlossJsonKind gloss_json_node_kind   (JsonNode    *node);
const char *gloss_json_kind_name     (GlossJsonKind kind);
gboolean    gloss_json_check_string  (GlossJsonKind kind,
                                      const char  *member,
                                      const char  *path,
                                      gboolean     required,
                                      GPtrArray   *problems);
gboolean    gloss_json_check_uint    (GlossJsonKind kind,
                                      gint64       integer,
                                      double       number,
                                      const char  *member,
                                      const char  *path,
                                      guint        max,
                                      guint       *value,
                                      GPtrArray   *problems);
gboolean    gloss_json_check_array   (GlossJsonKind kind,
                                      const char  *member,
                                      const char  *path,
                                      GPtrArray   *problems);
void        gloss_json_add_unknown_member (GPtrArray *problems,
                                           const char *path,
                                           const char *name);
const char *gloss_json_get_string    (JsonObject  *object,
                                      const char  *member,
                                      const char  *path,
                                      gboolean     required,
                                      GPtrArray   *problems);
gboolean    gloss_json_get_uint      (JsonObject  *object,
                                      const char  *member,
                                      const char  *path,
                                      guint        max,
                                      guint       *value,
                                      GPtrArray   *problems);
JsonArray  *gloss_json_get_array     (JsonObject  *object,
                                      const char  *member,
                                      const char  *path,
                                      GPtrArray   *problems);
void        gloss_json_check_members (JsonObject  *object,
                                      const char  *path,
                                      const char * const *known,
                                      GPtrArray   *problems);
void        gloss_json_append_string (GString     *out,
                                      const char  *str);
void        gloss_json_append_string_len (GString *out,
                                          const char *str,
                                          gsize    length);
void        gloss_json_append_node   (GString     *out,
                                      JsonNode    *node);
void        gloss_json_append_double (GString     *out,
                                      double       value);
char       *gloss_json_node_to_string (JsonNode   *node);
char       *gloss_json_put_uint      (char        *out,
                                      guint        value);

G_END_DECLS
