/* hd-terms.h — working hours, the two terms of a request and its clock
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "hd-database.h"
#include "hd-enums.h"
#include "hd-workdays.h"

G_BEGIN_DECLS

/* Keys of the settings table (hd_database_get_setting) and their defaults. */
#define HD_SETTING_WORK_START               "work-start"                /* "HH:MM", local time */
#define HD_SETTING_WORK_END                 "work-end"                  /* "HH:MM", local time */
#define HD_SETTING_TIME_ZONE                "time-zone"                 /* an IANA name */
#define HD_SETTING_TERM_FIRST_RESPONSE      "term-first-response-hours" /* working hours */
#define HD_SETTING_TERM_RESOLUTION          "term-resolution-hours"     /* working hours */
#define HD_TERMS_DEFAULT_WORK_START         "08:00"
#define HD_TERMS_DEFAULT_WORK_END           "17:00"
#define HD_TERMS_DEFAULT_TIME_ZONE          "Asia/Yakutsk"              /* Shimanovsk, UTC+9 */
/* The terms are "1 and 3 working days"; when the hour keys are not set they are that many
 * normal working days (work-end − work-start, 9 h by default): 9 h and 27 h. */
#define HD_TERMS_DEFAULT_FIRST_RESPONSE_DAYS 1
#define HD_TERMS_DEFAULT_RESOLUTION_DAYS     3

#define HD_TYPE_TERMS (hd_terms_get_type ())
G_DECLARE_FINAL_TYPE (HdTerms, hd_terms, HD, TERMS, GObject)

HdTerms    *hd_terms_new                    (HdWorkdays  *workdays,
                                             GTimeZone   *tz,
                                             int          work_start_min,
                                             int          work_end_min,
                                             gint64       first_response_seconds,
                                             gint64       resolution_seconds);
HdTerms    *hd_terms_new_from_database      (HdDatabase  *db,
                                             HdWorkdays  *workdays,
                                             GError     **error);
gboolean    hd_terms_parse_time_of_day      (const char  *text,
                                             int         *minutes);

HdWorkdays *hd_terms_get_workdays           (HdTerms     *self);
GTimeZone  *hd_terms_get_time_zone          (HdTerms     *self);
int         hd_terms_get_work_start         (HdTerms     *self);   /* minutes after midnight */
int         hd_terms_get_work_end           (HdTerms     *self);
gint64      hd_terms_get_day_seconds        (HdTerms     *self);   /* a normal working day */
gint64      hd_terms_get_first_response     (HdTerms     *self);   /* seconds of working time */
gint64      hd_terms_get_resolution         (HdTerms     *self);

/* Working time. Instants are Unix seconds (UTC); days and hours are the school's local time.
 * An HdTerms (like its HdWorkdays) may be queried from several threads at once. A working day
 * lasts work-end − work-start (no lunch break is taken out), one hour less on a short day;
 * a transferred working Saturday works the same hours as a weekday.
 * hd_terms_working_seconds() is O(1) for instants in 2000–2060 (a cached running total per
 * day) and one step per day outside; it returns a negative count when @to < @from. */
gboolean    hd_terms_get_day_window         (HdTerms     *self,
                                             const GDate *day,
                                             gint64      *start,
                                             gint64      *end);
gint64      hd_terms_working_seconds        (HdTerms     *self,
                                             gint64       from,
                                             gint64       to);
gint64      hd_terms_add_working_seconds    (HdTerms     *self,
                                             gint64       from,
                                             gint64       seconds);

/* One change of a request's status: a request_events row with field = 'status'. */
typedef struct {
  gint64    at;
  HdStatus  old_status;
  HdStatus  new_status;
} HdStatusChange;

/* No instant: 0 (no request is older than 1970). */
#define HD_NO_TIME ((gint64) 0)

/**
 * HdRequestClock:
 * @now: the moment the clock was computed for
 * @status: the status at @now
 * @running: whether the school's clock runs at @now (not paused, not closed)
 * @clock_seconds: working seconds on the school's clock from reception to @now or closing;
 *   it stops in waiting_info and escalated
 * @waiting_seconds: working seconds spent in waiting_info
 * @vendor_seconds: working seconds spent in escalated (the vendor's turnaround)
 * @first_response_at: the first response, or %HD_NO_TIME
 * @first_response_clock: school's clock at the first response (or at @now when none yet)
 * @first_response_due: when the clock reaches the first-response term; when it has not yet,
 *   projected as if the clock ran on from the first response, the closing or @now
 * @first_response_overdue: working seconds beyond the term, 0 when within it
 * @closed_at: when the request was resolved or rejected, or %HD_NO_TIME
 * @resolution_due: when the clock reaches the resolution term (projected from the closing
 *   or @now likewise)
 * @resolution_overdue: working seconds beyond the term, 0 when within it
 */
typedef struct {
  gint64    received_at;
  gint64    now;
  HdStatus  status;
  gboolean  running;
  gint64    clock_seconds;
  gint64    waiting_seconds;
  gint64    vendor_seconds;
  gint64    first_response_at;
  gint64    first_response_clock;
  gint64    first_response_due;
  gint64    first_response_overdue;
  gint64    closed_at;
  gint64    resolution_due;
  gint64    resolution_overdue;
} HdRequestClock;

void        hd_terms_compute_clock          (HdTerms              *self,
                                             gint64                received_at,
                                             gint64                first_response_at,
                                             const HdStatusChange *changes,
                                             guint                 n_changes,
                                             gint64                now,
                                             HdRequestClock       *clock);
gboolean    hd_terms_load_clock             (HdTerms              *self,
                                             HdDatabase           *db,
                                             gint64                request_id,
                                             gint64                now,
                                             HdRequestClock       *clock,
                                             GError              **error);

G_END_DECLS
