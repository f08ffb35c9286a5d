/* hd-newcomer-store.h — new employees and their training in the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hd-database.h"
#include "hd-event.h"
#include "hd-newcomer.h"
#include "hd-workdays.h"

G_BEGIN_DECLS

HdNewcomer *hd_newcomer_store_get                (HdDatabase  *db,
                                                  gint64       id,
                                                  GError     **error);
GPtrArray  *hd_newcomer_store_list               (HdDatabase  *db,
                                                  GError     **error);
guint       hd_newcomer_store_get_mandatory      (HdDatabase  *db);
int         hd_newcomer_store_get_deadline_days  (HdDatabase  *db);
char       *hd_newcomer_store_compute_due_on     (HdDatabase  *db,
                                                  HdWorkdays  *workdays,
                                                  const char  *started_on);
GPtrArray  *hd_newcomer_store_validate_all       (HdDatabase  *db,
                                                  HdNewcomer  *newcomer);
gboolean    hd_newcomer_store_validate           (HdDatabase  *db,
                                                  HdNewcomer  *newcomer,
                                                  GError     **error);
gboolean    hd_newcomer_store_create             (HdDatabase  *db,
                                                  HdWorkdays  *workdays,
                                                  HdNewcomer  *newcomer,
                                                  GError     **error);
gboolean    hd_newcomer_store_update             (HdDatabase  *db,
                                                  HdWorkdays  *workdays,
                                                  HdNewcomer  *newcomer,
                                                  GError     **error);
gboolean    hd_newcomer_store_save               (HdDatabase  *db,
                                                  HdWorkdays  *workdays,
                                                  HdNewcomer  *newcomer,
                                                  GError     **error);
gboolean    hd_newcomer_store_set_archived       (HdDatabase  *db,
                                                  gint64       id,
                                                  gboolean     archived,
                                                  GError     **error);
gboolean    hd_newcomer_store_archive            (HdDatabase  *db,
                                                  gint64       id,
                                                  GError     **error);
gboolean    hd_newcomer_store_recompute_due      (HdDatabase  *db,
                                                  HdWorkdays  *workdays,
                                                  guint       *n_changed,
                                                  GError     **error);
gboolean    hd_newcomer_is_changed               (HdNewcomer  *original,
                                                  HdNewcomer  *edited);
GPtrArray  *hd_newcomer_store_list_events        (HdDatabase  *db,
                                                  gint64       newcomer_id,
                                                  GError     **error);

G_END_DECLS
