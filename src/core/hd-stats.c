/* hd-stats.c — the figures of a period: indexed SQL for the rows, the working-time clock in C
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The definitions are in hd-stats.h. Speed: every query of a period starts from an index on
 * the period's instants or dates (requests_received, appointments_starts, newcomers_started,
 * newcomers_due), so a month costs the same on a database of one year or of twenty. The
 * requests of the period are read once, with their status changes, and counted and clocked on
 * the way; newcomers and consultations are counted by SQL.
 */
#define G_LOG_DOMAIN "hd-stats"

#include "config.h"

#include <string.h>

#include "hd-availability.h"
#include "hd-database-private.h"
#include "hd-date.h"
#include "hd-error.h"
#include "hd-stats.h"
#include "hd-terms.h"

typedef struct {
  HdDatabase *db;
  HdWorkdays *workdays;
  HdTerms    *terms;
  GTimeZone  *tz;
  gint64      now;
  GDate       today;
  char       *today_iso;
} Context;

static void
figures_clear (HdStatsFigures *figures)
{
  hd_stats_newcomers_clear (&figures->newcomers);
}

static void
stats_clear (gpointer data)
{
  HdStats *self = data;

  figures_clear (&self->current);
  figures_clear (&self->previous);
}

/**
 * hd_stats_ref:
 * @self: figures from hd_stats_compute()
 *
 * Returns: (transfer full): @self
 */
HdStats *
hd_stats_ref (HdStats *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
hd_stats_unref (HdStats *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, stats_clear);
}

G_DEFINE_BOXED_TYPE (HdStats, hd_stats, hd_stats_ref, hd_stats_unref)

static void
overdue_free (gpointer data)
{
  HdStatsOverdue *o = data;

  g_free (o->name);
  g_free (o->position);
  g_free (o);
}

/* ---------------------------------------------------------------------------------------- */
/* Medians and percentiles                                                                   */

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* Sorts @values and fills @out as hd-stats.h defines the median and the nearest-rank p90. */
static void
durations_from_values (GArray           *values,
                       HdStatsDurations *out)
{
  guint n = values->len;
  gint64 *v;
  guint rank;

  out->count = n;
  out->median = HD_STATS_NO_DATA;
  out->p90 = HD_STATS_NO_DATA;
  if (n == 0)
    return;

  g_array_sort (values, compare_gint64);
  v = (gint64 *) (gpointer) values->data;

  if (n % 2 == 1)
    out->median = v[n / 2];
  else
    out->median = v[n / 2 - 1] + (v[n / 2] - v[n / 2 - 1]) / 2;

  /* Nearest rank: ceil (0.9 n), counted from 1; integers avoid 0.9 × 10 = 9.000…01 */
  rank = (9 * n + 9) / 10;
  out->p90 = v[rank - 1];
}

static int
compare_int (gconstpointer a,
             gconstpointer b)
{
  int x = *(const int *) a;
  int y = *(const int *) b;

  return (x > y) - (x < y);
}

static double
share_or_no_data (guint part,
                  guint whole)
{
  return whole == 0 ? HD_STATS_NO_DATA : (double) part / (double) whole;
}

static void
term_finish (HdStatsTerm *term)
{
  term->share = share_or_no_data (term->within, term->within + term->late);
}

/* ---------------------------------------------------------------------------------------- */
/* Requests                                                                                  */

/* Counts one request in the breakdowns. The table's CHECK constraints keep the keys valid;
 * the guards keep a damaged row from writing outside the arrays. */
static void
count_request (HdStatsRequests *out,
               HdStmt          *stmt,
               HdStatus         status)
{
  int channel = hd_enum_from_key (HD_ENUM_CHANNEL, hd_stmt_column_text (stmt, 7));
  int topic = hd_enum_from_key (HD_ENUM_TOPIC, hd_stmt_column_text (stmt, 8));
  int kind = hd_enum_from_key (HD_ENUM_REQUESTER_KIND, hd_stmt_column_text (stmt, 9));
  int reason = hd_enum_from_key (HD_ENUM_REJECTION_REASON, hd_stmt_column_text (stmt, 10));

  out->total++;
  if (sqlite3_column_int (stmt, 11) != 0)
    out->repeats++;
  if (channel >= 0)
    out->by_channel[channel]++;
  if (topic >= 0)
    out->by_topic[topic]++;
  if (kind >= 0)
    out->by_requester_kind[kind]++;
  out->by_status[status]++;
  if (!hd_status_is_closed (status))
    out->open++;
  if (status == HD_STATUS_REJECTED && reason >= 0)
    out->rejected_by_reason[reason]++;
}

/* What the clock pass needs of one request, with its status changes. */
typedef struct {
  gint64    id;
  gint64    received_at;
  gint64    first_response_at;
  gint64    resolved_at;
  HdStatus  status;
  gboolean  voicemail;
  gboolean  callback_done;
  GArray   *changes;   /* HdStatusChange */
} RequestRow;

typedef struct {
  HdStatsRequests *out;
  gint64           end;              /* the end of the period */
  GArray          *first_response;   /* gint64 seconds */
  GArray          *resolution;
  GArray          *vendor;
} ClockTotals;

static void
finish_request (Context     *ctx,
                RequestRow  *row,
                ClockTotals *totals)
{
  HdStatsRequests *out = totals->out;
  HdRequestClock clock;
  HdStatus last = HD_STATUS_NEW;
  HdStatus status_at_end;
  gboolean escalated = row->status == HD_STATUS_ESCALATED;
  gboolean callback = row->voicemail || row->status == HD_STATUS_CALLBACK;
  gint64 value;

  for (guint i = 0; i < row->changes->len; i++)
    {
      const HdStatusChange *c = &g_array_index (row->changes, HdStatusChange, i);

      escalated |= c->new_status == HD_STATUS_ESCALATED;
      callback |= c->new_status == HD_STATUS_CALLBACK;
      last = c->new_status;
    }

  /* A closed request whose history lacks its closing (an imported file, a row changed with
   * the sqlite3 tool) is closed at resolved_at, so its clock stops where the table says. */
  if (hd_status_is_closed (row->status) && !hd_status_is_closed (last) && row->resolved_at != 0)
    {
      HdStatusChange c = { row->resolved_at, last, row->status };
      g_array_append_val (row->changes, c);
    }

  /* The status at the end of the period, from the history: was it still open then? */
  status_at_end = row->changes->len > 0
                  ? g_array_index (row->changes, HdStatusChange, 0).old_status : HD_STATUS_NEW;
  for (guint i = 0; i < row->changes->len; i++)
    {
      const HdStatusChange *c = &g_array_index (row->changes, HdStatusChange, i);

      if (c->at >= totals->end)
        break;
      status_at_end = c->new_status;
    }
  if (!hd_status_is_closed (status_at_end))
    out->open_at_end++;

  hd_terms_compute_clock (ctx->terms, row->received_at, row->first_response_at,
                          (const HdStatusChange *) (gpointer) row->changes->data,
                          row->changes->len, ctx->now, &clock);

  if (escalated)
    {
      out->escalated++;
      if (row->status != HD_STATUS_ESCALATED)
        g_array_append_val (totals->vendor, clock.vendor_seconds);
    }

  if (callback)
    {
      out->callbacks_requested++;
      if (row->callback_done)
        out->callbacks_made++;
    }

  /* First response: the recorded one, or else the first change of status (hd-terms.c) */
  if (clock.first_response_at != HD_NO_TIME)
    {
      value = clock.first_response_clock;
      g_array_append_val (totals->first_response, value);
      if (value <= out->first_response_term.term)
        out->first_response_term.within++;
      else
        out->first_response_term.late++;
    }
  else if (clock.first_response_clock > out->first_response_term.term)
    out->first_response_term.late++;
  else
    out->first_response_term.pending++;

  /* Resolution: the clock stopped at the closing */
  if (clock.closed_at != HD_NO_TIME)
    {
      value = clock.clock_seconds;
      g_array_append_val (totals->resolution, value);
      if (value <= out->resolution_term.term)
        out->resolution_term.within++;
      else
        out->resolution_term.late++;
    }
  else if (clock.clock_seconds > out->resolution_term.term)
    out->resolution_term.late++;
  else
    out->resolution_term.pending++;
}

static gboolean
measure_requests (Context          *ctx,
                  gint64            start,
                  gint64            end,
                  HdStatsRequests  *out,
                  GError          **error)
{
  g_autoptr(HdStmt) stmt = NULL;
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (HdStatusChange));
  g_autoptr(GArray) first_response = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) resolution = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) vendor = g_array_new (FALSE, FALSE, sizeof (gint64));
  ClockTotals totals = { out, end, first_response, resolution, vendor };
  RequestRow row = { 0, };
  gboolean have_row = FALSE;
  int rc;

  out->first_response_term.term = hd_terms_get_first_response (ctx->terms);
  out->resolution_term.term = hd_terms_get_resolution (ctx->terms);
  row.changes = changes;

  /* The period's requests in index order, each followed by its status changes in order.
   * One pass does it all: the breakdowns are counted on the way (a separate GROUP BY would
   * read every row a second time and sort them: 35 % more time on a busy month). */
  stmt = hd_database_prepare (ctx->db,
                              "SELECT r.id, r.received_at, r.first_response_at, r.resolved_at,"
                              "       r.status, r.channel = 'voicemail', r.callback_done_at IS NOT NULL,"
                              "       r.channel, r.topic, r.requester_kind, r.rejection_reason,"
                              "       r.is_repeat = 1 OR r.related_id IS NOT NULL,"
                              "       e.at, e.old_value, e.new_value"
                              "  FROM requests AS r"
                              "  LEFT JOIN request_events AS e"
                              "         ON e.request_id = r.id AND e.field = 'status'"
                              " WHERE r.received_at >= ?1 AND r.received_at < ?2 AND r.archived = 0"
                              " ORDER BY r.received_at, r.id, e.at, e.id",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, start);
  sqlite3_bind_int64 (stmt, 2, end);

  while ((rc = hd_database_step (ctx->db, stmt, error)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (!have_row || id != row.id)
        {
          int status;

          if (have_row)
            finish_request (ctx, &row, &totals);
          have_row = TRUE;
          g_array_set_size (changes, 0);
          row.id = id;
          row.received_at = sqlite3_column_int64 (stmt, 1);
          row.first_response_at = sqlite3_column_int64 (stmt, 2);   /* NULL reads as 0 */
          row.resolved_at = sqlite3_column_int64 (stmt, 3);
          status = hd_enum_from_key (HD_ENUM_STATUS, hd_stmt_column_text (stmt, 4));
          row.status = status >= 0 ? (HdStatus) status : HD_STATUS_NEW;
          row.voicemail = sqlite3_column_int (stmt, 5) != 0;
          row.callback_done = sqlite3_column_int (stmt, 6) != 0;
          count_request (out, stmt, row.status);
        }

      if (sqlite3_column_type (stmt, 12) != SQLITE_NULL)
        {
          int old_status = hd_enum_from_key (HD_ENUM_STATUS, hd_stmt_column_text (stmt, 13));
          int new_status = hd_enum_from_key (HD_ENUM_STATUS, hd_stmt_column_text (stmt, 14));
          HdStatusChange c;

          if (new_status < 0)
            continue;
          c.at = sqlite3_column_int64 (stmt, 12);
          c.old_status = old_status >= 0 ? (HdStatus) old_status : HD_STATUS_NEW;
          c.new_status = (HdStatus) new_status;
          g_array_append_val (changes, c);
        }
    }
  if (rc != SQLITE_DONE)
    return FALSE;
  if (have_row)
    finish_request (ctx, &row, &totals);

  durations_from_values (first_response, &out->first_response);
  durations_from_values (resolution, &out->resolution);
  durations_from_values (vendor, &out->vendor);
  term_finish (&out->first_response_term);
  term_finish (&out->resolution_term);
  return TRUE;
}

/* ---------------------------------------------------------------------------------------- */
/* Newcomers                                                                                 */

typedef struct {
  guint started;
  guint on_time;
  guint late;
  guint overdue;
  guint waiting;
} NewcomerCounts;

static gboolean
count_newcomers (Context         *ctx,
                 const HdPeriod  *period,
                 NewcomerCounts  *out,
                 GError         **error)
{
  g_autoptr(HdStmt) stmt = NULL;
  g_autofree char *first = hd_date_to_iso (&period->first);
  g_autofree char *last = hd_date_to_iso (&period->last);
  int rc;

  /* ISO dates compare as text */
  stmt = hd_database_prepare (ctx->db,
                              "SELECT count(*),"
                              "       coalesce(sum(trained_on IS NOT NULL AND trained_on <= due_on), 0),"
                              "       coalesce(sum(trained_on IS NOT NULL AND trained_on > due_on), 0),"
                              "       coalesce(sum(trained_on IS NULL AND due_on < ?3), 0),"
                              "       coalesce(sum(trained_on IS NULL AND due_on >= ?3), 0)"
                              "  FROM newcomers"
                              " WHERE started_on BETWEEN ?1 AND ?2 AND archived = 0",
                              error);
  if (stmt == NULL)
    return FALSE;
  hd_stmt_bind_text (stmt, 1, first, FALSE);
  hd_stmt_bind_text (stmt, 2, last, FALSE);
  hd_stmt_bind_text (stmt, 3, ctx->today_iso, FALSE);

  rc = hd_database_step (ctx->db, stmt, error);
  if (rc != SQLITE_ROW)
    return FALSE;
  out->started = (guint) sqlite3_column_int64 (stmt, 0);
  out->on_time = (guint) sqlite3_column_int64 (stmt, 1);
  out->late = (guint) sqlite3_column_int64 (stmt, 2);
  out->overdue = (guint) sqlite3_column_int64 (stmt, 3);
  out->waiting = (guint) sqlite3_column_int64 (stmt, 4);
  return TRUE;
}

static int
compare_overdue (gconstpointer a,
                 gconstpointer b)
{
  const HdStatsOverdue *x = *(const HdStatsOverdue * const *) a;
  const HdStatsOverdue *y = *(const HdStatsOverdue * const *) b;
  int by_due = g_date_compare (&x->due_on, &y->due_on);

  if (by_due != 0)
    return by_due;
  return (x->newcomer_id > y->newcomer_id) - (x->newcomer_id < y->newcomer_id);
}

static gboolean
measure_newcomers (Context           *ctx,
                   const HdPeriod    *period,
                   HdStatsNewcomers  *out,
                   GError           **error)
{
  g_autoptr(HdStmt) stmt = NULL;
  g_autoptr(HdStmt) due_stmt = NULL;
  g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (int));
  g_autofree char *first = hd_date_to_iso (&period->first);
  g_autofree char *last = hd_date_to_iso (&period->last);
  NewcomerCounts counts = { 0, };
  int rc;

  out->overdue_people = g_ptr_array_new_with_free_func (overdue_free);
  out->on_time_rate = HD_STATS_NO_DATA;
  out->median_days_to_training = HD_STATS_NO_DATA;

  if (!count_newcomers (ctx, period, &counts, error))
    return FALSE;
  out->started = counts.started;
  out->trained_on_time = counts.on_time;
  out->trained_late = counts.late;
  out->overdue = counts.overdue;
  out->waiting = counts.waiting;
  out->on_time_rate = share_or_no_data (counts.on_time, counts.on_time + counts.late + counts.overdue);

  due_stmt = hd_database_prepare (ctx->db,
                                  "SELECT count(*) FROM newcomers"
                                  " WHERE due_on BETWEEN ?1 AND ?2 AND archived = 0",
                                  error);
  if (due_stmt == NULL)
    return FALSE;
  hd_stmt_bind_text (due_stmt, 1, first, FALSE);
  hd_stmt_bind_text (due_stmt, 2, last, FALSE);
  if (hd_database_step (ctx->db, due_stmt, error) != SQLITE_ROW)
    return FALSE;
  out->due = (guint) sqlite3_column_int64 (due_stmt, 0);

  /* The working days of the trained and the names of the overdue: a handful of rows, and
   * the production calendar is in C */
  stmt = hd_database_prepare (ctx->db,
                              "SELECT n.id, n.started_on, n.due_on, n.trained_on,"
                              "       p.full_name, coalesce(p.position, '')"
                              "  FROM newcomers AS n JOIN people AS p ON p.id = n.person_id"
                              " WHERE n.started_on BETWEEN ?1 AND ?2 AND n.archived = 0"
                              "   AND (n.trained_on IS NOT NULL OR n.due_on < ?3)",
                              error);
  if (stmt == NULL)
    return FALSE;
  hd_stmt_bind_text (stmt, 1, first, FALSE);
  hd_stmt_bind_text (stmt, 2, last, FALSE);
  hd_stmt_bind_text (stmt, 3, ctx->today_iso, FALSE);

  while ((rc = hd_database_step (ctx->db, stmt, error)) == SQLITE_ROW)
    {
      GDate started, due, trained;

      if (!hd_date_parse_iso (hd_stmt_column_text (stmt, 1), &started)
          || !hd_date_parse_iso (hd_stmt_column_text (stmt, 2), &due))
        continue;

      if (sqlite3_column_type (stmt, 3) != SQLITE_NULL)
        {
          int n;

          if (!hd_date_parse_iso (hd_stmt_column_text (stmt, 3), &trained))
            continue;
          n = hd_workdays_between (ctx->workdays, &started, &trained);
          g_array_append_val (days, n);
        }
      else
        {
          HdStatsOverdue *o = g_new0 (HdStatsOverdue, 1);

          o->newcomer_id = sqlite3_column_int64 (stmt, 0);
          o->name = g_strdup (hd_stmt_column_text (stmt, 4));
          o->position = g_strdup (hd_stmt_column_text (stmt, 5));
          o->started_on = started;
          o->due_on = due;
          o->days_overdue = hd_workdays_between (ctx->workdays, &due, &ctx->today);
          g_ptr_array_add (out->overdue_people, o);
        }
    }
  if (rc != SQLITE_DONE)
    return FALSE;

  g_ptr_array_sort (out->overdue_people, compare_overdue);

  if (days->len > 0)
    {
      int *d = (int *) (gpointer) days->data;
      guint n = days->len;

      g_array_sort (days, compare_int);
      out->median_days_to_training = n % 2 == 1 ? d[n / 2] : (d[n / 2 - 1] + d[n / 2]) / 2.0;
    }
  return TRUE;
}

/* ---------------------------------------------------------------------------------------- */
/* Appointments                                                                              */

typedef struct {
  gint64 start;
  gint64 end;
} Interval;

static gint64
local_instant (GTimeZone   *tz,
               const GDate *day,
               int          minutes)
{
  g_autoptr(GDateTime) midnight = g_date_time_new (tz, g_date_get_year (day),
                                                   g_date_get_month (day),
                                                   g_date_get_day (day), 0, 0, 0);
  /* Minute 1440 is the next midnight; adding keeps that simple */
  g_autoptr(GDateTime) dt = g_date_time_add_minutes (midnight, minutes);

  return g_date_time_to_unix (dt);
}

static int
compare_interval (gconstpointer a,
                  gconstpointer b)
{
  const Interval *x = a;
  const Interval *y = b;

  return (x->start > y->start) - (x->start < y->start);
}

/* Sorts and merges overlapping intervals in place, so nothing is counted twice. */
static void
merge_intervals (GArray *intervals)
{
  guint out = 0;

  if (intervals->len == 0)
    return;
  g_array_sort (intervals, compare_interval);
  for (guint i = 1; i < intervals->len; i++)
    {
      Interval *cur = &g_array_index (intervals, Interval, out);
      const Interval *next = &g_array_index (intervals, Interval, i);

      if (next->start <= cur->end)
        cur->end = MAX (cur->end, next->end);
      else
        g_array_index (intervals, Interval, ++out) = *next;
    }
  g_array_set_size (intervals, out + 1);
}

static gint64
intervals_length (GArray *intervals)
{
  gint64 total = 0;

  for (guint i = 0; i < intervals->len; i++)
    total += g_array_index (intervals, Interval, i).end - g_array_index (intervals, Interval, i).start;
  return total;
}

/* Length of the intersection of two merged, sorted lists */
static gint64
intersection_length (GArray *a,
                     GArray *b)
{
  guint i = 0, j = 0;
  gint64 total = 0;

  while (i < a->len && j < b->len)
    {
      const Interval *x = &g_array_index (a, Interval, i);
      const Interval *y = &g_array_index (b, Interval, j);
      gint64 lo = MAX (x->start, y->start);
      gint64 hi = MIN (x->end, y->end);

      if (hi > lo)
        total += hi - lo;
      if (x->end < y->end)
        i++;
      else
        j++;
    }
  return total;
}

typedef struct {
  int   weekday;   /* 1 = Monday, as GDateWeekday */
  int   starts_min;
  int   ends_min;
  GDate valid_from;
  GDate valid_to;  /* invalid: open-ended */
} ReceptionRow;

static gboolean
load_reception (Context         *ctx,
                const HdPeriod  *period,
                GArray          *out,
                GError         **error)
{
  g_autoptr(HdStmt) stmt = NULL;
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (ReceptionRow));
  g_autofree char *first = hd_date_to_iso (&period->first);
  g_autofree char *last = hd_date_to_iso (&period->last);
  GDate day;
  int rc;

  stmt = hd_database_prepare (ctx->db,
                              "SELECT weekday, starts_min, ends_min, valid_from, valid_to"
                              "  FROM reception_hours"
                              " WHERE valid_from <= ?2 AND (valid_to IS NULL OR valid_to >= ?1)",
                              error);
  if (stmt == NULL)
    return FALSE;
  hd_stmt_bind_text (stmt, 1, first, FALSE);
  hd_stmt_bind_text (stmt, 2, last, FALSE);

  while ((rc = hd_database_step (ctx->db, stmt, error)) == SQLITE_ROW)
    {
      ReceptionRow r = { 0, };

      r.weekday = sqlite3_column_int (stmt, 0);
      r.starts_min = sqlite3_column_int (stmt, 1);
      r.ends_min = sqlite3_column_int (stmt, 2);
      if (!hd_date_parse_iso (hd_stmt_column_text (stmt, 3), &r.valid_from))
        continue;
      g_date_clear (&r.valid_to, 1);
      if (sqlite3_column_type (stmt, 4) != SQLITE_NULL
          && !hd_date_parse_iso (hd_stmt_column_text (stmt, 4), &r.valid_to))
        continue;
      g_array_append_val (rows, r);
    }
  if (rc != SQLITE_DONE)
    return FALSE;
  if (rows->len == 0)
    return TRUE;

  /* The rules of booking (hd_availability_get_day()), so that the share is of the hours the
   * calendar really offered: a transferred working Saturday has the hours of the weekday it
   * works for, and the hours are cut to the day's working time (a pre-holiday day ends an
   * hour earlier, and the reception with it). */
  for (day = period->first; g_date_compare (&day, &period->last) <= 0; g_date_add_days (&day, 1))
    {
      gint64 work_start, work_end;
      int weekday;

      if (!hd_terms_get_day_window (ctx->terms, &day, &work_start, &work_end))
        continue;
      weekday = hd_availability_rules_weekday (ctx->workdays, &day);

      for (guint i = 0; i < rows->len; i++)
        {
          const ReceptionRow *r = &g_array_index (rows, ReceptionRow, i);
          Interval iv;

          if (r->weekday != weekday
              || g_date_compare (&day, &r->valid_from) < 0
              || (g_date_valid (&r->valid_to) && g_date_compare (&day, &r->valid_to) > 0))
            continue;
          iv.start = MAX (local_instant (ctx->tz, &day, r->starts_min), work_start);
          iv.end = MIN (local_instant (ctx->tz, &day, r->ends_min), work_end);
          if (iv.end > iv.start)
            g_array_append_val (out, iv);
        }
    }
  merge_intervals (out);
  return TRUE;
}

static gboolean
measure_appointments (Context              *ctx,
                      const HdPeriod       *period,
                      gint64                start,
                      gint64                end,
                      HdStatsAppointments  *out,
                      GError              **error)
{
  g_autoptr(HdStmt) stmt = NULL;
  g_autoptr(HdStmt) busy = NULL;
  g_autoptr(GArray) reception = g_array_new (FALSE, FALSE, sizeof (Interval));
  g_autoptr(GArray) taken = g_array_new (FALSE, FALSE, sizeof (Interval));
  int rc;

  out->reception_share = HD_STATS_NO_DATA;

  stmt = hd_database_prepare (ctx->db,
                              "SELECT status, walk_in, count(*) FROM appointments"
                              " WHERE starts_at >= ?1 AND starts_at < ?2"
                              " GROUP BY 1, 2",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, start);
  sqlite3_bind_int64 (stmt, 2, end);

  while ((rc = hd_database_step (ctx->db, stmt, error)) == SQLITE_ROW)
    {
      int status = hd_enum_from_key (HD_ENUM_APPOINTMENT_STATUS, hd_stmt_column_text (stmt, 0));
      gboolean walk_in = sqlite3_column_int (stmt, 1) != 0;
      guint n = (guint) sqlite3_column_int64 (stmt, 2);

      if (status < 0)
        continue;
      out->by_status[status] += n;
      if (status == HD_APPOINTMENT_RESCHEDULED)
        continue;
      if (walk_in)
        out->walk_ins += n;
      else
        out->booked += n;
    }
  if (rc != SQLITE_DONE)
    return FALSE;

  out->held = out->by_status[HD_APPOINTMENT_HELD];
  out->no_show = out->by_status[HD_APPOINTMENT_NO_SHOW];
  out->cancelled_requester = out->by_status[HD_APPOINTMENT_CANCELLED_REQUESTER];
  out->cancelled_consultant = out->by_status[HD_APPOINTMENT_CANCELLED_CONSULTANT];

  if (!load_reception (ctx, period, reception, error))
    return FALSE;
  out->reception_minutes = intervals_length (reception) / 60;
  if (reception->len == 0)
    return TRUE;

  /* starts_at > start − 1 day: a consultation is never longer than a day, and this keeps the
   * query on the appointments_starts index */
  busy = hd_database_prepare (ctx->db,
                              "SELECT starts_at, ends_at FROM appointments"
                              " WHERE starts_at < ?2 AND starts_at > ?1 - 86400 AND ends_at > ?1"
                              "   AND status IN ('scheduled','held','no_show')",
                              error);
  if (busy == NULL)
    return FALSE;
  sqlite3_bind_int64 (busy, 1, start);
  sqlite3_bind_int64 (busy, 2, end);
  while ((rc = hd_database_step (ctx->db, busy, error)) == SQLITE_ROW)
    {
      Interval iv = { sqlite3_column_int64 (busy, 0), sqlite3_column_int64 (busy, 1) };
      g_array_append_val (taken, iv);
    }
  if (rc != SQLITE_DONE)
    return FALSE;
  merge_intervals (taken);

  out->reception_minutes_used = intersection_length (reception, taken) / 60;
  out->reception_share = out->reception_minutes > 0
                         ? (double) out->reception_minutes_used / (double) out->reception_minutes
                         : HD_STATS_NO_DATA;
  return TRUE;
}

/* ---------------------------------------------------------------------------------------- */

static gboolean
compute_figures (Context         *ctx,
                 const HdPeriod  *period,
                 HdStatsFigures  *out,
                 GError         **error)
{
  out->period = *period;
  hd_period_get_bounds (period, ctx->tz, &out->start, &out->end);

  return measure_requests (ctx, out->start, out->end, &out->requests, error)
         && measure_newcomers (ctx, period, &out->newcomers, error)
         && measure_appointments (ctx, period, out->start, out->end, &out->appointments, error);
}

static gboolean
context_init (Context     *ctx,
              HdDatabase  *db,
              HdWorkdays  *workdays,
              gint64       now,
              GError     **error)
{
  memset (ctx, 0, sizeof *ctx);
  ctx->db = db;
  ctx->workdays = workdays;
  ctx->now = now;
  ctx->terms = hd_terms_new_from_database (db, workdays, error);
  if (ctx->terms == NULL)
    return FALSE;
  ctx->tz = hd_terms_get_time_zone (ctx->terms);
  hd_date_set_unix (&ctx->today, now, ctx->tz);
  ctx->today_iso = hd_date_to_iso (&ctx->today);
  return TRUE;
}

static void
context_clear (Context *ctx)
{
  g_clear_object (&ctx->terms);
  g_clear_pointer (&ctx->today_iso, g_free);
}

/**
 * hd_stats_compute:
 * @db: the database
 * @workdays: the production calendar, with the school's overrides loaded
 * @period: the period
 * @now: the current instant, Unix seconds: statuses, open clocks and "overdue now" are as
 *   at this moment
 * @error: a database error
 *
 * Computes the figures of @period and of the period before it, as hd-stats.h defines them.
 * A busy month (11 000 requests, beside a previous month of 16 000) of a database of a
 * million requests costs about 0.1 s of CPU; a school year of such a database several
 * seconds. Run it in a worker with its own connection (hd_database_open_connection()) when
 * the UI waits for it.
 *
 * Returns: (transfer full): the figures, or %NULL with @error set
 */
HdStats *
hd_stats_compute (HdDatabase      *db,
                  HdWorkdays      *workdays,
                  const HdPeriod  *period,
                  gint64           now,
                  GError         **error)
{
  g_autoptr(HdStats) stats = NULL;
  HdPeriod previous;
  Context ctx;
  gboolean ok;

  g_return_val_if_fail (HD_IS_DATABASE (db), NULL);
  g_return_val_if_fail (HD_IS_WORKDAYS (workdays), NULL);
  g_return_val_if_fail (period != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!context_init (&ctx, db, workdays, now, error))
    return NULL;

  stats = g_atomic_rc_box_new0 (HdStats);
  stats->now = now;
  stats->today = ctx.today;
  hd_period_previous (period, &previous);

  /* One read transaction: both periods see the same state of the file */
  ok = hd_database_exec (db, "SAVEPOINT hd_stats", error);
  if (ok)
    {
      ok = compute_figures (&ctx, period, &stats->current, error)
           && compute_figures (&ctx, &previous, &stats->previous, error);
      hd_database_exec (db, "RELEASE hd_stats", NULL);
    }
  context_clear (&ctx);

  if (!ok)
    return NULL;
  return g_steal_pointer (&stats);
}

/**
 * hd_stats_compute_newcomers:
 * @db: the database
 * @workdays: the production calendar, with the school's overrides loaded
 * @period: the period
 * @now: the current instant: "overdue now" is as at this moment
 * @out: (out caller-allocates): the figures; free with hd_stats_newcomers_clear()
 * @error: a database error
 *
 * Only the onboarding figures of hd_stats_compute(), counted the same way, for the summary
 * strip of the onboarding tracker, which needs nothing else.
 *
 * Returns: %TRUE on success
 */
gboolean
hd_stats_compute_newcomers (HdDatabase        *db,
                            HdWorkdays        *workdays,
                            const HdPeriod    *period,
                            gint64             now,
                            HdStatsNewcomers  *out,
                            GError           **error)
{
  Context ctx;
  gboolean ok;

  g_return_val_if_fail (HD_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (HD_IS_WORKDAYS (workdays), FALSE);
  g_return_val_if_fail (period != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  memset (out, 0, sizeof *out);
  if (!context_init (&ctx, db, workdays, now, error))
    return FALSE;
  ok = measure_newcomers (&ctx, period, out, error);
  context_clear (&ctx);
  if (!ok)
    hd_stats_newcomers_clear (out);
  return ok;
}

/**
 * hd_stats_newcomers_clear:
 * @self: figures filled by hd_stats_compute_newcomers()
 *
 * Frees what @self holds (the list of overdue people), not @self.
 */
void
hd_stats_newcomers_clear (HdStatsNewcomers *self)
{
  g_return_if_fail (self != NULL);

  g_clear_pointer (&self->overdue_people, g_ptr_array_unref);
}

/**
 * hd_stats_change:
 * @current: a figure of this period
 * @previous: the same figure of the previous period
 *
 * The relative change that the report prints beside a figure ("+12 %").
 *
 * Returns: (@current − @previous) / @previous, or %HD_STATS_NO_DATA when @previous is 0
 *   or either is %HD_STATS_NO_DATA. Note that a real change may be negative too: test the
 *   arguments, not the result, for "no data".
 */
double
hd_stats_change (double current,
                 double previous)
{
  if (current < 0 || previous <= 0)
    return HD_STATS_NO_DATA;
  return (current - previous) / previous;
}

/**
 * hd_stats_trend:
 * @db: the database
 * @workdays: the production calendar
 * @last_month: the last month of the trend (a %HD_PERIOD_MONTH; for another kind, the month
 *   of its last day)
 * @n_months: how many months, 12 for a year
 * @now: the current instant: "overdue now" is as at this moment
 * @error: a database error
 *
 * Per month: requests received and the newcomers' on-time rate, as hd_stats_compute() counts
 * them, for the report's trend lines.
 *
 * Returns: (transfer full) (element-type HdStatsTrendPoint): @n_months points, the oldest
 *   first, or %NULL with @error set
 */
GArray *
hd_stats_trend (HdDatabase      *db,
                HdWorkdays      *workdays,
                const HdPeriod  *last_month,
                guint            n_months,
                gint64           now,
                GError         **error)
{
  g_autoptr(GArray) points = NULL;
  HdPeriod month;
  Context ctx;
  gboolean ok = TRUE;

  g_return_val_if_fail (HD_IS_DATABASE (db), NULL);
  g_return_val_if_fail (HD_IS_WORKDAYS (workdays), NULL);
  g_return_val_if_fail (last_month != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!context_init (&ctx, db, workdays, now, error))
    return NULL;

  points = g_array_sized_new (FALSE, TRUE, sizeof (HdStatsTrendPoint), n_months);
  g_array_set_size (points, n_months);

  hd_period_init_containing (&month, HD_PERIOD_MONTH, &last_month->last);
  for (guint i = n_months; ok && i > 0; i--)
    {
      HdStatsTrendPoint *p = &g_array_index (points, HdStatsTrendPoint, i - 1);
      g_autoptr(HdStmt) stmt = NULL;
      NewcomerCounts counts = { 0, };
      gint64 start, end;

      p->month = month;
      hd_period_get_bounds (&month, ctx.tz, &start, &end);

      stmt = hd_database_prepare (db,
                                  "SELECT count(*) FROM requests"
                                  " WHERE received_at >= ?1 AND received_at < ?2 AND archived = 0",
                                  error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, start);
          sqlite3_bind_int64 (stmt, 2, end);
          ok = hd_database_step (db, stmt, error) == SQLITE_ROW;
        }
      if (ok)
        {
          p->requests = (guint) sqlite3_column_int64 (stmt, 0);
          ok = count_newcomers (&ctx, &month, &counts, error);
        }
      if (ok)
        {
          p->newcomers_started = counts.started;
          p->newcomers_on_time = counts.on_time;
          p->newcomers_judged = counts.on_time + counts.late + counts.overdue;
          p->on_time_rate = share_or_no_data (p->newcomers_on_time, p->newcomers_judged);
        }
      hd_period_previous (&month, &month);
    }
  context_clear (&ctx);

  if (!ok)
    return NULL;
  return g_steal_pointer (&points);
}
