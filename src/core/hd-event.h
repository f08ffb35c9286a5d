/* hd-event.h — one row of a record's history (request_events, newcomer_events)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "hd-types.h"

G_BEGIN_DECLS

/**
 * HdEvent:
 * @id: the row id
 * @record_id: the request or newcomer the change belongs to
 * @at: when, Unix seconds
 * @field: the column that changed (e.g. `status`), or `created`, or `archived`
 * @old_value: (nullable): the value before, as text (enums as their keys, instants as Unix
 *   seconds, booleans as 0/1); %NULL when it was empty or unset
 * @new_value: (nullable): the value after, in the same form
 */
struct _HdEvent
{
  gint64  id;
  gint64  record_id;
  gint64  at;
  char   *field;
  char   *old_value;
  char   *new_value;
};

#define HD_TYPE_EVENT (hd_event_get_type ())
GType    hd_event_get_type (void) G_GNUC_CONST;
HdEvent *hd_event_new      (gint64         record_id,
                            gint64         at,
                            const char    *field,
                            const char    *old_value,
                            const char    *new_value);
HdEvent *hd_event_copy     (const HdEvent *self);
void     hd_event_free     (HdEvent       *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HdEvent, hd_event_free)

G_END_DECLS
