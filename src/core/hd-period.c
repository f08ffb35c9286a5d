/* hd-period.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hd-period"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hd-error.h"
#include "hd-period.h"

/* Years a period may name; GDate itself reaches 65535, the database's dates have 4 digits. */
#define FIRST_YEAR 1970
#define LAST_YEAR  9998

G_DEFINE_BOXED_TYPE (HdPeriod, hd_period, hd_period_copy, hd_period_free)

static gboolean
year_in_range (int year)
{
  return year >= FIRST_YEAR && year <= LAST_YEAR;
}

static void
set_dmy (GDate    *date,
         int       day,
         int       month,
         int       year)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

/* Reads exactly @n_digits ASCII digits. */
static gboolean
read_digits (const char **p,
             guint        n_digits,
             int         *value)
{
  int v = 0;

  for (guint i = 0; i < n_digits; i++)
    {
      if (!g_ascii_isdigit ((*p)[i]))
        return FALSE;
      v = v * 10 + ((*p)[i] - '0');
    }
  *p += n_digits;
  *value = v;
  return TRUE;
}

/* A strict YYYY-MM-DD; the period's days must be real dates. */
static gboolean
read_iso_date (const char **p,
               GDate       *out)
{
  int y, m, d;

  if (!read_digits (p, 4, &y) || **p != '-')
    return FALSE;
  (*p)++;
  if (!read_digits (p, 2, &m) || **p != '-')
    return FALSE;
  (*p)++;
  if (!read_digits (p, 2, &d))
    return FALSE;
  if (!year_in_range (y) || m < 1 || m > 12 || d < 1
      || d > g_date_get_days_in_month ((GDateMonth) m, (GDateYear) y))
    return FALSE;
  set_dmy (out, d, m, y);
  return TRUE;
}

static void
set_garbage_error (GError     **error,
                   const char  *text)
{
  hd_error_set_field (error, "period",
                      /* Translators: %s is what the user typed as a report period */
                      _("“%s” is not a period. Write a month as 2026-11, a quarter as 2026-Q4, "
                        "a school year as 2025/2026 or dates as 2026-11-01..2026-11-15."),
                      text);
}

static void
set_year_error (GError     **error,
                const char  *text)
{
  hd_error_set_field (error, "period",
                      /* Translators: %s is what the user typed as a report period; the numbers
                       * are the first and last years allowed */
                      _("“%s”: the year must be between %d and %d."),
                      text, FIRST_YEAR, LAST_YEAR);
}

/**
 * hd_period_copy:
 * @self: a period
 *
 * Returns: (transfer full): a newly allocated copy, for hd_period_free()
 */
HdPeriod *
hd_period_copy (const HdPeriod *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_memdup2 (self, sizeof *self);
}

void
hd_period_free (HdPeriod *self)
{
  g_free (self);
}

/**
 * hd_period_init_month:
 * @self: the period to fill
 * @year: the year
 * @month: 1 (January) to 12
 */
void
hd_period_init_month (HdPeriod *self,
                      int       year,
                      int       month)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (year_in_range (year));
  g_return_if_fail (month >= 1 && month <= 12);

  self->kind = HD_PERIOD_MONTH;
  set_dmy (&self->first, 1, month, year);
  set_dmy (&self->last, g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year), month, year);
}

/**
 * hd_period_init_quarter:
 * @self: the period to fill
 * @year: the year
 * @quarter: 1 (January–March) to 4 (October–December)
 */
void
hd_period_init_quarter (HdPeriod *self,
                        int       year,
                        int       quarter)
{
  int last_month;

  g_return_if_fail (self != NULL);
  g_return_if_fail (year_in_range (year));
  g_return_if_fail (quarter >= 1 && quarter <= 4);

  last_month = quarter * 3;
  self->kind = HD_PERIOD_QUARTER;
  set_dmy (&self->first, 1, last_month - 2, year);
  set_dmy (&self->last, g_date_get_days_in_month ((GDateMonth) last_month, (GDateYear) year),
           last_month, year);
}

/**
 * hd_period_init_school_year:
 * @self: the period to fill
 * @first_year: the year in which the school year starts (2025 for 2025/2026)
 *
 * A school year runs from 1 September of @first_year to 31 August of the next year.
 */
void
hd_period_init_school_year (HdPeriod *self,
                            int       first_year)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (year_in_range (first_year) && year_in_range (first_year + 1));

  self->kind = HD_PERIOD_SCHOOL_YEAR;
  set_dmy (&self->first, 1, 9, first_year);
  set_dmy (&self->last, 31, 8, first_year + 1);
}

/**
 * hd_period_init_range:
 * @self: the period to fill
 * @first: the first day
 * @last: the last day, inclusive, not before @first
 */
void
hd_period_init_range (HdPeriod    *self,
                      const GDate *first,
                      const GDate *last)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (first != NULL && g_date_valid (first));
  g_return_if_fail (last != NULL && g_date_valid (last));
  g_return_if_fail (g_date_compare (first, last) <= 0);

  self->kind = HD_PERIOD_RANGE;
  self->first = *first;
  self->last = *last;
}

/**
 * hd_period_init_containing:
 * @self: the period to fill
 * @kind: the kind of period
 * @day: a day
 *
 * Fills @self with the month, quarter or school year that contains @day; for
 * %HD_PERIOD_RANGE, with the single day @day.
 */
void
hd_period_init_containing (HdPeriod     *self,
                           HdPeriodKind  kind,
                           const GDate  *day)
{
  int year, month;

  g_return_if_fail (self != NULL);
  g_return_if_fail (day != NULL && g_date_valid (day));

  year = g_date_get_year (day);
  month = g_date_get_month (day);

  switch (kind)
    {
    case HD_PERIOD_MONTH:
      hd_period_init_month (self, year, month);
      break;
    case HD_PERIOD_QUARTER:
      hd_period_init_quarter (self, year, (month - 1) / 3 + 1);
      break;
    case HD_PERIOD_SCHOOL_YEAR:
      hd_period_init_school_year (self, month >= 9 ? year : year - 1);
      break;
    case HD_PERIOD_RANGE:
    default:
      hd_period_init_range (self, day, day);
      break;
    }
}

/**
 * hd_period_init_last_month:
 * @self: the period to fill
 * @now: the current instant, Unix seconds
 * @tz: the school's time zone
 *
 * Fills @self with the last full month before @now: the month the monthly report is about.
 */
void
hd_period_init_last_month (HdPeriod  *self,
                           gint64     now,
                           GTimeZone *tz)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  int year, month;

  g_return_if_fail (self != NULL);
  g_return_if_fail (tz != NULL);

  utc = g_date_time_new_from_unix_utc (now);
  g_return_if_fail (utc != NULL);
  local = g_date_time_to_timezone (utc, tz);
  year = g_date_time_get_year (local);
  month = g_date_time_get_month (local) - 1;
  if (month == 0)
    {
      month = 12;
      year--;
    }
  hd_period_init_month (self, year, month);
}

/**
 * hd_period_parse:
 * @text: "2026-11" (a month), "2026-Q4" (a quarter), "2025/2026" (a school year) or
 *   "2026-11-01..2026-11-15" (dates, both inclusive); blanks around are ignored
 * @out: (out): the period
 * @error: an %HD_ERROR_INVALID_FIELD error for the field "period" that says what is wrong
 *
 * Parses a period as the command line (`--report`) and the settings write it; the inverse of
 * hd_period_to_string().
 *
 * Returns: whether @text is a period; @out is untouched when not
 */
gboolean
hd_period_parse (const char  *text,
                 HdPeriod    *out,
                 GError     **error)
{
  g_autofree char *stripped = NULL;
  const char *p;
  int year, number;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stripped = g_strstrip (g_strdup (text));
  p = stripped;

  /* Dates first: they also start with YYYY-MM */
  if (strstr (p, "..") != NULL)
    {
      GDate first, last;

      if (!read_iso_date (&p, &first) || strncmp (p, "..", 2) != 0)
        goto garbage;
      p += 2;
      if (!read_iso_date (&p, &last) || *p != '\0')
        goto garbage;
      if (g_date_compare (&first, &last) > 0)
        {
          hd_error_set_field (error, "period",
                              /* Translators: %s is what the user typed as a report period */
                              _("“%s”: the period ends before it starts. Write the earlier date "
                                "first, for example 2026-11-01..2026-11-15."),
                              stripped);
          return FALSE;
        }
      hd_period_init_range (out, &first, &last);
      return TRUE;
    }

  if (!read_digits (&p, 4, &year))
    goto garbage;

  if (*p == '/')
    {
      int second;

      p++;
      if (!read_digits (&p, 4, &second) || *p != '\0')
        goto garbage;
      if (!year_in_range (year) || !year_in_range (second))
        {
          set_year_error (error, stripped);
          return FALSE;
        }
      if (second != year + 1)
        {
          hd_error_set_field (error, "period",
                              /* Translators: %s is what the user typed as a report period */
                              _("“%s” is not a school year: a school year runs from September of "
                                "one year to August of the next, for example 2025/2026."),
                              stripped);
          return FALSE;
        }
      hd_period_init_school_year (out, year);
      return TRUE;
    }

  if (*p != '-')
    goto garbage;
  p++;

  if (*p == 'Q' || *p == 'q')
    {
      p++;
      if (!g_ascii_isdigit (*p))
        goto garbage;
      number = 0;
      while (g_ascii_isdigit (*p) && number < 100)
        number = number * 10 + (*p++ - '0');
      if (*p != '\0')
        goto garbage;
      if (!year_in_range (year))
        {
          set_year_error (error, stripped);
          return FALSE;
        }
      if (number < 1 || number > 4)
        {
          hd_error_set_field (error, "period",
                              /* Translators: %s is what the user typed as a report period,
                               * %d the number of the quarter in it */
                              _("“%s”: there is no quarter %d. Quarters are numbered from 1 to 4, "
                                "for example 2026-Q4."),
                              stripped, number);
          return FALSE;
        }
      hd_period_init_quarter (out, year, number);
      return TRUE;
    }

  /* A month: one or two digits */
  if (!g_ascii_isdigit (*p))
    goto garbage;
  number = *p++ - '0';
  if (g_ascii_isdigit (*p))
    number = number * 10 + (*p++ - '0');
  if (*p != '\0')
    goto garbage;
  if (!year_in_range (year))
    {
      set_year_error (error, stripped);
      return FALSE;
    }
  if (number < 1 || number > 12)
    {
      hd_error_set_field (error, "period",
                          /* Translators: %s is what the user typed as a report period, %d the
                           * number of the month in it */
                          _("“%s”: there is no month %d. Months are numbered from 1 to 12, "
                            "for example 2026-11."),
                          stripped, number);
      return FALSE;
    }
  hd_period_init_month (out, year, number);
  return TRUE;

garbage:
  set_garbage_error (error, stripped);
  return FALSE;
}

/**
 * hd_period_to_string:
 * @self: a period
 *
 * Returns: (transfer full): the period as hd_period_parse() reads it: "2026-11", "2026-Q4",
 *   "2025/2026" or "2026-11-01..2026-11-15"
 */
char *
hd_period_to_string (const HdPeriod *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  switch (self->kind)
    {
    case HD_PERIOD_MONTH:
      return g_strdup_printf ("%04d-%02d", g_date_get_year (&self->first),
                              g_date_get_month (&self->first));
    case HD_PERIOD_QUARTER:
      return g_strdup_printf ("%04d-Q%d", g_date_get_year (&self->first),
                              (g_date_get_month (&self->first) - 1) / 3 + 1);
    case HD_PERIOD_SCHOOL_YEAR:
      return g_strdup_printf ("%04d/%04d", g_date_get_year (&self->first),
                              g_date_get_year (&self->last));
    case HD_PERIOD_RANGE:
    default:
      return g_strdup_printf ("%04d-%02d-%02d..%04d-%02d-%02d",
                              g_date_get_year (&self->first), g_date_get_month (&self->first),
                              g_date_get_day (&self->first), g_date_get_year (&self->last),
                              g_date_get_month (&self->last), g_date_get_day (&self->last));
    }
}

static char *
format_date (const GDate *date,
             const char  *format)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date),
                                                  g_date_get_day (date), 0, 0, 0);

  return g_date_time_format (dt, format);
}

/**
 * hd_period_get_title:
 * @self: a period
 *
 * The period in words, for report titles and the period picker, in the user's language:
 * «ноябрь 2026 г.», «IV квартал 2026 г.», «2025/2026 учебный год»,
 * «1 ноября 2026 г. – 15 ноября 2026 г.».
 *
 * Returns: (transfer full): the title
 */
char *
hd_period_get_title (const HdPeriod *self)
{
  static const char * const roman[] = { "I", "II", "III", "IV" };

  g_return_val_if_fail (self != NULL, NULL);

  switch (self->kind)
    {
    case HD_PERIOD_MONTH:
      {
        /* Translators: the title of a month's report, in g_date_time_format() notation: %OB
         * is the month's name as it stands alone (nominative: «ноябрь»), %Y the year */
        /* xgettext:no-c-format */
        g_autofree char *title = format_date (&self->first, C_("period title", "%OB %Y"));
        g_autofree char *month = NULL;
        g_autofree char *lower = NULL;
        char *found;

        /* Translators: write "month-case:lower" if month names are written in lower case
         * inside a sentence in your language (Russian: «Отчёт за ноябрь 2026 г.»; the
         * system's calendar names give «Ноябрь»); leave "month-case:keep" otherwise */
        if (!g_str_equal (C_("period title", "month-case:keep"), "month-case:lower"))
          return g_steal_pointer (&title);

        month = format_date (&self->first, "%OB");
        lower = g_utf8_strdown (month, -1);
        found = strstr (title, month);
        if (found == NULL || strlen (lower) != strlen (month))
          return g_steal_pointer (&title);
        memcpy (found, lower, strlen (lower));
        return g_steal_pointer (&title);
      }

    case HD_PERIOD_QUARTER:
      /* Translators: the title of a quarter's report: %s is the quarter in Roman numerals
       * (I to IV), %d the year */
      return g_strdup_printf (C_("period title", "Quarter %s of %d"),
                              roman[(g_date_get_month (&self->first) - 1) / 3],
                              g_date_get_year (&self->first));

    case HD_PERIOD_SCHOOL_YEAR:
      /* Translators: the title of a school year's report, e.g. 2025/2026 */
      return g_strdup_printf (C_("period title", "%d/%d school year"),
                              g_date_get_year (&self->first), g_date_get_year (&self->last));

    case HD_PERIOD_RANGE:
    default:
      {
        /* Translators: a day in the title of a report over some dates, in
         * g_date_time_format() notation: %-d the day, %B the month's name in the form that
         * follows a day («ноября»), %Y the year */
        /* xgettext:no-c-format */
        const char *day_format = C_("period title", "%-d %B %Y");
        g_autofree char *first = format_date (&self->first, day_format);
        g_autofree char *last = NULL;

        if (g_date_compare (&self->first, &self->last) == 0)
          return g_steal_pointer (&first);
        last = format_date (&self->last, day_format);
        /* Translators: the title of a report over some dates: the first and the last day */
        return g_strdup_printf (C_("period title", "%s – %s"), first, last);
      }
    }
}

static void
init_same_kind (HdPeriod       *out,
                const HdPeriod *like,
                const GDate    *day)
{
  hd_period_init_containing (out, like->kind, day);
}

/**
 * hd_period_previous:
 * @self: a period
 * @out: (out): the period before it: the previous month, quarter or school year, or for
 *   dates, as many days immediately before @self->first
 *
 * @out may be @self.
 */
void
hd_period_previous (const HdPeriod *self,
                    HdPeriod       *out)
{
  GDate day;

  g_return_if_fail (self != NULL);
  g_return_if_fail (out != NULL);

  day = self->first;
  g_date_subtract_days (&day, 1);
  if (self->kind == HD_PERIOD_RANGE)
    {
      GDate first = day;
      g_date_subtract_days (&first, hd_period_get_n_days (self) - 1);
      hd_period_init_range (out, &first, &day);
    }
  else
    init_same_kind (out, self, &day);
}

/**
 * hd_period_next:
 * @self: a period
 * @out: (out): the period after it; for dates, as many days immediately after @self->last
 *
 * @out may be @self.
 */
void
hd_period_next (const HdPeriod *self,
                HdPeriod       *out)
{
  GDate day;

  g_return_if_fail (self != NULL);
  g_return_if_fail (out != NULL);

  day = self->last;
  g_date_add_days (&day, 1);
  if (self->kind == HD_PERIOD_RANGE)
    {
      GDate last = day;
      g_date_add_days (&last, hd_period_get_n_days (self) - 1);
      hd_period_init_range (out, &day, &last);
    }
  else
    init_same_kind (out, self, &day);
}

gboolean
hd_period_equal (const HdPeriod *a,
                 const HdPeriod *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return a->kind == b->kind
         && g_date_compare (&a->first, &b->first) == 0
         && g_date_compare (&a->last, &b->last) == 0;
}

gboolean
hd_period_contains_date (const HdPeriod *self,
                         const GDate    *day)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (day != NULL && g_date_valid (day), FALSE);

  return g_date_compare (&self->first, day) <= 0 && g_date_compare (day, &self->last) <= 0;
}

/**
 * hd_period_get_n_days:
 * @self: a period
 *
 * Returns: the number of calendar days in the period
 */
guint
hd_period_get_n_days (const HdPeriod *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return (guint) g_date_days_between (&self->first, &self->last) + 1;
}

/**
 * hd_period_get_bounds:
 * @self: a period
 * @tz: the school's time zone
 * @start: (out) (optional): local midnight at the start of the first day, Unix seconds
 * @end: (out) (optional): local midnight after the last day, Unix seconds (not included)
 *
 * An instant t is in the period when @start ≤ t < @end: a request received at 23:59 on the
 * last day belongs to it, one at 00:00 of the next day does not.
 */
void
hd_period_get_bounds (const HdPeriod *self,
                      GTimeZone      *tz,
                      gint64         *start,
                      gint64         *end)
{
  GDate after;

  g_return_if_fail (self != NULL);
  g_return_if_fail (tz != NULL);

  if (start != NULL)
    {
      g_autoptr(GDateTime) dt = g_date_time_new (tz, g_date_get_year (&self->first),
                                                 g_date_get_month (&self->first),
                                                 g_date_get_day (&self->first), 0, 0, 0);
      *start = g_date_time_to_unix (dt);
    }
  if (end != NULL)
    {
      g_autoptr(GDateTime) dt = NULL;

      after = self->last;
      g_date_add_days (&after, 1);
      dt = g_date_time_new (tz, g_date_get_year (&after), g_date_get_month (&after),
                            g_date_get_day (&after), 0, 0, 0);
      *end = g_date_time_to_unix (dt);
    }
}
