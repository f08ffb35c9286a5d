/* hd-journal-csv.h — the journal's CSV export and import, with the file chooser and progress
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hd-journal-view.h"

G_BEGIN_DECLS

/* The journal's actions journal.export-csv and journal.import-csv: the file chooser, then
 * the functions below */
void        hd_journal_csv_export_action      (GtkWidget     *widget,
                                               const char    *action_name,
                                               GVariant      *parameter);
void        hd_journal_csv_import_action      (GtkWidget     *widget,
                                               const char    *action_name,
                                               GVariant      *parameter);

void        hd_journal_csv_export             (HdJournalView *view,
                                               GFile         *file,
                                               gboolean       whole_journal);
void        hd_journal_csv_import             (HdJournalView *view,
                                               GFile         *file);
gboolean    hd_journal_csv_is_busy            (HdJournalView *view);
const char *hd_journal_csv_get_last_message   (HdJournalView *view);

G_END_DECLS
