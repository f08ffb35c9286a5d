/* hd-templates-page.c — the preferences page of answer templates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One group per topic, a row per template. A template is added or edited in a small dialog
 * whose Save stays disabled while a field is wrong (the reason shown under the field), so
 * nothing typed is lost to a refused save; a deleted one can be brought back from the toast.
 */
#define G_LOG_DOMAIN "hd-templates-page"

#include "config.h"

#include <glib/gi18n.h>

#include "hd-answer-template-store.h"
#include "hd-enums.h"
#include "hd-error.h"
#include "hd-templates-page.h"

struct _HdTemplatesPage
{
  AdwPreferencesPage    parent_instance;

  /* Borrowed */
  AdwPreferencesGroup  *groups[HD_N_TOPICS];
  GPtrArray            *rows[HD_N_TOPICS];   /* the rows in each group, to remove them */

  /* Owned */
  HdContext            *context;
};

G_DEFINE_FINAL_TYPE (HdTemplatesPage, hd_templates_page, ADW_TYPE_PREFERENCES_PAGE)

/* The editing dialog's widgets, kept on the dialog */
typedef struct {
  HdTemplatesPage *page;
  gint64           id;
  GtkDropDown     *topic;
  GtkEntry        *title;
  GtkTextView     *body;
  GtkLabel        *title_error;
  GtkLabel        *body_error;
} EditorData;

static void
editor_data_free (EditorData *data)
{
  g_clear_object (&data->page);
  g_free (data);
}

static HdDatabase *
get_db (HdTemplatesPage *self)
{
  return hd_context_get_database (self->context);
}

static void
show_toast (HdTemplatesPage *self,
            AdwToast        *toast)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
show_error (HdTemplatesPage *self,
            const GError    *error)
{
  show_toast (self, adw_toast_new (error->message));
}

/* The dialog */

static char *
text_view_get_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static HdAnswerTemplate *
editor_read (EditorData *data)
{
  g_autofree char *body = text_view_get_text (data->body);
  HdAnswerTemplate *answer = hd_answer_template_new ((int) gtk_drop_down_get_selected (data->topic),
                                                     gtk_editable_get_text (GTK_EDITABLE (data->title)),
                                                     body);

  answer->id = data->id;
  return answer;
}

static void
set_field_error (GtkWidget  *widget,
                 GtkLabel   *label,
                 const char *message)
{
  gtk_label_set_text (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  message != NULL ? message : "", -1);
}

/* Checks as the user types: the error under its field, Save enabled only when all is well.
 * An empty field is not called an error before anything was typed into it. */
static void
editor_validate (AdwMessageDialog *dialog)
{
  EditorData *data = g_object_get_data (G_OBJECT (dialog), "hd-editor");
  g_autoptr(HdAnswerTemplate) answer = editor_read (data);
  g_autoptr(GError) error = NULL;
  gboolean valid = hd_answer_template_validate (answer, &error);
  const char *field = error != NULL ? hd_error_get_field (error) : NULL;
  gboolean title_typed = g_object_get_data (G_OBJECT (data->title), "hd-typed") != NULL;
  gboolean body_typed = g_object_get_data (G_OBJECT (data->body), "hd-typed") != NULL;

  set_field_error (GTK_WIDGET (data->title), data->title_error,
                   g_strcmp0 (field, "title") == 0 && title_typed ? error->message : NULL);
  set_field_error (GTK_WIDGET (data->body), data->body_error,
                   g_strcmp0 (field, "body") == 0 && body_typed ? error->message : NULL);
  adw_message_dialog_set_response_enabled (dialog, "save", valid);
}

static void
title_changed_cb (AdwMessageDialog *dialog,
                  GtkEditable      *editable)
{
  g_object_set_data (G_OBJECT (editable), "hd-typed", GINT_TO_POINTER (TRUE));
  editor_validate (dialog);
}

static void
body_changed_cb (AdwMessageDialog *dialog,
                 GtkTextBuffer    *buffer)
{
  EditorData *data = g_object_get_data (G_OBJECT (dialog), "hd-editor");

  g_object_set_data (G_OBJECT (data->body), "hd-typed", GINT_TO_POINTER (TRUE));
  editor_validate (dialog);
}

static void
editor_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    gpointer          user_data)
{
  EditorData *data = g_object_get_data (G_OBJECT (dialog), "hd-editor");
  g_autoptr(HdAnswerTemplate) answer = NULL;
  g_autoptr(GError) error = NULL;
  gboolean saved;

  if (g_strcmp0 (response, "save") != 0)
    return;

  answer = editor_read (data);
  if (answer->id > 0)
    saved = hd_answer_template_store_update (get_db (data->page), answer, &error);
  else
    saved = hd_answer_template_store_create (get_db (data->page), answer, &error);
  if (!saved)
    show_error (data->page, error);
  hd_templates_page_reload (data->page);
}

static GtkWidget *
make_caption (const char *text,
              GtkWidget  *mnemonic_widget)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), mnemonic_widget);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (mnemonic_widget),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  return label;
}

static GtkLabel *
make_error_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_set_visible (label, FALSE);
  return GTK_LABEL (label);
}

static GtkWindow *
open_editor (HdTemplatesPage        *self,
             const HdAnswerTemplate *answer,
             int                     topic)
{
  g_autoptr(GtkStringList) topics = gtk_string_list_new (NULL);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  EditorData *data = g_new0 (EditorData, 1);
  GtkWidget *dialog, *box, *frame, *scrolled;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   answer != NULL ? _("Edit Answer Template") : _("New Answer Template"),
                                   NULL);
  data->page = g_object_ref (self);
  data->id = answer != NULL ? answer->id : 0;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  gtk_widget_set_size_request (box, 280, -1);

  for (guint i = 0; i < HD_N_TOPICS; i++)
    gtk_string_list_append (topics, hd_enum_label (HD_ENUM_TOPIC, i));
  data->topic = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&topics)), NULL));
  gtk_drop_down_set_selected (data->topic, answer != NULL ? (guint) answer->topic : (guint) MAX (topic, 0));
  gtk_box_append (GTK_BOX (box), make_caption (_("_Topic"), GTK_WIDGET (data->topic)));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (data->topic));

  data->title = GTK_ENTRY (gtk_entry_new ());
  gtk_editable_set_text (GTK_EDITABLE (data->title), answer != NULL ? answer->title : "");
  gtk_entry_set_placeholder_text (data->title, _("What the menu shows, e.g. How to enter final grades"));
  gtk_entry_set_activates_default (data->title, FALSE);
  {
    GtkWidget *caption = make_caption (_("T_itle"), GTK_WIDGET (data->title));

    gtk_widget_set_margin_top (caption, 9);
    gtk_box_append (GTK_BOX (box), caption);
  }
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (data->title));
  data->title_error = make_error_label ();
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (data->title_error));

  data->body = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (data->body, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (data->body, FALSE);
  gtk_text_view_set_top_margin (data->body, 6);
  gtk_text_view_set_bottom_margin (data->body, 6);
  gtk_text_view_set_left_margin (data->body, 6);
  gtk_text_view_set_right_margin (data->body, 6);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (data->body), answer != NULL ? answer->body : "", -1);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 160);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (data->body));
  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), scrolled);
  {
    GtkWidget *caption = make_caption (_("_Answer text"), GTK_WIDGET (data->body));

    gtk_widget_set_margin_top (caption, 9);
    gtk_box_append (GTK_BOX (box), caption);
  }
  gtk_box_append (GTK_BOX (box), frame);
  data->body_error = make_error_label ();
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (data->body_error));

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "hd-editor", data, (GDestroyNotify) editor_data_free);

  g_signal_connect_object (data->title, "changed", G_CALLBACK (title_changed_cb), dialog, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (data->body), "changed",
                           G_CALLBACK (body_changed_cb), dialog, G_CONNECT_SWAPPED);
  g_signal_connect_object (data->topic, "notify::selected", G_CALLBACK (editor_validate), dialog, G_CONNECT_SWAPPED);
  g_signal_connect (dialog, "response", G_CALLBACK (editor_response_cb), NULL);
  editor_validate (ADW_MESSAGE_DIALOG (dialog));

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (data->title));
  return GTK_WINDOW (dialog);
}

/* Rows */

static void
edit_clicked_cb (HdTemplatesPage *self,
                 GtkButton       *button)
{
  gint64 id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "hd-template-id"));

  hd_templates_page_edit (self, id, -1);
}

static void
add_clicked_cb (GtkButton       *button,
                HdTemplatesPage *self)
{
  int topic = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "hd-topic"));

  hd_templates_page_edit (self, 0, topic);
}

static void
undo_delete_cb (AdwToast         *toast,
                HdAnswerTemplate *answer)
{
  HdTemplatesPage *self = g_object_get_data (G_OBJECT (toast), "hd-page");
  g_autoptr(HdAnswerTemplate) copy = hd_answer_template_copy (answer);
  g_autoptr(GError) error = NULL;

  /* Back where it stood in its topic */
  if (!hd_answer_template_store_restore (get_db (self), copy, &error))
    show_error (self, error);
  hd_templates_page_reload (self);
}

static void
free_template_notify (gpointer  data,
                      GClosure *closure)
{
  hd_answer_template_free (data);
}

static void
delete_clicked_cb (GtkButton       *button,
                   HdTemplatesPage *self)
{
  gint64 id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "hd-template-id"));

  hd_templates_page_delete (self, id);
}

static GtkWidget *
make_row (HdTemplatesPage        *self,
          const HdAnswerTemplate *answer)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *edit, *delete;
  g_autofree char *title = g_markup_escape_text (answer->title, -1);
  g_autofree char *body = g_markup_escape_text (answer->body, -1);
  g_autofree char *delete_label = NULL;
  g_autofree char *edit_label = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), body);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  g_object_set_data (G_OBJECT (row), "hd-template-id", GSIZE_TO_POINTER ((gsize) answer->id));

  /* Translators: the accessible name of a button; %s is the title of an answer template */
  edit_label = g_strdup_printf (_("Edit “%s”"), answer->title);
  edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
  gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (edit, "flat");
  gtk_widget_set_tooltip_text (edit, _("Edit the template"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL, edit_label, -1);
  g_object_set_data (G_OBJECT (edit), "hd-template-id", GSIZE_TO_POINTER ((gsize) answer->id));
  g_signal_connect_object (edit, "clicked", G_CALLBACK (edit_clicked_cb), self, G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), edit);

  /* Translators: the accessible name of a button; %s is the title of an answer template */
  delete_label = g_strdup_printf (_("Delete “%s”"), answer->title);
  delete = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (delete, "flat");
  gtk_widget_set_tooltip_text (delete, _("Delete the template"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (delete), GTK_ACCESSIBLE_PROPERTY_LABEL, delete_label, -1);
  g_object_set_data (G_OBJECT (delete), "hd-template-id", GSIZE_TO_POINTER ((gsize) answer->id));
  g_signal_connect_object (delete, "clicked", G_CALLBACK (delete_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete);
  return row;
}

/* GObject */

static void
hd_templates_page_dispose (GObject *object)
{
  HdTemplatesPage *self = HD_TEMPLATES_PAGE (object);

  for (guint i = 0; i < HD_N_TOPICS; i++)
    g_clear_pointer (&self->rows[i], g_ptr_array_unref);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (hd_templates_page_parent_class)->dispose (object);
}

static void
hd_templates_page_class_init (HdTemplatesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hd_templates_page_dispose;
}

static void
hd_templates_page_init (HdTemplatesPage *self)
{
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (self), _("Answer Templates"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (self), "mail-reply-sender-symbolic");
  adw_preferences_page_set_name (ADW_PREFERENCES_PAGE (self), "templates");

  for (guint i = 0; i < HD_N_TOPICS; i++)
    {
      GtkWidget *group = adw_preferences_group_new ();
      GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");
      /* Translators: the accessible name of a button; %s is a topic, e.g. «Посещаемость» */
      g_autofree char *add_label = g_strdup_printf (_("Add a template for “%s”"),
                                                    hd_enum_label (HD_ENUM_TOPIC, i));

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), hd_enum_label (HD_ENUM_TOPIC, i));
      gtk_widget_add_css_class (add, "flat");
      gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (add, _("Add a template"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL, add_label, -1);
      g_object_set_data (G_OBJECT (add), "hd-topic", GINT_TO_POINTER (i));
      g_signal_connect_object (add, "clicked", G_CALLBACK (add_clicked_cb), self, 0);
      adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), add);
      self->groups[i] = ADW_PREFERENCES_GROUP (group);
      self->rows[i] = g_ptr_array_new ();
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), ADW_PREFERENCES_GROUP (group));
    }
}

/* Public API */

/**
 * hd_templates_page_new:
 *
 * Returns: (transfer floating): the page, listing the templates of @context's database
 */
GtkWidget *
hd_templates_page_new (HdContext *context)
{
  HdTemplatesPage *self;

  g_return_val_if_fail (HD_IS_CONTEXT (context), NULL);

  self = g_object_new (HD_TYPE_TEMPLATES_PAGE, NULL);
  self->context = g_object_ref (context);
  hd_templates_page_reload (self);
  return GTK_WIDGET (self);
}

void
hd_templates_page_reload (HdTemplatesPage *self)
{
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (HD_IS_TEMPLATES_PAGE (self));

  for (guint i = 0; i < HD_N_TOPICS; i++)
    {
      for (guint j = 0; j < self->rows[i]->len; j++)
        adw_preferences_group_remove (self->groups[i], g_ptr_array_index (self->rows[i], j));
      g_ptr_array_set_size (self->rows[i], 0);
    }

  if (get_db (self) == NULL)
    return;
  templates = hd_answer_template_store_list (get_db (self), -1, &error);
  if (templates == NULL)
    {
      show_error (self, error);
      return;
    }
  for (guint i = 0; i < templates->len; i++)
    {
      const HdAnswerTemplate *answer = g_ptr_array_index (templates, i);
      GtkWidget *row = make_row (self, answer);

      adw_preferences_group_add (self->groups[answer->topic], row);
      g_ptr_array_add (self->rows[answer->topic], row);
    }
  for (guint i = 0; i < HD_N_TOPICS; i++)
    adw_preferences_group_set_description (self->groups[i],
                                           self->rows[i]->len == 0 ? _("No templates yet.") : NULL);
}

/**
 * hd_templates_page_edit:
 * @id: a template, or 0 for a new one
 * @topic: the topic of a new one, or -1
 *
 * Opens the dialog that edits a template, as its row does.
 *
 * Returns: (transfer none) (nullable): the dialog, or %NULL when @id does not exist
 */
GtkWindow *
hd_templates_page_edit (HdTemplatesPage *self,
                        gint64           id,
                        int              topic)
{
  g_autoptr(HdAnswerTemplate) answer = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (HD_IS_TEMPLATES_PAGE (self), NULL);

  if (id > 0)
    {
      answer = hd_answer_template_store_get (get_db (self), id, &error);
      if (answer == NULL)
        {
          show_error (self, error);
          hd_templates_page_reload (self);
          return NULL;
        }
    }
  return open_editor (self, answer, topic);
}

/**
 * hd_templates_page_delete:
 *
 * Deletes a template, offering to undo it in a toast.
 *
 * Returns: whether it was deleted
 */
gboolean
hd_templates_page_delete (HdTemplatesPage *self,
                          gint64           id)
{
  g_autoptr(HdAnswerTemplate) answer = NULL;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  g_return_val_if_fail (HD_IS_TEMPLATES_PAGE (self), FALSE);

  answer = hd_answer_template_store_get (get_db (self), id, &error);
  if (answer == NULL || !hd_answer_template_store_delete (get_db (self), id, &error))
    {
      show_error (self, error);
      hd_templates_page_reload (self);
      return FALSE;
    }
  hd_templates_page_reload (self);

  /* Translators: a toast; %s is the title of an answer template */
  toast = adw_toast_new_format (_("Template “%s” deleted"), answer->title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "hd-page", g_object_ref (self), g_object_unref);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_delete_cb),
                         g_steal_pointer (&answer), free_template_notify, 0);
  show_toast (self, toast);
  return TRUE;
}

/**
 * hd_templates_page_get_n_rows:
 * @topic: an #HdTopic
 *
 * Returns: how many templates the page lists under @topic
 */
guint
hd_templates_page_get_n_rows (HdTemplatesPage *self,
                              int              topic)
{
  g_return_val_if_fail (HD_IS_TEMPLATES_PAGE (self), 0);
  g_return_val_if_fail (topic >= 0 && topic < HD_N_TOPICS, 0);
  return self->rows[topic]->len;
}
