/* gloss-corpus-search.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "gloss-types.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_CORPUS_SEARCH (gloss_corpus_search_get_type ())

G_DECLARE_FINAL_TYPE (GlossCorpusSearch, gloss_corpus_search, GLOSS, CORPUS_SEARCH, AdwWindow)

GlossCorpusSearch *gloss_corpus_search_new          (void);
void               gloss_corpus_search_set_folder   (GlossCorpusSearch *self,
                                                     GFile             *folder,
                                                     GlossLabelSet     *labels);
void               gloss_corpus_search_search       (GlossCorpusSearch *self);
void               gloss_corpus_search_focus_entry  (GlossCorpusSearch *self);
GtkSearchEntry    *gloss_corpus_search_get_entry    (GlossCorpusSearch *self);
GListModel        *gloss_corpus_search_get_hits     (GlossCorpusSearch *self);
void               gloss_corpus_search_select       (GlossCorpusSearch *self,
                                                     guint              position);
gboolean           gloss_corpus_search_get_searching (GlossCorpusSearch *self);
const char        *gloss_corpus_search_get_status   (GlossCorpusSearch *self);

G_END_DECLS
