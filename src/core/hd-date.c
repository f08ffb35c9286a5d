/* hd-date.c — calendar dates as the database stores them (YYYY-MM-DD)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hd-date"

#include "config.h"

#include <string.h>

#include "hd-date.h"

static gboolean
parse_digits (const char *p,
              guint       n,
              int        *out)
{
  int value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (p[i]))
        return FALSE;
      value = value * 10 + (p[i] - '0');
    }

  *out = value;
  return TRUE;
}

/**
 * hd_date_parse_iso:
 * @text: (nullable): a date written as YYYY-MM-DD
 * @out: (out): the date
 *
 * Parses a date strictly: exactly ten characters, four-digit year 1000–9999, a month and a day
 * that exist (2026-02-30 is refused). Nothing else is accepted, not even spaces.
 *
 * Returns: %TRUE if @text is such a date; @out is cleared otherwise
 */
gboolean
hd_date_parse_iso (const char *text,
                   GDate      *out)
{
  int y, m, d;

  g_return_val_if_fail (out != NULL, FALSE);

  g_date_clear (out, 1);

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  if (!parse_digits (text, 4, &y) || !parse_digits (text + 5, 2, &m) ||
      !parse_digits (text + 8, 2, &d))
    return FALSE;
  if (y < 1000 || !g_date_valid_dmy (d, m, y))
    return FALSE;

  g_date_set_dmy (out, d, m, y);
  return TRUE;
}

/**
 * hd_date_to_iso:
 * @date: a valid date
 *
 * Returns: (transfer full): @date as YYYY-MM-DD
 */
char *
hd_date_to_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04d-%02d-%02d",
                          g_date_get_year (date),
                          g_date_get_month (date),
                          g_date_get_day (date));
}

/**
 * hd_date_set_unix:
 * @out: (out): the date
 * @unix_seconds: an instant
 * @tz: (nullable): the time zone the date is read in; %NULL for the local one
 *
 * Sets @out to the calendar date of @unix_seconds in @tz.
 */
void
hd_date_set_unix (GDate      *out,
                  gint64      unix_seconds,
                  GTimeZone  *tz)
{
  g_autoptr(GTimeZone) local = NULL;
  g_autoptr(GDateTime) dt = NULL;
  int y, m, d;

  g_return_if_fail (out != NULL);

  if (tz == NULL)
    tz = local = g_time_zone_new_local ();

  dt = g_date_time_new_from_unix_utc (unix_seconds);
  g_return_if_fail (dt != NULL);
  g_autoptr(GDateTime) here = g_date_time_to_timezone (dt, tz);
  g_date_time_get_ymd (here, &y, &m, &d);
  g_date_clear (out, 1);
  g_date_set_dmy (out, d, m, y);
}

/**
 * hd_date_set_today:
 * @out: (out): the date
 * @tz: (nullable): the time zone; %NULL for the local one
 *
 * Sets @out to today's date in @tz.
 */
void
hd_date_set_today (GDate     *out,
                   GTimeZone *tz)
{
  g_return_if_fail (out != NULL);

  hd_date_set_unix (out, g_get_real_time () / G_USEC_PER_SEC, tz);
}
