/* hd-calendar-overrides-group.c — the school's own changes to the production calendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 5, point 5: the school can make a day non-working (a regional holiday, a quarantine)
 * or working, with a note. Each change is stored (calendar_days) and given to the shared
 * HdWorkdays, which emits "changed": the tracker then stores the new due dates and redraws.
 */
#define G_LOG_DOMAIN "hd-calendar-overrides"

#include "config.h"

#include <glib/gi18n.h>

#include "hd-calendar-overrides-group.h"
#include "hd-date.h"
#include "hd-onboarding-common.h"

struct _HdCalendarOverridesGroup
{
  AdwPreferencesGroup parent_instance;

  /* Owned */
  HdContext      *context;
  GPtrArray      *day_rows;
  GDate           new_day;

  /* Children (owned by the group) */
  AdwExpanderRow *add_row;
  AdwActionRow   *date_row;
  GtkMenuButton  *date_button;
  GtkCalendar    *calendar;
  AdwComboRow    *kind_row;
  AdwEntryRow    *note_row;
  GtkLabel       *message;
};

G_DEFINE_FINAL_TYPE (HdCalendarOverridesGroup, hd_calendar_overrides_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void reload (HdCalendarOverridesGroup *self);

static void
show_message (HdCalendarOverridesGroup *self,
              const char               *text)
{
  gtk_label_set_text (self->message, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message), text != NULL);
}

/* Stores the calendar's overrides again in the shared calendar, which emits "changed" */
static gboolean
apply (HdCalendarOverridesGroup  *self,
       GError                   **error)
{
  HdWorkdays *workdays = hd_context_get_workdays (self->context, error);

  if (workdays == NULL)
    return FALSE;
  return hd_workdays_load_overrides (workdays, hd_context_get_database (self->context), error);
}

static void
remove_clicked_cb (GtkButton                *button,
                   HdCalendarOverridesGroup *self)
{
  const GDate *day = g_object_get_data (G_OBJECT (button), "hd-day");
  g_autoptr(GError) error = NULL;
  GDate copy = *day;

  if (!hd_calendar_overrides_group_remove (self, &copy, &error))
    show_message (self, error->message);
}

static GtkWidget *
make_day_row (HdCalendarOverridesGroup *self,
              const HdCalendarDay      *day)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *title = hd_onboarding_format_date (&day->day);
  g_autofree char *subtitle = NULL;
  const char *kind = day->working ? _("Working day") : _("Non-working day");

  if (day->note != NULL && *day->note != '\0')
    subtitle = g_strdup_printf ("%s · %s", kind, day->note);
  else
    subtitle = g_strdup (kind);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name (day->working ? "x-office-calendar-symbolic"
                                                                        : "appointment-missed-symbolic"));

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Remove"));
  {
    /* Translators: the accessible name of the remove button; %s is a date */
    g_autofree char *label = g_strdup_printf (_("Remove the change of %s"), title);

    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  }
  g_object_set_data_full (G_OBJECT (button), "hd-day", g_date_copy (&day->day), (GDestroyNotify) g_date_free);
  g_signal_connect (button, "clicked", G_CALLBACK (remove_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
reload (HdCalendarOverridesGroup *self)
{
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->day_rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->day_rows, i));
  g_ptr_array_set_size (self->day_rows, 0);

  if (self->context == NULL)
    return;

  days = hd_calendar_days_list (hd_context_get_database (self->context), &error);
  if (days == NULL)
    {
      show_message (self, error->message);
      return;
    }
  for (guint i = 0; i < days->len; i++)
    {
      GtkWidget *row = make_day_row (self, g_ptr_array_index (days, i));

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->day_rows, row);
    }
}

static void
update_date_row (HdCalendarOverridesGroup *self)
{
  g_autofree char *text = hd_onboarding_format_date (&self->new_day);
  g_autofree char *kind = NULL;

  if (self->context != NULL && g_date_valid (&self->new_day))
    {
      HdWorkdays *workdays = hd_context_get_workdays (self->context, NULL);

      if (workdays != NULL)
        kind = hd_workdays_describe_day (workdays, &self->new_day);
    }
  if (kind != NULL)
    {
      /* Translators: the chosen date and what the production calendar says of it */
      g_autofree char *both = g_strdup_printf (_("%s (now: %s)"), text, kind);

      adw_action_row_set_subtitle (self->date_row, both);
    }
  else
    adw_action_row_set_subtitle (self->date_row, text);
}

static void
day_selected_cb (HdCalendarOverridesGroup *self)
{
  g_autoptr(GDateTime) dt = gtk_calendar_get_date (self->calendar);

  g_date_set_dmy (&self->new_day, g_date_time_get_day_of_month (dt), g_date_time_get_month (dt),
                  g_date_time_get_year (dt));
  update_date_row (self);
  gtk_menu_button_popdown (self->date_button);
}

static void
add_clicked_cb (HdCalendarOverridesGroup *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_row))));
  gboolean working = adw_combo_row_get_selected (self->kind_row) == 1;

  if (!hd_calendar_overrides_group_add (self, &self->new_day, working, note, &error))
    {
      show_message (self, error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), "");
  adw_expander_row_set_expanded (self->add_row, FALSE);
}

static void
build (HdCalendarOverridesGroup *self)
{
  GtkWidget *popover, *add_button, *action_row;
  g_autoptr(GtkStringList) kinds = NULL;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("School Calendar"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("Days the school works or rests unlike the production calendar: a regional holiday, a quarantine. The training deadlines of new employees are worked out again."));

  self->add_row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->add_row), _("Add a Day"));
  adw_expander_row_add_prefix (self->add_row, gtk_image_new_from_icon_name ("list-add-symbolic"));

  self->date_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_row), _("Date"));
  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  g_signal_connect_swapped (self->calendar, "day-selected", G_CALLBACK (day_selected_cb), self);
  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), GTK_WIDGET (self->calendar));
  self->date_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_icon_name (self->date_button, "x-office-calendar-symbolic");
  gtk_menu_button_set_popover (self->date_button, popover);
  gtk_widget_set_valign (GTK_WIDGET (self->date_button), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->date_button), "flat");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->date_button), _("Choose the Date"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->date_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Choose the date"), -1);
  adw_action_row_add_suffix (self->date_row, GTK_WIDGET (self->date_button));
  adw_action_row_set_activatable_widget (self->date_row, GTK_WIDGET (self->date_button));
  adw_expander_row_add_row (self->add_row, GTK_WIDGET (self->date_row));

  kinds = gtk_string_list_new (NULL);
  gtk_string_list_append (kinds, _("Non-working day"));
  gtk_string_list_append (kinds, _("Working day"));
  self->kind_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->kind_row), _("The school"));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  adw_expander_row_add_row (self->add_row, GTK_WIDGET (self->kind_row));

  self->note_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->note_row), _("Note"));
  adw_expander_row_add_row (self->add_row, GTK_WIDGET (self->note_row));

  action_row = adw_action_row_new ();
  add_button = gtk_button_new_with_mnemonic (_("_Add"));
  gtk_widget_set_valign (add_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (add_button, "suggested-action");
  g_signal_connect_swapped (add_button, "clicked", G_CALLBACK (add_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (action_row), add_button);
  adw_expander_row_add_row (self->add_row, action_row);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->add_row));

  self->message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->message, TRUE);
  gtk_label_set_xalign (self->message, 0);
  gtk_widget_set_margin_top (GTK_WIDGET (self->message), 6);
  gtk_widget_add_css_class (GTK_WIDGET (self->message), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->message), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->message));
}

static void
hd_calendar_overrides_group_dispose (GObject *object)
{
  HdCalendarOverridesGroup *self = HD_CALENDAR_OVERRIDES_GROUP (object);

  g_clear_object (&self->context);

  G_OBJECT_CLASS (hd_calendar_overrides_group_parent_class)->dispose (object);
}

static void
hd_calendar_overrides_group_finalize (GObject *object)
{
  HdCalendarOverridesGroup *self = HD_CALENDAR_OVERRIDES_GROUP (object);

  g_clear_pointer (&self->day_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (hd_calendar_overrides_group_parent_class)->finalize (object);
}

static void
hd_calendar_overrides_group_get_property (GObject    *object,
                                          guint       prop_id,
                                          GValue     *value,
                                          GParamSpec *pspec)
{
  HdCalendarOverridesGroup *self = HD_CALENDAR_OVERRIDES_GROUP (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_calendar_overrides_group_set_property (GObject      *object,
                                          guint         prop_id,
                                          const GValue *value,
                                          GParamSpec   *pspec)
{
  HdCalendarOverridesGroup *self = HD_CALENDAR_OVERRIDES_GROUP (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      hd_calendar_overrides_group_set_context (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_calendar_overrides_group_class_init (HdCalendarOverridesGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hd_calendar_overrides_group_dispose;
  object_class->finalize = hd_calendar_overrides_group_finalize;
  object_class->get_property = hd_calendar_overrides_group_get_property;
  object_class->set_property = hd_calendar_overrides_group_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         HD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hd_calendar_overrides_group_init (HdCalendarOverridesGroup *self)
{
  self->day_rows = g_ptr_array_new ();
  hd_date_set_today (&self->new_day, NULL);
  build (self);
  update_date_row (self);
}

HdCalendarOverridesGroup *
hd_calendar_overrides_group_new (HdContext *context)
{
  g_return_val_if_fail (context == NULL || HD_IS_CONTEXT (context), NULL);

  return g_object_new (HD_TYPE_CALENDAR_OVERRIDES_GROUP, "context", context, NULL);
}

HdContext *
hd_calendar_overrides_group_get_context (HdCalendarOverridesGroup *self)
{
  g_return_val_if_fail (HD_IS_CALENDAR_OVERRIDES_GROUP (self), NULL);
  return self->context;
}

void
hd_calendar_overrides_group_set_context (HdCalendarOverridesGroup *self,
                                         HdContext                *context)
{
  g_return_if_fail (HD_IS_CALENDAR_OVERRIDES_GROUP (self));
  g_return_if_fail (context == NULL || HD_IS_CONTEXT (context));

  if (!g_set_object (&self->context, context))
    return;
  if (context != NULL && hd_context_get_database (context) != NULL)
    hd_onboarding_get_today (context, &self->new_day);
  update_date_row (self);
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

/**
 * hd_calendar_overrides_group_add:
 * @working: %TRUE to make @day a working day, %FALSE a day off
 * @note: (nullable): why, e.g. «карантин»
 *
 * Stores the change and applies it to the calendar, so that due dates are recomputed.
 */
gboolean
hd_calendar_overrides_group_add (HdCalendarOverridesGroup  *self,
                                 const GDate               *day,
                                 gboolean                   working,
                                 const char                *note,
                                 GError                   **error)
{
  g_return_val_if_fail (HD_IS_CALENDAR_OVERRIDES_GROUP (self), FALSE);
  g_return_val_if_fail (self->context != NULL, FALSE);
  g_return_val_if_fail (day != NULL && g_date_valid (day), FALSE);

  if (!hd_calendar_days_save (hd_context_get_database (self->context), day, working, note, error))
    return FALSE;
  show_message (self, NULL);
  reload (self);
  return apply (self, error);
}

gboolean
hd_calendar_overrides_group_remove (HdCalendarOverridesGroup  *self,
                                    const GDate               *day,
                                    GError                   **error)
{
  g_return_val_if_fail (HD_IS_CALENDAR_OVERRIDES_GROUP (self), FALSE);
  g_return_val_if_fail (self->context != NULL, FALSE);
  g_return_val_if_fail (day != NULL && g_date_valid (day), FALSE);

  if (!hd_calendar_days_remove (hd_context_get_database (self->context), day, error))
    return FALSE;
  show_message (self, NULL);
  reload (self);
  return apply (self, error);
}

guint
hd_calendar_overrides_group_get_n_days (HdCalendarOverridesGroup *self)
{
  g_return_val_if_fail (HD_IS_CALENDAR_OVERRIDES_GROUP (self), 0);
  return self->day_rows->len;
}
