/* bench-core.c — how long the core takes on a large database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-core DB [N] [SEED]
 *
 * Writes N demo requests (default 1 000 000) into a new database DB, then times the journal's
 * search (hd_request_store_search_ids(), the query the app runs) and a month's statistics
 * (hd_stats_compute()), and prints a table. N = 0 times the queries on an existing DB.
 * Besides the wall time, the table gives the CPU time of the process (user + system): on a
 * loaded machine the wall time says more about the other processes than about ours, so the
 * queries are judged by CPU time. The generation is judged by its wall time, what the user
 * waits: it builds the search index on a second thread, so its CPU time is larger by design
 * (run it on an idle machine).
 * Run through tests/bench/bench-core.sh.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "hd-database.h"
#include "hd-demo.h"
#include "hd-period.h"
#include "hd-request-store.h"
#include "hd-stats.h"
#include "hd-workdays.h"

#define RUNS 7

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* CPU time of this process so far, user and system, in milliseconds */
static double
cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* The verdict goes by @judged_ms: the CPU time for a query (the wall time of a loaded
 * machine is mostly waiting), the wall time for work spread over threads */
static void
row (const char *what,
     double      first_ms,
     double      median_ms,
     double      cpu_median_ms,
     double      judged_ms,
     double      target_ms,
     const char *note)
{
  /* pad by characters, not bytes: the labels are Cyrillic */
  int pad = 34 - (int) g_utf8_strlen (what, -1);

  g_print ("| %s%*s | %10.1f | %10.1f | %10.1f | %8.0f | %-4s | %s\n", what, MAX (pad, 0), "",
           first_ms, median_ms, cpu_median_ms, target_ms,
           judged_ms <= target_ms ? "ok" : "SLOW", note);
}

static void
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  g_printerr ("\r  %u / %u", done, total);
  if (done == total)
    g_printerr ("\n");
}

static void
bench_search (HdDatabase *db,
              const char *typed)
{
  double times[RUNS];
  double cpu[RUNS];
  guint found = 0;
  char label[64];
  char note[64];

  for (guint i = 0; i < RUNS; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) ids = NULL;
      gint64 start = g_get_monotonic_time ();
      double cpu_start = cpu_ms ();

      ids = hd_request_store_search_ids (db, typed, 200, &error);
      times[i] = ms_since (start);
      cpu[i] = cpu_ms () - cpu_start;
      if (ids == NULL)
        g_error ("search: %s", error->message);
      found = ids->len;
    }
  g_snprintf (label, sizeof label, "search «%s», 200 ids", typed);
  g_snprintf (note, sizeof note, "%u ids", found);
  {
    double first = times[0];

    qsort (times, RUNS, sizeof (double), compare_doubles);
    qsort (cpu, RUNS, sizeof (double), compare_doubles);
    row (label, first, times[RUNS / 2], cpu[RUNS / 2], cpu[RUNS / 2], 20, note);
  }
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HdDatabase) db = NULL;
  g_autoptr(HdWorkdays) workdays = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  const char *path;
  guint n = 1000000;
  guint32 seed = 1;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 start;
  double generate_ms = 0;
  double generate_cpu_ms = 0;
  HdPeriod month;

  setlocale (LC_ALL, "");
  if (argc < 2)
    {
      g_printerr ("usage: bench-core DB [N] [SEED]\n");
      return 2;
    }
  path = argv[1];
  if (argc > 2)
    n = (guint) g_ascii_strtoull (argv[2], NULL, 10);
  if (argc > 3)
    seed = (guint32) g_ascii_strtoull (argv[3], NULL, 10);

  if (n > 0)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      g_unlink (path);
      g_unlink (wal);
      g_unlink (shm);
    }

  db = hd_database_open (path, &error);
  if (db == NULL)
    g_error ("%s", error->message);

  if (n > 0)
    {
      double cpu_start = cpu_ms ();

      g_printerr ("Generating %u requests…\n", n);
      start = g_get_monotonic_time ();
      if (!hd_demo_generate (db, n, seed, now, progress_cb, NULL, NULL, &error))
        g_error ("%s", error->message);
      generate_ms = ms_since (start);
      generate_cpu_ms = cpu_ms () - cpu_start;
    }

  workdays = hd_workdays_new (&error);
  if (workdays == NULL)
    g_error ("%s", error->message);
  tz = g_time_zone_new_identifier ("Asia/Yakutsk");
  if (tz == NULL)
    tz = g_time_zone_new_offset (9 * 3600);
  hd_period_init_last_month (&month, now, tz);

  g_print ("\n| %-34s | %10s | %10s | %10s | %8s | %-4s | %s\n", "what", "first, ms", "median, ms",
           "CPU, ms", "target", "", "");
  g_print ("|------------------------------------|------------|------------|------------|----------|------|\n");
  if (n > 0)
    {
      char note[64];

      g_snprintf (note, sizeof note, "%.0f requests/s, judged by the wall time", n / (generate_ms / 1000.0));
      row ("generate demo data", generate_ms, generate_ms, generate_cpu_ms, generate_ms, 15000, note);
    }

  bench_search (db, "оценк");
  bench_search (db, "расписание");
  bench_search (db, "пароль вход");

  {
    double times[RUNS];
    double cpu[RUNS];
    double first;
    guint received = 0;
    char label[64];
    char note[64];
    g_autofree char *title = hd_period_get_title (&month);

    for (guint i = 0; i < RUNS; i++)
      {
        g_autoptr(HdStats) stats = NULL;
        double cpu_start = cpu_ms ();

        start = g_get_monotonic_time ();
        stats = hd_stats_compute (db, workdays, &month, now, &error);
        times[i] = ms_since (start);
        cpu[i] = cpu_ms () - cpu_start;
        if (stats == NULL)
          g_error ("stats: %s", error->message);
        received = stats->current.requests.total;
      }
    first = times[0];
    qsort (times, RUNS, sizeof (double), compare_doubles);
    qsort (cpu, RUNS, sizeof (double), compare_doubles);
    g_snprintf (label, sizeof label, "statistics of %s", title);
    g_snprintf (note, sizeof note, "%u requests, and the month before", received);
    row (label, first, times[RUNS / 2], cpu[RUNS / 2], cpu[RUNS / 2], 200, note);
  }

  return 0;
}
