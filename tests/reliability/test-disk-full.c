/* test-disk-full.c — a full disk gives a clear error and loses nothing saved before
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PRAGMA max_page_count caps the file on this connection, so SQLite reports SQLITE_FULL just as
 * it would on a full disk.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "reliability-common.h"

static gint64
query_int (HdDatabase *db,
           const char *sql)
{
  g_autoptr(HdStmt) stmt = hd_database_prepare (db, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static void
test_disk_full (void)
{
  g_autofree char *path = NULL;
  g_autofree char *pragma = NULL;
  g_autofree char *description = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HdDatabase) db = NULL;
  GString *text = g_string_new (NULL);
  guint saved = 0;
  gint64 id = 0;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  path = g_build_filename (g_get_user_data_dir (), "full.db", NULL);
  db = hd_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (rel_add_person (db, &error));
  g_assert_true (hd_database_set_setting (db, "school-name", "МОАУ СОШ № 1 г. Шимановска", &error));
  for (guint i = 1; i <= 20; i++)
    g_assert_cmpint (rel_save_request (db, i, "Запись до переполнения диска.", &error), >, 0);
  g_assert_no_error (error);

  /* Room for a few more pages only */
  pragma = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT,
                            query_int (db, "PRAGMA page_count") + 3);
  g_assert_true (hd_database_exec (db, pragma, &error));

  /* Long descriptions (the most a request may have) fill them quickly */
  for (guint i = 0; i < 1000; i++)
    g_string_append (text, "Оценки не видны. ");
  description = g_utf8_substring (text->str, 0, 10000);
  g_string_free (text, TRUE);

  for (guint i = 21; i < 200; i++)
    {
      id = rel_save_request (db, i, description, &error);
      if (id == 0)
        break;
      saved++;
    }
  g_assert_cmpint (id, ==, 0);
  g_assert_error (error, HD_ERROR, HD_ERROR_DISK_FULL);
  g_assert_nonnull (strstr (error->message, "intact"));
  g_clear_error (&error);

  /* The failed save left nothing behind, and a setting fails the same way */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM requests"), ==, 20 + saved);
  {
    g_autofree char *big = g_strnfill (1024 * 1024, 'x');

    g_assert_false (hd_database_set_setting (db, "big", big, &error));
  }
  g_assert_error (error, HD_ERROR, HD_ERROR_DISK_FULL);
  g_clear_error (&error);

  /* After reopening (with room again), everything saved before is there and sound */
  g_clear_object (&db);
  db = hd_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (hd_database_check (db, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM requests"), ==, 20 + saved);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM request_events WHERE field = 'created'"), ==, 20 + saved);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM settings WHERE key = 'big'"), ==, 0);
  {
    g_autofree char *name = hd_database_get_setting (db, "school-name", NULL);
    g_assert_cmpstr (name, ==, "МОАУ СОШ № 1 г. Шимановска");
  }
  g_assert_true (hd_database_exec (db, "INSERT INTO requests_fts (requests_fts, rank)"
                                       " VALUES ('integrity-check', 1)", &error));
  g_assert_no_error (error);
  /* and it takes new requests again */
  g_assert_cmpint (rel_save_request (db, 999, NULL, &error), >, 0);
  g_assert_no_error (error);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/reliability/disk-full", test_disk_full);
  return g_test_run ();
}
