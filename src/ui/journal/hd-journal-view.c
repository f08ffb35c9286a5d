/* hd-journal-view.c — the journal of requests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A column view over HdRequestList, the lazy model that pages rows from SQLite. Filtering,
 * searching and sorting never touch the rows here: each change builds a new model in a worker
 * thread (the old one stays on screen meanwhile) and swaps it in, because on GTK 4.8 an
 * items-changed over a million rows takes seconds (PLATFORM-NOTES.md §2.2).
 *
 * GTK 4.8 cannot tell which column the user sorts by, so each column gets a "probe" sorter
 * that records its column when the column view's sorter consults it (§2.4).
 *
 * GTK 4.8's list view keeps a row widget for each of 200 items (GTK_LIST_VIEW_MAX_LIST_ITEMS);
 * with nine columns a new model cost 100 ms to destroy the old rows and 200 ms to build,
 * bind and measure the new ones before anything was drawn. So the column view keeps one
 * model, a "slice" (JournalSlice below): a swap puts a screenful of the new list's rows in
 * front of the old ones, which GTK then rebinds instead of building anew, and the slice grows
 * by a screenful in each frame after the first rows are drawn, the old rows going as it does.
 */
#define G_LOG_DOMAIN "hd-journal-view"

#include "config.h"

#include <glib/gi18n.h>

#include "hd-enums.h"
#include "hd-error.h"
#include "hd-journal-csv.h"
#include "hd-journal-view.h"
#include "hd-period.h"
#include "hd-request-editor.h"
#include "hd-request-store.h"
#include "hd-workdays.h"

typedef struct _JournalSlice JournalSlice;

struct _HdJournalView
{
  AdwBin               parent_instance;

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  GtkSearchEntry      *search_entry;
  GtkWidget           *queue_box;
  GtkWidget           *filter_box;
  GtkToggleButton     *queue_all;
  GtkToggleButton     *queue_today;
  GtkToggleButton     *queue_overdue;
  GtkToggleButton     *queue_callback;
  GtkToggleButton     *queue_waiting;
  GtkToggleButton     *queue_vendor;
  GtkDropDown         *status_dropdown;
  GtkDropDown         *channel_dropdown;
  GtkDropDown         *topic_dropdown;
  GtkDropDown         *kind_dropdown;
  GtkDropDown         *period_dropdown;
  GtkLabel            *count_label;
  GtkStack            *content_stack;
  GtkColumnView       *column_view;

  /* Owned */
  HdContext           *context;
  HdTerms             *terms;
  HdRequestList       *list;
  JournalSlice        *slice;       /* what the column view shows of @list */
  guint                grow_tick;   /* while @slice grows */
  gint64               grow_after;  /* the frame that draws the slice's first rows */
  GCancellable        *cancellable;
  AdwToast            *archive_toast;   /* weak */
  GtkColumnViewColumn *columns[HD_N_REQUEST_SORTS];
  gint64               select_after_load;
  guint                select_if_untouched : 1;   /* see list_complete_cb() */
  guint                first_rows_selected;       /* the position selected with the first rows */
  char                *requested_search;   /* the search text of the last reload */
  guint                search_idle;
  int                  arrow_column;   /* the column whose header shows the sort arrow */
  guint                syncing_sort : 1;
  guint                loading : 1;
  guint                resetting : 1;
  guint                custom_period : 1;   /* received_from/to below, from a report's chart */
  gint64               custom_from;
  gint64               custom_to;
  char                *custom_description; /* what the report's bar stood for */
};

G_DEFINE_FINAL_TYPE (HdJournalView, hd_journal_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  PERIOD_ALL,
  PERIOD_TODAY,
  PERIOD_WEEK,
  PERIOD_MONTH,
  PERIOD_LAST_MONTH,
  PERIOD_SCHOOL_YEAR,
  N_PERIODS
};

/* Widths in characters: the summary takes what is left */
static const struct {
  const char *title;
  int         min_chars;
  int         nat_chars;
  float       xalign;
} column_info[HD_N_REQUEST_SORTS] = {
  [HD_REQUEST_SORT_NUMBER]    = { NC_("column", "No."), 4, 6, 1.0f },
  [HD_REQUEST_SORT_RECEIVED]  = { NC_("column", "Received"), 10, 17, 0.0f },
  [HD_REQUEST_SORT_REQUESTER] = { NC_("column", "Requester"), 10, 24, 0.0f },
  [HD_REQUEST_SORT_KIND]      = { NC_("column", "Who"), 6, 11, 0.0f },
  [HD_REQUEST_SORT_CHANNEL]   = { NC_("column", "Channel"), 6, 13, 0.0f },
  [HD_REQUEST_SORT_TOPIC]     = { NC_("column", "Topic"), 8, 16, 0.0f },
  [HD_REQUEST_SORT_SUMMARY]   = { NC_("column", "Summary"), 16, 40, 0.0f },
  [HD_REQUEST_SORT_STATUS]    = { NC_("column", "Status"), 8, 16, 0.0f },
  [HD_REQUEST_SORT_AGE]       = { NC_("column", "Age"), 8, 24, 0.0f },
};

/* Which column's probe sorter the column view consulted first; see read_sort() */
static int probe_column = -1;

static void reload (HdJournalView *self);
static void list_complete_cb (HdJournalView *self,
                              GParamSpec    *pspec,
                              HdRequestList *list);

/* The slice: the first @limit items of a model (growing after each frame), then for a few
 * frames after a swap the first rows of the previous model */

#define SLICE_ALL G_MAXUINT

#define JOURNAL_TYPE_SLICE (journal_slice_get_type ())
GType journal_slice_get_type (void);
#define JOURNAL_SLICE(obj) (G_TYPE_CHECK_INSTANCE_CAST ((obj), JOURNAL_TYPE_SLICE, JournalSlice))
typedef struct { GObjectClass parent_class; } JournalSliceClass;

struct _JournalSlice
{
  GObject     parent_instance;

  GListModel *model;
  guint       limit;    /* SLICE_ALL: the whole model */
  guint       n_shown;  /* of @model */
  /* The previous model's rows behind them until GTK has reused their widgets: all of them,
   * as the view may show any of them (GTK keeps its widgets around the row in view) */
  GListModel *old;
  guint       n_old;
};

static void journal_slice_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (JournalSlice, journal_slice, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, journal_slice_model_init))

static GType
journal_slice_get_item_type (GListModel *model)
{
  return g_list_model_get_item_type (JOURNAL_SLICE (model)->model);
}

static guint
journal_slice_get_n_items (GListModel *model)
{
  JournalSlice *self = JOURNAL_SLICE (model);

  return self->n_shown + self->n_old;
}

static gpointer
journal_slice_get_item (GListModel *model,
                        guint       position)
{
  JournalSlice *self = JOURNAL_SLICE (model);

  if (position < self->n_shown)
    return g_list_model_get_item (self->model, position);
  if (position - self->n_shown < self->n_old)
    return g_list_model_get_item (self->old, position - self->n_shown);
  return NULL;
}

static void
journal_slice_model_init (GListModelInterface *iface)
{
  iface->get_item_type = journal_slice_get_item_type;
  iface->get_n_items = journal_slice_get_n_items;
  iface->get_item = journal_slice_get_item;
}

static void
journal_slice_items_changed_cb (JournalSlice *self,
                                guint         position,
                                guint         removed,
                                guint         added,
                                GListModel   *model)
{
  guint old_shown = self->n_shown;
  guint n = g_list_model_get_n_items (model);

  self->n_shown = MIN (n, self->limit);
  if (position >= old_shown)
    {
      /* Past what is shown (the snapshot streaming in): at most the slice grows */
      if (self->n_shown > old_shown)
        g_list_model_items_changed (G_LIST_MODEL (self), old_shown, 0, self->n_shown - old_shown);
    }
  else if (position + removed <= old_shown && position + added <= self->n_shown &&
           old_shown - removed + added == self->n_shown)
    g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  else
    g_list_model_items_changed (G_LIST_MODEL (self), position, old_shown - position,
                                self->n_shown - position);
}

/* The old rows go: widgets GTK still has for them are destroyed */
static void
journal_slice_drop_old (JournalSlice *self)
{
  guint n_old = self->n_old;

  self->n_old = 0;
  g_clear_object (&self->old);
  if (n_old > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), self->n_shown, n_old, 0);
}

/* Growing in front of the old rows pushes them out of the 200 that have widgets, and GTK
 * rebinds those widgets to the new rows */
static void
journal_slice_set_limit (JournalSlice *self,
                         guint         limit)
{
  guint old_shown = self->n_shown;

  self->limit = MAX (limit, self->limit);
  self->n_shown = MIN (g_list_model_get_n_items (self->model), self->limit);
  if (self->n_shown != old_shown)
    g_list_model_items_changed (G_LIST_MODEL (self), old_shown, 0, self->n_shown - old_shown);
  if (self->limit == SLICE_ALL || self->n_shown == g_list_model_get_n_items (self->model))
    journal_slice_drop_old (self);
}

/* The first @limit rows of @model in front of the rows shown so far */
static void
journal_slice_swap (JournalSlice *self,
                    GListModel   *model,
                    guint         limit)
{
  journal_slice_drop_old (self);
  g_signal_handlers_disconnect_by_data (self->model, self);
  /* The same rows at the same places: nothing changes for GTK */
  self->old = g_steal_pointer (&self->model);
  self->n_old = self->n_shown;
  self->model = g_object_ref (model);
  self->limit = limit;
  self->n_shown = MIN (g_list_model_get_n_items (model), limit);
  g_signal_connect_object (model, "items-changed", G_CALLBACK (journal_slice_items_changed_cb),
                           self, G_CONNECT_SWAPPED);
  if (self->n_shown > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, self->n_shown);
}

static void
journal_slice_dispose (GObject *object)
{
  JournalSlice *self = JOURNAL_SLICE (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);
  g_clear_object (&self->old);

  G_OBJECT_CLASS (journal_slice_parent_class)->dispose (object);
}

static void
journal_slice_class_init (JournalSliceClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = journal_slice_dispose;
}

static void
journal_slice_init (JournalSlice *self)
{
}

static JournalSlice *
journal_slice_new (GListModel *model,
                   guint       limit)
{
  JournalSlice *self = g_object_new (JOURNAL_TYPE_SLICE, NULL);

  self->model = g_object_ref (model);
  self->limit = limit;
  self->n_shown = MIN (g_list_model_get_n_items (model), limit);
  g_signal_connect_object (model, "items-changed", G_CALLBACK (journal_slice_items_changed_cb),
                           self, G_CONNECT_SWAPPED);
  return self;
}

/* Helpers */

static gint64
selected_id (HdJournalView *self)
{
  GtkSelectionModel *model = gtk_column_view_get_model (self->column_view);
  guint position;

  if (!GTK_IS_SINGLE_SELECTION (model) || self->list == NULL)
    return 0;
  position = gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (model));
  if (position == GTK_INVALID_LIST_POSITION || self->slice == NULL || position >= self->slice->n_shown)
    return 0;
  return hd_request_list_get_id (self->list, position);
}

static void
update_actions (HdJournalView *self)
{
  gboolean has_db = self->context != NULL && hd_context_get_database (self->context) != NULL;
  gboolean selected = selected_id (self) != 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "journal.new", has_db);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "journal.open", has_db && selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "journal.archive",
                                 has_db && selected && !hd_database_is_read_only (hd_context_get_database (self->context)));
}

static void
set_loading (HdJournalView *self,
             gboolean       loading)
{
  if (self->loading == !!loading)
    return;
  self->loading = !!loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
ensure_terms (HdJournalView *self)
{
  HdDatabase *db = hd_context_get_database (self->context);
  g_autoptr(HdWorkdays) workdays = NULL;
  g_autoptr(GError) error = NULL;

  if (self->terms != NULL || db == NULL)
    return;

  /* Without the calendar the journal still works; overdue then means three calendar days */
  workdays = hd_workdays_new (&error);
  if (workdays == NULL)
    {
      g_warning ("No production calendar, overdue marks use calendar days: %s", error->message);
      return;
    }
  if (!hd_workdays_load_overrides (workdays, db, &error))
    {
      g_warning ("Local calendar days not read: %s", error->message);
      g_clear_error (&error);
    }
  self->terms = hd_terms_new_from_database (db, workdays, &error);
  if (self->terms == NULL)
    g_warning ("Terms not available, overdue marks use calendar days: %s", error->message);
}

static int
dropdown_enum (GtkDropDown *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  /* Item 0 is "any" */
  return selected == GTK_INVALID_LIST_POSITION || selected == 0 ? -1 : (int) selected - 1;
}

static void
period_bounds (GTimeZone *tz,
               guint      period,
               gint64    *from,
               gint64    *to)
{
  g_autoptr(GDateTime) now = g_date_time_new_now (tz);
  g_autoptr(GDateTime) today = g_date_time_new (tz, g_date_time_get_year (now),
                                                g_date_time_get_month (now),
                                                g_date_time_get_day_of_month (now), 0, 0, 0);
  g_autoptr(GDateTime) month = g_date_time_new (tz, g_date_time_get_year (now),
                                                g_date_time_get_month (now), 1, 0, 0, 0);
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;

  *from = *to = 0;
  switch (period)
    {
    case PERIOD_TODAY:
      start = g_date_time_ref (today);
      end = g_date_time_add_days (today, 1);
      break;

    case PERIOD_WEEK:
      start = g_date_time_add_days (today, -6);
      break;

    case PERIOD_MONTH:
      start = g_date_time_ref (month);
      end = g_date_time_add_months (month, 1);
      break;

    case PERIOD_LAST_MONTH:
      start = g_date_time_add_months (month, -1);
      end = g_date_time_ref (month);
      break;

    case PERIOD_SCHOOL_YEAR:
      {
        /* The school year starts on 1 September */
        int year = g_date_time_get_year (now) - (g_date_time_get_month (now) < 9 ? 1 : 0);

        start = g_date_time_new (tz, year, 9, 1, 0, 0, 0);
        end = g_date_time_new (tz, year + 1, 9, 1, 0, 0, 0);
      }
      break;

    default:
      break;
    }

  if (start != NULL)
    *from = g_date_time_to_unix (start);
  if (end != NULL)
    *to = g_date_time_to_unix (end);
}

static HdRequestQueue
current_queue (HdJournalView *self)
{
  if (gtk_toggle_button_get_active (self->queue_today))
    return HD_REQUEST_QUEUE_TODAY;
  if (gtk_toggle_button_get_active (self->queue_overdue))
    return HD_REQUEST_QUEUE_OVERDUE;
  if (gtk_toggle_button_get_active (self->queue_callback))
    return HD_REQUEST_QUEUE_CALLBACK;
  if (gtk_toggle_button_get_active (self->queue_waiting))
    return HD_REQUEST_QUEUE_WAITING;
  if (gtk_toggle_button_get_active (self->queue_vendor))
    return HD_REQUEST_QUEUE_VENDOR;
  return HD_REQUEST_QUEUE_ALL;
}

static void
read_filter (HdJournalView   *self,
             HdRequestFilter *filter)
{
  guint status = gtk_drop_down_get_selected (self->status_dropdown);

  hd_request_filter_init (filter);
  /* Items: any, open, needs a call back, then the statuses */
  if (status == 1)
    filter->status = HD_REQUEST_STATUS_OPEN;
  else if (status == 2)
    filter->status = HD_REQUEST_STATUS_NEEDS_CALL;
  else if (status >= 3 && status != GTK_INVALID_LIST_POSITION)
    filter->status = status - 3;
  filter->channel = dropdown_enum (self->channel_dropdown);
  filter->topic = dropdown_enum (self->topic_dropdown);
  filter->requester_kind = dropdown_enum (self->kind_dropdown);
  if (self->custom_period)
    {
      filter->received_from = self->custom_from;
      filter->received_to = self->custom_to;
    }
  else
    period_bounds (hd_context_get_time_zone (self->context),
                   gtk_drop_down_get_selected (self->period_dropdown),
                   &filter->received_from, &filter->received_to);
  filter->queue = current_queue (self);
  filter->search = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static int
probe_compare_cb (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  if (probe_column < 0)
    probe_column = GPOINTER_TO_INT (user_data);
  return GTK_ORDERING_SMALLER;
}

static GtkSorter *
probe_sorter_new (HdRequestSort column)
{
  return GTK_SORTER (gtk_custom_sorter_new (probe_compare_cb, GINT_TO_POINTER (column), NULL));
}

/* The column view's sort state, read through the probes: the first column consulted is the
 * primary one, and a reversed answer means descending. */
static void
read_sort (HdJournalView *self,
           HdRequestSort *sort,
           gboolean      *descending)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);
  g_autoptr(GObject) a = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(GObject) b = g_object_new (G_TYPE_OBJECT, NULL);
  GtkOrdering order;

  probe_column = -1;
  order = gtk_sorter_compare (sorter, a, b);
  if (probe_column < 0)
    {
      /* Nothing chosen: newest first, the way a journal is read */
      *sort = HD_REQUEST_SORT_RECEIVED;
      *descending = TRUE;
      return;
    }
  *sort = probe_column;
  *descending = order == GTK_ORDERING_LARGER;
}

static void
scroll_to (HdJournalView *self,
           guint          position)
{
  /* GTK 4.8 has no gtk_column_view_scroll_to(); the inner list view's action works even on
   * a million rows, where setting the adjustment leaves the view blank (§2.2). */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      {
        gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
        break;
      }
}

static void
update_count (HdJournalView *self)
{
  guint n = self->list != NULL ? hd_request_list_get_count (self->list) : 0;
  g_autofree char *text = NULL;
  const char *page;

  if (self->list != NULL && !hd_request_list_is_complete (self->list))
    text = g_strdup (_("Searching…"));
  else
    /* Translators: the line above the journal; %u is how many requests match */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Found %u request", "Found %u requests", n), n);
  if (self->custom_period && self->custom_description != NULL && self->list != NULL)
    {
      /* Translators: the count line when the journal was opened from a report's chart:
       * the first %s is «Найдено 12 обращений», the second what the bar stood for */
      char *longer = g_strdup_printf (_("%s — %s"), text, self->custom_description);
      g_free (text);
      text = longer;
    }
  gtk_label_set_text (self->count_label, text);

  if (self->list == NULL || n > 0 || !hd_request_list_is_complete (self->list))
    page = "list";
  else if (hd_request_filter_is_empty (hd_request_list_get_filter (self->list)))
    page = "empty";
  else
    page = "no-results";
  gtk_stack_set_visible_child_name (self->content_stack, page);
  /* An empty journal has nothing to filter */
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), g_strcmp0 (page, "empty") != 0);
  gtk_widget_set_visible (self->queue_box, g_strcmp0 (page, "empty") != 0);
  gtk_widget_set_visible (self->filter_box, g_strcmp0 (page, "empty") != 0);
}

/* Cells */

static char *
format_received (HdJournalView *self,
                 gint64         received_at)
{
  g_autoptr(GDateTime) dt = hd_context_date_time (self->context, received_at);

  if (dt == NULL)
    return g_strdup ("");
  /* Translators: date and time of a request in the journal, see g_date_time_format();
   * "%-d %b %Y, %H:%M" gives «5 нояб. 2026, 14:30» */
  return g_date_time_format (dt, C_("journal date", "%-d %b %Y, %H:%M"));
}

static char *
format_age (HdJournalView *self,
            HdRequestRow  *row)
{
  int days = hd_request_row_get_age_days (row);
  /* Translators: the age of a request in working days */
  g_autofree char *age = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d working day",
                                                       "%d working days", days), days);
  gint64 day = self->terms != NULL ? hd_terms_get_day_seconds (self->terms) : 24 * 3600;
  gint64 over = hd_request_row_get_overdue_seconds (row);
  g_autofree char *overdue = NULL;

  if (over <= 0)
    return g_steal_pointer (&age);

  if (over < day)
    {
      int hours = (int) ((over + 3599) / 3600);

      /* Translators: how long a request is past its term, in working hours */
      overdue = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "overdue by %d hour",
                                              "overdue by %d hours", hours), hours);
    }
  else
    {
      int od = hd_request_row_get_overdue_days (row);

      /* Translators: how long a request is past its term, in working days */
      overdue = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "overdue by %d day",
                                              "overdue by %d days", od), od);
    }
  /* Translators: the age cell of an overdue request: «5 рабочих дней, просрочено на 2 дня» */
  return g_strdup_printf (C_("journal age", "%s, %s"), age, overdue);
}

/* The tooltip is the cell's own text, asked for when it is shown: gtk_widget_set_tooltip_text()
 * in every bind costs a round trip to the X server (GTK 4.8 asks where the pointer is), which
 * made scrolling and swapping a model of a million rows take a second. */
static gboolean
cell_query_tooltip_cb (GtkWidget  *widget,
                       int         x,
                       int         y,
                       gboolean    keyboard,
                       GtkTooltip *tooltip,
                       gpointer    user_data)
{
  const char *text = GTK_IS_LABEL (widget) ? gtk_label_get_text (GTK_LABEL (widget))
                                           : gtk_inscription_get_text (GTK_INSCRIPTION (widget));

  if (text == NULL || *text == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  HdRequestSort column = GPOINTER_TO_INT (user_data);
  GtkWidget *widget;

  if (column == HD_REQUEST_SORT_STATUS)
    {
      widget = gtk_label_new (NULL);
      gtk_widget_set_halign (widget, GTK_ALIGN_START);
      gtk_label_set_ellipsize (GTK_LABEL (widget), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (widget, "hd-status");
    }
  else
    {
      widget = gtk_inscription_new (NULL);
      gtk_inscription_set_text_overflow (GTK_INSCRIPTION (widget), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
      gtk_inscription_set_xalign (GTK_INSCRIPTION (widget), column_info[column].xalign);
      gtk_inscription_set_min_chars (GTK_INSCRIPTION (widget), column_info[column].min_chars);
      gtk_inscription_set_nat_chars (GTK_INSCRIPTION (widget), column_info[column].nat_chars);
      gtk_widget_set_hexpand (widget, TRUE);
      if (column == HD_REQUEST_SORT_NUMBER)
        gtk_widget_add_css_class (widget, "numeric");
    }
  if (column == HD_REQUEST_SORT_STATUS || column == HD_REQUEST_SORT_SUMMARY ||
      column == HD_REQUEST_SORT_REQUESTER || column == HD_REQUEST_SORT_AGE)
    {
      gtk_widget_set_has_tooltip (widget, TRUE);
      g_signal_connect (widget, "query-tooltip", G_CALLBACK (cell_query_tooltip_cb), NULL);
    }
  gtk_list_item_set_child (item, widget);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  HdRequestSort column = GPOINTER_TO_INT (user_data);
  HdJournalView *self = g_object_get_data (G_OBJECT (factory), "hd-view");
  HdRequestRow *row = gtk_list_item_get_item (item);
  GtkWidget *widget = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;
  gboolean overdue = hd_request_row_is_overdue (row);

  switch (column)
    {
    case HD_REQUEST_SORT_NUMBER:
      text = g_strdup_printf ("%" G_GINT64_FORMAT, hd_request_row_get_id (row));
      break;

    case HD_REQUEST_SORT_RECEIVED:
      text = format_received (self, hd_request_row_get_received_at (row));
      break;

    case HD_REQUEST_SORT_REQUESTER:
      text = g_strdup (hd_request_row_get_requester_name (row));
      break;

    case HD_REQUEST_SORT_KIND:
      text = g_strdup (hd_enum_label (HD_ENUM_REQUESTER_KIND, hd_request_row_get_requester_kind (row)));
      break;

    case HD_REQUEST_SORT_CHANNEL:
      text = g_strdup (hd_enum_label (HD_ENUM_CHANNEL, hd_request_row_get_channel (row)));
      break;

    case HD_REQUEST_SORT_TOPIC:
      text = g_strdup (hd_enum_label (HD_ENUM_TOPIC, hd_request_row_get_topic (row)));
      break;

    case HD_REQUEST_SORT_SUMMARY:
      text = g_strdup (hd_request_row_get_summary (row));
      break;

    case HD_REQUEST_SORT_STATUS:
      {
        int status = hd_request_row_get_status (row);
        g_autofree char *css = g_strdup_printf ("hd-status-%s", hd_enum_key (HD_ENUM_STATUS, status));
        const char *classes[] = { "hd-status", css, NULL };

        gtk_label_set_text (GTK_LABEL (widget), hd_enum_label (HD_ENUM_STATUS, status));
        gtk_widget_set_css_classes (widget, classes);
      }
      return;

    case HD_REQUEST_SORT_AGE:
      text = format_age (self, row);
      break;

    case HD_N_REQUEST_SORTS:
    default:
      g_assert_not_reached ();
    }

  gtk_inscription_set_text (GTK_INSCRIPTION (widget), text);
  /* Overdue requests stand out by their number and their age, in words, not colour alone */
  if (column == HD_REQUEST_SORT_NUMBER || column == HD_REQUEST_SORT_AGE)
    {
      if (overdue)
        gtk_widget_add_css_class (widget, "hd-overdue");
      else
        gtk_widget_remove_css_class (widget, "hd-overdue");
    }
}

static void
setup_columns (HdJournalView *self)
{
  for (HdRequestSort c = 0; c < HD_N_REQUEST_SORTS; c++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkSorter) sorter = NULL;
      GtkColumnViewColumn *column;

      g_object_set_data (G_OBJECT (factory), "hd-view", self);
      g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), GINT_TO_POINTER (c));
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), GINT_TO_POINTER (c));

      column = gtk_column_view_column_new (g_dpgettext2 (GETTEXT_PACKAGE, "column", column_info[c].title),
                                           g_steal_pointer (&factory));
      sorter = probe_sorter_new (c);
      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, c == HD_REQUEST_SORT_SUMMARY);
      gtk_column_view_append_column (self->column_view, column);
      self->columns[c] = column;
    }

  gtk_column_view_sort_by_column (self->column_view, self->columns[HD_REQUEST_SORT_RECEIVED],
                                  GTK_SORT_DESCENDING);
}

static void
fill_dropdown (GtkDropDown *dropdown,
               const char  *any,
               HdEnumKind   kind,
               const char  *extra[])
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);

  gtk_string_list_append (strings, any);
  for (guint i = 0; extra != NULL && extra[i] != NULL; i++)
    gtk_string_list_append (strings, extra[i]);
  for (guint i = 0; i < hd_enum_count (kind); i++)
    gtk_string_list_append (strings, hd_enum_label (kind, i));
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (strings));
  gtk_drop_down_set_selected (dropdown, 0);
}

static void
setup_filters (HdJournalView *self)
{
  const char *status_extra[] = { _("Open"), _("Need a call back"), NULL };
  const char *periods[N_PERIODS + 1] = {
    _("All time"), _("Today"), _("Last 7 days"), _("This month"), _("Last month"),
    _("This school year"), NULL,
  };
  g_autoptr(GtkStringList) period_strings = gtk_string_list_new (periods);

  fill_dropdown (self->status_dropdown, _("Any status"), HD_ENUM_STATUS, status_extra);
  fill_dropdown (self->channel_dropdown, _("Any channel"), HD_ENUM_CHANNEL, NULL);
  fill_dropdown (self->topic_dropdown, _("Any topic"), HD_ENUM_TOPIC, NULL);
  fill_dropdown (self->kind_dropdown, _("Anyone"), HD_ENUM_REQUESTER_KIND, NULL);
  gtk_drop_down_set_model (self->period_dropdown, G_LIST_MODEL (period_strings));
  gtk_drop_down_set_selected (self->period_dropdown, 0);
}

/* Loading */

static void
selection_changed_cb (HdJournalView *self)
{
  update_actions (self);
}

static void
list_complete_cb (HdJournalView *self,
                  GParamSpec    *pspec,
                  HdRequestList *list)
{
  if (list != self->list)
    return;

  /* The request to select may have come after the first rows: it is selected then, unless
   * the user has chosen another row or scrolled away from the top in the meantime (up to a
   * second on a million requests), which a late jump would undo */
  if (self->select_after_load != 0)
    {
      gint64 id = self->select_after_load;
      GtkSelectionModel *model = gtk_column_view_get_model (self->column_view);
      GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view));
      gboolean untouched = GTK_IS_SINGLE_SELECTION (model) &&
                           gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (model)) == self->first_rows_selected &&
                           (vadjustment == NULL || gtk_adjustment_get_value (vadjustment) < 1.0);

      self->select_after_load = 0;
      if (!self->select_if_untouched || untouched)
        hd_journal_view_select_id (self, id);
      else
        g_debug ("Request %" G_GINT64_FORMAT " not selected: the user moved meanwhile", id);
    }
  self->select_if_untouched = FALSE;
  update_count (self);
  update_actions (self);
  set_loading (self, FALSE);
}

/* The rows of one screen, or 0 when the list is not on screen (then there is no frame to
 * wait for and the slice shows everything at once) */
static guint
screen_rows (HdJournalView *self)
{
  /* Before any row was drawn: lower than any row, so that the screen is full */
  int row_height = 16;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self->column_view)))
    return 0;
  /* The inner list view's children are its rows */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      {
        GtkWidget *row = gtk_widget_get_first_child (child);

        if (row != NULL && gtk_widget_get_height (row) > row_height)
          row_height = gtk_widget_get_height (row);
        break;
      }
  /* One more for a row cut in half at each end */
  return gtk_widget_get_height (GTK_WIDGET (self->column_view)) / row_height + 2;
}

static void
stop_growing (HdJournalView *self)
{
  if (self->grow_tick != 0 && self->column_view != NULL)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->column_view), self->grow_tick);
  self->grow_tick = 0;
}

static void
show_all_rows (HdJournalView *self)
{
  stop_growing (self);
  if (self->slice != NULL)
    journal_slice_set_limit (self->slice, SLICE_ALL);
}

/* One screenful more in each frame after the first rows were drawn; past the rows GTK builds
 * widgets for, everything */
static gboolean
grow_tick_cb (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       user_data)
{
  HdJournalView *self = user_data;
  guint step = MAX (screen_rows (self), 16);

  if (gdk_frame_clock_get_frame_counter (clock) <= self->grow_after)
    return G_SOURCE_CONTINUE;
  if (self->slice->limit + step >= 200 ||
      self->slice->n_shown == g_list_model_get_n_items (G_LIST_MODEL (self->list)))
    {
      self->grow_tick = 0;
      journal_slice_set_limit (self->slice, SLICE_ALL);
      return G_SOURCE_REMOVE;
    }
  journal_slice_set_limit (self->slice, self->slice->limit + step);
  return G_SOURCE_CONTINUE;
}

static void
list_ready_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(HdJournalView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HdRequestList) list = hd_request_list_new_finish (result, &error);
  GtkSelectionModel *selection;
  GdkFrameClock *clock;
  gint64 keep;
  guint position;
  guint limit;

  if (list == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autoptr(AdwToast) toast = adw_toast_new (error->message);

          g_warning ("Journal not loaded: %s", error->message);
          adw_toast_overlay_add_toast (self->toast_overlay, g_steal_pointer (&toast));
          set_loading (self, FALSE);
        }
      return;
    }

  keep = self->select_after_load != 0 ? self->select_after_load : selected_id (self);
  self->select_after_load = 0;

  /* A new model, never items-changed over everything (PLATFORM-NOTES.md §2.2) */
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  g_set_object (&self->list, list);
  position = keep != 0 ? hd_request_list_find (list, keep) : G_MAXUINT;
  stop_growing (self);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self->column_view));
  limit = screen_rows (self);
  if (limit == 0 || clock == NULL || (position != G_MAXUINT && position >= limit))
    limit = SLICE_ALL;
  selection = gtk_column_view_get_model (self->column_view);
  if (self->slice != NULL && GTK_IS_SINGLE_SELECTION (selection))
    journal_slice_swap (self->slice, G_LIST_MODEL (list), limit);
  else
    {
      g_autoptr(GtkSingleSelection) single = NULL;

      g_clear_object (&self->slice);
      self->slice = journal_slice_new (G_LIST_MODEL (list), limit);
      single = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->slice)));
      gtk_single_selection_set_can_unselect (single, TRUE);
      gtk_single_selection_set_autoselect (single, FALSE);
      g_signal_connect_object (single, "selection-changed", G_CALLBACK (selection_changed_cb),
                               self, G_CONNECT_SWAPPED);
      gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (single));
      selection = GTK_SELECTION_MODEL (single);
    }
  if (limit != SLICE_ALL)
    {
      /* The next frame draws the first rows; the slice grows in the frames after it */
      self->grow_after = gdk_frame_clock_get_frame_counter (clock) + 1;
      self->grow_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->column_view),
                                                      grow_tick_cb, self, NULL);
    }
  if (self->slice->n_shown > 0)
    gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (selection),
                                       position != G_MAXUINT ? position : 0);
  else
    gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (selection), GTK_INVALID_LIST_POSITION);
  /* The view follows the rows it showed, now behind the new ones: back to the top */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->slice)) > 0)
    scroll_to (self, position != G_MAXUINT ? position : 0);
  /* The old rows go once GTK has moved their widgets to the new ones in view, or now when
   * they would show below fewer new rows than a screen */
  if (limit == SLICE_ALL || self->slice->n_shown < limit)
    show_all_rows (self);
  if (position == G_MAXUINT)
    {
      self->select_after_load = keep;
      self->select_if_untouched = keep != 0 && !hd_request_list_is_complete (list);
      self->first_rows_selected = gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (selection));
    }

  update_count (self);
  update_actions (self);
  /* The first rows are on screen; the rest of a large journal streams in */
  if (hd_request_list_is_complete (list))
    list_complete_cb (self, NULL, list);
  else
    g_signal_connect_object (list, "notify::complete", G_CALLBACK (list_complete_cb), self,
                             G_CONNECT_SWAPPED);
}

static void
reload (HdJournalView *self)
{
  HdDatabase *db;
  HdRequestFilter filter;
  HdRequestSort sort;
  gboolean descending;

  if (self->context == NULL || (db = hd_context_get_database (self->context)) == NULL)
    return;
  if (self->resetting || self->column_view == NULL)
    return;

  /* The user typed on: the running query is interrupted, not waited for */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  read_filter (self, &filter);
  read_sort (self, &sort, &descending);
  g_free (self->requested_search);
  self->requested_search = g_strdup (filter.search);
  set_loading (self, TRUE);
  hd_request_list_new_async (db, self->terms, &filter, sort, descending, 0, self->cancellable,
                             list_ready_cb, g_object_ref (self));
  hd_request_filter_clear (&filter);
}

/* Callbacks */

static gboolean
search_idle_cb (gpointer user_data)
{
  HdJournalView *self = user_data;

  self->search_idle = 0;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                 self->requested_search != NULL ? self->requested_search : "") != 0)
    reload (self);
  return G_SOURCE_REMOVE;
}

/* GTK 4.8's search entry reports a text replaced by another (a paste over a selection,
 * gtk_editable_set_text()) twice: at once for the empty text between its delete and its
 * insert, then after its delay for the new text. Reloading on the first would snapshot the
 * whole journal only to throw it away. So the reload waits until the entry is done with the
 * change, and a search already asked for is not asked for again. */
static void
search_changed_cb (HdJournalView *self)
{
  if (self->search_idle == 0)
    self->search_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, search_idle_cb, self, NULL);
}

static void
stop_search_cb (HdJournalView *self)
{
  if (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
queue_toggled_cb (HdJournalView   *self,
                  GtkToggleButton *button)
{
  /* Each toggle of a group reports twice (off, on); reload on the "on" only */
  if (gtk_toggle_button_get_active (button))
    reload (self);
}

static void
filter_changed_cb (HdJournalView *self)
{
  reload (self);
}

static void
period_changed_cb (HdJournalView *self)
{
  /* The user picked a period: a report's period no longer applies */
  if (!self->resetting)
    {
      self->custom_period = FALSE;
      g_clear_pointer (&self->custom_description, g_free);
    }
  reload (self);
}

static void
sorter_changed_cb (HdJournalView *self)
{
  HdRequestSort sort;
  gboolean descending;

  if (self->syncing_sort)
    return;

  /* GTK 4.8 redraws a column's header only when that column is sorted by or leaves the
   * sorter: the column sorted by before kept its arrow beside the new one. A new sorter
   * takes it out of the sorter (where it only broke ties, which SQL does by itself). */
  read_sort (self, &sort, &descending);
  if (self->arrow_column >= 0 && self->arrow_column != (int) sort)
    {
      g_autoptr(GtkSorter) sorter = probe_sorter_new (self->arrow_column);

      self->syncing_sort = TRUE;
      gtk_column_view_column_set_sorter (self->columns[self->arrow_column], sorter);
      self->syncing_sort = FALSE;
    }
  self->arrow_column = sort;
  reload (self);
}

static void
editor_saved_cb (HdJournalView *self,
                 gint64         id,
                 gboolean       created)
{
  if (self->list != NULL && !created && hd_request_list_refresh_row (self->list, id))
    return;
  /* A new request: a new snapshot, with the new request selected if it matches */
  self->select_after_load = id;
  reload (self);
}

static void
editor_open_request_cb (HdJournalView *self,
                        gint64         id)
{
  hd_journal_view_open_request (self, id);
}

static void
column_view_activate_cb (HdJournalView *self,
                         guint          position)
{
  /* Not one of the old rows still behind the new ones */
  if (self->list != NULL && self->slice != NULL && position < self->slice->n_shown)
    hd_journal_view_open_request (self, hd_request_list_get_id (self->list, position));
}

/* Actions */

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  HdJournalView *self = HD_JOURNAL_VIEW (widget);

  if (!gtk_widget_get_mapped (widget))
    return;
  hd_journal_view_open_request (self, 0);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  HdJournalView *self = HD_JOURNAL_VIEW (widget);
  gint64 id = selected_id (self);

  if (id != 0)
    hd_journal_view_open_request (self, id);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  HdJournalView *self = HD_JOURNAL_VIEW (widget);

  if (!gtk_widget_get_mapped (widget))
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
reset_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  HdJournalView *self = HD_JOURNAL_VIEW (widget);

  /* One reload for the whole reset, not one per widget */
  self->resetting = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_toggle_button_set_active (self->queue_all, TRUE);
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  gtk_drop_down_set_selected (self->channel_dropdown, 0);
  gtk_drop_down_set_selected (self->topic_dropdown, 0);
  gtk_drop_down_set_selected (self->kind_dropdown, 0);
  gtk_drop_down_set_selected (self->period_dropdown, 0);
  self->custom_period = FALSE;
  g_clear_pointer (&self->custom_description, g_free);
  self->resetting = FALSE;
  reload (self);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  reload (HD_JOURNAL_VIEW (widget));
}

static void
set_archived (HdJournalView *self,
              gint64         id,
              gboolean       archived)
{
  HdDatabase *db = hd_context_get_database (self->context);
  g_autoptr(GError) error = NULL;
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autoptr(AdwToast) toast = NULL;

  if (!hd_request_store_set_archived (db, id, archived, &error))
    {
      toast = adw_toast_new (error->message);
      adw_toast_overlay_add_toast (self->toast_overlay, g_steal_pointer (&toast));
      return;
    }

  if (archived)
    {
      /* Translators: %s is the request's number */
      toast = adw_toast_new_format (_("Request No. %s moved to the archive"), number);
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "journal.unarchive");
      adw_toast_set_action_target_value (toast, g_variant_new_int64 (id));
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      g_set_weak_pointer (&self->archive_toast, toast);
      adw_toast_overlay_add_toast (self->toast_overlay, g_steal_pointer (&toast));
    }
  else
    self->select_after_load = id;

  reload (self);
}

static void
archive_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  HdJournalView *self = HD_JOURNAL_VIEW (widget);
  gint64 id = selected_id (self);
  guint position;

  if (id == 0)
    return;
  /* Keep the cursor where it was: select the next request once the list is rebuilt */
  position = hd_request_list_find (self->list, id);
  self->select_after_load = hd_request_list_get_id (self->list, position + 1);
  if (self->select_after_load == 0 && position > 0)
    self->select_after_load = hd_request_list_get_id (self->list, position - 1);
  set_archived (self, id, TRUE);
}

static void
unarchive_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  set_archived (HD_JOURNAL_VIEW (widget), g_variant_get_int64 (param), FALSE);
}

static gboolean
shortcut_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  /* Not handled while hidden: another view may use the same keys */
  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  return gtk_widget_activate_action (widget, user_data, NULL);
}

/* GObject */

static void
hd_journal_view_dispose (GObject *object)
{
  HdJournalView *self = HD_JOURNAL_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  /* Removing the columns changes the sorter: no reload from a view going away */
  if (self->column_view != NULL)
    g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->column_view), self);
  g_clear_weak_pointer (&self->archive_toast);
  g_clear_pointer (&self->custom_description, g_free);
  g_clear_pointer (&self->requested_search, g_free);
  g_clear_handle_id (&self->search_idle, g_source_remove);
  stop_growing (self);
  /* Unparenting the bin's child before the template lets go of it: libadwaita 1.2 fails to
   * dispose a toast overlay that shows a toast from gtk_widget_dispose_template() */
  adw_bin_set_child (ADW_BIN (self), NULL);
  self->column_view = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), HD_TYPE_JOURNAL_VIEW);
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  g_clear_object (&self->list);
  g_clear_object (&self->slice);
  g_clear_object (&self->terms);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (hd_journal_view_parent_class)->dispose (object);
}

static void
hd_journal_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  HdJournalView *self = HD_JOURNAL_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_journal_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  HdJournalView *self = HD_JOURNAL_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      hd_journal_view_set_context (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_journal_view_class_init (HdJournalViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hd_journal_view_dispose;
  object_class->get_property = hd_journal_view_get_property;
  object_class->set_property = hd_journal_view_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         HD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* TRUE while a new snapshot is being built; the old list stays on screen meanwhile */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/journal/hd-journal-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HdJournalView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HdJournalView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HdJournalView, queue_box);
  gtk_widget_class_bind_template_child (widget_class, HdJournalView, filter_box);
  gtk_widget_class_bind_template_child (widget_class, HdJournalView, queue_all);
  gtk_widget_class_bind_template_child (widget_class, HdJournalView, queue_today);
  gtk_widget_class_bind_template_child (widget_class, HdJournalView, queue_overdue);
  gtk_widget_class_bind_template_child (widget_class, HdJournalView, queue_callback);
  gtk_widget_class_bind_template_child (widget_class, HdJournalView, queue_waiting);
  gtk_widget_class_bind_template_child (widget_class, HdJournalView, queue_vendor);
  gtk_widget_class_bind_template_child (widget_class, HdJournalView, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HdJournalView, channel_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HdJournalView, topic_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HdJournalView, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HdJournalView, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HdJournalView, count_label);
  gtk_widget_class_bind_template_child (widget_class, HdJournalView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, HdJournalView, column_view);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, queue_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, period_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, column_view_activate_cb);

  gtk_widget_class_install_action (widget_class, "journal.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "journal.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "journal.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "journal.archive", NULL, archive_action);
  gtk_widget_class_install_action (widget_class, "journal.unarchive", "x", unarchive_action);
  gtk_widget_class_install_action (widget_class, "journal.reset-filters", NULL, reset_filters_action);
  gtk_widget_class_install_action (widget_class, "journal.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "journal.export-csv", NULL, hd_journal_csv_export_action);
  gtk_widget_class_install_action (widget_class, "journal.import-csv", NULL, hd_journal_csv_import_action);

  gtk_widget_class_set_css_name (widget_class, "hd-journal-view");
}

static void
hd_journal_view_init (HdJournalView *self)
{
  GtkEventController *controller;
  GtkShortcut *shortcut;

  gtk_widget_init_template (GTK_WIDGET (self));

  setup_columns (self);
  self->arrow_column = HD_REQUEST_SORT_RECEIVED;
  setup_filters (self);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (sorter_changed_cb), self, G_CONNECT_SWAPPED);

  /* Ctrl+N and Ctrl+F work wherever the focus is in the window while the journal is shown;
   * while another view is shown they are left to it (shortcut_cb). */
  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_MANAGED);
  shortcut = gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>n"),
                               gtk_callback_action_new (shortcut_cb, (gpointer) "journal.new", NULL));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
  shortcut = gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>f"),
                               gtk_callback_action_new (shortcut_cb, (gpointer) "journal.search", NULL));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  /* Delete archives only from the list, never while typing in the search entry */
  controller = gtk_shortcut_controller_new ();
  shortcut = gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("Delete|KP_Delete"),
                               gtk_named_action_new ("journal.archive"));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), controller);

  update_count (self);
  update_actions (self);
}

/* Public API */

HdContext *
hd_journal_view_get_context (HdJournalView *self)
{
  g_return_val_if_fail (HD_IS_JOURNAL_VIEW (self), NULL);
  return self->context;
}

void
hd_journal_view_set_context (HdJournalView *self,
                             HdContext     *context)
{
  g_return_if_fail (HD_IS_JOURNAL_VIEW (self));
  g_return_if_fail (context == NULL || HD_IS_CONTEXT (context));

  if (!g_set_object (&self->context, context))
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->terms);
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  g_clear_object (&self->list);
  stop_growing (self);
  gtk_column_view_set_model (self->column_view, NULL);
  g_clear_object (&self->slice);
  if (self->context != NULL)
    {
      ensure_terms (self);
      reload (self);
    }
  update_count (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

/**
 * hd_journal_view_get_list:
 *
 * Returns: (transfer none) (nullable): the model on screen
 */
HdRequestList *
hd_journal_view_get_list (HdJournalView *self)
{
  g_return_val_if_fail (HD_IS_JOURNAL_VIEW (self), NULL);
  return self->list;
}

gboolean
hd_journal_view_get_loading (HdJournalView *self)
{
  g_return_val_if_fail (HD_IS_JOURNAL_VIEW (self), FALSE);
  return self->loading;
}

/**
 * hd_journal_view_get_count_text:
 *
 * Returns: the line above the list («Найдено 3 обращения»)
 */
const char *
hd_journal_view_get_count_text (HdJournalView *self)
{
  g_return_val_if_fail (HD_IS_JOURNAL_VIEW (self), NULL);
  return gtk_label_get_text (self->count_label);
}

/**
 * hd_journal_view_get_page_name:
 *
 * Returns: "list", "empty" (no requests at all) or "no-results"
 */
const char *
hd_journal_view_get_page_name (HdJournalView *self)
{
  g_return_val_if_fail (HD_IS_JOURNAL_VIEW (self), NULL);
  return gtk_stack_get_visible_child_name (self->content_stack);
}

void
hd_journal_view_set_search_text (HdJournalView *self,
                                 const char    *text)
{
  g_return_if_fail (HD_IS_JOURNAL_VIEW (self));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
}

void
hd_journal_view_set_queue (HdJournalView  *self,
                           HdRequestQueue  queue)
{
  GtkToggleButton *buttons[HD_N_REQUEST_QUEUES];

  g_return_if_fail (HD_IS_JOURNAL_VIEW (self));
  g_return_if_fail (queue < HD_N_REQUEST_QUEUES);

  buttons[HD_REQUEST_QUEUE_ALL] = self->queue_all;
  buttons[HD_REQUEST_QUEUE_TODAY] = self->queue_today;
  buttons[HD_REQUEST_QUEUE_OVERDUE] = self->queue_overdue;
  buttons[HD_REQUEST_QUEUE_CALLBACK] = self->queue_callback;
  buttons[HD_REQUEST_QUEUE_WAITING] = self->queue_waiting;
  buttons[HD_REQUEST_QUEUE_VENDOR] = self->queue_vendor;
  gtk_toggle_button_set_active (buttons[queue], TRUE);
}

/**
 * hd_journal_view_set_status_filter:
 * @status: an #HdStatus, %HD_REQUEST_STATUS_OPEN, %HD_REQUEST_STATUS_NEEDS_CALL or
 *   %HD_REQUEST_STATUS_ANY
 */
void
hd_journal_view_set_status_filter (HdJournalView *self,
                                   int            status)
{
  guint item;

  g_return_if_fail (HD_IS_JOURNAL_VIEW (self));

  if (status == HD_REQUEST_STATUS_OPEN)
    item = 1;
  else if (status == HD_REQUEST_STATUS_NEEDS_CALL)
    item = 2;
  else if (status >= 0 && status < HD_N_STATUSES)
    item = status + 3;
  else
    item = 0;
  gtk_drop_down_set_selected (self->status_dropdown, item);
}

void
hd_journal_view_reload (HdJournalView *self)
{
  g_return_if_fail (HD_IS_JOURNAL_VIEW (self));
  reload (self);
}

gint64
hd_journal_view_get_selected_id (HdJournalView *self)
{
  g_return_val_if_fail (HD_IS_JOURNAL_VIEW (self), 0);
  return selected_id (self);
}

void
hd_journal_view_select_id (HdJournalView *self,
                           gint64         id)
{
  GtkSelectionModel *model;
  guint position;

  g_return_if_fail (HD_IS_JOURNAL_VIEW (self));

  model = gtk_column_view_get_model (self->column_view);
  if (self->list == NULL || !GTK_IS_SINGLE_SELECTION (model))
    return;
  position = hd_request_list_find (self->list, id);
  if (position == G_MAXUINT)
    return;
  if (self->slice != NULL && position >= self->slice->n_shown)
    show_all_rows (self);
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (model), position);
  scroll_to (self, position);
}

/**
 * hd_journal_view_open_request:
 * @id: a request, or 0 for a new one
 *
 * Opens the request editor, modal to the window.
 *
 * Returns: (transfer none): the editor window
 */
GtkWindow *
hd_journal_view_open_request (HdJournalView *self,
                              gint64         id)
{
  HdRequestEditor *editor;
  GtkRoot *root;

  g_return_val_if_fail (HD_IS_JOURNAL_VIEW (self), NULL);
  g_return_val_if_fail (self->context != NULL, NULL);

  editor = hd_request_editor_new (self->context, self->terms, id);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "open-request", G_CALLBACK (editor_open_request_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
  return GTK_WINDOW (editor);
}

/**
 * hd_journal_view_show_requests:
 * @filter: an `a{ss}` dictionary: `period` (as hd_period_parse() reads it), and at most one of
 *   `channel`, `topic`, `requester-kind` (enum keys) or `status` (a key or `open`)
 *
 * Shows the requests a report's bar stands for: every other filter is reset, the period is
 * the report's. Unknown keys and values are ignored rather than showing a wrong list.
 */
void
hd_journal_view_show_requests (HdJournalView *self,
                               GVariant      *filter)
{
  const char *text;
  HdPeriod period;
  int value;

  g_return_if_fail (HD_IS_JOURNAL_VIEW (self));
  g_return_if_fail (g_variant_is_of_type (filter, G_VARIANT_TYPE ("a{ss}")));

  self->resetting = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_toggle_button_set_active (self->queue_all, TRUE);
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  gtk_drop_down_set_selected (self->channel_dropdown, 0);
  gtk_drop_down_set_selected (self->topic_dropdown, 0);
  gtk_drop_down_set_selected (self->kind_dropdown, 0);
  gtk_drop_down_set_selected (self->period_dropdown, 0);
  self->custom_period = FALSE;
  g_clear_pointer (&self->custom_description, g_free);
  if (g_variant_lookup (filter, "description", "&s", &text))
    self->custom_description = g_strdup (text);

  if (g_variant_lookup (filter, "period", "&s", &text) && self->context != NULL &&
      hd_period_parse (text, &period, NULL))
    {
      hd_period_get_bounds (&period, hd_context_get_time_zone (self->context),
                            &self->custom_from, &self->custom_to);
      self->custom_period = TRUE;
    }
  if (g_variant_lookup (filter, "channel", "&s", &text) &&
      (value = hd_enum_from_key (HD_ENUM_CHANNEL, text)) >= 0)
    gtk_drop_down_set_selected (self->channel_dropdown, value + 1);
  if (g_variant_lookup (filter, "topic", "&s", &text) &&
      (value = hd_enum_from_key (HD_ENUM_TOPIC, text)) >= 0)
    gtk_drop_down_set_selected (self->topic_dropdown, value + 1);
  if (g_variant_lookup (filter, "requester-kind", "&s", &text) &&
      (value = hd_enum_from_key (HD_ENUM_REQUESTER_KIND, text)) >= 0)
    gtk_drop_down_set_selected (self->kind_dropdown, value + 1);
  if (g_variant_lookup (filter, "status", "&s", &text))
    {
      if (g_str_equal (text, "open"))
        hd_journal_view_set_status_filter (self, HD_REQUEST_STATUS_OPEN);
      else if ((value = hd_enum_from_key (HD_ENUM_STATUS, text)) >= 0)
        hd_journal_view_set_status_filter (self, value);
    }
  self->resetting = FALSE;
  reload (self);
}
