/* test-stats.c — periods and the figures of a period against hand-counted fixtures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fixtures are plain SQL rows in a fresh database. Times are the school's local time
 * (Asia/Yakutsk, UTC+9, the default), working hours 08:00–17:00, terms 9 h (first response)
 * and 27 h (resolution), the 2026 production calendar: 3 November is a shortened pre-holiday
 * day (08:00–16:00), 4 November a holiday. November 2026 starts on a Sunday.
 *
 *   October 2026                November 2026               December 2026
 *   Mo Tu We Th Fr Sa Su        Mo Tu We Th Fr Sa Su        Mo Tu We Th Fr Sa Su
 *             1  2  3  4                          1            1  2  3  4  5  6
 *    5  6  7  8  9 10 11         2 [3](4) 5  6  7  8         7 ...
 *   12 13 14 15 16 17 18         9 10 11 12 13 14 15
 *   19 20 21 22 23 24 25        16 17 18 19 20 21 22
 *   26 27 28 29 30 31           23 24 25 26 27 28 29
 *                               30
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "hd-availability.h"
#include "hd-database-private.h"
#include "hd-error.h"
#include "hd-stats.h"
#include "hd-terms.h"

#define HOUR ((gint64) 3600)
#define MINUTE ((gint64) 60)

/* ---------------------------------------------------------------------------------------- */
/* Fixtures                                                                                  */

static GTimeZone *school_tz;

/* An instant in the school's local time */
static gint64
at (int year,
    int month,
    int day,
    int hour,
    int minute)
{
  g_autoptr(GDateTime) dt = g_date_time_new (school_tz, year, month, day, hour, minute, 0);

  return g_date_time_to_unix (dt);
}

static HdDatabase *
open_db (const char *name)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  HdDatabase *db;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  path = g_build_filename (g_get_user_data_dir (), name, NULL);
  db = hd_database_open (path, &error);
  g_assert_no_error (error);

  g_assert_true (hd_database_exec (db,
                                   "INSERT INTO people (id, full_name, kind, position, created_at, updated_at)"
                                   " VALUES (1, 'Иванова Мария Сергеевна', 'staff', 'учитель математики', 0, 0),"
                                   "        (2, 'Ёлкина Анна Петровна', 'staff', 'учитель истории', 0, 0),"
                                   "        (3, 'Петров Олег Иванович', 'staff', 'учитель физики', 0, 0),"
                                   "        (4, 'Сидорова Нина Львовна', 'staff', 'педагог-психолог', 0, 0),"
                                   "        (5, 'Кузнецов Илья Ильич', 'staff', NULL, 0, 0),"
                                   "        (6, 'Орлова Вера Андреевна', 'staff', 'учитель музыки', 0, 0),"
                                   "        (7, 'Смирнов Павел Олегович', 'staff', 'учитель ИЗО', 0, 0),"
                                   "        (8, 'Белова Дарья Юрьевна', 'staff', 'учитель химии', 0, 0)",
                                   &error));
  g_assert_no_error (error);
  return db;
}

static HdWorkdays *
open_workdays (void)
{
  g_autoptr(GError) error = NULL;
  HdWorkdays *workdays = hd_workdays_new (&error);

  g_assert_no_error (error);
  return workdays;
}

typedef struct {
  gint64      received;
  const char *channel;
  const char *topic;
  const char *kind;
  const char *status;           /* the status now */
  const char *reason;           /* rejection reason */
  gint64      first_response;   /* 0: none recorded */
  gint64      resolved;         /* 0: not closed */
  gint64      callback_done;
  gboolean    repeat;
  gint64      related;
  gboolean    archived;
} Req;

static gint64
add_request (HdDatabase *db,
             const Req  *r)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;

  g_assert_cmpint (sqlite3_prepare_v2 (hd_database_get_handle (db),
                                       "INSERT INTO requests (received_at, requester_id, requester_kind, channel,"
                                       "  topic, summary, status, rejection_reason, vendor_ticket, first_response_at,"
                                       "  resolved_at, resolution, callback_done_at, is_repeat, related_id, archived,"
                                       "  created_at, updated_at)"
                                       " VALUES (?1, 1, ?2, ?3, ?4, 'Не выставляются оценки', ?5, ?6,"
                                       "  CASE WHEN ?5 = 'escalated' THEN 'DR-1' END, nullif(?7, 0),"
                                       "  nullif(?8, 0), CASE WHEN ?5 = 'resolved' THEN 'Помогли' ELSE '' END,"
                                       "  nullif(?9, 0), ?10, nullif(?11, 0), ?12, ?1, ?1)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, r->received);
  sqlite3_bind_text (stmt, 2, r->kind ? r->kind : "staff", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, r->channel ? r->channel : "phone", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, r->topic ? r->topic : "other", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, r->status ? r->status : "new", -1, SQLITE_STATIC);
  if (r->reason != NULL)
    sqlite3_bind_text (stmt, 6, r->reason, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 7, r->first_response);
  sqlite3_bind_int64 (stmt, 8, r->resolved);
  sqlite3_bind_int64 (stmt, 9, r->callback_done);
  sqlite3_bind_int (stmt, 10, r->repeat);
  sqlite3_bind_int64 (stmt, 11, r->related);
  sqlite3_bind_int (stmt, 12, r->archived);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);

  return hd_database_last_insert_id (db);
}

/* A row of the audit: the status of @id changed at @when */
static void
add_change (HdDatabase *db,
            gint64      id,
            gint64      when,
            const char *old_status,
            const char *new_status)
{
  sqlite3_stmt *stmt;

  g_assert_cmpint (sqlite3_prepare_v2 (hd_database_get_handle (db),
                                       "INSERT INTO request_events (request_id, at, field, old_value, new_value)"
                                       " VALUES (?1, ?2, 'status', ?3, ?4)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, when);
  sqlite3_bind_text (stmt, 3, old_status, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, new_status, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

static HdStats *
compute (HdDatabase *db,
         HdWorkdays *workdays,
         const char *period_text,
         gint64      now)
{
  g_autoptr(GError) error = NULL;
  HdPeriod period;
  HdStats *stats;

  g_assert_true (hd_period_parse (period_text, &period, &error));
  g_assert_no_error (error);
  stats = hd_stats_compute (db, workdays, &period, now, &error);
  g_assert_no_error (error);
  g_assert_nonnull (stats);
  return stats;
}

static void
assert_date (const GDate *date,
             int          year,
             int          month,
             int          day)
{
  g_assert_true (g_date_valid (date));
  g_assert_cmpint (g_date_get_year (date), ==, year);
  g_assert_cmpint (g_date_get_month (date), ==, month);
  g_assert_cmpint (g_date_get_day (date), ==, day);
}

static void
assert_all_zero (const HdStatsFigures *f)
{
  const HdStatsRequests *r = &f->requests;
  const HdStatsNewcomers *n = &f->newcomers;
  const HdStatsAppointments *a = &f->appointments;

  g_assert_cmpuint (r->total, ==, 0);
  for (guint i = 0; i < HD_N_CHANNELS; i++)
    g_assert_cmpuint (r->by_channel[i], ==, 0);
  for (guint i = 0; i < HD_N_TOPICS; i++)
    g_assert_cmpuint (r->by_topic[i], ==, 0);
  for (guint i = 0; i < HD_N_REQUESTER_KINDS; i++)
    g_assert_cmpuint (r->by_requester_kind[i], ==, 0);
  for (guint i = 0; i < HD_N_STATUSES; i++)
    g_assert_cmpuint (r->by_status[i], ==, 0);
  for (guint i = 0; i < HD_N_REJECTION_REASONS; i++)
    g_assert_cmpuint (r->rejected_by_reason[i], ==, 0);
  g_assert_cmpuint (r->open, ==, 0);
  g_assert_cmpuint (r->repeats, ==, 0);
  g_assert_cmpuint (r->escalated, ==, 0);
  g_assert_cmpuint (r->callbacks_requested, ==, 0);
  g_assert_cmpuint (r->callbacks_made, ==, 0);
  g_assert_cmpuint (r->open_at_end, ==, 0);

  /* Nothing measured: "no data", not zero */
  g_assert_cmpuint (r->first_response.count, ==, 0);
  g_assert_cmpint (r->first_response.median, ==, HD_STATS_NO_DATA);
  g_assert_cmpint (r->first_response.p90, ==, HD_STATS_NO_DATA);
  g_assert_cmpuint (r->resolution.count, ==, 0);
  g_assert_cmpint (r->resolution.median, ==, HD_STATS_NO_DATA);
  g_assert_cmpint (r->resolution.p90, ==, HD_STATS_NO_DATA);
  g_assert_cmpuint (r->vendor.count, ==, 0);
  g_assert_cmpint (r->vendor.median, ==, HD_STATS_NO_DATA);
  g_assert_cmpuint (r->first_response_term.within + r->first_response_term.late
                    + r->first_response_term.pending, ==, 0);
  g_assert_cmpfloat (r->first_response_term.share, ==, HD_STATS_NO_DATA);
  g_assert_cmpfloat (r->resolution_term.share, ==, HD_STATS_NO_DATA);
  g_assert_cmpint (r->first_response_term.term, ==, 9 * HOUR);
  g_assert_cmpint (r->resolution_term.term, ==, 27 * HOUR);

  g_assert_cmpuint (n->started, ==, 0);
  g_assert_cmpuint (n->due, ==, 0);
  g_assert_cmpuint (n->trained_on_time + n->trained_late + n->overdue + n->waiting, ==, 0);
  g_assert_cmpfloat (n->on_time_rate, ==, HD_STATS_NO_DATA);
  g_assert_cmpfloat (n->median_days_to_training, ==, HD_STATS_NO_DATA);
  g_assert_nonnull (n->overdue_people);
  g_assert_cmpuint (n->overdue_people->len, ==, 0);

  for (guint i = 0; i < HD_N_APPOINTMENT_STATUSES; i++)
    g_assert_cmpuint (a->by_status[i], ==, 0);
  g_assert_cmpuint (a->booked + a->held + a->no_show + a->walk_ins, ==, 0);
  g_assert_cmpuint (a->cancelled_requester + a->cancelled_consultant, ==, 0);
  g_assert_cmpint (a->reception_minutes, ==, 0);
  g_assert_cmpint (a->reception_minutes_used, ==, 0);
  g_assert_cmpfloat (a->reception_share, ==, HD_STATS_NO_DATA);
}

/* ---------------------------------------------------------------------------------------- */
/* Periods                                                                                   */

static void
test_period_parse (void)
{
  g_autoptr(GError) error = NULL;
  HdPeriod p;
  struct {
    const char   *text;
    HdPeriodKind  kind;
    int           y1, m1, d1, y2, m2, d2;
    const char   *canonical;
  } good[] = {
    { "2026-11", HD_PERIOD_MONTH, 2026, 11, 1, 2026, 11, 30, "2026-11" },
    { " 2026-2\n", HD_PERIOD_MONTH, 2026, 2, 1, 2026, 2, 28, "2026-02" },
    { "2028-02", HD_PERIOD_MONTH, 2028, 2, 1, 2028, 2, 29, "2028-02" },   /* leap year */
    { "2026-Q4", HD_PERIOD_QUARTER, 2026, 10, 1, 2026, 12, 31, "2026-Q4" },
    { "2027-q1", HD_PERIOD_QUARTER, 2027, 1, 1, 2027, 3, 31, "2027-Q1" },
    { "2025/2026", HD_PERIOD_SCHOOL_YEAR, 2025, 9, 1, 2026, 8, 31, "2025/2026" },
    { "2026-11-01..2026-11-15", HD_PERIOD_RANGE, 2026, 11, 1, 2026, 11, 15, "2026-11-01..2026-11-15" },
    { "2026-11-03..2026-11-03", HD_PERIOD_RANGE, 2026, 11, 3, 2026, 11, 3, "2026-11-03..2026-11-03" },
  };
  struct {
    const char *text;
    const char *mentions;   /* a word the message must contain */
  } bad[] = {
    { "2026-13", "13" },
    { "2026-00", "month 0" },
    { "2026-Q5", "quarter 5" },
    { "2026-Q0", "quarter 0" },
    { "2026/2028", "school year" },
    { "2026/2025", "school year" },
    { "garbage", "garbage" },
    { "", "is not a period" },
    { "2026", "is not a period" },
    { "2026-11-", "is not a period" },
    { "2026-Q", "is not a period" },
    { "26-11", "is not a period" },
    { "2026-11-31..2026-12-01", "is not a period" },   /* no 31 November */
    { "2026-11-15..2026-11-01", "ends before it starts" },
    { "0999-01", "year" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *text = NULL;
      HdPeriod again;

      g_assert_true (hd_period_parse (good[i].text, &p, &error));
      g_assert_no_error (error);
      g_assert_cmpint (p.kind, ==, good[i].kind);
      assert_date (&p.first, good[i].y1, good[i].m1, good[i].d1);
      assert_date (&p.last, good[i].y2, good[i].m2, good[i].d2);

      text = hd_period_to_string (&p);
      g_assert_cmpstr (text, ==, good[i].canonical);
      g_assert_true (hd_period_parse (text, &again, NULL));
      g_assert_true (hd_period_equal (&p, &again));
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      hd_period_init_month (&p, 2000, 1);
      g_assert_false (hd_period_parse (bad[i].text, &p, &error));
      g_assert_error (error, HD_ERROR, HD_ERROR_INVALID_FIELD);
      g_assert_cmpstr (hd_error_get_field (error), ==, "period");
      if (strstr (error->message, bad[i].mentions) == NULL)
        g_error ("The message for “%s” does not mention “%s”: %s", bad[i].text, bad[i].mentions,
                 error->message);
      /* Nothing written on failure */
      g_assert_cmpint (p.kind, ==, HD_PERIOD_MONTH);
      assert_date (&p.first, 2000, 1, 1);
      g_clear_error (&error);
    }
}

static void
test_period_navigation (void)
{
  HdPeriod p, q;
  g_autofree char *s1 = NULL, *s2 = NULL, *s3 = NULL, *s4 = NULL, *s5 = NULL, *s6 = NULL;
  GDate day;

  g_assert_true (hd_period_parse ("2026-01", &p, NULL));
  hd_period_previous (&p, &q);
  s1 = hd_period_to_string (&q);
  g_assert_cmpstr (s1, ==, "2025-12");
  hd_period_next (&q, &q);   /* in place */
  g_assert_true (hd_period_equal (&p, &q));

  g_assert_true (hd_period_parse ("2026-Q1", &p, NULL));
  hd_period_previous (&p, &q);
  s2 = hd_period_to_string (&q);
  g_assert_cmpstr (s2, ==, "2025-Q4");

  g_assert_true (hd_period_parse ("2025/2026", &p, NULL));
  hd_period_next (&p, &q);
  s3 = hd_period_to_string (&q);
  g_assert_cmpstr (s3, ==, "2026/2027");

  /* 15 days: the 15 days before, and after */
  g_assert_true (hd_period_parse ("2026-11-01..2026-11-15", &p, NULL));
  g_assert_cmpuint (hd_period_get_n_days (&p), ==, 15);
  hd_period_previous (&p, &q);
  s4 = hd_period_to_string (&q);
  g_assert_cmpstr (s4, ==, "2026-10-17..2026-10-31");
  hd_period_next (&p, &q);
  s5 = hd_period_to_string (&q);
  g_assert_cmpstr (s5, ==, "2026-11-16..2026-11-30");

  /* The month containing a day; the last full month before an instant */
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 15, 8, 2026);
  hd_period_init_containing (&p, HD_PERIOD_SCHOOL_YEAR, &day);
  s6 = hd_period_to_string (&p);
  g_assert_cmpstr (s6, ==, "2025/2026");
  g_assert_true (hd_period_contains_date (&p, &day));
  g_date_set_dmy (&day, 1, 9, 2026);
  g_assert_false (hd_period_contains_date (&p, &day));

  /* 1 December 00:30 in Shimanovsk is still 30 November in UTC: the school's zone decides */
  hd_period_init_last_month (&p, at (2026, 12, 1, 0, 30), school_tz);
  assert_date (&p.first, 2026, 11, 1);
  assert_date (&p.last, 2026, 11, 30);
}

static void
test_period_bounds (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) oct31 = g_date_time_new_utc (2026, 10, 31, 15, 0, 0);
  g_autoptr(GDateTime) nov30 = g_date_time_new_utc (2026, 11, 30, 15, 0, 0);
  gint64 start, end;
  HdPeriod p;

  g_assert_true (hd_period_parse ("2026-11", &p, NULL));

  /* Asia/Yakutsk is UTC+9: local midnight of 1 November is 15:00 UTC of 31 October */
  hd_period_get_bounds (&p, school_tz, &start, &end);
  g_assert_cmpint (start, ==, g_date_time_to_unix (oct31));
  g_assert_cmpint (end, ==, g_date_time_to_unix (nov30));
  g_assert_cmpint (end - start, ==, 30 * 24 * HOUR);

  hd_period_get_bounds (&p, utc, &start, &end);
  g_assert_cmpint (start, ==, g_date_time_to_unix (oct31) + 9 * HOUR);
  g_assert_cmpint (end, ==, g_date_time_to_unix (nov30) + 9 * HOUR);
}

static void
test_period_title (void)
{
  struct {
    const char *text;
    const char *title;
  } cases[] = {
    { "2026-11", "November 2026" },
    { "2026-Q4", "Quarter IV of 2026" },
    { "2027-Q1", "Quarter I of 2027" },
    { "2025/2026", "2025/2026 school year" },
    { "2026-11-01..2026-11-15", "1 November 2026 – 15 November 2026" },
    { "2026-11-03..2026-11-03", "3 November 2026" },
  };

  /* The C locale: the English msgids (ru.po holds «ноябрь 2026 г.» and the rest) */
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *title = NULL;
      HdPeriod p;

      g_assert_true (hd_period_parse (cases[i].text, &p, NULL));
      title = hd_period_get_title (&p);
      g_assert_cmpstr (title, ==, cases[i].title);
    }
}

/* The Russian titles of the report, from the built ru.po, when the system has the locale */
static void
test_period_title_russian (void)
{
  g_autofree char *po_dir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  g_autofree char *mo = g_build_filename (po_dir, "ru", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  struct {
    const char *text;
    const char *title;
  } cases[] = {
    { "2026-11", "ноябрь 2026 г." },
    { "2026-05", "май 2026 г." },
    { "2026-Q4", "IV квартал 2026 г." },
    { "2025/2026", "2025/2026 учебный год" },
    { "2026-11-01..2026-11-15", "1 ноября 2026 г. – 15 ноября 2026 г." },
  };

  if (!g_file_test (mo, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("The Russian translation is not built");
      return;
    }
  if (setlocale (LC_ALL, "ru_RU.UTF-8") == NULL)
    {
      g_test_skip ("The ru_RU.UTF-8 locale is not installed");
      return;
    }
  bindtextdomain (GETTEXT_PACKAGE, po_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *title = NULL;
      HdPeriod p;

      g_assert_true (hd_period_parse (cases[i].text, &p, NULL));
      title = hd_period_get_title (&p);
      g_assert_cmpstr (title, ==, cases[i].title);
    }

  setlocale (LC_ALL, "C.UTF-8");
}

/* ---------------------------------------------------------------------------------------- */
/* Figures                                                                                   */

static void
test_empty_month (void)
{
  g_autoptr(HdDatabase) db = open_db ("empty.db");
  g_autoptr(HdWorkdays) workdays = open_workdays ();
  g_autoptr(HdStats) stats = compute (db, workdays, "2026-11", at (2026, 12, 1, 9, 0));
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) trend = NULL;
  HdPeriod p;

  g_assert_cmpint (stats->now, ==, at (2026, 12, 1, 9, 0));
  assert_date (&stats->today, 2026, 12, 1);
  assert_date (&stats->current.period.first, 2026, 11, 1);
  assert_date (&stats->previous.period.first, 2026, 10, 1);
  assert_date (&stats->previous.period.last, 2026, 10, 31);
  assert_all_zero (&stats->current);
  assert_all_zero (&stats->previous);

  g_assert_true (hd_period_parse ("2026-11", &p, NULL));
  trend = hd_stats_trend (db, workdays, &p, 12, at (2026, 12, 1, 9, 0), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trend->len, ==, 12);
  for (guint i = 0; i < trend->len; i++)
    {
      HdStatsTrendPoint *pt = &g_array_index (trend, HdStatsTrendPoint, i);
      g_assert_cmpuint (pt->requests, ==, 0);
      g_assert_cmpfloat (pt->on_time_rate, ==, HD_STATS_NO_DATA);
    }
  /* Oldest first: December 2025 … November 2026 */
  assert_date (&g_array_index (trend, HdStatsTrendPoint, 0).month.first, 2025, 12, 1);
  assert_date (&g_array_index (trend, HdStatsTrendPoint, 11).month.first, 2026, 11, 1);

  g_assert_cmpfloat (hd_stats_change (0, 0), ==, HD_STATS_NO_DATA);
  g_assert_cmpfloat (hd_stats_change (5, 0), ==, HD_STATS_NO_DATA);
  g_assert_cmpfloat (hd_stats_change (HD_STATS_NO_DATA, 0.5), ==, HD_STATS_NO_DATA);
  g_assert_cmpfloat_with_epsilon (hd_stats_change (6, 4), 0.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (hd_stats_change (3, 4), -0.25, 1e-9);
}

static void
test_only_rejections (void)
{
  g_autoptr(HdDatabase) db = open_db ("rejections.db");
  g_autoptr(HdWorkdays) workdays = open_workdays ();
  g_autoptr(HdStats) stats = NULL;
  const HdStatsRequests *r;
  gint64 id;

  /* J1: Mon 9 Nov 09:00, rejected 11:00 → 2 h */
  id = add_request (db, &(Req) { .received = at (2026, 11, 9, 9, 0), .status = "rejected",
                                 .reason = "insufficient_info", .resolved = at (2026, 11, 9, 11, 0),
                                 .kind = "parent", .channel = "email" });
  add_change (db, id, at (2026, 11, 9, 11, 0), "new", "rejected");
  /* J2: Tue 10 Nov 14:00, rejected Wed 11 Nov 10:00 → 3 h + 2 h = 5 h */
  id = add_request (db, &(Req) { .received = at (2026, 11, 10, 14, 0), .status = "rejected",
                                 .reason = "insufficient_info", .resolved = at (2026, 11, 11, 10, 0),
                                 .kind = "parent", .channel = "phone" });
  add_change (db, id, at (2026, 11, 11, 10, 0), "new", "rejected");
  /* J3: Thu 12 Nov 08:00, rejected 08:30 → 0.5 h */
  id = add_request (db, &(Req) { .received = at (2026, 11, 12, 8, 0), .status = "rejected",
                                 .reason = "non_constructive", .resolved = at (2026, 11, 12, 8, 30),
                                 .kind = "student", .channel = "email" });
  add_change (db, id, at (2026, 11, 12, 8, 30), "new", "rejected");

  stats = compute (db, workdays, "2026-11", at (2026, 12, 1, 9, 0));
  r = &stats->current.requests;

  g_assert_cmpuint (r->total, ==, 3);
  g_assert_cmpuint (r->by_status[HD_STATUS_REJECTED], ==, 3);
  g_assert_cmpuint (r->by_status[HD_STATUS_RESOLVED], ==, 0);
  g_assert_cmpuint (r->open, ==, 0);
  g_assert_cmpuint (r->rejected_by_reason[HD_REJECTION_INSUFFICIENT_INFO], ==, 2);
  g_assert_cmpuint (r->rejected_by_reason[HD_REJECTION_INCORRECT_QUESTION], ==, 0);
  g_assert_cmpuint (r->rejected_by_reason[HD_REJECTION_NON_CONSTRUCTIVE], ==, 1);
  g_assert_cmpuint (r->rejected_by_reason[HD_REJECTION_OTHER], ==, 0);
  g_assert_cmpuint (r->by_channel[HD_CHANNEL_EMAIL], ==, 2);
  g_assert_cmpuint (r->by_channel[HD_CHANNEL_PHONE], ==, 1);
  g_assert_cmpuint (r->by_requester_kind[HD_REQUESTER_PARENT], ==, 2);
  g_assert_cmpuint (r->by_requester_kind[HD_REQUESTER_STUDENT], ==, 1);
  g_assert_cmpuint (r->by_topic[HD_TOPIC_OTHER], ==, 3);

  /* A rejection closes the request and is its first answer: 0.5 h, 2 h, 5 h */
  g_assert_cmpuint (r->resolution.count, ==, 3);
  g_assert_cmpint (r->resolution.median, ==, 2 * HOUR);
  g_assert_cmpint (r->resolution.p90, ==, 5 * HOUR);        /* rank ⌈2.7⌉ = 3 */
  g_assert_cmpuint (r->first_response.count, ==, 3);
  g_assert_cmpint (r->first_response.median, ==, 2 * HOUR);
  g_assert_cmpuint (r->resolution_term.within, ==, 3);
  g_assert_cmpuint (r->resolution_term.late, ==, 0);
  g_assert_cmpfloat (r->resolution_term.share, ==, 1.0);
  g_assert_cmpfloat (r->first_response_term.share, ==, 1.0);

  g_assert_cmpuint (r->escalated, ==, 0);
  g_assert_cmpint (r->vendor.median, ==, HD_STATS_NO_DATA);
  g_assert_cmpuint (r->callbacks_requested, ==, 0);
  g_assert_cmpuint (r->open_at_end, ==, 0);

  assert_all_zero (&stats->previous);
}

static void
test_month_edges (void)
{
  g_autoptr(HdDatabase) db = open_db ("edges.db");
  g_autoptr(HdWorkdays) workdays = open_workdays ();
  g_autoptr(HdStats) nov = NULL;
  g_autoptr(HdStats) dec = NULL;
  gint64 id;

  add_request (db, &(Req) { .received = at (2026, 11, 30, 23, 59), .topic = "schedule" });  /* A: November */
  add_request (db, &(Req) { .received = at (2026, 12, 1, 0, 0), .topic = "access" });       /* B: December */
  add_request (db, &(Req) { .received = at (2026, 11, 1, 0, 0), .topic = "schedule" });     /* C: November */
  add_request (db, &(Req) { .received = at (2026, 10, 31, 23, 59), .topic = "lessons" });   /* D: October */
  /* E: Fri 27 Nov 10:00, answered 11:00, resolved Wed 2 Dec 12:00: a November request.
   * Resolution: Fri 10–17 7 h + Mon 30 9 h + Tue 1 Dec 9 h + Wed 08–12 4 h = 29 h */
  id = add_request (db, &(Req) { .received = at (2026, 11, 27, 10, 0), .status = "resolved",
                                 .topic = "grades_final",
                                 .first_response = at (2026, 11, 27, 11, 0),
                                 .resolved = at (2026, 12, 2, 12, 0) });
  add_change (db, id, at (2026, 11, 27, 11, 0), "new", "in_progress");
  add_change (db, id, at (2026, 12, 2, 12, 0), "in_progress", "resolved");
  /* F: archived, left out everywhere */
  add_request (db, &(Req) { .received = at (2026, 11, 10, 10, 0), .archived = TRUE });

  nov = compute (db, workdays, "2026-11", at (2026, 12, 10, 12, 0));
  g_assert_cmpuint (nov->current.requests.total, ==, 3);                       /* A, C, E */
  g_assert_cmpuint (nov->current.requests.by_topic[HD_TOPIC_SCHEDULE], ==, 2); /* A, C */
  g_assert_cmpuint (nov->current.requests.by_topic[HD_TOPIC_GRADES_FINAL], ==, 1);
  g_assert_cmpuint (nov->current.requests.by_topic[HD_TOPIC_ACCESS], ==, 0);
  g_assert_cmpuint (nov->current.requests.by_status[HD_STATUS_NEW], ==, 2);
  g_assert_cmpuint (nov->current.requests.by_status[HD_STATUS_RESOLVED], ==, 1);
  g_assert_cmpuint (nov->current.requests.open, ==, 2);
  g_assert_cmpuint (nov->previous.requests.total, ==, 1);                      /* D */
  g_assert_cmpuint (nov->previous.requests.by_topic[HD_TOPIC_LESSONS], ==, 1);

  /* E's times are measured when they happened, in December */
  g_assert_cmpuint (nov->current.requests.resolution.count, ==, 1);
  g_assert_cmpint (nov->current.requests.resolution.median, ==, 29 * HOUR);
  g_assert_cmpint (nov->current.requests.resolution.p90, ==, 29 * HOUR);
  g_assert_cmpuint (nov->current.requests.first_response.count, ==, 1);
  g_assert_cmpint (nov->current.requests.first_response.median, ==, 1 * HOUR);
  /* A and C were never answered and by 10 December are past both terms; E was late (29 > 27) */
  g_assert_cmpuint (nov->current.requests.first_response_term.within, ==, 1);
  g_assert_cmpuint (nov->current.requests.first_response_term.late, ==, 2);
  g_assert_cmpuint (nov->current.requests.resolution_term.within, ==, 0);
  g_assert_cmpuint (nov->current.requests.resolution_term.late, ==, 3);
  g_assert_cmpfloat (nov->current.requests.resolution_term.share, ==, 0.0);
  g_assert_cmpfloat_with_epsilon (nov->current.requests.first_response_term.share, 1.0 / 3, 1e-9);

  /* Open at midnight after 30 November: A, C and E (resolved only in December); D is
   * October's; F is archived */
  g_assert_cmpuint (nov->current.requests.open_at_end, ==, 3);
  g_assert_cmpuint (nov->previous.requests.open_at_end, ==, 1);   /* D */

  dec = compute (db, workdays, "2026-12", at (2026, 12, 10, 12, 0));
  g_assert_cmpuint (dec->current.requests.total, ==, 1);          /* B */
  g_assert_cmpuint (dec->current.requests.by_topic[HD_TOPIC_ACCESS], ==, 1);
  g_assert_cmpuint (dec->current.requests.resolution.count, ==, 0);
  g_assert_cmpuint (dec->previous.requests.total, ==, 3);
  /* Open at the end of December: B */
  g_assert_cmpuint (dec->current.requests.open_at_end, ==, 1);
}

/* A request closed in November and reopened in December was closed at the end of November */
static void
test_reopened (void)
{
  g_autoptr(HdDatabase) db = open_db ("reopened.db");
  g_autoptr(HdWorkdays) workdays = open_workdays ();
  g_autoptr(HdStats) stats = NULL;
  const HdStatsRequests *r;
  gint64 id;

  /* G: Fri 20 Nov 10:00, resolved Wed 25 Nov 10:00 (no first response recorded: the
   * resolution is the first answer; Fri 7 h + Mon 9 h + Tue 9 h + Wed 2 h = 27 h), reopened
   * Thu 3 Dec 09:00 and in progress since; the store clears resolved_at on reopening */
  id = add_request (db, &(Req) { .received = at (2026, 11, 20, 10, 0), .status = "in_progress" });
  add_change (db, id, at (2026, 11, 25, 10, 0), "new", "resolved");
  add_change (db, id, at (2026, 12, 3, 9, 0), "resolved", "in_progress");

  stats = compute (db, workdays, "2026-11", at (2026, 12, 10, 12, 0));
  r = &stats->current.requests;
  g_assert_cmpuint (r->total, ==, 1);
  g_assert_cmpuint (r->by_status[HD_STATUS_IN_PROGRESS], ==, 1);
  g_assert_cmpuint (r->open, ==, 1);          /* open now */
  g_assert_cmpuint (r->open_at_end, ==, 0);   /* but closed on 30 November */
  g_assert_cmpuint (r->first_response.count, ==, 1);
  g_assert_cmpint (r->first_response.median, ==, 27 * HOUR);
  g_assert_cmpuint (r->first_response_term.late, ==, 1);
  /* Open again: no resolution time, and 27 h + 48 h since reopening are past the term */
  g_assert_cmpuint (r->resolution.count, ==, 0);
  g_assert_cmpuint (r->resolution_term.late, ==, 1);
}

/*
 * November: seven requests (R1–R7), October: three (O1–O3). now = Tue 1 Dec 09:00.
 *
 *       received           first response          closed                 clock (h)  FR (h)
 * R1  Mon 2 Nov 09:00   Mon 2 Nov 10:00        resolved Mon 2 Nov 12:00        3       1
 * R2  Tue 3 Nov 15:00   Thu 5 Nov 09:00        resolved Thu 5 Nov 17:00       10       2
 *     (3 Nov ends at 16:00, 4 Nov is a holiday: 1 h + 0 + 1 h to the answer, + 8 h)
 * R3  Fri 6 Nov 16:00   Mon 9 Nov 10:00        resolved Tue 10 Nov 14:00       6       3
 *     (Fri 1 h, weekend, Mon 08–10 2 h; then 10–11 1 h; waiting_info Mon 11:00 → Tue 12:00
 *      stops the clock for 6 + 4 = 10 h; Tue 12–14 2 h: 1 + 2 + 1 + 2 = 6)
 * R4  Wed 11 Nov 08:00  Wed 11 Nov 08:30       resolved Fri 13 Nov 10:00       2       0.5
 *     (escalated Wed 09:00 → Fri 09:00: the vendor's 8 + 9 + 1 = 18 h; clock 1 h + 1 h)
 * R5  Mon 16 Nov 08:00  Tue 17 Nov 12:00       resolved Thu 19 Nov 17:00      36      13
 *     (in the callback status Tue 12:00 → Wed 09:00, called back; the clock runs there)
 * R6  Mon 23 Nov 09:00  Mon 23 Nov 13:00       open (in_progress)          54 by now  4
 *     (Mon 8 h + Tue–Fri 36 h + Mon 30 9 h + Tue 1 Dec 1 h = 54 h > 27: already late)
 * R7  Mon 30 Nov 16:00  none (voicemail)       open (new)                   2 by now  —
 *     (Mon 1 h + Tue 1 Dec 1 h = 2 h: within both terms, pending)
 *
 * O1  Mon 5 Oct 09:00   (none recorded: the first change, 10:00)  resolved 10:00   1  1
 * O2  Wed 7 Oct 08:00   (none: the rejection 09:00)               rejected 09:00   1  1
 * O3  Fri 30 Oct 16:00  Mon 2 Nov 08:30        resolved Mon 2 Nov 09:00        2       1.5
 */
static void
fill_durations (HdDatabase *db)
{
  gint64 r1, r2, r3, r4, r5, r6, id;

  r1 = add_request (db, &(Req) { .received = at (2026, 11, 2, 9, 0), .status = "resolved",
                                 .channel = "phone", .topic = "grades_current", .kind = "staff",
                                 .first_response = at (2026, 11, 2, 10, 0),
                                 .resolved = at (2026, 11, 2, 12, 0) });
  add_change (db, r1, at (2026, 11, 2, 10, 0), "new", "in_progress");
  add_change (db, r1, at (2026, 11, 2, 12, 0), "in_progress", "resolved");

  r2 = add_request (db, &(Req) { .received = at (2026, 11, 3, 15, 0), .status = "resolved",
                                 .channel = "email", .topic = "grades_current", .kind = "parent",
                                 .first_response = at (2026, 11, 5, 9, 0),
                                 .resolved = at (2026, 11, 5, 17, 0), .repeat = TRUE });
  add_change (db, r2, at (2026, 11, 5, 9, 0), "new", "in_progress");
  add_change (db, r2, at (2026, 11, 5, 17, 0), "in_progress", "resolved");

  r3 = add_request (db, &(Req) { .received = at (2026, 11, 6, 16, 0), .status = "resolved",
                                 .channel = "in_person", .topic = "schedule", .kind = "staff",
                                 .first_response = at (2026, 11, 9, 10, 0),
                                 .resolved = at (2026, 11, 10, 14, 0), .related = r1 });
  add_change (db, r3, at (2026, 11, 9, 10, 0), "new", "in_progress");
  add_change (db, r3, at (2026, 11, 9, 11, 0), "in_progress", "waiting_info");
  add_change (db, r3, at (2026, 11, 10, 12, 0), "waiting_info", "in_progress");
  add_change (db, r3, at (2026, 11, 10, 14, 0), "in_progress", "resolved");

  r4 = add_request (db, &(Req) { .received = at (2026, 11, 11, 8, 0), .status = "resolved",
                                 .channel = "portal_call", .topic = "access", .kind = "staff",
                                 .first_response = at (2026, 11, 11, 8, 30),
                                 .resolved = at (2026, 11, 13, 10, 0) });
  add_change (db, r4, at (2026, 11, 11, 8, 30), "new", "in_progress");
  add_change (db, r4, at (2026, 11, 11, 9, 0), "in_progress", "escalated");
  add_change (db, r4, at (2026, 11, 13, 9, 0), "escalated", "in_progress");
  add_change (db, r4, at (2026, 11, 13, 10, 0), "in_progress", "resolved");

  r5 = add_request (db, &(Req) { .received = at (2026, 11, 16, 8, 0), .status = "resolved",
                                 .channel = "class_teacher", .topic = "attendance", .kind = "parent",
                                 .first_response = at (2026, 11, 17, 12, 0),
                                 .resolved = at (2026, 11, 19, 17, 0),
                                 .callback_done = at (2026, 11, 18, 9, 0) });
  add_change (db, r5, at (2026, 11, 17, 12, 0), "new", "callback");
  add_change (db, r5, at (2026, 11, 18, 9, 0), "callback", "in_progress");
  add_change (db, r5, at (2026, 11, 19, 17, 0), "in_progress", "resolved");

  r6 = add_request (db, &(Req) { .received = at (2026, 11, 23, 9, 0), .status = "in_progress",
                                 .channel = "phone", .topic = "other", .kind = "student",
                                 .first_response = at (2026, 11, 23, 13, 0) });
  add_change (db, r6, at (2026, 11, 23, 13, 0), "new", "in_progress");

  add_request (db, &(Req) { .received = at (2026, 11, 30, 16, 0), .status = "new",
                            .channel = "voicemail", .topic = "grades_final", .kind = "parent" });

  id = add_request (db, &(Req) { .received = at (2026, 10, 5, 9, 0), .status = "resolved",
                                 .channel = "phone", .topic = "schedule", .kind = "staff",
                                 .resolved = at (2026, 10, 5, 10, 0) });
  add_change (db, id, at (2026, 10, 5, 10, 0), "new", "resolved");
  id = add_request (db, &(Req) { .received = at (2026, 10, 7, 8, 0), .status = "rejected",
                                 .reason = "incorrect_question", .channel = "email",
                                 .topic = "other", .kind = "parent",
                                 .resolved = at (2026, 10, 7, 9, 0) });
  add_change (db, id, at (2026, 10, 7, 9, 0), "new", "rejected");
  id = add_request (db, &(Req) { .received = at (2026, 10, 30, 16, 0), .status = "resolved",
                                 .channel = "phone", .topic = "schedule", .kind = "staff",
                                 .first_response = at (2026, 11, 2, 8, 30),
                                 .resolved = at (2026, 11, 2, 9, 0) });
  add_change (db, id, at (2026, 11, 2, 8, 30), "new", "in_progress");
  add_change (db, id, at (2026, 11, 2, 9, 0), "in_progress", "resolved");
}

static void
test_durations (void)
{
  g_autoptr(HdDatabase) db = open_db ("durations.db");
  g_autoptr(HdWorkdays) workdays = open_workdays ();
  g_autoptr(HdStats) stats = NULL;
  const HdStatsRequests *r, *o;

  fill_durations (db);
  stats = compute (db, workdays, "2026-11", at (2026, 12, 1, 9, 0));
  r = &stats->current.requests;
  o = &stats->previous.requests;

  g_assert_cmpuint (r->total, ==, 7);
  g_assert_cmpuint (r->by_channel[HD_CHANNEL_PHONE], ==, 2);          /* R1, R6 */
  g_assert_cmpuint (r->by_channel[HD_CHANNEL_EMAIL], ==, 1);
  g_assert_cmpuint (r->by_channel[HD_CHANNEL_IN_PERSON], ==, 1);
  g_assert_cmpuint (r->by_channel[HD_CHANNEL_PORTAL_CALL], ==, 1);
  g_assert_cmpuint (r->by_channel[HD_CHANNEL_CLASS_TEACHER], ==, 1);
  g_assert_cmpuint (r->by_channel[HD_CHANNEL_VOICEMAIL], ==, 1);
  g_assert_cmpuint (r->by_topic[HD_TOPIC_GRADES_CURRENT], ==, 2);     /* R1, R2 */
  g_assert_cmpuint (r->by_topic[HD_TOPIC_SCHEDULE], ==, 1);
  g_assert_cmpuint (r->by_topic[HD_TOPIC_ACCESS], ==, 1);
  g_assert_cmpuint (r->by_topic[HD_TOPIC_ATTENDANCE], ==, 1);
  g_assert_cmpuint (r->by_topic[HD_TOPIC_OTHER], ==, 1);
  g_assert_cmpuint (r->by_topic[HD_TOPIC_GRADES_FINAL], ==, 1);
  g_assert_cmpuint (r->by_topic[HD_TOPIC_LESSONS], ==, 0);
  g_assert_cmpuint (r->by_requester_kind[HD_REQUESTER_STAFF], ==, 3);     /* R1, R3, R4 */
  g_assert_cmpuint (r->by_requester_kind[HD_REQUESTER_PARENT], ==, 3);    /* R2, R5, R7 */
  g_assert_cmpuint (r->by_requester_kind[HD_REQUESTER_STUDENT], ==, 1);   /* R6 */
  g_assert_cmpuint (r->by_status[HD_STATUS_RESOLVED], ==, 5);
  g_assert_cmpuint (r->by_status[HD_STATUS_IN_PROGRESS], ==, 1);
  g_assert_cmpuint (r->by_status[HD_STATUS_NEW], ==, 1);
  g_assert_cmpuint (r->open, ==, 2);
  g_assert_cmpuint (r->repeats, ==, 2);                 /* R2 marked, R3 linked to R1 */
  g_assert_cmpuint (r->escalated, ==, 1);               /* R4 */
  g_assert_cmpuint (r->callbacks_requested, ==, 2);     /* R5 (callback status), R7 (voicemail) */
  g_assert_cmpuint (r->callbacks_made, ==, 1);          /* R5 */

  /* First response, six answered: 0.5 1 2 3 4 13 h. Even: median (2 + 3) / 2 = 2.5 h;
   * p90 rank ⌈5.4⌉ = 6 → 13 h. Within 9 h: five; late: R5; R7 pending (2 h so far) */
  g_assert_cmpuint (r->first_response.count, ==, 6);
  g_assert_cmpint (r->first_response.median, ==, 2 * HOUR + 30 * MINUTE);
  g_assert_cmpint (r->first_response.p90, ==, 13 * HOUR);
  g_assert_cmpuint (r->first_response_term.within, ==, 5);
  g_assert_cmpuint (r->first_response_term.late, ==, 1);
  g_assert_cmpuint (r->first_response_term.pending, ==, 1);
  g_assert_cmpfloat_with_epsilon (r->first_response_term.share, 5.0 / 6, 1e-9);

  /* Resolution, five closed: 2 3 6 10 36 h. Odd: median 6 h; p90 rank ⌈4.5⌉ = 5 → 36 h.
   * Within 27 h: four; late: R5 and the still open R6 (54 h); R7 pending */
  g_assert_cmpuint (r->resolution.count, ==, 5);
  g_assert_cmpint (r->resolution.median, ==, 6 * HOUR);
  g_assert_cmpint (r->resolution.p90, ==, 36 * HOUR);
  g_assert_cmpuint (r->resolution_term.within, ==, 4);
  g_assert_cmpuint (r->resolution_term.late, ==, 2);
  g_assert_cmpuint (r->resolution_term.pending, ==, 1);
  g_assert_cmpfloat_with_epsilon (r->resolution_term.share, 4.0 / 6, 1e-9);

  /* The vendor kept R4 for 18 working hours */
  g_assert_cmpuint (r->vendor.count, ==, 1);
  g_assert_cmpint (r->vendor.median, ==, 18 * HOUR);
  g_assert_cmpint (r->vendor.p90, ==, 18 * HOUR);

  /* Open at the end of November: R6, R7 (R1–R5 were closed before) */
  g_assert_cmpuint (r->open_at_end, ==, 2);

  /* October beside it: O1, O2, O3 (O3 resolved in November counts in October) */
  g_assert_cmpuint (o->total, ==, 3);
  g_assert_cmpuint (o->by_status[HD_STATUS_RESOLVED], ==, 2);
  g_assert_cmpuint (o->by_status[HD_STATUS_REJECTED], ==, 1);
  g_assert_cmpuint (o->rejected_by_reason[HD_REJECTION_INCORRECT_QUESTION], ==, 1);
  g_assert_cmpuint (o->open, ==, 0);
  /* First response 1 1 1.5 h: median 1 h, p90 rank ⌈2.7⌉ = 3 → 1.5 h; resolution 1 1 2 h */
  g_assert_cmpuint (o->first_response.count, ==, 3);
  g_assert_cmpint (o->first_response.median, ==, 1 * HOUR);
  g_assert_cmpint (o->first_response.p90, ==, HOUR + 30 * MINUTE);
  g_assert_cmpint (o->resolution.median, ==, 1 * HOUR);
  g_assert_cmpint (o->resolution.p90, ==, 2 * HOUR);
  g_assert_cmpfloat (o->resolution_term.share, ==, 1.0);
  g_assert_cmpuint (o->escalated, ==, 0);
  g_assert_cmpuint (o->open_at_end, ==, 1);   /* O3 was still open at midnight of 1 November */
}

static void
test_quarter_and_school_year (void)
{
  g_autoptr(HdDatabase) db = open_db ("quarters.db");
  g_autoptr(HdWorkdays) workdays = open_workdays ();
  g_autoptr(HdStats) q4 = NULL;
  g_autoptr(HdStats) year = NULL;
  gint64 now = at (2027, 2, 1, 9, 0);

  add_request (db, &(Req) { .received = at (2026, 8, 31, 23, 59) });   /* Q3; 2025/2026 */
  add_request (db, &(Req) { .received = at (2026, 9, 1, 0, 0) });      /* Q3; 2026/2027 */
  add_request (db, &(Req) { .received = at (2026, 10, 1, 0, 0) });     /* Q4; 2026/2027 */
  add_request (db, &(Req) { .received = at (2026, 12, 31, 23, 59) });  /* Q4; 2026/2027 */
  add_request (db, &(Req) { .received = at (2027, 1, 1, 0, 0) });      /* 2027 Q1; 2026/2027 */

  q4 = compute (db, workdays, "2026-Q4", now);
  g_assert_cmpint (q4->current.period.kind, ==, HD_PERIOD_QUARTER);
  g_assert_cmpuint (q4->current.requests.total, ==, 2);
  g_assert_cmpint (q4->previous.period.kind, ==, HD_PERIOD_QUARTER);
  assert_date (&q4->previous.period.first, 2026, 7, 1);
  g_assert_cmpuint (q4->previous.requests.total, ==, 2);

  year = compute (db, workdays, "2026/2027", now);
  g_assert_cmpuint (year->current.requests.total, ==, 4);
  assert_date (&year->previous.period.first, 2025, 9, 1);
  assert_date (&year->previous.period.last, 2026, 8, 31);
  g_assert_cmpuint (year->previous.requests.total, ==, 1);
  /* None answered: all past their terms by February */
  g_assert_cmpuint (year->current.requests.first_response_term.late, ==, 4);
  g_assert_cmpfloat (year->current.requests.first_response_term.share, ==, 0.0);
}

static void
add_newcomer (HdDatabase *db,
              gint64      person_id,
              const char *started_on,
              const char *due_on,
              const char *trained_on,
              gboolean    archived)
{
  sqlite3_stmt *stmt;

  g_assert_cmpint (sqlite3_prepare_v2 (hd_database_get_handle (db),
                                       "INSERT INTO newcomers (person_id, started_on, due_on, trained_on,"
                                       "  archived, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, 0, 0)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_text (stmt, 2, started_on, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, due_on, -1, SQLITE_STATIC);
  if (trained_on != NULL)
    sqlite3_bind_text (stmt, 4, trained_on, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 5, archived);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

static void
test_newcomers (void)
{
  g_autoptr(HdDatabase) db = open_db ("newcomers.db");
  g_autoptr(HdWorkdays) workdays = open_workdays ();
  g_autoptr(HdStats) stats = NULL;
  g_autoptr(GArray) trend = NULL;
  g_autoptr(GError) error = NULL;
  const HdStatsNewcomers *n, *o;
  const HdStatsOverdue *late;
  HdPeriod nov;

  /* Due dates by the 3-working-day rule (the count starts the day after the start):
   * N1 Mon 2 Nov → 3, (4 holiday), 5, 6: due Fri 6; trained on the due date: on time, 3 days
   * N2 Mon 9 Nov → 10, 11, 12: due Thu 12; trained Fri 13, the day after: late, 4 days
   * N3 Tue 10 Nov → 11, 12, 13: due Fri 13; not trained by 1 Dec: overdue by 12 working days
   *    (16–20, 23–27, 30 Nov, 1 Dec)
   * N4 Mon 30 Nov → 1, 2, 3 Dec: due Thu 3 Dec; not trained, still waiting on 1 Dec
   * N5 Mon 16 Nov → due Thu 19; trained Tue 17: on time, 1 day
   * N6 Wed 28 Oct → 29, 30 Oct, 2 Nov: due Mon 2 Nov; trained Thu 29 Oct: on time, 1 day
   * N7 Mon 19 Oct → due Thu 22 Oct; trained Fri 23 Oct: late, 4 days
   * N8 archived: left out */
  add_newcomer (db, 2, "2026-11-02", "2026-11-06", "2026-11-06", FALSE);
  add_newcomer (db, 3, "2026-11-09", "2026-11-12", "2026-11-13", FALSE);
  add_newcomer (db, 4, "2026-11-10", "2026-11-13", NULL, FALSE);
  add_newcomer (db, 5, "2026-11-30", "2026-12-03", NULL, FALSE);
  add_newcomer (db, 6, "2026-11-16", "2026-11-19", "2026-11-17", FALSE);
  add_newcomer (db, 7, "2026-10-28", "2026-11-02", "2026-10-29", FALSE);
  add_newcomer (db, 8, "2026-10-19", "2026-10-22", "2026-10-23", FALSE);
  add_newcomer (db, 1, "2026-11-03", "2026-11-09", NULL, TRUE);

  stats = compute (db, workdays, "2026-11", at (2026, 12, 1, 9, 0));
  n = &stats->current.newcomers;
  o = &stats->previous.newcomers;

  g_assert_cmpuint (n->started, ==, 5);            /* N1–N5 */
  g_assert_cmpuint (n->trained_on_time, ==, 2);    /* N1, N5 */
  g_assert_cmpuint (n->trained_late, ==, 1);       /* N2 */
  g_assert_cmpuint (n->overdue, ==, 1);            /* N3 */
  g_assert_cmpuint (n->waiting, ==, 1);            /* N4 */
  g_assert_cmpuint (n->due, ==, 5);                /* due in November: N1, N2, N3, N5, N6 */
  /* 2 on time of 4 judged (N4 is not judged yet) */
  g_assert_cmpfloat_with_epsilon (n->on_time_rate, 0.5, 1e-9);
  /* Days to training 1, 3, 4: median 3 */
  g_assert_cmpfloat (n->median_days_to_training, ==, 3.0);
  g_assert_cmpuint (n->overdue_people->len, ==, 1);
  late = g_ptr_array_index (n->overdue_people, 0);
  g_assert_cmpstr (late->name, ==, "Сидорова Нина Львовна");
  g_assert_cmpstr (late->position, ==, "педагог-психолог");
  assert_date (&late->started_on, 2026, 11, 10);
  assert_date (&late->due_on, 2026, 11, 13);
  g_assert_cmpint (late->days_overdue, ==, 12);

  /* October: N6 on time, N7 late; days 1 and 4, an even count: median 2.5 */
  g_assert_cmpuint (o->started, ==, 2);
  g_assert_cmpuint (o->trained_on_time, ==, 1);
  g_assert_cmpuint (o->trained_late, ==, 1);
  g_assert_cmpuint (o->overdue, ==, 0);
  g_assert_cmpuint (o->due, ==, 1);                /* N7 */
  g_assert_cmpfloat_with_epsilon (o->on_time_rate, 0.5, 1e-9);
  g_assert_cmpfloat (o->median_days_to_training, ==, 2.5);
  g_assert_cmpuint (o->overdue_people->len, ==, 0);

  /* The onboarding view's own call counts the same way */
  {
    HdStatsNewcomers only;

    g_assert_true (hd_stats_compute_newcomers (db, workdays, &stats->current.period,
                                               at (2026, 12, 1, 9, 0), &only, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (only.started, ==, n->started);
    g_assert_cmpuint (only.trained_on_time, ==, n->trained_on_time);
    g_assert_cmpuint (only.overdue, ==, n->overdue);
    g_assert_cmpfloat (only.on_time_rate, ==, n->on_time_rate);
    g_assert_cmpuint (only.overdue_people->len, ==, 1);
    hd_stats_newcomers_clear (&only);
    g_assert_null (only.overdue_people);
  }

  /* The trend counts the same way */
  g_assert_true (hd_period_parse ("2026-11", &nov, NULL));
  trend = hd_stats_trend (db, workdays, &nov, 3, at (2026, 12, 1, 9, 0), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trend->len, ==, 3);
  g_assert_cmpuint (g_array_index (trend, HdStatsTrendPoint, 0).newcomers_started, ==, 0);   /* September */
  g_assert_cmpfloat (g_array_index (trend, HdStatsTrendPoint, 0).on_time_rate, ==, HD_STATS_NO_DATA);
  g_assert_cmpuint (g_array_index (trend, HdStatsTrendPoint, 1).newcomers_judged, ==, 2);   /* October */
  g_assert_cmpfloat_with_epsilon (g_array_index (trend, HdStatsTrendPoint, 1).on_time_rate, 0.5, 1e-9);
  g_assert_cmpuint (g_array_index (trend, HdStatsTrendPoint, 2).newcomers_started, ==, 5);  /* November */
  g_assert_cmpuint (g_array_index (trend, HdStatsTrendPoint, 2).newcomers_on_time, ==, 2);
  g_assert_cmpuint (g_array_index (trend, HdStatsTrendPoint, 2).newcomers_judged, ==, 4);
}

static void
test_trend_requests (void)
{
  g_autoptr(HdDatabase) db = open_db ("trend.db");
  g_autoptr(HdWorkdays) workdays = open_workdays ();
  g_autoptr(GArray) trend = NULL;
  g_autoptr(GError) error = NULL;
  HdPeriod p;

  fill_durations (db);
  g_assert_true (hd_period_parse ("2026-Q4", &p, NULL));   /* its last month: December */
  trend = hd_stats_trend (db, workdays, &p, 12, at (2026, 12, 1, 9, 0), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trend->len, ==, 12);
  assert_date (&g_array_index (trend, HdStatsTrendPoint, 0).month.first, 2026, 1, 1);
  assert_date (&g_array_index (trend, HdStatsTrendPoint, 11).month.first, 2026, 12, 1);
  g_assert_cmpuint (g_array_index (trend, HdStatsTrendPoint, 8).requests, ==, 0);    /* September */
  g_assert_cmpuint (g_array_index (trend, HdStatsTrendPoint, 9).requests, ==, 3);    /* October */
  g_assert_cmpuint (g_array_index (trend, HdStatsTrendPoint, 10).requests, ==, 7);   /* November */
  g_assert_cmpuint (g_array_index (trend, HdStatsTrendPoint, 11).requests, ==, 0);   /* December */
}

static void
add_reception (HdDatabase *db,
               int         weekday,
               int         starts_min,
               int         ends_min,
               const char *valid_from,
               const char *valid_to)
{
  sqlite3_stmt *stmt;

  g_assert_cmpint (sqlite3_prepare_v2 (hd_database_get_handle (db),
                                       "INSERT INTO reception_hours (weekday, starts_min, ends_min, place,"
                                       "  valid_from, valid_to) VALUES (?1, ?2, ?3, 'каб. 12', ?4, ?5)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int (stmt, 1, weekday);
  sqlite3_bind_int (stmt, 2, starts_min);
  sqlite3_bind_int (stmt, 3, ends_min);
  sqlite3_bind_text (stmt, 4, valid_from, -1, SQLITE_STATIC);
  if (valid_to != NULL)
    sqlite3_bind_text (stmt, 5, valid_to, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

static void
add_appointment (HdDatabase *db,
                 gint64      starts_at,
                 int         minutes,
                 const char *status,
                 gboolean    walk_in)
{
  sqlite3_stmt *stmt;

  g_assert_cmpint (sqlite3_prepare_v2 (hd_database_get_handle (db),
                                       "INSERT INTO appointments (starts_at, ends_at, person_id, topic, mode,"
                                       "  status, walk_in, created_at, updated_at)"
                                       " VALUES (?1, ?1 + ?2 * 60, 1, 'grades_current', 'in_person', ?3, ?4, 0, 0)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, starts_at);
  sqlite3_bind_int (stmt, 2, minutes);
  sqlite3_bind_text (stmt, 3, status, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, walk_in);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

static void
test_appointments (void)
{
  g_autoptr(HdDatabase) db = open_db ("appointments.db");
  g_autoptr(HdWorkdays) workdays = open_workdays ();
  g_autoptr(HdStats) stats = NULL;
  const HdStatsAppointments *a, *o;

  /* Reception hours: Tue 14:00–17:00, Wed 10:00–12:00 (from 1 September), and Thu
   * 09:00–12:00 until 15 November. In November:
   *   Tue 3 (pre-holiday, work ends 16:00: 2 h), 10, 17, 24 (3 h each)   11 h
   *   Wed 4 is a holiday; 11, 18, 25 (2 h each)                          6 h
   *   Thu 5, 12 (3 h each; not 19, 26)                                    6 h
   *   23 h = 1380 minutes */
  add_reception (db, 2, 14 * 60, 17 * 60, "2026-09-01", NULL);
  add_reception (db, 3, 10 * 60, 12 * 60, "2026-09-01", NULL);
  add_reception (db, 4, 9 * 60, 12 * 60, "2026-09-01", "2026-11-15");

  add_appointment (db, at (2026, 11, 10, 14, 0), 30, "held", FALSE);              /* A1 */
  add_appointment (db, at (2026, 11, 10, 14, 20), 30, "held", TRUE);              /* A2 walk-in */
  add_appointment (db, at (2026, 11, 12, 11, 45), 30, "no_show", FALSE);          /* A3 */
  add_appointment (db, at (2026, 11, 18, 10, 0), 30, "cancelled_requester", FALSE);
  add_appointment (db, at (2026, 11, 25, 10, 0), 30, "cancelled_consultant", FALSE);
  add_appointment (db, at (2026, 11, 17, 15, 0), 30, "rescheduled", FALSE);       /* A6 → A7 */
  add_appointment (db, at (2026, 11, 24, 15, 0), 30, "scheduled", FALSE);         /* A7 */
  add_appointment (db, at (2026, 11, 16, 10, 0), 30, "held", FALSE);              /* A8, Monday */
  add_appointment (db, at (2026, 12, 1, 14, 0), 30, "scheduled", FALSE);          /* December */

  stats = compute (db, workdays, "2026-11", at (2026, 11, 20, 9, 0));
  a = &stats->current.appointments;
  o = &stats->previous.appointments;

  g_assert_cmpuint (a->by_status[HD_APPOINTMENT_HELD], ==, 3);         /* A1, A2, A8 */
  g_assert_cmpuint (a->by_status[HD_APPOINTMENT_SCHEDULED], ==, 1);    /* A7 */
  g_assert_cmpuint (a->by_status[HD_APPOINTMENT_RESCHEDULED], ==, 1);  /* A6 */
  g_assert_cmpuint (a->by_status[HD_APPOINTMENT_NO_SHOW], ==, 1);
  g_assert_cmpuint (a->held, ==, 3);
  g_assert_cmpuint (a->no_show, ==, 1);
  g_assert_cmpuint (a->cancelled_requester, ==, 1);
  g_assert_cmpuint (a->cancelled_consultant, ==, 1);
  g_assert_cmpuint (a->walk_ins, ==, 1);
  g_assert_cmpuint (a->booked, ==, 6);   /* A1, A3, A4, A5, A7, A8: not the walk-in, not A6 */

  /* Used: A1 ∪ A2 = 14:00–14:50 (50 min, the overlap once), A3 11:45–12:00 (15 of its 30 min
   * fall in the hours), A7 30 min; A8 is outside reception hours; the cancelled and the
   * rescheduled free their slots. 95 of 1380 minutes */
  g_assert_cmpint (a->reception_minutes, ==, 1380);
  g_assert_cmpint (a->reception_minutes_used, ==, 95);
  g_assert_cmpfloat_with_epsilon (a->reception_share, 95.0 / 1380, 1e-9);

  /* October: Tue 6, 13, 20, 27 (12 h), Wed 7, 14, 21, 28 (8 h), Thu 1, 8, 15, 22, 29 (15 h):
   * 35 h = 2100 minutes, none used: 0 %, which is a figure, not "no data" */
  g_assert_cmpint (o->reception_minutes, ==, 2100);
  g_assert_cmpint (o->reception_minutes_used, ==, 0);
  g_assert_cmpfloat (o->reception_share, ==, 0.0);
  g_assert_cmpuint (o->booked, ==, 0);
}

/* The share of reception hours follows the rules of booking: February 2027 has a transferred
 * working Saturday that is also a pre-holiday day.
 *
 *   February 2027
 *   Mo Tu We Th Fr Sa Su
 *    1  2  3  4  5  6  7
 *    8  9 10 11 12 13 14
 *   15 16 17 18 19[20]21       20: working Saturday for Monday 22, shortened (08:00–16:00)
 *  (22)(23)24 25 26 27 28      22: the day off moved from 20; 23: Defender of the Fatherland Day
 */
static void
test_reception_working_saturday (void)
{
  g_autoptr(HdDatabase) db = open_db ("reception-saturday.db");
  g_autoptr(HdWorkdays) workdays = open_workdays ();
  g_autoptr(HdTerms) terms = NULL;
  g_autoptr(HdStats) stats = NULL;
  g_autoptr(GError) error = NULL;
  const HdStatsAppointments *a;
  gint64 offered = 0;
  GDate day;

  /* Reception hours: Mon 14:00–17:00, Wed 10:00–12:00. In February 2027:
   *   Mon 1, 8, 15 (3 h each; 22 is a day off)                       9 h
   *   Sat 20 works for Monday, and ends at 16:00: 14:00–16:00          2 h
   *   Wed 3, 10, 17, 24 (2 h each)                                     8 h
   *   19 h = 1140 minutes (weekday 6 would have given 17 h) */
  add_reception (db, 1, 14 * 60, 17 * 60, "2026-09-01", NULL);
  add_reception (db, 3, 10 * 60, 12 * 60, "2026-09-01", NULL);

  add_appointment (db, at (2027, 2, 20, 14, 0), 30, "held", FALSE);        /* 30 min */
  add_appointment (db, at (2027, 2, 20, 15, 45), 30, "scheduled", FALSE);  /* 15 of 30 before 16:00 */
  add_appointment (db, at (2027, 2, 22, 14, 0), 30, "held", FALSE);        /* a day off: no hours */
  add_appointment (db, at (2027, 2, 24, 10, 0), 60, "held", FALSE);        /* 60 min */

  stats = compute (db, workdays, "2027-02", at (2027, 3, 1, 9, 0));
  a = &stats->current.appointments;
  g_assert_cmpint (a->reception_minutes, ==, 1140);
  g_assert_cmpint (a->reception_minutes_used, ==, 105);
  g_assert_cmpfloat_with_epsilon (a->reception_share, 105.0 / 1140, 1e-9);

  /* The same hours the calendar offers for booking, day by day */
  terms = hd_terms_new_from_database (db, workdays, &error);
  g_assert_no_error (error);
  g_date_clear (&day, 1);
  for (g_date_set_dmy (&day, 1, 2, 2027); g_date_get_month (&day) == 2; g_date_add_days (&day, 1))
    {
      g_autoptr(HdDayAvailability) avail = hd_availability_get_day (db, workdays, terms, &day, &error);

      g_assert_no_error (error);
      for (guint i = 0; i < avail->reception->len; i++)
        offered += g_array_index (avail->reception, HdReceptionInterval, i).end -
                   g_array_index (avail->reception, HdReceptionInterval, i).start;
    }
  g_assert_cmpint (offered / 60, ==, a->reception_minutes);
}

static void
test_ref_and_boxed (void)
{
  g_autoptr(HdDatabase) db = open_db ("boxed.db");
  g_autoptr(HdWorkdays) workdays = open_workdays ();
  HdStats *stats = compute (db, workdays, "2026-11", at (2026, 12, 1, 9, 0));
  HdStats *copy = g_boxed_copy (HD_TYPE_STATS, stats);
  HdPeriod p;
  HdPeriod *pcopy;

  g_assert_true (copy == stats);   /* reference counted */
  g_boxed_free (HD_TYPE_STATS, copy);
  hd_stats_unref (stats);

  g_assert_true (hd_period_parse ("2026-Q4", &p, NULL));
  pcopy = g_boxed_copy (HD_TYPE_PERIOD, &p);
  g_assert_true (hd_period_equal (&p, pcopy));
  g_boxed_free (HD_TYPE_PERIOD, pcopy);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  school_tz = g_time_zone_new_identifier ("Asia/Yakutsk");
  g_assert_nonnull (school_tz);

  g_test_add_func ("/period/parse", test_period_parse);
  g_test_add_func ("/period/navigation", test_period_navigation);
  g_test_add_func ("/period/bounds", test_period_bounds);
  g_test_add_func ("/period/title", test_period_title);
  g_test_add_func ("/period/title-russian", test_period_title_russian);
  g_test_add_func ("/stats/empty-month", test_empty_month);
  g_test_add_func ("/stats/only-rejections", test_only_rejections);
  g_test_add_func ("/stats/month-edges", test_month_edges);
  g_test_add_func ("/stats/reopened", test_reopened);
  g_test_add_func ("/stats/durations", test_durations);
  g_test_add_func ("/stats/quarter-and-school-year", test_quarter_and_school_year);
  g_test_add_func ("/stats/newcomers", test_newcomers);
  g_test_add_func ("/stats/trend", test_trend_requests);
  g_test_add_func ("/stats/appointments", test_appointments);
  g_test_add_func ("/stats/reception-working-saturday", test_reception_working_saturday);
  g_test_add_func ("/stats/boxed", test_ref_and_boxed);

  ret = g_test_run ();
  g_time_zone_unref (school_tz);
  return ret;
}
