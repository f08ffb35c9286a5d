/* hd-context.c — the application's one data object, handed to every view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Views never reach into the window or into each other: they get an HdContext as their
 * `context` property and read the database, the GSettings and (later) the shared list models
 * from it. The database is opened in a worker thread after the window has painted, so it is
 * %NULL for a moment; the window hands the context to the views only once it is set.
 */
#define G_LOG_DOMAIN "hd-context"

#include "config.h"

#include <glib/gi18n.h>

#include "hd-context.h"
#include "hd-settings-keys.h"
#include "hd-terms.h"
#include "hd-workdays.h"

struct _HdContext
{
  GObject parent_instance;

  /* Owned */
  HdDatabase *database;
  GSettings  *settings;
  GTimeZone  *time_zone;   /* the school's, from the time-zone setting; NULL until asked */
  gint64      clock;       /* a fixed "now" for tests and demonstrations; 0: the real time */
  HdWorkdays *workdays;    /* the production calendar with the database's overrides; NULL until asked */
};

G_DEFINE_FINAL_TYPE (HdContext, hd_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_SETTINGS,
  N_PROPS
};

enum {
  SETTING_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const struct {
  const char *key;
  const char *value;
} defaults[] = {
  { HD_SETTING_SCHOOL_NAME, HD_DEFAULT_SCHOOL_NAME },
  { HD_SETTING_CONSULTANT_NAME, HD_DEFAULT_CONSULTANT_NAME },
  { HD_SETTING_SUPPORT_PHONE, HD_DEFAULT_SUPPORT_PHONE },
  { HD_SETTING_SUPPORT_EMAIL, HD_DEFAULT_SUPPORT_EMAIL },
  { HD_SETTING_DEADLINE_DAYS, G_STRINGIFY (HD_DEFAULT_DEADLINE_DAYS) },
};

static const char *
default_for (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (defaults); i++)
    if (g_str_equal (defaults[i].key, key))
      return defaults[i].value;
  return NULL;
}

static void
hd_context_dispose (GObject *object)
{
  HdContext *self = HD_CONTEXT (object);

  g_clear_pointer (&self->time_zone, g_time_zone_unref);
  g_clear_object (&self->workdays);
  g_clear_object (&self->database);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (hd_context_parent_class)->dispose (object);
}

static void
hd_context_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  HdContext *self = HD_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_context_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  HdContext *self = HD_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      hd_context_set_database (self, g_value_get_object (value));
      break;

    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_context_class_init (HdContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hd_context_dispose;
  object_class->get_property = hd_context_get_property;
  object_class->set_property = hd_context_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         HD_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HdContext::setting-changed:
   * @key: the key of the settings table that changed, also the signal's detail
   *
   * Emitted after hd_context_set_setting() stored a new value, so that views showing the
   * school's name or the onboarding deadline can refresh.
   */
  signals[SETTING_CHANGED] =
    g_signal_new ("setting-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
hd_context_init (HdContext *self)
{
}

HdContext *
hd_context_new (GSettings *settings)
{
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  return g_object_new (HD_TYPE_CONTEXT, "settings", settings, NULL);
}

/**
 * hd_context_get_database:
 *
 * Returns: (transfer none) (nullable): the open database; %NULL only while it is being opened
 */
HdDatabase *
hd_context_get_database (HdContext *self)
{
  g_return_val_if_fail (HD_IS_CONTEXT (self), NULL);
  return self->database;
}

void
hd_context_set_database (HdContext  *self,
                         HdDatabase *database)
{
  g_return_if_fail (HD_IS_CONTEXT (self));
  g_return_if_fail (database == NULL || HD_IS_DATABASE (database));

  if (g_set_object (&self->database, database))
    {
      g_autoptr(GError) error = NULL;

      /* The overrides are the database's own (a restored backup has others). Views borrow the
       * calendar, so it is reloaded in place, never replaced. */
      if (self->workdays != NULL && database != NULL &&
          !hd_workdays_load_overrides (self->workdays, database, &error))
        g_warning ("The school's calendar days were not read: %s", error->message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
    }
}

/**
 * hd_context_get_workdays:
 *
 * The one production calendar every view and dialog shares, with the school's overrides of the
 * context's database: the Preferences change it in place and its #HdWorkdays::changed reaches
 * everyone. Loaded on first use; it lives as long as the context, so callers may keep the
 * pointer.
 *
 * Returns: (transfer none) (nullable): the calendar; %NULL with @error when the calendar file
 *   is missing or the overrides cannot be read
 */
HdWorkdays *
hd_context_get_workdays (HdContext  *self,
                         GError    **error)
{
  g_autoptr(HdWorkdays) loaded = NULL;

  g_return_val_if_fail (HD_IS_CONTEXT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (self->workdays != NULL)
    return self->workdays;

  loaded = hd_workdays_new (error);
  if (loaded == NULL)
    return NULL;
  if (self->database != NULL && !hd_workdays_load_overrides (loaded, self->database, error))
    return NULL;

  self->workdays = g_steal_pointer (&loaded);
  return self->workdays;
}

/**
 * hd_context_get_settings:
 *
 * Returns: (transfer none) (nullable): the application's GSettings (window state only; the
 *   school's preferences are in the database)
 */
GSettings *
hd_context_get_settings (HdContext *self)
{
  g_return_val_if_fail (HD_IS_CONTEXT (self), NULL);
  return self->settings;
}

/**
 * hd_context_get_setting:
 * @key: a key of hd-settings-keys.h
 *
 * Returns: (transfer full): the stored value, or the key's default when none is stored
 */
char *
hd_context_get_setting (HdContext  *self,
                        const char *key)
{
  g_return_val_if_fail (HD_IS_CONTEXT (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (self->database == NULL)
    return g_strdup (default_for (key));
  return hd_database_get_setting (self->database, key, default_for (key));
}

int
hd_context_get_setting_int (HdContext  *self,
                            const char *key)
{
  const char *fallback;
  gint64 value = 0;

  g_return_val_if_fail (HD_IS_CONTEXT (self), 0);
  g_return_val_if_fail (key != NULL, 0);

  fallback = default_for (key);
  if (fallback != NULL)
    g_ascii_string_to_signed (fallback, 10, G_MININT, G_MAXINT, &value, NULL);
  if (self->database == NULL)
    return (int) value;
  return hd_database_get_setting_int (self->database, key, (int) value);
}

/**
 * hd_context_set_setting:
 * @key: a key of hd-settings-keys.h
 * @value: (nullable): the new value; %NULL goes back to the default
 *
 * Stores a preference in the database and emits #HdContext::setting-changed when it changed.
 */
gboolean
hd_context_set_setting (HdContext   *self,
                        const char  *key,
                        const char  *value,
                        GError     **error)
{
  g_autofree char *old = NULL;
  g_autofree char *new = NULL;

  g_return_val_if_fail (HD_IS_CONTEXT (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->database == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PENDING,
                           _("The database is still being opened. Try again in a moment."));
      return FALSE;
    }

  old = hd_context_get_setting (self, key);
  if (!hd_database_set_setting (self->database, key, value, error))
    return FALSE;
  new = hd_context_get_setting (self, key);

  if (g_strcmp0 (old, new) != 0)
    {
      if (g_str_equal (key, HD_SETTING_TIME_ZONE))
        g_clear_pointer (&self->time_zone, g_time_zone_unref);
      g_signal_emit (self, signals[SETTING_CHANGED], g_quark_from_string (key), key);
    }
  return TRUE;
}

/**
 * hd_context_get_time_zone:
 *
 * The school's time zone (the `time-zone` setting, Asia/Yakutsk by default). Every time the
 * app shows or reads is in this zone, as the statistics count days in it, whatever zone the
 * computer is set to.
 *
 * Returns: (transfer none): the time zone
 */
GTimeZone *
hd_context_get_time_zone (HdContext *self)
{
  g_return_val_if_fail (HD_IS_CONTEXT (self), NULL);

  if (self->time_zone == NULL)
    {
      g_autofree char *name = hd_context_get_setting (self, HD_SETTING_TIME_ZONE);

      if (name != NULL && *name != '\0')
        self->time_zone = g_time_zone_new_identifier (name);
      if (self->time_zone == NULL)
        self->time_zone = g_time_zone_new_identifier (HD_TERMS_DEFAULT_TIME_ZONE);
      if (self->time_zone == NULL)
        self->time_zone = g_time_zone_new_local ();
    }
  return self->time_zone;
}

/**
 * hd_context_date_time:
 * @unix_seconds: an instant
 *
 * Returns: (transfer full): @unix_seconds in the school's time zone
 */
GDateTime *
hd_context_date_time (HdContext *self,
                      gint64     unix_seconds)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_seconds);

  g_return_val_if_fail (HD_IS_CONTEXT (self), NULL);
  if (utc == NULL)
    return NULL;
  return g_date_time_to_timezone (utc, hd_context_get_time_zone (self));
}

/**
 * hd_context_get_now:
 *
 * Returns: the current instant (Unix seconds) as the views should see it: the real time, or
 *   the one fixed with hd_context_set_clock()
 */
gint64
hd_context_get_now (HdContext *self)
{
  g_return_val_if_fail (HD_IS_CONTEXT (self), 0);

  if (self->clock != 0)
    return self->clock;
  return g_get_real_time () / G_USEC_PER_SEC;
}

/**
 * hd_context_set_clock:
 * @now: the instant to take as now, or 0 for the real time
 *
 * Fixes the views' "today", so that a test (or a demonstration on old data) sees the same
 * deadlines and overdue marks on any day it runs.
 */
void
hd_context_set_clock (HdContext *self,
                      gint64     now)
{
  g_return_if_fail (HD_IS_CONTEXT (self));
  self->clock = now;
}
