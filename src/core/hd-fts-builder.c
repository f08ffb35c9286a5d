/* hd-fts-builder.c — an FTS5 index built on a thread of its own, then copied in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Filling an FTS index is as much work as writing the rows it indexes, all of it in FTS5's
 * tokenizer and term hash, and a database has one writer. So the bulk load of the demo data
 * (hd-demo.c) builds the index of requests_fts on a thread of its own, in a private in-memory
 * database with the same definition of the table, from the search text of each row as the
 * generator writes it; at the end the shadow tables are copied into the file's requests_fts,
 * made anew for it. An FTS5 index is a function of the rows given to it (their ids and text)
 * and of the table's options, whichever database holds it, so the copy is the index a trigger
 * would have built row by row: test-demo compares the two term by term and runs FTS5's
 * integrity check. On two cores the rows and the index take the time of the longer of the
 * two instead of their sum.
 */
#define G_LOG_DOMAIN "hd-fts-builder"

#include "config.h"

#include "hd-database-private.h"
#include "hd-fts-builder.h"

/* FTS5's pending-terms limit while building: 64 MiB instead of its default 1 MiB, so it writes
 * and merges segments a tenth as often */
#define LOAD_HASHSIZE   67108864
/* Rows handed to the thread at a time, and how many such batches may be on their way at once:
 * the texts never pile up (8 × 1024 rows ≈ 3 MB) */
#define BATCH_ROWS      1024
#define N_BATCHES       8

typedef struct {
  GArray  *ids;     /* gint64 */
  GArray  *ends;    /* gsize: where each row's text ends in @texts */
  GString *texts;
} FtsBatch;

struct _HdFtsBuilder {
  char        *create_sql;   /* requests_fts as the file defines it */
  sqlite3     *db;           /* the private database; the thread's until it is joined */
  GThread     *thread;
  GAsyncQueue *full;         /* FtsBatch * for the thread, &batches_end last */
  GAsyncQueue *empty;        /* FtsBatch * to be filled again */
  FtsBatch    *filling;      /* the generator's */
  GPtrArray   *batches;      /* all of them, owned */
  int          rc;           /* the thread's result */
  char        *message;      /* and SQLite's words for it */
};

static FtsBatch batches_end;

static void
fts_batch_free (FtsBatch *batch)
{
  g_array_unref (batch->ids);
  g_array_unref (batch->ends);
  g_string_free (batch->texts, TRUE);
  g_free (batch);
}

static int
fill (HdFtsBuilder *b)
{
  sqlite3_stmt *insert = NULL;
  int rc;

  rc = sqlite3_exec (b->db, b->create_sql, NULL, NULL, NULL);
  /* FTS5 writes its pending terms out as a segment whenever they pass 'hashsize' (1 MiB by
   * default) and merges segments as they pile up; 64 MiB writes and merges a tenth as often.
   * The setting lives in this database's requests_fts_config, which is not copied. */
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (b->db, "INSERT INTO requests_fts (requests_fts, rank)"
                       " VALUES ('hashsize', " G_STRINGIFY (LOAD_HASHSIZE) "); BEGIN",
                       NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (b->db, "INSERT INTO requests_fts (rowid, search_text) VALUES (?1, ?2)",
                             -1, &insert, NULL);

  for (;;)
    {
      FtsBatch *batch = g_async_queue_pop (b->full);
      gsize start = 0;

      if (batch == &batches_end)
        break;
      /* after a failure the batches still come back, so that the generator never waits */
      for (guint i = 0; rc == SQLITE_OK && i < batch->ids->len; i++)
        {
          gsize end = g_array_index (batch->ends, gsize, i);

          sqlite3_bind_int64 (insert, 1, g_array_index (batch->ids, gint64, i));
          sqlite3_bind_text (insert, 2, batch->texts->str + start, (int) (end - start), SQLITE_STATIC);
          rc = sqlite3_step (insert);
          rc = rc == SQLITE_DONE ? sqlite3_reset (insert) : rc;
          start = end;
        }
      g_array_set_size (batch->ids, 0);
      g_array_set_size (batch->ends, 0);
      g_string_truncate (batch->texts, 0);
      g_async_queue_push (b->empty, batch);
    }
  sqlite3_finalize (insert);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (b->db, "COMMIT", NULL, NULL, NULL);   /* the last terms go out */
  return rc;
}

static gpointer
builder_thread (gpointer data)
{
  HdFtsBuilder *b = data;

  b->rc = fill (b);
  if (b->rc != SQLITE_OK)
    b->message = g_strdup (sqlite3_errmsg (b->db));
  return NULL;
}

/**
 * hd_fts_builder_free:
 *
 * Stops the thread (when hd_fts_builder_finish() was not called) and frees everything.
 */
void
hd_fts_builder_free (HdFtsBuilder *b)
{
  if (b->thread != NULL)
    {
      g_async_queue_push (b->full, &batches_end);
      g_thread_join (b->thread);
    }
  sqlite3_close (b->db);
  g_async_queue_unref (b->full);
  g_async_queue_unref (b->empty);
  g_ptr_array_unref (b->batches);
  g_free (b->create_sql);
  g_free (b->message);
  g_free (b);
}

/**
 * hd_fts_builder_new:
 * @create_sql: the CREATE VIRTUAL TABLE statement of requests_fts (one column, search_text),
 *   as sqlite_schema has it
 *
 * Starts the thread that builds the index of requests_fts as @create_sql defines it, in a private
 * in-memory database, from the rows hd_fts_builder_add() hands it.
 *
 * Returns: (transfer full): the builder, or %NULL with @error set
 */
HdFtsBuilder *
hd_fts_builder_new (const char  *create_sql,
                    GError     **error)
{
  g_autoptr(HdFtsBuilder) b = g_new0 (HdFtsBuilder, 1);
  int rc;

  b->create_sql = g_strdup (create_sql);
  b->full = g_async_queue_new ();
  b->empty = g_async_queue_new ();
  b->batches = g_ptr_array_new_with_free_func ((GDestroyNotify) fts_batch_free);
  for (guint i = 0; i < N_BATCHES; i++)
    {
      FtsBatch *batch = g_new0 (FtsBatch, 1);

      batch->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), BATCH_ROWS);
      batch->ends = g_array_sized_new (FALSE, FALSE, sizeof (gsize), BATCH_ROWS);
      batch->texts = g_string_sized_new (512 * BATCH_ROWS);
      g_ptr_array_add (b->batches, batch);
      g_async_queue_push (b->empty, batch);
    }

  rc = sqlite3_open_v2 (":memory:", &b->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      hd_sqlite_set_error (b->db, rc, error);
      return NULL;
    }
  b->thread = g_thread_try_new ("hd-fts-builder", builder_thread, b, error);
  if (b->thread == NULL)
    return NULL;
  return g_steal_pointer (&b);
}

/**
 * hd_fts_builder_add:
 * @id: the row's id (requests.id)
 * @text: (array length=len): the text the FTS table indexes for it, as written to the row
 *
 * Hands a row to the builder's thread; waits only when it is far behind.
 */
void
hd_fts_builder_add (HdFtsBuilder *b,
                    gint64        id,
                    const char   *text,
                    gsize         len)
{
  FtsBatch *batch;

  if (b->filling == NULL)
    b->filling = g_async_queue_pop (b->empty);
  batch = b->filling;
  g_array_append_val (batch->ids, id);
  g_string_append_len (batch->texts, text, len);
  g_array_append_val (batch->ends, batch->texts->len);
  if (batch->ids->len == BATCH_ROWS)
    {
      g_async_queue_push (b->full, batch);
      b->filling = NULL;
    }
}

/**
 * hd_fts_builder_finish:
 * @db: the database to put the index in, inside a transaction, without the FTS table yet
 *
 * Waits for the index of every row added, then creates the table in @db (with the builder's
 * own CREATE statement) and copies the index into its shadow tables. FTS5's shadow tables are
 * read-only to SQL in defensive mode: it is lifted on @db's connection for the copy only.
 *
 * Returns: %TRUE when @db has the table and its index
 */
gboolean
hd_fts_builder_finish (HdFtsBuilder  *b,
                       HdDatabase    *db,
                       GError       **error)
{
  sqlite3 *handle = hd_database_get_handle (db);
  sqlite3_stmt *tables = NULL;
  gboolean ok = TRUE;
  int rc;

  if (b->filling != NULL)
    g_async_queue_push (b->full, g_steal_pointer (&b->filling));
  g_async_queue_push (b->full, &batches_end);
  g_thread_join (g_steal_pointer (&b->thread));
  if (b->rc != SQLITE_OK)
    {
      g_debug ("search index: %s", b->message);
      hd_sqlite_set_error (NULL, b->rc, error);
      return FALSE;
    }

  if (!hd_database_exec (db, b->create_sql, error))
    return FALSE;
  /* Every shadow table but _config, whose settings (hashsize) were the builder's */
  rc = sqlite3_prepare_v2 (b->db, "SELECT name FROM sqlite_schema WHERE type = 'table'"
                           " AND name GLOB 'requests_fts_*' AND name <> 'requests_fts_config'"
                           " ORDER BY name", -1, &tables, NULL);
  sqlite3_db_config (handle, SQLITE_DBCONFIG_DEFENSIVE, 0, NULL);
  while (ok && rc == SQLITE_OK && (rc = sqlite3_step (tables)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (tables, 0);
      g_autofree char *clear = g_strdup_printf ("DELETE FROM main.\"%s\"", name);
      g_autofree char *select = g_strdup_printf ("SELECT * FROM \"%s\"", name);
      g_autoptr(GString) insert = g_string_new (NULL);
      sqlite3_stmt *from = NULL, *to = NULL;
      int n_columns;

      if (!hd_database_exec (db, clear, error))
        {
          ok = FALSE;
          break;
        }
      rc = sqlite3_prepare_v2 (b->db, select, -1, &from, NULL);
      if (rc != SQLITE_OK)
        break;
      n_columns = sqlite3_column_count (from);
      g_string_printf (insert, "INSERT INTO main.\"%s\" VALUES (?", name);
      for (int i = 1; i < n_columns; i++)
        g_string_append (insert, ", ?");
      g_string_append_c (insert, ')');
      if (sqlite3_prepare_v2 (handle, insert->str, -1, &to, NULL) != SQLITE_OK)
        {
          hd_database_set_error (db, sqlite3_errcode (handle), error);
          ok = FALSE;
        }
      while (ok && (rc = sqlite3_step (from)) == SQLITE_ROW)
        {
          for (int i = 0; i < n_columns; i++)
            sqlite3_bind_value (to, i + 1, sqlite3_column_value (from, i));
          if (!hd_database_step_done (db, to, error))
            ok = FALSE;
          sqlite3_reset (to);
        }
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
      sqlite3_finalize (from);
      sqlite3_finalize (to);
    }
  sqlite3_db_config (handle, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  if (ok && rc != SQLITE_OK && rc != SQLITE_DONE)
    {
      g_debug ("search index: %s", sqlite3_errmsg (b->db));
      hd_sqlite_set_error (NULL, rc, error);
      ok = FALSE;
    }
  sqlite3_finalize (tables);
  return ok;
}

