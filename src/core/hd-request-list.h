/* hd-request-list.h — the journal as a lazy list model over SQLite
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "hd-database.h"
#include "hd-enums.h"
#include "hd-request-row.h"
#include "hd-terms.h"

G_BEGIN_DECLS

/**
 * HdRequestQueue:
 * @HD_REQUEST_QUEUE_ALL: no queue
 * @HD_REQUEST_QUEUE_TODAY: received today (the school's local day)
 * @HD_REQUEST_QUEUE_OVERDUE: open and past the resolution term
 * @HD_REQUEST_QUEUE_CALLBACK: someone must be called back (status callback, or a voicemail
 *   that has not been called back yet)
 * @HD_REQUEST_QUEUE_WAITING: waiting for information from the requester
 * @HD_REQUEST_QUEUE_VENDOR: escalated to the «Дневник.ру» support
 *
 * The ready-made queues of the journal, a click away.
 */
typedef enum {
  HD_REQUEST_QUEUE_ALL,
  HD_REQUEST_QUEUE_TODAY,
  HD_REQUEST_QUEUE_OVERDUE,
  HD_REQUEST_QUEUE_CALLBACK,
  HD_REQUEST_QUEUE_WAITING,
  HD_REQUEST_QUEUE_VENDOR,
  HD_N_REQUEST_QUEUES
} HdRequestQueue;

/* Status filter values beyond the HdStatus ones */
#define HD_REQUEST_STATUS_ANY        (-1)
#define HD_REQUEST_STATUS_OPEN       (HD_N_STATUSES)      /* «открытые»: not resolved or rejected */
#define HD_REQUEST_STATUS_NEEDS_CALL (HD_N_STATUSES + 1)  /* «нужно перезвонить» */

/**
 * HdRequestFilter:
 * @status: an #HdStatus, %HD_REQUEST_STATUS_OPEN, %HD_REQUEST_STATUS_NEEDS_CALL or
 *   %HD_REQUEST_STATUS_ANY
 * @channel: an #HdChannel or -1 for any
 * @topic: an #HdTopic or -1 for any
 * @requester_kind: an #HdRequesterKind or -1 for any
 * @received_from: received at or after this instant (Unix seconds), or 0
 * @received_to: received before this instant, or 0
 * @queue: a ready-made queue, combined with the rest
 * @search: (nullable): words to find in the request's text (prefix match, case and «ё»
 *   ignored)
 *
 * What the journal shows. Archived requests are never shown.
 */
typedef struct {
  int             status;
  int             channel;
  int             topic;
  int             requester_kind;
  gint64          received_from;
  gint64          received_to;
  HdRequestQueue  queue;
  char           *search;
} HdRequestFilter;

/**
 * HdRequestSort:
 *
 * The columns the journal sorts by; each maps to a fixed ORDER BY in SQL.
 */
typedef enum {
  HD_REQUEST_SORT_NUMBER,
  HD_REQUEST_SORT_RECEIVED,
  HD_REQUEST_SORT_REQUESTER,
  HD_REQUEST_SORT_KIND,
  HD_REQUEST_SORT_CHANNEL,
  HD_REQUEST_SORT_TOPIC,
  HD_REQUEST_SORT_SUMMARY,
  HD_REQUEST_SORT_STATUS,
  HD_REQUEST_SORT_AGE,
  HD_N_REQUEST_SORTS
} HdRequestSort;

#define HD_TYPE_REQUEST_FILTER (hd_request_filter_get_type ())

GType            hd_request_filter_get_type  (void) G_GNUC_CONST;
void             hd_request_filter_init      (HdRequestFilter       *filter);
void             hd_request_filter_clear     (HdRequestFilter       *filter);
HdRequestFilter *hd_request_filter_new       (void);
HdRequestFilter *hd_request_filter_copy      (const HdRequestFilter *filter);
void             hd_request_filter_free      (HdRequestFilter       *filter);
gboolean         hd_request_filter_is_empty  (const HdRequestFilter *filter);
gboolean         hd_request_filter_equal     (const HdRequestFilter *a,
                                              const HdRequestFilter *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HdRequestFilter, hd_request_filter_free)

const char      *hd_request_sort_to_key      (HdRequestSort          sort);
int              hd_request_sort_from_key    (const char            *key);

#define HD_TYPE_REQUEST_LIST (hd_request_list_get_type ())
G_DECLARE_FINAL_TYPE (HdRequestList, hd_request_list, HD, REQUEST_LIST, GObject)

HdRequestList   *hd_request_list_new_sync     (HdDatabase            *db,
                                               HdTerms               *terms,
                                               const HdRequestFilter *filter,
                                               HdRequestSort          sort,
                                               gboolean               descending,
                                               gint64                 now,
                                               GCancellable          *cancellable,
                                               GError               **error);
void             hd_request_list_new_async    (HdDatabase            *db,
                                               HdTerms               *terms,
                                               const HdRequestFilter *filter,
                                               HdRequestSort          sort,
                                               gboolean               descending,
                                               gint64                 now,
                                               GCancellable          *cancellable,
                                               GAsyncReadyCallback    callback,
                                               gpointer               user_data);
HdRequestList   *hd_request_list_new_finish   (GAsyncResult          *result,
                                               GError               **error);

gboolean         hd_request_list_is_complete  (HdRequestList         *self);
guint            hd_request_list_get_count    (HdRequestList         *self);
gint64           hd_request_list_get_id       (HdRequestList         *self,
                                               guint                  position);
guint            hd_request_list_find         (HdRequestList         *self,
                                               gint64                 id);
HdRequestRow    *hd_request_list_get_row      (HdRequestList         *self,
                                               guint                  position);
gboolean         hd_request_list_refresh_row  (HdRequestList         *self,
                                               gint64                 id);
const HdRequestFilter *hd_request_list_get_filter (HdRequestList     *self);
HdRequestSort    hd_request_list_get_sort     (HdRequestList         *self);
gboolean         hd_request_list_get_descending (HdRequestList       *self);
gint64           hd_request_list_get_now      (HdRequestList         *self);
guint            hd_request_list_get_n_cached_pages (HdRequestList   *self);
void             hd_request_list_set_head_budget (guint               max_rows,
                                                  gint64              max_usec);
const char      *hd_request_list_get_last_first_page (void);
void             hd_request_list_set_stream_pause (gint64             usec);
void             hd_request_list_set_first_rows_wait (gint64          usec);

/* The cutoff of the overdue queue: requests received before it have spent more than the
 * resolution term of working time in the journal by @now. */
gint64           hd_request_overdue_cutoff    (HdTerms               *terms,
                                               gint64                 now);

G_END_DECLS
