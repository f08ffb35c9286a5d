/* test-request-list.c — the journal's lazy model: paging, sorting, filters, queues, search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fixture is written with plain SQL, so these tests depend on the schema only, not on the
 * stores. Expectations are counted by hand (small fixture) or computed in C from the values the
 * test generated (large fixture), never read back from the model's own SQL.
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __linux__
#include <sys/resource.h>
#endif

#include "hd-database-private.h"
#include "hd-request-list.h"
#include "hd-text.h"

#define DAY   (24 * 3600)
#define HOUR  3600
/* Wednesday 25 November 2026, 12:00 UTC; the tests run with TZ=UTC */
#define NOW   ((gint64) 1795608000)

static HdDatabase *
open_db (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  HdDatabase *db;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  path = g_build_filename (g_get_user_data_dir (), "journal.db", NULL);
  db = hd_database_open (path, &error);
  g_assert_no_error (error);
  return db;
}

static void
add_person (HdDatabase *db,
            gint64      id,
            const char *name,
            const char *kind,
            const char *email)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HdStmt) stmt = hd_database_prepare (db,
      "INSERT INTO people (id, full_name, kind, email, name_key, created_at, updated_at)"
      " VALUES (?, ?, ?, ?, ?, 0, 0)", &error);
  g_autofree char *key = hd_text_normalize (name);

  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, kind, -1, SQLITE_TRANSIENT);
  hd_stmt_bind_text (stmt, 4, email, TRUE);
  sqlite3_bind_text (stmt, 5, key, -1, SQLITE_TRANSIENT);
  g_assert_true (hd_database_step_done (db, stmt, &error));
  g_assert_no_error (error);
}

typedef struct {
  gint64      id;
  gint64      received_at;
  gint64      requester_id;
  const char *requester_name;
  const char *kind;
  const char *channel;
  const char *topic;
  const char *summary;
  const char *status;
  gint64      callback_done_at;
  gint64      resolved_at;
  gboolean    archived;
} Req;

static void
add_request (HdDatabase *db,
             const Req  *r)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HdStmt) stmt = hd_database_prepare (db,
      "INSERT INTO requests (id, received_at, requester_id, requester_kind, channel, topic, summary,"
      " status, rejection_reason, vendor_ticket, resolution, callback_done_at, resolved_at,"
      " requester_key, search_text, archived, created_at, updated_at)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,"
      " CASE ?8 WHEN 'rejected' THEN 'insufficient_info' END,"
      " CASE ?8 WHEN 'escalated' THEN 'DR-1' END,"
      " CASE ?8 WHEN 'resolved' THEN 'Помогли' ELSE '' END,"
      " ?9, ?10, ?11, ?12, ?13, 0, 0)", &error);
  g_autofree char *key = hd_text_normalize (r->requester_name);
  g_autofree char *text = g_strconcat (r->summary, " ", r->requester_name, NULL);
  g_autofree char *search = hd_text_normalize (text);

  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, r->id);
  sqlite3_bind_int64 (stmt, 2, r->received_at);
  sqlite3_bind_int64 (stmt, 3, r->requester_id);
  sqlite3_bind_text (stmt, 4, r->kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, r->channel, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, r->topic, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, r->summary, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, r->status, -1, SQLITE_STATIC);
  if (r->callback_done_at != 0)
    sqlite3_bind_int64 (stmt, 9, r->callback_done_at);
  if (r->resolved_at != 0)
    sqlite3_bind_int64 (stmt, 10, r->resolved_at);
  sqlite3_bind_text (stmt, 11, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 12, search, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 13, r->archived);
  g_assert_true (hd_database_step_done (db, stmt, &error));
  g_assert_no_error (error);
}

/* The small fixture: ten requests, one of them archived */
static HdDatabase *
small_fixture (void)
{
  HdDatabase *db = open_db ();
  const Req reqs[] = {
    { 1, NOW - 10 * DAY, 1, "Ёлкина Мария Петровна", "parent", "phone", "grades_current",
      "Не видны оценки за четверть", "resolved", 0, NOW - 9 * DAY, FALSE },
    { 2, NOW - 5 * DAY, 2, "Иванов Пётр Ильич", "staff", "email", "schedule",
      "Расписание не отображается", "in_progress", 0, 0, FALSE },
    { 3, NOW - 1 * HOUR, 3, "Сидоров Алексей", "student", "voicemail", "access",
      "Не могу войти, не вижу оценок", "new", 0, 0, FALSE },
    { 4, NOW - 2 * HOUR, 1, "Ёлкина Мария Петровна", "parent", "voicemail", "attendance",
      "Пропуски отмечены неверно", "new", NOW - HOUR, 0, FALSE },
    { 5, NOW - 4 * DAY, 4, "анна Белова", "other", "in_person", "lessons",
      "Оценка за урок не выставлена", "callback", 0, 0, FALSE },
    { 6, NOW - 20 * DAY, 2, "Иванов Пётр Ильич", "staff", "portal_call", "lesson_planning",
      "КТП не загружается", "waiting_info", 0, 0, FALSE },
    { 7, NOW - 30 * DAY, 2, "Иванов Пётр Ильич", "staff", "class_teacher", "grades_final",
      "Итоговые оценки не сохраняются", "escalated", 0, 0, FALSE },
    { 8, NOW - 2 * DAY, 3, "Сидоров Алексей", "student", "email", "other",
      "Ёлка на сайте школы", "rejected", 0, NOW - 1 * DAY, FALSE },
    { 9, NOW - 3 * HOUR, 4, "анна Белова", "other", "phone", "timeliness",
      "Архивное обращение", "new", 0, 0, TRUE },
    { 10, NOW - 6 * DAY, 1, "Ёлкина Мария Петровна", "parent", "phone", "grades_current",
      "Об оценках ничего не пришло", "new", 0, 0, FALSE },
  };

  add_person (db, 1, "Ёлкина Мария Петровна", "parent", "elkina@example.ru");
  add_person (db, 2, "Иванов Пётр Ильич", "staff", NULL);
  add_person (db, 3, "Сидоров Алексей", "student", NULL);
  add_person (db, 4, "анна Белова", "other", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (reqs); i++)
    add_request (db, &reqs[i]);
  return db;
}

/* "3,4" — the ids of the model, in order */
static char *
ids_of (HdRequestList *list)
{
  GString *s = g_string_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HdRequestRow) row = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_string_append_printf (s, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", hd_request_row_get_id (row));
      g_assert_cmpint (hd_request_row_get_id (row), ==, hd_request_list_get_id (list, i));
    }
  return g_string_free (s, FALSE);
}

/* Ids matching @filter sorted by number, ascending */
static char *
query (HdDatabase            *db,
       const HdRequestFilter *filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HdRequestList) list = hd_request_list_new_sync (db, NULL, filter, HD_REQUEST_SORT_NUMBER,
                                                            FALSE, NOW, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (hd_request_list_get_count (list), ==, g_list_model_get_n_items (G_LIST_MODEL (list)));
  return ids_of (list);
}

static void
test_filters (void)
{
  g_autoptr(HdDatabase) db = small_fixture ();
  HdRequestFilter f;
  struct {
    int         status;
    int         channel;
    int         topic;
    int         kind;
    gint64      from;
    gint64      to;
    const char *expected;
  } cases[] = {
    /* archived request 9 never shows */
    { HD_REQUEST_STATUS_ANY, -1, -1, -1, 0, 0, "1,2,3,4,5,6,7,8,10" },
    { HD_REQUEST_STATUS_OPEN, -1, -1, -1, 0, 0, "2,3,4,5,6,7,10" },
    /* callback status (5) and the voicemail not yet called back (3); 4 was called back */
    { HD_REQUEST_STATUS_NEEDS_CALL, -1, -1, -1, 0, 0, "3,5" },
    { HD_STATUS_NEW, -1, -1, -1, 0, 0, "3,4,10" },
    { HD_STATUS_RESOLVED, -1, -1, -1, 0, 0, "1" },
    { HD_STATUS_REJECTED, -1, -1, -1, 0, 0, "8" },
    { HD_REQUEST_STATUS_ANY, HD_CHANNEL_PHONE, -1, -1, 0, 0, "1,10" },
    { HD_REQUEST_STATUS_ANY, HD_CHANNEL_VOICEMAIL, -1, -1, 0, 0, "3,4" },
    { HD_REQUEST_STATUS_ANY, -1, HD_TOPIC_GRADES_CURRENT, -1, 0, 0, "1,10" },
    { HD_REQUEST_STATUS_ANY, -1, -1, HD_REQUESTER_STAFF, 0, 0, "2,6,7" },
    { HD_REQUEST_STATUS_ANY, -1, -1, HD_REQUESTER_OTHER, 0, 0, "5" },
    /* [from, to): 10 (6 days ago), 2 (5), 5 (4); 3 days ago is outside */
    { HD_REQUEST_STATUS_ANY, -1, -1, -1, NOW - 7 * DAY, NOW - 3 * DAY, "2,5,10" },
    { HD_REQUEST_STATUS_ANY, -1, -1, -1, NOW - 2 * DAY, 0, "3,4,8" },
    { HD_REQUEST_STATUS_ANY, -1, -1, -1, 0, NOW - 20 * DAY, "7" },
    /* combined */
    { HD_STATUS_NEW, HD_CHANNEL_PHONE, HD_TOPIC_GRADES_CURRENT, HD_REQUESTER_PARENT, 0, 0, "10" },
    { HD_REQUEST_STATUS_OPEN, -1, -1, HD_REQUESTER_STAFF, NOW - 25 * DAY, 0, "2,6" },
    { HD_STATUS_ESCALATED, HD_CHANNEL_PHONE, -1, -1, 0, 0, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = NULL;

      hd_request_filter_init (&f);
      f.status = cases[i].status;
      f.channel = cases[i].channel;
      f.topic = cases[i].topic;
      f.requester_kind = cases[i].kind;
      f.received_from = cases[i].from;
      f.received_to = cases[i].to;
      got = query (db, &f);
      g_test_message ("case %u", i);
      g_assert_cmpstr (got, ==, cases[i].expected);
    }

  hd_request_filter_init (&f);
  g_assert_true (hd_request_filter_is_empty (&f));
  f.search = (char *) " … ";
  g_assert_true (hd_request_filter_is_empty (&f));
  f.channel = HD_CHANNEL_EMAIL;
  g_assert_false (hd_request_filter_is_empty (&f));
}

static void
test_queues (void)
{
  g_autoptr(HdDatabase) db = small_fixture ();
  const char *expected[HD_N_REQUEST_QUEUES] = {
    [HD_REQUEST_QUEUE_ALL] = "1,2,3,4,5,6,7,8,10",
    /* received since 00:00 UTC today; 9 is archived */
    [HD_REQUEST_QUEUE_TODAY] = "3,4",
    /* without terms: open and received more than 3 calendar days ago */
    [HD_REQUEST_QUEUE_OVERDUE] = "2,5,6,7,10",
    [HD_REQUEST_QUEUE_CALLBACK] = "3,5",
    [HD_REQUEST_QUEUE_WAITING] = "6",
    [HD_REQUEST_QUEUE_VENDOR] = "7",
  };
  HdRequestFilter f;

  for (guint q = 0; q < HD_N_REQUEST_QUEUES; q++)
    {
      g_autofree char *got = NULL;

      hd_request_filter_init (&f);
      f.queue = q;
      got = query (db, &f);
      g_test_message ("queue %u", q);
      g_assert_cmpstr (got, ==, expected[q]);
    }

  /* a queue combines with the other filters */
  hd_request_filter_init (&f);
  f.queue = HD_REQUEST_QUEUE_OVERDUE;
  f.requester_kind = HD_REQUESTER_STAFF;
  {
    g_autofree char *got = query (db, &f);
    g_assert_cmpstr (got, ==, "2,6,7");
  }
}

static void
test_overdue_rows (void)
{
  g_autoptr(HdDatabase) db = small_fixture ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HdRequestList) list = hd_request_list_new_sync (db, NULL, NULL, HD_REQUEST_SORT_NUMBER,
                                                            FALSE, NOW, NULL, &error);
  struct { guint pos; gboolean overdue; int overdue_days; int age_days; } expected[] = {
    { 0, FALSE, 0, 1 },   /* 1: resolved after one day */
    { 1, TRUE, 2, 5 },    /* 2: 5 days old, term 3 days → 2 days over */
    { 2, FALSE, 0, 0 },   /* 3: an hour old */
    { 6, TRUE, 27, 30 },  /* 7: escalated 30 days ago */
    { 7, FALSE, 0, 1 },   /* 8: rejected after a day */
  };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(HdRequestRow) row = g_list_model_get_item (G_LIST_MODEL (list), expected[i].pos);

      g_assert_cmpint (hd_request_row_is_overdue (row), ==, expected[i].overdue);
      g_assert_cmpint (hd_request_row_get_overdue_days (row), ==, expected[i].overdue_days);
      g_assert_cmpint (hd_request_row_get_age_days (row), ==, expected[i].age_days);
    }

  /* the row carries what the columns show */
  {
    g_autoptr(HdRequestRow) row = g_list_model_get_item (G_LIST_MODEL (list), 0);

    g_assert_cmpstr (hd_request_row_get_requester_name (row), ==, "Ёлкина Мария Петровна");
    g_assert_cmpint (hd_request_row_get_requester_kind (row), ==, HD_REQUESTER_PARENT);
    g_assert_cmpint (hd_request_row_get_channel (row), ==, HD_CHANNEL_PHONE);
    g_assert_cmpint (hd_request_row_get_topic (row), ==, HD_TOPIC_GRADES_CURRENT);
    g_assert_cmpint (hd_request_row_get_status (row), ==, HD_STATUS_RESOLVED);
    g_assert_cmpstr (hd_request_row_get_summary (row), ==, "Не видны оценки за четверть");
    g_assert_cmpint (hd_request_row_get_received_at (row), ==, NOW - 10 * DAY);
    g_assert_true (hd_request_row_get_has_email (row));
  }
  {
    g_autoptr(HdRequestRow) row = g_list_model_get_item (G_LIST_MODEL (list), 1);
    g_assert_false (hd_request_row_get_has_email (row));
  }
}

/* With the terms: working time of the production calendar, 08:00–17:00 UTC, resolution 27 h */
static void
test_terms (void)
{
  g_autoptr(HdDatabase) db = small_fixture ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HdWorkdays) workdays = hd_workdays_new (&error);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(HdTerms) terms = NULL;
  g_autoptr(HdRequestList) list = NULL;
  HdRequestFilter f;

  g_assert_no_error (error);
  terms = hd_terms_new (workdays, utc, 8 * 60, 17 * 60, 9 * HOUR, 27 * HOUR);

  /* 27 working hours before Wed 12:00 is Fri 20 Nov 12:00 (5 + 9 + 9 + 4 h) */
  g_assert_cmpint (hd_request_overdue_cutoff (terms, NOW), ==, NOW - 5 * DAY);

  /* 2 came exactly then (not past the term), 5 on Saturday; 10 on Thursday: 36 h, 9 h over */
  hd_request_filter_init (&f);
  f.queue = HD_REQUEST_QUEUE_OVERDUE;
  list = hd_request_list_new_sync (db, terms, &f, HD_REQUEST_SORT_NUMBER, FALSE, NOW, NULL, &error);
  g_assert_no_error (error);
  {
    g_autofree char *got = ids_of (list);
    g_assert_cmpstr (got, ==, "6,7,10");
  }
  g_clear_object (&list);

  list = hd_request_list_new_sync (db, terms, NULL, HD_REQUEST_SORT_NUMBER, FALSE, NOW, NULL, &error);
  g_assert_no_error (error);
  {
    g_autoptr(HdRequestRow) r2 = g_list_model_get_item (G_LIST_MODEL (list), 1);
    g_autoptr(HdRequestRow) r5 = g_list_model_get_item (G_LIST_MODEL (list), 4);
    g_autoptr(HdRequestRow) r10 = g_list_model_get_item (G_LIST_MODEL (list), 8);

    g_assert_cmpint (hd_request_row_get_id (r10), ==, 10);
    g_assert_false (hd_request_row_is_overdue (r2));
    g_assert_cmpint (hd_request_row_get_age_days (r2), ==, 3);
    g_assert_false (hd_request_row_is_overdue (r5));
    g_assert_cmpint (hd_request_row_get_age_days (r5), ==, 2);
    g_assert_true (hd_request_row_is_overdue (r10));
    g_assert_cmpint (hd_request_row_get_overdue_seconds (r10), ==, 9 * HOUR);
    g_assert_cmpint (hd_request_row_get_overdue_days (r10), ==, 1);
    g_assert_cmpint (hd_request_row_get_age_days (r10), ==, 4);
  }
}

static void
test_search (void)
{
  g_autoptr(HdDatabase) db = small_fixture ();
  struct { const char *text; const char *expected; } cases[] = {
    /* a prefix of five letters also matches its stem of four: every form of «оценка»
     * (оценки, оценок, Оценка, оценках) */
    { "оценк", "1,3,5,7,10" },
    /* a whole word matches the forms that keep its stem «оценк», not «оценок» */
    { "ОЦЕНКИ", "1,5,7,10" },
    { "Оценка", "1,5,7,10" },
    /* «оценок» drops to the stem «оцено», which only «оценок» has */
    { "оценок", "3" },
    /* ё found as е, in a name and in a summary, in either spelling */
    { "елкина", "1,4,10" },
    { "ЁЛКИНА", "1,4,10" },
    { "ёлка", "8" },
    { "елка", "8" },
    /* two words: both must be there */
    { "оценк четверть", "1" },
    { "иванов ктп", "6" },
    /* short prefixes */
    { "пр", "4,10" },              /* Пропуски, пришло */
    { "не", "1,2,3,4,5,6,7,10" },  /* не, неверно */
    /* nothing matches */
    { "принтер", "" },
    /* FTS syntax is only text */
    { "\"оценк* OR", "" },
    { "NEAR(", "" },
    /* a number finds that request (and any that mention it) */
    { "7", "7" },
    { "№ 10", "10" },
    { "#3", "3" },
    { "99", "" },
    /* no word at all: no search */
    { " !? ", "1,2,3,4,5,6,7,8,10" },
  };
  HdRequestFilter f;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = NULL;

      hd_request_filter_init (&f);
      f.search = (char *) cases[i].text;
      got = query (db, &f);
      g_test_message ("search “%s”", cases[i].text);
      g_assert_cmpstr (got, ==, cases[i].expected);
    }

  /* search with a filter and a queue */
  hd_request_filter_init (&f);
  f.search = (char *) "оценк";
  f.status = HD_STATUS_NEW;
  {
    g_autofree char *got = query (db, &f);
    g_assert_cmpstr (got, ==, "3,10");
  }
  f.status = HD_REQUEST_STATUS_ANY;
  f.queue = HD_REQUEST_QUEUE_OVERDUE;
  {
    g_autofree char *got = query (db, &f);
    g_assert_cmpstr (got, ==, "5,7,10");
  }
}

/* The large fixture, and its values kept to compute the expected orders in C */
typedef struct {
  gint64 id;
  gint64 received_at;
  int    person;
  int    kind;
  int    channel;
  int    topic;
  int    status;
  char  *summary;
  gint64 resolved_at;
} Gen;

static const char *gen_people[] = {
  "Яковлева Ольга", "Андреев Борис", "ёжиков Семён", "Ежова Анна", "Белов Илья", "андреев Андрей",
};
static const char *gen_words[] = {
  "Оценки", "расписание", "Ёлка", "пароль", "Журнал", "домашнее задание", "ЭЖ", "вход",
};

static GArray *
large_fixture (HdDatabase *db,
               guint       n)
{
  g_autoptr(GError) error = NULL;
  GArray *gen = g_array_new (FALSE, TRUE, sizeof (Gen));

  g_array_set_clear_func (gen, (GDestroyNotify) NULL);
  for (guint p = 0; p < G_N_ELEMENTS (gen_people); p++)
    add_person (db, p + 1, gen_people[p], hd_enum_key (HD_ENUM_REQUESTER_KIND, p % HD_N_REQUESTER_KINDS), NULL);

  g_assert_true (hd_database_begin (db, &error));
  for (guint i = 0; i < n; i++)
    {
      Gen g = { 0 };
      Req r = { 0 };

      g.id = i + 1;
      /* a quarter as many distinct instants as rows, so the tie-breaker is exercised */
      g.received_at = NOW - 90 * DAY + (gint64) ((i * 7919u) % MAX (n / 4, 1)) * 600;
      g.person = (i * 31u) % G_N_ELEMENTS (gen_people);
      g.kind = g.person % HD_N_REQUESTER_KINDS;
      g.channel = (i * 5u) % HD_N_CHANNELS;
      g.topic = (i * 7u) % HD_N_TOPICS;
      g.status = (i * 3u) % HD_N_STATUSES;
      g.summary = g_strdup_printf ("%s %u", gen_words[(i * 13u) % G_N_ELEMENTS (gen_words)], i % 50);
      if (hd_status_is_closed (g.status))
        g.resolved_at = g.received_at + (i % 10) * DAY;

      r.id = g.id;
      r.received_at = g.received_at;
      r.requester_id = g.person + 1;
      r.requester_name = gen_people[g.person];
      r.kind = hd_enum_key (HD_ENUM_REQUESTER_KIND, g.kind);
      r.channel = hd_enum_key (HD_ENUM_CHANNEL, g.channel);
      r.topic = hd_enum_key (HD_ENUM_TOPIC, g.topic);
      r.summary = g.summary;
      r.status = hd_enum_key (HD_ENUM_STATUS, g.status);
      r.resolved_at = g.resolved_at;
      add_request (db, &r);
      g_array_append_val (gen, g);
    }
  g_assert_true (hd_database_commit (db, &error));
  return gen;
}

static void
gen_free (GArray *gen)
{
  for (guint i = 0; i < gen->len; i++)
    g_free (g_array_index (gen, Gen, i).summary);
  g_array_unref (gen);
}

static HdRequestSort sort_column;

static int
compare_key (const Gen *a,
             const Gen *b)
{
  switch (sort_column)
    {
    case HD_REQUEST_SORT_NUMBER:
      return 0;
    case HD_REQUEST_SORT_RECEIVED:
      return (a->received_at > b->received_at) - (a->received_at < b->received_at);
    case HD_REQUEST_SORT_REQUESTER:
      {
        g_autofree char *ka = hd_text_normalize (gen_people[a->person]);
        g_autofree char *kb = hd_text_normalize (gen_people[b->person]);
        return strcmp (ka, kb);
      }
    case HD_REQUEST_SORT_KIND:
      return a->kind - b->kind;
    case HD_REQUEST_SORT_CHANNEL:
      return a->channel - b->channel;
    case HD_REQUEST_SORT_TOPIC:
      return a->topic - b->topic;
    case HD_REQUEST_SORT_SUMMARY:
      return strcmp (a->summary, b->summary);
    case HD_REQUEST_SORT_STATUS:
      /* equal statuses by the time received */
      if (a->status != b->status)
        return a->status - b->status;
      return (a->received_at > b->received_at) - (a->received_at < b->received_at);
    case HD_REQUEST_SORT_AGE:
      {
        gint64 age_a = (a->resolved_at != 0 ? a->resolved_at : NOW) - a->received_at;
        gint64 age_b = (b->resolved_at != 0 ? b->resolved_at : NOW) - b->received_at;
        return (age_a > age_b) - (age_a < age_b);
      }
    case HD_N_REQUEST_SORTS:
    default:
      g_assert_not_reached ();
    }
}

static int
compare_gen (gconstpointer pa,
             gconstpointer pb)
{
  const Gen *a = pa, *b = pb;
  int c = compare_key (a, b);

  if (c != 0)
    return c;
  /* equal ages: the later request first (the younger one, had it come at the same moment) */
  if (sort_column == HD_REQUEST_SORT_AGE)
    return (a->id < b->id) - (a->id > b->id);
  return (a->id > b->id) - (a->id < b->id);
}

static void
test_sorting (void)
{
  g_autoptr(HdDatabase) db = open_db ();
  GArray *gen = large_fixture (db, 1000);

  for (HdRequestSort s = 0; s < HD_N_REQUEST_SORTS; s++)
    for (int desc = 0; desc <= 1; desc++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(HdRequestList) list = NULL;
        g_autoptr(GArray) expected = g_array_copy (gen);

        sort_column = s;
        g_array_sort (expected, compare_gen);
        list = hd_request_list_new_sync (db, NULL, NULL, s, desc, NOW, NULL, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1000);
        g_test_message ("sort %s %s", hd_request_sort_to_key (s), desc ? "desc" : "asc");
        for (guint i = 0; i < 1000; i++)
          {
            guint e = desc ? 999 - i : i;
            g_autoptr(HdRequestRow) row = g_list_model_get_item (G_LIST_MODEL (list), i);

            g_assert_cmpint (hd_request_row_get_id (row), ==, g_array_index (expected, Gen, e).id);
          }
        g_assert_cmpint (hd_request_list_get_sort (list), ==, s);
        g_assert_cmpint (hd_request_list_get_descending (list), ==, desc);
      }

  /* keys round-trip, and nothing else is a key */
  for (HdRequestSort s = 0; s < HD_N_REQUEST_SORTS; s++)
    g_assert_cmpint (hd_request_sort_from_key (hd_request_sort_to_key (s)), ==, s);
  g_assert_cmpint (hd_request_sort_from_key ("id; DROP TABLE requests"), ==, -1);
  g_assert_cmpint (hd_request_sort_from_key (NULL), ==, -1);

  gen_free (gen);
}

static void
test_paging (void)
{
  g_autoptr(HdDatabase) db = open_db ();
  /* past the 16 cached pages of 256 rows, and past a block of 32 768 ids */
  const guint n = 40000;
  GArray *gen = large_fixture (db, n);
  g_autoptr(GArray) expected = g_array_copy (gen);
  g_autoptr(GError) error = NULL;
  g_autoptr(HdRequestList) list = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  const guint edges[] = { 0, 255, 256, 257, 511, 512, 32767, 32768, 32769, 39935, 39936, 39999 };

  sort_column = HD_REQUEST_SORT_RECEIVED;
  g_array_sort (expected, compare_gen);
  list = hd_request_list_new_sync (db, NULL, NULL, HD_REQUEST_SORT_RECEIVED, FALSE, NOW, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n);
  g_assert_cmpuint (hd_request_list_get_count (list), ==, n);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == HD_TYPE_REQUEST_ROW);
  g_assert_cmpuint (hd_request_list_get_n_cached_pages (list), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (edges); i++)
    {
      g_autoptr(HdRequestRow) row = g_list_model_get_item (G_LIST_MODEL (list), edges[i]);
      const Gen *g = &g_array_index (expected, Gen, edges[i]);

      g_assert_cmpint (hd_request_row_get_id (row), ==, g->id);
      g_assert_cmpint (hd_request_row_get_received_at (row), ==, g->received_at);
      g_assert_cmpstr (hd_request_row_get_summary (row), ==, g->summary);
      g_assert_cmpstr (hd_request_row_get_requester_name (row), ==, gen_people[g->person]);
    }

  for (guint i = 0; i < 3000; i++)
    {
      guint pos = g_rand_int_range (rand, 0, n);
      g_autoptr(HdRequestRow) row = g_list_model_get_item (G_LIST_MODEL (list), pos);
      const Gen *g = &g_array_index (expected, Gen, pos);

      g_assert_cmpint (hd_request_row_get_id (row), ==, g->id);
      g_assert_cmpint (hd_request_row_get_status (row), ==, g->status);
      g_assert_cmpint (hd_request_row_get_topic (row), ==, g->topic);
      g_assert_cmpint (hd_request_list_find (list, g->id), ==, pos);
    }
  /* 157 pages touched, at most 16 kept */
  g_assert_cmpuint (hd_request_list_get_n_cached_pages (list), ==, 16);

  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), n));
  g_assert_cmpint (hd_request_list_get_id (list, n), ==, 0);
  g_assert_cmpuint (hd_request_list_find (list, n + 1), ==, G_MAXUINT);

  /* the same item twice is the same object while its page is cached */
  {
    g_autoptr(GObject) a = g_list_model_get_item (G_LIST_MODEL (list), 1000);
    g_autoptr(GObject) b = g_list_model_get_item (G_LIST_MODEL (list), 1001);
    g_autoptr(GObject) c = g_list_model_get_item (G_LIST_MODEL (list), 1000);
    g_assert_true (a == c);
    g_assert_true (a != b);
  }

  gen_free (gen);
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GString    *log)
{
  g_string_append_printf (log, "%u-%u+%u;", position, removed, added);
}

static void
test_refresh_row (void)
{
  g_autoptr(HdDatabase) db = small_fixture ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HdRequestList) list = hd_request_list_new_sync (db, NULL, NULL, HD_REQUEST_SORT_RECEIVED,
                                                            TRUE, NOW, NULL, &error);
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(HdRequestRow) before = NULL;
  g_autoptr(HdRequestRow) after = NULL;

  g_assert_no_error (error);
  /* newest first: 3, 4, 8, 5, 2, 10, 1, 6, 7 */
  {
    g_autofree char *got = ids_of (list);
    g_assert_cmpstr (got, ==, "3,4,8,5,2,10,1,6,7");
  }
  before = g_list_model_get_item (G_LIST_MODEL (list), 4);
  g_assert_cmpint (hd_request_row_get_id (before), ==, 2);

  g_assert_true (hd_database_exec (db, "UPDATE requests SET summary = 'Расписание появилось',"
                                       " status = 'resolved', resolution = 'Да', resolved_at = 1795600000 WHERE id = 2", &error));
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), log);
  g_assert_true (hd_request_list_refresh_row (list, 2));
  g_assert_cmpstr (log->str, ==, "4-1+1;");
  after = g_list_model_get_item (G_LIST_MODEL (list), 4);
  g_assert_true (before != after);
  g_assert_cmpstr (hd_request_row_get_summary (after), ==, "Расписание появилось");
  g_assert_cmpint (hd_request_row_get_status (after), ==, HD_STATUS_RESOLVED);
  /* the old row is immutable */
  g_assert_cmpstr (hd_request_row_get_summary (before), ==, "Расписание не отображается");

  g_assert_false (hd_request_list_refresh_row (list, 9));   /* archived, not in the snapshot */
  g_assert_cmpstr (log->str, ==, "4-1+1;");
}

static void
async_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_async (void)
{
  g_autoptr(HdDatabase) db = small_fixture ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(HdRequestList) list = NULL;
  g_autoptr(HdRequestFilter) filter = hd_request_filter_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  filter->search = g_strdup ("Оценки");
  hd_request_list_new_async (db, NULL, filter, HD_REQUEST_SORT_RECEIVED, FALSE, NOW, NULL,
                             async_done_cb, &result);
  /* the caller's filter may go at once */
  g_clear_pointer (&filter->search, g_free);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  list = hd_request_list_new_finish (result, &error);
  g_assert_no_error (error);
  while (!hd_request_list_is_complete (list))
    g_main_context_iteration (NULL, TRUE);
  {
    g_autofree char *got = ids_of (list);
    /* oldest first: 7 (30 days), 1 (10), 10 (6), 5 (4); not «оценок» of 3 */
    g_assert_cmpstr (got, ==, "7,1,10,5");
  }
  g_assert_cmpstr (hd_request_list_get_filter (list)->search, ==, "Оценки");
  g_assert_cmpint (hd_request_list_get_now (list), ==, NOW);

  /* cancelled before it runs: an error, no model */
  g_clear_object (&result);
  g_cancellable_cancel (cancellable);
  hd_request_list_new_async (db, NULL, NULL, HD_REQUEST_SORT_RECEIVED, FALSE, NOW, cancellable,
                             async_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_clear_object (&list);
  list = hd_request_list_new_finish (result, &error);
  g_assert_null (list);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
complete_cb (HdRequestList *list,
             GParamSpec    *pspec,
             guint         *notified)
{
  (*notified)++;
}

/* A large snapshot arrives in chunks: the first rows at once, then appended at the end (past
 * a block of 32 768 ids) */
static void
test_streaming (void)
{
  g_autoptr(HdDatabase) db = open_db ();
  GArray *gen = large_fixture (db, 40000);
  g_autoptr(GArray) expected = g_array_copy (gen);
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(HdRequestList) list = NULL;
  g_autoptr(GString) log = g_string_new (NULL);
  guint notified = 0;
  guint first;
  guint total = 0;

  hd_request_list_new_async (db, NULL, NULL, HD_REQUEST_SORT_RECEIVED, TRUE, NOW, NULL,
                             async_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  list = hd_request_list_new_finish (result, &error);
  g_assert_no_error (error);

  /* the first rows are there; the rest may still come */
  first = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (first, >=, 256);
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), log);
  g_signal_connect (list, "notify::complete", G_CALLBACK (complete_cb), &notified);
  while (!hd_request_list_is_complete (list))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (notified, ==, first < 40000 ? 1 : 0);
  g_assert_cmpuint (hd_request_list_get_count (list), ==, 40000);

  /* every change appended at the end, and they add up */
  {
    g_auto(GStrv) changes = g_strsplit (log->str, ";", -1);
    guint at = first;

    for (guint i = 0; changes[i] != NULL && changes[i][0] != '\0'; i++)
      {
        guint position, removed, added;

        g_assert_cmpint (sscanf (changes[i], "%u-%u+%u", &position, &removed, &added), ==, 3);
        g_assert_cmpuint (position, ==, at);
        g_assert_cmpuint (removed, ==, 0);
        at += added;
        total += added;
      }
    g_assert_cmpuint (first + total, ==, 40000);
  }

  sort_column = HD_REQUEST_SORT_RECEIVED;
  g_array_sort (expected, compare_gen);
  for (guint i = 0; i < 40000; i += 97)
    g_assert_cmpint (hd_request_list_get_id (list, i), ==, g_array_index (expected, Gen, 39999 - i).id);

  gen_free (gen);
}

/* Always ready at the priority of GTK's redraw, as the frame clock is while a cursor blinks
 * and each frame takes longer than the refresh interval */
static gboolean
busy_redraw_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* The nice value of the thread named @name, or G_MAXINT when there is none */
static int
thread_nice (const char *name)
{
  g_autoptr(GDir) dir = g_dir_open ("/proc/self/task", 0, NULL);
  const char *tid;

  while (dir != NULL && (tid = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *comm_path = g_build_filename ("/proc/self/task", tid, "comm", NULL);
      g_autofree char *stat_path = g_build_filename ("/proc/self/task", tid, "stat", NULL);
      g_autofree char *comm = NULL;
      g_autofree char *stat = NULL;
      g_auto(GStrv) fields = NULL;
      const char *after;

      if (!g_file_get_contents (comm_path, &comm, NULL, NULL) ||
          !g_str_equal (g_strchomp (comm), name) ||
          !g_file_get_contents (stat_path, &stat, NULL, NULL) ||
          (after = strrchr (stat, ')')) == NULL)
        continue;
      /* after "pid (comm)": state is field 3, nice field 19 */
      fields = g_strsplit (after + 2, " ", -1);
      if (g_strv_length (fields) > 16)
        return atoi (fields[16]);
    }
  return G_MAXINT;
}

/* The first rows come while the main loop redraws without a pause, and the snapshot's thread
 * streams the rest at a lower priority than the main thread's, which draws them */
static void
test_stream_priority (void)
{
  g_autoptr(HdDatabase) db = open_db ();
  GArray *gen = large_fixture (db, 3000);
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(HdRequestList) list = NULL;
  guint busy;

  hd_request_list_set_stream_pause (2 * G_USEC_PER_SEC);
  busy = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 20, busy_redraw_cb, NULL, NULL);
  hd_request_list_new_async (db, NULL, NULL, HD_REQUEST_SORT_RECEIVED, TRUE, NOW, NULL,
                             async_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  list = hd_request_list_new_finish (result, &error);
  g_assert_no_error (error);
  /* not from the end of the snapshot: the thread is still pausing after the first rows */
  g_assert_false (hd_request_list_is_complete (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), >=, 256);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), <, 3000);
#ifdef __linux__
  {
    int nice = thread_nice ("hd-snapshot");

    g_assert_cmpint (nice, !=, G_MAXINT);
    g_assert_cmpint (nice, >, getpriority (PRIO_PROCESS, 0));
  }
#endif
  g_source_remove (busy);
  hd_request_list_set_stream_pause (0);
  while (!hd_request_list_is_complete (list))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (hd_request_list_get_count (list), ==, 3000);
  gen_free (gen);
}

static gboolean
log_redraw_cb (gpointer user_data)
{
  g_string_append ((GString *) user_data, "redraw;");
  return G_SOURCE_REMOVE;
}

static void
log_rows_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(HdRequestList) list = hd_request_list_new_finish (result, NULL);

  g_assert_nonnull (list);
  g_string_append ((GString *) user_data, "rows;");
}

/* The click that sorts has a frame coming (its header changes): the first rows are there
 * before it, not a frame later */
static void
test_first_rows_before_redraw (void)
{
  g_autoptr(HdDatabase) db = small_fixture ();
  g_autoptr(GString) log = g_string_new (NULL);

  /* long enough for a sanitized build on a busy machine; the default is 10 ms */
  hd_request_list_set_first_rows_wait (5 * G_USEC_PER_SEC);
  g_idle_add_full (G_PRIORITY_HIGH_IDLE + 20, log_redraw_cb, log, NULL);
  hd_request_list_new_async (db, NULL, NULL, HD_REQUEST_SORT_SUMMARY, FALSE, NOW, NULL, log_rows_cb, log);
  while (strlen (log->str) < strlen ("rows;redraw;"))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (log->str, ==, "rows;redraw;");

  /* none found: the wait ends with the snapshot */
  {
    g_autoptr(HdRequestFilter) filter = hd_request_filter_new ();

    filter->search = g_strdup ("нетакогослова");
    g_string_truncate (log, 0);
    g_idle_add_full (G_PRIORITY_HIGH_IDLE + 20, log_redraw_cb, log, NULL);
    hd_request_list_new_async (db, NULL, filter, HD_REQUEST_SORT_SUMMARY, FALSE, NOW, NULL, log_rows_cb, log);
    while (strlen (log->str) < strlen ("rows;redraw;"))
      g_main_context_iteration (NULL, TRUE);
    g_assert_cmpstr (log->str, ==, "rows;redraw;");
  }
  hd_request_list_set_first_rows_wait (10 * 1000);
}

static HdRequestList *
build_async (HdDatabase            *db,
             const HdRequestFilter *filter,
             HdRequestSort          sort,
             gboolean               descending,
             guint                 *first)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  HdRequestList *list;

  hd_request_list_new_async (db, NULL, filter, sort, descending, NOW, NULL, async_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  list = hd_request_list_new_finish (result, &error);
  g_assert_no_error (error);
  *first = g_list_model_get_n_items (G_LIST_MODEL (list));
  while (!hd_request_list_is_complete (list))
    g_main_context_iteration (NULL, TRUE);
  return list;
}

static gboolean
same_ids (HdRequestList *a,
          HdRequestList *b)
{
  guint n = hd_request_list_get_count (a);

  if (n != hd_request_list_get_count (b))
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (hd_request_list_get_id (a, i) != hd_request_list_get_id (b, i))
      return FALSE;
  return TRUE;
}

/* The first page of a streaming model comes another way than its snapshot (ordered streams,
 * a search tested row by row with the FTS5 tokenizer); whichever way, the model must end up
 * the same as the snapshot built in one go, for every sort, direction and filter. */
static void
test_first_page (void)
{
  g_autoptr(HdDatabase) db = open_db ();
  GArray *gen = large_fixture (db, 3000);
  g_autoptr(GError) error = NULL;
  /* common (past one page), a prefix, «ё» as «е», two words, one word of each summary's
   * two, a number (request 12, and texts with 12), nothing */
  const char *searches[] = { NULL, "оценк", "ОЦ", "елка", "домашн зад", "Задание", "№12", "12",
                             "нетакогослова" };
  /* the head's budgets: unlimited (the page always from the streams), none (always from the
   * FTS index), and small enough to give up half way */
  const struct { guint rows; gint64 usec; } budgets[] = { { G_MAXUINT, 0 }, { 0, 0 }, { 300, 0 } };
  guint checked = 0;

  g_assert_true (hd_database_exec (db, "UPDATE requests SET archived = 1 WHERE id % 97 = 0", &error));
  g_assert_no_error (error);

  for (guint f = 0; f < G_N_ELEMENTS (searches) + 3; f++)
    for (HdRequestSort s = 0; s < HD_N_REQUEST_SORTS; s++)
      for (int desc = 0; desc <= 1; desc++)
        {
          g_autoptr(HdRequestFilter) filter = hd_request_filter_new ();
          g_autoptr(HdRequestList) whole = NULL;

          if (f < G_N_ELEMENTS (searches))
            filter->search = g_strdup (searches[f]);
          else if (f == G_N_ELEMENTS (searches))
            filter->status = HD_REQUEST_STATUS_OPEN;
          else if (f == G_N_ELEMENTS (searches) + 1)
            {
              filter->channel = HD_CHANNEL_PHONE;
              filter->search = g_strdup ("пароль");
            }
          else
            filter->queue = HD_REQUEST_QUEUE_WAITING;

          whole = hd_request_list_new_sync (db, NULL, filter, s, desc, NOW, NULL, &error);
          g_assert_no_error (error);

          for (guint b = 0; b < G_N_ELEMENTS (budgets); b++)
            {
              g_autoptr(HdRequestList) list = NULL;
              guint first;

              hd_request_list_set_head_budget (budgets[b].rows, budgets[b].usec);
              list = build_async (db, filter, s, desc, &first);
              if (!same_ids (list, whole))
                g_error ("search “%s”, filter %u, sort %s %s, budget %u: %u rows, %u expected",
                         filter->search, f, hd_request_sort_to_key (s), desc ? "desc" : "asc",
                         budgets[b].rows, hd_request_list_get_count (list), hd_request_list_get_count (whole));
              /* the first page came at once, whole */
              g_assert_cmpuint (first, >=, MIN (256, hd_request_list_get_count (whole)));
              checked++;
            }
        }
  hd_request_list_set_head_budget (G_MAXUINT, 30000);
  g_assert_cmpuint (checked, ==, (G_N_ELEMENTS (searches) + 3) * HD_N_REQUEST_SORTS * 2 * G_N_ELEMENTS (budgets));

  /* cancelled after its first rows (the user typed on): it stops, and never claims a count */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(HdRequestList) list = NULL;
    guint notified = 0;

    hd_request_list_new_async (db, NULL, NULL, HD_REQUEST_SORT_REQUESTER, FALSE, NOW, cancellable,
                               async_done_cb, &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    list = hd_request_list_new_finish (result, &error);
    g_assert_no_error (error);
    g_signal_connect (list, "notify::complete", G_CALLBACK (complete_cb), &notified);
    if (!hd_request_list_is_complete (list))
      {
        g_cancellable_cancel (cancellable);
        /* the worker ends soon; give it time, then nothing more may arrive */
        for (guint i = 0; i < 50; i++)
          {
            g_usleep (10000);
            while (g_main_context_iteration (NULL, FALSE))
              ;
          }
        g_assert_false (hd_request_list_is_complete (list));
        g_assert_cmpuint (notified, ==, 0);
        g_assert_cmpuint (hd_request_list_get_count (list), <, 3000);
      }
  }

  /* counted by hand from the fixture: «оценк» is the summary of every 8th request (i × 13 ≡ 0
   * mod 8), less the archived ones; none archived among requests 1 … 96 */
  {
    g_autoptr(HdRequestFilter) filter = hd_request_filter_new ();
    g_autoptr(HdRequestList) list = NULL;
    guint expected = 0;
    guint first;

    for (guint i = 0; i < 3000; i++)
      if ((i * 13u) % 8 == 0 && (i + 1) % 97 != 0)
        expected++;
    filter->search = g_strdup ("оценк");
    list = build_async (db, filter, HD_REQUEST_SORT_RECEIVED, TRUE, &first);
    g_assert_cmpuint (hd_request_list_get_count (list), ==, expected);
    g_assert_cmpuint (expected, >, 256);
  }

  gen_free (gen);
}

/* A word in one request of 40: too rare for the tokenizer's head on a small budget, too rare
 * for the bit set to stream the whole snapshot, so the first page comes from the sort order's
 * indexes tested against the matches (a row read for each match would come before it on a
 * large journal); the rest is sorted by SQLite. In one of 2000, the indexes find them all. */
static void
test_first_page_rare (void)
{
  g_autoptr(HdDatabase) db = open_db ();
  GArray *gen = large_fixture (db, 12000);
  g_autoptr(GError) error = NULL;
  const char *words[] = { "редкослово", "оченьредкое" };

  g_assert_true (hd_database_exec (db, "UPDATE requests SET search_text = search_text || ' редкослово'"
                                       " WHERE id % 40 = 0", &error));
  g_assert_true (hd_database_exec (db, "UPDATE requests SET search_text = search_text || ' оченьредкое'"
                                       " WHERE id % 2000 = 7", &error));
  g_assert_true (hd_database_exec (db, "UPDATE requests SET archived = 1 WHERE id % 97 = 0", &error));
  g_assert_no_error (error);

  for (guint w = 0; w < G_N_ELEMENTS (words); w++)
    for (HdRequestSort s = 0; s < HD_N_REQUEST_SORTS; s++)
      for (int desc = 0; desc <= 1; desc++)
        {
          g_autoptr(HdRequestFilter) filter = hd_request_filter_new ();
          g_autoptr(HdRequestList) whole = NULL;
          g_autoptr(HdRequestList) list = NULL;
          guint first;

          filter->search = g_strdup (words[w]);
          whole = hd_request_list_new_sync (db, NULL, filter, s, desc, NOW, NULL, &error);
          g_assert_no_error (error);
          g_assert_cmpuint (hd_request_list_get_count (whole), ==, w == 0 ? 300 - 3 : 6);

          hd_request_list_set_head_budget (300, 0);
          list = build_async (db, filter, s, desc, &first);
          g_assert_cmpstr (hd_request_list_get_last_first_page (), ==, "matches");
          if (!same_ids (list, whole))
            g_error ("search “%s”, sort %s %s: not the snapshot's order", words[w],
                     hd_request_sort_to_key (s), desc ? "desc" : "asc");
          g_assert_cmpuint (first, >=, MIN (256, hd_request_list_get_count (whole)));
          g_clear_object (&list);

          /* without a head, SQLite sorts them all */
          hd_request_list_set_head_budget (0, 0);
          list = build_async (db, filter, s, desc, &first);
          g_assert_cmpstr (hd_request_list_get_last_first_page (), ==, "sorted");
          g_assert_true (same_ids (list, whole));
        }
  hd_request_list_set_head_budget (G_MAXUINT, 30000);
  gen_free (gen);
}

static void
test_filter_struct (void)
{
  g_autoptr(HdRequestFilter) a = hd_request_filter_new ();
  g_autoptr(HdRequestFilter) b = NULL;

  g_assert_cmpint (a->status, ==, HD_REQUEST_STATUS_ANY);
  g_assert_cmpint (a->channel, ==, -1);
  a->search = g_strdup ("оценки");
  a->topic = HD_TOPIC_ACCESS;
  b = hd_request_filter_copy (a);
  g_assert_true (b->search != a->search);
  g_assert_true (hd_request_filter_equal (a, b));
  g_free (b->search);
  b->search = g_strdup ("оценка");
  g_assert_false (hd_request_filter_equal (a, b));
  hd_request_filter_clear (b);
  g_assert_null (b->search);
  g_assert_true (hd_request_filter_is_empty (b));
}

int
main (int argc, char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/request-list/filters", test_filters);
  g_test_add_func ("/request-list/queues", test_queues);
  g_test_add_func ("/request-list/overdue-rows", test_overdue_rows);
  g_test_add_func ("/request-list/terms", test_terms);
  g_test_add_func ("/request-list/search", test_search);
  g_test_add_func ("/request-list/sorting", test_sorting);
  g_test_add_func ("/request-list/paging", test_paging);
  g_test_add_func ("/request-list/refresh-row", test_refresh_row);
  g_test_add_func ("/request-list/async", test_async);
  g_test_add_func ("/request-list/streaming", test_streaming);
  g_test_add_func ("/request-list/stream-priority", test_stream_priority);
  g_test_add_func ("/request-list/first-rows-before-redraw", test_first_rows_before_redraw);
  g_test_add_func ("/request-list/first-page", test_first_page);
  g_test_add_func ("/request-list/first-page-rare", test_first_page_rare);
  g_test_add_func ("/request-list/filter-struct", test_filter_struct);

  return g_test_run ();
}
