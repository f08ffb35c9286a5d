/* main.c — gettext set-up, the headless command-line actions, then the application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "school-helpdesk"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hd-csv-requests.h"
#include "hd-database.h"
#include "hd-date.h"
#include "hd-demo.h"
#include "hd-availability.h"
#include "hd-error.h"
#include "hd-ics.h"
#include "hd-agenda-report.h"
#include "hd-report.h"
#include "hd-application.h"

typedef struct {
  char     *database;
  gboolean  check;
  char     *backup;
  gint64    generate_demo;
  gint64    seed;
  char     *export_csv;
  char     *export_ics;
  char     *import_csv;
  char     *from;
  char     *to;
  char     *report;
  char     *output;
  char     *agenda;
} HdOptions;

static void
hd_options_clear (HdOptions *o)
{
  g_clear_pointer (&o->database, g_free);
  g_clear_pointer (&o->backup, g_free);
  g_clear_pointer (&o->export_csv, g_free);
  g_clear_pointer (&o->export_ics, g_free);
  g_clear_pointer (&o->import_csv, g_free);
  g_clear_pointer (&o->from, g_free);
  g_clear_pointer (&o->to, g_free);
  g_clear_pointer (&o->report, g_free);
  g_clear_pointer (&o->output, g_free);
  g_clear_pointer (&o->agenda, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (HdOptions, hd_options_clear)

static void
print_error (const GError *error)
{
  /* Translators: %s is an error message */
  g_printerr (_("Error: %s\n"), error->message);
}

/* Checking or copying a database that is not there must not create an empty one. */
static HdDatabase *
open_database (const HdOptions *o,
               gboolean         create,
               GError         **error)
{
  g_autofree char *path = o->database != NULL ? g_strdup (o->database) : hd_database_default_path ();

  if (!create && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, HD_ERROR, HD_ERROR_NOT_FOUND,
                   /* Translators: %s is a file name */
                   _("The database “%s” does not exist. Check the file name."), path);
      return NULL;
    }
  return hd_database_open (path, error);
}

static void
demo_progress_cb (guint    done,
                  guint    total,
                  gpointer user_data)
{
  /* back to the start of the line, to write over the last figure */
  g_printerr ("\r");
  /* Translators: progress of --generate-demo; %u is a percentage, %% the sign */
  g_printerr (_("Generating demo data: %u%%"), (guint) ((guint64) done * 100 / MAX (total, 1)));
  if (done == total)
    g_printerr ("\n");
}

static int
run_generate_demo (const HdOptions *o)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HdDatabase) db = NULL;
  gboolean show_progress = o->generate_demo >= 100000 && isatty (STDERR_FILENO);
  gint64 started = g_get_monotonic_time ();
  guint n;

  if (o->generate_demo < 1 || o->generate_demo > 10000000)
    {
      /* Translators: the option's name stays in Latin letters */
      g_printerr (_("Error: %s\n"), _("--generate-demo needs a number of requests from 1 to 10 000 000."));
      return 2;
    }
  if (o->seed < 0 || o->seed > G_MAXUINT32)
    {
      g_printerr (_("Error: %s\n"), _("--seed needs a number from 0 to 4 294 967 295."));
      return 2;
    }
  n = (guint) o->generate_demo;

  db = open_database (o, TRUE, &error);
  if (db == NULL ||
      !hd_demo_generate (db, n, (guint32) o->seed, g_get_real_time () / G_USEC_PER_SEC,
                         show_progress ? demo_progress_cb : NULL, NULL, NULL, &error))
    {
      print_error (error);
      return 1;
    }

  g_print (g_dngettext (GETTEXT_PACKAGE,
                        /* Translators: %u is a number of requests, %s a file name, %.1f seconds */
                        "Wrote %u demo request to %s in %.1f s\n",
                        "Wrote %u demo requests to %s in %.1f s\n", n),
           n, hd_database_get_path (db), (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC);
  return 0;
}

static int
run_check (const HdOptions *o)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HdDatabase) db = open_database (o, FALSE, &error);
  g_autoptr(GHashTable) counts = NULL;
  static const char * const tables[] = {
    "people", "requests", "request_events", "appointments", "reception_hours",
    "newcomers", "calendar_days", "answer_templates", "settings",
  };

  if (db == NULL || !hd_database_check (db, TRUE, &error) ||
      (counts = hd_database_count_rows (db, &error)) == NULL)
    {
      print_error (error);
      return 1;
    }

  /* Translators: %s is a file name */
  g_print (_("Database: %s\n"), hd_database_get_path (db));
  /* Translators: %d is a version number */
  g_print (_("Schema version: %d\n"), hd_database_get_schema_version (db));
  g_print (_("Integrity: ok\n"));
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    g_print ("  %-16s %" G_GINT64_FORMAT "\n", tables[i],
             *(gint64 *) g_hash_table_lookup (counts, tables[i]));
  return 0;
}

static int
run_backup (const HdOptions *o)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HdDatabase) db = open_database (o, FALSE, &error);
  struct stat a, b;

  /* The backup replaces FILE: it must never be the database itself */
  if (db != NULL && g_stat (hd_database_get_path (db), &a) == 0 && g_stat (o->backup, &b) == 0 &&
      a.st_dev == b.st_dev && a.st_ino == b.st_ino)
    {
      g_set_error (&error, HD_ERROR, HD_ERROR_CONFLICT,
                   /* Translators: %s is a file name */
                   _("“%s” is the database itself. Choose another file for the backup."), o->backup);
      g_clear_object (&db);
    }

  if (db == NULL || !hd_database_backup (db, o->backup, &error))
    {
      print_error (error);
      return 1;
    }
  /* Translators: %s is a file name */
  g_print (_("Backup written to %s\n"), o->backup);
  return 0;
}

/* --from and --to: local days, both optional, both inclusive */
static gboolean
parse_period (const HdOptions *o,
              GDate           *from,
              GDate           *to)
{
  g_date_clear (from, 1);
  g_date_clear (to, 1);
  if ((o->from != NULL && !hd_date_parse_iso (o->from, from)) ||
      (o->to != NULL && !hd_date_parse_iso (o->to, to)))
    {
      /* Translators: the option names stay in Latin letters; keep the example date */
      g_printerr (_("Error: %s\n"), _("--from and --to need a date written as 2026-09-01."));
      return FALSE;
    }
  if (g_date_valid (from) && g_date_valid (to) && g_date_compare (from, to) > 0)
    {
      g_printerr (_("Error: %s\n"), _("The date of --from is after the date of --to."));
      return FALSE;
    }
  return TRUE;
}

static int
run_export_csv (const HdOptions *o)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HdDatabase) db = NULL;
  g_autoptr(GFile) file = NULL;
  GDate from, to;
  guint n = 0;

  if (!parse_period (o, &from, &to))
    return 2;

  file = g_file_new_for_commandline_arg (o->export_csv);
  db = open_database (o, FALSE, &error);
  if (db == NULL ||
      !hd_csv_requests_export_file (db, file, g_date_valid (&from) ? &from : NULL,
                                    g_date_valid (&to) ? &to : NULL, NULL, NULL, NULL, &n, &error))
    {
      print_error (error);
      return 1;
    }

  g_print (g_dngettext (GETTEXT_PACKAGE,
                        /* Translators: %u is a number of requests, %s a file name */
                        "Exported %u request to %s\n",
                        "Exported %u requests to %s\n", n),
           n, o->export_csv);
  return 0;
}

/* --export-ics: consultations of --from … --to (local days, inclusive); by default from a
 * year ago to the end of the booking horizon */
static int
run_export_ics (const HdOptions *o)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HdDatabase) db = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autofree char *zone = NULL;
  GDate from, to;
  guint n = 0;

  if (!parse_period (o, &from, &to))
    return 2;

  file = g_file_new_for_commandline_arg (o->export_ics);
  db = open_database (o, FALSE, &error);
  if (db == NULL)
    {
      print_error (error);
      return 1;
    }
  zone = hd_database_get_setting (db, HD_SETTING_TIME_ZONE, HD_TERMS_DEFAULT_TIME_ZONE);
  tz = g_time_zone_new_identifier (zone);
  if (tz == NULL)
    {
      g_free (zone);
      zone = g_strdup (HD_TERMS_DEFAULT_TIME_ZONE);
      tz = g_time_zone_new_identifier (zone);
    }
  if (!g_date_valid (&from))
    {
      hd_date_set_today (&from, tz);
      g_date_subtract_years (&from, 1);
    }
  if (!g_date_valid (&to))
    {
      hd_date_set_today (&to, tz);
      g_date_add_days (&to, hd_availability_get_horizon_days (db));
    }
  start = g_date_time_new (tz, g_date_get_year (&from), g_date_get_month (&from), g_date_get_day (&from), 0, 0, 0);
  end = g_date_time_new (tz, g_date_get_year (&to), g_date_get_month (&to), g_date_get_day (&to), 0, 0, 0);
  if (!hd_ics_export_file (db, tz, zone, g_date_time_to_unix (start), g_date_time_to_unix (end) + 86400,
                           file, &n, &error))
    {
      print_error (error);
      return 1;
    }

  g_print (g_dngettext (GETTEXT_PACKAGE,
                        /* Translators: %u is a number of consultations, %s a file name */
                        "Exported %u consultation to %s\n",
                        "Exported %u consultations to %s\n", n),
           n, o->export_ics);
  return 0;
}

static int
run_import_csv (const HdOptions *o)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HdDatabase) db = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(HdCsvImportReport) report = NULL;

  if (o->from != NULL || o->to != NULL)
    {
      g_printerr (_("Error: %s\n"), _("--from and --to go with --export-csv only."));
      return 2;
    }

  file = g_file_new_for_commandline_arg (o->import_csv);
  db = open_database (o, TRUE, &error);
  if (db == NULL ||
      !hd_csv_requests_import_file (db, file, HD_CSV_IMPORT_NONE, NULL, NULL, NULL, &report, &error))
    {
      /* every bad line, then what it means */
      for (guint i = 0; report != NULL && i < report->problems->len; i++)
        {
          HdCsvProblem *p = report->problems->pdata[i];

          /* Translators: %u is a line number of the file, %s what is wrong with it */
          g_printerr (_("Line %u: %s\n"), p->line, p->message);
        }
      print_error (error);
      return 1;
    }

  for (guint i = 0; i < report->renumbered->len; i++)
    {
      HdCsvRenumbered *r = &g_array_index (report->renumbered, HdCsvRenumbered, i);
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, r->number);
      g_autofree char *new_number = g_strdup_printf ("%" G_GINT64_FORMAT, r->new_number);

      /* Translators: %u is a line number, then two request numbers */
      g_print (_("Line %u: number %s is already taken in the journal, so the request got "
                 "number %s.\n"),
               r->line, number, new_number);
    }
  g_print (g_dngettext (GETTEXT_PACKAGE,
                        /* Translators: %u is a number of requests, %s a file name */
                        "Imported %u request from %s\n",
                        "Imported %u requests from %s\n", report->n_imported),
           report->n_imported, o->import_csv);
  if (report->n_skipped > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          /* Translators: %u is a number of rows of the file */
                          "%u row was already in the journal and was skipped.\n",
                          "%u rows were already in the journal and were skipped.\n",
                          report->n_skipped),
             report->n_skipped);
  if (report->n_people_created > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          /* Translators: %u is a number of people */
                          "%u new requester was added to the list of people.\n",
                          "%u new requesters were added to the list of people.\n",
                          report->n_people_created),
             report->n_people_created);
  return 0;
}

static int
run_report (const HdOptions *o)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HdDatabase) db = NULL;
  g_autoptr(HdWorkdays) workdays = NULL;
  g_autoptr(HdReport) report = NULL;
  HdPeriod period;
  guint n_pages;

  if (o->output == NULL)
    {
      g_printerr (_("Error: %s\n"), _("--report needs --output FILE.pdf: the file to save the "
                                       "report to."));
      return 2;
    }
  if (!hd_period_parse (o->report, &period, &error))
    {
      print_error (error);
      return 2;
    }

  db = open_database (o, FALSE, &error);
  if (db == NULL ||
      (workdays = hd_workdays_new (&error)) == NULL ||
      !hd_workdays_load_overrides (workdays, db, &error) ||
      (report = hd_report_new (db, workdays, &period, g_get_real_time () / G_USEC_PER_SEC,
                               &error)) == NULL ||
      !hd_report_write_pdf (report, o->output, &error))
    {
      print_error (error);
      return 1;
    }

  n_pages = hd_report_get_n_pages (report, HD_REPORT_PAGE_WIDTH, HD_REPORT_PAGE_HEIGHT);
  g_print (g_dngettext (GETTEXT_PACKAGE,
                        /* Translators: %u is a number of pages, %s a file name */
                        "Wrote the report (%u page) to %s\n",
                        "Wrote the report (%u pages) to %s\n", n_pages),
           n_pages, o->output);
  return 0;
}

/* --agenda DAY|week:DAY --output FILE.pdf: the printed agenda of a day or of its week */
static int
run_agenda (const HdOptions *o)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HdDatabase) db = NULL;
  g_autoptr(HdWorkdays) workdays = NULL;
  g_autoptr(HdAgendaReport) agenda = NULL;
  gboolean week = g_str_has_prefix (o->agenda, "week:");
  GDate day;
  guint n_pages;

  if (o->output == NULL)
    {
      g_printerr (_("Error: %s\n"), _("--agenda needs --output FILE.pdf: the file to save the "
                                       "agenda to."));
      return 2;
    }
  if (!hd_date_parse_iso (week ? o->agenda + strlen ("week:") : o->agenda, &day))
    {
      /* Translators: %s is what was given after --agenda */
      g_printerr (_("Error: “%s” is not a day. Write it as YYYY-MM-DD, or week:YYYY-MM-DD for "
                    "the whole week.\n"), o->agenda);
      return 2;
    }

  db = open_database (o, FALSE, &error);
  if (db == NULL ||
      (workdays = hd_workdays_new (&error)) == NULL ||
      !hd_workdays_load_overrides (workdays, db, &error) ||
      (agenda = hd_agenda_report_new (db, workdays, &day, week ? HD_AGENDA_WEEK : HD_AGENDA_DAY,
                                      &error)) == NULL ||
      !hd_agenda_report_write_pdf (agenda, o->output, &error))
    {
      print_error (error);
      return 1;
    }

  n_pages = hd_agenda_report_get_n_pages (agenda, HD_AGENDA_REPORT_PAGE_WIDTH,
                                          HD_AGENDA_REPORT_PAGE_HEIGHT);
  g_print (g_dngettext (GETTEXT_PACKAGE,
                        /* Translators: %u is a number of pages, %s a file name */
                        "Wrote the agenda (%u page) to %s\n",
                        "Wrote the agenda (%u pages) to %s\n", n_pages),
           n_pages, o->output);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_auto(HdOptions) o = { .generate_demo = -1, .seed = 1 };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HdApplication) app = NULL;
  gboolean headless;
  GOptionEntry entries[] = {
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &o.database,
      N_("Use this database file instead of the default one"), N_("FILE") },
    { "check", 0, 0, G_OPTION_ARG_NONE, &o.check,
      N_("Check the database’s integrity and print its schema version and row counts"), NULL },
    { "backup", 0, 0, G_OPTION_ARG_FILENAME, &o.backup,
      N_("Write a consistent copy of the database to FILE"), N_("FILE") },
    { "generate-demo", 0, 0, G_OPTION_ARG_INT64, &o.generate_demo,
      N_("Fill a new database with N demo requests and a school’s worth of people"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &o.seed,
      N_("Seed of the demo data (the same seed gives the same data; default 1)"), N_("S") },
    { "export-csv", 0, 0, G_OPTION_ARG_FILENAME, &o.export_csv,
      N_("Export the journal of requests to a CSV file (UTF-8, “;”) that Excel opens"), N_("FILE") },
    { "export-ics", 0, 0, G_OPTION_ARG_FILENAME, &o.export_ics,
      N_("Export the consultations to an iCalendar file for other calendars"), N_("FILE") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &o.from,
      N_("With --export-csv: only requests received on this day or later"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &o.to,
      N_("With --export-csv: only requests received on this day or earlier"), N_("YYYY-MM-DD") },
    { "import-csv", 0, 0, G_OPTION_ARG_FILENAME, &o.import_csv,
      N_("Import requests from a CSV file; nothing is imported if a line has an error"), N_("FILE") },
    { "report", 0, 0, G_OPTION_ARG_STRING, &o.report,
      N_("Write the report of a month, a quarter or a school year (with --output)"),
      N_("YYYY-MM|YYYY-Qn|YYYY/YYYY") },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &o.output,
      N_("With --report: the PDF file to write"), N_("FILE.pdf") },
    { "agenda", 0, 0, G_OPTION_ARG_STRING, &o.agenda,
      N_("Write the consultations of a day, or of its week, as a PDF to print (with --output)"),
      N_("YYYY-MM-DD|week:YYYY-MM-DD") },
    { NULL }
  };

  setlocale (LC_ALL, "");
  /* HD_LOCALEDIR: the build tree's catalogues, set by `meson devenv` and the tests */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("HD_LOCALEDIR") != NULL ? g_getenv ("HD_LOCALEDIR")
                                                                      : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Parse a copy: the headless actions are handled here, everything else (GTK's own options
   * included) goes on to the application untouched. */
  {
    int n = argc;
    char **copy = g_memdup2 (argv, sizeof (char *) * (argc + 1));

    context = g_option_context_new (NULL);
    g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
    g_option_context_set_summary (context, _("Requests, consultations, onboarding and reports "
                                             "for a school’s electronic journal support."));
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
    g_option_context_set_ignore_unknown_options (context, TRUE);
    g_option_context_set_help_enabled (context, TRUE);
    if (!g_option_context_parse (context, &n, &copy, &error))
      {
        g_free (copy);
        print_error (error);
        return 2;
      }
    g_free (copy);
  }

  headless = o.check || o.backup != NULL || o.generate_demo != -1 || o.export_csv != NULL || o.export_ics != NULL ||
             o.import_csv != NULL || o.report != NULL || o.agenda != NULL;
  if (o.generate_demo != -1)
    return run_generate_demo (&o);
  if (o.check)
    return run_check (&o);
  if (o.backup != NULL)
    return run_backup (&o);
  if (o.export_csv != NULL)
    return run_export_csv (&o);
  if (o.export_ics != NULL)
    return run_export_ics (&o);
  if (o.import_csv != NULL)
    return run_import_csv (&o);
  if (o.report != NULL)
    return run_report (&o);
  if (o.agenda != NULL)
    return run_agenda (&o);
  if (o.output != NULL)
    {
      g_printerr (_("Error: %s\n"), _("--output goes with --report only."));
      return 2;
    }
  if (o.from != NULL || o.to != NULL)
    {
      g_printerr (_("Error: %s\n"), _("--from and --to go with --export-csv only."));
      return 2;
    }
  g_assert (!headless);

  app = hd_application_new (o.database);
  return g_application_run (G_APPLICATION (app), 1, argv);
}
