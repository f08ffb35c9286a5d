/* test-answer-template-store.c — answer templates: CRUD, validation, shipped ones, order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "hd-answer-template-store.h"
#include "hd-database-private.h"
#include "hd-enums.h"
#include "hd-error.h"

/* The shipped templates, counted by hand from the table in hd-answer-template-store.c:
 * schedule 1, grades_current 2, grades_final 2, attendance 1, lesson_planning 1, lessons 1,
 * timeliness 1, access 2, other 0. */
#define N_SHIPPED 11

static HdDatabase *
open_db (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  HdDatabase *db;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  path = g_build_filename (g_get_user_data_dir (), "templates.db", NULL);
  db = hd_database_open (path, &error);
  g_assert_no_error (error);
  return db;
}

static gint64
count_rows (HdDatabase *db)
{
  g_autoptr(HdStmt) stmt = hd_database_prepare (db, "SELECT count(*) FROM answer_templates", NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static void
delete_all (HdDatabase *db)
{
  g_autoptr(GPtrArray) all = hd_answer_template_store_list (db, -1, NULL);

  g_assert_nonnull (all);
  for (guint i = 0; i < all->len; i++)
    {
      HdAnswerTemplate *t = g_ptr_array_index (all, i);
      g_autoptr(GError) error = NULL;

      g_assert_true (hd_answer_template_store_delete (db, t->id, &error));
      g_assert_no_error (error);
    }
}

static void
test_seeded_once (void)
{
  g_autoptr(HdDatabase) db = open_db ();
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) grades = NULL;
  g_autoptr(GPtrArray) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *seeded = NULL;

  /* Nothing before the first use */
  g_assert_cmpint (count_rows (db), ==, 0);

  all = hd_answer_template_store_list (db, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, N_SHIPPED);
  seeded = hd_database_get_setting (db, HD_SETTING_ANSWER_TEMPLATES_SEEDED, NULL);
  g_assert_cmpstr (seeded, ==, "1");

  /* By topic in the enum's order, every topic's positions from 1 */
  for (guint i = 1; i < all->len; i++)
    {
      HdAnswerTemplate *a = g_ptr_array_index (all, i - 1);
      HdAnswerTemplate *b = g_ptr_array_index (all, i);

      g_assert_cmpint (a->topic, <=, b->topic);
      if (a->topic == b->topic)
        g_assert_cmpint (b->position, ==, a->position + 1);
      else
        g_assert_cmpint (b->position, ==, 1);
      g_assert_cmpuint (strlen (b->title), >, 0);
      g_assert_cmpuint (strlen (b->body), >, 0);
    }

  grades = hd_answer_template_store_list (db, HD_TOPIC_GRADES_FINAL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (grades->len, ==, 2);
  other = hd_answer_template_store_list (db, HD_TOPIC_OTHER, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (other->len, ==, 0);

  /* Listing again does not add them again */
  g_clear_pointer (&all, g_ptr_array_unref);
  all = hd_answer_template_store_list (db, -1, &error);
  g_assert_cmpuint (all->len, ==, N_SHIPPED);
  g_assert_cmpint (count_rows (db), ==, N_SHIPPED);

  /* Deleted by the school, they stay deleted, also after reopening */
  delete_all (db);
  g_assert_cmpint (count_rows (db), ==, 0);
  g_clear_object (&db);
  db = open_db ();
  g_clear_pointer (&all, g_ptr_array_unref);
  all = hd_answer_template_store_list (db, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 0);
  g_assert_true (hd_answer_template_store_ensure_defaults (db, &error));
  g_assert_cmpint (count_rows (db), ==, 0);
}

static void
test_seeded_translated (void)
{
  g_autoptr(HdDatabase) db = NULL;
  g_autoptr(GPtrArray) final = NULL;
  g_autofree char *modir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  g_autofree char *mo = g_build_filename (modir, "ru", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  HdAnswerTemplate *first;

  /* The shipped answers come in the user's language */
  if (!g_file_test (mo, G_FILE_TEST_EXISTS) || setlocale (LC_ALL, "ru_RU.UTF-8") == NULL)
    {
      g_test_skip ("no ru_RU.UTF-8 locale or no built translation");
      return;
    }
  bindtextdomain (GETTEXT_PACKAGE, modir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  db = open_db ();
  final = hd_answer_template_store_list (db, HD_TOPIC_GRADES_FINAL, NULL);
  g_assert_nonnull (final);
  g_assert_cmpuint (final->len, ==, 2);
  first = g_ptr_array_index (final, 0);
  g_assert_cmpstr (first->title, ==, "Как выставить итоговые отметки");
  g_assert_nonnull (strstr (first->body, "Итоговые отметки"));

  setlocale (LC_ALL, "C.UTF-8");
}

static void
test_crud (void)
{
  g_autoptr(HdDatabase) db = open_db ();
  g_autoptr(HdAnswerTemplate) a = NULL;
  g_autoptr(HdAnswerTemplate) b = NULL;
  g_autoptr(HdAnswerTemplate) read = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  delete_all (db);

  a = hd_answer_template_new (HD_TOPIC_ATTENDANCE, "  Пропуск по болезни  ",
                              "Отметьте «Б» в столбце урока.\n\nСправку сдайте классному руководителю.  ");
  g_assert_true (hd_answer_template_store_create (db, a, &error));
  g_assert_no_error (error);
  g_assert_cmpint (a->id, >, 0);
  g_assert_cmpint (a->position, ==, 1);
  g_assert_cmpint (a->created_at, >, 0);
  /* Stored trimmed at the ends, the inner lines kept */
  g_assert_cmpstr (a->title, ==, "Пропуск по болезни");
  g_assert_cmpstr (a->body, ==, "Отметьте «Б» в столбце урока.\n\nСправку сдайте классному руководителю.");

  b = hd_answer_template_new (HD_TOPIC_ATTENDANCE, "Опоздание", "Отметьте «ОП».");
  g_assert_true (hd_answer_template_store_create (db, b, &error));
  g_assert_cmpint (b->position, ==, 2);

  read = hd_answer_template_store_get (db, a->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (read->topic, ==, HD_TOPIC_ATTENDANCE);
  g_assert_cmpstr (read->title, ==, "Пропуск по болезни");
  g_assert_cmpstr (read->body, ==, a->body);

  /* Update in place keeps the position */
  g_free (read->title);
  read->title = g_strdup ("Пропуск по болезни (справка)");
  g_assert_true (hd_answer_template_store_update (db, read, &error));
  g_assert_no_error (error);
  g_assert_cmpint (read->position, ==, 1);
  g_clear_pointer (&read, hd_answer_template_free);
  read = hd_answer_template_store_get (db, a->id, &error);
  g_assert_cmpstr (read->title, ==, "Пропуск по болезни (справка)");

  /* Moved to another topic it goes last there */
  read->topic = HD_TOPIC_TIMELINESS;
  g_assert_true (hd_answer_template_store_update (db, read, &error));
  list = hd_answer_template_store_list (db, HD_TOPIC_ATTENDANCE, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (((HdAnswerTemplate *) g_ptr_array_index (list, 0))->id, ==, b->id);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = hd_answer_template_store_list (db, HD_TOPIC_TIMELINESS, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Delete, then it is gone; deleting again says not found */
  g_assert_true (hd_answer_template_store_delete (db, a->id, &error));
  g_assert_null (hd_answer_template_store_get (db, a->id, &error));
  g_assert_error (error, HD_ERROR, HD_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (hd_answer_template_store_delete (db, a->id, &error));
  g_assert_error (error, HD_ERROR, HD_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Updating a deleted one says not found */
  g_assert_false (hd_answer_template_store_update (db, read, &error));
  g_assert_error (error, HD_ERROR, HD_ERROR_NOT_FOUND);
}

static void
test_order (void)
{
  g_autoptr(HdDatabase) db = open_db ();
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) all = NULL;
  const char *titles[] = { "Первый", "Второй", "Третий" };
  gint64 ids[3];

  delete_all (db);
  /* Interleaved with another topic, each topic keeps its own order */
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(HdAnswerTemplate) t = hd_answer_template_new (HD_TOPIC_LESSONS, titles[i], "Текст");
      g_autoptr(HdAnswerTemplate) other = hd_answer_template_new (HD_TOPIC_SCHEDULE, titles[i], "Текст");

      g_assert_true (hd_answer_template_store_create (db, t, NULL));
      g_assert_true (hd_answer_template_store_create (db, other, NULL));
      ids[i] = t->id;
      g_assert_cmpint (t->position, ==, (int) i + 1);
    }
  list = hd_answer_template_store_list (db, HD_TOPIC_LESSONS, NULL);
  g_assert_cmpuint (list->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      HdAnswerTemplate *t = g_ptr_array_index (list, i);

      g_assert_cmpint (t->id, ==, ids[i]);
      g_assert_cmpstr (t->title, ==, titles[i]);
    }

  /* All topics: schedule (enum 0) before lessons (enum 5), though created after */
  all = hd_answer_template_store_list (db, -1, NULL);
  g_assert_cmpuint (all->len, ==, 6);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (((HdAnswerTemplate *) g_ptr_array_index (all, i))->topic, ==, HD_TOPIC_SCHEDULE);
  for (guint i = 3; i < 6; i++)
    g_assert_cmpint (((HdAnswerTemplate *) g_ptr_array_index (all, i))->topic, ==, HD_TOPIC_LESSONS);
}

/* Undo of a delete: the template comes back where it stood, not last, also when a new one
 * took the last place meanwhile, and at the top */
static void
assert_titles (HdDatabase  *db,
               const char  *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = hd_answer_template_store_list (db, HD_TOPIC_GRADES_FINAL, &error);
  g_autoptr(GString) titles = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    g_string_append_printf (titles, "%s%s", i > 0 ? " " : "",
                            ((HdAnswerTemplate *) g_ptr_array_index (list, i))->title);
  g_assert_cmpstr (titles->str, ==, expected);
}

static gint64
add (HdDatabase *db,
     const char *title)
{
  g_autoptr(HdAnswerTemplate) t = hd_answer_template_new (HD_TOPIC_GRADES_FINAL, title, "Текст");

  g_assert_true (hd_answer_template_store_create (db, t, NULL));
  return t->id;
}

static void
delete_and_restore (HdDatabase *db,
                    gint64      id,
                    const char *added_meanwhile)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HdAnswerTemplate) gone = hd_answer_template_store_get (db, id, &error);

  g_assert_no_error (error);
  g_assert_true (hd_answer_template_store_delete (db, id, &error));
  if (added_meanwhile != NULL)
    add (db, added_meanwhile);
  g_assert_true (hd_answer_template_store_restore (db, gone, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gone->id, >, 0);
}

static void
test_restore (void)
{
  g_autoptr(HdDatabase) db = open_db ();
  gint64 first, second;

  delete_all (db);
  first = add (db, "А");
  second = add (db, "Б");
  add (db, "В");

  delete_and_restore (db, second, "Г");
  assert_titles (db, "А Б В Г");
  delete_and_restore (db, first, NULL);
  assert_titles (db, "А Б В Г");
}

static void
assert_invalid (HdDatabase *db,
                int         topic,
                const char *title,
                const char *body,
                const char *field)
{
  g_autoptr(HdAnswerTemplate) t = hd_answer_template_new (topic, title, body);
  g_autoptr(GError) error = NULL;
  gint64 before = count_rows (db);

  g_assert_false (hd_answer_template_store_create (db, t, &error));
  g_assert_error (error, HD_ERROR, HD_ERROR_INVALID_FIELD);
  g_assert_cmpstr (hd_error_get_field (error), ==, field);
  g_assert_cmpuint (strlen (error->message), >, 0);
  g_assert_cmpint (t->id, ==, 0);
  g_assert_cmpint (count_rows (db), ==, before);
}

static void
test_validation (void)
{
  g_autoptr(HdDatabase) db = open_db ();
  g_autoptr(GString) title = g_string_new (NULL);
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(HdAnswerTemplate) ok = NULL;
  g_autoptr(HdAnswerTemplate) edited = NULL;
  g_autoptr(GError) error = NULL;

  delete_all (db);

  assert_invalid (db, HD_TOPIC_ACCESS, "", "Текст", "title");
  assert_invalid (db, HD_TOPIC_ACCESS, "   ", "Текст", "title");
  assert_invalid (db, HD_TOPIC_ACCESS, "Заголовок", "", "body");
  assert_invalid (db, HD_TOPIC_ACCESS, "Заголовок", " \n\t ", "body");
  assert_invalid (db, -1, "Заголовок", "Текст", "topic");
  assert_invalid (db, HD_N_TOPICS, "Заголовок", "Текст", "topic");
  assert_invalid (db, HD_TOPIC_ACCESS, "Заго\001ловок", "Текст", "title");
  assert_invalid (db, HD_TOPIC_ACCESS, "Заголовок", "\xff\xfe", "body");

  /* 100 Cyrillic letters (200 bytes) are a title, 101 are not; the same for 5000 in a body */
  for (guint i = 0; i < 100; i++)
    g_string_append (title, "ё");
  for (guint i = 0; i < 5000; i++)
    g_string_append (body, "ж");
  ok = hd_answer_template_new (HD_TOPIC_ACCESS, title->str, body->str);
  g_assert_true (hd_answer_template_store_create (db, ok, &error));
  g_assert_no_error (error);
  g_string_append (title, "ё");
  assert_invalid (db, HD_TOPIC_ACCESS, title->str, "Текст", "title");
  g_string_append (body, "ж");
  assert_invalid (db, HD_TOPIC_ACCESS, "Заголовок", body->str, "body");

  /* An update is checked the same way and leaves the row as it was */
  edited = hd_answer_template_copy (ok);
  g_free (edited->body);
  edited->body = g_strdup ("");
  g_assert_false (hd_answer_template_store_update (db, edited, &error));
  g_assert_error (error, HD_ERROR, HD_ERROR_INVALID_FIELD);
  g_assert_cmpstr (hd_error_get_field (error), ==, "body");
  g_clear_pointer (&edited, hd_answer_template_free);
  edited = hd_answer_template_store_get (db, ok->id, NULL);
  g_assert_cmpuint (g_utf8_strlen (edited->body, -1), ==, 5000);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/answer-template-store/seeded-once", test_seeded_once);
  g_test_add_func ("/core/answer-template-store/seeded-translated", test_seeded_translated);
  g_test_add_func ("/core/answer-template-store/crud", test_crud);
  g_test_add_func ("/core/answer-template-store/order", test_order);
  g_test_add_func ("/core/answer-template-store/restore", test_restore);
  g_test_add_func ("/core/answer-template-store/validation", test_validation);

  return g_test_run ();
}
