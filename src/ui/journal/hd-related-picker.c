/* hd-related-picker.c — the request editor's field for a related earlier request
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An entry that takes a number or words: while the user types, the requests the full-text
 * index finds are listed under it as «№ 123 · summary · date»; choosing one puts its number
 * into the entry, and the request is shown under it with a button to clear it. The entry
 * holds the number, so the editor reads and validates it like any other field, and a
 * number typed by hand works as well.
 */
#define G_LOG_DOMAIN "hd-related-picker"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hd-enums.h"
#include "hd-related-picker.h"
#include "hd-request-store.h"

/* Enough to recognise the request; more is what the journal's search is for */
#define MAX_RESULTS 8
#define SEARCH_DELAY_MS 200

struct _HdRelatedPicker
{
  GtkWidget   parent_instance;

  /* Children */
  GtkWidget  *entry;
  GtkListBox *results;
  GtkWidget  *chosen_box;
  GtkLabel   *chosen_label;

  /* Owned */
  HdContext  *context;
  gint64      exclude_id;
  gint64      chosen_id;
  guint       search_source;
  guint       setting : 1;   /* the entry is being changed by code */
};

G_DEFINE_FINAL_TYPE (HdRelatedPicker, hd_related_picker, GTK_TYPE_WIDGET)

/* «12», «№ 12» and «#12» all name request 12; 0 when @text is no number */
static gint64
parse_number (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  const char *p = copy;
  char *end = NULL;
  gint64 id;

  if (g_str_has_prefix (p, "№"))
    p += strlen ("№");
  else if (*p == '#')
    p++;
  while (*p == ' ')
    p++;
  if (*p == '\0')
    return 0;
  id = g_ascii_strtoll (p, &end, 10);
  return end != p && *end == '\0' && id > 0 ? id : 0;
}

/* «№ 123 · summary · 25.11.2026» */
static char *
describe (HdRelatedPicker *self,
          HdRequest       *request)
{
  g_autoptr(GDateTime) dt = hd_context_date_time (self->context, hd_request_get_received_at (request));
  g_autofree char *date = dt != NULL ? g_date_time_format (dt, "%d.%m.%Y") : g_strdup ("");
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, hd_request_get_id (request));

  /* Translators: a request in the related-request picker: its number, summary and date */
  return g_strdup_printf (_("No. %s · %s · %s"), number, hd_request_get_summary (request), date);
}

static HdRequest *
get_request (HdRelatedPicker *self,
             gint64           id)
{
  HdDatabase *db = hd_context_get_database (self->context);

  if (id <= 0 || id == self->exclude_id || db == NULL)
    return NULL;
  return hd_request_store_get (db, id, NULL);
}

static void
clear_results (HdRelatedPicker *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results))) != NULL)
    gtk_list_box_remove (self->results, child);
  gtk_widget_set_visible (GTK_WIDGET (self->results), FALSE);
}

/* The request the entry's number names, shown under it */
static void
update_chosen (HdRelatedPicker *self)
{
  g_autoptr(HdRequest) request = get_request (self, parse_number (gtk_editable_get_text (GTK_EDITABLE (self->entry))));

  self->chosen_id = request != NULL ? hd_request_get_id (request) : 0;
  if (request != NULL)
    {
      g_autofree char *text = describe (self, request);

      gtk_label_set_text (self->chosen_label, text);
    }
  else
    gtk_label_set_text (self->chosen_label, "");
  gtk_widget_set_visible (self->chosen_box, request != NULL);
}

static void
add_result (HdRelatedPicker *self,
            HdRequest       *request)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = describe (self, request);
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  g_autofree char *subtitle = g_strdup_printf ("%s · %s", hd_request_get_requester_name (request),
                                               hd_enum_label (HD_ENUM_STATUS, hd_request_get_status (request)));
  g_autofree char *escaped_subtitle = g_markup_escape_text (subtitle, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "hd-request-id", GSIZE_TO_POINTER ((gsize) hd_request_get_id (request)));
  gtk_list_box_append (self->results, row);
}

static void
run_search (HdRelatedPicker *self)
{
  HdDatabase *db = hd_context_get_database (self->context);
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));
  g_autoptr(HdRequest) by_number = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  clear_results (self);
  if (text[0] == '\0' || db == NULL)
    return;

  /* A number is first of all that request; its digits may also be words of others */
  by_number = get_request (self, parse_number (text));
  if (by_number != NULL)
    {
      add_result (self, by_number);
      n++;
    }
  ids = hd_request_store_search_ids (db, text, MAX_RESULTS + 2, &error);
  if (ids == NULL)
    g_warning ("Related requests not searched: %s", error->message);
  for (guint i = 0; ids != NULL && i < ids->len && n < MAX_RESULTS; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(HdRequest) request = NULL;

      if (by_number != NULL && id == hd_request_get_id (by_number))
        continue;
      request = get_request (self, id);
      if (request == NULL)
        continue;
      add_result (self, request);
      n++;
    }

  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No requests found"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->results, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->results), TRUE);
}

static gboolean
search_timeout_cb (gpointer user_data)
{
  HdRelatedPicker *self = user_data;

  self->search_source = 0;
  run_search (self);
  return G_SOURCE_REMOVE;
}

static void
set_entry_text (HdRelatedPicker *self,
                const char      *text)
{
  self->setting = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
  self->setting = FALSE;
}

static void
entry_changed_cb (HdRelatedPicker *self)
{
  update_chosen (self);
  g_clear_handle_id (&self->search_source, g_source_remove);

  /* Only what the user types is searched; the editor filling in its form is not */
  if (!self->setting &&
      (gtk_widget_get_state_flags (self->entry) & GTK_STATE_FLAG_FOCUS_WITHIN) != 0)
    self->search_source = g_timeout_add (SEARCH_DELAY_MS, search_timeout_cb, self);
  else
    clear_results (self);
}

static void
result_activated_cb (HdRelatedPicker *self,
                     GtkListBoxRow   *row)
{
  gint64 id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "hd-request-id"));

  if (id <= 0)
    return;
  hd_related_picker_choose (self, id);
  gtk_widget_grab_focus (self->entry);
}

static void
clear_clicked_cb (HdRelatedPicker *self)
{
  hd_related_picker_clear (self);
  gtk_widget_grab_focus (self->entry);
}

static gboolean
entry_key_pressed_cb (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      HdRelatedPicker       *self)
{
  GtkListBoxRow *first;

  /* Down from the entry goes into the results, as in the requester's field */
  if ((keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down) ||
      !gtk_widget_get_visible (GTK_WIDGET (self->results)))
    return FALSE;
  first = gtk_list_box_get_row_at_index (self->results, 0);
  if (first == NULL)
    return FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (first));
  return TRUE;
}

/* GObject */

static void
hd_related_picker_dispose (GObject *object)
{
  HdRelatedPicker *self = HD_RELATED_PICKER (object);
  GtkWidget *child;

  g_clear_handle_id (&self->search_source, g_source_remove);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (hd_related_picker_parent_class)->dispose (object);
}

static gboolean
hd_related_picker_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (HD_RELATED_PICKER (widget)->entry);
}

static void
hd_related_picker_class_init (HdRelatedPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hd_related_picker_dispose;
  widget_class->grab_focus = hd_related_picker_grab_focus;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "hd-related-picker");
}

static void
hd_related_picker_init (HdRelatedPicker *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  GtkEventController *key;
  GtkWidget *clear;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);

  self->entry = gtk_entry_new ();
  /* Translators: the placeholder of the related-request field */
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry), _("Number or words of the request"));
  gtk_widget_set_parent (self->entry, GTK_WIDGET (self));
  g_signal_connect_object (self->entry, "changed", G_CALLBACK (entry_changed_cb), self, G_CONNECT_SWAPPED);
  key = gtk_event_controller_key_new ();
  g_signal_connect_object (key, "key-pressed", G_CALLBACK (entry_key_pressed_cb), self, 0);
  gtk_widget_add_controller (self->entry, key);

  self->results = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->results, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->results), "boxed-list");
  gtk_widget_set_visible (GTK_WIDGET (self->results), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->results),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Requests found"), -1);
  g_signal_connect_object (self->results, "row-activated", G_CALLBACK (result_activated_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_set_parent (GTK_WIDGET (self->results), GTK_WIDGET (self));

  self->chosen_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->chosen_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->chosen_label, 0);
  gtk_label_set_wrap (self->chosen_label, TRUE);
  gtk_label_set_wrap_mode (self->chosen_label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (self->chosen_label, FALSE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->chosen_label), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->chosen_label), "caption");
  gtk_box_append (GTK_BOX (self->chosen_box), GTK_WIDGET (self->chosen_label));
  clear = gtk_button_new_from_icon_name ("edit-clear-symbolic");
  gtk_widget_set_valign (clear, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (clear, "flat");
  gtk_widget_set_tooltip_text (clear, _("Clear the related request"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (clear),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Clear the related request"), -1);
  g_signal_connect_object (clear, "clicked", G_CALLBACK (clear_clicked_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (self->chosen_box), clear);
  gtk_widget_set_visible (self->chosen_box, FALSE);
  gtk_widget_set_parent (self->chosen_box, GTK_WIDGET (self));
}

/* Public API */

/**
 * hd_related_picker_new:
 *
 * Returns: (transfer floating): a picker searching @context's database
 */
GtkWidget *
hd_related_picker_new (HdContext *context)
{
  HdRelatedPicker *self;

  g_return_val_if_fail (HD_IS_CONTEXT (context), NULL);

  self = g_object_new (HD_TYPE_RELATED_PICKER, NULL);
  self->context = g_object_ref (context);
  return GTK_WIDGET (self);
}

/**
 * hd_related_picker_get_entry:
 *
 * Returns: (transfer none): the entry, which holds the chosen request's number
 */
GtkWidget *
hd_related_picker_get_entry (HdRelatedPicker *self)
{
  g_return_val_if_fail (HD_IS_RELATED_PICKER (self), NULL);
  return self->entry;
}

/**
 * hd_related_picker_set_exclude_id:
 * @id: the request being edited, which cannot be related to itself
 */
void
hd_related_picker_set_exclude_id (HdRelatedPicker *self,
                                  gint64           id)
{
  g_return_if_fail (HD_IS_RELATED_PICKER (self));
  self->exclude_id = id;
  update_chosen (self);
}

/**
 * hd_related_picker_get_chosen_id:
 *
 * Returns: the request the entry names and that exists, or 0
 */
gint64
hd_related_picker_get_chosen_id (HdRelatedPicker *self)
{
  g_return_val_if_fail (HD_IS_RELATED_PICKER (self), 0);
  return self->chosen_id;
}

/**
 * hd_related_picker_get_chosen_text:
 *
 * Returns: what is shown for the chosen request («№ 123 · …»), empty when none
 */
const char *
hd_related_picker_get_chosen_text (HdRelatedPicker *self)
{
  g_return_val_if_fail (HD_IS_RELATED_PICKER (self), NULL);
  return gtk_label_get_text (self->chosen_label);
}

/**
 * hd_related_picker_choose:
 * @id: a request's number, or 0 for none
 *
 * As choosing it from the list does.
 */
void
hd_related_picker_choose (HdRelatedPicker *self,
                          gint64           id)
{
  g_autofree char *number = NULL;

  g_return_if_fail (HD_IS_RELATED_PICKER (self));

  g_clear_handle_id (&self->search_source, g_source_remove);
  number = id > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, id) : g_strdup ("");
  set_entry_text (self, number);
  clear_results (self);
}

void
hd_related_picker_clear (HdRelatedPicker *self)
{
  g_return_if_fail (HD_IS_RELATED_PICKER (self));
  hd_related_picker_choose (self, 0);
}

/**
 * hd_related_picker_search:
 * @text: a number or words
 *
 * Types @text into the entry and lists what it finds at once, without the typing delay.
 */
void
hd_related_picker_search (HdRelatedPicker *self,
                          const char      *text)
{
  g_return_if_fail (HD_IS_RELATED_PICKER (self));

  set_entry_text (self, text != NULL ? text : "");
  g_clear_handle_id (&self->search_source, g_source_remove);
  run_search (self);
}

guint
hd_related_picker_get_n_results (HdRelatedPicker *self)
{
  guint n = 0;

  g_return_val_if_fail (HD_IS_RELATED_PICKER (self), 0);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->results));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (g_object_get_data (G_OBJECT (row), "hd-request-id") != NULL)
      n++;
  return n;
}

/**
 * hd_related_picker_get_result_id:
 *
 * Returns: the number of the @index-th request listed, or 0
 */
gint64
hd_related_picker_get_result_id (HdRelatedPicker *self,
                                 guint            index)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (HD_IS_RELATED_PICKER (self), 0);

  row = gtk_list_box_get_row_at_index (self->results, index);
  if (row == NULL)
    return 0;
  return (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "hd-request-id"));
}
