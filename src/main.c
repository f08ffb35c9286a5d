/* main.c — gettext set-up, the headless command-line actions, then the application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "school-helpdesk"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "hd-database.h"
#include "hd-error.h"
#include "hd-application.h"

typedef struct {
  char     *database;
  gboolean  check;
  char     *backup;
} HdOptions;

static void
hd_options_clear (HdOptions *o)
{
  g_clear_pointer (&o->database, g_free);
  g_clear_pointer (&o->backup, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (HdOptions, hd_options_clear)

static void
print_error (const GError *error)
{
  /* Translators: %s is an error message */
  g_printerr (_("Error: %s\n"), error->message);
}

static HdDatabase *
open_database (const HdOptions *o,
               GError         **error)
{
  g_autofree char *path = o->database != NULL ? g_strdup (o->database) : hd_database_default_path ();
  return hd_database_open (path, error);
}

static int
run_check (const HdOptions *o)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HdDatabase) db = open_database (o, &error);
  g_autoptr(GHashTable) counts = NULL;
  static const char * const tables[] = {
    "people", "requests", "request_events", "appointments", "reception_hours",
    "newcomers", "calendar_days", "settings",
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
  g_autoptr(HdDatabase) db = open_database (o, &error);

  if (db == NULL || !hd_database_backup (db, o->backup, &error))
    {
      print_error (error);
      return 1;
    }
  /* Translators: %s is a file name */
  g_print (_("Backup written to %s\n"), o->backup);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_auto(HdOptions) o = { 0 };
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
    { NULL }
  };

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
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

  headless = o.check || o.backup != NULL;
  if (o.check)
    return run_check (&o);
  if (o.backup != NULL)
    return run_backup (&o);
  g_assert (!headless);

  app = hd_application_new (o.database);
  return g_application_run (G_APPLICATION (app), 1, argv);
}
