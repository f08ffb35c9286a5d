/* hd-reports-view.h — the statistics of a period: key figures, charts, print and PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hd-context.h"
#include "hd-period.h"
#include "hd-report.h"

G_BEGIN_DECLS

#define HD_TYPE_REPORTS_VIEW (hd_reports_view_get_type ())
G_DECLARE_FINAL_TYPE (HdReportsView, hd_reports_view, HD, REPORTS_VIEW, AdwBin)

HdContext      *hd_reports_view_get_context       (HdReportsView        *self);
void            hd_reports_view_set_context       (HdReportsView        *self,
                                                   HdContext            *context);
const HdPeriod *hd_reports_view_get_period        (HdReportsView        *self);
void            hd_reports_view_set_period        (HdReportsView        *self,
                                                   const HdPeriod       *period);
gboolean        hd_reports_view_get_loading       (HdReportsView        *self);
const char     *hd_reports_view_get_notice        (HdReportsView        *self);
void            hd_reports_view_set_clock         (HdReportsView        *self,
                                                   gint64                now);
HdReport       *hd_reports_view_get_report        (HdReportsView        *self);
GtkWidget      *hd_reports_view_get_chart_widget  (HdReportsView        *self,
                                                   HdReportChart         which);
HdChartLayout  *hd_reports_view_layout_chart      (HdReportsView        *self,
                                                   HdReportChart         which);
void            hd_reports_view_export_pdf_async  (HdReportsView        *self,
                                                   GFile                *file,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean        hd_reports_view_export_pdf_finish (HdReportsView        *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);

G_END_DECLS
