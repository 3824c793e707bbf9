/* gloss-codebook-view.c
 *
 * The codebook entries of some labels, one after another: each label's
 * name, its definition (the description) and the lists of its entry
 * (inclusion and exclusion rules, examples and negative examples). The
 * sidebar shows it under the label buttons for the current label; the
 * buttons' tooltips use gloss_codebook_view_dup_entry().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-codebook.h"
#include "gloss-codebook-view.h"
#include "gloss-label.h"

struct _GlossCodebookView
{
  GtkWidget  parent_instance;

  GString   *text;   /* everything shown, in order: what a test reads */
  GString   *key;    /* the labels shown, so an unchanged list is not built again */
};

G_DEFINE_FINAL_TYPE (GlossCodebookView, gloss_codebook_view, GTK_TYPE_WIDGET)

static const char *
list_title (GlossCodebookList list)
{
  switch (list)
    {
    case GLOSS_CODEBOOK_INCLUDE:
      return _("Include");
    case GLOSS_CODEBOOK_EXCLUDE:
      return _("Exclude");
    case GLOSS_CODEBOOK_EXAMPLES:
      return _("Examples");
    case GLOSS_CODEBOOK_NEGATIVE_EXAMPLES:
      return _("Negative Examples");
    case GLOSS_CODEBOOK_N_LISTS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * gloss_codebook_view_dup_entry:
 *
 * The label's codebook entry as plain text for a tooltip: its definition,
 * then each list with items under its (translated) heading, an item a
 * line after a bullet.
 *
 * Returns: (transfer full): the text; empty when the label has neither a
 *   description nor a rule or example
 */
char *
gloss_codebook_view_dup_entry (GlossLabel *label)
{
  const char *titles[GLOSS_CODEBOOK_N_LISTS];

  for (GlossCodebookList list = 0; list < GLOSS_CODEBOOK_N_LISTS; list++)
    titles[list] = list_title (list);

  return gloss_codebook_dup_entry (label, gloss_label_get_display_description (label), titles, "• ");
}

static GtkWidget *
new_text (const char *text,
          const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static void
append (GlossCodebookView *self,
        GtkWidget         *child,
        const char        *text)
{
  gtk_widget_set_parent (child, GTK_WIDGET (self));
  g_string_append_printf (self->text, "%s\n", text);
}

static void
clear (GlossCodebookView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_string_truncate (self->text, 0);
}

/**
 * gloss_codebook_view_set_labels:
 * @labels: (element-type GlossLabel) (nullable): the labels whose entries
 *   to show, in order
 *
 * Shows the entries of @labels; a label without one says so, and where
 * it is written.
 */
void
gloss_codebook_view_set_labels (GlossCodebookView *self,
                                GPtrArray         *labels)
{
  g_autoptr(GString) key = g_string_new (NULL);

  g_return_if_fail (GLOSS_IS_CODEBOOK_VIEW (self));

  /* The same labels, unchanged, need nothing: a move between sentences
   * with the same labels builds nothing */
  for (guint i = 0; labels != NULL && i < labels->len; i++)
    {
      GlossLabel *label = g_ptr_array_index (labels, i);
      g_autofree char *entry = gloss_codebook_view_dup_entry (label);

      g_string_append_printf (key, "%s\x1f%s\x1f%s\x1e", gloss_label_get_id (label),
                              gloss_label_get_display_name (label), entry);
    }
  if (g_string_equal (key, self->key))
    return;
  g_string_assign (self->key, key->str);

  clear (self);

  if (labels == NULL || labels->len == 0)
    {
      const char *none = _("The label set has no labels.");

      append (self, new_text (none, "dim-label"), none);
      return;
    }

  for (guint i = 0; i < labels->len; i++)
    {
      GlossLabel *label = g_ptr_array_index (labels, i);
      const char *description = gloss_label_get_display_description (label);
      GtkWidget *name = new_text (gloss_label_get_display_name (label), "heading");

      if (i > 0)
        gtk_widget_set_margin_top (name, 12);
      append (self, name, gloss_label_get_display_name (label));

      if (description[0] == '\0' && !gloss_label_has_codebook (label))
        {
          const char *empty = _("No definition, rules or examples yet: the labels editor adds them.");

          append (self, new_text (empty, "dim-label"), empty);
          continue;
        }

      if (description[0] != '\0')
        append (self, new_text (description, NULL), description);

      for (GlossCodebookList list = 0; list < GLOSS_CODEBOOK_N_LISTS; list++)
        {
          const char * const *items = gloss_label_get_codebook (label, list);
          GtkWidget *heading;

          if (items[0] == NULL)
            continue;
          heading = new_text (list_title (list), "caption-heading");
          gtk_widget_set_margin_top (heading, 6);
          append (self, heading, list_title (list));
          for (guint k = 0; items[k] != NULL; k++)
            {
              g_autofree char *item = g_strdup_printf ("• %s", items[k]);
              GtkWidget *line = new_text (item, list == GLOSS_CODEBOOK_NEGATIVE_EXAMPLES ? "dim-label" : NULL);

              append (self, line, item);
            }
        }
    }
}

/**
 * gloss_codebook_view_get_text:
 *
 * Returns: the text of what is shown, a line each
 */
const char *
gloss_codebook_view_get_text (GlossCodebookView *self)
{
  g_return_val_if_fail (GLOSS_IS_CODEBOOK_VIEW (self), NULL);

  return self->text->str;
}

static void
gloss_codebook_view_dispose (GObject *object)
{
  clear (GLOSS_CODEBOOK_VIEW (object));

  G_OBJECT_CLASS (gloss_codebook_view_parent_class)->dispose (object);
}

static void
gloss_codebook_view_finalize (GObject *object)
{
  GlossCodebookView *self = GLOSS_CODEBOOK_VIEW (object);

  g_string_free (self->text, TRUE);
  g_string_free (self->key, TRUE);

  G_OBJECT_CLASS (gloss_codebook_view_parent_class)->finalize (object);
}

static void
gloss_codebook_view_class_init (GlossCodebookViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_codebook_view_dispose;
  object_class->finalize = gloss_codebook_view_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "glosscodebookview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
gloss_codebook_view_init (GlossCodebookView *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 2);
  self->text = g_string_new (NULL);
  /* Never equal to a list's key, so the first set builds */
  self->key = g_string_new ("\x1d");
}

GtkWidget *
gloss_codebook_view_new (void)
{
  return g_object_new (GLOSS_TYPE_CODEBOOK_VIEW, NULL);
}
