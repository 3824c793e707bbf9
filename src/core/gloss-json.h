/* gloss-json.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Deeper JSON is refused before json-glib's recursive parser sees it. */
#define GLOSS_JSON_MAX_DEPTH 64

JsonNode   *gloss_json_parse         (const char  *data,
                                      gssize       length,
                                      GError     **error);
const char *gloss_json_type_name     (JsonNode    *node);
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

G_END_DECLS
