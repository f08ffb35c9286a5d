/* hd-workdays.c — the Russian production calendar (five-day week) and local overrides
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hd-workdays"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hd-database-private.h"
#include "hd-date.h"
#include "hd-error.h"
#include "hd-text.h"
#include "hd-workdays.h"

/* Flags of one day of a year, from the TSV (known years) or from Labour Code art. 112
 * (fallback years). */
enum {
  DAY_HOLIDAY = 1 << 0,   /* one of the 14 holidays of art. 112, even on a weekend */
  DAY_DAYOFF  = 1 << 1,   /* a weekday that is a day off by a transfer */
  DAY_WORKDAY = 1 << 2,   /* a weekend day that is a working day by a transfer */
  DAY_SHORT   = 1 << 3,   /* pre-holiday working day, one hour shorter (art. 95) */
};

typedef struct {
  int      year;
  gboolean known;         /* from the data file; otherwise built by the fallback rule */
  guint8   flags[366];    /* index: day of the year − 1 */
} HdYear;

typedef struct {
  gboolean  working;
  char     *note;
} HdOverride;

struct _HdWorkdays
{
  GObject     parent_instance;

  /* Owned */
  GHashTable *years;       /* int year → HdYear * */
  GHashTable *overrides;   /* guint julian day → HdOverride * */

  /* Workers (reports, statistics) query the calendar while the main thread may change the
   * overrides; fallback years are also built on first use. */
  GMutex      lock;

  int         first_known;
  int         last_known;
  HdYear     *last_year;   /* borrowed from years: the one looked up last */
};

/* What the calendar and the overrides say about one day. */
typedef struct {
  guint8    flags;
  gboolean  has_override;
  gboolean  override_working;
} DayState;

G_DEFINE_FINAL_TYPE (HdWorkdays, hd_workdays, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The non-working holidays of Labour Code art. 112, part 1. */
static const struct {
  guint8      month;
  guint8      day;
  const char *name;
} holidays[] = {
  { 1, 1, N_("New Year holidays") },
  { 1, 2, N_("New Year holidays") },
  { 1, 3, N_("New Year holidays") },
  { 1, 4, N_("New Year holidays") },
  { 1, 5, N_("New Year holidays") },
  { 1, 6, N_("New Year holidays") },
  { 1, 7, N_("Orthodox Christmas") },
  { 1, 8, N_("New Year holidays") },
  { 2, 23, N_("Defender of the Fatherland Day") },
  { 3, 8, N_("International Women's Day") },
  { 5, 1, N_("Spring and Labour Day") },
  { 5, 9, N_("Victory Day") },
  { 6, 12, N_("Russia Day") },
  { 11, 4, N_("National Unity Day") },
};

/* Months in the form that follows a day number: «4 ноября». */
static const char * const months_after_day[] = {
  NC_("after a day number", "January"),
  NC_("after a day number", "February"),
  NC_("after a day number", "March"),
  NC_("after a day number", "April"),
  NC_("after a day number", "May"),
  NC_("after a day number", "June"),
  NC_("after a day number", "July"),
  NC_("after a day number", "August"),
  NC_("after a day number", "September"),
  NC_("after a day number", "October"),
  NC_("after a day number", "November"),
  NC_("after a day number", "December"),
};

static void
hd_override_free (gpointer data)
{
  HdOverride *o = data;

  g_free (o->note);
  g_free (o);
}

static const char *
holiday_name (const GDate *day)
{
  GDateMonth month = g_date_get_month (day);
  GDateDay d = g_date_get_day (day);

  for (guint i = 0; i < G_N_ELEMENTS (holidays); i++)
    if (holidays[i].month == month && holidays[i].day == d)
      return holidays[i].name;
  return NULL;
}

static gboolean
is_weekend (const GDate *day)
{
  GDateWeekday wd = g_date_get_weekday (day);

  return wd == G_DATE_SATURDAY || wd == G_DATE_SUNDAY;
}

static guint
day_index (const GDate *day)
{
  return g_date_get_day_of_year (day) - 1;
}

static gboolean
flags_working (guint8       flags,
               const GDate *day)
{
  if (flags & DAY_WORKDAY)
    return TRUE;
  if (flags & (DAY_HOLIDAY | DAY_DAYOFF))
    return FALSE;
  return !is_weekend (day);
}

/* A year the data file does not cover: Mon–Fri, the holidays of art. 112, the automatic shift
 * of a weekend holiday to the next working day (art. 112 part 2, not for 1–8 January, whose
 * days off only a yearly decree moves), and shortened days before a holiday (art. 95). */
static HdYear *
build_fallback_year (int year)
{
  HdYear *y = g_new0 (HdYear, 1);
  GDate day;
  guint n_days = g_date_is_leap_year (year) ? 366 : 365;

  y->year = year;
  y->known = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (holidays); i++)
    {
      g_date_clear (&day, 1);
      g_date_set_dmy (&day, holidays[i].day, holidays[i].month, year);
      y->flags[day_index (&day)] |= DAY_HOLIDAY;
    }

  /* In date order, so that two weekend holidays in a row move to two different days. */
  for (guint i = 0; i < G_N_ELEMENTS (holidays); i++)
    {
      GDate next;

      if (holidays[i].month == 1)
        continue;

      g_date_clear (&day, 1);
      g_date_set_dmy (&day, holidays[i].day, holidays[i].month, year);
      if (!is_weekend (&day))
        continue;

      next = day;
      do
        g_date_add_days (&next, 1);
      while (g_date_get_year (&next) == year &&
             !flags_working (y->flags[day_index (&next)], &next));

      if (g_date_get_year (&next) == year)
        y->flags[day_index (&next)] |= DAY_DAYOFF;
    }

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 1, 1, year);
  for (guint i = 0; i < n_days; i++, g_date_add_days (&day, 1))
    {
      gboolean next_is_holiday;

      if (!flags_working (y->flags[i], &day))
        continue;
      /* 31 December is followed by 1 January, always a holiday. */
      next_is_holiday = (i + 1 == n_days) || (y->flags[i + 1] & DAY_HOLIDAY) != 0;
      if (next_is_holiday)
        y->flags[i] |= DAY_SHORT;
    }

  return y;
}

static HdYear *
get_year (HdWorkdays *self,
          int         year)
{
  HdYear *y;

  if (self->last_year != NULL && self->last_year->year == year)
    return self->last_year;

  y = g_hash_table_lookup (self->years, GINT_TO_POINTER (year));
  if (y == NULL)
    {
      y = build_fallback_year (year);
      g_hash_table_insert (self->years, GINT_TO_POINTER (year), y);
    }

  self->last_year = y;
  return y;
}

/* One lock per query; @note (optional) receives a copy of the override's note. */
static void
get_state (HdWorkdays  *self,
           const GDate *day,
           DayState    *state,
           char       **note)
{
  HdOverride *o = NULL;

  g_mutex_lock (&self->lock);
  state->flags = get_year (self, g_date_get_year (day))->flags[day_index (day)];
  if (g_hash_table_size (self->overrides) > 0)
    o = g_hash_table_lookup (self->overrides, GUINT_TO_POINTER (g_date_get_julian (day)));
  state->has_override = o != NULL;
  state->override_working = o != NULL && o->working;
  if (note != NULL)
    *note = o != NULL ? g_strdup (o->note) : NULL;
  g_mutex_unlock (&self->lock);
}

static gboolean
state_working (const DayState *state,
               const GDate    *day)
{
  if (state->has_override)
    return state->override_working;
  return flags_working (state->flags, day);
}

static gboolean
state_short (const DayState *state,
             const GDate    *day)
{
  if (!(state->flags & DAY_SHORT) || !flags_working (state->flags, day))
    return FALSE;
  return !state->has_override || state->override_working;
}

static HdDayKind
state_kind (const DayState *state,
            const GDate    *day)
{
  if (state->has_override)
    return state->override_working ? HD_DAY_OVERRIDE_WORKING : HD_DAY_OVERRIDE_OFF;
  if (state->flags & DAY_HOLIDAY)
    return HD_DAY_HOLIDAY;
  if (state->flags & DAY_DAYOFF)
    return HD_DAY_DAYOFF_TRANSFER;
  if (state->flags & DAY_WORKDAY)
    return HD_DAY_WORKING_SATURDAY;
  return is_weekend (day) ? HD_DAY_WEEKEND : HD_DAY_ORDINARY;
}

static char *
format_day_month (int day,
                  int month)
{
  /* Translators: a day of the month and the month's name, e.g. «4 ноября» */
  return g_strdup_printf (C_("day and month", "%d %s"), day,
                          g_dpgettext2 (GETTEXT_PACKAGE, "after a day number",
                                        months_after_day[month - 1]));
}

static char *
format_run (const GDate *first,
            const GDate *last)
{
  if (g_date_compare (first, last) == 0)
    return format_day_month (g_date_get_day (first), g_date_get_month (first));

  if (g_date_get_month (first) == g_date_get_month (last) &&
      g_date_get_year (first) == g_date_get_year (last))
    /* Translators: a range of days in one month, e.g. «1–8 января» */
    return g_strdup_printf (C_("day range", "%d–%d %s"),
                            g_date_get_day (first), g_date_get_day (last),
                            g_dpgettext2 (GETTEXT_PACKAGE, "after a day number",
                                          months_after_day[g_date_get_month (last) - 1]));

  {
    g_autofree char *a = format_day_month (g_date_get_day (first), g_date_get_month (first));
    g_autofree char *b = format_day_month (g_date_get_day (last), g_date_get_month (last));

    /* Translators: a range of days over two months, e.g. «29 декабря – 8 января» */
    return g_strdup_printf (C_("day range", "%s – %s"), a, b);
  }
}

static gboolean
parse_line (HdWorkdays  *self,
            const char  *line,
            guint        line_no,
            const char  *path,
            GError     **error)
{
  g_auto(GStrv) fields = g_strsplit (line, "\t", 3);
  GDate day;
  HdYear *y;
  guint8 flag;
  int year;

  if (g_strv_length (fields) < 2 || !hd_date_parse_iso (fields[0], &day))
    {
      /* Translators: %s is a file name, %u a line number */
      g_set_error (error, HD_ERROR, HD_ERROR_PARSE,
                   _("The production calendar “%s” has a wrong date on line %u. Please reinstall the application."),
                   path, line_no);
      return FALSE;
    }

  if (g_str_equal (fields[1], "holiday"))
    flag = DAY_HOLIDAY;
  else if (g_str_equal (fields[1], "dayoff-transfer"))
    flag = DAY_DAYOFF;
  else if (g_str_equal (fields[1], "workday-transfer"))
    flag = DAY_WORKDAY;
  else if (g_str_equal (fields[1], "short-day"))
    flag = DAY_SHORT;
  else
    {
      /* Translators: %s is a file name, %u a line number */
      g_set_error (error, HD_ERROR, HD_ERROR_PARSE,
                   _("The production calendar “%s” has an unknown kind of day on line %u. Please reinstall the application."),
                   path, line_no);
      return FALSE;
    }

  year = g_date_get_year (&day);
  y = g_hash_table_lookup (self->years, GINT_TO_POINTER (year));
  if (y == NULL)
    {
      y = g_new0 (HdYear, 1);
      y->year = year;
      y->known = TRUE;
      g_hash_table_insert (self->years, GINT_TO_POINTER (year), y);
    }
  y->flags[day_index (&day)] |= flag;

  return TRUE;
}

static gboolean
load_file (HdWorkdays  *self,
           const char  *path,
           GError     **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) lines = NULL;
  GHashTableIter iter;
  gpointer value;

  if (!g_file_get_contents (path, &contents, NULL, &local_error))
    {
      /* Translators: %s is a file name, then the system's reason */
      g_set_error (error, HD_ERROR, HD_ERROR_NOT_FOUND,
                   _("The production calendar “%s” could not be read: %s. Please reinstall the application."),
                   path, local_error->message);
      return FALSE;
    }

  if (!g_utf8_validate (contents, -1, NULL) || !g_str_has_prefix (contents, "date\tkind\tnote"))
    {
      /* Translators: %s is a file name */
      g_set_error (error, HD_ERROR, HD_ERROR_PARSE,
                   _("The file “%s” is not a production calendar. Please reinstall the application."),
                   path);
      return FALSE;
    }

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_strchomp (lines[i]);   /* also drops a CR of a file saved on Windows */
      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      if (!parse_line (self, lines[i], i + 1, path, error))
        return FALSE;
    }

  self->first_known = G_MAXINT;
  self->last_known = G_MININT;
  g_hash_table_iter_init (&iter, self->years);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      HdYear *y = value;

      self->first_known = MIN (self->first_known, y->year);
      self->last_known = MAX (self->last_known, y->year);
    }

  if (self->first_known > self->last_known)
    {
      /* Translators: %s is a file name */
      g_set_error (error, HD_ERROR, HD_ERROR_PARSE,
                   _("The production calendar “%s” is empty. Please reinstall the application."),
                   path);
      return FALSE;
    }

  return TRUE;
}

static void
hd_workdays_finalize (GObject *object)
{
  HdWorkdays *self = (HdWorkdays *) object;

  g_clear_pointer (&self->years, g_hash_table_unref);
  g_clear_pointer (&self->overrides, g_hash_table_unref);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (hd_workdays_parent_class)->finalize (object);
}

static void
hd_workdays_class_init (HdWorkdaysClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hd_workdays_finalize;

  /**
   * HdWorkdays::changed:
   *
   * The local overrides changed: due dates and clocks must be computed again.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
hd_workdays_init (HdWorkdays *self)
{
  self->years = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->overrides = g_hash_table_new_full (NULL, NULL, NULL, hd_override_free);
  g_mutex_init (&self->lock);
}

/**
 * hd_workdays_new_from_file:
 * @path: a production calendar in the TSV format of data/workdays/
 * @error: return location for an error
 *
 * Returns: (transfer full): the calendar, or %NULL with @error set (%HD_ERROR_NOT_FOUND when
 *   the file cannot be read, %HD_ERROR_PARSE when it is malformed)
 */
HdWorkdays *
hd_workdays_new_from_file (const char  *path,
                           GError     **error)
{
  g_autoptr(HdWorkdays) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (HD_TYPE_WORKDAYS, NULL);
  if (!load_file (self, path, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * hd_workdays_new:
 * @error: return location for an error
 *
 * Loads the shipped calendar: from `$HD_WORKDAYS_DIR` when set (the tests point it at the
 * source tree), otherwise from PKGDATADIR/workdays.
 *
 * Returns: (transfer full): the calendar, or %NULL with @error set
 */
HdWorkdays *
hd_workdays_new (GError **error)
{
  const char *dir = g_getenv ("HD_WORKDAYS_DIR");
  g_autofree char *path = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (dir != NULL && *dir != '\0')
    {
      path = g_build_filename (dir, HD_WORKDAYS_FILE, NULL);
      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        g_clear_pointer (&path, g_free);
    }
  if (path == NULL)
    path = g_build_filename (PKGDATADIR, "workdays", HD_WORKDAYS_FILE, NULL);

  return hd_workdays_new_from_file (path, error);
}

/**
 * hd_workdays_set_override:
 * @self: a #HdWorkdays
 * @day: a valid date
 * @working: whether the school works that day
 * @note: (nullable): why (a quarantine, a regional holiday, …)
 *
 * Makes @day a working or a non-working day whatever the production calendar says. This
 * changes the calendar in memory only; hd_calendar_days_save() stores it.
 */
void
hd_workdays_set_override (HdWorkdays  *self,
                          const GDate *day,
                          gboolean     working,
                          const char  *note)
{
  HdOverride *o;

  g_return_if_fail (HD_IS_WORKDAYS (self));
  g_return_if_fail (day != NULL && g_date_valid (day));

  o = g_new0 (HdOverride, 1);
  o->working = !!working;
  o->note = g_strdup (note != NULL ? note : "");
  g_mutex_lock (&self->lock);
  g_hash_table_replace (self->overrides, GUINT_TO_POINTER (g_date_get_julian (day)), o);
  g_mutex_unlock (&self->lock);
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * hd_workdays_remove_override:
 * @self: a #HdWorkdays
 * @day: a valid date
 *
 * Gives @day back to the production calendar.
 */
void
hd_workdays_remove_override (HdWorkdays  *self,
                             const GDate *day)
{
  g_return_if_fail (HD_IS_WORKDAYS (self));
  g_return_if_fail (day != NULL && g_date_valid (day));

  gboolean removed;

  g_mutex_lock (&self->lock);
  removed = g_hash_table_remove (self->overrides, GUINT_TO_POINTER (g_date_get_julian (day)));
  g_mutex_unlock (&self->lock);
  if (removed)
    g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * hd_workdays_clear_overrides:
 * @self: a #HdWorkdays
 *
 * Forgets every local override.
 */
void
hd_workdays_clear_overrides (HdWorkdays *self)
{
  g_return_if_fail (HD_IS_WORKDAYS (self));

  guint n;

  g_mutex_lock (&self->lock);
  n = g_hash_table_size (self->overrides);
  g_hash_table_remove_all (self->overrides);
  g_mutex_unlock (&self->lock);
  if (n > 0)
    g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * hd_workdays_load_overrides:
 * @self: a #HdWorkdays
 * @db: the database
 * @error: return location for an error
 *
 * Replaces the overrides in memory with the rows of `calendar_days`.
 *
 * Returns: %TRUE on success
 */
gboolean
hd_workdays_load_overrides (HdWorkdays  *self,
                            HdDatabase  *db,
                            GError     **error)
{
  g_autoptr(GPtrArray) days = NULL;

  g_return_val_if_fail (HD_IS_WORKDAYS (self), FALSE);
  g_return_val_if_fail (HD_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  days = hd_calendar_days_list (db, error);
  if (days == NULL)
    return FALSE;

  g_mutex_lock (&self->lock);
  g_hash_table_remove_all (self->overrides);
  for (guint i = 0; i < days->len; i++)
    {
      HdCalendarDay *cd = g_ptr_array_index (days, i);
      HdOverride *o = g_new0 (HdOverride, 1);

      o->working = cd->working;
      o->note = g_strdup (cd->note);
      g_hash_table_replace (self->overrides, GUINT_TO_POINTER (g_date_get_julian (&cd->day)), o);
    }
  g_mutex_unlock (&self->lock);
  g_signal_emit (self, signals[CHANGED], 0);

  return TRUE;
}

/**
 * hd_workdays_is_year_known:
 * @self: a #HdWorkdays
 * @year: a year
 *
 * Returns: %TRUE if the production calendar of @year is in the data file; %FALSE when the
 *   fallback rule (Mon–Fri and the holidays of Labour Code art. 112) is used for it
 */
gboolean
hd_workdays_is_year_known (HdWorkdays *self,
                           int         year)
{
  HdYear *y;
  gboolean known;

  g_return_val_if_fail (HD_IS_WORKDAYS (self), FALSE);

  if (year < 1 || year > 9999)
    return FALSE;
  g_mutex_lock (&self->lock);
  y = g_hash_table_lookup (self->years, GINT_TO_POINTER (year));
  known = y != NULL && y->known;
  g_mutex_unlock (&self->lock);
  return known;
}

/**
 * hd_workdays_get_known_years:
 * @self: a #HdWorkdays
 * @first: (out) (optional): the first year of the data file
 * @last: (out) (optional): the last year of the data file
 */
void
hd_workdays_get_known_years (HdWorkdays *self,
                             int        *first,
                             int        *last)
{
  g_return_if_fail (HD_IS_WORKDAYS (self));

  if (first != NULL)
    *first = self->first_known;
  if (last != NULL)
    *last = self->last_known;
}

/**
 * hd_workdays_is_working_day:
 * @self: a #HdWorkdays
 * @day: a valid date
 *
 * Returns: %TRUE if @day is a working day of the five-day week, local overrides included
 */
gboolean
hd_workdays_is_working_day (HdWorkdays  *self,
                            const GDate *day)
{
  DayState state;

  g_return_val_if_fail (HD_IS_WORKDAYS (self), FALSE);
  g_return_val_if_fail (day != NULL && g_date_valid (day), FALSE);

  get_state (self, day, &state, NULL);
  return state_working (&state, day);
}

/**
 * hd_workdays_is_short_day:
 * @self: a #HdWorkdays
 * @day: a valid date
 *
 * A pre-holiday day is one hour shorter (Labour Code art. 95). A day the school made working
 * by an override keeps its normal length unless the calendar already made it a short working
 * day; a day made non-working is not a short day.
 *
 * Returns: %TRUE if @day is a shortened working day
 */
gboolean
hd_workdays_is_short_day (HdWorkdays  *self,
                          const GDate *day)
{
  DayState state;

  g_return_val_if_fail (HD_IS_WORKDAYS (self), FALSE);
  g_return_val_if_fail (day != NULL && g_date_valid (day), FALSE);

  get_state (self, day, &state, NULL);
  return state_short (&state, day);
}

/**
 * hd_workdays_get_day_kind:
 * @self: a #HdWorkdays
 * @day: a valid date
 *
 * Returns: what kind of day @day is, for the calendar view
 */
HdDayKind
hd_workdays_get_day_kind (HdWorkdays  *self,
                          const GDate *day)
{
  DayState state;

  g_return_val_if_fail (HD_IS_WORKDAYS (self), HD_DAY_ORDINARY);
  g_return_val_if_fail (day != NULL && g_date_valid (day), HD_DAY_ORDINARY);

  get_state (self, day, &state, NULL);
  return state_kind (&state, day);
}

/**
 * hd_workdays_describe_day:
 * @self: a #HdWorkdays
 * @day: a valid date
 *
 * Returns: (transfer full) (nullable): a translated description of @day — the holiday's
 *   name, a transferred day off, a working Saturday, a shortened day or the school's note —
 *   or %NULL for an ordinary working day or a plain weekend
 */
char *
hd_workdays_describe_day (HdWorkdays  *self,
                          const GDate *day)
{
  DayState state;
  g_autofree char *note = NULL;
  const char *what = NULL;
  gboolean short_day;

  g_return_val_if_fail (HD_IS_WORKDAYS (self), NULL);
  g_return_val_if_fail (day != NULL && g_date_valid (day), NULL);

  get_state (self, day, &state, &note);
  if (state.has_override)
    {
      if (note != NULL && *note != '\0')
        return g_steal_pointer (&note);
      return g_strdup (state.override_working ? _("Working day by the school’s decision")
                                              : _("Day off by the school’s decision"));
    }

  switch (state_kind (&state, day))
    {
    case HD_DAY_HOLIDAY:
      what = holiday_name (day);
      if (what != NULL)
        what = _(what);
      else
        what = _("Public holiday");
      break;
    case HD_DAY_DAYOFF_TRANSFER:
      what = _("Transferred day off");
      break;
    case HD_DAY_WORKING_SATURDAY:
      what = g_date_get_weekday (day) == G_DATE_SATURDAY ? _("Working Saturday")
                                                         : _("Working day by transfer");
      break;
    case HD_DAY_ORDINARY:
    case HD_DAY_WEEKEND:
    case HD_DAY_OVERRIDE_OFF:
    case HD_DAY_OVERRIDE_WORKING:
    default:
      break;
    }

  short_day = state_short (&state, day);
  if (what != NULL && short_day)
    /* Translators: the first %s says what the day is (e.g. «Рабочая суббота») */
    return g_strdup_printf (_("%s, one hour shorter"), what);
  if (short_day)
    return g_strdup (_("Pre-holiday day, one hour shorter"));
  return g_strdup (what);
}

/**
 * hd_workdays_add:
 * @self: a #HdWorkdays
 * @from: a valid date
 * @n: how many working days to count; negative counts back
 * @out: (out): the @n-th working day after @from (before it when @n is negative); @from itself
 *   is never counted, and @n = 0 gives @from
 */
void
hd_workdays_add (HdWorkdays  *self,
                 const GDate *from,
                 int          n,
                 GDate       *out)
{
  GDate day;
  int step = n < 0 ? -1 : 1;
  int left = ABS (n);

  g_return_if_fail (HD_IS_WORKDAYS (self));
  g_return_if_fail (from != NULL && g_date_valid (from));
  g_return_if_fail (out != NULL);

  day = *from;
  while (left > 0)
    {
      if (step > 0)
        g_date_add_days (&day, 1);
      else
        g_date_subtract_days (&day, 1);
      if (hd_workdays_is_working_day (self, &day))
        left--;
    }
  *out = day;
}

/**
 * hd_workdays_between:
 * @self: a #HdWorkdays
 * @a: a valid date
 * @b: a valid date
 *
 * Returns: the number of working days in (@a, @b] — after @a, up to and including @b; the
 *   negative of the count in (@b, @a] when @b is before @a
 */
int
hd_workdays_between (HdWorkdays  *self,
                     const GDate *a,
                     const GDate *b)
{
  GDate day;
  int count = 0;
  int sign = 1;
  const GDate *lo = a;
  const GDate *hi = b;

  g_return_val_if_fail (HD_IS_WORKDAYS (self), 0);
  g_return_val_if_fail (a != NULL && g_date_valid (a), 0);
  g_return_val_if_fail (b != NULL && g_date_valid (b), 0);

  if (g_date_compare (a, b) > 0)
    {
      lo = b;
      hi = a;
      sign = -1;
    }

  day = *lo;
  while (g_date_compare (&day, hi) < 0)
    {
      g_date_add_days (&day, 1);
      if (hd_workdays_is_working_day (self, &day))
        count++;
    }
  return sign * count;
}

/**
 * hd_workdays_due_date:
 * @self: a #HdWorkdays
 * @started_on: the day the newcomer took up the post
 * @n_days: the term in working days (0 or more)
 * @due_on: (out): the last day of the term
 * @counted_days: (out) (optional) (element-type GDate) (transfer container): the working
 *   days counted, in order (the array frees them)
 * @explanation: (out) (optional) (nullable): a translated sentence naming the holidays and
 *   days off that were skipped (beyond plain weekends), the weekend days that were counted
 *   as working, and whether the fallback rule was used; %NULL when there is nothing to say
 *
 * "Not later than N working days from the day of taking up the post": the count starts on
 * the day after @started_on (Civil Code art. 191) and counts working days only, so the due
 * date is always a working day. A start on a weekend or a holiday counts the same way.
 */
void
hd_workdays_due_date (HdWorkdays  *self,
                      const GDate *started_on,
                      int          n_days,
                      GDate       *due_on,
                      GPtrArray  **counted_days,
                      char       **explanation)
{
  g_autoptr(GPtrArray) counted = NULL;
  g_autoptr(GPtrArray) skipped = NULL;
  g_autoptr(GPtrArray) weekend_work = NULL;
  g_autoptr(GString) text = NULL;
  GDate day, run_start, run_end;
  gboolean in_run = FALSE, run_special = FALSE;
  int unknown_year = 0;
  int left;

  g_return_if_fail (HD_IS_WORKDAYS (self));
  g_return_if_fail (started_on != NULL && g_date_valid (started_on));
  g_return_if_fail (n_days >= 0);
  g_return_if_fail (due_on != NULL);

  counted = g_ptr_array_new_with_free_func ((GDestroyNotify) g_date_free);
  skipped = g_ptr_array_new_with_free_func (g_free);
  weekend_work = g_ptr_array_new_with_free_func (g_free);

  if (!hd_workdays_is_year_known (self, g_date_get_year (started_on)) && n_days == 0)
    unknown_year = g_date_get_year (started_on);

  day = *started_on;
  g_date_clear (&run_start, 1);
  g_date_clear (&run_end, 1);
  left = n_days;
  while (left > 0)
    {
      gboolean working;

      g_date_add_days (&day, 1);
      working = hd_workdays_is_working_day (self, &day);

      if (unknown_year == 0 && !hd_workdays_is_year_known (self, g_date_get_year (&day)))
        unknown_year = g_date_get_year (&day);

      if (!working)
        {
          /* A run of days off is named when it holds more than a plain weekend. */
          if (!in_run)
            {
              run_start = day;
              run_special = FALSE;
              in_run = TRUE;
            }
          run_end = day;
          if (hd_workdays_get_day_kind (self, &day) != HD_DAY_WEEKEND)
            run_special = TRUE;
          continue;
        }

      if (in_run && run_special)
        g_ptr_array_add (skipped, format_run (&run_start, &run_end));
      in_run = FALSE;

      if (is_weekend (&day))
        g_ptr_array_add (weekend_work, format_day_month (g_date_get_day (&day),
                                                         g_date_get_month (&day)));

      g_ptr_array_add (counted, g_date_copy (&day));
      left--;
    }
  *due_on = day;

  if (explanation != NULL)
    {
      text = g_string_new (NULL);
      if (skipped->len > 0)
        {
          g_ptr_array_add (skipped, NULL);
          g_autofree char *list = g_strjoinv (", ", (char **) skipped->pdata);
          /* Translators: %s is a list of dates, e.g. «4 ноября» or «1–8 января, 23 февраля» */
          g_string_append_printf (text, _("Holidays and days off taken into account: %s."), list);
        }
      if (weekend_work->len > 0)
        {
          g_ptr_array_add (weekend_work, NULL);
          g_autofree char *list = g_strjoinv (", ", (char **) weekend_work->pdata);
          if (text->len > 0)
            g_string_append_c (text, ' ');
          /* Translators: %s is a list of dates, e.g. «2 ноября» */
          g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                     "Counted as a working day: %s.",
                                                     "Counted as working days: %s.",
                                                     weekend_work->len - 1),
                                  list);
        }
      if (unknown_year != 0)
        {
          if (text->len > 0)
            g_string_append_c (text, ' ');
          /* Translators: %d is a year */
          g_string_append_printf (text, _("The production calendar for %d is not known yet: only weekends and the public holidays of the Labour Code (art. 112) were taken into account."),
                                  unknown_year);
        }
      *explanation = text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
    }

  if (counted_days != NULL)
    *counted_days = g_steal_pointer (&counted);
}
