/* test-refusals.c — files the app must refuse and leave byte for byte as they were
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tests/core/test-database.c covers a text file, another program's database, a newer schema
 * and a scribbled-over page; these are the cases it leaves out.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "reliability-common.h"

static char *
checksum_of (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
}

static void
assert_refused_untouched (const char *path,
                          int         code)
{
  g_autofree char *before = checksum_of (path);
  g_autofree char *after = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HdDatabase) db = hd_database_open (path, &error);

  g_assert_null (db);
  g_assert_error (error, HD_ERROR, code);
  /* the message names the file, so the secretary knows which one */
  g_assert_nonnull (strstr (error->message, path));
  after = checksum_of (path);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
}

/* A real School Helpdesk database of a few hundred pages, closed cleanly */
static char *
make_database (const char *name)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HdDatabase) db = NULL;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  path = g_build_filename (g_get_user_data_dir (), name, NULL);
  db = hd_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (rel_add_person (db, &error));
  g_assert_true (hd_database_begin (db, &error));
  for (guint i = 1; i <= 300; i++)
    g_assert_cmpint (rel_save_request (db, i, "Учитель выставил оценки, но родители их не видят.", &error), >, 0);
  g_assert_true (hd_database_commit (db, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static void
test_truncated (void)
{
  g_autofree char *path = make_database ("truncated.db");
  g_autofree char *contents = NULL;
  gsize len;

  /* a copy that stopped half-way, as from a full USB stick */
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 40 * 4096);
  g_assert_true (g_file_set_contents (path, contents, len / 2, NULL));
  assert_refused_untouched (path, HD_ERROR_CORRUPT);
}

static void
test_header_only (void)
{
  g_autofree char *path = NULL;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  path = g_build_filename (g_get_user_data_dir (), "header.db", NULL);
  /* the magic string and nothing more */
  g_assert_true (g_file_set_contents (path, "SQLite format 3", 16, NULL));
  assert_refused_untouched (path, HD_ERROR_NOT_A_DATABASE);
}

static void
test_zeroed_header (void)
{
  g_autofree char *path = make_database ("zeroed.db");
  g_autofree char *contents = NULL;
  gsize len;

  /* the first page wiped, as a failing disk may leave it */
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  memset (contents, 0, 4096);
  g_assert_true (g_file_set_contents (path, contents, len, NULL));
  assert_refused_untouched (path, HD_ERROR_NOT_A_DATABASE);
}

static void
test_too_new_with_data (void)
{
  g_autofree char *path = make_database ("future.db");
  g_autofree char *sql = NULL;
  sqlite3 *raw;

  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  sql = g_strdup_printf ("PRAGMA journal_mode=DELETE; PRAGMA user_version=%d", HD_SCHEMA_VERSION + 5);
  g_assert_cmpint (sqlite3_exec (raw, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);
  assert_refused_untouched (path, HD_ERROR_SCHEMA_TOO_NEW);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/reliability/refusals/truncated", test_truncated);
  g_test_add_func ("/reliability/refusals/header-only", test_header_only);
  g_test_add_func ("/reliability/refusals/zeroed-header", test_zeroed_header);
  g_test_add_func ("/reliability/refusals/too-new-with-data", test_too_new_with_data);
  return g_test_run ();
}
