/* gloss-json-tape.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gloss-json.h"

G_BEGIN_DECLS

/* The index of no value: what a lookup of a missing member gives */
#define GLOSS_JSON_TAPE_NONE G_MAXUINT

/* The largest input the tape reads: its indexes are 32 bits */
#define GLOSS_JSON_TAPE_MAX_BYTES ((gsize) G_MAXUINT32)

typedef struct _GlossJsonTape GlossJsonTape;

GlossJsonTape *gloss_json_tape_parse          (const char           *data,
                                               gsize                 length,
                                               gsize                *error_offset);
void           gloss_json_tape_free           (GlossJsonTape        *tape);

GlossJsonKind  gloss_json_tape_kind           (const GlossJsonTape  *tape,
                                               guint                 value);
guint          gloss_json_tape_get_size       (const GlossJsonTape  *tape,
                                               guint                 value);
guint          gloss_json_tape_end            (const GlossJsonTape  *tape,
                                               guint                 value);
const char    *gloss_json_tape_get_string     (const GlossJsonTape  *tape,
                                               guint                 value);
gint64         gloss_json_tape_get_integer    (const GlossJsonTape  *tape,
                                               guint                 value);
double         gloss_json_tape_get_double     (const GlossJsonTape  *tape,
                                               guint                 value);
const char    *gloss_json_tape_get_number_text (const GlossJsonTape *tape,
                                               guint                 value);
gboolean       gloss_json_tape_get_boolean    (const GlossJsonTape  *tape,
                                               guint                 value);
guint          gloss_json_tape_lookup         (const GlossJsonTape  *tape,
                                               guint                 object,
                                               const char           *name);
gboolean       gloss_json_tape_get_members    (const GlossJsonTape  *tape,
                                               guint                 object,
                                               const char * const   *names,
                                               guint                *values);
JsonNode      *gloss_json_tape_to_node        (const GlossJsonTape  *tape,
                                               guint                 value);
void           gloss_json_tape_append_compact (GString              *out,
                                               const GlossJsonTape  *tape,
                                               guint                 value);

const char    *gloss_json_tape_type_name      (const GlossJsonTape  *tape,
                                               guint                 value);
void           gloss_json_tape_check_members  (const GlossJsonTape  *tape,
                                               guint                 object,
                                               const char           *path,
                                               const char * const   *known,
                                               GPtrArray            *problems);
const char    *gloss_json_tape_read_string    (const GlossJsonTape  *tape,
                                               guint                 value,
                                               const char           *member,
                                               const char           *path,
                                               gboolean              required,
                                               GPtrArray            *problems);
gboolean       gloss_json_tape_read_uint      (const GlossJsonTape  *tape,
                                               guint                 value,
                                               const char           *member,
                                               const char           *path,
                                               guint                 max,
                                               guint                *out,
                                               GPtrArray            *problems);

/* The members of an object, and the elements of an array, in order:
 *   for (guint m = object + 1; m < gloss_json_tape_end (tape, object); m = GLOSS_JSON_TAPE_NEXT_MEMBER (tape, m))
 * gives each member's name at m and its value at m + 1 */
#define GLOSS_JSON_TAPE_NEXT_MEMBER(tape, name) (gloss_json_tape_end ((tape), (name) + 1))
#define GLOSS_JSON_TAPE_NEXT_ELEMENT(tape, element) (gloss_json_tape_end ((tape), (element)))

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossJsonTape, gloss_json_tape_free)

G_END_DECLS
