/* hd-request-store.h — the journal of requests in the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hd-database.h"
#include "hd-event.h"
#include "hd-request.h"

G_BEGIN_DECLS

/* How far back hd_request_store_find_similar() looks */
#define HD_REPEAT_WINDOW_SECONDS ((gint64) 30 * 24 * 60 * 60)

HdRequest *hd_request_store_get              (HdDatabase  *db,
                                              gint64       id,
                                              GError     **error);
GPtrArray *hd_request_store_validate_all     (HdDatabase  *db,
                                              HdRequest   *request,
                                              gint64       now);
gboolean   hd_request_store_validate         (HdDatabase  *db,
                                              HdRequest   *request,
                                              GError     **error);
gboolean   hd_request_store_create           (HdDatabase  *db,
                                              HdRequest   *request,
                                              GError     **error);
GPtrArray *hd_request_store_validate_import  (HdDatabase  *db,
                                              HdRequest   *request,
                                              gint64       now);
gboolean   hd_request_store_import           (HdDatabase  *db,
                                              HdRequest   *request,
                                              gint64       number,
                                              GError     **error);
gboolean   hd_request_store_update           (HdDatabase  *db,
                                              HdRequest   *request,
                                              GError     **error);
gboolean   hd_request_store_save             (HdDatabase  *db,
                                              HdRequest   *request,
                                              GError     **error);
gboolean   hd_request_store_set_archived     (HdDatabase  *db,
                                              gint64       id,
                                              gboolean     archived,
                                              GError     **error);
gboolean   hd_request_store_archive          (HdDatabase  *db,
                                              gint64       id,
                                              GError     **error);
gboolean   hd_request_is_changed             (HdRequest   *original,
                                              HdRequest   *edited);

GPtrArray *hd_request_store_list_events      (HdDatabase  *db,
                                              gint64       request_id,
                                              GError     **error);
GPtrArray *hd_request_store_list_for_person  (HdDatabase  *db,
                                              gint64       person_id,
                                              gboolean     open_only,
                                              GError     **error);
GArray    *hd_request_store_search_ids       (HdDatabase  *db,
                                              const char  *typed_text,
                                              guint        limit,
                                              GError     **error);
GPtrArray *hd_request_store_find_similar     (HdDatabase  *db,
                                              gint64       requester_id,
                                              const char  *summary,
                                              gint64       now,
                                              GError     **error);
gboolean   hd_request_summaries_similar      (const char  *a,
                                              const char  *b);

G_END_DECLS
