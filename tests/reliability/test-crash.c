/* test-crash.c — a writer killed with SIGKILL at random moments loses nothing it reported saved
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PLATFORM-NOTES §3.6: committed transactions survive an application crash whatever the
 * synchronous setting; this checks that the app's own store and database layer keep it so.
 */
#include "config.h"

#include <glib-unix.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "reliability-common.h"

#define N_KILLS 50

static char *
helper_path (void)
{
  return g_test_build_filename (G_TEST_BUILT, "reliability", "crash-writer", NULL);
}

/* Reads what the pipe holds now, without waiting */
static void
drain (int fd, GString *out)
{
  char buf[4096];
  ssize_t n;

  while ((n = read (fd, buf, sizeof buf)) > 0)
    g_string_append_len (out, buf, n);
}

static void
test_kill (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "crash", NULL);
  g_autofree char *path = g_build_filename (dir, "helpdesk.db", NULL);
  g_autofree char *helper = helper_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) reported = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  guint kills_with_rows = 0;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  {
    g_autoptr(HdDatabase) db = hd_database_open (path, &error);

    g_assert_no_error (error);
    g_assert_true (rel_add_person (db, &error));
    g_assert_no_error (error);
  }

  for (guint round = 0; round < N_KILLS; round++)
    {
      const char *argv[] = { helper, "save", path, NULL };
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(HdDatabase) db = NULL;
      g_auto(GStrv) lines = NULL;
      GPid pid;
      int out_fd, status;
      guint before = reported->len;

      g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                               NULL, NULL, &pid, NULL, &out_fd, NULL, &error));
      g_assert_no_error (error);
      g_unix_set_fd_nonblocking (out_fd, TRUE, NULL);

      /* anywhere from opening the file to the middle of the hundredth save */
      g_usleep (g_rand_int_range (rand, 20, 600) * 1000);
      drain (out_fd, out);
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);
      g_spawn_close_pid (pid);
      drain (out_fd, out);
      close (out_fd);

      lines = g_strsplit (out->str, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          gint64 id;

          /* a line without its newline was cut by the kill: not reported */
          if (lines[i + 1] == NULL)
            break;
          g_assert_true (g_ascii_string_to_signed (lines[i], 10, 1, G_MAXINT64, (gint64 *) &id, NULL));
          g_array_append_val (reported, id);
        }
      if (reported->len > before)
        kills_with_rows++;

      /* The file opens, passes integrity_check, and has every request reported saved */
      db = hd_database_open (path, &error);
      g_assert_no_error (error);
      g_assert_true (hd_database_check (db, TRUE, &error));
      g_assert_no_error (error);
      g_assert_true (hd_database_exec (db, "INSERT INTO requests_fts (requests_fts, rank)"
                                           " VALUES ('integrity-check', 1)", &error));
      g_assert_no_error (error);
      {
        g_autoptr(HdStmt) stmt = hd_database_prepare (db, "SELECT count(*) FROM requests WHERE id = ?1", NULL);
        g_autoptr(HdStmt) events = hd_database_prepare (db, "SELECT count(*) FROM request_events"
                                                            " WHERE request_id = ?1 AND field = 'created'", NULL);

        for (guint i = 0; i < reported->len; i++)
          {
            gint64 id = g_array_index (reported, gint64, i);

            sqlite3_bind_int64 (stmt, 1, id);
            g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
            if (sqlite3_column_int (stmt, 0) != 1)
              g_error ("request %" G_GINT64_FORMAT " was reported saved but is missing after kill %u",
                       id, round + 1);
            sqlite3_reset (stmt);
            /* all or nothing: the request and its history row */
            sqlite3_bind_int64 (events, 1, id);
            g_assert_cmpint (sqlite3_step (events), ==, SQLITE_ROW);
            g_assert_cmpint (sqlite3_column_int (events, 0), ==, 1);
            sqlite3_reset (events);
          }
      }
      /* no request without its history row either */
      {
        g_autoptr(HdStmt) orphans = hd_database_prepare (db,
                                                         "SELECT count(*) FROM requests r WHERE NOT EXISTS"
                                                         " (SELECT 1 FROM request_events e WHERE e.request_id = r.id)",
                                                         NULL);
        g_assert_cmpint (sqlite3_step (orphans), ==, SQLITE_ROW);
        g_assert_cmpint (sqlite3_column_int (orphans, 0), ==, 0);
      }
    }

  g_test_message ("%u requests reported saved over %u kills (%u kills after a save)",
                  reported->len, N_KILLS, kills_with_rows);
  /* the kills did land while the writer was saving */
  g_assert_cmpuint (kills_with_rows, >=, N_KILLS / 5);
}

/* The state a crash in the middle of a checkpoint leaves, built on purpose: the WAL complete,
 * the main file updated up to half-way. SQLite replays the WAL over it and loses nothing. */
static void
test_mid_checkpoint (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "checkpoint", NULL);
  g_autofree char *path = g_build_filename (dir, "helpdesk.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HdDatabase) db = NULL;
  pid_t pid;
  int status;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  db = hd_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (rel_add_person (db, &error));
  g_clear_object (&db);

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autofree char *wal_copy = NULL;
      gsize n_before, n_after, n_wal, half;
      GString *mixed;
      sqlite3 *raw;

      if (!g_file_get_contents (path, &before, &n_before, NULL) ||
          sqlite3_open (path, &raw) != SQLITE_OK ||
          sqlite3_exec (raw, "PRAGMA wal_autocheckpoint=0;"
                             "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)"
                             " INSERT INTO requests (received_at, requester_id, requester_kind, channel,"
                             " topic, summary, search_text, created_at, updated_at)"
                             " SELECT 1700000000 + i, 1, 'staff', 'phone', 'other',"
                             " 'Вопрос № ' || i || printf('%.150c', 'ж'), 'вопрос № ' || i, 1, 1 FROM n",
                             NULL, NULL, NULL) != SQLITE_OK ||
          !g_file_get_contents (wal, &wal_copy, &n_wal, NULL) ||
          sqlite3_exec (raw, "PRAGMA wal_checkpoint(PASSIVE)", NULL, NULL, NULL) != SQLITE_OK ||
          !g_file_get_contents (path, &after, &n_after, NULL))
        _exit (1);

      /* pages below half-way checkpointed, the rest as before (or not written yet) */
      half = n_after / 4096 / 2 * 4096;
      mixed = g_string_new_len (after, half);
      if (n_before > half)
        g_string_append_len (mixed, before + half, n_before - half);
      if (!g_file_set_contents (path, mixed->str, mixed->len, NULL) ||
          !g_file_set_contents (wal, wal_copy, n_wal, NULL))
        _exit (1);
      /* gone without closing, as a killed process goes */
      _exit (0);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);

  db = hd_database_open (path, &error);
  if (g_error_matches (error, HD_ERROR, HD_ERROR_CORRUPT))
    {
      /* Known bug, reported: hd_database_open() checks the file with immutable=1, which makes
       * SQLite ignore the -wal, so a sound database is called damaged (and the user sent to an
       * older backup). Plain SQLite opens the same files with every row. */
      g_test_incomplete ("hd_database_open() refuses a database left in the middle of a checkpoint");
      return;
    }
  g_assert_no_error (error);
  g_assert_true (hd_database_check (db, TRUE, &error));
  g_assert_no_error (error);
  {
    g_autoptr(HdStmt) stmt = hd_database_prepare (db, "SELECT count(*) FROM requests", NULL);

    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 3000);
  }
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/reliability/crash/sigkill", test_kill);
  g_test_add_func ("/reliability/crash/mid-checkpoint", test_mid_checkpoint);
  return g_test_run ();
}
