/* test-text.c — search keys, FTS queries, e-mail and phone formats
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "hd-enums.h"
#include "hd-error.h"
#include "hd-text.h"

static void
test_normalize (void)
{
  struct { const char *in, *out; } cases[] = {
    { "Оценки", "оценки" },
    { "ОЦЕНКА", "оценка" },
    { "Ёлкина  Анна ", "елкина анна" },
    { "  ёЁ\t\nx ", "ее x" },
    { "", "" },
    { "Straße", "strasse" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *key = hd_text_normalize (cases[i].in);
      g_assert_cmpstr (key, ==, cases[i].out);
    }

  {
    /* invalid UTF-8 never passes through */
    g_autofree char *key = hd_text_normalize ("ab\xff\xfe" "cd");
    g_assert_true (g_utf8_validate (key, -1, NULL));
  }
  {
    g_autofree char *key = hd_text_normalize (NULL);
    g_assert_cmpstr (key, ==, "");
  }
}

static void
test_fts_query (void)
{
  g_autofree char *q1 = hd_text_fts_query ("Оценк");
  g_autofree char *q2 = hd_text_fts_query ("ёлкина \"журнал\" OR NEAR(");
  g_autofree char *q3 = hd_text_fts_query ("  ;:*\"' ");

  g_assert_cmpstr (q1, ==, "\"оцен\"*");
  g_assert_cmpstr (q2, ==, "\"елкин\"* AND \"журна\"* AND \"or\"* AND \"near\"*");
  g_assert_null (q3);
}

static void
test_email (void)
{
  g_assert_true (hd_text_is_valid_email ("shkola1_shim@mail.ru"));
  g_assert_true (hd_text_is_valid_email ("иванова@школа.рф"));
  g_assert_false (hd_text_is_valid_email ("shkola1_shim@mail"));
  g_assert_false (hd_text_is_valid_email ("@mail.ru"));
  g_assert_false (hd_text_is_valid_email ("a b@mail.ru"));
  g_assert_false (hd_text_is_valid_email ("a@b@mail.ru"));
  g_assert_false (hd_text_is_valid_email ("a;b@mail.ru"));
  g_assert_false (hd_text_is_valid_email (""));
}

static void
test_phone (void)
{
  g_assert_true (hd_text_is_valid_phone ("8 (41651) 2-00-77"));
  g_assert_true (hd_text_is_valid_phone ("+7 914 555-12-34"));
  g_assert_true (hd_text_is_valid_phone ("89145551234"));
  g_assert_true (hd_text_is_valid_phone ("2-00-77"));
  g_assert_false (hd_text_is_valid_phone ("+1 914 555-12-34"));
  g_assert_false (hd_text_is_valid_phone ("8 914 555-12-3"));
  g_assert_false (hd_text_is_valid_phone ("телефон"));
  g_assert_false (hd_text_is_valid_phone ("12"));
  g_assert_false (hd_text_is_valid_phone ("8 (914) 555-12-34; DROP TABLE"));
}

static void
test_check (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *long_text = g_strnfill (201, 'x');

  g_assert_true (hd_text_check ("ok", "summary", "Summary", TRUE, 200, &error));
  g_assert_no_error (error);

  g_assert_false (hd_text_check ("", "summary", "Summary", TRUE, 200, &error));
  g_assert_error (error, HD_ERROR, HD_ERROR_INVALID_FIELD);
  g_assert_cmpstr (hd_error_get_field (error), ==, "summary");
  g_clear_error (&error);

  g_assert_false (hd_text_check (long_text, "summary", "Summary", TRUE, 200, &error));
  g_assert_cmpstr (hd_error_get_field (error), ==, "summary");
  g_assert_nonnull (strstr (error->message, "200"));
  g_clear_error (&error);

  g_assert_false (hd_text_check ("a\xffz", "description", "Description", FALSE, 0, &error));
  g_assert_cmpstr (hd_error_get_field (error), ==, "description");
  g_clear_error (&error);

  /* a copied error keeps its field */
  {
    GError *copy;
    g_assert_false (hd_text_check ("a\x01z", "summary", "Summary", FALSE, 0, &error));
    copy = g_error_copy (error);
    g_assert_cmpstr (hd_error_get_field (copy), ==, "summary");
    g_error_free (copy);
  }
}

static void
test_enums (void)
{
  g_assert_cmpint (hd_enum_parse (HD_ENUM_CHANNEL, "portal_call"), ==, HD_CHANNEL_PORTAL_CALL);
  g_assert_cmpint (hd_enum_parse (HD_ENUM_CHANNEL, "ЛИЧНО"), ==, HD_CHANNEL_IN_PERSON);
  g_assert_cmpint (hd_enum_parse (HD_ENUM_CHANNEL, "через классного руководителя"), ==, HD_CHANNEL_CLASS_TEACHER);
  g_assert_cmpint (hd_enum_parse (HD_ENUM_STATUS, "Ждём ответа"), ==, HD_STATUS_WAITING_INFO);
  g_assert_cmpint (hd_enum_parse (HD_ENUM_STATUS, "ждем ответа"), ==, HD_STATUS_WAITING_INFO);
  g_assert_cmpint (hd_enum_parse (HD_ENUM_STATUS, "Resolved"), ==, HD_STATUS_RESOLVED);
  g_assert_cmpint (hd_enum_parse (HD_ENUM_STATUS, "done"), ==, -1);
  g_assert_cmpint (hd_enum_parse (HD_ENUM_TOPIC, NULL), ==, -1);
  g_assert_cmpstr (hd_enum_key (HD_ENUM_TOPIC, HD_TOPIC_GRADES_FINAL), ==, "grades_final");
  g_assert_null (hd_enum_key (HD_ENUM_TOPIC, HD_N_TOPICS));
  for (int k = 0; k < HD_N_ENUM_KINDS; k++)
    for (guint i = 0; i < hd_enum_count (k); i++)
      {
        g_assert_cmpint (hd_enum_from_key (k, hd_enum_key (k, i)), ==, (int) i);
        g_assert_nonnull (hd_enum_label (k, i));
      }
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/text/normalize", test_normalize);
  g_test_add_func ("/text/fts-query", test_fts_query);
  g_test_add_func ("/text/email", test_email);
  g_test_add_func ("/text/phone", test_phone);
  g_test_add_func ("/text/check", test_check);
  g_test_add_func ("/enums/parse", test_enums);
  return g_test_run ();
}
