/* hd-calendar-view.c — the calendar of consultations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three pages over one chosen date: the week (HdWeekView), the day's agenda and the month with
 * a count per day. Today, previous/next and a date picker move the date; Page Up/Down move a
 * week from the week view. Booking (a click on a free slot, Enter, Ctrl+N) and walk-ins open
 * HdBookingDialog; the agenda marks consultations held (asking for the outcome, and for a
 * new employee's training the checklist items still missing), no-show or cancelled, or moves
 * them (HdSlotDialog), as does the list of bookings on days the school has closed since.
 * The week's consultations are one small indexed query, run on the main thread.
 * While the app runs, a desktop notification comes 15 minutes before each consultation.
 * The window sets `context` once the database is open, so hd_context_get_database() is never
 * %NULL inside a view that has a context.
 */
#define G_LOG_DOMAIN "hd-calendar-view"

#include "config.h"

#include <glib/gi18n.h>

#include "hd-agenda-print.h"
#include "hd-appointment-store.h"
#include "hd-availability.h"
#include "hd-booking.h"
#include "hd-booking-dialog.h"
#include "hd-calendar-view.h"
#include "hd-date.h"
#include "hd-enums.h"
#include "hd-ics.h"
#include "hd-newcomer-store.h"
#include "hd-slot-dialog.h"
#include "hd-week-view.h"
#include "onboarding/hd-onboarding-common.h"

/* How long before a consultation the reminder comes */
#define REMIND_SECONDS (15 * 60)
#define REMIND_CHECK_SECONDS 30

struct _HdCalendarView
{
  AdwBin parent_instance;

  /* Template widgets */
  HdWeekView    *week_view;
  GtkStack      *stack;
  GtkLabel      *title_label;
  GtkCalendar   *date_picker;
  GtkPopover    *date_popover;
  GtkListBox    *agenda;
  GtkLabel      *day_label;
  GtkGrid       *month_grid;
  GtkRevealer   *closed_revealer;
  GtkLabel      *closed_label;
  GtkListBox    *closed_list;

  /* Owned */
  HdContext     *context;
  HdTerms       *terms;
  GHashTable    *reminded;        /* ids of consultations already reminded of */
  guint          remind_source;
  double         last_load_ms;

  /* Borrowed (owned by the context) */
  HdWorkdays    *workdays;

  GDate          date;
};

G_DEFINE_FINAL_TYPE (HdCalendarView, hd_calendar_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void reload (HdCalendarView *self);

/* ---------------------------------------------------------------------------------------- */
/* Helpers                                                                                   */

static HdDatabase *
get_db (HdCalendarView *self)
{
  return self->context != NULL ? hd_context_get_database (self->context) : NULL;
}

static GTimeZone *
get_tz (HdCalendarView *self)
{
  return hd_terms_get_time_zone (self->terms);
}

/* The context's clock: fixed in tests and demonstrations, the real time otherwise */
static gint64
now_seconds (HdCalendarView *self)
{
  return self->context != NULL ? hd_context_get_now (self->context) : g_get_real_time () / G_USEC_PER_SEC;
}

static gint64
day_start (HdCalendarView *self,
           const GDate    *day)
{
  g_autoptr(GDateTime) dt = g_date_time_new (get_tz (self), g_date_get_year (day), g_date_get_month (day),
                                             g_date_get_day (day), 0, 0, 0);

  return g_date_time_to_unix (dt);
}

static GDateTime *
local_time (HdCalendarView *self,
            gint64          instant)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (instant);

  return g_date_time_to_timezone (utc, get_tz (self));
}

static char *
format_day (HdCalendarView *self,
            const GDate    *day,
            const char     *format)
{
  g_autoptr(GDateTime) dt = g_date_time_new (get_tz (self), g_date_get_year (day), g_date_get_month (day),
                                             g_date_get_day (day), 12, 0, 0);

  return g_date_time_format (dt, format);
}

static void
week_monday (const GDate *day,
             GDate       *monday)
{
  *monday = *day;
  g_date_subtract_days (monday, g_date_get_weekday (day) - G_DATE_MONDAY);
}

static void
show_message (HdCalendarView *self,
              const char     *heading,
              const char     *body)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The context's calendar (shared with onboarding, so its overrides are the same) */
static gboolean
ensure_calendar (HdCalendarView *self)
{
  g_autoptr(GError) error = NULL;
  HdDatabase *db = get_db (self);

  if (self->terms != NULL)
    return TRUE;
  if (db == NULL)
    return FALSE;

  self->workdays = hd_context_get_workdays (self->context, &error);
  if (self->workdays == NULL)
    {
      g_warning ("No production calendar, the calendar view stays empty: %s", error->message);
      return FALSE;
    }
  self->terms = hd_terms_new_from_database (db, self->workdays, &error);
  if (self->terms == NULL)
    {
      g_warning ("No working hours: %s", error->message);
      self->workdays = NULL;
      return FALSE;
    }
  g_signal_connect_object (self->workdays, "changed", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  hd_date_set_today (&self->date, get_tz (self));
  return TRUE;
}

static void
update_actions (HdCalendarView *self)
{
  gboolean ready = self->terms != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "calendar.book", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "calendar.walk-in", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "calendar.today", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "calendar.previous", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "calendar.next", ready);
}

/* ---------------------------------------------------------------------------------------- */
/* Week                                                                                      */

static void
load_week (HdCalendarView *self)
{
  g_autoptr(GPtrArray) days = g_ptr_array_new_with_free_func ((GDestroyNotify) hd_day_availability_free);
  g_autoptr(GPtrArray) appointments = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *title = NULL;
  HdDatabase *db = get_db (self);
  GDate monday, sunday, day;
  int first = hd_terms_get_work_start (self->terms), last = hd_terms_get_work_end (self->terms);

  week_monday (&self->date, &monday);
  for (int i = 0; i < 7; i++)
    {
      HdDayAvailability *avail;

      day = monday;
      g_date_add_days (&day, i);
      avail = hd_availability_get_day (db, self->workdays, self->terms, &day, &error);
      if (avail == NULL)
        {
          g_warning ("Day not read: %s", error->message);
          return;
        }
      g_ptr_array_add (days, avail);
    }
  day = monday;
  g_date_add_days (&day, 7);
  appointments = hd_appointment_store_list_between (db, day_start (self, &monday), day_start (self, &day),
                                                    &error);
  if (appointments == NULL)
    {
      g_warning ("Consultations not read: %s", error->message);
      return;
    }

  /* Whole hours around the working time */
  hd_week_view_set_now (self->week_view, now_seconds (self));
  hd_week_view_set_week (self->week_view, get_tz (self), days, appointments,
                         first / 60 * 60, (last + 59) / 60 * 60,
                         hd_availability_get_slot_minutes (db));

  sunday = monday;
  g_date_add_days (&sunday, 6);
  /* «15–21 февраля 2027», or «30 ноября – 6 декабря 2026» across two months */
  from = format_day (self, &monday, g_date_get_month (&monday) == g_date_get_month (&sunday) ? "%-d" : "%-d %B");
  to = format_day (self, &sunday, "%-d %B %Y");
  if (g_date_get_month (&monday) == g_date_get_month (&sunday))
    title = g_strdup_printf ("%s–%s", from, to);
  else
    /* Translators: a week, «30 ноября – 6 декабря 2026» */
    title = g_strdup_printf (_("%s – %s"), from, to);
  gtk_label_set_text (self->title_label, title);
}

/* ---------------------------------------------------------------------------------------- */
/* Day agenda                                                                                */

static GtkWidget *
status_menu_button (HdAppointment *a)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  GtkWidget *button = gtk_menu_button_new ();
  gint64 id = hd_appointment_get_id (a);
  const struct { const char *label; const char *action; } items[] = {
    { N_("Move…"), "calendar.reschedule" },
    { N_("Did not come"), "calendar.no-show" },
    { N_("Cancelled by the visitor"), "calendar.cancel-requester" },
    { N_("Cancelled by the consultant"), "calendar.cancel-consultant" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(items[i].label), NULL);

      g_menu_item_set_action_and_target_value (item, items[i].action, g_variant_new_int64 (id));
      g_menu_append_item (menu, item);
    }
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_widget_set_tooltip_text (button, _("Move or other outcomes"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Move or other outcomes"), -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static GtkWidget *
agenda_row (HdCalendarView *self,
            HdAppointment  *a)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GDateTime) from = local_time (self, hd_appointment_get_starts_at (a));
  g_autoptr(GDateTime) to = local_time (self, hd_appointment_get_ends_at (a));
  g_autofree char *t0 = g_date_time_format (from, "%H:%M");
  g_autofree char *t1 = g_date_time_format (to, "%H:%M");
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *status_text = NULL;
  const char *extra = hd_appointment_get_outcome (a);
  int status = hd_appointment_get_status (a);

  if (extra == NULL || *extra == '\0')
    extra = hd_appointment_get_notes (a);
  /* A moved consultation says where to: «Перенесена на 26 ноября, 10:00» */
  if (status == HD_APPOINTMENT_RESCHEDULED && hd_appointment_get_rescheduled_to (a) > 0)
    {
      g_autoptr(HdAppointment) moved = hd_appointment_store_get (get_db (self), hd_appointment_get_rescheduled_to (a),
                                                                 NULL);

      if (moved != NULL)
        {
          g_autoptr(GDateTime) when = local_time (self, hd_appointment_get_starts_at (moved));
          g_autofree char *date = g_date_time_format (when, "%-d %B, %H:%M");

          /* Translators: %s is the new date and time, «26 ноября, 10:00» */
          status_text = g_strdup_printf (_("Moved to %s"), date);
        }
    }
  if (status_text == NULL)
    status_text = g_strdup (hd_enum_label (HD_ENUM_APPOINTMENT_STATUS, status));
  /* Translators: a consultation in the day's list: «10:00–10:30 · Лебедева Ирина» */
  title = g_markup_printf_escaped (_("%s–%s · %s"), t0, t1,
                                   hd_appointment_get_person_name (a) != NULL ? hd_appointment_get_person_name (a) : "");
  subtitle = g_markup_printf_escaped ("%s · %s · %s%s%s%s",
                                      hd_enum_label (HD_ENUM_TOPIC, hd_appointment_get_topic (a)),
                                      hd_enum_label (HD_ENUM_APPOINTMENT_MODE, hd_appointment_get_mode (a)),
                                      status_text,
                                      hd_appointment_get_walk_in (a) ? _(" (without booking)") : "",
                                      extra != NULL && *extra != '\0' ? " · " : "",
                                      extra != NULL ? extra : "");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);

  if (status == HD_APPOINTMENT_SCHEDULED)
    {
      GtkWidget *held = gtk_button_new_with_label (_("Held…"));

      gtk_widget_set_valign (held, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (held), "calendar.mark-held");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (held),
                                              g_variant_new_int64 (hd_appointment_get_id (a)));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), held);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), status_menu_button (a));
    }
  else
    gtk_widget_add_css_class (row, status == HD_APPOINTMENT_HELD ? "success" : "dim-label");
  return row;
}

static void
load_day (HdCalendarView *self)
{
  g_autoptr(HdDayAvailability) avail = NULL;
  g_autoptr(GPtrArray) appointments = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *date = format_day (self, &self->date, "%A, %-d %B %Y");
  g_autoptr(GString) heading = g_string_new (date);
  HdDatabase *db = get_db (self);
  GtkWidget *child;
  GDate next = self->date;

  gtk_label_set_text (self->title_label, date);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->agenda))) != NULL)
    gtk_list_box_remove (self->agenda, child);

  avail = hd_availability_get_day (db, self->workdays, self->terms, &self->date, &error);
  if (avail == NULL)
    return;
  g_date_add_days (&next, 1);
  appointments = hd_appointment_store_list_between (db, day_start (self, &self->date),
                                                    day_start (self, &next), &error);
  if (appointments == NULL)
    return;

  if (!avail->open)
    g_string_append_printf (heading, " — %s", avail->description != NULL ? avail->description
                                                                          : _("a day off"));
  else
    {
      g_autoptr(GDateTime) w0 = local_time (self, avail->work_start);
      g_autoptr(GDateTime) w1 = local_time (self, avail->work_end);
      g_autofree char *t0 = g_date_time_format (w0, "%H:%M");
      g_autofree char *t1 = g_date_time_format (w1, "%H:%M");

      /* Translators: working hours of the day, «работа 08:00–16:00» */
      g_string_append_printf (heading, _(" — working hours %s–%s"), t0, t1);
      for (guint i = 0; i < avail->reception->len; i++)
        {
          HdReceptionInterval *r = &g_array_index (avail->reception, HdReceptionInterval, i);
          g_autoptr(GDateTime) r0 = local_time (self, r->start);
          g_autoptr(GDateTime) r1 = local_time (self, r->end);
          g_autofree char *s0 = g_date_time_format (r0, "%H:%M");
          g_autofree char *s1 = g_date_time_format (r1, "%H:%M");

          /* Translators: reception hours and place, «приём 14:00–17:00, каб. 12» */
          g_string_append_printf (heading, _(", reception %s–%s %s"), s0, s1, r->place != NULL ? r->place : "");
        }
      if (avail->description != NULL)
        g_string_append_printf (heading, " (%s)", avail->description);
    }
  gtk_label_set_text (self->day_label, heading->str);

  if (appointments->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No consultations on this day"));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->agenda, row);
    }
  for (guint i = 0; i < appointments->len; i++)
    gtk_list_box_append (self->agenda, agenda_row (self, g_ptr_array_index (appointments, i)));
}

/* ---------------------------------------------------------------------------------------- */
/* Month                                                                                     */

static void
month_day_clicked_cb (HdCalendarView *self,
                      GtkButton      *button)
{
  guint julian = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "julian"));

  g_date_set_julian (&self->date, julian);
  gtk_stack_set_visible_child_name (self->stack, "day");
}

static void
load_month (HdCalendarView *self)
{
  g_autoptr(GPtrArray) appointments = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = format_day (self, &self->date, "%OB %Y");
  HdDatabase *db = get_db (self);
  GtkWidget *child;
  GDate first, start, end;
  guint counts[42] = { 0, };

  gtk_label_set_text (self->title_label, title);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->month_grid))) != NULL)
    gtk_grid_remove (self->month_grid, child);

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, g_date_get_month (&self->date), g_date_get_year (&self->date));
  week_monday (&first, &start);
  end = start;
  g_date_add_days (&end, 42);

  appointments = hd_appointment_store_list_between (db, day_start (self, &start), day_start (self, &end),
                                                    &error);
  for (guint i = 0; appointments != NULL && i < appointments->len; i++)
    {
      HdAppointment *a = g_ptr_array_index (appointments, i);
      GDate d;
      int index;

      if (!hd_booking_is_blocking (hd_appointment_get_status (a)))
        continue;
      hd_date_set_unix (&d, hd_appointment_get_starts_at (a), get_tz (self));
      index = g_date_days_between (&start, &d);
      if (index >= 0 && index < 42)
        counts[index]++;
    }

  for (int i = 0; i < 7; i++)
    {
      GDate d = start;
      g_autofree char *name = NULL;
      GtkWidget *label;

      g_date_add_days (&d, i);
      name = format_day (self, &d, "%a");
      label = gtk_label_new (name);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_grid_attach (self->month_grid, label, i, 0, 1, 1);
    }

  for (int i = 0; i < 42; i++)
    {
      GDate d = start;
      GtkWidget *button, *box, *number, *count;
      g_autofree char *text = NULL;
      g_autofree char *count_text = NULL;
      gboolean open;

      g_date_add_days (&d, i);
      open = hd_workdays_is_working_day (self->workdays, &d);
      text = g_strdup_printf ("%d", g_date_get_day (&d));
      if (counts[i] > 0)
        count_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u consultation", "%u consultations",
                                                   counts[i]),
                                      counts[i]);
      else
        count_text = g_strdup (open ? "" : C_("calendar", "day off"));

      box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      number = gtk_label_new (text);
      gtk_widget_add_css_class (number, "title-4");
      count = gtk_label_new (count_text);
      gtk_widget_add_css_class (count, "caption");
      gtk_box_append (GTK_BOX (box), number);
      gtk_box_append (GTK_BOX (box), count);

      button = gtk_button_new ();
      gtk_button_set_child (GTK_BUTTON (button), box);
      g_object_set_data (G_OBJECT (button), "julian", GUINT_TO_POINTER (g_date_get_julian (&d)));
      g_signal_connect_swapped (button, "clicked", G_CALLBACK (month_day_clicked_cb), self);
      if (g_date_get_month (&d) != g_date_get_month (&self->date) || !open)
        gtk_widget_add_css_class (button, "dim-label");
      if (g_date_compare (&d, &self->date) == 0)
        gtk_widget_add_css_class (button, "suggested-action");
      else
        gtk_widget_add_css_class (button, "flat");
      if (counts[i] > 0)
        {
          g_autofree char *a11y = g_strdup_printf ("%s, %s", text, count_text);

          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
        }
      gtk_grid_attach (self->month_grid, button, i % 7, 1 + i / 7, 1, 1);
    }
}

/* ---------------------------------------------------------------------------------------- */

/* Consultations now on closed days (after the school closed one) are listed, each with a
 * button to move it */
static void
check_closed_days (HdCalendarView *self)
{
  g_autoptr(GPtrArray) closed = NULL;
  g_autofree char *text = NULL;
  gint64 now = now_seconds (self);
  GtkWidget *child;

  closed = hd_booking_list_on_closed_days (get_db (self), self->terms, now,
                                           now + (gint64) hd_availability_get_horizon_days (get_db (self)) * 86400,
                                           NULL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->closed_list))) != NULL)
    gtk_list_box_remove (self->closed_list, child);
  if (closed == NULL || closed->len == 0)
    {
      gtk_revealer_set_reveal_child (self->closed_revealer, FALSE);
      return;
    }

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u consultation falls on a day that is now closed; move it to another day:",
                                       "%u consultations fall on days that are now closed; move them to other days:",
                                       closed->len),
                          closed->len);
  gtk_label_set_text (self->closed_label, text);
  for (guint i = 0; i < closed->len; i++)
    {
      HdAppointment *a = g_ptr_array_index (closed, i);
      g_autoptr(GDateTime) when = local_time (self, hd_appointment_get_starts_at (a));
      g_autofree char *date = g_date_time_format (when, "%A, %-d %B, %H:%M");
      g_autofree char *name = g_markup_escape_text (hd_appointment_get_person_name (a) != NULL
                                                    ? hd_appointment_get_person_name (a) : "", -1);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *move = gtk_button_new_with_label (_("Move…"));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), date);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), name);
      gtk_widget_set_valign (move, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (move),
                                              g_variant_new_int64 (hd_appointment_get_id (a)));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (move), "calendar.reschedule");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), move);
      gtk_list_box_append (self->closed_list, row);
    }
  gtk_revealer_set_reveal_child (self->closed_revealer, TRUE);
}

static void
reload (HdCalendarView *self)
{
  const char *page;
  gint64 t0 = g_get_monotonic_time ();

  if (!ensure_calendar (self))
    {
      update_actions (self);
      return;
    }
  update_actions (self);

  page = gtk_stack_get_visible_child_name (self->stack);
  if (g_strcmp0 (page, "day") == 0)
    load_day (self);
  else if (g_strcmp0 (page, "month") == 0)
    load_month (self);
  else
    load_week (self);
  check_closed_days (self);
  self->last_load_ms = (g_get_monotonic_time () - t0) / 1000.0;
}

static void
move_by (HdCalendarView *self,
         int             direction)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  if (!g_date_valid (&self->date))
    return;
  if (g_strcmp0 (page, "day") == 0)
    {
      if (direction > 0)
        g_date_add_days (&self->date, 1);
      else
        g_date_subtract_days (&self->date, 1);
    }
  else if (g_strcmp0 (page, "month") == 0)
    {
      if (direction > 0)
        g_date_add_months (&self->date, 1);
      else
        g_date_subtract_months (&self->date, 1);
    }
  else if (direction > 0)
    g_date_add_days (&self->date, 7);
  else
    g_date_subtract_days (&self->date, 7);
  reload (self);
}

/* ---------------------------------------------------------------------------------------- */
/* Booking                                                                                   */

static void
booked_cb (HdCalendarView *self)
{
  reload (self);
}

static void
open_booking (HdCalendarView *self,
              gint64          starts_at,
              gboolean        walk_in)
{
  HdBookingDialog *dialog;
  GtkRoot *root;

  if (!ensure_calendar (self))
    return;
  dialog = hd_booking_dialog_new (self->context, self->workdays, self->terms, starts_at, walk_in);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  g_signal_connect_object (dialog, "booked", G_CALLBACK (booked_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gint64
default_start (HdCalendarView *self)
{
  g_autoptr(GPtrArray) slots = NULL;
  gint64 selected = hd_week_view_get_selected_start (self->week_view);

  if (selected > now_seconds (self))
    return selected;
  /* Nothing chosen: the first free slot from now */
  slots = hd_booking_find_free_slots (get_db (self), self->workdays, self->terms, now_seconds (self), 0,
                                      hd_availability_get_slot_minutes (get_db (self)), 1, now_seconds (self), NULL);
  if (slots != NULL && slots->len > 0)
    return ((HdSlot *) g_ptr_array_index (slots, 0))->starts_at;
  return now_seconds (self);
}

static void
slot_activated_cb (HdCalendarView *self,
                   gint64          starts_at)
{
  open_booking (self, starts_at, FALSE);
}

static void
appointment_activated_cb (HdCalendarView *self,
                          gint64          id)
{
  g_autoptr(HdAppointment) a = hd_appointment_store_get (get_db (self), id, NULL);

  if (a == NULL)
    return;
  hd_date_set_unix (&self->date, hd_appointment_get_starts_at (a), get_tz (self));
  gtk_stack_set_visible_child_name (self->stack, "day");
}

static void
move_week_cb (HdCalendarView *self,
              int             delta)
{
  move_by (self, delta);
}

/* A training booked from the onboarding tracker shows when the calendar is shown again */
static void
map_cb (HdCalendarView *self)
{
  if (self->terms != NULL)
    reload (self);
}

static void
page_changed_cb (HdCalendarView *self)
{
  if (self->terms != NULL)
    reload (self);
}

static void
date_picked_cb (HdCalendarView *self)
{
  g_autoptr(GDateTime) picked = gtk_calendar_get_date (self->date_picker);

  g_date_clear (&self->date, 1);
  g_date_set_dmy (&self->date, g_date_time_get_day_of_month (picked), g_date_time_get_month (picked),
                  g_date_time_get_year (picked));
  gtk_popover_popdown (self->date_popover);
  reload (self);
}

/* ---------------------------------------------------------------------------------------- */
/* After the consultation                                                                    */

static void
held_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  HdCalendarView   *self)
{
  g_autoptr(GError) error = NULL;
  GtkEditable *outcome_entry = g_object_get_data (G_OBJECT (dialog), "outcome");
  GtkCheckButton *resolved_check = g_object_get_data (G_OBJECT (dialog), "resolved");
  GtkWidget *checklist = g_object_get_data (G_OBJECT (dialog), "checklist");
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "appointment-id");
  g_autoptr(HdAppointment) a = NULL;
  const char *outcome;
  gboolean pending = FALSE, done;
  int request_status = -1;

  if (g_strcmp0 (response, "held") != 0)
    return;

  outcome = gtk_editable_get_text (outcome_entry);
  a = hd_appointment_store_get (get_db (self), id, NULL);
  if (a != NULL && hd_appointment_get_request_id (a) > 0)
    request_status = gtk_check_button_get_active (resolved_check) ? HD_STATUS_RESOLVED : HD_STATUS_IN_PROGRESS;

  if (a != NULL && hd_appointment_get_newcomer_id (a) > 0 && request_status < 0)
    {
      guint ticked = 0;

      /* A training: the items ticked in the dialog go to the newcomer's checklist with it */
      for (GtkWidget *c = checklist != NULL ? gtk_widget_get_first_child (checklist) : NULL; c != NULL;
           c = gtk_widget_get_next_sibling (c))
        if (GTK_IS_CHECK_BUTTON (c) && gtk_check_button_get_active (GTK_CHECK_BUTTON (c)))
          ticked |= GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (c), "item-bit"));
      done = hd_booking_mark_training_held (get_db (self), self->workdays, self->terms, id, outcome, ticked,
                                            &pending, &error);
    }
  else
    done = hd_booking_mark_held (get_db (self), self->workdays, self->terms, id, outcome, request_status,
                                 request_status == HD_STATUS_RESOLVED ? outcome : NULL, &pending, &error);
  if (!done)
    show_message (self, _("The consultation was not marked held"), error->message);
  else if (pending)
    show_message (self, _("Training not marked done"),
                  _("The consultation is held, but the checklist of the training still misses mandatory "
                    "items. Tick them in the new employee’s card on the Onboarding page."));
  reload (self);
}

static void
mark_held_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HdCalendarView *self = HD_CALENDAR_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog, *box, *entry, *check;
  g_autoptr(HdAppointment) a = NULL;
  g_autoptr(HdNewcomer) newcomer = NULL;
  gint64 *id = g_new (gint64, 1);

  *id = g_variant_get_int64 (parameter);
  a = hd_appointment_store_get (get_db (self), *id, NULL);
  if (a != NULL && hd_appointment_get_newcomer_id (a) > 0)
    newcomer = hd_newcomer_store_get (get_db (self), hd_appointment_get_newcomer_id (a), NULL);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Consultation Held"),
                                   newcomer != NULL
                                   ? _("What was covered? It is kept with the consultation, and the "
                                       "training is marked done in the new employee’s card.")
                                   : _("What was the outcome? It is kept with the consultation and, when the "
                                       "request is resolved, becomes its resolution."));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Outcome, the answer given"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  check = gtk_check_button_new_with_label (_("The request is resolved"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), check);
  gtk_widget_set_visible (check, a == NULL || hd_appointment_get_request_id (a) > 0);

  /* A training is done only with the mandatory items of the checklist: ask for the missing */
  if (newcomer != NULL && (hd_newcomer_get_trained_on (newcomer) == NULL ||
                           *hd_newcomer_get_trained_on (newcomer) == '\0'))
    {
      guint mandatory = hd_newcomer_store_get_mandatory (get_db (self)) & HD_CHECKLIST_ALL;
      guint have = hd_newcomer_get_checklist (newcomer);

      if ((have & mandatory) != mandatory)
        {
          GtkWidget *items = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
          GtkWidget *label = gtk_label_new (_("The training is marked done when these items are covered. "
                                              "Tick what was covered:"));

          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_box_append (GTK_BOX (box), label);
          for (HdChecklistItem i = 0; i < HD_N_CHECKLIST_ITEMS; i++)
            {
              GtkWidget *item;

              if ((have & HD_CHECKLIST_BIT (i)) != 0)
                continue;
              if ((mandatory & HD_CHECKLIST_BIT (i)) != 0)
                {
                  /* Translators: a checklist item that must be ticked, «Расписание (обязательно)» */
                  g_autofree char *text = g_strdup_printf (_("%s (required)"), hd_checklist_item_label (i));

                  item = gtk_check_button_new_with_label (text);
                }
              else
                item = gtk_check_button_new_with_label (hd_checklist_item_label (i));
              g_object_set_data (G_OBJECT (item), "item-bit", GUINT_TO_POINTER (HD_CHECKLIST_BIT (i)));
              gtk_box_append (GTK_BOX (items), item);
            }
          gtk_box_append (GTK_BOX (box), items);
          g_object_set_data (G_OBJECT (dialog), "checklist", items);
        }
    }
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "held", _("_Mark Held"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "held", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "held");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "outcome", entry);
  g_object_set_data (G_OBJECT (dialog), "resolved", check);
  g_object_set_data_full (G_OBJECT (dialog), "appointment-id", id, g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (held_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
rescheduled_cb (HdCalendarView *self,
                gint64          id)
{
  reload (self);
}

/* «Перенести»: the free times nearest to it, or a date and time typed */
static void
reschedule_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  HdCalendarView *self = HD_CALENDAR_VIEW (widget);
  HdSlotDialog *dialog;
  GtkRoot *root;

  if (!ensure_calendar (self))
    return;
  dialog = hd_slot_dialog_new_reschedule (self->context, self->workdays, self->terms,
                                          g_variant_get_int64 (parameter));
  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  g_signal_connect_object (dialog, "booked", G_CALLBACK (rescheduled_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
set_status (HdCalendarView      *self,
            GVariant            *parameter,
            HdAppointmentStatus  status)
{
  g_autoptr(GError) error = NULL;

  if (!hd_booking_set_status (get_db (self), g_variant_get_int64 (parameter), status, NULL, &error))
    show_message (self, _("The consultation was not changed"), error->message);
  reload (self);
}

static void
status_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HdCalendarView *self = HD_CALENDAR_VIEW (widget);

  if (g_str_equal (action_name, "calendar.no-show"))
    set_status (self, parameter, HD_APPOINTMENT_NO_SHOW);
  else if (g_str_equal (action_name, "calendar.cancel-requester"))
    set_status (self, parameter, HD_APPOINTMENT_CANCELLED_REQUESTER);
  else
    set_status (self, parameter, HD_APPOINTMENT_CANCELLED_CONSULTANT);
}

static void
navigate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  HdCalendarView *self = HD_CALENDAR_VIEW (widget);

  if (!ensure_calendar (self))
    return;
  if (g_str_equal (action_name, "calendar.today"))
    {
      hd_date_set_today (&self->date, get_tz (self));
      reload (self);
    }
  else
    move_by (self, g_str_equal (action_name, "calendar.next") ? 1 : -1);
}

static void
book_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HdCalendarView *self = HD_CALENDAR_VIEW (widget);

  /* Ctrl+N is shared with the journal: act only when this page is shown */
  if (!gtk_widget_get_mapped (widget) || !ensure_calendar (self))
    return;
  if (g_str_equal (action_name, "calendar.walk-in"))
    open_booking (self, 0, TRUE);
  else
    open_booking (self, default_start (self), FALSE);
}

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    HdCalendarView  *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  g_autofree char *zone = NULL;
  GDate from, to;
  guint n = 0;

  if (response == GTK_RESPONSE_ACCEPT && get_db (self) != NULL && self->terms != NULL)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      zone = hd_context_get_setting (self->context, HD_SETTING_TIME_ZONE);
      if (zone == NULL || *zone == '\0' || (tz = g_time_zone_new_identifier (zone)) == NULL)
        {
          g_free (zone);
          zone = g_strdup (HD_TERMS_DEFAULT_TIME_ZONE);
        }
      /* The same range as --export-ics: a year back to the end of the booking horizon */
      hd_date_set_today (&from, get_tz (self));
      g_date_subtract_years (&from, 1);
      hd_date_set_today (&to, get_tz (self));
      g_date_add_days (&to, hd_availability_get_horizon_days (get_db (self)) + 1);
      if (!hd_ics_export_file (get_db (self), get_tz (self), zone, day_start (self, &from),
                               day_start (self, &to), file, &n, &error))
        show_message (self, _("The consultations were not exported"), error->message);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HdCalendarView *self = HD_CALENDAR_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;

  if (!ensure_calendar (self))
    return;
  chooser = gtk_file_chooser_native_new (_("Export Consultations"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  /* Translators: the suggested file name of the exported consultations */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("consultations.ics"));
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The agenda of the day shown, or of its week, on paper or in a PDF (hd-agenda-print.c) */
static void
print_agenda_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  HdCalendarView *self = HD_CALENDAR_VIEW (widget);

  if (!ensure_calendar (self))
    return;
  hd_agenda_print_activate (widget, get_db (self), self->workdays, &self->date, action_name, parameter);
}

/* ---------------------------------------------------------------------------------------- */
/* Reminders                                                                                 */

static gboolean
remind_cb (gpointer user_data)
{
  HdCalendarView *self = user_data;
  g_autoptr(GPtrArray) soon = NULL;
  GApplication *app = g_application_get_default ();
  gint64 now = now_seconds (self);

  if (app == NULL || get_db (self) == NULL || self->terms == NULL)
    return G_SOURCE_CONTINUE;
  soon = hd_appointment_store_list_between (get_db (self), now, now + REMIND_SECONDS + 1, NULL);
  for (guint i = 0; soon != NULL && i < soon->len; i++)
    {
      HdAppointment *a = g_ptr_array_index (soon, i);
      gint64 id = hd_appointment_get_id (a);
      g_autoptr(GNotification) notification = NULL;
      g_autoptr(GDateTime) when = NULL;
      g_autofree char *time = NULL;
      g_autofree char *title = NULL;
      g_autofree char *body = NULL;
      g_autofree char *notification_id = NULL;

      if (hd_appointment_get_status (a) != HD_APPOINTMENT_SCHEDULED ||
          hd_appointment_get_starts_at (a) < now ||
          g_hash_table_contains (self->reminded, &id))
        continue;
      g_hash_table_add (self->reminded, g_memdup2 (&id, sizeof id));

      when = local_time (self, hd_appointment_get_starts_at (a));
      time = g_date_time_format (when, "%H:%M");
      /* Translators: %s is a time, «14:30» */
      title = g_strdup_printf (_("Consultation at %s"), time);
      /* Translators: a person's name and the topic */
      body = g_strdup_printf (_("%s — %s"),
                              hd_appointment_get_person_name (a) != NULL ? hd_appointment_get_person_name (a) : "",
                              hd_enum_label (HD_ENUM_TOPIC, hd_appointment_get_topic (a)));
      notification = g_notification_new (title);
      g_notification_set_body (notification, body);
      notification_id = g_strdup_printf ("appointment-%" G_GINT64_FORMAT, id);
      g_application_send_notification (app, notification_id, notification);
    }
  return G_SOURCE_CONTINUE;
}

/* ---------------------------------------------------------------------------------------- */

static void
hd_calendar_view_dispose (GObject *object)
{
  HdCalendarView *self = HD_CALENDAR_VIEW (object);

  g_clear_handle_id (&self->remind_source, g_source_remove);
  /* Without terms nothing reloads while the stack takes its pages apart */
  g_clear_object (&self->terms);
  self->workdays = NULL;
  g_clear_object (&self->context);
  /* AdwBin unparents its child itself: take it away first, or dispose_template() leaves
   * the bin a dangling pointer to it (libadwaita 1.2) */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HD_TYPE_CALENDAR_VIEW);
  g_clear_pointer (&self->reminded, g_hash_table_unref);

  G_OBJECT_CLASS (hd_calendar_view_parent_class)->dispose (object);
}

static void
hd_calendar_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  HdCalendarView *self = HD_CALENDAR_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_calendar_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  HdCalendarView *self = HD_CALENDAR_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      hd_calendar_view_set_context (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_calendar_view_class_init (HdCalendarViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hd_calendar_view_dispose;
  object_class->get_property = hd_calendar_view_get_property;
  object_class->set_property = hd_calendar_view_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         HD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (HD_TYPE_WEEK_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/calendar/hd-calendar-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HdCalendarView, week_view);
  gtk_widget_class_bind_template_child (widget_class, HdCalendarView, stack);
  gtk_widget_class_bind_template_child (widget_class, HdCalendarView, title_label);
  gtk_widget_class_bind_template_child (widget_class, HdCalendarView, date_picker);
  gtk_widget_class_bind_template_child (widget_class, HdCalendarView, date_popover);
  gtk_widget_class_bind_template_child (widget_class, HdCalendarView, agenda);
  gtk_widget_class_bind_template_child (widget_class, HdCalendarView, day_label);
  gtk_widget_class_bind_template_child (widget_class, HdCalendarView, month_grid);
  gtk_widget_class_bind_template_child (widget_class, HdCalendarView, closed_revealer);
  gtk_widget_class_bind_template_child (widget_class, HdCalendarView, closed_label);
  gtk_widget_class_bind_template_child (widget_class, HdCalendarView, closed_list);
  gtk_widget_class_bind_template_callback (widget_class, slot_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, appointment_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, move_week_cb);
  gtk_widget_class_bind_template_callback (widget_class, page_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_picked_cb);

  gtk_widget_class_install_action (widget_class, "calendar.book", NULL, book_action);
  gtk_widget_class_install_action (widget_class, "calendar.walk-in", NULL, book_action);
  gtk_widget_class_install_action (widget_class, "calendar.today", NULL, navigate_action);
  gtk_widget_class_install_action (widget_class, "calendar.previous", NULL, navigate_action);
  gtk_widget_class_install_action (widget_class, "calendar.next", NULL, navigate_action);
  gtk_widget_class_install_action (widget_class, "calendar.export-ics", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "calendar.print-agenda", "s", print_agenda_action);
  gtk_widget_class_install_action (widget_class, "calendar.print-agenda-dialog", "s", print_agenda_action);
  gtk_widget_class_install_action (widget_class, "calendar.export-agenda", "(ss)", print_agenda_action);
  gtk_widget_class_install_action (widget_class, "calendar.mark-held", "x", mark_held_action);
  gtk_widget_class_install_action (widget_class, "calendar.reschedule", "x", reschedule_action);
  gtk_widget_class_install_action (widget_class, "calendar.no-show", "x", status_action);
  gtk_widget_class_install_action (widget_class, "calendar.cancel-requester", "x", status_action);
  gtk_widget_class_install_action (widget_class, "calendar.cancel-consultant", "x", status_action);
}

static void
hd_calendar_view_init (HdCalendarView *self)
{
  GtkEventController *controller;
  GtkShortcut *shortcut;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->reminded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_date_clear (&self->date, 1);
  update_actions (self);

  /* Ctrl+N books wherever the focus is while the calendar is shown (book_action checks) */
  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_MANAGED);
  shortcut = gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>n"),
                               gtk_named_action_new ("calendar.book"));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  self->remind_source = g_timeout_add_seconds (REMIND_CHECK_SECONDS, remind_cb, self);
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
}

HdContext *
hd_calendar_view_get_context (HdCalendarView *self)
{
  g_return_val_if_fail (HD_IS_CALENDAR_VIEW (self), NULL);
  return self->context;
}

void
hd_calendar_view_set_context (HdCalendarView *self,
                              HdContext      *context)
{
  g_return_if_fail (HD_IS_CALENDAR_VIEW (self));
  g_return_if_fail (context == NULL || HD_IS_CONTEXT (context));

  if (!g_set_object (&self->context, context))
    return;
  g_clear_object (&self->terms);
  self->workdays = NULL;
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

/**
 * hd_calendar_view_go_to:
 * @date: a valid date
 * @page: (nullable): "week", "day" or "month"; %NULL keeps the page
 *
 * Shows @date (for tests, and for other views that link to a day).
 */
void
hd_calendar_view_go_to (HdCalendarView *self,
                        const GDate    *date,
                        const char     *page)
{
  g_return_if_fail (HD_IS_CALENDAR_VIEW (self));
  g_return_if_fail (date != NULL && g_date_valid (date));

  self->date = *date;
  if (page != NULL && g_strcmp0 (page, gtk_stack_get_visible_child_name (self->stack)) != 0)
    gtk_stack_set_visible_child_name (self->stack, page);   /* reloads */
  else
    reload (self);
}

/**
 * hd_calendar_view_get_week_view:
 *
 * Returns: (transfer none): the week widget
 */
HdWeekView *
hd_calendar_view_get_week_view (HdCalendarView *self)
{
  g_return_val_if_fail (HD_IS_CALENDAR_VIEW (self), NULL);
  return self->week_view;
}

/**
 * hd_calendar_view_get_last_load_ms:
 *
 * Returns: how long the last reload took (queries and building the page), in milliseconds
 */
double
hd_calendar_view_get_last_load_ms (HdCalendarView *self)
{
  g_return_val_if_fail (HD_IS_CALENDAR_VIEW (self), 0);
  return self->last_load_ms;
}
