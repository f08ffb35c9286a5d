/* hd-booking-dialog.c — book a consultation, or record a visitor received without booking
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Person (chosen from people as one types, or new), topic, form, the request it belongs to
 * (an open request of that person, or a new one created with it), notes, a weekly repeat.
 * The booking rules are the core's (hd_booking_check()); a refusal is shown with the nearest
 * free slots as buttons that move the booking there. In walk-in mode («Принят без записи»)
 * the time is now and the outcome is asked for: the request and the held consultation are
 * written in one step.
 */
#define G_LOG_DOMAIN "hd-booking-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "hd-appointment.h"
#include "hd-availability.h"
#include "hd-booking.h"
#include "hd-booking-dialog.h"
#include "hd-enums.h"
#include "hd-error.h"
#include "hd-person-store.h"
#include "hd-request-store.h"

#define MAX_MATCHES 6

struct _HdBookingDialog
{
  AdwWindow parent_instance;

  /* Widgets */
  GtkWidget *book_button;
  GtkWidget *when_row;
  GtkWidget *start_row;
  GtkWidget *length_spin;
  GtkWidget *person_row;
  GtkWidget *matches;
  GtkWidget *kind_row;
  GtkWidget *topic_row;
  GtkWidget *mode_row;
  GtkWidget *request_row;
  GtkWidget *summary_row;
  GtkWidget *notes_row;
  GtkWidget *outcome_row;
  GtkWidget *repeat_check;
  GtkWidget *until_row;
  GtkWidget *error_label;
  GtkWidget *suggestions_box;

  /* Owned */
  HdContext  *context;
  HdWorkdays *workdays;
  HdTerms    *terms;
  GArray     *request_ids;   /* gint64, parallel to request_row's items after the first */
  char       *error_text;

  gboolean    walk_in;
  gint64      starts_at;
  gint64      person_id;
  guint       n_suggestions;
  gboolean    choosing;
};

G_DEFINE_FINAL_TYPE (HdBookingDialog, hd_booking_dialog, ADW_TYPE_WINDOW)

enum {
  BOOKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---------------------------------------------------------------------------------------- */

static HdDatabase *
get_db (HdBookingDialog *self)
{
  return hd_context_get_database (self->context);
}

static GDateTime *
local_time (HdBookingDialog *self,
            gint64           instant)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (instant);

  return g_date_time_to_timezone (utc, hd_terms_get_time_zone (self->terms));
}

static void
update_when (HdBookingDialog *self)
{
  g_autoptr(GDateTime) local = local_time (self, self->starts_at);
  g_autofree char *date = g_date_time_format (local, "%A, %-d %B %Y");
  g_autofree char *time = g_date_time_format (local, "%H:%M");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->when_row), date);
  self->choosing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->start_row), time);
  self->choosing = FALSE;
}

static void
clear_error (HdBookingDialog *self)
{
  GtkWidget *child;

  g_clear_pointer (&self->error_text, g_free);
  gtk_widget_set_visible (self->error_label, FALSE);
  while ((child = gtk_widget_get_first_child (self->suggestions_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->suggestions_box), child);
  gtk_widget_set_visible (self->suggestions_box, FALSE);
  self->n_suggestions = 0;
  gtk_widget_remove_css_class (self->start_row, "error");
  gtk_widget_remove_css_class (self->person_row, "error");
  gtk_widget_remove_css_class (self->summary_row, "error");
  gtk_widget_remove_css_class (self->request_row, "error");
}

static void
suggestion_clicked_cb (HdBookingDialog *self,
                       GtkButton       *button)
{
  gint64 *start = g_object_get_data (G_OBJECT (button), "starts-at");

  hd_booking_dialog_set_start (self, *start);
  clear_error (self);
}

static void
show_error (HdBookingDialog *self,
            const GError    *error,
            GPtrArray       *suggestions)
{
  const char *field = hd_error_get_field (error);

  clear_error (self);
  self->error_text = g_strdup (error->message);
  gtk_label_set_text (GTK_LABEL (self->error_label), error->message);
  gtk_widget_set_visible (self->error_label, TRUE);

  if (g_strcmp0 (field, "starts_at") == 0 || g_strcmp0 (field, "ends_at") == 0)
    gtk_widget_add_css_class (self->start_row, "error");
  else if (g_strcmp0 (field, "person_id") == 0 || g_strcmp0 (field, "full_name") == 0 ||
           g_strcmp0 (field, "requester_id") == 0)
    gtk_widget_add_css_class (self->person_row, "error");
  else if (g_strcmp0 (field, "summary") == 0)
    gtk_widget_add_css_class (self->summary_row, "error");
  else if (g_strcmp0 (field, "request_id") == 0)
    gtk_widget_add_css_class (self->request_row, "error");

  if (suggestions == NULL || suggestions->len == 0)
    return;

  {
    GtkWidget *label = gtk_label_new (_("Free times nearby:"));

    gtk_box_append (GTK_BOX (self->suggestions_box), label);
  }
  for (guint i = 0; i < suggestions->len; i++)
    {
      HdSlot *slot = g_ptr_array_index (suggestions, i);
      g_autoptr(GDateTime) local = local_time (self, slot->starts_at);
      g_autofree char *text = g_date_time_format (local, "%a %-d %b, %H:%M");
      GtkWidget *button = gtk_button_new_with_label (text);
      gint64 *start = g_new (gint64, 1);

      *start = slot->starts_at;
      g_object_set_data_full (G_OBJECT (button), "starts-at", start, g_free);
      gtk_widget_add_css_class (button, "pill");
      gtk_widget_add_css_class (button, "suggestion");
      g_signal_connect_swapped (button, "clicked", G_CALLBACK (suggestion_clicked_cb), self);
      gtk_box_append (GTK_BOX (self->suggestions_box), button);
    }
  self->n_suggestions = suggestions->len;
  gtk_widget_set_visible (self->suggestions_box, TRUE);
}

static void
show_message (HdBookingDialog *self,
              const char      *message,
              const char      *field)
{
  g_autoptr(GError) error = NULL;

  hd_error_set_field (&error, field, "%s", message);
  show_error (self, error, NULL);
}

/* The open requests of the chosen person, after «New request» */
static void
load_requests (HdBookingDialog *self)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) requests = NULL;

  g_array_set_size (self->request_ids, 0);
  gtk_string_list_append (list, _("New request"));
  if (self->person_id > 0)
    requests = hd_request_store_list_for_person (get_db (self), self->person_id, TRUE, NULL);
  for (guint i = 0; requests != NULL && i < requests->len; i++)
    {
      HdRequest *r = g_ptr_array_index (requests, i);
      gint64 id = hd_request_get_id (r);
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      /* Translators: a request in a list: its number and summary, «№ 12 — Не видны оценки» */
      g_autofree char *text = g_strdup_printf (_("No. %s — %s"), number, hd_request_get_summary (r));

      gtk_string_list_append (list, text);
      g_array_append_val (self->request_ids, id);
    }
  adw_combo_row_set_model (ADW_COMBO_ROW (self->request_row), G_LIST_MODEL (list));
  /* An existing open request is the likelier: a consultation usually follows a call */
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->request_row), self->request_ids->len > 0 ? 1 : 0);
}

static void
request_selected_cb (HdBookingDialog *self)
{
  gtk_widget_set_visible (self->summary_row,
                          self->walk_in || adw_combo_row_get_selected (ADW_COMBO_ROW (self->request_row)) == 0);
}

static void
match_activated_cb (HdBookingDialog *self,
                    GtkListBoxRow   *row,
                    GtkListBox      *box)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "person-id");

  if (id != NULL)
    hd_booking_dialog_choose_person (self, *id);
}

static void
person_changed_cb (HdBookingDialog *self)
{
  g_autoptr(GPtrArray) people = NULL;
  const char *text;
  GtkWidget *child;

  if (self->choosing)
    return;
  /* Typing forgets the chosen person: the text is a new name until a match is chosen */
  if (self->person_id != 0)
    {
      self->person_id = 0;
      load_requests (self);
    }
  while ((child = gtk_widget_get_first_child (self->matches)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->matches), child);

  text = gtk_editable_get_text (GTK_EDITABLE (self->person_row));
  if (text != NULL && g_utf8_strlen (text, -1) >= 2)
    people = hd_person_store_list (get_db (self), -1, text, MAX_MATCHES, NULL);
  for (guint i = 0; people != NULL && i < people->len; i++)
    {
      HdPerson *person = g_ptr_array_index (people, i);
      GtkWidget *row = adw_action_row_new ();
      gint64 *id = g_new (gint64, 1);
      g_autofree char *escaped = g_markup_escape_text (hd_person_get_full_name (person), -1);

      *id = hd_person_get_id (person);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   hd_enum_label (HD_ENUM_REQUESTER_KIND, hd_person_get_kind (person)));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "person-id", id, g_free);
      gtk_list_box_append (GTK_LIST_BOX (self->matches), row);
    }
  gtk_widget_set_visible (self->matches, people != NULL && people->len > 0);
  gtk_widget_set_visible (self->kind_row, text != NULL && *text != '\0');
}

static void
start_changed_cb (HdBookingDialog *self)
{
  const char *text;
  int minutes;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) midnight = NULL;

  if (self->choosing)
    return;
  text = gtk_editable_get_text (GTK_EDITABLE (self->start_row));
  if (!hd_terms_parse_time_of_day (text, &minutes))
    return;
  local = local_time (self, self->starts_at);
  midnight = g_date_time_new (hd_terms_get_time_zone (self->terms), g_date_time_get_year (local),
                              g_date_time_get_month (local), g_date_time_get_day_of_month (local),
                              0, 0, 0);
  self->starts_at = g_date_time_to_unix (midnight) + (gint64) minutes * 60;
}

static void
cancel_clicked_cb (HdBookingDialog *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
book_clicked_cb (HdBookingDialog *self)
{
  if (hd_booking_dialog_save (self))
    gtk_window_destroy (GTK_WINDOW (self));
}

/* ---------------------------------------------------------------------------------------- */

static GtkWidget *
combo_row_for_enum (const char *title,
                    HdEnumKind  kind)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  GtkWidget *row = adw_combo_row_new ();

  for (guint i = 0; i < hd_enum_count (kind); i++)
    gtk_string_list_append (list, hd_enum_label (kind, (int) i));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (list));
  return row;
}

static GtkWidget *
new_group (GtkWidget  *box,
           const char *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  if (title != NULL)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_box_append (GTK_BOX (box), group);
  return group;
}

static void
build (HdBookingDialog *self)
{
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *group, *row;

  gtk_window_set_title (GTK_WINDOW (self), self->walk_in ? _("Received Without Booking")
                                                         : _("Book a Consultation"));
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 720);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);

  self->book_button = gtk_button_new_with_mnemonic (self->walk_in ? _("_Record") : _("_Book"));
  gtk_widget_add_css_class (self->book_button, "suggested-action");
  g_signal_connect_swapped (self->book_button, "clicked", G_CALLBACK (book_clicked_cb), self);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (cancel_clicked_cb), self);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->book_button);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->book_button);
  gtk_box_append (GTK_BOX (toolbar), header);

  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_box_append (GTK_BOX (toolbar), scrolled);
  adw_window_set_content (ADW_WINDOW (self), toolbar);

  /* The refusal, and the free times nearby as buttons */
  self->error_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->error_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->error_label), 0);
  gtk_widget_add_css_class (self->error_label, "error");
  gtk_widget_set_visible (self->error_label, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->error_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Why the booking was refused"), -1);
  gtk_box_append (GTK_BOX (box), self->error_label);
  self->suggestions_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_visible (self->suggestions_box, FALSE);
  gtk_box_append (GTK_BOX (box), self->suggestions_box);

  /* When */
  group = new_group (box, _("When"));
  self->when_row = adw_action_row_new ();
  gtk_widget_add_css_class (self->when_row, "property");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->when_row);
  self->start_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->start_row), _("Start (HH:MM)"));
  g_signal_connect_swapped (self->start_row, "changed", G_CALLBACK (start_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->start_row);
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Length, minutes"));
  self->length_spin = gtk_spin_button_new_with_range (5, 240, 5);
  gtk_widget_set_valign (self->length_spin, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), self->length_spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), self->length_spin);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  /* Who and what */
  group = new_group (box, _("Visitor"));
  self->person_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->person_row), _("Full name"));
  g_signal_connect_swapped (self->person_row, "changed", G_CALLBACK (person_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->person_row);
  self->kind_row = combo_row_for_enum (_("Who is it, if new"), HD_ENUM_REQUESTER_KIND);
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->kind_row), HD_REQUESTER_PARENT);
  gtk_widget_set_visible (self->kind_row, FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->kind_row);
  self->matches = gtk_list_box_new ();
  gtk_widget_add_css_class (self->matches, "boxed-list");
  gtk_widget_set_margin_top (self->matches, 6);
  gtk_widget_set_visible (self->matches, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->matches),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("People with this name"), -1);
  g_signal_connect_swapped (self->matches, "row-activated", G_CALLBACK (match_activated_cb), self);
  gtk_box_append (GTK_BOX (box), self->matches);

  group = new_group (box, _("Consultation"));
  self->topic_row = combo_row_for_enum (_("Topic"), HD_ENUM_TOPIC);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->topic_row);
  self->mode_row = combo_row_for_enum (_("Form"), HD_ENUM_APPOINTMENT_MODE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->mode_row);
  self->request_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->request_row), _("Request"));
  g_signal_connect_swapped (self->request_row, "notify::selected", G_CALLBACK (request_selected_cb), self);
  /* A walk-in always opens a new request */
  gtk_widget_set_visible (self->request_row, !self->walk_in);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->request_row);
  self->summary_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->summary_row), _("What the request is about"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->summary_row);
  self->notes_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->notes_row), _("Notes"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->notes_row);
  self->outcome_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->outcome_row), _("Outcome: the answer given"));
  gtk_widget_set_visible (self->outcome_row, self->walk_in);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->outcome_row);

  /* Weekly repeats */
  group = new_group (box, NULL);
  gtk_widget_set_visible (group, !self->walk_in);
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Repeat every week"));
  self->repeat_check = gtk_check_button_new ();
  gtk_widget_set_valign (self->repeat_check, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), self->repeat_check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), self->repeat_check);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  self->until_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->until_row), _("Until (DD.MM.YYYY)"));
  g_object_bind_property (self->repeat_check, "active", self->until_row, "sensitive", G_BINDING_SYNC_CREATE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->until_row);
}

/* ---------------------------------------------------------------------------------------- */

static void
hd_booking_dialog_dispose (GObject *object)
{
  HdBookingDialog *self = HD_BOOKING_DIALOG (object);

  g_clear_object (&self->context);
  g_clear_object (&self->workdays);
  g_clear_object (&self->terms);

  G_OBJECT_CLASS (hd_booking_dialog_parent_class)->dispose (object);
}

static void
hd_booking_dialog_finalize (GObject *object)
{
  HdBookingDialog *self = HD_BOOKING_DIALOG (object);

  g_clear_pointer (&self->request_ids, g_array_unref);
  g_free (self->error_text);

  G_OBJECT_CLASS (hd_booking_dialog_parent_class)->finalize (object);
}

static void
hd_booking_dialog_class_init (HdBookingDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hd_booking_dialog_dispose;
  object_class->finalize = hd_booking_dialog_finalize;

  /**
   * HdBookingDialog::booked:
   *
   * A consultation (or a series, or a walk-in) was written.
   */
  signals[BOOKED] = g_signal_new ("booked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hd_booking_dialog_init (HdBookingDialog *self)
{
  self->request_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

/* ---------------------------------------------------------------------------------------- */
/* Public API                                                                                */

/**
 * hd_booking_dialog_new:
 * @starts_at: the slot clicked (Unix seconds); ignored for a walk-in, which is now
 * @walk_in: record a visitor received without booking instead of booking
 */
HdBookingDialog *
hd_booking_dialog_new (HdContext  *context,
                       HdWorkdays *workdays,
                       HdTerms    *terms,
                       gint64      starts_at,
                       gboolean    walk_in)
{
  HdBookingDialog *self;
  HdDatabase *db;

  g_return_val_if_fail (HD_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (HD_IS_WORKDAYS (workdays), NULL);
  g_return_val_if_fail (HD_IS_TERMS (terms), NULL);

  self = g_object_new (HD_TYPE_BOOKING_DIALOG, NULL);
  self->context = g_object_ref (context);
  self->workdays = g_object_ref (workdays);
  self->terms = g_object_ref (terms);
  self->walk_in = walk_in;
  db = hd_context_get_database (context);

  build (self);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->length_spin),
                             walk_in ? 20 : hd_availability_get_slot_minutes (db));
  if (walk_in)
    {
      /* A walk-in is recorded as it ends: it started the length of the visit ago */
      starts_at = hd_context_get_now (context) - 20 * 60;
      starts_at -= starts_at % 60;
    }
  self->starts_at = starts_at;
  update_when (self);
  load_requests (self);
  request_selected_cb (self);
  return self;
}

gboolean
hd_booking_dialog_get_walk_in (HdBookingDialog *self)
{
  g_return_val_if_fail (HD_IS_BOOKING_DIALOG (self), FALSE);
  return self->walk_in;
}

void
hd_booking_dialog_set_start (HdBookingDialog *self,
                             gint64           starts_at)
{
  g_return_if_fail (HD_IS_BOOKING_DIALOG (self));

  self->starts_at = starts_at;
  update_when (self);
}

gint64
hd_booking_dialog_get_start (HdBookingDialog *self)
{
  g_return_val_if_fail (HD_IS_BOOKING_DIALOG (self), 0);
  return self->starts_at;
}

/**
 * hd_booking_dialog_choose_person:
 *
 * Chooses a person from the people (as clicking a match does) and offers their open requests.
 *
 * Returns: %FALSE when the person does not exist
 */
gboolean
hd_booking_dialog_choose_person (HdBookingDialog *self,
                                 gint64           person_id)
{
  g_autoptr(HdPerson) person = NULL;
  GtkWidget *child;

  g_return_val_if_fail (HD_IS_BOOKING_DIALOG (self), FALSE);

  person = hd_person_store_get (get_db (self), person_id, NULL);
  if (person == NULL)
    return FALSE;

  self->choosing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->person_row), hd_person_get_full_name (person));
  self->choosing = FALSE;
  self->person_id = person_id;
  while ((child = gtk_widget_get_first_child (self->matches)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->matches), child);
  gtk_widget_set_visible (self->matches, FALSE);
  gtk_widget_set_visible (self->kind_row, FALSE);
  load_requests (self);
  return TRUE;
}

/**
 * hd_booking_dialog_get_field_widget:
 * @field: "start", "length", "person", "matches", "kind", "topic", "mode", "request",
 *   "summary", "notes", "outcome", "repeat", "until", "suggestions"
 *
 * Returns: (transfer none) (nullable): the widget of @field, for tests and focus
 */
GtkWidget *
hd_booking_dialog_get_field_widget (HdBookingDialog *self,
                                    const char      *field)
{
  const struct { const char *name; gsize offset; } fields[] = {
    { "start", G_STRUCT_OFFSET (HdBookingDialog, start_row) },
    { "length", G_STRUCT_OFFSET (HdBookingDialog, length_spin) },
    { "person", G_STRUCT_OFFSET (HdBookingDialog, person_row) },
    { "matches", G_STRUCT_OFFSET (HdBookingDialog, matches) },
    { "kind", G_STRUCT_OFFSET (HdBookingDialog, kind_row) },
    { "topic", G_STRUCT_OFFSET (HdBookingDialog, topic_row) },
    { "mode", G_STRUCT_OFFSET (HdBookingDialog, mode_row) },
    { "request", G_STRUCT_OFFSET (HdBookingDialog, request_row) },
    { "summary", G_STRUCT_OFFSET (HdBookingDialog, summary_row) },
    { "notes", G_STRUCT_OFFSET (HdBookingDialog, notes_row) },
    { "outcome", G_STRUCT_OFFSET (HdBookingDialog, outcome_row) },
    { "repeat", G_STRUCT_OFFSET (HdBookingDialog, repeat_check) },
    { "until", G_STRUCT_OFFSET (HdBookingDialog, until_row) },
    { "suggestions", G_STRUCT_OFFSET (HdBookingDialog, suggestions_box) },
  };

  g_return_val_if_fail (HD_IS_BOOKING_DIALOG (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i].name, field))
      return G_STRUCT_MEMBER (GtkWidget *, self, fields[i].offset);
  return NULL;
}

/**
 * hd_booking_dialog_get_error:
 *
 * Returns: (nullable): the message shown after the last refused save
 */
const char *
hd_booking_dialog_get_error (HdBookingDialog *self)
{
  g_return_val_if_fail (HD_IS_BOOKING_DIALOG (self), NULL);
  return self->error_text;
}

guint
hd_booking_dialog_get_n_suggestions (HdBookingDialog *self)
{
  g_return_val_if_fail (HD_IS_BOOKING_DIALOG (self), 0);
  return self->n_suggestions;
}

static gboolean
parse_until (const char *text,
             GDate      *out)
{
  int d, m, y;

  g_date_clear (out, 1);
  if (text == NULL || sscanf (text, "%d.%d.%d", &d, &m, &y) != 3 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (out, d, m, y);
  return TRUE;
}

/* The person to book for: the one chosen, one with exactly the typed name, or a new one */
static gint64
resolve_person (HdBookingDialog  *self,
                GError          **error)
{
  HdDatabase *db = get_db (self);
  g_autofree char *name = NULL;
  g_autoptr(HdPerson) found = NULL;
  g_autoptr(HdPerson) person = NULL;

  if (self->person_id > 0)
    return self->person_id;
  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->person_row))));
  if (*name == '\0')
    {
      hd_error_set_field (error, "person_id", _("Type the visitor’s name, or choose one from the list."));
      return 0;
    }
  found = hd_person_store_find_by_name (db, name, NULL);
  if (found != NULL)
    return hd_person_get_id (found);

  person = hd_person_new ();
  hd_person_set_full_name (person, name);
  hd_person_set_kind (person, (int) adw_combo_row_get_selected (ADW_COMBO_ROW (self->kind_row)));
  if (!hd_person_store_create (db, person, error))
    return 0;
  return hd_person_get_id (person);
}

/**
 * hd_booking_dialog_save:
 *
 * Books (or records the walk-in) as the Book button does. On a refusal the message and the
 * suggested slots are shown and the dialog stays open.
 *
 * Returns: %TRUE when written; "booked" has been emitted
 */
gboolean
hd_booking_dialog_save (HdBookingDialog *self)
{
  HdDatabase *db;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(HdAppointment) a = NULL;
  g_autoptr(HdRequest) request = NULL;
  gint64 now = hd_context_get_now (self->context);
  gint64 ends_at, person_id;
  guint request_index;
  const char *summary;
  gboolean repeat;
  GDate until;
  int minutes;

  g_return_val_if_fail (HD_IS_BOOKING_DIALOG (self), FALSE);

  db = get_db (self);
  clear_error (self);
  if (!hd_terms_parse_time_of_day (gtk_editable_get_text (GTK_EDITABLE (self->start_row)), &minutes))
    {
      show_message (self, _("Type the start time as hours and minutes, for example 14:30."), "starts_at");
      return FALSE;
    }
  start_changed_cb (self);
  ends_at = self->starts_at + (gint64) gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->length_spin)) * 60;
  repeat = !self->walk_in && gtk_check_button_get_active (GTK_CHECK_BUTTON (self->repeat_check));
  if (repeat && !parse_until (gtk_editable_get_text (GTK_EDITABLE (self->until_row)), &until))
    {
      show_message (self, _("Type the date of the last weekly consultation, for example 25.12.2026."), "until");
      return FALSE;
    }

  /* Check the time before anything is written, a new person included */
  if (!self->walk_in &&
      !hd_booking_check (db, self->workdays, self->terms, self->starts_at, ends_at, 0, now,
                         &suggestions, &error))
    {
      show_error (self, error, suggestions);
      return FALSE;
    }

  request_index = adw_combo_row_get_selected (ADW_COMBO_ROW (self->request_row));
  summary = gtk_editable_get_text (GTK_EDITABLE (self->summary_row));
  if ((self->walk_in || request_index == 0) && (summary == NULL || *summary == '\0'))
    {
      show_message (self, _("Say in a few words what the request is about."), "summary");
      return FALSE;
    }

  person_id = resolve_person (self, &error);
  if (person_id == 0)
    {
      show_error (self, error, NULL);
      return FALSE;
    }

  a = hd_appointment_new ();
  hd_appointment_set_starts_at (a, self->starts_at);
  hd_appointment_set_ends_at (a, ends_at);
  hd_appointment_set_person_id (a, person_id);
  hd_appointment_set_topic (a, (int) adw_combo_row_get_selected (ADW_COMBO_ROW (self->topic_row)));
  hd_appointment_set_mode (a, (int) adw_combo_row_get_selected (ADW_COMBO_ROW (self->mode_row)));
  hd_appointment_set_notes (a, gtk_editable_get_text (GTK_EDITABLE (self->notes_row)));

  if (self->walk_in || request_index == 0 || request_index > self->request_ids->len)
    {
      request = hd_request_new ();
      hd_request_set_summary (request, summary);
      hd_request_set_channel (request, self->walk_in || hd_appointment_get_mode (a) == HD_MODE_IN_PERSON
                                       ? HD_CHANNEL_IN_PERSON : HD_CHANNEL_PHONE);
    }
  else
    hd_appointment_set_request_id (a, g_array_index (self->request_ids, gint64, request_index - 1));

  if (self->walk_in)
    {
      const char *outcome = gtk_editable_get_text (GTK_EDITABLE (self->outcome_row));

      hd_appointment_set_outcome (a, outcome);
      if (outcome != NULL && *outcome != '\0')
        {
          hd_request_set_status (request, HD_STATUS_RESOLVED);
          hd_request_set_resolution (request, outcome);
        }
      if (!hd_booking_walk_in (db, self->workdays, self->terms, a, request, now, &error))
        {
          show_error (self, error, NULL);
          return FALSE;
        }
    }
  else if (repeat)
    {
      g_autoptr(GPtrArray) series = hd_booking_book_weekly (db, self->workdays, self->terms, a, request,
                                                            &until, now, NULL, &error);

      if (series == NULL)
        {
          show_error (self, error, NULL);
          return FALSE;
        }
    }
  else if (!hd_booking_book (db, self->workdays, self->terms, a, request, now, &error))
    {
      show_error (self, error, NULL);
      return FALSE;
    }

  g_signal_emit (self, signals[BOOKED], 0);
  return TRUE;
}
