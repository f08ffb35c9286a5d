/* hd-reports-view-actions.c — printing the report, saving it as PDF, saving a chart's picture
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Printing draws the report's pages (hd_report_draw_page) through an HdPrintOperation, which
 * starts from the page setup and print settings of the last print. Saving a PDF computes a fresh
 * report in a worker with its own connection and writes it there, with a pulsing progress bar.
 */
#define G_LOG_DOMAIN "hd-reports-view"

#include "config.h"

#include <glib/gi18n.h>

#include "hd-print-operation.h"
#include "hd-print-preview.h"
#include "hd-reports-view-private.h"

/* ---------------------------------------------------------------------------------------- */
/* Export to PDF                                                                              */

static void
export_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ReportTask *t = task_data;
  GError *error = NULL;
  g_autoptr(HdReport) report = _hd_reports_view_compute_report (t, NULL, &error);

  if (report == NULL || !hd_report_write_pdf (report, t->path, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static gboolean
pulse_cb (gpointer user_data)
{
  HdReportsView *self = user_data;

  gtk_progress_bar_pulse (self->export_progress);
  return G_SOURCE_CONTINUE;
}

static void
set_exporting (HdReportsView *self,
               gboolean       exporting)
{
  self->exporting = exporting;
  gtk_widget_set_visible (GTK_WIDGET (self->export_progress), exporting);
  if (exporting)
    {
      gtk_progress_bar_set_text (self->export_progress, _("Saving the report…"));
      if (self->pulse_id == 0)
        self->pulse_id = g_timeout_add (100, pulse_cb, self);
    }
  else
    g_clear_handle_id (&self->pulse_id, g_source_remove);
  _hd_reports_view_update_actions (self);
}

static void
export_chooser_done_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  HdReportsView *self = HD_REPORTS_VIEW (source);
  g_autoptr(GError) error = NULL;

  if (!hd_reports_view_export_pdf_finish (self, result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    _hd_reports_view_show_error (self, error->message);
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    gpointer         user_data)
{
  HdReportsView *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      hd_reports_view_export_pdf_async (self, file, NULL, export_chooser_done_cb, NULL);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static char *
suggested_name (HdReportsView *self,
                const char    *extension)
{
  g_autofree char *period = hd_period_to_string (&self->period);

  /* «2025/2026» cannot be part of a file name */
  g_strdelimit (period, "/", '-');
  /* Translators: the suggested file name of a saved report: %s is the period («2026-10»),
   * the second %s the extension («pdf») */
  return g_strdup_printf (_("Report %s.%s"), period, extension);
}

void
_hd_reports_view_export_pdf (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  HdReportsView *self = HD_REPORTS_VIEW (widget);
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = suggested_name (self, "pdf");

  native = gtk_file_chooser_native_new (_("Save the Report as PDF"),
                                        GTK_WINDOW (gtk_widget_get_root (widget)),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect (native, "response", G_CALLBACK (export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* ---------------------------------------------------------------------------------------- */
/* Printing                                                                                   */

static guint
count_pages (gpointer document,
             double   page_width,
             double   page_height)
{
  return hd_report_get_n_pages (document, page_width, page_height);
}

static void
draw_page (gpointer  document,
           cairo_t  *cr,
           guint     page,
           double    page_width,
           double    page_height)
{
  hd_report_draw_page (document, cr, page, page_width, page_height);
}

static void
print_done_cb (GtkPrintOperation       *op,
               GtkPrintOperationResult  result,
               HdReportsView           *self)
{
  g_autoptr(GError) error = NULL;

  if (result != GTK_PRINT_OPERATION_RESULT_ERROR)
    return;
  gtk_print_operation_get_error (op, &error);
  _hd_reports_view_show_error (self, error != NULL ? error->message
                                                   : _("The report could not be printed."));
}

void
_hd_reports_view_print (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  HdReportsView *self = HD_REPORTS_VIEW (widget);
  g_autoptr(HdPrintOperation) op = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;

  if (self->report == NULL)
    return;

  title = hd_report_get_title (self->report);
  op = hd_print_operation_new (self->context != NULL ? hd_context_get_database (self->context) : NULL,
                               title, count_pages, draw_page, g_object_ref (self->report),
                               g_object_unref);
  g_signal_connect_object (op, "done", G_CALLBACK (print_done_cb), self, 0);
  if (gtk_print_operation_run (GTK_PRINT_OPERATION (op), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (gtk_widget_get_root (widget)), &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    _hd_reports_view_show_error (self, error->message);
}

/* The pages as they will come out, drawn in the app (no external viewer needed) */
void
_hd_reports_view_preview (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  HdReportsView *self = HD_REPORTS_VIEW (widget);
  HdPrintPreview *preview;

  if (self->report == NULL)
    return;
  preview = hd_print_preview_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->report);
  /* «Печать…» in the preview asks the view to print */
  g_object_set_data_full (G_OBJECT (preview), "hd-view", g_object_ref (self), g_object_unref);
  gtk_window_present (GTK_WINDOW (preview));
}

/* ---------------------------------------------------------------------------------------- */
/* Saving a chart                                                                             */

typedef struct {
  HdChart  *chart;
  gboolean  svg;
} SaveChart;

static void
save_chart_response_cb (GtkNativeDialog *dialog,
                        int              response,
                        gpointer         user_data)
{
  HdReportsView *self = g_object_get_data (G_OBJECT (dialog), "hd-view");
  SaveChart *save = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;
      gboolean ok;

      /* 640 × 400 pt: a 1280 × 800 px picture, or a vector one that scales */
      if (save->svg)
        ok = hd_chart_save_svg (save->chart, path, 640, 400, NULL, &error);
      else
        ok = hd_chart_save_png (save->chart, path, 1280, 800, 2.0, NULL, &error);
      _hd_reports_view_show_error (self, ok ? NULL : error->message);
    }
  hd_chart_unref (save->chart);
  g_free (save);
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

void
_hd_reports_view_save_chart (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  HdReportsView *self = HD_REPORTS_VIEW (widget);
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  SaveChart *save;
  const char *format;
  int index;

  g_variant_get (parameter, "(i&s)", &index, &format);
  if (index < 0 || index >= HD_REPORT_N_CHARTS || self->charts[index] == NULL)
    return;

  save = g_new0 (SaveChart, 1);
  save->chart = hd_chart_ref (self->charts[index]);
  save->svg = g_str_equal (format, "svg");
  name = suggested_name (self, save->svg ? "svg" : "png");

  native = gtk_file_chooser_native_new (save->svg ? _("Save the Chart as SVG")
                                                  : _("Save the Chart as PNG"),
                                        GTK_WINDOW (gtk_widget_get_root (widget)),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_filter_set_name (filter, save->svg ? _("SVG images") : _("PNG images"));
  gtk_file_filter_add_mime_type (filter, save->svg ? "image/svg+xml" : "image/png");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_object_set_data_full (G_OBJECT (native), "hd-view", g_object_ref (self), g_object_unref);
  g_signal_connect (native, "response", G_CALLBACK (save_chart_response_cb), save);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

void
_hd_reports_view_clear_exporting (HdReportsView *self)
{
  g_clear_handle_id (&self->pulse_id, g_source_remove);
}

/* ---------------------------------------------------------------------------------------- */
/* Public API                                                                                 */

/**
 * hd_reports_view_export_pdf_async:
 * @self: a reports view with a context
 * @file: the PDF file to write (a local path)
 *
 * Writes the report of the period shown to @file in a worker thread, with a progress bar.
 */
void
hd_reports_view_export_pdf_async (HdReportsView       *self,
                                  GFile               *file,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ReportTask *t;

  g_return_if_fail (HD_IS_REPORTS_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->context != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hd_reports_view_export_pdf_async);
  t = _hd_reports_view_task_new (self);
  t->path = g_file_get_path (file);
  if (t->path == NULL)
    {
      _hd_reports_view_task_free (t);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("The report can only be saved to a folder on this computer."));
      return;
    }
  g_task_set_task_data (task, t, _hd_reports_view_task_free);
  set_exporting (self, TRUE);
  g_task_run_in_thread (task, export_worker);
}

gboolean
hd_reports_view_export_pdf_finish (HdReportsView  *self,
                                   GAsyncResult   *result,
                                   GError        **error)
{
  g_return_val_if_fail (HD_IS_REPORTS_VIEW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (g_task_get_source_tag (G_TASK (result)) == hd_reports_view_export_pdf_async)
    set_exporting (self, FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
