/* hd-calendar-overrides-group.h — the school's own changes to the production calendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hd-context.h"

G_BEGIN_DECLS

#define HD_TYPE_CALENDAR_OVERRIDES_GROUP (hd_calendar_overrides_group_get_type ())
G_DECLARE_FINAL_TYPE (HdCalendarOverridesGroup, hd_calendar_overrides_group, HD, CALENDAR_OVERRIDES_GROUP, AdwPreferencesGroup)

HdCalendarOverridesGroup *hd_calendar_overrides_group_new         (HdContext                *context);
HdContext                *hd_calendar_overrides_group_get_context (HdCalendarOverridesGroup *self);
void                      hd_calendar_overrides_group_set_context (HdCalendarOverridesGroup *self,
                                                                   HdContext                *context);
gboolean                  hd_calendar_overrides_group_add         (HdCalendarOverridesGroup *self,
                                                                   const GDate              *day,
                                                                   gboolean                  working,
                                                                   const char               *note,
                                                                   GError                  **error);
gboolean                  hd_calendar_overrides_group_remove      (HdCalendarOverridesGroup *self,
                                                                   const GDate              *day,
                                                                   GError                  **error);
guint                     hd_calendar_overrides_group_get_n_days  (HdCalendarOverridesGroup *self);

G_END_DECLS
