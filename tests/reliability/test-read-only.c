/* test-read-only.c — a file the user may not write opens read-only and stays untouched
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Root writes through chmod 0400, so as root the check runs in a child that has become the
 * user "nobody", on a copy of the database in a folder that nobody may read but not write.
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "reliability-common.h"

#define NOBODY 65534

static char *
checksum_of (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
}

/* What the user who may not write sees; returns a failure's description, or NULL */
static char *
check_read_only (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HdDatabase) db = hd_database_open (path, &error);
  g_autofree char *name = NULL;

  if (db == NULL)
    return g_strdup_printf ("open failed: %s", error->message);
  if (!hd_database_is_read_only (db))
    return g_strdup ("not opened read-only");
  name = hd_database_get_setting (db, "school-name", NULL);
  if (g_strcmp0 (name, "Школа") != 0)
    return g_strdup_printf ("read “%s”", name);
  if (!hd_database_check (db, TRUE, &error))
    return g_strdup_printf ("check failed: %s", error->message);

  if (hd_database_set_setting (db, "school-name", "Другая", &error))
    return g_strdup ("a setting was written");
  if (!g_error_matches (error, HD_ERROR, HD_ERROR_READ_ONLY))
    return g_strdup_printf ("setting: wrong error %s", error->message);
  g_clear_error (&error);

  if (rel_save_request (db, 2, NULL, &error) != 0)
    return g_strdup ("a request was saved");
  if (!g_error_matches (error, HD_ERROR, HD_ERROR_READ_ONLY))
    return g_strdup_printf ("request: wrong error %s", error->message);
  return NULL;
}

static void
test_read_only (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *shm = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  /* a folder outside the test's private (0700) home, so that nobody can reach it */
  dir = g_dir_make_tmp ("hd-read-only-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "helpdesk.db", NULL);
  wal = g_strconcat (path, "-wal", NULL);
  shm = g_strconcat (path, "-shm", NULL);
  {
    g_autoptr(HdDatabase) db = hd_database_open (path, &error);

    g_assert_no_error (error);
    g_assert_true (rel_add_person (db, &error));
    g_assert_cmpint (rel_save_request (db, 1, NULL, &error), >, 0);
    g_assert_true (hd_database_set_setting (db, "school-name", "Школа", &error));
    g_assert_no_error (error);
  }
  /* closed cleanly: the WAL is folded into the file and removed */
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  before = checksum_of (path);

  if (getuid () == 0)
    {
      pid_t pid;
      int status;

      g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
      g_assert_cmpint (g_chmod (path, 0644), ==, 0);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          char *problem;

          if (setgid (NOBODY) != 0 || setuid (NOBODY) != 0 || access (path, W_OK) == 0)
            _exit (3);
          problem = check_read_only (path);
          if (problem != NULL)
            {
              g_printerr ("# %s\n", problem);
              _exit (1);
            }
          _exit (0);
        }
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 0);
    }
  else
    {
      g_autofree char *problem = NULL;

      g_assert_cmpint (g_chmod (path, 0400), ==, 0);
      g_assert_cmpint (g_chmod (dir, 0500), ==, 0);
      problem = check_read_only (path);
      g_assert_cmpint (g_chmod (dir, 0700), ==, 0);
      g_assert_null (problem);
    }

  after = checksum_of (path);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));

  g_chmod (path, 0600);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/reliability/read-only", test_read_only);
  return g_test_run ();
}
