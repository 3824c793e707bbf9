/* gloss-conflict-banner.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-conflict-banner.h"

/* The banner that says a file of the open document changed on disk, with
 * what the user can do about it; the buttons name the window's actions. */

struct _GlossConflictBanner
{
  GtkWidget          parent_instance;

  GlossConflictKind  kind;

  GtkWidget         *box;
  GtkLabel          *label;
  GtkWidget         *reload_button;
  GtkWidget         *keep_mine_button;
  GtkWidget         *reanchor_button;
};

G_DEFINE_FINAL_TYPE (GlossConflictBanner, gloss_conflict_banner, GTK_TYPE_WIDGET)

static void
gloss_conflict_banner_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), GLOSS_TYPE_CONFLICT_BANNER);

  G_OBJECT_CLASS (gloss_conflict_banner_parent_class)->dispose (object);
}

static void
gloss_conflict_banner_class_init (GlossConflictBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_conflict_banner_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/gloss-conflict-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossConflictBanner, box);
  gtk_widget_class_bind_template_child (widget_class, GlossConflictBanner, label);
  gtk_widget_class_bind_template_child (widget_class, GlossConflictBanner, reload_button);
  gtk_widget_class_bind_template_child (widget_class, GlossConflictBanner, keep_mine_button);
  gtk_widget_class_bind_template_child (widget_class, GlossConflictBanner, reanchor_button);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
gloss_conflict_banner_init (GlossConflictBanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GlossConflictKind
gloss_conflict_banner_get_kind (GlossConflictBanner *self)
{
  g_return_val_if_fail (GLOSS_IS_CONFLICT_BANNER (self), GLOSS_CONFLICT_NONE);

  return self->kind;
}

/**
 * gloss_conflict_banner_set_kind:
 *
 * Shows what changed on disk, or hides the banner for %GLOSS_CONFLICT_NONE.
 */
void
gloss_conflict_banner_set_kind (GlossConflictBanner *self,
                                GlossConflictKind    kind)
{
  g_return_if_fail (GLOSS_IS_CONFLICT_BANNER (self));

  self->kind = kind;

  switch (kind)
    {
    case GLOSS_CONFLICT_NONE:
      break;

    case GLOSS_CONFLICT_ANNOTATIONS:
      gtk_label_set_text (self->label,
                          _("The annotations changed on disk, outside Gloss. Gloss will not overwrite them: "
                            "reload them, or keep yours in a file beside them."));
      break;

    case GLOSS_CONFLICT_TEXT:
      /* The labels go on being saved for the text as it was (the file then
       * opens read-only and re-anchors later): nothing waits only in memory */
      gtk_label_set_text (self->label,
                          _("The text changed on disk, outside Gloss. Your labels are still saved, for the "
                            "text as it was; re-anchor them to place them in the new text."));
      break;

    default:
      g_assert_not_reached ();
    }

  gtk_widget_set_visible (self->reload_button, kind == GLOSS_CONFLICT_ANNOTATIONS);
  gtk_widget_set_visible (self->keep_mine_button, kind == GLOSS_CONFLICT_ANNOTATIONS);
  gtk_widget_set_visible (self->reanchor_button, kind == GLOSS_CONFLICT_TEXT);
  gtk_widget_set_visible (GTK_WIDGET (self), kind != GLOSS_CONFLICT_NONE);
}

/**
 * gloss_conflict_banner_get_message:
 *
 * Returns: (nullable): what the banner says while it shows
 */
const char *
gloss_conflict_banner_get_message (GlossConflictBanner *self)
{
  g_return_val_if_fail (GLOSS_IS_CONFLICT_BANNER (self), NULL);

  if (self->kind == GLOSS_CONFLICT_NONE)
    return NULL;

  return gtk_label_get_text (self->label);
}
