/* hd-appointment.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hd-appointment"

#include "config.h"

#include <glib/gi18n.h>

#include "hd-appointment.h"
#include "hd-error.h"
#include "hd-record-private.h"

struct _HdAppointment
{
  GObject parent_instance;


  gint64 id;
  gint64 starts_at;
  gint64 ends_at;
  gint64 person_id;
  char *person_name;
  gint64 request_id;
  gint64 newcomer_id;
  int topic;
  int mode;
  int status;
  gboolean walk_in;
  gint64 rescheduled_to;
  gint64 series_id;
  char *notes;
  char *outcome;
  gint64 created_at;
  gint64 updated_at;
};

G_DEFINE_FINAL_TYPE (HdAppointment, hd_appointment, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_STARTS_AT,
  PROP_ENDS_AT,
  PROP_PERSON_ID,
  PROP_PERSON_NAME,
  PROP_REQUEST_ID,
  PROP_NEWCOMER_ID,
  PROP_TOPIC,
  PROP_MODE,
  PROP_STATUS,
  PROP_WALK_IN,
  PROP_RESCHEDULED_TO,
  PROP_SERIES_ID,
  PROP_NOTES,
  PROP_OUTCOME,
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
hd_appointment_finalize (GObject *object)
{
  HdAppointment *self = (HdAppointment *) object;

  g_clear_pointer (&self->person_name, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->outcome, g_free);

  G_OBJECT_CLASS (hd_appointment_parent_class)->finalize (object);
}

static void
hd_appointment_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  HdAppointment *self = HD_APPOINTMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_STARTS_AT:
      g_value_set_int64 (value, self->starts_at);
      break;

    case PROP_ENDS_AT:
      g_value_set_int64 (value, self->ends_at);
      break;

    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;

    case PROP_PERSON_NAME:
      g_value_set_string (value, self->person_name);
      break;

    case PROP_REQUEST_ID:
      g_value_set_int64 (value, self->request_id);
      break;

    case PROP_NEWCOMER_ID:
      g_value_set_int64 (value, self->newcomer_id);
      break;

    case PROP_TOPIC:
      g_value_set_int (value, self->topic);
      break;

    case PROP_MODE:
      g_value_set_int (value, self->mode);
      break;

    case PROP_STATUS:
      g_value_set_int (value, self->status);
      break;

    case PROP_WALK_IN:
      g_value_set_boolean (value, self->walk_in);
      break;

    case PROP_RESCHEDULED_TO:
      g_value_set_int64 (value, self->rescheduled_to);
      break;

    case PROP_SERIES_ID:
      g_value_set_int64 (value, self->series_id);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    case PROP_OUTCOME:
      g_value_set_string (value, self->outcome);
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
hd_appointment_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  HdAppointment *self = HD_APPOINTMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      hd_appointment_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_STARTS_AT:
      hd_appointment_set_starts_at (self, g_value_get_int64 (value));
      break;

    case PROP_ENDS_AT:
      hd_appointment_set_ends_at (self, g_value_get_int64 (value));
      break;

    case PROP_PERSON_ID:
      hd_appointment_set_person_id (self, g_value_get_int64 (value));
      break;

    case PROP_PERSON_NAME:
      hd_appointment_set_person_name (self, g_value_get_string (value));
      break;

    case PROP_REQUEST_ID:
      hd_appointment_set_request_id (self, g_value_get_int64 (value));
      break;

    case PROP_NEWCOMER_ID:
      hd_appointment_set_newcomer_id (self, g_value_get_int64 (value));
      break;

    case PROP_TOPIC:
      hd_appointment_set_topic (self, g_value_get_int (value));
      break;

    case PROP_MODE:
      hd_appointment_set_mode (self, g_value_get_int (value));
      break;

    case PROP_STATUS:
      hd_appointment_set_status (self, g_value_get_int (value));
      break;

    case PROP_WALK_IN:
      hd_appointment_set_walk_in (self, g_value_get_boolean (value));
      break;

    case PROP_RESCHEDULED_TO:
      hd_appointment_set_rescheduled_to (self, g_value_get_int64 (value));
      break;

    case PROP_SERIES_ID:
      hd_appointment_set_series_id (self, g_value_get_int64 (value));
      break;

    case PROP_NOTES:
      hd_appointment_set_notes (self, g_value_get_string (value));
      break;

    case PROP_OUTCOME:
      hd_appointment_set_outcome (self, g_value_get_string (value));
      break;

    case PROP_CREATED_AT:
      hd_appointment_set_created_at (self, g_value_get_int64 (value));
      break;

    case PROP_UPDATED_AT:
      hd_appointment_set_updated_at (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_appointment_class_init (HdAppointmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hd_appointment_finalize;
  object_class->get_property = hd_appointment_get_property;
  object_class->set_property = hd_appointment_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Unix seconds */
  properties[PROP_STARTS_AT] =
    g_param_spec_int64 ("starts-at", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ENDS_AT] =
    g_param_spec_int64 ("ends-at", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* filled in by the store */
  properties[PROP_PERSON_NAME] =
    g_param_spec_string ("person-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* 0 for none */
  properties[PROP_REQUEST_ID] =
    g_param_spec_int64 ("request-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* 0 for none */
  properties[PROP_NEWCOMER_ID] =
    g_param_spec_int64 ("newcomer-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* an HdTopic */
  properties[PROP_TOPIC] =
    g_param_spec_int ("topic", NULL, NULL,
                      -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* an HdAppointmentMode */
  properties[PROP_MODE] =
    g_param_spec_int ("mode", NULL, NULL,
                      -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* an HdAppointmentStatus */
  properties[PROP_STATUS] =
    g_param_spec_int ("status", NULL, NULL,
                      -1, G_MAXINT, HD_APPOINTMENT_SCHEDULED,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_WALK_IN] =
    g_param_spec_boolean ("walk-in", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_RESCHEDULED_TO] =
    g_param_spec_int64 ("rescheduled-to", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SERIES_ID] =
    g_param_spec_int64 ("series-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_OUTCOME] =
    g_param_spec_string ("outcome", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
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
hd_appointment_init (HdAppointment *self)
{
  self->topic = -1;
  self->mode = -1;
  self->status = HD_APPOINTMENT_SCHEDULED;
}

/* ---------------------------------------------------------------------------------------- */
/* Public API                                                                                */

HdAppointment *
hd_appointment_new (void)
{
  return g_object_new (HD_TYPE_APPOINTMENT, NULL);
}

/**
 * hd_appointment_copy:
 *
 * A detached copy, e.g. the original an editor compares the edited values with.
 *
 * Returns: (transfer full): the copy
 */
HdAppointment *
hd_appointment_copy (HdAppointment *self)
{
  HdAppointment *copy;

  g_return_val_if_fail (HD_IS_APPOINTMENT (self), NULL);

  copy = hd_appointment_new ();
  copy->id = self->id;
  copy->starts_at = self->starts_at;
  copy->ends_at = self->ends_at;
  copy->person_id = self->person_id;
  copy->person_name = g_strdup (self->person_name);
  copy->request_id = self->request_id;
  copy->newcomer_id = self->newcomer_id;
  copy->topic = self->topic;
  copy->mode = self->mode;
  copy->status = self->status;
  copy->walk_in = self->walk_in;
  copy->rescheduled_to = self->rescheduled_to;
  copy->series_id = self->series_id;
  copy->notes = g_strdup (self->notes);
  copy->outcome = g_strdup (self->outcome);
  copy->created_at = self->created_at;
  copy->updated_at = self->updated_at;
  return copy;
}

gint64
hd_appointment_get_id (HdAppointment *self)
{
  g_return_val_if_fail (HD_IS_APPOINTMENT (self), 0);
  return self->id;
}

void
hd_appointment_set_id (HdAppointment *self,
                      gint64 id)
{
  g_return_if_fail (HD_IS_APPOINTMENT (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
hd_appointment_get_starts_at (HdAppointment *self)
{
  g_return_val_if_fail (HD_IS_APPOINTMENT (self), 0);
  return self->starts_at;
}

void
hd_appointment_set_starts_at (HdAppointment *self,
                             gint64 starts_at)
{
  g_return_if_fail (HD_IS_APPOINTMENT (self));

  if (self->starts_at == starts_at)
    return;
  self->starts_at = starts_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STARTS_AT]);
}

gint64
hd_appointment_get_ends_at (HdAppointment *self)
{
  g_return_val_if_fail (HD_IS_APPOINTMENT (self), 0);
  return self->ends_at;
}

void
hd_appointment_set_ends_at (HdAppointment *self,
                           gint64 ends_at)
{
  g_return_if_fail (HD_IS_APPOINTMENT (self));

  if (self->ends_at == ends_at)
    return;
  self->ends_at = ends_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENDS_AT]);
}

gint64
hd_appointment_get_person_id (HdAppointment *self)
{
  g_return_val_if_fail (HD_IS_APPOINTMENT (self), 0);
  return self->person_id;
}

void
hd_appointment_set_person_id (HdAppointment *self,
                             gint64 person_id)
{
  g_return_if_fail (HD_IS_APPOINTMENT (self));

  if (self->person_id == person_id)
    return;
  self->person_id = person_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_ID]);
}

const char *
hd_appointment_get_person_name (HdAppointment *self)
{
  g_return_val_if_fail (HD_IS_APPOINTMENT (self), NULL);
  return self->person_name;
}

void
hd_appointment_set_person_name (HdAppointment *self,
                               const char *person_name)
{
  g_return_if_fail (HD_IS_APPOINTMENT (self));

  if (set_str (&self->person_name, person_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_NAME]);
}

gint64
hd_appointment_get_request_id (HdAppointment *self)
{
  g_return_val_if_fail (HD_IS_APPOINTMENT (self), 0);
  return self->request_id;
}

void
hd_appointment_set_request_id (HdAppointment *self,
                              gint64 request_id)
{
  g_return_if_fail (HD_IS_APPOINTMENT (self));

  if (self->request_id == request_id)
    return;
  self->request_id = request_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REQUEST_ID]);
}

gint64
hd_appointment_get_newcomer_id (HdAppointment *self)
{
  g_return_val_if_fail (HD_IS_APPOINTMENT (self), 0);
  return self->newcomer_id;
}

void
hd_appointment_set_newcomer_id (HdAppointment *self,
                               gint64 newcomer_id)
{
  g_return_if_fail (HD_IS_APPOINTMENT (self));

  if (self->newcomer_id == newcomer_id)
    return;
  self->newcomer_id = newcomer_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEWCOMER_ID]);
}

int
hd_appointment_get_topic (HdAppointment *self)
{
  g_return_val_if_fail (HD_IS_APPOINTMENT (self), 0);
  return self->topic;
}

void
hd_appointment_set_topic (HdAppointment *self,
                         int topic)
{
  g_return_if_fail (HD_IS_APPOINTMENT (self));

  if (self->topic == topic)
    return;
  self->topic = topic;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOPIC]);
}

int
hd_appointment_get_mode (HdAppointment *self)
{
  g_return_val_if_fail (HD_IS_APPOINTMENT (self), 0);
  return self->mode;
}

void
hd_appointment_set_mode (HdAppointment *self,
                        int mode)
{
  g_return_if_fail (HD_IS_APPOINTMENT (self));

  if (self->mode == mode)
    return;
  self->mode = mode;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
}

int
hd_appointment_get_status (HdAppointment *self)
{
  g_return_val_if_fail (HD_IS_APPOINTMENT (self), 0);
  return self->status;
}

void
hd_appointment_set_status (HdAppointment *self,
                          int status)
{
  g_return_if_fail (HD_IS_APPOINTMENT (self));

  if (self->status == status)
    return;
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

gboolean
hd_appointment_get_walk_in (HdAppointment *self)
{
  g_return_val_if_fail (HD_IS_APPOINTMENT (self), FALSE);
  return self->walk_in;
}

void
hd_appointment_set_walk_in (HdAppointment *self,
                           gboolean walk_in)
{
  g_return_if_fail (HD_IS_APPOINTMENT (self));

  walk_in = !!walk_in;
  if (self->walk_in == walk_in)
    return;
  self->walk_in = walk_in;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WALK_IN]);
}

gint64
hd_appointment_get_rescheduled_to (HdAppointment *self)
{
  g_return_val_if_fail (HD_IS_APPOINTMENT (self), 0);
  return self->rescheduled_to;
}

void
hd_appointment_set_rescheduled_to (HdAppointment *self,
                                  gint64 rescheduled_to)
{
  g_return_if_fail (HD_IS_APPOINTMENT (self));

  if (self->rescheduled_to == rescheduled_to)
    return;
  self->rescheduled_to = rescheduled_to;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESCHEDULED_TO]);
}

gint64
hd_appointment_get_series_id (HdAppointment *self)
{
  g_return_val_if_fail (HD_IS_APPOINTMENT (self), 0);
  return self->series_id;
}

void
hd_appointment_set_series_id (HdAppointment *self,
                             gint64 series_id)
{
  g_return_if_fail (HD_IS_APPOINTMENT (self));

  if (self->series_id == series_id)
    return;
  self->series_id = series_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERIES_ID]);
}

const char *
hd_appointment_get_notes (HdAppointment *self)
{
  g_return_val_if_fail (HD_IS_APPOINTMENT (self), NULL);
  return self->notes;
}

void
hd_appointment_set_notes (HdAppointment *self,
                         const char *notes)
{
  g_return_if_fail (HD_IS_APPOINTMENT (self));

  if (set_str (&self->notes, notes))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

const char *
hd_appointment_get_outcome (HdAppointment *self)
{
  g_return_val_if_fail (HD_IS_APPOINTMENT (self), NULL);
  return self->outcome;
}

void
hd_appointment_set_outcome (HdAppointment *self,
                           const char *outcome)
{
  g_return_if_fail (HD_IS_APPOINTMENT (self));

  if (set_str (&self->outcome, outcome))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OUTCOME]);
}

gint64
hd_appointment_get_created_at (HdAppointment *self)
{
  g_return_val_if_fail (HD_IS_APPOINTMENT (self), 0);
  return self->created_at;
}

void
hd_appointment_set_created_at (HdAppointment *self,
                              gint64 created_at)
{
  g_return_if_fail (HD_IS_APPOINTMENT (self));

  if (self->created_at == created_at)
    return;
  self->created_at = created_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
}

gint64
hd_appointment_get_updated_at (HdAppointment *self)
{
  g_return_val_if_fail (HD_IS_APPOINTMENT (self), 0);
  return self->updated_at;
}

void
hd_appointment_set_updated_at (HdAppointment *self,
                              gint64 updated_at)
{
  g_return_if_fail (HD_IS_APPOINTMENT (self));

  if (self->updated_at == updated_at)
    return;
  self->updated_at = updated_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
}

/* ---------------------------------------------------------------------------------------- */
/* Validation                                                                                */

/* A consultation is an hour or so; a day bounds the search of a week's appointments. */
#define MAX_DURATION ((gint64) 24 * 60 * 60)

/**
 * hd_appointment_field_label:
 * @field: a column of `appointments`, e.g. `starts_at`
 *
 * Returns: the field's translated name, as the editor and the error messages show it
 */
const char *
hd_appointment_field_label (const char *field)
{
  static const struct { const char *field; const char *label; } labels[] = {
    { "starts_at", NC_("appointment field", "Start") },
    { "ends_at", NC_("appointment field", "End") },
    { "person_id", NC_("appointment field", "Visitor") },
    { "request_id", NC_("appointment field", "Request") },
    { "newcomer_id", NC_("appointment field", "New employee") },
    { "topic", NC_("appointment field", "Topic") },
    { "mode", NC_("appointment field", "Form") },
    { "status", NC_("appointment field", "Status") },
    { "rescheduled_to", NC_("appointment field", "Rescheduled to") },
    { "notes", NC_("appointment field", "Notes") },
    { "outcome", NC_("appointment field", "Outcome") },
  };

  g_return_val_if_fail (field != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].field, field))
      return g_dpgettext2 (GETTEXT_PACKAGE, "appointment field", labels[i].label);
  return field;
}

/**
 * hd_appointment_validate_all:
 *
 * Checks every rule that needs no database: the start (not before 2000), an end after the
 * start and within a day of it, a person, the topic, mode and status, and the lengths of the
 * notes and the outcome. Availability (reception hours, overlaps) is the calendar's business.
 *
 * Returns: (transfer full) (element-type GError): one HD_ERROR_INVALID_FIELD error per
 *   invalid field, empty when valid
 */
GPtrArray *
hd_appointment_validate_all (HdAppointment *self)
{
  GPtrArray *errors;
  GError *error = NULL;

  g_return_val_if_fail (HD_IS_APPOINTMENT (self), NULL);

  errors = hd_check_new ();

  if (self->starts_at == 0)
    {
      /* Translators: %s is the name of a field, e.g. «Краткое содержание» */
      hd_error_set_field (&error, "starts_at", _("“%s” must be filled in."),
                          hd_appointment_field_label ("starts_at"));
      hd_check_add (errors, g_steal_pointer (&error));
    }
  else if (self->starts_at < HD_EARLIEST_TIME)
    {
      /* Translators: %s is the name of a field, e.g. «Дата поступления» */
      hd_error_set_field (&error, "starts_at", _("“%s” is before the year 2000. Check the date."),
                          hd_appointment_field_label ("starts_at"));
      hd_check_add (errors, g_steal_pointer (&error));
    }
  else if (self->ends_at <= self->starts_at)
    {
      /* Translators: %s is the name of a field, e.g. «Окончание» */
      hd_error_set_field (&error, "ends_at", _("“%s” must be later than the start."),
                          hd_appointment_field_label ("ends_at"));
      hd_check_add (errors, g_steal_pointer (&error));
    }
  else if (self->ends_at - self->starts_at > MAX_DURATION)
    {
      /* Translators: %s is the name of a field, e.g. «Окончание» */
      hd_error_set_field (&error, "ends_at", _("A consultation cannot last more than a day. "
                                               "Check “%s”."),
                          hd_appointment_field_label ("ends_at"));
      hd_check_add (errors, g_steal_pointer (&error));
    }

  if (self->person_id <= 0)
    {
      /* Translators: %s is the name of a field, e.g. «Заявитель» */
      hd_error_set_field (&error, "person_id", _("Choose a person in “%s”."),
                          hd_appointment_field_label ("person_id"));
      hd_check_add (errors, g_steal_pointer (&error));
    }

  hd_check_enum (errors, HD_ENUM_TOPIC, self->topic, FALSE, "topic",
                 hd_appointment_field_label ("topic"));
  hd_check_enum (errors, HD_ENUM_APPOINTMENT_MODE, self->mode, FALSE, "mode",
                 hd_appointment_field_label ("mode"));
  hd_check_enum (errors, HD_ENUM_APPOINTMENT_STATUS, self->status, FALSE, "status",
                 hd_appointment_field_label ("status"));
  hd_check_text (errors, self->notes, "notes", hd_appointment_field_label ("notes"),
                 FALSE, HD_MAX_NOTES);
  hd_check_text (errors, self->outcome, "outcome", hd_appointment_field_label ("outcome"),
                 FALSE, HD_MAX_NOTES);

  return errors;
}
