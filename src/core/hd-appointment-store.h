/* hd-appointment-store.h — consultations of the calendar in the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hd-appointment.h"
#include "hd-database.h"

G_BEGIN_DECLS

HdAppointment *hd_appointment_store_get           (HdDatabase     *db,
                                                   gint64          id,
                                                   GError        **error);
GPtrArray     *hd_appointment_store_list_between  (HdDatabase     *db,
                                                   gint64          from,
                                                   gint64          to,
                                                   GError        **error);
GPtrArray     *hd_appointment_store_list_trainings (HdDatabase    *db,
                                                   GError        **error);
GPtrArray     *hd_appointment_store_validate_all  (HdDatabase     *db,
                                                   HdAppointment  *appointment);
gboolean       hd_appointment_store_validate      (HdDatabase     *db,
                                                   HdAppointment  *appointment,
                                                   GError        **error);
gboolean       hd_appointment_store_create        (HdDatabase     *db,
                                                   HdAppointment  *appointment,
                                                   GError        **error);
gboolean       hd_appointment_store_update        (HdDatabase     *db,
                                                   HdAppointment  *appointment,
                                                   GError        **error);
gboolean       hd_appointment_store_save          (HdDatabase     *db,
                                                   HdAppointment  *appointment,
                                                   GError        **error);
gboolean       hd_appointment_store_delete        (HdDatabase     *db,
                                                   gint64          id,
                                                   GError        **error);

G_END_DECLS
