/* hd-csv-requests.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Export writes the journal as the CSV a Russian Excel opens (hd-csv.c: UTF-8 with BOM, ';',
 * CRLF, formulas defused). Import is all or nothing, in three passes over the bytes (reading is
 * cheap, and nothing but a byte per row is kept, so a file of a million rows does not need a
 * million objects):
 *   1. read and validate every row with the stores' own rules, collect every problem, decide
 *      each row's number; if there is a problem, stop: nothing is written;
 *   2. insert the rows that keep their number;
 *   3. insert the rows that get a new one (after 2, so a free number given later in the file
 *      is never taken by a renumbered row).
 * All three run in one transaction, so what was validated is what is written.
 *
 * The user's file is only ever read or written as bytes (GFile): inside Flatpak it is a
 * document-portal path, where SQLite must not open anything.
 */
#define G_LOG_DOMAIN "hd-csv-requests"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hd-csv.h"
#include "hd-csv-requests.h"
#include "hd-enums.h"
#include "hd-error.h"
#include "hd-person-store.h"
#include "hd-record-private.h"
#include "hd-request-store.h"
#include "hd-terms.h"
#include "hd-text.h"

typedef enum {
  COL_NUMBER,
  COL_RECEIVED_AT,
  COL_REQUESTER,
  COL_REQUESTER_KIND,
  COL_CHANNEL,
  COL_TOPIC,
  COL_SUMMARY,
  COL_DESCRIPTION,
  COL_STATUS,
  COL_REJECTION_REASON,
  COL_VENDOR_TICKET,
  COL_FIRST_RESPONSE_AT,
  COL_RESOLVED_AT,
  COL_RESOLUTION,
  N_COLS
} Column;

/* name: the header's word; field: the store's field (hd_error_get_field); required: an import
 * refuses a file without the column. */
static const struct {
  const char *name;
  const char *field;
  gboolean    required;
} cols[N_COLS] = {
  [COL_NUMBER] = { "number", "number", FALSE },
  [COL_RECEIVED_AT] = { "received_at", "received_at", TRUE },
  [COL_REQUESTER] = { "requester", "requester_id", TRUE },
  [COL_REQUESTER_KIND] = { "requester_kind", "requester_kind", TRUE },
  [COL_CHANNEL] = { "channel", "channel", TRUE },
  [COL_TOPIC] = { "topic", "topic", TRUE },
  [COL_SUMMARY] = { "summary", "summary", TRUE },
  [COL_DESCRIPTION] = { "description", "description", FALSE },
  [COL_STATUS] = { "status", "status", TRUE },
  [COL_REJECTION_REASON] = { "rejection_reason", "rejection_reason", FALSE },
  [COL_VENDOR_TICKET] = { "vendor_ticket", "vendor_ticket", FALSE },
  [COL_FIRST_RESPONSE_AT] = { "first_response_at", "first_response_at", FALSE },
  [COL_RESOLVED_AT] = { "resolved_at", "resolved_at", FALSE },
  [COL_RESOLUTION] = { "resolution", "resolution", FALSE },
};

/* How often the long loops look at the cancellable and report progress */
#define CHECK_EVERY 256

typedef enum {
  PLAN_KEEP,   /* insert with the file's number */
  PLAN_NEW,    /* insert with a new number */
  PLAN_SKIP,   /* already in the journal */
} Plan;

typedef struct {
  gint64  id;          /* 0: to be created */
  char   *full_name;   /* the stored name (or the file's, for a new person) */
  int     kind;
} Person;

typedef struct {
  HdDatabase        *db;
  GTimeZone         *tz;
  GBytes            *bytes;
  GCancellable      *cancellable;
  HdCsvProgressFunc  progress;
  gpointer           progress_data;
  HdCsvImportReport *report;
  gint64             now;

  int                map[N_COLS];   /* the file's column of each known column, or -1 */
  GHashTable        *people;        /* "kind\037name key" → Person */
  GHashTable        *numbers;       /* numbers claimed by earlier rows of the file */
  GByteArray        *plans;         /* a Plan per row of data */
} Import;

typedef struct {
  gint64     number;
  Person    *person;
  HdRequest *request;
} Row;

static void
person_free (gpointer data)
{
  Person *p = data;

  g_free (p->full_name);
  g_free (p);
}

static void
row_clear (Row *row)
{
  g_clear_object (&row->request);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Row, row_clear)

static void
problem_free (gpointer data)
{
  HdCsvProblem *p = data;

  g_free (p->column);
  g_free (p->message);
  g_free (p);
}

/**
 * hd_csv_import_report_free:
 */
void
hd_csv_import_report_free (HdCsvImportReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->renumbered, g_array_unref);
  g_clear_pointer (&report->problems, g_ptr_array_unref);
  g_free (report);
}

static HdCsvImportReport *
report_new (void)
{
  HdCsvImportReport *report = g_new0 (HdCsvImportReport, 1);

  report->renumbered = g_array_new (FALSE, FALSE, sizeof (HdCsvRenumbered));
  report->problems = g_ptr_array_new_with_free_func (problem_free);
  return report;
}

static void
add_problem (HdCsvImportReport *report,
             guint              line,
             const char        *column,
             const char        *message)
{
  HdCsvProblem *p = g_new0 (HdCsvProblem, 1);

  p->line = line;
  p->column = g_strdup (column);
  p->message = g_strdup (message);
  g_ptr_array_add (report->problems, p);
}

static GTimeZone *
school_time_zone (HdDatabase *db)
{
  g_autofree char *name = hd_database_get_setting (db, HD_SETTING_TIME_ZONE,
                                                   HD_TERMS_DEFAULT_TIME_ZONE);
  GTimeZone *tz = g_time_zone_new_identifier (name);

  if (tz == NULL)
    tz = g_time_zone_new_identifier (HD_TERMS_DEFAULT_TIME_ZONE);
  if (tz == NULL)
    tz = g_time_zone_new_offset (9 * 60 * 60);  /* Yakutsk time without tzdata */
  return tz;
}

static void
report_progress (HdCsvProgressFunc progress,
                 gpointer          data,
                 double            fraction)
{
  if (progress != NULL)
    progress (CLAMP (fraction, 0.0, 1.0), data);
}

/* ---------------------------------------------------------------------------------------- */
/* Values                                                                                    */

static const char *
column_label (Column col)
{
  if (col == COL_NUMBER)
    return C_("request field", "Number");
  return hd_request_field_label (cols[col].field);
}

static char *
format_time (GTimeZone *tz,
             gint64     unix_seconds)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (unix_seconds == 0)
    return NULL;
  utc = g_date_time_new_from_unix_utc (unix_seconds);
  if (utc == NULL)
    return NULL;
  local = g_date_time_to_timezone (utc, tz);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

/* Reads from @min to @max ASCII digits. */
static gboolean
read_number (const char **p,
             guint        min,
             guint        max,
             int         *value)
{
  guint n = 0;

  *value = 0;
  while (n < max && g_ascii_isdigit ((*p)[0]))
    {
      *value = *value * 10 + ((*p)[0] - '0');
      (*p)++;
      n++;
    }
  return n >= min;
}

static gboolean
expect (const char **p,
        char         c)
{
  if ((*p)[0] != c)
    return FALSE;
  (*p)++;
  return TRUE;
}

/* "HH:MM" or "H:MM", then optionally ":SS", then the end */
static gboolean
read_clock (const char *p,
            int        *hour,
            int        *minute,
            int        *second)
{
  *second = 0;
  if (!read_number (&p, 1, 2, hour) || !expect (&p, ':') || !read_number (&p, 2, 2, minute))
    return FALSE;
  if (*p == ':' && (p++, !read_number (&p, 2, 2, second)))
    return FALSE;
  return *p == '\0' && *hour < 24 && *minute < 60 && *second < 60;
}

/* The export's "2026-09-01 14:30" (a 'T' or seconds allowed), or "01.09.2026 14:30", which
 * a Russian Excel writes when it saves the file again; in the school's time zone. */
static gboolean
parse_local_time (const char *text,
                  GTimeZone  *tz,
                  gint64     *out)
{
  g_autofree char *s = g_strstrip (g_strdup (text));
  g_autoptr(GDateTime) dt = NULL;
  const char *p = s;
  int year, month, day, hour, minute, second;

  if (read_number (&p, 4, 4, &year) && expect (&p, '-'))
    {
      if (!read_number (&p, 1, 2, &month) || !expect (&p, '-') || !read_number (&p, 1, 2, &day) ||
          !(expect (&p, ' ') || expect (&p, 'T')))
        return FALSE;
    }
  else
    {
      p = s;
      if (!read_number (&p, 1, 2, &day) || !expect (&p, '.') || !read_number (&p, 1, 2, &month) ||
          !expect (&p, '.') || !read_number (&p, 4, 4, &year) || !expect (&p, ' '))
        return FALSE;
    }
  while (*p == ' ')
    p++;
  if (!read_clock (p, &hour, &minute, &second))
    return FALSE;
  if (year < 1 || !g_date_valid_dmy (day, month, year))
    return FALSE;

  dt = g_date_time_new (tz, year, month, day, hour, minute, second);
  if (dt == NULL)
    return FALSE;
  *out = g_date_time_to_unix (dt);
  return TRUE;
}

static char *
enum_keys (HdEnumKind kind)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < hd_enum_count (kind); i++)
    {
      if (i > 0)
        g_string_append (s, ", ");
      g_string_append (s, hd_enum_key (kind, (int) i));
    }
  return g_string_free (s, FALSE);
}

/* A value quoted in a message: a 1 MB field must not make a 1 MB message. */
static char *
shorten (const char *text)
{
  const glong max = 40;
  g_autofree char *start = NULL;

  if (g_utf8_strlen (text, -1) <= max)
    return g_strdup (text);
  start = g_utf8_substring (text, 0, max);
  return g_strconcat (start, "…", NULL);
}

/* ---------------------------------------------------------------------------------------- */
/* Import                                                                                    */

static const char *
get_field (Import             *im,
           const char * const *fields,
           Column              col)
{
  if (im->map[col] < 0)
    return "";
  return hd_csv_unguard (fields[im->map[col]]);
}

static gboolean
read_header (Import             *im,
             const char * const *fields)
{
  gboolean ok = TRUE;

  for (guint c = 0; c < N_COLS; c++)
    im->map[c] = -1;

  for (int i = 0; fields[i] != NULL; i++)
    {
      g_autofree char *given = g_strstrip (g_strdup (hd_csv_unguard (fields[i])));
      g_autofree char *name = g_ascii_strdown (given, -1);
      int found = -1;

      for (guint c = 0; c < N_COLS; c++)
        if (g_str_equal (name, cols[c].name))
          found = (int) c;

      if (found < 0)
        {
          g_autofree char *shown = shorten (fields[i]);
          g_autofree char *message =
            /* Translators: %s is a column name from the file's header line */
            g_strdup_printf (_("The column “%s” is unknown. The header line must use the names "
                               "listed in the description of the format."), shown);
          add_problem (im->report, 1, NULL, message);
          ok = FALSE;
        }
      else if (im->map[found] >= 0)
        {
          g_autofree char *message =
            /* Translators: %s is a column name */
            g_strdup_printf (_("The column “%s” appears twice in the header line."),
                             cols[found].name);
          add_problem (im->report, 1, cols[found].name, message);
          ok = FALSE;
        }
      else
        im->map[found] = i;
    }

  for (guint c = 0; c < N_COLS; c++)
    if (cols[c].required && im->map[c] < 0)
      {
        g_autofree char *message =
          /* Translators: %s is a column name, e.g. topic */
          g_strdup_printf (_("The column “%s” is missing from the header line."), cols[c].name);
        add_problem (im->report, 1, cols[c].name, message);
        ok = FALSE;
      }

  return ok;
}

static Person *
find_person (Import      *im,
             const char  *name,
             int          kind,
             GError     **error)
{
  g_autofree char *name_key = hd_text_normalize (name);
  g_autofree char *key = g_strdup_printf ("%d\037%s", kind, name_key);
  g_autoptr(HdStmt) stmt = NULL;
  Person *person;
  int rc;

  person = g_hash_table_lookup (im->people, key);
  if (person != NULL)
    return person;

  stmt = hd_database_prepare (im->db,
                              "SELECT id, full_name FROM people"
                              " WHERE name_key = ?1 AND kind = ?2 AND archived = 0"
                              " ORDER BY id LIMIT 1",
                              error);
  if (stmt == NULL)
    return NULL;
  hd_stmt_bind_text (stmt, 1, name_key, FALSE);
  hd_stmt_bind_text (stmt, 2, hd_enum_key (HD_ENUM_REQUESTER_KIND, kind), FALSE);
  rc = hd_database_step (im->db, stmt, error);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return NULL;

  person = g_new0 (Person, 1);
  person->kind = kind;
  if (rc == SQLITE_ROW)
    {
      person->id = sqlite3_column_int64 (stmt, 0);
      person->full_name = g_strdup (hd_stmt_column_text (stmt, 1));
    }
  else
    person->full_name = hd_record_strip (name);
  g_hash_table_insert (im->people, g_steal_pointer (&key), person);
  return person;
}

static gboolean
parse_enum_column (Import             *im,
                   const char * const *fields,
                   Column              col,
                   HdEnumKind          kind,
                   gboolean            required,
                   guint               line,
                   int                *value)
{
  g_autofree char *text = g_strstrip (g_strdup (get_field (im, fields, col)));
  g_autofree char *keys = NULL;
  g_autofree char *message = NULL;

  *value = -1;
  if (*text == '\0' && !required)
    return TRUE;
  if (*text != '\0' && (*value = hd_enum_parse (kind, text)) >= 0)
    return TRUE;

  if (im->report == NULL)
    return FALSE;
  keys = enum_keys (kind);
  if (*text == '\0')
    /* Translators: %s is a field's name, then a list of the values, e.g. «phone, email» */
    message = g_strdup_printf (_("“%s” must be filled in with one of: %s."),
                               column_label (col), keys);
  else
    {
      g_autofree char *shown = shorten (text);

      /* Translators: a field's name, the value found, then the list of the values */
      message = g_strdup_printf (_("“%s” has an unknown value “%s”. Write one of: %s, or its "
                                   "name as the program shows it."),
                                 column_label (col), shown, keys);
    }
  add_problem (im->report, line, cols[col].name, message);
  return FALSE;
}

static gboolean
parse_time_column (Import             *im,
                   const char * const *fields,
                   Column              col,
                   guint               line,
                   gint64             *value)
{
  const char *text = get_field (im, fields, col);
  g_autofree char *shown = NULL;
  g_autofree char *message = NULL;

  *value = 0;
  if (hd_record_is_blank (text) || parse_local_time (text, im->tz, value))
    return TRUE;
  if (im->report == NULL)
    return FALSE;
  shown = shorten (text);
  /* Translators: a field's name and the value found; keep the example as it is */
  message = g_strdup_printf (_("“%s” has “%s”, which is not a date and time. Write it as "
                               "2026-09-01 14:30."),
                             column_label (col), shown);
  add_problem (im->report, line, cols[col].name, message);
  return FALSE;
}

/* A field already reported: the store's own message about it would say the same again. */
static void
mark_bad (GHashTable *bad,
          const char *field,
          gboolean   *ok)
{
  g_hash_table_add (bad, (gpointer) field);
  *ok = FALSE;
}

/* Reads a row into @row; with a report, every problem is added to it (phase 1), without one
 * the row is known to be good (phases 2 and 3). */
static gboolean
parse_row (Import             *im,
           const char * const *fields,
           guint               line,
           Row                *row,
           GError            **error)
{
  g_autoptr(GPtrArray) errors = NULL;
  g_autofree char *requester = g_strstrip (g_strdup (get_field (im, fields, COL_REQUESTER)));
  const char *number = get_field (im, fields, COL_NUMBER);
  g_autoptr(GHashTable) bad = g_hash_table_new (g_str_hash, g_str_equal);  /* fields reported */
  int kind, channel, topic, status, reason;
  gint64 received_at, first_response_at, resolved_at;
  gboolean ok = TRUE;

  row->number = 0;
  row->person = NULL;
  row->request = NULL;

  if (!hd_record_is_blank (number))
    {
      g_autofree char *digits = g_strstrip (g_strdup (number));
      guint64 n = 0;

      /* at most 15 digits: every number stays exact where a spreadsheet shows it */
      if (strlen (digits) > 15 || strspn (digits, "0123456789") != strlen (digits) ||
          !g_ascii_string_to_unsigned (digits, 10, 1, G_MAXINT64, &n, NULL))
        {
          if (im->report != NULL)
            {
              g_autofree char *shown = shorten (number);
              g_autofree char *message =
                /* Translators: %s is the field's name, then the value found */
                g_strdup_printf (_("“%s” has “%s”. Write a whole number greater than zero, or "
                                   "leave it empty to give the request a new number."),
                                 column_label (COL_NUMBER), shown);
              add_problem (im->report, line, cols[COL_NUMBER].name, message);
            }
          ok = FALSE;
        }
      row->number = (gint64) n;
    }

  if (!parse_time_column (im, fields, COL_RECEIVED_AT, line, &received_at))
    mark_bad (bad, "received_at", &ok);
  if (!parse_time_column (im, fields, COL_FIRST_RESPONSE_AT, line, &first_response_at))
    mark_bad (bad, "first_response_at", &ok);
  if (!parse_time_column (im, fields, COL_RESOLVED_AT, line, &resolved_at))
    mark_bad (bad, "resolved_at", &ok);
  if (!parse_enum_column (im, fields, COL_REQUESTER_KIND, HD_ENUM_REQUESTER_KIND, TRUE, line,
                          &kind))
    mark_bad (bad, "requester_kind", &ok);
  if (!parse_enum_column (im, fields, COL_CHANNEL, HD_ENUM_CHANNEL, TRUE, line, &channel))
    mark_bad (bad, "channel", &ok);
  if (!parse_enum_column (im, fields, COL_TOPIC, HD_ENUM_TOPIC, TRUE, line, &topic))
    mark_bad (bad, "topic", &ok);
  if (!parse_enum_column (im, fields, COL_STATUS, HD_ENUM_STATUS, TRUE, line, &status))
    mark_bad (bad, "status", &ok);
  if (!parse_enum_column (im, fields, COL_REJECTION_REASON, HD_ENUM_REJECTION_REASON, FALSE, line,
                          &reason))
    mark_bad (bad, "rejection_reason", &ok);

  /* The requester: a person of that name and category, or a new one. */
  g_hash_table_add (bad, (gpointer) "requester_id");
  if (*requester == '\0')
    {
      if (im->report != NULL)
        {
          g_autofree char *message =
            /* Translators: %s is the name of a field, e.g. «Заявитель» */
            g_strdup_printf (_("“%s” must be filled in."), column_label (COL_REQUESTER));
          add_problem (im->report, line, cols[COL_REQUESTER].name, message);
        }
      ok = FALSE;
    }
  else if (kind >= 0)
    {
      row->person = find_person (im, requester, kind, error);
      if (row->person == NULL)
        return FALSE;
      if (row->person->id == 0 && im->report != NULL)
        {
          g_autoptr(HdPerson) person = hd_person_new ();
          g_autoptr(GError) person_error = NULL;

          hd_person_set_full_name (person, requester);
          hd_person_set_kind (person, kind);
          if (!hd_person_store_validate (im->db, person, &person_error))
            {
              add_problem (im->report, line, cols[COL_REQUESTER].name, person_error->message);
              ok = FALSE;
            }
        }
    }

  row->request = hd_request_new ();
  hd_request_set_id (row->request, 0);
  hd_request_set_received_at (row->request, received_at);
  hd_request_set_requester_id (row->request, row->person != NULL ? row->person->id : 0);
  hd_request_set_requester_name (row->request, row->person != NULL ? row->person->full_name : NULL);
  hd_request_set_requester_kind (row->request, kind);
  hd_request_set_channel (row->request, channel);
  hd_request_set_topic (row->request, topic);
  hd_request_set_summary (row->request, get_field (im, fields, COL_SUMMARY));
  hd_request_set_description (row->request, get_field (im, fields, COL_DESCRIPTION));
  hd_request_set_status (row->request, status);
  hd_request_set_rejection_reason (row->request, reason);
  hd_request_set_vendor_ticket (row->request, get_field (im, fields, COL_VENDOR_TICKET));
  hd_request_set_first_response_at (row->request, first_response_at);
  hd_request_set_resolved_at (row->request, resolved_at);
  hd_request_set_resolution (row->request, get_field (im, fields, COL_RESOLUTION));

  if (im->report == NULL)
    return ok;

  /* The editor's rules, less those of fields the file cannot hold and those reported above. */
  errors = hd_request_store_validate_import (im->db, row->request, im->now);
  for (guint i = 0; i < errors->len; i++)
    {
      const GError *e = errors->pdata[i];
      const char *field = hd_error_get_field (e);
      const char *column = NULL;
      gboolean skip = FALSE;

      if (field != NULL)
        {
          skip |= g_hash_table_contains (bad, field);
          for (guint c = 0; c < N_COLS; c++)
            if (g_str_equal (field, cols[c].field))
              column = cols[c].name;
        }
      if (skip)
        continue;
      add_problem (im->report, line, column, e->message);
      ok = FALSE;
    }

  return ok;
}

/* Phase 1 for a good row: keep its number, give it a new one, or skip it as imported before. */
static gboolean
plan_row (Import  *im,
          Row     *row,
          guint    line,
          Plan    *plan,
          GError **error)
{
  g_autoptr(HdStmt) stmt = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *name_key = NULL;
  int rc;

  if (row->number == 0)
    {
      *plan = PLAN_NEW;
      return TRUE;
    }
  if (g_hash_table_contains (im->numbers, &row->number))
    {
      *plan = PLAN_NEW;
      return TRUE;
    }

  stmt = hd_database_prepare (im->db,
                              "SELECT r.received_at, r.summary, p.name_key FROM requests r"
                              " JOIN people p ON p.id = r.requester_id WHERE r.id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, row->number);
  rc = hd_database_step (im->db, stmt, error);
  if (rc == SQLITE_DONE)
    {
      gint64 *key = g_new (gint64, 1);

      *key = row->number;
      g_hash_table_add (im->numbers, key);
      *plan = PLAN_KEEP;
      return TRUE;
    }
  if (rc != SQLITE_ROW)
    return FALSE;

  summary = hd_record_strip (hd_request_get_summary (row->request));
  name_key = hd_text_normalize (row->person->full_name);
  if (sqlite3_column_int64 (stmt, 0) == hd_request_get_received_at (row->request) &&
      g_strcmp0 (hd_stmt_column_text (stmt, 1), summary) == 0 &&
      g_strcmp0 (hd_stmt_column_text (stmt, 2), name_key) == 0)
    *plan = PLAN_SKIP;
  else
    *plan = PLAN_NEW;
  return TRUE;
}

static gboolean
insert_row (Import  *im,
            Row     *row,
            Plan     plan,
            guint    line,
            GError **error)
{
  HdRequest *r = row->request;
  gint64 id;

  if (row->person->id == 0)
    {
      g_autoptr(HdPerson) person = hd_person_new ();

      hd_person_set_full_name (person, row->person->full_name);
      hd_person_set_kind (person, row->person->kind);
      if (!hd_person_store_create (im->db, person, error))
        return FALSE;
      row->person->id = hd_person_get_id (person);
      g_free (row->person->full_name);
      row->person->full_name = g_strdup (hd_person_get_full_name (person));
      im->report->n_people_created++;
    }

  /* The store sets the search text, the history row and the moments that follow from the
   * status, exactly as for a request typed in the editor. */
  hd_request_set_requester_id (r, row->person->id);
  if (!hd_request_store_import (im->db, r, plan == PLAN_KEEP ? row->number : 0, error))
    return FALSE;
  id = hd_request_get_id (r);

  if (plan == PLAN_NEW && row->number != 0)
    {
      HdCsvRenumbered renumbered = { line, row->number, id };
      g_array_append_val (im->report->renumbered, renumbered);
    }
  im->report->n_imported++;
  return TRUE;
}

/* Reads the file from the start; @phase 1 validates and plans, 2 and 3 insert. */
static gboolean
run_pass (Import  *im,
          int      phase,
          GError **error)
{
  g_autoptr(HdCsvReader) reader = hd_csv_reader_new (im->bytes);
  const char * const *fields;
  guint index = 0;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GError) db_error = NULL;

  /* the header */
  fields = hd_csv_reader_next (reader, &local_error);
  if (fields == NULL)
    {
      if (phase == 1)
        add_problem (im->report, hd_csv_reader_get_line (reader), NULL,
                     local_error != NULL ? local_error->message : "");
      return phase == 1;
    }
  if (phase == 1 && !read_header (im, fields))
    return TRUE;

  for (;;)
    {
      g_auto(Row) row = { 0 };
      guint line;
      Plan plan;

      g_clear_error (&local_error);
      fields = hd_csv_reader_next (reader, &local_error);
      line = hd_csv_reader_get_line (reader);
      if (fields == NULL && local_error == NULL)
        break;

      if (index % CHECK_EVERY == 0)
        {
          if (g_cancellable_set_error_if_cancelled (im->cancellable, error))
            return FALSE;
          report_progress (im->progress, im->progress_data,
                           (phase - 1 + hd_csv_reader_get_fraction (reader)) / 3.0);
        }

      if (phase == 1)
        {
          im->report->n_rows++;
          if (local_error != NULL)
            {
              add_problem (im->report, line, NULL, local_error->message);
              g_byte_array_append (im->plans, (guint8[]) { PLAN_SKIP }, 1);
              index++;
              continue;
            }
          if (!parse_row (im, fields, line, &row, &db_error))
            {
              if (db_error != NULL)
                {
                  g_propagate_error (error, g_steal_pointer (&db_error));
                  return FALSE;
                }
              g_byte_array_append (im->plans, (guint8[]) { PLAN_SKIP }, 1);
              index++;
              continue;
            }
          if (!plan_row (im, &row, line, &plan, error))
            return FALSE;
          if (plan == PLAN_SKIP)
            im->report->n_skipped++;
          g_byte_array_append (im->plans, (guint8[]) { plan }, 1);
          index++;
          continue;
        }

      /* phases 2 and 3: the file was good, the same bytes read the same */
      g_assert (index < im->plans->len);
      plan = im->plans->data[index++];
      if ((phase == 2 && plan != PLAN_KEEP) || (phase == 3 && plan != PLAN_NEW))
        continue;
      if (local_error != NULL || !parse_row (im, fields, line, &row, &db_error) ||
          !insert_row (im, &row, plan, line, &db_error))
        {
          if (db_error != NULL)
            g_propagate_error (error, g_steal_pointer (&db_error));
          else
            g_set_error (error, HD_ERROR, HD_ERROR_FAILED,
                         /* Translators: %u is a line number */
                         _("Line %u could not be imported."), line);
          return FALSE;
        }
    }
  return TRUE;
}

static gint64
get_cache_size (HdDatabase *db)
{
  g_autoptr(HdStmt) stmt = hd_database_prepare (db, "PRAGMA cache_size", NULL);

  if (stmt != NULL && hd_database_step (db, stmt, NULL) == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  return -2000;  /* SQLite's default: 2 MB */
}

static void
set_cache_size (HdDatabase *db,
                gint64      size)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT, size);

  hd_database_exec (db, sql, NULL);
}

static gint
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const HdCsvProblem *pa = *(const HdCsvProblem * const *) a;
  const HdCsvProblem *pb = *(const HdCsvProblem * const *) b;

  return (pa->line > pb->line) - (pa->line < pb->line);
}

/**
 * hd_csv_requests_import:
 * @db: the database; in a worker thread, a connection of its own (hd_database_open_connection())
 * @bytes: the file's contents
 * @flags: %HD_CSV_IMPORT_DRY_RUN to check the file without keeping anything
 * @cancellable: (nullable): cancels the import; nothing is kept then
 * @progress: (nullable) (scope call): called in this thread as the work goes on
 * @progress_data: data for @progress
 * @report: (out) (optional) (transfer full): what was done, and every problem, by line; set
 *   whether or not the import succeeds
 * @error: HD_ERROR_PARSE when the file has a bad row (see @report), another error otherwise
 *
 * Imports the requests of a CSV file (docs/csv-format.md), all or nothing: every row is read
 * and validated with the rules of the request editor first, and if one is bad nothing is
 * written. People are matched by name (any case, «ё» or «е») and category, and created when
 * missing. A request keeps its number when the journal does not have it yet; a row whose number
 * is taken by the same request (same time received, requester and summary) is skipped, as
 * imported before; otherwise the request gets a new number, listed in @report.
 *
 * Returns: %TRUE when the file was imported (or, with %HD_CSV_IMPORT_DRY_RUN, could be)
 */
gboolean
hd_csv_requests_import (HdDatabase         *db,
                        GBytes             *bytes,
                        HdCsvImportFlags    flags,
                        GCancellable       *cancellable,
                        HdCsvProgressFunc   progress,
                        gpointer            progress_data,
                        HdCsvImportReport **report,
                        GError            **error)
{
  g_autoptr(HdCsvImportReport) result = report_new ();
  g_autoptr(GTimeZone) tz = NULL;
  Import im = { 0 };
  gboolean ok = FALSE;
  gint64 cache_size;

  g_return_val_if_fail (HD_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (report != NULL)
    *report = NULL;

  tz = school_time_zone (db);
  im.db = db;
  im.tz = tz;
  im.bytes = bytes;
  im.cancellable = cancellable;
  im.progress = progress;
  im.progress_data = progress_data;
  im.report = result;
  im.now = hd_record_now ();
  im.people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, person_free);
  im.numbers = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  im.plans = g_byte_array_new ();

  report_progress (progress, progress_data, 0.0);

  /* One write transaction from the first read: what is validated is what is written. A
   * big import does not fit SQLite's default 2 MB page cache, which then spills to the WAL
   * again and again; a larger cache for the import's time keeps it in memory. */
  cache_size = get_cache_size (db);
  hd_database_exec (db, "PRAGMA cache_size = -65536", NULL);
  if (!hd_database_begin (db, error))
    goto out;

  if (!run_pass (&im, 1, error))
    goto rollback;

  if (result->problems->len > 0)
    {
      guint n_lines = 0, last = 0;

      g_ptr_array_sort (result->problems, compare_problems);
      for (guint i = 0; i < result->problems->len; i++)
        {
          HdCsvProblem *p = result->problems->pdata[i];

          if (i == 0 || p->line != last)
            n_lines++;
          last = p->line;
        }
      g_set_error (error, HD_ERROR, HD_ERROR_PARSE,
                   /* Translators: %u is a number of lines of the file */
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u line of the file has errors, so nothing was imported. Correct "
                                "it and import the file again.",
                                "%u lines of the file have errors, so nothing was imported. Correct "
                                "them and import the file again.",
                                n_lines),
                   n_lines);
      goto rollback;
    }

  /* The people found in phase 1 keep their ids; those to create are created in 2 and 3. */
  if (!run_pass (&im, 2, error) || !run_pass (&im, 3, error))
    goto rollback;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto rollback;

  if ((flags & HD_CSV_IMPORT_DRY_RUN) != 0)
    {
      hd_database_rollback (db);
      ok = TRUE;
      goto out;
    }
  if (!hd_database_commit (db, error))
    goto failed;
  ok = TRUE;
  report_progress (progress, progress_data, 1.0);
  goto out;

rollback:
  hd_database_rollback (db);
failed:
  result->n_imported = 0;
  result->n_people_created = 0;
  g_array_set_size (result->renumbered, 0);

out:
  set_cache_size (db, cache_size);
  g_hash_table_unref (im.people);
  g_hash_table_unref (im.numbers);
  g_byte_array_unref (im.plans);
  if (report != NULL)
    *report = g_steal_pointer (&result);
  return ok;
}

/**
 * hd_csv_requests_import_file:
 * @file: the file the user chose; read as bytes, never opened by SQLite
 *
 * hd_csv_requests_import() on the contents of @file.
 */
gboolean
hd_csv_requests_import_file (HdDatabase         *db,
                             GFile              *file,
                             HdCsvImportFlags    flags,
                             GCancellable       *cancellable,
                             HdCsvProgressFunc   progress,
                             gpointer            progress_data,
                             HdCsvImportReport **report,
                             GError            **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (HD_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (report != NULL)
    *report = NULL;
  bytes = g_file_load_bytes (file, cancellable, NULL, &local_error);
  if (bytes == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, HD_ERROR, HD_ERROR_IO,
                     /* Translators: a file name, then the system's reason */
                     _("Could not read “%s”: %s"), name, local_error->message);
      return FALSE;
    }
  return hd_csv_requests_import (db, bytes, flags, cancellable, progress, progress_data,
                                 report, error);
}

/* ---------------------------------------------------------------------------------------- */
/* Export                                                                                    */

static gint64
local_midnight (const GDate *date,
                GTimeZone   *tz)
{
  g_autoptr(GDateTime) dt = g_date_time_new (tz, g_date_get_year (date), g_date_get_month (date),
                                             g_date_get_day (date), 0, 0, 0);
  return dt != NULL ? g_date_time_to_unix (dt) : 0;
}

/**
 * hd_csv_requests_export:
 * @db: the database; in a worker thread, a connection of its own
 * @from: (nullable): the first day (local, inclusive), or %NULL for no lower bound
 * @to: (nullable): the last day (local, inclusive), or %NULL for no upper bound
 * @cancellable: (nullable): cancels the export
 * @progress: (nullable) (scope call): called in this thread as the work goes on
 * @progress_data: data for @progress
 * @n_rows: (out) (optional): how many requests were written
 *
 * The requests received in the period (archived ones left out), by number, as CSV
 * (docs/csv-format.md): UTF-8 with a byte order mark, `;`, CRLF, times as local
 * `YYYY-MM-DD HH:MM` in the school's time zone (setting `time-zone`), enums as their keys,
 * formulas defused with an apostrophe.
 *
 * Returns: (transfer full): the file's contents, or %NULL with @error set
 */
GBytes *
hd_csv_requests_export (HdDatabase         *db,
                        const GDate        *from,
                        const GDate        *to,
                        GCancellable       *cancellable,
                        HdCsvProgressFunc   progress,
                        gpointer            progress_data,
                        guint              *n_rows,
                        GError            **error)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(HdStmt) count = NULL;
  g_autoptr(HdStmt) stmt = NULL;
  g_autoptr(GString) out = NULL;
  g_auto(GStrv) header = NULL;
  gint64 lower = G_MININT64, upper = G_MAXINT64;
  gint64 total;
  guint n = 0;
  int rc;

  g_return_val_if_fail (HD_IS_DATABASE (db), NULL);
  g_return_val_if_fail (from == NULL || g_date_valid (from), NULL);
  g_return_val_if_fail (to == NULL || g_date_valid (to), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (n_rows != NULL)
    *n_rows = 0;

  tz = school_time_zone (db);
  if (from != NULL)
    lower = local_midnight (from, tz);
  if (to != NULL)
    {
      GDate next = *to;

      g_date_add_days (&next, 1);
      upper = local_midnight (&next, tz);
    }

  report_progress (progress, progress_data, 0.0);
  count = hd_database_prepare (db,
                               "SELECT count(*) FROM requests"
                               " WHERE archived = 0 AND received_at >= ?1 AND received_at < ?2",
                               error);
  if (count == NULL)
    return NULL;
  sqlite3_bind_int64 (count, 1, lower);
  sqlite3_bind_int64 (count, 2, upper);
  if (hd_database_step (db, count, error) != SQLITE_ROW)
    return NULL;
  total = sqlite3_column_int64 (count, 0);

  stmt = hd_database_prepare (db,
                              "SELECT r.id, r.received_at, p.full_name, r.requester_kind, r.channel,"
                              " r.topic, r.summary, r.description, r.status, r.rejection_reason,"
                              " r.vendor_ticket, r.first_response_at, r.resolved_at, r.resolution"
                              " FROM requests r JOIN people p ON p.id = r.requester_id"
                              " WHERE r.archived = 0 AND r.received_at >= ?1 AND r.received_at < ?2"
                              " ORDER BY r.id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, lower);
  sqlite3_bind_int64 (stmt, 2, upper);

  out = g_string_sized_new (4096 + (gsize) total * 256);
  hd_csv_append_bom (out);
  header = g_strsplit (HD_CSV_REQUESTS_HEADER, ";", -1);
  hd_csv_append_record (out, ';', (const char * const *) header, N_COLS, HD_CSV_WRITE_NONE);

  while ((rc = hd_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                 (gint64) sqlite3_column_int64 (stmt, 0));
      g_autofree char *received = format_time (tz, sqlite3_column_int64 (stmt, 1));
      g_autofree char *first_response = format_time (tz, sqlite3_column_int64 (stmt, 11));
      g_autofree char *resolved = format_time (tz, sqlite3_column_int64 (stmt, 12));
      const char *fields[N_COLS] = {
        [COL_NUMBER] = number,
        [COL_RECEIVED_AT] = received,
        [COL_REQUESTER] = hd_stmt_column_text (stmt, 2),
        [COL_REQUESTER_KIND] = hd_stmt_column_text (stmt, 3),
        [COL_CHANNEL] = hd_stmt_column_text (stmt, 4),
        [COL_TOPIC] = hd_stmt_column_text (stmt, 5),
        [COL_SUMMARY] = hd_stmt_column_text (stmt, 6),
        [COL_DESCRIPTION] = hd_stmt_column_text (stmt, 7),
        [COL_STATUS] = hd_stmt_column_text (stmt, 8),
        [COL_REJECTION_REASON] = hd_stmt_column_text (stmt, 9),
        [COL_VENDOR_TICKET] = hd_stmt_column_text (stmt, 10),
        [COL_FIRST_RESPONSE_AT] = first_response,
        [COL_RESOLVED_AT] = resolved,
        [COL_RESOLUTION] = hd_stmt_column_text (stmt, 13),
      };

      hd_csv_append_record (out, ';', fields, N_COLS, HD_CSV_WRITE_GUARD_FORMULAS);
      n++;
      if (n % CHECK_EVERY == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return NULL;
          report_progress (progress, progress_data, total > 0 ? (double) n / (double) total : 1.0);
        }
    }
  if (rc != SQLITE_DONE)
    return NULL;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  if (n_rows != NULL)
    *n_rows = n;
  report_progress (progress, progress_data, 1.0);
  return g_string_free_to_bytes (g_steal_pointer (&out));
}

/**
 * hd_csv_requests_export_file:
 * @file: where to write; replaced whole, never opened by SQLite
 *
 * hd_csv_requests_export() written to @file.
 */
gboolean
hd_csv_requests_export_file (HdDatabase         *db,
                             GFile              *file,
                             const GDate        *from,
                             const GDate        *to,
                             GCancellable       *cancellable,
                             HdCsvProgressFunc   progress,
                             gpointer            progress_data,
                             guint              *n_rows,
                             GError            **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize len;
  const char *data;

  g_return_val_if_fail (HD_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = hd_csv_requests_export (db, from, to, cancellable, progress, progress_data, n_rows,
                                  error);
  if (bytes == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &len);
  if (!g_file_replace_contents (file, data, len, NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                                cancellable, &local_error))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      if (n_rows != NULL)
        *n_rows = 0;
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, HD_ERROR, HD_ERROR_IO,
                     /* Translators: a file name, then the system's reason */
                     _("Could not write “%s”: %s"), name, local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* ---------------------------------------------------------------------------------------- */
/* In a worker thread                                                                        */

typedef struct {
  HdDatabase        *db;         /* the caller's; the worker opens its own connection */
  GFile             *file;
  GDate              from;
  GDate              to;
  HdCsvImportFlags   flags;
  HdCsvProgressFunc  progress;
  gpointer           progress_data;
  GMainContext      *context;

  GMutex             lock;       /* guards the two below */
  double             fraction;
  gboolean           queued;     /* a progress report waits in @context */

  guint              n_rows;
  HdCsvImportReport *report;
} TaskData;

static void
task_data_free (gpointer data)
{
  TaskData *td = data;

  g_clear_object (&td->db);
  g_clear_object (&td->file);
  g_clear_pointer (&td->context, g_main_context_unref);
  g_clear_pointer (&td->report, hd_csv_import_report_free);
  g_mutex_clear (&td->lock);
  g_free (td);
}

static TaskData *
task_data_new (HdDatabase        *db,
               GFile             *file,
               HdCsvProgressFunc  progress,
               gpointer           progress_data)
{
  TaskData *td = g_new0 (TaskData, 1);

  td->db = g_object_ref (db);
  td->file = g_object_ref (file);
  td->progress = progress;
  td->progress_data = progress_data;
  td->context = g_main_context_ref_thread_default ();
  g_date_clear (&td->from, 1);
  g_date_clear (&td->to, 1);
  g_mutex_init (&td->lock);
  return td;
}

static gboolean
progress_idle_cb (gpointer user_data)
{
  GTask *task = user_data;
  TaskData *td = g_task_get_task_data (task);
  double fraction;

  g_mutex_lock (&td->lock);
  fraction = td->fraction;
  td->queued = FALSE;
  g_mutex_unlock (&td->lock);

  if (!g_task_get_completed (task))
    td->progress (fraction, td->progress_data);
  return G_SOURCE_REMOVE;
}

/* In the worker: keep the latest fraction, and queue one report at a time in the caller's
 * context, so a fast worker cannot flood the main loop. */
static void
thread_progress_cb (double   fraction,
                    gpointer user_data)
{
  GTask *task = user_data;
  TaskData *td = g_task_get_task_data (task);
  gboolean queue;

  g_mutex_lock (&td->lock);
  td->fraction = fraction;
  queue = !td->queued;
  td->queued = TRUE;
  g_mutex_unlock (&td->lock);

  if (queue)
    {
      GSource *source = g_idle_source_new ();

      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      g_source_set_callback (source, progress_idle_cb, g_object_ref (task), g_object_unref);
      g_source_set_static_name (source, "[hd-csv] progress");
      g_source_attach (source, td->context);
      g_source_unref (source);
    }
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  TaskData *td = task_data;
  g_autoptr(HdDatabase) db = NULL;
  GError *error = NULL;

  db = hd_database_open_connection (td->db, &error);
  if (db == NULL ||
      !hd_csv_requests_export_file (db, td->file,
                                    g_date_valid (&td->from) ? &td->from : NULL,
                                    g_date_valid (&td->to) ? &td->to : NULL,
                                    cancellable, td->progress != NULL ? thread_progress_cb : NULL,
                                    task, &td->n_rows, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * hd_csv_requests_export_async:
 * @db: the application's database; the export uses a connection of its own
 *
 * hd_csv_requests_export_file() in a worker thread. @progress, if any, is called in the
 * thread-default main context of the caller.
 */
void
hd_csv_requests_export_async (HdDatabase          *db,
                              GFile               *file,
                              const GDate         *from,
                              const GDate         *to,
                              GCancellable        *cancellable,
                              HdCsvProgressFunc    progress,
                              gpointer             progress_data,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  TaskData *td;

  g_return_if_fail (HD_IS_DATABASE (db));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (from == NULL || g_date_valid (from));
  g_return_if_fail (to == NULL || g_date_valid (to));

  td = task_data_new (db, file, progress, progress_data);
  if (from != NULL)
    td->from = *from;
  if (to != NULL)
    td->to = *to;

  task = g_task_new (db, cancellable, callback, user_data);
  g_task_set_source_tag (task, hd_csv_requests_export_async);
  g_task_set_task_data (task, td, task_data_free);
  g_task_run_in_thread (task, export_thread);
}

/**
 * hd_csv_requests_export_finish:
 * @n_rows: (out) (optional): how many requests were written
 */
gboolean
hd_csv_requests_export_finish (HdDatabase    *db,
                               GAsyncResult  *result,
                               guint         *n_rows,
                               GError       **error)
{
  TaskData *td;

  g_return_val_if_fail (HD_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, db), FALSE);

  td = g_task_get_task_data (G_TASK (result));
  if (n_rows != NULL)
    *n_rows = td->n_rows;
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  TaskData *td = task_data;
  g_autoptr(HdDatabase) db = NULL;
  GError *error = NULL;

  db = hd_database_open_connection (td->db, &error);
  if (db == NULL ||
      !hd_csv_requests_import_file (db, td->file, td->flags, cancellable,
                                    td->progress != NULL ? thread_progress_cb : NULL, task,
                                    &td->report, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * hd_csv_requests_import_async:
 * @db: the application's database; the import uses a connection of its own
 *
 * hd_csv_requests_import_file() in a worker thread. @progress, if any, is called in the
 * thread-default main context of the caller.
 */
void
hd_csv_requests_import_async (HdDatabase          *db,
                              GFile               *file,
                              HdCsvImportFlags     flags,
                              GCancellable        *cancellable,
                              HdCsvProgressFunc    progress,
                              gpointer             progress_data,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  TaskData *td;

  g_return_if_fail (HD_IS_DATABASE (db));
  g_return_if_fail (G_IS_FILE (file));

  td = task_data_new (db, file, progress, progress_data);
  td->flags = flags;

  task = g_task_new (db, cancellable, callback, user_data);
  g_task_set_source_tag (task, hd_csv_requests_import_async);
  g_task_set_task_data (task, td, task_data_free);
  g_task_run_in_thread (task, import_thread);
}

/**
 * hd_csv_requests_import_finish:
 * @report: (out) (optional) (transfer full): as for hd_csv_requests_import(), set also when the
 *   import fails (with the problems of the file), %NULL when the file could not be read
 */
gboolean
hd_csv_requests_import_finish (HdDatabase         *db,
                               GAsyncResult       *result,
                               HdCsvImportReport **report,
                               GError            **error)
{
  TaskData *td;

  g_return_val_if_fail (HD_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, db), FALSE);

  td = g_task_get_task_data (G_TASK (result));
  if (report != NULL)
    *report = g_steal_pointer (&td->report);
  return g_task_propagate_boolean (G_TASK (result), error);
}
