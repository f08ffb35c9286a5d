/* hd-event.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hd-event"

#include "config.h"

#include "hd-event.h"

G_DEFINE_BOXED_TYPE (HdEvent, hd_event, hd_event_copy, hd_event_free)

HdEvent *
hd_event_new (gint64      record_id,
              gint64      at,
              const char *field,
              const char *old_value,
              const char *new_value)
{
  HdEvent *self = g_new0 (HdEvent, 1);

  self->record_id = record_id;
  self->at = at;
  self->field = g_strdup (field);
  self->old_value = g_strdup (old_value);
  self->new_value = g_strdup (new_value);
  return self;
}

HdEvent *
hd_event_copy (const HdEvent *self)
{
  HdEvent *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = hd_event_new (self->record_id, self->at, self->field, self->old_value, self->new_value);
  copy->id = self->id;
  return copy;
}

void
hd_event_free (HdEvent *self)
{
  if (self == NULL)
    return;
  g_free (self->field);
  g_free (self->old_value);
  g_free (self->new_value);
  g_free (self);
}
