/* gloss-span-card.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gloss-document.h"
#include "gloss-label.h"
#include "gloss-label-set.h"
#include "gloss-relation.h"
#include "gloss-span.h"
#include "gloss-span-card.h"

/* The current span in the sidebar: its label, text and the line that
 * says who said it („…“ — said by Dr. Miriam Okafor · Cue: sagte ·
 * indirect · speech), a drop-down for its label and one for each of its
 * attributes, its note, and its linked spans, each with a button that
 * goes to it and one that removes the link. Like the rest of the sidebar
 * it only shows: every change is a doc.* action of the window. The line
 * is a status (a live region in GTK 4.8's terms, which has no
 * announcements): a screen reader hears what the current span is. */

struct _GlossSpanCard
{
  GtkWidget      parent_instance;

  GlossDocument *document;
  guint          id;
  guint          updating : 1;
  guint          stale : 1;       /* its widgets wait for it to be shown */
  char          *summary;
  char          *description;     /* what a screen reader hears of it */

  GtkWidget     *box;
  GtkLabel      *title_label;
  GtkWidget     *text_scroller;
  GtkLabel      *text_label;
  GtkLabel      *summary_label;
  GtkListBox    *properties_list;
  AdwEntryRow   *note_row;
  GtkWidget     *roles_heading;
  GtkListBox    *roles_list;
  GPtrArray     *property_rows;   /* the label's and the attributes' rows */
  GdkFrameClock *paint_clock;     /* the next frame, after which it is updated */
  gulong         after_paint_id;
  guint          update_id;
  char          *rows_for;        /* the label and attributes they were made for */
  char          *pending_action;  /* a drop-down's change, run once it is done */
  GVariant      *pending_target;
  guint          pending_id;
};

G_DEFINE_FINAL_TYPE (GlossSpanCard, gloss_span_card, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define NO_SPAN G_MAXUINT
#define SHORT_TEXT 60

static GlossSpan *
get_span (GlossSpanCard *self)
{
  return self->document ? gloss_document_lookup_span (self->document, self->id) : NULL;
}

static GlossLabelSet *
get_labels (GlossSpanCard *self)
{
  return gloss_document_get_labels (self->document);
}

static const char *
display_name (GlossLabelSet *set,
              const char    *id)
{
  GlossLabel *label = gloss_label_set_lookup (set, id);

  return label ? gloss_label_get_display_name (label) : id;
}

/* The text of a span on one line, shortened (@shortened) when long */
static char *
dup_text_line (GlossSpan *span,
               guint      max_chars,
               gboolean  *shortened)
{
  g_autofree char *text = gloss_span_dup_text (span, " … ");
  char *line = g_strdelimit (g_strstrip (text), "\r\n\t", ' ');

  *shortened = g_utf8_strlen (line, -1) > max_chars;
  if (*shortened)
    {
      g_autofree char *start = g_utf8_substring (line, 0, max_chars - 1);

      return g_strconcat (start, "…", NULL);
    }

  return g_strdup (line);
}

/**
 * gloss_span_card_dup_text_line:
 * @max_chars: the most characters to keep, at least 2
 *
 * Returns: @span's text on one line, its parts joined by " … ", ending
 *   in "…" when it had to be shortened
 */
char *
gloss_span_card_dup_text_line (GlossSpan *span,
                               guint      max_chars)
{
  gboolean shortened;

  g_return_val_if_fail (GLOSS_IS_SPAN (span), NULL);
  g_return_val_if_fail (max_chars >= 2, NULL);

  return dup_text_line (span, max_chars, &shortened);
}

static char *
dup_short_text (GlossSpan *span)
{
  return gloss_span_card_dup_text_line (span, SHORT_TEXT);
}

/**
 * gloss_span_card_dup_title:
 *
 * Returns: what the card and the list of spans call @span: its label's
 *   name, its number, its parts ("Quote 12 · 2 parts")
 */
char *
gloss_span_card_dup_title (GlossDocument *document,
                           GlossSpan     *span)
{
  const char *name = display_name (gloss_document_get_labels (document), gloss_span_get_label (span));
  guint n_parts = gloss_span_get_n_parts (span);

  if (n_parts > 1)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s %u · %u part", "%s %u · %u parts", n_parts),
                            name, gloss_span_get_id (span), n_parts);

  return g_strdup_printf (_("%s %u"), name, gloss_span_get_id (span));
}

/**
 * gloss_span_card_dup_roles:
 *
 * Returns: (transfer full) (element-type GlossRelation): the relations
 *   from @span to a span of the document, in the order of the set's
 *   relation labels: a quote's speaker, cue, frame, addressee
 */
GPtrArray *
gloss_span_card_dup_roles (GlossDocument *document,
                           GlossSpan     *span)
{
  GlossLabelSet *relation_labels = gloss_label_set_get_relation_labels (gloss_document_get_labels (document));
  g_autoptr(GPtrArray) outgoing = gloss_document_dup_relations_from (document, gloss_span_get_id (span));
  GPtrArray *roles = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < gloss_label_set_get_n_labels (relation_labels); i++)
    {
      const char *id = gloss_label_get_id (gloss_label_set_get_label (relation_labels, i));

      for (guint j = 0; j < outgoing->len; j++)
        {
          GlossRelation *relation = g_ptr_array_index (outgoing, j);

          if (g_strcmp0 (gloss_relation_get_label (relation), id) == 0 &&
              gloss_document_lookup_span (document, gloss_relation_get_to (relation)) != NULL)
            g_ptr_array_add (roles, g_object_ref (relation));
        }
    }

  return roles;
}

/* “…” — said by Dr. Miriam Okafor · Cue: sagte · indirect · speech */
static char *
dup_summary (GlossSpanCard *self,
             GlossSpan     *span)
{
  GlossLabelSet *labels = get_labels (self);
  GlossLabelSet *relation_labels = gloss_label_set_get_relation_labels (labels);
  GlossLabel *span_label = gloss_label_set_lookup (labels, gloss_span_get_label (span));
  guint id = gloss_span_get_id (span);
  g_autoptr(GPtrArray) roles = gloss_span_card_dup_roles (self->document, span);
  g_autoptr(GPtrArray) incoming = gloss_document_dup_relations_to (self->document, id);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *text = dup_short_text (span);
  g_autofree char *quoted = NULL;

  /* A quote's own marks are quotation marks enough */
  if (text[0] != '\0' && g_utf8_strchr ("\"'„“”‚‘’«»‹›", -1, g_utf8_get_char (text)) != NULL)
    quoted = g_strdup (text);
  else
    quoted = g_strdup_printf (_("“%s”"), text);

  /* The roles in the order of the relation labels */
  for (guint i = 0; i < roles->len; i++)
    {
      GlossRelation *relation = g_ptr_array_index (roles, i);
      const char *relation_label = gloss_relation_get_label (relation);
      g_autofree char *role = dup_short_text (gloss_document_lookup_span (self->document,
                                                                          gloss_relation_get_to (relation)));

      /* The speaker is who said it; another role is named */
      if (g_strcmp0 (relation_label, "speaker") == 0)
        g_ptr_array_add (parts, g_strdup_printf (_("said by %s"), role));
      else
        g_ptr_array_add (parts, g_strdup_printf (_("%s: %s"), display_name (relation_labels, relation_label), role));
    }

  for (guint i = 0; i < gloss_span_get_n_attributes (span); i++)
    g_ptr_array_add (parts, g_strdup (span_label != NULL
                                        ? gloss_label_get_attribute_display (span_label,
                                                                             gloss_span_get_attribute_value (span, i))
                                        : gloss_span_get_attribute_value (span, i)));

  for (guint i = 0; i < incoming->len; i++)
    {
      GlossRelation *relation = g_ptr_array_index (incoming, i);
      GlossSpan *from = gloss_document_lookup_span (self->document, gloss_relation_get_from (relation));
      g_autofree char *of = NULL;

      if (from == NULL)
        continue;
      of = dup_short_text (from);
      g_ptr_array_add (parts, g_strdup_printf (_("%s of “%s”"),
                                               display_name (relation_labels, gloss_relation_get_label (relation)), of));
    }

  g_ptr_array_add (parts, NULL);
  if (parts->len == 1)
    return g_steal_pointer (&quoted);

  {
    g_autofree char *rest = g_strjoinv (" · ", (char **)parts->pdata);

    return g_strdup_printf (_("%s — %s"), quoted, rest);
  }
}

static gboolean
run_pending_cb (gpointer user_data)
{
  GlossSpanCard *self = user_data;
  g_autofree char *action = g_steal_pointer (&self->pending_action);
  g_autoptr(GVariant) target = g_steal_pointer (&self->pending_target);

  self->pending_id = 0;
  gtk_widget_activate_action_variant (GTK_WIDGET (self), action, target);

  /* Back to tagging: the keys go to the article again */
  {
    GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
    GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

    if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
      gtk_root_set_focus (root, NULL);
  }

  return G_SOURCE_REMOVE;
}

/* The change a drop-down asks for rebuilds the card, drop-down and all:
 * not while the drop-down is still telling of it */
static void
activate_later (GlossSpanCard *self,
                const char    *action,
                GVariant      *target)
{
  g_free (self->pending_action);
  g_clear_pointer (&self->pending_target, g_variant_unref);
  self->pending_action = g_strdup (action);
  self->pending_target = g_variant_ref_sink (target);
  if (self->pending_id == 0)
    self->pending_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, run_pending_cb, self, NULL);
}

static void
on_label_selected_cb (AdwComboRow   *row,
                      GParamSpec    *pspec,
                      GlossSpanCard *self)
{
  GStrv ids = g_object_get_data (G_OBJECT (row), "gloss-ids");
  guint selected = adw_combo_row_get_selected (row);

  if (self->updating || ids == NULL || selected >= g_strv_length (ids))
    return;

  activate_later (self, "doc.relabel-span", g_variant_new_string (ids[selected]));
}

static void
on_attribute_selected_cb (AdwComboRow   *row,
                          GParamSpec    *pspec,
                          GlossSpanCard *self)
{
  const char *name = g_object_get_data (G_OBJECT (row), "gloss-attribute");
  GStrv values = g_object_get_data (G_OBJECT (row), "gloss-values");
  guint selected = adw_combo_row_get_selected (row);

  if (self->updating || values == NULL || selected > g_strv_length (values))
    return;

  /* The first item is "not set" */
  activate_later (self, "doc.set-span-attribute",
                  g_variant_new ("(ss)", name, selected == 0 ? "" : values[selected - 1]));
}

static GtkWidget *
new_combo_row (const char         *title,
               const char * const *items,
               guint               selected)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (items);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);

  return row;
}

/* The drop-downs show the span's values */
static void
update_selections (GlossSpanCard *self,
                   GlossSpan     *span)
{
  for (guint i = 0; i < self->property_rows->len; i++)
    {
      AdwComboRow *row = g_ptr_array_index (self->property_rows, i);
      const char *name = g_object_get_data (G_OBJECT (row), "gloss-attribute");
      GStrv values = g_object_get_data (G_OBJECT (row), "gloss-values");
      GStrv ids = g_object_get_data (G_OBJECT (row), "gloss-ids");
      guint selected = 0;

      if (name == NULL)
        {
          for (guint j = 0; ids != NULL && ids[j] != NULL; j++)
            if (g_strcmp0 (ids[j], gloss_span_get_label (span)) == 0)
              selected = j;
        }
      else
        {
          for (guint j = 0; values != NULL && values[j] != NULL; j++)
            if (g_strcmp0 (values[j], gloss_span_get_attribute (span, name)) == 0)
              selected = j + 1;
        }

      if (adw_combo_row_get_selected (row) != selected)
        adw_combo_row_set_selected (row, selected);
    }
}

static void
rebuild_properties (GlossSpanCard *self,
                    GlossSpan     *span)
{
  GlossLabelSet *labels = get_labels (self);
  GlossLabel *label = gloss_label_set_lookup (labels, gloss_span_get_label (span));
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GString) signature = g_string_new (gloss_span_get_label (span));
  GtkWidget *row;
  guint selected = 0;
  guint position = 0;

  for (guint i = 0; label != NULL && i < gloss_label_get_n_attributes (label); i++)
    {
      g_autofree char *values = g_strjoinv ("|", (char **)gloss_label_get_attribute_values (label, i));

      g_string_append_printf (signature, "\n%s=%s", gloss_label_get_attribute_name (label, i), values);
    }

  for (guint i = 0; i < gloss_label_set_get_n_labels (labels); i++)
    if (gloss_label_get_scope (gloss_label_set_get_label (labels, i)) == GLOSS_LABEL_SCOPE_SPAN)
      g_string_append_printf (signature, "\n%s", gloss_label_get_display_name (gloss_label_set_get_label (labels, i)));

  if (g_strcmp0 (signature->str, self->rows_for) == 0 && self->property_rows->len > 0)
    {
      update_selections (self, span);
      return;
    }
  g_free (self->rows_for);
  self->rows_for = g_string_free (g_steal_pointer (&signature), FALSE);

  for (guint i = 0; i < self->property_rows->len; i++)
    gtk_list_box_remove (self->properties_list, g_ptr_array_index (self->property_rows, i));
  g_ptr_array_set_size (self->property_rows, 0);

  /* The label, among the span labels */
  for (guint i = 0; i < gloss_label_set_get_n_labels (labels); i++)
    {
      GlossLabel *other = gloss_label_set_get_label (labels, i);

      if (gloss_label_get_scope (other) != GLOSS_LABEL_SCOPE_SPAN)
        continue;
      if (other == label)
        selected = names->len;
      g_strv_builder_add (ids, gloss_label_get_id (other));
      g_ptr_array_add (names, (gpointer)gloss_label_get_display_name (other));
    }
  g_ptr_array_add (names, NULL);

  row = new_combo_row (_("Label"), (const char * const *)names->pdata, selected);
  g_object_set_data_full (G_OBJECT (row), "gloss-ids", g_strv_builder_end (ids), (GDestroyNotify)g_strfreev);
  g_signal_connect (row, "notify::selected", G_CALLBACK (on_label_selected_cb), self);
  gtk_list_box_insert (self->properties_list, row, position++);
  g_ptr_array_add (self->property_rows, row);

  for (guint i = 0; label != NULL && i < gloss_label_get_n_attributes (label); i++)
    {
      const char *name = gloss_label_get_attribute_name (label, i);
      const char * const *values = gloss_label_get_attribute_values (label, i);
      const char *value = gloss_span_get_attribute (span, name);
      g_autoptr(GPtrArray) items = g_ptr_array_new ();
      g_autofree char *title = NULL;

      selected = 0;
      g_ptr_array_add (items, (gpointer)_("Not set"));
      for (guint j = 0; values[j] != NULL; j++)
        {
          if (g_strcmp0 (values[j], value) == 0)
            selected = j + 1;
          g_ptr_array_add (items, (gpointer)gloss_label_get_attribute_display (label, values[j]));
        }
      g_ptr_array_add (items, NULL);

      /* The keys that set it: t for the first, Alt+1…9 for each */
      if (i == 0)
        title = g_strdup_printf (_("%s (T, Alt+1)"), gloss_label_get_attribute_display (label, name));
      else if (i < 9)
        title = g_strdup_printf (_("%s (Alt+%u)"), gloss_label_get_attribute_display (label, name), i + 1);
      else
        title = g_strdup (gloss_label_get_attribute_display (label, name));

      row = new_combo_row (title, (const char * const *)items->pdata, selected);
      g_object_set_data_full (G_OBJECT (row), "gloss-attribute", g_strdup (name), g_free);
      g_object_set_data_full (G_OBJECT (row), "gloss-values", g_strdupv ((char **)values), (GDestroyNotify)g_strfreev);
      g_signal_connect (row, "notify::selected", G_CALLBACK (on_attribute_selected_cb), self);
      gtk_list_box_insert (self->properties_list, row, position++);
      g_ptr_array_add (self->property_rows, row);
    }
}

static GtkWidget *
new_button (const char *icon,
            const char *action,
            guint       target,
            const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_uint32 (target));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_add_css_class (button, "flat");

  return button;
}

/* A linked span: a row that goes to it, and a button that removes the
 * link */
static void
add_role_row (GlossSpanCard *self,
              GlossRelation *relation,
              GlossSpan     *other,
              gboolean       outgoing)
{
  GlossLabelSet *relation_labels = gloss_label_set_get_relation_labels (get_labels (self));
  const char *relation_name = display_name (relation_labels, gloss_relation_get_label (relation));
  g_autofree char *text = dup_short_text (other);
  g_autofree char *title = outgoing ? g_strdup (relation_name) : g_strdup_printf (_("%s of"), relation_name);
  g_autofree char *go = g_strdup_printf (_("Go to %s: %s"), title, text);
  g_autofree char *unlink = g_strdup_printf (_("Remove the link “%s” (the span stays)"), title);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *jump = new_button ("go-next-symbolic", "doc.select-span", gloss_span_get_id (other), go);
  GtkWidget *remove = new_button ("list-remove-symbolic", "doc.remove-relation", gloss_relation_get_id (relation), unlink);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), jump);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), jump);
  g_object_set_data (G_OBJECT (jump), "gloss-relation", GUINT_TO_POINTER (gloss_relation_get_id (relation) + 1));
  g_object_set_data (G_OBJECT (remove), "gloss-relation", GUINT_TO_POINTER (gloss_relation_get_id (relation) + 1));
  g_object_set_data (G_OBJECT (remove), "gloss-remove", GINT_TO_POINTER (TRUE));
  gtk_list_box_append (self->roles_list, row);
}

/* A role the span can have and has not: how to give it */
static void
add_missing_row (GlossSpanCard *self,
                 GlossLabel    *relation_label)
{
  GlossLabelSet *labels = get_labels (self);
  const char * const *to = gloss_label_get_to (relation_label);
  GlossLabel *target = gloss_label_set_lookup (labels, to[0]);
  const char *key = target ? gloss_label_get_key (target) : NULL;
  g_autofree char *hint = NULL;
  GtkWidget *row = adw_action_row_new ();

  if (key != NULL && key[0] != '\0')
    {
      g_autofree char *upper = g_utf8_strup (key, -1);

      hint = g_strdup_printf (_("Not linked: select it and press %s"), upper);
    }
  else
    hint = g_strdup (_("Not linked"));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gloss_label_get_display_name (relation_label));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), hint);
  gtk_widget_add_css_class (row, "dim-label");
  gtk_list_box_append (self->roles_list, row);
}

static void
rebuild_roles (GlossSpanCard *self,
               GlossSpan     *span)
{
  GlossLabelSet *relation_labels = gloss_label_set_get_relation_labels (get_labels (self));
  guint id = gloss_span_get_id (span);
  g_autoptr(GPtrArray) outgoing = gloss_document_dup_relations_from (self->document, id);
  g_autoptr(GPtrArray) incoming = gloss_document_dup_relations_to (self->document, id);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->roles_list))))
    gtk_list_box_remove (self->roles_list, child);

  /* Each relation label that can start here: its links, or how to make one */
  for (guint i = 0; i < gloss_label_set_get_n_labels (relation_labels); i++)
    {
      GlossLabel *relation_label = gloss_label_set_get_label (relation_labels, i);
      gboolean any = FALSE;

      for (guint j = 0; j < outgoing->len; j++)
        {
          GlossRelation *relation = g_ptr_array_index (outgoing, j);
          GlossSpan *to = gloss_document_lookup_span (self->document, gloss_relation_get_to (relation));

          if (to != NULL && g_strcmp0 (gloss_relation_get_label (relation), gloss_label_get_id (relation_label)) == 0)
            {
              add_role_row (self, relation, to, TRUE);
              any = TRUE;
            }
        }

      if (!any && g_strv_contains (gloss_label_get_from (relation_label), gloss_span_get_label (span)) &&
          !gloss_document_get_read_only (self->document))
        add_missing_row (self, relation_label);
    }

  for (guint i = 0; i < incoming->len; i++)
    {
      GlossRelation *relation = g_ptr_array_index (incoming, i);
      GlossSpan *from = gloss_document_lookup_span (self->document, gloss_relation_get_from (relation));

      if (from != NULL)
        add_role_row (self, relation, from, FALSE);
    }

  child = gtk_widget_get_first_child (GTK_WIDGET (self->roles_list));
  gtk_widget_set_visible (self->roles_heading, child != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->roles_list), child != NULL);
}

/* The card's line and what a screen reader hears: a few strings, so
 * they follow at once even while the card is not on screen */
static void
update_description (GlossSpanCard *self)
{
  GlossSpan *span = get_span (self);
  g_autofree char *title = NULL;

  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->description, g_free);
  if (span == NULL)
    return;

  title = gloss_span_card_dup_title (self->document, span);
  self->summary = dup_summary (self, span);
  self->description = g_strdup_printf ("%s: %s", title, self->summary);
}

static void
update (GlossSpanCard *self)
{
  GlossSpan *span = get_span (self);
  GlossLabel *label;
  g_autofree char *title = NULL;
  g_autofree char *markup = NULL;
  g_autofree char *text = NULL;

  self->stale = FALSE;
  update_description (self);
  if (span == NULL)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
      return;
    }

  self->updating = TRUE;

  label = gloss_label_set_lookup (get_labels (self), gloss_span_get_label (span));
  title = gloss_span_card_dup_title (self->document, span);
  markup = g_markup_printf_escaped ("<span foreground=\"%s\">●</span>  %s",
                                    label ? gloss_label_get_color (label) : "#9a9996", title);
  gtk_label_set_markup (self->title_label, markup);

  /* The whole text, when the line below has to shorten it */
  text = gloss_span_dup_text (span, " … ");
  gtk_label_set_text (self->text_label, text);
  {
    gboolean shortened;
    char *line = dup_text_line (span, SHORT_TEXT, &shortened);

    g_free (line);
    gtk_widget_set_visible (self->text_scroller, shortened);
  }

  gtk_label_set_text (self->summary_label, self->summary);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->summary_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->description,
                                  -1);

  rebuild_properties (self, span);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->note_row)), gloss_span_get_note (span)) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->note_row), gloss_span_get_note (span));
  gtk_widget_set_sensitive (GTK_WIDGET (self->properties_list), !gloss_document_get_read_only (self->document));

  rebuild_roles (self, span);

  self->updating = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

static void
cancel_update (GlossSpanCard *self)
{
  g_clear_handle_id (&self->update_id, g_source_remove);
  if (self->paint_clock == NULL)
    return;

  if (g_signal_handler_is_connected (self->paint_clock, self->after_paint_id))
    g_signal_handler_disconnect (self->paint_clock, self->after_paint_id);
  self->after_paint_id = 0;
  g_clear_object (&self->paint_clock);
}

static gboolean
update_cb (gpointer user_data)
{
  GlossSpanCard *self = user_data;

  self->update_id = 0;
  cancel_update (self);
  update (self);

  return G_SOURCE_REMOVE;
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   GlossSpanCard *self)
{
  /* Once the frame is out, not while it is being finished */
  g_clear_signal_handler (&self->after_paint_id, self->paint_clock);
  if (self->update_id == 0)
    self->update_id = g_idle_add_full (GDK_PRIORITY_REDRAW + 2, update_cb, self, NULL);
}

/* The article shows a change first; the card, with its many widgets to
 * lay out, follows a frame later */
static void
update_after_frame (GlossSpanCard *self)
{
  GdkFrameClock *clock;

  if (self->paint_clock != NULL)
    return;

  clock = gtk_widget_get_mapped (GTK_WIDGET (self)) ? gtk_widget_get_frame_clock (GTK_WIDGET (self)) : NULL;
  if (clock == NULL)
    {
      /* Not on screen (the sidebar's other page, or a hidden sidebar):
       * what a screen reader hears now, the widgets once it is shown */
      update_description (self);
      self->stale = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
      return;
    }

  self->paint_clock = g_object_ref (clock);
  self->after_paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), self);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
}

/**
 * gloss_span_card_set_span:
 * @document: (nullable): the document of the span
 * @id: the span's id
 *
 * Shows a span; called again when the span or its links may have changed.
 * The card follows after the next frame; when it is not on screen, its
 * description follows at once and its widgets once it is shown.
 */
void
gloss_span_card_set_span (GlossSpanCard *self,
                          GlossDocument *document,
                          guint          id)
{
  g_return_if_fail (GLOSS_IS_SPAN_CARD (self));

  /* A note being typed belongs to the span it was typed for */
  if (self->id != id || self->document != document)
    gloss_span_card_commit_note (self);

  g_set_object (&self->document, document);
  self->id = id;
  update_after_frame (self);
}

/**
 * gloss_span_card_is_pending:
 *
 * Returns: whether the card is still to follow a change
 */
gboolean
gloss_span_card_is_pending (GlossSpanCard *self)
{
  g_return_val_if_fail (GLOSS_IS_SPAN_CARD (self), FALSE);

  return self->paint_clock != NULL || self->update_id != 0;
}

guint
gloss_span_card_get_span (GlossSpanCard *self)
{
  g_return_val_if_fail (GLOSS_IS_SPAN_CARD (self), NO_SPAN);

  return self->id;
}

/**
 * gloss_span_card_get_summary:
 *
 * Returns: (nullable): the line that says who said it, as shown and
 *   announced
 */
const char *
gloss_span_card_get_summary (GlossSpanCard *self)
{
  g_return_val_if_fail (GLOSS_IS_SPAN_CARD (self), NULL);

  return self->summary;
}

/**
 * gloss_span_card_get_description:
 *
 * Returns: (nullable): what a screen reader hears of the span: its label,
 *   number, text, links and attributes
 */
const char *
gloss_span_card_get_description (GlossSpanCard *self)
{
  g_return_val_if_fail (GLOSS_IS_SPAN_CARD (self), NULL);

  return self->description;
}

const char *
gloss_span_card_get_text (GlossSpanCard *self)
{
  g_return_val_if_fail (GLOSS_IS_SPAN_CARD (self), NULL);

  return gtk_label_get_text (self->text_label);
}

static void
apply_note (GlossSpanCard *self)
{
  GlossSpan *span = get_span (self);
  const char *note = gtk_editable_get_text (GTK_EDITABLE (self->note_row));

  if (self->updating || span == NULL || g_strcmp0 (note, gloss_span_get_note (span)) == 0)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "doc.set-span-note", "(us)", self->id, note);
}

static void
on_note_activated_cb (AdwEntryRow   *row,
                      GlossSpanCard *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  apply_note (self);
  /* Back to tagging */
  if (root != NULL)
    gtk_root_set_focus (root, NULL);
}

static void
on_note_focus_leave_cb (GtkEventControllerFocus *controller,
                        GlossSpanCard           *self)
{
  apply_note (self);
}

static gboolean
on_note_key_pressed_cb (GtkEventControllerKey *controller,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        GlossSpanCard         *self)
{
  GlossSpan *span = get_span (self);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (keyval != GDK_KEY_Escape)
    return FALSE;

  /* Escape drops the change and gives the keys back to tagging */
  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), span ? gloss_span_get_note (span) : "");
  self->updating = FALSE;
  if (root != NULL)
    gtk_root_set_focus (root, NULL);

  return TRUE;
}

void
gloss_span_card_focus_note (GlossSpanCard *self)
{
  g_return_if_fail (GLOSS_IS_SPAN_CARD (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->note_row));
}

/**
 * gloss_span_card_commit_note:
 *
 * Keeps a note being typed, before another span is shown.
 */
void
gloss_span_card_commit_note (GlossSpanCard *self)
{
  GtkRoot *root;
  GtkWidget *focus;

  g_return_if_fail (GLOSS_IS_SPAN_CARD (self));

  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root ? gtk_root_get_focus (root) : NULL;
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->note_row)))
    apply_note (self);
}

GtkWidget *
gloss_span_card_get_note_row (GlossSpanCard *self)
{
  g_return_val_if_fail (GLOSS_IS_SPAN_CARD (self), NULL);

  return GTK_WIDGET (self->note_row);
}

/**
 * gloss_span_card_get_attribute_row:
 * @name: an attribute's name, or %NULL for the label's row
 *
 * Returns: (transfer none) (nullable): the drop-down row, an #AdwComboRow
 */
GtkWidget *
gloss_span_card_get_attribute_row (GlossSpanCard *self,
                                   const char    *name)
{
  g_return_val_if_fail (GLOSS_IS_SPAN_CARD (self), NULL);

  for (guint i = 0; i < self->property_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->property_rows, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "gloss-attribute"), name) == 0)
        return row;
    }

  return NULL;
}

static GtkWidget *
find_button (GtkWidget *widget,
             guint      relation,
             gboolean   remove)
{
  if (GTK_IS_BUTTON (widget) &&
      GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "gloss-relation")) == relation + 1 &&
      (g_object_get_data (G_OBJECT (widget), "gloss-remove") != NULL) == remove)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, relation, remove);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/**
 * gloss_span_card_get_role_button:
 * @relation: a relation's id
 * @remove: the button that removes the link, not the one that goes to
 *   the span
 *
 * Returns: (transfer none) (nullable): the button
 */
GtkWidget *
gloss_span_card_get_role_button (GlossSpanCard *self,
                                 guint          relation,
                                 gboolean       remove)
{
  g_return_val_if_fail (GLOSS_IS_SPAN_CARD (self), NULL);

  return find_button (GTK_WIDGET (self->roles_list), relation, remove);
}

static void
gloss_span_card_dispose (GObject *object)
{
  GlossSpanCard *self = (GlossSpanCard *)object;

  g_clear_object (&self->document);
  g_clear_handle_id (&self->pending_id, g_source_remove);
  cancel_update (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_SPAN_CARD);

  G_OBJECT_CLASS (gloss_span_card_parent_class)->dispose (object);
}

static void
gloss_span_card_finalize (GObject *object)
{
  GlossSpanCard *self = (GlossSpanCard *)object;

  g_clear_pointer (&self->property_rows, g_ptr_array_unref);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->rows_for, g_free);
  g_clear_pointer (&self->pending_action, g_free);
  g_clear_pointer (&self->pending_target, g_variant_unref);

  G_OBJECT_CLASS (gloss_span_card_parent_class)->finalize (object);
}

static void
gloss_span_card_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  GlossSpanCard *self = GLOSS_SPAN_CARD (object);

  switch (prop_id)
    {
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_span_card_map (GtkWidget *widget)
{
  GlossSpanCard *self = GLOSS_SPAN_CARD (widget);

  GTK_WIDGET_CLASS (gloss_span_card_parent_class)->map (widget);

  /* Shown again: the widgets catch up, a frame later */
  if (self->stale)
    update_after_frame (self);
}

static void
gloss_span_card_class_init (GlossSpanCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_span_card_dispose;
  object_class->finalize = gloss_span_card_finalize;
  object_class->get_property = gloss_span_card_get_property;
  widget_class->map = gloss_span_card_map;

  /**
   * GlossSpanCard:description:
   *
   * What a screen reader hears of the span shown: its label, number,
   * text, links and attributes; %NULL without a span.
   */
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/gloss-span-card.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossSpanCard, box);
  gtk_widget_class_bind_template_child (widget_class, GlossSpanCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, GlossSpanCard, text_scroller);
  gtk_widget_class_bind_template_child (widget_class, GlossSpanCard, text_label);
  gtk_widget_class_bind_template_child (widget_class, GlossSpanCard, summary_label);
  gtk_widget_class_bind_template_child (widget_class, GlossSpanCard, properties_list);
  gtk_widget_class_bind_template_child (widget_class, GlossSpanCard, note_row);
  gtk_widget_class_bind_template_child (widget_class, GlossSpanCard, roles_heading);
  gtk_widget_class_bind_template_child (widget_class, GlossSpanCard, roles_list);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "glossspancard");
}

static void
gloss_span_card_init (GlossSpanCard *self)
{
  GtkEventController *focus;
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->id = NO_SPAN;
  self->property_rows = g_ptr_array_new ();

  g_signal_connect (self->note_row, "entry-activated", G_CALLBACK (on_note_activated_cb), self);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (on_note_focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->note_row), focus);
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_note_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->note_row), keys);
}
