/* hd-agenda-print.c — printing the calendar's agenda of a day or a week, and saving it as PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The calendar view's print actions land here, so the view itself only passes its date:
 *   calendar.print-agenda ("day" | "week")         the in-app preview (HdPrintPreview), whose
 *                                                  «Печать…» runs the next action;
 *   calendar.print-agenda-dialog ("day" | "week")  the print dialog (HdPrintOperation: the
 *                                                  page setup of the last print, A4 at first);
 *   calendar.export-agenda (("day" | "week", path)) a PDF, written in a worker; an empty path
 *                                                  asks for the file first.
 * Each action reads a fresh HdAgendaReport (a few small queries) on the main thread; the
 * pages are drawn by the report layer, the same on screen, on paper and in the PDF.
 */
#define G_LOG_DOMAIN "hd-agenda-print"

#include "config.h"

#include <glib/gi18n.h>

#include "hd-agenda-print.h"
#include "hd-print-operation.h"
#include "reports/hd-print-preview.h"

static void
show_error (GtkWidget  *view,
            const char *heading,
            const char *body)
{
  GtkRoot *root = gtk_widget_get_root (view);
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---------------------------------------------------------------------------------------- */
/* Printing                                                                                   */

static guint
count_pages (gpointer document,
             double   page_width,
             double   page_height)
{
  return hd_agenda_report_get_n_pages (document, page_width, page_height);
}

static void
draw_page (gpointer  document,
           cairo_t  *cr,
           guint     page,
           double    page_width,
           double    page_height)
{
  hd_agenda_report_draw_page (document, cr, page, page_width, page_height);
}

static void
print_done_cb (GtkPrintOperation       *op,
               GtkPrintOperationResult  result,
               GtkWidget               *view)
{
  g_autoptr(GError) error = NULL;

  if (result != GTK_PRINT_OPERATION_RESULT_ERROR)
    return;
  gtk_print_operation_get_error (op, &error);
  show_error (view, _("The agenda was not printed"),
              error != NULL ? error->message : _("Check the printer and try again."));
}

static void
run_print_dialog (GtkWidget      *view,
                  HdDatabase     *db,
                  HdAgendaReport *report)
{
  g_autoptr(HdPrintOperation) op = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = hd_agenda_report_get_title (report);

  op = hd_print_operation_new (db, title, count_pages, draw_page, g_object_ref (report),
                               g_object_unref);
  g_signal_connect_object (op, "done", G_CALLBACK (print_done_cb), view, 0);
  if (gtk_print_operation_run (GTK_PRINT_OPERATION (op), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (gtk_widget_get_root (view)), &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (view, _("The agenda was not printed"), error->message);
}

static void
show_preview (GtkWidget      *view,
              HdAgendaReport *report,
              const char     *span)
{
  HdPrintPreview *preview;
  guint n_pages = hd_agenda_report_get_n_pages (report, HD_AGENDA_REPORT_PAGE_WIDTH,
                                                HD_AGENDA_REPORT_PAGE_HEIGHT);

  preview = hd_print_preview_new_for_pages (GTK_WINDOW (gtk_widget_get_root (view)), n_pages,
                                            draw_page, g_object_ref (report),
                                            g_object_unref);
  /* «Печать…» in the preview asks the calendar for the print dialog */
  g_object_set_data_full (G_OBJECT (preview), "hd-view", g_object_ref (view), g_object_unref);
  hd_print_preview_set_print_action (preview, "calendar.print-agenda-dialog",
                                     g_variant_new_string (span));
  gtk_window_present (GTK_WINDOW (preview));
}

/* ---------------------------------------------------------------------------------------- */
/* PDF                                                                                        */

static void
export_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  HdAgendaReport *report = g_object_get_data (G_OBJECT (task), "hd-agenda");
  GError *error = NULL;

  if (hd_agenda_report_write_pdf (report, task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!hd_agenda_print_export_pdf_finish (GTK_WIDGET (object), result, &error))
    show_error (GTK_WIDGET (object), _("The agenda was not saved"), error->message);
}

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    gpointer         user_data)
{
  GtkWidget *view = g_object_get_data (G_OBJECT (chooser), "hd-view");
  HdAgendaReport *report = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      hd_agenda_print_export_pdf_async (view, report, file, NULL, exported_cb, NULL);
    }
  g_object_unref (report);
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
choose_pdf (GtkWidget      *view,
            HdAgendaReport *report)
{
  GtkRoot *root = gtk_widget_get_root (view);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  g_autofree char *iso = NULL;
  GDate day;

  hd_agenda_report_get_first_day (report, &day);
  iso = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&day), g_date_get_month (&day),
                         g_date_get_day (&day));
  name = g_strdup_printf (hd_agenda_report_get_span (report) == HD_AGENDA_WEEK
                          /* Translators: the suggested file name of a week's agenda; %s is its
                           * Monday, 2026-11-23 */
                          ? _("consultations-week-%s.pdf")
                          /* Translators: the suggested file name of a day's agenda; %s is the
                           * day, 2026-11-23 */
                          : _("consultations-%s.pdf"), iso);

  chooser = gtk_file_chooser_native_new (_("Save the Agenda as PDF"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data_full (G_OBJECT (chooser), "hd-view", g_object_ref (view), g_object_unref);
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), g_object_ref (report));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---------------------------------------------------------------------------------------- */
/* Public API                                                                                 */

/**
 * hd_agenda_print_activate:
 * @view: the calendar view, for dialogs and the preview's print action
 * @db: the database
 * @workdays: the production calendar with the school's overrides
 * @day: the day the calendar shows
 * @action_name: calendar.print-agenda, calendar.print-agenda-dialog or calendar.export-agenda
 * @parameter: "day" or "week"; for calendar.export-agenda ("day" or "week", a path or "")
 *
 * Runs one of the agenda's print actions (see the top of this file).
 */
void
hd_agenda_print_activate (GtkWidget   *view,
                          HdDatabase  *db,
                          HdWorkdays  *workdays,
                          const GDate *day,
                          const char  *action_name,
                          GVariant    *parameter)
{
  g_autoptr(HdAgendaReport) report = NULL;
  g_autoptr(GError) error = NULL;
  const char *span = NULL;
  const char *path = NULL;

  g_return_if_fail (GTK_IS_WIDGET (view));
  g_return_if_fail (action_name != NULL && parameter != NULL);

  if (db == NULL || workdays == NULL || day == NULL || !g_date_valid (day))
    return;
  if (g_variant_is_of_type (parameter, G_VARIANT_TYPE ("(ss)")))
    g_variant_get (parameter, "(&s&s)", &span, &path);
  else
    span = g_variant_get_string (parameter, NULL);

  report = hd_agenda_report_new (db, workdays, day,
                                 g_str_equal (span, "week") ? HD_AGENDA_WEEK : HD_AGENDA_DAY,
                                 &error);
  if (report == NULL)
    {
      show_error (view, _("The agenda could not be prepared"), error->message);
      return;
    }

  if (g_str_equal (action_name, "calendar.print-agenda"))
    show_preview (view, report, span);
  else if (g_str_equal (action_name, "calendar.print-agenda-dialog"))
    run_print_dialog (view, db, report);
  else if (path != NULL && *path != '\0')
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);

      hd_agenda_print_export_pdf_async (view, report, file, NULL, exported_cb, NULL);
    }
  else
    choose_pdf (view, report);
}

/**
 * hd_agenda_print_export_pdf_async:
 * @view: the widget the task belongs to
 * @report: the agenda; drawn in a worker thread, so hand over one nothing else draws
 * @file: the PDF file to write (a local path)
 *
 * Writes @report to @file in a worker thread.
 */
void
hd_agenda_print_export_pdf_async (GtkWidget           *view,
                                  HdAgendaReport      *report,
                                  GFile               *file,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  char *path;

  g_return_if_fail (GTK_IS_WIDGET (view));
  g_return_if_fail (HD_IS_AGENDA_REPORT (report));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (view, cancellable, callback, user_data);
  g_task_set_source_tag (task, hd_agenda_print_export_pdf_async);
  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("The agenda can only be saved to a folder on this computer."));
      return;
    }
  g_object_set_data_full (G_OBJECT (task), "hd-agenda", g_object_ref (report), g_object_unref);
  g_task_set_task_data (task, path, g_free);
  g_task_run_in_thread (task, export_worker);
}

gboolean
hd_agenda_print_export_pdf_finish (GtkWidget     *view,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, view), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
