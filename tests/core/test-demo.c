/* test-demo.c — demo data: deterministic, realistic, and following the rules of the journal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <signal.h>
#include <unistd.h>

#include "hd-database-private.h"
#include "hd-date.h"
#include "hd-demo.h"
#include "hd-error.h"
#include "hd-text.h"
#include "hd-workdays.h"

/* Tuesday 2026-11-24 15:00 in Shimanovsk (UTC+9) */
#define NOW ((gint64) 1795500000)

static char *
tmp_path (const char *name)
{
  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  return g_build_filename (g_get_user_data_dir (), name, NULL);
}

static HdDatabase *
generate (const char *name,
          guint       n,
          guint32     seed)
{
  g_autofree char *path = tmp_path (name);
  g_autoptr(GError) error = NULL;
  g_autoptr(HdDatabase) db = hd_database_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (hd_demo_generate (db, n, seed, NOW, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&db);
}

static gint64
query_int (HdDatabase *db,
           const char *sql)
{
  sqlite3_stmt *stmt;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (hd_database_get_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* A digest of every row of the tables the demo writes */
static char *
digest (HdDatabase *db)
{
  static const char * const queries[] = {
    "SELECT * FROM people ORDER BY id",
    "SELECT * FROM requests ORDER BY id",
    "SELECT * FROM request_events ORDER BY id",
    "SELECT * FROM appointments ORDER BY id",
    "SELECT * FROM newcomers ORDER BY id",
    "SELECT * FROM reception_hours ORDER BY id",
  };
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      sqlite3_stmt *stmt;

      g_assert_cmpint (sqlite3_prepare_v2 (hd_database_get_handle (db), queries[q], -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (stmt); c++)
          {
            const guchar *text = sqlite3_column_text (stmt, c);

            g_checksum_update (sum, text != NULL ? text : (const guchar *) "\x01", -1);
            g_checksum_update (sum, (const guchar *) "|", 1);
          }
      sqlite3_finalize (stmt);
    }
  return g_strdup (g_checksum_get_string (sum));
}

/* Every index, trigger and table of the schema with its SQL (but the planner's statistics,
 * which the demo gathers at the end) */
static char *
schema_digest (HdDatabase *db)
{
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3_stmt *stmt;

  g_assert_cmpint (sqlite3_prepare_v2 (hd_database_get_handle (db),
                                       "SELECT type, name, tbl_name, sql FROM sqlite_schema"
                                       " WHERE name NOT LIKE 'sqlite_stat%' ORDER BY type, name", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%s %s %s %s\n", sqlite3_column_text (stmt, 0),
                            sqlite3_column_text (stmt, 1), sqlite3_column_text (stmt, 2),
                            sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
query_text_is (HdDatabase *db,
               const char *sql,
               const char *expected)
{
  sqlite3_stmt *stmt;
  gboolean equal;

  g_assert_cmpint (sqlite3_prepare_v2 (hd_database_get_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  equal = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), expected) == 0;
  sqlite3_finalize (stmt);
  return equal;
}

/* The ids the search index finds for what a user types, in order */
static char *
search (HdDatabase *db,
        const char *typed)
{
  g_autofree char *query = hd_text_fts_query (typed);
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3_stmt *stmt;

  g_assert_cmpint (sqlite3_prepare_v2 (hd_database_get_handle (db),
                                       "SELECT rowid FROM requests_fts WHERE requests_fts MATCH ?1"
                                       " ORDER BY rowid", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%lld ", (long long) sqlite3_column_int64 (stmt, 0));
  sqlite3_finalize (stmt);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Every term of the search index with the rows it occurs in (the index keeps no positions) */
static char *
index_digest (HdDatabase *db)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  sqlite3_stmt *stmt;
  guint n = 0;

  g_assert_true (hd_database_exec (db, "CREATE VIRTUAL TABLE IF NOT EXISTS temp.test_vocab"
                                   " USING fts5vocab (main, requests_fts, instance)", NULL));
  g_assert_cmpint (sqlite3_prepare_v2 (hd_database_get_handle (db),
                                       "SELECT term, doc, col, offset FROM temp.test_vocab"
                                       " ORDER BY term, doc, offset", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *line = g_strdup_printf ("%s %lld %s %d\n", sqlite3_column_text (stmt, 0),
                                               (long long) sqlite3_column_int64 (stmt, 1),
                                               sqlite3_column_text (stmt, 2),
                                               sqlite3_column_int (stmt, 3));

      g_checksum_update (sum, (const guchar *) line, -1);
      n++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (n, >, 10000);
  return g_strdup (g_checksum_get_string (sum));
}

static void
test_deterministic (void)
{
  g_autoptr(HdDatabase) a = generate ("a.db", 1500, 7);
  g_autoptr(HdDatabase) b = generate ("b.db", 1500, 7);
  g_autoptr(HdDatabase) c = generate ("c.db", 1500, 8);
  g_autofree char *da = digest (a);
  g_autofree char *db = digest (b);
  g_autofree char *dc = digest (c);

  g_assert_cmpstr (da, ==, db);
  g_assert_cmpstr (da, !=, dc);
  g_assert_cmpint (query_int (a, "SELECT count(*) FROM requests"), ==, 1500);
}

static void
test_rules (void)
{
  g_autoptr(HdDatabase) db = generate ("rules.db", 5000, 1);
  g_autoptr(GError) error = NULL;

  /* the load checks neither CHECK constraints nor references row by row: the integrity check
   * does the first, foreign_key_check the second */
  g_assert_true (hd_database_check (db, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);

  g_assert_cmpint (query_int (db, "SELECT count(*) FROM requests"), ==, 5000);
  /* nothing after now, and the texts of every status */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM requests WHERE received_at > 1795500000"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM requests WHERE status = 'rejected'"
                                  " AND (rejection_reason IS NULL OR resolved_at IS NULL)"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM requests WHERE status = 'escalated'"
                                  " AND vendor_ticket NOT GLOB 'DNV-20[0-9][0-9]-[0-9][0-9][0-9][0-9][0-9][0-9]'"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM requests WHERE status = 'resolved'"
                                  " AND (resolution = '' OR resolved_at IS NULL)"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM requests WHERE first_response_at <= received_at"
                                  " OR resolved_at < first_response_at"
                                  " OR (resolved_at IS NOT NULL AND first_response_at IS NULL)"
                                  " OR first_response_at > 1795500000 OR resolved_at > 1795500000"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM requests WHERE status = 'new'"
                                  " AND first_response_at IS NOT NULL"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM requests WHERE channel = 'class_teacher'"
                                  " AND relayed_by_id IS NULL"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM requests WHERE channel = 'voicemail'"
                                  " AND callback_phone IS NULL"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM requests WHERE is_repeat = 1"
                                  " AND related_id IS NULL"), ==, 0);

  /* every status appears; closed ones are most */
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT status) FROM requests"
                                  " WHERE status IN ('new','in_progress','escalated','resolved','rejected')"), ==, 5);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM requests WHERE status IN ('resolved','rejected')"), >, 4000);
  /* phone and in person are the commonest channels; grades and schedule the commonest topics */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM requests WHERE channel IN ('phone','in_person')"), >, 2500);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM requests WHERE topic IN ('grades_current','grades_final','schedule')"), >, 2000);
  /* most arrive in working hours (08:00–17:00 local, UTC+9) */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM requests"
                                  " WHERE ((received_at + 32400) % 86400) BETWEEN 28800 AND 61200"), >, 4000);
  /* the current month looks like a real month: a few hundred requests */
  {
    gint64 month = query_int (db, "SELECT count(*) FROM requests WHERE received_at >= 1793458800");  /* 2026-11-01 00:00 +09 */

    g_assert_cmpint (month, >=, 150);
    g_assert_cmpint (month, <=, 600);
  }

  /* The history: one 'created' row per request, and the status rows chain from 'new' to the
   * current status */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM request_events WHERE field = 'created'"), ==, 5000);
  g_assert_cmpint (query_int (db,
                              "SELECT count(*) FROM requests r WHERE r.status <> coalesce("
                              " (SELECT e.new_value FROM request_events e WHERE e.request_id = r.id"
                              "  AND e.field = 'status' ORDER BY e.at DESC, e.id DESC LIMIT 1), 'new')"), ==, 0);
  g_assert_cmpint (query_int (db,
                              "SELECT count(*) FROM request_events e WHERE e.field = 'status' AND e.old_value <>"
                              " coalesce((SELECT p.new_value FROM request_events p WHERE p.request_id = e.request_id"
                              "  AND p.field = 'status' AND p.id < e.id ORDER BY p.id DESC LIMIT 1), 'new')"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM request_events e JOIN requests r ON r.id = e.request_id"
                                  " WHERE e.at < r.received_at OR e.at > 1795500000"), ==, 0);

  /* reception hours Tuesday and Thursday 14:00–16:00 */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM reception_hours WHERE weekday IN (2, 4)"
                                  " AND starts_min = 840 AND ends_min = 960"), ==, 2);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM appointments WHERE status = 'scheduled'"
                                  " AND starts_at < 1795500000"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM appointments WHERE status = 'held'"), >, 50);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM appointments WHERE status = 'rescheduled'"
                                  " AND rescheduled_to IS NULL"), ==, 0);
  /* 22 classes 1А–11Б */
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT class_name) FROM people WHERE kind = 'student'"), ==, 22);
}

static void
test_search_text (void)
{
  g_autoptr(HdDatabase) db = generate ("search.db", 3000, 3);
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  guint n = 0;

  /* search_text and requester_key are exactly what the request store would write */
  g_assert_cmpint (sqlite3_prepare_v2 (hd_database_get_handle (db),
                                       "SELECT r.summary, r.description, r.resolution, p.full_name,"
                                       " r.search_text, r.requester_key"
                                       " FROM requests r JOIN people p ON p.id = r.requester_id",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *all = g_strjoin (" ",
                                        (const char *) sqlite3_column_text (stmt, 0),
                                        (const char *) sqlite3_column_text (stmt, 1),
                                        (const char *) sqlite3_column_text (stmt, 2),
                                        (const char *) sqlite3_column_text (stmt, 3),
                                        NULL);
      g_autofree char *expected = hd_text_normalize (all);
      g_autofree char *key = hd_text_normalize ((const char *) sqlite3_column_text (stmt, 3));

      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 4), ==, expected);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 5), ==, key);
      n++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (n, ==, 3000);

  /* the index is complete and finds Russian word forms */
  g_assert_true (hd_database_exec (db, "INSERT INTO requests_fts (requests_fts, rank) VALUES ('integrity-check', 1)", &error));
  g_assert_no_error (error);
  {
    g_autofree char *query = hd_text_fts_query ("ОЦЕНК");
    g_autoptr(HdStmt) match = hd_database_prepare (db, "SELECT count(*) FROM requests_fts WHERE requests_fts MATCH ?1", NULL);
    gint64 expected = query_int (db, "SELECT count(*) FROM requests WHERE search_text LIKE '%оценк%'");

    sqlite3_bind_text (match, 1, query, -1, SQLITE_STATIC);
    g_assert_cmpint (sqlite3_step (match), ==, SQLITE_ROW);
    g_assert_cmpint (expected, >, 100);
    /* a prefix search finds at least every text that has the stem (and «оценок» besides) */
    g_assert_cmpint (sqlite3_column_int64 (match, 0), >=, expected);
  }
}

/* The bulk load sets the indexes and the FTS trigger aside and fills the search index in one
 * statement: the result must be what inserting the same rows one by one, with the triggers
 * firing, gives. */
static void
test_bulk_as_row_by_row (void)
{
  static const char * const queries[] = {
    "оценк", "ОЦЕНКИ", "оценок", "расписание", "пароль вход", "учётная запись", "учетная",
    "пришёл", "ёлкин", "Елкина", "5А", "по математике", "dnv",
  };
  g_autoptr(HdDatabase) bulk = generate ("bulk.db", 4000, 11);
  g_autofree char *path = tmp_path ("rows.db");
  g_autofree char *bulk_path = tmp_path ("bulk.db");
  g_autofree char *attach = g_strdup_printf ("ATTACH '%s' AS bulk", bulk_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(HdDatabase) rows = hd_database_open (path, &error);
  g_autofree char *bulk_schema = NULL;
  g_autofree char *rows_schema = NULL;
  g_autofree char *bulk_index = NULL;
  g_autofree char *rows_index = NULL;
  sqlite3_stmt *copy;
  guint found = 0;

  g_assert_no_error (error);
  /* the connection is as it was before the load */
  g_assert_true (query_text_is (bulk, "PRAGMA journal_mode", "wal"));
  g_assert_cmpint (query_int (bulk, "PRAGMA mmap_size"), ==, 0);
  g_assert_cmpint (query_int (bulk, "PRAGMA cache_size"), ==, -2000);
  g_assert_cmpint (query_int (bulk, "PRAGMA ignore_check_constraints"), ==, 0);
  g_assert_cmpint (query_int (bulk, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (query_int (bulk, "PRAGMA threads"), ==, 0);
  g_assert_cmpint (query_int (bulk, "PRAGMA cache_spill"), !=, 0);
  /* the search index, built on another thread and copied in, answers on this very connection
   * at once (nothing of the empty index made before the copy is remembered) */
  {
    g_autofree char *first = search (bulk, "оценк");

    g_assert_cmpuint (strlen (first), >, 100);
  }

  /* the same rows, one INSERT each, so the triggers fire row by row */
  g_assert_true (hd_database_exec (rows, attach, &error));
  g_assert_true (hd_database_exec (rows, "BEGIN; INSERT INTO people SELECT * FROM bulk.people",
                                   &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_prepare_v2 (hd_database_get_handle (rows),
                                       "INSERT INTO requests SELECT * FROM bulk.requests WHERE id = ?1",
                                       -1, &copy, NULL), ==, SQLITE_OK);
  for (gint64 id = 1; id <= 4000; id++)
    {
      sqlite3_bind_int64 (copy, 1, id);
      g_assert_cmpint (sqlite3_step (copy), ==, SQLITE_DONE);
      g_assert_cmpint (sqlite3_changes (hd_database_get_handle (rows)), ==, 1);
      sqlite3_reset (copy);
    }
  sqlite3_finalize (copy);
  g_assert_true (hd_database_exec (rows, "COMMIT; DETACH bulk", &error));
  g_assert_no_error (error);

  /* the same tables, indexes and triggers, with the same SQL */
  bulk_schema = schema_digest (bulk);
  rows_schema = schema_digest (rows);
  g_assert_cmpstr (bulk_schema, ==, rows_schema);
  g_assert_nonnull (strstr (bulk_schema, "trigger requests_fts_insert requests CREATE TRIGGER"));
  g_assert_nonnull (strstr (bulk_schema, "index requests_received requests CREATE INDEX"));
  g_assert_nonnull (strstr (bulk_schema, "index request_events_request request_events CREATE INDEX"));

  /* the same search index, term by term, and the same answers */
  g_assert_true (hd_database_exec (bulk, "INSERT INTO requests_fts (requests_fts, rank) VALUES ('integrity-check', 1)", &error));
  g_assert_no_error (error);
  bulk_index = index_digest (bulk);
  rows_index = index_digest (rows);
  g_assert_cmpstr (bulk_index, ==, rows_index);
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autofree char *a = search (bulk, queries[i]);
      g_autofree char *b = search (rows, queries[i]);

      g_assert_cmpstr (a, ==, b);
      if (*a != '\0')
        found++;
    }
  /* the queries are not all empty: «оценк» finds «оценки», «оценок», and ё finds е */
  g_assert_cmpuint (found, >=, 8);
  {
    g_autofree char *yo = search (bulk, "учётная");
    g_autofree char *ye = search (bulk, "учетная");
    g_autofree char *stem = search (bulk, "оценк");
    g_autofree char *form = search (bulk, "оценок");

    g_assert_cmpstr (yo, ==, ye);
    g_assert_cmpstr (yo, !=, "");
    g_assert_cmpuint (strlen (stem), >, strlen (form));
  }

  /* the statements of the app still work on the bulk-loaded file */
  g_assert_true (hd_database_check (bulk, TRUE, &error));
  g_assert_no_error (error);
}

static void
test_newcomers (void)
{
  g_autoptr(HdDatabase) db = generate ("newcomers.db", 2000, 5);
  g_autoptr(GError) error = NULL;
  g_autoptr(HdWorkdays) workdays = hd_workdays_new (&error);
  sqlite3_stmt *stmt;
  guint n = 0, on_time = 0, late = 0, overdue = 0;
  GDate today;

  g_assert_no_error (error);
  hd_date_set_unix (&today, NOW, g_time_zone_new_offset (9 * 3600));

  g_assert_cmpint (sqlite3_prepare_v2 (hd_database_get_handle (db),
                                       "SELECT started_on, due_on, trained_on FROM newcomers", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      GDate started, due, expected;
      const char *trained = (const char *) sqlite3_column_text (stmt, 2);

      g_assert_true (hd_date_parse_iso ((const char *) sqlite3_column_text (stmt, 0), &started));
      g_assert_true (hd_date_parse_iso ((const char *) sqlite3_column_text (stmt, 1), &due));
      hd_workdays_due_date (workdays, &started, 3, &expected, NULL, NULL);
      g_assert_cmpint (g_date_compare (&due, &expected), ==, 0);
      g_assert_cmpint (g_date_compare (&started, &today), <=, 0);
      if (trained != NULL)
        {
          if (strcmp (trained, (const char *) sqlite3_column_text (stmt, 1)) <= 0)
            on_time++;
          else
            late++;
        }
      else if (g_date_compare (&due, &today) < 0)
        overdue++;
      n++;
    }
  sqlite3_finalize (stmt);

  g_assert_cmpuint (n, >=, 10);
  g_assert_cmpuint (on_time, >, late);
  g_assert_cmpuint (late, >=, 1);
  g_assert_cmpuint (overdue, >=, 1);
  g_assert_cmpuint (overdue, <=, 2);
}

static void
test_refuses_non_empty (void)
{
  g_autoptr(HdDatabase) db = generate ("twice.db", 100, 1);
  g_autoptr(GError) error = NULL;

  g_assert_false (hd_demo_generate (db, 100, 1, NOW, NULL, NULL, NULL, &error));
  g_assert_error (error, HD_ERROR, HD_ERROR_CONFLICT);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM requests"), ==, 100);
}

static void
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  GCancellable *cancellable = user_data;

  g_assert_cmpuint (done, <=, total);
  if (done >= HD_DEMO_BATCH_SIZE)
    g_cancellable_cancel (cancellable);
}

static void
test_cancel (void)
{
  g_autofree char *path = tmp_path ("cancel.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(HdDatabase) db = hd_database_open (path, &error);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *schema_before = NULL;
  g_autofree char *schema_after = NULL;

  g_assert_no_error (error);
  schema_before = schema_digest (db);
  g_assert_false (hd_demo_generate (db, 3 * HD_DEMO_BATCH_SIZE, 1, NOW, progress_cb, cancellable,
                                    cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  /* one transaction: nothing of it stays, not even the people, and the indexes and
   * triggers the load set aside are back */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM requests"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM people"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM settings"), ==, 0);
  schema_after = schema_digest (db);
  g_assert_cmpstr (schema_after, ==, schema_before);
  g_assert_true (query_text_is (db, "PRAGMA journal_mode", "wal"));
  g_assert_true (hd_database_check (db, TRUE, &error));
  g_assert_no_error (error);

  /* and the file takes the demo afterwards */
  g_assert_true (hd_demo_generate (db, 500, 1, NOW, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM requests"), ==, 500);
}

static void
kill_cb (guint    done,
         guint    total,
         gpointer user_data)
{
  if (done >= HD_DEMO_BATCH_SIZE)
    kill (getpid (), SIGKILL);
}

/* Killed in the middle, the generation leaves the file as it was: SQLite rolls the journal
 * back when the file is next opened. */
static void
test_killed (void)
{
  g_autofree char *path = NULL;
  g_autofree char *journal = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HdDatabase) db = NULL;

  if (g_test_subprocess ())
    {
      db = hd_database_open (g_getenv ("HD_TEST_KILLED_DB"), &error);
      g_assert_no_error (error);
      hd_demo_generate (db, 3 * HD_DEMO_BATCH_SIZE, 1, NOW, kill_cb, NULL, NULL, &error);
      g_assert_not_reached ();
    }

  path = tmp_path ("killed.db");
  db = hd_database_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&db);
  g_setenv ("HD_TEST_KILLED_DB", path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  /* it died inside its transaction, in a rollback journal */
  journal = g_strconcat (path, "-journal", NULL);
  g_assert_true (g_file_test (journal, G_FILE_TEST_EXISTS));

  db = hd_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM requests"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM people"), ==, 0);
  g_assert_true (query_text_is (db, "PRAGMA journal_mode", "wal"));
  g_assert_true (hd_database_check (db, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (hd_demo_generate (db, 300, 1, NOW, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM requests"), ==, 300);
}

static void
generated_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GError **error = user_data;

  hd_demo_generate_finish (HD_DATABASE (source), result, error);
  *(gboolean *) g_object_get_data (source, "done") = TRUE;
}

static void
test_async (void)
{
  g_autofree char *path = tmp_path ("async.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(HdDatabase) db = hd_database_open (path, &error);
  gboolean done = FALSE;

  g_assert_no_error (error);
  g_object_set_data (G_OBJECT (db), "done", &done);
  hd_demo_generate_async (db, 700, 2, NOW, NULL, generated_cb, &error);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (error);
  /* written on the worker's own connection, seen on this one */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM requests"), ==, 700);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/demo/deterministic", test_deterministic);
  g_test_add_func ("/demo/rules", test_rules);
  g_test_add_func ("/demo/search-text", test_search_text);
  g_test_add_func ("/demo/bulk-as-row-by-row", test_bulk_as_row_by_row);
  g_test_add_func ("/demo/newcomers", test_newcomers);
  g_test_add_func ("/demo/refuses-non-empty", test_refuses_non_empty);
  g_test_add_func ("/demo/cancel", test_cancel);
  g_test_add_func ("/demo/killed", test_killed);
  g_test_add_func ("/demo/async", test_async);
  return g_test_run ();
}
