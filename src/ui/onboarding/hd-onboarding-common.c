/* hd-onboarding-common.c — what the onboarding widgets share: the calendar, today, dates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tracker, the editor and the overrides in the Preferences must count on one production
 * calendar, so that a local override saved in the Preferences moves the due dates shown in the
 * tracker at once (HdWorkdays::changed). HdContext has no calendar of its own yet, so the one
 * instance hangs on the context object.
 */
#define G_LOG_DOMAIN "hd-onboarding"

#include "config.h"

#include <glib/gi18n.h>

#include "hd-date.h"
#include "hd-onboarding-common.h"
#include "hd-terms.h"

/* Today in the school's time zone, as hd-stats and the newcomer store see it */
void
hd_onboarding_get_today (HdContext *context,
                         GDate     *today)
{
  g_return_if_fail (HD_IS_CONTEXT (context));
  g_return_if_fail (today != NULL);

  hd_date_set_unix (today, hd_context_get_now (context), hd_context_get_time_zone (context));
}

gint64
hd_onboarding_get_now (HdContext *context)
{
  g_return_val_if_fail (HD_IS_CONTEXT (context), 0);
  return hd_context_get_now (context);
}

/* «6 ноября 2026» */
char *
hd_onboarding_format_date (const GDate *date)
{
  g_autoptr(GDateTime) dt = NULL;

  g_return_val_if_fail (date != NULL, NULL);

  if (!g_date_valid (date))
    return g_strdup ("");
  dt = g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date),
                            g_date_get_day (date), 0, 0, 0);
  /* Translators: a date in a sentence or a table, see strftime; %B is the genitive month in ru */
  return g_date_time_format (dt, _("%-d %B %Y"));
}

char *
hd_onboarding_format_iso (const char *iso)
{
  GDate date;

  if (!hd_date_parse_iso (iso, &date))
    return g_strdup ("");
  return hd_onboarding_format_date (&date);
}

/* The tooltip of a due date: which working days were counted */
char *
hd_onboarding_describe_counted (GPtrArray *counted_days)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (counted_days != NULL, NULL);

  g_string_append (text, _("Working days counted:"));
  for (guint i = 0; i < counted_days->len; i++)
    {
      const GDate *day = g_ptr_array_index (counted_days, i);
      g_autoptr(GDateTime) dt = g_date_time_new_utc (g_date_get_year (day), g_date_get_month (day),
                                                     g_date_get_day (day), 0, 0, 0);
      /* Translators: one counted working day in a list, e.g. «3 ноября, вт» */
      g_autofree char *line = g_date_time_format (dt, _("%-d %B, %a"));

      g_string_append_printf (text, "\n%u. %s", i + 1, line);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

const char *
hd_onboarding_status_icon_name (HdOnboardingStatus status)
{
  switch (status)
    {
    case HD_ONBOARDING_OVERDUE:
      return "task-past-due-symbolic";
    case HD_ONBOARDING_DUE_TODAY:
      return "alarm-symbolic";
    case HD_ONBOARDING_WAITING:
      return "appointment-soon-symbolic";
    case HD_ONBOARDING_TRAINED_LATE:
      return "object-select-symbolic";
    case HD_ONBOARDING_TRAINED_ON_TIME:
      return "emblem-ok-symbolic";
    case HD_N_ONBOARDING_STATUSES:
    default:
      return "dialog-question-symbolic";
    }
}

/**
 * hd_onboarding_describe_training:
 * @training: a consultation that trains a new employee, scheduled or held
 *
 * Returns: «Обучение назначено на 5 ноября, 10:00», or for one held while the checklist is not
 *   done yet, what is left to do
 */
char *
hd_onboarding_describe_training (HdContext     *context,
                                 HdAppointment *training)
{
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (HD_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (HD_IS_APPOINTMENT (training), NULL);

  when = hd_context_date_time (context, hd_appointment_get_starts_at (training));
  text = g_date_time_format (when, "%-d %B, %H:%M");
  if (hd_appointment_get_status (training) == HD_APPOINTMENT_HELD)
    /* Translators: %s is a date and time, «5 ноября, 10:00» */
    return g_strdup_printf (_("Training held on %s: tick the checklist in the card"), text);
  /* Translators: %s is a date and time, «5 ноября, 10:00» */
  return g_strdup_printf (_("Training booked for %s"), text);
}
