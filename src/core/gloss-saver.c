/* gloss-saver.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-document.h"
#include "gloss-error.h"
#include "gloss-saver.h"

/* Debounced autosave of one document. Every ::changed starts (or keeps) a
 * short timer; when it fires, the document is serialized on the calling
 * thread (a snapshot) and written atomically in a worker thread by
 * gloss_document_save_async(). A change made while a write runs is written
 * by the next one. A failed write keeps the document dirty and reports
 * the error; the next change or gloss_saver_save_now() tries again.
 * A read-only document is never written. */
struct _GlossSaver
{
  GObject          parent_instance;

  GlossDocument   *document;
  GCancellable    *cancellable;
  GError          *error;
  gulong           changed_id;
  guint            timeout_id;
  guint            delay_ms;
  guint64          generation;       /* bumped by every change */
  guint64          saved_generation; /* what the file on disk holds */
  GlossSaverState  state;
  guint            writing : 1;
  guint            again : 1;        /* save once more after this write */
  guint            held : 1;         /* writes nothing until released */
  guint            stopped : 1;      /* writes nothing any more */
};

G_DEFINE_FINAL_TYPE (GlossSaver, gloss_saver, G_TYPE_OBJECT)
G_DEFINE_ENUM_TYPE (GlossSaverState, gloss_saver_state,
                    G_DEFINE_ENUM_VALUE (GLOSS_SAVER_SAVED, "saved"),
                    G_DEFINE_ENUM_VALUE (GLOSS_SAVER_SAVING, "saving"),
                    G_DEFINE_ENUM_VALUE (GLOSS_SAVER_ERROR, "error"))

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_STATE,
  PROP_DIRTY,
  PROP_DELAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  WRITTEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Every saver alive, so that a quit on a signal finds the ones a window
 * let go of while their last write runs. Savers live on the main thread. */
static GPtrArray *all_savers;

/* How long gloss_saver_flush() waits for a write already running */
#define FLUSH_WAIT_USEC (10 * G_USEC_PER_SEC)

static void start_write (GlossSaver *self);

static void
set_state (GlossSaver      *self,
           GlossSaverState  state)
{
  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
set_generation (GlossSaver *self,
                guint64    *field,
                guint64     value)
{
  gboolean was_dirty = gloss_saver_get_dirty (self);

  *field = value;
  if (was_dirty != gloss_saver_get_dirty (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
}

static gboolean
on_timeout_cb (gpointer user_data)
{
  GlossSaver *self = user_data;

  self->timeout_id = 0;
  start_write (self);

  return G_SOURCE_REMOVE;
}

static void
on_document_changed_cb (GlossDocument *document,
                        GlossSaver    *self)
{
  if (gloss_document_get_read_only (document) || self->stopped)
    return;

  set_generation (self, &self->generation, self->generation + 1);

  /* An error stays on show until a write succeeds */
  if (self->state != GLOSS_SAVER_ERROR)
    set_state (self, GLOSS_SAVER_SAVING);

  if (self->writing)
    self->again = TRUE;
  else if (self->timeout_id == 0)
    self->timeout_id = g_timeout_add (self->delay_ms, on_timeout_cb, self);
}

typedef struct
{
  GlossSaver *saver;
  guint64     generation;
} WriteData;

static void
on_saved_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  WriteData *data = user_data;
  g_autoptr(GlossSaver) self = data->saver;
  g_autoptr(GError) error = NULL;
  guint64 generation = data->generation;

  g_free (data);
  self->writing = FALSE;

  if (!gloss_document_save_finish (GLOSS_DOCUMENT (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      g_clear_error (&self->error);
      self->error = g_steal_pointer (&error);
      self->again = FALSE;
      set_state (self, GLOSS_SAVER_ERROR);
      return;
    }

  g_clear_error (&self->error);
  set_generation (self, &self->saved_generation, MAX (self->saved_generation, generation));
  g_signal_emit (self, signals[WRITTEN], 0);

  if (self->again || gloss_saver_get_dirty (self))
    {
      self->again = FALSE;
      set_state (self, GLOSS_SAVER_SAVING);
      if (self->timeout_id == 0)
        self->timeout_id = g_timeout_add (self->delay_ms, on_timeout_cb, self);
      return;
    }

  set_state (self, GLOSS_SAVER_SAVED);
}

static void
start_write (GlossSaver *self)
{
  WriteData *data;

  if (self->writing)
    {
      self->again = TRUE;
      return;
    }

  if (!gloss_saver_get_dirty (self) || gloss_document_get_read_only (self->document) || self->held ||
      self->stopped)
    return;

  self->writing = TRUE;
  self->again = FALSE;
  if (self->state != GLOSS_SAVER_ERROR)
    set_state (self, GLOSS_SAVER_SAVING);

  /* The generation written travels with the write, so a change made while
   * the thread writes keeps the document dirty. The snapshot is taken
   * right here, before this returns. */
  data = g_new0 (WriteData, 1);
  data->saver = g_object_ref (self);
  data->generation = self->generation;
  gloss_document_save_async (self->document, self->cancellable, on_saved_cb, data);
}

static void
gloss_saver_dispose (GObject *object)
{
  GlossSaver *self = (GlossSaver *)object;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_id, self->document);
  g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (gloss_saver_parent_class)->dispose (object);
}

static void
gloss_saver_finalize (GObject *object)
{
  GlossSaver *self = (GlossSaver *)object;

  g_clear_object (&self->document);
  g_clear_object (&self->cancellable);
  g_clear_error (&self->error);
  if (all_savers != NULL)
    g_ptr_array_remove_fast (all_savers, self);

  G_OBJECT_CLASS (gloss_saver_parent_class)->finalize (object);
}

static void
gloss_saver_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  GlossSaver *self = GLOSS_SAVER (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_DIRTY:
      g_value_set_boolean (value, gloss_saver_get_dirty (self));
      break;

    case PROP_DELAY:
      g_value_set_uint (value, self->delay_ms);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_saver_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  GlossSaver *self = GLOSS_SAVER (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;

    case PROP_DELAY:
      gloss_saver_set_delay (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_saver_constructed (GObject *object)
{
  GlossSaver *self = (GlossSaver *)object;

  G_OBJECT_CLASS (gloss_saver_parent_class)->constructed (object);

  g_return_if_fail (GLOSS_IS_DOCUMENT (self->document));

  if (all_savers == NULL)
    all_savers = g_ptr_array_new ();
  g_ptr_array_add (all_savers, self);

  self->changed_id = g_signal_connect (self->document, "changed",
                                       G_CALLBACK (on_document_changed_cb), self);
}

static void
gloss_saver_class_init (GlossSaverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gloss_saver_dispose;
  object_class->finalize = gloss_saver_finalize;
  object_class->get_property = gloss_saver_get_property;
  object_class->set_property = gloss_saver_set_property;
  object_class->constructed = gloss_saver_constructed;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, GLOSS_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, GLOSS_TYPE_SAVER_STATE, GLOSS_SAVER_SAVED,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DELAY] =
    g_param_spec_uint ("delay", NULL, NULL, 0, 1000, GLOSS_SAVER_DEFAULT_DELAY_MS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GlossSaver::written:
   *
   * A write succeeded: the file on disk is now the document's.
   */
  signals[WRITTEN] =
    g_signal_new ("written",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
gloss_saver_init (GlossSaver *self)
{
  self->cancellable = g_cancellable_new ();
  self->delay_ms = GLOSS_SAVER_DEFAULT_DELAY_MS;
}

/**
 * gloss_saver_new:
 *
 * Returns: (transfer full): a saver that writes @document at the latest
 *   one second after each change
 */
GlossSaver *
gloss_saver_new (GlossDocument *document)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (document), NULL);

  return g_object_new (GLOSS_TYPE_SAVER, "document", document, NULL);
}

GlossDocument *
gloss_saver_get_document (GlossSaver *self)
{
  g_return_val_if_fail (GLOSS_IS_SAVER (self), NULL);

  return self->document;
}

GlossSaverState
gloss_saver_get_state (GlossSaver *self)
{
  g_return_val_if_fail (GLOSS_IS_SAVER (self), GLOSS_SAVER_SAVED);

  return self->state;
}

/**
 * gloss_saver_get_error:
 *
 * Returns: (nullable): why the last write failed, while the state is
 *   %GLOSS_SAVER_ERROR
 */
const GError *
gloss_saver_get_error (GlossSaver *self)
{
  g_return_val_if_fail (GLOSS_IS_SAVER (self), NULL);

  return self->error;
}

/**
 * gloss_saver_get_dirty:
 *
 * Returns: %TRUE while a change is not yet on disk
 */
gboolean
gloss_saver_get_dirty (GlossSaver *self)
{
  g_return_val_if_fail (GLOSS_IS_SAVER (self), FALSE);

  return self->generation != self->saved_generation;
}

guint
gloss_saver_get_delay (GlossSaver *self)
{
  g_return_val_if_fail (GLOSS_IS_SAVER (self), 0);

  return self->delay_ms;
}

/**
 * gloss_saver_set_delay:
 * @delay_ms: how long to wait for more changes, at most one second
 */
void
gloss_saver_set_delay (GlossSaver *self,
                       guint       delay_ms)
{
  g_return_if_fail (GLOSS_IS_SAVER (self));

  delay_ms = MIN (delay_ms, 1000);
  if (self->delay_ms == delay_ms)
    return;

  self->delay_ms = delay_ms;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELAY]);
}

/**
 * gloss_saver_save_now:
 *
 * Writes the pending changes without waiting; after an error, tries
 * again even without a new change.
 */
void
gloss_saver_save_now (GlossSaver *self)
{
  g_return_if_fail (GLOSS_IS_SAVER (self));

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  start_write (self);
}

/**
 * gloss_saver_mark_dirty:
 *
 * Schedules a write for a change the document does not report with
 * ::changed, such as an edit of its label set.
 */
void
gloss_saver_mark_dirty (GlossSaver *self)
{
  g_return_if_fail (GLOSS_IS_SAVER (self));

  on_document_changed_cb (self->document, self);
}

/**
 * gloss_saver_set_held:
 * @held: whether to write nothing
 *
 * Holds the writes back while the file on disk is someone else's (changed
 * outside Gloss): changes stay pending, and are written once released.
 */
void
gloss_saver_set_held (GlossSaver *self,
                      gboolean    held)
{
  g_return_if_fail (GLOSS_IS_SAVER (self));

  held = !!held;
  if (self->held == held)
    return;

  self->held = held;
  if (!held && gloss_saver_get_dirty (self) && self->timeout_id == 0)
    self->timeout_id = g_timeout_add (self->delay_ms, on_timeout_cb, self);
}

gboolean
gloss_saver_get_held (GlossSaver *self)
{
  g_return_val_if_fail (GLOSS_IS_SAVER (self), FALSE);

  return self->held;
}

static gboolean
wake_up_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Waits for a write already running in its thread, the main context
 * running meanwhile */
static gboolean
wait_for_write (GlossSaver  *self,
                GError     **error)
{
  gint64 deadline;
  guint wake;

  if (!self->writing)
    return TRUE;

  deadline = g_get_monotonic_time () + FLUSH_WAIT_USEC;
  wake = g_timeout_add (50, wake_up_cb, NULL);
  while (self->writing && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
  g_clear_handle_id (&self->timeout_id, g_source_remove);

  if (self->writing)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                           _("The annotation file is still being written after ten seconds"));
      return FALSE;
    }

  return TRUE;
}

/**
 * gloss_saver_flush:
 *
 * Writes the pending changes now, on the calling thread, as a quit that
 * cannot wait for the main loop needs: a write already running in its
 * thread is waited for first (the main context runs meanwhile), so that
 * no older snapshot lands after this one.
 *
 * Returns: %TRUE when the file on disk holds every change; %FALSE with
 *   @error set when it could not be written, or is held because the file
 *   on disk is someone else's
 */
gboolean
gloss_saver_flush (GlossSaver  *self,
                   GError     **error)
{
  g_autoptr(GlossSaver) keep = NULL;
  g_autoptr(GError) local_error = NULL;
  guint64 generation;

  g_return_val_if_fail (GLOSS_IS_SAVER (self), FALSE);

  keep = g_object_ref (self);
  g_clear_handle_id (&self->timeout_id, g_source_remove);

  if (!wait_for_write (self, error))
    return FALSE;

  if (!gloss_saver_get_dirty (self) || gloss_document_get_read_only (self->document) || self->stopped)
    return TRUE;

  if (self->held)
    {
      g_set_error_literal (error, GLOSS_ERROR, GLOSS_ERROR_CHANGED_ON_DISK,
                           _("The annotation file changed on disk, outside Gloss, so Gloss does not write over it"));
      return FALSE;
    }

  generation = self->generation;
  if (!gloss_document_save (self->document, NULL, &local_error))
    {
      g_clear_error (&self->error);
      self->error = g_error_copy (local_error);
      set_state (self, GLOSS_SAVER_ERROR);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_clear_error (&self->error);
  set_generation (self, &self->saved_generation, generation);
  g_signal_emit (self, signals[WRITTEN], 0);
  set_state (self, GLOSS_SAVER_SAVED);

  return TRUE;
}

/**
 * gloss_saver_stop:
 *
 * For a document that another one replaces, with all its work (the
 * re-anchored document): writes nothing more. The pending changes are
 * dropped, and a write already running is waited for (the main context
 * runs meanwhile), so that nothing of this document lands on disk after
 * what replaces it.
 *
 * Returns: %FALSE with @error set if a write still runs after ten seconds
 */
gboolean
gloss_saver_stop (GlossSaver  *self,
                  GError     **error)
{
  g_autoptr(GlossSaver) keep = NULL;

  g_return_val_if_fail (GLOSS_IS_SAVER (self), FALSE);

  keep = g_object_ref (self);
  self->stopped = TRUE;
  g_clear_handle_id (&self->timeout_id, g_source_remove);

  return wait_for_write (self, error);
}

/**
 * gloss_saver_list_all:
 *
 * Returns: (transfer container) (element-type GlossSaver): every saver
 *   alive, each with a reference, also those whose window is gone while
 *   their last write runs
 */
GPtrArray *
gloss_saver_list_all (void)
{
  GPtrArray *savers = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; all_savers != NULL && i < all_savers->len; i++)
    g_ptr_array_add (savers, g_object_ref (g_ptr_array_index (all_savers, i)));

  return savers;
}
