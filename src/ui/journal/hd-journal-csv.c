/* hd-journal-csv.c — the journal's CSV export and import, with the file chooser and progress
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The work is the core's (hd-csv-requests.c), in a worker thread with a connection of its
 * own; here are the file chooser (GtkFileChooserNative, the portal inside Flatpak), a progress
 * window that appears when the work takes longer than a moment, and the outcome: a toast, or
 * for an import that was refused, a dialog listing every bad row of the file by its line.
 * The functions taking a GFile are what the file chooser calls, and what tests call.
 */
#define G_LOG_DOMAIN "hd-journal-csv"

#include "config.h"

#include <glib/gi18n.h>

#include "hd-csv-requests.h"
#include "hd-journal-csv.h"

/* A quick export never flashes a window */
#define PROGRESS_DELAY_MS 300

#define OP_KEY "hd-journal-csv-op"
#define MESSAGE_KEY "hd-journal-csv-message"

/* One export or import at a time, kept on the view while it runs */
typedef struct {
  HdJournalView  *view;
  GCancellable   *cancellable;
  GtkWidget      *progress_window;
  GtkProgressBar *progress_bar;
  guint           show_source;
  double          fraction;
  gboolean        importing;
} CsvOp;

static void
csv_op_free (CsvOp *op)
{
  g_clear_handle_id (&op->show_source, g_source_remove);
  if (op->progress_window != NULL)
    gtk_window_destroy (GTK_WINDOW (op->progress_window));
  g_clear_object (&op->cancellable);
  g_clear_object (&op->view);
  g_free (op);
}

static HdDatabase *
get_db (HdJournalView *view)
{
  HdContext *context = hd_journal_view_get_context (view);

  return context != NULL ? hd_context_get_database (context) : NULL;
}

static GtkWindow *
get_window (HdJournalView *view)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (view));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
set_busy (HdJournalView *view,
          gboolean       busy)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (view), "journal.export-csv", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (view), "journal.import-csv", !busy);
}

static void
show_toast (HdJournalView *view,
            const char    *message)
{
  GtkWidget *overlay = adw_bin_get_child (ADW_BIN (view));

  g_object_set_data_full (G_OBJECT (view), MESSAGE_KEY, g_strdup (message), g_free);
  if (ADW_IS_TOAST_OVERLAY (overlay))
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
}

/* Progress */

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  CsvOp *op = user_data;

  op->fraction = fraction;
  if (op->progress_bar != NULL)
    gtk_progress_bar_set_fraction (op->progress_bar, fraction);
}

static void
cancel_clicked_cb (CsvOp *op)
{
  g_cancellable_cancel (op->cancellable);
}

static gboolean
show_progress_cb (gpointer user_data)
{
  CsvOp *op = user_data;
  GtkWidget *box, *label, *cancel;

  op->show_source = 0;
  op->progress_window = adw_window_new ();
  gtk_window_set_modal (GTK_WINDOW (op->progress_window), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (op->progress_window), get_window (op->view));
  gtk_window_set_deletable (GTK_WINDOW (op->progress_window), FALSE);
  gtk_window_set_resizable (GTK_WINDOW (op->progress_window), FALSE);
  gtk_window_set_title (GTK_WINDOW (op->progress_window),
                        op->importing ? _("Importing Requests") : _("Exporting Requests"));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_start (box, 24);
  gtk_widget_set_margin_end (box, 24);
  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_size_request (box, 280, -1);
  label = gtk_label_new (op->importing ? _("Checking and importing the file…")
                                       : _("Writing the requests to the file…"));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);
  op->progress_bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_progress_bar_set_fraction (op->progress_bar, op->fraction);
  gtk_accessible_update_property (GTK_ACCESSIBLE (op->progress_bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_label_get_text (GTK_LABEL (label)), -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (op->progress_bar));
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_widget_set_halign (cancel, GTK_ALIGN_END);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (cancel_clicked_cb), op);
  gtk_box_append (GTK_BOX (box), cancel);

  adw_window_set_content (ADW_WINDOW (op->progress_window), box);
  gtk_window_present (GTK_WINDOW (op->progress_window));
  gtk_widget_grab_focus (cancel);
  return G_SOURCE_REMOVE;
}

static CsvOp *
start_op (HdJournalView *view,
          gboolean       importing)
{
  CsvOp *op = g_new0 (CsvOp, 1);

  op->view = g_object_ref (view);
  op->cancellable = g_cancellable_new ();
  op->importing = importing;
  op->show_source = g_timeout_add (PROGRESS_DELAY_MS, show_progress_cb, op);
  g_object_set_data (G_OBJECT (view), OP_KEY, op);
  set_busy (view, TRUE);
  return op;
}

static void
finish_op (CsvOp *op)
{
  g_object_set_data (G_OBJECT (op->view), OP_KEY, NULL);
  set_busy (op->view, FALSE);
  csv_op_free (op);
}

/* Export */

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  CsvOp *op = user_data;
  g_autoptr(GError) error = NULL;
  guint n_rows = 0;

  if (!hd_csv_requests_export_finish (HD_DATABASE (source), result, &n_rows, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_toast (op->view, _("The export was cancelled."));
      else
        show_toast (op->view, error->message);
    }
  else
    {
      g_autofree char *message = NULL;

      /* Translators: a toast; %u is a number of requests */
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "Exported %u request",
                                              "Exported %u requests", n_rows),
                                 n_rows);
      show_toast (op->view, message);
    }
  finish_op (op);
}

/* The period the journal shows, as local days, or FALSE for the whole journal */
static gboolean
shown_period (HdJournalView *view,
              GDate         *from,
              GDate         *to,
              gboolean      *has_from,
              gboolean      *has_to)
{
  HdRequestList *list = hd_journal_view_get_list (view);
  HdContext *context = hd_journal_view_get_context (view);
  const HdRequestFilter *filter = list != NULL ? hd_request_list_get_filter (list) : NULL;

  *has_from = *has_to = FALSE;
  if (filter == NULL || context == NULL ||
      (filter->received_from == 0 && filter->received_to == 0))
    return FALSE;

  if (filter->received_from != 0)
    {
      g_autoptr(GDateTime) dt = hd_context_date_time (context, filter->received_from);

      g_date_set_dmy (from, g_date_time_get_day_of_month (dt), g_date_time_get_month (dt),
                      g_date_time_get_year (dt));
      *has_from = TRUE;
    }
  if (filter->received_to != 0)
    {
      /* The filter's end is exclusive, the export's last day inclusive */
      g_autoptr(GDateTime) dt = hd_context_date_time (context, filter->received_to - 1);

      g_date_set_dmy (to, g_date_time_get_day_of_month (dt), g_date_time_get_month (dt),
                      g_date_time_get_year (dt));
      *has_to = TRUE;
    }
  return TRUE;
}

/**
 * hd_journal_csv_export:
 * @file: where to write
 * @whole_journal: every request, rather than those of the period the journal shows
 *
 * Exports in the background with a progress window; a toast says how many requests were
 * written. The other filters (status, search, …) do not apply: an export is a period.
 */
void
hd_journal_csv_export (HdJournalView *view,
                       GFile         *file,
                       gboolean       whole_journal)
{
  HdDatabase *db = get_db (view);
  GDate from, to;
  gboolean has_from = FALSE, has_to = FALSE;
  CsvOp *op;

  g_return_if_fail (HD_IS_JOURNAL_VIEW (view));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (db != NULL);

  if (hd_journal_csv_is_busy (view))
    return;
  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  if (!whole_journal)
    shown_period (view, &from, &to, &has_from, &has_to);

  op = start_op (view, FALSE);
  hd_csv_requests_export_async (db, file, has_from ? &from : NULL, has_to ? &to : NULL,
                                op->cancellable, progress_cb, op, export_done_cb, op);
}

/* Import */

static void
import_problems_dialog (HdJournalView     *view,
                        HdCsvImportReport *report,
                        const GError      *error)
{
  GtkWidget *dialog;
  g_autofree char *body = NULL;

  if (report != NULL && report->problems->len > 0)
    {
      GtkWidget *scrolled = gtk_scrolled_window_new ();
      GtkWidget *list = gtk_list_box_new ();
      GtkWidget *clamp;

      /* Translators: %u is the number of bad rows in a CSV file */
      body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Nothing was imported: %u row of the file has a problem. "
                                           "Correct it in the file and import it again.",
                                           "Nothing was imported: %u rows of the file have problems. "
                                           "Correct them in the file and import it again.",
                                           report->problems->len),
                              report->problems->len);
      dialog = adw_message_dialog_new (get_window (view), _("The File Was Not Imported"), body);

      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Problems of the file, by line"), -1);
      for (guint i = 0; i < report->problems->len; i++)
        {
          const HdCsvProblem *p = g_ptr_array_index (report->problems, i);
          GtkWidget *row = adw_action_row_new ();
          g_autofree char *title = NULL;
          g_autofree char *message = g_markup_escape_text (p->message, -1);

          /* Translators: the title of a problem of a CSV file; %u is its line number */
          title = g_strdup_printf (_("Line %u"), p->line);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), message);
          g_object_set_data (G_OBJECT (row), "hd-line", GUINT_TO_POINTER (p->line));
          gtk_list_box_append (GTK_LIST_BOX (list), row);
        }
      /* Every problem can be scrolled to, however the dialog was measured */
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled),
                                                  MIN (report->problems->len * 110, 300));
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 400);
      /* The long messages would make the dialog as wide as they are, and then, once it is
       * narrowed to a dialog's width, too short for them: cap their natural width */
      clamp = adw_clamp_new ();
      adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 320);
      adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 320);
      adw_clamp_set_child (ADW_CLAMP (clamp), list);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
    }
  else
    dialog = adw_message_dialog_new (get_window (view), _("The File Was Not Imported"),
                                     error != NULL ? error->message : NULL);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_object_set_data_full (G_OBJECT (view), MESSAGE_KEY,
                          g_strdup (_("The File Was Not Imported")), g_free);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  CsvOp *op = user_data;
  g_autoptr(HdCsvImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  if (!hd_csv_requests_import_finish (HD_DATABASE (source), result, &report, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_toast (op->view, _("The import was cancelled. Nothing was imported."));
      else
        import_problems_dialog (op->view, report, error);
    }
  else
    {
      g_autofree char *message = NULL;

      /* Translators: a toast after an import; %u is a number of requests */
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "Imported requests: %u",
                                              "Imported requests: %u", report->n_imported),
                                 report->n_imported);
      show_toast (op->view, message);
      hd_journal_view_reload (op->view);
    }
  finish_op (op);
}

/**
 * hd_journal_csv_import:
 * @file: a CSV file of requests
 *
 * Imports in the background with a progress window, all or nothing: on success a toast says
 * how many requests were imported and the journal is reloaded; otherwise a dialog lists every
 * bad row by its line.
 */
void
hd_journal_csv_import (HdJournalView *view,
                       GFile         *file)
{
  HdDatabase *db = get_db (view);
  CsvOp *op;

  g_return_if_fail (HD_IS_JOURNAL_VIEW (view));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (db != NULL);

  if (hd_journal_csv_is_busy (view))
    return;
  op = start_op (view, TRUE);
  hd_csv_requests_import_async (db, file, HD_CSV_IMPORT_NONE, op->cancellable,
                                progress_cb, op, import_done_cb, op);
}

gboolean
hd_journal_csv_is_busy (HdJournalView *view)
{
  g_return_val_if_fail (HD_IS_JOURNAL_VIEW (view), FALSE);
  return g_object_get_data (G_OBJECT (view), OP_KEY) != NULL;
}

/**
 * hd_journal_csv_get_last_message:
 *
 * Returns: (nullable): the last outcome shown (a toast's text, or a dialog's heading)
 */
const char *
hd_journal_csv_get_last_message (HdJournalView *view)
{
  g_return_val_if_fail (HD_IS_JOURNAL_VIEW (view), NULL);
  return g_object_get_data (G_OBJECT (view), MESSAGE_KEY);
}

/* The file chooser */

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    HdJournalView   *view)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      const char *period = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "period");

      if (file != NULL)
        hd_journal_csv_export (view, file, g_strcmp0 (period, "shown") != 0);
    }
  g_object_unref (chooser);
}

static void
import_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    HdJournalView   *view)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        hd_journal_csv_import (view, file);
    }
  g_object_unref (chooser);
}

static void
add_csv_filter (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("CSV Files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_chooser_add_filter (chooser, filter);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);
}

void
hd_journal_csv_export_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  HdJournalView *view = HD_JOURNAL_VIEW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *date = NULL;
  g_autofree char *name = NULL;
  GDate from, to;
  gboolean has_from, has_to;

  if (get_db (view) == NULL || hd_journal_csv_is_busy (view))
    return;

  chooser = gtk_file_chooser_native_new (_("Export Requests"), get_window (view),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  now = hd_context_date_time (hd_journal_view_get_context (view),
                              hd_context_get_now (hd_journal_view_get_context (view)));
  date = g_date_time_format (now, "%Y-%m-%d");
  /* Translators: the suggested name of an exported file; %s is today's date, 2026-11-25 */
  name = g_strdup_printf (_("requests-%s.csv"), date);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  add_csv_filter (GTK_FILE_CHOOSER (chooser));

  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  if (shown_period (view, &from, &to, &has_from, &has_to))
    {
      const char *ids[] = { "shown", "all", NULL };
      const char *labels[] = { _("Of the period the journal shows"), _("All of them"), NULL };

      gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "period", _("Requests"), ids, labels);
      gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "period", "shown");
    }

  g_signal_connect_object (chooser, "response", G_CALLBACK (export_response_cb), view, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
hd_journal_csv_import_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  HdJournalView *view = HD_JOURNAL_VIEW (widget);
  GtkFileChooserNative *chooser;

  if (get_db (view) == NULL || hd_journal_csv_is_busy (view))
    return;

  chooser = gtk_file_chooser_native_new (_("Import Requests"), get_window (view),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  add_csv_filter (GTK_FILE_CHOOSER (chooser));
  g_signal_connect_object (chooser, "response", G_CALLBACK (import_response_cb), view, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
