/* hd-person.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hd-person"

#include "config.h"

#include <glib/gi18n.h>

#include "hd-person.h"
#include "hd-record-private.h"

struct _HdPerson
{
  GObject parent_instance;


  gint64 id;
  char *full_name;
  int kind;
  char *position;
  char *class_name;
  char *phone;
  char *email;
  gboolean archived;
  gint64 created_at;
  gint64 updated_at;
};

G_DEFINE_FINAL_TYPE (HdPerson, hd_person, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_FULL_NAME,
  PROP_KIND,
  PROP_POSITION,
  PROP_CLASS_NAME,
  PROP_PHONE,
  PROP_EMAIL,
  PROP_ARCHIVED,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* g_set_str() arrived in GLib 2.76 */
static gboolean
set_str (char       **field,
         const char  *value)
{
  char *copy;

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  copy = g_strdup (value);
  g_free (*field);
  *field = copy;
  return TRUE;
}

static void
hd_person_finalize (GObject *object)
{
  HdPerson *self = (HdPerson *) object;

  g_clear_pointer (&self->full_name, g_free);
  g_clear_pointer (&self->position, g_free);
  g_clear_pointer (&self->class_name, g_free);
  g_clear_pointer (&self->phone, g_free);
  g_clear_pointer (&self->email, g_free);

  G_OBJECT_CLASS (hd_person_parent_class)->finalize (object);
}

static void
hd_person_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  HdPerson *self = HD_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_FULL_NAME:
      g_value_set_string (value, self->full_name);
      break;

    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;

    case PROP_POSITION:
      g_value_set_string (value, self->position);
      break;

    case PROP_CLASS_NAME:
      g_value_set_string (value, self->class_name);
      break;

    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;

    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;

    case PROP_ARCHIVED:
      g_value_set_boolean (value, self->archived);
      break;

    case PROP_CREATED_AT:
      g_value_set_int64 (value, self->created_at);
      break;

    case PROP_UPDATED_AT:
      g_value_set_int64 (value, self->updated_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_person_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  HdPerson *self = HD_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID:
      hd_person_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_FULL_NAME:
      hd_person_set_full_name (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      hd_person_set_kind (self, g_value_get_int (value));
      break;

    case PROP_POSITION:
      hd_person_set_position (self, g_value_get_string (value));
      break;

    case PROP_CLASS_NAME:
      hd_person_set_class_name (self, g_value_get_string (value));
      break;

    case PROP_PHONE:
      hd_person_set_phone (self, g_value_get_string (value));
      break;

    case PROP_EMAIL:
      hd_person_set_email (self, g_value_get_string (value));
      break;

    case PROP_ARCHIVED:
      hd_person_set_archived (self, g_value_get_boolean (value));
      break;

    case PROP_CREATED_AT:
      hd_person_set_created_at (self, g_value_get_int64 (value));
      break;

    case PROP_UPDATED_AT:
      hd_person_set_updated_at (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_person_class_init (HdPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hd_person_finalize;
  object_class->get_property = hd_person_get_property;
  object_class->set_property = hd_person_set_property;

  /* the row id; 0 until saved */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* «Фамилия Имя Отчество» */
  properties[PROP_FULL_NAME] =
    g_param_spec_string ("full-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* an HdRequesterKind; -1 until chosen */
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL,
                      -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* staff: the post */
  properties[PROP_POSITION] =
    g_param_spec_string ("position", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* students and parents: the class, e.g. «5А» */
  properties[PROP_CLASS_NAME] =
    g_param_spec_string ("class-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ARCHIVED] =
    g_param_spec_boolean ("archived", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Unix seconds, set by the store */
  properties[PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_UPDATED_AT] =
    g_param_spec_int64 ("updated-at", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hd_person_init (HdPerson *self)
{
  self->kind = -1;
}

/* ---------------------------------------------------------------------------------------- */
/* Public API                                                                                */

HdPerson *
hd_person_new (void)
{
  return g_object_new (HD_TYPE_PERSON, NULL);
}

/**
 * hd_person_copy:
 *
 * A detached copy, e.g. the original an editor compares the edited values with.
 *
 * Returns: (transfer full): the copy
 */
HdPerson *
hd_person_copy (HdPerson *self)
{
  HdPerson *copy;

  g_return_val_if_fail (HD_IS_PERSON (self), NULL);

  copy = hd_person_new ();
  copy->id = self->id;
  copy->full_name = g_strdup (self->full_name);
  copy->kind = self->kind;
  copy->position = g_strdup (self->position);
  copy->class_name = g_strdup (self->class_name);
  copy->phone = g_strdup (self->phone);
  copy->email = g_strdup (self->email);
  copy->archived = self->archived;
  copy->created_at = self->created_at;
  copy->updated_at = self->updated_at;
  return copy;
}

gint64
hd_person_get_id (HdPerson *self)
{
  g_return_val_if_fail (HD_IS_PERSON (self), 0);
  return self->id;
}

void
hd_person_set_id (HdPerson *self,
                 gint64 id)
{
  g_return_if_fail (HD_IS_PERSON (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
hd_person_get_full_name (HdPerson *self)
{
  g_return_val_if_fail (HD_IS_PERSON (self), NULL);
  return self->full_name;
}

void
hd_person_set_full_name (HdPerson *self,
                        const char *full_name)
{
  g_return_if_fail (HD_IS_PERSON (self));

  if (set_str (&self->full_name, full_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FULL_NAME]);
}

int
hd_person_get_kind (HdPerson *self)
{
  g_return_val_if_fail (HD_IS_PERSON (self), 0);
  return self->kind;
}

void
hd_person_set_kind (HdPerson *self,
                   int kind)
{
  g_return_if_fail (HD_IS_PERSON (self));

  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
hd_person_get_position (HdPerson *self)
{
  g_return_val_if_fail (HD_IS_PERSON (self), NULL);
  return self->position;
}

void
hd_person_set_position (HdPerson *self,
                       const char *position)
{
  g_return_if_fail (HD_IS_PERSON (self));

  if (set_str (&self->position, position))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

const char *
hd_person_get_class_name (HdPerson *self)
{
  g_return_val_if_fail (HD_IS_PERSON (self), NULL);
  return self->class_name;
}

void
hd_person_set_class_name (HdPerson *self,
                         const char *class_name)
{
  g_return_if_fail (HD_IS_PERSON (self));

  if (set_str (&self->class_name, class_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLASS_NAME]);
}

const char *
hd_person_get_phone (HdPerson *self)
{
  g_return_val_if_fail (HD_IS_PERSON (self), NULL);
  return self->phone;
}

void
hd_person_set_phone (HdPerson *self,
                    const char *phone)
{
  g_return_if_fail (HD_IS_PERSON (self));

  if (set_str (&self->phone, phone))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHONE]);
}

const char *
hd_person_get_email (HdPerson *self)
{
  g_return_val_if_fail (HD_IS_PERSON (self), NULL);
  return self->email;
}

void
hd_person_set_email (HdPerson *self,
                    const char *email)
{
  g_return_if_fail (HD_IS_PERSON (self));

  if (set_str (&self->email, email))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMAIL]);
}

gboolean
hd_person_get_archived (HdPerson *self)
{
  g_return_val_if_fail (HD_IS_PERSON (self), FALSE);
  return self->archived;
}

void
hd_person_set_archived (HdPerson *self,
                       gboolean archived)
{
  g_return_if_fail (HD_IS_PERSON (self));

  archived = !!archived;
  if (self->archived == archived)
    return;
  self->archived = archived;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARCHIVED]);
}

gint64
hd_person_get_created_at (HdPerson *self)
{
  g_return_val_if_fail (HD_IS_PERSON (self), 0);
  return self->created_at;
}

void
hd_person_set_created_at (HdPerson *self,
                         gint64 created_at)
{
  g_return_if_fail (HD_IS_PERSON (self));

  if (self->created_at == created_at)
    return;
  self->created_at = created_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
}

gint64
hd_person_get_updated_at (HdPerson *self)
{
  g_return_val_if_fail (HD_IS_PERSON (self), 0);
  return self->updated_at;
}

void
hd_person_set_updated_at (HdPerson *self,
                         gint64 updated_at)
{
  g_return_if_fail (HD_IS_PERSON (self));

  if (self->updated_at == updated_at)
    return;
  self->updated_at = updated_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
}

/* ---------------------------------------------------------------------------------------- */
/* Validation                                                                                */

/**
 * hd_person_field_label:
 * @field: a column of `people`, e.g. `full_name`
 *
 * Returns: the field's translated name, as the editor and the error messages show it
 */
const char *
hd_person_field_label (const char *field)
{
  static const struct { const char *field; const char *label; } labels[] = {
    { "full_name", NC_("person field", "Full name") },
    { "kind", NC_("person field", "Category") },
    { "position", NC_("person field", "Position") },
    { "class_name", NC_("person field", "Class") },
    { "phone", NC_("person field", "Phone") },
    { "email", NC_("person field", "E-mail") },
  };

  g_return_val_if_fail (field != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].field, field))
      return g_dpgettext2 (GETTEXT_PACKAGE, "person field", labels[i].label);
  return field;
}

/**
 * hd_person_validate_all:
 *
 * Checks every field that needs no database: the name (required, at most 200 characters),
 * the category, the lengths, the phone and e-mail formats.
 *
 * Returns: (transfer full) (element-type GError): one HD_ERROR_INVALID_FIELD error per
 *   invalid field, empty when the person is valid
 */
GPtrArray *
hd_person_validate_all (HdPerson *self)
{
  GPtrArray *errors;

  g_return_val_if_fail (HD_IS_PERSON (self), NULL);

  errors = hd_check_new ();
  hd_check_text (errors, self->full_name, "full_name", hd_person_field_label ("full_name"),
                 TRUE, HD_MAX_NAME);
  hd_check_enum (errors, HD_ENUM_REQUESTER_KIND, self->kind, FALSE, "kind",
                 hd_person_field_label ("kind"));
  hd_check_text (errors, self->position, "position", hd_person_field_label ("position"),
                 FALSE, HD_MAX_NAME);
  hd_check_text (errors, self->class_name, "class_name", hd_person_field_label ("class_name"),
                 FALSE, HD_MAX_SHORT);
  hd_check_phone (errors, self->phone, "phone", hd_person_field_label ("phone"));
  hd_check_email (errors, self->email, "email", hd_person_field_label ("email"));
  return errors;
}

/**
 * hd_person_validate:
 *
 * Returns: %TRUE when hd_person_validate_all() finds nothing; otherwise @error is its first
 *   error (HD_ERROR_INVALID_FIELD, see hd_error_get_field())
 */
gboolean
hd_person_validate (HdPerson  *self,
                    GError   **error)
{
  g_return_val_if_fail (HD_IS_PERSON (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return hd_check_finish (hd_person_validate_all (self), error);
}
