/* hd-record.c — validation and history helpers shared by the record stores
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hd-record"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hd-date.h"
#include "hd-error.h"
#include "hd-record-private.h"
#include "hd-text.h"

GPtrArray *
hd_check_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
}

void
hd_check_add (GPtrArray *errors,
              GError    *error)
{
  g_assert (errors != NULL);
  g_assert (error != NULL);
  g_ptr_array_add (errors, error);
}

gboolean
hd_record_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

/* Only ASCII white space is stripped, byte by byte, so invalid UTF-8 survives untouched for
 * validation to refuse it rather than being silently "repaired". */
char *
hd_record_strip (const char *text)
{
  if (text == NULL)
    return NULL;
  return g_strstrip (g_strdup (text));
}

char *
hd_record_strip_or_null (const char *text)
{
  char *s = hd_record_strip (text);

  if (s != NULL && *s == '\0')
    g_clear_pointer (&s, g_free);
  return s;
}

gint64
hd_record_now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

char *
hd_record_int_text (gint64   value,
                    gboolean zero_is_null)
{
  if (zero_is_null && value == 0)
    return NULL;
  return g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

gboolean
hd_check_text (GPtrArray  *errors,
               const char *text,
               const char *field,
               const char *label,
               gboolean    required,
               guint       max_chars)
{
  g_autofree char *stripped = hd_record_strip (text);
  GError *error = NULL;

  if (!hd_text_check (stripped, field, label, required, max_chars, &error))
    {
      hd_check_add (errors, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
hd_check_enum (GPtrArray  *errors,
               HdEnumKind  kind,
               int         value,
               gboolean    optional,
               const char *field,
               const char *label)
{
  GError *error = NULL;

  if (value == -1 && optional)
    return TRUE;
  if (value == -1)
    {
      /* Translators: %s is the name of a field, e.g. «Тема» */
      hd_error_set_field (&error, field, _("Choose a value in “%s”."), label);
      hd_check_add (errors, error);
      return FALSE;
    }
  if (value < 0 || (guint) value >= hd_enum_count (kind))
    {
      /* Translators: %s is the name of a field, e.g. «Тема» */
      hd_error_set_field (&error, field, _("“%s” has a value that is not on the list. "
                                           "Choose one from the list."), label);
      hd_check_add (errors, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
hd_check_phone (GPtrArray  *errors,
                const char *text,
                const char *field,
                const char *label)
{
  g_autofree char *stripped = hd_record_strip (text);
  GError *error = NULL;

  if (!hd_check_text (errors, stripped, field, label, FALSE, HD_MAX_SHORT))
    return FALSE;
  if (stripped == NULL || *stripped == '\0' || hd_text_is_valid_phone (stripped))
    return TRUE;
  /* Translators: %s is the name of a field, e.g. «Телефон» */
  hd_error_set_field (&error, field, _("“%s” is not a phone number. Write it like "
                                       "+7 914 555-12-34 or 8 (41651) 2-00-77."), label);
  hd_check_add (errors, error);
  return FALSE;
}

gboolean
hd_check_email (GPtrArray  *errors,
                const char *text,
                const char *field,
                const char *label)
{
  g_autofree char *stripped = hd_record_strip (text);
  GError *error = NULL;

  if (!hd_check_text (errors, stripped, field, label, FALSE, HD_MAX_SHORT))
    return FALSE;
  if (stripped == NULL || *stripped == '\0' || hd_text_is_valid_email (stripped))
    return TRUE;
  /* Translators: %s is the name of a field, e.g. «Электронная почта» */
  hd_error_set_field (&error, field, _("“%s” is not an e-mail address. Write it like "
                                       "name@example.ru."), label);
  hd_check_add (errors, error);
  return FALSE;
}

gboolean
hd_check_date (GPtrArray  *errors,
               const char *text,
               const char *field,
               const char *label,
               gboolean    required,
               GDate      *out)
{
  g_autofree char *stripped = hd_record_strip (text);
  GError *error = NULL;

  if (!hd_check_text (errors, stripped, field, label, required, 0))
    return FALSE;
  if (stripped == NULL || *stripped == '\0')
    return TRUE;
  if (hd_date_parse_iso (stripped, out))
    return TRUE;
  /* Translators: %s is the name of a field; keep the sample date as it is */
  hd_error_set_field (&error, field, _("“%s” must be a date written as year-month-day, "
                                       "e.g. 2026-09-01."), label);
  hd_check_add (errors, error);
  return FALSE;
}

/* The person must exist and, unless @archived_ok (a record that already named them), not be
 * archived; @phone gets their phone number when asked. */
gboolean
hd_check_person (HdDatabase  *db,
                 GPtrArray   *errors,
                 gint64       person_id,
                 gboolean     staff_only,
                 gboolean     archived_ok,
                 const char  *field,
                 const char  *label,
                 char       **phone)
{
  g_autoptr(HdStmt) stmt = NULL;
  GError *error = NULL;
  int rc;

  if (person_id <= 0)
    {
      /* Translators: %s is the name of a field, e.g. «Заявитель» */
      hd_error_set_field (&error, field, _("Choose a person in “%s”."), label);
      hd_check_add (errors, error);
      return FALSE;
    }

  stmt = hd_database_prepare (db, "SELECT kind, archived, phone FROM people WHERE id = ?1", &error);
  if (stmt == NULL)
    {
      hd_check_add (errors, error);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, person_id);
  rc = hd_database_step (db, stmt, &error);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      hd_check_add (errors, error);
      return FALSE;
    }
  if (rc == SQLITE_DONE)
    {
      /* Translators: %s is the name of a field, e.g. «Заявитель» */
      hd_error_set_field (&error, field, _("The person chosen in “%s” does not exist. "
                                           "Choose another one."), label);
      hd_check_add (errors, error);
      return FALSE;
    }
  if (!archived_ok && sqlite3_column_int (stmt, 1) != 0)
    {
      /* Translators: %s is the name of a field, e.g. «Сотрудник» */
      hd_error_set_field (&error, field, _("The person chosen in “%s” has been deleted. "
                                           "Choose another one or restore them first."), label);
      hd_check_add (errors, error);
      return FALSE;
    }
  if (staff_only && g_strcmp0 (hd_stmt_column_text (stmt, 0), "staff") != 0)
    {
      /* Translators: %s is the name of a field, e.g. «Кто передал» */
      hd_error_set_field (&error, field, _("“%s” must be a staff member of the school."), label);
      hd_check_add (errors, error);
      return FALSE;
    }
  if (phone != NULL)
    *phone = g_strdup (hd_stmt_column_text (stmt, 2));
  return TRUE;
}

/* Reports the first error of @errors and frees the array. */
gboolean
hd_check_finish (GPtrArray  *errors,
                 GError    **error)
{
  g_autoptr(GPtrArray) owned = errors;

  if (owned->len == 0)
    return TRUE;
  g_propagate_error (error, g_ptr_array_steal_index (owned, 0));
  return FALSE;
}

gboolean
hd_record_add_event (HdDatabase  *db,
                     const char  *sql,
                     gint64       record_id,
                     gint64       at,
                     const char  *field,
                     const char  *old_value,
                     const char  *new_value,
                     GError     **error)
{
  g_autoptr(HdStmt) stmt = hd_database_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, record_id);
  sqlite3_bind_int64 (stmt, 2, at);
  hd_stmt_bind_text (stmt, 3, field, FALSE);
  hd_stmt_bind_text (stmt, 4, old_value, FALSE);
  hd_stmt_bind_text (stmt, 5, new_value, FALSE);
  return hd_database_step_done (db, stmt, error);
}

GPtrArray *
hd_record_list_events (HdDatabase  *db,
                       const char  *sql,
                       gint64       record_id,
                       GError     **error)
{
  g_autoptr(HdStmt) stmt = hd_database_prepare (db, sql, error);
  g_autoptr(GPtrArray) events = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  events = g_ptr_array_new_with_free_func ((GDestroyNotify) hd_event_free);
  sqlite3_bind_int64 (stmt, 1, record_id);
  while ((rc = hd_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      HdEvent *event = hd_event_new (record_id,
                                     sqlite3_column_int64 (stmt, 1),
                                     hd_stmt_column_text (stmt, 2),
                                     hd_stmt_column_text (stmt, 3),
                                     hd_stmt_column_text (stmt, 4));
      event->id = sqlite3_column_int64 (stmt, 0);
      g_ptr_array_add (events, event);
    }
  if (rc != SQLITE_DONE)
    return NULL;
  return g_steal_pointer (&events);
}

/* ---------------------------------------------------------------------------------------- */
/* Columns                                                                                   */

void
hd_columns_normalize (GObject        *record,
                      const HdColumn *columns,
                      guint           n_columns)
{
  for (guint i = 0; i < n_columns; i++)
    {
      g_autofree char *value = NULL;
      g_autofree char *stripped = NULL;

      if (columns[i].kind != HD_COLUMN_TEXT && columns[i].kind != HD_COLUMN_TEXT_NOT_NULL)
        continue;
      g_object_get (record, columns[i].property, &value, NULL);
      if (columns[i].kind == HD_COLUMN_TEXT)
        stripped = hd_record_strip_or_null (value);
      else
        stripped = value != NULL ? hd_record_strip (value) : g_strdup ("");
      g_object_set (record, columns[i].property, stripped, NULL);
    }
}

/* The setters notify only on change, so copying back after a save is quiet where nothing
 * moved. */
void
hd_columns_copy (GObject        *dest,
                 GObject        *src,
                 const HdColumn *columns,
                 guint           n_columns)
{
  for (guint i = 0; i < n_columns; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_object_get_property (src, columns[i].property, &value);
      g_object_set_property (dest, columns[i].property, &value);
    }
}

static gint64
get_int64 (GObject        *record,
           const HdColumn *column)
{
  switch (column->kind)
    {
    case HD_COLUMN_ID:
    case HD_COLUMN_TIME:
      {
        gint64 v = 0;
        g_object_get (record, column->property, &v, NULL);
        return v;
      }
    case HD_COLUMN_INT:
    case HD_COLUMN_ENUM:
      {
        int v = 0;
        g_object_get (record, column->property, &v, NULL);
        return v;
      }
    case HD_COLUMN_BOOL:
      {
        gboolean v = FALSE;
        g_object_get (record, column->property, &v, NULL);
        return v ? 1 : 0;
      }
    case HD_COLUMN_UINT:
      {
        guint v = 0;
        g_object_get (record, column->property, &v, NULL);
        return v;
      }
    case HD_COLUMN_TEXT:
    case HD_COLUMN_TEXT_NOT_NULL:
    default:
      g_assert_not_reached ();
    }
}

/* The value as the history shows it: enums as keys, numbers in decimal, %NULL when unset. */
char *
hd_column_text (GObject        *record,
                const HdColumn *column)
{
  switch (column->kind)
    {
    case HD_COLUMN_TEXT:
    case HD_COLUMN_TEXT_NOT_NULL:
      {
        g_autofree char *value = NULL;
        g_object_get (record, column->property, &value, NULL);
        return hd_record_strip_or_null (value);
      }
    case HD_COLUMN_ENUM:
      return g_strdup (hd_enum_key (column->enum_kind, (int) get_int64 (record, column)));
    case HD_COLUMN_ID:
    case HD_COLUMN_TIME:
      return hd_record_int_text (get_int64 (record, column), TRUE);
    case HD_COLUMN_INT:
    case HD_COLUMN_BOOL:
    case HD_COLUMN_UINT:
    default:
      return hd_record_int_text (get_int64 (record, column), FALSE);
    }
}

/* Binds ?1 … ?n_columns in the order of @columns */
void
hd_columns_bind (HdStmt         *stmt,
                 GObject        *record,
                 const HdColumn *columns,
                 guint           n_columns)
{
  for (guint i = 0; i < n_columns; i++)
    {
      const HdColumn *column = &columns[i];
      int index = (int) i + 1;

      switch (column->kind)
        {
        case HD_COLUMN_TEXT:
        case HD_COLUMN_TEXT_NOT_NULL:
          {
            g_autofree char *value = NULL;
            g_autofree char *stripped = NULL;

            g_object_get (record, column->property, &value, NULL);
            stripped = hd_record_strip (value);
            if (column->kind == HD_COLUMN_TEXT)
              hd_stmt_bind_text (stmt, index, stripped, TRUE);
            else
              hd_stmt_bind_text (stmt, index, stripped != NULL ? stripped : "", FALSE);
          }
          break;
        case HD_COLUMN_ENUM:
          hd_stmt_bind_text (stmt, index, hd_enum_key (column->enum_kind, (int) get_int64 (record, column)), FALSE);
          break;
        case HD_COLUMN_ID:
        case HD_COLUMN_TIME:
          {
            gint64 v = get_int64 (record, column);

            if (v == 0)
              sqlite3_bind_null (stmt, index);
            else
              sqlite3_bind_int64 (stmt, index, v);
          }
          break;
        case HD_COLUMN_INT:
        case HD_COLUMN_BOOL:
        case HD_COLUMN_UINT:
        default:
          sqlite3_bind_int64 (stmt, index, get_int64 (record, column));
          break;
        }
    }
}

/* Reads result columns 0 … n_columns − 1 in the order of @columns */
void
hd_columns_read (HdStmt         *stmt,
                 GObject        *record,
                 const HdColumn *columns,
                 guint           n_columns)
{
  for (guint i = 0; i < n_columns; i++)
    {
      const HdColumn *column = &columns[i];
      int index = (int) i;

      switch (column->kind)
        {
        case HD_COLUMN_TEXT:
        case HD_COLUMN_TEXT_NOT_NULL:
          g_object_set (record, column->property, hd_stmt_column_text (stmt, index), NULL);
          break;
        case HD_COLUMN_ENUM:
          g_object_set (record, column->property,
                        hd_enum_from_key (column->enum_kind, hd_stmt_column_text (stmt, index)), NULL);
          break;
        case HD_COLUMN_ID:
        case HD_COLUMN_TIME:
          g_object_set (record, column->property, (gint64) sqlite3_column_int64 (stmt, index), NULL);
          break;
        case HD_COLUMN_BOOL:
          g_object_set (record, column->property, (gboolean) (sqlite3_column_int (stmt, index) != 0), NULL);
          break;
        case HD_COLUMN_UINT:
          g_object_set (record, column->property, (guint) sqlite3_column_int64 (stmt, index), NULL);
          break;
        case HD_COLUMN_INT:
        default:
          g_object_set (record, column->property, sqlite3_column_int (stmt, index), NULL);
          break;
        }
    }
}

/* One history row per column whose value differs between @old_record and @new_record. */
gboolean
hd_columns_write_events (HdDatabase      *db,
                         const char      *sql,
                         gint64           record_id,
                         gint64           at,
                         GObject         *old_record,
                         GObject         *new_record,
                         const HdColumn  *columns,
                         guint            n_columns,
                         guint           *n_changes,
                         GError         **error)
{
  guint changes = 0;

  for (guint i = 0; i < n_columns; i++)
    {
      g_autofree char *old_value = hd_column_text (old_record, &columns[i]);
      g_autofree char *new_value = hd_column_text (new_record, &columns[i]);

      if (g_strcmp0 (old_value, new_value) == 0)
        continue;
      changes++;
      if (db != NULL &&
          !hd_record_add_event (db, sql, record_id, at, columns[i].name, old_value, new_value, error))
        return FALSE;
    }
  if (n_changes != NULL)
    *n_changes = changes;
  return TRUE;
}
