/* hd-report.h — the report of a period: A4 pages for the deputy director, on paper or in a PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "hd-chart.h"
#include "hd-database.h"
#include "hd-period.h"
#include "hd-stats.h"
#include "hd-workdays.h"

G_BEGIN_DECLS

/* A4 portrait in points */
#define HD_REPORT_PAGE_WIDTH  595.276
#define HD_REPORT_PAGE_HEIGHT 841.89

/**
 * HdReportChart:
 * @HD_REPORT_CHART_BY_CHANNEL: requests by channel, this period and the previous one
 * @HD_REPORT_CHART_BY_REQUESTER: requests by requester kind
 * @HD_REPORT_CHART_BY_TOPIC: requests by topic
 * @HD_REPORT_CHART_OUTCOME: resolved, rejected, escalated, open
 * @HD_REPORT_CHART_TREND_VOLUME: requests per month over the last 12 months
 * @HD_REPORT_CHART_TREND_ON_TIME: share of new employees trained on time, per month
 *
 * The charts of the report; the reports view draws the same ones.
 */
typedef enum {
  HD_REPORT_CHART_BY_CHANNEL,
  HD_REPORT_CHART_BY_REQUESTER,
  HD_REPORT_CHART_BY_TOPIC,
  HD_REPORT_CHART_OUTCOME,
  HD_REPORT_CHART_TREND_VOLUME,
  HD_REPORT_CHART_TREND_ON_TIME,
  HD_REPORT_N_CHARTS
} HdReportChart;

/**
 * HdReportKpi:
 * @HD_REPORT_KPI_REQUESTS: requests received
 * @HD_REPORT_KPI_RESOLVED: requests resolved
 * @HD_REPORT_KPI_OPEN: requests still open
 * @HD_REPORT_KPI_FIRST_RESPONSE: median time to first response, working hours
 * @HD_REPORT_KPI_WITHIN_TERM: share of requests resolved within the term
 * @HD_REPORT_KPI_ON_TIME: share of new employees trained within the N-day rule
 *
 * The key figures, each a tile with its change from the previous period.
 */
typedef enum {
  HD_REPORT_KPI_REQUESTS,
  HD_REPORT_KPI_RESOLVED,
  HD_REPORT_KPI_OPEN,
  HD_REPORT_KPI_FIRST_RESPONSE,
  HD_REPORT_KPI_WITHIN_TERM,
  HD_REPORT_KPI_ON_TIME,
  HD_REPORT_N_KPIS
} HdReportKpi;

#define HD_TYPE_REPORT (hd_report_get_type ())
G_DECLARE_FINAL_TYPE (HdReport, hd_report, HD, REPORT, GObject)

HdReport       *hd_report_new             (HdDatabase      *db,
                                           HdWorkdays      *workdays,
                                           const HdPeriod  *period,
                                           gint64           now,
                                           GError         **error);

const HdPeriod *hd_report_get_period      (HdReport        *self);
HdStats        *hd_report_get_stats       (HdReport        *self);
GArray         *hd_report_get_trend       (HdReport        *self);
char           *hd_report_get_title       (HdReport        *self);

HdChart        *hd_report_create_chart    (HdReport        *self,
                                           HdReportChart    which);
HdChart        *hd_report_create_kpi      (HdReport        *self,
                                           HdReportKpi      which);

guint           hd_report_get_n_pages     (HdReport        *self,
                                           double           page_width,
                                           double           page_height);
void            hd_report_draw_page       (HdReport        *self,
                                           cairo_t         *cr,
                                           guint            page,
                                           double           page_width,
                                           double           page_height);
gboolean        hd_report_write_pdf       (HdReport        *self,
                                           const char      *path,
                                           GError         **error);

G_END_DECLS
