/* hd-availability.h — when the consultant can be booked: reception hours and working time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "hd-database.h"
#include "hd-terms.h"
#include "hd-workdays.h"

G_BEGIN_DECLS

/* Keys of the settings table for the calendar, and their defaults */
#define HD_SETTING_SLOT_MINUTES          "slot-minutes"
#define HD_SETTING_BUFFER_MINUTES        "buffer-minutes"
#define HD_SETTING_BOOKING_HORIZON_DAYS  "booking-horizon-days"
#define HD_DEFAULT_SLOT_MINUTES          30
#define HD_DEFAULT_BUFFER_MINUTES        10
#define HD_DEFAULT_BOOKING_HORIZON_DAYS  60

/**
 * HdReceptionInterval:
 * @start: Unix seconds
 * @end: Unix seconds, after @start
 * @place: where the consultant receives (may be empty)
 */
typedef struct {
  gint64  start;
  gint64  end;
  char   *place;
} HdReceptionInterval;

/**
 * HdDayAvailability:
 * @day: the local date
 * @kind: what the production calendar and the school's overrides make of it
 * @open: whether consultations can be booked that day (a working day)
 * @short_day: a shortened pre-holiday day (working time ends an hour earlier)
 * @rules_weekday: the weekday (1 = Monday) whose reception hours apply; on a transferred
 *   working Saturday the weekday it works for; 0 when the day is closed
 * @work_start: start of working time (Unix seconds), 0 when closed
 * @work_end: end of working time, 0 when closed
 * @reception: (element-type HdReceptionInterval): the approved reception hours of the day,
 *   cut to the working time, in order
 * @description: (nullable): the holiday's name or what is special about the day
 *
 * The two tiers of the regulation for one day: reception hours, and consultations by prior
 * arrangement anywhere in working time.
 */
typedef struct {
  GDate      day;
  HdDayKind  kind;
  gboolean   open;
  gboolean   short_day;
  int        rules_weekday;
  gint64     work_start;
  gint64     work_end;
  GArray    *reception;
  char      *description;
} HdDayAvailability;

void               hd_day_availability_free          (HdDayAvailability  *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HdDayAvailability, hd_day_availability_free)

HdDayAvailability *hd_availability_get_day           (HdDatabase         *db,
                                                      HdWorkdays         *workdays,
                                                      HdTerms            *terms,
                                                      const GDate        *day,
                                                      GError            **error);
int                hd_availability_rules_weekday     (HdWorkdays         *workdays,
                                                      const GDate        *day);
gboolean           hd_day_availability_in_reception  (const HdDayAvailability *self,
                                                      gint64              start,
                                                      gint64              end);
gboolean           hd_day_availability_in_work_time  (const HdDayAvailability *self,
                                                      gint64              start,
                                                      gint64              end);

int                hd_availability_get_slot_minutes  (HdDatabase         *db);
int                hd_availability_get_buffer_minutes (HdDatabase        *db);
int                hd_availability_get_horizon_days  (HdDatabase         *db);

G_END_DECLS
