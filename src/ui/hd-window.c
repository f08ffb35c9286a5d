/* hd-window.c — the main window: a header bar and the stack of four views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window is deliberately small. It shows a spinner while the application opens the
 * database, then hands the context to the four views and shows them. Views know nothing of
 * the window or of each other.
 */
#define G_LOG_DOMAIN "hd-window"

#include "config.h"

#include <glib/gi18n.h>

#include "hd-window.h"
#include "journal/hd-journal-view.h"
#include "calendar/hd-calendar-view.h"
#include "onboarding/hd-onboarding-view.h"
#include "reports/hd-reports-view.h"

struct _HdWindow
{
  AdwApplicationWindow parent_instance;

  /* Template widgets */
  AdwHeaderBar         *header_bar;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwStatusPage        *error_page;
  GtkSpinner           *loading_spinner;
  AdwViewStack         *view_stack;
  AdwBin               *journal_bin;
  AdwBin               *calendar_bin;
  AdwBin               *onboarding_bin;
  AdwBin               *reports_bin;

  /* Borrowed: made by ensure_views(), children of the bins */
  HdJournalView        *journal_view;
  HdCalendarView       *calendar_view;
  HdOnboardingView     *onboarding_view;
  HdReportsView        *reports_view;

  /* Owned */
  HdContext            *context;
  gulong                first_frame_handler;
  guint                 views_idle;
};

G_DEFINE_FINAL_TYPE (HdWindow, hd_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_VISIBLE_VIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The names of the view stack's pages, in the order of Ctrl+1 … Ctrl+4 */
static const char * const view_names[] = { "journal", "calendar", "onboarding", "reports" };

static gboolean
is_view_name (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (view_names); i++)
    if (g_strcmp0 (view_names[i], name) == 0)
      return TRUE;
  return FALSE;
}

static void
update_actions (HdWindow *self)
{
  gboolean ready = g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "views") == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-view", ready);
}

static void
show_page (HdWindow   *self,
           const char *name)
{
  gboolean views = g_str_equal (name, "views");

  gtk_stack_set_visible_child_name (self->main_stack, name);
  gtk_spinner_set_spinning (self->loading_spinner, g_str_equal (name, "loading"));
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, views);
  gtk_widget_set_visible (GTK_WIDGET (self->switcher_bar), views);
  update_actions (self);
}

static void
load_window_state (HdWindow *self)
{
  GSettings *settings = hd_context_get_settings (self->context);

  if (settings == NULL)
    return;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
save_window_state (HdWindow *self)
{
  GSettings *settings = hd_context_get_settings (self->context);
  int width, height;

  if (settings == NULL)
    return;

  /* The default size is the unmaximized size, which is what a restart should restore */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (settings);
  g_settings_set_int (settings, "window-width", width);
  g_settings_set_int (settings, "window-height", height);
  g_settings_set_boolean (settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_apply (settings);
}

/* The context the views are given: only with an open database, so they never see it NULL */
static HdContext *
ready_context (HdWindow *self)
{
  return hd_context_get_database (self->context) != NULL ? self->context : NULL;
}

/* The first frame shows the header and the spinner while the database opens; the four views
 * are made after it (with the cairo renderer on both sides they made the first frame 1.4 times
 * a bare window's, tests/bench/bench-startup.sh), or at once when one of them is asked for,
 * and shown when the database is ready. */
static void
ensure_views (HdWindow *self)
{
  HdContext *ready;

  g_clear_handle_id (&self->views_idle, g_source_remove);
  if (self->journal_view != NULL)
    return;

  self->journal_view = g_object_new (HD_TYPE_JOURNAL_VIEW, NULL);
  adw_bin_set_child (self->journal_bin, GTK_WIDGET (self->journal_view));
  self->calendar_view = g_object_new (HD_TYPE_CALENDAR_VIEW, NULL);
  self->onboarding_view = g_object_new (HD_TYPE_ONBOARDING_VIEW, NULL);
  self->reports_view = g_object_new (HD_TYPE_REPORTS_VIEW, NULL);
  adw_bin_set_child (self->calendar_bin, GTK_WIDGET (self->calendar_view));
  adw_bin_set_child (self->onboarding_bin, GTK_WIDGET (self->onboarding_view));
  adw_bin_set_child (self->reports_bin, GTK_WIDGET (self->reports_view));

  ready = ready_context (self);
  if (ready != NULL)
    {
      hd_journal_view_set_context (self->journal_view, ready);
      hd_calendar_view_set_context (self->calendar_view, ready);
      hd_onboarding_view_set_context (self->onboarding_view, ready);
      hd_reports_view_set_context (self->reports_view, ready);
      show_page (self, "views");
    }
}

static gboolean
views_idle_cb (gpointer user_data)
{
  HdWindow *self = user_data;

  self->views_idle = 0;
  ensure_views (self);
  return G_SOURCE_REMOVE;
}

static void
first_frame_cb (GdkFrameClock *clock,
                HdWindow      *self)
{
  g_clear_signal_handler (&self->first_frame_handler, clock);
  if (self->journal_view == NULL && self->views_idle == 0)
    self->views_idle = g_idle_add (views_idle_cb, self);
}

static void
context_notify_database_cb (HdWindow   *self,
                            GParamSpec *pspec,
                            HdContext  *context)
{
  HdContext *ready = ready_context (self);

  g_assert (HD_IS_WINDOW (self));

  /* A database opened before the window's first frame (a small one) waits for it:
   * first_frame_cb() makes the views, then ensure_views() shows them */
  if (ready != NULL && self->first_frame_handler == 0)
    ensure_views (self);
  if (self->journal_view != NULL)
    {
      hd_journal_view_set_context (self->journal_view, ready);
      hd_calendar_view_set_context (self->calendar_view, ready);
      hd_onboarding_view_set_context (self->onboarding_view, ready);
      hd_reports_view_set_context (self->reports_view, ready);
    }

  if (ready != NULL && self->journal_view != NULL)
    show_page (self, "views");
  else if (ready == NULL && g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "views") == 0)
    show_page (self, "loading");
}

static void
view_stack_notify_visible_child_cb (HdWindow *self)
{
  if (adw_view_stack_get_visible_child (self->view_stack) != GTK_WIDGET (self->journal_bin))
    ensure_views (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE_VIEW]);
}

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  hd_window_set_visible_view (HD_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static gboolean
hd_window_close_request (GtkWindow *window)
{
  save_window_state (HD_WINDOW (window));

  return GTK_WINDOW_CLASS (hd_window_parent_class)->close_request (window);
}

static void
hd_window_constructed (GObject *object)
{
  HdWindow *self = HD_WINDOW (object);

  G_OBJECT_CLASS (hd_window_parent_class)->constructed (object);

  g_assert (HD_IS_CONTEXT (self->context));

  load_window_state (self);
  g_signal_connect_object (self->context, "notify::database",
                           G_CALLBACK (context_notify_database_cb), self, G_CONNECT_SWAPPED);
  if (hd_context_get_database (self->context) != NULL)
    context_notify_database_cb (self, NULL, self->context);
}

static void
hd_window_map (GtkWidget *widget)
{
  HdWindow *self = HD_WINDOW (widget);

  GTK_WIDGET_CLASS (hd_window_parent_class)->map (widget);

  if (self->journal_view == NULL && self->first_frame_handler == 0)
    self->first_frame_handler = g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint",
                                                  G_CALLBACK (first_frame_cb), self);
}

static void
hd_window_unmap (GtkWidget *widget)
{
  HdWindow *self = HD_WINDOW (widget);

  g_clear_signal_handler (&self->first_frame_handler, gtk_widget_get_frame_clock (widget));

  GTK_WIDGET_CLASS (hd_window_parent_class)->unmap (widget);
}

static void
hd_window_dispose (GObject *object)
{
  HdWindow *self = HD_WINDOW (object);

  g_clear_handle_id (&self->views_idle, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), HD_TYPE_WINDOW);
  self->journal_view = NULL;
  self->calendar_view = NULL;
  self->onboarding_view = NULL;
  self->reports_view = NULL;
  g_clear_object (&self->context);

  G_OBJECT_CLASS (hd_window_parent_class)->dispose (object);
}

static void
hd_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  HdWindow *self = HD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_VISIBLE_VIEW:
      g_value_set_string (value, hd_window_get_visible_view (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  HdWindow *self = HD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_VISIBLE_VIEW:
      hd_window_set_visible_view (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* A report's bar was clicked: open the journal on the requests it counts */
static void
show_requests_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  HdWindow *self = HD_WINDOW (widget);

  hd_window_set_visible_view (self, "journal");
  ensure_views (self);
  hd_journal_view_show_requests (self->journal_view, param);
}

static void
hd_window_class_init (HdWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = hd_window_constructed;
  object_class->dispose = hd_window_dispose;
  object_class->get_property = hd_window_get_property;
  object_class->set_property = hd_window_set_property;

  widget_class->map = hd_window_map;
  widget_class->unmap = hd_window_unmap;
  window_class->close_request = hd_window_close_request;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         HD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_VISIBLE_VIEW] =
    g_param_spec_string ("visible-view", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (HD_TYPE_JOURNAL_VIEW);
  g_type_ensure (HD_TYPE_CALENDAR_VIEW);
  g_type_ensure (HD_TYPE_ONBOARDING_VIEW);
  g_type_ensure (HD_TYPE_REPORTS_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/hd-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HdWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, HdWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, HdWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, HdWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HdWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, HdWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, HdWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, HdWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, HdWindow, journal_bin);
  gtk_widget_class_bind_template_child (widget_class, HdWindow, calendar_bin);
  gtk_widget_class_bind_template_child (widget_class, HdWindow, onboarding_bin);
  gtk_widget_class_bind_template_child (widget_class, HdWindow, reports_bin);
  gtk_widget_class_bind_template_callback (widget_class, view_stack_notify_visible_child_cb);

  /* Ctrl+1 … Ctrl+4 are set on the application, with the other shortcuts */
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "win.show-requests", "a{ss}", show_requests_action);
}

static void
hd_window_init (HdWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  if (g_strcmp0 (PROFILE, "development") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");


  show_page (self, "loading");
}

HdWindow *
hd_window_new (GtkApplication *application,
               HdContext      *context)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (HD_IS_CONTEXT (context), NULL);

  return g_object_new (HD_TYPE_WINDOW,
                       "application", application,
                       "context", context,
                       NULL);
}

HdContext *
hd_window_get_context (HdWindow *self)
{
  g_return_val_if_fail (HD_IS_WINDOW (self), NULL);
  return self->context;
}

/**
 * hd_window_get_visible_view:
 *
 * Returns: the name of the visible view: "journal", "calendar", "onboarding" or "reports"
 */
const char *
hd_window_get_visible_view (HdWindow *self)
{
  g_return_val_if_fail (HD_IS_WINDOW (self), NULL);
  return adw_view_stack_get_visible_child_name (self->view_stack);
}

void
hd_window_set_visible_view (HdWindow   *self,
                            const char *name)
{
  g_return_if_fail (HD_IS_WINDOW (self));
  g_return_if_fail (is_view_name (name));

  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

/* While the database is being opened (again) */
void
hd_window_show_loading (HdWindow *self)
{
  g_return_if_fail (HD_IS_WINDOW (self));
  show_page (self, "loading");
}

/* When opening failed and the person closed the dialog: the message stays in the window */
void
hd_window_show_error (HdWindow     *self,
                      const GError *error)
{
  g_return_if_fail (HD_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  adw_status_page_set_description (self->error_page, error->message);
  show_page (self, "error");
}

void
hd_window_add_toast (HdWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (HD_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
