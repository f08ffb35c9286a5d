/* test-journal.c — the journal of requests and the request editor, in Russian, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real journal view in a window, on a fresh database: registers a request through the
 * editor (with an error shown at its field first), takes it through every status — the
 * status rules must show at their fields before saving — filters, searches and reads the
 * count line, archives with undo, asks before discarding changes, spots a repeat, and writes
 * screenshots to $HD_SCREENSHOT_DIR. The views are driven through their actions, as the
 * keyboard shortcuts drive them.
 *
 * gtk_test_init() is not used: it switches the locale to en_US.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hd-context.h"
#include "hd-test-ui.h"
#include "hd-database.h"
#include "hd-person-store.h"
#include "hd-request-store.h"
#include "journal/hd-journal-view.h"
#include "journal/hd-request-editor.h"

GResource *hd_get_resource (void);

typedef struct {
  HdDatabase    *db;
  HdContext     *context;
  GtkWindow     *window;
  HdJournalView *view;
  gint64         elkina;
  gint64         ivanov;
} Fixture;

/* XDG_DATA_DIRS as the test started, before G_TEST_OPTION_ISOLATE_DIRS hid it */

static gboolean
view_loaded (gpointer data)
{
  return !hd_journal_view_get_loading (data) && hd_journal_view_get_list (data) != NULL;
}

typedef struct {
  HdJournalView *view;
  const char    *text;
} CountWait;

static gboolean
count_is (gpointer data)
{
  CountWait *w = data;

  return !hd_journal_view_get_loading (w->view) &&
         g_strcmp0 (hd_journal_view_get_count_text (w->view), w->text) == 0;
}

/* Waits for the search delay and the snapshot, then checks the line above the list */
static void
assert_count (Fixture    *f,
              const char *expected)
{
  CountWait w = { f->view, expected };

  gboolean timed_out = FALSE;
  guint id;

  wait_ms (200);
  id = g_timeout_add_seconds (15, timeout_cb, &timed_out);
  while (!count_is (&w) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    g_error ("The count line says “%s” (%s; the model has %u, %s), not “%s”",
             hd_journal_view_get_count_text (f->view),
             hd_journal_view_get_loading (f->view) ? "loading" : "loaded",
             hd_request_list_get_count (hd_journal_view_get_list (f->view)),
             hd_request_list_is_complete (hd_journal_view_get_list (f->view)) ? "complete" : "growing",
             expected);
  g_source_remove (id);
  g_assert_cmpstr (hd_journal_view_get_count_text (f->view), ==, expected);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (hd_journal_view_get_list (f->view))), ==,
                    hd_request_list_get_count (hd_journal_view_get_list (f->view)));
}

static void
count_reload_cb (HdJournalView *view,
                 GParamSpec    *pspec,
                 guint         *reloads)
{
  if (hd_journal_view_get_loading (view))
    (*reloads)++;
}

/* Replaces the search text as a paste over it does: one snapshot, of the new text, and never
 * one of the empty text GTK 4.8's entry reports in between (the whole journal, thrown away) */
static void
search_once (Fixture    *f,
             const char *text,
             const char *expected)
{
  guint reloads = 0;
  gulong handler = g_signal_connect (f->view, "notify::loading", G_CALLBACK (count_reload_cb), &reloads);
  gboolean timed_out = FALSE;

  hd_journal_view_set_search_text (f->view, text);
  /* past the entry's delay (150 ms), watching every list the view shows */
  g_timeout_add (400, timeout_cb, &timed_out);
  while (!timed_out)
    {
      HdRequestList *list;

      g_main_context_iteration (NULL, TRUE);
      list = hd_journal_view_get_list (f->view);
      if (list != NULL)
        g_assert_cmpstr (hd_request_list_get_filter (list)->search, !=, "");
    }
  g_signal_handler_disconnect (f->view, handler);
  g_assert_cmpuint (reloads, ==, 1);
  assert_count (f, expected);
  g_assert_cmpstr (hd_request_list_get_filter (hd_journal_view_get_list (f->view))->search, ==, text);
}

static gboolean
no_editor (gpointer data)
{
  return find_toplevel (HD_TYPE_REQUEST_EDITOR) == NULL;
}

/* Editor helpers */

static HdRequestEditor *
open_editor (Fixture *f,
             gint64   id)
{
  HdRequestEditor *editor;

  if (id == 0)
    gtk_widget_activate_action (GTK_WIDGET (f->view), "journal.new", NULL);
  else
    {
      /* Select the request, then Enter's action */
      hd_journal_view_select_id (f->view, id);
      g_assert_cmpint (hd_journal_view_get_selected_id (f->view), ==, id);
      gtk_widget_activate_action (GTK_WIDGET (f->view), "journal.open", NULL);
    }
  editor = HD_REQUEST_EDITOR (find_toplevel (HD_TYPE_REQUEST_EDITOR));
  g_assert_nonnull (editor);
  g_assert_cmpint (hd_request_editor_get_request_id (editor), ==, id);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (editor));
  return editor;
}

static void
set_text (HdRequestEditor *editor,
          const char      *field,
          const char      *text)
{
  GtkWidget *widget = hd_request_editor_get_field_widget (editor, field);

  g_assert_nonnull (widget);
  if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

static const char *
get_text (HdRequestEditor *editor,
          const char      *field)
{
  return gtk_editable_get_text (GTK_EDITABLE (hd_request_editor_get_field_widget (editor, field)));
}

/* Dropdowns list "choose…" first, except the status */
static void
set_choice (HdRequestEditor *editor,
            const char      *field,
            int              value)
{
  GtkWidget *widget = hd_request_editor_get_field_widget (editor, field);

  g_assert_true (GTK_IS_DROP_DOWN (widget));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (widget), g_str_equal (field, "status") ? value : value + 1);
}

/* Ctrl+S: the save action; returns whether the editor closed */
static gboolean
save (HdRequestEditor *editor)
{
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  wait_ms (50);
  if (editor != NULL)
    g_object_remove_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  return editor == NULL || !gtk_widget_get_visible (GTK_WIDGET (editor));
}

/* The request as stored */
static HdRequest *
stored (Fixture *f,
        gint64   id)
{
  g_autoptr(GError) error = NULL;
  HdRequest *r = hd_request_store_get (f->db, id, &error);

  g_assert_no_error (error);
  return r;
}

static gint64
add_person (HdDatabase *db,
            const char *name,
            int         kind,
            const char *email,
            const char *phone)
{
  g_autoptr(HdPerson) p = hd_person_new ();
  g_autoptr(GError) error = NULL;

  hd_person_set_full_name (p, name);
  hd_person_set_kind (p, kind);
  hd_person_set_email (p, email);
  hd_person_set_phone (p, phone);
  g_assert_true (hd_person_store_create (db, p, &error));
  g_assert_no_error (error);
  return hd_person_get_id (p);
}

static gint64
add_request (Fixture    *f,
             gint64      person,
             int         channel,
             int         topic,
             const char *summary,
             int         status)
{
  g_autoptr(HdRequest) r = hd_request_new ();
  g_autoptr(GError) error = NULL;

  /* A minute ago: "today" is the school's day (Asia/Yakutsk by default), not the machine's */
  hd_request_set_received_at (r, g_get_real_time () / G_USEC_PER_SEC - 60);
  hd_request_set_requester_id (r, person);
  hd_request_set_requester_kind (r, person == f->ivanov ? HD_REQUESTER_STAFF : HD_REQUESTER_PARENT);
  hd_request_set_channel (r, channel);
  hd_request_set_topic (r, topic);
  hd_request_set_summary (r, summary);
  hd_request_set_status (r, status);
  if (status == HD_STATUS_ESCALATED)
    hd_request_set_vendor_ticket (r, "DN-77");
  g_assert_true (hd_request_store_create (f->db, r, &error));
  g_assert_no_error (error);
  return hd_request_get_id (r);
}

static void
fixture_set_up (Fixture *f)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  path = g_build_filename (g_get_user_data_dir (), "helpdesk.db", NULL);
  f->db = hd_database_open (path, &error);
  g_assert_no_error (error);
  f->elkina = add_person (f->db, "Ёлкина Мария Петровна", HD_REQUESTER_PARENT, "elkina@example.ru", "+7 914 555-01-02");
  f->ivanov = add_person (f->db, "Иванов Пётр Ильич", HD_REQUESTER_STAFF, NULL, "+7 914 555-03-04");

  f->context = hd_context_new (NULL);
  hd_context_set_database (f->context, f->db);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1280, 800);
  f->view = g_object_new (HD_TYPE_JOURNAL_VIEW, NULL);
  gtk_window_set_child (f->window, GTK_WIDGET (f->view));
  gtk_window_present (f->window);
  hd_journal_view_set_context (f->view, f->context);
  wait_until (view_loaded, f->view, "the journal");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
}

static void
fixture_tear_down (Fixture *f)
{
  gtk_window_destroy (f->window);
  g_clear_object (&f->context);
  g_clear_object (&f->db);
}

/* Tests */

static gint64
register_first_request (Fixture *f)
{
  HdRequestEditor *editor;
  GtkWidget *suggestions;
  GtkListBoxRow *row;
  g_autoptr(HdRequest) r = NULL;
  gint64 id;

  /* An empty journal has its own page */
  g_assert_cmpstr (hd_journal_view_get_page_name (f->view), ==, "empty");
  save_screenshot (GTK_WIDGET (f->window), "journal-empty");

  editor = open_editor (f, 0);
  g_assert_false (hd_request_editor_is_dirty (editor));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "Новое обращение");

  /* The name completes from the people; the first suggestion is Ёлкина, typed with «е» */
  set_text (editor, "requester_id", "елк");
  suggestions = gtk_widget_get_next_sibling (gtk_widget_get_parent (
                  gtk_widget_get_parent (hd_request_editor_get_field_widget (editor, "requester_id"))));
  g_assert_true (GTK_IS_LIST_BOX (suggestions));
  g_assert_true (gtk_widget_get_visible (suggestions));
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (suggestions), 0);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Ёлкина Мария Петровна");
  /* and the last one offers a new person */
  g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (suggestions), 1));
  gtk_widget_activate (GTK_WIDGET (row));
  g_assert_cmpstr (get_text (editor, "requester_id"), ==, "Ёлкина Мария Петровна");

  set_choice (editor, "channel", HD_CHANNEL_PHONE);
  set_choice (editor, "topic", HD_TOPIC_GRADES_CURRENT);
  set_text (editor, "description", "Родитель не видит оценки ребёнка за вторую четверть.");
  g_assert_true (hd_request_editor_is_dirty (editor));

  /* No summary: the error shows at the field, in Russian, and nothing typed is lost */
  g_assert_false (save (editor));
  g_assert_nonnull (hd_request_editor_get_field_error (editor, "summary"));
  g_test_message ("summary error: %s", hd_request_editor_get_field_error (editor, "summary"));
  g_assert_nonnull (strstr (hd_request_editor_get_field_error (editor, "summary"), "Суть")
                    ? "ok" : strstr (hd_request_editor_get_field_error (editor, "summary"), "заполн"));
  g_assert_true (gtk_widget_has_css_class (hd_request_editor_get_field_widget (editor, "summary"), "error"));
  g_assert_cmpstr (get_text (editor, "requester_id"), ==, "Ёлкина Мария Петровна");
  save_screenshot (GTK_WIDGET (editor), "editor-error");

  set_text (editor, "summary", "Не видны оценки за четверть");
  /* typing clears the field's error */
  g_assert_null (hd_request_editor_get_field_error (editor, "summary"));
  save_screenshot (GTK_WIDGET (editor), "editor-new");
  g_assert_true (save (editor));
  wait_until (no_editor, NULL, "the editor to close");

  assert_count (f, "Найдено 1 обращение");
  g_assert_cmpstr (hd_journal_view_get_page_name (f->view), ==, "list");
  id = hd_request_list_get_id (hd_journal_view_get_list (f->view), 0);
  g_assert_cmpint (hd_journal_view_get_selected_id (f->view), ==, id);

  r = stored (f, id);
  g_assert_cmpint (hd_request_get_requester_id (r), ==, f->elkina);
  g_assert_cmpint (hd_request_get_channel (r), ==, HD_CHANNEL_PHONE);
  g_assert_cmpint (hd_request_get_topic (r), ==, HD_TOPIC_GRADES_CURRENT);
  g_assert_cmpstr (hd_request_get_summary (r), ==, "Не видны оценки за четверть");
  g_assert_cmpint (hd_request_get_status (r), ==, HD_STATUS_NEW);
  return id;
}

typedef struct {
  int         status;
  const char *rule_field;   /* the field the status requires, or NULL */
  const char *value;
} Step;

static void
walk_statuses (Fixture *f,
               gint64   id)
{
  const Step steps[] = {
    { HD_STATUS_IN_PROGRESS, NULL, NULL },
    { HD_STATUS_WAITING_INFO, NULL, NULL },
    { HD_STATUS_CALLBACK, NULL, NULL },
    { HD_STATUS_ESCALATED, "vendor_ticket", "DN-123456" },
    { HD_STATUS_IN_PROGRESS, NULL, NULL },
    { HD_STATUS_REJECTED, "rejection_reason", NULL },
    { HD_STATUS_RESOLVED, "resolution", "Открыли доступ к оценкам в настройках класса." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      HdRequestEditor *editor = open_editor (f, id);
      g_autoptr(HdRequest) r = NULL;

      g_test_message ("status %s", hd_enum_key (HD_ENUM_STATUS, steps[i].status));
      g_assert_false (hd_request_editor_is_dirty (editor));
      set_choice (editor, "status", steps[i].status);

      if (steps[i].rule_field != NULL)
        {
          g_autofree char *shot = g_strdup_printf ("editor-rule-%s", hd_enum_key (HD_ENUM_STATUS, steps[i].status));

          /* The rule is shown at its field as soon as the status is chosen, before saving */
          g_assert_true (hd_request_editor_get_field_visible (editor, steps[i].rule_field));
          g_assert_nonnull (hd_request_editor_get_field_error (editor, steps[i].rule_field));
          g_test_message ("rule: %s", hd_request_editor_get_field_error (editor, steps[i].rule_field));
          save_screenshot (GTK_WIDGET (editor), shot);
          g_assert_false (save (editor));
          g_assert_nonnull (hd_request_editor_get_field_error (editor, steps[i].rule_field));
          if (g_str_equal (steps[i].rule_field, "rejection_reason"))
            set_choice (editor, "rejection_reason", HD_REJECTION_INSUFFICIENT_INFO);
          else
            set_text (editor, steps[i].rule_field, steps[i].value);
          g_assert_null (hd_request_editor_get_field_error (editor, steps[i].rule_field));
        }
      else
        {
          g_assert_false (hd_request_editor_get_field_visible (editor, "vendor_ticket"));
          g_assert_false (hd_request_editor_get_field_visible (editor, "rejection_reason"));
        }

      g_assert_true (hd_request_editor_is_dirty (editor));
      g_assert_true (save (editor));
      wait_until (no_editor, NULL, "the editor to close");

      r = stored (f, id);
      g_assert_cmpint (hd_request_get_status (r), ==, steps[i].status);
      /* the row on screen follows */
      {
        guint pos = hd_request_list_find (hd_journal_view_get_list (f->view), id);
        g_autoptr(HdRequestRow) row = hd_request_list_get_row (hd_journal_view_get_list (f->view), pos);
        g_assert_cmpint (hd_request_row_get_status (row), ==, steps[i].status);
      }
    }

  /* The history lists every change */
  {
    HdRequestEditor *editor = open_editor (f, id);
    g_autoptr(GPtrArray) events = hd_request_store_list_events (f->db, id, NULL);

    g_assert_nonnull (events);
    g_assert_cmpuint (events->len, >=, G_N_ELEMENTS (steps) + 1);
    g_assert_cmpstr (get_text (editor, "vendor_ticket"), ==, "DN-123456");
    save_screenshot (GTK_WIDGET (editor), "editor-history");
    gtk_widget_activate_action (GTK_WIDGET (editor), "editor.cancel", NULL);
    wait_until (no_editor, NULL, "the editor to close");
  }
}

static void
filter_and_search (Fixture *f)
{
  g_autofree char *shot = NULL;

  add_request (f, f->ivanov, HD_CHANNEL_EMAIL, HD_TOPIC_SCHEDULE, "Расписание не отображается", HD_STATUS_NEW);
  add_request (f, f->ivanov, HD_CHANNEL_VOICEMAIL, HD_TOPIC_ACCESS, "Не могу войти, не вижу оценок", HD_STATUS_NEW);
  add_request (f, f->elkina, HD_CHANNEL_IN_PERSON, HD_TOPIC_LESSONS, "Оценка за урок не выставлена", HD_STATUS_CALLBACK);
  add_request (f, f->ivanov, HD_CHANNEL_PORTAL_CALL, HD_TOPIC_LESSON_PLANNING, "КТП не загружается", HD_STATUS_WAITING_INFO);
  add_request (f, f->ivanov, HD_CHANNEL_CLASS_TEACHER == 0 ? HD_CHANNEL_PHONE : HD_CHANNEL_PHONE,
               HD_TOPIC_GRADES_FINAL, "Итоговые оценки не сохраняются", HD_STATUS_ESCALATED);
  hd_journal_view_reload (f->view);
  assert_count (f, "Найдено 6 обращений");
  save_screenshot (GTK_WIDGET (f->window), "journal-list");

  /* Status filters */
  hd_journal_view_set_status_filter (f->view, HD_STATUS_NEW);
  assert_count (f, "Найдено 2 обращения");
  hd_journal_view_set_status_filter (f->view, HD_REQUEST_STATUS_OPEN);
  assert_count (f, "Найдено 5 обращений");
  /* the voicemail not yet called back, and the callback */
  hd_journal_view_set_status_filter (f->view, HD_REQUEST_STATUS_NEEDS_CALL);
  assert_count (f, "Найдено 2 обращения");
  hd_journal_view_set_status_filter (f->view, HD_REQUEST_STATUS_ANY);
  assert_count (f, "Найдено 6 обращений");

  /* Queues */
  hd_journal_view_set_queue (f->view, HD_REQUEST_QUEUE_WAITING);
  assert_count (f, "Найдено 1 обращение");
  hd_journal_view_set_queue (f->view, HD_REQUEST_QUEUE_VENDOR);
  assert_count (f, "Найдено 1 обращение");
  hd_journal_view_set_queue (f->view, HD_REQUEST_QUEUE_TODAY);
  assert_count (f, "Найдено 6 обращений");
  hd_journal_view_set_queue (f->view, HD_REQUEST_QUEUE_ALL);
  assert_count (f, "Найдено 6 обращений");

  /* Search as you type: Russian case, word forms, ё as е */
  gtk_widget_activate_action (GTK_WIDGET (f->view), "journal.search", NULL);
  hd_journal_view_set_search_text (f->view, "оценк");
  assert_count (f, "Найдено 4 обращения");
  shot = g_strdup ("journal-search");
  save_screenshot (GTK_WIDGET (f->window), shot);
  search_once (f, "ЕЛКИНА", "Найдено 2 обращения");
  search_once (f, "принтер", "Найдено 0 обращений");
  g_assert_cmpstr (hd_journal_view_get_page_name (f->view), ==, "no-results");
  save_screenshot (GTK_WIDGET (f->window), "journal-no-results");

  gtk_widget_activate_action (GTK_WIDGET (f->view), "journal.reset-filters", NULL);
  assert_count (f, "Найдено 6 обращений");
  g_assert_cmpstr (hd_journal_view_get_page_name (f->view), ==, "list");

  /* A report's bar opens the journal on what it counts: this month's lesson-planning
   * requests (the КТП one), then the same topic in a month long past (none) */
  {
    HdContext *context = hd_journal_view_get_context (f->view);
    g_autoptr(GDateTime) now = g_date_time_new_now (hd_context_get_time_zone (context));
    g_autofree char *month = g_date_time_format (now, "%Y-%m");
    GVariantBuilder b;

    g_variant_builder_init (&b, G_VARIANT_TYPE ("a{ss}"));
    g_variant_builder_add (&b, "{ss}", "period", month);
    g_variant_builder_add (&b, "{ss}", "topic", "lesson_planning");
    g_variant_builder_add (&b, "{ss}", "description", "Поурочное планирование, этот месяц");
    hd_journal_view_show_requests (f->view, g_variant_builder_end (&b));
    assert_count (f, "Найдено 1 обращение — Поурочное планирование, этот месяц");

    g_variant_builder_init (&b, G_VARIANT_TYPE ("a{ss}"));
    g_variant_builder_add (&b, "{ss}", "period", "2020-01");
    g_variant_builder_add (&b, "{ss}", "topic", "lesson_planning");
    hd_journal_view_show_requests (f->view, g_variant_builder_end (&b));
    assert_count (f, "Найдено 0 обращений");

    gtk_widget_activate_action (GTK_WIDGET (f->view), "journal.reset-filters", NULL);
    assert_count (f, "Найдено 6 обращений");
  }
}

static void
archive_and_undo (Fixture *f)
{
  HdRequestList *list = hd_journal_view_get_list (f->view);
  gint64 id = hd_request_list_get_id (list, 1);
  g_autoptr(HdRequest) r = NULL;

  hd_journal_view_select_id (f->view, id);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "journal.archive", NULL);
  assert_count (f, "Найдено 5 обращений");
  g_assert_cmpuint (hd_request_list_find (hd_journal_view_get_list (f->view), id), ==, G_MAXUINT);
  r = stored (f, id);
  g_assert_true (hd_request_get_archived (r));
  save_screenshot (GTK_WIDGET (f->window), "journal-archived");

  /* the toast's Undo */
  gtk_widget_activate_action (GTK_WIDGET (f->view), "journal.unarchive", "x", id);
  assert_count (f, "Найдено 6 обращений");
  g_assert_cmpint (hd_journal_view_get_selected_id (f->view), ==, id);
}

static void
discard_asks (Fixture *f)
{
  HdRequestEditor *editor = open_editor (f, 0);
  AdwMessageDialog *dialog;

  /* Nothing typed: Escape closes at once */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.cancel", NULL);
  wait_until (no_editor, NULL, "the editor to close");

  editor = open_editor (f, 0);
  set_text (editor, "summary", "Начатое и брошенное");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.cancel", NULL);
  wait_ms (50);
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Отменить изменения?");
  save_screenshot (GTK_WIDGET (dialog), "editor-discard");

  /* Keep editing: the text is still there */
  adw_message_dialog_response (dialog, "cancel");
  wait_ms (50);
  g_assert_true (find_toplevel (HD_TYPE_REQUEST_EDITOR) == GTK_WINDOW (editor));
  g_assert_cmpstr (get_text (editor, "summary"), ==, "Начатое и брошенное");

  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.cancel", NULL);
  wait_ms (50);
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  adw_message_dialog_response (dialog, "discard");
  wait_until (no_editor, NULL, "the editor to close");
  assert_count (f, "Найдено 6 обращений");
}

static void
repeat_and_new_person (Fixture *f,
                       gint64   first)
{
  HdRequestEditor *editor = open_editor (f, 0);
  g_autoptr(GPtrArray) similar = hd_request_store_find_similar (f->db, f->elkina,
                                                                "Снова не видны оценки за четверть",
                                                                g_get_real_time () / G_USEC_PER_SEC, NULL);
  g_autofree char *number = NULL;
  g_autoptr(HdRequest) r = NULL;
  gint64 earlier;
  gint64 id;

  /* The banner names the newest similar request of the same person: here the first request
   * or the later one about a grade (both mention «оценк…») */
  g_assert_nonnull (similar);
  g_assert_cmpuint (similar->len, >=, 1);
  earlier = hd_request_get_id (g_ptr_array_index (similar, 0));
  g_assert_cmpint (hd_request_get_requester_id (g_ptr_array_index (similar, 0)), ==, f->elkina);
  for (guint i = 0; i < similar->len; i++)
    if (hd_request_get_id (g_ptr_array_index (similar, i)) == first)
      first = 0;
  g_assert_cmpint (first, ==, 0);   /* the first request is among the similar ones */
  number = g_strdup_printf ("%" G_GINT64_FORMAT, earlier);

  g_assert_true (hd_request_editor_choose_person (editor, f->elkina));
  set_choice (editor, "channel", HD_CHANNEL_EMAIL);
  set_choice (editor, "topic", HD_TOPIC_GRADES_CURRENT);
  set_text (editor, "summary", "Снова не видны оценки за четверть");
  g_assert_true (hd_request_editor_get_repeat_shown (editor));
  save_screenshot (GTK_WIDGET (editor), "editor-repeat");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.link-repeat", NULL);
  g_assert_cmpstr (get_text (editor, "related_id"), ==, number);
  g_assert_true (save (editor));
  wait_until (no_editor, NULL, "the editor to close");
  assert_count (f, "Найдено 7 обращений");
  id = hd_journal_view_get_selected_id (f->view);
  r = stored (f, id);
  g_assert_cmpint (hd_request_get_related_id (r), ==, earlier);
  g_assert_true (hd_request_get_is_repeat (r));
  g_clear_object (&r);

  /* A requester created on the spot; a bad e-mail is shown at its field first */
  editor = open_editor (f, 0);
  set_text (editor, "requester_id", "Смирнов Дмитрий Олегович");
  hd_request_editor_create_person (editor);
  g_assert_true (hd_request_editor_get_field_visible (editor, "kind"));
  set_choice (editor, "kind", HD_REQUESTER_STUDENT);
  set_text (editor, "class_name", "7Б");
  set_text (editor, "email", "не адрес");
  set_choice (editor, "channel", HD_CHANNEL_IN_PERSON);
  set_choice (editor, "topic", HD_TOPIC_ACCESS);
  set_text (editor, "summary", "Забыл пароль");
  g_assert_false (save (editor));
  g_assert_nonnull (hd_request_editor_get_field_error (editor, "email"));
  save_screenshot (GTK_WIDGET (editor), "editor-new-person");
  set_text (editor, "email", "smirnov@example.ru");
  g_assert_true (save (editor));
  wait_until (no_editor, NULL, "the editor to close");
  assert_count (f, "Найдено 8 обращений");
  r = stored (f, hd_journal_view_get_selected_id (f->view));
  g_assert_cmpstr (hd_request_get_requester_name (r), ==, "Смирнов Дмитрий Олегович");
  g_assert_cmpint (hd_request_get_requester_kind (r), ==, HD_REQUESTER_STUDENT);
}

/* Sort arrows in the column headers (GTK's sort indicator carries "ascending" or
 * "descending"); the rows below are not looked at */
static guint
count_sort_arrows (GtkWidget *widget)
{
  guint n = 0;

  if (GTK_IS_LIST_VIEW (widget))
    return 0;
  if (gtk_widget_get_visible (widget) &&
      (gtk_widget_has_css_class (widget, "ascending") || gtk_widget_has_css_class (widget, "descending")))
    n++;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_sort_arrows (child);
  return n;
}

static void
sorting_by_header (Fixture *f)
{
  GtkColumnView *column_view = NULL;
  GListModel *columns;
  HdRequestList *list;

  /* find the column view and sort by the summary, as a click on its header does */
  for (GtkWidget *w = GTK_WIDGET (f->view); w != NULL;)
    {
      if (GTK_IS_COLUMN_VIEW (w))
        {
          column_view = GTK_COLUMN_VIEW (w);
          break;
        }
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          if (w != NULL)
            w = gtk_widget_get_next_sibling (w);
        }
    }
  g_assert_nonnull (column_view);
  /* «Поступило», newest first */
  g_assert_cmpuint (count_sort_arrows (GTK_WIDGET (column_view)), ==, 1);
  columns = gtk_column_view_get_columns (column_view);
  gtk_column_view_sort_by_column (column_view, g_list_model_get_item (columns, HD_REQUEST_SORT_SUMMARY),
                                  GTK_SORT_ASCENDING);
  g_object_unref (g_list_model_get_item (columns, HD_REQUEST_SORT_SUMMARY));
  wait_ms (50);
  wait_until (view_loaded, f->view, "the sorted journal");
  list = hd_journal_view_get_list (f->view);
  g_assert_cmpint (hd_request_list_get_sort (list), ==, HD_REQUEST_SORT_SUMMARY);
  g_assert_false (hd_request_list_get_descending (list));
  /* only the summary's arrow: GTK 4.8 left «Поступило»'s beside it */
  g_assert_cmpuint (count_sort_arrows (GTK_WIDGET (column_view)), ==, 1);
  {
    g_autoptr(HdRequestRow) a = hd_request_list_get_row (list, 0);
    g_autoptr(HdRequestRow) b = hd_request_list_get_row (list, 1);
    g_assert_cmpint (strcmp (hd_request_row_get_summary (a), hd_request_row_get_summary (b)), <=, 0);
  }
  save_screenshot (GTK_WIDGET (f->window), "journal-sorted");
}

static void
test_flow (void)
{
  Fixture f = { 0 };
  gint64 first;

  fixture_set_up (&f);
  first = register_first_request (&f);
  walk_statuses (&f, first);
  filter_and_search (&f);
  archive_and_undo (&f);
  discard_asks (&f);
  repeat_and_new_person (&f, first);
  sorting_by_header (&f);
  fixture_tear_down (&f);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  hd_test_ui_init (&argc, &argv);
  adw_init ();
  /* Linked from the static library, which registers it */
  (void) hd_get_resource ();

  g_test_add_func ("/ui/journal/flow", test_flow);

  status = g_test_run ();
  return status;
}
