/* hd-reports-view.c — the statistics of a period: key figures, charts, print and PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The figures are computed by hd_report_new() in a worker thread with its own connection, so
 * the window never waits for them; the tiles and charts are then drawn by the very renderers
 * that draw the printed report (hd_chart_draw), in the widget's font and colours. Printing
 * draws the report's pages (hd_report_draw_page) in points on A4; saving a PDF computes a
 * fresh report in a worker and writes it there.
 *
 * Clicking a bar asks for the journal filtered to its requests: the view emits
 * HdReportsView::show-requests and activates `win.show-requests` with the same a{ss}
 * filter: "period" (hd_period_to_string), one of "channel", "requester-kind", "topic" or
 * "status" (an enum key, or "open"), and "description" (words for a heading).
 */
#define G_LOG_DOMAIN "hd-reports-view"

#include "config.h"

#include <glib/gi18n.h>

#include "hd-enums.h"
#include "hd-reports-view-private.h"
#include "hd-terms.h"
#include "hd-workdays.h"

/* Days at the start of a month in which the previous month's report is announced */
#define READY_WORKING_DAYS 3


G_DEFINE_FINAL_TYPE (HdReportsView, hd_reports_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_LOADING,
  N_PROPS
};

enum {
  SHOW_REQUESTS,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];


static const char * const chart_labels[HD_REPORT_N_CHARTS] = {
  N_("Requests by channel"),
  N_("Requests by requester"),
  N_("Requests by topic"),
  N_("Outcome of requests"),
  N_("Requests per month"),
  N_("New employees trained on time, per month"),
};

static const char * const kpi_labels[HD_REPORT_N_KPIS] = {
  N_("Requests received"),
  N_("Requests resolved"),
  N_("Still open"),
  N_("First response, median"),
  N_("Resolved within the term"),
  N_("New employees trained on time"),
};

#define AREA_KPI_KEY   "hd-kpi"
#define AREA_INDEX_KEY "hd-index"

/* ---------------------------------------------------------------------------------------- */
/* Helpers                                                                                    */

static gint64
now_seconds (HdReportsView *self)
{
  if (self->clock != 0)
    return self->clock;
  if (self->context != NULL)
    return hd_context_get_now (self->context);
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* The school's zone, as every view sees it (the time-zone setting) */
static GTimeZone *
school_time_zone (HdReportsView *self)
{
  return g_time_zone_ref (hd_context_get_time_zone (self->context));
}

static void
set_loading (HdReportsView *self,
             gboolean       loading)
{
  if (loading == gtk_spinner_get_spinning (self->spinner))
    return;
  gtk_spinner_set_spinning (self->spinner, loading);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

void
_hd_reports_view_update_actions (HdReportsView *self)
{
  gboolean ready = self->context != NULL && self->report != NULL;
  HdPeriod next;

  hd_period_next (&self->period, &next);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.previous", self->context != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.next",
                                 self->context != NULL &&
                                 g_date_compare (&next.first, &self->today) <= 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.print", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.preview", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.export-pdf",
                                 ready && !self->exporting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.save-chart", ready);
}

static void
update_period_label (HdReportsView *self)
{
  g_autofree char *title = hd_period_get_title (&self->period);
  gunichar first = g_utf8_get_char (title);
  char upper[8] = { 0 };
  g_autofree char *text = NULL;

  /* «октябрь 2026 г.» stands alone here: capitalised */
  g_unichar_to_utf8 (g_unichar_totitle (first), upper);
  text = g_strconcat (upper, g_utf8_next_char (title), NULL);
  gtk_label_set_label (self->period_label, text);
}

static void
update_ready_note (HdReportsView *self)
{
  gboolean show = self->ready_note && hd_period_equal (&self->period, &self->last_month);

  if (show)
    {
      g_autofree char *month = hd_period_get_title (&self->last_month);
      /* Translators: shown in the first working days of a month; %s is the previous month */
      g_autofree char *text = g_strdup_printf (_("The report for %s is ready to print."), month);

      gtk_label_set_label (self->ready_label, text);
    }
  gtk_revealer_set_reveal_child (self->ready_revealer, show);
}

void
_hd_reports_view_show_error (HdReportsView *self,
                             const char    *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* The widget's font and colours, for a chart drawn in it */
static void
widget_chart_style (GtkWidget    *widget,
                    HdChartStyle *style)
{
  PangoContext *pango = gtk_widget_get_pango_context (widget);
  const PangoFontDescription *desc = pango_context_get_font_description (pango);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  double size = 10;
  GdkRGBA fg;

  if (desc != NULL && pango_font_description_get_size (desc) > 0)
    {
      size = (double) pango_font_description_get_size (desc) / PANGO_SCALE;
      /* Points at the screen's 96 dpi; the chart wants user units, which are pixels here */
      if (!pango_font_description_get_size_is_absolute (desc))
        size *= 96.0 / 72.0;
    }
  hd_chart_style_init (style, dark ? HD_CHART_THEME_DARK : HD_CHART_THEME_LIGHT, size * 0.9);
  if (desc != NULL && pango_font_description_get_family (desc) != NULL)
    style->font_family = pango_font_description_get_family (desc);
  style->font_options = pango_cairo_context_get_font_options (pango);

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  style->foreground = (HdChartRgba) { fg.red, fg.green, fg.blue, fg.alpha };
  style->muted = (HdChartRgba) { fg.red, fg.green, fg.blue, fg.alpha * 0.7 };
}

static HdChart *
chart_of_area (HdReportsView *self,
               GtkWidget     *area,
               gboolean      *is_kpi,
               guint         *index)
{
  gboolean kpi = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (area), AREA_KPI_KEY));
  guint i = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (area), AREA_INDEX_KEY));

  if (is_kpi != NULL)
    *is_kpi = kpi;
  if (index != NULL)
    *index = i;
  return kpi ? self->kpis[i] : self->charts[i];
}

static void
queue_draw_all (HdReportsView *self)
{
  for (guint i = 0; i < HD_REPORT_N_CHARTS; i++)
    gtk_widget_queue_draw (self->chart_areas[i]);
  for (guint i = 0; i < HD_REPORT_N_KPIS; i++)
    gtk_widget_queue_draw (self->kpi_areas[i]);
}

static void
clear_charts (HdReportsView *self)
{
  for (guint i = 0; i < HD_REPORT_N_CHARTS; i++)
    g_clear_pointer (&self->charts[i], hd_chart_unref);
  for (guint i = 0; i < HD_REPORT_N_KPIS; i++)
    g_clear_pointer (&self->kpis[i], hd_chart_unref);
}

static void
describe_area (GtkWidget  *area,
               const char *label,
               HdChart    *chart)
{
  g_autofree char *description = chart != NULL ? hd_chart_describe (chart) : g_strdup ("");

  gtk_accessible_update_property (GTK_ACCESSIBLE (area),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
set_report (HdReportsView *self,
            HdReport      *report)
{
  clear_charts (self);
  g_set_object (&self->report, report);

  for (guint i = 0; i < HD_REPORT_N_CHARTS; i++)
    {
      if (report != NULL)
        self->charts[i] = hd_report_create_chart (report, i);
      describe_area (self->chart_areas[i], _(chart_labels[i]), self->charts[i]);
    }
  for (guint i = 0; i < HD_REPORT_N_KPIS; i++)
    {
      if (report != NULL)
        self->kpis[i] = hd_report_create_kpi (report, i);
      describe_area (self->kpi_areas[i], _(kpi_labels[i]), self->kpis[i]);
    }
  queue_draw_all (self);
  update_ready_note (self);
  _hd_reports_view_update_actions (self);
}

/* ---------------------------------------------------------------------------------------- */
/* Computing the figures in a worker                                                          */


void
_hd_reports_view_task_free (gpointer data)
{
  ReportTask *t = data;

  g_clear_object (&t->db);
  g_free (t->path);
  g_free (t);
}

ReportTask *
_hd_reports_view_task_new (HdReportsView *self)
{
  ReportTask *t = g_new0 (ReportTask, 1);

  t->db = g_object_ref (hd_context_get_database (self->context));
  t->period = self->period;
  t->now = now_seconds (self);
  return t;
}

/* Today is one of the first working days of its month */
static gboolean
in_first_working_days (HdWorkdays  *workdays,
                       const GDate *today)
{
  GDate before = *today;

  g_date_set_day (&before, 1);
  g_date_subtract_days (&before, 1);
  return hd_workdays_is_working_day (workdays, today) &&
         hd_workdays_between (workdays, &before, today) <= READY_WORKING_DAYS;
}

/* In the worker: a connection of its own, the calendar with the school's overrides, the report */
HdReport *
_hd_reports_view_compute_report (ReportTask  *t,
                                 gboolean    *ready_note,
                                 GError     **error)
{
  g_autoptr(HdDatabase) connection = hd_database_open_connection (t->db, error);
  g_autoptr(HdWorkdays) workdays = NULL;
  HdReport *report;

  if (connection == NULL)
    return NULL;
  workdays = hd_workdays_new (error);
  if (workdays == NULL || !hd_workdays_load_overrides (workdays, connection, error))
    return NULL;
  report = hd_report_new (connection, workdays, &t->period, t->now, error);
  if (report != NULL && ready_note != NULL)
    *ready_note = in_first_working_days (workdays, &hd_report_get_stats (report)->today);
  return report;
}

static void
load_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ReportTask *t = task_data;
  GError *error = NULL;
  HdReport *report = _hd_reports_view_compute_report (t, &t->ready_note, &error);

  if (report == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, report, g_object_unref);
}

static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  HdReportsView *self = HD_REPORTS_VIEW (source);
  GTask *task = G_TASK (result);
  ReportTask *t = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(HdReport) report = g_task_propagate_pointer (task, &error);

  /* A newer period was asked for meanwhile: its own load will finish */
  if (g_task_get_cancellable (task) != self->load_cancellable)
    return;

  set_loading (self, FALSE);
  if (report == NULL)
    {
      _hd_reports_view_show_error (self, error->message);
      return;
    }
  _hd_reports_view_show_error (self, NULL);
  self->ready_note = t->ready_note;
  set_report (self, report);
}

static void
reload (HdReportsView *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);

  update_period_label (self);
  _hd_reports_view_update_actions (self);
  if (self->context == NULL)
    return;

  self->load_cancellable = g_cancellable_new ();
  set_loading (self, TRUE);
  task = g_task_new (self, self->load_cancellable, load_done_cb, NULL);
  g_task_set_source_tag (task, reload);
  g_task_set_task_data (task, _hd_reports_view_task_new (self), _hd_reports_view_task_free);
  g_task_run_in_thread (task, load_worker);
}

/* ---------------------------------------------------------------------------------------- */
/* Bars that open the journal                                                                 */

static void
show_requests (HdReportsView *self,
               HdReportChart  which,
               int            category)
{
  /* The categories of HD_REPORT_CHART_OUTCOME */
  static const char * const outcome_keys[] = { "resolved", "rejected", "escalated", "open" };
  static const char * const outcome_labels[] = {
    NC_("outcome", "Resolved"), NC_("outcome", "Rejected"),
    NC_("outcome", "Escalated to the vendor"), NC_("outcome", "Open"),
  };
  g_autofree char *period = hd_period_to_string (&self->period);
  g_autofree char *period_title = hd_period_get_title (&self->period);
  g_autofree char *description = NULL;
  const char *field = NULL, *value = NULL, *label = NULL;
  g_autoptr(GVariant) filter = NULL;
  GVariantBuilder builder;

  switch (which)
    {
    case HD_REPORT_CHART_BY_CHANNEL:
      field = "channel";
      value = hd_enum_key (HD_ENUM_CHANNEL, category);
      label = hd_enum_label (HD_ENUM_CHANNEL, category);
      break;
    case HD_REPORT_CHART_BY_REQUESTER:
      field = "requester-kind";
      value = hd_enum_key (HD_ENUM_REQUESTER_KIND, category);
      label = hd_enum_label (HD_ENUM_REQUESTER_KIND, category);
      break;
    case HD_REPORT_CHART_BY_TOPIC:
      field = "topic";
      value = hd_enum_key (HD_ENUM_TOPIC, category);
      label = hd_enum_label (HD_ENUM_TOPIC, category);
      break;
    case HD_REPORT_CHART_OUTCOME:
      if (category < 0 || category >= (int) G_N_ELEMENTS (outcome_keys))
        return;
      field = "status";
      value = outcome_keys[category];
      label = g_dpgettext2 (GETTEXT_PACKAGE, "outcome", outcome_labels[category]);
      break;
    case HD_REPORT_CHART_TREND_VOLUME:
      {
        GArray *trend = hd_report_get_trend (self->report);
        const HdPeriod *month;

        if (category < 0 || (guint) category >= trend->len)
          return;
        month = &g_array_index (trend, HdStatsTrendPoint, category).month;
        g_free (period);
        g_free (period_title);
        period = hd_period_to_string (month);
        period_title = hd_period_get_title (month);
      }
      break;
    case HD_REPORT_CHART_TREND_ON_TIME:
    case HD_REPORT_N_CHARTS:
    default:
      return;
    }

  /* Translators: the heading of the journal opened from a chart: %s what the bar counts
   * (a channel, a topic…), the second %s the period */
  description = label != NULL ? g_strdup_printf (_("%s, %s"), label, period_title)
                              : g_strdup (period_title);

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{ss}"));
  g_variant_builder_add (&builder, "{ss}", "period", period);
  if (field != NULL)
    g_variant_builder_add (&builder, "{ss}", field, value);
  g_variant_builder_add (&builder, "{ss}", "description", description);
  filter = g_variant_ref_sink (g_variant_builder_end (&builder));

  g_signal_emit (self, signals[SHOW_REQUESTS], 0, filter);
  gtk_widget_activate_action_variant (GTK_WIDGET (self), "win.show-requests", filter);
}

static void
chart_pressed_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  HdReportsView   *self)
{
  GtkWidget *area = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  g_autoptr(HdChartLayout) layout = NULL;
  const HdChartItem *item;
  guint index;

  chart_of_area (self, area, NULL, &index);
  layout = hd_reports_view_layout_chart (self, index);
  if (layout == NULL)
    return;
  item = hd_chart_layout_hit_test (layout, x, y);
  if (item != NULL && item->category >= 0 &&
      (item->kind == HD_CHART_ITEM_BAR || item->kind == HD_CHART_ITEM_POINT ||
       item->kind == HD_CHART_ITEM_CATEGORY_LABEL || item->kind == HD_CHART_ITEM_VALUE_LABEL))
    show_requests (self, index, item->category);
}

/* ---------------------------------------------------------------------------------------- */
/* Drawing                                                                                    */

static void
draw_area_cb (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  HdReportsView *self = user_data;
  HdChart *chart = chart_of_area (self, GTK_WIDGET (area), NULL, NULL);
  HdChartStyle style;

  if (chart == NULL)
    return;
  widget_chart_style (GTK_WIDGET (area), &style);
  hd_chart_draw (chart, cr, width, height, &style);
}

static GtkWidget *
new_area (HdReportsView *self,
          gboolean       kpi,
          guint          index)
{
  GtkWidget *area = g_object_new (GTK_TYPE_DRAWING_AREA,
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_IMG,
                                  /* Narrow enough for a 360 px window */
                                  "content-width", kpi ? 150 : 280,
                                  "content-height", kpi ? 96 : 300,
                                  "hexpand", TRUE,
                                  NULL);

  g_object_set_data (G_OBJECT (area), AREA_KPI_KEY, GINT_TO_POINTER (kpi));
  g_object_set_data (G_OBJECT (area), AREA_INDEX_KEY, GUINT_TO_POINTER (index));
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_area_cb, self, NULL);
  return area;
}

static GMenuModel *
save_menu (guint index)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenuItem) png = g_menu_item_new (_("Save as _PNG…"), NULL);
  g_autoptr(GMenuItem) svg = g_menu_item_new (_("Save as _SVG…"), NULL);

  g_menu_item_set_action_and_target_value (png, "reports.save-chart",
                                           g_variant_new ("(is)", (int) index, "png"));
  g_menu_item_set_action_and_target_value (svg, "reports.save-chart",
                                           g_variant_new ("(is)", (int) index, "svg"));
  g_menu_append_item (menu, png);
  g_menu_append_item (menu, svg);
  return G_MENU_MODEL (menu);
}

static void
build_areas (HdReportsView *self)
{
  for (guint i = 0; i < HD_REPORT_N_KPIS; i++)
    {
      GtkWidget *frame = gtk_frame_new (NULL);

      self->kpi_areas[i] = new_area (self, TRUE, i);
      gtk_widget_set_margin_start (self->kpi_areas[i], 10);
      gtk_widget_set_margin_end (self->kpi_areas[i], 10);
      gtk_widget_set_margin_top (self->kpi_areas[i], 8);
      gtk_widget_set_margin_bottom (self->kpi_areas[i], 8);
      gtk_frame_set_child (GTK_FRAME (frame), self->kpi_areas[i]);
      gtk_widget_add_css_class (frame, "card");
      gtk_flow_box_append (self->kpi_box, frame);
    }

  for (guint i = 0; i < HD_REPORT_N_CHARTS; i++)
    {
      GtkWidget *card = gtk_overlay_new ();
      GtkWidget *menu_button = gtk_menu_button_new ();
      g_autoptr(GMenuModel) menu = save_menu (i);
      GtkGesture *click = gtk_gesture_click_new ();

      self->chart_areas[i] = new_area (self, FALSE, i);
      gtk_widget_set_margin_start (self->chart_areas[i], 12);
      gtk_widget_set_margin_end (self->chart_areas[i], 12);
      gtk_widget_set_margin_top (self->chart_areas[i], 10);
      gtk_widget_set_margin_bottom (self->chart_areas[i], 10);
      gtk_overlay_set_child (GTK_OVERLAY (card), self->chart_areas[i]);
      gtk_widget_add_css_class (card, "card");

      gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "document-save-symbolic");
      gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu_button), menu);
      gtk_widget_set_tooltip_text (menu_button, _("Save the chart as a picture"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Save the chart as a picture"),
                                      -1);
      gtk_widget_set_halign (menu_button, GTK_ALIGN_END);
      gtk_widget_set_valign (menu_button, GTK_ALIGN_START);
      gtk_widget_set_margin_top (menu_button, 6);
      gtk_widget_set_margin_end (menu_button, 6);
      gtk_widget_add_css_class (menu_button, "flat");
      gtk_overlay_add_overlay (GTK_OVERLAY (card), menu_button);

      g_signal_connect_object (click, "pressed", G_CALLBACK (chart_pressed_cb), self, 0);
      gtk_widget_add_controller (self->chart_areas[i], GTK_EVENT_CONTROLLER (click));
      if (i != HD_REPORT_CHART_TREND_ON_TIME)
        gtk_widget_set_cursor_from_name (self->chart_areas[i], "pointer");

      gtk_flow_box_append (self->chart_box, card);
    }
}

/* ---------------------------------------------------------------------------------------- */
/* Period picker                                                                              */

static void
move_period (HdReportsView *self,
             int            direction)
{
  HdPeriod moved;

  if (direction < 0)
    hd_period_previous (&self->period, &moved);
  else
    hd_period_next (&self->period, &moved);
  hd_reports_view_set_period (self, &moved);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  move_period (HD_REPORTS_VIEW (widget), -1);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  move_period (HD_REPORTS_VIEW (widget), 1);
}

/* The kinds of the dropdown, in its order, and the names the "reports.kind" action takes */
static const HdPeriodKind kinds[] = { HD_PERIOD_MONTH, HD_PERIOD_QUARTER, HD_PERIOD_SCHOOL_YEAR };
static const char * const kind_names[] = { "month", "quarter", "school-year" };

static void
kind_dropdown_notify_selected_cb (HdReportsView *self)
{
  guint selected = gtk_drop_down_get_selected (self->kind_dropdown);
  HdPeriod period;

  if (selected >= G_N_ELEMENTS (kinds) || kinds[selected] == self->period.kind)
    return;

  /* Keep the period around the same days; never ahead of the last full month for a month */
  if (kinds[selected] == HD_PERIOD_MONTH)
    {
      hd_period_init_containing (&period, HD_PERIOD_MONTH, &self->period.last);
      if (g_date_compare (&period.first, &self->last_month.first) > 0)
        period = self->last_month;
    }
  else
    hd_period_init_containing (&period, kinds[selected], &self->last_month.first);
  hd_reports_view_set_period (self, &period);
}

static void
kind_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HdReportsView *self = HD_REPORTS_VIEW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_str_equal (name, kind_names[i]))
      gtk_drop_down_set_selected (self->kind_dropdown, i);
}

static void
style_manager_notify_dark_cb (HdReportsView *self)
{
  queue_draw_all (self);
}

/* It opens on the last full month */
static void
open_on_last_month (HdReportsView *self)
{
  if (self->context != NULL)
    {
      g_autoptr(GTimeZone) tz = school_time_zone (self);
      g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (now_seconds (self));
      g_autoptr(GDateTime) local = g_date_time_to_timezone (now, tz);

      g_date_set_dmy (&self->today, g_date_time_get_day_of_month (local),
                      g_date_time_get_month (local), g_date_time_get_year (local));
      hd_period_init_last_month (&self->last_month, now_seconds (self), tz);
      self->period = self->last_month;
      self->ready_note = FALSE;
      gtk_drop_down_set_selected (self->kind_dropdown, 0);
    }
  set_report (self, NULL);
  reload (self);
}

/* ---------------------------------------------------------------------------------------- */
/* GObject                                                                                    */

static void
hd_reports_view_dispose (GObject *object)
{
  HdReportsView *self = HD_REPORTS_VIEW (object);

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  _hd_reports_view_clear_exporting (self);
  clear_charts (self);
  g_clear_object (&self->report);

  /* The template's root is the bin's child: unparent it through the bin first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HD_TYPE_REPORTS_VIEW);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (hd_reports_view_parent_class)->dispose (object);
}

static void
hd_reports_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  HdReportsView *self = HD_REPORTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, hd_reports_view_get_loading (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_reports_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  HdReportsView *self = HD_REPORTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      hd_reports_view_set_context (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_reports_view_class_init (HdReportsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hd_reports_view_dispose;
  object_class->get_property = hd_reports_view_get_property;
  object_class->set_property = hd_reports_view_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         HD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HdReportsView::show-requests:
   * @filter: an a{ss} variant: "period", one of "channel", "requester-kind", "topic",
   *   "status", and "description"
   *
   * A bar was clicked: show the journal's requests behind it.
   */
  signals[SHOW_REQUESTS] =
    g_signal_new ("show-requests",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_VARIANT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/reports/hd-reports-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HdReportsView, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HdReportsView, period_label);
  gtk_widget_class_bind_template_child (widget_class, HdReportsView, spinner);
  gtk_widget_class_bind_template_child (widget_class, HdReportsView, ready_revealer);
  gtk_widget_class_bind_template_child (widget_class, HdReportsView, ready_label);
  gtk_widget_class_bind_template_child (widget_class, HdReportsView, export_progress);
  gtk_widget_class_bind_template_child (widget_class, HdReportsView, error_label);
  gtk_widget_class_bind_template_child (widget_class, HdReportsView, kpi_box);
  gtk_widget_class_bind_template_child (widget_class, HdReportsView, chart_box);
  gtk_widget_class_bind_template_callback (widget_class, kind_dropdown_notify_selected_cb);

  gtk_widget_class_install_action (widget_class, "reports.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "reports.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "reports.kind", "s", kind_action);
  gtk_widget_class_install_action (widget_class, "reports.print", NULL,
                                   _hd_reports_view_print);
  gtk_widget_class_install_action (widget_class, "reports.preview", NULL,
                                   _hd_reports_view_preview);
  gtk_widget_class_install_action (widget_class, "reports.export-pdf", NULL,
                                   _hd_reports_view_export_pdf);
  gtk_widget_class_install_action (widget_class, "reports.save-chart", "(is)",
                                   _hd_reports_view_save_chart);
}

static void
hd_reports_view_init (HdReportsView *self)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();

  gtk_widget_init_template (GTK_WIDGET (self));

  hd_period_init_last_month (&self->last_month, now_seconds (self), tz);
  self->today = self->last_month.last;
  self->period = self->last_month;
  build_areas (self);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (style_manager_notify_dark_cb), self, G_CONNECT_SWAPPED);
  update_period_label (self);
  _hd_reports_view_update_actions (self);
}

/* ---------------------------------------------------------------------------------------- */
/* Public API                                                                                 */

HdContext *
hd_reports_view_get_context (HdReportsView *self)
{
  g_return_val_if_fail (HD_IS_REPORTS_VIEW (self), NULL);
  return self->context;
}

void
hd_reports_view_set_context (HdReportsView *self,
                             HdContext     *context)
{
  g_return_if_fail (HD_IS_REPORTS_VIEW (self));
  g_return_if_fail (context == NULL || HD_IS_CONTEXT (context));

  if (!g_set_object (&self->context, context))
    return;

  open_on_last_month (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

/**
 * hd_reports_view_set_clock:
 * @self: a reports view
 * @now: the moment to take as now, Unix seconds; 0 for the real time
 *
 * For tests and demonstrations: the view opens again on the last full month before @now.
 */
void
hd_reports_view_set_clock (HdReportsView *self,
                           gint64         now)
{
  g_return_if_fail (HD_IS_REPORTS_VIEW (self));

  self->clock = now;
  open_on_last_month (self);
}

/**
 * hd_reports_view_get_notice:
 * @self: a reports view
 *
 * Returns: (nullable): the line shown above the figures in the first working days of a
 *   month («Отчёт за ноябрь 2026 г. готов к печати.»), %NULL when none is shown
 */
const char *
hd_reports_view_get_notice (HdReportsView *self)
{
  g_return_val_if_fail (HD_IS_REPORTS_VIEW (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->ready_revealer))
    return NULL;
  return gtk_label_get_label (self->ready_label);
}

/**
 * hd_reports_view_get_period:
 * @self: a reports view
 *
 * Returns: (transfer none): the period shown
 */
const HdPeriod *
hd_reports_view_get_period (HdReportsView *self)
{
  g_return_val_if_fail (HD_IS_REPORTS_VIEW (self), NULL);
  return &self->period;
}

/**
 * hd_reports_view_set_period:
 * @self: a reports view
 * @period: the period to show: a month, a quarter or a school year
 *
 * Shows @period; its figures are computed in the background (HdReportsView:loading).
 */
void
hd_reports_view_set_period (HdReportsView  *self,
                            const HdPeriod *period)
{
  guint selected;

  g_return_if_fail (HD_IS_REPORTS_VIEW (self));
  g_return_if_fail (period != NULL);

  if (hd_period_equal (&self->period, period) &&
      (self->report != NULL || self->load_cancellable != NULL))
    return;

  self->period = *period;
  selected = period->kind == HD_PERIOD_QUARTER ? 1 : period->kind == HD_PERIOD_SCHOOL_YEAR ? 2 : 0;
  if (gtk_drop_down_get_selected (self->kind_dropdown) != selected)
    gtk_drop_down_set_selected (self->kind_dropdown, selected);
  reload (self);
}

/**
 * hd_reports_view_get_loading:
 * @self: a reports view
 *
 * Returns: %TRUE while the figures of the period are being computed
 */
gboolean
hd_reports_view_get_loading (HdReportsView *self)
{
  g_return_val_if_fail (HD_IS_REPORTS_VIEW (self), FALSE);
  return gtk_spinner_get_spinning (self->spinner);
}

/**
 * hd_reports_view_get_report:
 * @self: a reports view
 *
 * Returns: (transfer none) (nullable): the report shown, %NULL while none is computed
 */
HdReport *
hd_reports_view_get_report (HdReportsView *self)
{
  g_return_val_if_fail (HD_IS_REPORTS_VIEW (self), NULL);
  return self->report;
}

/**
 * hd_reports_view_get_chart_widget:
 * @self: a reports view
 * @which: a chart
 *
 * Returns: (transfer none): the drawing area of the chart
 */
GtkWidget *
hd_reports_view_get_chart_widget (HdReportsView *self,
                                  HdReportChart  which)
{
  g_return_val_if_fail (HD_IS_REPORTS_VIEW (self), NULL);
  g_return_val_if_fail (which < HD_REPORT_N_CHARTS, NULL);
  return self->chart_areas[which];
}

/**
 * hd_reports_view_layout_chart:
 * @self: a reports view
 * @which: a chart
 *
 * Where the chart's bars, points and labels are in its widget, as it was last drawn: what a
 * click hits.
 *
 * Returns: (transfer full) (nullable): the layout, %NULL while the chart has no figures
 */
HdChartLayout *
hd_reports_view_layout_chart (HdReportsView *self,
                              HdReportChart  which)
{
  GtkWidget *area;
  cairo_surface_t *surface;
  cairo_t *cr;
  HdChartLayout *layout;
  HdChartStyle style;

  g_return_val_if_fail (HD_IS_REPORTS_VIEW (self), NULL);
  g_return_val_if_fail (which < HD_REPORT_N_CHARTS, NULL);

  area = self->chart_areas[which];
  if (self->charts[which] == NULL || self->report == NULL)
    return NULL;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  widget_chart_style (area, &style);
  layout = hd_chart_layout (self->charts[which], cr, gtk_widget_get_width (area),
                            gtk_widget_get_height (area), &style);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return layout;
}
