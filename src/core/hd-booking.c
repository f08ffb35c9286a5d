/* hd-booking.c — the rules of booking a consultation, and what happens after it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A booking is refused when it overlaps another consultation (with the buffer kept free
 * after each one, the new one included: a consultation may start at the previous end plus
 * the buffer, and must end the buffer before the next one starts; with no buffer, end = start
 * is fine), lies outside working time, on a closed day, in the past or beyond the horizon.
 * A refusal is HD_ERROR_CONFLICT with the field "starts_at" and comes with the nearest free
 * slots. Every consultation belongs to a request of the journal: booking creates or attaches
 * it in the same transaction. Only scheduled and held consultations hold their time.
 */
#define G_LOG_DOMAIN "hd-booking"

#include "config.h"

#include <glib/gi18n.h>

#include "hd-appointment-store.h"
#include "hd-booking.h"
#include "hd-date.h"
#include "hd-error.h"
#include "hd-newcomer-store.h"
#include "hd-request-store.h"

#define DAY_SECONDS ((gint64) 24 * 60 * 60)
/* How far around a refused time the suggestions are looked for */
#define SUGGEST_DAYS_BEFORE 3
#define SUGGEST_DAYS_AFTER  14

G_DEFINE_BOXED_TYPE (HdSlot, hd_slot, hd_slot_copy, hd_slot_free)

HdSlot *
hd_slot_new (gint64   starts_at,
             gint64   ends_at,
             gboolean in_reception)
{
  HdSlot *self = g_new0 (HdSlot, 1);

  self->starts_at = starts_at;
  self->ends_at = ends_at;
  self->in_reception = in_reception;
  return self;
}

HdSlot *
hd_slot_copy (const HdSlot *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return hd_slot_new (self->starts_at, self->ends_at, self->in_reception);
}

void
hd_slot_free (HdSlot *self)
{
  g_free (self);
}

/* ---------------------------------------------------------------------------------------- */
/* Helpers                                                                                   */

/* A refusal: HD_ERROR_CONFLICT naming the field "starts_at", so the editor shows it there */
static void G_GNUC_PRINTF (2, 3)
set_conflict (GError    **error,
              const char *format,
              ...)
{
  g_autofree char *message = NULL;
  GError *e = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  hd_error_set_field (&e, "starts_at", "%s", message);
  /* The field travels in the domain's private data, whatever the code */
  e->code = HD_ERROR_CONFLICT;
  g_propagate_error (error, e);
}

static char *
format_local (HdTerms    *terms,
              gint64      instant,
              const char *format)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (instant);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, hd_terms_get_time_zone (terms));

  return g_date_time_format (local, format);
}

static void
local_day (HdTerms *terms,
           gint64   instant,
           GDate   *out)
{
  hd_date_set_unix (out, instant, hd_terms_get_time_zone (terms));
}

/**
 * hd_booking_is_blocking:
 * @status: a #HdAppointmentStatus
 *
 * Returns: whether a consultation in @status holds its time (scheduled or held)
 */
gboolean
hd_booking_is_blocking (int status)
{
  return status == HD_APPOINTMENT_SCHEDULED || status == HD_APPOINTMENT_HELD;
}

/* Consultations that hold time within [from, to), except @exclude */
static GPtrArray *
list_busy (HdDatabase  *db,
           gint64       from,
           gint64       to,
           gint64       exclude,
           GError     **error)
{
  g_autoptr(GPtrArray) all = hd_appointment_store_list_between (db, from, to, error);
  GPtrArray *busy;

  if (all == NULL)
    return NULL;
  busy = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < all->len; i++)
    {
      HdAppointment *a = g_ptr_array_index (all, i);

      if (hd_appointment_get_id (a) != exclude && hd_booking_is_blocking (hd_appointment_get_status (a)))
        g_ptr_array_add (busy, g_object_ref (a));
    }
  return busy;
}

static HdAppointment *
find_overlap (GPtrArray *busy,
              gint64     starts_at,
              gint64     ends_at,
              gint64     buffer)
{
  for (guint i = 0; i < busy->len; i++)
    {
      HdAppointment *a = g_ptr_array_index (busy, i);

      if (starts_at < hd_appointment_get_ends_at (a) + buffer &&
          hd_appointment_get_starts_at (a) < ends_at + buffer)
        return a;
    }
  return NULL;
}

/* The last local date that can be booked from @now */
static void
horizon_day (HdDatabase *db,
             HdTerms    *terms,
             gint64      now,
             GDate      *out)
{
  local_day (terms, now, out);
  g_date_add_days (out, hd_availability_get_horizon_days (db));
}

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* Free starts of @minutes on @day: the slot grid from the start of work, and the end of
 * each consultation plus the buffer. Appends HdSlot to @out in order of time. */
static gboolean
collect_day (HdDatabase  *db,
             HdWorkdays  *workdays,
             HdTerms     *terms,
             const GDate *day,
             int          minutes,
             gint64       not_before,
             gint64       before,
             gint64       exclude,
             GPtrArray   *out,
             GError     **error)
{
  g_autoptr(HdDayAvailability) avail = NULL;
  g_autoptr(GPtrArray) busy = NULL;
  g_autoptr(GArray) starts = NULL;
  gint64 buffer = (gint64) hd_availability_get_buffer_minutes (db) * 60;
  gint64 step = (gint64) hd_availability_get_slot_minutes (db) * 60;
  gint64 length = (gint64) minutes * 60;

  avail = hd_availability_get_day (db, workdays, terms, day, error);
  if (avail == NULL)
    return FALSE;
  if (!avail->open)
    return TRUE;

  busy = list_busy (db, avail->work_start - buffer, avail->work_end + buffer, exclude, error);
  if (busy == NULL)
    return FALSE;

  starts = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (gint64 t = avail->work_start; t + length <= avail->work_end; t += step)
    g_array_append_val (starts, t);
  for (guint i = 0; i < busy->len; i++)
    {
      gint64 t = hd_appointment_get_ends_at (g_ptr_array_index (busy, i)) + buffer;

      g_array_append_val (starts, t);
    }
  for (guint i = 0; i < avail->reception->len; i++)
    g_array_append_val (starts, g_array_index (avail->reception, HdReceptionInterval, i).start);
  g_array_sort (starts, compare_int64);

  for (guint i = 0; i < starts->len; i++)
    {
      gint64 t = g_array_index (starts, gint64, i);

      if (i > 0 && t == g_array_index (starts, gint64, i - 1))
        continue;
      if (t < not_before || (before > 0 && t + length > before))
        continue;
      if (!hd_day_availability_in_work_time (avail, t, t + length))
        continue;
      if (find_overlap (busy, t, t + length, buffer) != NULL)
        continue;
      g_ptr_array_add (out, hd_slot_new (t, t + length,
                                         hd_day_availability_in_reception (avail, t, t + length)));
    }
  return TRUE;
}

static int
compare_slots (gconstpointer a,
               gconstpointer b)
{
  const HdSlot *sa = *(HdSlot **) a, *sb = *(HdSlot **) b;

  return (sa->starts_at > sb->starts_at) - (sa->starts_at < sb->starts_at);
}

static int
compare_nearest (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const HdSlot *sa = *(HdSlot **) a, *sb = *(HdSlot **) b;
  gint64 target = *(gint64 *) user_data;
  gint64 da = ABS (sa->starts_at - target), db = ABS (sb->starts_at - target);

  if (da != db)
    return (da > db) - (da < db);
  return compare_slots (a, b);
}

/* The @n free slots nearest to @starts_at, in order of time */
static GPtrArray *
suggest (HdDatabase  *db,
         HdWorkdays  *workdays,
         HdTerms     *terms,
         gint64       starts_at,
         int          minutes,
         gint64       exclude,
         gint64       now,
         guint        n,
         GError     **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) hd_slot_free);
  GDate day, last, today;

  local_day (terms, starts_at, &day);
  local_day (terms, now, &today);
  horizon_day (db, terms, now, &last);
  g_date_subtract_days (&day, SUGGEST_DAYS_BEFORE);
  if (g_date_compare (&day, &today) < 0)
    day = today;

  for (int i = 0; i <= SUGGEST_DAYS_BEFORE + SUGGEST_DAYS_AFTER && g_date_compare (&day, &last) <= 0;
       i++, g_date_add_days (&day, 1))
    if (!collect_day (db, workdays, terms, &day, minutes, now, 0, exclude, found, error))
      return NULL;

  /* Far from everything (a long holiday): carry on to the horizon for the first ones */
  while (found->len < n && g_date_compare (&day, &last) <= 0)
    {
      if (!collect_day (db, workdays, terms, &day, minutes, now, 0, exclude, found, error))
        return NULL;
      g_date_add_days (&day, 1);
    }

  g_ptr_array_sort_with_data (found, compare_nearest, &starts_at);
  if (found->len > n)
    g_ptr_array_set_size (found, n);
  g_ptr_array_sort (found, compare_slots);
  return g_steal_pointer (&found);
}

/* ---------------------------------------------------------------------------------------- */
/* Public API                                                                                */

/**
 * hd_booking_check:
 * @db: the database
 * @workdays: the production calendar with the school's overrides
 * @terms: working hours and the school's time zone
 * @starts_at: Unix seconds
 * @ends_at: Unix seconds
 * @exclude_appointment_id: a consultation being moved (it does not conflict with itself), or 0
 * @now: the current moment (nothing can be booked before it)
 * @suggestions: (out) (optional) (element-type HdSlot): on a refusal, the nearest free
 *   slots of the same length (up to %HD_BOOKING_N_SUGGESTIONS), in order of time
 * @error: a refusal: %HD_ERROR_CONFLICT naming the field "starts_at", with a message for
 *   the secretary; %HD_ERROR_INVALID_FIELD for "ends_at" when the end is not after the start
 *   on the same day
 *
 * Whether [@starts_at, @ends_at) can be booked.
 *
 * Returns: %TRUE when it can
 */
gboolean
hd_booking_check (HdDatabase  *db,
                  HdWorkdays  *workdays,
                  HdTerms     *terms,
                  gint64       starts_at,
                  gint64       ends_at,
                  gint64       exclude_appointment_id,
                  gint64       now,
                  GPtrArray  **suggestions,
                  GError     **error)
{
  g_autoptr(HdDayAvailability) avail = NULL;
  g_autoptr(GPtrArray) busy = NULL;
  g_autoptr(GError) refusal = NULL;
  GDate day, end_day, last;
  gint64 buffer;
  HdAppointment *overlap;

  g_return_val_if_fail (HD_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (HD_IS_WORKDAYS (workdays), FALSE);
  g_return_val_if_fail (HD_IS_TERMS (terms), FALSE);
  g_return_val_if_fail (suggestions == NULL || *suggestions == NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  local_day (terms, starts_at, &day);
  local_day (terms, ends_at - 1, &end_day);
  if (ends_at <= starts_at || g_date_compare (&day, &end_day) != 0)
    {
      hd_error_set_field (error, "ends_at",
                          _("A consultation must end later than it starts, on the same day."));
      return FALSE;
    }

  avail = hd_availability_get_day (db, workdays, terms, &day, error);
  if (avail == NULL)
    return FALSE;
  buffer = (gint64) hd_availability_get_buffer_minutes (db) * 60;
  horizon_day (db, terms, now, &last);

  if (starts_at < now)
    {
      set_conflict (&refusal, _("This time has already passed. Choose a time later than now."));
    }
  else if (g_date_compare (&day, &last) > 0)
    {
      int days = hd_availability_get_horizon_days (db);

      set_conflict (&refusal,
                    /* Translators: %d is a number of days */
                    g_dngettext (GETTEXT_PACKAGE,
                                 "Consultations can be booked at most %d day ahead. Choose an earlier date.",
                                 "Consultations can be booked at most %d days ahead. Choose an earlier date.",
                                 days),
                    days);
    }
  else if (!avail->open)
    {
      g_autofree char *date = format_local (terms, starts_at, "%-d %B %Y");

      if (avail->description != NULL)
        /* Translators: the first %s is a date («4 ноября 2026»), the second what the day is
         * («День народного единства») */
        set_conflict (&refusal, _("No consultations can be booked on %s: it is a non-working day (%s). "
                                  "Choose another day."), date, avail->description);
      else
        /* Translators: %s is a date, e.g. «7 ноября 2026» */
        set_conflict (&refusal, _("No consultations can be booked on %s: it is a day off. "
                                  "Choose another day."), date);
    }
  else if (!hd_day_availability_in_work_time (avail, starts_at, ends_at))
    {
      g_autofree char *date = format_local (terms, starts_at, "%-d %B");
      g_autofree char *from = format_local (terms, avail->work_start, "%H:%M");
      g_autofree char *to = format_local (terms, avail->work_end, "%H:%M");

      /* Translators: %s are a date («3 ноября») and two times («08:00», «16:00») */
      set_conflict (&refusal, _("On %s consultations can be booked only in working hours, from %s "
                                "to %s. Choose another time."), date, from, to);
    }
  else
    {
      busy = list_busy (db, starts_at - buffer, ends_at + buffer, exclude_appointment_id, error);
      if (busy == NULL)
        return FALSE;
      overlap = find_overlap (busy, starts_at, ends_at, buffer);
      if (overlap != NULL)
        {
          g_autofree char *from = format_local (terms, hd_appointment_get_starts_at (overlap), "%H:%M");
          g_autofree char *to = format_local (terms, hd_appointment_get_ends_at (overlap), "%H:%M");
          const char *who = hd_appointment_get_person_name (overlap);
          int minutes = (int) (buffer / 60);

          if (minutes > 0)
            set_conflict (&refusal,
                          /* Translators: the first %s is a person's name, then two times;
                           * %d is a number of minutes */
                          g_dngettext (GETTEXT_PACKAGE,
                                       "This time is taken: %s has a consultation from %s to %s, and "
                                       "%d minute is kept free after each consultation. Choose another time.",
                                       "This time is taken: %s has a consultation from %s to %s, and "
                                       "%d minutes are kept free after each consultation. Choose another time.",
                                       minutes),
                          who != NULL ? who : "", from, to, minutes);
          else
            /* Translators: the first %s is a person's name, then two times */
            set_conflict (&refusal, _("This time is taken: %s has a consultation from %s to %s. "
                                      "Choose another time."),
                          who != NULL ? who : "", from, to);
        }
    }

  if (refusal == NULL)
    return TRUE;

  if (suggestions != NULL)
    {
      GError *suggest_error = NULL;

      *suggestions = suggest (db, workdays, terms, starts_at, (int) ((ends_at - starts_at) / 60),
                              exclude_appointment_id, now, HD_BOOKING_N_SUGGESTIONS, &suggest_error);
      if (*suggestions == NULL)
        {
          g_propagate_error (error, suggest_error);
          return FALSE;
        }
    }
  g_propagate_error (error, g_steal_pointer (&refusal));
  return FALSE;
}

/**
 * hd_booking_find_free_slots:
 * @from: the earliest start (Unix seconds); never before @now
 * @before: the latest end, or 0 for the booking horizon
 * @minutes: the length of a slot
 * @n: how many
 * @now: the current moment
 *
 * Returns: (transfer full) (element-type HdSlot): the first @n free slots in order of time
 *   (fewer when there are not so many), or %NULL on a database error
 */
GPtrArray *
hd_booking_find_free_slots (HdDatabase  *db,
                            HdWorkdays  *workdays,
                            HdTerms     *terms,
                            gint64       from,
                            gint64       before,
                            int          minutes,
                            guint        n,
                            gint64       now,
                            GError     **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) hd_slot_free);
  GDate day, last;

  g_return_val_if_fail (HD_IS_DATABASE (db), NULL);
  g_return_val_if_fail (HD_IS_WORKDAYS (workdays), NULL);
  g_return_val_if_fail (HD_IS_TERMS (terms), NULL);
  g_return_val_if_fail (minutes > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  from = MAX (from, now);
  local_day (terms, from, &day);
  horizon_day (db, terms, now, &last);
  if (before > 0)
    {
      GDate before_day;

      local_day (terms, before - 1, &before_day);
      if (g_date_compare (&before_day, &last) < 0)
        last = before_day;
    }

  while (found->len < n && g_date_compare (&day, &last) <= 0)
    {
      if (!collect_day (db, workdays, terms, &day, minutes, from, before, 0, found, error))
        return NULL;
      g_date_add_days (&day, 1);
    }
  if (found->len > n)
    g_ptr_array_set_size (found, n);
  return g_steal_pointer (&found);
}

/**
 * hd_booking_suggest_slots:
 * @around: the time the free slots should be near (Unix seconds)
 * @minutes: the length of a slot
 * @exclude_appointment_id: a consultation being moved (its own time counts as free), or 0
 * @n: how many
 * @now: the current moment
 *
 * The free slots nearest to @around, before or after it (from a few days before to two
 * weeks after, further to the horizon when there are none), as a refusal suggests them:
 * what to offer when a consultation is moved.
 *
 * Returns: (transfer full) (element-type HdSlot): up to @n slots in order of time, or %NULL
 *   on a database error
 */
GPtrArray *
hd_booking_suggest_slots (HdDatabase  *db,
                          HdWorkdays  *workdays,
                          HdTerms     *terms,
                          gint64       around,
                          int          minutes,
                          gint64       exclude_appointment_id,
                          guint        n,
                          gint64       now,
                          GError     **error)
{
  g_return_val_if_fail (HD_IS_DATABASE (db), NULL);
  g_return_val_if_fail (HD_IS_WORKDAYS (workdays), NULL);
  g_return_val_if_fail (HD_IS_TERMS (terms), NULL);
  g_return_val_if_fail (minutes > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return suggest (db, workdays, terms, around, minutes, exclude_appointment_id, now, n, error);
}

/* The request a consultation belongs to: @new_request is created (for the appointment's
 * person), or the appointment's request_id must name a request of the same person. */
static gboolean
link_request (HdDatabase     *db,
              HdAppointment  *appointment,
              HdRequest      *new_request,
              gint64          now,
              GError        **error)
{
  if (new_request != NULL)
    {
      g_return_val_if_fail (hd_request_get_id (new_request) == 0, FALSE);

      if (hd_request_get_requester_id (new_request) <= 0)
        hd_request_set_requester_id (new_request, hd_appointment_get_person_id (appointment));
      if (hd_request_get_received_at (new_request) == 0)
        hd_request_set_received_at (new_request, now);
      if (hd_request_get_topic (new_request) < 0)
        hd_request_set_topic (new_request, hd_appointment_get_topic (appointment));
      if (!hd_request_store_create (db, new_request, error))
        return FALSE;
      hd_appointment_set_request_id (appointment, hd_request_get_id (new_request));
      return TRUE;
    }

  if (hd_appointment_get_request_id (appointment) > 0)
    {
      g_autoptr(HdRequest) request = hd_request_store_get (db, hd_appointment_get_request_id (appointment),
                                                           error);

      if (request == NULL)
        return FALSE;
      if (hd_request_get_requester_id (request) != hd_appointment_get_person_id (appointment))
        {
          hd_error_set_field (error, "request_id",
                              _("The chosen request was made by another person. Choose a request of "
                                "this visitor or create a new one."));
          return FALSE;
        }
      return TRUE;
    }

  /* Training of a new employee is recorded in the onboarding tracker instead */
  if (hd_appointment_get_newcomer_id (appointment) > 0)
    return TRUE;

  hd_error_set_field (error, "request_id",
                      _("Every consultation belongs to a request. Choose an open request of this "
                        "visitor or create a new one."));
  return FALSE;
}

/**
 * hd_booking_book:
 * @appointment: a new consultation (id 0): time, person, topic, mode, notes; its request_id
 *   names an existing request of the same person unless @new_request is given
 * @new_request: (nullable): a new request (id 0) to create with it; its requester, reception
 *   time and topic default to the appointment's person, @now and topic
 * @now: the current moment
 *
 * Checks the time (hd_booking_check()) and writes the request and the consultation in one
 * transaction; on success both have their ids.
 */
gboolean
hd_booking_book (HdDatabase     *db,
                 HdWorkdays     *workdays,
                 HdTerms        *terms,
                 HdAppointment  *appointment,
                 HdRequest      *new_request,
                 gint64          now,
                 GError        **error)
{
  g_return_val_if_fail (HD_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (HD_IS_APPOINTMENT (appointment), FALSE);
  g_return_val_if_fail (hd_appointment_get_id (appointment) == 0, FALSE);
  g_return_val_if_fail (new_request == NULL || HD_IS_REQUEST (new_request), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!hd_appointment_store_validate (db, appointment, error))
    return FALSE;
  if (!hd_booking_check (db, workdays, terms, hd_appointment_get_starts_at (appointment),
                         hd_appointment_get_ends_at (appointment), 0, now, NULL, error))
    return FALSE;

  if (!hd_database_begin (db, error))
    return FALSE;
  hd_appointment_set_status (appointment, HD_APPOINTMENT_SCHEDULED);
  hd_appointment_set_walk_in (appointment, FALSE);
  if (!link_request (db, appointment, new_request, now, error) ||
      !hd_appointment_store_create (db, appointment, error) ||
      !hd_database_commit (db, error))
    {
      hd_database_rollback (db);
      hd_appointment_set_id (appointment, 0);
      if (new_request != NULL)
        {
          hd_request_set_id (new_request, 0);
          hd_appointment_set_request_id (appointment, 0);
        }
      return FALSE;
    }
  return TRUE;
}

/**
 * hd_booking_book_weekly:
 * @first: the first consultation, as for hd_booking_book()
 * @new_request: (nullable): as for hd_booking_book(); all occurrences belong to it
 * @until: the last local date an occurrence may fall on
 * @n_skipped: (out) (optional): occurrences left out because their day is closed
 *
 * Books @first and the same time every week until @until, each occurrence its own
 * consultation with the id of the first as series_id. Days that are closed (a holiday) are
 * skipped; a conflict on any other occurrence refuses the whole series, its message naming
 * the date, and nothing is written.
 *
 * Returns: (transfer full) (element-type HdAppointment): the booked consultations
 */
GPtrArray *
hd_booking_book_weekly (HdDatabase     *db,
                        HdWorkdays     *workdays,
                        HdTerms        *terms,
                        HdAppointment  *first,
                        HdRequest      *new_request,
                        const GDate    *until,
                        gint64          now,
                        guint          *n_skipped,
                        GError        **error)
{
  g_autoptr(GPtrArray) booked = g_ptr_array_new_with_free_func (g_object_unref);
  GTimeZone *tz;
  GDate day;
  guint skipped = 0;
  gint64 length, series = 0, request_id = 0;
  g_autoptr(GDateTime) start_local = NULL;

  g_return_val_if_fail (HD_IS_DATABASE (db), NULL);
  g_return_val_if_fail (HD_IS_APPOINTMENT (first), NULL);
  g_return_val_if_fail (until != NULL && g_date_valid (until), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  tz = hd_terms_get_time_zone (terms);
  length = hd_appointment_get_ends_at (first) - hd_appointment_get_starts_at (first);
  {
    g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (hd_appointment_get_starts_at (first));

    start_local = g_date_time_to_timezone (utc, tz);
  }
  local_day (terms, hd_appointment_get_starts_at (first), &day);

  if (!hd_database_begin (db, error))
    return NULL;

  for (int week = 0; g_date_compare (&day, until) <= 0; week++, g_date_add_days (&day, 7))
    {
      g_autoptr(HdAppointment) occurrence = hd_appointment_copy (first);
      g_autoptr(GDateTime) when = g_date_time_add_weeks (start_local, week);
      g_autoptr(GError) local_error = NULL;
      gint64 starts_at = g_date_time_to_unix (when);

      if (!hd_workdays_is_working_day (workdays, &day))
        {
          skipped++;
          continue;
        }
      hd_appointment_set_id (occurrence, 0);
      hd_appointment_set_starts_at (occurrence, starts_at);
      hd_appointment_set_ends_at (occurrence, starts_at + length);
      if (series > 0)
        {
          hd_appointment_set_series_id (occurrence, series);
          hd_appointment_set_request_id (occurrence, request_id);
        }

      if (!hd_booking_book (db, workdays, terms, occurrence, booked->len == 0 ? new_request : NULL,
                            now, &local_error))
        {
          g_autofree char *date = format_local (terms, starts_at, "%-d %B %Y");

          hd_database_rollback (db);
          if (new_request != NULL)
            hd_request_set_id (new_request, 0);
          if (g_error_matches (local_error, HD_ERROR, HD_ERROR_CONFLICT))
            /* Translators: the first %s is a date, the second the reason of the refusal */
            set_conflict (error, _("The series cannot be booked on %s. %s"), date, local_error->message);
          else
            g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }

      if (series == 0)
        {
          /* The first occurrence names the series; the others attach to its request */
          series = hd_appointment_get_id (occurrence);
          request_id = hd_appointment_get_request_id (occurrence);
          hd_appointment_set_series_id (occurrence, series);
          if (!hd_appointment_store_update (db, occurrence, error))
            {
              hd_database_rollback (db);
              if (new_request != NULL)
                hd_request_set_id (new_request, 0);
              return NULL;
            }
        }
      g_ptr_array_add (booked, g_steal_pointer (&occurrence));
    }

  if (!hd_database_commit (db, error))
    {
      hd_database_rollback (db);
      return NULL;
    }
  if (n_skipped != NULL)
    *n_skipped = skipped;
  return g_steal_pointer (&booked);
}

/**
 * hd_booking_walk_in:
 * @appointment: the consultation (id 0): time, person, topic, mode, outcome
 * @request: a new request (id 0) for what the visitor came with: summary, status (e.g.
 *   resolved with its resolution); requester, channel (in person), reception time and topic
 *   default to the consultation's
 * @now: the current moment
 *
 * «Принят без записи»: records a visitor received without booking, during the reception
 * hours, as one request and one held consultation (walk_in set), in one transaction. The
 * visit cannot be in the future. It is not checked against other bookings: the visitor came.
 */
gboolean
hd_booking_walk_in (HdDatabase     *db,
                    HdWorkdays     *workdays,
                    HdTerms        *terms,
                    HdAppointment  *appointment,
                    HdRequest      *request,
                    gint64          now,
                    GError        **error)
{
  g_autoptr(HdDayAvailability) avail = NULL;
  gint64 starts_at, ends_at;
  GDate day;

  g_return_val_if_fail (HD_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (HD_IS_APPOINTMENT (appointment), FALSE);
  g_return_val_if_fail (hd_appointment_get_id (appointment) == 0, FALSE);
  g_return_val_if_fail (HD_IS_REQUEST (request), FALSE);
  g_return_val_if_fail (hd_request_get_id (request) == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!hd_appointment_store_validate (db, appointment, error))
    return FALSE;
  starts_at = hd_appointment_get_starts_at (appointment);
  ends_at = hd_appointment_get_ends_at (appointment);
  local_day (terms, starts_at, &day);
  avail = hd_availability_get_day (db, workdays, terms, &day, error);
  if (avail == NULL)
    return FALSE;

  if (starts_at > now + 60)
    {
      set_conflict (error, _("A visitor received without booking is recorded when they come, "
                             "not in advance. Book a consultation for a later time instead."));
      return FALSE;
    }
  if (!hd_day_availability_in_reception (avail, starts_at, ends_at))
    {
      set_conflict (error, _("A visitor without booking is received only in the reception hours. "
                             "Check the time, or book a consultation by arrangement."));
      return FALSE;
    }

  if (hd_request_get_channel (request) < 0)
    hd_request_set_channel (request, HD_CHANNEL_IN_PERSON);
  if (hd_request_get_received_at (request) == 0)
    hd_request_set_received_at (request, starts_at);

  if (!hd_database_begin (db, error))
    return FALSE;
  hd_appointment_set_status (appointment, HD_APPOINTMENT_HELD);
  hd_appointment_set_walk_in (appointment, TRUE);
  if (!link_request (db, appointment, request, now, error) ||
      !hd_appointment_store_create (db, appointment, error) ||
      !hd_database_commit (db, error))
    {
      hd_database_rollback (db);
      hd_appointment_set_id (appointment, 0);
      hd_appointment_set_request_id (appointment, 0);
      hd_request_set_id (request, 0);
      return FALSE;
    }
  return TRUE;
}

/* Training held: the newcomer's training is done on the day of the consultation, unless the
 * checklist still misses mandatory items (then the editor finishes it). */
static gboolean
finish_training (HdDatabase     *db,
                 HdWorkdays     *workdays,
                 HdTerms        *terms,
                 HdAppointment  *appointment,
                 gboolean       *pending,
                 GError        **error)
{
  g_autoptr(HdNewcomer) newcomer = NULL;
  g_autofree char *iso = NULL;
  guint mandatory;
  GDate day;

  newcomer = hd_newcomer_store_get (db, hd_appointment_get_newcomer_id (appointment), error);
  if (newcomer == NULL)
    return FALSE;
  if (hd_newcomer_get_trained_on (newcomer) != NULL && *hd_newcomer_get_trained_on (newcomer) != '\0')
    return TRUE;

  mandatory = hd_newcomer_store_get_mandatory (db) & HD_CHECKLIST_ALL;
  if ((hd_newcomer_get_checklist (newcomer) & mandatory) != mandatory)
    {
      *pending = TRUE;
      return TRUE;
    }

  local_day (terms, hd_appointment_get_starts_at (appointment), &day);
  iso = hd_date_to_iso (&day);
  hd_newcomer_set_trained_on (newcomer, iso);
  return hd_newcomer_store_update (db, workdays, newcomer, error);
}

/**
 * hd_booking_mark_held:
 * @appointment_id: the consultation
 * @outcome: what was done (kept on the consultation)
 * @request_status: the new status of the linked request (#HdStatus), or -1 to leave it
 * @resolution: (nullable): the answer given, for the request's resolution (needed when it
 *   becomes resolved)
 * @training_pending: (out) (optional): set when the consultation was a training whose
 *   checklist still misses mandatory items, so the training is not marked done: the
 *   onboarding editor should be opened
 *
 * Marks a consultation held and updates the request it belongs to in the same transaction
 * (the request's audit records the change). A training of a new employee marks the training
 * done on the consultation's day when the mandatory checklist items are ticked.
 */
gboolean
hd_booking_mark_held (HdDatabase  *db,
                      HdWorkdays  *workdays,
                      HdTerms     *terms,
                      gint64       appointment_id,
                      const char  *outcome,
                      int          request_status,
                      const char  *resolution,
                      gboolean    *training_pending,
                      GError     **error)
{
  g_autoptr(HdAppointment) appointment = NULL;
  gboolean pending = FALSE;

  g_return_val_if_fail (HD_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (request_status >= -1 && request_status < HD_N_STATUSES, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!hd_database_begin (db, error))
    return FALSE;

  appointment = hd_appointment_store_get (db, appointment_id, error);
  if (appointment == NULL)
    goto failed;
  hd_appointment_set_status (appointment, HD_APPOINTMENT_HELD);
  if (outcome != NULL)
    hd_appointment_set_outcome (appointment, outcome);
  if (!hd_appointment_store_update (db, appointment, error))
    goto failed;

  if (hd_appointment_get_request_id (appointment) > 0 && request_status >= 0)
    {
      g_autoptr(HdRequest) request = hd_request_store_get (db, hd_appointment_get_request_id (appointment),
                                                           error);

      if (request == NULL)
        goto failed;
      hd_request_set_status (request, request_status);
      if (resolution != NULL)
        hd_request_set_resolution (request, resolution);
      if (!hd_request_store_update (db, request, error))
        goto failed;
    }

  if (hd_appointment_get_newcomer_id (appointment) > 0 &&
      !finish_training (db, workdays, terms, appointment, &pending, error))
    goto failed;

  if (!hd_database_commit (db, error))
    goto failed;
  if (training_pending != NULL)
    *training_pending = pending;
  return TRUE;

failed:
  hd_database_rollback (db);
  return FALSE;
}

/**
 * hd_booking_set_status:
 * @status: cancelled by the requester or the consultant, no-show, or back to scheduled
 * @note: (nullable): appended to the consultation's notes
 *
 * Records what became of a consultation that was not held. Use hd_booking_mark_held() and
 * hd_booking_reschedule() for those statuses.
 */
gboolean
hd_booking_set_status (HdDatabase           *db,
                       gint64                appointment_id,
                       HdAppointmentStatus   status,
                       const char           *note,
                       GError              **error)
{
  g_autoptr(HdAppointment) appointment = NULL;

  g_return_val_if_fail (HD_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (status != HD_APPOINTMENT_HELD && status != HD_APPOINTMENT_RESCHEDULED, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  appointment = hd_appointment_store_get (db, appointment_id, error);
  if (appointment == NULL)
    return FALSE;
  hd_appointment_set_status (appointment, status);
  if (note != NULL && *note != '\0')
    {
      const char *old = hd_appointment_get_notes (appointment);
      g_autofree char *notes = old != NULL && *old != '\0' ? g_strconcat (old, "\n", note, NULL)
                                                           : g_strdup (note);

      hd_appointment_set_notes (appointment, notes);
    }
  return hd_appointment_store_update (db, appointment, error);
}

/**
 * hd_booking_reschedule:
 * @appointment_id: a scheduled consultation
 * @starts_at: the new start
 * @ends_at: the new end
 * @suggestions: (out) (optional) (element-type HdSlot): as for hd_booking_check()
 *
 * Moves a consultation and keeps the history: a new consultation is booked at the new time
 * (same person, request, topic, series, newcomer), and the old one gets the status
 * rescheduled and points to it (rescheduled_to). The old time does not count against the new
 * one; moving to the very same time is refused, and the old time is never suggested.
 *
 * Returns: (transfer full): the new consultation, or %NULL with the refusal
 */
HdAppointment *
hd_booking_reschedule (HdDatabase  *db,
                       HdWorkdays  *workdays,
                       HdTerms     *terms,
                       gint64       appointment_id,
                       gint64       starts_at,
                       gint64       ends_at,
                       gint64       now,
                       GPtrArray  **suggestions,
                       GError     **error)
{
  g_autoptr(HdAppointment) old = NULL;
  g_autoptr(HdAppointment) moved = NULL;

  g_return_val_if_fail (HD_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  old = hd_appointment_store_get (db, appointment_id, error);
  if (old == NULL)
    return NULL;
  if (hd_appointment_get_status (old) != HD_APPOINTMENT_SCHEDULED)
    {
      g_set_error_literal (error, HD_ERROR, HD_ERROR_CONFLICT,
                           _("Only a scheduled consultation can be moved to another time."));
      return NULL;
    }
  if (starts_at == hd_appointment_get_starts_at (old) && ends_at == hd_appointment_get_ends_at (old))
    {
      set_conflict (error, _("The consultation is already booked at this time. Choose another time."));
      return NULL;
    }
  if (!hd_booking_check (db, workdays, terms, starts_at, ends_at, appointment_id, now,
                         suggestions, error))
    {
      /* Its own time is free for itself, but is no move: not suggested */
      for (guint i = 0; suggestions != NULL && *suggestions != NULL && i < (*suggestions)->len; i++)
        if (((HdSlot *) g_ptr_array_index (*suggestions, i))->starts_at == hd_appointment_get_starts_at (old))
          {
            g_ptr_array_remove_index (*suggestions, i);
            break;
          }
      return NULL;
    }

  moved = hd_appointment_copy (old);
  hd_appointment_set_id (moved, 0);
  hd_appointment_set_starts_at (moved, starts_at);
  hd_appointment_set_ends_at (moved, ends_at);
  hd_appointment_set_status (moved, HD_APPOINTMENT_SCHEDULED);
  hd_appointment_set_outcome (moved, "");

  if (!hd_database_begin (db, error))
    return NULL;
  if (!hd_appointment_store_create (db, moved, error))
    goto failed;
  hd_appointment_set_status (old, HD_APPOINTMENT_RESCHEDULED);
  hd_appointment_set_rescheduled_to (old, hd_appointment_get_id (moved));
  if (!hd_appointment_store_update (db, old, error) || !hd_database_commit (db, error))
    goto failed;
  return g_steal_pointer (&moved);

failed:
  hd_database_rollback (db);
  return NULL;
}

/**
 * hd_booking_list_on_closed_days:
 * @from: Unix seconds
 * @to: Unix seconds
 *
 * After the school closes a day (a new override), the scheduled consultations that now fall
 * on a closed day, to be rescheduled.
 *
 * Returns: (transfer full) (element-type HdAppointment): in order of time
 */
GPtrArray *
hd_booking_list_on_closed_days (HdDatabase  *db,
                                HdTerms     *terms,
                                gint64       from,
                                gint64       to,
                                GError     **error)
{
  g_autoptr(GPtrArray) all = NULL;
  GPtrArray *closed;

  g_return_val_if_fail (HD_IS_DATABASE (db), NULL);
  g_return_val_if_fail (HD_IS_TERMS (terms), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  all = hd_appointment_store_list_between (db, from, to, error);
  if (all == NULL)
    return NULL;
  closed = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < all->len; i++)
    {
      HdAppointment *a = g_ptr_array_index (all, i);
      GDate day;

      if (hd_appointment_get_status (a) != HD_APPOINTMENT_SCHEDULED)
        continue;
      local_day (terms, hd_appointment_get_starts_at (a), &day);
      if (!hd_terms_get_day_window (terms, &day, NULL, NULL))
        g_ptr_array_add (closed, g_object_ref (a));
    }
  return closed;
}

/**
 * hd_booking_propose_training_slots:
 * @newcomer: a new employee not yet trained
 * @n: how many slots
 * @now: the current moment
 *
 * «Записать на обучение»: the first free slots (of the slot length) from now (or the start
 * of the post, if later) up to the end of the newcomer's due date. When none is left before
 * the due date, the first ones after it, so the training can still be booked.
 *
 * Returns: (transfer full) (element-type HdSlot): in order of time
 */
GPtrArray *
hd_booking_propose_training_slots (HdDatabase  *db,
                                   HdWorkdays  *workdays,
                                   HdTerms     *terms,
                                   HdNewcomer  *newcomer,
                                   guint        n,
                                   gint64       now,
                                   GError     **error)
{
  GPtrArray *slots;
  GDate started, due;
  gint64 from = now, before = 0;
  int minutes;

  g_return_val_if_fail (HD_IS_DATABASE (db), NULL);
  g_return_val_if_fail (HD_IS_NEWCOMER (newcomer), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  minutes = hd_availability_get_slot_minutes (db);
  if (hd_date_parse_iso (hd_newcomer_get_started_on (newcomer), &started))
    {
      g_autoptr(GDateTime) dt = g_date_time_new (hd_terms_get_time_zone (terms),
                                                 g_date_get_year (&started), g_date_get_month (&started),
                                                 g_date_get_day (&started), 0, 0, 0);

      from = MAX (from, g_date_time_to_unix (dt));
    }
  if (hd_date_parse_iso (hd_newcomer_get_due_on (newcomer), &due))
    {
      g_autoptr(GDateTime) dt = g_date_time_new (hd_terms_get_time_zone (terms),
                                                 g_date_get_year (&due), g_date_get_month (&due),
                                                 g_date_get_day (&due), 0, 0, 0);

      before = g_date_time_to_unix (dt) + DAY_SECONDS;
    }

  slots = hd_booking_find_free_slots (db, workdays, terms, from, before, minutes, n, now, error);
  if (slots != NULL && slots->len == 0 && before > 0)
    {
      g_ptr_array_unref (slots);
      slots = hd_booking_find_free_slots (db, workdays, terms, before, 0, minutes, n, now, error);
    }
  return slots;
}

/**
 * hd_booking_book_training:
 * @newcomer_id: a new employee not yet trained, with no training booked
 * @starts_at: Unix seconds
 * @ends_at: Unix seconds
 * @now: the current moment
 * @suggestions: (out) (optional) (element-type HdSlot): on a refusal of the time, the
 *   nearest free slots, as for hd_booking_check()
 *
 * «Записать на обучение»: books the training of a new employee as a consultation of their
 * person, in person, linked to the newcomer (newcomer_id) and to no request: holding it marks
 * the training done (hd_booking_mark_held()). A newcomer already trained, or with a training
 * already booked, is refused with %HD_ERROR_CONFLICT (move the booked one instead).
 *
 * Returns: (transfer full): the booked consultation, or %NULL with the refusal
 */
HdAppointment *
hd_booking_book_training (HdDatabase  *db,
                          HdWorkdays  *workdays,
                          HdTerms     *terms,
                          gint64       newcomer_id,
                          gint64       starts_at,
                          gint64       ends_at,
                          gint64       now,
                          GPtrArray  **suggestions,
                          GError     **error)
{
  g_autoptr(HdNewcomer) newcomer = NULL;
  g_autoptr(GPtrArray) trainings = NULL;
  g_autoptr(HdAppointment) a = NULL;
  const char *trained_on;

  g_return_val_if_fail (HD_IS_DATABASE (db), NULL);
  g_return_val_if_fail (HD_IS_WORKDAYS (workdays), NULL);
  g_return_val_if_fail (HD_IS_TERMS (terms), NULL);
  g_return_val_if_fail (suggestions == NULL || *suggestions == NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  newcomer = hd_newcomer_store_get (db, newcomer_id, error);
  if (newcomer == NULL)
    return NULL;
  trained_on = hd_newcomer_get_trained_on (newcomer);
  if (trained_on != NULL && *trained_on != '\0')
    {
      g_set_error_literal (error, HD_ERROR, HD_ERROR_CONFLICT,
                           _("This employee has already been trained: no training needs to be booked."));
      return NULL;
    }
  trainings = hd_appointment_store_list_trainings (db, error);
  if (trainings == NULL)
    return NULL;
  for (guint i = 0; i < trainings->len; i++)
    {
      HdAppointment *t = g_ptr_array_index (trainings, i);

      if (hd_appointment_get_newcomer_id (t) == newcomer_id &&
          hd_appointment_get_status (t) == HD_APPOINTMENT_SCHEDULED)
        {
          g_autofree char *when = format_local (terms, hd_appointment_get_starts_at (t), "%-d %B, %H:%M");

          /* Translators: %s is a date and time, «5 ноября, 10:00» */
          g_set_error (error, HD_ERROR, HD_ERROR_CONFLICT,
                       _("The training of this employee is already booked on %s. "
                         "Move that consultation instead of booking another one."), when);
          return NULL;
        }
    }

  if (!hd_booking_check (db, workdays, terms, starts_at, ends_at, 0, now, suggestions, error))
    return NULL;

  a = hd_appointment_new ();
  hd_appointment_set_starts_at (a, starts_at);
  hd_appointment_set_ends_at (a, ends_at);
  hd_appointment_set_person_id (a, hd_newcomer_get_person_id (newcomer));
  hd_appointment_set_person_name (a, hd_newcomer_get_person_name (newcomer));
  hd_appointment_set_newcomer_id (a, newcomer_id);
  hd_appointment_set_topic (a, HD_TOPIC_OTHER);
  hd_appointment_set_mode (a, HD_MODE_IN_PERSON);
  hd_appointment_set_notes (a, _("Training of a new employee in the electronic journal"));
  if (!hd_booking_book (db, workdays, terms, a, NULL, now, error))
    return NULL;
  return g_steal_pointer (&a);
}

/**
 * hd_booking_mark_training_held:
 * @appointment_id: a training of a new employee (newcomer_id set)
 * @outcome: (nullable): what was done
 * @checklist_done: items of the checklist (#HdChecklistItem bits) covered at the training,
 *   added to those already ticked
 * @training_pending: (out) (optional): as for hd_booking_mark_held(): set when mandatory
 *   items are still missing, so the training is not marked done
 *
 * Ticks @checklist_done in the newcomer's checklist and marks the training held, in one
 * transaction: with the mandatory items ticked the training is done on the consultation's day.
 */
gboolean
hd_booking_mark_training_held (HdDatabase  *db,
                               HdWorkdays  *workdays,
                               HdTerms     *terms,
                               gint64       appointment_id,
                               const char  *outcome,
                               guint        checklist_done,
                               gboolean    *training_pending,
                               GError     **error)
{
  g_autoptr(HdAppointment) appointment = NULL;
  g_autoptr(HdNewcomer) newcomer = NULL;
  guint checklist;

  g_return_val_if_fail (HD_IS_DATABASE (db), FALSE);
  g_return_val_if_fail ((checklist_done & ~HD_CHECKLIST_ALL) == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!hd_database_begin (db, error))
    return FALSE;
  appointment = hd_appointment_store_get (db, appointment_id, error);
  if (appointment == NULL)
    goto failed;
  if (hd_appointment_get_newcomer_id (appointment) <= 0)
    {
      g_set_error_literal (error, HD_ERROR, HD_ERROR_INVALID_FIELD,
                           _("This consultation is not the training of a new employee."));
      goto failed;
    }
  newcomer = hd_newcomer_store_get (db, hd_appointment_get_newcomer_id (appointment), error);
  if (newcomer == NULL)
    goto failed;
  checklist = hd_newcomer_get_checklist (newcomer) | checklist_done;
  if (checklist != hd_newcomer_get_checklist (newcomer))
    {
      hd_newcomer_set_checklist (newcomer, checklist);
      if (!hd_newcomer_store_update (db, workdays, newcomer, error))
        goto failed;
    }
  if (!hd_booking_mark_held (db, workdays, terms, appointment_id, outcome, -1, NULL,
                             training_pending, error) ||
      !hd_database_commit (db, error))
    goto failed;
  return TRUE;

failed:
  hd_database_rollback (db);
  return FALSE;
}
