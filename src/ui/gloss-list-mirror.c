/* gloss-list-mirror.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "gloss-list-mirror.h"

/* A copy of a list model that follows it a frame later, for a list view
 * beside the article: a change repaints the article at once and leaves
 * the list's layout to the frame after. The changes are kept as they
 * come (with the items as they were then) and replayed in order, so the
 * copy passes through the same states as its source, with exact
 * positions. The first copy is made after the first frame too, so that
 * opening a long document shows the article before its lists. While the
 * widget is not on screen (a hidden sidebar, its other page) the mirror
 * does nothing: it copies its source anew once the widget is shown. */
struct _GlossListMirror
{
  GObject        parent_instance;

  GtkWidget     *widget;           /* whose frames it follows; not owned */
  GListModel    *source;
  GListStore    *store;
  GPtrArray     *pending;          /* PendingChange, in order */
  guint          copy_pending : 1; /* a whole copy is still to come */
  GPtrArray     *copy;             /* a whole copy coming in slices */
  guint          copied;           /* how much of it is in */
  guint          sync_on_map : 1;  /* asked for while not on screen */
  guint          sync_id;
  GdkFrameClock *paint_clock;
  gulong         after_paint_id;
};

G_DEFINE_FINAL_TYPE (GlossListMirror, gloss_list_mirror, G_TYPE_OBJECT)

enum {
  SYNCED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  guint      position;
  guint      removed;
  GPtrArray *added;
} PendingChange;

static void
pending_change_free (PendingChange *change)
{
  g_ptr_array_unref (change->added);
  g_free (change);
}

/* GTK 4.8's list view keeps a widget for each of the first 200 items
 * of a list, made and bound when the items come: a whole copy comes a
 * slice a frame, until that many are in, so no frame waits for all of
 * them; then the rest at once, which needs no widgets */
#define COPY_SLICE    40
#define COPY_SLICED   200

static gboolean
sync_cb (gpointer user_data)
{
  GlossListMirror *self = user_data;

  self->sync_id = 0;

  if (self->copy_pending)
    {
      guint n = self->source ? g_list_model_get_n_items (self->source) : 0;

      /* The items as they are now; the changes from now on are replayed
       * once they are all in */
      self->copy_pending = FALSE;
      g_clear_pointer (&self->copy, g_ptr_array_unref);
      self->copy = g_ptr_array_new_full (n, g_object_unref);
      self->copied = 0;
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (self->copy, g_list_model_get_item (self->source, i));
      g_list_store_remove_all (self->store);
    }

  if (self->copy != NULL)
    {
      guint slice = self->copied < COPY_SLICED ? COPY_SLICE : self->copy->len - self->copied;

      slice = MIN (slice, self->copy->len - self->copied);
      g_list_store_splice (self->store, self->copied, 0, self->copy->pdata + self->copied, slice);
      self->copied += slice;
      if (self->copied < self->copy->len)
        {
          gloss_list_mirror_queue_sync (self);
          g_signal_emit (self, signals[SYNCED], 0);
          return G_SOURCE_REMOVE;
        }
      g_clear_pointer (&self->copy, g_ptr_array_unref);
    }

  for (guint i = 0; i < self->pending->len; i++)
    {
      PendingChange *change = g_ptr_array_index (self->pending, i);

      g_list_store_splice (self->store, change->position, change->removed,
                           change->added->pdata, change->added->len);
    }
  g_ptr_array_set_size (self->pending, 0);

  g_signal_emit (self, signals[SYNCED], 0);

  return G_SOURCE_REMOVE;
}

static void
cancel_sync (GlossListMirror *self)
{
  g_clear_handle_id (&self->sync_id, g_source_remove);
  if (self->paint_clock != NULL)
    {
      /* A window destroyed before its first frame takes the clock's
       * handlers with it */
      if (g_signal_handler_is_connected (self->paint_clock, self->after_paint_id))
        g_signal_handler_disconnect (self->paint_clock, self->after_paint_id);
      self->after_paint_id = 0;
      g_clear_object (&self->paint_clock);
    }
}

static void
on_after_paint_cb (GdkFrameClock   *clock,
                   GlossListMirror *self)
{
  g_clear_signal_handler (&self->after_paint_id, self->paint_clock);
  g_clear_object (&self->paint_clock);

  /* Before GtkTextView lays out the rest of a long text in the
   * background (GTK_TEXT_VIEW_PRIORITY_VALIDATE, 125), which can take
   * many seconds: the list must not wait for it */
  if (self->sync_id == 0)
    self->sync_id = g_idle_add_full (GDK_PRIORITY_REDRAW + 2, sync_cb, self, NULL);
}

/**
 * gloss_list_mirror_queue_sync:
 *
 * Makes the mirror catch up with its source after the next frame, and
 * emit ::synced then, even when nothing changed: for a change the items
 * show that is not a change of the list (a relation of a span).
 */
void
gloss_list_mirror_queue_sync (GlossListMirror *self)
{
  GdkFrameClock *clock;

  g_return_if_fail (GLOSS_IS_LIST_MIRROR (self));

  if (self->after_paint_id != 0 || self->sync_id != 0)
    return;

  /* Nothing to show it: once it is shown */
  if (self->widget == NULL || !gtk_widget_get_mapped (self->widget))
    {
      self->sync_on_map = TRUE;
      return;
    }

  clock = gtk_widget_get_frame_clock (self->widget);
  if (clock != NULL)
    {
      self->paint_clock = g_object_ref (clock);
      self->after_paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), self);
    }
  else
    on_after_paint_cb (NULL, self);
}

static void
on_widget_map_cb (GtkWidget       *widget,
                  GlossListMirror *self)
{
  if (self->sync_on_map)
    {
      self->sync_on_map = FALSE;
      gloss_list_mirror_queue_sync (self);
    }
}

static void
on_source_changed_cb (GListModel      *model,
                      guint            position,
                      guint            removed,
                      guint            added,
                      GlossListMirror *self)
{
  PendingChange *change;

  /* Not on screen: a whole copy once it is, rather than a replay of
   * every change until then */
  if (!self->copy_pending && (self->widget == NULL || !gtk_widget_get_mapped (self->widget)))
    {
      self->copy_pending = TRUE;
      g_ptr_array_set_size (self->pending, 0);
      g_clear_pointer (&self->copy, g_ptr_array_unref);
    }

  /* A whole copy takes everything as it is then */
  if (!self->copy_pending)
    {
      /* The items as they are now, so the changes replay exactly in order */
      change = g_new0 (PendingChange, 1);
      change->position = position;
      change->removed = removed;
      change->added = g_ptr_array_new_full (added, g_object_unref);
      for (guint i = 0; i < added; i++)
        g_ptr_array_add (change->added, g_list_model_get_item (model, position + i));
      g_ptr_array_add (self->pending, change);
    }

  gloss_list_mirror_queue_sync (self);
}

static void
gloss_list_mirror_dispose (GObject *object)
{
  GlossListMirror *self = (GlossListMirror *)object;

  gloss_list_mirror_set_source (self, NULL);
  /* A sync asked for without a source too */
  cancel_sync (self);
  if (self->widget != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->widget, self);
      g_object_remove_weak_pointer (G_OBJECT (self->widget), (gpointer *)&self->widget);
    }
  self->widget = NULL;

  G_OBJECT_CLASS (gloss_list_mirror_parent_class)->dispose (object);
}

static void
gloss_list_mirror_finalize (GObject *object)
{
  GlossListMirror *self = (GlossListMirror *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->copy, g_ptr_array_unref);

  G_OBJECT_CLASS (gloss_list_mirror_parent_class)->finalize (object);
}

static void
gloss_list_mirror_class_init (GlossListMirrorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gloss_list_mirror_dispose;
  object_class->finalize = gloss_list_mirror_finalize;

  /**
   * GlossListMirror::synced:
   *
   * The mirror has caught up with its source, a frame after a change.
   */
  signals[SYNCED] =
    g_signal_new ("synced",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
gloss_list_mirror_init (GlossListMirror *self)
{
  self->pending = g_ptr_array_new_with_free_func ((GDestroyNotify)pending_change_free);
}

/**
 * gloss_list_mirror_new:
 * @widget: the widget whose next frame a change waits for
 * @item_type: the type of the source's items
 */
GlossListMirror *
gloss_list_mirror_new (GtkWidget *widget,
                       GType      item_type)
{
  GlossListMirror *self;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  self = g_object_new (GLOSS_TYPE_LIST_MIRROR, NULL);
  self->widget = widget;
  g_object_add_weak_pointer (G_OBJECT (widget), (gpointer *)&self->widget);
  g_signal_connect (widget, "map", G_CALLBACK (on_widget_map_cb), self);
  self->store = g_list_store_new (item_type);

  return self;
}

/**
 * gloss_list_mirror_set_source:
 * @source: (nullable): the model to follow
 *
 * Empties the mirror at once; it fills with @source's items after the
 * next frame, then follows it.
 */
void
gloss_list_mirror_set_source (GlossListMirror *self,
                              GListModel      *source)
{
  g_return_if_fail (GLOSS_IS_LIST_MIRROR (self));

  if (self->source == source)
    return;

  if (self->source != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->source, self);
      g_clear_object (&self->source);
    }
  cancel_sync (self);
  g_ptr_array_set_size (self->pending, 0);
  g_clear_pointer (&self->copy, g_ptr_array_unref);
  self->copy_pending = FALSE;
  self->sync_on_map = FALSE;
  if (self->store != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->store)) > 0)
    g_list_store_remove_all (self->store);

  if (source != NULL)
    {
      self->source = g_object_ref (source);
      g_signal_connect (source, "items-changed", G_CALLBACK (on_source_changed_cb), self);
      self->copy_pending = TRUE;
      gloss_list_mirror_queue_sync (self);
    }
}

/**
 * gloss_list_mirror_get_model:
 *
 * Returns: (transfer none): the copy, a #GListStore
 */
GListModel *
gloss_list_mirror_get_model (GlossListMirror *self)
{
  g_return_val_if_fail (GLOSS_IS_LIST_MIRROR (self), NULL);

  return G_LIST_MODEL (self->store);
}

/**
 * gloss_list_mirror_is_pending:
 *
 * Returns: whether the mirror is still to catch up with its source (not
 *   before its widget is shown, when it is hidden)
 */
gboolean
gloss_list_mirror_is_pending (GlossListMirror *self)
{
  g_return_val_if_fail (GLOSS_IS_LIST_MIRROR (self), FALSE);

  return self->after_paint_id != 0 || self->sync_id != 0 || self->sync_on_map;
}
