/* hd-schema.c — numbered migrations keyed on PRAGMA user_version
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Table and column names are a public interface: schools query them with the sqlite3 tool, and
 * the README documents them. A migration is plain SQL run in one transaction; never edit a
 * released one, add the next.
 *
 * Conventions: instants are INTEGER Unix seconds (UTC); calendar dates are TEXT YYYY-MM-DD;
 * enums are TEXT keys of hd-enums.c; *_key columns hold the normalized text of hd_text_normalize()
 * (case-folded, ё → е) that search and sorting use, because SQLite folds ASCII only.
 */
#define G_LOG_DOMAIN "hd-schema"

#include "config.h"

#include "hd-database-private.h"

static const char migration_1[] =
  "CREATE TABLE settings ("
  "  key   TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL"
  ") WITHOUT ROWID;"

  "CREATE TABLE people ("
  "  id         INTEGER PRIMARY KEY,"
  "  full_name  TEXT NOT NULL CHECK (length(full_name) BETWEEN 1 AND 200),"
  "  kind       TEXT NOT NULL CHECK (kind IN ('staff','parent','student','other')),"
  "  position   TEXT,"                       /* staff: the post; */
  "  class_name TEXT,"                       /* students and parents: the class, e.g. 5А */
  "  phone      TEXT,"
  "  email      TEXT,"
  "  name_key   TEXT NOT NULL DEFAULT '',"
  "  archived   INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0,1)),"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL"
  ");"
  "CREATE INDEX people_name_key ON people (name_key, id);"

  "CREATE TABLE requests ("
  "  id                INTEGER PRIMARY KEY,"   /* the request's number */
  "  received_at       INTEGER NOT NULL,"
  "  requester_id      INTEGER NOT NULL REFERENCES people (id),"
  "  requester_kind    TEXT NOT NULL CHECK (requester_kind IN ('staff','parent','student','other')),"
  "  channel           TEXT NOT NULL CHECK (channel IN ('in_person','phone','email','portal_call','class_teacher','voicemail')),"
  "  relayed_by_id     INTEGER REFERENCES people (id),"   /* the class teacher who passed it on */
  "  topic             TEXT NOT NULL CHECK (topic IN ('schedule','grades_current','grades_final','attendance','lesson_planning','lessons','timeliness','access','other')),"
  "  summary           TEXT NOT NULL CHECK (length(summary) BETWEEN 1 AND 200),"
  "  description       TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 10000),"
  "  status            TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new','in_progress','waiting_info','callback','escalated','resolved','rejected')),"
  "  rejection_reason  TEXT CHECK (rejection_reason IN ('insufficient_info','incorrect_question','non_constructive','other')),"
  "  rejection_note    TEXT,"
  "  vendor_ticket     TEXT,"
  "  related_id        INTEGER REFERENCES requests (id),"
  "  is_repeat         INTEGER NOT NULL DEFAULT 0 CHECK (is_repeat IN (0,1)),"
  "  assignee          TEXT,"
  "  callback_phone    TEXT,"                  /* voicemail: the number to call back */
  "  callback_done_at  INTEGER,"
  "  first_response_at INTEGER,"
  "  resolved_at       INTEGER,"              /* resolved or rejected */
  "  resolution        TEXT NOT NULL DEFAULT '',"
  "  requester_key     TEXT NOT NULL DEFAULT '',"   /* normalized requester name, for sorting */
  "  search_text       TEXT NOT NULL DEFAULT '',"   /* normalized summary, description, resolution, requester */
  "  archived          INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0,1)),"
  "  created_at        INTEGER NOT NULL,"
  "  updated_at        INTEGER NOT NULL,"
  "  CHECK (status <> 'rejected' OR rejection_reason IS NOT NULL),"
  "  CHECK (status <> 'escalated' OR length(vendor_ticket) > 0),"
  "  CHECK (status <> 'resolved' OR length(resolution) > 0)"
  ");"
  "CREATE INDEX requests_received ON requests (received_at, id);"
  "CREATE INDEX requests_status ON requests (status, received_at);"
  "CREATE INDEX requests_requester ON requests (requester_id, received_at);"
  "CREATE INDEX requests_requester_key ON requests (requester_key, id);"
  "CREATE INDEX requests_resolved ON requests (resolved_at);"

  /* Full-text search over the normalized text; the triggers only copy a column, so the
   * sqlite3 tool can change rows without breaking the index. */
  "CREATE VIRTUAL TABLE requests_fts USING fts5 ("
  "  search_text, content='requests', content_rowid='id',"
  "  tokenize='unicode61 remove_diacritics 0', prefix='2 3 4'"
  ");"
  "CREATE TRIGGER requests_fts_insert AFTER INSERT ON requests BEGIN"
  "  INSERT INTO requests_fts (rowid, search_text) VALUES (new.id, new.search_text);"
  "END;"
  "CREATE TRIGGER requests_fts_delete AFTER DELETE ON requests BEGIN"
  "  INSERT INTO requests_fts (requests_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);"
  "END;"
  "CREATE TRIGGER requests_fts_update AFTER UPDATE OF search_text ON requests BEGIN"
  "  INSERT INTO requests_fts (requests_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);"
  "  INSERT INTO requests_fts (rowid, search_text) VALUES (new.id, new.search_text);"
  "END;"

  "CREATE TABLE request_events ("
  "  id         INTEGER PRIMARY KEY,"
  "  request_id INTEGER NOT NULL REFERENCES requests (id),"
  "  at         INTEGER NOT NULL,"
  "  field      TEXT NOT NULL,"                 /* a column of requests, or 'created' */
  "  old_value  TEXT,"
  "  new_value  TEXT"
  ");"
  "CREATE INDEX request_events_request ON request_events (request_id, at, id);"
  "CREATE INDEX request_events_field ON request_events (field, at);"

  "CREATE TABLE reception_hours ("
  "  id           INTEGER PRIMARY KEY,"
  "  weekday      INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),"   /* 1 = Monday */
  "  starts_min   INTEGER NOT NULL CHECK (starts_min BETWEEN 0 AND 1439),"  /* minutes after midnight */
  "  ends_min     INTEGER NOT NULL CHECK (ends_min BETWEEN 1 AND 1440),"
  "  place        TEXT NOT NULL DEFAULT '',"
  "  valid_from   TEXT NOT NULL,"
  "  valid_to     TEXT,"
  "  approved_on  TEXT,"
  "  CHECK (ends_min > starts_min)"
  ");"

  "CREATE TABLE newcomers ("
  "  id          INTEGER PRIMARY KEY,"
  "  person_id   INTEGER NOT NULL REFERENCES people (id),"
  "  started_on  TEXT NOT NULL CHECK (started_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"
  "  due_on      TEXT NOT NULL CHECK (due_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"
  "  trained_on  TEXT CHECK (trained_on IS NULL OR trained_on >= started_on),"
  "  trainer     TEXT,"
  "  checklist   INTEGER NOT NULL DEFAULT 0,"   /* bit mask of the training items covered */
  "  notes       TEXT NOT NULL DEFAULT '',"
  "  archived    INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0,1)),"
  "  created_at  INTEGER NOT NULL,"
  "  updated_at  INTEGER NOT NULL"
  ");"
  "CREATE INDEX newcomers_started ON newcomers (started_on);"
  "CREATE INDEX newcomers_due ON newcomers (due_on);"

  "CREATE TABLE newcomer_events ("
  "  id          INTEGER PRIMARY KEY,"
  "  newcomer_id INTEGER NOT NULL REFERENCES newcomers (id),"
  "  at          INTEGER NOT NULL,"
  "  field       TEXT NOT NULL,"
  "  old_value   TEXT,"
  "  new_value   TEXT"
  ");"
  "CREATE INDEX newcomer_events_newcomer ON newcomer_events (newcomer_id, at, id);"

  "CREATE TABLE appointments ("
  "  id               INTEGER PRIMARY KEY,"
  "  starts_at        INTEGER NOT NULL,"
  "  ends_at          INTEGER NOT NULL,"
  "  person_id        INTEGER NOT NULL REFERENCES people (id),"
  "  request_id       INTEGER REFERENCES requests (id),"
  "  newcomer_id      INTEGER REFERENCES newcomers (id),"
  "  topic            TEXT NOT NULL CHECK (topic IN ('schedule','grades_current','grades_final','attendance','lesson_planning','lessons','timeliness','access','other')),"
  "  mode             TEXT NOT NULL CHECK (mode IN ('in_person','phone','online')),"
  "  status           TEXT NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled','held','rescheduled','cancelled_requester','cancelled_consultant','no_show')),"
  "  walk_in          INTEGER NOT NULL DEFAULT 0 CHECK (walk_in IN (0,1)),"
  "  rescheduled_to   INTEGER REFERENCES appointments (id),"
  "  series_id        INTEGER,"               /* weekly repeats share the id of the first */
  "  notes            TEXT NOT NULL DEFAULT '',"
  "  outcome          TEXT NOT NULL DEFAULT '',"
  "  created_at       INTEGER NOT NULL,"
  "  updated_at       INTEGER NOT NULL,"
  "  CHECK (ends_at > starts_at)"
  ");"
  "CREATE INDEX appointments_starts ON appointments (starts_at);"
  "CREATE INDEX appointments_request ON appointments (request_id);"

  "CREATE TABLE calendar_days ("
  "  day      TEXT PRIMARY KEY CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"
  "  working  INTEGER NOT NULL CHECK (working IN (0,1)),"
  "  note     TEXT NOT NULL DEFAULT ''"
  ") WITHOUT ROWID;";

/* Migration 2: the journal on a million requests (hd-request-list.c). Every column it sorts by
 * is read from an index in order, so the first rows come at once whatever the column. Partial
 * on archived = 0, as the journal never shows archived requests.
 *   requests_group: kind, channel and topic in the order of hd-enums.h as one small integer
 *   (kind × 100 + channel × 10 + topic); the journal merges the runs of one group by number.
 *   One index serves three columns and builds faster than three.
 *   requests_summary: the summary column.
 *   requests_closed_age: how long a closed request took, negated, so that reading it backwards
 *   gives equal ages the later request first, as requests_status does for the open ones.
 *   requests_open: the open requests by the time received, a few hundred rows, for «открытые»
 *   and «просрочено» (without it, a scan of every closed request).
 *   appointments_newcomer: the training booked for a newcomer, which the onboarding tracker
 *   shows on each row.
 * The expressions must stay the same, token for token, as those in hd-request-list.c. */
static const char migration_2[] =
  "CREATE INDEX requests_group ON requests ("
  "  (CASE requester_kind WHEN 'staff' THEN 0 WHEN 'parent' THEN 100 WHEN 'student' THEN 200 ELSE 300 END"
  "   + CASE channel WHEN 'in_person' THEN 0 WHEN 'phone' THEN 10 WHEN 'email' THEN 20"
  " WHEN 'portal_call' THEN 30 WHEN 'class_teacher' THEN 40 ELSE 50 END"
  "   + CASE topic WHEN 'schedule' THEN 0 WHEN 'grades_current' THEN 1 WHEN 'grades_final' THEN 2"
  " WHEN 'attendance' THEN 3 WHEN 'lesson_planning' THEN 4 WHEN 'lessons' THEN 5"
  " WHEN 'timeliness' THEN 6 WHEN 'access' THEN 7 ELSE 8 END)"
  ") WHERE archived = 0;"
  "CREATE INDEX requests_summary ON requests (summary) WHERE archived = 0;"
  "CREATE INDEX requests_closed_age ON requests ((received_at - COALESCE (resolved_at, received_at)))"
  "  WHERE archived = 0 AND status IN ('resolved','rejected');"
  "CREATE INDEX requests_open ON requests (received_at)"
  "  WHERE archived = 0 AND status NOT IN ('resolved','rejected');"
  "CREATE INDEX appointments_newcomer ON appointments (newcomer_id) WHERE newcomer_id IS NOT NULL;";

/* Migration 3: answer templates, the ready answers a consultant inserts into a resolution.
 *   answer_templates: id; topic (a topic key of hd-enums.c); title (1–100 characters, what the
 *   menu shows); body (1–5000, the text inserted); position (the order within the topic, from
 *   1); created_at, updated_at (Unix seconds). The app writes a few shipped ones once, in the
 *   user's language (settings key answer-templates-seeded); then they are the school's. */
static const char migration_3[] =
  "CREATE TABLE answer_templates ("
  "  id         INTEGER PRIMARY KEY,"
  "  topic      TEXT NOT NULL CHECK (topic IN ('schedule','grades_current','grades_final','attendance','lesson_planning','lessons','timeliness','access','other')),"
  "  title      TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 100),"
  "  body       TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),"
  "  position   INTEGER NOT NULL DEFAULT 0,"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL"
  ");"
  "CREATE INDEX answer_templates_topic ON answer_templates (topic, position, id);";

/* Migration 4: a smaller search index and two indexes fewer, for a faster bulk load.
 *   requests_fts keeps, per term, only which requests have it (detail=none), and no per-row
 *   token counts (columnsize=0). The journal's search asks only "which requests have words
 *   starting so" (hd_text_fts_query(): one quoted prefix per word, joined by AND), and never
 *   ranks, quotes a phrase of several words or asks for a column; positions served nothing.
 *   On a million requests the index is a third the size (66 MB instead of 206 MB) and builds
 *   in two thirds of the time. The triggers of migration 1 stay as they are: they only copy
 *   search_text. The index is made anew from the rows ('rebuild').
 *   request_events_field (field, at) and requests_resolved (resolved_at) go: no query reads
 *   the audit by field alone (the statistics and the request clock go through
 *   request_events_request), and none looks requests up or sorts them by resolved_at alone
 *   (the journal's age sort has requests_closed_age). */
static const char migration_4[] =
  "DROP INDEX request_events_field;"
  "DROP INDEX requests_resolved;"
  "DROP TABLE requests_fts;"
  "CREATE VIRTUAL TABLE requests_fts USING fts5 ("
  "  search_text, content='requests', content_rowid='id',"
  "  tokenize='unicode61 remove_diacritics 0', prefix='2 3 4', detail=none, columnsize=0"
  ");"
  "INSERT INTO requests_fts (requests_fts) VALUES ('rebuild');";

static const HdMigration migrations[] = {
  { 1, migration_1 },
  { 2, migration_2 },
  { 3, migration_3 },
  { 4, migration_4 },
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == HD_SCHEMA_VERSION);

const HdMigration *
hd_schema_get_migrations (guint *n_migrations)
{
  *n_migrations = G_N_ELEMENTS (migrations);
  return migrations;
}
