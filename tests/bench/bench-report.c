/* bench-report.c — how long the report's PDF takes on a large and on a small database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two figures, each the median of a few runs, from the figures to the finished file
 * (hd_report_new: statistics of the period, the previous period and 12 months of trend; then
 * hd_report_write_pdf):
 *   - the monthly report on a database of 1 000 000 demo requests (target ≤ 1 s);
 *   - the school year's report on a database of 5 000 demo requests (target ≤ 150 ms).
 * The demo databases are generated once and kept (generation takes a while), by default in
 * $TMPDIR; run from the build folder:
 *   HD_WORKDAYS_DIR=../data/workdays tests/bench/bench-report [--runs 5] [--folder DIR]
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "hd-database.h"
#include "hd-demo.h"
#include "hd-report.h"
#include "hd-workdays.h"

/* A fixed "now", so the kept databases and the periods always match: 10 December 2026 */
#define BENCH_NOW ((gint64) 1796860800)

static HdDatabase *
open_demo (const char *folder,
           guint       n_requests)
{
  g_autofree char *name = g_strdup_printf ("hd-bench-report-%u.db", n_requests);
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autoptr(GError) error = NULL;
  gboolean exists = g_file_test (path, G_FILE_TEST_EXISTS);
  HdDatabase *db = hd_database_open (path, &error);

  if (db == NULL)
    g_error ("%s", error->message);
  if (!exists)
    {
      gint64 started = g_get_monotonic_time ();

      g_print ("Generating %u demo requests in %s…\n", n_requests, path);
      if (!hd_demo_generate (db, n_requests, 1, BENCH_NOW, NULL, NULL, NULL, &error))
        g_error ("%s", error->message);
      g_print ("  done in %.1f s\n", (g_get_monotonic_time () - started) / 1e6);
    }
  return db;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Returns the median of @runs, in milliseconds; prints the parts of the last run */
static double
measure (HdDatabase     *db,
         HdWorkdays     *workdays,
         const HdPeriod *period,
         const char     *pdf,
         guint           runs,
         const char     *what,
         double          target_ms)
{
  g_autofree double *times = g_new (double, runs);
  g_autofree char *label = hd_period_to_string (period);
  double compute_ms = 0, write_ms = 0, median;
  guint total = 0, pages = 0;

  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HdReport) report = NULL;
      gint64 t0 = g_get_monotonic_time (), t1, t2;

      report = hd_report_new (db, workdays, period, BENCH_NOW, &error);
      if (report == NULL)
        g_error ("%s", error->message);
      t1 = g_get_monotonic_time ();
      if (!hd_report_write_pdf (report, pdf, &error))
        g_error ("%s", error->message);
      t2 = g_get_monotonic_time ();

      times[i] = (t2 - t0) / 1000.0;
      compute_ms = (t1 - t0) / 1000.0;
      write_ms = (t2 - t1) / 1000.0;
      total = hd_report_get_stats (report)->current.requests.total;
      pages = hd_report_get_n_pages (report, HD_REPORT_PAGE_WIDTH, HD_REPORT_PAGE_HEIGHT);
    }
  qsort (times, runs, sizeof (double), compare_doubles);
  median = times[runs / 2];

  g_print ("%-40s %s: %u requests in the period, %u pages\n", what, label, total, pages);
  g_print ("  median %.1f ms (min %.1f, max %.1f) over %u runs;"
           " last run: figures %.1f ms, PDF %.1f ms — target ≤ %.0f ms: %s\n",
           median, times[0], times[runs - 1], runs, compute_ms, write_ms, target_ms,
           median <= target_ms ? "met" : "MISSED");
  return median;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HdWorkdays) workdays = NULL;
  g_autoptr(HdDatabase) big = NULL;
  g_autoptr(HdDatabase) small = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *pdf = NULL;
  int runs = 5;
  HdPeriod month, year;
  GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs of each report (default 5)", "N" },
    { "folder", 0, 0, G_OPTION_ARG_FILENAME, &folder, "Where the demo databases are kept", "DIR" },
    { NULL }
  };

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);
  if (runs < 1)
    runs = 1;
  if (folder == NULL)
    folder = g_strdup (g_get_tmp_dir ());

  workdays = hd_workdays_new (&error);
  if (workdays == NULL)
    g_error ("%s (set HD_WORKDAYS_DIR to the source's data/workdays)", error->message);

  pdf = g_build_filename (folder, "hd-bench-report.pdf", NULL);
  hd_period_init_month (&month, 2026, 11);
  hd_period_init_school_year (&year, 2025);

  big = open_demo (folder, 1000000);
  measure (big, workdays, &month, pdf, runs, "Monthly report, 1 000 000 requests", 1000);

  small = open_demo (folder, 5000);
  measure (small, workdays, &year, pdf, runs, "School year's report, 5 000 requests", 150);

  g_unlink (pdf);
  return 0;
}
