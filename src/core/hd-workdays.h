/* hd-workdays.h — the Russian production calendar (five-day week) and local overrides
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "hd-calendar-days.h"
#include "hd-database.h"

G_BEGIN_DECLS

/* The kind of a day, as the calendar view shows it. */
typedef enum {
  HD_DAY_ORDINARY,          /* Mon–Fri, working */
  HD_DAY_WEEKEND,           /* Sat or Sun, not working */
  HD_DAY_HOLIDAY,           /* a holiday of Labour Code art. 112 (may fall on a weekend) */
  HD_DAY_DAYOFF_TRANSFER,   /* a weekday made a day off by a transfer */
  HD_DAY_WORKING_SATURDAY,  /* a weekend day made a working day by a transfer */
  HD_DAY_OVERRIDE_OFF,      /* made non-working by the school (calendar_days) */
  HD_DAY_OVERRIDE_WORKING,  /* made working by the school (calendar_days) */
} HdDayKind;


/* The calendar may be queried from several threads at once; overrides are changed on the
 * main thread, which emits HdWorkdays::changed. Counting rules: hd_workdays_add() and
 * hd_workdays_due_date() never count the start day (Civil Code art. 191);
 * hd_workdays_between() counts the working days in (a, b]. Years outside the data file use
 * Mon–Fri and the holidays of Labour Code art. 112 (hd_workdays_is_year_known() says which). */
#define HD_TYPE_WORKDAYS (hd_workdays_get_type ())
G_DECLARE_FINAL_TYPE (HdWorkdays, hd_workdays, HD, WORKDAYS, GObject)

/* Name of the shipped data file, looked up in $HD_WORKDAYS_DIR, then PKGDATADIR/workdays. */
#define HD_WORKDAYS_FILE "ru-production-calendar.tsv"

HdWorkdays *hd_workdays_new                (GError     **error);
HdWorkdays *hd_workdays_new_from_file      (const char  *path,
                                            GError     **error);

/* Local overrides (emit HdWorkdays::changed) */
void        hd_workdays_set_override       (HdWorkdays  *self,
                                            const GDate *day,
                                            gboolean     working,
                                            const char  *note);
void        hd_workdays_remove_override    (HdWorkdays  *self,
                                            const GDate *day);
void        hd_workdays_clear_overrides    (HdWorkdays  *self);
gboolean    hd_workdays_load_overrides     (HdWorkdays  *self,
                                            HdDatabase  *db,
                                            GError     **error);

/* Queries */
gboolean    hd_workdays_is_year_known      (HdWorkdays  *self,
                                            int          year);
void        hd_workdays_get_known_years    (HdWorkdays  *self,
                                            int         *first,
                                            int         *last);
gboolean    hd_workdays_is_working_day     (HdWorkdays  *self,
                                            const GDate *day);
gboolean    hd_workdays_is_short_day       (HdWorkdays  *self,
                                            const GDate *day);
HdDayKind   hd_workdays_get_day_kind       (HdWorkdays  *self,
                                            const GDate *day);
char       *hd_workdays_describe_day       (HdWorkdays  *self,
                                            const GDate *day);

/* Counting */
void        hd_workdays_add                (HdWorkdays  *self,
                                            const GDate *from,
                                            int          n,
                                            GDate       *out);
int         hd_workdays_between            (HdWorkdays  *self,
                                            const GDate *a,
                                            const GDate *b);
void        hd_workdays_due_date           (HdWorkdays  *self,
                                            const GDate *started_on,
                                            int          n_days,
                                            GDate       *due_on,
                                            GPtrArray  **counted_days,
                                            char       **explanation);

G_END_DECLS
