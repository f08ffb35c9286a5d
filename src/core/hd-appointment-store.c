/* hd-appointment-store.c — consultations of the calendar in the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Plain records only: whether a slot is free (reception hours, working time, overlaps) is
 * decided by the calendar's booking rules before it calls these functions.
 */
#define G_LOG_DOMAIN "hd-appointment-store"

#include "config.h"

#include <glib/gi18n.h>

#include "hd-appointment-store.h"
#include "hd-error.h"
#include "hd-record-private.h"

static const HdColumn columns[] = {
  { "starts_at", "starts-at", HD_COLUMN_TIME, 0 },
  { "ends_at", "ends-at", HD_COLUMN_TIME, 0 },
  { "person_id", "person-id", HD_COLUMN_ID, 0 },
  { "request_id", "request-id", HD_COLUMN_ID, 0 },
  { "newcomer_id", "newcomer-id", HD_COLUMN_ID, 0 },
  { "topic", "topic", HD_COLUMN_ENUM, HD_ENUM_TOPIC },
  { "mode", "mode", HD_COLUMN_ENUM, HD_ENUM_APPOINTMENT_MODE },
  { "status", "status", HD_COLUMN_ENUM, HD_ENUM_APPOINTMENT_STATUS },
  { "walk_in", "walk-in", HD_COLUMN_BOOL, 0 },
  { "rescheduled_to", "rescheduled-to", HD_COLUMN_ID, 0 },
  { "series_id", "series-id", HD_COLUMN_ID, 0 },
  { "notes", "notes", HD_COLUMN_TEXT_NOT_NULL, 0 },
  { "outcome", "outcome", HD_COLUMN_TEXT_NOT_NULL, 0 },
};
#define N_COLUMNS ((int) G_N_ELEMENTS (columns))

#define SELECT_APPOINTMENT \
  "SELECT a.starts_at, a.ends_at, a.person_id, a.request_id, a.newcomer_id, a.topic, a.mode," \
  " a.status, a.walk_in, a.rescheduled_to, a.series_id, a.notes, a.outcome," \
  " a.id, p.full_name, a.created_at, a.updated_at" \
  " FROM appointments a LEFT JOIN people p ON p.id = a.person_id"

/* The longest appointment hd_appointment_validate_all() allows */
#define MAX_DURATION ((gint64) 24 * 60 * 60)

static HdAppointment *
appointment_from_row (HdStmt *stmt)
{
  HdAppointment *appointment = hd_appointment_new ();

  hd_columns_read (stmt, G_OBJECT (appointment), columns, N_COLUMNS);
  hd_appointment_set_id (appointment, sqlite3_column_int64 (stmt, N_COLUMNS));
  hd_appointment_set_person_name (appointment, hd_stmt_column_text (stmt, N_COLUMNS + 1));
  hd_appointment_set_created_at (appointment, sqlite3_column_int64 (stmt, N_COLUMNS + 2));
  hd_appointment_set_updated_at (appointment, sqlite3_column_int64 (stmt, N_COLUMNS + 3));
  return appointment;
}

static void
set_not_found (GError **error)
{
  g_set_error_literal (error, HD_ERROR, HD_ERROR_NOT_FOUND,
                       _("The consultation was not found. It may have been removed."));
}

/**
 * hd_appointment_store_get:
 *
 * Returns: (transfer full): the appointment with its person's name, or %NULL with
 *   HD_ERROR_NOT_FOUND
 */
HdAppointment *
hd_appointment_store_get (HdDatabase  *db,
                          gint64       id,
                          GError     **error)
{
  g_autoptr(HdStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (HD_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = hd_database_prepare (db, SELECT_APPOINTMENT " WHERE a.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = hd_database_step (db, stmt, error);
  if (rc == SQLITE_ROW)
    return appointment_from_row (stmt);
  if (rc == SQLITE_DONE)
    set_not_found (error);
  return NULL;
}

/**
 * hd_appointment_store_list_between:
 * @from: Unix seconds
 * @to: Unix seconds, after @from
 *
 * Appointments that overlap [@from, @to) — ending after @from and starting before @to — in
 * any status, in order of their start. One that ends exactly at @from is not included.
 *
 * Returns: (transfer full) (element-type HdAppointment): the appointments, or %NULL on error
 */
GPtrArray *
hd_appointment_store_list_between (HdDatabase  *db,
                                   gint64       from,
                                   gint64       to,
                                   GError     **error)
{
  g_autoptr(HdStmt) stmt = NULL;
  g_autoptr(GPtrArray) appointments = NULL;
  int rc;

  g_return_val_if_fail (HD_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* No appointment is longer than a day, which bounds the range on the index of starts_at. */
  stmt = hd_database_prepare (db,
                              SELECT_APPOINTMENT
                              " WHERE a.starts_at < ?2 AND a.starts_at > ?1 - ?3 AND a.ends_at > ?1"
                              " ORDER BY a.starts_at, a.id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);
  sqlite3_bind_int64 (stmt, 3, MAX_DURATION);

  appointments = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = hd_database_step (db, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (appointments, appointment_from_row (stmt));
  if (rc != SQLITE_DONE)
    return NULL;
  return g_steal_pointer (&appointments);
}

/**
 * hd_appointment_store_list_trainings:
 *
 * The consultations that train a new employee (newcomer_id set), in any status, in order
 * of their start: for the onboarding tracker, which shows the training booked.
 *
 * Returns: (transfer full) (element-type HdAppointment): the appointments, or %NULL on error
 */
GPtrArray *
hd_appointment_store_list_trainings (HdDatabase  *db,
                                     GError     **error)
{
  g_autoptr(HdStmt) stmt = NULL;
  g_autoptr(GPtrArray) appointments = NULL;
  int rc;

  g_return_val_if_fail (HD_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = hd_database_prepare (db,
                              SELECT_APPOINTMENT
                              " WHERE a.newcomer_id IS NOT NULL"
                              " ORDER BY a.starts_at, a.id",
                              error);
  if (stmt == NULL)
    return NULL;

  appointments = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = hd_database_step (db, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (appointments, appointment_from_row (stmt));
  if (rc != SQLITE_DONE)
    return NULL;
  return g_steal_pointer (&appointments);
}

/* Whether the row @id exists; an error of the query goes to @errors as if it did not. */
static gboolean
row_missing (HdDatabase *db,
             GPtrArray  *errors,
             const char *sql,
             gint64      id)
{
  g_autoptr(HdStmt) stmt = NULL;
  GError *error = NULL;
  int rc;

  if (id <= 0)
    return FALSE;
  stmt = hd_database_prepare (db, sql, &error);
  if (stmt == NULL)
    {
      hd_check_add (errors, error);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, id);
  rc = hd_database_step (db, stmt, &error);
  if (error != NULL)
    {
      hd_check_add (errors, error);
      return FALSE;
    }
  return rc == SQLITE_DONE;
}

/**
 * hd_appointment_store_validate_all:
 *
 * The rules of hd_appointment_validate_all(), and that the person exists (and, unless the
 * stored appointment already named them, is not deleted), as do the linked request, newcomer
 * and the appointment it was rescheduled to.
 *
 * Returns: (transfer full) (element-type GError): one error per invalid field, empty when the
 *   appointment can be saved
 */
GPtrArray *
hd_appointment_store_validate_all (HdDatabase    *db,
                                   HdAppointment *appointment)
{
  GPtrArray *errors;
  GError *error = NULL;
  gint64 stored_person = 0;

  g_return_val_if_fail (HD_IS_DATABASE (db), NULL);
  g_return_val_if_fail (HD_IS_APPOINTMENT (appointment), NULL);

  errors = hd_appointment_validate_all (appointment);

  if (hd_appointment_get_id (appointment) > 0)
    {
      g_autoptr(HdStmt) stmt = hd_database_prepare (db, "SELECT person_id FROM appointments WHERE id = ?1", NULL);

      if (stmt != NULL)
        {
          sqlite3_bind_int64 (stmt, 1, hd_appointment_get_id (appointment));
          if (hd_database_step (db, stmt, NULL) == SQLITE_ROW)
            stored_person = sqlite3_column_int64 (stmt, 0);
        }
    }
  if (hd_appointment_get_person_id (appointment) > 0)
    hd_check_person (db, errors, hd_appointment_get_person_id (appointment), FALSE,
                     hd_appointment_get_person_id (appointment) == stored_person, "person_id",
                     hd_appointment_field_label ("person_id"), NULL);

  if (row_missing (db, errors, "SELECT 1 FROM requests WHERE id = ?1",
                   hd_appointment_get_request_id (appointment)))
    {
      /* Translators: %s is the name of a field, e.g. «Обращение» */
      hd_error_set_field (&error, "request_id", _("The request chosen in “%s” does not exist."),
                          hd_appointment_field_label ("request_id"));
      hd_check_add (errors, g_steal_pointer (&error));
    }
  if (row_missing (db, errors, "SELECT 1 FROM newcomers WHERE id = ?1",
                   hd_appointment_get_newcomer_id (appointment)))
    {
      /* Translators: %s is the name of a field, e.g. «Новый сотрудник» */
      hd_error_set_field (&error, "newcomer_id", _("The new employee chosen in “%s” does not exist."),
                          hd_appointment_field_label ("newcomer_id"));
      hd_check_add (errors, g_steal_pointer (&error));
    }
  if (row_missing (db, errors, "SELECT 1 FROM appointments WHERE id = ?1",
                   hd_appointment_get_rescheduled_to (appointment)))
    {
      /* Translators: %s is the name of a field, e.g. «Перенесена на» */
      hd_error_set_field (&error, "rescheduled_to", _("The consultation chosen in “%s” does not exist."),
                          hd_appointment_field_label ("rescheduled_to"));
      hd_check_add (errors, g_steal_pointer (&error));
    }
  return errors;
}

gboolean
hd_appointment_store_validate (HdDatabase     *db,
                               HdAppointment  *appointment,
                               GError        **error)
{
  g_return_val_if_fail (HD_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (HD_IS_APPOINTMENT (appointment), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return hd_check_finish (hd_appointment_store_validate_all (db, appointment), error);
}

static void
reload_into (HdDatabase    *db,
             HdAppointment *appointment)
{
  g_autoptr(HdAppointment) stored = hd_appointment_store_get (db, hd_appointment_get_id (appointment), NULL);

  if (stored == NULL)
    return;
  hd_columns_copy (G_OBJECT (appointment), G_OBJECT (stored), columns, N_COLUMNS);
  hd_appointment_set_person_name (appointment, hd_appointment_get_person_name (stored));
  hd_appointment_set_created_at (appointment, hd_appointment_get_created_at (stored));
  hd_appointment_set_updated_at (appointment, hd_appointment_get_updated_at (stored));
}

/**
 * hd_appointment_store_create:
 * @appointment: a new appointment (id 0)
 *
 * Validates and inserts @appointment and sets its id. Nothing is written when a field is
 * invalid.
 */
gboolean
hd_appointment_store_create (HdDatabase     *db,
                             HdAppointment  *appointment,
                             GError        **error)
{
  g_autoptr(HdStmt) stmt = NULL;

  g_return_val_if_fail (HD_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (HD_IS_APPOINTMENT (appointment), FALSE);
  g_return_val_if_fail (hd_appointment_get_id (appointment) == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!hd_appointment_store_validate (db, appointment, error))
    return FALSE;

  stmt = hd_database_prepare (db,
                              "INSERT INTO appointments (starts_at, ends_at, person_id, request_id,"
                              " newcomer_id, topic, mode, status, walk_in, rescheduled_to, series_id,"
                              " notes, outcome, created_at, updated_at)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14)",
                              error);
  if (stmt == NULL)
    return FALSE;
  hd_columns_bind (stmt, G_OBJECT (appointment), columns, N_COLUMNS);
  sqlite3_bind_int64 (stmt, N_COLUMNS + 1, hd_record_now ());
  if (!hd_database_step_done (db, stmt, error))
    return FALSE;

  hd_appointment_set_id (appointment, hd_database_last_insert_id (db));
  reload_into (db, appointment);
  return TRUE;
}

/**
 * hd_appointment_store_update:
 *
 * Validates and writes @appointment. Nothing is written when a field is invalid.
 */
gboolean
hd_appointment_store_update (HdDatabase     *db,
                             HdAppointment  *appointment,
                             GError        **error)
{
  g_autoptr(HdStmt) stmt = NULL;

  g_return_val_if_fail (HD_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (HD_IS_APPOINTMENT (appointment), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (hd_appointment_get_id (appointment) <= 0)
    {
      set_not_found (error);
      return FALSE;
    }
  if (!hd_appointment_store_validate (db, appointment, error))
    return FALSE;

  stmt = hd_database_prepare (db,
                              "UPDATE appointments SET starts_at = ?1, ends_at = ?2, person_id = ?3,"
                              " request_id = ?4, newcomer_id = ?5, topic = ?6, mode = ?7, status = ?8,"
                              " walk_in = ?9, rescheduled_to = ?10, series_id = ?11, notes = ?12,"
                              " outcome = ?13, updated_at = ?14 WHERE id = ?15",
                              error);
  if (stmt == NULL)
    return FALSE;
  hd_columns_bind (stmt, G_OBJECT (appointment), columns, N_COLUMNS);
  sqlite3_bind_int64 (stmt, N_COLUMNS + 1, hd_record_now ());
  sqlite3_bind_int64 (stmt, N_COLUMNS + 2, hd_appointment_get_id (appointment));
  if (!hd_database_step_done (db, stmt, error))
    return FALSE;
  if (sqlite3_changes (hd_database_get_handle (db)) == 0)
    {
      set_not_found (error);
      return FALSE;
    }
  reload_into (db, appointment);
  return TRUE;
}

gboolean
hd_appointment_store_save (HdDatabase     *db,
                           HdAppointment  *appointment,
                           GError        **error)
{
  g_return_val_if_fail (HD_IS_APPOINTMENT (appointment), FALSE);

  if (hd_appointment_get_id (appointment) == 0)
    return hd_appointment_store_create (db, appointment, error);
  return hd_appointment_store_update (db, appointment, error);
}

/**
 * hd_appointment_store_delete:
 *
 * Removes an appointment (the table has no archive flag: a cancelled consultation keeps its
 * row with a cancelled status instead; deleting is for one booked by mistake). Another
 * appointment rescheduled to this one forgets the link.
 */
gboolean
hd_appointment_store_delete (HdDatabase  *db,
                             gint64       id,
                             GError     **error)
{
  g_return_val_if_fail (HD_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!hd_database_begin (db, error))
    return FALSE;

  {
    g_autoptr(HdStmt) stmt =
      hd_database_prepare (db, "UPDATE appointments SET rescheduled_to = NULL WHERE rescheduled_to = ?1", error);
    if (stmt == NULL)
      goto failed;
    sqlite3_bind_int64 (stmt, 1, id);
    if (!hd_database_step_done (db, stmt, error))
      goto failed;
  }
  {
    g_autoptr(HdStmt) stmt = hd_database_prepare (db, "DELETE FROM appointments WHERE id = ?1", error);
    if (stmt == NULL)
      goto failed;
    sqlite3_bind_int64 (stmt, 1, id);
    if (!hd_database_step_done (db, stmt, error))
      goto failed;
    if (sqlite3_changes (hd_database_get_handle (db)) == 0)
      {
        set_not_found (error);
        goto failed;
      }
  }
  return hd_database_commit (db, error);

failed:
  hd_database_rollback (db);
  return FALSE;
}
