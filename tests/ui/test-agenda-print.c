/* test-agenda-print.c — the calendar's agenda on paper and in a PDF, in Russian, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real calendar view in a window, on the week of 2–8 November 2026 (4 November is National
 * Unity Day): the print menu offers «Печать повестки дня» and «Печать недели»; the week's
 * print action opens the in-app preview of the agenda; the export action writes the day's and
 * the week's PDF, read back with poppler; a print on landscape Letter (HdPrintOperation, run
 * with the export action so no dialog is needed) is the page setup the next print of any
 * document starts from. A screenshot of the preview goes to $HD_SCREENSHOT_DIR.
 *
 * gtk_test_init() is not used: it switches the locale to en_US.
 */
#include "config.h"

#include "hd-test-ui.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "hd-agenda-report.h"
#include "hd-appointment-store.h"
#include "hd-context.h"
#include "hd-person-store.h"
#include "hd-print-operation.h"
#include "hd-reception-hours.h"
#include "calendar/hd-calendar-view.h"
#include "reports/hd-print-preview.h"

GResource *hd_get_resource (void);

static const char *visitors[] = {
  "Лебедева Ирина Сергеевна", "Орлов Пётр Ильич", "Ёлкина Анна Петровна",
};

typedef struct {
  HdDatabase     *db;
  HdContext      *context;
  GtkWindow      *window;
  HdCalendarView *view;
} Fixture;

static gint64
at (int day,
    int hour,
    int minute)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Yakutsk");
  g_autoptr(GDateTime) dt = g_date_time_new (tz, 2026, 11, day, hour, minute, 0);

  return g_date_time_to_unix (dt);
}

/* Monday 2 November: the first two visitors at 14:00 and 14:40; Friday 6: the third */
static void
fill (HdDatabase *db)
{
  const struct { int day, hour, minute; } when[] = { { 2, 14, 0 }, { 2, 14, 40 }, { 6, 15, 0 } };
  g_autoptr(GError) error = NULL;

  for (int weekday = 1; weekday <= 5; weekday++)
    {
      g_autoptr(HdReceptionHours) hours = hd_reception_hours_new ();

      hd_reception_hours_set_weekday (hours, weekday);
      hd_reception_hours_set_starts_min (hours, 14 * 60);
      hd_reception_hours_set_ends_min (hours, 17 * 60);
      hd_reception_hours_set_place (hours, "каб. 12");
      hd_reception_hours_set_valid_from (hours, "2026-01-01");
      g_assert_true (hd_reception_hours_store_save (db, hours, &error));
      g_assert_no_error (error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (visitors); i++)
    {
      g_autoptr(HdPerson) person = hd_person_new ();
      g_autoptr(HdAppointment) a = hd_appointment_new ();

      hd_person_set_full_name (person, visitors[i]);
      hd_person_set_kind (person, HD_REQUESTER_STAFF);
      g_assert_true (hd_person_store_create (db, person, &error));
      g_assert_no_error (error);

      hd_appointment_set_person_id (a, hd_person_get_id (person));
      hd_appointment_set_starts_at (a, at (when[i].day, when[i].hour, when[i].minute));
      hd_appointment_set_ends_at (a, at (when[i].day, when[i].hour, when[i].minute) + 30 * 60);
      hd_appointment_set_topic (a, HD_TOPIC_ACCESS);
      hd_appointment_set_mode (a, HD_MODE_IN_PERSON);
      hd_appointment_set_status (a, HD_APPOINTMENT_SCHEDULED);
      g_assert_true (hd_appointment_store_create (db, a, &error));
      g_assert_no_error (error);
    }
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  GDate monday;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  path = g_build_filename (g_get_user_data_dir (), "helpdesk.db", NULL);
  f->db = hd_database_open (path, &error);
  g_assert_no_error (error);
  fill (f->db);

  f->context = hd_context_new (NULL);
  hd_context_set_database (f->context, f->db);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1100, 760);
  f->view = g_object_new (HD_TYPE_CALENDAR_VIEW, NULL);
  gtk_window_set_child (f->window, GTK_WIDGET (f->view));
  gtk_window_present (f->window);
  hd_calendar_view_set_context (f->view, f->context);
  g_date_set_dmy (&monday, 2, 11, 2026);
  hd_calendar_view_go_to (f->view, &monday, "week");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  g_clear_object (&f->context);
  g_clear_object (&f->db);
}

static gboolean
preview_shown (gpointer data)
{
  return find_toplevel (HD_TYPE_PRINT_PREVIEW) != NULL;
}

static gboolean
print_dialog_shown (gpointer data)
{
  GType type = g_type_from_name ("GtkPrintUnixDialog");

  return type != 0 && find_toplevel (type) != NULL;
}

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

/* The labels of a menu model, its sections' items included, joined by "|" */
static void
collect_labels (GMenuModel *model,
                GString    *out)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *label = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);

      if (section != NULL)
        collect_labels (section, out);
      else if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        g_string_append_printf (out, "%s|", label);
    }
}

static GtkMenuButton *
find_print_button (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkMenuButton *found;

      if (GTK_IS_MENU_BUTTON (child) &&
          g_strcmp0 (gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (child)), "document-print-symbolic") == 0)
        return GTK_MENU_BUTTON (child);
      if ((found = find_print_button (child)) != NULL)
        return found;
    }
  return NULL;
}

static char *
run_tool (const char * const *argv)
{
  g_autofree char *program = g_find_program_in_path (argv[0]);
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);
  g_autofree char *out = NULL;
  int status;

  if (program == NULL)
    return NULL;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  /* Every run of white space one space: a long name may wrap in its cell */
  return g_regex_replace_literal (space, out, -1, 0, " ", 0, NULL);
}

static void
test_menu (Fixture       *f,
           gconstpointer  data)
{
  GtkMenuButton *button = find_print_button (GTK_WIDGET (f->view));
  g_autoptr(GString) labels = g_string_new (NULL);
  const char *tooltip;

  g_assert_nonnull (button);
  tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (button));
  g_assert_nonnull (tooltip);
  collect_labels (gtk_menu_button_get_menu_model (button), labels);
  g_test_message ("print menu: %s", labels->str);
  g_assert_nonnull (strstr (labels->str, _("Print the Day’s Agenda")));
  g_assert_nonnull (strstr (labels->str, _("Print the Week")));
  g_assert_nonnull (strstr (labels->str, _("Save the Week as PDF…")));
  if (g_str_has_prefix (setlocale (LC_MESSAGES, NULL), "ru"))
    {
      g_assert_nonnull (strstr (labels->str, "Печать повестки дня|"));
      g_assert_nonnull (strstr (labels->str, "Печать недели|"));
    }
}

/* In a window of 1000 px the print menu, the export and the walk-in make room in one «⋯»
 * menu, and «Записать…» stays in view */
static void
test_narrow_toolbar (Fixture       *f,
                     gconstpointer  data)
{
  AdwSqueezer *squeezer = ADW_SQUEEZER (find_widget (GTK_WIDGET (f->view), ADW_TYPE_SQUEEZER));
  GtkWidget *book = find_button (GTK_WIDGET (f->view), "Записать…");
  GtkWidget *shown;
  graphene_rect_t bounds;
  g_autoptr(GString) labels = g_string_new (NULL);

  g_assert_nonnull (squeezer);
  /* 1280 px: all of them */
  gtk_window_set_default_size (f->window, 1280, 760);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_true (GTK_IS_BOX (adw_squeezer_get_visible_child (squeezer)));

  gtk_window_set_default_size (f->window, 1000, 760);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), <=, 1000);
  shown = adw_squeezer_get_visible_child (squeezer);
  g_assert_true (GTK_IS_MENU_BUTTON (shown));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (shown), ==, "Другие действия");
  collect_labels (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (shown)), labels);
  g_assert_nonnull (strstr (labels->str, "Принят без записи|"));
  g_assert_nonnull (strstr (labels->str, "Печать повестки дня|"));
  g_assert_nonnull (strstr (labels->str, "Печать недели|"));
  g_assert_nonnull (strstr (labels->str, "Экспорт в iCalendar…|"));

  book = find_button (GTK_WIDGET (f->view), "Записать…");
  g_assert_nonnull (book);
  g_assert_true (gtk_widget_compute_bounds (book, GTK_WIDGET (f->window), &bounds));
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (GTK_WIDGET (f->window)));
  save_screenshot (GTK_WIDGET (f->window), "calendar-toolbar-1000");
}

static void
test_preview (Fixture       *f,
              gconstpointer  data)
{
  HdPrintPreview *preview;
  g_autofree char *first = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "calendar.print-agenda", "s", "week"));
  wait_until (preview_shown, NULL, "the print preview");
  preview = HD_PRINT_PREVIEW (find_toplevel (HD_TYPE_PRINT_PREVIEW));
  g_assert_cmpuint (hd_print_preview_get_n_pages (preview), ==, 1);
  first = g_strdup_printf (_("Page %u of %u"), 1, 1);
  g_assert_cmpstr (hd_print_preview_get_page_text (preview), ==, first);
  save_screenshot (GTK_WIDGET (preview), "agenda-preview-week.png");

  /* «Печать…» closes the preview and opens the print dialog for the same week */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preview), "preview.print", NULL));
  wait_until (print_dialog_shown, NULL, "the print dialog");
  g_assert_null (find_toplevel (HD_TYPE_PRINT_PREVIEW));
  gtk_window_close (find_toplevel (g_type_from_name ("GtkPrintUnixDialog")));
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  struct {
    const char *span;
    guint       n_visitors;
  } cases[] = { { "day", 2 }, { "week", 3 } };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("agenda-%s.pdf", cases[i].span);
      g_autofree char *path = g_build_filename (g_get_user_data_dir (), name, NULL);
      g_autofree char *text = NULL;
      g_autofree char *info = NULL;
      const char *text_argv[] = { "pdftotext", path, "-", NULL };
      const char *info_argv[] = { "pdfinfo", path, NULL };

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "calendar.export-agenda",
                                                 "(ss)", cases[i].span, path));
      /* Written in a worker to a temporary file, then renamed: existing means complete */
      wait_until (file_exists, path, "the agenda's PDF");

      info = run_tool (info_argv);
      text = run_tool (text_argv);
      if (info == NULL || text == NULL)
        {
          g_test_skip ("pdftotext or pdfinfo (poppler-utils) is not installed");
          return;
        }
      g_assert_nonnull (strstr (info, "Pages:"));
      g_assert_cmpint (g_ascii_strtoll (strstr (info, "Pages:") + strlen ("Pages:"), NULL, 10), ==, 1);
      for (guint v = 0; v < G_N_ELEMENTS (visitors); v++)
        g_assert_cmpint (strstr (text, visitors[v]) != NULL, ==, v < cases[i].n_visitors);
      if (g_str_has_prefix (setlocale (LC_TIME, NULL), "ru"))
        {
          g_assert_nonnull (strstr (text, "Понедельник, 2 ноября 2026 г."));
          if (g_str_equal (cases[i].span, "week"))
            {
              g_assert_nonnull (strstr (text, "Неделя 2–8 ноября 2026 г."));
              g_assert_nonnull (strstr (text, "День народного единства"));
            }
        }
    }
}

static guint
count_agenda (gpointer document,
              double   page_width,
              double   page_height)
{
  return hd_agenda_report_get_n_pages (document, page_width, page_height);
}

static void
draw_agenda (gpointer  document,
             cairo_t  *cr,
             guint     page,
             double    page_width,
             double    page_height)
{
  hd_agenda_report_draw_page (document, cr, page, page_width, page_height);
}

/* The page size of the first page of a PDF, in points, as pdfinfo prints it */
static char *
pdf_page_size (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = run_tool (argv);
  const char *line = info != NULL ? strstr (info, "Page size:") : NULL;

  if (line == NULL)
    return NULL;
  line += strlen ("Page size:");
  while (*line == ' ')
    line++;
  return g_strndup (line, strcspn (line, "\n"));
}

/* Every print starts from the page setup of the last one, in the database's settings, whatever
 * it printed: A4 at first; a print on landscape Letter is remembered, and the next operation,
 * for another document, starts from it. The export action runs the same operation as the print
 * dialog without showing it. */
static void
test_remembers_page_setup (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HdAgendaReport) report = NULL;
  g_autoptr(HdPrintOperation) first = NULL;
  g_autoptr(HdPrintOperation) next = NULL;
  g_autoptr(GtkPageSetup) letter = gtk_page_setup_new ();
  g_autofree char *a4_pdf = g_build_filename (g_get_user_data_dir (), "a4.pdf", NULL);
  g_autofree char *letter_pdf = g_build_filename (g_get_user_data_dir (), "letter.pdf", NULL);
  g_autofree char *saved = NULL;
  g_autofree char *size = NULL;
  GtkPaperSize *paper;
  GDate monday;

  g_date_set_dmy (&monday, 2, 11, 2026);
  report = hd_agenda_report_new (f->db, hd_context_get_workdays (f->context, NULL), &monday,
                                 HD_AGENDA_WEEK, &error);
  g_assert_no_error (error);

  first = hd_print_operation_new (f->db, "Неделя", count_agenda, draw_agenda,
                                  g_object_ref (report), g_object_unref);
  paper = gtk_page_setup_get_paper_size (gtk_print_operation_get_default_page_setup (GTK_PRINT_OPERATION (first)));
  g_assert_cmpstr (gtk_paper_size_get_name (paper), ==, GTK_PAPER_NAME_A4);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (first), a4_pdf);
  g_assert_cmpint (gtk_print_operation_run (GTK_PRINT_OPERATION (first), GTK_PRINT_OPERATION_ACTION_EXPORT,
                                            NULL, &error), ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  size = pdf_page_size (a4_pdf);
  if (size == NULL)
    {
      g_test_skip ("pdfinfo (poppler-utils) is not installed");
      return;
    }
  g_assert_true (g_str_has_prefix (size, "595.") && strstr (size, "x 841.") != NULL);
  g_clear_pointer (&size, g_free);
  saved = hd_database_get_setting (f->db, HD_PRINT_SETTING_PAGE_SETUP, NULL);
  g_assert_nonnull (saved);
  g_assert_nonnull (strstr (saved, "Width=210"));
  g_clear_pointer (&saved, g_free);

  paper = gtk_paper_size_new (GTK_PAPER_NAME_LETTER);
  gtk_page_setup_set_paper_size_and_default_margins (letter, paper);
  gtk_paper_size_free (paper);
  gtk_page_setup_set_orientation (letter, GTK_PAGE_ORIENTATION_LANDSCAPE);
  g_clear_object (&first);
  first = hd_print_operation_new (f->db, "Неделя", count_agenda, draw_agenda,
                                  g_object_ref (report), g_object_unref);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (first), letter);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (first), letter_pdf);
  g_assert_cmpint (gtk_print_operation_run (GTK_PRINT_OPERATION (first), GTK_PRINT_OPERATION_ACTION_EXPORT,
                                            NULL, &error), ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  size = pdf_page_size (letter_pdf);
  g_assert_true (g_str_has_prefix (size, "792 x 612"));

  /* the next print, of something else, starts on landscape Letter */
  next = hd_print_operation_new (f->db, "Отчёт", count_agenda, draw_agenda, NULL, NULL);
  {
    GtkPageSetup *setup = gtk_print_operation_get_default_page_setup (GTK_PRINT_OPERATION (next));

    g_assert_cmpstr (gtk_paper_size_get_name (gtk_page_setup_get_paper_size (setup)), ==, GTK_PAPER_NAME_LETTER);
    g_assert_cmpint (gtk_page_setup_get_orientation (setup), ==, GTK_PAGE_ORIENTATION_LANDSCAPE);
  }
}

int
main (int   argc,
      char *argv[])
{
  hd_test_ui_init (&argc, &argv);
  adw_init ();
  (void) hd_get_resource ();

  g_test_add ("/ui/agenda-print/menu", Fixture, NULL, fixture_set_up, test_menu, fixture_tear_down);
  g_test_add ("/ui/agenda-print/narrow-toolbar", Fixture, NULL, fixture_set_up, test_narrow_toolbar,
              fixture_tear_down);
  g_test_add ("/ui/agenda-print/preview", Fixture, NULL, fixture_set_up, test_preview, fixture_tear_down);
  g_test_add ("/ui/agenda-print/export", Fixture, NULL, fixture_set_up, test_export, fixture_tear_down);
  g_test_add ("/ui/agenda-print/remembers-page-setup", Fixture, NULL, fixture_set_up,
              test_remembers_page_setup, fixture_tear_down);

  return g_test_run ();
}
