/* test-journal-extras.c — answer templates, the related-request picker, CSV in the journal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Under Xvfb, in Russian, on fresh databases: a template of the request's topic is inserted
 * into the resolution at the cursor and saved with the request resolved; templates are added,
 * checked at their fields and deleted on the preferences page; a related request is found by
 * words and by number, chosen, saved and cleared; the journal exports to a file that imports
 * into an empty database with the count checked, and a bad file is refused with every bad
 * line listed and nothing imported; the editor fits a 360 px window. Screenshots go to
 * $HD_SCREENSHOT_DIR.
 *
 * gtk_test_init() is not used: it switches the locale to en_US.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hd-answer-template-store.h"
#include "hd-context.h"
#include "hd-database.h"
#include "hd-person-store.h"
#include "hd-request-list.h"
#include "hd-request-store.h"
#include "hd-templates-page.h"
#include "hd-test-ui.h"
#include "journal/hd-journal-csv.h"
#include "journal/hd-journal-view.h"
#include "journal/hd-related-picker.h"
#include "journal/hd-request-editor.h"

GResource *hd_get_resource (void);

typedef struct {
  HdDatabase    *db;
  HdContext     *context;
  GtkWindow     *window;
  HdJournalView *view;
  gint64         person;
} Journal;


typedef struct {
  GtkWidget *window;
  int        width;
  int        height;
} Size;

static gboolean
window_has_size (gpointer data)
{
  Size *size = data;

  return gtk_widget_get_width (size->window) == size->width &&
         gtk_widget_get_height (size->window) == size->height;
}

/* Without a window manager a mapped X11 window ignores a new default size: map it again */
static void
resize (GtkWindow *window,
        int        width,
        int        height)
{
  Size size = { GTK_WIDGET (window), width, height };
  int default_width, default_height, frame_x, frame_y;

  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  gtk_window_get_default_size (window, &default_width, &default_height);
  frame_x = MAX (0, default_width - gtk_widget_get_width (GTK_WIDGET (window)));
  frame_y = MAX (0, default_height - gtk_widget_get_height (GTK_WIDGET (window)));
  if (window_has_size (&size))
    return;
  gtk_widget_hide (GTK_WIDGET (window));
  gtk_window_set_default_size (window, width + frame_x, height + frame_y);
  gtk_window_present (window);
  wait_until (window_has_size, &size, "the window to take its new size");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
}

static gboolean
view_loaded (gpointer data)
{
  return !hd_journal_view_get_loading (data) && hd_journal_view_get_list (data) != NULL;
}

static gboolean
csv_done (gpointer data)
{
  return !hd_journal_csv_is_busy (data);
}

static gint64
add_person (HdDatabase *db,
            const char *name)
{
  g_autoptr(HdPerson) p = hd_person_new ();
  g_autoptr(GError) error = NULL;

  hd_person_set_full_name (p, name);
  hd_person_set_kind (p, HD_REQUESTER_STAFF);
  hd_person_set_email (p, "teacher@example.ru");
  g_assert_true (hd_person_store_create (db, p, &error));
  g_assert_no_error (error);
  return hd_person_get_id (p);
}

static gint64
add_request (Journal    *j,
             int         topic,
             const char *summary,
             gint64      ago)
{
  g_autoptr(HdRequest) r = hd_request_new ();
  g_autoptr(GError) error = NULL;

  hd_request_set_received_at (r, g_get_real_time () / G_USEC_PER_SEC - ago);
  hd_request_set_requester_id (r, j->person);
  hd_request_set_requester_kind (r, HD_REQUESTER_STAFF);
  hd_request_set_channel (r, HD_CHANNEL_PHONE);
  hd_request_set_topic (r, topic);
  hd_request_set_summary (r, summary);
  hd_request_set_status (r, HD_STATUS_IN_PROGRESS);
  g_assert_true (hd_request_store_create (j->db, r, &error));
  g_assert_no_error (error);
  return hd_request_get_id (r);
}

static HdRequest *
stored (Journal *j,
        gint64   id)
{
  g_autoptr(GError) error = NULL;
  HdRequest *r = hd_request_store_get (j->db, id, &error);

  g_assert_no_error (error);
  return r;
}

static void
journal_open (Journal    *j,
              const char *file_name,
              gboolean    with_person)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  path = g_build_filename (g_get_user_data_dir (), file_name, NULL);
  j->db = hd_database_open (path, &error);
  g_assert_no_error (error);
  if (with_person)
    j->person = add_person (j->db, "Смирнова Анна Викторовна");

  j->context = hd_context_new (NULL);
  hd_context_set_database (j->context, j->db);
  j->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (j->window, 1280, 800);
  j->view = g_object_new (HD_TYPE_JOURNAL_VIEW, NULL);
  gtk_window_set_child (j->window, GTK_WIDGET (j->view));
  gtk_window_present (j->window);
  hd_journal_view_set_context (j->view, j->context);
  wait_until (view_loaded, j->view, "the journal");
}

static void
journal_close (Journal *j)
{
  gtk_window_destroy (j->window);
  g_clear_object (&j->context);
  g_clear_object (&j->db);
}

static HdRequestEditor *
open_editor (Journal *j,
             gint64   id)
{
  HdRequestEditor *editor = HD_REQUEST_EDITOR (hd_journal_view_open_request (j->view, id));

  gtk_test_widget_wait_for_draw (GTK_WIDGET (editor));
  return editor;
}

static gboolean
save_editor (HdRequestEditor *editor)
{
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  wait_ms (50);
  if (editor != NULL)
    g_object_remove_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  return editor == NULL || !gtk_widget_get_visible (GTK_WIDGET (editor));
}

static char *
text_view_text (GtkWidget *widget)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static GtkWidget *
find_menu_button_with_label (GtkWidget  *root,
                             const char *label)
{
  if (GTK_IS_MENU_BUTTON (root) && g_strcmp0 (gtk_menu_button_get_label (GTK_MENU_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_menu_button_with_label (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The number of items in a menu model, sections included */
static guint
count_menu_items (GMenuModel *model)
{
  guint n = 0;

  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);

      n += section != NULL ? count_menu_items (section) : 1;
    }
  return n;
}

/* Templates */

static void
test_template_into_resolution (void)
{
  Journal j = { 0 };
  HdRequestEditor *editor;
  GtkWidget *status, *resolution, *button;
  GtkTextBuffer *buffer;
  GtkTextIter end;
  g_autoptr(GPtrArray) final = NULL;
  g_autoptr(HdRequest) r = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  const HdAnswerTemplate *first;
  gint64 id;

  journal_open (&j, "templates.db", TRUE);
  id = add_request (&j, HD_TOPIC_GRADES_FINAL, "Не получается выставить четвертные отметки", 60);
  final = hd_answer_template_store_list (j.db, HD_TOPIC_GRADES_FINAL, NULL);
  g_assert_cmpuint (final->len, ==, 2);
  first = g_ptr_array_index (final, 0);
  /* Shipped in the user's language */
  g_assert_cmpstr (first->title, ==, "Как выставить итоговые отметки");

  editor = open_editor (&j, id);
  status = hd_request_editor_get_field_widget (editor, "status");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (status), HD_STATUS_RESOLVED);
  g_assert_true (hd_request_editor_get_field_visible (editor, "resolution"));

  /* The button sits by the resolution, reachable by the keyboard, with the topic's two */
  button = find_menu_button_with_label (GTK_WIDGET (editor), "_Вставить шаблон");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (button));
  g_assert_true (gtk_widget_get_focusable (button) || gtk_widget_get_focusable (gtk_widget_get_first_child (button)));
  g_assert_cmpuint (count_menu_items (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button))), ==, 2);

  /* Inserted at the cursor, after what was typed, on a line of its own */
  resolution = hd_request_editor_get_field_widget (editor, "resolution");
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (resolution));
  gtk_text_buffer_set_text (buffer, "Здравствуйте!", -1);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.insert-template", "x", first->id);
  text = text_view_text (resolution);
  expected = g_strconcat ("Здравствуйте!\n", first->body, NULL);
  g_assert_cmpstr (text, ==, expected);
  g_assert_null (hd_request_editor_get_field_error (editor, "resolution"));
  save_screenshot (GTK_WIDGET (editor), "editor-template");

  g_assert_true (save_editor (editor));
  r = stored (&j, id);
  g_assert_cmpint (hd_request_get_status (r), ==, HD_STATUS_RESOLVED);
  g_assert_cmpstr (hd_request_get_resolution (r), ==, expected);

  /* A topic without templates: the button says so and is disabled */
  id = add_request (&j, HD_TOPIC_OTHER, "Вопрос о другом", 30);
  editor = open_editor (&j, id);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (hd_request_editor_get_field_widget (editor, "status")), HD_STATUS_RESOLVED);
  button = find_menu_button_with_label (GTK_WIDGET (editor), "_Вставить шаблон");
  g_assert_false (gtk_widget_get_sensitive (button));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (button), "шаблонов"));
  gtk_window_destroy (GTK_WINDOW (editor));

  journal_close (&j);
}

static void
test_templates_page (void)
{
  Journal j = { 0 };
  GtkWidget *prefs;
  HdTemplatesPage *page;
  AdwMessageDialog *dialog;
  GtkWidget *title, *body;
  g_autoptr(GPtrArray) attendance = NULL;
  const HdAnswerTemplate *added;

  journal_open (&j, "page.db", TRUE);
  prefs = adw_preferences_window_new ();
  gtk_window_set_transient_for (GTK_WINDOW (prefs), j.window);
  page = HD_TEMPLATES_PAGE (hd_templates_page_new (j.context));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (prefs), ADW_PREFERENCES_PAGE (page));
  gtk_window_present (GTK_WINDOW (prefs));
  resize (GTK_WINDOW (prefs), 360, 700);

  /* Shipped: two for final grades, one for attendance, none for "other" */
  g_assert_cmpuint (hd_templates_page_get_n_rows (page, HD_TOPIC_GRADES_FINAL), ==, 2);
  g_assert_cmpuint (hd_templates_page_get_n_rows (page, HD_TOPIC_ATTENDANCE), ==, 1);
  g_assert_cmpuint (hd_templates_page_get_n_rows (page, HD_TOPIC_OTHER), ==, 0);
  save_screenshot (prefs, "preferences-templates-360");

  /* A new one: Save is refused while the title is empty, with the reason at the field */
  dialog = ADW_MESSAGE_DIALOG (hd_templates_page_edit (page, 0, HD_TOPIC_ATTENDANCE));
  g_assert_nonnull (dialog);
  title = find_widget (GTK_WIDGET (dialog), GTK_TYPE_ENTRY);
  body = find_widget (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW);
  g_assert_nonnull (title);
  g_assert_nonnull (body);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (body)),
                            "Если ученик отсутствовал весь день, отметьте пропуск на каждом уроке.", -1);
  gtk_editable_set_text (GTK_EDITABLE (title), "Пропуск");
  gtk_editable_set_text (GTK_EDITABLE (title), "");
  g_assert_true (gtk_widget_has_css_class (title, "error"));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  save_screenshot (GTK_WIDGET (dialog), "preferences-template-error");
  gtk_editable_set_text (GTK_EDITABLE (title), "Пропуск на весь день");
  g_assert_false (gtk_widget_has_css_class (title, "error"));
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
  adw_message_dialog_response (dialog, "save");
  wait_ms (50);

  g_assert_cmpuint (hd_templates_page_get_n_rows (page, HD_TOPIC_ATTENDANCE), ==, 2);
  attendance = hd_answer_template_store_list (j.db, HD_TOPIC_ATTENDANCE, NULL);
  g_assert_cmpuint (attendance->len, ==, 2);
  added = g_ptr_array_index (attendance, 1);
  g_assert_cmpstr (added->title, ==, "Пропуск на весь день");
  g_assert_cmpint (added->position, ==, 2);

  /* Deleted, it leaves the page and the database */
  g_assert_true (hd_templates_page_delete (page, added->id));
  g_assert_cmpuint (hd_templates_page_get_n_rows (page, HD_TOPIC_ATTENDANCE), ==, 1);
  g_assert_null (hd_answer_template_store_get (j.db, added->id, NULL));

  gtk_window_destroy (GTK_WINDOW (prefs));
  journal_close (&j);
}

/* Related request */

static void
test_related_picker (void)
{
  Journal j = { 0 };
  HdRequestEditor *editor;
  HdRelatedPicker *picker;
  GtkWidget *entry, *results;
  GtkListBoxRow *row;
  g_autoptr(HdRequest) r = NULL;
  g_autofree char *number = NULL;
  g_autofree char *by_number = NULL;
  gint64 earlier, other, current;

  journal_open (&j, "related.db", TRUE);
  earlier = add_request (&j, HD_TOPIC_GRADES_FINAL, "Не видно итоговых оценок за четверть", 3 * 86400);
  other = add_request (&j, HD_TOPIC_ACCESS, "Забыла пароль от Дневника", 2 * 86400);
  current = add_request (&j, HD_TOPIC_GRADES_FINAL, "Снова не видно оценок", 60);
  number = g_strdup_printf ("%" G_GINT64_FORMAT, earlier);

  editor = open_editor (&j, current);
  entry = hd_request_editor_get_field_widget (editor, "related_id");
  picker = HD_RELATED_PICKER (gtk_widget_get_ancestor (entry, HD_TYPE_RELATED_PICKER));
  g_assert_nonnull (picker);

  /* Words: a form of the word in the summary, in another case */
  hd_related_picker_search (picker, "ИТОГОВЫЕ");
  g_assert_cmpuint (hd_related_picker_get_n_results (picker), ==, 1);
  g_assert_cmpint (hd_related_picker_get_result_id (picker, 0), ==, earlier);
  save_screenshot (GTK_WIDGET (editor), "editor-related-search");

  /* The request itself is never offered */
  hd_related_picker_search (picker, "оценок");
  g_assert_cmpuint (hd_related_picker_get_n_results (picker), ==, 1);
  g_assert_cmpint (hd_related_picker_get_result_id (picker, 0), ==, earlier);

  /* A number lists that request first */
  by_number = g_strdup_printf ("№ %" G_GINT64_FORMAT, other);
  hd_related_picker_search (picker, by_number);
  g_assert_cmpint (hd_related_picker_get_result_id (picker, 0), ==, other);

  /* Chosen from the list: the number in the field, the request shown under it */
  hd_related_picker_search (picker, "итогов");
  results = find_widget (GTK_WIDGET (picker), GTK_TYPE_LIST_BOX);
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (results), 0);
  g_signal_emit_by_name (results, "row-activated", row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, number);
  g_assert_cmpint (hd_related_picker_get_chosen_id (picker), ==, earlier);
  g_assert_true (g_str_has_prefix (hd_related_picker_get_chosen_text (picker), "№ "));
  g_assert_nonnull (strstr (hd_related_picker_get_chosen_text (picker), "Не видно итоговых оценок за четверть"));
  g_assert_cmpuint (hd_related_picker_get_n_results (picker), ==, 0);
  save_screenshot (GTK_WIDGET (editor), "editor-related-chosen");
  g_assert_true (save_editor (editor));
  r = stored (&j, current);
  g_assert_cmpint (hd_request_get_related_id (r), ==, earlier);
  g_clear_object (&r);

  /* Reopened, it shows the request; cleared, it is saved as none */
  editor = open_editor (&j, current);
  entry = hd_request_editor_get_field_widget (editor, "related_id");
  picker = HD_RELATED_PICKER (gtk_widget_get_ancestor (entry, HD_TYPE_RELATED_PICKER));
  g_assert_cmpint (hd_related_picker_get_chosen_id (picker), ==, earlier);
  hd_related_picker_clear (picker);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_true (save_editor (editor));
  r = stored (&j, current);
  g_assert_cmpint (hd_request_get_related_id (r), ==, 0);
  g_clear_object (&r);

  /* Words typed and not chosen are an error at the field; nothing typed is lost */
  editor = open_editor (&j, current);
  entry = hd_request_editor_get_field_widget (editor, "related_id");
  gtk_editable_set_text (GTK_EDITABLE (entry), "пароль");
  g_assert_false (save_editor (editor));
  g_assert_nonnull (hd_request_editor_get_field_error (editor, "related_id"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "пароль");
  gtk_window_destroy (GTK_WINDOW (editor));

  journal_close (&j);
}

/* CSV */

static gint64
count_requests (HdDatabase *db)
{
  g_autoptr(GHashTable) counts = hd_database_count_rows (db, NULL);
  gint64 *n;

  g_assert_nonnull (counts);
  n = g_hash_table_lookup (counts, "requests");
  g_assert_nonnull (n);
  return *n;
}

static void
test_csv (void)
{
  Journal source = { 0 };
  Journal target = { 0 };
  g_autofree char *path = NULL;
  g_autofree char *bad_path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) bad = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *list;
  gsize length;

  journal_open (&source, "source.db", TRUE);
  add_request (&source, HD_TOPIC_ATTENDANCE, "Не отмечается посещаемость", 3 * 3600);
  add_request (&source, HD_TOPIC_GRADES_CURRENT, "=1+2 отметка не сохраняется", 2 * 3600);
  add_request (&source, HD_TOPIC_ACCESS, "Нет доступа; «Дневник.ру» не открывается", 3600);

  /* Export: the journal's menu offers both; the file handling runs on a GFile */
  {
    GtkWidget *menu_button = find_widget (GTK_WIDGET (source.view), GTK_TYPE_MENU_BUTTON);
    GMenuModel *menu;
    g_autoptr(GMenuModel) section = NULL;
    g_autofree char *first_action = NULL;
    g_autofree char *second_action = NULL;

    g_assert_nonnull (menu_button);
    menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button));
    g_assert_cmpuint (count_menu_items (menu), ==, 2);
    section = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
    g_assert_true (g_menu_model_get_item_attribute (section, 0, G_MENU_ATTRIBUTE_ACTION, "s", &first_action));
    g_assert_true (g_menu_model_get_item_attribute (section, 1, G_MENU_ATTRIBUTE_ACTION, "s", &second_action));
    g_assert_cmpstr (first_action, ==, "journal.export-csv");
    g_assert_cmpstr (second_action, ==, "journal.import-csv");
  }
  path = g_build_filename (g_get_user_data_dir (), "обращения.csv", NULL);
  file = g_file_new_for_path (path);
  hd_journal_csv_export (source.view, file, TRUE);
  g_assert_true (hd_journal_csv_is_busy (source.view));
  wait_until (csv_done, source.view, "the export");
  g_assert_cmpstr (hd_journal_csv_get_last_message (source.view), ==, "Экспортировано 3 обращения");
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "\xef\xbb\xbfnumber;received_at;requester;"));

  /* Import into an empty database: all three, and the journal shows them */
  journal_open (&target, "target.db", FALSE);
  g_assert_cmpstr (hd_journal_view_get_page_name (target.view), ==, "empty");
  hd_journal_csv_import (target.view, file);
  wait_until (csv_done, target.view, "the import");
  g_assert_cmpstr (hd_journal_csv_get_last_message (target.view), ==, "Импортировано обращений: 3");
  g_assert_cmpint (count_requests (target.db), ==, 3);
  {
    /* Numbers kept in an empty journal; the formula guard removed again */
    g_autoptr(HdRequest) second = hd_request_store_get (target.db, 2, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (hd_request_get_summary (second), ==, "=1+2 отметка не сохраняется");
  }
  wait_ms (200);
  wait_until (view_loaded, target.view, "the journal to reload");
  g_assert_cmpuint (hd_request_list_get_count (hd_journal_view_get_list (target.view)), ==, 3);
  g_assert_cmpstr (hd_journal_view_get_page_name (target.view), ==, "list");
  save_screenshot (GTK_WIDGET (target.window), "journal-imported");

  /* A bad file: nothing imported, every bad line listed */
  bad_path = g_build_filename (g_get_user_data_dir (), "bad.csv", NULL);
  g_assert_true (g_file_set_contents (bad_path,
                                      "number;received_at;requester;requester_kind;channel;topic;summary;description;status;"
                                      "rejection_reason;vendor_ticket;first_response_at;resolved_at;resolution\n"
                                      "101;2026-11-02 09:15;Петров П. П.;staff;phone;attendance;Хороший ряд;;new;;;;;\n"
                                      "102;2026-11-02 09:20;Петров П. П.;staff;fax;attendance;Плохой канал;;new;;;;;\n"
                                      "103;02.11.2026;Петров П. П.;staff;phone;attendance;Плохая дата;;new;;;;;\n",
                                      -1, &error));
  bad = g_file_new_for_path (bad_path);
  hd_journal_csv_import (target.view, bad);
  wait_until (csv_done, target.view, "the import of a bad file");
  g_assert_cmpstr (hd_journal_csv_get_last_message (target.view), ==, "Файл не импортирован");
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Файл не импортирован");
  list = find_widget (GTK_WIDGET (dialog), GTK_TYPE_LIST_BOX);
  g_assert_nonnull (list);
  {
    GtkListBoxRow *first = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);
    GtkListBoxRow *second = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1);

    g_assert_nonnull (first);
    g_assert_nonnull (second);
    g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 2));
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first)), ==, "Строка 3");
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (second)), ==, "Строка 4");
    g_assert_cmpuint (strlen (adw_action_row_get_subtitle (ADW_ACTION_ROW (first))), >, 0);
  }
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  save_screenshot (GTK_WIDGET (dialog), "journal-import-errors");
  g_assert_cmpint (count_requests (target.db), ==, 3);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* The journal's period: an old request is left out, unless the whole journal is asked for */
  add_request (&source, HD_TOPIC_OTHER, "Давнее обращение", 400 * 86400);
  {
    g_autoptr(GDateTime) now = hd_context_date_time (source.context, g_get_real_time () / G_USEC_PER_SEC);
    g_autoptr(GDateTime) from = g_date_time_add_days (now, -1);
    g_autoptr(GDateTime) to = g_date_time_add_days (now, 1);
    g_autofree char *from_text = g_date_time_format (from, "%Y-%m-%d");
    g_autofree char *to_text = g_date_time_format (to, "%Y-%m-%d");
    g_autofree char *period = g_strconcat (from_text, "..", to_text, NULL);
    g_autofree char *period_path = g_build_filename (g_get_user_data_dir (), "period.csv", NULL);
    g_autoptr(GFile) period_file = g_file_new_for_path (period_path);
    GVariantBuilder builder;

    g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{ss}"));
    g_variant_builder_add (&builder, "{ss}", "period", period);
    hd_journal_view_show_requests (source.view, g_variant_builder_end (&builder));
    wait_ms (200);
    wait_until (view_loaded, source.view, "the journal of the period");
    g_assert_cmpuint (hd_request_list_get_count (hd_journal_view_get_list (source.view)), ==, 3);

    hd_journal_csv_export (source.view, period_file, FALSE);
    wait_until (csv_done, source.view, "the export of the period");
    g_assert_cmpstr (hd_journal_csv_get_last_message (source.view), ==, "Экспортировано 3 обращения");
    hd_journal_csv_export (source.view, period_file, TRUE);
    wait_until (csv_done, source.view, "the export of the whole journal");
    g_assert_cmpstr (hd_journal_csv_get_last_message (source.view), ==, "Экспортировано 4 обращения");
  }

  journal_close (&target);
  journal_close (&source);
}

/* The editor in a phone-sized window */

static void
assert_inside (GtkWidget *widget,
               GtkWidget *window)
{
  graphene_rect_t bounds;

  if (!gtk_widget_get_mapped (widget))
    return;
  if ((GTK_IS_ENTRY (widget) || GTK_IS_BUTTON (widget) || GTK_IS_DROP_DOWN (widget) ||
       GTK_IS_TEXT_VIEW (widget) || GTK_IS_MENU_BUTTON (widget)) &&
      gtk_widget_compute_bounds (widget, window, &bounds))
    {
      if (bounds.origin.x < 0 || bounds.origin.x + bounds.size.width > gtk_widget_get_width (window) + 0.5)
        g_error ("A %s is cut off at 360 px: x %.0f, width %.0f", G_OBJECT_TYPE_NAME (widget),
                 bounds.origin.x, bounds.size.width);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_inside (child, window);
}

static void
report_wide (GtkWidget *widget,
             int        depth)
{
  int minimum;

  if (!gtk_widget_get_visible (widget))
    return;
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  if (minimum > 300)
    g_test_message ("%*s%s %d", depth, "", G_OBJECT_TYPE_NAME (widget), minimum);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    report_wide (child, depth + 1);
}

static void
test_editor_narrow (void)
{
  Journal j = { 0 };
  HdRequestEditor *editor;
  GtkWidget *status;
  int minimum;
  gint64 id;

  journal_open (&j, "narrow.db", TRUE);
  id = add_request (&j, HD_TOPIC_GRADES_FINAL, "Не видно итоговых оценок за четверть у 7Б класса", 60);

  editor = open_editor (&j, id);
  status = hd_request_editor_get_field_widget (editor, "status");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (status), HD_STATUS_RESOLVED);
  /* Nothing in the form may ask for more than a phone's width */
  gtk_widget_measure (GTK_WIDGET (editor), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  if (minimum > 360)
    report_wide (GTK_WIDGET (editor), 0);
  g_assert_cmpint (minimum, <=, 360);
  resize (GTK_WINDOW (editor), 360, 700);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (editor)), ==, 360);
  assert_inside (GTK_WIDGET (editor), GTK_WIDGET (editor));
  save_screenshot (GTK_WIDGET (editor), "editor-360");

  /* Scrolled to the status part, where the template button is */
  gtk_widget_grab_focus (hd_request_editor_get_field_widget (editor, "resolution"));
  save_screenshot (GTK_WIDGET (editor), "editor-360-resolution");
  gtk_window_destroy (GTK_WINDOW (editor));

  /* A new request too: the requester's fields */
  editor = open_editor (&j, 0);
  resize (GTK_WINDOW (editor), 360, 700);
  hd_request_editor_create_person (editor);
  /* The person's fields slide in */
  wait_ms (400);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (editor));
  assert_inside (GTK_WIDGET (editor), GTK_WIDGET (editor));
  save_screenshot (GTK_WIDGET (editor), "editor-360-new");
  gtk_window_destroy (GTK_WINDOW (editor));

  journal_close (&j);
}

/* Keeping the selection over a new order */

static gboolean
list_complete (gpointer data)
{
  HdRequestList *list = hd_journal_view_get_list (data);

  return list != NULL && hd_request_list_is_complete (list);
}

static gboolean
list_replaced (gpointer data)
{
  gpointer *old = data;

  return hd_journal_view_get_list (old[0]) != NULL && hd_journal_view_get_list (old[0]) != old[1];
}

static guint
selected_position (Journal *j)
{
  GtkColumnView *column_view = GTK_COLUMN_VIEW (find_widget (GTK_WIDGET (j->view), GTK_TYPE_COLUMN_VIEW));

  return gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (column_view)));
}

/* Sorts by number, newest first, and waits for the new model's first rows (the rest of the
 * snapshot held back by the stream pause) */
static void
sort_by_number (Journal *j,
                GtkSortType order)
{
  GtkColumnView *column_view = GTK_COLUMN_VIEW (find_widget (GTK_WIDGET (j->view), GTK_TYPE_COLUMN_VIEW));
  g_autoptr(GtkColumnViewColumn) number = g_list_model_get_item (gtk_column_view_get_columns (column_view), 0);
  gpointer old[2] = { j->view, hd_journal_view_get_list (j->view) };

  gtk_column_view_sort_by_column (column_view, number, order);
  wait_until (list_replaced, old, "the new order's first rows");
}

/* The selected request is kept over a new order; when it is past the first rows it is
 * selected once the rest is in, but not if the user has picked another row meanwhile */
static void
test_keep_selection (void)
{
  Journal j = { 0 };
  const guint n = 600;
  gint64 newest = 0;

  journal_open (&j, "keep-selection.db", TRUE);
  g_assert_true (hd_database_begin (j.db, NULL));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *summary = g_strdup_printf ("Вопрос по расписанию %u", i);
      gint64 id = add_request (&j, HD_TOPIC_SCHEDULE, summary, 3600 + (gint64) i * 60);

      if (i == 0)
        newest = id;
    }
  g_assert_true (hd_database_commit (j.db, NULL));
  {
    gpointer old[2] = { j.view, hd_journal_view_get_list (j.view) };

    hd_journal_view_reload (j.view);
    wait_until (list_replaced, old, "the journal of 600 requests");
    wait_until (list_complete, j.view, "the journal of 600 requests");
  }
  g_assert_cmpuint (hd_request_list_get_count (hd_journal_view_get_list (j.view)), ==, n);

  /* the newest is first by time received and, made first, last by number, newest first */
  hd_journal_view_select_id (j.view, newest);
  g_assert_cmpuint (selected_position (&j), ==, 0);
  hd_request_list_set_stream_pause (600 * 1000);

  /* left alone, the selection follows it to the end once the rest is in */
  sort_by_number (&j, GTK_SORT_DESCENDING);
  g_assert_false (hd_request_list_is_complete (hd_journal_view_get_list (j.view)));
  wait_until (list_complete, j.view, "the rest of the new order");
  g_assert_cmpuint (selected_position (&j), ==, n - 1);

  /* in the first rows it is selected at once */
  sort_by_number (&j, GTK_SORT_ASCENDING);
  g_assert_cmpuint (selected_position (&j), ==, 0);
  wait_until (list_complete, j.view, "the rest of the new order");

  /* the user picks the fourth row while the rest comes in: it stays picked */
  sort_by_number (&j, GTK_SORT_DESCENDING);
  g_assert_false (hd_request_list_is_complete (hd_journal_view_get_list (j.view)));
  {
    GtkColumnView *column_view = GTK_COLUMN_VIEW (find_widget (GTK_WIDGET (j.view), GTK_TYPE_COLUMN_VIEW));

    gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (column_view)), 3);
  }
  wait_until (list_complete, j.view, "the rest of the new order");
  g_assert_cmpuint (selected_position (&j), ==, 3);
  save_screenshot (GTK_WIDGET (j.window), "journal-keep-selection");

  hd_request_list_set_stream_pause (0);
  journal_close (&j);
}

int
main (int    argc,
      char **argv)
{
  int status;

  hd_test_ui_init (&argc, &argv);
  adw_init ();
  /* Linked from the static library, which registers it */
  (void) hd_get_resource ();

  g_test_add_func ("/ui/journal-extras/template-into-resolution", test_template_into_resolution);
  g_test_add_func ("/ui/journal-extras/templates-page", test_templates_page);
  g_test_add_func ("/ui/journal-extras/related-picker", test_related_picker);
  g_test_add_func ("/ui/journal-extras/csv", test_csv);
  g_test_add_func ("/ui/journal-extras/editor-narrow", test_editor_narrow);
  g_test_add_func ("/ui/journal-extras/keep-selection", test_keep_selection);

  status = g_test_run ();
  return status;
}
