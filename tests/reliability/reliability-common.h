/* reliability-common.h — what the reliability tests and their helper program share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "hd-database-private.h"
#include "hd-error.h"
#include "hd-request-store.h"

/* The one requester every test request belongs to */
static inline gboolean
rel_add_person (HdDatabase  *db,
                GError     **error)
{
  return hd_database_exec (db,
                           "INSERT OR IGNORE INTO people (id, full_name, kind, position, name_key,"
                           " created_at, updated_at) VALUES (1, 'Ёлкина Анна Сергеевна', 'staff',"
                           " 'учитель математики', 'елкина анна сергеевна', 1700000000, 1700000000)",
                           error);
}

/* Saves one request through the app's own store, in its own transaction.
 * Returns: its number, or 0 with @error set */
static inline gint64
rel_save_request (HdDatabase  *db,
                  guint        n,
                  const char  *description,
                  GError     **error)
{
  g_autoptr(HdRequest) request = hd_request_new ();
  g_autofree char *summary = g_strdup_printf ("Не отображаются итоговые оценки, проверка № %u", n);

  hd_request_set_received_at (request, g_get_real_time () / G_USEC_PER_SEC - 60);
  hd_request_set_requester_id (request, 1);
  hd_request_set_channel (request, HD_CHANNEL_PHONE);
  hd_request_set_topic (request, HD_TOPIC_GRADES_FINAL);
  hd_request_set_summary (request, summary);
  if (description != NULL)
    hd_request_set_description (request, description);
  if (!hd_request_store_create (db, request, error))
    return 0;
  return hd_request_get_id (request);
}
