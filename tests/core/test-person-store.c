/* test-person-store.c — people: round trips, validation, completion, hostile text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "hd-database-private.h"
#include "hd-error.h"
#include "hd-person-store.h"
#include "hd-request-store.h"

static HdDatabase *
open_db (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  HdDatabase *db;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  path = g_build_filename (g_get_user_data_dir (), "people.db", NULL);
  db = hd_database_open (path, &error);
  g_assert_no_error (error);
  return db;
}

static gint64
count_rows (HdDatabase *db,
            const char *sql)
{
  g_autoptr(HdStmt) stmt = hd_database_prepare (db, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static HdPerson *
make_person (const char *name,
             int         kind)
{
  HdPerson *person = hd_person_new ();

  hd_person_set_full_name (person, name);
  hd_person_set_kind (person, kind);
  return person;
}

static gint64
add_person (HdDatabase *db,
            const char *name,
            int         kind)
{
  g_autoptr(HdPerson) person = make_person (name, kind);
  g_autoptr(GError) error = NULL;

  g_assert_true (hd_person_store_create (db, person, &error));
  g_assert_no_error (error);
  return hd_person_get_id (person);
}

static void
test_round_trip (void)
{
  g_autoptr(HdDatabase) db = open_db ();
  g_autoptr(HdPerson) person = make_person ("  Петрова Ольга Ивановна  ", HD_REQUESTER_STAFF);
  g_autoptr(HdPerson) read = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  hd_person_set_position (person, "Учитель математики");
  hd_person_set_phone (person, "+7 914 555-12-34");
  hd_person_set_email (person, "petrova@example.ru");
  g_assert_true (hd_person_store_create (db, person, &error));
  g_assert_no_error (error);
  id = hd_person_get_id (person);
  g_assert_cmpint (id, >, 0);
  /* stored without the spaces at the ends, and the record says so */
  g_assert_cmpstr (hd_person_get_full_name (person), ==, "Петрова Ольга Ивановна");
  g_assert_cmpint (hd_person_get_created_at (person), >, 0);

  read = hd_person_store_get (db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hd_person_get_full_name (read), ==, "Петрова Ольга Ивановна");
  g_assert_cmpint (hd_person_get_kind (read), ==, HD_REQUESTER_STAFF);
  g_assert_cmpstr (hd_person_get_position (read), ==, "Учитель математики");
  g_assert_null (hd_person_get_class_name (read));
  g_assert_cmpstr (hd_person_get_phone (read), ==, "+7 914 555-12-34");
  g_assert_cmpstr (hd_person_get_email (read), ==, "petrova@example.ru");
  g_assert_false (hd_person_get_archived (read));

  /* update */
  hd_person_set_phone (read, "8 (41651) 2-00-77");
  hd_person_set_email (read, "");
  g_assert_true (hd_person_store_update (db, read, &error));
  g_assert_no_error (error);
  g_clear_object (&read);
  read = hd_person_store_get (db, id, &error);
  g_assert_cmpstr (hd_person_get_phone (read), ==, "8 (41651) 2-00-77");
  g_assert_null (hd_person_get_email (read));

  /* archive: out of lists, still readable */
  g_assert_true (hd_person_store_archive (db, id, &error));
  g_assert_no_error (error);
  list = hd_person_store_list (db, -1, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_object (&read);
  read = hd_person_store_get (db, id, &error);
  g_assert_no_error (error);
  g_assert_true (hd_person_get_archived (read));

  /* restore */
  g_assert_true (hd_person_store_set_archived (db, id, FALSE, &error));
  g_clear_pointer (&list, g_ptr_array_unref);
  list = hd_person_store_list (db, -1, NULL, 0, &error);
  g_assert_cmpuint (list->len, ==, 1);

  /* unknown ids */
  g_clear_object (&read);
  read = hd_person_store_get (db, 4242, &error);
  g_assert_null (read);
  g_assert_error (error, HD_ERROR, HD_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (hd_person_store_archive (db, 4242, &error));
  g_assert_error (error, HD_ERROR, HD_ERROR_NOT_FOUND);
}

typedef struct {
  const char *field;
  const char *full_name;
  int kind;
  const char *position;
  const char *class_name;
  const char *phone;
  const char *email;
} Invalid;

static void
test_validation (void)
{
  g_autoptr(HdDatabase) db = open_db ();
  g_autofree char *long_name = NULL;
  GString *s = g_string_new (NULL);
  gint64 id = add_person (db, "Сидоров Иван", HD_REQUESTER_PARENT);

  for (int i = 0; i < 201; i++)
    g_string_append (s, "я");
  long_name = g_string_free (s, FALSE);

  {
    const Invalid cases[] = {
      { "full_name", NULL, HD_REQUESTER_STAFF, NULL, NULL, NULL, NULL },
      { "full_name", "", HD_REQUESTER_STAFF, NULL, NULL, NULL, NULL },
      { "full_name", "   \t ", HD_REQUESTER_STAFF, NULL, NULL, NULL, NULL },
      { "full_name", long_name, HD_REQUESTER_STAFF, NULL, NULL, NULL, NULL },
      { "full_name", "Иванов\x01Иван", HD_REQUESTER_STAFF, NULL, NULL, NULL, NULL },
      { "kind", "Иванов", -1, NULL, NULL, NULL, NULL },
      { "kind", "Иванов", 17, NULL, NULL, NULL, NULL },
      { "position", "Иванов", HD_REQUESTER_STAFF, long_name, NULL, NULL, NULL },
      { "class_name", "Иванов", HD_REQUESTER_STUDENT, NULL, long_name, NULL, NULL },
      { "phone", "Иванов", HD_REQUESTER_STAFF, NULL, NULL, "позвонить завтра", NULL },
      { "phone", "Иванов", HD_REQUESTER_STAFF, NULL, NULL, "12", NULL },
      { "email", "Иванов", HD_REQUESTER_STAFF, NULL, NULL, NULL, "ivanov@" },
      { "email", "Иванов", HD_REQUESTER_STAFF, NULL, NULL, NULL, "ivanov mail.ru" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autoptr(HdPerson) person = make_person (cases[i].full_name, cases[i].kind);
        g_autoptr(HdPerson) existing = hd_person_store_get (db, id, NULL);
        g_autoptr(HdPerson) after = NULL;
        g_autoptr(GError) error = NULL;
        gint64 before = count_rows (db, "SELECT count(*) FROM people");

        hd_person_set_position (person, cases[i].position);
        hd_person_set_class_name (person, cases[i].class_name);
        hd_person_set_phone (person, cases[i].phone);
        hd_person_set_email (person, cases[i].email);

        g_test_message ("case %u: %s", i, cases[i].field);
        g_assert_false (hd_person_store_create (db, person, &error));
        g_assert_error (error, HD_ERROR, HD_ERROR_INVALID_FIELD);
        g_assert_cmpstr (hd_error_get_field (error), ==, cases[i].field);
        g_assert_nonnull (strstr (error->message, hd_person_field_label (cases[i].field)));
        g_assert_cmpint (hd_person_get_id (person), ==, 0);
        g_assert_cmpint (count_rows (db, "SELECT count(*) FROM people"), ==, before);
        g_clear_error (&error);

        /* the same values refused on update, the stored row untouched */
        hd_person_set_id (person, id);
        g_assert_false (hd_person_store_update (db, person, &error));
        g_assert_cmpstr (hd_error_get_field (error), ==, cases[i].field);
        after = hd_person_store_get (db, id, NULL);
        g_assert_cmpstr (hd_person_get_full_name (after), ==, "Сидоров Иван");
        g_assert_cmpint (hd_person_get_updated_at (after), ==, hd_person_get_updated_at (existing));
      }
  }

  /* every invalid field at once, for the editor */
  {
    g_autoptr(HdPerson) person = make_person ("", -1);
    g_autoptr(GPtrArray) errors = NULL;

    hd_person_set_phone (person, "abc");
    hd_person_set_email (person, "@");
    errors = hd_person_validate_all (person);
    g_assert_cmpuint (errors->len, ==, 4);
    g_assert_cmpstr (hd_error_get_field (errors->pdata[0]), ==, "full_name");
    g_assert_cmpstr (hd_error_get_field (errors->pdata[1]), ==, "kind");
    g_assert_cmpstr (hd_error_get_field (errors->pdata[2]), ==, "phone");
    g_assert_cmpstr (hd_error_get_field (errors->pdata[3]), ==, "email");
  }
}

static void
test_list_and_completion (void)
{
  g_autoptr(HdDatabase) db = open_db ();
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(HdPerson) found = NULL;
  g_autoptr(GError) error = NULL;
  gint64 elkina = add_person (db, "Ёлкина Анна", HD_REQUESTER_STAFF);
  gint64 eliseev = add_person (db, "Елисеев Пётр", HD_REQUESTER_PARENT);
  gint64 elkin = add_person (db, "ЕЛКИН Семён", HD_REQUESTER_STUDENT);
  gint64 gone = add_person (db, "Елкова Вера", HD_REQUESTER_STAFF);

  add_person (db, "Иванов Иван", HD_REQUESTER_STAFF);
  add_person (db, "Абрамова Ирина", HD_REQUESTER_PARENT);
  g_assert_true (hd_person_store_archive (db, gone, &error));

  list = hd_person_store_list (db, -1, "ел", 0, &error);
  g_assert_no_error (error);
  /* Russian alphabetical order on the normalized name: елисеев < елкин < елкина */
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpint (hd_person_get_id (list->pdata[0]), ==, eliseev);
  g_assert_cmpint (hd_person_get_id (list->pdata[1]), ==, elkin);
  g_assert_cmpint (hd_person_get_id (list->pdata[2]), ==, elkina);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* «ё», case and a trailing space in what is typed do not matter */
  list = hd_person_store_list (db, -1, "ЁЛК", 0, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = hd_person_store_list (db, HD_REQUESTER_STAFF, "елк", 0, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (hd_person_get_id (list->pdata[0]), ==, elkina);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* by kind only, all, and a limit */
  list = hd_person_store_list (db, HD_REQUESTER_STAFF, NULL, 0, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = hd_person_store_list (db, -1, NULL, 0, &error);
  g_assert_cmpuint (list->len, ==, 5);
  g_assert_cmpstr (hd_person_get_full_name (list->pdata[0]), ==, "Абрамова Ирина");
  g_clear_pointer (&list, g_ptr_array_unref);
  list = hd_person_store_list (db, -1, "", 2, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* LIKE wildcards are plain characters in a prefix */
  list = hd_person_store_list (db, -1, "%", 0, &error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = hd_person_store_list (db, -1, "_", 0, &error);
  g_assert_cmpuint (list->len, ==, 0);

  found = hd_person_store_find_by_name (db, "ёлкина   АННА", &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_cmpint (hd_person_get_id (found), ==, elkina);
  g_clear_object (&found);
  found = hd_person_store_find_by_name (db, "Елкова Вера", &error);
  g_assert_no_error (error);
  g_assert_null (found);
}

static const char *metachars[] = {
  "O'Brien",
  "\"Кавычки\" и 'апострофы'",
  "Robert'); DROP TABLE people; --",
  "100% _подчёркивание_ \\ обратная черта",
  "x' OR '1'='1",
};

static void
test_hostile_text (void)
{
  g_autoptr(HdDatabase) db = open_db ();
  const char *fields[] = { "full_name", "position", "class_name" };

  /* stored exactly */
  for (guint i = 0; i < G_N_ELEMENTS (metachars); i++)
    {
      g_autoptr(HdPerson) person = make_person (metachars[i], HD_REQUESTER_STAFF);
      g_autoptr(HdPerson) read = NULL;
      g_autoptr(GError) error = NULL;

      hd_person_set_position (person, metachars[i]);
      hd_person_set_class_name (person, metachars[i]);
      g_assert_true (hd_person_store_create (db, person, &error));
      g_assert_no_error (error);
      read = hd_person_store_get (db, hd_person_get_id (person), &error);
      g_assert_cmpstr (hd_person_get_full_name (read), ==, metachars[i]);
      g_assert_cmpstr (hd_person_get_position (read), ==, metachars[i]);
      g_assert_cmpstr (hd_person_get_class_name (read), ==, metachars[i]);
    }
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM people"), ==, G_N_ELEMENTS (metachars));
  {
    g_autoptr(GPtrArray) list = hd_person_store_list (db, -1, "o'b", 0, NULL);
    g_assert_cmpuint (list->len, ==, 1);
  }

  /* invalid UTF-8 in each text field: refused at that field, nothing written */
  for (guint f = 0; f < G_N_ELEMENTS (fields) + 2; f++)
    {
      g_autoptr(HdPerson) person = make_person ("Нормальное Имя", HD_REQUESTER_STAFF);
      g_autoptr(GError) error = NULL;
      const char *bad = "Ива\xd0\xff\xfe нов";
      const char *field = f < G_N_ELEMENTS (fields) ? fields[f] : (f == 3 ? "phone" : "email");
      gint64 before = count_rows (db, "SELECT count(*) FROM people");

      g_object_set (person, field, bad, NULL);
      g_assert_false (hd_person_store_create (db, person, &error));
      g_assert_error (error, HD_ERROR, HD_ERROR_INVALID_FIELD);
      g_assert_cmpstr (hd_error_get_field (error), ==, field);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_cmpint (count_rows (db, "SELECT count(*) FROM people"), ==, before);
    }
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
test_notify_on_change (void)
{
  g_autoptr(HdPerson) person = hd_person_new ();
  guint count = 0;

  g_signal_connect (person, "notify::full-name", G_CALLBACK (on_notify), &count);
  hd_person_set_full_name (person, "Иванов");
  hd_person_set_full_name (person, "Иванов");
  g_object_set (person, "full-name", "Иванов", NULL);
  g_assert_cmpuint (count, ==, 1);
  hd_person_set_full_name (person, NULL);
  g_assert_cmpuint (count, ==, 2);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/person-store/round-trip", test_round_trip);
  g_test_add_func ("/person-store/validation", test_validation);
  g_test_add_func ("/person-store/list-and-completion", test_list_and_completion);
  g_test_add_func ("/person-store/hostile-text", test_hostile_text);
  g_test_add_func ("/person-store/notify-on-change", test_notify_on_change);
  return g_test_run ();
}
