/* hd-newcomer-store.c — new employees and their training in the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * due_on is never typed: it follows from started_on by the working-days rule of DESIGN.md
 * (hd_workdays_due_date) with the school's deadline setting, on every save. Every change is
 * written to newcomer_events in the same transaction.
 */
#define G_LOG_DOMAIN "hd-newcomer-store"

#include "config.h"

#include <glib/gi18n.h>

#include "hd-date.h"
#include "hd-error.h"
#include "hd-newcomer-store.h"
#include "hd-record-private.h"
#include "hd-settings-keys.h"
#include "hd-terms.h"

static const HdColumn columns[] = {
  { "person_id", "person-id", HD_COLUMN_ID, 0 },
  { "started_on", "started-on", HD_COLUMN_TEXT, 0 },
  { "due_on", "due-on", HD_COLUMN_TEXT, 0 },
  { "trained_on", "trained-on", HD_COLUMN_TEXT, 0 },
  { "trainer", "trainer", HD_COLUMN_TEXT, 0 },
  { "checklist", "checklist", HD_COLUMN_UINT, 0 },
  { "notes", "notes", HD_COLUMN_TEXT_NOT_NULL, 0 },
  { "archived", "archived", HD_COLUMN_BOOL, 0 },
};
#define N_COLUMNS ((int) G_N_ELEMENTS (columns))

#define SELECT_NEWCOMER \
  "SELECT n.person_id, n.started_on, n.due_on, n.trained_on, n.trainer, n.checklist, n.notes," \
  " n.archived, n.id, p.full_name, n.created_at, n.updated_at" \
  " FROM newcomers n LEFT JOIN people p ON p.id = n.person_id"

#define INSERT_EVENT \
  "INSERT INTO newcomer_events (newcomer_id, at, field, old_value, new_value)" \
  " VALUES (?1, ?2, ?3, ?4, ?5)"

static HdNewcomer *
newcomer_from_row (HdStmt *stmt)
{
  HdNewcomer *newcomer = hd_newcomer_new ();

  hd_columns_read (stmt, G_OBJECT (newcomer), columns, N_COLUMNS);
  hd_newcomer_set_id (newcomer, sqlite3_column_int64 (stmt, N_COLUMNS));
  hd_newcomer_set_person_name (newcomer, hd_stmt_column_text (stmt, N_COLUMNS + 1));
  hd_newcomer_set_created_at (newcomer, sqlite3_column_int64 (stmt, N_COLUMNS + 2));
  hd_newcomer_set_updated_at (newcomer, sqlite3_column_int64 (stmt, N_COLUMNS + 3));
  return newcomer;
}

static void
set_not_found (GError **error)
{
  g_set_error_literal (error, HD_ERROR, HD_ERROR_NOT_FOUND,
                       _("The new employee’s record was not found. It may have been removed."));
}

/**
 * hd_newcomer_store_get:
 *
 * Reads a newcomer, archived or not, with the person's name.
 *
 * Returns: (transfer full): the newcomer, or %NULL with HD_ERROR_NOT_FOUND
 */
HdNewcomer *
hd_newcomer_store_get (HdDatabase  *db,
                       gint64       id,
                       GError     **error)
{
  g_autoptr(HdStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (HD_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = hd_database_prepare (db, SELECT_NEWCOMER " WHERE n.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = hd_database_step (db, stmt, error);
  if (rc == SQLITE_ROW)
    return newcomer_from_row (stmt);
  if (rc == SQLITE_DONE)
    set_not_found (error);
  return NULL;
}

/**
 * hd_newcomer_store_list:
 *
 * All newcomers not archived, the earliest due date first.
 *
 * Returns: (transfer full) (element-type HdNewcomer): the newcomers, or %NULL on error
 */
GPtrArray *
hd_newcomer_store_list (HdDatabase  *db,
                        GError     **error)
{
  g_autoptr(HdStmt) stmt = NULL;
  g_autoptr(GPtrArray) newcomers = NULL;
  int rc;

  g_return_val_if_fail (HD_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = hd_database_prepare (db, SELECT_NEWCOMER " WHERE n.archived = 0 ORDER BY n.due_on, n.id", error);
  if (stmt == NULL)
    return NULL;
  newcomers = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = hd_database_step (db, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (newcomers, newcomer_from_row (stmt));
  if (rc != SQLITE_DONE)
    return NULL;
  return g_steal_pointer (&newcomers);
}

/**
 * hd_newcomer_store_get_mandatory:
 *
 * Returns: the checklist items (a mask of `1 << item`) the school requires before a training
 *   counts as done: the setting `checklist-mandatory`, by default sign-in, schedule, current
 *   grades and attendance
 */
guint
hd_newcomer_store_get_mandatory (HdDatabase *db)
{
  int mask;

  g_return_val_if_fail (HD_IS_DATABASE (db), HD_CHECKLIST_DEFAULT_MANDATORY);

  mask = hd_database_get_setting_int (db, HD_SETTING_CHECKLIST_MANDATORY,
                                      HD_CHECKLIST_DEFAULT_MANDATORY);
  if (mask < 0)
    return HD_CHECKLIST_DEFAULT_MANDATORY;
  return (guint) mask & HD_CHECKLIST_ALL;
}

/**
 * hd_newcomer_store_get_deadline_days:
 *
 * Returns: the working days a newcomer has to be trained in: the setting `deadline-days`
 *   (3 by default), kept within 1–10
 */
int
hd_newcomer_store_get_deadline_days (HdDatabase *db)
{
  g_return_val_if_fail (HD_IS_DATABASE (db), HD_DEFAULT_DEADLINE_DAYS);

  return CLAMP (hd_database_get_setting_int (db, HD_SETTING_DEADLINE_DAYS, HD_DEFAULT_DEADLINE_DAYS),
                HD_MIN_DEADLINE_DAYS, HD_MAX_DEADLINE_DAYS);
}

/**
 * hd_newcomer_store_compute_due_on:
 * @started_on: YYYY-MM-DD
 *
 * Returns: (transfer full) (nullable): the due date (YYYY-MM-DD) for a start on @started_on
 *   with the school's deadline, or %NULL when @started_on is not a date
 */
char *
hd_newcomer_store_compute_due_on (HdDatabase *db,
                                  HdWorkdays *workdays,
                                  const char *started_on)
{
  GDate start, due;

  g_return_val_if_fail (HD_IS_DATABASE (db), NULL);
  g_return_val_if_fail (HD_IS_WORKDAYS (workdays), NULL);

  if (!hd_date_parse_iso (started_on, &start))
    return NULL;
  g_date_clear (&due, 1);
  hd_workdays_due_date (workdays, &start, hd_newcomer_store_get_deadline_days (db), &due, NULL, NULL);
  if (!g_date_valid (&due))
    return NULL;
  return hd_date_to_iso (&due);
}

static void
get_today (HdDatabase *db,
           GDate      *today)
{
  g_autofree char *zone = hd_database_get_setting (db, HD_SETTING_TIME_ZONE, HD_TERMS_DEFAULT_TIME_ZONE);
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (zone);

  hd_date_set_today (today, tz);
}

static GPtrArray *
validate_all (HdDatabase *db,
              HdNewcomer *newcomer)
{
  GPtrArray *errors;
  GDate today;
  gint64 stored_person = 0;

  get_today (db, &today);
  errors = hd_newcomer_validate_all (newcomer, &today, hd_newcomer_store_get_mandatory (db));

  /* The stored newcomer's own person may have been archived since; a new choice may not be. */
  if (hd_newcomer_get_id (newcomer) > 0)
    {
      g_autoptr(HdStmt) stmt = hd_database_prepare (db, "SELECT person_id FROM newcomers WHERE id = ?1", NULL);

      if (stmt != NULL)
        {
          sqlite3_bind_int64 (stmt, 1, hd_newcomer_get_id (newcomer));
          if (hd_database_step (db, stmt, NULL) == SQLITE_ROW)
            stored_person = sqlite3_column_int64 (stmt, 0);
        }
    }
  if (hd_newcomer_get_person_id (newcomer) > 0)
    hd_check_person (db, errors, hd_newcomer_get_person_id (newcomer), TRUE,
                     hd_newcomer_get_person_id (newcomer) == stored_person, "person_id",
                     hd_newcomer_field_label ("person_id"), NULL);
  return errors;
}

/**
 * hd_newcomer_store_validate_all:
 *
 * The rules of hd_newcomer_validate_all() for today in the school's time zone and its
 * mandatory checklist items, and the person: a staff member who exists and is not deleted.
 *
 * Returns: (transfer full) (element-type GError): one error per invalid field, empty when
 *   the newcomer can be saved
 */
GPtrArray *
hd_newcomer_store_validate_all (HdDatabase *db,
                                HdNewcomer *newcomer)
{
  g_return_val_if_fail (HD_IS_DATABASE (db), NULL);
  g_return_val_if_fail (HD_IS_NEWCOMER (newcomer), NULL);

  return validate_all (db, newcomer);
}

gboolean
hd_newcomer_store_validate (HdDatabase  *db,
                            HdNewcomer  *newcomer,
                            GError     **error)
{
  g_return_val_if_fail (HD_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (HD_IS_NEWCOMER (newcomer), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return hd_check_finish (validate_all (db, newcomer), error);
}

static HdNewcomer *
prepare_stored (HdDatabase  *db,
                HdWorkdays  *workdays,
                HdNewcomer  *newcomer,
                GError     **error)
{
  g_autoptr(HdNewcomer) stored = hd_newcomer_copy (newcomer);
  g_autofree char *due_on = NULL;

  hd_columns_normalize (G_OBJECT (stored), columns, N_COLUMNS);
  due_on = hd_newcomer_store_compute_due_on (db, workdays, hd_newcomer_get_started_on (stored));
  if (due_on == NULL)
    {
      /* Translators: %s is the name of a field, e.g. «Дата вступления в должность» */
      hd_error_set_field (error, "started_on", _("“%s” must be a date written as year-month-day, "
                                                 "e.g. 2026-09-01."),
                          hd_newcomer_field_label ("started_on"));
      return NULL;
    }
  hd_newcomer_set_due_on (stored, due_on);
  return g_steal_pointer (&stored);
}

static void
copy_back (HdNewcomer *newcomer,
           HdNewcomer *stored)
{
  hd_columns_copy (G_OBJECT (newcomer), G_OBJECT (stored), columns, N_COLUMNS);
  hd_newcomer_set_id (newcomer, hd_newcomer_get_id (stored));
  hd_newcomer_set_person_name (newcomer, hd_newcomer_get_person_name (stored));
  hd_newcomer_set_created_at (newcomer, hd_newcomer_get_created_at (stored));
  hd_newcomer_set_updated_at (newcomer, hd_newcomer_get_updated_at (stored));
}

/**
 * hd_newcomer_store_create:
 * @workdays: the production calendar, for the due date
 * @newcomer: a new newcomer (id 0)
 *
 * Validates @newcomer, computes its due date and inserts it with one 'created' history row.
 * Nothing is written when a field is invalid.
 */
gboolean
hd_newcomer_store_create (HdDatabase  *db,
                          HdWorkdays  *workdays,
                          HdNewcomer  *newcomer,
                          GError     **error)
{
  g_autoptr(HdNewcomer) stored = NULL;
  gint64 now = hd_record_now ();
  gint64 id;

  g_return_val_if_fail (HD_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (HD_IS_WORKDAYS (workdays), FALSE);
  g_return_val_if_fail (HD_IS_NEWCOMER (newcomer), FALSE);
  g_return_val_if_fail (hd_newcomer_get_id (newcomer) == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!hd_newcomer_store_validate (db, newcomer, error))
    return FALSE;
  stored = prepare_stored (db, workdays, newcomer, error);
  if (stored == NULL)
    return FALSE;
  if (!hd_database_begin (db, error))
    return FALSE;

  {
    g_autoptr(HdStmt) stmt =
      hd_database_prepare (db,
                           "INSERT INTO newcomers (person_id, started_on, due_on, trained_on, trainer,"
                           " checklist, notes, archived, created_at, updated_at)"
                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
                           error);
    if (stmt == NULL)
      goto failed;
    hd_columns_bind (stmt, G_OBJECT (stored), columns, N_COLUMNS);
    sqlite3_bind_int64 (stmt, N_COLUMNS + 1, now);
    if (!hd_database_step_done (db, stmt, error))
      goto failed;
  }

  id = hd_database_last_insert_id (db);
  if (!hd_record_add_event (db, INSERT_EVENT, id, now, "created", NULL,
                            hd_newcomer_get_started_on (stored), error))
    goto failed;
  if (!hd_database_commit (db, error))
    return FALSE;

  /* the name for lists, as hd_newcomer_store_get() would give it */
  {
    g_autoptr(HdNewcomer) read = hd_newcomer_store_get (db, id, NULL);

    if (read != NULL)
      hd_newcomer_set_person_name (stored, hd_newcomer_get_person_name (read));
  }
  hd_newcomer_set_id (stored, id);
  hd_newcomer_set_created_at (stored, now);
  hd_newcomer_set_updated_at (stored, now);
  copy_back (newcomer, stored);
  return TRUE;

failed:
  hd_database_rollback (db);
  return FALSE;
}

/* Writes @stored over the row of @old with a history row per changed column. */
static gboolean
write_update (HdDatabase  *db,
              HdNewcomer  *old,
              HdNewcomer  *stored,
              gint64       now,
              guint       *n_changes,
              GError     **error)
{
  g_autoptr(HdStmt) stmt = NULL;

  if (!hd_columns_write_events (db, INSERT_EVENT, hd_newcomer_get_id (old), now,
                                G_OBJECT (old), G_OBJECT (stored), columns, N_COLUMNS,
                                n_changes, error))
    return FALSE;
  if (*n_changes == 0)
    return TRUE;

  stmt = hd_database_prepare (db,
                              "UPDATE newcomers SET person_id = ?1, started_on = ?2, due_on = ?3,"
                              " trained_on = ?4, trainer = ?5, checklist = ?6, notes = ?7,"
                              " archived = ?8, updated_at = ?9 WHERE id = ?10",
                              error);
  if (stmt == NULL)
    return FALSE;
  hd_columns_bind (stmt, G_OBJECT (stored), columns, N_COLUMNS);
  sqlite3_bind_int64 (stmt, N_COLUMNS + 1, now);
  sqlite3_bind_int64 (stmt, N_COLUMNS + 2, hd_newcomer_get_id (old));
  return hd_database_step_done (db, stmt, error);
}

/**
 * hd_newcomer_store_update:
 * @workdays: the production calendar, for the due date
 * @newcomer: a newcomer read with hd_newcomer_store_get(), then edited
 *
 * Validates @newcomer, recomputes its due date and writes it with one history row per changed
 * column, in one transaction. Nothing is written when a field is invalid.
 */
gboolean
hd_newcomer_store_update (HdDatabase  *db,
                          HdWorkdays  *workdays,
                          HdNewcomer  *newcomer,
                          GError     **error)
{
  g_autoptr(HdNewcomer) old = NULL;
  g_autoptr(HdNewcomer) stored = NULL;
  gint64 now = hd_record_now ();
  guint n_changes = 0;

  g_return_val_if_fail (HD_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (HD_IS_WORKDAYS (workdays), FALSE);
  g_return_val_if_fail (HD_IS_NEWCOMER (newcomer), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (hd_newcomer_get_id (newcomer) <= 0)
    {
      set_not_found (error);
      return FALSE;
    }
  if (!hd_newcomer_store_validate (db, newcomer, error))
    return FALSE;
  stored = prepare_stored (db, workdays, newcomer, error);
  if (stored == NULL)
    return FALSE;
  if (!hd_database_begin (db, error))
    return FALSE;

  old = hd_newcomer_store_get (db, hd_newcomer_get_id (newcomer), error);
  if (old == NULL || !write_update (db, old, stored, now, &n_changes, error))
    {
      hd_database_rollback (db);
      return FALSE;
    }
  if (!hd_database_commit (db, error))
    return FALSE;

  hd_newcomer_set_created_at (stored, hd_newcomer_get_created_at (old));
  hd_newcomer_set_updated_at (stored, n_changes > 0 ? now : hd_newcomer_get_updated_at (old));
  if (hd_newcomer_get_person_id (stored) != hd_newcomer_get_person_id (old))
    {
      g_autoptr(HdNewcomer) read = hd_newcomer_store_get (db, hd_newcomer_get_id (old), NULL);

      if (read != NULL)
        hd_newcomer_set_person_name (stored, hd_newcomer_get_person_name (read));
    }
  else
    hd_newcomer_set_person_name (stored, hd_newcomer_get_person_name (old));
  copy_back (newcomer, stored);
  return TRUE;
}

/**
 * hd_newcomer_store_save:
 *
 * hd_newcomer_store_create() for a new newcomer (id 0), hd_newcomer_store_update() otherwise.
 */
gboolean
hd_newcomer_store_save (HdDatabase  *db,
                        HdWorkdays  *workdays,
                        HdNewcomer  *newcomer,
                        GError     **error)
{
  g_return_val_if_fail (HD_IS_NEWCOMER (newcomer), FALSE);

  if (hd_newcomer_get_id (newcomer) == 0)
    return hd_newcomer_store_create (db, workdays, newcomer, error);
  return hd_newcomer_store_update (db, workdays, newcomer, error);
}

/**
 * hd_newcomer_store_set_archived:
 * @archived: %TRUE to archive, %FALSE to restore
 *
 * An archived newcomer is left out of the list and the statistics but stays readable by id.
 */
gboolean
hd_newcomer_store_set_archived (HdDatabase  *db,
                                gint64       id,
                                gboolean     archived,
                                GError     **error)
{
  g_autoptr(HdNewcomer) old = NULL;
  g_autoptr(HdNewcomer) stored = NULL;
  guint n_changes = 0;

  g_return_val_if_fail (HD_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!hd_database_begin (db, error))
    return FALSE;
  old = hd_newcomer_store_get (db, id, error);
  if (old == NULL)
    goto failed;
  stored = hd_newcomer_copy (old);
  hd_newcomer_set_archived (stored, archived);
  if (!write_update (db, old, stored, hd_record_now (), &n_changes, error))
    goto failed;
  return hd_database_commit (db, error);

failed:
  hd_database_rollback (db);
  return FALSE;
}

gboolean
hd_newcomer_store_archive (HdDatabase  *db,
                           gint64       id,
                           GError     **error)
{
  return hd_newcomer_store_set_archived (db, id, TRUE, error);
}

/**
 * hd_newcomer_store_recompute_due:
 * @n_changed: (out) (optional): how many due dates moved
 *
 * Recomputes the due date of every newcomer not yet trained, after the deadline setting or a
 * local calendar override changed; each moved date is written to the history. One transaction.
 */
gboolean
hd_newcomer_store_recompute_due (HdDatabase  *db,
                                 HdWorkdays  *workdays,
                                 guint       *n_changed,
                                 GError     **error)
{
  g_autoptr(GPtrArray) pending = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 now = hd_record_now ();
  guint changed = 0;
  int rc;

  g_return_val_if_fail (HD_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (HD_IS_WORKDAYS (workdays), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!hd_database_begin (db, error))
    return FALSE;

  {
    g_autoptr(HdStmt) stmt =
      hd_database_prepare (db, SELECT_NEWCOMER " WHERE n.archived = 0 AND n.trained_on IS NULL", error);
    if (stmt == NULL)
      goto failed;
    while ((rc = hd_database_step (db, stmt, error)) == SQLITE_ROW)
      g_ptr_array_add (pending, newcomer_from_row (stmt));
    if (rc != SQLITE_DONE)
      goto failed;
  }

  for (guint i = 0; i < pending->len; i++)
    {
      HdNewcomer *old = pending->pdata[i];
      g_autoptr(HdNewcomer) stored = hd_newcomer_copy (old);
      g_autofree char *due_on = hd_newcomer_store_compute_due_on (db, workdays,
                                                                  hd_newcomer_get_started_on (old));
      guint n_changes = 0;

      if (due_on == NULL || g_strcmp0 (due_on, hd_newcomer_get_due_on (old)) == 0)
        continue;
      hd_newcomer_set_due_on (stored, due_on);
      if (!write_update (db, old, stored, now, &n_changes, error))
        goto failed;
      changed++;
    }

  if (!hd_database_commit (db, error))
    return FALSE;
  if (n_changed != NULL)
    *n_changed = changed;
  return TRUE;

failed:
  hd_database_rollback (db);
  return FALSE;
}

/**
 * hd_newcomer_is_changed:
 * @original: the newcomer as read
 * @edited: the same newcomer in the editor
 *
 * Whether saving @edited would change a stored column other than the computed due date
 * (white space at the ends of text does not count): the editor's dirty state.
 */
gboolean
hd_newcomer_is_changed (HdNewcomer *original,
                        HdNewcomer *edited)
{
  guint n_changes = 0;

  g_return_val_if_fail (HD_IS_NEWCOMER (original), FALSE);
  g_return_val_if_fail (HD_IS_NEWCOMER (edited), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    if (!g_str_equal (columns[i].name, "due_on"))
      {
        guint n = 0;

        hd_columns_write_events (NULL, NULL, 0, 0, G_OBJECT (original), G_OBJECT (edited),
                                 &columns[i], 1, &n, NULL);
        n_changes += n;
      }
  return n_changes > 0;
}

/**
 * hd_newcomer_store_list_events:
 *
 * The history of a newcomer, oldest first (see #HdEvent).
 *
 * Returns: (transfer full) (element-type HdEvent): the rows, or %NULL on error
 */
GPtrArray *
hd_newcomer_store_list_events (HdDatabase  *db,
                               gint64       newcomer_id,
                               GError     **error)
{
  g_return_val_if_fail (HD_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return hd_record_list_events (db,
                                "SELECT id, at, field, old_value, new_value FROM newcomer_events"
                                " WHERE newcomer_id = ?1 ORDER BY at, id",
                                newcomer_id, error);
}
