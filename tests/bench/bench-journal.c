/* bench-journal.c — the journal on a million requests: first rows, search as you type, sorting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-journal [--requests N] [--database FILE] [--gtk | --gtk-only] [--empty]
 *
 * Fills FILE (default: a file in the temporary folder, kept for the next run) with N requests
 * (default 1 000 000) through hd_demo_generate(), or with plain SQL when the generator fails,
 * then times the lazy model the journal view uses:
 *   - building the model (the id snapshot) and reading its first 50 rows;
 *   - a search typed letter by letter («о», «оц», «оце», «оцен», «оценк»);
 *   - sorting by each other column.
 * With --gtk (under a display, e.g. xvfb-run) it also times the real HdJournalView from the
 * database being handed over to the first rows drawn, and prints the process's resident memory
 * with the journal open; --gtk-only skips the model timings, and --empty --gtk-only gives the
 * same figure on an empty database.
 * Targets: 50 ms for each timing, 60 MB over the empty database.
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <adwaita.h>

#include "hd-context.h"
#include "hd-database-private.h"
#include "hd-demo.h"
#include "hd-renderer.h"
#include "hd-request-list.h"
#include "hd-text.h"
#include "journal/hd-journal-view.h"

GResource *hd_get_resource (void);

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* CPU time of the whole process (the worker threads too), in ms: a loaded machine disturbs it
 * less than the wall time */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static long
rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmRSS:");
  return line != NULL ? strtol (line + 6, NULL, 10) : -1;
}

static gint64
count_requests (HdDatabase *db)
{
  g_autoptr(HdStmt) stmt = hd_database_prepare (db, "SELECT count(*) FROM requests", NULL);

  if (stmt == NULL || hd_database_step (db, stmt, NULL) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int64 (stmt, 0);
}

/* The fallback: plausible rows with plain SQL, in batches */
static gboolean
fill_plain (HdDatabase *db,
            guint       n,
            GError    **error)
{
  static const char *names[] = { "Иванов Пётр Ильич", "Ёлкина Мария Петровна", "Сидоров Алексей",
                                 "Белова Анна Сергеевна", "Кузнецова Ольга Ивановна", "Смирнов Дмитрий" };
  static const char *kinds[] = { "staff", "parent", "student", "parent", "staff", "student" };
  static const char *summaries[] = { "Не видны оценки за четверть", "Расписание не отображается",
                                     "Не могу войти в электронный журнал", "Пропуски отмечены неверно",
                                     "Не загружается КТП", "Итоговые оценки не сохраняются",
                                     "Забыл пароль", "Домашнее задание не видно родителям" };
  static const char *channels[] = { "in_person", "phone", "email", "portal_call", "voicemail" };
  static const char *topics[] = { "schedule", "grades_current", "grades_final", "attendance",
                                  "lesson_planning", "lessons", "timeliness", "access", "other" };
  static const char *statuses[] = { "new", "in_progress", "waiting_info", "callback", "escalated",
                                    "resolved", "resolved", "resolved", "rejected" };
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  for (guint p = 0; p < G_N_ELEMENTS (names); p++)
    {
      g_autoptr(HdStmt) stmt = hd_database_prepare (db,
          "INSERT OR IGNORE INTO people (id, full_name, kind, name_key, created_at, updated_at)"
          " VALUES (?1, ?2, ?3, ?4, 0, 0)", error);
      g_autofree char *key = hd_text_normalize (names[p]);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, p + 1);
      sqlite3_bind_text (stmt, 2, names[p], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, kinds[p], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, key, -1, SQLITE_TRANSIENT);
      if (!hd_database_step_done (db, stmt, error))
        return FALSE;
    }

  for (guint done = 0; done < n;)
    {
      guint batch = MIN (50000, n - done);

      if (!hd_database_begin (db, error))
        return FALSE;
      for (guint i = 0; i < batch; i++, done++)
        {
          g_autoptr(HdStmt) stmt = hd_database_prepare (db,
              "INSERT INTO requests (received_at, requester_id, requester_kind, channel, topic, summary,"
              " status, rejection_reason, vendor_ticket, resolution, resolved_at, requester_key,"
              " search_text, created_at, updated_at)"
              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7,"
              " CASE ?7 WHEN 'rejected' THEN 'insufficient_info' END,"
              " CASE ?7 WHEN 'escalated' THEN 'DN-1' END,"
              " CASE ?7 WHEN 'resolved' THEN 'Помогли' ELSE '' END,"
              " CASE WHEN ?7 IN ('resolved','rejected') THEN ?1 + 86400 END, ?8, ?9, ?1, ?1)", error);
          guint p = g_rand_int_range (rand, 0, G_N_ELEMENTS (names));
          const char *summary = summaries[g_rand_int_range (rand, 0, G_N_ELEMENTS (summaries))];
          gint64 received = now - (gint64) (n - done) * 30 - g_rand_int_range (rand, 0, 30);
          g_autofree char *text = g_strconcat (summary, " ", names[p], NULL);
          g_autofree char *search = hd_text_normalize (text);
          g_autofree char *key = hd_text_normalize (names[p]);

          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, received);
          sqlite3_bind_int64 (stmt, 2, p + 1);
          sqlite3_bind_text (stmt, 3, kinds[p], -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 4, channels[g_rand_int_range (rand, 0, G_N_ELEMENTS (channels))], -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 5, topics[g_rand_int_range (rand, 0, G_N_ELEMENTS (topics))], -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 6, summary, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 7, statuses[g_rand_int_range (rand, 0, G_N_ELEMENTS (statuses))], -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 8, key, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 9, search, -1, SQLITE_TRANSIENT);
          if (!hd_database_step_done (db, stmt, error))
            {
              hd_database_rollback (db);
              return FALSE;
            }
        }
      if (!hd_database_commit (db, error))
        return FALSE;
      g_printerr ("\r%u requests written", done);
    }
  g_printerr ("\n");
  return TRUE;
}

static void
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  g_printerr ("\r%u / %u requests generated", done, total);
}

static void
ready_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* Builds the model as the view does (a worker streams the snapshot) and reads the rows a
 * screen shows; @all_ms is when the whole snapshot was in */
static double first_cpu_ms;

static double
time_model (HdDatabase            *db,
            HdTerms               *terms,
            const HdRequestFilter *filter,
            HdRequestSort          sort,
            gboolean               descending,
            guint                 *count,
            double                *all_ms)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HdRequestList) list = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  gint64 start = g_get_monotonic_time ();
  double cpu_start = cpu_ms ();
  double first_ms;
  guint n;

  hd_request_list_new_async (db, terms, filter, sort, descending, 0, NULL, ready_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  list = hd_request_list_new_finish (result, &error);
  if (list == NULL)
    g_error ("%s", error->message);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  for (guint i = 0; i < MIN (n, 50); i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));
  first_ms = ms_since (start);
  first_cpu_ms = cpu_ms () - cpu_start;

  while (!hd_request_list_is_complete (list))
    g_main_context_iteration (NULL, TRUE);
  if (count != NULL)
    *count = g_list_model_get_n_items (G_LIST_MODEL (list));
  if (all_ms != NULL)
    *all_ms = ms_since (start);
  return first_ms;
}

static void
print_model (const char *what,
             double      first_ms,
             double      all_ms,
             guint       count)
{
  /* %-Ns pads bytes, not letters */
  g_print ("model: %s%*s first rows %7.1f ms (CPU %6.1f)  all %8.1f ms  %7u rows\n", what,
           (int) (30 - g_utf8_strlen (what, -1)), "", first_ms, first_cpu_ms, all_ms, count);
}

static gboolean
loaded (HdJournalView *view)
{
  return !hd_journal_view_get_loading (view) && hd_journal_view_get_list (view) != NULL;
}

/* The first rows are in the view (the rest of the snapshot may still stream in) */
static gboolean
has_rows (HdJournalView *view,
          HdRequestList *old)
{
  HdRequestList *list = hd_journal_view_get_list (view);

  return list != NULL && list != old &&
         (g_list_model_get_n_items (G_LIST_MODEL (list)) > 0 || hd_request_list_is_complete (list));
}

static GtkColumnView *
find_column_view (GtkWidget *widget)
{
  if (GTK_IS_COLUMN_VIEW (widget))
    return GTK_COLUMN_VIEW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkColumnView *found = find_column_view (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* From now until a new model's first rows are drawn, then until its count line */
static void
wait_view (GtkWindow     *window,
           HdJournalView *view,
           HdRequestList *old,
           gint64         start,
           double         cpu_start,
           const char    *what)
{
  double first, first_cpu;

  while (!has_rows (view, old))
    g_main_context_iteration (NULL, TRUE);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  first = ms_since (start);
  first_cpu = cpu_ms () - cpu_start;
  while (!loaded (view))
    g_main_context_iteration (NULL, TRUE);
  g_print ("view: %s%*s first rows drawn %7.1f ms (CPU %6.1f)  count line %8.1f ms  (%s)\n",
           what, (int) (30 - g_utf8_strlen (what, -1)), "", first, first_cpu, ms_since (start),
           hd_journal_view_get_count_text (view));
}

static void
bench_gtk (HdDatabase *db)
{
  static const char *typed[] = { "о", "оц", "оце", "оцен", "оценк", "Морозова Анна Борисовна" };
  g_autoptr(HdContext) context = hd_context_new (NULL);
  GtkColumnView *column_view;
  GtkWindow *window;
  HdJournalView *view;
  gint64 start;
  double cpu_start;
  long before;

  before = rss_kb ();
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1280, 800);
  view = g_object_new (HD_TYPE_JOURNAL_VIEW, NULL);
  gtk_window_set_child (window, GTK_WIDGET (view));
  gtk_window_present (window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  column_view = find_column_view (GTK_WIDGET (view));
  g_print ("renderer: %s\n", G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))));

  hd_context_set_database (context, db);
  start = g_get_monotonic_time ();
  cpu_start = cpu_ms ();
  hd_journal_view_set_context (view, context);
  wait_view (window, view, NULL, start, cpu_start, "open journal");
  g_print ("memory: resident %ld MB with the journal just opened\n", rss_kb () / 1024);

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      HdRequestList *old = hd_journal_view_get_list (view);
      g_autofree char *what = g_strdup_printf ("search «%s»", typed[i]);

      hd_journal_view_set_search_text (view, typed[i]);
      /* the search entry's delay (150 ms) is the user's typing, not the app's work: count from
       * the reload it starts */
      while (!hd_journal_view_get_loading (view))
        g_main_context_iteration (NULL, TRUE);
      wait_view (window, view, old, g_get_monotonic_time (), cpu_ms (), what);
    }

  hd_journal_view_set_search_text (view, "");
  while (!hd_journal_view_get_loading (view))
    g_main_context_iteration (NULL, TRUE);
  while (!loaded (view))
    g_main_context_iteration (NULL, TRUE);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_print ("memory: resident %ld MB with the journal open (%ld MB before the window), after the searches\n",
           rss_kb () / 1024, before / 1024);

  for (guint c = 0; column_view != NULL && c < HD_N_REQUEST_SORTS; c++)
    for (int desc = 0; desc <= 1; desc++)
      {
        g_autoptr(GtkColumnViewColumn) column =
          g_list_model_get_item (gtk_column_view_get_columns (column_view), c);
        HdRequestList *old = hd_journal_view_get_list (view);
        g_autofree char *what = g_strdup_printf ("sort by %s %s", hd_request_sort_to_key (c),
                                                 desc ? "↓" : "↑");

        start = g_get_monotonic_time ();
        cpu_start = cpu_ms ();
        /* what a click on the header does */
        gtk_column_view_sort_by_column (column_view, column, desc ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
        wait_view (window, view, old, start, cpu_start, what);
      }

  g_print ("memory: resident %ld MB after sorting by every column\n", rss_kb () / 1024);
  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  int n_requests = 1000000;
  g_autofree char *path = NULL;
  gboolean gtk = FALSE;
  gboolean empty = FALSE;
  gboolean gtk_only = FALSE;
  const GOptionEntry entries[] = {
    { "requests", 0, 0, G_OPTION_ARG_INT, &n_requests, "Requests in the database", "N" },
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &path, "The database file", "FILE" },
    { "gtk", 0, 0, G_OPTION_ARG_NONE, &gtk, "Also time the real view (needs a display)", NULL },
    { "empty", 0, 0, G_OPTION_ARG_NONE, &empty, "An empty database, for the memory baseline", NULL },
    { "gtk-only", 0, 0, G_OPTION_ARG_NONE, &gtk_only, "Only the view (a fair memory figure)", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) options = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HdDatabase) db = NULL;
  g_autoptr(HdWorkdays) workdays = NULL;
  g_autoptr(HdTerms) terms = NULL;
  /* as typed; then a person (few rows), «ё» typed as «е», a middling word */
  static const char *typed[] = { "о", "оц", "оце", "оцен", "оценк", "оценк за", "оценк за четв",
                                 "Морозова Анна Борисовна", "журавлев", "ктп" };
  HdRequestFilter filter;
  double ms, all;
  guint count;
  gint64 have;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (options, entries, NULL);
  if (!g_option_context_parse (options, &argc, &argv, &error))
    g_error ("%s", error->message);
  if (empty)
    n_requests = 0;
  if (path == NULL)
    path = g_build_filename (g_get_tmp_dir (), empty ? "hd-bench-journal-empty.db" : "hd-bench-journal.db", NULL);

  db = hd_database_open (path, &error);
  if (db == NULL)
    g_error ("%s", error->message);
  have = count_requests (db);
  if (have < n_requests)
    {
      gint64 start = g_get_monotonic_time ();

      if (!hd_demo_generate (db, n_requests - have, 1, g_get_real_time () / G_USEC_PER_SEC,
                             progress_cb, NULL, NULL, &error))
        {
          g_printerr ("\nThe demo generator failed (%s); filling with plain SQL\n", error->message);
          g_clear_error (&error);
          if (!fill_plain (db, n_requests - count_requests (db), &error))
            g_error ("%s", error->message);
        }
      g_printerr ("\nfilled in %.1f s\n", ms_since (start) / 1000);
      have = count_requests (db);
    }
  g_print ("database: %s, %" G_GINT64_FORMAT " requests\n", path, have);

  workdays = hd_workdays_new (&error);
  if (workdays != NULL)
    terms = hd_terms_new_from_database (db, workdays, &error);
  if (terms == NULL)
    g_printerr ("no terms (%s): overdue marks by calendar days\n", error->message);
  g_clear_error (&error);

  if (gtk_only)
    {
      gtk_init ();
      adw_init ();
      hd_renderer_choose (gdk_display_get_default ());  /* as the application's startup */
      (void) hd_get_resource ();
      bench_gtk (db);
      return 0;
    }

  /* A warm-up, as after the app has opened the file */
  time_model (db, terms, NULL, HD_REQUEST_SORT_RECEIVED, TRUE, NULL, NULL);

  /* One line each: what, first rows (wall, CPU), everything (wall), rows */
  hd_request_filter_init (&filter);
  ms = time_model (db, terms, &filter, HD_REQUEST_SORT_RECEIVED, TRUE, &count, &all);
  print_model ("open journal", ms, all, count);

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      g_autofree char *what = g_strdup_printf ("search «%s»", typed[i]);

      filter.search = (char *) typed[i];
      ms = time_model (db, terms, &filter, HD_REQUEST_SORT_RECEIVED, TRUE, &count, &all);
      print_model (what, ms, all, count);
    }
  filter.search = NULL;

  for (HdRequestSort s = 0; s < HD_N_REQUEST_SORTS; s++)
    for (int desc = 0; desc <= 1; desc++)
      {
        g_autofree char *what = g_strdup_printf ("sort by %s %s", hd_request_sort_to_key (s),
                                                 desc ? "↓" : "↑");

        ms = time_model (db, terms, &filter, s, desc, &count, &all);
        print_model (what, ms, all, count);
      }

  filter.search = (char *) "оценк";
  ms = time_model (db, terms, &filter, HD_REQUEST_SORT_TOPIC, FALSE, &count, &all);
  print_model ("search «оценк», by topic", ms, all, count);
  filter.search = NULL;

  filter.queue = HD_REQUEST_QUEUE_OVERDUE;
  ms = time_model (db, terms, &filter, HD_REQUEST_SORT_RECEIVED, TRUE, &count, &all);
  print_model ("queue «просрочено»", ms, all, count);
  filter.queue = HD_REQUEST_QUEUE_ALL;
  filter.status = HD_REQUEST_STATUS_OPEN;
  ms = time_model (db, terms, &filter, HD_REQUEST_SORT_RECEIVED, TRUE, &count, &all);
  print_model ("status «открытые»", ms, all, count);

  if (gtk)
    {
      gtk_init ();
      adw_init ();
      hd_renderer_choose (gdk_display_get_default ());  /* as the application's startup */
      (void) hd_get_resource ();
      bench_gtk (db);
    }

  return 0;
}
