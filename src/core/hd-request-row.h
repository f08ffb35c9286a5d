/* hd-request-row.h — one line of the journal: the few values its columns show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define HD_TYPE_REQUEST_ROW (hd_request_row_get_type ())
G_DECLARE_FINAL_TYPE (HdRequestRow, hd_request_row, HD, REQUEST_ROW, GObject)

HdRequestRow *hd_request_row_new                 (gint64      id,
                                                  gint64      received_at,
                                                  const char *requester_name,
                                                  int         requester_kind,
                                                  int         channel,
                                                  int         topic,
                                                  const char *summary,
                                                  int         status,
                                                  gboolean    has_email,
                                                  int         age_days,
                                                  gint64      overdue_seconds,
                                                  int         overdue_days);

gint64        hd_request_row_get_id              (HdRequestRow *self);
gint64        hd_request_row_get_received_at     (HdRequestRow *self);
const char   *hd_request_row_get_requester_name  (HdRequestRow *self);
int           hd_request_row_get_requester_kind  (HdRequestRow *self);
int           hd_request_row_get_channel         (HdRequestRow *self);
int           hd_request_row_get_topic           (HdRequestRow *self);
const char   *hd_request_row_get_summary         (HdRequestRow *self);
int           hd_request_row_get_status          (HdRequestRow *self);
gboolean      hd_request_row_get_has_email       (HdRequestRow *self);
int           hd_request_row_get_age_days        (HdRequestRow *self);
gint64        hd_request_row_get_overdue_seconds (HdRequestRow *self);
int           hd_request_row_get_overdue_days    (HdRequestRow *self);
gboolean      hd_request_row_is_overdue          (HdRequestRow *self);

G_END_DECLS
