/* test-reports.c — the reports view on a demo database, in Russian, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real reports view in a window: it opens on the last full month, computes the figures
 * in the background, draws the KPI tiles and charts with accessible names and descriptions,
 * moves to the previous and next month and to a quarter through its actions, saves a PDF in
 * a worker, and writes screenshots to $HD_SCREENSHOT_DIR.
 *
 * gtk_test_init() is not used: it switches the locale to en_US.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hd-context.h"
#include "hd-test-ui.h"
#include "hd-database.h"
#include "hd-demo.h"
#include "hd-terms.h"
#include "reports/hd-print-preview.h"
#include "reports/hd-reports-view.h"

GResource *hd_get_resource (void);

typedef struct {
  HdDatabase    *db;
  HdContext     *context;
  GtkWindow     *window;
  HdReportsView *view;
} Fixture;


static gboolean
view_loaded (gpointer data)
{
  return !hd_reports_view_get_loading (data) && hd_reports_view_get_report (data) != NULL;
}

/* Waits until the view shows the figures of @period */
static void
assert_shows (Fixture        *f,
              const HdPeriod *period)
{
  wait_until (view_loaded, f->view, "the figures");
  g_assert_true (hd_period_equal (hd_reports_view_get_period (f->view), period));
  g_assert_true (hd_period_equal (hd_report_get_period (hd_reports_view_get_report (f->view)),
                                  period));
}

static void
fixture_set_up (Fixture *f)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  path = g_build_filename (g_get_user_data_dir (), "helpdesk.db", NULL);
  f->db = hd_database_open (path, &error);
  g_assert_no_error (error);
  /* A school's year of requests up to today */
  g_assert_true (hd_demo_generate (f->db, 3000, 1, g_get_real_time () / G_USEC_PER_SEC,
                                   NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  f->context = hd_context_new (NULL);
  hd_context_set_database (f->context, f->db);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1280, 1000);
  f->view = g_object_new (HD_TYPE_REPORTS_VIEW, NULL);
  gtk_window_set_child (f->window, GTK_WIDGET (f->view));
  gtk_window_present (f->window);
  hd_reports_view_set_context (f->view, f->context);
}

static void
fixture_tear_down (Fixture *f)
{
  gtk_window_destroy (f->window);
  g_clear_object (&f->context);
  g_clear_object (&f->db);
}

typedef struct {
  gboolean  done;
  gboolean  ok;
  GError   *error;
} ExportWait;

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  ExportWait *w = user_data;

  w->ok = hd_reports_view_export_pdf_finish (HD_REPORTS_VIEW (source), result, &w->error);
  w->done = TRUE;
}

static gboolean
export_done (gpointer data)
{
  return ((ExportWait *) data)->done;
}

static void
store_filter_cb (GVariant **out,
                 GVariant  *filter)
{
  g_clear_pointer (out, g_variant_unref);
  *out = g_variant_ref (filter);
}

static void
test_flow (void)
{
  Fixture f = { 0 };
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (HD_TERMS_DEFAULT_TIME_ZONE);
  HdPeriod last_month, before, quarter;
  GtkWidget *area;
  HdStats *stats;

  fixture_set_up (&f);

  /* It opens on the last full month, with its figures */
  hd_period_init_last_month (&last_month, g_get_real_time () / G_USEC_PER_SEC, tz);
  assert_shows (&f, &last_month);
  stats = hd_report_get_stats (hd_reports_view_get_report (f.view));
  g_assert_cmpuint (stats->current.requests.total, >, 0);

  /* Every chart says what it shows to a screen reader */
  area = hd_reports_view_get_chart_widget (f.view, HD_REPORT_CHART_BY_CHANNEL);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_ROLE_IMG);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Обращения по каналам");
  for (guint i = 0; i < HD_REPORT_N_CHARTS; i++)
    {
      GtkWidget *chart = hd_reports_view_get_chart_widget (f.view, i);

      g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (chart),
                                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
    }
  save_screenshot (GTK_WIDGET (f.window), "reports-month");
  g_assert_true (gtk_widget_is_drawable (area));
  g_assert_cmpint (gtk_widget_get_height (area), >=, 200);

  /* Previous, then next again */
  hd_period_previous (&last_month, &before);
  gtk_widget_activate_action (GTK_WIDGET (f.view), "reports.previous", NULL);
  assert_shows (&f, &before);
  gtk_widget_activate_action (GTK_WIDGET (f.view), "reports.next", NULL);
  assert_shows (&f, &last_month);

  /* The quarter of the last full month */
  hd_period_init_containing (&quarter, HD_PERIOD_QUARTER, &last_month.first);
  gtk_widget_activate_action (GTK_WIDGET (f.view), "reports.kind", "s", "quarter");
  assert_shows (&f, &quarter);
  stats = hd_report_get_stats (hd_reports_view_get_report (f.view));
  g_assert_cmpuint (stats->current.requests.total, >, 0);
  save_screenshot (GTK_WIDGET (f.window), "reports-quarter");

  /* The charts follow the dark style */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  save_screenshot (GTK_WIDGET (f.window), "reports-quarter-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  /* Quickly back and forth: only the last one asked for is shown */
  gtk_widget_activate_action (GTK_WIDGET (f.view), "reports.previous", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f.view), "reports.next", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f.view), "reports.kind", "s", "month");
  assert_shows (&f, &last_month);

  /* A click on the phone bar of the month asks for the journal of those requests */
  {
    GtkWidget *channels = hd_reports_view_get_chart_widget (f.view, HD_REPORT_CHART_BY_CHANNEL);
    g_autoptr(HdChartLayout) layout = NULL;
    g_autoptr(GVariant) filter = NULL;
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (channels);
    g_autofree char *period = hd_period_to_string (&last_month);
    const HdChartItem *bar = NULL;
    const char *value;

    layout = hd_reports_view_layout_chart (f.view, HD_REPORT_CHART_BY_CHANNEL);
    g_assert_nonnull (layout);
    for (guint i = 0; i < hd_chart_layout_get_n_items (layout); i++)
      {
        const HdChartItem *item = hd_chart_layout_get_item (layout, i);

        if (item->kind == HD_CHART_ITEM_BAR && item->category == HD_CHANNEL_PHONE &&
            item->series == 0)
          bar = item;
      }
    g_assert_nonnull (bar);
    g_signal_connect_swapped (f.view, "show-requests", G_CALLBACK (store_filter_cb), &filter);
    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_GESTURE_CLICK (controller))
          g_signal_emit_by_name (controller, "pressed", 1,
                                 bar->x + bar->width / 2, bar->y + bar->height / 2);
      }
    g_assert_nonnull (filter);
    g_assert_true (g_variant_lookup (filter, "channel", "&s", &value));
    g_assert_cmpstr (value, ==, "phone");
    g_assert_true (g_variant_lookup (filter, "period", "&s", &value));
    g_assert_cmpstr (value, ==, period);
    g_assert_true (g_variant_lookup (filter, "description", "&s", &value));
    g_assert_true (g_str_has_prefix (value, "Телефон, "));
  }

  /* The print preview draws the same pages as the paper, one at a time */
  {
    GListModel *toplevels = gtk_window_get_toplevels ();   /* transfer none */
    HdPrintPreview *preview = NULL;
    guint n_pages;
    g_autofree char *first = NULL;
    g_autofree char *second = NULL;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.view), "reports.preview", NULL));
    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

        if (HD_IS_PRINT_PREVIEW (window))
          preview = HD_PRINT_PREVIEW (window);
      }
    g_assert_nonnull (preview);
    gtk_test_widget_wait_for_draw (GTK_WIDGET (preview));
    n_pages = hd_print_preview_get_n_pages (preview);
    g_assert_cmpuint (n_pages, ==, hd_report_get_n_pages (hd_reports_view_get_report (f.view),
                                                          595.276, 841.89));
    g_assert_cmpuint (n_pages, >=, 2);
    first = g_strdup_printf ("Страница 1 из %u", n_pages);
    second = g_strdup_printf ("Страница 2 из %u", n_pages);
    g_assert_cmpstr (hd_print_preview_get_page_text (preview), ==, first);
    save_screenshot (GTK_WIDGET (preview), "reports-preview-page-1");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preview), "preview.next", NULL));
    g_assert_cmpuint (hd_print_preview_get_page (preview), ==, 1);
    g_assert_cmpstr (hd_print_preview_get_page_text (preview), ==, second);
    gtk_test_widget_wait_for_draw (GTK_WIDGET (preview));
    save_screenshot (GTK_WIDGET (preview), "reports-preview-page-2");
    gtk_window_destroy (GTK_WINDOW (preview));
  }

  /* Save the PDF in the background */
  {
    g_autofree char *path = g_build_filename (g_get_user_data_dir (), "report.pdf", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autofree char *contents = NULL;
    ExportWait w = { 0 };
    gsize length;

    hd_reports_view_export_pdf_async (f.view, file, NULL, export_done_cb, &w);
    wait_until (export_done, &w, "the PDF");
    g_assert_no_error (w.error);
    g_assert_true (w.ok);
    g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
    g_assert_true (length > 1000 && g_str_has_prefix (contents, "%PDF"));
  }

  /* In the first working days of December the view says November's report is ready */
  {
    g_autoptr(GDateTime) december_2 = g_date_time_new (tz, 2026, 12, 2, 10, 0, 0);
    g_autoptr(GDateTime) december_8 = g_date_time_new (tz, 2026, 12, 8, 10, 0, 0);
    HdPeriod november;

    hd_period_init_month (&november, 2026, 11);
    hd_reports_view_set_clock (f.view, g_date_time_to_unix (december_2));
    assert_shows (&f, &november);
    g_assert_cmpstr (hd_reports_view_get_notice (f.view), ==,
                     "Отчёт за ноябрь 2026 г. готов к печати.");
    wait_ms (400);   /* the notice slides in */
    save_screenshot (GTK_WIDGET (f.window), "reports-ready-to-print");

    /* …but not on the 6th working day */
    hd_reports_view_set_clock (f.view, g_date_time_to_unix (december_8));
    assert_shows (&f, &november);
    g_assert_null (hd_reports_view_get_notice (f.view));
  }

  fixture_tear_down (&f);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  hd_test_ui_init (&argc, &argv);
  adw_init ();
  (void) hd_get_resource ();

  g_test_add_func ("/ui/reports/flow", test_flow);

  status = g_test_run ();
  return status;
}
