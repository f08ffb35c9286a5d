/* hd-person-store.h — people (staff, parents, students) in the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hd-database.h"
#include "hd-person.h"

G_BEGIN_DECLS

HdPerson  *hd_person_store_get           (HdDatabase  *db,
                                          gint64       id,
                                          GError     **error);
HdPerson  *hd_person_store_find_by_name  (HdDatabase  *db,
                                          const char  *full_name,
                                          GError     **error);
GPtrArray *hd_person_store_list          (HdDatabase  *db,
                                          int          kind,
                                          const char  *prefix,
                                          guint        limit,
                                          GError     **error);
gboolean   hd_person_store_validate      (HdDatabase  *db,
                                          HdPerson    *person,
                                          GError     **error);
gboolean   hd_person_store_create        (HdDatabase  *db,
                                          HdPerson    *person,
                                          GError     **error);
gboolean   hd_person_store_update        (HdDatabase  *db,
                                          HdPerson    *person,
                                          GError     **error);
gboolean   hd_person_store_save          (HdDatabase  *db,
                                          HdPerson    *person,
                                          GError     **error);
gboolean   hd_person_store_set_archived  (HdDatabase  *db,
                                          gint64       id,
                                          gboolean     archived,
                                          GError     **error);
gboolean   hd_person_store_archive       (HdDatabase  *db,
                                          gint64       id,
                                          GError     **error);

G_END_DECLS
