/* test-database.c — opening, refusing, migrating, backing up, searching
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hd-database-private.h"
#include "hd-error.h"
#include "hd-text.h"

static char *
tmp_path (const char *name)
{
  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  return g_build_filename (g_get_user_data_dir (), name, NULL);
}

static char *
checksum_of (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
}

static void
assert_untouched (const char *path,
                  const char *checksum_before)
{
  g_autofree char *after = checksum_of (path);
  g_autofree char *wal = g_strdup_printf ("%s-wal", path);
  g_autofree char *shm = g_strdup_printf ("%s-shm", path);

  g_assert_cmpstr (after, ==, checksum_before);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
}

static void
test_create (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "new", "folder", "helpdesk.db", NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(HdDatabase) db = hd_database_open (path, &error);
  struct stat st;
  sqlite3_stmt *stmt;

  g_assert_no_error (error);
  g_assert_nonnull (db);
  g_assert_cmpint (hd_database_get_schema_version (db), ==, HD_SCHEMA_VERSION);
  g_assert_false (hd_database_is_read_only (db));

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  sqlite3_prepare_v2 (hd_database_get_handle (db), "PRAGMA journal_mode", -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
  sqlite3_finalize (stmt);

  sqlite3_prepare_v2 (hd_database_get_handle (db), "PRAGMA foreign_keys", -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  sqlite3_finalize (stmt);

  /* a new file has 16 KiB pages (SQLite's default is 4 KiB) */
  sqlite3_prepare_v2 (hd_database_get_handle (db), "PRAGMA page_size", -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 16384);
  sqlite3_finalize (stmt);

  sqlite3_prepare_v2 (hd_database_get_handle (db), "PRAGMA synchronous", -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 2);  /* FULL */
  sqlite3_finalize (stmt);

  g_assert_true (hd_database_check (db, TRUE, &error));
  g_assert_no_error (error);

  /* Reopening an up-to-date database takes no backup */
  g_clear_object (&db);
  db = hd_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_null (hd_database_get_last_backup (db));
}

static void
test_refuse_not_a_database (void)
{
  g_autofree char *path = tmp_path ("notes.txt");
  g_autofree char *before = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HdDatabase) db = NULL;

  g_assert_true (g_file_set_contents (path, "Это не база данных, а заметки консультанта.\n"
                                      "Они должны остаться как были.\n", -1, NULL));
  before = checksum_of (path);
  db = hd_database_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, HD_ERROR, HD_ERROR_NOT_A_DATABASE);
  assert_untouched (path, before);
}

static void
test_refuse_foreign_sqlite (void)
{
  g_autofree char *path = tmp_path ("other.sqlite");
  g_autofree char *before = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HdDatabase) db = NULL;
  sqlite3 *raw;

  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "PRAGMA application_id=42; CREATE TABLE t(x); INSERT INTO t VALUES (1)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  before = checksum_of (path);
  db = hd_database_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, HD_ERROR, HD_ERROR_NOT_A_DATABASE);
  assert_untouched (path, before);
}

static void
test_refuse_too_new (void)
{
  g_autofree char *path = tmp_path ("future.db");
  g_autofree char *before = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HdDatabase) db = NULL;
  sqlite3 *raw;

  db = hd_database_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&db);

  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  sql = g_strdup_printf ("PRAGMA journal_mode=DELETE; PRAGMA user_version=%d", HD_SCHEMA_VERSION + 1);
  g_assert_cmpint (sqlite3_exec (raw, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  before = checksum_of (path);
  db = hd_database_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, HD_ERROR, HD_ERROR_SCHEMA_TOO_NEW);
  assert_untouched (path, before);
}

static void
test_refuse_corrupt (void)
{
  g_autofree char *path = tmp_path ("damaged.db");
  g_autofree char *contents = NULL;
  g_autofree char *before = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HdDatabase) db = NULL;
  gsize len, page_size;
  sqlite3 *raw;

  db = hd_database_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&db);

  /* Fill a few pages, make it a single file, then scribble over the middle of it */
  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw,
                                 "PRAGMA journal_mode=DELETE;"
                                 "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000)"
                                 " INSERT INTO settings SELECT 'k' || i, printf('%.500c', 'x') FROM n;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  /* two of the last pages, which hold the rows just written (the page size is at byte 16) */
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  page_size = ((guchar) contents[16] << 8) | (guchar) contents[17];
  page_size = page_size == 1 ? 65536 : page_size;
  g_assert_cmpuint (len / page_size, >, 8);
  for (gsize i = len - 3 * page_size; i < len - page_size; i++)
    contents[i] = (char) (i * 7);
  g_assert_true (g_file_set_contents (path, contents, len, NULL));

  before = checksum_of (path);
  db = hd_database_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, HD_ERROR, HD_ERROR_CORRUPT);
  assert_untouched (path, before);
}

/* A transaction interrupted in rollback-journal mode (as the demo generator runs) may leave
 * torn pages in the file and their originals in -journal: the file alone looks damaged, but
 * it is sound, and opening it must roll the transaction back, not send the user to a backup. */
static void
test_hot_journal (void)
{
  g_autofree char *path = tmp_path ("hot.db");
  g_autofree char *crashed = tmp_path ("crashed.db");
  g_autofree char *journal = g_strdup_printf ("%s-journal", path);
  g_autofree char *crashed_journal = g_strdup_printf ("%s-journal", crashed);
  g_autofree char *file = NULL;
  g_autofree char *saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HdDatabase) db = NULL;
  g_autofree char *value = NULL;
  gsize file_len, saved_len, sector, page_size, offset;
  guint n_torn = 0;
  sqlite3 *raw;

  db = hd_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (hd_database_set_setting (db, "school-name", "Школа № 1", &error));
  g_clear_object (&db);

  /* Many pages, then an open transaction that changes every one of them, with a cache too
   * small to hold them: SQLite syncs the journal and writes pages into the file */
  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw,
                                 "PRAGMA journal_mode=DELETE; PRAGMA cache_size=5;"
                                 "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000)"
                                 " INSERT INTO settings SELECT 'k' || i, printf('%.500c', 'x') FROM n;"
                                 "BEGIN;"
                                 "UPDATE settings SET value = printf('%.500c', 'y');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (g_file_get_contents (journal, &saved, &saved_len, NULL));
  g_assert_true (g_file_get_contents (path, &file, &file_len, NULL));
  g_assert_cmpint (sqlite3_exec (raw, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  /* The crash: every page saved in the journal torn in the file (page 1, the header, kept).
   * Journal: segments, each a header of one sector (the number of records at byte 8, the
   * sector size at 20, the page size at 24), then records of a 4-byte page number, the page
   * and a 4-byte checksum; the next segment starts at the next sector boundary. */
  g_assert_cmpuint (saved_len, >, 28);
  sector = GUINT32_FROM_BE (*(guint32 *) (saved + 20));
  page_size = GUINT32_FROM_BE (*(guint32 *) (saved + 24));
  g_assert_cmpuint (sector, >=, 512);
  g_assert_cmpuint (page_size, >=, 512);
  /* the number of records, written when the journal was synced: what makes it hot */
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (saved + 8)), >, 0);
  for (offset = 0; offset + sector <= saved_len;)
    {
      guint32 n_records = GUINT32_FROM_BE (*(guint32 *) (saved + offset + 8));
      gsize record = offset + sector;

      for (guint32 r = 0; r < n_records && record + 8 + page_size <= saved_len; r++)
        {
          guint32 page = GUINT32_FROM_BE (*(guint32 *) (saved + record));

          if (page >= 2 && (page - 1) * page_size + page_size <= file_len)
            {
              for (gsize i = 0; i < page_size; i++)
                file[(page - 1) * page_size + i] = (char) (i * 13 + page);
              n_torn++;
            }
          record += 8 + page_size;
        }
      if (n_records == 0)
        break;
      offset = (record + sector - 1) / sector * sector;
    }
  g_assert_cmpuint (n_torn, >, 10);
  g_assert_true (g_file_set_contents (crashed, file, file_len, NULL));
  g_assert_true (g_file_set_contents (crashed_journal, saved, saved_len, NULL));

  db = hd_database_open (crashed, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);
  value = hd_database_get_setting (db, "school-name", NULL);
  g_assert_cmpstr (value, ==, "Школа № 1");
  g_assert_true (hd_database_check (db, TRUE, &error));
  g_assert_no_error (error);
}

static void
test_settings (void)
{
  g_autofree char *path = tmp_path ("settings.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(HdDatabase) db = hd_database_open (path, &error);
  g_autofree char *name = NULL;
  g_autofree char *missing = NULL;

  g_assert_no_error (error);
  g_assert_true (hd_database_set_setting (db, "school-name", "МОАУ СОШ № 1 г. Шимановска", &error));
  g_assert_true (hd_database_set_setting (db, "deadline-days", "5", &error));
  g_assert_true (hd_database_set_setting (db, "quote", "'; DROP TABLE requests; --", &error));
  g_assert_no_error (error);

  g_clear_object (&db);
  db = hd_database_open (path, &error);
  name = hd_database_get_setting (db, "school-name", NULL);
  missing = hd_database_get_setting (db, "nothing", "default");
  g_assert_cmpstr (name, ==, "МОАУ СОШ № 1 г. Шимановска");
  g_assert_cmpstr (missing, ==, "default");
  g_assert_cmpint (hd_database_get_setting_int (db, "deadline-days", 3), ==, 5);
  g_assert_cmpint (hd_database_get_setting_int (db, "school-name", 3), ==, 3);
  {
    g_autofree char *quote = hd_database_get_setting (db, "quote", NULL);
    g_assert_cmpstr (quote, ==, "'; DROP TABLE requests; --");
  }
}

static void
insert_request (HdDatabase *db,
                gint64      person,
                const char *summary,
                const char *requester)
{
  g_autoptr(HdStmt) stmt = NULL;
  g_autofree char *search = NULL;
  g_autofree char *s1 = hd_text_normalize (summary);
  g_autofree char *s2 = hd_text_normalize (requester);

  search = g_strconcat (s1, " ", s2, NULL);
  stmt = hd_database_prepare (db,
                              "INSERT INTO requests (received_at, requester_id, requester_kind, channel, topic,"
                              " summary, search_text, requester_key, created_at, updated_at)"
                              " VALUES (1700000000, ?1, 'staff', 'phone', 'grades_current', ?2, ?3, ?4, 0, 0)",
                              NULL);
  sqlite3_bind_int64 (stmt, 1, person);
  sqlite3_bind_text (stmt, 2, summary, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, search, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, s2, -1, SQLITE_STATIC);
  g_assert_true (hd_database_step_done (db, stmt, NULL));
}

static guint
count_matches (HdDatabase *db,
               const char *typed)
{
  g_autofree char *query = hd_text_fts_query (typed);
  g_autoptr(HdStmt) stmt = hd_database_prepare (db, "SELECT count(*) FROM requests_fts WHERE requests_fts MATCH ?1", NULL);

  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int (stmt, 0);
}

static void
test_fts_russian (void)
{
  g_autofree char *path = tmp_path ("fts.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(HdDatabase) db = hd_database_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (hd_database_exec (db, "INSERT INTO people (id, full_name, kind, created_at, updated_at)"
                                       " VALUES (1, 'Ёлкина Анна', 'staff', 0, 0)", &error));
  insert_request (db, 1, "Не видны Оценки за четверть", "Ёлкина Анна");
  insert_request (db, 1, "ОЦЕНКА не сохраняется", "Ёлкина Анна");
  insert_request (db, 1, "Нет оценок в журнале 5А", "Ёлкина Анна");
  insert_request (db, 1, "Расписание на завтра", "Ёлкина Анна");

  g_assert_cmpuint (count_matches (db, "оценк"), ==, 3);
  g_assert_cmpuint (count_matches (db, "ОЦЕНК"), ==, 3);
  g_assert_cmpuint (count_matches (db, "елкина"), ==, 4);
  g_assert_cmpuint (count_matches (db, "ёлкина расп"), ==, 1);
  g_assert_cmpuint (count_matches (db, "о"), ==, 3);
  g_assert_cmpuint (count_matches (db, "\"); DROP TABLE requests; --"), ==, 0);

  /* the index follows updates */
  g_assert_true (hd_database_exec (db, "UPDATE requests SET search_text = 'другое' WHERE id = 1", &error));
  g_assert_cmpuint (count_matches (db, "оценк"), ==, 2);
  g_assert_true (hd_database_exec (db, "INSERT INTO requests_fts (requests_fts) VALUES ('integrity-check')", &error));
  g_assert_no_error (error);
}

/* Whatever letters or digits are typed, each word of the query stays one token of the index
 * (which keeps no positions, so two tokens in one quoted word would be an error): every letter
 * and digit GLib knows, between others, is searched without an error, and the words around a
 * character the tokenizer counts as a break are still found. */
static void
test_fts_every_letter (void)
{
  g_autofree char *path = tmp_path ("letters.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(HdDatabase) db = hd_database_open (path, &error);
  g_autoptr(HdStmt) stmt = NULL;
  g_autoptr(GString) typed = g_string_new (NULL);
  guint n_letters = 0;

  g_assert_no_error (error);
  g_assert_true (hd_database_exec (db, "INSERT INTO people (id, full_name, kind, created_at, updated_at)"
                                       " VALUES (1, 'Ёлкина Анна', 'staff', 0, 0)", &error));
  insert_request (db, 1, "оценки \u19b0 журнал", "Ёлкина Анна");
  stmt = hd_database_prepare (db, "SELECT count(*) FROM requests_fts WHERE requests_fts MATCH ?1", NULL);
  /* "ab<c>c" for each, 500 words a query (one query each takes half a minute under ASan) */
  for (gunichar c = 0x80, first = c; c <= 0x110000; c++)
    {
      if (c < 0x110000 && g_unichar_isalnum (c))
        {
          g_string_append (typed, " ab");
          g_string_append_unichar (typed, c);
          g_string_append_c (typed, 'c');
          n_letters++;
        }
      if ((n_letters % 500 == 0 || c == 0x110000) && typed->len > 0)
        {
          g_autofree char *query = hd_text_fts_query (typed->str);

          sqlite3_bind_text (stmt, 1, query, -1, SQLITE_STATIC);
          if (sqlite3_step (stmt) != SQLITE_ROW)
            g_error ("U+%04X…U+%04X: %s", first, c, sqlite3_errmsg (hd_database_get_handle (db)));
          sqlite3_reset (stmt);
          g_string_truncate (typed, 0);
          first = c + 1;
        }
    }
  g_assert_cmpuint (n_letters, >, 100000);
  g_assert_cmpuint (count_matches (db, "оценки\u19b0журнал"), ==, 1);
}

static void
test_backup_restore (void)
{
  g_autofree char *path = tmp_path ("main.db");
  g_autofree char *copy = tmp_path ("copy.db");
  g_autofree char *rotating = NULL;
  g_autofree char *newest = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HdDatabase) db = hd_database_open (path, &error);
  g_autoptr(HdDatabase) other = NULL;
  g_autofree char *value = NULL;
  struct stat st;

  g_assert_no_error (error);
  g_assert_true (hd_database_set_setting (db, "school-name", "Школа до резервной копии", &error));
  g_assert_true (hd_database_backup (db, copy, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (copy, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  rotating = hd_database_backup_rotating (db, "daily", &error);
  g_assert_no_error (error);
  newest = hd_database_find_newest_backup (path);
  g_assert_cmpstr (newest, ==, rotating);

  g_assert_true (hd_database_set_setting (db, "school-name", "Школа после", &error));
  g_clear_object (&db);

  g_assert_true (hd_database_restore_backup (copy, path, &error));
  g_assert_no_error (error);
  db = hd_database_open (path, &error);
  g_assert_no_error (error);
  value = hd_database_get_setting (db, "school-name", NULL);
  g_assert_cmpstr (value, ==, "Школа до резервной копии");

  /* a backup opens as a database of its own */
  other = hd_database_open (copy, &error);
  g_assert_no_error (error);
  g_assert_true (hd_database_check (other, TRUE, &error));
}

static void
test_read_only (void)
{
  g_autofree char *path = tmp_path ("readonly.db");
  g_autofree char *before = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HdDatabase) db = hd_database_open (path, &error);
  g_autofree char *value = NULL;

  g_assert_no_error (error);
  g_assert_true (hd_database_set_setting (db, "school-name", "Школа", &error));
  g_clear_object (&db);
  g_assert_cmpint (g_chmod (path, 0400), ==, 0);
  before = checksum_of (path);

  if (access (path, W_OK) == 0)
    {
      g_test_skip ("running as a user who can write read-only files (root)");
      return;
    }

  db = hd_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (hd_database_is_read_only (db));
  value = hd_database_get_setting (db, "school-name", NULL);
  g_assert_cmpstr (value, ==, "Школа");
  g_assert_false (hd_database_set_setting (db, "school-name", "Другая", &error));
  g_assert_error (error, HD_ERROR, HD_ERROR_READ_ONLY);
  g_clear_object (&db);
  assert_untouched (path, before);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/database/create", test_create);
  g_test_add_func ("/database/refuse/not-a-database", test_refuse_not_a_database);
  g_test_add_func ("/database/refuse/foreign-sqlite", test_refuse_foreign_sqlite);
  g_test_add_func ("/database/refuse/too-new", test_refuse_too_new);
  g_test_add_func ("/database/refuse/corrupt", test_refuse_corrupt);
  g_test_add_func ("/database/hot-journal", test_hot_journal);
  g_test_add_func ("/database/settings", test_settings);
  g_test_add_func ("/database/fts-russian", test_fts_russian);
  g_test_add_func ("/database/fts-every-letter", test_fts_every_letter);
  g_test_add_func ("/database/backup-restore", test_backup_restore);
  g_test_add_func ("/database/read-only", test_read_only);
  return g_test_run ();
}
