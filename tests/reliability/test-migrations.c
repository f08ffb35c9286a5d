/* test-migrations.c — every earlier schema version opens, keeps its data, and is backed up first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Written over hd_schema_get_migrations(), so each new migration is tested from every version
 * before it. When a migration changes a table, give it a fixture row below that the older
 * schema accepts.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "hd-database-private.h"
#include "hd-error.h"

/* One row per table, valid since schema version 1 */
static const struct {
  const char *table;
  const char *sql;
} fixtures[] = {
  { "settings", "INSERT INTO settings (key, value) VALUES ('school-name', 'МОАУ СОШ № 1 г. Шимановска')" },
  { "people", "INSERT INTO people (id, full_name, kind, position, name_key, created_at, updated_at)"
              " VALUES (1, 'Ёлкина Анна Сергеевна', 'staff', 'учитель математики', 'елкина анна сергеевна', 1, 1)" },
  { "requests", "INSERT INTO requests (id, received_at, requester_id, requester_kind, channel, topic,"
                " summary, requester_key, search_text, created_at, updated_at)"
                " VALUES (1, 1700000000, 1, 'staff', 'phone', 'grades_final',"
                " 'Не отображаются итоговые оценки', 'елкина анна сергеевна',"
                " 'не отображаются итоговые оценки елкина анна сергеевна', 1700000000, 1700000000)" },
  { "request_events", "INSERT INTO request_events (request_id, at, field, new_value) VALUES (1, 1700000000, 'created', 'new')" },
  { "reception_hours", "INSERT INTO reception_hours (weekday, starts_min, ends_min, place, valid_from)"
                       " VALUES (2, 840, 960, 'каб. 214', '2025-09-01')" },
  { "newcomers", "INSERT INTO newcomers (id, person_id, started_on, due_on, created_at, updated_at)"
                 " VALUES (1, 1, '2025-09-01', '2025-09-04', 1, 1)" },
  { "newcomer_events", "INSERT INTO newcomer_events (newcomer_id, at, field) VALUES (1, 1, 'created')" },
  { "appointments", "INSERT INTO appointments (starts_at, ends_at, person_id, request_id, topic, mode,"
                    " created_at, updated_at) VALUES (1700000000, 1700001800, 1, 1, 'grades_final', 'in_person', 1, 1)" },
  { "calendar_days", "INSERT INTO calendar_days (day, working, note) VALUES ('2025-12-31', 0, 'приказ')" },
};

static gboolean
object_exists (sqlite3    *db,
               const char *type,
               const char *name)
{
  sqlite3_stmt *stmt;
  gboolean exists;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT 1 FROM sqlite_schema WHERE type = ?1 AND name = ?2",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, type, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  exists = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);
  return exists;
}

static int
count_matches (HdDatabase *db,
               const char *match)
{
  sqlite3_stmt *stmt;
  int n;

  g_assert_cmpint (sqlite3_prepare_v2 (hd_database_get_handle (db),
                                       "SELECT count(*) FROM requests_fts WHERE requests_fts MATCH ?1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static int
count_rows (HdDatabase *db,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"", table);
  sqlite3_stmt *stmt;
  int n;

  g_assert_cmpint (sqlite3_prepare_v2 (hd_database_get_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

/* A database as version @version of the app left it, with a row in each of its tables;
 * returns the tables filled */
static GPtrArray *
build_at_version (const char *path,
                  int         version)
{
  const HdMigration *migrations;
  guint n_migrations;
  GPtrArray *filled = g_ptr_array_new ();
  g_autofree char *pragma = NULL;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode=WAL; BEGIN", NULL, NULL, NULL), ==, SQLITE_OK);
  migrations = hd_schema_get_migrations (&n_migrations);
  for (guint i = 0; i < n_migrations && migrations[i].version <= version; i++)
    g_assert_cmpint (sqlite3_exec (db, migrations[i].sql, NULL, NULL, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    if (object_exists (db, "table", fixtures[i].table))
      {
        g_assert_cmpint (sqlite3_exec (db, fixtures[i].sql, NULL, NULL, NULL), ==, SQLITE_OK);
        g_ptr_array_add (filled, (gpointer) fixtures[i].table);
      }
  pragma = g_strdup_printf ("PRAGMA user_version=%d; PRAGMA application_id=%d; COMMIT",
                            version, version > 0 ? HD_APPLICATION_ID : 0);
  g_assert_cmpint (sqlite3_exec (db, pragma, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  return filled;
}

static void
test_from_every_version (void)
{
  g_mkdir_with_parents (g_get_user_data_dir (), 0700);

  /* HD_SCHEMA_VERSION itself too: reopening an up-to-date database keeps it and takes no backup */
  for (int version = 1; version <= HD_SCHEMA_VERSION; version++)
    {
      g_autofree char *name = g_strdup_printf ("v%d", version);
      g_autofree char *dir = g_build_filename (g_get_user_data_dir (), name, NULL);
      g_autofree char *path = g_build_filename (dir, "helpdesk.db", NULL);
      g_autoptr(GPtrArray) filled = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(HdDatabase) db = NULL;
      const char *backup;

      g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
      filled = build_at_version (path, version);
      g_assert_cmpuint (filled->len, >, 0);

      db = hd_database_open (path, &error);
      g_assert_no_error (error);
      g_assert_cmpint (hd_database_get_schema_version (db), ==, HD_SCHEMA_VERSION);
      g_assert_true (hd_database_check (db, TRUE, &error));
      g_assert_no_error (error);
      for (guint i = 0; i < filled->len; i++)
        g_assert_cmpint (count_rows (db, g_ptr_array_index (filled, i)), ==, 1);
      g_assert_true (hd_database_exec (db, "INSERT INTO requests_fts (requests_fts, rank)"
                                           " VALUES ('integrity-check', 1)", &error));
      g_assert_no_error (error);
      /* the search index was made anew from the rows (migration 4), and finds the request */
      g_assert_cmpint (count_matches (db, "\"итогов\"* AND \"елкин\"*"), ==, 1);
      g_assert_cmpint (count_matches (db, "\"оцен\"*"), ==, 1);
      g_assert_cmpint (count_matches (db, "\"ведомост\"*"), ==, 0);
      g_assert_false (object_exists (hd_database_get_handle (db), "index", "request_events_field"));
      g_assert_false (object_exists (hd_database_get_handle (db), "index", "requests_resolved"));

      backup = hd_database_get_last_backup (db);
      if (version == HD_SCHEMA_VERSION)
        g_assert_null (backup);
      else
        {
          g_autofree char *backups = g_build_filename (dir, "backups", NULL);
          g_autofree char *newest = hd_database_find_newest_backup (path);

          /* the backup is in the backups folder and is the database as it was */
          g_assert_nonnull (backup);
          g_assert_true (g_str_has_prefix (backup, backups));
          g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
          g_assert_cmpstr (newest, ==, backup);
          {
            sqlite3 *raw;
            sqlite3_stmt *stmt;

            g_assert_cmpint (sqlite3_open_v2 (backup, &raw, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
            g_assert_cmpint (sqlite3_prepare_v2 (raw, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
            g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
            g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, version);
            sqlite3_finalize (stmt);
            sqlite3_close (raw);
          }
        }
    }
}

/* Version 0: a file with no schema yet, empty or of zero length, becomes a new database */
static void
test_from_nothing (gconstpointer data)
{
  gboolean zero_length = GPOINTER_TO_INT (data);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HdDatabase) db = NULL;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  path = g_build_filename (g_get_user_data_dir (), zero_length ? "zero.db" : "v0.db", NULL);
  if (zero_length)
    g_assert_true (g_file_set_contents (path, "", 0, &error));
  else
    g_ptr_array_unref (build_at_version (path, 0));

  db = hd_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hd_database_get_schema_version (db), ==, HD_SCHEMA_VERSION);
  g_assert_true (hd_database_check (db, TRUE, &error));
  g_assert_no_error (error);
  /* nothing to lose, so no backup */
  g_assert_null (hd_database_get_last_backup (db));
  g_assert_cmpint (count_rows (db, "requests"), ==, 0);
  g_assert_true (hd_database_set_setting (db, "school-name", "Школа", &error));
  g_assert_no_error (error);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/reliability/migrations/from-every-version", test_from_every_version);
  g_test_add_data_func ("/reliability/migrations/from-empty-sqlite", GINT_TO_POINTER (FALSE), test_from_nothing);
  g_test_add_data_func ("/reliability/migrations/from-zero-length", GINT_TO_POINTER (TRUE), test_from_nothing);
  return g_test_run ();
}
