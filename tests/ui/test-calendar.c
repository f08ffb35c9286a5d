/* test-calendar.c — the calendar of consultations, in Russian, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Books a consultation by clicking a free slot of the week view (the first working weekday
 * after tomorrow, 10:00), tries a conflicting one 10 minutes later with Ctrl+N's action and
 * sees the refusal with three suggested slots, books one of them, records a visitor received
 * without booking on the last working day before today (in the reception hours), marks the
 * first consultation held from the day's agenda, moves the second one (a refused time first,
 * then one of the nearest free times: the old one stays as «перенесена», the new one is in the
 * week), closes the new day and moves it again from the list of bookings on closed days, and
 * checks the database after each step.
 * Screenshots of the week (light and dark), the day and the month, and of the refusal, go to
 * $HD_SCREENSHOT_DIR. The dates are relative to today, so the walk runs on any day.
 *
 * gtk_test_init() is not used: it switches the locale to en_US.
 */
#include "config.h"

#include "hd-test-ui.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "hd-appointment-store.h"
#include "hd-application.h"
#include "hd-database-private.h"
#include "hd-date.h"
#include "hd-person-store.h"
#include "hd-reception-hours.h"
#include "hd-request-store.h"
#include "hd-terms.h"
#include "hd-window.h"
#include "calendar/hd-booking-dialog.h"
#include "calendar/hd-calendar-view.h"
#include "calendar/hd-slot-dialog.h"
#include "calendar/hd-week-view.h"
#include "onboarding/hd-onboarding-common.h"

typedef void (*StepFunc) (HdApplication *app);

typedef struct {
  StepFunc  step;
  gboolean  started;
} Walk;


/* ---------------------------------------------------------------------------------------- */
/* Helpers (the pattern of test-window.c)                                                    */




/* A mapped row whose subtitle contains @text */
static GtkWidget *
find_row_saying (GtkWidget  *root,
                 const char *text)
{
  if (!gtk_widget_get_mapped (root))
    return NULL;
  if (ADW_IS_ACTION_ROW (root) && adw_action_row_get_subtitle (ADW_ACTION_ROW (root)) != NULL &&
      strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (root)), text) != NULL)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row_saying (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static HdSlotDialog *
wait_for_slot_dialog (void)
{
  HdSlotDialog *dialog = HD_SLOT_DIALOG (find_toplevel (HD_TYPE_SLOT_DIALOG));

  g_assert_nonnull (dialog);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  return dialog;
}

/* ---------------------------------------------------------------------------------------- */
/* The walk                                                                                  */

static GTimeZone *
school_tz (void)
{
  return g_time_zone_new_identifier (HD_TERMS_DEFAULT_TIME_ZONE);
}

static gint64
at (const GDate *day,
    int          hour,
    int          minute)
{
  g_autoptr(GTimeZone) tz = school_tz ();
  g_autoptr(GDateTime) dt = g_date_time_new (tz, g_date_get_year (day), g_date_get_month (day),
                                             g_date_get_day (day), hour, minute, 0);

  return g_date_time_to_unix (dt);
}

static gint64
count_rows (HdContext  *context,
            const char *sql)
{
  g_autoptr(HdStmt) stmt = hd_database_prepare (hd_context_get_database (context), sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

/* A working weekday at or after @from (forward) or before it (backward) */
static void
working_weekday (HdWorkdays *workdays,
                 const GDate *from,
                 int          step,
                 GDate       *out)
{
  *out = *from;
  while (!hd_workdays_is_working_day (workdays, out) || g_date_get_weekday (out) > G_DATE_FRIDAY)
    {
      if (step > 0)
        g_date_add_days (out, 1);
      else
        g_date_subtract_days (out, 1);
    }
}

static HdBookingDialog *
wait_for_dialog (void)
{
  HdBookingDialog *dialog = HD_BOOKING_DIALOG (find_toplevel (HD_TYPE_BOOKING_DIALOG));

  g_assert_nonnull (dialog);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  return dialog;
}

static void
type_person (HdBookingDialog *dialog,
             const char      *text,
             gboolean         pick_match)
{
  GtkWidget *matches = hd_booking_dialog_get_field_widget (dialog, "matches");
  GtkWidget *row;

  gtk_editable_set_text (GTK_EDITABLE (hd_booking_dialog_get_field_widget (dialog, "person")), text);
  if (!pick_match)
    return;
  row = gtk_widget_get_first_child (matches);
  g_assert_nonnull (row);
  g_signal_emit_by_name (matches, "row-activated", row);
}

static void
walk_calendar (HdApplication *app)
{
  HdWindow *window = find_main_window (app);
  HdContext *context;
  HdCalendarView *view;
  HdWeekView *week;
  HdBookingDialog *dialog;
  g_autoptr(HdWorkdays) workdays = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) tz = school_tz ();
  g_autoptr(HdAppointment) first = NULL;
  g_autoptr(HdRequest) request = NULL;
  GDate today, target, past, next_week;
  gint64 slot, first_id, t0;
  AdwMessageDialog *held;
  GtkWidget *entry;

  wait_until (database_ready, app, "the database to open");
  context = hd_application_get_context (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 860);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  activate_detailed (GTK_WIDGET (window), "win.show-view('calendar')");
  g_assert_cmpstr (hd_window_get_visible_view (window), ==, "calendar");

  view = HD_CALENDAR_VIEW (find_widget (GTK_WIDGET (window), HD_TYPE_CALENDAR_VIEW));
  g_assert_nonnull (view);
  week = hd_calendar_view_get_week_view (view);

  workdays = hd_workdays_new (&error);
  g_assert_no_error (error);
  hd_date_set_today (&today, tz);
  g_date_add_days (&today, 2);
  working_weekday (workdays, &today, 1, &target);
  hd_date_set_today (&today, tz);
  g_date_subtract_days (&today, 1);
  working_weekday (workdays, &today, -1, &past);
  slot = at (&target, 10, 0);

  /* ---- Book by clicking a free slot of the week ---- */
  hd_calendar_view_go_to (view, &target, "week");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpuint (hd_week_view_get_n_columns (week), >=, 5);
  g_assert_cmpint (hd_week_view_get_appointment_at (week, slot), ==, 0);
  g_signal_emit_by_name (week, "slot-activated", slot);
  dialog = wait_for_dialog ();
  g_assert_false (hd_booking_dialog_get_walk_in (dialog));
  g_assert_cmpint (hd_booking_dialog_get_start (dialog), ==, slot);
  type_person (dialog, "лебед", TRUE);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (hd_booking_dialog_get_field_widget (dialog, "person"))),
                   ==, "Лебедева Ирина Сергеевна");
  gtk_editable_set_text (GTK_EDITABLE (hd_booking_dialog_get_field_widget (dialog, "summary")),
                         "Не видны оценки ребёнка за четверть");
  save_screenshot (GTK_WIDGET (dialog), "booking");
  g_assert_true (hd_booking_dialog_save (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  first_id = hd_week_view_get_appointment_at (week, slot + 60);
  g_assert_cmpint (first_id, >, 0);
  g_assert_cmpint (count_rows (context, "SELECT count(*) FROM requests"), ==, 1);

  /* ---- A conflicting booking 10 minutes later: refused, with suggestions ---- */
  hd_week_view_select (week, slot + 10 * 60);
  activate_detailed (GTK_WIDGET (view), "calendar.book");
  dialog = wait_for_dialog ();
  g_assert_cmpint (hd_booking_dialog_get_start (dialog), ==, slot + 10 * 60);
  type_person (dialog, "Орлов", TRUE);
  gtk_editable_set_text (GTK_EDITABLE (hd_booking_dialog_get_field_widget (dialog, "summary")),
                         "Как перенести урок в расписании");
  g_assert_false (hd_booking_dialog_save (dialog));
  g_assert_nonnull (hd_booking_dialog_get_error (dialog));
  g_assert_nonnull (strstr (hd_booking_dialog_get_error (dialog), "Лебедева"));
  g_assert_cmpuint (hd_booking_dialog_get_n_suggestions (dialog), ==, 3);
  g_assert_true (gtk_widget_has_css_class (hd_booking_dialog_get_field_widget (dialog, "start"), "error"));
  save_screenshot (GTK_WIDGET (dialog), "refusal");
  g_assert_cmpint (count_rows (context, "SELECT count(*) FROM appointments WHERE topic != 'other'"), ==, 1);
  {
    GtkWidget *box = hd_booking_dialog_get_field_widget (dialog, "suggestions");
    GtkWidget *button = find_widget (box, GTK_TYPE_BUTTON);

    g_assert_nonnull (button);
    g_signal_emit_by_name (button, "clicked");
  }
  g_assert_cmpint (hd_booking_dialog_get_start (dialog), !=, slot + 10 * 60);
  g_assert_true (hd_booking_dialog_save (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpint (count_rows (context, "SELECT count(*) FROM appointments WHERE topic != 'other'"), ==, 2);
  g_assert_cmpint (count_rows (context, "SELECT count(*) FROM requests"), ==, 2);

  /* ---- A visitor received without booking, in last working day's reception hours ---- */
  activate_detailed (GTK_WIDGET (view), "calendar.walk-in");
  dialog = wait_for_dialog ();
  g_assert_true (hd_booking_dialog_get_walk_in (dialog));
  hd_booking_dialog_set_start (dialog, at (&past, 14, 20));
  type_person (dialog, "Сидоров Алексей Петрович", FALSE);
  gtk_editable_set_text (GTK_EDITABLE (hd_booking_dialog_get_field_widget (dialog, "summary")),
                         "Не отмечается посещаемость");
  gtk_editable_set_text (GTK_EDITABLE (hd_booking_dialog_get_field_widget (dialog, "outcome")),
                         "Показала, как отметить отсутствующих");
  save_screenshot (GTK_WIDGET (dialog), "walk-in");
  g_assert_true (hd_booking_dialog_save (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpint (count_rows (context, "SELECT count(*) FROM appointments WHERE walk_in = 1 AND status = 'held'"), ==, 1);
  g_assert_cmpint (count_rows (context, "SELECT count(*) FROM requests WHERE status = 'resolved' AND channel = 'in_person'"), ==, 1);
  g_assert_cmpint (count_rows (context, "SELECT count(*) FROM people"), ==, 3);

  /* ---- Mark the first consultation held from the day's agenda ---- */
  hd_calendar_view_go_to (view, &target, "day");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  save_screenshot (GTK_WIDGET (window), "day");
  {
    g_autofree char *action = g_strdup_printf ("calendar.mark-held(int64 %" G_GINT64_FORMAT ")", first_id);

    activate_detailed (GTK_WIDGET (view), action);
  }
  held = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (held);
  entry = find_widget (GTK_WIDGET (held), GTK_TYPE_ENTRY);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Включили отображение итоговых оценок");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (held));
  save_screenshot (GTK_WIDGET (held), "held");
  /* What the button does: respond, then close */
  adw_message_dialog_response (held, "held");
  gtk_window_close (GTK_WINDOW (held));
  wait_until (window_gone, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG), "the dialog to close");
  first = hd_appointment_store_get (hd_context_get_database (context), first_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hd_appointment_get_status (first), ==, HD_APPOINTMENT_HELD);
  request = hd_request_store_get (hd_context_get_database (context), hd_appointment_get_request_id (first), &error);
  g_assert_cmpint (hd_request_get_status (request), ==, HD_STATUS_RESOLVED);
  g_assert_cmpstr (hd_request_get_resolution (request), ==, "Включили отображение итоговых оценок");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  save_screenshot (GTK_WIDGET (window), "day-held");

  /* ---- Move Орлов's consultation: a refused time first, then one of the free times ---- */
  {
    HdDatabase *db = hd_context_get_database (context);
    HdSlotDialog *moving;
    g_autoptr(HdAppointment) old = NULL;
    g_autoptr(HdAppointment) moved = NULL;
    g_autofree char *action = NULL;
    gint64 old_id, new_id, new_start;
    GDate old_day, new_day;

    old_id = count_rows (context, "SELECT id FROM appointments WHERE status = 'scheduled'");
    old = hd_appointment_store_get (db, old_id, &error);
    g_assert_no_error (error);
    hd_date_set_unix (&old_day, hd_appointment_get_starts_at (old), tz);
    hd_calendar_view_go_to (view, &old_day, "day");
    gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

    action = g_strdup_printf ("calendar.reschedule(int64 %" G_GINT64_FORMAT ")", old_id);
    activate_detailed (GTK_WIDGET (view), action);
    moving = wait_for_slot_dialog ();
    /* the nearest free times, the consultation's own time not among them */
    g_assert_cmpuint (hd_slot_dialog_get_n_slots (moving), ==, 5);
    for (guint i = 0; i < hd_slot_dialog_get_n_slots (moving); i++)
      g_assert_cmpint (hd_slot_dialog_get_slot_start (moving, i), !=, hd_appointment_get_starts_at (old));
    save_screenshot (GTK_WIDGET (moving), "reschedule");
    gtk_window_set_default_size (GTK_WINDOW (moving), 360, 700);
    gtk_test_widget_wait_for_draw (GTK_WIDGET (moving));
    save_screenshot (GTK_WIDGET (moving), "reschedule-360");
    gtk_window_set_default_size (GTK_WINDOW (moving), 520, 640);

    /* Onto Лебедева's held consultation: refused, with the nearest free times instead */
    hd_slot_dialog_set_start (moving, slot + 10 * 60);
    g_assert_false (hd_slot_dialog_save (moving));
    g_assert_nonnull (hd_slot_dialog_get_error (moving));
    g_assert_nonnull (strstr (hd_slot_dialog_get_error (moving), "Лебедева"));
    g_assert_true (gtk_widget_has_css_class (hd_slot_dialog_get_field_widget (moving, "time"), "error"));
    /* the three nearest to 10:10, less its own 9:00 */
    g_assert_cmpuint (hd_slot_dialog_get_n_slots (moving), ==, 2);
    for (guint i = 0; i < hd_slot_dialog_get_n_slots (moving); i++)
      g_assert_cmpint (hd_slot_dialog_get_slot_start (moving, i), !=, hd_appointment_get_starts_at (old));
    g_assert_cmpint (count_rows (context, "SELECT count(*) FROM appointments WHERE status = 'rescheduled'"), ==, 0);
    save_screenshot (GTK_WIDGET (moving), "reschedule-refusal");

    hd_slot_dialog_choose_slot (moving, 0);
    new_start = hd_slot_dialog_get_slot_start (moving, 0);
    g_assert_true (hd_slot_dialog_save (moving));
    new_id = hd_slot_dialog_get_booked_id (moving);
    gtk_window_destroy (GTK_WINDOW (moving));

    /* The old one is kept as rescheduled, pointing to the new one of the same request */
    g_clear_object (&old);
    old = hd_appointment_store_get (db, old_id, &error);
    moved = hd_appointment_store_get (db, new_id, &error);
    g_assert_no_error (error);
    g_assert_cmpint (hd_appointment_get_status (old), ==, HD_APPOINTMENT_RESCHEDULED);
    g_assert_cmpint (hd_appointment_get_rescheduled_to (old), ==, new_id);
    g_assert_cmpint (hd_appointment_get_status (moved), ==, HD_APPOINTMENT_SCHEDULED);
    g_assert_cmpint (hd_appointment_get_starts_at (moved), ==, new_start);
    g_assert_cmpint (hd_appointment_get_request_id (moved), ==, hd_appointment_get_request_id (old));

    /* The day's list says where it went; the week shows it at the new time */
    hd_calendar_view_go_to (view, &old_day, "day");
    gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
    g_assert_nonnull (find_row_saying (GTK_WIDGET (view), "Перенесена на"));
    save_screenshot (GTK_WIDGET (window), "day-rescheduled");
    hd_date_set_unix (&new_day, new_start, tz);
    hd_calendar_view_go_to (view, &new_day, "week");
    gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
    g_assert_cmpint (hd_week_view_get_appointment_at (week, new_start + 60), ==, new_id);
    g_assert_cmpint (hd_week_view_get_appointment_at (week, hd_appointment_get_starts_at (old) + 60), !=, old_id);

    /* ---- The school closes the new day: the booking is listed, and moved from the list ---- */
    {
      HdWorkdays *shared = hd_context_get_workdays (context, &error);
      GtkWidget *button;

      g_assert_no_error (error);
      hd_workdays_set_override (shared, &new_day, FALSE, "Методический день");
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
      wait_ms (300);   /* the revealer's slide */
      button = find_button (GTK_WIDGET (view), "Перенести…");
      g_assert_nonnull (button);
      save_screenshot (GTK_WIDGET (window), "closed-day");
      g_signal_emit_by_name (button, "clicked");
      moving = wait_for_slot_dialog ();
      g_assert_cmpuint (hd_slot_dialog_get_n_slots (moving), >, 0);
      for (guint i = 0; i < hd_slot_dialog_get_n_slots (moving); i++)
        {
          GDate d;

          hd_date_set_unix (&d, hd_slot_dialog_get_slot_start (moving, i), tz);
          g_assert_cmpint (g_date_compare (&d, &new_day), !=, 0);
        }
      hd_slot_dialog_choose_slot (moving, 0);
      g_assert_true (hd_slot_dialog_save (moving));
      gtk_window_destroy (GTK_WINDOW (moving));
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
      g_assert_null (find_button (GTK_WIDGET (view), "Перенести…"));
      g_assert_cmpint (count_rows (context, "SELECT count(*) FROM appointments WHERE status = 'rescheduled'"), ==, 2);
      hd_workdays_remove_override (shared, &new_day);
    }
  }

  /* ---- Week (light and dark) and month ---- */
  hd_calendar_view_go_to (view, &target, "week");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  save_screenshot (GTK_WIDGET (window), "week");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  save_screenshot (GTK_WIDGET (window), "week-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  hd_calendar_view_go_to (view, &target, "month");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  save_screenshot (GTK_WIDGET (window), "month");

  /* A week with a holiday and a short day, and one with a working Saturday */
  g_date_clear (&next_week, 1);
  g_date_set_dmy (&next_week, 3, 11, 2026);
  hd_calendar_view_go_to (view, &next_week, "week");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  save_screenshot (GTK_WIDGET (window), "week-holiday");
  g_date_set_dmy (&next_week, 20, 2, 2027);
  hd_calendar_view_go_to (view, &next_week, "week");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpuint (hd_week_view_get_n_columns (week), ==, 6);
  save_screenshot (GTK_WIDGET (window), "week-saturday");

  /* Keyboard: Down moves the selection by a slot, Page Down a week */
  {
    GtkEventController *keys = NULL;
    GListModel *controllers = gtk_widget_observe_controllers (GTK_WIDGET (week));
    gint64 selected;
    gboolean handled = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (controllers) && keys == NULL; i++)
      {
        g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);

        if (GTK_IS_EVENT_CONTROLLER_KEY (c))
          keys = c;
      }
    g_object_unref (controllers);
    g_assert_nonnull (keys);
    hd_calendar_view_go_to (view, &target, "week");
    hd_week_view_select (week, slot);
    g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Down, 0, 0, &handled);
    g_assert_true (handled);
    selected = hd_week_view_get_selected_start (week);
    g_assert_cmpint (selected, ==, slot + 30 * 60);
    g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Page_Down, 0, 0, &handled);
    g_assert_cmpint (hd_week_view_get_selected_start (week), ==, selected + 7 * 86400);
  }

  /* 20 000 consultations far ahead (March 2027 on), for the timing of a busy week; written
   * after the start, so that the other pages do not count them */
  {
    HdDatabase *db = hd_context_get_database (context);
    g_autoptr(GDateTime) first_day = g_date_time_new (tz, 2027, 3, 1, 9, 0, 0);
    gint64 base = g_date_time_to_unix (first_day);

    g_assert_true (hd_database_begin (db, &error));
    for (int i = 0; i < 20000; i++)
      {
        g_autoptr(HdStmt) stmt =
          hd_database_prepare (db, "INSERT INTO appointments (starts_at, ends_at, person_id, topic, mode,"
                                   " status, created_at, updated_at)"
                                   " VALUES (?1, ?1 + 600, 1, 'other', 'in_person', 'scheduled', ?2, ?2)",
                               &error);
        gint64 starts = base + (gint64) (i / 40) * 86400 + (gint64) (i % 40) * 12 * 60;

        g_assert_no_error (error);
        sqlite3_bind_int64 (stmt, 1, starts);
        sqlite3_bind_int64 (stmt, 2, base);
        g_assert_true (hd_database_step_done (db, stmt, &error));
      }
    g_assert_true (hd_database_commit (db, &error));
  }

  /* Switching weeks with 20 000 consultations in the database (from March 2027, 40 a day):
   * the load and the first frame */
  g_date_set_dmy (&next_week, 7, 6, 2027);
  hd_calendar_view_go_to (view, &next_week, "week");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  t0 = g_get_monotonic_time ();
  activate_detailed (GTK_WIDGET (view), "calendar.next");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (week));
  t0 = g_get_monotonic_time () - t0;
  g_test_message ("week switch, %" G_GINT64_FORMAT " consultations in the database: load %.1f ms, "
                  "load + first frame %.1f ms",
                  count_rows (context, "SELECT count(*) FROM appointments"),
                  hd_calendar_view_get_last_load_ms (view), t0 / 1000.0);
  save_screenshot (GTK_WIDGET (window), "week-busy");
  /* The budget is 50 ms; allow for a loaded test machine */
  g_assert_cmpint (t0, <, 500 * 1000);
}

static gboolean
run_walk_cb (gpointer user_data)
{
  HdApplication *app = user_data;
  Walk *walk = g_object_get_data (G_OBJECT (app), "walk");

  walk->step (app);
  activate_detailed (GTK_WIDGET (find_main_window (app)), "app.quit");
  return G_SOURCE_REMOVE;
}

static void
activate_cb (HdApplication *app,
             Walk          *walk)
{
  if (walk->started)
    return;
  walk->started = TRUE;
  g_idle_add (run_walk_cb, app);
}

static void
test_calendar (void)
{
  g_autofree char *path = db_path ();
  g_autoptr(HdApplication) app = NULL;
  Walk walk = { walk_calendar, FALSE };
  int status;

  /* Two people, and reception hours every weekday 14:00–17:00 */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(HdDatabase) db = hd_database_open (path, &error);
    const struct { const char *name; int kind; } people[] = {
      { "Лебедева Ирина Сергеевна", HD_REQUESTER_PARENT },
      { "Орлов Пётр Ильич", HD_REQUESTER_STAFF },
    };

    g_assert_no_error (error);
    for (guint i = 0; i < G_N_ELEMENTS (people); i++)
      {
        g_autoptr(HdPerson) person = hd_person_new ();

        hd_person_set_full_name (person, people[i].name);
        hd_person_set_kind (person, people[i].kind);
        g_assert_true (hd_person_store_create (db, person, &error));
        g_assert_no_error (error);
      }
    for (int weekday = 1; weekday <= 5; weekday++)
      {
        g_autoptr(HdReceptionHours) hours = hd_reception_hours_new ();

        hd_reception_hours_set_weekday (hours, weekday);
        hd_reception_hours_set_starts_min (hours, 14 * 60);
        hd_reception_hours_set_ends_min (hours, 17 * 60);
        hd_reception_hours_set_place (hours, "каб. 12");
        hd_reception_hours_set_valid_from (hours, "2026-01-01");
        g_assert_true (hd_reception_hours_store_save (db, hours, &error));
        g_assert_no_error (error);
      }
  }

  app = hd_application_new (path);
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_object_set_data (G_OBJECT (app), "walk", &walk);
  g_signal_connect_after (app, "activate", G_CALLBACK (activate_cb), &walk);
  status = g_application_run (G_APPLICATION (app), 0, NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (walk.started);
}

int
main (int   argc,
      char *argv[])
{

  hd_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/calendar/walk", test_calendar);

  return g_test_run ();
}
