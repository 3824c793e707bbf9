/* gloss-label.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gloss-types.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_LABEL (gloss_label_get_type ())

/* A label's name is a word or two on a button; longer is a mistake or an
 * attack, and would break the window's layout and every message */
#define GLOSS_LABEL_MAX_NAME_LENGTH 200

/* A span label's attributes, and the values of each: many times what a
 * scheme of quotation types and media needs */
#define GLOSS_LABEL_MAX_ATTRIBUTES 100
#define GLOSS_LABEL_MAX_VALUES     1000

/* A codebook entry's rules and examples: a page of them, each a line of
 * at most a paragraph */
#define GLOSS_CODEBOOK_MAX_ITEMS       100
#define GLOSS_CODEBOOK_MAX_ITEM_LENGTH 2000

/**
 * GlossLabelScope:
 * @GLOSS_LABEL_SCOPE_SENTENCE: given to a whole sentence (claim, source, quote)
 * @GLOSS_LABEL_SCOPE_SPAN: given to a span of the text, which may have
 *   several parts and cross sentences; may declare attributes
 * @GLOSS_LABEL_SCOPE_RELATION: given to a relation from one span to
 *   another; declares which span labels it joins
 *
 * What a label is given to. Sentence and span labels share one set of
 * ids; relation labels have their own.
 */
typedef enum
{
  GLOSS_LABEL_SCOPE_SENTENCE,
  GLOSS_LABEL_SCOPE_SPAN,
  GLOSS_LABEL_SCOPE_RELATION,
} GlossLabelScope;

#define GLOSS_TYPE_LABEL_SCOPE (gloss_label_scope_get_type ())

/**
 * GlossCodebookList:
 * @GLOSS_CODEBOOK_INCLUDE: when to give the label (inclusion rules)
 * @GLOSS_CODEBOOK_EXCLUDE: when not to give it (exclusion rules)
 * @GLOSS_CODEBOOK_EXAMPLES: texts that take the label
 * @GLOSS_CODEBOOK_NEGATIVE_EXAMPLES: texts that look as if they did but
 *   do not
 *
 * The lists of a label's codebook entry, beside its description (the
 * definition), in the order files and exports give them.
 */
typedef enum
{
  GLOSS_CODEBOOK_INCLUDE,
  GLOSS_CODEBOOK_EXCLUDE,
  GLOSS_CODEBOOK_EXAMPLES,
  GLOSS_CODEBOOK_NEGATIVE_EXAMPLES,
  GLOSS_CODEBOOK_N_LISTS,
} GlossCodebookList;

G_DECLARE_FINAL_TYPE (GlossLabel, gloss_label, GLOSS, LABEL, GObject)

GType                gloss_label_scope_get_type           (void) G_GNUC_CONST;
const char          *gloss_label_scope_to_string          (GlossLabelScope     scope);
gboolean             gloss_label_scope_from_string        (const char         *string,
                                                           GlossLabelScope    *scope);

GlossLabel          *gloss_label_new                      (const char         *id,
                                                           const char         *name,
                                                           const char         *color,
                                                           const char         *key,
                                                           const char         *description);
GlossLabel          *gloss_label_new_with_scope           (GlossLabelScope     scope,
                                                           const char         *id,
                                                           const char         *name,
                                                           const char         *color,
                                                           const char         *key,
                                                           const char         *description);
GlossLabel          *gloss_label_copy                     (GlossLabel         *self);
const char          *gloss_label_get_id                   (GlossLabel         *self);
GlossLabelScope      gloss_label_get_scope                (GlossLabel         *self);
const char          *gloss_label_get_name                 (GlossLabel         *self);
void                 gloss_label_set_name                 (GlossLabel         *self,
                                                           const char         *name);
const char          *gloss_label_get_display_name         (GlossLabel         *self);
const char          *gloss_label_get_color                (GlossLabel         *self);
void                 gloss_label_set_color                (GlossLabel         *self,
                                                           const char         *color);
const char          *gloss_label_get_key                  (GlossLabel         *self);
void                 gloss_label_set_key                  (GlossLabel         *self,
                                                           const char         *key);
const char          *gloss_label_get_description          (GlossLabel         *self);
void                 gloss_label_set_description          (GlossLabel         *self,
                                                           const char         *description);
const char          *gloss_label_get_display_description  (GlossLabel         *self);

guint                gloss_label_get_n_attributes         (GlossLabel         *self);
const char          *gloss_label_get_attribute_name       (GlossLabel         *self,
                                                           guint               position);
const char * const  *gloss_label_get_attribute_values     (GlossLabel         *self,
                                                           guint               position);
int                  gloss_label_find_attribute           (GlossLabel         *self,
                                                           const char         *name);
gboolean             gloss_label_has_value                (GlossLabel         *self,
                                                           const char         *name,
                                                           const char         *value);
gboolean             gloss_label_add_attribute            (GlossLabel         *self,
                                                           const char         *name,
                                                           const char * const *values);

const char          *gloss_label_get_attribute_display    (GlossLabel         *self,
                                                           const char         *id);
gboolean             gloss_label_add_attribute_value      (GlossLabel         *self,
                                                           const char         *name,
                                                           const char         *value);

const char * const  *gloss_label_get_from                 (GlossLabel         *self);
const char * const  *gloss_label_get_to                   (GlossLabel         *self);
void                 gloss_label_set_endpoints            (GlossLabel         *self,
                                                           const char * const *from,
                                                           const char * const *to);
gboolean             gloss_label_joins                    (GlossLabel         *self,
                                                           const char         *from_label,
                                                           const char         *to_label);

const char          *gloss_codebook_list_to_string        (GlossCodebookList   list);
const char * const  *gloss_label_get_codebook             (GlossLabel         *self,
                                                           GlossCodebookList   list);
void                 gloss_label_set_codebook             (GlossLabel         *self,
                                                           GlossCodebookList   list,
                                                           const char * const *items);
gboolean             gloss_label_has_codebook             (GlossLabel         *self);
gboolean             gloss_codebook_item_is_valid         (const char         *item);

gboolean             gloss_label_id_is_valid              (const char         *id);
gboolean             gloss_label_color_is_valid           (const char         *color);
gboolean             gloss_label_key_is_valid             (const char         *key);

G_END_DECLS
