/* hd-terms.c — working hours, the two terms of a request and its clock
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hd-terms"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hd-database-private.h"
#include "hd-error.h"
#include "hd-terms.h"

#define SECONDS_PER_DAY ((gint64) 86400)

/* The running totals cover these days; other days are summed one by one. */
#define CACHE_FIRST_YEAR 2000
#define CACHE_LAST_YEAR  2060

struct _HdTerms
{
  GObject     parent_instance;

  /* Owned */
  HdWorkdays *workdays;
  GTimeZone  *tz;
  gint64     *prefix;          /* prefix[i] = working seconds of the cached days before day i */

  /* Statistics and reports call in from worker threads; the running totals are built on
   * first use and dropped when the overrides change. */
  GMutex      lock;

  gulong      changed_id;
  int         start_min;
  int         end_min;
  gint64      first_response;
  gint64      resolution;
  gint64      julian_1970;     /* GDate julian day number of 1970-01-01 */
  gint64      cache_first;     /* julian day of prefix[0] */
  gint64      cache_n;         /* days in the cache */
};

G_DEFINE_FINAL_TYPE (HdTerms, hd_terms, G_TYPE_OBJECT)

static gint64
compute_day_seconds (HdTerms *self,
                     gint64   julian)
{
  GDate day;
  gint64 len;

  if (julian < 1 || julian > G_MAXUINT32)
    return 0;

  g_date_clear (&day, 1);
  g_date_set_julian (&day, (guint32) julian);
  if (!hd_workdays_is_working_day (self->workdays, &day))
    return 0;

  /* A transferred working Saturday works the normal hours; a short day is one hour shorter. */
  len = (gint64) (self->end_min - self->start_min) * 60;
  if (hd_workdays_is_short_day (self->workdays, &day))
    len = MAX (len - 3600, 0);
  return len;
}

static void
ensure_cache (HdTerms *self)
{
  GDate first, last;

  if (self->prefix != NULL)
    return;

  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  g_date_set_dmy (&first, 1, 1, CACHE_FIRST_YEAR);
  g_date_set_dmy (&last, 1, 1, CACHE_LAST_YEAR + 1);
  self->cache_first = g_date_get_julian (&first);
  self->cache_n = g_date_get_julian (&last) - self->cache_first;

  self->prefix = g_new (gint64, self->cache_n + 1);
  self->prefix[0] = 0;
  for (gint64 i = 0; i < self->cache_n; i++)
    self->prefix[i + 1] = self->prefix[i] + compute_day_seconds (self, self->cache_first + i);
}

static gboolean
in_cache (HdTerms *self,
          gint64   julian)
{
  return julian >= self->cache_first && julian < self->cache_first + self->cache_n;
}

static gint64
day_seconds (HdTerms *self,
             gint64   julian)
{
  if (in_cache (self, julian))
    {
      gint64 i = julian - self->cache_first;
      return self->prefix[i + 1] - self->prefix[i];
    }
  return compute_day_seconds (self, julian);
}

/* Working seconds of the days in [a, b). */
static gint64
days_seconds (HdTerms *self,
              gint64   a,
              gint64   b)
{
  gint64 sum = 0;

  if (a >= b)
    return 0;
  if (in_cache (self, a) && in_cache (self, b - 1))
    return self->prefix[b - self->cache_first] - self->prefix[a - self->cache_first];

  for (gint64 j = a; j < b; j++)
    sum += day_seconds (self, j);
  return sum;
}

/* The local day (julian) and the second of that day of an instant. */
static void
split_instant (HdTerms *self,
               gint64   t,
               gint64  *julian,
               gint64  *second)
{
  int interval = g_time_zone_find_interval (self->tz, G_TIME_TYPE_UNIVERSAL, t);
  gint64 local = t + g_time_zone_get_offset (self->tz, interval);
  gint64 days = local >= 0 ? local / SECONDS_PER_DAY : -((-local + SECONDS_PER_DAY - 1) / SECONDS_PER_DAY);

  *julian = days + self->julian_1970;
  *second = local - days * SECONDS_PER_DAY;
}

/* Working seconds of day @julian before its local second @second. */
static gint64
worked_before (HdTerms *self,
               gint64   julian,
               gint64   second)
{
  gint64 len = day_seconds (self, julian);

  return CLAMP (second - (gint64) self->start_min * 60, 0, len);
}

/* The instant of local second @second of day @julian. */
static gint64
join_instant (HdTerms *self,
              gint64   julian,
              gint64   second)
{
  g_autoptr(GDateTime) dt = NULL;
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_julian (&day, (guint32) julian);
  dt = g_date_time_new (self->tz,
                        g_date_get_year (&day), g_date_get_month (&day), g_date_get_day (&day),
                        0, 0, 0);
  return g_date_time_to_unix (dt) + second;
}

static void
workdays_changed_cb (HdTerms    *self,
                     HdWorkdays *workdays)
{
  g_mutex_lock (&self->lock);
  g_clear_pointer (&self->prefix, g_free);
  g_mutex_unlock (&self->lock);
}

static void
hd_terms_dispose (GObject *object)
{
  HdTerms *self = (HdTerms *) object;

  if (self->workdays != NULL)
    g_clear_signal_handler (&self->changed_id, self->workdays);
  g_clear_object (&self->workdays);

  G_OBJECT_CLASS (hd_terms_parent_class)->dispose (object);
}

static void
hd_terms_finalize (GObject *object)
{
  HdTerms *self = (HdTerms *) object;

  g_clear_pointer (&self->tz, g_time_zone_unref);
  g_clear_pointer (&self->prefix, g_free);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (hd_terms_parent_class)->finalize (object);
}

static void
hd_terms_class_init (HdTermsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hd_terms_dispose;
  object_class->finalize = hd_terms_finalize;
}

static void
hd_terms_init (HdTerms *self)
{
  GDate epoch;

  g_date_clear (&epoch, 1);
  g_date_set_dmy (&epoch, 1, 1, 1970);
  self->julian_1970 = g_date_get_julian (&epoch);
  g_mutex_init (&self->lock);
}

/**
 * hd_terms_parse_time_of_day:
 * @text: a time written as HH:MM (00:00–24:00)
 * @minutes: (out): minutes after midnight
 *
 * Returns: %TRUE if @text is such a time
 */
gboolean
hd_terms_parse_time_of_day (const char *text,
                            int        *minutes)
{
  guint64 h, m;
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (minutes != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  parts = g_strsplit (text, ":", -1);
  if (g_strv_length (parts) != 2 || strlen (parts[0]) < 1 || strlen (parts[0]) > 2 ||
      strlen (parts[1]) != 2)
    return FALSE;
  if (!g_ascii_string_to_unsigned (parts[0], 10, 0, 24, &h, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 0, 59, &m, NULL) ||
      (h == 24 && m != 0))
    return FALSE;

  *minutes = (int) (h * 60 + m);
  return TRUE;
}

/**
 * hd_terms_new:
 * @workdays: the working-day calendar
 * @tz: the school's time zone
 * @work_start_min: start of the working day, minutes after local midnight
 * @work_end_min: end of a normal working day, minutes after local midnight (> start)
 * @first_response_seconds: the first-response term, in working seconds
 * @resolution_seconds: the resolution term, in working seconds
 *
 * Returns: (transfer full): the terms
 */
HdTerms *
hd_terms_new (HdWorkdays *workdays,
              GTimeZone  *tz,
              int         work_start_min,
              int         work_end_min,
              gint64      first_response_seconds,
              gint64      resolution_seconds)
{
  HdTerms *self;

  g_return_val_if_fail (HD_IS_WORKDAYS (workdays), NULL);
  g_return_val_if_fail (tz != NULL, NULL);
  g_return_val_if_fail (work_start_min >= 0 && work_end_min <= 24 * 60, NULL);
  g_return_val_if_fail (work_end_min > work_start_min, NULL);
  g_return_val_if_fail (first_response_seconds > 0 && resolution_seconds > 0, NULL);

  self = g_object_new (HD_TYPE_TERMS, NULL);
  self->workdays = g_object_ref (workdays);
  self->tz = g_time_zone_ref (tz);
  self->start_min = work_start_min;
  self->end_min = work_end_min;
  self->first_response = first_response_seconds;
  self->resolution = resolution_seconds;
  self->changed_id = g_signal_connect_object (workdays, "changed",
                                              G_CALLBACK (workdays_changed_cb), self,
                                              G_CONNECT_SWAPPED);
  return self;
}

static int
setting_time (HdDatabase *db,
              const char *key,
              const char *fallback)
{
  g_autofree char *text = hd_database_get_setting (db, key, fallback);
  int minutes = 0;

  if (!hd_terms_parse_time_of_day (text, &minutes))
    {
      g_warning ("Setting %s has an invalid time “%s”; using %s", key, text, fallback);
      hd_terms_parse_time_of_day (fallback, &minutes);
    }
  return minutes;
}

/**
 * hd_terms_new_from_database:
 * @db: the database
 * @workdays: the working-day calendar (with the school's overrides loaded)
 * @error: return location for an error
 *
 * Reads the settings `work-start`, `work-end` (HH:MM, default 08:00 and 17:00), `time-zone`
 * (default Asia/Yakutsk), `term-first-response-hours` and `term-resolution-hours` (whole working
 * hours; when unset, 1 and 3 normal working days: 9 h and 27 h by default). A setting that
 * cannot be understood falls back to its default with a warning.
 *
 * Returns: (transfer full): the terms, or %NULL with @error set
 */
HdTerms *
hd_terms_new_from_database (HdDatabase  *db,
                            HdWorkdays  *workdays,
                            GError     **error)
{
  g_autofree char *tz_name = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  int start, end, day_min;
  int first_hours, resolution_hours;

  g_return_val_if_fail (HD_IS_DATABASE (db), NULL);
  g_return_val_if_fail (HD_IS_WORKDAYS (workdays), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  start = setting_time (db, HD_SETTING_WORK_START, HD_TERMS_DEFAULT_WORK_START);
  end = setting_time (db, HD_SETTING_WORK_END, HD_TERMS_DEFAULT_WORK_END);
  if (end <= start)
    {
      g_warning ("Settings work-start and work-end give no working time; using %s–%s",
                 HD_TERMS_DEFAULT_WORK_START, HD_TERMS_DEFAULT_WORK_END);
      hd_terms_parse_time_of_day (HD_TERMS_DEFAULT_WORK_START, &start);
      hd_terms_parse_time_of_day (HD_TERMS_DEFAULT_WORK_END, &end);
    }
  day_min = end - start;

  tz_name = hd_database_get_setting (db, HD_SETTING_TIME_ZONE, HD_TERMS_DEFAULT_TIME_ZONE);
  tz = g_time_zone_new_identifier (tz_name);
  if (tz == NULL)
    {
      g_warning ("Setting time-zone names an unknown time zone “%s”; using %s",
                 tz_name, HD_TERMS_DEFAULT_TIME_ZONE);
      tz = g_time_zone_new_identifier (HD_TERMS_DEFAULT_TIME_ZONE);
    }
  if (tz == NULL)
    tz = g_time_zone_new_offset (9 * 3600);   /* no time zone data at all: Shimanovsk */

  first_hours = hd_database_get_setting_int (db, HD_SETTING_TERM_FIRST_RESPONSE, 0);
  resolution_hours = hd_database_get_setting_int (db, HD_SETTING_TERM_RESOLUTION, 0);

  return hd_terms_new (workdays, tz, start, end,
                       first_hours > 0 ? (gint64) first_hours * 3600
                                       : (gint64) HD_TERMS_DEFAULT_FIRST_RESPONSE_DAYS * day_min * 60,
                       resolution_hours > 0 ? (gint64) resolution_hours * 3600
                                            : (gint64) HD_TERMS_DEFAULT_RESOLUTION_DAYS * day_min * 60);
}

HdWorkdays *
hd_terms_get_workdays (HdTerms *self)
{
  g_return_val_if_fail (HD_IS_TERMS (self), NULL);
  return self->workdays;
}

GTimeZone *
hd_terms_get_time_zone (HdTerms *self)
{
  g_return_val_if_fail (HD_IS_TERMS (self), NULL);
  return self->tz;
}

int
hd_terms_get_work_start (HdTerms *self)
{
  g_return_val_if_fail (HD_IS_TERMS (self), 0);
  return self->start_min;
}

int
hd_terms_get_work_end (HdTerms *self)
{
  g_return_val_if_fail (HD_IS_TERMS (self), 0);
  return self->end_min;
}

gint64
hd_terms_get_day_seconds (HdTerms *self)
{
  g_return_val_if_fail (HD_IS_TERMS (self), 0);
  return (gint64) (self->end_min - self->start_min) * 60;
}

gint64
hd_terms_get_first_response (HdTerms *self)
{
  g_return_val_if_fail (HD_IS_TERMS (self), 0);
  return self->first_response;
}

gint64
hd_terms_get_resolution (HdTerms *self)
{
  g_return_val_if_fail (HD_IS_TERMS (self), 0);
  return self->resolution;
}

/**
 * hd_terms_get_day_window:
 * @self: a #HdTerms
 * @day: a valid date
 * @start: (out) (optional): when work starts that day (Unix seconds)
 * @end: (out) (optional): when it ends (an hour earlier on a short day)
 *
 * Returns: %TRUE if @day is a working day; @start and @end are set only then
 */
gboolean
hd_terms_get_day_window (HdTerms     *self,
                         const GDate *day,
                         gint64      *start,
                         gint64      *end)
{
  gint64 julian, len;

  g_return_val_if_fail (HD_IS_TERMS (self), FALSE);
  g_return_val_if_fail (day != NULL && g_date_valid (day), FALSE);

  julian = g_date_get_julian (day);
  g_mutex_lock (&self->lock);
  ensure_cache (self);
  len = day_seconds (self, julian);
  g_mutex_unlock (&self->lock);
  if (len == 0)
    return FALSE;

  if (start != NULL)
    *start = join_instant (self, julian, (gint64) self->start_min * 60);
  if (end != NULL)
    *end = join_instant (self, julian, (gint64) self->start_min * 60 + len);
  return TRUE;
}

/**
 * hd_terms_working_seconds:
 * @self: a #HdTerms
 * @from: an instant (Unix seconds)
 * @to: an instant (Unix seconds)
 *
 * Counts the working time between two instants: the part of [@from, @to) that falls inside
 * the working hours of working days, in the school's time zone. It costs a few additions for
 * instants in 2000–2060 (running totals per day, rebuilt when the overrides change) and one
 * step per day outside them.
 *
 * Returns: working seconds; negative (the count from @to to @from) when @to is before @from
 */
gint64
hd_terms_working_seconds (HdTerms *self,
                          gint64   from,
                          gint64   to)
{
  gint64 jf, sf, jt, st;
  gint64 result;

  g_return_val_if_fail (HD_IS_TERMS (self), 0);

  if (to < from)
    return -hd_terms_working_seconds (self, to, from);

  split_instant (self, from, &jf, &sf);
  split_instant (self, to, &jt, &st);

  g_mutex_lock (&self->lock);
  ensure_cache (self);
  if (jf == jt)
    result = worked_before (self, jt, st) - worked_before (self, jf, sf);
  else
    result = (day_seconds (self, jf) - worked_before (self, jf, sf)) +
             days_seconds (self, jf + 1, jt) +
             worked_before (self, jt, st);
  g_mutex_unlock (&self->lock);

  return result;
}

/**
 * hd_terms_add_working_seconds:
 * @self: a #HdTerms
 * @from: an instant (Unix seconds)
 * @seconds: working time to add
 *
 * Returns: the earliest instant at which @seconds of working time have passed since @from (the
 *   end of a working day rather than the start of the next one); @from when @seconds ≤ 0
 */
gint64
hd_terms_add_working_seconds (HdTerms *self,
                              gint64   from,
                              gint64   seconds)
{
  gint64 julian, second, done, len, last;

  g_return_val_if_fail (HD_IS_TERMS (self), from);

  if (seconds <= 0)
    return from;

  split_instant (self, from, &julian, &second);
  last = julian + 366 * 100;   /* a century without working time means nonsense input */

  g_mutex_lock (&self->lock);
  ensure_cache (self);
  done = worked_before (self, julian, second);
  len = day_seconds (self, julian);
  while (len - done < seconds && julian < last)
    {
      seconds -= len - done;
      julian++;
      done = 0;
      len = day_seconds (self, julian);
    }
  g_mutex_unlock (&self->lock);

  if (julian >= last)
    return G_MAXINT64;
  return join_instant (self, julian, (gint64) self->start_min * 60 + done + seconds);
}

/* ---------------------------------------------------------------------------------------- */
/* The clock of one request                                                                  */

typedef struct {
  gint64 from;
  gint64 to;
} Interval;

static gboolean
status_pauses (HdStatus status)
{
  return status == HD_STATUS_WAITING_INFO || status == HD_STATUS_ESCALATED;
}

/* The school's clock at instant @t: the working time of the running intervals before @t. */
static gint64
clock_at (HdTerms *self,
          GArray  *running,
          gint64   t)
{
  gint64 sum = 0;

  for (guint i = 0; i < running->len; i++)
    {
      const Interval *iv = &g_array_index (running, Interval, i);

      if (iv->from >= t)
        break;
      sum += hd_terms_working_seconds (self, iv->from, MIN (iv->to, t));
    }
  return sum;
}

/* When the clock reaches @term: inside a running interval, or projected from @origin. */
static gint64
due_moment (HdTerms *self,
            GArray  *running,
            gint64   term,
            gint64   origin)
{
  gint64 left = term;

  for (guint i = 0; i < running->len; i++)
    {
      const Interval *iv = &g_array_index (running, Interval, i);
      gint64 ws = hd_terms_working_seconds (self, iv->from, iv->to);

      if (ws >= left)
        return hd_terms_add_working_seconds (self, iv->from, left);
      left -= ws;
    }
  return hd_terms_add_working_seconds (self, origin, left);
}

/**
 * hd_terms_compute_clock:
 * @self: a #HdTerms
 * @received_at: when the request was received
 * @first_response_at: the first response (`requests.first_response_at`), or %HD_NO_TIME to
 *   take the first change of status as the first response
 * @changes: (array length=n_changes) (nullable): the status changes in time order
 * @n_changes: how many
 * @now: the moment to compute the clock for
 * @clock: (out caller-allocates): the result
 *
 * Runs the school's clock from @received_at: it runs in every status but waiting_info and
 * escalated, and stops for good when the request is resolved or rejected (it runs again if the
 * request is reopened). Time in waiting_info and in escalated (the vendor's) is counted on its
 * own. All durations are working seconds. The status before the first change is that change's
 * old status (new when there are no changes). Changes before @received_at count from
 * @received_at, changes after @now are ignored.
 *
 * A due moment is when the clock reaches the term. When it has not yet, it is projected as if
 * the clock ran from @now (from the closing moment for a closed request). A term is overdue
 * when the clock at the first response (or at @now, or at closing) exceeds it.
 */
void
hd_terms_compute_clock (HdTerms              *self,
                        gint64                received_at,
                        gint64                first_response_at,
                        const HdStatusChange *changes,
                        guint                 n_changes,
                        gint64                now,
                        HdRequestClock       *clock)
{
  g_autoptr(GArray) running = NULL;
  HdStatus status;
  gint64 t0;
  gint64 origin;

  g_return_if_fail (HD_IS_TERMS (self));
  g_return_if_fail (changes != NULL || n_changes == 0);
  g_return_if_fail (clock != NULL);

  memset (clock, 0, sizeof *clock);
  clock->received_at = received_at;
  clock->now = now;

  running = g_array_new (FALSE, FALSE, sizeof (Interval));
  status = n_changes > 0 && (int) changes[0].old_status >= 0 && changes[0].old_status < HD_N_STATUSES
           ? changes[0].old_status : HD_STATUS_NEW;
  t0 = received_at;

  for (guint i = 0; i <= n_changes; i++)
    {
      gint64 t1;
      gint64 ws;

      if (i < n_changes)
        {
          if (changes[i].at > now)
            {
              n_changes = i;   /* the rest is in the future of @now */
              t1 = MAX (now, t0);
            }
          else
            t1 = MAX (changes[i].at, t0);
        }
      else
        t1 = MAX (now, t0);

      ws = hd_terms_working_seconds (self, t0, t1);
      if (status == HD_STATUS_WAITING_INFO)
        clock->waiting_seconds += ws;
      else if (status == HD_STATUS_ESCALATED)
        clock->vendor_seconds += ws;
      else if (!hd_status_is_closed (status) && t1 > t0)
        {
          Interval iv = { t0, t1 };
          g_array_append_val (running, iv);
          clock->clock_seconds += ws;
        }

      if (i < n_changes)
        {
          if (first_response_at == HD_NO_TIME)
            first_response_at = t1;
          if ((int) changes[i].new_status >= 0 && changes[i].new_status < HD_N_STATUSES)
            {
              gboolean was_closed = hd_status_is_closed (status);

              status = changes[i].new_status;
              if (hd_status_is_closed (status) && !was_closed)
                clock->closed_at = t1;
              else if (!hd_status_is_closed (status))
                clock->closed_at = HD_NO_TIME;
            }
          t0 = t1;
        }
    }

  clock->status = status;
  clock->running = !status_pauses (status) && !hd_status_is_closed (status);

  if (first_response_at != HD_NO_TIME && first_response_at <= now)
    clock->first_response_at = first_response_at;
  clock->first_response_clock = clock_at (self, running,
                                          clock->first_response_at != HD_NO_TIME
                                          ? clock->first_response_at : now);

  origin = clock->closed_at != HD_NO_TIME ? clock->closed_at : now;
  clock->first_response_due = due_moment (self, running, self->first_response,
                                          clock->first_response_at != HD_NO_TIME
                                          ? clock->first_response_at : origin);
  clock->resolution_due = due_moment (self, running, self->resolution, origin);

  clock->first_response_overdue = MAX (clock->first_response_clock - self->first_response, 0);
  clock->resolution_overdue = MAX (clock->clock_seconds - self->resolution, 0);
}

/**
 * hd_terms_load_clock:
 * @self: a #HdTerms
 * @db: the database
 * @request_id: a request
 * @now: the moment to compute the clock for
 * @clock: (out caller-allocates): the result
 * @error: return location for an error
 *
 * Reads the request and its status changes from `request_events` and computes its clock with
 * hd_terms_compute_clock(). A closed request whose events do not record the closing (imported
 * data) is taken as closed at its `resolved_at`.
 *
 * Returns: %TRUE on success; %HD_ERROR_NOT_FOUND when there is no such request
 */
gboolean
hd_terms_load_clock (HdTerms         *self,
                     HdDatabase      *db,
                     gint64           request_id,
                     gint64           now,
                     HdRequestClock  *clock,
                     GError         **error)
{
  g_autoptr(HdStmt) req = NULL;
  g_autoptr(HdStmt) ev = NULL;
  g_autoptr(GArray) changes = NULL;
  gint64 received_at, first_response_at, resolved_at;
  HdStatus row_status, last_status;
  int rc;

  g_return_val_if_fail (HD_IS_TERMS (self), FALSE);
  g_return_val_if_fail (HD_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (clock != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  req = hd_database_prepare (db,
                             "SELECT received_at, first_response_at, resolved_at, status"
                             " FROM requests WHERE id = ?1",
                             error);
  if (req == NULL)
    return FALSE;
  sqlite3_bind_int64 (req, 1, request_id);
  rc = hd_database_step (db, req, error);
  if (rc == SQLITE_DONE)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, request_id);

      /* Translators: %s is the request's number */
      g_set_error (error, HD_ERROR, HD_ERROR_NOT_FOUND,
                   _("Request No. %s was not found. It may have been deleted."), number);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return FALSE;

  received_at = sqlite3_column_int64 (req, 0);
  first_response_at = sqlite3_column_type (req, 1) == SQLITE_NULL
                      ? HD_NO_TIME : sqlite3_column_int64 (req, 1);
  resolved_at = sqlite3_column_type (req, 2) == SQLITE_NULL
                ? HD_NO_TIME : sqlite3_column_int64 (req, 2);
  row_status = hd_enum_from_key (HD_ENUM_STATUS, hd_stmt_column_text (req, 3));

  ev = hd_database_prepare (db,
                            "SELECT at, old_value, new_value FROM request_events"
                            " WHERE request_id = ?1 AND field = 'status' ORDER BY at, id",
                            error);
  if (ev == NULL)
    return FALSE;
  sqlite3_bind_int64 (ev, 1, request_id);

  changes = g_array_new (FALSE, FALSE, sizeof (HdStatusChange));
  while ((rc = hd_database_step (db, ev, error)) == SQLITE_ROW)
    {
      HdStatusChange c;

      c.at = sqlite3_column_int64 (ev, 0);
      c.old_status = hd_enum_from_key (HD_ENUM_STATUS, hd_stmt_column_text (ev, 1));
      c.new_status = hd_enum_from_key (HD_ENUM_STATUS, hd_stmt_column_text (ev, 2));
      if ((int) c.new_status < 0)
        continue;   /* not a status we know: ignore the row rather than guess */
      g_array_append_val (changes, c);
    }
  if (rc != SQLITE_DONE)
    return FALSE;

  last_status = changes->len > 0
                ? g_array_index (changes, HdStatusChange, changes->len - 1).new_status
                : HD_STATUS_NEW;
  if ((int) row_status >= 0 && hd_status_is_closed (row_status) && !hd_status_is_closed (last_status) &&
      resolved_at != HD_NO_TIME)
    {
      HdStatusChange c = { resolved_at, last_status, row_status };
      g_array_append_val (changes, c);
    }

  hd_terms_compute_clock (self, received_at, first_response_at,
                          (const HdStatusChange *) changes->data, changes->len, now, clock);
  return TRUE;
}
