/* hd-stats.h — the numbers of a period, as the deputy director reads them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every figure of the reports, the reports view and the onboarding summary is computed here,
 * once, and nowhere else. The definitions below are the ones the report prints.
 *
 * In a period
 *   A period is a set of local calendar days (hd-period.h) in the school's time zone (the
 *   `time-zone` setting, "Asia/Yakutsk" by default), from local midnight of its first day to
 *   local midnight after its last day. A request belongs to the period in which it was
 *   RECEIVED (received_at in [start, end)): one received at 23:59 on the 30th of November is a
 *   November request; one received at 00:00 on the 1st of December is not. A request received
 *   in November and resolved in December is a November request, and its times are measured
 *   when they happened. Statuses are the statuses as they are NOW (at @now). Archived
 *   requests and newcomers are left out everywhere (archiving is how a record is deleted).
 *   Newcomers belong to the period in which they took up the post (started_on), consultations
 *   to the period in which they start (starts_at).
 *
 * Working time
 *   Durations are in seconds of working time (divide by 3600 for working hours): the working
 *   hours of the production calendar's working days (hd-terms.h: 08:00–17:00 by default, an
 *   hour shorter before a holiday), counted by the school's clock, which stops while a request
 *   waits for the requester (waiting_info) and while it is with the vendor (escalated).
 *
 * No data
 *   A median, percentile, share or rate without anything to measure is %HD_STATS_NO_DATA
 *   (negative), never 0: print "no data", not "0 %". Counts are plain numbers, 0 when none.
 *
 * Median and 90th percentile
 *   The median of an odd number of values is the middle one; of an even number, the mean of
 *   the two middle ones (rounded down to a second). The 90th percentile is the nearest rank:
 *   the smallest value that at least 90 % of the values do not exceed (for 10 values, the
 *   9th smallest; for 5, the largest).
 */
#pragma once

#include <glib-object.h>

#include "hd-database.h"
#include "hd-enums.h"
#include "hd-period.h"
#include "hd-workdays.h"

G_BEGIN_DECLS

/* A median, percentile, share or rate with nothing to measure. Test with `x < 0`. */
#define HD_STATS_NO_DATA (-1)

/**
 * HdStatsDurations:
 * @count: how many values were measured
 * @median: their median, seconds of working time, or %HD_STATS_NO_DATA
 * @p90: their 90th percentile (nearest rank), or %HD_STATS_NO_DATA
 */
typedef struct {
  guint   count;
  gint64  median;
  gint64  p90;
} HdStatsDurations;

/**
 * HdStatsTerm:
 * @term: the term, seconds of working time (the settings of hd-terms.h: 1 and 3 working
 *   days, 9 and 27 working hours by default)
 * @within: requests done within the term (clock at the moment ≤ @term)
 * @late: requests done after the term, plus requests not done yet whose clock has already
 *   passed the term at @now — they can no longer be within it
 * @pending: requests not done yet and still within the term: not judged yet
 * @share: @within / (@within + @late), 0…1, or %HD_STATS_NO_DATA when nothing is judged yet
 */
typedef struct {
  gint64  term;
  guint   within;
  guint   late;
  guint   pending;
  double  share;
} HdStatsTerm;

/**
 * HdStatsRequests:
 * @total: requests received in the period
 * @by_channel: … by channel (index: #HdChannel)
 * @by_topic: … by topic (#HdTopic)
 * @by_requester_kind: … by requester kind (#HdRequesterKind)
 * @by_status: … by their status now (#HdStatus)
 * @open: requests of the period not resolved or rejected yet (status new, in_progress,
 *   waiting_info, callback or escalated now)
 * @rejected_by_reason: rejected requests of the period by reason (#HdRejectionReason)
 * @repeats: repeat requests: marked as a repeat (is_repeat) or linked to an earlier
 *   request (related_id)
 * @escalated: requests that went to the vendor's support (status escalated at some time)
 * @vendor: the vendor's turnaround: working time from escalation to return (all its stays
 *   with the vendor added up), for escalated requests that have come back (@vendor.count)
 * @callbacks_requested: requests that asked to be called back: received by voicemail or put
 *   in the callback status at some time
 * @callbacks_made: of those, the ones whose call back is recorded (callback_done_at)
 * @first_response: time to first response: working time on the school's clock from
 *   reception to the first response (the first_response_at column; when it is empty, the
 *   first change of status), for the requests answered so far
 * @first_response_term: the first-response term and who kept it
 * @resolution: time to resolution: working time on the school's clock from reception to
 *   being resolved or rejected (both close a request), for the closed requests
 * @resolution_term: the resolution term and who kept it
 * @open_at_end: requests of the period that were still open at its end: by their history
 *   (request_events) not resolved or rejected before the end. Earlier periods' requests
 *   still open then are counted in their own periods, so the figure never needs the whole
 *   history of the journal.
 */
typedef struct {
  guint             total;
  guint             by_channel[HD_N_CHANNELS];
  guint             by_topic[HD_N_TOPICS];
  guint             by_requester_kind[HD_N_REQUESTER_KINDS];
  guint             by_status[HD_N_STATUSES];
  guint             open;
  guint             rejected_by_reason[HD_N_REJECTION_REASONS];
  guint             repeats;
  guint             escalated;
  HdStatsDurations  vendor;
  guint             callbacks_requested;
  guint             callbacks_made;
  HdStatsDurations  first_response;
  HdStatsTerm       first_response_term;
  HdStatsDurations  resolution;
  HdStatsTerm       resolution_term;
  guint             open_at_end;
} HdStatsRequests;

/**
 * HdStatsOverdue:
 * @newcomer_id: the newcomers row
 * @name: the employee's full name
 * @position: the post, or ""
 * @started_on: the day the employee took up the post
 * @due_on: the last day of the training term
 * @days_overdue: working days after @due_on up to and including today
 */
typedef struct {
  gint64  newcomer_id;
  char   *name;
  char   *position;
  GDate   started_on;
  GDate   due_on;
  int     days_overdue;
} HdStatsOverdue;

/**
 * HdStatsNewcomers:
 * @started: new employees who took up the post in the period (started_on in it)
 * @due: new employees whose training term ends in the period (due_on in it), whenever they
 *   started
 * @trained_on_time: of @started, trained on or before the due date (trained_on ≤ due_on)
 * @trained_late: of @started, trained after the due date
 * @overdue: of @started, not trained and past the due date today (due_on < today)
 * @waiting: of @started, not trained and still within the term (due_on ≥ today)
 * @on_time_rate: @trained_on_time / (@trained_on_time + @trained_late + @overdue), 0…1: the
 *   share trained within the term among those whose outcome is known; those still waiting are
 *   not judged yet. %HD_STATS_NO_DATA when nobody is judged.
 * @median_days_to_training: median working days from the start (exclusive) to the training
 *   day (inclusive), hd_workdays_between(), over the trained; a half when the count is even;
 *   %HD_STATS_NO_DATA when nobody is trained
 * @overdue_people: (element-type HdStatsOverdue): the @overdue, the longest overdue first
 */
typedef struct {
  guint       started;
  guint       due;
  guint       trained_on_time;
  guint       trained_late;
  guint       overdue;
  guint       waiting;
  double      on_time_rate;
  double      median_days_to_training;
  GPtrArray  *overdue_people;
} HdStatsNewcomers;

/**
 * HdStatsAppointments:
 * @by_status: consultations starting in the period by status (#HdAppointmentStatus),
 *   walk-ins included; a rescheduled one counts as rescheduled at its old time and again at
 *   its new time, with the new time's status
 * @booked: consultations booked in advance (not walk-ins), not counting the rescheduled
 *   originals: each booked consultation once, at its final time
 * @held: held consultations, walk-ins included
 * @no_show: the person did not come
 * @cancelled_requester: cancelled by the requester
 * @cancelled_consultant: cancelled by the consultant
 * @walk_ins: consultations recorded as «принят без записи» (held without booking)
 * @reception_minutes: minutes of approved reception hours in the period, as the calendar
 *   offers them for booking (hd_availability_get_day()): for every working day, the
 *   reception_hours rows of the weekday whose hours apply (hd_availability_rules_weekday():
 *   its own, or on a transferred working Saturday the weekday it works for) valid that day
 *   (valid_from and valid_to inclusive), overlapping rows counted once, cut to the day's
 *   working time (a shortened pre-holiday day ends an hour earlier); nothing on non-working
 *   days, the school's closed days included.
 * @reception_minutes_used: minutes of those hours covered by consultations (scheduled, held
 *   or no-show — a booked slot is taken even if nobody came; overlaps counted once)
 * @reception_share: @reception_minutes_used / @reception_minutes, 0…1, or
 *   %HD_STATS_NO_DATA when the period has no reception hours
 */
typedef struct {
  guint   by_status[HD_N_APPOINTMENT_STATUSES];
  guint   booked;
  guint   held;
  guint   no_show;
  guint   cancelled_requester;
  guint   cancelled_consultant;
  guint   walk_ins;
  gint64  reception_minutes;
  gint64  reception_minutes_used;
  double  reception_share;
} HdStatsAppointments;

/**
 * HdStatsFigures:
 * @period: the period
 * @start: its first instant, Unix seconds
 * @end: the instant after it, Unix seconds
 * @requests: the request journal
 * @newcomers: onboarding of new employees
 * @appointments: the consultation calendar
 */
typedef struct {
  HdPeriod             period;
  gint64               start;
  gint64               end;
  HdStatsRequests      requests;
  HdStatsNewcomers     newcomers;
  HdStatsAppointments  appointments;
} HdStatsFigures;

/**
 * HdStats:
 * @now: the moment the figures were computed for (statuses, "overdue now")
 * @today: the school's local date at @now
 * @current: the figures of the period asked for
 * @previous: the same figures for the period before it (hd_period_previous())
 *
 * Reference counted (hd_stats_ref(), hd_stats_unref()); read the fields directly.
 */
typedef struct {
  gint64          now;
  GDate           today;
  HdStatsFigures  current;
  HdStatsFigures  previous;
} HdStats;

#define HD_TYPE_STATS (hd_stats_get_type ())
GType     hd_stats_get_type          (void) G_GNUC_CONST;
HdStats  *hd_stats_ref               (HdStats          *self);
void      hd_stats_unref             (HdStats          *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HdStats, hd_stats_unref)

HdStats  *hd_stats_compute           (HdDatabase       *db,
                                      HdWorkdays       *workdays,
                                      const HdPeriod   *period,
                                      gint64            now,
                                      GError          **error);

gboolean  hd_stats_compute_newcomers (HdDatabase       *db,
                                      HdWorkdays       *workdays,
                                      const HdPeriod   *period,
                                      gint64            now,
                                      HdStatsNewcomers *out,
                                      GError          **error);
void      hd_stats_newcomers_clear   (HdStatsNewcomers *self);

double    hd_stats_change            (double            current,
                                      double            previous);

/**
 * HdStatsTrendPoint:
 * @month: the month
 * @requests: requests received in it
 * @newcomers_started: new employees who started in it
 * @newcomers_on_time: of those, trained on time
 * @newcomers_judged: of those, trained (on time or late) or overdue now
 * @on_time_rate: @newcomers_on_time / @newcomers_judged, or %HD_STATS_NO_DATA
 */
typedef struct {
  HdPeriod  month;
  guint     requests;
  guint     newcomers_started;
  guint     newcomers_on_time;
  guint     newcomers_judged;
  double    on_time_rate;
} HdStatsTrendPoint;

GArray   *hd_stats_trend             (HdDatabase       *db,
                                      HdWorkdays       *workdays,
                                      const HdPeriod   *last_month,
                                      guint             n_months,
                                      gint64            now,
                                      GError          **error);

G_END_DECLS
