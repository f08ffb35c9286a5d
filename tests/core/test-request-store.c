/* test-request-store.c — the journal's store: round trips, rules, history, search, repeats
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "hd-database-private.h"
#include "hd-error.h"
#include "hd-person-store.h"
#include "hd-request-store.h"

#define DAY ((gint64) 24 * 60 * 60)

typedef struct {
  HdDatabase *db;
  gint64 now;
  gint64 teacher;      /* staff, with a phone */
  gint64 parent;       /* no phone */
  gint64 class_teacher;
  gint64 archived;
} Fixture;

static gint64
count_rows (HdDatabase *db,
            const char *sql)
{
  g_autoptr(HdStmt) stmt = hd_database_prepare (db, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static gint64
add_person (HdDatabase *db,
            const char *name,
            int         kind,
            const char *phone)
{
  g_autoptr(HdPerson) person = hd_person_new ();
  g_autoptr(GError) error = NULL;

  hd_person_set_full_name (person, name);
  hd_person_set_kind (person, kind);
  hd_person_set_phone (person, phone);
  g_assert_true (hd_person_store_create (db, person, &error));
  g_assert_no_error (error);
  return hd_person_get_id (person);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  path = g_build_filename (g_get_user_data_dir (), "requests.db", NULL);
  f->db = hd_database_open (path, &error);
  g_assert_no_error (error);
  f->now = g_get_real_time () / G_USEC_PER_SEC;
  f->teacher = add_person (f->db, "Ёлкина Анна Петровна", HD_REQUESTER_STAFF, "+7 914 555-12-34");
  f->parent = add_person (f->db, "Смирнов Олег", HD_REQUESTER_PARENT, NULL);
  f->class_teacher = add_person (f->db, "Кузнецова Мария", HD_REQUESTER_STAFF, NULL);
  f->archived = add_person (f->db, "Уволенный Сотрудник", HD_REQUESTER_STAFF, NULL);
  g_assert_true (hd_person_store_archive (f->db, f->archived, &error));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->db);
}

static HdRequest *
make_request (Fixture    *f,
              gint64      requester,
              const char *summary)
{
  HdRequest *request = hd_request_new ();

  hd_request_set_received_at (request, f->now - 3600);
  hd_request_set_requester_id (request, requester);
  hd_request_set_channel (request, HD_CHANNEL_PHONE);
  hd_request_set_topic (request, HD_TOPIC_GRADES_CURRENT);
  hd_request_set_summary (request, summary);
  return request;
}

static gint64
add_request (Fixture    *f,
             gint64      requester,
             const char *summary,
             gint64      received_at)
{
  g_autoptr(HdRequest) request = make_request (f, requester, summary);
  g_autoptr(GError) error = NULL;

  hd_request_set_received_at (request, received_at);
  g_assert_true (hd_request_store_create (f->db, request, &error));
  g_assert_no_error (error);
  return hd_request_get_id (request);
}

static const HdEvent *
find_event (GPtrArray  *events,
            const char *field)
{
  for (guint i = 0; i < events->len; i++)
    {
      const HdEvent *e = events->pdata[i];
      if (g_str_equal (e->field, field))
        return e;
    }
  return NULL;
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(HdRequest) request = make_request (f, f->teacher, "  Не видны оценки за четверть ");
  g_autoptr(HdRequest) read = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  hd_request_set_description (request, "В 5А не отображаются оценки по математике.");
  hd_request_set_assignee (request, "Консультант");
  g_assert_cmpint (hd_request_get_requester_kind (request), ==, -1);
  g_assert_true (hd_request_store_create (f->db, request, &error));
  g_assert_no_error (error);
  id = hd_request_get_id (request);
  g_assert_cmpint (id, >, 0);
  /* what was stored shows in the record: stripped text, the requester's kind and name */
  g_assert_cmpstr (hd_request_get_summary (request), ==, "Не видны оценки за четверть");
  g_assert_cmpint (hd_request_get_requester_kind (request), ==, HD_REQUESTER_STAFF);
  g_assert_cmpstr (hd_request_get_requester_name (request), ==, "Ёлкина Анна Петровна");
  g_assert_cmpint (hd_request_get_status (request), ==, HD_STATUS_NEW);
  g_assert_cmpint (hd_request_get_first_response_at (request), ==, 0);

  read = hd_request_store_get (f->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hd_request_get_received_at (read), ==, f->now - 3600);
  g_assert_cmpint (hd_request_get_requester_id (read), ==, f->teacher);
  g_assert_cmpint (hd_request_get_requester_kind (read), ==, HD_REQUESTER_STAFF);
  g_assert_cmpint (hd_request_get_channel (read), ==, HD_CHANNEL_PHONE);
  g_assert_cmpint (hd_request_get_topic (read), ==, HD_TOPIC_GRADES_CURRENT);
  g_assert_cmpstr (hd_request_get_summary (read), ==, "Не видны оценки за четверть");
  g_assert_cmpstr (hd_request_get_description (read), ==, "В 5А не отображаются оценки по математике.");
  g_assert_cmpstr (hd_request_get_assignee (read), ==, "Консультант");
  g_assert_cmpint (hd_request_get_rejection_reason (read), ==, -1);
  g_assert_null (hd_request_get_vendor_ticket (read));
  g_assert_cmpstr (hd_request_get_resolution (read), ==, "");
  g_assert_cmpint (hd_request_get_related_id (read), ==, 0);
  g_assert_false (hd_request_get_archived (read));
  g_assert_false (hd_request_is_changed (request, read));

  /* one 'created' row */
  events = hd_request_store_list_events (f->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 1);
  g_assert_cmpstr (((HdEvent *) events->pdata[0])->field, ==, "created");
  g_assert_cmpstr (((HdEvent *) events->pdata[0])->new_value, ==, "new");

  /* the search keys */
  g_assert_cmpint (count_rows (f->db, "SELECT count(*) FROM requests WHERE requester_key = 'елкина анна петровна'"
                                      " AND search_text LIKE '%оценки за четверть%математике%'"), ==, 1);

  /* saving unchanged writes nothing */
  g_assert_true (hd_request_store_update (f->db, read, &error));
  g_assert_cmpint (count_rows (f->db, "SELECT count(*) FROM request_events"), ==, 1);

  /* archive and restore */
  g_assert_true (hd_request_store_archive (f->db, id, &error));
  g_clear_object (&read);
  read = hd_request_store_get (f->db, id, &error);
  g_assert_no_error (error);
  g_assert_true (hd_request_get_archived (read));
  g_assert_true (hd_request_store_set_archived (f->db, id, FALSE, &error));
  g_clear_pointer (&events, g_ptr_array_unref);
  events = hd_request_store_list_events (f->db, id, &error);
  g_assert_cmpuint (events->len, ==, 3);
  g_assert_cmpstr (((HdEvent *) events->pdata[1])->field, ==, "archived");
  g_assert_cmpstr (((HdEvent *) events->pdata[1])->old_value, ==, "0");
  g_assert_cmpstr (((HdEvent *) events->pdata[1])->new_value, ==, "1");
  g_assert_cmpstr (((HdEvent *) events->pdata[2])->new_value, ==, "0");

  g_clear_object (&read);
  read = hd_request_store_get (f->db, 999, &error);
  g_assert_null (read);
  g_assert_error (error, HD_ERROR, HD_ERROR_NOT_FOUND);
}

static void
test_events_per_field (Fixture       *f,
                       gconstpointer  data)
{
  gint64 id = add_request (f, f->teacher, "Не открывается журнал", f->now - 7200);
  g_autoptr(HdRequest) request = hd_request_store_get (f->db, id, NULL);
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  const HdEvent *e;
  gint64 first_response;

  hd_request_set_summary (request, "Не открывается электронный журнал");
  hd_request_set_topic (request, HD_TOPIC_ACCESS);
  hd_request_set_status (request, HD_STATUS_IN_PROGRESS);
  g_assert_true (hd_request_store_update (f->db, request, &error));
  g_assert_no_error (error);

  /* summary, topic, status, and the first response that leaving 'new' sets: four rows */
  events = hd_request_store_list_events (f->db, id, &error);
  g_assert_cmpuint (events->len, ==, 1 + 4);
  e = find_event (events, "summary");
  g_assert_cmpstr (e->old_value, ==, "Не открывается журнал");
  g_assert_cmpstr (e->new_value, ==, "Не открывается электронный журнал");
  e = find_event (events, "topic");
  g_assert_cmpstr (e->old_value, ==, "grades_current");
  g_assert_cmpstr (e->new_value, ==, "access");
  e = find_event (events, "status");
  g_assert_cmpstr (e->old_value, ==, "new");
  g_assert_cmpstr (e->new_value, ==, "in_progress");
  g_assert_cmpint (e->at, >=, f->now);
  e = find_event (events, "first_response_at");
  g_assert_null (e->old_value);
  first_response = hd_request_get_first_response_at (request);
  g_assert_cmpint (first_response, >=, f->now);
  {
    g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, first_response);
    g_assert_cmpstr (e->new_value, ==, text);
  }

  /* to callback, then on: the callback is done */
  hd_request_set_status (request, HD_STATUS_CALLBACK);
  g_assert_true (hd_request_store_update (f->db, request, &error));
  g_assert_cmpint (hd_request_get_callback_done_at (request), ==, 0);
  hd_request_set_status (request, HD_STATUS_RESOLVED);
  hd_request_set_resolution (request, "Сброшен пароль, вход работает.");
  g_assert_true (hd_request_store_update (f->db, request, &error));
  g_assert_no_error (error);
  g_assert_cmpint (hd_request_get_callback_done_at (request), >=, f->now);
  g_assert_cmpint (hd_request_get_resolved_at (request), >=, f->now);
  /* the first response stays the first */
  g_assert_cmpint (hd_request_get_first_response_at (request), ==, first_response);

  /* reopened: no longer closed */
  hd_request_set_status (request, HD_STATUS_IN_PROGRESS);
  g_assert_true (hd_request_store_update (f->db, request, &error));
  g_assert_cmpint (hd_request_get_resolved_at (request), ==, 0);
  g_assert_cmpint (count_rows (f->db, "SELECT count(*) FROM requests WHERE resolved_at IS NULL"), ==, 1);
  g_clear_pointer (&events, g_ptr_array_unref);
  events = hd_request_store_list_events (f->db, id, &error);
  /* created; 4; status; status + callback_done_at + resolved_at + resolution; status + resolved_at */
  g_assert_cmpuint (events->len, ==, 1 + 4 + 1 + 4 + 2);

  /* another requester brings their own kind along */
  hd_request_set_requester_id (request, f->parent);
  g_assert_true (hd_request_store_update (f->db, request, &error));
  g_assert_no_error (error);
  g_assert_cmpint (hd_request_get_requester_kind (request), ==, HD_REQUESTER_PARENT);
  g_assert_cmpstr (hd_request_get_requester_name (request), ==, "Смирнов Олег");
  g_assert_cmpint (count_rows (f->db, "SELECT count(*) FROM requests WHERE requester_key = 'смирнов олег'"), ==, 1);

  /* rejected with a reason sets the closing moment */
  hd_request_set_status (request, HD_STATUS_REJECTED);
  hd_request_set_rejection_reason (request, HD_REJECTION_INSUFFICIENT_INFO);
  g_assert_true (hd_request_store_update (f->db, request, &error));
  g_assert_no_error (error);
  g_assert_cmpint (hd_request_get_resolved_at (request), >=, f->now);
  g_assert_cmpint (count_rows (f->db, "SELECT count(*) FROM requests WHERE rejection_reason = 'insufficient_info'"), ==, 1);
}

static void
test_failure_mid_save (Fixture       *f,
                       gconstpointer  data)
{
  gint64 id = add_request (f, f->teacher, "Расписание не видно", f->now - 600);
  g_autoptr(HdRequest) request = hd_request_store_get (f->db, id, NULL);
  g_autoptr(HdRequest) after = NULL;
  g_autoptr(GError) error = NULL;
  gint64 events_before = count_rows (f->db, "SELECT count(*) FROM request_events");

  /* The database refuses the row after the history rows were written: all must go. */
  g_assert_true (hd_database_exec (f->db,
                                   "CREATE TRIGGER refuse BEFORE UPDATE ON requests"
                                   " WHEN new.description = 'сбой' BEGIN SELECT RAISE(ABORT, 'refused'); END",
                                   &error));
  hd_request_set_summary (request, "Расписание не видно в 7Б");
  hd_request_set_topic (request, HD_TOPIC_SCHEDULE);
  hd_request_set_description (request, "сбой");
  hd_request_set_status (request, HD_STATUS_IN_PROGRESS);
  g_assert_false (hd_request_store_update (f->db, request, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (f->db, "SELECT count(*) FROM request_events"), ==, events_before);
  after = hd_request_store_get (f->db, id, NULL);
  g_assert_cmpstr (hd_request_get_summary (after), ==, "Расписание не видно");
  g_assert_cmpint (hd_request_get_status (after), ==, HD_STATUS_NEW);
  g_assert_cmpint (hd_request_get_first_response_at (after), ==, 0);
  /* what was typed is still in the record */
  g_assert_cmpstr (hd_request_get_summary (request), ==, "Расписание не видно в 7Б");

  /* a failing creation leaves neither the row nor its 'created' event */
  {
    g_autoptr(HdRequest) other = make_request (f, f->teacher, "Новое");
    gint64 requests_before = count_rows (f->db, "SELECT count(*) FROM requests");

    g_assert_true (hd_database_exec (f->db,
                                     "CREATE TRIGGER refuse_event BEFORE INSERT ON request_events"
                                     " WHEN new.field = 'created' BEGIN SELECT RAISE(ABORT, 'refused'); END",
                                     &error));
    g_assert_false (hd_request_store_create (f->db, other, &error));
    g_assert_nonnull (error);
    g_assert_cmpint (hd_request_get_id (other), ==, 0);
    g_assert_cmpint (count_rows (f->db, "SELECT count(*) FROM requests"), ==, requests_before);
    g_assert_cmpint (count_rows (f->db, "SELECT count(*) FROM request_events"), ==, events_before);
  }
}

typedef void (*Spoil) (Fixture *f, HdRequest *r);

#define SPOIL(name, body) static void spoil_##name (Fixture *f, HdRequest *r) { body; }
SPOIL (received_missing, hd_request_set_received_at (r, 0))
SPOIL (received_future, hd_request_set_received_at (r, f->now + 3600))
SPOIL (received_1999, hd_request_set_received_at (r, 946684800 - 1))
SPOIL (requester_missing, hd_request_set_requester_id (r, 0))
SPOIL (requester_unknown, hd_request_set_requester_id (r, 4242))
SPOIL (requester_archived, hd_request_set_requester_id (r, f->archived))
SPOIL (kind_bad, hd_request_set_requester_kind (r, 9))
SPOIL (channel_missing, hd_request_set_channel (r, -1))
SPOIL (channel_bad, hd_request_set_channel (r, HD_N_CHANNELS))
SPOIL (topic_missing, hd_request_set_topic (r, -1))
SPOIL (topic_bad, hd_request_set_topic (r, 42))
SPOIL (status_bad, hd_request_set_status (r, 7))
SPOIL (reason_bad, hd_request_set_rejection_reason (r, 4))
SPOIL (summary_empty, hd_request_set_summary (r, "  "))
SPOIL (summary_long, { g_autofree char *s = g_strnfill (201, 'x'); hd_request_set_summary (r, s); })
SPOIL (description_long, { g_autofree char *s = g_strnfill (10001, 'x'); hd_request_set_description (r, s); })
SPOIL (resolution_long, { g_autofree char *s = g_strnfill (10001, 'x'); hd_request_set_resolution (r, s); })
SPOIL (ticket_long, { g_autofree char *s = g_strnfill (201, '1'); hd_request_set_vendor_ticket (r, s); })
SPOIL (rejected_no_reason, hd_request_set_status (r, HD_STATUS_REJECTED))
SPOIL (escalated_no_ticket, { hd_request_set_status (r, HD_STATUS_ESCALATED); hd_request_set_vendor_ticket (r, " "); })
SPOIL (resolved_no_resolution, hd_request_set_status (r, HD_STATUS_RESOLVED))
SPOIL (class_teacher_no_one, hd_request_set_channel (r, HD_CHANNEL_CLASS_TEACHER))
SPOIL (class_teacher_parent, { hd_request_set_channel (r, HD_CHANNEL_CLASS_TEACHER); hd_request_set_relayed_by_id (r, f->parent); })
SPOIL (voicemail_no_phone, { hd_request_set_requester_id (r, f->parent); hd_request_set_channel (r, HD_CHANNEL_VOICEMAIL); })
SPOIL (callback_phone_bad, hd_request_set_callback_phone (r, "перезвонить"))
SPOIL (related_unknown, hd_request_set_related_id (r, 4242))
SPOIL (first_response_early, hd_request_set_first_response_at (r, f->now - 2 * 3600))

static const struct {
  const char *field;
  Spoil spoil;
} invalid_cases[] = {
  { "received_at", spoil_received_missing },
  { "received_at", spoil_received_future },
  { "received_at", spoil_received_1999 },
  { "requester_id", spoil_requester_missing },
  { "requester_id", spoil_requester_unknown },
  { "requester_id", spoil_requester_archived },
  { "requester_kind", spoil_kind_bad },
  { "channel", spoil_channel_missing },
  { "channel", spoil_channel_bad },
  { "topic", spoil_topic_missing },
  { "topic", spoil_topic_bad },
  { "status", spoil_status_bad },
  { "rejection_reason", spoil_reason_bad },
  { "summary", spoil_summary_empty },
  { "summary", spoil_summary_long },
  { "description", spoil_description_long },
  { "resolution", spoil_resolution_long },
  { "vendor_ticket", spoil_ticket_long },
  { "rejection_reason", spoil_rejected_no_reason },
  { "vendor_ticket", spoil_escalated_no_ticket },
  { "resolution", spoil_resolved_no_resolution },
  { "relayed_by_id", spoil_class_teacher_no_one },
  { "relayed_by_id", spoil_class_teacher_parent },
  { "callback_phone", spoil_voicemail_no_phone },
  { "callback_phone", spoil_callback_phone_bad },
  { "related_id", spoil_related_unknown },
  { "first_response_at", spoil_first_response_early },
};

static void
test_validation (Fixture       *f,
                 gconstpointer  data)
{
  gint64 existing = add_request (f, f->teacher, "Существующее обращение", f->now - 100);

  for (guint i = 0; i < G_N_ELEMENTS (invalid_cases); i++)
    {
      g_autoptr(HdRequest) request = make_request (f, f->teacher, "Проверка правил");
      g_autoptr(HdRequest) stored = hd_request_store_get (f->db, existing, NULL);
      g_autoptr(HdRequest) after = NULL;
      g_autoptr(GError) error = NULL;
      gint64 requests = count_rows (f->db, "SELECT count(*) FROM requests");
      gint64 events = count_rows (f->db, "SELECT count(*) FROM request_events");

      g_test_message ("case %u: %s", i, invalid_cases[i].field);
      invalid_cases[i].spoil (f, request);
      g_assert_false (hd_request_store_create (f->db, request, &error));
      g_assert_error (error, HD_ERROR, HD_ERROR_INVALID_FIELD);
      g_assert_cmpstr (hd_error_get_field (error), ==, invalid_cases[i].field);
      g_assert_nonnull (strstr (error->message, hd_request_field_label (invalid_cases[i].field)));
      g_assert_cmpint (hd_request_get_id (request), ==, 0);
      g_assert_cmpint (count_rows (f->db, "SELECT count(*) FROM requests"), ==, requests);
      g_assert_cmpint (count_rows (f->db, "SELECT count(*) FROM request_events"), ==, events);
      g_clear_error (&error);

      /* the same mistake on an update */
      invalid_cases[i].spoil (f, stored);
      g_assert_false (hd_request_store_update (f->db, stored, &error));
      g_assert_cmpstr (hd_error_get_field (error), ==, invalid_cases[i].field);
      g_assert_cmpint (count_rows (f->db, "SELECT count(*) FROM request_events"), ==, events);
      after = hd_request_store_get (f->db, existing, NULL);
      g_assert_cmpstr (hd_request_get_summary (after), ==, "Существующее обращение");
    }

  /* the rules are met: accepted */
  {
    g_autoptr(HdRequest) request = make_request (f, f->parent, "Передал классный руководитель");
    g_autoptr(GError) error = NULL;

    hd_request_set_channel (request, HD_CHANNEL_CLASS_TEACHER);
    hd_request_set_relayed_by_id (request, f->class_teacher);
    hd_request_set_status (request, HD_STATUS_ESCALATED);
    hd_request_set_vendor_ticket (request, "DN-123456");
    hd_request_set_related_id (request, existing);
    g_assert_true (hd_request_store_create (f->db, request, &error));
    g_assert_no_error (error);
    g_assert_cmpint (hd_request_get_first_response_at (request), >=, f->now);
  }
  {
    /* a voicemail takes the requester's own phone, or its own number */
    g_autoptr(HdRequest) a = make_request (f, f->teacher, "Голосовое сообщение");
    g_autoptr(HdRequest) b = make_request (f, f->parent, "Голосовое сообщение");
    g_autoptr(GError) error = NULL;

    hd_request_set_channel (a, HD_CHANNEL_VOICEMAIL);
    hd_request_set_status (a, HD_STATUS_CALLBACK);
    g_assert_true (hd_request_store_create (f->db, a, &error));
    g_assert_no_error (error);
    hd_request_set_channel (b, HD_CHANNEL_VOICEMAIL);
    hd_request_set_callback_phone (b, "8 914 555 66 77");
    g_assert_true (hd_request_store_create (f->db, b, &error));
    g_assert_no_error (error);
  }
  {
    /* an old request of someone archived since can still be edited */
    g_autoptr(GError) error = NULL;
    gint64 old_id;
    g_autoptr(HdRequest) old = NULL;
    gint64 person = add_person (f->db, "Временный Учитель", HD_REQUESTER_STAFF, NULL);

    old_id = add_request (f, person, "Старое обращение", f->now - 50);
    g_assert_true (hd_person_store_archive (f->db, person, &error));
    old = hd_request_store_get (f->db, old_id, NULL);
    hd_request_set_description (old, "Дополнение");
    g_assert_true (hd_request_store_update (f->db, old, &error));
    g_assert_no_error (error);
  }

  /* every field at once, for the editor */
  {
    g_autoptr(HdRequest) empty = hd_request_new ();
    g_autoptr(GPtrArray) errors = hd_request_store_validate_all (f->db, empty, f->now);
    const char *expected[] = { "received_at", "requester_id", "channel", "topic", "summary" };

    g_assert_cmpuint (errors->len, ==, G_N_ELEMENTS (expected));
    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      g_assert_cmpstr (hd_error_get_field (errors->pdata[i]), ==, expected[i]);
  }
}

static const char *metachars[] = {
  "O'Brien",
  "\"Кавычки\" и 'апострофы'",
  "Robert'); DROP TABLE requests; --",
  "100% _подчёркивание_ \\ обратная черта; -- конец",
  "x' OR '1'='1",
};

static const char *text_fields[] = {
  "summary", "description", "rejection-note", "vendor-ticket", "assignee", "resolution",
};

static void
test_hostile_text (Fixture       *f,
                   gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (metachars); i++)
    {
      g_autoptr(HdRequest) request = make_request (f, f->teacher, NULL);
      g_autoptr(HdRequest) read = NULL;
      g_autoptr(GArray) ids = NULL;
      g_autoptr(GError) error = NULL;

      for (guint j = 0; j < G_N_ELEMENTS (text_fields); j++)
        g_object_set (request, text_fields[j], metachars[i], NULL);
      g_assert_true (hd_request_store_create (f->db, request, &error));
      g_assert_no_error (error);
      read = hd_request_store_get (f->db, hd_request_get_id (request), &error);
      for (guint j = 0; j < G_N_ELEMENTS (text_fields); j++)
        {
          g_autofree char *value = NULL;

          g_object_get (read, text_fields[j], &value, NULL);
          g_assert_cmpstr (value, ==, metachars[i]);
        }

      /* typed into the search, metacharacters are text too */
      ids = hd_request_store_search_ids (f->db, metachars[i], 0, &error);
      g_assert_no_error (error);
      g_assert_nonnull (ids);
    }
  g_assert_cmpint (count_rows (f->db, "SELECT count(*) FROM requests"), ==, G_N_ELEMENTS (metachars));
  g_assert_cmpint (count_rows (f->db, "SELECT count(*) FROM people"), ==, 4);

  /* invalid UTF-8 in every text field, on create and on update */
  {
    const char *fields[] = {
      "summary", "description", "rejection_note", "vendor_ticket", "assignee", "callback_phone",
      "resolution",
    };
    const char *bad = "Оцен\xd0\xff\xfe ки";

    for (guint j = 0; j < G_N_ELEMENTS (fields); j++)
      {
        g_autoptr(HdRequest) request = make_request (f, f->teacher, "Нормальный текст");
        g_autoptr(HdRequest) stored = hd_request_store_get (f->db, 1, NULL);
        g_autoptr(GError) error = NULL;
        g_autofree char *property = g_strdelimit (g_strdup (fields[j]), "_", '-');
        gint64 requests = count_rows (f->db, "SELECT count(*) FROM requests");
        gint64 events = count_rows (f->db, "SELECT count(*) FROM request_events");

        g_object_set (request, property, bad, NULL);
        g_assert_false (hd_request_store_create (f->db, request, &error));
        g_assert_error (error, HD_ERROR, HD_ERROR_INVALID_FIELD);
        g_assert_cmpstr (hd_error_get_field (error), ==, fields[j]);
        g_assert_true (g_utf8_validate (error->message, -1, NULL));
        g_clear_error (&error);

        g_object_set (stored, property, bad, NULL);
        g_assert_false (hd_request_store_update (f->db, stored, &error));
        g_assert_cmpstr (hd_error_get_field (error), ==, fields[j]);
        g_assert_cmpint (count_rows (f->db, "SELECT count(*) FROM requests"), ==, requests);
        g_assert_cmpint (count_rows (f->db, "SELECT count(*) FROM request_events"), ==, events);
      }
    g_assert_true (hd_database_exec (f->db, "INSERT INTO requests_fts (requests_fts) VALUES ('integrity-check')", NULL));
  }
}

static guint
search_count (Fixture    *f,
              const char *typed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = hd_request_store_search_ids (f->db, typed, 0, &error);

  g_assert_no_error (error);
  return ids->len;
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  gint64 a = add_request (f, f->teacher, "Не видны Оценки за четверть", f->now - 400);
  gint64 b = add_request (f, f->teacher, "ОЦЕНКА не сохраняется", f->now - 300);
  gint64 c = add_request (f, f->teacher, "Нет оценок в журнале 5А", f->now - 200);
  gint64 d = add_request (f, f->parent, "Расписание на завтра", f->now - 100);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (search_count (f, "оценк"), ==, 3);
  g_assert_cmpuint (search_count (f, "ОЦЕНК"), ==, 3);
  g_assert_cmpuint (search_count (f, "елкина"), ==, 3);
  g_assert_cmpuint (search_count (f, "ЁЛКИНА"), ==, 3);
  g_assert_cmpuint (search_count (f, "смирнов расп"), ==, 1);
  g_assert_cmpuint (search_count (f, "\"); DROP TABLE requests; --"), ==, 0);
  g_assert_cmpuint (search_count (f, "   "), ==, 0);
  g_assert_cmpuint (search_count (f, NULL), ==, 0);

  /* newest first, and the limit */
  ids = hd_request_store_search_ids (f->db, "оценк", 2, &error);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, c);
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, b);

  /* description and resolution are searched; edits follow */
  {
    g_autoptr(HdRequest) r = hd_request_store_get (f->db, d, NULL);

    hd_request_set_description (r, "Пропало расписание 9Б");
    hd_request_set_status (r, HD_STATUS_RESOLVED);
    hd_request_set_resolution (r, "Восстановлено в разделе «Расписание звонков»");
    g_assert_true (hd_request_store_update (f->db, r, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (search_count (f, "звонков"), ==, 1);
    g_assert_cmpuint (search_count (f, "9б"), ==, 1);
  }

  /* archived requests are not found */
  g_assert_true (hd_request_store_archive (f->db, a, &error));
  g_assert_cmpuint (search_count (f, "оценк"), ==, 2);

  /* renaming the person renames their requests in the search, in one go */
  {
    g_autoptr(HdPerson) person = hd_person_store_get (f->db, f->teacher, NULL);
    g_autoptr(HdRequest) r = NULL;

    hd_person_set_full_name (person, "Сидорова Анна Петровна");
    g_assert_true (hd_person_store_update (f->db, person, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (search_count (f, "елкина"), ==, 0);
    g_assert_cmpuint (search_count (f, "сидорова"), ==, 2);
    g_assert_cmpuint (search_count (f, "сидорова оценк"), ==, 2);
    g_assert_cmpint (count_rows (f->db, "SELECT count(*) FROM requests WHERE requester_key = 'сидорова анна петровна'"), ==, 3);
    r = hd_request_store_get (f->db, b, NULL);
    g_assert_cmpstr (hd_request_get_requester_name (r), ==, "Сидорова Анна Петровна");
  }
  g_assert_true (hd_database_exec (f->db, "INSERT INTO requests_fts (requests_fts) VALUES ('integrity-check')", NULL));
}

static void
test_similar (Fixture       *f,
              gconstpointer  data)
{
  gint64 recent = add_request (f, f->teacher, "Не видны оценки в журнале", f->now - 10 * DAY);
  g_autoptr(GPtrArray) similar = NULL;
  g_autoptr(GError) error = NULL;
  gint64 archived;

  add_request (f, f->teacher, "Оценки пропали", f->now - 31 * DAY);          /* too old */
  add_request (f, f->parent, "Оценки не видны", f->now - 5 * DAY);           /* someone else */
  add_request (f, f->teacher, "Расписание на завтра", f->now - 2 * DAY);     /* another matter */
  add_request (f, f->teacher, "Не работает журнал", f->now - 1 * DAY);       /* common words only */
  archived = add_request (f, f->teacher, "Оценки исчезли", f->now - 3 * DAY);
  g_assert_true (hd_request_store_archive (f->db, archived, &error));

  similar = hd_request_store_find_similar (f->db, f->teacher, "Пропали ОЦЕНОК за четверть", f->now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (similar->len, ==, 1);
  g_assert_cmpint (hd_request_get_id (similar->pdata[0]), ==, recent);
  g_clear_pointer (&similar, g_ptr_array_unref);

  similar = hd_request_store_find_similar (f->db, f->teacher, "расписания нет", f->now, &error);
  g_assert_cmpuint (similar->len, ==, 1);
  g_clear_pointer (&similar, g_ptr_array_unref);
  similar = hd_request_store_find_similar (f->db, f->teacher, "Не работает журнал", f->now, &error);
  g_assert_cmpuint (similar->len, ==, 0);
  g_clear_pointer (&similar, g_ptr_array_unref);

  g_assert_true (hd_request_summaries_similar ("Не могу войти", "Вход не выполняется: не могу ВОЙТИ"));
  g_assert_true (hd_request_summaries_similar ("Нет вход", "входа нет"));
  g_assert_false (hd_request_summaries_similar ("Расписание", "Распечатать ведомость"));
  g_assert_false (hd_request_summaries_similar ("", "Оценки"));
}

/* Under ru_RU the message names the field in Russian (when the locale and the built
 * translation are there; G_TEST_BUILDDIR is the tests folder of the build). */
static void
test_russian (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *modir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  g_autofree char *mo = g_build_filename (modir, "ru", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  g_autoptr(HdRequest) request = make_request (f, f->teacher, "");
  g_autoptr(GError) error = NULL;

  if (!g_file_test (mo, G_FILE_TEST_EXISTS) || setlocale (LC_ALL, "ru_RU.UTF-8") == NULL)
    {
      g_test_skip ("no ru_RU.UTF-8 locale or no built translation");
      return;
    }
  bindtextdomain (GETTEXT_PACKAGE, modir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);  /* as main.c does: _() reads the default domain */

  g_assert_false (hd_request_store_create (f->db, request, &error));
  g_assert_cmpstr (error->message, ==, "Поле «Краткое содержание» должно быть заполнено.");
  g_clear_error (&error);

  hd_request_set_summary (request, "Отклонено");
  hd_request_set_status (request, HD_STATUS_REJECTED);
  g_assert_false (hd_request_store_create (f->db, request, &error));
  g_assert_cmpstr (hd_error_get_field (error), ==, "rejection_reason");
  g_assert_nonnull (strstr (error->message, "«Причина отклонения»"));

  setlocale (LC_ALL, "C.UTF-8");
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/request-store/round-trip", test_round_trip);
  ADD ("/request-store/events-per-field", test_events_per_field);
  ADD ("/request-store/failure-mid-save", test_failure_mid_save);
  ADD ("/request-store/validation", test_validation);
  ADD ("/request-store/hostile-text", test_hostile_text);
  ADD ("/request-store/search", test_search);
  ADD ("/request-store/similar", test_similar);
  ADD ("/request-store/russian", test_russian);
#undef ADD
  return g_test_run ();
}
