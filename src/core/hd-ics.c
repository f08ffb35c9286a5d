/* hd-ics.c — consultations as iCalendar (RFC 5545), through libical
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One VEVENT per consultation, with a UID that stays the same from one export to the next
 * (appointment-<id>@schoolhelpdesk) and DTSTAMP from the last change, so a calendar that
 * imports the file again updates its events instead of doubling them. Times carry the
 * school's time zone (TZID and a VTIMEZONE) when its offset is the same over the whole
 * exported range, which holds for Asia/Yakutsk (no daylight saving since 2014); otherwise
 * they are written in UTC. Cancelled, rescheduled and missed consultations are
 * STATUS:CANCELLED, the others CONFIRMED. Each has a 15-minute display alarm.
 */
#define G_LOG_DOMAIN "hd-ics"

#include "config.h"

#include <glib/gi18n.h>
#include <libical/ical.h>
#include <stdlib.h>
#include <string.h>

#include "hd-appointment-store.h"
#include "hd-enums.h"
#include "hd-error.h"
#include "hd-ics.h"

/* A wall-clock time of @tz as libical's structure (not yet tied to a zone) */
static struct icaltimetype
wall_time (GTimeZone *tz,
           gint64     instant)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (instant);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);
  struct icaltimetype t = icaltime_null_time ();

  t.year = g_date_time_get_year (local);
  t.month = g_date_time_get_month (local);
  t.day = g_date_time_get_day_of_month (local);
  t.hour = g_date_time_get_hour (local);
  t.minute = g_date_time_get_minute (local);
  t.second = g_date_time_get_second (local);
  t.is_date = 0;
  return t;
}

static struct icaltimetype
utc_time (gint64 instant)
{
  return icaltime_from_timet_with_zone ((time_t) instant, 0, icaltimezone_get_utc_timezone ());
}

/* Whether @tz has one offset over [@from, @to] (checked at every day's noon) */
static gboolean
fixed_offset (GTimeZone *tz,
              gint64     from,
              gint64     to,
              int       *offset)
{
  g_autoptr(GDateTime) first = g_date_time_new_from_unix_utc (from);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (first, tz);

  *offset = (int) (g_date_time_get_utc_offset (local) / G_TIME_SPAN_SECOND);
  for (gint64 t = from; t <= to; t += 12 * 3600)
    {
      g_autoptr(GDateTime) u = g_date_time_new_from_unix_utc (t);
      g_autoptr(GDateTime) l = g_date_time_to_timezone (u, tz);

      if (g_date_time_get_utc_offset (l) / G_TIME_SPAN_SECOND != *offset)
        return FALSE;
    }
  return TRUE;
}

static icalcomponent *
make_vtimezone (const char *tzid,
                int         offset)
{
  icalcomponent *zone = icalcomponent_new (ICAL_VTIMEZONE_COMPONENT);
  icalcomponent *standard = icalcomponent_new (ICAL_XSTANDARD_COMPONENT);
  struct icaltimetype start = icaltime_null_time ();
  g_autofree char *name = NULL;

  start.year = 1970;
  start.month = 1;
  start.day = 1;
  start.is_date = 0;
  icalcomponent_add_property (zone, icalproperty_new_tzid (tzid));
  icalcomponent_add_property (standard, icalproperty_new_dtstart (start));
  icalcomponent_add_property (standard, icalproperty_new_tzoffsetfrom (offset));
  icalcomponent_add_property (standard, icalproperty_new_tzoffsetto (offset));
  name = g_strdup_printf ("%c%02d", offset < 0 ? '-' : '+', ABS (offset) / 3600);
  icalcomponent_add_property (standard, icalproperty_new_tzname (name));
  icalcomponent_add_component (zone, standard);
  return zone;
}

static icalproperty *
time_property (icalproperty *(*ctor) (struct icaltimetype),
               GTimeZone    *tz,
               const char   *tzid,
               gint64        instant)
{
  icalproperty *prop;

  if (tzid == NULL)
    return ctor (utc_time (instant));
  prop = ctor (wall_time (tz, instant));
  icalproperty_add_parameter (prop, icalparameter_new_tzid (tzid));
  return prop;
}

static icalcomponent *
make_event (HdAppointment *a,
            GTimeZone     *tz,
            const char    *tzid)
{
  icalcomponent *event = icalcomponent_new (ICAL_VEVENT_COMPONENT);
  icalcomponent *alarm = icalcomponent_new (ICAL_VALARM_COMPONENT);
  struct icaltriggertype trigger = { 0, };
  g_autofree char *uid = g_strdup_printf ("appointment-%" G_GINT64_FORMAT "@" HD_ICS_UID_DOMAIN,
                                          hd_appointment_get_id (a));
  g_autofree char *summary = NULL;
  const char *name = hd_appointment_get_person_name (a);
  const char *notes = hd_appointment_get_notes (a);
  const char *outcome = hd_appointment_get_outcome (a);
  g_autoptr(GString) description = g_string_new (NULL);
  int status = hd_appointment_get_status (a);
  gint64 stamp = hd_appointment_get_updated_at (a);

  /* Translators: the title of a consultation in another calendar: a person and a topic */
  summary = g_strdup_printf (_("Consultation: %s — %s"), name != NULL ? name : "",
                             hd_enum_label (HD_ENUM_TOPIC, hd_appointment_get_topic (a)));

  icalcomponent_add_property (event, icalproperty_new_uid (uid));
  icalcomponent_add_property (event, icalproperty_new_dtstamp (utc_time (stamp > 0 ? stamp : hd_appointment_get_starts_at (a))));
  icalcomponent_add_property (event, time_property (icalproperty_new_dtstart, tz, tzid,
                                                    hd_appointment_get_starts_at (a)));
  icalcomponent_add_property (event, time_property (icalproperty_new_dtend, tz, tzid,
                                                    hd_appointment_get_ends_at (a)));
  icalcomponent_add_property (event, icalproperty_new_summary (summary));
  icalcomponent_add_property (event, icalproperty_new_status (status == HD_APPOINTMENT_SCHEDULED ||
                                                              status == HD_APPOINTMENT_HELD
                                                              ? ICAL_STATUS_CONFIRMED : ICAL_STATUS_CANCELLED));
  icalcomponent_add_property (event, icalproperty_new_location (hd_enum_label (HD_ENUM_APPOINTMENT_MODE,
                                                                               hd_appointment_get_mode (a))));
  g_string_append (description, hd_enum_label (HD_ENUM_APPOINTMENT_STATUS, status));
  if (notes != NULL && *notes != '\0')
    g_string_append_printf (description, "\n%s", notes);
  if (outcome != NULL && *outcome != '\0')
    g_string_append_printf (description, "\n%s", outcome);
  icalcomponent_add_property (event, icalproperty_new_description (description->str));

  trigger.time = icaltime_null_time ();
  trigger.duration = icaldurationtype_from_int (-HD_ICS_ALARM_MINUTES * 60);
  icalcomponent_add_property (alarm, icalproperty_new_action (ICAL_ACTION_DISPLAY));
  icalcomponent_add_property (alarm, icalproperty_new_trigger (trigger));
  icalcomponent_add_property (alarm, icalproperty_new_description (summary));
  icalcomponent_add_component (event, alarm);
  return event;
}

/**
 * hd_ics_export_string:
 * @db: the database
 * @tz: the school's time zone
 * @tzid: (nullable): its IANA name for TZID (e.g. "Asia/Yakutsk"); %NULL writes UTC times
 * @from: Unix seconds
 * @to: Unix seconds, after @from
 * @n_events: (out) (optional): how many VEVENTs were written
 *
 * The consultations that overlap [@from, @to), in any status, as an iCalendar text.
 *
 * Returns: (transfer full): the text, or %NULL on a database error
 */
char *
hd_ics_export_string (HdDatabase  *db,
                      GTimeZone   *tz,
                      const char  *tzid,
                      gint64       from,
                      gint64       to,
                      guint       *n_events,
                      GError     **error)
{
  g_autoptr(GPtrArray) appointments = NULL;
  icalcomponent *calendar;
  char *text;
  char *copy;
  int offset = 0;

  g_return_val_if_fail (HD_IS_DATABASE (db), NULL);
  g_return_val_if_fail (tz != NULL, NULL);
  g_return_val_if_fail (to > from, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  appointments = hd_appointment_store_list_between (db, from, to, error);
  if (appointments == NULL)
    return NULL;

  if (tzid != NULL && !fixed_offset (tz, from, to, &offset))
    tzid = NULL;

  calendar = icalcomponent_new (ICAL_VCALENDAR_COMPONENT);
  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar, icalproperty_new_prodid ("-//School Helpdesk//" PACKAGE_VERSION "//RU"));
  icalcomponent_add_property (calendar, icalproperty_new_calscale ("GREGORIAN"));
  if (tzid != NULL)
    icalcomponent_add_component (calendar, make_vtimezone (tzid, offset));
  for (guint i = 0; i < appointments->len; i++)
    icalcomponent_add_component (calendar, make_event (g_ptr_array_index (appointments, i), tz, tzid));

  text = icalcomponent_as_ical_string_r (calendar);
  icalcomponent_free (calendar);
  /* libical's buffer is freed with free(), ours with g_free() */
  copy = g_strdup (text);
  free (text);
  if (n_events != NULL)
    *n_events = appointments->len;
  return copy;
}

/**
 * hd_ics_export_file:
 * @file: where to write (replaced atomically)
 *
 * hd_ics_export_string() written to @file.
 */
gboolean
hd_ics_export_file (HdDatabase  *db,
                    GTimeZone   *tz,
                    const char  *tzid,
                    gint64       from,
                    gint64       to,
                    GFile       *file,
                    guint       *n_events,
                    GError     **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  text = hd_ics_export_string (db, tz, tzid, from, to, n_events, error);
  if (text == NULL)
    return FALSE;
  if (!g_file_replace_contents (file, text, strlen (text), NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                                NULL, &local_error))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      /* Translators: the first %s is a file name, the second the system's reason */
      g_set_error (error, HD_ERROR, HD_ERROR_IO, _("The calendar could not be written to “%s”: %s"),
                   name, local_error->message);
      return FALSE;
    }
  return TRUE;
}
