/* test-appointment-store.c — appointments and reception hours: plain records and their rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "hd-appointment-store.h"
#include "hd-database-private.h"
#include "hd-error.h"
#include "hd-person-store.h"
#include "hd-reception-hours.h"
#include "hd-request-store.h"

#define HOUR ((gint64) 3600)
/* Mon 7 September 2026 10:00 in Shimanovsk (UTC+9) */
#define MONDAY_10 ((gint64) 1788742800)

typedef struct {
  HdDatabase *db;
  gint64 person;
  gint64 archived;
  gint64 request;
} Fixture;

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
            const char *name)
{
  g_autoptr(HdPerson) person = hd_person_new ();
  g_autoptr(GError) error = NULL;

  hd_person_set_full_name (person, name);
  hd_person_set_kind (person, HD_REQUESTER_PARENT);
  g_assert_true (hd_person_store_create (db, person, &error));
  g_assert_no_error (error);
  return hd_person_get_id (person);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(HdRequest) request = hd_request_new ();

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  path = g_build_filename (g_get_user_data_dir (), "calendar.db", NULL);
  f->db = hd_database_open (path, &error);
  g_assert_no_error (error);
  f->person = add_person (f->db, "Лебедева Ирина");
  f->archived = add_person (f->db, "Выбывший Родитель");
  g_assert_true (hd_person_store_archive (f->db, f->archived, &error));

  hd_request_set_received_at (request, MONDAY_10 - 48 * HOUR);
  hd_request_set_requester_id (request, f->person);
  hd_request_set_channel (request, HD_CHANNEL_PHONE);
  hd_request_set_topic (request, HD_TOPIC_ATTENDANCE);
  hd_request_set_summary (request, "Запись на консультацию");
  g_assert_true (hd_request_store_create (f->db, request, &error));
  g_assert_no_error (error);
  f->request = hd_request_get_id (request);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->db);
}

static HdAppointment *
make_appointment (Fixture *f,
                  gint64   starts_at,
                  gint64   minutes)
{
  HdAppointment *a = hd_appointment_new ();

  hd_appointment_set_starts_at (a, starts_at);
  hd_appointment_set_ends_at (a, starts_at + minutes * 60);
  hd_appointment_set_person_id (a, f->person);
  hd_appointment_set_topic (a, HD_TOPIC_ATTENDANCE);
  hd_appointment_set_mode (a, HD_MODE_IN_PERSON);
  return a;
}

static gint64
add_appointment (Fixture *f,
                 gint64   starts_at,
                 gint64   minutes)
{
  g_autoptr(HdAppointment) a = make_appointment (f, starts_at, minutes);
  g_autoptr(GError) error = NULL;

  g_assert_true (hd_appointment_store_create (f->db, a, &error));
  g_assert_no_error (error);
  return hd_appointment_get_id (a);
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(HdAppointment) a = make_appointment (f, MONDAY_10, 30);
  g_autoptr(HdAppointment) read = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id, next;

  hd_appointment_set_request_id (a, f->request);
  hd_appointment_set_notes (a, "  Принести логин и пароль  ");
  g_assert_true (hd_appointment_store_create (f->db, a, &error));
  g_assert_no_error (error);
  id = hd_appointment_get_id (a);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpstr (hd_appointment_get_notes (a), ==, "Принести логин и пароль");
  g_assert_cmpstr (hd_appointment_get_person_name (a), ==, "Лебедева Ирина");

  read = hd_appointment_store_get (f->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hd_appointment_get_starts_at (read), ==, MONDAY_10);
  g_assert_cmpint (hd_appointment_get_ends_at (read), ==, MONDAY_10 + 30 * 60);
  g_assert_cmpint (hd_appointment_get_person_id (read), ==, f->person);
  g_assert_cmpint (hd_appointment_get_request_id (read), ==, f->request);
  g_assert_cmpint (hd_appointment_get_newcomer_id (read), ==, 0);
  g_assert_cmpint (hd_appointment_get_topic (read), ==, HD_TOPIC_ATTENDANCE);
  g_assert_cmpint (hd_appointment_get_mode (read), ==, HD_MODE_IN_PERSON);
  g_assert_cmpint (hd_appointment_get_status (read), ==, HD_APPOINTMENT_SCHEDULED);
  g_assert_false (hd_appointment_get_walk_in (read));
  g_assert_cmpstr (hd_appointment_get_outcome (read), ==, "");

  /* rescheduled: a new one, the old one points to it */
  next = add_appointment (f, MONDAY_10 + 24 * HOUR, 30);
  hd_appointment_set_status (read, HD_APPOINTMENT_RESCHEDULED);
  hd_appointment_set_rescheduled_to (read, next);
  g_assert_true (hd_appointment_store_update (f->db, read, &error));
  g_assert_no_error (error);
  g_clear_object (&read);
  read = hd_appointment_store_get (f->db, id, &error);
  g_assert_cmpint (hd_appointment_get_status (read), ==, HD_APPOINTMENT_RESCHEDULED);
  g_assert_cmpint (hd_appointment_get_rescheduled_to (read), ==, next);

  /* held, with its outcome */
  g_clear_object (&read);
  read = hd_appointment_store_get (f->db, next, &error);
  hd_appointment_set_status (read, HD_APPOINTMENT_HELD);
  hd_appointment_set_outcome (read, "Показали, как отмечать пропуски.");
  g_assert_true (hd_appointment_store_save (f->db, read, &error));
  g_assert_no_error (error);

  /* deleting the target forgets the link */
  g_assert_true (hd_appointment_store_delete (f->db, next, &error));
  g_assert_no_error (error);
  g_clear_object (&read);
  read = hd_appointment_store_get (f->db, id, &error);
  g_assert_cmpint (hd_appointment_get_rescheduled_to (read), ==, 0);
  g_clear_object (&read);
  read = hd_appointment_store_get (f->db, next, &error);
  g_assert_null (read);
  g_assert_error (error, HD_ERROR, HD_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (hd_appointment_store_delete (f->db, next, &error));
  g_assert_error (error, HD_ERROR, HD_ERROR_NOT_FOUND);
}

static void
test_list_between (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 a = add_appointment (f, MONDAY_10, 30);                 /* 10:00–10:30 */
  gint64 b = add_appointment (f, MONDAY_10 + HOUR, 30);          /* 11:00–11:30 */
  gint64 c = add_appointment (f, MONDAY_10 - 2 * HOUR, 150);     /* 08:00–10:30 */

  add_appointment (f, MONDAY_10 + 7 * 24 * HOUR, 30);            /* next week */

  /* [10:30, 11:00): the ends at 10:30 do not overlap, the start at 11:00 neither */
  list = hd_appointment_store_list_between (f->db, MONDAY_10 + 30 * 60, MONDAY_10 + HOUR, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* one minute more on each side catches them */
  list = hd_appointment_store_list_between (f->db, MONDAY_10 + 29 * 60, MONDAY_10 + 61 * 60, &error);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpint (hd_appointment_get_id (list->pdata[0]), ==, c);   /* by start */
  g_assert_cmpint (hd_appointment_get_id (list->pdata[1]), ==, a);
  g_assert_cmpint (hd_appointment_get_id (list->pdata[2]), ==, b);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* the whole day */
  list = hd_appointment_store_list_between (f->db, MONDAY_10 - 10 * HOUR, MONDAY_10 + 14 * HOUR, &error);
  g_assert_cmpuint (list->len, ==, 3);
  g_clear_pointer (&list, g_ptr_array_unref);
  /* the week after */
  list = hd_appointment_store_list_between (f->db, MONDAY_10 + 24 * HOUR, MONDAY_10 + 8 * 24 * HOUR, &error);
  g_assert_cmpuint (list->len, ==, 1);
}

typedef void (*Spoil) (Fixture *f, HdAppointment *a);
#define SPOIL(name, body) static void spoil_##name (Fixture *f, HdAppointment *a) { body; }
SPOIL (start_missing, { hd_appointment_set_starts_at (a, 0); })
SPOIL (start_1999, { hd_appointment_set_starts_at (a, 900000000); hd_appointment_set_ends_at (a, 900001800); })
SPOIL (end_equal, hd_appointment_set_ends_at (a, hd_appointment_get_starts_at (a)))
SPOIL (end_before, hd_appointment_set_ends_at (a, hd_appointment_get_starts_at (a) - 60))
SPOIL (too_long, hd_appointment_set_ends_at (a, hd_appointment_get_starts_at (a) + 25 * HOUR))
SPOIL (person_missing, hd_appointment_set_person_id (a, 0))
SPOIL (person_unknown, hd_appointment_set_person_id (a, 4242))
SPOIL (person_archived, hd_appointment_set_person_id (a, f->archived))
SPOIL (topic_missing, hd_appointment_set_topic (a, -1))
SPOIL (mode_bad, hd_appointment_set_mode (a, HD_N_MODES))
SPOIL (status_bad, hd_appointment_set_status (a, HD_N_APPOINTMENT_STATUSES))
SPOIL (request_unknown, hd_appointment_set_request_id (a, 4242))
SPOIL (newcomer_unknown, hd_appointment_set_newcomer_id (a, 4242))
SPOIL (rescheduled_unknown, hd_appointment_set_rescheduled_to (a, 4242))
SPOIL (notes_long, { g_autofree char *s = g_strnfill (10001, 'x'); hd_appointment_set_notes (a, s); })
SPOIL (notes_utf8, hd_appointment_set_notes (a, "Заметка \xc3\x28"))
SPOIL (outcome_utf8, hd_appointment_set_outcome (a, "\xed\xa0\x80 суррогат"))

static const struct {
  const char *field;
  Spoil spoil;
} invalid_cases[] = {
  { "starts_at", spoil_start_missing },
  { "starts_at", spoil_start_1999 },
  { "ends_at", spoil_end_equal },
  { "ends_at", spoil_end_before },
  { "ends_at", spoil_too_long },
  { "person_id", spoil_person_missing },
  { "person_id", spoil_person_unknown },
  { "person_id", spoil_person_archived },
  { "topic", spoil_topic_missing },
  { "mode", spoil_mode_bad },
  { "status", spoil_status_bad },
  { "request_id", spoil_request_unknown },
  { "newcomer_id", spoil_newcomer_unknown },
  { "rescheduled_to", spoil_rescheduled_unknown },
  { "notes", spoil_notes_long },
  { "notes", spoil_notes_utf8 },
  { "outcome", spoil_outcome_utf8 },
};

static void
test_validation (Fixture       *f,
                 gconstpointer  data)
{
  gint64 existing = add_appointment (f, MONDAY_10, 30);

  for (guint i = 0; i < G_N_ELEMENTS (invalid_cases); i++)
    {
      g_autoptr(HdAppointment) a = make_appointment (f, MONDAY_10 + HOUR, 30);
      g_autoptr(HdAppointment) stored = hd_appointment_store_get (f->db, existing, NULL);
      g_autoptr(HdAppointment) after = NULL;
      g_autoptr(GError) error = NULL;
      gint64 rows = count_rows (f->db, "SELECT count(*) FROM appointments");

      g_test_message ("case %u: %s", i, invalid_cases[i].field);
      invalid_cases[i].spoil (f, a);
      g_assert_false (hd_appointment_store_create (f->db, a, &error));
      g_assert_error (error, HD_ERROR, HD_ERROR_INVALID_FIELD);
      g_assert_cmpstr (hd_error_get_field (error), ==, invalid_cases[i].field);
      g_assert_nonnull (strstr (error->message, hd_appointment_field_label (invalid_cases[i].field)));
      g_assert_cmpint (count_rows (f->db, "SELECT count(*) FROM appointments"), ==, rows);
      g_clear_error (&error);

      invalid_cases[i].spoil (f, stored);
      g_assert_false (hd_appointment_store_update (f->db, stored, &error));
      g_assert_cmpstr (hd_error_get_field (error), ==, invalid_cases[i].field);
      after = hd_appointment_store_get (f->db, existing, NULL);
      g_assert_cmpint (hd_appointment_get_starts_at (after), ==, MONDAY_10);
      g_assert_cmpint (hd_appointment_get_person_id (after), ==, f->person);
    }

  /* metacharacters are stored as they are */
  {
    const char *hostile = "'); DELETE FROM appointments; -- \"100%\" _";
    g_autoptr(HdAppointment) a = make_appointment (f, MONDAY_10 + 2 * HOUR, 30);
    g_autoptr(HdAppointment) read = NULL;
    g_autoptr(GError) error = NULL;

    hd_appointment_set_notes (a, hostile);
    hd_appointment_set_outcome (a, hostile);
    g_assert_true (hd_appointment_store_create (f->db, a, &error));
    g_assert_no_error (error);
    read = hd_appointment_store_get (f->db, hd_appointment_get_id (a), &error);
    g_assert_cmpstr (hd_appointment_get_notes (read), ==, hostile);
    g_assert_cmpstr (hd_appointment_get_outcome (read), ==, hostile);
    g_assert_cmpint (count_rows (f->db, "SELECT count(*) FROM appointments"), ==, 2);
  }
}

static HdReceptionHours *
make_hours (int         weekday,
            int         from_min,
            int         to_min,
            const char *valid_from,
            const char *valid_to)
{
  HdReceptionHours *h = hd_reception_hours_new ();

  hd_reception_hours_set_weekday (h, weekday);
  hd_reception_hours_set_starts_min (h, from_min);
  hd_reception_hours_set_ends_min (h, to_min);
  hd_reception_hours_set_place (h, "Кабинет 12");
  hd_reception_hours_set_valid_from (h, valid_from);
  hd_reception_hours_set_valid_to (h, valid_to);
  return h;
}

static void
test_reception_hours (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  GDate day;
  /* the old schedule until 31 August, the new one from 1 September 2026 */
  struct { int weekday, from, to; const char *valid_from, *valid_to; } rows[] = {
    { 1, 14 * 60, 16 * 60, "2025-09-01", "2026-08-31" },
    { 1, 15 * 60, 17 * 60, "2026-09-01", NULL },
    { 3, 9 * 60, 11 * 60, "2026-09-01", NULL },
    { 3, 14 * 60, 15 * 60, "2026-09-01", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(HdReceptionHours) h = make_hours (rows[i].weekday, rows[i].from, rows[i].to,
                                                  rows[i].valid_from, rows[i].valid_to);
      g_assert_true (hd_reception_hours_store_save (f->db, h, &error));
      g_assert_no_error (error);
      g_assert_cmpint (hd_reception_hours_get_id (h), >, 0);
    }

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 7, G_DATE_SEPTEMBER, 2026);   /* a Monday */
  list = hd_reception_hours_store_list_for_day (f->db, &day, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (hd_reception_hours_get_starts_min (list->pdata[0]), ==, 15 * 60);
  g_clear_pointer (&list, g_ptr_array_unref);

  list = hd_reception_hours_store_list_valid_on (f->db, &day, &error);
  g_assert_cmpuint (list->len, ==, 3);
  g_clear_pointer (&list, g_ptr_array_unref);

  g_date_set_dmy (&day, 31, G_DATE_AUGUST, 2026);     /* a Monday, the old schedule */
  list = hd_reception_hours_store_list_for_day (f->db, &day, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (hd_reception_hours_get_starts_min (list->pdata[0]), ==, 14 * 60);
  g_clear_pointer (&list, g_ptr_array_unref);

  g_date_set_dmy (&day, 9, G_DATE_SEPTEMBER, 2026);   /* Wednesday: two blocks, by time */
  list = hd_reception_hours_store_list_for_day (f->db, &day, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (hd_reception_hours_get_starts_min (list->pdata[0]), ==, 9 * 60);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* update and delete */
  list = hd_reception_hours_store_list (f->db, &error);
  g_assert_cmpuint (list->len, ==, 4);
  hd_reception_hours_set_place (list->pdata[0], "Кабинет 'информатики'");
  g_assert_true (hd_reception_hours_store_save (f->db, list->pdata[0], &error));
  g_assert_no_error (error);
  {
    g_autoptr(HdReceptionHours) read = hd_reception_hours_store_get (f->db, hd_reception_hours_get_id (list->pdata[0]), &error);
    g_assert_cmpstr (hd_reception_hours_get_place (read), ==, "Кабинет 'информатики'");
  }
  g_assert_true (hd_reception_hours_store_delete (f->db, hd_reception_hours_get_id (list->pdata[0]), &error));
  g_assert_cmpint (count_rows (f->db, "SELECT count(*) FROM reception_hours"), ==, 3);

  /* the rules */
  {
    struct { const char *field; int weekday, from, to; const char *valid_from, *valid_to; } bad[] = {
      { "weekday", 0, 600, 660, "2026-09-01", NULL },
      { "weekday", 8, 600, 660, "2026-09-01", NULL },
      { "starts_min", 1, -5, 660, "2026-09-01", NULL },
      { "ends_min", 1, 600, 600, "2026-09-01", NULL },
      { "ends_min", 1, 600, 1441, "2026-09-01", NULL },
      { "valid_from", 1, 600, 660, NULL, NULL },
      { "valid_from", 1, 600, 660, "1.09.2026", NULL },
      { "valid_to", 1, 600, 660, "2026-09-01", "2026-08-31" },
      { "valid_to", 1, 600, 660, "2026-09-01", "потом" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(HdReceptionHours) h = make_hours (bad[i].weekday, bad[i].from, bad[i].to,
                                                    bad[i].valid_from, bad[i].valid_to);
        g_autoptr(GError) e = NULL;

        g_assert_false (hd_reception_hours_store_save (f->db, h, &e));
        g_assert_error (e, HD_ERROR, HD_ERROR_INVALID_FIELD);
        g_assert_cmpstr (hd_error_get_field (e), ==, bad[i].field);
        g_assert_cmpint (count_rows (f->db, "SELECT count(*) FROM reception_hours"), ==, 3);
      }
  }
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/appointment-store/round-trip", test_round_trip);
  ADD ("/appointment-store/list-between", test_list_between);
  ADD ("/appointment-store/validation", test_validation);
  ADD ("/reception-hours/store", test_reception_hours);
#undef ADD
  return g_test_run ();
}
