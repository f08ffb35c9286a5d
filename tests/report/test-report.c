/* test-report.c — the monthly report as a PDF, read back with poppler's tools
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fixtures are plain SQL rows in a fresh database; the report is for November 2026 as
 * seen on 15 December 2026 at 10:00 in the school's time zone (Asia/Yakutsk, the default).
 * November 2026: 3 November is a shortened day, 4 November a holiday.
 *
 *   November requests (hand-counted)        channel        requester  status
 *     1  2 Nov 09:00                        phone          staff      resolved
 *     2  5 Nov 10:00                        email          parent     resolved
 *     3  9 Nov 09:00                        in person      staff      rejected (insufficient info)
 *     4 10 Nov 14:00                        voicemail      parent     resolved, called back
 *     5 12 Nov 11:00                        phone          student    escalated
 *     6 30 Nov 23:59                        portal call    staff      new
 *   not November: 15 Oct (phone, staff, resolved: the previous period) and 1 Dec 00:00.
 *   Totals: 6 (previous 1); phone 2 (1); staff 3 (1), parent 2, student 1; resolved 3 (1),
 *   rejected 1, open 2; callbacks requested 1, made 1.
 *
 *   November newcomers: Иванова trained on time, Ёлкина late, Петров and Сидорова overdue:
 *   on time 1 of 4 = 25 %.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "hd-database-private.h"
#include "hd-error.h"
#include "hd-test-pdf.h"
#include "hd-report.h"

static GTimeZone *school_tz;
static gboolean russian_dates;
static char *build_root;

/* The build tree: the folder above the test program that holds build.ninja */
static char *
find_build_root (const char *argv0)
{
  g_autofree char *program = g_canonicalize_filename (argv0, NULL);
  char *dir = g_path_get_dirname (program);

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *ninja = g_build_filename (dir, "build.ninja", NULL);
      char *parent;

      if (g_file_test (ninja, G_FILE_TEST_EXISTS))
        return dir;
      parent = g_path_get_dirname (dir);
      g_free (dir);
      dir = parent;
    }
  g_free (dir);
  return NULL;
}

static gint64
at (int year,
    int month,
    int day,
    int hour,
    int minute)
{
  g_autoptr(GDateTime) dt = g_date_time_new (school_tz, year, month, day, hour, minute, 0);

  return g_date_time_to_unix (dt);
}

static HdDatabase *
open_db (const char *name)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  HdDatabase *db;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  path = g_build_filename (g_get_user_data_dir (), name, NULL);
  db = hd_database_open (path, &error);
  g_assert_no_error (error);
  return db;
}

static void
exec (HdDatabase *db,
      const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (hd_database_exec (db, sql, &error));
  g_assert_no_error (error);
}

static void
add_request (HdDatabase *db,
             gint64      received,
             const char *channel,
             const char *kind,
             const char *topic,
             const char *status,
             const char *reason,
             gint64      first_response,
             gint64      resolved,
             gint64      callback_done)
{
  sqlite3_stmt *stmt;
  static const char *sql =
    "INSERT INTO requests (received_at, requester_id, requester_kind, channel, topic, summary,"
    "  status, rejection_reason, vendor_ticket, first_response_at, resolved_at, resolution,"
    "  callback_done_at, created_at, updated_at)"
    " VALUES (?1, 1, ?2, ?3, ?4, 'Не выставляются оценки', ?5, ?6,"
    "  CASE WHEN ?5 = 'escalated' THEN 'DR-1' END, nullif(?7, 0), nullif(?8, 0),"
    "  CASE WHEN ?5 = 'resolved' THEN 'Помогли' ELSE '' END, nullif(?9, 0), ?1, ?1)";

  g_assert_cmpint (sqlite3_prepare_v2 (hd_database_get_handle (db), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, received);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, channel, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, topic, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, status, -1, SQLITE_STATIC);
  if (reason != NULL)
    sqlite3_bind_text (stmt, 6, reason, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 7, first_response);
  sqlite3_bind_int64 (stmt, 8, resolved);
  sqlite3_bind_int64 (stmt, 9, callback_done);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

static void
add_people (HdDatabase *db)
{
  exec (db,
        "INSERT INTO people (id, full_name, kind, position, created_at, updated_at)"
        " VALUES (1, 'Иванова Мария Сергеевна', 'staff', 'учитель математики', 0, 0),"
        "        (2, 'Ёлкина Анна Петровна', 'staff', 'учитель истории', 0, 0),"
        "        (3, 'Петров Олег Иванович', 'staff', 'учитель физики', 0, 0),"
        "        (4, 'Сидорова Нина Львовна', 'staff', 'педагог-психолог', 0, 0)");
}

static HdDatabase *
november_db (void)
{
  HdDatabase *db = open_db ("november.db");

  add_people (db);
  add_request (db, at (2026, 11, 2, 9, 0), "phone", "staff", "grades_current", "resolved", NULL,
               at (2026, 11, 2, 10, 0), at (2026, 11, 2, 12, 0), 0);
  add_request (db, at (2026, 11, 5, 10, 0), "email", "parent", "schedule", "resolved", NULL,
               at (2026, 11, 5, 11, 0), at (2026, 11, 6, 10, 0), 0);
  add_request (db, at (2026, 11, 9, 9, 0), "in_person", "staff", "attendance", "rejected",
               "insufficient_info", at (2026, 11, 9, 9, 30), at (2026, 11, 9, 9, 30), 0);
  add_request (db, at (2026, 11, 10, 14, 0), "voicemail", "parent", "access", "resolved", NULL,
               at (2026, 11, 10, 15, 0), at (2026, 11, 10, 16, 0), at (2026, 11, 10, 15, 0));
  add_request (db, at (2026, 11, 12, 11, 0), "phone", "student", "grades_final", "escalated", NULL,
               at (2026, 11, 12, 11, 30), 0, 0);
  add_request (db, at (2026, 11, 30, 23, 59), "portal_call", "staff", "lessons", "new", NULL,
               0, 0, 0);
  /* Outside November */
  add_request (db, at (2026, 10, 15, 9, 0), "phone", "staff", "other", "resolved", NULL,
               at (2026, 10, 15, 9, 10), at (2026, 10, 15, 9, 40), 0);
  add_request (db, at (2026, 12, 1, 0, 0), "phone", "staff", "other", "new", NULL, 0, 0, 0);

  exec (db,
        "INSERT INTO newcomers (person_id, started_on, due_on, trained_on, created_at, updated_at)"
        " VALUES (1, '2026-11-02', '2026-11-06', '2026-11-05', 0, 0),"
        "        (2, '2026-11-09', '2026-11-12', '2026-11-16', 0, 0),"
        "        (3, '2026-11-16', '2026-11-19', NULL, 0, 0),"
        "        (4, '2026-11-23', '2026-11-26', NULL, 0, 0)");
  return db;
}

static char *
pdf_layout_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };

  return run_tool (argv);
}

/* A table row of the layout text: the label, then the figures, as whole words */
static gboolean
has_row (const char *layout_text,
         const char *label,
         const char *figures)
{
  g_autofree char *escaped = g_regex_escape_string (label, -1);
  g_autofree char *pattern = g_strdup_printf ("^\\s*%s\\s+%s\\s*$", escaped, figures);

  return g_regex_match_simple (pattern, layout_text, G_REGEX_MULTILINE, 0);
}

static char *
write_report (HdDatabase *db,
              const char *period_text,
              HdReport  **out_report)
{
  g_autoptr(HdWorkdays) workdays = open_workdays ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HdReport) report = NULL;
  HdPeriod period;
  char *path;

  g_assert_true (hd_period_parse (period_text, &period, &error));
  g_assert_no_error (error);
  report = hd_report_new (db, workdays, &period, at (2026, 12, 15, 10, 0), &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);

  path = g_build_filename (g_get_user_data_dir (), "report.pdf", NULL);
  g_assert_true (hd_report_write_pdf (report, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  if (out_report != NULL)
    *out_report = g_steal_pointer (&report);
  return path;
}

/* Keeps a copy of page 1 as a PNG in the build folder, to look at */
static void
render_first_page (const char *pdf,
                   const char *name)
{
  g_autofree char *dir = g_build_filename (build_root != NULL ? build_root : ".", "tests",
                                           "report", "screenshots", NULL);
  g_autofree char *prefix = g_build_filename (dir, name, NULL);
  const char *argv[] = { "pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile",
                         pdf, prefix, NULL };
  g_autofree char *out = NULL;

  g_autofree char *copy = g_strconcat (prefix, ".pdf", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_mkdir_with_parents (dir, 0755);
  out = run_tool (argv);
  /* The whole PDF too, to read page by page */
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (copy, contents, length, NULL));
  g_test_message ("page 1: %s.png", prefix);
}

static void
test_month (void)
{
  g_autoptr(HdDatabase) db = november_db ();
  g_autoptr(HdReport) report = NULL;
  g_autofree char *path = write_report (db, "2026-11", &report);
  g_autofree char *text = pdf_text (path, 0);
  g_autofree char *layout = pdf_layout_text (path);
  static const char * const headings[] = {
    "1. Основные показатели",
    "2. Обращения по каналам и категориям заявителей",
    "3. Обращения по тематике",
    "4. Результаты рассмотрения обращений",
    "5. Сроки первого ответа и решения",
    "6. Обратные звонки",
    "7. Обучение новых сотрудников",
    "8. Динамика за 12 месяцев",
    "Заместитель директора по УВР",
  };

  if (text == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      return;
    }

  g_assert_nonnull (strstr (text, "МОАУ СОШ № 1 г. Шимановска"));
  if (russian_dates)
    g_assert_nonnull (strstr (text, "Отчёт об оказании помощи участникам образовательного процесса "
                                    "при работе в ИС «Дневник.ру» за ноябрь 2026 г."));
  else
    g_assert_nonnull (strstr (text, "Отчёт об оказании помощи участникам образовательного процесса "
                                    "при работе в ИС «Дневник.ру» за "));
  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    g_assert_nonnull (strstr (text, headings[i]));
  g_assert_null (strstr (text, "Нет данных за период"));

  /* Channels: this period, then the previous one */
  g_assert_true (has_row (layout, "Телефон", "2\\s+1"));
  g_assert_true (has_row (layout, "Электронная почта", "1\\s+0"));
  g_assert_true (has_row (layout, "Лично", "1\\s+0"));
  g_assert_cmpuint (count_of (layout, "Всего"), ==, 2);
  g_assert_true (has_row (layout, "Всего", "6\\s+1"));
  /* Requester kinds */
  g_assert_true (has_row (layout, "Сотрудник", "3\\s+1"));
  g_assert_true (has_row (layout, "Родитель", "2\\s+0"));
  /* Outcome */
  g_assert_true (has_row (layout, "Решено", "3\\s+1"));
  g_assert_true (has_row (layout, "Отклонено", "1\\s+0"));
  g_assert_true (has_row (layout, "Не закрыто на дату отчёта", "2\\s+0"));
  /* Callbacks */
  g_assert_true (has_row (layout, "Запрошено обратных звонков", "1\\s+0"));
  g_assert_true (has_row (layout, "Выполнено обратных звонков", "1\\s+0"));
  /* Onboarding: the overdue by name, the rate against the rule */
  g_assert_true (has_row (layout, "Вступили в должность", "4\\s+0"));
  g_assert_nonnull (strstr (text, "Петров Олег Иванович"));
  g_assert_nonnull (strstr (text, "Сидорова Нина Львовна"));
  g_assert_null (strstr (text, "Ёлкина Анна Петровна"));
  g_assert_nonnull (strstr (text, "не позднее 3 рабочих дней"));
  g_assert_true (g_regex_match_simple ("Доля обученных в срок\\s+25\\s?%", layout, 0, 0));

  /* Page numbers of the form «Страница 1 из N», N the real count */
  {
    guint n = hd_report_get_n_pages (report, HD_REPORT_PAGE_WIDTH, HD_REPORT_PAGE_HEIGHT);
    g_autofree char *last = g_strdup_printf ("Страница %u из %u", n, n);

    g_assert_cmpuint (n, >=, 2);
    g_assert_nonnull (strstr (text, "Страница 1 из"));
    g_assert_nonnull (strstr (text, last));
  }

  render_first_page (path, "report-november");
}

static void
test_pdf_format (void)
{
  g_autoptr(HdDatabase) db = november_db ();
  g_autoptr(HdReport) report = NULL;
  g_autofree char *path = write_report (db, "2026-11", &report);
  const char *info_argv[] = { "pdfinfo", path, NULL };
  const char *fonts_argv[] = { "pdffonts", path, NULL };
  g_autofree char *info = run_tool (info_argv);
  g_autofree char *fonts = run_tool (fonts_argv);
  g_auto(GStrv) lines = NULL;
  guint n_fonts = 0;

  if (info == NULL || fonts == NULL)
    {
      g_test_skip ("poppler-utils are not installed");
      return;
    }

  /* A4 portrait: 595.28 × 841.89 pt */
  g_assert_true (g_regex_match_simple ("Page size:\\s+595\\.2\\d* x 841\\.89 pts", info, 0, 0));
  g_assert_true (g_regex_match_simple ("Title:\\s+Отчёт об оказании помощи", info, 0, 0));
  {
    g_autofree char *pattern = g_strdup_printf ("Pages:\\s+%u\\n",
                                                hd_report_get_n_pages (report, HD_REPORT_PAGE_WIDTH,
                                                                       HD_REPORT_PAGE_HEIGHT));

    g_assert_true (g_regex_match_simple (pattern, info, 0, 0));
  }

  /* Every font embedded: the "emb" column (after name, type, encoding) says yes */
  lines = g_strsplit (fonts, "\n", -1);
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = NULL;
      guint n = 0;

      if (*g_strstrip (lines[i]) == '\0')
        continue;
      words = g_regex_split_simple ("\\s+", lines[i], 0, 0);
      n = g_strv_length (words);
      /* name type [type] encoding emb sub uni object ID: emb is the 5th from the end */
      g_assert_cmpuint (n, >=, 7);
      g_assert_cmpstr (words[n - 5], ==, "yes");
      g_assert_nonnull (strstr (words[0], "DejaVu"));
      n_fonts++;
    }
  g_assert_cmpuint (n_fonts, >, 0);
}

static void
test_empty_month (void)
{
  g_autoptr(HdDatabase) db = open_db ("empty.db");
  g_autoptr(HdReport) report = NULL;
  g_autofree char *path = write_report (db, "2026-11", &report);
  g_autofree char *text = pdf_text (path, 0);

  if (text == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      return;
    }
  /* Channels, topics, outcome, times, callbacks, onboarding, the 12 months */
  g_assert_cmpuint (count_of (text, "Нет данных за период"), ==, 7);
  g_assert_nonnull (strstr (text, "1. Основные показатели"));
  g_assert_nonnull (strstr (text, "Заместитель директора по УВР"));
  g_assert_cmpuint (hd_report_get_n_pages (report, HD_REPORT_PAGE_WIDTH, HD_REPORT_PAGE_HEIGHT),
                    ==, 1);
  render_first_page (path, "report-empty");
}

static void
test_many_overdue (void)
{
  g_autoptr(HdDatabase) db = open_db ("overdue.db");
  g_autoptr(HdReport) report = NULL;
  g_autofree char *path = NULL;
  guint n_pages, first_page = 0, last_page = 0;

  /* 70 newcomers of 2 November, none trained: all overdue on 15 December */
  exec (db, "BEGIN");
  for (guint i = 1; i <= 70; i++)
    {
      g_autofree char *sql =
        g_strdup_printf ("INSERT INTO people (id, full_name, kind, position, created_at,"
                         " updated_at) VALUES (%u, 'Сотрудникова Ирина %03u', 'staff', 'учитель',"
                         " 0, 0);"
                         "INSERT INTO newcomers (person_id, started_on, due_on, created_at,"
                         " updated_at) VALUES (%u, '2026-11-02', '2026-11-06', 0, 0)",
                         i, i, i);
      exec (db, sql);
    }
  exec (db, "COMMIT");

  path = write_report (db, "2026-11", &report);
  n_pages = hd_report_get_n_pages (report, HD_REPORT_PAGE_WIDTH, HD_REPORT_PAGE_HEIGHT);
  g_assert_cmpuint (n_pages, >=, 2);

  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *text = pdf_text (path, page);

      if (text == NULL)
        {
          g_test_skip ("pdftotext is not installed");
          return;
        }
      if (strstr (text, "Сотрудникова Ирина 001") != NULL)
        first_page = page;
      if (strstr (text, "Сотрудникова Ирина 070") != NULL)
        last_page = page;
      /* Every page with overdue rows has the table's header above them */
      if (strstr (text, "Сотрудникова Ирина") != NULL)
        {
          g_assert_nonnull (strstr (text, "Должность"));
          g_assert_nonnull (strstr (text, "Срок обучения"));
          g_assert_nonnull (strstr (text, "Просрочено, раб. дней"));
        }
    }
  g_assert_cmpuint (first_page, >, 0);
  g_assert_cmpuint (last_page, >, first_page);
}

static void
test_write_errors (void)
{
  g_autoptr(HdDatabase) db = open_db ("errors.db");
  g_autoptr(HdWorkdays) workdays = open_workdays ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HdReport) report = NULL;
  HdPeriod period;

  hd_period_init_month (&period, 2026, 11);
  report = hd_report_new (db, workdays, &period, at (2026, 12, 15, 10, 0), &error);
  g_assert_no_error (error);

  g_assert_false (hd_report_write_pdf (report, "/nonexistent-folder/report.pdf", &error));
  g_assert_error (error, HD_ERROR, HD_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "/nonexistent-folder/report.pdf"));
  g_assert_false (g_file_test ("/nonexistent-folder/report.pdf", G_FILE_TEST_EXISTS));
}

/* The command line: a bad period and an unwritable output fail with a message */
static void
test_command_line (void)
{
  g_autofree char *exe = g_build_filename (build_root != NULL ? build_root : ".", "src",
                                           "school-helpdesk", NULL);
  g_autoptr(HdDatabase) db = november_db ();
  g_autofree char *pdf = g_build_filename (g_get_user_data_dir (), "cli.pdf", NULL);
  struct {
    const char *period;
    const char *output;
    gboolean    ok;
  } cases[] = {
    { "2026-11", pdf, TRUE },
    { "2026-13", pdf, FALSE },
    { "ноябрь", pdf, FALSE },
    { "2026-Q4", pdf, TRUE },
    { "2025/2026", pdf, TRUE },
    { "2026-11", "/nonexistent-folder/cli.pdf", FALSE },
  };

  if (!g_file_test (exe, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("the executable is not built");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *argv[] = { exe, "--database", hd_database_get_path (db), "--report",
                             cases[i].period, "--output", cases[i].output, NULL };
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autoptr(GError) error = NULL;
      int status;

      g_remove (pdf);
      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                   &out, &err, &status, &error));
      g_assert_no_error (error);
      g_test_message ("%s → %s%s", cases[i].period, out, err);
      g_assert_cmpint (g_spawn_check_wait_status (status, NULL), ==, cases[i].ok);
      g_assert_cmpint (g_file_test (pdf, G_FILE_TEST_EXISTS), ==, cases[i].ok);
      if (!cases[i].ok)
        g_assert_cmpuint (strlen (err), >, 10);
    }
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("HD_LOCALEDIR");
  g_autofree char *built_localedir = NULL;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  /* The report in Russian with the build tree's translations; Russian month names need the
   * ru_RU locale, messages alone come through LANGUAGE in any locale but C */
  g_setenv ("LANGUAGE", "ru", TRUE);
  russian_dates = setlocale (LC_ALL, "ru_RU.UTF-8") != NULL;
  if (!russian_dates)
    g_assert_nonnull (setlocale (LC_ALL, "C.UTF-8"));
  build_root = find_build_root (argv[0]);
  if (localedir == NULL && build_root != NULL)
    localedir = built_localedir = g_build_filename (build_root, "po", NULL);
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  school_tz = g_time_zone_new_identifier ("Asia/Yakutsk");
  g_assert_nonnull (school_tz);

  g_test_add_func ("/report/month", test_month);
  g_test_add_func ("/report/pdf-format", test_pdf_format);
  g_test_add_func ("/report/empty-month", test_empty_month);
  g_test_add_func ("/report/many-overdue", test_many_overdue);
  g_test_add_func ("/report/write-errors", test_write_errors);
  g_test_add_func ("/report/command-line", test_command_line);

  return g_test_run ();
}
