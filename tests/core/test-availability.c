/* test-availability.c — reception hours, working time and the booking rules of the calendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * All times are the school's (Asia/Yakutsk, UTC+9, working hours 08:00–17:00). The schedule
 * of reception hours used: Mon 14:00–17:00 (каб. 12), Tue 15:00–17:00, Thu 09:00–12:00.
 * Expectations are counted by hand from the production calendar in data/workdays.
 */
#include "config.h"

#include <locale.h>

#include "hd-appointment-store.h"
#include "hd-availability.h"
#include "hd-booking.h"
#include "hd-database-private.h"
#include "hd-date.h"
#include "hd-error.h"
#include "hd-newcomer-store.h"
#include "hd-person-store.h"
#include "hd-reception-hours.h"
#include "hd-request-store.h"
#include "hd-stats.h"

#define MINUTE ((gint64) 60)

typedef struct {
  HdDatabase *db;
  HdWorkdays *workdays;
  HdTerms    *terms;
  GTimeZone  *tz;
  gint64      person;
  gint64      other;
} Fixture;

static gint64
at (Fixture *f,
    int      year,
    int      month,
    int      day,
    int      hour,
    int      minute)
{
  g_autoptr(GDateTime) dt = g_date_time_new (f->tz, year, month, day, hour, minute, 0);

  return g_date_time_to_unix (dt);
}

static void
set_date (GDate *d,
          int    year,
          int    month,
          int    day)
{
  g_date_clear (d, 1);
  g_date_set_dmy (d, day, month, year);
}

static gint64
count_rows (HdDatabase *db,
            const char *sql)
{
  g_autoptr(HdStmt) stmt = hd_database_prepare (db, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static gint64
add_person (HdDatabase *db,
            const char *name,
            int         kind)
{
  g_autoptr(HdPerson) person = hd_person_new ();
  g_autoptr(GError) error = NULL;

  hd_person_set_full_name (person, name);
  hd_person_set_kind (person, kind);
  g_assert_true (hd_person_store_create (db, person, &error));
  g_assert_no_error (error);
  return hd_person_get_id (person);
}

static void
add_hours (HdDatabase *db,
           int         weekday,
           int         from_h,
           int         to_h,
           const char *place)
{
  g_autoptr(HdReceptionHours) hours = hd_reception_hours_new ();
  g_autoptr(GError) error = NULL;

  hd_reception_hours_set_weekday (hours, weekday);
  hd_reception_hours_set_starts_min (hours, from_h * 60);
  hd_reception_hours_set_ends_min (hours, to_h * 60);
  hd_reception_hours_set_place (hours, place);
  hd_reception_hours_set_valid_from (hours, "2026-09-01");
  hd_reception_hours_set_approved_on (hours, "2026-08-28");
  g_assert_true (hd_reception_hours_store_save (db, hours, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  path = g_build_filename (g_get_user_data_dir (), "calendar.db", NULL);
  f->db = hd_database_open (path, &error);
  g_assert_no_error (error);
  f->workdays = hd_workdays_new (&error);
  g_assert_no_error (error);
  f->terms = hd_terms_new_from_database (f->db, f->workdays, &error);
  g_assert_no_error (error);
  f->tz = g_time_zone_new_identifier ("Asia/Yakutsk");
  g_assert_nonnull (f->tz);

  add_hours (f->db, 1, 14, 17, "каб. 12");
  add_hours (f->db, 2, 15, 17, "каб. 12");
  add_hours (f->db, 4, 9, 12, "каб. 12");
  f->person = add_person (f->db, "Лебедева Ирина Сергеевна", HD_REQUESTER_PARENT);
  f->other = add_person (f->db, "Орлов Пётр Ильич", HD_REQUESTER_STAFF);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->terms);
  g_clear_object (&f->workdays);
  g_clear_object (&f->db);
  g_clear_pointer (&f->tz, g_time_zone_unref);
}

static HdDayAvailability *
get_day (Fixture *f,
         int      year,
         int      month,
         int      day)
{
  g_autoptr(GError) error = NULL;
  HdDayAvailability *avail;
  GDate d;

  set_date (&d, year, month, day);
  avail = hd_availability_get_day (f->db, f->workdays, f->terms, &d, &error);
  g_assert_no_error (error);
  g_assert_nonnull (avail);
  return avail;
}

static void
assert_reception (HdDayAvailability *avail,
                  guint              index,
                  gint64             start,
                  gint64             end)
{
  HdReceptionInterval *interval;

  g_assert_cmpuint (avail->reception->len, >, index);
  interval = &g_array_index (avail->reception, HdReceptionInterval, index);
  g_assert_cmpint (interval->start, ==, start);
  g_assert_cmpint (interval->end, ==, end);
}

static HdAppointment *
make_appointment (gint64 person,
                  gint64 starts_at,
                  gint64 minutes)
{
  HdAppointment *a = hd_appointment_new ();

  hd_appointment_set_starts_at (a, starts_at);
  hd_appointment_set_ends_at (a, starts_at + minutes * MINUTE);
  hd_appointment_set_person_id (a, person);
  hd_appointment_set_topic (a, HD_TOPIC_GRADES_CURRENT);
  hd_appointment_set_mode (a, HD_MODE_IN_PERSON);
  return a;
}

static HdRequest *
make_request (const char *summary)
{
  HdRequest *r = hd_request_new ();

  hd_request_set_channel (r, HD_CHANNEL_PHONE);
  hd_request_set_summary (r, summary);
  /* Received before any "now" of these tests, and before the real today: a request cannot
   * be received in the future */
  hd_request_set_received_at (r, 1788220800);   /* 1 September 2026 */
  return r;
}

/* Books with a new request; returns the appointment's id */
static gint64
book (Fixture *f,
      gint64   starts_at,
      gint64   minutes,
      gint64   now)
{
  g_autoptr(HdAppointment) a = make_appointment (f->person, starts_at, minutes);
  g_autoptr(HdRequest) r = make_request ("Не видны оценки за четверть");
  g_autoptr(GError) error = NULL;

  hd_booking_book (f->db, f->workdays, f->terms, a, r, now, &error);
  g_assert_no_error (error);
  return hd_appointment_get_id (a);
}

static void
assert_refused (Fixture   *f,
                gint64     starts_at,
                gint64     ends_at,
                gint64     now,
                GPtrArray **suggestions)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (hd_booking_check (f->db, f->workdays, f->terms, starts_at, ends_at, 0, now,
                                    suggestions, &error));
  g_assert_error (error, HD_ERROR, HD_ERROR_CONFLICT);
  g_assert_cmpstr (hd_error_get_field (error), ==, "starts_at");
  g_assert_cmpstr (error->message, !=, "");
}

static void
assert_free (Fixture *f,
             gint64   starts_at,
             gint64   ends_at,
             gint64   now)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (hd_booking_check (f->db, f->workdays, f->terms, starts_at, ends_at, 0, now,
                                   NULL, &error));
  g_assert_no_error (error);
}

/* ---------------------------------------------------------------------------------------- */

static void
test_ordinary_week (Fixture       *f,
                    gconstpointer  data)
{
  /* Week of Mon 7 December 2026: no holiday */
  g_autoptr(HdDayAvailability) mon = get_day (f, 2026, 12, 7);
  g_autoptr(HdDayAvailability) tue = get_day (f, 2026, 12, 8);
  g_autoptr(HdDayAvailability) wed = get_day (f, 2026, 12, 9);
  g_autoptr(HdDayAvailability) thu = get_day (f, 2026, 12, 10);
  g_autoptr(HdDayAvailability) sat = get_day (f, 2026, 12, 12);
  HdReceptionInterval *first;

  g_assert_true (mon->open);
  g_assert_false (mon->short_day);
  g_assert_cmpint (mon->rules_weekday, ==, 1);
  g_assert_cmpint (mon->work_start, ==, at (f, 2026, 12, 7, 8, 0));
  g_assert_cmpint (mon->work_end, ==, at (f, 2026, 12, 7, 17, 0));
  g_assert_cmpuint (mon->reception->len, ==, 1);
  assert_reception (mon, 0, at (f, 2026, 12, 7, 14, 0), at (f, 2026, 12, 7, 17, 0));
  first = &g_array_index (mon->reception, HdReceptionInterval, 0);
  g_assert_cmpstr (first->place, ==, "каб. 12");

  g_assert_cmpuint (tue->reception->len, ==, 1);
  assert_reception (tue, 0, at (f, 2026, 12, 8, 15, 0), at (f, 2026, 12, 8, 17, 0));
  g_assert_true (wed->open);
  g_assert_cmpuint (wed->reception->len, ==, 0);
  assert_reception (thu, 0, at (f, 2026, 12, 10, 9, 0), at (f, 2026, 12, 10, 12, 0));
  g_assert_false (sat->open);
  g_assert_cmpint (sat->kind, ==, HD_DAY_WEEKEND);
  g_assert_cmpuint (sat->reception->len, ==, 0);

  g_assert_true (hd_day_availability_in_reception (mon, at (f, 2026, 12, 7, 16, 30), at (f, 2026, 12, 7, 17, 0)));
  g_assert_false (hd_day_availability_in_reception (mon, at (f, 2026, 12, 7, 13, 50), at (f, 2026, 12, 7, 14, 20)));
  /* Wednesday: no reception hours, but by arrangement in working time */
  assert_free (f, at (f, 2026, 12, 9, 10, 0), at (f, 2026, 12, 9, 10, 30), at (f, 2026, 12, 1, 9, 0));
}

static void
test_holiday_week (Fixture       *f,
                   gconstpointer  data)
{
  /* Tue 3 November 2026 is the pre-holiday day (until 16:00), Wed 4 November the holiday */
  g_autoptr(HdDayAvailability) tue = get_day (f, 2026, 11, 3);
  g_autoptr(HdDayAvailability) wed = get_day (f, 2026, 11, 4);
  g_autoptr(GPtrArray) suggestions = NULL;
  gint64 now = at (f, 2026, 11, 2, 9, 0);

  g_assert_true (tue->open);
  g_assert_true (tue->short_day);
  g_assert_cmpint (tue->work_end, ==, at (f, 2026, 11, 3, 16, 0));
  /* Tuesday's 15:00–17:00 cut to fit the short day */
  g_assert_cmpuint (tue->reception->len, ==, 1);
  assert_reception (tue, 0, at (f, 2026, 11, 3, 15, 0), at (f, 2026, 11, 3, 16, 0));
  assert_free (f, at (f, 2026, 11, 3, 15, 30), at (f, 2026, 11, 3, 16, 0), now);
  assert_refused (f, at (f, 2026, 11, 3, 15, 45), at (f, 2026, 11, 3, 16, 15), now, NULL);

  g_assert_false (wed->open);
  g_assert_cmpint (wed->kind, ==, HD_DAY_HOLIDAY);
  g_assert_nonnull (wed->description);
  g_assert_cmpuint (wed->reception->len, ==, 0);

  assert_refused (f, at (f, 2026, 11, 4, 10, 0), at (f, 2026, 11, 4, 10, 30), now, &suggestions);
  g_assert_nonnull (suggestions);
  g_assert_cmpuint (suggestions->len, ==, HD_BOOKING_N_SUGGESTIONS);
  for (guint i = 0; i < suggestions->len; i++)
    {
      HdSlot *slot = g_ptr_array_index (suggestions, i);
      GDate d;

      /* none on the holiday, each free, 30 minutes long, in order */
      hd_date_set_unix (&d, slot->starts_at, f->tz);
      g_assert_cmpint (g_date_get_day (&d), !=, 4);
      g_assert_cmpint (slot->ends_at - slot->starts_at, ==, 30 * MINUTE);
      assert_free (f, slot->starts_at, slot->ends_at, now);
      if (i > 0)
        g_assert_cmpint (slot->starts_at, >, ((HdSlot *) g_ptr_array_index (suggestions, i - 1))->starts_at);
    }
}

static void
test_working_saturday (Fixture       *f,
                       gconstpointer  data)
{
  /* Sat 20 February 2027 works for Mon 22 February (its day off), and is also the short day
   * before 23 February: Monday's 14:00–17:00 cut to 14:00–16:00. */
  g_autoptr(HdDayAvailability) sat = get_day (f, 2027, 2, 20);
  g_autoptr(HdDayAvailability) mon = get_day (f, 2027, 2, 22);
  gint64 now = at (f, 2027, 2, 1, 9, 0);

  g_assert_true (sat->open);
  g_assert_cmpint (sat->kind, ==, HD_DAY_WORKING_SATURDAY);
  g_assert_cmpint (sat->rules_weekday, ==, 1);
  g_assert_true (sat->short_day);
  g_assert_cmpuint (sat->reception->len, ==, 1);
  assert_reception (sat, 0, at (f, 2027, 2, 20, 14, 0), at (f, 2027, 2, 20, 16, 0));
  assert_free (f, at (f, 2027, 2, 20, 9, 0), at (f, 2027, 2, 20, 9, 30), now);

  g_assert_false (mon->open);
  g_assert_cmpint (mon->rules_weekday, ==, 0);
  assert_refused (f, at (f, 2027, 2, 22, 14, 0), at (f, 2027, 2, 22, 14, 30), now, NULL);
}

static void
test_local_override (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) closed = NULL;
  g_autoptr(HdDayAvailability) day = NULL;
  gint64 now = at (f, 2026, 12, 1, 9, 0);
  gint64 id;
  GDate d;

  id = book (f, at (f, 2026, 12, 8, 15, 0), 30, now);
  book (f, at (f, 2026, 12, 9, 10, 0), 30, now);

  /* The consultant is away on Tue 8 December */
  set_date (&d, 2026, 12, 8);
  hd_workdays_set_override (f->workdays, &d, FALSE, "Курсы повышения квалификации");
  day = get_day (f, 2026, 12, 8);
  g_assert_false (day->open);
  g_assert_cmpint (day->kind, ==, HD_DAY_OVERRIDE_OFF);
  g_assert_cmpstr (day->description, ==, "Курсы повышения квалификации");
  assert_refused (f, at (f, 2026, 12, 8, 10, 0), at (f, 2026, 12, 8, 10, 30), now, NULL);

  closed = hd_booking_list_on_closed_days (f->db, f->terms, at (f, 2026, 12, 7, 0, 0),
                                           at (f, 2026, 12, 14, 0, 0), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (closed->len, ==, 1);
  g_assert_cmpint (hd_appointment_get_id (g_ptr_array_index (closed, 0)), ==, id);
}

static void
test_buffers (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 now = at (f, 2026, 12, 1, 9, 0);

  book (f, at (f, 2026, 12, 9, 10, 0), 30, now);

  /* Buffer 10 minutes (the default) after each consultation */
  g_assert_cmpint (hd_availability_get_buffer_minutes (f->db), ==, 10);
  assert_free (f, at (f, 2026, 12, 9, 10, 40), at (f, 2026, 12, 9, 11, 10), now);
  assert_refused (f, at (f, 2026, 12, 9, 10, 39), at (f, 2026, 12, 9, 11, 9), now, NULL);
  assert_free (f, at (f, 2026, 12, 9, 9, 20), at (f, 2026, 12, 9, 9, 50), now);
  assert_refused (f, at (f, 2026, 12, 9, 9, 21), at (f, 2026, 12, 9, 9, 51), now, NULL);
  assert_refused (f, at (f, 2026, 12, 9, 10, 0), at (f, 2026, 12, 9, 10, 30), now, NULL);

  /* No buffer: end = start is fine, one minute over is not */
  g_assert_true (hd_database_set_setting (f->db, HD_SETTING_BUFFER_MINUTES, "0", &error));
  assert_free (f, at (f, 2026, 12, 9, 10, 30), at (f, 2026, 12, 9, 11, 0), now);
  assert_free (f, at (f, 2026, 12, 9, 9, 30), at (f, 2026, 12, 9, 10, 0), now);
  assert_refused (f, at (f, 2026, 12, 9, 10, 29), at (f, 2026, 12, 9, 10, 59), now, NULL);
  assert_refused (f, at (f, 2026, 12, 9, 9, 31), at (f, 2026, 12, 9, 10, 1), now, NULL);

  /* A cancelled consultation frees its time */
  {
    g_autoptr(GPtrArray) list = hd_appointment_store_list_between (f->db, at (f, 2026, 12, 9, 0, 0),
                                                                   at (f, 2026, 12, 10, 0, 0), &error);

    g_assert_cmpuint (list->len, ==, 1);
    g_assert_true (hd_booking_set_status (f->db, hd_appointment_get_id (g_ptr_array_index (list, 0)),
                                          HD_APPOINTMENT_CANCELLED_REQUESTER, "Заболела", &error));
    g_assert_no_error (error);
    assert_free (f, at (f, 2026, 12, 9, 10, 0), at (f, 2026, 12, 9, 10, 30), now);
  }
}

static void
test_working_time_and_horizon (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 now = at (f, 2026, 12, 1, 9, 0);

  assert_refused (f, at (f, 2026, 12, 9, 7, 30), at (f, 2026, 12, 9, 8, 0), now, NULL);
  assert_free (f, at (f, 2026, 12, 9, 8, 0), at (f, 2026, 12, 9, 8, 30), now);
  assert_free (f, at (f, 2026, 12, 9, 16, 30), at (f, 2026, 12, 9, 17, 0), now);
  assert_refused (f, at (f, 2026, 12, 9, 16, 45), at (f, 2026, 12, 9, 17, 15), now, NULL);

  /* The past: earlier today is refused, later today is fine */
  assert_refused (f, at (f, 2026, 12, 1, 8, 30), at (f, 2026, 12, 1, 9, 0), now, NULL);
  assert_free (f, at (f, 2026, 12, 1, 9, 30), at (f, 2026, 12, 1, 10, 0), now);

  /* Horizon 60 days from Tue 1 December: Fri 29 January 2027 is the 59th, Sat 30 the 60th;
   * Mon 1 February is beyond */
  assert_free (f, at (f, 2027, 1, 29, 10, 0), at (f, 2027, 1, 29, 10, 30), now);
  assert_refused (f, at (f, 2027, 2, 1, 10, 0), at (f, 2027, 2, 1, 10, 30), now, NULL);
  g_assert_true (hd_database_set_setting (f->db, HD_SETTING_BOOKING_HORIZON_DAYS, "10", &error));
  /* 11 December is the 10th day, 14 December beyond */
  assert_free (f, at (f, 2026, 12, 11, 10, 0), at (f, 2026, 12, 11, 10, 30), now);
  assert_refused (f, at (f, 2026, 12, 14, 10, 0), at (f, 2026, 12, 14, 10, 30), now, NULL);

  /* The end before the start is about the end */
  g_assert_false (hd_booking_check (f->db, f->workdays, f->terms, at (f, 2026, 12, 9, 10, 0),
                                    at (f, 2026, 12, 9, 10, 0), 0, now, NULL, &error));
  g_assert_error (error, HD_ERROR, HD_ERROR_INVALID_FIELD);
  g_assert_cmpstr (hd_error_get_field (error), ==, "ends_at");
}

static void
test_linked_requests (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HdAppointment) first = make_appointment (f->person, 0, 30);
  g_autoptr(HdAppointment) second = NULL;
  g_autoptr(HdAppointment) foreign = NULL;
  g_autoptr(HdAppointment) bare = NULL;
  g_autoptr(HdAppointment) stored = NULL;
  g_autoptr(HdRequest) request = make_request ("Не открывается журнал 5А");
  g_autoptr(HdRequest) read = NULL;
  gint64 now = at (f, 2026, 11, 9, 8, 0);

  /* Booking creates a request, in the same transaction, received now */
  hd_request_set_received_at (request, 0);
  hd_appointment_set_starts_at (first, at (f, 2026, 11, 9, 14, 0));
  hd_appointment_set_ends_at (first, at (f, 2026, 11, 9, 14, 30));
  g_assert_true (hd_booking_book (f->db, f->workdays, f->terms, first, request, now, &error));
  g_assert_no_error (error);
  g_assert_cmpint (hd_request_get_id (request), >, 0);
  g_assert_cmpint (hd_appointment_get_request_id (first), ==, hd_request_get_id (request));
  g_assert_cmpint (hd_request_get_requester_id (request), ==, f->person);
  g_assert_cmpint (hd_request_get_received_at (request), ==, now);
  g_assert_cmpint (count_rows (f->db, "SELECT count(*) FROM requests"), ==, 1);

  /* A refused booking writes neither */
  {
    g_autoptr(HdAppointment) clash = make_appointment (f->person, at (f, 2026, 11, 9, 14, 10), 30);
    g_autoptr(HdRequest) extra = make_request ("Ещё вопрос");

    g_assert_false (hd_booking_book (f->db, f->workdays, f->terms, clash, extra, now, &error));
    g_assert_error (error, HD_ERROR, HD_ERROR_CONFLICT);
    g_clear_error (&error);
    g_assert_cmpint (hd_request_get_id (extra), ==, 0);
    g_assert_cmpint (count_rows (f->db, "SELECT count(*) FROM requests"), ==, 1);
    g_assert_cmpint (count_rows (f->db, "SELECT count(*) FROM appointments"), ==, 1);
  }

  /* A second consultation attaches to the same request */
  second = make_appointment (f->person, at (f, 2026, 11, 10, 15, 0), 30);
  hd_appointment_set_request_id (second, hd_request_get_id (request));
  g_assert_true (hd_booking_book (f->db, f->workdays, f->terms, second, NULL, now, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f->db, "SELECT count(*) FROM requests"), ==, 1);
  g_assert_cmpint (count_rows (f->db, "SELECT count(*) FROM appointments"), ==, 2);

  /* Another person's request, or none at all, is refused */
  foreign = make_appointment (f->other, at (f, 2026, 11, 11, 10, 0), 30);
  hd_appointment_set_request_id (foreign, hd_request_get_id (request));
  g_assert_false (hd_booking_book (f->db, f->workdays, f->terms, foreign, NULL, now, &error));
  g_assert_error (error, HD_ERROR, HD_ERROR_INVALID_FIELD);
  g_assert_cmpstr (hd_error_get_field (error), ==, "request_id");
  g_clear_error (&error);
  bare = make_appointment (f->other, at (f, 2026, 11, 11, 10, 0), 30);
  g_assert_false (hd_booking_book (f->db, f->workdays, f->terms, bare, NULL, now, &error));
  g_assert_error (error, HD_ERROR, HD_ERROR_INVALID_FIELD);
  g_assert_cmpstr (hd_error_get_field (error), ==, "request_id");
  g_clear_error (&error);

  /* Held: the outcome, and the request resolved in the same step */
  g_assert_true (hd_booking_mark_held (f->db, f->workdays, f->terms, hd_appointment_get_id (first),
                                       "Показала, где включить отображение", HD_STATUS_RESOLVED,
                                       "Включено отображение итоговых оценок", NULL, &error));
  g_assert_no_error (error);
  stored = hd_appointment_store_get (f->db, hd_appointment_get_id (first), &error);
  g_assert_cmpint (hd_appointment_get_status (stored), ==, HD_APPOINTMENT_HELD);
  g_assert_cmpstr (hd_appointment_get_outcome (stored), ==, "Показала, где включить отображение");
  read = hd_request_store_get (f->db, hd_request_get_id (request), &error);
  g_assert_cmpint (hd_request_get_status (read), ==, HD_STATUS_RESOLVED);
  g_assert_cmpstr (hd_request_get_resolution (read), ==, "Включено отображение итоговых оценок");
  g_assert_cmpint (count_rows (f->db, "SELECT count(*) FROM request_events WHERE field = 'status'"), >=, 1);

  /* Held with a request status the request refuses (rejected without a reason): nothing
   * changes, the consultation stays scheduled */
  g_assert_false (hd_booking_mark_held (f->db, f->workdays, f->terms, hd_appointment_get_id (second),
                                        "", HD_STATUS_REJECTED, NULL, NULL, &error));
  g_assert_error (error, HD_ERROR, HD_ERROR_INVALID_FIELD);
  g_clear_error (&error);
  g_clear_object (&stored);
  stored = hd_appointment_store_get (f->db, hd_appointment_get_id (second), &error);
  g_assert_cmpint (hd_appointment_get_status (stored), ==, HD_APPOINTMENT_SCHEDULED);
}

static void
test_walk_in (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HdAppointment) a = make_appointment (f->other, at (f, 2026, 11, 9, 14, 20), 20);
  g_autoptr(HdAppointment) outside = make_appointment (f->other, at (f, 2026, 11, 9, 10, 0), 20);
  g_autoptr(HdRequest) r = make_request ("Не выставляется посещаемость");
  g_autoptr(HdRequest) r2 = make_request ("Вне приёмных часов");
  g_autoptr(HdStats) stats = NULL;
  HdPeriod period;
  gint64 now = at (f, 2026, 11, 9, 14, 45);

  hd_request_set_channel (r, -1);
  hd_request_set_received_at (r, 0);
  hd_request_set_status (r, HD_STATUS_RESOLVED);
  hd_request_set_resolution (r, "Показала, как отметить отсутствующих");
  hd_appointment_set_outcome (a, "Разобрали отметку посещаемости");
  g_assert_true (hd_booking_walk_in (f->db, f->workdays, f->terms, a, r, now, &error));
  g_assert_no_error (error);
  g_assert_cmpint (hd_request_get_channel (r), ==, HD_CHANNEL_IN_PERSON);
  g_assert_cmpint (count_rows (f->db, "SELECT count(*) FROM requests"), ==, 1);
  g_assert_cmpint (count_rows (f->db, "SELECT count(*) FROM appointments WHERE walk_in = 1 AND status = 'held'"), ==, 1);

  /* Outside the reception hours (Monday 10:00) it is refused and writes nothing */
  g_assert_false (hd_booking_walk_in (f->db, f->workdays, f->terms, outside, r2, now, &error));
  g_assert_error (error, HD_ERROR, HD_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (f->db, "SELECT count(*) FROM requests"), ==, 1);

  /* Counted once in the statistics of November 2026: one request, one held consultation */
  hd_period_init_month (&period, 2026, 11);
  stats = hd_stats_compute (f->db, f->workdays, &period, at (f, 2026, 11, 30, 12, 0), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats->current.requests.total, ==, 1);
  g_assert_cmpuint (stats->current.appointments.walk_ins, ==, 1);
  g_assert_cmpuint (stats->current.appointments.held, ==, 1);
  g_assert_cmpuint (stats->current.appointments.booked, ==, 0);
}

static void
test_reschedule_and_series (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HdAppointment) moved = NULL;
  g_autoptr(HdAppointment) old = NULL;
  g_autoptr(HdAppointment) first = make_appointment (f->other, at (f, 2026, 10, 28, 10, 0), 60);
  g_autoptr(HdRequest) request = make_request ("Еженедельные занятия для новых учителей");
  g_autoptr(GPtrArray) series = NULL;
  gint64 now = at (f, 2026, 10, 20, 9, 0);
  gint64 id;
  guint skipped = 0;
  GDate until;

  /* Moving keeps the history; the old time does not block the new one */
  id = book (f, at (f, 2026, 11, 9, 14, 0), 30, now);
  moved = hd_booking_reschedule (f->db, f->workdays, f->terms, id, at (f, 2026, 11, 9, 14, 20),
                                 at (f, 2026, 11, 9, 14, 50), now, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (moved);
  old = hd_appointment_store_get (f->db, id, &error);
  g_assert_cmpint (hd_appointment_get_status (old), ==, HD_APPOINTMENT_RESCHEDULED);
  g_assert_cmpint (hd_appointment_get_rescheduled_to (old), ==, hd_appointment_get_id (moved));
  g_assert_cmpint (hd_appointment_get_request_id (moved), ==, hd_appointment_get_request_id (old));

  /* Weekly on Wednesdays 28 October – 18 November 2026: 4 November is a holiday */
  set_date (&until, 2026, 11, 18);
  series = hd_booking_book_weekly (f->db, f->workdays, f->terms, first, request, &until, now,
                                   &skipped, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (series->len, ==, 3);
  g_assert_cmpuint (skipped, ==, 1);
  for (guint i = 0; i < series->len; i++)
    {
      HdAppointment *a = g_ptr_array_index (series, i);

      g_assert_cmpint (hd_appointment_get_series_id (a), ==, hd_appointment_get_id (g_ptr_array_index (series, 0)));
      g_assert_cmpint (hd_appointment_get_request_id (a), ==, hd_request_get_id (request));
    }
  g_assert_cmpint (hd_appointment_get_starts_at (g_ptr_array_index (series, 2)), ==, at (f, 2026, 11, 18, 10, 0));

  /* A series that clashes is refused as a whole */
  {
    g_autoptr(HdAppointment) again = make_appointment (f->person, at (f, 2026, 11, 11, 10, 30), 30);
    g_autoptr(HdRequest) r = make_request ("Пересечение");
    g_autoptr(GPtrArray) none = NULL;
    gint64 before = count_rows (f->db, "SELECT count(*) FROM appointments");

    set_date (&until, 2026, 11, 25);
    none = hd_booking_book_weekly (f->db, f->workdays, f->terms, again, r, &until, now, NULL, &error);
    g_assert_null (none);
    g_assert_error (error, HD_ERROR, HD_ERROR_CONFLICT);
    g_assert_cmpint (count_rows (f->db, "SELECT count(*) FROM appointments"), ==, before);
  }
}

static void
test_training (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HdNewcomer) newcomer = hd_newcomer_new ();
  g_autoptr(HdNewcomer) read = NULL;
  g_autoptr(GPtrArray) slots = NULL;
  g_autoptr(HdAppointment) a = NULL;
  gboolean pending = FALSE;
  gint64 now = at (f, 2026, 11, 9, 8, 0);
  HdSlot *slot;

  /* Started Mon 9 November 2026: due on Thu 12 November (3 working days) */
  hd_newcomer_set_person_id (newcomer, f->other);
  hd_newcomer_set_started_on (newcomer, "2026-11-09");
  g_assert_true (hd_newcomer_store_create (f->db, f->workdays, newcomer, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (hd_newcomer_get_due_on (newcomer), ==, "2026-11-12");

  /* Monday is taken 9:00–16:00 (10 minutes' buffer): 8:00–8:30 fits before it, 8:30 does
   * not; after it 16:10 (its end plus the buffer, in the reception hours) and 16:30 */
  book (f, at (f, 2026, 11, 9, 9, 0), 420, now);
  slots = hd_booking_propose_training_slots (f->db, f->workdays, f->terms, newcomer, 3, now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (slots->len, ==, 3);
  g_assert_cmpint (((HdSlot *) g_ptr_array_index (slots, 0))->starts_at, ==, at (f, 2026, 11, 9, 8, 0));
  g_assert_cmpint (((HdSlot *) g_ptr_array_index (slots, 1))->starts_at, ==, at (f, 2026, 11, 9, 16, 10));
  g_assert_cmpint (((HdSlot *) g_ptr_array_index (slots, 2))->starts_at, ==, at (f, 2026, 11, 9, 16, 30));
  g_assert_false (((HdSlot *) g_ptr_array_index (slots, 0))->in_reception);
  g_assert_true (((HdSlot *) g_ptr_array_index (slots, 1))->in_reception);

  slot = g_ptr_array_index (slots, 1);
  a = make_appointment (f->other, slot->starts_at, 30);
  hd_appointment_set_newcomer_id (a, hd_newcomer_get_id (newcomer));
  g_assert_true (hd_booking_book (f->db, f->workdays, f->terms, a, NULL, now, &error));
  g_assert_no_error (error);

  /* Held with the checklist incomplete: the training is left to the editor */
  g_assert_true (hd_booking_mark_held (f->db, f->workdays, f->terms, hd_appointment_get_id (a), "", -1,
                                       NULL, &pending, &error));
  g_assert_no_error (error);
  g_assert_true (pending);
  read = hd_newcomer_store_get (f->db, hd_newcomer_get_id (newcomer), &error);
  g_assert_null (hd_newcomer_get_trained_on (read));

  /* With the checklist done, holding it marks the training done on its day */
  hd_newcomer_set_checklist (read, HD_CHECKLIST_ALL);
  g_assert_true (hd_newcomer_store_update (f->db, f->workdays, read, &error));
  g_assert_no_error (error);
  g_assert_true (hd_booking_mark_held (f->db, f->workdays, f->terms, hd_appointment_get_id (a), "", -1,
                                       NULL, &pending, &error));
  g_assert_no_error (error);
  g_assert_false (pending);
  g_clear_object (&read);
  read = hd_newcomer_store_get (f->db, hd_newcomer_get_id (newcomer), &error);
  g_assert_cmpstr (hd_newcomer_get_trained_on (read), ==, "2026-11-09");
}

static gint64
slot_start (GPtrArray *slots,
            guint      i)
{
  g_assert_cmpuint (i, <, slots->len);
  return ((HdSlot *) g_ptr_array_index (slots, i))->starts_at;
}

static void
test_book_training (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HdNewcomer) newcomer = hd_newcomer_new ();
  g_autoptr(HdNewcomer) read = NULL;
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(GPtrArray) trainings = NULL;
  g_autoptr(GPtrArray) around = NULL;
  g_autoptr(HdAppointment) training = NULL;
  g_autoptr(HdAppointment) moved = NULL;
  g_autoptr(HdAppointment) none = NULL;
  gint64 now = at (f, 2026, 11, 9, 8, 0);
  gint64 other_id, before;
  gboolean pending = TRUE;
  gboolean found_own = FALSE;

  /* Started Mon 9 November 2026: due on Thu 12 November */
  hd_newcomer_set_person_id (newcomer, f->other);
  hd_newcomer_set_started_on (newcomer, "2026-11-09");
  g_assert_true (hd_newcomer_store_create (f->db, f->workdays, newcomer, &error));
  g_assert_no_error (error);

  /* Monday is taken 9:00–16:00: 9:30 is refused; the nearest free times are that morning's
   * 8:00 (8:30 + 10 minutes' buffer is before 9:00) and 16:10, 16:30 after it */
  other_id = book (f, at (f, 2026, 11, 9, 9, 0), 420, now);
  none = hd_booking_book_training (f->db, f->workdays, f->terms, hd_newcomer_get_id (newcomer),
                                   at (f, 2026, 11, 9, 9, 30), at (f, 2026, 11, 9, 10, 0), now,
                                   &suggestions, &error);
  g_assert_null (none);
  g_assert_error (error, HD_ERROR, HD_ERROR_CONFLICT);
  g_assert_cmpstr (hd_error_get_field (error), ==, "starts_at");
  g_clear_error (&error);
  g_assert_cmpuint (suggestions->len, ==, 3);
  g_assert_cmpint (slot_start (suggestions, 0), ==, at (f, 2026, 11, 9, 8, 0));
  g_assert_cmpint (slot_start (suggestions, 1), ==, at (f, 2026, 11, 9, 16, 10));
  g_assert_cmpint (slot_start (suggestions, 2), ==, at (f, 2026, 11, 9, 16, 30));

  /* Booked at 16:10: the newcomer's person, no request, in person */
  training = hd_booking_book_training (f->db, f->workdays, f->terms, hd_newcomer_get_id (newcomer),
                                       at (f, 2026, 11, 9, 16, 10), at (f, 2026, 11, 9, 16, 40), now,
                                       NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (training);
  g_clear_object (&training);
  trainings = hd_appointment_store_list_trainings (f->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trainings->len, ==, 1);
  training = g_object_ref (g_ptr_array_index (trainings, 0));
  g_assert_cmpint (hd_appointment_get_newcomer_id (training), ==, hd_newcomer_get_id (newcomer));
  g_assert_cmpint (hd_appointment_get_person_id (training), ==, f->other);
  g_assert_cmpstr (hd_appointment_get_person_name (training), ==, "Орлов Пётр Ильич");
  g_assert_cmpint (hd_appointment_get_request_id (training), ==, 0);
  g_assert_cmpint (hd_appointment_get_status (training), ==, HD_APPOINTMENT_SCHEDULED);
  g_assert_cmpint (hd_appointment_get_mode (training), ==, HD_MODE_IN_PERSON);

  /* A second one is refused: the booked one is to be moved instead */
  before = count_rows (f->db, "SELECT count(*) FROM appointments");
  none = hd_booking_book_training (f->db, f->workdays, f->terms, hd_newcomer_get_id (newcomer),
                                   at (f, 2026, 11, 10, 8, 0), at (f, 2026, 11, 10, 8, 30), now,
                                   NULL, &error);
  g_assert_null (none);
  g_assert_error (error, HD_ERROR, HD_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (f->db, "SELECT count(*) FROM appointments"), ==, before);

  /* Moving it: the free times near its own count its own time as free, and only then */
  around = hd_booking_suggest_slots (f->db, f->workdays, f->terms, hd_appointment_get_starts_at (training),
                                     30, hd_appointment_get_id (training), 3, now, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < around->len; i++)
    found_own |= slot_start (around, i) == at (f, 2026, 11, 9, 16, 10);
  g_assert_true (found_own);
  g_clear_pointer (&around, g_ptr_array_unref);
  around = hd_booking_suggest_slots (f->db, f->workdays, f->terms, hd_appointment_get_starts_at (training),
                                     30, 0, 3, now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (around->len, ==, 3);
  for (guint i = 0; i < around->len; i++)
    g_assert_cmpint (slot_start (around, i), !=, at (f, 2026, 11, 9, 16, 10));

  /* The very same time is no move */
  none = hd_booking_reschedule (f->db, f->workdays, f->terms, hd_appointment_get_id (training),
                                at (f, 2026, 11, 9, 16, 10), at (f, 2026, 11, 9, 16, 40), now, NULL, &error);
  g_assert_null (none);
  g_assert_error (error, HD_ERROR, HD_ERROR_CONFLICT);
  g_clear_error (&error);
  /* Refused onto the busy afternoon: its own 16:10 is not among the suggestions */
  g_clear_pointer (&suggestions, g_ptr_array_unref);
  none = hd_booking_reschedule (f->db, f->workdays, f->terms, hd_appointment_get_id (training),
                                at (f, 2026, 11, 9, 15, 30), at (f, 2026, 11, 9, 16, 0), now, &suggestions, &error);
  g_assert_null (none);
  g_assert_error (error, HD_ERROR, HD_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpuint (suggestions->len, >, 0);
  for (guint i = 0; i < suggestions->len; i++)
    g_assert_cmpint (slot_start (suggestions, i), !=, at (f, 2026, 11, 9, 16, 10));

  moved = hd_booking_reschedule (f->db, f->workdays, f->terms, hd_appointment_get_id (training),
                                 at (f, 2026, 11, 10, 15, 0), at (f, 2026, 11, 10, 15, 30), now, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hd_appointment_get_newcomer_id (moved), ==, hd_newcomer_get_id (newcomer));

  /* Not a training: refused, nothing changes */
  g_assert_false (hd_booking_mark_training_held (f->db, f->workdays, f->terms, other_id, "", 0, NULL, &error));
  g_assert_error (error, HD_ERROR, HD_ERROR_INVALID_FIELD);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (f->db, "SELECT count(*) FROM appointments WHERE status = 'held'"), ==, 0);

  /* Held with the mandatory items ticked in the same step: trained on Tue 10 November, on time */
  g_assert_true (hd_booking_mark_training_held (f->db, f->workdays, f->terms, hd_appointment_get_id (moved),
                                                "Показала расписание и журнал", HD_CHECKLIST_DEFAULT_MANDATORY,
                                                &pending, &error));
  g_assert_no_error (error);
  g_assert_false (pending);
  read = hd_newcomer_store_get (f->db, hd_newcomer_get_id (newcomer), &error);
  g_assert_cmpstr (hd_newcomer_get_trained_on (read), ==, "2026-11-10");
  g_assert_cmpuint (hd_newcomer_get_checklist (read), ==, HD_CHECKLIST_DEFAULT_MANDATORY);
  g_assert_cmpint (count_rows (f->db, "SELECT count(*) FROM appointments WHERE status = 'held'"), ==, 1);

  /* Trained: nothing more to book */
  none = hd_booking_book_training (f->db, f->workdays, f->terms, hd_newcomer_get_id (newcomer),
                                   at (f, 2026, 11, 11, 8, 0), at (f, 2026, 11, 11, 8, 30), now,
                                   NULL, &error);
  g_assert_null (none);
  g_assert_error (error, HD_ERROR, HD_ERROR_CONFLICT);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/availability/ordinary-week", test_ordinary_week);
  ADD ("/availability/holiday-week", test_holiday_week);
  ADD ("/availability/working-saturday", test_working_saturday);
  ADD ("/availability/local-override", test_local_override);
  ADD ("/booking/buffers", test_buffers);
  ADD ("/booking/working-time-and-horizon", test_working_time_and_horizon);
  ADD ("/booking/linked-requests", test_linked_requests);
  ADD ("/booking/walk-in", test_walk_in);
  ADD ("/booking/reschedule-and-series", test_reschedule_and_series);
  ADD ("/booking/training", test_training);
  ADD ("/booking/book-training", test_book_training);
#undef ADD

  return g_test_run ();
}
