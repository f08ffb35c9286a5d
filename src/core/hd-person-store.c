/* hd-person-store.c — people (staff, parents, students) in the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * name_key is hd_text_normalize (full_name): completion by a prefix of it and sorting by it
 * are correct for Russian, which SQLite's own lower() and LIKE are not.
 */
#define G_LOG_DOMAIN "hd-person-store"

#include "config.h"

#include <glib/gi18n.h>

#include "hd-error.h"
#include "hd-person-store.h"
#include "hd-record-private.h"
#include "hd-text.h"

#define PERSON_COLUMNS \
  "id, full_name, kind, position, class_name, phone, email, archived, created_at, updated_at"

static HdPerson *
person_from_row (HdStmt *stmt)
{
  HdPerson *person = hd_person_new ();

  hd_person_set_id (person, sqlite3_column_int64 (stmt, 0));
  hd_person_set_full_name (person, hd_stmt_column_text (stmt, 1));
  hd_person_set_kind (person, hd_enum_from_key (HD_ENUM_REQUESTER_KIND, hd_stmt_column_text (stmt, 2)));
  hd_person_set_position (person, hd_stmt_column_text (stmt, 3));
  hd_person_set_class_name (person, hd_stmt_column_text (stmt, 4));
  hd_person_set_phone (person, hd_stmt_column_text (stmt, 5));
  hd_person_set_email (person, hd_stmt_column_text (stmt, 6));
  hd_person_set_archived (person, sqlite3_column_int (stmt, 7) != 0);
  hd_person_set_created_at (person, sqlite3_column_int64 (stmt, 8));
  hd_person_set_updated_at (person, sqlite3_column_int64 (stmt, 9));
  return person;
}

static void
set_not_found (GError **error)
{
  g_set_error_literal (error, HD_ERROR, HD_ERROR_NOT_FOUND,
                       _("The person was not found. The record may have been removed."));
}

/**
 * hd_person_store_get:
 * @id: the person's id
 *
 * Reads a person, archived or not.
 *
 * Returns: (transfer full): the person, or %NULL with HD_ERROR_NOT_FOUND
 */
HdPerson *
hd_person_store_get (HdDatabase  *db,
                     gint64       id,
                     GError     **error)
{
  g_autoptr(HdStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (HD_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = hd_database_prepare (db, "SELECT " PERSON_COLUMNS " FROM people WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = hd_database_step (db, stmt, error);
  if (rc == SQLITE_ROW)
    return person_from_row (stmt);
  if (rc == SQLITE_DONE)
    set_not_found (error);
  return NULL;
}

/**
 * hd_person_store_find_by_name:
 * @full_name: a name, in any case, «ё» or «е»
 *
 * Finds an active person whose normalized name equals that of @full_name (the oldest when
 * there are several), e.g. for import.
 *
 * Returns: (transfer full) (nullable): the person, or %NULL without an error when none
 */
HdPerson *
hd_person_store_find_by_name (HdDatabase  *db,
                              const char  *full_name,
                              GError     **error)
{
  g_autoptr(HdStmt) stmt = NULL;
  g_autofree char *key = NULL;
  int rc;

  g_return_val_if_fail (HD_IS_DATABASE (db), NULL);
  g_return_val_if_fail (full_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = hd_database_prepare (db,
                              "SELECT " PERSON_COLUMNS " FROM people"
                              " WHERE name_key = ?1 AND archived = 0 ORDER BY id LIMIT 1",
                              error);
  if (stmt == NULL)
    return NULL;
  key = hd_text_normalize (full_name);
  hd_stmt_bind_text (stmt, 1, key, FALSE);
  rc = hd_database_step (db, stmt, error);
  if (rc == SQLITE_ROW)
    return person_from_row (stmt);
  return NULL;
}

/**
 * hd_person_store_list:
 * @kind: an #HdRequesterKind, or -1 for every kind
 * @prefix: (nullable): the start of the name as typed (any case, «ё» or «е»), or %NULL
 * @limit: the most people returned, 0 for all
 *
 * Active (not archived) people in Russian alphabetical order, for lists and completion.
 *
 * Returns: (transfer full) (element-type HdPerson): the people, or %NULL on error
 */
GPtrArray *
hd_person_store_list (HdDatabase  *db,
                      int          kind,
                      const char  *prefix,
                      guint        limit,
                      GError     **error)
{
  g_autoptr(HdStmt) stmt = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autofree char *key = NULL;
  int rc;

  g_return_val_if_fail (HD_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* A prefix range on the index (PLATFORM-NOTES §3.1): LIKE would not use it for Cyrillic. */
  stmt = hd_database_prepare (db,
                              "SELECT " PERSON_COLUMNS " FROM people"
                              " WHERE archived = 0"
                              "   AND (?1 IS NULL OR (name_key >= ?1 AND name_key < ?1 || char(1114111)))"
                              "   AND (?2 IS NULL OR kind = ?2)"
                              " ORDER BY name_key, id LIMIT ?3",
                              error);
  if (stmt == NULL)
    return NULL;

  key = prefix != NULL ? hd_text_normalize (prefix) : NULL;
  hd_stmt_bind_text (stmt, 1, key, TRUE);
  hd_stmt_bind_text (stmt, 2, hd_enum_key (HD_ENUM_REQUESTER_KIND, kind), FALSE);
  sqlite3_bind_int64 (stmt, 3, limit > 0 ? (gint64) limit : -1);

  people = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = hd_database_step (db, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (people, person_from_row (stmt));
  if (rc != SQLITE_DONE)
    return NULL;
  return g_steal_pointer (&people);
}

/**
 * hd_person_store_validate:
 *
 * The rules of hd_person_validate(); the person must exist when it has an id.
 */
gboolean
hd_person_store_validate (HdDatabase  *db,
                          HdPerson    *person,
                          GError     **error)
{
  g_return_val_if_fail (HD_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (HD_IS_PERSON (person), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return hd_person_validate (person, error);
}

/* Binds the stored form of every field: ?1 full_name … ?7 name_key */
static void
bind_person (HdStmt   *stmt,
             HdPerson *person)
{
  g_autofree char *full_name = hd_record_strip (hd_person_get_full_name (person));
  g_autofree char *position = hd_record_strip_or_null (hd_person_get_position (person));
  g_autofree char *class_name = hd_record_strip_or_null (hd_person_get_class_name (person));
  g_autofree char *phone = hd_record_strip_or_null (hd_person_get_phone (person));
  g_autofree char *email = hd_record_strip_or_null (hd_person_get_email (person));
  g_autofree char *name_key = hd_text_normalize (full_name);

  hd_stmt_bind_text (stmt, 1, full_name, FALSE);
  hd_stmt_bind_text (stmt, 2, hd_enum_key (HD_ENUM_REQUESTER_KIND, hd_person_get_kind (person)), FALSE);
  hd_stmt_bind_text (stmt, 3, position, FALSE);
  hd_stmt_bind_text (stmt, 4, class_name, FALSE);
  hd_stmt_bind_text (stmt, 5, phone, FALSE);
  hd_stmt_bind_text (stmt, 6, email, FALSE);
  hd_stmt_bind_text (stmt, 7, name_key, FALSE);
}

/* After a save the record shows what was stored */
static void
reload_into (HdDatabase *db,
             HdPerson   *person)
{
  g_autoptr(HdPerson) stored = hd_person_store_get (db, hd_person_get_id (person), NULL);

  if (stored == NULL)
    return;
  hd_person_set_full_name (person, hd_person_get_full_name (stored));
  hd_person_set_position (person, hd_person_get_position (stored));
  hd_person_set_class_name (person, hd_person_get_class_name (stored));
  hd_person_set_phone (person, hd_person_get_phone (stored));
  hd_person_set_email (person, hd_person_get_email (stored));
  hd_person_set_archived (person, hd_person_get_archived (stored));
  hd_person_set_created_at (person, hd_person_get_created_at (stored));
  hd_person_set_updated_at (person, hd_person_get_updated_at (stored));
}

/**
 * hd_person_store_create:
 * @person: a person without an id
 *
 * Validates and inserts @person, and sets its id. Nothing is written when a field is invalid.
 */
gboolean
hd_person_store_create (HdDatabase  *db,
                        HdPerson    *person,
                        GError     **error)
{
  g_autoptr(HdStmt) stmt = NULL;
  gint64 now = hd_record_now ();

  g_return_val_if_fail (HD_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (HD_IS_PERSON (person), FALSE);
  g_return_val_if_fail (hd_person_get_id (person) == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!hd_person_store_validate (db, person, error))
    return FALSE;

  stmt = hd_database_prepare (db,
                              "INSERT INTO people (full_name, kind, position, class_name, phone, email,"
                              " name_key, archived, created_at, updated_at)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
                              error);
  if (stmt == NULL)
    return FALSE;
  bind_person (stmt, person);
  sqlite3_bind_int (stmt, 8, hd_person_get_archived (person) ? 1 : 0);
  sqlite3_bind_int64 (stmt, 9, now);
  if (!hd_database_step_done (db, stmt, error))
    return FALSE;

  hd_person_set_id (person, hd_database_last_insert_id (db));
  reload_into (db, person);
  return TRUE;
}

/**
 * hd_person_store_update:
 * @person: a person read from the store, then edited
 *
 * Validates and writes @person. A new name is carried into the search text of the person's
 * requests in the same transaction.
 */
gboolean
hd_person_store_update (HdDatabase  *db,
                        HdPerson    *person,
                        GError     **error)
{
  g_autoptr(HdPerson) old = NULL;
  g_autofree char *new_name = NULL;

  g_return_val_if_fail (HD_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (HD_IS_PERSON (person), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (hd_person_get_id (person) <= 0)
    {
      set_not_found (error);
      return FALSE;
    }
  if (!hd_person_store_validate (db, person, error))
    return FALSE;
  if (!hd_database_begin (db, error))
    return FALSE;

  old = hd_person_store_get (db, hd_person_get_id (person), error);
  if (old == NULL)
    goto failed;

  {
    g_autoptr(HdStmt) stmt =
      hd_database_prepare (db,
                           "UPDATE people SET full_name = ?1, kind = ?2, position = ?3, class_name = ?4,"
                           " phone = ?5, email = ?6, name_key = ?7, archived = ?8, updated_at = ?9"
                           " WHERE id = ?10",
                           error);
    if (stmt == NULL)
      goto failed;
    bind_person (stmt, person);
    sqlite3_bind_int (stmt, 8, hd_person_get_archived (person) ? 1 : 0);
    sqlite3_bind_int64 (stmt, 9, hd_record_now ());
    sqlite3_bind_int64 (stmt, 10, hd_person_get_id (person));
    if (!hd_database_step_done (db, stmt, error))
      goto failed;
  }

  new_name = hd_record_strip (hd_person_get_full_name (person));
  if (g_strcmp0 (new_name, hd_person_get_full_name (old)) != 0 &&
      !hd_request_store_rename_requester (db, hd_person_get_id (person), new_name, error))
    goto failed;

  if (!hd_database_commit (db, error))
    return FALSE;
  reload_into (db, person);
  return TRUE;

failed:
  hd_database_rollback (db);
  return FALSE;
}

/**
 * hd_person_store_save:
 *
 * hd_person_store_create() for a new person (id 0), hd_person_store_update() otherwise.
 */
gboolean
hd_person_store_save (HdDatabase  *db,
                      HdPerson    *person,
                      GError     **error)
{
  g_return_val_if_fail (HD_IS_PERSON (person), FALSE);

  if (hd_person_get_id (person) == 0)
    return hd_person_store_create (db, person, error);
  return hd_person_store_update (db, person, error);
}

/**
 * hd_person_store_set_archived:
 * @archived: %TRUE to archive, %FALSE to restore
 *
 * An archived person is left out of lists and completion but stays readable by id, so old
 * requests still show who made them.
 */
gboolean
hd_person_store_set_archived (HdDatabase  *db,
                              gint64       id,
                              gboolean     archived,
                              GError     **error)
{
  g_autoptr(HdStmt) stmt = NULL;

  g_return_val_if_fail (HD_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = hd_database_prepare (db, "UPDATE people SET archived = ?2, updated_at = ?3 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, archived ? 1 : 0);
  sqlite3_bind_int64 (stmt, 3, hd_record_now ());
  if (!hd_database_step_done (db, stmt, error))
    return FALSE;
  if (sqlite3_changes (hd_database_get_handle (db)) == 0)
    {
      set_not_found (error);
      return FALSE;
    }
  return TRUE;
}

gboolean
hd_person_store_archive (HdDatabase  *db,
                         gint64       id,
                         GError     **error)
{
  return hd_person_store_set_archived (db, id, TRUE, error);
}
