/* hd-appointment.h — a consultation booked in the calendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "hd-enums.h"
#include "hd-types.h"

G_BEGIN_DECLS

#define HD_TYPE_APPOINTMENT (hd_appointment_get_type ())
G_DECLARE_FINAL_TYPE (HdAppointment, hd_appointment, HD, APPOINTMENT, GObject)

HdAppointment*hd_appointment_new                 (void);
HdAppointment*hd_appointment_copy                (HdAppointment *self);

gint64      hd_appointment_get_id              (HdAppointment *self);
void        hd_appointment_set_id              (HdAppointment *self,
                                                gint64 id);
gint64      hd_appointment_get_starts_at       (HdAppointment *self);
void        hd_appointment_set_starts_at       (HdAppointment *self,
                                                gint64 starts_at);
gint64      hd_appointment_get_ends_at         (HdAppointment *self);
void        hd_appointment_set_ends_at         (HdAppointment *self,
                                                gint64 ends_at);
gint64      hd_appointment_get_person_id       (HdAppointment *self);
void        hd_appointment_set_person_id       (HdAppointment *self,
                                                gint64 person_id);
const char *hd_appointment_get_person_name     (HdAppointment *self);
void        hd_appointment_set_person_name     (HdAppointment *self,
                                                const char *person_name);
gint64      hd_appointment_get_request_id      (HdAppointment *self);
void        hd_appointment_set_request_id      (HdAppointment *self,
                                                gint64 request_id);
gint64      hd_appointment_get_newcomer_id     (HdAppointment *self);
void        hd_appointment_set_newcomer_id     (HdAppointment *self,
                                                gint64 newcomer_id);
int         hd_appointment_get_topic           (HdAppointment *self);
void        hd_appointment_set_topic           (HdAppointment *self,
                                                int topic);
int         hd_appointment_get_mode            (HdAppointment *self);
void        hd_appointment_set_mode            (HdAppointment *self,
                                                int mode);
int         hd_appointment_get_status          (HdAppointment *self);
void        hd_appointment_set_status          (HdAppointment *self,
                                                int status);
gboolean    hd_appointment_get_walk_in         (HdAppointment *self);
void        hd_appointment_set_walk_in         (HdAppointment *self,
                                                gboolean walk_in);
gint64      hd_appointment_get_rescheduled_to  (HdAppointment *self);
void        hd_appointment_set_rescheduled_to  (HdAppointment *self,
                                                gint64 rescheduled_to);
gint64      hd_appointment_get_series_id       (HdAppointment *self);
void        hd_appointment_set_series_id       (HdAppointment *self,
                                                gint64 series_id);
const char *hd_appointment_get_notes           (HdAppointment *self);
void        hd_appointment_set_notes           (HdAppointment *self,
                                                const char *notes);
const char *hd_appointment_get_outcome         (HdAppointment *self);
void        hd_appointment_set_outcome         (HdAppointment *self,
                                                const char *outcome);
gint64      hd_appointment_get_created_at      (HdAppointment *self);
void        hd_appointment_set_created_at      (HdAppointment *self,
                                                gint64 created_at);
gint64      hd_appointment_get_updated_at      (HdAppointment *self);
void        hd_appointment_set_updated_at      (HdAppointment *self,
                                                gint64 updated_at);

const char *hd_appointment_field_label   (const char    *field);
GPtrArray  *hd_appointment_validate_all  (HdAppointment *self);

G_END_DECLS
