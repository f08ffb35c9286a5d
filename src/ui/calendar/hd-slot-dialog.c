/* hd-slot-dialog.c — choose a new time: move a consultation, or book a new employee's training
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * «Перенести»: the free times nearest to the consultation (its own time counts as free) are
 * offered as a choice, and any date and time can be typed; the core moves it
 * (hd_booking_reschedule(): the old one becomes rescheduled and points to the new one).
 * «Записать на обучение»: the first free times before the newcomer's due date
 * (hd_booking_propose_training_slots()), booked by hd_booking_book_training(). A refusal is
 * shown at the time fields and the choice becomes the free times nearest to the one refused,
 * as when booking.
 */
#define G_LOG_DOMAIN "hd-slot-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "hd-appointment-store.h"
#include "hd-availability.h"
#include "hd-booking.h"
#include "hd-date.h"
#include "hd-enums.h"
#include "hd-error.h"
#include "hd-newcomer-store.h"
#include "hd-slot-dialog.h"

/* How many free times are offered */
#define N_SLOTS 5

typedef enum {
  MODE_RESCHEDULE,
  MODE_TRAINING,
} Mode;

struct _HdSlotDialog
{
  AdwWindow parent_instance;

  /* Widgets */
  GtkWidget  *save_button;
  GtkWidget  *about_row;
  GtkWidget  *error_label;
  GtkWidget  *slots_group;
  GtkWidget  *date_row;
  GtkWidget  *time_row;

  /* Owned */
  HdContext  *context;
  HdWorkdays *workdays;
  HdTerms    *terms;
  GPtrArray  *slots;        /* HdSlot, in the order shown */
  GPtrArray  *slot_rows;    /* (borrowed) the rows of the choice, parallel to slots */
  char       *error_text;

  Mode        mode;
  gint64      appointment_id;
  gint64      newcomer_id;
  gint64      length;       /* seconds */
  gint64      original;     /* the start of the consultation moved, never offered */
  gint64      booked_id;
  gboolean    updating;
};

G_DEFINE_FINAL_TYPE (HdSlotDialog, hd_slot_dialog, ADW_TYPE_WINDOW)

enum {
  BOOKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---------------------------------------------------------------------------------------- */
/* Helpers                                                                                   */

static HdDatabase *
get_db (HdSlotDialog *self)
{
  return hd_context_get_database (self->context);
}

static GDateTime *
local_time (HdSlotDialog *self,
            gint64        instant)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (instant);

  return g_date_time_to_timezone (utc, hd_terms_get_time_zone (self->terms));
}

/* «четверг, 26 ноября, 10:00–10:30» */
static char *
describe_time (HdSlotDialog *self,
               gint64        starts_at,
               gint64        ends_at)
{
  g_autoptr(GDateTime) from = local_time (self, starts_at);
  g_autoptr(GDateTime) to = local_time (self, ends_at);
  g_autofree char *day = g_date_time_format (from, "%A, %-d %B");
  g_autofree char *t0 = g_date_time_format (from, "%H:%M");
  g_autofree char *t1 = g_date_time_format (to, "%H:%M");

  /* Translators: a day and a time span, «четверг, 26 ноября, 10:00–10:30» */
  return g_strdup_printf (_("%s, %s–%s"), day, t0, t1);
}

static void
clear_error (HdSlotDialog *self)
{
  g_clear_pointer (&self->error_text, g_free);
  gtk_widget_set_visible (self->error_label, FALSE);
  gtk_widget_remove_css_class (self->date_row, "error");
  gtk_widget_remove_css_class (self->time_row, "error");
}

static void
show_error (HdSlotDialog *self,
            const char   *message,
            gboolean      at_time)
{
  clear_error (self);
  self->error_text = g_strdup (message);
  gtk_label_set_text (GTK_LABEL (self->error_label), message);
  gtk_widget_set_visible (self->error_label, TRUE);
  if (at_time)
    {
      gtk_widget_add_css_class (self->date_row, "error");
      gtk_widget_add_css_class (self->time_row, "error");
    }
}

/* The date and time fields say @starts_at */
static void
set_fields (HdSlotDialog *self,
            gint64        starts_at)
{
  g_autoptr(GDateTime) local = local_time (self, starts_at);
  g_autofree char *date = g_date_time_format (local, "%d.%m.%Y");
  g_autofree char *time = g_date_time_format (local, "%H:%M");

  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), date);
  gtk_editable_set_text (GTK_EDITABLE (self->time_row), time);
  self->updating = FALSE;
}

static void
slot_toggled_cb (HdSlotDialog   *self,
                 GtkCheckButton *check)
{
  HdSlot *slot;
  guint index;

  if (self->updating || !gtk_check_button_get_active (check))
    return;
  index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "index"));
  g_assert (index < self->slots->len);
  slot = g_ptr_array_index (self->slots, index);
  set_fields (self, slot->starts_at);
  clear_error (self);
}

/* Typing another time leaves the choice */
static void
field_changed_cb (HdSlotDialog *self)
{
  if (self->updating)
    return;
  for (guint i = 0; i < self->slot_rows->len; i++)
    {
      GtkCheckButton *check = g_object_get_data (g_ptr_array_index (self->slot_rows, i), "check");

      self->updating = TRUE;
      gtk_check_button_set_active (check, FALSE);
      self->updating = FALSE;
    }
}

/* Shows @slots (transfer full) as the choice; the first one is chosen when @choose_first */
static void
set_slots (HdSlotDialog *self,
           GPtrArray    *slots,
           gboolean      choose_first)
{
  GtkCheckButton *group = NULL;

  for (guint i = 0; i < self->slot_rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->slots_group),
                                  g_ptr_array_index (self->slot_rows, i));
  g_ptr_array_set_size (self->slot_rows, 0);
  g_clear_pointer (&self->slots, g_ptr_array_unref);
  self->slots = slots != NULL ? slots : g_ptr_array_new_with_free_func ((GDestroyNotify) hd_slot_free);
  /* Its own time comes back as free when a consultation is moved: moving there is no move */
  for (guint i = 0; i < self->slots->len; i++)
    if (self->original != 0 && ((HdSlot *) g_ptr_array_index (self->slots, i))->starts_at == self->original)
      {
        g_ptr_array_remove_index (self->slots, i);
        break;
      }

  for (guint i = 0; i < self->slots->len; i++)
    {
      HdSlot *slot = g_ptr_array_index (self->slots, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      g_autofree char *title = describe_time (self, slot->starts_at, slot->ends_at);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   slot->in_reception ? _("In the reception hours")
                                                      : _("By arrangement, in working hours"));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      if (group != NULL)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
      else
        group = GTK_CHECK_BUTTON (check);
      g_object_set_data (G_OBJECT (check), "index", GUINT_TO_POINTER (i));
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (slot_toggled_cb), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_object_set_data (G_OBJECT (row), "check", check);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->slots_group), row);
      g_ptr_array_add (self->slot_rows, row);
    }

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->slots_group),
                                         self->slots->len == 0
                                         ? _("No free time was found up to the booking horizon. Type a date and time below.")
                                         : NULL);
  if (choose_first && self->slots->len > 0)
    gtk_check_button_set_active (g_object_get_data (g_ptr_array_index (self->slot_rows, 0), "check"), TRUE);
}

static gboolean
parse_date (const char *text,
            GDate      *out)
{
  int d, m, y;

  g_date_clear (out, 1);
  if (text == NULL || sscanf (text, "%d.%d.%d", &d, &m, &y) != 3 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (out, d, m, y);
  return TRUE;
}

static void
cancel_clicked_cb (HdSlotDialog *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_clicked_cb (HdSlotDialog *self)
{
  if (hd_slot_dialog_save (self))
    gtk_window_destroy (GTK_WINDOW (self));
}

/* ---------------------------------------------------------------------------------------- */

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
build (HdSlotDialog *self)
{
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *group;
  gboolean training = self->mode == MODE_TRAINING;

  gtk_window_set_title (GTK_WINDOW (self), training ? _("Book the Training") : _("Move the Consultation"));
  gtk_window_set_default_size (GTK_WINDOW (self), 520, 640);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);

  self->save_button = gtk_button_new_with_mnemonic (training ? _("_Book") : C_("consultation", "_Move"));
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (save_clicked_cb), self);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (cancel_clicked_cb), self);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->save_button);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
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

  /* What is being moved or booked */
  group = new_group (box, NULL);
  self->about_row = adw_action_row_new ();
  gtk_widget_add_css_class (self->about_row, "property");
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self->about_row), 3);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->about_row);

  self->error_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->error_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->error_label), 0);
  gtk_widget_add_css_class (self->error_label, "error");
  gtk_widget_set_visible (self->error_label, FALSE);
  gtk_box_append (GTK_BOX (box), self->error_label);

  self->slots_group = new_group (box, training ? _("First free times before the due date")
                                               : _("Nearest free times"));

  group = new_group (box, _("Another time"));
  self->date_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_row), _("Date (DD.MM.YYYY)"));
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (self->date_row), TRUE);
  g_signal_connect_swapped (self->date_row, "changed", G_CALLBACK (field_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->date_row);
  self->time_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->time_row), _("Start (HH:MM)"));
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (self->time_row), TRUE);
  g_signal_connect_swapped (self->time_row, "changed", G_CALLBACK (field_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->time_row);
}

/* ---------------------------------------------------------------------------------------- */

static void
hd_slot_dialog_dispose (GObject *object)
{
  HdSlotDialog *self = HD_SLOT_DIALOG (object);

  g_clear_object (&self->context);
  g_clear_object (&self->workdays);
  g_clear_object (&self->terms);

  G_OBJECT_CLASS (hd_slot_dialog_parent_class)->dispose (object);
}

static void
hd_slot_dialog_finalize (GObject *object)
{
  HdSlotDialog *self = HD_SLOT_DIALOG (object);

  g_clear_pointer (&self->slots, g_ptr_array_unref);
  g_clear_pointer (&self->slot_rows, g_ptr_array_unref);
  g_free (self->error_text);

  G_OBJECT_CLASS (hd_slot_dialog_parent_class)->finalize (object);
}

static void
hd_slot_dialog_class_init (HdSlotDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hd_slot_dialog_dispose;
  object_class->finalize = hd_slot_dialog_finalize;

  /**
   * HdSlotDialog::booked:
   * @id: the new consultation
   *
   * The consultation was moved, or the training booked.
   */
  signals[BOOKED] = g_signal_new ("booked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hd_slot_dialog_init (HdSlotDialog *self)
{
  self->slot_rows = g_ptr_array_new ();
}

static HdSlotDialog *
slot_dialog_new (HdContext  *context,
                 HdWorkdays *workdays,
                 HdTerms    *terms,
                 Mode        mode)
{
  HdSlotDialog *self = g_object_new (HD_TYPE_SLOT_DIALOG, NULL);

  self->context = g_object_ref (context);
  self->workdays = g_object_ref (workdays);
  self->terms = g_object_ref (terms);
  self->mode = mode;
  build (self);
  return self;
}

/* ---------------------------------------------------------------------------------------- */
/* Public API                                                                                */

/**
 * hd_slot_dialog_new_reschedule:
 * @appointment_id: a scheduled consultation
 *
 * «Перенести»: offers the free times nearest to the consultation, of the same length.
 */
HdSlotDialog *
hd_slot_dialog_new_reschedule (HdContext  *context,
                               HdWorkdays *workdays,
                               HdTerms    *terms,
                               gint64      appointment_id)
{
  HdSlotDialog *self;
  g_autoptr(HdAppointment) a = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) slots = NULL;
  g_autofree char *when = NULL;
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;
  gint64 starts_at;

  g_return_val_if_fail (HD_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (HD_IS_WORKDAYS (workdays), NULL);
  g_return_val_if_fail (HD_IS_TERMS (terms), NULL);

  self = slot_dialog_new (context, workdays, terms, MODE_RESCHEDULE);
  self->appointment_id = appointment_id;
  a = hd_appointment_store_get (get_db (self), appointment_id, &error);
  if (a == NULL)
    {
      show_error (self, error->message, FALSE);
      gtk_widget_set_sensitive (self->save_button, FALSE);
      return self;
    }

  starts_at = hd_appointment_get_starts_at (a);
  self->length = hd_appointment_get_ends_at (a) - starts_at;
  when = describe_time (self, starts_at, hd_appointment_get_ends_at (a));
  escaped = g_markup_escape_text (hd_appointment_get_person_name (a) != NULL
                                  ? hd_appointment_get_person_name (a) : "", -1);
  /* Translators: what is moved: a person's name and the topic, «Лебедева Ирина — Оценки» */
  title = g_strdup_printf (_("%s — %s"), escaped, hd_enum_label (HD_ENUM_TOPIC, hd_appointment_get_topic (a)));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->about_row), title);
  {
    /* Translators: %s is the consultation's present time, «среда, 25 ноября, 10:00–10:30» */
    g_autofree char *now_text = g_strdup_printf (_("Booked now: %s"), when);
    g_autofree char *subtitle = g_markup_escape_text (now_text, -1);

    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->about_row), subtitle);
  }

  /* One more than shown: the consultation's own time comes back as free, and is left out */
  slots = hd_booking_suggest_slots (get_db (self), workdays, terms, starts_at, (int) (self->length / 60),
                                    appointment_id, N_SLOTS + 1, hd_context_get_now (context), &error);
  if (slots == NULL)
    {
      show_error (self, error->message, FALSE);
      slots = g_ptr_array_new_with_free_func ((GDestroyNotify) hd_slot_free);
    }
  self->original = starts_at;
  for (guint i = 0; i < slots->len; i++)
    if (((HdSlot *) g_ptr_array_index (slots, i))->starts_at == starts_at)
      {
        g_ptr_array_remove_index (slots, i);
        break;
      }
  if (slots->len > N_SLOTS)
    g_ptr_array_set_size (slots, N_SLOTS);
  set_slots (self, g_steal_pointer (&slots), TRUE);
  if (self->slots->len == 0)
    set_fields (self, starts_at);
  return self;
}

/**
 * hd_slot_dialog_new_training:
 * @newcomer_id: a new employee not yet trained
 *
 * «Записать на обучение»: offers the first free times before the newcomer's due date.
 */
HdSlotDialog *
hd_slot_dialog_new_training (HdContext  *context,
                             HdWorkdays *workdays,
                             HdTerms    *terms,
                             gint64      newcomer_id)
{
  HdSlotDialog *self;
  g_autoptr(HdNewcomer) newcomer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) slots = NULL;
  gint64 due_end = 0;
  GDate due;

  g_return_val_if_fail (HD_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (HD_IS_WORKDAYS (workdays), NULL);
  g_return_val_if_fail (HD_IS_TERMS (terms), NULL);

  self = slot_dialog_new (context, workdays, terms, MODE_TRAINING);
  self->newcomer_id = newcomer_id;
  self->length = (gint64) hd_availability_get_slot_minutes (get_db (self)) * 60;
  newcomer = hd_newcomer_store_get (get_db (self), newcomer_id, &error);
  if (newcomer == NULL)
    {
      show_error (self, error->message, FALSE);
      gtk_widget_set_sensitive (self->save_button, FALSE);
      return self;
    }

  {
    g_autofree char *escaped = g_markup_escape_text (hd_newcomer_get_person_name (newcomer) != NULL
                                                     ? hd_newcomer_get_person_name (newcomer) : "", -1);

    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->about_row), escaped);
    if (hd_date_parse_iso (hd_newcomer_get_due_on (newcomer), &due))
      {
        g_autoptr(GDateTime) dt = g_date_time_new (hd_terms_get_time_zone (terms), g_date_get_year (&due),
                                                   g_date_get_month (&due), g_date_get_day (&due), 12, 0, 0);
        g_autofree char *date = g_date_time_format (dt, "%-d %B %Y");
        /* Translators: %s is the due date of the training, «27 ноября 2026» */
        g_autofree char *text = g_strdup_printf (_("Training in the electronic journal, to be held by %s"), date);

        adw_action_row_set_subtitle (ADW_ACTION_ROW (self->about_row), text);
        {
          g_autoptr(GDateTime) midnight = g_date_time_new (hd_terms_get_time_zone (terms), g_date_get_year (&due),
                                                           g_date_get_month (&due), g_date_get_day (&due), 0, 0, 0);
          g_autoptr(GDateTime) next = g_date_time_add_days (midnight, 1);

          due_end = g_date_time_to_unix (next);
        }
      }
  }

  slots = hd_booking_propose_training_slots (get_db (self), workdays, terms, newcomer, N_SLOTS,
                                             hd_context_get_now (context), &error);
  if (slots == NULL)
    show_error (self, error->message, FALSE);
  set_slots (self, g_steal_pointer (&slots), TRUE);
  /* Nothing free before the due date (or it has passed): the first free times after it */
  if (due_end > 0 && self->slots->len > 0 &&
      ((HdSlot *) g_ptr_array_index (self->slots, 0))->starts_at >= due_end)
    {
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->slots_group), _("Nearest free times"));
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->slots_group),
                                             _("No free time is left before the due date: these are the first free times after it."));
    }
  return self;
}

guint
hd_slot_dialog_get_n_slots (HdSlotDialog *self)
{
  g_return_val_if_fail (HD_IS_SLOT_DIALOG (self), 0);
  return self->slots != NULL ? self->slots->len : 0;
}

gint64
hd_slot_dialog_get_slot_start (HdSlotDialog *self,
                               guint         index)
{
  g_return_val_if_fail (HD_IS_SLOT_DIALOG (self), 0);
  g_return_val_if_fail (self->slots != NULL && index < self->slots->len, 0);
  return ((HdSlot *) g_ptr_array_index (self->slots, index))->starts_at;
}

/**
 * hd_slot_dialog_choose_slot:
 *
 * Chooses one of the free times offered, as clicking its row does.
 */
void
hd_slot_dialog_choose_slot (HdSlotDialog *self,
                            guint         index)
{
  g_return_if_fail (HD_IS_SLOT_DIALOG (self));
  g_return_if_fail (index < self->slot_rows->len);

  gtk_check_button_set_active (g_object_get_data (g_ptr_array_index (self->slot_rows, index), "check"), TRUE);
}

/**
 * hd_slot_dialog_set_start:
 *
 * Types @starts_at into the date and time fields, as the secretary would.
 */
void
hd_slot_dialog_set_start (HdSlotDialog *self,
                          gint64        starts_at)
{
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;

  g_return_if_fail (HD_IS_SLOT_DIALOG (self));

  local = local_time (self, starts_at);
  date = g_date_time_format (local, "%d.%m.%Y");
  time = g_date_time_format (local, "%H:%M");
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), date);
  gtk_editable_set_text (GTK_EDITABLE (self->time_row), time);
}

/**
 * hd_slot_dialog_get_field_widget:
 * @field: "date", "time", "slots", "about"
 *
 * Returns: (transfer none) (nullable): the widget of @field, for tests and focus
 */
GtkWidget *
hd_slot_dialog_get_field_widget (HdSlotDialog *self,
                                 const char   *field)
{
  g_return_val_if_fail (HD_IS_SLOT_DIALOG (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  if (g_str_equal (field, "date"))
    return self->date_row;
  if (g_str_equal (field, "time"))
    return self->time_row;
  if (g_str_equal (field, "slots"))
    return self->slots_group;
  if (g_str_equal (field, "about"))
    return self->about_row;
  return NULL;
}

/**
 * hd_slot_dialog_get_error:
 *
 * Returns: (nullable): the message shown after the last refused save
 */
const char *
hd_slot_dialog_get_error (HdSlotDialog *self)
{
  g_return_val_if_fail (HD_IS_SLOT_DIALOG (self), NULL);
  return self->error_text;
}

/**
 * hd_slot_dialog_save:
 *
 * Moves the consultation (or books the training) to the date and time in the fields, as the
 * button does. On a refusal the message is shown at the fields, the choice becomes the free
 * times nearest to the one refused, and the dialog stays open.
 *
 * Returns: %TRUE when written; "booked" has been emitted
 */
gboolean
hd_slot_dialog_save (HdSlotDialog *self)
{
  g_autoptr(HdAppointment) booked = NULL;
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) midnight = NULL;
  gint64 now, starts_at;
  GDate day;
  int minutes;

  g_return_val_if_fail (HD_IS_SLOT_DIALOG (self), FALSE);

  clear_error (self);
  if (!parse_date (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), &day))
    {
      show_error (self, _("Type the date as day, month and year, for example 26.11.2026."), TRUE);
      gtk_widget_grab_focus (self->date_row);
      return FALSE;
    }
  if (!hd_terms_parse_time_of_day (gtk_editable_get_text (GTK_EDITABLE (self->time_row)), &minutes))
    {
      show_error (self, _("Type the start time as hours and minutes, for example 14:30."), TRUE);
      gtk_widget_grab_focus (self->time_row);
      return FALSE;
    }
  midnight = g_date_time_new (hd_terms_get_time_zone (self->terms), g_date_get_year (&day),
                              g_date_get_month (&day), g_date_get_day (&day), 0, 0, 0);
  starts_at = g_date_time_to_unix (midnight) + (gint64) minutes * 60;
  now = hd_context_get_now (self->context);

  if (self->mode == MODE_TRAINING)
    booked = hd_booking_book_training (get_db (self), self->workdays, self->terms, self->newcomer_id,
                                       starts_at, starts_at + self->length, now, &suggestions, &error);
  else
    booked = hd_booking_reschedule (get_db (self), self->workdays, self->terms, self->appointment_id,
                                    starts_at, starts_at + self->length, now, &suggestions, &error);
  if (booked == NULL)
    {
      const char *field = hd_error_get_field (error);

      show_error (self, error->message,
                  g_strcmp0 (field, "starts_at") == 0 || g_strcmp0 (field, "ends_at") == 0);
      if (suggestions != NULL && suggestions->len > 0)
        set_slots (self, g_steal_pointer (&suggestions), FALSE);
      return FALSE;
    }

  self->booked_id = hd_appointment_get_id (booked);
  g_signal_emit (self, signals[BOOKED], 0, self->booked_id);
  return TRUE;
}

/**
 * hd_slot_dialog_get_booked_id:
 *
 * Returns: the new consultation after a successful save, or 0
 */
gint64
hd_slot_dialog_get_booked_id (HdSlotDialog *self)
{
  g_return_val_if_fail (HD_IS_SLOT_DIALOG (self), 0);
  return self->booked_id;
}
