/* hd-newcomer-editor.c — the window to add a new employee or record their training
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The person is picked from the staff by typing their name, or added on the spot. The due
 * date follows the start date at once, with the holidays that moved it. The rules (dates,
 * required checklist items, a deleted staff member) are the store's: the editor shows its
 * errors at the fields and keeps everything typed when saving fails.
 */
#define G_LOG_DOMAIN "hd-newcomer-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "calendar/hd-slot-dialog.h"
#include "hd-appointment-store.h"
#include "hd-date.h"
#include "hd-error.h"
#include "hd-newcomer-editor.h"
#include "hd-newcomer-store.h"
#include "hd-onboarding-common.h"
#include "hd-person-store.h"
#include "hd-settings-keys.h"
#include "hd-signoff-sheet.h"

struct _HdNewcomerEditor
{
  AdwWindow parent_instance;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  AdwToastOverlay      *toast_overlay;
  AdwEntryRow          *name_row;
  AdwEntryRow          *position_row;
  AdwEntryRow          *phone_row;
  AdwEntryRow          *email_row;
  GtkListBox           *suggestions;
  GtkLabel             *person_error;
  AdwActionRow         *start_row;
  GtkMenuButton        *start_button;
  GtkCalendar          *start_calendar;
  AdwActionRow         *due_row;
  GtkLabel             *due_explanation;
  AdwPreferencesGroup  *checklist_group;
  AdwActionRow         *trained_row;
  GtkMenuButton        *trained_button;
  GtkCalendar          *trained_calendar;
  AdwEntryRow          *trainer_row;
  GtkLabel             *training_error;
  GtkTextView          *notes_view;
  AdwPreferencesGroup  *history_group;

  /* Owned */
  HdContext            *context;
  HdNewcomer           *original;     /* as stored, NULL for a new employee */
  HdPerson             *person;       /* the chosen staff member, NULL for a new one */
  GHashTable           *errors;       /* field → message */
  GPtrArray            *history_rows;
  GtkCheckButton       *checks[HD_N_CHECKLIST_ITEMS];
  GDate                 started_on;
  GDate                 trained_on;
  char                 *loaded;       /* what the fields said after loading, for "dirty" */
  gboolean              updating;
  gboolean              closing;      /* saved, or changes discarded */
  HdTerms              *terms;        /* for booking the training */

  /* Borrowed */
  HdWorkdays           *workdays;
  GtkWidget            *booking_row;  /* the training in the calendar, in the training group */
  GtkWidget            *booking_button;
};

G_DEFINE_FINAL_TYPE (HdNewcomerEditor, hd_newcomer_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

enum {
  SAVED,
  TRAINING_BOOKED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ---------------------------------------------------------------------------------------- */
/* Helpers                                                                                   */

static HdDatabase *
get_db (HdNewcomerEditor *self)
{
  return hd_context_get_database (self->context);
}

static void
toast (HdNewcomerEditor *self,
       const char       *message)
{
  g_autoptr(AdwToast) t = adw_toast_new (message);

  adw_toast_overlay_add_toast (self->toast_overlay, g_steal_pointer (&t));
}

static char *
row_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
set_row_text (AdwEntryRow *row,
              const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static char *
notes_text (HdNewcomerEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static guint
checklist_mask (HdNewcomerEditor *self)
{
  guint mask = 0;

  for (HdChecklistItem i = 0; i < HD_N_CHECKLIST_ITEMS; i++)
    if (gtk_check_button_get_active (self->checks[i]))
      mask |= HD_CHECKLIST_BIT (i);
  return mask;
}

/* The widget that shows a field's error */
static GtkWidget *
field_widget (HdNewcomerEditor *self,
              const char       *field)
{
  static const struct { const char *field; gsize offset; } map[] = {
    { "person_id", G_STRUCT_OFFSET (HdNewcomerEditor, name_row) },
    { "full_name", G_STRUCT_OFFSET (HdNewcomerEditor, name_row) },
    { "position", G_STRUCT_OFFSET (HdNewcomerEditor, position_row) },
    { "phone", G_STRUCT_OFFSET (HdNewcomerEditor, phone_row) },
    { "email", G_STRUCT_OFFSET (HdNewcomerEditor, email_row) },
    { "started_on", G_STRUCT_OFFSET (HdNewcomerEditor, start_row) },
    { "due_on", G_STRUCT_OFFSET (HdNewcomerEditor, due_row) },
    { "trained_on", G_STRUCT_OFFSET (HdNewcomerEditor, trained_row) },
    { "trainer", G_STRUCT_OFFSET (HdNewcomerEditor, trainer_row) },
    { "checklist", G_STRUCT_OFFSET (HdNewcomerEditor, checklist_group) },
    { "notes", G_STRUCT_OFFSET (HdNewcomerEditor, notes_view) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (g_strcmp0 (map[i].field, field) == 0)
      return G_STRUCT_MEMBER (GtkWidget *, self, map[i].offset);
  return NULL;
}

/* The label under a group that spells the error out */
static GtkLabel *
field_message_label (HdNewcomerEditor *self,
                     const char       *field)
{
  static const char * const person_fields[] = { "person_id", "full_name", "position", "phone", "email", NULL };

  if (g_strv_contains (person_fields, field))
    return self->person_error;
  if (g_strcmp0 (field, "started_on") == 0 || g_strcmp0 (field, "due_on") == 0)
    return self->due_explanation;
  return self->training_error;
}

static void update_dates (HdNewcomerEditor *self);
static char *fields_signature (HdNewcomerEditor *self);

static void
clear_errors (HdNewcomerEditor *self)
{
  GHashTableIter iter;
  const char *field;

  g_hash_table_iter_init (&iter, self->errors);
  while (g_hash_table_iter_next (&iter, (gpointer *) &field, NULL))
    {
      GtkWidget *widget = field_widget (self, field);

      if (widget != NULL)
        gtk_widget_remove_css_class (widget, "error");
    }
  g_hash_table_remove_all (self->errors);
  adw_preferences_group_set_description (self->checklist_group,
                                         _("Items marked “required” must be ticked before the date of training can be set."));
  gtk_widget_set_visible (GTK_WIDGET (self->person_error), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->training_error), FALSE);
  gtk_label_set_text (self->person_error, "");
  gtk_label_set_text (self->training_error, "");
  update_dates (self);
}

static void
show_field_error (HdNewcomerEditor *self,
                  const GError     *error)
{
  const char *field = hd_error_get_field (error);
  GtkWidget *widget;
  GtkLabel *label;
  g_autofree char *text = NULL;

  if (field == NULL)
    {
      toast (self, error->message);
      return;
    }
  if (g_hash_table_contains (self->errors, field))
    return;
  g_hash_table_insert (self->errors, g_strdup (field), g_strdup (error->message));

  widget = field_widget (self, field);
  if (widget != NULL)
    gtk_widget_add_css_class (widget, "error");

  /* The checklist's rule is spelled out where the boxes are */
  if (g_strcmp0 (field, "checklist") == 0)
    {
      adw_preferences_group_set_description (self->checklist_group, error->message);
      return;
    }

  label = field_message_label (self, field);
  if (*gtk_label_get_text (label) != '\0' && gtk_widget_get_visible (GTK_WIDGET (label)) &&
      !gtk_widget_has_css_class (GTK_WIDGET (label), "dim-label"))
    text = g_strconcat (gtk_label_get_text (label), "\n", error->message, NULL);
  else
    text = g_strdup (error->message);
  gtk_label_set_text (label, text);
  gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (label), "error");
  gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
}

/* Holidays and days off of the month a calendar shows, from the production calendar */
static void
mark_days_off (HdNewcomerEditor *self,
               GtkCalendar      *calendar)
{
  g_autoptr(GDateTime) shown = gtk_calendar_get_date (calendar);
  int year = g_date_time_get_year (shown), month = g_date_time_get_month (shown);
  guint8 n = g_date_get_days_in_month (month, year);

  gtk_calendar_clear_marks (calendar);
  if (self->workdays == NULL)
    return;
  for (guint8 d = 1; d <= n; d++)
    {
      GDate day;
      HdDayKind kind;

      g_date_clear (&day, 1);
      g_date_set_dmy (&day, d, month, year);
      kind = hd_workdays_get_day_kind (self->workdays, &day);
      if (kind != HD_DAY_ORDINARY && kind != HD_DAY_WEEKEND && kind != HD_DAY_WORKING_SATURDAY &&
          kind != HD_DAY_OVERRIDE_WORKING)
        gtk_calendar_mark_day (calendar, d);
    }
}

static void
calendar_select (GtkCalendar *calendar,
                 const GDate *day)
{
  g_autoptr(GDateTime) dt = NULL;

  if (day == NULL || !g_date_valid (day))
    return;
  dt = g_date_time_new_local (g_date_get_year (day), g_date_get_month (day), g_date_get_day (day),
                              12, 0, 0);
  gtk_calendar_select_day (calendar, dt);
}

static void
calendar_get (GtkCalendar *calendar,
              GDate       *out)
{
  g_autoptr(GDateTime) dt = gtk_calendar_get_date (calendar);

  g_date_clear (out, 1);
  g_date_set_dmy (out, g_date_time_get_day_of_month (dt), g_date_time_get_month (dt),
                  g_date_time_get_year (dt));
}

static void
update_dates (HdNewcomerEditor *self)
{
  g_autofree char *started = hd_onboarding_format_date (&self->started_on);
  g_autofree char *trained = NULL;
  const char *error;

  adw_action_row_set_subtitle (self->start_row, g_date_valid (&self->started_on)
                               ? started : _("Not chosen"));

  if (g_date_valid (&self->started_on) && self->workdays != NULL)
    {
      g_autoptr(GPtrArray) counted = NULL;
      g_autofree char *explanation = NULL;
      g_autofree char *due_text = NULL;
      g_autofree char *tooltip = NULL;
      int days = hd_newcomer_store_get_deadline_days (get_db (self));
      gboolean known;
      GDate due;

      hd_workdays_due_date (self->workdays, &self->started_on, days, &due, &counted, &explanation);
      due_text = hd_onboarding_format_date (&due);
      tooltip = hd_onboarding_describe_counted (counted);
      adw_action_row_set_subtitle (self->due_row, due_text);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->due_row), tooltip);

      known = hd_workdays_is_year_known (self->workdays, g_date_get_year (&self->started_on)) &&
              hd_workdays_is_year_known (self->workdays, g_date_get_year (&due));
      gtk_label_set_text (self->due_explanation, explanation != NULL ? explanation : "");
      gtk_widget_set_visible (GTK_WIDGET (self->due_explanation), explanation != NULL);
      gtk_widget_remove_css_class (GTK_WIDGET (self->due_explanation), "error");
      if (known)
        {
          gtk_widget_remove_css_class (GTK_WIDGET (self->due_explanation), "warning");
          gtk_widget_add_css_class (GTK_WIDGET (self->due_explanation), "dim-label");
        }
      else
        {
          gtk_widget_remove_css_class (GTK_WIDGET (self->due_explanation), "dim-label");
          gtk_widget_add_css_class (GTK_WIDGET (self->due_explanation), "warning");
        }
    }
  else
    {
      adw_action_row_set_subtitle (self->due_row, C_("no data", "—"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->due_row), NULL);
      gtk_widget_set_visible (GTK_WIDGET (self->due_explanation), FALSE);
    }

  /* A start-date error stays visible under the due date */
  error = g_hash_table_lookup (self->errors, "started_on");
  if (error != NULL)
    {
      gtk_label_set_text (self->due_explanation, error);
      gtk_widget_remove_css_class (GTK_WIDGET (self->due_explanation), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->due_explanation), "error");
      gtk_widget_set_visible (GTK_WIDGET (self->due_explanation), TRUE);
    }

  trained = hd_onboarding_format_date (&self->trained_on);
  adw_action_row_set_subtitle (self->trained_row, g_date_valid (&self->trained_on)
                               ? trained : _("Not trained yet"));
}

/* ---------------------------------------------------------------------------------------- */
/* The person                                                                                */

static void
clear_suggestions (HdNewcomerEditor *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->suggestions))) != NULL)
    gtk_list_box_remove (self->suggestions, child);
  gtk_widget_set_visible (GTK_WIDGET (self->suggestions), FALSE);
}

static void
show_person (HdNewcomerEditor *self,
             HdPerson         *person)
{
  self->updating = TRUE;
  set_row_text (self->name_row, hd_person_get_full_name (person));
  set_row_text (self->position_row, hd_person_get_position (person));
  set_row_text (self->phone_row, hd_person_get_phone (person));
  set_row_text (self->email_row, hd_person_get_email (person));
  self->updating = FALSE;
}

static void
name_changed_cb (HdNewcomerEditor *self)
{
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) people = NULL;

  if (self->updating)
    return;

  /* Typing over a chosen person means another person */
  g_clear_object (&self->person);
  clear_suggestions (self);

  text = row_text (self->name_row);
  if (text[0] == '\0')
    return;

  people = hd_person_store_list (get_db (self), HD_REQUESTER_STAFF, text, 6, NULL);
  for (guint i = 0; people != NULL && i < people->len; i++)
    {
      HdPerson *person = g_ptr_array_index (people, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_markup_escape_text (hd_person_get_full_name (person), -1);
      g_autofree char *subtitle = g_markup_escape_text (hd_person_get_position (person) ?: "", -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "hd-person-id",
                         GSIZE_TO_POINTER ((gsize) hd_person_get_id (person)));
      gtk_list_box_append (self->suggestions, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->suggestions), people != NULL && people->len > 0);
}

static void
suggestion_activated_cb (HdNewcomerEditor *self,
                         GtkListBoxRow    *row)
{
  gint64 id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "hd-person-id"));

  if (id > 0)
    hd_newcomer_editor_choose_person (self, id);
  gtk_widget_grab_focus (GTK_WIDGET (self->start_button));
}

/* ---------------------------------------------------------------------------------------- */
/* Dates                                                                                     */

static void
start_day_selected_cb (HdNewcomerEditor *self)
{
  if (self->updating)
    return;
  calendar_get (self->start_calendar, &self->started_on);
  update_dates (self);
  gtk_menu_button_popdown (self->start_button);
}

static void
trained_day_selected_cb (HdNewcomerEditor *self)
{
  if (self->updating)
    return;
  calendar_get (self->trained_calendar, &self->trained_on);
  update_dates (self);
  gtk_menu_button_popdown (self->trained_button);
}

static void
trained_clear_clicked_cb (HdNewcomerEditor *self)
{
  g_date_clear (&self->trained_on, 1);
  update_dates (self);
}

static void
start_calendar_month_cb (HdNewcomerEditor *self)
{
  mark_days_off (self, self->start_calendar);
}

static void
trained_calendar_month_cb (HdNewcomerEditor *self)
{
  mark_days_off (self, self->trained_calendar);
}

/* ---------------------------------------------------------------------------------------- */
/* Loading                                                                                   */

static char *
format_event_value (const char *field,
                    const char *value)
{
  GDate day;

  if (value == NULL || *value == '\0')
    return g_strdup (C_("no value", "empty"));
  if (hd_date_parse_iso (value, &day))
    return hd_onboarding_format_date (&day);
  if (g_strcmp0 (field, "checklist") == 0)
    return hd_checklist_describe ((guint) g_ascii_strtoull (value, NULL, 10));
  if (g_strcmp0 (field, "person_id") == 0)
    return g_strdup_printf ("№ %s", value);
  return g_strdup (value);
}

static void
load_history (HdNewcomerEditor *self)
{
  g_autoptr(GPtrArray) events = NULL;

  for (guint i = 0; i < self->history_rows->len; i++)
    adw_preferences_group_remove (self->history_group, g_ptr_array_index (self->history_rows, i));
  g_ptr_array_set_size (self->history_rows, 0);

  if (self->original == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->history_group), FALSE);
      return;
    }
  events = hd_newcomer_store_list_events (get_db (self), hd_newcomer_get_id (self->original), NULL);
  for (guint i = 0; events != NULL && i < events->len; i++)
    {
      HdEvent *event = g_ptr_array_index (events, i);
      GtkWidget *row = adw_action_row_new ();
      g_autoptr(GDateTime) at = hd_context_date_time (self->context, event->at);
      /* Translators: when a change was made, see strftime */
      g_autofree char *when = g_date_time_format (at, _("%-d %B %Y, %H:%M"));
      g_autofree char *title = NULL;

      if (g_strcmp0 (event->field, "created") == 0)
        title = g_strdup (_("Record created"));
      else if (g_strcmp0 (event->field, "archived") == 0)
        title = g_strdup (_("Moved to the archive"));
      else
        {
          g_autofree char *old_value = format_event_value (event->field, event->old_value);
          g_autofree char *new_value = format_event_value (event->field, event->new_value);

          /* Translators: a change in the history: «Дата обучения: пусто → 5 ноября 2026» */
          title = g_strdup_printf (_("%s: %s → %s"), hd_newcomer_field_label (event->field),
                                   old_value, new_value);
        }
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), when);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
      adw_preferences_group_add (self->history_group, row);
      g_ptr_array_add (self->history_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->history_group), self->history_rows->len > 0);
}

static void
build_checklist (HdNewcomerEditor *self)
{
  guint mandatory = hd_newcomer_store_get_mandatory (get_db (self));

  for (HdChecklistItem i = 0; i < HD_N_CHECKLIST_ITEMS; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), hd_checklist_item_label (i));
      if (mandatory & HD_CHECKLIST_BIT (i))
        {
          GtkWidget *tag = gtk_label_new (C_("checklist item", "required"));

          gtk_widget_add_css_class (tag, "hd-required");
          gtk_widget_add_css_class (tag, "caption-heading");
          gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);
        }
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL, -1);
      adw_preferences_group_add (self->checklist_group, row);
      self->checks[i] = GTK_CHECK_BUTTON (check);
    }
}

/* ---------------------------------------------------------------------------------------- */
/* The training in the calendar                                                              */

static void load_training (HdNewcomerEditor *self);

static void
training_booked_cb (HdNewcomerEditor *self,
                    gint64            appointment_id)
{
  load_training (self);
  toast (self, adw_action_row_get_subtitle (ADW_ACTION_ROW (self->booking_row)));
  g_signal_emit (self, signals[TRAINING_BOOKED], 0, appointment_id);
}

/* «Записать на обучение»: the first free times before the due date */
static void
book_training_clicked_cb (HdNewcomerEditor *self)
{
  g_autoptr(GError) error = NULL;
  HdSlotDialog *dialog;

  if (self->original == NULL || self->workdays == NULL)
    return;
  if (self->terms == NULL)
    {
      self->terms = hd_terms_new_from_database (get_db (self), self->workdays, &error);
      if (self->terms == NULL)
        {
          toast (self, error->message);
          return;
        }
    }
  dialog = hd_slot_dialog_new_training (self->context, self->workdays, self->terms,
                                        hd_newcomer_get_id (self->original));
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  g_signal_connect_object (dialog, "booked", G_CALLBACK (training_booked_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* For one stored and not trained: the training booked, or the button to book it */
static void
load_training (HdNewcomerEditor *self)
{
  g_autoptr(GPtrArray) trainings = NULL;
  g_autofree char *booked = NULL;
  const char *trained_on;

  trained_on = self->original != NULL ? hd_newcomer_get_trained_on (self->original) : NULL;
  if (self->original == NULL || (trained_on != NULL && *trained_on != '\0'))
    {
      if (self->booking_row != NULL)
        gtk_widget_set_visible (self->booking_row, FALSE);
      return;
    }

  if (self->booking_row == NULL)
    {
      GtkWidget *group = gtk_widget_get_ancestor (GTK_WIDGET (self->trained_row), ADW_TYPE_PREFERENCES_GROUP);

      self->booking_row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->booking_row), _("Training in the calendar"));
      self->booking_button = gtk_button_new_with_label (_("Book Training…"));
      gtk_widget_set_valign (self->booking_button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (self->booking_button,
                                   _("Choose a free time before the due date for the training"));
      g_signal_connect_swapped (self->booking_button, "clicked", G_CALLBACK (book_training_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (self->booking_row), self->booking_button);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->booking_row);
    }

  trainings = hd_appointment_store_list_trainings (get_db (self), NULL);
  for (guint i = 0; trainings != NULL && i < trainings->len; i++)
    {
      HdAppointment *a = g_ptr_array_index (trainings, i);
      int status = hd_appointment_get_status (a);

      if (hd_appointment_get_newcomer_id (a) == hd_newcomer_get_id (self->original) &&
          (status == HD_APPOINTMENT_SCHEDULED || status == HD_APPOINTMENT_HELD))
        {
          g_free (booked);
          booked = hd_onboarding_describe_training (self->context, a);
        }
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->booking_row),
                               booked != NULL ? booked : _("Not booked yet"));
  gtk_widget_set_visible (self->booking_button, booked == NULL);
  gtk_widget_set_visible (self->booking_row, TRUE);
}

/* ---------------------------------------------------------------------------------------- */

static void
load (HdNewcomerEditor *self,
      gint64            id)
{
  g_autoptr(GError) error = NULL;
  HdDatabase *db = get_db (self);

  self->workdays = hd_context_get_workdays (self->context, &error);
  if (self->workdays == NULL)
    {
      toast (self, error->message);
      g_clear_error (&error);
    }

  build_checklist (self);
  g_date_clear (&self->started_on, 1);
  g_date_clear (&self->trained_on, 1);

  if (id > 0)
    {
      self->original = hd_newcomer_store_get (db, id, &error);
      if (self->original == NULL)
        {
          toast (self, error->message);
          g_clear_error (&error);
        }
    }

  if (self->original != NULL)
    {
      HdNewcomer *n = self->original;

      adw_window_title_set_title (self->window_title, hd_newcomer_get_person_name (n));
      if (hd_newcomer_get_person_id (n) > 0)
        self->person = hd_person_store_get (db, hd_newcomer_get_person_id (n), NULL);
      if (self->person != NULL)
        show_person (self, self->person);
      else
        {
          self->updating = TRUE;
          set_row_text (self->name_row, hd_newcomer_get_person_name (n));
          self->updating = FALSE;
        }
      hd_date_parse_iso (hd_newcomer_get_started_on (n), &self->started_on);
      hd_date_parse_iso (hd_newcomer_get_trained_on (n), &self->trained_on);
      set_row_text (self->trainer_row, hd_newcomer_get_trainer (n));
      for (HdChecklistItem i = 0; i < HD_N_CHECKLIST_ITEMS; i++)
        gtk_check_button_set_active (self->checks[i],
                                     (hd_newcomer_get_checklist (n) & HD_CHECKLIST_BIT (i)) != 0);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                                hd_newcomer_get_notes (n) ?: "", -1);
    }
  else
    {
      g_autofree char *consultant = hd_context_get_setting (self->context, HD_SETTING_CONSULTANT_NAME);

      adw_window_title_set_title (self->window_title, _("New Employee"));
      hd_onboarding_get_today (self->context, &self->started_on);
      set_row_text (self->trainer_row, consultant);
    }

  self->updating = TRUE;
  calendar_select (self->start_calendar, &self->started_on);
  if (g_date_valid (&self->trained_on))
    calendar_select (self->trained_calendar, &self->trained_on);
  else
    {
      GDate today;

      hd_onboarding_get_today (self->context, &today);
      calendar_select (self->trained_calendar, &today);
    }
  self->updating = FALSE;
  mark_days_off (self, self->start_calendar);
  mark_days_off (self, self->trained_calendar);

  update_dates (self);
  load_history (self);
  load_training (self);
  self->loaded = fields_signature (self);
}

/* ---------------------------------------------------------------------------------------- */
/* Saving                                                                                    */

/* Everything the person can change, in one string: unequal strings mean unsaved changes */
static char *
fields_signature (HdNewcomerEditor *self)
{
  g_autofree char *name = row_text (self->name_row);
  g_autofree char *position = row_text (self->position_row);
  g_autofree char *phone = row_text (self->phone_row);
  g_autofree char *email = row_text (self->email_row);
  g_autofree char *trainer = row_text (self->trainer_row);
  g_autofree char *notes = notes_text (self);
  g_autofree char *started = g_date_valid (&self->started_on) ? hd_date_to_iso (&self->started_on) : g_strdup ("");
  g_autofree char *trained = g_date_valid (&self->trained_on) ? hd_date_to_iso (&self->trained_on) : g_strdup ("");

  return g_strdup_printf ("%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%u", name, position, phone,
                          email, trainer, notes, started, trained, checklist_mask (self));
}

static gboolean
is_dirty (HdNewcomerEditor *self)
{
  g_autofree char *now = fields_signature (self);

  return g_strcmp0 (now, self->loaded) != 0;
}

static gboolean
close_idle_cb (gpointer data)
{
  g_autoptr(HdNewcomerEditor) self = data;

  gtk_window_close (GTK_WINDOW (self));
  return G_SOURCE_REMOVE;
}

static void
discard_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     HdNewcomerEditor *self)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;
  /* Not at once: the dialog is transient for this window and still finishing its response */
  self->closing = TRUE;
  g_idle_add (close_idle_cb, g_object_ref (self));
}

static gboolean
hd_newcomer_editor_close_request (GtkWindow *window)
{
  HdNewcomerEditor *self = HD_NEWCOMER_EDITOR (window);
  GtkWidget *dialog;

  if (self->closing || !is_dirty (self))
    return GTK_WINDOW_CLASS (hd_newcomer_editor_parent_class)->close_request (window);

  dialog = adw_message_dialog_new (window, _("Discard the Changes?"),
                                   _("What was typed in this window has not been saved."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

/* Scrolls to the first field in error, in the order of the window */
static void
focus_first_error (HdNewcomerEditor *self)
{
  static const char * const order[] = { "person_id", "full_name", "position", "phone", "email",
                                        "started_on", "checklist", "trained_on", "trainer", "notes" };

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    if (g_hash_table_contains (self->errors, order[i]))
      {
        GtkWidget *widget = field_widget (self, order[i]);

        if (g_str_equal (order[i], "checklist"))
          widget = GTK_WIDGET (self->checks[0]);
        if (widget != NULL)
          gtk_widget_grab_focus (widget);
        return;
      }
}

static HdNewcomer *
collect (HdNewcomerEditor *self)
{
  HdNewcomer *n = self->original != NULL ? hd_newcomer_copy (self->original) : hd_newcomer_new ();
  g_autofree char *started = g_date_valid (&self->started_on) ? hd_date_to_iso (&self->started_on) : NULL;
  g_autofree char *trained = g_date_valid (&self->trained_on) ? hd_date_to_iso (&self->trained_on) : NULL;
  g_autofree char *trainer = row_text (self->trainer_row);
  g_autofree char *notes = notes_text (self);
  g_autofree char *name = row_text (self->name_row);

  hd_newcomer_set_person_id (n, self->person != NULL ? hd_person_get_id (self->person) : 0);
  hd_newcomer_set_person_name (n, name);
  hd_newcomer_set_started_on (n, started);
  hd_newcomer_set_trained_on (n, trained);
  hd_newcomer_set_trainer (n, trainer);
  hd_newcomer_set_checklist (n, checklist_mask (self));
  hd_newcomer_set_notes (n, notes);
  return n;
}

/* The staff member as typed: the chosen one with the edits, or a new one */
static HdPerson *
collect_person (HdNewcomerEditor *self,
                gboolean         *changed)
{
  HdPerson *person = self->person != NULL ? hd_person_copy (self->person) : hd_person_new ();
  g_autofree char *name = row_text (self->name_row);
  g_autofree char *position = row_text (self->position_row);
  g_autofree char *phone = row_text (self->phone_row);
  g_autofree char *email = row_text (self->email_row);

  if (self->person == NULL)
    {
      hd_person_set_kind (person, HD_REQUESTER_STAFF);
      hd_person_set_full_name (person, name);
    }
  *changed = self->person == NULL ||
             g_strcmp0 (hd_person_get_position (person) ?: "", position) != 0 ||
             g_strcmp0 (hd_person_get_phone (person) ?: "", phone) != 0 ||
             g_strcmp0 (hd_person_get_email (person) ?: "", email) != 0;
  hd_person_set_position (person, position);
  hd_person_set_phone (person, phone);
  hd_person_set_email (person, email);
  return person;
}

static gboolean
write_all (HdNewcomerEditor  *self,
           HdPerson          *person,
           gboolean           person_changed,
           HdNewcomer        *newcomer,
           GError           **error)
{
  HdDatabase *db = get_db (self);

  /* The new person and the newcomer are saved together or not at all */
  if (!hd_database_begin (db, error))
    return FALSE;
  if (person_changed && !hd_person_store_save (db, person, error))
    goto failed;
  hd_newcomer_set_person_id (newcomer, hd_person_get_id (person));
  if (!hd_newcomer_store_save (db, self->workdays, newcomer, error))
    goto failed;
  if (!hd_database_commit (db, error))
    return FALSE;
  return TRUE;

failed:
  hd_database_rollback (db);
  return FALSE;
}

/* ---------------------------------------------------------------------------------------- */
/* The sign-off sheet                                                                        */

typedef struct {
  HdSignoffSheet  sheet;
  char           *school_name;
  char           *employee_name;
  char           *position;
  char           *trainer;
} SheetData;

static void
sheet_data_free (SheetData *data)
{
  g_free (data->school_name);
  g_free (data->employee_name);
  g_free (data->position);
  g_free (data->trainer);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SheetData, sheet_data_free)

/* What is on screen, saved or not: the sheet is often printed before the training */
static SheetData *
collect_sheet (HdNewcomerEditor *self)
{
  SheetData *data = g_new0 (SheetData, 1);

  data->school_name = hd_context_get_setting (self->context, HD_SETTING_SCHOOL_NAME);
  data->employee_name = row_text (self->name_row);
  data->position = row_text (self->position_row);
  data->trainer = row_text (self->trainer_row);
  data->sheet.school_name = data->school_name;
  data->sheet.employee_name = data->employee_name;
  data->sheet.position = data->position;
  data->sheet.trainer = data->trainer;
  data->sheet.started_on = self->started_on;
  data->sheet.trained_on = self->trained_on;
  g_date_clear (&data->sheet.due_on, 1);
  if (g_date_valid (&self->started_on) && self->workdays != NULL)
    hd_workdays_due_date (self->workdays, &self->started_on,
                          hd_newcomer_store_get_deadline_days (get_db (self)),
                          &data->sheet.due_on, NULL, NULL);
  data->sheet.checklist = checklist_mask (self);
  data->sheet.mandatory = hd_newcomer_store_get_mandatory (get_db (self));
  return data;
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              SheetData         *data)
{
  hd_signoff_sheet_draw (&data->sheet, gtk_print_context_get_cairo_context (context),
                         gtk_print_context_get_width (context),
                         gtk_print_context_get_height (context));
}

static void
print_sheet_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HdNewcomerEditor *self = HD_NEWCOMER_EDITOR (widget);
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr(GError) error = NULL;
  SheetData *data = collect_sheet (self);
  g_autofree char *job = NULL;

  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  /* Points, not millimetres: Pango rounds glyph positions in user units (PLATFORM-NOTES §4.3) */
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_n_pages (operation, 1);
  /* Translators: the print job's name; %s is the employee's name */
  job = g_strdup_printf (_("Sign-off sheet — %s"), data->employee_name);
  gtk_print_operation_set_job_name (operation, job);
  g_object_set_data_full (G_OBJECT (operation), "hd-sheet", data, (GDestroyNotify) sheet_data_free);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), data);

  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    toast (self, error->message);
}

static void
export_response_cb (GtkNativeDialog  *dialog,
                    int               response,
                    HdNewcomerEditor *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (path == NULL || !hd_newcomer_editor_export_sheet (self, path, &error))
        toast (self, error != NULL ? error->message : _("The sheet can only be saved to a local folder."));
      else
        toast (self, _("The sign-off sheet is saved"));
    }
  g_object_unref (dialog);
}

static void
export_sheet_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  HdNewcomerEditor *self = HD_NEWCOMER_EDITOR (widget);
  GtkFileChooserNative *dialog;
  g_autofree char *name = row_text (self->name_row);
  g_autofree char *file_name = NULL;

  dialog = gtk_file_chooser_native_new (_("Save the Sign-Off Sheet"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  /* Translators: the suggested file name of the sign-off sheet; %s is the employee's name */
  file_name = g_strdup_printf (_("Sign-off sheet — %s.pdf"), name[0] != '\0' ? name : _("new employee"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), file_name);
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  hd_newcomer_editor_save (HD_NEWCOMER_EDITOR (widget));
}

/* ---------------------------------------------------------------------------------------- */

static void
hd_newcomer_editor_constructed (GObject *object)
{
  HdNewcomerEditor *self = HD_NEWCOMER_EDITOR (object);

  G_OBJECT_CLASS (hd_newcomer_editor_parent_class)->constructed (object);

  g_assert (HD_IS_CONTEXT (self->context));
  g_assert (get_db (self) != NULL);
}

static void
hd_newcomer_editor_dispose (GObject *object)
{
  HdNewcomerEditor *self = HD_NEWCOMER_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HD_TYPE_NEWCOMER_EDITOR);
  g_clear_object (&self->context);
  g_clear_object (&self->original);
  g_clear_object (&self->person);
  g_clear_object (&self->terms);
  self->workdays = NULL;
  self->booking_row = NULL;
  self->booking_button = NULL;

  G_OBJECT_CLASS (hd_newcomer_editor_parent_class)->dispose (object);
}

static void
hd_newcomer_editor_finalize (GObject *object)
{
  HdNewcomerEditor *self = HD_NEWCOMER_EDITOR (object);

  g_clear_pointer (&self->errors, g_hash_table_unref);
  g_clear_pointer (&self->loaded, g_free);
  g_clear_pointer (&self->history_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (hd_newcomer_editor_parent_class)->finalize (object);
}

static void
hd_newcomer_editor_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  HdNewcomerEditor *self = HD_NEWCOMER_EDITOR (object);

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
hd_newcomer_editor_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  HdNewcomerEditor *self = HD_NEWCOMER_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_newcomer_editor_class_init (HdNewcomerEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hd_newcomer_editor_constructed;
  object_class->dispose = hd_newcomer_editor_dispose;
  object_class->finalize = hd_newcomer_editor_finalize;
  object_class->get_property = hd_newcomer_editor_get_property;
  object_class->set_property = hd_newcomer_editor_set_property;

  GTK_WINDOW_CLASS (klass)->close_request = hd_newcomer_editor_close_request;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         HD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HdNewcomerEditor::saved:
   * @newcomer: the newcomer as stored
   *
   * Emitted after the newcomer was written to the database, just before the editor closes.
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, HD_TYPE_NEWCOMER);

  /**
   * HdNewcomerEditor::training-booked:
   * @appointment_id: the consultation booked
   *
   * The training was booked in the calendar from the editor (it is written at once, whether
   * the editor is saved or not).
   */
  signals[TRAINING_BOOKED] =
    g_signal_new ("training-booked",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/onboarding/hd-newcomer-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, HdNewcomerEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, HdNewcomerEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HdNewcomerEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, HdNewcomerEditor, position_row);
  gtk_widget_class_bind_template_child (widget_class, HdNewcomerEditor, phone_row);
  gtk_widget_class_bind_template_child (widget_class, HdNewcomerEditor, email_row);
  gtk_widget_class_bind_template_child (widget_class, HdNewcomerEditor, suggestions);
  gtk_widget_class_bind_template_child (widget_class, HdNewcomerEditor, person_error);
  gtk_widget_class_bind_template_child (widget_class, HdNewcomerEditor, start_row);
  gtk_widget_class_bind_template_child (widget_class, HdNewcomerEditor, start_button);
  gtk_widget_class_bind_template_child (widget_class, HdNewcomerEditor, start_calendar);
  gtk_widget_class_bind_template_child (widget_class, HdNewcomerEditor, due_row);
  gtk_widget_class_bind_template_child (widget_class, HdNewcomerEditor, due_explanation);
  gtk_widget_class_bind_template_child (widget_class, HdNewcomerEditor, checklist_group);
  gtk_widget_class_bind_template_child (widget_class, HdNewcomerEditor, trained_row);
  gtk_widget_class_bind_template_child (widget_class, HdNewcomerEditor, trained_button);
  gtk_widget_class_bind_template_child (widget_class, HdNewcomerEditor, trained_calendar);
  gtk_widget_class_bind_template_child (widget_class, HdNewcomerEditor, trainer_row);
  gtk_widget_class_bind_template_child (widget_class, HdNewcomerEditor, training_error);
  gtk_widget_class_bind_template_child (widget_class, HdNewcomerEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, HdNewcomerEditor, history_group);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, suggestion_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, start_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, trained_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, trained_clear_clicked_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.print-sheet", NULL, print_sheet_action);
  gtk_widget_class_install_action (widget_class, "editor.export-sheet", NULL, export_sheet_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "editor.print-sheet", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hd_newcomer_editor_init (HdNewcomerEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->history_rows = g_ptr_array_new ();
  g_date_clear (&self->started_on, 1);
  g_date_clear (&self->trained_on, 1);

  g_signal_connect_swapped (self->start_calendar, "notify::month", G_CALLBACK (start_calendar_month_cb), self);
  g_signal_connect_swapped (self->start_calendar, "notify::year", G_CALLBACK (start_calendar_month_cb), self);
  g_signal_connect_swapped (self->trained_calendar, "notify::month", G_CALLBACK (trained_calendar_month_cb), self);
  g_signal_connect_swapped (self->trained_calendar, "notify::year", G_CALLBACK (trained_calendar_month_cb), self);
}

/* ---------------------------------------------------------------------------------------- */
/* Public API                                                                                */

/**
 * hd_newcomer_editor_new:
 * @context: the context, with an open database
 * @id: the newcomer to edit, or 0 to add a new employee
 */
HdNewcomerEditor *
hd_newcomer_editor_new (HdContext *context,
                        gint64     id)
{
  HdNewcomerEditor *self;

  g_return_val_if_fail (HD_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (hd_context_get_database (context) != NULL, NULL);

  self = g_object_new (HD_TYPE_NEWCOMER_EDITOR, "context", context, NULL);
  load (self, id);
  return self;
}

gint64
hd_newcomer_editor_get_newcomer_id (HdNewcomerEditor *self)
{
  g_return_val_if_fail (HD_IS_NEWCOMER_EDITOR (self), 0);
  return self->original != NULL ? hd_newcomer_get_id (self->original) : 0;
}

/* Makes @person_id the employee, as picking them from the suggestions does */
gboolean
hd_newcomer_editor_choose_person (HdNewcomerEditor *self,
                                  gint64            person_id)
{
  g_autoptr(HdPerson) person = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (HD_IS_NEWCOMER_EDITOR (self), FALSE);

  person = hd_person_store_get (get_db (self), person_id, &error);
  if (person == NULL)
    {
      toast (self, error->message);
      return FALSE;
    }
  g_set_object (&self->person, person);
  show_person (self, person);
  clear_suggestions (self);
  return TRUE;
}

void
hd_newcomer_editor_set_started_on (HdNewcomerEditor *self,
                                   const GDate      *day)
{
  g_return_if_fail (HD_IS_NEWCOMER_EDITOR (self));
  g_return_if_fail (day != NULL);

  calendar_select (self->start_calendar, day);
  self->started_on = *day;
  update_dates (self);
}

/* @day: (nullable): the day of the training, %NULL when not trained yet */
void
hd_newcomer_editor_set_trained_on (HdNewcomerEditor *self,
                                   const GDate      *day)
{
  g_return_if_fail (HD_IS_NEWCOMER_EDITOR (self));

  if (day == NULL || !g_date_valid (day))
    {
      trained_clear_clicked_cb (self);
      return;
    }
  calendar_select (self->trained_calendar, day);
  self->trained_on = *day;
  update_dates (self);
}

void
hd_newcomer_editor_set_item_done (HdNewcomerEditor *self,
                                  HdChecklistItem   item,
                                  gboolean          done)
{
  g_return_if_fail (HD_IS_NEWCOMER_EDITOR (self));
  g_return_if_fail (item < HD_N_CHECKLIST_ITEMS);

  gtk_check_button_set_active (self->checks[item], done);
}

/**
 * hd_newcomer_editor_get_field_widget:
 * @field: a column of `newcomers` or `people` (e.g. `started_on`, `due_on`, `phone`), or
 *   `book_training` for the button that books the training
 *
 * Returns: (transfer none) (nullable): the widget that shows the field
 */
GtkWidget *
hd_newcomer_editor_get_field_widget (HdNewcomerEditor *self,
                                     const char       *field)
{
  g_return_val_if_fail (HD_IS_NEWCOMER_EDITOR (self), NULL);
  if (g_strcmp0 (field, "book_training") == 0)
    return self->booking_button;
  return field_widget (self, field);
}

/* Returns: (nullable): the error shown at @field since the last save, if any */
const char *
hd_newcomer_editor_get_field_error (HdNewcomerEditor *self,
                                    const char       *field)
{
  g_return_val_if_fail (HD_IS_NEWCOMER_EDITOR (self), NULL);
  return g_hash_table_lookup (self->errors, field);
}

/**
 * hd_newcomer_editor_save:
 *
 * Validates everything, shows the errors at their fields and keeps the window open with what
 * was typed; otherwise writes the person and the newcomer in one transaction, emits
 * #HdNewcomerEditor::saved and closes.
 *
 * Returns: %TRUE when saved
 */
gboolean
hd_newcomer_editor_save (HdNewcomerEditor *self)
{
  g_autoptr(HdNewcomer) newcomer = NULL;
  g_autoptr(HdPerson) person = NULL;
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GPtrArray) person_errors = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  gboolean person_changed;

  g_return_val_if_fail (HD_IS_NEWCOMER_EDITOR (self), FALSE);

  clear_errors (self);
  if (self->workdays == NULL)
    {
      toast (self, _("The production calendar is missing, so the due date cannot be worked out. Reinstall the application."));
      return FALSE;
    }

  newcomer = collect (self);
  person = collect_person (self, &person_changed);
  name = row_text (self->name_row);

  person_errors = hd_person_validate_all (person);
  for (guint i = 0; i < person_errors->len; i++)
    show_field_error (self, g_ptr_array_index (person_errors, i));

  /* A new person has no id yet: the store's "choose a person" is answered by the name */
  errors = hd_newcomer_store_validate_all (get_db (self), newcomer);
  for (guint i = 0; i < errors->len; i++)
    {
      GError *e = g_ptr_array_index (errors, i);

      if (self->person == NULL && g_strcmp0 (hd_error_get_field (e), "person_id") == 0 && name[0] != '\0')
        continue;
      show_field_error (self, e);
    }

  if (g_hash_table_size (self->errors) > 0)
    {
      toast (self, _("Nothing was saved: correct the marked fields."));
      focus_first_error (self);
      return FALSE;
    }

  if (!write_all (self, person, person_changed, newcomer, &error))
    {
      show_field_error (self, error);
      return FALSE;
    }

  g_signal_emit (self, signals[SAVED], 0, newcomer);
  self->closing = TRUE;
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

/* Writes the sign-off sheet of what the editor shows as an A4 PDF */
gboolean
hd_newcomer_editor_export_sheet (HdNewcomerEditor  *self,
                                 const char        *path,
                                 GError           **error)
{
  g_autoptr(SheetData) data = NULL;

  g_return_val_if_fail (HD_IS_NEWCOMER_EDITOR (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  data = collect_sheet (self);
  return hd_signoff_sheet_write_pdf (&data->sheet, path, error);
}
