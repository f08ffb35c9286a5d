/* hd-availability.c — when the consultant can be booked: reception hours and working time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two tiers, from the regulation: the approved weekly reception hours, and consultations by
 * prior arrangement anywhere in working time. Both follow the production calendar: nothing on
 * a closed day; a pre-holiday day ends an hour earlier (hd_terms_get_day_window()) and its
 * reception hours are cut to fit.
 *
 * A transferred working Saturday works for the weekday whose day off it became: 2027-02-20
 * works for Monday 2027-02-22, so Monday's reception hours apply. The weekday is read from
 * the note of the calendar file ("day off moved to YYYY-MM-DD"); without one, from the
 * nearest transferred day off (Mon–Fri) within a week; failing both, Friday's hours apply.
 * A weekend day the school itself made working follows Friday too.
 */
#define G_LOG_DOMAIN "hd-availability"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "hd-availability.h"
#include "hd-reception-hours.h"

/* Used when the calendar does not say which weekday a working day replaces */
#define FALLBACK_WEEKDAY G_DATE_FRIDAY

void
hd_day_availability_free (HdDayAvailability *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->reception, g_array_unref);
  g_free (self->description);
  g_free (self);
}

static void
reception_interval_clear (gpointer data)
{
  HdReceptionInterval *interval = data;

  g_clear_pointer (&interval->place, g_free);
}

/* Julian day of a working Saturday → the weekday (1–5) it works for, from the calendar file */
static GHashTable *
load_transfers (void)
{
  GHashTable *table = g_hash_table_new (g_direct_hash, g_direct_equal);
  const char *dir = g_getenv ("HD_WORKDAYS_DIR");
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  if (dir != NULL && *dir != '\0')
    path = g_build_filename (dir, HD_WORKDAYS_FILE, NULL);
  else
    path = g_build_filename (PKGDATADIR, "workdays", HD_WORKDAYS_FILE, NULL);
  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return table;

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[i], "\t", 3);
      const char *moved;
      GDate day, off;
      char iso[11];

      if (g_strv_length (cells) < 3 || strcmp (cells[1], "workday-transfer") != 0)
        continue;
      moved = strstr (cells[2], "moved to ");
      if (moved == NULL)
        continue;
      g_strlcpy (iso, moved + strlen ("moved to "), sizeof iso);
      g_date_clear (&day, 1);
      g_date_clear (&off, 1);
      if (strlen (cells[0]) != 10 || strlen (iso) != 10)
        continue;
      g_date_set_dmy (&day, atoi (cells[0] + 8), atoi (cells[0] + 5), atoi (cells[0]));
      g_date_set_dmy (&off, atoi (iso + 8), atoi (iso + 5), atoi (iso));
      if (!g_date_valid (&day) || !g_date_valid (&off))
        continue;
      g_hash_table_insert (table, GUINT_TO_POINTER (g_date_get_julian (&day)),
                           GINT_TO_POINTER (g_date_get_weekday (&off)));
    }
  return table;
}

static GHashTable *
get_transfers (void)
{
  static gsize once = 0;
  static GHashTable *table = NULL;

  if (g_once_init_enter (&once))
    {
      table = load_transfers ();
      g_once_init_leave (&once, 1);
    }
  return table;
}

/**
 * hd_availability_rules_weekday:
 * @workdays: the production calendar
 * @day: a valid date
 *
 * Returns: the weekday (1 = Monday … 5 = Friday) whose reception hours apply on @day, or 0
 *   when @day is not a working day
 */
int
hd_availability_rules_weekday (HdWorkdays  *workdays,
                               const GDate *day)
{
  HdDayKind kind;
  int weekday;

  g_return_val_if_fail (HD_IS_WORKDAYS (workdays), 0);
  g_return_val_if_fail (day != NULL && g_date_valid (day), 0);

  if (!hd_workdays_is_working_day (workdays, day))
    return 0;

  weekday = g_date_get_weekday (day);
  kind = hd_workdays_get_day_kind (workdays, day);
  if (kind == HD_DAY_WORKING_SATURDAY)
    {
      gpointer found = g_hash_table_lookup (get_transfers (),
                                            GUINT_TO_POINTER (g_date_get_julian (day)));

      if (found != NULL)
        return GPOINTER_TO_INT (found);

      /* The transfer rule: the nearest weekday made a day off, within a week */
      for (int distance = 1; distance <= 7; distance++)
        for (int sign = 1; sign >= -1; sign -= 2)
          {
            GDate other = *day;

            if (sign > 0)
              g_date_add_days (&other, distance);
            else
              g_date_subtract_days (&other, distance);
            if (g_date_get_weekday (&other) <= G_DATE_FRIDAY &&
                hd_workdays_get_day_kind (workdays, &other) == HD_DAY_DAYOFF_TRANSFER)
              return g_date_get_weekday (&other);
          }
      return FALLBACK_WEEKDAY;
    }
  if (weekday > G_DATE_FRIDAY)
    return FALLBACK_WEEKDAY;
  return weekday;
}

static gint64
local_instant (GTimeZone   *tz,
               const GDate *day,
               int          minutes)
{
  g_autoptr(GDateTime) dt = g_date_time_new (tz, g_date_get_year (day), g_date_get_month (day),
                                             g_date_get_day (day), 0, 0, 0);

  return g_date_time_to_unix (dt) + (gint64) minutes * 60;
}

static int
compare_intervals (gconstpointer a,
                   gconstpointer b)
{
  const HdReceptionInterval *ia = a, *ib = b;

  return (ia->start > ib->start) - (ia->start < ib->start);
}

/**
 * hd_availability_get_day:
 * @db: the database (reception hours)
 * @workdays: the production calendar with the school's overrides
 * @terms: working hours and the school's time zone
 * @day: a valid local date
 *
 * Returns: (transfer full): what can be booked on @day, or %NULL on a database error
 */
HdDayAvailability *
hd_availability_get_day (HdDatabase   *db,
                         HdWorkdays   *workdays,
                         HdTerms      *terms,
                         const GDate  *day,
                         GError      **error)
{
  g_autoptr(HdDayAvailability) self = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (HD_IS_DATABASE (db), NULL);
  g_return_val_if_fail (HD_IS_WORKDAYS (workdays), NULL);
  g_return_val_if_fail (HD_IS_TERMS (terms), NULL);
  g_return_val_if_fail (day != NULL && g_date_valid (day), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (HdDayAvailability, 1);
  self->day = *day;
  self->kind = hd_workdays_get_day_kind (workdays, day);
  self->description = hd_workdays_describe_day (workdays, day);
  self->reception = g_array_new (FALSE, TRUE, sizeof (HdReceptionInterval));
  g_array_set_clear_func (self->reception, reception_interval_clear);

  self->open = hd_terms_get_day_window (terms, day, &self->work_start, &self->work_end);
  if (!self->open)
    {
      self->work_start = self->work_end = 0;
      return g_steal_pointer (&self);
    }
  self->short_day = hd_workdays_is_short_day (workdays, day);
  self->rules_weekday = hd_availability_rules_weekday (workdays, day);

  rows = hd_reception_hours_store_list_valid_on (db, day, error);
  if (rows == NULL)
    return NULL;
  for (guint i = 0; i < rows->len; i++)
    {
      HdReceptionHours *hours = g_ptr_array_index (rows, i);
      HdReceptionInterval interval;
      GTimeZone *tz = hd_terms_get_time_zone (terms);

      if (hd_reception_hours_get_weekday (hours) != self->rules_weekday)
        continue;
      interval.start = local_instant (tz, day, hd_reception_hours_get_starts_min (hours));
      interval.end = local_instant (tz, day, hd_reception_hours_get_ends_min (hours));
      /* Cut to the working time: on a short day the last hour goes */
      interval.start = MAX (interval.start, self->work_start);
      interval.end = MIN (interval.end, self->work_end);
      if (interval.end <= interval.start)
        continue;
      interval.place = g_strdup (hd_reception_hours_get_place (hours));
      g_array_append_val (self->reception, interval);
    }
  g_array_sort (self->reception, compare_intervals);
  return g_steal_pointer (&self);
}

/**
 * hd_day_availability_in_reception:
 *
 * Returns: whether [@start, @end) lies inside one interval of reception hours (or
 *   in adjoining ones)
 */
gboolean
hd_day_availability_in_reception (const HdDayAvailability *self,
                                  gint64                   start,
                                  gint64                   end)
{
  gint64 covered = start;

  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; i < self->reception->len && covered < end; i++)
    {
      const HdReceptionInterval *interval = &g_array_index (self->reception, HdReceptionInterval, i);

      if (interval->start <= covered && interval->end > covered)
        covered = interval->end;
    }
  return self->open && covered >= end;
}

/**
 * hd_day_availability_in_work_time:
 *
 * Returns: whether [@start, @end) lies inside the working time of an open day
 */
gboolean
hd_day_availability_in_work_time (const HdDayAvailability *self,
                                  gint64                   start,
                                  gint64                   end)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->open && start >= self->work_start && end <= self->work_end && end > start;
}

/**
 * hd_availability_get_slot_minutes:
 *
 * Returns: the length of a consultation offered by default (setting `slot-minutes`, 5–240)
 */
int
hd_availability_get_slot_minutes (HdDatabase *db)
{
  g_return_val_if_fail (HD_IS_DATABASE (db), HD_DEFAULT_SLOT_MINUTES);

  return CLAMP (hd_database_get_setting_int (db, HD_SETTING_SLOT_MINUTES, HD_DEFAULT_SLOT_MINUTES),
                5, 240);
}

/**
 * hd_availability_get_buffer_minutes:
 *
 * Returns: minutes kept free after each consultation (setting `buffer-minutes`, 0–120)
 */
int
hd_availability_get_buffer_minutes (HdDatabase *db)
{
  g_return_val_if_fail (HD_IS_DATABASE (db), HD_DEFAULT_BUFFER_MINUTES);

  return CLAMP (hd_database_get_setting_int (db, HD_SETTING_BUFFER_MINUTES, HD_DEFAULT_BUFFER_MINUTES),
                0, 120);
}

/**
 * hd_availability_get_horizon_days:
 *
 * Returns: how many days ahead consultations can be booked (setting `booking-horizon-days`,
 *   1–366)
 */
int
hd_availability_get_horizon_days (HdDatabase *db)
{
  g_return_val_if_fail (HD_IS_DATABASE (db), HD_DEFAULT_BOOKING_HORIZON_DAYS);

  return CLAMP (hd_database_get_setting_int (db, HD_SETTING_BOOKING_HORIZON_DAYS,
                                             HD_DEFAULT_BOOKING_HORIZON_DAYS),
                1, 366);
}
