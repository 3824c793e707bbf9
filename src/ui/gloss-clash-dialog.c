/* gloss-clash-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-clash-dialog.h"
#include "gloss-document.h"
#include "gloss-history.h"
#include "gloss-json.h"
#include "gloss-label-set.h"
#include "gloss-label.h"
#include "gloss-merge.h"
#include "gloss-sentence.h"
#include "gloss-span.h"
#include "gloss-text.h"

/* The clashes a merge left in the open document (gloss merge, when git
 * stops a merge): a list, and for the one selected both versions side by
 * side as a person reads them, with "Keep Ours", "Take Theirs" and
 * "Edit…". Git's "ours" is the branch merged into, the one checked out;
 * "theirs" the branch merged in: the headings say both. A dialog window
 * rather than a sidebar page, because the two versions need the width,
 * and the article stays in view beside it, following the clash chosen
 * (::selected). Each choice is one step of the document's history and is
 * saved by the window's autosave like any change. */

struct _GlossClashDialog
{
  AdwWindow       parent_instance;

  GlossDocument  *document;
  guint           n_rows;
  GPtrArray      *shown;          /* what each row is ("kind id key"), to find a clash undo brought back */
  int             last_selected;  /* the row selected last, kept over a rebuild */
  guint           close_id;       /* closes it once none is left */
  guint           editing : 1;
  guint           rebuilding : 1;

  AdwWindowTitle *window_title;
  GtkListBox     *list;
  GtkLabel       *what_label;
  GtkLabel       *hint_label;
  GtkWidget      *edit_box;
  GtkLabel       *ours_label;
  GtkLabel       *theirs_label;
  GtkWidget      *ours_button;
  GtkWidget      *theirs_button;
  GtkWidget      *edit_button;
  GtkLabel       *edit_label;
  GtkTextView    *edit_view;
  GtkLabel       *error_label;
};

G_DEFINE_FINAL_TYPE (GlossClashDialog, gloss_clash_dialog, ADW_TYPE_WINDOW)

enum {
  SELECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Reading a version ------------------------------------------------------ */

typedef struct
{
  const char *name;   /* translated */
  char       *value;
} Field;

static void
field_free (Field *field)
{
  g_free (field->value);
  g_free (field);
}

static void
add_field (GPtrArray  *fields,
           const char *name,
           char       *value)   /* (transfer full) */
{
  Field *field = g_new0 (Field, 1);

  field->name = name;
  field->value = value;
  g_ptr_array_add (fields, field);
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static gint64
member_int (JsonObject *object,
            const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return -1;

  return json_node_get_int (node);
}

static char *
quoted (const char *text)
{
  /* TRANSLATORS: a text quoted from the article */
  return g_strdup_printf (_("“%s”"), text);
}

static char *
text_or_none (const char *text)
{
  if (text == NULL || text[0] == '\0')
    return g_strdup (_("none"));

  return g_strdup (text);
}

/* A time as people write it, in UTC as the file has it */
static char *
when (const char *iso8601)
{
  g_autoptr(GDateTime) time = iso8601 ? g_date_time_new_from_iso8601 (iso8601, NULL) : NULL;
  g_autoptr(GDateTime) utc = time ? g_date_time_to_utc (time) : NULL;

  if (utc == NULL)
    return text_or_none (iso8601);

  /* TRANSLATORS: a time of a change, in UTC; see g_date_time_format() */
  return g_date_time_format (utc, _("%Y-%m-%d %H:%M UTC"));
}

static void
add_common (GPtrArray  *fields,
            JsonObject *object)
{
  const char *origin = member_string (object, "origin");
  JsonNode *review = json_object_get_member (object, "review");

  add_field (fields, _("Note"), text_or_none (member_string (object, "note")));
  add_field (fields, _("Annotator"), text_or_none (member_string (object, "annotator")));
  add_field (fields, _("Changed"), when (member_string (object, "modified")));
  if (origin != NULL)
    add_field (fields, _("Origin"), g_strdup (g_strcmp0 (origin, "suggested") == 0 ? _("accepted from a suggestion") : origin));
  if (review != NULL && JSON_NODE_HOLDS_VALUE (review) && json_node_get_value_type (review) == G_TYPE_BOOLEAN &&
      json_node_get_boolean (review))
    add_field (fields, _("Review"), g_strdup (_("to be checked")));
}

static GlossLabel *
lookup_label (GlossDocument *document,
              const char    *id,
              gboolean       relation)
{
  GlossLabelSet *set = gloss_document_get_labels (document);

  if (id == NULL)
    return NULL;
  if (relation)
    set = gloss_label_set_get_relation_labels (set);

  return gloss_label_set_lookup (set, id);
}

static char *
label_name (GlossDocument *document,
            const char    *id,
            gboolean       relation)
{
  GlossLabel *label = lookup_label (document, id, relation);

  if (label == NULL)
    return g_strdup (id ? id : "");

  return g_strdup (gloss_label_get_display_name (label));
}

static char *
span_reference (GlossDocument *document,
                gint64         id)
{
  GlossSpan *span = id >= 0 ? gloss_document_lookup_span (document, (guint)id) : NULL;
  g_autoptr(GString) texts = NULL;

  if (span == NULL)
    return g_strdup_printf (_("span %u"), (guint)MAX (id, 0));

  texts = g_string_new (NULL);
  for (guint i = 0; i < gloss_span_get_n_parts (span); i++)
    {
      if (i > 0)
        g_string_append (texts, " … ");
      g_string_append (texts, gloss_span_get_part_text (span, i));
    }

  /* TRANSLATORS: span 4 “Anna Schmidt”, in a relation */
  return g_strdup_printf (_("span %u “%s”"), (guint)id, texts->str);
}

static char *
sentence_text (GlossDocument *document,
               gint64         start,
               gint64         end)
{
  GlossText *text = gloss_document_get_text (document);
  g_autofree char *slice = NULL;

  if (text == NULL || start < 0 || end <= start || end > gloss_text_get_length (text))
    return g_strdup (_("outside the text"));

  slice = gloss_text_dup_slice (text, start, end);

  return quoted (slice);
}

static void
span_fields (GlossDocument *document,
             JsonObject    *object,
             GPtrArray     *fields)
{
  const char *label_id = member_string (object, "label");
  GlossLabel *label = lookup_label (document, label_id, FALSE);
  JsonNode *texts = json_object_get_member (object, "text");
  JsonNode *parts = json_object_get_member (object, "parts");
  JsonNode *attributes = json_object_get_member (object, "attributes");
  GString *out = g_string_new (NULL);

  add_field (fields, _("Label"), label_name (document, label_id, FALSE));

  if (texts != NULL && JSON_NODE_HOLDS_ARRAY (texts))
    {
      JsonArray *array = json_node_get_array (texts);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          g_autofree char *text = NULL;

          if (json_node_get_value_type (element) != G_TYPE_STRING)
            continue;
          text = quoted (json_node_get_string (element));
          if (out->len > 0)
            g_string_append (out, " … ");
          g_string_append (out, text);
        }
    }
  add_field (fields, _("Text"), g_string_free (g_steal_pointer (&out), FALSE));

  out = g_string_new (NULL);
  if (parts != NULL && JSON_NODE_HOLDS_ARRAY (parts))
    {
      JsonArray *array = json_node_get_array (parts);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          JsonArray *part;

          if (!JSON_NODE_HOLDS_ARRAY (element) || json_array_get_length (json_node_get_array (element)) != 2)
            continue;
          part = json_node_get_array (element);
          if (out->len > 0)
            g_string_append (out, ", ");
          g_string_append_printf (out, "%" G_GINT64_FORMAT "–%" G_GINT64_FORMAT,
                                  json_array_get_int_element (part, 0), json_array_get_int_element (part, 1));
        }
    }
  add_field (fields, _("Characters"), g_string_free (g_steal_pointer (&out), FALSE));

  out = g_string_new (NULL);
  if (attributes != NULL && JSON_NODE_HOLDS_OBJECT (attributes))
    {
      JsonObject *map = json_node_get_object (attributes);
      g_autoptr(GList) names = json_object_get_members (map);

      for (GList *l = names; l != NULL; l = l->next)
        {
          const char *name = l->data;
          const char *value = member_string (map, name);

          if (value == NULL)
            continue;
          if (out->len > 0)
            g_string_append (out, ", ");
          g_string_append_printf (out, "%s: %s",
                                  label ? gloss_label_get_attribute_display (label, name) : name,
                                  label ? gloss_label_get_attribute_display (label, value) : value);
        }
    }
  if (out->len == 0)
    g_string_append (out, _("none"));
  add_field (fields, _("Attributes"), g_string_free (g_steal_pointer (&out), FALSE));

  add_common (fields, object);
}

static void
relation_fields (GlossDocument *document,
                 JsonObject    *object,
                 GPtrArray     *fields)
{
  add_field (fields, _("Label"), label_name (document, member_string (object, "label"), TRUE));
  add_field (fields, _("From"), span_reference (document, member_int (object, "from")));
  add_field (fields, _("To"), span_reference (document, member_int (object, "to")));
  add_common (fields, object);
}

static void
annotation_fields (GlossDocument *document,
                   JsonObject    *object,
                   GPtrArray     *fields)
{
  const char *text = member_string (object, "text");

  add_field (fields, _("Label"), label_name (document, member_string (object, "label"), FALSE));
  add_field (fields, _("Sentence"), text ? quoted (text) : g_strdup (_("none")));
  add_common (fields, object);
}

static char *
strv_member (JsonObject *object,
             const char *name)
{
  JsonNode *node = json_object_get_member (object, name);
  GString *out = g_string_new (NULL);

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (json_node_get_value_type (element) != G_TYPE_STRING)
            continue;
          if (out->len > 0)
            g_string_append (out, ", ");
          g_string_append (out, json_node_get_string (element));
        }
    }
  if (out->len == 0)
    g_string_append (out, _("none"));

  return g_string_free (out, FALSE);
}

static void
label_fields (JsonObject *object,
              gboolean    relation,
              GPtrArray  *fields)
{
  JsonNode *attributes = json_object_get_member (object, "attributes");
  const char *scope = member_string (object, "scope");

  add_field (fields, _("Name"), text_or_none (member_string (object, "name")));
  add_field (fields, _("Key"), text_or_none (member_string (object, "key")));
  add_field (fields, _("Colour"), text_or_none (member_string (object, "color")));
  add_field (fields, _("Description"), text_or_none (member_string (object, "description")));
  if (relation)
    {
      add_field (fields, _("From"), strv_member (object, "from"));
      add_field (fields, _("To"), strv_member (object, "to"));
      return;
    }

  add_field (fields, _("Labels"), g_strdup (g_strcmp0 (scope, "span") == 0 ? _("spans") : _("sentences")));
  if (attributes != NULL && JSON_NODE_HOLDS_ARRAY (attributes))
    {
      JsonArray *array = json_node_get_array (attributes);
      GString *out = g_string_new (NULL);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          g_autofree char *values = NULL;

          if (!JSON_NODE_HOLDS_OBJECT (element))
            continue;
          values = strv_member (json_node_get_object (element), "values");
          if (out->len > 0)
            g_string_append (out, "; ");
          g_string_append_printf (out, "%s: %s", member_string (json_node_get_object (element), "name"), values);
        }
      add_field (fields, _("Attributes"), g_string_free (out, FALSE));
    }
}

/* The fields of one version, as a person reads them; NULL where it was
 * deleted */
static GPtrArray *
version_fields (GlossDocument            *document,
                const GlossMergeConflict *conflict,
                const char               *json)
{
  g_autoptr(JsonNode) node = NULL;
  GPtrArray *fields;
  JsonObject *object;

  if (json == NULL)
    return NULL;

  fields = g_ptr_array_new_with_free_func ((GDestroyNotify)field_free);
  node = gloss_json_parse (json, strlen (json), NULL);
  if (node == NULL)
    {
      add_field (fields, _("Value"), g_strdup (json));
      return fields;
    }

  if (conflict->kind == GLOSS_MERGE_CONFLICT_NOTE && JSON_NODE_HOLDS_VALUE (node) &&
      json_node_get_value_type (node) == G_TYPE_STRING)
    {
      add_field (fields, _("Note"), text_or_none (json_node_get_string (node)));
      return fields;
    }

  if (conflict->kind == GLOSS_MERGE_CONFLICT_META || !JSON_NODE_HOLDS_OBJECT (node))
    {
      add_field (fields, _("Value"), g_strdup (json));
      return fields;
    }

  object = json_node_get_object (node);
  switch (conflict->kind)
    {
    case GLOSS_MERGE_CONFLICT_TEXT:
      {
        JsonNode *text = json_object_get_member (object, "text");
        JsonObject *text_object = text && JSON_NODE_HOLDS_OBJECT (text) ? json_node_get_object (text) : NULL;

        add_field (fields, _("Text file"), text_or_none (member_string (text_object, "file")));
        add_field (fields, _("SHA-256"), text_or_none (member_string (text_object, "sha256")));
      }
      break;
    case GLOSS_MERGE_CONFLICT_LABEL:
      label_fields (object, FALSE, fields);
      break;
    case GLOSS_MERGE_CONFLICT_RELATION_LABEL:
      label_fields (object, TRUE, fields);
      break;
    case GLOSS_MERGE_CONFLICT_SENTENCE:
      {
        gint64 start = member_int (object, "start");
        gint64 end = member_int (object, "end");

        add_field (fields, _("Characters"), g_strdup_printf ("%" G_GINT64_FORMAT "–%" G_GINT64_FORMAT, start, end));
        add_field (fields, _("Text"), sentence_text (document, start, end));
      }
      break;
    case GLOSS_MERGE_CONFLICT_ANNOTATION:
      annotation_fields (document, object, fields);
      break;
    case GLOSS_MERGE_CONFLICT_SPAN:
      span_fields (document, object, fields);
      break;
    case GLOSS_MERGE_CONFLICT_RELATION:
      relation_fields (document, object, fields);
      break;
    default:
      add_field (fields, _("Value"), g_strdup (json));
      break;
    }

  return fields;
}

static const char *
find_value (GPtrArray  *fields,
            const char *name)
{
  for (guint i = 0; fields != NULL && i < fields->len; i++)
    {
      Field *field = g_ptr_array_index (fields, i);

      if (g_str_equal (field->name, name))
        return field->value;
    }

  return NULL;
}

/* One version as markup: a field a line, those that differ from the
 * other version in bold (the text says it; the colour does not have to) */
static char *
version_markup (GPtrArray  *fields,
                GPtrArray  *other,
                const char *deleted)
{
  GString *out = g_string_new (NULL);

  if (fields == NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (deleted, -1);

      g_string_append_printf (out, "<b>%s</b>", escaped);
      return g_string_free (out, FALSE);
    }

  for (guint i = 0; i < fields->len; i++)
    {
      Field *field = g_ptr_array_index (fields, i);
      g_autofree char *line = g_strdup_printf (_("%s: %s"), field->name, field->value);
      g_autofree char *escaped = g_markup_escape_text (line, -1);
      gboolean differs = other != NULL && g_strcmp0 (find_value (other, field->name), field->value) != 0;

      if (i > 0)
        g_string_append_c (out, '\n');
      g_string_append_printf (out, differs ? "<b>%s</b>" : "%s", escaped);
    }

  return g_string_free (out, FALSE);
}

/* What a clash concerns -------------------------------------------------- */

static const char *
version_label (const GlossMergeConflict *conflict)
{
  return conflict->ours != NULL ? conflict->ours : conflict->theirs;
}

/* A sentence as the window counts them (the sidebar's "Sentence 5 of 9"),
 * not by the id the file and gloss validate use */
static char *
sentence_name (GlossDocument *document,
               guint          id)
{
  GlossSentence *sentence = gloss_document_lookup_sentence (document, id);

  if (sentence == NULL)
    /* TRANSLATORS: a sentence that is only in the other branch's file */
    return g_strdup_printf (_("the sentence with id %u"), id);

  return g_strdup_printf (_("sentence %d"),
                          gloss_document_find_sentence_at (document, gloss_sentence_get_start (sentence)) + 1);
}

/**
 * gloss_clash_dialog_dup_title:
 * @index: a clash of @document
 *
 * Returns: (transfer full): what the clash concerns, as its row says it:
 *   “Note of sentence 4”, “Span 12 “Quote””, “Label “claim” of the set”
 */
char *
gloss_clash_dialog_dup_title (GlossDocument *document,
                              guint          index)
{
  const GlossMergeConflict *conflict = gloss_document_get_conflict (document, index);
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *name = NULL;
  const char *json = version_label (conflict);
  const char *label = NULL;

  if (json != NULL && (conflict->kind == GLOSS_MERGE_CONFLICT_SPAN || conflict->kind == GLOSS_MERGE_CONFLICT_RELATION))
    {
      node = gloss_json_parse (json, strlen (json), NULL);
      if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
        label = member_string (json_node_get_object (node), "label");
      name = label_name (document, label, conflict->kind == GLOSS_MERGE_CONFLICT_RELATION);
    }

  if (conflict->kind == GLOSS_MERGE_CONFLICT_SENTENCE || conflict->kind == GLOSS_MERGE_CONFLICT_ANNOTATION ||
      conflict->kind == GLOSS_MERGE_CONFLICT_NOTE)
    name = sentence_name (document, conflict->id);

  switch (conflict->kind)
    {
    case GLOSS_MERGE_CONFLICT_TEXT:
      return g_strdup (_("The text"));
    case GLOSS_MERGE_CONFLICT_LABEL:
      return g_strdup_printf (_("Label “%s” of the set"), conflict->key);
    case GLOSS_MERGE_CONFLICT_RELATION_LABEL:
      return g_strdup_printf (_("Relation label “%s” of the set"), conflict->key);
    case GLOSS_MERGE_CONFLICT_SENTENCE:
      /* TRANSLATORS: %s is “sentence 4” */
      return g_strdup_printf (_("Boundaries of %s"), name);
    case GLOSS_MERGE_CONFLICT_ANNOTATION:
      /* TRANSLATORS: the first %s is a label's id, the second “sentence 4” */
      return g_strdup_printf (_("Label “%s” of %s"), conflict->key, name);
    case GLOSS_MERGE_CONFLICT_NOTE:
      /* TRANSLATORS: %s is “sentence 4” */
      return g_strdup_printf (_("Note of %s"), name);
    case GLOSS_MERGE_CONFLICT_SPAN:
      return g_strdup_printf (_("Span %u “%s”"), conflict->id, name);
    case GLOSS_MERGE_CONFLICT_RELATION:
      return g_strdup_printf (_("Relation %u “%s”"), conflict->id, name);
    case GLOSS_MERGE_CONFLICT_META:
      return g_strdup_printf (_("“%s” in the metadata"), conflict->key);
    default:
      g_assert_not_reached ();
    }
}

static const char *
describe_sides (const GlossMergeConflict *conflict)
{
  if (conflict->ours == NULL)
    return _("Deleted on this branch, changed on the merged branch");
  if (conflict->theirs == NULL)
    return _("Changed on this branch, deleted on the merged branch");

  return _("Changed differently on both branches");
}

static gboolean
can_take_theirs (const GlossMergeConflict *conflict)
{
  /* The document holds our text; their annotations of another text are
   * merged after gloss reanchor */
  return conflict->kind != GLOSS_MERGE_CONFLICT_TEXT;
}

/* The view ---------------------------------------------------------------- */

static const GlossMergeConflict *
selected_conflict (GlossClashDialog *self)
{
  int index = gloss_clash_dialog_get_selected (self);

  if (index < 0)
    return NULL;

  return gloss_document_get_conflict (self->document, index);
}

static void
update_actions (GlossClashDialog *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  const GlossMergeConflict *conflict = selected_conflict (self);
  GlossHistory *history = gloss_document_get_history (self->document);
  gboolean edit = !gloss_document_get_read_only (self->document);
  gboolean choose = edit && conflict != NULL && !self->editing;

  gtk_widget_action_set_enabled (widget, "clash.keep-ours", choose);
  gtk_widget_action_set_enabled (widget, "clash.take-theirs", choose && can_take_theirs (conflict));
  gtk_widget_action_set_enabled (widget, "clash.edit", choose && can_take_theirs (conflict));
  gtk_widget_action_set_enabled (widget, "clash.take-edited", edit && conflict != NULL && self->editing);
  gtk_widget_action_set_enabled (widget, "clash.cancel-edit", self->editing);
  gtk_widget_action_set_enabled (widget, "clash.undo", edit && gloss_history_get_can_undo (history));
  gtk_widget_action_set_enabled (widget, "clash.redo", edit && gloss_history_get_can_redo (history));
}

static void
set_error (GlossClashDialog *self,
           const char       *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
show_selected (GlossClashDialog *self)
{
  const GlossMergeConflict *conflict = selected_conflict (self);
  g_autoptr(GPtrArray) ours = NULL;
  g_autoptr(GPtrArray) theirs = NULL;
  g_autofree char *title = NULL;
  g_autofree char *ours_markup = NULL;
  g_autofree char *theirs_markup = NULL;
  g_autofree char *what = NULL;

  if (conflict == NULL)
    {
      gtk_label_set_text (self->what_label, _("No clashes are left"));
      gtk_label_set_text (self->hint_label, "");
      gtk_label_set_text (self->ours_label, "");
      gtk_label_set_text (self->theirs_label, "");
      update_actions (self);
      return;
    }

  title = gloss_clash_dialog_dup_title (self->document, gloss_clash_dialog_get_selected (self));
  what = g_strdup_printf ("%s — %s", title, describe_sides (conflict));
  gtk_label_set_text (self->what_label, what);

  if (conflict->kind == GLOSS_MERGE_CONFLICT_SENTENCE)
    gtk_label_set_text (self->hint_label,
                        _("What differs is in bold. The merged branch’s boundaries are made by splitting and "
                          "merging sentences, as in the article, so the sentence may then have another number."));
  else if (conflict->kind == GLOSS_MERGE_CONFLICT_TEXT)
    gtk_label_set_text (self->hint_label,
                        _("The merged branch annotates another version of the text: keep ours here, and merge "
                          "theirs after “gloss reanchor”."));
  else
    gtk_label_set_text (self->hint_label, _("What differs is in bold."));

  ours = version_fields (self->document, conflict, conflict->ours);
  theirs = version_fields (self->document, conflict, conflict->theirs);
  ours_markup = version_markup (ours, theirs, _("Deleted on this branch"));
  theirs_markup = version_markup (theirs, ours, _("Deleted on the merged branch"));
  gtk_label_set_markup (self->ours_label, ours_markup);
  gtk_label_set_markup (self->theirs_label, theirs_markup);

  update_actions (self);
}

static GtkWidget *
make_row (GlossClashDialog *self,
          guint             index)
{
  const GlossMergeConflict *conflict = gloss_document_get_conflict (self->document, index);
  g_autofree char *title = gloss_clash_dialog_dup_title (self->document, index);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), describe_sides (conflict));
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, describe_sides (conflict), -1);

  return row;
}

static void
update_title (GlossClashDialog *self)
{
  guint n = gloss_document_get_n_conflicts (self->document);
  g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u clash left", "%u clashes left", n), n);

  adw_window_title_set_subtitle (self->window_title, subtitle);
}

static char *
identity (const GlossMergeConflict *conflict)
{
  return g_strdup_printf ("%d %u %s", conflict->kind, conflict->id, conflict->key ? conflict->key : "");
}

static void
rebuild (GlossClashDialog *self,
         int               select)
{
  guint n = gloss_document_get_n_conflicts (self->document);
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *child;
  GtkWidget *focus;
  gboolean refocus;

  /* A clash more than shown (an undo brought it back): that one */
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (shown, identity (gloss_document_get_conflict (self->document, i)));
  if (self->shown != NULL && n > self->shown->len)
    {
      for (select = 0; select < (int)self->shown->len; select++)
        if (!g_str_equal (g_ptr_array_index (shown, select), g_ptr_array_index (self->shown, select)))
          break;
    }
  g_clear_pointer (&self->shown, g_ptr_array_unref);
  self->shown = g_steal_pointer (&shown);

  /* The focus leaves the rows before they go, and comes back after */
  focus = gtk_root_get_focus (GTK_ROOT (self));
  refocus = focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list));
  if (refocus)
    gtk_window_set_focus (GTK_WINDOW (self), NULL);

  self->rebuilding = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  for (guint i = 0; i < n; i++)
    gtk_list_box_append (self->list, make_row (self, i));
  self->n_rows = n;
  self->rebuilding = FALSE;

  update_title (self);
  if (n > 0)
    gloss_clash_dialog_select (self, CLAMP (select, 0, (int)n - 1));
  else
    show_selected (self);
  if (refocus && gtk_list_box_get_selected_row (self->list) != NULL)
    gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (gtk_list_box_get_selected_row (self->list)));
}

static void
end_editing (GlossClashDialog *self)
{
  self->editing = FALSE;
  gtk_widget_set_visible (self->edit_box, FALSE);
  gtk_widget_set_visible (self->edit_button, TRUE);
}

static void
on_row_selected_cb (GtkListBox       *list,
                    GtkListBoxRow    *row,
                    GlossClashDialog *self)
{
  /* Rows go while the dialog is disposed, too */
  if (self->rebuilding || self->document == NULL)
    return;

  if (self->editing)
    end_editing (self);
  set_error (self, NULL);
  show_selected (self);
  if (row != NULL)
    self->last_selected = gtk_list_box_row_get_index (row);
  if (row != NULL)
    g_signal_emit (self, signals[SELECTED], 0, (guint)gtk_list_box_row_get_index (row));
}

static gboolean
close_idle_cb (gpointer data)
{
  GlossClashDialog *self = data;

  self->close_id = 0;
  gtk_window_close (GTK_WINDOW (self));

  return G_SOURCE_REMOVE;
}

static void
on_document_changed_cb (GlossDocument    *document,
                        GlossClashDialog *self)
{
  /* None left (a choice, a redo): the dialog goes, after the change */
  if (gloss_document_get_n_conflicts (document) == 0 && self->close_id == 0)
    self->close_id = g_idle_add (close_idle_cb, self);

  if (gloss_document_get_n_conflicts (document) != self->n_rows)
    rebuild (self, self->last_selected);
  else
    show_selected (self);
}

static void
on_history_notify_cb (GObject          *history,
                      GParamSpec       *pspec,
                      GlossClashDialog *self)
{
  update_actions (self);
}

/* Actions ------------------------------------------------------------------ */

static void
resolve (GlossClashDialog *self,
         GlossMergeChoice  choice,
         const char       *edited)
{
  g_autoptr(GError) error = NULL;
  int index = gloss_clash_dialog_get_selected (self);

  if (index < 0)
    return;

  if (!gloss_document_resolve_conflict (self->document, index, choice, edited, &error))
    {
      set_error (self, error->message);
      return;
    }

  set_error (self, NULL);
  if (self->editing)
    end_editing (self);
  /* The document's ::changed rebuilt the list, the next clash selected
   * where this one was (or closes the dialog after the last) */
  if (gloss_document_get_n_conflicts (self->document) == 0)
    return;
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_selected_row (self->list)));
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  GlossClashDialog *self = GLOSS_CLASH_DIALOG (widget);

  resolve (self, g_str_equal (action_name, "clash.keep-ours") ? GLOSS_MERGE_TAKE_OURS : GLOSS_MERGE_TAKE_THEIRS, NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  GlossClashDialog *self = GLOSS_CLASH_DIALOG (widget);
  const GlossMergeConflict *conflict = selected_conflict (self);
  const char *json;
  g_autofree char *text = NULL;

  if (conflict == NULL)
    return;

  /* Prefilled with ours, or theirs where ours deleted it */
  json = version_label (conflict);
  if (conflict->kind == GLOSS_MERGE_CONFLICT_NOTE)
    {
      g_autoptr(JsonNode) node = json ? gloss_json_parse (json, strlen (json), NULL) : NULL;

      if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        text = g_strdup (json_node_get_string (node));
      gtk_label_set_text_with_mnemonic (self->edit_label, _("_Note to keep:"));
    }
  else
    {
      g_autoptr(JsonNode) node = json ? gloss_json_parse (json, strlen (json), NULL) : NULL;

      /* An object a member a line; anything else as the file has it */
      if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
        {
          g_autoptr(JsonGenerator) generator = json_generator_new ();

          json_generator_set_root (generator, node);
          json_generator_set_pretty (generator, TRUE);
          json_generator_set_indent (generator, 2);
          text = json_generator_to_data (generator, NULL);
        }
      else
        text = g_strdup (json ? json : "null");
      gtk_label_set_text_with_mnemonic (self->edit_label,
                                        _("The _version to keep, as JSON in the file’s format (null deletes it):"));
    }

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->edit_view), text ? text : "", -1);
  gtk_text_view_set_monospace (self->edit_view, conflict->kind != GLOSS_MERGE_CONFLICT_NOTE);
  self->editing = TRUE;
  set_error (self, NULL);
  gtk_widget_set_visible (self->edit_box, TRUE);
  gtk_widget_set_visible (self->edit_button, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->edit_view));
  update_actions (self);
}

static void
take_edited_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  GlossClashDialog *self = GLOSS_CLASH_DIALOG (widget);
  const GlossMergeConflict *conflict = selected_conflict (self);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->edit_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (conflict == NULL || !self->editing)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  if (conflict->kind == GLOSS_MERGE_CONFLICT_NOTE)
    {
      g_autoptr(GString) json = g_string_new (NULL);

      gloss_json_append_string (json, text);
      resolve (self, GLOSS_MERGE_TAKE_EDITED, json->str);
    }
  else
    resolve (self, GLOSS_MERGE_TAKE_EDITED, text);
}

static void
cancel_edit_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  GlossClashDialog *self = GLOSS_CLASH_DIALOG (widget);

  end_editing (self);
  set_error (self, NULL);
  update_actions (self);
  gtk_widget_grab_focus (self->edit_button);
}

static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  GlossClashDialog *self = GLOSS_CLASH_DIALOG (widget);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  /* Through the window's own actions, so it follows an undo as ever */
  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent),
                                g_str_equal (action_name, "clash.undo") ? "doc.undo" : "doc.redo", NULL);
}

static gboolean
escape_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  GlossClashDialog *self = GLOSS_CLASH_DIALOG (widget);

  if (self->editing)
    cancel_edit_action (widget, "clash.cancel-edit", NULL);
  else
    gtk_window_close (GTK_WINDOW (self));

  return TRUE;
}

static gboolean
on_edit_key_pressed_cb (GtkEventControllerKey *controller,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        GlossClashDialog      *self)
{
  /* Ctrl+Enter takes the version; Enter alone is a new line of a note */
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) &&
      (state & gtk_accelerator_get_default_mod_mask ()) == GDK_CONTROL_MASK)
    return gtk_widget_activate_action (GTK_WIDGET (self), "clash.take-edited", NULL);

  return FALSE;
}

/* The type ------------------------------------------------------------------ */

static void
gloss_clash_dialog_dispose (GObject *object)
{
  GlossClashDialog *self = GLOSS_CLASH_DIALOG (object);

  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_signal_handlers_disconnect_by_data (gloss_document_get_history (self->document), self);
      g_clear_object (&self->document);
    }
  g_clear_pointer (&self->shown, g_ptr_array_unref);
  g_clear_handle_id (&self->close_id, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (object), GLOSS_TYPE_CLASH_DIALOG);

  G_OBJECT_CLASS (gloss_clash_dialog_parent_class)->dispose (object);
}

static void
gloss_clash_dialog_class_init (GlossClashDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_clash_dialog_dispose;

  /**
   * GlossClashDialog::selected:
   * @index: the clash
   *
   * A clash was selected: the window shows what it concerns.
   */
  signals[SELECTED] = g_signal_new ("selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                    NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/gloss-clash-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossClashDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, GlossClashDialog, list);
  gtk_widget_class_bind_template_child (widget_class, GlossClashDialog, what_label);
  gtk_widget_class_bind_template_child (widget_class, GlossClashDialog, hint_label);
  gtk_widget_class_bind_template_child (widget_class, GlossClashDialog, edit_box);
  gtk_widget_class_bind_template_child (widget_class, GlossClashDialog, ours_label);
  gtk_widget_class_bind_template_child (widget_class, GlossClashDialog, theirs_label);
  gtk_widget_class_bind_template_child (widget_class, GlossClashDialog, ours_button);
  gtk_widget_class_bind_template_child (widget_class, GlossClashDialog, theirs_button);
  gtk_widget_class_bind_template_child (widget_class, GlossClashDialog, edit_button);
  gtk_widget_class_bind_template_child (widget_class, GlossClashDialog, edit_label);
  gtk_widget_class_bind_template_child (widget_class, GlossClashDialog, edit_view);
  gtk_widget_class_bind_template_child (widget_class, GlossClashDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected_cb);

  gtk_widget_class_install_action (widget_class, "clash.keep-ours", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "clash.take-theirs", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "clash.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "clash.take-edited", NULL, take_edited_action);
  gtk_widget_class_install_action (widget_class, "clash.cancel-edit", NULL, cancel_edit_action);
  gtk_widget_class_install_action (widget_class, "clash.undo", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "clash.redo", NULL, history_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "clash.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "clash.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, GDK_CONTROL_MASK, "clash.redo", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_cb, NULL);
}

static void
gloss_clash_dialog_init (GlossClashDialog *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_edit_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->edit_view), keys);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->edit_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The version to keep"), -1);
}

/**
 * gloss_clash_dialog_new:
 * @parent: the window of @document, whose doc.undo and doc.redo the
 *   dialog's Ctrl+Z and Ctrl+Shift+Z activate
 * @document: a document with clashes
 */
GlossClashDialog *
gloss_clash_dialog_new (GtkWindow     *parent,
                        GlossDocument *document)
{
  GlossClashDialog *self;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (document), NULL);

  self = g_object_new (GLOSS_TYPE_CLASH_DIALOG, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  g_signal_connect (document, "changed", G_CALLBACK (on_document_changed_cb), self);
  g_signal_connect (gloss_document_get_history (document), "notify", G_CALLBACK (on_history_notify_cb), self);
  rebuild (self, 0);
  /* The keys start in the list: arrows move, Alt+O, Alt+T, Alt+E choose */
  if (gtk_list_box_get_selected_row (self->list) != NULL)
    gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (gtk_list_box_get_selected_row (self->list)));

  return self;
}

/**
 * gloss_clash_dialog_get_selected:
 *
 * Returns: the clash selected, or -1
 */
int
gloss_clash_dialog_get_selected (GlossClashDialog *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (GLOSS_IS_CLASH_DIALOG (self), -1);

  row = gtk_list_box_get_selected_row (self->list);
  if (row == NULL || self->document == NULL)
    return -1;
  if ((guint)gtk_list_box_row_get_index (row) >= gloss_document_get_n_conflicts (self->document))
    return -1;

  return gtk_list_box_row_get_index (row);
}

void
gloss_clash_dialog_select (GlossClashDialog *self,
                           guint             index)
{
  GtkListBoxRow *row;

  g_return_if_fail (GLOSS_IS_CLASH_DIALOG (self));

  row = gtk_list_box_get_row_at_index (self->list, index);
  if (row == NULL)
    return;

  if (row == gtk_list_box_get_selected_row (self->list))
    on_row_selected_cb (self->list, row, self);
  else
    gtk_list_box_select_row (self->list, row);
}

/**
 * gloss_clash_dialog_get_version:
 * @theirs: the merged branch's version, else this branch's
 *
 * Returns: (transfer none): the version shown, as text
 */
const char *
gloss_clash_dialog_get_version (GlossClashDialog *self,
                                gboolean          theirs)
{
  g_return_val_if_fail (GLOSS_IS_CLASH_DIALOG (self), NULL);

  return gtk_label_get_text (theirs ? self->theirs_label : self->ours_label);
}

/**
 * gloss_clash_dialog_get_error:
 *
 * Returns: (nullable): why the last choice could not be taken
 */
const char *
gloss_clash_dialog_get_error (GlossClashDialog *self)
{
  g_return_val_if_fail (GLOSS_IS_CLASH_DIALOG (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;

  return gtk_label_get_text (self->error_label);
}

gboolean
gloss_clash_dialog_get_editing (GlossClashDialog *self)
{
  g_return_val_if_fail (GLOSS_IS_CLASH_DIALOG (self), FALSE);

  return self->editing;
}

/**
 * gloss_clash_dialog_set_edit_text:
 *
 * Replaces what the editor holds, as typing would.
 */
void
gloss_clash_dialog_set_edit_text (GlossClashDialog *self,
                                  const char       *text)
{
  g_return_if_fail (GLOSS_IS_CLASH_DIALOG (self));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->edit_view), text, -1);
}
