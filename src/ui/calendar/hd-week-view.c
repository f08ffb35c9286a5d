/* hd-week-view.c — a week of consultations, drawn with GtkSnapshot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Monday first; Saturday and Sunday appear only when they are working days (a transferred
 * working Saturday). Time runs down the side; reception hours are shaded; closed days are
 * greyed and carry the holiday's name; consultations are blocks with time, person and topic.
 * The widget keeps no database: the calendar view hands it the week's days and appointments.
 * A selected slot moves with the arrow keys; Enter or a click activates it.
 */
#define G_LOG_DOMAIN "hd-week-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "hd-appointment.h"
#include "hd-availability.h"
#include "hd-enums.h"
#include "hd-week-view.h"

#define HEADER_HEIGHT 44
#define GUTTER_WIDTH  56
#define MIN_HOUR_HEIGHT 44
#define MAX_COLUMNS 7

struct _HdWeekView
{
  GtkWidget parent_instance;

  /* Owned */
  GTimeZone *tz;
  gint64     now;        /* 0: the real time */
  GPtrArray *days;            /* HdDayAvailability, Monday to Sunday */
  GPtrArray *appointments;    /* HdAppointment */

  int        first_minute;
  int        last_minute;
  int        slot_minutes;
  guint      columns[MAX_COLUMNS];   /* index into days of each visible column */
  guint      n_columns;
  int        sel_column;
  int        sel_minute;
};

G_DEFINE_FINAL_TYPE (HdWeekView, hd_week_view, GTK_TYPE_WIDGET)

enum {
  SLOT_ACTIVATED,
  APPOINTMENT_ACTIVATED,
  MOVE_WEEK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---------------------------------------------------------------------------------------- */
/* Geometry                                                                                  */

static double
column_width (HdWeekView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  return self->n_columns > 0 ? (double) (width - GUTTER_WIDTH) / self->n_columns : 0;
}

static double
pixels_per_minute (HdWeekView *self)
{
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  int span = MAX (self->last_minute - self->first_minute, 60);

  return (double) (height - HEADER_HEIGHT) / span;
}

static double
minute_y (HdWeekView *self,
          int         minute)
{
  return HEADER_HEIGHT + (minute - self->first_minute) * pixels_per_minute (self);
}

static HdDayAvailability *
column_day (HdWeekView *self,
            guint       column)
{
  g_assert (column < self->n_columns);
  return g_ptr_array_index (self->days, self->columns[column]);
}

static void
split_instant (HdWeekView *self,
               gint64      instant,
               GDate      *day,
               int        *minute)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (instant);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, self->tz);

  g_date_clear (day, 1);
  g_date_set_dmy (day, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
  *minute = g_date_time_get_hour (local) * 60 + g_date_time_get_minute (local);
}

static gint64
join_instant (HdWeekView  *self,
              const GDate *day,
              int          minute)
{
  g_autoptr(GDateTime) dt = g_date_time_new (self->tz, g_date_get_year (day), g_date_get_month (day),
                                             g_date_get_day (day), 0, 0, 0);

  return g_date_time_to_unix (dt) + (gint64) minute * 60;
}

static int
column_of_day (HdWeekView  *self,
               const GDate *day)
{
  for (guint i = 0; i < self->n_columns; i++)
    if (g_date_compare (&column_day (self, i)->day, day) == 0)
      return (int) i;
  return -1;
}

/* ---------------------------------------------------------------------------------------- */
/* Colours                                                                                   */

typedef struct {
  GdkRGBA fg;
  GdkRGBA grid;
  GdkRGBA faint;
  GdkRGBA closed;
  GdkRGBA reception;
  GdkRGBA scheduled;
  GdkRGBA held;
  GdkRGBA inactive;
  GdkRGBA on_block;
  GdkRGBA selection;
} Palette;

static void
get_palette (HdWeekView *self,
             Palette    *p)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &p->fg);
  G_GNUC_END_IGNORE_DEPRECATIONS

  p->grid = p->fg;
  p->grid.alpha = 0.18f;
  p->faint = p->fg;
  p->faint.alpha = 0.07f;
  p->closed = p->fg;
  p->closed.alpha = dark ? 0.10f : 0.07f;
  /* libadwaita's palette: green 3 / blue 3 / green 5, lighter blue on dark */
  gdk_rgba_parse (&p->reception, dark ? "rgba(38,162,105,0.22)" : "rgba(46,194,126,0.16)");
  gdk_rgba_parse (&p->scheduled, dark ? "#3584e4" : "#1c71d8");
  gdk_rgba_parse (&p->held, dark ? "#26a269" : "#1f8a57");
  p->inactive = p->fg;
  p->inactive.alpha = 0.22f;
  gdk_rgba_parse (&p->on_block, "#ffffff");
  gdk_rgba_parse (&p->selection, dark ? "#99c1f1" : "#1a5fb4");
}

/* ---------------------------------------------------------------------------------------- */
/* Drawing                                                                                   */

static void
append_rect (GtkSnapshot   *snapshot,
             const GdkRGBA *color,
             double         x,
             double         y,
             double         w,
             double         h)
{
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y, w, h));
}

static void
append_text (HdWeekView    *self,
             GtkSnapshot   *snapshot,
             const char    *markup,
             const GdkRGBA *color,
             double         x,
             double         y,
             double         w,
             double         h,
             PangoAlignment align)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);

  if (w <= 4 || h <= 4)
    return;
  pango_layout_set_markup (layout, markup, -1);
  pango_layout_set_width (layout, (int) (w * PANGO_SCALE));
  pango_layout_set_height (layout, (int) (h * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, align);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (x, y, w, h));
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_restore (snapshot);
}

static char *
short_name (const char *full_name)
{
  g_auto(GStrv) parts = NULL;
  GString *out;

  if (full_name == NULL)
    return g_strdup ("");
  /* «Лебедева Ирина Сергеевна» → «Лебедева И. С.» */
  parts = g_strsplit (full_name, " ", -1);
  out = g_string_new (parts[0]);
  for (guint i = 1; parts[i] != NULL && i < 3; i++)
    if (*parts[i] != '\0')
      {
        gunichar c = g_utf8_get_char (parts[i]);
        char buf[8] = { 0, };

        g_unichar_to_utf8 (c, buf);
        g_string_append_printf (out, " %s.", buf);
      }
  return g_string_free (out, FALSE);
}

static void
draw_appointment (HdWeekView    *self,
                  GtkSnapshot   *snapshot,
                  const Palette *p,
                  HdAppointment *a)
{
  GDate day;
  int start_min, end_min, column, status;
  double x, y0, y1, w;
  const GdkRGBA *fill, *text_color;
  g_autofree char *name = NULL;
  g_autofree char *markup = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  const char *mark = "";

  split_instant (self, hd_appointment_get_starts_at (a), &day, &start_min);
  column = column_of_day (self, &day);
  if (column < 0)
    return;
  end_min = start_min + (int) ((hd_appointment_get_ends_at (a) - hd_appointment_get_starts_at (a)) / 60);

  x = GUTTER_WIDTH + column * column_width (self) + 2;
  w = column_width (self) - 6;
  y0 = minute_y (self, MAX (start_min, self->first_minute)) + 1;
  y1 = minute_y (self, MIN (end_min, self->last_minute)) - 1;
  if (y1 <= y0)
    return;

  status = hd_appointment_get_status (a);
  switch (status)
    {
    case HD_APPOINTMENT_SCHEDULED:
      fill = &p->scheduled;
      text_color = &p->on_block;
      break;
    case HD_APPOINTMENT_HELD:
      fill = &p->held;
      text_color = &p->on_block;
      /* Not by colour alone: a tick for held */
      mark = "✓ ";
      break;
    default:
      fill = &p->inactive;
      text_color = &p->fg;
      mark = "✗ ";
      break;
    }

  {
    GskRoundedRect rounded;

    gsk_rounded_rect_init_from_rect (&rounded, &GRAPHENE_RECT_INIT (x, y0, w, y1 - y0), 4);
    gtk_snapshot_push_rounded_clip (snapshot, &rounded);
    append_rect (snapshot, fill, x, y0, w, y1 - y0);
    gtk_snapshot_pop (snapshot);
  }

  /* Too short for a line of text: the block alone (its time shows in the day's agenda) */
  if (y1 - y0 < 14)
    return;
  name = short_name (hd_appointment_get_person_name (a));
  from = g_strdup_printf ("%02d:%02d", start_min / 60, start_min % 60);
  to = g_strdup_printf ("%02d:%02d", end_min / 60, end_min % 60);
  if (y1 - y0 < 30)
    markup = g_markup_printf_escaped ("<small><b>%s%s</b> %s</small>", mark, from, name);
  else
    markup = g_markup_printf_escaped ("<small><b>%s%s–%s</b> %s\n%s</small>", mark, from, to, name,
                                      hd_appointment_get_topic (a) >= 0
                                      ? hd_enum_label (HD_ENUM_TOPIC, hd_appointment_get_topic (a)) : "");
  append_text (self, snapshot, markup, text_color, x + 4, y0 + 2, w - 8, y1 - y0 - 4, PANGO_ALIGN_LEFT);
}

static void
hd_week_view_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  HdWeekView *self = HD_WEEK_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double cw = column_width (self);
  Palette p;
  GDate today;
  g_autoptr(GDateTime) now = NULL;

  if (self->days == NULL || self->n_columns == 0)
    return;

  get_palette (self, &p);
  if (self->now != 0)
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (self->now);

      now = g_date_time_to_timezone (utc, self->tz);
    }
  else
    now = g_date_time_new_now (self->tz);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));

  /* Columns: closed days greyed with their name, reception hours shaded */
  for (guint c = 0; c < self->n_columns; c++)
    {
      HdDayAvailability *day = column_day (self, c);
      double x = GUTTER_WIDTH + c * cw;
      g_autoptr(GDateTime) dt = g_date_time_new (self->tz, g_date_get_year (&day->day),
                                                 g_date_get_month (&day->day),
                                                 g_date_get_day (&day->day), 12, 0, 0);
      g_autofree char *title = g_date_time_format (dt, "%a, %-d %b");
      g_autofree char *markup = NULL;
      gboolean is_today = g_date_compare (&day->day, &today) == 0;

      if (!day->open)
        {
          append_rect (snapshot, &p.closed, x, HEADER_HEIGHT, cw, height - HEADER_HEIGHT);
          /* Hatching, so a printout in grey or a colour-blind eye still tells it apart */
          for (double y = HEADER_HEIGHT + 12; y < height; y += 24)
            append_rect (snapshot, &p.faint, x, y, cw, 6);
          if (day->description != NULL)
            {
              g_autofree char *text = g_markup_printf_escaped ("<b>%s</b>", day->description);

              append_text (self, snapshot, text, &p.fg, x + 6, HEADER_HEIGHT + 24, cw - 12, 120,
                           PANGO_ALIGN_CENTER);
            }
        }
      else
        {
          GDate d;
          int m0, m1;

          /* Outside the day's working time (the last hour of a pre-holiday day) */
          split_instant (self, day->work_start, &d, &m0);
          split_instant (self, day->work_end, &d, &m1);
          if (m0 > self->first_minute)
            append_rect (snapshot, &p.closed, x, HEADER_HEIGHT, cw, minute_y (self, m0) - HEADER_HEIGHT);
          if (m1 < self->last_minute)
            append_rect (snapshot, &p.closed, x, minute_y (self, m1), cw, height - minute_y (self, m1));

          for (guint i = 0; i < day->reception->len; i++)
            {
              HdReceptionInterval *r = &g_array_index (day->reception, HdReceptionInterval, i);
              GDate d;
              int m0, m1;

              split_instant (self, r->start, &d, &m0);
              split_instant (self, r->end, &d, &m1);
              append_rect (snapshot, &p.reception, x, minute_y (self, m0), cw,
                           minute_y (self, m1) - minute_y (self, m0));
              /* A green edge, the shading's second sign */
              append_rect (snapshot, &p.held, x, minute_y (self, m0), 3,
                           minute_y (self, m1) - minute_y (self, m0));
            }
        }

      if (day->open && day->description != NULL)
        markup = g_markup_printf_escaped (is_today ? "<b>%s</b>\n<small>%s</small>" : "%s\n<small>%s</small>",
                                          title, day->description);
      else
        markup = g_markup_printf_escaped (is_today ? "<b>%s</b>" : "%s", title);
      append_text (self, snapshot, markup, &p.fg, x + 4, 4, cw - 8, HEADER_HEIGHT - 6, PANGO_ALIGN_CENTER);
      if (is_today)
        append_rect (snapshot, &p.selection, x + 4, HEADER_HEIGHT - 3, cw - 8, 3);

      append_rect (snapshot, &p.grid, floor (x), 0, 1, height);
    }

  /* Hours down the side */
  for (int m = self->first_minute; m <= self->last_minute; m += 30)
    {
      double y = floor (minute_y (self, m));

      if (m % 60 == 0)
        {
          g_autofree char *label = g_strdup_printf ("<small>%02d:00</small>", m / 60);

          append_rect (snapshot, &p.grid, GUTTER_WIDTH - 6, y, width - GUTTER_WIDTH + 6, 1);
          if (m < self->last_minute)
            append_text (self, snapshot, label, &p.fg, 0, y + 1, GUTTER_WIDTH - 8, 20, PANGO_ALIGN_RIGHT);
        }
      else
        append_rect (snapshot, &p.faint, GUTTER_WIDTH, y, width - GUTTER_WIDTH, 1);
    }
  append_rect (snapshot, &p.grid, 0, HEADER_HEIGHT - 1, width, 1);

  if (self->appointments != NULL)
    for (guint i = 0; i < self->appointments->len; i++)
      draw_appointment (self, snapshot, &p, g_ptr_array_index (self->appointments, i));

  /* The selected slot */
  if (self->sel_column >= 0 && (guint) self->sel_column < self->n_columns)
    {
      double x = GUTTER_WIDTH + self->sel_column * cw + 1;
      double y0 = minute_y (self, self->sel_minute);
      double y1 = minute_y (self, self->sel_minute + self->slot_minutes);
      GskRoundedRect outline;
      float widths[4] = { 2, 2, 2, 2 };
      GdkRGBA colors[4] = { p.selection, p.selection, p.selection, p.selection };

      gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (x, y0, cw - 2, y1 - y0), 3);
      gtk_snapshot_append_border (snapshot, &outline, widths, colors);
    }
}

static void
hd_week_view_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  HdWeekView *self = HD_WEEK_VIEW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = GUTTER_WIDTH + 90 * MAX (self->n_columns, 1);
      *natural = GUTTER_WIDTH + 180 * MAX (self->n_columns, 5);
    }
  else
    {
      int hours = MAX ((self->last_minute - self->first_minute) / 60, 1);

      *minimum = HEADER_HEIGHT + hours * MIN_HOUR_HEIGHT;
      *natural = HEADER_HEIGHT + hours * 64;
    }
}

/* ---------------------------------------------------------------------------------------- */
/* Input                                                                                     */

static gint64
selected_start (HdWeekView *self)
{
  if (self->sel_column < 0 || (guint) self->sel_column >= self->n_columns)
    return 0;
  return join_instant (self, &column_day (self, self->sel_column)->day, self->sel_minute);
}

static void
activate_selection (HdWeekView *self)
{
  gint64 start = selected_start (self);
  gint64 id;

  if (start == 0)
    return;
  id = hd_week_view_get_appointment_at (self, start);
  if (id > 0)
    g_signal_emit (self, signals[APPOINTMENT_ACTIVATED], 0, id);
  else
    g_signal_emit (self, signals[SLOT_ACTIVATED], 0, start);
}

static void
move_selection (HdWeekView *self,
                int         dcolumn,
                int         dslot)
{
  if (self->n_columns == 0)
    return;
  if (self->sel_column < 0)
    {
      self->sel_column = 0;
      self->sel_minute = self->first_minute;
    }
  else
    {
      self->sel_column = CLAMP (self->sel_column + dcolumn, 0, (int) self->n_columns - 1);
      self->sel_minute = CLAMP (self->sel_minute + dslot * self->slot_minutes, self->first_minute,
                                self->last_minute - self->slot_minutes);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
key_pressed_cb (HdWeekView            *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      move_selection (self, -1, 0);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      move_selection (self, 1, 0);
      return TRUE;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      move_selection (self, 0, -1);
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      move_selection (self, 0, 1);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      activate_selection (self);
      return TRUE;
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      g_signal_emit (self, signals[MOVE_WEEK], 0, -1);
      return TRUE;
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      g_signal_emit (self, signals[MOVE_WEEK], 0, 1);
      return TRUE;
    default:
      return FALSE;
    }
}

static void
pressed_cb (HdWeekView      *self,
            int              n_press,
            double           x,
            double           y,
            GtkGestureClick *gesture)
{
  double cw = column_width (self);
  int column, minute;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (cw <= 0 || x < GUTTER_WIDTH || y < HEADER_HEIGHT)
    return;
  column = (int) ((x - GUTTER_WIDTH) / cw);
  minute = self->first_minute + (int) ((y - HEADER_HEIGHT) / pixels_per_minute (self));
  if (column < 0 || (guint) column >= self->n_columns || minute >= self->last_minute)
    return;

  self->sel_column = column;
  {
    gint64 instant = join_instant (self, &column_day (self, column)->day, minute);
    gint64 id = hd_week_view_get_appointment_at (self, instant);

    if (id > 0)
      {
        gtk_widget_queue_draw (GTK_WIDGET (self));
        g_signal_emit (self, signals[APPOINTMENT_ACTIVATED], 0, id);
        return;
      }
  }
  /* Snap to the slot grid from the start of the day's hours */
  self->sel_minute = self->first_minute +
                     (minute - self->first_minute) / self->slot_minutes * self->slot_minutes;
  self->sel_minute = MIN (self->sel_minute, self->last_minute - self->slot_minutes);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  activate_selection (self);
}

static void
style_changed_cb (HdWeekView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ---------------------------------------------------------------------------------------- */

static void
hd_week_view_dispose (GObject *object)
{
  HdWeekView *self = HD_WEEK_VIEW (object);

  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  g_clear_pointer (&self->days, g_ptr_array_unref);
  g_clear_pointer (&self->appointments, g_ptr_array_unref);
  g_clear_pointer (&self->tz, g_time_zone_unref);

  G_OBJECT_CLASS (hd_week_view_parent_class)->dispose (object);
}

static void
hd_week_view_class_init (HdWeekViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hd_week_view_dispose;
  widget_class->snapshot = hd_week_view_snapshot;
  widget_class->measure = hd_week_view_measure;

  /**
   * HdWeekView::slot-activated:
   * @starts_at: the start of the free slot (Unix seconds)
   */
  signals[SLOT_ACTIVATED] =
    g_signal_new ("slot-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /**
   * HdWeekView::appointment-activated:
   * @id: the consultation clicked or chosen with Enter
   */
  signals[APPOINTMENT_ACTIVATED] =
    g_signal_new ("appointment-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                  NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /**
   * HdWeekView::move-week:
   * @delta: -1 for the previous week (Page Up), 1 for the next (Page Down)
   */
  signals[MOVE_WEEK] =
    g_signal_new ("move-week", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_INT);

  gtk_widget_class_set_css_name (widget_class, "hd-week-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
hd_week_view_init (HdWeekView *self)
{
  GtkEventController *key;
  GtkGesture *click;

  self->tz = g_time_zone_new_utc ();
  self->first_minute = 8 * 60;
  self->last_minute = 17 * 60;
  self->slot_minutes = 30;
  self->sel_column = -1;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);

  key = gtk_event_controller_key_new ();
  g_signal_connect_swapped (key, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);

  click = gtk_gesture_click_new ();
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  g_signal_connect_swapped (adw_style_manager_get_default (), "notify::dark",
                            G_CALLBACK (style_changed_cb), self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Week of consultations"),
                                  -1);
}

GtkWidget *
hd_week_view_new (void)
{
  return g_object_new (HD_TYPE_WEEK_VIEW, NULL);
}

/**
 * hd_week_view_set_now:
 * @now: the moment the view marks as now (Unix seconds), or 0 for the real time
 *
 * The calendar passes its context's clock, which tests and demonstrations fix.
 */
void
hd_week_view_set_now (HdWeekView *self,
                      gint64      now)
{
  g_return_if_fail (HD_IS_WEEK_VIEW (self));

  self->now = now;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * hd_week_view_set_week:
 * @tz: the school's time zone
 * @days: (element-type HdDayAvailability): the seven days, Monday first (kept)
 * @appointments: (element-type HdAppointment): the week's consultations (kept)
 * @first_minute: the first minute shown (8:00 = 480)
 * @last_minute: the last (17:00 = 1020)
 * @slot_minutes: the length of a slot the selection moves by
 */
void
hd_week_view_set_week (HdWeekView *self,
                       GTimeZone  *tz,
                       GPtrArray  *days,
                       GPtrArray  *appointments,
                       int         first_minute,
                       int         last_minute,
                       int         slot_minutes)
{
  g_autofree char *description = NULL;
  guint n_columns = 0;

  g_return_if_fail (HD_IS_WEEK_VIEW (self));
  g_return_if_fail (tz != NULL);
  g_return_if_fail (days != NULL && days->len == 7);
  g_return_if_fail (appointments != NULL);
  g_return_if_fail (last_minute > first_minute && slot_minutes > 0);

  g_clear_pointer (&self->tz, g_time_zone_unref);
  self->tz = g_time_zone_ref (tz);
  g_clear_pointer (&self->days, g_ptr_array_unref);
  self->days = g_ptr_array_ref (days);
  g_clear_pointer (&self->appointments, g_ptr_array_unref);
  self->appointments = g_ptr_array_ref (appointments);
  self->first_minute = first_minute;
  self->last_minute = last_minute;
  self->slot_minutes = slot_minutes;

  /* Monday to Friday always; Saturday and Sunday when they are working days */
  for (guint i = 0; i < 7; i++)
    {
      HdDayAvailability *day = g_ptr_array_index (days, i);

      if (i < 5 || day->open)
        self->columns[n_columns++] = i;
    }
  if (n_columns != self->n_columns)
    gtk_widget_queue_resize (GTK_WIDGET (self));
  self->n_columns = n_columns;
  if (self->sel_column >= (int) n_columns)
    self->sel_column = (int) n_columns - 1;
  self->sel_minute = CLAMP (self->sel_minute, first_minute, last_minute - slot_minutes);

  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u consultation", "%u consultations",
                                              appointments->len),
                                 appointments->len);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
hd_week_view_get_n_columns (HdWeekView *self)
{
  g_return_val_if_fail (HD_IS_WEEK_VIEW (self), 0);
  return self->n_columns;
}

/**
 * hd_week_view_get_selected_start:
 *
 * Returns: the start of the selected slot (Unix seconds), or 0 when nothing is selected
 */
gint64
hd_week_view_get_selected_start (HdWeekView *self)
{
  g_return_val_if_fail (HD_IS_WEEK_VIEW (self), 0);
  return selected_start (self);
}

/**
 * hd_week_view_select:
 * @starts_at: an instant of a shown day; the selection snaps to the slot that holds it
 */
void
hd_week_view_select (HdWeekView *self,
                     gint64      starts_at)
{
  GDate day;
  int minute, column;

  g_return_if_fail (HD_IS_WEEK_VIEW (self));

  split_instant (self, starts_at, &day, &minute);
  column = self->days != NULL ? column_of_day (self, &day) : -1;
  if (column < 0)
    return;
  self->sel_column = column;
  self->sel_minute = CLAMP (minute, self->first_minute, self->last_minute - self->slot_minutes);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * hd_week_view_get_appointment_at:
 *
 * Returns: the id of the scheduled or held consultation in progress at @instant, or 0
 */
gint64
hd_week_view_get_appointment_at (HdWeekView *self,
                                 gint64      instant)
{
  g_return_val_if_fail (HD_IS_WEEK_VIEW (self), 0);

  if (self->appointments == NULL)
    return 0;
  for (guint i = 0; i < self->appointments->len; i++)
    {
      HdAppointment *a = g_ptr_array_index (self->appointments, i);

      if (hd_appointment_get_starts_at (a) <= instant && instant < hd_appointment_get_ends_at (a))
        {
          int status = hd_appointment_get_status (a);

          /* A cancelled consultation leaves its slot free to book */
          if (status == HD_APPOINTMENT_SCHEDULED || status == HD_APPOINTMENT_HELD)
            return hd_appointment_get_id (a);
        }
    }
  return 0;
}
