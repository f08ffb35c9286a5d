/* hd-context.h — the application's one data object, handed to every view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "hd-database.h"
#include "hd-workdays.h"

G_BEGIN_DECLS

#define HD_TYPE_CONTEXT (hd_context_get_type ())
G_DECLARE_FINAL_TYPE (HdContext, hd_context, HD, CONTEXT, GObject)

HdContext  *hd_context_new             (GSettings   *settings);
HdDatabase *hd_context_get_database    (HdContext   *self);
void        hd_context_set_database    (HdContext   *self,
                                        HdDatabase  *database);
GSettings  *hd_context_get_settings    (HdContext   *self);
char       *hd_context_get_setting     (HdContext   *self,
                                        const char  *key);
int         hd_context_get_setting_int (HdContext   *self,
                                        const char  *key);
gboolean    hd_context_set_setting     (HdContext   *self,
                                        const char  *key,
                                        const char  *value,
                                        GError     **error);
GTimeZone  *hd_context_get_time_zone   (HdContext   *self);
HdWorkdays *hd_context_get_workdays    (HdContext   *self,
                                        GError     **error);
gint64      hd_context_get_now         (HdContext   *self);
void        hd_context_set_clock       (HdContext   *self,
                                        gint64       now);
GDateTime  *hd_context_date_time       (HdContext   *self,
                                        gint64       unix_seconds);

G_END_DECLS
