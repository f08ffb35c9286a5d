/* bench-calendar.c — the calendar's week view on 20 000 consultations: switching weeks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-calendar [--appointments N] [--per-day D] [--switches S] [--database FILE]
 *
 * Fills FILE (default: a file in the temporary folder, kept for the next run) with demo
 * people and reception hours (hd_demo_generate(), 2 000 requests), then with consultations
 * through the appointment store in one transaction until there are N (default 20 000): D a
 * working day (default 12, a busy consultant), 08:00–17:00, on the working days of the
 * school years (September–May) going back from May 2027 as far as N needs. With D large
 * (e.g. 125) all of them fall into the school year 2026/27, which is the worst case for the
 * weeks drawn.
 *
 * Then, under a display (xvfb-run), the real HdCalendarView in a 1280 × 860 window shows the
 * week of 7 September 2026 and takes S (default 50) switches to the next week through its
 * calendar.next action. Each switch is timed from the action to the end of the first frame
 * painted after it (the window's frame clock, "after-paint"): wall time, and this process's
 * CPU time (user + system), which a loaded machine disturbs less. When the next week would
 * leave the school year the view goes back to September untimed. Prints min / median / max
 * of each against the target of 50 ms, and the view's own query-and-build time.
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <adwaita.h>

#include "hd-appointment-store.h"
#include "hd-context.h"
#include "hd-database-private.h"
#include "hd-demo.h"
#include "hd-workdays.h"
#include "calendar/hd-calendar-view.h"

GResource *hd_get_resource (void);

#define TARGET_MS 50.0

static GTimeZone *school_tz;

static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static gint64
count_appointments (HdDatabase *db)
{
  g_autoptr(HdStmt) stmt = hd_database_prepare (db, "SELECT count(*) FROM appointments", NULL);

  if (stmt == NULL || hd_database_step (db, stmt, NULL) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int64 (stmt, 0);
}

static GArray *
person_ids (HdDatabase *db)
{
  g_autoptr(HdStmt) stmt = hd_database_prepare (db, "SELECT id FROM people WHERE archived = 0", NULL);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  while (stmt != NULL && hd_database_step (db, stmt, NULL) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  return ids;
}

static gint64
local_instant (const GDate *day,
               int          minutes)
{
  g_autoptr(GDateTime) dt = g_date_time_new (school_tz, g_date_get_year (day), g_date_get_month (day),
                                             g_date_get_day (day), minutes / 60, minutes % 60, 0);

  return g_date_time_to_unix (dt);
}

/* @per_day consultations on each working school day going back from 31 May 2027 until @n are
 * written, through the store, in one transaction */
static gboolean
fill_appointments (HdDatabase  *db,
                   HdWorkdays  *workdays,
                   guint        n,
                   guint        per_day,
                   GError     **error)
{
  g_autoptr(GArray) people = person_ids (db);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  guint written = 0;
  GDate day;

  if (people->len == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "no people to book");
      return FALSE;
    }
  if (!hd_database_begin (db, error))
    return FALSE;

  g_date_set_dmy (&day, 31, 5, 2027);
  while (written < n)
    {
      guint month = g_date_get_month (&day);

      if (month >= 6 && month <= 8)
        {
          g_date_set_dmy (&day, 31, 5, g_date_get_year (&day));
          continue;
        }
      if (hd_workdays_is_working_day (workdays, &day))
        for (guint i = 0; i < per_day && written < n; i++)
          {
            g_autoptr(HdAppointment) a = hd_appointment_new ();
            /* spread over 08:00–16:40 in 5-minute steps, 20 or 30 minutes long */
            int start = 8 * 60 + (int) (i * (520 / per_day) / 5 * 5);
            gint64 starts = local_instant (&day, start);

            hd_appointment_set_person_id (a, g_array_index (people, gint64,
                                                            g_rand_int_range (rand, 0, people->len)));
            hd_appointment_set_starts_at (a, starts);
            hd_appointment_set_ends_at (a, starts + (g_rand_boolean (rand) ? 20 : 30) * 60);
            hd_appointment_set_topic (a, g_rand_int_range (rand, 0, HD_N_TOPICS));
            hd_appointment_set_mode (a, g_rand_int_range (rand, 0, HD_N_MODES));
            hd_appointment_set_status (a, starts < now ? HD_APPOINTMENT_HELD : HD_APPOINTMENT_SCHEDULED);
            if (g_rand_int_range (rand, 0, 4) == 0)
              hd_appointment_set_notes (a, "Принести логин и пароль от электронного журнала");
            if (!hd_appointment_store_create (db, a, error))
              {
                hd_database_rollback (db);
                return FALSE;
              }
            written++;
          }
      g_date_subtract_days (&day, 1);
    }
  return hd_database_commit (db, error);
}

/* ---------------------------------------------------------------------------------------- */
/* The view                                                                                   */

typedef struct {
  gboolean painted;
  double   wall;
  double   cpu;
} Frame;

static void
after_paint_cb (GdkFrameClock *clock,
                Frame         *frame)
{
  if (frame->painted)
    return;
  frame->painted = TRUE;
  frame->wall = g_get_monotonic_time () / 1000.0;
  frame->cpu = cpu_ms ();
}

/* Lets the loop run until nothing has been painted for @quiet_ms */
static void
settle (Frame *frame,
        guint  quiet_ms)
{
  gint64 until;

  do
    {
      frame->painted = FALSE;
      until = g_get_monotonic_time () + quiet_ms * 1000;
      while (g_get_monotonic_time () < until)
        g_main_context_iteration (NULL, FALSE);
    }
  while (frame->painted);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
print_stats (const char *what,
             GArray     *values)
{
  double min, median, max;
  guint n = values->len;

  g_array_sort (values, compare_doubles);
  min = g_array_index (values, double, 0);
  max = g_array_index (values, double, n - 1);
  median = n % 2 ? g_array_index (values, double, n / 2)
                 : (g_array_index (values, double, n / 2 - 1) + g_array_index (values, double, n / 2)) / 2;
  g_print ("%-34s min %6.1f  median %6.1f  max %6.1f ms   target ≤ %.0f ms: %s\n", what, min,
           median, max, TARGET_MS, median <= TARGET_MS ? (max <= TARGET_MS ? "met" : "met by the median")
                                                       : "NOT met");
}

static void
bench_view (HdDatabase *db,
            guint       switches)
{
  g_autoptr(HdContext) context = hd_context_new (NULL);
  g_autoptr(GArray) wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) load = g_array_new (FALSE, FALSE, sizeof (double));
  GtkWindow *window;
  HdCalendarView *view;
  GdkFrameClock *clock;
  Frame frame = { 0 };
  GDate start, shown, end;
  guint week_appointments = 0;

  hd_context_set_database (context, db);
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1280, 860);
  view = g_object_new (HD_TYPE_CALENDAR_VIEW, NULL);
  gtk_window_set_child (window, GTK_WIDGET (view));
  gtk_window_present (window);
  hd_calendar_view_set_context (view, context);
  g_date_set_dmy (&start, 7, 9, 2026);
  g_date_set_dmy (&end, 24, 5, 2027);
  hd_calendar_view_go_to (view, &start, "week");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &frame);

  /* Warm-up: fonts, caches, the first query plans */
  for (guint i = 0; i < 3; i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (view), "calendar.next", NULL);
      settle (&frame, 30);
    }
  hd_calendar_view_go_to (view, &start, "week");
  shown = start;
  settle (&frame, 50);

  for (guint i = 0; i < switches; i++)
    {
      double wall0, cpu0;

      if (g_date_compare (&shown, &end) >= 0)
        {
          hd_calendar_view_go_to (view, &start, "week");
          shown = start;
          settle (&frame, 50);
        }

      frame.painted = FALSE;
      wall0 = g_get_monotonic_time () / 1000.0;
      cpu0 = cpu_ms ();
      gtk_widget_activate_action (GTK_WIDGET (view), "calendar.next", NULL);
      while (!frame.painted)
        g_main_context_iteration (NULL, TRUE);
      g_date_add_days (&shown, 7);

      {
        double w = frame.wall - wall0, c = frame.cpu - cpu0, l = hd_calendar_view_get_last_load_ms (view);

        g_array_append_val (wall, w);
        g_array_append_val (cpu, c);
        g_array_append_val (load, l);
      }
      /* how full the weeks are, from the database, as a check of the fixture */
      {
        g_autoptr(GDateTime) from = g_date_time_new (school_tz, g_date_get_year (&shown),
                                                     g_date_get_month (&shown), g_date_get_day (&shown),
                                                     0, 0, 0);
        g_autoptr(GDateTime) to = g_date_time_add_days (from, 7);
        g_autoptr(GPtrArray) week = hd_appointment_store_list_between (db, g_date_time_to_unix (from),
                                                                      g_date_time_to_unix (to), NULL);

        week_appointments += week != NULL ? week->len : 0;
      }
      settle (&frame, 20);
    }

  g_print ("%u week switches, %.0f consultations a week on average, window 1280 × 860, GSK_RENDERER=%s\n",
           switches, (double) week_appointments / switches,
           g_getenv ("GSK_RENDERER") != NULL ? g_getenv ("GSK_RENDERER") : "(default)");
  print_stats ("switch → first frame, wall:", wall);
  print_stats ("switch → first frame, CPU:", cpu);
  print_stats ("  of which the view's reload:", load);
  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HdDatabase) db = NULL;
  g_autoptr(HdWorkdays) workdays = NULL;
  g_autofree char *path = NULL;
  gint64 n_appointments = 20000, per_day = 12, switches = 50;
  gint64 have;
  GOptionEntry entries[] = {
    { "appointments", 0, 0, G_OPTION_ARG_INT64, &n_appointments, "Consultations in the database", "N" },
    { "per-day", 0, 0, G_OPTION_ARG_INT64, &per_day, "Consultations a working day", "D" },
    { "switches", 0, 0, G_OPTION_ARG_INT64, &switches, "Week switches to time", "S" },
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &path, "The database file", "FILE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);
  if (n_appointments < 1 || per_day < 1 || per_day > 500 || switches < 1)
    g_error ("--appointments, --per-day and --switches take positive numbers (--per-day ≤ 500)");

  school_tz = g_time_zone_new_identifier ("Asia/Yakutsk");
  if (path == NULL)
    path = g_strdup_printf ("%s/hd-bench-calendar-%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT ".db",
                            g_get_tmp_dir (), n_appointments, per_day);

  db = hd_database_open (path, &error);
  if (db == NULL)
    g_error ("%s", error->message);
  workdays = hd_workdays_new (&error);
  if (workdays == NULL)
    g_error ("%s", error->message);

  have = count_appointments (db);
  if (have < n_appointments)
    {
      gint64 started = g_get_monotonic_time ();

      if (have == 0 && !hd_demo_generate (db, 2000, 1, g_get_real_time () / G_USEC_PER_SEC, NULL, NULL,
                                          NULL, &error))
        g_error ("demo data: %s", error->message);
      have = count_appointments (db);
      if (have < n_appointments &&
          !fill_appointments (db, workdays, (guint) (n_appointments - have), (guint) per_day, &error))
        g_error ("consultations: %s", error->message);
      g_print ("filled in %.1f s\n", (g_get_monotonic_time () - started) / 1e6);
      have = count_appointments (db);
    }
  g_print ("database: %s, %" G_GINT64_FORMAT " consultations, %" G_GINT64_FORMAT " a working day\n",
           path, have, per_day);

  gtk_init ();
  adw_init ();
  (void) hd_get_resource ();
  bench_view (db, (guint) switches);
  return 0;
}
