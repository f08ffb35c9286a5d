/* hd-request-editor.c — the window to register a request or work on one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built for the telephone: the consultant types the requester's name (people are completed
 * from the database, or created on the spot), the channel, the topic and a summary, and saves
 * with Ctrl+S while the person is still on the line.
 *
 * The rules are the storage core's: hd_request_validate_all() runs while the status changes,
 * so the reason for a rejection, the vendor's ticket or the resolution is asked for before
 * saving, and every error is shown at its field. Nothing typed is ever cleared by a failed
 * save. The editor's state is the original request and the edited one (EditorState); whether
 * there are changes is hd_request_is_changed() on the two, a pure function of the core.
 */
#define G_LOG_DOMAIN "hd-request-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "hd-answer-template-store.h"
#include "hd-error.h"
#include "hd-person-store.h"
#include "hd-related-picker.h"
#include "hd-request-editor.h"
#include "hd-request-store.h"
#include "hd-text.h"

typedef enum {
  FIELD_ENTRY,
  FIELD_DROPDOWN,
  FIELD_TEXT,
} FieldType;

enum {
  F_REQUESTER,
  F_PERSON_KIND,
  F_PERSON_POSITION,
  F_PERSON_CLASS,
  F_PERSON_PHONE,
  F_PERSON_EMAIL,
  F_RECEIVED,
  F_CHANNEL,
  F_RELAYED_BY,
  F_CALLBACK_PHONE,
  F_TOPIC,
  F_SUMMARY,
  F_DESCRIPTION,
  F_ASSIGNEE,
  F_RELATED,
  F_STATUS,
  F_REJECTION_REASON,
  F_REJECTION_NOTE,
  F_VENDOR_TICKET,
  F_RESOLUTION,
  N_FIELDS
};

typedef struct {
  GtkWidget *box;      /* caption, widget and error label: hidden together */
  GtkWidget *widget;
  GtkWidget *error;
} Field;

/* Which field an error names: request fields by their column, person fields by theirs */
static const struct {
  const char *name;
  const char *alias;   /* another name that means the same field, or NULL */
  FieldType   type;
} field_info[N_FIELDS] = {
  [F_REQUESTER]        = { "requester_id", "full_name", FIELD_ENTRY },
  [F_PERSON_KIND]      = { "kind", "requester_kind", FIELD_DROPDOWN },
  [F_PERSON_POSITION]  = { "position", NULL, FIELD_ENTRY },
  [F_PERSON_CLASS]     = { "class_name", NULL, FIELD_ENTRY },
  [F_PERSON_PHONE]     = { "phone", NULL, FIELD_ENTRY },
  [F_PERSON_EMAIL]     = { "email", NULL, FIELD_ENTRY },
  [F_RECEIVED]         = { "received_at", NULL, FIELD_ENTRY },
  [F_CHANNEL]          = { "channel", NULL, FIELD_DROPDOWN },
  [F_RELAYED_BY]       = { "relayed_by_id", NULL, FIELD_DROPDOWN },
  [F_CALLBACK_PHONE]   = { "callback_phone", NULL, FIELD_ENTRY },
  [F_TOPIC]            = { "topic", NULL, FIELD_DROPDOWN },
  [F_SUMMARY]          = { "summary", NULL, FIELD_ENTRY },
  [F_DESCRIPTION]      = { "description", NULL, FIELD_TEXT },
  [F_ASSIGNEE]         = { "assignee", NULL, FIELD_ENTRY },
  [F_RELATED]          = { "related_id", NULL, FIELD_ENTRY },
  [F_STATUS]           = { "status", NULL, FIELD_DROPDOWN },
  [F_REJECTION_REASON] = { "rejection_reason", NULL, FIELD_DROPDOWN },
  [F_REJECTION_NOTE]   = { "rejection_note", NULL, FIELD_ENTRY },
  [F_VENDOR_TICKET]    = { "vendor_ticket", NULL, FIELD_ENTRY },
  [F_RESOLUTION]       = { "resolution", NULL, FIELD_TEXT },
};

/* The editor's state: what was read and what the form says now */
typedef struct {
  HdRequest *original;
  HdRequest *edited;
  HdPerson  *new_person;   /* the requester being created on the spot, or NULL */
} EditorState;

struct _HdRequestEditor
{
  AdwWindow       parent_instance;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkWidget      *reply_button;
  GtkRevealer    *repeat_revealer;
  GtkLabel       *repeat_label;
  GtkRevealer    *error_revealer;
  GtkLabel       *error_label;
  GtkBox         *requester_box;
  GtkListBox     *suggestions;
  GtkRevealer    *person_revealer;
  GtkBox         *person_box;
  GtkBox         *request_box;
  GtkBox         *status_box;
  GtkWidget      *history_title;
  GtkListBox     *history_list;
  GtkWidget      *related_picker;    /* holds the F_RELATED entry */
  GtkWidget      *template_button;   /* «Insert Template», beside the resolution */

  /* Owned */
  HdContext      *context;
  HdTerms        *terms;
  EditorState     state;
  Field           fields[N_FIELDS];
  GArray         *staff_ids;        /* gint64: person ids of the "passed on by" items */
  char           *requester_email;
  gint64          person_id;        /* the chosen requester */
  int             person_kind;
  gint64          earlier_id;       /* the similar request the banner is about */
  guint           similar_source;
  guint           updating : 1;     /* the form is being filled in by code */
  guint           creating_person : 1;
  guint           closing : 1;
};

G_DEFINE_FINAL_TYPE (HdRequestEditor, hd_request_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  OPEN_REQUEST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void update_status_rules (HdRequestEditor *self);

/* State */

static void
editor_state_clear (EditorState *state)
{
  g_clear_object (&state->original);
  g_clear_object (&state->edited);
  g_clear_object (&state->new_person);
}

/* Whether closing would lose something: a changed request, or a person typed in */
static gboolean
editor_state_is_dirty (const EditorState *state)
{
  if (state->original == NULL || state->edited == NULL)
    return FALSE;
  if (hd_request_is_changed (state->original, state->edited))
    return TRUE;
  return state->new_person != NULL;
}

/* Fields */

static gboolean
text_is_empty (const char *text)
{
  return text == NULL || text[0] == '\0';
}

static HdDatabase *
get_db (HdRequestEditor *self)
{
  return hd_context_get_database (self->context);
}

static char *
field_get_text (HdRequestEditor *self,
                guint            f)
{
  GtkWidget *widget = self->fields[f].widget;

  if (field_info[f].type == FIELD_TEXT)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }
  g_assert (field_info[f].type == FIELD_ENTRY);
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget)));
}

static void
field_set_text (HdRequestEditor *self,
                guint            f,
                const char      *text)
{
  GtkWidget *widget = self->fields[f].widget;

  if (field_info[f].type == FIELD_TEXT)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text != NULL ? text : "", -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (widget), text != NULL ? text : "");
}

/* Dropdowns of an enum have "not chosen" as item 0, except the status, which always has one */
static int
field_get_enum (HdRequestEditor *self,
                guint            f)
{
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->fields[f].widget));

  if (selected == GTK_INVALID_LIST_POSITION)
    return -1;
  if (f == F_STATUS)
    return selected;
  return (int) selected - 1;
}

static void
field_set_enum (HdRequestEditor *self,
                guint            f,
                int              value)
{
  guint item = f == F_STATUS ? (guint) MAX (value, 0) : (guint) (value + 1);

  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->fields[f].widget), item);
}

static void
field_clear_error (HdRequestEditor *self,
                   guint            f)
{
  gtk_widget_remove_css_class (self->fields[f].widget, "error");
  gtk_label_set_text (GTK_LABEL (self->fields[f].error), "");
  gtk_widget_set_visible (self->fields[f].error, FALSE);
}

static void
clear_errors (HdRequestEditor *self)
{
  for (guint f = 0; f < N_FIELDS; f++)
    field_clear_error (self, f);
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
}

static int
field_by_name (const char *name)
{
  for (guint f = 0; name != NULL && f < N_FIELDS; f++)
    if (g_strcmp0 (field_info[f].name, name) == 0 || g_strcmp0 (field_info[f].alias, name) == 0)
      return f;
  return -1;
}

static void
field_show_error (HdRequestEditor *self,
                  guint            f,
                  const char      *message)
{
  gtk_widget_add_css_class (self->fields[f].widget, "error");
  gtk_label_set_text (GTK_LABEL (self->fields[f].error), message);
  gtk_widget_set_visible (self->fields[f].error, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->fields[f].widget),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
}

/* Shows each error at its field (the first one focused); an error of no field goes to the
 * banner at the top. Returns whether there was any. */
static gboolean
show_errors (HdRequestEditor *self,
             GPtrArray       *errors)
{
  gboolean focused = FALSE;
  GString *general = g_string_new (NULL);

  for (guint i = 0; i < errors->len; i++)
    {
      const GError *error = g_ptr_array_index (errors, i);
      int f = field_by_name (hd_error_get_field (error));

      if (f < 0 || !gtk_widget_get_visible (self->fields[f].box))
        {
          if (general->len > 0)
            g_string_append_c (general, '\n');
          g_string_append (general, error->message);
          continue;
        }
      /* One message per field is enough */
      if (gtk_widget_get_visible (self->fields[f].error))
        continue;
      field_show_error (self, f, error->message);
      if (!focused)
        {
          gtk_widget_grab_focus (self->fields[f].widget);
          focused = TRUE;
        }
    }

  gtk_label_set_text (self->error_label, general->str);
  gtk_revealer_set_reveal_child (self->error_revealer, general->len > 0);
  g_string_free (general, TRUE);
  return errors->len > 0;
}

static void
add_parse_error (GPtrArray  *errors,
                 const char *field,
                 const char *message)
{
  GError *error = NULL;

  hd_error_set_field (&error, field, "%s", message);
  g_ptr_array_add (errors, error);
}

/* Dates as a school writes them: 25.11.2026 14:30 */
static char *
format_moment (GTimeZone *tz,
               gint64     t)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (t);
  g_autoptr(GDateTime) dt = utc != NULL ? g_date_time_to_timezone (utc, tz) : NULL;

  if (dt == NULL)
    return g_strdup ("");
  return g_date_time_format (dt, "%d.%m.%Y %H:%M");
}

static gboolean
parse_moment (GTimeZone  *tz,
              const char *text,
              gint64     *out)
{
  int day, month, year, hour = 0, minute = 0, n;
  g_autoptr(GDateTime) dt = NULL;

  n = sscanf (text, "%d.%d.%d %d:%d", &day, &month, &year, &hour, &minute);
  if (n != 3 && n != 5)
    return FALSE;
  if (year < 100)
    year += 2000;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0 || minute > 59)
    return FALSE;
  dt = g_date_time_new (tz, year, month, day, hour, minute, 0);
  if (dt == NULL || g_date_time_get_day_of_month (dt) != day)
    return FALSE;
  *out = g_date_time_to_unix (dt);
  return TRUE;
}

/* The form into state.edited (and state.new_person); what cannot even be parsed goes to
 * @errors. Nothing in the form is changed. */
static void
read_form (HdRequestEditor *self,
           GPtrArray       *errors)
{
  HdRequest *r = self->state.edited;
  g_autofree char *received = field_get_text (self, F_RECEIVED);
  g_autofree char *related = field_get_text (self, F_RELATED);
  g_autofree char *original_received = NULL;
  g_autofree char *text = NULL;
  guint staff;
  gint64 t;

  hd_request_set_requester_id (r, self->person_id);
  hd_request_set_requester_kind (r, self->person_id != 0 ? self->person_kind : -1);

  g_clear_object (&self->state.new_person);
  if (self->creating_person)
    {
      HdPerson *p = self->state.new_person = hd_person_new ();
      g_autofree char *name = field_get_text (self, F_REQUESTER);
      g_autofree char *position = field_get_text (self, F_PERSON_POSITION);
      g_autofree char *class_name = field_get_text (self, F_PERSON_CLASS);
      g_autofree char *phone = field_get_text (self, F_PERSON_PHONE);
      g_autofree char *email = field_get_text (self, F_PERSON_EMAIL);

      hd_person_set_full_name (p, name);
      hd_person_set_kind (p, field_get_enum (self, F_PERSON_KIND));
      hd_person_set_position (p, position);
      hd_person_set_class_name (p, class_name);
      hd_person_set_phone (p, phone);
      hd_person_set_email (p, email);
      hd_request_set_requester_kind (r, field_get_enum (self, F_PERSON_KIND));
    }

  /* The form shows minutes: an unchanged text keeps the stored seconds */
  original_received = format_moment (hd_context_get_time_zone (self->context), hd_request_get_received_at (self->state.original));
  if (g_strcmp0 (g_strstrip (received), original_received) == 0)
    hd_request_set_received_at (r, hd_request_get_received_at (self->state.original));
  else if (parse_moment (hd_context_get_time_zone (self->context), received, &t))
    hd_request_set_received_at (r, t);
  else
    add_parse_error (errors, "received_at",
                     _("Write the date and time as 25.11.2026 14:30."));

  hd_request_set_channel (r, field_get_enum (self, F_CHANNEL));
  staff = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->fields[F_RELAYED_BY].widget));
  hd_request_set_relayed_by_id (r, hd_request_get_channel (r) == HD_CHANNEL_CLASS_TEACHER &&
                                   staff > 0 && staff <= self->staff_ids->len
                                   ? g_array_index (self->staff_ids, gint64, staff - 1) : 0);
  text = field_get_text (self, F_CALLBACK_PHONE);
  hd_request_set_callback_phone (r, text);
  g_clear_pointer (&text, g_free);
  hd_request_set_topic (r, field_get_enum (self, F_TOPIC));
  text = field_get_text (self, F_SUMMARY);
  hd_request_set_summary (r, text);
  g_clear_pointer (&text, g_free);
  text = field_get_text (self, F_DESCRIPTION);
  hd_request_set_description (r, text);
  g_clear_pointer (&text, g_free);
  text = field_get_text (self, F_ASSIGNEE);
  hd_request_set_assignee (r, text);
  g_clear_pointer (&text, g_free);

  /* «12», «№ 12» and «#12» all name request 12 */
  {
    const char *p = g_strstrip (related);
    char *end = NULL;
    gint64 id = 0;

    if (g_str_has_prefix (p, "№"))
      p += strlen ("№");
    else if (*p == '#')
      p++;
    while (*p == ' ')
      p++;
    if (*p != '\0')
      {
        id = g_ascii_strtoll (p, &end, 10);
        if (end == p || *end != '\0' || id <= 0)
          {
            add_parse_error (errors, "related_id",
                             _("Choose the earlier request from the list, or write its number, e.g. 125."));
            id = hd_request_get_related_id (r);
          }
      }
    hd_request_set_related_id (r, id);
    if (id == 0)
      hd_request_set_is_repeat (r, FALSE);
  }

  hd_request_set_status (r, field_get_enum (self, F_STATUS));
  hd_request_set_rejection_reason (r, hd_request_get_status (r) == HD_STATUS_REJECTED
                                      ? field_get_enum (self, F_REJECTION_REASON) : -1);
  text = field_get_text (self, F_REJECTION_NOTE);
  hd_request_set_rejection_note (r, hd_request_get_status (r) == HD_STATUS_REJECTED ? text : NULL);
  g_clear_pointer (&text, g_free);
  text = field_get_text (self, F_VENDOR_TICKET);
  hd_request_set_vendor_ticket (r, text);
  g_clear_pointer (&text, g_free);
  text = field_get_text (self, F_RESOLUTION);
  hd_request_set_resolution (r, text);
}

/* Errors of the request and of the person created on the spot; a new person has no id yet,
 * so "choose a person" does not apply */
static GPtrArray *
validate (HdRequestEditor *self,
          gboolean         with_database)
{
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(GPtrArray) request_errors = NULL;
  gint64 now = hd_context_get_now (self->context);

  read_form (self, errors);

  if (self->state.new_person != NULL)
    {
      g_autoptr(GPtrArray) person_errors = hd_person_validate_all (self->state.new_person);

      for (guint i = 0; i < person_errors->len; i++)
        g_ptr_array_add (errors, g_error_copy (g_ptr_array_index (person_errors, i)));
    }

  if (with_database && self->state.new_person == NULL)
    request_errors = hd_request_store_validate_all (get_db (self), self->state.edited, now);
  else
    request_errors = hd_request_validate_all (self->state.edited, now);

  for (guint i = 0; i < request_errors->len; i++)
    {
      const GError *error = g_ptr_array_index (request_errors, i);
      const char *field = hd_error_get_field (error);

      if (self->state.new_person != NULL &&
          (g_strcmp0 (field, "requester_id") == 0 || g_strcmp0 (field, "requester_kind") == 0))
        continue;
      g_ptr_array_add (errors, g_error_copy (error));
    }
  return g_steal_pointer (&errors);
}

/* Building the form */

static void
dropdown_item_setup_cb (GtkSignalListItemFactory *factory,
                        GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
dropdown_item_bind_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *item)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (string));
  gtk_widget_set_tooltip_text (gtk_list_item_get_child (item), gtk_string_object_get_string (string));
}

/* Long labels («Звонок онлайн со страницы портала») are shortened with an ellipsis rather than
 * widening the form past a phone's width; the list shows them whole */
static GtkWidget *
make_string_dropdown (GtkStringList *strings)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkWidget *dropdown = gtk_drop_down_new (G_LIST_MODEL (strings), NULL);

  g_signal_connect (factory, "setup", G_CALLBACK (dropdown_item_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (dropdown_item_bind_cb), NULL);
  gtk_drop_down_set_factory (GTK_DROP_DOWN (dropdown), factory);
  return dropdown;
}

static GtkWidget *
make_dropdown (HdEnumKind  kind,
               const char *none)
{
  GtkStringList *strings = gtk_string_list_new (NULL);

  if (none != NULL)
    gtk_string_list_append (strings, none);
  for (guint i = 0; i < hd_enum_count (kind); i++)
    gtk_string_list_append (strings, hd_enum_label (kind, i));
  return make_string_dropdown (strings);
}

static void
add_field (HdRequestEditor *self,
           GtkBox          *parent,
           guint            f,
           const char      *caption,
           GtkWidget       *widget,
           const char      *placeholder)
{
  Field *field = &self->fields[f];
  GtkWidget *label;

  field->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  label = gtk_label_new_with_mnemonic (caption);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_box_append (GTK_BOX (field->box), label);

  if (widget == NULL && field_info[f].type == FIELD_ENTRY)
    {
      widget = gtk_entry_new ();
      gtk_entry_set_activates_default (GTK_ENTRY (widget), FALSE);
      if (placeholder != NULL)
        gtk_entry_set_placeholder_text (GTK_ENTRY (widget), placeholder);
    }
  if (field_info[f].type == FIELD_TEXT)
    {
      GtkWidget *frame = gtk_frame_new (NULL);

      widget = gtk_text_view_new ();
      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (widget), GTK_WRAP_WORD_CHAR);
      gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (widget), FALSE);
      gtk_text_view_set_top_margin (GTK_TEXT_VIEW (widget), 6);
      gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (widget), 6);
      gtk_text_view_set_left_margin (GTK_TEXT_VIEW (widget), 6);
      gtk_text_view_set_right_margin (GTK_TEXT_VIEW (widget), 6);
      gtk_widget_set_size_request (widget, -1, 80);
      gtk_frame_set_child (GTK_FRAME (frame), widget);
      gtk_box_append (GTK_BOX (field->box), frame);
    }
  else if (HD_IS_RELATED_PICKER (widget))
    {
      /* The field is the picker's entry; the picker lists and shows the request under it */
      gtk_box_append (GTK_BOX (field->box), widget);
      widget = hd_related_picker_get_entry (HD_RELATED_PICKER (widget));
    }
  else
    gtk_box_append (GTK_BOX (field->box), widget);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), widget);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);

  field->error = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (field->error), 0);
  gtk_label_set_wrap (GTK_LABEL (field->error), TRUE);
  gtk_widget_add_css_class (field->error, "error");
  gtk_widget_add_css_class (field->error, "caption");
  gtk_widget_set_visible (field->error, FALSE);
  gtk_box_append (GTK_BOX (field->box), field->error);

  field->widget = widget;
  gtk_box_append (parent, field->box);
}

static char *
mnemonic_label (const char *label)
{
  /* The core's field labels have no mnemonics; the captions get one at the start */
  return g_strconcat ("_", label, NULL);
}

/* Answer templates */

/* The menu of the topic's templates (of all, by topic, while no topic is chosen) */
static void
update_template_menu (HdRequestEditor *self)
{
  int topic = field_get_enum (self, F_TOPIC);
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GError) error = NULL;
  GMenu *section = NULL;
  int section_topic = -1;

  templates = hd_answer_template_store_list (get_db (self), topic, &error);
  if (templates == NULL)
    g_warning ("Answer templates not read: %s", error->message);
  for (guint i = 0; templates != NULL && i < templates->len; i++)
    {
      const HdAnswerTemplate *t = g_ptr_array_index (templates, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (t->title, NULL);

      if (section == NULL || t->topic != section_topic)
        {
          g_autoptr(GMenu) new_section = g_menu_new ();

          section = new_section;
          section_topic = t->topic;
          g_menu_append_section (menu, topic < 0 ? hd_enum_label (HD_ENUM_TOPIC, t->topic) : NULL,
                                 G_MENU_MODEL (new_section));
        }
      g_menu_item_set_action_and_target_value (item, "editor.insert-template",
                                               g_variant_new_int64 (t->id));
      g_menu_append_item (section, item);
    }

  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->template_button), G_MENU_MODEL (menu));
  gtk_widget_set_sensitive (self->template_button, templates != NULL && templates->len > 0);
  gtk_widget_set_tooltip_text (self->template_button,
                               templates != NULL && templates->len > 0
                               ? _("Insert a ready answer of this topic at the cursor")
                               : _("This topic has no answer templates yet. Add them in Preferences."));
}

static void
add_template_button (HdRequestEditor *self)
{
  GtkWidget *box = self->fields[F_RESOLUTION].box;
  GtkWidget *caption = gtk_widget_get_first_child (box);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  /* The caption and the button share a line above the text */
  g_object_ref (caption);
  gtk_box_remove (GTK_BOX (box), caption);
  gtk_widget_set_hexpand (caption, TRUE);
  gtk_widget_set_valign (caption, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (header), caption);
  g_object_unref (caption);

  self->template_button = gtk_menu_button_new ();
  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->template_button), _("_Insert Template"));
  gtk_menu_button_set_use_underline (GTK_MENU_BUTTON (self->template_button), TRUE);
  gtk_widget_add_css_class (self->template_button, "flat");
  gtk_box_append (GTK_BOX (header), self->template_button);
  gtk_box_prepend (GTK_BOX (box), header);
}

static void
build_form (HdRequestEditor *self)
{
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GtkStringList) staff_names = gtk_string_list_new (NULL);
  g_autofree char *caption = NULL;
  GtkWidget *row;

#define CAPTION(field) (g_free (caption), caption = mnemonic_label (hd_request_field_label (field)))

  add_field (self, self->requester_box, F_REQUESTER, CAPTION ("requester_id"), NULL,
             _("Start typing the surname"));

  add_field (self, self->person_box, F_PERSON_KIND, _("Category"),
             make_dropdown (HD_ENUM_REQUESTER_KIND, _("Choose…")), NULL);
  add_field (self, self->person_box, F_PERSON_POSITION, _("Position"), NULL, _("For staff, e.g. teacher of mathematics"));
  add_field (self, self->person_box, F_PERSON_CLASS, _("Class"), NULL, _("For students and parents, e.g. 5А"));
  add_field (self, self->person_box, F_PERSON_PHONE, _("Phone"), NULL, "+7 900 123-45-67");
  add_field (self, self->person_box, F_PERSON_EMAIL, _("E-mail"), NULL, "name@example.ru");

  add_field (self, self->request_box, F_RECEIVED, CAPTION ("received_at"), NULL, "25.11.2026 14:30");
  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_set_homogeneous (GTK_BOX (row), TRUE);
  gtk_box_append (self->request_box, row);
  add_field (self, GTK_BOX (row), F_CHANNEL, CAPTION ("channel"),
             make_dropdown (HD_ENUM_CHANNEL, _("Choose…")), NULL);
  add_field (self, GTK_BOX (row), F_TOPIC, CAPTION ("topic"),
             make_dropdown (HD_ENUM_TOPIC, _("Choose…")), NULL);

  /* The class teachers who may pass a request on: the staff */
  self->staff_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_string_list_append (staff_names, _("Choose…"));
  staff = hd_person_store_list (get_db (self), HD_REQUESTER_STAFF, NULL, 0, NULL);
  for (guint i = 0; staff != NULL && i < staff->len; i++)
    {
      HdPerson *p = g_ptr_array_index (staff, i);
      gint64 id = hd_person_get_id (p);

      g_array_append_val (self->staff_ids, id);
      gtk_string_list_append (staff_names, hd_person_get_full_name (p));
    }
  add_field (self, self->request_box, F_RELAYED_BY, CAPTION ("relayed_by_id"),
             make_string_dropdown (g_steal_pointer (&staff_names)), NULL);
  add_field (self, self->request_box, F_CALLBACK_PHONE, CAPTION ("callback_phone"), NULL,
             _("If it differs from the requester’s phone"));
  add_field (self, self->request_box, F_SUMMARY, CAPTION ("summary"), NULL,
             _("What the request is about, in a few words"));
  add_field (self, self->request_box, F_DESCRIPTION, CAPTION ("description"), NULL, NULL);
  add_field (self, self->request_box, F_ASSIGNEE, CAPTION ("assignee"), NULL, NULL);
  self->related_picker = hd_related_picker_new (self->context);
  add_field (self, self->request_box, F_RELATED, CAPTION ("related_id"), self->related_picker, NULL);

  add_field (self, self->status_box, F_STATUS, CAPTION ("status"), make_dropdown (HD_ENUM_STATUS, NULL), NULL);
  add_field (self, self->status_box, F_REJECTION_REASON, CAPTION ("rejection_reason"),
             make_dropdown (HD_ENUM_REJECTION_REASON, _("Choose…")), NULL);
  add_field (self, self->status_box, F_REJECTION_NOTE, CAPTION ("rejection_note"), NULL, NULL);
  add_field (self, self->status_box, F_VENDOR_TICKET, CAPTION ("vendor_ticket"), NULL, _("E.g. DN-123456"));
  add_field (self, self->status_box, F_RESOLUTION, CAPTION ("resolution"), NULL, NULL);
  add_template_button (self);

#undef CAPTION
}

/* Visibility and rules */

static void
update_visibility (HdRequestEditor *self)
{
  int status = field_get_enum (self, F_STATUS);
  int channel = field_get_enum (self, F_CHANNEL);

  gtk_widget_set_visible (self->fields[F_RELAYED_BY].box, channel == HD_CHANNEL_CLASS_TEACHER);
  gtk_widget_set_visible (self->fields[F_CALLBACK_PHONE].box, channel == HD_CHANNEL_VOICEMAIL);
  gtk_widget_set_visible (self->fields[F_REJECTION_REASON].box, status == HD_STATUS_REJECTED);
  gtk_widget_set_visible (self->fields[F_REJECTION_NOTE].box, status == HD_STATUS_REJECTED);
  gtk_widget_set_visible (self->fields[F_VENDOR_TICKET].box, status == HD_STATUS_ESCALATED);
  gtk_widget_set_visible (self->fields[F_RESOLUTION].box,
                          status == HD_STATUS_RESOLVED || status == HD_STATUS_REJECTED ||
                          !text_is_empty (hd_request_get_resolution (self->state.original)));
  gtk_revealer_set_reveal_child (self->person_revealer, self->creating_person);
  gtk_widget_set_visible (self->reply_button,
                          hd_request_get_id (self->state.original) > 0 &&
                          self->requester_email != NULL && self->requester_email[0] != '\0');
}

/* The rules that depend on the status, shown while it is chosen, before any save */
static void
update_status_rules (HdRequestEditor *self)
{
  static const guint rule_fields[] = { F_REJECTION_REASON, F_VENDOR_TICKET, F_RESOLUTION,
                                       F_RELAYED_BY, F_CALLBACK_PHONE };
  g_autoptr(GPtrArray) errors = NULL;

  if (self->updating)
    return;

  update_visibility (self);
  errors = validate (self, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (rule_fields); i++)
    field_clear_error (self, rule_fields[i]);
  for (guint i = 0; i < errors->len; i++)
    {
      const GError *error = g_ptr_array_index (errors, i);
      int f = field_by_name (hd_error_get_field (error));

      for (guint j = 0; j < G_N_ELEMENTS (rule_fields); j++)
        if (f == (int) rule_fields[j] && gtk_widget_get_visible (self->fields[f].box))
          field_show_error (self, f, error->message);
    }
}

static void
rule_field_changed_cb (HdRequestEditor *self)
{
  update_status_rules (self);
}

static void
field_edited_cb (GtkWidget       *widget,
                 HdRequestEditor *self)
{
  /* A corrected field loses its error at once */
  for (guint f = 0; f < N_FIELDS; f++)
    if (self->fields[f].widget == widget && gtk_widget_get_visible (self->fields[f].error))
      field_clear_error (self, f);
}

static void
text_buffer_changed_cb (GtkTextBuffer   *buffer,
                        HdRequestEditor *self)
{
  for (guint f = 0; f < N_FIELDS; f++)
    if (field_info[f].type == FIELD_TEXT &&
        gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->fields[f].widget)) == buffer)
      {
        field_clear_error (self, f);
        if (f == F_RESOLUTION)
          update_status_rules (self);
      }
}

/* Repeats */

static gboolean
find_similar_cb (gpointer user_data)
{
  HdRequestEditor *self = user_data;
  g_autofree char *summary = field_get_text (self, F_SUMMARY);
  g_autoptr(GPtrArray) similar = NULL;
  g_autoptr(GError) error = NULL;
  HdRequest *earlier = NULL;

  self->similar_source = 0;
  self->earlier_id = 0;

  if (self->person_id != 0 && g_strstrip (summary)[0] != '\0')
    {
      similar = hd_request_store_find_similar (get_db (self), self->person_id, summary,
                                               hd_context_get_now (self->context), &error);
      if (similar == NULL)
        g_warning ("No repeat check: %s", error->message);
      for (guint i = 0; similar != NULL && i < similar->len; i++)
        {
          HdRequest *r = g_ptr_array_index (similar, i);

          if (hd_request_get_id (r) != hd_request_get_id (self->state.original) &&
              hd_request_get_id (r) != hd_request_get_related_id (self->state.edited))
            {
              earlier = r;
              break;
            }
        }
    }

  if (earlier != NULL)
    {
      g_autoptr(GDateTime) dt = hd_context_date_time (self->context, hd_request_get_received_at (earlier));
      g_autofree char *date = g_date_time_format (dt, "%-d %b");
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, hd_request_get_id (earlier));
      g_autofree char *text = NULL;

      /* Translators: a banner in the request editor: the number, the date and the summary of
       * an earlier request of the same person */
      text = g_strdup_printf (_("This person asked something similar recently: No. %s of %s, "
                                "“%s” (%s). Is this a repeat?"),
                              number, date, hd_request_get_summary (earlier),
                              hd_enum_label (HD_ENUM_STATUS, hd_request_get_status (earlier)));
      gtk_label_set_text (self->repeat_label, text);
      self->earlier_id = hd_request_get_id (earlier);
    }
  gtk_revealer_set_reveal_child (self->repeat_revealer, earlier != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.link-repeat", earlier != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.open-earlier", earlier != NULL);
  return G_SOURCE_REMOVE;
}

static void
queue_similar_check (HdRequestEditor *self)
{
  /* Only while registering: an existing request was checked when it was new */
  if (self->updating || hd_request_get_id (self->state.original) > 0)
    return;
  g_clear_handle_id (&self->similar_source, g_source_remove);
  self->similar_source = g_timeout_add (400, find_similar_cb, self);
}

static void
summary_changed_cb (HdRequestEditor *self)
{
  queue_similar_check (self);
}

/* Requester */

static GtkWidget *
make_person_row (HdPerson *person)
{
  GtkWidget *row = adw_action_row_new ();
  GString *subtitle = g_string_new (hd_enum_label (HD_ENUM_REQUESTER_KIND, hd_person_get_kind (person)));
  const char *extra[] = { hd_person_get_position (person), hd_person_get_class_name (person),
                          hd_person_get_phone (person), hd_person_get_email (person) };
  g_autofree char *title = g_markup_escape_text (hd_person_get_full_name (person), -1);

  for (guint i = 0; i < G_N_ELEMENTS (extra); i++)
    if (extra[i] != NULL && extra[i][0] != '\0')
      g_string_append_printf (subtitle, " · %s", extra[i]);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  {
    g_autofree char *escaped = g_markup_escape_text (subtitle->str, -1);
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
  }
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "hd-person-id", GSIZE_TO_POINTER ((gsize) hd_person_get_id (person)));
  g_string_free (subtitle, TRUE);
  return row;
}

static void
clear_suggestions (HdRequestEditor *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->suggestions))) != NULL)
    gtk_list_box_remove (self->suggestions, child);
  gtk_widget_set_visible (GTK_WIDGET (self->suggestions), FALSE);
}

static void
requester_changed_cb (HdRequestEditor *self)
{
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *row;

  if (self->updating)
    return;

  /* Typing over a chosen person means another person */
  self->person_id = 0;
  self->person_kind = -1;
  g_clear_pointer (&self->requester_email, g_free);
  clear_suggestions (self);
  gtk_revealer_set_reveal_child (self->repeat_revealer, FALSE);

  text = g_strstrip (field_get_text (self, F_REQUESTER));
  if (text[0] == '\0' || self->creating_person)
    return;

  people = hd_person_store_list (get_db (self), -1, text, 6, &error);
  if (people == NULL)
    g_warning ("People not listed: %s", error->message);
  for (guint i = 0; people != NULL && i < people->len; i++)
    gtk_list_box_append (self->suggestions, make_person_row (g_ptr_array_index (people, i)));

  row = adw_action_row_new ();
  {
    g_autofree char *escaped = g_markup_escape_text (text, -1);
    /* Translators: the last suggestion under the requester's name; %s is what was typed */
    g_autofree char *title = g_strdup_printf (_("Add “%s” as a new person"), escaped);

    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  }
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("list-add-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_list_box_append (self->suggestions, row);
  gtk_widget_set_visible (GTK_WIDGET (self->suggestions), TRUE);
}

static void
suggestion_activated_cb (HdRequestEditor *self,
                         GtkListBoxRow   *row)
{
  gint64 id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "hd-person-id"));

  if (id > 0)
    hd_request_editor_choose_person (self, id);
  else
    hd_request_editor_create_person (self);
  gtk_widget_grab_focus (self->fields[self->creating_person ? F_PERSON_KIND : F_CHANNEL].widget);
}

static gboolean
requester_key_pressed_cb (GtkEventControllerKey *controller,
                          guint                  keyval,
                          guint                  keycode,
                          GdkModifierType        state,
                          HdRequestEditor       *self)
{
  GtkListBoxRow *first;

  /* Down from the name goes into the suggestions */
  if ((keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down) ||
      !gtk_widget_get_visible (GTK_WIDGET (self->suggestions)))
    return FALSE;
  first = gtk_list_box_get_row_at_index (self->suggestions, 0);
  if (first == NULL)
    return FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (first));
  return TRUE;
}

/* History */

static char *
format_value (GTimeZone  *tz,
              const char *field,
              const char *value)
{
  static const struct { const char *field; HdEnumKind kind; } enums[] = {
    { "status", HD_ENUM_STATUS }, { "channel", HD_ENUM_CHANNEL }, { "topic", HD_ENUM_TOPIC },
    { "requester_kind", HD_ENUM_REQUESTER_KIND }, { "rejection_reason", HD_ENUM_REJECTION_REASON },
  };

  if (value == NULL || value[0] == '\0')
    return g_strdup ("—");
  for (guint i = 0; i < G_N_ELEMENTS (enums); i++)
    if (g_str_equal (field, enums[i].field))
      {
        int v = hd_enum_from_key (enums[i].kind, value);
        return g_strdup (v >= 0 ? hd_enum_label (enums[i].kind, v) : value);
      }
  if (g_str_has_suffix (field, "_at"))
    return format_moment (tz, g_ascii_strtoll (value, NULL, 10));
  if (g_str_equal (field, "archived") || g_str_equal (field, "is_repeat"))
    return g_strdup (g_str_equal (value, "1") ? _("yes") : _("no"));
  return g_strdup (value);
}

static void
load_history (HdRequestEditor *self)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = hd_request_get_id (self->state.original);

  if (id <= 0)
    return;
  events = hd_request_store_list_events (get_db (self), id, &error);
  if (events == NULL)
    {
      g_warning ("History not read: %s", error->message);
      return;
    }

  for (guint i = 0; i < events->len; i++)
    {
      HdEvent *event = g_ptr_array_index (events, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *when = format_moment (hd_context_get_time_zone (self->context), event->at);
      g_autofree char *title = NULL;
      g_autofree char *escaped = NULL;

      if (g_str_equal (event->field, "created"))
        title = g_strdup (_("Registered"));
      else
        {
          g_autofree char *old_value = format_value (hd_context_get_time_zone (self->context), event->field, event->old_value);
          g_autofree char *new_value = format_value (hd_context_get_time_zone (self->context), event->field, event->new_value);
          const char *label = hd_request_field_label (event->field);

          /* Translators: a line of a request's history: the field, its old and new value */
          title = g_strdup_printf (_("%s: %s → %s"), label != NULL ? label : event->field,
                                   old_value, new_value);
        }
      escaped = g_markup_escape_text (title, -1);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), when);
      gtk_list_box_append (self->history_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->history_list), events->len > 0);
  gtk_widget_set_visible (self->history_title, events->len > 0);
}

/* Loading */

static void
fill_form (HdRequestEditor *self)
{
  HdRequest *r = self->state.original;
  g_autofree char *received = format_moment (hd_context_get_time_zone (self->context), hd_request_get_received_at (r));
  g_autofree char *related = hd_request_get_related_id (r) > 0
                             ? g_strdup_printf ("%" G_GINT64_FORMAT, hd_request_get_related_id (r)) : NULL;
  guint staff = 0;

  self->updating = TRUE;
  hd_related_picker_set_exclude_id (HD_RELATED_PICKER (self->related_picker), hd_request_get_id (r));
  field_set_text (self, F_REQUESTER, hd_request_get_requester_name (r));
  field_set_text (self, F_RECEIVED, received);
  field_set_enum (self, F_CHANNEL, hd_request_get_channel (r));
  for (guint i = 0; i < self->staff_ids->len; i++)
    if (g_array_index (self->staff_ids, gint64, i) == hd_request_get_relayed_by_id (r))
      staff = i + 1;
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->fields[F_RELAYED_BY].widget), staff);
  field_set_text (self, F_CALLBACK_PHONE, hd_request_get_callback_phone (r));
  field_set_enum (self, F_TOPIC, hd_request_get_topic (r));
  field_set_text (self, F_SUMMARY, hd_request_get_summary (r));
  field_set_text (self, F_DESCRIPTION, hd_request_get_description (r));
  field_set_text (self, F_ASSIGNEE, hd_request_get_assignee (r));
  field_set_text (self, F_RELATED, related);
  field_set_enum (self, F_STATUS, hd_request_get_status (r));
  field_set_enum (self, F_REJECTION_REASON, hd_request_get_rejection_reason (r));
  field_set_text (self, F_REJECTION_NOTE, hd_request_get_rejection_note (r));
  field_set_text (self, F_VENDOR_TICKET, hd_request_get_vendor_ticket (r));
  field_set_text (self, F_RESOLUTION, hd_request_get_resolution (r));
  self->updating = FALSE;
  update_template_menu (self);

  self->person_id = hd_request_get_requester_id (r);
  self->person_kind = hd_request_get_requester_kind (r);
  if (self->person_id > 0)
    {
      g_autoptr(HdPerson) person = hd_person_store_get (get_db (self), self->person_id, NULL);

      if (person != NULL)
        self->requester_email = g_strdup (hd_person_get_email (person));
    }
  update_visibility (self);
}

static void
load (HdRequestEditor *self,
      gint64           id)
{
  g_autoptr(GError) error = NULL;
  HdRequest *original = NULL;

  if (id > 0)
    original = hd_request_store_get (get_db (self), id, &error);
  if (original == NULL)
    {
      gint64 now = hd_context_get_now (self->context);

      if (error != NULL)
        {
          gtk_label_set_text (self->error_label, error->message);
          gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
        }
      original = hd_request_new ();
      /* The form shows minutes; so does the original, or a new request would look changed */
      hd_request_set_received_at (original, now - now % 60);
    }

  self->state.original = original;
  self->state.edited = hd_request_copy (original);

  if (hd_request_get_id (original) > 0)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, hd_request_get_id (original));
      /* Translators: the title of the editor; %s is the request's number */
      g_autofree char *title = g_strdup_printf (_("Request No. %s"), number);

      adw_window_title_set_title (self->window_title, title);
      adw_window_title_set_subtitle (self->window_title, hd_request_get_requester_name (original));
      gtk_window_set_title (GTK_WINDOW (self), title);
    }
  else
    {
      adw_window_title_set_title (self->window_title, _("New Request"));
      gtk_window_set_title (GTK_WINDOW (self), _("New Request"));
    }

  fill_form (self);
  load_history (self);
}

/* Saving and closing */

static gboolean
save (HdRequestEditor *self)
{
  HdDatabase *db = get_db (self);
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GError) error = NULL;
  gboolean created = hd_request_get_id (self->state.edited) <= 0;

  clear_errors (self);
  errors = validate (self, TRUE);
  if (show_errors (self, errors))
    return FALSE;

  if (!hd_database_begin (db, &error))
    goto failed;
  if (self->state.new_person != NULL)
    {
      if (!hd_person_store_create (db, self->state.new_person, &error))
        goto rollback;
      hd_request_set_requester_id (self->state.edited, hd_person_get_id (self->state.new_person));
      hd_request_set_requester_kind (self->state.edited, hd_person_get_kind (self->state.new_person));
    }
  if (!hd_request_store_save (db, self->state.edited, &error) ||
      !hd_database_commit (db, &error))
    goto rollback;

  /* Saved: nothing to ask on closing */
  g_set_object (&self->state.original, self->state.edited);
  self->state.edited = hd_request_copy (self->state.original);
  g_clear_object (&self->state.new_person);
  self->creating_person = FALSE;
  g_signal_emit (self, signals[SAVED], 0, hd_request_get_id (self->state.original), created);
  self->closing = TRUE;
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;

rollback:
  hd_database_rollback (db);
  if (self->state.new_person != NULL)
    {
      /* The person was not kept either: the form still says "create" */
      hd_person_set_id (self->state.new_person, 0);
      hd_request_set_requester_id (self->state.edited, 0);
    }
  if (created)
    hd_request_set_id (self->state.edited, 0);
failed:
  {
    g_autoptr(GPtrArray) one = g_ptr_array_new ();

    g_ptr_array_add (one, error);
    show_errors (self, one);
  }
  return FALSE;
}

static gboolean
close_idle_cb (gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
discard_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     HdRequestEditor  *self)
{
  if (g_strcmp0 (response, "discard") == 0)
    {
      /* Close once the dialog, which is transient for this window, has gone */
      self->closing = TRUE;
      g_idle_add_full (G_PRIORITY_DEFAULT, close_idle_cb, g_object_ref (self), g_object_unref);
    }
}

static void
ask_discard (HdRequestEditor *self)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Discard Changes?"),
                                              _("What you typed in this request has not been saved."));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
hd_request_editor_close_request (GtkWindow *window)
{
  HdRequestEditor *self = HD_REQUEST_EDITOR (window);

  if (!self->closing && hd_request_editor_is_dirty (self))
    {
      ask_discard (self);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (hd_request_editor_parent_class)->close_request (window);
}

/* Actions */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  save (HD_REQUEST_EDITOR (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
reply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  HdRequestEditor *self = HD_REQUEST_EDITOR (widget);
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, hd_request_get_id (self->state.original));
  /* Translators: the subject of a reply by e-mail; %s is the request's number, then its summary */
  g_autofree char *subject = g_strdup_printf (_("Your request No. %s: %s"), number,
                                              hd_request_get_summary (self->state.original));
  g_autofree char *to = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *uri = NULL;

  if (self->requester_email == NULL || self->requester_email[0] == '\0')
    return;
  to = g_uri_escape_string (self->requester_email, "@", FALSE);
  escaped = g_uri_escape_string (subject, NULL, FALSE);
  uri = g_strdup_printf ("mailto:%s?subject=%s", to, escaped);
  g_object_set_data_full (G_OBJECT (self), "hd-last-mailto", g_strdup (uri), g_free);
  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

static void
link_repeat_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  HdRequestEditor *self = HD_REQUEST_EDITOR (widget);
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, self->earlier_id);

  if (self->earlier_id <= 0)
    return;
  field_set_text (self, F_RELATED, number);
  hd_request_set_is_repeat (self->state.edited, TRUE);
  hd_request_set_related_id (self->state.edited, self->earlier_id);
  gtk_revealer_set_reveal_child (self->repeat_revealer, FALSE);
}

static void
insert_template_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  HdRequestEditor *self = HD_REQUEST_EDITOR (widget);
  GtkWidget *view = self->fields[F_RESOLUTION].widget;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  g_autoptr(HdAnswerTemplate) answer = NULL;
  g_autoptr(GError) error = NULL;
  GtkTextIter cursor;

  answer = hd_answer_template_store_get (get_db (self), g_variant_get_int64 (param), &error);
  if (answer == NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
      return;
    }

  /* At the cursor, on a line of its own: what was typed stays */
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  if (!gtk_text_iter_starts_line (&cursor))
    gtk_text_buffer_insert_at_cursor (buffer, "\n", -1);
  gtk_text_buffer_insert_at_cursor (buffer, answer->body, -1);
  gtk_text_buffer_end_user_action (buffer);
  gtk_widget_grab_focus (view);
}

static void
open_earlier_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  HdRequestEditor *self = HD_REQUEST_EDITOR (widget);
  gint64 id = self->earlier_id;

  if (id <= 0)
    return;
  /* The user chose the earlier request instead of this one */
  g_signal_emit (self, signals[OPEN_REQUEST], 0, id);
  self->closing = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

/* GObject */

static void
hd_request_editor_dispose (GObject *object)
{
  HdRequestEditor *self = HD_REQUEST_EDITOR (object);

  g_clear_handle_id (&self->similar_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), HD_TYPE_REQUEST_EDITOR);
  editor_state_clear (&self->state);
  g_clear_pointer (&self->staff_ids, g_array_unref);
  g_clear_pointer (&self->requester_email, g_free);
  g_clear_object (&self->terms);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (hd_request_editor_parent_class)->dispose (object);
}

static void
hd_request_editor_class_init (HdRequestEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = hd_request_editor_dispose;
  window_class->close_request = hd_request_editor_close_request;

  /**
   * HdRequestEditor::saved:
   * @id: the request's number
   * @created: whether it was registered just now
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_BOOLEAN);
  /**
   * HdRequestEditor::open-request:
   * @id: an earlier request the user chose to work on instead
   */
  signals[OPEN_REQUEST] = g_signal_new ("open-request", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/journal/hd-request-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, HdRequestEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, HdRequestEditor, reply_button);
  gtk_widget_class_bind_template_child (widget_class, HdRequestEditor, repeat_revealer);
  gtk_widget_class_bind_template_child (widget_class, HdRequestEditor, repeat_label);
  gtk_widget_class_bind_template_child (widget_class, HdRequestEditor, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, HdRequestEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, HdRequestEditor, requester_box);
  gtk_widget_class_bind_template_child (widget_class, HdRequestEditor, suggestions);
  gtk_widget_class_bind_template_child (widget_class, HdRequestEditor, person_revealer);
  gtk_widget_class_bind_template_child (widget_class, HdRequestEditor, person_box);
  gtk_widget_class_bind_template_child (widget_class, HdRequestEditor, request_box);
  gtk_widget_class_bind_template_child (widget_class, HdRequestEditor, status_box);
  gtk_widget_class_bind_template_child (widget_class, HdRequestEditor, history_title);
  gtk_widget_class_bind_template_child (widget_class, HdRequestEditor, history_list);
  gtk_widget_class_bind_template_callback (widget_class, suggestion_activated_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "editor.reply", NULL, reply_action);
  gtk_widget_class_install_action (widget_class, "editor.link-repeat", NULL, link_repeat_action);
  gtk_widget_class_install_action (widget_class, "editor.open-earlier", NULL, open_earlier_action);
  gtk_widget_class_install_action (widget_class, "editor.insert-template", "x", insert_template_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
}

static void
hd_request_editor_init (HdRequestEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->person_kind = -1;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.link-repeat", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.open-earlier", FALSE);
}

static void
connect_fields (HdRequestEditor *self)
{
  GtkEventController *key;

  for (guint f = 0; f < N_FIELDS; f++)
    {
      GtkWidget *widget = self->fields[f].widget;

      switch (field_info[f].type)
        {
        case FIELD_ENTRY:
          g_signal_connect_object (widget, "changed", G_CALLBACK (field_edited_cb), self, 0);
          break;

        case FIELD_DROPDOWN:
          g_signal_connect_object (widget, "notify::selected", G_CALLBACK (field_edited_cb), self, G_CONNECT_SWAPPED);
          g_signal_connect_object (widget, "notify::selected", G_CALLBACK (rule_field_changed_cb), self, G_CONNECT_SWAPPED);
          break;

        case FIELD_TEXT:
          g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), "changed",
                                   G_CALLBACK (text_buffer_changed_cb), self, 0);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  g_signal_connect_object (self->fields[F_REQUESTER].widget, "changed",
                           G_CALLBACK (requester_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->fields[F_SUMMARY].widget, "changed",
                           G_CALLBACK (summary_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->fields[F_VENDOR_TICKET].widget, "changed",
                           G_CALLBACK (rule_field_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->fields[F_TOPIC].widget, "notify::selected",
                           G_CALLBACK (update_template_menu), self, G_CONNECT_SWAPPED);
  key = gtk_event_controller_key_new ();
  g_signal_connect_object (key, "key-pressed", G_CALLBACK (requester_key_pressed_cb), self, 0);
  gtk_widget_add_controller (self->fields[F_REQUESTER].widget, key);
}

/* Public API */

/**
 * hd_request_editor_new:
 * @terms: (nullable): the terms of the regulation
 * @id: a request's number, or 0 to register a new one
 *
 * Returns: (transfer none): the editor, not yet shown; like every window it belongs to GTK
 *   until it is closed
 */
HdRequestEditor *
hd_request_editor_new (HdContext *context,
                       HdTerms   *terms,
                       gint64     id)
{
  HdRequestEditor *self;

  g_return_val_if_fail (HD_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (hd_context_get_database (context) != NULL, NULL);
  g_return_val_if_fail (terms == NULL || HD_IS_TERMS (terms), NULL);

  self = g_object_new (HD_TYPE_REQUEST_EDITOR, NULL);
  self->context = g_object_ref (context);
  self->terms = terms != NULL ? g_object_ref (terms) : NULL;
  build_form (self);
  load (self, id);
  connect_fields (self);
  update_status_rules (self);
  /* A new request starts at the name; an open one at its status */
  gtk_window_set_focus (GTK_WINDOW (self), self->fields[id > 0 ? F_STATUS : F_REQUESTER].widget);
  return self;
}

gint64
hd_request_editor_get_request_id (HdRequestEditor *self)
{
  g_return_val_if_fail (HD_IS_REQUEST_EDITOR (self), 0);
  return hd_request_get_id (self->state.original);
}

/**
 * hd_request_editor_is_dirty:
 *
 * Returns: whether closing now would lose changes
 */
gboolean
hd_request_editor_is_dirty (HdRequestEditor *self)
{
  g_autoptr(GPtrArray) ignored = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);

  g_return_val_if_fail (HD_IS_REQUEST_EDITOR (self), FALSE);

  read_form (self, ignored);
  /* Text that cannot be parsed is a change too */
  return ignored->len > 0 || editor_state_is_dirty (&self->state);
}

/**
 * hd_request_editor_get_field_widget:
 * @field: a column of requests ("summary", "status", …) or of people ("phone", …)
 *
 * Returns: (transfer none) (nullable): the widget that edits @field
 */
GtkWidget *
hd_request_editor_get_field_widget (HdRequestEditor *self,
                                    const char      *field)
{
  int f;

  g_return_val_if_fail (HD_IS_REQUEST_EDITOR (self), NULL);

  f = field_by_name (field);
  return f >= 0 ? self->fields[f].widget : NULL;
}

/**
 * hd_request_editor_get_field_error:
 *
 * Returns: (nullable): the error shown under @field, or %NULL
 */
const char *
hd_request_editor_get_field_error (HdRequestEditor *self,
                                   const char      *field)
{
  int f;

  g_return_val_if_fail (HD_IS_REQUEST_EDITOR (self), NULL);

  f = field_by_name (field);
  if (f < 0 || !gtk_widget_get_visible (self->fields[f].error))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (self->fields[f].error));
}

gboolean
hd_request_editor_get_field_visible (HdRequestEditor *self,
                                     const char      *field)
{
  int f;

  g_return_val_if_fail (HD_IS_REQUEST_EDITOR (self), FALSE);

  f = field_by_name (field);
  return f >= 0 && gtk_widget_get_visible (self->fields[f].box);
}

/**
 * hd_request_editor_choose_person:
 *
 * Makes @person_id the requester, as picking them from the suggestions does.
 *
 * Returns: whether the person exists
 */
gboolean
hd_request_editor_choose_person (HdRequestEditor *self,
                                 gint64           person_id)
{
  g_autoptr(HdPerson) person = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (HD_IS_REQUEST_EDITOR (self), FALSE);

  person = hd_person_store_get (get_db (self), person_id, &error);
  if (person == NULL)
    return FALSE;

  self->updating = TRUE;
  field_set_text (self, F_REQUESTER, hd_person_get_full_name (person));
  self->updating = FALSE;
  self->person_id = person_id;
  self->person_kind = hd_person_get_kind (person);
  g_free (self->requester_email);
  self->requester_email = g_strdup (hd_person_get_email (person));
  self->creating_person = FALSE;
  clear_suggestions (self);
  field_clear_error (self, F_REQUESTER);
  update_visibility (self);
  queue_similar_check (self);
  return TRUE;
}

/**
 * hd_request_editor_create_person:
 *
 * The requester is a new person, with the name typed: shows the person's fields.
 */
void
hd_request_editor_create_person (HdRequestEditor *self)
{
  g_return_if_fail (HD_IS_REQUEST_EDITOR (self));

  self->person_id = 0;
  self->creating_person = TRUE;
  clear_suggestions (self);
  field_clear_error (self, F_REQUESTER);
  update_visibility (self);
}

gboolean
hd_request_editor_get_repeat_shown (HdRequestEditor *self)
{
  g_return_val_if_fail (HD_IS_REQUEST_EDITOR (self), FALSE);

  /* A pending check runs now, so callers see its result */
  if (self->similar_source != 0)
    {
      g_clear_handle_id (&self->similar_source, g_source_remove);
      find_similar_cb (self);
    }
  return gtk_revealer_get_reveal_child (self->repeat_revealer);
}

/**
 * hd_request_editor_save:
 *
 * Saves as Ctrl+S does: on success the editor emits #HdRequestEditor::saved and closes; on
 * failure the errors are shown at their fields and everything typed stays.
 *
 * Returns: whether the request was saved
 */
gboolean
hd_request_editor_save (HdRequestEditor *self)
{
  g_return_val_if_fail (HD_IS_REQUEST_EDITOR (self), FALSE);
  return save (self);
}
