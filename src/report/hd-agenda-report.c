/* hd-agenda-report.c — the consultant's agenda of a day or a week, on A4 paper or in a PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Read once from core (the days' availability, the consultations, their people), formatted
 * into plain strings, then laid out: each day is a heading (the date, the reception hours and
 * working time, or why the day is closed) followed by one table row per consultation, or
 * «Записей нет». A day that runs over a page continues on the next one under its heading
 * again. Like the monthly report, one layout counts the pages and draws them.
 */
#define G_LOG_DOMAIN "hd-report"

#include "config.h"

#include <glib/gi18n.h>

#include "hd-agenda-report.h"
#include "hd-appointment-store.h"
#include "hd-availability.h"
#include "hd-enums.h"
#include "hd-person-store.h"
#include "hd-report-text.h"
#include "hd-settings-keys.h"
#include "hd-terms.h"

/* Page geometry in points: 20 mm on the left for the binder, 15 mm elsewhere */
#define MARGIN_LEFT    56.7
#define MARGIN_RIGHT   42.5
#define MARGIN_TOP     42.5
#define MARGIN_BOTTOM  56.7
#define FOOTER_GAP     14.0

#define TITLE_SIZE     14.0
#define SUBTITLE_SIZE  11.0
#define DAY_SIZE       11.0
#define BODY_SIZE       9.0
#define SMALL_SIZE      8.0

#define CELL_PAD        3.0
#define DAY_GAP        14.0
#define HAIRLINE        0.5

typedef enum {
  COLUMN_TIME,
  COLUMN_VISITOR,
  COLUMN_TOPIC,
  COLUMN_STATUS,
  COLUMN_NOTES,
  N_COLUMNS
} Column;

/* Fractions of the text width */
static const double column_widths[N_COLUMNS] = { 0.14, 0.28, 0.19, 0.18, 0.21 };

typedef struct {
  char *cells[N_COLUMNS];
  char *visitor_detail;      /* position or class, under the name */
} Entry;

typedef struct {
  char      *title;          /* «Понедельник, 2 ноября 2026 г.» */
  char      *info;           /* reception hours and working time, or why it is closed */
  char      *count;          /* «3 записи» */
  gboolean   closed;
  GPtrArray *entries;        /* Entry */
} Day;

/* One thing on a page: a day's heading (entry < 0) or one of its rows */
typedef struct {
  guint     day;
  int       entry;
  gboolean  continued;
  guint     page;
  double    y;
} Placement;

struct _HdAgendaReport
{
  GObject parent_instance;

  /* Owned */
  HdAgendaSpan  span;
  GDate         first_day;
  char         *school_name;
  char         *consultant;
  char         *period;       /* «Неделя 2–8 ноября 2026 г.» */
  GArray       *days;         /* Day */
  guint         n_appointments;

  /* The last layout, for the page size it was made for */
  double        laid_out_width;
  double        laid_out_height;
  guint         n_pages;
  GArray       *placements;   /* Placement */
};

G_DEFINE_FINAL_TYPE (HdAgendaReport, hd_agenda_report, G_TYPE_OBJECT)

/* ---------------------------------------------------------------------------------------- */
/* Reading and formatting                                                                     */

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  for (guint i = 0; i < N_COLUMNS; i++)
    g_free (entry->cells[i]);
  g_free (entry->visitor_detail);
  g_free (entry);
}

static void
day_clear (gpointer data)
{
  Day *day = data;

  g_free (day->title);
  g_free (day->info);
  g_free (day->count);
  g_clear_pointer (&day->entries, g_ptr_array_unref);
}

static GDateTime *
local_noon (GTimeZone   *tz,
            const GDate *day)
{
  return g_date_time_new (tz, g_date_get_year (day), g_date_get_month (day), g_date_get_day (day),
                          12, 0, 0);
}

static char *
format_date (GTimeZone   *tz,
             const GDate *day,
             const char  *format)
{
  g_autoptr(GDateTime) dt = local_noon (tz, day);

  return g_date_time_format (dt, format);
}

static char *
format_clock (GTimeZone *tz,
              gint64     instant)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (instant);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);

  return g_date_time_format (local, "%H:%M");
}

static char *
format_interval (GTimeZone *tz,
                 gint64     start,
                 gint64     end)
{
  g_autofree char *from = format_clock (tz, start);
  g_autofree char *to = format_clock (tz, end);

  return g_strdup_printf ("%s–%s", from, to);
}

/* «Неделя 2–8 ноября 2026 г.», «Неделя 30 ноября – 6 декабря 2026 г.» */
static char *
format_week (GTimeZone   *tz,
             const GDate *monday)
{
  GDate sunday = *monday;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_date_add_days (&sunday, 6);
  /* Translators: a date at the end of a week's range, see strftime: «8 ноября 2026» */
  to = format_date (tz, &sunday, _("%-d %B %Y"));
  if (g_date_get_month (monday) == g_date_get_month (&sunday))
    {
      from = format_date (tz, monday, "%-d");
      /* Translators: the week of a printed agenda: «Неделя 2–8 ноября 2026 г.» */
      return g_strdup_printf (_("Week %s–%s"), from, to);
    }
  if (g_date_get_year (monday) == g_date_get_year (&sunday))
    /* Translators: the start of a week's range within one year: «30 ноября» */
    from = format_date (tz, monday, _("%-d %B"));
  else
    from = format_date (tz, monday, _("%-d %B %Y"));
  /* Translators: the week of a printed agenda across two months: «Неделя 30 ноября – 6 декабря
   * 2026 г.» */
  return g_strdup_printf (_("Week %s – %s"), from, to);
}

static char *
day_info (HdDayAvailability *avail,
          GTimeZone         *tz)
{
  g_autoptr(GString) info = g_string_new (NULL);
  g_autofree char *work = NULL;

  if (!avail->open)
    {
      if (avail->description != NULL && *avail->description != '\0')
        /* Translators: a closed day in the printed agenda; %s is the holiday's name */
        return g_strdup_printf (_("Non-working day: %s"), avail->description);
      return g_strdup (_("Day off"));
    }

  if (avail->reception->len == 0)
    g_string_append (info, _("No reception hours, consultations by prior arrangement"));
  else
    {
      g_autoptr(GString) hours = g_string_new (NULL);

      for (guint i = 0; i < avail->reception->len; i++)
        {
          const HdReceptionInterval *interval = &g_array_index (avail->reception,
                                                                HdReceptionInterval, i);
          g_autofree char *time = format_interval (tz, interval->start, interval->end);

          if (i > 0)
            g_string_append (hours, "; ");
          g_string_append (hours, time);
          if (interval->place != NULL && *interval->place != '\0')
            g_string_append_printf (hours, ", %s", interval->place);
        }
      /* Translators: %s is one or more intervals with their place: «14:00–16:00, кабинет 12» */
      g_string_append_printf (info, _("Reception hours: %s"), hours->str);
    }

  work = format_interval (tz, avail->work_start, avail->work_end);
  g_string_append (info, "\n");
  if (avail->short_day)
    /* Translators: %s is the working time of a pre-holiday day: «08:00–16:00» */
    g_string_append_printf (info, _("Pre-holiday day: working time is one hour shorter, %s"), work);
  else
    /* Translators: %s is the working time of the day: «08:00–17:00» */
    g_string_append_printf (info, _("Working time: %s"), work);
  if (!avail->short_day && avail->description != NULL && *avail->description != '\0')
    g_string_append_printf (info, " (%s)", avail->description);
  return g_string_free (g_steal_pointer (&info), FALSE);
}

static Entry *
entry_new (HdAppointment *a,
           HdPerson      *person,
           GTimeZone     *tz)
{
  Entry *entry = g_new0 (Entry, 1);
  g_autoptr(GString) status = g_string_new (NULL);
  const char *name = hd_appointment_get_person_name (a);

  entry->cells[COLUMN_TIME] = format_interval (tz, hd_appointment_get_starts_at (a),
                                               hd_appointment_get_ends_at (a));
  entry->cells[COLUMN_VISITOR] = g_strdup (name != NULL ? name : "");
  if (person != NULL)
    {
      const char *position = hd_person_get_position (person);
      const char *class_name = hd_person_get_class_name (person);

      if (position != NULL && *position != '\0')
        entry->visitor_detail = g_strdup (position);
      else if (class_name != NULL && *class_name != '\0')
        /* Translators: under a student's or parent's name in the agenda: «5 «А» класс» */
        entry->visitor_detail = g_strdup_printf (_("class %s"), class_name);
    }

  entry->cells[COLUMN_TOPIC] =
    g_strdup_printf ("%s\n%s", hd_enum_label (HD_ENUM_TOPIC, hd_appointment_get_topic (a)),
                     hd_enum_label (HD_ENUM_APPOINTMENT_MODE, hd_appointment_get_mode (a)));

  g_string_append (status, hd_enum_label (HD_ENUM_APPOINTMENT_STATUS, hd_appointment_get_status (a)));
  if (hd_appointment_get_walk_in (a))
    g_string_append_printf (status, "\n%s", _("without booking"));
  if (hd_appointment_get_request_id (a) > 0)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, hd_appointment_get_request_id (a));

      g_string_append (status, "\n");
      /* Translators: the request a consultation belongs to, in the agenda: «обращение № 12» */
      g_string_append_printf (status, _("request No. %s"), number);
    }
  entry->cells[COLUMN_STATUS] = g_string_free (g_steal_pointer (&status), FALSE);

  entry->cells[COLUMN_NOTES] = g_strdup (hd_appointment_get_notes (a));
  return entry;
}

static gboolean
load (HdAgendaReport  *self,
      HdDatabase      *db,
      HdWorkdays      *workdays,
      GError         **error)
{
  g_autoptr(HdTerms) terms = NULL;
  g_autoptr(GPtrArray) appointments = NULL;
  g_autoptr(GHashTable) people = NULL;
  GTimeZone *tz;
  guint n_days = self->span == HD_AGENDA_WEEK ? 7 : 1;
  guint next = 0;
  gint64 period_start;
  GDate after;

  terms = hd_terms_new_from_database (db, workdays, error);
  if (terms == NULL)
    return FALSE;
  tz = hd_terms_get_time_zone (terms);

  self->school_name = hd_database_get_setting (db, HD_SETTING_SCHOOL_NAME, HD_DEFAULT_SCHOOL_NAME);
  self->consultant = hd_database_get_setting (db, HD_SETTING_CONSULTANT_NAME,
                                              HD_DEFAULT_CONSULTANT_NAME);
  if (self->span == HD_AGENDA_WEEK)
    self->period = format_week (tz, &self->first_day);
  else
    /* Translators: the day of a printed agenda, see strftime: «Понедельник, 2 ноября 2026 г.» */
    self->period = format_date (tz, &self->first_day, _("%A, %-d %B %Y"));

  after = self->first_day;
  g_date_add_days (&after, n_days);
  {
    g_autoptr(GDateTime) from = g_date_time_new (tz, g_date_get_year (&self->first_day),
                                                 g_date_get_month (&self->first_day),
                                                 g_date_get_day (&self->first_day), 0, 0, 0);
    g_autoptr(GDateTime) to = g_date_time_new (tz, g_date_get_year (&after),
                                               g_date_get_month (&after),
                                               g_date_get_day (&after), 0, 0, 0);

    period_start = g_date_time_to_unix (from);
    appointments = hd_appointment_store_list_between (db, period_start, g_date_time_to_unix (to),
                                                      error);
  }
  if (appointments == NULL)
    return FALSE;

  /* Every consultation's person once, for the position or class under the name */
  people = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  for (guint i = 0; i < appointments->len; i++)
    {
      gint64 id = hd_appointment_get_person_id (g_ptr_array_index (appointments, i));
      HdPerson *person;

      if (id <= 0 || g_hash_table_contains (people, &id))
        continue;
      person = hd_person_store_get (db, id, NULL);
      if (person != NULL)
        g_hash_table_insert (people, g_memdup2 (&id, sizeof id), person);
    }

  for (guint d = 0; d < n_days; d++)
    {
      g_autoptr(HdDayAvailability) avail = NULL;
      g_autoptr(GDateTime) end = NULL;
      GDate date = self->first_day;
      Day day = { 0 };
      guint n;

      g_date_add_days (&date, d);
      avail = hd_availability_get_day (db, workdays, terms, &date, error);
      if (avail == NULL)
        return FALSE;

      day.title = format_date (tz, &date, _("%A, %-d %B %Y"));
      day.info = day_info (avail, tz);
      day.closed = !avail->open;
      day.entries = g_ptr_array_new_with_free_func (entry_free);

      g_date_add_days (&date, 1);
      end = g_date_time_new (tz, g_date_get_year (&date), g_date_get_month (&date),
                             g_date_get_day (&date), 0, 0, 0);
      /* A consultation belongs to the day it starts on; the list is in order of the start */
      for (; next < appointments->len; next++)
        {
          HdAppointment *a = g_ptr_array_index (appointments, next);
          gint64 person_id = hd_appointment_get_person_id (a);

          if (hd_appointment_get_starts_at (a) >= g_date_time_to_unix (end))
            break;
          /* One that began the evening before and runs past midnight is the day before's */
          if (hd_appointment_get_starts_at (a) < period_start)
            continue;
          g_ptr_array_add (day.entries, entry_new (a, g_hash_table_lookup (people, &person_id), tz));
        }

      n = day.entries->len;
      self->n_appointments += n;
      if (n > 0)
        /* Translators: how many consultations a day of the printed agenda has */
        day.count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u appointment",
                                                  "%u appointments", n), n);
      g_array_append_val (self->days, day);
    }
  return TRUE;
}

/* ---------------------------------------------------------------------------------------- */
/* Layout and drawing                                                                         */

static double
text (cairo_t        *cr,
      const char     *s,
      double          x,
      double          y,
      double          width,
      double          size,
      PangoWeight     weight,
      PangoStyle      style,
      gboolean        draw)
{
  return hd_report_draw_text (cr, s, x, y, width, size, weight, style, PANGO_ALIGN_LEFT, draw);
}

static double
column_x (Column column,
          double x,
          double width)
{
  for (guint i = 0; i < column; i++)
    x += column_widths[i] * width;
  return x;
}

/* The school, the consultant, the title and the period at the top of every page */
static double
page_header (HdAgendaReport *self,
             cairo_t        *cr,
             double          x,
             double          y,
             double          width,
             gboolean        draw)
{
  double top = y, h;

  h = text (cr, self->school_name, x, y, width * 0.6, SMALL_SIZE, PANGO_WEIGHT_NORMAL,
            PANGO_STYLE_NORMAL, draw);
  if (self->consultant != NULL && *self->consultant != '\0')
    {
      /* Translators: the consultant, at the top right of the printed agenda */
      g_autofree char *who = g_strdup_printf (_("Consultant: %s"), self->consultant);

      h = MAX (h, hd_report_draw_text (cr, who, x + width * 0.6, y, width * 0.4, SMALL_SIZE,
                                       PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, PANGO_ALIGN_RIGHT,
                                       draw));
    }
  y += h + 8;
  y += text (cr, self->span == HD_AGENDA_WEEK ? _("Consultations of the Week")
                                              : _("Consultations of the Day"),
             x, y, width, TITLE_SIZE, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, draw) + 2;
  y += text (cr, self->period, x, y, width, SUBTITLE_SIZE, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL,
             draw);
  return y - top + 12;
}

static double
row_height (const Entry *entry,
            cairo_t     *cr,
            double       x,
            double       y,
            double       width,
            gboolean     draw)
{
  double height = 0;

  for (Column c = 0; c < N_COLUMNS; c++)
    {
      double cx = column_x (c, x, width) + CELL_PAD;
      double cw = column_widths[c] * width - 2 * CELL_PAD;
      double h = text (cr, entry->cells[c], cx, y + CELL_PAD, cw, BODY_SIZE,
                       c == COLUMN_VISITOR ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL,
                       PANGO_STYLE_NORMAL, draw);

      if (c == COLUMN_VISITOR && entry->visitor_detail != NULL)
        h += text (cr, entry->visitor_detail, cx, y + CELL_PAD + h, cw, BODY_SIZE,
                   PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC, draw);
      height = MAX (height, h);
    }
  height += 2 * CELL_PAD;

  if (draw)
    {
      cairo_save (cr);
      cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
      cairo_set_line_width (cr, HAIRLINE);
      cairo_move_to (cr, x, y + height);
      cairo_line_to (cr, x + width, y + height);
      cairo_stroke (cr);
      cairo_restore (cr);
    }
  return height;
}

static double
column_header (cairo_t *cr,
               double   x,
               double   y,
               double   width,
               gboolean draw)
{
  const char *labels[N_COLUMNS] = {
    C_("agenda column", "Time"),
    C_("agenda column", "Visitor"),
    C_("agenda column", "Topic and mode"),
    C_("agenda column", "Status"),
    C_("agenda column", "Notes"),
  };
  double height = 0;

  for (Column c = 0; c < N_COLUMNS; c++)
    height = MAX (height, text (cr, labels[c], 0, 0, column_widths[c] * width - 2 * CELL_PAD,
                                SMALL_SIZE, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, FALSE));
  height += 2 * CELL_PAD;
  if (!draw)
    return height;

  /* Light grey behind the labels, which survives a black-and-white printer */
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.9, 0.9, 0.9);
  cairo_rectangle (cr, x, y, width, height);
  cairo_fill (cr);
  cairo_restore (cr);
  for (Column c = 0; c < N_COLUMNS; c++)
    text (cr, labels[c], column_x (c, x, width) + CELL_PAD, y + CELL_PAD,
          column_widths[c] * width - 2 * CELL_PAD, SMALL_SIZE, PANGO_WEIGHT_BOLD,
          PANGO_STYLE_NORMAL, TRUE);
  return height;
}

/* A day's heading: its date (and «продолжение» on a later page), what the day is, then the
 * table's header or «Записей нет» */
static double
day_heading (const Day *day,
             cairo_t   *cr,
             double     x,
             double     y,
             double     width,
             gboolean   continued,
             gboolean   draw)
{
  g_autofree char *title = NULL;
  double top = y;

  if (continued)
    /* Translators: a day's heading repeated at the top of the next page of the agenda */
    title = g_strdup_printf (_("%s (continued)"), day->title);
  if (day->count != NULL && !continued)
    hd_report_draw_text (cr, day->count, x, y + 2, width, SMALL_SIZE, PANGO_WEIGHT_NORMAL,
                         PANGO_STYLE_NORMAL, PANGO_ALIGN_RIGHT, draw);
  y += text (cr, title != NULL ? title : day->title, x, y, width * 0.8, DAY_SIZE,
             PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, draw) + 2;
  if (!continued)
    y += text (cr, day->info, x, y, width, BODY_SIZE, PANGO_WEIGHT_NORMAL,
               day->closed ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL, draw) + 4;

  if (day->entries->len > 0)
    y += column_header (cr, x, y, width, draw);
  else if (!day->closed)
    y += text (cr, _("No appointments"), x + CELL_PAD, y, width, BODY_SIZE, PANGO_WEIGHT_NORMAL,
               PANGO_STYLE_ITALIC, draw);
  return y - top;
}

static void
place (HdAgendaReport *self,
       guint           day,
       int             entry,
       gboolean        continued,
       guint           page,
       double          y)
{
  Placement p = { day, entry, continued, page, y };

  g_array_append_val (self->placements, p);
}

/* Lays the days out on pages of @page_width × @page_height; cached for the last size */
static void
layout (HdAgendaReport *self,
        double          page_width,
        double          page_height)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  double width = page_width - MARGIN_LEFT - MARGIN_RIGHT;
  double bottom = page_height - MARGIN_BOTTOM;
  double top, y;
  guint page = 0;

  if (self->placements != NULL && self->laid_out_width == page_width &&
      self->laid_out_height == page_height)
    return;

  g_clear_pointer (&self->placements, g_array_unref);
  self->placements = g_array_new (FALSE, FALSE, sizeof (Placement));
  self->laid_out_width = page_width;
  self->laid_out_height = page_height;

  /* A recording surface measures text as a vector surface does: no hinted metrics */
  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (surface);

  top = MARGIN_TOP + page_header (self, cr, 0, 0, width, FALSE);
  y = top;
  for (guint d = 0; d < self->days->len; d++)
    {
      const Day *day = &g_array_index (self->days, Day, d);
      double heading = day_heading (day, cr, 0, 0, width, FALSE, FALSE);
      double first = day->entries->len > 0 ? row_height (g_ptr_array_index (day->entries, 0), cr,
                                                         0, 0, width, FALSE) : 0;

      if (y > top)
        y += DAY_GAP;
      /* A heading never ends a page without its first row */
      if (y > top && y + heading + first > bottom)
        {
          page++;
          y = top;
        }
      place (self, d, -1, FALSE, page, y);
      y += heading;

      for (guint e = 0; e < day->entries->len; e++)
        {
          double h = row_height (g_ptr_array_index (day->entries, e), cr, 0, 0, width, FALSE);

          if (y + h > bottom)
            {
              page++;
              y = top;
              place (self, d, -1, TRUE, page, y);
              y += day_heading (day, cr, 0, 0, width, TRUE, FALSE);
            }
          place (self, d, (int) e, FALSE, page, y);
          y += h;
        }
    }
  self->n_pages = page + 1;

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* ---------------------------------------------------------------------------------------- */
/* GObject                                                                                    */

static void
hd_agenda_report_finalize (GObject *object)
{
  HdAgendaReport *self = HD_AGENDA_REPORT (object);

  g_free (self->school_name);
  g_free (self->consultant);
  g_free (self->period);
  g_clear_pointer (&self->days, g_array_unref);
  g_clear_pointer (&self->placements, g_array_unref);
  G_OBJECT_CLASS (hd_agenda_report_parent_class)->finalize (object);
}

static void
hd_agenda_report_class_init (HdAgendaReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hd_agenda_report_finalize;
}

static void
hd_agenda_report_init (HdAgendaReport *self)
{
  self->days = g_array_new (FALSE, TRUE, sizeof (Day));
  g_array_set_clear_func (self->days, day_clear);
  g_date_clear (&self->first_day, 1);
}

/* ---------------------------------------------------------------------------------------- */
/* Public API                                                                                 */

/**
 * hd_agenda_report_new:
 * @db: the database
 * @workdays: the production calendar with the school's overrides
 * @day: a day; for %HD_AGENDA_WEEK, any day of the week
 * @span: one day or its week (Monday first)
 * @error: return location for an error
 *
 * Reads the consultations of the period (every status, in order of time), each day's
 * reception hours and working time from the production calendar, and the school's name and
 * consultant from the settings. The result is plain text ready to lay out: drawing never
 * touches the database, so it may happen in another thread.
 *
 * Returns: (transfer full): the agenda, or %NULL with @error set
 */
HdAgendaReport *
hd_agenda_report_new (HdDatabase    *db,
                      HdWorkdays    *workdays,
                      const GDate   *day,
                      HdAgendaSpan   span,
                      GError       **error)
{
  g_autoptr(HdAgendaReport) self = NULL;

  g_return_val_if_fail (HD_IS_DATABASE (db), NULL);
  g_return_val_if_fail (HD_IS_WORKDAYS (workdays), NULL);
  g_return_val_if_fail (day != NULL && g_date_valid (day), NULL);
  g_return_val_if_fail (span == HD_AGENDA_DAY || span == HD_AGENDA_WEEK, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (HD_TYPE_AGENDA_REPORT, NULL);
  self->span = span;
  self->first_day = *day;
  if (span == HD_AGENDA_WEEK)
    g_date_subtract_days (&self->first_day, g_date_get_weekday (day) - G_DATE_MONDAY);
  if (!load (self, db, workdays, error))
    return NULL;
  return g_steal_pointer (&self);
}

HdAgendaSpan
hd_agenda_report_get_span (HdAgendaReport *self)
{
  g_return_val_if_fail (HD_IS_AGENDA_REPORT (self), HD_AGENDA_DAY);
  return self->span;
}

/**
 * hd_agenda_report_get_first_day:
 * @day: (out caller-allocates): the day, or the Monday of the week
 */
void
hd_agenda_report_get_first_day (HdAgendaReport *self,
                                GDate          *day)
{
  g_return_if_fail (HD_IS_AGENDA_REPORT (self));
  g_return_if_fail (day != NULL);
  *day = self->first_day;
}

/**
 * hd_agenda_report_get_n_appointments:
 *
 * Returns: how many consultations the agenda lists, in any status
 */
guint
hd_agenda_report_get_n_appointments (HdAgendaReport *self)
{
  g_return_val_if_fail (HD_IS_AGENDA_REPORT (self), 0);
  return self->n_appointments;
}

/**
 * hd_agenda_report_get_title:
 *
 * Returns: (transfer full): the period as the agenda names it, «Неделя 2–8 ноября 2026 г.» or
 *   «Понедельник, 2 ноября 2026 г.»
 */
char *
hd_agenda_report_get_title (HdAgendaReport *self)
{
  g_return_val_if_fail (HD_IS_AGENDA_REPORT (self), NULL);
  return g_strdup (self->period);
}

/**
 * hd_agenda_report_get_n_pages:
 * @page_width: page width in points (%HD_AGENDA_REPORT_PAGE_WIDTH for A4)
 * @page_height: page height in points
 *
 * Returns: how many pages the agenda takes at this page size
 */
guint
hd_agenda_report_get_n_pages (HdAgendaReport *self,
                              double          page_width,
                              double          page_height)
{
  g_return_val_if_fail (HD_IS_AGENDA_REPORT (self), 0);
  g_return_val_if_fail (page_width > MARGIN_LEFT + MARGIN_RIGHT + 100, 0);
  g_return_val_if_fail (page_height > MARGIN_TOP + MARGIN_BOTTOM + 200, 0);

  layout (self, page_width, page_height);
  return self->n_pages;
}

/**
 * hd_agenda_report_draw_page:
 * @cr: where to draw; user units are points, the origin the page's top left corner
 * @page: the page, from 0
 * @page_width: page width in points
 * @page_height: page height in points
 *
 * Draws one page, margins included, in black on white: on a PDF surface, a print context
 * (with the full page in use) or an image for a preview.
 */
void
hd_agenda_report_draw_page (HdAgendaReport *self,
                            cairo_t        *cr,
                            guint           page,
                            double          page_width,
                            double          page_height)
{
  double width = page_width - MARGIN_LEFT - MARGIN_RIGHT;

  g_return_if_fail (HD_IS_AGENDA_REPORT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page_width > MARGIN_LEFT + MARGIN_RIGHT + 100);
  g_return_if_fail (page_height > MARGIN_TOP + MARGIN_BOTTOM + 200);

  layout (self, page_width, page_height);
  g_return_if_fail (page < self->n_pages);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  page_header (self, cr, MARGIN_LEFT, MARGIN_TOP, width, TRUE);
  for (guint i = 0; i < self->placements->len; i++)
    {
      const Placement *p = &g_array_index (self->placements, Placement, i);
      const Day *day = &g_array_index (self->days, Day, p->day);

      if (p->page != page)
        continue;
      if (p->entry < 0)
        day_heading (day, cr, MARGIN_LEFT, p->y, width, p->continued, TRUE);
      else
        row_height (g_ptr_array_index (day->entries, p->entry), cr, MARGIN_LEFT, p->y, width, TRUE);
    }
  hd_report_draw_footer (cr, self->period, page, self->n_pages, MARGIN_LEFT,
                         page_height - MARGIN_BOTTOM + FOOTER_GAP, width, SMALL_SIZE);
  cairo_restore (cr);
}

static void
draw_page_cb (gpointer  user_data,
              cairo_t  *cr,
              guint     page,
              double    page_width,
              double    page_height)
{
  hd_agenda_report_draw_page (user_data, cr, page, page_width, page_height);
}

/**
 * hd_agenda_report_write_pdf:
 * @path: the PDF file to write (replaced only when the new one is complete)
 * @error: return location for an error
 *
 * Writes the agenda as an A4 PDF with its fonts embedded. Safe in a worker thread.
 *
 * Returns: %TRUE when the file was written
 */
gboolean
hd_agenda_report_write_pdf (HdAgendaReport  *self,
                            const char      *path,
                            GError         **error)
{
  g_autofree char *title = NULL;

  g_return_val_if_fail (HD_IS_AGENDA_REPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  title = g_strdup_printf ("%s — %s", self->span == HD_AGENDA_WEEK
                                      ? _("Consultations of the Week")
                                      : _("Consultations of the Day"), self->period);
  return hd_report_write_pdf_pages (path, title,
                                    hd_agenda_report_get_n_pages (self, HD_AGENDA_REPORT_PAGE_WIDTH,
                                                                  HD_AGENDA_REPORT_PAGE_HEIGHT),
                                    HD_AGENDA_REPORT_PAGE_WIDTH, HD_AGENDA_REPORT_PAGE_HEIGHT,
                                    draw_page_cb, self, error);
}
