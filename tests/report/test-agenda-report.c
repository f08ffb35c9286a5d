/* test-agenda-report.c — the printed agenda of a day and of a week, read back with poppler
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fixture is the week of 2–8 November 2026 in the school's time zone (Asia/Yakutsk):
 *
 *   day          calendar                  reception hours          consultations
 *   Mon 2 Nov    ordinary                  14:00–16:00, кабинет 12  40 (08:00 … 15:48, 12 min each)
 *   Tue 3 Nov    pre-holiday, ends 16:00   15:00–17:00 → 15:00–16:00 2
 *   Wed 4 Nov    National Unity Day        (14:00–16:00, not held)  0
 *   Thu 5 Nov    ordinary                  none                     0 → «Записей нет»
 *   Fri 6 Nov    ordinary                  10:00–12:00, библиотека  3, one with a long note
 *   Sat, Sun     weekend                                            0
 *
 * 45 consultations in all, each with a person of its own («Фамилия NN»), plus one on Sunday
 * 1 November and one on Monday 9 November that belong to other weeks.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <sys/wait.h>

#include "hd-agenda-report.h"
#include "hd-appointment-store.h"
#include "hd-database-private.h"
#include "hd-error.h"
#include "hd-test-pdf.h"
#include "hd-person-store.h"
#include "hd-reception-hours.h"
#include "hd-settings-keys.h"

#define N_MONDAY     40
#define N_WEEK       45
#define LONG_NOTE    "Просит показать, как выставлять итоговые оценки за четверть в параллели " \
                     "седьмых классов, как исправить ошибочно внесённую отметку и как родителям " \
                     "увидеть комментарии учителя; принести список учеников и логин от журнала"

static GTimeZone *school_tz;
static gboolean russian;
static char *build_root;

static const char *surnames[] = {
  "Иванова", "Петров", "Сидорова", "Кузнецов", "Смирнова", "Ёлкина", "Попов", "Соколова",
  "Лебедев", "Козлова",
};

static gint64
at (int day,
    int hour,
    int minute)
{
  g_autoptr(GDateTime) dt = g_date_time_new (school_tz, 2026, 11, day, hour, minute, 0);

  return g_date_time_to_unix (dt);
}

static char *
person_name (guint n)
{
  return g_strdup_printf ("%s %02u", surnames[n % G_N_ELEMENTS (surnames)], n);
}

static gint64
add_person (HdDatabase *db,
            guint       n)
{
  g_autoptr(HdPerson) person = hd_person_new ();
  g_autofree char *name = person_name (n);
  g_autoptr(GError) error = NULL;

  hd_person_set_full_name (person, name);
  if (n % 3 == 2)
    {
      hd_person_set_kind (person, HD_REQUESTER_PARENT);
      hd_person_set_class_name (person, "7Б");
    }
  else
    {
      hd_person_set_kind (person, HD_REQUESTER_STAFF);
      hd_person_set_position (person, "учитель русского языка");
    }
  g_assert_true (hd_person_store_create (db, person, &error));
  g_assert_no_error (error);
  return hd_person_get_id (person);
}

static void
add_appointment (HdDatabase          *db,
                 guint                n,
                 gint64               starts,
                 int                  minutes,
                 HdAppointmentStatus  status,
                 gint64               request_id,
                 const char          *notes)
{
  g_autoptr(HdAppointment) a = hd_appointment_new ();
  g_autoptr(GError) error = NULL;

  hd_appointment_set_person_id (a, add_person (db, n));
  hd_appointment_set_starts_at (a, starts);
  hd_appointment_set_ends_at (a, starts + minutes * 60);
  hd_appointment_set_topic (a, HD_TOPIC_GRADES_FINAL);
  hd_appointment_set_mode (a, n % 2 == 0 ? HD_MODE_IN_PERSON : HD_MODE_PHONE);
  hd_appointment_set_status (a, status);
  hd_appointment_set_request_id (a, request_id);
  hd_appointment_set_notes (a, notes);
  g_assert_true (hd_appointment_store_create (db, a, &error));
  g_assert_no_error (error);
}

static void
add_hours (HdDatabase *db,
           int         weekday,
           int         from_hour,
           int         to_hour,
           const char *place)
{
  g_autoptr(HdReceptionHours) hours = hd_reception_hours_new ();
  g_autoptr(GError) error = NULL;

  hd_reception_hours_set_weekday (hours, weekday);
  hd_reception_hours_set_starts_min (hours, from_hour * 60);
  hd_reception_hours_set_ends_min (hours, to_hour * 60);
  hd_reception_hours_set_place (hours, place);
  hd_reception_hours_set_valid_from (hours, "2026-09-01");
  hd_reception_hours_set_approved_on (hours, "2026-08-28");
  g_assert_true (hd_reception_hours_store_save (db, hours, &error));
  g_assert_no_error (error);
}

static HdDatabase *
week_db (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  HdDatabase *db;
  guint n = 0;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  path = g_build_filename (g_get_user_data_dir (), "agenda.db", NULL);
  db = hd_database_open (path, &error);
  g_assert_no_error (error);

  g_assert_true (hd_database_set_setting (db, HD_SETTING_SCHOOL_NAME, "МОАУ СОШ № 1 г. Шимановска", NULL));
  g_assert_true (hd_database_set_setting (db, HD_SETTING_CONSULTANT_NAME, "Белова Ольга Викторовна", NULL));
  add_hours (db, 1, 14, 16, "кабинет 12");
  add_hours (db, 2, 15, 17, "кабинет 12");
  add_hours (db, 3, 14, 16, "кабинет 12");
  add_hours (db, 5, 10, 12, "библиотека");

  /* A request for one consultation to link to */
  g_assert_true (hd_database_exec (db,
                                   "INSERT INTO people (id, full_name, kind, created_at, updated_at)"
                                   " VALUES (500, 'Заявитель', 'staff', 0, 0);"
                                   "INSERT INTO requests (id, received_at, requester_id, requester_kind,"
                                   " channel, topic, summary, status, created_at, updated_at)"
                                   " VALUES (77, 0, 500, 'staff', 'phone', 'grades_final',"
                                   " 'Не выставляются итоговые оценки', 'new', 0, 0)", &error));
  g_assert_no_error (error);

  g_assert_true (hd_database_begin (db, NULL));
  for (guint i = 0; i < N_MONDAY; i++, n++)
    add_appointment (db, n, at (2, 8, 0) + i * 12 * 60, 10,
                     i == 0 ? HD_APPOINTMENT_HELD : HD_APPOINTMENT_SCHEDULED, i == 1 ? 77 : 0, "");
  add_appointment (db, n++, at (3, 15, 0), 30, HD_APPOINTMENT_SCHEDULED, 0, "");
  add_appointment (db, n++, at (3, 15, 30), 30, HD_APPOINTMENT_CANCELLED_REQUESTER, 0, "");
  add_appointment (db, n++, at (6, 10, 0), 30, HD_APPOINTMENT_SCHEDULED, 0, LONG_NOTE);
  add_appointment (db, n++, at (6, 10, 40), 30, HD_APPOINTMENT_SCHEDULED, 0, "");
  add_appointment (db, n++, at (6, 14, 0), 30, HD_APPOINTMENT_NO_SHOW, 0, "");
  g_assert_cmpuint (n, ==, N_WEEK);
  /* Other weeks */
  add_appointment (db, 90, at (1, 10, 0), 30, HD_APPOINTMENT_SCHEDULED, 0, "");
  add_appointment (db, 91, at (9, 8, 0), 30, HD_APPOINTMENT_SCHEDULED, 0, "");
  g_assert_true (hd_database_commit (db, NULL));
  return db;
}

static guint
pdf_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = run_tool (argv);
  const char *line;

  g_assert_nonnull (info);
  line = strstr (info, "Pages:");
  g_assert_nonnull (line);
  return (guint) g_ascii_strtoull (line + strlen ("Pages:"), NULL, 10);
}

static char *
write_pdf (HdAgendaReport *report,
           const char     *name)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (g_get_user_data_dir (), name, NULL);

  g_assert_true (hd_agenda_report_write_pdf (report, path, &error));
  g_assert_no_error (error);
  return path;
}

static gboolean
have_poppler (void)
{
  g_autofree char *text = g_find_program_in_path ("pdftotext");
  g_autofree char *info = g_find_program_in_path ("pdfinfo");

  if (text == NULL || info == NULL)
    {
      g_test_skip ("pdftotext or pdfinfo (poppler-utils) is not installed");
      return FALSE;
    }
  return TRUE;
}

static void
test_week (void)
{
  g_autoptr(HdDatabase) db = week_db ();
  g_autoptr(HdWorkdays) workdays = open_workdays ();
  g_autoptr(HdAgendaReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *page2 = NULL;
  g_autofree char *last_page = NULL;
  g_autofree char *footer = NULL;
  GDate wednesday, first;
  guint n_pages;

  /* Any day of the week gives the week from its Monday */
  g_date_set_dmy (&wednesday, 4, 11, 2026);
  report = hd_agenda_report_new (db, workdays, &wednesday, HD_AGENDA_WEEK, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  hd_agenda_report_get_first_day (report, &first);
  g_assert_cmpint (g_date_get_day (&first), ==, 2);
  g_assert_cmpuint (hd_agenda_report_get_n_appointments (report), ==, N_WEEK);

  /* 40 rows of at least two lines do not fit one A4 page */
  n_pages = hd_agenda_report_get_n_pages (report, HD_AGENDA_REPORT_PAGE_WIDTH,
                                          HD_AGENDA_REPORT_PAGE_HEIGHT);
  g_assert_cmpuint (n_pages, >=, 2);
  g_assert_cmpuint (n_pages, <=, 4);

  if (!have_poppler ())
    return;
  path = write_pdf (report, "week.pdf");
  g_assert_cmpuint (pdf_pages (path), ==, n_pages);
  text = pdf_text (path, 0);
  g_assert_nonnull (text);

  /* Every consultation of the week once, none of the other weeks */
  for (guint i = 0; i < N_WEEK; i++)
    {
      g_autofree char *name = person_name (i);

      if (count_of (text, name) != 1)
        g_error ("«%s» appears %u times", name, count_of (text, name));
    }
  g_assert_cmpuint (count_of (text, "Лебедев 90"), ==, 0);
  g_assert_cmpuint (count_of (text, "Козлова 91"), ==, 0);

  if (!russian)
    {
      g_test_message ("no ru_RU locale: the Russian wording is not checked");
      return;
    }

  g_assert_nonnull (strstr (text, "МОАУ СОШ № 1 г. Шимановска"));
  g_assert_nonnull (strstr (text, "Консультант: Белова Ольга Викторовна"));
  g_assert_nonnull (strstr (text, "Неделя 2–8 ноября 2026 г."));
  g_assert_nonnull (strstr (text, "Понедельник, 2 ноября 2026 г."));
  g_assert_nonnull (strstr (text, "Вторник, 3 ноября 2026 г."));
  g_assert_nonnull (strstr (text, "Среда, 4 ноября 2026 г."));
  g_assert_nonnull (strstr (text, "Четверг, 5 ноября 2026 г."));
  g_assert_nonnull (strstr (text, "Пятница, 6 ноября 2026 г."));
  g_assert_nonnull (strstr (text, "Суббота, 7 ноября 2026 г."));
  g_assert_nonnull (strstr (text, "Воскресенье, 8 ноября 2026 г."));

  /* Monday's hours; Tuesday's cut to the pre-holiday day; the holiday by its name */
  g_assert_nonnull (strstr (text, "14:00–16:00, кабинет 12"));
  g_assert_nonnull (strstr (text, "15:00–16:00, кабинет 12"));
  g_assert_nonnull (strstr (text, "08:00–16:00"));
  g_assert_nonnull (strstr (text, "Нерабочий день: День народного единства"));
  g_assert_cmpuint (count_of (text, "Выходной день"), ==, 2);
  /* Only Thursday is an empty working day */
  g_assert_cmpuint (count_of (text, "Записей нет"), ==, 1);
  g_assert_cmpuint (count_of (text, "40 записей"), ==, 1);
  g_assert_cmpuint (count_of (text, "2 записи"), ==, 1);
  g_assert_cmpuint (count_of (text, "3 записи"), ==, 1);

  /* The linked request, the statuses, the long note whole */
  g_assert_nonnull (strstr (text, "обращение № 77"));
  g_assert_cmpuint (count_of (text, "Проведена"), ==, 1);
  g_assert_nonnull (strstr (text, LONG_NOTE));
  g_assert_nonnull (strstr (text, "7Б"));

  /* Monday runs over to page 2 under its heading again */
  page2 = pdf_text (path, 2);
  g_assert_nonnull (strstr (page2, "Понедельник, 2 ноября 2026 г. (продолжение)"));
  footer = g_strdup_printf ("Страница %u из %u", n_pages, n_pages);
  last_page = pdf_text (path, (int) n_pages);
  g_assert_nonnull (strstr (last_page, footer));
  g_assert_nonnull (strstr (last_page, "Воскресенье, 8 ноября 2026 г."));
}

static void
test_day (void)
{
  g_autoptr(HdDatabase) db = week_db ();
  g_autoptr(HdWorkdays) workdays = open_workdays ();
  struct {
    int          day;
    guint        n;
    const char  *title;
    const char  *expect;
  } cases[] = {
    { 3, 2, "Вторник, 3 ноября 2026 г.", "15:00–16:00, кабинет 12" },
    { 4, 0, "Среда, 4 ноября 2026 г.", "Нерабочий день: День народного единства" },
    { 5, 0, "Четверг, 5 ноября 2026 г.", "Записей нет" },
    { 6, 3, "Пятница, 6 ноября 2026 г.", "10:00–12:00, библиотека" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(HdAgendaReport) report = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *path = NULL;
      g_autofree char *text = NULL;
      g_autofree char *title = NULL;
      GDate day;

      g_date_set_dmy (&day, cases[i].day, 11, 2026);
      report = hd_agenda_report_new (db, workdays, &day, HD_AGENDA_DAY, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (hd_agenda_report_get_n_appointments (report), ==, cases[i].n);
      g_assert_cmpuint (hd_agenda_report_get_n_pages (report, HD_AGENDA_REPORT_PAGE_WIDTH,
                                                      HD_AGENDA_REPORT_PAGE_HEIGHT), ==, 1);
      if (!russian || !have_poppler ())
        continue;

      title = hd_agenda_report_get_title (report);
      g_assert_cmpstr (title, ==, cases[i].title);
      path = write_pdf (report, "day.pdf");
      g_assert_cmpuint (pdf_pages (path), ==, 1);
      text = pdf_text (path, 0);
      g_assert_nonnull (strstr (text, "Повестка дня"));
      g_assert_nonnull (strstr (text, cases[i].title));
      g_assert_nonnull (strstr (text, cases[i].expect));
      g_assert_nonnull (strstr (text, "Страница 1 из 1"));
    }
}

static void
test_week_titles (void)
{
  g_autoptr(HdDatabase) db = week_db ();
  g_autoptr(HdWorkdays) workdays = open_workdays ();
  struct {
    int          d, m, y;
    const char  *title;
  } cases[] = {
    { 23, 11, 2026, "Неделя 23–29 ноября 2026 г." },
    { 3, 12, 2026, "Неделя 30 ноября – 6 декабря 2026 г." },
    { 1, 1, 2027, "Неделя 28 декабря 2026 – 3 января 2027 г." },
  };

  if (!russian)
    {
      g_test_skip ("no ru_RU locale");
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(HdAgendaReport) report = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *title = NULL;
      GDate day;

      g_date_set_dmy (&day, cases[i].d, cases[i].m, cases[i].y);
      report = hd_agenda_report_new (db, workdays, &day, HD_AGENDA_WEEK, &error);
      g_assert_no_error (error);
      title = hd_agenda_report_get_title (report);
      g_assert_cmpstr (title, ==, cases[i].title);
    }
}

static void
test_write_error (void)
{
  g_autoptr(HdDatabase) db = week_db ();
  g_autoptr(HdWorkdays) workdays = open_workdays ();
  g_autoptr(HdAgendaReport) report = NULL;
  g_autoptr(GError) error = NULL;
  GDate day;

  g_date_set_dmy (&day, 5, 11, 2026);
  report = hd_agenda_report_new (db, workdays, &day, HD_AGENDA_DAY, &error);
  g_assert_no_error (error);
  g_assert_false (hd_agenda_report_write_pdf (report, "/nonexistent-folder/agenda.pdf", &error));
  g_assert_error (error, HD_ERROR, HD_ERROR_IO);
  g_assert_false (g_file_test ("/nonexistent-folder/agenda.pdf", G_FILE_TEST_EXISTS));
}

/* school-helpdesk --agenda DAY|week:DAY --output FILE.pdf: exit status 0, 1 or 2 */
static void
test_command_line (void)
{
  g_autofree char *exe = g_build_filename (build_root != NULL ? build_root : ".", "src",
                                           "school-helpdesk", NULL);
  g_autoptr(HdDatabase) db = week_db ();
  g_autofree char *pdf = g_build_filename (g_get_user_data_dir (), "cli.pdf", NULL);
  struct {
    const char *agenda;
    const char *output;
    int         status;
    guint       pages;
  } cases[] = {
    { "week:2026-11-04", pdf, 0, 0 },
    { "2026-11-05", pdf, 0, 1 },
    { "2026-11-31", pdf, 2, 0 },
    { "week:", pdf, 2, 0 },
    { "2026-11-05", NULL, 2, 0 },
    { "2026-11-05", "/nonexistent-folder/cli.pdf", 1, 0 },
  };

  if (!g_file_test (exe, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("the executable is not built");
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *argv[] = { exe, "--database", hd_database_get_path (db), "--agenda",
                             cases[i].agenda, cases[i].output != NULL ? "--output" : NULL,
                             cases[i].output, NULL };
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autoptr(GError) error = NULL;
      int status;

      g_remove (pdf);
      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                   &out, &err, &status, &error));
      g_assert_no_error (error);
      g_test_message ("--agenda %s → %s%s", cases[i].agenda, out, err);
      g_assert_cmpint (WEXITSTATUS (status), ==, cases[i].status);
      g_assert_cmpint (g_file_test (pdf, G_FILE_TEST_EXISTS), ==, cases[i].status == 0);
      if (cases[i].status != 0)
        g_assert_cmpuint (strlen (err), >, 10);
      else if (cases[i].pages > 0 && have_poppler ())
        g_assert_cmpuint (pdf_pages (pdf), ==, cases[i].pages);
    }
}

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

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("HD_LOCALEDIR");
  g_autofree char *built_localedir = NULL;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  /* Russian with the build tree's translations; weekday and month names need ru_RU */
  g_setenv ("LANGUAGE", "ru", TRUE);
  russian = setlocale (LC_ALL, "ru_RU.UTF-8") != NULL;
  if (!russian)
    g_assert_nonnull (setlocale (LC_ALL, "C.UTF-8"));
  build_root = find_build_root (argv[0]);
  if (localedir == NULL && build_root != NULL)
    localedir = built_localedir = g_build_filename (build_root, "po", NULL);
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  school_tz = g_time_zone_new_identifier ("Asia/Yakutsk");
  g_assert_nonnull (school_tz);

  g_test_add_func ("/agenda-report/week", test_week);
  g_test_add_func ("/agenda-report/day", test_day);
  g_test_add_func ("/agenda-report/week-titles", test_week_titles);
  g_test_add_func ("/agenda-report/write-error", test_write_error);
  g_test_add_func ("/agenda-report/command-line", test_command_line);

  return g_test_run ();
}
