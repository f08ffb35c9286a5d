/* hd-agenda-report.h — the consultant's agenda of a day or a week, on A4 paper or in a PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "hd-database.h"
#include "hd-workdays.h"

G_BEGIN_DECLS

/* A4 portrait in points */
#define HD_AGENDA_REPORT_PAGE_WIDTH  595.276
#define HD_AGENDA_REPORT_PAGE_HEIGHT 841.89

/**
 * HdAgendaSpan:
 * @HD_AGENDA_DAY: one day
 * @HD_AGENDA_WEEK: the week (Monday to Sunday) the day belongs to
 *
 * What the agenda covers.
 */
typedef enum {
  HD_AGENDA_DAY,
  HD_AGENDA_WEEK,
} HdAgendaSpan;

#define HD_TYPE_AGENDA_REPORT (hd_agenda_report_get_type ())
G_DECLARE_FINAL_TYPE (HdAgendaReport, hd_agenda_report, HD, AGENDA_REPORT, GObject)

HdAgendaReport *hd_agenda_report_new                (HdDatabase      *db,
                                                     HdWorkdays      *workdays,
                                                     const GDate     *day,
                                                     HdAgendaSpan     span,
                                                     GError         **error);

HdAgendaSpan    hd_agenda_report_get_span           (HdAgendaReport  *self);
void            hd_agenda_report_get_first_day      (HdAgendaReport  *self,
                                                     GDate           *day);
guint           hd_agenda_report_get_n_appointments (HdAgendaReport  *self);
char           *hd_agenda_report_get_title          (HdAgendaReport  *self);

guint           hd_agenda_report_get_n_pages        (HdAgendaReport  *self,
                                                     double           page_width,
                                                     double           page_height);
void            hd_agenda_report_draw_page          (HdAgendaReport  *self,
                                                     cairo_t         *cr,
                                                     guint            page,
                                                     double           page_width,
                                                     double           page_height);
gboolean        hd_agenda_report_write_pdf          (HdAgendaReport  *self,
                                                     const char      *path,
                                                     GError         **error);

G_END_DECLS
