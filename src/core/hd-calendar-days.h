/* hd-calendar-days.h — the calendar_days table: the school's own working and non-working days
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "hd-database.h"

G_BEGIN_DECLS

/* One row of calendar_days: a school's local override. */
typedef struct {
  GDate     day;
  gboolean  working;
  char     *note;
} HdCalendarDay;

#define HD_TYPE_CALENDAR_DAY (hd_calendar_day_get_type ())
GType          hd_calendar_day_get_type   (void) G_GNUC_CONST;
HdCalendarDay *hd_calendar_day_new        (const GDate         *day,
                                           gboolean             working,
                                           const char          *note);
HdCalendarDay *hd_calendar_day_copy       (const HdCalendarDay *self);
void           hd_calendar_day_free       (HdCalendarDay       *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HdCalendarDay, hd_calendar_day_free)

/* The table, for the Preferences */
GPtrArray  *hd_calendar_days_list          (HdDatabase  *db,
                                            GError     **error);
gboolean    hd_calendar_days_save          (HdDatabase  *db,
                                            const GDate *day,
                                            gboolean     working,
                                            const char  *note,
                                            GError     **error);
gboolean    hd_calendar_days_remove        (HdDatabase  *db,
                                            const GDate *day,
                                            GError     **error);

G_END_DECLS
