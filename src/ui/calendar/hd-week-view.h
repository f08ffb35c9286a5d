/* hd-week-view.h — a week of consultations, drawn with GtkSnapshot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HD_TYPE_WEEK_VIEW (hd_week_view_get_type ())
G_DECLARE_FINAL_TYPE (HdWeekView, hd_week_view, HD, WEEK_VIEW, GtkWidget)

GtkWidget *hd_week_view_new                (void);
void       hd_week_view_set_now            (HdWeekView  *self,
                                            gint64       now);
void       hd_week_view_set_week           (HdWeekView  *self,
                                            GTimeZone   *tz,
                                            GPtrArray   *days,
                                            GPtrArray   *appointments,
                                            int          first_minute,
                                            int          last_minute,
                                            int          slot_minutes);
guint      hd_week_view_get_n_columns      (HdWeekView  *self);
gint64     hd_week_view_get_selected_start (HdWeekView  *self);
void       hd_week_view_select             (HdWeekView  *self,
                                            gint64       starts_at);
gint64     hd_week_view_get_appointment_at (HdWeekView  *self,
                                            gint64       instant);

G_END_DECLS
