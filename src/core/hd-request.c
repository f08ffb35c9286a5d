/* hd-request.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hd-request"

#include "config.h"

#include <glib/gi18n.h>

#include "hd-error.h"
#include "hd-record-private.h"
#include "hd-request.h"

struct _HdRequest
{
  GObject parent_instance;


  gint64 id;
  gint64 received_at;
  gint64 requester_id;
  char *requester_name;
  int requester_kind;
  int channel;
  gint64 relayed_by_id;
  int topic;
  char *summary;
  char *description;
  int status;
  int rejection_reason;
  char *rejection_note;
  char *vendor_ticket;
  gint64 related_id;
  gboolean is_repeat;
  char *assignee;
  char *callback_phone;
  gint64 callback_done_at;
  gint64 first_response_at;
  gint64 resolved_at;
  char *resolution;
  gboolean archived;
  gint64 created_at;
  gint64 updated_at;
};

G_DEFINE_FINAL_TYPE (HdRequest, hd_request, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_RECEIVED_AT,
  PROP_REQUESTER_ID,
  PROP_REQUESTER_NAME,
  PROP_REQUESTER_KIND,
  PROP_CHANNEL,
  PROP_RELAYED_BY_ID,
  PROP_TOPIC,
  PROP_SUMMARY,
  PROP_DESCRIPTION,
  PROP_STATUS,
  PROP_REJECTION_REASON,
  PROP_REJECTION_NOTE,
  PROP_VENDOR_TICKET,
  PROP_RELATED_ID,
  PROP_IS_REPEAT,
  PROP_ASSIGNEE,
  PROP_CALLBACK_PHONE,
  PROP_CALLBACK_DONE_AT,
  PROP_FIRST_RESPONSE_AT,
  PROP_RESOLVED_AT,
  PROP_RESOLUTION,
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
hd_request_finalize (GObject *object)
{
  HdRequest *self = (HdRequest *) object;

  g_clear_pointer (&self->requester_name, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->rejection_note, g_free);
  g_clear_pointer (&self->vendor_ticket, g_free);
  g_clear_pointer (&self->assignee, g_free);
  g_clear_pointer (&self->callback_phone, g_free);
  g_clear_pointer (&self->resolution, g_free);

  G_OBJECT_CLASS (hd_request_parent_class)->finalize (object);
}

static void
hd_request_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  HdRequest *self = HD_REQUEST (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_RECEIVED_AT:
      g_value_set_int64 (value, self->received_at);
      break;

    case PROP_REQUESTER_ID:
      g_value_set_int64 (value, self->requester_id);
      break;

    case PROP_REQUESTER_NAME:
      g_value_set_string (value, self->requester_name);
      break;

    case PROP_REQUESTER_KIND:
      g_value_set_int (value, self->requester_kind);
      break;

    case PROP_CHANNEL:
      g_value_set_int (value, self->channel);
      break;

    case PROP_RELAYED_BY_ID:
      g_value_set_int64 (value, self->relayed_by_id);
      break;

    case PROP_TOPIC:
      g_value_set_int (value, self->topic);
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_STATUS:
      g_value_set_int (value, self->status);
      break;

    case PROP_REJECTION_REASON:
      g_value_set_int (value, self->rejection_reason);
      break;

    case PROP_REJECTION_NOTE:
      g_value_set_string (value, self->rejection_note);
      break;

    case PROP_VENDOR_TICKET:
      g_value_set_string (value, self->vendor_ticket);
      break;

    case PROP_RELATED_ID:
      g_value_set_int64 (value, self->related_id);
      break;

    case PROP_IS_REPEAT:
      g_value_set_boolean (value, self->is_repeat);
      break;

    case PROP_ASSIGNEE:
      g_value_set_string (value, self->assignee);
      break;

    case PROP_CALLBACK_PHONE:
      g_value_set_string (value, self->callback_phone);
      break;

    case PROP_CALLBACK_DONE_AT:
      g_value_set_int64 (value, self->callback_done_at);
      break;

    case PROP_FIRST_RESPONSE_AT:
      g_value_set_int64 (value, self->first_response_at);
      break;

    case PROP_RESOLVED_AT:
      g_value_set_int64 (value, self->resolved_at);
      break;

    case PROP_RESOLUTION:
      g_value_set_string (value, self->resolution);
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
hd_request_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  HdRequest *self = HD_REQUEST (object);

  switch (prop_id)
    {
    case PROP_ID:
      hd_request_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_RECEIVED_AT:
      hd_request_set_received_at (self, g_value_get_int64 (value));
      break;

    case PROP_REQUESTER_ID:
      hd_request_set_requester_id (self, g_value_get_int64 (value));
      break;

    case PROP_REQUESTER_NAME:
      hd_request_set_requester_name (self, g_value_get_string (value));
      break;

    case PROP_REQUESTER_KIND:
      hd_request_set_requester_kind (self, g_value_get_int (value));
      break;

    case PROP_CHANNEL:
      hd_request_set_channel (self, g_value_get_int (value));
      break;

    case PROP_RELAYED_BY_ID:
      hd_request_set_relayed_by_id (self, g_value_get_int64 (value));
      break;

    case PROP_TOPIC:
      hd_request_set_topic (self, g_value_get_int (value));
      break;

    case PROP_SUMMARY:
      hd_request_set_summary (self, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      hd_request_set_description (self, g_value_get_string (value));
      break;

    case PROP_STATUS:
      hd_request_set_status (self, g_value_get_int (value));
      break;

    case PROP_REJECTION_REASON:
      hd_request_set_rejection_reason (self, g_value_get_int (value));
      break;

    case PROP_REJECTION_NOTE:
      hd_request_set_rejection_note (self, g_value_get_string (value));
      break;

    case PROP_VENDOR_TICKET:
      hd_request_set_vendor_ticket (self, g_value_get_string (value));
      break;

    case PROP_RELATED_ID:
      hd_request_set_related_id (self, g_value_get_int64 (value));
      break;

    case PROP_IS_REPEAT:
      hd_request_set_is_repeat (self, g_value_get_boolean (value));
      break;

    case PROP_ASSIGNEE:
      hd_request_set_assignee (self, g_value_get_string (value));
      break;

    case PROP_CALLBACK_PHONE:
      hd_request_set_callback_phone (self, g_value_get_string (value));
      break;

    case PROP_CALLBACK_DONE_AT:
      hd_request_set_callback_done_at (self, g_value_get_int64 (value));
      break;

    case PROP_FIRST_RESPONSE_AT:
      hd_request_set_first_response_at (self, g_value_get_int64 (value));
      break;

    case PROP_RESOLVED_AT:
      hd_request_set_resolved_at (self, g_value_get_int64 (value));
      break;

    case PROP_RESOLUTION:
      hd_request_set_resolution (self, g_value_get_string (value));
      break;

    case PROP_ARCHIVED:
      hd_request_set_archived (self, g_value_get_boolean (value));
      break;

    case PROP_CREATED_AT:
      hd_request_set_created_at (self, g_value_get_int64 (value));
      break;

    case PROP_UPDATED_AT:
      hd_request_set_updated_at (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_request_class_init (HdRequestClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hd_request_finalize;
  object_class->get_property = hd_request_get_property;
  object_class->set_property = hd_request_set_property;

  /* the request number; 0 until saved */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Unix seconds */
  properties[PROP_RECEIVED_AT] =
    g_param_spec_int64 ("received-at", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_REQUESTER_ID] =
    g_param_spec_int64 ("requester-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* filled in by the store from people, read-only in practice */
  properties[PROP_REQUESTER_NAME] =
    g_param_spec_string ("requester-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* an HdRequesterKind; -1 takes the kind of the person when saved */
  properties[PROP_REQUESTER_KIND] =
    g_param_spec_int ("requester-kind", NULL, NULL,
                      -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* an HdChannel; -1 until chosen */
  properties[PROP_CHANNEL] =
    g_param_spec_int ("channel", NULL, NULL,
                      -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* channel class_teacher: the staff member who passed it on */
  properties[PROP_RELAYED_BY_ID] =
    g_param_spec_int64 ("relayed-by-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* an HdTopic; -1 until chosen */
  properties[PROP_TOPIC] =
    g_param_spec_int ("topic", NULL, NULL,
                      -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* an HdStatus */
  properties[PROP_STATUS] =
    g_param_spec_int ("status", NULL, NULL,
                      -1, G_MAXINT, HD_STATUS_NEW,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* an HdRejectionReason, or -1 for none */
  properties[PROP_REJECTION_REASON] =
    g_param_spec_int ("rejection-reason", NULL, NULL,
                      -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_REJECTION_NOTE] =
    g_param_spec_string ("rejection-note", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* the ticket number at the support of Dnevnik.ru */
  properties[PROP_VENDOR_TICKET] =
    g_param_spec_string ("vendor-ticket", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* an earlier request this one relates to, or 0 */
  properties[PROP_RELATED_ID] =
    g_param_spec_int64 ("related-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_IS_REPEAT] =
    g_param_spec_boolean ("is-repeat", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ASSIGNEE] =
    g_param_spec_string ("assignee", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* voicemail: the number to call back */
  properties[PROP_CALLBACK_PHONE] =
    g_param_spec_string ("callback-phone", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* instants: 0 when not (yet) set */
  properties[PROP_CALLBACK_DONE_AT] =
    g_param_spec_int64 ("callback-done-at", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FIRST_RESPONSE_AT] =
    g_param_spec_int64 ("first-response-at", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* resolved or rejected */
  properties[PROP_RESOLVED_AT] =
    g_param_spec_int64 ("resolved-at", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_RESOLUTION] =
    g_param_spec_string ("resolution", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ARCHIVED] =
    g_param_spec_boolean ("archived", NULL, NULL,
                          FALSE,
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
hd_request_init (HdRequest *self)
{
  self->requester_kind = -1;
  self->channel = -1;
  self->topic = -1;
  self->status = HD_STATUS_NEW;
  self->rejection_reason = -1;
}

/* ---------------------------------------------------------------------------------------- */
/* Public API                                                                                */

HdRequest *
hd_request_new (void)
{
  return g_object_new (HD_TYPE_REQUEST, NULL);
}

/**
 * hd_request_copy:
 *
 * A detached copy, e.g. the original an editor compares the edited values with.
 *
 * Returns: (transfer full): the copy
 */
HdRequest *
hd_request_copy (HdRequest *self)
{
  HdRequest *copy;

  g_return_val_if_fail (HD_IS_REQUEST (self), NULL);

  copy = hd_request_new ();
  copy->id = self->id;
  copy->received_at = self->received_at;
  copy->requester_id = self->requester_id;
  copy->requester_name = g_strdup (self->requester_name);
  copy->requester_kind = self->requester_kind;
  copy->channel = self->channel;
  copy->relayed_by_id = self->relayed_by_id;
  copy->topic = self->topic;
  copy->summary = g_strdup (self->summary);
  copy->description = g_strdup (self->description);
  copy->status = self->status;
  copy->rejection_reason = self->rejection_reason;
  copy->rejection_note = g_strdup (self->rejection_note);
  copy->vendor_ticket = g_strdup (self->vendor_ticket);
  copy->related_id = self->related_id;
  copy->is_repeat = self->is_repeat;
  copy->assignee = g_strdup (self->assignee);
  copy->callback_phone = g_strdup (self->callback_phone);
  copy->callback_done_at = self->callback_done_at;
  copy->first_response_at = self->first_response_at;
  copy->resolved_at = self->resolved_at;
  copy->resolution = g_strdup (self->resolution);
  copy->archived = self->archived;
  copy->created_at = self->created_at;
  copy->updated_at = self->updated_at;
  return copy;
}

gint64
hd_request_get_id (HdRequest *self)
{
  g_return_val_if_fail (HD_IS_REQUEST (self), 0);
  return self->id;
}

void
hd_request_set_id (HdRequest *self,
                  gint64 id)
{
  g_return_if_fail (HD_IS_REQUEST (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
hd_request_get_received_at (HdRequest *self)
{
  g_return_val_if_fail (HD_IS_REQUEST (self), 0);
  return self->received_at;
}

void
hd_request_set_received_at (HdRequest *self,
                           gint64 received_at)
{
  g_return_if_fail (HD_IS_REQUEST (self));

  if (self->received_at == received_at)
    return;
  self->received_at = received_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECEIVED_AT]);
}

gint64
hd_request_get_requester_id (HdRequest *self)
{
  g_return_val_if_fail (HD_IS_REQUEST (self), 0);
  return self->requester_id;
}

void
hd_request_set_requester_id (HdRequest *self,
                            gint64 requester_id)
{
  g_return_if_fail (HD_IS_REQUEST (self));

  if (self->requester_id == requester_id)
    return;
  self->requester_id = requester_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REQUESTER_ID]);
}

const char *
hd_request_get_requester_name (HdRequest *self)
{
  g_return_val_if_fail (HD_IS_REQUEST (self), NULL);
  return self->requester_name;
}

void
hd_request_set_requester_name (HdRequest *self,
                              const char *requester_name)
{
  g_return_if_fail (HD_IS_REQUEST (self));

  if (set_str (&self->requester_name, requester_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REQUESTER_NAME]);
}

int
hd_request_get_requester_kind (HdRequest *self)
{
  g_return_val_if_fail (HD_IS_REQUEST (self), 0);
  return self->requester_kind;
}

void
hd_request_set_requester_kind (HdRequest *self,
                              int requester_kind)
{
  g_return_if_fail (HD_IS_REQUEST (self));

  if (self->requester_kind == requester_kind)
    return;
  self->requester_kind = requester_kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REQUESTER_KIND]);
}

int
hd_request_get_channel (HdRequest *self)
{
  g_return_val_if_fail (HD_IS_REQUEST (self), 0);
  return self->channel;
}

void
hd_request_set_channel (HdRequest *self,
                       int channel)
{
  g_return_if_fail (HD_IS_REQUEST (self));

  if (self->channel == channel)
    return;
  self->channel = channel;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANNEL]);
}

gint64
hd_request_get_relayed_by_id (HdRequest *self)
{
  g_return_val_if_fail (HD_IS_REQUEST (self), 0);
  return self->relayed_by_id;
}

void
hd_request_set_relayed_by_id (HdRequest *self,
                             gint64 relayed_by_id)
{
  g_return_if_fail (HD_IS_REQUEST (self));

  if (self->relayed_by_id == relayed_by_id)
    return;
  self->relayed_by_id = relayed_by_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RELAYED_BY_ID]);
}

int
hd_request_get_topic (HdRequest *self)
{
  g_return_val_if_fail (HD_IS_REQUEST (self), 0);
  return self->topic;
}

void
hd_request_set_topic (HdRequest *self,
                     int topic)
{
  g_return_if_fail (HD_IS_REQUEST (self));

  if (self->topic == topic)
    return;
  self->topic = topic;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOPIC]);
}

const char *
hd_request_get_summary (HdRequest *self)
{
  g_return_val_if_fail (HD_IS_REQUEST (self), NULL);
  return self->summary;
}

void
hd_request_set_summary (HdRequest *self,
                       const char *summary)
{
  g_return_if_fail (HD_IS_REQUEST (self));

  if (set_str (&self->summary, summary))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}

const char *
hd_request_get_description (HdRequest *self)
{
  g_return_val_if_fail (HD_IS_REQUEST (self), NULL);
  return self->description;
}

void
hd_request_set_description (HdRequest *self,
                           const char *description)
{
  g_return_if_fail (HD_IS_REQUEST (self));

  if (set_str (&self->description, description))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

int
hd_request_get_status (HdRequest *self)
{
  g_return_val_if_fail (HD_IS_REQUEST (self), 0);
  return self->status;
}

void
hd_request_set_status (HdRequest *self,
                      int status)
{
  g_return_if_fail (HD_IS_REQUEST (self));

  if (self->status == status)
    return;
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

int
hd_request_get_rejection_reason (HdRequest *self)
{
  g_return_val_if_fail (HD_IS_REQUEST (self), 0);
  return self->rejection_reason;
}

void
hd_request_set_rejection_reason (HdRequest *self,
                                int rejection_reason)
{
  g_return_if_fail (HD_IS_REQUEST (self));

  if (self->rejection_reason == rejection_reason)
    return;
  self->rejection_reason = rejection_reason;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REJECTION_REASON]);
}

const char *
hd_request_get_rejection_note (HdRequest *self)
{
  g_return_val_if_fail (HD_IS_REQUEST (self), NULL);
  return self->rejection_note;
}

void
hd_request_set_rejection_note (HdRequest *self,
                              const char *rejection_note)
{
  g_return_if_fail (HD_IS_REQUEST (self));

  if (set_str (&self->rejection_note, rejection_note))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REJECTION_NOTE]);
}

const char *
hd_request_get_vendor_ticket (HdRequest *self)
{
  g_return_val_if_fail (HD_IS_REQUEST (self), NULL);
  return self->vendor_ticket;
}

void
hd_request_set_vendor_ticket (HdRequest *self,
                             const char *vendor_ticket)
{
  g_return_if_fail (HD_IS_REQUEST (self));

  if (set_str (&self->vendor_ticket, vendor_ticket))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VENDOR_TICKET]);
}

gint64
hd_request_get_related_id (HdRequest *self)
{
  g_return_val_if_fail (HD_IS_REQUEST (self), 0);
  return self->related_id;
}

void
hd_request_set_related_id (HdRequest *self,
                          gint64 related_id)
{
  g_return_if_fail (HD_IS_REQUEST (self));

  if (self->related_id == related_id)
    return;
  self->related_id = related_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RELATED_ID]);
}

gboolean
hd_request_get_is_repeat (HdRequest *self)
{
  g_return_val_if_fail (HD_IS_REQUEST (self), FALSE);
  return self->is_repeat;
}

void
hd_request_set_is_repeat (HdRequest *self,
                         gboolean is_repeat)
{
  g_return_if_fail (HD_IS_REQUEST (self));

  is_repeat = !!is_repeat;
  if (self->is_repeat == is_repeat)
    return;
  self->is_repeat = is_repeat;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_REPEAT]);
}

const char *
hd_request_get_assignee (HdRequest *self)
{
  g_return_val_if_fail (HD_IS_REQUEST (self), NULL);
  return self->assignee;
}

void
hd_request_set_assignee (HdRequest *self,
                        const char *assignee)
{
  g_return_if_fail (HD_IS_REQUEST (self));

  if (set_str (&self->assignee, assignee))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASSIGNEE]);
}

const char *
hd_request_get_callback_phone (HdRequest *self)
{
  g_return_val_if_fail (HD_IS_REQUEST (self), NULL);
  return self->callback_phone;
}

void
hd_request_set_callback_phone (HdRequest *self,
                              const char *callback_phone)
{
  g_return_if_fail (HD_IS_REQUEST (self));

  if (set_str (&self->callback_phone, callback_phone))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CALLBACK_PHONE]);
}

gint64
hd_request_get_callback_done_at (HdRequest *self)
{
  g_return_val_if_fail (HD_IS_REQUEST (self), 0);
  return self->callback_done_at;
}

void
hd_request_set_callback_done_at (HdRequest *self,
                                gint64 callback_done_at)
{
  g_return_if_fail (HD_IS_REQUEST (self));

  if (self->callback_done_at == callback_done_at)
    return;
  self->callback_done_at = callback_done_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CALLBACK_DONE_AT]);
}

gint64
hd_request_get_first_response_at (HdRequest *self)
{
  g_return_val_if_fail (HD_IS_REQUEST (self), 0);
  return self->first_response_at;
}

void
hd_request_set_first_response_at (HdRequest *self,
                                 gint64 first_response_at)
{
  g_return_if_fail (HD_IS_REQUEST (self));

  if (self->first_response_at == first_response_at)
    return;
  self->first_response_at = first_response_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_RESPONSE_AT]);
}

gint64
hd_request_get_resolved_at (HdRequest *self)
{
  g_return_val_if_fail (HD_IS_REQUEST (self), 0);
  return self->resolved_at;
}

void
hd_request_set_resolved_at (HdRequest *self,
                           gint64 resolved_at)
{
  g_return_if_fail (HD_IS_REQUEST (self));

  if (self->resolved_at == resolved_at)
    return;
  self->resolved_at = resolved_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESOLVED_AT]);
}

const char *
hd_request_get_resolution (HdRequest *self)
{
  g_return_val_if_fail (HD_IS_REQUEST (self), NULL);
  return self->resolution;
}

void
hd_request_set_resolution (HdRequest *self,
                          const char *resolution)
{
  g_return_if_fail (HD_IS_REQUEST (self));

  if (set_str (&self->resolution, resolution))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESOLUTION]);
}

gboolean
hd_request_get_archived (HdRequest *self)
{
  g_return_val_if_fail (HD_IS_REQUEST (self), FALSE);
  return self->archived;
}

void
hd_request_set_archived (HdRequest *self,
                        gboolean archived)
{
  g_return_if_fail (HD_IS_REQUEST (self));

  archived = !!archived;
  if (self->archived == archived)
    return;
  self->archived = archived;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARCHIVED]);
}

gint64
hd_request_get_created_at (HdRequest *self)
{
  g_return_val_if_fail (HD_IS_REQUEST (self), 0);
  return self->created_at;
}

void
hd_request_set_created_at (HdRequest *self,
                          gint64 created_at)
{
  g_return_if_fail (HD_IS_REQUEST (self));

  if (self->created_at == created_at)
    return;
  self->created_at = created_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
}

gint64
hd_request_get_updated_at (HdRequest *self)
{
  g_return_val_if_fail (HD_IS_REQUEST (self), 0);
  return self->updated_at;
}

void
hd_request_set_updated_at (HdRequest *self,
                          gint64 updated_at)
{
  g_return_if_fail (HD_IS_REQUEST (self));

  if (self->updated_at == updated_at)
    return;
  self->updated_at = updated_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
}

/* ---------------------------------------------------------------------------------------- */
/* Validation                                                                                */

/**
 * hd_request_field_label:
 * @field: a column of `requests`, e.g. `summary`
 *
 * Returns: the field's translated name, as the editor and the error messages show it
 */
const char *
hd_request_field_label (const char *field)
{
  static const struct { const char *field; const char *label; } labels[] = {
    { "received_at", NC_("request field", "Received") },
    { "requester_id", NC_("request field", "Requester") },
    { "requester_kind", NC_("request field", "Requester category") },
    { "channel", NC_("request field", "Channel") },
    { "relayed_by_id", NC_("request field", "Passed on by") },
    { "topic", NC_("request field", "Topic") },
    { "summary", NC_("request field", "Summary") },
    { "description", NC_("request field", "Description") },
    { "status", NC_("request field", "Status") },
    { "rejection_reason", NC_("request field", "Reason for rejection") },
    { "rejection_note", NC_("request field", "Rejection note") },
    { "vendor_ticket", NC_("request field", "Dnevnik.ru ticket number") },
    { "related_id", NC_("request field", "Related request") },
    { "assignee", NC_("request field", "Assignee") },
    { "callback_phone", NC_("request field", "Callback number") },
    { "callback_done_at", NC_("request field", "Called back") },
    { "first_response_at", NC_("request field", "First response") },
    { "resolved_at", NC_("request field", "Closed") },
    { "resolution", NC_("request field", "Resolution") },
  };

  g_return_val_if_fail (field != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].field, field))
      return g_dpgettext2 (GETTEXT_PACKAGE, "request field", labels[i].label);
  return field;
}

static void
check_not_before_received (GPtrArray  *errors,
                           HdRequest  *self,
                           gint64      value,
                           const char *field)
{
  GError *error = NULL;

  if (value == 0 || self->received_at == 0 || value >= self->received_at)
    return;
  /* Translators: %s is the name of a field, e.g. «Первый ответ» */
  hd_error_set_field (&error, field, _("“%s” cannot be earlier than the time the request was "
                                       "received."), hd_request_field_label (field));
  hd_check_add (errors, error);
}

/**
 * hd_request_validate_all:
 * @now: the current time, Unix seconds
 *
 * Checks every rule that needs no database: the time received (not before 2000, not more than
 * a minute ahead of @now), the enums, the required fields and their lengths (a summary of at
 * most 200 characters, a description of 10 000), the callback number's format, and the rules
 * of the statuses: a rejection needs a reason, an escalation the ticket number of the
 * Dnevnik.ru support, a resolution the answer given. A request received via the class teacher
 * needs who passed it on.
 *
 * The requester's existence, the voicemail's callback number and the related request are
 * checked by hd_request_store_validate_all(), which includes these rules.
 *
 * Returns: (transfer full) (element-type GError): one HD_ERROR_INVALID_FIELD error per
 *   invalid field, empty when valid
 */
GPtrArray *
hd_request_validate_all (HdRequest *self,
                         gint64     now)
{
  GPtrArray *errors;
  GError *error = NULL;

  g_return_val_if_fail (HD_IS_REQUEST (self), NULL);

  errors = hd_check_new ();

  if (self->received_at == 0)
    {
      /* Translators: %s is the name of a field, e.g. «Краткое содержание» */
      hd_error_set_field (&error, "received_at", _("“%s” must be filled in."),
                          hd_request_field_label ("received_at"));
      hd_check_add (errors, g_steal_pointer (&error));
    }
  else if (self->received_at < HD_EARLIEST_TIME)
    {
      /* Translators: %s is the name of a field, e.g. «Дата поступления» */
      hd_error_set_field (&error, "received_at", _("“%s” is before the year 2000. Check the date."),
                          hd_request_field_label ("received_at"));
      hd_check_add (errors, g_steal_pointer (&error));
    }
  else if (self->received_at > now + 60)
    {
      /* Translators: %s is the name of a field, e.g. «Дата поступления» */
      hd_error_set_field (&error, "received_at", _("“%s” is in the future. Check the date and time."),
                          hd_request_field_label ("received_at"));
      hd_check_add (errors, g_steal_pointer (&error));
    }

  if (self->requester_id <= 0)
    {
      /* Translators: %s is the name of a field, e.g. «Заявитель» */
      hd_error_set_field (&error, "requester_id", _("Choose a person in “%s”."),
                          hd_request_field_label ("requester_id"));
      hd_check_add (errors, g_steal_pointer (&error));
    }

  hd_check_enum (errors, HD_ENUM_REQUESTER_KIND, self->requester_kind, TRUE, "requester_kind",
                 hd_request_field_label ("requester_kind"));
  hd_check_enum (errors, HD_ENUM_CHANNEL, self->channel, FALSE, "channel",
                 hd_request_field_label ("channel"));
  if (self->channel == HD_CHANNEL_CLASS_TEACHER && self->relayed_by_id <= 0)
    {
      /* Translators: %s is the name of a field, e.g. «Кто передал» */
      hd_error_set_field (&error, "relayed_by_id",
                          _("Choose in “%s” the class teacher who passed the request on."),
                          hd_request_field_label ("relayed_by_id"));
      hd_check_add (errors, g_steal_pointer (&error));
    }
  hd_check_enum (errors, HD_ENUM_TOPIC, self->topic, FALSE, "topic",
                 hd_request_field_label ("topic"));

  hd_check_text (errors, self->summary, "summary", hd_request_field_label ("summary"),
                 TRUE, HD_MAX_SUMMARY);
  hd_check_text (errors, self->description, "description", hd_request_field_label ("description"),
                 FALSE, HD_MAX_DESCRIPTION);
  hd_check_enum (errors, HD_ENUM_STATUS, self->status, FALSE, "status",
                 hd_request_field_label ("status"));

  if (hd_check_enum (errors, HD_ENUM_REJECTION_REASON, self->rejection_reason, TRUE,
                     "rejection_reason", hd_request_field_label ("rejection_reason")) &&
      self->status == HD_STATUS_REJECTED && self->rejection_reason < 0)
    {
      /* Translators: %s is the name of a field, e.g. «Причина отклонения» */
      hd_error_set_field (&error, "rejection_reason",
                          _("A rejected request needs a reason. Choose one in “%s”."),
                          hd_request_field_label ("rejection_reason"));
      hd_check_add (errors, g_steal_pointer (&error));
    }
  hd_check_text (errors, self->rejection_note, "rejection_note",
                 hd_request_field_label ("rejection_note"), FALSE, HD_MAX_NOTES);

  if (hd_check_text (errors, self->vendor_ticket, "vendor_ticket",
                     hd_request_field_label ("vendor_ticket"), FALSE, HD_MAX_SHORT) &&
      self->status == HD_STATUS_ESCALATED && hd_record_is_blank (self->vendor_ticket))
    {
      /* Translators: %s is the name of a field, e.g. «Номер заявки в поддержке Дневник.ру» */
      hd_error_set_field (&error, "vendor_ticket",
                          _("A request passed to the support of Dnevnik.ru needs the number of "
                            "their ticket in “%s”."),
                          hd_request_field_label ("vendor_ticket"));
      hd_check_add (errors, g_steal_pointer (&error));
    }

  if (hd_check_text (errors, self->resolution, "resolution", hd_request_field_label ("resolution"),
                     FALSE, HD_MAX_NOTES) &&
      self->status == HD_STATUS_RESOLVED && hd_record_is_blank (self->resolution))
    {
      /* Translators: %s is the name of a field, e.g. «Решение» */
      hd_error_set_field (&error, "resolution",
                          _("A resolved request needs the answer that was given. Fill in “%s”."),
                          hd_request_field_label ("resolution"));
      hd_check_add (errors, g_steal_pointer (&error));
    }

  if (self->related_id != 0 && self->related_id == self->id)
    {
      /* Translators: %s is the name of a field, e.g. «Связанное обращение» */
      hd_error_set_field (&error, "related_id", _("A request cannot be related to itself. "
                                                  "Choose another one in “%s”."),
                          hd_request_field_label ("related_id"));
      hd_check_add (errors, g_steal_pointer (&error));
    }

  hd_check_text (errors, self->assignee, "assignee", hd_request_field_label ("assignee"),
                 FALSE, HD_MAX_NAME);
  hd_check_phone (errors, self->callback_phone, "callback_phone",
                  hd_request_field_label ("callback_phone"));

  check_not_before_received (errors, self, self->first_response_at, "first_response_at");
  check_not_before_received (errors, self, self->resolved_at, "resolved_at");
  check_not_before_received (errors, self, self->callback_done_at, "callback_done_at");

  return errors;
}

/**
 * hd_request_validate:
 *
 * Returns: %TRUE when hd_request_validate_all() finds nothing at the current time; otherwise
 *   @error is its first error (HD_ERROR_INVALID_FIELD, see hd_error_get_field())
 */
gboolean
hd_request_validate (HdRequest  *self,
                     GError    **error)
{
  g_return_val_if_fail (HD_IS_REQUEST (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return hd_check_finish (hd_request_validate_all (self, hd_record_now ()), error);
}
