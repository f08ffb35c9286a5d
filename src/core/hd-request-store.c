/* hd-request-store.c — the journal of requests in the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every change of a request is written to request_events (field, old value, new value, when) in
 * the transaction that makes it, so the history can be shown and the terms' clock recomputed
 * (hd-terms reads the 'status' rows). requests.search_text, which the FTS triggers copy into
 * requests_fts, and requests.requester_key are kept in step here on every save.
 */
#define G_LOG_DOMAIN "hd-request-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hd-error.h"
#include "hd-person-store.h"
#include "hd-record-private.h"
#include "hd-request-store.h"
#include "hd-text.h"

/* The columns a user changes, in the order of the SQL below; each change is one history row. */
static const HdColumn columns[] = {
  { "received_at", "received-at", HD_COLUMN_TIME, 0 },
  { "requester_id", "requester-id", HD_COLUMN_ID, 0 },
  { "requester_kind", "requester-kind", HD_COLUMN_ENUM, HD_ENUM_REQUESTER_KIND },
  { "channel", "channel", HD_COLUMN_ENUM, HD_ENUM_CHANNEL },
  { "relayed_by_id", "relayed-by-id", HD_COLUMN_ID, 0 },
  { "topic", "topic", HD_COLUMN_ENUM, HD_ENUM_TOPIC },
  { "summary", "summary", HD_COLUMN_TEXT_NOT_NULL, 0 },
  { "description", "description", HD_COLUMN_TEXT_NOT_NULL, 0 },
  { "status", "status", HD_COLUMN_ENUM, HD_ENUM_STATUS },
  { "rejection_reason", "rejection-reason", HD_COLUMN_ENUM, HD_ENUM_REJECTION_REASON },
  { "rejection_note", "rejection-note", HD_COLUMN_TEXT, 0 },
  { "vendor_ticket", "vendor-ticket", HD_COLUMN_TEXT, 0 },
  { "related_id", "related-id", HD_COLUMN_ID, 0 },
  { "is_repeat", "is-repeat", HD_COLUMN_BOOL, 0 },
  { "assignee", "assignee", HD_COLUMN_TEXT, 0 },
  { "callback_phone", "callback-phone", HD_COLUMN_TEXT, 0 },
  { "callback_done_at", "callback-done-at", HD_COLUMN_TIME, 0 },
  { "first_response_at", "first-response-at", HD_COLUMN_TIME, 0 },
  { "resolved_at", "resolved-at", HD_COLUMN_TIME, 0 },
  { "resolution", "resolution", HD_COLUMN_TEXT_NOT_NULL, 0 },
  { "archived", "archived", HD_COLUMN_BOOL, 0 },
};
#define N_COLUMNS ((int) G_N_ELEMENTS (columns))

#define SELECT_REQUEST \
  "SELECT r.received_at, r.requester_id, r.requester_kind, r.channel, r.relayed_by_id, r.topic," \
  " r.summary, r.description, r.status, r.rejection_reason, r.rejection_note, r.vendor_ticket," \
  " r.related_id, r.is_repeat, r.assignee, r.callback_phone, r.callback_done_at," \
  " r.first_response_at, r.resolved_at, r.resolution, r.archived," \
  " r.id, p.full_name, r.created_at, r.updated_at" \
  " FROM requests r LEFT JOIN people p ON p.id = r.requester_id"

#define INSERT_EVENT \
  "INSERT INTO request_events (request_id, at, field, old_value, new_value)" \
  " VALUES (?1, ?2, ?3, ?4, ?5)"

G_STATIC_ASSERT (G_N_ELEMENTS (columns) == 21);

static HdRequest *
request_from_row (HdStmt *stmt)
{
  HdRequest *request = hd_request_new ();

  hd_columns_read (stmt, G_OBJECT (request), columns, N_COLUMNS);
  hd_request_set_id (request, sqlite3_column_int64 (stmt, N_COLUMNS));
  hd_request_set_requester_name (request, hd_stmt_column_text (stmt, N_COLUMNS + 1));
  hd_request_set_created_at (request, sqlite3_column_int64 (stmt, N_COLUMNS + 2));
  hd_request_set_updated_at (request, sqlite3_column_int64 (stmt, N_COLUMNS + 3));
  return request;
}

static void
set_not_found (GError **error)
{
  g_set_error_literal (error, HD_ERROR, HD_ERROR_NOT_FOUND,
                       _("The request was not found. It may have been removed."));
}

static char *
make_search_text (const char *summary,
                  const char *description,
                  const char *resolution,
                  const char *requester_name)
{
  g_autofree char *all = g_strjoin (" ",
                                    summary != NULL ? summary : "",
                                    description != NULL ? description : "",
                                    resolution != NULL ? resolution : "",
                                    requester_name != NULL ? requester_name : "",
                                    NULL);
  return hd_text_normalize (all);
}

/**
 * hd_request_store_get:
 * @id: the request's number
 *
 * Reads a request, archived or not, with its requester's name.
 *
 * Returns: (transfer full): the request, or %NULL with HD_ERROR_NOT_FOUND
 */
HdRequest *
hd_request_store_get (HdDatabase  *db,
                      gint64       id,
                      GError     **error)
{
  g_autoptr(HdStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (HD_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = hd_database_prepare (db, SELECT_REQUEST " WHERE r.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = hd_database_step (db, stmt, error);
  if (rc == SQLITE_ROW)
    return request_from_row (stmt);
  if (rc == SQLITE_DONE)
    set_not_found (error);
  return NULL;
}

/**
 * hd_request_store_validate_all:
 * @now: the current time, Unix seconds
 *
 * The rules of hd_request_validate_all() and those that need the database: the requester
 * exists and is not deleted; a request passed on by a class teacher names a staff member; a
 * voicemail has a number to call back (its own or the requester's); the related request
 * exists.
 *
 * Returns: (transfer full) (element-type GError): one error per invalid field, empty when
 *   the request can be saved
 */
GPtrArray *
hd_request_store_validate_all (HdDatabase *db,
                               HdRequest  *request,
                               gint64      now)
{
  g_autoptr(GPtrArray) errors = NULL;
  g_autofree char *phone = NULL;
  GError *error = NULL;
  gint64 stored_requester = 0;
  gint64 stored_relayed_by = 0;

  g_return_val_if_fail (HD_IS_DATABASE (db), NULL);
  g_return_val_if_fail (HD_IS_REQUEST (request), NULL);

  errors = hd_request_validate_all (request, now);

  /* Editing an old request of someone since deleted must stay possible: a person already named
   * by the stored request may be archived, a newly chosen one may not. */
  if (hd_request_get_id (request) > 0)
    {
      g_autoptr(HdStmt) stmt =
        hd_database_prepare (db, "SELECT requester_id, relayed_by_id FROM requests WHERE id = ?1", NULL);

      if (stmt != NULL)
        {
          sqlite3_bind_int64 (stmt, 1, hd_request_get_id (request));
          if (hd_database_step (db, stmt, NULL) == SQLITE_ROW)
            {
              stored_requester = sqlite3_column_int64 (stmt, 0);
              stored_relayed_by = sqlite3_column_int64 (stmt, 1);
            }
        }
    }

  if (hd_request_get_requester_id (request) > 0 &&
      hd_check_person (db, errors, hd_request_get_requester_id (request), FALSE,
                       hd_request_get_requester_id (request) == stored_requester, "requester_id",
                       hd_request_field_label ("requester_id"), &phone) &&
      hd_request_get_channel (request) == HD_CHANNEL_VOICEMAIL &&
      hd_record_is_blank (hd_request_get_callback_phone (request)) &&
      (hd_record_is_blank (phone) || !hd_text_is_valid_phone (phone)))
    {
      /* Translators: %s is the name of a field, e.g. «Номер для обратного звонка» */
      hd_error_set_field (&error, "callback_phone",
                          _("A voicemail needs a number to call back: fill in “%s” or add a "
                            "phone number to the requester."),
                          hd_request_field_label ("callback_phone"));
      hd_check_add (errors, g_steal_pointer (&error));
    }

  if (hd_request_get_relayed_by_id (request) > 0)
    hd_check_person (db, errors, hd_request_get_relayed_by_id (request), TRUE,
                     hd_request_get_relayed_by_id (request) == stored_relayed_by, "relayed_by_id",
                     hd_request_field_label ("relayed_by_id"), NULL);

  if (hd_request_get_related_id (request) > 0 &&
      hd_request_get_related_id (request) != hd_request_get_id (request))
    {
      g_autoptr(HdStmt) stmt = hd_database_prepare (db, "SELECT 1 FROM requests WHERE id = ?1", &error);
      int rc = SQLITE_DONE;

      if (stmt != NULL)
        {
          sqlite3_bind_int64 (stmt, 1, hd_request_get_related_id (request));
          rc = hd_database_step (db, stmt, &error);
        }
      if (error != NULL)
        hd_check_add (errors, g_steal_pointer (&error));
      else if (rc == SQLITE_DONE)
        {
          /* Translators: %s is the name of a field, e.g. «Связанное обращение» */
          hd_error_set_field (&error, "related_id", _("The request chosen in “%s” does not exist."),
                              hd_request_field_label ("related_id"));
          hd_check_add (errors, g_steal_pointer (&error));
        }
    }

  return g_steal_pointer (&errors);
}

/**
 * hd_request_store_validate:
 *
 * Returns: %TRUE when hd_request_store_validate_all() finds nothing now; otherwise @error is
 *   its first error
 */
gboolean
hd_request_store_validate (HdDatabase  *db,
                           HdRequest   *request,
                           GError     **error)
{
  g_return_val_if_fail (HD_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (HD_IS_REQUEST (request), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return hd_check_finish (hd_request_store_validate_all (db, request, hd_record_now ()), error);
}

/* The stored form of @request: text stripped, the requester's kind and name filled in, and the
 * moments that follow from the status (@old is %NULL on creation). */
static HdRequest *
prepare_stored (HdDatabase  *db,
                HdRequest   *request,
                HdRequest   *old,
                gint64       now,
                GError     **error)
{
  g_autoptr(HdRequest) stored = hd_request_copy (request);
  g_autoptr(HdPerson) requester = NULL;
  int status = hd_request_get_status (stored);
  gint64 moment;

  hd_columns_normalize (G_OBJECT (stored), columns, N_COLUMNS);

  requester = hd_person_store_get (db, hd_request_get_requester_id (stored), error);
  if (requester == NULL)
    return NULL;
  hd_request_set_requester_name (stored, hd_person_get_full_name (requester));
  /* The kind follows the person unless it was chosen: -1, or left as it was when the
   * requester was changed for another person. */
  if (hd_request_get_requester_kind (stored) < 0 ||
      (old != NULL && hd_request_get_requester_id (stored) != hd_request_get_requester_id (old) &&
       hd_request_get_requester_kind (stored) == hd_request_get_requester_kind (old)))
    hd_request_set_requester_kind (stored, hd_person_get_kind (requester));

  /* A moment never precedes the reception, even when the request is entered late. */
  moment = MAX (now, hd_request_get_received_at (stored));

  if (old == NULL || status != hd_request_get_status (old))
    {
      if (status != HD_STATUS_NEW && hd_request_get_first_response_at (stored) == 0)
        hd_request_set_first_response_at (stored, moment);

      if (hd_status_is_closed (status))
        {
          if (hd_request_get_resolved_at (stored) == 0 ||
              (old != NULL && !hd_status_is_closed (hd_request_get_status (old))))
            hd_request_set_resolved_at (stored, moment);
        }
      else
        hd_request_set_resolved_at (stored, 0);

      if (old != NULL && hd_request_get_status (old) == HD_STATUS_CALLBACK &&
          hd_request_get_callback_done_at (stored) == 0)
        hd_request_set_callback_done_at (stored, moment);
    }

  return g_steal_pointer (&stored);
}

/* Binds ?1 … ?21 (the columns), ?22 requester_key, ?23 search_text */
static void
bind_stored (HdStmt    *stmt,
             HdRequest *stored)
{
  g_autofree char *requester_key = hd_text_normalize (hd_request_get_requester_name (stored));
  g_autofree char *search_text = make_search_text (hd_request_get_summary (stored),
                                                   hd_request_get_description (stored),
                                                   hd_request_get_resolution (stored),
                                                   hd_request_get_requester_name (stored));

  hd_columns_bind (stmt, G_OBJECT (stored), columns, N_COLUMNS);
  hd_stmt_bind_text (stmt, N_COLUMNS + 1, requester_key, FALSE);
  hd_stmt_bind_text (stmt, N_COLUMNS + 2, search_text, FALSE);
}

static void
copy_back (HdRequest *request,
           HdRequest *stored)
{
  hd_columns_copy (G_OBJECT (request), G_OBJECT (stored), columns, N_COLUMNS);
  hd_request_set_id (request, hd_request_get_id (stored));
  hd_request_set_requester_name (request, hd_request_get_requester_name (stored));
  hd_request_set_created_at (request, hd_request_get_created_at (stored));
  hd_request_set_updated_at (request, hd_request_get_updated_at (stored));
}

static gboolean insert_request (HdDatabase  *db,
                                HdRequest   *request,
                                gint64       number,
                                gboolean     imported,
                                GError     **error);

/**
 * hd_request_store_create:
 * @request: a new request (id 0)
 *
 * Validates @request and inserts it with one 'created' history row, in one transaction. A
 * status other than new sets the first response, a closed status the closing moment, unless
 * they are given (as an import does). On success @request gets its number and the stored
 * values; when a field is invalid nothing is written and @request is unchanged.
 */
gboolean
hd_request_store_create (HdDatabase  *db,
                         HdRequest   *request,
                         GError     **error)
{
  g_return_val_if_fail (HD_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (HD_IS_REQUEST (request), FALSE);
  g_return_val_if_fail (hd_request_get_id (request) == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return insert_request (db, request, 0, FALSE, error);
}

/**
 * hd_request_store_validate_import:
 * @now: the moment of the import
 *
 * hd_request_store_validate_all() for a request read from a file of another journal: less the
 * rules of the fields such a file has no column for (the class teacher who passed a request on,
 * a voicemail's number to call back).
 *
 * Returns: (transfer full) (element-type GError): the errors, empty when @request may be imported
 */
GPtrArray *
hd_request_store_validate_import (HdDatabase *db,
                                  HdRequest  *request,
                                  gint64      now)
{
  GPtrArray *errors = hd_request_store_validate_all (db, request, now);

  g_return_val_if_fail (errors != NULL, NULL);

  for (guint i = errors->len; i > 0; i--)
    {
      const char *field = hd_error_get_field (errors->pdata[i - 1]);

      if (g_strcmp0 (field, "relayed_by_id") == 0 || g_strcmp0 (field, "callback_phone") == 0)
        g_ptr_array_remove_index (errors, i - 1);
    }
  return errors;
}

/**
 * hd_request_store_import:
 * @request: a request read from a file (id 0)
 * @number: the number it keeps, or 0 for the next one
 *
 * hd_request_store_create() for a request of another journal, with the rules of
 * hd_request_store_validate_import(); a number already taken is an error and nothing is written.
 */
gboolean
hd_request_store_import (HdDatabase  *db,
                         HdRequest   *request,
                         gint64       number,
                         GError     **error)
{
  g_return_val_if_fail (HD_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (HD_IS_REQUEST (request), FALSE);
  g_return_val_if_fail (hd_request_get_id (request) == 0, FALSE);
  g_return_val_if_fail (number >= 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return insert_request (db, request, number, TRUE, error);
}

static gboolean
insert_request (HdDatabase  *db,
                HdRequest   *request,
                gint64       number,
                gboolean     imported,
                GError     **error)
{
  g_autoptr(HdRequest) stored = NULL;
  gint64 now = hd_record_now ();
  gint64 id;

  if (!hd_check_finish (imported ? hd_request_store_validate_import (db, request, now)
                                 : hd_request_store_validate_all (db, request, now), error))
    return FALSE;
  if (!hd_database_begin (db, error))
    return FALSE;

  stored = prepare_stored (db, request, NULL, now, error);
  if (stored == NULL)
    goto failed;

  {
    g_autoptr(HdStmt) stmt =
      hd_database_prepare (db,
                           "INSERT INTO requests (received_at, requester_id, requester_kind, channel,"
                           " relayed_by_id, topic, summary, description, status, rejection_reason,"
                           " rejection_note, vendor_ticket, related_id, is_repeat, assignee,"
                           " callback_phone, callback_done_at, first_response_at, resolved_at,"
                           " resolution, archived, requester_key, search_text, created_at, updated_at,"
                           " id)"
                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,"
                           " ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?24, ?25)",
                           error);
    if (stmt == NULL)
      goto failed;
    bind_stored (stmt, stored);
    sqlite3_bind_int64 (stmt, N_COLUMNS + 3, now);
    if (number > 0)
      sqlite3_bind_int64 (stmt, N_COLUMNS + 4, number);
    if (!hd_database_step_done (db, stmt, error))
      goto failed;
  }

  id = hd_database_last_insert_id (db);
  if (!hd_record_add_event (db, INSERT_EVENT, id, now, "created", NULL,
                            hd_enum_key (HD_ENUM_STATUS, hd_request_get_status (stored)), error))
    goto failed;
  if (!hd_database_commit (db, error))
    return FALSE;

  hd_request_set_id (stored, id);
  hd_request_set_created_at (stored, now);
  hd_request_set_updated_at (stored, now);
  copy_back (request, stored);
  return TRUE;

failed:
  hd_database_rollback (db);
  return FALSE;
}

/**
 * hd_request_store_update:
 * @request: a request read with hd_request_store_get(), then edited
 *
 * Validates @request and writes it, with one history row per changed column, in one
 * transaction. A change of status sets the first response the first time the request leaves
 * new, the closing moment when it is resolved or rejected (cleared when it is reopened), and
 * the moment of the callback when it leaves callback. Nothing is written when nothing changed
 * or a field is invalid.
 */
gboolean
hd_request_store_update (HdDatabase  *db,
                         HdRequest   *request,
                         GError     **error)
{
  g_autoptr(HdRequest) old = NULL;
  g_autoptr(HdRequest) stored = NULL;
  gint64 now = hd_record_now ();
  guint n_changes = 0;

  g_return_val_if_fail (HD_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (HD_IS_REQUEST (request), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (hd_request_get_id (request) <= 0)
    {
      set_not_found (error);
      return FALSE;
    }
  if (!hd_check_finish (hd_request_store_validate_all (db, request, now), error))
    return FALSE;
  if (!hd_database_begin (db, error))
    return FALSE;

  old = hd_request_store_get (db, hd_request_get_id (request), error);
  if (old == NULL)
    goto failed;
  stored = prepare_stored (db, request, old, now, error);
  if (stored == NULL)
    goto failed;

  /* The history first: if the update itself fails, the rollback takes these rows too. */
  if (!hd_columns_write_events (db, INSERT_EVENT, hd_request_get_id (request), now,
                                G_OBJECT (old), G_OBJECT (stored), columns, N_COLUMNS,
                                &n_changes, error))
    goto failed;

  if (n_changes > 0 ||
      g_strcmp0 (hd_request_get_requester_name (old), hd_request_get_requester_name (stored)) != 0)
    {
      g_autoptr(HdStmt) stmt =
        hd_database_prepare (db,
                             "UPDATE requests SET received_at = ?1, requester_id = ?2, requester_kind = ?3,"
                             " channel = ?4, relayed_by_id = ?5, topic = ?6, summary = ?7,"
                             " description = ?8, status = ?9, rejection_reason = ?10,"
                             " rejection_note = ?11, vendor_ticket = ?12, related_id = ?13,"
                             " is_repeat = ?14, assignee = ?15, callback_phone = ?16,"
                             " callback_done_at = ?17, first_response_at = ?18, resolved_at = ?19,"
                             " resolution = ?20, archived = ?21, requester_key = ?22,"
                             " search_text = ?23, updated_at = ?24"
                             " WHERE id = ?25",
                             error);
      if (stmt == NULL)
        goto failed;
      bind_stored (stmt, stored);
      sqlite3_bind_int64 (stmt, N_COLUMNS + 3, n_changes > 0 ? now : hd_request_get_updated_at (old));
      sqlite3_bind_int64 (stmt, N_COLUMNS + 4, hd_request_get_id (request));
      if (!hd_database_step_done (db, stmt, error))
        goto failed;
      if (n_changes > 0)
        hd_request_set_updated_at (stored, now);
    }

  if (!hd_database_commit (db, error))
    return FALSE;

  hd_request_set_created_at (stored, hd_request_get_created_at (old));
  if (n_changes == 0)
    hd_request_set_updated_at (stored, hd_request_get_updated_at (old));
  copy_back (request, stored);
  return TRUE;

failed:
  hd_database_rollback (db);
  return FALSE;
}

/**
 * hd_request_store_save:
 *
 * hd_request_store_create() for a new request (id 0), hd_request_store_update() otherwise.
 */
gboolean
hd_request_store_save (HdDatabase  *db,
                       HdRequest   *request,
                       GError     **error)
{
  g_return_val_if_fail (HD_IS_REQUEST (request), FALSE);

  if (hd_request_get_id (request) == 0)
    return hd_request_store_create (db, request, error);
  return hd_request_store_update (db, request, error);
}

/**
 * hd_request_is_changed:
 * @original: the request as read
 * @edited: the same request in the editor
 *
 * Whether saving @edited would change a stored column (white space at the ends of text
 * does not count): the editor's dirty state, e.g. to ask before closing.
 */
gboolean
hd_request_is_changed (HdRequest *original,
                       HdRequest *edited)
{
  guint n_changes = 0;

  g_return_val_if_fail (HD_IS_REQUEST (original), FALSE);
  g_return_val_if_fail (HD_IS_REQUEST (edited), FALSE);

  hd_columns_write_events (NULL, NULL, 0, 0, G_OBJECT (original), G_OBJECT (edited),
                           columns, N_COLUMNS, &n_changes, NULL);
  return n_changes > 0;
}

/**
 * hd_request_store_set_archived:
 * @archived: %TRUE to archive («delete»), %FALSE to restore (the undo of the toast)
 *
 * An archived request is left out of the journal and searches but stays readable by number.
 * The change is written to the history.
 */
gboolean
hd_request_store_set_archived (HdDatabase  *db,
                               gint64       id,
                               gboolean     archived,
                               GError     **error)
{
  g_autoptr(HdRequest) request = NULL;

  g_return_val_if_fail (HD_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!hd_database_begin (db, error))
    return FALSE;
  request = hd_request_store_get (db, id, error);
  if (request == NULL)
    goto failed;

  if (hd_request_get_archived (request) != !!archived)
    {
      g_autoptr(HdStmt) stmt = NULL;
      gint64 now = hd_record_now ();

      if (!hd_record_add_event (db, INSERT_EVENT, id, now, "archived",
                                archived ? "0" : "1", archived ? "1" : "0", error))
        goto failed;
      stmt = hd_database_prepare (db, "UPDATE requests SET archived = ?2, updated_at = ?3 WHERE id = ?1",
                                  error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, archived ? 1 : 0);
      sqlite3_bind_int64 (stmt, 3, now);
      if (!hd_database_step_done (db, stmt, error))
        goto failed;
    }

  return hd_database_commit (db, error);

failed:
  hd_database_rollback (db);
  return FALSE;
}

gboolean
hd_request_store_archive (HdDatabase  *db,
                          gint64       id,
                          GError     **error)
{
  return hd_request_store_set_archived (db, id, TRUE, error);
}

/**
 * hd_request_store_list_events:
 * @request_id: the request's number
 *
 * The history of a request, oldest first. Values are text: enums as keys, instants as Unix
 * seconds, %NULL when empty; the first row has field `created`.
 *
 * Returns: (transfer full) (element-type HdEvent): the rows, or %NULL on error
 */
GPtrArray *
hd_request_store_list_events (HdDatabase  *db,
                              gint64       request_id,
                              GError     **error)
{
  g_return_val_if_fail (HD_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return hd_record_list_events (db,
                                "SELECT id, at, field, old_value, new_value FROM request_events"
                                " WHERE request_id = ?1 ORDER BY at, id",
                                request_id, error);
}

/**
 * hd_request_store_list_for_person:
 * @person_id: the requester
 * @open_only: only requests not resolved or rejected
 *
 * A person's requests that are not archived, newest first, e.g. to attach an appointment to one.
 *
 * Returns: (transfer full) (element-type HdRequest): the requests, or %NULL on error
 */
GPtrArray *
hd_request_store_list_for_person (HdDatabase  *db,
                                  gint64       person_id,
                                  gboolean     open_only,
                                  GError     **error)
{
  g_autoptr(HdStmt) stmt = NULL;
  g_autoptr(GPtrArray) requests = NULL;
  int rc;

  g_return_val_if_fail (HD_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = hd_database_prepare (db,
                              SELECT_REQUEST
                              " WHERE r.requester_id = ?1 AND r.archived = 0"
                              "   AND (?2 = 0 OR r.status NOT IN ('resolved', 'rejected'))"
                              " ORDER BY r.received_at DESC, r.id DESC",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int (stmt, 2, open_only ? 1 : 0);

  requests = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = hd_database_step (db, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (requests, request_from_row (stmt));
  if (rc != SQLITE_DONE)
    return NULL;
  return g_steal_pointer (&requests);
}

/* At most this many index terms replace one prefix; a shorter prefix stays a prefix. */
#define MAX_PREFIX_TERMS 48

/* FTS5 in SQLite 3.40 answers a prefix that is not in the prefix index ('2 3 4') by merging
 * the whole posting lists of every term with that prefix before it returns the first row:
 * 20 ms for «расписани»* on a million requests. The same words, listed from the index and
 * joined by OR, are read from the newest row down and stop at the limit. Terms come from a
 * temporary fts5vocab table of this connection; the result is the same by construction. On
 * any trouble (a read-only connection cannot create it) the query stays as it was. */
static char *
expand_fts_prefixes (HdDatabase *db,
                     const char *query)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(HdStmt) terms = NULL;
  g_auto(GStrv) words = g_strsplit (query, " AND ", -1);

  if (!hd_database_exec (db,
                         "CREATE VIRTUAL TABLE IF NOT EXISTS temp.hd_requests_fts_terms"
                         " USING fts5vocab (main, requests_fts, row)",
                         NULL))
    return NULL;
  terms = hd_database_prepare (db,
                               "SELECT term FROM temp.hd_requests_fts_terms"
                               " WHERE term >= ?1 AND term < ?1 || char(1114111) LIMIT ?2",
                               NULL);
  if (terms == NULL)
    return NULL;

  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *word = words[i];
      gsize len = strlen (word);
      g_autofree char *prefix = NULL;
      g_autoptr(GPtrArray) found = NULL;
      int rc;

      if (out->len > 0)
        g_string_append (out, " AND ");
      /* hd_text_fts_query() writes "prefix"* with letters and digits only */
      if (len < 3 || word[0] != '"' || !g_str_has_suffix (word, "\"*") ||
          memchr (word + 1, '"', len - 3) != NULL ||
          g_utf8_strlen (word + 1, (gssize) len - 3) <= 4)
        {
          g_string_append (out, word);
          continue;
        }

      prefix = g_strndup (word + 1, len - 3);
      found = g_ptr_array_new_with_free_func (g_free);
      hd_stmt_bind_text (terms, 1, prefix, FALSE);
      sqlite3_bind_int (terms, 2, MAX_PREFIX_TERMS + 1);
      while ((rc = hd_database_step (db, terms, NULL)) == SQLITE_ROW)
        g_ptr_array_add (found, g_strdup (hd_stmt_column_text (terms, 0)));
      sqlite3_reset (terms);
      if (rc != SQLITE_DONE)
        return NULL;

      if (found->len == 0)
        return g_strdup ("");   /* no such word: nothing matches */
      if (found->len > MAX_PREFIX_TERMS)
        {
          g_string_append (out, word);
          continue;
        }
      g_string_append_c (out, '(');
      for (guint t = 0; t < found->len; t++)
        {
          if (t > 0)
            g_string_append (out, " OR ");
          g_string_append_c (out, '"');
          for (const char *c = g_ptr_array_index (found, t); *c != '\0'; c++)
            {
              if (*c == '"')
                g_string_append_c (out, '"');   /* a quote inside a string is doubled */
              g_string_append_c (out, *c);
            }
          g_string_append_c (out, '"');
        }
      g_string_append_c (out, ')');
    }
  return g_strdup (out->str);
}

/**
 * hd_request_store_search_ids:
 * @typed_text: what the user typed, any case, «ё» or «е», any punctuation
 * @limit: the most ids returned, 0 for all
 *
 * Full-text search over summary, description, resolution and requester name through the
 * FTS index, with the query of hd_text_fts_query(): every word as a prefix, so «оценк» finds
 * «Оценки», «ОЦЕНКА» and «оценок», and «елкина» finds «Ёлкина». Archived requests are left
 * out. Nothing typed can become SQL or FTS syntax.
 *
 * Returns: (transfer full) (element-type gint64): matching numbers, newest first (empty
 *   when @typed_text has no word), or %NULL on error
 */
GArray *
hd_request_store_search_ids (HdDatabase  *db,
                             const char  *typed_text,
                             guint        limit,
                             GError     **error)
{
  g_autoptr(HdStmt) stmt = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *query = NULL;
  int rc;

  g_return_val_if_fail (HD_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  query = hd_text_fts_query (typed_text);
  if (query == NULL)
    return g_steal_pointer (&ids);
  {
    char *expanded = expand_fts_prefixes (db, query);

    if (expanded != NULL)
      {
        g_free (query);
        query = expanded;
      }
    if (*query == '\0')
      return g_steal_pointer (&ids);
  }

  stmt = hd_database_prepare (db,
                              "SELECT f.rowid FROM requests_fts f JOIN requests r ON r.id = f.rowid"
                              " WHERE requests_fts MATCH ?1 AND r.archived = 0"
                              " ORDER BY f.rowid DESC LIMIT ?2",
                              error);
  if (stmt == NULL)
    return NULL;
  hd_stmt_bind_text (stmt, 1, query, FALSE);
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64) limit : -1);

  while ((rc = hd_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    return NULL;
  return g_steal_pointer (&ids);
}

/* ---------------------------------------------------------------------------------------- */
/* Repeats                                                                                   */

/* Words too common in this school's requests to tell two problems apart; compared by stem. */
static const char * const common_words[] = {
  "пожалуйста", "здравствуйте", "добрый", "почему", "когда", "после", "этот", "можно", "нужно",
  "очень", "также", "через", "который", "есть", "было", "будет", "сделать", "помогите",
  "вопрос", "проблема", "дневник", "журнал", "электронный", "работает", "сегодня", "вчера",
  "ребенок", "ребенка", "учитель", "школа",
};

/* Two words are one for this purpose when they share a stem: a common start of at least four
 * letters and two thirds of the shorter word («оценки», «оценок»; «вход», «входа»). */
static gboolean
words_alike (const gunichar *a,
             glong           a_len,
             const gunichar *b,
             glong           b_len)
{
  glong common = 0;
  glong shorter = MIN (a_len, b_len);

  while (common < shorter && a[common] == b[common])
    common++;
  return common >= 4 && common * 3 >= shorter * 2;
}

static GPtrArray *
significant_words (const char *text)
{
  g_autofree char *key = hd_text_normalize (text);
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  const char *p = key;

  while (*p)
    {
      const char *start;
      glong n_chars;

      while (*p && !g_unichar_isalpha (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p && g_unichar_isalpha (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      n_chars = g_utf8_strlen (start, p - start);
      if (n_chars >= 4)
        {
          g_autofree gunichar *word = g_utf8_to_ucs4_fast (start, p - start, NULL);
          gboolean common = FALSE;

          for (guint i = 0; i < G_N_ELEMENTS (common_words) && !common; i++)
            {
              glong c_len;
              g_autofree gunichar *c = g_utf8_to_ucs4_fast (common_words[i], -1, &c_len);

              common = words_alike (word, n_chars, c, c_len);
            }
          if (!common)
            g_ptr_array_add (words, g_strndup (start, p - start));
        }
    }
  return words;
}

/**
 * hd_request_summaries_similar:
 *
 * Whether two summaries share a significant word (four letters or more, not one of the words
 * every request uses) in any case and word form: «Не видны оценки» and «ОЦЕНОК нет» do.
 */
gboolean
hd_request_summaries_similar (const char *a,
                              const char *b)
{
  g_autoptr(GPtrArray) wa = significant_words (a);
  g_autoptr(GPtrArray) wb = significant_words (b);

  for (guint i = 0; i < wa->len; i++)
    {
      glong la;
      g_autofree gunichar *ua = g_utf8_to_ucs4_fast (wa->pdata[i], -1, &la);

      for (guint j = 0; j < wb->len; j++)
        {
          glong lb;
          g_autofree gunichar *ub = g_utf8_to_ucs4_fast (wb->pdata[j], -1, &lb);

          if (words_alike (ua, la, ub, lb))
            return TRUE;
        }
    }
  return FALSE;
}

/**
 * hd_request_store_find_similar:
 * @requester_id: who is asking now
 * @summary: the new request's summary
 * @now: the current time, Unix seconds
 *
 * Possible repeats: requests of the same requester received in the 30 days before @now, not
 * archived, whose summary shares a significant word with @summary (see
 * hd_request_summaries_similar()). The editor offers to link the new request as a repeat or
 * to reopen the earlier one; it should skip the request it is editing.
 *
 * Returns: (transfer full) (element-type HdRequest): the requests, newest first, or %NULL on
 *   error
 */
GPtrArray *
hd_request_store_find_similar (HdDatabase  *db,
                               gint64       requester_id,
                               const char  *summary,
                               gint64       now,
                               GError     **error)
{
  g_autoptr(HdStmt) stmt = NULL;
  g_autoptr(GPtrArray) similar = NULL;
  int rc;

  g_return_val_if_fail (HD_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  similar = g_ptr_array_new_with_free_func (g_object_unref);
  if (summary == NULL || requester_id <= 0)
    return g_steal_pointer (&similar);

  stmt = hd_database_prepare (db,
                              SELECT_REQUEST
                              " WHERE r.requester_id = ?1 AND r.received_at >= ?2"
                              "   AND r.received_at <= ?3 AND r.archived = 0"
                              " ORDER BY r.received_at DESC, r.id DESC",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, requester_id);
  sqlite3_bind_int64 (stmt, 2, now - HD_REPEAT_WINDOW_SECONDS);
  sqlite3_bind_int64 (stmt, 3, now + 60);

  while ((rc = hd_database_step (db, stmt, error)) == SQLITE_ROW)
    if (hd_request_summaries_similar (summary, hd_stmt_column_text (stmt, 6)))
      g_ptr_array_add (similar, request_from_row (stmt));
  if (rc != SQLITE_DONE)
    return NULL;
  return g_steal_pointer (&similar);
}

/* ---------------------------------------------------------------------------------------- */
/* Renaming a requester                                                                      */

gboolean
hd_request_store_rename_requester (HdDatabase  *db,
                                   gint64       person_id,
                                   const char  *full_name,
                                   GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autofree char *requester_key = hd_text_normalize (full_name);
  int rc;

  /* Read first, write after: the two statements must not interleave on one connection. */
  {
    g_autoptr(HdStmt) stmt =
      hd_database_prepare (db,
                           "SELECT id, summary, description, resolution FROM requests"
                           " WHERE requester_id = ?1",
                           error);
    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, person_id);
    while ((rc = hd_database_step (db, stmt, error)) == SQLITE_ROW)
      {
        char **row = g_new0 (char *, 5);

        for (int i = 0; i < 4; i++)
          row[i] = g_strdup (hd_stmt_column_text (stmt, i));
        g_ptr_array_add (rows, row);
      }
    if (rc != SQLITE_DONE)
      return FALSE;
  }

  for (guint i = 0; i < rows->len; i++)
    {
      char **row = rows->pdata[i];
      g_autofree char *search_text = make_search_text (row[1], row[2], row[3], full_name);
      g_autoptr(HdStmt) stmt =
        hd_database_prepare (db,
                             "UPDATE requests SET requester_key = ?2, search_text = ?3 WHERE id = ?1",
                             error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, g_ascii_strtoll (row[0], NULL, 10));
      hd_stmt_bind_text (stmt, 2, requester_key, FALSE);
      hd_stmt_bind_text (stmt, 3, search_text, FALSE);
      if (!hd_database_step_done (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}
