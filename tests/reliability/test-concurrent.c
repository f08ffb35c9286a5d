/* test-concurrent.c — two programs writing the same database at once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each write is a BEGIN IMMEDIATE transaction and each connection waits on a busy timeout, so
 * the two writers take turns: no row is lost, no update overwritten.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sys/wait.h>

#include "reliability-common.h"

static char *
db_path (void)
{
  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  return g_build_filename (g_get_user_data_dir (), "shared.db", NULL);
}

/* Starts two helpers with the same arguments at once and waits for both */
static void
run_two (const char *mode,
         const char *path,
         const char *count)
{
  g_autofree char *helper = g_test_build_filename (G_TEST_BUILT, "reliability", "crash-writer", NULL);
  const char *argv[] = { helper, mode, path, count, NULL };
  g_autoptr(GError) error = NULL;
  GPid pids[2];

  for (guint i = 0; i < 2; i++)
    {
      g_assert_true (g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                    NULL, NULL, &pids[i], &error));
      g_assert_no_error (error);
    }
  for (guint i = 0; i < 2; i++)
    {
      int status;

      g_assert_cmpint (waitpid (pids[i], &status, 0), ==, pids[i]);
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 0);
      g_spawn_close_pid (pids[i]);
    }
}

static void
test_two_writers (void)
{
  g_autofree char *path = db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HdDatabase) db = hd_database_open (path, &error);
  g_autoptr(HdStmt) stmt = NULL;

  g_assert_no_error (error);
  g_assert_true (rel_add_person (db, &error));
  g_assert_no_error (error);

  run_two ("insert", path, "500");

  stmt = hd_database_prepare (db, "SELECT count(*), count(DISTINCT id) FROM requests", NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1000);
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 1000);
  g_assert_true (hd_database_check (db, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (hd_database_exec (db, "INSERT INTO requests_fts (requests_fts, rank)"
                                       " VALUES ('integrity-check', 1)", &error));
  g_assert_no_error (error);
}

static void
test_no_lost_update (void)
{
  g_autofree char *path = db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HdDatabase) db = hd_database_open (path, &error);

  g_assert_no_error (error);
  run_two ("increment", path, "200");
  g_assert_cmpint (hd_database_get_setting_int (db, "counter", 0), ==, 400);
  g_assert_true (hd_database_check (db, TRUE, &error));
  g_assert_no_error (error);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/reliability/concurrent/two-writers", test_two_writers);
  g_test_add_func ("/reliability/concurrent/no-lost-update", test_no_lost_update);
  return g_test_run ();
}
