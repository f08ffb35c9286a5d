/* hd-request-row.c — one line of the journal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Immutable and small on purpose: a million-row journal keeps only the pages on screen in
 * memory, and a changed request gets a new row object rather than a changed one.
 */
#define G_LOG_DOMAIN "hd-request-row"

#include "config.h"

#include "hd-request-row.h"

struct _HdRequestRow
{
  GObject  parent_instance;

  gint64   id;
  gint64   received_at;
  char    *requester_name;
  char    *summary;
  gint64   overdue_seconds;
  gint16   age_days;
  gint16   overdue_days;
  guint8   requester_kind;
  guint8   channel;
  guint8   topic;
  guint8   status;
  guint8   has_email : 1;
};

G_DEFINE_FINAL_TYPE (HdRequestRow, hd_request_row, G_TYPE_OBJECT)

static void
hd_request_row_finalize (GObject *object)
{
  HdRequestRow *self = HD_REQUEST_ROW (object);

  g_free (self->requester_name);
  g_free (self->summary);

  G_OBJECT_CLASS (hd_request_row_parent_class)->finalize (object);
}

static void
hd_request_row_class_init (HdRequestRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hd_request_row_finalize;
}

static void
hd_request_row_init (HdRequestRow *self)
{
}

/**
 * hd_request_row_new:
 * @age_days: whole working days from reception to now (or to the closing)
 * @overdue_seconds: working seconds beyond the resolution term, 0 when within it
 * @overdue_days: @overdue_seconds as working days, rounded up
 *
 * Returns: (transfer full): a new row
 */
HdRequestRow *
hd_request_row_new (gint64      id,
                    gint64      received_at,
                    const char *requester_name,
                    int         requester_kind,
                    int         channel,
                    int         topic,
                    const char *summary,
                    int         status,
                    gboolean    has_email,
                    int         age_days,
                    gint64      overdue_seconds,
                    int         overdue_days)
{
  HdRequestRow *self = g_object_new (HD_TYPE_REQUEST_ROW, NULL);

  self->id = id;
  self->received_at = received_at;
  self->requester_name = g_strdup (requester_name != NULL ? requester_name : "");
  self->requester_kind = CLAMP (requester_kind, 0, G_MAXUINT8);
  self->channel = CLAMP (channel, 0, G_MAXUINT8);
  self->topic = CLAMP (topic, 0, G_MAXUINT8);
  self->summary = g_strdup (summary != NULL ? summary : "");
  self->status = CLAMP (status, 0, G_MAXUINT8);
  self->has_email = !!has_email;
  self->age_days = CLAMP (age_days, 0, G_MAXINT16);
  self->overdue_seconds = MAX (overdue_seconds, 0);
  self->overdue_days = CLAMP (overdue_days, 0, G_MAXINT16);
  return self;
}

gint64
hd_request_row_get_id (HdRequestRow *self)
{
  g_return_val_if_fail (HD_IS_REQUEST_ROW (self), 0);
  return self->id;
}

gint64
hd_request_row_get_received_at (HdRequestRow *self)
{
  g_return_val_if_fail (HD_IS_REQUEST_ROW (self), 0);
  return self->received_at;
}

const char *
hd_request_row_get_requester_name (HdRequestRow *self)
{
  g_return_val_if_fail (HD_IS_REQUEST_ROW (self), NULL);
  return self->requester_name;
}

int
hd_request_row_get_requester_kind (HdRequestRow *self)
{
  g_return_val_if_fail (HD_IS_REQUEST_ROW (self), 0);
  return self->requester_kind;
}

int
hd_request_row_get_channel (HdRequestRow *self)
{
  g_return_val_if_fail (HD_IS_REQUEST_ROW (self), 0);
  return self->channel;
}

int
hd_request_row_get_topic (HdRequestRow *self)
{
  g_return_val_if_fail (HD_IS_REQUEST_ROW (self), 0);
  return self->topic;
}

const char *
hd_request_row_get_summary (HdRequestRow *self)
{
  g_return_val_if_fail (HD_IS_REQUEST_ROW (self), NULL);
  return self->summary;
}

int
hd_request_row_get_status (HdRequestRow *self)
{
  g_return_val_if_fail (HD_IS_REQUEST_ROW (self), 0);
  return self->status;
}

gboolean
hd_request_row_get_has_email (HdRequestRow *self)
{
  g_return_val_if_fail (HD_IS_REQUEST_ROW (self), FALSE);
  return self->has_email;
}

int
hd_request_row_get_age_days (HdRequestRow *self)
{
  g_return_val_if_fail (HD_IS_REQUEST_ROW (self), 0);
  return self->age_days;
}

gint64
hd_request_row_get_overdue_seconds (HdRequestRow *self)
{
  g_return_val_if_fail (HD_IS_REQUEST_ROW (self), 0);
  return self->overdue_seconds;
}

int
hd_request_row_get_overdue_days (HdRequestRow *self)
{
  g_return_val_if_fail (HD_IS_REQUEST_ROW (self), 0);
  return self->overdue_days;
}

gboolean
hd_request_row_is_overdue (HdRequestRow *self)
{
  g_return_val_if_fail (HD_IS_REQUEST_ROW (self), FALSE);
  return self->overdue_seconds > 0;
}
