/* hd-booking-dialog.h — book a consultation, or record a visitor received without booking
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hd-context.h"
#include "hd-terms.h"
#include "hd-workdays.h"

G_BEGIN_DECLS

#define HD_TYPE_BOOKING_DIALOG (hd_booking_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HdBookingDialog, hd_booking_dialog, HD, BOOKING_DIALOG, AdwWindow)

HdBookingDialog *hd_booking_dialog_new               (HdContext        *context,
                                                      HdWorkdays       *workdays,
                                                      HdTerms          *terms,
                                                      gint64            starts_at,
                                                      gboolean          walk_in);
gboolean         hd_booking_dialog_get_walk_in       (HdBookingDialog  *self);
void             hd_booking_dialog_set_start         (HdBookingDialog  *self,
                                                      gint64            starts_at);
gint64           hd_booking_dialog_get_start         (HdBookingDialog  *self);
gboolean         hd_booking_dialog_choose_person     (HdBookingDialog  *self,
                                                      gint64            person_id);
GtkWidget       *hd_booking_dialog_get_field_widget  (HdBookingDialog  *self,
                                                      const char       *field);
const char      *hd_booking_dialog_get_error         (HdBookingDialog  *self);
guint            hd_booking_dialog_get_n_suggestions (HdBookingDialog  *self);
gboolean         hd_booking_dialog_save              (HdBookingDialog  *self);

G_END_DECLS
