/* hd-csv-requests.h — the journal of requests as a CSV file, out and in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The format is documented in docs/csv-format.md.
 */
#pragma once

#include <gio/gio.h>

#include "hd-database.h"

G_BEGIN_DECLS

/* The header line of an export, and the columns an import knows. */
#define HD_CSV_REQUESTS_HEADER \
  "number;received_at;requester;requester_kind;channel;topic;summary;description;status;" \
  "rejection_reason;vendor_ticket;first_response_at;resolved_at;resolution"

/**
 * HdCsvProgressFunc:
 * @fraction: the part done, from 0 to 1
 * @user_data: the data given with the function
 *
 * Called in the thread that runs the export or import, a few hundred times at most.
 */
typedef void (*HdCsvProgressFunc) (double   fraction,
                                   gpointer user_data);

/**
 * HdCsvImportFlags:
 * @HD_CSV_IMPORT_NONE: import
 * @HD_CSV_IMPORT_DRY_RUN: do everything, report, then roll back: a check of the file
 */
typedef enum {
  HD_CSV_IMPORT_NONE    = 0,
  HD_CSV_IMPORT_DRY_RUN = 1 << 0,
} HdCsvImportFlags;

/**
 * HdCsvProblem:
 * @line: the physical line of the file where the bad row starts (the header is line 1)
 * @column: (nullable): the column at fault, as named in the header, or %NULL for the whole row
 * @message: what is wrong and what to do, translated
 */
typedef struct {
  guint  line;
  char  *column;
  char  *message;
} HdCsvProblem;

/**
 * HdCsvRenumbered:
 * @line: the line of the row
 * @number: the number the file gave, already taken in the journal
 * @new_number: the number the request got
 */
typedef struct {
  guint  line;
  gint64 number;
  gint64 new_number;
} HdCsvRenumbered;

/**
 * HdCsvImportReport:
 * @n_rows: rows of data in the file (the header and blank lines not counted)
 * @n_imported: requests written (0 unless the whole file was good)
 * @n_skipped: rows already in the journal (same number, time received, requester and summary)
 * @n_people_created: requesters that were not in the journal yet
 * @renumbered: (element-type HdCsvRenumbered): rows whose number was taken
 * @problems: (element-type HdCsvProblem): every bad row, by line; empty when the file is good
 */
typedef struct {
  guint      n_rows;
  guint      n_imported;
  guint      n_skipped;
  guint      n_people_created;
  GArray    *renumbered;
  GPtrArray *problems;
} HdCsvImportReport;

void       hd_csv_import_report_free     (HdCsvImportReport  *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HdCsvImportReport, hd_csv_import_report_free)

GBytes    *hd_csv_requests_export        (HdDatabase         *db,
                                          const GDate        *from,
                                          const GDate        *to,
                                          GCancellable       *cancellable,
                                          HdCsvProgressFunc   progress,
                                          gpointer            progress_data,
                                          guint              *n_rows,
                                          GError            **error);
gboolean   hd_csv_requests_export_file   (HdDatabase         *db,
                                          GFile              *file,
                                          const GDate        *from,
                                          const GDate        *to,
                                          GCancellable       *cancellable,
                                          HdCsvProgressFunc   progress,
                                          gpointer            progress_data,
                                          guint              *n_rows,
                                          GError            **error);

gboolean   hd_csv_requests_import        (HdDatabase         *db,
                                          GBytes             *bytes,
                                          HdCsvImportFlags    flags,
                                          GCancellable       *cancellable,
                                          HdCsvProgressFunc   progress,
                                          gpointer            progress_data,
                                          HdCsvImportReport **report,
                                          GError            **error);
gboolean   hd_csv_requests_import_file   (HdDatabase         *db,
                                          GFile              *file,
                                          HdCsvImportFlags    flags,
                                          GCancellable       *cancellable,
                                          HdCsvProgressFunc   progress,
                                          gpointer            progress_data,
                                          HdCsvImportReport **report,
                                          GError            **error);

/* The same in a worker thread with a connection of its own; @progress runs in the caller's
 * thread-default main context, and @progress_data must live until @callback has run. */
void       hd_csv_requests_export_async  (HdDatabase          *db,
                                          GFile               *file,
                                          const GDate         *from,
                                          const GDate         *to,
                                          GCancellable        *cancellable,
                                          HdCsvProgressFunc    progress,
                                          gpointer             progress_data,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
gboolean   hd_csv_requests_export_finish (HdDatabase          *db,
                                          GAsyncResult        *result,
                                          guint               *n_rows,
                                          GError             **error);
void       hd_csv_requests_import_async  (HdDatabase          *db,
                                          GFile               *file,
                                          HdCsvImportFlags     flags,
                                          GCancellable        *cancellable,
                                          HdCsvProgressFunc    progress,
                                          gpointer             progress_data,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
gboolean   hd_csv_requests_import_finish (HdDatabase          *db,
                                          GAsyncResult        *result,
                                          HdCsvImportReport  **report,
                                          GError             **error);

G_END_DECLS
