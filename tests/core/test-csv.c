/* test-csv.c — the CSV reader and writer, and the export and import of requests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "hd-csv-requests.h"
#include "hd-csv.h"
#include "hd-database-private.h"
#include "hd-enums.h"
#include "hd-error.h"
#include "hd-person-store.h"
#include "hd-request-store.h"

/* ---------------------------------------------------------------------------------------- */
/* Reader and writer                                                                         */

static HdCsvReader *
reader_for (const char *text,
            gssize      len)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, len < 0 ? strlen (text) : (gsize) len);
  return hd_csv_reader_new (bytes);
}

/* Reads one record and checks its fields and the line it starts on. */
static void
assert_record (HdCsvReader *reader,
               guint        line,
               ...)
{
  g_autoptr(GError) error = NULL;
  const char * const *fields = hd_csv_reader_next (reader, &error);
  va_list args;
  guint i = 0;

  g_assert_no_error (error);
  g_assert_nonnull (fields);
  g_assert_cmpuint (hd_csv_reader_get_line (reader), ==, line);

  va_start (args, line);
  for (const char *want = va_arg (args, const char *); want != NULL; want = va_arg (args, const char *))
    {
      g_assert_nonnull (fields[i]);
      g_assert_cmpstr (fields[i], ==, want);
      i++;
    }
  va_end (args);
  g_assert_null (fields[i]);
}

static void
assert_end (HdCsvReader *reader)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (hd_csv_reader_next (reader, &error));
  g_assert_no_error (error);
  /* and it stays at the end */
  g_assert_null (hd_csv_reader_next (reader, &error));
  g_assert_no_error (error);
}

static void
assert_bad_record (HdCsvReader *reader,
                   guint        line,
                   const char  *in_message)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (hd_csv_reader_next (reader, &error));
  g_assert_error (error, HD_ERROR, HD_ERROR_PARSE);
  g_assert_cmpuint (hd_csv_reader_get_line (reader), ==, line);
  if (in_message != NULL && strstr (error->message, in_message) == NULL)
    g_error ("“%s” is not in the message “%s”", in_message, error->message);
}

static void
test_reader_basic (void)
{
  g_autoptr(HdCsvReader) r = reader_for ("\xEF\xBB\xBF" "a;b;c\r\n1;2;3\r\nx;;z\r\n", -1);

  g_assert_cmpint (hd_csv_reader_get_delimiter (r), ==, ';');
  assert_record (r, 1, "a", "b", "c", NULL);
  g_assert_cmpuint (hd_csv_reader_get_n_columns (r), ==, 3);
  assert_record (r, 2, "1", "2", "3", NULL);
  assert_record (r, 3, "x", "", "z", NULL);
  assert_end (r);
  g_assert_cmpfloat (hd_csv_reader_get_fraction (r), ==, 1.0);
}

static void
test_reader_comma (void)
{
  /* a comma file; the ';' inside the quoted header field does not count */
  g_autoptr(HdCsvReader) r = reader_for ("\"a;1\",b\n\"x,y\",z;w\n", -1);

  g_assert_cmpint (hd_csv_reader_get_delimiter (r), ==, ',');
  assert_record (r, 1, "a;1", "b", NULL);
  assert_record (r, 2, "x,y", "z;w", NULL);
  assert_end (r);
}

static void
test_reader_semicolon_preferred (void)
{
  /* both on the header line: ';' wins */
  g_autoptr(HdCsvReader) r = reader_for ("a,b;c\n1,2;3\n", -1);

  g_assert_cmpint (hd_csv_reader_get_delimiter (r), ==, ';');
  assert_record (r, 1, "a,b", "c", NULL);
  assert_record (r, 2, "1,2", "3", NULL);
  assert_end (r);
}

static void
test_reader_quoted (void)
{
  /* lines:   1: header
   *          2-4: a record whose second field holds two line breaks (CRLF and LF)
   *          5: a record with a doubled quote and a delimiter in quotes
   *          6: the last record, no final line break */
  const char *text =
    "n;text\r\n"
    "1;\"first\r\nsecond\nthird\"\r\n"
    "2;\"say \"\"hi\"\"; bye\"\r\n"
    "3;\"\"";
  g_autoptr(HdCsvReader) r = reader_for (text, -1);

  assert_record (r, 1, "n", "text", NULL);
  assert_record (r, 2, "1", "first\r\nsecond\nthird", NULL);
  assert_record (r, 5, "2", "say \"hi\"; bye", NULL);
  assert_record (r, 6, "3", "", NULL);
  assert_end (r);
}

static void
test_reader_line_ends (void)
{
  /* LF, CRLF, a lone CR, blank lines (skipped but counted), a quote inside a plain field */
  const char *text = "a;b\n\n1;2\r\n\r\n3;4\r5;x\"y\n\n";
  g_autoptr(HdCsvReader) r = reader_for (text, -1);

  assert_record (r, 1, "a", "b", NULL);
  assert_record (r, 3, "1", "2", NULL);
  assert_record (r, 5, "3", "4", NULL);
  assert_record (r, 6, "5", "x\"y", NULL);
  assert_end (r);
}

static void
test_reader_trailing_delimiter (void)
{
  /* a delimiter as the very last byte: an empty last field (found by the fuzzer) */
  g_autoptr(HdCsvReader) r = reader_for ("a;b\n1;", -1);

  assert_record (r, 1, "a", "b", NULL);
  assert_record (r, 2, "1", "", NULL);
  assert_end (r);
}

static void
test_reader_empty (void)
{
  const char *empties[] = { "", "\xEF\xBB\xBF", "\r\n\n", "\xEF\xBB\xBF\r\n" };

  for (guint i = 0; i < G_N_ELEMENTS (empties); i++)
    {
      g_autoptr(HdCsvReader) r = reader_for (empties[i], -1);

      assert_bad_record (r, 1, "empty");
      assert_end (r);
    }
}

static void
test_reader_header_only (void)
{
  const char *files[] = { "a;b", "a;b\r\n", ("\xEF\xBB\xBF" "a;b\n\n") };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(HdCsvReader) r = reader_for (files[i], -1);

      assert_record (r, 1, "a", "b", NULL);
      assert_end (r);
    }
}

static void
test_reader_unclosed_quote (void)
{
  const char *text = "a;b\n1;2\n3;\"never\nclosed;\n4;5\n";
  g_autoptr(HdCsvReader) r = reader_for (text, -1);

  assert_record (r, 1, "a", "b", NULL);
  assert_record (r, 2, "1", "2", NULL);
  assert_bad_record (r, 3, NULL);
  /* the rest of the file went into the open quote */
  assert_end (r);
}

static void
test_reader_bad_records_go_on (void)
{
  /* each bad record is reported at its line, and the next one is read */
  const char *text =
    "a;b;c\n"                 /* 1 */
    "1;2\n"                   /* 2: too few fields */
    "1;\xC3\x28;3\n"          /* 3: invalid UTF-8 */
    "1;2;3\n"                 /* 4: good */
    "1;\"x\"y;3\n"            /* 5: text after a closing quote */
    "1;2;3;4\n"               /* 6: too many */
    "\"multi\nline\";\xFF;\n" /* 7-8: invalid UTF-8 in a record of two lines */
    "7;8;9\n";                /* 9: good */
  g_autoptr(HdCsvReader) r = reader_for (text, -1);

  assert_record (r, 1, "a", "b", "c", NULL);
  assert_bad_record (r, 2, "2");
  assert_bad_record (r, 3, "UTF-8");
  assert_record (r, 4, "1", "2", "3", NULL);
  assert_bad_record (r, 5, "(b)");
  assert_bad_record (r, 6, "4");
  assert_bad_record (r, 7, "UTF-8");
  assert_record (r, 9, "7", "8", "9", NULL);
  assert_end (r);
}

static void
test_reader_zero_byte (void)
{
  const char text[] = "a;b\n1;x\0y\n2;3\n";
  g_autoptr(HdCsvReader) r = reader_for (text, sizeof text - 1);

  assert_record (r, 1, "a", "b", NULL);
  assert_bad_record (r, 2, NULL);
  assert_record (r, 3, "2", "3", NULL);
  assert_end (r);
}

static void
test_reader_big_fields (void)
{
  /* a field of 1 MB of quotes doubled (the worst case for a copy loop), and one over the limit */
  GString *text = g_string_new ("a;b\r\n1;\"");
  g_autoptr(HdCsvReader) r = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *fields;
  gint64 start;

  for (guint i = 0; i < 512 * 1024; i++)
    g_string_append (text, "\"\"");
  g_string_append (text, "\"\r\n2;\"");
  for (guint i = 0; i < 512 * 1024; i++)
    g_string_append (text, "ё\n");
  g_string_append (text, "\"\r\n3;");
  for (guint i = 0; i < HD_CSV_MAX_FIELD_BYTES / 8 + 1; i++)
    g_string_append (text, "12345678");
  g_string_append (text, "\r\n4;x\r\n");

  bytes = g_string_free_to_bytes (text);
  r = hd_csv_reader_new (bytes);
  start = g_get_monotonic_time ();

  assert_record (r, 1, "a", "b", NULL);
  fields = hd_csv_reader_next (r, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (fields[1]), ==, 512 * 1024);
  g_assert_cmpuint (strspn (fields[1], "\""), ==, 512 * 1024);

  fields = hd_csv_reader_next (r, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hd_csv_reader_get_line (r), ==, 3);
  g_assert_cmpuint (g_utf8_strlen (fields[1], -1), ==, 1024 * 1024);

  /* 512 Ki line breaks inside the quotes: the closing quote is on line 3 + 512 Ki, so the
   * next record starts on the line after */
  assert_bad_record (r, 4 + 512 * 1024, "MB");
  assert_record (r, 5 + 512 * 1024, "4", "x", NULL);
  assert_end (r);

  /* linear: well under a second for 20 MB even under valgrind-free debug builds */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
}

static char *
write_records (const char * const *fields,
               guint               n_fields,
               HdCsvWriteFlags     flags)
{
  GString *out = g_string_new (NULL);

  hd_csv_append_record (out, ';', fields, n_fields, flags);
  return g_string_free (out, FALSE);
}

static void
test_writer_quoting (void)
{
  const char *plain[] = { "1", "Иванова Ёлка", "", "a,b", "it's" };
  const char *special[] = { "a;b", "say \"hi\"", "two\nlines", "cr\rhere" };
  const char *formulas[] = { "=1+1", "+7 914", "-5", "@SUM(A1)", "\tx", "\rx", "'=x", "''-", "'a", "a=b" };
  const char *lone_empty[] = { "" };
  g_autofree char *a = write_records (plain, G_N_ELEMENTS (plain), HD_CSV_WRITE_GUARD_FORMULAS);
  g_autofree char *b = write_records (special, G_N_ELEMENTS (special), HD_CSV_WRITE_GUARD_FORMULAS);
  g_autofree char *c = write_records (formulas, G_N_ELEMENTS (formulas), HD_CSV_WRITE_GUARD_FORMULAS);
  g_autofree char *d = write_records (formulas, G_N_ELEMENTS (formulas), HD_CSV_WRITE_NONE);
  g_autofree char *e = write_records (lone_empty, 1, HD_CSV_WRITE_NONE);
  GString *bom = g_string_new (NULL);

  g_assert_cmpstr (a, ==, "1;Иванова Ёлка;;a,b;it's\r\n");
  g_assert_cmpstr (b, ==, "\"a;b\";\"say \"\"hi\"\"\";\"two\nlines\";\"cr\rhere\"\r\n");
  g_assert_cmpstr (c, ==, "'=1+1;'+7 914;'-5;'@SUM(A1);'\tx;\"'\rx\";''=x;'''-;'a;a=b\r\n");
  g_assert_cmpstr (d, ==, "=1+1;+7 914;-5;@SUM(A1);\tx;\"\rx\";'=x;''-;'a;a=b\r\n");
  g_assert_cmpstr (e, ==, "\"\"\r\n");

  hd_csv_append_bom (bom);
  g_assert_cmpmem (bom->str, bom->len, "\xEF\xBB\xBF", 3);
  g_string_free (bom, TRUE);
}

static void
test_guard (void)
{
  const struct {
    const char *text;
    gboolean    needed;
    const char *unguarded;
  } cases[] = {
    { "", FALSE, "" },
    { "abc", FALSE, "abc" },
    { "=", TRUE, "=" },
    { "'=", TRUE, "=" },          /* the writer's apostrophe comes off… */
    { "''=", TRUE, "'=" },        /* …exactly one */
    { "'a", FALSE, "'a" },        /* not followed by a formula character: kept */
    { "'", FALSE, "'" },
    { "-", TRUE, "-" },
    { "'-1", TRUE, "-1" },
    { "'\t", TRUE, "\t" },
    { "'\r", TRUE, "\r" },
    { "'@", TRUE, "@" },
    { "'+", TRUE, "+" },
    { "a-", FALSE, "a-" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_cmpint (hd_csv_guard_needed (cases[i].text), ==, cases[i].needed);
      g_assert_cmpstr (hd_csv_unguard (cases[i].text), ==, cases[i].unguarded);
    }
}

/* Whatever is written is read back the same, guard on, for text meant to break things. */
static void
test_writer_reader_round_trip (void)
{
  const char *row[] = {
    "=HYPERLINK(\"http://x\")", "+7 (914) 555-12-34", "-", "@", "\tотступ", "\rвозврат",
    "'=уже с апострофом", "''", "'", "Ёлкина; «ё» и \"кавычки\"", "строка 1\r\nстрока 2\nстрока 3",
    "", " пробелы ", ";", "\"", "\"\"",
  };
  GString *out = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(HdCsvReader) r = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *fields;
  char *header[G_N_ELEMENTS (row)];

  for (guint i = 0; i < G_N_ELEMENTS (row); i++)
    header[i] = g_strdup_printf ("c%u", i);
  hd_csv_append_bom (out);
  hd_csv_append_record (out, ';', (const char * const *) header, G_N_ELEMENTS (row),
                        HD_CSV_WRITE_GUARD_FORMULAS);
  hd_csv_append_record (out, ';', row, G_N_ELEMENTS (row), HD_CSV_WRITE_GUARD_FORMULAS);
  hd_csv_append_record (out, ';', row, G_N_ELEMENTS (row), HD_CSV_WRITE_GUARD_FORMULAS);
  for (guint i = 0; i < G_N_ELEMENTS (row); i++)
    g_free (header[i]);

  bytes = g_string_free_to_bytes (out);
  r = hd_csv_reader_new (bytes);
  fields = hd_csv_reader_next (r, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length ((char **) fields), ==, G_N_ELEMENTS (row));

  for (guint n = 0; n < 2; n++)
    {
      fields = hd_csv_reader_next (r, &error);
      g_assert_no_error (error);
      g_assert_nonnull (fields);
      /* the first record of data starts on line 2; the field with CRLF + LF adds 2 lines */
      g_assert_cmpuint (hd_csv_reader_get_line (r), ==, 2 + n * 4);
      g_assert_cmpuint (g_strv_length ((char **) fields), ==, G_N_ELEMENTS (row));
      for (guint i = 0; i < G_N_ELEMENTS (row); i++)
        g_assert_cmpstr (hd_csv_unguard (fields[i]), ==, row[i]);
    }
  assert_end (r);
}

/* ---------------------------------------------------------------------------------------- */
/* Export and import of requests                                                             */

#define HEADER HD_CSV_REQUESTS_HEADER "\r\n"

static HdDatabase *
open_db (const char *name)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  HdDatabase *db;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  path = g_build_filename (g_get_user_data_dir (), name, NULL);
  db = hd_database_open (path, &error);
  g_assert_no_error (error);
  return db;
}

static gint64
count_rows (HdDatabase *db,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  sqlite3_stmt *stmt;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (hd_database_get_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

/* Unix seconds of a local time in Yakutsk (UTC+9, no summer time) */
static gint64
yakutsk (int y, int mo, int d, int h, int mi)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (y, mo, d, h, mi, 0);
  return g_date_time_to_unix (dt) - 9 * 3600;
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

static HdRequest *
new_request (gint64      requester_id,
             gint64      received_at,
             int         channel,
             int         topic,
             const char *summary)
{
  HdRequest *r = hd_request_new ();

  hd_request_set_requester_id (r, requester_id);
  hd_request_set_received_at (r, received_at);
  hd_request_set_channel (r, channel);
  hd_request_set_topic (r, topic);
  hd_request_set_summary (r, summary);
  return r;
}

static gint64
save_request (HdDatabase *db,
              HdRequest  *r)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (hd_request_store_create (db, r, &error));
  g_assert_no_error (error);
  return hd_request_get_id (r);
}

/* A journal with every awkward thing the format must carry. */
static void
fill_journal (HdDatabase *db)
{
  gint64 elkina = add_person (db, "Ёлкина Анна-Мария", HD_REQUESTER_PARENT, NULL);
  gint64 teacher = add_person (db, "=Петров; \"Учитель\"", HD_REQUESTER_STAFF, "+7 914 555-12-34");
  gint64 student = add_person (db, "Сидоров Ваня, 7Б", HD_REQUESTER_STUDENT, NULL);
  g_autoptr(HdRequest) a = NULL;
  g_autoptr(HdRequest) b = NULL;
  g_autoptr(HdRequest) c = NULL;
  g_autoptr(HdRequest) d = NULL;
  g_autoptr(HdRequest) e = NULL;
  g_autoptr(HdRequest) f = NULL;

  a = new_request (elkina, yakutsk (2026, 9, 1, 9, 15), HD_CHANNEL_PHONE, HD_TOPIC_GRADES_CURRENT,
                   "Не видно оценок «за четверть»; срочно");
  hd_request_set_description (a, "Ребёнок 5\"А\" класса;\nоценки пропали\r\nс 1 сентября.\n=SUM(A1)");
  save_request (db, a);

  b = new_request (teacher, yakutsk (2026, 9, 2, 14, 0), HD_CHANNEL_IN_PERSON, HD_TOPIC_ACCESS,
                   "=HYPERLINK(\"http://evil\")");
  hd_request_set_status (b, HD_STATUS_ESCALATED);
  hd_request_set_vendor_ticket (b, "-ДР-12345");
  save_request (db, b);

  c = new_request (student, yakutsk (2026, 9, 3, 8, 5), HD_CHANNEL_VOICEMAIL, HD_TOPIC_OTHER,
                   "-");
  hd_request_set_callback_phone (c, "8 914 555-12-34");
  hd_request_set_description (c, "@всем\t+вопрос");
  hd_request_set_status (c, HD_STATUS_REJECTED);
  hd_request_set_rejection_reason (c, HD_REJECTION_INSUFFICIENT_INFO);
  save_request (db, c);

  d = new_request (elkina, yakutsk (2026, 9, 4, 23, 59), HD_CHANNEL_CLASS_TEACHER, HD_TOPIC_SCHEDULE,
                   "+ расписание на субботу");
  hd_request_set_relayed_by_id (d, teacher);
  hd_request_set_status (d, HD_STATUS_RESOLVED);
  hd_request_set_first_response_at (d, yakutsk (2026, 9, 5, 8, 0));
  hd_request_set_resolved_at (d, yakutsk (2026, 9, 7, 16, 30));
  hd_request_set_resolution (d, "Ответ дан: \"\"\"кавычки\"\"\"; ёлки-палки");
  save_request (db, d);

  e = new_request (teacher, yakutsk (2026, 9, 5, 0, 0), HD_CHANNEL_PORTAL_CALL, HD_TOPIC_LESSONS,
                   "'=уже с апострофом");
  hd_request_set_status (e, HD_STATUS_WAITING_INFO);
  /* (a leading CR or tab is stripped by the store; the writer tests cover those) */
  hd_request_set_description (e, "строка\rвторая");
  save_request (db, e);

  f = new_request (student, yakutsk (2026, 9, 6, 12, 0), HD_CHANNEL_EMAIL, HD_TOPIC_ATTENDANCE,
                   "Пропуски «Н»");
  save_request (db, f);
}

static GBytes *
export_all (HdDatabase *db,
            guint       expected_rows)
{
  g_autoptr(GError) error = NULL;
  guint n = 0;
  GBytes *bytes = hd_csv_requests_export (db, NULL, NULL, NULL, NULL, NULL, &n, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  g_assert_cmpuint (n, ==, expected_rows);
  return bytes;
}

static void
test_export_format (void)
{
  g_autoptr(HdDatabase) db = open_db ("export.db");
  g_autoptr(GBytes) bytes = NULL;
  const char *data;
  gsize len;

  fill_journal (db);
  bytes = export_all (db, 6);
  data = g_bytes_get_data (bytes, &len);

  /* BOM, the header exactly, CRLF */
  g_assert_true (g_str_has_prefix (data, "\xEF\xBB\xBF" HEADER));
  /* the first request: local time in Yakutsk, keys, a quoted field with ; and a quoted
   * description with quotes doubled and line breaks kept */
  g_assert_nonnull (strstr (data, "\r\n1;2026-09-01 09:15;Ёлкина Анна-Мария;parent;phone;grades_current;"
                                  "\"Не видно оценок «за четверть»; срочно\";"
                                  "\"Ребёнок 5\"\"А\"\" класса;\nоценки пропали\r\nс 1 сентября.\n=SUM(A1)\";"
                                  "new;;;;;\r\n"));
  /* formulas defused: the name, the summary, the ticket */
  g_assert_nonnull (strstr (data, "\r\n2;2026-09-02 14:00;\"'=Петров; \"\"Учитель\"\"\";staff;in_person;access;"
                                  "\"'=HYPERLINK(\"\"http://evil\"\")\";;escalated;;'-ДР-12345;"));
  g_assert_nonnull (strstr (data, ";'-;'@всем\t+вопрос;rejected;insufficient_info;;"));
  /* a field that starts with apostrophes and a formula character gets one more */
  g_assert_nonnull (strstr (data, ";''=уже с апострофом;\"строка\rвторая\";waiting_info;"));
  g_assert_nonnull (strstr (data, ";2026-09-05 08:00;2026-09-07 16:30;"
                                  "\"Ответ дан: \"\"\"\"\"\"кавычки\"\"\"\"\"\"; ёлки-палки\"\r\n"));
  g_assert_true (g_str_has_suffix (data, "\r\n"));
}

static void
test_export_period (void)
{
  g_autoptr(HdDatabase) db = open_db ("period.db");
  gint64 p = add_person (db, "Иванов", HD_REQUESTER_STAFF, NULL);
  g_autoptr(HdRequest) a = new_request (p, yakutsk (2026, 9, 1, 23, 59), HD_CHANNEL_PHONE, HD_TOPIC_OTHER, "a");
  g_autoptr(HdRequest) b = new_request (p, yakutsk (2026, 9, 2, 0, 0), HD_CHANNEL_PHONE, HD_TOPIC_OTHER, "b");
  g_autoptr(HdRequest) c = new_request (p, yakutsk (2026, 9, 2, 23, 59), HD_CHANNEL_PHONE, HD_TOPIC_OTHER, "c");
  g_autoptr(HdRequest) d = new_request (p, yakutsk (2026, 9, 3, 0, 0), HD_CHANNEL_PHONE, HD_TOPIC_OTHER, "d");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  GDate from, to;
  guint n = 0;
  const char *data;

  save_request (db, a);
  save_request (db, b);
  save_request (db, c);
  save_request (db, d);

  /* one local day, inclusive: b and c (00:00 and 23:59 in Yakutsk, 15:00 and 14:59 UTC) */
  g_date_set_dmy (&from, 2, 9, 2026);
  g_date_set_dmy (&to, 2, 9, 2026);
  bytes = hd_csv_requests_export (db, &from, &to, NULL, NULL, NULL, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  data = g_bytes_get_data (bytes, NULL);
  g_assert_nonnull (strstr (data, "\r\n2;2026-09-02 00:00;"));
  g_assert_nonnull (strstr (data, "\r\n3;2026-09-02 23:59;"));
  g_clear_pointer (&bytes, g_bytes_unref);

  /* from only, to only */
  bytes = hd_csv_requests_export (db, &from, NULL, NULL, NULL, NULL, &n, &error);
  g_assert_cmpuint (n, ==, 3);
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = hd_csv_requests_export (db, NULL, &to, NULL, NULL, NULL, &n, &error);
  g_assert_cmpuint (n, ==, 3);
  g_clear_pointer (&bytes, g_bytes_unref);

  /* another time zone moves the days: in Moscow (UTC+3) a is 2026-09-01 17:59 */
  g_assert_true (hd_database_set_setting (db, "time-zone", "Europe/Moscow", &error));
  bytes = hd_csv_requests_export (db, NULL, NULL, NULL, NULL, NULL, &n, &error);
  g_assert_nonnull (strstr (g_bytes_get_data (bytes, NULL), "\r\n1;2026-09-01 17:59;"));
}

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  double *last = user_data;

  g_assert_cmpfloat (fraction, >=, *last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  *last = fraction;
}

static void
test_round_trip (void)
{
  g_autoptr(HdDatabase) a = open_db ("a.db");
  g_autoptr(HdDatabase) b = open_db ("b.db");
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(HdCsvImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  double last = 0.0;

  fill_journal (a);
  first = export_all (a, 6);

  g_assert_true (hd_csv_requests_import (b, first, HD_CSV_IMPORT_NONE, NULL, progress_cb, &last,
                                         &report, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (last, ==, 1.0);
  g_assert_cmpuint (report->n_rows, ==, 6);
  g_assert_cmpuint (report->n_imported, ==, 6);
  g_assert_cmpuint (report->n_skipped, ==, 0);
  g_assert_cmpuint (report->n_people_created, ==, 3);
  g_assert_cmpuint (report->renumbered->len, ==, 0);
  g_assert_cmpuint (report->problems->len, ==, 0);
  g_assert_cmpint (count_rows (b, "requests"), ==, 6);
  g_assert_cmpint (count_rows (b, "people"), ==, 3);
  /* each request has its 'created' history row, and the search finds imported text */
  g_assert_cmpint (count_rows (b, "request_events"), ==, 6);
  {
    g_autoptr(GArray) ids = hd_request_store_search_ids (b, "елкина", 10, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (ids->len, ==, 2);
  }

  second = export_all (b, 6);
  if (!g_bytes_equal (first, second))
    g_error ("not byte-identical:\n%s\n---\n%s", (char *) g_bytes_get_data (first, NULL),
             (char *) g_bytes_get_data (second, NULL));
  g_clear_pointer (&report, hd_csv_import_report_free);

  /* the same file again: everything is already there */
  g_assert_true (hd_csv_requests_import (b, first, HD_CSV_IMPORT_NONE, NULL, NULL, NULL, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_imported, ==, 0);
  g_assert_cmpuint (report->n_skipped, ==, 6);
  g_assert_cmpint (count_rows (b, "requests"), ==, 6);
  g_assert_cmpint (count_rows (b, "people"), ==, 3);
}

static gboolean
import_text (HdDatabase         *db,
             const char         *text,
             gssize              len,
             HdCsvImportReport **report,
             GError            **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, len < 0 ? strlen (text) : (gsize) len);
  return hd_csv_requests_import (db, bytes, HD_CSV_IMPORT_NONE, NULL, NULL, NULL, report, error);
}

static void
test_import_numbers (void)
{
  g_autoptr(HdDatabase) db = open_db ("numbers.db");
  g_autoptr(HdCsvImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HdRequest) r = NULL;
  const char *text =
    HEADER
    "100;2026-09-01 10:00;Иванов;staff;phone;other;сотый;;new;;;;;\r\n"        /* 2: free: kept */
    ";2026-09-01 11:00;Иванов;staff;phone;other;без номера;;new;;;;;\r\n"     /* 3: a new number */
    "5;2026-09-01 12:00;иванов;staff;phone;other;пятый;;new;;;;;\r\n"         /* 4: kept */
    "5;2026-09-01 13:00;Петров;parent;phone;other;второй пятый;;new;;;;;\r\n"  /* 5: twice: new */
    "101;2026-09-01 14:00;Петров;parent;phone;other;101-й;;new;;;;;\r\n";     /* 6: kept */

  g_assert_true (import_text (db, text, -1, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_imported, ==, 5);
  /* «Иванов» and «иванов» are one staff member */
  g_assert_cmpuint (report->n_people_created, ==, 2);
  g_assert_cmpint (count_rows (db, "people"), ==, 2);

  /* rows that keep their number go first, so 101 stays free for line 6; the others follow */
  r = hd_request_store_get (db, 100, &error);
  g_assert_cmpstr (hd_request_get_summary (r), ==, "сотый");
  g_clear_object (&r);
  r = hd_request_store_get (db, 101, &error);
  g_assert_cmpstr (hd_request_get_summary (r), ==, "101-й");
  g_clear_object (&r);
  r = hd_request_store_get (db, 5, &error);
  g_assert_cmpstr (hd_request_get_summary (r), ==, "пятый");
  g_clear_object (&r);
  r = hd_request_store_get (db, 102, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hd_request_get_summary (r), ==, "без номера");
  g_clear_object (&r);
  r = hd_request_store_get (db, 103, &error);
  g_assert_cmpstr (hd_request_get_summary (r), ==, "второй пятый");

  /* only the row that asked for a taken number is reported */
  g_assert_cmpuint (report->renumbered->len, ==, 1);
  g_assert_cmpuint (g_array_index (report->renumbered, HdCsvRenumbered, 0).line, ==, 5);
  g_assert_cmpint (g_array_index (report->renumbered, HdCsvRenumbered, 0).number, ==, 5);
  g_assert_cmpint (g_array_index (report->renumbered, HdCsvRenumbered, 0).new_number, ==, 103);
}

static void
test_import_store_rules (void)
{
  g_autoptr(HdDatabase) db = open_db ("store-rules.db");
  g_autoptr(HdCsvImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HdRequest) taken = hd_request_new ();
  g_autoptr(HdRequest) r = NULL;
  const char *text =
    HEADER
    /* a file has no column for the relaying class teacher nor the number to call back */
    "7;2026-09-01 10:00;Сидорова Алла;parent;class_teacher;attendance;Пропуски сына;;new;;;;;\r\n"
    "8;2026-09-01 11:00;Сидорова Алла;parent;voicemail;grades_current;Оценка за диктант;;resolved;;;;;Исправлено\r\n";

  g_assert_true (import_text (db, text, -1, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_imported, ==, 2);

  /* the store wrote them: search text (by the requester's name and a word form), history,
   * and the moments that follow from the status */
  {
    g_autoptr(GArray) ids = hd_request_store_search_ids (db, "сидоров", 10, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (ids->len, ==, 2);
    g_clear_pointer (&ids, g_array_unref);
    ids = hd_request_store_search_ids (db, "оценки", 10, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (ids->len, ==, 1);
    g_assert_cmpint (g_array_index (ids, gint64, 0), ==, 8);
  }
  g_assert_cmpint (count_rows (db, "request_events"), ==, 2);
  r = hd_request_store_get (db, 8, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hd_request_get_resolved_at (r), >, 0);
  g_assert_cmpint (hd_request_get_first_response_at (r), >, 0);

  /* a number already taken is refused by the store, and nothing is written */
  hd_request_set_requester_id (taken, hd_request_get_requester_id (r));
  hd_request_set_channel (taken, HD_CHANNEL_PHONE);
  hd_request_set_topic (taken, HD_TOPIC_OTHER);
  hd_request_set_summary (taken, "Занятый номер");
  hd_request_set_received_at (taken, hd_request_get_received_at (r));
  g_assert_false (hd_request_store_import (db, taken, 7, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (hd_request_get_id (taken), ==, 0);
  g_assert_cmpint (count_rows (db, "requests"), ==, 2);
  g_assert_cmpint (count_rows (db, "request_events"), ==, 2);
}

static void
test_import_labels (void)
{
  g_autoptr(HdDatabase) db = open_db ("labels.db");
  g_autoptr(HdCsvImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HdRequest) r = NULL;
  /* Russian labels in any case, the date as Excel writes it, LF only, no BOM, columns in
   * another order, the optional ones left out, and no line break at the end */
  const char *text =
    "Summary;Status;Received_At;Requester;Requester_Kind;Channel;Topic;Resolution\n"
    "Пропуски;РЕШЕНО;01.09.2026 9:05;Смирнова;родитель;Через классного руководителя;"
    "посещаемость;Исправлено";

  g_assert_true (import_text (db, text, -1, &report, &error));
  g_assert_no_error (error);
  r = hd_request_store_get (db, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hd_request_get_status (r), ==, HD_STATUS_RESOLVED);
  g_assert_cmpint (hd_request_get_requester_kind (r), ==, HD_REQUESTER_PARENT);
  g_assert_cmpint (hd_request_get_channel (r), ==, HD_CHANNEL_CLASS_TEACHER);
  g_assert_cmpint (hd_request_get_topic (r), ==, HD_TOPIC_ATTENDANCE);
  g_assert_cmpint (hd_request_get_received_at (r), ==, yakutsk (2026, 9, 1, 9, 5));
  /* the closing moment follows from the status, as in the editor */
  g_assert_cmpint (hd_request_get_resolved_at (r), >, 0);
}

static void
test_import_comma (void)
{
  g_autoptr(HdDatabase) db = open_db ("comma.db");
  g_autoptr(HdCsvImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *header = g_strdelimit (g_strdup (HD_CSV_REQUESTS_HEADER), ";", ',');
  g_autofree char *good = g_strconcat (header, "\r\n",
                                       "7,2026-09-01 10:00,\"Смирнова, Анна\",parent,email,schedule,"
                                       "\"Расписание; 7Б\",,new,,,,,\r\n", NULL);
  g_autofree char *bad = g_strconcat (header, "\r\n",
                                      "7,2026-09-01 10:00,Смирнова,parent,email,schedule,a,,new,,,,,\r\n"
                                      "8;2026-09-01 10:00;Смирнова;parent;email;schedule;b;;new;;;;;\r\n",
                                      NULL);
  g_autoptr(HdRequest) r = NULL;

  /* a ',' file with a ';' file's row on line 3: one field instead of 14, nothing imported */
  g_assert_false (import_text (db, bad, -1, &report, &error));
  g_assert_error (error, HD_ERROR, HD_ERROR_PARSE);
  g_assert_cmpuint (report->problems->len, ==, 1);
  g_assert_cmpuint (((HdCsvProblem *) report->problems->pdata[0])->line, ==, 3);
  g_assert_cmpint (count_rows (db, "requests"), ==, 0);
  g_assert_cmpint (count_rows (db, "people"), ==, 0);
  g_clear_error (&error);
  g_clear_pointer (&report, hd_csv_import_report_free);

  g_assert_true (import_text (db, good, -1, &report, &error));
  g_assert_no_error (error);
  r = hd_request_store_get (db, 7, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hd_request_get_requester_name (r), ==, "Смирнова, Анна");
  g_assert_cmpstr (hd_request_get_summary (r), ==, "Расписание; 7Б");
}

/* Checks that the import failed with a problem at each of @lines (0-terminated), with
 * @columns (NULL for none) where given, and that nothing was written. */
static void
assert_import_fails (const char  *text,
                     gssize       len,
                     const guint *lines,
                     const char **columns)
{
  g_autoptr(HdDatabase) db = open_db ("errors.db");
  g_autoptr(HdCsvImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  gint64 requests = count_rows (db, "requests");
  gint64 people = count_rows (db, "people");
  gint64 events = count_rows (db, "request_events");
  guint n = 0;

  g_assert_false (import_text (db, text, len, &report, &error));
  g_assert_error (error, HD_ERROR, HD_ERROR_PARSE);
  g_assert_nonnull (report);
  g_assert_cmpuint (report->n_imported, ==, 0);

  for (guint i = 0; i < report->problems->len; i++)
    {
      HdCsvProblem *p = report->problems->pdata[i];

      g_test_message ("line %u, %s: %s", p->line, p->column, p->message);
      g_assert_cmpuint (lines[n], !=, 0);
      g_assert_cmpuint (p->line, ==, lines[n]);
      if (columns != NULL)
        g_assert_cmpstr (p->column, ==, columns[n]);
      g_assert_true (g_utf8_validate (p->message, -1, NULL));
      g_assert_cmpuint (strlen (p->message), <, 1000);
      n++;
    }
  g_assert_cmpuint (lines[n], ==, 0);

  g_assert_cmpint (count_rows (db, "requests"), ==, requests);
  g_assert_cmpint (count_rows (db, "people"), ==, people);
  g_assert_cmpint (count_rows (db, "request_events"), ==, events);
}

static void
test_import_errors (void)
{
  GString *text = g_string_new ("\xEF\xBB\xBF" HEADER);
  const guint lines[] = { 3, 4, 7, 8, 9, 10, 11, 12, 13, 0 };
  const char *columns[] = { "channel", "received_at", NULL, NULL, "description", "resolution",
                            "first_response_at", "requester", NULL };

  /* 2 */ g_string_append (text, "1;2026-09-01 10:00;Иванов;staff;phone;other;хорошая;;new;;;;;\r\n");
  /* 3 */ g_string_append (text, "2;2026-09-01 10:00;Иванов;staff;факс;other;плохой канал;;new;;;;;\r\n");
  /* 4 */ g_string_append (text, "3;2026-13-01 10:00;Иванов;staff;phone;other;плохая дата;;new;;;;;\r\n");
  /* 5-6 */ g_string_append (text, "4;2026-09-01 10:00;Иванов;staff;phone;other;хорошая;\"две\r\nстроки\";new;;;;;\r\n");
  /* 7 */ g_string_append (text, "5;2026-09-01 10:00;Иванов;staff;phone;other;\xD0\x28;;new;;;;;\r\n");
  /* 8 */ g_string_append (text, "6;2026-09-01 10:00;Иванов;staff;phone;other;мало полей\r\n");
  /* 9 */ g_string_append (text, "7;2026-09-01 10:00;Иванов;staff;phone;other;мегабайт;\"");
  for (guint i = 0; i < 1024 * 1024; i++)
    g_string_append_c (text, "ab;\"\n"[i % 3]);
  g_string_append (text, "\";new;;;;;\r\n");
  /* 10 */ g_string_append (text, "8;2026-09-01 10:00;Иванов;staff;phone;other;без решения;;resolved;;;;;\r\n");
  /* 11 */ g_string_append (text, "9;2026-09-01 10:00;Иванов;staff;phone;other;ответ раньше;;in_progress;;;2026-08-31 10:00;;\r\n");
  /* 12 */ g_string_append (text, "10;2026-09-01 10:00;;staff;phone;other;без заявителя;;new;;;;;\r\n");
  /* 13 */ g_string_append (text, "11;2026-09-01 10:00;Иванов;staff;phone;other;\"не закрыта;;new;;;;;\r\n"
                                  "12;2026-09-01 10:00;Иванов;staff;phone;other;хорошая;;new;;;;;\r\n");

  assert_import_fails (text->str, text->len, lines, columns);
  g_string_free (text, TRUE);
}

static void
test_import_bad_files (void)
{
  const guint line_1[] = { 1, 0 };
  const guint lines_missing[] = { 1, 0 };
  const char *missing_topic[] = { "topic" };
  g_autofree char *no_topic = g_strconcat ("number;received_at;requester;requester_kind;channel;"
                                           "summary;status\r\n"
                                           "1;2026-09-01 10:00;Иванов;staff;phone;тема?;new\r\n", NULL);
  const guint unknown_lines[] = { 1, 0 };

  assert_import_fails ("", 0, line_1, NULL);
  assert_import_fails ("\xEF\xBB\xBF", -1, line_1, NULL);
  assert_import_fails ("\r\n\r\n", -1, line_1, NULL);
  assert_import_fails (no_topic, -1, lines_missing, missing_topic);
  assert_import_fails (HD_CSV_REQUESTS_HEADER ";descripton\r\n", -1, unknown_lines, NULL);
  /* a header that never closes its quote */
  assert_import_fails ("\"number;received_at\r\n1;2\r\n", -1, line_1, NULL);
}

static void
test_import_header_only (void)
{
  const char *files[] = { HD_CSV_REQUESTS_HEADER, ("\xEF\xBB\xBF" HEADER), (HEADER "\r\n\r\n") };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(HdDatabase) db = open_db ("header.db");
      g_autoptr(HdCsvImportReport) report = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_true (import_text (db, files[i], -1, &report, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (report->n_rows, ==, 0);
      g_assert_cmpuint (report->n_imported, ==, 0);
      g_assert_cmpint (count_rows (db, "requests"), ==, 0);
    }
}

static void
test_import_dry_run_and_cancel (void)
{
  g_autoptr(HdDatabase) db = open_db ("dry.db");
  g_autoptr(HdCsvImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  const char *text = HEADER "1;2026-09-01 10:00;Иванов;staff;phone;other;a;;new;;;;;\r\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  g_assert_true (hd_csv_requests_import (db, bytes, HD_CSV_IMPORT_DRY_RUN, NULL, NULL, NULL, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_imported, ==, 1);
  g_assert_cmpuint (report->n_people_created, ==, 1);
  g_assert_cmpint (count_rows (db, "requests"), ==, 0);
  g_assert_cmpint (count_rows (db, "people"), ==, 0);
  g_clear_pointer (&report, hd_csv_import_report_free);

  g_cancellable_cancel (cancellable);
  g_assert_false (hd_csv_requests_import (db, bytes, HD_CSV_IMPORT_NONE, cancellable, NULL, NULL, &report, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (count_rows (db, "requests"), ==, 0);
}

typedef struct {
  HdDatabase *main_db;
  GBytes     *bytes;
  gboolean    ok;
  guint       n_imported;
} ThreadData;

static gpointer
import_thread (gpointer user_data)
{
  ThreadData *td = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HdDatabase) db = hd_database_open_connection (td->main_db, &error);
  g_autoptr(HdCsvImportReport) report = NULL;

  g_assert_no_error (error);
  td->ok = hd_csv_requests_import (db, td->bytes, HD_CSV_IMPORT_NONE, NULL, NULL, NULL, &report, &error);
  g_assert_no_error (error);
  td->n_imported = report->n_imported;
  return NULL;
}

static void
test_files_and_thread (void)
{
  g_autoptr(HdDatabase) a = open_db ("files-a.db");
  g_autoptr(HdDatabase) b = open_db ("files-b.db");
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "journal.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(HdCsvImportReport) report = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) again = NULL;
  ThreadData td = { 0 };
  GThread *thread;
  guint n = 0;
  gsize len;

  fill_journal (a);
  g_assert_true (hd_csv_requests_export_file (a, file, NULL, NULL, NULL, NULL, NULL, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 6);

  /* a worker thread with its own connection, as the UI runs it */
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  td.main_db = b;
  td.bytes = g_bytes_new (contents, len);
  thread = g_thread_new ("import", import_thread, &td);
  g_thread_join (thread);
  g_assert_true (td.ok);
  g_assert_cmpuint (td.n_imported, ==, 6);
  again = export_all (b, 6);
  g_assert_true (g_bytes_equal (td.bytes, again));
  g_bytes_unref (td.bytes);

  /* the file variant, on a file that is not there */
  g_clear_object (&file);
  file = g_file_new_for_path ("/nonexistent/journal.csv");
  g_assert_false (hd_csv_requests_import_file (b, file, HD_CSV_IMPORT_NONE, NULL, NULL, NULL, &report, &error));
  g_assert_error (error, HD_ERROR, HD_ERROR_IO);
}

typedef struct {
  GMainLoop         *loop;
  gboolean           ok;
  guint              n_rows;
  HdCsvImportReport *report;
  GError            *error;
  guint              n_progress;
  double             last;
} AsyncData;

static void
async_progress_cb (double   fraction,
                   gpointer user_data)
{
  AsyncData *ad = user_data;

  /* in the thread that started the work */
  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  g_assert_cmpfloat (fraction, >=, ad->last);
  ad->last = fraction;
  ad->n_progress++;
}

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  AsyncData *ad = user_data;

  ad->ok = hd_csv_requests_export_finish (HD_DATABASE (source), result, &ad->n_rows, &ad->error);
  g_main_loop_quit (ad->loop);
}

static void
imported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  AsyncData *ad = user_data;

  ad->ok = hd_csv_requests_import_finish (HD_DATABASE (source), result, &ad->report, &ad->error);
  g_main_loop_quit (ad->loop);
}

static void
test_async (void)
{
  g_autoptr(HdDatabase) a = open_db ("async-a.db");
  g_autoptr(HdDatabase) b = open_db ("async-b.db");
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "async.csv", NULL);
  g_autofree char *bad_path = g_build_filename (g_get_user_data_dir (), "bad.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  AsyncData ad = { loop };
  GDate from;

  fill_journal (a);
  /* from 2026-09-03: requests 3 to 6 */
  g_date_set_dmy (&from, 3, 9, 2026);
  hd_csv_requests_export_async (a, file, &from, NULL, NULL, async_progress_cb, &ad, exported_cb, &ad);
  g_main_loop_run (loop);
  g_assert_no_error (ad.error);
  g_assert_true (ad.ok);
  g_assert_cmpuint (ad.n_rows, ==, 4);
  g_assert_cmpuint (ad.n_progress, >, 0);

  ad = (AsyncData) { loop };
  hd_csv_requests_import_async (b, file, HD_CSV_IMPORT_NONE, NULL, async_progress_cb, &ad,
                                imported_cb, &ad);
  g_main_loop_run (loop);
  g_assert_no_error (ad.error);
  g_assert_true (ad.ok);
  g_assert_cmpuint (ad.report->n_imported, ==, 4);
  g_assert_cmpint (count_rows (b, "requests"), ==, 4);
  g_clear_pointer (&ad.report, hd_csv_import_report_free);

  /* a bad file: the report with the line comes back with the error */
  g_assert_true (g_file_set_contents (bad_path, HEADER "1;вчера;Иванов;staff;phone;other;a;;new;;;;;\r\n",
                                      -1, NULL));
  ad = (AsyncData) { loop };
  hd_csv_requests_import_async (b, bad, HD_CSV_IMPORT_NONE, NULL, NULL, NULL, imported_cb, &ad);
  g_main_loop_run (loop);
  g_assert_false (ad.ok);
  g_assert_error (ad.error, HD_ERROR, HD_ERROR_PARSE);
  g_assert_cmpuint (ad.report->problems->len, ==, 1);
  g_assert_cmpuint (((HdCsvProblem *) ad.report->problems->pdata[0])->line, ==, 2);
  g_assert_cmpint (count_rows (b, "requests"), ==, 4);
  g_clear_pointer (&ad.report, hd_csv_import_report_free);
  g_clear_error (&ad.error);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/csv/reader/basic", test_reader_basic);
  g_test_add_func ("/csv/reader/comma", test_reader_comma);
  g_test_add_func ("/csv/reader/semicolon-preferred", test_reader_semicolon_preferred);
  g_test_add_func ("/csv/reader/quoted", test_reader_quoted);
  g_test_add_func ("/csv/reader/line-ends", test_reader_line_ends);
  g_test_add_func ("/csv/reader/trailing-delimiter", test_reader_trailing_delimiter);
  g_test_add_func ("/csv/reader/empty", test_reader_empty);
  g_test_add_func ("/csv/reader/header-only", test_reader_header_only);
  g_test_add_func ("/csv/reader/unclosed-quote", test_reader_unclosed_quote);
  g_test_add_func ("/csv/reader/bad-records-go-on", test_reader_bad_records_go_on);
  g_test_add_func ("/csv/reader/zero-byte", test_reader_zero_byte);
  g_test_add_func ("/csv/reader/big-fields", test_reader_big_fields);
  g_test_add_func ("/csv/writer/quoting", test_writer_quoting);
  g_test_add_func ("/csv/writer/guard", test_guard);
  g_test_add_func ("/csv/writer/round-trip", test_writer_reader_round_trip);

  g_test_add_func ("/csv/requests/export-format", test_export_format);
  g_test_add_func ("/csv/requests/export-period", test_export_period);
  g_test_add_func ("/csv/requests/round-trip", test_round_trip);
  g_test_add_func ("/csv/requests/import-numbers", test_import_numbers);
  g_test_add_func ("/csv/requests/import-store-rules", test_import_store_rules);
  g_test_add_func ("/csv/requests/import-labels", test_import_labels);
  g_test_add_func ("/csv/requests/import-comma", test_import_comma);
  g_test_add_func ("/csv/requests/import-errors", test_import_errors);
  g_test_add_func ("/csv/requests/import-bad-files", test_import_bad_files);
  g_test_add_func ("/csv/requests/import-header-only", test_import_header_only);
  g_test_add_func ("/csv/requests/dry-run-and-cancel", test_import_dry_run_and_cancel);
  g_test_add_func ("/csv/requests/files-and-thread", test_files_and_thread);
  g_test_add_func ("/csv/requests/async", test_async);

  return g_test_run ();
}
