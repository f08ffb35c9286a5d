/* hd-reception-hours.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hd-reception-hours"

#include "config.h"

#include <glib/gi18n.h>

#include "hd-date.h"
#include "hd-error.h"
#include "hd-reception-hours.h"
#include "hd-record-private.h"

struct _HdReceptionHours
{
  GObject parent_instance;


  gint64 id;
  int weekday;
  int starts_min;
  int ends_min;
  char *place;
  char *valid_from;
  char *valid_to;
  char *approved_on;
};

G_DEFINE_FINAL_TYPE (HdReceptionHours, hd_reception_hours, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_WEEKDAY,
  PROP_STARTS_MIN,
  PROP_ENDS_MIN,
  PROP_PLACE,
  PROP_VALID_FROM,
  PROP_VALID_TO,
  PROP_APPROVED_ON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* g_set_str() arrived in GLib 2.76 */
static gboolean
set_str (char       **field,
         const char  *value)
{
  char *copy;

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  copy = g_strdup (value);
  g_free (*field);
  *field = copy;
  return TRUE;
}

static void
hd_reception_hours_finalize (GObject *object)
{
  HdReceptionHours *self = (HdReceptionHours *) object;

  g_clear_pointer (&self->place, g_free);
  g_clear_pointer (&self->valid_from, g_free);
  g_clear_pointer (&self->valid_to, g_free);
  g_clear_pointer (&self->approved_on, g_free);

  G_OBJECT_CLASS (hd_reception_hours_parent_class)->finalize (object);
}

static void
hd_reception_hours_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  HdReceptionHours *self = HD_RECEPTION_HOURS (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_WEEKDAY:
      g_value_set_int (value, self->weekday);
      break;

    case PROP_STARTS_MIN:
      g_value_set_int (value, self->starts_min);
      break;

    case PROP_ENDS_MIN:
      g_value_set_int (value, self->ends_min);
      break;

    case PROP_PLACE:
      g_value_set_string (value, self->place);
      break;

    case PROP_VALID_FROM:
      g_value_set_string (value, self->valid_from);
      break;

    case PROP_VALID_TO:
      g_value_set_string (value, self->valid_to);
      break;

    case PROP_APPROVED_ON:
      g_value_set_string (value, self->approved_on);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_reception_hours_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  HdReceptionHours *self = HD_RECEPTION_HOURS (object);

  switch (prop_id)
    {
    case PROP_ID:
      hd_reception_hours_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_WEEKDAY:
      hd_reception_hours_set_weekday (self, g_value_get_int (value));
      break;

    case PROP_STARTS_MIN:
      hd_reception_hours_set_starts_min (self, g_value_get_int (value));
      break;

    case PROP_ENDS_MIN:
      hd_reception_hours_set_ends_min (self, g_value_get_int (value));
      break;

    case PROP_PLACE:
      hd_reception_hours_set_place (self, g_value_get_string (value));
      break;

    case PROP_VALID_FROM:
      hd_reception_hours_set_valid_from (self, g_value_get_string (value));
      break;

    case PROP_VALID_TO:
      hd_reception_hours_set_valid_to (self, g_value_get_string (value));
      break;

    case PROP_APPROVED_ON:
      hd_reception_hours_set_approved_on (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_reception_hours_class_init (HdReceptionHoursClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hd_reception_hours_finalize;
  object_class->get_property = hd_reception_hours_get_property;
  object_class->set_property = hd_reception_hours_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* 1 = Monday … 7 = Sunday */
  properties[PROP_WEEKDAY] =
    g_param_spec_int ("weekday", NULL, NULL,
                      -1, G_MAXINT, 1,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* minutes after midnight, local time */
  properties[PROP_STARTS_MIN] =
    g_param_spec_int ("starts-min", NULL, NULL,
                      -1, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ENDS_MIN] =
    g_param_spec_int ("ends-min", NULL, NULL,
                      -1, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PLACE] =
    g_param_spec_string ("place", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* dates: YYYY-MM-DD; valid_to NULL for open-ended */
  properties[PROP_VALID_FROM] =
    g_param_spec_string ("valid-from", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_VALID_TO] =
    g_param_spec_string ("valid-to", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_APPROVED_ON] =
    g_param_spec_string ("approved-on", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hd_reception_hours_init (HdReceptionHours *self)
{
  self->weekday = 1;
}

/* ---------------------------------------------------------------------------------------- */
/* Public API                                                                                */

HdReceptionHours *
hd_reception_hours_new (void)
{
  return g_object_new (HD_TYPE_RECEPTION_HOURS, NULL);
}

/**
 * hd_reception_hours_copy:
 *
 * A detached copy, e.g. the original an editor compares the edited values with.
 *
 * Returns: (transfer full): the copy
 */
HdReceptionHours *
hd_reception_hours_copy (HdReceptionHours *self)
{
  HdReceptionHours *copy;

  g_return_val_if_fail (HD_IS_RECEPTION_HOURS (self), NULL);

  copy = hd_reception_hours_new ();
  copy->id = self->id;
  copy->weekday = self->weekday;
  copy->starts_min = self->starts_min;
  copy->ends_min = self->ends_min;
  copy->place = g_strdup (self->place);
  copy->valid_from = g_strdup (self->valid_from);
  copy->valid_to = g_strdup (self->valid_to);
  copy->approved_on = g_strdup (self->approved_on);
  return copy;
}

gint64
hd_reception_hours_get_id (HdReceptionHours *self)
{
  g_return_val_if_fail (HD_IS_RECEPTION_HOURS (self), 0);
  return self->id;
}

void
hd_reception_hours_set_id (HdReceptionHours *self,
                          gint64 id)
{
  g_return_if_fail (HD_IS_RECEPTION_HOURS (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

int
hd_reception_hours_get_weekday (HdReceptionHours *self)
{
  g_return_val_if_fail (HD_IS_RECEPTION_HOURS (self), 0);
  return self->weekday;
}

void
hd_reception_hours_set_weekday (HdReceptionHours *self,
                               int weekday)
{
  g_return_if_fail (HD_IS_RECEPTION_HOURS (self));

  if (self->weekday == weekday)
    return;
  self->weekday = weekday;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WEEKDAY]);
}

int
hd_reception_hours_get_starts_min (HdReceptionHours *self)
{
  g_return_val_if_fail (HD_IS_RECEPTION_HOURS (self), 0);
  return self->starts_min;
}

void
hd_reception_hours_set_starts_min (HdReceptionHours *self,
                                  int starts_min)
{
  g_return_if_fail (HD_IS_RECEPTION_HOURS (self));

  if (self->starts_min == starts_min)
    return;
  self->starts_min = starts_min;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STARTS_MIN]);
}

int
hd_reception_hours_get_ends_min (HdReceptionHours *self)
{
  g_return_val_if_fail (HD_IS_RECEPTION_HOURS (self), 0);
  return self->ends_min;
}

void
hd_reception_hours_set_ends_min (HdReceptionHours *self,
                                int ends_min)
{
  g_return_if_fail (HD_IS_RECEPTION_HOURS (self));

  if (self->ends_min == ends_min)
    return;
  self->ends_min = ends_min;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENDS_MIN]);
}

const char *
hd_reception_hours_get_place (HdReceptionHours *self)
{
  g_return_val_if_fail (HD_IS_RECEPTION_HOURS (self), NULL);
  return self->place;
}

void
hd_reception_hours_set_place (HdReceptionHours *self,
                             const char *place)
{
  g_return_if_fail (HD_IS_RECEPTION_HOURS (self));

  if (set_str (&self->place, place))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLACE]);
}

const char *
hd_reception_hours_get_valid_from (HdReceptionHours *self)
{
  g_return_val_if_fail (HD_IS_RECEPTION_HOURS (self), NULL);
  return self->valid_from;
}

void
hd_reception_hours_set_valid_from (HdReceptionHours *self,
                                  const char *valid_from)
{
  g_return_if_fail (HD_IS_RECEPTION_HOURS (self));

  if (set_str (&self->valid_from, valid_from))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID_FROM]);
}

const char *
hd_reception_hours_get_valid_to (HdReceptionHours *self)
{
  g_return_val_if_fail (HD_IS_RECEPTION_HOURS (self), NULL);
  return self->valid_to;
}

void
hd_reception_hours_set_valid_to (HdReceptionHours *self,
                                const char *valid_to)
{
  g_return_if_fail (HD_IS_RECEPTION_HOURS (self));

  if (set_str (&self->valid_to, valid_to))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID_TO]);
}

const char *
hd_reception_hours_get_approved_on (HdReceptionHours *self)
{
  g_return_val_if_fail (HD_IS_RECEPTION_HOURS (self), NULL);
  return self->approved_on;
}

void
hd_reception_hours_set_approved_on (HdReceptionHours *self,
                                   const char *approved_on)
{
  g_return_if_fail (HD_IS_RECEPTION_HOURS (self));

  if (set_str (&self->approved_on, approved_on))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_APPROVED_ON]);
}

/* ---------------------------------------------------------------------------------------- */
/* Validation                                                                                */

/**
 * hd_reception_hours_field_label:
 * @field: a column of `reception_hours`, e.g. `weekday`
 *
 * Returns: the field's translated name, as the preferences and the error messages show it
 */
const char *
hd_reception_hours_field_label (const char *field)
{
  static const struct { const char *field; const char *label; } labels[] = {
    { "weekday", NC_("reception hours field", "Day of the week") },
    { "starts_min", NC_("reception hours field", "From") },
    { "ends_min", NC_("reception hours field", "To") },
    { "place", NC_("reception hours field", "Place") },
    { "valid_from", NC_("reception hours field", "Valid from") },
    { "valid_to", NC_("reception hours field", "Valid until") },
    { "approved_on", NC_("reception hours field", "Approved on") },
  };

  g_return_val_if_fail (field != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].field, field))
      return g_dpgettext2 (GETTEXT_PACKAGE, "reception hours field", labels[i].label);
  return field;
}

/**
 * hd_reception_hours_validate_all:
 *
 * A weekday 1–7, a time of day for the start and an end after it (minutes after midnight),
 * the place's length, a valid_from date, and valid_to and approved_on as dates when given,
 * valid_to not before valid_from.
 *
 * Returns: (transfer full) (element-type GError): one HD_ERROR_INVALID_FIELD error per
 *   invalid field, empty when valid
 */
GPtrArray *
hd_reception_hours_validate_all (HdReceptionHours *self)
{
  GPtrArray *errors;
  GError *error = NULL;
  GDate from, to, approved;

  g_return_val_if_fail (HD_IS_RECEPTION_HOURS (self), NULL);

  errors = hd_check_new ();
  g_date_clear (&from, 1);
  g_date_clear (&to, 1);

  if (self->weekday < 1 || self->weekday > 7)
    {
      /* Translators: %s is the name of a field, e.g. «Тема» */
      hd_error_set_field (&error, "weekday", _("“%s” has a value that is not on the list. "
                                               "Choose one from the list."),
                          hd_reception_hours_field_label ("weekday"));
      hd_check_add (errors, g_steal_pointer (&error));
    }
  if (self->starts_min < 0 || self->starts_min > 24 * 60 - 1)
    {
      /* Translators: %s is the name of a field, e.g. «С» */
      hd_error_set_field (&error, "starts_min", _("“%s” must be a time of day."),
                          hd_reception_hours_field_label ("starts_min"));
      hd_check_add (errors, g_steal_pointer (&error));
    }
  else if (self->ends_min <= self->starts_min || self->ends_min > 24 * 60)
    {
      /* Translators: %s is the name of a field, e.g. «Окончание» */
      hd_error_set_field (&error, "ends_min", _("“%s” must be later than the start."),
                          hd_reception_hours_field_label ("ends_min"));
      hd_check_add (errors, g_steal_pointer (&error));
    }
  hd_check_text (errors, self->place, "place", hd_reception_hours_field_label ("place"),
                 FALSE, HD_MAX_SHORT);
  if (hd_check_date (errors, self->valid_from, "valid_from",
                     hd_reception_hours_field_label ("valid_from"), TRUE, &from) &&
      hd_check_date (errors, self->valid_to, "valid_to",
                     hd_reception_hours_field_label ("valid_to"), FALSE, &to) &&
      g_date_valid (&to) && g_date_compare (&to, &from) < 0)
    {
      /* Translators: %s is the name of a field, e.g. «Действует по» */
      hd_error_set_field (&error, "valid_to", _("“%s” cannot be earlier than the date the "
                                                "schedule takes effect."),
                          hd_reception_hours_field_label ("valid_to"));
      hd_check_add (errors, g_steal_pointer (&error));
    }
  hd_check_date (errors, self->approved_on, "approved_on",
                 hd_reception_hours_field_label ("approved_on"), FALSE, &approved);

  return errors;
}

gboolean
hd_reception_hours_validate (HdReceptionHours  *self,
                             GError           **error)
{
  g_return_val_if_fail (HD_IS_RECEPTION_HOURS (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return hd_check_finish (hd_reception_hours_validate_all (self), error);
}

/* ---------------------------------------------------------------------------------------- */
/* Store                                                                                     */

static const HdColumn columns[] = {
  { "weekday", "weekday", HD_COLUMN_INT, 0 },
  { "starts_min", "starts-min", HD_COLUMN_INT, 0 },
  { "ends_min", "ends-min", HD_COLUMN_INT, 0 },
  { "place", "place", HD_COLUMN_TEXT_NOT_NULL, 0 },
  { "valid_from", "valid-from", HD_COLUMN_TEXT, 0 },
  { "valid_to", "valid-to", HD_COLUMN_TEXT, 0 },
  { "approved_on", "approved-on", HD_COLUMN_TEXT, 0 },
};
#define N_COLUMNS ((int) G_N_ELEMENTS (columns))

#define SELECT_HOURS \
  "SELECT weekday, starts_min, ends_min, place, valid_from, valid_to, approved_on, id" \
  " FROM reception_hours"

static HdReceptionHours *
hours_from_row (HdStmt *stmt)
{
  HdReceptionHours *hours = hd_reception_hours_new ();

  hd_columns_read (stmt, G_OBJECT (hours), columns, N_COLUMNS);
  hd_reception_hours_set_id (hours, sqlite3_column_int64 (stmt, N_COLUMNS));
  return hours;
}

static GPtrArray *
list_rows (HdDatabase  *db,
           HdStmt      *stmt,
           GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = hd_database_step (db, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (rows, hours_from_row (stmt));
  if (rc != SQLITE_DONE)
    return NULL;
  return g_steal_pointer (&rows);
}

static void
set_not_found (GError **error)
{
  g_set_error_literal (error, HD_ERROR, HD_ERROR_NOT_FOUND,
                       _("The line of the reception hours was not found. "
                         "It may have been removed."));
}

HdReceptionHours *
hd_reception_hours_store_get (HdDatabase  *db,
                              gint64       id,
                              GError     **error)
{
  g_autoptr(HdStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (HD_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = hd_database_prepare (db, SELECT_HOURS " WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = hd_database_step (db, stmt, error);
  if (rc == SQLITE_ROW)
    return hours_from_row (stmt);
  if (rc == SQLITE_DONE)
    set_not_found (error);
  return NULL;
}

/**
 * hd_reception_hours_store_list:
 *
 * Every row, past and future schedules, newest schedule first, then by weekday and time.
 *
 * Returns: (transfer full) (element-type HdReceptionHours): the rows, or %NULL on error
 */
GPtrArray *
hd_reception_hours_store_list (HdDatabase  *db,
                               GError     **error)
{
  g_autoptr(HdStmt) stmt = NULL;

  g_return_val_if_fail (HD_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = hd_database_prepare (db, SELECT_HOURS " ORDER BY valid_from DESC, weekday, starts_min, id", error);
  if (stmt == NULL)
    return NULL;
  return list_rows (db, stmt, error);
}

/**
 * hd_reception_hours_store_list_valid_on:
 * @date: a day
 *
 * The weekly schedule in force on @date: the rows valid on it, for every weekday, by weekday
 * and time.
 *
 * Returns: (transfer full) (element-type HdReceptionHours): the rows, or %NULL on error
 */
GPtrArray *
hd_reception_hours_store_list_valid_on (HdDatabase   *db,
                                        const GDate  *date,
                                        GError      **error)
{
  g_autoptr(HdStmt) stmt = NULL;
  g_autofree char *iso = NULL;

  g_return_val_if_fail (HD_IS_DATABASE (db), NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = hd_database_prepare (db,
                              SELECT_HOURS
                              " WHERE valid_from <= ?1 AND (valid_to IS NULL OR valid_to >= ?1)"
                              "   AND (?2 = 0 OR weekday = ?2)"
                              " ORDER BY weekday, starts_min, id",
                              error);
  if (stmt == NULL)
    return NULL;
  iso = hd_date_to_iso (date);
  hd_stmt_bind_text (stmt, 1, iso, FALSE);
  sqlite3_bind_int (stmt, 2, 0);
  return list_rows (db, stmt, error);
}

/**
 * hd_reception_hours_store_list_for_day:
 * @day: a day
 *
 * The reception hours of @day's weekday valid on @day, by time. Whether the day is a working
 * day, or a working Saturday that takes another weekday's hours, is the calendar's business.
 *
 * Returns: (transfer full) (element-type HdReceptionHours): the rows, or %NULL on error
 */
GPtrArray *
hd_reception_hours_store_list_for_day (HdDatabase   *db,
                                       const GDate  *day,
                                       GError      **error)
{
  g_autoptr(HdStmt) stmt = NULL;
  g_autofree char *iso = NULL;

  g_return_val_if_fail (HD_IS_DATABASE (db), NULL);
  g_return_val_if_fail (day != NULL && g_date_valid (day), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = hd_database_prepare (db,
                              SELECT_HOURS
                              " WHERE valid_from <= ?1 AND (valid_to IS NULL OR valid_to >= ?1)"
                              "   AND (?2 = 0 OR weekday = ?2)"
                              " ORDER BY weekday, starts_min, id",
                              error);
  if (stmt == NULL)
    return NULL;
  iso = hd_date_to_iso (day);
  hd_stmt_bind_text (stmt, 1, iso, FALSE);
  sqlite3_bind_int (stmt, 2, g_date_get_weekday (day));  /* G_DATE_MONDAY is 1 */
  return list_rows (db, stmt, error);
}

/**
 * hd_reception_hours_store_save:
 *
 * Validates @hours and inserts it (id 0; the id is set) or updates it. Nothing is written when
 * a field is invalid.
 */
gboolean
hd_reception_hours_store_save (HdDatabase        *db,
                               HdReceptionHours  *hours,
                               GError           **error)
{
  g_autoptr(HdStmt) stmt = NULL;
  gint64 id;

  g_return_val_if_fail (HD_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (HD_IS_RECEPTION_HOURS (hours), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!hd_reception_hours_validate (hours, error))
    return FALSE;

  id = hd_reception_hours_get_id (hours);
  if (id == 0)
    stmt = hd_database_prepare (db,
                                "INSERT INTO reception_hours (weekday, starts_min, ends_min, place,"
                                " valid_from, valid_to, approved_on) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                error);
  else
    stmt = hd_database_prepare (db,
                                "UPDATE reception_hours SET weekday = ?1, starts_min = ?2, ends_min = ?3,"
                                " place = ?4, valid_from = ?5, valid_to = ?6, approved_on = ?7"
                                " WHERE id = ?8",
                                error);
  if (stmt == NULL)
    return FALSE;
  hd_columns_bind (stmt, G_OBJECT (hours), columns, N_COLUMNS);
  if (id != 0)
    sqlite3_bind_int64 (stmt, N_COLUMNS + 1, id);
  if (!hd_database_step_done (db, stmt, error))
    return FALSE;
  if (id == 0)
    hd_reception_hours_set_id (hours, hd_database_last_insert_id (db));
  else if (sqlite3_changes (hd_database_get_handle (db)) == 0)
    {
      set_not_found (error);
      return FALSE;
    }
  hd_columns_normalize (G_OBJECT (hours), columns, N_COLUMNS);
  return TRUE;
}

gboolean
hd_reception_hours_store_delete (HdDatabase  *db,
                                 gint64       id,
                                 GError     **error)
{
  g_autoptr(HdStmt) stmt = NULL;

  g_return_val_if_fail (HD_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = hd_database_prepare (db, "DELETE FROM reception_hours WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!hd_database_step_done (db, stmt, error))
    return FALSE;
  if (sqlite3_changes (hd_database_get_handle (db)) == 0)
    {
      set_not_found (error);
      return FALSE;
    }
  return TRUE;
}
