/* test-terms.c — working hours, the request clock, its pauses and overdue terms
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "hd-database-private.h"
#include "hd-date.h"
#include "hd-error.h"
#include "hd-terms.h"

#define HOUR ((gint64) 3600)

static GTimeZone *yakutsk;

/* An instant given in Shimanovsk's local time */
static gint64
at (int y, int mo, int d, int h, int mi)
{
  g_autoptr(GDateTime) dt = g_date_time_new (yakutsk, y, mo, d, h, mi, 0);

  g_assert_nonnull (dt);
  return g_date_time_to_unix (dt);
}

static HdWorkdays *
new_workdays (void)
{
  g_autoptr(GError) error = NULL;
  HdWorkdays *wd = hd_workdays_new (&error);

  g_assert_no_error (error);
  return wd;
}

/* 08:00–17:00, first response 1 day = 9 h, resolution 3 days = 27 h */
static HdTerms *
new_terms (HdWorkdays *wd)
{
  return hd_terms_new (wd, yakutsk, 8 * 60, 17 * 60, 9 * HOUR, 27 * HOUR);
}

/* ---------------------------------------------------------------------------------------- */
/* Reference: minute by minute, UTC+9 by hand, days from the TSV read by the test itself.     */

static GHashTable *ref_off, *ref_on, *ref_short;

static void
reference_load (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("HD_WORKDAYS_DIR"),
                                            "ru-production-calendar.tsv", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  ref_off = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ref_on = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ref_short = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], "\t", 3);

      if (g_strv_length (f) < 2)
        continue;
      if (g_str_equal (f[1], "holiday") || g_str_equal (f[1], "dayoff-transfer"))
        g_hash_table_add (ref_off, g_strdup (f[0]));
      else if (g_str_equal (f[1], "workday-transfer"))
        g_hash_table_add (ref_on, g_strdup (f[0]));
      else if (g_str_equal (f[1], "short-day"))
        g_hash_table_add (ref_short, g_strdup (f[0]));
    }
}

/* Minutes of working time in the minute-aligned [from, to), 2024–2027 only */
static gint64
reference_minutes (gint64 from,
                   gint64 to)
{
  gint64 minutes = 0;
  gint64 day_key = G_MININT64;
  int start = 0, end = 0;

  for (gint64 t = from; t < to; t += 60)
    {
      gint64 local = t + 9 * HOUR;
      gint64 day = local / 86400;
      gint64 second = local % 86400;

      if (day != day_key)
        {
          GDate d;
          g_autofree char *iso = NULL;
          GDateWeekday wd;
          gboolean working;

          g_date_clear (&d, 1);
          g_date_set_dmy (&d, 1, 1, 1970);
          g_date_add_days (&d, (guint) day);
          iso = hd_date_to_iso (&d);
          wd = g_date_get_weekday (&d);
          working = g_hash_table_contains (ref_on, iso) ||
                    (!g_hash_table_contains (ref_off, iso) &&
                     wd != G_DATE_SATURDAY && wd != G_DATE_SUNDAY);
          start = 8 * 3600;
          end = !working ? start : g_hash_table_contains (ref_short, iso) ? 16 * 3600 : 17 * 3600;
          day_key = day;
        }
      if (second >= start && second < end)
        minutes++;
    }
  return minutes;
}

/* ---------------------------------------------------------------------------------------- */

static void
test_settings (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HdDatabase) db = NULL;
  g_autoptr(HdWorkdays) wd = new_workdays ();
  g_autofree char *path = NULL;
  int minutes = -1;

  g_assert_true (hd_terms_parse_time_of_day ("08:00", &minutes));
  g_assert_cmpint (minutes, ==, 480);
  g_assert_true (hd_terms_parse_time_of_day ("8:30", &minutes));
  g_assert_cmpint (minutes, ==, 510);
  g_assert_true (hd_terms_parse_time_of_day ("24:00", &minutes));
  g_assert_cmpint (minutes, ==, 1440);
  g_assert_false (hd_terms_parse_time_of_day ("24:01", &minutes));
  g_assert_false (hd_terms_parse_time_of_day ("8", &minutes));
  g_assert_false (hd_terms_parse_time_of_day ("08:0", &minutes));
  g_assert_false (hd_terms_parse_time_of_day ("08:60", &minutes));
  g_assert_false (hd_terms_parse_time_of_day ("-1:00", &minutes));
  g_assert_false (hd_terms_parse_time_of_day ("08:00:00", &minutes));
  g_assert_false (hd_terms_parse_time_of_day (NULL, &minutes));

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  path = g_build_filename (g_get_user_data_dir (), "terms.db", NULL);
  db = hd_database_open (path, &error);
  g_assert_no_error (error);

  /* Defaults: 08:00–17:00 in Asia/Yakutsk, 1 and 3 working days of 9 h */
  {
    g_autoptr(HdTerms) t = hd_terms_new_from_database (db, wd, &error);

    g_assert_no_error (error);
    g_assert_cmpint (hd_terms_get_work_start (t), ==, 8 * 60);
    g_assert_cmpint (hd_terms_get_work_end (t), ==, 17 * 60);
    g_assert_cmpint (hd_terms_get_day_seconds (t), ==, 9 * HOUR);
    g_assert_cmpint (hd_terms_get_first_response (t), ==, 9 * HOUR);
    g_assert_cmpint (hd_terms_get_resolution (t), ==, 27 * HOUR);
    g_assert_cmpstr (g_time_zone_get_identifier (hd_terms_get_time_zone (t)), ==, "Asia/Yakutsk");
  }

  /* A shorter day makes the day-based defaults shorter; hours set explicitly win */
  g_assert_true (hd_database_set_setting (db, HD_SETTING_WORK_START, "09:00", &error));
  g_assert_true (hd_database_set_setting (db, HD_SETTING_WORK_END, "17:00", &error));
  g_assert_true (hd_database_set_setting (db, HD_SETTING_TERM_FIRST_RESPONSE, "4", &error));
  g_assert_true (hd_database_set_setting (db, HD_SETTING_TIME_ZONE, "Europe/Moscow", &error));
  {
    g_autoptr(HdTerms) t = hd_terms_new_from_database (db, wd, &error);

    g_assert_no_error (error);
    g_assert_cmpint (hd_terms_get_day_seconds (t), ==, 8 * HOUR);
    g_assert_cmpint (hd_terms_get_first_response (t), ==, 4 * HOUR);
    g_assert_cmpint (hd_terms_get_resolution (t), ==, 24 * HOUR);
    g_assert_cmpstr (g_time_zone_get_identifier (hd_terms_get_time_zone (t)), ==, "Europe/Moscow");
  }

  /* Nonsense falls back to the defaults, with a warning */
  g_assert_true (hd_database_set_setting (db, HD_SETTING_WORK_END, "25:00", &error));
  g_assert_true (hd_database_set_setting (db, HD_SETTING_TIME_ZONE, "Mars/Olympus", &error));
  g_test_expect_message ("hd-terms", G_LOG_LEVEL_WARNING, "*work-end*");
  g_test_expect_message ("hd-terms", G_LOG_LEVEL_WARNING, "*time-zone*");
  {
    g_autoptr(HdTerms) t = hd_terms_new_from_database (db, wd, &error);

    g_test_assert_expected_messages ();
    g_assert_no_error (error);
    g_assert_cmpint (hd_terms_get_work_start (t), ==, 9 * 60);
    g_assert_cmpint (hd_terms_get_work_end (t), ==, 17 * 60);
    g_assert_cmpstr (g_time_zone_get_identifier (hd_terms_get_time_zone (t)), ==, "Asia/Yakutsk");
  }
}

static void
test_working_seconds (void)
{
  g_autoptr(HdWorkdays) wd = new_workdays ();
  g_autoptr(HdTerms) t = new_terms (wd);

  /* Friday 16:30 → Monday 09:00: half an hour on Friday, an hour on Monday */
  g_assert_cmpint (hd_terms_working_seconds (t, at (2026, 11, 20, 16, 30), at (2026, 11, 23, 9, 0)),
                   ==, 90 * 60);
  g_assert_cmpint (hd_terms_working_seconds (t, at (2026, 11, 23, 9, 0), at (2026, 11, 20, 16, 30)),
                   ==, -90 * 60);
  /* Inside one day, before and after hours */
  g_assert_cmpint (hd_terms_working_seconds (t, at (2026, 11, 23, 6, 0), at (2026, 11, 23, 7, 59)), ==, 0);
  g_assert_cmpint (hd_terms_working_seconds (t, at (2026, 11, 23, 6, 0), at (2026, 11, 23, 20, 0)), ==, 9 * HOUR);
  g_assert_cmpint (hd_terms_working_seconds (t, at (2026, 11, 23, 10, 15), at (2026, 11, 23, 10, 16)), ==, 60);
  g_assert_cmpint (hd_terms_working_seconds (t, at (2026, 11, 23, 10, 15) + 7, at (2026, 11, 23, 10, 15) + 8), ==, 1);
  /* A working week */
  g_assert_cmpint (hd_terms_working_seconds (t, at (2026, 11, 16, 0, 0), at (2026, 11, 23, 0, 0)), ==, 45 * HOUR);
  /* A pre-holiday day is an hour shorter: Tue 3 Nov 2026 ends at 16:00, Wed 4 Nov is a holiday */
  g_assert_cmpint (hd_terms_working_seconds (t, at (2026, 11, 3, 8, 0), at (2026, 11, 5, 8, 0)), ==, 8 * HOUR);
  g_assert_cmpint (hd_terms_working_seconds (t, at (2026, 11, 3, 15, 0), at (2026, 11, 5, 9, 0)), ==, 2 * HOUR);
  g_assert_cmpint (hd_terms_working_seconds (t, at (2026, 11, 3, 16, 30), at (2026, 11, 3, 17, 0)), ==, 0);
  /* Working Saturdays: 27 Apr 2024 a full day, 2 Nov 2024 an hour shorter */
  g_assert_cmpint (hd_terms_working_seconds (t, at (2024, 4, 27, 0, 0), at (2024, 4, 28, 0, 0)), ==, 9 * HOUR);
  g_assert_cmpint (hd_terms_working_seconds (t, at (2024, 11, 2, 0, 0), at (2024, 11, 3, 0, 0)), ==, 8 * HOUR);
  /* Whole years: 9 h a working day less an hour per short day (norms of 40 h + 1 h a day) */
  g_assert_cmpint (hd_terms_working_seconds (t, at (2024, 1, 1, 0, 0), at (2025, 1, 1, 0, 0)), ==, (1979 + 248) * HOUR);
  g_assert_cmpint (hd_terms_working_seconds (t, at (2025, 1, 1, 0, 0), at (2026, 1, 1, 0, 0)), ==, (1972 + 247) * HOUR);
  g_assert_cmpint (hd_terms_working_seconds (t, at (2026, 1, 1, 0, 0), at (2027, 1, 1, 0, 0)), ==, (1972 + 247) * HOUR);
  g_assert_cmpint (hd_terms_working_seconds (t, at (2027, 1, 1, 0, 0), at (2028, 1, 1, 0, 0)), ==, (1972 + 247) * HOUR);
  /* Outside the cached years the same arithmetic goes day by day */
  {
    gint64 a = hd_terms_working_seconds (t, at (2070, 3, 2, 12, 0), at (2070, 3, 9, 12, 0));
    /* Sun 2 → Sun 9 Mar 2070: Mon–Thu 9 h each, Fri 7 Mar 8 h (before the Saturday holiday) */
    g_assert_cmpint (a, ==, 4 * 9 * HOUR + 8 * HOUR);
    /* 8 Mar 2070 (Saturday) gives its day off to Monday 10 Mar */
    g_assert_cmpint (hd_terms_working_seconds (t, at (2070, 3, 10, 0, 0), at (2070, 3, 11, 0, 0)), ==, 0);
  }
}

static void
test_working_seconds_random (void)
{
  g_autoptr(HdWorkdays) wd = new_workdays ();
  g_autoptr(HdTerms) t = new_terms (wd);
  GRand *rand = g_rand_new_with_seed (20261125);
  gint64 lo = at (2024, 1, 1, 0, 0), hi = at (2027, 12, 10, 0, 0);   /* + 14 days stays in 2027 */

  for (int i = 0; i < 300; i++)
    {
      gint64 from = lo + 60 * (gint64) g_rand_double_range (rand, 0, (hi - lo) / 60);
      gint64 to = from + 60 * (gint64) g_rand_int_range (rand, 0, 14 * 24 * 60);
      gint64 want = reference_minutes (from, to) * 60;
      gint64 got = hd_terms_working_seconds (t, from, to);
      gint64 back;

      if (got != want)
        g_error ("working seconds from %" G_GINT64_FORMAT " to %" G_GINT64_FORMAT ": %"
                 G_GINT64_FORMAT ", want %" G_GINT64_FORMAT, from, to, got, want);

      /* Adding the working time back lands on the first instant with that much work done */
      back = hd_terms_add_working_seconds (t, from, got);
      g_assert_cmpint (hd_terms_working_seconds (t, from, back), ==, got);
      g_assert_cmpint (back, <=, MAX (to, from));
    }
  g_rand_free (rand);
}

static void
test_add_working_seconds (void)
{
  g_autoptr(HdWorkdays) wd = new_workdays ();
  g_autoptr(HdTerms) t = new_terms (wd);

  /* A full day from the morning ends the same evening, not the next morning */
  g_assert_cmpint (hd_terms_add_working_seconds (t, at (2026, 11, 20, 8, 0), 9 * HOUR), ==, at (2026, 11, 20, 17, 0));
  /* From Friday 16:30, 9 h: 0.5 h Friday, 8.5 h Monday */
  g_assert_cmpint (hd_terms_add_working_seconds (t, at (2026, 11, 20, 16, 30), 9 * HOUR), ==, at (2026, 11, 23, 16, 30));
  /* Over the holiday: Tue 3 Nov 2026 15:00 + 2 h → 1 h on the short Tuesday, 1 h on Thursday */
  g_assert_cmpint (hd_terms_add_working_seconds (t, at (2026, 11, 3, 15, 0), 2 * HOUR), ==, at (2026, 11, 5, 9, 0));
  /* From the night, 1 second */
  g_assert_cmpint (hd_terms_add_working_seconds (t, at (2026, 11, 22, 23, 0), 1), ==, at (2026, 11, 23, 8, 0) + 1);
  g_assert_cmpint (hd_terms_add_working_seconds (t, at (2026, 11, 22, 23, 0), 0), ==, at (2026, 11, 22, 23, 0));
  /* 27 h over New Year 2026: 30 Dec 2025 15:00 → 2 h on the 30th, 25 h from Mon 12 Jan */
  g_assert_cmpint (hd_terms_add_working_seconds (t, at (2025, 12, 30, 15, 0), 27 * HOUR), ==, at (2026, 1, 14, 15, 0));

  /* Day windows */
  {
    GDate d;
    gint64 s, e;

    g_date_clear (&d, 1);
    g_date_set_dmy (&d, 3, 11, 2026);
    g_assert_true (hd_terms_get_day_window (t, &d, &s, &e));
    g_assert_cmpint (s, ==, at (2026, 11, 3, 8, 0));
    g_assert_cmpint (e, ==, at (2026, 11, 3, 16, 0));
    g_date_set_dmy (&d, 4, 11, 2026);
    g_assert_false (hd_terms_get_day_window (t, &d, &s, &e));
  }
}

static void
test_override_invalidates (void)
{
  g_autoptr(HdWorkdays) wd = new_workdays ();
  g_autoptr(HdTerms) t = new_terms (wd);
  GDate quarantine;
  gint64 a = at (2026, 11, 16, 0, 0), b = at (2026, 11, 23, 0, 0);

  g_assert_cmpint (hd_terms_working_seconds (t, a, b), ==, 45 * HOUR);
  g_date_clear (&quarantine, 1);
  g_date_set_dmy (&quarantine, 18, 11, 2026);
  hd_workdays_set_override (wd, &quarantine, FALSE, "Карантин");
  g_assert_cmpint (hd_terms_working_seconds (t, a, b), ==, 36 * HOUR);
  hd_workdays_clear_overrides (wd);
  g_assert_cmpint (hd_terms_working_seconds (t, a, b), ==, 45 * HOUR);
}

static void
test_clock_basic (void)
{
  g_autoptr(HdWorkdays) wd = new_workdays ();
  g_autoptr(HdTerms) t = new_terms (wd);
  HdRequestClock c;
  HdStatusChange ch[] = {
    { at (2026, 11, 23, 9, 0), HD_STATUS_NEW, HD_STATUS_IN_PROGRESS },
  };

  /* Received Friday 16:30, answered Monday 09:00: 1.5 working hours */
  hd_terms_compute_clock (t, at (2026, 11, 20, 16, 30), HD_NO_TIME, ch, G_N_ELEMENTS (ch),
                          at (2026, 11, 23, 9, 0), &c);
  g_assert_cmpint (c.first_response_at, ==, at (2026, 11, 23, 9, 0));
  g_assert_cmpint (c.first_response_clock, ==, 90 * 60);
  g_assert_cmpint (c.clock_seconds, ==, 90 * 60);
  g_assert_cmpint (c.first_response_overdue, ==, 0);
  g_assert_cmpint (c.first_response_due, ==, at (2026, 11, 23, 16, 30));
  /* 27 h from Fri 16:30: 0.5 + 9 (Mon) + 9 (Tue) + 8.5 (Wed) → Wed 16:30 */
  g_assert_cmpint (c.resolution_due, ==, at (2026, 11, 25, 16, 30));
  g_assert_true (c.running);
  g_assert_cmpint (c.status, ==, HD_STATUS_IN_PROGRESS);
  g_assert_cmpint (c.closed_at, ==, HD_NO_TIME);

  /* No answer yet on Tuesday 12:00: 0.5 + 9 + 4 = 13.5 h, 4.5 h overdue */
  hd_terms_compute_clock (t, at (2026, 11, 20, 16, 30), HD_NO_TIME, NULL, 0,
                          at (2026, 11, 24, 12, 0), &c);
  g_assert_cmpint (c.first_response_at, ==, HD_NO_TIME);
  g_assert_cmpint (c.first_response_clock, ==, 13 * HOUR + 30 * 60);
  g_assert_cmpint (c.first_response_overdue, ==, 4 * HOUR + 30 * 60);
  g_assert_cmpint (c.resolution_overdue, ==, 0);
  g_assert_cmpint (c.status, ==, HD_STATUS_NEW);

  /* The request's own first_response_at wins over the first change of status */
  hd_terms_compute_clock (t, at (2026, 11, 20, 16, 30), at (2026, 11, 20, 16, 45), ch,
                          G_N_ELEMENTS (ch), at (2026, 11, 24, 12, 0), &c);
  g_assert_cmpint (c.first_response_clock, ==, 15 * 60);
}

static void
test_clock_pauses (void)
{
  g_autoptr(HdWorkdays) wd = new_workdays ();
  g_autoptr(HdTerms) t = new_terms (wd);
  HdRequestClock c;
  /* Week of Mon 16 Nov 2026 */
  HdStatusChange ch[] = {
    { at (2026, 11, 16, 10, 0), HD_STATUS_NEW, HD_STATUS_IN_PROGRESS },
    { at (2026, 11, 16, 11, 0), HD_STATUS_IN_PROGRESS, HD_STATUS_WAITING_INFO },
    { at (2026, 11, 18, 11, 0), HD_STATUS_WAITING_INFO, HD_STATUS_IN_PROGRESS },
    { at (2026, 11, 18, 12, 0), HD_STATUS_IN_PROGRESS, HD_STATUS_ESCALATED },
    { at (2026, 11, 20, 12, 0), HD_STATUS_ESCALATED, HD_STATUS_IN_PROGRESS },
    { at (2026, 11, 20, 14, 0), HD_STATUS_IN_PROGRESS, HD_STATUS_RESOLVED },
  };

  hd_terms_compute_clock (t, at (2026, 11, 16, 9, 0), HD_NO_TIME, ch, G_N_ELEMENTS (ch),
                          at (2026, 11, 30, 12, 0), &c);
  /* Running: Mon 9–11 (2 h), Wed 11–12 (1 h), Fri 12–14 (2 h) */
  g_assert_cmpint (c.clock_seconds, ==, 5 * HOUR);
  /* Waiting: Mon 11–17 (6 h), Tue (9 h), Wed 8–11 (3 h) */
  g_assert_cmpint (c.waiting_seconds, ==, 18 * HOUR);
  /* Vendor: Wed 12–17 (5 h), Thu (9 h), Fri 8–12 (4 h) */
  g_assert_cmpint (c.vendor_seconds, ==, 18 * HOUR);
  g_assert_cmpint (c.first_response_at, ==, at (2026, 11, 16, 10, 0));
  g_assert_cmpint (c.first_response_clock, ==, 1 * HOUR);
  g_assert_cmpint (c.closed_at, ==, at (2026, 11, 20, 14, 0));
  g_assert_cmpint (c.status, ==, HD_STATUS_RESOLVED);
  g_assert_false (c.running);
  g_assert_cmpint (c.resolution_overdue, ==, 0);
  /* The resolution term, projected from the closing: 22 h left → Fri 14–17 (3), Mon, Tue (18), Wed 8–9 */
  g_assert_cmpint (c.resolution_due, ==, at (2026, 11, 25, 9, 0));

  /* In the middle of the vendor's turn (Thursday 10:00) the clock is paused */
  hd_terms_compute_clock (t, at (2026, 11, 16, 9, 0), HD_NO_TIME, ch, G_N_ELEMENTS (ch),
                          at (2026, 11, 19, 10, 0), &c);
  g_assert_false (c.running);
  g_assert_cmpint (c.status, ==, HD_STATUS_ESCALATED);
  g_assert_cmpint (c.clock_seconds, ==, 3 * HOUR);
  g_assert_cmpint (c.vendor_seconds, ==, 7 * HOUR);
  g_assert_cmpint (c.closed_at, ==, HD_NO_TIME);
  /* 24 h left, projected from now: Thu 10–17 (7), Fri (9), Mon 8–16 (8) */
  g_assert_cmpint (c.resolution_due, ==, at (2026, 11, 23, 16, 0));

  /* Reopened after resolution: the clock runs again */
  {
    HdStatusChange more[G_N_ELEMENTS (ch) + 1];

    memcpy (more, ch, sizeof ch);
    more[G_N_ELEMENTS (ch)] = (HdStatusChange) { at (2026, 11, 23, 8, 0), HD_STATUS_RESOLVED, HD_STATUS_IN_PROGRESS };
    hd_terms_compute_clock (t, at (2026, 11, 16, 9, 0), HD_NO_TIME, more, G_N_ELEMENTS (more),
                            at (2026, 11, 23, 10, 0), &c);
    g_assert_cmpint (c.clock_seconds, ==, 7 * HOUR);
    g_assert_true (c.running);
    g_assert_cmpint (c.closed_at, ==, HD_NO_TIME);
  }
}

static void
test_clock_overdue (void)
{
  g_autoptr(HdWorkdays) wd = new_workdays ();
  g_autoptr(HdTerms) t = new_terms (wd);
  HdRequestClock c;
  HdStatusChange ch[] = {
    { at (2026, 11, 16, 9, 0), HD_STATUS_NEW, HD_STATUS_IN_PROGRESS },
  };

  /* Received Mon 08:00, still in progress on Fri 12:00: 4 × 9 + 4 = 40 h, 13 h over 27 h */
  hd_terms_compute_clock (t, at (2026, 11, 16, 8, 0), HD_NO_TIME, ch, G_N_ELEMENTS (ch),
                          at (2026, 11, 20, 12, 0), &c);
  g_assert_cmpint (c.clock_seconds, ==, 40 * HOUR);
  g_assert_cmpint (c.resolution_overdue, ==, 13 * HOUR);
  g_assert_cmpint (c.resolution_due, ==, at (2026, 11, 18, 17, 0));
  g_assert_cmpint (c.first_response_overdue, ==, 0);
  g_assert_cmpint (c.first_response_due, ==, at (2026, 11, 16, 17, 0));

  /* Received on the short pre-holiday day: Tue 3 Nov 2026 15:00, resolved Mon 9 Nov 10:00:
   * 1 h (Tue, ends 16:00) + 0 (holiday) + 9 (Thu) + 9 (Fri) + 2 (Mon) = 21 h, within 27 h */
  {
    HdStatusChange r[] = {
      { at (2026, 11, 3, 15, 30), HD_STATUS_NEW, HD_STATUS_IN_PROGRESS },
      { at (2026, 11, 9, 10, 0), HD_STATUS_IN_PROGRESS, HD_STATUS_RESOLVED },
    };

    hd_terms_compute_clock (t, at (2026, 11, 3, 15, 0), HD_NO_TIME, r, G_N_ELEMENTS (r),
                            at (2026, 11, 30, 10, 0), &c);
    g_assert_cmpint (c.clock_seconds, ==, 21 * HOUR);
    g_assert_cmpint (c.resolution_overdue, ==, 0);
    g_assert_cmpint (c.first_response_clock, ==, 30 * 60);
    /* 27 h: 21 h by the closing on Mon 10:00, the 6 h left projected from there → Mon 16:00 */
    g_assert_cmpint (c.resolution_due, ==, at (2026, 11, 9, 16, 0));
  }

  /* Changes after "now" are ignored; "now" before reception counts nothing */
  hd_terms_compute_clock (t, at (2026, 11, 16, 8, 0), HD_NO_TIME, ch, G_N_ELEMENTS (ch),
                          at (2026, 11, 16, 8, 30), &c);
  g_assert_cmpint (c.clock_seconds, ==, 30 * 60);
  g_assert_cmpint (c.status, ==, HD_STATUS_NEW);
  g_assert_cmpint (c.first_response_at, ==, HD_NO_TIME);
  hd_terms_compute_clock (t, at (2026, 11, 16, 8, 0), HD_NO_TIME, ch, G_N_ELEMENTS (ch),
                          at (2026, 11, 15, 8, 0), &c);
  g_assert_cmpint (c.clock_seconds, ==, 0);
}

static void
test_clock_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HdDatabase) db = NULL;
  g_autoptr(HdWorkdays) wd = new_workdays ();
  g_autoptr(HdTerms) t = new_terms (wd);
  g_autofree char *path = NULL;
  g_autofree char *sql = NULL;
  HdRequestClock c;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  path = g_build_filename (g_get_user_data_dir (), "clock.db", NULL);
  db = hd_database_open (path, &error);
  g_assert_no_error (error);

  sql = g_strdup_printf (
    "INSERT INTO people (id, full_name, kind, created_at, updated_at) VALUES (1, 'Иванова А. П.', 'parent', 0, 0);"
    "INSERT INTO requests (id, received_at, requester_id, requester_kind, channel, topic, summary,"
    "  status, vendor_ticket, created_at, updated_at)"
    "  VALUES (7, %" G_GINT64_FORMAT ", 1, 'parent', 'phone', 'access', 'Нет входа', 'escalated', 'DR-1', 0, 0);"
    "INSERT INTO request_events (request_id, at, field, old_value, new_value) VALUES"
    "  (7, %" G_GINT64_FORMAT ", 'status', 'new', 'in_progress'),"
    "  (7, %" G_GINT64_FORMAT ", 'summary', 'x', 'Нет входа'),"
    "  (7, %" G_GINT64_FORMAT ", 'status', 'in_progress', 'escalated');"
    /* An imported request, closed, with no events at all */
    "INSERT INTO requests (id, received_at, requester_id, requester_kind, channel, topic, summary,"
    "  status, resolution, first_response_at, resolved_at, created_at, updated_at)"
    "  VALUES (8, %" G_GINT64_FORMAT ", 1, 'parent', 'phone', 'access', 'Пароль', 'resolved', 'Сброшен',"
    "  %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 0, 0);",
    at (2026, 11, 16, 9, 0),
    at (2026, 11, 16, 10, 0), at (2026, 11, 16, 10, 30), at (2026, 11, 16, 12, 0),
    at (2026, 11, 16, 9, 0), at (2026, 11, 16, 9, 30), at (2026, 11, 17, 9, 0));
  g_assert_true (hd_database_exec (db, sql, &error));
  g_assert_no_error (error);

  g_assert_true (hd_terms_load_clock (t, db, 7, at (2026, 11, 17, 12, 0), &c, &error));
  g_assert_no_error (error);
  g_assert_cmpint (c.clock_seconds, ==, 3 * HOUR);
  g_assert_cmpint (c.vendor_seconds, ==, 5 * HOUR + 4 * HOUR);
  g_assert_cmpint (c.first_response_clock, ==, 1 * HOUR);
  g_assert_cmpint (c.status, ==, HD_STATUS_ESCALATED);
  g_assert_false (c.running);

  g_assert_true (hd_terms_load_clock (t, db, 8, at (2026, 11, 30, 12, 0), &c, &error));
  g_assert_no_error (error);
  g_assert_cmpint (c.status, ==, HD_STATUS_RESOLVED);
  g_assert_cmpint (c.closed_at, ==, at (2026, 11, 17, 9, 0));
  g_assert_cmpint (c.clock_seconds, ==, 9 * HOUR);
  g_assert_cmpint (c.first_response_clock, ==, 30 * 60);

  g_assert_false (hd_terms_load_clock (t, db, 999, 0, &c, &error));
  g_assert_error (error, HD_ERROR, HD_ERROR_NOT_FOUND);
}

typedef struct {
  HdTerms *terms;
  gint64   a, b;
  gint     stop;
  guint    bad;
} ThreadData;

static gpointer
reader_thread (gpointer user_data)
{
  ThreadData *td = user_data;

  while (!g_atomic_int_get (&td->stop))
    {
      gint64 ws = hd_terms_working_seconds (td->terms, td->a, td->b);
      if (ws != 45 * HOUR && ws != 36 * HOUR)
        g_atomic_int_inc (&td->bad);
    }
  return NULL;
}

/* Workers read while the main thread changes the overrides */
static void
test_threads (void)
{
  g_autoptr(HdWorkdays) wd = new_workdays ();
  g_autoptr(HdTerms) t = new_terms (wd);
  ThreadData td = { t, at (2026, 11, 16, 0, 0), at (2026, 11, 23, 0, 0), 0, 0 };
  GThread *threads[2];
  GDate quarantine;

  g_date_clear (&quarantine, 1);
  g_date_set_dmy (&quarantine, 18, 11, 2026);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("reader", reader_thread, &td);
  for (int i = 0; i < 40; i++)
    {
      if (i % 2 == 0)
        hd_workdays_set_override (wd, &quarantine, FALSE, NULL);
      else
        hd_workdays_clear_overrides (wd);
      g_usleep (200);
    }
  g_atomic_int_set (&td.stop, 1);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
  g_assert_cmpuint (td.bad, ==, 0);
}

static void
test_speed (void)
{
  g_autoptr(HdWorkdays) wd = new_workdays ();
  g_autoptr(HdTerms) t = new_terms (wd);
  gint64 base = at (2025, 9, 1, 8, 0);
  gint64 sum = 0;
  gint64 started;
  double elapsed;

  hd_terms_working_seconds (t, base, base + 1);   /* builds the running totals */
  started = g_get_monotonic_time ();
  for (int i = 0; i < 1000000; i++)
    sum += hd_terms_working_seconds (t, base + (gint64) i * 37, base + (gint64) i * 37 + 5 * 86400);
  elapsed = (g_get_monotonic_time () - started) / 1e6;
  g_test_message ("1 000 000 calls of hd_terms_working_seconds: %.3f s", elapsed);
  g_assert_cmpint (sum, >, 0);
  g_assert_cmpfloat (elapsed, <, 5.0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  yakutsk = g_time_zone_new_identifier ("Asia/Yakutsk");
  g_assert_nonnull (yakutsk);
  reference_load ();

  g_test_add_func ("/terms/settings", test_settings);
  g_test_add_func ("/terms/working-seconds", test_working_seconds);
  g_test_add_func ("/terms/working-seconds-random", test_working_seconds_random);
  g_test_add_func ("/terms/add-working-seconds", test_add_working_seconds);
  g_test_add_func ("/terms/override-invalidates", test_override_invalidates);
  g_test_add_func ("/terms/clock-basic", test_clock_basic);
  g_test_add_func ("/terms/clock-pauses", test_clock_pauses);
  g_test_add_func ("/terms/clock-overdue", test_clock_overdue);
  g_test_add_func ("/terms/clock-database", test_clock_database);
  g_test_add_func ("/terms/threads", test_threads);
  g_test_add_func ("/terms/speed", test_speed);

  return g_test_run ();
}
