/* hd-calendar-days.c — the calendar_days table: the school's own working and non-working days
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A day the consultant is away, or a working day the school adds; HdWorkdays lays these over
 * the production calendar (hd_workdays_load_overrides()).
 */
#define G_LOG_DOMAIN "hd-calendar-days"

#include "config.h"

#include <glib/gi18n.h>

#include "hd-calendar-days.h"
#include "hd-database-private.h"
#include "hd-date.h"
#include "hd-error.h"
#include "hd-text.h"

G_DEFINE_BOXED_TYPE (HdCalendarDay, hd_calendar_day, hd_calendar_day_copy, hd_calendar_day_free)

/**
 * hd_calendar_day_new:
 * @day: a valid date
 * @working: whether the school works that day
 * @note: (nullable): why
 *
 * Returns: (transfer full): a new #HdCalendarDay
 */
HdCalendarDay *
hd_calendar_day_new (const GDate *day,
                     gboolean     working,
                     const char  *note)
{
  HdCalendarDay *self;

  g_return_val_if_fail (day != NULL && g_date_valid (day), NULL);

  self = g_new0 (HdCalendarDay, 1);
  self->day = *day;
  self->working = !!working;
  self->note = g_strdup (note != NULL ? note : "");
  return self;
}

HdCalendarDay *
hd_calendar_day_copy (const HdCalendarDay *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return hd_calendar_day_new (&self->day, self->working, self->note);
}

void
hd_calendar_day_free (HdCalendarDay *self)
{
  if (self == NULL)
    return;
  g_free (self->note);
  g_free (self);
}

/**
 * hd_calendar_days_list:
 * @db: the database
 * @error: return location for an error
 *
 * Returns: (transfer container) (element-type HdCalendarDay): the school's overrides in date
 *   order, or %NULL with @error set. Rows whose date does not exist are left out.
 */
GPtrArray *
hd_calendar_days_list (HdDatabase  *db,
                       GError     **error)
{
  g_autoptr(HdStmt) stmt = NULL;
  g_autoptr(GPtrArray) days = NULL;
  int rc;

  g_return_val_if_fail (HD_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = hd_database_prepare (db, "SELECT day, working, note FROM calendar_days ORDER BY day", error);
  if (stmt == NULL)
    return NULL;

  days = g_ptr_array_new_with_free_func ((GDestroyNotify) hd_calendar_day_free);
  while ((rc = hd_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      GDate day;

      if (!hd_date_parse_iso (hd_stmt_column_text (stmt, 0), &day))
        {
          g_debug ("calendar_days: ignoring a row with the date %s", hd_stmt_column_text (stmt, 0));
          continue;
        }
      g_ptr_array_add (days, hd_calendar_day_new (&day, sqlite3_column_int (stmt, 1) != 0,
                                                  hd_stmt_column_text (stmt, 2)));
    }
  if (rc != SQLITE_DONE)
    return NULL;

  return g_steal_pointer (&days);
}

/**
 * hd_calendar_days_save:
 * @db: the database
 * @day: the day
 * @working: whether the school works that day
 * @note: (nullable): why, up to 200 characters
 * @error: return location for an error
 *
 * Adds or replaces the school's override for @day. An invalid note is an
 * %HD_ERROR_INVALID_FIELD error for the field "note"; an invalid date one for "day".
 *
 * Returns: %TRUE on success
 */
gboolean
hd_calendar_days_save (HdDatabase  *db,
                       const GDate *day,
                       gboolean     working,
                       const char  *note,
                       GError     **error)
{
  g_autoptr(HdStmt) stmt = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *clean = NULL;

  g_return_val_if_fail (HD_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (day != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_date_valid (day))
    {
      hd_error_set_field (error, "day", _("Please choose a date."));
      return FALSE;
    }
  if (!hd_text_check (note, "note", _("Note"), FALSE, 200, error))
    return FALSE;

  clean = note != NULL ? hd_text_strip (note) : g_strdup ("");
  iso = hd_date_to_iso (day);
  stmt = hd_database_prepare (db,
                              "INSERT INTO calendar_days (day, working, note) VALUES (?1, ?2, ?3)"
                              " ON CONFLICT (day) DO UPDATE SET working = excluded.working,"
                              " note = excluded.note",
                              error);
  if (stmt == NULL)
    return FALSE;
  hd_stmt_bind_text (stmt, 1, iso, FALSE);
  sqlite3_bind_int (stmt, 2, working ? 1 : 0);
  hd_stmt_bind_text (stmt, 3, clean != NULL ? clean : "", FALSE);
  return hd_database_step_done (db, stmt, error);
}

/**
 * hd_calendar_days_remove:
 * @db: the database
 * @day: the day
 * @error: return location for an error
 *
 * Removes the school's override for @day.
 *
 * Returns: %TRUE on success; %HD_ERROR_NOT_FOUND when there was none
 */
gboolean
hd_calendar_days_remove (HdDatabase  *db,
                         const GDate *day,
                         GError     **error)
{
  g_autoptr(HdStmt) stmt = NULL;
  g_autofree char *iso = NULL;

  g_return_val_if_fail (HD_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (day != NULL && g_date_valid (day), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  iso = hd_date_to_iso (day);
  stmt = hd_database_prepare (db, "DELETE FROM calendar_days WHERE day = ?1", error);
  if (stmt == NULL)
    return FALSE;
  hd_stmt_bind_text (stmt, 1, iso, FALSE);
  if (!hd_database_step_done (db, stmt, error))
    return FALSE;

  if (sqlite3_changes (hd_database_get_handle (db)) == 0)
    {
      /* Translators: %s is a date, YYYY-MM-DD */
      g_set_error (error, HD_ERROR, HD_ERROR_NOT_FOUND,
                   _("There is no special day on %s in the school’s calendar."), iso);
      return FALSE;
    }
  return TRUE;
}
