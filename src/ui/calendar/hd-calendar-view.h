/* hd-calendar-view.h — the calendar of consultations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hd-context.h"
#include "hd-week-view.h"

G_BEGIN_DECLS

#define HD_TYPE_CALENDAR_VIEW (hd_calendar_view_get_type ())
G_DECLARE_FINAL_TYPE (HdCalendarView, hd_calendar_view, HD, CALENDAR_VIEW, AdwBin)

HdContext *hd_calendar_view_get_context (HdCalendarView *self);
void       hd_calendar_view_set_context (HdCalendarView *self,
                                         HdContext      *context);
void        hd_calendar_view_go_to            (HdCalendarView *self,
                                               const GDate    *date,
                                               const char     *page);
HdWeekView *hd_calendar_view_get_week_view    (HdCalendarView *self);
double      hd_calendar_view_get_last_load_ms (HdCalendarView *self);

G_END_DECLS
