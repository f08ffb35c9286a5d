/* hd-reception-hours.h — one row of the approved weekly schedule of reception hours
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "hd-database.h"
#include "hd-database.h"
#include "hd-types.h"

G_BEGIN_DECLS

#define HD_TYPE_RECEPTION_HOURS (hd_reception_hours_get_type ())
G_DECLARE_FINAL_TYPE (HdReceptionHours, hd_reception_hours, HD, RECEPTION_HOURS, GObject)

HdReceptionHours*hd_reception_hours_new              (void);
HdReceptionHours*hd_reception_hours_copy             (HdReceptionHours *self);

gint64      hd_reception_hours_get_id           (HdReceptionHours *self);
void        hd_reception_hours_set_id           (HdReceptionHours *self,
                                                 gint64 id);
int         hd_reception_hours_get_weekday      (HdReceptionHours *self);
void        hd_reception_hours_set_weekday      (HdReceptionHours *self,
                                                 int weekday);
int         hd_reception_hours_get_starts_min   (HdReceptionHours *self);
void        hd_reception_hours_set_starts_min   (HdReceptionHours *self,
                                                 int starts_min);
int         hd_reception_hours_get_ends_min     (HdReceptionHours *self);
void        hd_reception_hours_set_ends_min     (HdReceptionHours *self,
                                                 int ends_min);
const char *hd_reception_hours_get_place        (HdReceptionHours *self);
void        hd_reception_hours_set_place        (HdReceptionHours *self,
                                                 const char *place);
const char *hd_reception_hours_get_valid_from   (HdReceptionHours *self);
void        hd_reception_hours_set_valid_from   (HdReceptionHours *self,
                                                 const char *valid_from);
const char *hd_reception_hours_get_valid_to     (HdReceptionHours *self);
void        hd_reception_hours_set_valid_to     (HdReceptionHours *self,
                                                 const char *valid_to);
const char *hd_reception_hours_get_approved_on  (HdReceptionHours *self);
void        hd_reception_hours_set_approved_on  (HdReceptionHours *self,
                                                 const char *approved_on);

const char       *hd_reception_hours_field_label         (const char        *field);
GPtrArray        *hd_reception_hours_validate_all        (HdReceptionHours  *self);
gboolean          hd_reception_hours_validate            (HdReceptionHours  *self,
                                                          GError           **error);

/* The store: the table is small (a few rows a year), so there is no archive flag; an outdated
 * schedule gets a valid_to date, one entered by mistake is deleted. */
HdReceptionHours *hd_reception_hours_store_get           (HdDatabase        *db,
                                                          gint64             id,
                                                          GError           **error);
GPtrArray        *hd_reception_hours_store_list          (HdDatabase        *db,
                                                          GError           **error);
GPtrArray        *hd_reception_hours_store_list_valid_on (HdDatabase        *db,
                                                          const GDate       *date,
                                                          GError           **error);
GPtrArray        *hd_reception_hours_store_list_for_day  (HdDatabase        *db,
                                                          const GDate       *day,
                                                          GError           **error);
gboolean          hd_reception_hours_store_save          (HdDatabase        *db,
                                                          HdReceptionHours  *hours,
                                                          GError           **error);
gboolean          hd_reception_hours_store_delete        (HdDatabase        *db,
                                                          gint64             id,
                                                          GError           **error);

const char       *hd_reception_hours_field_label      (const char        *field);
GPtrArray        *hd_reception_hours_validate_all     (HdReceptionHours  *self);
gboolean          hd_reception_hours_validate         (HdReceptionHours  *self,
                                                       GError           **error);

/* The store: the table is small (a few rows a year), so there is no archive flag; an outdated
 * schedule gets a valid_to date, one entered by mistake is deleted. */
HdReceptionHours *hd_reception_hours_store_get        (HdDatabase        *db,
                                                       gint64             id,
                                                       GError           **error);
GPtrArray        *hd_reception_hours_store_list       (HdDatabase        *db,
                                                       GError           **error);
GPtrArray        *hd_reception_hours_store_list_valid_on (HdDatabase     *db,
                                                       const GDate       *date,
                                                       GError           **error);
GPtrArray        *hd_reception_hours_store_list_for_day (HdDatabase      *db,
                                                       const GDate       *day,
                                                       GError           **error);
gboolean          hd_reception_hours_store_save       (HdDatabase        *db,
                                                       HdReceptionHours  *hours,
                                                       GError           **error);
gboolean          hd_reception_hours_store_delete     (HdDatabase        *db,
                                                       gint64             id,
                                                       GError           **error);

G_END_DECLS
