/* gloss-history.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "gloss-annotation.h"
#include "gloss-document-private.h"
#include "gloss-history.h"
#include "gloss-label.h"
#include "gloss-label-set.h"
#include "gloss-relation.h"
#include "gloss-span.h"

/* Every change a user makes to a document is a command here: doing it,
 * undoing it and redoing it go through the same few primitives of the
 * document, so the views and the autosave see an undo like any change. */

typedef enum
{
  COMMAND_INSERT,
  COMMAND_REMOVE,
  COMMAND_SENTENCES,
  COMMAND_LABEL_REMOVE,
  COMMAND_LABEL_ENDPOINTS,
  COMMAND_SPAN_INSERT,
  COMMAND_SPAN_REMOVE,
  COMMAND_SPAN_REPLACE,
  COMMAND_RELATION_INSERT,
  COMMAND_RELATION_REMOVE,
  COMMAND_RELATION_REPLACE,
  COMMAND_SUGGESTIONS,
  COMMAND_CONFLICTS,
  COMMAND_GROUP,
} CommandKind;

typedef struct _Command Command;

struct _Command
{
  CommandKind      kind;
  GlossAnnotation *annotation;
  GPtrArray       *children;     /* of Command, for COMMAND_GROUP */
  guint            position;     /* COMMAND_SENTENCES: where old is replaced by new;
                                  * COMMAND_LABEL_REMOVE: the label's place */
  GlossLabel      *label;
  GPtrArray       *old_sentences;
  GPtrArray       *new_sentences;
  gpointer         item;         /* a GlossSpan or GlossRelation; the old one of a replace */
  gpointer         replacement;  /* the new one of a replace */
  GStrv            old_ends[2];  /* COMMAND_LABEL_ENDPOINTS: from and to, before */
  GStrv            new_ends[2];  /* and after */
  GPtrArray       *old_conflicts; /* COMMAND_CONFLICTS: the merge's clashes before, or NULL */
  GPtrArray       *new_conflicts; /* and after; neither ever changes */
};

struct _GlossHistory
{
  GObject        parent_instance;

  GlossDocument *document;       /* weak: the document owns the history */
  GPtrArray     *undo_stack;
  GPtrArray     *redo_stack;
  Command       *group;          /* open group, or NULL */
  guint          group_depth;
};

G_DEFINE_FINAL_TYPE (GlossHistory, gloss_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
command_free (Command *command)
{
  g_clear_object (&command->annotation);
  g_clear_object (&command->label);
  g_clear_pointer (&command->children, g_ptr_array_unref);
  g_clear_pointer (&command->old_sentences, g_ptr_array_unref);
  g_clear_pointer (&command->new_sentences, g_ptr_array_unref);
  g_clear_object (&command->item);
  g_clear_object (&command->replacement);
  g_clear_pointer (&command->old_conflicts, g_ptr_array_unref);
  g_clear_pointer (&command->new_conflicts, g_ptr_array_unref);
  for (guint i = 0; i < 2; i++)
    {
      g_clear_pointer (&command->old_ends[i], g_strfreev);
      g_clear_pointer (&command->new_ends[i], g_strfreev);
    }
  g_free (command);
}

static Command *
command_new (CommandKind      kind,
             GlossAnnotation *annotation)
{
  Command *command = g_new0 (Command, 1);

  command->kind = kind;
  if (annotation)
    command->annotation = g_object_ref (annotation);
  if (kind == COMMAND_GROUP)
    command->children = g_ptr_array_new_with_free_func ((GDestroyNotify)command_free);

  return command;
}

static void
command_run (Command       *command,
             GlossDocument *document,
             gboolean       forward)
{
  switch (command->kind)
    {
    case COMMAND_INSERT:
    case COMMAND_REMOVE:
      if ((command->kind == COMMAND_INSERT) == forward)
        _gloss_document_insert_annotation (document, command->annotation);
      else
        _gloss_document_remove_annotation (document, command->annotation);
      break;

    case COMMAND_SENTENCES:
      _gloss_document_replace_sentences (document, command->position,
                                         forward ? command->old_sentences->len : command->new_sentences->len,
                                         forward ? command->new_sentences : command->old_sentences);
      break;

    case COMMAND_LABEL_REMOVE:
      {
        GlossLabelSet *set = gloss_document_get_labels (document);

        if (gloss_label_get_scope (command->label) == GLOSS_LABEL_SCOPE_RELATION)
          set = gloss_label_set_get_relation_labels (set);
        if (forward)
          gloss_label_set_remove (set, gloss_label_get_id (command->label));
        else
          gloss_label_set_insert (set, command->position, command->label);
      }
      break;

    case COMMAND_LABEL_ENDPOINTS:
      {
        GStrv *ends = forward ? command->new_ends : command->old_ends;

        gloss_label_set_endpoints (command->label, (const char * const *)ends[0], (const char * const *)ends[1]);
      }
      break;

    case COMMAND_SPAN_INSERT:
    case COMMAND_SPAN_REMOVE:
      if ((command->kind == COMMAND_SPAN_INSERT) == forward)
        _gloss_document_insert_span (document, command->item);
      else
        _gloss_document_remove_span (document, command->item);
      break;

    case COMMAND_SPAN_REPLACE:
      _gloss_document_replace_span (document,
                                    forward ? command->item : command->replacement,
                                    forward ? command->replacement : command->item);
      break;

    case COMMAND_RELATION_INSERT:
    case COMMAND_RELATION_REMOVE:
      if ((command->kind == COMMAND_RELATION_INSERT) == forward)
        _gloss_document_insert_relation (document, command->item);
      else
        _gloss_document_remove_relation (document, command->item);
      break;

    case COMMAND_RELATION_REPLACE:
      _gloss_document_remove_relation (document, forward ? command->item : command->replacement);
      _gloss_document_insert_relation (document, forward ? command->replacement : command->item);
      break;

    case COMMAND_SUGGESTIONS:
      _gloss_document_set_suggestions_internal (document, forward ? command->replacement : command->item);
      break;

    case COMMAND_CONFLICTS:
      {
        GPtrArray *conflicts = forward ? command->new_conflicts : command->old_conflicts;

        _gloss_document_set_conflicts (document, conflicts ? g_ptr_array_ref (conflicts) : NULL);
      }
      break;

    case COMMAND_GROUP:
      if (forward)
        {
          for (guint i = 0; i < command->children->len; i++)
            command_run (g_ptr_array_index (command->children, i), document, TRUE);
        }
      else
        {
          for (guint i = command->children->len; i > 0; i--)
            command_run (g_ptr_array_index (command->children, i - 1), document, FALSE);
        }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
notify_state (GlossHistory *self,
              gboolean      could_undo,
              gboolean      could_redo)
{
  if (could_undo != gloss_history_get_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != gloss_history_get_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

/* Runs @command and records it: into the open group, or as one undo step. */
static void
push (GlossHistory *self,
      Command      *command)
{
  gboolean could_undo = gloss_history_get_can_undo (self);
  gboolean could_redo = gloss_history_get_can_redo (self);

  command_run (command, self->document, TRUE);

  if (self->group != NULL)
    {
      g_ptr_array_add (self->group->children, command);
      return;
    }

  g_ptr_array_add (self->undo_stack, command);
  g_ptr_array_set_size (self->redo_stack, 0);
  _gloss_document_emit_changed (self->document);
  notify_state (self, could_undo, could_redo);
}

static void
gloss_history_finalize (GObject *object)
{
  GlossHistory *self = (GlossHistory *)object;

  g_clear_pointer (&self->undo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->redo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->group, command_free);

  G_OBJECT_CLASS (gloss_history_parent_class)->finalize (object);
}

static void
gloss_history_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  GlossHistory *self = GLOSS_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, gloss_history_get_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, gloss_history_get_can_redo (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_history_class_init (GlossHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gloss_history_finalize;
  object_class->get_property = gloss_history_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_history_init (GlossHistory *self)
{
  self->undo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify)command_free);
  self->redo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify)command_free);
}

GlossHistory *
gloss_history_new (GlossDocument *document)
{
  GlossHistory *self = g_object_new (GLOSS_TYPE_HISTORY, NULL);

  self->document = document;

  return self;
}

gboolean
gloss_history_get_can_undo (GlossHistory *self)
{
  g_return_val_if_fail (GLOSS_IS_HISTORY (self), FALSE);

  return self->undo_stack->len > 0;
}

gboolean
gloss_history_get_can_redo (GlossHistory *self)
{
  g_return_val_if_fail (GLOSS_IS_HISTORY (self), FALSE);

  return self->redo_stack->len > 0;
}

/**
 * gloss_history_begin_group:
 *
 * Commands until the matching gloss_history_end_group() are undone and
 * redone as one step. Groups nest.
 */
void
gloss_history_begin_group (GlossHistory *self)
{
  g_return_if_fail (GLOSS_IS_HISTORY (self));

  if (self->group_depth++ == 0)
    self->group = command_new (COMMAND_GROUP, NULL);
}

void
gloss_history_end_group (GlossHistory *self)
{
  Command *group;

  g_return_if_fail (GLOSS_IS_HISTORY (self));
  g_return_if_fail (self->group_depth > 0);

  if (--self->group_depth > 0)
    return;

  group = g_steal_pointer (&self->group);
  if (group->children->len == 0)
    {
      command_free (group);
      return;
    }

  {
    gboolean could_undo = gloss_history_get_can_undo (self);
    gboolean could_redo = gloss_history_get_can_redo (self);

    g_ptr_array_add (self->undo_stack, group);
    g_ptr_array_set_size (self->redo_stack, 0);
    _gloss_document_emit_changed (self->document);
    notify_state (self, could_undo, could_redo);
  }
}

/**
 * gloss_history_abort_group:
 *
 * Ends the outermost open group by undoing what it did, recording
 * nothing: for a change of several steps that failed part-way. Inside
 * another group it only ends the group.
 */
void
gloss_history_abort_group (GlossHistory *self)
{
  Command *group;

  g_return_if_fail (GLOSS_IS_HISTORY (self));
  g_return_if_fail (self->group_depth > 0);

  if (self->group_depth > 1)
    {
      gloss_history_end_group (self);
      return;
    }

  self->group_depth = 0;
  group = g_steal_pointer (&self->group);
  command_run (group, self->document, FALSE);
  command_free (group);
}

void
gloss_history_insert (GlossHistory    *self,
                      GlossAnnotation *annotation)
{
  g_return_if_fail (GLOSS_IS_HISTORY (self));

  push (self, command_new (COMMAND_INSERT, annotation));
}

void
gloss_history_remove (GlossHistory    *self,
                      GlossAnnotation *annotation)
{
  g_return_if_fail (GLOSS_IS_HISTORY (self));

  push (self, command_new (COMMAND_REMOVE, annotation));
}

/**
 * gloss_history_remove_label:
 *
 * Takes @label out of the document's label set (a relation label out of
 * its relation labels). Its annotations, spans or relations must be
 * removed first, in the same group, so that undo puts the label back
 * before them.
 */
void
gloss_history_remove_label (GlossHistory *self,
                            GlossLabel   *label)
{
  Command *command;
  int position;

  g_return_if_fail (GLOSS_IS_HISTORY (self));
  g_return_if_fail (GLOSS_IS_LABEL (label));

  {
    GlossLabelSet *set = gloss_document_get_labels (self->document);

    if (gloss_label_get_scope (label) == GLOSS_LABEL_SCOPE_RELATION)
      set = gloss_label_set_get_relation_labels (set);
    position = gloss_label_set_get_position (set, gloss_label_get_id (label));
  }
  g_return_if_fail (position >= 0);

  command = command_new (COMMAND_LABEL_REMOVE, NULL);
  command->label = g_object_ref (label);
  command->position = position;

  push (self, command);
}

/**
 * gloss_history_set_label_endpoints:
 *
 * Changes which span labels a relation label joins, as deleting a span
 * label the relation label names does.
 */
void
gloss_history_set_label_endpoints (GlossHistory       *self,
                                   GlossLabel         *label,
                                   const char * const *from,
                                   const char * const *to)
{
  Command *command;

  g_return_if_fail (GLOSS_IS_HISTORY (self));
  g_return_if_fail (GLOSS_IS_LABEL (label));
  g_return_if_fail (gloss_label_get_scope (label) == GLOSS_LABEL_SCOPE_RELATION);

  command = command_new (COMMAND_LABEL_ENDPOINTS, NULL);
  command->label = g_object_ref (label);
  command->old_ends[0] = g_strdupv ((char **)gloss_label_get_from (label));
  command->old_ends[1] = g_strdupv ((char **)gloss_label_get_to (label));
  command->new_ends[0] = g_strdupv ((char **)from);
  command->new_ends[1] = g_strdupv ((char **)to);

  push (self, command);
}

static void
push_item (GlossHistory *self,
           CommandKind   kind,
           gpointer      item,
           gpointer      replacement)
{
  Command *command = command_new (kind, NULL);

  command->item = g_object_ref (item);
  if (replacement != NULL)
    command->replacement = g_object_ref (replacement);

  push (self, command);
}

/**
 * gloss_history_insert_span:
 *
 * Puts a span, checked (gloss_document_add_span() checks), into the
 * document.
 */
void
gloss_history_insert_span (GlossHistory *self,
                           GlossSpan    *span)
{
  g_return_if_fail (GLOSS_IS_HISTORY (self));
  g_return_if_fail (GLOSS_IS_SPAN (span));

  push_item (self, COMMAND_SPAN_INSERT, span, NULL);
}

/**
 * gloss_history_remove_span:
 *
 * Takes a span out of the document. Its relations must be removed first,
 * in the same group, so that undo puts the span back before them.
 */
void
gloss_history_remove_span (GlossHistory *self,
                           GlossSpan    *span)
{
  g_return_if_fail (GLOSS_IS_HISTORY (self));
  g_return_if_fail (GLOSS_IS_SPAN (span));

  push_item (self, COMMAND_SPAN_REMOVE, span, NULL);
}

/**
 * gloss_history_replace_span:
 * @new_span: a span with the id of @old_span; its relations stay
 *
 * Puts @new_span in the place of @old_span, which is in the document.
 */
void
gloss_history_replace_span (GlossHistory *self,
                            GlossSpan    *old_span,
                            GlossSpan    *new_span)
{
  g_return_if_fail (GLOSS_IS_HISTORY (self));
  g_return_if_fail (GLOSS_IS_SPAN (old_span) && GLOSS_IS_SPAN (new_span));
  g_return_if_fail (gloss_span_get_id (old_span) == gloss_span_get_id (new_span));

  push_item (self, COMMAND_SPAN_REPLACE, old_span, new_span);
}

void
gloss_history_insert_relation (GlossHistory  *self,
                               GlossRelation *relation)
{
  g_return_if_fail (GLOSS_IS_HISTORY (self));
  g_return_if_fail (GLOSS_IS_RELATION (relation));

  push_item (self, COMMAND_RELATION_INSERT, relation, NULL);
}

void
gloss_history_remove_relation (GlossHistory  *self,
                               GlossRelation *relation)
{
  g_return_if_fail (GLOSS_IS_HISTORY (self));
  g_return_if_fail (GLOSS_IS_RELATION (relation));

  push_item (self, COMMAND_RELATION_REMOVE, relation, NULL);
}

void
gloss_history_replace_relation (GlossHistory  *self,
                                GlossRelation *old_relation,
                                GlossRelation *new_relation)
{
  g_return_if_fail (GLOSS_IS_HISTORY (self));
  g_return_if_fail (GLOSS_IS_RELATION (old_relation) && GLOSS_IS_RELATION (new_relation));
  g_return_if_fail (gloss_relation_get_id (old_relation) == gloss_relation_get_id (new_relation));

  push_item (self, COMMAND_RELATION_REPLACE, old_relation, new_relation);
}

/**
 * gloss_history_set_suggestions:
 * @old_suggestions: the document's suggestions now
 * @new_suggestions: what replaces them
 *
 * Replaces the document's suggestions, as accepting or rejecting one does.
 */
void
gloss_history_set_suggestions (GlossHistory     *self,
                               GlossSuggestions *old_suggestions,
                               GlossSuggestions *new_suggestions)
{
  g_return_if_fail (GLOSS_IS_HISTORY (self));
  g_return_if_fail (GLOSS_IS_SUGGESTIONS (old_suggestions) && GLOSS_IS_SUGGESTIONS (new_suggestions));

  push_item (self, COMMAND_SUGGESTIONS, old_suggestions, new_suggestions);
}

/**
 * gloss_history_set_conflicts:
 * @old_conflicts: (nullable) (element-type GlossMergeConflict): the
 *   document's clashes now
 * @new_conflicts: (nullable) (element-type GlossMergeConflict): what
 *   replaces them
 *
 * Replaces the clashes of a merge, as a resolution does. Neither list may
 * change afterwards: the history and the document share them.
 */
void
gloss_history_set_conflicts (GlossHistory *self,
                             GPtrArray    *old_conflicts,
                             GPtrArray    *new_conflicts)
{
  Command *command;

  g_return_if_fail (GLOSS_IS_HISTORY (self));

  command = command_new (COMMAND_CONFLICTS, NULL);
  command->old_conflicts = old_conflicts ? g_ptr_array_ref (old_conflicts) : NULL;
  command->new_conflicts = new_conflicts ? g_ptr_array_ref (new_conflicts) : NULL;
  push (self, command);
}

/**
 * gloss_history_replace_sentences:
 * @position: the position of the first sentence to replace
 * @old_sentences: (element-type GlossSentence): the sentences there now,
 *   without annotations
 * @new_sentences: (element-type GlossSentence): what replaces them
 *
 * Replaces sentences, for boundary edits. The annotations of the old
 * sentences must be removed first, in the same group.
 */
void
gloss_history_replace_sentences (GlossHistory *self,
                                 guint         position,
                                 GPtrArray    *old_sentences,
                                 GPtrArray    *new_sentences)
{
  Command *command;

  g_return_if_fail (GLOSS_IS_HISTORY (self));

  command = command_new (COMMAND_SENTENCES, NULL);
  command->position = position;
  command->old_sentences = g_ptr_array_ref (old_sentences);
  command->new_sentences = g_ptr_array_ref (new_sentences);

  push (self, command);
}

static gboolean
move_step (GlossHistory *self,
           GPtrArray    *from,
           GPtrArray    *to,
           gboolean      forward)
{
  gboolean could_undo = gloss_history_get_can_undo (self);
  gboolean could_redo = gloss_history_get_can_redo (self);
  Command *command;

  g_return_val_if_fail (self->group == NULL, FALSE);

  if (from->len == 0)
    return FALSE;

  command = g_ptr_array_steal_index (from, from->len - 1);
  command_run (command, self->document, forward);
  g_ptr_array_add (to, command);

  _gloss_document_emit_changed (self->document);
  notify_state (self, could_undo, could_redo);

  return TRUE;
}

gboolean
gloss_history_undo (GlossHistory *self)
{
  g_return_val_if_fail (GLOSS_IS_HISTORY (self), FALSE);

  return move_step (self, self->undo_stack, self->redo_stack, FALSE);
}

gboolean
gloss_history_redo (GlossHistory *self)
{
  g_return_val_if_fail (GLOSS_IS_HISTORY (self), FALSE);

  return move_step (self, self->redo_stack, self->undo_stack, TRUE);
}

void
gloss_history_clear (GlossHistory *self)
{
  gboolean could_undo = gloss_history_get_can_undo (self);
  gboolean could_redo = gloss_history_get_can_redo (self);

  g_ptr_array_set_size (self->undo_stack, 0);
  g_ptr_array_set_size (self->redo_stack, 0);
  notify_state (self, could_undo, could_redo);
}
