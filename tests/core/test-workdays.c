/* test-workdays.c — the production calendar, due dates, local overrides, the fallback years
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
#include "hd-workdays.h"

/* ---------------------------------------------------------------------------------------- */
/* An independent reference: the test reads the TSV rows itself and walks days by hand.     */

typedef struct {
  GHashTable *off;        /* "YYYY-MM-DD" of holidays and transferred days off */
  GHashTable *on;         /* "YYYY-MM-DD" of working weekend days */
  GHashTable *short_days; /* "YYYY-MM-DD" of short days */
} Reference;

static Reference ref;

static char *
tsv_path (void)
{
  const char *dir = g_getenv ("HD_WORKDAYS_DIR");

  g_assert_nonnull (dir);
  return g_build_filename (dir, "ru-production-calendar.tsv", NULL);
}

static void
reference_load (void)
{
  g_autofree char *path = tsv_path ();
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  ref.off = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ref.on = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ref.short_days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], "\t", 3);

      if (g_strv_length (f) < 2)
        continue;
      if (g_str_equal (f[1], "holiday") || g_str_equal (f[1], "dayoff-transfer"))
        g_hash_table_add (ref.off, g_strdup (f[0]));
      else if (g_str_equal (f[1], "workday-transfer"))
        g_hash_table_add (ref.on, g_strdup (f[0]));
      else if (g_str_equal (f[1], "short-day"))
        g_hash_table_add (ref.short_days, g_strdup (f[0]));
      else
        g_assert_not_reached ();
    }

  /* 2023 and 2028 are outside the file: their January holidays by art. 112, nothing else
   * matters for the periods tested. */
  for (int d = 1; d <= 8; d++)
    {
      g_hash_table_add (ref.off, g_strdup_printf ("2023-01-%02d", d));
      g_hash_table_add (ref.off, g_strdup_printf ("2028-01-%02d", d));
    }
}

static gboolean
reference_working (const GDate *day)
{
  g_autofree char *iso = hd_date_to_iso (day);
  GDateWeekday wd = g_date_get_weekday (day);

  if (g_hash_table_contains (ref.on, iso))
    return TRUE;
  if (g_hash_table_contains (ref.off, iso))
    return FALSE;
  return wd != G_DATE_SATURDAY && wd != G_DATE_SUNDAY;
}

static void
reference_due (const GDate *start,
               int          n,
               GDate       *out)
{
  GDate day = *start;

  while (n > 0)
    {
      g_date_add_days (&day, 1);
      if (reference_working (&day))
        n--;
    }
  *out = day;
}

/* ---------------------------------------------------------------------------------------- */

static GDate
mkdate (const char *iso)
{
  GDate d;

  if (!hd_date_parse_iso (iso, &d))
    g_error ("bad date in test: %s", iso);
  return d;
}

static HdWorkdays *
new_workdays (void)
{
  g_autoptr(GError) error = NULL;
  HdWorkdays *wd = hd_workdays_new (&error);

  g_assert_no_error (error);
  g_assert_nonnull (wd);
  return wd;
}

static gboolean
is_working (HdWorkdays *wd,
            const char *iso)
{
  GDate d = mkdate (iso);
  return hd_workdays_is_working_day (wd, &d);
}

static gboolean
is_short (HdWorkdays *wd,
          const char *iso)
{
  GDate d = mkdate (iso);
  return hd_workdays_is_short_day (wd, &d);
}

static char *
due (HdWorkdays *wd,
     const char *start,
     int         n)
{
  GDate s = mkdate (start), out;

  hd_workdays_due_date (wd, &s, n, &out, NULL, NULL);
  return hd_date_to_iso (&out);
}

static int
year_working_days (HdWorkdays *wd,
                   int         year)
{
  GDate a, b;

  g_date_clear (&a, 1);
  g_date_clear (&b, 1);
  g_date_set_dmy (&a, 31, 12, year - 1);
  g_date_set_dmy (&b, 31, 12, year);
  return hd_workdays_between (wd, &a, &b);
}

/* ---------------------------------------------------------------------------------------- */

static void
test_totals (void)
{
  g_autoptr(HdWorkdays) wd = new_workdays ();
  /* Working days by month, from ru-calendar.md (KonsultantPlus), Jan→Dec */
  static const int months[4][12] = {
    { 17, 20, 20, 21, 20, 19, 23, 22, 21, 23, 21, 21 },
    { 17, 20, 21, 22, 18, 19, 23, 21, 22, 23, 19, 22 },
    { 15, 19, 21, 22, 19, 21, 23, 21, 22, 22, 20, 22 },
    { 15, 19, 22, 22, 19, 21, 22, 22, 22, 21, 20, 22 },
  };

  g_assert_cmpint (year_working_days (wd, 2024), ==, 248);
  g_assert_cmpint (year_working_days (wd, 2025), ==, 247);
  g_assert_cmpint (year_working_days (wd, 2026), ==, 247);
  g_assert_cmpint (year_working_days (wd, 2027), ==, 247);

  for (int y = 0; y < 4; y++)
    for (int m = 1; m <= 12; m++)
      {
        GDate a, b;

        g_date_clear (&a, 1);
        g_date_clear (&b, 1);
        g_date_set_dmy (&a, 1, m, 2024 + y);
        g_date_subtract_days (&a, 1);
        g_date_set_dmy (&b, g_date_get_days_in_month (m, 2024 + y), m, 2024 + y);
        g_assert_cmpint (hd_workdays_between (wd, &a, &b), ==, months[y][m - 1]);
      }

  /* Between is antisymmetric */
  {
    GDate a = mkdate ("2026-12-31"), b = mkdate ("2025-12-31");
    g_assert_cmpint (hd_workdays_between (wd, &a, &b), ==, -247);
    g_assert_cmpint (hd_workdays_between (wd, &a, &a), ==, 0);
  }
}

static void
test_known_years (void)
{
  g_autoptr(HdWorkdays) wd = new_workdays ();
  int first, last;

  hd_workdays_get_known_years (wd, &first, &last);
  g_assert_cmpint (first, ==, 2024);
  g_assert_cmpint (last, ==, 2027);
  g_assert_false (hd_workdays_is_year_known (wd, 2023));
  for (int y = 2024; y <= 2027; y++)
    g_assert_true (hd_workdays_is_year_known (wd, y));
  g_assert_false (hd_workdays_is_year_known (wd, 2028));
  g_assert_false (hd_workdays_is_year_known (wd, 2029));
}

static void
test_new_year (void)
{
  g_autoptr(HdWorkdays) wd = new_workdays ();
  static const char * const off[] = {
    "2024-01-01", "2024-01-05", "2024-01-06", "2024-01-07", "2024-01-08",
    "2024-12-29", "2024-12-30", "2024-12-31",
    "2025-01-01", "2025-01-03", "2025-01-08",
    "2025-12-31", "2026-01-01", "2026-01-08", "2026-01-09", "2026-01-10", "2026-01-11",
    "2026-12-31", "2027-01-01", "2027-01-08", "2027-01-09", "2027-01-10",
    "2027-12-31",
  };
  static const char * const on[] = {
    "2023-12-29", "2024-01-09", "2024-12-27", "2024-12-28", "2025-01-09", "2025-12-30",
    "2026-01-12", "2026-12-30", "2027-01-11", "2027-12-30",
  };

  for (guint i = 0; i < G_N_ELEMENTS (off); i++)
    g_assert_false (is_working (wd, off[i]));
  for (guint i = 0; i < G_N_ELEMENTS (on); i++)
    g_assert_true (is_working (wd, on[i]));
}

static void
test_may (void)
{
  g_autoptr(HdWorkdays) wd = new_workdays ();
  /* Rest periods of ru-calendar.md, and the working days around them */
  static const char * const off[] = {
    "2024-04-28", "2024-04-29", "2024-04-30", "2024-05-01", "2024-05-09", "2024-05-10",
    "2024-05-11", "2024-05-12",
    "2025-05-01", "2025-05-02", "2025-05-03", "2025-05-04", "2025-05-08", "2025-05-09",
    "2025-05-10", "2025-05-11",
    "2026-05-01", "2026-05-02", "2026-05-03", "2026-05-09", "2026-05-10", "2026-05-11",
    "2027-05-01", "2027-05-02", "2027-05-03", "2027-05-08", "2027-05-09", "2027-05-10",
  };
  static const char * const on[] = {
    "2024-04-27", "2024-05-02", "2024-05-03", "2024-05-08", "2024-05-13",
    "2025-04-30", "2025-05-05", "2025-05-07", "2025-05-12",
    "2026-04-30", "2026-05-04", "2026-05-08", "2026-05-12",
    "2027-04-30", "2027-05-04", "2027-05-07", "2027-05-11",
  };

  for (guint i = 0; i < G_N_ELEMENTS (off); i++)
    g_assert_false (is_working (wd, off[i]));
  for (guint i = 0; i < G_N_ELEMENTS (on); i++)
    g_assert_true (is_working (wd, on[i]));
}

static void
test_transfers (void)
{
  g_autoptr(HdWorkdays) wd = new_workdays ();
  /* Every day off moved onto a weekday, from the decrees and art. 112 part 2 */
  static const char * const dayoff[] = {
    "2024-04-29", "2024-04-30", "2024-05-10", "2024-12-30", "2024-12-31",
    "2025-05-02", "2025-05-08", "2025-06-13", "2025-11-03", "2025-12-31",
    "2026-01-09", "2026-03-09", "2026-05-11", "2026-12-31",
    "2027-02-22", "2027-05-03", "2027-05-10", "2027-06-14", "2027-11-05", "2027-12-31",
  };
  static const char * const saturdays[] = {
    "2024-04-27", "2024-11-02", "2024-12-28", "2025-11-01", "2027-02-20",
  };

  for (guint i = 0; i < G_N_ELEMENTS (dayoff); i++)
    {
      GDate d = mkdate (dayoff[i]);
      g_autofree char *what = hd_workdays_describe_day (wd, &d);

      g_assert_false (is_working (wd, dayoff[i]));
      g_assert_cmpint (hd_workdays_get_day_kind (wd, &d), ==, HD_DAY_DAYOFF_TRANSFER);
      g_assert_cmpstr (what, ==, "Transferred day off");
    }
  for (guint i = 0; i < G_N_ELEMENTS (saturdays); i++)
    {
      GDate d = mkdate (saturdays[i]);
      g_autofree char *what = hd_workdays_describe_day (wd, &d);

      g_assert_cmpint (g_date_get_weekday (&d), ==, G_DATE_SATURDAY);
      g_assert_true (is_working (wd, saturdays[i]));
      g_assert_cmpint (hd_workdays_get_day_kind (wd, &d), ==, HD_DAY_WORKING_SATURDAY);
      g_assert_true (g_str_has_prefix (what, "Working Saturday"));
    }

  /* The only working weekend days of 2024–2027 are those five */
  {
    GDate d = mkdate ("2024-01-01");
    int n = 0;

    for (; g_date_get_year (&d) <= 2027; g_date_add_days (&d, 1))
      if (g_date_get_weekday (&d) >= G_DATE_SATURDAY && hd_workdays_is_working_day (wd, &d))
        n++;
    g_assert_cmpint (n, ==, G_N_ELEMENTS (saturdays));
  }

  /* 2025: the decree gave the days off of 23 Feb and 8 Mar to 8 May and 13 June */
  g_assert_true (is_working (wd, "2025-02-24"));
  g_assert_true (is_working (wd, "2025-03-10"));
  g_assert_false (is_working (wd, "2025-02-23"));
  g_assert_false (is_working (wd, "2025-03-08"));

  /* Every row of the data file agrees with the loaded calendar */
  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, ref.off);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      if (g_str_has_prefix (key, "2024") || g_str_has_prefix (key, "2025") ||
          g_str_has_prefix (key, "2026") || g_str_has_prefix (key, "2027"))
        g_assert_false (is_working (wd, key));
    g_hash_table_iter_init (&iter, ref.on);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      g_assert_true (is_working (wd, key));
  }
}

static void
test_short_days (void)
{
  g_autoptr(HdWorkdays) wd = new_workdays ();
  static const char * const short_days[] = {
    "2024-02-22", "2024-03-07", "2024-05-08", "2024-06-11", "2024-11-02",
    "2025-03-07", "2025-04-30", "2025-06-11", "2025-11-01",
    "2026-04-30", "2026-05-08", "2026-06-11", "2026-11-03",
    "2027-02-20", "2027-04-30", "2027-06-11", "2027-11-03",
  };
  static const char * const full_days[] = {
    "2024-04-27", "2024-12-28", "2025-02-21", "2026-02-20", "2026-03-06", "2025-05-07",
    "2025-12-30", "2026-12-30", "2024-04-26",
  };
  GDate d;
  int n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (short_days); i++)
    g_assert_true (is_short (wd, short_days[i]));
  for (guint i = 0; i < G_N_ELEMENTS (full_days); i++)
    g_assert_false (is_short (wd, full_days[i]));

  d = mkdate ("2024-01-01");
  for (; g_date_get_year (&d) <= 2027; g_date_add_days (&d, 1))
    if (hd_workdays_is_short_day (wd, &d))
      n++;
  g_assert_cmpint (n, ==, G_N_ELEMENTS (short_days));

  {
    GDate s = mkdate ("2026-11-03");
    g_autofree char *what = hd_workdays_describe_day (wd, &s);
    g_assert_cmpstr (what, ==, "Pre-holiday day, one hour shorter");
  }
}

static void
test_describe (void)
{
  g_autoptr(HdWorkdays) wd = new_workdays ();
  static const struct { const char *day; const char *what; } cases[] = {
    { "2026-01-01", "New Year holidays" },
    { "2026-01-07", "Orthodox Christmas" },
    { "2025-02-23", "Defender of the Fatherland Day" },   /* on a Sunday */
    { "2026-03-08", "International Women's Day" },
    { "2027-05-01", "Spring and Labour Day" },
    { "2024-05-09", "Victory Day" },
    { "2025-06-12", "Russia Day" },
    { "2026-11-04", "National Unity Day" },
    { "2024-11-02", "Working Saturday, one hour shorter" },
    { "2024-04-27", "Working Saturday" },
    { "2026-11-05", NULL },
    { "2026-11-07", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate d = mkdate (cases[i].day);
      g_autofree char *what = hd_workdays_describe_day (wd, &d);

      g_assert_cmpstr (what, ==, cases[i].what);
    }
}

static void
test_add (void)
{
  g_autoptr(HdWorkdays) wd = new_workdays ();
  GDate from = mkdate ("2026-11-03"), out;
  g_autofree char *a = NULL, *b = NULL, *c = NULL;

  hd_workdays_add (wd, &from, 0, &out);
  a = hd_date_to_iso (&out);
  g_assert_cmpstr (a, ==, "2026-11-03");
  hd_workdays_add (wd, &from, 1, &out);
  b = hd_date_to_iso (&out);
  g_assert_cmpstr (b, ==, "2026-11-05");
  from = mkdate ("2026-01-12");
  hd_workdays_add (wd, &from, -1, &out);
  c = hd_date_to_iso (&out);
  g_assert_cmpstr (c, ==, "2025-12-30");

  /* add and between are inverse on every start in 2026 */
  from = mkdate ("2026-01-01");
  for (; g_date_get_year (&from) == 2026; g_date_add_days (&from, 1))
    for (int n = 0; n <= 7; n++)
      {
        hd_workdays_add (wd, &from, n, &out);
        g_assert_cmpint (hd_workdays_between (wd, &from, &out), ==, n);
      }
}

/* Due dates counted by hand from the calendar */
static void
test_due_by_hand (void)
{
  g_autoptr(HdWorkdays) wd = new_workdays ();
  static const struct { const char *start; int n; const char *due; } cases[] = {
    { "2026-11-03", 3, "2026-11-09" },   /* Tue; Wed 4 Nov holiday; Thu, Fri, Mon */
    { "2025-02-21", 1, "2025-02-24" },   /* Fri; 23 Feb on a Sunday, no shift in 2025 */
    { "2025-03-07", 1, "2025-03-10" },   /* Fri; 8 Mar on a Saturday, no shift in 2025 */
    { "2026-05-09", 1, "2026-05-12" },   /* a Saturday holiday; Mon 11 May shifted day off */
    { "2025-12-31", 3, "2026-01-14" },   /* a day off; 1–11 Jan off; Mon 12, Tue 13, Wed 14 */
    { "2024-04-26", 1, "2024-04-27" },   /* Fri; the working Saturday counts */
    { "2024-04-26", 3, "2024-05-03" },   /* Sat 27; 28 Apr–1 May off; Thu 2, Fri 3 */
    { "2024-12-27", 3, "2025-01-10" },   /* Fri; Sat 28 Dec works; 29 Dec–8 Jan off; 9, 10 */
    { "2027-02-18", 3, "2027-02-24" },   /* Thu; Fri 19, Sat 20 works; 21–23 off; Wed 24 */
    { "2026-03-06", 1, "2026-03-10" },   /* Fri; 8 Mar Sun → Mon 9 Mar off */
    { "2025-06-11", 3, "2025-06-18" },   /* Wed; 12–15 Jun off; Mon, Tue, Wed */
    { "2027-06-10", 5, "2027-06-18" },   /* Thu; Fri 11; 12–14 off; Tue–Fri */
    { "2027-11-03", 1, "2027-11-08" },   /* Wed; 4–7 Nov off */
    { "2024-05-09", 3, "2024-05-15" },   /* a holiday; 10–12 May off; Mon–Wed */
    { "2026-11-07", 1, "2026-11-09" },   /* a Saturday start counts from Sunday */
    { "2026-11-09", 0, "2026-11-09" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = due (wd, cases[i].start, cases[i].n);
      g_assert_cmpstr (got, ==, cases[i].due);
    }

  /* The counted days and the explanation */
  {
    GDate s = mkdate ("2026-11-03"), out;
    g_autoptr(GPtrArray) counted = NULL;
    g_autofree char *why = NULL;
    g_autofree char *d0 = NULL, *d1 = NULL, *d2 = NULL;

    hd_workdays_due_date (wd, &s, 3, &out, &counted, &why);
    g_assert_cmpuint (counted->len, ==, 3);
    d0 = hd_date_to_iso (g_ptr_array_index (counted, 0));
    d1 = hd_date_to_iso (g_ptr_array_index (counted, 1));
    d2 = hd_date_to_iso (g_ptr_array_index (counted, 2));
    g_assert_cmpstr (d0, ==, "2026-11-05");
    g_assert_cmpstr (d1, ==, "2026-11-06");
    g_assert_cmpstr (d2, ==, "2026-11-09");
    g_assert_cmpstr (why, ==, "Holidays and days off taken into account: 4 November.");
  }
  {
    GDate s = mkdate ("2025-12-30"), out;
    g_autofree char *why = NULL;

    hd_workdays_due_date (wd, &s, 1, &out, NULL, &why);
    g_assert_cmpstr (why, ==, "Holidays and days off taken into account: 31 December – 11 January.");
  }
  {
    GDate s = mkdate ("2024-04-26"), out;
    g_autofree char *why = NULL;

    hd_workdays_due_date (wd, &s, 3, &out, NULL, &why);
    g_assert_cmpstr (why, ==, "Holidays and days off taken into account: 28 April – 1 May. "
                              "Counted as a working day: 27 April.");
  }
  {
    /* Plain weekends are not worth a word */
    GDate s = mkdate ("2026-11-20"), out;
    g_autofree char *why = NULL;

    hd_workdays_due_date (wd, &s, 3, &out, NULL, &why);
    g_assert_null (why);
  }
}

/* Every start day of the holiday periods, against the reference walk */
static void
test_due_periods (void)
{
  g_autoptr(HdWorkdays) wd = new_workdays ();
  static const struct { int m1, d1, m2, d2; } periods[] = {
    { 2, 17, 2, 28 },    /* February */
    { 3, 2, 3, 15 },     /* March */
    { 4, 24, 5, 16 },    /* May */
    { 6, 7, 6, 19 },     /* June */
    { 10, 29, 11, 12 },  /* November */
  };
  guint checked = 0;

  for (int year = 2024; year <= 2028; year++)
    {
      GDate s, e;

      /* New Year: from Christmas of the year before to mid-January */
      g_date_clear (&s, 1);
      g_date_clear (&e, 1);
      g_date_set_dmy (&s, 24, 12, year - 1);
      g_date_set_dmy (&e, 15, 1, year);

      for (guint p = 0; p <= G_N_ELEMENTS (periods); p++)
        {
          if (p > 0)
            {
              if (year == 2028)
                break;
              g_date_set_dmy (&s, periods[p - 1].d1, periods[p - 1].m1, year);
              g_date_set_dmy (&e, periods[p - 1].d2, periods[p - 1].m2, year);
            }

          for (GDate d = s; g_date_compare (&d, &e) <= 0; g_date_add_days (&d, 1))
            for (int n = 1; n <= 5; n += 2)
              {
                GDate got, want;
                g_autoptr(GPtrArray) counted = NULL;

                hd_workdays_due_date (wd, &d, n, &got, &counted, NULL);
                reference_due (&d, n, &want);
                if (g_date_compare (&got, &want) != 0)
                  {
                    g_autofree char *a = hd_date_to_iso (&d);
                    g_autofree char *b = hd_date_to_iso (&got);
                    g_autofree char *c = hd_date_to_iso (&want);
                    g_error ("start %s, %d days: got %s, want %s", a, n, b, c);
                  }
                g_assert_cmpuint (counted->len, ==, n);
                for (guint k = 0; k < counted->len; k++)
                  g_assert_true (reference_working (g_ptr_array_index (counted, k)));
                g_assert_cmpint (g_date_compare (g_ptr_array_index (counted, n - 1), &got), ==, 0);
                checked++;
              }
        }
    }

  g_test_message ("%u due dates checked against the reference", checked);
  g_assert_cmpuint (checked, >, 900);
}

/* And every start day of 2024–2027, for the longer deadlines too */
static void
test_due_every_day (void)
{
  g_autoptr(HdWorkdays) wd = new_workdays ();
  static const int terms[] = { 1, 2, 3, 5, 10 };
  GDate d = mkdate ("2024-01-01");
  GDate last = mkdate ("2027-12-10");   /* + 10 working days stays in 2027 */
  guint checked = 0;

  for (; g_date_compare (&d, &last) <= 0; g_date_add_days (&d, 1), checked++)
    for (guint i = 0; i < G_N_ELEMENTS (terms); i++)
      {
        GDate got, want;

        hd_workdays_due_date (wd, &d, terms[i], &got, NULL, NULL);
        reference_due (&d, terms[i], &want);
        g_assert_cmpint (g_date_compare (&got, &want), ==, 0);
        g_assert_cmpint (hd_workdays_between (wd, &d, &got), ==, terms[i]);
      }
  g_assert_cmpuint (checked, ==, 366 + 365 + 365 + 344);
}

static void
count_cb (guint *counter)
{
  (*counter)++;
}

static void
test_overrides (void)
{
  g_autoptr(HdWorkdays) wd = new_workdays ();
  GDate quarantine = mkdate ("2026-11-05");
  GDate saturday = mkdate ("2026-11-07");
  guint changed = 0;

  g_signal_connect_swapped (wd, "changed", G_CALLBACK (count_cb), &changed);

  {
    g_autofree char *d = due (wd, "2026-11-03", 3);
    g_assert_cmpstr (d, ==, "2026-11-09");
  }

  /* A quarantine day moves the due date by one working day */
  hd_workdays_set_override (wd, &quarantine, FALSE, "Карантин");
  g_assert_cmpuint (changed, ==, 1);
  g_assert_false (hd_workdays_is_working_day (wd, &quarantine));
  g_assert_cmpint (hd_workdays_get_day_kind (wd, &quarantine), ==, HD_DAY_OVERRIDE_OFF);
  {
    g_autofree char *d = due (wd, "2026-11-03", 3);
    g_autofree char *what = hd_workdays_describe_day (wd, &quarantine);
    GDate s = mkdate ("2026-11-03"), out;
    g_autofree char *why = NULL;

    g_assert_cmpstr (d, ==, "2026-11-10");
    g_assert_cmpstr (what, ==, "Карантин");
    hd_workdays_due_date (wd, &s, 3, &out, NULL, &why);
    g_assert_cmpstr (why, ==, "Holidays and days off taken into account: 4–5 November.");
  }

  /* A Saturday made working counts */
  hd_workdays_set_override (wd, &saturday, TRUE, NULL);
  g_assert_true (hd_workdays_is_working_day (wd, &saturday));
  g_assert_false (hd_workdays_is_short_day (wd, &saturday));
  {
    g_autofree char *d = due (wd, "2026-11-03", 3);
    g_autofree char *what = hd_workdays_describe_day (wd, &saturday);

    g_assert_cmpstr (d, ==, "2026-11-09");
    g_assert_cmpstr (what, ==, "Working day by the school’s decision");
  }

  /* A short day made non-working is not short any more */
  {
    GDate s = mkdate ("2026-11-03");
    g_assert_true (hd_workdays_is_short_day (wd, &s));
    hd_workdays_set_override (wd, &s, FALSE, NULL);
    g_assert_false (hd_workdays_is_short_day (wd, &s));
    hd_workdays_remove_override (wd, &s);
    g_assert_true (hd_workdays_is_short_day (wd, &s));
  }

  hd_workdays_clear_overrides (wd);
  g_assert_cmpuint (changed, ==, 5);
  {
    g_autofree char *d = due (wd, "2026-11-03", 3);
    g_assert_cmpstr (d, ==, "2026-11-09");
  }
}

static void
test_overrides_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HdDatabase) db = NULL;
  g_autoptr(HdWorkdays) wd = new_workdays ();
  g_autoptr(GPtrArray) days = NULL;
  g_autofree char *path = NULL;
  g_autofree char *long_note = NULL;
  GDate quarantine = mkdate ("2026-11-05");
  GDate saturday = mkdate ("2026-11-07");
  GDate invalid;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  path = g_build_filename (g_get_user_data_dir (), "workdays.db", NULL);
  db = hd_database_open (path, &error);
  g_assert_no_error (error);

  g_assert_true (hd_calendar_days_save (db, &saturday, TRUE, "  Отработка  ", &error));
  g_assert_no_error (error);
  g_assert_true (hd_calendar_days_save (db, &quarantine, TRUE, "x", &error));
  g_assert_true (hd_calendar_days_save (db, &quarantine, FALSE, "Карантин по гриппу", &error));
  g_assert_no_error (error);

  days = hd_calendar_days_list (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 2);
  {
    HdCalendarDay *a = g_ptr_array_index (days, 0), *b = g_ptr_array_index (days, 1);

    g_assert_cmpint (g_date_compare (&a->day, &quarantine), ==, 0);
    g_assert_false (a->working);
    g_assert_cmpstr (a->note, ==, "Карантин по гриппу");
    g_assert_cmpint (g_date_compare (&b->day, &saturday), ==, 0);
    g_assert_true (b->working);
    g_assert_cmpstr (b->note, ==, "Отработка");
  }

  g_assert_true (hd_workdays_load_overrides (wd, db, &error));
  g_assert_no_error (error);
  {
    g_autofree char *d = due (wd, "2026-11-03", 3);
    g_autofree char *what = hd_workdays_describe_day (wd, &quarantine);

    g_assert_cmpstr (d, ==, "2026-11-09");    /* Fri 6, Sat 7, Mon 9 */
    g_assert_cmpstr (what, ==, "Карантин по гриппу");
  }

  g_assert_true (hd_calendar_days_remove (db, &saturday, &error));
  g_assert_no_error (error);
  g_assert_false (hd_calendar_days_remove (db, &saturday, &error));
  g_assert_error (error, HD_ERROR, HD_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (hd_workdays_load_overrides (wd, db, &error));
  {
    g_autofree char *d = due (wd, "2026-11-03", 3);
    g_assert_cmpstr (d, ==, "2026-11-10");
  }

  /* Validation: nothing is written */
  long_note = g_strnfill (201, 'a');
  g_assert_false (hd_calendar_days_save (db, &saturday, TRUE, long_note, &error));
  g_assert_error (error, HD_ERROR, HD_ERROR_INVALID_FIELD);
  g_assert_cmpstr (hd_error_get_field (error), ==, "note");
  g_clear_error (&error);
  g_assert_false (hd_calendar_days_save (db, &saturday, TRUE, "\xff\xfe", &error));
  g_assert_error (error, HD_ERROR, HD_ERROR_INVALID_FIELD);
  g_clear_error (&error);
  g_date_clear (&invalid, 1);
  g_assert_false (hd_calendar_days_save (db, &invalid, TRUE, NULL, &error));
  g_assert_error (error, HD_ERROR, HD_ERROR_INVALID_FIELD);
  g_assert_cmpstr (hd_error_get_field (error), ==, "day");
  g_clear_error (&error);

  g_clear_pointer (&days, g_ptr_array_unref);
  days = hd_calendar_days_list (db, &error);
  g_assert_cmpuint (days->len, ==, 1);

  /* A row with an impossible date (written by the sqlite3 tool) is skipped, not fatal */
  g_assert_true (hd_database_exec (db, "INSERT INTO calendar_days VALUES ('2026-02-30', 0, '')", &error));
  g_clear_pointer (&days, g_ptr_array_unref);
  days = hd_calendar_days_list (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 1);
}

static void
test_fallback (void)
{
  g_autoptr(HdWorkdays) wd = new_workdays ();
  GDate s, out;
  g_autofree char *why = NULL;
  g_autofree char *iso = NULL;

  g_assert_false (hd_workdays_is_year_known (wd, 2029));

  /* 1 January 2029 is a Monday: 1–8 January off, no decree moves anything */
  for (int d = 1; d <= 8; d++)
    {
      g_autofree char *day = g_strdup_printf ("2029-01-%02d", d);
      g_assert_false (is_working (wd, day));
    }
  g_assert_true (is_working (wd, "2029-01-09"));
  g_assert_true (is_working (wd, "2029-02-22"));
  g_assert_false (is_working (wd, "2029-02-23"));
  g_assert_false (is_working (wd, "2029-03-08"));
  g_assert_false (is_working (wd, "2029-05-01"));
  g_assert_false (is_working (wd, "2029-05-09"));
  g_assert_false (is_working (wd, "2029-06-12"));
  /* 4 November 2029 is a Sunday: the day off moves to Monday 5 November */
  g_assert_false (is_working (wd, "2029-11-04"));
  g_assert_false (is_working (wd, "2029-11-05"));
  g_assert_true (is_working (wd, "2029-11-06"));
  g_assert_true (is_working (wd, "2029-11-02"));
  /* 4 November 2028 is a Saturday: Monday 6 November */
  g_assert_false (is_working (wd, "2028-11-06"));
  g_assert_true (is_working (wd, "2028-11-07"));
  /* The January days off never shift: 2028-01-01 is a Saturday, 10 January works */
  g_assert_true (is_working (wd, "2028-01-10"));

  /* Pre-holiday days */
  g_assert_true (is_short (wd, "2029-02-22"));
  g_assert_true (is_short (wd, "2029-03-07"));
  g_assert_true (is_short (wd, "2029-04-30"));
  g_assert_true (is_short (wd, "2029-05-08"));
  g_assert_true (is_short (wd, "2029-06-11"));
  g_assert_true (is_short (wd, "2029-12-31"));
  g_assert_false (is_short (wd, "2029-11-02"));   /* a weekend lies between */

  /* 365 days − 104 weekend days − 6 January weekdays − 5 weekday holidays − 1 shifted = 249 */
  g_assert_cmpint (year_working_days (wd, 2029), ==, 249);

  s = mkdate ("2029-01-01");
  hd_workdays_due_date (wd, &s, 1, &out, NULL, &why);
  iso = hd_date_to_iso (&out);
  g_assert_cmpstr (iso, ==, "2029-01-09");
  g_assert_cmpstr (why, ==, "Holidays and days off taken into account: 2–8 January. "
                            "The production calendar for 2029 is not known yet: only weekends and "
                            "the public holidays of the Labour Code (art. 112) were taken into account.");

  g_clear_pointer (&why, g_free);
  g_clear_pointer (&iso, g_free);
  s = mkdate ("2028-12-29");
  hd_workdays_due_date (wd, &s, 1, &out, NULL, &why);
  iso = hd_date_to_iso (&out);
  g_assert_cmpstr (iso, ==, "2029-01-09");
  g_assert_nonnull (strstr (why, "30 December – 8 January"));
  g_assert_nonnull (strstr (why, "2028 is not known"));

  /* Counting into an unknown year says so even from a known one */
  g_clear_pointer (&why, g_free);
  s = mkdate ("2027-12-30");
  hd_workdays_due_date (wd, &s, 1, &out, NULL, &why);
  g_assert_nonnull (strstr (why, "2028 is not known"));
  /* Within a known year, nothing to say */
  g_clear_pointer (&why, g_free);
  s = mkdate ("2027-12-28");
  hd_workdays_due_date (wd, &s, 1, &out, NULL, &why);
  g_assert_null (why);

  g_clear_pointer (&why, g_free);
  g_clear_pointer (&iso, g_free);
  s = mkdate ("2029-11-02");
  hd_workdays_due_date (wd, &s, 1, &out, NULL, &why);
  iso = hd_date_to_iso (&out);
  g_assert_cmpstr (iso, ==, "2029-11-06");
  g_assert_nonnull (strstr (why, "3–5 November"));

  {
    GDate d = mkdate ("2029-11-05");
    g_autofree char *what = hd_workdays_describe_day (wd, &d);
    g_assert_cmpstr (what, ==, "Transferred day off");
  }
}

static void
test_bad_files (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL, *path = NULL;
  HdWorkdays *wd;

  wd = hd_workdays_new_from_file ("/nonexistent/calendar.tsv", &error);
  g_assert_null (wd);
  g_assert_error (error, HD_ERROR, HD_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  path = g_build_filename (g_get_user_data_dir (), "bad.tsv", NULL);

  g_assert_true (g_file_set_contents (path, "hello\n", -1, NULL));
  wd = hd_workdays_new_from_file (path, &error);
  g_assert_null (wd);
  g_assert_error (error, HD_ERROR, HD_ERROR_PARSE);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (path, "date\tkind\tnote\n2026-02-30\tholiday\tx\n", -1, NULL));
  wd = hd_workdays_new_from_file (path, &error);
  g_assert_null (wd);
  g_assert_error (error, HD_ERROR, HD_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "line 2"));
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (path, "date\tkind\tnote\n2026-02-20\tpicnic\tx\n", -1, NULL));
  wd = hd_workdays_new_from_file (path, &error);
  g_assert_null (wd);
  g_assert_error (error, HD_ERROR, HD_ERROR_PARSE);
  g_clear_error (&error);

  /* CRLF line ends and a one-row file */
  g_assert_true (g_file_set_contents (path, "date\tkind\tnote\r\n2030-01-09\tdayoff-transfer\tx\r\n", -1, NULL));
  wd = hd_workdays_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_true (hd_workdays_is_year_known (wd, 2030));
  g_assert_false (is_working (wd, "2030-01-09"));
  /* A known year holds only what the file says: no holidays in it here */
  g_assert_true (is_working (wd, "2030-01-01"));
  g_object_unref (wd);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  reference_load ();

  g_test_add_func ("/workdays/totals", test_totals);
  g_test_add_func ("/workdays/known-years", test_known_years);
  g_test_add_func ("/workdays/new-year", test_new_year);
  g_test_add_func ("/workdays/may", test_may);
  g_test_add_func ("/workdays/transfers", test_transfers);
  g_test_add_func ("/workdays/short-days", test_short_days);
  g_test_add_func ("/workdays/describe", test_describe);
  g_test_add_func ("/workdays/add", test_add);
  g_test_add_func ("/workdays/due-by-hand", test_due_by_hand);
  g_test_add_func ("/workdays/due-periods", test_due_periods);
  g_test_add_func ("/workdays/due-every-day", test_due_every_day);
  g_test_add_func ("/workdays/overrides", test_overrides);
  g_test_add_func ("/workdays/overrides-store", test_overrides_store);
  g_test_add_func ("/workdays/fallback", test_fallback);
  g_test_add_func ("/workdays/bad-files", test_bad_files);

  return g_test_run ();
}
