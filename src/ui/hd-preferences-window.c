/* hd-preferences-window.c — the school's preferences, stored in its database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Text is saved shortly after typing stops, on Enter, and when the window closes. A value
 * that fails its check is marked at its row, explained under its group, and not saved, but
 * stays in the row as typed; closing the window then asks before the typing is thrown away.
 */
#define G_LOG_DOMAIN "hd-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "hd-preferences-window.h"
#include "onboarding/hd-calendar-overrides-group.h"
#include "hd-settings-keys.h"
#include "hd-templates-page.h"
#include "hd-text.h"

/* Long enough not to write the database on every key press, short enough to feel immediate */
#define SAVE_DELAY_MS 500

typedef enum {
  FIELD_TEXT,
  FIELD_PHONE,
  FIELD_EMAIL,
} FieldKind;

typedef struct {
  /* Borrowed */
  AdwEntryRow *row;
  GtkImage    *error_icon;
  GtkLabel    *message_label;

  const char  *key;
  const char  *label;
  FieldKind    kind;
  gboolean     required;

  /* Owned */
  char        *message;   /* why the text is not saved, or NULL */
  guint        save_id;
} Field;

enum {
  FIELD_SCHOOL_NAME,
  FIELD_CONSULTANT,
  FIELD_PHONE_NUMBER,
  FIELD_EMAIL_ADDRESS,
  N_FIELDS
};

struct _HdPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  /* Template widgets */
  AdwEntryRow   *school_name_row;
  GtkImage      *school_name_error;
  GtkLabel      *school_name_message;
  AdwEntryRow   *consultant_row;
  GtkImage      *consultant_error;
  GtkLabel      *consultant_message;
  AdwEntryRow   *phone_row;
  GtkImage      *phone_error;
  GtkLabel      *phone_message;
  AdwEntryRow   *email_row;
  GtkImage      *email_error;
  GtkLabel      *email_message;
  GtkSpinButton *deadline_spin;

  /* Owned */
  HdContext     *context;
  Field          fields[N_FIELDS];

  gboolean       loading;
  gboolean       discard_confirmed;
};

G_DEFINE_FINAL_TYPE (HdPreferencesWindow, hd_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The most characters of a name, as in the people table */
#define MAX_NAME_CHARS 200

static char *
field_validate (const Field *field,
                const char  *text)
{
  g_autoptr(GError) error = NULL;

  if (!hd_text_check (text, field->key, _(field->label), field->required, MAX_NAME_CHARS, &error))
    return g_strdup (error->message);

  if (*text == '\0')
    return NULL;

  if (field->kind == FIELD_PHONE && !hd_text_is_valid_phone (text))
    return g_strdup (_("This does not look like a phone number. Write it with the area code, "
                       "for example 8 (41651) 2-00-77."));

  if (field->kind == FIELD_EMAIL && !hd_text_is_valid_email (text))
    return g_strdup (_("This does not look like an e-mail address. Write it like "
                       "shkola1_shim@mail.ru."));

  return NULL;
}

static void
field_show_message (Field      *field,
                    const char *message)
{
  GtkWidget *row = GTK_WIDGET (field->row);

  g_free (field->message);
  field->message = g_strdup (message);

  gtk_widget_set_visible (GTK_WIDGET (field->error_icon), message != NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (field->error_icon), message);
  gtk_label_set_text (field->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (field->message_label), message != NULL);
  if (message != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
    }
  else
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

static void
show_toast (HdPreferencesWindow *self,
            const char          *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 8);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

/* Saves the field now if its text is valid. Returns FALSE when the text could not be saved. */
static gboolean
field_save (HdPreferencesWindow *self,
            Field               *field)
{
  g_autofree char *text = hd_text_strip (gtk_editable_get_text (GTK_EDITABLE (field->row)));
  g_autofree char *stored = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&field->save_id, g_source_remove);

  message = field_validate (field, text);
  field_show_message (field, message);
  if (message != NULL)
    return FALSE;

  stored = hd_context_get_setting (self->context, field->key);
  if (g_strcmp0 (stored, text) == 0)
    return TRUE;

  if (!hd_context_set_setting (self->context, field->key, text, &error))
    {
      show_toast (self, error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  Field *field = user_data;
  HdPreferencesWindow *self;

  field->save_id = 0;
  self = HD_PREFERENCES_WINDOW (gtk_widget_get_root (GTK_WIDGET (field->row)));
  field_save (self, field);
  return G_SOURCE_REMOVE;
}

static Field *
field_for_row (HdPreferencesWindow *self,
               AdwEntryRow         *row)
{
  for (guint i = 0; i < N_FIELDS; i++)
    if (self->fields[i].row == row)
      return &self->fields[i];
  g_assert_not_reached ();
}

static void
row_changed_cb (HdPreferencesWindow *self,
                AdwEntryRow         *row)
{
  Field *field = field_for_row (self, row);
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;

  if (self->loading)
    return;

  /* Clear a stale mark at once; a new one waits until typing pauses */
  text = hd_text_strip (gtk_editable_get_text (GTK_EDITABLE (row)));
  message = field_validate (field, text);
  if (message == NULL)
    field_show_message (field, NULL);

  g_clear_handle_id (&field->save_id, g_source_remove);
  field->save_id = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, field);
}

static void
row_entry_activated_cb (HdPreferencesWindow *self,
                        AdwEntryRow         *row)
{
  /* A wrong value is explained under its group; a refusal of the database in a toast */
  field_save (self, field_for_row (self, row));
}

static void
deadline_value_changed_cb (HdPreferencesWindow *self,
                           GtkSpinButton       *spin)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (self->loading)
    return;

  text = g_strdup_printf ("%d", gtk_spin_button_get_value_as_int (spin));
  if (!hd_context_set_setting (self->context, HD_SETTING_DEADLINE_DAYS, text, &error))
    show_toast (self, error->message);
}

static gboolean
close_idle_cb (gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
discard_response_cb (HdPreferencesWindow *self,
                     const char          *response,
                     AdwMessageDialog    *dialog)
{
  if (g_str_equal (response, "discard"))
    {
      self->discard_confirmed = TRUE;
      /* Only once the dialog, transient for this window, is gone: destroying its parent
       * under it crashes GTK 4.8 */
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_idle_cb, g_object_ref (self), g_object_unref);
    }
}

static void
load (HdPreferencesWindow *self)
{
  self->loading = TRUE;

  for (guint i = 0; i < N_FIELDS; i++)
    {
      g_autofree char *value = hd_context_get_setting (self->context, self->fields[i].key);

      gtk_editable_set_text (GTK_EDITABLE (self->fields[i].row), value != NULL ? value : "");
    }

  gtk_spin_button_set_value (self->deadline_spin,
                             CLAMP (hd_context_get_setting_int (self->context,
                                                                HD_SETTING_DEADLINE_DAYS),
                                    HD_MIN_DEADLINE_DAYS, HD_MAX_DEADLINE_DAYS));

  self->loading = FALSE;
}

static gboolean
hd_preferences_window_close_request (GtkWindow *window)
{
  HdPreferencesWindow *self = HD_PREFERENCES_WINDOW (window);
  AdwMessageDialog *dialog;
  g_autoptr(GString) body = NULL;

  if (self->discard_confirmed || hd_preferences_window_flush (self))
    return GTK_WINDOW_CLASS (hd_preferences_window_parent_class)->close_request (window);

  body = g_string_new (NULL);
  for (guint i = 0; i < N_FIELDS; i++)
    if (self->fields[i].message != NULL)
      {
        if (body->len > 0)
          g_string_append (body, "\n\n");
        g_string_append (body, self->fields[i].message);
      }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, _("Discard the Wrong Values?"),
                                                       body->str));
  adw_message_dialog_add_responses (dialog,
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "keep");
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (discard_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

static void
hd_preferences_window_constructed (GObject *object)
{
  HdPreferencesWindow *self = HD_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (hd_preferences_window_parent_class)->constructed (object);

  g_assert (HD_IS_CONTEXT (self->context));
  load (self);

  /* The school's own working and non-working days (the onboarding's, issue 5) */
  adw_preferences_page_add (adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (self)),
                            ADW_PREFERENCES_GROUP (hd_calendar_overrides_group_new (self->context)));

  /* Ready answers per topic, inserted into a request's resolution (issue 4) */
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (hd_templates_page_new (self->context)));
}

static void
hd_preferences_window_dispose (GObject *object)
{
  HdPreferencesWindow *self = HD_PREFERENCES_WINDOW (object);

  for (guint i = 0; i < N_FIELDS; i++)
    {
      g_clear_handle_id (&self->fields[i].save_id, g_source_remove);
      g_clear_pointer (&self->fields[i].message, g_free);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), HD_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (hd_preferences_window_parent_class)->dispose (object);
}

static void
hd_preferences_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  HdPreferencesWindow *self = HD_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_preferences_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  HdPreferencesWindow *self = HD_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_preferences_window_class_init (HdPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = hd_preferences_window_constructed;
  object_class->dispose = hd_preferences_window_dispose;
  object_class->get_property = hd_preferences_window_get_property;
  object_class->set_property = hd_preferences_window_set_property;

  window_class->close_request = hd_preferences_window_close_request;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         HD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/hd-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HdPreferencesWindow, school_name_row);
  gtk_widget_class_bind_template_child (widget_class, HdPreferencesWindow, school_name_error);
  gtk_widget_class_bind_template_child (widget_class, HdPreferencesWindow, school_name_message);
  gtk_widget_class_bind_template_child (widget_class, HdPreferencesWindow, consultant_row);
  gtk_widget_class_bind_template_child (widget_class, HdPreferencesWindow, consultant_error);
  gtk_widget_class_bind_template_child (widget_class, HdPreferencesWindow, consultant_message);
  gtk_widget_class_bind_template_child (widget_class, HdPreferencesWindow, phone_row);
  gtk_widget_class_bind_template_child (widget_class, HdPreferencesWindow, phone_error);
  gtk_widget_class_bind_template_child (widget_class, HdPreferencesWindow, phone_message);
  gtk_widget_class_bind_template_child (widget_class, HdPreferencesWindow, email_row);
  gtk_widget_class_bind_template_child (widget_class, HdPreferencesWindow, email_error);
  gtk_widget_class_bind_template_child (widget_class, HdPreferencesWindow, email_message);
  gtk_widget_class_bind_template_child (widget_class, HdPreferencesWindow, deadline_spin);
}

static void
hd_preferences_window_init (HdPreferencesWindow *self)
{
  static const struct {
    const char *key;
    const char *label;
    FieldKind   kind;
    gboolean    required;
  } specs[N_FIELDS] = {
    /* The labels are the rows' titles, for messages like «“Название школы” must be filled in» */
    [FIELD_SCHOOL_NAME] = { HD_SETTING_SCHOOL_NAME, N_("School Name"), FIELD_TEXT, TRUE },
    [FIELD_CONSULTANT] = { HD_SETTING_CONSULTANT_NAME, N_("Consultant’s Name"), FIELD_TEXT,
                           FALSE },
    [FIELD_PHONE_NUMBER] = { HD_SETTING_SUPPORT_PHONE, N_("Phone"), FIELD_PHONE, FALSE },
    [FIELD_EMAIL_ADDRESS] = { HD_SETTING_SUPPORT_EMAIL, N_("E-mail"), FIELD_EMAIL, FALSE },
  };

  gtk_widget_init_template (GTK_WIDGET (self));

  self->fields[FIELD_SCHOOL_NAME].row = self->school_name_row;
  self->fields[FIELD_SCHOOL_NAME].error_icon = self->school_name_error;
  self->fields[FIELD_SCHOOL_NAME].message_label = self->school_name_message;
  self->fields[FIELD_CONSULTANT].row = self->consultant_row;
  self->fields[FIELD_CONSULTANT].error_icon = self->consultant_error;
  self->fields[FIELD_CONSULTANT].message_label = self->consultant_message;
  self->fields[FIELD_PHONE_NUMBER].row = self->phone_row;
  self->fields[FIELD_PHONE_NUMBER].error_icon = self->phone_error;
  self->fields[FIELD_PHONE_NUMBER].message_label = self->phone_message;
  self->fields[FIELD_EMAIL_ADDRESS].row = self->email_row;
  self->fields[FIELD_EMAIL_ADDRESS].error_icon = self->email_error;
  self->fields[FIELD_EMAIL_ADDRESS].message_label = self->email_message;

  for (guint i = 0; i < N_FIELDS; i++)
    {
      Field *field = &self->fields[i];

      field->key = specs[i].key;
      field->label = specs[i].label;
      field->kind = specs[i].kind;
      field->required = specs[i].required;
      g_signal_connect_object (field->row, "changed",
                               G_CALLBACK (row_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (field->row, "entry-activated",
                               G_CALLBACK (row_entry_activated_cb), self, G_CONNECT_SWAPPED);
    }

  g_signal_connect_object (self->deadline_spin, "value-changed",
                           G_CALLBACK (deadline_value_changed_cb), self, G_CONNECT_SWAPPED);
}

HdPreferencesWindow *
hd_preferences_window_new (HdContext *context)
{
  g_return_val_if_fail (HD_IS_CONTEXT (context), NULL);

  return g_object_new (HD_TYPE_PREFERENCES_WINDOW, "context", context, NULL);
}

/**
 * hd_preferences_window_flush:
 *
 * Saves what is waiting to be saved.
 *
 * Returns: %TRUE when every row's text is stored; %FALSE when a row holds a wrong value
 *   (marked at the row) or the database refused it (shown in a toast)
 */
gboolean
hd_preferences_window_flush (HdPreferencesWindow *self)
{
  gboolean all_saved = TRUE;

  g_return_val_if_fail (HD_IS_PREFERENCES_WINDOW (self), FALSE);

  for (guint i = 0; i < N_FIELDS; i++)
    if (!field_save (self, &self->fields[i]))
      all_saved = FALSE;
  return all_saved;
}
