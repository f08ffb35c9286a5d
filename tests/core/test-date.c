/* test-date.c — YYYY-MM-DD dates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "hd-date.h"

static void
test_parse (void)
{
  static const char * const bad[] = {
    "", "2026", "2026-02-30", "2023-02-29", "2026-13-01", "2026-00-10", "2026-01-00",
    "2026-1-05", "2026-01-5", " 2026-01-05", "2026-01-05 ", "2026-01-05x", "2026/01/05",
    "abcd-ef-gh", "0999-12-31", "+202-01-01", "2026-0a-01", "2026-01-0\xd0",
    "２０２６-01-05",
  };
  GDate d;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (hd_date_parse_iso (bad[i], &d));
      g_assert_false (g_date_valid (&d));
    }
  g_assert_false (hd_date_parse_iso (NULL, &d));

  g_assert_true (hd_date_parse_iso ("2024-02-29", &d));
  g_assert_cmpint (g_date_get_year (&d), ==, 2024);
  g_assert_cmpint (g_date_get_month (&d), ==, 2);
  g_assert_cmpint (g_date_get_day (&d), ==, 29);
  g_assert_true (hd_date_parse_iso ("1000-01-01", &d));
  g_assert_true (hd_date_parse_iso ("9999-12-31", &d));
}

static void
test_round_trip (void)
{
  GDate d, back;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, 1, 1, 2020);
  for (; g_date_get_year (&d) < 2031; g_date_add_days (&d, 1))
    {
      g_autofree char *iso = hd_date_to_iso (&d);

      g_assert_cmpuint (strlen (iso), ==, 10);
      g_assert_true (hd_date_parse_iso (iso, &back));
      g_assert_cmpint (g_date_compare (&d, &back), ==, 0);
    }

  g_date_set_dmy (&d, 5, 3, 2026);
  {
    g_autofree char *iso = hd_date_to_iso (&d);
    g_assert_cmpstr (iso, ==, "2026-03-05");
  }
}

static void
test_unix (void)
{
  g_autoptr(GTimeZone) yakutsk = g_time_zone_new_identifier ("Asia/Yakutsk");
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  GDate d;
  g_autofree char *a = NULL, *b = NULL;

  g_assert_nonnull (yakutsk);
  /* 2026-11-24 15:30 UTC is 2026-11-25 00:30 in Shimanovsk (UTC+9) */
  hd_date_set_unix (&d, 1795534200, yakutsk);
  a = hd_date_to_iso (&d);
  g_assert_cmpstr (a, ==, "2026-11-25");
  hd_date_set_unix (&d, 1795534200, utc);
  b = hd_date_to_iso (&d);
  g_assert_cmpstr (b, ==, "2026-11-24");

  hd_date_set_today (&d, yakutsk);
  g_assert_true (g_date_valid (&d));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/date/parse", test_parse);
  g_test_add_func ("/date/round-trip", test_round_trip);
  g_test_add_func ("/date/unix", test_unix);

  return g_test_run ();
}
