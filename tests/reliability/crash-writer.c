/* crash-writer.c — the child process of the reliability tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   crash-writer save DB        saves requests one by one, forever, printing each number
 *                               on stdout after its COMMIT; the test kills it with SIGKILL
 *   crash-writer insert DB N    saves N requests, one transaction each
 *   crash-writer increment DB N adds 1 to the setting "counter" N times, each a
 *                               read-modify-write in one transaction
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "reliability-common.h"

static int
fail (GError *error)
{
  g_printerr ("crash-writer: %s\n", error != NULL ? error->message : "failed");
  return 1;
}

static gboolean
increment (HdDatabase  *db,
           GError     **error)
{
  g_autofree char *text = NULL;
  int value;

  /* BEGIN IMMEDIATE takes the write lock before reading: no other writer can slip in */
  if (!hd_database_begin (db, error))
    return FALSE;
  value = hd_database_get_setting_int (db, "counter", 0);
  text = g_strdup_printf ("%d", value + 1);
  if (!hd_database_set_setting (db, "counter", text, error))
    {
      hd_database_rollback (db);
      return FALSE;
    }
  return hd_database_commit (db, error);
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HdDatabase) db = NULL;
  guint n = 0;

  setlocale (LC_ALL, "C.UTF-8");
  if (argc < 3)
    {
      g_printerr ("usage: crash-writer save|insert|increment DB [N]\n");
      return 2;
    }
  if (argc > 3)
    n = (guint) g_ascii_strtoull (argv[3], NULL, 10);

  db = hd_database_open (argv[2], &error);
  if (db == NULL)
    return fail (error);

  if (g_str_equal (argv[1], "save"))
    {
      for (guint i = 1;; i++)
        {
          gint64 id = rel_save_request (db, i, NULL, &error);
          char line[32];
          int len;

          if (id == 0)
            return fail (error);
          /* one write(2) per line: the parent never sees half a number */
          len = g_snprintf (line, sizeof line, "%" G_GINT64_FORMAT "\n", id);
          if (write (STDOUT_FILENO, line, len) != len)
            return 1;
        }
    }
  else if (g_str_equal (argv[1], "insert"))
    {
      for (guint i = 1; i <= n; i++)
        if (rel_save_request (db, i, NULL, &error) == 0)
          return fail (error);
    }
  else if (g_str_equal (argv[1], "increment"))
    {
      for (guint i = 0; i < n; i++)
        if (!increment (db, &error))
          return fail (error);
    }
  else
    return 2;

  return 0;
}
