/* hd-slot-dialog.h — choose a new time: move a consultation, or book a new employee's training
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hd-context.h"
#include "hd-terms.h"
#include "hd-workdays.h"

G_BEGIN_DECLS

#define HD_TYPE_SLOT_DIALOG (hd_slot_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HdSlotDialog, hd_slot_dialog, HD, SLOT_DIALOG, AdwWindow)

HdSlotDialog *hd_slot_dialog_new_reschedule   (HdContext     *context,
                                               HdWorkdays    *workdays,
                                               HdTerms       *terms,
                                               gint64         appointment_id);
HdSlotDialog *hd_slot_dialog_new_training     (HdContext     *context,
                                               HdWorkdays    *workdays,
                                               HdTerms       *terms,
                                               gint64         newcomer_id);
guint         hd_slot_dialog_get_n_slots      (HdSlotDialog  *self);
gint64        hd_slot_dialog_get_slot_start   (HdSlotDialog  *self,
                                               guint          index);
void          hd_slot_dialog_choose_slot      (HdSlotDialog  *self,
                                               guint          index);
void          hd_slot_dialog_set_start        (HdSlotDialog  *self,
                                               gint64         starts_at);
GtkWidget    *hd_slot_dialog_get_field_widget (HdSlotDialog  *self,
                                               const char    *field);
const char   *hd_slot_dialog_get_error        (HdSlotDialog  *self);
gboolean      hd_slot_dialog_save             (HdSlotDialog  *self);
gint64        hd_slot_dialog_get_booked_id    (HdSlotDialog  *self);

G_END_DECLS
