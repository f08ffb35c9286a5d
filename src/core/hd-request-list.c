/* hd-request-list.c — the journal as a lazy list model over SQLite
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A million requests cannot be loaded as objects, and GTK's sort and filter models would touch
 * every one of them. So the model holds only an "id snapshot" — the ids of the matching requests
 * in display order, filtered and sorted in SQL (see "The snapshot query" for how its first page
 * comes at once) — and builds row objects a page at a time when the view asks for them, keeping
 * the most recently used pages. The snapshot is
 * immutable: a new filter or sort order is a new model, which the view swaps in (on GTK 4.8 an
 * items-changed over a million rows takes seconds; a new model, a fraction of one).
 *
 * The overdue queue has to be a condition in SQL, and the precise clock of a request (which stops
 * while the school waits for information or for the vendor) needs its history. So the queue uses
 * a simple rule that never misses an overdue request: open, and received more than the
 * resolution term of working time ago. Each row then carries the precise figure from
 * hd_terms_load_clock(), which the view shows.
 */
#define G_LOG_DOMAIN "hd-request-list"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <time.h>
#ifdef __linux__
#include <sys/resource.h>
#include <unistd.h>
#endif

#include "hd-database-private.h"
#include "hd-error.h"
#include "hd-request-list.h"
#include "hd-text.h"

#define PAGE_SIZE   256
#define MAX_PAGES   16

/* The snapshot is stored in blocks of BLOCK_IDS ids, a whole number of pages. A million ids
 * in one growing array cost a copy at each doubling, a second array while the worker's ids
 * waited for the main loop, and a heap left in holes by arrays of every size; blocks of one
 * size are handed from the worker to the model without a copy and reuse each other's memory. */
#define BLOCK_SHIFT 15
#define BLOCK_IDS   (1u << BLOCK_SHIFT)   /* 256 KB */
G_STATIC_ASSERT (BLOCK_IDS % PAGE_SIZE == 0);

/* How much nicer the snapshot's thread gets once it has handed over the first rows: the view
 * draws them meanwhile, and on two cores a worker at full speed beside the renderer's threads
 * made every first frame wait for the processor. */
#define STREAM_NICE 10

/* How long hd_request_list_new_async() waits for the first rows (see there) */
#define FIRST_ROWS_WAIT_USEC (10 * 1000)

typedef struct {
  guint      index;
  GPtrArray *rows;   /* HdRequestRow, in snapshot order */
} Page;

/* Instants computed on the main thread, where the terms live */
typedef struct {
  gint64 now;
  gint64 today_start;
  gint64 today_end;
  gint64 overdue_cutoff;
} Moments;

struct _HdRequestList
{
  GObject          parent_instance;

  /* Owned */
  HdDatabase      *db;
  HdTerms         *terms;
  HdRequestFilter  filter;
  HdRequestSort    sort;
  gboolean         descending;
  Moments          moments;
  GPtrArray       *blocks;   /* gint64[BLOCK_IDS], display order; borrowed from @filled */
  guint            n_ids;    /* in @blocks */
  GQueue           pages;    /* Page *, most recently used first */

  /* While the snapshot streams in (hd_request_list_new_async) */
  GMutex           lock;
  GPtrArray       *filled;         /* owns the blocks, appended to by the worker; under @lock */
  guint            n_filled;       /* ids in @filled; under @lock */
  gint             drain_queued;   /* atomic */
  GTask           *first_rows;     /* the caller's task, returned with the first rows */
  gboolean         pushed;         /* the worker has handed over a chunk; under @lock */
  gboolean         worker_done;    /* under @lock */
  GCond            pushed_cond;    /* @pushed or @worker_done became TRUE */
  gboolean         complete;
};

enum {
  PROP_0,
  PROP_COMPLETE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void hd_request_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HdRequestList, hd_request_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, hd_request_list_model_init))

G_DEFINE_BOXED_TYPE (HdRequestFilter, hd_request_filter, hd_request_filter_copy, hd_request_filter_free)

/* Keys in the order of the enums in hd-enums.h: sorting by a CASE puts them in the order the
 * regulation lists them, not in the alphabetical order of English keys. */
static const char order_kind[] =
  "CASE r.requester_kind WHEN 'staff' THEN 0 WHEN 'parent' THEN 1 WHEN 'student' THEN 2 ELSE 3 END";
static const char order_channel[] =
  "CASE r.channel WHEN 'in_person' THEN 0 WHEN 'phone' THEN 1 WHEN 'email' THEN 2"
  " WHEN 'portal_call' THEN 3 WHEN 'class_teacher' THEN 4 ELSE 5 END";
static const char order_topic[] =
  "CASE r.topic WHEN 'schedule' THEN 0 WHEN 'grades_current' THEN 1 WHEN 'grades_final' THEN 2"
  " WHEN 'attendance' THEN 3 WHEN 'lesson_planning' THEN 4 WHEN 'lessons' THEN 5"
  " WHEN 'timeliness' THEN 6 WHEN 'access' THEN 7 ELSE 8 END";
static const char order_status[] =
  "CASE r.status WHEN 'new' THEN 0 WHEN 'in_progress' THEN 1 WHEN 'waiting_info' THEN 2"
  " WHEN 'callback' THEN 3 WHEN 'escalated' THEN 4 WHEN 'resolved' THEN 5 ELSE 6 END";

static const struct {
  const char *key;
  const char *expression;   /* in search_sql(); NULL: see append_order() */
} sorts[HD_N_REQUEST_SORTS] = {
  [HD_REQUEST_SORT_NUMBER]    = { "number",    NULL },
  [HD_REQUEST_SORT_RECEIVED]  = { "received",  "r.received_at" },
  [HD_REQUEST_SORT_REQUESTER] = { "requester", "r.requester_key" },
  [HD_REQUEST_SORT_KIND]      = { "kind",      order_kind },
  [HD_REQUEST_SORT_CHANNEL]   = { "channel",   order_channel },
  [HD_REQUEST_SORT_TOPIC]     = { "topic",     order_topic },
  [HD_REQUEST_SORT_SUMMARY]   = { "summary",   "r.summary" },
  [HD_REQUEST_SORT_STATUS]    = { "status",    order_status },
  /* The age of an open request grows with now; of a closed one it stopped at closing
   * (AGE_EXPRESSION, see append_order()) */
  [HD_REQUEST_SORT_AGE]       = { "age",       NULL },
};

#define CLOSED_STATUSES "('resolved','rejected')"

/* Filter struct */

/**
 * hd_request_filter_init:
 *
 * Sets @filter to "everything": no status, channel, topic, kind, period, queue or search.
 */
void
hd_request_filter_init (HdRequestFilter *filter)
{
  g_return_if_fail (filter != NULL);

  memset (filter, 0, sizeof *filter);
  filter->status = HD_REQUEST_STATUS_ANY;
  filter->channel = -1;
  filter->topic = -1;
  filter->requester_kind = -1;
  filter->queue = HD_REQUEST_QUEUE_ALL;
}

void
hd_request_filter_clear (HdRequestFilter *filter)
{
  g_return_if_fail (filter != NULL);

  g_clear_pointer (&filter->search, g_free);
  hd_request_filter_init (filter);
}

HdRequestFilter *
hd_request_filter_new (void)
{
  HdRequestFilter *filter = g_new0 (HdRequestFilter, 1);

  hd_request_filter_init (filter);
  return filter;
}

HdRequestFilter *
hd_request_filter_copy (const HdRequestFilter *filter)
{
  HdRequestFilter *copy;

  g_return_val_if_fail (filter != NULL, NULL);

  copy = g_memdup2 (filter, sizeof *filter);
  copy->search = g_strdup (filter->search);
  return copy;
}

void
hd_request_filter_free (HdRequestFilter *filter)
{
  if (filter == NULL)
    return;
  g_free (filter->search);
  g_free (filter);
}

static gboolean
search_has_words (const char *search)
{
  g_autofree char *query = NULL;

  if (search == NULL || *search == '\0')
    return FALSE;
  query = hd_text_fts_query (search);
  return query != NULL;
}

/* The request number the search names, or 0 */
static gint64
search_number (const char *search)
{
  g_autofree char *text = NULL;
  const char *p;
  char *end = NULL;
  gint64 number;

  if (search == NULL)
    return 0;
  text = g_strstrip (g_strdup (search));
  p = text;
  if (g_str_has_prefix (p, "№"))
    p += strlen ("№");
  else if (*p == '#')
    p++;
  while (*p == ' ')
    p++;
  if (!g_ascii_isdigit (*p))
    return 0;
  number = g_ascii_strtoll (p, &end, 10);
  return *end == '\0' ? number : 0;
}

/**
 * hd_request_filter_is_empty:
 *
 * Returns: whether @filter lets every request through (the journal is then empty only when
 *   there are no requests at all, which the view shows differently from "nothing found")
 */
gboolean
hd_request_filter_is_empty (const HdRequestFilter *filter)
{
  g_return_val_if_fail (filter != NULL, TRUE);

  return filter->status == HD_REQUEST_STATUS_ANY &&
         filter->channel < 0 &&
         filter->topic < 0 &&
         filter->requester_kind < 0 &&
         filter->received_from == 0 &&
         filter->received_to == 0 &&
         filter->queue == HD_REQUEST_QUEUE_ALL &&
         !search_has_words (filter->search);
}

gboolean
hd_request_filter_equal (const HdRequestFilter *a,
                         const HdRequestFilter *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return a->status == b->status &&
         a->channel == b->channel &&
         a->topic == b->topic &&
         a->requester_kind == b->requester_kind &&
         a->received_from == b->received_from &&
         a->received_to == b->received_to &&
         a->queue == b->queue &&
         g_strcmp0 (a->search != NULL ? a->search : "", b->search != NULL ? b->search : "") == 0;
}

const char *
hd_request_sort_to_key (HdRequestSort sort)
{
  g_return_val_if_fail (sort < HD_N_REQUEST_SORTS, NULL);
  return sorts[sort].key;
}

/**
 * hd_request_sort_from_key:
 *
 * Returns: the #HdRequestSort named @key ("received", "status", …), or -1
 */
int
hd_request_sort_from_key (const char *key)
{
  for (guint i = 0; key != NULL && i < G_N_ELEMENTS (sorts); i++)
    if (strcmp (sorts[i].key, key) == 0)
      return i;
  return -1;
}

/* The moments */

/**
 * hd_request_overdue_cutoff:
 * @terms: (nullable): the terms; without them the resolution term is
 *   %HD_TERMS_DEFAULT_RESOLUTION_DAYS calendar days
 * @now: the moment of the question
 *
 * Working time only grows the earlier a request came, so the cutoff is found by bisection over
 * hd_terms_working_seconds(), which is O(1).
 *
 * Returns: the instant; a request received before it has been open longer than the term
 */
gint64
hd_request_overdue_cutoff (HdTerms *terms,
                           gint64   now)
{
  gint64 term, lo, hi;

  g_return_val_if_fail (terms == NULL || HD_IS_TERMS (terms), 0);

  if (terms == NULL)
    return now - (gint64) HD_TERMS_DEFAULT_RESOLUTION_DAYS * 24 * 3600;

  term = hd_terms_get_resolution (terms);
  /* lo: received at lo is overdue; hi: received at hi is not */
  lo = now - (gint64) 3650 * 24 * 3600;
  hi = now;
  if (hd_terms_working_seconds (terms, lo, now) <= term)
    return lo;
  while (hi - lo > 1)
    {
      gint64 mid = lo + (hi - lo) / 2;

      if (hd_terms_working_seconds (terms, mid, now) > term)
        lo = mid;
      else
        hi = mid;
    }
  return hi;
}

static void
compute_moments (HdTerms *terms,
                 gint64   now,
                 Moments *moments)
{
  g_autoptr(GTimeZone) local = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) dt = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  GTimeZone *tz;

  if (terms != NULL)
    tz = hd_terms_get_time_zone (terms);
  else
    tz = local = g_time_zone_new_local ();

  utc = g_date_time_new_from_unix_utc (now);
  dt = g_date_time_to_timezone (utc, tz);
  start = g_date_time_new (tz, g_date_time_get_year (dt), g_date_time_get_month (dt),
                           g_date_time_get_day_of_month (dt), 0, 0, 0);
  end = g_date_time_add_days (start, 1);

  moments->now = now;
  moments->today_start = g_date_time_to_unix (start);
  moments->today_end = g_date_time_to_unix (end);
  moments->overdue_cutoff = hd_request_overdue_cutoff (terms, now);
}

/* The snapshot query
 *
 * Each sort order is read from an index in that order, so the first rows come after a few
 * index steps whatever the column, and the rest streams in behind them:
 *   - number, received, requester, summary: one statement over one index;
 *   - kind, channel, topic: requests_group holds all three as one integer (kind × 100 +
 *     channel × 10 + topic), one run of equal values per group; the runs that share the sorted
 *     column are merged by number here (54, 36 or 24 statements at a time);
 *   - status: one statement per status over requests_status, equal statuses by time received;
 *   - age: the open requests (by time received, requests_status) merged with the closed ones
 *     (by how long they took, requests_closed_age); equal ages the later request first.
 * A search is a question of FTS5 that has to be answered in full before anything can be
 * sorted, which takes a second for «о» on a million requests. So the first page comes from
 * the same ordered streams, each row tested here against the search with the FTS5 tokenizer
 * itself (the "head"); when the words are rare and the head finds too few rows in its time,
 * it gives up. The full snapshot then comes from the FTS index, sorted by SQLite
 * (search_sql()); it repeats the head, which is skipped. All of it reads one snapshot of the
 * database (one read transaction). */

/* Must match requests_group and requests_closed_age of migration 2 in hd-schema.c */
#define GROUP_EXPRESSION \
  "(CASE r.requester_kind WHEN 'staff' THEN 0 WHEN 'parent' THEN 100 WHEN 'student' THEN 200 ELSE 300 END" \
  " + CASE r.channel WHEN 'in_person' THEN 0 WHEN 'phone' THEN 10 WHEN 'email' THEN 20" \
  " WHEN 'portal_call' THEN 30 WHEN 'class_teacher' THEN 40 ELSE 50 END" \
  " + CASE r.topic WHEN 'schedule' THEN 0 WHEN 'grades_current' THEN 1 WHEN 'grades_final' THEN 2" \
  " WHEN 'attendance' THEN 3 WHEN 'lesson_planning' THEN 4 WHEN 'lessons' THEN 5" \
  " WHEN 'timeliness' THEN 6 WHEN 'access' THEN 7 ELSE 8 END)"
#define CLOSED_AGE_EXPRESSION "(r.received_at - COALESCE (r.resolved_at, r.received_at))"
#define AGE_EXPRESSION \
  "(CASE WHEN r.status IN " CLOSED_STATUSES " THEN COALESCE (r.resolved_at, r.received_at)" \
  " ELSE :now END - r.received_at)"

G_STATIC_ASSERT (HD_N_TOPICS <= 10 && HD_N_CHANNELS <= 10);

/* The head's budget; tests change it (hd_request_list_set_head_budget()) */
static guint  head_max_rows = G_MAXUINT;
static gint64 head_max_usec = 30000;
/* For tests: where the last streaming snapshot found its first page (see
 * hd_request_list_get_last_first_page()) */
static const char *last_first_page;

/* Everything but the search */
static void
append_conditions (GString               *sql,
                   const HdRequestFilter *filter)
{
  if (filter->status == HD_REQUEST_STATUS_OPEN)
    g_string_append (sql, " AND r.status NOT IN " CLOSED_STATUSES);
  else if (filter->status == HD_REQUEST_STATUS_NEEDS_CALL)
    g_string_append (sql, " AND (r.status = 'callback' OR (r.channel = 'voicemail'"
                          " AND r.callback_done_at IS NULL AND r.status NOT IN " CLOSED_STATUSES "))");
  else if (filter->status >= 0)
    g_string_append (sql, " AND r.status = :status");

  if (filter->channel >= 0)
    g_string_append (sql, " AND r.channel = :channel");
  if (filter->topic >= 0)
    g_string_append (sql, " AND r.topic = :topic");
  if (filter->requester_kind >= 0)
    g_string_append (sql, " AND r.requester_kind = :kind");
  if (filter->received_from != 0)
    g_string_append (sql, " AND r.received_at >= :from");
  if (filter->received_to != 0)
    g_string_append (sql, " AND r.received_at < :to");

  switch (filter->queue)
    {
    case HD_REQUEST_QUEUE_TODAY:
      g_string_append (sql, " AND r.received_at >= :today_start AND r.received_at < :today_end");
      break;

    case HD_REQUEST_QUEUE_OVERDUE:
      g_string_append (sql, " AND r.status NOT IN " CLOSED_STATUSES " AND r.received_at < :cutoff");
      break;

    case HD_REQUEST_QUEUE_CALLBACK:
      g_string_append (sql, " AND (r.status = 'callback' OR (r.channel = 'voicemail'"
                            " AND r.callback_done_at IS NULL AND r.status NOT IN " CLOSED_STATUSES "))");
      break;

    case HD_REQUEST_QUEUE_WAITING:
      g_string_append (sql, " AND r.status = 'waiting_info'");
      break;

    case HD_REQUEST_QUEUE_VENDOR:
      g_string_append (sql, " AND r.status = 'escalated'");
      break;

    case HD_REQUEST_QUEUE_ALL:
    case HD_N_REQUEST_QUEUES:
    default:
      break;
    }
}

/* The order of the journal, as one ORDER BY; the streams of run_streams() give the same */
static void
append_order (GString       *sql,
              HdRequestSort  sort,
              gboolean       descending)
{
  const char *dir = descending ? " DESC" : " ASC";

  g_string_append (sql, " ORDER BY ");
  if (sort == HD_REQUEST_SORT_AGE)
    {
      g_string_append_printf (sql, AGE_EXPRESSION "%s, r.id%s", dir, descending ? " ASC" : " DESC");
      return;
    }
  if (sort != HD_REQUEST_SORT_NUMBER)
    g_string_append_printf (sql, "%s%s, ", sorts[sort].expression, dir);
  if (sort == HD_REQUEST_SORT_STATUS)
    g_string_append_printf (sql, "r.received_at%s, ", dir);
  /* The tie-breaker makes the order, and so every position, deterministic */
  g_string_append_printf (sql, "r.id%s", dir);
}

/* The full answer to a search: the FTS index first (CROSS JOIN keeps SQLite from reading a
 * million rows of an index to test each against the matches), then SQLite sorts. */
static char *
search_sql (const HdRequestFilter *filter,
            HdRequestSort          sort,
            gboolean               descending)
{
  GString *sql = g_string_new ("SELECT r.id FROM (SELECT rowid AS id FROM requests_fts"
                               " WHERE requests_fts MATCH :match");

  /* «125», «№125» or «#125»: that request, and any whose text has the number */
  if (search_number (filter->search) > 0)
    g_string_append (sql, " UNION SELECT :number");
  g_string_append (sql, ") m CROSS JOIN requests r ON r.id = m.id WHERE r.archived = 0");
  append_conditions (sql, filter);
  append_order (sql, sort, descending);
  return g_string_free (sql, FALSE);
}

static void
bind_named_int64 (sqlite3_stmt *stmt,
                  const char   *name,
                  gint64        value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_int64 (stmt, index, value);
}

static void
bind_named_text (sqlite3_stmt *stmt,
                 const char   *name,
                 const char   *value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
}

static void
bind_filter (sqlite3_stmt          *stmt,
             const HdRequestFilter *filter,
             const Moments         *moments)
{
  if (filter->status >= 0 && filter->status < HD_N_STATUSES)
    bind_named_text (stmt, ":status", hd_enum_key (HD_ENUM_STATUS, filter->status));
  if (filter->channel >= 0)
    bind_named_text (stmt, ":channel", hd_enum_key (HD_ENUM_CHANNEL, filter->channel));
  if (filter->topic >= 0)
    bind_named_text (stmt, ":topic", hd_enum_key (HD_ENUM_TOPIC, filter->topic));
  if (filter->requester_kind >= 0)
    bind_named_text (stmt, ":kind", hd_enum_key (HD_ENUM_REQUESTER_KIND, filter->requester_kind));
  bind_named_int64 (stmt, ":from", filter->received_from);
  bind_named_int64 (stmt, ":to", filter->received_to);
  bind_named_int64 (stmt, ":today_start", moments->today_start);
  bind_named_int64 (stmt, ":today_end", moments->today_end);
  bind_named_int64 (stmt, ":cutoff", moments->overdue_cutoff);
  bind_named_int64 (stmt, ":now", moments->now);
  bind_named_int64 (stmt, ":number", search_number (filter->search));
  if (sqlite3_bind_parameter_index (stmt, ":match") > 0)
    {
      g_autofree char *match = hd_text_fts_query (filter->search);

      bind_named_text (stmt, ":match", match);
    }
}

/* The head's test: the FTS5 query of hd_text_fts_query() ("w1"* AND "w2"* …), answered for
 * one row's search_text with the tokenizer of requests_fts, so it agrees with the index. */
typedef struct {
  fts5_tokenizer  api;
  Fts5Tokenizer  *tokenizer;
  GPtrArray      *phrases;   /* GPtrArray of tokens (char *); the last token is a prefix */
  gint64          number;    /* a request number that matches by itself, or 0 */
  GString        *text;      /* the row's tokens, NUL-separated */
  GArray         *starts;    /* guint: where each token starts in @text */
} Matcher;

static void
matcher_free (Matcher *m)
{
  if (m->tokenizer != NULL)
    m->api.xDelete (m->tokenizer);
  g_clear_pointer (&m->phrases, g_ptr_array_unref);
  if (m->text != NULL)
    g_string_free (m->text, TRUE);
  g_clear_pointer (&m->starts, g_array_unref);
  g_free (m);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Matcher, matcher_free)

static int
collect_token_cb (void       *user_data,
                  int         flags,
                  const char *token,
                  int         n_token,
                  int         start,
                  int         end)
{
  Matcher *m = user_data;
  guint at = m->text->len;

  g_array_append_val (m->starts, at);
  g_string_append_len (m->text, token, n_token);
  g_string_append_c (m->text, '\0');
  return SQLITE_OK;
}

static gboolean
matcher_tokenize (Matcher    *m,
                  int         flags,
                  const char *text,
                  int         len)
{
  g_string_truncate (m->text, 0);
  g_array_set_size (m->starts, 0);
  return m->api.xTokenize (m->tokenizer, m, flags, text, len, collect_token_cb) == SQLITE_OK;
}

static Matcher *
matcher_new (sqlite3    *handle,
             const char *search)
{
  static const char *args[] = { "remove_diacritics", "0" };   /* as requests_fts in hd-schema.c */
  g_autoptr(Matcher) m = g_new0 (Matcher, 1);
  g_autofree char *query = hd_text_fts_query (search);
  fts5_api *fts5 = NULL;
  sqlite3_stmt *stmt = NULL;
  void *tokenizer_data = NULL;
  const char *p;

  if (query == NULL)
    return NULL;
  if (sqlite3_prepare_v2 (handle, "SELECT fts5(?1)", -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_pointer (stmt, 1, (void *) &fts5, "fts5_api_ptr", NULL);
  sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (fts5 == NULL || fts5->iVersion < 2 ||
      fts5->xFindTokenizer (fts5, "unicode61", &tokenizer_data, &m->api) != SQLITE_OK ||
      m->api.xCreate (tokenizer_data, args, G_N_ELEMENTS (args), &m->tokenizer) != SQLITE_OK)
    return NULL;

  m->number = search_number (search);
  m->text = g_string_new (NULL);
  m->starts = g_array_new (FALSE, FALSE, sizeof (guint));
  m->phrases = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  /* The query is only quoted words with "* and AND between (hd_text_fts_query()) */
  for (p = strchr (query, '"'); p != NULL; p = strchr (p, '"'))
    {
      const char *end = strchr (p + 1, '"');
      GPtrArray *tokens;

      if (end == NULL)
        return NULL;
      if (!matcher_tokenize (m, FTS5_TOKENIZE_QUERY | FTS5_TOKENIZE_PREFIX, p + 1, end - p - 1) ||
          m->starts->len == 0)
        return NULL;   /* not a question the head can answer the way FTS5 does */
      tokens = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < m->starts->len; i++)
        g_ptr_array_add (tokens, g_strdup (m->text->str + g_array_index (m->starts, guint, i)));
      g_ptr_array_add (m->phrases, tokens);
      p = end + 1;
    }
  if (m->phrases->len == 0)
    return NULL;
  return g_steal_pointer (&m);
}

static gboolean
matcher_matches (Matcher    *m,
                 gint64      id,
                 const char *text,
                 int         len)
{
  if (m->number != 0 && id == m->number)
    return TRUE;
  if (text == NULL || !matcher_tokenize (m, FTS5_TOKENIZE_DOCUMENT, text, len))
    return FALSE;

  for (guint p = 0; p < m->phrases->len; p++)
    {
      GPtrArray *phrase = g_ptr_array_index (m->phrases, p);
      gboolean found = FALSE;

      for (guint i = 0; !found && i + phrase->len <= m->starts->len; i++)
        {
          found = TRUE;
          for (guint j = 0; found && j < phrase->len; j++)
            {
              const char *token = m->text->str + g_array_index (m->starts, guint, i + j);
              const char *want = g_ptr_array_index (phrase, j);

              if (j + 1 == phrase->len)
                found = strncmp (token, want, strlen (want)) == 0;
              else
                found = strcmp (token, want) == 0;
            }
        }
      if (!found)
        return FALSE;
    }
  return TRUE;
}

typedef void (*ChunkFunc) (GArray   *ids,
                           gpointer  user_data);

typedef enum {
  RUN_DONE,      /* every row read */
  RUN_FULL,      /* the head has its page */
  RUN_GAVE_UP,   /* the head ran out of time */
  RUN_FAILED,
} RunResult;

typedef struct {
  HdDatabase            *db;
  sqlite3               *handle;
  const HdRequestFilter *filter;
  HdRequestSort          sort;
  gboolean               descending;
  const Moments         *moments;
  GCancellable          *cancellable;
  ChunkFunc              chunk;
  gpointer               chunk_data;
  GArray                *ids;         /* not handed over yet */
  guint                  flush_at;
  guint                  n_emitted;
  const GArray          *skip;        /* the head, already handed over */
  /* The requests that match the search, when the streams test them (see read_matches()) */
  const guint8          *matches;
  gint64                 n_match_bits;
  /* The head */
  Matcher               *matcher;
  gboolean               may_give_up; /* a head that tests each row against the search */
  guint                  limit;
  guint                  head_rows;   /* the most rows it may look at */
  guint                  n_scanned;
  guint                  n_progress;
  gint64                 head_start;
  gint64                 deadline;
} Run;

typedef struct {
  sqlite3_stmt *stmt;
  gboolean      live;
  gint64        id;
  gint64        key;
} Stream;

/* The head's clock: the CPU time of this thread, so that a busy machine does not make it give
 * up on words it would have found at once (the wall time would) */
static gint64
thread_usec (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static int
progress_cb (void *user_data)
{
  Run *run = user_data;

  /* Non-zero interrupts the statement: the user typed on, or the head is out of time */
  return g_cancellable_is_cancelled (run->cancellable) ||
         (run->deadline != 0 && (++run->n_progress & 15) == 0 && thread_usec () > run->deadline);
}

static void
flush (Run *run)
{
  if (run->chunk == NULL || run->ids->len == 0)
    return;
  run->chunk (run->ids, run->chunk_data);
  g_array_set_size (run->ids, 0);
}

/* Returns FALSE when the head has its page */
static gboolean
emit (Run    *run,
      gint64  id)
{
  if (run->skip != NULL && run->n_emitted < run->skip->len)
    {
      if (G_UNLIKELY (g_array_index (run->skip, gint64, run->n_emitted) != id))
        g_warning ("The first page of the journal differs from its snapshot at row %u", run->n_emitted);
      run->n_emitted++;
      return TRUE;
    }

  g_array_append_val (run->ids, id);
  run->n_emitted++;
  if (run->limit != 0)
    return run->n_emitted < run->limit;
  if (run->ids->len >= run->flush_at)
    {
      flush (run);
      /* Growing chunks: the first page at once, then few hand-overs */
      run->flush_at = MIN (run->flush_at * 8, BLOCK_IDS);
    }
  return TRUE;
}

static gboolean
set_step_error (Run *run,
                int  rc,
                GError **error)
{
  if (g_cancellable_set_error_if_cancelled (run->cancellable, error))
    return FALSE;
  if (rc == SQLITE_INTERRUPT && run->deadline != 0)
    return TRUE;   /* the head's time is up: not an error */
  hd_database_set_error (run->db, rc, error);
  return FALSE;
}

static sqlite3_stmt *
prepare (Run         *run,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (run->handle, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      g_critical ("Cannot prepare “%s”: %s", sql, sqlite3_errmsg (run->handle));
      hd_database_set_error (run->db, rc, error);
      return NULL;
    }
  bind_filter (stmt, run->filter, run->moments);
  return stmt;
}

/* One ordered statement: @key is compared before the id when streams are merged; @extra
 * narrows it to one run of the order (bound to :value) */
static sqlite3_stmt *
prepare_stream (Run         *run,
                const char  *key,
                const char  *extra,
                const char  *order,
                GError     **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);

  g_string_printf (sql, "SELECT r.id, %s, %s FROM requests r WHERE r.archived = 0",
                   key != NULL ? key : "0", run->matcher != NULL ? "r.search_text" : "NULL");
  append_conditions (sql, run->filter);
  if (extra != NULL)
    g_string_append (sql, extra);
  g_string_append (sql, " ORDER BY ");
  g_string_append (sql, order);
  return prepare (run, sql->str, error);
}

/* The head stops when it cannot find its page in its time: past the deadline, or when the
 * matches so far say the page would take longer (rare words are left to the FTS index after
 * a few hundred rows, not after the whole budget). */
static gboolean
head_gives_up (Run *run)
{
  gint64 now, spent;

  if (++run->n_scanned >= run->head_rows)
    return TRUE;
  if (run->deadline == 0 || (run->n_scanned & 255) != 0)
    return FALSE;
  /* a few hundred rows say little of the rate of matches */
  if (run->n_scanned < 1024 && run->n_emitted > 0)
    return FALSE;
  now = thread_usec ();
  if (now > run->deadline)
    return TRUE;
  spent = now - run->head_start;
  /* the time the rows still needed take, at the rates of rows and of matches so far */
  return (double) spent * (run->limit - run->n_emitted) / MAX (run->n_emitted, 1) > run->deadline - now;
}

static void
finalize_stmt (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static int
advance (Stream *s)
{
  int rc = sqlite3_step (s->stmt);

  s->live = rc == SQLITE_ROW;
  if (s->live)
    {
      s->id = sqlite3_column_int64 (s->stmt, 0);
      s->key = sqlite3_column_int64 (s->stmt, 1);
    }
  return rc;
}

/* Merges @streams, each in order, into the order of the journal */
static RunResult
merge (Run         *run,
       GPtrArray   *stmts,
       gboolean     key_descending,
       gboolean     id_descending,
       GError     **error)
{
  g_autofree Stream *streams = g_new0 (Stream, stmts->len);
  guint n = stmts->len;

  for (guint i = 0; i < n; i++)
    {
      int rc;

      streams[i].stmt = g_ptr_array_index (stmts, i);
      rc = advance (&streams[i]);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return set_step_error (run, rc, error) ? RUN_GAVE_UP : RUN_FAILED;
    }

  for (;;)
    {
      Stream *best = NULL;
      int rc;

      for (guint i = 0; i < n; i++)
        {
          Stream *s = &streams[i];

          if (!s->live)
            continue;
          if (best == NULL ||
              (s->key != best->key ? (key_descending ? s->key > best->key : s->key < best->key)
                                   : (id_descending ? s->id > best->id : s->id < best->id)))
            best = s;
        }
      if (best == NULL)
        return RUN_DONE;

      if (run->matches != NULL
          ? best->id >= 0 && best->id < run->n_match_bits &&
            (run->matches[best->id >> 3] & (1u << (best->id & 7))) != 0
          : run->matcher == NULL ||
            matcher_matches (run->matcher, best->id,
                             (const char *) sqlite3_column_text (best->stmt, 2),
                             sqlite3_column_bytes (best->stmt, 2)))
        {
          if (!emit (run, best->id))
            return RUN_FULL;
        }
      if (run->may_give_up && head_gives_up (run))
        return RUN_GAVE_UP;

      rc = advance (best);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return set_step_error (run, rc, error) ? RUN_GAVE_UP : RUN_FAILED;
    }
}

static RunResult
merge_and_finalize (Run       *run,
                    GPtrArray *stmts,
                    gboolean   key_descending,
                    gboolean   id_descending,
                    GError   **error)
{
  RunResult result = merge (run, stmts, key_descending, id_descending, error);

  g_ptr_array_set_size (stmts, 0);
  return result;
}

static RunResult
run_streams (Run     *run,
             GError **error)
{
  g_autoptr(GPtrArray) stmts = g_ptr_array_new_with_free_func (finalize_stmt);
  gboolean desc = run->descending;
  const char *dir = desc ? " DESC" : " ASC";
  const char *rev = desc ? " ASC" : " DESC";
  g_autofree char *order = NULL;
  RunResult result = RUN_DONE;
  sqlite3_stmt *stmt;

  switch (run->sort)
    {
    case HD_REQUEST_SORT_NUMBER:
    case HD_REQUEST_SORT_RECEIVED:
    case HD_REQUEST_SORT_REQUESTER:
    case HD_REQUEST_SORT_SUMMARY:
      {
        GString *sql = g_string_new (NULL);

        append_order (sql, run->sort, desc);
        order = g_string_free (sql, FALSE);
        if ((stmt = prepare_stream (run, NULL, NULL, order + strlen (" ORDER BY "), error)) == NULL)
          return RUN_FAILED;
        g_ptr_array_add (stmts, stmt);
        return merge_and_finalize (run, stmts, desc, desc, error);
      }

    case HD_REQUEST_SORT_KIND:
    case HD_REQUEST_SORT_CHANNEL:
    case HD_REQUEST_SORT_TOPIC:
      {
        /* The sorted column's place in the group number, and the other two's */
        static const struct { guint n; int scale; } parts[] = {
          { HD_N_REQUESTER_KINDS, 100 }, { HD_N_CHANNELS, 10 }, { HD_N_TOPICS, 1 },
        };
        guint col = run->sort == HD_REQUEST_SORT_KIND ? 0 : run->sort == HD_REQUEST_SORT_CHANNEL ? 1 : 2;
        guint a = col == 0 ? 1 : 0;
        guint b = col == 2 ? 1 : 2;

        order = g_strconcat ("r.id", dir, NULL);
        for (guint i = 0; i < parts[col].n && result == RUN_DONE; i++)
          {
            guint value = desc ? parts[col].n - 1 - i : i;

            for (guint x = 0; x < parts[a].n; x++)
              for (guint y = 0; y < parts[b].n; y++)
                {
                  stmt = prepare_stream (run, NULL, " AND " GROUP_EXPRESSION " = :value", order, error);
                  if (stmt == NULL)
                    return RUN_FAILED;
                  bind_named_int64 (stmt, ":value", value * parts[col].scale + x * parts[a].scale + y * parts[b].scale);
                  g_ptr_array_add (stmts, stmt);
                }
            result = merge_and_finalize (run, stmts, desc, desc, error);
          }
        return result;
      }

    case HD_REQUEST_SORT_STATUS:
      order = g_strconcat ("r.received_at", dir, ", r.id", dir, NULL);
      for (guint i = 0; i < HD_N_STATUSES && result == RUN_DONE; i++)
        {
          HdStatus status = desc ? HD_N_STATUSES - 1 - i : i;

          if ((stmt = prepare_stream (run, NULL, " AND r.status = :value", order, error)) == NULL)
            return RUN_FAILED;
          bind_named_text (stmt, ":value", hd_enum_key (HD_ENUM_STATUS, status));
          g_ptr_array_add (stmts, stmt);
          result = merge_and_finalize (run, stmts, desc, desc, error);
        }
      return result;

    case HD_REQUEST_SORT_AGE:
      {
        g_autofree char *closed_order = g_strconcat (CLOSED_AGE_EXPRESSION, rev, ", r.id", rev, NULL);

        /* The age of an open request is now − received, so the youngest came last */
        order = g_strconcat ("r.received_at", rev, ", r.id", rev, NULL);
        for (HdStatus status = 0; status < HD_N_STATUSES; status++)
          {
            if (hd_status_is_closed (status))
              continue;
            stmt = prepare_stream (run, ":now - r.received_at", " AND r.status = :value", order, error);
            if (stmt == NULL)
              return RUN_FAILED;
            bind_named_text (stmt, ":value", hd_enum_key (HD_ENUM_STATUS, status));
            g_ptr_array_add (stmts, stmt);
          }
        stmt = prepare_stream (run, "COALESCE (r.resolved_at, r.received_at) - r.received_at",
                               " AND r.status IN " CLOSED_STATUSES, closed_order, error);
        if (stmt == NULL)
          return RUN_FAILED;
        g_ptr_array_add (stmts, stmt);
        return merge_and_finalize (run, stmts, desc, !desc, error);
      }

    case HD_N_REQUEST_SORTS:
    default:
      g_assert_not_reached ();
    }
}

/* When the head gives up, the words are rare where the order starts, though maybe common
 * further on («оценк» sorted by topic: none under «Расписание», a third of the journal
 * under the grades). Sorting every match in SQL reads each one's row, a third of a second
 * for 300 000 matches; the FTS index lists them in a tenth of that. So the matches go into a
 * bit set by request number, and the ordered streams, which read only their indexes, skip
 * the others. Fewer matches (under one request in 32: @dense is FALSE) are cheaper to sort
 * in full, but a row read for each is still tens of milliseconds for 20 000 of them, spent
 * before the first rows («ктп»): the set then finds only the first page (bit_head()). */
static guint8 *
read_matches (Run      *run,
              gint64   *n_bits,
              gboolean *dense,
              GError  **error)
{
  g_autofree guint8 *bits = NULL;
  sqlite3_stmt *stmt;
  gint64 max_id = 0;
  guint count = 0;
  int rc;

  if ((stmt = prepare (run, "SELECT max(rowid) FROM requests", error)) == NULL)
    return NULL;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    max_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  /* a bit set of at most 8 MB */
  if (max_id <= 0 || max_id >= ((gint64) 64 << 20))
    return NULL;

  if ((stmt = prepare (run, "SELECT rowid FROM requests_fts WHERE requests_fts MATCH :match", error)) == NULL)
    return NULL;
  *n_bits = max_id + 1;
  bits = g_malloc0 ((*n_bits + 7) / 8);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (id >= 0 && id < *n_bits)
        {
          bits[id >> 3] |= 1u << (id & 7);
          count++;
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      set_step_error (run, rc, error);
      return NULL;
    }
  *dense = (gint64) count * 32 >= max_id;

  /* «№125» also finds request 125 itself */
  {
    gint64 number = search_number (run->filter->search);

    if (number > 0 && number < *n_bits)
      bits[number >> 3] |= 1u << (number & 7);
  }
  return g_steal_pointer (&bits);
}

/* After a head: its page is handed over and the snapshot that follows skips it, or, when it
 * gave up, dropped */
static void
end_head (Run        *run,
          RunResult   result,
          GArray    **head)
{
  run->limit = 0;
  run->deadline = 0;
  run->may_give_up = FALSE;
  if (result == RUN_FULL)
    {
      *head = g_array_copy (run->ids);
      flush (run);
      run->skip = *head;
      run->flush_at = PAGE_SIZE * 8;
    }
  else if (result == RUN_GAVE_UP)
    g_array_set_size (run->ids, 0);
  run->n_emitted = 0;
}

/* The first page of a search with few matches, from the ordered streams tested against the
 * bit set of read_matches(): they read only their indexes, so tens of thousands of index
 * entries take a few milliseconds, where the tokenizer's head reads each row. It has half the
 * head's time and 64 times its rows; the estimate of head_gives_up() stops it early when the
 * matches are too rare even for this (a name: 285 of a million). */
static RunResult
bit_head (Run     *run,
          GArray **head,
          GError **error)
{
  RunResult result;
  gint64 start = thread_usec ();

  run->limit = PAGE_SIZE;
  run->may_give_up = TRUE;
  run->n_scanned = 0;
  run->head_start = start;
  run->deadline = head_max_usec > 0 ? start + head_max_usec / 2 : 0;
  run->head_rows = head_max_rows < G_MAXUINT / 64 ? head_max_rows * 64 : G_MAXUINT;
  result = run_streams (run, error);
  g_debug ("First page of “%s” from its matches: %s after %u rows, %.1f ms", run->filter->search,
           result == RUN_FULL ? "found" : result == RUN_DONE ? "all" : "gave up",
           run->n_scanned, (thread_usec () - start) / 1000.0);
  end_head (run, result, head);
  return result;
}

/* The whole journal by a column whose index costs a random row read for each request: past
 * the first page, reading the table in its order and sorting is several times faster. */
static char *
scan_sql (const HdRequestFilter *filter,
          HdRequestSort          sort,
          gboolean               descending)
{
  GString *sql = g_string_new ("SELECT r.id FROM requests r NOT INDEXED WHERE r.archived = 0");

  append_conditions (sql, filter);
  append_order (sql, sort, descending);
  return g_string_free (sql, FALSE);
}

static RunResult
run_sql (Run        *run,
         const char *sql,
         GError    **error)
{
  sqlite3_stmt *stmt = prepare (run, sql, error);
  int rc;

  if (stmt == NULL)
    return RUN_FAILED;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    emit (run, sqlite3_column_int64 (stmt, 0));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      set_step_error (run, rc, error);
      return RUN_FAILED;
    }
  return RUN_DONE;
}

/* The ids of the snapshot; with @chunk, handed over in growing chunks as they come (the first
 * page at once) and the returned array is empty. */
static GArray *
run_snapshot (HdDatabase            *db,
              const HdRequestFilter *filter,
              HdRequestSort          sort,
              gboolean               descending,
              const Moments         *moments,
              ChunkFunc              chunk,
              gpointer               chunk_data,
              GCancellable          *cancellable,
              GError               **error)
{
  g_autoptr(GArray) ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), 1024);
  g_autoptr(GArray) head = NULL;
  g_autoptr(Matcher) matcher = NULL;
  RunResult result = RUN_FAILED;
  const char *page_from = "sorted";
  gboolean own_transaction;
  Run run = { 0 };

  run.db = db;
  run.handle = hd_database_get_handle (db);
  run.filter = filter;
  run.sort = sort;
  run.descending = descending;
  run.moments = moments;
  run.cancellable = cancellable;
  run.chunk = chunk;
  run.chunk_data = chunk_data;
  run.ids = ids;
  run.flush_at = PAGE_SIZE;

  /* One read transaction (deferred: it takes no lock from writers), so the head and the
   * snapshot see the same rows */
  own_transaction = sqlite3_get_autocommit (run.handle);
  if (own_transaction && !hd_database_exec (db, "BEGIN", error))
    return NULL;
  sqlite3_progress_handler (run.handle, 1000, progress_cb, &run);

  if (!search_has_words (filter->search))
    {
      if ((sort == HD_REQUEST_SORT_REQUESTER || sort == HD_REQUEST_SORT_AGE) &&
          hd_request_filter_is_empty (filter))
        {
          g_autofree char *sql = scan_sql (filter, sort, descending);

          /* The first page from the index, the rest from the scan */
          if (chunk != NULL)
            {
              run.limit = PAGE_SIZE;
              result = run_streams (&run, error);
              end_head (&run, result, &head);
            }
          if (chunk == NULL || result == RUN_FULL)
            result = run_sql (&run, sql, error);
        }
      else
        result = run_streams (&run, error);
      page_from = "streams";
    }
  else
    {
      /* Only a model that streams has a use for a head */
      if (chunk != NULL && head_max_rows > 0)
        matcher = matcher_new (run.handle, filter->search);
      if (matcher != NULL)
        {
          gint64 start = thread_usec ();

          run.matcher = matcher;
          run.may_give_up = TRUE;
          run.head_rows = head_max_rows;
          run.limit = PAGE_SIZE;
          run.head_start = start;
          run.deadline = head_max_usec > 0 ? start + head_max_usec : 0;
          result = run_streams (&run, error);
          g_debug ("First page of “%s”: %s after %u rows, %.1f ms", filter->search,
                   result == RUN_FULL ? "found" : result == RUN_DONE ? "all" : "gave up",
                   run.n_scanned, (thread_usec () - start) / 1000.0);
          run.matcher = NULL;
          end_head (&run, result, &head);
          page_from = result == RUN_GAVE_UP ? "sorted" : "tokenizer";
        }
      if (result == RUN_GAVE_UP)
        {
          gboolean dense = FALSE;
          g_autofree guint8 *matches = read_matches (&run, &run.n_match_bits, &dense, error);

          if (matches != NULL)
            {
              run.matches = matches;
              if (dense)
                {
                  g_debug ("“%s”: the ordered streams keep the matches of the FTS index", filter->search);
                  result = run_streams (&run, error);
                }
              else
                result = bit_head (&run, &head, error);
              page_from = result == RUN_GAVE_UP ? "sorted" : "matches";
              run.matches = NULL;
            }
          else if (g_cancellable_is_cancelled (cancellable) ||
                   (error != NULL && *error != NULL))
            result = RUN_FAILED;
        }
      if (matcher == NULL || result == RUN_FULL || result == RUN_GAVE_UP)
        {
          g_autofree char *sql = search_sql (filter, sort, descending);

          result = run_sql (&run, sql, error);
        }
    }

  sqlite3_progress_handler (run.handle, 0, NULL, NULL);
  if (own_transaction)
    hd_database_exec (db, "COMMIT", NULL);

  if (result == RUN_FAILED)
    return NULL;
  g_assert (result == RUN_DONE);
  if (chunk != NULL)
    {
      flush (&run);
      g_atomic_pointer_set (&last_first_page, page_from);
    }
  return g_steal_pointer (&ids);
}

/* Pages */

static void
page_free (Page *page)
{
  g_ptr_array_unref (page->rows);
  g_free (page);
}

static char *
build_page_sql (void)
{
  GString *sql = g_string_new ("SELECT r.id, r.received_at, p.full_name, r.requester_kind, r.channel,"
                               " r.topic, r.summary, r.status, length (p.email) > 0,"
                               " r.resolved_at"
                               " FROM requests r JOIN people p ON p.id = r.requester_id"
                               " WHERE r.id IN (");

  for (guint i = 0; i < PAGE_SIZE; i++)
    g_string_append (sql, i == 0 ? "?" : ",?");
  g_string_append_c (sql, ')');
  return g_string_free (sql, FALSE);
}

static int
enum_or_zero (HdEnumKind  kind,
              const char *key)
{
  int value = hd_enum_from_key (kind, key);

  return value >= 0 ? value : 0;
}

static HdRequestRow *
row_from_stmt (HdRequestList *self,
               HdStmt        *stmt)
{
  gint64 id = sqlite3_column_int64 (stmt, 0);
  gint64 received_at = sqlite3_column_int64 (stmt, 1);
  int status = enum_or_zero (HD_ENUM_STATUS, hd_stmt_column_text (stmt, 7));
  gint64 resolved_at = sqlite3_column_int64 (stmt, 9);
  gint64 now = self->moments.now;
  gint64 end = hd_status_is_closed (status) && resolved_at != 0 ? resolved_at : now;
  gint64 overdue = 0;
  gint64 day;
  int age_days;

  if (self->terms != NULL)
    {
      gint64 term = hd_terms_get_resolution (self->terms);

      day = MAX (hd_terms_get_day_seconds (self->terms), 1);
      age_days = hd_terms_working_seconds (self->terms, received_at, end) / day;
      /* Working time since reception bounds the clock from above (it only stops); only when
       * that bound is past the term is the history worth reading. */
      if (!hd_status_is_closed (status) &&
          hd_terms_working_seconds (self->terms, received_at, now) > term)
        {
          HdRequestClock clock;
          g_autoptr(GError) error = NULL;

          if (hd_terms_load_clock (self->terms, self->db, id, now, &clock, &error))
            overdue = clock.resolution_overdue;
          else
            g_debug ("No clock for request %" G_GINT64_FORMAT ": %s", id, error->message);
        }
    }
  else
    {
      day = 24 * 3600;
      age_days = (end - received_at) / day;
      if (!hd_status_is_closed (status) && received_at < self->moments.overdue_cutoff)
        overdue = self->moments.overdue_cutoff - received_at;
    }

  return hd_request_row_new (id, received_at,
                             hd_stmt_column_text (stmt, 2),
                             enum_or_zero (HD_ENUM_REQUESTER_KIND, hd_stmt_column_text (stmt, 3)),
                             enum_or_zero (HD_ENUM_CHANNEL, hd_stmt_column_text (stmt, 4)),
                             enum_or_zero (HD_ENUM_TOPIC, hd_stmt_column_text (stmt, 5)),
                             hd_stmt_column_text (stmt, 6),
                             status,
                             sqlite3_column_int (stmt, 8) > 0,
                             age_days,
                             overdue,
                             (int) ((overdue + day - 1) / day));
}

/* Rows of @ids[0..n_ids), in that order; a request that vanished since the snapshot (deleted
 * with the sqlite3 tool) gets an empty row rather than a hole. */
static GPtrArray *
fetch_rows (HdRequestList *self,
            const gint64  *ids,
            guint          n_ids)
{
  static char *page_sql = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) positions = NULL;
  GPtrArray *rows;
  HdStmt *stmt;

  g_assert (n_ids <= PAGE_SIZE);

  if (g_once_init_enter (&page_sql))
    g_once_init_leave (&page_sql, build_page_sql ());

  rows = g_ptr_array_new_full (n_ids, g_object_unref);
  g_ptr_array_set_size (rows, n_ids);
  positions = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < n_ids; i++)
    g_hash_table_insert (positions, (gpointer) &ids[i], GUINT_TO_POINTER (i + 1));

  stmt = hd_database_prepare (self->db, page_sql, &error);
  if (stmt != NULL)
    {
      g_autoptr(HdStmt) auto_stmt = stmt;
      int rc;

      for (guint i = 0; i < n_ids; i++)
        sqlite3_bind_int64 (stmt, i + 1, ids[i]);
      while ((rc = hd_database_step (self->db, stmt, &error)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          guint position = GPOINTER_TO_UINT (g_hash_table_lookup (positions, &id));

          if (position > 0 && g_ptr_array_index (rows, position - 1) == NULL)
            g_ptr_array_index (rows, position - 1) = row_from_stmt (self, stmt);
        }
    }
  if (error != NULL)
    g_warning ("Cannot read requests of the journal: %s", error->message);

  for (guint i = 0; i < n_ids; i++)
    if (g_ptr_array_index (rows, i) == NULL)
      g_ptr_array_index (rows, i) = hd_request_row_new (ids[i], 0, "", 0, 0, 0, "", 0, FALSE, 0, 0, 0);
  return rows;
}

static const gint64 *
id_slot (HdRequestList *self,
         guint          position)
{
  const gint64 *block = g_ptr_array_index (self->blocks, position >> BLOCK_SHIFT);

  return &block[position & (BLOCK_IDS - 1)];
}

static Page *
get_page (HdRequestList *self,
          guint          index)
{
  Page *page;
  guint start, n;

  for (GList *l = self->pages.head; l != NULL; l = l->next)
    {
      page = l->data;
      if (page->index == index)
        {
          if (l != self->pages.head)
            {
              g_queue_unlink (&self->pages, l);
              g_queue_push_head_link (&self->pages, l);
            }
          return page;
        }
    }

  start = index * PAGE_SIZE;
  g_assert (start < self->n_ids);
  n = MIN (PAGE_SIZE, self->n_ids - start);

  page = g_new0 (Page, 1);
  page->index = index;
  /* a page lies within one block */
  page->rows = fetch_rows (self, id_slot (self, start), n);
  g_queue_push_head (&self->pages, page);

  while (self->pages.length > MAX_PAGES)
    page_free (g_queue_pop_tail (&self->pages));

  return page;
}

/* GListModel */

static GType
hd_request_list_get_item_type (GListModel *model)
{
  return HD_TYPE_REQUEST_ROW;
}

static guint
hd_request_list_get_n_items (GListModel *model)
{
  return HD_REQUEST_LIST (model)->n_ids;
}

static gpointer
hd_request_list_get_item (GListModel *model,
                          guint       position)
{
  HdRequestList *self = HD_REQUEST_LIST (model);
  Page *page;

  if (position >= self->n_ids)
    return NULL;

  page = get_page (self, position / PAGE_SIZE);
  return g_object_ref (g_ptr_array_index (page->rows, position % PAGE_SIZE));
}

static void
hd_request_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = hd_request_list_get_item_type;
  iface->get_n_items = hd_request_list_get_n_items;
  iface->get_item = hd_request_list_get_item;
}

/* GObject */

static void
hd_request_list_finalize (GObject *object)
{
  HdRequestList *self = HD_REQUEST_LIST (object);

  g_assert (self->first_rows == NULL);

  g_queue_clear_full (&self->pages, (GDestroyNotify) page_free);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->filled, g_ptr_array_unref);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->pushed_cond);
  hd_request_filter_clear (&self->filter);
  g_clear_object (&self->terms);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (hd_request_list_parent_class)->finalize (object);
}

static void
hd_request_list_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  HdRequestList *self = HD_REQUEST_LIST (object);

  switch (prop_id)
    {
    case PROP_COMPLETE:
      g_value_set_boolean (value, self->complete);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_request_list_class_init (HdRequestListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hd_request_list_finalize;
  object_class->get_property = hd_request_list_get_property;

  /**
   * HdRequestList:complete:
   *
   * Whether every matching request is in the model. A model from hd_request_list_new_async()
   * arrives with its first rows and grows (items-changed at its end) until then.
   */
  properties[PROP_COMPLETE] =
    g_param_spec_boolean ("complete", NULL, NULL,
                          TRUE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hd_request_list_init (HdRequestList *self)
{
  hd_request_filter_init (&self->filter);
  g_queue_init (&self->pages);
  g_mutex_init (&self->lock);
  g_cond_init (&self->pushed_cond);
  self->blocks = g_ptr_array_new ();
  self->filled = g_ptr_array_new_with_free_func (g_free);
  self->complete = TRUE;
}

static HdRequestList *
hd_request_list_new_internal (HdDatabase            *db,
                              HdTerms               *terms,
                              const HdRequestFilter *filter,
                              HdRequestSort          sort,
                              gboolean               descending,
                              const Moments         *moments)
{
  HdRequestList *self = g_object_new (HD_TYPE_REQUEST_LIST, NULL);

  self->db = g_object_ref (db);
  self->terms = terms != NULL ? g_object_ref (terms) : NULL;
  self->filter = *filter;
  self->filter.search = g_strdup (filter->search);
  self->sort = sort;
  self->descending = descending;
  self->moments = *moments;
  return self;
}

/* Appends @ids to the blocks; the caller holds @lock or is the only user */
static void
append_ids (HdRequestList *self,
            const gint64  *ids,
            guint          n)
{
  while (n > 0)
    {
      guint at = self->n_filled & (BLOCK_IDS - 1);
      guint take = MIN (n, BLOCK_IDS - at);
      gint64 *block;

      if (at == 0)
        g_ptr_array_add (self->filled, g_new (gint64, BLOCK_IDS));
      block = g_ptr_array_index (self->filled, self->filled->len - 1);
      memcpy (&block[at], ids, take * sizeof (gint64));
      self->n_filled += take;
      ids += take;
      n -= take;
    }
}

/* Shows the blocks filled so far; returns how many ids were added. Main thread, under @lock
 * when a worker streams. */
static guint
take_filled (HdRequestList *self)
{
  guint added = self->n_filled - self->n_ids;

  for (guint i = self->blocks->len; i < self->filled->len; i++)
    g_ptr_array_add (self->blocks, g_ptr_array_index (self->filled, i));
  self->n_ids = self->n_filled;
  return added;
}

/* Streaming: the worker fills blocks, the main loop shows them in the model */

static void
return_first_rows (HdRequestList *self,
                   GError        *error)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->first_rows);

  if (task == NULL)
    {
      g_clear_error (&error);
      return;
    }
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_object_ref (self), g_object_unref);
}

static void
drain (HdRequestList *self)
{
  guint old_len = self->n_ids;
  guint added;

  /* The worker writes only past n_filled, in blocks the model reads only below it */
  g_mutex_lock (&self->lock);
  added = take_filled (self);
  g_atomic_int_set (&self->drain_queued, 0);
  g_mutex_unlock (&self->lock);

  if (added == 0)
    return;

  /* Only the new end changes: cheap for the view whatever the size (not §2.2's case) */
  g_list_model_items_changed (G_LIST_MODEL (self), old_len, 0, added);
  return_first_rows (self, NULL);
}

static gboolean
drain_cb (gpointer user_data)
{
  drain (user_data);
  return G_SOURCE_REMOVE;
}

/* For tests (hd_request_list_set_stream_pause(), hd_request_list_set_first_rows_wait()) */
static gint64 stream_pause_usec = 0;
static gint64 first_rows_wait_usec = FIRST_ROWS_WAIT_USEC;

/* Only the calling thread, which is the snapshot's own (on Linux a thread has its own nice
 * value); it ends with the snapshot, as a pool thread could not be given its priority back. */
static void
lower_thread_priority (void)
{
#ifdef __linux__
  errno = 0;
  if (setpriority (PRIO_PROCESS, gettid (), MIN (getpriority (PRIO_PROCESS, gettid ()) + STREAM_NICE, 19)) != 0)
    g_debug ("The journal's snapshot keeps its priority: %s", g_strerror (errno));
#endif
}

/* In the worker */
static void
push_chunk (GArray   *ids,
            gpointer  user_data)
{
  HdRequestList *self = user_data;
  gboolean first;

  /* Only this thread sets @pushed */
  first = !self->pushed;
  if (first)
    lower_thread_priority ();

  g_mutex_lock (&self->lock);
  append_ids (self, (const gint64 *) (gpointer) ids->data, ids->len);
  self->pushed = TRUE;
  if (first)
    g_cond_signal (&self->pushed_cond);
  g_mutex_unlock (&self->lock);

  /* The first rows above the priority of redrawing: while the search entry's cursor blinks
   * the main loop draws frame after frame, and an idle would wait for the end of the
   * snapshot. The rest below it, so that the first rows are drawn before more come in. */
  if (g_atomic_int_compare_and_exchange (&self->drain_queued, 0, 1))
    g_idle_add_full (first ? G_PRIORITY_DEFAULT : G_PRIORITY_DEFAULT_IDLE, drain_cb,
                     g_object_ref (self), g_object_unref);
  if (first && stream_pause_usec > 0)
    g_usleep (stream_pause_usec);
}

typedef struct {
  HdDatabase      *db;
  HdRequestFilter *filter;
  HdRequestSort    sort;
  gboolean         descending;
  Moments          moments;
} SnapshotData;

static void
snapshot_data_free (SnapshotData *data)
{
  g_clear_object (&data->db);
  hd_request_filter_free (data->filter);
  g_free (data);
}

/* @self lives on: the thread's task holds it */
static void
snapshot_thread_done (HdRequestList *self)
{
  g_mutex_lock (&self->lock);
  self->worker_done = TRUE;
  g_cond_signal (&self->pushed_cond);
  g_mutex_unlock (&self->lock);
}

static gpointer
snapshot_thread (gpointer user_data)
{
  g_autoptr(GTask) task = user_data;
  SnapshotData *data = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  gpointer source_object = g_task_get_source_object (task);
  g_autoptr(HdDatabase) connection = NULL;
  g_autoptr(GArray) ids = NULL;
  GError *error = NULL;

  /* A connection belongs to one thread at a time; WAL lets this reader run beside the
   * main thread's writes. */
  connection = hd_database_open_connection (data->db, &error);
  if (connection == NULL)
    {
      g_task_return_error (task, error);
      snapshot_thread_done (source_object);
      return NULL;
    }

  ids = run_snapshot (connection, data->filter, data->sort, data->descending, &data->moments,
                      push_chunk, source_object, cancellable, &error);
  if (ids == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
  /* After the return: its callback is then due when hd_request_list_new_async() stops waiting */
  snapshot_thread_done (source_object);
  return NULL;
}

static void
snapshot_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  HdRequestList *self = HD_REQUEST_LIST (source);
  GError *error = NULL;

  drain (self);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      gboolean cancelled = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      gboolean shown = self->first_rows == NULL;

      /* Before the first rows the caller gets the error; after them, the model just stops */
      if (shown && !cancelled)
        g_warning ("The journal stopped loading: %s", error->message);
      return_first_rows (self, error);
      /* Cancelled while streaming: its count is not the answer, so it never says it is
       * complete (the view that cancelled it has a new model coming) */
      if (shown && cancelled)
        return;
    }
  else
    return_first_rows (self, NULL);

  self->complete = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
}

/* Public API */

/**
 * hd_request_list_new_sync:
 * @db: the database (its own connection is used, on the calling thread)
 * @terms: (nullable): the terms, for the overdue queue, ages and overdue marks
 * @filter: (nullable): what to show; %NULL for everything
 * @sort: the column to sort by
 * @descending: whether to sort from the largest
 * @now: the moment for the queues and ages, or 0 for the current time
 *
 * Builds the snapshot on the calling thread. The UI uses hd_request_list_new_async().
 *
 * Returns: (transfer full): the model, or %NULL with @error set
 */
HdRequestList *
hd_request_list_new_sync (HdDatabase            *db,
                          HdTerms               *terms,
                          const HdRequestFilter *filter,
                          HdRequestSort          sort,
                          gboolean               descending,
                          gint64                 now,
                          GCancellable          *cancellable,
                          GError               **error)
{
  HdRequestFilter all;
  HdRequestList *self;
  Moments moments;
  GArray *ids;

  g_return_val_if_fail (HD_IS_DATABASE (db), NULL);
  g_return_val_if_fail (terms == NULL || HD_IS_TERMS (terms), NULL);
  g_return_val_if_fail (sort < HD_N_REQUEST_SORTS, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (filter == NULL)
    {
      hd_request_filter_init (&all);
      filter = &all;
    }
  compute_moments (terms, now != 0 ? now : g_get_real_time () / G_USEC_PER_SEC, &moments);

  ids = run_snapshot (db, filter, sort, descending, &moments, NULL, NULL, cancellable, error);
  if (ids == NULL)
    return NULL;
  self = hd_request_list_new_internal (db, terms, filter, sort, descending, &moments);
  append_ids (self, (const gint64 *) (gpointer) ids->data, ids->len);
  take_filled (self);
  g_array_unref (ids);
  return self;
}

/**
 * hd_request_list_new_async:
 *
 * Like hd_request_list_new_sync(), but the snapshot query runs in a worker thread on its own
 * connection, so the window stays responsive on a million requests. @callback runs as soon as
 * the first rows are there (or the query found none); the model then grows at its end until
 * #HdRequestList:complete. Cancel @cancellable when the user types on: the running query is
 * interrupted, and a model cancelled after its first rows stays incomplete.
 *
 * The call itself waits up to 10 ms for the first rows, which usually take a few: then
 * @callback is due before the main loop's next redraw, and the frame that shows the user's
 * click or keystroke shows the rows too.
 */
void
hd_request_list_new_async (HdDatabase            *db,
                           HdTerms               *terms,
                           const HdRequestFilter *filter,
                           HdRequestSort          sort,
                           gboolean               descending,
                           gint64                 now,
                           GCancellable          *cancellable,
                           GAsyncReadyCallback    callback,
                           gpointer               user_data)
{
  g_autoptr(GTask) worker = NULL;
  HdRequestFilter all;
  HdRequestList *self;
  SnapshotData *data;
  Moments moments;
  gint64 deadline;
  gboolean pushed;

  g_return_if_fail (HD_IS_DATABASE (db));
  g_return_if_fail (terms == NULL || HD_IS_TERMS (terms));
  g_return_if_fail (sort < HD_N_REQUEST_SORTS);

  if (filter == NULL)
    {
      hd_request_filter_init (&all);
      filter = &all;
    }
  compute_moments (terms, now != 0 ? now : g_get_real_time () / G_USEC_PER_SEC, &moments);

  self = hd_request_list_new_internal (db, terms, filter, sort, descending, &moments);
  self->complete = FALSE;
  self->first_rows = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (self->first_rows, hd_request_list_new_async);

  data = g_new0 (SnapshotData, 1);
  data->db = g_object_ref (db);
  data->filter = hd_request_filter_copy (filter);
  data->sort = sort;
  data->descending = descending;
  data->moments = moments;

  /* The worker task holds the model until the snapshot is complete */
  worker = g_task_new (self, cancellable, snapshot_done_cb, NULL);
  g_task_set_task_data (worker, data, (GDestroyNotify) snapshot_data_free);
  /* Its own thread, not the pool's: it lowers its priority after the first rows */
  g_thread_unref (g_thread_new ("hd-snapshot", snapshot_thread, g_steal_pointer (&worker)));

  /* The first rows usually take a few milliseconds. The click or keystroke that asked for
   * them has a frame coming to show itself (the header's arrow, the entry's text), which
   * takes 20-40 ms with a software renderer; the rows drained after it waited for the frame
   * after that. Waiting briefly here lets them into that first frame: the callback is then
   * due at the default priority, before the redraw. */
  deadline = g_get_monotonic_time () + first_rows_wait_usec;
  g_mutex_lock (&self->lock);
  while (!self->pushed && !self->worker_done)
    if (!g_cond_wait_until (&self->pushed_cond, &self->lock, deadline))
      break;
  pushed = self->pushed;
  g_mutex_unlock (&self->lock);
  if (pushed)
    drain (self);
  g_object_unref (self);
}

/**
 * hd_request_list_new_finish:
 *
 * Returns: (transfer full): the model, with its first rows and maybe still growing, or %NULL
 *   with @error set (%G_IO_ERROR_CANCELLED when cancelled)
 */
HdRequestList *
hd_request_list_new_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hd_request_list_new_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * hd_request_list_is_complete:
 *
 * Returns: whether every matching request is in the model (see #HdRequestList:complete)
 */
gboolean
hd_request_list_is_complete (HdRequestList *self)
{
  g_return_val_if_fail (HD_IS_REQUEST_LIST (self), TRUE);
  return self->complete;
}

/**
 * hd_request_list_get_count:
 *
 * Returns: how many requests match the filter (the length of the snapshot)
 */
guint
hd_request_list_get_count (HdRequestList *self)
{
  g_return_val_if_fail (HD_IS_REQUEST_LIST (self), 0);
  return self->n_ids;
}

/**
 * hd_request_list_get_id:
 *
 * Returns: the id of the request at @position without building its row, or 0
 */
gint64
hd_request_list_get_id (HdRequestList *self,
                        guint          position)
{
  g_return_val_if_fail (HD_IS_REQUEST_LIST (self), 0);

  if (position >= self->n_ids)
    return 0;
  return *id_slot (self, position);
}

/**
 * hd_request_list_find:
 *
 * Returns: the position of request @id, or %G_MAXUINT when the snapshot does not hold it
 */
guint
hd_request_list_find (HdRequestList *self,
                      gint64         id)
{
  g_return_val_if_fail (HD_IS_REQUEST_LIST (self), G_MAXUINT);

  for (guint b = 0; b < self->blocks->len; b++)
    {
      const gint64 *ids = g_ptr_array_index (self->blocks, b);
      guint n = MIN (BLOCK_IDS, self->n_ids - b * BLOCK_IDS);

      for (guint i = 0; i < n; i++)
        if (ids[i] == id)
          return b * BLOCK_IDS + i;
    }
  return G_MAXUINT;
}

/**
 * hd_request_list_get_row:
 *
 * Returns: (transfer full) (nullable): the row at @position
 */
HdRequestRow *
hd_request_list_get_row (HdRequestList *self,
                         guint          position)
{
  g_return_val_if_fail (HD_IS_REQUEST_LIST (self), NULL);
  return g_list_model_get_item (G_LIST_MODEL (self), position);
}

/**
 * hd_request_list_refresh_row:
 * @id: a request that was changed
 *
 * Reads the request again when its row is cached and tells the view (items-changed of that one
 * position). Whether it still matches the filter is not checked: the row stays until the next
 * snapshot, as in a mail client.
 *
 * Returns: whether the snapshot holds @id
 */
gboolean
hd_request_list_refresh_row (HdRequestList *self,
                             gint64         id)
{
  guint position;

  g_return_val_if_fail (HD_IS_REQUEST_LIST (self), FALSE);

  position = hd_request_list_find (self, id);
  if (position == G_MAXUINT)
    return FALSE;

  for (GList *l = self->pages.head; l != NULL; l = l->next)
    {
      Page *page = l->data;

      if (page->index == position / PAGE_SIZE)
        {
          g_autoptr(GPtrArray) rows = fetch_rows (self, &id, 1);
          gpointer old = g_ptr_array_index (page->rows, position % PAGE_SIZE);

          g_ptr_array_index (page->rows, position % PAGE_SIZE) = g_object_ref (g_ptr_array_index (rows, 0));
          g_object_unref (old);
          break;
        }
    }

  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
  return TRUE;
}

const HdRequestFilter *
hd_request_list_get_filter (HdRequestList *self)
{
  g_return_val_if_fail (HD_IS_REQUEST_LIST (self), NULL);
  return &self->filter;
}

HdRequestSort
hd_request_list_get_sort (HdRequestList *self)
{
  g_return_val_if_fail (HD_IS_REQUEST_LIST (self), HD_REQUEST_SORT_RECEIVED);
  return self->sort;
}

gboolean
hd_request_list_get_descending (HdRequestList *self)
{
  g_return_val_if_fail (HD_IS_REQUEST_LIST (self), FALSE);
  return self->descending;
}

gint64
hd_request_list_get_now (HdRequestList *self)
{
  g_return_val_if_fail (HD_IS_REQUEST_LIST (self), 0);
  return self->moments.now;
}

/* For tests: the page cache stays bounded */
guint
hd_request_list_get_n_cached_pages (HdRequestList *self)
{
  g_return_val_if_fail (HD_IS_REQUEST_LIST (self), 0);
  return self->pages.length;
}

/**
 * hd_request_list_set_head_budget:
 * @max_rows: rows the first page of a search may look at, or 0 for no such first page
 * @max_usec: its time in microseconds of CPU, or 0 for no limit
 *
 * For tests: how long a streaming search tries to find its first page by reading the sort
 * order before it leaves the search to the full-text index. Not thread-safe; call it before
 * building models.
 */
void
hd_request_list_set_head_budget (guint  max_rows,
                                 gint64 max_usec)
{
  head_max_rows = max_rows;
  head_max_usec = max_usec;
}

/**
 * hd_request_list_get_last_first_page:
 *
 * For tests: how the last streaming model to complete found its first page: "streams" (no
 * search: the sort order's indexes), "tokenizer" (each row of the order tested against the
 * search), "matches" (the order's indexes tested against the matches of the full-text index)
 * or "sorted" (every match sorted by SQLite).
 *
 * Returns: (nullable): one of those, or NULL before any
 */
const char *
hd_request_list_get_last_first_page (void)
{
  return g_atomic_pointer_get (&last_first_page);
}

/**
 * hd_request_list_set_stream_pause:
 * @usec: how long the snapshot's thread waits after handing over its first rows
 *
 * For tests: keeps a streaming model incomplete for a while after its first rows. Not
 * thread-safe; call it before building models.
 */
void
hd_request_list_set_stream_pause (gint64 usec)
{
  stream_pause_usec = usec;
}

/**
 * hd_request_list_set_first_rows_wait:
 * @usec: how long hd_request_list_new_async() waits for the first rows
 *
 * For tests: a longer wait than the default makes the wait's effect certain on a slow
 * machine. Not thread-safe; call it before building models.
 */
void
hd_request_list_set_first_rows_wait (gint64 usec)
{
  first_rows_wait_usec = usec;
}
