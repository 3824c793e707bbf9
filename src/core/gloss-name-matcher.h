/* gloss-name-matcher.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "gloss-types.h"

G_BEGIN_DECLS

/* What a span the name matcher suggests says as its "suggester" */
#define GLOSS_NAME_MATCHER_VERSION "gloss-names 1"

#define GLOSS_TYPE_NAME_MATCHER (gloss_name_matcher_get_type ())

G_DECLARE_FINAL_TYPE (GlossNameMatcher, gloss_name_matcher, GLOSS, NAME_MATCHER, GObject)

GlossNameMatcher *gloss_name_matcher_new          (void);
gboolean          gloss_name_matcher_add_name     (GlossNameMatcher  *self,
                                                   const char        *name);
guint             gloss_name_matcher_add_document (GlossNameMatcher  *self,
                                                   GlossDocument     *document);
guint             gloss_name_matcher_add_files    (GlossNameMatcher  *self,
                                                   GPtrArray         *text_files,
                                                   GCancellable      *cancellable);
guint             gloss_name_matcher_add_matcher  (GlossNameMatcher  *self,
                                                   GlossNameMatcher  *other);
GPtrArray        *gloss_name_matcher_dup_names    (GlossNameMatcher  *self);
GArray           *gloss_name_matcher_find         (GlossNameMatcher  *self,
                                                   GlossText         *text,
                                                   GPtrArray         *avoid);
guint             gloss_name_matcher_suggest      (GlossNameMatcher  *self,
                                                   GlossText         *text,
                                                   GPtrArray         *annotated,
                                                   GPtrArray         *spans);

G_END_DECLS
