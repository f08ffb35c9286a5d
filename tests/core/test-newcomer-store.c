/* test-newcomer-store.c — newcomers: due dates, training rules, history, hostile text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "hd-database-private.h"
#include "hd-date.h"
#include "hd-error.h"
#include "hd-newcomer-store.h"
#include "hd-person-store.h"

typedef struct {
  HdDatabase *db;
  HdWorkdays *workdays;
  gint64 teacher;
  gint64 parent;
  gint64 dismissed;
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
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  path = g_build_filename (g_get_user_data_dir (), "newcomers.db", NULL);
  f->db = hd_database_open (path, &error);
  g_assert_no_error (error);
  f->workdays = hd_workdays_new (&error);
  g_assert_no_error (error);
  f->teacher = add_person (f->db, "Новикова Дарья Сергеевна", HD_REQUESTER_STAFF);
  f->parent = add_person (f->db, "Орлов Павел", HD_REQUESTER_PARENT);
  f->dismissed = add_person (f->db, "Уволенная Вера", HD_REQUESTER_STAFF);
  g_assert_true (hd_person_store_archive (f->db, f->dismissed, &error));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->workdays);
  g_clear_object (&f->db);
}

static HdNewcomer *
make_newcomer (Fixture    *f,
               const char *started_on)
{
  HdNewcomer *newcomer = hd_newcomer_new ();

  hd_newcomer_set_person_id (newcomer, f->teacher);
  hd_newcomer_set_started_on (newcomer, started_on);
  return newcomer;
}

static gint64
add_newcomer (Fixture    *f,
              const char *started_on)
{
  g_autoptr(HdNewcomer) newcomer = make_newcomer (f, started_on);
  g_autoptr(GError) error = NULL;

  g_assert_true (hd_newcomer_store_create (f->db, f->workdays, newcomer, &error));
  g_assert_no_error (error);
  return hd_newcomer_get_id (newcomer);
}

static char *
today_plus (int days)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Yakutsk");
  GDate d;

  hd_date_set_today (&d, tz);
  if (days >= 0)
    g_date_add_days (&d, days);
  else
    g_date_subtract_days (&d, -days);
  return hd_date_to_iso (&d);
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  /* Mon 2 November 2026; Wednesday the 4th is National Unity Day: Tue 3, Thu 5, Fri 6 */
  g_autoptr(HdNewcomer) newcomer = make_newcomer (f, "2026-11-02");
  g_autoptr(HdNewcomer) read = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  const guint mandatory = HD_CHECKLIST_DEFAULT_MANDATORY;
  gint64 id;

  hd_newcomer_set_notes (newcomer, "Учитель информатики, 7–9 классы");
  g_assert_true (hd_newcomer_store_create (f->db, f->workdays, newcomer, &error));
  g_assert_no_error (error);
  id = hd_newcomer_get_id (newcomer);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpstr (hd_newcomer_get_due_on (newcomer), ==, "2026-11-06");
  g_assert_cmpstr (hd_newcomer_get_person_name (newcomer), ==, "Новикова Дарья Сергеевна");

  read = hd_newcomer_store_get (f->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hd_newcomer_get_person_id (read), ==, f->teacher);
  g_assert_cmpstr (hd_newcomer_get_started_on (read), ==, "2026-11-02");
  g_assert_cmpstr (hd_newcomer_get_due_on (read), ==, "2026-11-06");
  g_assert_null (hd_newcomer_get_trained_on (read));
  g_assert_cmpuint (hd_newcomer_get_checklist (read), ==, 0);
  g_assert_cmpstr (hd_newcomer_get_notes (read), ==, "Учитель информатики, 7–9 классы");

  g_assert_false (hd_newcomer_is_changed (newcomer, read));
  hd_newcomer_set_notes (read, " Учитель информатики, 7–9 классы\n");
  g_assert_false (hd_newcomer_is_changed (newcomer, read));

  /* trained on the due date with the mandatory items and one more */
  hd_newcomer_set_trained_on (read, "2026-11-06");
  hd_newcomer_set_trainer (read, "Консультант Иванова");
  hd_newcomer_set_checklist (read, mandatory | HD_CHECKLIST_BIT (HD_CHECKLIST_GRADES_FINAL));
  g_assert_true (hd_newcomer_is_changed (newcomer, read));
  g_assert_true (hd_newcomer_store_update (f->db, f->workdays, read, &error));
  g_assert_no_error (error);

  events = hd_newcomer_store_list_events (f->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 1 + 3);
  g_assert_cmpstr (((HdEvent *) events->pdata[0])->field, ==, "created");
  for (guint i = 1; i < events->len; i++)
    {
      const HdEvent *e = events->pdata[i];

      if (g_str_equal (e->field, "trained_on"))
        {
          g_assert_null (e->old_value);
          g_assert_cmpstr (e->new_value, ==, "2026-11-06");
        }
      else if (g_str_equal (e->field, "checklist"))
        {
          g_assert_cmpstr (e->old_value, ==, "0");
          g_assert_cmpstr (e->new_value, ==, "31");  /* 1 + 2 + 4 + 8 + 16 */
        }
      else
        g_assert_cmpstr (e->field, ==, "trainer");
    }

  /* a new start date moves the due date, both in the history */
  hd_newcomer_set_started_on (read, "2026-11-03");
  g_assert_true (hd_newcomer_store_update (f->db, f->workdays, read, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (hd_newcomer_get_due_on (read), ==, "2026-11-09");
  g_clear_pointer (&events, g_ptr_array_unref);
  events = hd_newcomer_store_list_events (f->db, id, &error);
  g_assert_cmpuint (events->len, ==, 1 + 3 + 2);

  /* archive */
  list = hd_newcomer_store_list (f->db, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);
  g_assert_true (hd_newcomer_store_archive (f->db, id, &error));
  list = hd_newcomer_store_list (f->db, &error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_object (&read);
  read = hd_newcomer_store_get (f->db, id, &error);
  g_assert_no_error (error);
  g_assert_true (hd_newcomer_get_archived (read));
}

static void
test_deadline_setting (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(HdNewcomer) a = NULL;
  gint64 id;

  /* Tue 1 September 2026 */
  g_assert_cmpint (hd_newcomer_store_get_deadline_days (f->db), ==, 3);
  id = add_newcomer (f, "2026-09-01");
  a = hd_newcomer_store_get (f->db, id, NULL);
  g_assert_cmpstr (hd_newcomer_get_due_on (a), ==, "2026-09-04");

  g_assert_true (hd_database_set_setting (f->db, "deadline-days", "1", &error));
  g_clear_object (&a);
  a = hd_newcomer_store_get (f->db, add_newcomer (f, "2026-09-01"), NULL);
  g_assert_cmpstr (hd_newcomer_get_due_on (a), ==, "2026-09-02");

  g_assert_true (hd_database_set_setting (f->db, "deadline-days", "5", &error));
  g_clear_object (&a);
  a = hd_newcomer_store_get (f->db, add_newcomer (f, "2026-09-01"), NULL);
  g_assert_cmpstr (hd_newcomer_get_due_on (a), ==, "2026-09-08");
  /* a Friday start skips the weekend */
  g_clear_object (&a);
  a = hd_newcomer_store_get (f->db, add_newcomer (f, "2026-09-04"), NULL);
  g_assert_cmpstr (hd_newcomer_get_due_on (a), ==, "2026-09-11");

  /* back to 3 and a local day off on Thu 3 September: due dates recompute */
  g_assert_true (hd_database_set_setting (f->db, "deadline-days", "3", &error));
  {
    GDate day;
    guint n_changed = 0;

    g_date_clear (&day, 1);
    g_date_set_dmy (&day, 3, G_DATE_SEPTEMBER, 2026);
    hd_workdays_set_override (f->workdays, &day, FALSE, "Карантин");
    g_assert_true (hd_newcomer_store_recompute_due (f->db, f->workdays, &n_changed, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n_changed, ==, 4);
  }
  list = hd_newcomer_store_list (f->db, &error);
  g_assert_cmpuint (list->len, ==, 4);
  /* Sep 2, (3 off), 4, 7 for the Tuesday starts; Mon 7, Tue 8, Wed 9 for the Friday one */
  g_assert_cmpstr (hd_newcomer_get_due_on (list->pdata[0]), ==, "2026-09-07");
  g_assert_cmpstr (hd_newcomer_get_due_on (list->pdata[3]), ==, "2026-09-09");
  g_assert_cmpint (count_rows (f->db, "SELECT count(*) FROM newcomer_events WHERE field = 'due_on'"), ==, 4);
}

typedef struct {
  const char *field;
  gint64 person;            /* 0: the teacher; -1: none */
  const char *started_on;
  const char *trained_on;
  guint checklist;
  const char *trainer;
  const char *notes;
} Invalid;

static void
test_validation (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *tomorrow = today_plus (1);
  g_autofree char *long_notes = g_strnfill (10001, 'n');
  const guint all = HD_CHECKLIST_ALL;
  const guint no_attendance = HD_CHECKLIST_DEFAULT_MANDATORY & ~HD_CHECKLIST_BIT (HD_CHECKLIST_ATTENDANCE);
  gint64 existing = add_newcomer (f, "2026-09-01");
  const Invalid cases[] = {
    { "started_on", 0, NULL, NULL, 0, NULL, NULL },
    { "started_on", 0, "", NULL, 0, NULL, NULL },
    { "started_on", 0, "2026-9-1", NULL, 0, NULL, NULL },
    { "started_on", 0, "01.09.2026", NULL, 0, NULL, NULL },
    { "started_on", 0, "2026-02-30", NULL, 0, NULL, NULL },
    { "started_on", 0, "2026-09-01x", NULL, 0, NULL, NULL },
    { "started_on", 0, "1999-12-31", NULL, 0, NULL, NULL },
    { "started_on", 0, "2031-09-01", NULL, 0, NULL, NULL },
    { "started_on", 0, "2026-09-01'; DROP TABLE newcomers; --", NULL, 0, NULL, NULL },
    { "trained_on", 0, "2026-09-01", "2026-08-31", all, NULL, NULL },
    { "trained_on", 0, "2026-09-01", tomorrow, all, NULL, NULL },
    { "trained_on", 0, "2026-09-01", "вчера", all, NULL, NULL },
    { "checklist", 0, "2026-09-01", "2026-09-02", no_attendance, NULL, NULL },
    { "checklist", 0, "2026-09-01", "2026-09-02", 0, NULL, NULL },
    { "checklist", 0, "2026-09-01", NULL, 1u << 20, NULL, NULL },
    { "person_id", -1, "2026-09-01", NULL, 0, NULL, NULL },
    { "person_id", 4242, "2026-09-01", NULL, 0, NULL, NULL },
    { "person_id", -2, "2026-09-01", NULL, 0, NULL, NULL },   /* the parent */
    { "person_id", -3, "2026-09-01", NULL, 0, NULL, NULL },   /* a deleted staff member */
    { "notes", 0, "2026-09-01", NULL, 0, NULL, long_notes },
    { "notes", 0, "2026-09-01", NULL, 0, NULL, "Заметка\xff\xfe" },
    { "trainer", 0, "2026-09-01", NULL, 0, "Ива\xd0нова", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(HdNewcomer) newcomer = make_newcomer (f, cases[i].started_on);
      g_autoptr(HdNewcomer) stored = hd_newcomer_store_get (f->db, existing, NULL);
      g_autoptr(HdNewcomer) after = NULL;
      g_autoptr(GError) error = NULL;
      gint64 rows = count_rows (f->db, "SELECT count(*) FROM newcomers");
      gint64 events = count_rows (f->db, "SELECT count(*) FROM newcomer_events");
      gint64 person = cases[i].person == 0 ? f->teacher :
                      cases[i].person == -1 ? 0 :
                      cases[i].person == -2 ? f->parent :
                      cases[i].person == -3 ? f->dismissed : cases[i].person;

      g_test_message ("case %u: %s", i, cases[i].field);
      hd_newcomer_set_person_id (newcomer, person);
      hd_newcomer_set_trained_on (newcomer, cases[i].trained_on);
      hd_newcomer_set_checklist (newcomer, cases[i].checklist);
      hd_newcomer_set_trainer (newcomer, cases[i].trainer);
      hd_newcomer_set_notes (newcomer, cases[i].notes);
      g_assert_false (hd_newcomer_store_create (f->db, f->workdays, newcomer, &error));
      g_assert_error (error, HD_ERROR, HD_ERROR_INVALID_FIELD);
      g_assert_cmpstr (hd_error_get_field (error), ==, cases[i].field);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      if (!g_str_equal (cases[i].field, "checklist"))
        g_assert_nonnull (strstr (error->message, hd_newcomer_field_label (cases[i].field)));
      g_assert_cmpint (count_rows (f->db, "SELECT count(*) FROM newcomers"), ==, rows);
      g_assert_cmpint (count_rows (f->db, "SELECT count(*) FROM newcomer_events"), ==, events);
      g_clear_error (&error);

      /* on an update of the stored newcomer too */
      g_object_set (stored,
                    "started-on", cases[i].started_on,
                    "trained-on", cases[i].trained_on,
                    "checklist", cases[i].checklist,
                    "trainer", cases[i].trainer,
                    "notes", cases[i].notes,
                    "person-id", person,
                    NULL);
      g_assert_false (hd_newcomer_store_update (f->db, f->workdays, stored, &error));
      g_assert_cmpstr (hd_error_get_field (error), ==, cases[i].field);
      g_assert_cmpint (count_rows (f->db, "SELECT count(*) FROM newcomer_events"), ==, events);
      after = hd_newcomer_store_get (f->db, existing, NULL);
      g_assert_cmpstr (hd_newcomer_get_started_on (after), ==, "2026-09-01");
      g_assert_null (hd_newcomer_get_trained_on (after));
    }

  /* the missing mandatory item is named */
  {
    g_autoptr(HdNewcomer) newcomer = make_newcomer (f, "2026-09-01");
    g_autoptr(GError) error = NULL;

    hd_newcomer_set_trained_on (newcomer, "2026-09-02");
    hd_newcomer_set_checklist (newcomer, no_attendance);
    g_assert_false (hd_newcomer_store_validate (f->db, newcomer, &error));
    g_assert_nonnull (strstr (error->message, hd_checklist_item_label (HD_CHECKLIST_ATTENDANCE)));
    g_assert_null (strstr (error->message, hd_checklist_item_label (HD_CHECKLIST_SCHEDULE)));
    g_clear_error (&error);

    /* the school decides what is mandatory: only signing in */
    g_assert_true (hd_database_set_setting (f->db, HD_SETTING_CHECKLIST_MANDATORY, "1", &error));
    g_assert_cmpuint (hd_newcomer_store_get_mandatory (f->db), ==, 1);
    hd_newcomer_set_checklist (newcomer, HD_CHECKLIST_BIT (HD_CHECKLIST_SIGN_IN));
    g_assert_true (hd_newcomer_store_create (f->db, f->workdays, newcomer, &error));
    g_assert_no_error (error);
  }

  /* trained today is fine */
  {
    g_autoptr(HdNewcomer) newcomer = make_newcomer (f, "2026-09-01");
    g_autofree char *today = today_plus (0);
    g_autoptr(GError) error = NULL;

    hd_newcomer_set_trained_on (newcomer, today);
    hd_newcomer_set_checklist (newcomer, HD_CHECKLIST_ALL);
    g_assert_true (hd_newcomer_store_create (f->db, f->workdays, newcomer, &error));
    g_assert_no_error (error);
  }

  /* all errors at once */
  {
    g_autoptr(HdNewcomer) newcomer = hd_newcomer_new ();
    g_autoptr(GPtrArray) errors = NULL;

    hd_newcomer_set_trained_on (newcomer, "завтра");
    errors = hd_newcomer_store_validate_all (f->db, newcomer);
    g_assert_cmpuint (errors->len, ==, 3);
    g_assert_cmpstr (hd_error_get_field (errors->pdata[0]), ==, "person_id");
    g_assert_cmpstr (hd_error_get_field (errors->pdata[1]), ==, "started_on");
    g_assert_cmpstr (hd_error_get_field (errors->pdata[2]), ==, "trained_on");
  }
}

static void
test_hostile_text_and_failure (Fixture       *f,
                               gconstpointer  data)
{
  const char *hostile = "O'Brien \"Иван\"; DROP TABLE newcomers; -- 100% _x_";
  g_autoptr(HdNewcomer) newcomer = make_newcomer (f, "2026-09-01");
  g_autoptr(HdNewcomer) read = NULL;
  g_autoptr(GError) error = NULL;
  gint64 events;

  hd_newcomer_set_trainer (newcomer, hostile);
  hd_newcomer_set_notes (newcomer, hostile);
  g_assert_true (hd_newcomer_store_create (f->db, f->workdays, newcomer, &error));
  g_assert_no_error (error);
  read = hd_newcomer_store_get (f->db, hd_newcomer_get_id (newcomer), &error);
  g_assert_cmpstr (hd_newcomer_get_trainer (read), ==, hostile);
  g_assert_cmpstr (hd_newcomer_get_notes (read), ==, hostile);

  /* refused by the database after the history rows: none of them stays */
  events = count_rows (f->db, "SELECT count(*) FROM newcomer_events");
  g_assert_true (hd_database_exec (f->db,
                                   "CREATE TRIGGER refuse BEFORE UPDATE ON newcomers"
                                   " WHEN new.notes = 'сбой' BEGIN SELECT RAISE(ABORT, 'refused'); END",
                                   &error));
  hd_newcomer_set_notes (read, "сбой");
  hd_newcomer_set_trainer (read, "Другой");
  g_assert_false (hd_newcomer_store_update (f->db, f->workdays, read, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (count_rows (f->db, "SELECT count(*) FROM newcomer_events"), ==, events);
  g_clear_object (&read);
  read = hd_newcomer_store_get (f->db, hd_newcomer_get_id (newcomer), NULL);
  g_assert_cmpstr (hd_newcomer_get_trainer (read), ==, hostile);
}

static void
test_checklist_labels (void)
{
  for (guint i = 0; i < HD_N_CHECKLIST_ITEMS; i++)
    {
      g_assert_nonnull (hd_checklist_item_key (i));
      g_assert_nonnull (hd_checklist_item_label (i));
    }
  g_assert_null (hd_checklist_item_label (HD_N_CHECKLIST_ITEMS));
  {
    g_autofree char *text = hd_checklist_describe (HD_CHECKLIST_BIT (HD_CHECKLIST_SCHEDULE) |
                                                   HD_CHECKLIST_BIT (HD_CHECKLIST_ATTENDANCE));
    g_assert_cmpstr (text, ==, "Schedule, Attendance");
  }
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/newcomer-store/round-trip", test_round_trip);
  ADD ("/newcomer-store/deadline-setting", test_deadline_setting);
  ADD ("/newcomer-store/validation", test_validation);
  ADD ("/newcomer-store/hostile-text-and-failure", test_hostile_text_and_failure);
#undef ADD
  g_test_add_func ("/newcomer-store/checklist-labels", test_checklist_labels);
  return g_test_run ();
}
