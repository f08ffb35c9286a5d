/* hd-period.h — the period a report covers: a month, a quarter, a school year or any dates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * HdPeriodKind:
 * @HD_PERIOD_MONTH: a calendar month, written "2026-11"
 * @HD_PERIOD_QUARTER: a calendar quarter (I = January–March), written "2026-Q4"
 * @HD_PERIOD_SCHOOL_YEAR: 1 September to 31 August, written "2025/2026"
 * @HD_PERIOD_RANGE: any dates, both inclusive, written "2026-11-01..2026-11-15"
 */
typedef enum {
  HD_PERIOD_MONTH,
  HD_PERIOD_QUARTER,
  HD_PERIOD_SCHOOL_YEAR,
  HD_PERIOD_RANGE,
} HdPeriodKind;

/**
 * HdPeriod:
 * @kind: what the period is
 * @first: its first day
 * @last: its last day (inclusive)
 *
 * A plain value: declare it on the stack and fill it with one of the init functions or
 * hd_period_parse(). Days are the school's local calendar days; hd_period_get_bounds() turns
 * them into instants in the school's time zone (the `time-zone` setting, "Asia/Yakutsk" by
 * default), from local midnight of @first to local midnight after @last.
 */
typedef struct {
  HdPeriodKind kind;
  GDate        first;
  GDate        last;
} HdPeriod;

#define HD_TYPE_PERIOD (hd_period_get_type ())
GType     hd_period_get_type         (void) G_GNUC_CONST;
HdPeriod *hd_period_copy             (const HdPeriod *self);
void      hd_period_free             (HdPeriod       *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HdPeriod, hd_period_free)

void      hd_period_init_month       (HdPeriod       *self,
                                      int             year,
                                      int             month);
void      hd_period_init_quarter     (HdPeriod       *self,
                                      int             year,
                                      int             quarter);
void      hd_period_init_school_year (HdPeriod       *self,
                                      int             first_year);
void      hd_period_init_range       (HdPeriod       *self,
                                      const GDate    *first,
                                      const GDate    *last);
void      hd_period_init_containing  (HdPeriod       *self,
                                      HdPeriodKind    kind,
                                      const GDate    *day);
void      hd_period_init_last_month  (HdPeriod       *self,
                                      gint64          now,
                                      GTimeZone      *tz);

gboolean  hd_period_parse            (const char     *text,
                                      HdPeriod       *out,
                                      GError        **error);
char     *hd_period_to_string        (const HdPeriod *self);
char     *hd_period_get_title        (const HdPeriod *self);

void      hd_period_previous         (const HdPeriod *self,
                                      HdPeriod       *out);
void      hd_period_next             (const HdPeriod *self,
                                      HdPeriod       *out);
gboolean  hd_period_equal            (const HdPeriod *a,
                                      const HdPeriod *b);
gboolean  hd_period_contains_date    (const HdPeriod *self,
                                      const GDate    *day);
guint     hd_period_get_n_days       (const HdPeriod *self);
void      hd_period_get_bounds       (const HdPeriod *self,
                                      GTimeZone      *tz,
                                      gint64         *start,
                                      gint64         *end);

G_END_DECLS
