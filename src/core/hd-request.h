/* hd-request.h — a request for help (обращение) of the journal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "hd-enums.h"
#include "hd-types.h"

G_BEGIN_DECLS

#define HD_TYPE_REQUEST (hd_request_get_type ())
G_DECLARE_FINAL_TYPE (HdRequest, hd_request, HD, REQUEST, GObject)

HdRequest  *hd_request_new                    (void);
HdRequest  *hd_request_copy                   (HdRequest *self);

gint64      hd_request_get_id                 (HdRequest *self);
void        hd_request_set_id                 (HdRequest *self,
                                               gint64 id);
gint64      hd_request_get_received_at        (HdRequest *self);
void        hd_request_set_received_at        (HdRequest *self,
                                               gint64 received_at);
gint64      hd_request_get_requester_id       (HdRequest *self);
void        hd_request_set_requester_id       (HdRequest *self,
                                               gint64 requester_id);
const char *hd_request_get_requester_name     (HdRequest *self);
void        hd_request_set_requester_name     (HdRequest *self,
                                               const char *requester_name);
int         hd_request_get_requester_kind     (HdRequest *self);
void        hd_request_set_requester_kind     (HdRequest *self,
                                               int requester_kind);
int         hd_request_get_channel            (HdRequest *self);
void        hd_request_set_channel            (HdRequest *self,
                                               int channel);
gint64      hd_request_get_relayed_by_id      (HdRequest *self);
void        hd_request_set_relayed_by_id      (HdRequest *self,
                                               gint64 relayed_by_id);
int         hd_request_get_topic              (HdRequest *self);
void        hd_request_set_topic              (HdRequest *self,
                                               int topic);
const char *hd_request_get_summary            (HdRequest *self);
void        hd_request_set_summary            (HdRequest *self,
                                               const char *summary);
const char *hd_request_get_description        (HdRequest *self);
void        hd_request_set_description        (HdRequest *self,
                                               const char *description);
int         hd_request_get_status             (HdRequest *self);
void        hd_request_set_status             (HdRequest *self,
                                               int status);
int         hd_request_get_rejection_reason   (HdRequest *self);
void        hd_request_set_rejection_reason   (HdRequest *self,
                                               int rejection_reason);
const char *hd_request_get_rejection_note     (HdRequest *self);
void        hd_request_set_rejection_note     (HdRequest *self,
                                               const char *rejection_note);
const char *hd_request_get_vendor_ticket      (HdRequest *self);
void        hd_request_set_vendor_ticket      (HdRequest *self,
                                               const char *vendor_ticket);
gint64      hd_request_get_related_id         (HdRequest *self);
void        hd_request_set_related_id         (HdRequest *self,
                                               gint64 related_id);
gboolean    hd_request_get_is_repeat          (HdRequest *self);
void        hd_request_set_is_repeat          (HdRequest *self,
                                               gboolean is_repeat);
const char *hd_request_get_assignee           (HdRequest *self);
void        hd_request_set_assignee           (HdRequest *self,
                                               const char *assignee);
const char *hd_request_get_callback_phone     (HdRequest *self);
void        hd_request_set_callback_phone     (HdRequest *self,
                                               const char *callback_phone);
gint64      hd_request_get_callback_done_at   (HdRequest *self);
void        hd_request_set_callback_done_at   (HdRequest *self,
                                               gint64 callback_done_at);
gint64      hd_request_get_first_response_at  (HdRequest *self);
void        hd_request_set_first_response_at  (HdRequest *self,
                                               gint64 first_response_at);
gint64      hd_request_get_resolved_at        (HdRequest *self);
void        hd_request_set_resolved_at        (HdRequest *self,
                                               gint64 resolved_at);
const char *hd_request_get_resolution         (HdRequest *self);
void        hd_request_set_resolution         (HdRequest *self,
                                               const char *resolution);
gboolean    hd_request_get_archived           (HdRequest *self);
void        hd_request_set_archived           (HdRequest *self,
                                               gboolean archived);
gint64      hd_request_get_created_at         (HdRequest *self);
void        hd_request_set_created_at         (HdRequest *self,
                                               gint64 created_at);
gint64      hd_request_get_updated_at         (HdRequest *self);
void        hd_request_set_updated_at         (HdRequest *self,
                                               gint64 updated_at);

const char *hd_request_field_label       (const char *field);
GPtrArray  *hd_request_validate_all      (HdRequest  *self,
                                          gint64      now);
gboolean    hd_request_validate          (HdRequest  *self,
                                          GError    **error);

G_END_DECLS
