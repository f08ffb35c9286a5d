/* hd-test-pdf.c — what the report tests share: the production calendar, and reading PDFs
 * back with poppler's tools
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hd-test-pdf.h"

HdWorkdays *
open_workdays (void)
{
  g_autoptr(GError) error = NULL;
  HdWorkdays *workdays = hd_workdays_new (&error);

  g_assert_no_error (error);
  return workdays;
}

/* Runs a poppler tool; NULL when it is not installed */
char *
run_tool (const char * const *argv)
{
  g_autofree char *program = g_find_program_in_path (argv[0]);
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status;

  if (program == NULL)
    return NULL;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* The text of the PDF (or of one page) with every run of white space made one space */
char *
pdf_text (const char *path,
          int         page)
{
  g_autofree char *first = g_strdup_printf ("%d", page > 0 ? page : 1);
  g_autofree char *last = g_strdup_printf ("%d", page > 0 ? page : 9999);
  const char *argv[] = { "pdftotext", "-f", first, "-l", last, path, "-", NULL };
  g_autofree char *text = run_tool (argv);
  g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);

  if (text == NULL)
    return NULL;
  return g_regex_replace_literal (space, text, -1, 0, " ", 0, NULL);
}

guint
count_of (const char *haystack,
          const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}
