/* hd-onboarding-view.c — the training of new staff
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tracker of issue 5: every new employee with the due date of the training, the working
 * days left or overdue, and the status, the most urgent first. Statuses and day counts come
 * from hd-onboarding (core), the summary strip from hd-stats: this view computes no number.
 *
 * The list shows the newcomers who took up the post in the chosen period and, whatever the
 * period, everyone not trained yet: a person who is overdue must never scroll out of sight.
 * The window sets `context` once the database is open, so hd_context_get_database() is never
 * %NULL inside a view that has a context.
 */
#define G_LOG_DOMAIN "hd-onboarding-view"

#include "config.h"

#include <glib/gi18n.h>

#include "calendar/hd-slot-dialog.h"
#include "hd-appointment-store.h"
#include "hd-date.h"
#include "hd-newcomer-editor.h"
#include "hd-newcomer-store.h"
#include "hd-onboarding-common.h"
#include "hd-onboarding-view.h"
#include "hd-person-store.h"
#include "hd-settings-keys.h"
#include "hd-stats.h"

/* ---------------------------------------------------------------------------------------- */
/* One row of the list                                                                       */

#define HD_TYPE_ONBOARDING_ROW (hd_onboarding_row_get_type ())
G_DECLARE_FINAL_TYPE (HdOnboardingRow, hd_onboarding_row, HD, ONBOARDING_ROW, GObject)

struct _HdOnboardingRow
{
  GObject            parent_instance;

  HdNewcomer        *newcomer;
  char              *position;
  char              *due_tooltip;
  char              *training;     /* the training booked or held, for one not trained yet */
  HdOnboardingState  state;
};

G_DEFINE_FINAL_TYPE (HdOnboardingRow, hd_onboarding_row, G_TYPE_OBJECT)

static void
hd_onboarding_row_finalize (GObject *object)
{
  HdOnboardingRow *self = HD_ONBOARDING_ROW (object);

  g_clear_object (&self->newcomer);
  g_clear_pointer (&self->position, g_free);
  g_clear_pointer (&self->due_tooltip, g_free);
  g_clear_pointer (&self->training, g_free);

  G_OBJECT_CLASS (hd_onboarding_row_parent_class)->finalize (object);
}

static void
hd_onboarding_row_class_init (HdOnboardingRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hd_onboarding_row_finalize;
}

static void
hd_onboarding_row_init (HdOnboardingRow *self)
{
}

/* ---------------------------------------------------------------------------------------- */

typedef enum {
  COLUMN_NAME,
  COLUMN_POSITION,
  COLUMN_STARTED,
  COLUMN_DUE,
  COLUMN_DAYS,
  COLUMN_TRAINED,
  COLUMN_TRAINER,
  COLUMN_STATUS,
  N_COLUMNS
} Column;

static const struct {
  const char *title;
  gboolean    expand;
} column_info[N_COLUMNS] = {
  [COLUMN_NAME] = { NC_("newcomers column", "Employee"), TRUE },
  [COLUMN_POSITION] = { NC_("newcomers column", "Position"), TRUE },
  [COLUMN_STARTED] = { NC_("newcomers column", "Took up the post"), FALSE },
  [COLUMN_DUE] = { NC_("newcomers column", "Train by"), FALSE },
  [COLUMN_DAYS] = { NC_("newcomers column", "Working days"), FALSE },
  [COLUMN_TRAINED] = { NC_("newcomers column", "Trained on"), FALSE },
  [COLUMN_TRAINER] = { NC_("newcomers column", "Trained by"), FALSE },
  [COLUMN_STATUS] = { NC_("newcomers column", "Status"), FALSE },
};

/* The cells of the summary strip, in order */
typedef enum {
  SUMMARY_STARTED,
  SUMMARY_ON_TIME,
  SUMMARY_LATE,
  SUMMARY_OVERDUE,
  SUMMARY_RATE,
  SUMMARY_MEDIAN,
  N_SUMMARY
} Summary;

static const struct {
  const char *name;     /* widget name, for tests */
  const char *caption;
} summary_info[N_SUMMARY] = {
  [SUMMARY_STARTED] = { "summary-started", N_("Took up the post") },
  [SUMMARY_ON_TIME] = { "summary-on-time", N_("Trained on time") },
  [SUMMARY_LATE] = { "summary-late", N_("Trained late") },
  [SUMMARY_OVERDUE] = { "summary-overdue", N_("Overdue now") },
  [SUMMARY_RATE] = { "summary-rate", N_("Trained on time, share") },
  [SUMMARY_MEDIAN] = { "summary-median", N_("Median working days to training") },
};

struct _HdOnboardingView
{
  AdwBin parent_instance;

  /* Template widgets */
  AdwToastOverlay  *toast_overlay;
  GtkRevealer      *banner_revealer;
  GtkLabel         *banner_label;
  GtkLabel         *period_label;
  GtkDropDown      *period_kind_dropdown;
  GtkDropDown      *filter_dropdown;
  GtkFlowBox       *summary_box;
  GtkStack         *content_stack;
  GtkColumnView    *column_view;
  AdwStatusPage    *status_page;
  AdwStatusPage    *error_page;

  /* Owned */
  HdContext        *context;
  GListStore       *rows;
  GtkCustomFilter  *filter;
  GtkFilterListModel *filtered;
  HdPeriod          period;
  GtkLabel         *summary_values[N_SUMMARY];
  guint             n_attention;

  HdTerms          *terms;       /* for booking the training */

  /* Borrowed */
  HdWorkdays       *workdays;
};

G_DEFINE_FINAL_TYPE (HdOnboardingView, hd_onboarding_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void reload (HdOnboardingView *self);

/* ---------------------------------------------------------------------------------------- */
/* Helpers                                                                                   */

static void
show_error (HdOnboardingView *self,
            const GError     *error)
{
  g_autoptr(AdwToast) toast = adw_toast_new (error->message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, g_steal_pointer (&toast));
}

static HdOnboardingRow *
make_row (HdOnboardingView *self,
          HdNewcomer       *newcomer,
          HdAppointment    *training,
          const GDate      *today,
          int               deadline_days)
{
  g_autoptr(HdOnboardingRow) row = g_object_new (HD_TYPE_ONBOARDING_ROW, NULL);
  HdDatabase *db = hd_context_get_database (self->context);

  row->newcomer = g_object_ref (newcomer);
  hd_onboarding_state_compute (&row->state, self->workdays, newcomer, today);
  if (training != NULL && !hd_onboarding_status_is_trained (row->state.status))
    row->training = hd_onboarding_describe_training (self->context, training);

  if (hd_newcomer_get_person_id (newcomer) > 0)
    {
      g_autoptr(HdPerson) person = hd_person_store_get (db, hd_newcomer_get_person_id (newcomer), NULL);

      if (person != NULL)
        row->position = g_strdup (hd_person_get_position (person));
    }

  if (g_date_valid (&row->state.started_on))
    {
      g_autoptr(GPtrArray) counted = NULL;
      g_autofree char *explanation = NULL;
      GDate due;

      hd_workdays_due_date (self->workdays, &row->state.started_on, deadline_days, &due,
                            &counted, &explanation);
      row->due_tooltip = hd_onboarding_describe_counted (counted);
      if (explanation != NULL && *explanation != '\0')
        {
          char *with = g_strconcat (row->due_tooltip, "\n", explanation, NULL);

          g_free (row->due_tooltip);
          row->due_tooltip = with;
        }
    }
  return g_steal_pointer (&row);
}

static gboolean
row_in_view (HdOnboardingView *self,
             HdOnboardingRow  *row)
{
  if (!hd_onboarding_status_is_trained (row->state.status))
    return TRUE;
  return g_date_valid (&row->state.started_on) &&
         hd_period_contains_date (&self->period, &row->state.started_on);
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  HdOnboardingView *self = user_data;
  HdOnboardingRow *row = item;
  HdOnboardingStatus status = row->state.status;

  if (!row_in_view (self, row))
    return FALSE;

  switch ((HdOnboardingFilter) gtk_drop_down_get_selected (self->filter_dropdown))
    {
    case HD_ONBOARDING_FILTER_WAITING:
      return status == HD_ONBOARDING_WAITING || status == HD_ONBOARDING_DUE_TODAY;
    case HD_ONBOARDING_FILTER_OVERDUE:
      return status == HD_ONBOARDING_OVERDUE;
    case HD_ONBOARDING_FILTER_TRAINED:
      return hd_onboarding_status_is_trained (status);
    case HD_ONBOARDING_FILTER_ALL:
    default:
      return TRUE;
    }
}

static int
sort_func (gconstpointer a,
           gconstpointer b,
           gpointer      user_data)
{
  const HdOnboardingRow *ra = a, *rb = b;
  int cmp = hd_onboarding_state_compare (&ra->state, &rb->state);

  if (cmp != 0)
    return cmp;
  return g_utf8_collate (hd_newcomer_get_person_name (ra->newcomer) ?: "",
                         hd_newcomer_get_person_name (rb->newcomer) ?: "");
}

static char *
format_share (double share)
{
  if (share < 0)
    return g_strdup (C_("no data", "—"));
  /* Translators: a percentage, e.g. «75 %» */
  return g_strdup_printf (_("%.0f %%"), share * 100.0);
}

static char *
format_median (double median)
{
  if (median < 0)
    return g_strdup (C_("no data", "—"));
  if (median == (int) median)
    return g_strdup_printf ("%d", (int) median);
  return g_strdup_printf ("%.1f", median);
}

static void
update_summary (HdOnboardingView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HdStats) stats = NULL;
  HdStatsNewcomers *n;
  char *text[N_SUMMARY];

  stats = hd_stats_compute (hd_context_get_database (self->context), self->workdays,
                            &self->period, hd_onboarding_get_now (self->context), &error);
  if (stats == NULL)
    {
      for (guint i = 0; i < N_SUMMARY; i++)
        gtk_label_set_text (self->summary_values[i], C_("no data", "—"));
      show_error (self, error);
      return;
    }

  n = &stats->current.newcomers;
  text[SUMMARY_STARTED] = g_strdup_printf ("%u", n->started);
  text[SUMMARY_ON_TIME] = g_strdup_printf ("%u", n->trained_on_time);
  text[SUMMARY_LATE] = g_strdup_printf ("%u", n->trained_late);
  text[SUMMARY_OVERDUE] = g_strdup_printf ("%u", n->overdue);
  text[SUMMARY_RATE] = format_share (n->on_time_rate);
  text[SUMMARY_MEDIAN] = format_median (n->median_days_to_training);
  for (guint i = 0; i < N_SUMMARY; i++)
    {
      gtk_label_set_text (self->summary_values[i], text[i]);
      g_free (text[i]);
    }
}

/* The page of the view stack the tracker is on: the stack's child that holds it (the window
 * puts the tracker in an AdwBin of its own) */
static AdwViewStackPage *
find_stack_page (HdOnboardingView *self)
{
  GtkWidget *stack = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_VIEW_STACK);
  GtkWidget *child = GTK_WIDGET (self);

  if (stack == NULL)
    return NULL;
  while (gtk_widget_get_parent (child) != stack)
    child = gtk_widget_get_parent (child);
  return adw_view_stack_get_page (ADW_VIEW_STACK (stack), child);
}

static void
update_attention (HdOnboardingView *self)
{
  guint n_overdue = 0, n_today = 0;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  AdwViewStackPage *page;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HdOnboardingRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);

      if (row->state.status == HD_ONBOARDING_OVERDUE)
        n_overdue++;
      else if (row->state.status == HD_ONBOARDING_DUE_TODAY)
        n_today++;
    }
  self->n_attention = n_overdue + n_today;

  if (n_overdue > 0)
    {
      g_autofree char *text =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u new employee has not been trained in time",
                                      "%u new employees have not been trained in time",
                                      n_overdue), n_overdue);

      gtk_label_set_text (self->banner_label, text);
    }
  gtk_revealer_set_reveal_child (self->banner_revealer, n_overdue > 0);

  page = find_stack_page (self);
  if (page != NULL)
    {
      if (adw_view_stack_page_get_badge_number (page) != self->n_attention)
        adw_view_stack_page_set_badge_number (page, self->n_attention);
      adw_view_stack_page_set_needs_attention (page, self->n_attention > 0);
    }
}

static void
update_period_label (HdOnboardingView *self)
{
  g_autofree char *title = hd_period_get_title (&self->period);

  gtk_label_set_text (self->period_label, title);
}

static void
update_content (HdOnboardingView *self)
{
  gboolean any = g_list_model_get_n_items (G_LIST_MODEL (self->rows)) > 0;

  if (!any)
    adw_status_page_set_description (self->status_page,
                                     _("Every new employee will be listed here with the deadline for training in the electronic journal: not later than the third working day after taking up the post."));
  else
    adw_status_page_set_description (self->status_page,
                                     _("Nobody matches the filter in this period."));
  gtk_stack_set_visible_child_name (self->content_stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0
                                    ? "list" : "empty");
}

static void
refilter (HdOnboardingView *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_content (self);
}

static void
reload (HdOnboardingView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) newcomers = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) trainings = NULL;
  g_autoptr(GHashTable) by_newcomer = NULL;
  HdDatabase *db;
  GDate today;
  int deadline;

  if (self->context == NULL)
    return;
  db = hd_context_get_database (self->context);

  if (self->workdays == NULL)
    {
      self->workdays = hd_context_get_workdays (self->context, &error);
      if (self->workdays == NULL)
        {
          adw_status_page_set_description (self->error_page, error->message);
          gtk_stack_set_visible_child_name (self->content_stack, "error");
          return;
        }
      g_signal_connect_object (self->workdays, "changed", G_CALLBACK (hd_onboarding_view_reload),
                               self, G_CONNECT_SWAPPED);
    }

  newcomers = hd_newcomer_store_list (db, &error);
  if (newcomers == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->content_stack, "error");
      return;
    }

  /* The training of each newcomer: the last one booked or held (in order of time) */
  trainings = hd_appointment_store_list_trainings (db, &error);
  if (trainings == NULL)
    {
      show_error (self, error);
      g_clear_error (&error);
    }
  by_newcomer = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; trainings != NULL && i < trainings->len; i++)
    {
      HdAppointment *a = g_ptr_array_index (trainings, i);
      int status = hd_appointment_get_status (a);

      if (status == HD_APPOINTMENT_SCHEDULED || status == HD_APPOINTMENT_HELD)
        {
          gint64 *key = g_new (gint64, 1);

          *key = hd_appointment_get_newcomer_id (a);
          g_hash_table_replace (by_newcomer, key, a);
        }
    }

  hd_onboarding_get_today (self->context, &today);
  deadline = hd_newcomer_store_get_deadline_days (db);
  rows = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < newcomers->len; i++)
    {
      HdNewcomer *n = g_ptr_array_index (newcomers, i);
      gint64 id = hd_newcomer_get_id (n);

      g_ptr_array_add (rows, make_row (self, n, g_hash_table_lookup (by_newcomer, &id), &today, deadline));
    }

  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       rows->pdata, rows->len);
  g_list_store_sort (self->rows, sort_func, NULL);

  update_attention (self);
  update_summary (self);
  refilter (self);
}

/* Due dates follow the calendar and the deadline setting: store them again, then show them */
static void
recompute_and_reload (HdOnboardingView *self)
{
  g_autoptr(GError) error = NULL;

  if (self->context == NULL || self->workdays == NULL)
    {
      reload (self);
      return;
    }
  if (!hd_newcomer_store_recompute_due (hd_context_get_database (self->context), self->workdays,
                                        NULL, &error))
    show_error (self, error);
  reload (self);
}

/* ---------------------------------------------------------------------------------------- */
/* Cells                                                                                     */

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* Names may be cut; the status and the days never are */
  if (column == COLUMN_NAME || column == COLUMN_POSITION || column == COLUMN_TRAINER)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);

  if (column == COLUMN_STATUS)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

      gtk_widget_add_css_class (box, "hd-onboarding-status");
      gtk_box_append (GTK_BOX (box), gtk_image_new ());
      gtk_box_append (GTK_BOX (box), label);
      gtk_list_item_set_child (item, box);
      return;
    }
  if (column == COLUMN_TRAINED)
    {
      /* The date of the training; before it, the training booked or the button to book it */
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *training = gtk_label_new (NULL);
      GtkWidget *button = gtk_button_new ();
      GtkWidget *button_label = gtk_label_new (_("Book Training…"));

      gtk_label_set_xalign (GTK_LABEL (training), 0);
      /* in two or three lines: «Обучение назначено / на 25 ноября, 12:00»; the button's label
       * too («Записать на / обучение…»), so that the column is not as wide as the button */
      gtk_label_set_wrap (GTK_LABEL (training), TRUE);
      gtk_label_set_width_chars (GTK_LABEL (training), 14);
      gtk_label_set_max_width_chars (GTK_LABEL (training), 22);
      gtk_label_set_wrap (GTK_LABEL (button_label), TRUE);
      gtk_label_set_justify (GTK_LABEL (button_label), GTK_JUSTIFY_CENTER);
      gtk_label_set_width_chars (GTK_LABEL (button_label), 10);
      gtk_label_set_max_width_chars (GTK_LABEL (button_label), 14);
      gtk_button_set_child (GTK_BUTTON (button), button_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Book Training…"), -1);
      gtk_widget_add_css_class (training, "hd-onboarding-training");
      gtk_widget_set_halign (button, GTK_ALIGN_START);
      gtk_widget_set_tooltip_text (button, _("Choose a free time before the due date for the training"));
      /* The target first: the action takes a newcomer's id, set when the cell is bound */
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (0));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "onboarding.book-training");
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), training);
      gtk_box_append (GTK_BOX (box), button);
      gtk_list_item_set_child (item, box);
      return;
    }
  /* Each column asks for at least width-chars and at most max-width-chars: the table then fits
   * a 1090 px window without a sideways scroll, and what a wider one has to spare goes to the
   * names first (the columns that expand) */
  switch (column)
    {
    case COLUMN_NAME:
      gtk_label_set_width_chars (GTK_LABEL (label), 10);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 34);
      break;
    case COLUMN_POSITION:
      gtk_label_set_width_chars (GTK_LABEL (label), 8);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 26);
      break;
    case COLUMN_TRAINER:
      gtk_label_set_width_chars (GTK_LABEL (label), 8);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 18);
      break;
    case COLUMN_DAYS:
      /* «Просрочено на 4 рабочих дня» in two lines rather than a column as wide */
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_width_chars (GTK_LABEL (label), 12);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 16);
      break;
    case COLUMN_STARTED:
    case COLUMN_DUE:
    case COLUMN_TRAINED:
    case COLUMN_STATUS:
    case N_COLUMNS:
    default:
      break;
    }
  gtk_list_item_set_child (item, label);
}

static void
set_status_classes (GtkWidget          *widget,
                    HdOnboardingStatus  status)
{
  for (HdOnboardingStatus s = 0; s < HD_N_ONBOARDING_STATUSES; s++)
    {
      g_autofree char *name = g_strdup_printf ("hd-onboarding-%s", hd_onboarding_status_key (s));

      if (s == status)
        gtk_widget_add_css_class (widget, name);
      else
        gtk_widget_remove_css_class (widget, name);
    }
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  HdOnboardingRow *row = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  HdNewcomer *n = row->newcomer;
  g_autofree char *text = NULL;
  const char *tooltip = NULL;
  GtkLabel *label;

  if (column == COLUMN_STATUS)
    {
      GtkWidget *image = gtk_widget_get_first_child (child);

      gtk_image_set_from_icon_name (GTK_IMAGE (image), hd_onboarding_status_icon_name (row->state.status));
      label = GTK_LABEL (gtk_widget_get_next_sibling (image));
      gtk_label_set_text (label, hd_onboarding_status_label (row->state.status));
      set_status_classes (child, row->state.status);
      return;
    }

  if (column == COLUMN_TRAINED)
    {
      GtkWidget *date_label = gtk_widget_get_first_child (child);
      GtkWidget *training = gtk_widget_get_next_sibling (date_label);
      GtkWidget *button = gtk_widget_get_next_sibling (training);
      gboolean trained = hd_onboarding_status_is_trained (row->state.status);

      text = hd_onboarding_format_date (&row->state.trained_on);
      gtk_label_set_text (GTK_LABEL (date_label), text != NULL ? text : "");
      gtk_widget_set_visible (date_label, trained);
      gtk_label_set_text (GTK_LABEL (training), row->training != NULL ? row->training : "");
      gtk_widget_set_visible (training, !trained && row->training != NULL);
      gtk_widget_set_visible (button, !trained && row->training == NULL);
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                              g_variant_new_int64 (hd_newcomer_get_id (n)));
      return;
    }

  label = GTK_LABEL (child);
  switch (column)
    {
    case COLUMN_NAME:
      text = g_strdup (hd_newcomer_get_person_name (n));
      tooltip = text;   /* whole, where the cell cuts it */
      break;
    case COLUMN_POSITION:
      text = g_strdup (row->position);
      tooltip = text;
      break;
    case COLUMN_STARTED:
      text = hd_onboarding_format_date (&row->state.started_on);
      break;
    case COLUMN_DUE:
      text = hd_onboarding_format_date (&row->state.due_on);
      tooltip = row->due_tooltip;
      break;
    case COLUMN_DAYS:
      text = hd_onboarding_state_describe (&row->state);
      break;
    case COLUMN_TRAINER:
      text = g_strdup (hd_newcomer_get_trainer (n));
      tooltip = text;
      break;
    case COLUMN_STATUS:
    case COLUMN_TRAINED:
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), tooltip);
  if (column == COLUMN_DAYS)
    set_status_classes (GTK_WIDGET (label), row->state.status);
}

static void
add_columns (HdOnboardingView *self)
{
  for (Column c = 0; c < N_COLUMNS; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GINT_TO_POINTER (c));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (c));
      column = gtk_column_view_column_new (g_dpgettext2 (GETTEXT_PACKAGE, "newcomers column",
                                                         column_info[c].title),
                                           factory);
      gtk_column_view_column_set_expand (column, column_info[c].expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->column_view, column);
    }
}

static void
add_summary (HdOnboardingView *self)
{
  for (Summary s = 0; s < N_SUMMARY; s++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *value = gtk_label_new (C_("no data", "—"));
      GtkWidget *caption = gtk_label_new (_(summary_info[s].caption));

      gtk_widget_add_css_class (box, "card");
      gtk_widget_add_css_class (box, "hd-onboarding-summary-cell");
      gtk_widget_set_name (value, summary_info[s].name);
      gtk_widget_add_css_class (value, "title-2");
      gtk_widget_add_css_class (caption, "caption");
      gtk_widget_add_css_class (caption, "dim-label");
      gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (caption), 16);
      gtk_label_set_justify (GTK_LABEL (caption), GTK_JUSTIFY_CENTER);
      gtk_box_append (GTK_BOX (box), value);
      gtk_box_append (GTK_BOX (box), caption);
      gtk_flow_box_append (self->summary_box, box);
      self->summary_values[s] = GTK_LABEL (value);
    }
}

/* ---------------------------------------------------------------------------------------- */
/* Callbacks                                                                                 */

static void
editor_saved_cb (HdOnboardingView *self,
                 HdNewcomer       *newcomer)
{
  g_autoptr(AdwToast) toast = NULL;

  reload (self);
  /* Translators: %s is the employee's name */
  toast = adw_toast_new_format (_("Saved: %s"), hd_newcomer_get_person_name (newcomer));
  adw_toast_overlay_add_toast (self->toast_overlay, g_steal_pointer (&toast));
}

static void
banner_button_clicked_cb (HdOnboardingView *self)
{
  hd_onboarding_view_set_filter (self, HD_ONBOARDING_FILTER_OVERDUE);
}

static void
filter_changed_cb (HdOnboardingView *self)
{
  refilter (self);
}

static void
set_period (HdOnboardingView *self,
            const HdPeriod   *period)
{
  self->period = *period;
  update_period_label (self);
  if (self->context != NULL)
    update_summary (self);
  refilter (self);
}

static void
period_kind_changed_cb (HdOnboardingView *self)
{
  static const HdPeriodKind kinds[] = { HD_PERIOD_MONTH, HD_PERIOD_QUARTER, HD_PERIOD_SCHOOL_YEAR };
  guint selected = gtk_drop_down_get_selected (self->period_kind_dropdown);
  HdPeriod period;
  GDate day = self->period.first;

  if (selected >= G_N_ELEMENTS (kinds) || kinds[selected] == self->period.kind)
    return;
  /* keep the period that holds today, if the old one did */
  if (self->context != NULL)
    {
      GDate today;

      hd_onboarding_get_today (self->context, &today);
      if (hd_period_contains_date (&self->period, &today))
        day = today;
    }
  hd_period_init_containing (&period, kinds[selected], &day);
  set_period (self, &period);
}

static void
previous_clicked_cb (HdOnboardingView *self)
{
  HdPeriod period;

  hd_period_previous (&self->period, &period);
  set_period (self, &period);
}

static void
next_clicked_cb (HdOnboardingView *self)
{
  HdPeriod period;

  hd_period_next (&self->period, &period);
  set_period (self, &period);
}

static void
column_view_activate_cb (HdOnboardingView *self,
                         guint             position)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (self->column_view));
  g_autoptr(HdOnboardingRow) row = g_list_model_get_item (model, position);

  if (row != NULL)
    hd_onboarding_view_open_editor (self, hd_newcomer_get_id (row->newcomer));
}

static void
setting_changed_cb (HdOnboardingView *self,
                    const char       *key)
{
  if (g_strcmp0 (key, HD_SETTING_DEADLINE_DAYS) == 0)
    recompute_and_reload (self);
}

static void
training_booked_cb (HdOnboardingView *self,
                    gint64            id)
{
  g_autoptr(HdAppointment) training = hd_appointment_store_get (hd_context_get_database (self->context), id, NULL);

  reload (self);
  if (training != NULL)
    {
      g_autofree char *text = hd_onboarding_describe_training (self->context, training);
      g_autoptr(AdwToast) toast = adw_toast_new (text);

      adw_toast_overlay_add_toast (self->toast_overlay, g_steal_pointer (&toast));
    }
}

/* «Записать на обучение»: the first free times before the due date, in the calendar */
static void
book_training_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  HdOnboardingView *self = HD_ONBOARDING_VIEW (widget);
  g_autoptr(GError) error = NULL;
  HdSlotDialog *dialog;
  GtkRoot *root;

  if (self->context == NULL || self->workdays == NULL)
    return;
  if (self->terms == NULL)
    {
      self->terms = hd_terms_new_from_database (hd_context_get_database (self->context), self->workdays, &error);
      if (self->terms == NULL)
        {
          show_error (self, error);
          return;
        }
    }
  dialog = hd_slot_dialog_new_training (self->context, self->workdays, self->terms,
                                        g_variant_get_int64 (parameter));
  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  g_signal_connect_object (dialog, "booked", G_CALLBACK (training_booked_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A training held in the calendar changes the list: read it again whenever it is shown */
static void
map_cb (HdOnboardingView *self)
{
  reload (self);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  hd_onboarding_view_open_editor (HD_ONBOARDING_VIEW (widget), 0);
}

/* ---------------------------------------------------------------------------------------- */

static void
hd_onboarding_view_dispose (GObject *object)
{
  HdOnboardingView *self = HD_ONBOARDING_VIEW (object);

  /* The template's root is the bin's child: unparent it through the bin first, or
   * dispose_template unparents it a second time. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HD_TYPE_ONBOARDING_VIEW);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->rows);
  g_clear_object (&self->context);
  g_clear_object (&self->terms);
  self->workdays = NULL;

  G_OBJECT_CLASS (hd_onboarding_view_parent_class)->dispose (object);
}

static void
hd_onboarding_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  HdOnboardingView *self = HD_ONBOARDING_VIEW (object);

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
hd_onboarding_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  HdOnboardingView *self = HD_ONBOARDING_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      hd_onboarding_view_set_context (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_onboarding_view_class_init (HdOnboardingViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hd_onboarding_view_dispose;
  object_class->get_property = hd_onboarding_view_get_property;
  object_class->set_property = hd_onboarding_view_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         HD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/onboarding/hd-onboarding-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HdOnboardingView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HdOnboardingView, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, HdOnboardingView, banner_label);
  gtk_widget_class_bind_template_child (widget_class, HdOnboardingView, period_label);
  gtk_widget_class_bind_template_child (widget_class, HdOnboardingView, period_kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HdOnboardingView, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HdOnboardingView, summary_box);
  gtk_widget_class_bind_template_child (widget_class, HdOnboardingView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, HdOnboardingView, column_view);
  gtk_widget_class_bind_template_child (widget_class, HdOnboardingView, status_page);
  gtk_widget_class_bind_template_child (widget_class, HdOnboardingView, error_page);
  gtk_widget_class_bind_template_callback (widget_class, banner_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, period_kind_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, previous_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, next_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, column_view_activate_cb);

  gtk_widget_class_install_action (widget_class, "onboarding.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "onboarding.book-training", "x", book_training_action);
}

static void
hd_onboarding_view_init (HdOnboardingView *self)
{
  g_autoptr(GtkSortListModel) sorted = NULL;
  g_autoptr(GtkSingleSelection) selection = NULL;
  GDate today;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_list_store_new (HD_TYPE_ONBOARDING_ROW);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->rows)),
                                              g_object_ref (GTK_FILTER (self->filter)));
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));

  add_columns (self);
  add_summary (self);

  /* The school year that holds today, until a context says which today it is */
  hd_date_set_today (&today, NULL);
  hd_period_init_containing (&self->period, HD_PERIOD_SCHOOL_YEAR, &today);
  gtk_drop_down_set_selected (self->period_kind_dropdown, 2);
  update_period_label (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "onboarding.add", FALSE);
  update_content (self);
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
}

HdContext *
hd_onboarding_view_get_context (HdOnboardingView *self)
{
  g_return_val_if_fail (HD_IS_ONBOARDING_VIEW (self), NULL);
  return self->context;
}

void
hd_onboarding_view_set_context (HdOnboardingView *self,
                                HdContext        *context)
{
  g_return_if_fail (HD_IS_ONBOARDING_VIEW (self));
  g_return_if_fail (context == NULL || HD_IS_CONTEXT (context));

  if (self->context == context)
    return;

  if (self->context != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->context, self);
      if (self->workdays != NULL)
        g_signal_handlers_disconnect_by_data (self->workdays, self);
      self->workdays = NULL;
      g_clear_object (&self->terms);
    }
  g_set_object (&self->context, context);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "onboarding.add", context != NULL);

  if (context != NULL)
    {
      GDate today;

      g_signal_connect_object (context, "setting-changed", G_CALLBACK (setting_changed_cb),
                               self, G_CONNECT_SWAPPED);
      hd_onboarding_get_today (context, &today);
      hd_period_init_containing (&self->period, self->period.kind, &today);
      update_period_label (self);
      reload (self);
    }
  else
    {
      g_list_store_remove_all (self->rows);
      update_attention (self);
      update_content (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

/* Reads the list again: after the calendar changed, or from outside (demo data, import) */
void
hd_onboarding_view_reload (HdOnboardingView *self)
{
  g_return_if_fail (HD_IS_ONBOARDING_VIEW (self));

  recompute_and_reload (self);
}

void
hd_onboarding_view_set_period (HdOnboardingView *self,
                               const HdPeriod   *period)
{
  static const HdPeriodKind kinds[] = { HD_PERIOD_MONTH, HD_PERIOD_QUARTER, HD_PERIOD_SCHOOL_YEAR };

  g_return_if_fail (HD_IS_ONBOARDING_VIEW (self));
  g_return_if_fail (period != NULL);

  set_period (self, period);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i] == period->kind)
      gtk_drop_down_set_selected (self->period_kind_dropdown, i);
}

void
hd_onboarding_view_set_filter (HdOnboardingView   *self,
                               HdOnboardingFilter  filter)
{
  g_return_if_fail (HD_IS_ONBOARDING_VIEW (self));
  g_return_if_fail (filter <= HD_ONBOARDING_FILTER_TRAINED);

  gtk_drop_down_set_selected (self->filter_dropdown, filter);
}

/* The rows the list shows with the current period and filter */
guint
hd_onboarding_view_get_n_shown (HdOnboardingView *self)
{
  g_return_val_if_fail (HD_IS_ONBOARDING_VIEW (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
}

/* Overdue plus due today: the number on the view switcher's badge */
guint
hd_onboarding_view_get_n_attention (HdOnboardingView *self)
{
  g_return_val_if_fail (HD_IS_ONBOARDING_VIEW (self), 0);
  return self->n_attention;
}

/**
 * hd_onboarding_view_open_editor:
 * @id: a newcomer's id, or 0 for a new employee
 *
 * Returns: (transfer none): the editor window, modal to the view's window
 */
GtkWindow *
hd_onboarding_view_open_editor (HdOnboardingView *self,
                                gint64            id)
{
  HdNewcomerEditor *editor;
  GtkRoot *root;

  g_return_val_if_fail (HD_IS_ONBOARDING_VIEW (self), NULL);
  g_return_val_if_fail (self->context != NULL, NULL);

  editor = hd_newcomer_editor_new (self->context, id);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root))
    {
      gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
      gtk_window_set_modal (GTK_WINDOW (editor), TRUE);
    }
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "training-booked", G_CALLBACK (training_booked_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
  return GTK_WINDOW (editor);
}
