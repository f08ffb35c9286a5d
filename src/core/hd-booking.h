/* hd-booking.h — the rules of booking a consultation, and what happens after it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "hd-appointment.h"
#include "hd-availability.h"
#include "hd-database.h"
#include "hd-newcomer.h"
#include "hd-request.h"
#include "hd-terms.h"
#include "hd-workdays.h"

G_BEGIN_DECLS

/**
 * HdSlot:
 * @starts_at: Unix seconds
 * @ends_at: Unix seconds
 * @in_reception: whether the slot lies in the approved reception hours
 *
 * A free time that can be booked.
 */
typedef struct {
  gint64    starts_at;
  gint64    ends_at;
  gboolean  in_reception;
} HdSlot;

#define HD_TYPE_SLOT (hd_slot_get_type ())
GType      hd_slot_get_type   (void) G_GNUC_CONST;
HdSlot    *hd_slot_new        (gint64        starts_at,
                               gint64        ends_at,
                               gboolean      in_reception);
HdSlot    *hd_slot_copy       (const HdSlot *self);
void       hd_slot_free       (HdSlot       *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HdSlot, hd_slot_free)

/* How many free slots a refusal suggests */
#define HD_BOOKING_N_SUGGESTIONS 3

gboolean       hd_booking_is_blocking          (int              status);

gboolean       hd_booking_check                (HdDatabase      *db,
                                                HdWorkdays      *workdays,
                                                HdTerms         *terms,
                                                gint64           starts_at,
                                                gint64           ends_at,
                                                gint64           exclude_appointment_id,
                                                gint64           now,
                                                GPtrArray      **suggestions,
                                                GError         **error);
GPtrArray     *hd_booking_find_free_slots      (HdDatabase      *db,
                                                HdWorkdays      *workdays,
                                                HdTerms         *terms,
                                                gint64           from,
                                                gint64           before,
                                                int              minutes,
                                                guint            n,
                                                gint64           now,
                                                GError         **error);
GPtrArray     *hd_booking_suggest_slots        (HdDatabase      *db,
                                                HdWorkdays      *workdays,
                                                HdTerms         *terms,
                                                gint64           around,
                                                int              minutes,
                                                gint64           exclude_appointment_id,
                                                guint            n,
                                                gint64           now,
                                                GError         **error);
gboolean       hd_booking_book                 (HdDatabase      *db,
                                                HdWorkdays      *workdays,
                                                HdTerms         *terms,
                                                HdAppointment   *appointment,
                                                HdRequest       *new_request,
                                                gint64           now,
                                                GError         **error);
GPtrArray     *hd_booking_book_weekly          (HdDatabase      *db,
                                                HdWorkdays      *workdays,
                                                HdTerms         *terms,
                                                HdAppointment   *first,
                                                HdRequest       *new_request,
                                                const GDate     *until,
                                                gint64           now,
                                                guint           *n_skipped,
                                                GError         **error);
gboolean       hd_booking_walk_in              (HdDatabase      *db,
                                                HdWorkdays      *workdays,
                                                HdTerms         *terms,
                                                HdAppointment   *appointment,
                                                HdRequest       *request,
                                                gint64           now,
                                                GError         **error);
gboolean       hd_booking_mark_held            (HdDatabase      *db,
                                                HdWorkdays      *workdays,
                                                HdTerms         *terms,
                                                gint64           appointment_id,
                                                const char      *outcome,
                                                int              request_status,
                                                const char      *resolution,
                                                gboolean        *training_pending,
                                                GError         **error);
gboolean       hd_booking_set_status           (HdDatabase      *db,
                                                gint64           appointment_id,
                                                HdAppointmentStatus status,
                                                const char      *note,
                                                GError         **error);
HdAppointment *hd_booking_reschedule           (HdDatabase      *db,
                                                HdWorkdays      *workdays,
                                                HdTerms         *terms,
                                                gint64           appointment_id,
                                                gint64           starts_at,
                                                gint64           ends_at,
                                                gint64           now,
                                                GPtrArray      **suggestions,
                                                GError         **error);
GPtrArray     *hd_booking_list_on_closed_days  (HdDatabase      *db,
                                                HdTerms         *terms,
                                                gint64           from,
                                                gint64           to,
                                                GError         **error);
GPtrArray     *hd_booking_propose_training_slots (HdDatabase    *db,
                                                HdWorkdays      *workdays,
                                                HdTerms         *terms,
                                                HdNewcomer      *newcomer,
                                                guint            n,
                                                gint64           now,
                                                GError         **error);
HdAppointment *hd_booking_book_training        (HdDatabase      *db,
                                                HdWorkdays      *workdays,
                                                HdTerms         *terms,
                                                gint64           newcomer_id,
                                                gint64           starts_at,
                                                gint64           ends_at,
                                                gint64           now,
                                                GPtrArray      **suggestions,
                                                GError         **error);
gboolean       hd_booking_mark_training_held   (HdDatabase      *db,
                                                HdWorkdays      *workdays,
                                                HdTerms         *terms,
                                                gint64           appointment_id,
                                                const char      *outcome,
                                                guint            checklist_done,
                                                gboolean        *training_pending,
                                                GError         **error);

G_END_DECLS
