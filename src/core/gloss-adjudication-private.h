/* gloss-adjudication-private.h
 *
 * GlossAdjudication is one class in two files: the sentences and the
 * decisions (gloss-adjudication.c), and the span units
 * (gloss-adjudication-spans.c). This is what they share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "gloss-adjudication.h"
#include "gloss-git.h"

G_BEGIN_DECLS

/* A disagreement and how it has been decided */
typedef struct
{
  GlossAdjudicationKind kind;
  guint                 position; /* the gold sentence's position, or the unit's */
  gboolean              decided;
  int                   accepted; /* the annotator, or -1: set by hand, rejected or unknown */
  gboolean              rejected; /* a unit: nothing of it goes into the gold copy */
  char                 *by;
  char                 *at;
} GlossAdjudicationDecision;

/* One annotator's version of a span unit: a span of the copy and the
 * relations from it (a quote's to its speaker, cue …), or nothing */
typedef struct
{
  GlossSpan *span;       /* (nullable) */
  GPtrArray *relations;  /* GlossRelation of the copy, from span */
  char      *signature;  /* equal for versions that agree exactly */
} GlossAdjudicationVersion;

/* The spans of one label that the annotators' copies have in one place,
 * with their relations: one to decide */
typedef struct
{
  char                     *label;
  gboolean                  head;         /* a label relations go from */
  guint                     start;        /* the key span's start */
  guint                     end;          /* the last end of any version */
  guint                     key;          /* the annotator whose span keys the unit */
  gboolean                  agreed;
  int                       disagreement; /* its disagreement, or -1 when agreed */
  guint                     n_versions;
  GlossAdjudicationVersion *versions;     /* one per annotator */
} GlossAdjudicationUnit;

struct _GlossAdjudication
{
  GObject         parent_instance;

  guint           n_copies;       /* the annotators */
  GPtrArray      *roots;          /* GFile, or NULL between revisions */
  GPtrArray      *names;          /* char * */
  GlossGit       *git;            /* between revisions: the repository */
  GStrv           revisions;      /* the revisions, each an annotator's copy */
  char           *path;           /* the folder compared, relative to the top */
  GPtrArray      *trees;          /* GlossGitTree per revision, once listed */
  GFile          *gold_root;
  char           *id;
  char           *adjudicator;
  char           *time;           /* fixed time of decisions, or NULL */

  GlossDocument **copies;         /* per annotator; NULL without a copy */
  GlossDocument  *gold;
  gboolean        gold_exists;
  JsonObject     *meta;

  GPtrArray      *labels;         /* GStrv per gold sentence × annotator, or NULL */
  GPtrArray      *units;          /* GlossAdjudicationUnit, in text order */
  GArray         *disagreements;  /* GlossAdjudicationDecision, in text order */
  GArray         *disagreement_of; /* int per gold sentence */
  GPtrArray      *steps;          /* Step */
  guint           n_decided;
};

char    *_gloss_adjudication_dup_now           (GlossAdjudication       *self);
void     _gloss_adjudication_build_decided     (GlossAdjudication       *self,
                                                JsonBuilder             *builder,
                                                GlossAdjudicationDecision *decision);

/* gloss-adjudication-spans.c */
void     _gloss_adjudication_unit_free         (GlossAdjudicationUnit   *unit);
void     _gloss_adjudication_find_units        (GlossAdjudication       *self);
void     _gloss_adjudication_fill_agreed_units (GlossAdjudication       *self);
gboolean _gloss_adjudication_decide_unit       (GlossAdjudication       *self,
                                                guint                    unit,
                                                int                      annotator);
void     _gloss_adjudication_build_unit_record (GlossAdjudication       *self,
                                                JsonBuilder             *builder,
                                                GlossAdjudicationDecision *decision);
int      _gloss_adjudication_find_unit_record  (GlossAdjudication       *self,
                                                JsonObject              *record);

G_END_DECLS
