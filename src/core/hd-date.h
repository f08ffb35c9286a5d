/* hd-date.h — calendar dates as the database stores them (YYYY-MM-DD)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  hd_date_parse_iso     (const char  *text,
                                 GDate       *out);
char     *hd_date_to_iso        (const GDate *date);
void      hd_date_set_today     (GDate       *out,
                                 GTimeZone   *tz);
void      hd_date_set_unix      (GDate       *out,
                                 gint64       unix_seconds,
                                 GTimeZone   *tz);

G_END_DECLS
