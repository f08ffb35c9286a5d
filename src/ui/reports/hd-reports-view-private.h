/* hd-reports-view-private.h — what the reports view's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hd-reports-view.h"

G_BEGIN_DECLS

struct _HdReportsView
{
  AdwBin parent_instance;

  /* Template widgets */
  GtkDropDown    *kind_dropdown;
  GtkLabel       *period_label;
  GtkSpinner     *spinner;
  GtkRevealer    *ready_revealer;
  GtkLabel       *ready_label;
  GtkProgressBar *export_progress;
  GtkLabel       *error_label;
  GtkFlowBox     *kpi_box;
  GtkFlowBox     *chart_box;

  /* Owned */
  HdContext      *context;
  HdReport       *report;
  GCancellable   *load_cancellable;
  HdChart        *charts[HD_REPORT_N_CHARTS];
  HdChart        *kpis[HD_REPORT_N_KPIS];
  HdPeriod        period;
  HdPeriod        last_month;
  GDate           today;
  guint           pulse_id;
  gint64          clock;          /* 0: the real time */
  gboolean        ready_note;
  gboolean        exporting;

  /* Borrowed: children of the flow boxes */
  GtkWidget      *chart_areas[HD_REPORT_N_CHARTS];
  GtkWidget      *kpi_areas[HD_REPORT_N_KPIS];
};

/* A report to compute in a worker: the worker opens its own connection from @db */
typedef struct {
  HdDatabase *db;
  HdPeriod    period;
  gint64      now;
  char       *path;          /* export only */
  gboolean    ready_note;    /* out */
} ReportTask;

void        _hd_reports_view_show_error      (HdReportsView  *self,
                                              const char     *message);
void        _hd_reports_view_update_actions  (HdReportsView  *self);
ReportTask *_hd_reports_view_task_new        (HdReportsView  *self);
void        _hd_reports_view_task_free       (gpointer        data);
HdReport   *_hd_reports_view_compute_report  (ReportTask     *task,
                                              gboolean       *ready_note,
                                              GError        **error);

/* hd-reports-view-actions.c: printing, the PDF and the charts' pictures */
void        _hd_reports_view_print           (GtkWidget      *widget,
                                              const char     *action_name,
                                              GVariant       *parameter);
void        _hd_reports_view_preview         (GtkWidget      *widget,
                                              const char     *action_name,
                                              GVariant       *parameter);
void        _hd_reports_view_export_pdf      (GtkWidget      *widget,
                                              const char     *action_name,
                                              GVariant       *parameter);
void        _hd_reports_view_save_chart      (GtkWidget      *widget,
                                              const char     *action_name,
                                              GVariant       *parameter);
void        _hd_reports_view_clear_exporting (HdReportsView  *self);

G_END_DECLS
