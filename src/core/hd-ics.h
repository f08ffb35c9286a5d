/* hd-ics.h — consultations as iCalendar (RFC 5545), through libical
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "hd-database.h"

G_BEGIN_DECLS

/* The domain of the UIDs: appointment-<id>@schoolhelpdesk */
#define HD_ICS_UID_DOMAIN "schoolhelpdesk"
/* Minutes before a consultation its VALARM goes off */
#define HD_ICS_ALARM_MINUTES 15

char     *hd_ics_export_string (HdDatabase   *db,
                                GTimeZone    *tz,
                                const char   *tzid,
                                gint64        from,
                                gint64        to,
                                guint        *n_events,
                                GError      **error);
gboolean  hd_ics_export_file   (HdDatabase   *db,
                                GTimeZone    *tz,
                                const char   *tzid,
                                gint64        from,
                                gint64        to,
                                GFile        *file,
                                guint        *n_events,
                                GError      **error);

G_END_DECLS
