/* fuzz-csv-import.c — libFuzzer target for the import of requests from CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each input is imported as a dry run into a database in a temporary folder (rolled back every
 * time). Properties: the import either succeeds, with as many rows imported or skipped as it
 * read, or fails with HD_ERROR_PARSE and problems on lines that exist in the file; it never
 * leaves a row behind.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdint.h>
#include <stdlib.h>

#include "hd-csv-requests.h"
#include "hd-database-private.h"
#include "hd-error.h"

int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

static HdDatabase *db;
static char *tmp_dir;

static void
remove_tmp (void)
{
  const char *names[] = { "fuzz.db", "fuzz.db-wal", "fuzz.db-shm" };

  g_clear_object (&db);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (tmp_dir, names[i], NULL);
      g_unlink (path);
    }
  g_rmdir (tmp_dir);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  tmp_dir = g_dir_make_tmp ("fuzz-csv-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (tmp_dir, "fuzz.db", NULL);
  db = hd_database_open (path, &error);
  g_assert_no_error (error);
  atexit (remove_tmp);
  return 0;
}

static gint64
count_requests (void)
{
  g_autoptr(HdStmt) stmt = hd_database_prepare (db, "SELECT count(*) FROM requests", NULL);

  g_assert (stmt != NULL);
  g_assert (sqlite3_step (stmt) == SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static void
check_import (const uint8_t *data,
              size_t         size,
              guint          n_lines)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(HdCsvImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = hd_csv_requests_import (db, bytes, HD_CSV_IMPORT_DRY_RUN, NULL, NULL, NULL, &report, &error);
  g_assert (report != NULL);
  if (ok)
    {
      g_assert (error == NULL);
      g_assert (report->problems->len == 0);
      g_assert (report->n_imported + report->n_skipped == report->n_rows);
    }
  else
    {
      g_assert (error != NULL && error->domain == HD_ERROR && error->code == HD_ERROR_PARSE);
      g_assert (report->problems->len > 0);
      g_assert (report->n_imported == 0);
      for (guint i = 0; i < report->problems->len; i++)
        {
          HdCsvProblem *p = report->problems->pdata[i];

          g_assert (p->line >= 1 && p->line <= n_lines);
          g_assert (g_utf8_validate (p->message, -1, NULL));
        }
    }
  g_assert (count_requests () == 0);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  guint n_lines = 1;

  /* lines of the file: line breaks (LF, CRLF or a lone CR) + 1 */
  for (size_t i = 0; i < size; i++)
    if (data[i] == '\n' || (data[i] == '\r' && (i + 1 == size || data[i + 1] != '\n')))
      n_lines++;
  check_import (data, size, n_lines);
  return 0;
}
