/* test-ics.c — consultations exported as iCalendar and read back with libical
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three consultations on Mon 7 December 2026 in Shimanovsk (Asia/Yakutsk, UTC+9, no daylight
 * saving): 10:00–10:30, 11:00–11:45 (cancelled by the requester) and 14:00–14:30. Exported
 * with the school's zone and in UTC, parsed back: three VEVENTs, their UIDs the same in two
 * exports, 10:00 Yakutsk = 01:00 UTC, one CANCELLED, a 15-minute alarm on each.
 */
#include "config.h"

#include <libical/ical.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "hd-appointment-store.h"
#include "hd-error.h"
#include "hd-ics.h"
#include "hd-person-store.h"

#define TZID "Asia/Yakutsk"

typedef struct {
  HdDatabase *db;
  GTimeZone  *tz;
  gint64      ids[3];
  gint64      starts[3];
} Fixture;

static gint64
at (Fixture *f,
    int      hour,
    int      minute)
{
  g_autoptr(GDateTime) dt = g_date_time_new (f->tz, 2026, 12, 7, hour, minute, 0);

  return g_date_time_to_unix (dt);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(HdPerson) person = hd_person_new ();
  const struct { int h, m, minutes, status; } rows[] = {
    { 10, 0, 30, HD_APPOINTMENT_SCHEDULED },
    { 11, 0, 45, HD_APPOINTMENT_CANCELLED_REQUESTER },
    { 14, 0, 30, HD_APPOINTMENT_HELD },
  };

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  path = g_build_filename (g_get_user_data_dir (), "ics.db", NULL);
  f->db = hd_database_open (path, &error);
  g_assert_no_error (error);
  f->tz = g_time_zone_new_identifier (TZID);
  g_assert_nonnull (f->tz);

  hd_person_set_full_name (person, "Лебедева Ирина Сергеевна");
  hd_person_set_kind (person, HD_REQUESTER_PARENT);
  g_assert_true (hd_person_store_create (f->db, person, &error));

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(HdAppointment) a = hd_appointment_new ();

      f->starts[i] = at (f, rows[i].h, rows[i].m);
      hd_appointment_set_starts_at (a, f->starts[i]);
      hd_appointment_set_ends_at (a, f->starts[i] + rows[i].minutes * 60);
      hd_appointment_set_person_id (a, hd_person_get_id (person));
      hd_appointment_set_topic (a, HD_TOPIC_GRADES_CURRENT);
      hd_appointment_set_mode (a, HD_MODE_IN_PERSON);
      hd_appointment_set_status (a, rows[i].status);
      g_assert_true (hd_appointment_store_create (f->db, a, &error));
      g_assert_no_error (error);
      f->ids[i] = hd_appointment_get_id (a);
    }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->db);
  g_clear_pointer (&f->tz, g_time_zone_unref);
}

static char *
export (Fixture    *f,
        const char *tzid,
        guint       expected)
{
  g_autoptr(GError) error = NULL;
  guint n = 0;
  char *text = hd_ics_export_string (f->db, f->tz, tzid, at (f, 0, 0), at (f, 23, 59), &n, &error);

  g_assert_no_error (error);
  g_assert_nonnull (text);
  g_assert_cmpuint (n, ==, expected);
  return text;
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *text = export (f, TZID, 3);
  g_autofree char *again = export (f, TZID, 3);
  icalcomponent *calendar = icalparser_parse_string (text);
  icalcomponent *again_calendar = icalparser_parse_string (again);
  icalcomponent *event, *other;
  guint n = 0, cancelled = 0;

  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_count_components (calendar, ICAL_VEVENT_COMPONENT), ==, 3);
  g_assert_cmpint (icalcomponent_count_components (calendar, ICAL_VTIMEZONE_COMPONENT), ==, 1);
  g_assert_nonnull (strstr (text, "TZID=Asia/Yakutsk"));

  for (event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT),
       other = icalcomponent_get_first_component (again_calendar, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT),
       other = icalcomponent_get_next_component (again_calendar, ICAL_VEVENT_COMPONENT), n++)
    {
      g_autofree char *uid = g_strdup_printf ("appointment-%" G_GINT64_FORMAT "@schoolhelpdesk", f->ids[n]);
      struct icaltimetype start = icalcomponent_get_dtstart (event);
      icalcomponent *alarm = icalcomponent_get_first_component (event, ICAL_VALARM_COMPONENT);
      struct icaltriggertype trigger;

      /* Stable UIDs: the same in both exports */
      g_assert_cmpstr (icalcomponent_get_uid (event), ==, uid);
      g_assert_nonnull (other);
      g_assert_cmpstr (icalcomponent_get_uid (other), ==, uid);

      /* The wall clock of Shimanovsk, and the right instant through the VTIMEZONE */
      g_assert_cmpint (start.hour, ==, n == 0 ? 10 : n == 1 ? 11 : 14);
      g_assert_cmpint ((gint64) icaltime_as_timet_with_zone (start, start.zone), ==, f->starts[n]);
      g_assert_nonnull (strstr (icalcomponent_get_summary (event), "Лебедева Ирина Сергеевна"));
      if (icalcomponent_get_status (event) == ICAL_STATUS_CANCELLED)
        cancelled++;
      else
        g_assert_cmpint (icalcomponent_get_status (event), ==, ICAL_STATUS_CONFIRMED);

      g_assert_nonnull (alarm);
      trigger = icalproperty_get_trigger (icalcomponent_get_first_property (alarm, ICAL_TRIGGER_PROPERTY));
      g_assert_cmpint (icaldurationtype_as_int (trigger.duration), ==, -15 * 60);
    }
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpuint (cancelled, ==, 1);
  /* Nothing changed between the exports: the files are the same */
  g_assert_cmpstr (text, ==, again);

  icalcomponent_free (calendar);
  icalcomponent_free (again_calendar);
}

static void
test_utc (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *text = export (f, NULL, 3);
  icalcomponent *calendar = icalparser_parse_string (text);
  icalcomponent *event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
  struct icaltimetype start = icalcomponent_get_dtstart (event);
  struct icaltimetype end = icalcomponent_get_dtend (event);

  g_assert_cmpint (icalcomponent_count_components (calendar, ICAL_VTIMEZONE_COMPONENT), ==, 0);
  g_assert_true (icaltime_is_utc (start));
  /* 10:00 in Yakutsk is 01:00 UTC */
  g_assert_cmpint (start.hour, ==, 1);
  g_assert_cmpint (start.minute, ==, 0);
  g_assert_cmpint (end.hour, ==, 1);
  g_assert_cmpint (end.minute, ==, 30);
  g_assert_cmpint ((gint64) icaltime_as_timet (start), ==, f->starts[0]);
  icalcomponent_free (calendar);
}

static void
test_file (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "out.ics", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  guint n = 0;

  g_assert_true (hd_ics_export_file (f->db, f->tz, TZID, at (f, 10, 30), at (f, 23, 0), file, &n, &error));
  g_assert_no_error (error);
  /* 10:00–10:30 ends where the range starts: not included */
  g_assert_cmpuint (n, ==, 2);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "BEGIN:VCALENDAR"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/ics/round-trip", Fixture, NULL, fixture_set_up, test_round_trip, fixture_tear_down);
  g_test_add ("/ics/utc", Fixture, NULL, fixture_set_up, test_utc, fixture_tear_down);
  g_test_add ("/ics/file", Fixture, NULL, fixture_set_up, test_file, fixture_tear_down);

  return g_test_run ();
}
