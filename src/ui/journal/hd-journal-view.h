/* hd-journal-view.h — the journal of requests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hd-context.h"
#include "hd-request-list.h"

G_BEGIN_DECLS

#define HD_TYPE_JOURNAL_VIEW (hd_journal_view_get_type ())
G_DECLARE_FINAL_TYPE (HdJournalView, hd_journal_view, HD, JOURNAL_VIEW, AdwBin)

HdContext     *hd_journal_view_get_context      (HdJournalView *self);
void           hd_journal_view_set_context      (HdJournalView *self,
                                                 HdContext     *context);
HdRequestList *hd_journal_view_get_list         (HdJournalView *self);
gboolean       hd_journal_view_get_loading      (HdJournalView *self);
const char    *hd_journal_view_get_count_text   (HdJournalView *self);
const char    *hd_journal_view_get_page_name    (HdJournalView *self);
void           hd_journal_view_set_search_text  (HdJournalView *self,
                                                 const char    *text);
void           hd_journal_view_set_queue        (HdJournalView *self,
                                                 HdRequestQueue queue);
void           hd_journal_view_set_status_filter (HdJournalView *self,
                                                 int            status);
void           hd_journal_view_reload           (HdJournalView *self);
GtkWindow     *hd_journal_view_open_request     (HdJournalView *self,
                                                 gint64         id);
gint64         hd_journal_view_get_selected_id  (HdJournalView *self);
void           hd_journal_view_select_id        (HdJournalView *self,
                                                 gint64         id);

void hd_journal_view_show_requests (HdJournalView *self,
                                    GVariant      *filter);

G_END_DECLS
