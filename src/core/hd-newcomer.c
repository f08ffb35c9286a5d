/* hd-newcomer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hd-newcomer"

#include "config.h"

#include <glib/gi18n.h>

#include "hd-date.h"
#include "hd-error.h"
#include "hd-newcomer.h"
#include "hd-record-private.h"

struct _HdNewcomer
{
  GObject parent_instance;


  gint64 id;
  gint64 person_id;
  char *person_name;
  char *started_on;
  char *due_on;
  char *trained_on;
  char *trainer;
  guint checklist;
  char *notes;
  gboolean archived;
  gint64 created_at;
  gint64 updated_at;
};

G_DEFINE_FINAL_TYPE (HdNewcomer, hd_newcomer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PERSON_ID,
  PROP_PERSON_NAME,
  PROP_STARTED_ON,
  PROP_DUE_ON,
  PROP_TRAINED_ON,
  PROP_TRAINER,
  PROP_CHECKLIST,
  PROP_NOTES,
  PROP_ARCHIVED,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
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
hd_newcomer_finalize (GObject *object)
{
  HdNewcomer *self = (HdNewcomer *) object;

  g_clear_pointer (&self->person_name, g_free);
  g_clear_pointer (&self->started_on, g_free);
  g_clear_pointer (&self->due_on, g_free);
  g_clear_pointer (&self->trained_on, g_free);
  g_clear_pointer (&self->trainer, g_free);
  g_clear_pointer (&self->notes, g_free);

  G_OBJECT_CLASS (hd_newcomer_parent_class)->finalize (object);
}

static void
hd_newcomer_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  HdNewcomer *self = HD_NEWCOMER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;

    case PROP_PERSON_NAME:
      g_value_set_string (value, self->person_name);
      break;

    case PROP_STARTED_ON:
      g_value_set_string (value, self->started_on);
      break;

    case PROP_DUE_ON:
      g_value_set_string (value, self->due_on);
      break;

    case PROP_TRAINED_ON:
      g_value_set_string (value, self->trained_on);
      break;

    case PROP_TRAINER:
      g_value_set_string (value, self->trainer);
      break;

    case PROP_CHECKLIST:
      g_value_set_uint (value, self->checklist);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    case PROP_ARCHIVED:
      g_value_set_boolean (value, self->archived);
      break;

    case PROP_CREATED_AT:
      g_value_set_int64 (value, self->created_at);
      break;

    case PROP_UPDATED_AT:
      g_value_set_int64 (value, self->updated_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_newcomer_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  HdNewcomer *self = HD_NEWCOMER (object);

  switch (prop_id)
    {
    case PROP_ID:
      hd_newcomer_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_PERSON_ID:
      hd_newcomer_set_person_id (self, g_value_get_int64 (value));
      break;

    case PROP_PERSON_NAME:
      hd_newcomer_set_person_name (self, g_value_get_string (value));
      break;

    case PROP_STARTED_ON:
      hd_newcomer_set_started_on (self, g_value_get_string (value));
      break;

    case PROP_DUE_ON:
      hd_newcomer_set_due_on (self, g_value_get_string (value));
      break;

    case PROP_TRAINED_ON:
      hd_newcomer_set_trained_on (self, g_value_get_string (value));
      break;

    case PROP_TRAINER:
      hd_newcomer_set_trainer (self, g_value_get_string (value));
      break;

    case PROP_CHECKLIST:
      hd_newcomer_set_checklist (self, g_value_get_uint (value));
      break;

    case PROP_NOTES:
      hd_newcomer_set_notes (self, g_value_get_string (value));
      break;

    case PROP_ARCHIVED:
      hd_newcomer_set_archived (self, g_value_get_boolean (value));
      break;

    case PROP_CREATED_AT:
      hd_newcomer_set_created_at (self, g_value_get_int64 (value));
      break;

    case PROP_UPDATED_AT:
      hd_newcomer_set_updated_at (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_newcomer_class_init (HdNewcomerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hd_newcomer_finalize;
  object_class->get_property = hd_newcomer_get_property;
  object_class->set_property = hd_newcomer_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* a staff member of people */
  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* filled in by the store */
  properties[PROP_PERSON_NAME] =
    g_param_spec_string ("person-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* dates: YYYY-MM-DD */
  properties[PROP_STARTED_ON] =
    g_param_spec_string ("started-on", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* computed by the store from started_on */
  properties[PROP_DUE_ON] =
    g_param_spec_string ("due-on", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* NULL until trained */
  properties[PROP_TRAINED_ON] =
    g_param_spec_string ("trained-on", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TRAINER] =
    g_param_spec_string ("trainer", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* a mask of 1 << HdChecklistItem */
  properties[PROP_CHECKLIST] =
    g_param_spec_uint ("checklist", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ARCHIVED] =
    g_param_spec_boolean ("archived", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_UPDATED_AT] =
    g_param_spec_int64 ("updated-at", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hd_newcomer_init (HdNewcomer *self)
{
}

/* ---------------------------------------------------------------------------------------- */
/* Public API                                                                                */

HdNewcomer *
hd_newcomer_new (void)
{
  return g_object_new (HD_TYPE_NEWCOMER, NULL);
}

/**
 * hd_newcomer_copy:
 *
 * A detached copy, e.g. the original an editor compares the edited values with.
 *
 * Returns: (transfer full): the copy
 */
HdNewcomer *
hd_newcomer_copy (HdNewcomer *self)
{
  HdNewcomer *copy;

  g_return_val_if_fail (HD_IS_NEWCOMER (self), NULL);

  copy = hd_newcomer_new ();
  copy->id = self->id;
  copy->person_id = self->person_id;
  copy->person_name = g_strdup (self->person_name);
  copy->started_on = g_strdup (self->started_on);
  copy->due_on = g_strdup (self->due_on);
  copy->trained_on = g_strdup (self->trained_on);
  copy->trainer = g_strdup (self->trainer);
  copy->checklist = self->checklist;
  copy->notes = g_strdup (self->notes);
  copy->archived = self->archived;
  copy->created_at = self->created_at;
  copy->updated_at = self->updated_at;
  return copy;
}

gint64
hd_newcomer_get_id (HdNewcomer *self)
{
  g_return_val_if_fail (HD_IS_NEWCOMER (self), 0);
  return self->id;
}

void
hd_newcomer_set_id (HdNewcomer *self,
                   gint64 id)
{
  g_return_if_fail (HD_IS_NEWCOMER (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
hd_newcomer_get_person_id (HdNewcomer *self)
{
  g_return_val_if_fail (HD_IS_NEWCOMER (self), 0);
  return self->person_id;
}

void
hd_newcomer_set_person_id (HdNewcomer *self,
                          gint64 person_id)
{
  g_return_if_fail (HD_IS_NEWCOMER (self));

  if (self->person_id == person_id)
    return;
  self->person_id = person_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_ID]);
}

const char *
hd_newcomer_get_person_name (HdNewcomer *self)
{
  g_return_val_if_fail (HD_IS_NEWCOMER (self), NULL);
  return self->person_name;
}

void
hd_newcomer_set_person_name (HdNewcomer *self,
                            const char *person_name)
{
  g_return_if_fail (HD_IS_NEWCOMER (self));

  if (set_str (&self->person_name, person_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_NAME]);
}

const char *
hd_newcomer_get_started_on (HdNewcomer *self)
{
  g_return_val_if_fail (HD_IS_NEWCOMER (self), NULL);
  return self->started_on;
}

void
hd_newcomer_set_started_on (HdNewcomer *self,
                           const char *started_on)
{
  g_return_if_fail (HD_IS_NEWCOMER (self));

  if (set_str (&self->started_on, started_on))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STARTED_ON]);
}

const char *
hd_newcomer_get_due_on (HdNewcomer *self)
{
  g_return_val_if_fail (HD_IS_NEWCOMER (self), NULL);
  return self->due_on;
}

void
hd_newcomer_set_due_on (HdNewcomer *self,
                       const char *due_on)
{
  g_return_if_fail (HD_IS_NEWCOMER (self));

  if (set_str (&self->due_on, due_on))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DUE_ON]);
}

const char *
hd_newcomer_get_trained_on (HdNewcomer *self)
{
  g_return_val_if_fail (HD_IS_NEWCOMER (self), NULL);
  return self->trained_on;
}

void
hd_newcomer_set_trained_on (HdNewcomer *self,
                           const char *trained_on)
{
  g_return_if_fail (HD_IS_NEWCOMER (self));

  if (set_str (&self->trained_on, trained_on))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRAINED_ON]);
}

const char *
hd_newcomer_get_trainer (HdNewcomer *self)
{
  g_return_val_if_fail (HD_IS_NEWCOMER (self), NULL);
  return self->trainer;
}

void
hd_newcomer_set_trainer (HdNewcomer *self,
                        const char *trainer)
{
  g_return_if_fail (HD_IS_NEWCOMER (self));

  if (set_str (&self->trainer, trainer))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRAINER]);
}

guint
hd_newcomer_get_checklist (HdNewcomer *self)
{
  g_return_val_if_fail (HD_IS_NEWCOMER (self), 0);
  return self->checklist;
}

void
hd_newcomer_set_checklist (HdNewcomer *self,
                          guint checklist)
{
  g_return_if_fail (HD_IS_NEWCOMER (self));

  if (self->checklist == checklist)
    return;
  self->checklist = checklist;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKLIST]);
}

const char *
hd_newcomer_get_notes (HdNewcomer *self)
{
  g_return_val_if_fail (HD_IS_NEWCOMER (self), NULL);
  return self->notes;
}

void
hd_newcomer_set_notes (HdNewcomer *self,
                      const char *notes)
{
  g_return_if_fail (HD_IS_NEWCOMER (self));

  if (set_str (&self->notes, notes))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

gboolean
hd_newcomer_get_archived (HdNewcomer *self)
{
  g_return_val_if_fail (HD_IS_NEWCOMER (self), FALSE);
  return self->archived;
}

void
hd_newcomer_set_archived (HdNewcomer *self,
                         gboolean archived)
{
  g_return_if_fail (HD_IS_NEWCOMER (self));

  archived = !!archived;
  if (self->archived == archived)
    return;
  self->archived = archived;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARCHIVED]);
}

gint64
hd_newcomer_get_created_at (HdNewcomer *self)
{
  g_return_val_if_fail (HD_IS_NEWCOMER (self), 0);
  return self->created_at;
}

void
hd_newcomer_set_created_at (HdNewcomer *self,
                           gint64 created_at)
{
  g_return_if_fail (HD_IS_NEWCOMER (self));

  if (self->created_at == created_at)
    return;
  self->created_at = created_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
}

gint64
hd_newcomer_get_updated_at (HdNewcomer *self)
{
  g_return_val_if_fail (HD_IS_NEWCOMER (self), 0);
  return self->updated_at;
}

void
hd_newcomer_set_updated_at (HdNewcomer *self,
                           gint64 updated_at)
{
  g_return_if_fail (HD_IS_NEWCOMER (self));

  if (self->updated_at == updated_at)
    return;
  self->updated_at = updated_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
}

/* ---------------------------------------------------------------------------------------- */
/* The checklist                                                                             */

static const struct {
  const char *key;
  const char *label;
} checklist_items[] = {
  { "sign_in", NC_("checklist item", "Signing in to the journal") },
  { "schedule", NC_("checklist item", "Schedule") },
  { "grades_current", NC_("checklist item", "Current grades") },
  { "grades_final", NC_("checklist item", "Final grades") },
  { "attendance", NC_("checklist item", "Attendance") },
  { "lesson_planning", NC_("checklist item", "Lesson planning") },
  { "lessons", NC_("checklist item", "Conducting lessons") },
  { "timeliness", NC_("checklist item", "Entering data on time") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (checklist_items) == HD_N_CHECKLIST_ITEMS);

/**
 * hd_checklist_item_key:
 *
 * Returns: (nullable): a stable key of @item (`sign_in`, …), e.g. for export
 */
const char *
hd_checklist_item_key (HdChecklistItem item)
{
  if ((guint) item >= HD_N_CHECKLIST_ITEMS)
    return NULL;
  return checklist_items[item].key;
}

/**
 * hd_checklist_item_label:
 *
 * Returns: (nullable): the translated name of @item, for the editor and the sign-off sheet
 */
const char *
hd_checklist_item_label (HdChecklistItem item)
{
  if ((guint) item >= HD_N_CHECKLIST_ITEMS)
    return NULL;
  return g_dpgettext2 (GETTEXT_PACKAGE, "checklist item", checklist_items[item].label);
}

/**
 * hd_checklist_describe:
 * @mask: items, `1 << item` each
 *
 * Returns: (transfer full): the translated names of the items in @mask, comma-separated
 */
char *
hd_checklist_describe (guint mask)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < HD_N_CHECKLIST_ITEMS; i++)
    if (mask & HD_CHECKLIST_BIT (i))
      {
        if (out->len > 0)
          g_string_append (out, ", ");
        g_string_append (out, hd_checklist_item_label (i));
      }
  return g_string_free (out, FALSE);
}

/* ---------------------------------------------------------------------------------------- */
/* Validation                                                                                */

/**
 * hd_newcomer_field_label:
 * @field: a column of `newcomers`, e.g. `started_on`
 *
 * Returns: the field's translated name, as the editor and the error messages show it
 */
const char *
hd_newcomer_field_label (const char *field)
{
  static const struct { const char *field; const char *label; } labels[] = {
    { "person_id", NC_("newcomer field", "Staff member") },
    { "started_on", NC_("newcomer field", "Start date") },
    { "due_on", NC_("newcomer field", "Train by") },
    { "trained_on", NC_("newcomer field", "Date trained") },
    { "trainer", NC_("newcomer field", "Trained by") },
    { "checklist", NC_("newcomer field", "Training covered") },
    { "notes", NC_("newcomer field", "Notes") },
  };

  g_return_val_if_fail (field != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].field, field))
      return g_dpgettext2 (GETTEXT_PACKAGE, "newcomer field", labels[i].label);
  return field;
}

/**
 * hd_newcomer_validate_all:
 * @today: today's date in the school's time zone
 * @mandatory: the checklist items that must be ticked before the training is done
 *
 * Checks every rule that needs no database: a staff member is chosen; the start date is
 * given as YYYY-MM-DD, not before 2000 and not more than a year ahead; the date trained, when
 * given, is a date, not before the start and not after @today, and the @mandatory items are
 * ticked; the lengths of the trainer and the notes.
 *
 * Returns: (transfer full) (element-type GError): one HD_ERROR_INVALID_FIELD error per
 *   invalid field, empty when valid
 */
GPtrArray *
hd_newcomer_validate_all (HdNewcomer  *self,
                          const GDate *today,
                          guint        mandatory)
{
  GPtrArray *errors;
  GError *error = NULL;
  GDate started, trained;
  gboolean started_ok, trained_ok;

  g_return_val_if_fail (HD_IS_NEWCOMER (self), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  errors = hd_check_new ();
  g_date_clear (&started, 1);
  g_date_clear (&trained, 1);

  if (self->person_id <= 0)
    {
      /* Translators: %s is the name of a field, e.g. «Сотрудник» */
      hd_error_set_field (&error, "person_id", _("Choose a person in “%s”."),
                          hd_newcomer_field_label ("person_id"));
      hd_check_add (errors, g_steal_pointer (&error));
    }

  started_ok = hd_check_date (errors, self->started_on, "started_on",
                              hd_newcomer_field_label ("started_on"), TRUE, &started);
  if (started_ok)
    {
      GDate latest = *today;

      g_date_add_days (&latest, 366);
      if (g_date_get_year (&started) < 2000)
        {
          /* Translators: %s is the name of a field, e.g. «Дата вступления в должность» */
          hd_error_set_field (&error, "started_on", _("“%s” is before the year 2000. Check the date."),
                              hd_newcomer_field_label ("started_on"));
          hd_check_add (errors, g_steal_pointer (&error));
          started_ok = FALSE;
        }
      else if (g_date_compare (&started, &latest) > 0)
        {
          /* Translators: %s is the name of a field, e.g. «Дата вступления в должность» */
          hd_error_set_field (&error, "started_on", _("“%s” is more than a year ahead. Check the date."),
                              hd_newcomer_field_label ("started_on"));
          hd_check_add (errors, g_steal_pointer (&error));
          started_ok = FALSE;
        }
    }

  trained_ok = hd_check_date (errors, self->trained_on, "trained_on",
                              hd_newcomer_field_label ("trained_on"), FALSE, &trained);
  if (trained_ok && g_date_valid (&trained))
    {
      if (started_ok && g_date_compare (&trained, &started) < 0)
        {
          /* Translators: %s is the name of a field, e.g. «Дата обучения» */
          hd_error_set_field (&error, "trained_on", _("“%s” cannot be earlier than the start date."),
                              hd_newcomer_field_label ("trained_on"));
          hd_check_add (errors, g_steal_pointer (&error));
        }
      else if (g_date_compare (&trained, today) > 0)
        {
          /* Translators: %s is the name of a field, e.g. «Дата обучения» */
          hd_error_set_field (&error, "trained_on", _("“%s” cannot be in the future."),
                              hd_newcomer_field_label ("trained_on"));
          hd_check_add (errors, g_steal_pointer (&error));
        }
    }

  if ((self->checklist & ~HD_CHECKLIST_ALL) != 0)
    {
      /* Translators: %s is the name of a field, e.g. «Пройденные темы» */
      hd_error_set_field (&error, "checklist", _("“%s” has a value that is not on the list. "
                                                 "Choose one from the list."),
                          hd_newcomer_field_label ("checklist"));
      hd_check_add (errors, g_steal_pointer (&error));
    }
  else if (trained_ok && g_date_valid (&trained) &&
           (self->checklist & mandatory & HD_CHECKLIST_ALL) != (mandatory & HD_CHECKLIST_ALL))
    {
      g_autofree char *missing = hd_checklist_describe (mandatory & ~self->checklist & HD_CHECKLIST_ALL);

      /* Translators: %s lists the training items still to tick, e.g. «Расписание, Посещаемость» */
      hd_error_set_field (&error, "checklist", _("Tick the mandatory items before marking the "
                                                 "training done: %s."), missing);
      hd_check_add (errors, g_steal_pointer (&error));
    }

  hd_check_text (errors, self->trainer, "trainer", hd_newcomer_field_label ("trainer"),
                 FALSE, HD_MAX_NAME);
  hd_check_text (errors, self->notes, "notes", hd_newcomer_field_label ("notes"),
                 FALSE, HD_MAX_NOTES);

  return errors;
}
