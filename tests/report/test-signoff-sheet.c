/* test-signoff-sheet.c — the training sign-off sheet as an A4 PDF, read back with poppler
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "hd-date.h"
#include "hd-error.h"
#include "hd-newcomer.h"
#include "hd-signoff-sheet.h"

static void
fill_sheet (HdSignoffSheet *sheet)
{
  memset (sheet, 0, sizeof *sheet);
  sheet->school_name = "МОАУ СОШ № 1 г. Шимановска";
  sheet->employee_name = "Ёлкина Мария Сергеевна";
  sheet->position = "Учитель истории";
  g_assert_true (hd_date_parse_iso ("2026-11-02", &sheet->started_on));
  g_assert_true (hd_date_parse_iso ("2026-11-06", &sheet->due_on));
  g_assert_true (hd_date_parse_iso ("2026-11-05", &sheet->trained_on));
  sheet->trainer = "Петров Иван Андреевич";
  sheet->checklist = HD_CHECKLIST_BIT (HD_CHECKLIST_SIGN_IN) | HD_CHECKLIST_BIT (HD_CHECKLIST_SCHEDULE);
  sheet->mandatory = HD_CHECKLIST_DEFAULT_MANDATORY;
}

static char *
run_tool (const char *tool,
          const char *path)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { tool, path, "-", NULL };
  int status;

  if (g_strcmp0 (tool, "pdfinfo") == 0)
    argv[2] = NULL;
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, &error))
    return NULL;
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

/* pdftotext may break a long line; compare with whitespace squeezed */
static char *
squeeze (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \n\t\f", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      {
        if (out->len > 0)
          g_string_append_c (out, ' ');
        g_string_append (out, words[i]);
      }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_pdf (void)
{
  HdSignoffSheet sheet;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  g_autofree char *info = NULL;

  fill_sheet (&sheet);
  dir = g_build_filename (g_get_user_data_dir (), "sheets", NULL);
  g_mkdir_with_parents (dir, 0700);
  path = g_build_filename (dir, "sheet.pdf", NULL);
  g_assert_true (hd_signoff_sheet_write_pdf (&sheet, path, &error));
  g_assert_no_error (error);

  text = run_tool ("pdftotext", path);
  if (text == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  flat = squeeze (text);
  g_test_message ("%s", flat);
  g_assert_nonnull (strstr (flat, "Training Sign-Off Sheet"));
  g_assert_nonnull (strstr (flat, "МОАУ СОШ № 1 г. Шимановска"));
  g_assert_nonnull (strstr (flat, "Ёлкина Мария Сергеевна"));
  g_assert_nonnull (strstr (flat, "Учитель истории"));
  g_assert_nonnull (strstr (flat, "Петров Иван Андреевич"));
  g_assert_nonnull (strstr (flat, "The training covered:"));
  g_assert_nonnull (strstr (flat, "New employee"));
  g_assert_nonnull (strstr (flat, "Consultant who gave the training"));
  /* every item of the regulation is on the sheet, the required ones marked */
  for (HdChecklistItem item = 0; item < HD_N_CHECKLIST_ITEMS; item++)
    g_assert_nonnull (strstr (flat, hd_checklist_item_label (item)));
  g_assert_nonnull (strstr (flat, "Signing in to the journal (required)"));
  g_assert_null (strstr (flat, "Final grades (required)"));
  /* the dates, in words */
  g_assert_nonnull (strstr (flat, "2 November 2026"));
  g_assert_nonnull (strstr (flat, "6 November 2026"));
  g_assert_nonnull (strstr (flat, "5 November 2026"));

  info = run_tool ("pdfinfo", path);
  g_assert_nonnull (info);
  g_assert_nonnull (strstr (info, "Pages:           1"));
  g_assert_nonnull (strstr (info, "595.276 x 841.89 pts (A4)"));
}

/* Not trained yet: the sheet is printed with a blank to fill in by hand */
static void
test_blank_date (void)
{
  HdSignoffSheet sheet;
  cairo_surface_t *surface;
  cairo_t *cr;
  guchar *data;
  int stride, dark = 0;

  fill_sheet (&sheet);
  g_date_clear (&sheet.trained_on, 1);
  sheet.trainer = NULL;
  sheet.position = NULL;
  sheet.checklist = 0;

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 595, 842);
  cr = cairo_create (surface);
  hd_signoff_sheet_draw (&sheet, cr, 595, 842);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* Something was drawn, in black on white, and the corners are white (the margins) */
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < 842; y++)
    for (int x = 0; x < 595; x++)
      if ((((guint32 *) (data + y * stride))[x] & 0xff) < 0x80)
        dark++;
  g_assert_cmpint (dark, >, 2000);
  g_assert_cmpuint (((guint32 *) data)[0] & 0xffffff, ==, 0xffffff);
  g_assert_cmpuint (((guint32 *) (data + 841 * stride))[594] & 0xffffff, ==, 0xffffff);
  cairo_surface_destroy (surface);
}

static void
test_unwritable (void)
{
  HdSignoffSheet sheet;
  g_autoptr(GError) error = NULL;

  fill_sheet (&sheet);
  g_assert_false (hd_signoff_sheet_write_pdf (&sheet, "/nonexistent-folder/sheet.pdf", &error));
  g_assert_error (error, HD_ERROR, HD_ERROR_IO);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/signoff-sheet/pdf", test_pdf);
  g_test_add_func ("/signoff-sheet/blank-date", test_blank_date);
  g_test_add_func ("/signoff-sheet/unwritable", test_unwritable);
  return g_test_run ();
}
